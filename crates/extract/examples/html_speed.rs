//! Speed of the HTML extractor on one thread, whole and by phase (decode, id, parse,
//! metadata, blocks, selection), over every `*.html.gz` page below a folder, held in memory.
//!
//! ```text
//! cargo run --release -p marsad-extract --example html_speed -- ../shared/data/extraction [ROUNDS] [--only]
//! ```
//!
//! `--only` skips the per-phase pass (for profiling the whole extractor with `perf`); `--max N`
//! reads only the first N pages (for instruction counts under `valgrind --tool=callgrind`).

use std::io::Read;
use std::path::{Path, PathBuf};
use std::time::Instant;

use marsad_extract::html::dom::Document;
use marsad_extract::html::{blocks, content, meta};
use marsad_extract::{InputKind, Options, decode, extract, input_id};

fn pages(dir: &Path, out: &mut Vec<PathBuf>) {
    let Ok(rd) = std::fs::read_dir(dir) else {
        return;
    };
    let mut v: Vec<PathBuf> = rd.flatten().map(|e| e.path()).collect();
    v.sort();
    for p in v {
        if p.is_dir() {
            pages(&p, out);
        } else if p.to_string_lossy().ends_with(".html.gz") {
            out.push(p);
        }
    }
}

/// This thread's CPU time in seconds (Linux `schedstat`; 0 elsewhere): other jobs on a shared
/// machine inflate wall time, much less this.
fn cpu_s() -> f64 {
    std::fs::read_to_string("/proc/thread-self/schedstat")
        .ok()
        .and_then(|s| s.split_whitespace().next()?.parse::<f64>().ok())
        .map_or(0.0, |ns| ns / 1e9)
}

fn median(mut v: Vec<f64>) -> f64 {
    v.sort_by(f64::total_cmp);
    v.get(v.len() / 2).copied().unwrap_or(0.0)
}

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let args: Vec<String> = std::env::args().collect();
    let root = args
        .get(1)
        .cloned()
        .unwrap_or_else(|| "../shared/data/extraction".into());
    let rounds: usize = args.get(2).and_then(|s| s.parse().ok()).unwrap_or(3);
    let only = args.iter().any(|a| a == "--only");
    let max: usize = args
        .iter()
        .position(|a| a == "--max")
        .and_then(|i| args.get(i + 1)?.parse().ok())
        .unwrap_or(usize::MAX);
    let mut files = Vec::new();
    pages(Path::new(&root), &mut files);
    files.truncate(max);
    let mut raw_pages: Vec<Vec<u8>> = Vec::new();
    for f in &files {
        let mut raw = Vec::new();
        flate2::read::GzDecoder::new(std::fs::File::open(f)?).read_to_end(&mut raw)?;
        raw_pages.push(raw);
    }
    let total: usize = raw_pages.iter().map(Vec::len).sum();
    let opts = Options {
        input: InputKind::Html,
        ..Options::default()
    };
    if let Some(p) = raw_pages.first() {
        let _ = extract(p, &opts);
    }
    let mut whole = Vec::new();
    let mut cpu = Vec::new();
    for _ in 0..rounds {
        let t = Instant::now();
        let c = cpu_s();
        for p in &raw_pages {
            let _ = extract(p, &opts);
        }
        cpu.push(cpu_s() - c);
        whole.push(t.elapsed().as_secs_f64());
    }
    let w = median(whole);
    let c = median(cpu);
    println!(
        "extract: {} pages, {:.1} MB, {:.3} s wall (median of {rounds}), {:.1} pages/s wall, \
         {:.1} pages/s CPU, {:.1} MB/s wall",
        raw_pages.len(),
        total as f64 / 1e6,
        w,
        raw_pages.len() as f64 / w,
        raw_pages.len() as f64 / c,
        total as f64 / 1e6 / w
    );
    if only {
        return Ok(());
    }
    // Phases: [decode, id, parse, meta, blocks, select].
    let names = ["decode", "id", "parse", "meta", "blocks", "select"];
    let mut sums = vec![Vec::new(); names.len()];
    for _ in 0..rounds {
        let mut t_phase = [0f64; 6];
        for p in &raw_pages {
            let t = Instant::now();
            let Ok(d) = decode::decode(p) else { continue };
            t_phase[0] += t.elapsed().as_secs_f64();
            let t = Instant::now();
            std::hint::black_box(input_id(p));
            t_phase[1] += t.elapsed().as_secs_f64();
            let t = Instant::now();
            let doc = Document::parse(&d.text);
            t_phase[2] += t.elapsed().as_secs_f64();
            let t = Instant::now();
            std::hint::black_box(meta::read(&doc, &d.text, &opts));
            t_phase[3] += t.elapsed().as_secs_f64();
            let t = Instant::now();
            let b = blocks::collect(&doc);
            t_phase[4] += t.elapsed().as_secs_f64();
            let t = Instant::now();
            std::hint::black_box(content::select(&doc, &b, &content::Params::default()));
            t_phase[5] += t.elapsed().as_secs_f64();
        }
        for (s, v) in sums.iter_mut().zip(t_phase) {
            s.push(v);
        }
    }
    for (name, v) in names.iter().zip(sums) {
        let m = median(v);
        println!("  {name:<7} {m:.3} s  ({:.1}% of extract)", 100.0 * m / w);
    }
    Ok(())
}
