//! Main-content selection over the blocks of a page.
//!
//! 1. Every block gets a signed value: its characters when it reads like content (low link
//!    density, no boilerplate hint above it), minus its characters when it does not (link-dense,
//!    under a `nav`/`share`/`related`/... hint), zero for short neutral blocks.
//! 2. The values are summed into every ancestor (one reverse pass over the arena); the element
//!    with the largest sum is the container: the smallest subtree that holds the content and as
//!    little boilerplate as possible.
//! 3. Inside the container, blocks under boilerplate hints, hidden blocks, link lists and chrome
//!    phrases are dropped (each with its reason); teasers ("اقرأ أيضاً", "Read more") become
//!    related links.
//! 4. Rescue: when the result is implausibly short for the page, the selection is redone with
//!    comments counted as content (forums) and then over the whole body.
//!
//! ```
//! use marsad_extract::html::{blocks, content, dom::Document};
//! let page = "<body><nav><a href=/>الرئيسية</a> <a href=/a>أخبار</a></nav><div class=article>\
//!   <p>دعا وزير الخارجية الروسي إلى وقف فوري لإطلاق النار في إدلب، وقال إن الحل سياسي.</p>\
//!   <p>وأضاف أن بلاده تدعم الحوار بين الأطراف كافة، بحسب ما نقلت وكالات الأنباء.</p></div></body>";
//! let doc = Document::parse(page);
//! let b = blocks::collect(&doc);
//! let sel = content::select(&doc, &b, &content::Params::default());
//! assert_eq!(sel.keep.iter().filter(|&&k| k == content::Keep::Body).count(), 2);
//! ```

use marsad_model::Reason;

use super::blocks::{Blocks, NONE, Piece};
use super::dom::{Document, NodeId, Tag};
use super::hints::Hint;

/// Blocks shorter than this (characters) are neutral in the container choice.
pub const SHORT_BLOCK: usize = 25;
/// Link density above which a block is a link list.
pub const MAX_LINK_DENSITY: f64 = 0.5;
/// A boilerplate hint on an element holding more than this share of the page text is ignored
/// (a wrapper such as `content-sidebar-wrap`).
pub const WRAPPER_SHARE: f64 = 0.6;

/// A content-hinted subtree this long (characters) inside a boilerplate-hinted element makes
/// the boilerplate hint untrusted.
pub const MIN_WRAPPED_CONTENT: u64 = 200;

/// A hidden element holding this much text (characters) is a collapsed section (a tab, an
/// accordion panel), not a stray hidden label.
pub const MIN_PANEL_CHARS: u64 = 40;

/// On a page that does not declare an article, a best subtree holding less than this share of
/// the text of the `<main>` element around it is widened to that element.
pub const MAIN_SHARE: f64 = 0.5;

/// On a page that declares itself an article, a block's value shrinks by this factor for every
/// level it is summed upwards: the article's paragraphs share a close parent, so a far ancestor
/// that only adds teaser snippets (a grid of "more stories") around them does not win.
pub const ARTICLE_DECAY: f64 = 0.9;

/// On a page that does not declare an article, a sibling of the chosen subtree whose own score
/// is at least this share of the subtree's joins the content: a landing or service page lays
/// its sections side by side under one parent that also holds the page's menus.
pub const SIBLING_SHARE: f64 = 0.05;

/// Commas and sentence ends that make a link-dense paragraph of the content read as prose.
pub const SENTENCE_PUNCT: usize = 2;

/// Share of a link-dense sentence's characters outside its links for it to read as prose
/// ([`one_sentence`]: "The investigation was shelved but was <a>re-opened this year</a>.").
pub const MIN_SENTENCE_UNLINKED_SHARE: f64 = 0.3;

/// Fewest words of a sentence ([`one_sentence`]).
const MIN_SENTENCE_WORDS: usize = 8;

/// True when `text` reads as one sentence: [`MIN_SENTENCE_WORDS`] words or more, opening on a
/// capital (or a letter of a script without case, or a quote) and closing on a sentence end.
/// "أعيد فتح التحقيق هذا العام بعد طرده من السفارة في لندن." is one; a headline is not.
fn one_sentence(text: &str) -> bool {
    let t = text.trim();
    t.ends_with(['.', '!', '?', '؟'])
        && t.chars()
            .find(|c| c.is_alphanumeric())
            .is_some_and(|c| c.is_uppercase() || (c.is_alphabetic() && !c.is_lowercase()))
        && t.split_whitespace().nth(MIN_SENTENCE_WORDS - 1).is_some()
}

/// Most nodes [`opens_unlinked`] looks through for a block's first words.
const MAX_OPENING_NODES: usize = 32;

/// True when the first words of block `node` stand outside any link ("The investigation
/// was <a>re-opened</a>.", not "<a>Headline</a> Blurb."), found in its first
/// [`MAX_OPENING_NODES`] nodes.
fn opens_unlinked(doc: &Document<'_>, node: NodeId) -> bool {
    doc.descendants(node)
        .take(MAX_OPENING_NODES)
        .find(|&d| doc.is_text(d) && !doc.text(d).trim().is_empty())
        .is_some_and(|d| {
            !doc.ancestors(d)
                .take_while(|&a| a != node)
                .any(|a| doc.tag_is(a, Tag::A))
        })
}

/// Share of a link-dense paragraph's characters outside its links for it to read as prose.
pub const MIN_UNLINKED_SHARE: f64 = 0.1;

/// Share of the chosen subtree's score a sibling needs to join it once the walk up has passed a
/// wrapper (an element whose only child with text is the one below it).
pub const WRAPPED_SIBLING_SHARE: f64 = 0.25;

/// Levels above the chosen subtree whose sibling sections may join it ([`SIBLING_SHARE`]): its
/// own siblings and its parent's. A wrapper level (no other child with text) does not count.
pub const SIBLING_LEVELS: usize = 2;

/// A subtree holding a prose block this long (characters) is never marked a link list for its
/// link density.
pub const LINK_LIST_MAX_PROSE: u64 = 150;

/// Levels above a chosen table section or row looked at for its `<table>`.
pub const TABLE_LEVELS: usize = 2;

/// Most siblings looked at beside the chosen subtree.
pub const MAX_SIBLINGS: usize = 256;

/// Most paragraphs of prose taken back into the content from just before the container (an
/// article's lead set in a wrapper of its own above the body's).
pub const MAX_LEAD_BLOCKS: usize = 3;

/// Most levels above the container at which the branch holding such a lead may meet it.
pub const LEAD_LEVELS: usize = 3;

/// A lead paragraph taken back is prose at least this long (characters).
pub const MIN_LEAD_CHARS: usize = 60;

/// Most short neutral blocks (an empty spacer paragraph, a hidden label) stepped over between
/// the container and its lead.
pub const MAX_LEAD_GAP: usize = 3;

/// Knobs of one selection pass.
#[derive(Debug, Clone, Default)]
pub struct Params {
    /// Count comment sections as content (forums, Q&A).
    pub comments_ok: bool,
    /// Use this container instead of choosing one.
    pub container: Option<NodeId>,
    /// Links count as content (listings, product grids): link-dense blocks are kept.
    pub links_ok: bool,
    /// The page declares itself an article: its content is one tight block, so a block adds
    /// less to ancestors the further up they are ([`ARTICLE_DECAY`] per level).
    pub tight: bool,
    /// Last resort for a page where nothing reads like content (a script-built shop page):
    /// boilerplate hints and link density are ignored, every visible block of the container is
    /// kept.
    pub hints_off: bool,
    /// With `hints_off`: blocks marked as boilerplate (see `marked_chrome`) still stay out.
    /// Set when the first pass found some content: the marks then tell content from chrome;
    /// on a page where nothing but marked blocks stands, they are all there is to read.
    pub marks_hold: bool,
    /// The page declares itself an article (kept through the rescue passes, which drop
    /// `tight`): link-dense card titles are not content there.
    pub declared: bool,
}

/// What happens to one block.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Keep {
    /// Part of the body.
    Body,
    /// Dropped, with why.
    Drop(Reason),
}

/// The outcome of a selection pass.
#[derive(Debug, Clone)]
pub struct Selection {
    /// The chosen container.
    pub container: NodeId,
    /// Its score.
    pub score: f64,
    /// One decision per block (same order as [`Blocks::pieces`]).
    pub keep: Vec<Keep>,
    /// Characters kept.
    pub kept_chars: usize,
    /// The container is the page's `<main>`, widened to from a smaller best subtree.
    pub widened: bool,
    /// Siblings of the container that joined the content ([`SIBLING_SHARE`]).
    pub also: Vec<NodeId>,
    /// Per node: the nearest ancestor-or-self marked as boilerplate (a hint, a nested
    /// `<article>`, a link list), or [`NONE`]; `--explain` names it for dropped blocks.
    pub neg: Vec<u32>,
}

fn link_density(p: &Piece) -> f64 {
    if p.chars == 0 {
        0.0
    } else {
        p.link_chars as f64 / p.chars as f64
    }
}

/// Nearest ancestor-or-self of every node carrying an effective boilerplate hint, or made
/// mostly of link text (a teaser list, a menu without markup hints).
fn neg_ancestors(
    doc: &Document<'_>,
    b: &Blocks,
    params: &Params,
    total: &[u64],
    links: &[u64],
    best_pos: &[u64],
    longest_prose: &[u64],
) -> Vec<u32> {
    let (comments_ok, links_ok, tight) = (params.comments_ok, params.links_ok, params.tight);
    let n = doc.len();
    let page = total.first().copied().unwrap_or(0).max(1) as f64;
    let mut neg = vec![NONE; n];
    // The page declares an article (JSON-LD/og:type, or microdata `itemtype` on any element):
    // only then is an `<article>` nested in a larger one taken for a comment or a teaser; on a
    // landing, listing or service page nested `<article>` cards are its content.
    // (Looked for only when a nested `<article>` is met.)
    let mut page_decl: Option<bool> = tight.then_some(true);
    // Whether the page has an `<h1>` (looked for only when an `<aside>` may be its story).
    let mut page_h1: Option<bool> = None;
    // Text of the nearest `<main>` (or `role=main`) at or above every node, 0 outside one.
    let mut main_text = vec![0u64; n];
    // Text of the nearest `<article>` at or above every node, 0 outside one.
    let mut article_text = vec![0u64; n];
    for i in 1..n {
        let parent = doc.parent(NodeId(i as u32)).map_or(0, |p| p.index());
        neg[i] = neg[parent];
        main_text[i] = if is_main(doc, NodeId(i as u32)) {
            total[i]
        } else {
            main_text[parent]
        };
        let is_article = doc.tag_is(NodeId(i as u32), Tag::Article);
        article_text[i] = if is_article {
            total[i]
        } else {
            article_text[parent]
        };
        // On a page declaring an article, an `<article>` nested in a larger one is a comment or
        // a related item (HTML's own meaning), unless it holds most of the outer one's text.
        if is_article
            && !comments_ok
            && article_text[parent] > 0
            && 2 * total[i] < article_text[parent]
            && *page_decl.get_or_insert_with(|| declares_article(doc))
        {
            neg[i] = i as u32;
            continue;
        }
        let hint = b.hint.get(i).copied().unwrap_or(Hint::None);
        let effective = match hint.neg_reason(params.declared) {
            Some(r) => {
                // A boilerplate word on an element that wraps a content-hinted subtree holding
                // most of its text ("theiaStickySidebar" around the article) is not trusted;
                // an interface layer (modal, popup, dialog) is never the article's wrapper.
                let wraps_content = r != Reason::Ui
                    && best_pos[i] >= MIN_WRAPPED_CONTENT
                    && 2 * best_pos[i] >= total[i];
                // Nor is one on an element holding most of the page's text, or most of the
                // text of the `<main>` it sits in when that is not a link list
                // ("search-page-wrapper" around a product grid). An interface layer (a cookie
                // dialog holding more text than the page behind it) is no wrapper either.
                // A wrapper wraps blocks: an element that is one block by itself (an ad slot
                // holding its own line, on a page of little text) is what its word says.
                let wrapper = !doc.is_dialog(NodeId(i as u32))
                    && ((total[i] as f64) >= WRAPPER_SHARE * page
                        || (main_text[i] > 0
                            && (total[i] as f64) >= WRAPPER_SHARE * main_text[i] as f64
                            && (links[i] as f64) <= MAX_LINK_DENSITY * total[i] as f64))
                    && doc.children(NodeId(i as u32)).any(|c| total[c.index()] > 0);
                // An `<aside>` is a sidebar unless it wraps the page's story: its headline and
                // its prose (a site that sets its whole article in one, `<main><aside class=…>
                // <h1>…<p>…`). A sidebar holding most of a short page's text (an "About us"
                // box) holds no h1, nor an h2 on a page whose h1 is elsewhere.
                let aside = doc.tag_is(NodeId(i as u32), Tag::Aside)
                    && !(wrapper
                        && longest_prose[i] >= LINK_LIST_MAX_PROSE
                        && match headings_below(doc, NodeId(i as u32)) {
                            (true, _) => true,
                            (false, h2) => {
                                h2 && !*page_h1
                                    .get_or_insert_with(|| doc.find_tag(Tag::H1).next().is_some())
                            }
                        });
                (!wraps_content && !wrapper)
                    || aside
                    || matches!(
                        doc.tag_code(NodeId(i as u32)),
                        Some(Tag::Nav | Tag::Footer | Tag::Menu | Tag::Button | Tag::Select)
                    )
            }
            None => hint == Hint::Soft && !comments_ok,
        };
        // A subtree holding a paragraph of prose is not a link list, however many links sit
        // beside the paragraph (a story whose container also holds a widget of linked cards).
        let linky = !links_ok
            && total[i] > 0
            && longest_prose[i] < LINK_LIST_MAX_PROSE
            && doc.first_child(NodeId(i as u32)).is_some()
            && (links[i] as f64) > MAX_LINK_DENSITY * total[i] as f64
            && (total[i] as f64) < WRAPPER_SHARE * page;
        // A form to fill in (a comment form's "Name*", "Email" beside its fields) is an
        // interface, unless it wraps the page's prose (a whole page in one `<form>`).
        let fill_in = !effective
            && !linky
            && doc.tag_is(NodeId(i as u32), Tag::Form)
            && longest_prose[i] < LINK_LIST_MAX_PROSE
            && (total[i] as f64) < WRAPPER_SHARE * page
            && has_entry_field(doc, NodeId(i as u32));
        if effective || linky || fill_in {
            neg[i] = i as u32;
        }
    }
    neg
}

/// Most nodes below an `<aside>` looked at by [`holds_h1`].
const MAX_ASIDE_NODES: usize = 4_096;

/// Whether an `<h1>`, and an `<h2>`, are among the first [`MAX_ASIDE_NODES`] nodes below `id`.
fn headings_below(doc: &Document<'_>, id: NodeId) -> (bool, bool) {
    let mut h2 = false;
    for d in doc.descendants(id).take(MAX_ASIDE_NODES) {
        match doc.tag_code(d) {
            Some(Tag::H1) => return (true, h2),
            Some(Tag::H2) => h2 = true,
            _ => {}
        }
    }
    (false, h2)
}

/// Most nodes below a form looked at by [`has_entry_field`] (forms nested as deep as the
/// parser allows would otherwise each search the whole subtree below them).
const MAX_FORM_NODES: usize = 2_000;

/// True when a field to type into (a `<textarea>`, a text `<input>`) is among the first
/// [`MAX_FORM_NODES`] nodes below `form`.
fn has_entry_field(doc: &Document<'_>, form: NodeId) -> bool {
    doc.descendants(form)
        .take(MAX_FORM_NODES)
        .any(|d| match doc.tag_code(d) {
            Some(Tag::Textarea) => true,
            Some(Tag::Input) => doc.attr_raw(d, "type").is_none_or(|t| {
                ["text", "email", "password", "tel", "url", "number"]
                    .iter()
                    .any(|k| t.eq_ignore_ascii_case(k))
            }),
            _ => false,
        })
}

/// True when an element of the page carries a microdata `itemtype` naming an article type.
fn declares_article(doc: &Document<'_>) -> bool {
    (1..doc.len()).any(|i| {
        doc.attr_raw(NodeId(i as u32), "itemtype")
            .is_some_and(super::is_article_type)
    })
}

fn neg_reason(doc: &Document<'_>, b: &Blocks, at: u32, declared: bool) -> Reason {
    let hint = b.hint.get(at as usize).copied().unwrap_or(Hint::None);
    if let Some(r) = hint.neg_reason(declared) {
        return r;
    }
    match hint {
        Hint::Soft => Reason::Comments,
        _ if doc.tag_is(NodeId(at), Tag::Article) => Reason::Related,
        _ if entry_form(doc, NodeId(at)) => Reason::Ui,
        _ => Reason::Nav,
    }
}

/// Runs one selection pass.
pub fn select(doc: &Document<'_>, b: &Blocks, params: &Params) -> Selection {
    let n = doc.len();
    // Text per subtree.
    let mut total = vec![0u64; n];
    let mut links = vec![0u64; n];
    // Text of hidden blocks per subtree.
    let mut hidden_text = vec![0u64; n];
    for p in &b.pieces {
        if p.hidden {
            hidden_text[p.node.index()] += p.chars as u64;
        } else if !p.tool {
            // (A heading's tool links are no text and no link list of the heading's.)
            total[p.node.index()] += p.chars as u64;
            links[p.node.index()] += p.link_chars as u64;
        }
    }
    // Largest content-hinted subtree at or below each node.
    let mut best_pos = vec![0u64; n];
    // Longest prose block (a sentence's punctuation, not link-dense) at or below each node.
    let mut longest_prose = vec![0u64; n];
    for p in &b.pieces {
        if !p.hidden && p.punct >= SENTENCE_PUNCT && link_density(p) <= MAX_LINK_DENSITY {
            let i = p.node.index();
            longest_prose[i] = longest_prose[i].max(p.chars as u64);
        }
    }
    for i in (1..n).rev() {
        let parent = doc.parent(NodeId(i as u32)).map_or(0, |p| p.index());
        // A content-hinted subtree made mostly of links (a widget's `content` div holding a
        // list of headlines) is not an article's text.
        if b.hint.get(i) == Some(&Hint::Pos)
            && (links[i] as f64) <= MAX_LINK_DENSITY * total[i] as f64
        {
            best_pos[i] = best_pos[i].max(total[i]);
        }
        total[parent] += total[i];
        links[parent] += links[i];
        hidden_text[parent] += hidden_text[i];
        best_pos[parent] = best_pos[parent].max(best_pos[i]);
        longest_prose[parent] = longest_prose[parent].max(longest_prose[i]);
    }
    let neg = neg_ancestors(doc, b, params, &total, &links, &best_pos, &longest_prose);

    let mut also: Vec<NodeId> = Vec::new();
    let container = match params.container {
        Some(c) => c,
        None => {
            let mut score = vec![0f64; n];
            for p in &b.pieces {
                if p.hidden {
                    continue;
                }
                let c = p.chars as f64;
                let ld = if params.links_ok {
                    0.0
                } else {
                    link_density(p)
                };
                let at = neg[p.node.index()];
                // Comments sit beside the content (under a post, between a question and its
                // answers): they do not count against the subtree holding them, and are still
                // dropped inside it.
                let v = if at != NONE && b.hint.get(at as usize) == Some(&Hint::Soft) {
                    0.0
                } else if at != NONE || ld > MAX_LINK_DENSITY {
                    -c
                } else if p.chars < SHORT_BLOCK && p.punct == 0 {
                    0.0
                } else {
                    c * (1.0 - 2.0 * ld)
                };
                score[p.node.index()] += v;
            }
            let decay = if params.tight { ARTICLE_DECAY } else { 1.0 };
            // The elements the page marks as its article's body (schema.org `articleBody`), in
            // document order (an outer one before those nested in it).
            let marked: Vec<usize> = if params.tight {
                (1..n)
                    .filter(|&i| {
                        b.hint.get(i) == Some(&Hint::Pos)
                            && doc.attr_raw(NodeId(i as u32), "itemprop").is_some_and(|v| {
                                v.split_ascii_whitespace().any(|t| t == "articleBody")
                            })
                    })
                    .collect()
            } else {
                Vec::new()
            };
            let mut whole = if marked.is_empty() {
                Vec::new()
            } else {
                score.clone()
            };
            for i in (1..n).rev() {
                let parent = doc.parent(NodeId(i as u32)).map_or(0, |p| p.index());
                score[parent] += score[i] * decay;
                if let Some(w) = whole.get(i).copied() {
                    whole[parent] += w;
                }
            }
            let mut best = (0usize, f64::MIN);
            for (i, &s) in score.iter().enumerate() {
                if s >= best.1 && (i == 0 || doc.is_element(NodeId(i as u32))) {
                    best = (i, s);
                }
            }
            // The body the page marks, when the best subtree lies inside it, is weighed whole:
            // the decay that keeps a far grid of teasers out does not apply inside it (an
            // inline gallery's captions, nested deep in the body, do not outweigh the
            // paragraphs beside them). The nearest marked body around the best subtree counts
            // (the best may be it), and only when it holds such paragraphs: running text
            // outside the best subtree, set no deeper in the mark than the best is. A mark
            // around a whole page (its header, the story, then a bio and teasers nested below)
            // holds none beside the story.
            if let Some(&m) = marked
                .iter()
                .rev()
                .find(|&&m| doc.contains(NodeId(m as u32), NodeId(best.0 as u32)))
                && m != best.0
                && whole[m] >= best.1
                && prose_beside(doc, b, &neg, NodeId(m as u32), NodeId(best.0 as u32))
            {
                best = (m, whole[m]);
            }
            if best.1 <= 0.0 {
                // Nothing reads like content: judge the blocks of the whole page.
                doc.find_tag(Tag::Body).next().unwrap_or(doc.root())
            } else {
                let c = NodeId(best.0 as u32);
                // A single text block is not a container: its parent holds the article (and
                // its figures and teasers). (A block parted into paragraphs by blank lines,
                // an old page's table cell or a blog's entry, is one.)
                let single = |pi: u32| b.pieces.get(pi as usize).is_some_and(|p| !p.part);
                let c = match (b.piece_of.get(c.index()), doc.parent(c)) {
                    (Some(&pi), Some(parent)) if single(pi) && parent != doc.root() => parent,
                    _ => c,
                };
                // A table's rows are read with the table: its caption and column heads.
                let c = if matches!(
                    doc.tag_code(c),
                    Some(Tag::Tbody | Tag::Thead | Tag::Tfoot | Tag::Tr)
                ) {
                    doc.ancestors(c)
                        .take(TABLE_LEVELS)
                        .find(|&p| doc.tag_is(p, Tag::Table))
                        .unwrap_or(c)
                } else {
                    c
                };
                // A declared article is one tight block: its siblings are teasers and comments
                // (in the rescue passes too, which loosen `tight`).
                if !params.tight && !params.declared {
                    let mut floor = SIBLING_SHARE * score[c.index()];
                    // The chosen subtree's siblings, then its parent's: a landing page nests its
                    // sections unevenly (an intro beside a wrapper of cards and quotes).
                    // A wrapper whose only child with text is the one below it (`section >
                    // div.container > div.row > div.col`) is not a level: the sections of a
                    // landing page sit beside the outermost wrapper of each.
                    let mut cur = c;
                    let mut levels = 0;
                    for step in 0..MAX_CHROME_DEPTH {
                        // Past the first levels, reached through wrappers only sections of
                        // weight join (not a form or a note beside an undeclared article), and
                        // not single paragraphs: the chosen subtree is then a part (a table) of
                        // running text, which the rescue passes take whole.
                        let wrapped = step >= SIBLING_LEVELS;
                        if wrapped {
                            floor = floor.max(WRAPPED_SIBLING_SHARE * score[c.index()]);
                        }
                        let Some(parent) = doc.parent(cur).filter(|&p| p != doc.root()) else {
                            break;
                        };
                        let mut branches = false;
                        also.extend(doc.children(parent).take(MAX_SIBLINGS).filter(|&s| {
                            let other = s != cur && doc.is_element(s);
                            branches |= other && total[s.index()] > 0;
                            other
                                && !(wrapped
                                    && b.piece_of.get(s.index()).is_some_and(|&pi| pi != NONE))
                                && neg[s.index()] == NONE
                                && score[s.index()] > 0.0
                                && score[s.index()] >= floor
                        }));
                        if neg[parent.index()] != NONE || doc.tag_is(parent, Tag::Body) {
                            break;
                        }
                        if branches {
                            levels += 1;
                            if levels >= SIBLING_LEVELS {
                                break;
                            }
                        }
                        cur = parent;
                    }
                }
                c
            }
        }
    };
    // A page that does not declare an article (a product, service or listing page) spreads its
    // content over the sections of its `<main>`: when the best subtree holds a small share of
    // the main element's text, the whole main element is the content.
    let chosen = container;
    let container = match main_around(doc, container) {
        Some(m)
            if !params.tight
                && params.container.is_none()
                && (total[container.index()] as f64) < MAIN_SHARE * total[m.index()] as f64 =>
        {
            m
        }
        _ => container,
    };
    also.retain(|&a| !doc.contains(container, a));
    // Per node: inside the container or a sibling that joined it.
    let inside: Vec<bool> = if also.is_empty() {
        Vec::new()
    } else {
        let mut v = vec![false; n];
        for &a in &also {
            v[a.index()] = true;
        }
        v[container.index()] = true;
        for i in 1..n {
            let parent = doc.parent(NodeId(i as u32)).map_or(0, |p| p.index());
            v[i] = v[i] || v[parent];
        }
        v
    };
    let holds = |id: NodeId| {
        if inside.is_empty() {
            doc.contains(container, id)
        } else {
            inside.get(id.index()).copied().unwrap_or(false)
        }
    };
    let score = 0.0;
    let mut keep = Vec::with_capacity(b.pieces.len());
    let mut kept_chars = 0usize;
    for (i, p) in b.pieces.iter().enumerate() {
        let k = if params.hints_off && !p.hidden && !p.note && doc.contains(container, p.node) {
            if in_page_chrome(doc, container, p.node) {
                Keep::Drop(Reason::Nav)
            } else if let Some(r) =
                marked_chrome(doc, b, container, p.node).filter(|_| params.marks_hold)
            {
                Keep::Drop(r)
            } else if !params.comments_ok && in_comments(doc, b, container, p.node) {
                Keep::Drop(Reason::Comments)
            } else {
                Keep::Body
            }
        } else {
            decide(doc, b, &neg, &hidden_text, container, &holds, p, params)
        };
        let k = if k == Keep::Drop(Reason::Nav)
            && params.declared
            && holds(p.node)
            && section_heading(doc, b, &neg, i)
        {
            Keep::Body
        } else {
            k
        };
        // Linked card titles kept on an undeclared page join the content around them; they do
        // not count towards its length (the rescue passes judge the text without them).
        if k == Keep::Body && !p.hidden && (params.links_ok || link_density(p) <= MAX_LINK_DENSITY)
        {
            kept_chars += p.chars;
        }
        keep.push(k);
    }
    Selection {
        container,
        score,
        keep,
        kept_chars,
        widened: container != chosen,
        also,
        neg,
    }
}

impl Selection {
    /// True when `id` lies in the container or in a sibling that joined it.
    pub fn holds(&self, doc: &Document<'_>, id: NodeId) -> bool {
        doc.contains(self.container, id) || self.also.iter().any(|&a| doc.contains(a, id))
    }
}

/// Fewest characters of running text beside the best subtree for a marked body around it to
/// be weighed whole ([`select`]).
const MIN_PROSE_BESIDE: usize = 200;
/// Most levels below a marked body at which [`prose_beside`] looks for the best subtree.
const MAX_BESIDE_DEPTH: usize = 32;

/// True when `mark` holds, outside `best` (a subtree of it), [`MIN_PROSE_BESIDE`] characters
/// of running text (unmarked blocks with a sentence's punctuation, not link-dense) set no
/// deeper below `mark` than `best` is: paragraphs beside a gallery nested in the body, not a
/// bio or teasers nested under a page-wide mark.
fn prose_beside(doc: &Document<'_>, b: &Blocks, neg: &[u32], mark: NodeId, best: NodeId) -> bool {
    let depth_below = |id: NodeId, max: usize| {
        std::iter::successors(Some(id), |&a| doc.parent(a))
            .take(max + 2)
            .position(|a| a == mark)
    };
    // (A best subtree nested deeper than this in the mark is not weighed so: the walks stay
    // short on a page of thousands of nested elements.)
    let Some(limit) = depth_below(best, MAX_BESIDE_DEPTH) else {
        return false;
    };
    let mut chars = 0usize;
    for p in &b.pieces {
        if p.hidden
            || p.punct < SENTENCE_PUNCT
            || link_density(p) > MAX_LINK_DENSITY
            || neg.get(p.node.index()).is_some_and(|&n| n != NONE)
            || doc.contains(best, p.node)
            || !doc.contains(mark, p.node)
        {
            continue;
        }
        if depth_below(p.node, limit).is_some_and(|d| d <= limit) {
            chars += p.chars;
            if chars >= MIN_PROSE_BESIDE {
                return true;
            }
        }
    }
    false
}

/// True for a `<main>` element or an element with `role=main`.
fn is_main(doc: &Document<'_>, id: NodeId) -> bool {
    match doc.tag_code(id) {
        Some(Tag::Main) => true,
        Some(_) => doc
            .attr_raw(id, "role")
            .is_some_and(|r| r.trim().eq_ignore_ascii_case("main")),
        None => false,
    }
}

/// The page's `<main>` (or `role=main`) element at or above `id`.
fn main_around(doc: &Document<'_>, id: NodeId) -> Option<NodeId> {
    let mut cur = Some(id);
    for _ in 0..MAX_CHROME_DEPTH {
        let c = cur?;
        if is_main(doc, c) {
            return Some(c);
        }
        cur = doc.parent(c);
    }
    None
}

/// Most ancestors any walk up from a block looks at in this module ([`sits_in`], the
/// chrome-mark, comment, hidden-panel and caption walks, [`main_around`]), and most levels the
/// first pass joins siblings over.
const MAX_CHROME_DEPTH: usize = 64;

/// True when `id` sits in a `nav`, `aside`, `footer` or `menu` element below `container`.
fn in_page_chrome(doc: &Document<'_>, container: NodeId, id: NodeId) -> bool {
    sits_in(doc, container, id, |t| {
        matches!(t, Tag::Nav | Tag::Aside | Tag::Footer | Tag::Menu)
    })
}

/// True when `id` sits in a `footer` element below `container`: an article's footer (its
/// author box, tags, publishing line) or a section's (a landing page's link columns).
fn in_footer(doc: &Document<'_>, container: NodeId, id: NodeId) -> bool {
    sits_in(doc, container, id, |t| t == Tag::Footer)
}

/// True when `id`, or an ancestor of it below `container`, has a tag `is` accepts.
fn sits_in(doc: &Document<'_>, container: NodeId, id: NodeId, is: impl Fn(Tag) -> bool) -> bool {
    let mut cur = Some(id);
    for _ in 0..MAX_CHROME_DEPTH {
        let Some(c) = cur else { break };
        if c == container {
            break;
        }
        if doc.tag_code(c).is_some_and(&is) {
            return true;
        }
        cur = doc.parent(c);
    }
    false
}

/// The boilerplate a block is marked as by its own class or id, or an ancestor's below
/// `container`: navigation, advertising, share widgets and fine print (copyright, legal).
/// The last-resort pass keeps such blocks out when the first pass found some content
/// ([`Params::marks_hold`]).
fn marked_chrome(doc: &Document<'_>, b: &Blocks, container: NodeId, id: NodeId) -> Option<Reason> {
    let mut cur = Some(id);
    for _ in 0..MAX_CHROME_DEPTH {
        let c = cur?;
        if c == container {
            break;
        }
        match b.hint.get(c.index()).copied() {
            Some(Hint::Neg(r @ (Reason::Share | Reason::Boilerplate))) => return Some(r),
            // Menus and ads by the block's own mark: a card wrapper's mark is less sure.
            Some(Hint::Neg(r @ (Reason::Nav | Reason::Ad))) if c == id => return Some(r),
            _ => {}
        }
        cur = doc.parent(c);
    }
    None
}

/// True when `id` sits under an element marked as comments ([`Hint::Soft`]) below
/// `container`.
fn in_comments(doc: &Document<'_>, b: &Blocks, container: NodeId, id: NodeId) -> bool {
    let mut cur = Some(id);
    for _ in 0..MAX_CHROME_DEPTH {
        let Some(c) = cur.filter(|&c| c != container) else {
            break;
        };
        if b.hint.get(c.index()) == Some(&Hint::Soft) {
            return true;
        }
        cur = doc.parent(c);
    }
    false
}

/// Text (characters) of the outermost hidden element around `id`.
fn hidden_panel_chars(doc: &Document<'_>, b: &Blocks, hidden_text: &[u64], id: NodeId) -> u64 {
    let mut root = id;
    for _ in 0..MAX_CHROME_DEPTH {
        match doc.parent(root) {
            Some(up) if b.hidden.get(up.index()).copied().unwrap_or(false) => root = up,
            _ => break,
        }
    }
    // A paragraph or a heading hidden by itself is no panel a reader opens: a panel holds
    // blocks.
    if doc
        .tag_code(root)
        .is_some_and(|t| t == Tag::P || t.is_heading())
    {
        return 0;
    }
    hidden_text.get(root.index()).copied().unwrap_or(0)
}

#[allow(clippy::too_many_arguments)]
fn decide(
    doc: &Document<'_>,
    b: &Blocks,
    neg: &[u32],
    hidden_text: &[u64],
    container: NodeId,
    holds: &dyn Fn(NodeId) -> bool,
    p: &Piece,
    params: &Params,
) -> Keep {
    let links_ok = params.links_ok;
    // Hidden panels inside the content of a page that does not declare an article are
    // collapsed sections (tabs, accordions, "read more" panels) a reader opens: content. A
    // small hidden element is not.
    if p.hidden
        && (params.declared
            || !holds(p.node)
            || neg[p.node.index()] != NONE
            || hidden_panel_chars(doc, b, hidden_text, p.node) < MIN_PANEL_CHARS)
    {
        return Keep::Drop(Reason::Hidden);
    }
    // A note reference ("²" linking to a footnote) is a pointer, not text.
    if p.note {
        return Keep::Drop(Reason::Nav);
    }
    if p.tool {
        return Keep::Drop(Reason::Ui);
    }
    if !holds(p.node) {
        let at = neg[p.node.index()];
        return Keep::Drop(if at != NONE {
            neg_reason(doc, b, at, params.declared)
        } else {
            Reason::LowScore
        });
    }
    // A footer inside the content is its fine print and links: an article's author box and
    // tags, a section's link columns (HTML's own meaning of the element).
    if in_footer(doc, container, p.node) {
        return Keep::Drop(Reason::Nav);
    }
    let heading = doc.tag_code(p.node).is_some_and(Tag::is_heading);
    let at = neg[p.node.index()];
    let linky_only = at == NONE || linky_only(doc, b, at, params.declared);
    // On a page that does not declare an article (a listing, a landing page), a linked
    // heading in the container is a card's title, and a linked line as long as a sentence is
    // an item's name (a product, a talk, a commit): content, unless a boilerplate hint is
    // above; so is any line as long as a sentence under a mark that link density alone set,
    // whatever its own links (a list item "gero <a>removed the windowtype attribute</a> from
    // dialogs" beside items that are mostly links). A short linked line there is content too when it sits in
    // an element of prose that nothing marks (a section's call to action, "Learn more", after
    // its text); in a menu (a link list) it is an entry, and so is a short heading of its own
    // words ("Ways to Save").
    let dense = link_density(p) > MAX_LINK_DENSITY;
    if !params.declared
        && linky_only
        && (p.chars >= SHORT_BLOCK || ((heading || at == NONE) && dense))
    {
        return Keep::Body;
    }
    // A paragraph or list item of the content whose sentence names its subjects as links
    // ("Companies using it are A, B, C, etc.") is prose: its own link density does not make it
    // a menu. One that is a single link (a teaser card's blurb) is not. Nor is one sentence that
    // opens on a link: a teaser's headline before its blurb ("<a>Headline</a> The case …").
    // (The link-density mark is the block's own: it overrides a menu's or a sidebar's above.)
    let unlinked = (p.chars - p.link_chars.min(p.chars)) as f64;
    if linky_only
        && (at == NONE || at == p.node.0)
        && matches!(doc.tag_code(p.node), Some(Tag::P | Tag::Li))
        && p.chars >= SHORT_BLOCK
        && ((p.punct >= SENTENCE_PUNCT && unlinked >= MIN_UNLINKED_SHARE * p.chars as f64)
            || (one_sentence(&p.text)
                && unlinked >= MIN_SENTENCE_UNLINKED_SHARE * p.chars as f64
                && opens_unlinked(doc, p.node)))
    {
        return Keep::Body;
    }
    if at != NONE && holds(NodeId(at)) && NodeId(at) != container {
        return Keep::Drop(neg_reason(doc, b, at, params.declared));
    }
    if !links_ok && dense {
        return Keep::Drop(Reason::Nav);
    }
    Keep::Body
}

/// Takes back the paragraphs of prose just before the content (an article's lead set in a
/// wrapper of its own, beside the body's): walking back from the first block held, blocks that
/// nothing marks (dropped only for their low score), not link-dense and ending a sentence, whose
/// branch meets the container at most [`LEAD_LEVELS`] levels up (below `<body>`), join the
/// content. The walk stops at a heading (the headline), at a marked block and at anything else
/// that is not prose, and steps over a few short neutral blocks and, before any lead is taken,
/// a picture's caption or credit line (lead, picture, body). Not a lead: a list item (key
/// points), an image's caption, a notice in fine-print words (an affiliate disclosure:
/// `data/text_boilerplate_terms.tsv`) and the page's description repeated: that is the story's
/// deck (standfirst), dropped as metadata and returned for the subtitle.
pub fn take_lead(
    doc: &Document<'_>,
    b: &Blocks,
    sel: &mut Selection,
    description: Option<&str>,
) -> Lead {
    let mut lead = Lead::default();
    let container = sel.container;
    if container == doc.root() || doc.tag_is(container, Tag::Body) {
        return lead;
    }
    let Some(first) = b
        .pieces
        .iter()
        .position(|p| !p.hidden && sel.holds(doc, p.node))
    else {
        return lead;
    };
    // The ancestor at which a lead's branch may meet the container.
    let mut top = container;
    for _ in 0..LEAD_LEVELS {
        match doc.parent(top) {
            Some(up) if up != doc.root() && !doc.tag_is(up, Tag::Body) => top = up,
            _ => break,
        }
    }
    if top == container {
        return lead;
    }
    let desc = description
        .map(lead_key)
        .filter(|d| d.chars().count() >= LEAD_KEY_CHARS);
    let mut taken: Vec<usize> = Vec::new();
    let mut gap = 0usize;
    for i in (0..first).rev() {
        let Some(p) = b.pieces.get(i) else { break };
        let low = sel.keep.get(i) == Some(&Keep::Drop(Reason::LowScore));
        if !doc.contains(top, p.node) || !low {
            // (A picture's credit line, "© Shutterstock/racorn", dropped as fine print, is
            // stepped over as its caption is.)
            let credit = doc.contains(top, p.node)
                && sel.keep.get(i) == Some(&Keep::Drop(Reason::Boilerplate))
                && p.chars < SHORT_BLOCK * 2
                && taken.is_empty()
                && is_credit(&p.text);
            if (p.hidden || credit) && gap < MAX_LEAD_GAP {
                gap += 1;
                continue;
            }
            break;
        }
        if doc.tag_code(p.node).is_some_and(Tag::is_heading)
            || in_other_article(doc, top, container, p.node)
        {
            break;
        }
        if p.chars < SHORT_BLOCK && p.punct == 0 {
            if gap >= MAX_LEAD_GAP || !taken.is_empty() {
                break;
            }
            gap += 1;
            continue;
        }
        // A picture's caption between the body and its lead (lead, picture, body).
        if is_caption(doc, top, p.node) {
            if gap >= MAX_LEAD_GAP || !taken.is_empty() {
                break;
            }
            gap += 1;
            continue;
        }
        if p.chars < MIN_LEAD_CHARS
            || p.punct == 0
            || link_density(p) > MAX_LINK_DENSITY
            || doc.tag_is(p.node, Tag::Li)
            || crate::text::lines::features(&p.text).fine_print > 0
        {
            break;
        }
        if desc.as_deref().is_some_and(|d| {
            let k = lead_key(&p.text);
            k.chars().count() >= LEAD_KEY_CHARS
                && k.chars()
                    .take(LEAD_KEY_CHARS)
                    .eq(d.chars().take(LEAD_KEY_CHARS))
        }) {
            // The deck: the first block before the content, or just before the lead taken.
            if let Some(k) = sel.keep.get_mut(i) {
                *k = Keep::Drop(Reason::Metadata);
                lead.deck = Some(i);
            }
            break;
        }
        taken.push(i);
        if taken.len() >= MAX_LEAD_BLOCKS {
            break;
        }
    }
    for i in taken {
        if let (Some(k), Some(p)) = (sel.keep.get_mut(i), b.pieces.get(i)) {
            *k = Keep::Body;
            lead.chars += p.chars;
        }
    }
    sel.kept_chars += lead.chars;
    lead
}

/// True when `text` is a picture's credit line: "© Shutterstock/racorn" (a short line opening
/// with the sign), "Photo: John Locher, AP", "Kim Kyung-Hoon/Reuters".
fn is_credit(text: &str) -> bool {
    let t = text.trim();
    let bare = t.trim_start_matches('©').trim();
    bare.len() < t.len()
        || crate::caption::is_credit_line(bare)
        || crate::caption::is_slashed_credit(bare)
        || crate::caption::is_picture_credit(bare)
}

/// What [`take_lead`] found before the content.
#[derive(Debug, Default, Clone, Copy, PartialEq, Eq)]
pub struct Lead {
    /// Characters of the lead paragraphs taken into the content.
    pub chars: usize,
    /// The piece repeating the page's description just before them: the story's deck.
    pub deck: Option<usize>,
}

/// True when `id` lies in an `<article>` below `top` that does not hold `container`: another
/// story (stacked stories), not the lead of this one.
fn in_other_article(doc: &Document<'_>, top: NodeId, container: NodeId, id: NodeId) -> bool {
    let mut cur = Some(id);
    while let Some(c) = cur.filter(|&c| c != top) {
        if doc.tag_is(c, Tag::Article) && !doc.contains(c, container) {
            return true;
        }
        cur = doc.parent(c);
    }
    false
}

/// Most elements of the container's tag and class looked at by [`take_twins`]: more are a
/// listing's cards, not one story's parts.
pub const MAX_TWINS: usize = 6;

/// Fewest characters a twin section must keep to join the content ([`take_twins`]).
pub const MIN_TWIN_CHARS: usize = 400;

/// Fewest paragraphs of prose in a twin section joining the content ([`take_twins`]).
pub const MIN_TWIN_PARAGRAPHS: usize = 2;

/// Takes the other parts of a story that figures, pull quotes or asides split into several
/// elements of one tag and class (`<div class="post__content wysiwyg">` three times, between
/// full-width pictures and a sidebar) when the selection chose one of them: on a page that
/// declares an article, an element with the container's tag and exact class, outside it, not
/// under a boilerplate mark, in the same `<article>` (or none) and with no headline (`<h1>`)
/// in it or between the two (a next story appended below), joins the content with the blocks a pass on
/// it keeps, when they hold [`MIN_TWIN_CHARS`] or more in [`MIN_TWIN_PARAGRAPHS`] paragraphs
/// or more, most of them not already kept (a print copy of the story). Up to [`MAX_TWINS`]
/// such elements; a page with more is a listing. Returns the characters taken.
pub fn take_twins(doc: &Document<'_>, b: &Blocks, sel: &mut Selection, params: &Params) -> usize {
    let container = sel.container;
    if !params.declared || container == doc.root() || doc.tag_is(container, Tag::Body) {
        return 0;
    }
    let (Some(tag), Some(class)) = (doc.tag_code(container), doc.attr_raw(container, "class"))
    else {
        return 0;
    };
    if class.trim().is_empty() {
        return 0;
    }
    let mut twins: Vec<NodeId> = Vec::new();
    for id in doc.find_tag(tag) {
        if id == container || doc.attr_raw(id, "class") != Some(class) {
            continue;
        }
        if twins.len() >= MAX_TWINS {
            return 0;
        }
        twins.push(id);
    }
    let article_of = |id: NodeId| {
        std::iter::once(id)
            .chain(doc.ancestors(id))
            .find(|&c| doc.tag_is(c, Tag::Article))
    };
    let own_article = article_of(container);
    let kept_texts: std::collections::HashSet<&str> = b
        .pieces
        .iter()
        .zip(&sel.keep)
        .filter(|(_, k)| **k == Keep::Body)
        .map(|(p, _)| p.text.trim())
        .collect();
    let mut chars = 0;
    for twin in twins {
        if doc.contains(container, twin)
            || doc.contains(twin, container)
            || sel.holds(doc, twin)
            || sel.neg.get(twin.index()).is_some_and(|&n| n != NONE)
            || article_of(twin) != own_article
        {
            continue;
        }
        // A headline between the two, or in the twin, opens another story.
        let (from, to) = if twin.0 < container.0 {
            (twin.0, container.0)
        } else {
            (doc.subtree_end(container).0, doc.subtree_end(twin).0)
        };
        if (from..to).any(|i| doc.tag_is(NodeId(i), Tag::H1)) {
            continue;
        }
        let alt = select(
            doc,
            b,
            &Params {
                container: Some(twin),
                ..*params
            },
        );
        let taken: Vec<usize> = (0..b.pieces.len())
            .filter(|&i| {
                alt.keep.get(i) == Some(&Keep::Body)
                    && sel.keep.get(i) == Some(&Keep::Drop(Reason::LowScore))
                    && b.pieces.get(i).is_some_and(|p| doc.contains(twin, p.node))
            })
            .collect();
        let shown = || {
            taken
                .iter()
                .filter_map(|&i| b.pieces.get(i))
                .filter(|p| !p.hidden)
        };
        let got: usize = shown().map(|p| p.chars).sum();
        // A copy of the story (a print or mobile version) repeats what is kept; an author's
        // note is one paragraph.
        let repeated: usize = shown()
            .filter(|p| kept_texts.contains(p.text.trim()))
            .map(|p| p.chars)
            .sum();
        let prose = shown().filter(|p| p.punct >= SENTENCE_PUNCT).count();
        if got < MIN_TWIN_CHARS || 2 * repeated > got || prose < MIN_TWIN_PARAGRAPHS {
            continue;
        }
        for i in taken {
            if let Some(k) = sel.keep.get_mut(i) {
                *k = Keep::Body;
            }
        }
        sel.also.push(twin);
        sel.kept_chars += got;
        chars += got;
    }
    chars
}

/// Longest block, in bytes, compared with a question of the page's FAQ by [`take_faq`].
pub const MAX_QUESTION_BYTES: usize = 1024;

/// Most blocks in an FAQ section taken back by [`take_faq`]: a wider element is the page
/// itself, not a section of it.
pub const MAX_FAQ_BLOCKS: usize = 400;

/// Levels above an FAQ's questions at which its own heading ("Frequently asked questions",
/// "الأسئلة الشائعة") may sit, for [`take_faq`].
pub const FAQ_HEADING_LEVELS: usize = 2;

/// Takes back the FAQ section the page's metadata declares (`FAQPage` questions, see
/// [`super::meta::jsonld::Ld::questions`]) when the selection left it out: the page says these
/// questions and their answers are its content, and they are often set apart from the body
/// in a section of their own, below it, that scores like a sidebar. The section is the
/// smallest element holding every block that asks one of the `questions` (at least
/// [`super::meta::jsonld::MIN_FAQ_QUESTIONS`] of them found, not all kept already), with the
/// heading just before it; it is not taken when it holds the chosen container (the FAQ is
/// the page) or is the whole body. Inside it, blocks dropped for a low score, for link
/// density or as interface (an accordion's markup) join the content; hidden ones and those
/// under other marks stay out. Returns the characters taken.
pub fn take_faq(
    doc: &Document<'_>,
    b: &Blocks,
    sel: &mut Selection,
    questions: &[String],
) -> usize {
    use std::collections::HashSet;
    let keys: HashSet<String> = questions
        .iter()
        .map(|q| lead_key(q))
        .filter(|k| !k.is_empty())
        .collect();
    if keys.len() < super::meta::jsonld::MIN_FAQ_QUESTIONS {
        return 0;
    }
    let asked: Vec<usize> = b
        .pieces
        .iter()
        .enumerate()
        .filter(|(_, p)| p.text.len() <= MAX_QUESTION_BYTES && keys.contains(&lead_key(&p.text)))
        .map(|(i, _)| i)
        .collect();
    if asked.len() < super::meta::jsonld::MIN_FAQ_QUESTIONS
        || asked.iter().all(|&i| sel.keep.get(i) == Some(&Keep::Body))
    {
        return 0;
    }
    // The smallest element holding every question.
    let Some(mut top) = asked.first().and_then(|&i| b.pieces.get(i)).map(|p| p.node) else {
        return 0;
    };
    for p in asked.iter().filter_map(|&i| b.pieces.get(i)) {
        while !doc.contains(top, p.node) {
            match doc.parent(top) {
                Some(up) => top = up,
                None => return 0,
            }
        }
    }
    if top == doc.root() || doc.tag_is(top, Tag::Body) || doc.contains(top, sel.container) {
        return 0;
    }
    let inside: Vec<usize> = (0..b.pieces.len())
        .filter(|&i| b.pieces.get(i).is_some_and(|p| doc.contains(top, p.node)))
        .collect();
    if inside.len() > MAX_FAQ_BLOCKS {
        return 0;
    }
    let before = inside.first().and_then(|&i| i.checked_sub(1));
    let mut taken = inside;
    // The section's heading, just before it.
    let mut scope = top;
    for _ in 0..FAQ_HEADING_LEVELS {
        scope = doc.parent(scope).unwrap_or(scope);
    }
    if let Some(h) = before
        && b.pieces.get(h).is_some_and(|p| {
            doc.tag_code(p.node).is_some_and(Tag::is_heading) && doc.contains(scope, p.node)
        })
    {
        taken.push(h);
    }
    let mut chars = 0;
    for i in taken {
        if let (Some(k), Some(p)) = (sel.keep.get_mut(i), b.pieces.get(i))
            && matches!(*k, Keep::Drop(Reason::LowScore | Reason::Nav | Reason::Ui))
            && !p.hidden
        {
            *k = Keep::Body;
            chars += p.chars;
        }
    }
    sel.kept_chars += chars;
    chars
}

/// Folded characters of a description and of a lead compared by [`take_lead`].
pub const LEAD_KEY_CHARS: usize = 40;

/// Letters and digits of `s`, lowercased (a deck compared with the page's description).
fn lead_key(s: &str) -> String {
    s.chars()
        .filter(|c| c.is_alphanumeric())
        .flat_map(char::to_lowercase)
        .collect()
}

/// True when `id` is an image's caption: inside a `figure`, or beside an image under the same
/// parent.
fn is_caption(doc: &Document<'_>, top: NodeId, id: NodeId) -> bool {
    let mut cur = Some(id);
    for _ in 0..MAX_CHROME_DEPTH {
        let Some(c) = cur.filter(|&c| c != top) else {
            break;
        };
        if matches!(doc.tag_code(c), Some(Tag::Figure | Tag::Figcaption)) {
            return true;
        }
        cur = doc.parent(c);
    }
    doc.parent(id).is_some_and(|up| {
        doc.children(up)
            .take(MAX_SIBLINGS)
            .any(|s| matches!(doc.tag_code(s), Some(Tag::Img | Tag::Picture)))
    })
}

/// True when piece `i` is a linked heading that opens a section of an article's running text
/// (a listicle's "5. Product name" linking to the product): it is marked by its own link
/// density alone, and the block after it, under the same parent, is a paragraph of prose longer
/// than a teaser card's blurb ([`LINK_LIST_MAX_PROSE`]).
fn section_heading(doc: &Document<'_>, b: &Blocks, neg: &[u32], i: usize) -> bool {
    let (Some(p), Some(next)) = (b.pieces.get(i), b.pieces.get(i + 1)) else {
        return false;
    };
    if p.hidden || !doc.tag_code(p.node).is_some_and(Tag::is_heading) {
        return false;
    }
    let at = neg[p.node.index()];
    if at != NONE && (at != p.node.0 || !linky_only(doc, b, at, true)) {
        return false;
    }
    let Some(parent) = doc.parent(p.node) else {
        return false;
    };
    !next.hidden
        && next.punct >= SENTENCE_PUNCT
        && next.chars as u64 >= LINK_LIST_MAX_PROSE
        && link_density(next) <= MAX_LINK_DENSITY
        && neg[next.node.index()] == NONE
        && doc.contains(parent, next.node)
}

/// True when the drop mark at `at` comes from link density alone (no boilerplate hint, not a
/// nested `<article>`, not a form to fill in).
fn linky_only(doc: &Document<'_>, b: &Blocks, at: u32, declared: bool) -> bool {
    let hint = b.hint.get(at as usize).copied().unwrap_or(Hint::None);
    hint != Hint::Soft
        && hint.neg_reason(declared).is_none()
        && !doc.tag_is(NodeId(at), Tag::Article)
        && !entry_form(doc, NodeId(at))
}

/// True when `id` is a `<form>` with a field to type into ([`has_entry_field`]).
fn entry_form(doc: &Document<'_>, id: NodeId) -> bool {
    doc.tag_is(id, Tag::Form) && has_entry_field(doc, id)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::html::blocks;

    const PARA: &str =
        "دعا وزير الخارجية الروسي إلى وقف فوري لإطلاق النار في إدلب، وقال إن الحل سياسي.";

    /// The texts of the blocks `keep` holds as body.
    fn body_texts(b: &Blocks, keep: &[Keep]) -> Vec<String> {
        b.pieces
            .iter()
            .zip(keep)
            .filter(|(_, k)| **k == Keep::Body)
            .map(|(p, _)| p.text.clone())
            .collect()
    }

    fn kept(page: &str, params: &Params) -> Vec<String> {
        let doc = Document::parse(page);
        let b = blocks::collect(&doc);
        body_texts(&b, &select(&doc, &b, params).keep)
    }

    #[test]
    fn a_linked_heading_over_its_section_stays_in_a_declared_article() {
        // A listicle names each item in a heading that links to it; the heading opens a
        // section of the article's prose. A teaser card's linked heading over one short blurb
        // and a linked heading over nothing stay out.
        let long = format!("{PARA} {PARA} {PARA}");
        let page = format!(
            "<body><article><h1>أفضل الكاميرات</h1><p>{long}</p>\
             <h2><a href=/x1>1. كاميرا فوجي</a></h2><p>{long}</p><p>{long}</p>\
             <h2><a href=/x2>2. كاميرا سوني</a></h2><p>{long}</p>\
             <div class=card><h3><a href=/t1>خبر آخر عن الكاميرات</a></h3><p>{PARA}</p></div>\
             <h3><a href=/t2>رابط بلا نص بعده</a></h3></article></body>"
        );
        let params = Params {
            tight: true,
            declared: true,
            ..Params::default()
        };
        let body = kept(&page, &params);
        assert!(body.iter().any(|t| t == "1. كاميرا فوجي"), "{body:?}");
        assert!(body.iter().any(|t| t == "2. كاميرا سوني"), "{body:?}");
        assert!(!body.iter().any(|t| t.contains("خبر آخر")), "{body:?}");
        assert!(!body.iter().any(|t| t.contains("رابط بلا")), "{body:?}");
    }

    #[test]
    fn sibling_sections_of_an_undeclared_page_join_the_content() {
        // Sections side by side under the body, beside a menu: the best section is chosen,
        // and its sibling section (positive, not boilerplate) joins it; the menu does not.
        let page = format!(
            "<body><div class=menu><a href=/a>الرئيسية</a> <a href=/b>أخبار</a></div>\
             <section><p>{PARA}</p><p>{PARA} {PARA}</p></section>\
             <section><h2>الأسئلة</h2><p>كيف نحجز موعدا؟ يمكنكم الحجز عبر الهاتف، أو زيارة المكتب.</p></section>\
             </body>"
        );
        let body = kept(&page, &Params::default());
        assert!(body.iter().any(|t| t.starts_with("كيف نحجز")), "{body:?}");
        assert!(!body.iter().any(|t| t.contains("الرئيسية")), "{body:?}");
        // A declared article keeps its one block, in a rescue pass (which is not `tight`) too.
        let menu: String = (0..12)
            .map(|k| format!("<a href=/m{k}>قسم الأخبار {k}</a> "))
            .collect();
        let page = format!(
            "<body><div class=menu>{menu}</div>\
             <section><p>{PARA}</p><p>{PARA} {PARA}</p></section>\
             <section><p>كيف نحجز موعدا؟ يمكنكم الحجز عبر الهاتف، أو زيارة المكتب.</p></section>\
             </body>"
        );
        let body = kept(&page, &Params::default());
        assert!(body.iter().any(|t| t.starts_with("كيف نحجز")), "{body:?}");
        let rescue = Params {
            declared: true,
            links_ok: true,
            ..Params::default()
        };
        let body = kept(&page, &rescue);
        assert!(!body.iter().any(|t| t.starts_with("كيف نحجز")), "{body:?}");
    }

    #[test]
    fn a_sections_call_to_action_stays_on_an_undeclared_page() {
        // Sections of a landing page end with a linked "Find out more" set in the section's own
        // text: it belongs to the section; the menu's short links (a link list) do not.
        let menu: String = (0..8)
            .map(|k| format!("<li><a href=/m{k}>Menu {k}</a></li>"))
            .collect();
        let section = |h: &str| {
            format!(
                "<section><h2>{h}</h2><p>{PARA} {PARA}</p><a href=/more>Find out more</a></section>"
            )
        };
        let page = format!(
            "<body><ul class=links>{menu}</ul><div class=page>{}{}</div></body>",
            section("الخدمات"),
            section("الأسعار")
        );
        let body = kept(&page, &Params::default());
        assert!(body.iter().any(|t| t == "Find out more"), "{body:?}");
        assert!(!body.iter().any(|t| t.starts_with("Menu")), "{body:?}");
        // In a declared article a short linked line is still dropped.
        let declared = Params {
            declared: true,
            tight: true,
            ..Params::default()
        };
        let body = kept(&page, &declared);
        assert!(!body.iter().any(|t| t == "Find out more"), "{body:?}");
    }

    #[test]
    fn a_list_items_fewer_links_do_not_drop_it_where_its_linked_siblings_stay() {
        // A changelog's list on a page declaring no article: every item links its change. The
        // item that is mostly link stays as an item's name; those with more of their own
        // words stay too.
        let page = format!(
            "<body><div class=post><p>{PARA}</p><p>{PARA} {PARA}</p><ul>\
             <li>Ankush Dua <a href=/b1>fixed an issue with revoked devtools permissions</a></li>\
             <li>gero <a href=/b2>removed the windowtype attribute</a> from dialogs we no longer need</li>\
             <li>manekenpix <a href=/b3>converted some code</a> to use DOM Promises</li>\
             </ul><p>{PARA}</p></div></body>"
        );
        let body = kept(&page, &Params::default());
        for name in ["Ankush Dua", "gero", "manekenpix"] {
            assert!(body.iter().any(|t| t.starts_with(name)), "{name}: {body:?}");
        }
        // A short heading of a menu's own words is the menu's, not the content's.
        let menu = "<div><h4>Ways to Save</h4><a href=/s1>Clearance sale on all items</a> \
                    <a href=/s2>Coupons and promo codes today</a></div>";
        let page = page.replace("<ul>", &format!("{menu}<ul>"));
        let body = kept(&page, &Params::default());
        assert!(!body.iter().any(|t| t == "Ways to Save"), "{body:?}");
        assert!(body.iter().any(|t| t.starts_with("Clearance")), "{body:?}");
    }

    #[test]
    fn call_to_action_boxes_are_boilerplate_only_in_a_declared_article() {
        // A call-to-action box (`story` hint) inside an article is dropped; on a landing page
        // (no article declared) the same box is one of its sections.
        let page = format!(
            "<body><div class=post><p>{PARA}</p><p>{PARA} {PARA}</p>\
             <div class=cta><h3>ابدأ الآن مجانا</h3><p>سجل اليوم واحصل على تجربة مجانية لمدة أسبوعين كاملين.</p></div>\
             <p>{PARA}</p></div></body>"
        );
        let article = Params {
            declared: true,
            tight: true,
            ..Params::default()
        };
        let body = kept(&page, &article);
        assert!(!body.iter().any(|t| t.starts_with("سجل اليوم")), "{body:?}");
        assert_eq!(body.len(), 3, "{body:?}");
        let body = kept(&page, &Params::default());
        assert!(body.iter().any(|t| t.starts_with("سجل اليوم")), "{body:?}");
    }

    #[test]
    fn comments_between_posts_do_not_split_the_thread() {
        // A question, its comments, then an answer: the comments are dropped, but they do not
        // make the answer alone the content.
        let page = format!(
            "<body><div class=thread><div class=post><p>سؤال: {PARA}</p>\
             <div class=comments><p>{PARA} {PARA}</p><p>{PARA} {PARA}</p></div></div>\
             <div class=post><p>جواب: {PARA} {PARA}</p></div></div></body>"
        );
        let body = kept(&page, &Params::default());
        assert!(body.iter().any(|t| t.starts_with("سؤال")), "{body:?}");
        assert!(body.iter().any(|t| t.starts_with("جواب")), "{body:?}");
        assert_eq!(body.len(), 2, "{body:?}");
    }

    #[test]
    fn collapsed_panel_in_content_is_kept_on_undeclared_pages() {
        let page = format!(
            "<body><div class=service><p>{PARA}</p><p>{PARA}</p>\
             <div class=accordion hidden><p>تفاصيل الخدمة: {PARA}</p></div>\
             <p hidden>مخفي</p></div></body>"
        );
        let body = kept(&page, &Params::default());
        assert!(
            body.iter().any(|t| t.starts_with("تفاصيل الخدمة")),
            "{body:?}"
        );
        assert!(!body.iter().any(|t| t == "مخفي"), "{body:?}");
        // A declared article keeps its hidden blocks out.
        let declared = Params {
            declared: true,
            tight: true,
            ..Params::default()
        };
        let body = kept(&page, &declared);
        assert!(
            !body.iter().any(|t| t.starts_with("تفاصيل الخدمة")),
            "{body:?}"
        );
    }

    #[test]
    fn linked_names_in_a_sentence_keep_the_paragraph() {
        // A paragraph naming its subjects as links is prose; a paragraph that is one link (a
        // teaser's blurb) and a short linked line are not.
        let page = format!(
            "<body><div class=post><p>{PARA}</p><p>{PARA} {PARA}</p>\
             <p>Used by <a href=/a>Nokia Networks</a>, <a href=/b>Vonage Holdings</a>, \
             <a href=/c>Replicon Software</a>, etc.</p>\
             <p><a href=/t>A teaser blurb that reads like a sentence, with commas, too.</a></p>\
             <p><a href=/m>Menu entry</a></p>\
             <ul><li>Read by <a href=/x>Harold Pinter</a>, <a href=/y>Samuel Beckett</a>, and others.</li>\
             <li><a href=/z>Another teaser blurb, one link, with commas, too.</a></li></ul></div></body>"
        );
        let declared = Params {
            declared: true,
            tight: true,
            ..Params::default()
        };
        let body = kept(&page, &declared);
        assert!(body.iter().any(|t| t.starts_with("Used by")), "{body:?}");
        assert!(!body.iter().any(|t| t.starts_with("A teaser")), "{body:?}");
        assert!(!body.iter().any(|t| t == "Menu entry"), "{body:?}");
        assert!(body.iter().any(|t| t.starts_with("Read by")), "{body:?}");
        assert!(
            !body.iter().any(|t| t.starts_with("Another teaser")),
            "{body:?}"
        );
    }

    #[test]
    fn a_linked_content_div_does_not_unmark_its_widget() {
        // A "most popular" widget whose inner `content` div is a list of headlines stays
        // boilerplate: only a content subtree of prose makes a boilerplate class untrusted.
        let items: String = (1..=8)
            .map(|k| {
                format!(
                    "<li><a href=/s{k}>Headline number {k} of the most read stories today</a></li>"
                )
            })
            .collect();
        let page = format!(
            "<body><div class=story><p>{PARA} {PARA}</p><p>{PARA} {PARA}</p><p>{PARA}</p>\
             <p>{PARA} {PARA}</p></div>\
             <div class=most-popular><div class=content><ul>{items}</ul></div></div></body>"
        );
        let rescue = Params {
            declared: true,
            links_ok: true,
            ..Params::default()
        };
        let body = kept(&page, &rescue);
        assert!(body.iter().any(|t| t.starts_with("دعا")), "{body:?}");
        assert!(!body.iter().any(|t| t.starts_with("Headline")), "{body:?}");
    }

    #[test]
    fn a_section_beside_the_parent_of_the_chosen_subtree_joins_it() {
        // An intro section sits beside the wrapper of the chosen block, not beside the block:
        // it joins the content; the link list beside it does not.
        let links: String = (1..=12)
            .map(|k| format!("<a href=/l{k}>Service number {k}</a> "))
            .collect();
        let page = format!(
            "<body><div class=page><section><p>مقدمة: {PARA}</p></section>\
             <div class=list>{links}</div>\
             <div class=wrap><div class=quotes><p>{PARA} {PARA}</p><p>{PARA} {PARA}</p>\
             <p>{PARA} {PARA}</p></div></div></div></body>"
        );
        let body = kept(&page, &Params::default());
        assert!(body.iter().any(|t| t.starts_with("مقدمة")), "{body:?}");
        assert!(
            !body.iter().any(|t| t.contains("Service number")),
            "{body:?}"
        );
    }

    #[test]
    fn sections_beside_the_outermost_wrapper_join_the_content() {
        // Each section nests its text in wrappers (`section > div > div > div`): the walk up
        // from the chosen block passes the wrappers, and the sibling section joins; the menu
        // does not.
        let menu: String = (0..16)
            .map(|k| format!("<a href=/m{k}>قسم الأخبار {k}</a> "))
            .collect();
        let wrap = |inner: &str| {
            format!(
                "<section><div class=container><div class=row><div class=col>{inner}</div></div></div></section>"
            )
        };
        let faq = "<h2>الأسئلة</h2><p>كيف نحجز موعدا؟ يمكنكم الحجز عبر الهاتف، أو زيارة المكتب.</p>\
                   <p>هل الخدمة مجانية؟ نعم، الاستشارة الأولى مجانية، والباقي حسب الطلب.</p>";
        let page = format!(
            "<body><div class=menu>{menu}</div>{}{}</body>",
            wrap(&format!("<p>{PARA}</p><p>{PARA} {PARA}</p>")),
            wrap(faq)
        );
        let body = kept(&page, &Params::default());
        assert!(body.iter().any(|t| t.starts_with("دعا")), "{body:?}");
        assert!(body.iter().any(|t| t.starts_with("كيف نحجز")), "{body:?}");
        assert!(!body.iter().any(|t| t.contains("قسم الأخبار")), "{body:?}");
    }

    #[test]
    fn a_dialog_holding_most_of_the_text_is_not_a_wrapper() {
        // A cookie dialog with more text than the page behind it stays boilerplate: a dialog
        // layer is never the wrapper of the content.
        let page = format!(
            "<body><div class=consent-layer><div role=dialog aria-modal=true>\
             <p>Cookies: {PARA} {PARA}</p><p>Cookies: {PARA} {PARA}</p><p>Cookies: {PARA} {PARA}</p>\
             </div></div><div class=recipes><p>{PARA}</p><p>{PARA}</p></div></body>"
        );
        let body = kept(&page, &Params::default());
        assert!(body.iter().any(|t| t.starts_with("دعا")), "{body:?}");
        assert!(!body.iter().any(|t| t.starts_with("Cookies")), "{body:?}");
    }

    #[test]
    fn a_story_beside_a_widget_of_linked_cards_is_not_a_link_list() {
        // The story's container also holds a widget of linked cards with more link text than
        // the story has words: the container is not a link list, its paragraphs stay.
        let cards: String = (1..=12)
            .map(|k| {
                format!(
                    "<a href=/s{k}><h5>Headline {k} of another story on the site today</h5></a>"
                )
            })
            .collect();
        let page = format!(
            "<body><div class=menu><a href=/>Home</a> <a href=/n>News</a></div>\
             <div class=main><h1>Title</h1><div class=widget>{cards}</div>\
             <p>{PARA} {PARA} {PARA}</p><p>{PARA}</p></div>\
             <footer><p>{PARA} {PARA} {PARA} {PARA}</p><p>{PARA} {PARA} {PARA} {PARA}</p></footer></body>"
        );
        let declared = Params {
            declared: true,
            tight: true,
            ..Params::default()
        };
        let body = kept(&page, &declared);
        assert!(body.iter().any(|t| t.starts_with("دعا")), "{body:?}");
        assert!(!body.iter().any(|t| t.starts_with("Headline")), "{body:?}");
    }

    /// Kept blocks after the selection and [`take_lead`].
    fn kept_with_lead(page: &str, description: Option<&str>) -> Vec<String> {
        let doc = Document::parse(page);
        let b = blocks::collect(&doc);
        let params = Params {
            declared: true,
            tight: true,
            ..Params::default()
        };
        let mut sel = select(&doc, &b, &params);
        take_lead(&doc, &b, &mut sel, description);
        body_texts(&b, &sel.keep)
    }

    const LEAD: &str =
        "Lead: the minister called for an immediate ceasefire, saying the solution was political.";

    #[test]
    fn a_lead_in_a_wrapper_of_its_own_before_the_body_joins_it() {
        // The lead paragraph sits in an intro wrapper beside the body's (an empty spacer
        // paragraph after it); the headline above stops the walk back.
        let page = format!(
            "<body><div class=page><h1>Headline of the story</h1>\
             <div class=intro><p>{LEAD}</p><p>\u{200d}</p></div>\
             <div class=text><p>{PARA} {PARA}</p><p>{PARA} {PARA}</p><p>{PARA} {PARA}</p></div>\
             <div class=more><a href=/r1>{PARA}</a><a href=/r2>{PARA}</a></div></div></body>"
        );
        let body = kept_with_lead(&page, None);
        assert_eq!(body.first().map(String::as_str), Some(LEAD), "{body:?}");
        assert!(!body.iter().any(|t| t.starts_with("Headline")), "{body:?}");
    }

    #[test]
    fn a_lead_above_a_captioned_picture_joins_the_body() {
        // Lead, picture with its caption, body: the caption is stepped over.
        let page = format!(
            "<body><div class=page><h1>Headline of the story</h1>\
             <div class=intro><p>{LEAD}</p></div>\
             <div class=pic><figure><img src=/a.jpg><figcaption>Pumps in the field.</figcaption></figure></div>\
             <div class=text><p>{PARA} {PARA}</p><p>{PARA} {PARA}</p><p>{PARA} {PARA}</p></div>\
             <div class=more><a href=/r1>{PARA}</a><a href=/r2>{PARA}</a></div></div></body>"
        );
        let body = kept_with_lead(&page, None);
        assert_eq!(body.first().map(String::as_str), Some(LEAD), "{body:?}");
    }

    #[test]
    fn a_lead_above_a_picture_credited_in_fine_print_joins_the_body() {
        // Lead, picture with its credit marked as copyright fine print, body: the credit is
        // stepped over as a caption is.
        let page = format!(
            "<body><div class=page><h1>Headline of the story</h1>\
             <div class=intro><p>{LEAD}</p></div>\
             <div class=pic><img src=/a.jpg><div class=a-copyright>© Shutterstock/racorn</div></div>\
             <div class=text><p>{PARA} {PARA}</p><p>{PARA} {PARA}</p><p>{PARA} {PARA}</p></div>\
             <div class=more><a href=/r1>{PARA}</a><a href=/r2>{PARA}</a></div></div></body>"
        );
        let body = kept_with_lead(&page, None);
        assert_eq!(body.first().map(String::as_str), Some(LEAD), "{body:?}");
    }

    #[test]
    fn key_points_captions_and_the_description_are_no_lead() {
        // A list of key points, an image's caption, a deck repeating the page's description and
        // an affiliate notice sit just as close to the body: none of them is its lead.
        let body_div = format!(
            "<div class=text><p>{PARA} {PARA}</p><p>{PARA} {PARA}</p><p>{PARA} {PARA}</p></div>"
        );
        for (before, description) in [
            (
                format!("<div class=points><ul><li>{LEAD}</li></ul></div>"),
                None,
            ),
            (
                format!("<div class=pic><img src=/a.jpg><div class=cap>{LEAD}</div></div>"),
                None,
            ),
            (
                format!("<div class=deck><p>{LEAD}</p></div>"),
                Some("Lead: the minister called for an immediate ceasefire, saying…"),
            ),
            (
                "<div class=bar><p>Lead: we may earn a commission when you buy through affiliate \
                 links on this page.</p></div>"
                    .to_string(),
                None,
            ),
        ] {
            let page = format!(
                "<body><div class=page>{before}{body_div}\
                 <div class=more><a href=/r1>{PARA}</a><a href=/r2>{PARA}</a></div></div></body>"
            );
            let body = kept_with_lead(&page, description);
            assert!(
                !body.iter().any(|t| t.starts_with("Lead")),
                "{before}: {body:?}"
            );
            assert!(body.iter().any(|t| t.starts_with("دعا")), "{body:?}");
        }
    }
}
