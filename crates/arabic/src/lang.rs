//! Language identification and text direction.
//!
//! [`detect`] decides by **script first**: text whose letters are mostly Arabic script is Arabic
//! unless letters used only by Persian (پ چ ژ گ and the Persian forms ی ک) or only by Urdu
//! (ٹ ڈ ڑ ے ں ہ) outnumber the letters used by Arabic but not by them (ي ك ة ى); so a single
//! word such as "مصر" is Arabic. Hebrew, Greek, Cyrillic and other single-language scripts are
//! decided by script too. Latin-script text is first put to a vote of frequent function words
//! (`data/latin_stopwords.tsv`); only when that vote is not confident does it go to a small
//! statistical model: `lingua` restricted to the languages in [`LATIN_LANGS`] (cargo feature
//! `lingua`, on by default; without it such text gives `None`).
//!
//! [`detect_fast`] is the same without the model: script rule and stopword vote only, `None`
//! when unsure. It costs a hash look-up per word (no model loaded or run), so callers that
//! identify many texts (the flattened-text extractor) should call it first and fall back to
//! [`detect`] only on `None`.

use marsad_model::Dir;

/// A language [`detect`] can return.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum Lang {
    /// Arabic.
    Arabic,
    /// Persian.
    Persian,
    /// Urdu.
    Urdu,
    /// Hebrew.
    Hebrew,
    /// Greek.
    Greek,
    /// English.
    English,
    /// French.
    French,
    /// German.
    German,
    /// Spanish.
    Spanish,
    /// Italian.
    Italian,
    /// Portuguese.
    Portuguese,
    /// Dutch.
    Dutch,
    /// Turkish.
    Turkish,
    /// Indonesian.
    Indonesian,
    /// Russian (Cyrillic with ы э ё, none of Ukrainian's letters).
    Russian,
    /// Ukrainian (Cyrillic with і ї є ґ).
    Ukrainian,
    /// Chinese (Han characters, no kana).
    Chinese,
    /// Japanese (kana, with or without Han characters).
    Japanese,
    /// Korean (Hangul).
    Korean,
    /// Thai.
    Thai,
    /// Hindi (Devanagari).
    Hindi,
}

/// The Latin-script languages the model chooses among.
pub const LATIN_LANGS: &[Lang] = &[
    Lang::English,
    Lang::French,
    Lang::German,
    Lang::Spanish,
    Lang::Italian,
    Lang::Portuguese,
    Lang::Dutch,
    Lang::Turkish,
    Lang::Indonesian,
];

/// Only this many leading bytes are looked at (cut at a character boundary); language does not
/// change after 64 KiB, and the model's cost grows with length.
pub const MAX_SAMPLE_BYTES: usize = 64 * 1024;

impl Lang {
    /// The BCP 47 code ("ar", "en", ...).
    ///
    /// ```
    /// use marsad_arabic::lang::{detect, Lang};
    /// assert_eq!(detect("مصر").map(Lang::code), Some("ar"));
    /// ```
    pub fn code(self) -> &'static str {
        match self {
            Lang::Arabic => "ar",
            Lang::Persian => "fa",
            Lang::Urdu => "ur",
            Lang::Hebrew => "he",
            Lang::Greek => "el",
            Lang::English => "en",
            Lang::French => "fr",
            Lang::German => "de",
            Lang::Spanish => "es",
            Lang::Italian => "it",
            Lang::Portuguese => "pt",
            Lang::Dutch => "nl",
            Lang::Turkish => "tr",
            Lang::Indonesian => "id",
            Lang::Russian => "ru",
            Lang::Ukrainian => "uk",
            Lang::Chinese => "zh",
            Lang::Japanese => "ja",
            Lang::Korean => "ko",
            Lang::Thai => "th",
            Lang::Hindi => "hi",
        }
    }

    /// The language with BCP 47 code `code` (primary subtag, case-insensitive), if supported.
    ///
    /// ```
    /// use marsad_arabic::lang::Lang;
    /// assert_eq!(Lang::from_code("ar-EG"), Some(Lang::Arabic));
    /// ```
    pub fn from_code(code: &str) -> Option<Lang> {
        let primary = code.split(['-', '_']).next().unwrap_or("");
        ALL.iter()
            .copied()
            .find(|l| l.code().eq_ignore_ascii_case(primary))
    }

    /// The writing direction of the language's usual script.
    ///
    /// ```
    /// use marsad_arabic::lang::{detect, Lang};
    /// use marsad_model::Dir;
    /// assert_eq!(detect("القاهرة").map(Lang::dir), Some(Dir::Rtl));
    /// ```
    pub fn dir(self) -> Dir {
        match self {
            Lang::Arabic | Lang::Persian | Lang::Urdu | Lang::Hebrew => Dir::Rtl,
            _ => Dir::Ltr,
        }
    }
}

const ALL: &[Lang] = &[
    Lang::Arabic,
    Lang::Persian,
    Lang::Urdu,
    Lang::Hebrew,
    Lang::Greek,
    Lang::English,
    Lang::French,
    Lang::German,
    Lang::Spanish,
    Lang::Italian,
    Lang::Portuguese,
    Lang::Dutch,
    Lang::Turkish,
    Lang::Indonesian,
    Lang::Russian,
    Lang::Ukrainian,
    Lang::Chinese,
    Lang::Japanese,
    Lang::Korean,
    Lang::Thai,
    Lang::Hindi,
];

#[derive(Debug, Default, Clone, Copy)]
struct Counts {
    arabic_script: usize,
    hebrew: usize,
    greek: usize,
    latin: usize,
    other_rtl: usize,
    other: usize,
    cyrillic: usize,
    /// і ї є ґ: Ukrainian letters Russian does not use.
    ukrainian_marks: usize,
    /// ы э ё: Russian letters Ukrainian and Bulgarian do not use.
    russian_marks: usize,
    /// Han characters (Chinese, and Japanese kanji).
    han: usize,
    /// Hiragana and katakana.
    kana: usize,
    hangul: usize,
    thai: usize,
    devanagari: usize,
    /// ي ك ة ى: Arabic letters Persian and Urdu do not use.
    arabic_only: usize,
    /// پ چ ژ گ ی ک.
    persian_marks: usize,
    /// ٹ ڈ ڑ ے ں ہ.
    urdu_marks: usize,
}

fn sample(text: &str) -> &str {
    if text.len() <= MAX_SAMPLE_BYTES {
        return text;
    }
    let mut end = MAX_SAMPLE_BYTES;
    while !text.is_char_boundary(end) {
        end -= 1;
    }
    &text[..end]
}

fn count(text: &str) -> Counts {
    let mut k = Counts::default();
    for c in sample(text).chars() {
        if c.is_ascii() {
            if c.is_ascii_alphabetic() {
                k.latin += 1;
            }
            continue;
        }
        match c {
            'ي' | 'ك' | 'ة' | 'ى' => {
                k.arabic_only += 1;
                k.arabic_script += 1;
            }
            'پ' | 'چ' | 'ژ' | 'گ' | 'ی' | 'ک' => {
                k.persian_marks += 1;
                k.arabic_script += 1;
            }
            'ٹ' | 'ڈ' | 'ڑ' | 'ے' | 'ں' | 'ہ' => {
                k.urdu_marks += 1;
                k.arabic_script += 1;
            }
            '\u{0620}'..='\u{064A}'
            | '\u{066E}'..='\u{06D3}'
            | '\u{06D5}'
            | '\u{06EE}'..='\u{06FF}'
            | '\u{0750}'..='\u{077F}'
            | '\u{08A0}'..='\u{08C9}'
            | '\u{FB50}'..='\u{FDFF}'
            | '\u{FE70}'..='\u{FEFC}' => k.arabic_script += 1,
            '\u{05D0}'..='\u{05EA}' | '\u{FB1D}'..='\u{FB4F}' => k.hebrew += 1,
            '\u{0370}'..='\u{03FF}' | '\u{1F00}'..='\u{1FFF}' if c.is_alphabetic() => k.greek += 1,
            '\u{00C0}'..='\u{024F}' | '\u{1E00}'..='\u{1EFF}' if c.is_alphabetic() => k.latin += 1,
            '\u{0700}'..='\u{074F}' | '\u{0780}'..='\u{07BF}' | '\u{07C0}'..='\u{07FF}' => {
                k.other_rtl += 1
            }
            'і' | 'ї' | 'є' | 'ґ' | 'І' | 'Ї' | 'Є' | 'Ґ' => {
                k.ukrainian_marks += 1;
                k.cyrillic += 1;
            }
            'ы' | 'э' | 'ё' | 'Ы' | 'Э' | 'Ё' => {
                k.russian_marks += 1;
                k.cyrillic += 1;
            }
            '\u{0400}'..='\u{04FF}' if c.is_alphabetic() => k.cyrillic += 1,
            '\u{3040}'..='\u{30FF}' => k.kana += 1,
            '\u{4E00}'..='\u{9FFF}' | '\u{3400}'..='\u{4DBF}' => k.han += 1,
            '\u{AC00}'..='\u{D7AF}' | '\u{1100}'..='\u{11FF}' => k.hangul += 1,
            '\u{0E00}'..='\u{0E7F}' if c.is_alphabetic() => k.thai += 1,
            '\u{0900}'..='\u{097F}' if c.is_alphabetic() => k.devanagari += 1,
            _ if c.is_alphabetic() => k.other += 1,
            _ => {}
        }
    }
    k
}

/// What the script rule decides.
enum Script {
    /// Decided by script (`None`: no letters, or a script no language here covers).
    Decided(Option<Lang>),
    /// Latin letters are the majority: a word-level method must decide.
    Latin,
}

fn by_script(k: &Counts) -> Script {
    // (Japanese text mixes kana with Han characters: both count for it.)
    let cjk = k.han + k.kana;
    let max = k
        .arabic_script
        .max(k.hebrew)
        .max(k.greek)
        .max(k.latin)
        .max(k.other_rtl)
        .max(k.other)
        .max(k.cyrillic)
        .max(cjk)
        .max(k.hangul)
        .max(k.thai)
        .max(k.devanagari);
    if max == 0 {
        return Script::Decided(None);
    }
    if k.arabic_script == max {
        return Script::Decided(Some(if k.urdu_marks > k.arabic_only && k.urdu_marks > 0 {
            Lang::Urdu
        } else if k.persian_marks > k.arabic_only {
            Lang::Persian
        } else {
            Lang::Arabic
        }));
    }
    // Scripts of one language here.
    for (n, lang) in [
        (k.hebrew, Lang::Hebrew),
        (k.greek, Lang::Greek),
        (k.hangul, Lang::Korean),
        (k.thai, Lang::Thai),
        (k.devanagari, Lang::Hindi),
    ] {
        if n == max {
            return Script::Decided(Some(lang));
        }
    }
    if k.latin == max {
        return Script::Latin;
    }
    if k.cyrillic == max {
        // Cyrillic is written by several languages: only their own letters tell them apart
        // (a Bulgarian or a Serbian text, or a short Russian one, stays undecided).
        return Script::Decided(match (k.russian_marks > 0, k.ukrainian_marks > 0) {
            (true, false) => Some(Lang::Russian),
            (false, true) => Some(Lang::Ukrainian),
            _ => None,
        });
    }
    if cjk == max {
        // A Japanese text writes its particles in kana; a Chinese one has none.
        return Script::Decided(Some(if k.kana * 10 >= cjk {
            Lang::Japanese
        } else {
            Lang::Chinese
        }));
    }
    Script::Decided(None)
}

/// Identifies the language of `text`: by script for Arabic-script (Arabic, Persian, Urdu),
/// Hebrew, Greek, Cyrillic (Russian, Ukrainian), Han and kana (Chinese, Japanese), Hangul,
/// Thai and Devanagari (Hindi) text; Latin-script text first by the stopword vote of [`detect_fast`] and,
/// when that is not confident, by a small model. `None` when there are no letters, the script is
/// not covered, or the model cannot tell.
///
/// ```
/// use marsad_arabic::lang::{detect, Lang};
/// assert_eq!(detect("مصر"), Some(Lang::Arabic));
/// assert_eq!(detect("قال الرئيس المصري إن المفاوضات مستمرة"), Some(Lang::Arabic));
/// assert_eq!(detect("این یک کتاب است"), Some(Lang::Persian));
/// assert_eq!(detect("یہ ایک کتاب ہے"), Some(Lang::Urdu));
/// assert_eq!(detect("١٢٣ - ..."), None);
/// // Other scripts by their letters.
/// assert_eq!(detect("北京举行国际书展").map(Lang::code), Some("zh"));
/// assert_eq!(detect("東京で国際ブックフェアが開かれた").map(Lang::code), Some("ja"));
/// assert_eq!(detect("서울에서 국제 도서전이 열렸다").map(Lang::code), Some("ko"));
/// assert_eq!(detect("В Москве открылась книжная ярмарка").map(Lang::code), Some("ru"));
/// assert_eq!(detect("У Києві відкрився книжковий ярмарок").map(Lang::code), Some("uk"));
/// ```
pub fn detect(text: &str) -> Option<Lang> {
    match by_script(&count(text)) {
        Script::Decided(l) => l,
        Script::Latin => {
            let s = sample(text);
            stopword_vote(s).or_else(|| detect_latin(s))
        }
    }
}

/// Fast language identification without the statistical model: the script rule of [`detect`],
/// then, for Latin-script text, a vote of frequent function words (`data/latin_stopwords.tsv`,
/// the languages of [`LATIN_LANGS`]) over at most [`FAST_SAMPLE_WORDS`] words. Returns `None`
/// when the vote is not confident (fewer than [`FAST_MIN_VOTES`] votes for the winner, or less
/// than [`FAST_MARGIN`] times the runner-up's) — short Latin strings such as a headline of
/// names — so callers that need an answer there fall back to [`detect`]. Where it answers it
/// agrees with [`detect`] (which tries this vote before its model), at a small fraction of the
/// cost: no model is loaded or run.
///
/// ```
/// use marsad_arabic::lang::{detect_fast, Lang};
/// assert_eq!(detect_fast("مصر"), Some(Lang::Arabic));
/// assert_eq!(detect_fast("قالت وكالة رويترز إن الاجتماع سيعقد في Geneva"), Some(Lang::Arabic));
/// assert_eq!(
///     detect_fast("The president said that the talks would continue in the spring."),
///     Some(Lang::English)
/// );
/// assert_eq!(
///     detect_fast("Le président a déclaré que les négociations continueraient dans la ville."),
///     Some(Lang::French)
/// );
/// assert_eq!(detect_fast("Reuters"), None); // not enough evidence without the model
/// ```
pub fn detect_fast(text: &str) -> Option<Lang> {
    match by_script(&count(text)) {
        Script::Decided(l) => l,
        Script::Latin => stopword_vote(sample(text)),
    }
}

/// At most this many words are read by the stopword vote of [`detect_fast`].
pub const FAST_SAMPLE_WORDS: usize = 400;
/// Fewest (fractional) stopword votes the winner of [`detect_fast`]'s vote needs.
pub const FAST_MIN_VOTES: f32 = 2.0;
/// How many times the runner-up's votes the winner needs.
pub const FAST_MARGIN: f32 = 2.0;
/// Longest word (bytes) the vote looks up; longer words are not function words.
const FAST_MAX_WORD: usize = 16;

/// Function word → bit set of the [`LATIN_LANGS`] listing it.
static LATIN_STOPWORDS: std::sync::LazyLock<std::collections::HashMap<&'static str, u16>> =
    std::sync::LazyLock::new(|| {
        let mut m: std::collections::HashMap<&'static str, u16> = std::collections::HashMap::new();
        for line in include_str!("../data/latin_stopwords.tsv").lines() {
            if line.starts_with('#') {
                continue;
            }
            let Some((code, word)) = line.split_once('\t') else {
                continue;
            };
            let Some(i) =
                Lang::from_code(code).and_then(|l| LATIN_LANGS.iter().position(|x| *x == l))
            else {
                continue;
            };
            *m.entry(word.trim()).or_insert(0) |= 1 << i;
        }
        m
    });

/// The stopword vote of [`detect_fast`] over Latin-script `text`.
fn stopword_vote(text: &str) -> Option<Lang> {
    let table = &*LATIN_STOPWORDS;
    let mut votes = [0f32; LATIN_LANGS.len()];
    let mut lower = String::new();
    for w in text
        .split(|c: char| !c.is_alphabetic())
        .filter(|w| !w.is_empty())
        .take(FAST_SAMPLE_WORDS)
    {
        if w.len() > FAST_MAX_WORD {
            continue;
        }
        let key = if w.chars().any(char::is_uppercase) {
            lower.clear();
            lower.extend(w.chars().flat_map(char::to_lowercase));
            lower.as_str()
        } else {
            w
        };
        let Some(&mask) = table.get(key) else {
            continue;
        };
        let share = 1.0 / mask.count_ones() as f32;
        for (i, v) in votes.iter_mut().enumerate() {
            if mask & (1 << i) != 0 {
                *v += share;
            }
        }
    }
    let (best, &top) = votes.iter().enumerate().max_by(|a, b| a.1.total_cmp(b.1))?;
    let second = votes
        .iter()
        .enumerate()
        .filter(|(i, _)| *i != best)
        .map(|(_, v)| *v)
        .fold(0f32, f32::max);
    if top >= FAST_MIN_VOTES && top >= FAST_MARGIN * second {
        LATIN_LANGS.get(best).copied()
    } else {
        None
    }
}

/// [`detect`] on raw bytes: invalid UTF-8 gives an error, never a panic.
///
/// ```
/// use marsad_arabic::lang::{detect_bytes, Lang};
/// assert_eq!(detect_bytes("مصر".as_bytes()), Ok(Some(Lang::Arabic)));
/// assert!(detect_bytes(b"\xff").is_err());
/// ```
pub fn detect_bytes(bytes: &[u8]) -> Result<Option<Lang>, crate::normalize::NormalizeError> {
    Ok(detect(crate::normalize::str_from_bytes(bytes)?))
}

#[cfg(feature = "lingua")]
fn detect_latin(text: &str) -> Option<Lang> {
    use lingua::{Language, LanguageDetector, LanguageDetectorBuilder};
    use std::sync::LazyLock;
    static DETECTOR: LazyLock<LanguageDetector> = LazyLock::new(|| {
        LanguageDetectorBuilder::from_languages(&[
            Language::English,
            Language::French,
            Language::German,
            Language::Spanish,
            Language::Italian,
            Language::Portuguese,
            Language::Dutch,
            Language::Turkish,
            Language::Indonesian,
        ])
        .build()
    });
    Some(match DETECTOR.detect_language_of(text)? {
        Language::English => Lang::English,
        Language::French => Lang::French,
        Language::German => Lang::German,
        Language::Spanish => Lang::Spanish,
        Language::Italian => Lang::Italian,
        Language::Portuguese => Lang::Portuguese,
        Language::Dutch => Lang::Dutch,
        Language::Turkish => Lang::Turkish,
        Language::Indonesian => Lang::Indonesian,
        // Reachable only if another crate enables more lingua languages (feature unification).
        #[allow(unreachable_patterns)]
        _ => return None,
    })
}

#[cfg(not(feature = "lingua"))]
fn detect_latin(_text: &str) -> Option<Lang> {
    None
}

/// The direction of the script most of the letters of `text` are in: right-to-left for
/// Arabic, Hebrew, Syriac, Thaana and N'Ko script majority, left-to-right for other letters;
/// `None` when there are no letters.
///
/// ```
/// use marsad_arabic::lang::dir_of;
/// use marsad_model::Dir;
/// assert_eq!(dir_of("مصر"), Some(Dir::Rtl));
/// assert_eq!(dir_of("قالت CNN إن"), Some(Dir::Rtl));
/// assert_eq!(dir_of("Reuters"), Some(Dir::Ltr));
/// assert_eq!(dir_of("2020 - ١٢"), None);
/// ```
pub fn dir_of(text: &str) -> Option<Dir> {
    let k = count(text);
    let rtl = k.arabic_script + k.hebrew + k.other_rtl;
    let ltr = k.latin
        + k.greek
        + k.other
        + k.cyrillic
        + k.han
        + k.kana
        + k.hangul
        + k.thai
        + k.devanagari;
    if rtl == 0 && ltr == 0 {
        None
    } else if rtl >= ltr {
        Some(Dir::Rtl)
    } else {
        Some(Dir::Ltr)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn scripts() {
        assert_eq!(detect("שלום עולם"), Some(Lang::Hebrew));
        assert_eq!(detect("Καλημέρα κόσμε"), Some(Lang::Greek));
        assert_eq!(detect(""), None);
        assert_eq!(detect("\u{064E}\u{0651}"), None);
        assert_eq!(detect("Привет"), None); // no letter only Russian uses
        assert_eq!(detect("Системата не може да изпълни операцията"), None); // Bulgarian
        assert_eq!(dir_of("北京"), Some(Dir::Ltr));
        assert_eq!(dir_of(""), None);
        assert_eq!(dir_of("שלום"), Some(Dir::Rtl));
    }

    #[test]
    fn arabic_with_a_persian_letter_stays_arabic() {
        // A foreign name spelled with گ inside Arabic text.
        assert_eq!(detect("لاعب ريال مدريد گاريث بيل"), Some(Lang::Arabic));
    }

    #[test]
    fn huge_input_is_sampled() {
        let s = "مصر ".repeat(300_000);
        assert_eq!(detect(&s), Some(Lang::Arabic));
        let s = format!("a{}", "é".repeat(100_000));
        let _ = detect(&s);
    }

    #[cfg(feature = "lingua")]
    #[test]
    fn latin() {
        assert_eq!(
            detect("The president said the talks would continue next week."),
            Some(Lang::English)
        );
        assert_eq!(
            detect("Le président a déclaré que les négociations continueraient."),
            Some(Lang::French)
        );
    }
}
