//! Lines of flattened text with exact byte spans, and the shape features the classifier reads.

use std::collections::{HashMap, HashSet};
use std::sync::LazyLock;

use marsad_arabic::phrases::{self, PhraseMatch};
use marsad_model::Span;

/// Longest line (bytes) whose words are all looked at; longer lines are read on their first
/// `MAX_FEATURE_BYTES` bytes and their counts scaled to the whole line (a long line is prose or
/// garbage either way, and its first few sentences tell which).
pub const MAX_FEATURE_BYTES: usize = 2 * 1024;

/// The hasher of folded words (FNV-1a), shared with the phrase lists.
pub(crate) use marsad_arabic::phrases::FnvBuild;

/// True when `w` (any case) is a listed stopword.
pub(crate) fn is_stopword(w: &str) -> bool {
    STOPWORDS.contains(&phrases::fold(w))
}

/// Stopwords of several languages (data: `data/text_stopwords.tsv`, `lang<TAB>word`), folded.
/// Their density marks prose; which language a page is in is `marsad_arabic::lang`'s job.
static STOPWORDS: LazyLock<HashSet<String, FnvBuild>> = LazyLock::new(|| {
    let mut m: HashSet<String, FnvBuild> = HashSet::default();
    for l in include_str!("../../data/text_stopwords.tsv").lines() {
        if l.starts_with('#') {
            continue;
        }
        let mut cols = l.split('\t');
        let (Some(_lang), Some(w)) = (cols.next(), cols.next()) else {
            continue;
        };
        let w = phrases::fold(w.trim());
        if !w.is_empty() {
            m.insert(w);
        }
    }
    m
});

/// Fine-print vocabulary (legal, privacy, cookies; data: `data/text_boilerplate_terms.tsv`),
/// folded, single words and multi-word terms alike.
static FINE_PRINT: LazyLock<HashSet<String, FnvBuild>> =
    LazyLock::new(|| super::folded_list(include_str!("../../data/text_boilerplate_terms.tsv")));

/// A word is a stopword ([`WORD_FLAGS`]).
const STOP: u8 = 1;
/// The key is a whole fine-print term (one word or several, [`FINE_PRINT`]).
const FINE_TERM: u8 = 4;
/// A word is the first of a two-word fine-print term ([`WORD_FLAGS`]).
const FIRST_OF_2: u8 = 8;
/// A word is the last of a two-word fine-print term: only a token with it (or
/// [`LAST_OF_3`]) ends a term of several words, so no n-gram ending on another is built.
const LAST_OF_2: u8 = 2;
/// A word is the first of a three-word fine-print term.
const FIRST_OF_3: u8 = 16;
/// A word is the second of a three-word fine-print term.
const MID_OF_3: u8 = 32;
/// A word is the last of a three-word fine-print term.
const LAST_OF_3: u8 = 64;

/// What each known word or term is ([`STOP`], [`FINE_TERM`], and where a word sits in the
/// fine-print terms of two and three words: [`FIRST_OF_2`] …): one look-up per token instead
/// of one per set. (A term is matched on tokens joined by single spaces, and a token holds no
/// space: a two-word term is matched only by a token with [`FIRST_OF_2`] followed by one
/// with [`LAST_OF_2`].)
static WORD_FLAGS: LazyLock<WordTable> = LazyLock::new(|| {
    let mut m: HashMap<String, u8, FnvBuild> = HashMap::default();
    for w in STOPWORDS.iter() {
        *m.entry(w.clone()).or_default() |= STOP;
    }
    for t in FINE_PRINT.iter() {
        *m.entry(t.clone()).or_default() |= FINE_TERM;
        let parts: Vec<&str> = t.split(' ').collect();
        let places: &[u8] = match parts.len() {
            2 => &[FIRST_OF_2, LAST_OF_2],
            3 => &[FIRST_OF_3, MID_OF_3, LAST_OF_3],
            _ => &[],
        };
        for (w, &place) in parts.iter().zip(places) {
            *m.entry((*w).to_string()).or_default() |= place;
        }
    }
    WordTable::new(m)
});

/// A small open-addressing table from folded words (bytes) to flags, keyed by [`word_hash`]:
/// a token that is no known word (most of them) is mostly turned away by a 2 KB bit filter
/// that stays in the first-level cache, without touching the table or comparing strings.
struct WordTable {
    /// One bit per [`word_hash`] low 14 bits of a key.
    filter: [u64; 256],
    /// `(hash, index into keys)`; `u32::MAX` marks an empty slot.
    slots: Vec<(u64, u32)>,
    /// The keys and their flags.
    keys: Vec<Key>,
}

/// A key of [`WordTable`]: its bytes, and its first 16 bytes as two zero-padded words (a
/// short token is compared by them, without a byte comparison).
struct Key {
    bytes: Box<[u8]>,
    lo: u64,
    hi: u64,
    flags: u8,
}

/// The first 16 bytes of `b` as two little-endian words, zero-padded.
fn pad16(b: &[u8]) -> (u64, u64) {
    let mut w = [0u8; 16];
    let n = b.len().min(16);
    if let (Some(d), Some(s)) = (w.get_mut(..n), b.get(..n)) {
        d.copy_from_slice(s);
    }
    let (lo, hi) = w.split_at(8);
    let word = |x: &[u8]| {
        let mut a = [0u8; 8];
        a.copy_from_slice(x);
        u64::from_le_bytes(a)
    };
    (word(lo), word(hi))
}

impl WordTable {
    fn new(words: HashMap<String, u8, FnvBuild>) -> WordTable {
        let mut keys: Vec<(Box<[u8]>, u8)> = words
            .into_iter()
            .map(|(k, f)| (k.into_bytes().into_boxed_slice(), f))
            .collect();
        keys.sort();
        // Under a third full: probes are short and the loop always meets an empty slot.
        let size = (keys.len() * 3).next_power_of_two().max(16);
        let mut slots = vec![(0u64, u32::MAX); size];
        let mut filter = [0u64; 256];
        for (k, (key, _)) in keys.iter().enumerate() {
            let h = word_hash(key);
            let bit = (h & 0x3fff) as usize;
            filter[bit >> 6] |= 1 << (bit & 63);
            let mut i = Self::home(h, size);
            while slots[i].1 != u32::MAX {
                i = (i + 1) & (size - 1);
            }
            slots[i] = (h, k as u32);
        }
        let keys = keys
            .into_iter()
            .map(|(bytes, flags)| {
                let (lo, hi) = pad16(&bytes);
                Key {
                    bytes,
                    lo,
                    hi,
                    flags,
                }
            })
            .collect();
        WordTable {
            filter,
            slots,
            keys,
        }
    }

    fn home(h: u64, size: usize) -> usize {
        (h >> 20) as usize & (size - 1)
    }

    /// The flags of `key` (0 for an unknown word).
    fn get(&self, key: &[u8]) -> u8 {
        self.find(word_hash(key), |k| *k.bytes == *key)
    }

    /// The flags of a key of `len` <= 16 bytes given as two zero-padded words (its
    /// [`word_hash`] is `h`).
    #[inline]
    fn get_short(&self, lo: u64, hi: u64, len: usize, h: u64) -> u8 {
        self.find(h, |k| k.lo == lo && k.hi == hi && k.bytes.len() == len)
    }

    /// The flags of the key whose [`word_hash`] is `h` and that `is_it` accepts.
    #[inline]
    fn find(&self, h: u64, is_it: impl Fn(&Key) -> bool) -> u8 {
        let bit = (h & 0x3fff) as usize;
        if self.filter[bit >> 6] & (1 << (bit & 63)) == 0 {
            return 0;
        }
        let mask = self.slots.len() - 1;
        let mut i = Self::home(h, self.slots.len());
        loop {
            let (sh, k) = self.slots[i];
            if k == u32::MAX {
                return 0;
            }
            if sh == h
                && let Some(key) = self.keys.get(k as usize)
                && is_it(key)
            {
                return key.flags;
            }
            i = (i + 1) & mask;
        }
    }
}

/// The hash of a token or term for [`WordTable`]: words of up to 16 bytes (nearly all) with
/// two independent multiplies ([`short_word_hash`]), longer ones with [`bytes_hash`]; mixed so
/// that low bits are usable too.
fn word_hash(b: &[u8]) -> u64 {
    if b.len() <= 16 {
        let (mut lo, mut hi) = (0u64, 0u64);
        for (i, &x) in b.iter().enumerate() {
            if i < 8 {
                lo |= u64::from(x) << (8 * i);
            } else {
                hi |= u64::from(x) << (8 * (i - 8));
            }
        }
        short_word_hash(lo, hi, b.len())
    } else {
        let h = bytes_hash(b);
        h ^ (h >> 31)
    }
}

/// [`word_hash`] of a word of `len` <= 16 bytes given as two little-endian words (zero
/// padded).
#[inline]
fn short_word_hash(lo: u64, hi: u64, len: usize) -> u64 {
    let h = (lo ^ 0x9e37_79b9_7f4a_7c15).wrapping_mul(0x51_7c_c1_b7_27_22_0a_95)
        ^ (hi ^ ((len as u64) << 56)).wrapping_mul(0xff51_afd7_ed55_8ccd);
    h ^ (h >> 31)
}

/// Lines shorter than this (characters) are not checked for fine print.
const FINE_PRINT_MIN_CHARS: u32 = 70;

/// Image (and other media) file extensions that make a line a file name, each with whether it
/// is an icon format (data: `data/text_file_exts.tsv`).
static FILE_EXTS: LazyLock<HashMap<String, bool>> = LazyLock::new(|| {
    include_str!("../../data/text_file_exts.tsv")
        .lines()
        .filter(|l| !l.starts_with('#'))
        .filter_map(|l| {
            let mut cols = l.split('\t');
            let ext = cols.next()?.trim().to_ascii_lowercase();
            let icon = cols.next().is_some_and(|c| c.trim() == "icon");
            (!ext.is_empty()).then_some((ext, icon))
        })
        .collect()
});

/// True when `ext` (lower case, no dot) is a listed media file extension.
pub(crate) fn is_media_ext(ext: &str) -> bool {
    FILE_EXTS.contains_key(ext)
}

/// True when the file name `s` (a line [`looks_like_file`]) is in an icon format (`menu.svg`,
/// `favicon.ico`): the symbol of a menu entry or a card, not a figure.
pub(crate) fn is_icon_file(s: &str) -> bool {
    s.rsplit_once('.')
        .is_some_and(|(_, ext)| FILE_EXTS.get(&ext.to_ascii_lowercase()) == Some(&true))
}

/// What a line is made of.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum LineKind {
    /// Nothing between two line breaks.
    Empty,
    /// Only whitespace (spaces, NBSP, bidi marks).
    Blank,
    /// Some text.
    Text,
}

/// One line of the input.
#[derive(Debug, Clone)]
pub(crate) struct Line<'a> {
    /// The whole line without its line break (and without a trailing `\r`).
    pub raw: Span,
    /// The line without surrounding whitespace (equals `raw` for blank lines).
    pub span: Span,
    /// The text of `span`.
    pub text: &'a str,
    /// Empty, blank or text.
    pub kind: LineKind,
    /// Shape features (for text lines).
    pub f: Features,
    /// The chrome/teaser phrase the line is or starts with.
    pub phrase: Option<PhraseMatch>,
    /// [`line_hash`] of `text` (0 for empty and blank lines): repeated lines are found by it.
    pub hash: u64,
}

impl Line<'_> {
    /// True when `other` says exactly what this line says (the hash first, then the text).
    pub fn same_text(&self, other: &Line) -> bool {
        self.hash == other.hash && self.text == other.text
    }
}

/// Shape features of a line.
#[derive(Debug, Clone, Copy, Default)]
pub(crate) struct Features {
    /// Whitespace-separated words.
    pub words: u32,
    /// Word tokens (runs of letters/digits), as the scorers count them.
    pub tokens: u32,
    /// Tokens made of letters only.
    pub alpha_tokens: u32,
    /// Tokens that are stopwords.
    pub stop: u32,
    /// Characters.
    pub chars: u32,
    /// Letters.
    pub letters: u32,
    /// Arabic-script letters.
    pub arabic: u32,
    /// Digits.
    pub digits: u32,
    /// Ends with sentence punctuation (`.` `!` `?` `؟` `…`, possibly inside a closing quote).
    pub end_punct: bool,
    /// Ends with a colon.
    pub end_colon: bool,
    /// Looks like a file name (`lafrwf.jpg`).
    pub file: bool,
    /// Tokens starting with an upper-case letter.
    pub capitalized: u32,
    /// Separators typical of menus and breadcrumbs (`|`, `»`, `>`, `/`, `•`); the slashes of
    /// a URL (`https://example.com/a/b`) are not counted.
    pub menu_seps: u32,
    /// Sentence punctuation inside the line.
    pub inner_punct: u32,
    /// Fine-print terms (legal, privacy, cookies) in the line.
    pub fine_print: u32,
}

impl Features {
    /// True when the line reads as fine print: several fine-print terms, densely.
    pub fn is_fine_print(&self) -> bool {
        self.fine_print >= 3 && self.fine_print * 100 >= 7 * self.tokens
    }

    /// Share of tokens that are stopwords.
    pub fn stop_density(&self) -> f32 {
        if self.tokens == 0 {
            0.0
        } else {
            self.stop as f32 / self.tokens as f32
        }
    }
}

/// A fast 64-bit hash of a whole line's bytes, eight bytes at a time (FxHash's step), for
/// finding repeated lines within one page (not stable across versions: never saved).
pub(crate) fn line_hash(s: &str) -> u64 {
    bytes_hash(s.as_bytes())
}

/// [`line_hash`] of bytes.
fn bytes_hash(s: &[u8]) -> u64 {
    const K: u64 = 0x51_7c_c1_b7_27_22_0a_95;
    let step = |h: u64, w: u64| (h.rotate_left(5) ^ w).wrapping_mul(K);
    let mut chunks = s.chunks_exact(8);
    let mut h = step(0, s.len() as u64);
    for c in &mut chunks {
        let mut w = [0u8; 8];
        w.copy_from_slice(c);
        h = step(h, u64::from_le_bytes(w));
    }
    step(h, tail_word(chunks.remainder()))
}

fn is_invisible(c: char) -> bool {
    super::template::is_invisible_mark(c)
}

/// Whitespace or an invisible mark (lines are trimmed of both). An ASCII character (most) is
/// told by its byte: the invisible marks are all beyond ASCII.
#[inline(always)]
fn is_space(c: char) -> bool {
    if c.is_ascii() {
        return matches!(c, '\t'..='\r' | ' ');
    }
    c.is_whitespace() || is_invisible(c)
}

/// Splits `text` into lines with exact spans and computes their features.
pub(crate) fn split(text: &str) -> Vec<Line<'_>> {
    let mut out = Vec::with_capacity(memchr::memchr_iter(b'\n', text.as_bytes()).count() + 1);
    let mut start = 0usize;
    let bytes = text.as_bytes();
    loop {
        let nl = memchr::memchr(b'\n', &bytes[start..]).map(|i| start + i);
        let end_incl = nl.unwrap_or(text.len());
        let mut end = end_incl;
        if end > start && bytes[end - 1] == b'\r' {
            end -= 1;
        }
        push_line(text, start, end, &mut out);
        match nl {
            Some(i) => start = i + 1,
            None => break,
        }
    }
    // A final line break does not open one more (empty) line.
    if text.ends_with('\n')
        && let Some(last) = out.last()
        && last.kind == LineKind::Empty
        && last.raw.start == text.len()
    {
        out.pop();
    }
    out
}

fn push_line<'a>(text: &'a str, start: usize, end: usize, out: &mut Vec<Line<'a>>) {
    let raw = Span::new(start, end);
    let s = text.get(start..end).unwrap_or("");
    if s.is_empty() {
        out.push(Line {
            raw,
            span: raw,
            text: s,
            kind: LineKind::Empty,
            f: Features::default(),
            phrase: None,
            hash: 0,
        });
        return;
    }
    // One pass from each end: the start trimmed, then the end of what is left.
    let rest = s.trim_start_matches(is_space);
    let lead = s.len() - rest.len();
    let trimmed = rest.trim_end_matches(is_space);
    if trimmed.is_empty() {
        out.push(Line {
            raw,
            span: raw,
            text: s,
            kind: LineKind::Blank,
            f: Features::default(),
            phrase: None,
            hash: 0,
        });
        return;
    }
    let span = Span::new(start + lead, start + lead + trimmed.len());
    let f = features(trimmed);
    let phrase = phrases::match_line(trimmed);
    out.push(Line {
        raw,
        span,
        text: trimmed,
        kind: LineKind::Text,
        f,
        phrase,
        hash: line_hash(trimmed),
    });
}

/// Bytes of a token looked at (a longer word is cut; its first bytes tell a stopword or a
/// fine-print word).
const MAX_TOKEN_BYTES: usize = 24;

/// Room in a [`Tok`]'s buffer: [`MAX_TOKEN_BYTES`] plus the lower-case form of the character
/// that crossed the mark.
const TOK_BUF: usize = MAX_TOKEN_BYTES + 16;

/// A folded token in a fixed buffer (no allocation per token): up to [`MAX_TOKEN_BYTES`]
/// bytes, plus the lower-case form of the character that crossed the mark. Bytes past `len`
/// are left over from earlier tokens (never read as the token's).
#[derive(Clone, Copy)]
struct Tok {
    buf: [u8; TOK_BUF],
    len: usize,
}

impl Default for Tok {
    fn default() -> Tok {
        Tok {
            buf: [0; TOK_BUF],
            len: 0,
        }
    }
}

/// One in every byte of a word.
const SPREAD: u64 = 0x0101_0101_0101_0101;
/// The high bit of every byte of a word.
const HIGH_BITS: u64 = SPREAD * 0x80;

/// The eight bytes of `bytes` at `at` as a little-endian word, zero-padded past the end.
/// (The whole word is read as one load; only the last, partial word of a line is put
/// together byte by byte: a copy of a variable length would be a `memcpy` call per word.)
#[inline]
fn load_word(bytes: &[u8], at: usize) -> u64 {
    match bytes
        .get(at..at.saturating_add(8))
        .and_then(|s| <[u8; 8]>::try_from(s).ok())
    {
        Some(w) => u64::from_le_bytes(w),
        None => tail_word(bytes.get(at..).unwrap_or(&[])),
    }
}

/// The first (up to eight) bytes of `rest` as a little-endian word, zero-padded, assembled
/// byte by byte (no `memcpy` call for a short copy).
#[inline]
fn tail_word(rest: &[u8]) -> u64 {
    rest.iter()
        .take(8)
        .enumerate()
        .fold(0u64, |w, (i, &b)| w | u64::from(b) << (8 * i))
}

/// The ASCII letters and digits among the bytes of `w`, and its ASCII digits: the high bit of
/// each such byte set (SWAR range tests; bytes of 0x80 and above are neither).
#[inline]
fn ascii_alnum_digits(w: u64) -> (u64, u64) {
    // `x + (0x80 - lo)` has its high bit set when `x >= lo`, for bytes below 0x80 (no carry).
    let ge = |x: u64, lo: u8| x.wrapping_add(SPREAD * u64::from(0x80 - lo)) & HIGH_BITS;
    let low7 = w & !HIGH_BITS;
    let folded = low7 | (SPREAD * 0x20);
    let letter = ge(folded, b'a') & !ge(folded, b'z' + 1);
    let digit = ge(low7, b'0') & !ge(low7, b'9' + 1) & !w;
    ((letter & !w) | digit, digit)
}

impl Tok {
    fn bytes(&self) -> &[u8] {
        self.buf.get(..self.len).unwrap_or(&[])
    }

    #[inline]
    fn push_byte(&mut self, b: u8) {
        if let Some(x) = self.buf.get_mut(self.len) {
            *x = b;
            self.len += 1;
        }
    }

    /// Reads the run of ASCII letters and digits at `at` in `bytes`, eight bytes at a time,
    /// appending it in lower case (a letter or digit is lowered by setting its 0x20 bit) up to
    /// [`MAX_TOKEN_BYTES`] in all; gives the run's length and how many of its bytes are digits.
    /// (Bytes past the token's length may be overwritten.)
    #[inline]
    fn push_ascii_run(&mut self, bytes: &[u8], mut at: usize) -> (usize, u32) {
        let start = at;
        let mut digits = 0u64;
        loop {
            let w = load_word(bytes, at);
            let (alnum, digit) = ascii_alnum_digits(w);
            let stop = !alnum & HIGH_BITS;
            let k = if stop == 0 {
                8
            } else {
                (stop.trailing_zeros() / 8) as usize
            };
            let keep = KEEP_BYTES[k];
            // One bit per digit byte, summed into the top byte.
            digits += (((digit & keep) >> 7).wrapping_mul(0x0101_0101_0101_0101)) >> 56;
            if self.len < MAX_TOKEN_BYTES
                && let Some(dst) = self.buf.get_mut(self.len..self.len + 8)
            {
                dst.copy_from_slice(&(w | (SPREAD * 0x20)).to_le_bytes());
                self.len += k.min(MAX_TOKEN_BYTES - self.len);
            }
            at += k;
            if k < 8 {
                break;
            }
        }
        (at - start, digits as u32)
    }

    fn push(&mut self, c: char) {
        let mut b = [0u8; 4];
        for &x in c.encode_utf8(&mut b).as_bytes() {
            self.push_byte(x);
        }
    }

    /// The token's flags in `words`.
    #[inline(always)]
    fn flags(&self, words: &WordTable) -> u8 {
        if self.len <= 16 {
            let word = |at: usize| {
                let mut w = [0u8; 8];
                if let Some(src) = self.buf.get(at..at + 8) {
                    w.copy_from_slice(src);
                }
                u64::from_le_bytes(w)
            };
            let lo = word(0) & KEEP_BYTES[self.len.min(8)];
            let hi = word(8) & KEEP_BYTES[self.len.saturating_sub(8).min(8)];
            words.get_short(lo, hi, self.len, short_word_hash(lo, hi, self.len))
        } else {
            words.get(self.bytes())
        }
    }
}

/// `KEEP_BYTES[n]` keeps the low `n` bytes of a word.
static KEEP_BYTES: [u64; 9] = {
    let mut t = [u64::MAX; 9];
    let mut n = 0;
    while n < 8 {
        t[n] = (1u64 << (8 * n)) - 1;
        n += 1;
    }
    t
};

/// Two or three tokens joined by spaces (a candidate fine-print term).
struct Gram {
    buf: [u8; 3 * TOK_BUF + 2],
    len: usize,
}

impl Default for Gram {
    fn default() -> Gram {
        Gram {
            buf: [0; 3 * TOK_BUF + 2],
            len: 0,
        }
    }
}

impl Gram {
    fn push(&mut self, b: &[u8]) {
        if let Some(dst) = self.buf.get_mut(self.len..self.len + b.len()) {
            dst.copy_from_slice(b);
            self.len += b.len();
        }
    }

    fn bytes(&self) -> &[u8] {
        self.buf.get(..self.len).unwrap_or(&[])
    }
}

/// The token being read and the two before it (for fine-print terms of two and three words),
/// in a ring: finishing a token moves the ring on instead of copying tokens.
struct Tokens {
    ring: [Tok; 3],
    /// Index of the current token in `ring`.
    cur: usize,
    /// The [`WORD_FLAGS`] of each finished token of `ring`.
    flags: [u8; 3],
    /// The current token has no digit (as far as it is read).
    alpha: bool,
    /// The current token opened with an upper-case letter.
    upper: bool,
    /// Fine-print terms are looked for (the line is long enough).
    check_fine: bool,
}

impl Tokens {
    #[inline]
    fn tok(&mut self) -> &mut Tok {
        &mut self.ring[self.cur]
    }

    /// Counts the current token (if any) into `f` and starts a new one.
    #[inline]
    fn finish(&mut self, words: &WordTable, f: &mut Features) {
        if self.ring[self.cur].len != 0 {
            self.finish_tok(words, f);
        }
    }

    /// (Inlined into the line loop, which calls it for most tokens; the rare look-up of a
    /// fine-print term of two or three words stays out of line.)
    #[inline(always)]
    fn finish_tok(&mut self, words: &WordTable, f: &mut Features) {
        let tok = &self.ring[self.cur];
        f.tokens += 1;
        if self.alpha {
            f.alpha_tokens += 1;
        }
        if self.upper {
            f.capitalized += 1;
        }
        let flags = tok.flags(words);
        if tok.len <= 12 && flags & STOP != 0 {
            f.stop += 1;
        }
        if self.check_fine {
            if flags & (FINE_TERM | LAST_OF_2 | LAST_OF_3) != 0 && self.ends_fine_term(words, flags)
            {
                f.fine_print += 1;
            }
            self.flags[self.cur] = flags;
            // The oldest token's slot takes the next one.
            self.cur = if self.cur == 2 { 0 } else { self.cur + 1 };
        }
        self.ring[self.cur].len = 0;
    }

    /// True when the current token (`flags` its flags) ends a fine-print term: it is one, or
    /// it ends one with the one or two tokens before it (their n-gram looked up only when
    /// each token sits where the term needs it).
    #[inline(never)]
    fn ends_fine_term(&self, words: &WordTable, flags: u8) -> bool {
        let tok = &self.ring[self.cur];
        let (i1, i0) = ((self.cur + 2) % 3, (self.cur + 1) % 3);
        let prev1 = &self.ring[i1];
        let prev0 = &self.ring[i0];
        let (flags1, flags0) = (self.flags[i1], self.flags[i0]);
        let mut hit = flags & FINE_TERM != 0;
        if !hit && prev1.len != 0 {
            if flags & LAST_OF_2 != 0 && flags1 & FIRST_OF_2 != 0 {
                let mut gram = Gram::default();
                gram.push(prev1.bytes());
                gram.push(b" ");
                gram.push(tok.bytes());
                hit = words.get(gram.bytes()) & FINE_TERM != 0;
            }
            if !hit
                && prev0.len != 0
                && flags & LAST_OF_3 != 0
                && flags1 & MID_OF_3 != 0
                && flags0 & FIRST_OF_3 != 0
            {
                let mut gram = Gram::default();
                gram.push(prev0.bytes());
                gram.push(b" ");
                gram.push(prev1.bytes());
                gram.push(b" ");
                gram.push(tok.bytes());
                hit = words.get(gram.bytes()) & FINE_TERM != 0;
            }
        }
        hit
    }
}

/// Dashes, quotes, bullets and the ellipsis of Unicode's General Punctuation block (no letter,
/// digit or space among them).
const GENERAL_PUNCT: std::ops::RangeInclusive<char> = '\u{2010}'..='\u{2027}';

/// Computes the shape features of one (trimmed) line.
pub(crate) fn features(s: &str) -> Features {
    let mut f = Features::default();
    let sample = if s.len() > MAX_FEATURE_BYTES {
        let mut cut = MAX_FEATURE_BYTES;
        while !s.is_char_boundary(cut) {
            cut -= 1;
        }
        &s[..cut]
    } else {
        s
    };
    let words = &*WORD_FLAGS;
    // (A line of fewer bytes has fewer characters; one of four times as many bytes has
    // enough; in between they are counted, which `chars().count()` does a word at a time.)
    let check_fine = s.len() >= FINE_PRINT_MIN_CHARS as usize
        && (s.len() >= 4 * FINE_PRINT_MIN_CHARS as usize
            || s.chars().count() >= FINE_PRINT_MIN_CHARS as usize);
    let mut toks = Tokens {
        ring: [Tok::default(); 3],
        cur: 0,
        flags: [0; 3],
        alpha: true,
        upper: false,
        check_fine,
    };
    let mut in_word = false;
    let bytes = sample.as_bytes();
    // A slash has followed a colon (a URL's `://`, a path's `C:\`): it and the slashes after
    // it part no menu items.
    let mut in_url = false;
    let mut at = 0usize;
    while let Some(&b0) = bytes.get(at) {
        if b0.is_ascii_alphanumeric() {
            // A run of ASCII letters and digits (most of a Latin-script line), read eight
            // bytes at a time.
            if toks.tok().len == 0 {
                toks.alpha = true;
                toks.upper = b0.is_ascii_uppercase();
            }
            let (n, digits) = toks.tok().push_ascii_run(bytes, at);
            at += n;
            let n = n as u32;
            if digits != 0 {
                toks.alpha = false;
            }
            in_word = true;
            f.chars += n;
            f.letters += n - digits;
            f.digits += digits;
            continue;
        }
        if b0.is_ascii() {
            at += 1;
            f.chars += 1;
            if b0.is_ascii_whitespace() {
                if in_word {
                    f.words += 1;
                    in_word = false;
                }
            } else {
                in_word = true;
            }
            toks.finish(words, &mut f);
            match b0 {
                b'|' | b'>' => f.menu_seps += 1,
                b'/' | b'\\' => {
                    in_url |= at >= 2 && bytes.get(at - 2) == Some(&b':');
                    if !in_url {
                        f.menu_seps += 1;
                    }
                }
                b'.' | b'!' | b'?' | b';' | b',' => f.inner_punct += 1,
                _ => {}
            }
            continue;
        }
        let Some(c) = sample.get(at..).and_then(|r| r.chars().next()) else {
            break;
        };
        at += c.len_utf8();
        f.chars += 1;
        if c.is_whitespace() {
            if in_word {
                f.words += 1;
                in_word = false;
            }
        } else {
            in_word = true;
        }
        // Whether `c` is a letter, else a digit (each table looked up once). General
        // punctuation (’ “ ” – — …, most of the non-ASCII characters of Latin-script text)
        // is neither, told without the tables.
        let (alpha, numeric) = if GENERAL_PUNCT.contains(&c) {
            (false, false)
        } else {
            let alpha = c.is_alphabetic();
            (alpha, !alpha && c.is_numeric())
        };
        if alpha || numeric || c == '\u{0640}' || ('\u{064B}'..='\u{065F}').contains(&c) {
            if alpha {
                f.letters += 1;
                if ('\u{0600}'..='\u{06FF}').contains(&c) || ('\u{0750}'..='\u{077F}').contains(&c)
                {
                    f.arabic += 1;
                }
            } else if numeric {
                f.digits += 1;
                toks.alpha = false;
            }
            let tok = toks.tok();
            if tok.len == 0 {
                toks.alpha = !c.is_numeric();
                toks.upper = c.is_uppercase();
            }
            let tok = toks.tok();
            if tok.len < MAX_TOKEN_BYTES {
                match c {
                    'أ' | 'إ' | 'آ' => tok.push('ا'),
                    'ى' => tok.push('ي'),
                    'ة' => tok.push('ه'),
                    '\u{0640}' | '\u{064B}'..='\u{065F}' => {}
                    c => c.to_lowercase().for_each(|l| tok.push(l)),
                }
            }
        } else {
            toks.finish(words, &mut f);
            match c {
                '»' | '•' | '·' => f.menu_seps += 1,
                '؟' | '؛' | '،' => f.inner_punct += 1,
                _ => {}
            }
        }
    }
    toks.finish(words, &mut f);
    if in_word {
        f.words += 1;
    }
    if sample.len() < s.len() {
        // Scale the counts of the sample to the whole line.
        let k = s.len() as f64 / sample.len().max(1) as f64;
        let scale = |x: u32| (f64::from(x) * k).min(f64::from(u32::MAX)) as u32;
        f.words = scale(f.words);
        f.tokens = scale(f.tokens);
        f.alpha_tokens = scale(f.alpha_tokens);
        f.stop = scale(f.stop);
        f.chars = scale(f.chars);
        f.letters = scale(f.letters);
        f.arabic = scale(f.arabic);
        f.digits = scale(f.digits);
        f.capitalized = scale(f.capitalized);
        f.menu_seps = scale(f.menu_seps);
        f.inner_punct = scale(f.inner_punct);
        f.fine_print = scale(f.fine_print);
    }
    let end = s.trim_end_matches(|c: char| {
        matches!(c, '"' | '\'' | '”' | '’' | '»' | ')' | ']' | '*') || is_space(c)
    });
    f.end_punct = end.ends_with(['.', '!', '?', '؟', '…', '。', '！', '？', '۔']);
    f.end_colon = end.ends_with([':', '：']);
    f.file = looks_like_file(s);
    f
}

/// A single token like `lafrwf.jpg`, `IMG_0042.JPG` or `photo%201.png`.
pub(crate) fn looks_like_file(s: &str) -> bool {
    if s.len() > 300 || s.contains(char::is_whitespace) {
        return false;
    }
    let Some((stem, ext)) = s.rsplit_once('.') else {
        return false;
    };
    !stem.is_empty() && ext.len() <= 5 && is_media_ext(&ext.to_ascii_lowercase())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn line_hash_tells_lines_apart() {
        assert_eq!(line_hash("اقرأ أيضاً: خبر"), line_hash("اقرأ أيضاً: خبر"));
        assert_ne!(line_hash("abcdefgh"), line_hash("abcdefgh\0"));
        assert_ne!(line_hash("Read more here"), line_hash("Read more there"));
    }

    #[test]
    fn spans_are_exact() {
        let t = "icon\n\u{a0}\n\n  عنوان الخبر  \r\nlafrwf.jpg";
        let ls = split(t);
        assert_eq!(ls.len(), 5);
        assert_eq!(ls[0].span, Span::new(0, 4));
        assert_eq!(ls[1].kind, LineKind::Blank);
        assert_eq!(ls[1].span, Span::new(5, 7));
        assert_eq!(ls[2].kind, LineKind::Empty);
        assert_eq!(&t[ls[3].span.start..ls[3].span.end], "عنوان الخبر");
        assert!(ls[4].f.file);
    }

    #[test]
    fn is_space_agrees_with_whitespace_and_marks() {
        for c in (0u32..0x1_0000).filter_map(char::from_u32) {
            assert_eq!(is_space(c), c.is_whitespace() || is_invisible(c), "{c:?}");
        }
    }

    #[test]
    fn general_punctuation_is_no_letter_digit_or_space() {
        for c in GENERAL_PUNCT {
            assert!(!c.is_alphanumeric() && !c.is_whitespace(), "{c:?}");
        }
        let f = features("It’s a “test” — isn’t it…");
        assert_eq!((f.words, f.tokens, f.letters), (6, 7, 14));
    }

    #[test]
    fn trailing_newline_opens_no_line() {
        assert_eq!(split("a\n").len(), 1);
        assert_eq!(split("a\n\n").len(), 2);
        assert_eq!(split("").len(), 1);
    }

    #[test]
    fn slashes_of_a_url_part_no_menu_items() {
        assert_eq!(features("Home / News / World").menu_seps, 2);
        assert_eq!(features("الرئيسية / أخبار / العالم").menu_seps, 2);
        assert_eq!(
            features("Link: https://lore.kernel.org/r/Pine.LNX.4.58@osdl.org").menu_seps,
            0
        );
        assert_eq!(
            features("Retrieved from https://wiki.example.org/index.php?a=b").menu_seps,
            0
        );
    }

    #[test]
    fn features_count_words_and_stopwords() {
        let f = features("The cat sat on the mat.");
        assert_eq!(f.words, 6);
        assert_eq!(f.tokens, 6);
        assert!(f.end_punct);
        assert!(f.stop >= 3);
        let f = features("وقال إن الوضع في المدينة هادئ.");
        assert!(f.stop >= 2);
        assert!(f.arabic > 10);
    }
}
