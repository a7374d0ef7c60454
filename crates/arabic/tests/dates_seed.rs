//! The seed page's date, stamp, dateline and credit strings must come out exactly as in
//! `../shared/seeds/000_1147da78b8232cd6.expected.json` (skipped when ../shared is absent), plus
//! the same strings inline so the checks also run on a fresh clone.

use marsad_arabic::dateline::{find_credit, find_dateline, parse_dateline};
use marsad_arabic::dates::{DateContext, find_dates, parse_stamp};
use marsad_model::{AgencyKind, Precision, Span};

const SEEDS: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/../../../shared/seeds");

fn seed_ctx() -> DateContext {
    let stamp = parse_stamp("2020.09.08 | 06:49 دمشق", None).expect("seed stamp");
    let reference: jiff::ZonedDateTime =
        format!("{}[{}]", stamp.local, stamp.zone.unwrap_or_default())
            .parse()
            .expect("reference");
    DateContext {
        reference: Some(reference),
        zone: None,
    }
}

#[test]
fn seed_stamp_exact() {
    let s = parse_stamp("2020.09.08 | 06:49 دمشق", None).expect("stamp");
    assert_eq!(s.text, "2020.09.08 | 06:49 دمشق");
    assert_eq!(s.span, Span::new(0, 27));
    assert_eq!(s.local, "2020-09-08T06:49:00+03:00");
    assert_eq!(s.utc.as_deref(), Some("2020-09-08T03:49:00Z"));
    assert_eq!(s.zone.as_deref(), Some("Asia/Damascus"));
    assert_eq!(s.precision, Precision::Minute);
}

#[test]
fn seed_strings_inline() {
    let ctx = seed_ctx();
    let cases = [
        ("7 أيلول 2020", "2020-09-07", "absolute"),
        ("أمس الإثنين", "2020-09-07", "weekday"),
        ("أمس\u{00A0}الإثنين", "2020-09-07", "weekday"),
        ("شباط 2012", "2012-02", "month_year"),
    ];
    for (text, value, kind) in cases {
        let m = find_dates(text, &ctx);
        assert_eq!(m.len(), 1, "{text}");
        assert_eq!(m[0].text, text);
        assert_eq!(m[0].value_string(), value, "{text}");
        assert_eq!(m[0].kind.as_str(), kind, "{text}");
        assert_eq!(m[0].span, Span::new(0, text.len()));
    }
    let d = parse_dateline("إسطنبول - وكالات").expect("dateline");
    assert_eq!(d.place.as_deref(), Some("إسطنبول"));
    assert_eq!(d.country.as_deref(), Some("TR"));
    assert_eq!(d.zone.as_deref(), Some("Europe/Istanbul"));
    assert_eq!(d.agency.as_deref(), Some("وكالات"));
    assert_eq!(d.agency_kind, Some(AgencyKind::Generic));
    let caption = "لافروف خلال لقائه بشار الأسد في دمشق - 7 أيلول 2020 (رويترز)";
    let c = find_credit(caption).expect("credit");
    assert_eq!(c.span.slice(caption), Some("رويترز"));
    assert_eq!(c.kind, AgencyKind::Wire);
}

fn span_of(v: &serde_json::Value) -> Span {
    let a = v.as_array().expect("span array");
    Span::new(
        a[0].as_u64().unwrap_or(0) as usize,
        a[1].as_u64().unwrap_or(0) as usize,
    )
}

#[test]
fn seed_file_exact() {
    let txt = format!("{SEEDS}/000_1147da78b8232cd6.txt");
    let exp = format!("{SEEDS}/000_1147da78b8232cd6.expected.json");
    let (Ok(text), Ok(expected)) = (std::fs::read_to_string(&txt), std::fs::read_to_string(&exp))
    else {
        eprintln!("SKIP seed_file_exact: {SEEDS} not found (the shared data folder is absent)");
        return;
    };
    let expected: serde_json::Value = serde_json::from_str(&expected).expect("expected json");
    let s = &expected["structure"];
    // published stamp: the whole line at its span
    let ps = span_of(&s["published"]["span"]);
    let line = ps.slice(&text).expect("stamp line");
    let stamp = parse_stamp(line, None).expect("stamp");
    assert_eq!(stamp.span.shift(ps.start), ps);
    assert_eq!(stamp.local, s["published"]["local"].as_str().unwrap_or(""));
    assert_eq!(stamp.utc.as_deref(), s["published"]["utc"].as_str());
    assert_eq!(stamp.zone.as_deref(), s["published"]["zone"].as_str());
    // dates in text
    let found = find_dates(&text, &seed_ctx());
    for d in expected["dates_in_text"].as_array().expect("dates") {
        let span = span_of(&d["span"]);
        let m = found
            .iter()
            .find(|m| m.span == span)
            .unwrap_or_else(|| panic!("missing {d}"));
        assert_eq!(m.value_string(), d["value"].as_str().unwrap_or(""));
        assert_eq!(m.kind.as_str(), d["kind"].as_str().unwrap_or(""));
    }
    // nothing else outside the stamp line
    for m in &found {
        let listed = expected["dates_in_text"]
            .as_array()
            .is_some_and(|a| a.iter().any(|d| span_of(&d["span"]) == m.span));
        assert!(
            listed || (m.span.start >= ps.start && m.span.end <= ps.end),
            "unexpected {m:?}"
        );
    }
    // dateline at its line
    let ds = span_of(&s["dateline"]["span"]);
    let line_start = text[..ds.start].rfind('\n').map(|i| i + 1).unwrap_or(0);
    let line_end = text[ds.start..]
        .find('\n')
        .map(|i| i + ds.start)
        .unwrap_or(text.len());
    let dm = find_dateline(&text[line_start..line_end]).expect("dateline");
    assert_eq!(dm.dateline.span.shift(line_start), ds);
    assert_eq!(
        dm.dateline.place.as_deref(),
        s["dateline"]["place"].as_str()
    );
    assert_eq!(
        dm.dateline.country.as_deref(),
        s["dateline"]["country"].as_str()
    );
    assert_eq!(dm.dateline.zone.as_deref(), s["dateline"]["zone"].as_str());
    assert_eq!(
        dm.dateline.agency.as_deref(),
        s["dateline"]["agency"].as_str()
    );
    // figure credit at the end of the caption line
    let fig = &s["figures"][0];
    let cs = span_of(&fig["credit"]["span"]);
    let cap = span_of(&fig["caption"]["span"]);
    let cline_end = text[cap.start..]
        .find('\n')
        .map(|i| i + cap.start)
        .unwrap_or(text.len());
    let c = find_credit(&text[cap.start..cline_end]).expect("credit");
    assert_eq!(c.span.shift(cap.start), cs);
    assert_eq!(c.agency, fig["credit"]["text"].as_str().unwrap_or(""));
}
