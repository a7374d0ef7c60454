//! A **numbered list** the article runs into: a listicle's items ("1) Lego Star Wars 75188",
//! "2) Polistil 960574 Pista Elettrica", … "22) …"), each with its shop link or its picture
//! between, past the last paragraph of prose.
//!
//! Flattened, such items are short lines of names, which the classifier reads as a menu; but
//! their numbers count up one by one from 1 right where the prose stops, which no menu does.
//! A sidebar's "most read" list counts up too, but stands away from the text, under its own
//! heading. Linear: one pass from the item numbered 1.

use super::Role;
use super::lines::{Line, LineKind};

/// Fewest items of a numbered list taken past the prose.
pub const MIN_ITEMS: u32 = 3;

/// Most lines (of any kind but empty) from one item to the next: the item, its link, its
/// picture, a line of description.
pub const MAX_ITEM_LINES: usize = 6;

/// Most text lines between the article's last body line and the list's first item (an
/// introduction left out, a picture's file name).
pub const MAX_LEAD_GAP: usize = 1;

/// The number opening `line` as a list item: 1 to 3 digits, then '.' or ')', then a space
/// ("3. Click Save" → 3, "12) Roger Waters – The Wall" → 12).
/// An Arabic-Indic numeral ("٣. خطوة") is not read: flattened Arabic lists we have seen
/// number their items with ASCII digits or not at all.
pub(crate) fn list_number(line: &str) -> Option<u32> {
    let b = line.as_bytes();
    let digits = b.iter().take_while(|c| c.is_ascii_digit()).count();
    if !(1..=3).contains(&digits)
        || !matches!(b.get(digits), Some(b'.' | b')'))
        || b.get(digits + 1) != Some(&b' ')
    {
        return None;
    }
    line[..digits].parse().ok()
}

/// The lines `start..end` of a numbered list that begins among the article's body lines in
/// `[k0, k1)` (or at most [`MAX_LEAD_GAP`] text lines after the last of them) with its item
/// 1 and counts up past `k1`: at least [`MIN_ITEMS`] items, each at most [`MAX_ITEM_LINES`]
/// lines after the one before. The end takes in the lines the last item holds (as many as
/// the shortest step between two items, less one).
pub(crate) fn run_past(
    lines: &[Line],
    roles: &[Role],
    k0: usize,
    k1: usize,
) -> Option<(usize, usize)> {
    let n = lines.len();
    let k1 = k1.min(n);
    let last_body = (k0..k1).rev().find(|&i| roles[i] == Role::Body)?;
    // Item 1: inside the body, or right after its last line.
    let mut gap = 0usize;
    let mut first = None;
    for (i, l) in lines.iter().enumerate().skip(k0) {
        if l.kind != LineKind::Text {
            continue;
        }
        if i > last_body {
            if gap > MAX_LEAD_GAP {
                break;
            }
            gap += 1;
        }
        if list_number(l.text) == Some(1) {
            first = Some(i);
            if i > last_body {
                break;
            }
        }
    }
    let first = first?;
    // Follow the count.
    let (mut last, mut items, mut stride) = (first, 1u32, usize::MAX);
    loop {
        let mut steps = 0usize;
        let mut next = None;
        for (j, l) in lines.iter().enumerate().skip(last + 1) {
            if l.kind == LineKind::Empty {
                continue;
            }
            steps += 1;
            if steps > MAX_ITEM_LINES {
                break;
            }
            if l.kind == LineKind::Text
                && let Some(k) = list_number(l.text)
            {
                if k == items + 1 {
                    next = Some(j);
                }
                break;
            }
        }
        let Some(j) = next else { break };
        stride = stride.min(steps);
        last = j;
        items += 1;
    }
    if items < MIN_ITEMS || last < k1 {
        return None;
    }
    // The last item's own lines after it.
    let mut end = last + 1;
    let mut taken = 1usize;
    while end < n && taken < stride {
        if lines[end].kind != LineKind::Empty {
            if lines[end].kind == LineKind::Text && list_number(lines[end].text).is_some() {
                break;
            }
            taken += 1;
        }
        end += 1;
    }
    Some((first, end))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::text::section_end_tests::body_of;

    const MENU: &str = "Home\nNews\nReviews\nDeals\nContact\n";
    const INTRO: &str = "Gift guide: twenty ideas for the holidays\n12 Dec 2017\nThe holidays are near, and with them the hunt for presents for the people we love, which is no small task when time is short.\nWe went through the shops and picked the gifts that made us smile the most this year, from toys to films and records.\nSome of them are classics, some are new, and all of them can be ordered today and arrive in time for the holidays.\nHere is our list, with a link to each one:\n";
    const MOST_READ: &str = "Most read\n1) Council approves the budget\n2) Storm closes the coast road\n3) New bridge opens in May\n4) Schools reopen next week\n";
    const FOOTER: &str = "About us\nPrivacy\n© 2017 Gift Site\n";

    fn items(n: u32) -> String {
        let mut s = String::new();
        for k in 1..=n {
            s.push_str(&format!(
                "{k}) Toy train set number {k}\nhttp://amzn.to/item{k}\n{k}-300x300.jpg\n"
            ));
        }
        s
    }

    #[test]
    fn list_numbers() {
        assert_eq!(list_number("12) Roger Waters – The Wall"), Some(12));
        assert_eq!(list_number("3. Click Save"), Some(3));
        assert_eq!(list_number("2017. A year"), None);
        assert_eq!(list_number("3.5 stars"), None);
        assert_eq!(list_number("Item 3) here"), None);
    }

    #[test]
    fn a_numbered_list_past_the_prose_is_the_articles() {
        let page = format!("{MENU}{INTRO}{}{MOST_READ}{FOOTER}", items(8));
        let body = body_of(&page);
        for line in [
            "1) Toy train set number 1",
            "5) Toy train set number 5",
            "8) Toy train set number 8",
            "http://amzn.to/item8",
        ] {
            assert!(body.iter().any(|b| b == line), "{line} missing: {body:?}");
        }
        // The pictures' files are no text; the sidebar's list stands away from the text.
        assert!(!body.iter().any(|b| b.ends_with(".jpg")), "{body:?}");
        assert!(!body.iter().any(|b| b.contains("Storm closes")), "{body:?}");
    }

    #[test]
    fn a_list_under_its_own_heading_away_from_the_text_is_not() {
        let page = format!("{MENU}{INTRO}Share\nTweet\nNewsletter\n{MOST_READ}{FOOTER}");
        let body = body_of(&page);
        assert!(!body.iter().any(|b| b.contains("Storm closes")), "{body:?}");
        // Two items are no list.
        let page = format!("{MENU}{INTRO}{}{FOOTER}", items(2));
        let body = body_of(&page);
        assert!(!body.iter().any(|b| b.contains("Toy train")), "{body:?}");
    }
}
