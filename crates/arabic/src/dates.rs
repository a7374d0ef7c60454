//! Arabic dates: find date expressions in text and resolve them to calendar values.
//!
//! Covers every Arabic month system — Levantine/Iraqi (كانون الثاني … أيلول), Egyptian/Gulf
//! (يناير، يونيه …), Maghreb (جانفي، فيفري، جوان، جويلية، أوت), Moroccan (شتنبر) — and combined
//! forms ("حزيران/يونيو", "آذار (مارس)", "فبراير شباط"); ASCII and Arabic-Indic digits; numeric
//! dates (`9/10/2018`, `2020.09.08`); ordinal days ("الرابع والعشرين من"); weekdays; Hijri dates
//! (see [`HijriVariant`] for the calendar used); clock times with zone words (ت غ، بتوقيت
//! غرينتش، بالتوقيت المحلي); relative expressions (أمس، اليوم، غداً، أمس الإثنين، الأسبوع الماضي،
//! قبل عامين، مساء الجمعة) resolved against a reference time in the right zone; ranges and
//! decades.
//!
//! Conventions (those of the Marsad gold set): a bare weekday is the latest such day on or
//! before the reference day, or the next on or after it when a future cue (سـ، سوف، المقرر،
//! على أن …) precedes it in the sentence; "X الماضي" is strictly before, "X المقبل" strictly
//! after; "أمس/اليوم/غدا X" is the weekday X nearest that day; weeks are ISO weeks
//! (Monday–Sunday); a month or day+month without a year is the nearest occurrence (the past
//! one on a tie) unless a modifier says otherwise; clock times are the wall time as written.
//!
//! [`parse_stamp`] reads a whole stamp line ("2020.09.08 | 06:49 دمشق", RFC 3339, RFC 2822,
//! "March 5, 2024") into a [`marsad_model::Stamp`].

mod fold;
mod grammar;
mod hijri;
pub(crate) mod lexicon;
mod stamp;
mod token;

pub(crate) use fold::fold;
pub use hijri::{
    HijriVariant, MAX_HIJRI_YEAR, hijri_month_range, hijri_to_gregorian, hijri_year_range,
};
pub use stamp::parse_stamp;

use grammar::{Grammar, Sem, YearSpec};
use hijri::{approx_hijri_year, civil_from_days, day_number};
use lexicon::{Modifier, Unit};
use marsad_model::Span;
use serde::Serialize;

/// Largest text [`find_dates`] scans (bytes); longer input is cut at a character boundary.
pub const MAX_TEXT_BYTES: usize = 16 * 1024 * 1024;

/// Largest absolute year accepted in a resolved value.
pub const MAX_YEAR: i32 = 9_999;

/// What [`find_dates`] resolves relative expressions against.
#[derive(Debug, Clone, Default)]
pub struct DateContext {
    /// The publication time (or "now"). Without it, relative expressions are not reported.
    pub reference: Option<jiff::ZonedDateTime>,
    /// The outlet's time zone; the reference is converted to it before taking its day. When
    /// absent, the reference's own zone is used. `Asia/Riyadh` selects the Umm al-Qura Hijri
    /// calendar (see [`find_dates_with`] to choose it explicitly).
    pub zone: Option<jiff::tz::TimeZone>,
}

/// Extra options for [`find_dates_with`].
#[derive(Debug, Clone, Copy, Default)]
pub struct DateOptions {
    /// Hijri calendar to use; `None` picks Umm al-Qura for `Asia/Riyadh`, tabular otherwise.
    pub hijri: Option<HijriVariant>,
}

/// What kind of expression a [`DateMatch`] is (the gold set's kinds).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum DateKind {
    /// A day number with a month (and maybe year/weekday), or a numeric date.
    Absolute,
    /// A month with or without a year.
    MonthYear,
    /// A year alone.
    Year,
    /// A weekday without a day number.
    Weekday,
    /// Anchored only on the reference: اليوم، أمس، الأسبوع الماضي، قبل عامين.
    Relative,
    /// Two ends, or a decade.
    Range,
    /// Written in the Hijri calendar.
    Hijri,
    /// A clock time.
    Time,
}

impl DateKind {
    /// The snake_case name (`absolute`, `month_year`, …).
    ///
    /// ```
    /// use marsad_arabic::dates::{find_dates, DateContext};
    /// let m = find_dates("في شباط 2012", &DateContext::default());
    /// assert_eq!(m[0].kind.as_str(), "month_year");
    /// ```
    pub fn as_str(self) -> &'static str {
        match self {
            DateKind::Absolute => "absolute",
            DateKind::MonthYear => "month_year",
            DateKind::Year => "year",
            DateKind::Weekday => "weekday",
            DateKind::Relative => "relative",
            DateKind::Range => "range",
            DateKind::Hijri => "hijri",
            DateKind::Time => "time",
        }
    }
}

/// A resolved calendar value (always Gregorian).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum DateValue {
    /// A day.
    Day(i32, u8, u8),
    /// A month.
    Month(i32, u8),
    /// A year (negative = BC as written, no year 0 shift).
    Year(i32),
    /// A wall-clock time on a day, as written (no offset).
    Minute {
        /// The day (year, month, day).
        date: (i32, u8, u8),
        /// Hour 0–23.
        hour: u8,
        /// Minute 0–59.
        minute: u8,
    },
    /// Two inclusive ends.
    Range(Box<DateValue>, Box<DateValue>),
}

fn fmt_year(y: i32) -> String {
    if y < 0 {
        format!("{y}")
    } else {
        format!("{y:04}")
    }
}

impl DateValue {
    /// "YYYY-MM-DD", "YYYY-MM", "YYYY", "YYYY-MM-DDTHH:MM", or "FROM/TO" for ranges.
    ///
    /// ```
    /// use marsad_arabic::dates::DateValue;
    /// assert_eq!(DateValue::Day(2020, 9, 7).value_string(), "2020-09-07");
    /// assert_eq!(DateValue::Month(2012, 2).value_string(), "2012-02");
    /// ```
    pub fn value_string(&self) -> String {
        match self {
            DateValue::Day(y, m, d) => format!("{}-{m:02}-{d:02}", fmt_year(*y)),
            DateValue::Month(y, m) => format!("{}-{m:02}", fmt_year(*y)),
            DateValue::Year(y) => fmt_year(*y),
            DateValue::Minute {
                date: (y, m, d),
                hour,
                minute,
            } => {
                format!("{}-{m:02}-{d:02}T{hour:02}:{minute:02}", fmt_year(*y))
            }
            DateValue::Range(a, b) => format!("{}/{}", a.value_string(), b.value_string()),
        }
    }

    /// The value as JSON: a string, or `{"from": …, "to": …}` for ranges.
    ///
    /// ```
    /// use marsad_arabic::dates::{find_dates, DateContext};
    /// let m = find_dates("الحرب بين 1980 و1988", &DateContext::default());
    /// assert_eq!(m[0].value.to_json(), serde_json::json!({"from": "1980", "to": "1988"}));
    /// let m = find_dates("7 أيلول 2020", &DateContext::default());
    /// assert_eq!(m[0].value.to_json(), serde_json::json!("2020-09-07"));
    /// ```
    pub fn to_json(&self) -> serde_json::Value {
        match self {
            DateValue::Range(a, b) => {
                serde_json::json!({"from": a.value_string(), "to": b.value_string()})
            }
            v => serde_json::Value::String(v.value_string()),
        }
    }

    fn day(&self) -> Option<(i32, u8, u8)> {
        match self {
            DateValue::Day(y, m, d) => Some((*y, *m, *d)),
            DateValue::Minute { date, .. } => Some(*date),
            _ => None,
        }
    }
}

impl Serialize for DateValue {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        self.to_json().serialize(s)
    }
}

/// The calendar an expression is written in.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Calendar {
    /// Gregorian.
    Gregorian,
    /// Hijri (the value is still Gregorian).
    Hijri,
}

/// One date expression found in a text.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct DateMatch {
    /// Byte offsets into the scanned text.
    pub span: Span,
    /// The expression as written.
    pub text: String,
    /// What kind of expression it is.
    pub kind: DateKind,
    /// The resolved Gregorian value.
    pub value: DateValue,
    /// The calendar it is written in.
    pub calendar: Calendar,
    /// For Hijri expressions: which Hijri calendar converted it.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub hijri_variant: Option<HijriVariant>,
    /// For clock times: the zone the text states (`UTC`, an IANA name, `local`, `other`).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub zone: Option<String>,
}

impl DateMatch {
    /// The value as "YYYY-MM-DD" / "YYYY-MM" / "YYYY" / "YYYY-MM-DDTHH:MM" / "FROM/TO".
    ///
    /// ```
    /// use marsad_arabic::dates::{find_dates, DateContext};
    /// let m = find_dates("في شباط 2012", &DateContext::default());
    /// assert_eq!(m[0].value_string(), "2012-02");
    /// ```
    pub fn value_string(&self) -> String {
        self.value.value_string()
    }
}

/// The reference day and time in the outlet's zone.
#[derive(Debug, Clone, Copy)]
struct Ref {
    y: i32,
    m: u8,
    day: i64,
    /// Minutes since midnight UTC of the reference instant, and its UTC day number.
    utc_day: i64,
    utc_min: i32,
}

fn make_ref(ctx: &DateContext) -> Option<Ref> {
    let r = ctx.reference.as_ref()?;
    let z = match &ctx.zone {
        Some(tz) => r.with_time_zone(tz.clone()),
        None => r.clone(),
    };
    let y = z.year() as i32;
    let m = z.month() as u8;
    let d = z.day() as u8;
    let u = r.with_time_zone(jiff::tz::TimeZone::UTC);
    Some(Ref {
        y,
        m,
        day: day_number((y, m, d)),
        utc_day: day_number((u.year() as i32, u.month() as u8, u.day() as u8)),
        utc_min: u.hour() as i32 * 60 + u.minute() as i32,
    })
}

fn ymd(day: i64) -> Option<(i32, u8, u8)> {
    let (y, m, d) = civil_from_days(day);
    let y = i32::try_from(y).ok()?;
    (y.abs() <= MAX_YEAR).then_some((y, m, d))
}

fn weekday_of(day: i64) -> u8 {
    ((day + 3).rem_euclid(7) + 1) as u8
}

fn days_in_month(y: i32, m: u8) -> u8 {
    match m {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        2 if (y % 4 == 0 && y % 100 != 0) || y % 400 == 0 => 29,
        2 => 28,
        _ => 0,
    }
}

fn valid_day(y: i32, m: u8, d: u8) -> bool {
    (1..=12).contains(&m) && d >= 1 && d <= days_in_month(y, m) && y.abs() <= MAX_YEAR
}

fn month_index(y: i32, m: u8) -> i64 {
    y as i64 * 12 + m as i64 - 1
}

fn from_month_index(i: i64) -> Option<(i32, u8)> {
    let y = i32::try_from(i.div_euclid(12)).ok()?;
    (y.abs() <= MAX_YEAR).then_some((y, (i.rem_euclid(12) + 1) as u8))
}

/// Scanning state used while resolving.
struct Resolver {
    r: Option<Ref>,
    hv: HijriVariant,
    last_year: Option<i32>,
}

impl Resolver {
    fn year_of(&self, ys: YearSpec) -> Option<i32> {
        match ys {
            YearSpec::Abs(y) => Some(y),
            YearSpec::Rel(s) => Some(self.r?.y + s),
            YearSpec::Same => self.last_year.or(self.r.map(|r| r.y)),
        }
    }

    /// Chooses the occurrence of (month, day) around the reference.
    fn pick_day(&self, m: u8, d: u8, md: Modifier, future: bool) -> Option<(i32, u8, u8)> {
        let r = self.r?;
        let mut cands: Vec<i64> = Vec::with_capacity(3);
        for y in [r.y - 1, r.y, r.y + 1] {
            if valid_day(y, m, d) {
                cands.push(day_number((y, m, d)));
            }
        }
        let pick = match md {
            Modifier::Past => cands.iter().copied().filter(|&c| c <= r.day).max(),
            Modifier::Next => cands.iter().copied().filter(|&c| c >= r.day).min(),
            Modifier::Current => {
                if valid_day(r.y, m, d) {
                    Some(day_number((r.y, m, d)))
                } else {
                    None
                }
            }
            _ if future => cands.iter().copied().filter(|&c| c >= r.day).min(),
            _ => cands
                .iter()
                .copied()
                .min_by_key(|&c| ((c - r.day).abs(), c > r.day)),
        }?;
        ymd(pick)
    }

    fn pick_month(&self, m: u8, md: Modifier, future: bool) -> Option<(i32, u8)> {
        let r = self.r?;
        let cur = month_index(r.y, r.m);
        let cands: Vec<i64> = (r.y - 1..=r.y + 1).map(|y| month_index(y, m)).collect();
        let pick = match md {
            Modifier::Past => cands.iter().copied().filter(|&c| c <= cur).max(),
            Modifier::Next => cands.iter().copied().filter(|&c| c >= cur).min(),
            Modifier::Current => Some(month_index(r.y, m)),
            _ if future => cands.iter().copied().filter(|&c| c >= cur).min(),
            _ => cands
                .iter()
                .copied()
                .min_by_key(|&c| ((c - cur).abs(), c > cur)),
        }?;
        from_month_index(pick)
    }

    fn weekday(&self, wd: u8, off: Option<i32>, md: Modifier, future: bool) -> Option<DateValue> {
        let r = self.r?;
        if !(1..=7).contains(&wd) {
            return None;
        }
        let day = if let Some(o) = off {
            let target = r.day + o as i64;
            (-3..=3)
                .map(|k| target + k)
                .find(|&c| weekday_of(c) == wd)?
        } else {
            let back = (weekday_of(r.day) as i64 - wd as i64).rem_euclid(7);
            let fwd = (wd as i64 - weekday_of(r.day) as i64).rem_euclid(7);
            match md {
                Modifier::Past => r.day - if back == 0 { 7 } else { back },
                Modifier::Next => r.day + if fwd == 0 { 7 } else { fwd },
                Modifier::Current => r.day + fwd,
                _ if future => r.day + fwd,
                _ => r.day - back,
            }
        };
        let (y, m, d) = ymd(day)?;
        Some(DateValue::Day(y, m, d))
    }

    /// Resolves one expression; `future` = a future cue precedes it; `ctx_day` = a day named
    /// in the same sentence (for clock times without their own date).
    fn resolve(
        &mut self,
        sem: &Sem,
        future: bool,
        ctx_day: Option<(i32, u8, u8)>,
    ) -> Option<(DateValue, DateKind)> {
        match sem {
            Sem::Date { y, m, d, md } => {
                let m = *m;
                if !(1..=12).contains(&m) {
                    return None;
                }
                let year = match y {
                    Some(ys) => Some(self.year_of(*ys)?),
                    None => None,
                };
                match (year, d) {
                    (Some(y), Some(d)) => {
                        if let Some(YearSpec::Abs(a)) = y_abs(*y_spec(sem)) {
                            self.last_year = Some(a);
                        }
                        valid_day(y, m, *d)
                            .then_some((DateValue::Day(y, m, *d), DateKind::Absolute))
                    }
                    (Some(y), None) => {
                        if let Some(YearSpec::Abs(a)) = y_abs(*y_spec(sem)) {
                            self.last_year = Some(a);
                        }
                        (y.abs() <= MAX_YEAR)
                            .then_some((DateValue::Month(y, m), DateKind::MonthYear))
                    }
                    (None, Some(d)) => {
                        let (y, m, d) = self.pick_day(m, *d, *md, future)?;
                        Some((DateValue::Day(y, m, d), DateKind::Absolute))
                    }
                    (None, None) => {
                        let (y, m) = self.pick_month(m, *md, future)?;
                        Some((DateValue::Month(y, m), DateKind::MonthYear))
                    }
                }
            }
            Sem::DayOfMonthRel { d, shift } => {
                let r = self.r?;
                let (y, m) = from_month_index(month_index(r.y, r.m) + *shift as i64)?;
                valid_day(y, m, *d).then_some((DateValue::Day(y, m, *d), DateKind::Absolute))
            }
            Sem::Year(y) => {
                if y.abs() > MAX_YEAR || *y == 0 {
                    return None;
                }
                self.last_year = Some(*y);
                Some((DateValue::Year(*y), DateKind::Year))
            }
            Sem::YearRel(s) => Some((DateValue::Year(self.r?.y + s), DateKind::Relative)),
            Sem::MonthRel(s) => {
                let r = self.r?;
                let (y, m) = from_month_index(month_index(r.y, r.m) + *s as i64)?;
                Some((DateValue::Month(y, m), DateKind::Relative))
            }
            Sem::WeekRel(s) => {
                let r = self.r?;
                let monday = r.day - (weekday_of(r.day) as i64 - 1) + 7 * *s as i64;
                let (a, b) = (ymd(monday)?, ymd(monday + 6)?);
                Some((
                    DateValue::Range(
                        Box::new(DateValue::Day(a.0, a.1, a.2)),
                        Box::new(DateValue::Day(b.0, b.1, b.2)),
                    ),
                    DateKind::Relative,
                ))
            }
            Sem::Weekday { wd, off, md } => {
                Some((self.weekday(*wd, *off, *md, future)?, DateKind::Weekday))
            }
            Sem::Day(o) => {
                let (y, m, d) = ymd(self.r?.day + *o as i64)?;
                Some((DateValue::Day(y, m, d), DateKind::Relative))
            }
            Sem::Ago(u, n) => {
                let r = self.r?;
                let n = *n as i64;
                let v = match u {
                    Unit::Day => {
                        let (y, m, d) = ymd(r.day - n)?;
                        DateValue::Day(y, m, d)
                    }
                    Unit::Week => {
                        let (y, m, d) = ymd(r.day - 7 * n)?;
                        DateValue::Day(y, m, d)
                    }
                    Unit::Month => {
                        let (y, m) = from_month_index(month_index(r.y, r.m) - n)?;
                        DateValue::Month(y, m)
                    }
                    Unit::Year => DateValue::Year(r.y - n as i32),
                };
                Some((v, DateKind::Relative))
            }
            Sem::Decade(x) => Some((
                DateValue::Range(
                    Box::new(DateValue::Year(*x)),
                    Box::new(DateValue::Year(x + 9)),
                ),
                DateKind::Range,
            )),
            Sem::Range(a, b) => {
                let (vb, _) = self.resolve(b, future, ctx_day)?;
                let va = match (a.as_ref(), &vb) {
                    // the left end is the latest occurrence on or before the right end
                    (Sem::Date { y: None, m, d, .. }, _)
                        if vb.day().is_some() || matches!(vb, DateValue::Month(..)) =>
                    {
                        let (ry, rm) = match &vb {
                            DateValue::Day(y, m, _) => (*y, *m),
                            DateValue::Month(y, m) => (*y, *m),
                            _ => return None,
                        };
                        let y = if *m > rm { ry - 1 } else { ry };
                        match d {
                            Some(d) if valid_day(y, *m, *d) => DateValue::Day(y, *m, *d),
                            Some(_) => return None,
                            None => DateValue::Month(y, *m),
                        }
                    }
                    _ => self.resolve(a, future, ctx_day)?.0,
                };
                Some((
                    DateValue::Range(Box::new(va), Box::new(vb)),
                    DateKind::Range,
                ))
            }
            Sem::Hijri { y, m, d, md, greg } => self.hijri(*y, *m, *d, *md, *greg, future),
            Sem::Time { h, min, date, zone } => {
                let day = match date {
                    Some(s) => self.resolve(s, future, ctx_day)?.0.day()?,
                    None => match ctx_day {
                        Some(d) => d,
                        None => {
                            let r = self.r?;
                            if *zone == Some("UTC") {
                                let t = *h as i32 * 60 + *min as i32;
                                // a time well after the reference instant is yesterday's
                                let day = if t - r.utc_min > 12 * 60 {
                                    r.utc_day - 1
                                } else {
                                    r.utc_day
                                };
                                ymd(day)?
                            } else {
                                ymd(r.day)?
                            }
                        }
                    },
                };
                Some((
                    DateValue::Minute {
                        date: day,
                        hour: *h,
                        minute: *min,
                    },
                    DateKind::Time,
                ))
            }
        }
    }

    fn hijri(
        &self,
        y: Option<i32>,
        m: Option<u8>,
        d: Option<u8>,
        md: Modifier,
        greg: Option<YearSpec>,
        future: bool,
    ) -> Option<(DateValue, DateKind)> {
        let hv = self.hv;
        let to_day = |g: (i32, u8, u8)| DateValue::Day(g.0, g.1, g.2);
        let Some(m) = m else {
            let (a, b) = hijri_year_range(y?, hv)?;
            return Some((
                DateValue::Range(Box::new(to_day(a)), Box::new(to_day(b))),
                DateKind::Hijri,
            ));
        };
        let hy = match (y, greg) {
            (Some(y), _) => y,
            (None, Some(g)) => {
                let gy = self.year_of(g)?;
                let base = approx_hijri_year((gy, 6, 1));
                (base - 1..=base + 1)
                    .filter_map(|hy| Some((hy, hijri_month_range(hy, m, hv)?)))
                    .min_by_key(|(_, (a, b))| {
                        if a.0 == gy {
                            0
                        } else if b.0 == gy {
                            1
                        } else {
                            2
                        }
                    })?
                    .0
            }
            (None, None) => {
                let r = self.r?;
                let base = approx_hijri_year(ymd(r.day)?);
                let cands: Vec<(i32, i64, i64)> = (base - 1..=base + 1)
                    .filter_map(|hy| {
                        let (a, b) = hijri_month_range(hy, m, hv)?;
                        Some((hy, day_number(a), day_number(b)))
                    })
                    .collect();
                let pick = match md {
                    Modifier::Past => cands.iter().filter(|c| c.2 < r.day).max_by_key(|c| c.1),
                    Modifier::Next => cands.iter().filter(|c| c.1 > r.day).min_by_key(|c| c.1),
                    _ if future => cands.iter().filter(|c| c.2 >= r.day).min_by_key(|c| c.1),
                    _ => cands.iter().min_by_key(|c| {
                        if c.1 <= r.day && r.day <= c.2 {
                            0
                        } else {
                            (c.1 - r.day).abs().min((c.2 - r.day).abs())
                        }
                    }),
                }?;
                pick.0
            }
        };
        match d {
            Some(d) => {
                let g = hijri_to_gregorian(hy, m, d, hv)?;
                Some((to_day(g), DateKind::Hijri))
            }
            None => {
                let (a, b) = hijri_month_range(hy, m, hv)?;
                Some((
                    DateValue::Range(Box::new(to_day(a)), Box::new(to_day(b))),
                    DateKind::Hijri,
                ))
            }
        }
    }
}

fn y_spec(sem: &Sem) -> &Option<YearSpec> {
    match sem {
        Sem::Date { y, .. } => y,
        _ => &None,
    }
}

fn y_abs(y: Option<YearSpec>) -> Option<YearSpec> {
    match y {
        Some(YearSpec::Abs(a)) => Some(YearSpec::Abs(a)),
        _ => None,
    }
}

/// Finds and resolves the date expressions in `text` (spans are byte offsets into it).
///
/// ```
/// use marsad_arabic::dates::{find_dates, DateContext};
/// let reference: jiff::ZonedDateTime = "2020-09-08T06:49:00+03:00[Asia/Damascus]".parse().unwrap();
/// let ctx = DateContext { reference: Some(reference), zone: None };
/// let found = find_dates("وصل لافروف، أمس الإثنين، إلى دمشق في 7 أيلول 2020", &ctx);
/// assert_eq!(found[0].text, "أمس الإثنين");
/// assert_eq!(found[0].value_string(), "2020-09-07");
/// assert_eq!(found[1].value_string(), "2020-09-07");
/// ```
pub fn find_dates(text: &str, ctx: &DateContext) -> Vec<DateMatch> {
    find_dates_with(text, ctx, &DateOptions::default())
}

/// [`find_dates`] with options (e.g. the Hijri calendar variant).
///
/// ```
/// use marsad_arabic::dates::{find_dates_with, DateContext, DateOptions, HijriVariant};
/// let opts = DateOptions { hijri: Some(HijriVariant::UmmAlQura) };
/// let m = find_dates_with("يوم الخميس 28 شوال 1439هـ", &DateContext::default(), &opts);
/// assert_eq!(m[0].value_string(), "2018-07-12");
/// ```
pub fn find_dates_with(text: &str, ctx: &DateContext, opts: &DateOptions) -> Vec<DateMatch> {
    let text = if text.len() > MAX_TEXT_BYTES {
        let mut cut = MAX_TEXT_BYTES;
        while cut > 0 && !text.is_char_boundary(cut) {
            cut -= 1;
        }
        &text[..cut]
    } else {
        text
    };
    let toks = token::tokenize(text);
    let g = Grammar::new(&toks, text);
    // pass 1: expressions with their token range and sentence number
    let mut found: Vec<(Sem, usize, usize, usize)> = Vec::new();
    let mut sentence = 0usize;
    let mut i = 0usize;
    let n = g.n();
    let mut sent_of = Vec::with_capacity(n);
    for (k, t) in toks.toks.iter().enumerate() {
        if t.nl_before && k > 0 {
            sentence += 1;
        }
        sent_of.push(sentence);
        if let token::Kind::Punct('.' | '!' | '?' | '؟' | '؛') = t.kind {
            sentence += 1;
        }
    }
    while i < n {
        match g.expr_at(i) {
            Some((sem, j)) if j > i => {
                found.push((sem, i, j, sent_of.get(i).copied().unwrap_or(0)));
                i = j;
            }
            _ => i += 1,
        }
    }
    let hv = opts.hijri.unwrap_or_else(|| {
        let zone = ctx
            .zone
            .as_ref()
            .or(ctx.reference.as_ref().map(|z| z.time_zone()))
            .and_then(|z| z.iana_name().map(str::to_string));
        if zone.as_deref() == Some("Asia/Riyadh") {
            HijriVariant::UmmAlQura
        } else {
            HijriVariant::TabularCivil
        }
    });
    let mut res = Resolver {
        r: make_ref(ctx),
        hv,
        last_year: None,
    };
    // pass 2: resolve non-time expressions, then times with the day of their sentence
    let mut values: Vec<Option<(DateValue, DateKind)>> = Vec::with_capacity(found.len());
    for (sem, a, b, _) in &found {
        if matches!(sem, Sem::Time { date: None, .. }) {
            values.push(None);
            continue;
        }
        let fut = g.future_before(*a) || g.future_after(*b);
        values.push(res.resolve(sem, fut, None));
    }
    for (k, (sem, a, _, s)) in found.iter().enumerate() {
        if !matches!(sem, Sem::Time { date: None, .. }) {
            continue;
        }
        let day_at = |idx: usize| -> Option<(i32, u8, u8)> {
            let (v, kind) = values.get(idx)?.as_ref()?;
            // "منذ خمسة أيام" dates its own event, not a clock time in the same sentence
            let f = found.get(idx)?;
            if f.3 != *s
                || matches!(kind, DateKind::Year | DateKind::Range)
                || matches!(f.0, Sem::Ago(..))
            {
                return None;
            }
            v.day()
        };
        // a day later in the sentence dates the time only within its clause ("الساعة 11:09
        // بتوقيت غرينتش، … من مستوى إغلاق الثلاثاء" is not Tuesday's)
        let b = found.get(k).map_or(0, |f| f.2);
        let ctx_day = (0..k).rev().find_map(day_at).or_else(|| {
            (k + 1..found.len())
                .take_while(|&idx| found.get(idx).is_some_and(|f| !g.clause_break(b, f.1)))
                .find_map(day_at)
        });
        let v = res.resolve(sem, g.future_before(*a), ctx_day);
        if let Some(slot) = values.get_mut(k) {
            *slot = v;
        }
    }
    let mut out = Vec::with_capacity(found.len());
    for ((sem, a, b, _), v) in found.iter().zip(values) {
        let Some((value, kind)) = v else { continue };
        let (Some(ta), Some(tb)) = (toks.toks.get(*a), toks.toks.get(b - 1)) else {
            continue;
        };
        let span = Span::new(ta.stem, tb.end);
        let Some(t) = span.slice(text) else { continue };
        let is_hijri = matches!(sem, Sem::Hijri { .. });
        let zone = match sem {
            Sem::Time { zone: Some(z), .. } => Some((*z).to_string()),
            _ => None,
        };
        out.push(DateMatch {
            span,
            text: t.to_string(),
            kind: if is_hijri { DateKind::Hijri } else { kind },
            value,
            calendar: if is_hijri {
                Calendar::Hijri
            } else {
                Calendar::Gregorian
            },
            hijri_variant: is_hijri.then_some(hv),
            zone,
        });
    }
    out
}

/// [`find_dates`] over raw bytes: `None` when they are not UTF-8.
///
/// ```
/// use marsad_arabic::dates::{find_dates_bytes, DateContext};
/// assert!(find_dates_bytes(b"\xff\xfe", &DateContext::default()).is_none());
/// assert_eq!(find_dates_bytes("عام 2017".as_bytes(), &DateContext::default()).unwrap().len(), 1);
/// ```
pub fn find_dates_bytes(bytes: &[u8], ctx: &DateContext) -> Option<Vec<DateMatch>> {
    std::str::from_utf8(bytes).ok().map(|t| find_dates(t, ctx))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ctx(r: &str) -> DateContext {
        let z: jiff::ZonedDateTime = if r.contains('[') {
            r.parse().unwrap()
        } else {
            r.parse::<jiff::Timestamp>().unwrap().in_tz("UTC").unwrap()
        };
        DateContext {
            reference: Some(z),
            zone: None,
        }
    }

    fn vals(text: &str, r: &str) -> Vec<(String, String)> {
        find_dates(text, &ctx(r))
            .into_iter()
            .map(|m| (m.text.clone(), m.value_string()))
            .collect()
    }

    const SEED_REF: &str = "2020-09-08T06:49:00+03:00[Asia/Damascus]";

    #[test]
    fn a_zone_in_brackets_is_the_time_s() {
        let m = find_dates(
            "وصلت الطائرة الساعة 10:30 (توقيت غرينتش) إلى المطار",
            &ctx(SEED_REF),
        );
        assert_eq!(m.len(), 1, "{m:?}");
        assert_eq!(m[0].text, "الساعة 10:30 (توقيت غرينتش)");
        assert_eq!(m[0].zone.as_deref(), Some("UTC"));
        // Words in brackets that name no zone stay out of it.
        let m = find_dates("وصلت الطائرة الساعة 10:30 (بتوقيت الصيف)", &ctx(SEED_REF));
        assert_eq!(m[0].text, "الساعة 10:30");
    }

    #[test]
    fn seed_strings() {
        assert_eq!(
            vals(
                "لافروف خلال لقائه بشار الأسد في دمشق - 7 أيلول 2020 (رويترز)",
                SEED_REF
            ),
            vec![("7 أيلول 2020".into(), "2020-09-07".into())]
        );
        assert_eq!(
            vals("دعا لافروف، أمس الإثنين، إلى وقف", SEED_REF),
            vec![("أمس الإثنين".into(), "2020-09-07".into())]
        );
        assert_eq!(
            vals("دعا لافروف، أمس\u{00A0}الإثنين، إلى وقف", SEED_REF),
            vec![("أمس\u{00A0}الإثنين".into(), "2020-09-07".into())]
        );
        assert_eq!(
            vals("منذ زيارته الأخيرة إلى دمشق، في شباط 2012.", SEED_REF),
            vec![("شباط 2012".into(), "2012-02".into())]
        );
        assert!(vals("وأضاف - حسب موقع روسيا اليوم -  \"تم", SEED_REF).is_empty());
    }

    #[test]
    fn a_year_after_a_comma_closes_the_date() {
        let r = "2025-03-20T12:00:00+04:00[Asia/Dubai]";
        assert_eq!(
            vals("نشر في: 14 مارس ,2025: 09:12 ص", r),
            vec![("14 مارس ,2025".into(), "2025-03-14".into())]
        );
        assert_eq!(vals("الجمعة 14 مارس، 2025", r)[0].1, "2025-03-14");
        // A smaller number after the comma counts something else.
        assert_eq!(
            vals("قتل في 14 مارس، 300 شخص", r),
            vec![("14 مارس".into(), "2025-03-14".into())]
        );
    }

    #[test]
    fn month_systems() {
        let r = "2018-07-10T12:00:00+04:00[Asia/Dubai]";
        assert_eq!(vals("في 10 جانفي 2017", r)[0].1, "2017-01-10");
        assert_eq!(vals("يوم 13 يوليو/ تموز القادم", r)[0].1, "2018-07-13");
        assert_eq!(vals("في 15 شتنبر 2016", r)[0].1, "2016-09-15");
        assert_eq!(vals("في آذار (مارس) 2016", r)[0].1, "2016-03");
        assert_eq!(vals("منذ مارس/ آذار الماضي", r)[0].1, "2018-03");
        assert_eq!(vals("في ١٥ حزيران/يونيو ٢٠١٩", r)[0].1, "2019-06-15");
        assert_eq!(
            vals(
                "الرابع والعشرين من يونيو / حزيران المقبل",
                "2018-04-18T13:11:45Z"
            )[0]
            .1,
            "2018-06-24"
        );
    }

    #[test]
    fn weekdays_and_relative() {
        let r = "2018-07-12T07:56:33+04:00[Asia/Dubai]"; // Thursday
        assert_eq!(vals("وقال يوم الأحد المقبل", r)[0].1, "2018-07-15");
        assert_eq!(vals("قال الخميس الماضي", r)[0].1, "2018-07-05");
        assert_eq!(vals("قال الإثنين إن", r)[0].1, "2018-07-09");
        assert_eq!(vals("وسيلتقي الرئيس السبت", r)[0].1, "2018-07-14");
        assert_eq!(vals("في الأسبوع الماضي", r)[0].1, "2018-07-02/2018-07-08");
        assert_eq!(vals("قبل عامين", r)[0].1, "2016");
        assert_eq!(vals("مساء الجمعة", r)[0].1, "2018-07-06");
        assert_eq!(vals("غداً", r)[0].1, "2018-07-13");
    }

    #[test]
    fn hijri_and_ranges() {
        let r = "2017-06-20T11:56:00+01:00[Africa/Tunis]";
        assert_eq!(vals("عام 1470 هـ", r)[0].1, "2047-10-21/2048-10-08");
        assert_eq!(vals("خلال شهر رمضان", r)[0].1, "2017-05-27/2017-06-25");
        assert_eq!(vals("بين عامي 2000 و2001", r)[0].1, "2000/2001");
        assert_eq!(vals("في التسعينات", r)[0].1, "1990/1999");
    }

    #[test]
    fn bad_dates_are_dropped() {
        let r = "2018-07-12T07:56:33+04:00[Asia/Dubai]";
        assert!(vals("في 31 شباط 2018", r).is_empty());
        assert!(vals("13/13/2018", r).is_empty());
        assert!(vals("عام 99999", r).is_empty());
        assert!(vals("دفع 2018 مليون دولار", r).is_empty());
    }
}
