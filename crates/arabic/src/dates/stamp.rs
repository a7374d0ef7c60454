//! Whole stamp lines → [`Stamp`]: "2020.09.08 | 06:49 دمشق", RFC 3339 / ISO 8601, RFC 2822
//! ("Tue, 13 Feb 2018 10:22:00 +0000"), English ("March 5, 2024", "5 Mar 2024 10:00 GMT") and
//! Arabic ("الثلاثاء 8 أيلول 2020 - 06:49").

use std::collections::HashMap;
use std::sync::LazyLock;

use jiff::civil::DateTime;
use jiff::tz::{Offset, TimeZone};
use marsad_model::{Precision, Span, Stamp};

use super::{DateContext, DateValue, find_dates, fold, valid_day};

/// Longest stamp text accepted (bytes).
pub const MAX_STAMP_BYTES: usize = 512;

const EN_MONTHS: &[(&str, u8)] = &[
    ("jan", 1),
    ("feb", 2),
    ("mar", 3),
    ("apr", 4),
    ("may", 5),
    ("jun", 6),
    ("jul", 7),
    ("aug", 8),
    ("sep", 9),
    ("oct", 10),
    ("nov", 11),
    ("dec", 12),
];

#[derive(Debug, Clone, Copy, PartialEq)]
enum T {
    Num(u32, u8),
    Word,
    P(char),
}

#[derive(Debug, Clone)]
struct Tk {
    s: usize,
    e: usize,
    t: T,
}

fn lex(text: &str) -> Vec<Tk> {
    let mut out = Vec::new();
    let mut it = text.char_indices().peekable();
    while let Some((i, c)) = it.next() {
        if c.is_whitespace() || super::fold::is_invisible(c) {
            continue;
        }
        if let Some(v) = c.to_digit(10).or_else(|| {
            let u = c as u32;
            (0x0660..=0x0669).contains(&u).then(|| u - 0x0660)
        }) {
            let (mut n, mut d, mut e) = (v, 1u8, i + c.len_utf8());
            while let Some(&(j, x)) = it.peek() {
                let u = x as u32;
                let dv = x
                    .to_digit(10)
                    .or_else(|| (0x0660..=0x0669).contains(&u).then(|| u - 0x0660));
                match dv {
                    Some(v) => {
                        n = n.saturating_mul(10).saturating_add(v);
                        d = d.saturating_add(1);
                        e = j + x.len_utf8();
                        it.next();
                    }
                    None => break,
                }
            }
            out.push(Tk {
                s: i,
                e,
                t: T::Num(n, d),
            });
        } else if c.is_alphabetic() {
            let mut e = i + c.len_utf8();
            while let Some(&(j, x)) = it.peek() {
                if x.is_alphabetic() || super::fold::is_invisible(x) || x == '_' {
                    e = j + x.len_utf8();
                    it.next();
                } else {
                    break;
                }
            }
            out.push(Tk {
                s: i,
                e,
                t: T::Word,
            });
        } else {
            out.push(Tk {
                s: i,
                e: i + c.len_utf8(),
                t: T::P(c),
            });
        }
    }
    out
}

struct Found {
    date: (i32, u8, u8),
    precision: Precision,
    time: Option<(u8, u8, u8)>,
    offset: Option<i32>,
    zone: Option<TimeZone>,
    span: Span,
}

fn num(t: &[Tk], i: usize) -> Option<(u32, u8)> {
    match t.get(i)?.t {
        T::Num(v, d) => Some((v, d)),
        _ => None,
    }
}

fn p(t: &[Tk], i: usize) -> Option<char> {
    match t.get(i)?.t {
        T::P(c) => Some(c),
        _ => None,
    }
}

fn word<'a>(text: &'a str, t: &[Tk], i: usize) -> Option<&'a str> {
    let k = t.get(i)?;
    match k.t {
        T::Word => text.get(k.s..k.e),
        _ => None,
    }
}

fn en_month(w: &str) -> Option<u8> {
    let l = w.to_ascii_lowercase();
    if l.len() < 3 {
        return None;
    }
    EN_MONTHS
        .iter()
        .find(|(k, _)| l.starts_with(k) && (l.len() == 3 || "january february march april may june july august september october november december sept".split(' ').any(|f| f == l)))
        .map(|(_, m)| *m)
}

/// Finds a numeric or English date: (y, m, d, first token, next token).
fn find_date(text: &str, t: &[Tk]) -> Option<((i32, u8, u8), usize, usize)> {
    for i in 0..t.len() {
        if let Some((a, da)) = num(t, i) {
            // Y-M-D / Y.M.D / Y/M/D
            if let (Some(s1), Some((b, db)), Some(s2), Some((c, dc))) =
                (p(t, i + 1), num(t, i + 2), p(t, i + 3), num(t, i + 4))
                && s1 == s2
                && matches!(s1, '-' | '.' | '/')
            {
                if da == 4 && db <= 2 && dc <= 2 {
                    return Some(((a as i32, b as u8, c as u8), i, i + 5));
                }
                if dc == 4 && da <= 2 && db <= 2 {
                    return Some(((c as i32, b as u8, a as u8), i, i + 5));
                }
            }
            // 5 Mar 2024
            if da <= 2
                && let Some(m) = word(text, t, i + 1).and_then(en_month)
                && let Some((y, 4)) = num(t, i + 2)
            {
                return Some(((y as i32, m, a as u8), i, i + 3));
            }
        }
        // March 5, 2024
        if let Some(m) = word(text, t, i).and_then(en_month)
            && let Some((d, dd)) = num(t, i + 1)
            && dd <= 2
        {
            let j = if p(t, i + 2) == Some(',') {
                i + 3
            } else {
                i + 2
            };
            if let Some((y, 4)) = num(t, j) {
                return Some(((y as i32, m, d as u8), i, j + 1));
            }
        }
    }
    None
}

/// Finds a clock time at or after token `from`: (h, m, s, has-seconds, first, next).
/// A clock time: (hour, minute, second, has-seconds).
type Clock = (u8, u8, u8, bool);

fn find_time(text: &str, t: &[Tk], from: usize) -> Option<(Clock, usize, usize)> {
    for i in from..t.len() {
        let Some((h, dh)) = num(t, i) else { continue };
        if dh > 2 || p(t, i + 1) != Some(':') {
            continue;
        }
        let Some((m, 2)) = num(t, i + 2) else {
            continue;
        };
        let mut j = i + 3;
        let mut s = 0;
        let mut has_s = false;
        if p(t, j) == Some(':')
            && let Some((sv, 2)) = num(t, j + 1)
        {
            s = sv;
            has_s = true;
            j += 2;
            if p(t, j) == Some('.') && num(t, j + 1).is_some() {
                j += 2;
            }
        }
        let mut h = h;
        if let Some(w) = word(text, t, j) {
            let f = fold(w);
            let pm = matches!(f.as_str(), "pm" | "م" | "مساء" | "مساءا");
            let am = matches!(f.as_str(), "am" | "ص" | "صباحا" | "صباح");
            if pm && h < 12 {
                h += 12;
            } else if am && h == 12 {
                h = 0;
            }
            if pm || am {
                j += 1;
            }
        }
        if h > 23 || m > 59 || s > 60 {
            return None;
        }
        return Some(((h as u8, m as u8, s.min(59) as u8, has_s), i, j));
    }
    None
}

/// The offset of Gulf Standard Time ("GST", UTC+4: the UAE and Oman).
const GULF_OFFSET_SECS: i32 = 4 * 3600;

/// Finds an explicit offset at or after token `from`: (seconds, first, next).
fn find_offset(text: &str, t: &[Tk], from: usize) -> Option<(i32, usize, usize)> {
    let mut i = from;
    while i < t.len() {
        if let Some(w) = word(text, t, i) {
            let l = w.to_ascii_uppercase();
            if matches!(l.as_str(), "Z" | "GMT" | "UTC" | "UT") {
                if let Some(sign @ ('+' | '-')) = p(t, i + 1)
                    && let Some((v, d)) = num(t, i + 2)
                {
                    let secs = offset_secs(v, d, t, i + 3)?;
                    let (secs, next) = secs;
                    return Some((if sign == '-' { -secs } else { secs }, i, next));
                }
                return Some((0, i, i + 1));
            }
            // Gulf Standard Time, as the Gulf's outlets print it ("09:12 ص GST").
            if l == "GST" {
                return Some((GULF_OFFSET_SECS, i, i + 1));
            }
            // Greenwich in Arabic: "بتوقيت غرينتش", "(توقيت جرينتش)", AFP's "ت غ" / "ت.غ".
            if !w.is_ascii() {
                let f = fold::fold(w);
                if super::lexicon::lookup(&f).is_some_and(|x| x.has(super::lexicon::flag::ZONE_UTC))
                {
                    return Some((0, i, i + 1));
                }
                if f == "ت" {
                    let j = if p(t, i + 1) == Some('.') {
                        i + 2
                    } else {
                        i + 1
                    };
                    if word(text, t, j) == Some("غ") {
                        return Some((0, i, j + 1));
                    }
                }
            }
            // "TZ" style zone letters right after the seconds ("…00Z") are covered above
        }
        if let Some(sign @ ('+' | '-' | '−')) = p(t, i)
            && let Some((v, d)) = num(t, i + 1)
            && (d == 4 || d == 2)
        {
            let (secs, next) = offset_secs(v, d, t, i + 2)?;
            return Some((if sign == '+' { secs } else { -secs }, i, next));
        }
        i += 1;
    }
    None
}

fn offset_secs(v: u32, d: u8, t: &[Tk], next: usize) -> Option<(i32, usize)> {
    let (h, m, next) = if d == 4 {
        (v / 100, v % 100, next)
    } else if p(t, next) == Some(':')
        && let Some((m, 2)) = num(t, next + 1)
    {
        (v, m, next + 2)
    } else {
        (v, 0, next)
    };
    if h > 14 || m > 59 {
        return None;
    }
    Some(((h * 3600 + m * 60) as i32, next))
}

/// A zone named in the text: "[Asia/Damascus]", an IANA name, or an Arabic place ("دمشق",
/// "بتوقيت مكة").
fn find_zone(text: &str, t: &[Tk]) -> Option<(TimeZone, usize, usize)> {
    // IANA names written out
    for (i, k) in t.iter().enumerate() {
        if k.t == T::Word
            && let Some(w) = text.get(k.s..)
        {
            let name: String = w
                .chars()
                .take_while(|c| c.is_ascii_alphanumeric() || matches!(c, '/' | '_' | '-' | '+'))
                .collect();
            if name.contains('/')
                && let Ok(tz) = TimeZone::get(&name)
            {
                let end = k.s + name.len();
                let last = t.iter().rposition(|x| x.s < end).unwrap_or(i);
                return Some((tz, i, last + 1));
            }
        }
    }
    // A country's time after "بتوقيت" ("بتوقيت السعودية"), or its Latin abbreviation
    // ("10:30 ص KSA"): `data/zone_names.tsv`.
    for i in 0..t.len() {
        let Some(w) = word(text, t, i) else { continue };
        if w.is_ascii() {
            if w.bytes().all(|b| b.is_ascii_uppercase())
                && let Some(tz) = zone_named(w)
            {
                return Some((tz, i, i + 1));
            }
            continue;
        }
        if !fold(w).ends_with("توقيت") {
            continue;
        }
        for n in (1..=MAX_ZONE_NAME_WORDS).rev() {
            let (Some(a), Some(b)) = (t.get(i + 1), t.get(i + n)) else {
                continue;
            };
            if (i + 1..=i + n).all(|j| word(text, t, j).is_some())
                && let Some(tz) = text.get(a.s..b.e).and_then(zone_named)
            {
                return Some((tz, i, i + n + 1));
            }
        }
    }
    // Arabic places (two words, then one)
    for i in 0..t.len() {
        for n in [2usize, 1] {
            if (i..i + n).any(|j| !matches!(t.get(j).map(|x| x.t), Some(T::Word))) {
                continue;
            }
            let (Some(a), Some(b)) = (t.get(i), t.get(i + n - 1)) else {
                continue;
            };
            let Some(s) = text.get(a.s..b.e) else {
                continue;
            };
            if let Some(pl) = crate::places::lookup(s)
                && let Ok(tz) = TimeZone::get(pl.zone)
            {
                return Some((tz, i, i + n));
            }
        }
    }
    None
}

/// Most words of a name in `data/zone_names.tsv`.
const MAX_ZONE_NAME_WORDS: usize = 3;

/// Countries and regions a stamp names its time by (`data/zone_names.tsv`), by folded name.
static ZONE_NAMES: LazyLock<HashMap<String, &'static str>> = LazyLock::new(|| {
    include_str!("../../data/zone_names.tsv")
        .lines()
        .filter(|l| !l.starts_with('#') && !l.trim().is_empty())
        .filter_map(|l| l.split_once('\t'))
        .map(|(name, zone)| (fold(name), zone.trim()))
        .collect()
});

/// The zone a country's name or abbreviation stands for: "السعودية", "KSA" → Asia/Riyadh.
fn zone_named(name: &str) -> Option<TimeZone> {
    ZONE_NAMES
        .get(&fold(name))
        .and_then(|z| TimeZone::get(z).ok())
}

fn zone_from_hint(hint: &str) -> Option<TimeZone> {
    if let Ok(tz) = TimeZone::get(hint.trim()) {
        return Some(tz);
    }
    let pl = crate::places::lookup(hint)?;
    TimeZone::get(pl.zone).ok()
}

fn span_of(t: &[Tk], a: usize, b: usize) -> Option<Span> {
    Some(Span::new(t.get(a)?.s, t.get(b.checked_sub(1)?)?.e))
}

fn find(text: &str, zone_hint: Option<&str>) -> Option<Found> {
    let t = lex(text);
    let mut span: Option<Span> = None;
    let mut grow = |s: Option<Span>| {
        if let Some(s) = s {
            span = Some(match span {
                Some(x) => x.cover(s),
                None => s,
            });
        }
    };
    let (date, precision, date_start, date_end) = if let Some((d, a, b)) = find_date(text, &t) {
        grow(span_of(&t, a, b));
        (d, Precision::Day, a, b)
    } else {
        // Arabic dates: "8 أيلول 2020", "الثلاثاء 8 سبتمبر 2020"
        let found: Vec<_> = find_dates(text, &DateContext::default())
            .into_iter()
            .filter(|m| {
                matches!(
                    m.value,
                    DateValue::Day(..) | DateValue::Month(..) | DateValue::Year(_)
                )
            })
            .collect();
        let first = found.first()?;
        // A Hijri day given with its Gregorian one ("15 جمادى الأولى 1446هـ - 17 نوفمبر 2024م")
        // is read by the Gregorian: the page wrote it, while Hijri calendars differ by a day.
        let gregorian_day = |m: &&super::DateMatch| {
            m.calendar == super::Calendar::Gregorian && matches!(m.value, DateValue::Day(..))
        };
        let m = match found.iter().find(gregorian_day) {
            Some(g)
                if first.calendar == super::Calendar::Hijri
                    && matches!(first.value, DateValue::Day(..)) =>
            {
                grow(Some(first.span));
                g
            }
            _ => first,
        }
        .clone();
        let (d, prec) = match m.value {
            DateValue::Day(y, mo, d) => ((y, mo, d), Precision::Day),
            DateValue::Month(y, mo) => ((y, mo, 1), Precision::Month),
            DateValue::Year(y) => ((y, 1, 1), Precision::Year),
            _ => return None,
        };
        grow(Some(m.span));
        let start = t
            .iter()
            .position(|k| k.s >= m.span.start)
            .unwrap_or(t.len());
        let end = t.iter().position(|k| k.s >= m.span.end).unwrap_or(t.len());
        (d, prec, start, end)
    };
    if !valid_day(date.0, date.1, date.2) || date.0 < 1 {
        return None;
    }
    let mut time = None;
    let mut offset = None;
    let mut precision = precision;
    // The time after the date, or before it ("نُشر: 10:53-14 مارس 2025", as Asharq
    // Al-Awsat sets it).
    if precision == Precision::Day
        && let Some(((h, m, s, has_s), a, b)) = find_time(text, &t, date_end)
            .or_else(|| find_time(text, &t, 0).filter(|&(_, _, b)| b <= date_start))
    {
        time = Some((h, m, s));
        precision = if has_s {
            Precision::Second
        } else {
            Precision::Minute
        };
        grow(span_of(&t, a, b));
        // (A time before the date takes no offset from the date's own digits: the "-14" of
        // "10:53-14 مارس".)
        if let Some((o, oa, ob)) =
            find_offset(text, &t, b).filter(|&(_, _, ob)| b > date_start || ob <= date_start)
        {
            offset = Some(o);
            grow(span_of(&t, oa, ob));
        }
    }
    let mut zone = zone_hint.and_then(zone_from_hint);
    if let Some((tz, a, b)) = find_zone(text, &t) {
        grow(span_of(&t, a, b));
        if zone.is_none() {
            zone = Some(tz);
        }
    }
    Some(Found {
        date,
        precision,
        time,
        offset,
        zone,
        span: span?,
    })
}

/// Reads a whole stamp line into a [`Stamp`]; the span is relative to `text`. `zone_hint` is
/// an IANA zone or a place name ("دمشق") used when the text names no offset. A date without a
/// time is precision `day` (local `YYYY-MM-DD`, utc null); a time with neither offset nor zone
/// gives a local time without offset and a null utc.
///
/// ```
/// use marsad_arabic::dates::parse_stamp;
/// let s = parse_stamp("2020.09.08 | 06:49 دمشق", None).unwrap();
/// assert_eq!(s.local, "2020-09-08T06:49:00+03:00");
/// assert_eq!(s.utc.as_deref(), Some("2020-09-08T03:49:00Z"));
/// assert_eq!(s.zone.as_deref(), Some("Asia/Damascus"));
/// let d = parse_stamp("March 5, 2024", None).unwrap();
/// assert_eq!(d.local, "2024-03-05");
/// assert_eq!(parse_stamp("Tue, 13 Feb 2018 10:22:00 +0000", None).unwrap().utc.as_deref(), Some("2018-02-13T10:22:00Z"));
/// ```
pub fn parse_stamp(text: &str, zone_hint: Option<&str>) -> Option<Stamp> {
    if text.len() > MAX_STAMP_BYTES || text.trim().is_empty() {
        return None;
    }
    let f = find(text, zone_hint)?;
    let (y, m, d) = f.date;
    let stamp_text = f.span.slice(text)?.to_string();
    let zone_name = f
        .zone
        .as_ref()
        .and_then(|z| z.iana_name().map(str::to_string));
    let Some((h, mi, s)) = f.time else {
        let local = match f.precision {
            Precision::Year => format!("{y:04}"),
            Precision::Month => format!("{y:04}-{m:02}"),
            _ => format!("{y:04}-{m:02}-{d:02}"),
        };
        return Some(Stamp {
            text: stamp_text,
            span: f.span,
            local,
            utc: None,
            zone: zone_name,
            precision: f.precision,
        });
    };
    let dt = DateTime::new(
        i16::try_from(y).ok()?,
        m as i8,
        d as i8,
        h as i8,
        mi as i8,
        s as i8,
        0,
    )
    .ok()?;
    let (zoned, zone_name) = if let Some(o) = f.offset {
        let off = Offset::from_seconds(o).ok()?;
        let z = dt.to_zoned_datetime(TimeZone::fixed(off)).ok()?;
        // keep the named zone only when it agrees with the written offset
        let keep = f
            .zone
            .as_ref()
            .is_some_and(|tz| tz.to_offset(z.timestamp()) == off);
        (z, if keep { zone_name } else { None })
    } else if let Some(tz) = f.zone.clone() {
        (dt.to_zoned_datetime(tz).ok()?, zone_name)
    } else {
        let local = format!("{y:04}-{m:02}-{d:02}T{h:02}:{mi:02}:{s:02}");
        return Some(Stamp {
            text: stamp_text,
            span: f.span,
            local,
            utc: None,
            zone: None,
            precision: f.precision,
        });
    };
    let local = zoned.strftime("%Y-%m-%dT%H:%M:%S%:z").to_string();
    let utc = zoned.timestamp().strftime("%Y-%m-%dT%H:%M:%SZ").to_string();
    Some(Stamp {
        text: stamp_text,
        span: f.span,
        local,
        utc: Some(utc),
        zone: zone_name,
        precision: f.precision,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_hijri_day_with_its_gregorian_one_is_read_by_the_gregorian() {
        // One day apart, as Umm al-Qura and a sighting calendar may be: the page's own
        // Gregorian day wins, whichever comes first.
        let s = parse_stamp(
            "الأربعاء 26 جمادى الأولى 1446هـ - 27 نوفمبر 2024م 10:45 ص",
            None,
        )
        .unwrap();
        assert_eq!(s.local, "2024-11-27T10:45:00");
        assert!(s.text.starts_with("الأربعاء 26 جمادى"), "{}", s.text);
        let s = parse_stamp("27 نوفمبر 2024م الموافق 26 جمادى الأولى 1446هـ", None).unwrap();
        assert_eq!(s.local, "2024-11-27");
        // A Hijri day alone is converted.
        let s = parse_stamp("الأربعاء 25 جمادى الأولى 1446هـ", None).unwrap();
        assert_eq!(s.local, "2024-11-27");
    }

    #[test]
    fn a_countrys_time_names_the_zone() {
        for line in [
            "01 ديسمبر ,2024: 10:30 ص KSA",
            "01 ديسمبر 2024 - 10:30 ص بتوقيت السعودية",
            "1 ديسمبر 2024 10:30 بتوقيت المملكة العربية السعودية",
        ] {
            let s = parse_stamp(line, None).unwrap();
            assert_eq!(s.local, "2024-12-01T10:30:00+03:00", "{line}");
            assert_eq!(s.zone.as_deref(), Some("Asia/Riyadh"), "{line}");
        }
        assert_eq!(
            parse_stamp("2024-12-01 10:30 UAE", None)
                .unwrap()
                .zone
                .as_deref(),
            Some("Asia/Dubai")
        );
        // A country named with no "بتوقيت", or an abbreviation in small letters, names no zone.
        assert_eq!(
            parse_stamp("1 ديسمبر 2024 10:30 السعودية", None)
                .unwrap()
                .zone,
            None
        );
        assert_eq!(
            parse_stamp("1 Dec 2024 10:30 ksa", None).unwrap().zone,
            None
        );
    }

    #[test]
    fn seed_stamp() {
        let s = parse_stamp("2020.09.08 | 06:49 دمشق", None).unwrap();
        assert_eq!(s.span, Span::new(0, 27));
        assert_eq!(s.local, "2020-09-08T06:49:00+03:00");
        assert_eq!(s.utc.as_deref(), Some("2020-09-08T03:49:00Z"));
        assert_eq!(s.zone.as_deref(), Some("Asia/Damascus"));
        assert_eq!(s.precision, Precision::Minute);
    }

    #[test]
    fn iso_and_english() {
        let s = parse_stamp("2018-02-18T21:35:43+04:00", None).unwrap();
        assert_eq!(s.local, "2018-02-18T21:35:43+04:00");
        assert_eq!(s.utc.as_deref(), Some("2018-02-18T17:35:43Z"));
        assert_eq!(s.precision, Precision::Second);
        let s = parse_stamp("5 Mar 2024 10:00 GMT", None).unwrap();
        assert_eq!(s.utc.as_deref(), Some("2024-03-05T10:00:00Z"));
        let s = parse_stamp("2015-05-17", Some("Africa/Tunis")).unwrap();
        assert_eq!(s.local, "2015-05-17");
        assert_eq!(s.utc, None);
        assert_eq!(s.precision, Precision::Day);
        let s = parse_stamp("2018-02-26T02:20:10Z", None).unwrap();
        assert_eq!(s.utc.as_deref(), Some("2018-02-26T02:20:10Z"));
    }

    #[test]
    fn arabic_stamp() {
        let s = parse_stamp("الثلاثاء 8 أيلول 2020 - 06:49", Some("Asia/Damascus")).unwrap();
        assert_eq!(s.local, "2020-09-08T06:49:00+03:00");
    }

    #[test]
    fn a_time_before_the_date_is_the_stamp_s() {
        // Asharq Al-Awsat: the time, a dash, then the date (and the Hijri date after it).
        let line = "نُشر: 10:53-14 مارس 2025 م ـ 14 رَمضان 1446 هـ";
        let s = parse_stamp(line, None).unwrap();
        assert_eq!(s.local, "2025-03-14T10:53:00"); // the date's "-14" is no offset
        assert_eq!(s.precision, Precision::Minute);
        assert_eq!(s.span.slice(line), Some("10:53-14 مارس 2025"));
        let s = parse_stamp("10:30 GMT 14 March 2025", None).unwrap();
        assert_eq!(s.utc.as_deref(), Some("2025-03-14T10:30:00Z"));
    }

    #[test]
    fn greenwich_in_arabic_is_utc() {
        for line in [
            "آخر تحديث: الجمعة 14 مارس 2025 - 10:30 (توقيت غرينتش)",
            "14 مارس 2025 - 10:30 بتوقيت جرينتش",
            "14 مارس 2025 الساعة 10:30 ت.غ",
            "14 مارس 2025 الساعة 10:30 ت غ",
        ] {
            let s = parse_stamp(line, Some("Asia/Riyadh")).unwrap();
            assert_eq!(s.local, "2025-03-14T10:30:00+00:00", "{line}");
            assert_eq!(s.utc.as_deref(), Some("2025-03-14T10:30:00Z"), "{line}");
        }
        // A lone "ت" is a word, not half of "ت غ".
        let s = parse_stamp("14 مارس 2025 الساعة 10:30 ت", None).unwrap();
        assert_eq!(s.utc, None);
    }

    #[test]
    fn gulf_standard_time_and_the_arabic_pm_mark() {
        let s = parse_stamp("14 مارس 2025 09:12 م GST", None).unwrap();
        assert_eq!(s.local, "2025-03-14T21:12:00+04:00");
        assert_eq!(s.utc.as_deref(), Some("2025-03-14T17:12:00Z"));
    }

    #[test]
    fn bad_stamps() {
        assert!(parse_stamp("2020.02.31 | 06:49", None).is_none());
        assert!(parse_stamp("", None).is_none());
        assert!(parse_stamp("2020.13.01", None).is_none());
        assert!(parse_stamp(&"9".repeat(10_000), None).is_none());
    }
}
