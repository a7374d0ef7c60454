//! `marsad eval extraction` and `marsad bench extract` on a tiny gold folder built in a temp dir
//! (no `../shared` needed).

mod cli_support;

use cli_support::*;
use serde_json::Value;

/// A gold folder: one HTML dataset (`path`, gzipped) with a missing page, one flattened-text
/// dataset (`text_path`).
fn gold_folder(t: &TempDir) {
    let html = t.join("html");
    std::fs::create_dir_all(html.join("pages")).unwrap();
    std::fs::write(html.join("pages/p1.html.gz"), gzip(&example_html())).unwrap();
    std::fs::write(html.join("pages/p2.html"), example_html()).unwrap();
    let rows = [
        r#"{"id":"p1","dataset":"mini","path":"pages/p1.html.gz","url":"https://example.com/a","text":"x","title":"t"}"#,
        r#"{"id":"p2","dataset":"mini","path":"pages/p2.html","text":"x"}"#,
        r#"{"id":"gone","dataset":"mini","path":"pages/gone.html.gz","text":"x"}"#,
    ];
    std::fs::write(html.join("gold.jsonl"), rows.join("\n") + "\n").unwrap();

    let flat = t.join("flat");
    std::fs::create_dir_all(flat.join("texts")).unwrap();
    std::fs::write(flat.join("texts/7.txt.gz"), gzip(&example_txt())).unwrap();
    std::fs::write(
        flat.join("gold.jsonl"),
        r#"{"id":7,"dataset":"miniflat","text_path":"texts/7.txt.gz","text":"x"}"#.to_string()
            + "\n",
    )
    .unwrap();
}

#[test]
fn eval_extraction_writes_the_scorer_format() {
    let t = TempDir::new("eval");
    gold_folder(&t);
    let out = t.join("out/pred.jsonl");
    let o = run(
        &[
            "eval",
            "extraction",
            t.path().to_str().unwrap(),
            "--out",
            out.to_str().unwrap(),
            "--threads",
            "2",
        ],
        b"",
    );
    assert!(o.status.success(), "{}", stderr(&o));
    assert_no_panic(&o);
    let err = stderr(&o);
    let summary = err.lines().last().unwrap_or("");
    assert!(summary.starts_with("eval extraction: 4 pages"), "{err}");
    assert!(summary.contains("1 errors"), "{summary}");
    assert!(summary.contains("0 panics caught"), "{summary}");

    let text = std::fs::read_to_string(&out).unwrap();
    let rows: Vec<Value> = text
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    let keys: Vec<(&str, &str)> = rows
        .iter()
        .map(|r| (r["dataset"].as_str().unwrap(), r["id"].as_str().unwrap()))
        .collect();
    assert_eq!(
        keys,
        // Gold files in path order ("flat" < "html"), rows in file order.
        [
            ("miniflat", "7"),
            ("mini", "p1"),
            ("mini", "p2"),
            ("mini", "gone"),
        ]
    );
    for r in &rows {
        for k in ["text", "title", "author", "date", "error"] {
            assert!(r.get(k).is_some(), "{k} missing in {r}");
        }
        assert!(r["author"].is_array());
    }
    for i in [0, 1, 2] {
        assert!(rows[i]["error"].is_null(), "{}", rows[i]);
        assert!(rows[i]["text"].as_str().unwrap().contains(EXAMPLE_SENTENCE));
        assert!(
            !rows[i]["text"]
                .as_str()
                .unwrap()
                .contains("جميع الحقوق محفوظة")
        );
    }
    assert!(rows[3]["error"].as_str().unwrap().contains("gone.html.gz"));
    assert_eq!(rows[3]["text"], "");
}

#[test]
fn eval_extraction_without_gold_is_an_error() {
    let t = TempDir::new("nogold");
    let o = run(
        &[
            "eval",
            "extraction",
            t.path().to_str().unwrap(),
            "--out",
            t.join("p.jsonl").to_str().unwrap(),
        ],
        b"",
    );
    assert!(!o.status.success());
    assert!(stderr(&o).contains("no gold.jsonl"), "{}", stderr(&o));
}

#[test]
fn bench_extract_reports_speed_and_rss() {
    let t = TempDir::new("bench");
    gold_folder(&t);
    let o = run(
        &[
            "bench",
            "extract",
            t.path().to_str().unwrap(),
            "--repeat",
            "2",
            "--json",
        ],
        b"",
    );
    assert!(o.status.success(), "{}", stderr(&o));
    let v: Value = serde_json::from_slice(&o.stdout).unwrap();
    assert_eq!(v["all"]["pages"], 4);
    assert_eq!(v["all"]["errors"], 1); // the missing page
    assert_eq!(v["repeat"], 2);
    assert!(v["all"]["pages_per_s"].as_f64().unwrap() > 0.0);
    assert!(v["peak_rss_mb"].as_f64().unwrap() > 0.0);
    assert_eq!(v["datasets"]["mini"]["pages"], 3);

    let o = run(
        &[
            "bench",
            "extract",
            t.path().to_str().unwrap(),
            "--preload",
            "--json",
        ],
        b"",
    );
    assert!(o.status.success(), "{}", stderr(&o));
    let v: Value = serde_json::from_slice(&o.stdout).unwrap();
    assert_eq!(v["preload"], true);
    assert_eq!(v["all"]["pages"], 4);
    assert!(v["all"]["cpu_seconds"].as_f64().unwrap() > 0.0);

    let o = run(&["bench", "extract", t.path().to_str().unwrap()], b"");
    assert!(o.status.success(), "{}", stderr(&o));
    let table = stdout(&o);
    assert!(table.contains("| ALL | 4 |"), "{table}");
    assert!(table.contains("peak RSS"), "{table}");
}
