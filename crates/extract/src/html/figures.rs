//! Figures of the main content: images with their caption (`figcaption`) and credit.
//!
//! ```
//! use marsad_extract::html::{blocks, content, dom::Document, figures};
//! let page = "<article><p>دعا وزير الخارجية الروسي إلى وقف فوري لإطلاق النار في إدلب، وقال إن الحل سياسي.</p>\
//!   <figure><img src=/a.jpg alt=لافروف><figcaption>لافروف في موسكو <span class=credit>رويترز</span></figcaption></figure></article>";
//! let doc = Document::parse(page);
//! let b = blocks::collect(&doc);
//! let sel = content::select(&doc, &b, &content::Params::default());
//! let f = figures::collect(&doc, &b, &sel, None);
//! assert_eq!(f.figures[0].src.text, "/a.jpg");
//! assert_eq!(f.figures[0].caption.as_ref().unwrap().text, "لافروف في موسكو");
//! assert_eq!(f.figures[0].credit.as_ref().unwrap().text, "رويترز");
//! ```

use std::collections::HashSet;
use std::sync::LazyLock;

use marsad_model::{Figure, Text};

use super::blocks::Blocks;
use super::content::{Keep, Selection};
use super::dom::{Document, NodeId, Tag};
use super::hints::is_credit_class;
use crate::caption::{credit_name, is_agency_credit};

/// Most figures kept for one page.
pub const MAX_FIGURES: usize = 64;
/// Images declared smaller than this (pixels, width or height) are icons, not figures.
pub const MIN_FIGURE_PX: u32 = 80;

/// Figures and the blocks their captions consumed.
#[derive(Debug, Clone, Default)]
pub struct Figures {
    /// The figures, in document order.
    pub figures: Vec<Figure>,
    /// Indices of blocks (in [`Blocks::pieces`]) that are figure captions.
    pub caption_pieces: HashSet<usize>,
}

fn img_src(doc: &Document<'_>, img: NodeId) -> Option<(String, marsad_model::Span)> {
    // A stand-in picture in `src` ("placeholder.gif") gives way to the real one a lazy-loading
    // attribute holds; it is the answer only when there is no other.
    let mut stand_in: Option<String> = None;
    // An image classed for a lazy loader holds its picture in a data- attribute whatever its
    // `src` shows (`<img class=lazy src=preloaderbig.gif data-src=…>`).
    // ("skip-lazy", "no-lazyload" say the opposite.)
    let lazy = doc.attr(img, "class").is_some_and(|c| {
        c.to_ascii_lowercase()
            .split_ascii_whitespace()
            .any(|t| t.contains("lazy") && !t.starts_with("no") && !t.starts_with("skip"))
    });
    for name in if lazy { LAZY_FIRST } else { SRC_FIRST } {
        if let Some(v) = doc.attr(img, name) {
            let v = v.trim();
            // A plain attribute holds one address, commas and all ("/upload/w_760,f_auto/a.jpg");
            // one with spaces in it is a srcset put there ("/a.jpg 1x, /a@2x.jpg 2x").
            let pick = if name.ends_with("srcset") || v.contains(char::is_whitespace) {
                largest_in_srcset(v)
            } else {
                v
            };
            // (A lazy loader's template, "/a-{width}.jpg", is filled in by script.)
            if !pick.is_empty() && !pick.starts_with("data:") && !pick.contains('{') {
                if !names_stand_in(pick) {
                    return Some((pick.to_string(), doc.span(img)));
                }
                stand_in.get_or_insert_with(|| pick.to_string());
            }
        }
    }
    stand_in.map(|s| (s, doc.span(img)))
}

/// The attributes an image is read from, in order.
const SRC_FIRST: [&str; 6] = [
    "src",
    "data-src",
    "data-lazy-src",
    "data-original",
    "srcset",
    "data-srcset",
];

/// The attributes an image classed for a lazy loader is read from, in order.
const LAZY_FIRST: [&str; 6] = [
    "data-srcset",
    "data-src",
    "data-lazy-src",
    "data-original",
    "src",
    "srcset",
];

/// True when a picture's URL names a lazy-loading stand-in by its file name
/// (`data/html_placeholder_images.tsv`).
///
/// ```
/// use marsad_extract::html::figures::names_stand_in;
/// assert!(names_stand_in("/wp-content/plugins/a3-lazy-load/assets/images/lazy_placeholder.gif"));
/// assert!(names_stand_in("https://images.example.com/common/transparent-pixel._V192234675_.gif"));
/// assert!(names_stand_in("/images/G/01/x-locale/common/grey-pixel.gif"));
/// assert!(!names_stand_in("/_next/image?url=%2Fimage.png&w=3840"));
/// assert!(!names_stand_in("/blog/Image_1.png"));
/// assert!(!names_stand_in("/uploads/2026/03/Pixel-10a-2-768x432.jpg"));
/// assert!(!names_stand_in("/img/home-depot-store-customer-loading-truck.jpg"));
/// assert!(names_stand_in("/img/sprite-blank.png"));
/// assert!(names_stand_in("/img/page/preloaderbig.gif"));
/// assert!(!names_stand_in("/uploads/blanket-146.jpg"));
/// assert!(names_stand_in("/img/spacer1x1.gif"));
/// assert!(names_stand_in("/img/blankImage.gif"));
/// assert!(!names_stand_in("/photos/blankfein-gettyimages-456026072.jpg"));
/// ```
pub fn names_stand_in(src: &str) -> bool {
    let path = src.split(['?', '#']).next().unwrap_or("");
    let name = path.rsplit('/').next().unwrap_or("").to_ascii_lowercase();
    let stem = name.rsplit_once('.').map_or(name.as_str(), |(s, _)| s);
    let (stand_in, token, plain) = &*PLACEHOLDER_WORDS;
    if stand_in.iter().any(|w| stem.contains(w)) {
        return true;
    }
    // Short words count only as a whole word of the name ("sprite-blank.png", "spacer1x1.gif",
    // "blankImage.gif"; not "blanket-146.jpg"): words are runs of letters, a capital opening
    // a new one.
    let file = path.rsplit('/').next().unwrap_or("");
    let file_stem = file.rsplit_once('.').map_or(file, |(s, _)| s);
    if letter_words(file_stem)
        .iter()
        .any(|w| token.iter().any(|t| w.eq_ignore_ascii_case(t)))
    {
        return true;
    }
    // A file (it has an extension) whose every word is a plain one; other tokens only long
    // hashes or versions ("_V192234675_"), no short number (a size, a model: "10a", "768x432").
    if stem.len() == name.len() {
        return false;
    }
    let mut words = 0;
    for t in stem
        .split(|c: char| !c.is_ascii_alphanumeric())
        .filter(|t| !t.is_empty())
    {
        if t.chars().all(|c| c.is_ascii_alphabetic()) {
            if !plain.contains(&t) {
                return false;
            }
            words += 1;
        } else if t.len() < MIN_HASH_CHARS {
            return false;
        }
    }
    words > 0
}

/// The words of a file name: runs of ASCII letters, a capital after a small letter opening a
/// new one ("blankImage1x1" gives "blank", "Image", "x").
fn letter_words(name: &str) -> Vec<&str> {
    let b = name.as_bytes();
    let mut start: Option<usize> = None;
    let mut out = Vec::new();
    for i in 0..=b.len() {
        let c = b.get(i).copied();
        let letter = c.is_some_and(|c| c.is_ascii_alphabetic());
        let camel =
            i > 0 && c.is_some_and(|c| c.is_ascii_uppercase()) && b[i - 1].is_ascii_lowercase();
        if let Some(st) = start
            && (!letter || camel)
        {
            out.push(&name[st..i]);
            start = None;
        }
        if letter && start.is_none() {
            start = Some(i);
        }
    }
    out
}

/// Fewest characters of a hash or version token in a stand-in picture's file name.
const MIN_HASH_CHARS: usize = 8;

/// The URL of a `srcset`'s largest picture: the candidate with the greatest width (`800w`)
/// or density (`2x`) descriptor; the first when none has one.
///
/// ```
/// use marsad_extract::html::figures::largest_in_srcset;
/// assert_eq!(largest_in_srcset("/c-400.jpg 400w, /c-800.jpg 800w, /c-600.jpg 600w"), "/c-800.jpg");
/// assert_eq!(largest_in_srcset("/b.webp 1x, /b@2x.webp 2x"), "/b@2x.webp");
/// assert_eq!(largest_in_srcset("/only.jpg"), "/only.jpg");
/// ```
pub fn largest_in_srcset(srcset: &str) -> &str {
    let mut best: Option<(f64, &str)> = None;
    for cand in srcset.split(", ").flat_map(|c| c.split(",\n")) {
        let mut it = cand.split_whitespace();
        let Some(url) = it.next() else { continue };
        let size = it
            .next()
            .and_then(|d| d.get(..d.len().saturating_sub(1)))
            .and_then(|n| n.parse::<f64>().ok())
            .unwrap_or(0.0);
        if best.is_none_or(|(s, _)| size > s) {
            best = Some((size, url.trim_end_matches(',')));
        }
    }
    best.map_or("", |(_, u)| u)
}

/// Words naming a stand-in picture's file (`data/html_placeholder_images.tsv`): those that
/// do anywhere in the name, and those that do only with no other word beside them.
type StandInWords = (Vec<&'static str>, Vec<&'static str>, Vec<&'static str>);

static PLACEHOLDER_WORDS: LazyLock<StandInWords> = LazyLock::new(|| {
    let mut stand_in = Vec::new();
    let mut token = Vec::new();
    let mut plain = Vec::new();
    for (kind, w) in crate::data::tsv_rows(include_str!("../../data/html_placeholder_images.tsv")) {
        match kind {
            "stand_in" => stand_in.push(w),
            "stand_in_word" => token.push(w),
            "plain" => plain.push(w),
            _ => {}
        }
    }
    (stand_in, token, plain)
});

/// True when the best picture an image gives is a lazy-loading stand-in ("placeholder.gif").
fn is_placeholder(doc: &Document<'_>, img: NodeId) -> bool {
    img_src(doc, img).is_some_and(|(src, _)| names_stand_in(&src))
}

/// AMP pages' image element.
const AMP_IMG: &str = "amp-img";

/// True for an image element: `<img>`, or AMP's `<amp-img>`.
fn is_image(doc: &Document<'_>, id: NodeId) -> bool {
    doc.tag_is(id, Tag::Img) || doc.tag(id) == Some(AMP_IMG)
}

fn too_small(doc: &Document<'_>, img: NodeId) -> bool {
    ["width", "height"].iter().any(|a| {
        doc.attr(img, a)
            .and_then(|v| v.trim().trim_end_matches("px").parse::<u32>().ok())
            .is_some_and(|px| px < MIN_FIGURE_PX)
    })
}

/// Most ancestors looked at for an enclosing `figure`.
const MAX_FIGURE_DEPTH: usize = 16;

/// True when `id` has a `figure` ancestor (within [`MAX_FIGURE_DEPTH`] levels).
fn in_figure(doc: &Document<'_>, id: NodeId) -> bool {
    let mut cur = doc.parent(id);
    for _ in 0..MAX_FIGURE_DEPTH {
        let Some(c) = cur else { return false };
        if doc.tag_is(c, Tag::Figure) {
            return true;
        }
        cur = doc.parent(c);
    }
    false
}

/// The `<article>` enclosing `container` (within [`MAX_FIGURE_DEPTH`] levels), if any.
fn lead_start(doc: &Document<'_>, container: NodeId) -> Option<NodeId> {
    let mut cur = doc.parent(container);
    for _ in 0..MAX_FIGURE_DEPTH {
        let c = cur?;
        if doc.tag_is(c, Tag::Article) {
            return Some(c);
        }
        cur = doc.parent(c);
    }
    None
}

/// True when image `img` sits in a link, or in the page's `<header>` or `<nav>` (within
/// [`MAX_FIGURE_DEPTH`] levels).
fn in_masthead(doc: &Document<'_>, img: NodeId) -> bool {
    doc.ancestors(img)
        .take(MAX_FIGURE_DEPTH)
        .any(|a| matches!(doc.tag_code(a), Some(Tag::A | Tag::Header | Tag::Nav)))
}

/// Levels above the selected container looked through for the page's declared picture.
const HERO_LEVELS: usize = 3;

/// The ancestor `levels` above `id` (the highest there is below `<body>`, when fewer).
fn ancestor_up(doc: &Document<'_>, id: NodeId, levels: usize) -> Option<NodeId> {
    doc.ancestors(id)
        .take_while(|&c| !doc.tag_is(c, Tag::Body) && !doc.tag_is(c, Tag::Html))
        .take(levels)
        .last()
}

/// The blocks (indices in [`Blocks::pieces`]) of `id` and the elements inside it.
fn pieces_in<'d>(
    doc: &'d Document<'_>,
    b: &'d Blocks,
    id: NodeId,
) -> impl Iterator<Item = usize> + use<'d> {
    (id.0..doc.subtree_end(id).0.max(id.0 + 1)).filter_map(|n| {
        b.piece_of
            .get(n as usize)
            .filter(|&&pi| pi != super::blocks::NONE)
            .map(|&pi| pi as usize)
    })
}

/// The block inside `figure`, out of its caption `cap`, that is a picture's credit line
/// ("مصدر الصورة، Getty Images", "Photo: John Locher, AP", "Tim Robberts/Getty Images"): its
/// index in [`Blocks::pieces`] and who it names.
fn credit_piece(
    doc: &Document<'_>,
    b: &Blocks,
    figure: NodeId,
    cap: Option<NodeId>,
) -> Option<(usize, Text)> {
    pieces_in(doc, b, figure).find_map(|pi| {
        let p = b.pieces.get(pi)?;
        if p.node == figure
            || p.text.len() > MAX_CREDIT_BYTES
            || cap.is_some_and(|c| doc.contains(c, p.node))
        {
            return None;
        }
        let who =
            credit_name(&p.text).or_else(|| is_agency_credit(&p.text).then(|| p.text.trim()))?;
        Some((pi, Text::new(who, p.span)))
    })
}

/// Most elements inside a figure looked at for a lazy-loading placeholder or a credit.
const MAX_FIGURE_ELEMENTS: usize = 64;

/// The attributes a lazy-loading placeholder keeps a picture's address in.
const LAZY_SRC_ATTRS: [&str; 4] = ["data-src", "data-lazy-src", "data-original", "data-srcset"];

/// Hosts and class words of players and charts that load lazily like pictures
/// (`data/html_lazy_players.tsv`): their placeholders are no pictures.
static LAZY_PLAYERS: LazyLock<Vec<(&'static str, &'static str)>> = LazyLock::new(|| {
    crate::data::tsv_rows(include_str!("../../data/html_lazy_players.tsv")).collect()
});

/// The element inside `figure` that stands for a picture its script loads later: no image
/// element, but a picture's address in a lazy-loading attribute (BBC's `<div
/// class=js-delayed-image-load data-src=… data-alt=…>`). Players and charts load lazily too
/// (`<div class=rll-youtube-player data-src=…/embed/…>`, a Flourish chart's
/// `data-src=visualisation/…`): an address with an `/embed/` segment or a player's host, or an
/// element whose class names a player or a chart, is none; nor is an element inside a
/// `<noscript>`'s copy, or a picture too small for a figure (by its size, or a class naming an
/// avatar, an icon or a logo).
fn lazy_image(doc: &Document<'_>, figure: NodeId) -> Option<NodeId> {
    doc.descendants(figure)
        .take(MAX_FIGURE_ELEMENTS)
        .filter(|&d| {
            doc.is_element(d)
                && !matches!(
                    doc.tag(d),
                    Some(
                        "iframe"
                            | "video"
                            | "audio"
                            | "source"
                            | "embed"
                            | "object"
                            | "script"
                            | "noscript"
                    )
                )
        })
        .find(|&d| {
            LAZY_SRC_ATTRS
                .iter()
                .any(|a| doc.attr(d, a).is_some_and(|v| !v.trim().is_empty()))
                && !too_small(doc, d)
                && !doc
                    .attr_raw(d, "class")
                    .is_some_and(|c| class_has(c, "small") || class_has(c, "player"))
                && !in_noscript(doc, d, figure)
                && img_src(doc, d).is_some_and(|(src, _)| !names_player(&src))
        })
}

/// True when a token of `class` (split on what is no letter or digit) is a word of the
/// [`LAZY_PLAYERS`] rows of `kind` (`small`: avatar, icon; `player`: player, chart).
fn class_has(class: &str, kind: &str) -> bool {
    class
        .split(|c: char| !c.is_alphanumeric())
        .filter(|t| !t.is_empty())
        .any(|t| {
            LAZY_PLAYERS
                .iter()
                .any(|(k, w)| *k == kind && t.eq_ignore_ascii_case(w))
        })
}

/// True when `src` is a player's or a chart's address: an `/embed/` path segment, or a host
/// of the [`LAZY_PLAYERS`] `host` rows.
fn names_player(src: &str) -> bool {
    let s = src.to_ascii_lowercase();
    let host = s
        .split_once("//")
        .map_or("", |(_, r)| r.split(['/', '?', '#']).next().unwrap_or(""));
    s.contains("/embed/")
        || LAZY_PLAYERS
            .iter()
            .any(|(k, h)| *k == "host" && (host == *h || host.ends_with(&format!(".{h}"))))
}

/// True when `id` sits in a `<noscript>` below `figure`.
fn in_noscript(doc: &Document<'_>, id: NodeId, figure: NodeId) -> bool {
    doc.ancestors(id)
        .take_while(|&a| a != figure)
        .take(MAX_FIGURE_DEPTH)
        .any(|a| doc.tag(a) == Some("noscript"))
}

/// The element inside `figure`, out of its caption `cap`, whose class names a credit
/// ("story-image-copyright", "photo-credit"), and who it names (less a label: "Photo: AP" and
/// "Image copyright EPA" name AP and EPA). Not an element holding the picture or a caption (a
/// "caption-and-credit" wrapper), a button, a hidden element, nor one without a letter (a "©"
/// toggle); only the first [`MAX_FIGURE_ELEMENTS`] elements are looked at.
fn class_credit(doc: &Document<'_>, figure: NodeId, cap: Option<NodeId>) -> Option<(NodeId, Text)> {
    doc.descendants(figure)
        .take(MAX_FIGURE_ELEMENTS)
        .filter(|&d| d != figure && !cap.is_some_and(|c| doc.contains(c, d)))
        .filter(|&d| credit_element(doc, d) && !cap.is_some_and(|c| doc.contains(d, c)))
        .find_map(|el| Some((el, credit_text(doc, el)?)))
}

/// What a block's text `block` says besides the credit element's text `credit` and a credit
/// label ("A person crossing the street." beside "Photograph: Dan Kitwood/Getty Images");
/// `None` when nothing is left ("Image copyright EPA" around `<span>EPA</span>`).
fn beside_credit(block: &str, credit: &str) -> Option<String> {
    let block: String = block.split_whitespace().collect::<Vec<_>>().join(" ");
    let credit: String = credit.split_whitespace().collect::<Vec<_>>().join(" ");
    // (The credit element closes the block as a rule: its last occurrence is cut, not a word
    // of the caption that names the same agency.)
    let (head, tail) = match block.rfind(credit.as_str()) {
        Some(at) if !credit.is_empty() => (&block[..at], &block[at + credit.len()..]),
        _ => (block.as_str(), ""),
    };
    // Separators around the cut go, and a credit label left before it ("… wall. Photo:"); the
    // caption's own punctuation stays.
    let sep =
        |c: char| c.is_whitespace() || matches!(c, '-' | '–' | '—' | '|' | ',' | ':' | ';' | '/');
    let mut head = head.trim_end_matches(sep);
    if let Some((before, _)) = crate::caption::trailing_credit_label(head) {
        head = before.trim_end_matches(sep);
    }
    let tail = tail.trim_start_matches(sep);
    let rest = format!("{head} {tail}");
    let rest = rest.trim();
    (!rest.is_empty() && !crate::caption::is_credit_label(rest.trim_end_matches('.')))
        .then(|| rest.to_string())
}

/// Longest block read as a figure's credit line (bytes).
const MAX_CREDIT_BYTES: usize = 200;

/// The caption text of `cap` and the credit inside it (an element with a credit class, less
/// its label: "صورة من: dpa" names dpa).
fn read_caption(doc: &Document<'_>, cap: NodeId) -> (Option<Text>, Option<Text>) {
    let cr = doc
        .descendants(cap)
        .find(|&d| doc.attr_raw(d, "class").is_some_and(is_credit_class));
    let mut text = String::new();
    let mut credit_text = String::new();
    // Caption text without the credit element.
    let mut i = cap.0 + 1;
    let end = doc.subtree_end(cap).0;
    while i < end {
        let n = NodeId(i);
        if let Some(c) = cr
            && n == c
        {
            doc.append_text(c, &mut credit_text);
            i = doc.subtree_end(c).0.max(i + 1);
            continue;
        }
        if doc.is_text(n) {
            for w in doc.text(n).split_whitespace() {
                if !text.is_empty() {
                    text.push(' ');
                }
                text.push_str(w);
            }
        }
        i += 1;
    }
    let caption = (!text.is_empty()).then(|| Text::new(text, doc.span(cap)));
    let credit = cr.and_then(|c| {
        let t = unbracketed(&credit_text);
        let t = credit_name(t).unwrap_or(t);
        (!t.is_empty()).then(|| Text::new(t, doc.span(c)))
    });
    (caption, credit)
}

/// Longest caption read from an element after a bare image, by its class or its alt (bytes).
const MAX_CLASS_CAPTION_BYTES: usize = 400;

/// Longest element (bytes of markup, an icon's SVG included) looked at as a bare image's
/// caption.
const MAX_CAPTION_ELEMENT_BYTES: usize = 64 * 1024;

/// Most wrappers climbed from a bare image to the element its caption follows.
const MAX_IMAGE_WRAPPERS: usize = 3;

/// Most ancestors of a caption looked at for a link around it (a teaser card in one `<a>`).
const MAX_CARD_LINK_DEPTH: usize = 6;

/// The next sibling of `id` that is not blank text.
fn next_filled(doc: &Document<'_>, id: NodeId) -> Option<NodeId> {
    let mut next = doc.next_sibling(id);
    while let Some(n) = next
        && doc.is_text(n)
        && doc.text(n).trim().is_empty()
    {
        next = doc.next_sibling(n);
    }
    next
}

/// The link around image `img`: its parent, or, through a `<picture>` or a `<div>` or
/// `<span>` holding nothing else (within [`MAX_IMAGE_WRAPPERS`] levels), a link with no
/// words of its own and to no media file, around an image declared no bigger than a
/// thumbnail (a story's photo in a lightbox's link declares its size: 800×533).
fn wrapping_link(doc: &Document<'_>, img: NodeId) -> Option<NodeId> {
    let mut at = img;
    for level in 0..=MAX_IMAGE_WRAPPERS {
        let p = doc.parent(at)?;
        if doc.tag_is(p, Tag::A) {
            let bare = level == 0
                || (!doc.text_of(p).chars().any(char::is_alphanumeric)
                    && !links_media(doc, p)
                    && !photo_sized(doc, img));
            return bare.then_some(p);
        }
        let wrapper = matches!(doc.tag_code(p), Some(Tag::Picture | Tag::Div | Tag::Span))
            && doc.children(p).all(|c| {
                c == at
                    || doc.tag_is(c, Tag::Source)
                    || (doc.is_text(c) && doc.text(c).trim().is_empty())
            });
        if !wrapper {
            return None;
        }
        at = p;
    }
    None
}

/// Least declared width of a story's photo, beyond a thumbnail's (pixels).
const MIN_PHOTO_WIDTH: u32 = 400;

/// True when image `img` declares a width of a story's photo ([`MIN_PHOTO_WIDTH`] or more).
fn photo_sized(doc: &Document<'_>, img: NodeId) -> bool {
    doc.attr(img, "width")
        .and_then(|v| v.trim().trim_end_matches("px").parse::<u32>().ok())
        .is_some_and(|px| px >= MIN_PHOTO_WIDTH)
}

/// True when link `a` leads to a media file (a picture's larger copy).
fn links_media(doc: &Document<'_>, a: NodeId) -> bool {
    doc.attr(a, "href").is_some_and(|href| {
        let file = href.split(['?', '#']).next().unwrap_or("");
        let file = file.rsplit('/').next().unwrap_or("");
        file.rsplit_once('.')
            .is_some_and(|(_, ext)| crate::text::lines::is_media_ext(&ext.to_ascii_lowercase()))
    })
}

/// True when `id` is the only child of `parent` besides blank text.
fn sole_child(doc: &Document<'_>, parent: NodeId, id: NodeId) -> bool {
    doc.children(parent)
        .all(|c| c == id || (doc.is_text(c) && doc.text(c).trim().is_empty()))
}

/// True when a token of `class` names a caption ("img-caption", "wp-caption-text"); a
/// typography utility ("text-caption", "MuiTypography-caption": small print of any kind)
/// or a state of a wrapper ("has-captions", "no-caption") does not.
pub(crate) fn names_caption(class: &str) -> bool {
    class.split_ascii_whitespace().any(|t| {
        let t = t.to_ascii_lowercase();
        t.contains("caption")
            && !t.contains("typography")
            && !["text-", "has-", "no-", "with-"]
                .iter()
                .any(|p| t.starts_with(p))
    })
}

/// The caption of a bare image: the element right after it (or after the link, `picture` or
/// other element that wraps nothing else) whose class names a caption (Youm7's `<img …><span
/// class=img-caption>وزير التعليم خلال المؤتمر</span>`, WordPress's `wp-caption-text`,
/// Time's `<div class=toutAsset><img …></div><p class=caption>…`), or that says what the
/// image's alt says and closes its parent (CNN's unclassed `<div>` under the picture; a lede
/// the CMS copied into the alt has the story after it). It holds no image or heading, sits
/// in no link (a teaser card's title, the card one `<a>`), and is not one link (another
/// story's title).
fn next_caption(doc: &Document<'_>, img: NodeId) -> Option<NodeId> {
    let mut at = img;
    for _ in 0..MAX_IMAGE_WRAPPERS {
        match doc.parent(at) {
            Some(p)
                if ((doc.tag_is(p, Tag::A) || doc.tag_is(p, Tag::Picture))
                    && doc.next_sibling(at).is_none())
                    || sole_child(doc, p, at) =>
            {
                at = p;
            }
            _ => break,
        }
    }
    let cap = next_filled(doc, at)?;
    if !doc.is_element(cap) || doc.span(cap).len() > MAX_CAPTION_ELEMENT_BYTES {
        return None;
    }
    let classed = doc.attr_raw(cap, "class").filter(|c| names_caption(c));
    // (The cheap tests first: the subtree walks below run for candidates only.)
    if classed.is_some_and(is_credit_class) || (classed.is_none() && !says_alt(doc, img, cap)) {
        return None;
    }
    if classed.is_none() && !closes_parent(doc, cap) {
        return None;
    }
    if std::iter::once(cap)
        .chain(doc.descendants(cap))
        .any(|d| is_image(doc, d) || doc.tag_code(d).is_some_and(Tag::is_heading))
        || std::iter::once(cap)
            .chain(doc.ancestors(cap))
            .take(MAX_CARD_LINK_DEPTH)
            .any(|a| doc.tag_is(a, Tag::A))
    {
        return None;
    }
    // Links: any in an alt-matched element (a card's title); a classed caption may link its
    // source, but not be one link.
    let links = |d: NodeId| doc.tag_is(d, Tag::A);
    let one_link = doc
        .descendants(cap)
        .find(|&d| links(d))
        .is_some_and(|a| doc.text_of(a).trim() == doc.text_of(cap).trim());
    if (classed.is_none() && doc.descendants(cap).any(links)) || one_link {
        return None;
    }
    Some(cap)
}

/// Most siblings after an alt-matched caption looked at ([`closes_parent`]).
const MAX_SIBLINGS_AFTER_CAPTION: usize = 8;

/// True when nothing but a credit, a control or an empty element follows `cap` in its parent:
/// it closes the picture's box (a lede copied into the alt has the story after it).
fn closes_parent(doc: &Document<'_>, cap: NodeId) -> bool {
    let mut next = next_filled(doc, cap);
    for _ in 0..MAX_SIBLINGS_AFTER_CAPTION {
        let Some(n) = next else { return true };
        let quiet = doc.is_element(n)
            && (doc.tag_is(n, Tag::Button)
                || doc.attr_raw(n, "class").is_some_and(is_credit_class)
                || doc.text_within(n, 0).is_some());
        if !quiet {
            return false;
        }
        next = next_filled(doc, n);
    }
    false
}

/// Fewest words of an image's alt text that an element after it must repeat to be its caption.
const MIN_ALT_CAPTION_WORDS: usize = 4;

/// True when the text of `el` is the alt text of `img` (of [`MIN_ALT_CAPTION_WORDS`] words or
/// more), whitespace collapsed.
fn says_alt(doc: &Document<'_>, img: NodeId, el: NodeId) -> bool {
    let Some(alt) = doc.attr(img, "alt") else {
        return false;
    };
    let alt: Vec<&str> = alt.split_whitespace().collect();
    if alt.len() < MIN_ALT_CAPTION_WORDS {
        return false;
    }
    doc.text_within(el, MAX_CLASS_CAPTION_BYTES)
        .is_some_and(|t| t.split_whitespace().eq(alt.iter().copied()))
}

/// Most words of a credit read from the element after a caption ("Win McNamee / Getty
/// Images"; not a film's "Directed by … Starring …" line).
const MAX_CREDIT_WORDS: usize = 10;

/// True when `el` may hold a picture's credit by its class: a credit class, a credit line's
/// length, shown (not `hidden`, not `aria-hidden`), no button, and no image, figcaption or
/// caption-classed element inside.
fn credit_element(doc: &Document<'_>, el: NodeId) -> bool {
    doc.attr_raw(el, "class").is_some_and(is_credit_class)
        && doc.span(el).len() <= MAX_CREDIT_BYTES
        && !doc.tag_is(el, Tag::Button)
        && doc
            .attr_raw(el, "aria-hidden")
            .is_none_or(|v| !v.trim().eq_ignore_ascii_case("true"))
        && doc.attr_raw(el, "hidden").is_none()
        && !doc.descendants(el).any(|x| {
            is_image(doc, x)
                || doc.tag_is(x, Tag::Figcaption)
                || (x != el && doc.attr_raw(x, "class").is_some_and(names_caption))
        })
}

/// The text less brackets around all of it ("(Reed Saxon / Associated Press)"); "John Smith
/// (AP)" keeps its brackets.
fn unbracketed(text: &str) -> &str {
    let mut t = text.trim();
    for (open, close) in [('(', ')'), ('[', ']')] {
        if let Some(inner) = t.strip_prefix(open).and_then(|r| r.strip_suffix(close))
            && !inner.contains([open, close])
        {
            t = inner.trim();
        }
    }
    t
}

/// Who a credit's text names: the text [`unbracketed`] and less a label ("(Photo: AP)" and
/// "Image copyright EPA" name AP and EPA).
fn credit_who(text: &str) -> &str {
    let t = unbracketed(text);
    credit_name(t)
        .or_else(|| {
            // ("Photo courtesy of NASA" is said whole: the label is not "Photo courtesy".)
            crate::caption::after_credit_label(t).filter(|rest| !rest.starts_with("of "))
        })
        .unwrap_or(t)
        .trim()
}

/// Who a credit element names ([`credit_who`]), when that holds a letter.
fn credit_text(doc: &Document<'_>, el: NodeId) -> Option<Text> {
    let text = doc.text_of(el);
    let t = text.split_whitespace().collect::<Vec<_>>().join(" ");
    let t = credit_who(&t);
    (t.chars().any(char::is_alphabetic) && t.len() <= MAX_CREDIT_BYTES)
        .then(|| Text::new(t, doc.span(el)))
}

/// The element right after a caption `cap` that holds a credit by its class
/// ([`credit_element`]) and names someone rather than telling (no semicolons, one sentence),
/// and who it names in [`MAX_CREDIT_WORDS`] words or fewer.
fn credit_after(doc: &Document<'_>, cap: NodeId) -> Option<(NodeId, Text)> {
    let el = next_filled(doc, cap)?;
    if !doc.is_element(el) || !credit_element(doc, el) {
        return None;
    }
    // A credit is named, not told: no clauses parted by a semicolon or sentences ("Reporting
    // by Jane Doe; editing by John Roe", "Directed by Tomas Lind. Starring …").
    let who = credit_text(doc, el)?;
    let t = who.text.as_str();
    let told = t.contains(';')
        || t.match_indices(". ")
            .any(|(i, _)| t[i + 2..].starts_with(char::is_uppercase));
    (!told && who.text.split_whitespace().count() <= MAX_CREDIT_WORDS).then_some((el, who))
}

/// The name of a picture's file, less its extension and a size suffix ("gold-800x450.jpg" and
/// ".../gold.jpg?w=1200" are both "gold"), compared without regard to ASCII case; `None`
/// when too short to tell.
fn picture_name(src: &str) -> Option<&str> {
    let path = src.split(['?', '#']).next()?;
    let file = path.rsplit('/').next()?;
    let stem = file.rsplit_once('.').map_or(file, |(s, _)| s);
    // A size suffix: "-800x450".
    let stem = match stem.rsplit_once('-') {
        Some((head, size))
            if size.split_once('x').is_some_and(|(w, h)| {
                !w.is_empty()
                    && !h.is_empty()
                    && w.bytes().all(|b| b.is_ascii_digit())
                    && h.bytes().all(|b| b.is_ascii_digit())
            }) =>
        {
            head
        }
        _ => stem,
    };
    (stem.chars().count() >= MIN_PICTURE_NAME).then_some(stem)
}

/// True when link `a` opens the picture image `img` shows, at another size
/// ("…/s1600/chart.png" around "…/s640/chart.png", "photo.jpg" around "photo-300x200.jpg").
fn opens_picture(doc: &Document<'_>, a: NodeId, img: NodeId) -> bool {
    let Some(href) = doc.attr(a, "href") else {
        return false;
    };
    let Some(target) = picture_name(&href) else {
        return false;
    };
    // The link's file is a picture's: a media file's extension (a page's address, "….html",
    // is a story's).
    links_media(doc, a)
        && img_src(doc, img)
            .and_then(|(src, _)| picture_name(&src).map(|n| n.eq_ignore_ascii_case(target)))
            .unwrap_or(false)
}

/// Fewest characters of a picture's file name compared with the page's declared image.
const MIN_PICTURE_NAME: usize = 4;

/// Collects the figures inside the selected container, and the lead figures above it inside
/// the same `<article>`: its `figure`s, and the bare image that is the page's declared picture
/// (`lead_image`, og:image: a theme's `div.post-thumb` between headline and text).
pub fn collect(
    doc: &Document<'_>,
    b: &Blocks,
    sel: &Selection,
    lead_image: Option<&str>,
) -> Figures {
    let mut out = Figures::default();
    let mut seen_img: HashSet<u32> = HashSet::new();
    let container = sel.container;
    let kept_node = |n: NodeId| -> bool {
        // An image is kept when the block around it is not dropped by a boilerplate hint.
        let blk = b.block_of.get(n.index()).copied().unwrap_or(0);
        match b.piece_of.get(blk as usize).copied() {
            Some(pi) if pi != super::blocks::NONE => {
                !matches!(sel.keep.get(pi as usize), Some(Keep::Drop(_)))
            }
            _ => true,
        }
    };
    // The lead figure of an article often sits between its headline and the body's container
    // (`<article><h1>…</h1><figure>…</figure><div class=body>…`): the `figure`s from the
    // enclosing `<article>`'s start to the container are the article's too.
    let in_article = lead_start(doc, container).map_or(0..0, |a| a.0 + 1..container.0);
    let lead_name = lead_image.and_then(picture_name);
    // The declared picture may stand further up, outside any `<article>` (a hero image over
    // the story's columns): it is looked for from a few levels above the container too, and
    // only it is taken there.
    let hero_from = lead_name
        .and_then(|_| ancestor_up(doc, container, HERO_LEVELS))
        .map(|h| h.0 + 1);
    let lead = match hero_from {
        Some(h) if in_article.is_empty() || h < in_article.start => h..container.0,
        _ => in_article.clone(),
    };
    let mut lead_taken = false;
    let is_lead_image = |img: NodeId| {
        lead_name.is_some_and(|lead| {
            img_src(doc, img).is_some_and(|(src, _)| {
                picture_name(&src).is_some_and(|n| n.eq_ignore_ascii_case(lead))
            })
        })
    };
    for id in lead.clone().map(NodeId).chain(doc.descendants(container)) {
        if out.figures.len() >= MAX_FIGURES {
            break;
        }
        let Some(tag) = doc.tag(id) else { continue };
        if lead.contains(&id.0)
            && (!in_article.contains(&id.0) || (tag != "figure" && tag != "figcaption"))
        {
            // The declared picture once (a lazy-loading theme writes it twice). Above the
            // story's `<article>`, not a linked picture nor one in the page's header or menu
            // (a site's logo declared as the page's picture).
            if tag != "img"
                || lead_taken
                || !is_lead_image(id)
                || (!in_article.contains(&id.0) && in_masthead(doc, id))
            {
                continue;
            }
            lead_taken = true;
        }
        if b.hidden.get(id.index()).copied().unwrap_or(false) {
            continue;
        }
        // A `figcaption` outside any `figure` (a styled `div` around image and caption): the
        // caption's parent is the figure.
        let (root, cap_hint) = match tag {
            "figure" => (id, None),
            "figcaption" if !in_figure(doc, id) => match doc.parent(id) {
                Some(p) => (p, Some(id)),
                None => continue,
            },
            _ => (id, None),
        };
        match tag {
            "figure" | "figcaption" if tag == "figure" || cap_hint.is_some() => {
                let id = root;
                // A lazy-loading stand-in gives way to the real picture beside it (its
                // <noscript> copy).
                let mut imgs = doc.descendants(id).filter(|&d| is_image(doc, d)).take(8);
                let first = imgs.next();
                let img = match first {
                    Some(f) if is_placeholder(doc, f) => {
                        let real = imgs.find(|&d| !is_placeholder(doc, d));
                        if let Some(r) = real {
                            seen_img.insert(f.0);
                            Some(r)
                        } else {
                            Some(f)
                        }
                    }
                    other => other,
                };
                // No image element: a lazy-loading placeholder holds the picture's address
                // (BBC's `<div class=js-delayed-image-load data-src=… data-alt=…>`).
                let lazy = || (tag == "figure").then(|| lazy_image(doc, id)).flatten();
                let Some(img) = img.or_else(lazy) else {
                    continue;
                };
                if seen_img.contains(&img.0) {
                    continue;
                }
                let Some((src, span)) = img_src(doc, img) else {
                    continue;
                };
                seen_img.insert(img.0);
                // Its caption inside it, or a loose `figcaption` right after it (eHow's
                // `<figure><img></figure><figcaption>…</figcaption>`).
                let cap = cap_hint
                    .or_else(|| {
                        doc.descendants(id)
                            .find(|&d| doc.tag_is(d, Tag::Figcaption))
                    })
                    .or_else(|| {
                        (tag == "figure")
                            .then(|| next_filled(doc, id))
                            .flatten()
                            .filter(|&n| doc.tag_is(n, Tag::Figcaption) && !in_figure(doc, n))
                    });
                // An icon or a headshot declared smaller than a figure, in a `<figure>` of its
                // own with no caption, is none.
                // (A `<picture>`'s sources hold the sizes shown; its `<img>` only a fallback.)
                if cap.is_none()
                    && too_small(doc, img)
                    && !doc.parent(img).is_some_and(|p| doc.tag_is(p, Tag::Picture))
                {
                    continue;
                }
                // The image came first in document order as a bare image (or its copy did: a
                // lazy-loading theme writes the picture twice): it is this figure's.
                if let Some(pos) = out.figures.iter().position(|f| {
                    f.src.span == span
                        || (f.caption.is_none() && f.credit.is_none() && f.src.text == src)
                }) {
                    out.figures.remove(pos);
                }
                let (mut caption, mut credit) = match cap {
                    Some(cap) => {
                        out.caption_pieces.extend(pieces_in(doc, b, cap));
                        read_caption(doc, cap)
                    }
                    None => (None, None),
                };
                // A credit set apart inside the figure, out of its caption ("مصدر الصورة،
                // Getty Images" over BBC's pictures).
                if credit.is_none() {
                    credit = credit_piece(doc, b, id, cap).map(|(pi, who)| {
                        out.caption_pieces.insert(pi);
                        who
                    });
                }
                // Or an element whose class names a credit, out of the caption (`<span
                // class=story-image-copyright>EPA</span>` after an off-screen "Image
                // copyright"), in a `<figure>` (a loose caption's parent may be the story's
                // body). The block holding it is the figure's when it lies inside the figure:
                // what it says besides the credit and a credit label is the caption, when the
                // figure has none ("<span class=caption__text>…</span><span
                // class=caption__credit>Photograph: …</span>"). A block around the figure is
                // left alone.
                if credit.is_none()
                    && tag == "figure"
                    && let Some((el, who)) = class_credit(doc, id, cap)
                {
                    let blk = b.block_of.get(el.index()).copied().unwrap_or(0);
                    if let Some(&pi) = b.piece_of.get(blk as usize)
                        && pi != super::blocks::NONE
                        && let Some(p) = b.pieces.get(pi as usize)
                        && doc.contains(id, p.node)
                    {
                        // The block's other words become the caption only when the figure has
                        // none and they are a caption's length; else the block stays where it
                        // was read (its text is not lost).
                        match beside_credit(&p.text, &doc.text_of(el)) {
                            None => {
                                out.caption_pieces.insert(pi as usize);
                            }
                            Some(rest)
                                if caption.is_none() && rest.len() <= MAX_CLASS_CAPTION_BYTES =>
                            {
                                out.caption_pieces.insert(pi as usize);
                                caption = Some(Text::new(rest, p.span));
                            }
                            Some(_) => {}
                        }
                    }
                    credit = Some(who);
                }
                let alt = doc
                    .attr(img, "alt")
                    .or_else(|| doc.attr(img, "data-alt"))
                    .map(|a| a.trim().to_string())
                    .filter(|a| !a.is_empty())
                    .map(|a| Text::new(a, doc.span(img)));
                // The same picture again with no words of its own (a lazy-loading theme's copy
                // in a figure of its own) is no new figure. (One with a caption or a credit
                // keeps them: a pull quote's headshot over each quote's attribution.)
                if caption.is_none()
                    && credit.is_none()
                    && out.figures.iter().any(|f| f.src.text == src)
                {
                    continue;
                }
                out.figures.push(Figure {
                    src: Text::new(src, span),
                    alt,
                    caption,
                    credit,
                    date: None,
                });
            }
            "img" | AMP_IMG => {
                if seen_img.contains(&id.0)
                    || too_small(doc, id)
                    || !kept_node(id)
                    || is_placeholder(doc, id)
                {
                    continue;
                }
                let next_cap = next_caption(doc, id)
                    .map(|cap| (cap, read_caption(doc, cap)))
                    .filter(|(_, (c, _))| {
                        c.as_ref()
                            .is_some_and(|c| c.text.len() <= MAX_CLASS_CAPTION_BYTES)
                    });
                // A linked image without words is a thumbnail or a logo, unless captioned, or
                // unless the link opens the same picture larger (a blog's `<a
                // href=…/s1600/chart.png><img src=…/s640/chart.png></a>`).
                // (Also through a `<picture>` or a wrapper holding nothing else: `<a
                // href=/story><div class=thumb><img></div></a>`.)
                if next_cap.is_none()
                    && wrapping_link(doc, id).is_some_and(|p| !opens_picture(doc, p, id))
                    && doc.attr_raw(id, "alt").is_none_or(|a| a.trim().is_empty())
                {
                    continue;
                }
                let Some((src, span)) = img_src(doc, id) else {
                    continue;
                };
                // A copy of a picture already kept (its <noscript> twin) is no new figure; a
                // captioned copy of a bare one replaces it.
                if let Some(pos) = out.figures.iter().position(|f| f.src.text == src) {
                    let kept = &out.figures[pos];
                    match (&next_cap, kept.caption.is_some() || kept.credit.is_some()) {
                        (None, _) => continue,
                        (Some(_), false) => {
                            out.figures.remove(pos);
                        }
                        (Some(_), true) => {}
                    }
                }
                let alt = doc
                    .attr(id, "alt")
                    .map(|a| a.trim().to_string())
                    .filter(|a| !a.is_empty())
                    .map(|a| Text::new(a, span));
                let (caption, credit) = match next_cap {
                    Some((cap, (caption, credit))) => {
                        out.caption_pieces.extend(pieces_in(doc, b, cap));
                        // A credit in an element of its own right after the caption (Time's
                        // `<p class=caption>…</p><div class=credit>Win McNamee / Getty
                        // Images</div>`).
                        let credit = credit.or_else(|| {
                            let (el, who) = credit_after(doc, cap)?;
                            out.caption_pieces.extend(pieces_in(doc, b, el));
                            Some(who)
                        });
                        (caption, credit)
                    }
                    None => (None, None),
                };
                out.figures.push(Figure {
                    src: Text::new(src, span),
                    alt,
                    caption,
                    credit,
                    date: None,
                });
            }
            _ => {}
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::super::{blocks, content, dom::Document};
    use super::*;

    fn figures_of(page: &str) -> Vec<Figure> {
        let doc = Document::parse(page);
        let b = blocks::collect(&doc);
        let sel = content::select(&doc, &b, &content::Params::default());
        collect(&doc, &b, &sel, None).figures
    }

    /// The pictures' URLs, in order.
    fn srcs_of(f: &[Figure]) -> Vec<&str> {
        f.iter().map(|f| f.src.text.as_str()).collect()
    }

    /// The first figure's caption.
    fn first_caption(f: &[Figure]) -> Option<&str> {
        f.first()?.caption.as_ref().map(|c| c.text.as_str())
    }

    const BODY: &str = "<p>افتتحت الدورة الجديدة من معرض الكتاب صباح اليوم الخميس بمشاركة أكثر من ألف دار نشر من أربعين دولة في حدث ثقافي كبير.</p>\
        <p>وقال رئيس اللجنة المنظمة إن المعرض يخصص هذا العام جناحا كاملا لكتب الأطفال واليافعين إلى جانب برنامج يومي من الندوات.</p>";

    /// The sources of the figures of a story whose body holds `first` (a figure captioned
    /// "زوار المعرض"), then [`BODY`], then `then`; and the first figure's caption.
    fn story_figures(first: &str, then: &str) -> (Vec<String>, Option<String>) {
        let page = format!(
            "<article><h1>افتتاح معرض الكتاب</h1><div class=article-body>\
             <figure>{first}<figcaption>زوار المعرض</figcaption></figure>{BODY}{then}</div></article>"
        );
        let f = figures_of(&page);
        let srcs = srcs_of(&f).into_iter().map(String::from).collect();
        (srcs, first_caption(&f).map(String::from))
    }

    #[test]
    fn a_lazy_stand_in_gives_way_to_the_real_picture() {
        let (srcs, caption) = story_figures(
            "<img src=\"/img/lazy_placeholder.gif\"><noscript><img src=\"/img/real.jpg\"></noscript>",
            "<img src=\"/img/blank.gif\" data-src=\"/img/second.jpg\" alt=\"القاعة\">\
             <img src=\"/img/spacer.gif\" alt=\"\">",
        );
        assert_eq!(srcs, vec!["/img/real.jpg", "/img/second.jpg"]);
        assert_eq!(caption.as_deref(), Some("زوار المعرض"));
    }

    #[test]
    fn a_lazy_loader_image_shows_its_data_picture() {
        // Its `src` names no stand-in word, but the class says a lazy loader fills it in.
        let (srcs, _) = story_figures(
            "<img class=\"img lazyload\" src=\"/img/wait.gif\" data-src=\"/img/real.jpg\">",
            "<img src=\"/img/plain.jpg\" data-src=\"/img/other.jpg\" alt=\"القاعة\">\
             <img src=\"/uploads/blanket-146.jpg\" alt=\"بطانية\">\
             <img class=skip-lazy src=\"/img/full.jpg\" data-src=\"/img/thumb.jpg\" alt=\"القاعة\">\
             <img class=lazyload src=\"/img/t-400.jpg\" data-src=\"/img/t-{width}.jpg\" alt=\"القاعة\">",
        );
        // "skip-lazy" is no lazy loader's class, and a template is no address.
        assert_eq!(
            srcs,
            vec![
                "/img/real.jpg",
                "/img/plain.jpg",
                "/uploads/blanket-146.jpg",
                "/img/full.jpg",
                "/img/t-400.jpg"
            ]
        );
    }

    #[test]
    fn a_loose_caption_right_after_a_figure_is_its_caption() {
        let (srcs, caption) = story_figures(
            "<img src=\"/img/hall.jpg\">",
            "<figure class=stepThumb><img src=\"/img/step1.jpg\"></figure>\
             <figcaption class=caption>خطوة أولى: ترتيب الرفوف</figcaption>",
        );
        assert_eq!(srcs, vec!["/img/hall.jpg", "/img/step1.jpg"]);
        assert_eq!(caption.as_deref(), Some("زوار المعرض"));
        let f = figures_of(&format!(
            "<article><div class=article-body>{BODY}<figure><img src=\"/img/step1.jpg\"></figure>\
             <figcaption>خطوة أولى: ترتيب الرفوف</figcaption></div></article>"
        ));
        assert_eq!(first_caption(&f), Some("خطوة أولى: ترتيب الرفوف"));
    }

    #[test]
    fn a_headshot_in_a_figure_of_its_own_is_none() {
        let (srcs, _) = story_figures(
            "<img src=\"/img/hall.jpg\">",
            "<figure><img src=\"/img/musil.jpg\" alt=\"Steven Musil mugshot\" width=70 height=70></figure>\
             <figure><img src=\"/img/logo.png\" width=60><figcaption>شعار المعرض</figcaption></figure>",
        );
        // Captioned, a small picture is the story's.
        assert_eq!(srcs, vec!["/img/hall.jpg", "/img/logo.png"]);
    }

    #[test]
    fn a_picture_linked_to_itself_larger_is_kept() {
        let (srcs, _) = story_figures(
            "<img src=\"/img/hall.jpg\">",
            "<a href=\"/bp/s1600/chart.png\"><img src=\"/bp/s640/chart.png\" width=640></a>\
             <a href=\"/uploads/photo.jpg\"><img src=\"/uploads/photo-300x200.jpg\"></a>\
             <a href=\"/2026/other-story\"><img src=\"/uploads/other-story.jpg\"></a>\
             <a href=\"/2026/council-tax.html\"><img src=\"/uploads/council-tax.jpg\"></a>",
        );
        // A link to a page (another story) still makes a thumbnail.
        assert_eq!(
            srcs,
            vec![
                "/img/hall.jpg",
                "/bp/s640/chart.png",
                "/uploads/photo-300x200.jpg"
            ]
        );
    }

    #[test]
    fn a_story_thumbnail_in_a_wrapper_is_no_figure() {
        let (srcs, _) = story_figures(
            "<img src=\"/img/hall.jpg\">",
            "<a href=\"/2026/other-story\"><div class=thumb><img src=\"/uploads/other.jpg\"></div></a>\
             <a href=\"/2026/third-story\"><picture><source srcset=\"/uploads/third.webp\">\
             <img src=\"/uploads/third.jpg\"></picture></a>\
             <a href=\"/2026/report\"><div><img src=\"/uploads/report.jpg\"></div> Read the report</a>\
             <a href=\"/photos/123\"><span><img src=\"/uploads/flood.jpg\" width=800></span></a>\
             <a href=\"/uploads/full/map.png\"><span><img src=\"/uploads/map-small.png\"></span></a>",
        );
        // A link with words of its own, a photo's size, a link to a media file leave it a
        // figure.
        assert_eq!(
            srcs,
            vec![
                "/img/hall.jpg",
                "/uploads/report.jpg",
                "/uploads/flood.jpg",
                "/uploads/map-small.png"
            ]
        );
    }

    #[test]
    fn amp_images_and_the_largest_srcset_picture() {
        let (srcs, caption) = story_figures(
            "<amp-img src=\"/amp.jpg\" width=800 height=450></amp-img>",
            "<figure><img srcset=\"/c-400.jpg 400w, /c-800.jpg 800w\"><figcaption>القاعة</figcaption></figure>",
        );
        assert_eq!(srcs, vec!["/amp.jpg", "/c-800.jpg"]);
        assert_eq!(caption.as_deref(), Some("زوار المعرض"));
    }

    #[test]
    fn a_picture_written_twice_is_one_figure() {
        // A <noscript> copy inside the figure, and a copy in a figure of its own.
        let (srcs, caption) = story_figures(
            "<img src=\"/img/a.jpg\" width=800><noscript><img src=\"/img/a.jpg\" width=800></noscript>",
            "<figure><img src=\"/img/b.jpg\"><figcaption>القاعة</figcaption></figure>\
             <figure><img src=\"/img/b.jpg\"></figure>",
        );
        assert_eq!(srcs, vec!["/img/a.jpg", "/img/b.jpg"]);
        assert_eq!(caption.as_deref(), Some("زوار المعرض"));
        // The same picture with words of its own keeps them, in a figure of its own (a pull
        // quote's headshot over each attribution); a bare copy later takes no credit away.
        let f = figures_of(&format!(
            "<article><div class=article-body>\
             <figure><img src=\"/img/p.jpg\"><figcaption>وزير الثقافة</figcaption></figure>{BODY}\
             <figure><img src=\"/img/p.jpg\"><figcaption>وزير الثقافة</figcaption></figure>\
             <figure><img src=\"/img/t.jpg\"><span class=image-credit>رويترز</span></figure>\
             <figure><img src=\"/img/t.jpg\"></figure></div></article>"
        ));
        assert_eq!(srcs_of(&f), vec!["/img/p.jpg", "/img/p.jpg", "/img/t.jpg"]);
        assert_eq!(
            f[2].credit.as_ref().map(|c| c.text.as_str()),
            Some("رويترز")
        );
        // A bare picture, then the same picture over its caption: one figure, captioned.
        let f = figures_of(&format!(
            "<article><h1>افتتاح معرض الكتاب</h1><div class=article-body>\
             <img src=\"/img/c.jpg\" width=800>{BODY}\
             <div class=wp-caption><img src=\"/img/c.jpg\" width=300>\
             <p class=wp-caption-text>جناح الأطفال</p></div></div></article>"
        ));
        assert_eq!(srcs_of(&f), vec!["/img/c.jpg"]);
        assert_eq!(first_caption(&f), Some("جناح الأطفال"));
    }

    #[test]
    fn an_address_with_commas_is_one_address() {
        // An image service's options sit in the path, commas and all; a srcset put in a plain
        // attribute still gives its largest picture.
        let (srcs, _) = story_figures(
            "<img src=\"https://cdn.example.com/upload/t_fit-760w,f_auto,q_auto:best/a.jpg\">",
            "<figure><img data-src=\"/d.jpg 1x, /d@2x.jpg 2x\"><figcaption>القاعة</figcaption></figure>",
        );
        assert_eq!(
            srcs,
            vec![
                "https://cdn.example.com/upload/t_fit-760w,f_auto,q_auto:best/a.jpg",
                "/d@2x.jpg"
            ]
        );
    }

    #[test]
    fn lead_figure_above_the_body_container_is_kept() {
        let page = format!(
            "<article><h1>افتتاح معرض الكتاب</h1><figure><img src=/lead.jpg>\
             <figcaption>زوار المعرض <span class=credit>رويترز</span></figcaption></figure>\
             <div class=article-body>{BODY}</div></article>"
        );
        let f = figures_of(&page);
        assert_eq!(f.len(), 1, "{f:?}");
        assert_eq!(f[0].src.text, "/lead.jpg");
        assert_eq!(
            f[0].credit.as_ref().map(|c| c.text.as_str()),
            Some("رويترز")
        );
    }

    #[test]
    fn bare_images_above_the_container_are_not_figures() {
        let page = format!(
            "<article><h1>افتتاح معرض الكتاب</h1><img src=/author.jpg>\
             <div class=article-body>{BODY}</div></article>"
        );
        assert!(figures_of(&page).is_empty());
    }

    #[test]
    fn a_credit_line_inside_the_figure_is_its_credit() {
        // BBC's figure: the credit over the picture, the caption under it.
        let page = format!(
            "<article><h1>ما الذي نعرفه عن خطة إعادة إعمار غزة؟</h1><div class=body>\
             <figure><div><p><span>مصدر الصورة، </span>Getty Images</p><img src=/g.jpg></div>\
             <figcaption>دمار واسع في مدينة غزة</figcaption></figure>{BODY}</div></article>"
        );
        let doc = Document::parse(&page);
        let b = blocks::collect(&doc);
        let sel = content::select(&doc, &b, &content::Params::default());
        let figs = collect(&doc, &b, &sel, None);
        let f = &figs.figures;
        assert_eq!(f.len(), 1, "{f:?}");
        assert_eq!(
            f[0].credit.as_ref().map(|c| c.text.as_str()),
            Some("Getty Images")
        );
        assert_eq!(
            f[0].caption.as_ref().map(|c| c.text.as_str()),
            Some("دمار واسع في مدينة غزة")
        );
        // The credit's block is the figure's, not the body's.
        assert!(
            figs.caption_pieces
                .iter()
                .any(|&pi| b.pieces[pi].text.contains("Getty Images"))
        );
    }

    #[test]
    fn a_credit_element_loses_its_label() {
        // DW's caption: the credit in an element of its own, with its label.
        let page = format!(
            "<article><h1>الحكومة تقر خطة جديدة</h1><div class=body><figure><img src=/w.jpg>\
             <figcaption><span>وزيرة الداخلية في برلين</span><span class=copyright>صورة من: \
             Kay Nietfeld/dpa/picture alliance</span></figcaption></figure>{BODY}</div></article>"
        );
        let f = figures_of(&page);
        assert_eq!(
            f[0].credit.as_ref().map(|c| c.text.as_str()),
            Some("Kay Nietfeld/dpa/picture alliance")
        );
        assert_eq!(
            f[0].caption.as_ref().map(|c| c.text.as_str()),
            Some("وزيرة الداخلية في برلين")
        );
    }

    #[test]
    fn a_caption_classed_element_after_a_bare_image_is_its_caption() {
        // Youm7: the caption in a span beside the picture, no `figure` around them.
        let youm7 = format!(
            "<article><div class=article-body><div class=img-cont><img src=/1.jpg alt=الوزير>\
             <span class=img-caption>وزير التعليم خلال المؤتمر</span></div>{BODY}</div></article>"
        );
        // WordPress: a linked image, then the caption paragraph.
        let wordpress = format!(
            "<article><div class=entry-content>{BODY}<div class=\"wp-caption alignright\">\
             <a href=/big.jpg><img src=/w.jpg></a> <p class=wp-caption-text>زوار المعرض \
             <span class=credit>رويترز</span></p></div></div></article>"
        );
        for (page, caption, credit) in [
            (youm7, "وزير التعليم خلال المؤتمر", None),
            (wordpress, "زوار المعرض", Some("رويترز")),
        ] {
            let f = figures_of(&page);
            assert_eq!(f.len(), 1, "{f:?}");
            assert_eq!(
                f[0].caption.as_ref().map(|c| c.text.as_str()),
                Some(caption)
            );
            assert_eq!(f[0].credit.as_ref().map(|c| c.text.as_str()), credit);
        }
    }

    #[test]
    fn a_caption_after_the_image_wrapper_and_a_credit_after_the_caption() {
        // Time: the picture alone in a wrapper, then the caption, then the credit.
        let page = format!(
            "<article><div class=article-body><div class=tout><div class=toutAsset> \
             <img src=/spill.jpg width=307 height=200 alt=\"\"> </div>\
             <p class=caption>صياد يخرج من البحر قرب بقعة نفط</p>\
             <div class=credit>Win McNamee / Getty Images</div></div>{BODY}</div></article>"
        );
        let f = figures_of(&page);
        assert_eq!(f.len(), 1, "{f:?}");
        assert_eq!(
            f[0].caption.as_ref().map(|c| c.text.as_str()),
            Some("صياد يخرج من البحر قرب بقعة نفط")
        );
        assert_eq!(
            f[0].credit.as_ref().map(|c| c.text.as_str()),
            Some("Win McNamee / Getty Images")
        );
        // A wrapper holding words beside the picture is no picture's wrapper.
        let page = format!(
            "<article><div class=article-body><div class=card><img src=/spill.jpg> \
             <span>صياد</span></div><p class=caption>صياد يخرج من البحر</p>{BODY}</div></article>"
        );
        assert!(figures_of(&page).iter().all(|f| f.caption.is_none()));
    }

    #[test]
    fn an_element_saying_the_images_alt_after_it_is_its_caption() {
        let alt = "وزير التعليم خلال المؤتمر الصحفي";
        let page = |next: &str| {
            format!(
                "<article><div class=article-body><div class=lead><div class=img300> \
                 <img src=/1.jpg alt=\"{alt}\"> </div>{next}</div>{BODY}</div></article>"
            )
        };
        let f = figures_of(&page(&format!("<div>{alt}</div>")));
        assert_eq!(first_caption(&f), Some(alt), "{f:?}");
        // Its credit or a control may follow it in the picture's box.
        let f = figures_of(&page(&format!(
            "<div>{alt}</div><div class=credit>Jane Doe/AP</div><button>+</button>"
        )));
        assert_eq!(first_caption(&f), Some(alt), "{f:?}");
        // Other words, or an alt too short to tell, are no caption.
        let f = figures_of(&page("<div>وزير التعليم يفتتح المعرض</div>"));
        assert_eq!(first_caption(&f), None, "{f:?}");
        let short = format!(
            "<article><div class=article-body><div><img src=/1.jpg alt=\"الوزير\"></div>\
             <p>الوزير</p>{BODY}</div></article>"
        );
        assert_eq!(first_caption(&figures_of(&short)), None);
        // A card's title saying the alt again is no caption.
        for title in [
            format!("<h3>{alt}</h3>"),
            format!("<p><a href=/s>{alt}</a></p>"),
        ] {
            let f = figures_of(&page(&title));
            assert_eq!(first_caption(&f), None, "{title}: {f:?}");
        }
    }

    #[test]
    fn a_headline_a_card_title_or_a_lede_after_an_image_is_no_caption() {
        let t = "زوار معرض الكتاب في يومه الأول";
        for next in [
            // A theme's featured image over the headline, which the alt repeats.
            format!("<header class=entry-header><h1>{t}</h1></header>"),
            // A story's lede, copied into the alt, in a run of paragraphs.
            format!("<p>{t}</p><p>وقال رئيس اللجنة إن المعرض يستمر أسبوعين.</p>"),
            // A teaser's title that is one link, in a caption's class.
            format!("<div class=media__caption><a href=/other>{t}</a></div>"),
            // The lede again, in div paragraphs, or before an ad slot.
            format!("<div class=para>{t}</div><div class=para>وقال رئيس اللجنة.</div>"),
            format!("<div>{t}</div><div class=ad-slot></div>"),
            // Typography utility classes.
            "<p class=text-caption>Updated 2 hours ago · 4 min read</p>".to_string(),
            "<p class=\"MuiTypography-root MuiTypography-caption\">Updated 2 hours ago</p>"
                .to_string(),
        ] {
            let page = format!(
                "<article><div class=article-body><div class=thumb><img src=/1.jpg alt=\"{t}\">\
                 </div>{next}{BODY}</div></article>"
            );
            let f = figures_of(&page);
            assert!(f.iter().all(|f| f.caption.is_none()), "{next}: {f:?}");
        }
        // A card wrapped in one link: its title is no caption.
        let page = format!(
            "<article><div class=article-body>{BODY}<a href=/other><div class=thumb>\
             <img src=/1.jpg alt=\"{t}\"></div><div class=title>{t}</div></a></div></article>"
        );
        assert!(figures_of(&page).iter().all(|f| f.caption.is_none()));
    }

    #[test]
    fn a_credit_keeps_brackets_inside_it_and_loses_those_around_it() {
        assert_eq!(credit_who("John Smith (AP)"), "John Smith (AP)");
        assert_eq!(
            credit_who("(Reed Saxon / Associated Press)"),
            "Reed Saxon / Associated Press"
        );
        assert_eq!(credit_who("[Photo: AP]"), "AP");
        assert_eq!(
            credit_who("Photo courtesy of NASA"),
            "Photo courtesy of NASA"
        );
    }

    #[test]
    fn caption_classes_name_captions_not_typography_or_states() {
        assert!(names_caption("img-caption"));
        assert!(names_caption("wp-caption-text alignright"));
        for class in [
            "text-caption",
            "MuiTypography-caption",
            "story-body has-captions",
        ] {
            assert!(!names_caption(class), "{class}");
        }
    }

    #[test]
    fn the_credits_people_write_after_a_caption() {
        for credit in [
            "Getty Images",
            "(رويترز)",
            "Photo by Jane Doe on Unsplash",
            "REUTERS/Amr Abdallah Dalsh",
            "Courtesy of the Smithsonian",
            "John Smith (AP)",
            "تصوير: أحمد علي",
        ] {
            let page = format!(
                "<article><div class=article-body><div class=still><img src=/1.jpg></div>\
                 <p class=caption>رجال الإطفاء في الشارع الرئيسي</p>\
                 <p class=credit>{credit}</p>{BODY}</div></article>"
            );
            let f = figures_of(&page);
            assert!(
                f.first().is_some_and(|f| f.credit.is_some()),
                "{credit}: {f:?}"
            );
        }
    }

    #[test]
    fn a_story_credits_line_after_the_last_caption_is_no_picture_credit() {
        let page = format!(
            "<article><div class=article-body>{BODY}<div class=still><img src=/still.jpg></div>\
             <p class=caption>مشهد من الفيلم</p><p class=article-credits>Reporting by Jane Doe; \
             editing by John Roe</p></div></article>"
        );
        let f = figures_of(&page);
        assert_eq!(first_caption(&f), Some("مشهد من الفيلم"), "{f:?}");
        assert!(f[0].credit.is_none(), "{f:?}");
    }

    #[test]
    fn a_film_credits_line_after_a_caption_is_no_picture_credit() {
        let page = format!(
            "<article><div class=article-body><div class=still><img src=/still.jpg></div>\
             <p class=caption>مشهد من الفيلم</p><p class=review-credits>Directed by Tomas Lind. \
             Starring Ana Berg and Jon Holm. 112 minutes. Rated 12A.</p>{BODY}</div></article>"
        );
        let f = figures_of(&page);
        assert_eq!(first_caption(&f), Some("مشهد من الفيلم"), "{f:?}");
        assert!(f[0].credit.is_none(), "{f:?}");
    }

    #[test]
    fn a_caption_class_holding_an_image_or_an_essay_is_no_caption() {
        let long = "وقال رئيس اللجنة المنظمة إن المعرض يخصص جناحا لكتب الأطفال. ".repeat(8);
        for next in [
            "<div class=caption-box><img src=/2.jpg></div>".to_string(),
            format!("<p class=caption>{long}</p>"),
            "<span class=summary>وزير التعليم خلال المؤتمر</span>".to_string(),
        ] {
            let page = format!(
                "<article><div class=article-body><div><img src=/1.jpg>{next}</div>{BODY}</div></article>"
            );
            let f = figures_of(&page);
            assert!(f.iter().all(|f| f.caption.is_none()), "{next}: {f:?}");
        }
    }

    #[test]
    fn the_declared_picture_above_the_container_is_the_lead_figure() {
        let page = format!(
            "<article><h1>ارتفاع أسعار الذهب</h1><img src=/author.jpg alt=الكاتب>\
             <div class=post-thumb><img src=/uploads/gold-800x450.jpg alt=الذهب></div>\
             <div class=thumb-mobile><img src=/uploads/gold.jpg></div>\
             <div class=article-body>{BODY}</div></article>"
        );
        let doc = Document::parse(&page);
        let b = blocks::collect(&doc);
        let sel = content::select(&doc, &b, &content::Params::default());
        let declared = Some("https://example.com/uploads/gold.jpg?w=1200");
        let f = collect(&doc, &b, &sel, declared).figures;
        assert_eq!(f.len(), 1, "{f:?}");
        assert_eq!(f[0].src.text, "/uploads/gold-800x450.jpg");
        // Another declared picture, or none: no lead image.
        assert!(
            collect(&doc, &b, &sel, Some("/uploads/logo.png"))
                .figures
                .is_empty()
        );
        assert!(collect(&doc, &b, &sel, None).figures.is_empty());
    }

    #[test]
    fn the_declared_picture_over_the_story_columns_is_the_lead_figure() {
        // No <article>: the hero stands over the columns the story's container sits in; only
        // the declared picture is taken from there.
        let page = format!(
            "<div class=page><div class=hero><img src=/uploads/gold-1600x900.jpg alt=الذهب>\
             <figure><img src=/uploads/market.jpg><figcaption>السوق</figcaption></figure></div>\
             <div class=columns><div class=main><div class=article-body>{BODY}</div></div>\
             <div class=side><p>روابط</p></div></div></div>"
        );
        let doc = Document::parse(&page);
        let b = blocks::collect(&doc);
        let sel = content::select(&doc, &b, &content::Params::default());
        let f = collect(&doc, &b, &sel, Some("/uploads/gold.jpg")).figures;
        assert_eq!(srcs_of(&f), vec!["/uploads/gold-1600x900.jpg"]);
        assert!(collect(&doc, &b, &sel, None).figures.is_empty());
        // A site's logo declared as the page's picture, in its header's home link, is none.
        let page = format!(
            "<div class=wrap><header><a href=/><img src=/static/logo.png alt=Daily></a></header>\
             <div class=content><div class=main><div class=article-body>{BODY}</div></div></div></div>"
        );
        let doc = Document::parse(&page);
        let b = blocks::collect(&doc);
        let sel = content::select(&doc, &b, &content::Params::default());
        assert!(
            collect(&doc, &b, &sel, Some("/static/logo.png"))
                .figures
                .is_empty()
        );
    }

    #[test]
    fn picture_names_leave_out_sizes_and_queries() {
        assert_eq!(
            picture_name("https://x.com/a/gold-800x450.jpg"),
            Some("gold")
        );
        assert_eq!(picture_name("/a/Gold.jpg?w=1200#x"), Some("Gold"));
        assert_eq!(
            picture_name("/a/2024-MA-securityweek.jpeg"),
            Some("2024-MA-securityweek")
        );
        assert_eq!(picture_name("/a/x.jpg"), None);
    }
}
