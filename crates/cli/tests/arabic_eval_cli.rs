//! End-to-end: `marsad text dates`, `marsad text dateline` and `marsad eval arabic` (the last
//! skipped when ../shared is absent).

use std::process::Command;

const SHARED: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/../../../shared");

fn marsad() -> Command {
    Command::new(env!("CARGO_BIN_EXE_marsad"))
}

#[test]
fn text_dates_resolves_the_seed_strings() {
    let out = marsad()
        .args([
            "text",
            "dates",
            "--ref",
            "2020-09-08T06:49:00+03:00",
            "--zone",
            "Asia/Damascus",
        ])
        .arg("دعا لافروف، أمس الإثنين، إلى وقف فوري… في شباط 2012.")
        .output()
        .expect("run marsad");
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).expect("json");
    let d = v["dates"].as_array().expect("dates");
    assert_eq!(d.len(), 2);
    assert_eq!(d[0]["value"], "2020-09-07");
    assert_eq!(d[0]["kind"], "weekday");
    assert_eq!(d[0]["text"], "أمس الإثنين");
    assert_eq!(d[1]["value"], "2012-02");
    let text = "دعا لافروف، أمس الإثنين، إلى وقف فوري… في شباط 2012.";
    let (s, e) = (
        d[0]["start"].as_u64().unwrap_or(0) as usize,
        d[0]["end"].as_u64().unwrap_or(0) as usize,
    );
    assert_eq!(&text[s..e], "أمس الإثنين");
}

#[test]
fn text_dates_stamp_mode() {
    let out = marsad()
        .args(["text", "dates", "--stamp", "2020.09.08 | 06:49 دمشق"])
        .output()
        .expect("run marsad");
    assert!(out.status.success());
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).expect("json");
    assert_eq!(v["stamp"]["local"], "2020-09-08T06:49:00+03:00");
    assert_eq!(v["stamp"]["utc"], "2020-09-08T03:49:00Z");
}

#[test]
fn text_dateline_reads_stdin() {
    use std::io::Write;
    let mut child = marsad()
        .args(["text", "dateline"])
        .stdin(std::process::Stdio::piped())
        .stdout(std::process::Stdio::piped())
        .spawn()
        .expect("run marsad");
    child
        .stdin
        .take()
        .expect("stdin")
        .write_all("إسطنبول - وكالات\nدعا وزير الخارجية الروسي".as_bytes())
        .expect("write");
    let out = child.wait_with_output().expect("wait");
    assert!(out.status.success());
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).expect("json");
    assert_eq!(v["dateline"]["place"], "إسطنبول");
    assert_eq!(v["dateline"]["agency_kind"], "generic");
    assert_eq!(v["dateline"]["span"], serde_json::json!([0, 29]));
}

#[test]
fn bad_reference_is_a_clear_error() {
    let out = marsad()
        .args(["text", "dates", "--ref", "yesterday", "نص"])
        .output()
        .expect("run marsad");
    assert!(!out.status.success());
    assert!(String::from_utf8_lossy(&out.stderr).contains("--ref"));
}

#[test]
fn eval_arabic_writes_predictions() {
    let gold = format!("{SHARED}/data/arabic/gold-dates/dev.jsonl");
    if !std::path::Path::new(&gold).exists() {
        eprintln!("SKIP eval_arabic_writes_predictions: {gold} not found");
        return;
    }
    let dir = std::env::temp_dir().join(format!("marsad-arabic-eval-{}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("tmp");
    for (task, gold) in [
        ("dates", gold.clone()),
        (
            "datelines",
            format!("{SHARED}/data/arabic/gold-datelines/dev.jsonl"),
        ),
    ] {
        let out_path = dir.join(format!("{task}.jsonl"));
        let out = marsad()
            .args(["eval", "arabic", task, &gold, "--out"])
            .arg(&out_path)
            .output()
            .expect("run marsad");
        assert!(
            out.status.success(),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
        let text = std::fs::read_to_string(&out_path).expect("predictions");
        let rows: Vec<serde_json::Value> = text
            .lines()
            .map(|l| serde_json::from_str(l).expect("json line"))
            .collect();
        assert!(rows.len() >= 100, "{task}: {} rows", rows.len());
        assert!(rows.iter().all(|r| r["doc"].is_string()));
    }
    let _ = std::fs::remove_dir_all(&dir);
}
