//! Text blocks of a page: every run of text grouped under its nearest block-level element, with
//! per-node inherited flags (in a link, hidden, interface control) computed in one forward pass
//! over the arena (parents come before children, so no recursion and no parent walks).
//!
//! ```
//! use marsad_extract::html::{blocks::collect, dom::Document};
//! let doc = Document::parse("<div><p>دعا لافروف <a href=/x>إلى وقف</a></p><p hidden>مخفي</p></div>");
//! let b = collect(&doc);
//! assert_eq!(b.pieces.len(), 2);
//! assert_eq!(b.pieces[0].text, "دعا لافروف إلى وقف");
//! assert!(b.pieces[0].link_chars > 0);
//! assert!(b.pieces[1].hidden);
//! ```

use std::collections::HashMap;

use marsad_arabic::normalize::is_invisible;
use marsad_model::{Reason, Span};

use super::dom::{Document, NodeId, Tag, is_sibling_gap};
use super::hints::{
    CLASS_CACHE_CAPACITY, Hint, WordHashBuild, class_hint, element_hint, is_hidden,
    is_streamed_segment,
};
use crate::SOFT_HYPHEN;

/// What a `class` or `id` value says, memoised per page (pages repeat class names).
#[derive(Clone, Copy)]
struct ClassFacts {
    /// Its content hint ([`class_hint`]).
    hint: Hint,
    /// It names a tooltip's box ([`is_tooltip_class`]).
    tooltip: bool,
}

fn class_facts<'a>(
    cache: &mut HashMap<&'a str, ClassFacts, WordHashBuild>,
    v: &'a str,
) -> ClassFacts {
    *cache.entry(v).or_insert_with(|| ClassFacts {
        hint: class_hint(v),
        tooltip: is_tooltip_class(v),
    })
}

/// No node.
pub const NONE: u32 = u32::MAX;
/// In the document head (per-node control marks of [`collect_with`]).
const IN_HEAD: u32 = u32::MAX - 1;

/// True when a text closes on a capital consonant standing alone after a space ("…brand
/// alexander, C"): the first letter of the word the next element goes on with ("ocoa Puffs").
/// A capital vowel is often a word ("Plan A") and keeps its gap; a consonant seldom is ("Plan
/// B"), and a lower-case word set flush against it in the markup runs on in a browser too.
fn ends_with_capital_initial(text: &str) -> bool {
    match text.as_bytes() {
        [.., b' ', c] => c.is_ascii_uppercase() && !b"AEIOUY".contains(c),
        _ => false,
    }
}

/// Most bytes of one text that can be a single letter (a space and four UTF-8 bytes).
const MAX_INITIAL_BYTES: usize = 5;

/// Line breaks in a row (`<br><br>`) that part a block's paragraphs.
pub const PARAGRAPH_BREAKS: u8 = 2;

/// Most characters kept in one block's text (the rest is cut).
pub const MAX_BLOCK_CHARS: usize = 200_000;

/// One block of text: the text of one block-level element, without nested blocks.
#[derive(Debug, Clone)]
pub struct Piece {
    /// The block-level element holding the text.
    pub node: NodeId,
    /// Collapsed text.
    pub text: String,
    /// From the first to the last text byte in the input.
    pub span: Span,
    /// Non-space characters.
    pub chars: usize,
    /// Non-space characters inside links.
    pub link_chars: usize,
    /// Under a hidden element.
    pub hidden: bool,
    /// Commas (Latin and Arabic) and sentence ends in the text.
    pub punct: usize,
    /// A note reference: an in-page link (`href="#…"`) set in superscript (`<sup><a
    /// href="#fn2">2</a></sup>`), a pointer to a footnote, not words of the sentence it sits in.
    pub note: bool,
    /// A wiki's section tools after a heading's words (`<h2>History<span>[<a
    /// href="?action=edit">edit</a>]</span></h2>`): an interface, not text of the heading.
    pub tool: bool,
    /// One of several paragraphs of one element, parted by a blank line (`<br><br>`).
    pub part: bool,
}

impl Piece {
    /// True for running text: a sentence's punctuation, and less than half of its characters
    /// in links.
    pub fn is_prose(&self) -> bool {
        self.punct > 0 && self.link_chars * 2 < self.chars
    }
}

/// The blocks of a page and per-node facts.
#[derive(Debug, Clone)]
pub struct Blocks {
    /// Blocks in document order.
    pub pieces: Vec<Piece>,
    /// Per node: its own hint (elements only).
    pub hint: Vec<Hint>,
    /// Per node: the block element its text belongs to (text nodes and inline elements).
    pub block_of: Vec<u32>,
    /// Per node: the piece index of a block element, or [`NONE`].
    pub piece_of: Vec<u32>,
    /// Per node: hidden (itself or an ancestor).
    pub hidden: Vec<bool>,
    /// The labels of interface controls, in document order: never blocks, accounted for in
    /// `chrome`.
    pub controls: Vec<Control>,
}

/// The text of an interface control (a `<button>`'s label, a `<select>`'s options, a form's
/// `<label>`: "Subscribe", "اشترك", "Remember me"; a `<textarea>`'s value), which is never
/// read as a block. It is kept
/// so that every text of the page ends in the article or in `chrome`.
#[derive(Debug, Clone)]
pub struct Control {
    /// The outermost control element.
    pub node: NodeId,
    /// Its text, whitespace collapsed.
    pub text: String,
    /// From its first to its last text byte.
    pub span: Span,
    /// Under a hidden element.
    pub hidden: bool,
}

/// Adds a text of the control `node` to `controls` (to the last entry when it is the same
/// control's).
fn add_control(controls: &mut Vec<Control>, node: NodeId, text: &str, span: Span, hidden: bool) {
    let c = match controls.last_mut() {
        Some(c) if c.node == node => c,
        _ => {
            controls.push(Control {
                node,
                text: String::new(),
                span,
                hidden,
            });
            let Some(c) = controls.last_mut() else {
                return;
            };
            c
        }
    };
    for w in text.split_whitespace() {
        if c.text.len() >= MAX_BLOCK_CHARS {
            break;
        }
        if !c.text.is_empty() {
            c.text.push(' ');
        }
        c.text.push_str(w);
    }
    c.span = c.span.cover(span);
}

/// Words a heading's text needs for an `id` to be read as spelled from it ([`id_spells_heading`]):
/// a two-word label ("Related Posts", id `related-posts`) keeps its id's hint.
pub const MIN_SPELLED_WORDS: usize = 3;
/// Id words of at least this many letters are compared; shorter ones ("h", "2") are a
/// generator's prefix or a counter.
pub const MIN_ID_WORD: usize = 3;
/// Share of an id's words a heading must hold for the id to be spelled from it (a generator may
/// add its own words: "sign-up-for-twilio-section-indexable").
pub const MIN_SPELLED_SHARE: f64 = 0.66;
/// Most bytes of a heading's text read by [`id_spells_heading`].
const MAX_SPELLED_TEXT: usize = 400;
/// Most nodes looked at by [`id_spells_heading`], for the heading of a section and for its text
/// (an unclosed heading may hold the page).
const MAX_SPELLED_NODES: usize = 128;

/// True when `id_value` is a slug of a heading's words: of the heading itself, or of the first
/// heading inside a section (`<section id="describe-your-changes"><h2>Describe your
/// changes</h2>`). The id needs two or more words of [`MIN_ID_WORD`] letters,
/// [`MIN_SPELLED_SHARE`] of them words of the heading's text, which has at least
/// [`MIN_SPELLED_WORDS`] words.
fn id_spells_heading(doc: &Document<'_>, node: NodeId, id_value: &str) -> bool {
    let words = |s: &str| -> Vec<String> {
        s.split(|c: char| !c.is_alphanumeric())
            .filter(|w| !w.is_empty())
            .map(str::to_lowercase)
            .collect()
    };
    let id_words: Vec<String> = words(id_value)
        .into_iter()
        .filter(|w| w.chars().count() >= MIN_ID_WORD && !w.chars().all(|c| c.is_ascii_digit()))
        .collect();
    if id_words.len() < 2 {
        return false;
    }
    let heading = if doc.tag_code(node).is_some_and(Tag::is_heading) {
        node
    } else {
        match doc
            .descendants(node)
            .take(MAX_SPELLED_NODES)
            .find(|&d| doc.tag_code(d).is_some_and(Tag::is_heading))
        {
            Some(h) => h,
            None => return false,
        }
    };
    let mut text = String::new();
    for d in doc.descendants(heading).take(MAX_SPELLED_NODES) {
        if doc.is_text(d) {
            text.push_str(&doc.text(d));
            text.push(' ');
            if text.len() > MAX_SPELLED_TEXT {
                break;
            }
        }
    }
    let text_words = words(&text);
    let found = id_words.iter().filter(|w| text_words.contains(w)).count();
    text_words.len() >= MIN_SPELLED_WORDS
        && found as f64 >= MIN_SPELLED_SHARE * id_words.len() as f64
}

/// Why an element's text is left out of the blocks.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Skip {
    /// Read.
    No,
    /// Inside a button: an interface word, unless it asks a question ([`is_question_label`]).
    Button,
    /// Never read ([`skipped`]).
    Always,
}

/// Longest button text (bytes) read to see whether it asks a question: a label is a line,
/// and reading every button of a deep nest of them whole would cost the nest's depth times
/// the text's size.
const MAX_QUESTION_LABEL_BYTES: usize = 2048;

/// Fewest words in a button's label that asks a question.
pub const MIN_QUESTION_LABEL_WORDS: usize = 3;

/// True when a button's label asks a question of [`MIN_QUESTION_LABEL_WORDS`] words or more
/// ("How often should you buy new walking shoes?", "هل الدخول مجاني؟"): the header of an FAQ
/// entry that opens its answer, not an interface word.
///
/// ```
/// use marsad_extract::html::blocks::is_question_label;
/// assert!(is_question_label(" How long should everyday shoes last? "));
/// assert!(is_question_label("هل الدخول إلى المعرض مجاني؟"));
/// assert!(!is_question_label("Need help?"));
/// assert!(!is_question_label("Add to cart"));
/// ```
pub fn is_question_label(text: &str) -> bool {
    let t = text.trim();
    t.ends_with(['?', '؟']) && t.split_whitespace().count() >= MIN_QUESTION_LABEL_WORDS
}

/// Elements whose text is never content (document head, interface controls, a text box's
/// value).
fn skipped(tag: Tag) -> bool {
    matches!(
        tag,
        Tag::Head
            | Tag::Title
            | Tag::Button
            | Tag::Select
            | Tag::Option
            | Tag::Optgroup
            | Tag::Datalist
            | Tag::Label
            | Tag::Textarea
    )
}

/// Words that, after "tooltip" in a class, name the box a tooltip shows ("tooltiptext",
/// "tooltip-content", "Term_tooltipBubble__x9"), not the word it is attached to (a bare
/// "tooltip" class is often on that word).
const TOOLTIP_BOX: [&str; 8] = [
    "text", "content", "bubble", "body", "inner", "box", "popup", "panel",
];

/// True when a class value names a tooltip's box ([`TOOLTIP_BOX`]); with `role="tooltip"`,
/// an element is one. Its text shows on hover only, over the text it explains.
fn is_tooltip_class(class: &str) -> bool {
    let starts = |s: &[u8], w: &[u8]| s.get(..w.len()).is_some_and(|h| h.eq_ignore_ascii_case(w));
    let c = class.as_bytes();
    // Only where a "t" stands: a case-folded comparison at every byte cost more than the rest
    // of the class's reading.
    (0..c.len()).any(|at| {
        if c[at] | 0x20 != b't' {
            return false;
        }
        let Some(mut rest) = c.get(at..).filter(|r| starts(r, b"tooltip")) else {
            return false;
        };
        rest = &rest[b"tooltip".len()..];
        while let [b'-' | b'_', tail @ ..] = rest {
            rest = tail;
        }
        TOOLTIP_BOX.iter().any(|w| starts(rest, w.as_bytes()))
    })
}

/// Most bytes of text [`is_heading_tool`] reads.
const MAX_TOOL_BYTES: usize = 48;

/// Most nodes [`is_heading_tool`] looks through: the tool's own for its mark, its next
/// siblings for anything after it.
const MAX_TOOL_NODES: usize = 16;

/// True when inline element `id` (of tag `code`), after a heading's words or after the
/// heading in its wrapper, is a wiki's section tools: the last element there, its words a
/// tool's ("[edit]", "[edit | edit source]", "[تعديل]"), marked as one (MediaWiki's
/// `mw-editsection` class) or linking to the section's editor (`?action=edit`,
/// `?veaction=edit`). A link of those words anywhere else ("How to <a>edit</a>") is a word.
fn is_heading_tool(doc: &Document<'_>, id: NodeId, code: Tag) -> bool {
    let last = std::iter::successors(doc.next_sibling(id), |&n| doc.next_sibling(n))
        .take(MAX_TOOL_NODES)
        .all(|n| !doc.is_element(n) && doc.raw_text(n).trim().is_empty());
    if !last {
        return false;
    }
    let marked = |n: NodeId| {
        doc.attr_raw(n, "class")
            .is_some_and(|c| c.to_ascii_lowercase().contains("editsection"))
            || (doc.tag_is(n, Tag::A)
                && doc
                    .attr_raw(n, "href")
                    .is_some_and(|h| h.to_ascii_lowercase().contains("action=edit")))
    };
    let tool = (code == Tag::A || code == Tag::Span)
        && std::iter::once(id)
            .chain(doc.descendants(id).take(MAX_TOOL_NODES))
            .any(marked);
    tool && doc
        .text_within(id, MAX_TOOL_BYTES)
        .is_some_and(|t| super::section_tools_text(&t))
}

/// True when an element runs inline with the text around it: a phrasing element (`span`), a
/// formula (`math`), or an element of a name HTML does not know (a custom element, MathML's
/// `mi`) inside a paragraph, a heading or another element that runs inline. A browser shows an
/// unknown element inline; outside a paragraph one is mostly a page's own container (a web
/// component's list or card), read as a block. MathJax sets a formula inside a sentence as
/// `<mjx-container>` holding `<math><mi>x</mi>…</math>`: it does not part the sentence.
fn runs_inline(doc: &Document<'_>, code: Tag, parent: usize, parent_inline: bool) -> bool {
    code.is_inline()
        || code == Tag::Math
        || (code == Tag::Other
            && (parent_inline
                || doc
                    .tag_code(NodeId(parent as u32))
                    .is_some_and(|p| p == Tag::P || p.is_heading())))
}

/// Builds the blocks of `doc`, honouring its hidden marks.
pub fn collect(doc: &Document<'_>) -> Blocks {
    collect_with(doc, true)
}

/// Builds the blocks of `doc`; with `honour_hidden` false, no element counts as hidden (a page
/// whose scripts show what its markup hides).
pub fn collect_with(doc: &Document<'_>, honour_hidden: bool) -> Blocks {
    collect_inner(doc, honour_hidden, None)
}

/// Builds the blocks of `doc`, honouring its hidden marks but `shown`'s own: the element is
/// read as shown (a story body a paywall hides with `display: none`), the hidden elements
/// inside it stay hidden.
pub fn collect_showing(doc: &Document<'_>, shown: NodeId) -> Blocks {
    collect_inner(doc, true, Some(shown))
}

fn collect_inner(doc: &Document<'_>, honour_hidden: bool, shown: Option<NodeId>) -> Blocks {
    let n = doc.len();
    let mut hint = vec![Hint::None; n];
    let mut block_of = vec![0u32; n];
    let mut piece_of = vec![NONE; n];
    let mut hidden = vec![false; n];
    let mut link = vec![false; n];
    let mut skip = vec![Skip::No; n];
    let mut pending = vec![false; n];
    let mut note = vec![false; n];
    let mut tool = vec![false; n];
    // Per element: the last element child seen so far is a heading.
    let mut after_heading = vec![false; n];
    // Per element: it runs inline with the text around it (see `runs_inline`).
    let mut phrasing = vec![false; n];
    let mut last_end = vec![0u32; n];
    // The block's last text was one letter (a drop cap: `<b>S</b><span>aving time</span>`).
    let mut last_initial = vec![false; n];
    // Line breaks in a row since the block's last text: two or more (`<br><br>`) part its
    // paragraphs, each a piece of its own.
    let mut breaks = vec![0u8; n];
    let mut pieces: Vec<Piece> = Vec::new();
    // Per node: the outermost interface control holding it ([`NONE`]: none; [`IN_HEAD`]: in
    // the document head, whose title is read as metadata).
    let mut control_of = vec![NONE; n];
    let mut controls: Vec<Control> = Vec::new();
    // (FNV: class and id values are short; SipHash's setup cost more than the hint lookups.)
    let mut cache: HashMap<&str, ClassFacts, WordHashBuild> =
        HashMap::with_capacity_and_hasher(CLASS_CACHE_CAPACITY, WordHashBuild::default());
    for i in 1..n {
        let id = NodeId(i as u32);
        let parent = doc.parent(id).map_or(0, |p| p.index());
        let (p_block, p_hidden, p_link, p_skip) =
            (block_of[parent], hidden[parent], link[parent], skip[parent]);
        if let Some(tag) = doc.tag(id) {
            let code = doc.tag_code(id).unwrap_or(Tag::Other);
            let inline = runs_inline(doc, code, parent, phrasing[parent]);
            phrasing[i] = inline;
            let (mut h_attr, mut aria, mut style, mut role, mut itemprop, mut class, mut idv) =
                (false, None, None, None, None, None, None);
            let mut breadcrumbs = false;
            let mut href = None;
            let mut anchor_name = false;
            let mut expanded = false;
            for (name, v) in doc.attrs_raw(id) {
                match name.len() {
                    2 if name.eq_ignore_ascii_case("id") => idv = Some(v),
                    4 if name.eq_ignore_ascii_case("role") => role = Some(v),
                    4 if name.eq_ignore_ascii_case("href") => href = Some(v),
                    4 if name.eq_ignore_ascii_case("name") => anchor_name = true,
                    5 if name.eq_ignore_ascii_case("class") => class = Some(v),
                    5 if name.eq_ignore_ascii_case("style") => style = Some(v),
                    6 if name.eq_ignore_ascii_case("hidden") => h_attr = true,
                    8 if name.eq_ignore_ascii_case("itemprop") => itemprop = Some(v),
                    // A schema.org trail of links to the page's sections.
                    8 if name.eq_ignore_ascii_case("itemtype") => {
                        breadcrumbs = v.trim_end_matches('/').ends_with("BreadcrumbList")
                    }
                    11 if name.eq_ignore_ascii_case("aria-hidden") => aria = Some(v),
                    13 if name.eq_ignore_ascii_case("aria-expanded") => expanded = true,
                    _ => {}
                }
            }
            // A streamed server-rendering segment (`<div hidden id="S:1f">`) is moved into
            // place and shown by the page's scripts: its `hidden` is not what a reader sees.
            let h_attr = h_attr && !is_streamed_segment(idv);
            // A template's contents are never shown (a streamed boundary's fallback is moved
            // into its template, see `Document::parse`).
            let facts = class.map(|c| class_facts(&mut cache, c));
            let tooltip = role.is_some_and(|r| r.trim().eq_ignore_ascii_case("tooltip"))
                || facts.is_some_and(|f| f.tooltip);
            let own_hidden = code == Tag::Template
                || (code == Tag::Noscript && holds_escaped_markup(doc, NodeId(i as u32)))
                || (honour_hidden
                    && shown != Some(id)
                    && (is_hidden(h_attr, aria, style) || (inline && tooltip))
                    && code != Tag::Html
                    && code != Tag::Body);
            hidden[i] = p_hidden || own_hidden;
            // A named anchor without an address (`<a name="wodarg">` around a paragraph, an
            // old page's jump target) marks a place; it links nowhere.
            link[i] = p_link || (code == Tag::A && (href.is_some() || !anchor_name));
            // A button that opens a panel (`aria-expanded`: an accordion's or a disclosure's
            // header) is labelled with the heading of the section it opens, not an interface
            // word; so is a button that asks a question (an FAQ's accordion without ARIA).
            let disclosure = (code == Tag::Button
                || role.is_some_and(|r| r.trim().eq_ignore_ascii_case("button")))
                && (expanded
                    || doc
                        .text_within(id, MAX_QUESTION_LABEL_BYTES)
                        .is_some_and(|t| is_question_label(&t)));
            skip[i] = match (p_skip, code) {
                (Skip::Always, _) => Skip::Always,
                (_, Tag::Button) if !disclosure => Skip::Button,
                _ if skipped(code) && code != Tag::Button => Skip::Always,
                // A heading inside a button names the section the button opens.
                (Skip::Button, c) if c.is_heading() => Skip::No,
                (p, _) => p,
            };
            control_of[i] = match skip[i] {
                Skip::No => NONE,
                _ if control_of[parent] != NONE => control_of[parent],
                _ if matches!(code, Tag::Head | Tag::Title) => IN_HEAD,
                _ => i as u32,
            };
            // An `id` spelled from a heading's words ("what-is-social-shopping", an anchor for a
            // table of contents, on the heading or on the section it opens) names the heading,
            // not a kind of page furniture.
            let id_hint = idv
                .map(|v| (v, class_facts(&mut cache, v).hint))
                .filter(|&(v, h)| !(h != Hint::None && id_spells_heading(doc, id, v)))
                .map(|(_, h)| h);
            let class_hint = facts.map(|f| f.hint);
            hint[i] = if breadcrumbs {
                Hint::Neg(Reason::Nav)
            } else if disclosure {
                element_hint("div", None, itemprop, class_hint, id_hint)
            } else {
                element_hint(tag, role, itemprop, class_hint, id_hint)
            };
            if own_hidden && !p_hidden && inline {
                // Hidden text inside a visible block (`<span hidden>` in a paragraph) is not
                // part of the block's text a reader sees: the hidden element is a (hidden)
                // block of its own, judged and accounted for like any hidden block.
                block_of[i] = i as u32;
            } else if code == Tag::A
                && href.is_some_and(|h| h.trim_start().starts_with('#'))
                && doc.tag_code(NodeId(parent as u32)) == Some(Tag::Sup)
            {
                // A note reference is a block of its own, so its number does not join the
                // word before it ("daily<sup><a href=#fn2>2</a></sup>" is not "daily2").
                block_of[i] = i as u32;
                note[i] = true;
            } else if inline
                && ((piece_of[p_block as usize] != NONE
                    && doc
                        .tag_code(NodeId(parent as u32))
                        .is_some_and(Tag::is_heading))
                    || after_heading[parent])
                && is_heading_tool(doc, id, code)
            {
                // A section's tool after a heading's words (an older MediaWiki's
                // `<h2><span>See also</span><span>[<a>edit</a>]</span></h2>`) or after the
                // heading in its wrapper (today's `<div class=mw-heading><h2>See also</h2>
                // <span>[<a>edit</a>]</span></div>`) is no text of the heading's section: a
                // block of its own, judged as the tool it is.
                block_of[i] = i as u32;
                tool[i] = true;
            } else if inline {
                block_of[i] = p_block;
                if code == Tag::Br || code == Tag::Img {
                    pending[p_block as usize] = true;
                }
                if code == Tag::Br {
                    let k = &mut breaks[p_block as usize];
                    *k = k.saturating_add(1);
                }
            } else {
                block_of[i] = i as u32;
                // Text after a nested block continues on a new line of the outer block.
                pending[p_block as usize] = true;
            }
            after_heading[parent] = code.is_heading();
            continue;
        }
        if !doc.is_text(id) {
            continue;
        }
        block_of[i] = p_block;
        hidden[i] = p_hidden;
        if p_skip == Skip::Always
            || (p_skip == Skip::Button && !is_question_label(doc.raw_text(id)))
        {
            let c = control_of[parent];
            if c < IN_HEAD && !doc.raw_text(id).bytes().all(|b| b.is_ascii_whitespace()) {
                add_control(
                    &mut controls,
                    NodeId(c),
                    &doc.text(id),
                    doc.span(id),
                    p_hidden,
                );
            }
            continue;
        }
        let raw = doc.raw_text(id);
        let Some(first) = raw.bytes().position(|b| !b.is_ascii_whitespace()) else {
            if !raw.is_empty() {
                pending[p_block as usize] = true;
            }
            continue;
        };
        // (Words between a heading and a link: the link is the sentence's, no heading's tool.)
        after_heading[parent] = false;
        // Spaces and invisible marks alone (a stray BOM on its own line, `<p>&#160;</p>`
        // spacing paragraphs apart) show nothing: no block is opened for them.
        let blank = |c: char| c.is_whitespace() || is_invisible(c);
        let shown = if raw.as_bytes()[first] == b'&' {
            doc.text(id)
        } else {
            std::borrow::Cow::Borrowed(&raw[first..])
        };
        if shown.chars().all(blank) {
            // (Any space of `raw` is one of its `first` or one `shown` shows.)
            if first > 0 || shown.chars().any(char::is_whitespace) {
                pending[p_block as usize] = true;
            }
            continue;
        }
        let text = doc.text(id);
        let span = doc.span(id);
        let b = p_block as usize;
        let mut parted = false;
        // After a blank line (`…<br><br>…`, `<br>&nbsp;<br>`) the block's next words open a
        // new paragraph. (A text of spaces alone, a no-break space, is no words.)
        let words = breaks[b] > 0 && text.split(char::is_whitespace).any(|w| !w.is_empty());
        if words {
            if breaks[b] >= PARAGRAPH_BREAKS
                && let Some(p) = pieces
                    .get_mut(piece_of[b] as usize)
                    .filter(|p| !p.text.is_empty())
            {
                p.part = true;
                piece_of[b] = NONE;
                parted = true;
            }
            breaks[b] = 0;
        }
        let pi = if piece_of[b] == NONE {
            piece_of[b] = pieces.len() as u32;
            pieces.push(Piece {
                node: NodeId(p_block),
                text: String::with_capacity(text.len()),
                span,
                chars: 0,
                link_chars: 0,
                hidden: hidden[b],
                punct: 0,
                note: note[b],
                tool: tool[b],
                part: parted,
            });
            pending[b] = false;
            pieces.len() - 1
        } else {
            piece_of[b] as usize
        };
        let Some(piece) = pieces.get_mut(pi) else {
            continue;
        };
        // A gap between two texts of the same block that held markup: keep words apart only
        // when whitespace or a break was there.
        let mut space = pending[b] || text.starts_with(char::is_whitespace);
        // Two sibling elements closed and opened back to back (`</span><span>`, `</a><a>`)
        // are separate items laid out side by side (flex rows, tag lists, table-like spans):
        // their words are kept apart. A word split by markup inside it (`<b>W</b>ord`) has no
        // such close-then-open gap.
        // A drop cap or a styled initial is the first letter of the word after it.
        let initial = last_initial[b] && text.starts_with(char::is_lowercase);
        if !space
            && !initial
            && last_end[b] != 0
            && (last_end[b] as usize) < span.start
            && piece.text.ends_with(char::is_alphanumeric)
            && text.starts_with(char::is_alphanumeric)
            && doc
                .input()
                .get(last_end[b] as usize..span.start)
                .is_some_and(is_sibling_gap)
        {
            space = true;
        }
        let mut count = 0usize;
        let mut punct = 0usize;
        let before = piece.text.len();
        // (Looked for once in the text, not in each word.)
        let text_shy = crate::has_soft_hyphen(&text);
        for (k, w) in text.split(char::is_whitespace).enumerate() {
            if k > 0 {
                space = true;
            }
            // A "word" of format characters alone (`<p>&zwj;</p>`, a stray RLM between two
            // spaces) shows nothing: it is no text of the block. Inside a word (a ZWNJ in a
            // Persian word) they stay.
            if w.is_empty() || (w.as_bytes()[0] >= 0xC2 && w.chars().all(is_invisible)) {
                continue;
            }
            if piece.text.len() >= MAX_BLOCK_CHARS {
                break;
            }
            if space && !piece.text.is_empty() {
                piece.text.push(' ');
            }
            space = false;
            // (A soft hyphen is no text of the word: `crate::SOFT_HYPHEN`.)
            let shy = text_shy && crate::has_soft_hyphen(w);
            if shy {
                piece.text.extend(w.chars().filter(|&c| c != SOFT_HYPHEN));
            } else {
                piece.text.push_str(w);
            }
            for c in w.chars() {
                if shy && c == SOFT_HYPHEN {
                    continue;
                }
                count += 1;
                if is_sentence_punct(c) {
                    punct += 1;
                }
            }
        }
        pending[b] = space;
        piece.chars += count;
        piece.punct += punct;
        if link[parent] {
            piece.link_chars += count;
        }
        piece.span = piece.span.cover(span);
        last_end[b] = span.end as u32;
        // (Not a unit closing a number, "9.5<span>x</span>"; a word set a letter a span,
        // "<span>S</span><span>t</span>…", joins letter by letter.)
        last_initial[b] = (piece.text.len() - before <= MAX_INITIAL_BYTES && {
            let added = piece.text.get(before..).unwrap_or("");
            let word = added.trim_start_matches(' ');
            let mut letters = word.chars();
            letters.next().is_some_and(char::is_alphabetic)
                && letters.next().is_none()
                && (word.len() < added.len()
                    || piece.text[..before]
                        .chars()
                        .next_back()
                        .is_none_or(char::is_alphabetic))
        }) || ends_with_capital_initial(&piece.text[before..]);
    }
    Blocks {
        pieces,
        hint,
        block_of,
        piece_of,
        hidden,
        controls,
    }
}

/// True for a `<noscript>` whose content is markup written as text (`&lt;p style=…&gt;&lt;img
/// …&gt;`, as a browser's "save page" writes it): a tracking pixel's code, never shown.
fn holds_escaped_markup(doc: &Document<'_>, id: NodeId) -> bool {
    let mut children = doc.children(id);
    match (children.next(), children.next()) {
        (Some(c), None) => doc.is_text(c) && doc.raw_text(c).trim_start().starts_with("&lt;"),
        _ => false,
    }
}

/// True for the punctuation of running text, counted in [`Piece::punct`]: Latin and Arabic
/// (`, . ! ? ;` `، ؟ ؛`), the CJK full stop, comma and their full-width forms (`。、，．！？；`),
/// the Devanagari danda (`।`) and the Burmese and Ethiopic full stops and commas.
#[inline(always)]
fn is_sentence_punct(c: char) -> bool {
    if c.is_ascii() {
        return matches!(c, ',' | '.' | '!' | '?' | ';');
    }
    matches!(
        c,
        '،' | '؟'
            | '؛'
            | '。'
            | '、'
            | '，'
            | '．'
            | '！'
            | '？'
            | '；'
            | '।'
            | '॥'
            | '။'
            | '၊'
            | '።'
            | '፣'
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The texts of the blocks of `page`, in order.
    fn piece_texts(page: &str) -> Vec<String> {
        let doc = Document::parse(page);
        collect(&doc).pieces.into_iter().map(|p| p.text).collect()
    }

    #[test]
    fn a_stray_byte_order_mark_opens_no_block() {
        let texts =
            piece_texts("<div><p>Text.</p>\n        \u{FEFF}<div> </div><p>More.</p></div>");
        assert_eq!(texts, ["Text.", "More."]);
        // A paragraph holding a no-break space alone spaces others apart: no block.
        let texts =
            piece_texts("<div><p>Text.</p><p>\n  &#160;\n</p><p>&nbsp;</p><p>More.</p></div>");
        assert_eq!(texts, ["Text.", "More."]);
        // Between words it is still a space.
        let doc = Document::parse("<p>foo<span>&nbsp;</span>bar</p>");
        assert_eq!(collect(&doc).pieces[0].text, "foo bar");
        // Inside a word it stays a word's part; between words it joins nothing.
        let doc = Document::parse("<p>foo<span>\u{200B}</span>bar baz</p>");
        assert_eq!(collect(&doc).pieces[0].text, "foobar baz");
    }

    #[test]
    fn a_named_anchor_links_nowhere() {
        let doc = Document::parse(
            "<p><a name=q1>ما رأي الخبراء؟</a></p><p><a href=/x>رابط</a></p><p><a onclick=go()>زر</a></p>",
        );
        let b = collect(&doc);
        let links: Vec<usize> = b.pieces.iter().map(|p| p.link_chars).collect();
        assert_eq!(links[0], 0, "{links:?}");
        assert!(links[1] > 0 && links[2] > 0, "{links:?}");
    }

    #[test]
    fn soft_hyphens_are_no_text() {
        let doc = Document::parse("<p>Wäh&shy;rend Sie über den Markt schlen\u{AD}dern.</p>");
        let p = &collect(&doc).pieces[0];
        assert_eq!(p.text, "Während Sie über den Markt schlendern.");
        assert_eq!(
            p.chars,
            p.text.chars().filter(|c| !c.is_whitespace()).count()
        );
    }

    #[test]
    fn a_noscript_of_escaped_markup_is_hidden() {
        let doc = Document::parse(
            "<body><noscript>&lt;p style=\"position: absolute\"&gt;&lt;img src=\"/pixel\"&gt;&lt;/p&gt;</noscript>\
             <noscript>Please enable JavaScript.</noscript><p>Text.</p></body>",
        );
        let b = collect(&doc);
        let flags: Vec<(bool, &str)> = b.pieces.iter().map(|p| (p.hidden, &p.text[..5])).collect();
        assert_eq!(flags, [(true, "<p st"), (false, "Pleas"), (false, "Text.")]);
    }

    #[test]
    fn punctuation_of_running_text_is_counted_in_every_script() {
        for (p, n) in [
            ("<p>Le texte, puis la fin.</p>", 2),
            ("<p>قال الوزير، في بيان، إن الحل سياسي.</p>", 3),
            ("<p>米朝会談は、一方的譲歩であり、勝ち組になった。</p>", 3),
            ("<p>他说，这是第一步。</p>", 2),
            ("<p>यह पहला वाक्य है। यह दूसरा है।</p>", 2),
        ] {
            let doc = Document::parse(p);
            let b = collect(&doc);
            assert_eq!(b.pieces[0].punct, n, "{p}");
        }
    }

    #[test]
    fn a_tooltip_box_class_is_found_in_any_case_and_place() {
        for yes in [
            "tooltiptext",
            "has-tip TOOLTIP-content",
            "Term_tooltipBubble__x9",
            "xTooltip__Popup",
            "tooltip_-_inner",
        ] {
            assert!(is_tooltip_class(yes), "{yes:?}");
        }
        for no in [
            "tooltip",
            "has-tooltip",
            "tooltip-trigger",
            "",
            "t",
            "tooltiptex",
            "ttt",
        ] {
            assert!(!is_tooltip_class(no), "{no:?}");
        }
    }

    #[test]
    fn an_id_spelled_from_a_headings_words_is_no_hint() {
        // "social" in an anchor id made from the heading's own words is no share bar; a short
        // label's id and an id the text does not spell keep their hints.
        let doc = Document::parse(
            "<h2 id=h-what-is-social-shopping>What is Social Shopping?</h2>\
             <h2 id=related-posts>Related Posts</h2>\
             <h3 id=social-share-title>Share this story now</h3>\
             <div id=social-media-marketing>Social media marketing works</div>\
             <section id=respond-to-review-comments-section><h2>Respond to review comments</h2>\
             <p>Answer each point.</p></section>\
             <section id=comments-list><h2>Respond to review comments</h2><p>Nice.</p></section>",
        );
        let b = collect(&doc);
        let hint_of = |text: &str| {
            let p = b.pieces.iter().find(|p| p.text == text).expect(text);
            b.hint[p.node.index()]
        };
        assert_eq!(hint_of("What is Social Shopping?"), Hint::None);
        assert_ne!(hint_of("Related Posts"), Hint::None);
        assert_ne!(hint_of("Share this story now"), Hint::None);
        assert_ne!(hint_of("Social media marketing works"), Hint::None);
        // A section's id spelled from its heading (a generator's "section" added) is no hint
        // either; a section's own furniture id is.
        let section_hint = |text: &str| {
            let p = b.pieces.iter().find(|p| p.text == text).expect(text);
            b.hint[doc.parent(p.node).expect("section").index()]
        };
        assert_eq!(section_hint("Answer each point."), Hint::None);
        assert_ne!(section_hint("Nice."), Hint::None);
    }

    #[test]
    fn a_streamed_boundarys_fallback_is_hidden_and_its_segment_shown() {
        let doc = Document::parse(
            "<main><template id=\"B:0\"></template><div>جار التحميل</div><!--/$--></main>\
             <div hidden id=\"S:0\"><p>دعا لافروف إلى وقف النار</p></div>",
        );
        for hidden in [true, false] {
            let b = collect_with(&doc, hidden);
            let shown: Vec<(&str, bool)> = b
                .pieces
                .iter()
                .map(|p| (p.text.as_str(), p.hidden))
                .collect();
            assert_eq!(
                shown,
                [("جار التحميل", true), ("دعا لافروف إلى وقف النار", false)]
            );
        }
    }

    #[test]
    fn sibling_elements_keep_words_apart() {
        let doc = Document::parse(
            "<h2><a href=/x><span>Black Edition</span><span>Complete Set</span></a></h2>\
             <p><b>W</b>ord and <i>x</i>, <a href=/a>one</a><a href=/b>two</a></p>",
        );
        let b = collect(&doc);
        assert_eq!(b.pieces[0].text, "Black Edition Complete Set");
        assert_eq!(b.pieces[1].text, "Word and x, one two");
    }

    #[test]
    fn a_drop_cap_is_the_first_letter_of_its_word() {
        // A drop cap, an initial styled for an acronym, a word set a letter a span and a
        // capital split from its word are words; a unit after a number, an alphabet index and
        // a one-letter word keep their gaps.
        let texts = piece_texts(
            "<p><strong><span>I</span></strong><span>n-house catering is simple.</span></p>\
             <p>the SMART method: <b><i>s</i></b><span>pecific, </span><b><i>m</i></b>\
             <span>easurable</span></p><p><span>S</span><span>t</span><span>a</span>\
             <span>r</span><span>t</span></p><p>Up to 9.5<span>x</span><span>faster</span>\
             </p><p><a href=/a>A</a><a href=/b>B</a><a href=/c>Cars</a></p>\
             <p><span>egg nog, C</span><span>ocoa Puffs</span></p>\
             <p><span>Plan A</span><span>is ready</span></p>",
        );
        assert_eq!(
            texts,
            [
                "In-house catering is simple.",
                "the SMART method: specific, measurable",
                "Start",
                "Up to 9.5x faster",
                "A B Cars",
                "egg nog, Cocoa Puffs",
                "Plan A is ready"
            ]
        );
    }

    #[test]
    fn a_word_of_format_characters_alone_is_no_text() {
        // A spacer paragraph of one zero-width joiner, an RLM standing between two words; a
        // ZWNJ inside a Persian word stays.
        let texts = piece_texts(
            "<p>\u{200D}</p><p>دعا لافروف \u{200F} إلى وقف النار</p><p>می\u{200C}خواهم</p>",
        );
        // (The spacer opens no block at all.)
        assert_eq!(texts, ["دعا لافروف إلى وقف النار", "می\u{200C}خواهم"]);
    }

    #[test]
    fn old_and_ruby_phrasing_elements_stay_in_their_sentence() {
        // `acronym` (obsolete, still in use) and ruby's `rb`/`rtc` are phrasing elements.
        let texts = piece_texts(
            "<p>the FSF, which <acronym title=\"in my opinion\">IMO</acronym> did not</p>\
             <p><ruby><rb>東</rb><rtc>とう</rtc></ruby>京</p>",
        );
        assert_eq!(texts.len(), 2, "{texts:?}");
        assert_eq!(texts[0], "the FSF, which IMO did not");
        assert!(
            texts[1].starts_with('東') && texts[1].ends_with('京'),
            "{texts:?}"
        );
    }

    #[test]
    fn a_formula_or_unknown_element_in_a_sentence_does_not_part_it() {
        // MathJax's output in a paragraph, MathML in a list item, a custom element in a
        // heading; a custom element in a `<div>` is a block of its own.
        let texts = piece_texts(
            "<p>When <mjx-container class=MathJax><mjx-math><mjx-mi><mjx-c></mjx-c></mjx-mi>\
             </mjx-math><mjx-assistive-mml><math><mi>a</mi><mo>≠</mo><mn>0</mn></math>\
             </mjx-assistive-mml></mjx-container>, there are two solutions.</p>\
             <ul><li>and <math><mrow><mi>x</mi><mo>=</mo><mn>1</mn></mrow></math> holds</li></ul>\
             <h2>نتائج <x-term>الانتخابات</x-term> البلدية</h2>\
             <div>Related <x-card>Read next</x-card></div>",
        );
        assert_eq!(
            texts,
            [
                "When a≠0, there are two solutions.",
                "and x=1 holds",
                "نتائج الانتخابات البلدية",
                "Related",
                "Read next"
            ]
        );
    }

    #[test]
    fn a_tooltips_box_leaves_the_paragraph_and_the_word_it_explains_stays() {
        // The box shows on hover only; a bare "tooltip" class is on the explained word.
        let doc = Document::parse(
            "<p>دعا <span class=tooltip>لافروف<span class=tooltiptext>وزير الخارجية الروسي\
             </span></span> إلى <span class=Term_tooltip__x><span class=Term_tooltipBubble__y>\
             <b>Ceasefire</b> An agreement to stop fighting.</span></span>وقف النار\
             <span role=tooltip>تلميح</span></p>",
        );
        let b = collect(&doc);
        let visible: Vec<&str> = b
            .pieces
            .iter()
            .filter(|p| !p.hidden)
            .map(|p| p.text.as_str())
            .collect();
        assert_eq!(visible, ["دعا لافروف إلى وقف النار"]);
        assert_eq!(b.pieces.iter().filter(|p| p.hidden).count(), 3);
    }

    #[test]
    fn inline_hidden_text_leaves_the_block() {
        let page = "<p>دعا لافروف <span hidden>نص مخفي</span> إلى وقف \
                    <b style=\"display: none\">أيضا <i>مخفي</i></b> النار</p>";
        let doc = Document::parse(page);
        let b = collect(&doc);
        assert_eq!(b.pieces.len(), 3);
        let visible: Vec<&Piece> = b.pieces.iter().filter(|p| !p.hidden).collect();
        assert_eq!(visible.len(), 1);
        assert_eq!(visible[0].text, "دعا لافروف إلى وقف النار");
        let h: Vec<&str> = b
            .pieces
            .iter()
            .filter(|p| p.hidden)
            .map(|p| p.text.as_str())
            .collect();
        assert_eq!(h, ["نص مخفي", "أيضا مخفي"]);
        for p in b.pieces.iter().filter(|p| p.hidden) {
            let s = page.get(p.span.start..p.span.end).unwrap_or("");
            assert!(
                s.starts_with(p.text.split(' ').next().unwrap_or("?")),
                "{s}"
            );
        }
        // With hidden marks ignored, the text stays in its block.
        let b = collect_with(&doc, false);
        assert_eq!(b.pieces.len(), 1);
        assert_eq!(
            b.pieces[0].text,
            "دعا لافروف نص مخفي إلى وقف أيضا مخفي النار"
        );
    }

    #[test]
    fn a_blank_line_parts_a_blocks_paragraphs() {
        let page = "<div>الفقرة الأولى من النص.<br><br> <br>الفقرة الثانية،<br>في سطرين.\
                    <br>&nbsp;<br>الفقرة الثالثة.<br/><br/><b></b></div><p>فقرة أخرى<br>بسطر واحد</p>";
        let doc = Document::parse(page);
        let b = collect(&doc);
        let texts: Vec<(&str, bool)> = b.pieces.iter().map(|p| (p.text.as_str(), p.part)).collect();
        assert_eq!(
            texts,
            [
                ("الفقرة الأولى من النص.", true),
                ("الفقرة الثانية، في سطرين.", true),
                ("الفقرة الثالثة.", true),
                ("فقرة أخرى بسطر واحد", false),
            ]
        );
        let second = &b.pieces[1];
        assert_eq!(
            &page[second.span.start..second.span.end],
            "الفقرة الثانية،<br>في سطرين."
        );
        assert_eq!(b.pieces[0].node, second.node);
    }

    #[test]
    fn note_reference_is_its_own_block() {
        let doc = Document::parse(
            "<p>ملايين الاستعلامات يوميا<sup><a href=#fn-2>2</a></sup>. وأضاف\
             <sup><a href=/x>3</a></sup></p>",
        );
        let b = collect(&doc);
        assert_eq!(b.pieces.len(), 2);
        assert_eq!(b.pieces[0].text, "ملايين الاستعلامات يوميا. وأضاف3");
        assert!(!b.pieces[0].note);
        assert_eq!(b.pieces[1].text, "2");
        assert!(b.pieces[1].note);
    }

    #[test]
    fn sibling_gap_needs_a_close_then_an_open() {
        assert!(is_sibling_gap("</span><span class=a>"));
        assert!(is_sibling_gap("</a></li><li><a href=/>"));
        assert!(!is_sibling_gap("</b>"));
        assert!(!is_sibling_gap("<b>"));
        assert!(!is_sibling_gap("<span></span>"));
    }
}
