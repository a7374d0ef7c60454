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
/// A word is part of a fine-print term ([`WORD_FLAGS`]): a token without it ends no term, so
/// no n-gram ending on it needs to be built.
const FINE_WORD: u8 = 2;
/// The key is a whole fine-print term (one word or several, [`FINE_PRINT`]).
const FINE_TERM: u8 = 4;

/// What each known word or term is ([`STOP`], [`FINE_WORD`], [`FINE_TERM`]): one look-up per
/// token instead of one per set.
static WORD_FLAGS: LazyLock<WordTable> = LazyLock::new(|| {
    let mut m: HashMap<String, u8, FnvBuild> = HashMap::default();
    for w in STOPWORDS.iter() {
        *m.entry(w.clone()).or_default() |= STOP;
    }
    for t in FINE_PRINT.iter() {
        *m.entry(t.clone()).or_default() |= FINE_TERM;
        for w in t.split(' ') {
            if !w.is_empty() {
                *m.entry(w.to_string()).or_default() |= FINE_WORD;
            }
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
    keys: Vec<(Box<[u8]>, u8)>,
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
        self.get_hashed(key, word_hash(key))
    }

    /// The flags of a token (its hash made as it was built).
    #[inline]
    fn get_tok(&self, tok: &Tok) -> u8 {
        let h = if tok.len <= 16 {
            short_word_hash(tok.lo, tok.hi, tok.len)
        } else {
            word_hash(tok.bytes())
        };
        self.get_hashed(tok.bytes(), h)
    }

    /// The flags of `key` whose [`word_hash`] is `h`.
    #[inline]
    fn get_hashed(&self, key: &[u8], h: u64) -> u8 {
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
                && let Some((kb, f)) = self.keys.get(k as usize)
                && **kb == *key
            {
                return *f;
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

/// Image (and other media) file extensions that make a line a file name (data:
/// `data/text_file_exts.tsv`).
static FILE_EXTS: LazyLock<HashSet<String>> = LazyLock::new(|| {
    include_str!("../../data/text_file_exts.tsv")
        .lines()
        .filter(|l| !l.starts_with('#'))
        .filter_map(|l| l.split('\t').next())
        .map(|w| w.trim().to_ascii_lowercase())
        .filter(|w| !w.is_empty())
        .collect()
});

/// True when `ext` (lower case, no dot) is a listed media file extension.
pub(crate) fn is_media_ext(ext: &str) -> bool {
    FILE_EXTS.contains(ext)
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
    /// Separators typical of menus and breadcrumbs (`|`, `»`, `>`, `/`, `•`).
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
    let mut w = [0u8; 8];
    let rest = chunks.remainder();
    w[..rest.len()].copy_from_slice(rest);
    step(h, u64::from_le_bytes(w))
}

fn is_invisible(c: char) -> bool {
    super::template::is_invisible_mark(c)
}

fn is_space(c: char) -> bool {
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
    let lead = s.len() - s.trim_start_matches(is_space).len();
    let trimmed = s.trim_matches(is_space);
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

/// A folded token in a fixed buffer (no allocation per token): up to [`MAX_TOKEN_BYTES`]
/// bytes, plus the lower-case form of the character that crossed the mark. Its first 16 bytes
/// are also kept in two words, so its hash needs no memory read.
#[derive(Clone, Copy)]
struct Tok {
    buf: [u8; MAX_TOKEN_BYTES + 16],
    len: usize,
    lo: u64,
    hi: u64,
}

impl Default for Tok {
    fn default() -> Tok {
        Tok {
            buf: [0; MAX_TOKEN_BYTES + 16],
            len: 0,
            lo: 0,
            hi: 0,
        }
    }
}

impl Tok {
    fn bytes(&self) -> &[u8] {
        self.buf.get(..self.len).unwrap_or(&[])
    }

    fn clear(&mut self) {
        self.len = 0;
        self.lo = 0;
        self.hi = 0;
    }

    #[inline]
    fn push_byte(&mut self, b: u8) {
        if let Some(x) = self.buf.get_mut(self.len) {
            *x = b;
            if self.len < 8 {
                self.lo |= u64::from(b) << (8 * self.len);
            } else if self.len < 16 {
                self.hi |= u64::from(b) << (8 * (self.len - 8));
            }
            self.len += 1;
        }
    }

    fn push(&mut self, c: char) {
        let mut b = [0u8; 4];
        for &x in c.encode_utf8(&mut b).as_bytes() {
            self.push_byte(x);
        }
    }
}

/// Two or three tokens joined by spaces (a candidate fine-print term).
struct Gram {
    buf: [u8; 3 * (MAX_TOKEN_BYTES + 16) + 2],
    len: usize,
}

impl Default for Gram {
    fn default() -> Gram {
        Gram {
            buf: [0; 3 * (MAX_TOKEN_BYTES + 16) + 2],
            len: 0,
        }
    }
}

impl Gram {
    fn clear(&mut self) {
        self.len = 0;
    }

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
    let check_fine = s.len() >= FINE_PRINT_MIN_CHARS as usize
        && (s.len() >= 4 * FINE_PRINT_MIN_CHARS as usize
            || s.chars().take(FINE_PRINT_MIN_CHARS as usize).count() as u32
                >= FINE_PRINT_MIN_CHARS);
    // The two tokens before the current one (for fine-print terms of two and three words).
    let mut prev: [Tok; 2] = [Tok::default(), Tok::default()];
    let mut gram = Gram::default();
    let mut tok = Tok::default();
    let mut tok_alpha = true;
    let mut tok_upper = false;
    let mut in_word = false;
    let mut finish = |tok: &mut Tok, alpha: bool, upper: bool, f: &mut Features| {
        if tok.len == 0 {
            return;
        }
        f.tokens += 1;
        if alpha {
            f.alpha_tokens += 1;
        }
        if upper {
            f.capitalized += 1;
        }
        let flags = words.get_tok(tok);
        if tok.len <= 12 && flags & STOP != 0 {
            f.stop += 1;
        }
        if check_fine && flags & FINE_WORD != 0 {
            let mut hit = flags & FINE_TERM != 0;
            if !hit && prev[1].len != 0 {
                gram.clear();
                gram.push(prev[1].bytes());
                gram.push(b" ");
                gram.push(tok.bytes());
                hit = words.get(gram.bytes()) & FINE_TERM != 0;
                if !hit && prev[0].len != 0 {
                    gram.clear();
                    gram.push(prev[0].bytes());
                    gram.push(b" ");
                    gram.push(prev[1].bytes());
                    gram.push(b" ");
                    gram.push(tok.bytes());
                    hit = words.get(gram.bytes()) & FINE_TERM != 0;
                }
            }
            if hit {
                f.fine_print += 1;
            }
        }
        if check_fine {
            prev[0] = prev[1];
            prev[1] = *tok;
        }
        tok.clear();
    };
    let bytes = sample.as_bytes();
    let mut at = 0usize;
    while let Some(&b0) = bytes.get(at) {
        if b0.is_ascii_alphanumeric() {
            // A run of ASCII letters and digits (most of a Latin-script line), counted in
            // locals.
            let (mut letters, mut digits) = (0u32, 0u32);
            while let Some(&b) = bytes.get(at) {
                if !b.is_ascii_alphanumeric() {
                    break;
                }
                if b.is_ascii_alphabetic() {
                    letters += 1;
                } else {
                    digits += 1;
                    tok_alpha = false;
                }
                if tok.len == 0 {
                    tok_alpha = !b.is_ascii_digit();
                    tok_upper = b.is_ascii_uppercase();
                }
                if tok.len < MAX_TOKEN_BYTES {
                    tok.push_byte(b.to_ascii_lowercase());
                }
                at += 1;
            }
            in_word = true;
            f.chars += letters + digits;
            f.letters += letters;
            f.digits += digits;
            continue;
        }
        let c = if b0.is_ascii() {
            b0 as char
        } else {
            match sample.get(at..).and_then(|r| r.chars().next()) {
                Some(c) => c,
                None => break,
            }
        };
        at += c.len_utf8();
        f.chars += 1;
        if c.is_ascii() {
            let b = c as u8;
            if b.is_ascii_whitespace() {
                if in_word {
                    f.words += 1;
                    in_word = false;
                }
            } else {
                in_word = true;
            }
            finish(&mut tok, tok_alpha, tok_upper, &mut f);
            match b {
                b'|' | b'>' | b'/' | b'\\' => f.menu_seps += 1,
                b'.' | b'!' | b'?' | b';' | b',' => f.inner_punct += 1,
                _ => {}
            }
            continue;
        }
        if c.is_whitespace() {
            if in_word {
                f.words += 1;
                in_word = false;
            }
        } else {
            in_word = true;
        }
        if c.is_alphanumeric() || c == '\u{0640}' || ('\u{064B}'..='\u{065F}').contains(&c) {
            if c.is_alphabetic() {
                f.letters += 1;
                if ('\u{0600}'..='\u{06FF}').contains(&c) || ('\u{0750}'..='\u{077F}').contains(&c)
                {
                    f.arabic += 1;
                }
            } else if c.is_numeric() {
                f.digits += 1;
                tok_alpha = false;
            }
            if tok.len == 0 {
                tok_alpha = !c.is_numeric();
                tok_upper = c.is_uppercase();
            }
            if tok.len < MAX_TOKEN_BYTES {
                match c {
                    'أ' | 'إ' | 'آ' => tok.push('ا'),
                    'ى' => tok.push('ي'),
                    'ة' => tok.push('ه'),
                    '\u{0640}' | '\u{064B}'..='\u{065F}' => {}
                    c if c.is_ascii() => tok.push(c.to_ascii_lowercase()),
                    c => c.to_lowercase().for_each(|l| tok.push(l)),
                }
            }
        } else {
            finish(&mut tok, tok_alpha, tok_upper, &mut f);
            match c {
                '|' | '»' | '>' | '•' | '·' | '/' | '\\' => f.menu_seps += 1,
                '.' | '!' | '?' | '؟' | '؛' | ';' | ',' | '،' => f.inner_punct += 1,
                _ => {}
            }
        }
    }
    finish(&mut tok, tok_alpha, tok_upper, &mut f);
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
    fn trailing_newline_opens_no_line() {
        assert_eq!(split("a\n").len(), 1);
        assert_eq!(split("a\n\n").len(), 2);
        assert_eq!(split("").len(), 1);
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
