//! Runs the flattened-text extractor over a flattened gold set and writes predictions for
//! `extraction_eval.py`.
//!
//! ```text
//! cargo run --release -p marsad-extract --example text_predict -- ../shared/data/flattened pred.jsonl [--no-url]
//! python3 ../shared/eval/extraction_eval.py ../shared/data/flattened pred.jsonl
//! ```
//!
//! Every `gold.jsonl` below the folder is read; each row's `text_path` is gunzipped and given to
//! the extractor as text (the page URL from the row is passed as the `url` hint unless `--no-url`).
//! Output rows: `{"dataset","id","text","title","author","date"}`.

use std::io::{BufRead, BufReader, Read, Write};
use std::path::{Path, PathBuf};

use marsad_extract::{InputKind, Options, extract};
use serde_json::{Value, json};

fn gold_files(dir: &Path, out: &mut Vec<PathBuf>) {
    let Ok(rd) = std::fs::read_dir(dir) else {
        return;
    };
    let mut entries: Vec<PathBuf> = rd.flatten().map(|e| e.path()).collect();
    entries.sort();
    for p in entries {
        if p.is_dir() {
            gold_files(&p, out);
        } else if p.file_name().is_some_and(|n| n == "gold.jsonl") {
            out.push(p);
        }
    }
}

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let (Some(root), Some(out_path)) = (args.first(), args.get(1)) else {
        eprintln!("usage: text_predict FLATTENED_DIR PRED.jsonl [--no-url]");
        std::process::exit(2);
    };
    let use_url = !args.iter().any(|a| a == "--no-url");
    let mut golds = Vec::new();
    gold_files(Path::new(root), &mut golds);
    let mut out = std::io::BufWriter::new(std::fs::File::create(out_path)?);
    let (mut pages, mut bytes_total) = (0usize, 0usize);
    let t0 = std::time::Instant::now();
    let mut secs = 0.0f64;
    for g in golds {
        let base = g.parent().unwrap_or(Path::new("."));
        for line in BufReader::new(std::fs::File::open(&g)?).lines() {
            let line = line?;
            if line.trim().is_empty() {
                continue;
            }
            let row: Value = serde_json::from_str(&line)?;
            let Some(tp) = row["text_path"].as_str() else {
                continue;
            };
            let mut raw = Vec::new();
            flate2::read::GzDecoder::new(std::fs::File::open(base.join(tp))?)
                .read_to_end(&mut raw)?;
            let opts = Options {
                input: InputKind::Text,
                url: if use_url {
                    row["url"].as_str().map(str::to_string)
                } else {
                    None
                },
                ..Options::default()
            };
            let t = std::time::Instant::now();
            let res = extract(&raw, &opts);
            secs += t.elapsed().as_secs_f64();
            bytes_total += raw.len();
            pages += 1;
            let pred = match res {
                Ok(x) => {
                    let a = x.article;
                    json!({
                        "dataset": row["dataset"], "id": row["id"],
                        "text": a.body_text(),
                        "title": a.title.as_ref().map(|t| t.text.clone()),
                        "author": a.authors.iter().map(|t| t.text.clone()).collect::<Vec<_>>(),
                        "date": a.published.as_ref().and_then(|s| s.day().map(str::to_string)),
                    })
                }
                Err(e) => {
                    json!({"dataset": row["dataset"], "id": row["id"], "text": "", "error": e.to_string()})
                }
            };
            writeln!(out, "{pred}")?;
        }
    }
    eprintln!(
        "{pages} pages, {:.1} MB, extraction {:.2}s ({:.1} MB/s), wall {:.2}s",
        bytes_total as f64 / 1e6,
        secs,
        bytes_total as f64 / 1e6 / secs.max(1e-9),
        t0.elapsed().as_secs_f64()
    );
    Ok(())
}
