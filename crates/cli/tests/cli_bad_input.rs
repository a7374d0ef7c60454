//! Bad input through the CLI: an error line naming the input (or an empty article with a
//! reason), bounded time and memory, never a panic.

mod cli_support;

use cli_support::*;
use std::io::Write;
use std::time::{Duration, Instant};

/// Either one `marsad: PATH: ...` error line and exit 1, or an article (with an empty reason
/// when it has no body) and exit 0.
fn assert_clean_outcome(o: &std::process::Output, path: &str) {
    assert_no_panic(o);
    match o.status.code() {
        Some(1) => {
            let e = stderr(o);
            assert_eq!(e.lines().count(), 1, "{e}");
            assert!(e.starts_with(&format!("marsad: {path}: ")), "{e}");
            assert!(o.stdout.is_empty());
        }
        Some(0) => {
            let a: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
            let empty = a["body"].as_array().is_none_or(|b| b.is_empty());
            if empty {
                assert!(
                    a["empty_reason"].is_string(),
                    "empty article without reason: {a}"
                );
            }
        }
        c => panic!("unexpected exit {c:?}: {}", stderr(o)),
    }
}

#[test]
fn empty_file() {
    let t = TempDir::new("empty");
    let p = t.join("empty.html");
    std::fs::write(&p, b"").unwrap();
    let o = run(&["extract", p.to_str().unwrap()], b"");
    assert_clean_outcome(&o, p.to_str().unwrap());
}

#[test]
fn binary_garbage() {
    let t = TempDir::new("garbage");
    let p = t.join("garbage.html");
    // Deterministic pseudo-random bytes (xorshift), with NULs.
    let mut x: u64 = 0x9e37_79b9_7f4a_7c15;
    let bytes: Vec<u8> = (0..200_000)
        .map(|_| {
            x ^= x << 13;
            x ^= x >> 7;
            x ^= x << 17;
            (x >> 24) as u8
        })
        .collect();
    std::fs::write(&p, &bytes).unwrap();
    let o = run(&["extract", p.to_str().unwrap()], b"");
    assert_clean_outcome(&o, p.to_str().unwrap());
}

#[test]
fn gzip_bomb_is_an_error_not_oom() {
    let t = TempDir::new("bomb");
    let p = t.join("bomb.html.gz");
    {
        // 100 MB of zeros, compressed (~100 KB on disk).
        let f = std::fs::File::create(&p).unwrap();
        let mut e = flate2::write::GzEncoder::new(f, flate2::Compression::fast());
        let zeros = vec![0u8; 1 << 20];
        for _ in 0..100 {
            e.write_all(&zeros).unwrap();
        }
        e.finish().unwrap();
    }
    assert!(std::fs::metadata(&p).unwrap().len() < 2_000_000);
    let start = Instant::now();
    let o = run(&["extract", p.to_str().unwrap(), EXAMPLE_HTML], b"");
    assert_no_panic(&o);
    assert_eq!(o.status.code(), Some(1), "{}", stderr(&o));
    let e = stderr(&o);
    assert_eq!(e.lines().count(), 1, "{e}");
    assert!(e.starts_with(&format!("marsad: {}: ", p.display())), "{e}");
    assert!(e.contains("larger than"), "{e}");
    // The good input still went through.
    let v: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
    assert_eq!(v.as_array().map(|a| a.len()), Some(1));
    assert!(start.elapsed() < Duration::from_secs(60));
}

#[test]
fn truncated_html_and_lone_markup() {
    let t = TempDir::new("trunc");
    let html = example_html();
    let cut = t.join("cut.html");
    std::fs::write(&cut, &html[..html.len() / 3]).unwrap();
    let o = run(&["extract", cut.to_str().unwrap()], b"");
    assert_clean_outcome(&o, cut.to_str().unwrap());

    let lone = t.join("lone.html");
    std::fs::write(&lone, b"<html><body><div><div><p>").unwrap();
    let o = run(&["extract", lone.to_str().unwrap()], b"");
    assert_clean_outcome(&o, lone.to_str().unwrap());
}

#[test]
fn missing_path_and_no_such_template() {
    let o = run(&["extract", "/nonexistent/marsad/page.html"], b"");
    assert_eq!(o.status.code(), Some(1));
    assert!(stderr(&o).starts_with("marsad: /nonexistent/marsad/page.html: "));
    let o = run(
        &["extract", "--template", "/nonexistent/t.json", EXAMPLE_HTML],
        b"",
    );
    assert!(!o.status.success());
    assert_no_panic(&o);
}
