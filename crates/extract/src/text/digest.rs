//! A **digest line**: the article's paragraphs again, run together on one line.
//!
//! Some pages carry their text twice: once as paragraphs and once whole, in one element (a
//! newsletter's plain-text copy, a summary box restating the bullets, a photo caption
//! repeating two lines of the story). Flattened, the second copy is one long line made of
//! other body lines one after another; kept, every word of them counts twice. Near linear in
//! the body's words: each body line is found by its first word, looked up in a sorted table,
//! and a line is given up as soon as too much of it lies outside the lines it holds.

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

/// The hash of a word, byte for byte (a part is then compared in full): FNV-1a.
fn word_key(w: &str) -> u64 {
    w.bytes().fold(0xcbf2_9ce4_8422_2325_u64, |h, b| {
        (h ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3)
    })
}

/// The body lines that are digests of other body lines: at least [`MIN_DIGEST_WORDS`] words,
/// holding at least [`MIN_PARTS`] other body lines (of [`MIN_PART_WORDS`] words or more, each
/// starting on a word of the digest) that together make up [`MIN_COVER_TENTHS`] tenths of
/// its bytes, the first of them opening it. A line is read word by word, each word looked up
/// as the first word of a part, and given up once the words outside parts exceed what the
/// cover allows.
pub(crate) fn digests(lines: &[Line], roles: &[Role]) -> Vec<usize> {
    let body = |i: usize| roles[i] == Role::Body && lines[i].kind == LineKind::Text;
    let mut out = Vec::new();
    if !(0..lines.len()).any(|i| body(i) && lines[i].f.words >= MIN_DIGEST_WORDS) {
        return out;
    }
    // The body lines long enough to be parts, by their first word (sorted by it).
    let mut parts: Vec<(u64, usize)> = lines
        .iter()
        .enumerate()
        .filter(|&(i, l)| body(i) && l.f.words as usize >= MIN_PART_WORDS)
        .filter_map(|(i, l)| l.text.split_whitespace().next().map(|w| (word_key(w), i)))
        .collect();
    if parts.len() <= MIN_PARTS {
        return out;
    }
    parts.sort_unstable();
    for (i, l) in lines.iter().enumerate() {
        if !body(i) || l.f.words < MIN_DIGEST_WORDS {
            continue;
        }
        let text = l.text;
        let budget = text.len() * (10 - MIN_COVER_TENTHS) / 10;
        let (mut held, mut covered, mut outside) = (0usize, 0usize, 0usize);
        let mut at = 0usize;
        while at < text.len() {
            let rest = &text[at..];
            let word = rest.trim_start();
            at += rest.len() - word.len();
            if word.is_empty() {
                break;
            }
            let word_len = word.find(char::is_whitespace).unwrap_or(word.len());
            let key = word_key(&word[..word_len]);
            let first = parts.partition_point(|&(k, _)| k < key);
            let part = parts[first..]
                .iter()
                .take_while(|&&(k, _)| k == key)
                .map(|&(_, j)| j)
                .find(|&j| {
                    j != i && lines[j].text.len() < text.len() && word.starts_with(lines[j].text)
                });
            match part {
                Some(j) => {
                    held += 1;
                    covered += lines[j].text.len();
                    at += lines[j].text.len();
                }
                None => {
                    outside += word_len;
                    // A digest opens with its first part (most lines are given up here).
                    if held == 0 || outside > budget {
                        break;
                    }
                    at += word_len;
                }
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
