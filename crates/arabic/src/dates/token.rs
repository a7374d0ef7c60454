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

/// Clitic prefixes tried when a word is not in the lexicon, longest first.
const CLITICS: &[&str] = &["وب", "ول", "فب", "فل", "وك", "و", "ف", "ب", "ل", "ك"];

/// Tokenises `text`. Invisible marks (tatweel, harakat, bidi) are part of words.
pub(crate) fn tokenize(text: &str) -> Tokens {
    let mut toks = Vec::with_capacity(text.len() / 6 + 4);
    let mut buf = String::with_capacity(text.len() / 2 + 16);
    let mut nl = false;
    let mut sp = false;
    let mut it = text.char_indices().peekable();
    while let Some((i, c)) = it.next() {
        if c.is_whitespace() {
            sp = true;
            if c == '\n' || c == '\r' || c == '\u{2029}' || c == '\u{2028}' {
                nl = true;
            }
            continue;
        }
        if let Some(v) = digit_value(c) {
            let mut num: u32 = v;
            let mut digits: u8 = 1;
            let mut end = i + c.len_utf8();
            while let Some(&(j, d)) = it.peek() {
                match digit_value(d) {
                    Some(v) => {
                        num = num.saturating_mul(10).saturating_add(v);
                        digits = digits.saturating_add(1);
                        end = j + d.len_utf8();
                        it.next();
                    }
                    None => break,
                }
            }
            let f0 = buf.len() as u32;
            toks.push(Tok {
                start: i,
                end,
                stem: i,
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
            continue;
        }
        if is_word_char(c) {
            let f0 = buf.len();
            let mut end = i + c.len_utf8();
            if let Folded::Char(f) = fold_char(c) {
                buf.push(f);
            }
            while let Some(&(j, d)) = it.peek() {
                if !is_word_char(d) {
                    break;
                }
                if let Folded::Char(f) = fold_char(d)
                    && buf.len() - f0 < MAX_WORD_BYTES
                {
                    buf.push(f);
                }
                end = j + d.len_utf8();
                it.next();
            }
            let f1 = buf.len();
            if f1 == f0 {
                // Only invisible marks: not a token.
                continue;
            }
            let mut tok = Tok {
                start: i,
                end,
                stem: i,
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
            continue;
        }
        toks.push(Tok {
            start: i,
            end: i + c.len_utf8(),
            stem: i,
            kind: Kind::Punct(c),
            fold: (buf.len() as u32, buf.len() as u32),
            stem_fold: (buf.len() as u32, buf.len() as u32),
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
    if word.len() >= MAX_WORD_BYTES {
        return;
    }
    let info = lexicon::lookup(word);
    let phr = lexicon::phrases(word);
    if info.is_some() || phr.is_some() {
        tok.info = info;
        tok.phrases = phr;
        return;
    }
    // "لل" + X is "ل" + "ال" + X: keep the whole word in the span (it cannot be split).
    if let Some(rest) = word.strip_prefix("لل")
        && rest.chars().count() >= 2
    {
        let key = format!("ال{rest}");
        if let Some(i) = lexicon::lookup(&key) {
            tok.info = Some(i);
            return;
        }
    }
    for cl in CLITICS {
        let Some(rest) = word.strip_prefix(cl) else {
            continue;
        };
        if rest.chars().count() < 2 {
            continue;
        }
        let info = lexicon::lookup(rest);
        let phr = lexicon::phrases(rest);
        if info.is_some() || phr.is_some() {
            let n = cl.chars().count();
            tok.info = info;
            tok.phrases = phr;
            tok.stem = skip_letters(text, tok.start, n);
            tok.stem_fold = ((f0 + cl.len()) as u32, f1 as u32);
            tok.wa = cl.starts_with('و');
            return;
        }
    }
}
