//! (being written)

use std::process::ExitCode;

/// Arguments (being written).
#[derive(clap::Args)]
pub struct ExtractArgs {}

/// Runs the command.
pub fn run(_args: ExtractArgs) -> anyhow::Result<ExitCode> {
    anyhow::bail!("not built yet")
}
