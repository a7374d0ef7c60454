//! Bad input never panics: impossible dates are dropped, limits are enforced.

use marsad_arabic::dateline::{find_credit, parse_dateline};
use marsad_arabic::dates::{
    DateContext, HijriVariant, MAX_TEXT_BYTES, find_dates, find_dates_bytes, hijri_to_gregorian,
    parse_stamp,
};

fn ctx() -> DateContext {
    DateContext {
        reference: Some(
            "2018-07-12T07:56:33+04:00[Asia/Dubai]"
                .parse()
                .expect("reference"),
        ),
        zone: None,
    }
}

#[test]
fn impossible_dates_are_none() {
    assert!(find_dates("في 31 شباط 2018", &ctx()).is_empty());
    assert!(find_dates("في 30 فبراير", &ctx()).is_empty());
    assert!(find_dates("في 13/13/2018", &ctx()).is_empty());
    assert!(find_dates("عام 99999", &ctx()).is_empty());
    assert!(find_dates("0/0/0000", &ctx()).is_empty());
    assert!(parse_stamp("2020.13.08 | 06:49", None).is_none());
    assert!(parse_stamp("2020.02.30", None).is_none());
    assert!(parse_stamp("99999-01-01T00:00:00Z", None).is_none());
    assert_eq!(
        hijri_to_gregorian(1439, 13, 1, HijriVariant::TabularCivil),
        None
    );
    assert_eq!(
        hijri_to_gregorian(99_999, 1, 1, HijriVariant::UmmAlQura),
        None
    );
}

#[test]
fn invalid_utf8_is_none() {
    assert!(find_dates_bytes(&[0xd8, 0x20, 0xff, 0x32, 0x30], &ctx()).is_none());
}

#[test]
fn huge_inputs_are_bounded() {
    // a 1 MB single "word" and a long line of digits and month names
    let word = "ب".repeat(512 * 1024);
    assert!(find_dates(&word, &ctx()).is_empty());
    let digits = "2018/".repeat(200_000);
    let _ = find_dates(&digits, &ctx());
    let months = "يناير، ".repeat(100_000);
    assert_eq!(find_dates(&months, &ctx()).len(), 100_000);
    assert!(parse_dateline(&word).is_none());
    assert!(find_credit(&format!("({word})")).is_none());
    assert!(parse_stamp(&word, None).is_none());
}

#[test]
fn text_over_the_limit_is_cut() {
    let mut t = "ا".repeat(MAX_TEXT_BYTES / 2);
    t.push_str(" عام 2017");
    let m = find_dates(&t, &ctx());
    assert!(m.is_empty(), "text past MAX_TEXT_BYTES is not scanned");
}

#[test]
fn lone_marks_and_mixed_direction() {
    for t in [
        "\u{064E}\u{0651}",
        "\u{202B}2018\u{202C}",
        "May 2018 مايو",
        "ـــ",
        "(",
        "-- (CNN",
        "(CNN)",
    ] {
        let _ = find_dates(t, &ctx());
        let _ = parse_dateline(t);
        let _ = find_credit(t);
        let _ = parse_stamp(t, Some("Asia/Damascus"));
    }
}
