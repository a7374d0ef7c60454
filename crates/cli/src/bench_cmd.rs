//! (being written)

use std::process::ExitCode;

/// Benchmarks.
#[derive(clap::Subcommand)]
pub enum BenchCommand {
    /// Extraction speed and memory over a folder of pages.
    Extract,
}

/// Runs the command.
pub fn run(_c: BenchCommand) -> anyhow::Result<ExitCode> {
    anyhow::bail!("not built yet")
}
