//! A **digest line**: the article's paragraphs again, run together on one line.
//!
//! Some pages carry their text twice: once as paragraphs and once whole, in one element (a
//! newsletter's plain-text copy, a summary box restating the bullets, a photo caption
//! repeating two lines of the story). Flattened, the second copy is one long line made of
//! other body lines one after another; kept, every word of them counts twice. Linear in the
//! body's words: each body line is found by its first words, looked up in a table.

use std::collections::HashMap;

use super::KeyHashBuild;
use super::Role;
use super::lines::{Line, LineKind};

/// Fewest words of a line that may be a digest.
pub const MIN_DIGEST_WORDS: u32 = 30;

/// Fewest words of a body line looked for inside a digest (shorter ones are labels, which
/// any text may hold).
pub const MIN_PART_WORDS: usize = 5;

/// Fewest body lines a digest holds.
pub const MIN_PARTS: usize = 2;

/// Least share of a digest's bytes the body lines inside it make up, in tenths.
pub const MIN_COVER_TENTHS: usize = 9;

/// How many words open a line's key.
const KEY_WORDS: usize = 3;

/// The hash of up to [`KEY_WORDS`] words.
fn key<'a>(words: impl Iterator<Item = &'a str>) -> u64 {
    words.fold(0xcbf2_9ce4_8422_2325_u64, |h, w| {
        super::token_hash(w) ^ h.rotate_left(17).wrapping_mul(0x0100_0000_01b3)
    })
}

/// The body lines that are digests of other body lines: at least [`MIN_DIGEST_WORDS`] words,
/// holding at least [`MIN_PARTS`] other body lines (of [`MIN_PART_WORDS`] words or more, each
/// starting on a word of the digest) that together make up [`MIN_COVER_TENTHS`] tenths of
/// its bytes.
pub(crate) fn digests(lines: &[Line], roles: &[Role]) -> Vec<usize> {
    let body = |i: usize| roles[i] == Role::Body && lines[i].kind == LineKind::Text;
    // The body lines long enough to be parts, by the key of their first words.
    let mut parts: HashMap<u64, Vec<usize>, KeyHashBuild> = HashMap::default();
    let mut words: Vec<&str> = Vec::new();
    for (i, l) in lines.iter().enumerate() {
        if !body(i) {
            continue;
        }
        words.clear();
        words.extend(l.text.split_whitespace().take(MIN_PART_WORDS));
        if words.len() >= MIN_PART_WORDS {
            parts
                .entry(key(words[..KEY_WORDS].iter().copied()))
                .or_default()
                .push(i);
        }
    }
    let mut out = Vec::new();
    if parts.is_empty() {
        return out;
    }
    let mut starts: Vec<(usize, &str)> = Vec::new();
    for (i, l) in lines.iter().enumerate() {
        if !body(i) || l.f.words < MIN_DIGEST_WORDS {
            continue;
        }
        let text = l.text;
        starts.clear();
        starts.extend(
            text.split_whitespace()
                .map(|w| (w.as_ptr() as usize - text.as_ptr() as usize, w)),
        );
        let (mut held, mut covered, mut k) = (0usize, 0usize, 0usize);
        while k + KEY_WORDS <= starts.len() {
            let at = starts[k].0;
            let found = parts
                .get(&key(starts[k..k + KEY_WORDS].iter().map(|s| s.1)))
                .and_then(|c| {
                    c.iter()
                        .copied()
                        .filter(|&j| j != i && lines[j].text.len() < text.len())
                        .find(|&j| text[at..].starts_with(lines[j].text))
                });
            match found {
                Some(j) => {
                    held += 1;
                    covered += lines[j].text.len();
                    // Go on after the part.
                    let end = at + lines[j].text.len();
                    while k < starts.len() && starts[k].0 < end {
                        k += 1;
                    }
                }
                None => k += 1,
            }
        }
        if held >= MIN_PARTS && covered * 10 >= text.len() * MIN_COVER_TENTHS {
            out.push(i);
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use crate::text::section_end_tests::body_of;

    const MENU: &str = "Home\nNews\nTech\nMarkets\nContact\n";
    const PARAS: [&str; 4] = [
        "The state attorney general is investigating the office company amid the layoffs of this autumn.",
        "The chief executive of the phone company is stepping down in May and will hand over to his deputy.",
        "The music service now lets people listen for free on their phones and on their television sets.",
        "A new game in the old series is finally coming out after twelve years of waiting for the fans.",
    ];
    const FOOTER: &str = "About us\nPrivacy\nTerms\n";

    #[test]
    fn the_paragraphs_run_together_on_one_line_are_a_copy() {
        let whole = PARAS.join(" ");
        let page = format!(
            "{MENU}Ten things in tech you need to know today\n{}\nSubscribe to the newsletter\n{whole}\n{FOOTER}",
            PARAS.join("\n")
        );
        let body = body_of(&page);
        for p in PARAS {
            assert!(body.iter().any(|b| b == p), "{p} missing: {body:?}");
        }
        assert!(!body.contains(&whole), "{body:?}");
    }

    #[test]
    fn a_paragraph_quoting_one_line_is_no_copy() {
        // One body line inside a longer paragraph (a quote, a restated lead) is no digest.
        let longer = format!(
            "{} Officials said the inquiry would take months, and that the company had promised to answer every question put to it by the office.",
            PARAS[0]
        );
        let page = format!(
            "{MENU}Ten things in tech you need to know today\n{}\n{longer}\n{FOOTER}",
            PARAS.join("\n")
        );
        let body = body_of(&page);
        assert!(body.contains(&longer), "{body:?}");
    }
}
