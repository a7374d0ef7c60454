//! Tokens for the date scanner: words (with their lexicon entry, after peeling a clitic),
//! numbers (ASCII or Arabic-Indic digits) and punctuation, each with byte offsets.

use super::fold::{Folded, fold_char};
use super::lexicon::{self, PhraseKind, WordInfo};

/// What a token is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Kind {
    Word,
    Num,
    Punct(char),
}

/// One token.
#[derive(Debug, Clone)]
pub(crate) struct Tok {
    /// First byte in the text.
    pub start: usize,
    /// One past the last byte.
    pub end: usize,
    /// Where the matched stem starts (after a clitic such as و or ب), for spans.
    pub stem: usize,
    pub kind: Kind,
    /// Folded text (whole word), as a range into the scanner's buffer.
    pub fold: (u32, u32),
    /// Folded stem (after the clitic), as a range into the buffer.
    pub stem_fold: (u32, u32),
    /// Numeric value (numbers only; saturates).
    pub num: u32,
    /// Digit count (numbers only).
    pub digits: u8,
    /// A line break lies between the previous token and this one.
    pub nl_before: bool,
    /// Whitespace lies between the previous token and this one.
    pub sp_before: bool,
    /// The clitic peeled off was و ("and").
    pub wa: bool,
    /// Lexicon entry of the word (or of its stem).
    pub info: Option<&'static WordInfo>,
    /// Multi-word lexicon entries starting with this word (or its stem).
    pub phrases: Option<&'static [(Vec<String>, PhraseKind)]>,
}

/// Longest word kept as one token for lookup; longer runs are still tokens but never match.
pub(crate) const MAX_WORD_BYTES: usize = 96;

/// The token list and the folded text it points into.
pub(crate) struct Tokens {
    pub toks: Vec<Tok>,
    pub buf: String,
}

impl Tokens {
    /// Folded text of token `i` (whole word).
    #[inline]
    pub fn fold(&self, i: usize) -> &str {
        match self.toks.get(i) {
            Some(t) => self
                .buf
                .get(t.fold.0 as usize..t.fold.1 as usize)
                .unwrap_or(""),
            None => "",
        }
    }

    /// Folded stem of token `i` (after the clitic).
    #[inline]
    pub fn stem_fold(&self, i: usize) -> &str {
        match self.toks.get(i) {
            Some(t) => self
                .buf
                .get(t.stem_fold.0 as usize..t.stem_fold.1 as usize)
                .unwrap_or(""),
            None => "",
        }
    }
}

#[inline]
fn is_word_char(c: char) -> bool {
    matches!(c,
        '\u{0621}'..='\u{065F}' | '\u{066E}'..='\u{06D3}' | '\u{06D5}'..='\u{06EF}' | '\u{06FA}'..='\u{06FF}'
        | '\u{0750}'..='\u{077F}' | '\u{08A0}'..='\u{08FF}' | '\u{FB50}'..='\u{FDFF}' | '\u{FE70}'..='\u{FEFF}'
        | '\u{200B}'..='\u{200F}' | '\u{202A}'..='\u{202E}'
        | '\u{2066}'..='\u{2069}' | 'a'..='z' | 'A'..='Z')
}

#[inline]
fn digit_value(c: char) -> Option<u32> {
    match c {
        '0'..='9' => Some(c as u32 - '0' as u32),
        '\u{0660}'..='\u{0669}' => Some(c as u32 - 0x0660),
        '\u{06F0}'..='\u{06F9}' => Some(c as u32 - 0x06F0),
        _ => None,
    }
}

/// What a character is to the tokenizer.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Class {
    Space,
    Newline,
    Digit(u32),
    /// A word character and what it folds to (`None` = invisible, dropped from the fold).
    Word(Option<char>),
    Punct,
}

/// Classes of U+0600–U+06FF, computed once.
static ARABIC_BLOCK: std::sync::LazyLock<[Class; 256]> = std::sync::LazyLock::new(|| {
    let mut t = [Class::Punct; 256];
    for (k, slot) in t.iter_mut().enumerate() {
        let Some(c) = char::from_u32(0x600 + k as u32) else {
            continue;
        };
        *slot = classify_slow(c);
    }
    t
});

fn classify_slow(c: char) -> Class {
    if c == '\n' || c == '\r' || c == '\u{2028}' || c == '\u{2029}' {
        return Class::Newline;
    }
    if c.is_whitespace() {
        return Class::Space;
    }
    if let Some(v) = digit_value(c) {
        return Class::Digit(v);
    }
    if is_word_char(c) {
        return match fold_char(c) {
            Folded::Drop => Class::Word(None),
            Folded::Char(f) => Class::Word(Some(f)),
        };
    }
    Class::Punct
}

/// Decodes the character at byte `i` (a char boundary) with its class and length; fast paths
/// for ASCII and the two-byte Arabic block.
#[inline]
fn class_at(text: &str, b: &[u8], table: &[Class; 256], i: usize) -> Option<(char, Class, usize)> {
    let c0 = *b.get(i)?;
    if c0 < 0x80 {
        let c = c0 as char;
        let cl = match c0 {
            b'\n' | b'\r' => Class::Newline,
            b' ' | b'\t' | 0x0B | 0x0C => Class::Space,
            b'0'..=b'9' => Class::Digit((c0 - b'0') as u32),
            b'a'..=b'z' => Class::Word(Some(c)),
            b'A'..=b'Z' => Class::Word(Some(c.to_ascii_lowercase())),
            _ => Class::Punct,
        };
        return Some((c, cl, 1));
    }
    if (0xD8..=0xDB).contains(&c0)
        && let Some(&c1) = b.get(i + 1)
    {
        let cp = (((c0 & 0x1F) as u32) << 6) | (c1 & 0x3F) as u32;
        let c = char::from_u32(cp)?;
        let cl = table
            .get((cp - 0x600) as usize)
            .copied()
            .unwrap_or(Class::Punct);
        return Some((c, cl, 2));
    }
    let c = text.get(i..)?.chars().next()?;
    Some((c, classify_slow(c), c.len_utf8()))
}

/// Tokenises `text`. Invisible marks (tatweel, harakat, bidi) are part of words.
pub(crate) fn tokenize(text: &str) -> Tokens {
    let b = text.as_bytes();
    let table: &[Class; 256] = &ARABIC_BLOCK;
    let mut toks = Vec::with_capacity(text.len() / 4 + 4);
    let mut buf = String::with_capacity(text.len() / 2 + 16);
    let mut nl = false;
    let mut sp = false;
    let mut i = 0usize;
    while let Some((c, cl, len)) = class_at(text, b, table, i) {
        match cl {
            Class::Space => {
                sp = true;
                i += len;
            }
            Class::Newline => {
                sp = true;
                nl = true;
                i += len;
            }
            Class::Digit(v) => {
                let start = i;
                let mut num: u32 = v;
                let mut digits: u8 = 1;
                i += len;
                while let Some((_, Class::Digit(v), l)) = class_at(text, b, table, i) {
                    num = num.saturating_mul(10).saturating_add(v);
                    digits = digits.saturating_add(1);
                    i += l;
                }
                let f0 = buf.len() as u32;
                toks.push(Tok {
                    start,
                    end: i,
                    stem: start,
                    kind: Kind::Num,
                    fold: (f0, f0),
                    stem_fold: (f0, f0),
                    num,
                    digits,
                    nl_before: nl,
                    sp_before: sp,
                    wa: false,
                    info: None,
                    phrases: None,
                });
                nl = false;
                sp = false;
            }
            Class::Word(f) => {
                let start = i;
                let f0 = buf.len();
                if let Some(f) = f {
                    buf.push(f);
                }
                i += len;
                loop {
                    // fast path: two-byte Arabic letters
                    if let (Some(&c0), Some(&c1)) = (b.get(i), b.get(i + 1))
                        && (0xD8..=0xDB).contains(&c0)
                    {
                        let cp = (((c0 & 0x1F) as usize) << 6) | (c1 & 0x3F) as usize;
                        match table.get(cp - 0x600) {
                            Some(Class::Word(f)) => {
                                if let Some(f) = f
                                    && buf.len() - f0 < MAX_WORD_BYTES
                                {
                                    buf.push(*f);
                                }
                                i += 2;
                                continue;
                            }
                            _ => break,
                        }
                    }
                    match class_at(text, b, table, i) {
                        Some((_, Class::Word(f), l)) => {
                            if let Some(f) = f
                                && buf.len() - f0 < MAX_WORD_BYTES
                            {
                                buf.push(f);
                            }
                            i += l;
                        }
                        _ => break,
                    }
                }
                let f1 = buf.len();
                if f1 == f0 {
                    // Only invisible marks: not a token.
                    continue;
                }
                let mut tok = Tok {
                    start,
                    end: i,
                    stem: start,
                    kind: Kind::Word,
                    fold: (f0 as u32, f1 as u32),
                    stem_fold: (f0 as u32, f1 as u32),
                    num: 0,
                    digits: 0,
                    nl_before: nl,
                    sp_before: sp,
                    wa: false,
                    info: None,
                    phrases: None,
                };
                resolve_word(text, &buf, &mut tok);
                toks.push(tok);
                nl = false;
                sp = false;
            }
            Class::Punct => {
                let f0 = buf.len() as u32;
                toks.push(Tok {
                    start: i,
                    end: i + len,
                    stem: i,
                    kind: Kind::Punct(c),
                    fold: (f0, f0),
                    stem_fold: (f0, f0),
                    num: 0,
                    digits: 0,
                    nl_before: nl,
                    sp_before: sp,
                    wa: false,
                    info: None,
                    phrases: None,
                });
                nl = false;
                sp = false;
                i += len;
            }
        }
    }
    Tokens { toks, buf }
}

/// Byte offset in `text` after the first `n` visible letters of the word starting at `start`.
fn skip_letters(text: &str, start: usize, n: usize) -> usize {
    let mut seen = 0;
    let Some(rest) = text.get(start..) else {
        return start;
    };
    for (j, c) in rest.char_indices() {
        if fold_char(c) != Folded::Drop {
            if seen == n {
                return start + j;
            }
            seen += 1;
        }
    }
    text.len()
}

fn resolve_word(text: &str, buf: &str, tok: &mut Tok) {
    let (f0, f1) = (tok.fold.0 as usize, tok.fold.1 as usize);
    let Some(word) = buf.get(f0..f1) else { return };
    // a key plus the longest clitic (two letters, four bytes) bounds what can match
    if word.len() >= MAX_WORD_BYTES || word.len() > lexicon::max_key() + 4 {
        return;
    }
    // quick reject on (first letter, last letter) signatures before any hash lookup
    let mut cs = word.chars();
    let (Some(c0), Some(last)) = (cs.next(), word.chars().next_back()) else {
        return;
    };
    if lexicon::sig_has(c0, last)
        && let Some((info, phr)) = lexicon_entry(word, c0, last)
    {
        tok.info = info;
        tok.phrases = phr;
        return;
    }
    let is_clitic = |c: char| matches!(c, 'و' | 'ف' | 'ب' | 'ل' | 'ك');
    if !is_clitic(c0) {
        return;
    }
    let Some(c1) = cs.next() else { return };
    let c2 = cs.next();
    // "لل" + X is "ل" + "ال" + X: keep the whole word in the span (it cannot be split).
    if c0 == 'ل' && c1 == 'ل' && c2.is_some() && lexicon::sig_has('ا', last) {
        let rest = word.get(2 * 'ل'.len_utf8()..).unwrap_or("");
        let mut key = [0u8; MAX_WORD_BYTES + 4];
        let al = "ال".as_bytes();
        let n = al.len() + rest.len();
        if let Some(dst) = key.get_mut(..al.len()) {
            dst.copy_from_slice(al);
        }
        if let Some(dst) = key.get_mut(al.len()..n) {
            dst.copy_from_slice(rest.as_bytes());
        }
        if let Some(k) = key.get(..n).and_then(|k| std::str::from_utf8(k).ok())
            && let Some(i) = lexicon::lookup(k)
        {
            tok.info = Some(i);
            return;
        }
    }
    // two-letter clitics (وب، ول، فب، فل، وك) then one letter
    let two = matches!((c0, c1), ('و', 'ب' | 'ل' | 'ك') | ('ف', 'ب' | 'ل'));
    let mut tries: [(usize, Option<char>); 2] = [(0, None); 2];
    if two {
        tries[0] = (2, c2);
    }
    tries[1] = (1, Some(c1));
    for (n, first) in tries {
        if n == 0 {
            continue;
        }
        let Some(first) = first else { continue };
        if !lexicon::sig_has(first, last) {
            continue;
        }
        // clitic letters are two bytes each in UTF-8
        let Some(rest) = word.get(2 * n..) else {
            continue;
        };
        if rest.chars().count() < 2 {
            continue;
        }
        if let Some((info, phr)) = lexicon_entry(rest, first, last) {
            tok.info = info;
            tok.phrases = phr;
            tok.stem = skip_letters(text, tok.start, n);
            tok.stem_fold = ((f0 + 2 * n) as u32, f1 as u32);
            tok.wa = c0 == 'و';
            return;
        }
    }
}

/// What the lexicon knows of a folded word: its entry and the phrases it starts.
type LexiconEntry = (
    Option<&'static WordInfo>,
    Option<&'static [(Vec<String>, PhraseKind)]>,
);

/// A folded word's lexicon entry and the phrases it starts, given its first and last letters (the
/// phrase table is asked only when their signature allows); `None` when it has neither.
fn lexicon_entry(word: &str, first: char, last: char) -> Option<LexiconEntry> {
    let info = lexicon::lookup(word);
    let phr = if lexicon::phrase_sig_has(first, last) {
        lexicon::phrases(word)
    } else {
        None
    };
    (info.is_some() || phr.is_some()).then_some((info, phr))
}
