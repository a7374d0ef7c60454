//! Tokens with byte offsets into the original text, their normalised form, and the clitic split.
//!
//! A token is a maximal run of letters, digits and combining marks (harakat, tatweel and a
//! zero-width joiner/non-joiner or soft hyphen between two such characters stay inside the
//! word); a number may carry inner `.` `,` `٫` `٬` between digits ("3.5", "1,000", "٣٫٥").
//! Everything else (spaces, punctuation, `#`, bidi marks) separates tokens. Runs longer than
//! [`MAX_TOKEN_BYTES`] are cut into pieces at character boundaries, so a 1 MB "word" cannot
//! produce a giant term. Tokens whose normalised form is empty (a lone combining mark, tatweel
//! only) are skipped.
//!
//! Each [`Token`] keeps its surface slice and offsets into the *original* text, its normalised
//! form ([`crate::normalize::Options::MATCH`]) and where its base begins after proclitics —
//! conjunction و ف, preposition ب ك ل, article ال, and لل (ل + ال), stacked as in وبال, فلل.
//! One-letter clitics are peeled only when at least [`MIN_AFTER_LETTER`] letters remain, the
//! article when at least [`MIN_AFTER_ARTICLE`] remain, and never from a word in the protected
//! list (`data/protected_clitic.txt`: words such as بيروت, وزير, التزام whose first letters belong
//! to the word), so short proper nouns survive.

use std::borrow::Cow;
use std::sync::LazyLock;

use crate::normalize::{self, NormalizeError, Options};

/// Longest token, in bytes; longer runs of word characters are cut into pieces.
pub const MAX_TOKEN_BYTES: usize = 256;
/// Letters that must remain after peeling a one-letter clitic (و ف ب ك ل).
pub const MIN_AFTER_LETTER: usize = 3;
/// Letters that must remain after peeling the article (ال, or لل).
pub const MIN_AFTER_ARTICLE: usize = 2;

/// What a token is made of.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum TokenKind {
    /// Letters (possibly with digits).
    Word,
    /// Digits only (with inner separators).
    Number,
}

/// One token of the original text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Token<'a> {
    /// Byte offset of the first byte in the original text.
    pub start: usize,
    /// Byte offset one past the last byte in the original text.
    pub end: usize,
    /// The original text of the token (`&text[start..end]`).
    pub surface: &'a str,
    /// The normalised form ([`Options::MATCH`]).
    pub norm: Cow<'a, str>,
    /// Word or number.
    pub kind: TokenKind,
    /// Byte offset in `norm` where the base starts after proclitics (0 when none).
    pub base_offset: usize,
}

impl<'a> Token<'a> {
    /// The normalised form without proclitics.
    ///
    /// ```
    /// use marsad_arabic::tokenize::tokenize;
    /// let t = tokenize("وبالمفاوضات").next().unwrap();
    /// assert_eq!(t.base(), "مفاوضات");
    /// ```
    pub fn base(&self) -> &str {
        self.norm.get(self.base_offset..).unwrap_or("")
    }

    /// The normalised proclitics peeled off the front ("" when none).
    ///
    /// ```
    /// use marsad_arabic::tokenize::tokenize;
    /// let t = tokenize("وبالمفاوضات").next().unwrap();
    /// assert_eq!(t.clitics(), "وبال");
    /// ```
    pub fn clitics(&self) -> &str {
        self.norm.get(..self.base_offset).unwrap_or("")
    }

    /// Original byte offset where the base starts (the end of the proclitics in the surface).
    ///
    /// ```
    /// use marsad_arabic::tokenize::tokenize;
    /// let text = "قال وَللرئيس";
    /// let t = tokenize(text).nth(1).unwrap();
    /// assert_eq!(&text[t.base_start()..t.end], "رئيس");
    /// ```
    pub fn base_start(&self) -> usize {
        if self.base_offset == 0 {
            return self.start;
        }
        let mut produced = 0usize;
        for (i, c) in self.surface.char_indices() {
            if produced >= self.base_offset {
                return self.start + i;
            }
            normalize::normalize_char(c, &Options::MATCH, &mut |m| produced += m.len_utf8());
        }
        self.end
    }
}

/// Hash of a short byte string: whole 8-byte loads (the last one overlapping the previous, so
/// no byte-wise tail), multiply-rotate (FxHash-style), then a final avalanche so the low bits
/// index the table. The keys are our own data; equality is always checked after a hash match.
#[inline]
fn word_hash(bytes: &[u8]) -> u64 {
    const K: u64 = 0x517c_c1b7_2722_0a95;
    #[inline(always)]
    fn load8(b: &[u8], at: usize) -> u64 {
        let mut w = [0u8; 8];
        if let Some(s) = b.get(at..at + 8) {
            w.copy_from_slice(s);
        }
        u64::from_le_bytes(w)
    }
    #[inline(always)]
    fn load4(b: &[u8], at: usize) -> u64 {
        let mut w = [0u8; 4];
        if let Some(s) = b.get(at..at + 4) {
            w.copy_from_slice(s);
        }
        u64::from(u32::from_le_bytes(w))
    }
    let n = bytes.len();
    let mut h = (n as u64).wrapping_mul(K);
    if n >= 8 {
        let mut at = 0;
        while at + 8 < n {
            h = (h.rotate_left(5) ^ load8(bytes, at)).wrapping_mul(K);
            at += 8;
        }
        h = (h.rotate_left(5) ^ load8(bytes, n - 8)).wrapping_mul(K);
    } else if n >= 4 {
        let v = load4(bytes, 0) | (load4(bytes, n - 4) << 32);
        h = (h.rotate_left(5) ^ v).wrapping_mul(K);
    } else {
        let mut v = 0u64;
        for &b in bytes {
            v = (v << 8) | u64::from(b);
        }
        h = (h.rotate_left(5) ^ v).wrapping_mul(K);
    }
    h ^= h >> 29;
    h = h.wrapping_mul(0xbf58_476d_1ce4_e5b9);
    h ^ (h >> 32)
}

/// A read-only set of words built once from a data file, made for a tokenizer that asks about
/// every word and is usually told no: a 16 KiB Bloom filter (two bits per word, stays in L1
/// cache) answers most misses, then a compact open-addressing table whose slots keep the high
/// half of each word's hash, so bytes are compared only for a (near-)certain match.
#[derive(Debug, Clone, Default)]
pub(crate) struct WordSet {
    /// `(hash >> 32) << 32 | (index into words + 1)`; 0 marks an empty slot.
    slots: Vec<u64>,
    words: Vec<&'static str>,
    bloom: Vec<u64>,
}

/// Bits of the Bloom filter (a power of two).
const BLOOM_BITS: usize = 1 << 17;

impl WordSet {
    #[inline(always)]
    fn bloom_bits(h: u64) -> (usize, usize) {
        let a = (h >> 7) as usize & (BLOOM_BITS - 1);
        let b = (h >> 40) as usize & (BLOOM_BITS - 1);
        (a, b)
    }

    /// Whether `w` is in the set.
    #[inline]
    pub(crate) fn contains(&self, w: &str) -> bool {
        if self.slots.is_empty() {
            return false;
        }
        let h = word_hash(w.as_bytes());
        let (a, b) = Self::bloom_bits(h);
        let bit = |k: usize| {
            self.bloom
                .get(k / 64)
                .is_some_and(|x| x & (1 << (k % 64)) != 0)
        };
        if !bit(a) || !bit(b) {
            return false;
        }
        let mask = self.slots.len() - 1;
        let tag = h & 0xFFFF_FFFF_0000_0000;
        let mut i = h as usize & mask;
        loop {
            let slot = self.slots[i];
            if slot == 0 {
                return false;
            }
            if slot & 0xFFFF_FFFF_0000_0000 == tag {
                let idx = (slot & 0xFFFF_FFFF) as usize;
                if self.words.get(idx.wrapping_sub(1)).is_some_and(|x| *x == w) {
                    return true;
                }
            }
            i = (i + 1) & mask;
        }
    }

    /// The words, in no particular order.
    pub(crate) fn iter(&self) -> std::slice::Iter<'_, &'static str> {
        self.words.iter()
    }

    /// Keeps only the words `keep` accepts.
    pub(crate) fn retain(&mut self, keep: impl Fn(&str) -> bool) {
        let words: Vec<&'static str> = self.words.drain(..).filter(|w| keep(w)).collect();
        *self = words.into_iter().collect();
    }
}

impl FromIterator<&'static str> for WordSet {
    fn from_iter<I: IntoIterator<Item = &'static str>>(iter: I) -> Self {
        let mut words: Vec<&'static str> = iter.into_iter().collect();
        words.sort_unstable();
        words.dedup();
        // Indices are stored in 32 bits; our data files are far smaller.
        words.truncate(u32::MAX as usize - 1);
        // At most half full: probes stay short.
        let size = (words.len() * 2).next_power_of_two().max(8);
        let mut slots = vec![0u64; size];
        let mut bloom = vec![0u64; BLOOM_BITS / 64];
        for (k, w) in words.iter().enumerate() {
            let h = word_hash(w.as_bytes());
            let (a, b) = Self::bloom_bits(h);
            bloom[a / 64] |= 1 << (a % 64);
            bloom[b / 64] |= 1 << (b % 64);
            let mut i = h as usize & (size - 1);
            while slots[i] != 0 {
                i = (i + 1) & (size - 1);
            }
            slots[i] = (h & 0xFFFF_FFFF_0000_0000) | (k as u64 + 1);
        }
        WordSet {
            slots,
            words,
            bloom,
        }
    }
}

/// Parses a one-word-a-line data file: `#` comments and blank lines skipped, words normalised.
pub(crate) fn load_word_list(data: &'static str) -> WordSet {
    data.lines()
        .map(str::trim)
        .filter(|l| !l.is_empty() && !l.starts_with('#'))
        .map(|l| match normalize::normalize(l) {
            Cow::Borrowed(b) => b,
            // Data files are stored normalised; anything else is leaked once at start-up.
            Cow::Owned(o) => &*Box::leak(o.into_boxed_str()),
        })
        .collect()
}

static PROTECTED_CLITIC: LazyLock<WordSet> =
    LazyLock::new(|| load_word_list(include_str!("../data/protected_clitic.txt")));

/// Whether `norm` (normalised) is in the protected list: its first letters are not clitics.
///
/// ```
/// use marsad_arabic::tokenize::is_clitic_protected;
/// assert!(is_clitic_protected("بيروت"));
/// assert!(!is_clitic_protected("ومصر"));
/// ```
pub fn is_clitic_protected(norm: &str) -> bool {
    PROTECTED_CLITIC.contains(norm)
}

/// Splits a normalised word into proclitics and base; returns the byte offset of the base.
///
/// ```
/// use marsad_arabic::tokenize::clitic_split;
/// let w = "والمفاوضات";
/// assert_eq!(&w[clitic_split(w)..], "مفاوضات");
/// assert_eq!(clitic_split("بيروت"), 0); // protected: ب is part of the name
/// assert_eq!(clitic_split("ولد"), 0); // too short to peel
/// assert_eq!(&"للرئيس"[clitic_split("للرئيس")..], "رئيس");
/// ```
#[inline]
pub fn clitic_split(norm: &str) -> usize {
    let first = clitic::lead(norm.as_bytes());
    // Most words start with none of و ف ب ك ل ا: nothing to peel (decided inline, without
    // a call).
    if !matches!(
        first,
        clitic::WAW | clitic::FAA | clitic::BAA | clitic::KAF | clitic::LAM | clitic::ALEF
    ) {
        return 0;
    }
    peel(norm, first)
}

mod clitic {
    // The clitic letters are all two-byte UTF-8 (U+0627–U+0648); compare bytes, not chars.
    pub(super) const WAW: [u8; 2] = [0xD9, 0x88];
    pub(super) const FAA: [u8; 2] = [0xD9, 0x81];
    pub(super) const BAA: [u8; 2] = [0xD8, 0xA8];
    pub(super) const KAF: [u8; 2] = [0xD9, 0x83];
    pub(super) const LAM: [u8; 2] = [0xD9, 0x84];
    pub(super) const ALEF: [u8; 2] = [0xD8, 0xA7];

    #[inline(always)]
    pub(super) fn lead(x: &[u8]) -> [u8; 2] {
        match x {
            [a, b, ..] => [*a, *b],
            _ => [0, 0],
        }
    }
}

/// [`clitic_split`] of a word whose first letter (`first`) may be a clitic.
fn peel(norm: &str, first: [u8; 2]) -> usize {
    use clitic::{ALEF, BAA, FAA, KAF, LAM, WAW, lead};
    #[inline(always)]
    fn starts_art(x: &[u8]) -> bool {
        lead(x) == ALEF && x.get(2..4) == Some(&LAM[..])
    }
    let protected = |x: &str| PROTECTED_CLITIC.contains(x);
    // `x` always starts at a letter boundary; each clitic letter is two bytes.
    let mut x = norm;
    let mut peeled = 0usize;
    if matches!(first, WAW | FAA) {
        let rest = after(x, 2);
        if bytes_len_at_least(rest.as_bytes(), MIN_AFTER_LETTER) && !protected(x) {
            x = rest;
            peeled += 2;
        }
    }
    let xb = x.as_bytes();
    if lead(xb) == LAM && xb.get(2..4) == Some(&LAM[..]) {
        let rest = after(x, 4);
        if bytes_len_at_least(rest.as_bytes(), MIN_AFTER_ARTICLE) && !protected(x) {
            // ل + a word that itself starts with ل (للبنان = ل + لبنان): peel one letter only.
            if protected(after(x, 2)) {
                return peeled + 2;
            }
            return peeled + 4;
        }
    }
    if matches!(lead(xb), BAA | KAF | LAM) {
        let rest = after(x, 2);
        // Two one-letter clitics in a row (وب, فل...) without the article need a longer rest:
        // فلانه must not become انه.
        let min = if peeled > 0 && !starts_art(rest.as_bytes()) {
            MIN_AFTER_LETTER + 1
        } else {
            MIN_AFTER_LETTER
        };
        if bytes_len_at_least(rest.as_bytes(), min) && !protected(x) {
            x = rest;
            peeled += 2;
        }
    }
    if starts_art(x.as_bytes())
        && bytes_len_at_least(after(x, 4).as_bytes(), MIN_AFTER_ARTICLE)
        && !protected(x)
    {
        peeled += 4;
    }
    peeled
}

/// `x` without its first `n` bytes ("" when `n` is not a boundary inside `x`).
#[inline(always)]
fn after(x: &str, n: usize) -> &str {
    x.get(n..).unwrap_or("")
}

/// Whether the UTF-8 bytes `s` hold at least `n` characters.
#[inline]
fn bytes_len_at_least(s: &[u8], n: usize) -> bool {
    // A character is at most 4 bytes; otherwise count the non-continuation bytes.
    s.len() >= 4 * n || s.iter().filter(|&&b| (b & 0xC0) != 0x80).count() >= n
}

#[inline]
fn is_mark(c: char) -> bool {
    matches!(c,
        '\u{0300}'..='\u{036F}'
        | '\u{0483}'..='\u{0489}'
        | '\u{0591}'..='\u{05C7}'
        | '\u{0610}'..='\u{061A}'
        | '\u{064B}'..='\u{065F}'
        | '\u{0670}'
        | '\u{06D6}'..='\u{06ED}'
        | '\u{08D3}'..='\u{08FF}'
        | '\u{0640}'
        | '\u{1AB0}'..='\u{1AFF}'
        | '\u{1DC0}'..='\u{1DFF}'
        | '\u{20D0}'..='\u{20FF}'
        | '\u{FE20}'..='\u{FE2F}')
}

#[inline]
fn is_word_char(c: char) -> bool {
    if c.is_ascii() {
        return c.is_ascii_alphanumeric();
    }
    // Arabic letters and digits: the common case.
    if matches!(c, '\u{0621}'..='\u{063A}' | '\u{0641}'..='\u{064A}') {
        return true;
    }
    c.is_alphanumeric() || is_mark(c)
}

#[inline]
fn is_joiner(c: char) -> bool {
    matches!(c, '\u{200C}' | '\u{200D}' | '\u{00AD}')
}

#[inline]
fn is_digit(c: char) -> bool {
    c.is_ascii_digit() || matches!(c, '\u{0660}'..='\u{0669}' | '\u{06F0}'..='\u{06F9}')
}

#[inline]
fn is_number_sep(c: char) -> bool {
    matches!(c, '.' | ',' | '٫' | '٬')
}

/// Character classes of the Arabic block U+0600–U+06FF for the tokenizer.
const SEP: u8 = 0;
const LETTER: u8 = 1;
const DIGIT: u8 = 2;
const MARK: u8 = 3;
const JOIN: u8 = 4;
const NUMSEP: u8 = 5;

fn class_of(c: char) -> u8 {
    if is_digit(c) {
        DIGIT
    } else if is_mark(c) {
        MARK
    } else if is_word_char(c) {
        LETTER
    } else if is_joiner(c) {
        JOIN
    } else if is_number_sep(c) {
        NUMSEP
    } else {
        SEP
    }
}

/// Class of each code point U+0600–U+06FF, with [`CHANGED`] set when [`Options::MATCH`]
/// changes it: one table look-up per Arabic letter.
static ARABIC_CLASS: LazyLock<[u8; 256]> = LazyLock::new(|| {
    let mut t = [SEP; 256];
    for (i, e) in t.iter_mut().enumerate() {
        if let Some(c) = char::from_u32(0x0600 + i as u32) {
            *e = class_of(c)
                | if normalize::match_keeps_arabic(i) {
                    0
                } else {
                    CHANGED
                };
        }
    }
    t
});

/// Flag bit of [`ARABIC_CLASS`] entries: normalisation changes the character.
const CHANGED: u8 = 0x80;

const ASCII_CLASS: [u8; 128] = {
    let mut t = [SEP; 128];
    let mut i = 0;
    while i < 128 {
        let b = i as u8;
        t[i] = if b.is_ascii_digit() {
            DIGIT
        } else if b.is_ascii_alphabetic() {
            LETTER
        } else if b == b'.' || b == b',' {
            NUMSEP
        } else {
            SEP
        };
        i += 1;
    }
    t
};

/// Class, byte length and whether [`Options::MATCH`] changes the character at `i`
/// (`arabic` is [`ARABIC_CLASS`], fetched once by the caller).
#[inline(always)]
fn classify(text: &str, i: usize, arabic: &[u8; 256]) -> (u8, usize, bool) {
    let bytes = text.as_bytes();
    let b = bytes[i];
    if b < 0x80 {
        return (ASCII_CLASS[b as usize], 1, b.is_ascii_uppercase());
    }
    if let Some(k) = normalize::arabic_block_at(bytes, i) {
        let e = arabic[k & 0xFF];
        return (e & !CHANGED, 2, e & CHANGED != 0);
    }
    match text.get(i..).and_then(|r| r.chars().next()) {
        Some(c) => (class_of(c), c.len_utf8(), normalize::match_changes(c)),
        None => (SEP, 1, false),
    }
}

/// Position and kind of a token; its normalised form is written by [`Tokens::next_span`].
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct TokenSpan {
    /// Byte offset of the first byte in the original text.
    pub start: usize,
    /// Byte offset one past the last byte in the original text.
    pub end: usize,
    /// Word or number.
    pub kind: TokenKind,
    /// Byte offset in the normalised form where the base starts after proclitics.
    pub base_offset: usize,
}

/// Iterator over the tokens of a text; see [`tokenize`].
#[derive(Debug, Clone)]
pub struct Tokens<'a> {
    text: &'a str,
    pos: usize,
}

impl<'a> Iterator for Tokens<'a> {
    type Item = Token<'a>;

    fn next(&mut self) -> Option<Token<'a>> {
        loop {
            let (start, end, all_digits, changed) = self.next_run()?;
            let surface = &self.text[start..end];
            let norm = if changed {
                let mut s = String::with_capacity(surface.len());
                normalize::match_into(surface, &mut s);
                Cow::Owned(s)
            } else {
                Cow::Borrowed(surface)
            };
            if norm.is_empty() {
                continue;
            }
            let kind = if all_digits {
                TokenKind::Number
            } else {
                TokenKind::Word
            };
            let base_offset = if kind == TokenKind::Word {
                clitic_split(&norm)
            } else {
                0
            };
            return Some(Token {
                start,
                end,
                surface,
                norm,
                kind,
                base_offset,
            });
        }
    }
}

impl<'a> Tokens<'a> {
    /// Like [`Iterator::next`] without allocating: writes the normalised form into `norm`
    /// (cleared first) and returns the token's position and kind.
    ///
    /// ```
    /// use marsad_arabic::tokenize::tokenize;
    /// let mut toks = tokenize("قالت الحكومةُ");
    /// let mut norm = String::new();
    /// let t = toks.next_span(&mut norm).unwrap();
    /// assert_eq!((norm.as_str(), t.start, t.end), ("قالت", 0, 8));
    /// let t = toks.next_span(&mut norm).unwrap();
    /// assert_eq!((norm.as_str(), t.base_offset), ("الحكومه", 4));
    /// assert!(toks.next_span(&mut norm).is_none());
    /// ```
    pub fn next_span(&mut self, norm: &mut String) -> Option<TokenSpan> {
        loop {
            let (start, end, all_digits, changed) = self.next_run()?;
            let surface = &self.text[start..end];
            norm.clear();
            if changed {
                normalize::match_into(surface, norm);
            } else {
                norm.push_str(surface);
            }
            if norm.is_empty() {
                continue;
            }
            let kind = if all_digits {
                TokenKind::Number
            } else {
                TokenKind::Word
            };
            let base_offset = if kind == TokenKind::Word {
                clitic_split(norm)
            } else {
                0
            };
            return Some(TokenSpan {
                start,
                end,
                kind,
                base_offset,
            });
        }
    }

    /// Finds the next run of word characters: (start, end, digits only, normalisation changes it).
    #[inline(always)]
    fn next_run(&mut self) -> Option<(usize, usize, bool, bool)> {
        let text = self.text;
        let len = text.len();
        let arabic: &[u8; 256] = &ARABIC_CLASS;
        // Skip separators (a joiner or number separator cannot start a token).
        let mut i = self.pos;
        let bytes = text.as_bytes();
        let start = loop {
            if i >= len {
                self.pos = len;
                return None;
            }
            // ASCII spaces and punctuation: one table look-up.
            if let Some(&b) = bytes.get(i)
                && b < 0x80
                && ASCII_CLASS[b as usize] == SEP
            {
                i += 1;
                continue;
            }
            let (class, l, _) = classify(text, i, arabic);
            if matches!(class, LETTER | DIGIT | MARK) {
                break i;
            }
            i += l;
        };
        let mut end = start;
        let mut all_digits = true;
        let mut has_alnum = false;
        let mut prev_digit = false;
        let mut changed = false;
        let mut i = start;
        // The token may not grow past this byte.
        let limit = len.min(start.saturating_add(MAX_TOKEN_BYTES));
        while i < len {
            // Fast path: a run of letters of the Arabic block (two bytes each, D8–DB lead), over
            // whole pairs below `limit` (no bounds checks); the table entries are OR-ed so the
            // CHANGED bit is tested once per run.
            let run_from = i;
            let mut seen = 0u8;
            if let Some(rest) = bytes.get(i..limit) {
                for pair in rest.chunks_exact(2) {
                    let (b, b2) = (pair[0], pair[1]);
                    if b & 0xFC != 0xD8 {
                        break;
                    }
                    let e = arabic[((b as usize & 0x03) << 6) | (b2 as usize & 0x3F)];
                    if e & !CHANGED != LETTER {
                        break;
                    }
                    seen |= e;
                    i += 2;
                }
            }
            changed |= seen & CHANGED != 0;
            if i > run_from {
                has_alnum = true;
                all_digits = false;
                prev_digit = false;
                end = i;
                // The usual end of a word: an ASCII separator (space, punctuation).
                if bytes
                    .get(i)
                    .is_some_and(|&b| b < 0x80 && ASCII_CLASS[b as usize] == SEP)
                {
                    break;
                }
                continue;
            }
            let (class, l, ch) = classify(text, i, arabic);
            let next_end = i + l;
            let take = match class {
                LETTER | DIGIT | MARK => true,
                JOIN => {
                    next_end < len
                        && matches!(classify(text, next_end, arabic).0, LETTER | DIGIT | MARK)
                }
                NUMSEP => {
                    prev_digit
                        && all_digits
                        && next_end < len
                        && classify(text, next_end, arabic).0 == DIGIT
                }
                _ => false,
            };
            if !take || next_end - start > MAX_TOKEN_BYTES {
                break;
            }
            match class {
                DIGIT => {
                    has_alnum = true;
                    prev_digit = true;
                }
                LETTER => {
                    has_alnum = true;
                    all_digits = false;
                    prev_digit = false;
                }
                _ => {}
            }
            changed |= ch;
            end = next_end;
            i = next_end;
        }
        if end == start {
            // Cannot happen (a character is at most 4 bytes), but never loop forever.
            end = start + classify(text, start, arabic).1;
            changed = true;
        }
        self.pos = end;
        Some((start, end, all_digits && has_alnum, changed))
    }
}

/// Tokenises `text`: words and numbers with byte offsets into `text`, normalised forms and
/// clitic splits.
///
/// ```
/// use marsad_arabic::tokenize::{tokenize, TokenKind};
/// let text = "وقال الرئيسُ إنّ ٣٫٥% من الـمفاوضات";
/// let toks: Vec<_> = tokenize(text).collect();
/// let norms: Vec<&str> = toks.iter().map(|t| t.norm.as_ref()).collect();
/// assert_eq!(norms, ["وقال", "الرئيس", "ان", "3.5", "من", "المفاوضات"]);
/// assert_eq!(&text[toks[1].start..toks[1].end], "الرئيسُ");
/// assert_eq!(toks[3].kind, TokenKind::Number);
/// assert_eq!(toks[5].base(), "مفاوضات");
/// ```
pub fn tokenize(text: &str) -> Tokens<'_> {
    Tokens { text, pos: 0 }
}

/// [`tokenize`] on raw bytes: invalid UTF-8 gives an error naming the offset.
///
/// ```
/// use marsad_arabic::tokenize::tokenize_bytes;
/// assert_eq!(tokenize_bytes("مصر اليوم".as_bytes()).unwrap().count(), 2);
/// assert!(tokenize_bytes(b"\xd9").is_err());
/// ```
pub fn tokenize_bytes(bytes: &[u8]) -> Result<Tokens<'_>, NormalizeError> {
    Ok(tokenize(normalize::str_from_bytes(bytes)?))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn bases(s: &str) -> Vec<String> {
        tokenize(s).map(|t| t.base().to_string()).collect()
    }

    #[test]
    fn clitic_stacks() {
        assert_eq!(
            bases("وبالمفاوضات فالمدينة للرئيس كالعادة ولبنان وبيروت"),
            ["مفاوضات", "مدينه", "رئيس", "عاده", "لبنان", "بيروت"]
        );
    }

    #[test]
    fn short_names_survive() {
        for w in [
            "بيروت",
            "فرنسا",
            "لندن",
            "بغداد",
            "فلسطين",
            "ليبيا",
            "كندا",
            "وزير",
        ] {
            assert_eq!(bases(w), [w], "{w}");
        }
    }

    #[test]
    fn offsets_are_exact_with_marks_and_bidi() {
        let text = "\u{200F}مصرُ\u{00A0}(CNN)-- ٢٠٢٠ كوفيد19 \u{064E}";
        let toks: Vec<_> = tokenize(text).collect();
        let surf: Vec<&str> = toks.iter().map(|t| t.surface).collect();
        assert_eq!(surf, ["مصرُ", "CNN", "٢٠٢٠", "كوفيد19"]);
        for t in &toks {
            assert_eq!(&text[t.start..t.end], t.surface);
        }
        assert_eq!(toks[1].norm, "cnn");
        assert_eq!(toks[2].norm, "2020");
    }

    #[test]
    fn long_word_is_cut() {
        let w = "ب".repeat(500_000); // 1 MB
        let toks: Vec<_> = tokenize(&w).collect();
        assert!(toks.iter().all(|t| t.end - t.start <= MAX_TOKEN_BYTES));
        assert_eq!(toks.last().map(|t| t.end), Some(w.len()));
    }

    #[test]
    fn lone_marks_and_mixed_direction() {
        assert_eq!(tokenize("\u{0651}\u{064E} ـ").count(), 0);
        let text = "قال Trump إن \u{202B}السلام\u{202C} ممكن";
        let n: Vec<String> = tokenize(text).map(|t| t.norm.into_owned()).collect();
        assert_eq!(n, ["قال", "trump", "ان", "السلام", "ممكن"]);
    }

    #[test]
    fn joiners_inside_words() {
        let text = "می\u{200C}خواهم";
        assert_eq!(tokenize(text).count(), 1);
        assert_eq!(tokenize("a\u{200C} b").count(), 2);
    }
}
