//! Runs the flattened-text extractor over the ANT articles listed in `ant-related/dev.jsonl` and
//! writes predictions for `arabic_eval.py related`.
//!
//! ```text
//! cargo run --release -p marsad-extract --example text_related -- ../shared/data/arabic pred.jsonl
//! python3 ../shared/eval/arabic_eval.py related ../shared/data/arabic/ant-related/dev.jsonl pred.jsonl
//! ```
//!
//! Each article is given as its title line, a line break, then its text — no list of titles or
//! teasers at run time. Output rows: `{"id", "related": [link titles], "body": body text}`.

use std::collections::HashSet;
use std::io::{BufRead, BufReader, Write};
use std::path::Path;

use marsad_extract::{InputKind, Options, extract};
use serde_json::{Value, json};

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let (Some(root), Some(out_path)) = (args.first(), args.get(1)) else {
        eprintln!("usage: text_related ARABIC_DATA_DIR PRED.jsonl");
        std::process::exit(2);
    };
    let root = Path::new(root);
    let gold = std::fs::read_to_string(root.join("ant-related/dev.jsonl"))?;
    let ids: HashSet<String> = gold
        .lines()
        .filter_map(|l| serde_json::from_str::<Value>(l).ok())
        .filter_map(|v| v["id"].as_str().map(str::to_string))
        .collect();
    let mut out = std::io::BufWriter::new(std::fs::File::create(out_path)?);
    let (mut n, mut rel) = (0usize, 0usize);
    for corpus in ["ant-multisource", "ant-jawharafm"] {
        let f = std::fs::File::open(root.join(corpus).join("articles.jsonl.gz"))?;
        for line in BufReader::new(flate2::read::GzDecoder::new(f)).lines() {
            let line = line?;
            let Ok(a) = serde_json::from_str::<Value>(&line) else {
                continue;
            };
            let Some(id) = a["id"].as_str() else { continue };
            if !ids.contains(id) {
                continue;
            }
            let input = format!(
                "{}\n{}",
                a["title"].as_str().unwrap_or(""),
                a["text"].as_str().unwrap_or("")
            );
            let opts = Options {
                input: InputKind::Text,
                ..Options::default()
            };
            let row = match extract(input.as_bytes(), &opts) {
                Ok(x) => {
                    let art = x.article;
                    rel += art.related.len();
                    json!({
                        "id": id,
                        "related": art.related.iter().map(|l| l.title.text.clone()).collect::<Vec<_>>(),
                        "body": art.body_text(),
                    })
                }
                Err(e) => json!({"id": id, "related": [], "body": "", "error": e.to_string()}),
            };
            writeln!(out, "{row}")?;
            n += 1;
        }
    }
    eprintln!("{n} articles, {rel} related links");
    Ok(())
}
