//! Floors for the HTML metadata readers on the extraction dev set (`../shared/data/extraction`,
//! wcxb pages with gold title / date / author). Skips when the shared data is absent.
//!
//! Matching follows `../shared/eval/extraction_eval.py` closely (title: case-folded,
//! whitespace-collapsed equality; date: same day; author: equal word sets, connector words
//! ignored) without NFKC, so figures can differ from the scorer's by a page or two. The floors
//! sit just under what was measured; raise them as the readers improve.

use std::collections::BTreeSet;
use std::io::{BufRead, Read};
use std::path::PathBuf;

use marsad_extract::Options;
use marsad_extract::html::dom::Document;
use marsad_extract::html::meta;

const TITLE_FLOOR: f64 = 0.72;
const DATE_FLOOR: f64 = 0.92;
const AUTHOR_FLOOR: f64 = 0.83;

fn norm(s: &str) -> String {
    s.to_lowercase()
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
}

fn words(s: &str) -> BTreeSet<String> {
    const CONNECTORS: &[&str] = &["by", "and", "von", "par", "بقلم", "كتب"];
    s.to_lowercase()
        .split(|c: char| !c.is_alphanumeric() && c != '_')
        .filter(|w| !w.is_empty() && !CONNECTORS.contains(w))
        .map(str::to_string)
        .collect()
}

#[test]
fn metadata_floors_on_wcxb() {
    let dir = PathBuf::from(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../../../shared/data/extraction/wcxb"
    ));
    let Ok(gold) = std::fs::File::open(dir.join("gold.jsonl")) else {
        eprintln!("SKIP metadata_floors_on_wcxb: ../shared/data/extraction/wcxb is absent");
        return;
    };
    let (mut nt, mut ot, mut nd, mut od, mut na, mut oa) = (0, 0, 0, 0, 0, 0);
    for line in std::io::BufReader::new(gold).lines() {
        let row: serde_json::Value = serde_json::from_str(&line.unwrap()).unwrap();
        let path = dir.join(row["path"].as_str().unwrap());
        let mut bytes = Vec::new();
        flate2::read::GzDecoder::new(std::fs::File::open(path).unwrap())
            .read_to_end(&mut bytes)
            .unwrap();
        let html = String::from_utf8_lossy(&bytes);
        let opts = Options {
            url: row["url"].as_str().map(str::to_string),
            ..Options::default()
        };
        let doc = Document::parse(&html);
        let m = meta::read(&doc, &html, &opts);
        if let Some(g) = row["title"].as_str() {
            nt += 1;
            if m.title.as_ref().is_some_and(|t| norm(&t.text) == norm(g)) {
                ot += 1;
            }
        }
        if let Some(g) = row["date"].as_str() {
            nd += 1;
            if m.published.as_ref().and_then(|s| s.day()) == g.get(..10) {
                od += 1;
            }
        }
        if let Some(g) = row["author"].as_str() {
            na += 1;
            let pred: BTreeSet<String> = m.authors.iter().flat_map(|a| words(&a.text)).collect();
            if !pred.is_empty() && pred == words(g) {
                oa += 1;
            }
        }
    }
    let (t, d, a) = (
        ot as f64 / nt.max(1) as f64,
        od as f64 / nd.max(1) as f64,
        oa as f64 / na.max(1) as f64,
    );
    eprintln!("wcxb metadata: title {t:.3} ({nt}), date {d:.3} ({nd}), author {a:.3} ({na})");
    assert!(t >= TITLE_FLOOR, "title {t:.3} < {TITLE_FLOOR}");
    assert!(d >= DATE_FLOOR, "date {d:.3} < {DATE_FLOOR}");
    assert!(a >= AUTHOR_FLOOR, "author {a:.3} < {AUTHOR_FLOOR}");
}
