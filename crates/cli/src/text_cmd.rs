//! (being written)

use std::process::ExitCode;

/// Arguments (being written).
#[derive(clap::Args)]
pub struct TextArgs {}

/// Runs the command.
pub fn run(_args: TextArgs) -> anyhow::Result<ExitCode> {
    anyhow::bail!("not built yet")
}
