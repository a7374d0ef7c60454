//! Speed of normalisation and tokenisation on the ANT texts, one thread (a benchmark, not a test).
//!
//! Run: `cargo run --release -p marsad-arabic --example speed [-- [--rounds N] NAME…]` (only the
//! benchmarks named; `--rounds N` timed passes instead of 5, e.g. 1 under callgrind; `--dump PATH`
//! writes every token instead, to `cmp` the tokenizer's output before and after a change)
//! (needs `../shared/data/arabic/ant-*`). Prints MB/s (10^6 bytes of UTF-8 input per second) for
//! `normalize` (whole text), `normalize_mapped` (with the offset map), `tokenize` (tokens with
//! offsets, per-token normalised form and clitic split) and `tokenize+stem`; best of 5 runs (or `--rounds N`).

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

/// CPU seconds this thread has used (Linux: `/proc/thread-self/schedstat`, nanoseconds on the
/// CPU; else `/proc/thread-self/stat`, clock ticks of 10 ms); `None` elsewhere. The machine may
/// be shared, so CPU time is the per-core figure.
fn thread_cpu_s() -> Option<f64> {
    if let Ok(s) = std::fs::read_to_string("/proc/thread-self/schedstat")
        && let Some(ns) = s
            .split_whitespace()
            .next()
            .and_then(|x| x.parse::<f64>().ok())
    {
        return Some(ns / 1e9);
    }
    let s = std::fs::read_to_string("/proc/thread-self/stat").ok()?;
    let after = s.rsplit_once(')')?.1;
    let f: Vec<&str> = after.split_whitespace().collect();
    let ut: f64 = f.get(11)?.parse().ok()?;
    let st: f64 = f.get(12)?.parse().ok()?;
    Some((ut + st) / 100.0)
}

fn bench(name: &str, docs: &[String], f: impl Fn(&str) -> usize) {
    // `speed [--rounds N] NAME…`: run only the benchmarks named, N passes each.
    let args: Vec<String> = std::env::args().skip(1).collect();
    let rounds: usize = args
        .iter()
        .position(|a| a == "--rounds")
        .and_then(|i| args.get(i + 1))
        .and_then(|s| s.parse().ok())
        .unwrap_or(5);
    let only: Vec<&String> = args
        .iter()
        .enumerate()
        .filter(|(i, a)| *a != "--rounds" && (*i == 0 || args[i - 1] != "--rounds"))
        .map(|(_, a)| a)
        .collect();
    if !only.is_empty() && !only.iter().any(|o| name == o.as_str()) {
        return;
    }
    let bytes: usize = docs.iter().map(String::len).sum();
    let mut best = f64::MAX;
    let mut best_cpu = f64::MAX;
    let mut sink = 0usize;
    for _ in 0..rounds.max(1) {
        let c0 = thread_cpu_s();
        let t = Instant::now();
        for d in docs {
            sink = sink.wrapping_add(f(black_box(d)));
        }
        best = best.min(t.elapsed().as_secs_f64());
        if let (Some(a), Some(b)) = (c0, thread_cpu_s()) {
            best_cpu = best_cpu.min(b - a);
        }
    }
    let mb = bytes as f64 / 1e6;
    println!(
        "{name}\t{:.1} MB/s wall\t{:.1} MB/s CPU\t({mb:.1} MB, best wall {best:.3}s, best CPU {best_cpu:.2}s, checksum {sink})",
        mb / best,
        mb / best_cpu,
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
    // `speed --dump PATH`: every token (start, end, kind, base offset, normalised form) of every
    // text, to `cmp` the tokenizer's output before and after a change; no benchmark runs.
    let args: Vec<String> = std::env::args().collect();
    if let Some(p) = args
        .iter()
        .position(|a| a == "--dump")
        .and_then(|i| args.get(i + 1))
    {
        use std::io::Write;
        let mut w = std::io::BufWriter::new(std::fs::File::create(p)?);
        for d in &docs {
            for t in tokenize(d) {
                writeln!(
                    w,
                    "{}\t{}\t{:?}\t{}\t{}",
                    t.start, t.end, t.kind, t.base_offset, t.norm
                )?;
            }
        }
        return Ok(());
    }
    bench("normalize", &docs, |d| {
        normalize_with(d, &Options::MATCH).len()
    });
    bench("normalize_mapped", &docs, |d| {
        normalize_mapped(d, &Options::MATCH).text().len()
    });
    bench("tokenize", &docs, |d| {
        tokenize(d).map(|t| t.norm.len() + t.base_offset).sum()
    });
    bench("tokenize (next_span, no allocation)", &docs, |d| {
        let mut toks = tokenize(d);
        let mut norm = String::new();
        let mut n = 0;
        while let Some(t) = toks.next_span(&mut norm) {
            n += norm.len() + t.base_offset;
        }
        n
    });
    bench("tokenize+stem", &docs, |d| {
        tokenize(d).map(|t| stem_normalized(&t.norm).len()).sum()
    });
    Ok(())
}
