//! The date lexicon: month and day names (generated from CLDR), Hijri months
//! (`data/hijri_months.tsv`) and our own date words (`data/date_words.tsv`), folded and
//! indexed once.
//!
//! Roles in `date_words.tsv`: `month` (extra spellings, value = month), `month_ctx` (month
//! names that are also ordinary words — آب "father", ماي "May" the name, مارس "he practised",
//! نيسان, تموز — and count only with a day, a year, a modifier, a partner month or a temporal
//! preposition), `rel_day` (اليوم 0, أمس −1, غدا +1), `day_head` (يوم), `tomorrow` (غد after
//! يوم), `period` (الأسبوع/الشهر/العام), `head` (عام، شهر، سنة and their duals), `this`
//! (هذا/هذه), `mod` (past/next/current modifiers), `tod` (time of day before a day), `after`
//! (بعد in بعد ظهر), `ago` (قبل), `first` (أول), `unit` (day/week/month/year nouns with a count,
//! `n` = plural), `cardinal`, `ordinal`, `teen`, `tens`, `hour` (hour words), `hour_teen`,
//! `clock` (الساعة), `ampm`, `of` (من), `between` (بين), `to` (إلى/حتى), `zone_head` (توقيت),
//! `zone_utc` (غرينتش), `zone_local` (المحلي), `hijri_mark` (هـ), `ad_mark` (الميلاد), `century`,
//! `same` (ذاته), `decade`, `year_name` (words that make a following year part of a name: كأس،
//! مونديال، رؤية), `amount` (words that make a preceding number an amount), `future` (future
//! cues), `future_an` (أن after على), `not_future` (nouns that look like future verbs: سياسة),
//! `day_sense` (adjectives that make اليوم "the day", not "today"), `compare` (مقارنة: a
//! following "قبل عام" is a comparison period, not a date), `since` (منذ: "منذ خمسة أيام"
//! = five days ago, unless it reads as a duration), `duration` (words next to a منذ count that
//! make it a duration: المستمرة منذ سبع سنوات، أعلى مستوى منذ عامين، منذ عامين كاملين), `generic`
//! (words before a bare Hijri month that make it the practice or a habit: صيام رمضان، غالبا ما
//! يكون مكتظا في شهر رمضان), `today_not` (phrases where
//! اليوم is part of a name or means "nowadays").

use std::collections::HashMap;
use std::hash::{BuildHasherDefault, Hasher};
use std::sync::LazyLock;

use super::fold::fold;

include!("../generated/cldr_months.rs");

const DATE_WORDS: &str = include_str!("../../data/date_words.tsv");
const HIJRI_MONTHS: &str = include_str!("../../data/hijri_months.tsv");

/// Role flags without values.
pub(crate) mod flag {
    pub const DAY_HEAD: u32 = 1;
    pub const TOMORROW: u32 = 1 << 1;
    pub const THIS: u32 = 1 << 2;
    pub const AFTER: u32 = 1 << 3;
    pub const AGO: u32 = 1 << 4;
    pub const FIRST: u32 = 1 << 5;
    pub const CLOCK: u32 = 1 << 6;
    pub const OF: u32 = 1 << 7;
    pub const BETWEEN: u32 = 1 << 8;
    pub const TO: u32 = 1 << 9;
    pub const ZONE_HEAD: u32 = 1 << 10;
    pub const ZONE_UTC: u32 = 1 << 11;
    pub const ZONE_LOCAL: u32 = 1 << 12;
    pub const HIJRI_MARK: u32 = 1 << 13;
    pub const AD_MARK: u32 = 1 << 14;
    pub const CENTURY: u32 = 1 << 15;
    pub const SAME: u32 = 1 << 16;
    pub const YEAR_NAME: u32 = 1 << 17;
    pub const AMOUNT: u32 = 1 << 18;
    pub const FUTURE: u32 = 1 << 19;
    pub const FUTURE_AN: u32 = 1 << 20;
    pub const NOT_FUTURE: u32 = 1 << 21;
    pub const DAY_SENSE: u32 = 1 << 22;
    pub const HOUR_TEEN: u32 = 1 << 23;
    pub const TEEN: u32 = 1 << 24;
    pub const MONTH_CTX: u32 = 1 << 25;
    pub const COMPARE: u32 = 1 << 26;
    pub const SINCE: u32 = 1 << 27;
    pub const DURATION: u32 = 1 << 28;
    pub const GENERIC: u32 = 1 << 29;
}

/// Time units.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Unit {
    Day,
    Week,
    Month,
    Year,
}

/// Modifiers after a date word.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub(crate) enum Modifier {
    #[default]
    None,
    Past,
    Next,
    Current,
    /// المبارك (after رمضان): no direction.
    Blessed,
}

/// Everything the lexicon knows about one folded word.
#[derive(Debug, Clone, Default)]
pub(crate) struct WordInfo {
    pub flags: u32,
    pub month: u8,
    pub weekday: u8,
    pub hijri_month: u8,
    pub rel_day: Option<i8>,
    pub period: Option<Unit>,
    /// Head noun: unit and whether it is a dual (شهري، عامي، يومي).
    pub head: Option<(Unit, bool)>,
    pub modifier: Modifier,
    pub tod: u8,
    /// Unit noun with count (0 = plural, needs a number).
    pub unit: Option<(Unit, u8)>,
    pub cardinal: u8,
    pub ordinal: u8,
    pub tens: u8,
    pub hour: u8,
    /// 1 am, 2 pm, 3 noon.
    pub ampm: u8,
    pub decade: i16,
}

impl WordInfo {
    #[inline]
    pub fn has(&self, f: u32) -> bool {
        self.flags & f != 0
    }
}

/// What a multi-word entry is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum PhraseKind {
    Month(u8),
    Hijri(u8),
    TodayNot,
}

/// A small, fast hasher for short keys (the FxHash mix used by rustc); keys are our own lexicon
/// words, so HashDoS resistance is not needed.
#[derive(Default, Clone, Copy)]
pub(crate) struct FxHasher(u64);

impl Hasher for FxHasher {
    #[inline]
    fn write(&mut self, bytes: &[u8]) {
        const K: u64 = 0x51_7c_c1_b7_27_22_0a_95;
        let mut h = self.0;
        let mut chunks = bytes.chunks_exact(8);
        for c in &mut chunks {
            let mut w = [0u8; 8];
            w.copy_from_slice(c);
            h = (h.rotate_left(5) ^ u64::from_le_bytes(w)).wrapping_mul(K);
        }
        for &b in chunks.remainder() {
            h = (h.rotate_left(5) ^ b as u64).wrapping_mul(K);
        }
        self.0 = h;
    }

    #[inline]
    fn finish(&self) -> u64 {
        self.0
    }
}

type FxMap<K, V> = HashMap<K, V, BuildHasherDefault<FxHasher>>;

/// The folded lexicon.
pub(crate) struct Lexicon {
    pub words: FxMap<String, WordInfo>,
    /// First folded word → (remaining folded words, kind), longest first.
    pub phrases: FxMap<String, Vec<(Vec<String>, PhraseKind)>>,
    /// Longest key in bytes (words longer than this plus a clitic never match).
    pub max_key: usize,
    /// Bitmap over (first char, last char) of every key: a quick reject for ordinary words.
    pub sig: Vec<u64>,
    /// The same over the first words of multi-word entries.
    pub phrase_sig: Vec<u64>,
}

const SIG_BITS: usize = 1 << 16;

/// Signature slot of a (first, last) character pair.
#[inline]
pub(crate) fn sig_slot(first: char, last: char) -> usize {
    let h = (first as u32).wrapping_mul(0x9E37_79B1) ^ (last as u32).wrapping_mul(0x85EB_CA77);
    (h >> 16) as usize & (SIG_BITS - 1)
}

/// Whether some multi-word entry's first word starts with `first` and ends with `last`.
#[inline]
pub(crate) fn phrase_sig_has(first: char, last: char) -> bool {
    let s = sig_slot(first, last);
    LEXICON
        .phrase_sig
        .get(s / 64)
        .is_some_and(|w| w & (1 << (s % 64)) != 0)
}

/// Whether some key starts with `first` and ends with `last`.
#[inline]
pub(crate) fn sig_has(first: char, last: char) -> bool {
    let s = sig_slot(first, last);
    LEXICON
        .sig
        .get(s / 64)
        .is_some_and(|w| w & (1 << (s % 64)) != 0)
}

pub(crate) static LEXICON: LazyLock<Lexicon> = LazyLock::new(build);

fn add_phrase(lex: &mut Lexicon, form: &str, kind: PhraseKind) {
    let f = fold(form);
    let mut parts = f.split(' ').map(str::to_string);
    let Some(first) = parts.next() else { return };
    let rest: Vec<String> = parts.collect();
    let v = lex.phrases.entry(first).or_default();
    if !v.iter().any(|(r, k)| *r == rest && *k == kind) {
        v.push((rest, kind));
        v.sort_by_key(|(r, _)| std::cmp::Reverse(r.len()));
    }
}

fn word<'a>(lex: &'a mut Lexicon, form: &str) -> &'a mut WordInfo {
    lex.words.entry(fold(form)).or_default()
}

fn add_month(lex: &mut Lexicon, form: &str, m: u8, ctx: bool) {
    if fold(form).contains(' ') {
        add_phrase(lex, form, PhraseKind::Month(m));
    } else {
        let w = word(lex, form);
        w.month = m;
        if ctx {
            w.flags |= flag::MONTH_CTX;
        }
    }
}

fn parse_unit(s: &str) -> Option<Unit> {
    match s {
        "day" => Some(Unit::Day),
        "week" => Some(Unit::Week),
        "month" => Some(Unit::Month),
        "year" => Some(Unit::Year),
        _ => None,
    }
}

fn build() -> Lexicon {
    let mut lex = Lexicon {
        words: FxMap::default(),
        phrases: FxMap::default(),
        max_key: 0,
        sig: Vec::new(),
        phrase_sig: Vec::new(),
    };
    for &(name, m) in CLDR_MONTHS {
        add_month(&mut lex, name, m, false);
    }
    for &(name, d) in CLDR_DAYS {
        word(&mut lex, name).weekday = d;
    }
    for line in HIJRI_MONTHS.lines().skip(1) {
        let cols: Vec<&str> = line.split('\t').collect();
        let Some(m) = cols.first().and_then(|c| c.trim().parse::<u8>().ok()) else {
            continue;
        };
        let mut forms = vec![cols.get(1).copied().unwrap_or("")];
        forms.extend(cols.get(2).map(|v| v.split('|')).into_iter().flatten());
        for f in forms.into_iter().filter(|f| !f.trim().is_empty()) {
            if fold(f).contains(' ') {
                add_phrase(&mut lex, f, PhraseKind::Hijri(m));
            } else {
                word(&mut lex, f).hijri_month = m;
            }
        }
    }
    for line in DATE_WORDS.lines() {
        if line.starts_with('#') || line.starts_with("form\t") || line.trim().is_empty() {
            continue;
        }
        let cols: Vec<&str> = line.split('\t').collect();
        let (Some(form), Some(role)) = (cols.first(), cols.get(1)) else {
            continue;
        };
        let value = cols.get(2).copied().unwrap_or("").trim();
        let num = value.parse::<i32>().unwrap_or(0);
        let set = |lex: &mut Lexicon, f: u32| word(lex, form).flags |= f;
        match *role {
            "month" => add_month(&mut lex, form, num as u8, false),
            "month_ctx" => add_month(&mut lex, form, num as u8, true),
            "rel_day" => word(&mut lex, form).rel_day = Some(num as i8),
            "day_head" => set(&mut lex, flag::DAY_HEAD),
            "tomorrow" => set(&mut lex, flag::TOMORROW),
            "period" => word(&mut lex, form).period = parse_unit(value),
            "head" => {
                let (u, dual) = match value {
                    "month" => (Unit::Month, false),
                    "month2" => (Unit::Month, true),
                    "year" => (Unit::Year, false),
                    "year2" => (Unit::Year, true),
                    "day2" => (Unit::Day, true),
                    _ => continue,
                };
                word(&mut lex, form).head = Some((u, dual));
            }
            "this" => set(&mut lex, flag::THIS),
            "mod" => {
                word(&mut lex, form).modifier = match value {
                    "past" => Modifier::Past,
                    "next" => Modifier::Next,
                    "current" => Modifier::Current,
                    "blessed" => Modifier::Blessed,
                    _ => Modifier::None,
                }
            }
            "tod" => word(&mut lex, form).tod = 1,
            "after" => set(&mut lex, flag::AFTER),
            "ago" => set(&mut lex, flag::AGO),
            "first" => set(&mut lex, flag::FIRST),
            "unit" => {
                let (u, n) = value.split_once(':').unwrap_or((value, "n"));
                if let Some(u) = parse_unit(u) {
                    word(&mut lex, form).unit = Some((u, n.parse().unwrap_or(0)));
                }
            }
            "cardinal" => word(&mut lex, form).cardinal = num as u8,
            "ordinal" => word(&mut lex, form).ordinal = num as u8,
            "teen" => set(&mut lex, flag::TEEN),
            "tens" => word(&mut lex, form).tens = num as u8,
            "hour" => word(&mut lex, form).hour = num as u8,
            "hour_teen" => set(&mut lex, flag::HOUR_TEEN),
            "clock" => set(&mut lex, flag::CLOCK),
            "ampm" => {
                word(&mut lex, form).ampm = match value {
                    "am" => 1,
                    "pm" => 2,
                    "noon" => 3,
                    _ => 0,
                }
            }
            "of" => set(&mut lex, flag::OF),
            "between" => set(&mut lex, flag::BETWEEN),
            "to" => set(&mut lex, flag::TO),
            "zone_head" => set(&mut lex, flag::ZONE_HEAD),
            "zone_utc" => set(&mut lex, flag::ZONE_UTC),
            "zone_local" => set(&mut lex, flag::ZONE_LOCAL),
            "hijri_mark" => set(&mut lex, flag::HIJRI_MARK),
            "ad_mark" => set(&mut lex, flag::AD_MARK),
            "century" => set(&mut lex, flag::CENTURY),
            "same" => set(&mut lex, flag::SAME),
            "decade" => word(&mut lex, form).decade = num as i16,
            "year_name" => set(&mut lex, flag::YEAR_NAME),
            "amount" => set(&mut lex, flag::AMOUNT),
            "future" => set(&mut lex, flag::FUTURE),
            "future_an" => set(&mut lex, flag::FUTURE_AN),
            "not_future" => set(&mut lex, flag::NOT_FUTURE),
            "day_sense" => set(&mut lex, flag::DAY_SENSE),
            "compare" => set(&mut lex, flag::COMPARE),
            "since" => set(&mut lex, flag::SINCE),
            "duration" => set(&mut lex, flag::DURATION),
            "generic" => set(&mut lex, flag::GENERIC),
            "today_not" => add_phrase(&mut lex, form, PhraseKind::TodayNot),
            _ => {}
        }
    }
    lex.max_key = lex
        .words
        .keys()
        .chain(lex.phrases.keys())
        .map(String::len)
        .max()
        .unwrap_or(0);
    let bitmap = |keys: &mut dyn Iterator<Item = &String>| {
        let mut sig = vec![0u64; SIG_BITS / 64];
        for k in keys {
            if let (Some(a), Some(b)) = (k.chars().next(), k.chars().next_back()) {
                let s = sig_slot(a, b);
                if let Some(w) = sig.get_mut(s / 64) {
                    *w |= 1 << (s % 64);
                }
            }
        }
        sig
    };
    lex.sig = bitmap(&mut lex.words.keys().chain(lex.phrases.keys()));
    lex.phrase_sig = bitmap(&mut lex.phrases.keys());
    lex
}

/// Longest lexicon key in bytes.
#[inline]
pub(crate) fn max_key() -> usize {
    LEXICON.max_key
}

/// The lexicon entry of a folded word, if any.
#[inline]
pub(crate) fn lookup(folded: &str) -> Option<&'static WordInfo> {
    LEXICON.words.get(folded)
}

/// Multi-word entries starting with this folded word.
#[inline]
pub(crate) fn phrases(folded: &str) -> Option<&'static [(Vec<String>, PhraseKind)]> {
    LEXICON.phrases.get(folded).map(Vec::as_slice)
}
