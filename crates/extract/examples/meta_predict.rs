//! Writes metadata predictions (title, author, date) for every page of an extraction gold set,
//! in the JSONL format `../shared/eval/extraction_eval.py` reads (text left empty).
//!
//! ```sh
//! cargo run --release -p marsad-extract --example meta_predict -- ../shared/data/extraction pred.jsonl
//! python3 ../shared/eval/extraction_eval.py ../shared/data/extraction pred.jsonl
//! ```

use std::io::{BufRead, Read, Write};
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use marsad_extract::Options;
use marsad_extract::html::dom::Document;
use marsad_extract::html::meta;

fn gold_files(dir: &Path, out: &mut Vec<PathBuf>) {
    let Ok(rd) = std::fs::read_dir(dir) else {
        return;
    };
    let mut entries: Vec<_> = rd.flatten().map(|e| e.path()).collect();
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
    let args: Vec<String> = std::env::args().collect();
    let default = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../../../shared/data/extraction"
    );
    let dir = PathBuf::from(args.get(1).map_or(default, String::as_str));
    let out_path = args.get(2).map_or("meta_pred.jsonl", String::as_str);
    let mut golds = Vec::new();
    gold_files(&dir, &mut golds);
    if golds.is_empty() {
        eprintln!(
            "no gold.jsonl under {} (shared data absent?)",
            dir.display()
        );
        return Ok(());
    }
    let mut out = std::io::BufWriter::new(std::fs::File::create(out_path)?);
    let mut spent = Duration::ZERO;
    let mut spent_meta = Duration::ZERO;
    let mut pages = 0usize;
    for g in golds {
        let base = g.parent().unwrap_or(Path::new("."));
        for line in std::io::BufReader::new(std::fs::File::open(&g)?).lines() {
            let row: serde_json::Value = serde_json::from_str(&line?)?;
            let Some(path) = row["path"].as_str() else {
                continue;
            };
            // Optional third argument: only the page with this id (for debugging one page).
            if let Some(only) = args.get(3)
                && row["id"].as_str() != Some(only.as_str())
            {
                continue;
            }
            let mut bytes = Vec::new();
            flate2::read::GzDecoder::new(std::fs::File::open(base.join(path))?)
                .read_to_end(&mut bytes)?;
            let html = String::from_utf8_lossy(&bytes);
            let opts = Options {
                url: row["url"].as_str().map(str::to_string),
                ..Options::default()
            };
            let t0 = Instant::now();
            let doc = Document::parse(&html);
            let t1 = Instant::now();
            let m = meta::read(&doc, &html, &opts);
            spent_meta += t1.elapsed();
            spent += t0.elapsed();
            pages += 1;
            let authors: Vec<&str> = m.authors.iter().map(|a| a.text.as_str()).collect();
            let rec = serde_json::json!({
                "dataset": row["dataset"],
                "id": row["id"],
                "text": "",
                "title": m.title.as_ref().map(|t| t.text.as_str()),
                "author": if authors.is_empty() { serde_json::Value::Null } else { serde_json::json!(authors) },
                "date": m.published.as_ref().and_then(|s| s.day()),
                "modified": m.modified.as_ref().map(|s| s.local.as_str()),
                "published_local": m.published.as_ref().map(|s| s.local.as_str()),
                "shown": m.shown.as_ref().and_then(|s| s.day()),
                "site": m.site,
                "lang": m.lang,
            });
            writeln!(out, "{rec}")?;
        }
    }
    out.flush()?;
    eprintln!(
        "{pages} pages, parse+meta {:.3}s ({:.0} pages/s), meta alone {:.3}s ({:.0} pages/s)",
        spent.as_secs_f64(),
        pages as f64 / spent.as_secs_f64().max(1e-9),
        spent_meta.as_secs_f64(),
        pages as f64 / spent_meta.as_secs_f64().max(1e-9)
    );
    Ok(())
}
