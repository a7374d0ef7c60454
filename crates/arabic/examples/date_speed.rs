//! Date scanning speed over whole ANT articles (a benchmark, not a test).
//!
//! ```text
//! cargo run --release -p marsad-arabic --example date_speed [-- ROUNDS]
//! ```
//!
//! Reads `../shared/data/arabic/ant-*/articles.jsonl.gz`, then runs `find_dates` over every
//! article text with its publication time as reference and reports MB/s (wall, and CPU time of
//! the thread: the per-core figure on a shared machine) and the
//! number of expressions found.

use std::io::{BufRead, BufReader};
use std::time::Instant;

use marsad_arabic::dates::{DateContext, find_dates};

const DATA: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/../../../shared/data/arabic");

/// CPU seconds this thread has used (Linux `/proc/thread-self/schedstat`, nanoseconds on the
/// CPU); `None` elsewhere. The machine may be shared, so CPU time is the per-core figure.
fn thread_cpu_s() -> Option<f64> {
    let s = std::fs::read_to_string("/proc/thread-self/schedstat").ok()?;
    Some(s.split_whitespace().next()?.parse::<f64>().ok()? / 1e9)
}

fn main() {
    let rounds: usize = std::env::args()
        .nth(1)
        .and_then(|a| a.parse().ok())
        .unwrap_or(3);
    let mut arts: Vec<(String, DateContext)> = Vec::new();
    for corpus in ["ant-multisource", "ant-jawharafm"] {
        let path = format!("{DATA}/{corpus}/articles.jsonl.gz");
        let Ok(f) = std::fs::File::open(&path) else {
            eprintln!("SKIP: {path} not found (the shared data folder is absent)");
            return;
        };
        for line in BufReader::new(flate2::read::GzDecoder::new(f)).lines() {
            let Ok(line) = line else { break };
            let Ok(v) = serde_json::from_str::<serde_json::Value>(&line) else {
                continue;
            };
            let text = v["text"].as_str().unwrap_or("").to_string();
            let published = v["published"].as_str().unwrap_or("");
            let reference = published
                .parse::<jiff::Timestamp>()
                .ok()
                .map(|t| t.to_zoned_datetime(jiff::tz::TimeZone::UTC));
            arts.push((
                text,
                DateContext {
                    reference,
                    zone: None,
                },
            ));
        }
    }
    let bytes: usize = arts.iter().map(|(t, _)| t.len()).sum();
    // warm up (lexicon, page cache)
    let mut found = 0usize;
    for (t, c) in arts.iter().take(200) {
        found += find_dates(t, c).len();
    }
    let _ = found;
    let mut best = f64::MAX;
    let mut best_cpu = f64::MAX;
    let mut total = 0usize;
    for _ in 0..rounds {
        let c0 = thread_cpu_s();
        let start = Instant::now();
        total = 0;
        for (t, c) in &arts {
            total += find_dates(t, c).len();
        }
        best = best.min(start.elapsed().as_secs_f64());
        if let (Some(a), Some(b)) = (c0, thread_cpu_s()) {
            best_cpu = best_cpu.min(b - a);
        }
    }
    let mb = bytes as f64 / 1e6;
    println!(
        "date scanning: {} articles, {mb:.1} MB, best of {rounds}: {best:.3} s = {:.1} MB/s wall, {:.1} MB/s CPU (one core), {} expressions",
        arts.len(),
        mb / best,
        mb / best_cpu,
        total
    );
}
