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

use marsad_arabic::phrases::{self, Mark, MatchKind};
use marsad_model::{
    Article, Block, BlockKind, Dropped, Link, Reason, Source, SourceKind, Span, Text,
};
use std::collections::{HashMap, HashSet};
use std::sync::LazyLock;

pub use crate::caption::{MAX_CREDIT_WORDS, credited_caption, is_credit_line};
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
/// On a page that does not declare an article, a first selection with less than this share
/// of the readable text (but more than [`RESCUE_MIN_SHARE`]) is widened by the links pass, when
/// that pass keeps more inside an ancestor of the first container strictly inside `<body>` (a
/// landing page's sections of linked cards beside the one section chosen).
pub const RESCUE_WIDEN_SHARE: f64 = 0.25;
/// Comment sections are taken as the content (a forum) only when the first selection kept
/// fewer characters than this.
pub const RESCUE_MAX_ARTICLE_CHARS: usize = 1000;

/// A declared article's current selection this long (characters) is a story: the links pass
/// may trade it for an element more than [`MAX_STORY_WIDENING`] levels above it only when
/// what it adds is running text ([`adds_prose`]).
const MIN_STORY_CHARS: usize = 400;
/// Share of the characters a rescue pass adds that must be running text (sentences, not
/// link text) for it to replace a story.
const MIN_ADDED_PROSE_SHARE: f64 = 0.5;

/// True when the blocks `alt` keeps beyond `first` are mostly running text
/// ([`blocks::Piece::is_prose`]).
fn adds_prose(b: &blocks::Blocks, first: &[Keep], alt: &[Keep]) -> bool {
    let (mut added, mut prose) = (0usize, 0usize);
    for (i, p) in b.pieces.iter().enumerate() {
        if alt.get(i) == Some(&Keep::Body) && first.get(i) != Some(&Keep::Body) {
            added += p.chars;
            if p.is_prose() {
                prose += p.chars;
            }
        }
    }
    prose as f64 >= MIN_ADDED_PROSE_SHARE * added as f64
}

/// Most levels the links pass may climb from a story's element (to its wrapper, which holds
/// the story's own list beside its intro) before what it adds must be running text
/// ([`adds_prose`]).
const MAX_STORY_WIDENING: usize = 1;

/// Most ancestors looked at for the story's own element around a container.
const MAX_STORY_DEPTH: usize = 32;

/// The story's own element around `id` (ancestor-or-self): an `<article>`, or an element
/// marked `itemprop=articleBody`.
fn story_element(doc: &Document<'_>, id: NodeId) -> Option<NodeId> {
    std::iter::once(id)
        .chain(doc.ancestors(id))
        .take(MAX_STORY_DEPTH)
        .find(|&a| {
            doc.tag_is(a, dom::Tag::Article)
                || doc
                    .attr_raw(a, "itemprop")
                    .is_some_and(|v| v.split_ascii_whitespace().any(|t| t == "articleBody"))
        })
}

/// Fewest characters of a teaser line cut short ("…") that opens a story line for it to
/// count as that line's copy.
const MIN_CUT_TEASER_CHARS: usize = 40;

/// Most words after a teaser's ellipsis ("Read more", "Continue reading").
const MAX_TEASER_TAIL_WORDS: usize = 3;

/// True when `text` is one of `lines` (a story body's blocks), or opens one when cut short
/// with an ellipsis and nothing after it but brackets, more dots or a few words of a link
/// ("The minister said on Wednesday…", "… [&hellip;]", "…… Read more" before "The minister
/// said on Wednesday that …"). An ellipsis inside a sentence ("not now ... and not ever")
/// cuts nothing short.
fn repeats_story_line(text: &str, lines: &[&str]) -> bool {
    let t = text.trim();
    if lines.contains(&t) {
        return true;
    }
    let Some((at, len)) = ["…", "..."]
        .iter()
        .filter_map(|e| t.find(e).map(|at| (at, e.len())))
        .min()
    else {
        return false;
    };
    let tail = t[at + len..].trim_matches(|c: char| {
        c.is_whitespace() || matches!(c, '…' | '.' | '[' | ']' | '(' | ')')
    });
    if tail.split_whitespace().count() > MAX_TEASER_TAIL_WORDS {
        return false;
    }
    // ("… rule […]": the bracket around the ellipsis goes with it.)
    let cut = t[..at].trim_end_matches(|c: char| c.is_whitespace() || c == '[' || c == '(');
    cut.chars().count() >= MIN_CUT_TEASER_CHARS && lines.iter().any(|l| l.starts_with(cut))
}

/// Least running text (characters) a hidden story body ([`hidden_story`]) must show.
const MIN_HIDDEN_STORY_CHARS: usize = 400;
/// A hidden story body must show more than this many times the characters the first
/// selection kept.
const HIDDEN_STORY_RATIO: usize = 2;
/// Most levels climbed from a hidden paragraph to the outermost hidden element around it.
const MAX_HIDDEN_LEVELS: usize = 1024;
/// Most elements below a hidden element looked at for the story body's name.
const MAX_STORY_NAME_NODES: usize = 256;

/// The first outermost hidden element inside `container` (the first selection's) that is a
/// story's body: it, or an element below it, is named as one (`itemprop=articleBody`, or a
/// `class` or `id` such as `articleBody`, `entry-content`: [`hints::names_story_body`]) and
/// marked as content, not as a dialog or a call to action; it is not set apart in another
/// language than the page's (`page_lang`); it does not open on a headline of its own (an
/// "up next" story: a heading before the named body, or an h1 other than the page's
/// `title`); and its hidden running text reaches [`MIN_HIDDEN_STORY_CHARS`]. [`shows_story`]
/// then checks what showing it reveals.
fn hidden_story(
    doc: &Document<'_>,
    b: &blocks::Blocks,
    container: NodeId,
    page_lang: Option<&str>,
    title: Option<&str>,
) -> Option<NodeId> {
    let hidden = |n: NodeId| b.hidden.get(n.index()).copied().unwrap_or(false);
    let pos = |n: NodeId| b.hint.get(n.index()) == Some(&hints::Hint::Pos);
    let named = |n: NodeId| {
        doc.attr_raw(n, "itemprop")
            .is_some_and(|v| v.split_ascii_whitespace().any(|t| t == "articleBody"))
            || (pos(n)
                && ["class", "id"]
                    .iter()
                    .any(|a| doc.attr_raw(n, a).is_some_and(hints::names_story_body)))
    };
    // Whether the container shows a story body of its own (read once, when first asked).
    let shows_named = std::cell::OnceCell::new();
    let shows_named = || {
        *shows_named.get_or_init(|| {
            doc.descendants(container)
                .take(MAX_STORY_NAME_NODES * 16)
                .any(|d| doc.is_element(d) && !hidden(d) && named(d))
        })
    };
    // A hidden element opening on a headline of its own is another story ("up next"): a
    // heading before the element named as the story's body, or an h1 other than the page's.
    // (Subheads inside the named body are the story's.)
    let opens_other_story = |root: NodeId| {
        let start = doc.span(root).start;
        let at = b.pieces.partition_point(|p| p.span.start < start);
        let Some(first) = b.pieces.get(at).filter(|p| doc.contains(root, p.node)) else {
            return false;
        };
        match doc.tag_code(first.node) {
            Some(dom::Tag::H1) => title.is_none_or(|t| fold_key(t) != fold_key(&first.text)),
            Some(dom::Tag::H2 | dom::Tag::H3) => {
                !std::iter::once(first.node)
                    .chain(doc.ancestors(first.node))
                    .take_while(|&a| a != root)
                    .chain(std::iter::once(root))
                    .any(named)
                    // (Inside a wrapper, while the page shows a story body of its own: a
                    // "next story" template whose headline is set as a subhead.)
                    || (!named(root) && shows_named())
            }
            _ => false,
        }
    };
    let qualifies = |root: NodeId| {
        !matches!(
            b.hint.get(root.index()),
            Some(hints::Hint::Neg(_) | hints::Hint::Story(_))
        ) && (named(root)
            || doc
                .descendants(root)
                .take(MAX_STORY_NAME_NODES)
                .any(|d| doc.is_element(d) && named(d)))
            && !doc.attr_raw(root, "lang").is_some_and(|l| {
                let own = l.split(['-', '_']).next().unwrap_or("");
                page_lang.is_some_and(|p| !own.eq_ignore_ascii_case(p))
            })
            && !opens_other_story(root)
    };
    // Per outermost hidden element inside the container, in document order: its running text.
    let mut roots: Vec<(NodeId, usize)> = Vec::new();
    for p in &b.pieces {
        if !p.hidden || !p.is_prose() || !doc.contains(container, p.node) {
            continue;
        }
        if let Some(last) = roots.last_mut()
            && doc.contains(last.0, p.node)
        {
            last.1 += p.chars;
            continue;
        }
        let mut root = p.node;
        for _ in 0..MAX_HIDDEN_LEVELS {
            match doc.parent(root) {
                Some(up) if hidden(up) => root = up,
                _ => break,
            }
        }
        roots.push((root, p.chars));
    }
    roots
        .into_iter()
        .find(|&(root, chars)| chars >= MIN_HIDDEN_STORY_CHARS && qualifies(root))
        .map(|(root, _)| root)
}

/// True when the blocks `shown` (read with the hidden story body `root` shown) reveal a story:
/// at least [`MIN_HIDDEN_STORY_CHARS`] of running text that was hidden, more than
/// [`HIDDEN_STORY_RATIO`] times the `kept` characters of the first selection, and mostly not
/// a copy of text the page already shows (a hidden twin of a visible story). Text still
/// hidden by its own marks inside `root` does not count.
fn shows_story(doc: &Document<'_>, shown: &blocks::Blocks, root: NodeId, kept: usize) -> bool {
    let visible_elsewhere: HashSet<&str> = shown
        .pieces
        .iter()
        .filter(|p| !p.hidden && !doc.contains(root, p.node))
        .map(|p| p.text.as_str())
        .collect();
    let (mut revealed, mut copied) = (0usize, 0usize);
    for p in shown
        .pieces
        .iter()
        .filter(|p| !p.hidden && p.is_prose() && doc.contains(root, p.node))
    {
        revealed += p.chars;
        if visible_elsewhere.contains(p.text.as_str()) {
            copied += p.chars;
        }
    }
    revealed >= MIN_HIDDEN_STORY_CHARS
        && revealed > HIDDEN_STORY_RATIO * kept
        && copied * 2 < revealed
}

/// Levels (the block and its ancestors) looked at for a caption's class on a copy of a
/// figure's caption.
const CAPTION_CLASS_LEVELS: usize = 3;

/// A page without readable text whose `<script>` elements hold at least this many bytes is
/// built by its scripts (a single-page app, a page shipping its text as JSON for the
/// browser): its empty result says so.
pub const SCRIPT_BUILT_BYTES: usize = 10 * 1024;

/// A page with under [`RESCUE_MIN_CHARS`] visible characters and this many times as much
/// hidden text is shown by its scripts: its hidden marks are ignored.
pub const SCRIPT_SHOWN_RATIO: usize = 10;

/// A body block this long (characters) that repeats an earlier body block's text is dropped as
/// a duplicate.
pub const MIN_DUPLICATE_CHARS: usize = 80;

/// A block this long (characters, with punctuation) is a paragraph of running text.
pub const LEAD_PARAGRAPH_CHARS: usize = 120;
/// Blocks shorter than this above the first paragraph are header lines (byline, date).
pub const HEADER_LINE_CHARS: usize = 30;
/// A date line shorter than this (characters) above the first paragraph is the article's
/// stamp ("Posted on June 29, 2020 · Updated July 9, 2025").
pub const DATED_HEADER_CHARS: usize = 100;
/// More header lines than this above the first paragraph are not a header but content (a
/// grid of cards, a list).
pub const MAX_HEADER_LINES: usize = 12;
/// Fewest characters of an `articleBody` worth reading instead of the markup's text.
pub const LD_BODY_MIN_CHARS: usize = 400;

/// Extracts the article from an HTML page.
pub fn extract(bytes: &[u8], opts: &Options) -> Result<Extraction, ExtractError> {
    let mut x = extract_as_written(bytes, opts)?;
    crate::compose::extraction(&mut x);
    Ok(x)
}

/// [`extract`] before letters written in parts are joined ([`crate::compose`]).
fn extract_as_written(bytes: &[u8], opts: &Options) -> Result<Extraction, ExtractError> {
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
        kicker: m.kicker.clone(),
        published: m.published.clone(),
        modified: m.modified.clone(),
        authors: m.authors.clone(),
        tags: m.tags.clone(),
        ..Article::default()
    };
    let (id, source) = crate::input_source(bytes, opts, SourceKind::Html);
    article.id = id;
    article.source = Source {
        encoding: Some(decoded.encoding.to_string()),
        ..source
    };

    let mut b = blocks::collect(&doc);
    let mut readable: usize = b.pieces.iter().filter(|p| !p.hidden).map(|p| p.chars).sum();
    // A page whose text is nearly all in hidden elements is shown by its scripts (streamed
    // server rendering moves `<div hidden>` segments into place): its hidden marks are not
    // what a reader sees.
    let hidden_chars: usize = b.pieces.iter().filter(|p| p.hidden).map(|p| p.chars).sum();
    if readable < RESCUE_MIN_CHARS && hidden_chars > SCRIPT_SHOWN_RATIO * readable.max(1) {
        if opts.explain {
            explain.push(format!(
                "hidden: {hidden_chars} hidden chars, {readable} visible: hidden marks ignored"
            ));
        }
        b = blocks::collect_with(&doc, false);
        readable = b.pieces.iter().map(|p| p.chars).sum();
    }
    let articleish = m.page_type.as_deref().is_some_and(is_article_type);
    // A page declaring a discussion thread is made of its replies.
    let thread = m.page_type.as_deref().is_some_and(is_thread_type);
    // The first pass: an article page is one tight block; a thread's replies are content.
    let first = Params {
        tight: articleish,
        declared: articleish,
        comments_ok: thread,
        ..Params::default()
    };
    let mut sel = content::select(&doc, &b, &first);
    // A story body a declared article hides (a paywall's `display: none` over the text it
    // ships, shown by its scripts to subscribers) that holds much more running text than the
    // selection is the article: it is read as shown.
    let mut shown_story = None;
    if articleish
        && let Some(story) = hidden_story(
            &doc,
            &b,
            sel.container,
            m.lang.as_deref(),
            m.title.as_ref().map(|t| t.text.as_str()),
        )
    {
        let shown = blocks::collect_showing(&doc, story);
        if shows_story(&doc, &shown, story, sel.kept_chars) {
            if opts.explain {
                explain.push(format!(
                    "hidden story body <{}> {:?}: {} chars kept before, read as shown",
                    doc.tag(story).unwrap_or("#root"),
                    doc.span(story),
                    sel.kept_chars
                ));
            }
            b = shown;
            readable = b.pieces.iter().filter(|p| !p.hidden).map(|p| p.chars).sum();
            sel = content::select(&doc, &b, &first);
            shown_story = Some(story);
        }
    }
    if opts.explain {
        explain.push(format!(
            "content: {} blocks, {} readable chars; container <{}> {:?} kept {} chars; type {:?}",
            b.pieces.len(),
            readable,
            doc.tag(sel.container).unwrap_or("#root"),
            doc.span(sel.container),
            sel.kept_chars,
            m.page_type
        ));
    }
    let short = |k: usize| {
        k < RESCUE_MIN_CHARS.min(readable / 2)
            || ((!articleish || k < RESCUE_MAX_ARTICLE_CHARS)
                && (k as f64) < RESCUE_MIN_SHARE * readable as f64)
    };
    // Short only by the wider measure: the links pass may widen the first container in place.
    let widen_only =
        |k: usize| !articleish && !short(k) && (k as f64) < RESCUE_WIDEN_SHARE * readable as f64;
    let body = doc.find_tag(dom::Tag::Body).next().unwrap_or(doc.root());
    // Too little for any page: comments may be the content (forums, Q&A).
    let tiny = |k: usize| k < RESCUE_MIN_CHARS.min(readable / 2);
    // Comments are the content only when the rest is shorter than an article body.
    let forum_like = |k: usize| k < RESCUE_MAX_ARTICLE_CHARS;
    let rescues = [
        ("comments counted as content", true, false, None, false),
        ("links counted as content", false, true, None, false),
        (
            "whole body, links and comments kept",
            true,
            true,
            Some(body),
            false,
        ),
        (
            "every visible block of the body",
            true,
            true,
            Some(body),
            true,
        ),
    ];
    // The page's own `<main>`, when the first pass chose it, is trusted even when it holds little
    // text.
    let marked_main = !sel.widened && doc.tag_is(sel.container, dom::Tag::Main)
        || doc
            .attr_raw(sel.container, "role")
            .is_some_and(|r| r.trim().eq_ignore_ascii_case("main"));
    let first_kept = sel.kept_chars;
    // A story's teaser above a paywall notice is all the page gives of it.
    let paywalled = articleish && first_kept > 0 && paywall_after(&doc, &b, sel.container);
    if paywalled && opts.explain {
        explain.push("paywall: a subscribers' notice follows the content; no rescue".into());
    }
    // A heading after the content that opens a discussion ("3 Kommentare", "Leave a Reply"):
    // the comments are the post's, however short the post.
    let discussion_head = discussion_after(&doc, &b, sel.container);
    let discussion = discussion_head.is_some();
    if discussion && opts.explain {
        explain.push("comments: a discussion heading follows the content".into());
    }
    let mut comments_taken = false;
    // A byline or a date the page shows in the chosen text's column (the container `c` or its
    // parent), or above it within the wrapper of the part the wider pass `wide` would take (a
    // header band over the columns): an author named only in the head, or a date in the
    // footer, signs no story.
    let signed_story = |c: NodeId, wide: NodeId| {
        let up = |n: NodeId| doc.parent(n).filter(|&p| p != body && p != doc.root());
        let column = doc.span(up(c).unwrap_or(c));
        let above = if wide == body {
            Span::default()
        } else {
            Span::new(doc.span(up(wide).unwrap_or(wide)).start, doc.span(c).start)
        };
        let inside = |s: Span| {
            !s.is_empty()
                && [column, above]
                    .iter()
                    .any(|z| z.start <= s.start && s.end <= z.end)
        };
        m.authors.iter().any(|a| inside(a.span))
            || m.published.as_ref().is_some_and(|p| inside(p.span))
    };
    for (what, comments_ok, links_ok, container, hints_off) in rescues {
        let k = sel.kept_chars;
        let run = match (comments_ok, links_ok) {
            (true, false) => tiny(k) && forum_like(k) && !discussion,
            // A page whose comments were taken for its content may rather be a listing whose
            // items are links (a ranked list with a discussion below it).
            (false, _) => short(k) || (comments_taken && short(first_kept)) || widen_only(k),
            (true, true) => tiny(k),
        };
        if !run || paywalled || (hints_off && marked_main) {
            continue;
        }
        // The wider passes keep a post's discussion out all the same.
        let comments_ok = comments_ok && !discussion;
        let alt = content::select(
            &doc,
            &b,
            &Params {
                comments_ok,
                links_ok,
                container,
                tight: articleish && !comments_ok && !links_ok,
                hints_off,
                marks_hold: first_kept > 0,
                declared: articleish,
            },
        );
        // Run for the wider measure only, the pass must widen the first container in place.
        let in_place = !widen_only(k)
            || (alt.container != body
                && doc.contains(body, alt.container)
                && doc.contains(alt.container, sel.container));
        // A declared article whose story was found keeps it: the links pass climbing out of the
        // story's element (past its wrapper, to a layout holding the sidebars) and adding
        // only link lists, names and tables there (a sidebar's columns around a short news
        // brief) adds no story. (A list beside the story under its own wrapper or inside its
        // `<article>`, a roundup's links or a hub's cards, is the story's.) So does a page that
        // declares no article but signs or dates the text it chose, when the pass only widens
        // it (WebMD: a signed story beside columns of topic links).
        let leaves_story = links_ok
            && !comments_ok
            && (articleish || widen_only(k) && signed_story(sel.container, alt.container))
            && k >= MIN_STORY_CHARS
            && !doc
                .ancestors(sel.container)
                .take(MAX_STORY_WIDENING)
                .any(|a| a == alt.container)
            && alt.container != sel.container
            && !story_element(&doc, sel.container).is_some_and(|s| doc.contains(s, alt.container));
        let adds_story = !leaves_story || adds_prose(&b, &sel.keep, &alt.keep);
        let taken = alt.kept_chars > sel.kept_chars && in_place && adds_story;
        if opts.explain {
            explain.push(format!(
                "rescue: {what}: {} -> {} chars in <{}> {:?}{}",
                sel.kept_chars,
                alt.kept_chars,
                doc.tag(alt.container).unwrap_or("#root"),
                doc.span(alt.container),
                if taken {
                    ""
                } else if !adds_story {
                    " (not taken: it leaves the story for link text)"
                } else {
                    " (not taken)"
                }
            ));
        }
        if taken {
            comments_taken = comments_ok && !links_ok;
            sel = alt;
        }
    }
    // The discussion's heading is the comments' own, wherever a wider pass put it.
    if let Some(i) = discussion_head
        && sel.keep.get(i) == Some(&Keep::Body)
    {
        sel.keep[i] = Keep::Drop(Reason::Comments);
        sel.kept_chars -= b.pieces.get(i).map_or(0, |p| p.chars).min(sel.kept_chars);
    }

    // Several stories stacked in the content (a news site appends the next story under the
    // one asked for): the story of the page's headline is the content.
    // The other stories, once the headline's is taken: their blocks are teasers' text.
    let mut other_stories: Vec<NodeId> = Vec::new();
    // The first pass's reading of one story's element.
    let select_story = |story: NodeId| {
        content::select(
            &doc,
            &b,
            &Params {
                container: Some(story),
                ..first
            },
        )
    };
    if let Some(t) = &article.title
        && let Some((story, others)) = story_of_headline(&doc, sel.container, t)
    {
        let alt = select_story(story);
        if opts.explain {
            explain.push(format!(
                "stories: {} -> {} chars in the headline's <article> {:?}",
                sel.kept_chars,
                alt.kept_chars,
                doc.span(story)
            ));
        }
        if alt.kept_chars >= RESCUE_MIN_CHARS.min(sel.kept_chars / 4) {
            sel = alt;
            other_stories = others;
        }
    } else if !thread
        && !comments_taken
        && let Some(t) = &article.title
        && let Some(story) = headline_article(&doc, sel.container, t)
    {
        // One story in a wider container, an `<article>` headed by the page's headline; beside
        // it, the page's other parts (teasers, a blog box, a comment form). Not on a page made
        // of replies (a thread, a Q&A page, comments taken for the content): the question's
        // `<article>` holds the headline, and the answers are the content too.
        let alt = select_story(story);
        if opts.explain {
            explain.push(format!(
                "story: {} -> {} chars in the headline's <article> {:?}",
                kept_all(&b, &sel),
                kept_all(&b, &alt),
                doc.span(story)
            ));
        }
        // The story holds most of what the container kept, every kept block counted (linked
        // card titles too, which the prose measure leaves out): an intro in an `<article>`
        // over a listing's grid of linked cards is not the page's content alone. Or it holds
        // an article body's prose and half of the container's, and the container kept prose
        // beside it (teasers with their summaries; a bare grid of linked titles has none).
        let prose_story = alt.kept_chars >= RESCUE_MAX_ARTICLE_CHARS
            && alt.kept_chars < sel.kept_chars
            && alt.kept_chars as f64 >= HEADLINE_PROSE_SHARE * sel.kept_chars as f64;
        if prose_story
            || kept_all(&b, &alt) as f64 >= HEADLINE_ARTICLE_SHARE * kept_all(&b, &sel) as f64
        {
            sel = alt;
        } else if opts.explain {
            explain.push("story: not taken".into());
        }
    }

    // An article's lead set just before the chosen container joins it.
    let lead = content::take_lead(&doc, &b, &mut sel, m.description.as_deref());
    if opts.explain && lead.chars > 0 {
        explain.push(format!(
            "lead: {} chars before the container taken",
            lead.chars
        ));
    }
    // The deck it stopped at (the page's description, set above the story) is the subtitle.
    if article.subtitle.is_none()
        && let Some(p) = lead.deck.and_then(|i| b.pieces.get(i))
    {
        article.subtitle = Some(Text::new(p.text.clone(), p.span));
    }

    // The story's other parts, split from the container by pictures or asides.
    let twin_chars = content::take_twins(&doc, &b, &mut sel, &first);
    if opts.explain && twin_chars > 0 {
        explain.push(format!(
            "twins: {twin_chars} chars in elements of the container's tag and class taken"
        ));
    }

    // The FAQ the page declares, set apart from the body, joins it.
    let faq_chars = content::take_faq(&doc, &b, &mut sel, &m.faq);
    if opts.explain && faq_chars > 0 {
        explain.push(format!("faq: {faq_chars} chars of the declared FAQ taken"));
    }

    // Figures (their captions leave the body).
    let figs = figures::collect(&doc, &b, &sel, m.image.as_deref());
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
    // A short line ending in a comma opens the text ("Hello everyone,", "السلام عليكم،"): a
    // salutation, not a header line; so does a line parted from the next by a blank line
    // (a post's "Hello<br><br>…").
    let is_header_line = |i: usize, p: &blocks::Piece| {
        sel.keep.get(i) == Some(&Keep::Body)
            && !p.part
            && p.chars < HEADER_LINE_CHARS
            && !is_heading(&doc, p.node)
            && !p.text.trim_end().ends_with([',', '،'])
    };
    // An article's header is a few lines; dozens of short lines above the first paragraph are
    // a grid or a list (product cards, facets), which is content.
    let header_lines = b
        .pieces
        .iter()
        .take(lead)
        .enumerate()
        .filter(|&(i, p)| is_header_line(i, p))
        .count();
    if header_lines <= MAX_HEADER_LINES {
        let header: Vec<usize> = (0..lead)
            .filter(|&i| b.pieces.get(i).is_some_and(|p| is_header_line(i, p)))
            .collect();
        for i in header {
            if let Some(k) = sel.keep.get_mut(i) {
                *k = Keep::Drop(Reason::Metadata);
            }
        }
    }
    // A longer date line above the first paragraph ("Posted on June 29, 2020", "by Jane Doe in
    // Events on Dec 17, 2025", "نشر في 3 مارس 2024") is the article's stamp, not its text. On
    // a thread each post opens with its author and date, and the thread keeps them: such lines
    // below the first paragraph too mark a thread, and then none is dropped.
    if !thread && !comments_taken {
        let dated = |i: usize| {
            b.pieces.get(i).is_some_and(|p| {
                sel.keep.get(i) == Some(&Keep::Body)
                    && p.chars < DATED_HEADER_CHARS
                    && !is_heading(&doc, p.node)
                    && meta::line_date(&p.text, false).is_some()
            })
        };
        let stamps: Vec<usize> = (0..lead).filter(|&i| dated(i)).collect();
        if !stamps.is_empty() && !(lead..b.pieces.len()).any(dated) {
            for i in stamps {
                if let Some(k) = sel.keep.get_mut(i) {
                    *k = Keep::Drop(Reason::Metadata);
                }
            }
        }
    }
    let consumed = &m.consumed;
    // The days of the page's own stamps (a `<time>` showing one is the page's date line).
    let page_days: Vec<&str> = [&m.published, &m.modified, &m.shown]
        .into_iter()
        .filter_map(|s| s.as_ref().and_then(|s| s.day()))
        .collect();
    // A heading repeating the title is the headline again, except on a home page, whose
    // headline opens its content, and but for a title taken from the text's first h2.
    let title_key = article
        .title
        .as_ref()
        .filter(|_| !article.url.as_deref().is_some_and(meta::is_home) && !m.title_from_h2)
        .map(|t| fold_key(&t.text));
    let layout = layout_cells(&doc, &b);
    let mut body: Vec<(Block, u32)> = Vec::new();
    // After a bare "اقرأ أيضاً" / "Related" header, the links of its block are teasers.
    let mut related_scope: Option<NodeId> = None;
    // After a bare label set as a block of its own (`<p><strong>اقرأ أيضا..</strong></p>`),
    // the parent of that block: the blocks after it there that are one link each are
    // teasers too, up to the first that is not.
    let mut teaser_run: Option<NodeId> = None;
    // Per table, how many cells open with each call to action ([`action_cell`]).
    let mut action_cells: std::collections::HashMap<
        NodeId,
        std::collections::HashMap<String, usize>,
    > = std::collections::HashMap::new();
    // Whether each table looked at is a data table ([`is_data_table`]).
    let mut data_tables: std::collections::HashMap<NodeId, bool> = std::collections::HashMap::new();
    // The rank of the heading that opened `related_scope` (1 for `<h1>`), if a heading did.
    let mut scope_rank: Option<u8> = None;
    // The first word of that heading, lowercased.
    let mut scope_word = String::new();
    // How many levels below `related_scope` that heading sits (2 in a wrapper of its own).
    let mut scope_depth: usize = 1;
    let mut seen: std::collections::HashMap<&str, NodeId> = std::collections::HashMap::new();
    // The captions read into figures, for their copies elsewhere.
    let captions: HashSet<&str> = figs
        .caption_pieces
        .iter()
        .filter_map(|&i| b.pieces.get(i))
        .filter(|p| p.chars >= MIN_DUPLICATE_CHARS)
        .map(|p| p.text.as_str())
        .collect();
    // The blocks of a hidden story body read as shown, for the teaser above it that repeats
    // its first lines.
    let story_texts: Vec<&str> = shown_story
        .map(|st| {
            b.pieces
                .iter()
                .filter(|p| !p.hidden && doc.contains(st, p.node))
                .map(|p| p.text.as_str())
                .collect()
        })
        .unwrap_or_default();
    let bio_keys: Vec<Vec<String>> = m.author_bios.iter().filter_map(|b| bio_key(b)).collect();
    // With `--explain`: for every chrome entry, the element whose mark dropped it.
    let mut why: Vec<String> = Vec::new();
    let page_host = article.url.as_deref().and_then(meta::host_of);
    let mut controls = b.controls.iter().peekable();
    // Per block: the running text the selection keeps after it (a legal notice closes the
    // content; a paragraph with a story after it is the story's).
    let mut prose_after = vec![0u32; b.pieces.len()];
    let mut seen_prose = 0u32;
    for (i, p) in b.pieces.iter().enumerate().rev() {
        prose_after[i] = seen_prose;
        if sel.keep.get(i) == Some(&Keep::Body)
            && !p.hidden
            && p.chars >= MIN_DUPLICATE_CHARS
            && p.is_prose()
        {
            seen_prose += 1;
        }
    }
    for (i, p) in b.pieces.iter().enumerate() {
        let explain_why = opts.explain.then_some(&mut why);
        drop_controls(
            &mut controls,
            p.span.start,
            &mut article.chrome,
            explain_why,
        );
        let in_container = sel.holds(&doc, p.node);
        // The next section's heading ("References" after a wiki's "See also") closes the
        // scope of a heading label: a heading beside it (as deep below the scope), of its rank
        // or higher, holding no link but its tools (a teaser's heading is or holds one), not
        // opening on the label's first word (a second related list under a heading of its
        // own: "Related articles", then "Related reports") and not followed by a teaser (a
        // sub-label: "Sponsored").
        if related_scope.is_some()
            && related_scope == doc.ancestors(p.node).nth(scope_depth - 1)
            && scope_rank.is_some_and(|r| heading_rank(&doc, p.node).is_some_and(|h| h <= r))
            && block_links(&doc, &b, p)
                .iter()
                .all(|l| interface_line(&l.title.text))
            && first_word(&p.text) != scope_word
            && !b.pieces.get(i + 1).is_some_and(|n| {
                n.text.len() <= MAX_PHRASE_BLOCK
                    && n.link_chars > 0
                    && n.link_chars * 10 >= n.chars * 9
            })
        {
            related_scope = None;
            teaser_run = None;
        }
        // A wiki's navigation boxes are no teasers, nor the end of the section: the sister
        // projects' box beside a "See also" list, the navboxes closing the page after it
        // (`<div role=navigation>`) are read as any block.
        let nav_box = scope_depth == 2
            && related_scope.is_some_and(|scope| {
                doc.contains(scope, p.node) && in_navigation(&doc, p.node, scope)
            });
        if !nav_box && let Some(scope) = related_scope {
            let short = p.text.len() <= MAX_PHRASE_BLOCK;
            let teaser = short
                && (doc.contains(scope, p.node)
                    || (in_container
                        && teaser_run.is_some_and(|run| under_run(&doc, run, p.node))
                        && p.link_chars * 10 >= p.chars * 9));
            // A teaser names something: a price or a count alone is a card's figure, left
            // with the box.
            let worded = p.text.chars().filter(|c| c.is_alphabetic()).take(3).count() == 3;
            // A tool's or a menu's link by the label ("[edit]" beside a wiki's "See also",
            // "View all") is no teaser either.
            let tool = teaser && p.link_chars > 0 && interface_line(&p.text);
            if teaser && (!worded || tool) {
                article.chrome.push(Dropped {
                    text: cut_text(&p.text),
                    span: p.span,
                    reason: if tool { Reason::Ui } else { Reason::Related },
                });
                if opts.explain {
                    why.push(String::new());
                }
                continue;
            }
            if teaser {
                if let Some(url) = piece_href(&doc, p) {
                    article.related.push(Link {
                        title: Text::new(p.text.trim(), p.span),
                        url: Some(url),
                        span: p.span,
                    });
                    continue;
                }
            } else {
                related_scope = None;
                teaser_run = None;
            }
        }
        let mut k = sel
            .keep
            .get(i)
            .copied()
            .unwrap_or(Keep::Drop(Reason::LowScore));
        // A list item of the story linking to other sites in a sentence's words (a deals
        // post's products, a reading list) is content, not the site's navigation
        // (then read as any kept block is: a repeat, a phrase).
        if k == Keep::Drop(Reason::Nav)
            && in_container
            && articleish
            && doc.tag_is(p.node, dom::Tag::Li)
            && !in_aside(&doc, p.node)
            && links_out(&doc, &b, p, page_host)
        {
            k = Keep::Body;
        }
        // A table cell that is a link (a release's version, a film's title) belongs to its
        // row when the row's other cells are kept: a row is read whole.
        if k == Keep::Drop(Reason::Nav)
            && in_container
            && matches!(doc.tag_code(p.node), Some(dom::Tag::Td | dom::Tag::Th))
            && !in_aside(&doc, p.node)
            && !action_cell(&doc, p.node, &p.text, &mut action_cells)
            && row_kept(&doc, &b, &sel, p.node, &mut data_tables)
        {
            k = Keep::Body;
        }
        if figs.caption_pieces.contains(&i) {
            if matches!(k, Keep::Body | Keep::Drop(Reason::LowScore)) {
                // Kept, in a figure (a lead figure above the container scores low).
                continue;
            }
        } else if (k == Keep::Body
            || (matches!(k, Keep::Drop(Reason::Nav | Reason::Related)) && in_container))
            && let Some(mut links) = labelled_teasers(&doc, &b, p)
        {
            // One teaser stands for its block; the label of several is chrome, each
            // link a teaser.
            if let [one] = &mut links[..] {
                one.span = p.span;
                article.related.append(&mut links);
                continue;
            }
            article.related.append(&mut links);
            k = Keep::Drop(Reason::Related);
        } else if k == Keep::Drop(Reason::Nav)
            && in_container
            && articleish
            && let Some(link) = lone_link_teaser(&doc, &b, p)
        {
            // A paragraph of the story that is one headline's link and nothing else is a
            // teaser set between its paragraphs.
            article.related.push(link);
            continue;
        } else if k == Keep::Body
            || (matches!(k, Keep::Drop(Reason::Nav | Reason::Related)) && in_container)
        {
            if (k == Keep::Body
                && (consumed
                    .iter()
                    .any(|s| s.start <= p.span.start && p.span.end <= s.end)
                    || made_of(input, p.span, consumed)
                    || (is_heading(&doc, p.node)
                        && title_key.as_deref() == Some(&fold_key(&p.text)))))
                || tag_line(&doc, p)
            {
                k = Keep::Drop(Reason::Metadata);
            } else if p.text.len() <= MAX_PHRASE_BLOCK
                && let Some(pm) = html_phrase(&doc, p, articleish)
            {
                if pm.mark == Mark::Related {
                    let rest = p.text.get(pm.rest..).unwrap_or("").trim();
                    // A section tool after the label ("See also [edit]" on a wiki) is no
                    // headline: the line is a bare label.
                    let rest = if interface_line(rest) { "" } else { rest };
                    if !rest.is_empty() {
                        // A phrase running on into a sentence ("Read more about ad blocking
                        // here.", "Click here for the second half") is no label before a
                        // headline: the whole line is the link's title.
                        let head = p.text.get(..pm.rest).unwrap_or("").trim_end();
                        let set_apart = head.ends_with([':', '-', '–', '—', '|', '»']);
                        let title = if rest.starts_with(char::is_lowercase) && !set_apart {
                            p.text.trim()
                        } else {
                            rest
                        };
                        article.related.push(Link {
                            title: Text::new(title, p.span),
                            url: piece_href(&doc, p),
                            span: p.span,
                        });
                        continue;
                    }
                    k = Keep::Drop(Reason::Related);
                    scope_rank = heading_rank(&doc, p.node);
                    scope_word = first_word(&p.text);
                    related_scope = Some(if is_heading(&doc, p.node) {
                        // (A wrapper holding only the heading and its tools, MediaWiki's
                        // `<div class=mw-heading><h2>See also</h2><span>[edit]</span></div>`,
                        // is the heading's: the section is around it.)
                        let parent = doc.parent(p.node).unwrap_or(p.node);
                        scope_depth = 1;
                        match doc.parent(parent) {
                            Some(up) if heading_wrapper(&doc, parent, p.node) => {
                                scope_depth = 2;
                                up
                            }
                            _ => parent,
                        }
                    } else {
                        teaser_run = doc.parent(p.node);
                        p.node
                    });
                } else {
                    k = Keep::Drop(mark_reason(pm.mark));
                }
            } else if section_tool_link(&doc, &b, p) {
                k = Keep::Drop(Reason::Ui);
            } else if p.text.len() <= MAX_PHRASE_BLOCK && p.link_chars > 0 && phrase_bar(&p.text) {
                // (Its items are links: a bar of the same words as plain text is a sentence's.)
                k = Keep::Drop(Reason::Ui);
            } else if p.link_chars > 0
                && prose_after[i] <= MAX_PROSE_AFTER_NOTICE
                && legal_notice(&doc, &b, p, page_host)
            {
                k = Keep::Drop(Reason::Boilerplate);
            }
        }
        // A block that is nothing but a web address (an image file's URL printed by a template,
        // a bare link in a forum post) is not prose; in a table cell or a list it is data.
        if k == Keep::Body
            && is_bare_url(&p.text)
            && block_kind(&doc, p.node, &layout).0 == BlockKind::Paragraph
        {
            k = Keep::Drop(Reason::Boilerplate);
        }
        // A shortcode the site left unexpanded is markup.
        if k == Keep::Body
            && is_shortcode_line(&p.text)
            && block_kind(&doc, p.node, &layout).0 == BlockKind::Paragraph
        {
            k = Keep::Drop(Reason::Boilerplate);
        }
        if k == Keep::Body && p.chars >= WORD_LOOP_MIN_WORDS && is_word_loop(&p.text) {
            k = Keep::Drop(Reason::Ui);
        }
        // A stamp standing alone in the text of an article or a thread (`<time
        // datetime=…>11:15</time>` over a live blog's update, a post's date) is the update's
        // metadata, not its words. (On a listing, a card's date is one of its facts.)
        if k == Keep::Body
            && (articleish || thread)
            && p.text.len() <= MAX_STAMP_BLOCK
            && is_time_element(&doc, p)
        {
            k = Keep::Drop(Reason::Metadata);
        }
        // A gallery's position counter ("Image 1 of 5") is interface.
        if k == Keep::Body && p.text.len() <= MAX_PHRASE_BLOCK && is_gallery_counter(&p.text) {
            k = Keep::Drop(Reason::Ui);
        }
        // A picture's credit on a line of its own, or closing a caption set as a paragraph
        // ("The plague wiped out half of Europe (Image: GETTY)"), is the figure's, not text.
        if k == Keep::Body
            && p.text.len() <= MAX_CAPTION_BLOCK
            && (is_credit_line(&p.text) || credited_caption(&p.text, MIN_HTML_CAPTION_WORDS))
        {
            k = Keep::Drop(Reason::Metadata);
        }
        // The author's bio the page's metadata gives ("Jane Doe is a freelance writer …"):
        // the box under the article, not its text.
        if k == Keep::Body && !bio_keys.is_empty() && opens_bio(&p.text, &bio_keys) {
            k = Keep::Drop(Reason::Boilerplate);
        }
        // The same running text twice in different parts of the page (a teaser above the full
        // text, a repeated banner line) is kept once; repeats among siblings (a meal plan's
        // days) are content.
        // A figure's caption again in an element classed as a caption (a gallery's caption
        // panel under its controls) is a repeat; the story saying it again is the story's.
        if k == Keep::Body
            && p.chars >= MIN_DUPLICATE_CHARS
            && captions.contains(p.text.as_str())
            && std::iter::once(p.node)
                .chain(doc.ancestors(p.node))
                .take(CAPTION_CLASS_LEVELS)
                .any(|a| doc.attr_raw(a, "class").is_some_and(figures::names_caption))
        {
            k = Keep::Drop(Reason::Duplicate);
        }
        // A teaser above a hidden story body read as shown repeats its lines, whole or cut
        // short ("… answered…"): whatever its length, it is a repeat.
        if k == Keep::Body
            && let Some(st) = shown_story
            && !doc.contains(st, p.node)
            && repeats_story_line(&p.text, &story_texts)
        {
            k = Keep::Drop(Reason::Duplicate);
        }
        if k == Keep::Body && p.chars >= MIN_DUPLICATE_CHARS {
            let parent = doc.parent(p.node).unwrap_or(p.node);
            match seen.entry(p.text.as_str()) {
                std::collections::hash_map::Entry::Vacant(e) => {
                    e.insert(parent);
                }
                std::collections::hash_map::Entry::Occupied(e) => {
                    if *e.get() != parent {
                        k = Keep::Drop(Reason::Duplicate);
                    }
                }
            }
        }
        // The headline, byline or date line the metadata was read from is dropped as metadata,
        // whatever dropped it (a low score outside the container, a byline's class).
        if matches!(
            k,
            Keep::Drop(Reason::LowScore | Reason::Boilerplate | Reason::Nav)
        ) && (consumed
            .iter()
            .any(|s| s.start <= p.span.start && p.span.end <= s.end)
            || made_of(input, p.span, consumed)
            || (k != Keep::Drop(Reason::Nav)
                && p.text.len() <= MAX_STAMP_BLOCK
                && shows_page_day(&doc, p, &page_days)))
        {
            k = Keep::Drop(Reason::Metadata);
        }
        // Another story stacked under the article's is a related story.
        if k == Keep::Drop(Reason::LowScore)
            && other_stories.iter().any(|&s| doc.contains(s, p.node))
        {
            k = Keep::Drop(Reason::Related);
        }
        // A block dropped for its score that is an interface phrase ("حجم الخط", "Share") is
        // dropped for what it is.
        if k == Keep::Drop(Reason::LowScore)
            && p.text.len() <= MAX_PHRASE_BLOCK
            && let Some(pm) = html_phrase(&doc, p, articleish)
            && pm.rest >= p.text.trim_end().len()
        {
            k = Keep::Drop(mark_reason(pm.mark));
        }
        // A link to the next or the previous post (`<a rel=next>`) set as a block of its own
        // is the blog's post navigation.
        if k == Keep::Body && p.link_chars * 10 >= p.chars * 9 && pager_link(&doc, &b, p) {
            k = Keep::Drop(Reason::Nav);
        }
        // A link alone that says "mehr" (more) is a widget's button; the same word as text is
        // the story's ("Mehr." answering a question).
        if k == Keep::Body
            && p.link_chars * 10 >= p.chars * 9
            && p.text.len() <= MAX_PHRASE_BLOCK
            && is_teaser_closer(&p.text)
        {
            k = Keep::Drop(Reason::Ui);
        }
        // A teaser's summary set in a story: a short block that closes on a "read more" link
        // to another page ("… Seht selbst! Weiterlesen").
        // Its headline, kept above it, is the teaser's link.
        if k == Keep::Body
            && articleish
            && p.text.len() <= MAX_TEASER_SUMMARY
            && let Some(h) = reads_on(&doc, &b, i, article.url.as_deref())
        {
            k = Keep::Drop(Reason::Related);
            let head = &b.pieces[h];
            if let Some(at) = body.iter().rposition(|(bl, _)| bl.span == head.span) {
                let (bl, _) = body.remove(at);
                article.related.push(Link {
                    title: Text::new(bl.text.trim(), bl.span),
                    url: piece_href(&doc, head),
                    span: bl.span,
                });
            }
        }
        match k {
            Keep::Body => {
                let (kind, level, group) = block_kind(&doc, p.node, &layout);
                // A headline written out once per screen size is said once.
                let text = if kind == BlockKind::Heading {
                    meta::clean::said_once(&p.text).to_string()
                } else {
                    p.text.clone()
                };
                body.push((
                    Block {
                        kind,
                        text,
                        span: p.span,
                        level,
                    },
                    group,
                ));
            }
            Keep::Drop(reason) => {
                if opts.explain {
                    why.push(drop_origin(&doc, &sel, p.node));
                }
                article.chrome.push(Dropped {
                    text: cut_text(&p.text),
                    span: p.span,
                    reason,
                })
            }
        }
    }
    let explain_why = opts.explain.then_some(&mut why);
    drop_controls(&mut controls, usize::MAX, &mut article.chrome, explain_why);
    // The origin of each entry so far, by its span: the passes below insert entries of their
    // own in document order.
    let why: HashMap<(usize, usize), String> = article
        .chrome
        .iter()
        .zip(why)
        .map(|(d, w)| ((d.span.start, d.span.end), w))
        .collect();
    drop_repeated_runs(&mut body, &mut article.chrome);
    drop_contact_tail(&mut body, &mut article.chrome);
    if articleish && !thread {
        drop_after_section_end(&mut body, &mut article.chrome);
    }
    article.body = merge_groups(body);
    if articleish && let Some(n) = body_from_ld(&mut article, &m.ld_body) {
        explain.extend(
            opts.explain.then(|| {
                format!("json-ld: the markup kept {n} chars; the articleBody is the body")
            }),
        );
    }
    attach_dateline(&mut article, input, m.dateline.as_ref());
    split_captions(&mut article, input);
    resolve_links(&doc, &mut article);
    // A direction set around the article (`<main dir="rtl">`) is the article's: the nearest
    // one wins over the page's.
    if let Some(d) = meta::dir_around(&doc, sel.container) {
        article.dir = Some(d);
    }
    // A language or direction the page does not declare is read from the article's text (the
    // headline when there is no body): the language by the script rule, the function-word
    // vote, then the model (a headline alone is often too short for the vote); the direction
    // by the script most letters are in.
    if article.lang.is_none() || article.dir.is_none() {
        let sample = crate::language_sample(&article);
        if article.lang.is_none() {
            article.lang = marsad_arabic::lang::detect(&sample).map(|l| l.code().to_string());
        }
        if article.dir.is_none() {
            article.dir = marsad_arabic::lang::dir_of(&sample);
        }
    }
    if article.body.is_empty() {
        article.empty_reason = Some(if readable == 0 {
            let scripts = script_bytes(&doc);
            if scripts >= SCRIPT_BUILT_BYTES {
                format!(
                    "no readable text in the page: its scripts build it in the browser \
                     ({} KB of script, no text in the markup)",
                    scripts / 1024
                )
            } else {
                "no readable text in the page".to_string()
            }
        } else {
            "no block of the page reads like main content".to_string()
        });
    }
    crate::drop_soft_hyphens(&mut article);
    if opts.explain {
        explain.push(format!(
            "result: {} body blocks, {} figures, {} related, {} dropped",
            article.body.len(),
            article.figures.len(),
            article.related.len(),
            article.chrome.len()
        ));
        for d in &article.chrome {
            let origin = why
                .get(&(d.span.start, d.span.end))
                .map_or("", String::as_str);
            explain.push(format!(
                "drop {:?} {:?}{origin}: {}",
                d.reason, d.span, d.text
            ));
        }
    }
    Ok(Extraction { article, explain })
}

/// Longest `class` value quoted by `--explain` (characters).
const MAX_EXPLAIN_CLASS: usize = 60;

/// For `--explain`: " under <tag class=…>" naming the element whose boilerplate mark covers
/// `node` (a hint, a nested `<article>`, a link list), or "" when none does.
fn drop_origin(doc: &Document<'_>, sel: &content::Selection, node: NodeId) -> String {
    let Some(&at) = sel.neg.get(node.index()) else {
        return String::new();
    };
    if at == blocks::NONE {
        return String::new();
    }
    let at = NodeId(at);
    let class: String = doc
        .attr(at, "class")
        .or_else(|| doc.attr(at, "id"))
        .unwrap_or_default()
        .chars()
        .take(MAX_EXPLAIN_CLASS)
        .collect();
    format!(" under <{} {class:?}>", doc.tag(at).unwrap_or("?"))
}

/// The dateline opening the first paragraph ("القاهرة - وكالات: …"; the paragraph keeps it),
/// else the one set as the byline (`byline`, see [`meta::Meta::dateline`]). A deck above the
/// story (its subtitle) is not its first paragraph.
fn attach_dateline(article: &mut Article, input: &str, byline: Option<&marsad_model::Dateline>) {
    let deck = article.subtitle.as_ref().map(|t| t.span);
    if let Some(first) = article.body.iter().find(|b| {
        b.kind == BlockKind::Paragraph
            && deck.is_none_or(|d| !(d.start <= b.span.start && b.span.end <= d.end))
    }) && let Some(m) = marsad_arabic::dateline::find_dateline(&first.text)
    {
        let mut d = m.dateline;
        // The page's own outlet after the place ("القاهرة - الوطن اليوم: …"): the dateline
        // credits the site.
        if d.agency.is_none()
            && let Some(site) = article.site.as_deref()
            && let Some((who, end)) = own_outlet(&first.text[m.consumed..], site)
        {
            d.text = first.text[..m.consumed + end].trim_end().to_string();
            d.agency = Some(who.to_string());
            d.agency_kind = Some(marsad_model::AgencyKind::Outlet);
        }
        d.span = locate(input, first.span, &d.text);
        article.dateline = Some(d);
        return;
    }
    if let Some(d) = byline {
        let mut d = d.clone();
        d.span = locate(input, d.span, &d.text);
        article.dateline = Some(d);
    }
}

/// Most words of a site's name read as the outlet of a dateline.
const MAX_OUTLET_WORDS: usize = 5;

/// The site's own name opening `rest`, the text after a dateline's place, then a colon or a
/// dash: who it names ("الوطن اليوم") and where the dateline ends (after the mark). The name
/// may leave out the first word of the site's ("صحيفة الوطن اليوم" is written "الوطن اليوم").
///
/// ```
/// # use marsad_extract::html::own_outlet;
/// let rest = "الوطن اليوم: ارتفعت أسعار الذهب";
/// assert_eq!(own_outlet(rest, "صحيفة الوطن اليوم"), Some(("الوطن اليوم", "الوطن اليوم:".len())));
/// assert_eq!(own_outlet("اليوم: ارتفعت الأسعار", "صحيفة الوطن اليوم"), None);
/// ```
pub fn own_outlet<'r>(rest: &'r str, site: &str) -> Option<(&'r str, usize)> {
    let site = site.trim();
    let words = site.split_whitespace().count();
    if words == 0 || words > MAX_OUTLET_WORDS {
        return None;
    }
    let names = std::iter::once(site).chain(
        site.split_once(char::is_whitespace)
            .map(|(_, tail)| tail.trim_start())
            .filter(|_| words >= 3),
    );
    for name in names {
        let Some(after) = rest
            .get(..name.len())
            .filter(|h| h.eq_ignore_ascii_case(name))
        else {
            continue;
        };
        let tail = &rest[name.len()..];
        let gap = tail.len() - tail.trim_start().len();
        let mark = tail[gap..].chars().next()?;
        if mark == ':' || marsad_arabic::dateline::is_dash(mark) {
            return Some((after, name.len() + gap + mark.len_utf8()));
        }
    }
    None
}

/// Credits at the end of captions ("… (رويترز)") become the figure's credit; the date a caption
/// names becomes the figure's date.
fn split_captions(article: &mut Article, input: &str) {
    for f in &mut article.figures {
        let Some(mut cap) = f.caption.take() else {
            continue;
        };
        let bare = crate::caption::without_caption_label(&cap.text);
        if bare.len() < cap.text.len() {
            cap = Text::new(bare, locate(input, cap.span, bare));
        }
        let mut caption = cap.clone();
        if f.credit.is_none()
            && let Some((end, credit)) = crate::caption::split_credit(&cap.text)
        {
            let agency = cap
                .text
                .get(credit.span.start..credit.span.end)
                .unwrap_or("");
            f.credit = Some(Text::new(agency, locate(input, cap.span, agency)));
            let text = cap.text.get(..end).unwrap_or("").trim();
            caption = Text::new(text, locate(input, cap.span, text));
        } else if f.credit.is_none()
            && let Some((end, who)) = crate::caption::bracketed_credit(&cap.text)
                .or_else(|| crate::caption::trailing_credit(&cap.text))
        {
            f.credit = Some(Text::new(who, locate(input, cap.span, who)));
            let text = cap.text.get(..end).unwrap_or("").trim();
            caption = Text::new(text, locate(input, cap.span, text));
        } else if f.credit.is_none()
            && let Some(who) = crate::caption::credit_name(&cap.text)
            && crate::caption::credit_label_names_credit(&cap.text, who)
        {
            // The caption is a credit line and nothing more ("Foto: LA NACION", "(Photo:
            // Reuters)"): a credit, and no caption.
            // (The credit stands for the whole line, its label included.)
            let who = who.trim_end_matches(['.', ' ']);
            f.credit = Some(Text::new(who, cap.span));
            caption = Text::new("", cap.span);
        }
        if f.date.is_none() {
            f.date = crate::caption::caption_date(&caption.text);
        }
        if !caption.text.is_empty() {
            f.caption = Some(caption);
        }
    }
}

/// Relative related-link and image URLs made absolute against the page's `<base href>`, else
/// its URL (or canonical URL).
fn resolve_links(doc: &Document<'_>, article: &mut Article) {
    let page = article
        .url
        .clone()
        .or_else(|| article.canonical_url.clone());
    let Some(base) = base_href(doc, page.as_deref()).or(page) else {
        return;
    };
    for l in &mut article.related {
        if let Some(u) = &l.url {
            l.url = Some(resolve_url(&base, u));
        }
    }
    for f in &mut article.figures {
        f.src.text = resolve_url(&base, &f.src.text);
    }
}

/// `href` resolved against `base` (scheme-relative, root-relative, path-relative and
/// query-only forms), its "." and ".." segments worked out.
///
/// ```
/// # use marsad_extract::html::resolve_url;
/// let base = "https://example.com/culture/2026/page.html";
/// assert_eq!(resolve_url(base, "/a/b"), "https://example.com/a/b");
/// assert_eq!(resolve_url(base, "c.jpg"), "https://example.com/culture/2026/c.jpg");
/// assert_eq!(resolve_url(base, "//cdn.example.com/x"), "https://cdn.example.com/x");
/// assert_eq!(resolve_url(base, "https://other.org/"), "https://other.org/");
/// assert_eq!(resolve_url(base, "../img/c.jpg"), "https://example.com/culture/img/c.jpg");
/// assert_eq!(resolve_url(base, "./c.jpg"), "https://example.com/culture/2026/c.jpg");
/// assert_eq!(resolve_url(base, "/a/../../b"), "https://example.com/b");
/// assert_eq!(resolve_url(base, "?page=2"), "https://example.com/culture/2026/page.html?page=2");
/// ```
pub fn resolve_url(base: &str, href: &str) -> String {
    let href = href.trim();
    let Some(scheme_end) = base.find("://") else {
        return href.to_string();
    };
    let has_scheme = href.split_once(':').is_some_and(|(s, _)| {
        !s.is_empty()
            && s.chars()
                .all(|c| c.is_ascii_alphanumeric() || "+-.".contains(c))
    });
    if has_scheme || href.is_empty() || href.starts_with('#') {
        return href.to_string();
    }
    let scheme = &base[..scheme_end];
    if let Some(rest) = href.strip_prefix("//") {
        return format!("{scheme}://{rest}");
    }
    let after = &base[scheme_end + 3..];
    let host_end = after
        .find(['/', '?', '#'])
        .map_or(base.len(), |i| scheme_end + 3 + i);
    let origin = &base[..host_end];
    let path = base[host_end..].split(['?', '#']).next().unwrap_or("");
    // A query alone keeps the page's path ("?page=2").
    if href.starts_with('?') {
        let path = if path.is_empty() { "/" } else { path };
        return format!("{origin}{path}{href}");
    }
    let joined = if href.starts_with('/') {
        href.to_string()
    } else {
        let dir = path.rfind('/').map_or("/", |i| &path[..=i]);
        format!("{dir}{href}")
    };
    let end = joined.find(['?', '#']).unwrap_or(joined.len());
    format!(
        "{origin}{}{}",
        without_dot_segments(&joined[..end]),
        &joined[end..]
    )
}

/// A URL path with its "." and ".." segments worked out (RFC 3986, 5.2.4): "/a/./b/../c"
/// is "/a/c"; ".." above the root stays at the root.
fn without_dot_segments(path: &str) -> String {
    if !path.split('/').any(|s| s == "." || s == "..") {
        return path.to_string();
    }
    let mut out: Vec<&str> = Vec::new();
    let segs: Vec<&str> = path.split('/').skip(1).collect();
    for (i, seg) in segs.iter().enumerate() {
        let last = i + 1 == segs.len();
        match *seg {
            "." => {
                if last {
                    out.push("");
                }
            }
            ".." => {
                out.pop();
                if last {
                    out.push("");
                }
            }
            s => out.push(s),
        }
    }
    format!("/{}", out.join("/"))
}

/// The address a page's `<base href>` sets for its relative links, made absolute against
/// the page's own address when it is relative; `None` when the page sets none (or it gives
/// no absolute address). Looked for in the head only.
fn base_href(doc: &Document<'_>, page: Option<&str>) -> Option<String> {
    let n = (doc.len() as u32).min(MAX_HEAD_NODES);
    let id = (0..n)
        .map(NodeId)
        .take_while(|&i| !doc.tag_is(i, dom::Tag::Body))
        .find(|&i| {
            doc.tag_is(i, dom::Tag::Base)
                && doc.attr(i, "href").is_some_and(|h| !h.trim().is_empty())
        })?;
    let href = doc.attr(id, "href")?;
    let base = match page {
        Some(p) => resolve_url(p, &href),
        None => href.trim().to_string(),
    };
    // (A base with no host, "https://" or "//", is no base: browsers keep the page's.)
    let host = base.split_once("://").map_or("", |(_, rest)| {
        rest.split(['/', '?', '#']).next().unwrap_or("")
    });
    (!host.is_empty()).then_some(base)
}

/// Most nodes looked at for a `<base>` element.
const MAX_HEAD_NODES: u32 = 4096;

/// The exact span of `needle` inside `within` when the input has it verbatim, else `within`.
fn locate(input: &str, within: marsad_model::Span, needle: &str) -> marsad_model::Span {
    input
        .get(within.start..within.end)
        .filter(|_| !needle.is_empty())
        .and_then(|s| s.find(needle))
        .map(|i| marsad_model::Span::new(within.start + i, within.start + i + needle.len()))
        .unwrap_or(within)
}

/// The words of a gallery counter (`data/html_gallery_words.tsv`): labels, then "of" words.
static GALLERY_WORDS: LazyLock<(Vec<&'static str>, Vec<&'static str>)> = LazyLock::new(|| {
    let mut words = (Vec::new(), Vec::new());
    for l in crate::data::list(include_str!("../../data/html_gallery_words.tsv")) {
        match l.split_once('\t') {
            Some(("label", w)) => words.0.push(w.trim()),
            Some(("of", w)) => words.1.push(w.trim()),
            _ => {}
        }
    }
    words
});

/// True when `text` is a gallery's position counter: "Image 1 of 5", "1 / 6", "صورة 2 من 7"
/// (an optional label, a number, an "of" word, a number no smaller).
///
/// ```
/// use marsad_extract::html::is_gallery_counter;
/// assert!(is_gallery_counter("Image 1 of 5"));
/// assert!(is_gallery_counter("1 of 6"));
/// assert!(is_gallery_counter("صورة ٢ من ٧"));
/// assert!(!is_gallery_counter("1 of 6 people"));
/// assert!(!is_gallery_counter("7 of 5"));
/// ```
pub fn is_gallery_counter(text: &str) -> bool {
    let (labels, ofs) = &*GALLERY_WORDS;
    let mut all = [""; 5];
    let mut n = 0;
    for (slot, word) in all.iter_mut().zip(text.split_whitespace()) {
        *slot = word;
        n += 1;
    }
    let mut w = &all[..n];
    if n == 4 && labels.iter().any(|l| l.eq_ignore_ascii_case(w[0])) {
        w = &w[1..];
    }
    let num = |s: &str| -> Option<u32> {
        if s.is_empty() || s.len() > 12 {
            return None;
        }
        s.chars().try_fold(0u32, |n, c| {
            Some(n * 10 + c.to_digit(10).or_else(|| arabic_digit(c))?)
        })
    };
    match w {
        [a, of, b] => {
            ofs.iter().any(|o| o.eq_ignore_ascii_case(of))
                && matches!((num(a), num(b)), (Some(a), Some(b)) if 1 <= a && a <= b)
        }
        _ => false,
    }
}

/// The value of an Arabic-Indic or Eastern Arabic-Indic digit.
fn arabic_digit(c: char) -> Option<u32> {
    match c {
        '\u{0660}'..='\u{0669}' => Some(c as u32 - 0x0660),
        '\u{06F0}'..='\u{06F9}' => Some(c as u32 - 0x06F0),
        _ => None,
    }
}

/// Fewest words of a paragraph before the photo credit that closes it, for it to be read as a
/// caption ([`credited_caption`]).
pub const MIN_HTML_CAPTION_WORDS: usize = 2;

/// Longest block (bytes) read as a picture's caption or credit line.
pub const MAX_CAPTION_BLOCK: usize = 400;

static ARTICLE_TYPES: LazyLock<Vec<&'static str>> =
    LazyLock::new(|| crate::data::list(include_str!("../../data/content_article_types.tsv")));

/// True when a schema.org / `og:type` name declares an article (`NewsArticle`, `BlogPosting`).
pub(crate) fn is_article_type(t: &str) -> bool {
    let t = t.to_ascii_lowercase();
    ARTICLE_TYPES.iter().any(|w| t.contains(w))
}

/// Interface lines only HTML pages carry (a Q&A site's answer form, skip links), matched as the
/// shared phrase list is. Not in that list, which the flattened-text reader shares: there such a
/// line can stand for a real one ("Your Answer" above an answer is its heading) and moves a
/// detector's evidence.
static HTML_PHRASES: LazyLock<phrases::PhraseTable> = LazyLock::new(|| {
    phrases::PhraseTable::from_tsv(include_str!("../../data/html_ui_phrases.tsv"))
});

/// A section's tool links ("[edit]" after a wiki's headings, `data/html_section_tools.tsv`).
/// Their words are real words elsewhere (a manual's "Edit" menu, a table's "Edit" right), so
/// they count only as a whole link: see [`interface_line`] and [`section_tool_link`].
static SECTION_TOOLS: LazyLock<phrases::PhraseTable> = LazyLock::new(|| {
    phrases::PhraseTable::from_tsv(include_str!("../../data/html_section_tools.tsv"))
});

/// True when `text` (a link's, a table cell's, a related label's rest) is, whole, an
/// interface or navigation line of the phrase lists, or a section's tool: a tool or a menu,
/// not a story ("[edit]", "View all", "Home").
fn interface_line(text: &str) -> bool {
    let text = unbracketed(text);
    phrases::match_line(text)
        .or_else(|| HTML_PHRASES.match_line(text))
        .is_some_and(|m| {
            matches!(m.mark, Mark::Ui | Mark::Nav) && m.kind == phrases::MatchKind::Line
        })
        || SECTION_TOOLS.match_line(text).is_some()
}

/// True when `id` sits in a `<nav>` or an element of role "navigation" below `scope`
/// (within [`MAX_NAV_LEVELS`] levels).
fn in_navigation(doc: &Document<'_>, id: NodeId, scope: NodeId) -> bool {
    std::iter::successors(Some(id), |&c| doc.parent(c))
        .take_while(|&c| c != scope)
        .take(MAX_NAV_LEVELS)
        .any(|c| {
            doc.tag_is(c, dom::Tag::Nav)
                || doc
                    .attr_raw(c, "role")
                    .is_some_and(|r| r.eq_ignore_ascii_case("navigation"))
        })
}

/// Most levels [`in_navigation`] climbs.
const MAX_NAV_LEVELS: usize = 16;

/// The first word of `text`, lowercased ("related" for "Related reports").
fn first_word(text: &str) -> String {
    text.split_whitespace().next().unwrap_or("").to_lowercase()
}

/// Most children of a heading's wrapper [`heading_wrapper`] looks at.
const MAX_WRAPPER_CHILDREN: usize = 8;

/// True when `wrap`, the parent of heading `h`, holds the heading's tools and nothing else
/// (MediaWiki's `<div class=mw-heading><h2>See also</h2><span>[edit]</span></div>`). (A
/// wrapper of the heading alone, a theme's `<div class=section-title>`, is no such thing: the
/// section around it may be a whole column.)
fn heading_wrapper(doc: &Document<'_>, wrap: NodeId, h: NodeId) -> bool {
    let mut tools = 0;
    for (n, c) in doc.children(wrap).enumerate() {
        if n >= MAX_WRAPPER_CHILDREN {
            return false;
        }
        if c == h {
            continue;
        }
        // (A tool is a few words: a bigger sibling is the section's content.)
        if doc.span(c).len() > MAX_PHRASE_BLOCK * 4 {
            return false;
        }
        let t = doc.text_of(c);
        if t.split('|').all(|part| unbracketed(part).is_empty()) {
            continue;
        }
        if !section_tools_text(&t) {
            return false;
        }
        tools += 1;
    }
    tools > 0
}

/// True when `text` is a section's tools and nothing else: one tool or several set apart by
/// bars, in brackets or not ("[edit]", "[edit | edit source]").
fn section_tools_text(text: &str) -> bool {
    let mut tools = 0;
    for part in text.split('|') {
        let part = unbracketed(part);
        if part.is_empty() {
            continue;
        }
        if SECTION_TOOLS.match_line(part).is_none() {
            return false;
        }
        tools += 1;
    }
    tools > 0
}

/// `text` without the spaces and brackets around it ("edit" of " [edit] ").
fn unbracketed(text: &str) -> &str {
    text.trim_matches(|c: char| c.is_whitespace() || matches!(c, '[' | ']' | '(' | ')'))
}

/// True when block `p` is a section's tool links and nothing else ("[edit]", "[edit | edit
/// source]").
fn section_tool_link(doc: &Document<'_>, b: &blocks::Blocks, p: &blocks::Piece) -> bool {
    if p.link_chars == 0 || p.text.len() > MAX_PHRASE_BLOCK || !section_tools_text(&p.text) {
        return false;
    }
    let links = block_links(doc, b, p);
    let linked: usize = links.iter().map(|l| letters(&l.title.text)).sum();
    !links.is_empty() && linked == letters(&p.text)
}

/// A shop's interface lines in words a story may use too: a buy box's stock, delivery and
/// seller lines ("In stock", "Free shipping", "Ships from: Ukraine"). Matched only on pages
/// that declare no article, on blocks other than headings: the same words head a story's
/// section ("Sold out", "Free shipping"). (A shop's buttons, "Add to cart", "Write a review",
/// are interface lines wherever they stand: `html_ui_phrases.tsv`.)
static SHOP_PHRASES: LazyLock<phrases::PhraseTable> = LazyLock::new(|| {
    phrases::PhraseTable::from_tsv(include_str!("../../data/html_shop_phrases.tsv"))
});

/// The chrome phrase block `p` is or opens with: the shared list's, the HTML interface
/// lines', or, on a page that declares no article (`articleish` false: a shop's pages), for a
/// block that is no heading nor a bold paragraph, a shop's interface lines'. (A story sets its
/// subheads in bold paragraphs as often as in headings: "Sold out" over a section stays.)
fn html_phrase(
    doc: &Document<'_>,
    p: &blocks::Piece,
    articleish: bool,
) -> Option<phrases::PhraseMatch> {
    phrases::match_line(&p.text)
        .or_else(|| HTML_PHRASES.match_line(&p.text))
        .or_else(|| {
            (!articleish && !is_heading(doc, p.node) && !bold_only(doc, p.node))
                .then(|| SHOP_PHRASES.match_line(&p.text))
                .flatten()
        })
}

/// True when element `id` holds one bold element and nothing else but spaces (`<p><strong>Sold
/// out</strong></p>`): a subhead set in a paragraph.
fn bold_only(doc: &Document<'_>, id: NodeId) -> bool {
    let mut kids = doc
        .children(id)
        .filter(|&c| !(doc.is_text(c) && doc.text(c).trim().is_empty()));
    matches!(
        (kids.next(), kids.next()),
        (Some(k), None) if matches!(doc.tag(k), Some("strong" | "b"))
    )
}

/// What separates the items of a bar of interface links.
const BAR_SEPARATORS: [char; 3] = ['|', '·', '•'];

/// True when `text` is a bar of interface phrases: two items or more set apart by `|`, `·` or
/// `•`, each the whole of an interface line (mark `ui`) of the phrase lists ("Kommentarfeed |
/// Kommentare geschlossen | Trackback-URL" under a blog post). A bar of names that are also
/// words of a story ("Facebook · Instagram · WhatsApp", "Live · Video", "A+ | A | A-") is
/// not one, nor an item that only holds a phrase somewhere in it.
fn phrase_bar(text: &str) -> bool {
    let mut items = 0;
    for item in text
        .split(BAR_SEPARATORS)
        .map(str::trim)
        .filter(|s| !s.is_empty())
    {
        let Some(pm) = phrases::match_line(item).or_else(|| HTML_PHRASES.match_line(item)) else {
            return false;
        };
        if pm.mark != Mark::Ui || pm.kind == MatchKind::Contains || pm.rest < item.len() {
            return false;
        }
        items += 1;
    }
    items >= 2
}

/// Longest block (non-space characters) read as a legal notice ([`legal_notice`]).
const MAX_LEGAL_NOTICE_CHARS: usize = 600;
/// Most paragraphs of running text the content keeps after a legal notice (another notice, a
/// disclaimer): a notice closes the content; a paragraph linking legal pages with the story
/// going on after it reports on them ("… according to its [privacy policy] …").
const MAX_PROSE_AFTER_NOTICE: u32 = 2;
/// Links of a block looked at by [`legal_notice`].
const MAX_LEGAL_NOTICE_LINKS: usize = 16;
/// Longest link element (bytes, tags included) read as a legal page's name.
const MAX_LEGAL_LINK_BYTES: usize = 512;

/// The rows of `data/html_legal_pages.tsv` of one kind (`page`, `notice`), lower case.
fn legal_words(kind: &str) -> Vec<&'static str> {
    crate::data::words_of(include_str!("../../data/html_legal_pages.tsv"), kind)
}

/// The names sites give their legal pages.
static LEGAL_PAGES: LazyLock<Vec<&'static str>> = LazyLock::new(|| legal_words("page"));

/// The words a notice asks the reader with ("you agree to", "ننصحك بمراجعة").
static NOTICE_WORDS: LazyLock<Vec<&'static str>> = LazyLock::new(|| legal_words("notice"));

/// True when a short block asks the reader to read or accept the site's rules and links two
/// of its own legal pages or more by their names (`data/html_legal_pages.tsv`): a comment
/// section's or a form's notice ("ترحب شبكة CNN بالنقاش … ننصحك بمراجعة [إرشادات الاستخدام] …
/// استنادا إلى [سياسة الخصوصية] بما يتوافق مع [شروط استخدام الموقع]", "By submitting, you
/// agree to our [Terms of Use] and [Privacy Policy]"). A story naming such pages asks nothing
/// ("… according to the [privacy policy] …"). Only the block's own links count (not a nested
/// widget's), and only links to the page's site (relative, or to its host): a story linking a
/// company's policy pages on the company's site is reporting on them.
fn legal_notice(
    doc: &Document<'_>,
    b: &blocks::Blocks,
    p: &blocks::Piece,
    host: Option<&str>,
) -> bool {
    if p.chars > MAX_LEGAL_NOTICE_CHARS || !small_block(doc, p) {
        return false;
    }
    let lower = p.text.to_lowercase();
    if !NOTICE_WORDS.iter().any(|w| lower.contains(w)) {
        return false;
    }
    let legal = block_anchors(doc, b, p)
        .filter(|&a| {
            let s = doc.span(a);
            !p.part || (s.end > p.span.start && s.start < p.span.end)
        })
        .take(MAX_LEGAL_NOTICE_LINKS)
        .filter(|&a| {
            doc.span(a).len() <= MAX_LEGAL_LINK_BYTES
                && doc.attr(a, "href").is_some_and(|h| own_link(&h, host))
                && is_legal_page_name(&doc.text_of(a))
        })
        .count();
    legal >= 2
}

/// True when `name` (a link's text) is a legal page's name of [`LEGAL_PAGES`], case, spaces,
/// punctuation around it and the apostrophe's form ("Conditions d’utilisation") aside.
fn is_legal_page_name(name: &str) -> bool {
    let t = name
        .trim_matches(|c: char| c.is_whitespace() || c.is_ascii_punctuation())
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
        .to_lowercase()
        .replace('\u{2019}', "'");
    LEGAL_PAGES.iter().any(|l| *l == t)
}

/// True when `href` leads to a page of the site at `host`: a relative address, or one whose
/// host is the same site's ([`same_site`]). A scheme without a host (`mailto:`,
/// `javascript:`) is no page of the site.
fn own_link(href: &str, host: Option<&str>) -> bool {
    let h = href.trim();
    let other_host = if let Some(rest) = h.strip_prefix("//") {
        Some(rest)
    } else if let Some((scheme, rest)) = h.split_once("://") {
        if scheme.contains(['/', '?', '#']) {
            None
        } else {
            Some(rest)
        }
    } else {
        if h.split(['/', '?', '#'])
            .next()
            .is_some_and(|s| s.contains(':'))
        {
            return false;
        }
        None
    };
    match other_host {
        None => true,
        Some(rest) => {
            let link_host = rest.split(['/', '?', '#', ':']).next().unwrap_or("");
            host.is_some_and(|own| {
                same_site(&own.to_ascii_lowercase(), &link_host.to_ascii_lowercase())
            })
        }
    }
}

/// Notices under a story's teaser saying the rest is for subscribers ("Subscribe to continue
/// reading", "この記事は会員限定です"): the teaser is the article, not too short a result.
static PAYWALL_PHRASES: LazyLock<phrases::PhraseTable> = LazyLock::new(|| {
    phrases::PhraseTable::from_tsv(include_str!("../../data/html_paywall_phrases.tsv"))
});

/// Visible blocks after the chosen content looked at for a paywall notice.
const PAYWALL_LOOKAHEAD: usize = 3;

/// True when one of the first visible blocks after `container` is a paywall notice.
fn paywall_after(doc: &Document<'_>, b: &blocks::Blocks, container: NodeId) -> bool {
    let end = doc.span(container).end;
    b.pieces
        .iter()
        .filter(|p| !p.hidden && p.span.start >= end)
        .take(PAYWALL_LOOKAHEAD)
        .any(|p| PAYWALL_PHRASES.match_line(&p.text).is_some())
}

static THREAD_TYPES: LazyLock<Vec<&'static str>> =
    LazyLock::new(|| crate::data::list(include_str!("../../data/content_thread_types.tsv")));

/// True when a schema.org / og:type name declares a discussion thread (`DiscussionForumPosting`,
/// `QAPage`, `Question`).
pub(crate) fn is_thread_type(t: &str) -> bool {
    let t = t.trim().to_ascii_lowercase();
    THREAD_TYPES.iter().any(|w| t == *w)
}

/// Most `<article>` elements looked at for stacked stories.
const MAX_STORIES: usize = 64;

/// The story holding the page's headline when `container` holds several stories: outermost
/// `<article>` elements, two or more of which have an `<h1>` of their own. The headline's
/// story is the one whose span holds the title's, or whose first `<h1>` reads as the title.
/// Returns it and the other stories; `None` when the container holds one story or the
/// headline is in none.
fn story_of_headline(
    doc: &Document<'_>,
    container: NodeId,
    title: &Text,
) -> Option<(NodeId, Vec<NodeId>)> {
    let mut stories: Vec<(NodeId, NodeId)> = Vec::new();
    let end = doc.subtree_end(container).0;
    let mut i = container.0 + 1;
    while i < end && stories.len() < MAX_STORIES {
        let d = NodeId(i);
        if !doc.tag_is(d, dom::Tag::Article) {
            i += 1;
            continue;
        }
        if let Some(h1) = doc.descendants(d).find(|&x| doc.tag_is(x, dom::Tag::H1)) {
            stories.push((d, h1));
        }
        // (Articles inside this one are its parts.)
        i = doc.subtree_end(d).0.max(i + 1);
    }
    if stories.len() < 2 {
        return None;
    }
    let key = fold_key(&title.text);
    let (story, _) = *stories.iter().find(|(a, h1)| {
        let sp = doc.span(*a);
        (sp.start <= title.span.start && title.span.end <= sp.end)
            || fold_key(&doc.text_of(*h1)) == key
    })?;
    let others = stories
        .iter()
        .map(|&(a, _)| a)
        .filter(|&a| a != story)
        .collect();
    Some((story, others))
}

/// Least share of the text the chosen container kept (every kept block, [`kept_all`]) the
/// headline's `<article>` must keep to be taken instead ([`headline_article`]): an
/// `<article>` holding only the headline and a teaser of a story set outside it is not the
/// story, nor a listing's intro over its grid (half of the text, or less).
const HEADLINE_ARTICLE_SHARE: f64 = 0.55;
/// Least share of the container's kept prose a headline's `<article>` of an article body's
/// length must keep, the other way in ([`headline_article`]).
const HEADLINE_PROSE_SHARE: f64 = 0.5;

/// Visible characters of the blocks `sel` keeps, link-dense ones too (unlike
/// `Selection::kept_chars`, which leaves out a listing's linked card titles).
fn kept_all(b: &blocks::Blocks, sel: &content::Selection) -> usize {
    b.pieces
        .iter()
        .zip(&sel.keep)
        .filter(|(p, k)| **k == Keep::Body && !p.hidden)
        .map(|(p, _)| p.chars)
        .sum()
}

/// The `<article>` below `container` that holds the headline's place or whose first heading
/// (`h1` to `h3`) is the headline (or a part of a page title of several, as long as a
/// headline: "Headline | Site"): the story, where the container also holds the page's other
/// parts (an old news page sets its story in an `<article>` headed by an `<h3>`, and its
/// teasers, blog box and comment form in the same wrapper). Articles inside an article are
/// its parts and are not looked at.
fn headline_article(doc: &Document<'_>, container: NodeId, title: &Text) -> Option<NodeId> {
    let key = fold_key(&title.text);
    if key.is_empty() {
        return None;
    }
    // The headline as the page titles it, and each part of a title of several that is as
    // long as a headline ("Headline | Site", the title taken as written).
    let keys: Vec<String> = std::iter::once(key)
        .chain(
            meta::clean::parts(&title.text)
                .into_iter()
                .filter(|p| p.split_whitespace().count() >= meta::clean::MIN_HEADLINE_WORDS)
                .map(fold_key),
        )
        .collect();
    let end = doc.subtree_end(container).0;
    let mut i = container.0 + 1;
    let mut seen = 0;
    while i < end && seen < MAX_STORIES {
        let d = NodeId(i);
        if !doc.tag_is(d, dom::Tag::Article) {
            i += 1;
            continue;
        }
        seen += 1;
        let sp = doc.span(d);
        let holds_title = sp.start <= title.span.start && title.span.end <= sp.end;
        let headed = || {
            doc.descendants(d)
                .find(|&x| {
                    matches!(
                        doc.tag_code(x),
                        Some(dom::Tag::H1 | dom::Tag::H2 | dom::Tag::H3)
                    )
                })
                .is_some_and(|h| keys.contains(&fold_key(&doc.text_of(h))))
        };
        if holds_title || headed() {
            return Some(d);
        }
        i = doc.subtree_end(d).0.max(i + 1);
    }
    None
}

fn fold_key(s: &str) -> String {
    s.chars()
        .filter(|c| c.is_alphanumeric())
        .flat_map(char::to_lowercase)
        .collect()
}

fn is_heading(doc: &Document<'_>, id: NodeId) -> bool {
    doc.tag_code(id).is_some_and(dom::Tag::is_heading)
}

/// The rank of heading element `id`: 1 for `<h1>` to 6 for `<h6>`.
fn heading_rank(doc: &Document<'_>, id: NodeId) -> Option<u8> {
    use dom::Tag::*;
    Some(match doc.tag_code(id)? {
        H1 => 1,
        H2 => 2,
        H3 => 3,
        H4 => 4,
        H5 => 5,
        H6 => 6,
        _ => return None,
    })
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

/// True when `text` is one web address and nothing else.
///
/// ```
/// # use marsad_extract::html::is_bare_url;
/// assert!(is_bare_url("https://cdn.example.com/images/5001_THUMB.jpg"));
/// assert!(!is_bare_url("المصدر: https://example.com/a"));
/// assert!(!is_bare_url("https://"));
/// ```
pub fn is_bare_url(text: &str) -> bool {
    let t = text.trim();
    if t.contains(char::is_whitespace) {
        return false;
    }
    let rest = ["https://", "http://", "www."].iter().find_map(|s| {
        t.get(..s.len())
            .filter(|h| h.eq_ignore_ascii_case(s))
            .map(|h| &t[h.len()..])
    });
    rest.is_some_and(|r| r.contains('.') || r.contains('/'))
}

/// Most words of the label a button's shortcode wraps ([`is_shortcode_line`]).
const MAX_SHORTCODE_LABEL_WORDS: usize = 8;

/// Most words of one attribute's value in a shortcode ([`is_shortcode_line`]): a longer value
/// is text the shortcode shows (a "click to tweet" box's sentence).
const MAX_SHORTCODE_VALUE_WORDS: usize = 3;

/// Longest name of a shortcode ([`is_shortcode_line`]).
const MAX_SHORTCODE_NAME: usize = 32;

/// Pieces of the names of shortcodes that make a button (`data/html_shortcode_buttons.tsv`).
static SHORTCODE_BUTTONS: LazyLock<Vec<&'static str>> =
    LazyLock::new(|| crate::data::list(include_str!("../../data/html_shortcode_buttons.tsv")));

/// True when `text` is a CMS shortcode the site left unexpanded, and nothing else: markup, not
/// words. A tag whose attributes are all `name=value` pairs of a few words
/// (`[shareaholic app="share_buttons" id="2087"]`), a button's tag wrapping its short label
/// (`[button link="/review" type="big"]Send us your review[/button]`, the names of
/// `data/html_shortcode_buttons.tsv`), or a closing tag alone (`[/quote]`). None: a bracketed
/// word ("[edit]", "[1]", "[Updated]"), a link in Markdown, code (`[n for n in xs if n == 0]`),
/// a note (`[update: turnout = 61%]`), and a shortcode wrapping text or holding a sentence in an
/// attribute (a quote, a caption, a highlight, a "click to tweet" box): their words are the
/// page's.
///
/// ```
/// # use marsad_extract::html::is_shortcode_line;
/// assert!(is_shortcode_line("[shareaholic app=”share_buttons” id=”20872686″]"));
/// assert!(is_shortcode_line("[button link=\"/submit/\" type=\"big\"] Send us YOUR review[/button]"));
/// assert!(is_shortcode_line("[/quote]"));
/// assert!(!is_shortcode_line("[edit]"));
/// assert!(!is_shortcode_line("[Updated] The minister resigned."));
/// assert!(!is_shortcode_line("[n for n in range(10) if n % 2 == 0]"));
/// assert!(!is_shortcode_line("[x = 3]"));
/// assert!(!is_shortcode_line("[quote author=\"علي\"]انتهى الاجتماع دون اتفاق[/quote]"));
/// assert!(!is_shortcode_line("[bctt tweet=\"The war has cost the economy 40 billion dollars\"]"));
/// ```
pub fn is_shortcode_line(text: &str) -> bool {
    let t = text.trim();
    if t.len() > MAX_PHRASE_BLOCK || !t.ends_with(']') {
        return false;
    }
    let Some(inner) = t.strip_prefix('[') else {
        return false;
    };
    let (closing, inner) = match inner.strip_prefix('/') {
        Some(rest) => (true, rest),
        None => (false, inner),
    };
    let name_len = shortcode_name_len(inner);
    if name_len == 0 || name_len > MAX_SHORTCODE_NAME {
        return false;
    }
    let name = &inner[..name_len];
    let Some(end) = inner.find(']') else {
        return false;
    };
    let attrs = &inner[name_len..end];
    let after = inner[end + 1..].trim();
    if closing {
        return attrs.is_empty() && after.is_empty();
    }
    // Named attributes, set apart from the name by a space (`[quote=Ali]` is a forum's quote).
    if !attrs.starts_with(char::is_whitespace) || !shortcode_attributes(attrs) {
        return false;
    }
    if after.is_empty() {
        return true;
    }
    SHORTCODE_BUTTONS.iter().any(|b| name.contains(b))
        && after
            .strip_suffix(']')
            .and_then(|a| a.strip_suffix(name))
            .and_then(|a| a.strip_suffix("[/"))
            .is_some_and(|label| {
                !label.contains(['[', ']'])
                    && label.split_whitespace().count() <= MAX_SHORTCODE_LABEL_WORDS
            })
}

/// Bytes of the shortcode name `s` opens with: a lower-case ASCII letter, then letters, digits,
/// `_` and `-` (0 when it opens with none).
fn shortcode_name_len(s: &str) -> usize {
    if !s.starts_with(|c: char| c.is_ascii_lowercase()) {
        return 0;
    }
    s.bytes()
        .take_while(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || *b == b'_' || *b == b'-')
        .count()
}

/// True when `attrs` is one `name=value` pair or more and nothing else, each value quoted
/// (straight or curly quotes, a prime) or a bare word, and of [`MAX_SHORTCODE_VALUE_WORDS`]
/// words at most.
fn shortcode_attributes(attrs: &str) -> bool {
    const QUOTES: [char; 7] = ['"', '\'', '”', '“', '″', '‘', '’'];
    let mut rest = attrs.trim_start();
    let mut pairs = 0;
    while !rest.is_empty() {
        let n = shortcode_name_len(rest);
        if n == 0 {
            return false;
        }
        // (`name=value` as a shortcode writes it: no spaces around `=`, as a sum's has.)
        let Some(v) = rest[n..].strip_prefix('=') else {
            return false;
        };
        let (value, after) = match v.strip_prefix(QUOTES) {
            Some(q) => match q.find(QUOTES) {
                Some(e) => (&q[..e], &q[e..]),
                None => return false,
            },
            None => {
                let e = v.find(char::is_whitespace).unwrap_or(v.len());
                (&v[..e], &v[e..])
            }
        };
        if value.split_whitespace().count() > MAX_SHORTCODE_VALUE_WORDS {
            return false;
        }
        // (Past the closing quote.)
        rest = after.trim_start_matches(QUOTES).trim_start();
        pairs += 1;
    }
    pairs > 0
}

/// Fewest words for [`is_word_loop`] to call a block a loop of one or two words.
pub const WORD_LOOP_MIN_WORDS: usize = 20;

/// True when `text` is one or two words said over and over ([`WORD_LOOP_MIN_WORDS`] or more
/// words): a marquee's loop ("Book Now * Book Now * ..."), a script's measuring string ("word
/// word word ..."), not prose. Letter case and punctuation around a word are ignored.
///
/// ```
/// use marsad_extract::html::is_word_loop;
/// assert!(is_word_loop(&"احجز الآن * ".repeat(12)));
/// assert!(is_word_loop(&"word ".repeat(40)));
/// assert!(!is_word_loop("دعا لافروف إلى وقف النار في إدلب وقال إن الحل سياسي"));
/// assert!(!is_word_loop(&"n Mean (SD) ".repeat(8))); // three words: a table's header row
/// ```
pub fn is_word_loop(text: &str) -> bool {
    let mut seen: [&str; 2] = ["", ""];
    let mut distinct = 0;
    let mut words = 0;
    for w in text.split_whitespace() {
        let w = w.trim_matches(|c: char| !c.is_alphanumeric());
        if w.is_empty() {
            continue;
        }
        words += 1;
        if seen[..distinct].iter().any(|s| s.eq_ignore_ascii_case(w)) {
            continue;
        }
        if distinct == seen.len() {
            return false;
        }
        seen[distinct] = w;
        distinct += 1;
    }
    words >= WORD_LOOP_MIN_WORDS
}

fn cut_text(s: &str) -> String {
    // (No more bytes than the limit: no more characters either.)
    if s.len() <= MAX_CHROME_TEXT {
        return s.to_string();
    }
    match s.char_indices().nth(MAX_CHROME_TEXT) {
        Some((i, _)) => format!("{}…", &s[..i]),
        None => s.to_string(),
    }
}

/// The links of block `p` (its own `<a href>`s with text, not those of blocks inside it).
fn block_links(doc: &Document<'_>, b: &blocks::Blocks, p: &blocks::Piece) -> Vec<Link> {
    block_anchors(doc, b, p)
        .filter_map(|a| {
            let url = doc.attr(a, "href").map(|h| h.trim().to_string())?;
            let mut title = String::new();
            doc.append_text(a, &mut title);
            (!url.is_empty() && !title.is_empty()).then(|| Link {
                title: Text::new(title, doc.span(a)),
                url: Some(url),
                span: doc.span(a),
            })
        })
        .collect()
}

/// The `<a>` elements of block `p` (its own, not those of blocks inside it).
fn block_anchors<'d>(
    doc: &'d Document<'_>,
    b: &'d blocks::Blocks,
    p: &'d blocks::Piece,
) -> impl Iterator<Item = NodeId> + 'd {
    doc.descendants(p.node).filter(move |&d| {
        doc.tag_is(d, dom::Tag::A) && b.block_of.get(d.index()) == Some(&p.node.0)
    })
}

/// True when element `id`'s `rel` holds one of `words` ("tag", "next"), in any case.
fn has_rel(doc: &Document<'_>, id: NodeId, words: &[&str]) -> bool {
    doc.attr_raw(id, "rel").is_some_and(|r| {
        r.split_ascii_whitespace()
            .any(|w| words.iter().any(|x| w.eq_ignore_ascii_case(x)))
    })
}

/// Fewest words of a headline linked alone in a paragraph ([`lone_link_teaser`]).
pub const MIN_TEASER_WORDS: usize = 4;

/// Words opening a call to action or a pager link (`data/html_cta_verbs.tsv`).
static CTA_VERBS: LazyLock<Vec<&'static str>> =
    LazyLock::new(|| crate::data::list(include_str!("../../data/html_cta_verbs.tsv")));

/// True when a lower-case word opens a call to action or a pager link
/// (`data/html_cta_verbs.tsv`: "read", "sign", "شاهد").
pub(crate) fn is_cta_verb(word: &str) -> bool {
    CTA_VERBS.contains(&word)
}

/// Most nodes under a block [`reads_on`] and [`links_out`] look through for its links (a
/// teaser or a list item is small; a block that is a wrapper's own text may hold the page).
const MAX_TEASER_NODES: usize = 512;

/// True when block `p`'s element holds at most [`MAX_TEASER_NODES`] nodes.
fn small_block(doc: &Document<'_>, p: &blocks::Piece) -> bool {
    (doc.subtree_end(p.node).0.saturating_sub(p.node.0) as usize) <= MAX_TEASER_NODES
}

/// Fewest words of each link [`links_out`] reads as a named thing ("Share on Reddit",
/// "auf Twitter folgen" are buttons).
const MIN_OUT_LINK_WORDS: usize = 4;

/// Labels of a host name that name no site: "www", top-level and second-level domains.
const GENERIC_HOST_LABELS: [&str; 16] = [
    "www", "com", "co", "org", "net", "gov", "edu", "ac", "m", "blog", "blogs", "news", "the",
    "my", "online", "shop",
];

/// Social networks, app stores and feed readers (`data/html_social_hosts.tsv`).
static SOCIAL_HOSTS: LazyLock<Vec<&'static str>> =
    LazyLock::new(|| crate::data::list(include_str!("../../data/html_social_hosts.tsv")));

/// True when lower-case host `h` is a social network's, an app store's or a feed reader's
/// ([`SOCIAL_HOSTS`]: "www.facebook.com", "apps.apple.com").
fn is_social_host(h: &str) -> bool {
    SOCIAL_HOSTS.iter().any(|s| {
        h.strip_suffix(s)
            .is_some_and(|head| head.is_empty() || head.ends_with('.'))
    })
}

/// True when lower-case hosts `a` and `b` name the same site or one network of sites: they
/// share a name (a label or a hyphenated part of one) other than their top-level domain and
/// [`GENERIC_HOST_LABELS`] ("www.bbc.com" and "www.bbc.co.uk", "example.com" and
/// "example-sport.com").
fn same_site(a: &str, b: &str) -> bool {
    let names = |h: &str| -> Vec<String> {
        let mut l: Vec<&str> = h.split('.').collect();
        l.pop();
        l.iter()
            .flat_map(|x| x.split('-'))
            .filter(|x| !x.is_empty() && !GENERIC_HOST_LABELS.contains(x))
            .map(str::to_string)
            .collect()
    };
    let nb = names(b);
    names(a).iter().any(|x| nb.contains(x))
}

/// True when every link of block `p` goes to another site than `host` (the page's), not a
/// social network's or an app store's, and says what it links to in [`MIN_OUT_LINK_WORDS`]
/// words or more, and the links are most of its text. (A link carrying the page's own address
/// after its `?` or `#` is a share button.)
fn links_out(
    doc: &Document<'_>,
    b: &blocks::Blocks,
    p: &blocks::Piece,
    host: Option<&str>,
) -> bool {
    let Some(host) = host else {
        return false;
    };
    if p.link_chars * 10 < p.chars * 9 || !small_block(doc, p) {
        return false;
    }
    let host = host.to_ascii_lowercase();
    let own = host
        .strip_prefix("www.")
        .or_else(|| host.strip_prefix("m."))
        .unwrap_or(&host);
    // A share button carries the page's address after its `?` or `#` ("…/submit?url=https%3A
    // %2F%2Fwww.example.com%2F…"): the host after "//" (or its escape) or a subdomain's dot.
    let shares = |u: &str| {
        u.find(['?', '#']).is_some_and(|at| {
            let q = &u[at..];
            [
                format!("//{own}"),
                format!("%2f%2f{own}"),
                format!(".{own}"),
            ]
            .iter()
            .any(|p| q.contains(p.as_str()))
        })
    };
    let links = block_links(doc, b, p);
    !links.is_empty()
        && links.iter().all(|l| {
            let Some(u) = l.url.as_deref().map(str::to_ascii_lowercase) else {
                return false;
            };
            let abs = if u.starts_with("//") {
                format!("https:{u}")
            } else {
                u
            };
            l.title.text.split_whitespace().count() >= MIN_OUT_LINK_WORDS
                && (abs.starts_with("http://") || abs.starts_with("https://"))
                && !shares(&abs)
                && meta::host_of(&abs).is_some_and(|h| !same_site(h, &host) && !is_social_host(h))
        })
}

/// Longest block (bytes) read as a teaser's summary by [`reads_on`].
const MAX_TEASER_SUMMARY: usize = 600;

/// True when block `p` is one link, marked `rel=next` or `rel=prev` (a blog's "Next post →"
/// under the story).
fn pager_link(doc: &Document<'_>, b: &blocks::Blocks, p: &blocks::Piece) -> bool {
    if !small_block(doc, p) {
        return false;
    }
    let mut links = block_anchors(doc, b, p);
    let (Some(a), None) = (links.next(), links.next()) else {
        return false;
    };
    has_rel(doc, a, &["next", "prev", "previous"])
}

/// Words of a link closing a teaser's summary that are ordinary words elsewhere
/// (`data/html_teaser_closers.tsv`: "mehr").
static TEASER_CLOSERS: LazyLock<Vec<&'static str>> =
    LazyLock::new(|| crate::data::list(include_str!("../../data/html_teaser_closers.tsv")));

/// True when `text` is a word of [`TEASER_CLOSERS`], arrows and dots around it aside
/// ("mehr »").
fn is_teaser_closer(text: &str) -> bool {
    let t = text.trim_matches(|c: char| !c.is_alphanumeric());
    TEASER_CLOSERS.iter().any(|w| t.eq_ignore_ascii_case(w))
}

/// Blocks before a teaser's summary looked at by [`reads_on`] for its headline.
const TEASER_HEAD_REACH: usize = 3;

/// True when block `i` is a teaser's summary: text closed by a link that says "read more"
/// (`Weiterlesen`, "Read more", "اقرأ المزيد") to the page a headline link of one of the
/// [`TEASER_HEAD_REACH`] blocks above it opens ("<h3><a href=/x>Headline</a></h3> Summary …
/// <a href=/x>Weiterlesen</a>"). A paragraph closed by a "Read more" link to its source has
/// no such headline: it is the story's. Gives the headline's block: the nearest such link
/// block above.
fn reads_on(doc: &Document<'_>, b: &blocks::Blocks, i: usize, page: Option<&str>) -> Option<usize> {
    let p = b.pieces.get(i)?;
    if p.link_chars == 0 || !small_block(doc, p) {
        return None;
    }
    let links = block_links(doc, b, p);
    let last = links.last()?;
    // Links compared as absolute addresses without their fragment; one that unfolds this page
    // (`#more`, a script, the page's own address) leads nowhere else.
    let absolute = |u: &str| {
        let u = page.map_or_else(|| u.to_string(), |base| resolve_url(base, u));
        u.split('#').next().unwrap_or("").to_string()
    };
    let url = last.url.as_deref().map(absolute)?;
    let lower = url.to_ascii_lowercase();
    if url.is_empty()
        || lower.starts_with("javascript:")
        || page.is_some_and(|p| absolute(p) == url)
    {
        return None;
    }
    let title = last.title.text.trim();
    let text = p.text.trim_end();
    let closes = text.len() > title.len()
        && text.ends_with(title)
        && (phrases::match_line(title)
            .is_some_and(|m| m.mark == Mark::Related && m.rest >= title.len())
            || is_teaser_closer(title));
    if !closes {
        return None;
    }
    (i.saturating_sub(TEASER_HEAD_REACH)..i).rev().find(|&h| {
        let q = &b.pieces[h];
        q.link_chars * 10 >= q.chars * 9
            && small_block(doc, q)
            && block_links(doc, b, q)
                .iter()
                .any(|l| l.url.as_deref().map(absolute).as_deref() == Some(url.as_str()))
    })
}

/// Levels above a block looked at for the `<aside>` holding it.
const ASIDE_LEVELS: usize = 4;

/// Most cells of a row looked at by [`row_kept`].
const MAX_ROW_CELLS: usize = 32;

/// True when another cell of `cell`'s table row holds a block kept in the body.
/// (`data_tables` keeps [`is_data_table`]'s answer per table.)
fn row_kept(
    doc: &Document<'_>,
    b: &blocks::Blocks,
    sel: &content::Selection,
    cell: NodeId,
    data_tables: &mut std::collections::HashMap<NodeId, bool>,
) -> bool {
    let Some(tr) = doc.parent(cell).filter(|&r| doc.tag_is(r, dom::Tag::Tr)) else {
        return false;
    };
    let table = doc
        .ancestors(tr)
        .take(2)
        .find(|&t| doc.tag_is(t, dom::Tag::Table));
    if !table.is_some_and(|t| {
        *data_tables
            .entry(t)
            .or_insert_with(|| is_data_table(doc, t))
    }) {
        return false;
    }
    doc.children(tr)
        .take(MAX_ROW_CELLS)
        .filter(|&c| c != cell)
        .any(|c| {
            let blk = b.block_of.get(c.index()).copied().unwrap_or(0);
            b.piece_of
                .get(blk as usize)
                .copied()
                .filter(|&pi| pi != blocks::NONE)
                .and_then(|pi| sel.keep.get(pi as usize))
                .is_some_and(|k| *k == Keep::Body)
        })
}

/// Most rows of a table [`action_cell`] looks through.
const MAX_TABLE_ROWS: usize = 64;

/// True when table cell `cell` (text `text`) is an action, not data: a call to action ("Get
/// a Quote", "Download", `data/html_cta_verbs.tsv`) or an interface line ("View all") whose
/// first two words another row's cell opens with too ("Get a Quote from Allied" down a
/// column; a film named "Get Out" is said once). `actions` keeps, per table, how many cells
/// open with each such pair of words.
fn action_cell(
    doc: &Document<'_>,
    cell: NodeId,
    text: &str,
    actions: &mut std::collections::HashMap<NodeId, std::collections::HashMap<String, usize>>,
) -> bool {
    let Some(key) = action_key(text) else {
        return false;
    };
    let Some(rows) = doc.parent(cell).and_then(|tr| doc.parent(tr)) else {
        return false;
    };
    let counts = actions.entry(rows).or_insert_with(|| {
        let mut counts = std::collections::HashMap::new();
        for r in doc
            .children(rows)
            .filter(|&r| doc.tag_is(r, dom::Tag::Tr))
            .take(MAX_TABLE_ROWS)
        {
            for c in doc.children(r).take(MAX_ROW_CELLS) {
                if doc.span(c).len() <= MAX_PHRASE_BLOCK * 4
                    && let Some(k) = action_key(&doc.text_of(c))
                {
                    *counts.entry(k).or_insert(0) += 1;
                }
            }
        }
        counts
    });
    counts.get(&key).is_some_and(|&n| n >= 2)
}

/// The first two words, lowercased, of a cell's text that opens a call to action or is an
/// interface line ([`action_cell`]).
fn action_key(text: &str) -> Option<String> {
    let text = text.trim();
    (is_cta_verb(&first_word(text)) || interface_line(text)).then(|| {
        text.split_whitespace()
            .take(2)
            .collect::<Vec<_>>()
            .join(" ")
            .to_lowercase()
    })
}

/// Most nodes of a table looked at by [`is_data_table`].
const MAX_TABLE_NODES: usize = 4096;

/// True when `table` holds data, not a page's layout: it has a caption, a `<thead>`, a
/// header cell scoped to its row or column, a row of two header cells or more, or two rows
/// or more led by a header cell of their own; and none of its cells holds a paragraph, a
/// heading, a list or another table (the cells of a layout table hold the parts of a page:
/// its menu, its story, its footer; a layout table's one `<th>` spans it, naming the site).
/// A table too big to look through is not taken for data.
fn is_data_table(doc: &Document<'_>, table: NodeId) -> bool {
    let mut head = false;
    let mut row_heads = 0;
    let mut seen = 0;
    for id in doc.descendants(table) {
        seen += 1;
        if seen > MAX_TABLE_NODES {
            return false;
        }
        match doc.tag_code(id) {
            Some(dom::Tag::Caption | dom::Tag::Thead) => head = true,
            Some(dom::Tag::Th) if doc.attr_raw(id, "scope").is_some() => head = true,
            Some(dom::Tag::Tr) => {
                let mut cells = doc
                    .children(id)
                    .take(2 * MAX_ROW_CELLS)
                    .filter(|&c| matches!(doc.tag_code(c), Some(dom::Tag::Th | dom::Tag::Td)));
                let first_th = cells.next().is_some_and(|c| doc.tag_is(c, dom::Tag::Th));
                let (mut th, mut td) = (usize::from(first_th), 0);
                for c in cells.take(MAX_ROW_CELLS) {
                    if doc.tag_is(c, dom::Tag::Th) {
                        th += 1;
                    } else {
                        td += 1;
                    }
                }
                // A header row, or a row led by its own header cell.
                head |= th >= 2;
                row_heads += usize::from(first_th && td > 0);
            }
            Some(dom::Tag::Table | dom::Tag::P | dom::Tag::Ul | dom::Tag::Ol) => return false,
            Some(t) if t.is_heading() => return false,
            _ => {}
        }
    }
    head || row_heads >= 2
}

/// True when an `<aside>` holds `id` a few levels up: a box set apart in the story (the
/// Guardian's "rich link" to another story).
fn in_aside(doc: &Document<'_>, id: NodeId) -> bool {
    let mut cur = Some(id);
    for _ in 0..=ASIDE_LEVELS {
        match cur {
            Some(c) if doc.tag_is(c, dom::Tag::Aside) => return true,
            Some(c) => cur = doc.parent(c),
            None => break,
        }
    }
    false
}

/// The link of a `<p>` (or of a block in an `<aside>`) that is one link and nothing else, its
/// text a headline: words of [`MIN_TEASER_WORDS`] or more opening with a letter or a quote and
/// not closed like a sentence, no date, no call to action or pager word
/// (`data/html_cta_verbs.tsv`) and no phrase of the UI or related lists ("Read more", "اقرأ
/// أيضاً: …" are read as such). `<p><a href="/story/2">وزير الخارجية يستقبل المبعوث
/// الأممي</a></p>` set between a story's paragraphs.
fn lone_link_teaser(doc: &Document<'_>, b: &blocks::Blocks, p: &blocks::Piece) -> Option<Link> {
    let text = p.text.trim();
    let first_word = text
        .split(|c: char| !c.is_alphanumeric())
        .next()
        .unwrap_or("")
        .to_lowercase();
    if !(doc.tag_is(p.node, dom::Tag::P) || in_aside(doc, p.node))
        || p.link_chars * 10 < p.chars * 9
        || text.split_whitespace().count() < MIN_TEASER_WORDS
        || text.len() > MAX_PHRASE_BLOCK
        || !text.starts_with(|c: char| c.is_alphabetic() || "'‘\"“«".contains(c))
        // (A headline ends without a full stop; a sentence or a pager's dash is no teaser.)
        || text.ends_with(['.', '-', ':', ',', '،', '–'])
        || is_cta_verb(&first_word)
        || meta::line_date(text, false).is_some()
        || phrases::match_line(&p.text).is_some()
        || HTML_PHRASES.match_line(&p.text).is_some()
    {
        return None;
    }
    let mut links = block_links(doc, b, p);
    if links.len() != 1 {
        return None;
    }
    let mut link = links.pop()?;
    link.title = Text::new(p.text.trim(), p.span);
    link.span = p.span;
    Some(link)
}

/// Letters and digits in `t` (what two renderings of the same words share, whatever their
/// spaces and separators).
pub(crate) fn letters(t: &str) -> usize {
    t.chars().filter(|c| c.is_alphanumeric()).count()
}

/// The links of a block that opens on a "related" label of its own and holds nothing else
/// but separators: `<div class=related><span>أخبار ذات صلة</span><a>…</a><a>…</a></div>`,
/// a label a whole-line phrase would miss run on into the links' words.
fn labelled_teasers(
    doc: &Document<'_>,
    b: &blocks::Blocks,
    p: &blocks::Piece,
) -> Option<Vec<Link>> {
    if p.link_chars == 0 || p.link_chars >= p.chars || p.text.len() > MAX_PHRASE_BLOCK {
        return None;
    }
    let first = doc
        .descendants(p.node)
        .find(|&d| doc.tag_is(d, dom::Tag::A))?;
    let mut label = String::new();
    for n in (p.node.0 + 1..first.0).map(NodeId) {
        if doc.is_text(n) && b.block_of.get(n.index()) == Some(&p.node.0) {
            label.push_str(&doc.text(n));
            label.push(' ');
        }
    }
    let label = label.trim();
    let pm = phrases::match_line(label).or_else(|| HTML_PHRASES.match_line(label))?;
    if pm.mark != Mark::Related || !label.get(pm.rest..)?.trim().is_empty() {
        return None;
    }
    let mut links = block_links(doc, b, p);
    let linked: usize = links.iter().map(|l| letters(&l.title.text)).sum();
    if linked + letters(label) != letters(&p.text) {
        return None;
    }
    // A tool's link by the label ("See also [edit]" on a wiki) is no teaser.
    links.retain(|l| !interface_line(&l.title.text));
    (!links.is_empty()).then_some(links)
}

/// True when block `id` sits right under `run` (the parent of a "read more" label's
/// block): a child of it, or an item of a list that is.
fn under_run(doc: &Document<'_>, run: NodeId, id: NodeId) -> bool {
    let Some(parent) = doc.parent(id) else {
        return false;
    };
    parent == run || (doc.tag_is(id, dom::Tag::Li) && doc.parent(parent) == Some(run))
}

/// The first link of block `p`: of its element, or, for one of the paragraphs a blank line
/// parts an element into, of that paragraph only.
fn piece_href(doc: &Document<'_>, p: &blocks::Piece) -> Option<String> {
    if !p.part {
        return first_href(doc, p.node);
    }
    doc.descendants(p.node)
        .filter(|&d| doc.tag_is(d, dom::Tag::A))
        .skip_while(|&a| doc.span(a).end <= p.span.start)
        .take_while(|&a| doc.span(a).start < p.span.end)
        .find_map(|a| doc.attr(a, "href"))
        .map(|h| h.trim().to_string())
        .filter(|h| !h.is_empty())
}

fn first_href(doc: &Document<'_>, id: NodeId) -> Option<String> {
    doc.descendants(id)
        .find(|&d| doc.tag_is(d, dom::Tag::A))
        .and_then(|a| doc.attr(a, "href"))
        .map(|h| h.trim().to_string())
        .filter(|h| !h.is_empty())
}

/// Longest block read as a stamp standing alone (bytes).
const MAX_STAMP_BLOCK: usize = 64;
/// Longest `<time>` element, tags included, read as a stamp (bytes).
const MAX_STAMP_ELEMENT: usize = 256;
/// Most elements inside a block searched for its `<time>`.
const MAX_STAMP_NODES: usize = 16;

/// True when the whole text of block `p` is a `<time>` element's: "12:40", "14 مارس 2025".
fn is_time_element(doc: &Document<'_>, p: &blocks::Piece) -> bool {
    time_element(doc, p).is_some()
}

/// The `<time>` element whose text is the whole text of block `p`.
fn time_element(doc: &Document<'_>, p: &blocks::Piece) -> Option<NodeId> {
    if !p.text.chars().any(char::is_numeric) {
        return None;
    }
    std::iter::once(p.node)
        .chain(doc.descendants(p.node))
        .take(MAX_STAMP_NODES)
        .find(|&d| {
            let s = doc.span(d);
            doc.tag_is(d, dom::Tag::Time)
                && s.len() <= MAX_STAMP_ELEMENT
                && s.start <= p.span.start
                && p.span.end <= s.end
        })
}

/// True when block `p` is a `<time>` element dated (by its `datetime`) the day of one of the
/// page's own stamps: the page's date shown to its readers, not a teaser's.
fn shows_page_day(doc: &Document<'_>, p: &blocks::Piece, days: &[&str]) -> bool {
    time_element(doc, p)
        .and_then(|t| doc.attr(t, "datetime"))
        .and_then(|v| meta::date::stamp_of(&v, marsad_model::Span::default(), false))
        .is_some_and(|st| st.day().is_some_and(|d| days.contains(&d)))
}

/// Fewest characters of running text in a table cell laid out as a page's column.
const LAYOUT_CELL_CHARS: usize = 400;
/// Fewest commas and sentence ends in it.
const LAYOUT_CELL_PUNCT: usize = 4;
/// Most ancestors looked at for a block's table cell (a layout cell holds its text in the
/// cell itself or a few inline and paragraph levels down).
const MAX_CELL_DEPTH: usize = 6;

/// The table cells (node indices) of a page laid out in a table: cells holding running text
/// ([`LAYOUT_CELL_CHARS`] characters, [`LAYOUT_CELL_PUNCT`] punctuation marks) in blocks of
/// their own, as an old site's article beside its menu cell, rather than a data table's values;
/// and the cell of a table that has one.
fn layout_cells(doc: &Document<'_>, b: &blocks::Blocks) -> HashSet<u32> {
    let mut text: HashMap<u32, (usize, usize)> = HashMap::new();
    for p in b.pieces.iter().filter(|p| !p.hidden) {
        let mut cur = Some(p.node);
        for _ in 0..MAX_CELL_DEPTH {
            let Some(c) = cur else { break };
            match doc.tag_code(c) {
                Some(dom::Tag::Td | dom::Tag::Th) => {
                    let e = text.entry(c.0).or_default();
                    e.0 += p.chars;
                    e.1 += p.punct;
                    break;
                }
                Some(dom::Tag::Table) => break,
                _ => cur = doc.parent(c),
            }
        }
    }
    // A table of one cell holds no data: whatever it holds is laid out in it.
    let only_cell = |c: u32| {
        let mut cur = doc.parent(NodeId(c));
        for _ in 0..MAX_CELL_DEPTH {
            let Some(t) = cur else { return false };
            if doc.tag_is(t, dom::Tag::Table) {
                return doc
                    .descendants(t)
                    .filter(|&d| matches!(doc.tag_code(d), Some(dom::Tag::Td | dom::Tag::Th)))
                    .take(2)
                    .count()
                    == 1;
            }
            cur = doc.parent(t);
        }
        false
    };
    text.into_iter()
        .filter(|&(c, (chars, punct))| {
            (chars >= LAYOUT_CELL_CHARS && punct >= LAYOUT_CELL_PUNCT) || only_cell(c)
        })
        .map(|(c, _)| c)
        .collect()
}

/// Kind, heading level and grouping node (list or table row) of a block element.
fn block_kind(
    doc: &Document<'_>,
    id: NodeId,
    layout: &HashSet<u32>,
) -> (BlockKind, Option<u8>, u32) {
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
            // A cell holding running text is a page's layout, not a table's data.
            Some("td" | "th") if layout.contains(&c.0) => break,
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
/// Drops the short blocks of a repeated copy of the text (a page that renders its article
/// once per screen size, one copy shown by its style sheet): a short block (a heading, a list
/// item) whose text was kept before is a duplicate when the next running text after it was
/// dropped as a duplicate (the copy's paragraphs). A short line repeated inside the text
/// (a "Pros" heading over each product) is followed by new text and stays; so do code lines
/// and table cells, which repeat by nature.
/// Words of an author's bio a block must open with to be that bio.
pub const BIO_KEY_WORDS: usize = 8;

/// The first [`BIO_KEY_WORDS`] words of `text` (markup left out, lower case), when it has as
/// many. (A JSON-LD description may hold markup: "<p>Jane Doe is …</p>".)
fn bio_key(text: &str) -> Option<Vec<String>> {
    let words: Vec<String> = text
        .split('<')
        .enumerate()
        // Each piece after a "<" opens with the rest of a tag.
        .map(|(k, piece)| match piece.split_once('>') {
            Some((_, after)) if k > 0 => after,
            _ => piece,
        })
        .flat_map(|piece| piece.split(|c: char| !c.is_alphanumeric()))
        .filter(|w| !w.is_empty())
        .take(BIO_KEY_WORDS)
        .map(str::to_lowercase)
        .collect();
    (words.len() == BIO_KEY_WORDS).then_some(words)
}

/// True when `text` opens with the words of one of the authors' bios ([`bio_key`]).
fn opens_bio(text: &str, keys: &[Vec<String>]) -> bool {
    bio_key(text).is_some_and(|k| keys.contains(&k))
}

fn drop_repeated_runs(body: &mut Vec<(Block, u32)>, chrome: &mut Vec<Dropped>) {
    let mut dup_starts: Vec<usize> = chrome
        .iter()
        .filter(|d| d.reason == Reason::Duplicate)
        .map(|d| d.span.start)
        .collect();
    if dup_starts.is_empty() {
        return;
    }
    dup_starts.sort_unstable();
    let long_starts: Vec<usize> = body
        .iter()
        .filter(|(b, _)| b.text.chars().count() >= MIN_DUPLICATE_CHARS)
        .map(|(b, _)| b.span.start)
        .collect();
    let mut seen: std::collections::HashSet<&str> = std::collections::HashSet::new();
    let mut drop = vec![false; body.len()];
    for (j, (b, _)) in body.iter().enumerate() {
        if b.text.chars().count() >= MIN_DUPLICATE_CHARS
            || b.text.trim().is_empty()
            || matches!(b.kind, BlockKind::Pre | BlockKind::Table)
        {
            continue;
        }
        if !seen.insert(b.text.as_str()) {
            let end = b.span.end;
            let next_dup = dup_starts.get(dup_starts.partition_point(|&s| s < end));
            let next_long = long_starts.get(long_starts.partition_point(|&s| s < end));
            drop[j] = match (next_dup, next_long) {
                (Some(d), Some(l)) => d < l,
                (Some(_), None) => true,
                _ => false,
            };
        }
    }
    if !drop.contains(&true) {
        return;
    }
    let mut j = 0;
    body.retain(|(b, _)| {
        let gone = drop.get(j).copied().unwrap_or(false);
        j += 1;
        if gone {
            insert_dropped(chrome, b, Reason::Duplicate);
        }
        !gone
    });
}

/// The writer's contact line among the last paragraphs of the body ("Amy Kuperinsky may be
/// reached at …. Follow her on Twitter @AmyKup.") goes to chrome: how to reach the writer is not
/// the story.
fn drop_contact_tail(body: &mut Vec<(Block, u32)>, chrome: &mut Vec<Dropped>) {
    let from = body
        .len()
        .saturating_sub(crate::contact::CONTACT_TAIL_BLOCKS);
    let mut j = 0;
    body.retain(|(b, _)| {
        let gone =
            j >= from && b.kind == BlockKind::Paragraph && crate::contact::is_contact_line(&b.text);
        j += 1;
        if gone {
            insert_dropped(chrome, b, Reason::Boilerplate);
        }
        !gone
    });
}

/// Most words of a line read by [`drop_after_section_end`] as a heading that closes the
/// article ("Comments (3)", "27 commentaires").
const MAX_SECTION_END_WORDS: usize = 6;

/// A heading or a line of its own that counts the comments under the article ("12 Comments",
/// "Comments (35)", "27 commentaires", "12 Kommentare") inside the chosen container ends
/// the body there, as in flattened text ([`crate::text`]): it and every block after it go to
/// chrome as comments. The line must come after [`crate::text::MIN_TOKENS_BEFORE_END`] words of
/// paragraphs and before the smaller part of them (a count over a discussion the page is about
/// comes first). Only a counted line: a bare "Reacties" or "Join the conversation" may head a
/// section of the story, and the bare closing headings of the shared phrase list ("Leave a
/// Reply", "Most popular") are dropped before the body is made. Called on a declared article
/// only: not on a discussion thread, whose replies are its content, nor on a listing.
fn drop_after_section_end(body: &mut Vec<(Block, u32)>, chrome: &mut Vec<Dropped>) {
    let prose = |b: &Block| {
        if b.kind == BlockKind::Paragraph {
            b.text.split_whitespace().count()
        } else {
            0
        }
    };
    let total: usize = body.iter().map(|(b, _)| prose(b)).sum();
    let min = crate::text::MIN_TOKENS_BEFORE_END as usize;
    if total < min {
        return;
    }
    let mut before = 0usize;
    let mut cut: Option<usize> = None;
    for (j, (b, _)) in body.iter().enumerate() {
        if before >= min
            && total - before <= before
            && matches!(b.kind, BlockKind::Heading | BlockKind::Paragraph)
            && counts_comments(&b.text)
        {
            cut = Some(j);
            break;
        }
        before += prose(b);
    }
    let Some(at) = cut else {
        return;
    };
    for (b, _) in body.drain(at..) {
        insert_dropped(chrome, &b, Reason::Comments);
    }
}

/// Highest number read as a count of comments by [`counts_comments`] (a year is none).
const MAX_COMMENT_COUNT: u64 = 1_899;

/// True when `text` is a line counting the comments below it: a count, then a comments
/// heading ("12 Comments", "27 commentaires", "1,204 Kommentare"), or a comments heading, then
/// its count in brackets ("Comments (3)"); or a comment thread's heading ("34 responses to
/// “…”"). A numbered section ("3. Comments"), a numbered comment ("Comment 1") or a year
/// ("Kommentare (2024)") is none.
fn counts_comments(text: &str) -> bool {
    let t = text.trim();
    if t.len() > 4 * MAX_DISCUSSION_HEADING || !t.chars().any(|c| c.is_ascii_digit()) {
        return false;
    }
    if t.split_whitespace().count() <= crate::text::MAX_COMMENT_HEAD_WORDS as usize
        && crate::text::is_comment_head(t)
    {
        return true;
    }
    let count = |n: &str| {
        let d: String = n.chars().filter(|c| *c != ',' && *c != '.').collect();
        !d.is_empty()
            && d.chars().all(|c| c.is_ascii_digit())
            && d.parse::<u64>().is_ok_and(|v| v <= MAX_COMMENT_COUNT)
    };
    // (The words besides the count: a heading of the list, "Comments", or "Comment" with
    // its count.)
    let heading = |h: &str| {
        let h = h.trim();
        !h.is_empty()
            && !h.chars().any(|c| c.is_ascii_digit())
            && h.split_whitespace().count() < MAX_SECTION_END_WORDS
            && crate::text::is_section_end(t)
            && phrases::match_line(h).is_none_or(|m| m.mark != Mark::Related)
    };
    // "12 Comments": a count standing alone before the heading (not "3. Comments").
    if let Some((n, rest)) = t.split_once(char::is_whitespace)
        && n.chars().last().is_some_and(|c| c.is_ascii_digit())
        && count(n)
        && heading(rest)
    {
        return true;
    }
    // "Comments (3)".
    if let Some(head) = t.strip_suffix(')')
        && let Some((h, n)) = head.rsplit_once('(')
        && count(n.trim())
        && heading(h)
    {
        return true;
    }
    false
}

/// Most characters outside the links of a line of tags ("Tags:", "Category:"), besides two
/// per link for the separators between them.
const MAX_TAG_LABEL: usize = 24;

/// Most links of a block looked at by [`tag_line`].
const MAX_TAG_LINKS: usize = 64;

/// Most nodes of a block looked at by [`tag_line`].
const MAX_TAG_NODES: usize = 512;

/// True when a block is the post's tags or categories: its links are all `rel="tag"` or
/// `rel="category tag"` (the page's tags, read as metadata) and the rest is a short label
/// and the separators between them ("Tags: <a>Bilt</a>, <a>Cent</a>", "التصنيف: <a>رياضة</a>").
fn tag_line(doc: &Document<'_>, p: &blocks::Piece) -> bool {
    let unlinked = p.chars - p.link_chars.min(p.chars);
    if p.link_chars == 0 || unlinked > MAX_TAG_LABEL + 2 * MAX_TAG_LINKS {
        return false;
    }
    let mut links = 0usize;
    for d in doc.descendants(p.node).take(MAX_TAG_NODES + 1).enumerate() {
        let (n, d) = d;
        if n == MAX_TAG_NODES {
            return false;
        }
        if !doc.tag_is(d, dom::Tag::A) {
            continue;
        }
        links += 1;
        let tag = has_rel(doc, d, &["tag", "category"]);
        if !tag || links > MAX_TAG_LINKS {
            return false;
        }
    }
    links > 0 && unlinked <= MAX_TAG_LABEL + 2 * links
}

/// Longest heading read by [`discussion_after`] (characters).
const MAX_DISCUSSION_HEADING: usize = 120;

/// The heading and the wrappers above it looked at by [`discussion_after`].
const DISCUSSION_LEVELS: usize = 4;

/// The piece of the first heading after `container` when it opens the page's discussion:
/// it reads as a comment count or a comments section's heading ("3 Kommentare", "12 تعليقاً
/// على …", "Leave a Reply"), and it, one of its nearest wrappers or the element after one of
/// them is marked as comments (`<h3 id=comments>`, `<section id=comments><header><h3>`,
/// `<ol class=commentlist>` after it). ("Share this" or "Related posts"
/// end an article too, but open no discussion.)
fn discussion_after(doc: &Document<'_>, b: &blocks::Blocks, container: NodeId) -> Option<usize> {
    let end = doc.span(container).end;
    let (i, p) = b
        .pieces
        .iter()
        .enumerate()
        .filter(|(_, p)| !p.hidden && p.span.start >= end)
        .find(|(_, p)| doc.tag_code(p.node).is_some_and(dom::Tag::is_heading))?;
    let soft = |id: Option<NodeId>| {
        id.and_then(|id| b.hint.get(id.index()))
            .is_some_and(|h| *h == hints::Hint::Soft)
    };
    let next = |id: NodeId| {
        std::iter::successors(doc.next_sibling(id), |&n| doc.next_sibling(n))
            .take(8)
            .find(|&n| doc.is_element(n))
    };
    // The heading and the few elements around it: its wrappers (`<section id=comments>
    // <header><h3>`) and the element after it or after its wrapper.
    // (A wrapper marked as something else, a share box around "Share this", ends the walk.)
    let near: Vec<NodeId> = std::iter::successors(Some(p.node), |&n| doc.parent(n))
        .take(DISCUSSION_LEVELS)
        .take_while(|&n| n == p.node || !matches!(b.hint.get(n.index()), Some(hints::Hint::Neg(_))))
        .collect();
    (p.text.len() <= 4 * MAX_DISCUSSION_HEADING
        && p.text.chars().count() <= MAX_DISCUSSION_HEADING
        && (crate::text::is_section_end(&p.text) || crate::text::is_comment_head(&p.text))
        && near.iter().any(|&n| soft(Some(n)) || soft(next(n))))
    .then_some(i)
}

/// Puts the interface controls ([`blocks::Control`]) that start before byte `before` into
/// `chrome`: as interface, or as hidden when under a hidden element. `why` (the `--explain`
/// account, one line per chrome entry) names the control.
fn drop_controls(
    controls: &mut std::iter::Peekable<std::slice::Iter<'_, blocks::Control>>,
    before: usize,
    chrome: &mut Vec<Dropped>,
    why: Option<&mut Vec<String>>,
) {
    let mut why = why;
    while let Some(c) = controls.next_if(|c| c.span.start < before) {
        chrome.push(Dropped {
            text: cut_text(&c.text),
            span: c.span,
            reason: if c.hidden { Reason::Hidden } else { Reason::Ui },
        });
        if let Some(w) = why.as_deref_mut() {
            w.push(" (an interface control's label)".to_string());
        }
    }
}

/// Puts a body block taken out after selection into `chrome`, in document order.
/// An article whose markup holds less than half the text its JSON-LD `articleBody` gives
/// (a page its scripts build, a teaser above a paywall) is read from the `articleBody`.
/// The markup's blocks go to `chrome`: as repeats when the `articleBody` holds them, else as
/// scored too low. Returns the characters the markup had kept, when it was replaced.
fn body_from_ld(article: &mut Article, ld: &[Text]) -> Option<usize> {
    let chars = |t: &str| t.chars().count();
    let ld_chars: usize = ld.iter().map(|t| chars(&t.text)).sum();
    let kept: usize = article.body.iter().map(|b| chars(&b.text)).sum();
    // (Any text is more than none.)
    let enough = ld_chars >= LD_BODY_MIN_CHARS || (kept == 0 && ld_chars > 0);
    if !enough || kept * 2 >= ld_chars {
        return None;
    }
    let whole: String = ld.iter().map(|t| fold_key(&t.text)).collect();
    for b in std::mem::take(&mut article.body) {
        let k = fold_key(&b.text);
        let reason = if !k.is_empty() && whole.contains(&k) {
            Reason::Duplicate
        } else {
            Reason::LowScore
        };
        insert_dropped(&mut article.chrome, &b, reason);
    }
    article.body = ld
        .iter()
        .map(|t| Block {
            kind: BlockKind::Paragraph,
            text: t.text.clone(),
            span: t.span,
            level: None,
        })
        .collect();
    Some(kept)
}

/// Most metadata spans [`made_of`] pieces a block from.
const MAX_MADE_OF_SPANS: usize = 8;

/// True when the text of the block at `span` is all in metadata spans it meets: a header
/// line setting the byline and the date side by side (`<div><span class=writer>جدة - محمد
/// العتيبي</span> <span class=date>…</span></div>`), two or more of them read as metadata,
/// only markup and spaces between them.
fn made_of(input: &str, span: marsad_model::Span, consumed: &[marsad_model::Span]) -> bool {
    let meets = |s: &&marsad_model::Span| s.start < span.end && span.start < s.end;
    // (Counted first: most blocks meet none, and are passed over without an allocation.)
    let n = consumed
        .iter()
        .filter(meets)
        .take(MAX_MADE_OF_SPANS + 1)
        .count();
    if !(2..=MAX_MADE_OF_SPANS).contains(&n) {
        return false;
    }
    let mut inside: Vec<marsad_model::Span> = consumed.iter().filter(meets).copied().collect();
    inside.sort_by_key(|s| s.start);
    // Text outside every metadata span: only tags and spaces, or the words that join a
    // byline and a date ("Posted by", "at").
    let mut at = span.start;
    for s in inside
        .iter()
        .chain(std::iter::once(&marsad_model::Span::new(
            span.end, span.end,
        )))
    {
        if s.start > at
            && let Some(gap) = input.get(at..s.start)
            && !markup_only(gap)
            && !joiners_only(gap)
        {
            return false;
        }
        at = at.max(s.end);
    }
    true
}

/// Words set between a byline and a date (`data/html_byline_joiners.tsv`).
static BYLINE_JOINERS: LazyLock<Vec<&'static str>> =
    LazyLock::new(|| crate::data::list(include_str!("../../data/html_byline_joiners.tsv")));

/// Most bytes of markup between two metadata spans read by [`joiners_only`].
const MAX_JOINER_GAP: usize = 512;

/// True when the text of `raw` (markup between two metadata spans) is at most two joining
/// words ([`BYLINE_JOINERS`]: "Posted by", "at", "am") and punctuation.
fn joiners_only(raw: &str) -> bool {
    if raw.len() > MAX_JOINER_GAP {
        return false;
    }
    let mut text = String::new();
    let mut in_tag = false;
    for c in raw.chars() {
        match c {
            '<' => in_tag = true,
            '>' => {
                in_tag = false;
                text.push(' ');
            }
            _ if !in_tag => text.push(c),
            _ => {}
        }
    }
    let words: Vec<String> = text
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(str::to_lowercase)
        .collect();
    (1..=2).contains(&words.len()) && words.iter().all(|w| BYLINE_JOINERS.contains(&w.as_str()))
}

/// True when `raw` holds nothing but tags, comments and whitespace (or `&nbsp;`).
fn markup_only(raw: &str) -> bool {
    let mut in_tag = false;
    let mut rest = raw;
    while let Some(c) = rest.chars().next() {
        match c {
            '<' => in_tag = true,
            '>' => in_tag = false,
            _ if in_tag || c.is_whitespace() => {}
            '&' if rest.starts_with("&nbsp;") => {
                rest = &rest[5..];
            }
            _ => return false,
        }
        rest = &rest[c.len_utf8()..];
    }
    true
}

fn insert_dropped(chrome: &mut Vec<Dropped>, b: &Block, reason: Reason) {
    let at = chrome.partition_point(|d| d.span.start <= b.span.start);
    chrome.insert(
        at,
        Dropped {
            text: cut_text(&b.text),
            span: b.span,
            reason,
        },
    );
}

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

/// Bytes inside the page's `<script>` elements (inline code and data, not `src` files).
fn script_bytes(doc: &Document<'_>) -> usize {
    doc.find_tag(dom::Tag::Script)
        .map(|s| doc.raw_inner(s).len())
        .sum()
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A paragraph of running text for the tests' pages.
    const COUNCIL: &str = "The city council voted on Tuesday to expand the bus network, adding \
        four new routes that will connect the eastern suburbs with the downtown core.";

    /// The texts of an article's body blocks, in order.
    fn body_texts(a: &Article) -> Vec<&str> {
        a.body.iter().map(|b| b.text.as_str()).collect()
    }

    /// The related links of an article as (title, URL) pairs.
    fn related_pairs(a: &Article) -> Vec<(&str, Option<&str>)> {
        a.related
            .iter()
            .map(|l| (l.title.text.as_str(), l.url.as_deref()))
            .collect()
    }

    /// The article extracted from an HTML page with the default options.
    fn article_of(page: impl AsRef<[u8]>) -> Article {
        extract(page.as_ref(), &Options::default()).unwrap().article
    }

    /// A news page whose markup shows `teaser` and whose JSON-LD (of type `kind`) carries
    /// the whole story: three paragraphs, the second with escapes.
    fn ld_page(kind: &str, teaser: &str) -> String {
        format!(
            "<html><head><title>Bus network grows</title>\
             <script type=\"application/ld+json\">{{\"@type\":\"{kind}\",\
             \"headline\":\"Bus network grows\",\"articleBody\":\"{COUNCIL}\\n\\n\
             The mayor said \\\"the routes\\\" open in May, caf\\u00e9 owners welcome them and \
             expect more customers along the new lines.\\nTransport officials will publish \
             the timetables next month after a public consultation, and the first buses on the \
             eastern routes will run every ten minutes at peak hours from the first week.\"}}</script></head>\
             <body><h1>Bus network grows</h1>{teaser}</body></html>"
        )
    }

    #[test]
    fn a_signed_story_on_an_undeclared_page_is_not_traded_for_link_lists() {
        // WebMD: no declared article, but a byline over a story of eight paragraphs, and
        // columns of topic links beside it holding four times its text.
        let story: String = (1..=8)
            .map(|i| format!("<p>{COUNCIL} Paragraph {i}.</p>"))
            .collect();
        let links: String = (0..100)
            .map(|i| format!("<li><a href=\"/topic/{i}\">Allergy topic number {i} guide</a></li>"))
            .collect();
        let page = |head: &str, byline: &str, foot: &str| {
            format!(
                "<html><head><title>Bus network grows</title>{head}</head><body>\
                 <div class=page><div class=wrap><div class=col-a><h1>Bus network grows</h1>\
                 {byline}<div class=story>{story}</div></div></div><div class=col-b>\
                 <ul>{links}</ul></div><div class=col-c><ul>{links}</ul></div>{foot}</div>\
                 </body></html>"
            )
        };
        let signed = page("", "<p class=byline>By Jane Roe</p>", "");
        // The byline may stand in a band over the columns, with the headline (review).
        let band = signed
            .replace("<div class=wrap><div class=col-a><h1>Bus network grows</h1><p class=byline>By Jane Roe</p>",
                "<div class=head><h1>Bus network grows</h1><p class=byline>By Jane Roe</p></div><div class=wrap><div class=col-a>");
        assert_ne!(band, signed);
        for page in [&signed, &band] {
            let a = article_of(page);
            assert_eq!(a.body.len(), 8, "{:?}", body_texts(&a));
        }
        // Unsigned and undated, the page may be a listing: its link lists are its content. An
        // author named only in the head, or a date in the footer, signs no story.
        for (head, foot) in [
            ("", ""),
            ("<meta name=author content=\"City Weekly\">", ""),
            (
                "",
                "<p>Page published <time datetime=\"2024-05-05\">5 May 2024</time>.</p>",
            ),
        ] {
            let a = article_of(page(head, "", foot));
            assert!(a.body.len() > 8, "{head} {foot}: {:?}", body_texts(&a));
        }
    }

    #[test]
    fn a_gallery_nested_in_the_marked_body_does_not_outweigh_its_paragraphs() {
        // The Independent: an inline gallery of 50 captioned stories, nested deep in the
        // `itemprop=articleBody` element, holds more prose than the story beside it.
        let paragraphs = [
            COUNCIL,
            "Residents of the eastern suburbs have asked for faster buses for years, and the \
             transit authority says the first route will open in the spring.",
            "The plan also adds night services on weekends, when demand has grown most since \
             the new stadium opened near the river.",
        ];
        let legends: String = (1..=12)
            .map(|i| {
                format!(
                    "<li><h2>{i}/12 Story {i}</h2><p>Shares in the company fell by a tenth on \
                     Monday, after it warned that sales would be lower this year than last, \
                     and analysts cut their forecasts for story number {i}.</p></li>"
                )
            })
            .collect();
        let page = format!(
            "<html><head><title>Bus network grows</title>\
             <meta property=\"og:type\" content=\"article\"></head><body>\
             <article itemscope itemtype=\"http://schema.org/NewsArticle\"><h1>Bus network \
             grows</h1><div class=wrap><div class=text-wrapper itemprop=articleBody><p>{}</p>\
             <p>{}</p><div class=widget><div class=rendered><div class=full-gallery>\
             <div class=scroller><ul class=legends>{legends}</ul></div></div></div></div>\
             <p>{}</p></div></div></article></body></html>",
            paragraphs[0], paragraphs[1], paragraphs[2]
        );
        // The headline may open the marked body (review).
        let inside = page.replace(
            "<h1>Bus network grows</h1><div class=wrap><div class=text-wrapper itemprop=articleBody>",
            "<div class=wrap><div class=text-wrapper itemprop=articleBody><h1>Bus network grows</h1>",
        );
        assert_ne!(inside, page);
        for page in [&page, &inside] {
            let a = article_of(page);
            let body = body_texts(&a);
            for p in paragraphs {
                assert!(body.contains(&p), "{p:?} not in {body:?}");
            }
        }
        // A mark around the whole page, its headline included, is no story's body: the bio and
        // the teasers beside the story, nested deep under it, stay out, a logo's h1 in the
        // site's header or none (review).
        let story: String = (0..8).map(|i| format!("<p>{COUNCIL} {i}.</p>")).collect();
        let cards: String = (0..6)
            .map(|i| {
                format!(
                    "<div class=card><div class=card-inner><h3><a href=\"/s/{i}\">Another \
                     story {i}</a></h3><div class=summary><p>A summary of another story, which \
                     tells readers what happened in the city this week.</p></div></div></div>"
                )
            })
            .collect();
        let page = format!(
            "<html><head><title>Bus network grows</title>\
             <meta property=\"og:type\" content=\"article\"></head><body>\
             <div class=site itemprop=articleBody><h1>Bus network grows</h1><div class=main>\
             <div class=story-text>{story}</div></div><div class=below><div class=x1>\
             <div class=x2><div class=bio><div class=bio-inner><p>Jane Roe has covered the \
             city's transport for ten years, and rides the bus to work.</p></div></div>\
             <div class=x3><h2>More from the city</h2><div class=grid>{cards}</div></div>\
             </div></div></div></div></body></html>"
        );
        let logo = page.replace(
            "<body>",
            "<body><header><h1 class=logo><a href=\"/\">City Weekly</a></h1></header>",
        );
        let no_h1 = page.replace("<h1>Bus network grows</h1>", "<h2>Bus network grows</h2>");
        for page in [&page, &logo, &no_h1] {
            let a = article_of(page);
            assert_eq!(a.body.len(), 8, "{:?}", body_texts(&a));
        }
    }

    #[test]
    fn a_typo_report_widget_is_interface() {
        for line in [
            "Spotted a mistake? Select the text and press Ctrl+Enter to tell the editors.",
            "Нашли ошибку? Выделите текст и нажмите Ctrl+Enter.",
            "Iezīmējiet tekstu un spiediet Ctrl+Enter, lai nosūtītu labojamo teksta fragmentu redaktoram!",
        ] {
            let page = format!(
                "<article><h1>Heading</h1><p>{COUNCIL}</p><p>{COUNCIL} Again.</p><p>{line}</p></article>"
            );
            assert_chrome(&article_of(&page), &[line], Reason::Ui);
        }
    }

    #[test]
    fn a_list_in_a_table_is_read_with_its_heads_and_its_intro() {
        let rows: String = (1..=12)
            .map(|i| {
                format!(
                    "<tr><td>Film {i}</td><td>{}</td><td>A group of friends relive the same day \
                     over and over, and each time they try something new to escape it.</td></tr>",
                    1980 + i
                )
            })
            .collect();
        let page = format!(
            "<html><head><meta property=og:type content=article><title>Films with time loops</title>\
             </head><body><h1>Films with time loops</h1><div class=mw-parser-output>\
             <p>This list gathers films in which characters live the same period of time again \
             and again, until a condition breaks the loop.</p><table class=wikitable>\
             <caption>Films with time loops</caption><thead><tr><th>Film</th><th>Year</th>\
             <th>Description</th></tr></thead><tbody>{rows}</tbody></table></div></body></html>"
        );
        let a = article_of(&page);
        let texts = body_texts(&a);
        assert!(texts[0].starts_with("This list gathers films"), "{texts:?}");
        assert!(
            texts.iter().any(|t| t.contains("Film\tYear\tDescription")),
            "{texts:?}"
        );
    }

    #[test]
    fn a_story_split_by_a_full_width_picture_is_read_whole() {
        // Two sections of one class in separate wrappers, a picture between them: the second,
        // longer one is chosen; the first joins it.
        let section = |paras: &[&str]| {
            let ps: String = paras.iter().map(|p| format!("<p>{p}</p>")).collect();
            format!(
                "<div class=post><div class=wrap><section class=outer><div class=col>\
                 <div class=\"post__content wysiwyg\">{ps}</div></div></section></div></div>"
            )
        };
        let first = [
            "A little over half a century ago, chaos started spilling out of a famous experiment, from the vacuum tubes of a desk-sized computer.",
            "The story of chaos is usually told like this: using the machine, a meteorologist made discoveries that wrecked the old paradigm.",
            "About a decade later, the theory started to catch on in scientific circles, as other unpredictable natural systems turned up.",
            "All told, it is a neat narrative, quite literally a textbook case of how numbers changed a science.",
        ];
        let second = [
            "In the summer of 1961, she moved on to another project, but not before training her replacement, who arrived two years later.",
            "Once the new programmer arrived, she was given a manual and a set of problems to practice, and before long she ran the machine.",
            "The project had progressed meanwhile. The twelve equations produced fickle weather, but even so, that weather seemed to prefer some states.",
            "Here, again, the machine chugged its way into chaos. Three properties of the system corresponded roughly to the weather's.",
            "The properties could also be represented as a point in space, and they plotted the motion of this point over time.",
            "The attractor and the system's sensitivity to initial conditions would later be recognised as the foundations of the field.",
        ];
        let page = |parts: &str| {
            format!(
                "<html><head><meta property=og:type content=article><title>Heroines of chaos</title>\
                 </head><body><h1>Heroines of chaos</h1>{parts}</body></html>"
            )
        };
        let picture = "<div class=post><figure><img src=/a.jpg><figcaption>The attractor.</figcaption></figure></div>";
        let a = article_of(page(&format!(
            "{}{picture}{}",
            section(&first),
            section(&second)
        )));
        let texts = body_texts(&a);
        assert_eq!(texts.len(), 10, "{texts:?}");
        assert_eq!(texts[0], first[0]);
        // After another headline, a section of the same class is the next story's.
        let a = article_of(page(&format!(
            "{}<h1>The next story</h1>{}",
            section(&second),
            section(&first)
        )));
        assert_eq!(body_texts(&a), second);
    }

    #[test]
    fn a_teaser_above_a_paywall_notice_is_the_whole_article() {
        let ranking: String = (1..=12)
            .map(|k| {
                format!(
                    "<li><a href=/r{k}>ランキング記事の見出し{k}、市場の動きと今後の見通し</a></li>"
                )
            })
            .collect();
        let markets: String = (1..=8)
            .map(|k| format!("<div class=quote><p>日経平均(円) 6/19 大引</p><p>22,278.{k}</p><p>-401.85 -1.77%</p></div>"))
            .collect();
        let page = |notice: &str| {
            format!(
                "<html lang=ja><head><script type=\"application/ld+json\">{{\"@type\":\"NewsArticle\",\
                 \"headline\":\"米朝首脳直通電話\"}}</script></head><body><div id=main><h1>米朝首脳直通電話</h1>\
                 <div class=article_text><p>６月12日の歴史的な米朝首脳会談を巡って戦っていたのは、米大統領の\
                 トランプと北朝鮮委員長の金正恩ばかりではなかった。中国国家主席、習近平も重要な陰の参戦者だった。\
                 核放棄を巡って「検証可能な」の文字がなく、米韓軍事演習の中止にまで踏み込んだ米朝会談は、\
                 トランプによる一方的譲歩であり、習近平も「勝ち組」になったかに見える。</p><p>その判断は…</p></div>\
                 <div class=regist><p>{notice}</p></div><div class=side><ol>{ranking}</ol>{markets}</div></div></body></html>"
            )
        };
        let a = article_of(page(
            "［有料会員限定］ この記事は会員限定です。電子版に登録すると続きをお読みいただけます。",
        ));
        let body = body_texts(&a);
        assert_eq!(body.len(), 2, "{body:?}");
        assert!(body[0].starts_with("６月12日"), "{body:?}");
        // Without the notice, so short a result is rescued from the wider page.
        let a = article_of(page("電子版トップ"));
        assert!(body_texts(&a).len() > 2);
    }

    #[test]
    fn a_table_of_one_cell_holds_paragraphs() {
        let page = "<html lang=\"ar\"><body><h1>قرارات اقتصادية جديدة</h1><table><tr><td>\
            <b>الرياض - واس:</b><br>أعلن مجلس الوزراء اليوم عن حزمة من القرارات الاقتصادية.<br><br>\
            وأوضح البيان أن القرارات تشمل تخفيض الرسوم على المنشآت الصغيرة.</td></tr></table></body></html>";
        let a = article_of(page);
        assert!(
            a.body.iter().all(|b| b.kind == BlockKind::Paragraph),
            "{:?}",
            a.body
        );
        assert_eq!(
            a.dateline.as_ref().and_then(|d| d.agency.as_deref()),
            Some("واس")
        );
    }

    #[test]
    fn a_title_taken_from_the_first_h2_stays_a_heading_of_the_body() {
        let page =
            format!("<article><h2>Heading</h2><p>{COUNCIL}</p><p>{COUNCIL} Again.</p></article>");
        let a = article_of(&page);
        assert_eq!(a.title.as_ref().map(|t| t.text.as_str()), Some("Heading"));
        assert_eq!(body_texts(&a)[0], "Heading");
    }

    #[test]
    fn a_visible_byline_naming_the_metadata_author_leaves_the_text() {
        let page = format!(
            "<html><head><meta name=\"author\" content=\"Lisa Mascaro\"></head><body><article>\
             <h1>Senate passes spending bill</h1>\
             <p class=\"byline\">By LISA MASCARO and KEVIN FREKING The Associated Press</p><p>{COUNCIL}</p>\
             <p>{COUNCIL} Again.</p></article></body></html>"
        );
        let a = article_of(&page);
        assert_eq!(a.authors[0].text, "Lisa Mascaro");
        assert_eq!(a.body[0].text, COUNCIL, "{:?}", body_texts(&a));
        assert!(
            a.chrome
                .iter()
                .any(|d| d.reason == Reason::Metadata && d.text.starts_with("By LISA"))
        );
        // A byline naming someone else is no echo of the metadata: it stays.
        // (Longer than a header line, which goes as metadata anyway.)
        let other = page.replace("By LISA MASCARO", "By JOHN ROE of the City Desk");
        assert!(body_texts(&article_of(&other))[0].starts_with("By JOHN ROE"));
    }

    #[test]
    fn a_paragraph_that_is_one_headlines_link_is_a_teaser() {
        let page = |kind: &str| {
            format!(
                "<html lang=\"ar\"><head><meta property=\"og:type\" content=\"{kind}\"></head><body>\
                 <article><h1>وزير الخارجية يبحث مع نظيره الأردني تطورات المنطقة</h1>\
                 <p>تلقى وزير الخارجية اتصالاً هاتفياً اليوم الأحد من نظيره الأردني، تناول التطورات \
                 الإقليمية وسبل تعزيز التعاون الثنائي بين البلدين الشقيقين في المرحلة المقبلة.</p>\
                 <p><a href=\"/story/2\">وزير الخارجية يستقبل المبعوث الأممي لسوريا</a></p>\
                 <p>{COUNCIL}</p>\
                 <p><a href=\"/review\">Read our full review of the buses.</a></p>\
                 <p><a href=\"/p/9\">June 14, 2024 1 yr ago</a></p>\
                 <p>{COUNCIL} Once more.</p></article></body></html>"
            )
        };
        let a = article_of(page("article"));
        let related = related_pairs(&a);
        assert_eq!(
            related,
            vec![(
                "وزير الخارجية يستقبل المبعوث الأممي لسوريا",
                Some("/story/2")
            )]
        );
        // A call to action and a post's date link stay chrome; so do all three on a page
        // declaring no article.
        assert!(
            a.chrome
                .iter()
                .any(|d| d.text.starts_with("Read our full review"))
        );
        assert!(a.chrome.iter().any(|d| d.text.starts_with("June 14")));
        assert!(article_of(page("website")).related.is_empty());
    }

    #[test]
    fn the_lines_metadata_was_read_from_are_dropped_as_metadata() {
        let page = format!(
            "<html lang=\"ar\"><head><meta property=\"og:type\" content=\"article\"></head><body>\
             <div class=\"col\"><h1 class=\"post-title\">الحكومة تصادق على مشروع قانون المالية</h1>\
             <div class=\"author-info\"><span class=\"author\">أحمد الراجي</span> \
             <span class=\"date-post\">الخميس 5 دجنبر 2024 - 14:20</span></div>\
             <div class=\"article-content\"><p>{COUNCIL}</p><p>{COUNCIL} Once more.</p></div></div></body></html>"
        );
        let a = article_of(&page);
        assert_eq!(a.authors.len(), 1);
        for line in ["الحكومة تصادق", "أحمد الراجي"] {
            let d = a
                .chrome
                .iter()
                .find(|d| d.text.starts_with(line))
                .expect(line);
            assert_eq!(d.reason, Reason::Metadata, "{line}");
        }
    }

    #[test]
    fn blocks_dropped_for_their_score_are_named_for_what_they_are() {
        // The README's example: its date line (a <time> of the page's day) and its font-size
        // widget stand outside the chosen container.
        let page = include_str!("../../../../examples/ar-news.html");
        let a = article_of(page);
        let reason = |t: &str| {
            a.chrome
                .iter()
                .find(|d| d.text.starts_with(t))
                .map(|d| d.reason)
        };
        assert_eq!(reason("الخميس 22 يناير 2026"), Some(Reason::Metadata));
        assert_eq!(reason("حجم الخط"), Some(Reason::Font));
        // Another day's <time> standing alone is no stamp of the page.
        let other = page.replace(
            "<time datetime=\"2026-01-22T10:30:00+02:00\">",
            "<time datetime=\"2025-03-02T10:30:00+02:00\">",
        );
        let a = article_of(&other);
        let d = a
            .chrome
            .iter()
            .find(|d| d.text.starts_with("الخميس 22 يناير 2026"));
        assert_ne!(d.map(|d| d.reason), Some(Reason::Metadata));
    }

    #[test]
    fn a_box_set_apart_in_the_story_that_is_one_headlines_link_is_a_teaser() {
        let page = |inner: &str| {
            format!(
                "<html><head><meta property=\"og:type\" content=\"article\"></head><body>\
                 <article><h1>Floods force thousands from homes in Valencia</h1><div class=\"body\">\
                 <p>{COUNCIL}</p><aside class=\"rich-link\"><div>{inner}</div></aside>\
                 <p>{COUNCIL} Once more.</p></div></article></body></html>"
            )
        };
        let a = article_of(page(
            "<a href=\"/world/spain-floods\">Spain floods: what we know so far</a>",
        ));
        assert_eq!(
            related_pairs(&a),
            vec![(
                "Spain floods: what we know so far",
                Some("/world/spain-floods")
            )]
        );
        // A box of one call to action stays chrome.
        let a = article_of(page(
            "<a href=\"/newsletter\">Sign up for our morning newsletter</a>",
        ));
        assert!(a.related.is_empty());
    }

    #[test]
    fn a_header_line_of_byline_and_date_side_by_side_is_metadata() {
        let page = format!(
            "<html lang=\"ar\"><body><div class=\"article-page\"><h1>الأمطار تغرق شوارع جدة</h1>\
             <div class=\"article-info\"><span class=\"writer\">جدة - محمد العتيبي</span> \
             <span class=\"date\">27 نوفمبر 2024 10:45 ص</span></div>\
             <div class=\"article-text\"><p>شهدت محافظة جدة أمس هطول أمطار غزيرة أدت إلى تجمع المياه \
             في عدد من الشوارع الرئيسية، فيما أعلنت إدارة التعليم تعليق الدراسة الحضورية.</p>\
             <p>{COUNCIL}</p></div></div></body></html>"
        );
        let a = article_of(&page);
        assert_eq!(a.authors.len(), 1);
        assert_eq!(
            a.published.as_ref().and_then(|p| p.day()),
            Some("2024-11-27")
        );
        assert!(a.body[0].text.starts_with("شهدت"), "{:?}", body_texts(&a));
        assert!(
            a.chrome
                .iter()
                .any(|d| d.reason == Reason::Metadata && d.text.contains("العتيبي"))
        );
        // Text of its own between them keeps the line.
        let own = page.replace("</span> <span", "</span> عاجل: الدفاع المدني يحذر <span");
        assert!(
            body_texts(&article_of(&own))
                .iter()
                .any(|t| t.contains("العتيبي"))
        );
        // Joining words between them ("Posted by …  at …", a blog's post footer) leave it
        // metadata.
        let joined = page.replace("</span> <span", "</span> at <span");
        assert!(
            !body_texts(&article_of(&joined))
                .iter()
                .any(|t| t.contains("العتيبي"))
        );
    }

    #[test]
    fn a_credit_run_on_at_a_captions_end_is_the_figures() {
        for (caption, credit) in [
            (
                "Crews repair lines. Photo: John Chen/Coast Herald",
                "John Chen/Coast Herald",
            ),
            (
                "Crews repair lines. (John Chen / Coast Herald)",
                "John Chen / Coast Herald",
            ),
            (
                "Crews repair lines. Credit... Doug Mills/The New York Times",
                "Doug Mills/The New York Times",
            ),
        ] {
            let page = format!(
                "<html><body><article><h1>Storm hits coast</h1><figure><img src=\"a.jpg\">\
                 <figcaption>{caption}</figcaption></figure><p>{COUNCIL}</p></article></body></html>"
            );
            let a = article_of(&page);
            let f = &a.figures[0];
            assert_eq!(f.credit.as_ref().map(|c| c.text.as_str()), Some(credit));
            assert_eq!(
                f.caption.as_ref().map(|c| c.text.as_str()),
                Some("Crews repair lines.")
            );
            let span = f.credit.as_ref().unwrap().span;
            assert_eq!(&page[span.start..span.end], credit);
        }
    }

    #[test]
    fn an_article_the_markup_lacks_is_read_from_its_json_ld() {
        let page = ld_page(
            "NewsArticle",
            &format!("<p>{COUNCIL}</p><p>Subscribe to keep reading.</p>"),
        );
        let a = article_of(&page);
        let body = body_texts(&a);
        assert_eq!(body.len(), 3, "{body:?}");
        assert_eq!(body[0], COUNCIL);
        assert!(body[1].starts_with("The mayor said \"the routes\" open in May, café owners"));
        // Spans point at the script's text; a paragraph without escapes is its bytes.
        assert_eq!(&page[a.body[0].span.start..a.body[0].span.end], COUNCIL);
        assert_eq!(&page[a.body[2].span.start..a.body[2].span.end], body[2]);
        // The markup's blocks are in chrome: the teaser as a repeat, the rest as low.
        let reason_of = |t: &str| a.chrome.iter().find(|d| d.text == t).map(|d| d.reason);
        assert_eq!(reason_of(COUNCIL), Some(Reason::Duplicate));
        assert_eq!(
            reason_of("Subscribe to keep reading."),
            Some(Reason::LowScore)
        );
        // A page whose markup has the story keeps the markup's blocks.
        let full = ld_page(
            "NewsArticle",
            &format!("<p>{COUNCIL}</p><p>{COUNCIL} Again.</p><p>{COUNCIL} Once more.</p>"),
        );
        assert_eq!(article_of(&full).body.len(), 3);
        assert!(article_of(&full).body[1].text.ends_with("Again."));
        // A page that declares no article (a listing of stories) is not replaced.
        let listing = ld_page("ItemList", "<p>Stories of the week.</p>");
        assert_eq!(
            body_texts(&article_of(&listing)),
            vec!["Stories of the week."]
        );
    }

    /// An Arabic story under a byline element and a date line, as Gulf outlets set them.
    fn gulf_page(byline: &str, date_line: &str) -> String {
        format!(
            "<html lang=\"ar\"><body><div class=\"article\">\
             <h1>ارتفاع أسعار النفط مع تراجع المخزونات الأميركية</h1>\
             <div class=\"source_author\">{byline}</div><div class=\"timeDate\">{date_line}</div>\
             <p>ارتفعت أسعار النفط اليوم الجمعة بعد أن أظهرت بيانات حكومية تراجع مخزونات الخام \
             في الولايات المتحدة أكثر من المتوقع، مما عزز المخاوف بشأن الإمدادات.</p>\
             <p>وصعدت العقود الآجلة لخام برنت إلى أعلى مستوى لها منذ أسبوعين، فيما زاد خام غرب \
             تكساس الوسيط بنسبة مماثلة في تعاملات الجلسة.</p></div></body></html>"
        )
    }

    #[test]
    fn a_dateline_set_as_the_byline_is_the_dateline_not_an_author() {
        let page = gulf_page("دبي - العربية.نت", "");
        let a = article_of(&page);
        assert!(a.authors.is_empty(), "{:?}", a.authors);
        let d = a.dateline.expect("a dateline");
        assert_eq!(d.place.as_deref(), Some("دبي"));
        assert_eq!(d.agency.as_deref(), Some("العربية.نت"));
        assert_eq!(&page[d.span.start..d.span.end], "دبي - العربية.نت");
        assert!(a.body.iter().all(|b| !b.text.contains("العربية.نت")));
        assert!(
            a.chrome
                .iter()
                .any(|c| c.text == "دبي - العربية.نت" && c.reason == Reason::Metadata)
        );
        // A reporter after the place is the author.
        // A reporter after the place is the author, after a dash or a colon (Asharq
        // Al-Awsat's "القاهرة: محمد نبيل حلمي").
        for (byline, name) in [
            ("القاهرة - أحمد الريدي", "أحمد الريدي"),
            ("القاهرة: محمد نبيل حلمي", "محمد نبيل حلمي"),
        ] {
            let a = article_of(gulf_page(byline, ""));
            let names: Vec<&str> = a.authors.iter().map(|t| t.text.as_str()).collect();
            assert_eq!(names, [name]);
            assert_eq!(a.dateline.and_then(|d| d.place).as_deref(), Some("القاهرة"));
        }
    }

    #[test]
    fn an_arabic_date_line_with_its_update_gives_both_stamps() {
        let a = article_of(gulf_page(
            "دبي - العربية.نت",
            "<span>نشر في: 14 مارس ,2025: 09:12 ص GST</span> \
             <span>آخر تحديث: 14 مارس ,2025: 11:40 ص GST</span>",
        ));
        let p = a.published.expect("published");
        assert_eq!(p.local, "2025-03-14T09:12:00+04:00");
        assert!(!p.text.contains("تحديث"));
        let m = a.modified.expect("modified");
        assert_eq!(m.local, "2025-03-14T11:40:00+04:00");
    }

    #[test]
    fn a_screen_reader_label_before_a_caption_is_not_the_caption() {
        let page = "<html lang=\"ar\"><body><article><h1>ما الذي نعرفه عن خطة إعادة إعمار غزة؟</h1>\
            <figure><img src=\"/g.jpg\"><figcaption><span>التعليق على الصورة، </span>دمار واسع \
            في مدينة غزة</figcaption></figure><p>أعلنت الدول العربية خطة لإعادة إعمار قطاع غزة \
            تتجاوز كلفتها 50 مليار دولار، في وقت تتواصل فيه المشاورات بشأن مستقبل القطاع.</p>\
            </article></body></html>";
        let a = article_of(page);
        let cap = a.figures[0].caption.as_ref().expect("a caption");
        assert_eq!(cap.text, "دمار واسع في مدينة غزة");
        assert_eq!(
            &page[cap.span.start..cap.span.end],
            "دمار واسع في مدينة غزة"
        );
    }

    #[test]
    fn a_suggested_stories_box_in_the_article_is_related_not_body() {
        let a = article_of(
            "<html lang=\"ar\"><body><article><h1>ما الذي نعرفه عن خطة إعادة إعمار غزة؟</h1>\
             <p>أعلنت الدول العربية خطة لإعادة إعمار قطاع غزة تتجاوز كلفتها 50 مليار دولار، في \
             وقت تتواصل فيه المشاورات بشأن مستقبل القطاع.</p>\
             <section><h2>قصص مقترحة</h2><ul><li><a href=\"/a1\">مصر تستضيف مؤتمرا دوليا \
             لإعادة الإعمار</a></li><li><a href=\"/a2\">الأمم المتحدة: كلفة الدمار في غزة غير \
             مسبوقة</a></li></ul></section>\
             <p>ويقول خبراء إن تنفيذ الخطة يتطلب تمويلا دوليا واسعا وضمانات سياسية لوقف إطلاق \
             النار في القطاع.</p></article></body></html>",
        );
        assert!(
            a.body.iter().all(|b| !b.text.contains("مصر تستضيف")),
            "{:?}",
            body_texts(&a)
        );
        assert_eq!(a.related.len(), 2);
        assert_eq!(a.body.len(), 2);
    }

    /// A budget story with `teasers` set between its paragraphs.
    fn budget_page(teasers: &str) -> String {
        format!(
            "<html lang=\"ar\"><body><article><h1>الحكومة تقر موازنة العام المقبل</h1>\
             <div class=\"article-body\"><p>أقرت الحكومة في جلستها الأسبوعية مشروع موازنة \
             العام المقبل بعجز متوقع يبلغ ثلاثة في المئة من الناتج المحلي الإجمالي.</p>{teasers}\
             <p>وقال وزير المالية في مؤتمر صحفي عقب الجلسة إن الموازنة الجديدة تركز على دعم \
             القطاعات الإنتاجية وتوفير فرص العمل للشباب.</p></div></article></body></html>"
        )
    }

    /// Title and address of each related link.
    fn related_of(a: &Article) -> Vec<(&str, &str)> {
        a.related
            .iter()
            .map(|l| (l.title.text.as_str(), l.url.as_deref().unwrap_or("")))
            .collect()
    }

    #[test]
    fn a_related_box_labelled_inline_gives_each_of_its_links() {
        // The label in an element of its own, run on into the links: a whole-line phrase
        // ("أخبار ذات صلة") the block's text alone would not match.
        let a = article_of(budget_page(
            "<div class=\"related-inline\"><span>أخبار ذات صلة</span><a href=\"/n1\">البرلمان \
             يناقش قانون الضرائب</a><a href=\"/n2\">ارتفاع التضخم إلى أعلى مستوى</a></div>",
        ));
        assert_eq!(
            related_of(&a),
            [
                ("البرلمان يناقش قانون الضرائب", "/n1"),
                ("ارتفاع التضخم إلى أعلى مستوى", "/n2")
            ]
        );
        assert_eq!(a.body.len(), 2, "{:?}", body_texts(&a));
        // The box itself, label and all, is chrome: nothing of it is lost.
        assert!(
            a.chrome
                .iter()
                .any(|c| c.reason == Reason::Related && c.text.starts_with("أخبار ذات صلة"))
        );
    }

    #[test]
    fn a_related_box_marked_by_its_class_in_the_text_gives_teasers() {
        // WordPress's Jetpack box at the end of the entry: its class drops it, its header
        // names it; its links are teasers, a price in it is no teaser.
        let para = COUNCIL;
        let page = format!(
            "<html><head><meta property=og:type content=article></head><body><article>\
             <h1>New bus routes</h1><div class=entry-content><p>{para}</p><p>{para} Again.</p>\
             <div class=jp-relatedposts><h3 class=jp-relatedposts-headline><em>Related</em></h3>\
             <div class=jp-relatedposts-post><a href=/x>Library hours change in April</a></div>\
             <div class=jp-relatedposts-post><a href=/y>$29.90</a></div></div></div>\
             </article></body></html>"
        );
        let a = article_of(&page);
        let related: Vec<&str> = a.related.iter().map(|l| l.title.text.as_str()).collect();
        assert_eq!(related, ["Library hours change in April"]);
        assert_chrome(&a, &["Related", "$29.90"], Reason::Related);
        assert_eq!(body_texts(&a).len(), 2);
    }

    #[test]
    fn related_boxes_named_in_other_languages_are_related() {
        let para = COUNCIL;
        for class in [
            "box relacionado",
            "noticias-relacionadas",
            "articoli-correlati",
            "notizie_correlate",
            "leia-tambem",
            "verwandte-artikel",
            "mehr-zum-thema",
        ] {
            let page = format!(
                "<html><head><meta property=og:type content=article></head><body><article>\
                 <h1>New bus routes</h1><p>{para}</p><p>{para} Again.</p>\
                 <div class=\"{class}\"><h2>Más noticias</h2></div></article></body></html>"
            );
            let a = article_of(&page);
            assert_chrome(&a, &["Más noticias"], Reason::Related);
        }
    }

    #[test]
    fn a_read_more_line_with_two_links_gives_two_teasers() {
        let a = article_of(budget_page(
            "<div><strong>اقرأ أيضاً:</strong> <a href=\"/n3\">البنك المركزي يثبت أسعار \
             الفائدة</a> | <a href=\"/n4\">الصادرات ترتفع بنسبة عشرة في المئة</a></div>",
        ));
        assert_eq!(
            related_of(&a),
            [
                ("البنك المركزي يثبت أسعار الفائدة", "/n3"),
                ("الصادرات ترتفع بنسبة عشرة في المئة", "/n4")
            ]
        );
        assert_eq!(a.body.len(), 2, "{:?}", body_texts(&a));
    }

    #[test]
    fn a_read_more_sentence_is_its_own_title() {
        // "Read more: Headline" labels a headline; "Read more about …" is a sentence.
        let a = article_of(budget_page(
            "<p>Read more: <a href=\"/n5\">Central bank holds rates</a></p>\
             <p><a href=\"/n6\">Read more about how the budget was drawn up.</a></p>\
             <p><a href=\"/n7\">Read more: iPhone sales slump in Europe</a></p>",
        ));
        assert_eq!(
            related_of(&a),
            [
                ("Central bank holds rates", "/n5"),
                ("Read more about how the budget was drawn up.", "/n6"),
                ("iPhone sales slump in Europe", "/n7")
            ]
        );
    }

    #[test]
    fn a_wiki_section_edit_link_is_no_teaser() {
        // MediaWiki's "See also [edit]": the label's links are the list under it, whether the
        // heading holds its tool or (today's MediaWiki) a wrapper holds the heading and its tool.
        let heading = |label: &str, section: u8, wrapped: bool| {
            // (A later section offers both of its tools: "[edit | edit source]".)
            let link = |action: &str, words: &str| {
                format!(
                    "<a href=\"/w/index.php?title=Budget&action={action}&section={section}\">\
                     {words}</a>"
                )
            };
            let tools = if section > 3 {
                format!(
                    "{} | {}",
                    link("edit", "edit"),
                    link("source", "edit source")
                )
            } else {
                link("edit", "edit")
            };
            let tool = format!("<span class=mw-editsection>[{tools}]</span>");
            if wrapped {
                format!("<div class=mw-heading><h2>{label}</h2>{tool}</div>")
            } else {
                format!("<h2><span>{label}</span>{tool}</h2>")
            }
        };
        for wrapped in [false, true] {
            let a = article_of(budget_page(&format!(
                "{}<ul><li><a href=\"/wiki/Central_bank\">Central bank</a></li>\
                 <li><a href=\"/wiki/Public_finance\">Public finance</a></li></ul>{}\
                 <ol><li>Smith, J. (2020). <a href=\"/book\">Public Budgets</a>. Oxford.</li></ol>",
                heading("See also", 3, wrapped),
                heading("References", 4, wrapped),
            )));
            assert_eq!(
                related_of(&a),
                [
                    ("Central bank", "/wiki/Central_bank"),
                    ("Public finance", "/wiki/Public_finance")
                ],
                "wrapped: {wrapped}"
            );
            assert!(a.body.iter().any(|b| b.text.contains("Public Budgets")));
            assert!(
                !a.body.iter().any(|b| b.text.contains("edit")),
                "{:?}",
                a.body
            );
            // The headings stay, their tools gone.
            assert!(
                a.body.iter().any(|b| b.text == "References"),
                "wrapped: {wrapped}: {:?}",
                a.body
            );
        }
        // A "See also" with a box of sister projects beside its list, before the page's
        // navigation boxes: they are no teasers, and the list after the first still is.
        let a = article_of(budget_page(
            "<div class=mw-heading><h2>See also</h2><span class=mw-editsection>[<a \
             href=\"/w/index.php?title=Budget&action=edit&section=3\">edit</a>]</span></div>\
             <div role=navigation class=sister-box><a href=/wiki/Portal:Economics>Economics \
             portal</a></div>\
             <ul><li><a href=\"/wiki/Central_bank\">Central bank</a></li></ul>\
             <div role=navigation class=navbox><ul><li><a href=/wiki/Microeconomics>Microeconomics</a></li>\
             <li><a href=/wiki/Macroeconomics>Macroeconomics</a></li></ul></div>",
        ));
        assert_eq!(related_of(&a), [("Central bank", "/wiki/Central_bank")]);
    }

    #[test]
    fn a_related_box_may_hold_several_headed_lists() {
        // A second list under a heading of the same kind, after a line of intro, and teasers
        // under a sub-label, stay in the box.
        let a = article_of(budget_page(
            "<h3>Related articles</h3><ul><li><a href=/a1>Central bank holds rates</a></li></ul>\
             <h3>Related reports</h3><p>You may also like these reports:</p>\
             <ul><li><a href=/r1>State of public budgets in 2025</a></li></ul>\
             <div><h3>More stories</h3><h3>Sponsored</h3><a href=/s1>How to save on your taxes \
             this spring</a></div>",
        ));
        let related: Vec<&str> = related_of(&a).iter().map(|(t, _)| *t).collect();
        assert_eq!(
            related,
            [
                "Central bank holds rates",
                "State of public budgets in 2025",
                "How to save on your taxes this spring"
            ]
        );
    }

    #[test]
    fn an_edit_link_in_a_headings_words_is_no_tool() {
        // A link of a tool's words that is no section tool (no editor's address, no tool's
        // mark) is a word of its heading.
        let a = article_of(budget_page(
            "<h2>How to <a href=/help/edit>edit</a></h2><p>Open the draft, then change the \
             figures in the second table before the vote.</p>\
             <h2>Step 3: <b><a href=/steps/3>Edit</a></b></h2><p>Send the changed draft to the \
             committee for its second reading.</p>",
        ));
        let texts: Vec<&str> = a.body.iter().map(|b| b.text.as_str()).collect();
        assert!(texts.contains(&"How to edit"), "{texts:?}");
        assert!(texts.contains(&"Step 3: Edit"), "{texts:?}");
        // Nor is the last link of a sentence after a heading, though it links to the editor.
        let a = article_of(budget_page(
            "<div><h2>Corrections</h2>Spotted an error in the figures of the draft? You can \
             <a href=\"/w/index.php?title=Budget&action=edit\">edit</a></div>",
        ));
        assert!(
            a.body.iter().any(|b| b.text.ends_with("You can edit")),
            "{:?}",
            a.body
        );
    }

    #[test]
    fn edit_is_a_word_of_a_story_outside_a_tool_link() {
        // A manual's "Edit" menu and a list's step are words; an "[edit]" link alone is a tool.
        let a = article_of(budget_page(
            "<h2>Edit</h2><p>The Edit menu now holds the commands to undo, to copy and to paste, \
             as the users of the older releases had asked for many times.</p>\
             <ul><li>Shoot</li><li>Edit</li><li>Print</li></ul><p>[<a href=\"/w?action=edit\">edit</a>]</p>",
        ));
        let texts: Vec<&str> = a.body.iter().map(|b| b.text.as_str()).collect();
        assert!(texts.contains(&"Edit"), "{texts:?}");
        assert!(texts.iter().any(|t| t.contains("Shoot\nEdit")), "{texts:?}");
        assert!(!texts.iter().any(|t| t.contains("[edit]")), "{texts:?}");
    }

    #[test]
    fn link_paragraphs_after_a_read_more_paragraph_are_teasers() {
        // Youm7's form: the label a paragraph of its own, each teaser a paragraph of one link;
        // the run ends at the first paragraph that is not one.
        let a = article_of(budget_page(
            "<p><strong>اقرأ أيضا..</strong></p>\
             <p><a href=\"/s1\">التعليم: لا تغيير في نظام الامتحانات هذا العام</a></p>\
             <p><a href=\"/s2\">تعرف على جدول امتحانات الشهادة الإعدادية</a></p>\
             <p>وأضاف الوزير أن <a href=\"/s3\">الوزارة</a> ستعلن الجدول التفصيلي للامتحانات \
             خلال الأيام المقبلة داعيا الطلاب إلى الاستعداد الجيد.</p>",
        ));
        assert_eq!(
            related_of(&a),
            [
                ("التعليم: لا تغيير في نظام الامتحانات هذا العام", "/s1"),
                ("تعرف على جدول امتحانات الشهادة الإعدادية", "/s2")
            ]
        );
        assert_eq!(a.body.len(), 3, "{:?}", body_texts(&a));
        assert!(a.body[1].text.starts_with("وأضاف الوزير"));
    }

    #[test]
    fn follow_us_promos_closing_the_text_are_chrome() {
        let a = article_of(budget_page(
            "<p>تابع أحدث الأخبار عبر تطبيق الموقع</p>\
             <p>تابعوا آخر أخبار الموقع عبر Google News</p>\
             <p>للمزيد من الأخبار تابعونا على قناتنا على تيليجرام</p>",
        ));
        assert_eq!(a.body.len(), 2, "{:?}", body_texts(&a));
        assert_eq!(
            a.chrome
                .iter()
                .filter(|c| c.reason == Reason::Share)
                .count(),
            3
        );
    }

    #[test]
    fn a_read_more_label_before_running_text_is_one_teaser() {
        // Words outside the links: the block is one teaser, titled by all of them.
        let a = article_of(budget_page(
            "<p>اقرأ أيضاً: <a href=\"/n5\">البنك المركزي</a> يثبت أسعار الفائدة</p>",
        ));
        assert_eq!(
            related_of(&a),
            [("البنك المركزي يثبت أسعار الفائدة", "/n5")]
        );
    }

    #[test]
    fn a_place_and_a_dash_opening_the_first_paragraph_are_its_dateline() {
        let page = "<html lang=\"ar\"><body><article><h1>الأمم المتحدة تحذر من أزمة المياه</h1>\
            <p>جنيف- حذرت الأمم المتحدة اليوم الجمعة من أن أزمة المياه في المنطقة قد تتفاقم \
            خلال السنوات المقبلة إذا لم تتخذ الحكومات إجراءات عاجلة.</p></article></body></html>";
        let a = article_of(page);
        let d = a.dateline.expect("a dateline");
        assert_eq!(d.text, "جنيف-");
        assert_eq!(d.place.as_deref(), Some("جنيف"));
        assert_eq!(&page[d.span.start..d.span.end], "جنيف-");
        // The paragraph keeps it.
        assert!(a.body[0].text.starts_with("جنيف- حذرت"));
    }

    #[test]
    fn of_stacked_stories_the_headlines_is_the_content() {
        let story = |h: &str, what: &str| {
            let ps: String = (0..6)
                .map(|i| {
                    format!(
                        "<p>الفقرة {i} من {what}، وفيها ما يكفي من الكلام لتكون فقرة في خبر.</p>"
                    )
                })
                .collect();
            format!(
                "<article class=\"story\"><h1>{h}</h1><div class=\"story-body\">{ps}</div></article>"
            )
        };
        let page = |title: &str| {
            format!(
                "<html lang=\"ar\"><head><title>{title} - الموقع</title>\
                <meta property=\"og:type\" content=\"article\"></head><body><div class=\"stories\">{}{}</div></body></html>",
                story("مجلس الوزراء يناقش الميزانية", "الخبر الأول عن الميزانية"),
                story("الفريق المحلي يفوز بهدفين", "الخبر الثاني عن المباراة"),
            )
        };
        let a = article_of(page("مجلس الوزراء يناقش الميزانية"));
        assert_eq!(a.body.len(), 6);
        assert!(a.body.iter().all(|b| b.text.contains("الخبر الأول")));
        let second = a
            .chrome
            .iter()
            .filter(|c| c.text.contains("الخبر الثاني") && c.reason == Reason::Related)
            .count();
        assert_eq!(
            second, 6,
            "the next story is a related story's text in chrome"
        );
        // The next story's headline names the page: that story is the content.
        let a = article_of(page("الفريق المحلي يفوز بهدفين"));
        assert!(a.body.iter().all(|b| b.text.contains("الخبر الثاني")));
        // A headline in neither story leaves the content whole.
        let a = article_of(page("صفحة الأخبار"));
        assert_eq!(
            a.body
                .iter()
                .filter(|b| b.kind == BlockKind::Paragraph)
                .count(),
            12
        );
    }

    #[test]
    fn soft_hyphens_leave_every_text() {
        let page = "<html><head><meta name=author content=\"Ma&shy;ria Mül&shy;ler\"></head>\
            <body><article><h1>Haus&shy;halts&shy;debatte im Rat</h1>\
            <figure><img src=/a.jpg><figcaption>Der Rats&shy;saal am Diens&shy;tag.</figcaption></figure>\
            <p>Wäh&shy;rend der Debatte sprachen die Fraktionen über den Haushalt des kommenden \
            Jahres, die Schulden und die Investitionen in Schulen und Straßen der Stadt.</p>\
            </article></body></html>";
        let a = article_of(page);
        let json = serde_json::to_string(&a).expect("json");
        assert!(!json.contains('\u{AD}'), "{json}");
        assert_eq!(
            a.title.map(|t| t.text).as_deref(),
            Some("Haushaltsdebatte im Rat")
        );
        // Two tags the soft hyphen told apart are one.
        let a = article_of(page.replace(
            "</head>",
            "<meta name=keywords content=\"Haus&shy;halt, Haushalt, Rat\"></head>",
        ));
        assert_eq!(a.tags, ["Haushalt", "Rat"]);
    }

    #[test]
    fn a_deck_above_the_body_repeating_the_description_is_the_subtitle() {
        // The standfirst sits in a wrapper of its own between the headline and the body, and
        // says what the page's description says: the subtitle, not the body's first paragraph.
        let deck =
            "مباحثات جديدة في الدوحة تجمع وفودا من عدة دول، وسط آمال بالتوصل إلى اتفاق قريب.";
        let para = "وصلت وفود من عدة دول إلى العاصمة القطرية الدوحة اليوم الثلاثاء للمشاركة في جولة \
            جديدة من المباحثات الرامية إلى التوصل لاتفاق، بحسب ما أعلنت وزارة الخارجية.";
        let page = format!(
            "<html lang=ar><head><meta property=og:type content=article>\
             <meta name=description content=\"{deck}\"></head><body><div class=page>\
             <h1>مباحثات في الدوحة</h1><p class=lede>{deck}</p><div class=text><p>{para}</p>\
             <p>{para}</p><p>{para}</p></div><div class=more><a href=/r1>{para}</a>\
             <a href=/r2>{para}</a></div></div></body></html>"
        );
        let a = article_of(&page);
        assert_eq!(a.subtitle.as_ref().map(|t| t.text.as_str()), Some(deck));
        assert!(!body_texts(&a).contains(&deck), "{:?}", body_texts(&a));
        assert!(
            a.chrome
                .iter()
                .any(|d| d.text == deck && d.reason == Reason::Metadata),
            "{:?}",
            a.chrome
        );
    }

    #[test]
    fn the_dateline_opens_the_paragraph_under_the_deck() {
        let page = "<html lang=\"ar\"><body><article><h1>مباحثات في الدوحة لوقف إطلاق النار في غزة</h1>\
            <p class=\"article__subhead\">وفود من عدة دول تصل العاصمة القطرية وسط آمال بالتوصل إلى اتفاق</p>\
            <p>الدوحة- وصلت وفود من عدة دول إلى العاصمة القطرية الدوحة اليوم الثلاثاء للمشاركة \
            في جولة جديدة من المباحثات الرامية إلى التوصل لاتفاق.</p></article></body></html>";
        let a = article_of(page);
        assert!(a.subtitle.is_some());
        // The deck stays the article's first lines.
        assert!(a.body[0].text.starts_with("وفود من عدة دول"));
        let d = a.dateline.expect("a dateline");
        assert_eq!(d.place.as_deref(), Some("الدوحة"));
        assert_eq!(&page[d.span.start..d.span.end], "الدوحة-");
    }

    #[test]
    fn the_sites_own_name_after_the_place_is_the_datelines_outlet() {
        let page = "<html lang=\"ar\"><head><meta property=\"og:site_name\" \
            content=\"صحيفة الوطن اليوم\"></head><body><article><h1>ارتفاع أسعار الذهب</h1>\
            <p>القاهرة - الوطن اليوم: ارتفعت أسعار الذهب في السوق المحلية خلال تعاملات اليوم \
            الجمعة، متأثرة بصعود سعر الأوقية في البورصة العالمية.</p></article></body></html>";
        let a = article_of(page);
        let d = a.dateline.expect("a dateline");
        assert_eq!(d.text, "القاهرة - الوطن اليوم:");
        assert_eq!(&page[d.span.start..d.span.end], d.text);
        assert_eq!(d.agency.as_deref(), Some("الوطن اليوم"));
        assert_eq!(d.agency_kind, Some(marsad_model::AgencyKind::Outlet));
        assert_eq!(d.zone.as_deref(), Some("Africa/Cairo"));
    }

    #[test]
    fn a_direction_set_around_the_article_is_its_direction() {
        // The root sets none; the element holding the article does, whatever the script.
        let page = "<html><body><main dir=\"rtl\"><article><h1>Lorem</h1><p>Lorem ipsum dolor \
            sit amet, consectetur adipisicing elit, sed do eiusmod tempor incididunt ut labore \
            et dolore magna aliqua.</p></article></main></body></html>";
        assert_eq!(article_of(page).dir, Some(marsad_model::Dir::Rtl));
        // The nearest direction wins over the root's, as it does in a browser: on `<main>`, or
        // on `<body>` inside `<html dir="ltr">` (Readability's rtl-2).
        let ltr = page.replace("<html>", "<html dir=\"ltr\">");
        assert_eq!(article_of(&ltr).dir, Some(marsad_model::Dir::Rtl));
        let body = ltr
            .replace("<body>", "<body dir=\"rtl\">")
            .replace("<main dir=\"rtl\">", "<main>");
        assert_eq!(article_of(&body).dir, Some(marsad_model::Dir::Rtl));
        // With nothing nearer, the root's direction stands.
        let root = ltr.replace("<main dir=\"rtl\">", "<main>");
        assert_eq!(article_of(root).dir, Some(marsad_model::Dir::Ltr));
    }

    #[test]
    fn a_paragraph_hidden_by_itself_is_no_collapsed_panel() {
        let para = "Lorem ipsum dolor sit amet, consetetur sadipscing elitr, sed diam nonumy \
            eirmod tempor invidunt ut labore et dolore magna aliquyam erat, sed diam voluptua. At \
            vero eos et accusam et justo duo dolores et ea rebum. Stet clita kasd gubergren, no \
            sea takimata sanctus est. ";
        let long = para.repeat(3);
        // An undeclared page: a hidden panel of blocks (a collapsed section) is content, a
        // paragraph hidden by itself is not.
        let page = format!(
            "<html><body><h1>Lorem ipsum</h1><p>{long}</p><h2>Secondary header</h2>\
             <p style=\"display: none;\">Hidden one. {long}</p><h2>Third header</h2>\
             <p hidden>Hidden two. {long}</p><div class=panel hidden><p>Panel one. {long}</p>\
             <p>Panel two. {long}</p></div></body></html>"
        );
        let a = article_of(&page);
        let body = body_texts(&a);
        assert!(body.iter().all(|t| !t.starts_with("Hidden")), "{body:?}");
        assert!(body.iter().any(|t| t.starts_with("Panel one")), "{body:?}");
        assert_chrome(&a, &["Hidden one", "Hidden two"], Reason::Hidden);
    }

    #[test]
    fn a_story_body_a_paywall_hides_is_read_as_shown() {
        // The Local's shape: a declared news article shows its lede and a sign-up notice; the
        // story it ships sits in `<div id=articleBody style="display: none">`.
        let para = |n: usize| {
            format!(
                "Paragraph {n} of the story: the minister said on Wednesday that the rules \
                 would be tightened, and the opposition answered that it would vote against."
            )
        };
        let story: String = (1..=6).map(|n| format!("<p>{}</p>", para(n))).collect();
        let page = |body_attrs: &str, extra: &str| {
            format!(
                "<html><head><script type=\"application/ld+json\">{{\"@type\":\"NewsArticle\",\
                 \"headline\":\"Minister rejects the call\"}}</script></head><body><main>\
                 <h1>Minister rejects the call</h1><p class=excerpt>The minister has rejected \
                 the call, which the party made this week, to tighten the rules.</p>{extra}\
                 <div {body_attrs}>{story}<p style=\"display:none\">A hidden note inside \
                 the story, with words, stays hidden.</p></div>\
                 <p>Please sign up or log in to continue reading.</p></main></body></html>"
            )
        };
        // The page with the hidden element (`outer` its attributes) wrapping the story in one
        // more element that `open` opens (an inner named body, a heading before it).
        let wrapped = |outer: &str, open: &str| {
            page(&format!("{outer} style=\"display: none\""), "")
                .replacen(
                    "style=\"display: none\">",
                    &format!("style=\"display: none\">{open}"),
                    1,
                )
                .replace("</div><p>Please", "</div></div><p>Please")
        };
        // Paragraph 1 once in the body: a teaser repeating it is a repeat.
        let once = |a: &Article| {
            let body = body_texts(a);
            assert_eq!(
                body.iter().filter(|t| t.starts_with("Paragraph 1")).count(),
                1,
                "{body:?}"
            );
        };
        let a = article_of(page("id=articleBody style=\"display: none\"", ""));
        let body = body_texts(&a);
        assert!(
            body.iter().any(|t| t.starts_with("Paragraph 6")),
            "{body:?}"
        );
        assert_chrome(&a, &["A hidden note"], Reason::Hidden);
        // Named by `itemprop` as well.
        let a = article_of(page("itemprop=articleBody hidden", ""));
        assert!(body_texts(&a).iter().any(|t| t.starts_with("Paragraph 1")));
        // A hidden element not named as the story's body (a dialog) stays hidden.
        let a = article_of(page("class=modal style=\"display: none\"", ""));
        assert!(body_texts(&a).iter().all(|t| !t.starts_with("Paragraph")));
        // A hidden copy of a story the page shows elsewhere (here in a box the selection
        // leaves) is a copy: it stays hidden.
        let shown = format!("<aside class=sidebar>{story}</aside>");
        let a = article_of(page("id=articleBody style=\"display: none\"", &shown));
        assert!(body_texts(&a).iter().all(|t| !t.starts_with("Paragraph")));
        assert!(
            a.chrome
                .iter()
                .any(|d| d.text.starts_with("Paragraph 1") && d.reason == Reason::Hidden)
        );
        // A dialog whose class also names a story body is a dialog.
        let a = article_of(page("class=\"subscribe-modal entry-content\" hidden", ""));
        assert!(body_texts(&a).iter().all(|t| !t.starts_with("Paragraph")));
        // The name may be on an element inside the hidden one.
        let nested = wrapped("class=locked", "<div itemprop=articleBody>");
        assert!(
            body_texts(&article_of(nested))
                .iter()
                .any(|t| t.starts_with("Paragraph 6"))
        );
        // A teaser repeating the story's first line, cut short, is a repeat of it.
        let cut: String = para(1).chars().take(60).collect();
        let teaser = format!("<p class=teaser>{cut}…</p>");
        let a = article_of(page("id=articleBody style=\"display: none\"", &teaser));
        once(&a);
        assert!(
            a.chrome
                .iter()
                .any(|d| d.text.starts_with(cut.as_str()) && d.reason == Reason::Duplicate)
        );
        // WordPress's excerpt ("… […]") is such a teaser too.
        let teaser = format!("<p class=teaser>{cut} […]</p>");
        let a = article_of(page("id=articleBody style=\"display: none\"", &teaser));
        once(&a);
        // A hidden element opening on a headline before the story body it holds is another
        // story ("up next"); a subhead opening the named body is the story's.
        let up_next = wrapped(
            "class=up-next",
            "<h2>Council votes</h2><div class=entry-content>",
        );
        assert!(
            body_texts(&article_of(up_next))
                .iter()
                .all(|t| !t.starts_with("Paragraph"))
        );
        let subhead = page("class=article-body style=\"display: none\"", "").replace(
            "<p>Paragraph 1 ",
            "<h2>What the rules change</h2><p>Paragraph 1 ",
        );
        assert!(
            body_texts(&article_of(subhead))
                .iter()
                .any(|t| t.starts_with("Paragraph 6"))
        );
        // A "next story" template around a named body opening on a subhead, while the page
        // shows a story body of its own, is another story.
        let next = wrapped(
            "class=next-story",
            "<div class=article-body><h2>Council votes</h2>",
        )
        .replace(
            "<p class=excerpt>",
            "<div class=article-body><p class=excerpt>",
        )
        .replace("the rules.</p>", "the rules.</p></div>");
        assert!(
            body_texts(&article_of(next))
                .iter()
                .all(|t| !t.starts_with("Paragraph"))
        );
        // An ellipsis inside a sentence cuts nothing short: the lede stays.
        let lede = format!("<p class=lede>{cut}... and not ever, he told reporters that day.</p>");
        let a = article_of(page("id=articleBody style=\"display: none\"", &lede));
        assert!(
            body_texts(&a)
                .iter()
                .any(|t| t.ends_with("reporters that day."))
        );
        // Another story hidden outside the one shown (an "up next" story after `<main>`, the
        // page's footer beside it) is not this page's.
        let footer = "<footer><p>Our newsroom is independent. ".repeat(10) + "</p></footer>";
        let next = page("class=modal hidden", "").replace(
            "</main>",
            &format!("</main><div class=article-body style=\"display:none\">{story}</div>{footer}"),
        );
        assert!(
            body_texts(&article_of(next))
                .iter()
                .all(|t| !t.starts_with("Paragraph"))
        );
    }

    #[test]
    fn an_undeclared_language_is_read_from_the_article_not_the_headline() {
        // A headline of names and a borrowed word says little; the body says Portuguese.
        let page = "<html><head><title>Calendário Stock Car 2018</title></head><body><article>\
            <h1>Calendário Stock Car 2018</h1><p>A temporada de 2018 da Stock Car terá doze \
            etapas, com a abertura marcada para o mês de março em Interlagos, e a final será \
            disputada no fim do ano. Os pilotos que não correram na última etapa da temporada \
            passada também estão na lista de inscritos.</p></article></body></html>";
        let a = article_of(page);
        assert_eq!(a.lang.as_deref(), Some("pt"));
        assert_eq!(a.dir, Some(marsad_model::Dir::Ltr));
        // A declared language stands, whatever the text.
        let a = article_of(page.replace("<html>", "<html lang=\"es\">"));
        assert_eq!(a.lang.as_deref(), Some("es"));
        // An Arabic page without `lang`: by script, from the body.
        let a = article_of(
            "<html><head><title>Reuters</title></head><body><article><h1>Reuters</h1>\
             <p>قال وزير الخارجية إن المفاوضات ستستأنف الأسبوع المقبل في القاهرة بمشاركة \
             وفود من عدة دول عربية وأجنبية.</p></article></body></html>",
        );
        assert_eq!(a.lang.as_deref(), Some("ar"));
        assert_eq!(a.dir, Some(marsad_model::Dir::Rtl));
    }

    #[test]
    fn a_bio_key_leaves_markup_out() {
        let key = |t: &str| bio_key(t).map(|k| k.join(" "));
        assert_eq!(
            key("<p>Jane <b>Doe</b> is a writer living in the city.</p>").as_deref(),
            Some("jane doe is a writer living in the")
        );
        assert_eq!(key("<p>Too short.</p>"), None);
    }

    #[test]
    fn the_authors_bio_the_metadata_gives_is_not_the_article() {
        const PARA: &str = "<p>The council met on Monday to discuss the new bridge, and after a \
            long debate it voted to delay the work until the spring, citing the cost of steel, \
            which has doubled since the plans were first drawn up.</p>";
        const BIO: &str = "Rebecca Norris is a full-time freelance writer living in the \
            Washington, D.C. metro area, where she covers homes and gardens.";
        let page = |described: bool| {
            let desc = if described {
                format!(",\"description\":\"<p>{BIO}</p>\"")
            } else {
                String::new()
            };
            format!(
                "<html><head><script type=\"application/ld+json\">{{\"@type\":\"NewsArticle\",\
                 \"headline\":\"Bridge delayed\",\"author\":{{\"@type\":\"Person\",\
                 \"name\":\"Rebecca Norris\"{desc}}}}}</script></head><body><article>\
                 {PARA}{PARA}{PARA}<div><p>{BIO}</p></div></article></body></html>"
            )
        };
        let a = extract(page(true).as_bytes(), &Options::default())
            .unwrap()
            .article;
        assert_eq!(a.body.len(), 3, "{:?}", body_texts(&a));
        assert!(
            a.chrome
                .iter()
                .any(|d| d.text.starts_with("Rebecca Norris is") && d.reason == Reason::Boilerplate)
        );
        // Without the metadata the paragraph is read as any other.
        let a = extract(page(false).as_bytes(), &Options::default())
            .unwrap()
            .article;
        assert!(
            body_texts(&a)
                .iter()
                .any(|t| t.starts_with("Rebecca Norris is"))
        );
    }

    #[test]
    fn inline_hidden_text_goes_to_chrome_with_its_span() {
        let page = "<html><body><article><p>دعا وزير الخارجية الروسي إلى وقف فوري لإطلاق النار \
            في إدلب<span style=\"display:none\">نص مخفي للروبوتات</span>، وقال إن الحل سياسي وإن \
            بلاده تدعم الحوار بين الأطراف كافة، بحسب ما نقلت وكالات الأنباء.</p></article>\
            </body></html>";
        let x = extract(page.as_bytes(), &Options::default()).unwrap();
        let a = x.article;
        assert_eq!(a.body.len(), 1);
        assert!(!a.body[0].text.contains("مخفي"), "{}", a.body[0].text);
        assert!(
            a.body[0].text.contains("في إدلب، وقال"),
            "{}",
            a.body[0].text
        );
        let d = a
            .chrome
            .iter()
            .find(|d| d.text == "نص مخفي للروبوتات")
            .unwrap();
        assert_eq!(d.reason, Reason::Hidden);
        assert_eq!(&page[d.span.start..d.span.end], "نص مخفي للروبوتات");
    }

    #[test]
    fn a_date_line_above_the_first_paragraph_is_the_stamp_unless_posts_repeat_it() {
        const PARA: &str = "The council met on Monday to discuss the new bridge, and after a long \
            debate it voted to delay the work until the spring, citing the cost of steel, \
            which has doubled since the plans were first drawn up.";
        let body_of = |page: &str| -> Vec<String> {
            let a = extract(page.as_bytes(), &Options::default())
                .unwrap()
                .article;
            a.body.iter().map(|b| b.text.clone()).collect()
        };
        // An article whose metadata dates it: the visible byline-and-date line is its stamp
        // again, not its text.
        let article = format!(
            "<html><head><meta property=article:published_time content=2025-12-17T09:00:00Z>\
             </head><body><article><p>by Natalia Keogan in Local News on Dec 17, 2025</p>\
             <p>{PARA}</p><p>{PARA} Again.</p></article></body></html>"
        );
        let body = body_of(&article);
        assert!(
            body.iter().any(|t| t.starts_with("The council")),
            "{body:?}"
        );
        assert!(!body.iter().any(|t| t.contains("Natalia")), "{body:?}");
        // A thread: every post opens with its author and date; the first one stays too.
        let thread = format!(
            "<html><head><meta property=article:published_time content=2024-09-05T23:15:00Z>\
             </head><body><div class=posts><p>DaleJack posted on September 5, 2024, 11:15pm</p>\
             <p>{PARA}</p><p>MikeMcQ posted on September 6, 2024, 8:02am</p><p>{PARA} Yes.</p>\
             </div></body></html>"
        );
        let body = body_of(&thread);
        assert!(body.iter().any(|t| t.contains("DaleJack")), "{body:?}");
        assert!(body.iter().any(|t| t.contains("MikeMcQ")), "{body:?}");
    }

    #[test]
    fn a_q_and_a_sites_prompts_under_a_question_are_chrome() {
        // The prompts a Q&A site sets under a question, inside its content, are interface
        // lines, not the question's text.
        let page = "<html><body><div class=question><h1>DHCP gives no DNS record</h1>\
            <p>The server hands out addresses, but the clients never get a DNS A record, even \
            though dynamic updates are on, and the zone allows them.</p>\
            <p>Log in to answer this question.</p>\
            <p>See similar questions with these tags.</p></div></body></html>";
        let a = article_of(page);
        let body = body_texts(&a);
        assert!(body.iter().any(|t| t.starts_with("The server")), "{body:?}");
        assert!(
            !body.iter().any(|t| t.contains("Log in to answer")),
            "{body:?}"
        );
        assert!(
            !body.iter().any(|t| t.contains("similar questions")),
            "{body:?}"
        );
    }

    #[test]
    fn a_headline_written_once_per_screen_size_is_said_once() {
        // An animated headline: a mobile copy and a desktop copy for the eye (aria-hidden),
        // and a copy for screen readers, all inside one h1.
        let page = "<html><head><title>Acme – Plans for teams</title></head><body><main>\
            <h1><span aria-hidden=true><span class=show-mobile>The product</span> \
            <span class=show-mobile>system for teams</span> <span class=hide-mobile>The product \
            system for teams</span></span> <span class=visually-hidden>The product system for \
            teams</span></h1><p>Purpose-built for planning and building products, with the \
            tools a team needs from the first idea to the day it ships and long after.</p>\
            <h2><span class=show-mobile>Made for agents</span> <span class=hide-mobile>Made \
            for agents</span></h2><p>Agents pick up issues, write the change and open a review, \
            while the team keeps the plan, the priorities and the final word on what ships.</p>\
            </main></body></html>";
        let a = article_of(page);
        assert_eq!(a.title.unwrap().text, "The product system for teams");
        let heads: Vec<&str> = a
            .body
            .iter()
            .filter(|b| b.kind == BlockKind::Heading)
            .map(|b| b.text.as_str())
            .collect();
        assert_eq!(heads, ["Made for agents"]);
    }

    #[test]
    fn schema_breadcrumbs_and_more_from_boxes_are_not_the_story() {
        let page = format!(
            r#"<html><body><article>
            <ol itemscope itemtype="https://schema.org/BreadcrumbList"><li>World news</li>
            <li>Local government</li></ol><h1>Council expands bus network</h1>
            <p>{COUNCIL}</p><p>{COUNCIL}</p>
            <div class="more-from-section"><p>Another story from the same section today</p></div>
            <div class="you-may-like"><p>A story picked for you by our editors</p></div>
            </article></body></html>"#
        );
        let a = article_of(page);
        assert_eq!(body_texts(&a), [COUNCIL, COUNCIL]);
        let reason = |t: &str| a.chrome.iter().find(|c| c.text == t).map(|c| c.reason);
        assert_eq!(reason("Local government"), Some(Reason::Nav));
        assert_eq!(
            reason("A story picked for you by our editors"),
            Some(Reason::Related)
        );
    }

    #[test]
    fn a_marked_block_by_itself_is_no_wrapper() {
        // On a page of little text an ad slot holds most of it: still an ad, not a wrapper.
        let page = r#"<html><body><article><p>Short note.</p>
            <div id="google_ads">Buy the best shoes now</div></article></body></html>"#;
        assert_eq!(body_texts(&article_of(page)), ["Short note."]);
    }

    #[test]
    fn a_forums_edit_notices_and_reader_list_are_chrome() {
        const REPLY: &str = "The new routes should have come years ago, and the buses must run \
            late into the evening too, or the people who work night shifts will not use them.";
        let page = format!(
            r#"<html><body><div class="topic"><h1>Season thread</h1>
            <div class="post"><p>{COUNCIL}</p>
            <div class="notice">Last edited by Minoa on Tue Aug 27, 2019 10:03 pm, edited 1 time in total.</div></div>
            <div class="post"><p>{REPLY}</p>
            <div class="notice">التعديل الأخير تم بواسطة سامي ; 12-03-2019 الساعة 10:15 PM</div></div>
            <h3>Who is online</h3><p>Users browsing this forum: Camtropia, Cro09 and 3 guests</p>
            </div></body></html>"#
        );
        let a = article_of(page);
        assert_eq!(body_texts(&a), [COUNCIL, REPLY]);
        let reason = |t: &str| {
            a.chrome
                .iter()
                .find(|c| c.text.starts_with(t))
                .map(|c| c.reason)
        };
        // (Notices with a date may be read as a stamp: metadata.)
        assert!(reason("Last edited by").is_some());
        assert!(reason("التعديل الأخير").is_some());
        assert_eq!(reason("Users browsing"), Some(Reason::Nav));
    }

    #[test]
    fn marked_boilerplate_stays_out_of_the_last_resort_pass() {
        // Too little text for the first pass to trust: every visible block is taken, but not a
        // menu or an ad marked by its own class, nor fine print or a share widget marked by
        // an element around it.
        let page = r#"<html><body><div class="navbar">Home News Sport</div>
            <article><p>Short note.</p>
            <div class="copyright"><span>Copyright 2025 Paper</span></div>
            <div class="social-share"><p>Share this</p></div>
            <div id="google-ads">Buy now</div><p>Signed, the editor</p></article>
            </body></html>"#;
        let a = article_of(page);
        assert_eq!(body_texts(&a), ["Short note.", "Signed, the editor"]);
        assert!(
            a.chrome
                .iter()
                .any(|c| c.text == "Copyright 2025 Paper" && c.reason == Reason::Boilerplate)
        );
    }

    #[test]
    fn a_shop_themes_interface_lines_are_chrome() {
        // A product page of a shop theme carries its cart drawer, skip link and screen-reader
        // notes inside the product's section.
        let page = "<html><body><main><section class=product><h2>Item added to your cart</h2>\
            <p>Skip to product information</p><h1>Dark Roast Coffee</h1>\
            <p>Meet the yin to your yang: a bold and smooth dark roast brewed from organic, \
            fair-trade beans, roasted in small batches so every bag tastes the same.</p>\
            <p>Unit price / per</p><p>View full details</p>\
            <p>Choosing a selection results in a full page refresh. Opens in a new window.</p>\
            <h3>Oops! Something went wrong. Please try again.</h3></section></main>\
            </body></html>";
        let a = article_of(page);
        let body = body_texts(&a);
        assert!(
            body.iter().any(|t| t.starts_with("Meet the yin")),
            "{body:?}"
        );
        for ui in [
            "Item added",
            "Skip to",
            "Unit price",
            "View full",
            "Choosing",
            "Oops",
        ] {
            assert!(!body.iter().any(|t| t.starts_with(ui)), "{ui}: {body:?}");
            assert!(a.chrome.iter().any(|d| d.text.starts_with(ui)), "{ui}");
        }
    }

    #[test]
    fn the_headlines_article_in_a_wider_container_is_the_story() {
        // An old news page that declares no article: one wrapper holds the story, an
        // `<article>` headed by an `<h3>` (the page title's first part), and a box of other
        // news in sentences. The wrapper scores best; the story is the headline's article.
        let page = "<html><head><title>Council approves the new harbour plan | Island Daily\
            </title></head><body><header><a href=/>Island Daily</a></header>\
            <section class=content><article><h3>Council approves the new harbour plan</h3>\
            <p>The island council approved the new harbour plan on Tuesday, after two years of \
            hearings and a vote that split the chamber down the middle.</p>\
            <p>The plan moves the ferry terminal to the north quay, widens the breakwater and \
            sets aside the old fish market for a public square, the mayor said.</p>\
            <p>Work on the breakwater would start next spring and last three years; the \
            terminal would follow once the new quay is finished, according to the plan.</p>\
            <p>Harbour businesses welcomed the vote, saying the square would bring visitors \
            back to a part of town that has emptied since the market closed.</p>\
            <p>Opponents said the cost, put at forty million euros, would fall on residents, \
            and promised to take the decision to the regional court.</p></article>\
            <div class=box><h2>Also in the news</h2>\
            <p>Storm warnings were lifted on Monday evening, and the ferries will sail again \
            from Wednesday morning, the port authority said.</p>\
            <p>The summer festival will return to the old town in July, with concerts every \
            night in the main square and a market on the quay.</p>\
            <p>Two new bus lines will link the airport with the northern villages from next \
            month, the transport office announced.</p>\
            <p>The library reopens after its renovation, with a larger children's room, a café \
            and longer opening hours on weekends.</p></div></section></body></html>";
        let a = article_of(page);
        let body = body_texts(&a);
        assert_eq!(body.len(), 6, "{body:?}");
        assert!(body[1].starts_with("The island council"), "{body:?}");
        assert!(body[5].starts_with("Opponents said"), "{body:?}");
        for other in ["Also in the news", "Storm warnings", "The library"] {
            assert!(
                !body.iter().any(|t| t.starts_with(other)),
                "{other}: {body:?}"
            );
        }
    }

    #[test]
    fn a_figure_with_a_lazy_picture_an_off_screen_label_and_a_credit_class() {
        // BBC's figures: no image element but a placeholder holding the picture's address,
        // the credit in an element of its own after an off-screen "Image copyright", the
        // caption after an off-screen "Image caption" with no comma.
        let page = "<html><head><meta property=og:type content=article></head><body>\
            <article><h1>Storm hits coast</h1>\
            <p>A powerful storm hit the coast on Sunday, cutting power to thousands of homes \
            and closing the main roads along the shore.</p>\
            <figure><span class=image-and-copyright-container>\
            <div class=js-delayed-image-load data-alt=\"Waves over the wall\" \
            data-src=\"https://example.com/news/320/waves.jpg\"></div>\
            <span class=off-screen>Image copyright</span> \
            <span class=story-image-copyright>EPA</span></span>\
            <figcaption><span class=off-screen>Image caption</span> \
            <span>Waves broke over the harbour wall</span></figcaption></figure>\
            <p>Emergency services said they had rescued several people from flooded cars, and \
            warned residents to stay indoors until the evening.</p>\
            <figure><iframe data-src=\"https://www.youtube.com/embed/abc\"></iframe>\
            <figcaption>Video: the storm from the air</figcaption></figure>\
            </article></body></html>";
        let a = article_of(page);
        assert_eq!(a.figures.len(), 1, "{:?}", a.figures);
        let f = &a.figures[0];
        assert_eq!(f.src.text, "https://example.com/news/320/waves.jpg");
        assert_eq!(
            f.alt.as_ref().map(|t| t.text.as_str()),
            Some("Waves over the wall")
        );
        assert_eq!(
            f.caption.as_ref().map(|t| t.text.as_str()),
            Some("Waves broke over the harbour wall")
        );
        assert_eq!(f.credit.as_ref().map(|t| t.text.as_str()), Some("EPA"));
        assert!(
            !a.chrome.iter().any(|d| d.text.contains("copyright")),
            "{:?}",
            a.chrome
        );
    }

    #[test]
    fn error_report_widgets_in_other_languages_are_interface() {
        // A Latvian story closed by its typo-report widget (heading and prompt), and a
        // Chinese one closed by its correction-report link.
        let lv = "<html lang=lv><body><article><h1>Nogruvums Norvēģijā</h1>\
            <p>Glābšanas darbus, kas vēl joprojām turpinās, apgrūtina nestabilā grunts un \
            lietus, kas nelielajā ciematā līst jau vairākas dienas.</p>\
            <p>Nogruvuma rezultātā izveidojusies dziļa, 700 metrus gara plaisa, kurā iegāzās \
            vairākas mājas.</p><div class=report><strong>Kļūda rakstā?</strong>\
            <p>Iezīmējiet tekstu un spiediet uz Ziņot par kļūdu pogas, lai nosūtītu labojamo \
            teksta fragmentu redaktoram!</p></div></article></body></html>";
        let a = article_of(lv);
        let body = body_texts(&a);
        assert_eq!(body.len(), 2, "{body:?}");
        for ui in ["Kļūda rakstā?", "Iezīmējiet tekstu"] {
            assert!(
                a.chrome
                    .iter()
                    .any(|d| d.text.starts_with(ui) && d.reason == Reason::Ui),
                "{ui}"
            );
        }
        let zh = "<html lang=zh><body><article><h1>短缺药品保供稳价</h1>\
            <p>据了解，短缺药品信息监测共享正在多维度推进。国家卫生健康委依托全国公立医疗卫生机构短缺药品信息直报系统，\
            持续监测短缺药品信息。</p>\
            <p>同时，多环节发挥短缺药品清单抓手作用。国家医保局密切监测国家短缺药品清单和临床必需易短缺药品重点监测清单。</p>\
            <div id=articleEdit><a href=#>【纠错】</a> 【责任编辑:张樵苏 】</div></article></body></html>";
        let a = article_of(zh);
        let body = body_texts(&a);
        assert_eq!(body.len(), 2, "{body:?}");
        assert!(a.chrome.iter().any(|d| d.text.starts_with("【纠错】")));
    }

    #[test]
    fn the_headlines_article_is_not_the_story_on_a_listing_or_a_thread() {
        // A listing's intro in an `<article>` holding the h1, over a grid of linked cards:
        // the cards are what the page lists.
        let cards: String = (0..12)
            .map(|i| {
                format!(
                    "<div class=card><h3><a href=/p/{i}>Trail Runner Model {i} for women</a></h3>\
                     <p class=price>$ 9{i}.00</p></div>"
                )
            })
            .collect();
        let page = format!(
            "<html><head><title>Women's Trail Running Shoes | Peak Outfitters</title></head>\
             <body><header><a href=/>Peak Outfitters</a> <nav><a href=/men>Men</a> \
             <a href=/women>Women</a></nav></header>\
             <main><article class=intro><h1>Women's Trail Running Shoes</h1>\
             <p>Our trail running shoes for women are built for grip on wet rock and loose \
             gravel, with cushioning that lasts for hundreds of miles, and uppers that drain \
             quickly after stream crossings.</p>\
             <p>Not sure which pair is right for you? Our staff test every model on local \
             trails, and you can return any unworn pair within sixty days for a full \
             refund.</p></article>\
             <div class=grid>{cards}</div></main></body></html>"
        );
        let a = article_of(&page);
        let body = body_texts(&a);
        assert!(
            body.iter().any(|t| t.starts_with("Trail Runner Model 11")),
            "{body:?}"
        );
        // A Q&A page: the question's `<article>` holds the h1 and most of the text; the
        // answers are the content too.
        let para = "My dough rises well overnight in the fridge, but it spreads flat as soon as \
                    it goes into the oven, whatever the hydration or the flour I use for it.";
        let page = format!(
            "<html><head><script type=application/ld+json>{{\"@type\":\"QAPage\"}}</script>\
             </head><body><main><article class=question><h1>How do I stop my sourdough \
             spreading?</h1><p>{para}</p><p>{para}</p><p>{para}</p><p>{para}</p><p>{para}</p>\
             <p>{para}</p><p>{para}</p></article>\
             <article class=answer><p>It sounds over-proofed: shorten the cold retard by a few \
             hours and bake straight from the fridge.</p></article></main></body></html>"
        );
        let a = article_of(&page);
        let body = body_texts(&a);
        assert!(
            body.iter().any(|t| t.starts_with("It sounds over-proofed")),
            "{body:?}"
        );
    }

    #[test]
    fn lazy_players_avatars_and_credit_wrappers_are_no_pictures_or_credits() {
        // A player's lazy placeholder and a quote's avatar are no figures; a credit-classed
        // wrapper holding the caption is no credit, nor a "©" toggle; a source span in a
        // story's first paragraph, beside a loose caption, stays in the paragraph.
        let page = "<html><head><meta property=og:type content=article></head><body>\
            <article><h1>Storm hits coast</h1><div class=story-body>\
            <p><span class=article-source>LONDON (Reuters)</span> - A powerful storm hit the \
            coast on Sunday, cutting power to thousands of homes along the shore.</p>\
            <img src=/waves.jpg width=800><figcaption>Waves over the wall</figcaption>\
            <figure><div class=rll-youtube-player \
            data-src=\"https://www.youtube.com/embed/XYZ\"></div>\
            <figcaption>The storm from the air</figcaption></figure>\
            <figure class=quote><div class=\"avatar lazyload\" data-src=/people/jane.jpg></div>\
            <blockquote><p>We will rebuild the harbour wall before the next winter, whatever \
            it costs to the town.</p></blockquote><figcaption>Jane Doe, mayor</figcaption></figure>\
            <figure><img src=/flood.jpg width=800><button class=copyright-toggle>©</button>\
            <div class=caption-and-credit><p class=caption>Flooded cars on the seafront \
            (Reuters)</p></div></figure>\
            <p>Emergency services said they had rescued several people from flooded cars, and \
            warned residents to stay indoors until the evening.</p></div></article></body></html>";
        let a = article_of(page);
        let srcs: Vec<&str> = a.figures.iter().map(|f| f.src.text.as_str()).collect();
        assert_eq!(srcs, ["/waves.jpg", "/flood.jpg"], "{:?}", a.figures);
        let body = body_texts(&a);
        assert!(
            body.iter()
                .any(|t| t.starts_with("LONDON (Reuters) - A powerful")),
            "{body:?}"
        );
        assert_eq!(a.figures[0].credit, None);
        assert_ne!(
            a.figures[1].credit.as_ref().map(|t| t.text.as_str()),
            Some("©")
        );
    }

    #[test]
    fn credits_captions_and_notices_keep_the_storys_words() {
        // A figure with a caption and a note ending in a credit span: the note stays in the
        // body. A caption beside a credit span keeps its own punctuation and loses a label
        // left before the credit. A lazy picture without a file ending is a picture.
        let page = "<html><head><meta property=og:type content=website></head><body><main>\
            <article><h1>Storm hits coast</h1>\
            <p>A powerful storm hit the coast on Sunday, cutting power to thousands of homes \
            and closing the main roads along the shore.</p>\
            <figure><img src=/flood.jpg width=800><figcaption>Flooded cars</figcaption>\
            <p class=photo-note>The picture was taken from a rescue helicopter shortly after \
            noon. <span class=photo-credit>Jane Roe</span></p></figure>\
            <figure><img src=/mayor.jpg width=800><p>Mayor Jane Doe (left) and the fire chief \
            (right). Photo: <span class=photo-credit>AP</span></p></figure>\
            <figure><div class=lazy data-src=\"/_next/image?url=%2Fwaves&amp;w=1200\"></div>\
            <figcaption>Waves over the wall</figcaption></figure>\
            <p><strong>Out of stock</strong></p><p>Shops ran out of sandbags by the evening, \
            and the council opened its depot to residents.</p>\
            <p>The judge ruled on who owns the copyright: Warner Music Group.</p>\
            <p>التعليقات المنشورة لا تعبر عن رأي الموقع، لكنه يتحمل مسؤوليتها بموجب المادة 12.</p>\
            <p>Users who do not agree to the updated <a href=/topic/terms>terms of service</a> \
            and <a href=/topic/privacy>privacy policy</a> by May 15 will lose features, the \
            company said.</p></article></main></body></html>";
        let a = article_of(page);
        let body = body_texts(&a);
        for kept in [
            "The picture was taken",
            "Out of stock",
            "The judge ruled",
            "التعليقات المنشورة",
            "Users who do not agree",
        ] {
            assert!(body.iter().any(|t| t.starts_with(kept)), "{kept}: {body:?}");
        }
        let caption = |i: usize| a.figures[i].caption.as_ref().map(|c| c.text.as_str());
        assert_eq!(a.figures.len(), 3, "{:?}", a.figures);
        assert_eq!(caption(0), Some("Flooded cars"));
        assert_eq!(
            caption(1),
            Some("Mayor Jane Doe (left) and the fire chief (right).")
        );
        assert_eq!(
            a.figures[1].credit.as_ref().map(|c| c.text.as_str()),
            Some("AP")
        );
        assert_eq!(caption(2), Some("Waves over the wall"));
    }

    #[test]
    fn a_footer_inside_the_content_is_chrome() {
        // A blog post on a page that declares no article: its `<footer>` holds the author's
        // box (a linked name over a line as long as a sentence) and the tags.
        let page = "<html><body><main><article><h1>Cider and the law</h1>\
            <p>Since December a small network has been sending warning letters over images \
            published under a Creative Commons licence with a missing attribution line.</p>\
            <p>We looked at the letters, the firms behind them and the people who run them, \
            and we publish what we found for everyone who received one.</p>\
            <footer><h3><a href=/author/mr>Markus Reuter</a></h3>\
            <p><a href=/author/mr>Markus Reuter writes about digital rights, surveillance and \
            civil liberties, and has been an editor here since March 2016.</a></p>\
            <p>Published 23.06.2016 at 16:14</p>\
            <ul><li><a href=/tag/cc>Creative Commons</a></li><li><a href=/tag/law>Law</a></li>\
            </ul></footer></article></main></body></html>";
        let a = article_of(page);
        let body = body_texts(&a);
        assert!(
            body.iter().any(|t| t.starts_with("Since December")),
            "{body:?}"
        );
        assert!(body.iter().any(|t| t.starts_with("We looked")), "{body:?}");
        for footer in ["Markus Reuter", "Published 23.06", "Creative Commons"] {
            assert!(
                !body.iter().any(|t| t.starts_with(footer)),
                "{footer}: {body:?}"
            );
        }
    }

    #[test]
    fn shop_words_in_a_story_stay() {
        // A story about a shortage: its section headings and lines use a shop's words.
        let page = "<html><head><meta property=og:type content=article></head><body><article>\
            <h1>The great console shortage</h1>\
            <p>Retailers say the new console will be hard to find until spring, as factories \
            struggle to keep up with orders placed months ago.</p>\
            <h2>Sold out</h2><p>Every major chain listed the console as unavailable within \
            minutes of the launch on Friday morning, according to a tracking site.</p>\
            <h2>Free shipping</h2><p>Some shops now waive delivery fees on preorders to keep \
            customers from cancelling while they wait for new stock.</p>\
            <p><strong>Out of stock</strong></p><p>Smaller shops say their last deliveries \
            sold within an hour, and they cannot say when the next ones will come.</p>\
            <p>Compare:</p><ul><li>Compare products by their unit price, not by the size of \
            the pack or the discount printed on the box.</li></ul></article></body></html>";
        let a = article_of(page);
        let body = body_texts(&a);
        for kept in [
            "Sold out",
            "Free shipping",
            "Out of stock",
            "Compare:",
            "Compare products by",
        ] {
            assert!(body.iter().any(|t| t.starts_with(kept)), "{kept}: {body:?}");
        }
    }

    #[test]
    fn a_comment_sections_notices_are_boilerplate() {
        // A story on an Arabic news site, opened by its writer's note; under it, the comment
        // section's notice links the site's rules and legal pages, and its disclaimer says the
        // comments are their writers' views. A paragraph of the story linking one of the
        // legal pages stays, and so does the writer's note (the views are the writer's).
        let page = "<html lang=ar dir=rtl><body><article><h1>عنوان المقال</h1>\
            <p>هذا المقال بقلم سامي خليل، والآراء الواردة أدناه تعبر عن رأي الكاتب، ولا تعكس \
            بالضرورة وجهة نظر الموقع.</p>\
            <p>شهدت العاصمة يوم الأحد اجتماعاً موسعاً لممثلي الفصائل لبحث ترتيبات المرحلة \
            المقبلة، وقال المشاركون إن الحوار سيستمر حتى الوصول إلى اتفاق شامل.</p>\
            <p>وأكد البيان الختامي أن اللجنة ستنشر تقريرها خلال أسبوعين، وفق \
            <a href=/privacy.html>سياسة الخصوصية</a> المعتمدة لدى الهيئة.</p>\
            <div><p>ترحب الشبكة بالنقاش الحيوي والمفيد. ننصحك بمراجعة \
            <a href=/guidelines.html>إرشادات الاستخدام</a> للتعرف إليها جيداً، استنادا إلى \
            <a href=/privacy.html>سياسة الخصوصية</a> بما يتوافق مع \
            <a href=/terms.html>شروط استخدام الموقع</a>.</p>\
            <p>الآراء الواردة أدناه لا تعبر عن رأي موقع الشبكة، بل تعكس وجهات نظر أصحابها فقط.</p>\
            </div><div class=fb-comments></div></article></body></html>";
        let a = article_of(page);
        let body = body_texts(&a);
        for kept in ["هذا المقال بقلم", "شهدت العاصمة", "وأكد البيان"]
        {
            assert!(body.iter().any(|t| t.starts_with(kept)), "{kept}: {body:?}");
        }
        for notice in ["ترحب الشبكة", "الآراء الواردة أدناه لا تعبر"]
        {
            assert!(
                !body.iter().any(|t| t.starts_with(notice)),
                "{notice}: {body:?}"
            );
            assert!(
                a.chrome
                    .iter()
                    .any(|d| d.text.starts_with(notice) && d.reason == Reason::Boilerplate),
                "{notice}"
            );
        }
    }

    #[test]
    fn policy_pages_named_in_a_story_stay() {
        // Stories reporting on a company's policies link its pages on its own site, name them
        // in their sentences, quote a disclaimer or head a section with such a name; an
        // op-ed's note disclaims the site's view. None of them is a notice.
        let page = "<html><head><link rel=canonical href=https://news.example.com/a/1>\
            <meta property=og:type content=article></head><body><article><h1>Meta changes its rules</h1>\
            <p>Meta said on Monday it would start using public posts from adults in Europe to \
            train its models, starting next month.</p>\
            <p>The company quietly rewrote its <a href=https://www.facebook.com/privacy/policy>\
            Privacy Policy</a> and its <a href=https://www.facebook.com/terms>Terms of \
            Service</a> last week to allow the change.</p>\
            <p>ونشرت الشركة النص الكامل لـ<a href=https://www.whatsapp.com/legal/privacy>سياسة \
            الخصوصية</a> الجديدة و<a href=https://www.whatsapp.com/legal/terms>شروط \
            الاستخدام</a> على موقعها.</p>\
            <p>The changes let the app share more data, according to the \
            <a href=/topic/privacy-policy>privacy policy</a> published in January; users who \
            refuse the updated <a href=/topic/terms-of-service>terms of service</a> will lose \
            some features.</p>\
            <p>وقال المتحدث باسم الحكومة إن التعليقات المنشورة تعبر عن آراء أصحابها.</p>\
            <h2>إرشادات الاستخدام</h2><p>ينصح الأطباء بعدم تجاوز الجرعة اليومية القصوى، وهي \
            أربعة غرامات للبالغين.</p>\
            <p>هذا المقال بقلم سامي خليل، والآراء الواردة فيه تعبر عن رأي الكاتب ولا تعبر \
            بالضرورة عن رأي الموقع.</p></article></body></html>";
        let a = article_of(page);
        let body = body_texts(&a);
        for kept in [
            "The company quietly",
            "The changes let",
            "ونشرت الشركة",
            "وقال المتحدث",
            "إرشادات الاستخدام",
            "هذا المقال بقلم",
        ] {
            assert!(body.iter().any(|t| t.starts_with(kept)), "{kept}: {body:?}");
        }
    }

    #[test]
    fn a_product_pages_buy_box_lines_are_chrome() {
        // The buy box beside a product's description: stock, delivery and seller lines and
        // its buttons, each a block of its own.
        let page = "<html><body><main><div class=product><h1>Stoneware Coffee Mug</h1>\
            <p>Each mug is thrown by hand on the wheel from local clay and glazed in a speckled \
            cream, so no two are quite alike. It holds twelve ounces of coffee or tea.</p>\
            <p>In stock</p><p>Add to cart</p><p>Free shipping</p>\
            <p>Order today to get by Mar 17-27</p><p>Ships from: Portugal</p>\
            <p>Returns &amp; exchanges accepted within 30 days</p>\
            <p>Dishwasher and microwave safe; hand washing keeps the glaze bright for longer.</p>\
            <p>Write a review</p></div></main></body></html>";
        let a = article_of(page);
        let body = body_texts(&a);
        assert!(body.iter().any(|t| t.starts_with("Each mug")), "{body:?}");
        assert!(body.iter().any(|t| t.starts_with("Dishwasher")), "{body:?}");
        for ui in [
            "In stock",
            "Add to cart",
            "Free shipping",
            "Order today",
            "Ships from",
            "Returns",
            "Write a review",
        ] {
            assert!(!body.iter().any(|t| t.starts_with(ui)), "{ui}: {body:?}");
            assert!(
                a.chrome
                    .iter()
                    .any(|d| d.text.starts_with(ui) && d.reason == Reason::Ui),
                "{ui}"
            );
        }
    }

    #[test]
    fn a_landing_pages_linked_cards_beside_its_intro_join_it() {
        // A services page (no article declared): an intro of two paragraphs, then a grid of
        // cards, each a link around a title and a sentence. The first pass keeps the intro
        // only (a sixth of the text); the links pass widens it to the grid's common parent.
        let card = |name: &str| {
            format!(
                "<div class=card><a href=/{name}><h3>{name}</h3><p>Our {name} practice helps \
                 clients plan, build and run what they need, from the first idea to the day it \
                 ships and long after that.</p></a></div>"
            )
        };
        let cards: String = [
            "Audit",
            "Tax",
            "Consulting",
            "Risk",
            "Strategy",
            "Cloud",
            "Data",
            "Payroll",
            "Legal",
            "Design",
        ]
        .iter()
        .map(|n| card(n))
        .collect();
        let page = format!(
            "<html><body><div class=site><div class=wrap>\
             <div class=intro><h2>Vast services. Real results.</h2>\
             <p>We see every challenge as an opportunity for growth, and our people combine \
             innovation and insight to solve the toughest problems our clients bring us.</p>\
             <p>Whether you are starting up or among the largest companies, tap into a broad \
             range of services and solutions to help your business thrive.</p>\
             <p>Explore what we do below, or talk to one of our teams about your next step.</p>\
             </div>\
             <div class=grid>{cards}</div></div></div></body></html>"
        );
        let a = article_of(page);
        let body = body_texts(&a);
        assert!(
            body.iter().any(|t| t.starts_with("We see every")),
            "{body:?}"
        );
        assert!(
            body.iter()
                .any(|t| t.starts_with("Our Consulting practice")),
            "{body:?}"
        );
    }

    #[test]
    fn a_q_and_a_sites_answer_form_is_chrome() {
        // The answer form under a Q&A site's answers (its heading, the guest fields, the
        // prompt), the edit links under a post and a forum's notice to guests are interface,
        // from the HTML-only phrase list.
        let page = "<html><body><div class=question><h1>Why does the oven smoke?</h1>\
            <p>Every time I bake bread the oven smokes for the first ten minutes, even though I \
            cleaned it last week and the racks are new.</p>\
            <p>Old fat on the floor of the oven burns off first; clean the floor, not the racks, \
            and run it empty at full heat for an hour.</p>\
            <p>Improve this answer</p><p>Improve this question</p>\
            <h2>Your Answer</h2><p>Post as a guest</p><p>Required, but never shown</p>\
            <p>You must log in or register to reply here.</p>\
            <p>Start asking to get answers</p></div></body></html>";
        let a = article_of(page);
        let body = body_texts(&a);
        assert!(body.iter().any(|t| t.starts_with("Old fat")), "{body:?}");
        assert_ui_chrome(
            &a,
            &[
                "Your Answer",
                "Post as a guest",
                "Required, but never shown",
                "Start asking",
                "Improve this answer",
                "Improve this question",
                "You must log in or register",
            ],
        );
    }

    #[test]
    fn the_labels_of_interface_controls_are_chrome_in_document_order() {
        // Buttons, a select's options and a form's labels are never blocks; their text is
        // accounted for in chrome, one entry per control, where it stands on the page.
        let page = "<html><head><title>معرض الكتاب</title></head><body><article>\
            <h1>افتتاح معرض الكتاب</h1><button class=font>+A</button>\
            <p>افتتح وزير الثقافة صباح اليوم معرض الكتاب الدولي بمشاركة أربعين دولة عربية \
            وأجنبية، ويستمر المعرض عشرة أيام في مركز المعارض.</p>\
            <form><label for=c>الدولة</label><select id=c><option>مصر</option>\
            <option>سوريا</option></select><button>  <span>اشترك</span>\
            <span>الآن</span> </button></form>\
            <button hidden>Close menu</button></article></body></html>";
        let a = article_of(page);
        assert_ui_chrome(&a, &["+A", "الدولة", "مصر سوريا", "اشترك الآن"]);
        assert_chrome(&a, &["Close menu"], Reason::Hidden);
        let at = |t: &str| a.chrome.iter().position(|d| d.text == t).unwrap();
        assert!(at("+A") < at("الدولة") && at("الدولة") < at("مصر سوريا"));
        assert!(at("مصر سوريا") < at("اشترك الآن"));
        let d = &a.chrome[at("اشترك الآن")];
        assert_eq!(&page[d.span.start..d.span.start + "اشترك".len()], "اشترك");
        // The document's title is metadata, not a dropped line.
        assert!(!a.chrome.iter().any(|d| d.text == "معرض الكتاب"));
    }

    #[test]
    fn a_text_box_holds_a_value_not_text_of_the_page() {
        // vc.ru's ad settings ship as JSON in a `<textarea>` after the story; a text box's
        // contents are the value a script or a reader types, never a block.
        let settings = r#"[{"id": 1, "label": "Branding desktop", "provider": "adfox", "adaptive": ["desktop"], "params": {"pp": "g", "ps": "bugf"}}, {"id": 2, "label": "Article footer", "provider": "adfox", "adaptive": ["phone", "tablet"]}]"#;
        let page = format!(
            "<html><body><article><h1>Ограничения ЦБ на переводы</h1><p>Ограничения, \
             которые ЦБ ввёл в отношении сервиса, связаны с платежами компаний на игорном \
             рынке, пишет издание со ссылкой на источник.</p></article>\
             <div class=module><textarea air-settings>{}</textarea></div></body></html>",
            settings.repeat(3)
        );
        let a = article_of(&page);
        assert!(
            a.body.iter().all(|b| !b.text.contains("adfox")),
            "{:?}",
            body_texts(&a)
        );
        assert!(
            a.chrome
                .iter()
                .any(|d| d.text.starts_with("[{\"id\": 1") && d.reason == Reason::Ui)
        );
    }

    /// Each of `lines` is in no body block and in a chrome entry dropped as interface.
    fn assert_ui_chrome(a: &Article, lines: &[&str]) {
        assert_chrome(a, lines, Reason::Ui);
    }

    /// Each of `lines` is in no body block and in a chrome entry dropped for `reason`.
    fn assert_chrome(a: &Article, lines: &[&str], reason: Reason) {
        for line in lines {
            assert!(
                !a.body.iter().any(|b| b.text.contains(line)),
                "{line}: {:?}",
                a.body
            );
            assert!(
                a.chrome
                    .iter()
                    .any(|d| d.text.contains(line) && d.reason == reason),
                "{line}"
            );
        }
    }

    #[test]
    fn script_and_browser_notices_are_chrome() {
        // What a page says to a browser without scripts or an old one, and an audio player's
        // label, are no part of the post.
        let page = "<html><body><div class=thread>\
            <p>JavaScript is disabled. For a better experience, please enable JavaScript in \
            your browser before proceeding.</p>\
            <p>You are using an out of date browser. It may not display this or other websites \
            correctly.</p><p>Listen to this article in summarized format</p>\
            <p>Please note: This website includes an accessibility system. Press Control-F11 to \
            adjust the website to people with visual disabilities.</p>\
            <p>I have been running the lathe for a week now, and the tailstock still drifts \
            when I lock it; the gib screws are tight and the ways are clean.</p>\
            <p>Check the clamp plate under the tailstock: a worn one lets it walk under load, \
            and a new plate costs little.</p></div></body></html>";
        let a = article_of(page);
        let body = body_texts(&a);
        assert_eq!(body.len(), 2, "{body:?}");
        assert!(body[0].starts_with("I have been running"), "{body:?}");
        assert_ui_chrome(
            &a,
            &[
                "JavaScript is disabled",
                "out of date browser",
                "Listen to",
                "accessibility system",
            ],
        );
    }

    #[test]
    fn a_blogs_advert_labels_slideshow_fallback_and_post_navigation_are_chrome() {
        let page = "<html><body><div class=entry>\
            <p>The new season's bikes arrived this week, and the first rides on the moor were \
            wet, cold and muddy, which is exactly what we wanted to test them in.</p>\
            <p>Advert</p><p>This slideshow requires JavaScript.</p>\
            <p>The brakes held in the rain, the tyres cleared mud well, and the seat stayed \
            comfortable for four hours in the saddle.</p>\
            <p>Previous Post</p><p>Next Post</p></div></body></html>";
        let a = article_of(page);
        let body = body_texts(&a);
        assert_eq!(body.len(), 2, "{body:?}");
        let reason = |t: &str| a.chrome.iter().find(|d| d.text == t).map(|d| d.reason);
        assert_eq!(reason("Advert"), Some(Reason::Ad));
        assert_eq!(
            reason("This slideshow requires JavaScript."),
            Some(Reason::Ui)
        );
        assert_eq!(reason("Previous Post"), Some(Reason::Nav));
        assert_eq!(reason("Next Post"), Some(Reason::Nav));
    }

    #[test]
    fn an_ad_slots_label_a_feedback_widget_and_an_affiliate_notice_are_chrome() {
        let page = "<html><body><div class=entry>\
            <p>This article contains affiliate links that may earn us a commission.</p>\
            <p>We tested eleven kettles for a month, boiling each one twice a day, and timed how \
            long a full load took to reach a rolling boil.</p>\
            <p>Article continues below advertisement</p>\
            <p>The fastest took under three minutes; the slowest needed almost five, and it was \
            also the loudest of the group.</p>\
            <p>Prices were accurate at the time this article was published.</p>\
            <p>Für Links auf dieser Seite erhält die Redaktion ggf. eine Provision.</p>\
            <p>Was this article helpful?</p><p>Thanks for your feedback!</p>\
            </div></body></html>";
        let a = article_of(page);
        let body = body_texts(&a);
        assert_eq!(body.len(), 2, "{body:?}");
        assert_chrome(&a, &["Article continues below"], Reason::Ad);
        assert_chrome(
            &a,
            &[
                "This article contains affiliate links",
                "Prices were accurate",
                "Für Links auf dieser Seite",
            ],
            Reason::Boilerplate,
        );
        assert_ui_chrome(
            &a,
            &["Was this article helpful?", "Thanks for your feedback"],
        );
    }

    #[test]
    fn page_widgets_around_a_post_are_chrome() {
        // A docs page's contents button and rating box, a forum's reply button and side box,
        // a share bar's label, a subscribe box, a related box's heading, a donation appeal, a
        // closed discussion's notice.
        let page = "<html><body><div class=entry>\
            <p>Open table of contents panel.</p>\
            <p>The lathe's tailstock drifts when the clamp plate under it wears: replace the \
            plate, then set the gib screws so the ways still slide.</p>\
            <p>If you're enjoying this article, consider supporting our journalism.</p>\
            <p>A worn plate lets the tailstock walk under load; a new one costs little and fits \
            in ten minutes with two spanners.</p>\
            <p>Share this on:</p><p>Subscribe to our blog</p><p>Rate this page</p>\
            <p>Reply to this topic</p><p>Top Posters In This Topic</p>\
            <p>You may also be interested in</p>\
            <p>Comments are closed.</p><p>Kommentare geschlossen</p>\
            </div></body></html>";
        let a = article_of(page);
        let body = body_texts(&a);
        assert_eq!(body.len(), 2, "{body:?}");
        assert_ui_chrome(
            &a,
            &[
                "Open table of contents",
                "Rate this page",
                "Reply to this topic",
                "Comments are closed.",
                "Kommentare geschlossen",
            ],
        );
        assert_chrome(
            &a,
            &["Share this on", "Subscribe to our blog"],
            Reason::Share,
        );
        assert_chrome(&a, &["Top Posters"], Reason::Nav);
        assert_chrome(&a, &["You may also be interested"], Reason::Related);
        assert_chrome(&a, &["If you're enjoying"], Reason::Boilerplate);
    }

    #[test]
    fn a_short_story_keeps_out_the_sidebar_links_around_it() {
        // A news brief of four paragraphs in a page whose columns hold far more link text:
        // the links pass may not trade the story's element for the whole page.
        let story = "<p>Greece continues to do what it takes to get its next bailout tranche and \
            stay in the Eurozone, officials said on Wednesday.</p>\
            <p>The Greek cabinet agreed on yet another round of austerity measures today, \
            cutting pensions and the pay of state workers who retired early.</p>\
            <p>The government also promised to extend a new real estate tax, which was meant \
            to end next year, until the end of 2014, and to sell two state companies.</p>\
            <p>An official sign-off from the lenders is still to come, a journalist in Athens \
            reported, as talks resume next week.</p>";
        let column = (0..32)
            .map(|i| {
                format!(
                    "<h4>Writer number {i}</h4><p><a href=/c/{i}>| Why every market \
                     column this week is about the same three charts {i}</a></p>"
                )
            })
            .collect::<String>();
        let links = (0..32)
            .map(|i| format!("<li><a href=/r/{i}>How to time a market crash, part {i}</a></li>"))
            .collect::<String>();
        let page = format!(
            "<html><head><meta property=og:type content=article>\
             <title>Developments in Greece</title></head><body><div class=page>\
             <div class=main><h1>Developments in Greece</h1>\
             <div class=post-content>{story}</div></div>\
             <div class=rail><div>{column}</div><ul>{links}</ul></div></div></body></html>"
        );
        let a = article_of(page);
        assert_eq!(a.body.len(), 4, "{:?}", a.body);
        assert!(
            a.body.iter().all(|b| !b.text.contains("market")),
            "{:?}",
            a.body
        );
    }

    #[test]
    fn a_story_made_of_links_inside_its_article_is_still_rescued() {
        // A roundup: a short intro, then the story's own list of links, in one `<article>`.
        let items = (0..100)
            .map(|i| format!("<li><a href=/r/{i}>The week's reading, item number {i}</a></li>"))
            .collect::<String>();
        // The intro under the list's wrapper, or one level deeper (WordPress's
        // `<header><div class=entry-summary>`): the list is inside the story's `<article>`.
        for (open, close) in [("", ""), ("<header class=entry-header>", "</header>")] {
            let page = format!(
                "<html><head><meta property=og:type content=article><title>Reading list</title>\
             </head><body><article><h1>Reading list</h1>{open}<div class=intro>\
             <p>Every Friday we gather the pieces that made us think this week, from long \
             reads on science to short notes on design, and we send them to our readers.</p>\
             <p>This week the list is longer than usual, because the holidays left many good \
             pieces unread, and we did not want them to go to waste before the new year.</p>\
             <p>As always, tell us what we missed, and which of these you read to the end.</p>\
             <p>Our editors read every suggestion, and the best of them make next week's list, \
             with a line on who sent it and why it mattered to them.</p>\
             </div>{close}<div class=list><ol>{items}</ol></div></article></body></html>"
            );
            let a = article_of(page);
            assert!(
                a.body.iter().any(|b| b.text.contains("item number 99")),
                "{open}: {:?}",
                a.body
            );
        }
    }

    #[test]
    fn a_paragraph_saying_a_caption_again_stays_in_the_story() {
        let cap = "زوار معرض الكتاب يتجولون بين أجنحة دور النشر العربية والأجنبية في اليوم الأول للمعرض الدولي بالقاهرة صباح الخميس";
        let page = format!(
            "<html><body><article><h1>افتتاح معرض الكتاب</h1>\
             <figure><img src=/1.jpg><figcaption>{cap}</figcaption></figure>\
             <div class=article-body><p>{cap}</p><p>افتتحت الدورة الجديدة من معرض الكتاب صباح \
             اليوم الخميس بمشاركة أكثر من ألف دار نشر من أربعين دولة في حدث ثقافي كبير.</p>\
             </div></article></body></html>"
        );
        let a = article_of(page);
        assert!(a.body.iter().any(|b| b.text == cap), "{:?}", a.body);
    }

    #[test]
    fn a_copy_of_a_caption_elsewhere_is_a_repeat() {
        // A gallery writes its caption under the picture and again under its controls.
        let cap = "زوار معرض الكتاب يتجولون بين أجنحة دور النشر العربية والأجنبية في اليوم الأول للمعرض الدولي بالقاهرة صباح الخميس";
        let page = format!(
            "<html><body><article><h1>افتتاح معرض الكتاب</h1><div class=gallery> \
             <figure><img src=/1.jpg><figcaption>{cap}</figcaption></figure> \
             <div class=controls><div class=caption-remote><div>{cap}</div></div></div></div> \
             <div class=article-body><p>افتتحت الدورة الجديدة من معرض الكتاب صباح اليوم الخميس \
             بمشاركة أكثر من ألف دار نشر من أربعين دولة في حدث ثقافي كبير.</p> \
             <p>وقال رئيس اللجنة المنظمة إن المعرض يخصص هذا العام جناحا كاملا لكتب الأطفال \
             واليافعين إلى جانب برنامج يومي من الندوات.</p></div></article></body></html>"
        );
        let a = article_of(page);
        assert_eq!(a.figures.len(), 1, "{:?}", a.figures);
        assert!(a.body.iter().all(|b| b.text != cap), "{:?}", a.body);
        assert!(
            a.chrome
                .iter()
                .any(|d| d.text == cap && d.reason == Reason::Duplicate),
            "{:?}",
            a.chrome
        );
    }

    #[test]
    fn a_second_copy_of_the_text_loses_its_headings_too() {
        // A site builder renders the article once per screen size; the copies' paragraphs are
        // dropped as duplicates, and now their headings too. Headings repeated over new text
        // ("Pros" over each product) stay.
        let copy = "<h2>How much does a remodel cost?</h2>\
            <p>A kitchen remodel in the state costs between forty and ninety thousand dollars, \
            depending on the size of the room and the finish chosen.</p>\
            <h3>What drives the price</h3>\
            <p>Labour is the largest share of the bill, followed by cabinets, counters and the \
            permits a city asks for before the work starts.</p>";
        let page = format!(
            "<html><body><div class=page><h1>Remodel costs</h1>\
             <div class=v1>{copy}</div><div class=v2>{copy}</div>\
             <div class=products><h3>Pros</h3><p>The first mixer is quiet, sturdy and easy to \
             clean after a long day of baking bread and cakes.</p>\
             <h3>Pros</h3><p>The second mixer is cheaper, lighter and fits under a low cabinet \
             without taking its bowl off.</p></div></div></body></html>"
        );
        let a = article_of(page);
        let count = |t: &str| a.body.iter().filter(|b| b.text == t).count();
        assert_eq!(count("How much does a remodel cost?"), 1, "{:?}", a.body);
        assert_eq!(count("What drives the price"), 1, "{:?}", a.body);
        assert_eq!(count("Pros"), 2, "{:?}", a.body);
        assert!(
            a.chrome
                .iter()
                .any(|d| d.text == "What drives the price" && d.reason == Reason::Duplicate)
        );
    }

    #[test]
    fn a_marquee_looping_two_words_is_chrome() {
        let marquee = "<span>Book Now <span class=star>*</span></span>".repeat(30);
        let page = format!(
            "<html><body><div class=page>\
             <p>We design packaging that sells: boxes, labels and bottles for cosmetics brands, \
             from the first sketch to the printed run.</p>\
             <div class=marquee>{marquee}</div>\
             <p>Every design is tested on the shelf before it is printed, so the box you see is \
             the box your customers will pick up.</p></div></body></html>"
        );
        let a = article_of(page);
        let body = body_texts(&a);
        assert_eq!(body.len(), 2, "{body:?}");
        assert!(
            a.chrome
                .iter()
                .any(|d| d.text.starts_with("Book Now") && d.reason == Reason::Ui)
        );
    }

    #[test]
    fn the_writers_contact_line_closing_a_story_is_chrome() {
        let a = article_of(
            "<html><body><article><h1>Storm hits the coast</h1>\
             <p>The storm reached the coast on Monday night, cutting power to thousands of homes \
             and closing the main road north for most of Tuesday.</p>\
             <p>Crews worked through the night, and officials said power would be back by the \
             weekend in most of the towns it reached.</p>\
             <p>Jane Roe may be reached at jroe@example.com. Follow her on Twitter @janeroe.</p>\
             </article></body></html>",
        );
        assert_eq!(body_texts(&a).len(), 2, "{:?}", body_texts(&a));
        assert!(
            a.chrome
                .iter()
                .any(|d| d.text.starts_with("Jane Roe may be reached")
                    && d.reason == Reason::Boilerplate)
        );
        // The same words in the story's own sentence, without an address, stay.
        let a = article_of(
            "<html><body><article><h1>Storm hits the coast</h1>\
             <p>The storm reached the coast on Monday night, cutting power to thousands of homes \
             and closing the main road north for most of Tuesday.</p>\
             <p>The mayor, who can be reached at the town hall all week, said crews would work \
             through the night.</p></article></body></html>",
        );
        assert_eq!(body_texts(&a).len(), 2, "{:?}", body_texts(&a));
    }

    #[test]
    fn a_salutation_above_the_first_paragraph_opens_the_text() {
        // "Hello everyone," is short and above the first paragraph, as a kicker or a byline
        // is; its comma makes it the text's opening.
        for hello in ["Hello everyone,", "السلام عليكم،"] {
            let page = format!(
                "<html><body><div class=post><p>{hello}</p>\
                 <p>As software development keeps changing, I wanted to start a discussion about \
                 how teams review code, and which habits have helped yours the most.</p>\
                 <p>Thanks for reading.</p></div></body></html>"
            );
            let a = extract(page.as_bytes(), &Options::default())
                .unwrap()
                .article;
            assert_eq!(
                a.body.first().map(|b| b.text.as_str()),
                Some(hello),
                "{:?}",
                a.body
            );
        }
    }

    #[test]
    fn a_pictures_credit_or_credited_caption_in_the_text_is_metadata() {
        let page = "<html><body><article>\
            <p>The casino floor reopened on Friday after a week of repairs, and the first \
            guests were at the tables before noon, the company said.</p>\
            <p>Photo: John Locher, AP</p><p>(Image credit: Blue Origin)</p><p>تصوير: أحمد علي</p>\
            <p>The casino's new lobby on Friday (Image: GETTY)</p><p>Image 1 of 5</p>\
            <p>Workers replaced the carpets and the lighting, and the ceiling that fell in \
            the storm was rebuilt in under a week.</p></article></body></html>";
        let a = article_of(page);
        let body = body_texts(&a);
        assert_eq!(body.len(), 2, "{body:?}");
        // A gallery's counter is interface.
        assert_ui_chrome(&a, &["Image 1 of 5"]);
        assert_chrome(
            &a,
            &["Photo: John", "Image credit", "تصوير", "new lobby"],
            Reason::Metadata,
        );
    }

    #[test]
    fn a_labelled_credit_in_brackets_closing_a_caption_is_the_figures_credit() {
        for (cap, caption, credit) in [
            (
                "المتظاهرون أمام البرلمان (الصورة: رويترز)",
                "المتظاهرون أمام البرلمان",
                "رويترز",
            ),
            (
                "Fans at the game in Buffalo, N.Y. (AP Photo/Jeffrey T. Barnes)",
                "Fans at the game in Buffalo, N.Y.",
                "AP Photo/Jeffrey T. Barnes",
            ),
            (
                "Workers in the new office (Credit: iStock)",
                "Workers in the new office",
                "iStock",
            ),
        ] {
            let page = format!(
                "<html><body><article><figure><img src=/a.jpg><figcaption>{cap}</figcaption>\
                 </figure><p>The casino floor reopened on Friday after a week of repairs, and \
                 the first guests were at the tables before noon, the company said.</p>\
                 </article></body></html>"
            );
            let a = article_of(&page);
            let f = &a.figures[0];
            assert_eq!(f.caption.as_ref().map(|c| c.text.as_str()), Some(caption));
            assert_eq!(f.credit.as_ref().map(|c| c.text.as_str()), Some(credit));
            let credit_span = f.credit.as_ref().unwrap().span;
            assert_eq!(&page[credit_span.start..credit_span.end], credit);
        }
    }

    #[test]
    fn paragraphs_parted_by_blank_lines_are_judged_one_by_one() {
        // An old blog's entry: paragraphs set apart by `<br><br>`, an advertisement line
        // between them; a forum post opening on a greeting.
        let page = "<html><body><div class=entry>Hello<br><br>The council voted on Tuesday to \
            expand the bus network, adding four new routes to the eastern suburbs.<br><br>\
            Advertisement<br><br>Officials said the expansion would cost about 12 million \
            dollars, most of it covered by a federal grant.</div></body></html>";
        let a = article_of(page);
        let body = body_texts(&a);
        assert_eq!(body.len(), 3, "{body:?}");
        assert_eq!(body[0], "Hello");
        assert!(body[2].starts_with("Officials said"), "{body:?}");
        assert_chrome(&a, &["Advertisement"], Reason::Ad);
    }

    #[test]
    fn a_page_laid_out_in_a_table_gives_paragraphs_not_a_table() {
        let para = COUNCIL;
        let page = format!(
            "<html><body><table><tr><td><a href=/a>Local</a><br><a href=/b>Weather</a><br>\
             <a href=/c>Obituaries</a></td><td><b>Council expands bus network</b><br><br>\
             {para}<br><br>{para} Again.<br><br>{para} Once more.</td></tr>\
             <tr><td>Price</td><td>$12, or $10 for members</td></tr></table></body></html>"
        );
        let a = article_of(&page);
        let body: Vec<(BlockKind, &str)> =
            a.body.iter().map(|b| (b.kind, b.text.as_str())).collect();
        assert_eq!(body.len(), 5, "{body:?}");
        assert!(
            body[..4].iter().all(|(k, _)| *k == BlockKind::Paragraph),
            "{body:?}"
        );
        // The data row beside them stays a table's.
        assert_eq!(
            body[4],
            (BlockKind::Table, "Price\t$12, or $10 for members")
        );
        assert_chrome(&a, &["Local Weather Obituaries"], Reason::Nav);
    }

    #[test]
    fn a_cell_of_paragraphs_parted_by_blank_lines_is_the_container() {
        // One row: the menu's cell, then the article's, whose paragraphs only `<br><br>`
        // parts. The article's cell is the content; the menu beside it is not.
        let para = COUNCIL;
        let page = format!(
            "<html><body><table><tr><td><a href=/a>Local</a><br><a href=/b>Weather</a><br>\
             <a href=/c>Obituaries</a><br><a href=/d>Classifieds</a></td><td>{para}<br><br>\
             {para} Again.<br><br>{para} Once more.<br><br>{para} The end.</td></tr></table>\
             </body></html>"
        );
        let a = article_of(&page);
        assert_eq!(body_texts(&a).len(), 4, "{:?}", body_texts(&a));
        assert_chrome(&a, &["Local Weather Obituaries Classifieds"], Reason::Nav);
    }

    #[test]
    fn a_live_updates_time_is_metadata_not_text() {
        let post = |t: &str, h: &str| {
            format!(
                "<article class=live-post><time datetime=\"2025-03-14T{t}:00+03:00\">{t}</time>\
                 <h2>{h}</h2><p>{h}: أعلن الدفاع المدني في غزة انتشال جثامين شهداء من تحت الأنقاض \
                 في حي الشجاعية، مشيرا إلى أن فرقه تواجه صعوبات كبيرة بسبب نقص المعدات.</p></article>"
            )
        };
        let page = format!(
            "<html><head><script type=\"application/ld+json\">{{\"@type\":\"LiveBlogPosting\",\
             \"headline\":\"مباشر: تطورات الحرب في غزة\"}}</script></head><body><main>\
             <h1>مباشر: تطورات الحرب في غزة</h1><div class=live-blog>{}{}{}</div></main>\
             </body></html>",
            post("12:40", "انتشال 12 شهيدا"),
            post("11:15", "اتصالات مصرية"),
            post("09:02", "تحذير أممي")
        );
        let a = article_of(&page);
        let body = body_texts(&a);
        assert_eq!(body.len(), 6, "{body:?}");
        assert_chrome(&a, &["11:15", "09:02"], Reason::Metadata);
    }

    #[test]
    fn a_teaser_parted_by_blank_lines_links_to_its_own_page() {
        let page = "<html lang=ar><body><article><h1>وزير التموين يعلن زيادة حصص السكر</h1>\
            <div class=details>أعلن <a href=/minister>وزير التموين</a> زيادة حصص السكر المقررة \
            على البطاقات التموينية خلال شهر رمضان، لمواجهة زيادة الطلب.<br><br><strong>اقرأ \
            أيضا:</strong> <a href=/n/1>أسعار الخضروات اليوم في سوق العبور</a><br><br>وقال الوزير \
            في مؤتمر صحفي إن الوزارة تعاقدت على كميات إضافية من السكر، وإن المخزون يكفي.\
            </div></article></body></html>";
        let a = article_of(page);
        let related = related_pairs(&a);
        assert_eq!(
            related,
            [("أسعار الخضروات اليوم في سوق العبور", Some("/n/1"))]
        );
        assert_eq!(body_texts(&a).len(), 2);
    }

    #[test]
    fn a_ranked_list_of_links_wins_over_the_comments_below_it() {
        // A listing whose items are links, with a discussion below it: the first pass finds
        // little prose, the comments rescue takes the discussion, but the list of linked
        // items is the larger content.
        let rows: String = (1..=20)
            .map(|k| {
                format!(
                    "<tr><td><a href=/b{k}>{k}. Book title number {k} by An Author</a></td></tr>"
                )
            })
            .collect();
        let page = format!(
            "<html><body><div class=wrap><div class=intro><p>A book's score is based on votes, \
             and on ranks.</p></div><table>{rows}</table>\
             <div class=comments><p>I think this list is a joke, really, and the votes are wrong, \
             as anyone who has read these books can see.</p>\
             <p>Where is the amber spyglass? It should be in the top ten, at least, by any measure.</p>\
             <p>Agreed, the list is flawed: the same book with a new cover is on it twice.</p>\
             <p>These comments are funny! I was thinking the same thing, and I voted for it too.</p>\
             <p>You can search for a book without leaving the page, by typing its name in the box.</p>\
             </div></div></body></html>"
        );
        let a = article_of(page);
        let body = body_texts(&a);
        assert!(
            body.iter().any(|t| t.contains("Book title number 20")),
            "{body:?}"
        );
        assert!(
            !body.iter().any(|t| t.contains("amber spyglass")),
            "{body:?}"
        );
    }

    #[test]
    fn an_accordion_header_button_is_the_heading_of_its_panel() {
        // FAQ entries whose headers are disclosure buttons (`aria-expanded`, or a label that
        // asks a question): the header names the panel it opens and stays with it; a plain
        // button is still interface.
        let qa = |q: &str| {
            format!(
                "<li><div role=button aria-expanded=false>{q}</div><div><p>Your personal \
                 insurance covers you while you are offline, and you must keep it at the \
                 levels the law of your state requires.</p></div></li>"
            )
        };
        // The same header as a `<button>` element.
        let qb = |q: &str| {
            format!(
                "<li><h3><button type=button aria-expanded=true>{q}<svg><path d=M0/></svg>\
                 </button></h3><div><p>Your travel insurance covers you while you are away, \
                 and you must keep it at the levels your country requires.</p></div></li>"
            )
        };
        // A header without ARIA (a script toggles a class) that asks a question.
        let qc = |q: &str| {
            format!(
                "<div class=feature-accordion-item><button class=feature-accordion-question>\
                 <div>{q}</div><i class=chevron></i></button><div class=answer><p>Your home \
                 insurance covers the building and what is in it, at the levels your policy \
                 names.</p></div></div>"
            )
        };
        let page = format!(
            "<html><body><main><h1>Insurance</h1><ul>{}{}{}</ul>{}\
             <div role=button>Open the settings panel</div>\
             <button type=button>Print this page now</button></main></body></html>",
            qa("Coverage when you are offline"),
            qa("Coverage when you are online"),
            qb("Coverage when you travel abroad"),
            qc("What does home insurance cover?")
        );
        let a = article_of(page);
        let body = body_texts(&a);
        for q in [
            "Coverage when you are offline",
            "Coverage when you travel abroad",
            "What does home insurance cover?",
        ] {
            assert!(body.iter().any(|t| t.contains(q)), "{q}: {body:?}");
        }
        for ui in ["Open the settings", "Print this page"] {
            assert!(!body.iter().any(|t| t.contains(ui)), "{ui}: {body:?}");
        }
    }

    #[test]
    fn a_caption_that_is_only_a_credit_is_the_credit() {
        let page = "<html><body><article><h1>افتتاح معرض الكتاب</h1>\
            <figure><img src=\"/img/hall.jpg\"><figcaption>Image source: Getty Images.</figcaption></figure>\
            <p>افتتحت الدورة الجديدة من معرض الكتاب صباح اليوم الخميس بمشاركة أكثر من ألف دار \
            نشر من أربعين دولة في حدث ثقافي كبير.</p></article></body></html>";
        let a = article_of(page);
        assert!(a.figures[0].caption.is_none(), "{:?}", a.figures[0]);
        assert_eq!(a.figures[0].credit.as_ref().unwrap().text, "Getty Images");
        // A noun label may open a caption naming the subject.
        let a =
            article_of(page.replace("Image source: Getty Images.", "Picture: Mayor John Smith"));
        assert_eq!(
            a.figures[0].caption.as_ref().map(|c| c.text.as_str()),
            Some("Picture: Mayor John Smith")
        );
    }

    #[test]
    fn a_linked_cell_stays_with_its_row() {
        let rows: String = [
            (
                "4.1.6",
                "Released on March 22, with fixes for the file system and the network drivers",
            ),
            (
                "4.0.9",
                "Released on March 21, with fixes for memory handling and a driver for new disks",
            ),
            (
                "3.19.3",
                "Released on March 18, with a long list of fixes across the tree and drivers",
            ),
        ]
        .iter()
        .map(|(v, t)| format!("<tr><td><a href=\"/Articles/{v}/\">{v}</a></td><td>{t}</td></tr>"))
        .collect();
        let rows = format!("<tr><th>Version</th><th>Notes</th></tr>{rows}");
        let page = format!(
            "<html><body><article><h1>Stable kernel updates</h1><p>Several stable kernels came out \
             this week, each with the usual list of fixes from the maintainers of the subsystems.</p>\
             <table>{rows}</table><p>Users of these series are told to upgrade, as the fixes include \
             several that close security holes in widely used drivers.</p></article></body></html>"
        );
        let a = article_of(&page);
        let text: String = a
            .body
            .iter()
            .map(|b| b.text.as_str())
            .collect::<Vec<_>>()
            .join("\n");
        for v in ["4.1.6", "4.0.9", "3.19.3"] {
            assert!(text.contains(v), "{v}: {text}");
        }
        // A film named like a call to action is data; so is a table whose rows are led by
        // their own header cells.
        let page = "<html><body><article><h1>Best horror films</h1><p>We asked our critics to \
             rank the horror films of the decade, and these are the ones they chose.</p>\
             <table><thead><tr><th>Film</th><th>Year</th></tr></thead>\
             <tr><td><a href=/f/1>Get Out</a></td><td>2017, a debut by a comedian</td></tr>\
             <tr><td><a href=/f/2>Hereditary</a></td><td>2018, a family drama turned dark</td></tr>\
             </table><p>Our critics watched each film again this autumn before they voted for \
             the final list.</p></article></body></html>";
        let text: String = article_of(page)
            .body
            .iter()
            .map(|b| b.text.as_str())
            .collect::<Vec<_>>()
            .join("\n");
        assert!(text.contains("Get Out"), "{text}");
        let rows = page
            .replace("<thead><tr><th>Film</th><th>Year</th></tr></thead>", "")
            .replace("<tr><td><a href=/f/1>", "<tr><th><a href=/f/1>")
            .replace("<tr><td><a href=/f/2>", "<tr><th><a href=/f/2>")
            .replace("Get Out</a></td>", "Get Out</a></th>")
            .replace("Hereditary</a></td>", "Hereditary</a></th>");
        let text: String = article_of(&rows)
            .body
            .iter()
            .map(|b| b.text.as_str())
            .collect::<Vec<_>>()
            .join("\n");
        assert!(text.contains("Hereditary"), "{text}");
        // A row's call to action is no data: "Get a Quote" stays out.
        let page = String::from(
            "<html><body><article><h1>Best movers</h1><p>We compared the quotes of the \
             biggest moving companies for a move across the country this year.</p>\
             <table><tr><th scope=col>Company</th><th scope=col>Price</th><th></th></tr>\
             <tr><td><a href=/c>Colonial Van Lines</a></td><td>$9,000 for a house of three rooms</td>\
             <td><a href=/go/c>Get a Quote <span>from Colonial</span></a></td></tr>\
             <tr><td><a href=/a>American Van Lines</a></td><td>$7,746 for a house of three rooms</td>\
             <td><a href=/go/a>Get a quote <span>from American</span></a></td></tr></table><p>Prices are the averages of \
             the quotes we received for the same move in October.</p></article></body></html>",
        );
        let text: String = article_of(&page)
            .body
            .iter()
            .map(|b| b.text.as_str())
            .collect::<Vec<_>>()
            .join("\n");
        assert!(text.contains("Colonial Van Lines"), "{text}");
        assert!(!text.to_lowercase().contains("get a quote"), "{text}");
        // A page laid out in a table: its menu and footer cells stay out.
        let filler = "The city council voted on Tuesday to approve the new budget for the coming \
            year, after a long debate that ran late into the night and saw several amendments \
            rejected by the majority.";
        let page = format!(
            "<html><body><div id=page><table width=100%><tr><th colspan=4>Valley Daily News</th></tr><tr>\
             <td class=menu><a href=/>Home</a></td><td class=menu><a href=/news>News</a></td><td class=menu><a href=/sport>Sport</a></td><td>Tuesday, March 5, 2024 — the daily paper of the valley since 1921, serving readers across the county</td></tr>\
             <tr><td colspan=4><h1>Budget approved</h1><p>{filler}</p><p>{filler}</p><p>{filler}</p></td></tr>\
             <tr><td><a href=/privacy>Privacy</a></td><td><a href=/terms>Terms</a></td><td><a href=/contact>Contact us</a></td><td>Copyright 2024 Valley Daily News, all rights reserved, reproduction without permission is prohibited</td></tr>\
             </table></div></body></html>"
        );
        // The same with the story set in lines (no paragraph to tell the layout by): its one
        // header cell spans the table, naming the site.
        let lines =
            format!("<b>Budget approved</b><br>{filler}<br><br>{filler}<br><br>{filler}</td></tr>");
        let in_lines = page.replace(
            &format!(
                "<h1>Budget approved</h1><p>{filler}</p><p>{filler}</p><p>{filler}</p></td></tr>"
            ),
            &lines,
        );
        assert_ne!(in_lines, page);
        for page in [page, in_lines] {
            let a = article_of(&page);
            for b in &a.body {
                for w in ["Home", "News", "Sport", "Privacy", "Terms", "Contact"] {
                    assert!(!b.text.contains(w), "{w}: {b:?}");
                }
            }
        }
    }

    #[test]
    fn relative_addresses_follow_the_base_element() {
        let page = |base: &str| {
            format!(
                "<html><head>{base}</head><body><article><h1>افتتاح معرض الكتاب</h1>\
                 <figure><img src=\"../img/hall.jpg\"><figcaption>زوار المعرض</figcaption></figure>\
                 <p>افتتحت الدورة الجديدة من معرض الكتاب صباح اليوم الخميس بمشاركة أكثر من ألف دار \
                 نشر من أربعين دولة في حدث ثقافي كبير.</p></article></body></html>"
            )
        };
        let opts = Options {
            url: Some("https://news.example/culture/2026/fair.html".into()),
            ..Options::default()
        };
        let src = |base: &str| {
            let a = extract(page(base).as_bytes(), &opts).unwrap().article;
            a.figures[0].src.text.clone()
        };
        assert_eq!(src(""), "https://news.example/culture/img/hall.jpg");
        assert_eq!(
            src("<base href=\"/static/pages/\">"),
            "https://news.example/static/img/hall.jpg"
        );
        assert_eq!(
            src("<base href=\"https://cdn.example.org/a/b/\" target=_blank>"),
            "https://cdn.example.org/a/img/hall.jpg"
        );
        // A base with no host is none.
        assert_eq!(
            src("<base href=\"https://\">"),
            "https://news.example/culture/img/hall.jpg"
        );
    }

    #[test]
    fn home_page_headline_stays_in_the_body() {
        let page = "<html><head><title>Acme: The Leading API Platform | Sign Up</title></head>\
            <body><main><h1>The AI-native API Platform</h1><p>Build, test and document your APIs \
            in one place, with the tools your whole team already knows and trusts every day.</p>\
            </main></body></html>";
        let opts = Options {
            url: Some("https://acme.example/".into()),
            ..Options::default()
        };
        let a = extract(page.as_bytes(), &opts).unwrap().article;
        assert_eq!(a.title.unwrap().text, "The AI-native API Platform");
        assert_eq!(a.body[0].text, "The AI-native API Platform");
        // Elsewhere the headline is metadata, not body.
        let opts = Options {
            url: Some("https://acme.example/blog/platform".into()),
            ..Options::default()
        };
        let a = extract(page.as_bytes(), &opts).unwrap().article;
        assert!(
            a.body
                .iter()
                .all(|b| b.text != "The AI-native API Platform")
        );
    }

    #[test]
    fn note_reference_leaves_the_sentence() {
        let page = "<html><body><article><p>دعا وزير الخارجية الروسي إلى وقف فوري لإطلاق النار \
            في إدلب<sup><a href=\"#fn1\">1</a></sup>، وقال إن الحل سياسي وإن بلاده تدعم الحوار \
            بين الأطراف كافة، بحسب ما نقلت وكالات الأنباء.</p></article></body></html>";
        let a = article_of(page);
        assert_eq!(a.body.len(), 1);
        assert!(
            a.body[0].text.contains("في إدلب، وقال"),
            "{}",
            a.body[0].text
        );
        let d = a.chrome.iter().find(|d| d.text == "1").unwrap();
        assert_eq!(d.reason, Reason::Nav);
        assert_eq!(&page[d.span.start..d.span.end], "1");
    }

    /// A page declaring an FAQ in its JSON-LD, whose questions (`head(q)`) and answers sit in a
    /// section of their own below the article.
    fn page_with_faq(ld: bool, head: impl Fn(&str) -> String) -> String {
        let qs = [
            (
                "How long does the fair last?",
                "The fair runs for ten days, from the first Thursday of February to the second Saturday, every day from ten in the morning.",
            ),
            (
                "Is entry to the fair free?",
                "Entry is free for everyone on weekdays; on the weekend a small ticket is sold at the gate, and children under twelve enter free.",
            ),
        ];
        let story = r#"<script type="application/ld+json">{"@type":"NewsArticle","headline":"Book fair opens"}</script>"#;
        let script = if ld {
            let items: Vec<String> = qs
                .iter()
                .map(|(q, a)| {
                    format!(r#"{{"@type":"Question","name":"{q}","acceptedAnswer":{{"@type":"Answer","text":"{a}"}}}}"#)
                })
                .collect();
            format!(
                r#"<script type="application/ld+json">{{"@context":"https://schema.org","@type":"FAQPage","mainEntity":[{}]}}</script>"#,
                items.join(",")
            )
        } else {
            String::new()
        };
        let para = "The book fair opened on Thursday with publishers from forty countries, \
                    and the organisers expect more visitors than last year, they said.";
        let faq: String = qs
            .iter()
            .map(|(q, a)| {
                format!(
                    "<div class=item>{}<div class=panel><p>{a}</p></div></div>",
                    head(q)
                )
            })
            .collect();
        format!(
            "<html><head><title>Book fair opens</title>{story}{script}</head><body>\
             <div class=site><div class=wrap><div class=inner><article><h1>Book fair opens</h1>\
             <div class=entry-content>{}</div></article></div></div><div class=below>\
             <div class=container><section><h2>Frequently asked questions</h2><div class=list>\
             {faq}</div></section></div></div></div><footer><p>Contact us at the office.</p>\
             </footer></body></html>",
            format!("<p>{para}</p>").repeat(6)
        )
    }

    #[test]
    fn a_declared_faq_set_apart_from_the_article_joins_it() {
        let h3 = |q: &str| format!("<h3>{q}</h3>");
        let a = article_of(page_with_faq(true, h3));
        let body = body_texts(&a);
        for line in [
            "Frequently asked questions",
            "How long does the fair last?",
            "The fair runs for ten days",
            "Entry is free for everyone",
        ] {
            assert!(body.iter().any(|t| t.contains(line)), "{line}: {body:?}");
        }
        assert!(!body.iter().any(|t| t.contains("Contact us")), "{body:?}");
        // Without the declaration, the section is the page's, not the article's.
        let a = article_of(page_with_faq(false, h3));
        let body = body_texts(&a);
        assert!(
            !body.iter().any(|t| t.contains("The fair runs")),
            "{body:?}"
        );
    }

    #[test]
    fn an_faq_question_set_as_a_plain_button_is_read() {
        // An accordion's header written as a `<button>` without `aria-expanded` (the script
        // toggles a class): a label asking a question, or a heading inside the button, is
        // the entry's question, in the blocks (in chrome when no FAQ is declared); other
        // button labels stay interface: out of the blocks, in chrome as a control's label.
        for head in [
            |q: &str| format!("<button class=accordion__trigger>{q}</button>"),
            |q: &str| format!("<button type=button><h5>{q}</h5><span>+</span></button>"),
        ] {
            let a = article_of(page_with_faq(true, head));
            let body = body_texts(&a);
            assert!(
                body.iter()
                    .any(|t| t.contains("How long does the fair last?")),
                "{body:?}"
            );
        }
        let shop = |q: &str| format!("<button>{q}</button><button>Add to cart</button>");
        let a = article_of(page_with_faq(false, shop));
        assert!(
            a.chrome
                .iter()
                .any(|d| d.text == "How long does the fair last?"),
            "{:?}",
            a.chrome
        );
        assert!(!body_texts(&a).iter().any(|t| t.contains("Add to cart")));
        assert_ui_chrome(&a, &["Add to cart"]);
    }
}
