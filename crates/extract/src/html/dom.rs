//! A fast DOM-lite for HTML pages: one pass of a `memchr`-driven tokenizer building an arena tree
//! over the decoded `&str`, with a byte [`Span`] for every node.
//!
//! What it does, and what it leaves out compared with a full HTML5 tree builder:
//! - raw-text elements (`script`, `style`, `template`, `svg`, `textarea`, `iframe`,
//!   `xmp`, `noembed`, `noframes`) are skipped in one jump to their end tag; their contents stay
//!   readable through [`Document::raw_inner`] (JSON-LD lives there). `title` keeps one text child.
//! - malformed markup is handled the way browsers do in the common cases: implied end tags (`p`,
//!   `li`, `dt`/`dd`, `tr`/`td`/`th`, `thead`/`tbody`/`tfoot`, `option`, headings, nested `a`),
//!   void elements, unclosed elements closed by an ancestor's end tag, stray end tags ignored,
//!   `</body>`/`</html>` ignored, end tags of inline elements do not cross block elements.
//! - no foster parenting, no adoption agency, no implied `html`/`head`/`body`: the arena is in
//!   tree order and a node's descendants are the contiguous index range after it
//!   ([`Document::descendants`] is a slice walk, no stack). The one move: a segment streamed by
//!   server rendering (`<div hidden id="S:1">`) goes to its placeholder (`<template id="B:1">`),
//!   as the page's script would put it; its spans keep their input offsets.
//! - entities are decoded lazily ([`decode_entities`]): only when text or an attribute is asked for.
//! - limits: [`MAX_DEPTH`] (deeper elements are kept as children of the deepest allowed parent,
//!   i.e. flattened) and [`MAX_NODES`] (the rest of the input is left unparsed, [`Document::truncated`]).
//!   No traversal recurses.
//!
//! ```
//! use marsad_extract::html::dom::Document;
//! let doc = Document::parse("<div class=post><p>دعا لافروف<p>وقال &amp; أضاف</div>");
//! let p: Vec<_> = doc.find_all("p").collect();
//! assert_eq!(p.len(), 2);
//! assert_eq!(doc.text_of(p[1]), "وقال & أضاف");
//! let div = doc.find_all("div").next().unwrap();
//! assert_eq!(doc.attr(div, "class").as_deref(), Some("post"));
//! assert_eq!(doc.children(div).count(), 2);
//! ```

use std::borrow::Cow;

use marsad_model::Span;
use memchr::memchr;

/// Deepest element nesting kept; deeper elements are attached to the element at this depth.
pub const MAX_DEPTH: usize = 256;
/// Most nodes (elements and texts) built for one page; the rest of the input is not parsed.
pub const MAX_NODES: usize = 1_000_000;

/// The `id` prefix of a streamed boundary's placeholder, which its segment replaces along with
/// the fallback after it (React's `<template id="B:1">`, see
/// [`crate::html::hints::STREAMED_SEGMENT_PREFIX`]).
pub const STREAMED_BOUNDARY_PREFIX: &str = "B:";
/// The `id` prefix of a streamed segment's plain placeholder (React's `<template id="P:1">`).
pub const STREAMED_PLACEHOLDER_PREFIX: &str = "P:";
/// The comment closing a streamed boundary (the end of its fallback).
const BOUNDARY_END: &str = "<!--/$-->";
/// Most fallback nodes moved into one boundary placeholder.
const MAX_FALLBACK_NODES: usize = 64;

/// Index of a node in a [`Document`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct NodeId(pub u32);

impl NodeId {
    /// The index as `usize`.
    pub fn index(self) -> usize {
        self.0 as usize
    }
}

const NONE: u32 = u32::MAX;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Kind {
    Root,
    Element,
    Text,
}

#[derive(Debug, Clone)]
struct Node {
    kind: Kind,
    /// Interned tag name (elements).
    tag: Tag,
    /// Tag name: `[name_start, name_end)` in the input, or in `pool` when `pooled`.
    name_start: u32,
    name_end: u32,
    pooled: bool,
    parent: u32,
    first_child: u32,
    last_child: u32,
    next_sibling: u32,
    /// One past the index of the last descendant.
    subtree_end: u32,
    start: u32,
    end: u32,
    inner_start: u32,
    inner_end: u32,
    attr_start: u32,
    attr_end: u32,
}

#[derive(Debug, Clone, Copy)]
struct Attr {
    name_start: u32,
    name_end: u32,
    value_start: u32,
    value_end: u32,
}

/// A parsed page: an arena of nodes over the borrowed input.
#[derive(Debug, Clone)]
pub struct Document<'a> {
    input: &'a str,
    nodes: Vec<Node>,
    attrs: Vec<Attr>,
    pool: String,
    truncated: bool,
}

/// Flag: contents are not markup (skipped in one jump to the end tag).
const F_RAW: u8 = 1;
/// Flag: no contents, no end tag.
const F_VOID: u8 = 2;
/// Flag: the start tag closes an open `p` (HTML "close a p element").
const F_CLOSES_P: u8 = 4;
/// Flag: bounds an end-tag or implied-end search (HTML "scope" markers).
const F_SCOPE: u8 = 8;
/// Flag: inline (phrasing) element; its end tag never closes a block element.
const F_INLINE: u8 = 16;
/// Flag: `h1` to `h6`.
const F_HEADING: u8 = 32;

macro_rules! tags {
    ($($v:ident $s:literal $f:expr;)*) => {
        /// The interned name of an element, given to every element when the page is parsed, so
        /// code can compare tags as small integers ([`Document::tag_code`], [`Document::tag_is`])
        /// instead of strings. Names outside this list are [`Tag::Other`] (their name is still
        /// available from [`Document::tag`]).
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
        #[repr(u8)]
        #[allow(missing_docs)]
        pub enum Tag {
            /// Any element whose name is not in the list.
            Other,
            $($v,)*
        }

        /// (name, flags) per [`Tag`], in declaration order.
        const TAG_INFO: &[(&str, u8)] = &[("", 0), $(($s, $f),)*];

        impl Tag {
            /// The code of a lowercase tag name ([`Tag::Other`] for names outside the list).
            ///
            /// ```
            /// use marsad_extract::html::dom::Tag;
            /// assert_eq!(Tag::from_name("blockquote"), Tag::Blockquote);
            /// assert_eq!(Tag::from_name("my-widget"), Tag::Other);
            /// ```
            pub fn from_name(name: &str) -> Tag {
                match name {
                    $($s => Tag::$v,)*
                    _ => Tag::Other,
                }
            }
        }
    };
}

tags! {
    A "a" F_INLINE;
    Abbr "abbr" F_INLINE;
    Acronym "acronym" F_INLINE;
    Address "address" F_CLOSES_P;
    Applet "applet" F_SCOPE;
    Area "area" F_VOID;
    Article "article" F_CLOSES_P;
    Aside "aside" F_CLOSES_P;
    Audio "audio" 0;
    B "b" F_INLINE;
    Base "base" F_VOID;
    Basefont "basefont" F_VOID;
    Bdi "bdi" F_INLINE;
    Bdo "bdo" F_INLINE;
    Bgsound "bgsound" F_VOID;
    Big "big" F_INLINE;
    Blockquote "blockquote" F_CLOSES_P;
    Body "body" 0;
    Br "br" F_VOID | F_INLINE;
    Button "button" F_INLINE;
    Canvas "canvas" 0;
    Caption "caption" F_SCOPE;
    Center "center" F_CLOSES_P;
    Cite "cite" F_INLINE;
    Code "code" F_INLINE;
    Col "col" F_VOID;
    Colgroup "colgroup" 0;
    Data "data" F_INLINE;
    Datalist "datalist" 0;
    Dd "dd" F_CLOSES_P;
    Del "del" F_INLINE;
    Details "details" F_CLOSES_P;
    Dfn "dfn" F_INLINE;
    Dialog "dialog" F_CLOSES_P;
    Dir "dir" F_CLOSES_P;
    Div "div" F_CLOSES_P;
    Dl "dl" F_CLOSES_P;
    Dt "dt" F_CLOSES_P;
    Em "em" F_INLINE;
    Embed "embed" F_VOID;
    Fieldset "fieldset" F_CLOSES_P;
    Figcaption "figcaption" F_CLOSES_P;
    Figure "figure" F_CLOSES_P;
    Font "font" F_INLINE;
    Footer "footer" F_CLOSES_P;
    Form "form" F_CLOSES_P;
    Frame "frame" F_VOID;
    H1 "h1" F_CLOSES_P | F_HEADING;
    H2 "h2" F_CLOSES_P | F_HEADING;
    H3 "h3" F_CLOSES_P | F_HEADING;
    H4 "h4" F_CLOSES_P | F_HEADING;
    H5 "h5" F_CLOSES_P | F_HEADING;
    H6 "h6" F_CLOSES_P | F_HEADING;
    Head "head" 0;
    Header "header" F_CLOSES_P;
    Hgroup "hgroup" F_CLOSES_P;
    Hr "hr" F_VOID | F_CLOSES_P;
    Html "html" F_SCOPE;
    I "i" F_INLINE;
    Iframe "iframe" F_RAW;
    Image "image" F_VOID;
    Img "img" F_VOID | F_INLINE;
    Input "input" F_VOID | F_INLINE;
    Ins "ins" F_INLINE;
    Kbd "kbd" F_INLINE;
    Keygen "keygen" F_VOID;
    Label "label" F_INLINE;
    Legend "legend" 0;
    Li "li" F_CLOSES_P;
    Link "link" F_VOID;
    Listing "listing" F_CLOSES_P;
    Main "main" F_CLOSES_P;
    Mark "mark" F_INLINE;
    Marquee "marquee" F_SCOPE;
    Math "math" 0;
    Menu "menu" F_CLOSES_P;
    Meta "meta" F_VOID;
    Meter "meter" F_INLINE;
    Nav "nav" F_CLOSES_P;
    Nobr "nobr" F_INLINE;
    Noembed "noembed" F_RAW;
    Noframes "noframes" F_RAW;
    Noscript "noscript" 0;
    Object "object" F_SCOPE;
    Ol "ol" F_CLOSES_P;
    Optgroup "optgroup" 0;
    Option "option" F_INLINE;
    Output "output" F_INLINE;
    P "p" F_CLOSES_P;
    Param "param" F_VOID;
    Picture "picture" F_INLINE;
    Plaintext "plaintext" F_RAW;
    Pre "pre" F_CLOSES_P;
    Progress "progress" F_INLINE;
    Q "q" F_INLINE;
    Rb "rb" F_INLINE;
    Rp "rp" F_INLINE;
    Rt "rt" F_INLINE;
    Rtc "rtc" F_INLINE;
    Ruby "ruby" F_INLINE;
    S "s" F_INLINE;
    Samp "samp" F_INLINE;
    Script "script" F_RAW;
    Section "section" F_CLOSES_P;
    Select "select" F_INLINE;
    Small "small" F_INLINE;
    Source "source" F_VOID | F_INLINE;
    Span "span" F_INLINE;
    Strike "strike" F_INLINE;
    Strong "strong" F_INLINE;
    Style "style" F_RAW;
    Sub "sub" F_INLINE;
    Summary "summary" F_CLOSES_P;
    Sup "sup" F_INLINE;
    Svg "svg" F_RAW;
    Table "table" F_CLOSES_P | F_SCOPE;
    Tbody "tbody" 0;
    Td "td" F_SCOPE;
    Template "template" F_RAW | F_SCOPE;
    Textarea "textarea" F_RAW;
    Tfoot "tfoot" 0;
    Th "th" F_SCOPE;
    Thead "thead" 0;
    Time "time" F_INLINE;
    Title "title" F_RAW;
    Tr "tr" 0;
    Track "track" F_VOID;
    Tt "tt" F_INLINE;
    U "u" F_INLINE;
    Ul "ul" F_CLOSES_P;
    Var "var" F_INLINE;
    Video "video" 0;
    Wbr "wbr" F_VOID | F_INLINE;
    Xmp "xmp" F_RAW;
}

impl Tag {
    /// The lowercase name ("" for [`Tag::Other`]).
    pub fn name(self) -> &'static str {
        TAG_INFO.get(self as usize).map_or("", |t| t.0)
    }

    fn flags(self) -> u8 {
        TAG_INFO.get(self as usize).map_or(0, |t| t.1)
    }

    /// Inline (phrasing) element (see [`is_inline`]).
    pub fn is_inline(self) -> bool {
        self.flags() & F_INLINE != 0
    }

    /// Void element (see [`is_void`]).
    pub fn is_void(self) -> bool {
        self.flags() & F_VOID != 0
    }

    /// `h1` to `h6`.
    pub fn is_heading(self) -> bool {
        self.flags() & F_HEADING != 0
    }

    /// Raw-text element (`script`, `style`, `title`, ...): contents are not markup.
    pub fn is_raw_text(self) -> bool {
        self.flags() & F_RAW != 0
    }

    fn closes_p(self) -> bool {
        self.flags() & F_CLOSES_P != 0
    }

    fn is_scope_boundary(self) -> bool {
        self.flags() & F_SCOPE != 0
    }
}

/// Elements without contents or end tag.
///
/// ```
/// assert!(marsad_extract::html::dom::is_void("img"));
/// ```
pub fn is_void(tag: &str) -> bool {
    Tag::from_name(tag).is_void()
}

/// Inline (phrasing) elements: their end tag never closes a block element.
///
/// ```
/// assert!(marsad_extract::html::dom::is_inline("span"));
/// assert!(!marsad_extract::html::dom::is_inline("div"));
/// ```
pub fn is_inline(tag: &str) -> bool {
    Tag::from_name(tag).is_inline()
}

impl<'a> Document<'a> {
    /// Parses `input` (never fails; malformed markup is repaired, see the module docs).
    ///
    /// ```
    /// use marsad_extract::html::dom::Document;
    /// let doc = Document::parse("<ul><li>أ<li>ب</ul><p>ج");
    /// assert_eq!(doc.find_all("li").count(), 2);
    /// ```
    pub fn parse(input: &'a str) -> Document<'a> {
        let mut b = Builder::new(input);
        b.run();
        b.finish()
    }

    /// Moves every streamed server-rendering segment (React's `<div hidden id="S:1">`, sent at
    /// the end of the body) to its placeholder (`<template id="B:1">` or `<template id="P:1">`,
    /// where the page's script swaps it in), so the tree reads in the order a reader sees. The
    /// fallback a boundary shows until then (the nodes between `<template id="B:1">` and the
    /// `<!--/$-->` closing the boundary, "Loading…") goes inside the template, which is never
    /// shown. Segments without a placeholder before them stay where they are. Node spans keep
    /// their input offsets.
    /// The builder calls it only when the page has a `template` element.
    fn place_streamed_segments(&mut self) {
        // (key, template index, is a boundary with a fallback)
        let mut placeholders: Vec<(&str, u32, bool)> = Vec::new();
        for (i, n) in self.nodes.iter().enumerate() {
            if n.kind != Kind::Element || n.tag != Tag::Template {
                continue;
            }
            let Some(idv) = self.attr_raw(NodeId(i as u32), "id") else {
                continue;
            };
            let boundary = idv.starts_with(STREAMED_BOUNDARY_PREFIX);
            if let Some(key) = idv
                .strip_prefix(STREAMED_BOUNDARY_PREFIX)
                .or_else(|| idv.strip_prefix(STREAMED_PLACEHOLDER_PREFIX))
                .filter(|k| !k.is_empty())
            {
                placeholders.push((key, i as u32, boundary));
            }
        }
        if placeholders.is_empty() {
            return;
        }
        placeholders.sort_unstable();
        let n = self.nodes.len();
        // Per node: moved away from its parent's children (a segment or a fallback node).
        let mut moved = vec![false; n];
        // (template, segment placed after it, the template is a boundary's), in template order.
        let mut placed: Vec<(u32, u32, bool)> = Vec::new();
        let mut taken = vec![false; n];
        for (i, node) in self.nodes.iter().enumerate() {
            if node.kind != Kind::Element || node.tag != Tag::Div {
                continue;
            }
            let id = NodeId(i as u32);
            let idv = self.attr_raw(id, "id");
            if !super::hints::is_streamed_segment(idv) || self.attr_raw(id, "hidden").is_none() {
                continue;
            }
            let key = idv.and_then(|v| v.get(2..)).unwrap_or("");
            if let Ok(k) = placeholders.binary_search_by(|&(pk, _, _)| pk.cmp(key)) {
                // A placeholder precedes its segment: every new parent link then points to a
                // lower index, so no node can end up inside its own subtree.
                let (_, at, boundary) = placeholders[k];
                if at < id.0 && !taken[at as usize] {
                    taken[at as usize] = true;
                    moved[i] = true;
                    placed.push((at, id.0, boundary));
                }
            }
        }
        if placed.is_empty() {
            return;
        }
        placed.sort_unstable();
        let mut fallback: Vec<(u32, u32)> = Vec::new();
        for &(tpl, _, boundary) in &placed {
            if boundary && !moved[tpl as usize] {
                self.fallback_of(tpl, &mut moved, &mut fallback);
            }
        }
        self.rebuild(&moved, &placed, &fallback);
    }

    /// Marks the siblings after the boundary placeholder `tpl` up to the `<!--/$-->` that closes
    /// the boundary (its fallback) as moved inside the placeholder: `(tpl, node)` pairs.
    fn fallback_of(&self, tpl: u32, moved: &mut [bool], out: &mut Vec<(u32, u32)>) {
        let mut end = self.nodes[tpl as usize].end as usize;
        let mut next = self.nodes[tpl as usize].next_sibling;
        let mut count = 0;
        while next != NONE && count < MAX_FALLBACK_NODES {
            let node = &self.nodes[next as usize];
            let gap = self.input.get(end..node.start as usize).unwrap_or("");
            if gap.contains(BOUNDARY_END) || moved[next as usize] || node.tag == Tag::Template {
                break;
            }
            moved[next as usize] = true;
            out.push((tpl, next));
            end = end.max(node.end as usize);
            next = node.next_sibling;
            count += 1;
        }
    }

    /// Rebuilds the arena in tree order after the moves: a `moved` node leaves its parent's
    /// children; each segment of `placed` follows its template; each `fallback` node becomes a
    /// child of its template. A node's descendants are again the index range after it.
    fn rebuild(&mut self, moved: &[bool], placed: &[(u32, u32, bool)], fallback: &[(u32, u32)]) {
        let n = self.nodes.len();
        let mut order: Vec<u32> = Vec::with_capacity(n);
        let mut new_parent = vec![NONE; n];
        let mut first = vec![NONE; n];
        let mut last = vec![NONE; n];
        let mut next_sib = vec![NONE; n];
        let mut kids: Vec<u32> = Vec::new();
        let mut stack: Vec<u32> = vec![0];
        while let Some(x) = stack.pop() {
            order.push(x);
            kids.clear();
            let mut c = self.nodes[x as usize].first_child;
            while c != NONE {
                if !moved[c as usize] {
                    kids.push(c);
                    if let Ok(k) = placed.binary_search_by(|&(t, _, _)| t.cmp(&c)) {
                        kids.push(placed[k].1);
                    }
                }
                c = self.nodes[c as usize].next_sibling;
            }
            let from = fallback.partition_point(|&(t, _)| t < x);
            kids.extend(
                fallback[from..]
                    .iter()
                    .take_while(|&&(t, _)| t == x)
                    .map(|&(_, f)| f),
            );
            for (j, &k) in kids.iter().enumerate() {
                new_parent[k as usize] = x;
                next_sib[k as usize] = kids.get(j + 1).copied().unwrap_or(NONE);
            }
            first[x as usize] = kids.first().copied().unwrap_or(NONE);
            last[x as usize] = kids.last().copied().unwrap_or(NONE);
            stack.extend(kids.iter().rev());
        }
        let mut new_of = vec![NONE; n];
        for (new, &old) in order.iter().enumerate() {
            new_of[old as usize] = new as u32;
        }
        let map = |v: u32| if v == NONE { NONE } else { new_of[v as usize] };
        let mut nodes: Vec<Node> = order
            .iter()
            .map(|&old| {
                let o = old as usize;
                let mut node = self.nodes[o].clone();
                node.parent = map(new_parent[o]);
                node.first_child = map(first[o]);
                node.last_child = map(last[o]);
                node.next_sibling = map(next_sib[o]);
                node
            })
            .collect();
        for i in (0..nodes.len()).rev() {
            let l = nodes[i].last_child;
            nodes[i].subtree_end = if l == NONE {
                i as u32 + 1
            } else {
                nodes[l as usize].subtree_end
            };
        }
        self.nodes = nodes;
    }

    /// The input the document was parsed from (spans index into it).
    pub fn input(&self) -> &'a str {
        self.input
    }

    /// True when [`MAX_NODES`] was reached and the end of the input was not parsed.
    pub fn truncated(&self) -> bool {
        self.truncated
    }

    /// The root node (not an element; parent of the top-level nodes).
    pub fn root(&self) -> NodeId {
        NodeId(0)
    }

    /// Number of nodes.
    pub fn len(&self) -> usize {
        self.nodes.len()
    }

    /// True when the document has only its root.
    pub fn is_empty(&self) -> bool {
        self.nodes.len() <= 1
    }

    fn node(&self, id: NodeId) -> Option<&Node> {
        self.nodes.get(id.index())
    }

    /// The parent of `id` (none for the root).
    pub fn parent(&self, id: NodeId) -> Option<NodeId> {
        let p = self.node(id)?.parent;
        (p != NONE).then_some(NodeId(p))
    }

    /// The children of `id`, in order.
    pub fn children(&self, id: NodeId) -> Children<'_, 'a> {
        let next = self.node(id).map_or(NONE, |n| n.first_child);
        Children { doc: self, next }
    }

    /// The first child of `id`.
    pub fn first_child(&self, id: NodeId) -> Option<NodeId> {
        let c = self.node(id)?.first_child;
        (c != NONE).then_some(NodeId(c))
    }

    /// The next sibling of `id`.
    pub fn next_sibling(&self, id: NodeId) -> Option<NodeId> {
        let c = self.node(id)?.next_sibling;
        (c != NONE).then_some(NodeId(c))
    }

    /// The ancestors of `id`, nearest first, `id` itself excluded.
    ///
    /// ```
    /// use marsad_extract::html::dom::Document;
    /// let doc = Document::parse("<main><article><p>نص</p></article></main>");
    /// let p = doc.find_all("p").next().unwrap();
    /// let tags: Vec<_> = doc.ancestors(p).filter_map(|a| doc.tag(a)).collect();
    /// assert_eq!(&tags[..2], ["article", "main"]);
    /// ```
    pub fn ancestors(&self, id: NodeId) -> impl Iterator<Item = NodeId> + use<'_, 'a> {
        std::iter::successors(self.parent(id), |&p| self.parent(p))
    }

    /// All descendants of `id` in document (pre-)order, `id` itself excluded.
    pub fn descendants(&self, id: NodeId) -> impl Iterator<Item = NodeId> + use<'_, 'a> {
        let (from, to) = self.node(id).map_or((0, 0), |n| (id.0 + 1, n.subtree_end));
        (from..to).map(NodeId)
    }

    /// One past the last descendant's index: descendants of `id` are `id+1 .. subtree_end(id)`.
    pub fn subtree_end(&self, id: NodeId) -> NodeId {
        NodeId(self.node(id).map_or(id.0, |n| n.subtree_end))
    }

    /// True when `anc` is `id` or one of its ancestors.
    pub fn contains(&self, anc: NodeId, id: NodeId) -> bool {
        anc.0 <= id.0 && id.0 < self.subtree_end(anc).0.max(anc.0 + 1)
    }

    /// Every element, in document order.
    pub fn elements(&self) -> impl Iterator<Item = NodeId> + use<'_, 'a> {
        self.nodes
            .iter()
            .enumerate()
            .filter(|(_, n)| n.kind == Kind::Element)
            .map(|(i, _)| NodeId(i as u32))
    }

    /// Every element named `tag` (lowercase), in document order.
    pub fn find_all<'s>(&'s self, tag: &'s str) -> impl Iterator<Item = NodeId> + use<'s, 'a> {
        let code = Tag::from_name(tag);
        self.elements().filter(move |&id| {
            if code == Tag::Other {
                self.tag(id) == Some(tag)
            } else {
                self.tag_is(id, code)
            }
        })
    }

    /// True for element nodes.
    pub fn is_element(&self, id: NodeId) -> bool {
        self.node(id).is_some_and(|n| n.kind == Kind::Element)
    }

    /// True for text nodes.
    pub fn is_text(&self, id: NodeId) -> bool {
        self.node(id).is_some_and(|n| n.kind == Kind::Text)
    }

    /// The lowercase tag name of an element (none for text and the root).
    pub fn tag(&self, id: NodeId) -> Option<&str> {
        let n = self.node(id)?;
        if n.kind != Kind::Element {
            return None;
        }
        if n.tag != Tag::Other {
            return Some(n.tag.name());
        }
        let (s, e) = (n.name_start as usize, n.name_end as usize);
        if n.pooled {
            self.pool.get(s..e)
        } else {
            self.input.get(s..e)
        }
    }

    /// The interned tag of an element (none for text and the root): compare it instead of
    /// [`Document::tag`] strings in hot loops.
    ///
    /// ```
    /// use marsad_extract::html::dom::{Document, Tag};
    /// let doc = Document::parse("<div><p>نص</p><my-box>x</my-box></div>");
    /// let p = doc.find_all("p").next().unwrap();
    /// assert_eq!(doc.tag_code(p), Some(Tag::P));
    /// let other = doc.find_all("my-box").next().unwrap();
    /// assert_eq!(doc.tag_code(other), Some(Tag::Other));
    /// assert_eq!(doc.tag_code(doc.root()), None);
    /// ```
    pub fn tag_code(&self, id: NodeId) -> Option<Tag> {
        self.node(id)
            .filter(|n| n.kind == Kind::Element)
            .map(|n| n.tag)
    }

    /// True when `id` is an element with tag `tag` (never for [`Tag::Other`]: compare
    /// [`Document::tag`] names for elements outside the list).
    ///
    /// ```
    /// use marsad_extract::html::dom::{Document, Tag};
    /// let doc = Document::parse("<h2>عنوان</h2>");
    /// let h = doc.find_all("h2").next().unwrap();
    /// assert!(doc.tag_is(h, Tag::H2) && !doc.tag_is(h, Tag::P));
    /// ```
    pub fn tag_is(&self, id: NodeId, tag: Tag) -> bool {
        tag != Tag::Other
            && self
                .node(id)
                .is_some_and(|n| n.kind == Kind::Element && n.tag == tag)
    }

    /// True for a dialog layer: a `<dialog>`, `role=dialog`/`alertdialog` or `aria-modal=true`.
    ///
    /// ```
    /// use marsad_extract::html::dom::Document;
    /// let doc = Document::parse("<div role=dialog><p>سياسة الخصوصية</p></div><p>نص</p>");
    /// let ps: Vec<_> = doc.find_all("p").collect();
    /// assert!(doc.ancestors(ps[0]).any(|a| doc.is_dialog(a)));
    /// assert!(!doc.ancestors(ps[1]).any(|a| doc.is_dialog(a)));
    /// ```
    pub fn is_dialog(&self, id: NodeId) -> bool {
        self.tag_is(id, Tag::Dialog)
            || self.attr_raw(id, "role").is_some_and(|r| {
                let r = r.trim();
                r.eq_ignore_ascii_case("dialog") || r.eq_ignore_ascii_case("alertdialog")
            })
            || self
                .attr_raw(id, "aria-modal")
                .is_some_and(|v| v.trim().eq_ignore_ascii_case("true"))
    }

    /// Every element with tag `tag`, in document order (the [`Tag`] form of
    /// [`Document::find_all`]).
    pub fn find_tag(&self, tag: Tag) -> impl Iterator<Item = NodeId> + use<'_, 'a> {
        self.nodes
            .iter()
            .enumerate()
            .filter(move |(_, n)| n.kind == Kind::Element && n.tag == tag && tag != Tag::Other)
            .map(|(i, _)| NodeId(i as u32))
    }

    /// The value of attribute `name` (ASCII case-insensitive), entities decoded; the first one
    /// wins when an attribute is repeated. `Some("")` for a present attribute without value.
    pub fn attr(&self, id: NodeId, name: &str) -> Option<Cow<'a, str>> {
        let n = self.node(id)?;
        let attrs = self.attrs.get(n.attr_start as usize..n.attr_end as usize)?;
        for a in attrs {
            let an = self.input.get(a.name_start as usize..a.name_end as usize)?;
            if an.eq_ignore_ascii_case(name) {
                let v = self
                    .input
                    .get(a.value_start as usize..a.value_end as usize)?;
                return Some(decode_entities(v));
            }
        }
        None
    }

    /// The raw (undecoded) value of attribute `name`.
    pub fn attr_raw(&self, id: NodeId, name: &str) -> Option<&'a str> {
        let n = self.node(id)?;
        let attrs = self.attrs.get(n.attr_start as usize..n.attr_end as usize)?;
        for a in attrs {
            let an = self.input.get(a.name_start as usize..a.name_end as usize)?;
            if an.eq_ignore_ascii_case(name) {
                return self.input.get(a.value_start as usize..a.value_end as usize);
            }
        }
        None
    }

    /// All attributes of an element as (name as written, decoded value), in source order.
    pub fn attrs(&self, id: NodeId) -> impl Iterator<Item = (&'a str, Cow<'a, str>)> + use<'_, 'a> {
        let range = self
            .node(id)
            .map_or(0..0, |n| n.attr_start as usize..n.attr_end as usize);
        let input = self.input;
        self.attrs
            .get(range)
            .unwrap_or(&[])
            .iter()
            .filter_map(move |a| {
                let name = input.get(a.name_start as usize..a.name_end as usize)?;
                let v = input.get(a.value_start as usize..a.value_end as usize)?;
                Some((name, decode_entities(v)))
            })
    }

    /// All attributes of an element as (name as written, raw undecoded value).
    pub fn attrs_raw(&self, id: NodeId) -> impl Iterator<Item = (&'a str, &'a str)> + use<'_, 'a> {
        let range = self
            .node(id)
            .map_or(0..0, |n| n.attr_start as usize..n.attr_end as usize);
        let input = self.input;
        self.attrs
            .get(range)
            .unwrap_or(&[])
            .iter()
            .filter_map(move |a| {
                let name = input.get(a.name_start as usize..a.name_end as usize)?;
                let v = input.get(a.value_start as usize..a.value_end as usize)?;
                Some((name, v))
            })
    }

    /// Where the node is in the input: for an element from `<` of its start tag to the `>` of
    /// its end tag (or where it was implicitly closed); for a text, the raw text.
    pub fn span(&self, id: NodeId) -> Span {
        self.node(id).map_or(Span::default(), |n| {
            Span::new(n.start as usize, n.end as usize)
        })
    }

    /// The span between the start tag's `>` and the end tag's `<` (for text: the text).
    pub fn inner_span(&self, id: NodeId) -> Span {
        self.node(id).map_or(Span::default(), |n| {
            Span::new(n.inner_start as usize, n.inner_end as usize)
        })
    }

    /// The raw source between start and end tag, e.g. the JSON of `<script type=application/ld+json>`.
    ///
    /// ```
    /// use marsad_extract::html::dom::Document;
    /// let doc = Document::parse(r#"<script type="application/ld+json">{"headline":"خبر"}</script>"#);
    /// let s = doc.find_all("script").next().unwrap();
    /// assert_eq!(doc.raw_inner(s), r#"{"headline":"خبر"}"#);
    /// ```
    pub fn raw_inner(&self, id: NodeId) -> &'a str {
        let s = self.inner_span(id);
        self.input.get(s.start..s.end).unwrap_or("")
    }

    /// The raw source of a text node (entities not decoded).
    pub fn raw_text(&self, id: NodeId) -> &'a str {
        match self.node(id) {
            Some(n) if n.kind == Kind::Text => self
                .input
                .get(n.start as usize..n.end as usize)
                .unwrap_or(""),
            _ => "",
        }
    }

    /// The decoded text of a text node (whitespace as in the source).
    pub fn text(&self, id: NodeId) -> Cow<'a, str> {
        decode_entities(self.raw_text(id))
    }

    /// The text of `id` and its descendants: entities decoded, whitespace collapsed to single
    /// spaces, a space between block elements and at `<br>`, raw-text elements (`script`,
    /// `style`, ...) left out, trimmed.
    ///
    /// ```
    /// use marsad_extract::html::dom::Document;
    /// let doc = Document::parse("<div><p>مرحبا <b>بكم</b></p><p>في&nbsp;دمشق</p><script>x</script></div>");
    /// let div = doc.find_all("div").next().unwrap();
    /// assert_eq!(doc.text_of(div), "مرحبا بكم في دمشق");
    /// ```
    pub fn text_of(&self, id: NodeId) -> String {
        let mut out = String::new();
        self.append_text(id, &mut out);
        let t = out.trim_end().len();
        out.truncate(t);
        out
    }

    /// [`Document::text_of`] for an element read only when it is short: `None` once the text
    /// passes `max_bytes` or the walk passes `max_bytes` nodes. (An element's source span does
    /// not bound its text: a streamed segment moved into it brings text from elsewhere.)
    ///
    /// ```
    /// use marsad_extract::html::dom::Document;
    /// let doc = Document::parse("<button>هل الدخول مجاني؟</button><p>نص أطول من الحد</p>");
    /// let b = doc.find_all("button").next().unwrap();
    /// assert_eq!(doc.text_within(b, 64).as_deref(), Some("هل الدخول مجاني؟"));
    /// let p = doc.find_all("p").next().unwrap();
    /// assert_eq!(doc.text_within(p, 8), None);
    /// ```
    pub fn text_within(&self, id: NodeId, max_bytes: usize) -> Option<String> {
        let mut out = String::new();
        if !self.append_text_within(id, &mut out, max_bytes) {
            return None;
        }
        let t = out.trim_end().len();
        out.truncate(t);
        Some(out)
    }

    /// Appends the collapsed text of `id` (see [`Document::text_of`]) to `out`.
    pub fn append_text(&self, id: NodeId, out: &mut String) {
        self.append_text_within(id, out, usize::MAX);
    }

    /// [`Document::append_text`], giving up (false) once more than `limit` bytes of raw text
    /// or `limit` nodes have been met.
    fn append_text_within(&self, id: NodeId, out: &mut String, limit: usize) -> bool {
        let mut pending_space = false;
        let push = |s: &str, out: &mut String, pending: &mut bool| {
            for (k, w) in s.split(|c: char| c.is_whitespace()).enumerate() {
                if k > 0 {
                    *pending = true;
                }
                if w.is_empty() {
                    continue;
                }
                if *pending && !out.is_empty() && !out.ends_with(' ') {
                    out.push(' ');
                }
                *pending = false;
                out.push_str(w);
            }
        };
        if self.is_text(id) {
            if self.raw_text(id).len() > limit {
                return false;
            }
            push(&self.text(id), out, &mut pending_space);
            return true;
        }
        let end = self.subtree_end(id).0;
        let mut i = id.0 + 1;
        let (mut raw_bytes, mut visited) = (0usize, 0usize);
        // End of the last text pushed: words of sibling elements closed and opened back to
        // back are kept apart (see [`is_sibling_gap`]).
        let mut last_end: Option<usize> = None;
        while i < end {
            let nid = NodeId(i);
            visited += 1;
            if visited > limit {
                return false;
            }
            match self.node(nid).map(|n| n.kind) {
                Some(Kind::Text) => {
                    raw_bytes = raw_bytes.saturating_add(self.raw_text(nid).len());
                    if raw_bytes > limit {
                        return false;
                    }
                    let span = self.span(nid);
                    let text = self.text(nid);
                    if !pending_space
                        && let Some(le) = last_end
                        && le < span.start
                        && out.ends_with(char::is_alphanumeric)
                        && text.starts_with(char::is_alphanumeric)
                        && self.input.get(le..span.start).is_some_and(is_sibling_gap)
                    {
                        pending_space = true;
                    }
                    push(&text, out, &mut pending_space);
                    if !text.trim().is_empty() {
                        last_end = Some(span.end);
                    }
                    i += 1;
                }
                Some(Kind::Element) => {
                    let tag = self.nodes.get(i as usize).map_or(Tag::Other, |n| n.tag);
                    if tag.is_raw_text() && tag != Tag::Textarea {
                        i = self.subtree_end(nid).0.max(i + 1);
                        continue;
                    }
                    if !tag.is_inline() || tag == Tag::Br {
                        pending_space = true;
                    }
                    i += 1;
                }
                _ => i += 1,
            }
        }
        true
    }
}

/// True when the markup `gap` between two texts closes an element and then opens another one
/// (`</span><span>`, `</a></li><li><a>`): the texts belong to sibling items laid out side by
/// side, not to one word split by markup (`<b>W</b>ord`).
///
/// ```
/// use marsad_extract::html::dom::is_sibling_gap;
/// assert!(is_sibling_gap("</span><span class=a>"));
/// assert!(!is_sibling_gap("</b>"));
/// ```
pub fn is_sibling_gap(gap: &str) -> bool {
    let Some(close) = gap.find("</") else {
        return false;
    };
    let rest = gap.get(close + 2..).unwrap_or("");
    let Some(end) = rest.find('>') else {
        return false;
    };
    let after = rest.get(end + 1..).unwrap_or("").as_bytes();
    after
        .windows(2)
        .any(|w| w[0] == b'<' && w[1].is_ascii_alphabetic())
}

/// Iterator over the children of a node.
pub struct Children<'d, 'a> {
    doc: &'d Document<'a>,
    next: u32,
}

impl Iterator for Children<'_, '_> {
    type Item = NodeId;
    fn next(&mut self) -> Option<NodeId> {
        if self.next == NONE {
            return None;
        }
        let id = NodeId(self.next);
        self.next = self.doc.node(id).map_or(NONE, |n| n.next_sibling);
        Some(id)
    }
}

/// Small codes of the elements whose open count the builder tracks (implied end tags).
const C_OTHER: u8 = 0;
const C_P: u8 = 1;
const C_LI: u8 = 2;
const C_DTDD: u8 = 3;
const C_TR: u8 = 4;
const C_CELL: u8 = 5;
const C_TSECT: u8 = 6;
const C_OPTION: u8 = 7;
const C_A: u8 = 8;
const C_HEAD: u8 = 9;
const N_CODES: usize = 10;

fn track_code(tag: Tag) -> u8 {
    match tag {
        Tag::P => C_P,
        Tag::Li => C_LI,
        Tag::Dt | Tag::Dd => C_DTDD,
        Tag::Tr => C_TR,
        Tag::Td | Tag::Th => C_CELL,
        Tag::Thead | Tag::Tbody | Tag::Tfoot => C_TSECT,
        Tag::Option | Tag::Optgroup => C_OPTION,
        Tag::A => C_A,
        Tag::Head => C_HEAD,
        _ => C_OTHER,
    }
}

struct Builder<'a> {
    input: &'a str,
    bytes: &'a [u8],
    pos: usize,
    nodes: Vec<Node>,
    attrs: Vec<Attr>,
    pool: String,
    /// Open elements (indices), root first.
    stack: Vec<u32>,
    /// Track code of each stack entry.
    codes: Vec<u8>,
    /// Open elements per track code.
    open: [u32; N_CODES],
    truncated: bool,
    /// Open `noscript` elements.
    noscripts: u32,
    /// A `template` element was appended: streamed segments may need placing.
    templates: bool,
}

impl<'a> Builder<'a> {
    fn new(input: &'a str) -> Self {
        let root = Node {
            kind: Kind::Root,
            tag: Tag::Other,
            name_start: 0,
            name_end: 0,
            pooled: false,
            parent: NONE,
            first_child: NONE,
            last_child: NONE,
            next_sibling: NONE,
            subtree_end: 1,
            start: 0,
            end: input.len() as u32,
            inner_start: 0,
            inner_end: input.len() as u32,
            attr_start: 0,
            attr_end: 0,
        };
        let mut nodes = Vec::with_capacity(input.len() / 40 + 16);
        nodes.push(root);
        Builder {
            input,
            bytes: input.as_bytes(),
            pos: 0,
            nodes,
            attrs: Vec::with_capacity(input.len() / 60 + 16),
            pool: String::new(),
            stack: vec![0],
            codes: vec![C_OTHER],
            open: [0; N_CODES],
            truncated: false,
            noscripts: 0,
            templates: false,
        }
    }

    fn finish(mut self) -> Document<'a> {
        let end = self.bytes.len();
        while self.stack.len() > 1 {
            self.pop(end);
        }
        let n = self.nodes.len() as u32;
        if let Some(r) = self.nodes.first_mut() {
            r.subtree_end = n;
        }
        let mut doc = Document {
            input: self.input,
            nodes: self.nodes,
            attrs: self.attrs,
            pool: self.pool,
            truncated: self.truncated,
        };
        if self.templates {
            doc.place_streamed_segments();
        }
        doc
    }

    /// The interned tag of an open element (`Other` for the root).
    fn code_of(&self, idx: u32) -> Tag {
        self.nodes
            .get(idx as usize)
            .filter(|n| n.kind == Kind::Element)
            .map_or(Tag::Other, |n| n.tag)
    }

    /// True when the element at `idx` is named like a tag of code `code` and name `name`
    /// (the name is compared only for [`Tag::Other`]).
    fn named(&self, idx: u32, code: Tag, name: &str) -> bool {
        let Some(n) = self.nodes.get(idx as usize) else {
            return false;
        };
        if n.kind != Kind::Element || n.tag != code {
            return false;
        }
        code != Tag::Other || self.tag_of(idx) == name
    }

    fn tag_of(&self, idx: u32) -> &str {
        let Some(n) = self.nodes.get(idx as usize) else {
            return "";
        };
        if n.kind != Kind::Element {
            return "";
        }
        let (s, e) = (n.name_start as usize, n.name_end as usize);
        if n.pooled {
            self.pool.get(s..e).unwrap_or("")
        } else {
            self.input.get(s..e).unwrap_or("")
        }
    }

    fn current(&self) -> u32 {
        self.stack.last().copied().unwrap_or(0)
    }

    /// Appends a node under the current element; returns its index or None at the node limit.
    fn append(&mut self, mut node: Node) -> Option<u32> {
        if self.nodes.len() >= MAX_NODES {
            self.truncated = true;
            return None;
        }
        let idx = self.nodes.len() as u32;
        let parent = self.current();
        node.parent = parent;
        if let Some(p) = self.nodes.get(parent as usize) {
            let last = p.last_child;
            if last == NONE {
                self.nodes[parent as usize].first_child = idx;
            } else if let Some(l) = self.nodes.get_mut(last as usize) {
                l.next_sibling = idx;
            }
            self.nodes[parent as usize].last_child = idx;
        }
        node.subtree_end = idx + 1;
        self.nodes.push(node);
        Some(idx)
    }

    /// Closes the current element at byte `end`.
    fn pop(&mut self, end: usize) {
        if self.stack.len() <= 1 {
            return;
        }
        let Some(idx) = self.stack.pop() else { return };
        if self
            .nodes
            .get(idx as usize)
            .is_some_and(|n| n.tag == Tag::Noscript)
        {
            self.noscripts = self.noscripts.saturating_sub(1);
        }
        if let Some(c) = self.codes.pop()
            && let Some(o) = self.open.get_mut(c as usize)
        {
            *o = o.saturating_sub(1);
        }
        let n_len = self.nodes.len() as u32;
        if let Some(n) = self.nodes.get_mut(idx as usize) {
            n.subtree_end = n_len;
            if n.inner_end == NONE {
                n.inner_end = end as u32;
            }
            n.end = end as u32;
        }
    }

    /// Index in the stack of the topmost open element named one of `names`, not crossing a
    /// scope boundary nor any of `extra_bounds`.
    fn find_open(&self, names: &[Tag], extra_bounds: &[Tag]) -> Option<usize> {
        for (i, &idx) in self.stack.iter().enumerate().rev() {
            if i == 0 {
                return None;
            }
            let t = self.code_of(idx);
            if t != Tag::Other && names.contains(&t) {
                return Some(i);
            }
            if t.is_scope_boundary() || (t != Tag::Other && extra_bounds.contains(&t)) {
                return None;
            }
        }
        None
    }

    /// [`Builder::find_open`] for one element named `name` (code `code`), no extra bounds.
    fn find_open_named(&self, code: Tag, name: &str) -> Option<usize> {
        for (i, &idx) in self.stack.iter().enumerate().rev() {
            if i == 0 {
                return None;
            }
            if self.named(idx, code, name) {
                return Some(i);
            }
            if self.code_of(idx).is_scope_boundary() {
                return None;
            }
        }
        None
    }

    fn close_to(&mut self, stack_pos: usize, end: usize) {
        while self.stack.len() > stack_pos {
            self.pop(end);
        }
    }

    fn text(&mut self, from: usize, to: usize) {
        if from >= to {
            return;
        }
        // Merge with a preceding text sibling (split by a skipped comment).
        let cur = self.current();
        if let Some(p) = self.nodes.get(cur as usize) {
            let last = p.last_child;
            if last != NONE
                && let Some(l) = self.nodes.get_mut(last as usize)
                && l.kind == Kind::Text
                && l.end as usize == from
            {
                l.end = to as u32;
                l.inner_end = to as u32;
                return;
            }
        }
        let _ = self.append(Node {
            kind: Kind::Text,
            tag: Tag::Other,
            name_start: 0,
            name_end: 0,
            pooled: false,
            parent: NONE,
            first_child: NONE,
            last_child: NONE,
            next_sibling: NONE,
            subtree_end: 0,
            start: from as u32,
            end: to as u32,
            inner_start: from as u32,
            inner_end: to as u32,
            attr_start: 0,
            attr_end: 0,
        });
    }

    fn run(&mut self) {
        let len = self.bytes.len();
        let mut text_start = 0usize;
        while self.pos < len {
            if self.truncated {
                break;
            }
            let Some(off) = memchr(b'<', &self.bytes[self.pos..]) else {
                self.pos = len;
                break;
            };
            let lt = self.pos + off;
            let next = self.bytes.get(lt + 1).copied().unwrap_or(0);
            if next.is_ascii_alphabetic() {
                self.text(text_start, lt);
                self.start_tag(lt);
                text_start = self.pos;
            } else if next == b'/' {
                let n2 = self.bytes.get(lt + 2).copied().unwrap_or(0);
                if n2.is_ascii_alphabetic() {
                    self.text(text_start, lt);
                    self.end_tag(lt);
                    text_start = self.pos;
                } else if n2 == b'>' {
                    self.text(text_start, lt);
                    self.pos = lt + 3;
                    text_start = self.pos;
                } else {
                    // `</ ...>` and `</1>`: a bogus comment up to `>`.
                    self.text(text_start, lt);
                    self.pos = memchr(b'>', &self.bytes[lt..]).map_or(len, |o| lt + o + 1);
                    text_start = self.pos;
                }
            } else if next == b'!' {
                self.text(text_start, lt);
                if self.bytes[lt..].starts_with(b"<!--") {
                    self.pos = find_closer(self.bytes, lt + 4, b'-').map_or(len, |o| o + 3);
                } else if self.bytes[lt..].starts_with(b"<![CDATA[") {
                    self.pos = find_closer(self.bytes, lt + 9, b']').map_or(len, |o| o + 3);
                } else {
                    self.pos = memchr(b'>', &self.bytes[lt..]).map_or(len, |o| lt + o + 1);
                }
                text_start = self.pos;
            } else if next == b'?' {
                self.text(text_start, lt);
                self.pos = memchr(b'>', &self.bytes[lt..]).map_or(len, |o| lt + o + 1);
                text_start = self.pos;
            } else {
                // A literal `<`.
                self.pos = lt + 1;
            }
        }
        self.text(text_start, len.min(self.pos.max(text_start)));
        if text_start < len && self.pos >= len {
            self.text(text_start, len);
        }
    }

    /// Reads a tag name at `from`; returns its end.
    fn name_end(&self, from: usize) -> usize {
        let mut i = from;
        while let Some(&c) = self.bytes.get(i) {
            if c.is_ascii_whitespace() || c == b'/' || c == b'>' {
                break;
            }
            i += 1;
        }
        i
    }

    /// Name (start,end,pooled) of a tag, lowercased into the pool when needed.
    fn intern_name(&mut self, s: usize, e: usize) -> (u32, u32, bool) {
        let raw = self.input.get(s..e).unwrap_or("");
        if raw.bytes().any(|c| c.is_ascii_uppercase()) {
            let ps = self.pool.len();
            for c in raw.chars() {
                self.pool.push(c.to_ascii_lowercase());
            }
            (ps as u32, self.pool.len() as u32, true)
        } else {
            (s as u32, e as u32, false)
        }
    }

    /// Parses attributes from `self.pos` to the tag's `>`; returns (attr range, self-closing).
    fn parse_attrs(&mut self) -> (u32, u32, bool) {
        let start = self.attrs.len() as u32;
        let len = self.bytes.len();
        let mut self_closing = false;
        loop {
            // Skip whitespace and slashes.
            while let Some(&c) = self.bytes.get(self.pos) {
                if c.is_ascii_whitespace() {
                    self.pos += 1;
                } else if c == b'/' {
                    self.pos += 1;
                    self_closing = self.bytes.get(self.pos) == Some(&b'>');
                } else {
                    break;
                }
            }
            match self.bytes.get(self.pos) {
                None => break,
                Some(b'>') => {
                    self.pos += 1;
                    break;
                }
                _ => {}
            }
            self_closing = false;
            let ns = self.pos;
            // An attribute name may start with '=' (parse error); take it as part of the name.
            self.pos += 1;
            while let Some(&c) = self.bytes.get(self.pos) {
                if c.is_ascii_whitespace() || c == b'/' || c == b'>' || c == b'=' {
                    break;
                }
                self.pos += 1;
            }
            let ne = self.pos;
            while self
                .bytes
                .get(self.pos)
                .is_some_and(|c| c.is_ascii_whitespace())
            {
                self.pos += 1;
            }
            let (mut vs, mut ve) = (ne, ne);
            if self.bytes.get(self.pos) == Some(&b'=') {
                self.pos += 1;
                while self
                    .bytes
                    .get(self.pos)
                    .is_some_and(|c| c.is_ascii_whitespace())
                {
                    self.pos += 1;
                }
                match self.bytes.get(self.pos) {
                    Some(&q) if q == b'"' || q == b'\'' => {
                        vs = self.pos + 1;
                        match memchr(q, &self.bytes[vs..]) {
                            Some(o) => {
                                ve = vs + o;
                                self.pos = ve + 1;
                            }
                            None => {
                                // Unterminated quote: the rest of the input is lost, as in
                                // browsers; end the value (and the tag) at the next `>` instead.
                                let gt = memchr(b'>', &self.bytes[vs..]).map_or(len, |o| vs + o);
                                ve = gt;
                                self.pos = gt;
                            }
                        }
                    }
                    Some(_) => {
                        vs = self.pos;
                        while let Some(&c) = self.bytes.get(self.pos) {
                            if c.is_ascii_whitespace() || c == b'>' {
                                break;
                            }
                            self.pos += 1;
                        }
                        ve = self.pos;
                    }
                    None => {}
                }
            }
            // Keep spans on char boundaries (they are, as delimiters are ASCII).
            self.attrs.push(Attr {
                name_start: ns as u32,
                name_end: ne as u32,
                value_start: vs as u32,
                value_end: ve as u32,
            });
        }
        (start, self.attrs.len() as u32, self_closing)
    }

    fn start_tag(&mut self, lt: usize) {
        let ns = lt + 1;
        let ne = self.name_end(ns);
        self.pos = ne;
        let (attr_start, attr_end, _self_closing) = self.parse_attrs();
        let gt_end = self.pos;
        let (name_start, name_end, pooled) = self.intern_name(ns, ne);
        let code = if pooled {
            Tag::from_name(
                self.pool
                    .get(name_start as usize..name_end as usize)
                    .unwrap_or(""),
            )
        } else {
            Tag::from_name(self.input.get(ns..ne).unwrap_or(""))
        };

        // Body content closes an open `head`.
        if !matches!(
            code,
            Tag::Meta
                | Tag::Link
                | Tag::Title
                | Tag::Script
                | Tag::Style
                | Tag::Base
                | Tag::Noscript
                | Tag::Template
                | Tag::Head
        ) && self.open[C_HEAD as usize] > 0
            && let Some(i) = self.find_in_stack(Tag::Head, &[])
        {
            self.close_to(i, lt);
        }
        // Implied end tags.
        if self.open[C_P as usize] > 0
            && code.closes_p()
            && let Some(i) = self.find_open(&[Tag::P], &[Tag::Button])
        {
            self.close_to(i, lt);
        }
        match code {
            Tag::Li => {
                if self.open[C_LI as usize] > 0
                    && let Some(i) = self.find_open(&[Tag::Li], &[Tag::Ul, Tag::Ol, Tag::Menu])
                {
                    self.close_to(i, lt);
                }
            }
            Tag::Dt | Tag::Dd => {
                if self.open[C_DTDD as usize] > 0
                    && let Some(i) = self.find_open(&[Tag::Dt, Tag::Dd], &[Tag::Dl])
                {
                    self.close_to(i, lt);
                }
            }
            Tag::Tr => {
                if self.open[C_TR as usize] > 0
                    && let Some(i) =
                        self.find_open(&[Tag::Tr], &[Tag::Tbody, Tag::Thead, Tag::Tfoot])
                {
                    self.close_to(i, lt);
                }
            }
            Tag::Td | Tag::Th => {
                if self.open[C_CELL as usize] > 0
                    && let Some(i) = self.find_open_cell()
                {
                    self.close_to(i, lt);
                }
            }
            Tag::Thead | Tag::Tbody | Tag::Tfoot => {
                if self.open[C_TSECT as usize] > 0
                    && let Some(i) = self.find_open(&[Tag::Thead, Tag::Tbody, Tag::Tfoot], &[])
                {
                    self.close_to(i, lt);
                }
            }
            Tag::Option | Tag::Optgroup => {
                let names: &[Tag] = if code == Tag::Option {
                    &[Tag::Option]
                } else {
                    &[Tag::Option, Tag::Optgroup]
                };
                if self.open[C_OPTION as usize] > 0
                    && let Some(i) = self.find_open(names, &[Tag::Select, Tag::Datalist])
                {
                    self.close_to(i, lt);
                }
            }
            Tag::H1 | Tag::H2 | Tag::H3 | Tag::H4 | Tag::H5 | Tag::H6 => {
                let cur = self.current();
                if self.code_of(cur).is_heading() {
                    self.pop(lt);
                }
            }
            Tag::A => {
                if self.open[C_A as usize] > 0
                    && let Some(i) = self.find_open(&[Tag::A], &[])
                {
                    self.close_to(i, lt);
                }
            }
            Tag::Html | Tag::Body | Tag::Head
                // A repeated `html`/`body`/`head` start tag adds nothing.
                if self.nodes.iter().skip(1).take(64).any(|n| {
                    n.kind == Kind::Element && !n.pooled && n.tag == code
                }) =>
            {
                return;
            }
            _ => {}
        }

        let void = code.is_void();
        let raw = code.is_raw_text();
        let Some(idx) = self.append(Node {
            kind: Kind::Element,
            tag: code,
            name_start,
            name_end,
            pooled,
            parent: NONE,
            first_child: NONE,
            last_child: NONE,
            next_sibling: NONE,
            subtree_end: 0,
            start: lt as u32,
            end: gt_end as u32,
            inner_start: gt_end as u32,
            inner_end: if void { gt_end as u32 } else { NONE },
            attr_start,
            attr_end,
        }) else {
            return;
        };
        self.templates |= code == Tag::Template;
        if void {
            return;
        }
        if raw {
            // Jump to the matching end tag. Inside a `noscript` it comes no later than the
            // `</noscript>`: a browser running scripts reads the whole `noscript` as text, so an
            // unclosed `<iframe ... />` in it never swallows the rest of the page.
            let len = self.bytes.len();
            let (mut inner_end, mut after) = self.find_raw_end(gt_end, len, code.name());
            if self.noscripts > 0 {
                let (ns_end, _) = self.find_raw_end(gt_end, inner_end, Tag::Noscript.name());
                if ns_end < inner_end {
                    (inner_end, after) = (ns_end, ns_end);
                }
            }
            if code == Tag::Title || code == Tag::Textarea {
                self.stack.push(idx);
                self.text(gt_end, inner_end);
                self.stack.pop();
                // (never pushed to `codes`: the pop above must not touch it)
            }
            let n_len = self.nodes.len() as u32;
            if let Some(n) = self.nodes.get_mut(idx as usize) {
                n.inner_end = inner_end as u32;
                n.end = after as u32;
                n.subtree_end = n_len;
            }
            self.pos = after;
            return;
        }
        if self.stack.len() > MAX_DEPTH {
            // Too deep: keep the element as a leaf; its contents become its following siblings.
            if let Some(n) = self.nodes.get_mut(idx as usize) {
                n.inner_end = gt_end as u32;
            }
            return;
        }
        self.stack.push(idx);
        if code == Tag::Noscript {
            self.noscripts += 1;
        }
        let track = track_code(code);
        self.codes.push(track);
        if let Some(o) = self.open.get_mut(track as usize) {
            *o += 1;
        }
    }

    fn find_open_cell(&self) -> Option<usize> {
        for (i, &idx) in self.stack.iter().enumerate().rev() {
            if i == 0 {
                return None;
            }
            match self.code_of(idx) {
                Tag::Td | Tag::Th => return Some(i),
                Tag::Tr
                | Tag::Table
                | Tag::Tbody
                | Tag::Thead
                | Tag::Tfoot
                | Tag::Html
                | Tag::Template => return None,
                _ => {}
            }
        }
        None
    }

    /// For a raw-text element opened before `from`: (start of its end tag, byte after it),
    /// looked for before byte `to`; `(to, to)` when it is not there.
    fn find_raw_end(&self, from: usize, to: usize, tag: &str) -> (usize, usize) {
        let len = to.min(self.bytes.len());
        let tb = tag.as_bytes();
        let mut at = from;
        while at < len {
            let Some(o) = memchr(b'<', &self.bytes[at..len]) else {
                break;
            };
            let p = at + o;
            if self.bytes.get(p + 1) != Some(&b'/') {
                at = p + 1;
                continue;
            }
            let ns = p + 2;
            let matches = self
                .bytes
                .get(ns..ns + tb.len())
                .is_some_and(|s| s.eq_ignore_ascii_case(tb))
                && self
                    .bytes
                    .get(ns + tb.len())
                    .is_none_or(|&c| c.is_ascii_whitespace() || c == b'>' || c == b'/');
            if matches {
                let all = self.bytes.len();
                let after = memchr(b'>', &self.bytes[ns..]).map_or(all, |o| ns + o + 1);
                return (p, after);
            }
            at = p + 2;
        }
        (len, len)
    }

    fn end_tag(&mut self, lt: usize) {
        let ns = lt + 2;
        let ne = self.name_end(ns);
        let after = memchr(b'>', &self.bytes[ne..]).map_or(self.bytes.len(), |o| ne + o + 1);
        self.pos = after;
        let raw = self.input.get(ns..ne).unwrap_or("");
        let lower;
        let tag: &str = if raw.bytes().any(|c| c.is_ascii_uppercase()) {
            lower = raw.to_ascii_lowercase();
            &lower
        } else {
            raw
        };
        let code = Tag::from_name(tag);
        match code {
            Tag::Body | Tag::Html | Tag::Br => {}
            Tag::Head => {
                if let Some(i) = self.find_in_stack(Tag::Head, &[]) {
                    self.close_with_end(i, lt, after);
                }
            }
            Tag::P => {
                if let Some(i) = self.find_open(&[Tag::P], &[Tag::Button]) {
                    self.close_with_end(i, lt, after);
                }
            }
            Tag::Li => {
                if self.open[C_LI as usize] > 0
                    && let Some(i) = self.find_open(&[Tag::Li], &[Tag::Ul, Tag::Ol])
                {
                    self.close_with_end(i, lt, after);
                }
            }
            Tag::Td | Tag::Th | Tag::Tr | Tag::Thead | Tag::Tbody | Tag::Tfoot | Tag::Caption => {
                // Search across cells for row/section ends.
                let mut found = None;
                for (i, &idx) in self.stack.iter().enumerate().rev() {
                    if i == 0 {
                        break;
                    }
                    let it = self.code_of(idx);
                    if it == code {
                        found = Some(i);
                        break;
                    }
                    if matches!(it, Tag::Table | Tag::Html | Tag::Template) {
                        break;
                    }
                }
                if let Some(i) = found {
                    self.close_with_end(i, lt, after);
                }
            }
            Tag::Table => {
                if let Some(i) = self.find_in_stack(Tag::Table, &[Tag::Html, Tag::Template]) {
                    self.close_with_end(i, lt, after);
                }
            }
            _ if code.is_inline() => {
                // Does not cross a block element.
                for (i, &idx) in self.stack.iter().enumerate().rev() {
                    if i == 0 {
                        break;
                    }
                    let it = self.code_of(idx);
                    if it == code {
                        self.close_with_end(i, lt, after);
                        break;
                    }
                    if !it.is_inline() {
                        break;
                    }
                }
            }
            _ => {
                if let Some(i) = self.find_open_named(code, tag) {
                    self.close_with_end(i, lt, after);
                }
            }
        }
    }

    fn find_in_stack(&self, tag: Tag, bounds: &[Tag]) -> Option<usize> {
        for (i, &idx) in self.stack.iter().enumerate().rev() {
            if i == 0 {
                return None;
            }
            let t = self.code_of(idx);
            if t == tag {
                return Some(i);
            }
            if t != Tag::Other && bounds.contains(&t) {
                return None;
            }
        }
        None
    }

    /// Closes stack entries above `i` implicitly at `lt`, then entry `i` with its end tag.
    fn close_with_end(&mut self, i: usize, lt: usize, after: usize) {
        while self.stack.len() > i + 1 {
            self.pop(lt);
        }
        if let Some(&idx) = self.stack.last()
            && let Some(n) = self.nodes.get_mut(idx as usize)
        {
            n.inner_end = lt as u32;
        }
        self.pop(after);
    }
}

/// Where the first `cc>` (`c` twice, then `>`: `-->`, `]]>`) at or after `from` starts: a
/// `memchr` for `>` and a look back, with no searcher to build per call.
fn find_closer(bytes: &[u8], from: usize, c: u8) -> Option<usize> {
    let mut at = from.checked_add(2)?;
    while at < bytes.len() {
        let gt = at + memchr(b'>', bytes.get(at..)?)?;
        if bytes.get(gt - 2) == Some(&c) && bytes.get(gt - 1) == Some(&c) {
            return Some(gt - 2);
        }
        at = gt + 1;
    }
    None
}

/// Named character references decoded by [`decode_entities`] (HTML spec names; sorted).
static ENTITIES: &[(&str, &str)] = &[
    ("AElig", "Æ"),
    ("Aacute", "Á"),
    ("Acirc", "Â"),
    ("Agrave", "À"),
    ("Aring", "Å"),
    ("Atilde", "Ã"),
    ("Auml", "Ä"),
    ("Ccedil", "Ç"),
    ("Dagger", "‡"),
    ("ETH", "Ð"),
    ("Eacute", "É"),
    ("Ecirc", "Ê"),
    ("Egrave", "È"),
    ("Euml", "Ë"),
    ("Iacute", "Í"),
    ("Icirc", "Î"),
    ("Igrave", "Ì"),
    ("Iuml", "Ï"),
    ("Ntilde", "Ñ"),
    ("OElig", "Œ"),
    ("Oacute", "Ó"),
    ("Ocirc", "Ô"),
    ("Ograve", "Ò"),
    ("Oslash", "Ø"),
    ("Otilde", "Õ"),
    ("Ouml", "Ö"),
    ("Prime", "″"),
    ("Scaron", "Š"),
    ("THORN", "Þ"),
    ("Uacute", "Ú"),
    ("Ucirc", "Û"),
    ("Ugrave", "Ù"),
    ("Uuml", "Ü"),
    ("Yacute", "Ý"),
    ("Yuml", "Ÿ"),
    ("aacute", "á"),
    ("acirc", "â"),
    ("acute", "´"),
    ("aelig", "æ"),
    ("agrave", "à"),
    ("alpha", "α"),
    ("amp", "&"),
    ("apos", "'"),
    ("aring", "å"),
    ("atilde", "ã"),
    ("auml", "ä"),
    ("bdquo", "„"),
    ("beta", "β"),
    ("brvbar", "¦"),
    ("bull", "•"),
    ("ccedil", "ç"),
    ("cedil", "¸"),
    ("cent", "¢"),
    ("circ", "ˆ"),
    ("colon", ":"),
    ("comma", ","),
    ("copy", "©"),
    ("curren", "¤"),
    ("dagger", "†"),
    ("darr", "↓"),
    ("deg", "°"),
    ("divide", "÷"),
    ("dollar", "$"),
    ("eacute", "é"),
    ("ecirc", "ê"),
    ("egrave", "è"),
    ("emsp", "\u{2003}"),
    ("ensp", "\u{2002}"),
    ("equals", "="),
    ("eth", "ð"),
    ("euml", "ë"),
    ("euro", "€"),
    ("excl", "!"),
    ("frac12", "½"),
    ("frac14", "¼"),
    ("frac34", "¾"),
    ("gt", ">"),
    ("hellip", "…"),
    ("iacute", "í"),
    ("icirc", "î"),
    ("iexcl", "¡"),
    ("igrave", "ì"),
    ("iquest", "¿"),
    ("iuml", "ï"),
    ("laquo", "«"),
    ("larr", "←"),
    ("ldquo", "“"),
    ("lowbar", "_"),
    ("lpar", "("),
    ("lrm", "\u{200E}"),
    ("lsaquo", "‹"),
    ("lsquo", "‘"),
    ("lt", "<"),
    ("macr", "¯"),
    ("mdash", "—"),
    ("micro", "µ"),
    ("middot", "·"),
    ("minus", "−"),
    ("nbsp", "\u{00A0}"),
    ("ndash", "–"),
    ("not", "¬"),
    ("ntilde", "ñ"),
    ("num", "#"),
    ("oacute", "ó"),
    ("ocirc", "ô"),
    ("oelig", "œ"),
    ("ograve", "ò"),
    ("ordf", "ª"),
    ("ordm", "º"),
    ("oslash", "ø"),
    ("otilde", "õ"),
    ("ouml", "ö"),
    ("para", "¶"),
    ("percnt", "%"),
    ("period", "."),
    ("permil", "‰"),
    ("pi", "π"),
    ("plus", "+"),
    ("plusmn", "±"),
    ("pound", "£"),
    ("prime", "′"),
    ("quest", "?"),
    ("quot", "\""),
    ("raquo", "»"),
    ("rarr", "→"),
    ("rdquo", "”"),
    ("reg", "®"),
    ("rlm", "\u{200F}"),
    ("rpar", ")"),
    ("rsaquo", "›"),
    ("rsquo", "’"),
    ("sbquo", "‚"),
    ("scaron", "š"),
    ("sect", "§"),
    ("semi", ";"),
    ("shy", "\u{00AD}"),
    ("sol", "/"),
    ("sup1", "¹"),
    ("sup2", "²"),
    ("sup3", "³"),
    ("szlig", "ß"),
    ("thinsp", "\u{2009}"),
    ("thorn", "þ"),
    ("tilde", "˜"),
    ("times", "×"),
    ("trade", "™"),
    ("uacute", "ú"),
    ("uarr", "↑"),
    ("ucirc", "û"),
    ("ugrave", "ù"),
    ("uml", "¨"),
    ("uuml", "ü"),
    ("yacute", "ý"),
    ("yen", "¥"),
    ("yuml", "ÿ"),
    ("zwj", "\u{200D}"),
    ("zwnj", "\u{200C}"),
];

/// Decodes character references (`&amp;`, `&#1583;`, `&#x62F;`, common named ones); unknown
/// ones are kept as written. Borrows when there is nothing to decode.
///
/// ```
/// use marsad_extract::html::dom::decode_entities;
/// assert_eq!(decode_entities("&#x62F;&#1605;&#x634;&#1602; &amp; &laquo;حلب&raquo;"), "دمشق & «حلب»");
/// assert_eq!(decode_entities("a &unknown; b"), "a &unknown; b");
/// ```
pub fn decode_entities(s: &str) -> Cow<'_, str> {
    let bytes = s.as_bytes();
    let Some(first) = memchr(b'&', bytes) else {
        return Cow::Borrowed(s);
    };
    let mut out = String::with_capacity(s.len());
    out.push_str(&s[..first]);
    let mut i = first;
    while i < bytes.len() {
        if bytes[i] != b'&' {
            let next = memchr(b'&', &bytes[i..]).map_or(bytes.len(), |o| i + o);
            out.push_str(&s[i..next]);
            i = next;
            continue;
        }
        if let Some((decoded, used)) = decode_one(&s[i..]) {
            out.push_str(decoded.as_str());
            i += used;
        } else {
            out.push('&');
            i += 1;
        }
    }
    Cow::Owned(out)
}

/// A decoded reference: a static string or one char.
enum Decoded {
    Str(&'static str),
    Char(char, [u8; 4]),
}

impl Decoded {
    fn as_str(&self) -> &str {
        match self {
            Decoded::Str(s) => s,
            Decoded::Char(c, buf) => {
                let n = c.len_utf8();
                std::str::from_utf8(&buf[..n]).unwrap_or("\u{FFFD}")
            }
        }
    }
}

fn decode_one(s: &str) -> Option<(Decoded, usize)> {
    let b = s.as_bytes();
    if b.get(1) == Some(&b'#') {
        let (hex, start) = match b.get(2) {
            Some(b'x') | Some(b'X') => (true, 3),
            _ => (false, 2),
        };
        let mut j = start;
        let mut v: u32 = 0;
        while let Some(&c) = b.get(j) {
            let d = if hex {
                (c as char).to_digit(16)
            } else {
                (c as char).to_digit(10)
            };
            let Some(d) = d else { break };
            v = v
                .saturating_mul(if hex { 16 } else { 10 })
                .saturating_add(d);
            j += 1;
        }
        if j == start {
            return None;
        }
        if b.get(j) == Some(&b';') {
            j += 1;
        }
        let c = match v {
            0 => '\u{FFFD}',
            0x80..=0x9F => windows_1252_c1(v),
            _ => char::from_u32(v).unwrap_or('\u{FFFD}'),
        };
        let mut buf = [0u8; 4];
        c.encode_utf8(&mut buf);
        return Some((Decoded::Char(c, buf), j));
    }
    let mut j = 1;
    while j < b.len() && j < 34 && b[j].is_ascii_alphanumeric() {
        j += 1;
    }
    if j == 1 {
        return None;
    }
    let name = s.get(1..j)?;
    let idx = ENTITIES.binary_search_by(|(n, _)| n.cmp(&name)).ok()?;
    let val = ENTITIES[idx].1;
    if b.get(j) == Some(&b';') {
        return Some((Decoded::Str(val), j + 1));
    }
    // Legacy references without `;` (only the common ones, and not before `=`).
    if matches!(name, "amp" | "lt" | "gt" | "quot" | "nbsp" | "copy" | "reg")
        && b.get(j) != Some(&b'=')
    {
        return Some((Decoded::Str(val), j));
    }
    None
}

/// Numeric references 0x80–0x9F mean windows-1252 characters (HTML spec).
fn windows_1252_c1(v: u32) -> char {
    const TABLE: [char; 32] = [
        '€', '\u{81}', '‚', 'ƒ', '„', '…', '†', '‡', 'ˆ', '‰', 'Š', '‹', 'Œ', '\u{8D}', 'Ž',
        '\u{8F}', '\u{90}', '‘', '’', '“', '”', '•', '–', '—', '˜', '™', 'š', '›', 'œ', '\u{9D}',
        'ž', 'Ÿ',
    ];
    TABLE
        .get((v as usize).saturating_sub(0x80))
        .copied()
        .unwrap_or('\u{FFFD}')
}

#[cfg(test)]
mod tests {
    use super::*;

    fn tags(doc: &Document, id: NodeId) -> Vec<String> {
        doc.children(id)
            .map(|c| doc.tag(c).unwrap_or("#text").to_string())
            .collect()
    }

    #[test]
    fn tag_table_matches_the_html_lists() {
        let raw = "script style template svg textarea iframe xmp noembed noframes title plaintext";
        let void = "area base br col embed hr img input link meta param source track wbr keygen \
                    basefont bgsound frame image";
        let closes_p = "address article aside blockquote center details dialog dir div dl \
                        fieldset figcaption figure footer form h1 h2 h3 h4 h5 h6 header hgroup hr \
                        main menu nav ol p pre section summary table ul li dd dt listing";
        let scope = "table td th caption html template object marquee applet";
        let inline = "a abbr acronym b bdi bdo big cite code data del dfn em font i ins kbd label mark \
                      nobr q s samp small span strike strong sub sup time tt u var img br wbr \
                      button input select option picture source meter output progress ruby rb rt rtc rp";
        type Check = fn(Tag) -> bool;
        let lists: [(&str, Check); 5] = [
            (raw, Tag::is_raw_text),
            (void, Tag::is_void),
            (closes_p, Tag::closes_p),
            (scope, Tag::is_scope_boundary),
            (inline, Tag::is_inline),
        ];
        for (i, (name, _)) in TAG_INFO.iter().enumerate().skip(1) {
            let t = Tag::from_name(name);
            assert_eq!(t as usize, i, "{name}");
            assert_eq!(t.name(), *name);
            for (list, f) in &lists {
                assert_eq!(
                    list.split_whitespace().any(|w| w == *name),
                    f(t),
                    "{name} in {list}"
                );
            }
        }
        for (list, _) in &lists {
            for w in list.split_whitespace() {
                assert_ne!(Tag::from_name(w), Tag::Other, "{w}");
            }
        }
        assert_eq!(Tag::from_name("custom-el"), Tag::Other);
        assert!(!Tag::Other.is_inline() && Tag::Other.name().is_empty());
    }

    #[test]
    fn sibling_elements_keep_words_apart_in_text_of() {
        let doc = Document::parse(
            "<h1><a href=/x><span>Black Edition</span><span>Complete</span></a> <b>W</b>ord</h1>",
        );
        let h = doc.find_all("h1").next().unwrap();
        assert_eq!(doc.text_of(h), "Black Edition Complete Word");
    }

    #[test]
    fn unknown_tags_close_by_name() {
        let doc = Document::parse("<x-a><x-b>1</x-b>2</x-a><x-b>3");
        let a = doc.find_all("x-a").next().unwrap();
        assert_eq!(doc.text_of(a), "12");
        assert_eq!(doc.find_all("x-b").count(), 2);
        assert_eq!(doc.find_tag(Tag::Other).count(), 0);
        let doc = Document::parse("<DIV><P>a</P><Table><TR><TD>b</TD></TR></Table></DIV>");
        let div = doc.find_tag(Tag::Div).next().unwrap();
        assert_eq!(doc.tag(div), Some("div"));
        assert_eq!(doc.text_of(div), "a b");
    }

    #[test]
    fn comment_and_cdata_ends() {
        for (src, from, c, want) in [
            ("<!---->", 4, b'-', Some(4)),
            ("<!-- a -- > b -->x", 4, b'-', Some(14)),
            ("<!-- a ->", 4, b'-', None),
            ("<![CDATA[x]]>", 9, b']', Some(10)),
            ("ab", 4, b'-', None),
        ] {
            let got = find_closer(src.as_bytes(), from, c);
            let slow = src
                .as_bytes()
                .get(from..)
                .and_then(|b| memchr::memmem::find(b, &[c, c, b'>']))
                .map(|o| from + o);
            assert_eq!(got, want, "{src}");
            assert_eq!(got, slow, "{src}");
        }
        let doc = Document::parse("<p>a<!-- <p>b --></p><p>c<![CDATA[ x ]]>d");
        assert_eq!(doc.find_all("p").count(), 2);
    }

    #[test]
    fn entities_table_is_sorted() {
        for w in ENTITIES.windows(2) {
            assert!(w[0].0 < w[1].0, "{} !< {}", w[0].0, w[1].0);
        }
    }

    #[test]
    fn implied_ends_and_voids() {
        let doc = Document::parse("<div><p>a<p>b<ul><li>1<li>2</ul><img src=x><br>c</div>");
        let div = doc.find_all("div").next().unwrap();
        assert_eq!(tags(&doc, div), ["p", "p", "ul", "img", "br", "#text"]);
        let ul = doc.find_all("ul").next().unwrap();
        assert_eq!(tags(&doc, ul), ["li", "li"]);
    }

    #[test]
    fn tables_close_cells() {
        let doc = Document::parse("<table><tr><td>a<td>b<tr><td>c</table><p>after");
        let trs: Vec<_> = doc.find_all("tr").collect();
        assert_eq!(trs.len(), 2);
        assert_eq!(tags(&doc, trs[0]), ["td", "td"]);
        let p = doc.find_all("p").next().unwrap();
        assert_eq!(doc.parent(p), Some(doc.root()));
    }

    #[test]
    fn stray_and_inline_end_tags() {
        let doc = Document::parse("<div><span>a</div>b</span></p></em><p>c</div>");
        let div = doc.find_all("div").next().unwrap();
        assert_eq!(doc.text_of(div), "a");
        let p = doc.find_all("p").next().unwrap();
        assert_eq!(doc.parent(p), Some(doc.root()));
        // `</span>` does not close the div.
        let doc = Document::parse("<div><p>x</span>y</p></div>");
        let div = doc.find_all("div").next().unwrap();
        assert_eq!(doc.text_of(div), "x y".replace(' ', ""));
    }

    #[test]
    fn raw_text_skipped_and_spans() {
        let src = "<p>a<script>if (a<b) {}</p>\"</script>b</p><style>p{}</style>";
        let doc = Document::parse(src);
        let p = doc.find_all("p").next().unwrap();
        assert_eq!(doc.text_of(p), "ab");
        let s = doc.find_all("script").next().unwrap();
        assert_eq!(doc.raw_inner(s), "if (a<b) {}</p>\"");
        assert_eq!(
            doc.span(p).slice(src),
            Some("<p>a<script>if (a<b) {}</p>\"</script>b</p>")
        );
    }

    #[test]
    fn attributes_quoted_unquoted() {
        let doc = Document::parse("<A HREF=/x?a=1&amp;b=2 data-x='y z' checked class=\"c\">t</a>");
        let a = doc.find_all("a").next().unwrap();
        assert_eq!(doc.attr(a, "href").as_deref(), Some("/x?a=1&b=2"));
        assert_eq!(doc.attr(a, "data-x").as_deref(), Some("y z"));
        assert_eq!(doc.attr(a, "checked").as_deref(), Some(""));
        assert_eq!(doc.attr(a, "class").as_deref(), Some("c"));
        assert_eq!(doc.attrs(a).count(), 4);
    }

    #[test]
    fn deep_nesting_is_flattened() {
        let src = "<div>".repeat(100_000) + "x" + &"</div>".repeat(100_000);
        let doc = Document::parse(&src);
        let mut depth = 0;
        let mut id = doc.descendants(doc.root()).last().unwrap();
        while let Some(p) = doc.parent(id) {
            depth += 1;
            id = p;
        }
        assert!(depth <= MAX_DEPTH + 2);
        assert_eq!(doc.text_of(doc.root()), "x");
    }

    #[test]
    fn truncated_and_odd_input() {
        for src in [
            "<",
            "<div",
            "<div class=\"x",
            "<!--",
            "<![CDATA[",
            "</",
            "<a href='",
            "&#x",
            "&#99999999999;",
        ] {
            let doc = Document::parse(src);
            let _ = doc.text_of(doc.root());
        }
        assert_eq!(decode_entities("&#99999999999;"), "\u{FFFD}");
    }

    #[test]
    fn head_is_closed() {
        let doc = Document::parse("<html><head><title>t</title><meta charset=utf-8><body><p>x</p>");
        let p = doc.find_all("p").next().unwrap();
        let head = doc.find_all("head").next().unwrap();
        assert!(!doc.contains(head, p));
        let doc = Document::parse("<head><title>t</title></head><div>x</div>");
        let div = doc.find_all("div").next().unwrap();
        assert_eq!(doc.parent(div), Some(doc.root()));
    }

    #[test]
    fn descendants_are_contiguous() {
        let doc = Document::parse("<div><p>a<b>b</b></p><p>c</p></div><p>d</p>");
        let div = doc.find_all("div").next().unwrap();
        let d: Vec<_> = doc.descendants(div).filter_map(|i| doc.tag(i)).collect();
        assert_eq!(d, ["p", "b", "p"]);
    }

    /// Every node's descendants are the index range after it and every child points back to
    /// its parent: the arena invariants the rest of the crate relies on.
    fn assert_tree_order(doc: &Document<'_>) {
        for i in 0..doc.len() {
            let id = NodeId(i as u32);
            let mut end = i as u32 + 1;
            for c in doc.children(id) {
                assert_eq!(doc.parent(c), Some(id));
                assert_eq!(c.0, end, "child {c:?} of {id:?} out of order");
                end = doc.subtree_end(c).0;
            }
            assert_eq!(doc.subtree_end(id).0, end);
        }
    }

    #[test]
    fn an_unclosed_raw_element_ends_with_its_noscript() {
        let doc = Document::parse(
            "<body><noscript><iframe src=/x height=0 /></noscript><main><p>دعا لافروف</p></main>",
        );
        let p = doc
            .find_all("p")
            .next()
            .expect("the paragraph after the noscript is parsed");
        assert_eq!(doc.text_of(p), "دعا لافروف");
        // Outside a noscript, a raw element still runs to its end tag.
        let doc = Document::parse("<textarea>a<p>b</p></textarea><p>c</p>");
        assert_eq!(doc.find_all("p").count(), 1);
    }

    #[test]
    fn streamed_segments_move_to_their_placeholders() {
        let page = "<body><main><h1>عنوان</h1><!--$?--><template id=\"B:0\"></template>\
            <div class=spinner>Loading…</div><!--/$--><p>ثالث</p><div><template id=\"P:1\">\
            </template></div></main><footer>f</footer>\
            <div hidden id=\"S:0\"><p>أول</p></div><div hidden id=\"S:1\"><p>ثان</p></div>\
            <div hidden id=\"S:9\"><p>بلا مكان</p></div>";
        let doc = Document::parse(page);
        assert_tree_order(&doc);
        let main = doc.find_all("main").next().unwrap();
        let in_main: Vec<String> = doc
            .descendants(main)
            .filter(|&d| doc.tag(d) == Some("p"))
            .map(|d| doc.text_of(d))
            .collect();
        assert_eq!(in_main, ["أول", "ثالث", "ثان"]);
        // The boundary's fallback is inside its template; a segment without a placeholder
        // stays where it was.
        let tpl = doc.find_all("template").next().unwrap();
        assert_eq!(doc.text_of(tpl), "Loading…");
        let last = doc
            .children(doc.find_all("body").next().unwrap())
            .last()
            .unwrap();
        assert_eq!(doc.text_of(last), "بلا مكان");
        // Spans still index the input.
        let p = doc
            .find_all("p")
            .find(|&p| doc.text_of(p) == "أول")
            .unwrap();
        assert_eq!(&page[doc.span(p).start..doc.span(p).end], "<p>أول</p>");
    }

    #[test]
    fn streamed_segments_in_odd_order_keep_a_tree() {
        // A segment before its placeholder, a repeated key, a segment holding the next
        // placeholder: no node is lost or placed twice.
        let page = "<div hidden id=S:2><p>a</p></div><template id=B:2></template>\
            <template id=B:1></template><template id=P:1></template>\
            <div hidden id=S:1><p>b</p><template id=B:3></template></div>\
            <div hidden id=S:1><p>c</p></div><div hidden id=S:3><p>d</p></div>";
        let doc = Document::parse(page);
        assert_tree_order(&doc);
        assert_eq!(doc.find_all("p").count(), 4);
    }
}
