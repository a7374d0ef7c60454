//! Arabic normalisation for matching, with a map back to original byte offsets.
//!
//! The default ([`Options::MATCH`], also [`Options::default`]) is the one used everywhere
//! text is *matched* (search index, phrase lists, place and agency look-up, dedup):
//!
//! | rule | example |
//! |---|---|
//! | alef forms → bare alef | أ إ آ ٱ ٲ ٳ → ا |
//! | alef maqsura → yaa | ى → ي |
//! | taa marbuta → haa (matching only; off in [`Options::DISPLAY`]) | ة → ه |
//! | tatweel removed | مـــصر → مصر |
//! | harakat, superscript alef and Quranic marks removed | مُحَمَّد → محمد |
//! | presentation forms (NFKC of U+FB50–U+FDFF, U+FE70–U+FEFF and Latin ligatures) | ﻻ → لا |
//! | Persian/Urdu look-alikes | ی → ي, ک → ك, ہ ە → ه |
//! | Arabic-Indic and Eastern Arabic-Indic digits → ASCII; ٫ ٬ ٪ → . , % | ٢٠٢٠ → 2020 |
//! | bidi, zero-width and format marks removed | U+200B–U+200F, U+202A–U+202E, U+2066–U+2069, U+061C, U+FEFF, U+00AD, U+2060 |
//! | no-break and other Unicode spaces → ASCII space | U+00A0, U+2000–U+200A, U+202F, U+205F, U+3000 |
//! | lowercase (any script with case) | Reuters → reuters |
//!
//! Normalisation is idempotent (`normalize(normalize(x)) == normalize(x)`, checked by a property
//! test) and returns [`Cow::Borrowed`] without allocating when nothing changes. Pure ASCII text
//! takes a fast path. [`normalize_mapped`] also returns, for every byte of the normalised text, the
//! byte offset in the original it came from, so spans found in normalised text map back exactly.

use std::borrow::Cow;
use std::sync::LazyLock;

use unicode_normalization::UnicodeNormalization;

/// Largest input (bytes) the offset map supports; larger inputs get an error from the `_bytes`
/// APIs and are returned unmapped by [`normalize_mapped`] (see there).
pub const MAX_INPUT_BYTES: usize = u32::MAX as usize;

/// Which rules to apply. Every field is one rule of the table in the module documentation.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Options {
    /// أ إ آ ٱ ٲ ٳ → ا.
    pub alef: bool,
    /// ى → ي.
    pub alef_maqsura: bool,
    /// ة → ه (for matching only: it merges feminine nouns with pronoun suffixes).
    pub taa_marbuta: bool,
    /// Remove tatweel (ـ, U+0640).
    pub tatweel: bool,
    /// Remove harakat (U+064B–U+065F), superscript alef (U+0670) and Quranic annotation marks.
    pub diacritics: bool,
    /// NFKC on Arabic presentation forms and Latin ligatures (ﻻ → لا, ﬁ → fi).
    pub presentation_forms: bool,
    /// Persian/Urdu look-alikes: ی → ي, ک → ك, ہ ە → ه.
    pub persian_lookalikes: bool,
    /// Arabic-Indic (٠–٩) and Eastern Arabic-Indic (۰–۹) digits → 0–9; ٫ → `.`, ٬ → `,`, ٪ → `%`.
    pub digits: bool,
    /// Remove bidi controls, zero-width characters, soft hyphen and BOM.
    pub invisible: bool,
    /// No-break spaces and other Unicode spaces → ASCII space.
    pub spaces: bool,
    /// Lowercase letters of cased scripts (Latin, Greek, Cyrillic...).
    pub lowercase: bool,
}

impl Options {
    /// The default for matching: every rule on.
    pub const MATCH: Options = Options {
        alef: true,
        alef_maqsura: true,
        taa_marbuta: true,
        tatweel: true,
        diacritics: true,
        presentation_forms: true,
        persian_lookalikes: true,
        digits: true,
        invisible: true,
        spaces: true,
        lowercase: true,
    };
    /// Clean-up that keeps the spelling a reader sees: presentation forms, tatweel, diacritics,
    /// invisible marks, digits and spaces; letters (alef, yaa, taa marbuta, case) untouched.
    pub const DISPLAY: Options = Options {
        alef: false,
        alef_maqsura: false,
        taa_marbuta: false,
        tatweel: true,
        diacritics: true,
        presentation_forms: true,
        persian_lookalikes: false,
        digits: true,
        invisible: true,
        spaces: true,
        lowercase: false,
    };
    /// No rule at all (the identity).
    pub const NONE: Options = Options {
        alef: false,
        alef_maqsura: false,
        taa_marbuta: false,
        tatweel: false,
        diacritics: false,
        presentation_forms: false,
        persian_lookalikes: false,
        digits: false,
        invisible: false,
        spaces: false,
        lowercase: false,
    };
}

impl Default for Options {
    fn default() -> Self {
        Options::MATCH
    }
}

/// Errors of the byte-level APIs.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum NormalizeError {
    /// The input is not UTF-8; `valid_up_to` is the byte offset of the first bad sequence.
    #[error("input is not valid UTF-8 (first bad byte at offset {valid_up_to})")]
    InvalidUtf8 {
        /// Length of the longest valid UTF-8 prefix.
        valid_up_to: usize,
    },
    /// The input is longer than [`MAX_INPUT_BYTES`].
    #[error("input of {len} bytes is longer than the limit of {max} bytes")]
    TooLong {
        /// Input length in bytes.
        len: usize,
        /// The limit.
        max: usize,
    },
}

/// Checks that `bytes` is UTF-8 no longer than [`MAX_INPUT_BYTES`] and returns it as `&str`.
///
/// ```
/// use marsad_arabic::normalize::{str_from_bytes, NormalizeError};
/// assert_eq!(str_from_bytes("مصر".as_bytes()), Ok("مصر"));
/// assert_eq!(
///     str_from_bytes(b"\xd9\x85\xff"),
///     Err(NormalizeError::InvalidUtf8 { valid_up_to: 2 })
/// );
/// ```
pub fn str_from_bytes(bytes: &[u8]) -> Result<&str, NormalizeError> {
    if bytes.len() > MAX_INPUT_BYTES {
        return Err(NormalizeError::TooLong {
            len: bytes.len(),
            max: MAX_INPUT_BYTES,
        });
    }
    std::str::from_utf8(bytes).map_err(|e| NormalizeError::InvalidUtf8 {
        valid_up_to: e.valid_up_to(),
    })
}

/// Normalises with the default matching rules ([`Options::MATCH`]).
///
/// ```
/// use marsad_arabic::normalize::normalize;
/// assert_eq!(normalize("أَحْمَد إلى المدرسةِ"), "احمد الي المدرسه");
/// assert_eq!(normalize("مـــصر ٢٠٢٠"), "مصر 2020");
/// // Nothing to change: no allocation.
/// assert!(matches!(normalize("مصر"), std::borrow::Cow::Borrowed(_)));
/// ```
pub fn normalize(text: &str) -> Cow<'_, str> {
    normalize_with(text, &Options::MATCH)
}

/// Normalises with the given rules; borrows when nothing changes.
///
/// ```
/// use marsad_arabic::normalize::{normalize_with, Options};
/// assert_eq!(normalize_with("المدرسةُ", &Options::DISPLAY), "المدرسة");
/// assert_eq!(normalize_with("المدرسةُ", &Options::MATCH), "المدرسه");
/// ```
pub fn normalize_with<'a>(text: &'a str, opts: &Options) -> Cow<'a, str> {
    let Some(first) = first_change(text, opts) else {
        return Cow::Borrowed(text);
    };
    let mut out = String::with_capacity(text.len());
    out.push_str(&text[..first]);
    if let Some(table) = table_for(opts) {
        let mut sink = StringSink(&mut out);
        run_table(text, first, opts, table, &mut sink);
    } else {
        for c in text[first..].chars() {
            map_char(c, opts, &mut |m| out.push(m));
        }
    }
    Cow::Owned(out)
}

/// Appends the normalisation of `text` under `opts` to `out` (no intermediate string): for
/// callers that normalise many short pieces into one reused buffer.
///
/// ```
/// use marsad_arabic::normalize::{normalize_into, Options};
/// let mut out = String::from("> ");
/// normalize_into("المدرسةُ", &Options::MATCH, &mut out);
/// assert_eq!(out, "> المدرسه");
/// ```
pub fn normalize_into(text: &str, opts: &Options, out: &mut String) {
    if let Some(table) = table_for(opts) {
        run_table(text, 0, opts, table, &mut StringSink(out));
    } else {
        for c in text.chars() {
            map_char(c, opts, &mut |m| out.push(m));
        }
    }
}

/// [`normalize_into`] with [`Options::MATCH`], without comparing options.
#[inline]
pub(crate) fn match_into(text: &str, out: &mut String) {
    run_table(text, 0, &Options::MATCH, &MATCH_TABLE, &mut StringSink(out));
}

/// Where the table-driven loop writes.
trait Sink {
    /// Copies `text[from..to]` unchanged.
    fn copy(&mut self, text: &str, from: usize, to: usize);
    /// Appends `c`, which came from the original character at `src`.
    fn push(&mut self, c: char, src: usize);
}

struct StringSink<'s>(&'s mut String);

impl Sink for StringSink<'_> {
    #[inline]
    fn copy(&mut self, text: &str, from: usize, to: usize) {
        self.0.push_str(&text[from..to]);
    }
    #[inline]
    fn push(&mut self, c: char, _src: usize) {
        self.0.push(c);
    }
}

struct MappedSink<'s> {
    out: &'s mut String,
    map: &'s mut Vec<u32>,
}

impl Sink for MappedSink<'_> {
    #[inline]
    fn copy(&mut self, text: &str, from: usize, to: usize) {
        self.out.push_str(&text[from..to]);
        self.map.extend(from as u32..to as u32);
    }
    #[inline]
    fn push(&mut self, c: char, src: usize) {
        self.out.push(c);
        for _ in 0..c.len_utf8() {
            self.map.push(src as u32);
        }
    }
}

const KEEP: u32 = u32::MAX;
const DROP: u32 = u32::MAX - 1;

/// What the simple rules do to each code point of the Arabic block U+0600–U+06FF.
struct Table([u32; 256]);

fn build_table(opts: &Options) -> Table {
    let mut t = [KEEP; 256];
    for (i, e) in t.iter_mut().enumerate() {
        let Some(c) = char::from_u32(0x0600 + i as u32) else {
            continue;
        };
        *e = match simple(c, opts) {
            None => KEEP,
            Some(None) => DROP,
            Some(Some(m)) => m as u32,
        };
    }
    Table(t)
}

static MATCH_TABLE: LazyLock<Table> = LazyLock::new(|| build_table(&Options::MATCH));
static DISPLAY_TABLE: LazyLock<Table> = LazyLock::new(|| build_table(&Options::DISPLAY));

#[inline]
fn table_for(opts: &Options) -> Option<&'static Table> {
    if *opts == Options::MATCH {
        Some(&MATCH_TABLE)
    } else if *opts == Options::DISPLAY {
        Some(&DISPLAY_TABLE)
    } else {
        None
    }
}

/// Whether [`Options::MATCH`] leaves the code point U+0600 + `k` unchanged (`k` < 256).
#[inline]
pub(crate) fn match_keeps_arabic(k: usize) -> bool {
    MATCH_TABLE.0.get(k).is_none_or(|&e| e == KEEP)
}

/// Whether [`Options::MATCH`] changes `c`.
#[inline]
pub(crate) fn match_changes(c: char) -> bool {
    char_changes(c, &Options::MATCH)
}

/// Index (code point − U+0600) of the two-byte sequence at `i` if it is in U+0600–U+06FF.
#[inline]
pub(crate) fn arabic_block_at(bytes: &[u8], i: usize) -> Option<usize> {
    let b = *bytes.get(i)?;
    if !(0xD8..=0xDB).contains(&b) {
        return None;
    }
    let b2 = *bytes.get(i + 1)?;
    Some((((b as usize) & 0x1F) << 6 | (b2 as usize & 0x3F)) - 0x600)
}

/// Table-driven normalisation of `text[first..]` into `sink`: unchanged runs are copied whole.
#[inline]
fn run_table<S: Sink>(text: &str, first: usize, opts: &Options, table: &Table, sink: &mut S) {
    let bytes = text.as_bytes();
    let len = bytes.len();
    let mut i = first;
    let mut run = first;
    while i < len {
        let b = bytes[i];
        if b < 0x80 {
            if opts.lowercase && b.is_ascii_uppercase() {
                sink.copy(text, run, i);
                sink.push(b.to_ascii_lowercase() as char, i);
                run = i + 1;
            }
            i += 1;
            continue;
        }
        if let Some(k) = arabic_block_at(bytes, i) {
            let e = table.0[k];
            if e != KEEP {
                sink.copy(text, run, i);
                if e != DROP
                    && let Some(m) = char::from_u32(e)
                {
                    sink.push(m, i);
                }
                run = i + 2;
            }
            i += 2;
            continue;
        }
        let Some(c) = text.get(i..).and_then(|r| r.chars().next()) else {
            break;
        };
        let l = c.len_utf8();
        if char_changes(c, opts) {
            sink.copy(text, run, i);
            map_char(c, opts, &mut |m| sink.push(m, i));
            run = i + l;
        }
        i += l;
    }
    sink.copy(text, run, len);
}

/// Normalises raw bytes: an error names invalid UTF-8 instead of panicking.
///
/// ```
/// use marsad_arabic::normalize::{normalize_bytes, Options};
/// assert_eq!(normalize_bytes("إسطنبول".as_bytes(), &Options::MATCH).unwrap(), "اسطنبول");
/// assert!(normalize_bytes(b"\xff\xfe", &Options::MATCH).is_err());
/// ```
pub fn normalize_bytes<'a>(
    bytes: &'a [u8],
    opts: &Options,
) -> Result<Cow<'a, str>, NormalizeError> {
    Ok(normalize_with(str_from_bytes(bytes)?, opts))
}

/// Normalised text plus, for each of its bytes, the original byte offset it came from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Normalized<'a> {
    text: Cow<'a, str>,
    /// `map[i]` = original offset of normalised byte `i`; `map[len]` = original length.
    /// Empty when the text is borrowed (identity map).
    map: Vec<u32>,
    original: &'a str,
    original_len: usize,
    opts: Options,
}

impl<'a> Normalized<'a> {
    /// The normalised text.
    ///
    /// ```
    /// use marsad_arabic::normalize::{normalize_mapped, Options};
    /// assert_eq!(normalize_mapped("مـصر", &Options::MATCH).text(), "مصر");
    /// ```
    pub fn text(&self) -> &str {
        &self.text
    }

    /// Consumes `self`, returning the normalised text.
    ///
    /// ```
    /// use marsad_arabic::normalize::{normalize_mapped, Options};
    /// assert_eq!(normalize_mapped("مـصر", &Options::MATCH).into_text(), "مصر");
    /// ```
    pub fn into_text(self) -> Cow<'a, str> {
        self.text
    }

    /// Whether normalisation changed nothing (the text is borrowed and the map is the identity).
    ///
    /// ```
    /// use marsad_arabic::normalize::{normalize_mapped, Options};
    /// assert!(normalize_mapped("مصر", &Options::MATCH).is_unchanged());
    /// assert!(!normalize_mapped("مِصر", &Options::MATCH).is_unchanged());
    /// ```
    pub fn is_unchanged(&self) -> bool {
        matches!(self.text, Cow::Borrowed(_))
    }

    /// The original byte offset of normalised byte offset `i` (`i == text().len()` gives the
    /// original length; larger values are clamped to it).
    ///
    /// ```
    /// use marsad_arabic::normalize::{normalize_mapped, Options};
    /// let n = normalize_mapped("ـمصر", &Options::MATCH); // tatweel (2 bytes) dropped
    /// assert_eq!(n.original_offset(0), 2);
    /// assert_eq!(n.original_offset(n.text().len()), "ـمصر".len());
    /// ```
    pub fn original_offset(&self, i: usize) -> usize {
        if self.map.is_empty() {
            return i.min(self.original_len);
        }
        match self.map.get(i) {
            Some(&o) => o as usize,
            None => self.original_len,
        }
    }

    /// Maps a normalised byte range `[start, end)` to the original range it covers: `start` maps
    /// to the start of its source character, `end` to the end of the source character of the
    /// last byte in the range, extended over harakat and tatweel the normalisation dropped right
    /// after it (so "محمد" found in normalised text covers "مُحَمَّدٌ", but not a following
    /// bidi mark or space).
    ///
    /// ```
    /// use marsad_arabic::normalize::{normalize_mapped, Options};
    /// let orig = "قال مُحَمَّدٌ\u{200F} أمس";
    /// let n = normalize_mapped(orig, &Options::MATCH);
    /// let s = n.text().find("محمد").unwrap();
    /// let (a, b) = n.original_span(s, s + "محمد".len());
    /// assert_eq!(&orig[a..b], "مُحَمَّدٌ");
    /// ```
    pub fn original_span(&self, start: usize, end: usize) -> (usize, usize) {
        if self.map.is_empty() {
            let a = start.min(self.original_len);
            return (a, end.clamp(a, self.original_len));
        }
        let text: &str = &self.text;
        let floor = |mut k: usize| {
            while k > 0 && !text.is_char_boundary(k) {
                k -= 1;
            }
            k
        };
        let a = self.original_offset(floor(start.min(text.len())));
        if end <= start || start >= text.len() {
            return (a, a);
        }
        let end = end.min(text.len());
        let last = self.original_offset(floor(end - 1));
        let rest = self.original.get(last..).unwrap_or("");
        let mut chars = rest.chars();
        let mut b = last + chars.next().map_or(0, char::len_utf8);
        for c in chars {
            let dropped =
                (self.opts.diacritics && is_diacritic(c)) || (self.opts.tatweel && c == '\u{0640}');
            if !dropped {
                break;
            }
            b += c.len_utf8();
        }
        (a, b.min(self.original_len))
    }
}

/// Normalises and keeps the offset map back to `text`.
///
/// Inputs longer than [`MAX_INPUT_BYTES`] are returned unchanged (identity map); use
/// [`normalize_mapped_bytes`] to get an error instead.
///
/// ```
/// use marsad_arabic::normalize::{normalize_mapped, Options};
/// let orig = "وقال الرئيس: ﻻ";
/// let n = normalize_mapped(orig, &Options::MATCH);
/// assert_eq!(n.text(), "وقال الرئيس: لا");
/// let (a, b) = n.original_span(n.text().len() - "لا".len(), n.text().len());
/// assert_eq!(&orig[a..b], "ﻻ");
/// ```
pub fn normalize_mapped<'a>(text: &'a str, opts: &Options) -> Normalized<'a> {
    let Some(first) = first_change(text, opts) else {
        return Normalized {
            text: Cow::Borrowed(text),
            map: Vec::new(),
            original: text,
            original_len: text.len(),
            opts: *opts,
        };
    };
    if text.len() > MAX_INPUT_BYTES {
        return Normalized {
            text: Cow::Borrowed(text),
            map: Vec::new(),
            original: text,
            original_len: text.len(),
            opts: *opts,
        };
    }
    let mut out = String::with_capacity(text.len());
    let mut map: Vec<u32> = Vec::with_capacity(text.len() + 1);
    out.push_str(&text[..first]);
    map.extend(0..first as u32);
    if let Some(table) = table_for(opts) {
        let mut sink = MappedSink {
            out: &mut out,
            map: &mut map,
        };
        run_table(text, first, opts, table, &mut sink);
    } else {
        for (i, c) in text[first..].char_indices() {
            let src = (first + i) as u32;
            map_char(c, opts, &mut |m| {
                out.push(m);
                for _ in 0..m.len_utf8() {
                    map.push(src);
                }
            });
        }
    }
    map.push(text.len() as u32);
    Normalized {
        text: Cow::Owned(out),
        map,
        original: text,
        original_len: text.len(),
        opts: *opts,
    }
}

/// [`normalize_mapped`] on raw bytes, with a clear error for invalid UTF-8 or oversize input.
///
/// ```
/// use marsad_arabic::normalize::{normalize_mapped_bytes, Options};
/// let n = normalize_mapped_bytes("آذار".as_bytes(), &Options::MATCH).unwrap();
/// assert_eq!(n.text(), "اذار");
/// assert!(normalize_mapped_bytes(b"\xd8", &Options::MATCH).is_err());
/// ```
pub fn normalize_mapped_bytes<'a>(
    bytes: &'a [u8],
    opts: &Options,
) -> Result<Normalized<'a>, NormalizeError> {
    Ok(normalize_mapped(str_from_bytes(bytes)?, opts))
}

/// Normalises one character, calling `out` with each output character (none when dropped).
/// Returns `true` when the output differs from `c`.
///
/// ```
/// use marsad_arabic::normalize::{normalize_char, Options};
/// let mut s = String::new();
/// normalize_char('ﻷ', &Options::MATCH, &mut |c| s.push(c));
/// assert_eq!(s, "لا");
/// ```
pub fn normalize_char(c: char, opts: &Options, out: &mut impl FnMut(char)) -> bool {
    if !char_changes(c, opts) {
        out(c);
        return false;
    }
    map_char(c, opts, out);
    true
}

/// Byte offset of the first character that would change, or `None`.
#[inline]
fn first_change(text: &str, opts: &Options) -> Option<usize> {
    let bytes = text.as_bytes();
    // ASCII fast path: only uppercase letters can change.
    if bytes.is_ascii() {
        if !opts.lowercase {
            return None;
        }
        return bytes.iter().position(u8::is_ascii_uppercase);
    }
    let Some(table) = table_for(opts) else {
        return text
            .char_indices()
            .find(|&(_, c)| char_changes(c, opts))
            .map(|(i, _)| i);
    };
    let len = bytes.len();
    let mut i = 0;
    while i < len {
        let b = bytes[i];
        if b < 0x80 {
            if opts.lowercase && b.is_ascii_uppercase() {
                return Some(i);
            }
            i += 1;
            continue;
        }
        if let Some(k) = arabic_block_at(bytes, i) {
            if table.0[k] != KEEP {
                return Some(i);
            }
            i += 2;
            continue;
        }
        let c = text.get(i..).and_then(|r| r.chars().next())?;
        if char_changes(c, opts) {
            return Some(i);
        }
        i += c.len_utf8();
    }
    None
}

#[inline]
fn is_presentation_form(c: char) -> bool {
    matches!(c, '\u{FB50}'..='\u{FDFF}' | '\u{FE70}'..='\u{FEFF}' | '\u{FB00}'..='\u{FB06}')
}

#[inline]
fn is_diacritic(c: char) -> bool {
    matches!(c,
        '\u{064B}'..='\u{065F}'
        | '\u{0670}'
        | '\u{0610}'..='\u{061A}'
        | '\u{06D6}'..='\u{06DC}'
        | '\u{06DF}'..='\u{06E4}'
        | '\u{06E7}'..='\u{06E8}'
        | '\u{06EA}'..='\u{06ED}'
        | '\u{08D3}'..='\u{08E1}'
        | '\u{08E3}'..='\u{08FF}')
}

/// True for the invisible format characters normalisation removes: bidi controls, zero-width
/// space, (non-)joiners and marks, word joiner, the Arabic letter mark, BOM and soft hyphen.
///
/// ```
/// use marsad_arabic::normalize::is_invisible;
/// assert!(is_invisible('\u{200D}')); // zero-width joiner
/// assert!(is_invisible('\u{200F}')); // right-to-left mark
/// assert!(!is_invisible('م'));
/// assert!("\u{200F}\u{200D}".chars().all(is_invisible));
/// ```
#[inline]
pub fn is_invisible(c: char) -> bool {
    matches!(c,
        '\u{200B}'..='\u{200F}'
        | '\u{202A}'..='\u{202E}'
        | '\u{2066}'..='\u{2069}'
        | '\u{2060}'
        | '\u{061C}'
        | '\u{FEFF}'
        | '\u{00AD}'
        | '\u{08E2}')
}

#[inline]
fn is_unicode_space(c: char) -> bool {
    matches!(
        c,
        '\u{00A0}' | '\u{2000}'..='\u{200A}' | '\u{202F}' | '\u{205F}' | '\u{3000}'
    )
}

/// The simple one-to-one (or drop) rules; `None` = unchanged, `Some(None)` = dropped.
#[inline]
fn simple(c: char, o: &Options) -> Option<Option<char>> {
    let r = match c {
        'أ' | 'إ' | 'آ' | 'ٱ' | 'ٲ' | 'ٳ' if o.alef => Some('ا'),
        'ى' if o.alef_maqsura => Some('ي'),
        'ة' if o.taa_marbuta => Some('ه'),
        'ـ' if o.tatweel => None,
        'ی' if o.persian_lookalikes => Some('ي'),
        'ک' if o.persian_lookalikes => Some('ك'),
        'ہ' | 'ە' if o.persian_lookalikes => Some('ه'),
        '\u{0660}'..='\u{0669}' if o.digits => char::from_digit(c as u32 - 0x0660, 10),
        '\u{06F0}'..='\u{06F9}' if o.digits => char::from_digit(c as u32 - 0x06F0, 10),
        '٫' if o.digits => Some('.'),
        '٬' if o.digits => Some(','),
        '٪' if o.digits => Some('%'),
        _ if o.diacritics && is_diacritic(c) => None,
        _ if o.invisible && is_invisible(c) => None,
        _ if o.spaces && is_unicode_space(c) => Some(' '),
        _ => return None,
    };
    Some(r)
}

#[inline]
fn char_changes(c: char, o: &Options) -> bool {
    if c.is_ascii() {
        return o.lowercase && c.is_ascii_uppercase();
    }
    if simple(c, o).is_some() {
        return true;
    }
    if o.presentation_forms && is_presentation_form(c) {
        // Some code points in these blocks are unassigned or already canonical.
        let mut it = std::iter::once(c).nfkc();
        return !(it.next() == Some(c) && it.next().is_none());
    }
    o.lowercase && lowercase_changes(c)
}

#[inline]
fn lowercase_changes(c: char) -> bool {
    if !c.is_uppercase() {
        return false;
    }
    let mut l = c.to_lowercase();
    !(l.len() == 1 && l.next() == Some(c))
}

/// Maps one character through the rules (after presentation-form expansion and lowercasing,
/// every output character goes through the simple rules once more, so the result is a fixed
/// point: idempotence).
#[inline]
fn map_char(c: char, o: &Options, out: &mut impl FnMut(char)) {
    if c.is_ascii() {
        out(if o.lowercase {
            c.to_ascii_lowercase()
        } else {
            c
        });
        return;
    }
    if let Some(r) = simple(c, o) {
        if let Some(m) = r {
            out(m);
        }
        return;
    }
    if o.presentation_forms && is_presentation_form(c) {
        for d in std::iter::once(c).nfkc() {
            map_plain(d, o, out);
        }
        return;
    }
    map_plain(c, o, out);
}

/// Simple rules and lowercasing, no presentation-form expansion.
#[inline]
fn map_plain(c: char, o: &Options, out: &mut impl FnMut(char)) {
    if let Some(r) = simple(c, o) {
        if let Some(m) = r {
            out(m);
        }
        return;
    }
    if o.lowercase && lowercase_changes(c) {
        for l in c.to_lowercase() {
            match simple(l, o) {
                Some(Some(m)) => out(m),
                Some(None) => {}
                None => out(l),
            }
        }
        return;
    }
    out(c);
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn default_rules() {
        let cases = [
            ("أإآٱ", "اااا"),
            ("على", "علي"),
            ("مدرسة", "مدرسه"),
            ("مـــصر", "مصر"),
            ("مُحَمَّدٌ", "محمد"),
            ("ﻻ ﻷ", "لا لا"),
            ("ﷲ", "الله"),
            ("ایران کشور", "ايران كشور"),
            ("٠١٢٣٤٥٦٧٨٩ ۰۱۲۳۴۵۶۷۸۹", "0123456789 0123456789"),
            ("a\u{200F}b\u{202B}c\u{200B}", "abc"),
            ("أمس\u{00A0}الإثنين", "امس الاثنين"),
            ("CNN Reuters", "cnn reuters"),
            ("٣٫٥٪", "3.5%"),
        ];
        for (i, o) in cases {
            assert_eq!(normalize(i), o, "{i}");
        }
    }

    #[test]
    fn display_keeps_letters() {
        assert_eq!(
            normalize_with("إلى المدرسةِ ـ", &Options::DISPLAY),
            "إلى المدرسة "
        );
    }

    #[test]
    fn borrowed_when_unchanged() {
        for s in ["مصر", "hello world", "", "القاهرة - رويترز"] {
            let opts = Options {
                taa_marbuta: false,
                ..Options::MATCH
            };
            assert!(matches!(normalize_with(s, &opts), Cow::Borrowed(_)), "{s}");
            assert!(normalize_mapped(s, &opts).is_unchanged());
        }
        assert!(matches!(normalize("Hello"), Cow::Owned(_)));
        assert!(matches!(
            normalize_with("Hello", &Options::NONE),
            Cow::Borrowed(_)
        ));
    }

    #[test]
    fn map_points_back() {
        let orig = "ﻻ مُـحَمَّد\u{200F} ٢٠";
        let n = normalize_mapped(orig, &Options::MATCH);
        assert_eq!(n.text(), "لا محمد 20");
        let t = n.text();
        let s = t.find("محمد").unwrap_or(0);
        let (a, b) = n.original_span(s, s + "محمد".len());
        assert_eq!(&orig[a..b], "مُـحَمَّد");
        let s = t.find("20").unwrap_or(0);
        let (a, b) = n.original_span(s, s + 2);
        assert_eq!(&orig[a..b], "٢٠");
        let (a, b) = n.original_span(0, 1);
        assert_eq!(&orig[a..b], "ﻻ");
    }

    #[test]
    fn lone_marks_and_bad_bytes() {
        assert_eq!(normalize("\u{0651}\u{064E}"), "");
        assert_eq!(normalize("\u{0301}"), "\u{0301}");
        assert!(matches!(
            normalize_bytes(b"ab\xc3", &Options::MATCH),
            Err(NormalizeError::InvalidUtf8 { valid_up_to: 2 })
        ));
    }

    #[test]
    fn one_megabyte_word() {
        let w = "مُ".repeat(250_000);
        let n = normalize_mapped(&w, &Options::MATCH);
        assert_eq!(n.text().chars().count(), 250_000);
        assert_eq!(n.original_offset(2), 4);
    }

    proptest! {
        #[test]
        fn idempotent(s in "(\\PC|[\u{0600}-\u{06FF}\u{FB50}-\u{FDFF}\u{FE70}-\u{FEFF}\u{200B}-\u{200F}\u{00A0}])*") {
            let once = normalize(&s).into_owned();
            let twice = normalize(&once);
            prop_assert_eq!(&once, &*twice);
            prop_assert!(matches!(twice, Cow::Borrowed(_)));
        }

        #[test]
        fn table_path_equals_char_path(s in "(\\PC|[\u{0600}-\u{06FF}\u{FE70}-\u{FEFF}\u{200B}-\u{200F}])*") {
            let fast = normalize_with(&s, &Options::MATCH).into_owned();
            let mut slow = String::new();
            for c in s.chars() {
                map_char(c, &Options::MATCH, &mut |m| slow.push(m));
            }
            prop_assert_eq!(fast, slow);
        }

        #[test]
        fn map_is_monotone_and_on_boundaries(s in "(\\PC|[\u{0600}-\u{06FF}\u{FE70}-\u{FEFF}])*") {
            let n = normalize_mapped(&s, &Options::MATCH);
            let mut prev = 0;
            for i in (0..=n.text().len()).filter(|&i| n.text().is_char_boundary(i)) {
                let o = n.original_offset(i);
                prop_assert!(o >= prev);
                prop_assert!(s.is_char_boundary(o));
                prev = o;
            }
            prop_assert_eq!(n.original_offset(n.text().len()), s.len());
        }
    }
}
