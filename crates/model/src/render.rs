//! Plain-text and Markdown renderings of an [`Article`].

use crate::{Article, Block, BlockKind};
use std::fmt::Write;

/// The body blocks as plain text, blocks separated by a blank line.
///
/// ```
/// use marsad_model::{body_text, Block, BlockKind, Span};
/// let b = vec![Block { kind: BlockKind::Paragraph, text: "دعا لافروف".into(), span: Span::new(0, 19), level: None }];
/// assert_eq!(body_text(&b), "دعا لافروف");
/// ```
pub fn body_text(blocks: &[Block]) -> String {
    let mut out = String::new();
    for b in blocks {
        if b.text.trim().is_empty() {
            continue;
        }
        if !out.is_empty() {
            out.push_str("\n\n");
        }
        out.push_str(&b.text);
    }
    out
}

/// The article as plain text: the kicker and the title, the subtitle, then the body.
///
/// ```
/// use marsad_model::{to_plain_text, Article, Block, BlockKind, Span, Text};
/// let mut a = Article::default();
/// a.title = Some(Text::new("عنوان الخبر", Span::new(0, 21)));
/// assert_eq!(to_plain_text(&a), "عنوان الخبر\n");
/// a.kicker = Some(Text::new("غزة", Span::new(30, 36)));
/// a.subtitle = Some(Text::new("وفود تصل الدوحة", Span::new(40, 67)));
/// a.body = vec![Block { kind: BlockKind::Paragraph, text: "وصلت الوفود.".into(),
///     span: Span::new(70, 90), level: None }];
/// assert_eq!(to_plain_text(&a), "غزة\nعنوان الخبر\nوفود تصل الدوحة\n\nوصلت الوفود.\n");
/// // A deck kept as the body's first lines is said once.
/// a.body.insert(0, Block { kind: BlockKind::Paragraph, text: "وفود تصل الدوحة".into(),
///     span: Span::new(40, 67), level: None });
/// assert_eq!(to_plain_text(&a).matches("وفود تصل الدوحة").count(), 1);
/// ```
pub fn to_plain_text(a: &Article) -> String {
    let mut out = String::new();
    for t in [&a.kicker, &a.title].into_iter().flatten() {
        out.push_str(&t.text);
        out.push('\n');
    }
    if let Some(s) = &a.subtitle {
        out.push_str(&s.text);
        out.push('\n');
    }
    let body = body_text(&a.body[usize::from(deck_opens_body(a))..]);
    if !body.is_empty() {
        if !out.is_empty() {
            out.push('\n');
        }
        out.push_str(&body);
        out.push('\n');
    }
    out
}

/// True when the subtitle is also the body's first block (a deck kept in the body).
fn deck_opens_body(a: &Article) -> bool {
    a.subtitle
        .as_ref()
        .zip(a.body.first())
        .is_some_and(|(s, b)| s.text.trim() == b.text.trim())
}

/// The article as Markdown: the kicker in bold, `# title`, a metadata line, figures, body and
/// related links.
///
/// ```
/// use marsad_model::{to_markdown, Article, Span, Text};
/// let mut a = Article::default();
/// a.title = Some(Text::new("عنوان الخبر", Span::new(0, 21)));
/// assert!(to_markdown(&a).starts_with("# عنوان الخبر"));
/// // A deck that opens the body is said once.
/// a.subtitle = Some(Text::new("وفود تصل الدوحة", Span::new(22, 49)));
/// a.body = vec![marsad_model::Block { kind: marsad_model::BlockKind::Paragraph,
///     text: "وفود تصل الدوحة".into(), span: Span::new(22, 49), level: None }];
/// assert_eq!(to_markdown(&a).matches("وفود تصل الدوحة").count(), 1);
/// // A kicker stands over the headline.
/// a.kicker = Some(Text::new("غزة", Span::new(50, 56)));
/// assert!(to_markdown(&a).starts_with("**غزة**\n\n# عنوان الخبر"));
/// ```
pub fn to_markdown(a: &Article) -> String {
    let mut out = String::new();
    if let Some(k) = &a.kicker {
        let _ = writeln!(out, "**{}**\n", k.text);
    }
    if let Some(t) = &a.title {
        let _ = writeln!(out, "# {}\n", t.text);
    }
    if let Some(s) = &a.subtitle {
        let _ = writeln!(out, "_{}_\n", s.text);
    }
    let mut meta = Vec::new();
    if !a.authors.is_empty() {
        meta.push(
            a.authors
                .iter()
                .map(|x| x.text.as_str())
                .collect::<Vec<_>>()
                .join(", "),
        );
    }
    if let Some(p) = &a.published {
        meta.push(p.local.clone());
    }
    if let Some(d) = &a.dateline {
        meta.push(d.text.clone());
    }
    if !meta.is_empty() {
        let _ = writeln!(out, "{}\n", meta.join(" · "));
    }
    for f in &a.figures {
        let alt = f
            .alt
            .as_ref()
            .or(f.caption.as_ref())
            .map(|t| t.text.as_str())
            .unwrap_or("");
        let _ = writeln!(out, "![{}]({})", alt, f.src.text);
        if let Some(c) = &f.caption {
            let credit = f
                .credit
                .as_ref()
                .map(|c| format!(" ({})", c.text))
                .unwrap_or_default();
            let _ = writeln!(out, "_{}{}_", c.text, credit);
        }
        out.push('\n');
    }
    // A deck kept as the body's first lines is printed once, as the subtitle.
    let deck_first = deck_opens_body(a);
    for b in a.body.iter().skip(usize::from(deck_first)) {
        match b.kind {
            BlockKind::Heading => {
                let level = b.level.unwrap_or(2).clamp(1, 6) as usize;
                let _ = writeln!(out, "{} {}\n", "#".repeat(level.max(2)), b.text);
            }
            BlockKind::Quote => {
                for line in b.text.lines() {
                    let _ = writeln!(out, "> {line}");
                }
                out.push('\n');
            }
            BlockKind::List => {
                for line in b.text.lines() {
                    let _ = writeln!(out, "- {line}");
                }
                out.push('\n');
            }
            BlockKind::Pre => {
                let _ = writeln!(out, "```\n{}\n```\n", b.text);
            }
            BlockKind::Table => {
                for line in b.text.lines() {
                    let cells: Vec<&str> = line.split('\t').collect();
                    let _ = writeln!(out, "| {} |", cells.join(" | "));
                }
                out.push('\n');
            }
            BlockKind::Paragraph => {
                let _ = writeln!(out, "{}\n", b.text);
            }
        }
    }
    if !a.related.is_empty() {
        out.push_str("---\n\n");
        for l in &a.related {
            match &l.url {
                Some(u) => {
                    let _ = writeln!(out, "- [{}]({})", l.title.text, u);
                }
                None => {
                    let _ = writeln!(out, "- {}", l.title.text);
                }
            }
        }
    }
    out
}
