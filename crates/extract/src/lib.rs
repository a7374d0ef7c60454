//! Marsad's extractors: bytes of an HTML page or of flattened text in, an [`Article`] out.
//!
//! No I/O happens here: callers hand in bytes and hints ([`Options`]); reading files, walking
//! folders and writing output belong to the CLI and the ingest crate.
//!
//! - [`caption`]: caption credits and dates, shared by both extractors.
//! - [`decode`]: bytes to UTF-8 (BOM, declared charset checked against the bytes, chardetng).
//! - [`html`]: the HTML extractor (parse, metadata, content scoring).
//! - [`text`]: the flattened-text extractor (line classifier, site templates).
//!
//! ```
//! use marsad_extract::{extract, Options};
//! let page = "<html lang=ar><body><article><h1>عنوان</h1><p>نص الخبر.</p></article></body></html>";
//! let out = extract(page.as_bytes(), &Options::default());
//! assert!(out.is_ok() || out.is_err()); // never panics
//! ```

pub mod caption;
pub mod compose;
pub mod contact;
mod data;
pub mod decode;
pub mod html;
pub mod text;

use std::sync::Arc;

pub use marsad_model::Article;

/// Largest input accepted, in bytes (larger inputs are an error, not a slow run).
pub const MAX_INPUT_BYTES: usize = 64 * 1024 * 1024;

/// What the input is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum InputKind {
    /// Decide from the content (markup → HTML, else flattened text).
    #[default]
    Auto,
    /// An HTML page.
    Html,
    /// Flattened text, one block a line.
    Text,
}

/// Hints for one extraction. No field is required.
#[derive(Debug, Clone, Default)]
pub struct Options {
    /// The page URL: resolves relative links, fills `Article::url`.
    pub url: Option<String>,
    /// The input's path, copied into `Article::source.path`.
    pub path: Option<String>,
    /// Force HTML or text instead of sniffing.
    pub input: InputKind,
    /// Collect a human-readable account of each decision in [`Extraction::explain`].
    pub explain: bool,
    /// A site template learned from other pages of the same site (flattened text).
    pub template: Option<Arc<text::SiteTemplate>>,
    /// Also fill `source.sha256` with the input's SHA-256. Off by default: at about 1.8 GB/s it
    /// costs a sixth of an HTML extraction, and only a caller that stores or dedups by content
    /// needs it (`marsad extract` turns it on). The article `id` is always set.
    pub sha256: bool,
}

/// The result of one extraction.
#[derive(Debug, Clone, Default)]
pub struct Extraction {
    /// The article.
    pub article: Article,
    /// With [`Options::explain`]: one line per decision.
    pub explain: Vec<String>,
}

/// Why an input could not be read at all.
#[derive(Debug, thiserror::Error)]
pub enum ExtractError {
    /// The input is larger than [`MAX_INPUT_BYTES`].
    #[error("input too large: {size} bytes (limit {limit})")]
    TooLarge {
        /// Input size in bytes.
        size: usize,
        /// The limit.
        limit: usize,
    },
    /// The input looks like binary data, not a page or text.
    #[error("input is binary data, not HTML or text ({0})")]
    Binary(String),
    /// Any other unreadable input.
    #[error("{0}")]
    Invalid(String),
}

/// The article id of an input: the XXH3-64 hash of its raw bytes as 16 hex digits, the same for
/// HTML and text input. It is as wide as a 64-bit prefix of a SHA-256 (the same odds of two
/// inputs sharing an id) and about twenty times cheaper to compute, so every extraction has one.
///
/// ```
/// let id = marsad_extract::input_id("مرصد".as_bytes());
/// assert_eq!(id.len(), 16);
/// assert_eq!(id, marsad_extract::input_id("مرصد".as_bytes()));
/// assert_ne!(id, marsad_extract::input_id("مرصد ".as_bytes()));
/// ```
pub fn input_id(bytes: &[u8]) -> String {
    format!("{:016x}", xxhash_rust::xxh3::xxh3_64(bytes))
}

/// The SHA-256 of the raw input as 64 hex digits, for `source.sha256` when
/// [`Options::sha256`] asks for it (content-addressed storage, dedup across crawls).
///
/// ```
/// let sha = marsad_extract::input_sha256("مرصد".as_bytes());
/// assert_eq!(sha.len(), 64);
/// assert!(sha.bytes().all(|b| b.is_ascii_hexdigit()));
/// ```
pub fn input_sha256(bytes: &[u8]) -> String {
    use sha2::{Digest, Sha256};
    const HEX: &[u8; 16] = b"0123456789abcdef";
    let digest = Sha256::digest(bytes);
    let mut sha = String::with_capacity(64);
    for b in digest {
        sha.push(HEX[(b >> 4) as usize] as char);
        sha.push(HEX[(b & 15) as usize] as char);
    }
    sha
}

/// The id and the `source` record of an input, shared by the HTML and text paths.
pub(crate) fn input_source(
    bytes: &[u8],
    opts: &Options,
    kind: marsad_model::SourceKind,
) -> (String, marsad_model::Source) {
    let source = marsad_model::Source {
        kind,
        path: opts.path.clone(),
        sha256: opts.sha256.then(|| input_sha256(bytes)),
        encoding: None,
    };
    (input_id(bytes), source)
}

/// U+00AD SOFT HYPHEN (`&shy;`): it marks where a word may break across lines and shows only
/// there, so it is no text of the article ("Wäh\u{AD}rend" reads "Während").
pub(crate) const SOFT_HYPHEN: char = '\u{AD}';

/// True when `s` holds a [`SOFT_HYPHEN`]: its two UTF-8 bytes looked for with one prebuilt
/// searcher (`str::contains` of a two-byte char compares at every candidate byte, and runs on
/// every text of every page).
pub(crate) fn has_soft_hyphen(s: &str) -> bool {
    static FINDER: std::sync::LazyLock<memchr::memmem::Finder<'static>> =
        std::sync::LazyLock::new(|| memchr::memmem::Finder::new("\u{AD}".as_bytes()));
    FINDER.find(s.as_bytes()).is_some()
}

/// Takes the soft hyphens ([`SOFT_HYPHEN`]) out of every text of `a`: headline, deck,
/// kicker, authors, site, dateline, figures, body, related links and chrome (both input
/// paths end with it; the HTML blocks have none already, see `html::blocks`).
pub(crate) fn drop_soft_hyphens(a: &mut marsad_model::Article) {
    fn fix(s: &mut String) {
        if has_soft_hyphen(s) {
            s.retain(|c| c != SOFT_HYPHEN);
        }
    }
    for t in [&mut a.title, &mut a.subtitle, &mut a.kicker]
        .into_iter()
        .flatten()
    {
        fix(&mut t.text);
    }
    a.authors.iter_mut().for_each(|t| fix(&mut t.text));
    a.site.iter_mut().for_each(fix);
    if a.tags.iter().any(|t| t.contains(SOFT_HYPHEN)) {
        a.tags.iter_mut().for_each(fix);
        // ("Haus&shy;halt" and "Haushalt" are one tag.)
        let mut seen = std::collections::HashSet::new();
        a.tags.retain(|t| seen.insert(t.clone()));
    }
    if let Some(d) = &mut a.dateline {
        fix(&mut d.text);
        for t in [&mut d.place, &mut d.agency].into_iter().flatten() {
            fix(t);
        }
    }
    for f in &mut a.figures {
        for t in [&mut f.alt, &mut f.caption, &mut f.credit]
            .into_iter()
            .flatten()
        {
            fix(&mut t.text);
        }
    }
    a.body.iter_mut().for_each(|b| fix(&mut b.text));
    a.related.iter_mut().for_each(|l| fix(&mut l.title.text));
    a.chrome.iter_mut().for_each(|d| fix(&mut d.text));
}

/// Up to [`text::LANG_SAMPLE_BYTES`] of body (or title) text for language identification,
/// shared by the HTML and text paths.
pub(crate) fn language_sample(a: &marsad_model::Article) -> String {
    let mut s = String::new();
    for b in &a.body {
        s.push_str(&b.text);
        s.push('\n');
        if s.len() > text::LANG_SAMPLE_BYTES {
            break;
        }
    }
    if s.is_empty()
        && let Some(t) = &a.title
    {
        s.push_str(&t.text);
    }
    let mut cut = s.len().min(text::LANG_SAMPLE_BYTES);
    while !s.is_char_boundary(cut) {
        cut -= 1;
    }
    s.truncate(cut);
    s
}

/// True when the bytes look like HTML rather than flattened text: a document marker
/// (`<!doctype html>`, `<html>`, `<head>`, `<body>`) near the start, or markup from the first
/// character on with five or more tags (start or end) of elements HTML knows in the first
/// 4 KB. Flattened text opens with a word, and text that quotes markup or code later on
/// (`Vec<u8>`, `git clone <repo>`, a JSX example) is still text.
///
/// ```
/// use marsad_extract::looks_like_html;
/// assert!(looks_like_html(b"<!DOCTYPE html><html><body><p>x</p></body></html>"));
/// assert!(looks_like_html(b"<div><h1>t</h1><p>a</p><p>b</p></div>"));
/// assert!(!looks_like_html("إسطنبول - وكالات\nدعا وزير الخارجية".as_bytes()));
/// assert!(!looks_like_html(
///     b"Option<T>\nimpl<T> From<T> for Option<T>\n<div>a</div><p>b</p><br><i>c</i>"
/// ));
/// ```
pub fn looks_like_html(bytes: &[u8]) -> bool {
    let head = &bytes[..bytes.len().min(4096)];
    let lower: Vec<u8> = head.iter().map(|b| b.to_ascii_lowercase()).collect();
    let has = |pat: &[u8]| lower.windows(pat.len()).any(|w| w == pat);
    if has(b"<!doctype html") || has(b"<html") || has(b"<head") || has(b"<body") {
        return true;
    }
    let start = lower.strip_prefix(b"\xef\xbb\xbf").unwrap_or(&lower);
    if start.iter().find(|b| !b.is_ascii_whitespace()) != Some(&b'<') {
        return false;
    }
    // Many elements HTML knows (or custom elements) in the head of the input.
    let elements = lower
        .iter()
        .enumerate()
        .filter(|&(_, &b)| b == b'<')
        .filter(|&(at, _)| {
            let rest = &lower[at + 1..];
            let rest = rest.strip_prefix(b"/").unwrap_or(rest);
            let len = rest
                .iter()
                .take_while(|b| b.is_ascii_alphanumeric() || **b == b'-')
                .count();
            let name = std::str::from_utf8(&rest[..len]).unwrap_or("");
            name.starts_with(|c: char| c.is_ascii_alphabetic())
                && (name.contains('-') || html::dom::Tag::from_name(name) != html::dom::Tag::Other)
        })
        .count();
    elements >= 5
}

/// Extracts the article from `bytes`, HTML or flattened text (see [`Options::input`]).
pub fn extract(bytes: &[u8], opts: &Options) -> Result<Extraction, ExtractError> {
    if bytes.len() > MAX_INPUT_BYTES {
        return Err(ExtractError::TooLarge {
            size: bytes.len(),
            limit: MAX_INPUT_BYTES,
        });
    }
    let html = match opts.input {
        InputKind::Html => true,
        InputKind::Text => false,
        InputKind::Auto => looks_like_html(bytes),
    };
    if html {
        html::extract(bytes, opts)
    } else {
        text::extract(bytes, opts)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The id is always set and the same for either reading of the input; the SHA-256 is only
    /// computed when asked for.
    #[test]
    fn id_always_sha256_on_request() {
        let page = "<html><body><p>دعا وزير الخارجية إلى وقف إطلاق النار.</p></body></html>";
        for input in [InputKind::Html, InputKind::Text] {
            let opts = Options {
                input,
                ..Options::default()
            };
            let a = extract(page.as_bytes(), &opts).unwrap().article;
            assert_eq!(a.id, input_id(page.as_bytes()));
            assert_eq!(a.source.sha256, None);
            let opts = Options {
                sha256: true,
                ..opts
            };
            let a = extract(page.as_bytes(), &opts).unwrap().article;
            assert_eq!(a.source.sha256, Some(input_sha256(page.as_bytes())));
        }
        // A known vector: SHA-256 of the empty input.
        assert_eq!(
            input_sha256(b""),
            "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"
        );
    }
}
