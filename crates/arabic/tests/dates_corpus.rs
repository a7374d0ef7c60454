//! Datelines over the ANT corpus (skipped when ../shared is absent): Al Arabiya's `author`
//! field carries datelines in the other style ("لندن - رويترز", "واشنطن - فرانس برس",
//! "موسكو - د ب أ"); CNN texts open with "CITY، COUNTRY (CNN)--"; the other outlets' texts
//! open with the lede and must give no dateline.

use std::io::{BufRead, BufReader};

use marsad_arabic::dateline::find_dateline;

const CORPUS: &str = concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/../../../shared/data/arabic/ant-multisource/articles.jsonl.gz"
);

struct Row {
    source: String,
    author: String,
    first_line: String,
}

fn rows() -> Option<Vec<Row>> {
    let f = std::fs::File::open(CORPUS).ok()?;
    let r = BufReader::new(flate2::read::GzDecoder::new(f));
    let mut out = Vec::new();
    for line in r.lines() {
        let v: serde_json::Value = serde_json::from_str(&line.ok()?).ok()?;
        let s = |k: &str| v[k].as_str().unwrap_or("").to_string();
        let text = s("text");
        let first_line = text
            .lines()
            .find(|l| !l.trim().is_empty())
            .unwrap_or("")
            .to_string();
        out.push(Row {
            source: s("source"),
            author: s("author"),
            first_line,
        });
    }
    Some(out)
}

fn is_uuid(s: &str) -> bool {
    s.len() == 36 && s.chars().all(|c| c.is_ascii_hexdigit() || c == '-')
}

#[test]
fn alarabia_author_datelines() {
    let Some(rows) = rows() else {
        eprintln!("SKIP alarabia_author_datelines: {CORPUS} not found");
        return;
    };
    let (mut n, mut parsed, mut with_agency, mut known_place) = (0, 0, 0, 0);
    let mut misses: Vec<&str> = Vec::new();
    for r in rows.iter().filter(|r| r.source == "alarabia") {
        let a = r.author.trim();
        if a.is_empty() || is_uuid(a) || !a.contains(['-', 'ـ', '–']) {
            continue;
        }
        n += 1;
        match find_dateline(a) {
            Some(m) => {
                parsed += 1;
                if m.dateline.agency.is_some() {
                    with_agency += 1;
                }
                if m.dateline.zone.is_some() {
                    known_place += 1;
                }
            }
            None => misses.push(a),
        }
    }
    misses.sort();
    misses.dedup();
    eprintln!(
        "Al Arabiya authors with a separator: {n}; dateline found {parsed} ({:.3}), with agency \
         {with_agency}, place with a zone {known_place}; examples of misses: {:?}",
        parsed as f64 / n.max(1) as f64,
        misses.iter().take(25).collect::<Vec<_>>()
    );
    assert!(n > 1000);
    assert!(
        parsed as f64 / n as f64 >= 0.85,
        "too few author datelines read"
    );
}

#[test]
fn first_lines_by_outlet() {
    let Some(rows) = rows() else {
        eprintln!("SKIP first_lines_by_outlet: {CORPUS} not found");
        return;
    };
    for src in ["CNN", "BBC", "france24", "skynews", "alarabia"] {
        let lines: Vec<&Row> = rows.iter().filter(|r| r.source == src).collect();
        let found = lines
            .iter()
            .filter(|r| find_dateline(&r.first_line).is_some())
            .count();
        let rate = found as f64 / lines.len().max(1) as f64;
        eprintln!(
            "{src}: {found}/{} first lines with a dateline ({rate:.3})",
            lines.len()
        );
        if src == "CNN" {
            assert!(rate >= 0.80, "CNN datelines: {rate}");
        } else {
            assert!(
                rate <= 0.01,
                "{src} first lines are ledes, not datelines: {rate}"
            );
        }
    }
}
