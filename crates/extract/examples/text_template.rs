//! Site templates on the flattened dev set: for every host with at least three pages, learn a
//! template from the host's pages (as `marsad extract --site DIR` does) and compare token F1
//! with and without it.
//!
//! ```text
//! cargo run --release -p marsad-extract --example text_template -- ../shared/data/flattened
//! ```
//!
//! F1 here is the scorer's bag-of-tokens F1 with a simplified tokeniser (lower-cased runs of
//! letters and digits); `extraction_eval.py` on full predictions is the reference.

use std::collections::{BTreeMap, HashMap};
use std::io::{BufRead, BufReader, Read};
use std::path::Path;
use std::sync::Arc;

use marsad_extract::text::{SiteTemplate, site_of};
use marsad_extract::{InputKind, Options, extract};
use serde_json::Value;

fn tokens(s: &str) -> HashMap<String, u32> {
    let mut m = HashMap::new();
    for w in s.split(|c: char| !c.is_alphanumeric()) {
        if !w.is_empty() {
            *m.entry(w.to_lowercase()).or_insert(0) += 1;
        }
    }
    m
}

/// (overlap, predicted, gold) token counts.
fn counts(pred: &str, gold: &str) -> (u64, u64, u64) {
    let (p, g) = (tokens(pred), tokens(gold));
    let tp: u64 = p
        .iter()
        .map(|(k, &n)| u64::from(n.min(*g.get(k).unwrap_or(&0))))
        .sum();
    (
        tp,
        p.values().map(|&n| u64::from(n)).sum(),
        g.values().map(|&n| u64::from(n)).sum(),
    )
}

fn f1(tp: u64, p: u64, g: u64) -> f64 {
    if p + g == 0 {
        1.0
    } else {
        2.0 * tp as f64 / (p + g) as f64
    }
}

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let root = std::env::args()
        .nth(1)
        .unwrap_or_else(|| "../shared/data/flattened".into());
    // host → [(text, gold text)]
    let mut by_host: BTreeMap<String, Vec<(String, String)>> = BTreeMap::new();
    for ds in ["scrapinghub", "wcxb"] {
        let base = Path::new(&root).join(ds);
        let Ok(f) = std::fs::File::open(base.join("gold.jsonl")) else {
            continue;
        };
        for line in BufReader::new(f).lines() {
            let row: Value = serde_json::from_str(&line?)?;
            let (Some(tp), Some(url)) = (row["text_path"].as_str(), row["url"].as_str()) else {
                continue;
            };
            let mut raw = Vec::new();
            flate2::read::GzDecoder::new(std::fs::File::open(base.join(tp))?)
                .read_to_end(&mut raw)?;
            let text = String::from_utf8_lossy(&raw).into_owned();
            let gold = row["text"].as_str().unwrap_or("").to_string();
            by_host
                .entry(site_of(url).to_string())
                .or_default()
                .push((text, gold));
        }
    }
    let opts = Options {
        input: InputKind::Text,
        ..Options::default()
    };
    let (mut a, mut b) = ((0u64, 0u64, 0u64), (0u64, 0u64, 0u64));
    let (mut mean_a, mut mean_b, mut n_pages, mut n_hosts) = (0.0, 0.0, 0usize, 0usize);
    println!(
        "{:32} {:>5} {:>6} {:>8} {:>8}",
        "host", "pages", "tmpl", "F1 alone", "F1 tmpl"
    );
    for (h, pages) in &by_host {
        if pages.len() < 3 {
            continue;
        }
        n_hosts += 1;
        let tpl = Arc::new(SiteTemplate::learn(pages.iter().map(|(t, _)| t.as_str())));
        let with = Options {
            template: Some(tpl.clone()),
            ..opts.clone()
        };
        let (mut ha, mut hb) = ((0, 0, 0), (0, 0, 0));
        for (text, gold) in pages {
            let pa = extract(text.as_bytes(), &opts)?.article.body_text();
            let pb = extract(text.as_bytes(), &with)?.article.body_text();
            let ca = counts(&pa, gold);
            let cb = counts(&pb, gold);
            mean_a += f1(ca.0, ca.1, ca.2);
            mean_b += f1(cb.0, cb.1, cb.2);
            n_pages += 1;
            for (acc, c) in [(&mut ha, ca), (&mut hb, cb)] {
                acc.0 += c.0;
                acc.1 += c.1;
                acc.2 += c.2;
            }
        }
        println!(
            "{:32} {:>5} {:>6} {:>8.3} {:>8.3}",
            h,
            pages.len(),
            tpl.len(),
            f1(ha.0, ha.1, ha.2),
            f1(hb.0, hb.1, hb.2)
        );
        for (acc, c) in [(&mut a, ha), (&mut b, hb)] {
            acc.0 += c.0;
            acc.1 += c.1;
            acc.2 += c.2;
        }
    }
    println!(
        "{n_hosts} hosts, {n_pages} pages: micro F1 alone {:.3}, with template {:.3}; mean F1 alone {:.3}, with template {:.3}",
        f1(a.0, a.1, a.2),
        f1(b.0, b.1, b.2),
        mean_a / n_pages.max(1) as f64,
        mean_b / n_pages.max(1) as f64
    );
    Ok(())
}
