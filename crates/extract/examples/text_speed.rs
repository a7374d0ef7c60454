//! Speed of the flattened-text extractor (single pages, one thread) and of site-template
//! learning at 1k, 10k, 100k and 1M lines.
//!
//! ```text
//! cargo run --release -p marsad-extract --example text_speed -- ../shared/data/flattened
//! ```
//!
//! `--pages-only` skips the template curve (for profiling single pages); `--rounds N` times N
//! passes instead of 5 (`--rounds 1` keeps a callgrind run short).

use std::io::Read;
use std::path::{Path, PathBuf};
use std::time::Instant;

use marsad_extract::text::SiteTemplate;
use marsad_extract::{InputKind, Options, extract};

fn texts(dir: &Path, out: &mut Vec<PathBuf>) {
    let Ok(rd) = std::fs::read_dir(dir) else {
        return;
    };
    let mut v: Vec<PathBuf> = rd.flatten().map(|e| e.path()).collect();
    v.sort();
    for p in v {
        if p.is_dir() {
            texts(&p, out);
        } else if p.to_string_lossy().ends_with(".txt.gz") {
            out.push(p);
        }
    }
}

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let root = std::env::args()
        .nth(1)
        .unwrap_or_else(|| "../shared/data/flattened".into());
    let mut files = Vec::new();
    texts(Path::new(&root), &mut files);
    let mut pages: Vec<Vec<u8>> = Vec::new();
    for f in &files {
        let mut raw = Vec::new();
        flate2::read::GzDecoder::new(std::fs::File::open(f)?).read_to_end(&mut raw)?;
        pages.push(raw);
    }
    if pages.is_empty() {
        return Err(
            format!("no .txt.gz pages under {root} (give the flattened set's folder)").into(),
        );
    }
    let total: usize = pages.iter().map(Vec::len).sum();
    let opts = Options {
        input: InputKind::Text,
        ..Options::default()
    };
    // Warm up the lazily built tables.
    if let Some(p) = pages.first() {
        let _ = extract(p, &opts);
    }
    let args: Vec<String> = std::env::args().collect();
    let rounds = args
        .iter()
        .position(|a| a == "--rounds")
        .and_then(|i| args.get(i + 1))
        .and_then(|n| n.parse::<usize>().ok())
        .unwrap_or(5)
        .max(1);
    let mut best = f64::MAX;
    for _ in 0..rounds {
        let t = Instant::now();
        for p in &pages {
            let _ = extract(p, &opts);
        }
        best = best.min(t.elapsed().as_secs_f64());
    }
    println!(
        "single pages: {} pages, {:.1} MB, {:.3} s (best of {}), {:.1} MB/s on one thread",
        pages.len(),
        total as f64 / 1e6,
        best,
        rounds,
        total as f64 / 1e6 / best
    );
    if args.iter().any(|a| a == "--pages-only") {
        return Ok(());
    }
    // Template learning: pages of 100 real lines, 1k … 1M lines in all.
    let lines: Vec<&str> = pages
        .iter()
        .filter_map(|p| std::str::from_utf8(p).ok())
        .flat_map(|s| s.lines())
        .collect();
    println!("template learning (pages of 100 lines):");
    for n in [1_000usize, 10_000, 100_000, 1_000_000] {
        let mut synthetic: Vec<String> = Vec::new();
        let mut i = 0usize;
        while synthetic.len() * 100 < n {
            let page: Vec<&str> = (0..100).map(|k| lines[(i + k) % lines.len()]).collect();
            synthetic.push(page.join("\n"));
            i += 100;
        }
        let bytes: usize = synthetic.iter().map(String::len).sum();
        let t = Instant::now();
        let tpl = SiteTemplate::learn(synthetic.iter().map(String::as_str));
        let s = t.elapsed().as_secs_f64();
        println!(
            "  {n:>9} lines, {:>6} pages, {:>7.1} MB: {:.4} s ({:.0} ns/line, {:.1} MB/s), {} template lines",
            synthetic.len(),
            bytes as f64 / 1e6,
            s,
            s * 1e9 / n as f64,
            bytes as f64 / 1e6 / s,
            tpl.len()
        );
    }
    Ok(())
}
