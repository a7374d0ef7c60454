//! The furniture of forum and Q&A posts: counter lines ("2,255 1 gold badge 15 silver
//! badges", "Viewed 69k times", "Posts: 2455"), asking and editing stamps ("Asked 13 years, 8
//! months ago") and buttons ("Add a comment |", "Show 3 more comments") (data:
//! `data/text_post_meta.tsv`).

use std::sync::LazyLock;

use marsad_arabic::phrases::fold_hash;

use super::TokenSet;
use super::lines::{Line, LineKind};

/// Most words of a post's furniture line.
pub const MAX_META_WORDS: u32 = 12;

/// Most characters of a post's furniture line.
pub const MAX_META_CHARS: u32 = 80;

/// The words of `data/text_post_meta.tsv`, as [`fold_hash`]es.
struct PostMeta {
    /// Nouns a count goes with ("badges", "views").
    counters: TokenSet,
    /// Words that open a post's stamp ("asked", "modified").
    leads: TokenSet,
    /// Whole lines, as the [`line_key`] of their words ("add a comment").
    lines: TokenSet,
    /// The first words of the whole lines.
    line_firsts: TokenSet,
    /// Relative-time words ("years", "ago").
    times: TokenSet,
    /// What opens a post's edit stamp ("last edited", "edited"), lower case.
    edits: Vec<String>,
    /// The ASCII letters (lower case) that open a lead, counter or first word: a line whose
    /// first letter opens none is no furniture (the quick test).
    first_letters: [bool; 128],
}

/// The key of a line's words from their [`fold_hash`]es, in order.
fn line_key(key: u64, word: u64) -> u64 {
    (key.rotate_left(17) ^ word).wrapping_mul(0x9E37_79B9_7F4A_7C15)
}

static META: LazyLock<PostMeta> = LazyLock::new(|| {
    let mut m = PostMeta {
        counters: TokenSet::default(),
        leads: TokenSet::default(),
        lines: TokenSet::default(),
        line_firsts: TokenSet::default(),
        times: TokenSet::default(),
        edits: Vec::new(),
        first_letters: [false; 128],
    };
    for (kind, words) in crate::data::tsv_rows(include_str!("../../data/text_post_meta.tsv")) {
        if kind == "edit" {
            m.edits.push(words.to_lowercase());
            continue;
        }
        if let Some(c) = words.bytes().next()
            && matches!(kind, "counter" | "lead" | "line")
            && c.is_ascii()
        {
            m.first_letters[usize::from(c.to_ascii_lowercase())] = true;
            m.first_letters[usize::from(c.to_ascii_uppercase())] = true;
        }
        let mut ws = words.split_whitespace().map(fold_hash);
        let Some(first) = ws.next() else {
            continue;
        };
        match kind {
            "counter" => {
                m.counters.insert(first);
            }
            "lead" => {
                m.leads.insert(first);
            }
            "line" => {
                m.line_firsts.insert(first);
                let key = ws.fold(line_key(0, first), line_key);
                m.lines.insert(key);
            }
            _ => {}
        }
    }
    let rel = &*super::RELATIVE;
    m.times = rel
        .units
        .iter()
        .chain(&rel.after)
        .map(|w| fold_hash(w))
        .collect();
    m
});

/// Most words of a post's edit stamp ("Last edited by Jane Roe on Tue Aug 27, 2019 10:03 pm,
/// edited 1 time in total.").
pub const MAX_EDIT_STAMP_WORDS: u32 = 20;

/// True when `l` is a post's edit stamp: a short line with a date or a count that opens with
/// an edit lead ("Last edited: Jan 13, 2024", "Edited April 18, 2024 by jdoe", "Last edited by
/// jdoe on 12. Sep 2024, 11:14, edited 4 times in total."). A book's "Edited by Jane Roe"
/// holds no number.
fn is_edit_stamp(l: &Line) -> bool {
    l.f.digits > 0
        && l.f.words <= MAX_EDIT_STAMP_WORDS
        && META
            .edits
            .iter()
            .any(|p| crate::data::opens_with(l.text, p).is_some_and(|r| r.starts_with([' ', ':'])))
}

/// True when `l` is a post's furniture: its words (runs of letters; a "k" or "m" right after
/// a count is part of it) are a listed whole line, or the line holds a count and its words
/// are all counter nouns, or a stamp word then counts, counter nouns and relative-time words.
pub(crate) fn is_post_meta(l: &Line) -> bool {
    if l.kind != LineKind::Text || l.f.words == 0 {
        return false;
    }
    if is_edit_stamp(l) {
        return true;
    }
    if l.f.words > MAX_META_WORDS || l.f.chars > MAX_META_CHARS {
        return false;
    }
    let meta = &*META;
    let t = l.text;
    // The quick test: the first letter (an ASCII one; not a "k" after a count) opens a
    // listed word.
    let bytes = t.as_bytes();
    let first = (0..bytes.len()).find(|&k| {
        let b = bytes[k];
        !b.is_ascii()
            || (b.is_ascii_alphabetic()
                && !(matches!(b, b'k' | b'K' | b'm' | b'M')
                    && k > 0
                    && bytes[k - 1].is_ascii_digit()))
    });
    match first.map(|k| bytes[k]) {
        None => return false,
        Some(b) if b.is_ascii() && !meta.first_letters[usize::from(b)] => return false,
        _ => {}
    }
    let mut key = 0u64;
    let mut words = 0usize;
    // Whether every word so far is a counter noun; whether the line so far is a stamp (a lead
    // word, then counter nouns and relative-time words); whether it may be a listed line.
    let mut counters = true;
    let mut stamp = true;
    let mut listed = true;
    let mut prev_digit = false;
    let mut start: Option<(usize, bool)> = None;
    // Reads one word; false when the line can no longer be furniture.
    let mut word = |a: usize, b: usize, after_digit: bool| -> bool {
        let w = &t[a..b];
        if after_digit && matches!(w, "k" | "K" | "m" | "M") {
            return true;
        }
        let h = fold_hash(w);
        let counter = meta.counters.contains(&h);
        if words == 0 {
            stamp = meta.leads.contains(&h);
            listed = meta.line_firsts.contains(&h);
        } else {
            stamp = stamp && (counter || meta.times.contains(&h));
        }
        counters = counters && counter;
        key = line_key(key, h);
        words += 1;
        counters || stamp || listed
    };
    for (i, c) in t.char_indices() {
        if c.is_alphabetic() {
            if start.is_none() {
                start = Some((i, prev_digit));
            }
        } else if let Some((a, after_digit)) = start.take()
            && !word(a, i, after_digit)
        {
            return false;
        }
        prev_digit = c.is_numeric();
    }
    if let Some((a, after_digit)) = start
        && !word(a, t.len(), after_digit)
    {
        return false;
    }
    if words == 0 {
        return false;
    }
    if listed && meta.lines.contains(&key) {
        return true;
    }
    l.f.digits > 0 && (counters || (stamp && words > 1))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn meta(s: &str) -> bool {
        let ls = super::super::lines::split(s);
        is_post_meta(&ls[0])
    }

    #[test]
    fn post_counters_stamps_and_buttons() {
        assert!(meta(
            "2,25511 gold badge1515 silver badges77 bronze badges\n"
        ));
        assert!(meta(
            "88.7k1616 gold badges125125 silver badges181181 bronze badges\n"
        ));
        assert!(meta("Viewed 69k times\n"));
        assert!(meta("Asked 13 years, 8 months ago\n"));
        assert!(meta("Modified 1 year, 5 months ago\n"));
        assert!(meta("Posts: 2455\n"));
        assert!(meta("20 Likes\n"));
        assert!(meta("Add a comment |\n"));
        assert!(meta("| Show 3 more comments\n"));
        assert!(meta("Sorted by: Reset to default\n"));
        // Edit stamps.
        assert!(meta("Last edited: Jan 13, 2024\n"));
        assert!(meta("Edited April 18, 2024 by thanosmano\n"));
        assert!(meta(
            "Last edited by Minoa on Tue Aug 27, 2019 10:03 pm, edited 1 time in total.\n"
        ));
        assert!(!meta(
            "Edited by Hans Ulrich Obrist and Kostas Stasinopoulos\n"
        ));
    }

    #[test]
    fn counts_and_sentences_are_no_post_meta() {
        // A bare count, a count with another noun, a sentence with the words.
        assert!(!meta("12.3k\n"));
        assert!(!meta("16 sold\n"));
        assert!(!meta("Gold and silver prices rose 3 times this year.\n"));
        assert!(!meta("Asked about the 2 years, he said nothing\n"));
        // A lead word alone with a count is no stamp.
        assert!(!meta("Active 3\n"));
        // Counter nouns without a count are no counters.
        assert!(!meta("Gold Silver Bronze\n"));
    }
}
