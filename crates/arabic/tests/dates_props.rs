//! Property tests with random input: the date, stamp, dateline and credit readers never
//! panic, and every span they return lies on character boundaries of the input and matches
//! the reported text.

use marsad_arabic::dateline::{find_credit, find_dateline};
use marsad_arabic::dates::{DateContext, find_dates, parse_stamp};
use proptest::prelude::*;

fn ctx() -> DateContext {
    DateContext {
        reference: Some(
            "2018-03-05T15:40:51+04:00[Asia/Dubai]"
                .parse()
                .expect("reference"),
        ),
        zone: None,
    }
}

/// Pieces that make date-like text more likely than uniform Unicode would.
fn piece() -> impl Strategy<Value = String> {
    prop_oneof![
        Just("أمس".to_string()),
        Just("الإثنين".to_string()),
        Just("يوم".to_string()),
        Just("شباط".to_string()),
        Just("حزيران/يونيو".to_string()),
        Just("آذار (مارس)".to_string()),
        Just("جانفي".to_string()),
        Just("رمضان".to_string()),
        Just("هـ".to_string()),
        Just("الساعة".to_string()),
        Just("ت غ".to_string()),
        Just("بين".to_string()),
        Just("من".to_string()),
        Just("إلى".to_string()),
        Just("عام".to_string()),
        Just("الماضي".to_string()),
        Just("قبل".to_string()),
        Just("(رويترز)".to_string()),
        Just("دبي، الإمارات (CNN)--".to_string()),
        Just(" - ".to_string()),
        Just("\u{00A0}".to_string()),
        Just("\u{202B}".to_string()),
        Just("ـ".to_string()),
        (0u32..40000).prop_map(|n| n.to_string()),
        "[0-9/.:,\\- ]{1,6}",
        "\\PC{0,6}",
    ]
}

fn text() -> impl Strategy<Value = String> {
    prop::collection::vec(piece(), 0..24).prop_map(|v| v.join(" "))
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(400))]

    #[test]
    fn dates_spans_are_valid(t in text()) {
        for m in find_dates(&t, &ctx()) {
            prop_assert!(m.span.start < m.span.end && m.span.end <= t.len());
            prop_assert_eq!(m.span.slice(&t), Some(m.text.as_str()));
            let v = m.value_string();
            prop_assert!(!v.is_empty());
        }
    }

    #[test]
    fn arbitrary_unicode_never_panics(t in "\\PC{0,200}") {
        let _ = find_dates(&t, &ctx());
        let _ = find_dates(&t, &DateContext::default());
        let _ = parse_stamp(&t, None);
        let _ = parse_stamp(&t, Some("دمشق"));
        if let Some(m) = find_dateline(&t) {
            prop_assert!(m.consumed <= t.len() && t.is_char_boundary(m.consumed));
            prop_assert_eq!(m.dateline.span.slice(&t), Some(m.dateline.text.as_str()));
        }
        if let Some(c) = find_credit(&t) {
            prop_assert_eq!(c.span.slice(&t), Some(c.agency.as_str()));
        }
    }

    #[test]
    fn stamps_from_random_pieces(t in text()) {
        if let Some(s) = parse_stamp(&t, None) {
            prop_assert_eq!(s.span.slice(&t), Some(s.text.as_str()));
        }
        if let Some(m) = find_dateline(&t) {
            prop_assert_eq!(m.dateline.span.slice(&t), Some(m.dateline.text.as_str()));
        }
    }
}
