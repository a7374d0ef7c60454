//! `marsad bench extract DIR`: extraction speed and memory over the pages of a gold folder.
//!
//! Measured as `../shared/data/extraction/BASELINES.md` measured the peers, one thread: each page
//! listed by the `gold.jsonl` files below DIR is read and gunzipped outside the timed region, then
//! `marsad_extract::extract` is timed on the bytes (charset decoding included), summed over the
//! pages; pages/s = pages / summed time, MB/s over the decompressed bytes. By default pages are
//! loaded one at a time, so the peak RSS (`VmHWM`) is the extractor's plus the largest page, as in
//! BASELINES; `--preload` reads every page into memory before timing (the peak RSS then includes
//! the whole corpus). Each timed region is measured by the wall clock (as BASELINES) and by the
//! thread's CPU time (`CLOCK_THREAD_CPUTIME_ID`), which other jobs on a shared machine do not
//! inflate. The peers are measured beside Marsad by the separate `bench/` crate
//! (`peers`), which is never linked into this binary.

use std::collections::BTreeMap;
use std::path::PathBuf;
use std::process::ExitCode;
use std::time::{Duration, Instant};

use marsad_extract::Options;
use serde::Serialize;

use crate::eval_extraction::{GoldPage, load_gold};
use crate::{guard, inputs};

/// Benchmarks.
#[derive(clap::Subcommand)]
pub enum BenchCommand {
    /// Extraction speed and memory over a folder of pages (one thread).
    Extract(BenchExtractArgs),
}

/// Arguments of `marsad bench extract`.
#[derive(clap::Args)]
pub struct BenchExtractArgs {
    /// Folder with `gold.jsonl` files below it (e.g. ../shared/data/extraction).
    #[arg(value_name = "DIR")]
    pub dir: PathBuf,
    /// Time every page this many times (rounds over the whole set).
    #[arg(long, default_value_t = 1, value_parser = clap::value_parser!(u32).range(1..))]
    pub repeat: u32,
    /// Print JSON instead of the table.
    #[arg(long)]
    pub json: bool,
    /// Read every page into memory before timing (peak RSS then includes the corpus).
    #[arg(long)]
    pub preload: bool,
}

/// Sums over a set of pages.
#[derive(Default, Serialize, Clone)]
struct Sums {
    pages: usize,
    errors: usize,
    panics: usize,
    bytes: u64,
    seconds: f64,
    cpu_seconds: f64,
    pages_per_s: f64,
    mb_per_s: f64,
    cpu_pages_per_s: f64,
}

impl Sums {
    fn finish(&mut self, repeat: u32) {
        if self.seconds > 0.0 {
            let r = f64::from(repeat);
            self.pages_per_s = self.pages as f64 * r / self.seconds;
            self.mb_per_s = self.bytes as f64 * r / 1e6 / self.seconds;
        }
        if self.cpu_seconds > 0.0 {
            self.cpu_pages_per_s = self.pages as f64 * f64::from(repeat) / self.cpu_seconds;
        }
    }
}

#[derive(Serialize)]
struct Report {
    extractor: &'static str,
    dir: String,
    repeat: u32,
    preload: bool,
    threads: usize,
    all: Sums,
    datasets: BTreeMap<String, Sums>,
    slowest_ms: f64,
    slowest_page: String,
    peak_rss_mb: f64,
}

/// Peak resident set size of this process (`VmHWM` from `/proc/self/status`), in MB.
pub fn peak_rss_mb() -> f64 {
    std::fs::read_to_string("/proc/self/status")
        .ok()
        .and_then(|s| {
            s.lines()
                .find(|l| l.starts_with("VmHWM:"))
                .and_then(|l| l.split_whitespace().nth(1))
                .and_then(|v| v.parse::<f64>().ok())
        })
        .map(|kb| kb / 1024.0)
        .unwrap_or(0.0)
}

/// Runs a benchmark.
pub fn run(c: BenchCommand) -> anyhow::Result<ExitCode> {
    match c {
        BenchCommand::Extract(a) => bench_extract(a),
    }
}

/// CPU time consumed by the calling thread so far.
fn thread_cpu() -> Duration {
    let mut ts = libc::timespec {
        tv_sec: 0,
        tv_nsec: 0,
    };
    // SAFETY: `ts` is a valid, writable timespec owned by this frame; the call only writes it.
    let rc = unsafe { libc::clock_gettime(libc::CLOCK_THREAD_CPUTIME_ID, &mut ts) };
    if rc != 0 {
        return Duration::ZERO;
    }
    let secs = u64::try_from(ts.tv_sec).unwrap_or(0);
    let nanos = u32::try_from(ts.tv_nsec).unwrap_or(0).min(999_999_999);
    Duration::new(secs, nanos)
}

/// Times one extraction: (wall, cpu, error, panic).
fn time_page(p: &GoldPage, bytes: &[u8]) -> (Duration, Duration, bool, bool) {
    let opts = Options {
        url: p.url.clone(),
        input: p.kind,
        ..Default::default()
    };
    let c = thread_cpu();
    let t = Instant::now();
    let r = guard::catch(|| marsad_extract::extract(bytes, &opts));
    let dt = t.elapsed();
    let dc = thread_cpu().saturating_sub(c);
    match r {
        Ok(Ok(_)) => (dt, dc, false, false),
        Ok(Err(_)) => (dt, dc, true, false),
        Err(_) => (dt, dc, true, true),
    }
}

fn bench_extract(a: BenchExtractArgs) -> anyhow::Result<ExitCode> {
    guard::quiet_panics();
    let pages = load_gold(&a.dir)?;
    let preloaded: Vec<Option<Vec<u8>>> = if a.preload {
        pages
            .iter()
            .map(|p| inputs::read_file(&p.file).ok())
            .collect()
    } else {
        Vec::new()
    };
    let mut all = Sums::default();
    let mut datasets: BTreeMap<String, Sums> = BTreeMap::new();
    let mut slowest = (Duration::ZERO, String::new());
    for round in 0..a.repeat {
        for (i, p) in pages.iter().enumerate() {
            let loaded;
            let bytes = if a.preload {
                preloaded[i].as_deref()
            } else {
                loaded = inputs::read_file(&p.file).ok();
                loaded.as_deref()
            };
            let (dt, dc, error, panic) = match bytes {
                Some(b) => time_page(p, b),
                None => (Duration::ZERO, Duration::ZERO, true, false),
            };
            let ds = datasets.entry(p.dataset.clone()).or_default();
            for s in [&mut all, ds] {
                s.seconds += dt.as_secs_f64();
                s.cpu_seconds += dc.as_secs_f64();
                if round == 0 {
                    s.pages += 1;
                    s.bytes += bytes.map_or(0, |b| b.len() as u64);
                    s.errors += usize::from(error);
                    s.panics += usize::from(panic);
                }
            }
            if dt > slowest.0 {
                slowest = (dt, format!("{}/{}", p.dataset, p.id));
            }
        }
    }
    all.finish(a.repeat);
    for s in datasets.values_mut() {
        s.finish(a.repeat);
    }
    let report = Report {
        extractor: "marsad",
        dir: a.dir.display().to_string(),
        repeat: a.repeat,
        preload: a.preload,
        threads: 1,
        all,
        datasets,
        slowest_ms: slowest.0.as_secs_f64() * 1000.0,
        slowest_page: slowest.1,
        peak_rss_mb: peak_rss_mb(),
    };
    if a.json {
        println!("{}", serde_json::to_string_pretty(&report)?);
    } else {
        println!(
            "marsad bench extract {} (one thread, repeat {}, {})",
            report.dir,
            report.repeat,
            if report.preload {
                "all pages preloaded"
            } else {
                "pages loaded one at a time, untimed"
            }
        );
        println!(
            "| dataset | pages | errors | panics | MB | wall s | pages/s | MB/s | CPU s | pages/s (CPU) |"
        );
        println!("|---|---|---|---|---|---|---|---|---|---|");
        let rows = report
            .datasets
            .iter()
            .map(|(k, v)| (k.as_str(), v))
            .chain(std::iter::once(("ALL", &report.all)));
        for (name, s) in rows {
            println!(
                "| {name} | {} | {} | {} | {:.1} | {:.3} | {:.1} | {:.1} | {:.3} | {:.1} |",
                s.pages,
                s.errors,
                s.panics,
                s.bytes as f64 / 1e6,
                s.seconds,
                s.pages_per_s,
                s.mb_per_s,
                s.cpu_seconds,
                s.cpu_pages_per_s
            );
        }
        println!(
            "peak RSS {:.1} MB; slowest page {:.1} ms ({})",
            report.peak_rss_mb,
            report.slowest_ms,
            if report.slowest_page.is_empty() {
                "-"
            } else {
                &report.slowest_page
            }
        );
    }
    Ok(ExitCode::SUCCESS)
}
