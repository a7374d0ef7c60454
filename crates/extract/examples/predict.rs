//! Predictions for the shared extraction scorer, without the CLI.
//!
//! `cargo run --release -p marsad-extract --example predict -- GOLD_DIR OUT.jsonl [--parse-only]`
//! walks every `*/gold.jsonl` under GOLD_DIR (e.g. `../shared/data/extraction`), gunzips each
//! page, runs [`marsad_extract::extract`] with the gold URL as hint, and writes
//! `{"dataset","id","text","title","author","date"}` lines. It prints pages/s over the timed
//! extraction calls only (decoding included, reading and gunzip excluded).

use std::io::{Read, Write};
use std::time::{Duration, Instant};

use marsad_extract::{Options, extract};

fn main() {
    let args: Vec<String> = std::env::args().collect();
    if args.len() < 3 {
        eprintln!("usage: predict GOLD_DIR OUT.jsonl [--parse-only]");
        std::process::exit(2);
    }
    let dir = std::path::Path::new(&args[1]);
    let parse_only = args.iter().any(|a| a == "--parse-only");
    let mut out = std::io::BufWriter::new(std::fs::File::create(&args[2]).expect("create out"));
    let mut sets: Vec<_> = std::fs::read_dir(dir)
        .expect("gold dir")
        .filter_map(|e| e.ok())
        .map(|e| e.path())
        .filter(|p| p.join("gold.jsonl").exists())
        .collect();
    sets.sort();
    let (mut pages, mut bytes, mut spent) = (0usize, 0usize, Duration::ZERO);
    let mut slowest = (Duration::ZERO, String::new());
    for set in sets {
        let gold = std::fs::read_to_string(set.join("gold.jsonl")).expect("gold");
        for line in gold.lines().filter(|l| !l.trim().is_empty()) {
            let row: serde_json::Value = serde_json::from_str(line).expect("gold row");
            let flat = row["text_path"].is_string();
            let (Some(id), Some(ds), Some(path)) = (
                row["id"].as_str(),
                row["dataset"].as_str(),
                row["path"].as_str().or(row["text_path"].as_str()),
            ) else {
                continue;
            };
            let mut raw = Vec::new();
            let f = std::fs::File::open(set.join(path)).expect("page");
            flate2::read::GzDecoder::new(f)
                .read_to_end(&mut raw)
                .expect("gunzip");
            let opts = Options {
                url: row["url"].as_str().map(str::to_string),
                input: if flat {
                    marsad_extract::InputKind::Text
                } else {
                    marsad_extract::InputKind::Auto
                },
                ..Options::default()
            };
            let t = Instant::now();
            if parse_only {
                let text = String::from_utf8_lossy(&raw);
                let doc = marsad_extract::html::dom::Document::parse(&text);
                std::hint::black_box(doc.len());
                spent += t.elapsed();
                pages += 1;
                bytes += raw.len();
                continue;
            }
            let res = extract(&raw, &opts);
            let el = t.elapsed();
            spent += el;
            if el > slowest.0 {
                slowest = (el, format!("{ds}/{id}"));
            }
            pages += 1;
            bytes += raw.len();
            let rec = match res {
                Ok(x) => {
                    let a = x.article;
                    serde_json::json!({
                        "dataset": ds, "id": id,
                        "text": a.body_text(),
                        "title": a.title.as_ref().map(|t| t.text.clone()),
                        "author": a.authors.iter().map(|t| t.text.clone()).collect::<Vec<_>>().join(", "),
                        "date": a.published.as_ref().and_then(|s| s.day().map(str::to_string)),
                    })
                }
                Err(e) => {
                    serde_json::json!({"dataset": ds, "id": id, "text": "", "error": e.to_string()})
                }
            };
            writeln!(out, "{rec}").expect("write");
        }
    }
    let secs = spent.as_secs_f64().max(1e-9);
    eprintln!(
        "{pages} pages, {:.1} MB in {:.2} s: {:.0} pages/s, {:.0} MB/s; slowest {} ({:.1} ms)",
        bytes as f64 / 1e6,
        secs,
        pages as f64 / secs,
        bytes as f64 / 1e6 / secs,
        slowest.1,
        slowest.0.as_secs_f64() * 1e3
    );
}
