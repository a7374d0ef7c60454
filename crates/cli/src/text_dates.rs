//! `marsad text dates` and `marsad text dateline` (being written).

/// Arguments of `marsad text dates`.
#[derive(clap::Args)]
pub struct DatesArgs {}

/// Arguments of `marsad text dateline`.
#[derive(clap::Args)]
pub struct DatelineArgs {}

/// Runs `marsad text dates`.
pub fn run_dates(_args: DatesArgs) -> anyhow::Result<std::process::ExitCode> {
    anyhow::bail!("not built yet")
}

/// Runs `marsad text dateline`.
pub fn run_dateline(_args: DatelineArgs) -> anyhow::Result<std::process::ExitCode> {
    anyhow::bail!("not built yet")
}
