//! End to end: `marsad extract --format json` on the seed page must give exactly the `structure`
//! part of `../shared/seeds/000_1147da78b8232cd6.expected.json`, field by field (spans included).
//! Skips with a message when `../shared` is absent.

use std::path::PathBuf;
use std::process::Command;

use serde_json::Value;

fn shared() -> PathBuf {
    PathBuf::from(concat!(env!("CARGO_MANIFEST_DIR"), "/../../../shared"))
}

/// Compares `got` with `want` for every key of `want`, recursively; collects differences.
fn compare(path: &str, want: &Value, got: &Value, diffs: &mut Vec<String>) {
    match (want, got) {
        (Value::Object(w), Value::Object(g)) => {
            for (k, wv) in w {
                compare(
                    &format!("{path}.{k}"),
                    wv,
                    g.get(k).unwrap_or(&Value::Null),
                    diffs,
                );
            }
        }
        (Value::Array(w), Value::Array(g)) => {
            if w.len() != g.len() {
                diffs.push(format!(
                    "{path}: {} items expected, got {}",
                    w.len(),
                    g.len()
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
fn seed_page_through_the_cli_is_exact() {
    let seeds = shared().join("seeds");
    let input = seeds.join("000_1147da78b8232cd6.txt");
    let Ok(expected) = std::fs::read_to_string(seeds.join("000_1147da78b8232cd6.expected.json"))
    else {
        eprintln!("SKIP: ../shared/seeds is absent; the seed test needs the shared data");
        return;
    };
    if !input.exists() {
        eprintln!("SKIP: {} is absent", input.display());
        return;
    }
    let expected: Value = serde_json::from_str(&expected).expect("expected JSON parses");
    let out = Command::new(env!("CARGO_BIN_EXE_marsad"))
        .args(["extract", "--format", "json"])
        .arg(&input)
        .output()
        .expect("marsad runs");
    assert!(
        out.status.success(),
        "marsad extract failed: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    let got: Value = serde_json::from_slice(&out.stdout).expect("marsad prints JSON");
    // One input gives one object (an array of one is accepted too).
    let got = match got {
        Value::Array(mut v) if v.len() == 1 => v.remove(0),
        v => v,
    };
    let mut diffs = Vec::new();
    compare("structure", &expected["structure"], &got, &mut diffs);
    assert!(diffs.is_empty(), "seed differs:\n{}", diffs.join("\n"));
}
