//! Metadata of an HTML page, from the most explicit source down: JSON-LD, OpenGraph and
//! `article:*`, other `<meta>` tags, microdata, `<time>`, bylines, then visible date lines
//! near the headline.
//!
//! [`read`] returns a [`Meta`]: headline (site suffixes removed on an article or under a
//! visible headline; a page that is not an article keeps its title as written), published and
//! modified stamps kept apart with their offsets, authors as the byline names them, site name, canonical URL,
//! language, direction, tags, image, description, and the spans of the visible elements it
//! consumed (headline, byline, date line) so the content extractor can drop them as metadata.
//!
//! ```
//! use marsad_extract::html::dom::Document;
//! use marsad_extract::html::meta::read;
//! use marsad_extract::Options;
//! let page = r#"<html lang="ar" dir="rtl"><head><title>لافروف يدعو إلى وقف النار | عنب بلدي</title>
//! <meta property="og:site_name" content="عنب بلدي"></head><body><article>
//! <h1>لافروف يدعو إلى وقف النار</h1><p class="byline">بقلم: هبة محمد</p>
//! <time datetime="2020-09-08T06:49:00+03:00">8 أيلول 2020</time><p>نص</p></article></body></html>"#;
//! let doc = Document::parse(page);
//! let m = read(&doc, page, &Options::default());
//! assert_eq!(m.title.unwrap().text, "لافروف يدعو إلى وقف النار");
//! assert_eq!(m.authors[0].text, "هبة محمد");
//! assert_eq!(m.published.unwrap().local, "2020-09-08T06:49:00+03:00");
//! assert_eq!(m.site.as_deref(), Some("عنب بلدي"));
//! assert_eq!(m.lang.as_deref(), Some("ar"));
//! ```

pub mod clean;
pub mod date;
pub mod jsonld;
mod words;

use std::collections::HashMap;
use std::sync::LazyLock;

use marsad_model::{Dateline, Dir, Span, Stamp, Text};

use super::dom::{Document, NodeId};
use super::hints;
use crate::Options;
use clean::{author_names, collapse, cut, is_site, key, parts, strip_site};
use words::WORDS;

/// Most `<h1>` elements looked at.
pub const MAX_H1: usize = 16;
/// Most byline / date candidate elements looked at.
pub const MAX_CANDIDATES: usize = 64;
/// Largest element (raw bytes) whose text is read as a byline or date line.
pub const MAX_LINE_ELEMENT: usize = 4_096;
/// Longest visible text read as a byline or date line, in bytes.
pub const MAX_LINE_TEXT: usize = 200;
/// Nodes after the headline scanned for a byline or date line.
pub const NEAR_HEADLINE: usize = 120;
/// Nodes before the headline scanned for a labelled date line.
pub const BEFORE_HEADLINE: usize = 40;

/// The metadata of a page.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Meta {
    /// The headline, without site suffixes or prefixes.
    pub title: Option<Text>,
    /// A deck under the headline (`alternativeHeadline`).
    pub subtitle: Option<Text>,
    /// A kicker set in the headline's element before it ([`h1_kicker`]).
    pub kicker: Option<Text>,
    /// The title is the page's first `<h2>`, for want of any other: a heading of the text,
    /// which stays in the body.
    pub title_from_h2: bool,
    /// When the page was first published.
    pub published: Option<Stamp>,
    /// When it was last modified.
    pub modified: Option<Stamp>,
    /// The date the page shows its readers next to the headline, whether labelled published
    /// or updated (what a person reading the page would give as "the date").
    pub shown: Option<Stamp>,
    /// Authors as the byline names them (never the site name).
    pub authors: Vec<Text>,
    /// The site's name.
    pub site: Option<String>,
    /// `<link rel=canonical>` or `og:url`.
    pub canonical_url: Option<String>,
    /// The page URL: the caller's hint, else the canonical URL.
    pub url: Option<String>,
    /// Primary language subtag (`ar`, `en`) as the page declares it (`<html lang>`,
    /// `og:locale`, JSON-LD `inLanguage`); `None` when it declares none.
    pub lang: Option<String>,
    /// Text direction from markup, else from the declared language; `None` when neither says.
    pub dir: Option<Dir>,
    /// Tags and keywords.
    pub tags: Vec<String>,
    /// The lead image URL.
    pub image: Option<String>,
    /// The page's description.
    pub description: Option<String>,
    /// The authors' bios as the main JSON-LD item gives them (`author.description`): the box
    /// under the article that shows one is the page's, not the article's.
    pub author_bios: Vec<String>,
    /// The schema.org type of the main item, else `og:type` (`NewsArticle`, `article`).
    pub page_type: Option<String>,
    /// The questions of the page's FAQ as its JSON-LD lists them ([`jsonld::Ld::questions`]):
    /// the section that asks them is the page's content.
    pub faq: Vec<String>,
    /// The paragraphs of the article's text as its JSON-LD gives it (`articleBody`), each
    /// with the bytes it takes in the script: the body of a page whose markup lacks it.
    pub ld_body: Vec<Text>,
    /// Spans of visible elements consumed as metadata (headline, byline, date line): the
    /// content extractor drops them with `Reason::Metadata`.
    pub consumed: Vec<Span>,
    /// A dateline set as the byline ("دبي - العربية.نت" under the headline, see
    /// [`clean::byline_dateline`]); its span is the byline element's.
    pub dateline: Option<Dateline>,
}

/// Which metadata field a `<meta>` key feeds.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Field {
    Title,
    Site,
    Author,
    Published,
    Modified,
    Description,
    Image,
    Url,
    Locale,
    Tags,
    Type,
}

/// A text without the markup tags written into it (`<a href="…">Name</a>` is "Name").
fn without_tags(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut rest = s;
    while let Some(i) = rest.find('<') {
        out.push_str(&rest[..i]);
        match rest[i..].find('>') {
            Some(j) => rest = &rest[i + j + 1..],
            None => {
                rest = &rest[i..];
                break;
            }
        }
    }
    out.push_str(rest);
    out
}

/// Most keys read from one `<meta>` key attribute.
const MAX_META_KEYS: usize = 8;

/// `<meta>` keys (`data/meta_keys.tsv`) with their rank (earlier rows win).
static META_KEYS: LazyLock<HashMap<String, (Field, usize)>> = LazyLock::new(|| {
    let mut m = HashMap::new();
    for (i, line) in include_str!("../../../data/meta_keys.tsv")
        .lines()
        .filter(|l| !l.trim().is_empty() && !l.starts_with('#'))
        .enumerate()
    {
        let Some((k, f)) = line.split_once('\t') else {
            continue;
        };
        let field = match f.trim() {
            "title" => Field::Title,
            "site" => Field::Site,
            "author" => Field::Author,
            "published" => Field::Published,
            "modified" => Field::Modified,
            "description" => Field::Description,
            "image" => Field::Image,
            "url" => Field::Url,
            "locale" => Field::Locale,
            "tags" => Field::Tags,
            "type" => Field::Type,
            _ => continue,
        };
        m.insert(k.trim().to_ascii_lowercase(), (field, i));
    }
    m
});

/// Days between two stamps' local days; `None` when either has no day.
fn days_apart(a: &Stamp, b: &Stamp) -> Option<i64> {
    let day = |s: &Stamp| s.day().and_then(|d| d.parse::<jiff::civil::Date>().ok());
    let (x, y) = (day(a)?, day(b)?);
    Some((x - y).get_days().abs().into())
}

/// True for hAtom's date element: an `<abbr>` classed `published` or `updated` (whole class
/// words) with a `title`, which holds the machine-readable date.
fn is_hatom_date(doc: &Document<'_>, id: NodeId) -> bool {
    doc.attr_raw(id, "title").is_some()
        && doc.attr_raw(id, "class").is_some_and(|c| {
            c.split_ascii_whitespace()
                .any(|w| w.eq_ignore_ascii_case("published") || w.eq_ignore_ascii_case("updated"))
        })
}

/// Rank of `<meta>` keys recognised by [`date_key`] (after every listed key).
const GUESSED_KEY_RANK: usize = 100_000;

/// A `<meta>` key not in the list that still names a date by its words ("published",
/// "w-published-date", "page_updated_time", "published_at"): published or modified, ranked
/// last.
fn date_key(k: &str) -> Option<(Field, usize)> {
    if k.len() > 64 {
        return None;
    }
    // (Rails and its kin name a timestamp column "…_at": "published_at", "updated_at".)
    let dated = k.contains("date") || k.contains("time") || k.ends_with("_at");
    if k.contains("publish") && !k.contains("publisher") && (dated || k.ends_with("published")) {
        Some((Field::Published, GUESSED_KEY_RANK))
    } else if (k.contains("modif") || k.contains("updat")) && dated {
        Some((Field::Modified, GUESSED_KEY_RANK))
    } else {
        None
    }
}

/// A `<meta>` value with the rank of its key.
#[derive(Debug, Clone)]
struct MetaVal {
    field: Field,
    rank: usize,
    value: String,
    span: Span,
}

/// What one pass over the elements collects.
#[derive(Default)]
struct Scan<'a> {
    metas: Vec<MetaVal>,
    title: Option<(String, Span)>,
    ld: Vec<(&'a str, Span)>,
    canonical: Option<String>,
    /// Where the `<link rel=canonical>` is.
    canonical_span: Span,
    h1: Vec<NodeId>,
    /// The first `<h2>`: the headline of a page with no title and no `<h1>`.
    first_h2: Option<NodeId>,
    /// The first element classed as a post's headline ("post-title"), for the same want.
    title_el: Option<NodeId>,
    /// Elements classed as a story's deck ("standfirst", "article__subhead"), first ones.
    decks: Vec<NodeId>,
    times: Vec<NodeId>,
    /// (itemprop, element)
    props: Vec<(String, NodeId)>,
    bylines: Vec<NodeId>,
    datelines: Vec<NodeId>,
    html_lang: Option<String>,
    dir: Option<Dir>,
    article: Option<NodeId>,
    /// Links marked `rel="tag"` (a post's tags, WordPress's "Tagged …").
    tag_links: Vec<NodeId>,
    /// Links that may be to a writer's own page ([`is_author_page`]: "/author/jane-doe/").
    author_links: Vec<NodeId>,
}

/// Most tags kept for a page.
const MAX_TAGS: usize = 64;
/// Longest tag read from a `rel="tag"` link (bytes).
const MAX_TAG_BYTES: usize = 100;

/// Kinds of class-name hints, as bits.
const HINT_BYLINE: u8 = 1;
const HINT_SKIP: u8 = 2;
const HINT_DATE: u8 = 4;
const HINT_TITLE: u8 = 8;
const HINT_DECK: u8 = 16;

/// Class-name fragments indexed by first byte, so one pass over a class string finds every
/// fragment in it.
struct Hints {
    by_first: Vec<Vec<(Vec<u8>, u8)>>,
    /// The fragments' first two bytes (every fragment has two or more), so most positions
    /// of a class string are passed over after one bit test.
    pairs: Box<[u64; hints::PAIR_WORDS]>,
}

static HINTS: LazyLock<Hints> = LazyLock::new(|| {
    let mut by_first: Vec<Vec<(Vec<u8>, u8)>> = vec![Vec::new(); 256];
    let mut pairs = Box::new([0u64; hints::PAIR_WORDS]);
    for (list, kind) in [
        (&WORDS.byline_class, HINT_BYLINE),
        (&WORDS.byline_class_skip, HINT_SKIP),
        (&WORDS.date_class, HINT_DATE),
        (&WORDS.title_class, HINT_TITLE),
        (&WORDS.deck_class, HINT_DECK),
    ] {
        for h in list {
            if let [a, b, ..] = *h.as_bytes() {
                by_first[a as usize].push((h.as_bytes().to_vec(), kind));
                hints::set_pair(&mut pairs, a, b);
            }
        }
    }
    Hints { by_first, pairs }
});

/// Most bytes of a class / id value read for byline and date hints.
const MAX_HINT_BYTES: usize = 256;

/// The hint kinds (bits) found in a lower-case class / id string.
fn hint_kinds(v: &[u8]) -> u8 {
    let mut kinds = 0u8;
    for (i, w) in v.windows(2).enumerate() {
        if !hints::has_pair(&HINTS.pairs, w[0], w[1]) {
            continue;
        }
        let rest = &v[i..];
        for (h, kind) in &HINTS.by_first[w[0] as usize] {
            if kinds & kind == 0 && rest.starts_with(h) {
                kinds |= kind;
            }
        }
    }
    kinds
}

fn scan<'a>(doc: &Document<'a>) -> Scan<'a> {
    let mut s = Scan::default();
    // The class / id / rel values of one element, and the hint kinds of each value seen on
    // the page (values repeat from element to element).
    let mut hint_vals: Vec<&'a str> = Vec::new();
    let mut kinds_of: HashMap<&'a str, u8, hints::WordHashBuild> =
        HashMap::with_capacity_and_hasher(hints::CLASS_CACHE_CAPACITY, Default::default());
    for id in doc.elements() {
        let Some(tag) = doc.tag(id) else { continue };
        match tag.as_bytes() {
            b"html" => {
                s.html_lang = doc.attr(id, "lang").map(|v| v.to_string());
                if s.html_lang.is_none() {
                    s.html_lang = doc.attr(id, "xml:lang").map(|v| v.to_string());
                }
                s.dir = s.dir.or_else(|| dir_attr(doc, id));
            }
            // (`<body>` is inside `<html>`: its direction is the one its text takes.)
            b"body" => s.dir = dir_attr(doc, id).or(s.dir),
            b"meta" => {
                // (Microdata writes a date's value in `datetime`: `<meta itemprop="dateModified"
                // datetime="2018-02-06">`.)
                let content = doc.attr(id, "content").or_else(|| doc.attr(id, "datetime"));
                let Some(content) = content else { continue };
                // A key attribute may list several keys ("og:title twitter:title"): the value
                // is each one's, once per field.
                let mut fields: Vec<Field> = Vec::new();
                for attr in ["property", "name", "itemprop", "http-equiv"] {
                    let Some(keys) = doc.attr(id, attr) else {
                        continue;
                    };
                    for k in keys.split_ascii_whitespace().take(MAX_META_KEYS) {
                        let k = k.to_ascii_lowercase();
                        let Some((field, rank)) =
                            META_KEYS.get(&k).copied().or_else(|| date_key(&k))
                        else {
                            continue;
                        };
                        if fields.contains(&field) {
                            continue;
                        }
                        fields.push(field);
                        // A byline written as markup ("By <a href=…>Amir Vera</a>, …"): its text.
                        let value = if field == Field::Author && content.contains('<') {
                            collapse(&without_tags(&content))
                        } else {
                            collapse(&content)
                        };
                        if !value.is_empty() {
                            s.metas.push(MetaVal {
                                field,
                                rank,
                                value,
                                span: doc.span(id),
                            });
                        }
                    }
                    if !fields.is_empty() {
                        break;
                    }
                }
            }
            // An icon's `<title>` inside `<svg>` labels the icon, not the page.
            b"title" if s.title.is_none() && !in_svg(doc, id) => {
                let raw = doc.raw_inner(id);
                let t = collapse(&super::dom::decode_entities(cut(raw, 4096)));
                if !t.is_empty() {
                    s.title = Some((t, doc.span(id)));
                }
            }
            b"script" => {
                let ty = doc.attr(id, "type");
                if ty.is_some_and(|t| t.trim().eq_ignore_ascii_case("application/ld+json")) {
                    s.ld.push((doc.raw_inner(id), doc.span(id)));
                }
            }
            b"link" => {
                if let Some(rel) = doc.attr(id, "rel")
                    && rel
                        .split_ascii_whitespace()
                        .any(|r| r.eq_ignore_ascii_case("canonical"))
                    && s.canonical.is_none()
                    && let Some(h) = doc.attr(id, "href")
                    && !h.trim().is_empty()
                {
                    s.canonical = Some(h.trim().to_string());
                    s.canonical_span = doc.span(id);
                }
            }
            b"h1" if s.h1.len() < MAX_H1 => s.h1.push(id),
            b"h2" if s.first_h2.is_none() => s.first_h2 = Some(id),
            b"time" if s.times.len() < MAX_CANDIDATES => s.times.push(id),
            // hAtom's date: `<abbr class="published" title="2016-11-12T10:00:00+01:00">Nov
            // 12</abbr>`, read as a `<time>` whose `datetime` is the title.
            b"abbr" if s.times.len() < MAX_CANDIDATES && is_hatom_date(doc, id) => s.times.push(id),
            b"article" | b"main" if s.article.is_none() => s.article = Some(id),
            b"a" if s.author_links.len() < MAX_CANDIDATES
                && doc.attr_raw(id, "href").is_some_and(may_be_author_page) =>
            {
                s.author_links.push(id)
            }
            _ => {}
        }
        // One pass over the attributes: microdata, and class / id / rel hints.
        hint_vals.clear();
        // (Raw values: only the four attributes read here are decoded.)
        for (name, raw) in doc.attrs_raw(id) {
            if name.len() > 8 || name.len() < 2 {
                continue;
            }
            if name.eq_ignore_ascii_case("itemprop") {
                // (A list of names: `itemprop="author name"` is the author's name.)
                let v = super::dom::decode_entities(raw);
                if let Some(p) = v.split_ascii_whitespace().find_map(|p| {
                    let p = p.to_ascii_lowercase();
                    matches!(
                        p.as_str(),
                        "headline" | "datepublished" | "datemodified" | "datecreated" | "author"
                    )
                    .then_some(p)
                }) && s.props.len() < MAX_CANDIDATES * 4
                {
                    s.props.push((p, id));
                }
            } else if name.eq_ignore_ascii_case("class")
                || name.eq_ignore_ascii_case("id")
                || name.eq_ignore_ascii_case("rel")
            {
                if name.len() == 3
                    && tag == "a"
                    && s.tag_links.len() < MAX_TAGS
                    && raw
                        .split_ascii_whitespace()
                        .any(|r| r.eq_ignore_ascii_case("tag"))
                    // (WordPress marks a post's category `rel="category tag"`: a section.)
                    && !raw
                        .split_ascii_whitespace()
                        .any(|r| r.eq_ignore_ascii_case("category"))
                    && name.eq_ignore_ascii_case("rel")
                {
                    s.tag_links.push(id);
                }
                hint_vals.push(raw);
            }
        }
        // A custom `<author>` element is a byline by its name.
        if tag.as_bytes() == b"author" && s.bylines.len() < MAX_CANDIDATES {
            s.bylines.push(id);
            continue;
        }
        if hint_vals.is_empty()
            || matches!(tag.as_bytes(), b"html" | b"body" | b"meta" | b"link")
            || (s.bylines.len() >= MAX_CANDIDATES && s.datelines.len() >= MAX_CANDIDATES)
        {
            continue;
        }
        // (No fragment holds a space, so the kinds of the values are those of each value.)
        let mut kinds = 0u8;
        for raw in &hint_vals {
            kinds |= *kinds_of.entry(raw).or_insert_with(|| {
                let v = super::dom::decode_entities(raw);
                // (Lowercased on the stack: most values are new to the page.)
                let v = cut(&v, MAX_HINT_BYTES).as_bytes();
                let mut buf = [0u8; MAX_HINT_BYTES];
                let lower = &mut buf[..v.len()];
                lower.copy_from_slice(v);
                lower.make_ascii_lowercase();
                hint_kinds(lower)
            });
        }
        if kinds & HINT_TITLE != 0 && s.title_el.is_none() {
            s.title_el = Some(id);
        }
        if kinds & HINT_DECK != 0 && s.decks.len() < MAX_DECKS {
            s.decks.push(id);
        }
        if kinds & HINT_SKIP != 0 {
            continue;
        }
        if s.bylines.len() < MAX_CANDIDATES && kinds & HINT_BYLINE != 0 {
            s.bylines.push(id);
        }
        if s.datelines.len() < MAX_CANDIDATES
            && kinds & HINT_DATE != 0
            && doc.span(id).len() <= MAX_LINE_ELEMENT
        {
            s.datelines.push(id);
        }
    }
    s
}

/// Segments a writer's page address may open with before its writer word: a language
/// ("/en/author/jane-doe", "/ar/author/…", "/pt-br/autor/…").
fn is_lang_segment(seg: &str) -> bool {
    let (lang, region) = seg.split_once('-').unwrap_or((seg, "xx"));
    lang.len() == 2
        && lang.chars().all(|c| c.is_ascii_alphabetic())
        && region.len() == 2
        && region.chars().all(|c| c.is_ascii_alphabetic())
}

/// Last segments after a writer word that name a listing, not a writer ("/staff/directory",
/// "/people/search").
const NOT_A_WRITER: [&str; 9] = [
    "directory",
    "search",
    "list",
    "all",
    "index",
    "date",
    "page",
    "settings",
    "login",
];

/// True when a link's address is a writer's own page on the site: after an optional language
/// segment, a writer word from `author_path` in `data/meta_words.tsv` and one more segment,
/// the writer's ("/author/jane-doe/", "https://example.com/by/p535y1"); not an index of
/// writers ("/authors/"), a listing ("/staff/directory"), an archive ("/by/date/2024") or a
/// topic ("/topics/people/elon-musk"). An absolute address must be on the page's `host` (a
/// profile on a social network names whoever it names, not the page's writer).
///
/// ```
/// # use marsad_extract::html::meta::is_author_page;
/// let host = Some("www.example.com");
/// assert!(is_author_page("/author/jane-doe/", host));
/// assert!(is_author_page("https://example.com/profiles/amir-vera", host));
/// assert!(is_author_page("/ar/author/ahmed-ali?ref=https://t.co/x", host));
/// assert!(is_author_page("/by/jane-doe", host));
/// assert!(!is_author_page("/authors/", host));
/// assert!(!is_author_page("/topics/people/elon-musk", host));
/// assert!(!is_author_page("/by/date/2024", host));
/// assert!(!is_author_page("/staff/directory", host));
/// assert!(!is_author_page("https://bsky.app/profile/celphase.bsky.social", host));
/// assert!(!is_author_page("https://example.com/author/jane-doe", None));
/// ```
pub fn is_author_page(href: &str, host: Option<&str>) -> bool {
    let (link_host, path) = split_href(href);
    if let Some(link_host) = link_host {
        let bare = |x: &str| x.strip_prefix("www.").unwrap_or(x).to_ascii_lowercase();
        if host.is_none_or(|p| bare(p) != bare(link_host)) {
            return false;
        }
    }
    author_path_ok(path)
}

/// A link's address as its host (`None` for a relative address) and its path, less the query
/// and fragment (an address in them is not the link's).
fn split_href(href: &str) -> (Option<&str>, &str) {
    let h = href.trim();
    let h = &h[..h
        .bytes()
        .position(|b| b == b'?' || b == b'#')
        .unwrap_or(h.len())];
    // (The scheme's colon is the first: a colon before it would not be a scheme's letter.)
    let scheme_end = h.find(':').filter(|&p| {
        p > 0
            && h[p..].starts_with("://")
            && h[..p]
                .bytes()
                .all(|c| c.is_ascii_alphanumeric() || matches!(c, b'+' | b'-' | b'.'))
    });
    match scheme_end
        .map(|p| &h[p + 3..])
        .or_else(|| h.strip_prefix("//"))
    {
        Some(rest) => {
            let (host, path) = rest.split_at(rest.find('/').unwrap_or(rest.len()));
            (Some(host.split(':').next().unwrap_or("")), path)
        }
        None => (None, h),
    }
}

/// True when a path is `[lang/]word/writer` ([`is_author_page`]); read without allocating,
/// as it is asked of every link of a page.
fn author_path_ok(path: &str) -> bool {
    let mut segs = path.split('/').filter(|x| !x.is_empty());
    let (a, b, c, d) = (segs.next(), segs.next(), segs.next(), segs.next());
    let (word, writer) = match (a, b, c, d) {
        // ("/by/jane-doe": a writer word may look like a language too.)
        (Some(lang), Some(w), Some(x), None) if is_lang_segment(lang) => (w, x),
        (Some(w), Some(x), None, _) => (w, x),
        _ => return false,
    };
    WORDS
        .author_path
        .iter()
        .any(|a| word.eq_ignore_ascii_case(a))
        && !writer.bytes().all(|c| c.is_ascii_digit())
        && !NOT_A_WRITER.iter().any(|n| writer.eq_ignore_ascii_case(n))
}

/// True when a link's address could be a writer's own page ([`is_author_page`] on any host):
/// the cheap test the element scan keeps candidates by.
fn may_be_author_page(href: &str) -> bool {
    author_path_ok(split_href(href).1)
}

/// True when a lower-case word or phrase opens a byline ("by", "بقلم": `byline_prefix` in
/// `data/meta_words.tsv`).
pub(crate) fn is_byline_prefix(w: &str) -> bool {
    WORDS.byline_prefix.iter().any(|p| p == w)
}

/// Most deck elements kept from a page.
const MAX_DECKS: usize = 8;
/// Most elements between the headline and its deck.
const DECK_AFTER_HEADLINE: u32 = 40;
/// Shortest and longest deck (characters).
const DECK_CHARS: std::ops::RangeInclusive<usize> = 20..=400;

/// The story's deck (standfirst): the first element classed as one ("standfirst",
/// "article__subhead": `deck_class` in `data/meta_words.tsv`) standing a few elements after
/// the headline `h`, holding a phrase (not the title again). It stays in the body: it is the
/// article's first lines.
fn deck_under(
    doc: &Document<'_>,
    decks: &[NodeId],
    h: NodeId,
    title: Option<&Text>,
) -> Option<Text> {
    let &d = decks.iter().find(|&&d| {
        d.0 > h.0 && d.0 - h.0 <= DECK_AFTER_HEADLINE && doc.span(d).start >= doc.span(h).end
    })?;
    let text = collapse(&line_text(doc, d)?);
    let n = text.chars().count();
    if !DECK_CHARS.contains(&n) || title.is_some_and(|t| key(&t.text) == key(&text)) {
        return None;
    }
    // A byline classed as a subtitle ("By MixmasterFred in Workshop", "By Jane Doe | Updated
    // 5 March 2024, 10:42 a.m.") is no deck; a sentence opening on a byline's words and not on
    // names after them is one ("Analysis by Goldman Sachs economists suggests the Fed will cut
    // rates twice this year.", "Von der Leyen und Macron einigen sich …", "Par ailleurs, …").
    if let Some(words) = byline_words(&text)
        && (!is_sentence(&text) || names_after(&text, words))
    {
        return None;
    }
    Some(Text::new(text, doc.span(d)))
}

/// How many words of the byline words (`byline_prefix`) open `text`, the longest that match
/// ("Analysis by" is two), or `None` when none does.
fn byline_words(text: &str) -> Option<usize> {
    let lower = text.to_lowercase();
    WORDS
        .byline_prefix
        .iter()
        .filter(|p| clean::starts_word(&lower, p).is_some())
        .map(|p| p.split_whitespace().count())
        .max()
}

/// True when what follows the first `words` words of `text`, up to the first comma, bar or
/// dot, reads as names: capitalised, or in a script without case, and short ("By Jane Doe and
/// John Roe | Updated …"), not the rest of a sentence ("Par ailleurs, …", "Von der Leyen und
/// Macron einigen sich …").
fn names_after(text: &str, words: usize) -> bool {
    let rest = text
        .split_whitespace()
        .skip(words)
        .collect::<Vec<_>>()
        .join(" ");
    let head = rest
        .split([',', '|', '•', '·', ';', '،'])
        .next()
        .unwrap_or("")
        .trim_start_matches(|c: char| c.is_whitespace() || c == ':' || c == '-');
    let capital = head
        .chars()
        .find(|c| c.is_alphabetic())
        .is_some_and(|c| c.is_uppercase() || !c.is_lowercase());
    capital && clean::looks_like_name(head.trim())
}

/// Fewest words of a line [`is_sentence`] takes for a sentence.
const MIN_SENTENCE_WORDS: usize = 8;

/// True when `text` reads as a sentence, not a label or a byline: [`MIN_SENTENCE_WORDS`]
/// words or more, closed by a sentence's end.
fn is_sentence(text: &str) -> bool {
    text.split_whitespace().count() >= MIN_SENTENCE_WORDS
        && text.trim_end().ends_with(['.', '!', '?', '…', '؟', '。'])
}

/// Most ancestors of the article's element looked at for a `dir`.
const MAX_DIR_DEPTH: usize = 64;

/// The direction set on the article's element or the nearest element around it (`<main
/// dir="rtl">`): it wins over the root's, as the nearest `dir` does in a browser.
///
/// ```
/// use marsad_extract::html::{dom::Document, meta::dir_around};
/// let doc = Document::parse("<body><main dir=rtl><article><p>نص</p></article></main></body>");
/// let p = doc.elements().find(|&e| doc.tag(e) == Some("p")).unwrap();
/// assert_eq!(dir_around(&doc, p), Some(marsad_model::Dir::Rtl));
/// ```
pub fn dir_around(doc: &Document<'_>, node: NodeId) -> Option<Dir> {
    let mut cur = Some(node);
    for _ in 0..MAX_DIR_DEPTH {
        let c = cur?;
        if let Some(d) = dir_attr(doc, c) {
            return Some(d);
        }
        cur = doc.parent(c);
    }
    None
}

fn dir_attr(doc: &Document<'_>, id: NodeId) -> Option<Dir> {
    let d = doc.attr(id, "dir")?;
    match d.trim().to_ascii_lowercase().as_str() {
        "rtl" => Some(Dir::Rtl),
        "ltr" => Some(Dir::Ltr),
        _ => None,
    }
}

/// The best `<meta>` value of a field (lowest rank).
fn meta_best(metas: &[MetaVal], field: Field) -> Option<&MetaVal> {
    metas
        .iter()
        .filter(|m| m.field == field)
        .min_by_key(|m| m.rank)
}

/// Primary language subtag of a BCP 47 tag or locale (`en-US`, `ar_SY` → `en`, `ar`).
fn primary_lang(tag: &str) -> Option<String> {
    let p = tag.trim().split(['-', '_']).next()?.to_ascii_lowercase();
    if (2..=3).contains(&p.len()) && p.chars().all(|c| c.is_ascii_alphabetic()) {
        Some(p)
    } else {
        None
    }
}

/// Whether ambiguous numeric dates read day first: every locale but US English.
fn day_first(lang_tag: Option<&str>) -> bool {
    match lang_tag {
        None => false,
        Some(t) => {
            let t = t.trim().to_ascii_lowercase().replace('_', "-");
            !(t == "en" || t.starts_with("en-us") || t.is_empty())
        }
    }
}

/// Names a site's front page goes by as the last part of its path ("/index.html").
const HOME_FILES: [&str; 8] = [
    "index.html",
    "index.htm",
    "index.php",
    "index.shtml",
    "index.asp",
    "index.aspx",
    "default.asp",
    "default.aspx",
];

/// True when `url` is a site's home page: no path beyond "/" (or a language root such as
/// "/en/"), no query; the front page's own file name ("/index.html", "/ar/index.php") may
/// close the path.
///
/// ```
/// # use marsad_extract::html::meta::is_home;
/// assert!(is_home("https://www.example.com/"));
/// assert!(is_home("https://example.com/ar/"));
/// assert!(is_home("https://example.com/index.html"));
/// assert!(is_home("https://example.com/ar/Default.aspx"));
/// assert!(!is_home("https://example.com/news/index.html"));
/// assert!(!is_home("https://example.com/2024/05/01/story"));
/// assert!(!is_home("https://example.com/index.php?/topic/1-story/"));
/// ```
pub fn is_home(url: &str) -> bool {
    let rest = url.split_once("://").map_or(url, |(_, r)| r);
    let rest = rest.split('#').next().unwrap_or("");
    if rest.contains('?') {
        return false;
    }
    let path = rest.find('/').map_or("", |i| &rest[i..]);
    let mut segs: Vec<&str> = path.split('/').filter(|s| !s.is_empty()).collect();
    if segs
        .last()
        .is_some_and(|f| HOME_FILES.iter().any(|h| h.eq_ignore_ascii_case(f)))
    {
        segs.pop();
    }
    match segs.as_slice() {
        [] => true,
        [one] => primary_lang(one).is_some_and(|l| l.len() == 2) && one.len() <= 5,
        _ => false,
    }
}

/// The page's canonical URL, absolute whenever the page or the caller gives a base.
///
/// `<link rel=canonical>` comes first; a relative one ("/article/x") is resolved against the
/// caller's URL, else `og:url` when that is absolute. With neither, an absolute `og:url` is
/// the better answer than a bare path, and a bare path the last.
fn canonical_url(link: Option<&str>, og_url: Option<&str>, hint: Option<&str>) -> Option<String> {
    let absolute = |u: &str| u.contains("://");
    let link = link.map(str::trim).filter(|l| !l.is_empty());
    let og_url = og_url.map(str::trim).filter(|u| !u.is_empty());
    match link {
        Some(l) if absolute(l) => Some(l.to_string()),
        Some(l) => match hint
            .filter(|h| absolute(h))
            .or(og_url.filter(|u| absolute(u)))
        {
            Some(base) => Some(super::resolve_url(base, l)),
            None => Some(l.to_string()),
        },
        None => og_url.map(str::to_string),
    }
}

pub(crate) fn host_of(url: &str) -> Option<&str> {
    let rest = url.split_once("://").map_or(url, |(_, r)| r);
    let host = rest.split(['/', '?', '#', ':']).next()?;
    if host.contains('.') { Some(host) } else { None }
}

/// Text of an element when it is small enough to be a line of metadata. Unlike
/// `Document::text_of`, every text node is separated by a space, so inline pieces set apart
/// by style ("<span>Jane Doe</span><span>May 1</span>") do not run together.
fn line_text(doc: &Document<'_>, id: NodeId) -> Option<String> {
    line_text_without(doc, id, None)
}

/// [`line_text`] without the text inside `skip` (a part of the element).
fn line_text_without(doc: &Document<'_>, id: NodeId, skip: Option<NodeId>) -> Option<String> {
    if doc.span(id).len() > MAX_LINE_ELEMENT {
        return None;
    }
    let mut out = String::new();
    if doc.is_text(id) {
        out.push_str(&doc.text(id));
    } else {
        for d in doc.descendants(id) {
            if doc.is_text(d) && skip.is_none_or(|s| !doc.contains(s, d)) {
                out.push(' ');
                out.push_str(&doc.text(d));
            }
            if out.len() > MAX_LINE_TEXT * 2 {
                return None;
            }
        }
    }
    let t = collapse(&out);
    if t.is_empty() || t.len() > MAX_LINE_TEXT {
        return None;
    }
    Some(t)
}

/// The text of a byline element without the parts classed as a job title (`<div
/// class="author-title">Games Editor</div>` under the name: `data/meta_words.tsv`,
/// `role_class`); its whole text when nothing else is left.
fn byline_text(doc: &Document<'_>, id: NodeId) -> Option<String> {
    let is_role = |d: NodeId| {
        doc.attr_raw(d, "class").is_some_and(|v| {
            v.split(|c: char| !c.is_ascii_alphanumeric())
                .any(|t| WORDS.role_class.iter().any(|w| t.eq_ignore_ascii_case(w)))
        })
    };
    if doc.span(id).len() > MAX_LINE_ELEMENT {
        return None;
    }
    doc.descendants(id)
        .find(|&d| doc.is_element(d) && is_role(d))
        .and_then(|role| line_text_without(doc, id, Some(role)))
        .or_else(|| line_text(doc, id))
}

/// Reads the page's metadata. `input` is the text `doc` was parsed from (spans index into it);
/// `opts.url` fills [`Meta::url`] and helps strip site names from titles.
///
/// ```
/// use marsad_extract::html::dom::Document;
/// use marsad_extract::html::meta::read;
/// use marsad_extract::Options;
/// let page = r#"<html><head><script type="application/ld+json">{"@type":"NewsArticle",
///   "headline":"دمشق تستضيف المعرض","datePublished":"2024-05-01T10:00:00+03:00",
///   "author":{"@type":"Person","name":"سارة أحمد"},}</script></head><body></body></html>"#;
/// let doc = Document::parse(page);
/// let m = read(&doc, page, &Options::default());
/// assert_eq!(m.title.unwrap().text, "دمشق تستضيف المعرض");
/// assert_eq!(m.published.unwrap().utc.as_deref(), Some("2024-05-01T07:00:00Z"));
/// assert_eq!(m.authors[0].text, "سارة أحمد");
/// ```
pub fn read(doc: &Document<'_>, input: &str, opts: &Options) -> Meta {
    let s = scan(doc);
    let bodies: Vec<&str> = s.ld.iter().map(|(b, _)| *b).collect();
    let ld = jsonld::read(&bodies);
    let ld_span = s.ld.first().map(|(_, sp)| *sp).unwrap_or_default();
    // The longest articleBody of any script, with its spans in the input.
    let ld_body =
        s.ld.iter()
            .filter_map(|(raw, _)| {
                // (The script's text is a slice of the input.)
                let base = (raw.as_ptr() as usize)
                    .checked_sub(input.as_ptr() as usize)
                    .filter(|b| b + raw.len() <= input.len())?;
                let ps = jsonld::article_body(raw)
                    .into_iter()
                    .map(|(t, r)| Text::new(t, Span::new(base + r.start, base + r.end)))
                    .collect::<Vec<_>>();
                Some(ps)
            })
            .max_by_key(|ps| ps.iter().map(|t| t.text.len()).sum::<usize>())
            .unwrap_or_default();
    let main = ld.main();
    let mut m = Meta {
        author_bios: main.map(|it| it.author_bios.clone()).unwrap_or_default(),
        faq: ld.questions().into_iter().map(collapse).collect(),
        ld_body,
        ..Meta::default()
    };

    // Site names.
    let mut sites: Vec<String> = Vec::new();
    // A publisher key often holds the publisher's page (`article:publisher` is a Facebook
    // URL on most news sites): only a name names the site.
    let named = |v: &&MetaVal| {
        v.field == Field::Site
            && !v.value.contains("://")
            && v.value.chars().any(char::is_alphanumeric)
    };
    for v in [
        s.metas
            .iter()
            .filter(named)
            .min_by_key(|m| m.rank)
            .map(|v| v.value.clone()),
        ld.site.clone(),
        main.and_then(|it| it.publisher.clone()),
    ]
    .into_iter()
    .flatten()
    {
        let v = collapse(&v);
        // (A JSON-LD publisher "named" by its URL names no site either.)
        if !v.is_empty() && !v.contains("://") && !sites.contains(&v) {
            sites.push(v);
        }
    }
    for v in s.metas.iter().filter(named) {
        if !sites.contains(&v.value) {
            sites.push(v.value.clone());
        }
    }
    // A name given with its tagline in one place ("Aktuálně.cz - Víte, co se právě děje") and
    // alone in another ("Aktuálně.cz") is the name alone.
    const TAGLINE_SEPS: [&str; 5] = [" - ", " | ", " – ", " — ", ": "];
    m.site = sites.first().map(|first| {
        sites
            .iter()
            .find(|o| {
                !TAGLINE_SEPS.iter().any(|sep| o.contains(sep))
                    && first.strip_prefix(o.as_str()).is_some_and(|rest| {
                        TAGLINE_SEPS
                            .iter()
                            .any(|sep| rest.starts_with(sep) && rest.len() > sep.len())
                    })
            })
            .unwrap_or(first)
            .clone()
    });

    // URLs.
    m.canonical_url = canonical_url(
        s.canonical.as_deref(),
        meta_best(&s.metas, Field::Url).map(|v| v.value.as_str()),
        opts.url.as_deref(),
    );
    m.url = opts.url.clone().or_else(|| m.canonical_url.clone());
    let host = m.url.as_deref().and_then(host_of).map(str::to_string);

    // Language and direction.
    let lang_tag = s
        .html_lang
        .clone()
        .filter(|l| primary_lang(l).is_some())
        .or_else(|| meta_best(&s.metas, Field::Locale).map(|v| v.value.clone()))
        .or_else(|| main.and_then(|it| it.lang.clone()));
    // Only the declared language: an undeclared one is identified from the article's text
    // once it is known (`html::extract`), a sample a headline is too short to be.
    m.lang = lang_tag.as_deref().and_then(primary_lang);
    let dfirst = day_first(lang_tag.as_deref());

    // Title.
    m.title = pick_title(doc, &s, main, &ld, &sites, m.url.as_deref(), ld_span).map(|mut t| {
        m.title_from_h2 = s.first_h2.is_some_and(|h| doc.span(h) == t.span);
        // A headline element taken for want of any other is read: it leaves the text.
        if s.title_el.is_some_and(|h| doc.span(h) == t.span) {
            m.consumed.push(t.span);
        }
        t.text = clean::tidy_title(clean::without_count(&t.text));
        t
    });
    // The headline taken from after a kicker in its h1: the kicker.
    m.kicker = m.title.as_ref().and_then(|t| {
        s.h1.iter()
            .find(|&&h| doc.span(h) == t.span)
            .and_then(|&h| h1_kicker(doc, h))
            .filter(|(_, rest)| key(&clean::tidy_title(rest)) == key(&t.text))
            .map(|(k, _)| k)
    });
    // No site name declared: the part the page title adds after the headline names the site
    // ("Personal Training - UT RecSports", "… | سكاي نيوز عربية"). Several declared: the one
    // that part names wins (an og:site_name "U.S." beside a JSON-LD publisher "Reuters" and
    // "… | Reuters").
    if let (Some((t, _)), Some(h)) = (&s.title, &m.title)
        && let Some(after) = site_after_headline(t, &h.text)
    {
        match &m.site {
            None => m.site = Some(after),
            Some(first) if key(first) != key(&after) => {
                if let Some(named) = sites.iter().find(|v| key(v) == key(&after)) {
                    m.site = Some(named.clone());
                }
            }
            _ => {}
        }
    }
    // Still none: a part of the page title written as a domain ("sitemaps.org - Home").
    if m.site.is_none()
        && let Some((t, _)) = &s.title
    {
        m.site = domain_in_title(t);
    }
    // A home page's h1 opens its content (a landing page's banner): it stays in the body.
    if let Some(t) = &m.title
        && !m.url.as_deref().is_some_and(is_home)
        && s.h1
            .iter()
            .any(|&h| doc.span(h).start <= t.span.start && t.span.end <= doc.span(h).end)
    {
        m.consumed.push(t.span);
    }
    if let Some(it) = main
        && let Some(a) = &it.alt_headline
    {
        let a = collapse(a);
        if !a.is_empty() && m.title.as_ref().is_none_or(|t| key(&t.text) != key(&a)) {
            m.subtitle = Some(Text::new(a, ld_span));
        }
    }
    // Neither declared: the direction is read from the article's text by `html::extract`.
    m.dir = s.dir.or(m.lang.as_deref().map(|l| match l {
        "ar" | "fa" | "ur" | "he" | "iw" | "ps" | "ckb" | "yi" | "dv" | "sd" | "ug" => Dir::Rtl,
        _ => Dir::Ltr,
    }));

    // The headline element, for "near the headline" searches.
    let headline = m.title.as_ref().and_then(|t| {
        s.h1.iter()
            .copied()
            .find(|&h| doc.span(h).start <= t.span.start && t.span.end <= doc.span(h).end)
    });

    if m.subtitle.is_none()
        && let Some(h) = headline
    {
        m.subtitle = deck_under(doc, &s.decks, h, m.title.as_ref());
    }

    // Without a headline element or an article, the visible text that repeats the title
    // (a legend, a div) marks where the article starts.
    let title_node = if headline.is_none() && s.article.is_none() {
        m.title.as_ref().and_then(|t| text_node_with(doc, &t.text))
    } else {
        None
    };

    // Dates.
    let (published, modified, shown, date_spans) =
        pick_dates(doc, &s, main, &ld, ld_span, headline, title_node, dfirst);
    // No date on the page: the day its URL's path gives ("/2017/09/01/slug"), as a day.
    m.published = published.or_else(|| {
        let (day, span) = [
            (m.canonical_url.as_deref(), s.canonical_span),
            (m.url.as_deref(), Span::default()),
        ]
        .into_iter()
        .find_map(|(u, sp)| Some((date::url_day(u?)?, sp)))?;
        date::stamp_of(&day, span, false)
    });
    m.modified = modified;
    m.shown = shown;
    m.consumed.extend(date_spans);

    // Authors (never the site, however it was named).
    if let Some(site) = &m.site
        && !sites.contains(site)
    {
        sites.push(site.clone());
    }
    let (authors, byline_spans) = pick_authors(
        doc,
        &s,
        main,
        &ld.items,
        ld_span,
        headline,
        &sites,
        host.as_deref(),
        declares_article(&s, main),
    );
    m.authors = authors;
    m.consumed.extend(byline_spans);
    // A byline that is a dateline (the nearest the headline): metadata, not text. (Its place
    // is one of the Arabic lexicon's: only an Arabic headline's page is searched.)
    if m.title.as_ref().is_some_and(|t| date::has_arabic(&t.text))
        && let Some((d, span)) = byline_order(&s, headline).into_iter().find_map(|id| {
            let text = line_text(doc, id)?;
            let d = clean::byline_dateline(&text)?.dateline;
            Some((d, doc.span(id)))
        })
    {
        m.consumed.push(span);
        m.dateline = Some(Dateline { span, ..d });
    }

    // Tags, image, description, type.
    let mut tags: Vec<String> = Vec::new();
    for v in s.metas.iter().filter(|v| v.field == Field::Tags) {
        for t in v.value.split(',') {
            let t = collapse(t);
            if !t.is_empty() && tags.len() < MAX_TAGS && !tags.contains(&t) {
                tags.push(t);
            }
        }
    }
    if let Some(it) = main {
        for t in &it.keywords {
            let t = collapse(t);
            if !t.is_empty() && tags.len() < MAX_TAGS && !tags.contains(&t) {
                tags.push(t);
            }
        }
    }
    // Without declared tags, the links the page marks as its tags (`rel="tag"`), inside its
    // article when it has one.
    if tags.is_empty() {
        for &id in &s.tag_links {
            if s.article.is_some_and(|a| !doc.contains(a, id)) {
                continue;
            }
            let t = collapse(&doc.text_of(id));
            if !t.is_empty() && t.len() <= MAX_TAG_BYTES && !tags.contains(&t) {
                tags.push(t);
            }
        }
    }
    m.tags = tags;
    m.image = meta_best(&s.metas, Field::Image)
        .map(|v| v.value.clone())
        .or_else(|| main.and_then(|it| it.image.clone()));
    m.description = meta_best(&s.metas, Field::Description)
        .map(|v| v.value.clone())
        .or_else(|| main.and_then(|it| it.description.as_deref().map(collapse)));
    m.page_type = main
        .map(|it| it.kind.clone())
        .filter(|k| !k.is_empty())
        .or_else(|| meta_best(&s.metas, Field::Type).map(|v| v.value.clone()));
    m.consumed.sort();
    m.consumed.dedup();
    let _ = input;
    m
}

/// Most text nodes looked at for one that repeats the title.
pub const MAX_TITLE_SEARCH: usize = 4_096;

/// The first visible text node whose words are those of `title` (a title set in a `<legend>`
/// or `<div>` rather than a heading).
fn text_node_with(doc: &Document<'_>, title: &str) -> Option<NodeId> {
    let k = key(title);
    if k.is_empty() {
        return None;
    }
    (0..doc.len().min(u32::MAX as usize) as u32)
        .map(NodeId)
        .filter(|&id| doc.is_text(id))
        .take(MAX_TITLE_SEARCH)
        .find(|&id| {
            let t = doc.text(id);
            t.len() < k.len() * 2 + 16 && key(&t) == k && !in_head(doc, id)
        })
}

/// True when `id` sits inside `<head>`, `<script>`, `<style>` or `<title>`.
fn in_head(doc: &Document<'_>, id: NodeId) -> bool {
    let mut cur = doc.parent(id);
    let mut depth = 0;
    while let Some(p) = cur {
        if doc
            .tag(p)
            .is_some_and(|t| matches!(t, "head" | "script" | "style" | "title" | "noscript"))
        {
            return true;
        }
        depth += 1;
        if depth > 256 {
            return false;
        }
        cur = doc.parent(p);
    }
    false
}

/// Most ancestors walked up when looking for an enclosing element.
pub const MAX_ANCESTORS: usize = 256;

/// True when `id` sits inside an `<svg>` element.
fn in_svg(doc: &Document<'_>, id: NodeId) -> bool {
    let mut cur = doc.parent(id);
    for _ in 0..MAX_ANCESTORS {
        let Some(p) = cur else { return false };
        if doc.tag(p).is_some_and(|t| t.eq_ignore_ascii_case("svg")) {
            return true;
        }
        cur = doc.parent(p);
    }
    false
}

/// Least share of words (Jaccard) an `<h1>` must have in common with the page title to be
/// taken as the headline when no metadata title agrees with it.
pub const MIN_TITLE_OVERLAP: f64 = 0.15;

/// Jaccard overlap of the word sets of two texts (comparison keys), a plural counting as its
/// singular ("Laptop / Notebook" shares both its words with "Best Laptops & Notebooks").
fn word_overlap(a: &str, b: &str) -> f64 {
    let (ka, kb) = (key(a), key(b));
    let wa: std::collections::HashSet<&str> = ka
        .split(' ')
        .filter(|w| !w.is_empty())
        .map(singular)
        .collect();
    let wb: std::collections::HashSet<&str> = kb
        .split(' ')
        .filter(|w| !w.is_empty())
        .map(singular)
        .collect();
    let union = wa.union(&wb).count();
    if union == 0 {
        return 0.0;
    }
    wa.intersection(&wb).count() as f64 / union as f64
}

/// Shortest word whose closing "s" is taken for a plural ending.
pub const MIN_PLURAL_LEN: usize = 4;

/// A word (comparison key) less a plural "s" ("laptops" -> "laptop"); "ss" ("business") and
/// short words ("its", "bus") are kept.
fn singular(w: &str) -> &str {
    match w.strip_suffix('s') {
        Some(stem) if w.len() >= MIN_PLURAL_LEN && !stem.ends_with('s') => stem,
        _ => w,
    }
}

/// Least share of its words a home page's h1 must have in the page title to be its headline.
pub const MIN_HOME_HEADLINE_SHARE: f64 = 0.5;

/// Share of the words of `a` (comparison keys) that are also words of `b`.
fn word_share(a: &str, b: &str) -> f64 {
    let (ka, kb) = (key(a), key(b));
    let wa: std::collections::HashSet<&str> = ka.split(' ').filter(|w| !w.is_empty()).collect();
    let wb: std::collections::HashSet<&str> = kb.split(' ').filter(|w| !w.is_empty()).collect();
    if wa.is_empty() {
        return 0.0;
    }
    wa.intersection(&wb).count() as f64 / wa.len() as f64
}

/// Most words of a visible headline that disagrees with the metadata titles: a longer `<h1>`
/// is a paragraph set in a heading (a teaser, a lead), not the page's name.
pub const MAX_HEADLINE_WORDS: usize = 30;

/// Longest label before a headline in an h1 ("Thread:", "Title:", a forum prefix tag), in words.
pub const MAX_LABEL_WORDS: usize = 2;

/// When `h1` is `title` behind a short label of at most [`MAX_LABEL_WORDS`] words that holds
/// no digit ("Thread: Title", "Blog: Title"), the headline part of `h1`.
fn labelled<'a>(h1: &'a str, title: &str) -> Option<&'a str> {
    if title.split_whitespace().count() < 2 || !h1.ends_with(title) {
        return None;
    }
    let label = h1[..h1.len() - title.len()].trim();
    let words = label.split_whitespace().count();
    ((1..=MAX_LABEL_WORDS).contains(&words)
        && label.chars().any(char::is_alphabetic)
        && !label.chars().any(|c| c.is_ascii_digit())
        && h1[..h1.len() - title.len()].ends_with(char::is_whitespace))
    .then(|| &h1[h1.len() - title.len()..])
}

/// True when `lead`, the first part of a title, can be its headline before a later part whose
/// comparison key is `later`: at least two words, and no fewer than `later` has.
///
/// ```
/// # use marsad_extract::html::meta::leads_title;
/// assert!(leads_title("Fiercely Strong Coffee", "dark roast coffee"));
/// assert!(leads_title("عنوان الخبر الكامل", "اقتصاد عربي"));
/// assert!(!leads_title("backup", "how to back up my entire system"));
/// assert!(!leads_title("The Objective Dad", "how i built robust local dns services"));
/// ```
pub fn leads_title(lead: &str, later: &str) -> bool {
    let n = key(lead).split(' ').filter(|w| !w.is_empty()).count();
    n >= 2 && n >= later.split(' ').filter(|w| !w.is_empty()).count()
}

/// True when `part` is `title` less a frame set off by punctuation before or after it
/// ("[2512.16245] Headline", "Headline · Site", "Blog: Headline"), not a truncation. A
/// one-word part counts only as the last link of a chain ("Site: Docs: 18: SELECT"), where
/// it cannot be a cut-off start of the title.
fn framed(title: &str, part: &str) -> bool {
    let words = part.split_whitespace().count();
    if words == 0 || part.len() >= title.len() {
        return false;
    }
    let punct = |c: Option<char>| {
        c.is_some_and(|c| !c.is_alphanumeric() && !matches!(c, '(' | ')' | '\'' | '"'))
    };
    if words < 2 {
        return title.strip_suffix(part).is_some_and(|head| {
            head.ends_with(char::is_whitespace) && punct(head.trim_end().chars().last())
        });
    }
    if let Some(rest) = title.strip_prefix(part) {
        return rest.starts_with(char::is_whitespace) && punct(rest.trim_start().chars().next());
    }
    if let Some(head) = title.strip_suffix(part) {
        return head.ends_with(char::is_whitespace) && punct(head.trim_end().chars().last());
    }
    false
}

/// Most digits in one number of a section number ("3.1", "15 -").
pub const MAX_SECTION_DIGITS: usize = 3;

/// Byte length of a section number opening a heading, with the space after it: a dotted
/// number ("3.1 ", "2.4.1. ") or a short number set off by a dash or colon ("15 - "), when
/// a heading of at least two words follows, not starting with a lower-case letter. A year
/// ("2024 - …"), a count ("10 Tips") or a quantity ("3.5 million") is not a section number.
///
/// ```
/// # use marsad_extract::html::meta::section_number_len;
/// assert_eq!(section_number_len("3.1 Git Branching - Branches in a Nutshell"), 4);
/// assert_eq!(section_number_len("15 - Tutorial: Sweep, Loft"), 5);
/// assert_eq!(section_number_len("2.3 مقدمة الكتاب"), 4);
/// assert_eq!(section_number_len("10 Tips for Travel"), 0);
/// assert_eq!(section_number_len("2024 - Pros & Cons"), 0);
/// assert_eq!(section_number_len("3.5 million jobs lost"), 0);
/// ```
pub fn section_number_len(t: &str) -> usize {
    let b = t.as_bytes();
    let mut i = 0;
    let mut groups = 0;
    loop {
        let start = i;
        while i < b.len() && b[i].is_ascii_digit() {
            i += 1;
        }
        let digits = i - start;
        if digits == 0 || digits > MAX_SECTION_DIGITS {
            return 0;
        }
        groups += 1;
        if i + 1 < b.len() && b[i] == b'.' && b[i + 1].is_ascii_digit() {
            i += 1;
            continue;
        }
        break;
    }
    let mut end = i;
    if groups > 1 {
        if b.get(end) == Some(&b'.') {
            end += 1;
        }
    } else {
        // One number: only with a dash or colon after it ("15 - ").
        let rest = &t[end..];
        let trimmed = rest.trim_start();
        let Some(c) = trimmed.chars().next() else {
            return 0;
        };
        if trimmed.len() == rest.len() || !matches!(c, '-' | '–' | '—' | ':') {
            return 0;
        }
        end = t.len() - trimmed.len() + c.len_utf8();
    }
    let rest = &t[end..];
    let after = rest.trim_start();
    if after.len() == rest.len()
        || !after
            .chars()
            .next()
            .is_some_and(|c| c.is_alphabetic() && !c.is_lowercase())
        || after.split_whitespace().count() < 2
    {
        return 0;
    }
    t.len() - after.len()
}

/// The part of a page title after a page-kind label (`page_label` in `data/meta_words.tsv`):
/// "Site • View topic - Headline" names the page "Headline"; the site name and the label are
/// the forum software's frame. `t` as given without such a label, or with nothing after it.
fn after_page_label(t: &str) -> &str {
    let ps = parts(t);
    for w in ps.windows(2) {
        if WORDS.page_label.iter().any(|l| *l == key(w[0])) {
            // Parts are slices of `t`: the headline runs from the next part to the end.
            let start = w[1].as_ptr() as usize - t.as_ptr() as usize;
            if let Some(rest) = t.get(start..) {
                return rest;
            }
        }
    }
    t
}

/// A page title taken as written, site name included ("Site: What we do", "Headline | Site"),
/// less a trailing site name that only repeats a name already in it ("Site: What we do -
/// Site", "Trending on Site today · Site", "News at Site – Site B.V."), and less a forum's
/// frame before a page-kind label ("Site • View topic - Headline", see [`after_page_label`]).
fn as_written<'t>(t: &'t str, sites: &[String], host: Option<&str>) -> &'t str {
    let t = after_page_label(t);
    let ps = parts(t);
    if ps.len() > 1
        && let Some(tail) = ps.last().copied()
        && let Some(head) = t.strip_suffix(tail)
        && is_site(tail, sites, host)
        && format!(" {} ", key(head))
            .contains(&format!(" {} ", clean::without_legal_form(&key(tail))))
    {
        return head.trim_end_matches(|c: char| {
            !c.is_alphanumeric() && c != ')' && c != '?' && c != '!' && c != '.'
        });
    }
    t
}

/// Most words of a site name read from the end of a page title.
const MAX_SITE_WORDS: usize = 5;

/// The last part of a page title when the rest is the headline and it is short and has
/// letters, as a site name ("Personal Training - UT RecSports" with the headline "Personal
/// Training" gives "UT RecSports"); `None` otherwise.
///
/// ```
/// # use marsad_extract::html::meta::site_after_headline;
/// let t = "الإمارات تطلق مبادرة جديدة | سكاي نيوز عربية";
/// assert_eq!(site_after_headline(t, "الإمارات تطلق مبادرة جديدة").as_deref(), Some("سكاي نيوز عربية"));
/// assert_eq!(site_after_headline("Headline | Site", "Other words"), None);
/// assert_eq!(site_after_headline("Headline", "Headline"), None);
/// // A year or a number after the headline names no site.
/// assert_eq!(site_after_headline("Old Blog: 2011", "Old Blog"), None);
/// ```
pub fn site_after_headline(title: &str, headline: &str) -> Option<String> {
    let last = parts(title).last().copied()?;
    // Parts are slices of `title`: the rest is what comes before the last one.
    let at = last.as_ptr() as usize - title.as_ptr() as usize;
    let rest = title
        .get(..at)?
        .trim_end_matches(|c: char| !c.is_alphanumeric());
    let site = last.trim();
    (!rest.is_empty()
        && key(rest) == key(headline)
        && key(site) != key(headline)
        && site.chars().any(char::is_alphabetic)
        && (1..=MAX_SITE_WORDS).contains(&site.split_whitespace().count()))
    .then(|| site.to_string())
}

/// The part of a page title written as a domain name, when the title has other parts.
///
/// ```
/// use marsad_extract::html::meta::domain_in_title;
/// assert_eq!(domain_in_title("sitemaps.org - Home").as_deref(), Some("sitemaps.org"));
/// assert_eq!(domain_in_title("Breaking news | Example.co.uk").as_deref(), Some("Example.co.uk"));
/// assert_eq!(domain_in_title("Version 2.0 - Release notes"), None);
/// assert_eq!(domain_in_title("example.com"), None);
/// ```
pub fn domain_in_title(title: &str) -> Option<String> {
    let ps = parts(title);
    if ps.len() < 2 {
        return None;
    }
    ps.into_iter()
        .map(str::trim)
        .find(|p| is_domain(p))
        .map(str::to_string)
}

/// A host name as people write it: labels of letters, digits and hyphens, the last one (the
/// top-level domain) of two to six letters.
fn is_domain(p: &str) -> bool {
    let labels: Vec<&str> = p.split('.').collect();
    let Some((tld, rest)) = labels.split_last() else {
        return false;
    };
    !rest.is_empty()
        && (2..=6).contains(&tld.len())
        && tld.chars().all(|c| c.is_ascii_alphabetic())
        && rest.iter().all(|l| {
            !l.is_empty()
                && l.chars().all(|c| c.is_ascii_alphanumeric() || c == '-')
                && l.chars().any(|c| c.is_ascii_alphabetic())
        })
}

/// A title candidate: text as given, cleaned text, where it came from.
struct Cand {
    raw: String,
    clean: String,
    span: Span,
}

fn pick_title(
    doc: &Document<'_>,
    s: &Scan<'_>,
    main: Option<&jsonld::Item>,
    ld: &jsonld::Ld,
    sites: &[String],
    url: Option<&str>,
    ld_span: Span,
) -> Option<Text> {
    let host = url.and_then(host_of);
    let home = url.is_some_and(is_home);
    let article = declares_article(s, main);
    // Metadata titles as keys.
    let meta_titles: Vec<String> = s
        .title
        .iter()
        .map(|(t, _)| t.as_str())
        .chain(
            s.metas
                .iter()
                .filter(|v| v.field == Field::Title)
                .map(|v| v.value.as_str()),
        )
        .map(key)
        .collect();
    // Visible headlines.
    let h1s: Vec<(String, Span, NodeId)> =
        s.h1.iter()
            .filter_map(|&id| {
                if doc.span(id).len() > 16 * 1024 {
                    return None;
                }
                let mut t = clean::said_once(&collapse(&doc.text_of(id))).to_string();
                // Permalink marks after the heading text ("Models ¶").
                while let Some(a) = WORDS
                    .heading_anchor
                    .iter()
                    .find(|a| t.ends_with(a.as_str()))
                {
                    let keep = t.len() - a.len();
                    t.truncate(keep);
                    let trimmed = t.trim_end().len();
                    t.truncate(trimmed);
                }
                // A section number before the heading ("3.1 Git Branching", "15 - Tutorial")
                // numbers the page in its book, it is not part of its name, unless the page's
                // own title keeps it ("3.5 Million Jobs Lost | Site").
                let n = section_number_len(&t);
                if n > 0 && !meta_titles.iter().any(|m| m.contains(&key(&t))) {
                    t.drain(..n);
                }
                (!t.is_empty() && t.len() < 1024).then(|| (t, doc.span(id), id))
            })
            .collect();

    // Parts of the page title: the longest is the headline, the others name the site or
    // section ("Headline | Section | Site", "Blog name: Headline").
    let title_parts: Vec<String> = s
        .title
        .as_ref()
        .map(|(t, _)| parts(t).iter().map(|p| key(p)).collect())
        .unwrap_or_default();
    // A site's home page has no headline of its own: its title is the site's title, name
    // included ("Site: What we do"); only a trailing part that repeats a name already in the
    // title goes ("Site: What we do - Site"). Its first h1 is the headline only when at
    // least half of its words are the title's, but not all: it restates the title in its own
    // words ("The AI-native API Platform" over "Postman: The World's Leading API Platform |
    // Sign Up for Free"). An h1 in other words is a slogan banner; one made only of the
    // title's words is a part of it, and says less.
    if home && let Some((t, sp)) = &s.title {
        if let Some((h, hsp, _)) = h1s
            .iter()
            .find(|(h, _, _)| (2..=MAX_HEADLINE_WORDS).contains(&key(h).split(' ').count()))
            && (MIN_HOME_HEADLINE_SHARE..1.0).contains(&word_share(h, t))
        {
            return Some(Text::new(h.clone(), *hsp));
        }
        return Some(Text::new(as_written(t, sites, host).to_string(), *sp));
    }
    // The site's slot in "Headline - Site": the last part of the title when it is shorter
    // than the first. An h1 that fills it names the site (a book or wiki name over every
    // page), not the page, and is stripped from titles like a known site name.
    let slot = |k: &str| {
        title_parts.len() > 1
            && title_parts.last().is_some_and(|l| l == k)
            && title_parts.first().is_some_and(|f| f.len() > k.len())
    };
    let mut sites: Vec<String> = sites.to_vec();
    if let Some((t, _, _)) = h1s.iter().find(|(t, _, _)| slot(&key(t))) {
        sites.push(t.clone());
    }
    // An h1 that links home names the site too, as does the text it opens with ("Archive of
    // Our Own" before a "beta" tag) when that is a name of two words or more (not "The" of
    // "<span>The</span> Verge").
    for (t, _, id) in h1s.iter().filter(|(_, _, id)| links_home(doc, *id, url)) {
        sites.push(t.clone());
        sites.extend(leading_text(doc, *id).filter(|l| l.split_whitespace().count() >= 2));
    }
    let sites = &sites[..];
    // Metadata headlines (`og:title`, JSON-LD `headline`) that are one part of the page title
    // ("Blog name: Headline" with og:title "Headline").
    let head_parts: Vec<String> = main
        .and_then(|it| it.headline.as_deref())
        .into_iter()
        .chain(
            s.metas
                .iter()
                .filter(|v| v.field == Field::Title)
                .map(|v| v.value.as_str()),
        )
        .map(key)
        .filter(|k| title_parts.len() > 1 && title_parts.contains(k))
        .collect();
    // A part of the title that names the site (never the headline): a known site name, the
    // site's slot, or the part beside the one a metadata headline names.
    let side_part = |k: &str| {
        title_parts.len() > 1
            && title_parts.iter().any(|p| p == k)
            && (is_site(k, sites, host)
                || slot(k)
                || (!head_parts.is_empty() && head_parts.iter().all(|h| h != k)))
    };

    let mut cands: Vec<Cand> = Vec::new();
    let mut push = |raw: &str, span: Span| {
        let raw = collapse(raw);
        if raw.is_empty() {
            return;
        }
        let clean = strip_site(&raw, sites, host).to_string();
        cands.push(Cand { raw, clean, span });
    };
    if let Some(h) = main.and_then(|it| it.headline.as_deref()) {
        push(h, ld_span);
    }
    for v in s.metas.iter().filter(|v| v.field == Field::Title) {
        push(&v.value, v.span);
    }
    for (p, id) in &s.props {
        if p == "headline" {
            let v = doc
                .attr(*id, "content")
                .map(|c| c.to_string())
                .unwrap_or_else(|| doc.text_of(*id));
            push(&v, doc.span(*id));
        }
    }
    if let Some((t, sp)) = &s.title {
        push(t, *sp);
    }
    if let Some(it) = main
        && let Some(n) = &it.name
    {
        push(n, ld_span);
    }
    if let Some(p) = ld.page()
        && let Some(n) = &p.name
    {
        push(n, ld_span);
    }

    // 1. An h1 that is a metadata title behind a short label ("Thread: …", "Title: …",
    //    "Blog: …", a forum prefix tag): the metadata title is the headline.
    //    The first part of a page title with several parts is such a metadata title too
    //    ("Minimalist Sandals Nörd Zero" over "Nörd Zero | Brand slogan").
    let first_part: Option<&str> = s
        .title
        .as_ref()
        .map(|(t, _)| parts(t))
        .filter(|p| p.len() > 1)
        .and_then(|p| p.first().copied());
    for (t, sp, _) in &h1s {
        for c in cands.iter().map(|c| c.clean.as_str()).chain(first_part) {
            if let Some(head) = labelled(t, c) {
                return Some(Text::new(head.to_string(), *sp));
            }
        }
    }
    // 1b. An h1 equal to a metadata title (whole or cleaned), or to a part of one. A title
    //    leads with the page's own name: an h1 that is a later part ("Lead Name | Category |
    //    Site" over an h1 "Category") names the section or line the page belongs to, and the
    //    leading part is the headline when it is no site name and says at least as much (a
    //    short lead is a tag or a site: "backup - Question - Site", "Site | Headline").
    for (t, sp, _) in &h1s {
        let k = key(t);
        if k.is_empty() || side_part(&k) {
            continue;
        }
        if cands.iter().any(|c| key(&c.clean) == k || key(&c.raw) == k) {
            return Some(Text::new(t.clone(), *sp));
        }
        for c in &cands {
            let ps = parts(&c.raw);
            let Some(at) = ps.iter().position(|p| key(p) == k) else {
                continue;
            };
            if at > 0
                && let Some(lead) = ps.first().copied()
                && leads_title(lead, &k)
                && !is_site(lead, sites, host)
                && !side_part(&key(lead))
            {
                // The h1 stays the headline's place on the page.
                return Some(Text::new(lead.to_string(), *sp));
            }
            return Some(Text::new(t.clone(), *sp));
        }
    }
    // 1c. An h1 that sets the headline and a tagline in elements of their own ("Black
    //    Edition<span>Complete protein meal</span>", a product title over "Hardcover –
    //    October 16, 2018"): when its leading text is a metadata title less its site name, or
    //    opens one before a separator ("Black Edition | Protein Powder | Shop"), that text is
    //    the headline; the tagline is not part of the name.
    for (t, sp, id) in &h1s {
        let Some(lead) = leading_text(doc, *id) else {
            continue;
        };
        let (k, kt) = (key(&lead), key(t));
        if k.split(' ').count() < 2
            || kt.len() <= k.len()
            || !kt.starts_with(&k)
            || side_part(&k)
            || is_site(&lead, sites, host)
        {
            continue;
        }
        if cands
            .iter()
            .any(|c| key(&c.clean) == k || opens_title(&c.raw, &lead))
        {
            return Some(Text::new(lead, *sp));
        }
    }
    // 1d. An h1 that sets a kicker in an element of its own before the headline ("<span
    //    class=roofline>Wow, wow, wow!</span>Manuela Reimann: …"): when the text after it is
    //    a metadata title less its site name, or opens one, that text is the headline.
    for (_, sp, id) in &h1s {
        let Some((_, rest)) = h1_kicker(doc, *id) else {
            continue;
        };
        let k = key(&rest);
        if k.split(' ').count() < 2 || is_site(&rest, sites, host) {
            continue;
        }
        // The metadata title as written (the h1 may close on a permalink mark), else the
        // text that opens one.
        if let Some(c) = cands.iter().find(|c| key(&c.clean) == k) {
            return Some(Text::new(c.clean.clone(), *sp));
        }
        if cands.iter().any(|c| opens_title(&c.raw, &rest)) {
            return Some(Text::new(rest, *sp));
        }
    }
    // 2. Headlines that disagree with the metadata: the first one of several words that is not
    //    the site's name (inside the article first). The visible headline beats a disagreeing
    //    metadata title even on product and service pages: measured on the dev set, taking an
    //    og:title that <title> confirms instead, on pages that declare no article, won 12
    //    pages and lost 26 (on every page, title accuracy .7236 -> .6869; on near-identical
    //    pairs 2 won, 4 lost): the h1 is the text people see and often the fresher one
    //    ("… in 2025" over an SEO "… in 2024").
    let plausible = |t: &str| {
        let k = key(t);
        let words = k.split(' ').count();
        (2..=MAX_HEADLINE_WORDS).contains(&words) && !side_part(&k) && !is_site(t, sites, host)
    };
    let in_article = |id: NodeId| s.article.is_some_and(|a| doc.contains(a, id));
    let plausible_h1 = |t: &str, id: NodeId| plausible(t) && !links_home(doc, id, url);
    if let Some((t, sp, _)) = h1s
        .iter()
        .find(|(t, _, id)| in_article(*id) && plausible_h1(t, *id))
        .or_else(|| h1s.iter().find(|(t, _, id)| plausible_h1(t, *id)))
    {
        // A headline sharing almost no words with the page title (less its site name, whose
        // words say nothing of the page) is a slogan or a section banner, not the page's
        // headline: the title names the page better. An article's
        // headline is that title less the site name; another page's name is the title as
        // written, site name included ("Pest Control Coupons | Site" over an h1 "Special
        // Offers").
        if let Some((tt, tsp)) = &s.title
            && word_overlap(t, without_site(tt, sites, host)) < MIN_TITLE_OVERLAP
        {
            if article {
                // A page title that shares few words with the first metadata headline (JSON-LD
                // `headline`, `og:title`) as well names the site alone (a blog's title on
                // every post): that headline, when it is a plausible one, names the page.
                let bare = without_site(tt, sites, host);
                if let Some(c) = cands.iter().find(|c| c.span != *tsp).filter(|c| {
                    plausible(&c.clean) && word_overlap(&c.clean, bare) < MIN_TITLE_OVERLAP
                }) {
                    return Some(Text::new(c.clean.clone(), c.span));
                }
                // A metadata title framed inside the page title ("[id] Headline", "Headline ·
                // Site") is that title without its frame.
                if let Some(c) = cands
                    .iter()
                    .find(|c| framed(tt, &c.clean) && !is_site(&c.clean, sites, host))
                {
                    return Some(Text::new(c.clean.clone(), c.span));
                }
                return Some(Text::new(bare.to_string(), *tsp));
            }
            // A metadata title framed inside the page title ("[id] Headline", "Blog: Headline")
            // is that title without its frame.
            if let Some(c) = cands
                .iter()
                .find(|c| framed(tt, &c.raw) && !is_site(&c.raw, sites, host))
            {
                return Some(Text::new(c.raw.clone(), c.span));
            }
            return Some(Text::new(as_written(tt, sites, host).to_string(), *tsp));
        }
        // An h1 whose characters were lost to a wrong encoding ("Event Planning? Beginner?
        // Guide" for "Event Planning: Beginner's Guide"): the metadata title it spells is the
        // headline as written; the h1 stays the headline's place on the page.
        if let Some(c) = cands.iter().find(|c| spells_damaged(t, &c.clean)) {
            return Some(Text::new(c.clean.clone(), *sp));
        }
        return Some(Text::new(t.clone(), *sp));
    }
    // 3. No visible headline at all, on a page that declares no article (see
    //    [`declares_article`]): the page names itself only in its metadata, so its title is
    //    taken as written, site name included ("Workforce Development | City.gov"), the
    //    OpenGraph (or other `<meta>`) title first: it is the name the page gives when shared,
    //    and may differ from `<title>` ("Classic Core Sheet Set" over "Classic Sheet Set |
    //    Cotton Sheets | Shop"). An article has a headline of its own, set outside an h1 (an
    //    h2, a div): it goes on below, the title less its site name, cut at the part a
    //    JSON-LD headline names.
    if h1s.is_empty() && !article {
        // The page's first h2 (or its title element) shows one part of a page title of
        // several ("Blog name | Post title" over `<h2 class=blog_post_title>Post title`): that
        // part is the headline, the others name the site. (An h2 showing the site's part, a
        // blog's name in its header, is no headline.)
        if title_parts.len() > 1
            && let Some((tt, tsp)) = &s.title
            && let Some(h) = [(s.title_el, true), (s.first_h2, false)]
                .into_iter()
                .filter_map(|(id, classed)| id.map(|id| (id, classed)))
                .filter(|&(id, _)| doc.span(id).len() <= MAX_LINE_ELEMENT && !in_chrome(doc, id))
                .map(|(id, classed)| (collapse(&doc.text_of(id)), classed))
                .find(|(h, classed)| {
                    // (An element classed as the post's title may fill the title's site slot:
                    // "Blog name | Short post title".)
                    let k = key(h);
                    k.split(' ').count() >= 2
                        && title_parts.contains(&k)
                        && (*classed || !side_part(&k))
                        && !is_site(h, sites, host)
                })
                .map(|(h, _)| h)
            && let Some(part) = parts(tt).into_iter().find(|p| key(p) == key(&h))
        {
            return Some(Text::new(part.to_string(), *tsp));
        }
        // (A metadata title written as a domain, `<meta name="DC.title" content="gnu.org">` on
        // every page of a site, names the site.)
        if let Some(m) = meta_best(&s.metas, Field::Title)
            && !is_site(&m.value, sites, host)
            && !is_domain(m.value.trim())
        {
            return Some(Text::new(m.value.clone(), m.span));
        }
        if let Some((tt, tsp)) = &s.title {
            return Some(Text::new(as_written(tt, sites, host).to_string(), *tsp));
        }
    }
    // 4. No plausible headline among the h1s: a metadata title that is the headline part of
    //    the page title, else the page title less its site name, else a metadata title.
    if title_parts.len() > 1
        && let Some(c) = cands
            .iter()
            .find(|c| title_parts.iter().any(|p| *p == key(&c.raw)))
    {
        return Some(Text::new(c.raw.clone(), c.span));
    }
    if let Some((tt, _)) = &s.title
        && let Some(c) = cands
            .iter()
            .find(|c| framed(tt, &c.clean) && !is_site(&c.clean, sites, host))
    {
        return Some(Text::new(c.clean.clone(), c.span));
    }
    if let Some((t, sp)) = &s.title {
        return Some(Text::new(without_site(t, sites, host).to_string(), *sp));
    }
    // 5. No metadata title at all: the first h1, whatever its length; with none, the first
    //    h2.
    cands
        .first()
        .map(|c| Text::new(c.raw.clone(), c.span))
        .or_else(|| h1s.first().map(|(t, sp, _)| Text::new(t.clone(), *sp)))
        .or_else(|| {
            [s.title_el, s.first_h2]
                .into_iter()
                .flatten()
                .find_map(|id| {
                    if in_chrome(doc, id) || doc.span(id).len() > MAX_LINE_ELEMENT {
                        return None;
                    }
                    let t = collapse(&doc.text_of(id));
                    (!t.is_empty() && t.len() < 1024).then(|| Text::new(t, doc.span(id)))
                })
        })
}

/// True when h1 `id` is one link to the site's home page, and nothing else (`<h1><a
/// href="/">Archive of Our Own <sup>beta</sup></a></h1>`): the site's name or logo over
/// every page, never the page's headline. A relative link is resolved against the page's
/// `url` (a book's chapter links "./" to the book's home; a post at "/posts/x/" that links
/// "./" links itself); without one, only a path from the root counts ("/", "/index.html",
/// "/en/"). A page of a subdomain ("news.example.com") has the bare domain's home as its site's.
fn links_home(doc: &Document<'_>, id: NodeId, url: Option<&str>) -> bool {
    let mut links = doc
        .descendants(id)
        .filter(|&d| doc.tag_is(d, super::dom::Tag::A));
    let (Some(a), None) = (links.next(), links.next()) else {
        return false;
    };
    let Some(href) = doc.attr(a, "href") else {
        return false;
    };
    let href = href.trim();
    // (Only an address: a fragment, "#" or "#intro", or a script is no link home.)
    let lower = href.to_ascii_lowercase();
    if !(href.starts_with('/')
        || href.starts_with('.')
        || lower.starts_with("http://")
        || lower.starts_with("https://"))
    {
        return false;
    }
    let page = url.filter(|u| u.contains("://"));
    let target = if href.contains("://") {
        href.to_string()
    } else if let Some(page) = page {
        super::resolve_url(page, href)
    } else if href.starts_with('/') && !href.starts_with("//") {
        href.to_string()
    } else {
        return false;
    };
    let bare = |h: &str| h.strip_prefix("www.").unwrap_or(h).to_ascii_lowercase();
    // (A page of a subdomain, "news.example.com", has the bare domain's home as its own.)
    // (Any host, a dotless "localhost" too; `host_of` takes only dotted ones.)
    fn host(u: &str) -> Option<&str> {
        let (_, rest) = u.split_once("://")?;
        rest.split(['/', '?', '#', ':']).next()
    }
    let same_host = match (host(&target), page.and_then(host)) {
        (Some(t), Some(p)) => {
            let (t, p) = (bare(t), bare(p));
            t == p || (t.contains('.') && p.strip_suffix(&t).is_some_and(|s| s.ends_with('.')))
        }
        (None, _) => true,
        (Some(_), None) => false,
    };
    // (The query stays: "/?p=123" is a post, not the home page it shares a path with.)
    let path = |u: &str| {
        u.split('#')
            .next()
            .unwrap_or("")
            .trim_end_matches('/')
            .to_string()
    };
    is_home(&target)
        && same_host
        && page.is_none_or(|p| path(p) != path(&target))
        && super::letters(&doc.text_of(a)) == super::letters(&doc.text_of(id))
}

/// Most ancestors [`in_chrome`] looks at.
const MAX_CHROME_ANCESTORS: usize = 12;

/// True when `id` or an ancestor is page chrome by its tag (`nav`, `header`, `footer`,
/// `aside`) or a boilerplate class or id ("nav-assistant-heading": Amazon's skip links).
fn in_chrome(doc: &Document<'_>, id: NodeId) -> bool {
    near_ancestors(doc, id).any(|c| {
        matches!(doc.tag(c), Some("nav" | "header" | "footer" | "aside"))
            || matches!(attr_hint(doc, c, "class"), hints::Hint::Neg(_))
            || matches!(attr_hint(doc, c, "id"), hints::Hint::Neg(_))
    })
}

/// `id` and its nearest ancestors, [`MAX_CHROME_ANCESTORS`] nodes in all.
fn near_ancestors<'d>(doc: &'d Document<'_>, id: NodeId) -> impl Iterator<Item = NodeId> + use<'d> {
    std::iter::successors(Some(id), |&c| doc.parent(c)).take(MAX_CHROME_ANCESTORS)
}

/// What the class or id (`attr`) of `id` says ([`hints::class_hint`]); a value too long to
/// be a hint is not decoded.
fn attr_hint(doc: &Document<'_>, id: NodeId, attr: &str) -> hints::Hint {
    match doc.attr_raw(id, attr) {
        Some(raw) if raw.len() <= hints::MAX_HINT_VALUE => doc
            .attr(id, attr)
            .map_or(hints::Hint::None, |v| hints::class_hint(&v)),
        _ => hints::Hint::None,
    }
}

/// The stamps of an Arabic date line the date-line reader ([`date::find_all`]) does not read
/// ("الأربعاء، 28 آب/اغسطس 2013، آخر تحديث 14:00 (GMT+0400)"), as (stamp, is modified) pairs.
/// The line is a date line when at most [`MAX_DATE_LINE_WORDS`] words stand outside its
/// stamps. An update's label with a day of its own gives a second, modified stamp; one with
/// only a time makes the line's day the update's, read with that time.
fn arabic_line_stamps(text: &str, span: Span) -> Vec<(Stamp, bool)> {
    if !date::has_arabic(text) {
        return Vec::new();
    }
    let (first, update) = split_at_update(text);
    let upd = update.and_then(|u| date::arabic_stamp(u, span));
    let Some(whole) = marsad_arabic::dates::parse_stamp(first, None) else {
        return Vec::new();
    };
    let words = |s: &str| {
        s.split_whitespace()
            .filter(|w| w.chars().any(char::is_alphabetic))
            .count()
    };
    let outside = whole.span.slice(first).map_or(usize::MAX, |d| {
        words(first) - words(d) + update.map_or(0, |u| if upd.is_some() { 0 } else { words(u) })
    });
    if outside > MAX_DATE_LINE_WORDS {
        return Vec::new();
    }
    let mut out = Vec::new();
    match (update, upd) {
        (Some(_), Some(u)) => {
            out.push((
                date::arabic_stamp(first, span).unwrap_or(whole.clone()),
                false,
            ));
            out.push((u, true));
        }
        (Some(_), None) => {
            if let Some(st) = date::arabic_stamp(text, span) {
                out.push((st, true));
            }
        }
        (None, _) => {
            if let Some(st) = date::arabic_stamp(first, span) {
                out.push((st, false));
            }
        }
    }
    out
}

/// A date line cut where an update label follows the first date ("نشر في: 14 مارس 2025
/// 09:12 ص آخر تحديث: 14 مارس 2025 11:40 ص"): the text before the label, and the label and
/// what follows it (`None` when no update label follows text).
fn split_at_update(text: &str) -> (&str, Option<&str>) {
    let at = WORDS
        .modified_label
        .iter()
        .filter_map(|l| {
            text.match_indices(l.as_str())
                .map(|(i, _)| i)
                .find(|&i| i > 0)
        })
        .min();
    match at {
        Some(i) if text[..i].bytes().any(|b| b.is_ascii_digit()) => {
            (text[..i].trim_end(), Some(&text[i..]))
        }
        _ => (text, None),
    }
}

/// Most characters a replacement mark ("?", U+FFFD) stands for in a text damaged by a wrong
/// encoding ("’s" → "?").
pub const MAX_LOST_CHARS: usize = 3;

/// Most replacement marks in one damaged text.
pub const MAX_LOST_MARKS: usize = 4;

/// True when `damaged` is `text` with characters lost to a wrong encoding: each "?" or
/// U+FFFD inside it (not at its end, where "?" ends a question) stands for 1 to
/// [`MAX_LOST_CHARS`] characters of `text` other than spaces and "?", and the rest is the same.
///
/// ```
/// # use marsad_extract::html::meta::spells_damaged;
/// assert!(spells_damaged("Planning? Beginner? Guide", "Planning: Beginner's Guide"));
/// assert!(!spells_damaged("Need a Change? 7 Tips", "Need a Change? 7 Tips"));
/// assert!(!spells_damaged("Why? Because", "Why Because"));
/// assert!(!spells_damaged("Is it safe?", "Is it safe"));
/// ```
pub fn spells_damaged(damaged: &str, text: &str) -> bool {
    let is_mark = |c: char| c == '?' || c == '\u{fffd}';
    let body = damaged.trim_end_matches(is_mark);
    let segs: Vec<&str> = body.split(is_mark).collect();
    if segs.len() < 2 || segs.len() > MAX_LOST_MARKS + 1 || damaged == text {
        return false;
    }
    let tail = &damaged[body.len()..];
    let Some(text) = text.strip_suffix(tail) else {
        return false;
    };
    fn rest_matches(segs: &[&str], text: &str) -> bool {
        let Some((seg, more)) = segs.split_first() else {
            return text.is_empty();
        };
        let Some(after) = text.strip_prefix(seg) else {
            return false;
        };
        if more.is_empty() {
            return after.is_empty();
        }
        // The lost characters: 1 to MAX_LOST_CHARS, no space, no "?".
        for (k, c) in after.char_indices().take(MAX_LOST_CHARS) {
            if c.is_whitespace() || c == '?' {
                break;
            }
            if rest_matches(more, &after[k + c.len_utf8()..]) {
                return true;
            }
        }
        false
    }
    rest_matches(&segs, text)
}

/// Most nodes looked at inside an h1 for its leading text.
const MAX_LEAD_NODES: usize = 16;

/// The first text of an element (a text node with words, scripts and styles left out),
/// collapsed: the part set before any child element in "Headline<span>Tagline</span>".
fn leading_text(doc: &Document<'_>, id: NodeId) -> Option<String> {
    for n in doc.descendants(id).take(MAX_LEAD_NODES) {
        if doc.is_text(n) {
            let t = collapse(&doc.text(n));
            if !t.is_empty() {
                return (!doc
                    .parent(n)
                    .is_some_and(|p| doc.tag_code(p).is_some_and(|tag| tag.is_raw_text())))
                .then_some(t);
            }
        }
    }
    None
}

/// Most bytes of an h1's text read for its kicker.
const MAX_KICKER_H1_BYTES: usize = 1024;

/// An h1's kicker and the headline after it: the text of the h1's first child when that child
/// is an element and more text follows it ("<h1><span>Wow, wow, wow!</span>Manuela Reimann:
/// Hochzeitsüberraschung in Bayern!</h1>", "<h1><span>غزة</span>وقف إطلاق النار</h1>"), as
/// (kicker, headline).
fn h1_kicker(doc: &Document<'_>, h1: NodeId) -> Option<(Text, String)> {
    let first = doc
        .children(h1)
        .find(|&c| !(doc.is_text(c) && doc.text(c).trim().is_empty()))?;
    if !doc.is_element(first) || doc.tag_code(first).is_some_and(|t| t.is_raw_text()) {
        return None;
    }
    let kicker = collapse(&doc.text_within(first, MAX_KICKER_H1_BYTES)?);
    let whole = collapse(&doc.text_within(h1, MAX_KICKER_H1_BYTES)?);
    let rest = whole.strip_prefix(kicker.as_str())?.trim();
    // A kicker is a few words: not a label ("Title:", "Title</span>:"), a section number
    // ("15 -") or words of the headline said again. A dash or bar after it goes.
    let words = kicker.split_whitespace().count();
    let label = kicker.ends_with(':') || rest.starts_with(':');
    let rest =
        rest.trim_start_matches(|c: char| c.is_whitespace() || matches!(c, '-' | '–' | '—' | '|'));
    let kicker_like = (1..=MAX_KICKER_WORDS).contains(&words)
        && kicker.chars().any(char::is_alphabetic)
        && !label
        && section_number_len(&kicker) == 0
        && !rest.is_empty()
        && !format!(" {} ", key(rest)).contains(&format!(" {} ", key(&kicker)));
    kicker_like.then(|| (Text::new(kicker, doc.span(first)), rest.to_string()))
}

/// Most words of a kicker set in the headline's element.
const MAX_KICKER_WORDS: usize = 6;

/// True when `title` opens with `head` and a separator follows it ("Headline | Site",
/// "Headline: Author: Shop"), so `head` is the title's first part.
fn opens_title(title: &str, head: &str) -> bool {
    title.strip_prefix(head).is_some_and(|rest| {
        let mut cs = rest.trim_start().chars();
        cs.next()
            .is_some_and(|c| matches!(c, '|' | ':' | '-' | '–' | '—' | '·' | '•' | ','))
            && cs.next().is_some_and(char::is_whitespace)
    })
}

/// A page title less its site name, or as written when it is nothing but the site name.
fn without_site<'t>(t: &'t str, sites: &[String], host: Option<&str>) -> &'t str {
    let t = after_page_label(t);
    let clean = strip_site(t, sites, host);
    if clean.trim().is_empty() { t } else { clean }
}

/// True when the page declares itself an article: a JSON-LD main item of an article kind
/// (`NewsArticle`, `BlogPosting`), a publication date in its `<meta>` (`article:published_time`),
/// or an `og:type` of an article kind (`article`) that JSON-LD does not contradict by naming
/// the main item a plain web page (site builders set `og:type` "article" on every page, a
/// service page included). Such a page has a headline of its own even without an h1; other
/// pages (a service page, a shop category) are named by their title as written.
fn declares_article(s: &Scan<'_>, main: Option<&jsonld::Item>) -> bool {
    let is_article = crate::html::is_article_type;
    main.is_some_and(|it| is_article(&it.kind))
        || s.metas.iter().any(|v| v.field == Field::Published)
        || (main.is_none_or(|it| it.class != Some(jsonld::TypeClass::Page))
            && meta_best(&s.metas, Field::Type).is_some_and(|v| is_article(&v.value)))
}

/// A date candidate.
struct DateCand {
    stamp: Stamp,
    /// Lower is better.
    rank: u8,
    /// Visible element to consume.
    visible: Option<Span>,
}

/// What a label before a visible date says the date is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Label {
    Published,
    Modified,
    /// The latest activity of a thread or listing ("Last post"), no date of the document.
    Activity,
}

fn label_kind(text: &str, date_start: usize) -> Option<Label> {
    let before = text.get(..date_start)?.to_lowercase();
    let tail: &str = cut_tail(&before, 40);
    let has = |list: &[String]| list.iter().any(|l| tail.contains(l.as_str()));
    if has(&WORDS.activity_label) {
        Some(Label::Activity)
    } else if has(&WORDS.modified_label) {
        Some(Label::Modified)
    } else if has(&WORDS.published_label) {
        Some(Label::Published)
    } else {
        None
    }
}

/// What labels the date `f` of a visible line: the label before it ([`label_kind`]), else an
/// update's label right after it that carries only a time, no date of its own ("November 28,
/// 2013 -- Updated 0203 GMT": the day shown is the update's).
fn date_label(text: &str, f: &date::Found, dfirst: bool) -> Option<Label> {
    label_kind(text, f.start)
        .or_else(|| suffix_kind(text, f))
        .or_else(|| {
            let after = text.get(f.end..)?;
            let rest = after.trim_start_matches(|c: char| {
                c.is_whitespace() || matches!(c, '-' | '–' | '—' | '|' | ',' | '·' | '•')
            });
            // (The labels are short: the line's first bytes are enough to compare.)
            let head = cut(rest, 40).to_lowercase();
            let opens = WORDS
                .modified_label
                .iter()
                .any(|l| head.starts_with(l.as_str()));
            let time = rest.chars().any(|c| c.is_numeric());
            (opens && time && date::find(rest, dfirst).is_none()).then_some(Label::Modified)
        })
}

/// What a label right after the date `f` says it is, in languages that set the label there
/// ("5/5/2020 tarihinde yayımlandı"; an apostrophe and a case ending glued to the date, "5/5/20'de
/// güncellendi", are read past).
fn suffix_kind(text: &str, f: &date::Found) -> Option<Label> {
    let after = text
        .get(f.end..)?
        .trim_start_matches(|c: char| c.is_whitespace() || matches!(c, '\'' | '’'));
    // (The labels are short: the line's first bytes are enough to compare.)
    let head = cut(after, 40).to_lowercase();
    // The label as whole words ("yayımlandığı", "which was published", is a clause's verb).
    let has = |list: &[String]| {
        list.iter().any(|l| {
            head.strip_prefix(l.as_str())
                .is_some_and(|r| !r.starts_with(char::is_alphanumeric))
        })
    };
    if has(&WORDS.modified_suffix) {
        Some(Label::Modified)
    } else if has(&WORDS.published_suffix) {
        Some(Label::Published)
    } else {
        None
    }
}

/// Most words a date line holds besides its date and label ("Published May 1, 2024 by Sara
/// Ahmad · 4 min read").
pub const MAX_DATE_LINE_WORDS: usize = 8;

/// Runs of different visible days after the headline from which they are a list, not the
/// page's date.
pub const MIN_LISTING_DAYS: usize = 3;

/// Bytes between a `<time>` element and the headline below it for the time to be shown with
/// the headline.
pub const ABOVE_HEADLINE_BYTES: usize = 512;

/// Bytes after the first visible date in which [`MIN_LISTING_DAYS`] are looked for.
pub const LISTING_SPAN: usize = 16 * 1024;

/// Words of `text` outside the date `f`.
fn words_around(text: &str, f: &date::Found) -> usize {
    // (A token opening with a digit is a figure or a clock, "10h30", not a word.)
    let words = |s: &str| {
        s.split_whitespace()
            .filter(|w| {
                w.chars().any(char::is_alphabetic) && !w.starts_with(|c: char| c.is_ascii_digit())
            })
            .count()
    };
    text.get(..f.start).map_or(0, words) + text.get(f.end..).map_or(0, words)
}

/// True when `text` is a date line: the date `f` with at most [`MAX_DATE_LINE_WORDS`] other
/// words, not a sentence that mentions a date.
fn is_date_line(text: &str, f: &date::Found) -> bool {
    words_around(text, f) <= MAX_DATE_LINE_WORDS
}

/// True when the text node of `el` that holds the date `date` (as found in `el`'s text) is a
/// sentence mentioning it rather than a date line. An element's other lines (a post's
/// "last edited" note, its tags) do not count against the one holding the date.
fn in_sentence(doc: &Document<'_>, el: NodeId, date: &str, dfirst: bool) -> bool {
    let node = std::iter::once(el)
        .chain(doc.descendants(el))
        .filter(|&d| doc.is_text(d))
        .map(|d| collapse(&doc.text(d)))
        .find(|t| t.contains(date));
    node.is_some_and(|t| date::find(&t, dfirst).is_some_and(|f| !is_date_line(&t, &f)))
}

/// The date of a visible line that is a date line ("Published March 5, 2025", "Updated: 6 Sep
/// 2025", "Friday, November 14, 2025 | 5 min read"), with whether the line labels it as an
/// update. The date must be labelled, open the line (after at most one word) or a segment of
/// it, or fill half of it, so a headline ending in a date ("Weekly Wrap-Up 12/19/2025") is not one. `None` for a
/// sentence that mentions a date and for a thread's activity date ("Last post …"). Used by the
/// flattened-text reader, which has only lines.
pub(crate) fn line_date(text: &str, day_first: bool) -> Option<(date::Found, bool)> {
    for f in date::find_all(text, day_first, 2) {
        if !is_date_line(text, &f) {
            continue;
        }
        let label = date_label(text, &f, day_first);
        // The date opens the line (after at most one word, "Friday,") or one of its
        // segments ("By Jane Doe | May 19, 2024"), or follows a byline's "on" ("By Jane Doe
        // on 19 Dec 2025").
        let opens = text.get(..f.start).is_some_and(|p| {
            p.split_whitespace().count() <= 1
                || p.trim_end()
                    .ends_with(['|', '·', '•', '—', '–', '-', '/', ','])
                || (p.get(..3).is_some_and(|b| b.eq_ignore_ascii_case("by "))
                    && p.trim_end().ends_with(" on"))
        });
        let fills = (f.end - f.start) * 2 >= text.trim().len();
        match label {
            Some(Label::Activity) => continue,
            None if !opens && !fills => continue,
            _ => return Some((f, label == Some(Label::Modified))),
        }
    }
    None
}

/// True when `text` is a date line opened by a publication label ("Posted on April 13, 2023",
/// "Posted by Jane Doe on August 21, 2019", "نشر في 3 مارس 2024"): such a line dates a page
/// wherever it stands. (An update label does not: on a thread it is an edit's date; nor a
/// label inside the line: `'date': 'Thu, 14 Jun 2012'` is code.)
pub(crate) fn is_published_date_line(text: &str) -> bool {
    opens_labelled_date(text, &WORDS.published_label, Label::Published)
        || closes_labelled_date(text, Label::Published)
}

/// True when `text` is a line opened by a label that dates the whole page ("Last updated:
/// November 13, 2025", "Page last modified Jan. 17, 2025 @ 01:39 PM EST", "آخر تحديث: 3 مارس
/// 2024"): the page's date when it gives no other. (A post's "edited" or "updated" is not one.)
pub(crate) fn is_page_update_line(text: &str) -> bool {
    opens_labelled_date(text, &WORDS.page_update_label, Label::Modified)
        || closes_labelled_date(text, Label::Modified)
}

/// True when `text` is a date line opened by its date and closed by a label of `kind` after it
/// ("5/5/2020 tarihinde yayımlandı.").
fn closes_labelled_date(text: &str, kind: Label) -> bool {
    // The label's last word first (cheap: most lines hold none), then the date.
    let labels = match kind {
        Label::Modified => &WORDS.modified_suffix,
        _ => &WORDS.published_suffix,
    };
    if !labels
        .iter()
        .any(|l| text.contains(l.rsplit(' ').next().unwrap_or(l)))
    {
        return false;
    }
    date::find_all(text, false, 2).into_iter().any(|f| {
        text.get(..f.start).is_some_and(|p| p.trim().is_empty())
            && is_date_line(text, &f)
            && suffix_kind(text, &f) == Some(kind)
    })
}

/// True when `text` opens with one of `labels` and holds a date line labelled `kind`, or
/// labelled nothing else ("Stand: 1.4.18": the opening label is the date's).
fn opens_labelled_date(text: &str, labels: &[String], kind: Label) -> bool {
    // The label first (cheap: the line's opening bytes, no copy; the labels are lower case),
    // then the date. A line whose opening holds letters outside ASCII is lower-cased too
    // ("Última actualización", "DERNIÈRE MISE À JOUR").
    let t = text.trim_start();
    let head = t.as_bytes();
    let opens = |h: &[u8]| {
        labels.iter().any(|l| {
            h.get(..l.len())
                .is_some_and(|h| h.eq_ignore_ascii_case(l.as_bytes()))
        })
    };
    let opens = opens(head) || {
        // (Only when a label opens with the line's first letter, lower-cased: most lines are
        // looked at here, and few open with a label.)
        let h = cut(t, LABEL_HEAD_BYTES);
        let first = h.chars().next().and_then(|c| c.to_lowercase().next());
        first.is_some_and(|f| labels.iter().any(|l| l.starts_with(f)))
            && !h.is_ascii()
            && opens(h.to_lowercase().as_bytes())
    };
    opens
        && (date::find_all(text, false, 2)
            .into_iter()
            .any(|f| is_date_line(text, &f) && label_kind(text, f.start).is_none_or(|k| k == kind))
            || !arabic_line_stamps(text, Span::default()).is_empty())
}

/// Bytes of a line's opening lower-cased to look for a label outside ASCII.
const LABEL_HEAD_BYTES: usize = 64;

fn cut_tail(s: &str, max: usize) -> &str {
    if s.len() <= max {
        return s;
    }
    let mut c = s.len() - max;
    while !s.is_char_boundary(c) {
        c += 1;
    }
    &s[c..]
}

/// Nodes after the first date line in which an update's line is still looked for ("Sun 1 Dec
/// 2024 10.30 GMT", then "Last modified on Sun 1 Dec 2024 12.05 GMT" in the next element).
const UPDATE_AFTER_DATE_LINE: u32 = 12;

/// Date lines: short texts with a date within `NEAR_HEADLINE * 5` nodes after `start` (the
/// node after the headline, the article or the visible title), into `pubs` or `mods` by their
/// label, up to the first element that holds one; a few nodes further, an update's labelled
/// line too. `headline` (the page's headline, if any) and `bylines` tell a listed post's link
/// from the page's own ([`beside_teaser_link`]).
fn date_lines(
    doc: &Document<'_>,
    start: u32,
    dfirst: bool,
    (headline, bylines): (Option<NodeId>, &[NodeId]),
    pubs: &mut Vec<DateCand>,
    mods: &mut Vec<DateCand>,
) {
    let mut seen = 0;
    let mut end = (start as usize + NEAR_HEADLINE * 5).min(doc.len()) as u32;
    let mut i = start;
    // Set once a date line is found: then only an update's line is taken.
    let mut found = false;
    while i < end && seen < 60 {
        let id = NodeId(i);
        i += 1;
        if !doc.is_text(id) {
            continue;
        }
        let t = doc.text(id);
        if !t.bytes().any(|b| b.is_ascii_digit()) || t.len() > MAX_LINE_TEXT {
            continue;
        }
        seen += 1;
        let line = doc
            .parent(id)
            .and_then(|p| line_text(doc, p).map(|l| (p, l)));
        let (el, text) = match line {
            Some((p, l)) => (p, l),
            None => (id, collapse(&t)),
        };
        // An embedded post's date ("— West Ham United (@WestHam) October 31, 2021" closing a
        // quoted tweet) or a picture's is theirs, not the page's; so is the date of a listed
        // post, beside the link to it.
        if quoted_or_aside(doc, el) || beside_teaser_link(doc, el, headline, bylines) {
            continue;
        }
        // The line's stamps, each with whether it is an update's.
        let mut stamps: Vec<(Stamp, bool)> = Vec::new();
        let mut found_here = false;
        for f in date::find_all(&text, dfirst, 2) {
            found_here = true;
            // A date inside a sentence ("valid until May 3, 2025") is body text, not
            // the page's date line.
            if !is_date_line(&text, &f) {
                continue;
            }
            let st = f.stamp_in_line(&text, doc.span(el));
            let label = date_label(&text, &f, dfirst).or_else(|| {
                // An activity label may sit in the enclosing element ("Last post by
                // X <time>").
                let outer = doc.parent(el).and_then(|p| line_text(doc, p))?;
                let at = outer.find(&text[f.start..f.end])?;
                label_kind(&outer, at).filter(|l| *l == Label::Activity)
            });
            if label == Some(Label::Activity) {
                continue;
            }
            stamps.push((st, label == Some(Label::Modified)));
        }
        if !found_here {
            stamps = arabic_line_stamps(&text, doc.span(el));
        }
        for (st, is_mod) in stamps {
            if found && (!is_mod || !mods.is_empty()) {
                continue;
            }
            let c = DateCand {
                stamp: st,
                rank: 5,
                visible: Some(doc.span(el)),
            };
            if is_mod { mods.push(c) } else { pubs.push(c) }
        }
        if found && !mods.is_empty() {
            break;
        }
        if !found && pubs.iter().chain(mods.iter()).any(|c| c.rank == 5) {
            if !mods.is_empty() {
                break;
            }
            found = true;
            end = end.min(i + UPDATE_AFTER_DATE_LINE);
        }
    }
}

/// Most nodes in the element around a date line searched for a teaser's link.
const MAX_TEASER_NODES: usize = 40;

/// Longest link text (bytes) read as a listed story's title.
const MAX_TEASER_LINK_BYTES: usize = 2048;

/// Fewest characters of a link's text that names another page's story (a title), not an
/// author, a section or a permalink's date.
pub const MIN_TEASER_LINK_CHARS: usize = 30;

/// True when the date line `el` (an element of its own) sits beside a link to another story
/// in a small element, away from the headline: an item of a list of other posts
/// ("<li><a>Guinée : une douanière … condamnée</a> <span class=post-date>09/09/2019</span></li>"
/// in a sidebar) carries that post's date. Not another story's link: the page's headline (often
/// a link to the page itself), a link into the page ("#comments"), or a byline's link to its
/// author ("Mayank Gupta, CEO of CaseBasix"); and a line near the headline is the page's own
/// ("27 juin 2019 · Par Elba · Blog : Petits papiers, grandes histoires").
fn beside_teaser_link(
    doc: &Document<'_>,
    el: NodeId,
    headline: Option<NodeId>,
    bylines: &[NodeId],
) -> bool {
    if !doc.is_element(el)
        || headline.is_some_and(|h| el.0 > h.0 && el.0 - h.0 < NEAR_HEADLINE as u32)
    {
        return false;
    }
    let Some(item) = doc.parent(el) else {
        return false;
    };
    // (Descendants are numbered after their element, up to its subtree's end.)
    doc.subtree_end(item).0.saturating_sub(item.0 + 1) <= MAX_TEASER_NODES as u32
        && doc.descendants(item).any(|id| {
            doc.tag_is(id, super::dom::Tag::A)
                && doc
                    .attr_raw(id, "href")
                    .is_some_and(|h| !h.trim_start().starts_with('#'))
                && !doc.contains(id, el)
                && headline.is_none_or(|h| !doc.contains(h, id) && !doc.contains(id, h))
                && !bylines
                    .iter()
                    .any(|&b| doc.contains(b, id) || doc.contains(id, b))
                && doc
                    .text_within(id, MAX_TEASER_LINK_BYTES)
                    .is_some_and(|t| t.chars().count() >= MIN_TEASER_LINK_CHARS)
        })
}

/// The text nodes among nodes `from..to` short enough for a line ([`MAX_LINE_TEXT`]) and
/// holding a digit: where a date line may be.
fn short_digit_texts<'d, 'a>(
    doc: &'d Document<'a>,
    from: u32,
    to: u32,
) -> impl Iterator<Item = (NodeId, std::borrow::Cow<'a, str>)> + use<'d, 'a> {
    (from..to).map(NodeId).filter_map(move |id| {
        if !doc.is_text(id) {
            return None;
        }
        let t = doc.text(id);
        (t.len() <= MAX_LINE_TEXT && t.bytes().any(|b| b.is_ascii_digit())).then_some((id, t))
    })
}

/// True when `id` or one of its nearest [`MAX_CHROME_ANCESTORS`] ancestors below `<body>` is a
/// layer over the page: a dialog ([`Document::is_dialog`]) or an element whose class or id
/// marks interface ("modal", "popup", "toolbar"). A privacy notice in a shop's modal, "Last
/// Updated: 1/23/2025", does not date the page. (`<body>`'s own classes, "modal-open" while a
/// modal shows, describe the page's state.)
fn in_layer(doc: &Document<'_>, id: NodeId) -> bool {
    let ui = hints::Hint::Neg(marsad_model::Reason::Ui);
    near_ancestors(doc, id)
        .take_while(|&c| !doc.tag_is(c, super::dom::Tag::Body))
        .any(|c| {
            doc.is_dialog(c) || attr_hint(doc, c, "class") == ui || attr_hint(doc, c, "id") == ui
        })
}

/// Text nodes (holding a digit) looked at by [`labelled_lines`].
const MAX_LABELLED_LINES: usize = 400;

/// The first line of the page labelled as its publication ([`is_published_date_line`]) into
/// `pubs`, else the first labelled as the page's own update ([`is_page_update_line`]) into
/// `mods` (rank 8: after every other source). A line in a layer over the page ([`in_layer`])
/// is not the page's. One pass over the lines serves both labels.
fn labelled_lines(
    doc: &Document<'_>,
    dfirst: bool,
    pubs: &mut Vec<DateCand>,
    mods: &mut Vec<DateCand>,
) {
    let mut update: Option<DateCand> = None;
    // (The texts of one element make one line: it is judged once.)
    let mut last_el = None;
    for (id, t) in short_digit_texts(doc, 0, doc.len() as u32).take(MAX_LABELLED_LINES) {
        let (el, text) = match doc.parent(id) {
            Some(p) if last_el == Some(p) => continue,
            Some(p) => match line_text(doc, p) {
                Some(l) => (p, l),
                None => (id, collapse(&t)),
            },
            None => (id, collapse(&t)),
        };
        last_el = Some(el);
        let published = is_published_date_line(&text);
        if !(published || update.is_none() && is_page_update_line(&text)) || in_layer(doc, el) {
            continue;
        }
        let span = doc.span(el);
        let stamp = line_date(&text, dfirst)
            .map(|(f, _)| f.stamp_in_line(&text, span))
            .or_else(|| {
                arabic_line_stamps(&text, span)
                    .into_iter()
                    .find_map(|(st, is_mod)| (!is_mod).then_some(st))
            });
        let Some(stamp) = stamp else {
            continue;
        };
        let cand = DateCand {
            stamp,
            rank: 8,
            visible: Some(span),
        };
        if published {
            pubs.push(cand);
            return;
        }
        update = Some(cand);
    }
    mods.extend(update);
}

#[allow(clippy::too_many_arguments)]
fn pick_dates(
    doc: &Document<'_>,
    s: &Scan<'_>,
    main: Option<&jsonld::Item>,
    ld: &jsonld::Ld,
    ld_span: Span,
    headline: Option<NodeId>,
    title_node: Option<NodeId>,
    dfirst: bool,
) -> (Option<Stamp>, Option<Stamp>, Option<Stamp>, Vec<Span>) {
    let mut pubs: Vec<DateCand> = Vec::new();
    let mut mods: Vec<DateCand> = Vec::new();
    let stamp = |v: &str, sp: Span| date::stamp_of(v, sp, dfirst);

    if let Some(it) = main {
        // A media object's date is when the clip was uploaded: on a page that dates itself
        // in its metadata too (a story around an embedded video), the page's own date wins.
        let media = WORDS
            .media_item
            .iter()
            .any(|k| it.kind.eq_ignore_ascii_case(k));
        if let Some(st) = it.published.as_deref().and_then(|v| stamp(v, ld_span)) {
            pubs.push(DateCand {
                stamp: st,
                rank: if media { 2 } else { 0 },
                visible: None,
            });
        }
        if let Some(st) = it.modified.as_deref().and_then(|v| stamp(v, ld_span)) {
            mods.push(DateCand {
                stamp: st,
                rank: 0,
                visible: None,
            });
        }
    }
    for v in &s.metas {
        let list = match v.field {
            Field::Published => &mut pubs,
            Field::Modified => &mut mods,
            _ => continue,
        };
        if let Some(st) = stamp(&v.value, v.span) {
            list.push(DateCand {
                stamp: st,
                rank: if v.rank >= GUESSED_KEY_RANK { 2 } else { 1 },
                visible: None,
            });
        }
    }
    for (p, id) in &s.props {
        let list = match p.as_str() {
            "datepublished" | "datecreated" => &mut pubs,
            "datemodified" => &mut mods,
            _ => continue,
        };
        let v = doc
            .attr(*id, "content")
            .or_else(|| doc.attr(*id, "datetime"))
            .map(|c| c.to_string())
            .or_else(|| line_text(doc, *id));
        if let Some(st) = v.and_then(|v| stamp(&v, doc.span(*id))) {
            let visible = (doc.tag(*id) != Some("meta")).then(|| doc.span(*id));
            list.push(DateCand {
                stamp: st,
                rank: 2,
                visible,
            });
        }
    }
    // <time> elements: inside the article or near the headline first.
    let near = |id: NodeId| -> bool {
        headline.is_some_and(|h| id.0 > h.0 && id.0 - h.0 < NEAR_HEADLINE as u32)
            || s.article.is_some_and(|a| doc.contains(a, id))
    };
    for &id in &s.times {
        let dt = doc.attr(id, "datetime").or_else(|| {
            doc.tag_is(id, super::dom::Tag::Abbr)
                .then(|| doc.attr(id, "title"))
                .flatten()
        });
        let text = line_text(doc, id);
        let shown = || text.as_deref().and_then(|t| stamp(t, doc.span(id)));
        let st = match dt.as_deref().and_then(|v| stamp(v, doc.span(id))) {
            // The element's own text shows another day, more than a zone's shift away
            // (`<time datetime="2019-07-03T10:18:46Z">Publié le 29 juin 2019</time>`): the
            // day readers see is the page's.
            Some(m) => match shown() {
                Some(v) if days_apart(&m, &v).is_some_and(|d| d > 1) => Some(v),
                _ => Some(m),
            },
            None => shown(),
        };
        let Some(st) = st else { continue };
        let mut cls = String::new();
        for a in ["class", "itemprop", "id"] {
            if let Some(v) = doc.attr_raw(id, a) {
                cls.push_str(cut(v, 128));
                cls.push(' ');
            }
        }
        cls.make_ascii_lowercase();
        // The label may sit in the parent's text ("Updated <time>").
        let parent_text = doc
            .parent(id)
            .and_then(|p| line_text(doc, p))
            .unwrap_or_default();
        let label = text
            .as_deref()
            .and_then(|t| date::find(t, dfirst).and_then(|f| label_kind(t, f.start)))
            .or_else(|| {
                let t = text.as_deref().unwrap_or("");
                parent_text
                    .find(t)
                    .filter(|_| !t.is_empty())
                    .and_then(|p| label_kind(&parent_text, p))
            });
        if label == Some(Label::Activity) {
            continue;
        }
        let is_mod =
            cls.contains("modif") || cls.contains("updat") || label == Some(Label::Modified);
        let pubdate = doc.attr(id, "pubdate").is_some() || cls.contains("publish");
        let rank = if pubdate {
            3
        } else if near(id) {
            4
        } else {
            6
        };
        let c = DateCand {
            stamp: st,
            rank,
            visible: Some(doc.span(id)),
        };
        if is_mod { mods.push(c) } else { pubs.push(c) }
    }
    // Date lines: short texts after the headline.
    if let Some(start) = headline.map(|h| h.0 + 1).or(s.article.map(|a| a.0 + 1)) {
        date_lines(
            doc,
            start,
            dfirst,
            (headline, &s.bylines),
            &mut pubs,
            &mut mods,
        );
    }
    // Short date lines just above the headline ("Published May 1 by …" set over the h1): a
    // fallback only, since site headers carry today's date.
    if let Some(h) = headline
        && pubs.is_empty()
    {
        let from = h.0.saturating_sub(BEFORE_HEADLINE as u32);
        for (id, t) in short_digit_texts(doc, from, h.0) {
            let text = collapse(&t);
            if let Some(f) = date::find(&text, dfirst)
                && (label_kind(&text, f.start) == Some(Label::Published)
                    || (label_kind(&text, f.start).is_none() && words_around(&text, &f) == 0))
            {
                let st = f.stamp_in_line(&text, doc.span(id));
                pubs.push(DateCand {
                    stamp: st,
                    rank: 6,
                    visible: Some(doc.span(id)),
                });
                break;
            }
        }
    }
    // Elements whose class names a date, after the headline.
    let after_headline = |id: NodeId| headline.is_none_or(|h| id.0 > h.0);
    for &id in &s.datelines {
        if !after_headline(id) || s.times.contains(&id) {
            continue;
        }
        // A listed post's date, beside the link to it (a sidebar's latest posts).
        if beside_teaser_link(doc, id, headline, &s.bylines) {
            continue;
        }
        let Some(text) = line_text(doc, id) else {
            continue;
        };
        let (st, label) = match date::find(&text, dfirst) {
            // A sentence that mentions a date is no date line, whatever its class says
            // (a caption in `<span class="text-time-black">`: "… March 24, 2014 near …").
            Some(f) if in_sentence(doc, id, &text[f.start..f.end], dfirst) => continue,
            Some(f) => (
                f.stamp_in_line(&text, doc.span(id)),
                date_label(&text, &f, dfirst),
            ),
            None => {
                if !date::has_arabic(&text) {
                    continue;
                }
                // "نشر في: 14 مارس 2025 … آخر تحديث: 14 مارس 2025 …": the update has a
                // stamp of its own after its label.
                let (first, update) = split_at_update(&text);
                if let Some(u) = update
                    && let Some(st) = date::arabic_stamp(u, doc.span(id))
                {
                    mods.push(DateCand {
                        stamp: st,
                        rank: if near(id) { 5 } else { 6 },
                        visible: Some(doc.span(id)),
                    });
                }
                match date::arabic_stamp(first, doc.span(id)) {
                    Some(st) => (st, label_kind(&text, first.len())),
                    None => continue,
                }
            }
        };
        if label == Some(Label::Activity) {
            continue;
        }
        let is_mod = label == Some(Label::Modified);
        // Far below the headline and outside the article, a dated element belongs to a
        // teaser of another page.
        let c = DateCand {
            stamp: st,
            rank: if near(id) { 5 } else { 6 },
            visible: Some(doc.span(id)),
        };
        if is_mod { mods.push(c) } else { pubs.push(c) }
    }
    for &id in &s.bylines {
        if pubs.iter().any(|c| c.rank <= 5) {
            break;
        }
        if let Some(text) = line_text(doc, id)
            && let Some(f) = date::find(&text, dfirst)
        {
            let st = f.stamp_in_line(&text, doc.span(id));
            pubs.push(DateCand {
                stamp: st,
                rank: 6,
                visible: Some(doc.span(id)),
            });
        }
    }
    if let Some(p) = ld.page() {
        if let Some(st) = p.published.as_deref().and_then(|v| stamp(v, ld_span)) {
            pubs.push(DateCand {
                stamp: st,
                rank: 7,
                visible: None,
            });
        }
        if let Some(st) = p.modified.as_deref().and_then(|v| stamp(v, ld_span)) {
            mods.push(DateCand {
                stamp: st,
                rank: 7,
                visible: None,
            });
        }
    }
    // Nothing dated yet, no headline element and no article: date lines after the visible
    // text that repeats the title.
    if pubs.is_empty()
        && mods.is_empty()
        && let Some(t) = title_node
    {
        date_lines(
            doc,
            t.0 + 1,
            dfirst,
            (Some(t), &s.bylines),
            &mut pubs,
            &mut mods,
        );
    }
    // Still nothing: a line opened by a publication label ("Published: 5/5/2020",
    // "veröffentlicht am 6.12.06") dates a page wherever it stands.
    // Last, a line labelled as the page's own update ("Last updated: 01/23/2021", in a
    // manual's footer), as in flattened text.
    if pubs.is_empty() && mods.is_empty() {
        labelled_lines(doc, dfirst, &mut pubs, &mut mods);
    }
    let best = |v: &mut Vec<DateCand>| -> Option<DateCand> {
        v.sort_by_key(|c| c.rank);
        // Prefer, at the best rank, a stamp carrying an offset; a visible candidate on the
        // same day lends its span.
        // (Among dates the page shows, only one of the same day: another element's time is
        // another item's.)
        let first = v.first()?;
        let (r, day, shown) = (first.rank, first.stamp.day(), first.visible.is_some());
        let idx = v
            .iter()
            .position(|c| {
                c.rank == r
                    && date::offset_of(&c.stamp).is_some()
                    && (!shown || c.stamp.day() == day)
            })
            .unwrap_or(0);
        Some(v.swap_remove(idx))
    };
    // The date the page shows nearest after its headline (published or updated alike), within
    // NEAR_HEADLINE nodes of it.
    let shown_limit = headline.map(|h| {
        let n = (h.0 as usize + NEAR_HEADLINE).min(doc.len().saturating_sub(1));
        doc.span(NodeId(n as u32)).start
    });
    let shown = pubs
        .iter()
        .chain(mods.iter())
        .filter(|c| (3..=5).contains(&c.rank))
        .filter_map(|c| c.visible.map(|sp| (sp, c)))
        .filter(|(sp, _)| headline.is_none_or(|h| sp.start >= doc.span(h).start))
        .filter(|(sp, _)| shown_limit.is_none_or(|l| sp.start < l))
        .min_by_key(|(sp, _)| sp.start)
        .map(|(_, c)| c.stamp.clone());
    // Visible dates of three or more days in a row after the headline, within
    // LISTING_SPAN bytes, are a list of teasers or posts, not the page's own date: then no
    // visible date overrides the machine stamps.
    let mut shown_seq: Vec<(usize, &str)> = pubs
        .iter()
        .chain(mods.iter())
        .filter(|c| (3..=6).contains(&c.rank))
        .filter_map(|c| c.visible.zip(c.stamp.day()))
        .filter(|(sp, _)| headline.is_some_and(|h| sp.start >= doc.span(h).start))
        .map(|(sp, d)| (sp.start, d))
        .collect();
    shown_seq.sort_unstable();
    let listing = shown_seq.first().is_some_and(|&(first, _)| {
        let mut runs = 0usize;
        let mut last: Option<&str> = None;
        for &(at, d) in shown_seq
            .iter()
            .take_while(|(at, _)| *at < first + LISTING_SPAN)
        {
            let _ = at;
            if last != Some(d) {
                runs += 1;
                last = Some(d);
            }
        }
        runs >= MIN_LISTING_DAYS
    });
    // The published date shown by the headline (unlabelled or labelled published).
    // A <time> element set just above the headline (a title bar) is shown with it too.
    let above = |sp: Span| {
        headline.is_some_and(|h| {
            let hs = doc.span(h).start;
            sp.end <= hs && hs - sp.end <= ABOVE_HEADLINE_BYTES
        })
    };
    let shown_pub: Option<DateCand> = pubs
        .iter()
        .filter(|c| (3..=5).contains(&c.rank))
        .filter_map(|c| c.visible.map(|sp| (sp, c)))
        .filter(|(sp, c)| c.rank <= 4 && above(*sp))
        .max_by_key(|(sp, _)| sp.start)
        .or_else(|| {
            pubs.iter()
                .filter(|c| (3..=5).contains(&c.rank))
                .filter_map(|c| c.visible.map(|sp| (sp, c)))
                .filter(|(sp, _)| headline.is_some_and(|h| sp.start >= doc.span(h).start))
                .filter(|(sp, _)| shown_limit.is_some_and(|l| sp.start < l))
                .min_by_key(|(sp, _)| sp.start)
        })
        .map(|(_, c)| DateCand {
            stamp: c.stamp.clone(),
            rank: c.rank,
            visible: c.visible,
        });
    let mut spans = Vec::new();
    let mut p = best(&mut pubs);
    let mut md = best(&mut mods);
    // Days a visible date may show without contradicting the machine stamp: the published
    // day in its own zone or in UTC (a page rendering the instant in another zone).
    let machine_days: Vec<&str> = p
        .iter()
        .filter(|c| c.visible.is_none())
        .flat_map(|c| {
            [
                c.stamp.day(),
                c.stamp.utc.as_deref().and_then(|u| u.get(..10)),
            ]
        })
        .flatten()
        .collect();
    // The same instant shown with the page's own (non-UTC) offset, against a machine stamp
    // written in UTC, gives the page's day.
    let same_instant_local = |sp: &DateCand| {
        p.as_ref().is_some_and(|c| {
            c.visible.is_none()
                && date::offset_of(&c.stamp) == Some(0)
                && date::offset_of(&sp.stamp).is_some_and(|o| o != 0)
                && c.stamp.utc.is_some()
                && c.stamp.utc == sp.stamp.utc
        })
    };
    // A shown day written in numbers that reads as the machine's day with day and month
    // swapped ("11.03.17" for 2017-11-03) is that day in the other order.
    let swapped = |d: &str| -> Option<String> {
        let (y, rest) = d.split_at_checked(5)?;
        let (m, dd) = rest.split_once('-')?;
        let day: u32 = dd.parse().ok()?;
        (day <= 12 && m != dd).then(|| format!("{y}{dd}-{m}"))
    };
    let agrees = |sp: &DateCand, d: &str| {
        machine_days.contains(&d)
            || (numeric_date(&sp.stamp.text)
                && swapped(d).is_some_and(|w| machine_days.contains(&w.as_str())))
    };
    let shown_pub = shown_pub
        .filter(|sp| same_instant_local(sp) || sp.stamp.day().is_none_or(|d| !agrees(sp, d)));
    // What readers see by the headline wins over a machine stamp of another day (a migrated or
    // republished page keeps its shown date); on the same day the machine stamp, with its
    // time and offset, stays.
    // A live blog shows its updates' times by the headline, newest first: not its start.
    let live = main.is_some_and(|it| it.kind.eq_ignore_ascii_case("LiveBlogPosting"));
    if let Some(sp) = shown_pub.filter(|_| !listing && !live)
        && p.as_ref().is_none_or(|c| c.stamp.day() != sp.stamp.day())
    {
        p = Some(sp);
    }
    if let (Some(p), Some(mo)) = (&p, &md)
        && mo.stamp.local < p.stamp.local
        && mo.stamp.day() < p.stamp.day()
    {
        // A "modified" before the published day is not a modification.
        md = None;
    }
    for c in [&p, &md].into_iter().flatten() {
        if let Some(sp) = c.visible {
            spans.push(sp);
        }
    }
    // A page that gives only an update date ("Last updated: …") is dated by it: it is the one
    // date its readers see, and the page was published no later.
    let p = p
        .map(|c| c.stamp)
        .or_else(|| md.as_ref().map(|c| c.stamp.clone()));
    (p, md.map(|c| c.stamp), shown, spans)
}

/// True when a date is written in numbers alone ("11.03.17", "03/11/2017"): its day and
/// month may be read in either order.
fn numeric_date(text: &str) -> bool {
    text.chars().any(|c| c.is_ascii_digit()) && !text.chars().any(char::is_alphabetic)
}

/// The byline elements of a page, those after the headline first, nearest first.
fn byline_order(s: &Scan<'_>, headline: Option<NodeId>) -> Vec<NodeId> {
    let mut order: Vec<NodeId> = s.bylines.clone();
    if let Some(h) = headline {
        order.sort_by_key(|id| {
            if id.0 > h.0 {
                id.0 - h.0
            } else {
                u32::MAX - (h.0 - id.0)
            }
        });
    }
    order
}

/// True when `name` is a news agency or an outlet of the agency lexicon (`marsad_arabic`'s
/// agencies: "Associated Press", "The Associated Press", "رويترز", "CNN").
fn is_agency(name: &str) -> bool {
    let n = name.trim();
    let n = n
        .strip_prefix("The ")
        .or_else(|| n.strip_prefix("the "))
        .unwrap_or(n);
    marsad_arabic::agencies::lookup(n).is_some_and(|a| a.kind != marsad_model::AgencyKind::Generic)
}

/// The names a visible byline gives and its span: a byline element (class / id / rel hints),
/// nearest the headline first, else a "By X" line after the headline.
fn visible_byline(
    doc: &Document<'_>,
    s: &Scan<'_>,
    headline: Option<NodeId>,
    not_site: &dyn Fn(&str) -> bool,
) -> Option<(Vec<String>, Span)> {
    // The names a line gives that read as people's, not the site's.
    let people = |text: &str| -> Vec<String> {
        author_names(text)
            .into_iter()
            .filter(|n| not_site(n) && clean::looks_like_name(n))
            .collect()
    };
    // Byline elements, nearest the headline first.
    for id in byline_order(s, headline) {
        if doc
            .tag(id)
            .is_some_and(|t| matches!(t, "img" | "script" | "style" | "svg" | "meta"))
        {
            continue;
        }
        if quoted_or_aside(doc, id) {
            continue;
        }
        let Some(text) = byline_text(doc, id) else {
            continue;
        };
        let names = people(&text);
        if !names.is_empty() {
            return Some((names, doc.span(id)));
        }
    }
    // "By X" lines after the headline.
    if let Some(h) = headline {
        let end = (h.0 as usize + NEAR_HEADLINE).min(doc.len()) as u32;
        for i in h.0 + 1..end {
            let id = NodeId(i);
            if !doc.is_text(id) {
                continue;
            }
            let t = doc.text(id);
            let t = t.trim_start();
            let lower = cut(t, 32).to_lowercase();
            // The byline word, then a name: a lower-case word opening a longer text starts a
            // sentence ("By default, items only show up …"), not a byline ("by ibby").
            let opens = WORDS.byline_prefix.iter().any(|p| {
                lower.starts_with(p.as_str())
                    && lower[p.len()..]
                        .chars()
                        .next()
                        .is_some_and(|c| !c.is_alphanumeric())
                    && t.get(p.len()..).is_some_and(|r| {
                        r.split_whitespace().count() <= MAX_LOWER_BYLINE_WORDS
                            || r.trim_start_matches(|c: char| !c.is_alphanumeric())
                                .chars()
                                .next()
                                .is_none_or(|c| !c.is_lowercase())
                    })
            });
            if !opens {
                continue;
            }
            let (el, text) = match doc
                .parent(id)
                .and_then(|p| line_text(doc, p).map(|l| (p, l)))
            {
                Some(x) => x,
                None => (id, collapse(t)),
            };
            let names = people(&text);
            if !names.is_empty() {
                return Some((names, doc.span(el)));
            }
        }
    }
    None
}

/// Most words of a byline line read from its author links ([`linked_byline`]).
const MAX_LINKED_BYLINE_WORDS: usize = 16;
/// Fewest words of a link's text that make it a headline's link (a teaser card's), not a
/// byline's.
const MIN_HEADLINE_LINK_WORDS: usize = 3;

/// The names a byline gives by its links alone (hashed classes, no "By": `<div
/// class="d1dba0"><a href="/by/p535y1">Jane Doe</a> · May 5</div>`) and its span: the author
/// links ([`is_author_page`]) after the headline, outside the page's footer, navigation and
/// asides, whose text names a person the address agrees with ([`writer_name`]). The first
/// line (the links' nearest block) holding such a link must read as a byline: short, opening
/// with a name or a byline word ("By", "بقلم"), with no link of the site's own with a
/// headline's words beside it (a teaser card). Byline lines under another parent are cards;
/// later lines that are no byline (a person linked in the story) are passed over.
fn linked_byline(
    doc: &Document<'_>,
    s: &Scan<'_>,
    headline: Option<NodeId>,
    host: Option<&str>,
    not_site: &dyn Fn(&str) -> bool,
) -> Option<(Vec<String>, Span)> {
    use super::dom::Tag;
    let h = headline?;
    let end = h.0.saturating_add(NEAR_HEADLINE as u32);
    let people = |text: &str| -> Vec<String> {
        author_names(text)
            .into_iter()
            .filter(|n| not_site(n) && clean::looks_like_name(n))
            .collect()
    };
    let block_of = |a: NodeId| {
        doc.ancestors(a)
            .take(MAX_STORY_LEVELS)
            .find(|&u| doc.tag_code(u).is_some_and(|t| !t.is_inline()))
            .unwrap_or(a)
    };
    // Per line (the links' nearest block), in document order: its names and its first link.
    let mut lines: Vec<(NodeId, Vec<String>, NodeId)> = Vec::new();
    for &a in &s.author_links {
        if a.0 <= h.0 || a.0 >= end || quoted_or_aside(doc, a) {
            continue;
        }
        let Some(href) = doc.attr_raw(a, "href") else {
            continue;
        };
        if !is_author_page(href, host)
            || doc
                .ancestors(a)
                .take(MAX_STORY_LEVELS)
                .any(|up| matches!(doc.tag_code(up), Some(Tag::Footer | Tag::Nav | Tag::Aside)))
        {
            continue;
        }
        let names: Vec<String> = line_text(doc, a)
            .map(|t| people(&t))
            .unwrap_or_default()
            .iter()
            .filter_map(|n| writer_name(n, href))
            .collect();
        if names.is_empty() {
            continue;
        }
        let line = block_of(a);
        let at = match lines.iter().position(|(l, _, _)| *l == line) {
            Some(i) => i,
            None => {
                lines.push((line, Vec::new(), a));
                lines.len() - 1
            }
        };
        for n in names {
            if !lines[at].1.iter().any(|o| key(o) == key(&n)) {
                lines[at].1.push(n);
            }
        }
    }
    // A link of the site's own (not an author's) with a headline's words: a teaser card's.
    let own_link = |d: NodeId| {
        doc.attr_raw(d, "href").is_some_and(|href| {
            let href = href.trim();
            !href.starts_with(['#', '?'])
                && !href.starts_with("javascript:")
                && !href.starts_with("mailto:")
                && match split_href(href).0 {
                    Some(link_host) => host.is_some_and(|p| {
                        p.trim_start_matches("www.")
                            .eq_ignore_ascii_case(link_host.trim_start_matches("www."))
                    }),
                    None => true,
                }
        })
    };
    let byline_shaped = |line: NodeId, link: NodeId| {
        let Some(text) = line_text(doc, line) else {
            return false;
        };
        let Some(at) = line_text(doc, link).and_then(|l| text.find(l.as_str())) else {
            return false;
        };
        let label = text[..at]
            .trim_matches(|c: char| !c.is_alphanumeric())
            .to_lowercase();
        text.split_whitespace().count() <= MAX_LINKED_BYLINE_WORDS
            && (label.is_empty() || is_byline_prefix(&label))
            && !doc.descendants(line).any(|d| {
                doc.tag_is(d, Tag::A)
                    && !s.author_links.contains(&d)
                    && own_link(d)
                    && line_text(doc, d)
                        .is_some_and(|t| t.split_whitespace().count() >= MIN_HEADLINE_LINK_WORDS)
            })
    };
    let (first, _, first_link) = lines.first()?;
    if !byline_shaped(*first, *first_link) {
        return None;
    }
    let parent = doc.parent(*first);
    let bylines: Vec<&(NodeId, Vec<String>, NodeId)> = lines
        .iter()
        .filter(|(l, _, link)| byline_shaped(*l, *link))
        .collect();
    if bylines.iter().any(|(l, _, _)| doc.parent(*l) != parent) {
        return None;
    }
    let names: Vec<String> = bylines
        .iter()
        .flat_map(|(_, n, _)| n.iter().cloned())
        .collect();
    let last = bylines.last().map_or(*first, |(l, _, _)| *l);
    let span = Span {
        start: doc.span(*first).start,
        end: doc.span(last).end,
    };
    Some((names, span))
}

/// Most words of a name whose address holds one of them ([`writer_name`]).
const MAX_NAME_WORDS_ONE_HELD: usize = 3;

/// A name as a writer's page address agrees with it, or `None`. The address's last segment,
/// written in words ("jane-doe"), must hold the name's words (marks over letters aside: "José
/// García", "jose-garcia"; a joined segment holds them too: "janedoe", "oconnor"): all of them,
/// or all but capitalised words between them ("Mary Ann Smith" at "mary-smith"), or one word of
/// a short capitalised name ("Jane Doe" at "jane" or "jdoe"); else the run of two or more words
/// it holds is the name ("View all posts by Jane Doe", "About Jane Doe" are Jane Doe's). An opaque id ("p535y1") and a name without Latin
/// letters agree with any address.
fn writer_name(name: &str, href: &str) -> Option<String> {
    use unicode_normalization::UnicodeNormalization;
    let path = href.split(['?', '#']).next().unwrap_or("");
    let slug = path.split('/').rev().find(|x| !x.is_empty())?;
    if slug.chars().any(|c| c.is_ascii_digit()) || !name.chars().any(|c| c.is_ascii_alphabetic()) {
        return Some(name.to_string());
    }
    // (Letters decomposition leaves whole are spelled as addresses spell them: "Straße",
    // "strasse"; "Søren", "soren"; "Łukasz", "lukasz".)
    let fold = |w: &str| -> String {
        let mut out = String::with_capacity(w.len());
        for c in w
            .nfd()
            .filter(|c| !unicode_normalization::char::is_combining_mark(*c))
            .flat_map(char::to_lowercase)
        {
            match c {
                'ß' => out.push_str("ss"),
                'æ' => out.push_str("ae"),
                'œ' => out.push_str("oe"),
                'ø' => out.push('o'),
                'ł' => out.push('l'),
                'đ' => out.push('d'),
                'ı' => out.push('i'),
                c => out.push(c),
            }
        }
        out
    };
    let slug = fold(slug);
    let slug_words: Vec<&str> = slug
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .collect();
    let held = |w: &str| {
        slug_words
            .iter()
            .any(|s| *s == w || (w.len() >= 3 && s.contains(w)))
    };
    // The name's words of two letters or more, with their byte ranges.
    let mut words: Vec<(usize, usize, bool)> = Vec::new();
    let mut start = None;
    for (i, c) in name
        .char_indices()
        .chain(std::iter::once((name.len(), ' ')))
    {
        match (c.is_alphanumeric(), start) {
            (true, None) => start = Some(i),
            (false, Some(st)) => {
                let w = &name[st..i];
                if w.chars().count() >= 2 {
                    words.push((st, i, held(&fold(w))));
                }
                start = None;
            }
            _ => {}
        }
    }
    if words.is_empty() {
        return None;
    }
    let capitalised = |&(a, _, _): &(usize, usize, bool)| {
        name[a..].chars().next().is_some_and(char::is_uppercase)
    };
    let held: Vec<usize> = (0..words.len()).filter(|&i| words[i].2).collect();
    let (Some(&first), Some(&last)) = (held.first(), held.last()) else {
        return None;
    };
    // One word held, the others capitalised like a name's, in a short name ("Jane Doe" at
    // "jane" or "jdoe"): the whole name.
    if held.len() == 1 {
        let whole = words.len() <= MAX_NAME_WORDS_ONE_HELD
            && words.iter().filter(|w| !w.2).all(capitalised);
        return whole.then(|| name.to_string());
    }
    // Capitalised words between held ones are a middle name ("Mary Ann Smith" at
    // "mary-smith"): the whole name.
    if (0..words.len())
        .filter(|i| !words[*i].2)
        .all(|i| first < i && i < last && capitalised(&words[i]))
    {
        return Some(name.to_string());
    }
    // Else the longest run of held words, two or more ("About Jane Doe", "Jane Doe Twitter").
    let mut best: Option<(usize, usize)> = None;
    let mut i = 0;
    while i < words.len() {
        if !words[i].2 {
            i += 1;
            continue;
        }
        let mut j = i;
        while j + 1 < words.len() && words[j + 1].2 {
            j += 1;
        }
        if j > i && best.is_none_or(|(a, b)| j - i > b - a) {
            best = Some((i, j));
        }
        i = j + 1;
    }
    best.map(|(a, b)| name[words[a].0..words[b].1].to_string())
}

#[allow(clippy::too_many_arguments)]
fn pick_authors(
    doc: &Document<'_>,
    s: &Scan<'_>,
    main: Option<&jsonld::Item>,
    ld_items: &[jsonld::Item],
    ld_span: Span,
    headline: Option<NodeId>,
    sites: &[String],
    host: Option<&str>,
    article: bool,
) -> (Vec<Text>, Vec<Span>) {
    let not_site = |n: &str| !sites.iter().any(|s| key(s) == key(n));
    let finish = |names: Vec<String>, span: Span| -> Vec<Text> {
        let mut out: Vec<Text> = Vec::new();
        for n in names {
            let n = clean::without_site_tail(&n, sites).to_string();
            // "Adam Renton, CNN": the agency after the last name's comma is whom it writes for.
            let n = match n.rsplit_once(", ") {
                Some((who, ag)) if is_agency(ag) && who.split_whitespace().count() >= 2 => {
                    who.trim().to_string()
                }
                _ => n,
            };
            if out.iter().any(|o| key(&o.text) == key(&n)) {
                continue;
            }
            out.push(Text::new(n, span));
        }
        // A news agency named beside people ("Lisa Mascaro, Associated Press") is whom they
        // write for, not an author; named alone ("Reuters") it is the byline.
        if out.iter().any(|t| !is_agency(&t.text)) {
            out.retain(|t| !is_agency(&t.text));
        }
        out
    };
    // The visible byline, when it names one of the authors the metadata gives: it is read,
    // so it leaves the text.
    let shown_byline = |names: &[String]| -> Vec<Span> {
        visible_byline(doc, s, headline, &not_site)
            .filter(|(shown, _)| shown.iter().any(|n| names.iter().any(|m| key(m) == key(n))))
            .map(|(_, span)| vec![span])
            .unwrap_or_default()
    };
    // 1. JSON-LD: the main item, then other article items. Organisation-only bylines (or the
    //    site's own name) are kept as a fallback: a person named anywhere below wins over them.
    let mut fallback: Option<(Vec<String>, Span)> = None;
    let mut items: Vec<&jsonld::Item> = main.into_iter().collect();
    items.extend(
        ld_items
            .iter()
            .filter(|it| it.class == Some(jsonld::TypeClass::Article))
            .filter(|it| main.is_none_or(|m| !std::ptr::eq(*it, m))),
    );
    for it in items {
        let mut names = Vec::new();
        for a in &it.authors {
            names.extend(author_names(a));
        }
        if names.is_empty() {
            continue;
        }
        let org_only = it.author_is_org || names.iter().all(|n| !not_site(n));
        if org_only {
            if fallback.is_none() {
                fallback = Some((names, ld_span));
            }
            continue;
        }
        names.retain(|n| not_site(n));
        let shown = shown_byline(&names);
        return (finish(names, ld_span), shown);
    }
    // 2. <meta> author keys.
    let mut metas: Vec<&MetaVal> = s
        .metas
        .iter()
        .filter(|v| v.field == Field::Author)
        .collect();
    metas.sort_by_key(|v| v.rank);
    for (k, v) in metas.iter().enumerate() {
        let same: Vec<&MetaVal> = metas[k..]
            .iter()
            .take_while(|w| w.rank == v.rank)
            .copied()
            .collect();
        // One <meta> per author ("citation_author" repeated) may write "Last, First".
        let per_author = |value: &str| -> Vec<String> {
            if same.len() > 1
                && let Some((last, first)) = value.split_once(", ")
                && !last.trim().contains(' ')
                && !first.contains(',')
                && first.split_whitespace().count() <= 3
            {
                return author_names(&format!("{} {}", first.trim(), last.trim()));
            }
            author_names(value)
        };
        let mut names: Vec<String> = per_author(&v.value);
        if names.is_empty() {
            continue;
        }
        // The same key's values together.
        for w in same.iter().skip(1) {
            for n in per_author(&w.value) {
                if names.len() < MAX_AUTHORS && !names.iter().any(|o| key(o) == key(&n)) {
                    names.push(n);
                }
            }
        }
        // A value opening with the site's name is its imprint ("SPIEGEL ONLINE, Hamburg,
        // Germany"), not a list of people: the site alone is the fallback.
        if names.len() > 1 && !not_site(&names[0]) {
            names.truncate(1);
        }
        if names.iter().all(|n| !not_site(n) || is_site(n, &[], host)) {
            if fallback.is_none() {
                fallback = Some((names, v.span));
            }
            continue;
        }
        // One name from this key, while another key lists several authors with that name
        // among them ("DC.Creator" gives the first author, "citation_author" all of them):
        // the list.
        if names.len() == 1 {
            let first = key(&names[0]);
            let mut ranks: Vec<usize> = metas.iter().map(|w| w.rank).collect();
            ranks.dedup();
            for r in ranks.into_iter().filter(|r| *r != v.rank) {
                let mut list: Vec<String> = Vec::new();
                for w in metas.iter().filter(|w| w.rank == r) {
                    for n in author_names(&w.value) {
                        if list.len() < MAX_AUTHORS && !list.iter().any(|o| key(o) == key(&n)) {
                            list.push(n);
                        }
                    }
                }
                if list.len() > 1 && list.iter().any(|n| key(n) == first) {
                    names = list;
                    break;
                }
            }
        }
        let shown = shown_byline(&names);
        return (finish(names, v.span), shown);
    }
    // 3. Microdata itemprop=author.
    for (p, id) in &s.props {
        if p != "author" {
            continue;
        }
        let name = doc
            .descendants(*id)
            .take(64)
            .find(|&d| {
                doc.attr(d, "itemprop")
                    .is_some_and(|v| v.eq_ignore_ascii_case("name"))
            })
            .and_then(|d| {
                doc.attr(d, "content")
                    .map(|c| c.to_string())
                    .or_else(|| line_text(doc, d))
            })
            .or_else(|| doc.attr(*id, "content").map(|c| c.to_string()))
            .or_else(|| line_text(doc, *id));
        if let Some(n) = name {
            let names: Vec<String> = author_names(&n)
                .into_iter()
                .filter(|n| not_site(n))
                .collect();
            if !names.is_empty() {
                let visible = (doc.tag(*id) != Some("meta")).then(|| doc.span(*id));
                return (finish(names, doc.span(*id)), visible.into_iter().collect());
            }
        }
    }
    // 4. and 5. The visible byline.
    if let Some((names, span)) = visible_byline(doc, s, headline, &not_site) {
        return (finish(names, span), vec![span]);
    }
    // 6. A label element ("Written by", "Article by") with the name in the next text.
    if fallback.is_none() {
        let mut i = 0u32;
        while (i as usize) < doc.len() {
            let id = NodeId(i);
            i += 1;
            if !doc.is_text(id) {
                continue;
            }
            let t = doc.text(id);
            if t.len() > MAX_LABEL_TEXT {
                continue;
            }
            let label = t
                .trim()
                .trim_end_matches([':', '：'])
                .trim_end()
                .to_lowercase();
            // A bare "by" labels too much (listings, credits); a label of some length does not.
            if label.len() < 4 || !WORDS.byline_prefix.contains(&label) {
                continue;
            }
            let next = (i..(i + 8).min(doc.len() as u32))
                .map(NodeId)
                .find(|&n| doc.is_text(n) && !doc.text(n).trim().is_empty());
            let Some(n) = next else { continue };
            let text = collapse(&doc.text(n));
            let names: Vec<String> = author_names(&text)
                .into_iter()
                .filter(|n| {
                    not_site(n) && clean::looks_like_name(n) && n.split_whitespace().count() >= 2
                })
                .collect();
            if !names.is_empty() && text.len() <= MAX_LINE_TEXT {
                return (finish(names, doc.span(n)), vec![doc.span(n)]);
            }
        }
    }
    // 7. On an article, a byline given by its author links alone, when nothing above named
    //    anyone (on a profile or an event page such a link names whom the page is about).
    if article
        && fallback.is_none()
        && let Some((names, span)) = linked_byline(doc, s, headline, host, &not_site)
    {
        return (finish(names, span), vec![span]);
    }
    match fallback {
        Some((names, span)) => (finish(names, span), Vec::new()),
        None => (Vec::new(), Vec::new()),
    }
}

/// Levels above an author link looked at for the footer, navigation or aside it sits in.
const MAX_STORY_LEVELS: usize = 32;

/// Levels above a byline element looked at for a quotation or a sidebar around it.
const MAX_QUOTE_LEVELS: usize = 8;

/// True when an element sits in a quotation (`<blockquote>`, a `quote` class: an embedded
/// post, a testimonial) or a figure: a byline there names who is quoted or the picture's
/// author, a date line there dates the post or the picture, not the page. (`<body>`'s own
/// classes describe the layout and are not read.)
fn quoted_or_aside(doc: &Document<'_>, id: NodeId) -> bool {
    let mut cur = Some(id);
    for _ in 0..MAX_QUOTE_LEVELS {
        let Some(c) = cur else { break };
        if doc.tag_is(c, super::dom::Tag::Body) {
            break;
        }
        if matches!(
            doc.tag_code(c),
            Some(super::dom::Tag::Blockquote | super::dom::Tag::Q | super::dom::Tag::Figure)
        ) || doc.attr(c, "class").is_some_and(|v| {
            v.split(|ch: char| !ch.is_ascii_alphanumeric()).any(|t| {
                WORDS
                    .byline_not_inside
                    .iter()
                    .any(|w| t.eq_ignore_ascii_case(w))
            })
        }) {
            return true;
        }
        cur = doc.parent(c);
    }
    false
}

/// Most words after a byline word ("by") in a text that opens with a lower-case word and is
/// still read as a byline ("by ibby"); a longer one is a sentence ("By default, items …").
pub const MAX_LOWER_BYLINE_WORDS: usize = 3;

/// Most authors read from repeated `<meta>` author keys.
pub const MAX_AUTHORS: usize = 32;

/// Longest text node read as a byline label ("Written by:").
pub const MAX_LABEL_TEXT: usize = 40;

#[cfg(test)]
mod tests {
    use super::*;

    fn meta(page: &str) -> Meta {
        let doc = Document::parse(page);
        read(&doc, page, &Options::default())
    }

    #[test]
    fn h1_naming_a_later_title_part_gives_way_to_the_leading_part() {
        // "Headline | Section | Site" over an h1 naming the section: the headline leads.
        let m = meta(
            r#"<html><head><title>أسعار الذهب ترتفع اليوم | اقتصاد عربي | الجزيرة نت</title>
            <meta property="og:site_name" content="الجزيرة نت"></head>
            <body><h1>اقتصاد عربي</h1><p>نص</p></body></html>"#,
        );
        assert_eq!(m.title.unwrap().text, "أسعار الذهب ترتفع اليوم");
        let m = meta(
            r#"<html><head><title>Local SEO Software | Local SEO Tools | Try for Free - Brand</title>
            </head><body><h1>Local SEO Tools</h1><p>Text.</p></body></html>"#,
        );
        assert_eq!(m.title.unwrap().text, "Local SEO Software");
        // A short lead is a tag or the site: the h1 stays the headline.
        let m = meta(
            r#"<html><head><title>backup - How to back up my entire system? - Ask Site</title>
            </head><body><h1>How to back up my entire system?</h1><p>Text.</p></body></html>"#,
        );
        assert_eq!(m.title.unwrap().text, "How to back up my entire system?");
        let m = meta(
            r#"<html><head><title>الجزيرة نت | عنوان الخبر</title>
            <meta property="og:site_name" content="الجزيرة نت"></head>
            <body><h1>عنوان الخبر</h1><p>نص</p></body></html>"#,
        );
        assert_eq!(m.title.unwrap().text, "عنوان الخبر");
    }

    #[test]
    fn an_author_key_opening_with_the_site_is_its_imprint() {
        let page = |author: &str| {
            format!(
                r#"<html><head><meta property="og:site_name" content="Daily Paper">
                <meta name="author" content="{author}"></head>
                <body><h1>Headline of the story</h1><p>Text.</p></body></html>"#
            )
        };
        let names = |a: &str| -> Vec<String> {
            meta(&page(a)).authors.into_iter().map(|t| t.text).collect()
        };
        assert_eq!(names("Daily Paper, Hamburg, Germany"), ["Daily Paper"]);
        assert_eq!(names("Jane Doe, John Roe"), ["Jane Doe", "John Roe"]);
    }

    #[test]
    fn of_several_declared_site_names_the_title_names_one() {
        // og:site_name names a section; the JSON-LD publisher and the page title agree on
        // the outlet.
        let page = |title_site: &str| {
            format!(
                r#"<html><head><title>عنوان الخبر | {title_site}</title>
                <meta property="og:site_name" content="الشرق الأوسط">
                <script type="application/ld+json">{{"@type":"NewsArticle","headline":"عنوان الخبر",
                "publisher":{{"@type":"Organization","name":"وكالة الأنباء"}}}}</script></head>
                <body><h1>عنوان الخبر</h1><p>نص</p></body></html>"#
            )
        };
        assert_eq!(
            meta(&page("وكالة الأنباء")).site.as_deref(),
            Some("وكالة الأنباء")
        );
        // A title part naming no declared site leaves the first declared name.
        assert_eq!(
            meta(&page("أخبار اليوم")).site.as_deref(),
            Some("الشرق الأوسط")
        );
    }

    #[test]
    fn an_undeclared_site_name_is_the_title_part_after_the_headline() {
        let page = "<html><head><title>Personal Training - UT RecSports</title></head><body>\
                    <h1>Personal Training</h1><p>Sessions with a certified trainer.</p></body></html>";
        let m = meta(page);
        assert_eq!(m.site.as_deref(), Some("UT RecSports"));
        // A declared name stands.
        let m = meta(&page.replace(
            "</title>",
            "</title><meta property=\"og:site_name\" content=\"RecSports\">",
        ));
        assert_eq!(m.site.as_deref(), Some("RecSports"));
        // A title that is the headline alone names no site.
        let m = meta(&page.replace(" - UT RecSports", ""));
        assert_eq!(m.site, None);
    }

    #[test]
    fn page_title_without_headline_loses_its_site_suffix() {
        // A news article with its headline outside any h1: the headline, without the site.
        let m = meta(
            r#"<html><head><title>العاصفة تضرب الساحل | الجريدة اليومية</title>
            <meta property="og:site_name" content="الجريدة اليومية">
            <meta property="og:type" content="article"></head>
            <body><p>نص</p></body></html>"#,
        );
        assert_eq!(m.title.unwrap().text, "العاصفة تضرب الساحل");
        let m = meta(
            r#"<html><head><title>العاصفة تضرب الساحل | الجريدة اليومية</title>
            <meta property="og:site_name" content="الجريدة اليومية">
            <script type="application/ld+json">{"@type":"NewsArticle","headline":"العاصفة تضرب الساحل"}</script>
            </head><body><h2>العاصفة تضرب الساحل</h2><p>نص</p></body></html>"#,
        );
        assert_eq!(m.title.unwrap().text, "العاصفة تضرب الساحل");
        // A publication date declares an article too.
        let m = meta(
            r#"<html><head><title>Storm hits the coast - Daily Paper</title>
            <meta property="og:site_name" content="Daily Paper">
            <meta property="article:published_time" content="2025-01-02T10:00:00Z"></head>
            <body><p>Text.</p></body></html>"#,
        );
        assert_eq!(m.title.unwrap().text, "Storm hits the coast");
        // An article's JSON-LD headline naming one part of the title cuts it.
        let m = meta(
            r#"<html><head><title>Learn web development | Dev Site</title>
            <script type="application/ld+json">{"@type":"Article","headline":"Learn web development"}</script>
            </head><body><p>Text.</p></body></html>"#,
        );
        assert_eq!(m.title.unwrap().text, "Learn web development");
    }

    #[test]
    fn links_marked_as_tags_are_the_tags_when_none_is_declared() {
        let page = r#"<html><body><aside><a rel=tag href=/t/x>وسم الشريط الجانبي</a></aside>
            <article><h1>ارتفاع أسعار الذهب</h1><p>نص</p><div class=post-tags>الوسوم:
            <a href=/t/gold rel="tag">الذهب</a> <a href=/t/p rel=tag>الأسعار</a>
            <a href=/t/gold rel=tag>الذهب</a> <a href=/c/eco rel="category tag">اقتصاد</a>
            </div></article></body></html>"#;
        assert_eq!(meta(page).tags, ["الذهب", "الأسعار"]);
        // Declared keywords come first, and alone.
        let declared = page.replace(
            "<html>",
            r#"<html><head><meta name="keywords" content="ذهب, بورصة"></head>"#,
        );
        assert_eq!(meta(&declared).tags, ["ذهب", "بورصة"]);
    }

    #[test]
    fn page_title_without_headline_is_kept_whole() {
        // A page that declares no article, without a visible headline, names itself only in
        // its metadata, site name included.
        let m = meta(
            r#"<html><head><title>العاصفة تضرب الساحل | الجريدة اليومية</title>
            <meta property="og:site_name" content="الجريدة اليومية"></head>
            <body><p>نص</p></body></html>"#,
        );
        assert_eq!(
            m.title.unwrap().text,
            "العاصفة تضرب الساحل | الجريدة اليومية"
        );
        // An og:type "article" that JSON-LD contradicts (the main item is a plain web page)
        // declares no article.
        let m = meta(
            r#"<html><head><title>Workforce Development | City Hall</title>
            <meta property="og:site_name" content="City Hall">
            <meta property="og:type" content="article">
            <script type="application/ld+json">{"@type":"WebPage","name":"Workforce Development | City Hall","datePublished":"2020-01-01"}</script>
            </head><body><p>Text.</p></body></html>"#,
        );
        assert_eq!(m.title.unwrap().text, "Workforce Development | City Hall");
        // The OpenGraph title, as written, names the page before the page title.
        let m = meta(
            r#"<html><head><title>Classic Sheet Set | Cotton Sheets | Linen Co</title>
            <meta property="og:title" content="Classic Core Sheet Set"></head>
            <body><p>Text.</p></body></html>"#,
        );
        assert_eq!(m.title.unwrap().text, "Classic Core Sheet Set");
        let m = meta(
            r#"<html><head><title>Big story - Linen Co</title>
            <meta property="og:title" content="Big story - Linen Co"></head>
            <body><p>Text.</p></body></html>"#,
        );
        assert_eq!(m.title.unwrap().text, "Big story - Linen Co");
        // An OpenGraph title that is only the site's name yields to the page title.
        let m = meta(
            r#"<html><head><title>Big story - Linen Co</title>
            <meta property="og:title" content="Linen Co"><meta property="og:site_name" content="Linen Co">
            </head><body><p>Text.</p></body></html>"#,
        );
        assert_eq!(m.title.unwrap().text, "Big story - Linen Co");
    }

    #[test]
    fn jsonld_graph_page() {
        let page = r##"<html lang="en-GB"><head><title>Big News Today | The Daily</title>
        <script type="application/ld+json">{"@context":"https://schema.org","@graph":[
          {"@type":"WebSite","@id":"#site","name":"The Daily"},
          {"@type":"NewsArticle","headline":"Big News Today","datePublished":"2024-03-05T23:30:00-05:00",
           "dateModified":"2024-03-06T08:00:00-05:00",
           "author":[{"@type":"Person","name":"Jane Doe"},{"@type":"Person","name":"John Roe"}],
           "publisher":{"@id":"#site"}},
        ]}</script></head><body><h1>Big News Today</h1></body></html>"##;
        let m = meta(page);
        assert_eq!(m.title.as_ref().unwrap().text, "Big News Today");
        let p = m.published.unwrap();
        assert_eq!(p.day(), Some("2024-03-05"));
        assert_eq!(p.utc.as_deref(), Some("2024-03-06T04:30:00Z"));
        assert_eq!(m.modified.unwrap().local, "2024-03-06T08:00:00-05:00");
        let names: Vec<_> = m.authors.iter().map(|a| a.text.as_str()).collect();
        assert_eq!(names, vec!["Jane Doe", "John Roe"]);
        assert_eq!(m.site.as_deref(), Some("The Daily"));
        assert_eq!(m.lang.as_deref(), Some("en"));
        assert_eq!(m.dir, Some(Dir::Ltr));
        assert_eq!(m.page_type.as_deref(), Some("NewsArticle"));
        assert!(!m.consumed.is_empty());
    }

    #[test]
    fn a_fact_check_is_the_page_s_article() {
        // A fact check (ClaimReview) is the story; the claim it reviews (a CreativeWork, with
        // the claim's own date) is not.
        let page = r#"<html><head><title>Does X Have $17 Million? | Checks</title>
        <script type="application/ld+json">{"@type":"ClaimReview","datePublished":"2019-11-18T10:15:00+00:00",
          "author":{"@type":"Person","name":"Dan Evon"},
          "itemReviewed":{"@type":"CreativeWork","datePublished":"2019-11-15","author":{"@type":"Person","name":"Someone Else"}}}
        </script></head><body><h1>Does X Have $17 Million?</h1><p>Text.</p></body></html>"#;
        let m = meta(page);
        assert_eq!(m.page_type.as_deref(), Some("ClaimReview"));
        assert!(crate::html::is_article_type("ClaimReview"));
        assert_eq!(m.published.unwrap().day(), Some("2019-11-18"));
        let names: Vec<_> = m.authors.iter().map(|a| a.text.as_str()).collect();
        assert_eq!(names, vec!["Dan Evon"]);
    }

    #[test]
    fn a_page_without_metadata_titles_is_named_by_its_first_h1() {
        let m = meta("<html><body><h1>First</h1><h1>Second</h1><p>Text.</p></body></html>");
        assert_eq!(m.title.unwrap().text, "First");
        // Nothing to name it: no title.
        assert!(
            meta("<html><body><p>Text.</p></body></html>")
                .title
                .is_none()
        );
    }

    #[test]
    fn a_quotations_author_does_not_sign_the_page() {
        let page = |quote: &str| {
            format!(r#"<html><body><h1>Pest control coupons</h1>{quote}<p>Text.</p></body></html>"#)
        };
        for quote in [
            r#"<div class="quote"><p>Great service!</p><p class="quote-author">Jenny Smith</p></div>"#,
            r#"<blockquote><p>Great service!</p><cite class="review-author">Jenny Smith</cite></blockquote>"#,
            r#"<div class="testimonial-card"><div class="author">Jenny Smith</div></div>"#,
            r#"<figure><img src="a.jpg"><div class="author">Jenny Smith</div></figure>"#,
        ] {
            assert!(meta(&page(quote)).authors.is_empty(), "{quote}");
        }
        // The page's own byline, with layout classes on <body>, still signs it.
        let m = meta(
            r#"<html><body class="one-sidebar"><h1>Tories under fire</h1>
            <div class="byline">By Danica Kirka</div><p>Text.</p></body></html>"#,
        );
        assert_eq!(m.authors[0].text, "Danica Kirka");
    }

    #[test]
    fn a_meta_key_list_gives_each_key_the_value() {
        // RDFa `property` holds a list (Readability's 004-metadata-space-separated-properties).
        let m = meta(
            r#"<html><head><meta property="x:title dc:title" content="Preferred title"/>
            <meta property="dc:creator twitter:site_name" content="Creator Name"/>
            <meta property="twitter:site og:site_name" content="Daily Paper"/></head>
            <body><p>Text.</p></body></html>"#,
        );
        assert_eq!(m.title.unwrap().text, "Preferred title");
        assert_eq!(m.authors[0].text, "Creator Name");
        assert_eq!(m.site.as_deref(), Some("Daily Paper"));
    }

    #[test]
    fn a_listed_posts_date_beside_its_link_does_not_date_the_page() {
        // A sidebar's latest posts, far below the headline of an undated story: each date is
        // its post's.
        let story: String = (0..80)
            .map(|_| "<p>فقرة من نص الخبر.</p>".to_string())
            .collect();
        let sidebar = "<ul class=widget><li><a href=/guinee-douaniere>Guinée : une douanière \
                       arrêtée et condamnée à Forecariah</a> <span class=post-date>09/09/2019\
                       </span></li></ul>";
        let m = meta(&format!(
            "<html><body><h1>القبض على مهرب عاج في غينيا</h1>{story}{sidebar}</body></html>"
        ));
        assert!(m.published.is_none(), "{:?}", m.published);
        // The page's own date line keeps its day, beside its linked headline or its author's
        // long link.
        let m = meta(&format!(
            "<html><body><div class=head><h1><a href=/ivory>القبض على مهرب عاج في غينيا بعد مطاردة\
             </a></h1><span class=post-date>27/09/2016</span></div>{story}</body></html>"
        ));
        assert_eq!(m.published.unwrap().day(), Some("2016-09-27"));
        let m = meta(&format!(
            "<html><body><h1>القبض على مهرب</h1>{story}<div><p class=byline>By \
             <a href=/in/mg>Mayank Gupta, CEO of CaseBasix</a></p>\
             <p class=post-date>Updated: December 09, 2025</p></div></body></html>"
        ));
        assert_eq!(m.published.unwrap().day(), Some("2025-12-09"));
        // Without a headline, a related list inside the article is still a list of posts.
        let m = meta(&format!(
            "<html><body><article>{story}{sidebar}</article></body></html>"
        ));
        assert!(m.published.is_none(), "{:?}", m.published);
        // A link of kilobytes is no title (and is not read once per date beside it).
        let long = "نص ".repeat(MAX_TEASER_LINK_BYTES);
        let m = meta(&format!(
            "<html><body><h1>القبض على مهرب</h1>{story}<div><a href=/x>{long}</a>\
             <span class=post-date>09/09/2019</span></div></body></html>"
        ));
        assert_eq!(m.published.unwrap().day(), Some("2019-09-09"));
    }

    #[test]
    fn dublin_core_terms_and_a_plain_title_meta_name_the_headline() {
        // DCMI terms (`dcterms.title`, the successor of `DC.title`) and `<meta name="title">`
        // (readabilipy's title tests).
        for key in ["dcterms.title", "DCTERMS:title", "title"] {
            let m = meta(&format!(
                r#"<html><head><meta name="{key}" content="انتخابات بلدية في تونس"/></head>
                <body><p>Text.</p></body></html>"#
            ));
            assert_eq!(m.title.unwrap().text, "انتخابات بلدية في تونس", "{key}");
        }
    }

    #[test]
    fn an_og_author_written_as_markup_names_its_text() {
        let m = meta(
            r#"<html><head><meta property="og:site_name" content="CNN">
            <meta property="og:author" content="By &lt;a href=&quot;/profiles/amir-vera&quot;&gt;Amir Vera&lt;/a&gt; and Adam Renton, CNN"/>
            </head><body><p>Text.</p></body></html>"#,
        );
        let names: Vec<_> = m.authors.iter().map(|a| a.text.as_str()).collect();
        assert_eq!(names, ["Amir Vera", "Adam Renton"]);
        // A "submitted by" box signs the page too.
        let m = meta(
            r#"<html><body><h1>Community garden opens</h1>
            <div class="submitted-by"><a href="/u/js">Jenny Smith</a></div><p>Text.</p></body></html>"#,
        );
        assert_eq!(m.authors[0].text, "Jenny Smith");
    }

    #[test]
    fn a_caption_mentioning_a_date_does_not_date_the_page() {
        // Tailwind's "text-time-black" holds the fragment "time"; the caption is a sentence.
        let page = r#"<html><head><script type="application/ld+json">{"@type":"NewsArticle",
            "headline":"James Hansen calls for geoengineering","datePublished":"2023-11-02T19:53:52Z"}</script>
            </head><body><h1>James Hansen calls for geoengineering</h1><figure><img src="a.jpg">
            <figcaption><span class="inline text-time-black">The sun rises over an oil field over the
            Monterey Shale formation March 24, 2014 near Lost Hills, California.</span></figcaption>
            </figure><p>Text.</p></body></html>"#;
        assert_eq!(
            meta(page).published.unwrap().local,
            "2023-11-02T19:53:52+00:00"
        );
        // A date line so classed still dates the page, its element's other lines aside.
        let dated = page.replace(
            "<p>Text.</p>",
            r#"<div class="post-date"><span>Posted on April 13, 2024</span><div>Tags: a, b, c, d, e, f, g, h, i, j</div></div><p>Text.</p>"#,
        );
        assert_eq!(meta(&dated).published.unwrap().local, "2024-04-13");
    }

    #[test]
    fn a_page_without_a_date_is_dated_by_its_urls_path() {
        let page = r#"<html><head><link rel="canonical" href="https://example.org/2017/09/01/content.html">
            </head><body><h1>Storm hits the coast</h1><p>Text.</p></body></html>"#;
        let p = meta(page).published.unwrap();
        assert_eq!(
            (p.local.as_str(), p.precision),
            ("2017-09-01", marsad_model::Precision::Day)
        );
        // A date on the page wins.
        let dated = page.replace("<p>Text.</p>", "<time>March 3, 2017</time><p>Text.</p>");
        assert_eq!(meta(&dated).published.unwrap().local, "2017-03-03");
    }

    #[test]
    fn a_video_objects_upload_date_gives_way_to_the_pages_own() {
        let m = meta(
            r#"<html><head><meta name="pubdate" content="2019-11-19T02:34:30Z">
            <script type="application/ld+json">{"@type":"VideoObject","name":"Trade talks",
            "uploadDate":"2019-10-11T14:59:54Z"}</script></head>
            <body><h1>Investors and the trade war</h1><p>Text.</p></body></html>"#,
        );
        assert_eq!(m.published.unwrap().local, "2019-11-19T02:34:30+00:00");
    }

    #[test]
    fn an_itemprop_list_naming_the_author() {
        // `itemprop` holds a list of names: "author name" marks the author's name.
        let m = meta(
            r#"<html><body><h1>Premier names new cabinet</h1>
            <span itemprop="author name">Shannon Deery, Mitch Clarke, Susie O'Brien</span>
            <p>Text.</p></body></html>"#,
        );
        let names: Vec<_> = m.authors.iter().map(|a| a.text.as_str()).collect();
        assert_eq!(names, ["Shannon Deery", "Mitch Clarke", "Susie O'Brien"]);
    }

    #[test]
    fn a_page_with_no_title_and_no_h1_is_named_by_its_first_h2() {
        let m = meta("<html><body><h2>First</h2><h2>Second</h2><p>Text.</p></body></html>");
        assert_eq!(m.title.unwrap().text, "First");
        // An element classed as the post's headline comes first (an h1 of blanks is none).
        let m = meta(
            "<html><body><h1>   </h1><div class=\"post-title\">Test Title</div><h2>Section</h2></body></html>",
        );
        assert_eq!(m.title.unwrap().text, "Test Title");
        // Not a heading of the page's chrome (Amazon's "Skip to" links).
        let m = meta(
            "<html><body><div id=nav-main><h2 class=nav-heading>Skip to</h2></div></body></html>",
        );
        assert!(m.title.is_none());
        let m =
            meta("<html><head><title>Own title</title></head><body><h2>First</h2></body></html>");
        assert_eq!(m.title.unwrap().text, "Own title");
    }

    #[test]
    fn a_french_date_line_with_its_update() {
        let page = "<html lang=\"fr\"><body><article><h1>La réforme adoptée au Sénat</h1>\
            <p class=\"date\">Publié le 5 mars 2024 à 10h30, mis à jour le 6 mars 2024 à 14h15</p>\
            <p>Le Sénat a adopté mardi soir le projet de réforme des retraites.</p></article></body></html>";
        assert_eq!(
            stamps(page),
            ("2024-03-05T10:30:00".into(), "2024-03-06T14:15:00".into())
        );
    }

    /// The published and modified stamps a page's metadata gives (local time).
    fn stamps(page: &str) -> (String, String) {
        let m = meta(page);
        (
            m.published.map(|s| s.local).unwrap_or_default(),
            m.modified.map(|s| s.local).unwrap_or_default(),
        )
    }

    #[test]
    fn a_deck_under_the_headline_is_the_subtitle() {
        let page = |deck: &str| {
            format!(
                "<html lang=\"ar\"><body><article><h1>مباحثات في الدوحة لوقف إطلاق النار</h1>\
                <p class=\"article__subhead\">{deck}</p>\
                <p>الدوحة- وصلت وفود من عدة دول إلى العاصمة القطرية الدوحة اليوم.</p></article></body></html>"
            )
        };
        let deck = "وفود من عدة دول تصل العاصمة القطرية وسط آمال باتفاق";
        let m = meta(&page(deck));
        let sub = m.subtitle.expect("a deck");
        assert_eq!(sub.text, deck);
        assert!(
            !m.consumed.contains(&sub.span),
            "the deck stays in the body"
        );
        // The headline again, or a word, is no deck.
        assert!(
            meta(&page("مباحثات في الدوحة لوقف إطلاق النار"))
                .subtitle
                .is_none()
        );
        assert!(meta(&page("سياسة")).subtitle.is_none());
        assert!(
            meta(&page("بقلم محمد العتيبي في قسم السياسة"))
                .subtitle
                .is_none()
        );
        // A byline closed by a full stop is no deck; a sentence opening on a byline's words is.
        assert!(
            meta(&page(
                "By Jane Doe and John Roe | Updated 5 March 2024, 10:42 a.m."
            ))
            .subtitle
            .is_none()
        );
        // A sentence opening on a word that also opens bylines, not on names, is a deck.
        for deck in [
            "Von der Leyen und Macron einigen sich auf ein neues Abkommen zur Migration.",
            "Par ailleurs, Emmanuel Macron et Olaf Scholz ont annoncé un accord sur la défense.",
        ] {
            assert_eq!(
                meta(&page(deck)).subtitle.map(|s| s.text).as_deref(),
                Some(deck)
            );
        }
        let analysis =
            "Analysis by the central bank suggests the budget gap will close within two years.";
        assert_eq!(
            meta(&page(analysis)).subtitle.map(|s| s.text).as_deref(),
            Some(analysis)
        );
        // A deck class far from the headline names something else.
        let far = format!(
            "<html><body><h1>Storm knocks out power</h1>{}<p class=\"subtitle\">Section of the footer with its own words</p></body></html>",
            "<p>Crews worked through the night.</p>".repeat(30)
        );
        assert!(meta(&far).subtitle.is_none());
    }

    #[test]
    fn a_numeric_day_read_in_the_other_order_agrees_with_the_metadata() {
        // Engadget: `<meta name="published_at">` and "11.03.17" (month first) by the byline.
        let page = |shown: &str| {
            format!(
                "<html lang=\"en\"><head><meta class=\"swiftype\" name=\"published_at\" \
                 content=\"2017-11-03T03:01:00-04:00\"></head><body><article><h1>The Pixel 2 \
                 XL review</h1><div class=\"th-meta\">{shown}</div><p>Google's phone has a \
                 screen problem, and the company says an update will fix it soon.</p>\
                 </article></body></html>"
            )
        };
        assert_eq!(stamps(&page("11.03.17")).0, "2017-11-03T03:01:00-04:00");
        // Another day shown by the headline still wins (a migrated page keeps its date).
        assert_eq!(stamps(&page("12.05.17")).0, "2017-05-12");
    }

    #[test]
    fn an_embedded_posts_date_does_not_date_the_page() {
        let page = |quote: &str| {
            format!(
                "<html><head><script type=\"application/ld+json\">{{\"@type\":\"NewsArticle\",\
                \"datePublished\":\"2021-11-01T10:52:50+0100\"}}</script></head><body><article>\
                <h1>West Ham beat Villa</h1><p>The team won 4-1 at Villa Park on Sunday.</p>\
                {quote}<p>Moyes praised the squad.</p></article></body></html>"
            )
        };
        let tweet = "<blockquote class=\"twitter-tweet\"><p>Highlights from our win</p>— West Ham \
            United (@WestHam) <a href=\"https://twitter.com/WestHam/status/1\">October 31, 2021</a></blockquote>";
        assert_eq!(stamps(&page(tweet)).0, "2021-11-01T10:52:50+01:00");
        // The same line outside a quotation is the date readers see by the headline.
        let line = "<div><a href=\"/archive\">October 31, 2021</a></div>";
        assert_eq!(stamps(&page(line)).0, "2021-10-31");
    }

    #[test]
    fn a_live_blog_is_published_when_its_coverage_starts() {
        let page = "<html><head><script type=\"application/ld+json\">{\"@type\":\"LiveBlogPosting\",\
            \"headline\":\"Live: Election results 2024\",\"datePublished\":\"2024-11-05T18:00:00-05:00\",\
            \"dateModified\":\"2024-11-06T02:10:00-05:00\"}</script></head><body><main>\
            <h1>Live: Election results 2024</h1><div class=\"update\"><time datetime=\"2024-11-06T02:10:00-05:00\">\
            2:10 AM</time><h2>Winner projected</h2><p>The race has been called.</p></div>\
            <div class=\"update\"><time datetime=\"2024-11-05T19:00:00-05:00\">7:00 PM</time>\
            <h2>Polls close</h2><p>Polls have closed in six states.</p></div></main></body></html>";
        // The newest update's time by the headline is not when the page was published.
        assert_eq!(
            stamps(page),
            (
                "2024-11-05T18:00:00-05:00".into(),
                "2024-11-06T02:10:00-05:00".into()
            )
        );
    }

    #[test]
    fn an_update_line_after_the_date_line_is_the_modified_stamp() {
        let page = |dates: &str| {
            format!(
                "<html><body><article><h1>Floods force thousands from homes</h1>{dates}\
                <p>Thousands of people have been forced from their homes after the rain.</p>\
                </article></body></html>"
            )
        };
        let m = meta(&page(
            "<details><summary><span>Sun 1 Dec 2024 10.30 GMT</span></summary>\
             <span>Last modified on Sun 1 Dec 2024 12.05 GMT</span></details>",
        ));
        assert_eq!(m.published.unwrap().local, "2024-12-01T10:30:00+00:00");
        assert_eq!(m.modified.unwrap().local, "2024-12-01T12:05:00+00:00");
        // A later date with no update label is not the page's.
        let m = meta(&page(
            "<span>August 16, 2019</span><p>See also: the report of July 9, 2025</p>",
        ));
        assert_eq!(m.published.unwrap().local, "2019-08-16");
        assert!(m.modified.is_none());
    }

    #[test]
    fn an_arabic_date_lines_clock_words_and_zone_count() {
        let page = "<html lang=\"ar\"><body><article><h1>مباحثات في الدوحة</h1>\
            <div class=\"date-simple\">نشر في 3/12/2024</div>\
            <div class=\"article-last-updated\">آخر تحديث: 3/12/2024 04:15 م (بتوقيت مكة)</div>\
            <p>وصلت وفود من عدة دول إلى العاصمة القطرية اليوم.</p></article></body></html>";
        let m = meta(page);
        assert_eq!(m.published.unwrap().local, "2024-12-03");
        let u = m.modified.unwrap();
        assert_eq!(u.local, "2024-12-03T16:15:00+03:00");
        assert_eq!(u.utc.as_deref(), Some("2024-12-03T13:15:00Z"));
        assert_eq!(u.zone.as_deref(), Some("Asia/Riyadh"));
    }

    #[test]
    fn an_agency_beside_people_is_no_author() {
        let page = |who: &str| {
            format!(
                "<html><head><meta name=\"author\" content=\"{who}\"></head><body></body></html>"
            )
        };
        let names = |who: &str| -> Vec<String> {
            meta(&page(who))
                .authors
                .into_iter()
                .map(|t| t.text)
                .collect()
        };
        assert_eq!(
            names("Lisa Mascaro, Associated Press"),
            vec!["Lisa Mascaro"]
        );
        assert_eq!(
            names("Jane Doe and John Roe, The Associated Press"),
            vec!["Jane Doe", "John Roe"]
        );
        assert_eq!(names("Reuters"), vec!["Reuters"]);
        assert_eq!(
            names("Amir Vera and Adam Renton, CNN"),
            vec!["Amir Vera", "Adam Renton"]
        );
    }

    #[test]
    fn an_author_element_is_a_byline() {
        let page = "<html><body><article><h1>Headline</h1><author>Jenny Smith</author>\
            <p>Text of the story that goes on for a while.</p></article></body></html>";
        let m = meta(page);
        assert_eq!(m.authors.len(), 1);
        assert_eq!(m.authors[0].text, "Jenny Smith");
    }

    #[test]
    fn the_site_the_title_names_is_no_author() {
        let page = r#"<html><head><title>Digital frames made useful | AppAddict</title></head><body>
        <h1>Digital frames made useful</h1><div class="author">AppAddict</div>
        <p>Text of the story that goes on for a while.</p></body></html>"#;
        let m = meta(page);
        assert_eq!(m.site.as_deref(), Some("AppAddict"));
        assert!(m.authors.is_empty(), "{:?}", m.authors);
    }

    #[test]
    fn publisher_names_the_site_unless_it_is_a_link() {
        let named = r#"<html><head><meta property="article:publisher" content="The Newspaper"/></head><body/></html>"#;
        assert_eq!(meta(named).site.as_deref(), Some("The Newspaper"));
        let linked = r#"<html><head><meta property="article:publisher" content="https://www.facebook.com/paper"/>
        <meta name="publisher" content="Ignored"/></head><body/></html>"#;
        assert_eq!(meta(linked).site, None);
        let both = r#"<html><head><meta property="article:publisher" content="https://www.facebook.com/paper"/>
        <meta property="og:site_name" content="Paper"/></head><body/></html>"#;
        assert_eq!(meta(both).site.as_deref(), Some("Paper"));
        let handle =
            r#"<html><head><meta name="article:publisher" content="@"/></head><body/></html>"#;
        assert_eq!(meta(handle).site, None);
        let domain = "<html><head><title>sitemaps.org - Home</title></head><body/></html>";
        assert_eq!(meta(domain).site.as_deref(), Some("sitemaps.org"));
    }

    #[test]
    fn relative_canonical_is_resolved_against_a_base() {
        let page = r#"<html><head><link rel="canonical" href="/article/medical-record"/>
        <meta property="og:url" content="https://example.org/other"/></head><body></body></html>"#;
        let m = meta(page);
        assert_eq!(
            m.canonical_url.as_deref(),
            Some("https://example.org/article/medical-record")
        );
        // Twitter's card names the page when Open Graph does not (trafilatura's tests).
        let card = r#"<html><head><meta name="twitter:url" content="https://example.org/a"/>
        </head><body></body></html>"#;
        assert_eq!(
            meta(card).canonical_url.as_deref(),
            Some("https://example.org/a")
        );
        let bare = r#"<html><head><link rel="canonical" href="/a/b"></head><body></body></html>"#;
        assert_eq!(meta(bare).canonical_url.as_deref(), Some("/a/b"));
        assert_eq!(
            super::canonical_url(Some("b.html"), None, Some("https://x.org/dir/a.html")).as_deref(),
            Some("https://x.org/dir/b.html")
        );
    }

    #[test]
    fn opengraph_and_byline() {
        let page = r#"<html><head><title>Site Name - A headline here</title>
        <meta property="og:site_name" content="Site Name">
        <meta property="og:title" content="A headline here">
        <meta property="article:published_time" content="2023-07-01T09:15:00+02:00">
        <link rel="canonical" href="https://example.com/a"></head><body>
        <h1 class="title">A headline here</h1><div class="post-byline">By <a href="/j">Jane Doe</a> | July 1, 2023</div>
        </body></html>"#;
        let m = meta(page);
        assert_eq!(m.title.as_ref().unwrap().text, "A headline here");
        assert_eq!(
            m.published.as_ref().unwrap().local,
            "2023-07-01T09:15:00+02:00"
        );
        assert_eq!(m.authors[0].text, "Jane Doe");
        assert_eq!(m.canonical_url.as_deref(), Some("https://example.com/a"));
        assert_eq!(m.url.as_deref(), Some("https://example.com/a"));
    }

    #[test]
    fn arabic_page_with_byline() {
        let page = "<html lang=\"ar\"><head><title>الحكومة تقر الموازنة - الموقع</title></head><body>\
            <article><h1>الحكومة تقر الموازنة</h1><p>بقلم: أحمد الخطيب</p>\
            <span class=\"date\">نشر في 11 شباط 2024</span><p>نص الخبر هنا.</p></article></body></html>";
        let m = meta(page);
        assert_eq!(m.title.as_ref().unwrap().text, "الحكومة تقر الموازنة");
        assert_eq!(m.authors.len(), 1);
        assert_eq!(m.authors[0].text, "أحمد الخطيب");
        assert_eq!(m.published.as_ref().unwrap().local, "2024-02-11");
        assert_eq!(m.dir, Some(Dir::Rtl));
        assert_eq!(m.lang.as_deref(), Some("ar"));
    }

    #[test]
    fn links_to_a_writers_page_after_the_headline_name_the_authors() {
        // Hashed classes say nothing; the links' addresses do ("/by/…", "/author/…").
        let page = |line: &str| {
            format!(
                r#"<html><head><link rel="canonical" href="https://www.example.com/news/1">
                <meta property="og:type" content="article">
                <title>Council approves budget</title></head><body><article>
                <h1 class="css-1x2y">Council approves budget</h1>{line}
                <p>The council approved the new budget on Tuesday after a long debate.</p>
                </article><footer><p>Design by <a href="/people/ann-lee">Ann Lee</a></p>
                </footer></body></html>"#
            )
        };
        let names = |line: &str| -> Vec<String> {
            meta(&page(line))
                .authors
                .into_iter()
                .map(|a| a.text)
                .collect()
        };
        let one = r#"<div class="d1dba0"><a href="/by/p535y1">Jane Doe</a> · May 5, 2024</div>"#;
        assert_eq!(names(one), vec!["Jane Doe"]);
        let two = r#"<div><a href="https://example.com/author/jane-doe/">Jane Doe</a> and
            <a href="/author/john-roe/">John Roe</a></div>"#;
        assert_eq!(names(two), vec!["Jane Doe", "John Roe"]);
        // A profile on another site, an index of writers and a footer's credit name no one.
        let other =
            r#"<div><a href="https://bsky.app/profile/jane.bsky.social">Jane Doe</a></div>"#;
        assert!(names(other).is_empty());
        assert!(names(r#"<div><a href="/authors/">Our Writers</a></div>"#).is_empty());
        assert!(names("").is_empty());
        // Each name in its own span; an address with another address in its query.
        let spans = r#"<p class="css-aa1"><span><a href="/by/jane-doe">Jane Doe</a></span> and
            <span><a href="/by/john-roe?ref=https://t.co/x">John Roe</a></span></p>"#;
        assert_eq!(names(spans), vec!["Jane Doe", "John Roe"]);
        // A topic's page, a person linked in running text and teaser cards with their
        // writers are no byline.
        let topic = r#"<div><a href="/topics/people/elon-musk">Elon Musk</a></div>"#;
        assert!(names(topic).is_empty());
        let prose = r#"<p>In an interview with <a href="/people/elon-musk">Elon Musk</a> on
            Thursday, the founder said the plan would go ahead.</p>"#;
        assert!(names(prose).is_empty());
        let cards = r#"<div class="card"><a href="/news/2">Bridge reopens after long repairs</a>
            <a href="/author/mark-hill">Mark Hill</a></div>"#;
        assert!(names(cards).is_empty());
        // Marks over letters aside, the address and the name agree.
        let accents = r#"<div><a href="/author/jose-garcia">José García</a></div>"#;
        assert_eq!(names(accents), vec!["José García"]);
        // An address in other words than the link's text is someone else's page.
        assert!(names(r#"<div><a href="/author/john-roe">Jane Doe</a></div>"#).is_empty());
        // Words around the name the address does not hold are not the name ("Jane Doe's
        // profile", "View all posts by Jane Doe").
        let profile = r#"<div><a href="/author/jane-doe/">Jane Doe's profile</a></div>"#;
        assert_eq!(names(profile), vec!["Jane Doe"]);
        let all_posts = r#"<div><a href="/author/jane-doe/">View all posts by Jane Doe</a></div>"#;
        assert_eq!(names(all_posts), vec!["Jane Doe"]);
        let about = r#"<div><a href="/author/jane-doe/">About Jane Doe</a></div>"#;
        assert_eq!(names(about), vec!["Jane Doe"]);
        // A middle name or a last name the address leaves out is still the name's.
        let middle = r#"<div><a href="/author/mary-smith">Mary Ann Smith</a></div>"#;
        assert_eq!(names(middle), vec!["Mary Ann Smith"]);
        assert_eq!(
            names(r#"<div><a href="/author/jane">Jane Doe</a></div>"#),
            vec!["Jane Doe"]
        );
        let strasse = r#"<div><a href="/author/hans-strasse">Hans Straße</a></div>"#;
        assert_eq!(names(strasse), vec!["Hans Straße"]);
        // Marks over letters and a joined address aside, the address names the writer.
        let joined = r#"<div><a href="/author/seanoconnor">Seán O'Connor</a></div>"#;
        assert_eq!(names(joined), vec!["Seán O'Connor"]);
        // A credit or an editor's line, and a link in running text after the byline, are
        // none; share links beside the byline do not make it a card.
        assert!(
            names(r#"<div>Edited by <a href="/staff/mark-hill">Mark Hill</a></div>"#).is_empty()
        );
        let mention = format!(
            "{one}<p>The plan, <a href=\"/people/mark-hill\">Mark Hill</a> said, will pass.</p>"
        );
        assert_eq!(names(&mention), vec!["Jane Doe"]);
        let share = r#"<div><a href="/by/jane-doe">Jane Doe</a> ·
            <a href="https://www.facebook.com/sharer?u=x">Share on Facebook</a></div>"#;
        assert_eq!(names(share), vec!["Jane Doe"]);
        // On a page that declares no article (a profile), the link names whom it is about.
        let profile = page(one).replace(r#"<meta property="og:type" content="article">"#, "");
        assert!(meta(&profile).authors.is_empty());
        // Weaker than any other source: the organisation the JSON-LD names stays.
        let org = page(one).replace(
            "<title>",
            r#"<script type="application/ld+json">{"@type":"NewsArticle",
            "author":{"@type":"Organization","name":"Reuters"}}</script><title>"#,
        );
        let names: Vec<String> = meta(&org).authors.into_iter().map(|a| a.text).collect();
        assert_eq!(names, vec!["Reuters"]);
    }

    #[test]
    fn site_author_yields_to_a_person() {
        // The site's own name as author is only a fallback…
        let page = r#"<html><head><meta property="og:site_name" content="Acme">
        <meta name="author" content="Acme"><title>Hello</title></head><body></body></html>"#;
        let m = meta(page);
        assert_eq!(m.authors.len(), 1);
        assert_eq!(m.title.unwrap().text, "Hello");
        // …a person named in a byline wins over it.
        let page = r#"<html><head><meta property="og:site_name" content="Acme">
        <meta name="author" content="Acme"><title>Hello</title></head><body>
        <h1>Hello world</h1><span class="byline">By Jane Doe</span></body></html>"#;
        let m = meta(page);
        let names: Vec<_> = m.authors.iter().map(|a| a.text.as_str()).collect();
        assert_eq!(names, vec!["Jane Doe"]);
    }

    #[test]
    fn site_name_after_a_byline_name_is_not_part_of_it() {
        let page = r#"<html><head><meta property="og:site_name" content="Daily Star">
        <title>Hello</title></head><body><h1>Hello world</h1>
        <div class="byline"><a class="author">Jane Doe</a> <span>Daily Star</span></div></body></html>"#;
        let names: Vec<_> = meta(page).authors.into_iter().map(|a| a.text).collect();
        assert_eq!(names, vec!["Jane Doe"]);
        let page = "<html lang=\"ar\"><head><meta property=\"og:site_name\" content=\"عنب بلدي\">\
            <title>خبر</title></head><body><h1>خبر اليوم</h1>\
            <div class=\"byline\">سارة أحمد عنب بلدي</div></body></html>";
        let names: Vec<_> = meta(page).authors.into_iter().map(|a| a.text).collect();
        assert_eq!(names, vec!["سارة أحمد"]);
    }

    #[test]
    fn icon_titles_inside_svg_are_not_the_page_title() {
        let page = "<html><body><svg><title>Facebook</title></svg>\
            <title>Desk sale</title><p>Text.</p></body></html>";
        assert_eq!(meta(page).title.unwrap().text, "Desk sale");
    }

    #[test]
    fn h1_in_the_site_slot_of_the_title_names_the_site() {
        let m = meta(
            "<html><head><title>Defining Shared Behavior with Traits - The Book</title></head>\
             <body><h1 class=\"menu-title\">The Book</h1><p>Text.</p></body></html>",
        );
        assert_eq!(
            m.title.unwrap().text,
            "Defining Shared Behavior with Traits"
        );
        let m = meta(
            "<html lang=\"ar\"><head><title>تعريف السلوك المشترك - دليل اللغة</title></head>\
             <body><h1>دليل اللغة</h1><p>نص.</p></body></html>",
        );
        assert_eq!(m.title.unwrap().text, "تعريف السلوك المشترك");
        // A headline longer than the first part is the headline, not the site.
        let m = meta(
            "<html><head><title>Frommers | The 10 Best Airfare Search Sites</title></head>\
             <body><h1>The 10 Best Airfare Search Sites</h1></body></html>",
        );
        assert_eq!(m.title.unwrap().text, "The 10 Best Airfare Search Sites");
    }

    #[test]
    fn an_h1_linking_home_is_the_site_not_the_headline() {
        // The site's name over every page, a link to its home, with a tag of its own.
        let on = |url: &str, href: &str| {
            let page = format!(
                "<html><head><title>Conversations with a Cryptid [Story Archive]</title>\
                 </head><body><h1 class=heading><a href=\"{href}\"><span>Story Archive</span> \
                 <sup>beta</sup></a></h1><p>Text.</p></body></html>"
            );
            let opts = Options {
                url: Some(url.into()),
                ..Options::default()
            };
            read(&Document::parse(&page), &page, &opts)
                .title
                .unwrap()
                .text
        };
        let page = |href: &str| on("https://archive.example/works/1/chapters/2", href);
        for home in [
            "/",
            "https://www.archive.example/",
            "/index.html",
            "../../../",
        ] {
            assert_eq!(page(home), "Conversations with a Cryptid", "{home}");
        }
        // The bare domain's home, seen from a subdomain; not a domain the host merely ends with.
        let sub = |href: &str| on("https://stories.archive.example/works/1", href);
        assert_eq!(
            sub("https://archive.example/"),
            "Conversations with a Cryptid"
        );
        assert_eq!(sub("https://example/"), "Story Archive beta");
        assert_eq!(sub("https://hive.example/"), "Story Archive beta");
        // A dotless host is a host like any other.
        let local = |href: &str| on("http://fakehost/test/page.html", href);
        assert_eq!(local("/"), "Conversations with a Cryptid");
        assert_eq!(local("http://otherhost/"), "Story Archive beta");
        // A headline linked to a page, to a place in it or to a script is the headline.
        for link in [
            "/works/1",
            "./",
            "#",
            "#top",
            "javascript:void(0)",
            "/?p=123",
            "/works/index.html",
            "https://other.example/",
        ] {
            assert_eq!(page(link), "Story Archive beta", "{link}");
        }
        // The bracket cut takes the site's name only, not a tag.
        let m = meta(
            "<html><head><title>Pixel 9 Pro [Review]</title>\
             <meta property=og:site_name content=\"Tech Review Weekly\"></head><body></body></html>",
        );
        assert_eq!(m.title.unwrap().text, "Pixel 9 Pro [Review]");
        // A logo's first word alone ("The") names no site.
        let m = meta(
            "<html><head><title>Into the Wild review, 2024 | The Verge</title></head><body>\
             <h1 class=logo><a href=\"/\"><span>The</span> Verge</a></h1>\
             <article><h1>Into the Wild</h1><p>Text.</p></article></body></html>",
        );
        assert_eq!(m.title.unwrap().text, "Into the Wild");
    }

    #[test]
    fn h1_labelling_the_first_part_of_the_title() {
        let m = meta(
            "<html><head><title>Nord Zero | Sandals designed for unique people</title></head>\
             <body><h1>Minimalist Sandals Nord Zero</h1></body></html>",
        );
        assert_eq!(m.title.unwrap().text, "Nord Zero");
        let m = meta(
            "<html lang=\"ar\"><head><title>حذاء الرياح | متجر الأحذية الخفيفة</title></head>\
             <body><h1>صنادل خفيفة حذاء الرياح</h1></body></html>",
        );
        assert_eq!(m.title.unwrap().text, "حذاء الرياح");
    }

    #[test]
    fn only_an_update_date_dates_the_page() {
        let m = meta(
            "<html><head><title>Webcams</title></head><body><article><h1>Webcams</h1>\
             <p>Live views of the valley.</p><p class=\"post-date\">Updated: December 09, 2025</p>\
             </article></body></html>",
        );
        assert_eq!(
            m.published.as_ref().and_then(|p| p.day()),
            Some("2025-12-09")
        );
        assert_eq!(
            m.modified.as_ref().and_then(|p| p.day()),
            Some("2025-12-09")
        );
    }

    #[test]
    fn a_sentence_opening_with_by_is_not_a_byline() {
        let page = "<html><head><title>Searching</title></head><body><h1>Searching</h1>\
            <p>By default, items only show up in the results if they satisfy all criteria.</p>\
            </body></html>";
        assert!(meta(page).authors.is_empty());
        let page = "<html><head><title>Searching</title></head><body><h1>Searching</h1>\
            <p>by   ibby</p></body></html>";
        assert_eq!(meta(page).authors[0].text, "ibby");
        let page = "<html><head><title>البحث</title></head><body><h1>البحث</h1>\
            <p>بقلم سارة أحمد</p></body></html>";
        assert_eq!(meta(page).authors[0].text, "سارة أحمد");
    }

    #[test]
    fn a_job_title_set_apart_in_a_byline_is_not_the_name() {
        let page = |role_class: &str| {
            format!(
                "<html><body><h1>The best games of the year</h1><div class=\"author\">\
                 <a class=\"author-link\" href=\"/author/ben\">Ben Silverman</a>\
                 <div class=\"{role_class}\">Games Editor</div></div><p>Text.</p></body></html>"
            )
        };
        assert_eq!(meta(&page("author-title")).authors[0].text, "Ben Silverman");
        assert_eq!(meta(&page("byline__role")).authors[0].text, "Ben Silverman");
        // A part classed otherwise is read with the name.
        assert_ne!(meta(&page("author-more")).authors[0].text, "Ben Silverman");
        // A bio under the name (martinfowler.com's author box) is not part of it either.
        let bio = "<html><body><h1>Humans and agents</h1><div class=\"author-list\">\
            <div class=\"author\"><address class=\"name\"><a href=\"https://kief.com\" \
            rel=\"author\">Kief Morris</a></address><div class=\"bio\"><p>Kief Morris lives \
            in London and works as a cloud specialist.</p></div></div></div><p>Text.</p>\
            </body></html>";
        let names: Vec<_> = meta(bio).authors.into_iter().map(|a| a.text).collect();
        assert_eq!(names, vec!["Kief Morris"]);
        // The job title first, the name right after it.
        let page = "<html><body><h1>The best games of the year</h1><div class=\"author\">\
            <span class=\"author-title\">Games Editor</span> Ben Silverman</div><p>Text.</p>\
            </body></html>";
        assert_eq!(meta(page).authors[0].text, "Ben Silverman");
    }

    #[test]
    fn a_site_name_given_with_its_tagline_and_alone_is_the_name() {
        let page = |og: &str| {
            format!(
                "<html><head><meta property=\"og:site_name\" content=\"{og}\">\
                 <script type=\"application/ld+json\">{{\"@type\":\"NewsArticle\",\
                 \"publisher\":{{\"@type\":\"Organization\",\"name\":\"Aktuálně.cz\"}}}}</script>\
                 </head><body><h1>West Ham beat Villa</h1><p>Text.</p></body></html>"
            )
        };
        let site = |og: &str| meta(&page(og)).site;
        assert_eq!(
            site("Aktuálně.cz - Víte, co se právě děje").as_deref(),
            Some("Aktuálně.cz")
        );
        assert_eq!(site("Aktuálně.cz").as_deref(), Some("Aktuálně.cz"));
        // Another name stays the page's first.
        assert_eq!(site("Aktuálně").as_deref(), Some("Aktuálně"));
    }

    #[test]
    fn an_authority_box_is_no_byline() {
        // Wikipedia's navigation box of library records: "Authority control".
        let page = "<html><body><h1>Mozilla</h1><p>Mozilla is a free software community.</p>\
            <table><tr><th id=\"Authority_control_text-top\" class=\"navbox-group\">\
            <a href=\"/wiki/Help:Authority_control\">Authority control</a></th></tr></table>\
            </body></html>";
        assert!(meta(page).authors.is_empty());
        // Nor is a views counter beside a blog's byline that names the blog itself.
        let page = "<html><head><meta property=\"og:site_name\" content=\"史蒂文的家_藍天\"></head>\
            <body><h1>新竹尖石_美樹營地賞楓</h1><p>今天去了營地。</p><p class=\"author\">史蒂文的家_藍天 \
            發表在 <a href=\"/\">痞客邦 PIXNET</a> <span class=\"author-views\">人氣(<span>23925</span>)\
            </span></p></body></html>";
        assert!(meta(page).authors.is_empty());
    }

    #[test]
    fn date_line_under_a_title_set_outside_a_heading() {
        let m = meta(
            "<html><head><title>Roger's Blog: Advent of Code week 2</title>\
             <meta property=\"og:site_name\" content=\"Roger's Blog\">\
             <meta property=\"og:title\" content=\"Advent of Code week 2\"></head><body>\
             <div><h1><a href=\"/\">Roger's Blog</a></h1></div><fieldset><legend>Advent of Code week 2</legend>\
             20 December 2025<div><p>I did it again.</p></div></fieldset></body></html>",
        );
        assert_eq!(
            m.title.as_ref().map(|t| t.text.as_str()),
            Some("Advent of Code week 2")
        );
        assert_eq!(
            m.published.as_ref().and_then(|p| p.day()),
            Some("2025-12-20")
        );
    }

    #[test]
    fn a_kicker_set_in_the_h1_is_the_kicker_not_part_of_the_headline() {
        let m = meta(
            "<html><head><title>Manuela Reimann: Hochzeitsüberraschung in Bayern! | Wunderweib</title>\
             </head><body><h1><span class=roofline>Wow, wow, wow!</span>Manuela Reimann: \
             Hochzeitsüberraschung in Bayern!</h1><p>Text.</p></body></html>",
        );
        assert_eq!(
            m.title.unwrap().text,
            "Manuela Reimann: Hochzeitsüberraschung in Bayern!"
        );
        assert_eq!(m.kicker.unwrap().text, "Wow, wow, wow!");
        // A dash after the kicker goes; a permalink mark after the headline too.
        for h1 in [
            "<span>Wow wow wow</span> – Headline words here",
            "<span>Wow wow wow</span>Headline words here<a class=headerlink href=#x>¶</a>",
        ] {
            let m = meta(&format!(
                "<html><head><meta property=og:title content=\"Headline words here\">\
                 </head><body><h1>{h1}</h1><p>Text.</p></body></html>"
            ));
            assert_eq!(m.title.unwrap().text, "Headline words here", "{h1}");
            assert_eq!(m.kicker.unwrap().text, "Wow wow wow", "{h1}");
        }
        // A label before the headline is no kicker.
        for h1 in [
            "<span>Title:</span>Old blog post",
            "<span>Title</span>: Old blog post",
        ] {
            let m = meta(&format!(
                "<html><head><title>Old blog post | Site</title></head><body>\
                 <h1>{h1}</h1><p>Text.</p></body></html>"
            ));
            assert!(m.kicker.is_none(), "{h1}");
        }
    }

    #[test]
    fn an_h2_showing_one_part_of_the_title_is_the_headline() {
        // No h1 and no declared article: the page title as written, unless the post's own
        // heading shows one of its parts.
        let page = |h2: &str| {
            format!(
                "<html><head><title>مدونة أحمد الرقمية\n | رحلة مشروع إلى بايثون 3</title></head>\
                 <body><div class=post><h2 class=post_title>{h2}</h2><p>نص التدوينة.</p></div>\
                 </body></html>"
            )
        };
        let t = meta(&page("رحلة مشروع إلى بايثون 3"))
            .title
            .expect("a title");
        assert_eq!(t.text, "رحلة مشروع إلى بايثون 3");
        let t = meta(&page("تدوينات أخرى")).title.expect("a title");
        assert_eq!(t.text, "مدونة أحمد الرقمية | رحلة مشروع إلى بايثون 3");
        // The site's name in an h2 of the page's header is no headline.
        let site = r#"<html><head><title>Council debates the budget | Springfield Daily Notes</title>
            <meta property="og:site_name" content="Springfield Daily Notes"></head><body>
            <div id=top><h2><a href=/>Springfield Daily Notes</a></h2></div>
            <div class=post><h3>Council debates the budget</h3><p>Text.</p></div></body></html>"#;
        let t = meta(site).title.expect("a title");
        assert_ne!(t.text, "Springfield Daily Notes");
        // Nor without a declared site name, in the title's site slot.
        let t = meta(&site.replace(
            "<meta property=\"og:site_name\" content=\"Springfield Daily Notes\">",
            "",
        ))
        .title
        .expect("a title");
        assert_ne!(t.text, "Springfield Daily Notes");
        // A post title classed as one, shorter than the blog's name before it.
        let t = meta(
            "<html><head><title>Springfield Daily Notes | Budget vote delayed</title></head>\
             <body><div class=post><h2 class=post-title>Budget vote delayed</h2><p>Text.</p>\
             </div></body></html>",
        )
        .title
        .expect("a title");
        assert_eq!(t.text, "Budget vote delayed");
    }

    #[test]
    fn a_metadata_title_written_as_a_domain_is_no_headline() {
        let m = meta(
            "<html><head><meta name=\"DC.title\" content=\"gnu.org\">\
             <title>The GNU General Public License v3.0 - GNU Project</title></head>\
             <body><h2>GNU General Public License</h2><p>Version 3, 29 June 2007</p></body></html>",
        );
        assert_eq!(
            m.title.unwrap().text,
            "The GNU General Public License v3.0 - GNU Project"
        );
    }

    #[test]
    fn a_page_title_naming_only_the_blog_yields_to_the_metadata_headline() {
        // A blog builder's <title> on every post; the post's h1s are its sections.
        let m = meta(
            "<html><head><title>BeFifty - Der Blog für Frauen über 40 und über 50</title>\
             <meta property=\"og:site_name\" content=\"BeFifty\">\
             <meta property=\"og:title\" content=\"Das vielleicht schönste Ende der Welt: Montauk\">\
             <meta property=\"og:type\" content=\"article\"></head><body>\
             <article><p>Ein Strand, ist ein Strand.</p><h1>\"Downtown\" Montauk</h1>\
             <p>Alles, was man braucht.</p></article></body></html>",
        );
        assert_eq!(
            m.title.unwrap().text,
            "Das vielleicht schönste Ende der Welt: Montauk"
        );
        // A metadata headline that is no headline ("Untitled") does not.
        let m = meta(
            "<html><head><title>How to grow tomatoes in pots - Garden Blog</title>\
             <meta property=\"og:site_name\" content=\"Garden Blog\">\
             <meta property=\"og:title\" content=\"Untitled\">\
             <meta property=\"og:type\" content=\"article\"></head><body>\
             <h1>Latest from the garden</h1><p>Text.</p></body></html>",
        );
        assert_eq!(m.title.unwrap().text, "How to grow tomatoes in pots");
    }

    #[test]
    fn h1_beside_the_part_og_title_names_is_the_blog() {
        let m = meta(
            "<html><head><title>Data Notes: Small models at work</title>\
             <meta property=\"og:title\" content=\"Small models at work\"></head><body>\
             <h1>Data Notes</h1><h1>Small is the new large</h1><p>Text.</p></body></html>",
        );
        assert_eq!(m.title.unwrap().text, "Small models at work");
    }

    #[test]
    fn teaser_date_far_below_the_headline_is_not_the_page_date() {
        let body = "<p>Paragraph of the post.</p>".repeat(NEAR_HEADLINE * 5);
        let page = format!(
            "<html><head><title>Top agencies</title></head><body><div>Last updated:</div>\
             <div>Dec 12, 2025</div><h1>Top agencies</h1>{body}<div class=\"related\">\
             <div class=\"blog-date\">December 2, 2025</div><div>Another post</div></div></body></html>"
        );
        let m = meta(&page);
        assert_eq!(
            m.published.as_ref().and_then(|p| p.day()),
            Some("2025-12-12")
        );
    }

    #[test]
    fn first_author_key_yields_to_the_full_author_list() {
        let m = meta(
            r#"<html><head><title>Yoga study</title>
            <meta name="DC.Creator" content="Jennifer Huberty">
            <meta name="citation_authors" content="Jennifer Huberty">
            <meta name="citation_authors" content="Jeni Green">
            <meta name="citation_authors" content="Chong Lee"></head><body></body></html>"#,
        );
        let names: Vec<_> = m.authors.iter().map(|a| a.text.as_str()).collect();
        assert_eq!(names, vec!["Jennifer Huberty", "Jeni Green", "Chong Lee"]);
    }

    #[test]
    fn home_page_keeps_the_site_title() {
        let page = "<html><head><title>Acme: Tools for builders - Acme</title></head>\
                    <body><h1>Build faster today</h1></body></html>";
        let doc = Document::parse(page);
        let opts = Options {
            url: Some("https://acme.example/".into()),
            ..Options::default()
        };
        let m = read(&doc, page, &opts);
        assert_eq!(m.title.unwrap().text, "Acme: Tools for builders");
        let page = "<html lang=\"ar\"><head><title>الجريدة | أخبار اليوم</title></head><body></body></html>";
        let doc = Document::parse(page);
        let opts = Options {
            url: Some("https://jarida.example/ar/".into()),
            ..Options::default()
        };
        assert_eq!(
            read(&doc, page, &opts).title.unwrap().text,
            "الجريدة | أخبار اليوم"
        );
    }

    #[test]
    fn h1_naming_the_titles_words_in_the_singular_is_the_headline() {
        // "Laptop / Notebook" shares its words with the title only as plurals: it is the
        // page's own headline, not a banner.
        let m = meta(
            r#"<html><head><title>Best Laptops on Sale - Gaming, Business & Notebooks | Shopname</title>
            <meta property="og:site_name" content="Shopname"></head>
            <body><h1>Laptop / Notebook</h1><p>Text.</p></body></html>"#,
        );
        assert_eq!(m.title.unwrap().text, "Laptop / Notebook");
        // "business" and "its" keep their closing "s".
        assert_eq!(singular("laptops"), "laptop");
        assert_eq!(singular("business"), "business");
        assert_eq!(singular("its"), "its");
    }

    #[test]
    fn h1_is_weighed_against_the_title_less_its_site_name() {
        // "Climbing Packs" shares one word of five with the headline part of the title: it
        // is the page's headline; the site name's words do not make it a banner.
        let m = meta(
            r#"<html><head><title>Climbing Backpacks for Multiday Trips | Summit Outfitters Co-op</title>
            <meta property="og:site_name" content="Summit Outfitters Co-op"></head>
            <body><h1>Climbing Packs</h1><p>Text.</p></body></html>"#,
        );
        assert_eq!(m.title.unwrap().text, "Climbing Packs");
    }

    #[test]
    fn forum_frame_before_a_page_label_is_not_the_title() {
        // phpBB: "Site • View topic - Headline", no h1, no article declared.
        let m = meta(
            "<html><head><title>Riverside Club &bull; View topic - 2025-26 Season: Who Stays Up?</title>\
             </head><body><h2>2025-26 Season: Who Stays Up?</h2><p>Text.</p></body></html>",
        );
        assert_eq!(m.title.unwrap().text, "2025-26 Season: Who Stays Up?");
        assert_eq!(
            after_page_label("Site :: View forum - Football"),
            "Football"
        );
        assert_eq!(after_page_label("View topic"), "View topic");
        assert_eq!(
            after_page_label("How to view topics - Help"),
            "How to view topics - Help"
        );
    }

    #[test]
    fn h1_damaged_by_a_wrong_encoding_gives_way_to_the_metadata_title() {
        let m = meta(
            r#"<html><head><title>Basics Of Event Planning: Beginner's Guide</title>
            <meta property="og:title" content="Basics Of Event Planning: Beginner's Guide"></head>
            <body><h1>Basics Of Event Planning? Beginner? Guide</h1><p>Text.</p></body></html>"#,
        );
        assert_eq!(
            m.title.unwrap().text,
            "Basics Of Event Planning: Beginner's Guide"
        );
        // A question in the h1 is not damage.
        let m = meta(
            r#"<html><head><title>Need a Change? Tips for the Road | Site</title></head>
            <body><h1>Need a Change? Seven Tips for the Road</h1><p>Text.</p></body></html>"#,
        );
        assert_eq!(
            m.title.unwrap().text,
            "Need a Change? Seven Tips for the Road"
        );
    }

    #[test]
    fn slogan_h1_leaves_the_page_title_as_written() {
        // An h1 sharing no word with the title is a banner: the title names the page, whole.
        let m = meta(
            r#"<html><head><title>Pest Control Coupons | Bug Busters Services</title>
            <meta property="og:title" content="Pest Control Coupons | Bug Busters Services">
            <meta property="og:site_name" content="Bug Busters Services"></head>
            <body><h1>Special Offers</h1><p>Text.</p></body></html>"#,
        );
        assert_eq!(
            m.title.unwrap().text,
            "Pest Control Coupons | Bug Busters Services"
        );
        // On an article the title less its site name is the headline.
        let m = meta(
            r#"<html><head><title>Storm hits the coast | Bug Busters Services</title>
            <meta property="og:site_name" content="Bug Busters Services">
            <meta property="og:type" content="article"></head>
            <body><h1>Special Offers</h1><p>Text.</p></body></html>"#,
        );
        assert_eq!(m.title.unwrap().text, "Storm hits the coast");
        // A trailing site name that repeats a name already in the title goes.
        let m = meta(
            r#"<html><head><title>Trending repositories on Codehub today · Codehub</title>
            <meta property="og:site_name" content="Codehub"></head>
            <body><h1>Explore</h1><h1>Spotlight list</h1><p>Text.</p></body></html>"#,
        );
        assert_eq!(
            m.title.unwrap().text,
            "Trending repositories on Codehub today"
        );
        let m = meta(
            r#"<html><head><title>Recap 2025 - updates at Osso – Osso B.V.</title>
            <meta property="og:site_name" content="Osso"></head>
            <body><p>Text.</p></body></html>"#,
        );
        assert_eq!(m.title.unwrap().text, "Recap 2025 - updates at Osso");
        // A name inside a longer word is no repeat.
        let m = meta(
            r#"<html><head><title>Uberization of rides | Uber</title>
            <meta property="og:site_name" content="Uber"></head>
            <body><p>Text.</p></body></html>"#,
        );
        assert_eq!(m.title.unwrap().text, "Uberization of rides | Uber");
    }

    #[test]
    fn home_page_h1_restating_the_title_is_the_headline() {
        let opts = Options {
            url: Some("https://acme.example/".into()),
            ..Options::default()
        };
        let title = |page: &str| {
            let doc = Document::parse(page);
            read(&doc, page, &opts).title.unwrap().text
        };
        // Most of its words are the title's, one is its own: the visible headline.
        assert_eq!(
            title(
                "<html><head><title>Acme: The Leading API Platform | Sign Up</title></head>\
                 <body><h1>The AI-native API Platform</h1></body></html>"
            ),
            "The AI-native API Platform"
        );
        // Only the title's words: a part of it, the title says more.
        assert_eq!(
            title(
                "<html><head><title>Acme Arrival Shirt - Black | Acme</title></head>\
                 <body><h1>Arrival Shirt</h1></body></html>"
            ),
            "Acme Arrival Shirt - Black"
        );
        // Other words: a slogan banner.
        assert_eq!(
            title(
                "<html><head><title>Acme: The Leading API Platform</title></head>\
                 <body><h1>Clarity, finally, for teams</h1></body></html>"
            ),
            "Acme: The Leading API Platform"
        );
    }

    #[test]
    fn section_numbers_leave_the_headline() {
        let m = meta(
            "<html><head><title>Git - Branches in a Nutshell</title></head>\
             <body><h1>3.1 Git Branching - Branches in a Nutshell</h1></body></html>",
        );
        assert_eq!(
            m.title.unwrap().text,
            "Git Branching - Branches in a Nutshell"
        );
        // The page title keeps the number: it is part of the headline.
        let m = meta(
            "<html><head><title>3.5 Million Jobs Lost | The Daily</title></head>\
             <body><h1>3.5 Million Jobs Lost</h1></body></html>",
        );
        assert_eq!(m.title.unwrap().text, "3.5 Million Jobs Lost");
    }

    #[test]
    fn tagline_set_inside_the_headline_is_left_out() {
        // The headline's own text opens the title; the tagline is a child element.
        let m = meta(
            "<html><head><title>Black Edition | Protein Powder | Shop</title></head><body>\
             <h1>Black Edition<span>Complete high-protein meal</span></h1></body></html>",
        );
        assert_eq!(m.title.unwrap().text, "Black Edition");
        // A product title over its format and date, the page title "Headline: Author: Shop".
        let m = meta(
            "<html><head><title>كتاب العادات: دليل عملي: أحمد سالم: المتجر</title></head><body>\
             <h1>Follow the author</h1><h1> <span>كتاب العادات: دليل عملي</span> \
             <span>غلاف مقوى – 16 أكتوبر 2018</span></h1></body></html>",
        );
        assert_eq!(m.title.unwrap().text, "كتاب العادات: دليل عملي");
        // A leading text that does not open the title stays part of the headline.
        let m = meta(
            "<html><head><title>REI Co-op Trail 25 Pack review | Gear Blog</title></head><body>\
             <h1><a>REI Co-op</a> Trail 25 Pack</h1></body></html>",
        );
        assert_eq!(m.title.unwrap().text, "REI Co-op Trail 25 Pack");
        assert!(opens_title("Headline: Author: Shop", "Headline"));
        assert!(!opens_title("Headline today | Site", "Headline"));
    }

    #[test]
    fn item_count_leaves_a_listing_title() {
        let m = meta(
            "<html><head><title>Best Books Ever (77141 books)</title></head><body>\
             <h1>Score</h1><ol><li>Book one</li></ol></body></html>",
        );
        assert_eq!(m.title.unwrap().text, "Best Books Ever");
        let m = meta(
            "<html><head><title>Camping Gear | Shop</title></head><body>\
             <h1>Camping Gear(102+)</h1></body></html>",
        );
        assert_eq!(m.title.unwrap().text, "Camping Gear");
        // A year or a quantity naming the item stays.
        let m = meta(
            "<html><head><title>Top Agencies (2025) | Site</title></head><body>\
             <h1>Top Agencies (2025)</h1></body></html>",
        );
        assert_eq!(m.title.unwrap().text, "Top Agencies (2025)");
    }

    #[test]
    fn paragraph_in_a_heading_is_not_the_headline() {
        let lead: String = (1..=6)
            .map(|i| format!("تعرف على أفضل مشاريع التجديد وأكثرها عائدا في المرحلة {i}. "))
            .collect();
        let page = format!(
            "<html><head><title>أفضل عشرة مشاريع تجديد لعام 2023 | الموقع</title>\
             <meta property=\"og:site_name\" content=\"الموقع\"></head><body><article>\
             <h1>{lead}</h1><p>نص</p></article></body></html>"
        );
        assert!(lead.split_whitespace().count() > MAX_HEADLINE_WORDS);
        assert_eq!(
            meta(&page).title.unwrap().text,
            "أفضل عشرة مشاريع تجديد لعام 2023"
        );
        // A headline of ordinary length that disagrees with the title still wins.
        let page = "<html><head><title>أفضل المشاريع لعام 2024 | الموقع</title></head><body>\
            <article><h1>أفضل المشاريع لعام 2025</h1></article></body></html>";
        assert_eq!(meta(page).title.unwrap().text, "أفضل المشاريع لعام 2025");
    }

    #[test]
    fn labels_and_frames_around_a_headline() {
        assert_eq!(
            labelled("Thread: How to pick a host?", "How to pick a host?"),
            Some("How to pick a host?")
        );
        assert_eq!(labelled("2025 Price Guide", "Price Guide"), None);
        assert_eq!(
            labelled(
                "Docker Hardened Images: Validated by Labs",
                "Validated by Labs"
            ),
            None
        );
        assert!(framed("[2512.16245] Model Merging", "Model Merging"));
        assert!(framed("Model Merging · GitHub", "Model Merging"));
        assert!(!framed(
            "Fix It: Arrange (Including One Trick)",
            "Fix It: Arrange (Including"
        ));
        assert!(!framed("عنوان الخبر الكامل", "عنوان الخبر"));
        assert!(framed("عنوان الخبر | الموقع", "عنوان الخبر"));
        assert!(framed("PostgreSQL: Documentation: 18: SELECT", "SELECT"));
        assert!(framed("الموقع: الوثائق: الاستعلام", "الاستعلام"));
        assert!(!framed("Issues - Daily Lodging Report", "Issues"));
        assert!(!framed("Big News Today", "Today"));
    }

    #[test]
    fn date_lines_and_labels() {
        let line = "Published May 3, 2025 by Sara Ahmad";
        let f = date::find(line, false).unwrap_or_else(|| panic!("no date in {line}"));
        assert!(is_date_line(line, &f));
        assert_eq!(label_kind(line, f.start), Some(Label::Published));
        let sentence = "The campaign offers 50% off on all hands-on training courses and is valid until December 3, 2025, with the code below.";
        let f = date::find(sentence, false).unwrap_or_else(|| panic!("no date"));
        assert!(!is_date_line(sentence, &f));
        let post = "Last post by nwberm Jun 5, 2024";
        let f = date::find(post, false).unwrap_or_else(|| panic!("no date"));
        assert_eq!(label_kind(post, f.start), Some(Label::Activity));
        let ar = "آخر تحديث 5 مايو 2024";
        assert_eq!(
            label_kind(ar, ar.find('5').unwrap_or(0)),
            Some(Label::Modified)
        );
        // Labels in other languages.
        for (line, kind) in [
            ("Pubblicato il 5 marzo 2024", Label::Published),
            ("Yayımlama tarihi: 05.05.2020", Label::Published),
            ("Datum: 10.11.2017", Label::Published),
            ("Опубликовано 5 марта 2024", Label::Published),
            ("Aggiornato il 6 marzo 2024", Label::Modified),
            ("Son güncelleme: 06.05.2020", Label::Modified),
            ("Atualizado em 06/05/2020", Label::Modified),
        ] {
            let at = line.find(|c: char| c.is_ascii_digit()).unwrap_or(0);
            assert_eq!(label_kind(line, at), Some(kind), "{line}");
        }
        // An update's label after the day, with only a time: the day is the update's.
        let cnn = "November 28, 2013 -- Updated 0203 GMT (1003 HKT)";
        let f = date::find(cnn, false).unwrap_or_else(|| panic!("no date"));
        assert_eq!(date_label(cnn, &f, false), Some(Label::Modified));
        // With a day of its own, the update is the second date; the first stays published.
        let both = "November 27, 2013 | Updated November 28, 2013";
        let f = date::find(both, false).unwrap_or_else(|| panic!("no date"));
        assert_eq!(date_label(both, &f, false), None);
        let edited = "March 3, 2020 - edited by the desk";
        let f = date::find(edited, false).unwrap_or_else(|| panic!("no date"));
        assert_eq!(date_label(edited, &f, false), None);
    }

    #[test]
    fn json_ld_without_a_type_dates_the_page() {
        let page = "<html><head><script type=\"application/ld+json\">\
            {\"datePublished\":\"1995-03-05T08:37:00\"}</script></head><body><p>x</p></body></html>";
        assert_eq!(stamps(page).0, "1995-03-05T08:37:00");
        // A nested object without a type (an offer, a rating) is not the page.
        let page = "<html><head><script type=\"application/ld+json\">{\"@type\":\"Product\",\
            \"offers\":{\"datePublished\":\"1995-03-05\"}}</script></head><body><p>x</p></body></html>";
        assert_eq!(stamps(page).0, "");
    }

    #[test]
    fn a_spanish_fecha_class_marks_a_date() {
        let page = "<html><body><div class=\"fecha\">2018-01-04</div><p>Texto.</p></body></html>";
        assert_eq!(stamps(page).0, "2018-01-04");
    }

    #[test]
    fn meta_dates_in_microdata_dublin_core_and_compact_forms() {
        for (tag, published, modified) in [
            (
                r#"<meta itemprop="dateModified" datetime="2018-02-06"/>"#,
                None,
                Some("2018-02-06"),
            ),
            (
                r#"<meta name="DC.Issued" content="2021-07-13"/>"#,
                Some("2021-07-13"),
                None,
            ),
            (
                r#"<meta name="lastmodified" content="2018-02-05"/>"#,
                None,
                Some("2018-02-05"),
            ),
            (
                r#"<meta property="og:regDate" content="20210820030646">"#,
                Some("2021-08-20T03:06:46"),
                None,
            ),
            (
                r#"<meta name="date" content="20210820">"#,
                Some("2021-08-20"),
                None,
            ),
            (r#"<meta name="date" content="20211340">"#, None, None),
            (
                r#"<meta property="dc:created" content="2017-09-01"/>"#,
                Some("2017-09-01"),
                None,
            ),
            (
                r#"<meta name="created" content="2017-01-09"/>"#,
                Some("2017-01-09"),
                None,
            ),
        ] {
            let m = meta(&format!(
                "<html><head>{tag}</head><body><h1>Title</h1><p>Text.</p></body></html>"
            ));
            assert_eq!(m.modified.map(|s| s.local).as_deref(), modified, "{tag}");
            let p = m.published.map(|s| s.local);
            // A page dated only by its update is published no later.
            assert_eq!(p.as_deref(), published.or(modified), "{tag}");
        }
    }

    #[test]
    fn a_publisher_named_by_its_url_names_no_site() {
        let m = meta(
            r#"<html><head><script type="application/ld+json">{"@type":"WebPage","name":"Example",
            "publisher":{"@type":"Organization","name":"https://www.example.com"}}</script></head>
            <body><h1>Example</h1><p>Text.</p></body></html>"#,
        );
        assert_eq!(m.site, None);
    }

    /// Three dated teasers under a story: a listing, so no shown date overrides the others.
    const DATED_TEASERS: &str = r#"<ul><li><time datetime="2019-07-08T19:00:00Z">Event</time></li>
        <li><time datetime="2019-07-06T09:22:27Z">Other</time></li>
        <li><time datetime="2019-07-05T16:35:49Z">Third</time></li></ul>"#;

    #[test]
    fn a_times_shown_day_wins_over_its_datetime_of_another_day() {
        let page = |time: &str| {
            format!(
                "<html lang=fr><body><h1>Quand on comprend que les grenades sont un enjeu</h1>\
                 <div class=time>{time}</div><p>Le 2 décembre 2014, texte.</p>{DATED_TEASERS}</body></html>"
            )
        };
        let m = meta(&page(
            r#"<time datetime="2019-07-03T10:18:46Z">Publié le 29 juin 2019</time>"#,
        ));
        assert_eq!(m.published.unwrap().local, "2019-06-29");
        // A day apart is a zone's shift: the machine stamp, with its time, stays.
        let m = meta(&page(
            r#"<time datetime="2019-06-29T23:30:00Z">30 juin 2019</time>"#,
        ));
        assert_eq!(m.published.unwrap().local, "2019-06-29T23:30:00+00:00");
    }

    #[test]
    fn a_shown_date_is_not_traded_for_another_elements_time() {
        // Shown dates at one rank: the first stays; another element's time with an offset (an
        // event's, a teaser's) does not replace it.
        let m = meta(&format!(
            r#"<html><body><h1>Grenades and policing</h1><p><time>June 29, 2019</time></p>
            <p>Text.</p>{DATED_TEASERS}</body></html>"#
        ));
        assert_eq!(m.published.unwrap().local, "2019-06-29");
    }

    #[test]
    fn hatom_abbr_dates_are_read_from_their_title() {
        let m = meta(
            r#"<html><body><h1>Title</h1><p>Text.</p>
            <abbr class="published" title="2016-11-12T10:00:00+01:00">Nov 12</abbr>
            <abbr class="updated" title="2016-11-13T10:00:00+01:00">Nov 13</abbr>
            <p>The <abbr title="World Health Organization">WHO</abbr> said.</p></body></html>"#,
        );
        assert_eq!(m.published.unwrap().local, "2016-11-12T10:00:00+01:00");
        assert_eq!(m.modified.unwrap().local, "2016-11-13T10:00:00+01:00");
    }

    #[test]
    fn a_labelled_date_line_dates_a_page_with_no_headline() {
        for (line, day) in [
            ("<p><em>Published: 5/5/2020</em></p>", "2020-05-05"),
            ("<div>veröffentlicht am 6.12.06</div>", "2006-12-06"),
            ("<p>نشر في 3 مارس 2024</p>", "2024-03-03"),
        ] {
            let page =
                format!("<html><body><div class=box>{line}<p>Some text.</p></div></body></html>");
            assert_eq!(
                meta(&page).published.map(|s| s.local).as_deref(),
                Some(day),
                "{line}"
            );
        }
    }

    #[test]
    fn a_page_update_line_dates_a_page_with_no_other_date_unless_it_stands_in_a_layer() {
        // "Last updated on Mar 08, 2026" in a manual's footer: the page's update, and so its
        // published day too when it gives no other.
        for line in [
            "<p><em>Last updated: 01/23/2021</em></p>",
            "<footer><p>Last updated on Jan 23, 2021 (05:46 UTC).</p></footer>",
            "<p><em>Son güncelleme tarihi: 23/1/21</em></p>",
            "<p>Stand: 23.1.21</p>",
            "<p>Zuletzt aktualisiert am 23.01.2021</p>",
            "<footer>Dernière mise à jour : 23 janvier 2021</footer>",
            "<p>Última actualización: 23 de enero de 2021</p>",
            "<p>DERNIÈRE MISE À JOUR : 23 janvier 2021</p>",
        ] {
            let page = format!("<html><body><p>Some text.</p>{line}</body></html>");
            let m = meta(&page);
            assert_eq!(
                m.modified.map(|s| s.local).as_deref(),
                Some("2021-01-23"),
                "{line}"
            );
            assert_eq!(m.published.map(|s| s.local).as_deref(), Some("2021-01-23"));
        }
        // A word ending in the label ("Kontostand:") or the label inside a line ("Einwohner
        // (Stand: 31.12.2022)") dates a figure, not the page.
        for line in [
            "<p>Kontostand: 23.01.2021</p>",
            "<p>Einwohner (Stand: 31.12.2022)</p>",
        ] {
            let page = format!("<html><body><p>Some text.</p>{line}</body></html>");
            let m = meta(&page);
            assert!(m.published.is_none() && m.modified.is_none(), "{line}");
        }
        // In a layer over the page, it dates something else: a shop's privacy notice.
        for (open, close) in [
            ("<div role=dialog>", "</div>"),
            ("<div aria-modal=true>", "</div>"),
            ("<div class=modal>", "</div>"),
            ("<dialog>", "</dialog>"),
        ] {
            for line in ["<p>Last Updated: 1/23/2025</p>", "Last Updated: 1/23/2025"] {
                let page = format!("<html><body><p>Shoes.</p>{open}{line}{close}</body></html>");
                let m = meta(&page);
                assert!(m.published.is_none() && m.modified.is_none(), "{page}");
            }
        }
        // A page-wide state class on <body> ("modal-open" while a modal shows) is no layer.
        let page =
            "<html><body class=modal-open><p>Shoes.</p><p>Posted on: 05/05/2020</p></body></html>";
        assert_eq!(
            meta(page).published.map(|s| s.local).as_deref(),
            Some("2020-05-05")
        );
        // A layer a few levels of markup above the line is still one.
        let deep = "<div>".repeat(MAX_CHROME_ANCESTORS - 2);
        let page = format!(
            "<html><body><p>Shoes.</p><div role=dialog>{deep}<p>Last Updated: 1/23/2025</p></div></body></html>"
        );
        let m = meta(&page);
        assert!(m.published.is_none() && m.modified.is_none());
    }

    #[test]
    fn a_label_after_the_date_says_what_it_dates() {
        // Turkish sets the label after the date: "on 5/5/2020 published", "updated on 5/5/20".
        for (line, published, modified) in [
            ("5/5/2020 tarihinde yayımlandı.", "2020-05-05", None),
            ("05.05.2020 tarihinde yayınlandı.", "2020-05-05", None),
            (
                "5/5/20 tarihinde güncellendi.",
                "2020-05-05",
                Some("2020-05-05"),
            ),
            ("5/5/20'de güncellendi.", "2020-05-05", Some("2020-05-05")),
            ("15.05.2025'te yayımlandı.", "2025-05-15", None),
        ] {
            let page = format!("<html><body><p>Metin.</p><p><em>{line}</em></p></body></html>");
            let m = meta(&page);
            assert_eq!(
                m.published.map(|s| s.local).as_deref(),
                Some(published),
                "{line}"
            );
            assert_eq!(m.modified.map(|s| s.local).as_deref(), modified, "{line}");
        }
        // A clause's verb ("published, it was removed") labels nothing.
        let page = "<html><body><p>Metin.</p><p>5/5/2020 tarihinde yayımlandığı için silindi.</p></body></html>";
        assert!(meta(page).published.is_none());
        // A sentence that goes on after the date and the words is no date line.
        let page = "<html><body><p>5/5/2020 tarihinde yayımlandı ve ardından pek çok kez \
                    okundu, paylaşıldı, tartışıldı ve başka sitelerde yeniden basıldı.</p></body></html>";
        assert!(meta(page).published.is_none());
    }

    #[test]
    fn an_arabic_date_line_under_the_headline_dates_the_page() {
        let page = |line: &str| {
            format!(
                "<html lang=ar><body><h1>معارضون يسيطرون على مخازن للصواريخ بريف دمشق</h1>\
                 <div class=cnn_strytmstmp>{line}</div><p>دمشق، سوريا (CNN) -- أكدت جهات سورية معارضة.</p>\
                 </body></html>"
            )
        };
        let m = meta(&page(
            "الأربعاء، 28 آب/اغسطس 2013، آخر تحديث 14:00 (GMT+0400)",
        ));
        // The update's time is read with the line's day; the page gives no other date.
        assert_eq!(m.modified.unwrap().local, "2013-08-28T14:00:00+04:00");
        assert_eq!(m.published.unwrap().local, "2013-08-28T14:00:00+04:00");
        let m = meta(&page("نشر في 5 مارس 2024 - آخر تحديث 6 مارس 2024"));
        assert_eq!(m.published.unwrap().local, "2024-03-05");
        assert_eq!(m.modified.unwrap().local, "2024-03-06");
        // A sentence that mentions a day does not date the page.
        let m = meta(&page(
            "قال الوزير في 5 مارس 2024 إن الحكومة ستعلن عن خطة جديدة للنقل العام في المدن الكبرى خلال الأسابيع المقبلة",
        ));
        assert!(m.published.is_none());
    }

    #[test]
    fn the_day_shown_with_an_updates_time_is_the_update() {
        let page = r#"<html><head><meta content="2013-11-27T08:36:32Z" itemprop="datePublished" name="pubdate"/>
            <meta content="2013-11-28T02:03:23Z" itemprop="dateModified" name="lastmod"/></head>
            <body><h1>After storm, smooth sailing for Thanksgiving</h1>
            <div class="cnn_strytmstmp">November 28, 2013 -- Updated 0203 GMT (1003 HKT)</div>
            <p>Text.</p></body></html>"#;
        assert_eq!(
            meta(page).published.unwrap().local,
            "2013-11-27T08:36:32+00:00"
        );
    }

    #[test]
    fn line_dates_of_flattened_text() {
        let day = |t: &str| line_date(t, false).map(|(f, u)| (f.year, f.month, f.day, u));
        assert_eq!(
            day("Friday, November 14, 2025"),
            Some((2025, 11, 14, false))
        );
        assert_eq!(
            day("Published August 7, 2023 by Nicole Burke"),
            Some((2023, 8, 7, false))
        );
        assert_eq!(
            day("By George Michaelson on 19 Dec 2025"),
            Some((2025, 12, 19, false))
        );
        // Not a byline: a sentence's "on" does not open a date line.
        assert_eq!(day("The vote took place on March 5, 2024"), None);
        assert_eq!(
            day("by Karina Cohen | May 19, 2024"),
            Some((2024, 5, 19, false))
        );
        assert_eq!(
            day("Updated Dec 18, 2025 · 12 min read"),
            Some((2025, 12, 18, true))
        );
        // A headline ending in a date, a sentence, a thread's last post: no date line.
        assert_eq!(day("Metasploit Wrap-Up 12/19/2025"), None);
        assert_eq!(day("Last post by nwberm Jun 5, 2024"), None);
        assert_eq!(
            day("The offer is valid until December 3, 2025, with the code below."),
            None
        );
    }

    #[test]
    fn limits_hold() {
        // A JSON-LD body over MAX_LD_BYTES is cut, not parsed whole; deep nesting is refused.
        let big = format!(
            r#"<script type="application/ld+json">{{"@type":"NewsArticle","headline":"{}"}}</script>"#,
            "x".repeat(jsonld::MAX_LD_BYTES + 10)
        );
        let m = meta(&big);
        assert!(m.title.is_none());
        let deep = format!(
            r#"<script type="application/ld+json">{}{}</script>"#,
            r#"{"@graph":["#.repeat(400),
            "]}".repeat(400)
        );
        let _ = meta(&deep);
        // Many candidate elements: only MAX_CANDIDATES are looked at.
        let many = "<span class=byline>By Someone Else</span>".repeat(MAX_CANDIDATES * 10);
        let m = meta(&format!("<h1>A headline</h1>{many}"));
        assert_eq!(m.authors.len(), 1);
    }

    proptest::proptest! {
        #[test]
        fn any_input_is_read_without_panic(page in "(<[a-z]{1,6}( [a-z]{1,5}=\"[^\"]{0,12}\")?>|</[a-z]{1,6}>|[^<]{0,20}){0,40}") {
            let _ = meta(&page);
        }

        #[test]
        fn any_text_dates_and_bylines(text in "\\PC{0,80}") {
            let _ = date::find_all(&text, true, 4);
            let _ = date::stamp_of(&text, Span::default(), false);
            let _ = clean::author_names(&text);
            let _ = jsonld::parse(&text);
        }
    }

    #[test]
    fn never_panics() {
        for page in [
            "",
            "<",
            "<html",
            "<script type=application/ld+json>{{{{",
            "<meta name=author content>",
            "<h1></h1><time datetime=></time>",
            "\u{0}\u{1}<title>\u{feff}</title>",
        ] {
            let _ = meta(page);
        }
        let deep = "<div class=author>".repeat(5000);
        let _ = meta(&deep);
    }
}
