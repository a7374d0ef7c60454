//! Class, id and role hints: does an element look like main content or like boilerplate?
//!
//! The words are data (`data/content_hints.tsv`, several languages), parsed once. An element's
//! `class` and `id` are lowercased and matched per class word, per sub-token (split on `-`, `_`
//! and other non-alphanumerics) and, for `contains` rows, anywhere in the value.
//!
//! ```
//! use marsad_extract::html::hints::{class_hint, Hint};
//! assert_eq!(class_hint("social-share-buttons"), Hint::Neg(marsad_model::Reason::Share));
//! assert_eq!(class_hint("محتوى-الخبر"), Hint::Pos);
//! assert_eq!(class_hint("row col-md-8"), Hint::None);
//! ```

use std::collections::HashMap;
use std::sync::LazyLock;

use marsad_model::Reason;

const HINTS_TSV: &str = include_str!("../../data/content_hints.tsv");

/// What a class/id says about an element.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Hint {
    /// Nothing.
    None,
    /// Main content.
    Pos,
    /// Boilerplate, with the reason blocks under it are dropped.
    Neg(Reason),
    /// Comments: dropped unless the page is made of them (forums).
    Soft,
}

struct Table {
    token: HashMap<String, Hint>,
    contains: Vec<(String, Hint)>,
    credit_token: Vec<String>,
    credit_contains: Vec<String>,
}

fn reason(s: &str) -> Reason {
    match s {
        "nav" => Reason::Nav,
        "share" => Reason::Share,
        "related" => Reason::Related,
        "ad" => Reason::Ad,
        "ui" => Reason::Ui,
        "hidden" => Reason::Hidden,
        "comments" => Reason::Comments,
        _ => Reason::Boilerplate,
    }
}

static TABLE: LazyLock<Table> = LazyLock::new(|| {
    let mut t = Table {
        token: HashMap::new(),
        contains: Vec::new(),
        credit_token: Vec::new(),
        credit_contains: Vec::new(),
    };
    for line in HINTS_TSV.lines() {
        if line.starts_with('#') || line.trim().is_empty() {
            continue;
        }
        let cols: Vec<&str> = line.split('\t').collect();
        let [kind, how, word, why] = cols[..] else {
            continue;
        };
        if kind == "credit" {
            match how {
                "token" => t.credit_token.push(word.to_lowercase()),
                _ => t.credit_contains.push(word.to_lowercase()),
            }
            continue;
        }
        let hint = match kind {
            "pos" => Hint::Pos,
            "neg" => Hint::Neg(reason(why)),
            "soft" => Hint::Soft,
            _ => continue,
        };
        match how {
            "token" => {
                t.token.insert(word.to_lowercase(), hint);
            }
            "contains" => t.contains.push((word.to_lowercase(), hint)),
            _ => {}
        }
    }
    t
});

fn rank(h: Hint) -> u8 {
    match h {
        Hint::None => 0,
        Hint::Pos => 1,
        Hint::Soft => 2,
        Hint::Neg(_) => 3,
    }
}

/// The hint of a `class` or `id` value (boilerplate hints win over content hints).
pub fn class_hint(value: &str) -> Hint {
    if value.is_empty() || value.len() > 512 {
        return Hint::None;
    }
    let t = &*TABLE;
    let lower = value.to_lowercase();
    let mut best = Hint::None;
    let mut pos = false;
    let take = |h: Hint, best: &mut Hint| {
        if rank(h) > rank(*best) {
            *best = h;
        }
    };
    for word in lower.split_whitespace() {
        if let Some(&h) = t.token.get(word) {
            pos |= h == Hint::Pos;
            take(h, &mut best);
        }
        if word.contains(|c: char| !c.is_alphanumeric()) {
            for sub in word.split(|c: char| !c.is_alphanumeric()) {
                if let Some(&h) = t.token.get(sub) {
                    pos |= h == Hint::Pos;
                    take(h, &mut best);
                }
            }
        }
    }
    for (w, h) in &t.contains {
        if rank(*h) > rank(best) && lower.contains(w.as_str()) {
            take(*h, &mut best);
        }
    }
    // A content word beside a boilerplate word ("entry-content entry-content-read-more"):
    // the element is not marked either way.
    if pos && matches!(best, Hint::Neg(_)) {
        return Hint::None;
    }
    best
}

/// True when a `class` value names a photo credit (`credit`, `copyright`, ...).
///
/// ```
/// use marsad_extract::html::hints::is_credit_class;
/// assert!(is_credit_class("image-credit"));
/// assert!(!is_credit_class("caption"));
/// ```
pub fn is_credit_class(value: &str) -> bool {
    let t = &*TABLE;
    let lower = value.to_lowercase();
    t.credit_contains.iter().any(|w| lower.contains(w.as_str()))
        || lower
            .split(|c: char| !c.is_alphanumeric())
            .any(|w| t.credit_token.iter().any(|c| c == w))
}

/// The hint of an element from its tag, `role`, `itemprop` and the [`class_hint`]s of its
/// `class` and `id`.
pub fn element_hint(
    tag: &str,
    role: Option<&str>,
    itemprop: Option<&str>,
    class: Option<Hint>,
    id: Option<Hint>,
) -> Hint {
    match tag {
        "nav" | "menu" => return Hint::Neg(Reason::Nav),
        "footer" => return Hint::Neg(Reason::Nav),
        "aside" => return Hint::Neg(Reason::Related),
        "button" | "select" | "dialog" => return Hint::Neg(Reason::Ui),
        "html" | "body" => return Hint::None,
        _ => {}
    }
    if let Some(r) = role {
        match r.trim().to_ascii_lowercase().as_str() {
            "navigation" | "menu" | "menubar" | "tablist" | "search" => {
                return Hint::Neg(Reason::Nav);
            }
            "banner" | "contentinfo" => return Hint::Neg(Reason::Nav),
            "complementary" => return Hint::Neg(Reason::Related),
            "dialog" | "alertdialog" | "button" => return Hint::Neg(Reason::Ui),
            "main" | "article" => return Hint::Pos,
            _ => {}
        }
    }
    if let Some(p) = itemprop
        && (p.contains("articleBody") || p.contains("text") || p.contains("reviewBody"))
    {
        return Hint::Pos;
    }
    let a = class.unwrap_or(Hint::None);
    let b = id.unwrap_or(Hint::None);
    let h = if rank(b) > rank(a) { b } else { a };
    if h == Hint::None && matches!(tag, "article" | "main") {
        return Hint::Pos;
    }
    h
}

/// True when the element is hidden by its markup (`hidden`, inline `display:none`).
pub fn is_hidden(hidden: bool, aria_hidden: Option<&str>, style: Option<&str>) -> bool {
    if hidden {
        return true;
    }
    // `aria-hidden` hides from screen readers only: the text is on screen (sites use it on
    // the visible twin of a mobile/desktop pair), so it is not a reason to drop.
    let _ = aria_hidden;
    if let Some(s) = style {
        let s: String = s
            .chars()
            .filter(|c| !c.is_whitespace())
            .map(|c| c.to_ascii_lowercase())
            .collect();
        if s.contains("display:none") || s.contains("visibility:hidden") {
            return true;
        }
    }
    false
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn table_loads() {
        assert!(TABLE.token.len() > 40);
        assert_eq!(class_hint("entry-content"), Hint::Pos);
        assert_eq!(class_hint("comments-area"), Hint::Soft);
        assert_eq!(class_hint("site-footer"), Hint::Neg(Reason::Nav));
        assert_eq!(class_hint("entry-footer"), Hint::None);
        assert_eq!(class_hint("header"), Hint::None);
        assert_eq!(class_hint("shadow heading"), Hint::None);
    }
}
