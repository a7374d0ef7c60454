//! Runs of repeated **cards**: a listing's records (a chart's entries, a shop's products, a
//! collection's recipes) flattened into short lines of one fixed shape, again and again.
//!
//! A card shows itself by a **marker** that recurs at a (nearly) regular period with varying
//! lines between: a line every card repeats ("Rate", "Add to wishlist"), or a line given twice
//! in a row (an image's text, then the same text again as its title, before the card's
//! headline). A menu or a footer has no such period; a comment's "Reply" recurs at the length
//! of each comment, which varies. Linear: one pass counts the markers, one collects the places
//! of the frequent ones.

use std::collections::HashMap;

use super::KeyHashBuild;
use super::lines::{Line, LineKind};

/// Fewest cards (regular recurrences of a marker) of a run.
pub const MIN_CARDS: usize = 6;

/// Most text lines of a card (the longest period of a marker).
pub const MAX_CARD_LINES: usize = 40;

/// A marker less than this many thirds of the marker's typical gap (its median) after the last
/// one is the same card's (a card may show its marker twice) …
pub const MIN_GAP_THIRDS: usize = 2;

/// … and one more than this many halves of it after the last ends the run.
pub const MAX_GAP_HALVES: usize = 3;

/// Fewest tokens of a card on average (a row of separators between menu entries is no card).
pub const MIN_CARD_TOKENS: u64 = 4;

/// The marker key of a line that repeats the text line before it (no line hash is this).
const COPY_KEY: u64 = 0x9e37_79b9_7f4a_7c15;

/// A run of cards: lines `start..end` (line indices), the number of cards and their period
/// (in text lines).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct CardRun {
    pub start: usize,
    pub end: usize,
    pub cards: usize,
    pub period: usize,
    /// Tokens of the run's lines.
    pub tokens: u64,
}

/// True when two lines at the same place of two cards look alike: the same text, or both with
/// or both without digits and of comparable length (a card's headline and the next card's).
fn alike(a: &Line, b: &Line) -> bool {
    if a.kind != LineKind::Text || b.kind != LineKind::Text {
        return false;
    }
    if a.same_text(b) {
        return true;
    }
    let (x, y) = (a.f.words.min(b.f.words), a.f.words.max(b.f.words));
    (a.f.digits > 0) == (b.f.digits > 0) && y <= 2 * x + 2
}

/// The page's runs of cards, in page order, not overlapping (runs of the markers of one
/// template are merged).
pub(crate) fn card_runs(lines: &[Line]) -> Vec<CardRun> {
    // Text lines by ordinal: periods are counted in text lines (empty lines vary).
    let ord: Vec<usize> = (0..lines.len())
        .filter(|&i| lines[i].kind == LineKind::Text)
        .collect();
    if ord.len() < 2 * MIN_CARDS {
        return Vec::new();
    }
    let key_of = |t: usize| -> [u64; 2] {
        let l = &lines[ord[t]];
        let copy = t > 0 && lines[ord[t - 1]].same_text(l);
        [l.hash, if copy { COPY_KEY } else { 0 }]
    };
    let mut counts: HashMap<u64, u32, KeyHashBuild> =
        HashMap::with_capacity_and_hasher(ord.len(), Default::default());
    for t in 0..ord.len() {
        for k in key_of(t) {
            if k != 0 {
                *counts.entry(k).or_default() += 1;
            }
        }
    }
    // Places of the frequent markers, in text-line ordinals.
    let mut places: HashMap<u64, Vec<usize>, KeyHashBuild> = HashMap::default();
    for t in 0..ord.len() {
        for k in key_of(t) {
            if k != 0 && counts.get(&k).is_some_and(|&c| c as usize >= MIN_CARDS) {
                places.entry(k).or_default().push(t);
            }
        }
    }
    drop(counts);
    // Runs of each marker: first and last marker (in ordinals), period, cards.
    let mut runs: Vec<(usize, usize, usize, usize)> = Vec::new();
    let mut gaps: Vec<usize> = Vec::new();
    for ps in places.values() {
        gaps.clear();
        gaps.extend(ps.windows(2).map(|w| w[1] - w[0]));
        gaps.sort_unstable();
        let period = gaps[gaps.len() / 2];
        if !(2..=MAX_CARD_LINES).contains(&period) {
            continue;
        }
        let lo = (period * MIN_GAP_THIRDS).div_ceil(3);
        let hi = period * MAX_GAP_HALVES / 2;
        // The run's first marker, its last, and its cards.
        let (mut a, mut b, mut c) = (ps[0], ps[0], 1);
        for &q in &ps[1..] {
            let gap = q - b;
            if gap < lo {
                // The same card shows its marker again.
                continue;
            }
            if gap > hi {
                if c >= MIN_CARDS {
                    runs.push((a, b, period, c));
                }
                (a, c) = (q, 0);
            }
            b = q;
            c += 1;
        }
        if c >= MIN_CARDS {
            runs.push((a, b, period, c));
        }
    }
    if runs.is_empty() {
        return Vec::new();
    }
    // Markers of one template make overlapping runs: merge them.
    runs.sort_unstable();
    // First, last, period, cards, and how far down its card the last marker of the first card
    // lies from the first one.
    let mut merged: Vec<(usize, usize, usize, usize, usize)> = Vec::new();
    for (a, b, p, c) in runs {
        if let Some(m) = merged.last_mut()
            && a <= m.1 + p.max(m.2)
        {
            // A marker of the same card further down it (not one of a later card).
            if a - m.0 < p.max(m.2) {
                m.4 = m.4.max(a - m.0);
            }
            m.1 = m.1.max(b);
            m.2 = m.2.max(p);
            m.3 = m.3.max(c).max((m.1 - m.0) / m.2 + 1);
            continue;
        }
        merged.push((a, b, p, c, 0));
    }
    let mut out = Vec::with_capacity(merged.len());
    for (a, b, p, cards, spread) in merged {
        // The first card's lines above its markers and the last card's below them: as far as
        // they look like the lines at the same places of the card next to them.
        let budget = p.saturating_sub(1 + spread);
        let mut s = a;
        while a - s < budget
            && s > 0
            && s + p < ord.len()
            && alike(&lines[ord[s - 1]], &lines[ord[s - 1 + p]])
        {
            s -= 1;
        }
        let mut e = b;
        while e - b < budget.saturating_sub(a - s)
            && e + 1 < ord.len()
            && e + 1 >= p
            && alike(&lines[ord[e + 1]], &lines[ord[e + 1 - p]])
        {
            e += 1;
        }
        let (start, end) = (ord[s], ord[e] + 1);
        let tokens: u64 = lines[start..end]
            .iter()
            .map(|l| u64::from(l.f.tokens))
            .sum();
        if tokens < MIN_CARD_TOKENS * cards as u64 {
            continue;
        }
        out.push(CardRun {
            start,
            end,
            cards,
            period: p,
            tokens,
        });
    }
    out
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;
    use crate::text::lines;

    /// A chart's entries: an image's text, the rank, the name, the year and length, the score,
    /// and two buttons every entry repeats.
    pub(crate) fn chart(entries: usize) -> String {
        let mut s = String::new();
        for k in 1..=entries {
            s.push_str(&format!(
                "Some Actor in Movie Number {k} ({})\n#{k}\nMovie Number {k}\n19{:02}2h {}m\n{}.{} ({}K)\nRate\nMark as watched\n",
                1950 + k,
                k % 100,
                10 + k % 50,
                9 - k % 3,
                k % 10,
                100 + k
            ));
        }
        s
    }

    #[test]
    fn a_chart_of_entries_is_a_run_of_cards() {
        let text = format!(
            "Menu\nMovies\nTV shows\nTop 250 movies\n{}Recently viewed\nHelp\n",
            chart(12)
        );
        let ls = lines::split(&text);
        let runs = card_runs(&ls);
        assert_eq!(runs.len(), 1, "{runs:?}");
        let r = runs[0];
        assert_eq!((r.cards, r.period), (12, 7));
        // From the first entry's image text to the last entry's last button.
        assert_eq!(ls[r.start].text, "Some Actor in Movie Number 1 (1951)");
        assert_eq!(ls[r.end - 1].text, "Mark as watched");
    }

    #[test]
    fn cards_given_by_an_image_text_twice_are_a_run() {
        let mut text = String::from("Dinner Recipes\n");
        for k in 0..10 {
            let alt = format!("A bowl of soup number {k} with herbs on a wooden table");
            text.push_str(&format!("{alt}\n{alt}\nThe best soup recipe number {k}\n"));
        }
        let ls = lines::split(&text);
        let runs = card_runs(&ls);
        assert_eq!(runs.len(), 1, "{runs:?}");
        assert_eq!((runs[0].cards, runs[0].period), (10, 3));
    }

    #[test]
    fn menus_are_no_cards() {
        // A menu: no line recurs.
        let mut text = String::new();
        for k in 0..40 {
            text.push_str(&format!("Section {k}\n"));
        }
        // The same menu again in the footer, and again: each line three times, far apart.
        text.push_str(&text.clone());
        text.push_str(&text.clone());
        // A menu whose entries each open a submenu of varying length with its "View all".
        for k in 0..8 {
            text.push_str(&format!("Department {k}\n"));
            for p in 0..[1, 9, 2, 12, 1, 6, 15, 3][k] {
                text.push_str(&format!("Aisle {p} of {k}\n"));
            }
            text.push_str("View all\n");
        }
        let ls = lines::split(&text);
        assert!(card_runs(&ls).is_empty(), "{:?}", card_runs(&ls));
    }

    #[test]
    fn a_row_of_separators_is_no_run() {
        // Menu entries with a bullet between them: a period of two, but one word a "card".
        let mut text = String::new();
        for k in 0..12 {
            text.push_str(&format!("Topic{k}\n•\n"));
        }
        let ls = lines::split(&text);
        assert!(card_runs(&ls).is_empty(), "{:?}", card_runs(&ls));
    }
}
