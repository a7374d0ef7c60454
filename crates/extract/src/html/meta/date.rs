//! Dates in metadata values and visible text: ISO 8601 / RFC 3339, RFC 2822, numeric
//! (`04/09/2025`, `04.09.2025`) and written dates (`September 4, 2025 at 10:30 am EST`,
//! `4 Sep 2025`). Arabic dates go through `marsad_arabic::dates`.
//!
//! Everything runs on a token list of the text (at most [`MAX_DATE_TEXT`] bytes are read), so
//! the work is bounded and nothing is compiled per page.

use marsad_model::{Precision, Span, Stamp};

use super::words::{MONTHS, ZONES, Zone, parse_offset};

/// Longest text scanned for a date, in bytes (longer text is cut at a char boundary).
pub const MAX_DATE_TEXT: usize = 512;

/// Earliest and latest year accepted (anything else is a product number, not a date).
const YEARS: std::ops::RangeInclusive<i32> = 1990..=2099;

/// A date found in a text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Found {
    /// Byte offset where the date starts in the text.
    pub start: usize,
    /// Byte offset one past its end.
    pub end: usize,
    /// Year.
    pub year: i16,
    /// Month 1–12.
    pub month: i8,
    /// Day 1–31 (0 when only a month is known).
    pub day: i8,
    /// Hour, minute, second, and whether seconds were written.
    pub time: Option<(i8, i8, i8, bool)>,
    /// UTC offset in seconds, when the text gives one.
    pub offset: Option<i32>,
    /// The IANA zone a region's abbreviation names ("PT": `America/Los_Angeles`); the offset
    /// is then that zone's on the day.
    pub zone: Option<&'static str>,
}

#[derive(Debug, Clone, Copy, PartialEq)]
enum Tok<'a> {
    /// Digits: value (saturated), digit count.
    Num(u32, usize),
    /// Letters (original case).
    Word(&'a str),
    /// One punctuation char.
    Sep(char),
    /// Whitespace run.
    Space,
}

fn tokens(text: &str) -> Vec<(Tok<'_>, usize, usize)> {
    let mut out = Vec::new();
    let mut it = text.char_indices().peekable();
    while let Some((i, c)) = it.next() {
        if c.is_ascii_digit() {
            let mut end = i + 1;
            let mut v: u32 = c as u32 - '0' as u32;
            while let Some(&(j, d)) = it.peek() {
                if !d.is_ascii_digit() {
                    break;
                }
                v = v.saturating_mul(10).saturating_add(d as u32 - '0' as u32);
                end = j + 1;
                it.next();
            }
            out.push((Tok::Num(v, end - i), i, end));
        } else if c.is_alphabetic() {
            let mut end = i + c.len_utf8();
            while let Some(&(j, d)) = it.peek() {
                if !d.is_alphabetic() {
                    break;
                }
                end = j + d.len_utf8();
                it.next();
            }
            out.push((Tok::Word(&text[i..end]), i, end));
        } else if c.is_whitespace() {
            let mut end = i + c.len_utf8();
            while let Some(&(j, d)) = it.peek() {
                if !d.is_whitespace() {
                    break;
                }
                end = j + d.len_utf8();
                it.next();
            }
            out.push((Tok::Space, i, end));
        } else {
            out.push((Tok::Sep(c), i, i + c.len_utf8()));
        }
    }
    out
}

/// A cursor over tokens that skips nothing implicitly.
struct Cur<'t, 'a> {
    t: &'t [(Tok<'a>, usize, usize)],
    i: usize,
}

impl<'a> Cur<'_, 'a> {
    fn peek(&self) -> Option<Tok<'a>> {
        self.t.get(self.i).map(|x| x.0)
    }
    fn end(&self) -> usize {
        if self.i == 0 {
            0
        } else {
            self.t.get(self.i - 1).map(|x| x.2).unwrap_or(0)
        }
    }
    fn num(&mut self, digits: std::ops::RangeInclusive<usize>) -> Option<u32> {
        match self.peek()? {
            Tok::Num(v, n) if digits.contains(&n) => {
                self.i += 1;
                Some(v)
            }
            _ => None,
        }
    }
    fn sep(&mut self, set: &[char]) -> Option<char> {
        match self.peek()? {
            Tok::Sep(c) if set.contains(&c) => {
                self.i += 1;
                Some(c)
            }
            _ => None,
        }
    }
    fn space(&mut self) -> bool {
        if self.peek() == Some(Tok::Space) {
            self.i += 1;
            true
        } else {
            false
        }
    }
    fn word(&mut self) -> Option<&'a str> {
        match self.peek()? {
            Tok::Word(w) => {
                self.i += 1;
                Some(w)
            }
            _ => None,
        }
    }
    /// Skips spaces and the given separators.
    fn gap(&mut self, set: &[char]) {
        while self.space() || self.sep(set).is_some() {}
    }
}

fn valid_day(y: i32, m: u32, d: u32) -> bool {
    YEARS.contains(&y)
        && (1..=12).contains(&m)
        && d >= 1
        && jiff::civil::Date::new(y as i16, m as i8, d as i8).is_ok()
}

fn month_word(w: &str) -> Option<u8> {
    // (Bytes: "października", "сентября" take twenty-odd.)
    if w.len() > 24 {
        return None;
    }
    let lw = w.to_lowercase();
    MONTHS.get(&lw).copied()
}

fn is_ordinal(w: &str) -> bool {
    matches!(
        w.to_ascii_lowercase().as_str(),
        "st" | "nd" | "rd" | "th" | "er" | "e"
    )
}

/// Reads an optional time ("T10:30:00.000+03:00", " 10:30 am EST", ", 10:30", " / 10:30 AM
/// CST") after a date.
/// A clock time (hour, minute, second, seconds written) and an optional UTC offset.
type Clock = ((i8, i8, i8, bool), Option<Zone>);

fn time_after(c: &mut Cur<'_, '_>) -> Option<Clock> {
    let save = c.i;
    // Separator between date and time.
    let mut gap = 0;
    loop {
        if c.space() || c.sep(&[',', '|', '-', '–', '@', '·', '•', '/']).is_some() {
            gap += 1;
        } else if let Some(Tok::Word(w)) = c.peek() {
            if gap < 4 && is_one_of(&super::words::WORDS.time_at, w) {
                c.i += 1;
                gap += 1;
            } else {
                break;
            }
        } else {
            break;
        }
        if gap > 6 {
            break;
        }
    }
    let h = c.num(1..=2)?;
    // "10:30", "10.30", and French and Portuguese "10h30".
    let h_mark = matches!(c.peek(), Some(Tok::Word("h" | "H")));
    if h_mark {
        c.i += 1;
    } else if c.sep(&[':', '.']).is_none() {
        c.i = save;
        return None;
    }
    let Some(mi) = c.num(2..=2) else {
        c.i = save;
        return None;
    };
    let mut s = 0;
    let mut has_s = false;
    let before_s = c.i;
    if c.sep(&[':']).is_some() {
        if let Some(v) = c.num(2..=2) {
            s = v;
            has_s = true;
            // Fraction.
            let before_f = c.i;
            if c.sep(&['.', ',']).is_some() && c.num(1..=9).is_none() {
                c.i = before_f;
            }
        } else {
            c.i = before_s;
        }
    }
    let mut h = h;
    // am / pm / a.m.
    let before_ampm = c.i;
    c.space();
    let mut ampm = None;
    if let Some(w) = c.word() {
        let lw = w.to_ascii_lowercase();
        match lw.as_str() {
            "am" | "pm" => ampm = Some(lw == "pm"),
            "a" | "p"
                if c.sep(&['.']).is_some()
                    && c.word().is_some_and(|m| m.eq_ignore_ascii_case("m")) =>
            {
                c.sep(&['.']);
                ampm = Some(lw == "p");
            }
            _ => {}
        }
    }
    if let Some(pm) = ampm {
        if !(1..=12).contains(&h) {
            c.i = save;
            return None;
        }
        h = match (pm, h) {
            (false, 12) => 0,
            (true, 12) => 12,
            (true, h) => h + 12,
            (false, h) => h,
        };
    } else {
        c.i = before_ampm;
    }
    if h > 23 || mi > 59 || s > 60 {
        c.i = save;
        return None;
    }
    let offset = offset_after(c);
    Some(((h as i8, mi as i8, s.min(59) as i8, has_s), offset))
}

/// Reads an optional UTC offset or zone abbreviation.
fn offset_after(c: &mut Cur<'_, '_>) -> Option<Zone> {
    let save = c.i;
    let spaced = c.space();
    match c.peek() {
        Some(Tok::Word(w)) => {
            if w == "Z" && !spaced {
                c.i += 1;
                return Some(Zone::Fixed(0));
            }
            let lw = w.to_ascii_lowercase();
            match ZONES.get(&lw) {
                Some(Zone::Region(_)) if !w.chars().all(|ch| ch.is_ascii_uppercase()) => {}
                Some(&z) => {
                    c.i += 1;
                    // "GMT+3", "UTC+03:00"
                    if (lw == "gmt" || lw == "utc")
                        && let Some(extra) = signed_offset(c)
                    {
                        return Some(Zone::Fixed(extra));
                    }
                    return Some(z);
                }
                None => {}
            }
        }
        Some(Tok::Sep('+' | '-' | '−')) => {
            if let Some(off) = signed_offset(c) {
                return Some(Zone::Fixed(off));
            }
        }
        _ => {}
    }
    c.i = save;
    None
}

fn signed_offset(c: &mut Cur<'_, '_>) -> Option<i32> {
    let save = c.i;
    let sign = match c.sep(&['+', '-', '−']) {
        Some('+') => 1,
        Some(_) => -1,
        None => return None,
    };
    let Some(h) = c.num(1..=4) else {
        c.i = save;
        return None;
    };
    let digits = match c.t.get(c.i - 1).map(|x| x.0) {
        Some(Tok::Num(_, n)) => n,
        _ => 0,
    };
    let (hh, mm) = if digits == 4 {
        (h / 100, h % 100)
    } else {
        let before = c.i;
        if c.sep(&[':']).is_some() {
            match c.num(2..=2) {
                Some(m) => (h, m),
                None => {
                    c.i = before;
                    (h, 0)
                }
            }
        } else {
            (h, 0)
        }
    };
    if hh > 14 || mm > 59 {
        c.i = save;
        return None;
    }
    Some(sign * (hh as i32 * 3600 + mm as i32 * 60))
}

fn found(
    start: usize,
    c: &mut Cur<'_, '_>,
    y: u32,
    m: u32,
    d: u32,
    with_time: bool,
) -> Option<Found> {
    if !valid_day(y as i32, m, d) {
        return None;
    }
    let mut f = Found {
        start,
        end: c.end(),
        year: y as i16,
        month: m as i8,
        day: d as i8,
        time: None,
        offset: None,
        zone: None,
    };
    if with_time && let Some((t, off)) = time_after(c) {
        f.time = Some(t);
        f.set_zone(off);
        f.end = c.end();
    }
    Some(f)
}

/// Where a capitalised word run into the end of a lower-case one starts ("Zeldman|November"):
/// the byte offset of its capital, when it is at least 3 letters long.
fn glued_tail(w: &str) -> Option<usize> {
    let (k, _) = w
        .char_indices()
        .zip(w.chars().skip(1))
        .filter(|((_, a), b)| a.is_lowercase() && b.is_uppercase())
        .last()
        .map(|((k, a), _)| (k + a.len_utf8(), ()))?;
    (w.len() - k >= 3).then_some(k)
}

/// The year of a written date ("September 4, **2025**"), after its month `m` and day `d`.
/// A year run into a number after it by a flattened page ("October 17, 20236:01 PM": the
/// time's element; "June 14, 20241 yr") is its first four digits, when they are a year: after
/// a month and a day, five or six digits are no count. Such a date ends at its year.
fn written_year(start: usize, c: &mut Cur<'_, '_>, m: u32, d: u32) -> Option<Found> {
    if let Some(y) = c.num(4..=4) {
        return found(start, c, y, m, d, true);
    }
    let (Tok::Num(v, n @ 5..=6), at, _) = *c.t.get(c.i)? else {
        return None;
    };
    let y = v / 10u32.pow(n as u32 - 4);
    let mut f = found(start, c, y, m, d, false)?;
    f.end = at + 4;
    Some(f)
}

/// Most tokens between a time and the date after it (spaces, commas, dashes, a weekday).
const MAX_TIME_DATE_GAP: usize = 8;

/// A time standing before its date, at token `i`: "3:27 am PST, Wednesday, November 20, 2019",
/// "10:53 - 14 March 2025". The date must carry no time of its own.
fn time_first(toks: &[(Tok<'_>, usize, usize)], i: usize, day_first: bool) -> Option<Found> {
    let mut c = Cur { t: toks, i };
    let (clock, offset) = time_after(&mut c)?;
    for _ in 0..MAX_TIME_DATE_GAP {
        if c.space() || c.sep(&[',', '-', '–', '|', '·', '•', '/']).is_some() {
            continue;
        }
        match c.peek() {
            Some(Tok::Word(w)) if is_weekday(w) => {
                c.i += 1;
            }
            _ => break,
        }
    }
    // (A second time there is no date: "10:30 - 11:45".)
    if matches!(c.t.get(c.i + 1), Some((Tok::Sep(':'), ..))) {
        return None;
    }
    let mut f = at(toks, c.i, day_first).filter(|f| f.time.is_none())?;
    f.start = toks[i].1;
    f.time = Some(clock);
    f.set_zone(offset);
    Some(f)
}

/// True when `w` names a day of the week in any listed language, whatever its case
/// ("Wednesday", "ÇARŞAMBA", "SALI" for "salı", "CUMARTESİ").
fn is_weekday(w: &str) -> bool {
    let days = &super::words::WORDS.weekday;
    if w.is_ascii() && days.iter().any(|d| d.eq_ignore_ascii_case(w)) {
        return true;
    }
    // Turkish dotted and dotless i fold to one letter, so no casing rule is needed.
    let fold = |s: &str| -> String {
        s.chars()
            .flat_map(char::to_lowercase)
            .filter(|&c| c != '\u{307}')
            .map(|c| if c == 'ı' { 'i' } else { c })
            .collect()
    };
    let w = fold(w);
    days.iter().any(|d| fold(d) == w)
}

/// True when `w` is one of `list` (lower-case words), whatever its case.
fn is_one_of(list: &[String], w: &str) -> bool {
    w.len() <= 8 && list.iter().any(|x| x.as_str() == w.to_lowercase())
}

/// Steps over a word joining a date's parts ("of", "de") and the spaces after it.
fn date_of(c: &mut Cur<'_, '_>) {
    if let Some(Tok::Word(w)) = c.peek()
        && is_one_of(&super::words::WORDS.date_of, w)
    {
        c.i += 1;
        c.gap(&[]);
    }
}

/// Tries every date shape at token `i`.
fn at(toks: &[(Tok<'_>, usize, usize)], i: usize, day_first: bool) -> Option<Found> {
    let start = toks.get(i)?.1;
    let mut c = Cur { t: toks, i };
    match toks[i].0 {
        Tok::Num(v, 4) => {
            c.i += 1;
            // Chinese, Japanese and Korean: "2024年3月5日", "2024년 3월 5일".
            if let Some(Tok::Word("年" | "년")) = c.peek() {
                c.i += 1;
                c.gap(&[]);
                let m = c.num(1..=2)?;
                if !matches!(c.peek(), Some(Tok::Word("月" | "월"))) {
                    return None;
                }
                c.i += 1;
                c.gap(&[]);
                let d = c.num(1..=2)?;
                if !matches!(c.peek(), Some(Tok::Word("日" | "일"))) {
                    return None;
                }
                c.i += 1;
                return found(start, &mut c, v, m, d, true);
            }
            // ISO 2020-09-08, 2020/09/08, 2020.09.08
            let sep = c.sep(&['-', '/', '.'])?;
            let m = c.num(1..=2)?;
            // "2025-09" (month precision) is not read: too ambiguous.
            c.sep(&[sep])?;
            let d = c.num(1..=2)?;
            found(start, &mut c, v, m, d, true)
        }
        Tok::Num(v, 8) if (19_900_101..=20_991_231).contains(&v) => {
            c.i += 1;
            if matches!(c.peek(), Some(Tok::Num(..))) {
                return None;
            }
            found(start, &mut c, v / 10000, v / 100 % 100, v % 100, true)
        }
        Tok::Num(_, 1..=2) if matches!(toks.get(i + 1), Some((Tok::Sep(':'), ..))) => {
            time_first(toks, i, day_first)
        }
        Tok::Num(a, 1..=2) => {
            c.i += 1;
            // Numeric day/month/year.
            let save = c.i;
            if let Some(sep) = c.sep(&['/', '.', '-']) {
                if let Some(b) = c.num(1..=2)
                    && c.sep(&[sep]).is_some()
                    && let Some(y) = c.num(2..=4)
                {
                    let y = if y < 100 { y + 2000 } else { y };
                    let (m, d) = if a > 12 {
                        (b, a)
                    } else if b > 12 {
                        (a, b)
                    } else if day_first || sep == '.' {
                        (b, a)
                    } else {
                        (a, b)
                    };
                    return found(start, &mut c, y, m, d, true);
                }
                c.i = save;
            }
            // "4 September 2025", "4th of Sep, 2025"
            let d = a;
            if let Some(Tok::Word(w)) = c.peek()
                && is_ordinal(w)
            {
                c.i += 1;
            }
            c.gap(&['.', ',', '-']);
            date_of(&mut c);
            let m = month_word(c.word()?)?;
            c.gap(&['.', ',', '-', '/']);
            date_of(&mut c);
            written_year(start, &mut c, m as u32, d)
        }
        Tok::Word(w) => {
            // A month run into the word before it by a flattened page ("ZeldmanNovember 20,
            // 2007": a name's link, then the date) starts where its capital does.
            let (m, start) = match month_word(w) {
                Some(m) => (m, start),
                None => {
                    let k = glued_tail(w)?;
                    (month_word(&w[k..])?, start + k)
                }
            };
            c.i += 1;
            c.gap(&['.', ',', '-', '/']);
            let d = c.num(1..=2)?;
            if let Some(Tok::Word(w)) = c.peek()
                && is_ordinal(w)
            {
                c.i += 1;
            }
            c.gap(&['.', ',', '-', '/']);
            written_year(start, &mut c, m as u32, d)
        }
        _ => None,
    }
}

/// Finds the first date in `text` (at most [`MAX_DATE_TEXT`] bytes are read).
/// `day_first` decides ambiguous numeric dates (`04/09/2025`): true reads 4 September.
///
/// ```
/// use marsad_extract::html::meta::date::find;
/// let f = find("Published September 4, 2025 at 10:30 am EST", false).unwrap();
/// assert_eq!((f.year, f.month, f.day), (2025, 9, 4));
/// assert_eq!(f.time, Some((10, 30, 0, false)));
/// assert_eq!(f.offset, Some(-5 * 3600));
/// // Arabic text around an ISO stamp.
/// let f = find("نشر في 2020-09-08T06:49:00+03:00", false).unwrap();
/// assert_eq!(f.offset, Some(3 * 3600));
/// ```
pub fn find(text: &str, day_first: bool) -> Option<Found> {
    find_all(text, day_first, 1).into_iter().next()
}

/// Finds up to `max` dates in `text`, in text order, not overlapping.
///
/// ```
/// use marsad_extract::html::meta::date::find_all;
/// let all = find_all("Published 4 Sep 2025 · Updated 6 Sep 2025", false, 4);
/// assert_eq!(all.len(), 2);
/// assert_eq!(all[1].day, 6);
/// ```
pub fn find_all(text: &str, day_first: bool, max: usize) -> Vec<Found> {
    let mut cut = text.len().min(MAX_DATE_TEXT);
    while !text.is_char_boundary(cut) {
        cut -= 1;
    }
    let text = &text[..cut];
    if !text.bytes().any(|b| b.is_ascii_digit()) {
        return Vec::new();
    }
    let toks = tokens(text);
    let mut out = Vec::new();
    let mut i = 0;
    while i < toks.len() && out.len() < max {
        // A number glued to letters before it ("ID2020") is not a date start.
        if let Some(f) = at(&toks, i, day_first) {
            let end = f.end;
            out.push(f);
            while i < toks.len() && toks[i].1 < end {
                i += 1;
            }
            continue;
        }
        i += 1;
    }
    out
}

fn fmt_offset(off: i32) -> String {
    let sign = if off < 0 { '-' } else { '+' };
    let a = off.unsigned_abs();
    format!("{sign}{:02}:{:02}", a / 3600, a / 60 % 60)
}

impl Found {
    /// Sets the zone read after the time: a fixed offset as it is, a region's as its offset
    /// on the date and time found (none when the zone database lacks it).
    fn set_zone(&mut self, z: Option<Zone>) {
        match z {
            None => {}
            Some(Zone::Fixed(off)) => self.offset = Some(off),
            Some(Zone::Region(name)) => {
                let (h, mi, s, _) = self.time.unwrap_or((12, 0, 0, false));
                let off = jiff::tz::TimeZone::get(name).ok().and_then(|tz| {
                    jiff::civil::DateTime::new(self.year, self.month, self.day, h, mi, s, 0)
                        .ok()?
                        .to_zoned_datetime(tz)
                        .ok()
                });
                if let Some(z) = off {
                    self.offset = Some(z.offset().seconds());
                    self.zone = Some(name);
                }
            }
        }
    }

    /// The [`Stamp`] of this date found in the visible line `line`. In an Arabic line the
    /// Arabic layer reads on from the date, so its clock words and zone count: in "آخر تحديث:
    /// 3/12/2024 04:15 م (بتوقيت مكة)" the digits alone give 04:15 with no zone, the line
    /// 16:15 at +03:00 (Asia/Riyadh). Its reading is taken when it gives the same day and no
    /// less precision.
    ///
    /// ```
    /// use marsad_extract::html::meta::date::find;
    /// use marsad_model::Span;
    /// let line = "آخر تحديث: 3/12/2024 04:15 م (بتوقيت مكة)";
    /// let s = find(line, true).unwrap().stamp_in_line(line, Span::new(0, 9));
    /// assert_eq!(s.local, "2024-12-03T16:15:00+03:00");
    /// assert_eq!(s.zone.as_deref(), Some("Asia/Riyadh"));
    /// let line = "Updated 3/12/2024 04:15 PM";
    /// let s = find(line, true).unwrap().stamp_in_line(line, Span::new(0, 9));
    /// assert_eq!(s.local, "2024-12-03T16:15:00");
    /// ```
    pub fn stamp_in_line(&self, line: &str, span: Span) -> Stamp {
        let st = self.stamp(&line[self.start..self.end], span);
        if !has_arabic(line) {
            return st;
        }
        let Some(ar) = marsad_arabic::dates::parse_stamp(cut_text(&line[self.start..]), None)
        else {
            return st;
        };
        if ar.day().is_some() && ar.day() == st.day() && ar.precision >= st.precision {
            return Stamp { span, ..ar };
        }
        st
    }

    /// Turns the date into a [`Stamp`]: a day when no time is known (`local` = `YYYY-MM-DD`,
    /// `utc` null); with a time, `local` carries the page's offset when it gives one and `utc`
    /// the same instant in UTC.
    pub fn stamp(&self, text: &str, span: Span) -> Stamp {
        let day = format!("{:04}-{:02}-{:02}", self.year, self.month, self.day);
        let Some((h, mi, s, has_s)) = self.time else {
            return Stamp {
                text: text.to_string(),
                span,
                local: day,
                utc: None,
                zone: None,
                precision: Precision::Day,
            };
        };
        let precision = if has_s {
            Precision::Second
        } else {
            Precision::Minute
        };
        let clock = format!("{day}T{h:02}:{mi:02}:{s:02}");
        let (local, utc) = match self.offset {
            Some(off) => {
                let utc = jiff::civil::DateTime::new(self.year, self.month, self.day, h, mi, s, 0)
                    .ok()
                    .and_then(|dt| {
                        dt.checked_sub(jiff::SignedDuration::from_secs(off as i64))
                            .ok()
                    })
                    .map(|dt| format!("{}Z", dt.strftime("%Y-%m-%dT%H:%M:%S")));
                (format!("{clock}{}", fmt_offset(off)), utc)
            }
            None => (clock, None),
        };
        let zone = match (self.zone, self.offset) {
            (Some(z), _) => Some(z.to_string()),
            (None, Some(0)) => Some("UTC".to_string()),
            _ => None,
        };
        Stamp {
            text: text.to_string(),
            span,
            local,
            utc,
            zone,
            precision,
        }
    }
}

/// The day a URL's path is dated with, as `YYYY-MM-DD`: three segments
/// `/YYYY/MM/DD/` (news sites' permalinks) or a segment opening with `YYYY-MM-DD`. A year
/// outside the years read, or a day no calendar has, is none.
///
/// ```
/// use marsad_extract::html::meta::date::url_day;
/// assert_eq!(url_day("https://example.org/2017/09/01/content.html").as_deref(), Some("2017-09-01"));
/// assert_eq!(url_day("https://www.youm7.com/story/2024/3/5/slug/123").as_deref(), Some("2024-03-05"));
/// assert_eq!(url_day("https://x.com/news/2024-11-20-storm-hits").as_deref(), Some("2024-11-20"));
/// assert_eq!(url_day("https://x.com/2024/02/30/slug"), None);
/// assert_eq!(url_day("https://x.com/products/1999/12"), None);
/// assert_eq!(url_day("https://x.com/a?date=2024/01/02"), None);
/// ```
pub fn url_day(url: &str) -> Option<String> {
    let rest = url.split_once("://").map_or(url, |(_, r)| r);
    let path = rest.find('/').map_or("", |i| &rest[i..]);
    let path = path.split(['?', '#']).next().unwrap_or("");
    let segs: Vec<&str> = path.split('/').filter(|s| !s.is_empty()).collect();
    let num = |s: &str, len: std::ops::RangeInclusive<usize>| -> Option<i16> {
        (len.contains(&s.len()) && s.bytes().all(|b| b.is_ascii_digit()))
            .then(|| s.parse().ok())
            .flatten()
    };
    let valid = |y: i16, m: i16, d: i16| {
        YEARS.contains(&i32::from(y))
            && jiff::civil::Date::new(y, m as i8, d as i8).is_ok()
            && (1..=12).contains(&m)
    };
    for w in segs.windows(3) {
        if let (Some(y), Some(m), Some(d)) = (num(w[0], 4..=4), num(w[1], 1..=2), num(w[2], 1..=2))
            && (1..=31).contains(&d)
            && valid(y, m, d)
        {
            return Some(format!("{y:04}-{m:02}-{d:02}"));
        }
    }
    for seg in &segs {
        let b = seg.as_bytes();
        if b.len() >= 10
            && b[4] == b'-'
            && b[7] == b'-'
            && (b.len() == 10 || !b[10].is_ascii_digit())
            && let (Some(y), Some(m), Some(d)) = (
                num(&seg[..4], 4..=4),
                num(&seg[5..7], 2..=2),
                num(&seg[8..10], 2..=2),
            )
            && valid(y, m, d)
        {
            return Some(format!("{y:04}-{m:02}-{d:02}"));
        }
    }
    None
}

/// Reads a date from a metadata value (`content` attribute, JSON-LD string, `datetime`):
/// the first date in it, as a [`Stamp`] whose `text` is the whole value.
///
/// ```
/// use marsad_extract::html::meta::date::stamp_of;
/// use marsad_model::Span;
/// let s = stamp_of("2020-09-08T06:49:00+03:00", Span::new(0, 25), false).unwrap();
/// assert_eq!(s.local, "2020-09-08T06:49:00+03:00");
/// assert_eq!(s.utc.as_deref(), Some("2020-09-08T03:49:00Z"));
/// let s = stamp_of("الثلاثاء 2020-09-08", Span::new(0, 26), false).unwrap();
/// assert_eq!(s.local, "2020-09-08");
/// ```
pub fn stamp_of(value: &str, span: Span, day_first: bool) -> Option<Stamp> {
    let v = value.trim();
    if v.is_empty() {
        return None;
    }
    if let Some(f) = find(v, day_first) {
        return Some(f.stamp(v, span));
    }
    // Unix seconds or milliseconds in a metadata value.
    if v.bytes().all(|b| b.is_ascii_digit()) && (v.len() == 10 || v.len() == 13) {
        let n: i64 = v.parse().ok()?;
        let secs = if v.len() == 13 { n / 1000 } else { n };
        let ts = jiff::Timestamp::from_second(secs).ok()?;
        let dt = jiff::tz::TimeZone::UTC.to_datetime(ts);
        if !YEARS.contains(&(dt.year() as i32)) {
            return None;
        }
        let f = Found {
            start: 0,
            end: v.len(),
            year: dt.year(),
            month: dt.month(),
            day: dt.day(),
            time: Some((dt.hour(), dt.minute(), dt.second(), true)),
            offset: Some(0),
            zone: None,
        };
        return Some(f.stamp(v, span));
    }
    // A compact stamp in a metadata value: "20210820" or "20210820030646" (Korean sites'
    // `og:regDate`), no offset.
    if v.bytes().all(|b| b.is_ascii_digit()) && (v.len() == 8 || v.len() == 14) {
        let num = |r: std::ops::Range<usize>| v[r].parse::<i8>().ok();
        let year: i16 = v[..4].parse().ok()?;
        let (month, day) = (num(4..6)?, num(6..8)?);
        let time = if v.len() == 14 {
            Some((num(8..10)?, num(10..12)?, num(12..14)?, true))
        } else {
            None
        };
        let valid = YEARS.contains(&(year as i32))
            && jiff::civil::Date::new(year, month, day).is_ok()
            && time.is_none_or(|(h, m, s, _)| h < 24 && m < 60 && s < 60);
        if !valid {
            return None;
        }
        let f = Found {
            start: 0,
            end: v.len(),
            year,
            month,
            day,
            time,
            offset: None,
            zone: None,
        };
        return Some(f.stamp(v, span));
    }
    arabic_stamp(v, span)
}

/// True when a text holds a letter of the Arabic block (U+0600..U+06FF): only such a text can
/// hold a date [`arabic_stamp`] reads.
pub(crate) fn has_arabic(text: &str) -> bool {
    text.chars().any(|c| ('\u{0600}'..='\u{06FF}').contains(&c))
}

/// Arabic written dates ("8 أيلول 2020", "الثلاثاء 8 سبتمبر 2020 - 06:49") through the Arabic
/// layer (`marsad_arabic::dates::parse_stamp`); the span is the given one.
///
/// ```
/// use marsad_extract::html::meta::date::arabic_stamp;
/// use marsad_model::Span;
/// let s = arabic_stamp("نشر في 8 أيلول 2020", Span::new(3, 40)).unwrap();
/// assert_eq!(s.day(), Some("2020-09-08"));
/// assert_eq!(s.span, Span::new(3, 40));
/// ```
pub fn arabic_stamp(text: &str, span: Span) -> Option<Stamp> {
    if !has_arabic(text) {
        return None;
    }
    let mut s = marsad_arabic::dates::parse_stamp(cut_text(text), None)?;
    s.text = text.to_string();
    s.span = span;
    Some(s)
}

fn cut_text(text: &str) -> &str {
    let mut cut = text.len().min(MAX_DATE_TEXT);
    while !text.is_char_boundary(cut) {
        cut -= 1;
    }
    &text[..cut]
}

/// Reads an RFC 3339 offset from `local` ("…+03:00"), if any.
pub(crate) fn offset_of(stamp: &Stamp) -> Option<i32> {
    let l = &stamp.local;
    if l.len() < 25 {
        return None;
    }
    parse_offset(&l[19..])
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ymd(f: &Found) -> (i16, i8, i8) {
        (f.year, f.month, f.day)
    }

    #[test]
    fn iso_shapes() {
        let f = find("2020-09-08T06:49:00+03:00", false).unwrap();
        assert_eq!(ymd(&f), (2020, 9, 8));
        assert_eq!(f.time, Some((6, 49, 0, true)));
        assert_eq!(f.offset, Some(10800));
        let f = find("2020-09-08T06:49:00.000Z", false).unwrap();
        assert_eq!(f.offset, Some(0));
        let f = find("2020-09-08 06:49:00 +0300", false).unwrap();
        assert_eq!(f.offset, Some(10800));
        let f = find("2025-01-17T09:00-05:00", false).unwrap();
        assert_eq!(f.time, Some((9, 0, 0, false)));
        assert_eq!(f.offset, Some(-18000));
        let f = find("2020/9/8", false).unwrap();
        assert_eq!(ymd(&f), (2020, 9, 8));
        assert!(f.time.is_none());
        assert!(find("2020-13-45", false).is_none());
        assert!(find("1234-05-06", false).is_none());
    }

    #[test]
    fn a_time_after_a_slash() {
        // US local stations: "Posted: Dec 1, 2024 / 10:30 AM CST".
        let f = find("Posted: Dec 1, 2024 / 10:30 AM CST", false).unwrap();
        assert_eq!(ymd(&f), (2024, 12, 1));
        assert_eq!(f.time, Some((10, 30, 0, false)));
        assert_eq!(f.offset, Some(-6 * 3600));
    }

    #[test]
    fn rfc2822_and_words() {
        let f = find("Tue, 08 Sep 2020 06:49:00 GMT", false).unwrap();
        assert_eq!(ymd(&f), (2020, 9, 8));
        assert_eq!(f.offset, Some(0));
        let f = find("Sept. 4th, 2025", false).unwrap();
        assert_eq!(ymd(&f), (2025, 9, 4));
        let f = find("Updated: 4th of September 2025 - 3:05 PM", false).unwrap();
        assert_eq!(ymd(&f), (2025, 9, 4));
        assert_eq!(f.time, Some((15, 5, 0, false)));
        let f = find("Dec 1, 2024 12:00 a.m. ET", false).unwrap();
        assert_eq!(f.time, Some((0, 0, 0, false)));
        let f = find("le 12 mars 2024", false).unwrap();
        assert_eq!(ymd(&f), (2024, 3, 12));
        // Gulf Standard Time (data/meta_zones.tsv).
        let f = find("March 14, 2025 09:12 AM GST", false).unwrap();
        assert_eq!(f.offset, Some(4 * 3600));
    }

    #[test]
    fn dates_in_more_languages() {
        for t in [
            "2024年3月5日 10:30",
            "2024년 3월 5일",
            "5 марта 2024, 10:30",
            "5 Mart 2024 10:30",
            "5 maart 2024",
            "5 Maret 2024",
            "5 marca 2024",
            "5 mars 2024",
        ] {
            let f = find(t, true).unwrap_or_else(|| panic!("{t}"));
            assert_eq!(ymd(&f), (2024, 3, 5), "{t}");
        }
        assert_eq!(
            find("2024年3月5日 10:30", true).unwrap().time,
            Some((10, 30, 0, false))
        );
    }

    #[test]
    fn romance_language_dates_and_times() {
        for (t, time) in [
            (
                "Publicado el 5 de marzo de 2024 a las 10:30",
                Some((10, 30, 0, false)),
            ),
            ("Publié le 5 mars 2024 à 10h30", Some((10, 30, 0, false))),
            (
                "Pubblicato il 5 marzo 2024 alle 10:30",
                Some((10, 30, 0, false)),
            ),
            (
                "Publicado em 5 de março de 2024 às 10h30",
                Some((10, 30, 0, false)),
            ),
            ("5 de marzo del 2024", None),
        ] {
            let f = find(t, true).unwrap_or_else(|| panic!("{t}"));
            assert_eq!((ymd(&f), f.time), ((2024, 3, 5), time), "{t}");
        }
        // "10h" alone is no time.
        assert_eq!(find("5 mars 2024 à 10h", true).unwrap().time, None);
    }

    #[test]
    fn a_region_zone_takes_its_offset_on_the_day() {
        // US papers' generic zones: New York is -05:00 in winter, -04:00 in summer.
        let f = find("Dec 1, 2024 9:12 a.m. ET", false).unwrap();
        assert_eq!(
            (f.offset, f.zone),
            (Some(-5 * 3600), Some("America/New_York"))
        );
        let f = find("July 4, 2024 9:12 a.m. ET", false).unwrap();
        assert_eq!(f.offset, Some(-4 * 3600));
        let s = find("Feb. 10, 2025 9:12 a.m. PT", false)
            .unwrap()
            .stamp("", Span::default());
        assert_eq!(s.local, "2025-02-10T09:12:00-08:00");
        assert_eq!(s.utc.as_deref(), Some("2025-02-10T17:12:00Z"));
        assert_eq!(s.zone.as_deref(), Some("America/Los_Angeles"));
        // Before its date too; and only in capitals: French "et" is "and".
        let f = find("Posted 3:27 pm CT, November 20, 2019", false).unwrap();
        assert_eq!(f.zone, Some("America/Chicago"));
        let f = find("le 12 mars 2024 à 10:30 et mis à jour", true).unwrap();
        assert_eq!((f.offset, f.zone), (None, None));
    }

    #[test]
    fn a_time_before_its_date() {
        let t = "Posted 3:27 am PST, Wednesday, November 20, 2019";
        let f = find(t, false).unwrap();
        assert_eq!(ymd(&f), (2019, 11, 20));
        assert_eq!(f.time, Some((3, 27, 0, false)));
        assert_eq!(f.offset, Some(-8 * 3600));
        assert_eq!(
            &t[f.start..f.end],
            "3:27 am PST, Wednesday, November 20, 2019"
        );
        for t in [
            "14:05 - ÇARŞAMBA, 20 Kasım 2019",
            "14:05 - SALI, 20 Kasım 2019",
            "14:05 - CUMARTESİ, 20 Kasım 2019",
        ] {
            let f = find(t, true).unwrap();
            assert_eq!(
                (ymd(&f), f.time),
                ((2019, 11, 20), Some((14, 5, 0, false))),
                "{t}"
            );
            assert_eq!(f.start, 0, "{t}");
        }
        let f = find("10:53 - 14 March 2025", true).unwrap();
        assert_eq!((ymd(&f), f.time), ((2025, 3, 14), Some((10, 53, 0, false))));
        // Two times, or a date with its own time: the first time is no part of the date.
        let t = "10:30 - 11:45, March 14, 2025";
        let f = find(t, false).unwrap();
        assert_eq!(&t[f.start..f.end], "11:45, March 14, 2025");
        let f = find("Lap 1:52 March 14, 2025 09:12 AM", false).unwrap();
        assert_eq!(f.time, Some((9, 12, 0, false)));
        assert!(find("Updated 10:45 AM ET", false).is_none());
    }

    #[test]
    fn abbreviated_months_of_other_languages() {
        let f = find("FlowGuard EMEA on 04-ago-2021 5:11:10", true).unwrap();
        assert_eq!(ymd(&f), (2021, 8, 4));
        let f = find("3 dic 2024", true).unwrap();
        assert_eq!(ymd(&f), (2024, 12, 3));
        // An English "ago" is no month.
        assert!(find("posted 2 days ago", false).is_none());
    }

    #[test]
    fn dates_run_into_their_neighbours() {
        // A name's link, then the date.
        let text = "by Jeffrey ZeldmanNovember 20, 2007";
        let f = find(text, false).unwrap();
        assert_eq!(ymd(&f), (2007, 11, 20));
        assert_eq!(&text[f.start..f.end], "November 20, 2007");
        // The time or an age run into the year.
        let text = "October 17, 20236:01 PM ET";
        let f = find(text, false).unwrap();
        assert_eq!(ymd(&f), (2023, 10, 17));
        assert_eq!(&text[f.start..f.end], "October 17, 2023");
        assert_eq!(
            ymd(&find("June 14, 20241 yr", false).unwrap()),
            (2024, 6, 14)
        );
        assert_eq!(ymd(&find("14 June 202412", false).unwrap()), (2024, 6, 14));
        // Not a month: a lower-case tail, seven digits, no year in front.
        assert!(find("blahnovember 20, 2007", false).is_none());
        assert!(find("June 14, 2024123", false).is_none());
        assert!(find("June 14, 12345", false).is_none());
    }

    #[test]
    fn numeric_order() {
        assert_eq!(ymd(&find("04/09/2025", false).unwrap()), (2025, 4, 9));
        assert_eq!(ymd(&find("04/09/2025", true).unwrap()), (2025, 9, 4));
        assert_eq!(ymd(&find("25/09/2025", false).unwrap()), (2025, 9, 25));
        assert_eq!(ymd(&find("04.09.2025", false).unwrap()), (2025, 9, 4));
    }

    #[test]
    fn stamps() {
        let s = stamp_of("2020-09-08T06:49:00+03:00", Span::new(1, 2), false).unwrap();
        assert_eq!(s.local, "2020-09-08T06:49:00+03:00");
        assert_eq!(s.utc.as_deref(), Some("2020-09-08T03:49:00Z"));
        assert_eq!(s.precision, Precision::Second);
        assert_eq!(offset_of(&s), Some(10800));
        let s = stamp_of("September 4, 2025", Span::new(1, 2), false).unwrap();
        assert_eq!(s.local, "2025-09-04");
        assert_eq!(s.utc, None);
        assert_eq!(s.precision, Precision::Day);
        let s = stamp_of("1599536940", Span::new(1, 2), false).unwrap();
        assert_eq!(s.day(), Some("2020-09-08"));
        // Crossing midnight.
        let s = stamp_of("2020-09-08T01:00:00+03:00", Span::new(1, 2), false).unwrap();
        assert_eq!(s.utc.as_deref(), Some("2020-09-07T22:00:00Z"));
        assert_eq!(s.day(), Some("2020-09-08"));
    }

    #[test]
    fn no_panic_on_garbage() {
        for t in [
            "",
            "::::",
            "2020-",
            "99999999999999999999",
            "Sep",
            "12:",
            "ص٢٠٢٠",
        ] {
            let _ = find(t, false);
            let _ = stamp_of(t, Span::default(), true);
        }
        let long = "1".repeat(10_000);
        assert!(find(&long, false).is_none());
    }
}
