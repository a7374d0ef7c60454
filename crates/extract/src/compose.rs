//! Letters written in parts come out whole.
//!
//! Pages written with decomposed letters (a macOS editor's "u" + U+0308 for "ü", "ا" + U+0654
//! for "أ") show the same words as pages written precomposed, but their bytes differ: a search,
//! a comparison or a phrase list would miss them. Every text of the article is composed once,
//! at the end of extraction; spans still point into the decoded input.
//!
//! Only letters are joined: a base and a mark after it that Unicode composes into one character
//! (its canonical composition, as NFC does). Marks that do not join are never reordered, so
//! Arabic harakat stay as the page wrote them (NFC would swap "رِّ" written shadda-then-kasra),
//! and singletons NFC would replace (CJK compatibility ideographs) stay too.

use std::borrow::Cow;

use marsad_model::{Article, Text};
use unicode_normalization::char::{canonical_combining_class, compose};
use unicode_normalization::{IsNormalized, is_nfc_quick};

/// `s` with each base letter and the marks after it that compose with it joined; borrowed when
/// nothing joins (all ASCII text, and most text of any script).
///
/// A mark joins its base as in NFC's composition step, unless a mark of the same or a higher
/// combining class stands between them ("ا" + fatha + hamza above is "أ" + fatha); marks that
/// do not join keep their order.
///
/// ```
/// use marsad_extract::compose::letters;
/// assert_eq!(letters("gepru\u{308}ft"), "geprüft");
/// assert_eq!(letters("\u{627}\u{654}حمد"), "أحمد");
/// // Harakat written before the hamza (as NFD orders them): the hamza still joins.
/// assert_eq!(letters("\u{627}\u{64f}\u{654}علن"), "\u{623}\u{64f}علن");
/// // Marks stay in the order written (shadda, then kasra).
/// assert_eq!(letters("كر\u{651}\u{650}م"), "كر\u{651}\u{650}م");
/// assert!(matches!(letters("plain"), std::borrow::Cow::Borrowed(_)));
/// ```
pub fn letters(s: &str) -> Cow<'_, str> {
    if !may_join(s) || is_nfc_quick(s.chars()) == IsNormalized::Yes {
        return Cow::Borrowed(s);
    }
    join(s)
}

/// [`letters`] without its quick tests.
fn join(s: &str) -> Cow<'_, str> {
    let mut out = String::with_capacity(s.len());
    // The last base (starter) written, and where in `out`; the highest combining class of the
    // marks written after it that did not join it (`None` when none).
    let mut base: Option<(usize, char)> = None;
    let mut between: Option<u8> = None;
    let mut joined = false;
    for c in s.chars() {
        let class = canonical_combining_class(c);
        if let Some((at, b)) = base
            && between.is_none_or(|m| m < class)
            && let Some(whole) = compose(b, c)
        {
            let mut buf = [0u8; 4];
            out.replace_range(at..at + b.len_utf8(), whole.encode_utf8(&mut buf));
            base = Some((at, whole));
            joined = true;
            continue;
        }
        if class == 0 {
            base = Some((out.len(), c));
            between = None;
        } else {
            between = Some(between.map_or(class, |m| m.max(class)));
        }
        out.push(c);
    }
    if joined {
        Cow::Owned(out)
    } else {
        Cow::Borrowed(s)
    }
}

/// False when no character of `s` can be the second of a canonical composition, read from
/// its UTF-8 bytes (the test runs on every text of every page, and most hold none): those
/// characters are combining marks U+0300–U+036F (lead bytes CC, CD), Arabic madda and hamza
/// U+0653–U+0655 (D9 93–95), and marks and jamo of scripts encoded in three or four bytes
/// (lead bytes E0, E1, E3, F0: Indic vowel signs, Hangul, kana voicing marks). Not the
/// punctuation and symbols of U+2000–U+2FFF (lead byte E2: curly quotes, dashes) nor the emoji
/// of U+1F000–U+1FFFF (F0 9F), which join nothing and fill ordinary text.
fn may_join(s: &str) -> bool {
    let b = s.as_bytes();
    b.iter().enumerate().any(|(i, &x)| match x {
        0xCC | 0xCD | 0xE0 | 0xE1 | 0xE3 => true,
        0xF0 => b.get(i + 1) != Some(&0x9F),
        0xD9 => b.get(i + 1).is_some_and(|n| (0x93..=0x95).contains(n)),
        _ => false,
    })
}

fn fix(s: &mut String) {
    if let Cow::Owned(c) = letters(s) {
        *s = c;
    }
}

fn fix_text(t: &mut Text) {
    fix(&mut t.text);
}

/// Joins the letters of the article and of the account `--explain` gives of it, so the two
/// quote the same text.
pub fn extraction(x: &mut crate::Extraction) {
    article(&mut x.article);
    x.explain.iter_mut().for_each(fix);
}

/// Composes every text field of `a`: headline, decks, names, stamps as written, dateline,
/// figures, body, related links, tags and the chrome.
pub fn article(a: &mut Article) {
    if let Some(s) = &mut a.site {
        fix(s);
    }
    for t in [&mut a.title, &mut a.subtitle, &mut a.kicker]
        .into_iter()
        .flatten()
    {
        fix_text(t);
    }
    for s in [&mut a.published, &mut a.modified].into_iter().flatten() {
        fix(&mut s.text);
    }
    a.authors.iter_mut().for_each(fix_text);
    if let Some(d) = &mut a.dateline {
        fix(&mut d.text);
        for s in [&mut d.place, &mut d.country, &mut d.agency]
            .into_iter()
            .flatten()
        {
            fix(s);
        }
    }
    for f in &mut a.figures {
        for t in [&mut f.alt, &mut f.caption, &mut f.credit]
            .into_iter()
            .flatten()
        {
            fix_text(t);
        }
    }
    for b in &mut a.body {
        fix(&mut b.text);
    }
    for l in &mut a.related {
        fix_text(&mut l.title);
    }
    a.tags.iter_mut().for_each(fix);
    for d in &mut a.chrome {
        fix(&mut d.text);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;
    use unicode_normalization::UnicodeNormalization;

    /// Letters, marks and jamo that compose in many ways.
    const PARTS: &[char] = &[
        'a', 'e', 'u', 'A', 'ا', 'و', 'ي', 'ر', 'ك', '\u{300}', '\u{301}', '\u{302}', '\u{308}',
        '\u{323}', '\u{327}', '\u{64e}', '\u{64f}', '\u{650}', '\u{651}', '\u{653}', '\u{654}',
        '\u{655}', '\u{1100}', '\u{1161}', '\u{11a8}', 'ü', 'أ', ' ', 'か', '\u{3099}', 'क',
        '\u{93c}', 'ো', '\u{9be}', '\u{9c7}',
    ];

    /// No character's canonical decomposition holds, after its first, a character of the
    /// ranges [`may_join`] passes over: none of them is the second of a composition.
    #[test]
    fn punctuation_symbols_and_emoji_join_nothing() {
        let skipped = |c: char| matches!(u32::from(c), 0x2000..=0x2FFF | 0x1F000..=0x1FFFF);
        for x in (0..=0x10FFFF).filter_map(char::from_u32) {
            let mut parts = Vec::new();
            unicode_normalization::char::decompose_canonical(x, |c| parts.push(c));
            assert!(
                !parts.iter().skip(1).any(|&c| skipped(c)),
                "{x:?} decomposes to {parts:?}"
            );
        }
        assert!(!may_join("It’s – “quoted” 🙂"));
        assert!(may_join("e\u{301}"));
    }

    proptest! {
        /// Joining keeps the text canonically equivalent, and joins all there is to join.
        #[test]
        fn letters_keep_the_text_and_are_idempotent(
            picks in proptest::collection::vec(0..PARTS.len(), 0..24)
        ) {
            let s: String = picks.iter().map(|&i| PARTS[i]).collect();
            let once = letters(&s).into_owned();
            prop_assert_eq!(once.nfc().collect::<String>(), s.nfc().collect::<String>());
            // The byte test never skips a text that has something to join.
            if !may_join(&s) {
                prop_assert!(matches!(join(&s), Cow::Borrowed(_)), "{:?}", s);
            }
            prop_assert_eq!(letters(&once), once.as_str());
        }
    }
}
