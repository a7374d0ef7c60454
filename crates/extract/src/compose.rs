//! Letters written in parts come out whole.
//!
//! Pages written with decomposed letters (a macOS editor's "u" + U+0308 for "ü", "ا" + U+0654
//! for "أ") show the same words as pages written precomposed, but their bytes differ: a search,
//! a comparison or a phrase list would miss them. Every text of the article is composed once,
//! at the end of extraction; spans still point into the decoded input.
//!
//! Only letters are joined: a base and the mark right after it that Unicode composes into one
//! character (its canonical composition, as NFC does). Marks are never reordered, so Arabic
//! harakat stay as the page wrote them (NFC would swap "رِّ" written shadda-then-kasra), and
//! singletons NFC would replace (CJK compatibility ideographs) stay too.

use std::borrow::Cow;

use marsad_model::{Article, Text};
use unicode_normalization::char::compose;
use unicode_normalization::{IsNormalized, is_nfc_quick};

/// `s` with each base letter and the mark after it that compose into one character joined;
/// borrowed when nothing joins (all ASCII text, and most text of any script).
///
/// ```
/// use marsad_extract::compose::letters;
/// assert_eq!(letters("gepru\u{308}ft"), "geprüft");
/// assert_eq!(letters("\u{627}\u{654}حمد"), "أحمد");
/// // Marks stay in the order written (shadda, then kasra).
/// assert_eq!(letters("كر\u{651}\u{650}م"), "كر\u{651}\u{650}م");
/// assert!(matches!(letters("plain"), std::borrow::Cow::Borrowed(_)));
/// ```
pub fn letters(s: &str) -> Cow<'_, str> {
    if s.is_ascii() || is_nfc_quick(s.chars()) == IsNormalized::Yes {
        return Cow::Borrowed(s);
    }
    let mut out = String::with_capacity(s.len());
    let mut prev: Option<char> = None;
    let mut joined = false;
    for c in s.chars() {
        if let Some(whole) = prev.and_then(|p| compose(p, c)) {
            out.pop();
            out.push(whole);
            prev = Some(whole);
            joined = true;
        } else {
            out.push(c);
            prev = Some(c);
        }
    }
    if joined {
        Cow::Owned(out)
    } else {
        Cow::Borrowed(s)
    }
}

fn fix(s: &mut String) {
    if let Cow::Owned(c) = letters(s) {
        *s = c;
    }
}

fn fix_text(t: &mut Text) {
    fix(&mut t.text);
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
