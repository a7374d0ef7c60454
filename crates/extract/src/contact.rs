//! The writer's contact line closing a story ("Email Tariq Malik at tmalik@example.com or
//! follow him @tariqjmalik."): how to reach the writer, not the story's text. Shared by the HTML
//! and flattened-text readers; the phrases are data (`data/contact_phrases.tsv`).

use std::sync::LazyLock;

static PHRASES: LazyLock<Vec<&'static str>> =
    LazyLock::new(|| crate::data::list(include_str!("../data/contact_phrases.tsv")));

/// Longest line read as a contact line (bytes): a paragraph of the story is longer.
pub const MAX_CONTACT_LINE: usize = 400;

/// Body blocks at the end of a story looked at for contact lines.
pub const CONTACT_TAIL_BLOCKS: usize = 3;

/// True when `text` is a writer's contact line: a short line holding a phrase of
/// `data/contact_phrases.tsv` ("may be reached at", "follow her on") and an "@" (an e-mail
/// address or a handle).
///
/// ```
/// use marsad_extract::contact::is_contact_line;
/// assert!(is_contact_line(
///     "Have a tip? Amy Kuperinsky may be reached at akuperinsky@example.com. Follow her on Twitter @AmyKup."
/// ));
/// assert!(is_contact_line("Email Tariq Malik at tmalik@example.com or follow him @tariqjmalik."));
/// assert!(is_contact_line("يمكن التواصل معه عبر البريد: writer@example.com"));
/// // A phrase without an address or handle is the story's own sentence.
/// assert!(!is_contact_line("Officials said the suspect may be reached at any time by phone."));
/// assert!(!is_contact_line("Write to us at letters@example.com"));
/// ```
pub fn is_contact_line(text: &str) -> bool {
    if text.len() > MAX_CONTACT_LINE || !text.contains('@') {
        return false;
    }
    let lower = text.to_lowercase();
    PHRASES.iter().any(|p| lower.contains(p))
}
