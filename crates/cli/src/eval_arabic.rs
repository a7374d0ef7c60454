//! (being written)

use std::process::ExitCode;

/// Arguments (being written).
#[derive(clap::Args)]
pub struct EvalArabicArgs {}

/// Runs the command.
pub fn run(_args: EvalArabicArgs) -> anyhow::Result<ExitCode> {
    anyhow::bail!("not built yet")
}
