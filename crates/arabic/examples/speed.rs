//! Speed of normalisation and tokenisation on the ANT texts, one thread (a benchmark, not a test).
//!
//! Run: `cargo run --release -p marsad-arabic --example speed`
//! (needs `../shared/data/arabic/ant-*`). Prints MB/s (10^6 bytes of UTF-8 input per second) for
//! `normalize` (whole text), `normalize_mapped` (with the offset map), `tokenize` (tokens with
//! offsets, per-token normalised form and clitic split) and `tokenize+stem`; best of 3 runs.

use std::hint::black_box;
use std::io::{BufRead, BufReader};
use std::path::Path;
use std::time::Instant;

use marsad_arabic::normalize::{Options, normalize_mapped, normalize_with};
use marsad_arabic::stem::stem_normalized;
use marsad_arabic::tokenize::tokenize;

fn load(root: &Path) -> Result<Vec<String>, Box<dyn std::error::Error>> {
    let mut out = Vec::new();
    for corpus in ["ant-multisource", "ant-jawharafm"] {
        let f = std::fs::File::open(root.join(corpus).join("articles.jsonl.gz"))?;
        for line in BufReader::new(flate2::read::GzDecoder::new(f)).lines() {
            let v: serde_json::Value = serde_json::from_str(&line?)?;
            let mut t = v["title"].as_str().unwrap_or("").to_string();
            t.push('\n');
            t.push_str(v["text"].as_str().unwrap_or(""));
            out.push(t);
        }
    }
    Ok(out)
}

fn bench(name: &str, docs: &[String], f: impl Fn(&str) -> usize) {
    let bytes: usize = docs.iter().map(String::len).sum();
    let mut best = f64::MAX;
    let mut sink = 0usize;
    for _ in 0..3 {
        let t = Instant::now();
        for d in docs {
            sink = sink.wrapping_add(f(black_box(d)));
        }
        best = best.min(t.elapsed().as_secs_f64());
    }
    println!(
        "{name}\t{:.1} MB/s\t({:.1} MB in {best:.3}s, checksum {sink})",
        bytes as f64 / 1e6 / best,
        bytes as f64 / 1e6
    );
}

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let root = Path::new(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../../../shared/data/arabic"
    ));
    if !root.join("ant-multisource").exists() {
        eprintln!("speed: {} not found; skipping", root.display());
        return Ok(());
    }
    let docs = load(root)?;
    bench("normalize", &docs, |d| {
        normalize_with(d, &Options::MATCH).len()
    });
    bench("normalize_mapped", &docs, |d| {
        normalize_mapped(d, &Options::MATCH).text().len()
    });
    bench("tokenize", &docs, |d| {
        tokenize(d).map(|t| t.norm.len() + t.base_offset).sum()
    });
    bench("tokenize+stem", &docs, |d| {
        tokenize(d).map(|t| stem_normalized(&t.norm).len()).sum()
    });
    Ok(())
}
