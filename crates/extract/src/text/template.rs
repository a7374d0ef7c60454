//! Site templates learned across pages of one site.
//!
//! Many lines of a flattened page are the site's frame, not the article: menus, widgets,
//! footers, recurring teasers. Given several pages of one site, [`SiteTemplate::learn`] counts in
//! how many pages each (normalised) line occurs and keeps the lines that recur in at least
//! `max(MIN_TEMPLATE_PAGES, ceil(TEMPLATE_PAGE_SHARE × pages))` pages (half of them). The text extractor then
//! drops such lines with reason `template` (see [`crate::Options::template`]), unless that would
//! leave the article without a body.
//!
//! Learning is linear in the total size of the pages: one pass, one 64-bit hash per line (FNV-1a
//! of the normalised line, stable across runs and versions, so a saved template stays valid), one
//! hash-set per page to count a line once per page.
//!
//! ```
//! use marsad_extract::text::SiteTemplate;
//! let pages = [
//!     "الرئيسية\nخبر أول عن الاقتصاد.\nجميع الحقوق محفوظة",
//!     "الرئيسية\nخبر ثان عن الرياضة.\nجميع الحقوق محفوظة",
//!     "الرئيسية\nخبر ثالث عن الثقافة.\nجميع الحقوق محفوظة",
//! ];
//! let t = SiteTemplate::learn(pages.iter().copied());
//! assert_eq!(t.len(), 2);
//! assert!(t.contains("الرئيسية"));
//! assert!(!t.contains("خبر أول عن الاقتصاد."));
//! let back = SiteTemplate::from_json(&t.to_json()).unwrap();
//! assert_eq!(back.len(), 2);
//! ```

use std::collections::{HashMap, HashSet};

use crate::ExtractError;

/// A line must occur in at least this many pages to be part of a template.
pub const MIN_TEMPLATE_PAGES: usize = 3;

/// … and in at least this share of the pages (whichever is larger).
pub const TEMPLATE_PAGE_SHARE: f64 = 0.5;

/// Lines longer than this (in bytes, after normalisation) are never template lines: long prose
/// that recurs is an article repeated, not a frame (and hashing it is wasted work).
pub const MAX_TEMPLATE_LINE_BYTES: usize = 2_000;

/// The format version written by [`SiteTemplate::to_json`].
const FORMAT_VERSION: u64 = 1;

/// Lines that recur across pages of one site (navigation, widgets, footers).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct SiteTemplate {
    /// Hashes of the normalised template lines.
    lines: HashSet<u64>,
    /// How many pages the template was learned from.
    pages: usize,
    /// The page count a line needed.
    min_pages: usize,
}

impl SiteTemplate {
    /// Learns the template of one site from its pages (flattened text, one block a line).
    ///
    /// Linear in the total size of the pages. A line counts once per page; lines occurring in at
    /// least `max(MIN_TEMPLATE_PAGES, ceil(TEMPLATE_PAGE_SHARE × pages))` pages (half of them) are kept. Fewer
    /// than [`MIN_TEMPLATE_PAGES`] pages give an empty template.
    ///
    /// ```
    /// use marsad_extract::text::SiteTemplate;
    /// let p = ["اقرأ أيضاً\nنص أول.", "اقرأ أيضاً\nنص ثان.", "اقرأ أيضاً\nنص ثالث."];
    /// let t = SiteTemplate::learn(p);
    /// assert!(t.contains("اقرأ أيضاً"));
    /// assert_eq!(t.pages(), 3);
    /// ```
    pub fn learn<'a, I: IntoIterator<Item = &'a str>>(pages: I) -> SiteTemplate {
        let mut counts: HashMap<u64, u32> = HashMap::new();
        let mut seen: HashSet<u64> = HashSet::new();
        let mut n_pages = 0usize;
        let mut buf = String::new();
        for page in pages {
            n_pages += 1;
            seen.clear();
            for line in page.split('\n') {
                if let Some(h) = line_hash(line, &mut buf)
                    && seen.insert(h)
                {
                    *counts.entry(h).or_insert(0) += 1;
                }
            }
        }
        let min_pages = min_pages_for(n_pages);
        let lines = if n_pages < MIN_TEMPLATE_PAGES {
            HashSet::new()
        } else {
            counts
                .into_iter()
                .filter(|&(_, c)| c as usize >= min_pages)
                .map(|(h, _)| h)
                .collect()
        };
        SiteTemplate {
            lines,
            pages: n_pages,
            min_pages,
        }
    }

    /// True when `line` (normalised the same way as in learning) is a template line.
    ///
    /// ```
    /// use marsad_extract::text::SiteTemplate;
    /// let t = SiteTemplate::learn(["حجم الخط\nأ.", "حجم الخط\nب.", "حجم الخط\nج."]);
    /// assert!(t.contains("  حجم   الخط "));
    /// ```
    pub fn contains(&self, line: &str) -> bool {
        if self.lines.is_empty() {
            return false;
        }
        let mut buf = String::new();
        line_hash(line, &mut buf).is_some_and(|h| self.lines.contains(&h))
    }

    /// The template as JSON, to save and reuse with [`SiteTemplate::from_json`].
    ///
    /// ```
    /// use marsad_extract::text::SiteTemplate;
    /// let t = SiteTemplate::learn(["القائمة\nأ", "القائمة\nب", "القائمة\nج"]);
    /// assert!(t.to_json().contains("\"lines\""));
    /// ```
    pub fn to_json(&self) -> String {
        let mut hashes: Vec<u64> = self.lines.iter().copied().collect();
        hashes.sort_unstable();
        let lines: Vec<String> = hashes.iter().map(|h| format!("{h:016x}")).collect();
        let v = serde_json::json!({
            "marsad_site_template": FORMAT_VERSION,
            "hash": "fnv1a64-normalised-line",
            "pages": self.pages,
            "min_pages": self.min_pages,
            "lines": lines,
        });
        v.to_string()
    }

    /// Reads a template written by [`SiteTemplate::to_json`].
    ///
    /// ```
    /// use marsad_extract::text::SiteTemplate;
    /// assert!(SiteTemplate::from_json("not json").is_err());
    /// let t = SiteTemplate::from_json(r#"{"marsad_site_template":1,"pages":3,"min_pages":3,"lines":["00000000000000ff"]}"#).unwrap();
    /// assert_eq!(t.len(), 1);
    /// ```
    pub fn from_json(s: &str) -> Result<SiteTemplate, ExtractError> {
        let bad = |m: &str| ExtractError::Invalid(format!("site template: {m}"));
        let v: serde_json::Value =
            serde_json::from_str(s).map_err(|e| bad(&format!("not JSON ({e})")))?;
        match v.get("marsad_site_template").and_then(|x| x.as_u64()) {
            Some(FORMAT_VERSION) => {}
            Some(other) => return Err(bad(&format!("unknown format version {other}"))),
            None => return Err(bad("missing \"marsad_site_template\" version")),
        }
        let get_usize = |k: &str| {
            v.get(k)
                .and_then(|x| x.as_u64())
                .and_then(|x| usize::try_from(x).ok())
                .ok_or_else(|| bad(&format!("missing or bad \"{k}\"")))
        };
        let pages = get_usize("pages")?;
        let min_pages = get_usize("min_pages")?;
        let arr = v
            .get("lines")
            .and_then(|x| x.as_array())
            .ok_or_else(|| bad("missing \"lines\" array"))?;
        let mut lines = HashSet::with_capacity(arr.len());
        for item in arr {
            let h = item
                .as_str()
                .and_then(|s| u64::from_str_radix(s, 16).ok())
                .ok_or_else(|| bad("a line hash is not 16 hex digits"))?;
            lines.insert(h);
        }
        Ok(SiteTemplate {
            lines,
            pages,
            min_pages,
        })
    }

    /// Number of template lines.
    pub fn len(&self) -> usize {
        self.lines.len()
    }

    /// True when the template holds no line (fewer than three pages, or nothing recurs).
    pub fn is_empty(&self) -> bool {
        self.lines.is_empty()
    }

    /// How many pages the template was learned from.
    pub fn pages(&self) -> usize {
        self.pages
    }

    /// How many pages a line had to occur in to be kept.
    pub fn min_pages(&self) -> usize {
        self.min_pages
    }
}

/// The page count a line needs when learning from `pages` pages.
fn min_pages_for(pages: usize) -> usize {
    let share = (pages as f64 * TEMPLATE_PAGE_SHARE).ceil() as usize;
    MIN_TEMPLATE_PAGES.max(share)
}

/// The hash of a normalised line, or `None` for blank or over-long lines.
///
/// Normalisation: whitespace (incl. NBSP) collapsed, bidi / zero-width marks removed, lower case.
fn line_hash(line: &str, buf: &mut String) -> Option<u64> {
    buf.clear();
    let mut pending_space = false;
    for c in line.chars() {
        if c.is_whitespace() {
            pending_space = !buf.is_empty();
            continue;
        }
        if is_invisible_mark(c) {
            continue;
        }
        if pending_space {
            buf.push(' ');
            pending_space = false;
        }
        if c.is_ascii() {
            buf.push(c.to_ascii_lowercase());
        } else {
            buf.extend(c.to_lowercase());
        }
        if buf.len() > MAX_TEMPLATE_LINE_BYTES {
            return None;
        }
    }
    if buf.is_empty() {
        return None;
    }
    Some(fnv1a(buf.as_bytes()))
}

/// The template hash of a line (normalised as in learning), `None` for blank or over-long lines.
pub(crate) fn norm_hash(line: &str, buf: &mut String) -> Option<u64> {
    line_hash(line, buf)
}

/// Bidi controls, zero-width characters and the BOM.
pub(crate) fn is_invisible_mark(c: char) -> bool {
    matches!(c, '\u{200B}'..='\u{200F}' | '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}' | '\u{FEFF}' | '\u{00AD}')
}

/// FNV-1a, 64 bits: stable across runs and Rust versions (saved templates stay valid).
/// The site a page URL belongs to, for grouping pages under one template: its host without
/// `www.`, port, path or query (`https://www.aljazeera.net/news/1` → `aljazeera.net`).
///
/// ```
/// use marsad_extract::text::site_of;
/// assert_eq!(site_of("https://www.aljazeera.net/news/2020/1"), "aljazeera.net");
/// assert_eq!(site_of("http://alarabiya.net:8080?x=1"), "alarabiya.net");
/// ```
pub fn site_of(url: &str) -> &str {
    let rest = url.split_once("://").map_or(url, |(_, r)| r);
    let h = rest.split(['/', '?', '#', ':']).next().unwrap_or("");
    h.strip_prefix("www.").unwrap_or(h)
}

fn fnv1a(bytes: &[u8]) -> u64 {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for &b in bytes {
        h ^= u64::from(b);
        h = h.wrapping_mul(0x0000_0100_0000_01b3);
    }
    h
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn site_of_drops_scheme_www_port_path_and_query() {
        assert_eq!(
            site_of("https://www.aljazeera.net/news/2020/1"),
            "aljazeera.net"
        );
        assert_eq!(site_of("http://alarabiya.net?x=1"), "alarabiya.net");
        assert_eq!(site_of("https://example.org:443/a"), "example.org");
        assert_eq!(
            site_of("store.steampowered.com/app/1"),
            "store.steampowered.com"
        );
        assert_eq!(site_of(""), "");
    }

    #[test]
    fn fewer_than_three_pages_learn_nothing() {
        let t = SiteTemplate::learn(["a\nb", "a\nb"]);
        assert!(t.is_empty());
        assert_eq!(t.pages(), 2);
    }

    #[test]
    fn a_line_counts_once_per_page() {
        let t = SiteTemplate::learn(["x\nx\nx\nbody one.", "y", "z"]);
        assert!(!t.contains("x"));
    }

    #[test]
    fn share_threshold_grows_with_pages() {
        assert_eq!(min_pages_for(3), 3);
        assert_eq!(min_pages_for(4), 3);
        assert_eq!(min_pages_for(10), 5);
        assert_eq!(min_pages_for(100), 50);
    }

    #[test]
    fn json_roundtrip_and_errors() {
        let t = SiteTemplate::learn(["Menu\na", "Menu\nb", "Menu\nc", "Menu\nd"]);
        let back = SiteTemplate::from_json(&t.to_json()).unwrap();
        assert_eq!(back, t);
        assert!(SiteTemplate::from_json("{}").is_err());
        assert!(SiteTemplate::from_json(r#"{"marsad_site_template":9}"#).is_err());
        assert!(
            SiteTemplate::from_json(
                r#"{"marsad_site_template":1,"pages":3,"min_pages":3,"lines":["zz"]}"#
            )
            .is_err()
        );
    }

    #[test]
    fn long_lines_are_never_template() {
        let long = "word ".repeat(1000);
        let pages: Vec<String> = (0..4).map(|i| format!("{long}\n{i}")).collect();
        let t = SiteTemplate::learn(pages.iter().map(|s| s.as_str()));
        assert!(!t.contains(&long));
    }
}
