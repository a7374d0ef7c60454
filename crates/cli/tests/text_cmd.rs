//! End-to-end tests of `marsad text normalize|tokens|stem|lang`.

use std::io::Write;
use std::process::{Command, Stdio};

fn run(args: &[&str], stdin: Option<&[u8]>) -> (bool, String, String) {
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_marsad"));
    cmd.arg("text").args(args);
    cmd.stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped());
    let mut child = cmd.spawn().expect("spawn marsad");
    {
        let mut si = child.stdin.take().expect("stdin");
        if let Some(b) = stdin {
            si.write_all(b).expect("write stdin");
        }
    }
    let out = child.wait_with_output().expect("wait");
    (
        out.status.success(),
        String::from_utf8_lossy(&out.stdout).into_owned(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

fn json(s: &str) -> serde_json::Value {
    serde_json::from_str(s).expect("JSON output")
}

#[test]
fn normalize_with_map() {
    let input = "مُحَمَّد إلى ٢٠٢٠";
    let (ok, out, err) = run(&["normalize", input], None);
    assert!(ok, "{err}");
    let v = json(&out);
    assert_eq!(v["text"], "محمد الي 2020");
    assert_eq!(v["changed"], true);
    let map = v["map"].as_array().expect("map");
    assert_eq!(map.len(), "محمد الي 2020".chars().count());
    // The last normalised character "0" comes from the last Arabic-Indic digit.
    let last = &map[map.len() - 1];
    let (a, b) = (
        last[0].as_u64().unwrap_or(0) as usize,
        last[1].as_u64().unwrap_or(0) as usize,
    );
    assert_eq!(&input[a..b], "٠");
}

#[test]
fn tokens_from_stdin_with_offsets() {
    let input = "وقال الرئيسُ إنّ المفاوضات مستمرة";
    let (ok, out, err) = run(&["tokens"], Some(input.as_bytes()));
    assert!(ok, "{err}");
    let v = json(&out);
    let toks = v["tokens"].as_array().expect("tokens");
    assert_eq!(toks.len(), 5);
    for t in toks {
        let (s, e) = (
            t["start"].as_u64().unwrap_or(0) as usize,
            t["end"].as_u64().unwrap_or(0) as usize,
        );
        assert_eq!(&input[s..e], t["surface"].as_str().unwrap_or(""));
    }
    assert_eq!(toks[3]["clitics"], "ال");
    assert_eq!(toks[3]["base"], "مفاوضات");
    assert_eq!(toks[3]["stem"], "مفاوض");
    assert_eq!(toks[2]["stopword"], true);
}

#[test]
fn stem_and_lang() {
    let (ok, out, _) = run(&["stem", "والمفاوضات فلسطين"], None);
    assert!(ok);
    let v = json(&out);
    assert_eq!(v["stems"][0]["stem"], "مفاوض");
    assert_eq!(v["stems"][1]["stem"], "فلسطين");

    let (ok, out, _) = run(&["lang", "مصر"], None);
    assert!(ok);
    let v = json(&out);
    assert_eq!(v["lang"], "ar");
    assert_eq!(v["dir"], "rtl");
}

#[test]
fn lines_mode() {
    let (ok, out, _) = run(&["lang", "--lines"], Some("مصر\nاین کتاب است\n".as_bytes()));
    assert!(ok);
    let langs: Vec<String> = out
        .lines()
        .map(|l| json(l)["lang"].as_str().unwrap_or("").to_string())
        .collect();
    assert_eq!(langs, ["ar", "fa"]);
}

#[test]
fn invalid_utf8_is_a_clear_error() {
    let (ok, out, err) = run(&["tokens"], Some(b"\xd9\x85\xff"));
    assert!(!ok);
    assert!(out.is_empty());
    assert!(err.contains("UTF-8"), "{err}");
}
