//! The date grammar: token patterns → [`Sem`] (what an expression says, before resolution).

use super::lexicon::{Modifier, PhraseKind, Unit, WordInfo, flag};
use super::token::{Kind, Tokens};

/// Earliest year read after a comma ("14 مارس، 2025"): four digits of a modern year.
const MIN_COMMA_YEAR: u32 = 1900;
/// Latest year read after a comma.
const MAX_COMMA_YEAR: u32 = 2100;

/// A year as written after a month: a number, relative to publication, or "the same year".
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum YearSpec {
    Abs(i32),
    Rel(i32),
    Same,
}

/// What an expression says.
#[derive(Debug, Clone, PartialEq)]
pub(crate) enum Sem {
    /// Day (optional) + month + year (optional).
    Date {
        y: Option<YearSpec>,
        m: u8,
        d: Option<u8>,
        md: Modifier,
    },
    /// A day of the publication month ("27 من الشهر الجاري").
    DayOfMonthRel {
        d: u8,
        shift: i32,
    },
    Year(i32),
    /// العام الماضي → −1 …
    YearRel(i32),
    MonthRel(i32),
    WeekRel(i32),
    /// A weekday, optionally anchored (أمس الإثنين → offset −1) or modified (الماضي).
    Weekday {
        wd: u8,
        off: Option<i32>,
        md: Modifier,
    },
    /// اليوم / أمس / غدا …
    Day(i32),
    /// قبل عامين …
    Ago(Unit, i32),
    Decade(i32),
    Range(Box<Sem>, Box<Sem>),
    Hijri {
        y: Option<i32>,
        m: Option<u8>,
        d: Option<u8>,
        md: Modifier,
        greg: Option<YearSpec>,
    },
    Time {
        h: u8,
        min: u8,
        date: Option<Box<Sem>>,
        zone: Option<&'static str>,
    },
}

/// Longest day-month gap and other pattern limits.
const MAX_LOOKBACK: usize = 12;
/// How many tokens before a bare Hijri month are searched for a generic cue.
const GENERIC_LOOKBACK: usize = 8;
/// How many tokens before منذ are searched for a duration cue.
const SINCE_LOOKBACK: usize = 4;

/// The grammar over one token list.
pub(crate) struct Grammar<'a> {
    pub t: &'a Tokens,
    pub text: &'a str,
}

impl<'a> Grammar<'a> {
    pub fn new(t: &'a Tokens, text: &'a str) -> Self {
        Grammar { t, text }
    }

    fn text_of(&self, a: usize, b: usize) -> Option<&'a str> {
        self.text.get(a..b)
    }

    #[inline]
    pub fn n(&self) -> usize {
        self.t.toks.len()
    }

    #[inline]
    pub fn info(&self, i: usize) -> Option<&'static WordInfo> {
        self.t.toks.get(i).and_then(|t| t.info)
    }

    #[inline]
    fn has(&self, i: usize, f: u32) -> bool {
        self.info(i).is_some_and(|w| w.has(f))
    }

    #[inline]
    fn is_word(&self, i: usize) -> bool {
        self.t.toks.get(i).is_some_and(|t| t.kind == Kind::Word)
    }

    #[inline]
    fn wa(&self, i: usize) -> bool {
        self.t.toks.get(i).is_some_and(|t| t.wa)
    }

    #[inline]
    fn nl(&self, i: usize) -> bool {
        self.t.toks.get(i).is_some_and(|t| t.nl_before)
    }

    #[inline]
    fn punct(&self, i: usize) -> Option<char> {
        match self.t.toks.get(i).map(|t| t.kind) {
            Some(Kind::Punct(c)) => Some(c),
            _ => None,
        }
    }

    #[inline]
    fn is_punct(&self, i: usize, set: &[char]) -> bool {
        self.punct(i).is_some_and(|c| set.contains(&c))
    }

    /// Whether a clause break (comma or semicolon) lies among tokens `from..to`.
    pub fn clause_break(&self, from: usize, to: usize) -> bool {
        (from..to.min(self.n())).any(|j| self.is_punct(j, &['،', ',', ';', '؛']))
    }

    /// Number at `i`: (value, digits).
    #[inline]
    fn num(&self, i: usize) -> Option<(u32, u8)> {
        let t = self.t.toks.get(i)?;
        (t.kind == Kind::Num).then_some((t.num, t.digits))
    }

    /// The token touches the previous one (no space).
    #[inline]
    fn glued(&self, i: usize) -> bool {
        self.t.toks.get(i).is_some_and(|t| !t.sp_before)
    }

    fn fold(&self, i: usize) -> &str {
        self.t.fold(i)
    }

    fn modifier(&self, i: usize) -> Modifier {
        if self.nl(i) {
            return Modifier::None;
        }
        self.info(i).map(|w| w.modifier).unwrap_or_default()
    }

    // ------------------------------------------------------------------ pieces

    /// A Gregorian month name at `i` (one or two words): (month, next, needs-context).
    fn month1(&self, i: usize) -> Option<(u8, usize, bool)> {
        if let Some(ph) = self.t.toks.get(i).and_then(|t| t.phrases) {
            for (rest, kind) in ph {
                if let PhraseKind::Month(m) = kind
                    && self.rest_matches(i + 1, rest)
                {
                    return Some((*m, i + 1 + rest.len(), false));
                }
            }
        }
        let w = self.info(i)?;
        (w.month > 0).then(|| (w.month, i + 1, w.has(flag::MONTH_CTX)))
    }

    fn rest_matches(&self, j: usize, rest: &[String]) -> bool {
        rest.iter()
            .enumerate()
            .all(|(k, r)| self.is_word(j + k) && !self.nl(j + k) && self.fold(j + k) == r)
    }

    /// A month with an optional partner in the other system: "حزيران/يونيو", "آذار (مارس)",
    /// "فبراير شباط". Returns (month, next, needs-context).
    pub fn month(&self, i: usize) -> Option<(u8, usize, bool)> {
        let (m, j, ctx) = self.month1(i)?;
        if self.nl(j) {
            return Some((m, j, ctx));
        }
        if self.is_punct(j, &['/', '\\', '-', '–', '|'])
            && let Some((_, k, _)) = self.month1(j + 1)
        {
            return Some((m, k, false));
        }
        if self.is_punct(j, &['('])
            && let Some((_, k, _)) = self.month1(j + 1)
            && self.is_punct(k, &[')'])
        {
            return Some((m, k + 1, false));
        }
        if let Some((_, k, _)) = self.month1(j)
            && !self.wa(j)
        {
            return Some((m, k, false));
        }
        Some((m, j, ctx))
    }

    /// A plausible written year (1–2200) at `i` as a bare number.
    fn year_num(&self, i: usize) -> Option<i32> {
        let (v, d) = self.num(i)?;
        ((3..=4).contains(&d) && (1..=2200).contains(&v)).then_some(v as i32)
    }

    /// A year set after a comma at `i` ("14 مارس، 2025", "14 مارس ,2025"): four digits of a
    /// modern year on the same line (a smaller number after a comma counts something else:
    /// "14 مارس، 300 قتيل").
    fn comma_year(&self, i: usize) -> Option<i32> {
        if !self.is_punct(i, &[',', '،']) || self.nl(i + 1) {
            return None;
        }
        let (v, digits) = self.num(i + 1)?;
        (digits == 4 && (MIN_COMMA_YEAR..=MAX_COMMA_YEAR).contains(&v)).then_some(v as i32)
    }

    /// Year head at `i` (عام، العام، سنة، السنة، للعام): next index.
    fn year_head(&self, i: usize) -> Option<usize> {
        let w = self.info(i)?;
        if matches!(w.head, Some((Unit::Year, false))) || w.period == Some(Unit::Year) {
            return Some(i + 1);
        }
        None
    }

    /// A year after a month or day: "2016", "من عام 2017", "من العام الماضي", "من العام ذاته",
    /// "عام 2017", "من هذا العام".
    fn year_after(&self, i: usize) -> Option<(YearSpec, usize)> {
        if self.nl(i) {
            return None;
        }
        if let Some(y) = self.year_num(i) {
            return Some((YearSpec::Abs(y), i + 1));
        }
        let mut j = i;
        if self.has(j, flag::OF) && !self.wa(j) {
            j += 1;
        }
        if self.has(j, flag::THIS)
            && let Some(k) = self.year_head(j + 1)
        {
            return Some((YearSpec::Rel(0), k));
        }
        let k = self.year_head(j)?;
        if let Some(y) = self.year_num(k) {
            return Some((YearSpec::Abs(y), k + 1));
        }
        if self.info(j).is_some_and(|w| w.period == Some(Unit::Year)) {
            match self.modifier(k) {
                Modifier::Past => return Some((YearSpec::Rel(-1), k + 1)),
                Modifier::Next => return Some((YearSpec::Rel(1), k + 1)),
                Modifier::Current => return Some((YearSpec::Rel(0), k + 1)),
                _ => {}
            }
            if self.has(k, flag::SAME) {
                return Some((YearSpec::Same, k + 1));
            }
        }
        None
    }

    /// An ordinal day in words ("الرابع والعشرين", "الحادي عشر", "الأول"): (day, next).
    fn ordinal_day(&self, i: usize) -> Option<(u8, usize)> {
        let w = self.info(i)?;
        if self.wa(i) {
            return None;
        }
        // "النصف الأول من …": the ordinal qualifies the noun before it
        if i > 0 && !self.nl(i) && self.is_word(i - 1) {
            let p = self.fold(i - 1);
            if p.starts_with("ال") && self.info(i - 1).is_none() {
                return None;
            }
        }
        if w.tens > 0 {
            return Some((w.tens, i + 1));
        }
        if w.ordinal == 0 {
            return None;
        }
        let u = w.ordinal;
        if self.has(i + 1, flag::TEEN) && u < 10 {
            return Some((u + 10, i + 2));
        }
        if self.wa(i + 1)
            && let Some(t) = self.info(i + 1)
            && t.tens > 0
            && u < 10
        {
            return Some((t.tens + u, i + 2));
        }
        Some((u, i + 1))
    }

    /// A day of the month: "7", "الـ22", ordinal words followed by من, "أول": (day, next,
    /// needs-من).
    fn day(&self, i: usize) -> Option<(u8, usize, bool)> {
        if let Some((v, d)) = self.num(i) {
            return (d <= 2 && (1..=31).contains(&v)).then_some((v as u8, i + 1, false));
        }
        if self.fold(i) == "ال"
            && self.glued(i + 1)
            && let Some((v, d)) = self.num(i + 1)
        {
            return (d <= 2 && (1..=31).contains(&v)).then_some((v as u8, i + 2, false));
        }
        if let Some((d, j)) = self.ordinal_day(i) {
            return Some((d, j, true));
        }
        if self.has(i, flag::FIRST) && !self.wa(i) {
            return Some((1, i + 1, false));
        }
        None
    }

    /// A temporal word before a bare month that would otherwise be ambiguous.
    fn temporal_before(&self, i: usize) -> bool {
        if i == 0 {
            return false;
        }
        let p = i - 1;
        if self.nl(i) {
            return false;
        }
        matches!(
            self.fold(p),
            "في" | "منذ"
                | "خلال"
                | "حتي"
                | "بحلول"
                | "قبل"
                | "بعد"
                | "اواخر"
                | "اوائل"
                | "منتصف"
                | "بدايه"
                | "نهايه"
                | "مطلع"
                | "اول"
                | "اخر"
                | "شهر"
                | "من"
                | "الي"
                | "وفي"
                | "ومنذ"
                | "اواسط"
                | "اثناء"
        ) || self
            .info(p)
            .is_some_and(|w| w.head == Some((Unit::Month, false)))
    }

    // ------------------------------------------------------------------ expressions

    /// Day + month (+ year) (+ modifier), with optional "شهر" and "من": (sem, next).
    fn day_month(&self, i: usize) -> Option<(Sem, usize)> {
        let (d, mut j, need_of) = self.day(i)?;
        let mut had_of = false;
        if self.has(j, flag::OF) && !self.wa(j) {
            j += 1;
            had_of = true;
        }
        if need_of && !had_of {
            return None;
        }
        if self
            .info(j)
            .is_some_and(|w| w.head == Some((Unit::Month, false)))
        {
            j += 1;
        }
        // "27 من الشهر الجاري"
        if self.info(j).is_some_and(|w| w.period == Some(Unit::Month)) {
            let shift = match self.modifier(j + 1) {
                Modifier::Past => -1,
                Modifier::Next => 1,
                Modifier::Current => 0,
                _ => return None,
            };
            return Some((Sem::DayOfMonthRel { d, shift }, j + 2));
        }
        if let Some((m, k, _)) = self.month(j) {
            let (y, k) = match self.year_after(k) {
                Some((y, k2)) => (Some(y), k2),
                None => match self.comma_year(k) {
                    Some(y) => (Some(YearSpec::Abs(y)), k + 2),
                    None => (None, k),
                },
            };
            let md = self.modifier(k);
            let k = if md != Modifier::None { k + 1 } else { k };
            return Some((
                Sem::Date {
                    y,
                    m,
                    d: Some(d),
                    md,
                },
                k,
            ));
        }
        // Hijri day: "26 رمضان", "28 شوال 1439هـ"
        if let Some((m, k)) = self.hijri_month(j) {
            return self.hijri_tail(Some(d), m, k, true);
        }
        None
    }

    /// A Hijri month name at `i`: (month, next).
    fn hijri_month(&self, i: usize) -> Option<(u8, usize)> {
        if let Some(ph) = self.t.toks.get(i).and_then(|t| t.phrases) {
            for (rest, kind) in ph {
                if let PhraseKind::Hijri(m) = kind
                    && self.rest_matches(i + 1, rest)
                {
                    return Some((*m, i + 1 + rest.len()));
                }
            }
        }
        let w = self.info(i)?;
        (w.hijri_month > 0).then_some((w.hijri_month, i + 1))
    }

    /// After a Hijri month: year (+ هـ), modifier, Gregorian anchors. `strong` = the month is
    /// already known to be a date (day number or "شهر" before it).
    fn hijri_tail(&self, d: Option<u8>, m: u8, k: usize, strong: bool) -> Option<(Sem, usize)> {
        let mut k = k;
        let mut y = None;
        let mut greg = None;
        let mut marked = false;
        if let Some((v, digits)) = self.num(k)
            && (3..=4).contains(&digits)
        {
            let mut k2 = k + 1;
            if self.has(k2, flag::HIJRI_MARK) {
                marked = true;
                k2 += 1;
            }
            if marked || (1300..=1500).contains(&v) {
                y = Some(v as i32);
            } else {
                greg = Some(YearSpec::Abs(v as i32));
            }
            k = k2;
        } else if let Some((ys, k2)) = self.year_after(k) {
            // "رمضان سنة 1996", "رمضان العام الماضي", "شهر رمضان لسنة 2017"
            match ys {
                YearSpec::Abs(v) if self.has(k2, flag::HIJRI_MARK) => {
                    y = Some(v);
                    marked = true;
                    k = k2 + 1;
                }
                YearSpec::Abs(v) if (1300..=1500).contains(&v) => {
                    y = Some(v);
                    k = k2;
                }
                other => {
                    greg = Some(other);
                    k = k2;
                }
            }
        } else if self.has(k, flag::THIS) && self.year_head(k + 1).is_some() {
            greg = Some(YearSpec::Rel(0));
            k += 2;
        }
        let md = self.modifier(k);
        if md != Modifier::None {
            k += 1;
        }
        if !(strong || marked || y.is_some() || greg.is_some() || md != Modifier::None) {
            return None;
        }
        Some((
            Sem::Hijri {
                y,
                m: Some(m),
                d,
                md,
                greg,
            },
            k,
        ))
    }

    /// Month (+ year) (+ modifier): "شباط 2012", "مارس/آذار الماضي", "شهر حزيران الحالي".
    fn month_year(&self, i: usize) -> Option<(Sem, usize)> {
        let mut j = i;
        let mut strong = false;
        if self
            .info(j)
            .is_some_and(|w| w.head == Some((Unit::Month, false)))
        {
            j += 1;
            strong = true;
        }
        if let Some((m, k, ctx)) = self.month(j) {
            let (y, k) = match self.year_after(k) {
                Some((y, k2)) => (Some(y), k2),
                None => (None, k),
            };
            let md = self.modifier(k);
            let k2 = if md != Modifier::None { k + 1 } else { k };
            let bare = !strong && y.is_none() && md == Modifier::None;
            if bare && ctx && !self.temporal_before(j) {
                return None;
            }
            // a bare month closing a quotation is a title ("طيور أيلول")
            if bare
                && k2 == k
                && self.is_punct(k, &['"', '»', '”'])
                && self.glued(k)
                && !self.temporal_before(j)
            {
                return None;
            }
            return Some((Sem::Date { y, m, d: None, md }, k2));
        }
        if let Some((m, k)) = self.hijri_month(j) {
            let after_prep = j > 0
                && !self.nl(j)
                && matches!(
                    self.fold(j - 1),
                    "بعد" | "قبل" | "خلال" | "طوال" | "حلول" | "منذ" | "حتي"
                );
            let r = self.hijri_tail(None, m, k, strong || after_prep)?;
            // "صيام المصابين لشهر رمضان", "غالبا ما يكون مكتظا في شهر رمضان": the practice or
            // a habit, not this year's month
            if let Sem::Hijri {
                y: None,
                d: None,
                greg: None,
                md: Modifier::None | Modifier::Blessed,
                ..
            } = r.0
                && self.generic_before(i)
            {
                return None;
            }
            return Some(r);
        }
        None
    }

    /// Weekday expressions: [tod] [اليوم|أمس|غدا|يوم غد|يوم أمس|يوم] WEEKDAY [mod], and the
    /// relative days اليوم، أمس، غدا، أول أمس with an optional time of day.
    fn weekday_or_day(&self, i: usize) -> Option<(Sem, usize)> {
        let mut j = i;
        // time of day: صباح، مساء، ليل، عشية، بعد ظهر
        if self.has(j, flag::AFTER) && self.info(j + 1).is_some_and(|w| w.tod > 0) {
            j += 2;
        } else if self.info(j).is_some_and(|w| w.tod > 0) && !self.wa(j) {
            j += 1;
        }
        let had_tod = j > i;
        let mut off: Option<i32> = None;
        let mut had_yawm = false;
        // أول أمس / أول من أمس
        if self.has(j, flag::FIRST) {
            let k = if self.has(j + 1, flag::OF) {
                j + 2
            } else {
                j + 1
            };
            if self.info(k).and_then(|w| w.rel_day) == Some(-1) {
                off = Some(-2);
                j = k + 1;
            }
        }
        if off.is_none() {
            if self.has(j, flag::DAY_HEAD) && !self.wa(j) {
                // يوم غد / يوم أمس / يوم الأحد / يوم جمعة
                if self.has(j + 1, flag::TOMORROW) {
                    off = Some(1);
                    j += 2;
                } else if let Some(r) = self.info(j + 1).and_then(|w| w.rel_day)
                    && r != 0
                {
                    off = Some(r as i32);
                    j += 2;
                } else {
                    had_yawm = true;
                    j += 1;
                }
            } else if let Some(r) = self.info(j).and_then(|w| w.rel_day) {
                if r == 0 && self.today_not(j) {
                    return None;
                }
                off = Some(r as i32);
                j += 1;
            } else if self.has(j, flag::AFTER) && self.has(j + 1, flag::TOMORROW) {
                off = Some(2);
                j += 2;
            }
        }
        // the weekday
        if let Some(w) = self.info(j)
            && w.weekday > 0
            && (j == i || (!self.wa(j) && !self.nl(j)))
        {
            let definite = self.fold(j).starts_with("ال") || self.t.stem_fold(j).starts_with("ال");
            if definite || had_yawm {
                if definite && !had_yawm && off.is_none() && !had_tod && self.two_not_monday(j) {
                    return None;
                }
                let wd = w.weekday;
                let k = j + 1;
                // followed by a date: "الجمعة 15 يونيو" → absolute
                let k_date = if self.is_punct(k, &['،', ',']) {
                    k + 1
                } else {
                    k
                };
                if let Some((sem @ Sem::Date { d: Some(_), .. }, k2)) = self.day_month(k_date) {
                    return Some((sem, k2));
                }
                if let Some((sem @ Sem::Hijri { d: Some(_), .. }, k2)) = self.day_month(k_date) {
                    return Some((sem, k2));
                }
                let md = self.modifier(k);
                // "المقبل" after a relative day ("غد الأربعاء المقبل") adds nothing
                let k = if md != Modifier::None { k + 1 } else { k };
                return Some((Sem::Weekday { wd, off, md }, k));
            }
        }
        if let Some(o) = off {
            // اليوم / أمس / غدا, optionally followed by a date ("أمس 28 ماي 2017")
            if let Some((sem @ Sem::Date { d: Some(_), .. }, k2)) = self.day_month(j) {
                return Some((sem, k2));
            }
            return Some((Sem::Day(o), j));
        }
        if had_tod {
            // "صباح 11 إبريل"
            if let Some((sem @ Sem::Date { d: Some(_), .. }, k2)) = self.day_month(j) {
                return Some((sem, k2));
            }
        }
        None
    }

    /// "الاثنين" meaning "the two": after a dual/plural definite noun ("الطرفين الاثنين") or
    /// before a plural/dual noun.
    fn two_not_monday(&self, j: usize) -> bool {
        if self.info(j).map(|w| w.weekday) != Some(1) {
            return false;
        }
        if j > 0 && !self.nl(j) {
            let p = self.fold(j - 1);
            if p.starts_with("ال")
                && (p.ends_with("ين") || p.ends_with("ان"))
                && p.chars().count() > 4
            {
                return true;
            }
            if matches!(p, "كلا" | "كلتا" | "هذين" | "هاذين" | "بين") {
                return true;
            }
        }
        false
    }

    /// اليوم that is part of a name ("روسيا اليوم") or means "the day" ("اليوم الوطني").
    fn today_not(&self, j: usize) -> bool {
        // phrases ending in اليوم
        for back in 1..=2usize {
            if j < back {
                break;
            }
            let s = j - back;
            if let Some(ph) = self.t.toks.get(s).and_then(|t| t.phrases) {
                for (rest, kind) in ph {
                    if *kind == PhraseKind::TodayNot
                        && rest.len() == back
                        && self.rest_matches(s + 1, rest)
                    {
                        return true;
                    }
                }
            }
        }
        // phrases starting with اليوم ("اليوم السابع")
        if let Some(ph) = self.t.toks.get(j).and_then(|t| t.phrases) {
            for (rest, kind) in ph {
                if *kind == PhraseKind::TodayNot && self.rest_matches(j + 1, rest) {
                    return true;
                }
            }
        }
        // "اليوم "الذي …": a quote may stand between
        let n = if self.is_punct(j + 1, &['"', '«', '“']) {
            j + 2
        } else {
            j + 1
        };
        !self.nl(n)
            && (self.has(n, flag::DAY_SENSE)
                || self.has(n, flag::SAME)
                || self.info(n).is_some_and(|w| w.ordinal > 0 || w.hour > 0))
    }

    /// Relative periods: هذا العام، العام الماضي، الأسبوع المقبل، الشهر الجاري، الليلة الماضية.
    fn period(&self, i: usize) -> Option<(Sem, usize)> {
        let (unit, j, this) = if self.has(i, flag::THIS) && !self.wa(i) {
            (self.info(i + 1)?.period?, i + 2, true)
        } else {
            (self.info(i)?.period?, i + 1, false)
        };
        if self.wa(if this { i + 1 } else { i }) {
            return None;
        }
        let shift = if this {
            0
        } else {
            match self.modifier(j) {
                Modifier::Past => -1,
                Modifier::Next => 1,
                Modifier::Current => 0,
                _ => return None,
            }
        };
        let j = if this { j } else { j + 1 };
        let sem = match unit {
            Unit::Week => Sem::WeekRel(shift),
            Unit::Month => Sem::MonthRel(shift),
            Unit::Year => Sem::YearRel(shift),
            Unit::Day => Sem::Day(shift),
        };
        Some((sem, j))
    }

    /// الليلة الماضية → the evening the night began.
    fn last_night(&self, i: usize) -> Option<(Sem, usize)> {
        if self.fold(i) == "الليله" && self.modifier(i + 1) == Modifier::Past {
            return Some((Sem::Day(-1), i + 2));
        }
        None
    }

    /// قبل عامين، قبل شهرين، قبل 5 أيام (not "قبل يومين من المباراة"); منذ خمسة أيام, منذ سنتين
    /// ("ago") unless a duration cue makes منذ "for" (الدائر منذ عامين، منذ عامين كاملين).
    fn ago(&self, i: usize) -> Option<(Sem, usize)> {
        let since = self.has(i, flag::SINCE);
        if !(self.has(i, flag::AGO) || since) || self.wa(i) {
            return None;
        }
        let mut j = i + 1;
        let mut n: Option<i32> = None;
        if let Some((v, d)) = self.num(j) {
            if d > 3 {
                return None;
            }
            n = Some(v as i32);
            j += 1;
        } else if let Some(w) = self.info(j)
            && w.cardinal > 0
        {
            n = Some(w.cardinal as i32);
            j += 1;
        }
        let (u, c) = self.info(j)?.unit?;
        let count = match (n, c) {
            (Some(n), 0) => n,
            (None, 0) => return None,
            (None, c) => c as i32,
            (Some(_), _) => return None,
        };
        // "قبل يومين (فقط) من المباراة": an offset from another event
        if self.has(j + 1, flag::OF)
            || (self.is_word(j + 1) && self.has(j + 2, flag::OF) && !self.nl(j + 1))
        {
            return None;
        }
        // "قبل شهر رمضان", "قبل عام 2010": not an offset
        if self.month1(j + 1).is_some()
            || self.hijri_month(j + 1).is_some()
            || self.num(j + 1).is_some()
        {
            return None;
        }
        // "مقارنة مع … قبل عام": a comparison period
        let lo = i.saturating_sub(8);
        if (lo..i).any(|k| self.has(k, flag::COMPARE)) {
            return None;
        }
        if since && self.since_is_duration(i, j) {
            return None;
        }
        Some((Sem::Ago(u, count), j + 1))
    }

    /// Whether "منذ <count> <unit>" (منذ at `i`, unit at `j`) reads as a duration: a duration
    /// cue among the few words before it in its clause (المستمرة، الدائر، أعلى، الأولى) or right
    /// after the unit (كاملين، متتالية).
    fn since_is_duration(&self, i: usize, j: usize) -> bool {
        let mut k = i;
        while k > i.saturating_sub(SINCE_LOOKBACK) {
            if self.nl(k) {
                break;
            }
            k -= 1;
            if self.punct(k).is_some() {
                break;
            }
            if self.has(k, flag::DURATION) || self.imperfect_verb(k) {
                return true;
            }
        }
        !self.nl(j + 1) && self.has(j + 1, flag::DURATION)
    }

    /// A likely imperfect verb (يقيم، تحتجزه، ويستهدف): ي/ت prefix, at least four letters, not
    /// a noun ending (ة، ات، ين) and not a lexicon word. "تقيم منذ عامين" is "has lived there for
    /// two years", a state, not a past event.
    fn imperfect_verb(&self, k: usize) -> bool {
        if !self.is_word(k) || self.info(k).is_some() {
            return false;
        }
        let f = self.fold(k);
        let f = f
            .strip_prefix('و')
            .or_else(|| f.strip_prefix('ف'))
            .unwrap_or(f);
        let taa = self
            .t
            .toks
            .get(k)
            .and_then(|t| self.text_of(t.start, t.end))
            .is_some_and(|w| {
                w.trim_end_matches(crate::dates::fold::is_invisible)
                    .ends_with('ة')
            });
        matches!(f.chars().next(), Some('ي' | 'ت'))
            && f.chars().count() >= 4
            && !taa
            && !f.ends_with("ات")
            && !f.ends_with("ين")
    }

    /// A year: "عام 2017", "العام 2016", "سنة 2014", "للعام 2018", bare "2045"; BC with
    /// "قبل الميلاد"; Hijri with "هـ".
    fn year(&self, i: usize) -> Option<(Sem, usize)> {
        if let Some(j) = self.year_head(i) {
            // "عام 2018/ 2019" (a range), "عام 1470 هـ" (Hijri)
            let (v, d) = self.num(j)?;
            if !(1..=4).contains(&d) || v == 0 {
                return None;
            }
            let v = v as i32;
            if self.has(j + 1, flag::HIJRI_MARK) {
                return Some((
                    Sem::Hijri {
                        y: Some(v),
                        m: None,
                        d: None,
                        md: Modifier::None,
                        greg: None,
                    },
                    j + 2,
                ));
            }
            if self.is_punct(j + 1, &['/', '-'])
                && let Some(v2) = self.year_num(j + 2)
                && (v2 == v + 1 || (v2 > v && v2 - v < 50))
            {
                return Some((
                    Sem::Range(Box::new(Sem::Year(v)), Box::new(Sem::Year(v2))),
                    j + 3,
                ));
            }
            if self.has(j + 1, flag::AGO) && self.has(j + 2, flag::AD_MARK) {
                return Some((Sem::Year(-v), j + 3));
            }
            return Some((Sem::Year(v), j + 1));
        }
        self.bare_year(i)
    }

    /// A bare four-digit number read as a year, unless it is an amount, part of a name, a
    /// law number, or part of a larger number.
    fn bare_year(&self, i: usize) -> Option<(Sem, usize)> {
        let (v, d) = self.num(i)?;
        if d != 4 || !(1900..=2100).contains(&v) {
            return None;
        }
        // part of a larger number or a code: 1,2018 / 2018.5 / 2016/30 / 12-2018
        if i > 0
            && self.glued(i)
            && self.is_punct(i - 1, &[',', '.', '/', '-', '٫', '٬', ':', '\\'])
        {
            return None;
        }
        if self.glued(i + 1)
            && self.is_punct(i + 1, &[',', '.', '/', '-', '٫', '٬', ':'])
            && self.num(i + 2).is_some()
            && self.glued(i + 2)
        {
            return None;
        }
        if self.is_punct(i + 1, &['/', '\\']) && self.num(i + 2).is_some() {
            return None;
        }
        if self.has(i + 1, flag::AMOUNT) || self.is_punct(i + 1, &['%', '٪']) {
            return None;
        }
        if self.year_named(i) {
            return None;
        }
        Some((Sem::Year(v as i32), i + 1))
    }

    /// A bare number that is part of a name: "كأس العالم 2018", "كأس أمم أفريقيا بالكاميرون
    /// 2019", "بطلة 1978 و1986" (a name word within four words before, no punctuation between).
    fn year_named(&self, i: usize) -> bool {
        if i > 0 && self.is_word_latin(i - 1) {
            return true;
        }
        let mut k = i;
        for _ in 0..4 {
            if k == 0 || self.nl(k) {
                return false;
            }
            k -= 1;
            if self.has(k, flag::YEAR_NAME) {
                return true;
            }
            let chained = self.fold(k) == "و" && k > 0 && self.num(k - 1).is_some();
            if chained {
                continue;
            }
            if !self.is_word(k) && self.num(k).is_none() {
                return false;
            }
            if self.info(k).is_some() {
                return false;
            }
        }
        false
    }

    fn is_word_latin(&self, i: usize) -> bool {
        self.is_word(i) && self.fold(i).bytes().all(|b| b.is_ascii_alphabetic())
    }

    /// Decades: "التسعينات", "تسعينيات القرن الماضي".
    fn decade(&self, i: usize) -> Option<(Sem, usize)> {
        let w = self.info(i)?;
        if w.decade == 0 {
            return None;
        }
        let mut j = i + 1;
        if self.has(j, flag::CENTURY) {
            let f = self.fold(j + 1);
            if self.modifier(j + 1) == Modifier::Past || f == "العشرين" {
                j += 2;
            }
        }
        Some((Sem::Decade(w.decade as i32), j))
    }

    /// Numeric dates: 9/10/2018, 2020.09.08, 2018-10-09, 15.06.2017.
    fn numeric(&self, i: usize) -> Option<(Sem, usize)> {
        let (a, da) = self.num(i)?;
        let sep = self.punct(i + 1)?;
        if !matches!(sep, '/' | '.' | '-') || !self.glued(i + 1) || !self.glued(i + 2) {
            return None;
        }
        let (b, db) = self.num(i + 2)?;
        if self.punct(i + 3) != Some(sep) || !self.glued(i + 3) || !self.glued(i + 4) {
            return None;
        }
        let (c, dc) = self.num(i + 4)?;
        if self.is_punct(i + 5, &[sep]) && self.num(i + 6).is_some() {
            return None;
        }
        let (y, m, d) = if da == 4 && db <= 2 && dc <= 2 {
            (a, b, c)
        } else if dc == 4 && da <= 2 && db <= 2 {
            (c, b, a)
        } else {
            return None;
        };
        if !(1..=12).contains(&m) || !(1..=31).contains(&d) || !(1000..=2200).contains(&y) {
            return None;
        }
        Some((
            Sem::Date {
                y: Some(YearSpec::Abs(y as i32)),
                m: m as u8,
                d: Some(d as u8),
                md: Modifier::None,
            },
            i + 5,
        ))
    }

    /// Ranges: "بين عامي 2000 و2001", "من عام 1975 حتى عام 1990", "من 8 إلى 19 آيار/مايو",
    /// "15-16 تموز/يوليو 2016", "الأول والثاني من أغسطس", "يومي الأربعاء والخميس",
    /// "شهري مايو/أيار ويونيو/حزيران", "بين أبريل 2015 وسبتمبر 2016", "2016-2020",
    /// "الأحد والاثنين".
    fn range(&self, i: usize) -> Option<(Sem, usize)> {
        // بين … و… / من … إلى|حتى …
        let opener = self.has(i, flag::BETWEEN) || (self.has(i, flag::OF) && !self.wa(i));
        if opener {
            let between = self.has(i, flag::BETWEEN);
            let mut j = i + 1;
            // "بين عامي 2000 و2001"
            if between
                && self
                    .info(j)
                    .is_some_and(|w| w.head == Some((Unit::Year, true)))
            {
                let a = self.year_num(j + 1)?;
                let k = j + 2;
                if self.fold(k) == "و" && self.glued(k + 1) {
                    let b = self.year_num(k + 1)?;
                    let mut end = k + 2;
                    let (a, b) = if self.has(end, flag::AGO) && self.has(end + 1, flag::AD_MARK) {
                        end += 2;
                        (-a, -b)
                    } else {
                        (a, b)
                    };
                    return Some((
                        Sem::Range(Box::new(Sem::Year(a)), Box::new(Sem::Year(b))),
                        end,
                    ));
                }
                return None;
            }
            // left end
            let (left, k) = self.range_end(j)?;
            j = k;
            let joined = if between {
                self.fold(j) == "و"
            } else {
                self.has(j, flag::TO) && !self.wa(j)
            };
            let (right, k) = if joined {
                self.range_end(j + 1)?
            } else if between && self.wa(j) {
                // "بين أبريل 2015 وسبتمبر 2016": the و is glued to the next word
                self.range_end_wa(j)?
            } else {
                return None;
            };
            return self.finish_range(left, right, k);
        }
        // يومي الأربعاء والخميس / شهري مايو ويونيو
        if let Some(w) = self.info(i)
            && let Some((u, true)) = w.head
        {
            match u {
                Unit::Day => {
                    let a = self.info(i + 1).filter(|w| w.weekday > 0)?.weekday;
                    if !self.wa(i + 2) {
                        return None;
                    }
                    let b = self.info(i + 2).filter(|w| w.weekday > 0)?.weekday;
                    return Some((
                        Sem::Range(
                            Box::new(Sem::Weekday {
                                wd: a,
                                off: None,
                                md: Modifier::None,
                            }),
                            Box::new(Sem::Weekday {
                                wd: b,
                                off: None,
                                md: Modifier::None,
                            }),
                        ),
                        i + 3,
                    ));
                }
                Unit::Month => {
                    let (a, k, _) = self.month(i + 1)?;
                    if !self.wa(k) {
                        return None;
                    }
                    let (b, k2, _) = self.month(k)?;
                    let (y, k3) = match self.year_after(k2) {
                        Some((y, k3)) => (Some(y), k3),
                        None => (None, k2),
                    };
                    return Some((
                        Sem::Range(
                            Box::new(Sem::Date {
                                y,
                                m: a,
                                d: None,
                                md: Modifier::None,
                            }),
                            Box::new(Sem::Date {
                                y,
                                m: b,
                                d: None,
                                md: Modifier::None,
                            }),
                        ),
                        k3,
                    ));
                }
                Unit::Year | Unit::Week => {}
            }
        }
        // 15-16 تموز/يوليو 2016
        if let Some((a, da)) = self.num(i)
            && da <= 2
            && self.is_punct(i + 1, &['-', '–'])
            && let Some((b, db)) = self.num(i + 2)
            && db <= 2
            && (1..=31).contains(&a)
            && (1..=31).contains(&b)
            && a < b
            && let Some((Sem::Date { y, m, md, .. }, k)) = self.day_month(i + 2)
        {
            return Some((
                Sem::Range(
                    Box::new(Sem::Date {
                        y,
                        m,
                        d: Some(a as u8),
                        md,
                    }),
                    Box::new(Sem::Date {
                        y,
                        m,
                        d: Some(b as u8),
                        md,
                    }),
                ),
                k,
            ));
        }
        // 2016-2020
        if let Some(a) = self.year_num(i)
            && self.num(i).is_some_and(|(_, d)| d == 4)
            && self.is_punct(i + 1, &['-', '–'])
            && self.glued(i + 1)
            && self.glued(i + 2)
            && let Some(b) = self.year_num(i + 2)
            && b > a
            && b - a <= 30
            && (1900..=2100).contains(&a)
            && !self.is_punct(i + 3, &['-', '/'])
        {
            return Some((
                Sem::Range(Box::new(Sem::Year(a)), Box::new(Sem::Year(b))),
                i + 3,
            ));
        }
        // الأول والثاني من أغسطس
        if let Some((a, j)) = self.ordinal_day(i)
            && self.wa(j)
            && let Some(w) = self.info(j)
            && w.ordinal > 0
            && self.has(j + 1, flag::OF)
            && let Some((m, k, _)) = self.month(j + 2)
        {
            let b = w.ordinal;
            let (y, k) = match self.year_after(k) {
                Some((y, k2)) => (Some(y), k2),
                None => (None, k),
            };
            let md = self.modifier(k);
            let k = if md != Modifier::None { k + 1 } else { k };
            return Some((
                Sem::Range(
                    Box::new(Sem::Date {
                        y,
                        m,
                        d: Some(a),
                        md,
                    }),
                    Box::new(Sem::Date {
                        y,
                        m,
                        d: Some(b),
                        md,
                    }),
                ),
                k,
            ));
        }
        // الأحد والاثنين
        if let Some(w) = self.info(i)
            && w.weekday > 0
            && self.fold(i).starts_with("ال")
            && !self.wa(i)
            && self.wa(i + 1)
            && let Some(w2) = self.info(i + 1)
            && w2.weekday > 0
            && self.t.stem_fold(i + 1).starts_with("ال")
        {
            return Some((
                Sem::Range(
                    Box::new(Sem::Weekday {
                        wd: w.weekday,
                        off: None,
                        md: Modifier::None,
                    }),
                    Box::new(Sem::Weekday {
                        wd: w2.weekday,
                        off: None,
                        md: Modifier::None,
                    }),
                ),
                i + 2,
            ));
        }
        None
    }

    /// One end of a range: a day+month, a month(+year), a bare day number, a year (with or
    /// without head).
    fn range_end(&self, j: usize) -> Option<(Sem, usize)> {
        if let Some(r) = self.day_month(j) {
            return Some(r);
        }
        if let Some(r) = self.month_year(j) {
            return Some(r);
        }
        if let Some(k) = self.year_head(j)
            && let Some(y) = self.year_num(k)
        {
            return Some((Sem::Year(y), k + 1));
        }
        if let Some((v, d)) = self.num(j) {
            if d <= 2 && (1..=31).contains(&v) {
                return Some((
                    Sem::Date {
                        y: None,
                        m: 0,
                        d: Some(v as u8),
                        md: Modifier::None,
                    },
                    j + 1,
                ));
            }
            if d == 4 && !self.has(j + 1, flag::AMOUNT) {
                return Some((Sem::Year(v as i32), j + 1));
            }
        }
        None
    }

    /// The right end of a "بين X وY" range when و is glued to a month word.
    fn range_end_wa(&self, j: usize) -> Option<(Sem, usize)> {
        let (m, k, _) = self.month(j)?;
        let (y, k) = match self.year_after(k) {
            Some((y, k2)) => (Some(y), k2),
            None => (None, k),
        };
        Some((
            Sem::Date {
                y,
                m,
                d: None,
                md: Modifier::None,
            },
            k,
        ))
    }

    fn finish_range(&self, left: Sem, right: Sem, k: usize) -> Option<(Sem, usize)> {
        match (&left, &right) {
            (Sem::Year(a), Sem::Year(b)) if b > a => {
                Some((Sem::Range(Box::new(left), Box::new(right)), k))
            }
            // "من 8 إلى 19 آيار/مايو": the left day takes the right month
            (
                Sem::Date {
                    m: 0, d: Some(a), ..
                },
                Sem::Date {
                    y,
                    m,
                    d: Some(_),
                    md,
                },
            ) if *m > 0 => {
                let l = Sem::Date {
                    y: *y,
                    m: *m,
                    d: Some(*a),
                    md: *md,
                };
                Some((Sem::Range(Box::new(l), Box::new(right)), k))
            }
            (Sem::Date { m: ma, .. }, Sem::Date { m: mb, .. }) if *ma > 0 && *mb > 0 => {
                // month ranges with a year only at the end share it
                let l = match (left.clone(), &right) {
                    (Sem::Date { y: None, m, d, md }, Sem::Date { y: Some(y), .. }) => Sem::Date {
                        y: Some(*y),
                        m,
                        d,
                        md,
                    },
                    (l, _) => l,
                };
                Some((Sem::Range(Box::new(l), Box::new(right)), k))
            }
            _ => None,
        }
    }

    /// A clock time: "الساعة 12,00 ت غ", "الساعة 21.30", "الساعة 1947 بتوقيت غرينتش",
    /// "الساعة التاسعة صباح اليوم السبت", "9:30 صباحا", "الثامنة صباحاً بالتوقيت المحلي".
    fn time(&self, i: usize) -> Option<(Sem, usize)> {
        let clock = self.has(i, flag::CLOCK);
        let j = if clock { i + 1 } else { i };
        let (mut h, min, mut k, word_hour);
        if let Some((v, d)) = self.num(j) {
            if self.is_punct(j + 1, &[':', '.', ',', '٫'])
                && self.glued(j + 1)
                && self.glued(j + 2)
                && let Some((m, dm)) = self.num(j + 2)
                && dm == 2
            {
                h = v;
                min = m;
                k = j + 3;
            } else if clock && d == 4 {
                h = v / 100;
                min = v % 100;
                k = j + 1;
            } else if clock && d <= 2 {
                h = v;
                min = 0;
                k = j + 1;
            } else {
                return None;
            }
            word_hour = false;
        } else if let Some(w) = self.info(j)
            && w.hour > 0
            && !self.wa(j)
        {
            h = w.hour as u32;
            min = 0;
            k = j + 1;
            if self.has(k, flag::HOUR_TEEN) && h <= 2 {
                h += 10;
                k += 1;
            }
            word_hour = true;
        } else {
            return None;
        }
        if h > 24 || min > 59 {
            return None;
        }
        // am/pm or time-of-day word
        let mut ampm = 0u8;
        let mut tod_date: Option<(Sem, usize)> = None;
        if let Some(w) = self.info(k)
            && w.ampm > 0
            && !self.nl(k)
        {
            ampm = w.ampm;
            // "صباح اليوم السبت", "مساء الأربعاء المقبل": the time-of-day noun opens a date
            if w.tod > 0
                && let Some(r) = self.weekday_or_day(k)
            {
                tod_date = Some(r);
            } else {
                k += 1;
            }
        }
        // "السادسة من مساء الأربعاء المقبل"
        if ampm == 0
            && self.has(k, flag::OF)
            && !self.wa(k)
            && let Some(w) = self.info(k + 1)
            && w.ampm > 0
            && w.tod > 0
            && let Some(r) = self.weekday_or_day(k + 1)
        {
            ampm = w.ampm;
            tod_date = Some(r);
        }
        if !clock && ampm == 0 {
            return None;
        }
        if word_hour && !clock && ampm == 0 {
            return None;
        }
        match ampm {
            2 if h < 12 => h += 12,
            3 if (1..=5).contains(&h) => h += 12,
            _ => {}
        }
        let mut zone = None;
        let mut date: Option<Box<Sem>> = None;
        if let Some((s, k2)) = tod_date {
            date = Some(Box::new(s));
            k = k2;
        }
        if let Some((z, k2)) = self.zone_words(k) {
            zone = Some(z);
            k = k2;
        } else if self.is_punct(k, &['('])
            && let Some((z, k2)) = self.zone_words(k + 1)
            && z != "other"
            && self.is_punct(k2, &[')'])
        {
            // In brackets: "10:30 (توقيت غرينتش)", "10:30 (بتوقيت مكة المكرمة)".
            zone = Some(z);
            k = k2 + 1;
        }
        if date.is_none() {
            // "من صباح الاثنين", "الخميس", "صباح 11 إبريل"
            let k0 = if self.has(k, flag::OF) && !self.wa(k) {
                k + 1
            } else {
                k
            };
            if !self.nl(k0)
                && let Some((s, k2)) = self.weekday_or_day(k0)
            {
                date = Some(Box::new(s));
                k = k2;
            }
        }
        if h == 24 {
            h = 0;
        }
        Some((
            Sem::Time {
                h: h as u8,
                min: min as u8,
                date,
                zone,
            },
            k,
        ))
    }

    /// Zone words after a time: "ت غ", "ت.غ", "بتوقيت غرينتش", "بالتوقيت المحلي", "بتوقيت مكة".
    fn zone_words(&self, k: usize) -> Option<(&'static str, usize)> {
        if self.nl(k) {
            return None;
        }
        if self.fold(k) == "ت" {
            let j = if self.is_punct(k + 1, &['.']) {
                k + 2
            } else {
                k + 1
            };
            if self.fold(j) == "غ" {
                let j = if self.is_punct(j + 1, &['.']) && self.glued(j + 1) {
                    j + 2
                } else {
                    j + 1
                };
                return Some(("UTC", j));
            }
        }
        if self.has(k, flag::ZONE_HEAD) {
            if self.has(k + 1, flag::ZONE_UTC) {
                return Some(("UTC", k + 2));
            }
            if self.has(k + 1, flag::ZONE_LOCAL) {
                return Some(("local", k + 2));
            }
            // "بتوقيت مكة المكرمة", "بتوقيت القاهرة": a place
            let mut best = None;
            for n in (1..=2).rev() {
                let words: Vec<&str> = (k + 1..k + 1 + n)
                    .filter(|&x| self.is_word(x) && !self.nl(x))
                    .map(|x| self.fold(x))
                    .collect();
                if words.len() == n
                    && let Some(p) = crate::places::lookup(&words.join(" "))
                {
                    best = Some((p.zone, k + 1 + n));
                    break;
                }
            }
            if let Some(b) = best {
                return Some(b);
            }
            // unknown zone description: take the rest of the phrase up to 5 words
            return Some(("other", k + 1));
        }
        None
    }

    /// The expression starting at token `i`, if any: (sem, next token).
    pub fn expr_at(&self, i: usize) -> Option<(Sem, usize)> {
        let t = self.t.toks.get(i)?;
        let candidate = match t.kind {
            Kind::Num => true,
            Kind::Word => t.info.is_some() || t.phrases.is_some() || self.fold(i) == "ال",
            Kind::Punct(_) => false,
        };
        if !candidate {
            return None;
        }
        if let Some(r) = self.time(i) {
            return Some(r);
        }
        if let Some(r) = self.range(i) {
            return Some(r);
        }
        let r = self
            .weekday_or_day(i)
            .or_else(|| self.day_month(i))
            .or_else(|| self.numeric(i))
            .or_else(|| self.month_year(i))
            .or_else(|| self.last_night(i))
            .or_else(|| self.period(i))
            .or_else(|| self.ago(i))
            .or_else(|| self.year(i))
            .or_else(|| self.decade(i));
        let (sem, k) = r?;
        // a date followed by "على|في الساعة …" becomes a time on that date
        if matches!(sem, Sem::Weekday { .. } | Sem::Day(_))
            && matches!(self.fold(k), "علي" | "في")
            && let Some((
                Sem::Time {
                    h,
                    min,
                    date: None,
                    zone,
                },
                k2,
            )) = self.time(k + 1)
            && self.has(k + 1, flag::CLOCK)
        {
            return Some((
                Sem::Time {
                    h,
                    min,
                    date: Some(Box::new(sem)),
                    zone,
                },
                k2,
            ));
        }
        Some((sem, k))
    }

    /// Whether a generic or habitual cue (صيام، غالبا، عادة، كل) precedes token `i` in its
    /// clause, within [`GENERIC_LOOKBACK`] tokens.
    fn generic_before(&self, i: usize) -> bool {
        let mut j = i;
        while j > i.saturating_sub(GENERIC_LOOKBACK) {
            if self.nl(j) {
                break;
            }
            j -= 1;
            if self.is_punct(j, &['.', '!', '?', '؟', '؛', ':', '،', ',', '"', '«', '»']) {
                break;
            }
            if self.has(j, flag::GENERIC) {
                return true;
            }
        }
        false
    }

    /// Whether a future cue precedes token `i` in its sentence.
    pub fn future_before(&self, i: usize) -> bool {
        let lo = i.saturating_sub(MAX_LOOKBACK);
        let mut j = i;
        while j > lo {
            if self.nl(j) {
                break;
            }
            j -= 1;
            if self.is_punct(j, &['.', '!', '?', '؟', '؛', ':', '"', '«', '»']) {
                break;
            }
            if self.has(j, flag::FUTURE) {
                return true;
            }
            if self.has(j, flag::FUTURE_AN) && j > 0 && self.fold(j - 1) == "علي" {
                return true;
            }
            if self.future_verb(j) {
                return true;
            }
        }
        // "تأجيل العملية إلى يوم الأحد"
        i > 0
            && !self.nl(i)
            && self.fold(i - 1) == "الي"
            && self
                .info(i)
                .is_some_and(|w| w.weekday > 0 || w.has(flag::DAY_HEAD))
    }

    /// Whether a future verb follows the expression ending before token `k` closely
    /// ("يوم الخميس سيسعى", "نهار الأربعاء سيكون").
    pub fn future_after(&self, k: usize) -> bool {
        for j in k..(k + 3).min(self.n()) {
            if self.nl(j) || self.is_punct(j, &['.', '!', '?', '؟', '؛', ':', '،', ',']) {
                return false;
            }
            // a complement clause ("أعلن الثلاثاء أن بلاده ستقاطع") is reported speech
            if matches!(self.fold(j), "ان" | "انه" | "بان" | "الذي" | "التي" | "حيث")
            {
                return false;
            }
            if self.future_verb(j) || self.has(j, flag::FUTURE) {
                return true;
            }
        }
        false
    }

    /// A future verb: سـ + imperfect prefix (سيلتقي، ستبدأ، سنعمل، سأزور), optionally after و/ف,
    /// not a noun that merely starts that way (سياسة، سيارات، ستين).
    fn future_verb(&self, j: usize) -> bool {
        if !self.is_word(j) || self.has(j, flag::NOT_FUTURE) {
            return false;
        }
        let f = self.fold(j);
        let f = f
            .strip_prefix('و')
            .or_else(|| f.strip_prefix('ف'))
            .unwrap_or(f);
        let mut cs = f.chars();
        // taa marbuta in the original marks a noun (سياحية، سيطرة)
        let taa = self
            .t
            .toks
            .get(j)
            .and_then(|t| self.text_of(t.start, t.end))
            .is_some_and(|w| {
                w.trim_end_matches(crate::dates::fold::is_invisible)
                    .ends_with('ة')
            });
        cs.next() == Some('س')
            && matches!(cs.next(), Some('ي' | 'ت' | 'ن' | 'ا'))
            && f.chars().count() >= 5
            && !taa
            && !f.ends_with("ات")
            && !f.ends_with("ين")
            && crate::dates::lexicon::lookup(f).is_none()
    }
}
