//! Chrome and teaser phrases ("اقرأ أيضاً", "حجم الخط", "Read more", share/follow words).
//!
//! The list is data: `data/readmore_phrases.tsv` (columns `phrase`, `lang`, `marks`, `match`,
//! `ant_lines`, `notes`), parsed once. Each phrase has a [`Mark`] (what kind of chrome it
//! announces) and a [`MatchKind`]:
//!
//! - `prefix`: the line starts with the phrase (at a word boundary); a headline may follow;
//! - `prefix_punct`: like `prefix`, but only when punctuation (`:` `..` `-` `|` `،` `,` …) or
//!   the end of the line follows (bare "اقرأ" or "للمزيد" also start ordinary sentences);
//! - `prefix_label`: like `prefix_punct`, but not after a comma ("Czytaj także, co…" runs on
//!   as a sentence);
//! - `line`: the whole line is the phrase (surrounding punctuation such as `:` allowed);
//! - `contains`: the phrase occurs anywhere in the line.
//!
//! Matching is on a folded form (alef forms → ا, ى → ي, ة → ه, harakat and tatweel removed,
//! bidi marks removed, all spaces → one space, lower case), so "اقرأ أيضاً" also matches
//! "اقرا ايضا". [`match_line`] returns where the rest of the line (the teaser headline) starts,
//! as a byte offset into the original line.
//!
//! ```
//! use marsad_arabic::phrases::{match_line, Mark, MatchKind};
//! let line = "اقرأ أيضاً:\u{a0}الفقر سلاح روسيا لتجنيد أبناء ريف دمشق";
//! let m = match_line(line).unwrap();
//! assert_eq!(m.mark, Mark::Related);
//! assert_eq!(m.kind, MatchKind::Prefix);
//! assert!(line[m.rest..].starts_with("الفقر"));
//! assert_eq!(match_line("حجم الخط").unwrap().mark, Mark::Font);
//! assert!(match_line("للمزيد سألنا الدكتور عن الأمر").is_none());
//! ```

use std::collections::HashMap;
use std::hash::{BuildHasherDefault, Hasher};
use std::sync::LazyLock;

/// The phrase table, as shipped.
const PHRASES_TSV: &str = include_str!("../data/readmore_phrases.tsv");

/// Lines longer than this (bytes) are only checked for `prefix` phrases: a whole-line phrase
/// or a footer notice is short.
pub const MAX_LINE_MATCH_BYTES: usize = 240;

/// How many characters of a line are folded to look for a prefix.
const PREFIX_CHARS: usize = 64;

/// What kind of chrome a phrase announces.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Mark {
    /// A related-story teaser or its label ("اقرأ أيضاً", "Related").
    Related,
    /// Share / follow / subscribe widgets.
    Share,
    /// Font-size controls.
    Font,
    /// Navigation, menus, tag lists, image-credit labels.
    Nav,
    /// Live / breaking banners, update labels.
    Live,
    /// Advertising.
    Ad,
    /// Interface words and icons.
    Ui,
    /// Legal, cookie and copyright notices.
    Boilerplate,
}

impl Mark {
    fn parse(s: &str) -> Option<Mark> {
        Some(match s {
            "related" => Mark::Related,
            "share" => Mark::Share,
            "font" => Mark::Font,
            "nav" => Mark::Nav,
            "live" => Mark::Live,
            "ad" => Mark::Ad,
            "ui" => Mark::Ui,
            "boilerplate" => Mark::Boilerplate,
            _ => return None,
        })
    }
}

/// How a phrase must sit in a line to match.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum MatchKind {
    /// The line starts with the phrase.
    Prefix,
    /// The line starts with the phrase followed by punctuation or its end.
    PrefixPunct,
    /// As [`MatchKind::PrefixPunct`], but a comma after the phrase does not count: a label set
    /// apart by a colon or a dash ("Czytaj także: …"), not the opening of a sentence
    /// ("Czytaj także, co o tym myślą eksperci").
    PrefixLabel,
    /// The whole line is the phrase.
    Line,
    /// The phrase is somewhere in the line.
    Contains,
}

impl MatchKind {
    fn parse(s: &str) -> Option<MatchKind> {
        Some(match s {
            "prefix" => MatchKind::Prefix,
            "prefix_punct" => MatchKind::PrefixPunct,
            "prefix_label" => MatchKind::PrefixLabel,
            "line" => MatchKind::Line,
            "contains" => MatchKind::Contains,
            _ => return None,
        })
    }
}

/// One row of the phrase table.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Phrase {
    /// The phrase as written in the table.
    pub phrase: String,
    /// Its language (`ar`, `en`, `fr`, `es`, `de`, `pt`).
    pub lang: String,
    /// What it announces.
    pub mark: Mark,
    /// How it must sit in a line.
    pub kind: MatchKind,
    /// The folded form used for matching.
    folded: String,
}

/// A phrase found in a line.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct PhraseMatch {
    /// What it announces.
    pub mark: Mark,
    /// How it matched (`Prefix` also for `prefix_punct` and `prefix_label` rows).
    pub kind: MatchKind,
    /// Index of the phrase in [`phrases`].
    pub index: usize,
    /// Byte offset in the line where the text after the phrase (and after the punctuation and
    /// spaces that follow it) starts; the line's length when nothing follows.
    pub rest: usize,
}

/// FNV-1a, a fast and stable hasher for short keys such as folded words and phrases (looked up
/// once or twice per line). Not resistant to crafted collisions: use it for keys from our own
/// word lists, or where a collision only costs time on a bounded input.
///
/// ```
/// use std::collections::HashSet;
/// use marsad_arabic::phrases::{fold, FnvBuild};
/// let mut seen: HashSet<String, FnvBuild> = HashSet::default();
/// seen.insert(fold("اقرأ أيضاً"));
/// assert!(seen.contains(&fold("اقرا ايضا")));
/// ```
#[derive(Default, Clone, Copy)]
pub struct Fnv(u64);

impl Hasher for Fnv {
    fn finish(&self) -> u64 {
        self.0
    }
    fn write(&mut self, bytes: &[u8]) {
        let mut h = if self.0 == 0 {
            0xcbf2_9ce4_8422_2325
        } else {
            self.0
        };
        for &b in bytes {
            h ^= u64::from(b);
            h = h.wrapping_mul(0x0000_0100_0000_01b3);
        }
        self.0 = h;
    }
}

/// Builds [`Fnv`] hashers (for `HashMap`/`HashSet`).
pub type FnvBuild = BuildHasherDefault<Fnv>;

type FnvMap<K, V> = HashMap<K, V, FnvBuild>;

struct Table {
    rows: Vec<Phrase>,
    /// Folded whole-line phrase → row (for `line` rows, and prefix rows standing alone).
    whole: FnvMap<String, usize>,
    /// First folded word → prefix rows starting with it.
    by_first_word: FnvMap<String, Vec<usize>>,
    /// `contains` rows.
    contains: Vec<usize>,
    /// Longest key of `whole` (bytes): a longer folded line cannot match whole.
    max_whole: usize,
    /// The first words of phrases: keys of `by_first_word` ([`PREFIX_FIRST`]) and first words
    /// of the keys of `whole` without trailing punctuation ([`WHOLE_FIRST`]; a line whose core
    /// starts with another word cannot match whole). One look-up tells both.
    first_words: FnvMap<Box<[u8]>, u8>,
    /// `contains` rows whose folded phrase is ASCII (the only ones an ASCII line can hold),
    /// each with its rarest byte ([`rare_byte`]).
    contains_ascii: Vec<(usize, Option<u8>)>,
    /// All `contains` rows with their rarest byte (for a line with characters beyond ASCII
    /// that fold to themselves: [`folds_bytewise`]).
    contains_all: Vec<(usize, Option<u8>)>,
    /// Longest key of `first_words` (bytes).
    max_first: usize,
    /// For each byte, the lengths of the keys of `first_words` that start with it: bit `n` for
    /// a key of `n` bytes (bit 63 for 63 bytes or more). Most words are turned away by it
    /// without being hashed ([`Table::first_word_flags`]).
    first_lens: [u64; 256],
}

/// The bit of [`Table::first_lens`] for a key of `len` bytes.
fn len_bit(len: usize) -> u64 {
    1 << len.min(63)
}

impl Table {
    /// The [`Table::first_words`] flags of `w` (in lower case), 0 when it is no key.
    fn first_word_flags(&self, w: &[u8]) -> u8 {
        match w.first() {
            Some(&b) if self.first_lens[usize::from(b)] & len_bit(w.len()) == 0 => 0,
            _ => self.first_words.get(w).copied().unwrap_or(0),
        }
    }
}

/// A word of [`Table::first_words`] is the first word of a prefix phrase.
const PREFIX_FIRST: u8 = 1;
/// A word of [`Table::first_words`] is the first word of a whole-line phrase.
const WHOLE_FIRST: u8 = 2;

static TABLE: LazyLock<Table> = LazyLock::new(|| build(PHRASES_TSV));

fn build(tsv: &str) -> Table {
    let mut rows = Vec::new();
    for (i, line) in tsv.lines().enumerate() {
        if i == 0 || line.trim().is_empty() || line.starts_with('#') {
            continue;
        }
        let cols: Vec<&str> = line.split('\t').collect();
        let (Some(phrase), Some(lang), Some(marks), Some(kind)) =
            (cols.first(), cols.get(1), cols.get(2), cols.get(3))
        else {
            continue;
        };
        let (Some(mark), Some(kind)) = (Mark::parse(marks.trim()), MatchKind::parse(kind.trim()))
        else {
            continue;
        };
        let folded = fold(phrase);
        if folded.is_empty() {
            continue;
        }
        rows.push(Phrase {
            phrase: phrase.trim().to_string(),
            lang: lang.trim().to_string(),
            mark,
            kind,
            folded,
        });
    }
    let mut whole: FnvMap<String, usize> = FnvMap::default();
    let mut by_first_word: FnvMap<String, Vec<usize>> = FnvMap::default();
    let mut contains = Vec::new();
    for (i, r) in rows.iter().enumerate() {
        match r.kind {
            MatchKind::Line => {
                whole.insert(trim_punct(&r.folded).to_string(), i);
            }
            MatchKind::Prefix | MatchKind::PrefixPunct | MatchKind::PrefixLabel => {
                whole.entry(trim_punct(&r.folded).to_string()).or_insert(i);
                by_first_word
                    .entry(first_word(&r.folded).to_string())
                    .or_default()
                    .push(i);
            }
            MatchKind::Contains => contains.push(i),
        }
    }
    // Longer prefixes first, so "اقرأ أيضا" wins over "اقرأ".
    for v in by_first_word.values_mut() {
        v.sort_by_key(|&i| std::cmp::Reverse(rows[i].folded.len()));
    }
    let max_whole = whole.keys().map(String::len).max().unwrap_or(0);
    let mut first_words: FnvMap<Box<[u8]>, u8> = FnvMap::default();
    for k in by_first_word.keys() {
        *first_words.entry(k.as_bytes().into()).or_default() |= PREFIX_FIRST;
    }
    for k in whole.keys() {
        let w = k.split(' ').next().unwrap_or("");
        let w = w.trim_end_matches(is_separator_punct).as_bytes();
        *first_words.entry(w.into()).or_default() |= WHOLE_FIRST;
    }
    let contains_all: Vec<(usize, Option<u8>)> = contains
        .iter()
        .map(|&i| (i, rare_byte(rows[i].folded.as_bytes())))
        .collect();
    let contains_ascii = contains_all
        .iter()
        .copied()
        .filter(|&(i, _)| rows[i].folded.is_ascii())
        .collect();
    let max_first = first_words.keys().map(|k| k.len()).max().unwrap_or(0);
    let mut first_lens = [0u64; 256];
    for k in first_words.keys() {
        if let Some(&b) = k.first() {
            first_lens[usize::from(b)] |= len_bit(k.len());
        }
    }
    Table {
        rows,
        whole,
        by_first_word,
        contains,
        max_whole,
        first_words,
        contains_ascii,
        contains_all,
        max_first,
        first_lens,
    }
}

/// The phrase table (rows in file order).
///
/// ```
/// use marsad_arabic::phrases::{phrases, Mark};
/// assert!(phrases().iter().any(|p| p.phrase == "حجم الخط" && p.mark == Mark::Font));
/// ```
pub fn phrases() -> &'static [Phrase] {
    &TABLE.rows
}

/// Punctuation that may separate a prefix phrase from its headline or surround a whole-line
/// phrase.
///
/// ```
/// use marsad_arabic::phrases::is_separator_punct;
/// // "اقرأ أيضاً: عنوان" — the colon (and the Arabic comma) set the phrase apart.
/// assert!(is_separator_punct(':'));
/// assert!(is_separator_punct('،'));
/// assert!(!is_separator_punct('ا'));
/// ```
pub fn is_separator_punct(c: char) -> bool {
    matches!(
        c,
        ':' | '.'
            | '…'
            | '|'
            | '-'
            | '–'
            | '—'
            | '،'
            | ','
            | '؛'
            | ';'
            | '>'
            | '<'
            | '»'
            | '«'
            | '/'
            | '\\'
            | '*'
            | '•'
            | '·'
            | '!'
            | '؟'
            | '?'
            | '('
            | ')'
            | '['
            | ']'
            | '"'
            | '\''
            | '“'
            | '”'
            | '→'
            | '←'
            | '▶'
            | '◀'
            | '#'
            // The full-width colon and the CJK brackets around a label ("相关阅读：",
            // "【関連記事】").
            | '：'
            | '【'
            | '】'
            | '「'
            | '」'
    )
}

fn trim_punct(s: &str) -> &str {
    s.trim_matches(|c: char| c == ' ' || is_separator_punct(c))
}

fn first_word(folded: &str) -> &str {
    let tok = folded.split(' ').next().unwrap_or("");
    let t = tok.trim_end_matches(is_separator_punct);
    if t.is_empty() { tok } else { t }
}

/// Folds one character for matching: `None` drops it, `Some(' ')` is a space.
fn fold_char(c: char, out: &mut impl FnMut(char)) {
    match c {
        '\u{064B}'..='\u{065F}'
        | '\u{0670}'
        | '\u{0610}'..='\u{061A}'
        | '\u{06D6}'..='\u{06ED}' => {}
        '\u{0640}' => {}
        '\u{200B}'..='\u{200F}'
        | '\u{202A}'..='\u{202E}'
        | '\u{2066}'..='\u{2069}'
        | '\u{061C}'
        | '\u{FEFF}'
        | '\u{00AD}'
        | '\u{2060}' => {}
        // The dot of Turkish "İ", which lowercases to "i" and this combining dot: "İLGİLİ"
        // folds as "ilgili".
        '\u{0307}' => {}
        'أ' | 'إ' | 'آ' | 'ٱ' | 'ٲ' | 'ٳ' => out('ا'),
        'ى' | 'ی' => out('ي'),
        'ة' => out('ه'),
        'ک' => out('ك'),
        c if c.is_whitespace() => out(' '),
        c if c.is_ascii() => out(c.to_ascii_lowercase()),
        c => {
            for l in c.to_lowercase().filter(|&l| l != '\u{0307}') {
                out(l)
            }
        }
    }
}

/// The folded (matching) form of a phrase or line: alef forms → ا, ى → ي, ة → ه, harakat,
/// tatweel and bidi marks removed, every run of spaces → one space, trimmed, lower case.
///
/// ```
/// use marsad_arabic::phrases::fold;
/// assert_eq!(fold(" اقرأ  أيضاً "), "اقرا ايضا");
/// assert_eq!(fold("Read\u{a0}More"), "read more");
/// ```
pub fn fold(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    fold_into(s, usize::MAX, &mut out);
    out
}

/// [`fold`] into a caller's buffer (cleared first), so a loop over many words allocates once.
///
/// ```
/// use marsad_arabic::phrases::fold_to;
/// let mut buf = String::new();
/// fold_to("أيضاً", &mut buf);
/// assert_eq!(buf, "ايضا");
/// fold_to(" Read\u{a0}More ", &mut buf);
/// assert_eq!(buf, "read more");
/// ```
pub fn fold_to(s: &str, out: &mut String) {
    fold_into(s, usize::MAX, out);
}

/// FNV-1a offset basis (as [`Fnv`] starts).
const FNV_OFFSET: u64 = 0xcbf2_9ce4_8422_2325;
/// FNV-1a prime.
const FNV_PRIME: u64 = 0x0000_0100_0000_01b3;

/// One FNV-1a step over the UTF-8 bytes of `c`.
#[inline]
fn fnv_char(mut h: u64, c: char) -> u64 {
    let mut b = [0u8; 4];
    for &x in c.encode_utf8(&mut b).as_bytes() {
        h ^= u64::from(x);
        h = h.wrapping_mul(FNV_PRIME);
    }
    h
}

/// The [`Fnv`] hash of `fold(s)`, computed as the fold is made (no string is built): the same
/// value as hashing [`fold`]'s output with [`FnvBuild`].
///
/// ```
/// use std::hash::{BuildHasher, Hasher};
/// use marsad_arabic::phrases::{fold, fold_hash, FnvBuild};
/// let mut h = FnvBuild::default().build_hasher();
/// h.write(fold(" اقرأ  أيضاً ").as_bytes());
/// assert_eq!(fold_hash(" اقرأ  أيضاً "), h.finish());
/// ```
pub fn fold_hash(s: &str) -> u64 {
    let mut h = FNV_OFFSET;
    let mut started = false;
    let mut space = false;
    for c in s.chars() {
        if c.is_ascii_graphic() {
            if space {
                h = fnv_char(h, ' ');
                space = false;
            }
            h = fnv_char(h, c.to_ascii_lowercase());
            started = true;
            continue;
        }
        fold_char(c, &mut |f| {
            if f == ' ' {
                space = started;
            } else {
                if space {
                    h = fnv_char(h, ' ');
                    space = false;
                }
                h = fnv_char(h, f);
                started = true;
            }
        });
    }
    h
}

/// The [`fold_hash`] of the first word of `fold(s)` (up to its first space; the whole fold
/// when it has none), reading `s` only as far as that word: a set of folded phrases can turn
/// most lines away by their first word without hashing the rest.
///
/// ```
/// use marsad_arabic::phrases::{fold_first_word_hash, fold_hash};
/// assert_eq!(fold_first_word_hash("  Related\u{a0}Articles"), fold_hash("related"));
/// assert_eq!(fold_first_word_hash("اقرأ أيضاً"), fold_hash("اقرا"));
/// assert_eq!(fold_first_word_hash(""), fold_hash(""));
/// ```
pub fn fold_first_word_hash(s: &str) -> u64 {
    let mut h = FNV_OFFSET;
    let mut started = false;
    let mut done = false;
    for c in s.chars() {
        if c.is_ascii_graphic() {
            h = fnv_char(h, c.to_ascii_lowercase());
            started = true;
            continue;
        }
        fold_char(c, &mut |f| {
            if f == ' ' {
                done = started;
            } else if !done {
                h = fnv_char(h, f);
                started = true;
            }
        });
        if done {
            break;
        }
    }
    h
}

/// Calls `found` with the [`fold_hash`] of every word of `s` (a maximal run of alphanumeric
/// characters, as `s.split(|c: char| !c.is_alphanumeric())` gives them) that has at least
/// `min_chars` characters; one pass, no string built per word.
///
/// ```
/// use marsad_arabic::phrases::{fold_hash, fold_word_hashes};
/// let mut v = Vec::new();
/// fold_word_hashes("قال الوزير، في بيان: «نعم»", 3, |h| v.push(h));
/// assert_eq!(v, [fold_hash("قال"), fold_hash("الوزير"), fold_hash("بيان"), fold_hash("نعم")]);
/// ```
pub fn fold_word_hashes(s: &str, min_chars: usize, mut found: impl FnMut(u64)) {
    let bytes = s.as_bytes();
    let mut h = FNV_OFFSET;
    let mut n = 0usize;
    let mut i = 0usize;
    while let Some(&b) = bytes.get(i) {
        if let Some(&low) = ASCII_WORD.get(usize::from(b)) {
            // An ASCII byte: a letter or digit is hashed in lower case, anything else ends
            // the word.
            i += 1;
            if low != 0 {
                h = (h ^ u64::from(low)).wrapping_mul(FNV_PRIME);
                n += 1;
                continue;
            }
        } else {
            // `i` is a char boundary: it follows an ASCII byte or a whole character.
            let Some(c) = s.get(i..).and_then(|r| r.chars().next()) else {
                break;
            };
            i += c.len_utf8();
            // (General punctuation, ’ “ ” – — …, is no letter or digit: told without the
            // Unicode tables.)
            if !GENERAL_PUNCT.contains(&c) && c.is_alphanumeric() {
                // An alphanumeric character is not whitespace: its fold is a run of
                // characters without spaces (or nothing), hashed in place.
                fold_char(c, &mut |f| h = fnv_char(h, f));
                n += 1;
                continue;
            }
        }
        if n >= min_chars {
            found(h);
        }
        h = FNV_OFFSET;
        n = 0;
    }
    if n >= min_chars {
        found(h);
    }
}

/// Dashes, quotes, bullets and the ellipsis of Unicode's General Punctuation block: no letter,
/// digit or space among them.
const GENERAL_PUNCT: std::ops::RangeInclusive<char> = '\u{2010}'..='\u{2027}';

/// For each ASCII byte, its fold when it belongs to a word (a letter or digit, lower-cased),
/// else 0 (a separator).
static ASCII_WORD: [u8; 128] = {
    let mut t = [0u8; 128];
    let mut i = 0;
    while i < 128 {
        let b = i as u8;
        if b.is_ascii_alphanumeric() {
            t[i] = b.to_ascii_lowercase();
        }
        i += 1;
    }
    t
};

/// Folds `line` into `out` (cleared first), stopping after `max_chars` characters of `line`.
/// ASCII characters are read as bytes (whitespace, or lowered); everything else goes through
/// [`fold_char`].
fn fold_into(line: &str, max_chars: usize, out: &mut String) {
    out.clear();
    let bytes = line.as_bytes();
    let mut space = false;
    let mut n = 0usize;
    let mut i = 0usize;
    while n < max_chars
        && let Some(&b) = bytes.get(i)
    {
        n += 1;
        if b.is_ascii() {
            // An ASCII character, read as its byte: whitespace, or itself in lower case.
            i += 1;
            if is_ascii_space(b) {
                space = !out.is_empty();
            } else {
                if space {
                    out.push(' ');
                    space = false;
                }
                out.push(char::from(b.to_ascii_lowercase()));
            }
            continue;
        }
        let Some(c) = line.get(i..).and_then(|r| r.chars().next()) else {
            break;
        };
        i += c.len_utf8();
        fold_char(c, &mut |f| {
            if f == ' ' {
                space = !out.is_empty();
            } else {
                if space {
                    out.push(' ');
                    space = false;
                }
                out.push(f);
            }
        });
    }
}

/// True for the ASCII bytes that are whitespace (`char::is_whitespace`: tab to carriage
/// return, space).
#[inline]
fn is_ascii_space(b: u8) -> bool {
    matches!(b, b'\t'..=b'\r' | b' ')
}

/// The byte offset in `line` just past the character whose fold completes the first
/// `folded_len` bytes of `fold(line)` (the line's length when the fold is shorter).
fn orig_end(line: &str, folded_len: usize) -> usize {
    if folded_len == 0 {
        return 0;
    }
    let mut len = 0usize;
    let mut started = false;
    let mut space = false;
    for (i, c) in line.char_indices() {
        fold_char(c, &mut |f| {
            if f == ' ' {
                space = started;
            } else {
                if space {
                    len += 1;
                    space = false;
                }
                started = true;
                len += f.len_utf8();
            }
        });
        if len >= folded_len {
            return i + c.len_utf8();
        }
    }
    line.len()
}

thread_local! {
    /// The folded line, reused across calls so matching allocates nothing per line.
    static FOLD_BUF: std::cell::RefCell<String> = std::cell::RefCell::new(String::with_capacity(512));
}

/// The phrase a line is or starts with, if any (see the module documentation).
///
/// Whole-line matches win over prefixes, prefixes over `contains`. Lines longer than
/// [`MAX_LINE_MATCH_BYTES`] are only checked for prefixes. Allocates nothing per call (the
/// folded line goes to a reused per-thread buffer).
///
/// ```
/// use marsad_arabic::phrases::{match_line, Mark, MatchKind};
/// let m = match_line("اقرأ أيضاً..\u{a0}لافروف: توجد خلافات").unwrap();
/// assert_eq!((m.mark, m.kind), (Mark::Related, MatchKind::Prefix));
/// let m = match_line("اقرأ أيضاً:").unwrap();
/// assert_eq!(m.rest, "اقرأ أيضاً:".len());
/// assert_eq!(match_line("التغطية الحية").unwrap().mark, Mark::Live);
/// assert_eq!(match_line("+A").unwrap().mark, Mark::Font);
/// assert!(match_line("اقرأ الكتاب الجديد").is_none());
/// ```
pub fn match_line(line: &str) -> Option<PhraseMatch> {
    match_in(&TABLE, line)
}

/// A phrase table of the caller's own, read from a TSV with the columns of
/// `readmore_phrases.tsv` (`phrase`, `lang`, `marks`, `match`, then any notes; a header row
/// first). It matches as [`match_line`] does, with the same folding. For a list one reader
/// needs and another must not use: the interface lines only HTML pages carry, say, which a
/// flattened text would lose real lines to.
///
/// ```
/// use marsad_arabic::phrases::{PhraseTable, Mark};
/// let t = PhraseTable::from_tsv("phrase\tlang\tmarks\tmatch\nأضف تعليقك\tar\tui\tline\n");
/// assert_eq!(t.match_line("أضف تعليقك:").unwrap().mark, Mark::Ui);
/// assert!(t.match_line("اقرأ أيضاً: خبر").is_none()); // only its own rows
/// assert_eq!(t.phrases().len(), 1);
/// ```
pub struct PhraseTable(Table);

impl PhraseTable {
    /// Reads the table; rows with an unknown mark or match kind are skipped.
    pub fn from_tsv(tsv: &str) -> PhraseTable {
        PhraseTable(build(tsv))
    }

    /// The phrase `line` is or starts with, if any, as [`match_line`]; the match's `index` is
    /// a row of [`PhraseTable::phrases`].
    pub fn match_line(&self, line: &str) -> Option<PhraseMatch> {
        match_in(&self.0, line)
    }

    /// The rows in file order.
    pub fn phrases(&self) -> &[Phrase] {
        &self.0.rows
    }
}

fn match_in(t: &Table, line: &str) -> Option<PhraseMatch> {
    // A line opening and closing on visible ASCII (most lines, already trimmed by the caller)
    // has no whitespace to trim.
    let line_trim = match (line.as_bytes().first(), line.as_bytes().last()) {
        (Some(a), Some(z)) if a.is_ascii_graphic() && z.is_ascii_graphic() => line,
        _ => line.trim(),
    };
    if line_trim.is_empty() {
        return None;
    }
    FOLD_BUF.with(|b| match b.try_borrow_mut() {
        Ok(mut buf) => match_folded(t, line, line_trim, &mut buf),
        // Re-entered on this thread (cannot happen today): fold into a fresh buffer.
        Err(_) => match_folded(t, line, line_trim, &mut String::new()),
    })
}

/// True when an ASCII line (`line_trim`, trimmed) can match no phrase: its first word is the
/// first word of no whole-line or prefix phrase, and no ASCII `contains` phrase occurs in it
/// (a non-ASCII phrase cannot occur in the fold of ASCII text). Decided on the raw bytes, as the
/// fold of ASCII text is its lower case with whitespace runs made one space, so most lines of
/// Latin-script pages are never folded.
///
/// With `prefix_only` (a line longer than [`MAX_LINE_MATCH_BYTES`], which is only checked for
/// prefixes), true when its first word is the first word of no prefix phrase.
///
/// Also exact for a line whose characters beyond ASCII all fold to themselves and are no
/// whitespace ([`folds_bytewise`], e.g. `’`, `é`, `—`): its fold is still its bytes with ASCII
/// letters lowered and whitespace runs made one space (`ascii` false: every `contains` phrase
/// is then looked for, not only the ASCII ones). Separators are trimmed off words as the fold's
/// are, by character.
fn ascii_line_cannot_match(t: &Table, line_trim: &str, prefix_only: bool, ascii: bool) -> bool {
    let is_ws = is_ascii_space;
    let bytes = line_trim.as_bytes();
    let mut buf = [0u8; 64];
    // The `first_words` flags of the lower-case form of `w` (all of them when it cannot
    // tell).
    let mut flags = |w: &[u8]| -> u8 {
        if w.len() > t.max_first {
            return 0;
        }
        let Some(dst) = buf.get_mut(..w.len()) else {
            return u8::MAX;
        };
        for (d, &b) in dst.iter_mut().zip(w) {
            *d = b.to_ascii_lowercase();
        }
        t.first_word_flags(dst)
    };
    // Prefix: `first_word` of the fold.
    let w_end = bytes.iter().position(|&b| is_ws(b)).unwrap_or(bytes.len());
    let tok = line_trim.get(..w_end).unwrap_or("");
    let tok_core = trim_end_separators(tok);
    let first = if tok_core.is_empty() { tok } else { tok_core }.as_bytes();
    let first_flags = flags(first);
    if first_flags & PREFIX_FIRST != 0 {
        return false;
    }
    if prefix_only {
        // A long line is only checked for prefixes, on the fold of its first
        // `PREFIX_CHARS` characters: the same first word when the first token ends before
        // the cut (its bytes are at least its characters).
        return w_end < PREFIX_CHARS && t.max_first < PREFIX_CHARS;
    }
    // Whole line: the first word of the core (the fold without surrounding spaces and
    // punctuation), compared without its trailing punctuation (on both sides: whether the
    // core ends inside it or not).
    let core = trim_start_spaces_separators(line_trim);
    let c_end = core
        .as_bytes()
        .iter()
        .position(|&b| is_ws(b))
        .unwrap_or(core.len());
    let core_word = trim_end_separators(core.get(..c_end).unwrap_or("")).as_bytes();
    if core_word.is_empty() {
        return false;
    }
    // (Mostly the first word again: its flags are known.)
    let core_flags = if core_word == first {
        first_flags
    } else {
        flags(core_word)
    };
    if core_flags & WHOLE_FIRST != 0 {
        return false;
    }
    // Contains: a line shorter than the phrase cannot hold it (each byte of the phrase takes
    // at least one of the line); nor can a line without the phrase's rarest byte (in either
    // case), and one memchr over the line tells (most lines hold the phrase's first byte many
    // times).
    let contains = if ascii {
        &t.contains_ascii
    } else {
        &t.contains_all
    };
    !contains.iter().any(|&(i, rare)| {
        let phrase = t.rows[i].folded.as_bytes();
        bytes.len() >= phrase.len()
            && rare.is_none_or(|b| memchr::memchr2(b, b.to_ascii_uppercase(), bytes).is_some())
            && ascii_fold_contains(bytes, phrase)
    })
}

/// `s` without its trailing separators ([`is_separator_punct`]; an ASCII byte is told without
/// decoding a character).
fn trim_end_separators(mut s: &str) -> &str {
    while let Some(&b) = s.as_bytes().last() {
        let n = if b.is_ascii() {
            if !is_separator_punct(char::from(b)) {
                break;
            }
            1
        } else {
            match s.chars().next_back() {
                Some(c) if is_separator_punct(c) => c.len_utf8(),
                _ => break,
            }
        };
        s = s.get(..s.len() - n).unwrap_or("");
    }
    s
}

/// `s` without its leading ASCII whitespace and separators (as [`trim_end_separators`]).
fn trim_start_spaces_separators(mut s: &str) -> &str {
    while let Some(&b) = s.as_bytes().first() {
        let n = if b.is_ascii() {
            if !(is_ascii_space(b) || is_separator_punct(char::from(b))) {
                break;
            }
            1
        } else {
            match s.chars().next() {
                Some(c) if is_separator_punct(c) => c.len_utf8(),
                _ => break,
            }
        };
        s = s.get(n..).unwrap_or("");
    }
    s
}

/// The byte of an ASCII folded `phrase` that text holds least often (memchr's byte-frequency
/// heuristic), unless it is a space (a space of the phrase matches any whitespace): a line
/// whose fold holds the phrase holds this byte, or its upper case.
fn rare_byte(phrase: &[u8]) -> Option<u8> {
    let pair = memchr::arch::all::packedpair::Pair::new(phrase)?;
    let b = *phrase.get(usize::from(pair.index1()))?;
    (b != b' ').then_some(b)
}

/// True when `fold(line)` contains `phrase`, for an ASCII `line` (or one that
/// [`folds_bytewise`]) and a folded `phrase` (no leading, trailing or doubled spaces), read on
/// the raw bytes: a space of the phrase matches a run of whitespace, any other byte its
/// lower-case form.
fn ascii_fold_contains(line: &[u8], phrase: &[u8]) -> bool {
    let is_ws = is_ascii_space;
    let Some(&first) = phrase.first() else {
        return true;
    };
    let n = line.len();
    // Where the phrase may start: its first byte in either case (it is no space).
    let upper = first.to_ascii_uppercase();
    for start in memchr::memchr2_iter(first, upper, line) {
        let (mut i, mut j) = (start, 0usize);
        while let Some(&p) = phrase.get(j) {
            if p == b' ' {
                if i < n && is_ws(line[i]) {
                    while i < n && is_ws(line[i]) {
                        i += 1;
                    }
                    j += 1;
                } else {
                    break;
                }
            } else if i < n && !is_ws(line[i]) && line[i].to_ascii_lowercase() == p {
                i += 1;
                j += 1;
            } else {
                break;
            }
        }
        if j == phrase.len() {
            return true;
        }
    }
    false
}

fn match_folded(
    t: &Table,
    line: &str,
    line_trim: &str,
    folded: &mut String,
) -> Option<PhraseMatch> {
    let ascii = line_trim.is_ascii();
    if (ascii || folds_bytewise(line_trim))
        && ascii_line_cannot_match(t, line_trim, line_trim.len() > MAX_LINE_MATCH_BYTES, ascii)
    {
        return None;
    }
    match_full(t, line, line_trim, folded)
}

/// True when every character of `s` beyond ASCII folds to itself and is no whitespace (an
/// English line with `’` or `—`, a French one with `é`): the fold of `s` is then
/// its bytes with ASCII letters lowered and ASCII whitespace runs made one space, and
/// [`ascii_line_cannot_match`] reads it on its bytes. (Only the characters beyond ASCII are
/// decoded; the ASCII runs between them are skipped eight bytes at a time.)
fn folds_bytewise(s: &str) -> bool {
    let b = s.as_bytes();
    let mut i = 0usize;
    loop {
        // The next byte beyond ASCII.
        while let Some(w) = b.get(i..i + 8).and_then(|w| <[u8; 8]>::try_from(w).ok()) {
            let high = u64::from_le_bytes(w) & 0x8080_8080_8080_8080;
            if high != 0 {
                i += (high.trailing_zeros() / 8) as usize;
                break;
            }
            i += 8;
        }
        while b.get(i).is_some_and(|x| x.is_ascii()) {
            i += 1;
        }
        let Some(c) = s.get(i..).and_then(|r| r.chars().next()) else {
            return true;
        };
        if !folds_to_itself(c) {
            return false;
        }
        i += c.len_utf8();
    }
}

/// True when `c` folds to itself alone (and so is no whitespace).
fn folds_to_itself(c: char) -> bool {
    // General punctuation (dashes, quotes, `…`), most of the characters beyond ASCII of
    // English text, is no letter, space or mark.
    if ('\u{2010}'..='\u{2027}').contains(&c) {
        return true;
    }
    let (mut n, mut same) = (0u32, true);
    fold_char(c, &mut |f| {
        n += 1;
        same &= f == c;
    });
    n == 1 && same
}

/// [`match_folded`] without the ASCII shortcut.
fn match_full(t: &Table, line: &str, line_trim: &str, folded: &mut String) -> Option<PhraseMatch> {
    let lead = line.len() - line.trim_start().len();
    let short = line_trim.len() <= MAX_LINE_MATCH_BYTES;
    // Whole line.
    if short {
        fold_into(line_trim, usize::MAX, folded);
        let core = trim_punct(folded);
        if core.len() <= t.max_whole
            && let Some(&i) = t.whole.get(core)
        {
            let r = &t.rows[i];
            let kind = match r.kind {
                MatchKind::PrefixPunct | MatchKind::PrefixLabel => MatchKind::Prefix,
                k => k,
            };
            return Some(PhraseMatch {
                mark: r.mark,
                kind,
                index: i,
                rest: line.len(),
            });
        }
    } else {
        fold_into(line_trim, PREFIX_CHARS, folded);
    }
    // Prefix.
    if let Some(cands) = t.by_first_word.get(first_word(folded)) {
        for &i in cands {
            let r = &t.rows[i];
            if !folded.starts_with(&r.folded) {
                continue;
            }
            let after = &folded[r.folded.len()..];
            let next = after.chars().next();
            let boundary = match next {
                None => true,
                Some(c) => !c.is_alphanumeric() || r.folded.ends_with(is_separator_punct),
            };
            if !boundary {
                continue;
            }
            if matches!(r.kind, MatchKind::PrefixPunct | MatchKind::PrefixLabel) {
                let comma = r.kind == MatchKind::PrefixPunct;
                let after_sp = after.trim_start_matches(' ');
                let ok = after_sp.is_empty()
                    || after_sp
                        .chars()
                        .next()
                        .is_some_and(|c| (comma || c != ',') && is_separator_punct(c));
                if !ok {
                    continue;
                }
            }
            // Where the phrase ends in the original line.
            let end = orig_end(line_trim, r.folded.len());
            let rest_rel = skip_separators(line_trim, end);
            return Some(PhraseMatch {
                mark: r.mark,
                kind: MatchKind::Prefix,
                index: i,
                rest: if rest_rel >= line_trim.len() {
                    line.len()
                } else {
                    lead + rest_rel
                },
            });
        }
    }
    // Contains.
    if short {
        for &i in t.contains.iter().rev() {
            let r = &t.rows[i];
            if contains_bytes(folded.as_bytes(), r.folded.as_bytes()) {
                return Some(PhraseMatch {
                    mark: r.mark,
                    kind: MatchKind::Contains,
                    index: i,
                    rest: line.len(),
                });
            }
        }
    }
    None
}

/// True when `needle` occurs in `hay` (the needle's first byte found with `memchr`, the rest
/// compared: lines and phrases are short, and building a searcher per call cost more).
fn contains_bytes(hay: &[u8], needle: &[u8]) -> bool {
    let Some((&first, rest)) = needle.split_first() else {
        return true;
    };
    if hay.len() < needle.len() {
        return false;
    }
    let last_start = hay.len() - needle.len();
    memchr::memchr_iter(first, hay.get(..=last_start).unwrap_or(&[]))
        .any(|at| hay.get(at + 1..at + needle.len()) == Some(rest))
}

/// Skips separator punctuation, spaces and invisible marks from `from`.
fn skip_separators(s: &str, from: usize) -> usize {
    let Some(tail) = s.get(from..) else {
        return s.len();
    };
    for (i, c) in tail.char_indices() {
        if !(c.is_whitespace() || is_separator_punct(c) || folds_to_nothing(c)) {
            return from + i;
        }
    }
    s.len()
}

/// True for characters the fold drops (harakat, tatweel, bidi and zero-width marks).
fn folds_to_nothing(c: char) -> bool {
    let mut any = false;
    fold_char(c, &mut |_| any = true);
    !any
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn read_also_in_european_languages_announces_teasers() {
        for (line, teaser) in [
            (
                "Lire aussi : Les syndicats appellent à la grève",
                "Les syndicats appellent à la grève",
            ),
            (
                "À lire aussi - Le Sénat vote la réforme",
                "Le Sénat vote la réforme",
            ),
            (
                "Lea también: El Congreso aprueba el presupuesto",
                "El Congreso aprueba el presupuesto",
            ),
            (
                "Lesen Sie auch: Bundestag beschließt Haushalt",
                "Bundestag beschließt Haushalt",
            ),
            (
                "Leia também: Câmara aprova orçamento",
                "Câmara aprova orçamento",
            ),
            (
                "Potrebbe interessarti anche - La Camera vota la fiducia",
                "La Camera vota la fiducia",
            ),
        ] {
            let m = match_line(line).unwrap_or_else(|| panic!("{line}"));
            assert_eq!(m.mark, Mark::Related, "{line}");
            assert_eq!(line[m.rest..].trim(), teaser, "{line}");
        }
        assert_eq!(match_line("Partager").map(|m| m.mark), Some(Mark::Share));
        assert_eq!(match_line("Condividi").map(|m| m.mark), Some(Mark::Share));
        // A comment form's heading, in any of these languages, is no line of the story.
        for line in [
            "Kommentare schreiben",
            "Laisser un commentaire",
            "اترك تعليقاً",
            "Добавить отзыв",
        ] {
            assert_eq!(match_line(line).map(|m| m.mark), Some(Mark::Nav), "{line}");
        }
        for line in [
            "Das könnte Sie auch interessieren:",
            "Das Thema könnte dich auch interessieren:",
        ] {
            assert_eq!(
                match_line(line).map(|m| m.mark),
                Some(Mark::Related),
                "{line}"
            );
        }
        assert!(match_line("Lire un livre le soir est un plaisir").is_none());
        // Italian's labels open sentences too: only a label set apart is one.
        assert!(match_line("Potrebbe interessarti sapere che la misura è già in vigore").is_none());
        assert!(
            match_line("Ti potrebbe interessare il rapporto completo della commissione").is_none()
        );
    }

    #[test]
    fn read_also_in_more_languages_announces_teasers() {
        for (line, teaser) in [
            (
                "Lees ook: Kabinet valt over begroting",
                "Kabinet valt over begroting",
            ),
            (
                "Читайте также: Госдума приняла бюджет",
                "Госдума приняла бюджет",
            ),
            ("Czytaj także: Sejm przyjął budżet", "Sejm przyjął budżet"),
            (
                "Baca juga: DPR sahkan anggaran negara",
                "DPR sahkan anggaran negara",
            ),
        ] {
            let m = match_line(line).unwrap_or_else(|| panic!("{line}"));
            assert_eq!(m.mark, Mark::Related, "{line}");
            assert_eq!(line[m.rest..].trim(), teaser, "{line}");
        }
        for line in [
            "Похожие статьи",
            "関連記事",
            "【関連記事】",
            "相关阅读：",
            "관련기사",
            "İlgili Haberler",
            "İLGİLİ HABERLER",
            "ILGILI HABERLER",
            "مطالب مرتبط",
        ] {
            assert_eq!(
                match_line(line).map(|m| m.mark),
                Some(Mark::Related),
                "{line}"
            );
        }
        // Without punctuation, or after a comma, the words run on in a sentence.
        assert!(match_line("Baca juga buku sejarah ini sebelum tidur").is_none());
        assert!(match_line("Смотрите также, как менялись расходы на образование.").is_none());
        assert!(match_line("Czytaj także, co o tym myślą eksperci.").is_none());
    }

    #[test]
    fn ad_labels_in_european_languages_are_ads() {
        for line in ["Anzeige", "Werbung", "Publicité", "Publicidad", "Реклама"] {
            assert_eq!(match_line(line).map(|m| m.mark), Some(Mark::Ad), "{line}");
        }
        assert_eq!(
            match_line("Weiterführende Links").map(|m| m.mark),
            Some(Mark::Related)
        );
        // A line about an ad is no label.
        assert!(match_line("Anzeige gegen den Bürgermeister erstattet").is_none());
    }

    #[test]
    fn table_parses_every_row() {
        let data_rows = PHRASES_TSV
            .lines()
            .skip(1)
            .filter(|l| !l.trim().is_empty())
            .count();
        assert_eq!(phrases().len(), data_rows);
    }

    #[test]
    fn english_recommendation_headers_are_related() {
        // Headers of "more stories" widgets under a post are related-story labels, not text.
        for l in [
            "Recommended Stories",
            "More you might like",
            "You might like",
            "If you liked this post you might also like:",
            "Explore related questions",
        ] {
            assert_eq!(match_line(l).map(|m| m.mark), Some(Mark::Related), "{l}");
        }
        assert!(match_line("You might like to know that the river rose overnight.").is_none());
    }

    #[test]
    fn seed_teasers_split_at_the_headline() {
        let l = "اقرأ أيضاً..\u{a0}لافروف: توجد خلافات بين موسكو وأنقرة وطهران بخصوص سوريا";
        let m = match_line(l).unwrap();
        assert_eq!(m.rest, 23);
        let l = "اقرأ أيضاً:\u{a0}من سوريا.. روسيا";
        let m = match_line(l).unwrap();
        assert_eq!(&l[m.rest..], "من سوريا.. روسيا");
    }

    #[test]
    fn chrome_lines() {
        assert_eq!(match_line("icon").unwrap().mark, Mark::Ui);
        assert_eq!(match_line("-A").unwrap().mark, Mark::Font);
        assert_eq!(match_line("Share:").unwrap().mark, Mark::Share);
        assert_eq!(
            match_line("More sharing options...").unwrap().mark,
            Mark::Share
        );
        assert_eq!(
            match_line("© 2024 Example Inc.").unwrap().mark,
            Mark::Boilerplate
        );
        assert_eq!(
            match_line("2024 جميع الحقوق محفوظة").unwrap().mark,
            Mark::Boilerplate
        );
    }

    #[test]
    fn privacy_links_and_contents_headings_are_chrome() {
        // US privacy-law footer links and a table of contents' heading are no page's text (nor
        // its headline, on a flattened page).
        for l in [
            "Do Not Sell or Share My Personal Information",
            "Do Not Sell My Personal Information",
            "Your Privacy Choices",
        ] {
            assert_eq!(match_line(l).unwrap().mark, Mark::Boilerplate, "{l}");
        }
        assert_eq!(match_line("On this page").unwrap().mark, Mark::Nav);
        assert!(match_line("On this page you will find our rates.").is_none());
    }

    #[test]
    fn prefix_punct_needs_punctuation() {
        assert!(match_line("للمزيد: أهم بنود الاتفاق النووي").is_some());
        assert!(match_line("للمزيد - أهم بنود الاتفاق النووي").is_some());
        assert!(match_line("للمزيد سألنا الدكتور").is_none());
        assert!(match_line("شاهد.. فيديو").is_some());
        assert!(match_line("شاهد العالم الحدث").is_none());
        assert!(match_line("اقرأ|").is_some());
    }

    #[test]
    fn word_boundary() {
        assert!(match_line("Related").is_some());
        assert!(match_line("Relatedness is a property").is_none());
        assert!(match_line("Copyrighted works").is_none());
    }

    #[test]
    fn ascii_shortcut_agrees_with_the_fold() {
        let mut lines: Vec<String> = [
            "Share:  :",
            "  \u{2022}  ",
            "ALL   RIGHTS\tRESERVED 2024",
            "(c) 2024 all rights reserved.",
            "All rights reserve",
            "Related:",
            "Related: a story",
            "Relatedness",
            "read more...",
            "::",
            "-",
            "Share this\x01",
            "Share\x0bthis",
            "Updated: May 2",
        ]
        .iter()
        .map(|s| s.to_string())
        .collect();
        // Every phrase (characters beyond ASCII that fold to themselves are read on the
        // bytes too: `’`, `é`, `ë` whose last byte reads as `«` alone, Arabic letters).
        for r in phrases() {
            let p = &r.phrase;
            for l in [
                p.clone(),
                p.to_uppercase(),
                format!("{p}:"),
                format!("{p} :"),
                format!("{p}: a headline here"),
                format!("{p}x"),
                format!("x {p}"),
                format!("a b {p} c"),
                format!(":: {p} ::"),
                p.replace(' ', "  \t "),
                format!("{p}’s"),
                format!("{p}ë: it’s"),
                format!("ë {p}"),
                format!("café {p} — x"),
                format!("{p} © ë"),
                format!("“{p}”"),
                format!("{p}\u{a0}x’"),
            ] {
                lines.push(l);
            }
        }
        // Long lines (only checked for prefixes), and a first token past the prefix cut.
        let tail = " lorem ipsum".repeat(25);
        let long: Vec<String> = lines.iter().map(|l| format!("{l}{tail}")).collect();
        lines.extend(long);
        lines.push(format!("Related:{}x{tail}", ":".repeat(70)));
        lines.push(format!("Related{tail}"));
        lines.extend(MIXED.iter().map(|s| s.to_string()));
        let t = &*TABLE;
        for l in &lines {
            let lt = l.trim();
            let full = if lt.is_empty() {
                None
            } else {
                match_full(t, l, lt, &mut String::new())
            };
            assert_eq!(match_line(l), full, "{l:?}");
        }
    }

    /// Lines mixing ASCII runs, other scripts, marks, odd spaces and case.
    const MIXED: [&str; 10] = [
        "",
        "  Read  MORE:\tabc ",
        "“Quoted” text: don’t stop—now…",
        "اقرأ أيضاً:\u{a0}الفقر سلاح",
        "Oil prices: ارتفاع أسعار النفط 2025 — up",
        "İstanbul ẞtraße STRASSE",
        "x\u{301}yz ÀBC abc\u{200f}def",
        "abc😀def ghi½jkl ٣٤٥abc",
        "\u{1}ctrl\u{b}VT  end",
        "ـتطويـل  a-b_c",
    ];

    #[test]
    fn fold_into_agrees_with_folding_char_by_char() {
        for line in MIXED {
            for max in [0, 1, 3, 7, 12, 64, usize::MAX] {
                let mut want = String::new();
                let mut space = false;
                for c in line.chars().take(max) {
                    fold_char(c, &mut |f| {
                        if f == ' ' {
                            space = !want.is_empty();
                        } else {
                            if space {
                                want.push(' ');
                                space = false;
                            }
                            want.push(f);
                        }
                    });
                }
                let mut got = String::from("stale");
                fold_into(line, max, &mut got);
                assert_eq!(got, want, "{line:?} {max}");
            }
        }
    }

    #[test]
    fn word_hashes_are_the_fold_hashes_of_the_words() {
        for line in MIXED {
            let want: Vec<u64> = line
                .split(|c: char| !c.is_alphanumeric())
                .filter(|w| w.chars().count() >= 3)
                .map(fold_hash)
                .collect();
            let mut got = Vec::new();
            fold_word_hashes(line, 3, |h| got.push(h));
            assert_eq!(got, want, "{line:?}");
        }
    }

    #[test]
    fn contains_scans_find_every_occurrence() {
        assert!(contains_bytes(b"xx all rights", b"all"));
        assert!(contains_bytes(b"aaab", b"aab"));
        assert!(!contains_bytes(b"aa", b"aab"));
        assert!(contains_bytes(b"abc", b"abc"));
        assert!(ascii_fold_contains(
            b"(c) 2024 ALL   Rights\treserved.",
            b"all rights reserved"
        ));
        assert!(ascii_fold_contains(
            b"a all rights reserved",
            b"all rights reserved"
        ));
        assert!(!ascii_fold_contains(
            b"all rightsreserved",
            b"all rights reserved"
        ));
        assert!(!ascii_fold_contains(
            b"all rights reserve",
            b"all rights reserved"
        ));
    }

    #[test]
    fn general_punctuation_separates_words() {
        for c in GENERAL_PUNCT {
            assert!(!c.is_alphanumeric() && !c.is_whitespace(), "{c:?}");
        }
        let mut v = Vec::new();
        fold_word_hashes("it’s “new”—isn’t it…", 1, |h| v.push(h));
        let words = ["it", "s", "new", "isn", "t", "it"];
        assert_eq!(v, words.map(fold_hash));
    }

    #[test]
    fn first_word_hash_is_the_hash_of_the_folds_first_word() {
        for s in [
            "",
            "   ",
            "Comments (3)",
            " \u{200f}اقرأ  أيضاً: خبر",
            "\u{0640}\u{064B} تعليقات",
            "READ\tmore",
            "ٱلكتاب الجديد",
            "Straße ÉTÉ",
            "one",
        ] {
            let folded = fold(s);
            let first = folded.split(' ').next().unwrap_or("");
            assert_eq!(fold_first_word_hash(s), fold_hash(first), "{s:?}");
        }
    }

    #[test]
    fn odd_input_does_not_panic() {
        for s in [
            "",
            " ",
            "\u{a0}",
            ":",
            "اقرأ",
            "\u{200f}اقرأ أيضا",
            "ـ",
            "A",
        ] {
            let _ = match_line(s);
        }
    }
}
