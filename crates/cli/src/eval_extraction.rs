//! (being written)

use std::process::ExitCode;

/// Arguments (being written).
#[derive(clap::Args)]
pub struct EvalExtractionArgs {}

/// Runs the command.
pub fn run(_args: EvalExtractionArgs) -> anyhow::Result<ExitCode> {
    anyhow::bail!("not built yet")
}
