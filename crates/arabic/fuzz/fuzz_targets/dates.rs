//! Fuzz the date, stamp, dateline and credit readers with arbitrary bytes: they must never
//! panic, and every span must slice the input.
#![no_main]

use libfuzzer_sys::fuzz_target;
use marsad_arabic::dateline::{find_credit, find_dateline};
use marsad_arabic::dates::{DateContext, find_dates, find_dates_bytes, parse_stamp};

fuzz_target!(|data: &[u8]| {
    let ctx = DateContext {
        reference: "2018-03-05T15:40:51+04:00[Asia/Dubai]".parse().ok(),
        zone: None,
    };
    let _ = find_dates_bytes(data, &ctx);
    let Ok(text) = std::str::from_utf8(data) else { return };
    for m in find_dates(text, &ctx) {
        assert_eq!(m.span.slice(text), Some(m.text.as_str()));
    }
    if let Some(s) = parse_stamp(text, Some("دمشق")) {
        assert_eq!(s.span.slice(text), Some(s.text.as_str()));
    }
    if let Some(d) = find_dateline(text) {
        assert!(d.consumed <= text.len());
        assert_eq!(d.dateline.span.slice(text), Some(d.dateline.text.as_str()));
    }
    if let Some(c) = find_credit(text) {
        assert_eq!(c.span.slice(text), Some(c.agency.as_str()));
    }
});
