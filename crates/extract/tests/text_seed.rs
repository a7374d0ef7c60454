//! The seed page (`../shared/seeds/000_1147da78b8232cd6.txt`) through the text extractor must
//! give exactly the `structure` part of its `.expected.json`, field by field (spans included).
//! Skips with a message when `../shared` is absent.

use std::path::PathBuf;

use marsad_extract::{InputKind, Options, extract};
use serde_json::Value;

fn shared() -> PathBuf {
    PathBuf::from(concat!(env!("CARGO_MANIFEST_DIR"), "/../../../shared"))
}

/// Compares `got` with `want` for every key of `want`, recursively; collects differences.
fn compare(path: &str, want: &Value, got: &Value, diffs: &mut Vec<String>) {
    match (want, got) {
        (Value::Object(w), Value::Object(g)) => {
            for (k, wv) in w {
                let gv = g.get(k).unwrap_or(&Value::Null);
                compare(&format!("{path}.{k}"), wv, gv, diffs);
            }
        }
        (Value::Array(w), Value::Array(g)) => {
            if w.len() != g.len() {
                diffs.push(format!(
                    "{path}: {} items expected, got {}: {}",
                    w.len(),
                    g.len(),
                    serde_json::to_string(got).unwrap_or_default()
                ));
            }
            for (i, (wv, gv)) in w.iter().zip(g).enumerate() {
                compare(&format!("{path}[{i}]"), wv, gv, diffs);
            }
        }
        _ => {
            if want != got {
                diffs.push(format!("{path}: expected {want}, got {got}"));
            }
        }
    }
}

#[test]
fn seed_structure_is_exact() {
    let dir = shared().join("seeds");
    let input = dir.join("000_1147da78b8232cd6.txt");
    let expected = dir.join("000_1147da78b8232cd6.expected.json");
    let (Ok(bytes), Ok(exp)) = (std::fs::read(&input), std::fs::read_to_string(&expected)) else {
        eprintln!("SKIP: ../shared/seeds is absent; the seed test needs the shared data");
        return;
    };
    let exp: Value = serde_json::from_str(&exp).expect("expected JSON");
    let opts = Options {
        input: InputKind::Text,
        ..Options::default()
    };
    let out = extract(&bytes, &opts).expect("extraction");
    let got = serde_json::to_value(&out.article).expect("article JSON");
    let mut diffs = Vec::new();
    compare("structure", &exp["structure"], &got, &mut diffs);
    assert!(diffs.is_empty(), "seed differs:\n{}", diffs.join("\n"));
}
