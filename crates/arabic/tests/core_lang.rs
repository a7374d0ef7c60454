//! Language identification accuracy: a mixed list we wrote (`tests/data/core_lang_mixed.tsv`)
//! and, when `../shared` is present, every ANT title (all Arabic).
//! Run `cargo test -p marsad-arabic --release --test core_lang -- --nocapture` to see the figures.

use std::io::{BufRead, BufReader};
use std::path::Path;

use marsad_arabic::lang::{Lang, detect, detect_fast};

#[test]
fn mixed_list() {
    let data = include_str!("data/core_lang_mixed.tsv");
    let (mut n, mut ok) = (0, 0);
    let mut wrong = Vec::new();
    for line in data.lines().filter(|l| !l.starts_with('#')) {
        let (want, text) = line.split_once('\t').unwrap_or((line, ""));
        let got = detect(text).map(Lang::code).unwrap_or("-");
        n += 1;
        if got == want {
            ok += 1;
        } else {
            wrong.push(format!("{want} → {got}: {text}"));
        }
    }
    let acc = ok as f64 / n as f64;
    println!("lang-id mixed list: {ok}/{n} = {acc:.3}");
    for w in &wrong {
        println!("  wrong: {w}");
    }
    assert!(acc >= 0.9, "accuracy {acc:.3}; wrong: {wrong:#?}");
}

/// `detect_fast` on the mixed list: where it answers it must be right (it never guesses), and
/// it must answer for the sentence-length Latin lines.
#[test]
fn fast_path_on_mixed_list() {
    let data = include_str!("data/core_lang_mixed.tsv");
    let (mut n, mut answered, mut ok) = (0, 0, 0);
    let mut wrong = Vec::new();
    for line in data.lines().filter(|l| !l.starts_with('#')) {
        let (want, text) = line.split_once('\t').unwrap_or((line, ""));
        n += 1;
        let Some(got) = detect_fast(text) else {
            continue;
        };
        answered += 1;
        if got.code() == want {
            ok += 1;
        } else {
            wrong.push(format!("{want} → {}: {text}", got.code()));
        }
    }
    println!(
        "lang-id fast path, mixed list: answered {answered}/{n}, right {ok}/{answered} (precision {:.3})",
        ok as f64 / answered.max(1) as f64
    );
    for w in &wrong {
        println!("  wrong: {w}");
    }
    assert!(wrong.is_empty(), "{wrong:#?}");
    // Short Latin headlines of names (no function words) are left to the model.
    assert!(answered * 10 >= n * 6, "answered only {answered}/{n}");
}

#[test]
fn ant_titles() {
    let root = Path::new(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../../../shared/data/arabic"
    ));
    if !root.join("ant-multisource").exists() {
        eprintln!("ant_titles: {} not found; skipping", root.display());
        return;
    }
    let (mut n, mut ok) = (0usize, 0usize);
    let mut wrong: Vec<String> = Vec::new();
    for corpus in ["ant-multisource", "ant-jawharafm"] {
        let Ok(f) = std::fs::File::open(root.join(corpus).join("articles.jsonl.gz")) else {
            eprintln!("ant_titles: cannot open {corpus}; skipping");
            return;
        };
        for line in BufReader::new(flate2::read::GzDecoder::new(f)).lines() {
            let Ok(line) = line else { break };
            let Ok(v) = serde_json::from_str::<serde_json::Value>(&line) else {
                continue;
            };
            let title = v["title"].as_str().unwrap_or("");
            if title.trim().is_empty() {
                continue;
            }
            n += 1;
            let got = detect(title);
            if got == Some(Lang::Arabic) {
                ok += 1;
            } else if wrong.len() < 20 {
                wrong.push(format!("{:?}: {title}", got.map(Lang::code)));
            }
        }
    }
    let acc = ok as f64 / n as f64;
    println!("lang-id ANT titles: {ok}/{n} = {acc:.4}");
    for w in &wrong {
        println!("  wrong: {w}");
    }
    assert!(acc >= 0.99, "accuracy {acc:.4}");
}
