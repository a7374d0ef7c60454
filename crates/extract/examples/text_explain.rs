//! Prints the text extractor's decision for every line of one file (plain or .gz), or writes
//! predictions for a whole flattened gold folder (without building the CLI).
//!
//! ```text
//! cargo run --release -p marsad-extract --example text_explain -- FILE [URL]
//! cargo run --release -p marsad-extract --example text_explain -- --gold GOLD_DIR OUT.jsonl
//! ```
//!
//! `--gold` walks every `*/gold.jsonl` with `text_path` rows under GOLD_DIR (e.g.
//! `../shared/data/flattened`), runs the extractor with the gold URL as hint and writes the
//! `{"dataset","id","text","title","author","date"}` lines `extraction_eval.py` scores (the
//! same fields as `marsad eval extraction`).

use std::io::{Read, Write};
use std::path::Path;

use marsad_extract::{InputKind, Options, extract};

fn read_page(path: &Path) -> std::io::Result<Vec<u8>> {
    let mut raw = Vec::new();
    if path.to_string_lossy().ends_with(".gz") {
        flate2::read::GzDecoder::new(std::fs::File::open(path)?).read_to_end(&mut raw)?;
    } else {
        raw = std::fs::read(path)?;
    }
    Ok(raw)
}

fn gold(dir: &Path, out: &Path) -> Result<(), Box<dyn std::error::Error>> {
    let mut w = std::io::BufWriter::new(std::fs::File::create(out)?);
    let mut sets: Vec<_> = std::fs::read_dir(dir)?
        .filter_map(|e| e.ok())
        .map(|e| e.path())
        .filter(|p| p.join("gold.jsonl").exists())
        .collect();
    sets.sort();
    for set in sets {
        for line in std::fs::read_to_string(set.join("gold.jsonl"))?.lines() {
            let Ok(row) = serde_json::from_str::<serde_json::Value>(line) else {
                continue;
            };
            let (Some(id), Some(ds), Some(path)) = (
                row["id"].as_str(),
                row["dataset"].as_str(),
                row["text_path"].as_str(),
            ) else {
                continue;
            };
            let opts = Options {
                input: InputKind::Text,
                url: row["url"].as_str().map(str::to_string),
                ..Options::default()
            };
            let rec = match extract(&read_page(&set.join(path))?, &opts) {
                Ok(x) => {
                    let a = x.article;
                    serde_json::json!({
                        "dataset": ds, "id": id,
                        "text": a.body_text(),
                        "title": a.title.as_ref().map(|t| t.text.clone()),
                        "author": a.authors.iter().map(|t| t.text.clone()).collect::<Vec<_>>(),
                        "date": a.published.as_ref().and_then(|s| s.day().map(str::to_string)),
                    })
                }
                Err(e) => {
                    serde_json::json!({"dataset": ds, "id": id, "text": "", "error": e.to_string()})
                }
            };
            writeln!(w, "{rec}")?;
        }
    }
    Ok(())
}

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let args: Vec<String> = std::env::args().skip(1).collect();
    if args.first().map(String::as_str) == Some("--gold") {
        let (Some(dir), Some(out)) = (args.get(1), args.get(2)) else {
            eprintln!("usage: text_explain --gold GOLD_DIR OUT.jsonl");
            std::process::exit(2);
        };
        return gold(Path::new(dir), Path::new(out));
    }
    let Some(path) = args.first() else {
        eprintln!("usage: text_explain FILE [URL] | --gold GOLD_DIR OUT.jsonl");
        std::process::exit(2);
    };
    let raw = read_page(Path::new(path))?;
    let opts = Options {
        input: InputKind::Text,
        explain: true,
        url: args.get(1).cloned(),
        ..Options::default()
    };
    let x = extract(&raw, &opts)?;
    for e in &x.explain {
        println!("{e}");
    }
    let a = &x.article;
    println!("title: {:?}", a.title.as_ref().map(|t| &t.text));
    println!("published: {:?}", a.published.as_ref().map(|s| &s.local));
    println!("related: {}", a.related.len());
    Ok(())
}
