//! The HTML extractor: decode, parse ([`dom`]), read metadata ([`meta`]), cut the page into text
//! blocks ([`blocks`]), choose the main content ([`content`]), keep figures ([`figures`]) and
//! related links, and account for every dropped block in `chrome`.
//!
//! ```
//! use marsad_extract::{html, Options};
//! let page = "<html lang=ar dir=rtl><head><title>خبر | موقع</title></head><body>\
//!   <nav><a href=/>الرئيسية</a></nav><article><h1>خبر</h1>\
//!   <p>دعا وزير الخارجية الروسي إلى وقف فوري لإطلاق النار في إدلب، وقال إن الحل سياسي.</p>\
//!   <p>اقرأ أيضاً: <a href=/b>لافروف يزور أنقرة</a></p></article></body></html>";
//! let x = html::extract(page.as_bytes(), &Options::default()).unwrap();
//! assert_eq!(x.article.body.len(), 1);
//! assert_eq!(x.article.related[0].title.text, "لافروف يزور أنقرة");
//! assert!(x.article.chrome.iter().any(|d| d.text == "الرئيسية"));
//! ```

pub mod blocks;
pub mod content;
pub mod dom;
pub mod figures;
pub mod hints;
pub mod meta;

use marsad_arabic::phrases::{self, Mark};
use marsad_model::{Article, Block, BlockKind, Dropped, Link, Reason, Source, SourceKind, Text};
use std::sync::LazyLock;

use sha2::{Digest, Sha256};

use crate::{ExtractError, Extraction, Options};
use content::{Keep, Params};
use dom::{Document, NodeId};

/// Longest dropped text copied into `chrome` (characters; longer ones are cut with "…").
pub const MAX_CHROME_TEXT: usize = 300;
/// Blocks longer than this (bytes) are not matched against chrome phrases.
pub const MAX_PHRASE_BLOCK: usize = 300;
/// A first selection with fewer kept characters than this is re-run for recall.
pub const RESCUE_MIN_CHARS: usize = 300;
/// ... or with less than this share of the page's readable text.
pub const RESCUE_MIN_SHARE: f64 = 0.15;
/// Comment sections are taken as the content (a forum) only when the first selection kept
/// fewer characters than this.
pub const RESCUE_MAX_ARTICLE_CHARS: usize = 1000;

/// A block this long (characters, with punctuation) is a paragraph of running text.
pub const LEAD_PARAGRAPH_CHARS: usize = 120;
/// Blocks shorter than this above the first paragraph are header lines (byline, date).
pub const HEADER_LINE_CHARS: usize = 30;

/// Extracts the article from an HTML page.
pub fn extract(bytes: &[u8], opts: &Options) -> Result<Extraction, ExtractError> {
    let decoded = crate::decode::decode(bytes)?;
    let input: &str = &decoded.text;
    let mut explain = Vec::new();
    let doc = Document::parse(input);
    if opts.explain {
        explain.push(format!(
            "decode: {} ({}), {} bytes; parse: {} nodes{}",
            decoded.encoding,
            decoded.how,
            input.len(),
            doc.len(),
            if doc.truncated() { ", truncated" } else { "" }
        ));
    }
    let m = meta::read(&doc, input, opts);
    let mut article = Article {
        id: String::new(),
        url: opts.url.clone().or(m.url.clone()),
        canonical_url: m.canonical_url.clone(),
        site: m.site.clone(),
        lang: m.lang.clone(),
        dir: m.dir,
        title: m.title.clone(),
        subtitle: m.subtitle.clone(),
        published: m.published.clone(),
        modified: m.modified.clone(),
        authors: m.authors.clone(),
        tags: m.tags.clone(),
        ..Article::default()
    };
    let sha = hex(&Sha256::digest(bytes));
    article.id = sha.get(..16).unwrap_or("").to_string();
    article.source = Source {
        kind: SourceKind::Html,
        path: opts.path.clone(),
        sha256: Some(sha),
        encoding: Some(decoded.encoding.to_string()),
    };

    let b = blocks::collect(&doc);
    let readable: usize = b.pieces.iter().filter(|p| !p.hidden).map(|p| p.chars).sum();
    let mut sel = content::select(&doc, &b, &Params::default());
    if opts.explain {
        explain.push(format!(
            "content: {} blocks, {} readable chars; container <{}> {:?} kept {} chars",
            b.pieces.len(),
            readable,
            doc.tag(sel.container).unwrap_or("#root"),
            doc.span(sel.container),
            sel.kept_chars
        ));
    }
    let articleish = m.page_type.as_deref().is_some_and(is_article_type);
    let short = |k: usize| {
        k < RESCUE_MIN_CHARS.min(readable / 2)
            || ((!articleish || k < RESCUE_MAX_ARTICLE_CHARS)
                && (k as f64) < RESCUE_MIN_SHARE * readable as f64)
    };
    let body = doc.find_all("body").next().unwrap_or(doc.root());
    // Too little for any page: comments may be the content (forums, Q&A).
    let tiny = |k: usize| k < RESCUE_MIN_CHARS.min(readable / 2);
    // Comments are the content only when the rest is shorter than an article body.
    let forum_like = |k: usize| k < RESCUE_MAX_ARTICLE_CHARS;
    let rescues = [
        ("comments counted as content", true, false, None),
        ("links counted as content", false, true, None),
        (
            "whole body, links and comments kept",
            true,
            true,
            Some(body),
        ),
    ];
    for (what, comments_ok, links_ok, container) in rescues {
        let k = sel.kept_chars;
        let run = match (comments_ok, links_ok) {
            (true, false) => tiny(k) && forum_like(k),
            (false, _) => short(k),
            (true, true) => tiny(k),
        };
        if !run {
            continue;
        }
        let alt = content::select(
            &doc,
            &b,
            &Params {
                comments_ok,
                links_ok,
                container,
            },
        );
        if alt.kept_chars > sel.kept_chars {
            if opts.explain {
                explain.push(format!(
                    "rescue: {what}: {} -> {} chars",
                    sel.kept_chars, alt.kept_chars
                ));
            }
            sel = alt;
        }
    }

    // Figures (their captions leave the body).
    let figs = figures::collect(&doc, &b, &sel);
    article.figures = figs.figures;

    // Short lines above the first real paragraph are the article header (kicker, byline,
    // date, reading time): metadata, not body.
    let lead = b
        .pieces
        .iter()
        .enumerate()
        .position(|(i, p)| {
            sel.keep.get(i) == Some(&Keep::Body)
                && p.chars >= LEAD_PARAGRAPH_CHARS
                && p.punct >= 2
                && !is_heading(&doc, p.node)
        })
        .unwrap_or(0);
    for (i, p) in b.pieces.iter().enumerate().take(lead) {
        if sel.keep.get(i) == Some(&Keep::Body)
            && p.chars < HEADER_LINE_CHARS
            && !is_heading(&doc, p.node)
            && let Some(k) = sel.keep.get_mut(i)
        {
            *k = Keep::Drop(Reason::Metadata);
        }
    }
    let consumed = &m.consumed;
    let title_key = article.title.as_ref().map(|t| fold_key(&t.text));
    let mut body: Vec<(Block, u32)> = Vec::new();
    for (i, p) in b.pieces.iter().enumerate() {
        let in_container = doc.contains(sel.container, p.node);
        let mut k = sel
            .keep
            .get(i)
            .copied()
            .unwrap_or(Keep::Drop(Reason::LowScore));
        if figs.caption_pieces.contains(&i) {
            if k == Keep::Body {
                continue; // kept, in a figure
            }
        } else if k == Keep::Body || (k == Keep::Drop(Reason::Nav) && in_container) {
            if k == Keep::Body
                && (consumed
                    .iter()
                    .any(|s| s.start <= p.span.start && p.span.end <= s.end)
                    || (is_heading(&doc, p.node)
                        && title_key.as_deref() == Some(&fold_key(&p.text))))
            {
                k = Keep::Drop(Reason::Metadata);
            } else if p.text.len() <= MAX_PHRASE_BLOCK
                && let Some(pm) = phrases::match_line(&p.text)
            {
                if pm.mark == Mark::Related {
                    let rest = p.text.get(pm.rest..).unwrap_or("").trim();
                    if !rest.is_empty() {
                        article.related.push(Link {
                            title: Text::new(rest, p.span),
                            url: first_href(&doc, p.node),
                            span: p.span,
                        });
                        continue;
                    }
                    k = Keep::Drop(Reason::Related);
                } else {
                    k = Keep::Drop(mark_reason(pm.mark));
                }
            }
        }
        match k {
            Keep::Body => {
                let (kind, level, group) = block_kind(&doc, p.node);
                body.push((
                    Block {
                        kind,
                        text: p.text.clone(),
                        span: p.span,
                        level,
                    },
                    group,
                ));
            }
            Keep::Drop(reason) => article.chrome.push(Dropped {
                text: cut_text(&p.text),
                span: p.span,
                reason,
            }),
        }
    }
    article.body = merge_groups(body);
    if article.body.is_empty() {
        article.empty_reason = Some(if readable == 0 {
            "no readable text in the page".to_string()
        } else {
            "no block of the page reads like main content".to_string()
        });
    }
    if opts.explain {
        explain.push(format!(
            "result: {} body blocks, {} figures, {} related, {} dropped",
            article.body.len(),
            article.figures.len(),
            article.related.len(),
            article.chrome.len()
        ));
        for d in &article.chrome {
            explain.push(format!("drop {:?} {:?}: {}", d.reason, d.span, d.text));
        }
    }
    Ok(Extraction { article, explain })
}

static ARTICLE_TYPES: LazyLock<Vec<&'static str>> = LazyLock::new(|| {
    include_str!("../../data/content_article_types.tsv")
        .lines()
        .map(str::trim)
        .filter(|l| !l.is_empty() && !l.starts_with('#'))
        .collect()
});

/// True when a schema.org / `og:type` name declares an article (`NewsArticle`, `BlogPosting`).
fn is_article_type(t: &str) -> bool {
    let t = t.to_ascii_lowercase();
    ARTICLE_TYPES.iter().any(|w| t.contains(w))
}

fn hex(bytes: &[u8]) -> String {
    use std::fmt::Write;
    let mut s = String::with_capacity(bytes.len() * 2);
    for b in bytes {
        let _ = write!(s, "{b:02x}");
    }
    s
}

fn fold_key(s: &str) -> String {
    s.chars()
        .filter(|c| c.is_alphanumeric())
        .flat_map(char::to_lowercase)
        .collect()
}

fn is_heading(doc: &Document<'_>, id: NodeId) -> bool {
    matches!(doc.tag(id), Some("h1" | "h2" | "h3" | "h4" | "h5" | "h6"))
}

fn mark_reason(m: Mark) -> Reason {
    match m {
        Mark::Related => Reason::Related,
        Mark::Share => Reason::Share,
        Mark::Font => Reason::Font,
        Mark::Nav => Reason::Nav,
        Mark::Live => Reason::Live,
        Mark::Ad => Reason::Ad,
        Mark::Ui => Reason::Ui,
        Mark::Boilerplate => Reason::Boilerplate,
    }
}

fn cut_text(s: &str) -> String {
    match s.char_indices().nth(MAX_CHROME_TEXT) {
        Some((i, _)) => format!("{}…", &s[..i]),
        None => s.to_string(),
    }
}

fn first_href(doc: &Document<'_>, id: NodeId) -> Option<String> {
    doc.descendants(id)
        .find(|&d| doc.tag(d) == Some("a"))
        .and_then(|a| doc.attr(a, "href"))
        .map(|h| h.trim().to_string())
        .filter(|h| !h.is_empty())
}

/// Kind, heading level and grouping node (list or table row) of a block element.
fn block_kind(doc: &Document<'_>, id: NodeId) -> (BlockKind, Option<u8>, u32) {
    let tag = doc.tag(id).unwrap_or("");
    match tag {
        "h1" | "h2" | "h3" | "h4" | "h5" | "h6" => {
            let level = tag.as_bytes().get(1).map(|c| c - b'0');
            return (BlockKind::Heading, level, blocks::NONE);
        }
        "pre" => return (BlockKind::Pre, None, blocks::NONE),
        _ => {}
    }
    let mut cur = Some(id);
    let mut steps = 0;
    while let Some(c) = cur {
        if steps > 32 {
            break;
        }
        match doc.tag(c) {
            Some("li") => {
                let list = doc.parent(c).map_or(c.0, |p| p.0);
                return (BlockKind::List, None, list);
            }
            Some("td" | "th") => {
                let row = doc.parent(c).map_or(c.0, |p| p.0);
                return (BlockKind::Table, None, row);
            }
            Some("blockquote") => return (BlockKind::Quote, None, blocks::NONE),
            Some("pre") => return (BlockKind::Pre, None, blocks::NONE),
            Some("article" | "main" | "body" | "section") => break,
            _ => {}
        }
        cur = doc.parent(c);
        steps += 1;
    }
    (BlockKind::Paragraph, None, blocks::NONE)
}

/// Merges consecutive list items of one list (newline-separated) and cells of one table row
/// (tab-separated) into one block each.
fn merge_groups(body: Vec<(Block, u32)>) -> Vec<Block> {
    let mut out: Vec<Block> = Vec::with_capacity(body.len());
    let mut last_group = blocks::NONE;
    for (b, g) in body {
        if g != blocks::NONE
            && g == last_group
            && let Some(prev) = out.last_mut()
            && prev.kind == b.kind
        {
            prev.text.push(if b.kind == BlockKind::Table {
                '\t'
            } else {
                '\n'
            });
            prev.text.push_str(&b.text);
            prev.span = prev.span.cover(b.span);
            continue;
        }
        last_group = g;
        out.push(b);
    }
    out
}
