//! End-to-end tests of `marsad extract`: files, folders, `.gz`, stdin, every format, failures.

mod cli_support;

use cli_support::*;
use serde_json::Value;

fn json(o: &std::process::Output) -> Value {
    serde_json::from_slice(&o.stdout)
        .unwrap_or_else(|e| panic!("not JSON ({e}): {}\nstderr: {}", stdout(o), stderr(o)))
}

fn body_text(a: &Value) -> String {
    a["body"]
        .as_array()
        .map(|b| {
            b.iter()
                .filter_map(|x| x["text"].as_str())
                .collect::<Vec<_>>()
                .join("\n\n")
        })
        .unwrap_or_default()
}

#[test]
fn one_html_file_gives_one_pretty_object() {
    let o = run(&["extract", EXAMPLE_HTML], b"");
    assert!(o.status.success(), "{}", stderr(&o));
    let a = json(&o);
    assert!(a.is_object());
    assert!(body_text(&a).contains(EXAMPLE_SENTENCE), "{}", stdout(&o));
    assert_eq!(a["source"]["path"].as_str(), Some(EXAMPLE_HTML));
    assert!(a["chrome"].is_array());
    assert!(stdout(&o).starts_with("{\n"), "pretty JSON expected");
    // The CLI records the input's SHA-256 beside the id (the library leaves it to the caller).
    let sha = a["source"]["sha256"].as_str().unwrap_or_default();
    assert_eq!(sha.len(), 64, "{sha:?}");
    assert!(sha.bytes().all(|b| b.is_ascii_hexdigit()));
    let id = a["id"].as_str().unwrap_or_default();
    assert_eq!(id.len(), 16, "{id:?}");
}

/// The README's quick start promises the example's parts: the lead figure with its caption
/// and credit, the dateline with its agency, the "اقرأ أيضاً" teasers, the stamp with its offset.
#[test]
fn readme_example_gives_figure_dateline_related_and_stamp() {
    let o = run(&["extract", EXAMPLE_HTML], b"");
    assert!(o.status.success(), "{}", stderr(&o));
    let a = json(&o);
    let fig = &a["figures"][0];
    assert!(
        fig["src"]["text"]
            .as_str()
            .is_some_and(|s| s.ends_with("book-fair-opening.jpg")),
        "{}",
        a["figures"]
    );
    assert!(
        fig["caption"]["text"]
            .as_str()
            .is_some_and(|s| s.starts_with("زوار يتجولون")),
        "{fig}"
    );
    assert_eq!(fig["credit"]["text"].as_str(), Some("رويترز"));
    assert_eq!(a["dateline"]["place"].as_str(), Some("القاهرة"));
    assert_eq!(a["dateline"]["agency"].as_str(), Some("وكالات"));
    assert!(
        a["related"].as_array().is_some_and(|r| !r.is_empty()),
        "{}",
        a["related"]
    );
    assert_eq!(
        a["published"]["local"].as_str(),
        Some("2026-01-22T10:30:00+02:00")
    );
    let chrome = a["chrome"].to_string();
    assert!(!chrome.contains("زوار يتجولون"), "caption left in chrome");
}

#[test]
fn stdin_html_and_text() {
    let o = run(&["extract", "-"], &example_html());
    assert!(o.status.success(), "{}", stderr(&o));
    assert!(body_text(&json(&o)).contains(EXAMPLE_SENTENCE));

    let o = run(&["extract", "--input", "text"], &example_txt());
    assert!(o.status.success(), "{}", stderr(&o));
    let a = json(&o);
    assert_eq!(a["source"]["kind"], "text");
    assert!(body_text(&a).contains(EXAMPLE_SENTENCE), "{}", stdout(&o));
}

#[test]
fn gzip_file_and_gzip_stdin() {
    let t = TempDir::new("gz");
    let gz = t.join("page.html.gz");
    std::fs::write(&gz, gzip(&example_html())).unwrap();
    let o = run(&["extract", gz.to_str().unwrap()], b"");
    assert!(o.status.success(), "{}", stderr(&o));
    assert!(body_text(&json(&o)).contains(EXAMPLE_SENTENCE));

    let o = run(&["extract", "-"], &gzip(&example_html()));
    assert!(o.status.success(), "{}", stderr(&o));
    assert!(body_text(&json(&o)).contains(EXAMPLE_SENTENCE));
}

#[test]
fn folder_gives_an_array_naming_every_input_in_order() {
    let t = TempDir::new("dir");
    std::fs::create_dir_all(t.join("sub")).unwrap();
    std::fs::write(t.join("a.html"), example_html()).unwrap();
    std::fs::write(t.join("sub/b.html.gz"), gzip(&example_html())).unwrap();
    std::fs::write(t.join("sub/c.txt"), example_txt()).unwrap();
    std::fs::write(t.join("gold.jsonl"), b"{}\n").unwrap(); // not a page: skipped
    std::fs::write(t.join(".hidden.html"), b"<html></html>").unwrap(); // hidden: skipped
    let o = run(&["extract", t.path().to_str().unwrap()], b"");
    assert!(o.status.success(), "{}", stderr(&o));
    let v = json(&o);
    let arr = v.as_array().expect("an array for a folder");
    let paths: Vec<&str> = arr
        .iter()
        .map(|a| a["source"]["path"].as_str().unwrap())
        .collect();
    assert_eq!(paths.len(), 3, "{paths:?}");
    assert!(paths[0].ends_with("a.html"));
    assert!(paths[1].ends_with("sub/b.html.gz"));
    assert!(paths[2].ends_with("sub/c.txt"));
    assert_eq!(arr[2]["source"]["kind"], "text");
    for a in arr {
        assert!(body_text(a).contains(EXAMPLE_SENTENCE));
    }
}

#[test]
fn jsonl_one_record_a_line() {
    let t = TempDir::new("jsonl");
    for i in 0..5 {
        std::fs::write(t.join(&format!("p{i}.html")), example_html()).unwrap();
    }
    let o = run(
        &[
            "extract",
            "--format",
            "jsonl",
            "-j",
            "2",
            t.path().to_str().unwrap(),
        ],
        b"",
    );
    assert!(o.status.success(), "{}", stderr(&o));
    let out = stdout(&o);
    let lines: Vec<&str> = out.lines().collect();
    assert_eq!(lines.len(), 5);
    for (i, l) in lines.iter().enumerate() {
        let a: Value = serde_json::from_str(l).unwrap();
        assert!(
            a["source"]["path"]
                .as_str()
                .unwrap()
                .ends_with(&format!("p{i}.html"))
        );
    }
}

#[test]
fn markdown_and_text_formats() {
    let o = run(&["extract", "--format", "markdown", EXAMPLE_HTML], b"");
    assert!(o.status.success(), "{}", stderr(&o));
    let md = stdout(&o);
    assert!(md.starts_with("# "), "{md}");
    assert!(md.contains(EXAMPLE_SENTENCE));

    let o = run(&["extract", "--format", "text", EXAMPLE_HTML], b"");
    assert!(o.status.success(), "{}", stderr(&o));
    let txt = stdout(&o);
    assert!(txt.contains(EXAMPLE_SENTENCE));
    assert!(!txt.contains("==>"), "no header for one input");

    // Several inputs: a header line names each.
    let o = run(
        &["extract", "--format", "text", EXAMPLE_HTML, EXAMPLE_TXT],
        b"",
    );
    assert!(o.status.success(), "{}", stderr(&o));
    let txt = stdout(&o);
    assert!(
        txt.starts_with(&format!("==> {EXAMPLE_HTML} <==\n")),
        "{txt}"
    );
    assert!(txt.contains(&format!("\n==> {EXAMPLE_TXT} <==\n")), "{txt}");
}

#[test]
fn a_failing_input_is_one_line_others_go_through_exit_1() {
    let t = TempDir::new("fail");
    std::fs::write(t.join("a.html"), example_html()).unwrap();
    let missing = t.join("missing.html");
    let bad_gz = t.join("bad.html.gz");
    let g = gzip(&example_html());
    std::fs::write(&bad_gz, &g[..g.len() / 2]).unwrap(); // truncated gzip
    let a = t.join("a.html");
    let o = run(
        &[
            "extract",
            "--format",
            "jsonl",
            a.to_str().unwrap(),
            missing.to_str().unwrap(),
            bad_gz.to_str().unwrap(),
            EXAMPLE_TXT,
        ],
        b"",
    );
    assert_eq!(o.status.code(), Some(1), "{}", stderr(&o));
    let err = stderr(&o);
    let lines: Vec<&str> = err.lines().collect();
    assert_eq!(lines.len(), 2, "{err}");
    assert!(
        lines[0].starts_with(&format!("marsad: {}: ", missing.display())),
        "{err}"
    );
    assert!(
        lines[1].starts_with(&format!("marsad: {}: ", bad_gz.display())),
        "{err}"
    );
    let out = stdout(&o);
    assert_eq!(out.lines().count(), 2, "{out}");
    assert_no_panic(&o);
}

#[test]
fn explain_goes_to_stderr_only() {
    let o = run(&["extract", "--explain", EXAMPLE_HTML], b"");
    assert!(o.status.success(), "{}", stderr(&o));
    json(&o); // stdout is still exactly one JSON value
}

#[test]
fn url_hint_fills_url() {
    let url = "https://example.com/culture/2026/01/22/book-fair-opens";
    let o = run(&["extract", "--url", url, EXAMPLE_HTML], b"");
    assert!(o.status.success(), "{}", stderr(&o));
    assert_eq!(json(&o)["url"].as_str(), Some(url));
}

#[test]
fn site_template_learned_saved_and_reused() {
    let t = TempDir::new("site");
    let site = t.join("site");
    std::fs::create_dir_all(&site).unwrap();
    let page = String::from_utf8(example_txt()).unwrap();
    for i in 0..4 {
        // Same chrome, different body lines.
        let p = page.replace("معرض الكتاب", &format!("معرض الكتاب {i}"));
        std::fs::write(site.join(format!("{i}.txt")), p).unwrap();
    }
    let saved = t.join("template.json");
    let o = run(
        &[
            "extract",
            "--site",
            site.to_str().unwrap(),
            "--save-template",
            saved.to_str().unwrap(),
            "--format",
            "jsonl",
            site.to_str().unwrap(),
        ],
        b"",
    );
    assert!(o.status.success(), "{}", stderr(&o));
    assert_eq!(stdout(&o).lines().count(), 4);
    let tpl = std::fs::read_to_string(&saved).unwrap();
    assert!(tpl.contains("\"lines\""), "{tpl}");

    let o = run(
        &[
            "extract",
            "--template",
            saved.to_str().unwrap(),
            EXAMPLE_TXT,
        ],
        b"",
    );
    assert!(o.status.success(), "{}", stderr(&o));
    json(&o);

    let o = run(&["extract", "--template", EXAMPLE_TXT, EXAMPLE_TXT], b"");
    assert!(!o.status.success(), "a bad template file is an error");
    assert!(stderr(&o).contains("template"), "{}", stderr(&o));
}
