//! Marsad's article model: what every extractor (HTML or flattened text) returns.
//!
//! The JSON field names are the public contract (see `schema/article.schema.json`); keep them
//! stable. Every piece taken from the input is a [`Text`] (or carries `text` and `span` itself),
//! so a reader can always see where it came from: a [`Span`] is a pair of byte offsets
//! `[start, end)` into the decoded (UTF-8) input.
//!
//! ```
//! use marsad_model::{Article, Span, Text};
//! let mut a = Article::default();
//! a.title = Some(Text::new("من سوريا.. لافروف يدعو إلى وقف فوري لإطلاق النار", Span::new(32, 139)));
//! let json = serde_json::to_value(&a).unwrap();
//! assert_eq!(json["title"]["span"], serde_json::json!([32, 139]));
//! assert!(json["chrome"].as_array().unwrap().is_empty());
//! ```

mod render;

pub use render::{body_text, to_markdown, to_plain_text};

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

/// Byte offsets `[start, end)` into the decoded input; serialised as `[start, end]`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Default)]
pub struct Span {
    /// First byte (inclusive).
    pub start: usize,
    /// One past the last byte.
    pub end: usize,
}

impl Span {
    /// A span from `start` to `end`; the two are swapped if given backwards.
    ///
    /// ```
    /// use marsad_model::Span;
    /// assert_eq!(Span::new(5, 2), Span::new(2, 5));
    /// ```
    pub fn new(start: usize, end: usize) -> Self {
        if start <= end {
            Span { start, end }
        } else {
            Span {
                start: end,
                end: start,
            }
        }
    }

    /// Length in bytes.
    pub fn len(&self) -> usize {
        self.end - self.start
    }

    /// True when the span covers no byte.
    pub fn is_empty(&self) -> bool {
        self.start == self.end
    }

    /// The smallest span covering both.
    ///
    /// ```
    /// use marsad_model::Span;
    /// assert_eq!(Span::new(2, 4).cover(Span::new(8, 9)), Span::new(2, 9));
    /// ```
    pub fn cover(self, other: Span) -> Span {
        Span::new(self.start.min(other.start), self.end.max(other.end))
    }

    /// The span shifted right by `offset` bytes.
    pub fn shift(self, offset: usize) -> Span {
        Span::new(self.start + offset, self.end + offset)
    }

    /// The covered slice of `input`, or `None` when the span is out of range or not on
    /// character boundaries.
    ///
    /// ```
    /// use marsad_model::Span;
    /// assert_eq!(Span::new(0, 6).slice("دمشق"), Some("دمش"));
    /// assert_eq!(Span::new(0, 1).slice("دمشق"), None);
    /// ```
    pub fn slice<'a>(&self, input: &'a str) -> Option<&'a str> {
        input.get(self.start..self.end)
    }
}

impl Serialize for Span {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        [self.start, self.end].serialize(s)
    }
}

impl<'de> Deserialize<'de> for Span {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let [start, end] = <[usize; 2]>::deserialize(d)?;
        Ok(Span::new(start, end))
    }
}

impl JsonSchema for Span {
    fn schema_name() -> std::borrow::Cow<'static, str> {
        "Span".into()
    }

    fn json_schema(_: &mut schemars::SchemaGenerator) -> schemars::Schema {
        schemars::json_schema!({
            "description": "Byte offsets [start, end) into the decoded input.",
            "type": "array",
            "items": { "type": "integer", "minimum": 0 },
            "minItems": 2,
            "maxItems": 2
        })
    }
}

/// A piece of text taken from the input, with where it came from.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize, JsonSchema)]
pub struct Text {
    /// The text, cleaned (whitespace collapsed, markup removed).
    pub text: String,
    /// Where it is in the decoded input.
    pub span: Span,
}

impl Text {
    /// A text with its span.
    ///
    /// ```
    /// use marsad_model::{Span, Text};
    /// let t = Text::new("رويترز", Span::new(269, 281));
    /// assert_eq!(t.text, "رويترز");
    /// ```
    pub fn new(text: impl Into<String>, span: Span) -> Self {
        Text {
            text: text.into(),
            span,
        }
    }
}

/// How precise a [`Stamp`] is.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize, JsonSchema,
)]
#[serde(rename_all = "lowercase")]
pub enum Precision {
    /// A year only ("2012").
    Year,
    /// A month ("شباط 2012").
    Month,
    /// A calendar day, no time of day: not midnight UTC.
    Day,
    /// Hours and minutes.
    Minute,
    /// Down to the second (or finer).
    Second,
}

/// A point in time read from the page (published or modified).
///
/// A date without a time is a `day`: `local` is then `YYYY-MM-DD` and `utc` is null.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
pub struct Stamp {
    /// The text it was read from (for metadata, the attribute or JSON value).
    pub text: String,
    /// Where that text is.
    pub span: Span,
    /// Local time as RFC 3339 with the page's offset (`2020-09-08T06:49:00+03:00`), or the day
    /// (`2020-09-08`) when `precision` is `day` (month: `2012-02`, year: `2012`).
    pub local: String,
    /// The same instant in UTC (`2020-09-08T03:49:00Z`); null when no time of day or no offset
    /// is known.
    pub utc: Option<String>,
    /// IANA zone when known (`Asia/Damascus`).
    pub zone: Option<String>,
    /// How precise the stamp is.
    pub precision: Precision,
}

impl Stamp {
    /// The calendar day in the page's own zone (`YYYY-MM-DD`), if the stamp has one.
    ///
    /// ```
    /// use marsad_model::{Precision, Span, Stamp};
    /// let s = Stamp { text: "2020.09.08 | 06:49 دمشق".into(), span: Span::new(141, 168),
    ///     local: "2020-09-08T06:49:00+03:00".into(), utc: Some("2020-09-08T03:49:00Z".into()),
    ///     zone: Some("Asia/Damascus".into()), precision: Precision::Minute };
    /// assert_eq!(s.day(), Some("2020-09-08"));
    /// ```
    pub fn day(&self) -> Option<&str> {
        match self.precision {
            Precision::Year | Precision::Month => None,
            _ => self.local.get(..10),
        }
    }
}

/// What kind of source a dateline credits.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "lowercase")]
pub enum AgencyKind {
    /// A wire service (رويترز، أ ف ب، AP).
    Wire,
    /// The outlet itself or another outlet (CNN، العربية.نت).
    Outlet,
    /// A generic credit ("وكالات", "agencies").
    Generic,
}

/// The dateline that opens a story: "إسطنبول - وكالات", "القاهرة - (رويترز) -".
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
pub struct Dateline {
    /// The dateline as written.
    pub text: String,
    /// Where it is.
    pub span: Span,
    /// The place as written (إسطنبول).
    pub place: Option<String>,
    /// ISO 3166 country of the place.
    pub country: Option<String>,
    /// IANA zone of the place.
    pub zone: Option<String>,
    /// The agency or outlet credited, as written.
    pub agency: Option<String>,
    /// What kind of source the agency is.
    pub agency_kind: Option<AgencyKind>,
}

/// An image with its caption and credit.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
pub struct Figure {
    /// Image source (URL, or file name in flattened text).
    pub src: Text,
    /// Alternative text.
    pub alt: Option<Text>,
    /// Caption, without the credit.
    pub caption: Option<Text>,
    /// Credit ("رويترز"), without brackets.
    pub credit: Option<Text>,
    /// A date named in the caption (`YYYY-MM-DD`, or shorter when less precise).
    pub date: Option<String>,
}

/// What a body block is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "lowercase")]
pub enum BlockKind {
    /// A paragraph of running text.
    Paragraph,
    /// A heading (see `level`).
    Heading,
    /// A quotation.
    Quote,
    /// A list; items are separated by newlines in `text`.
    List,
    /// A table; rows separated by newlines, cells by tabs.
    Table,
    /// Preformatted text (code), line breaks kept.
    Pre,
}

/// One block of the article body.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
pub struct Block {
    /// What the block is.
    pub kind: BlockKind,
    /// Its text.
    pub text: String,
    /// Where it is.
    pub span: Span,
    /// Heading level 1–6, for headings only.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub level: Option<u8>,
}

/// A related link or teaser ("اقرأ أيضاً: …").
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
pub struct Link {
    /// The teaser's headline.
    pub title: Text,
    /// Target URL, when the input has one.
    pub url: Option<String>,
    /// The whole teaser line or element.
    pub span: Span,
}

/// Why a piece of the input was left out of the article.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum Reason {
    /// Navigation, menus, breadcrumbs, tags lists, footers.
    Nav,
    /// Interface words and icons ("icon", "Close", "Menu").
    Ui,
    /// Font-size controls ("+A حجم الخط -A").
    Font,
    /// Share / follow / subscribe widgets.
    Share,
    /// Live-coverage banners ("التغطية الحية").
    Live,
    /// Advertising.
    Ad,
    /// A related-stories block outside the body (teasers in the body go to `related`).
    Related,
    /// A line that recurs across pages of the same site.
    Template,
    /// Other boilerplate: legal, cookie notices, sign-up, copyright.
    Boilerplate,
    /// Whitespace only.
    Empty,
    /// Comments section.
    Comments,
    /// Hidden in the markup (`hidden`, `display:none`, `aria-hidden`).
    Hidden,
    /// Scored too low to be content (link-dense, short, far from the article).
    LowScore,
    /// Repeats text already kept.
    Duplicate,
    /// Consumed as metadata (title, byline, date, dateline, caption) rather than body.
    Metadata,
}

/// A piece of input left out of the article, with why.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
pub struct Dropped {
    /// The text left out (may be shortened for very long blocks).
    pub text: String,
    /// Where it is.
    pub span: Span,
    /// Why.
    pub reason: Reason,
}

/// The text direction of the article.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "lowercase")]
pub enum Dir {
    /// Left to right.
    Ltr,
    /// Right to left (Arabic, Hebrew, Persian, Urdu).
    Rtl,
}

/// What the input was.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "lowercase")]
pub enum SourceKind {
    /// An HTML page.
    #[default]
    Html,
    /// Flattened text, one block a line.
    Text,
}

/// Where the article came from.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize, JsonSchema)]
pub struct Source {
    /// HTML or flattened text.
    pub kind: SourceKind,
    /// Input file, when read from one.
    pub path: Option<String>,
    /// SHA-256 of the raw input bytes (hex), when the caller asked for it (`marsad extract` does).
    pub sha256: Option<String>,
    /// The character encoding the input was decoded from (`UTF-8`, `windows-1256`, …).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub encoding: Option<String>,
}

/// A news article (or the main content of any page) as Marsad read it.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize, JsonSchema)]
pub struct Article {
    /// Stable id: the XXH3-64 hash of the raw input as 16 hex digits (or given by the caller).
    pub id: String,
    /// The page URL, when known (given as a hint or read from the page).
    pub url: Option<String>,
    /// The canonical URL the page declares.
    pub canonical_url: Option<String>,
    /// The site's name ("Enab Baladi", "العربية").
    pub site: Option<String>,
    /// Language (BCP 47 primary tag, `ar`, `en`).
    pub lang: Option<String>,
    /// Text direction.
    pub dir: Option<Dir>,
    /// The headline, without " | Site" suffixes.
    pub title: Option<Text>,
    /// A standfirst or deck under the headline.
    pub subtitle: Option<Text>,
    /// A kicker over the headline.
    pub kicker: Option<Text>,
    /// When it was first published.
    pub published: Option<Stamp>,
    /// When it was last modified.
    pub modified: Option<Stamp>,
    /// Authors as the byline names them (a team byline counts; never the site name).
    pub authors: Vec<Text>,
    /// The dateline ("إسطنبول - وكالات").
    pub dateline: Option<Dateline>,
    /// Images with caption and credit.
    pub figures: Vec<Figure>,
    /// The article body, in order.
    pub body: Vec<Block>,
    /// Related links and teasers found in or around the body.
    pub related: Vec<Link>,
    /// Tags or keywords the page gives.
    pub tags: Vec<String>,
    /// Everything left out, with why: nothing disappears silently.
    pub chrome: Vec<Dropped>,
    /// Where the article came from.
    pub source: Source,
    /// Why the article is empty, when it is (no content found, not an article, bad input).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub empty_reason: Option<String>,
}

impl Article {
    /// The body as plain text, paragraphs separated by a blank line.
    ///
    /// ```
    /// use marsad_model::{Article, Block, BlockKind, Span};
    /// let mut a = Article::default();
    /// a.body.push(Block { kind: BlockKind::Paragraph, text: "دعا لافروف".into(), span: Span::new(0, 19), level: None });
    /// a.body.push(Block { kind: BlockKind::Paragraph, text: "وقال".into(), span: Span::new(20, 28), level: None });
    /// assert_eq!(a.body_text(), "دعا لافروف\n\nوقال");
    /// ```
    pub fn body_text(&self) -> String {
        body_text(&self.body)
    }
}

/// The JSON Schema of [`Article`] as generated from the types (the checked-in
/// `schema/article.schema.json` must equal it).
pub fn article_schema() -> serde_json::Value {
    let schema = schemars::schema_for!(Article);
    serde_json::to_value(schema).unwrap_or(serde_json::Value::Null)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn span_roundtrips_as_pair() {
        let s = Span::new(3, 9);
        let j = serde_json::to_string(&s).unwrap();
        assert_eq!(j, "[3,9]");
        let back: Span = serde_json::from_str(&j).unwrap();
        assert_eq!(back, s);
    }

    #[test]
    fn empty_article_has_chrome_and_nulls() {
        let a = Article::default();
        let v = serde_json::to_value(&a).unwrap();
        for key in [
            "id",
            "url",
            "canonical_url",
            "site",
            "lang",
            "dir",
            "title",
            "subtitle",
            "kicker",
            "published",
            "modified",
            "authors",
            "dateline",
            "figures",
            "body",
            "related",
            "tags",
            "chrome",
            "source",
        ] {
            assert!(v.get(key).is_some(), "missing field {key}");
        }
    }

    #[test]
    fn reasons_are_snake_case() {
        let d = Dropped {
            text: "x".into(),
            span: Span::new(0, 1),
            reason: Reason::LowScore,
        };
        let v = serde_json::to_value(&d).unwrap();
        assert_eq!(v["reason"], "low_score");
    }

    #[test]
    fn checked_in_schema_is_current() {
        let path = concat!(env!("CARGO_MANIFEST_DIR"), "/schema/article.schema.json");
        if std::env::var_os("MARSAD_BLESS").is_some() {
            let text = serde_json::to_string_pretty(&article_schema()).unwrap() + "\n";
            std::fs::write(path, text).unwrap();
        }
        let on_disk: serde_json::Value =
            serde_json::from_str(&std::fs::read_to_string(path).expect("schema file")).unwrap();
        assert_eq!(
            on_disk,
            article_schema(),
            "schema/article.schema.json is stale: run `MARSAD_BLESS=1 cargo test -p marsad-model`"
        );
    }

    #[test]
    fn sample_article_validates_against_schema() {
        let mut a = Article {
            title: Some(Text::new("عنوان", Span::new(0, 10))),
            published: Some(Stamp {
                text: "2020.09.08 | 06:49 دمشق".into(),
                span: Span::new(141, 168),
                local: "2020-09-08T06:49:00+03:00".into(),
                utc: Some("2020-09-08T03:49:00Z".into()),
                zone: Some("Asia/Damascus".into()),
                precision: Precision::Minute,
            }),
            ..Article::default()
        };
        a.body.push(Block {
            kind: BlockKind::Heading,
            text: "h".into(),
            span: Span::new(0, 1),
            level: Some(2),
        });
        let schema = article_schema();
        let validator = jsonschema::validator_for(&schema).unwrap();
        let v = serde_json::to_value(&a).unwrap();
        assert!(validator.is_valid(&v));
        let mut bad = v.clone();
        bad["chrome"] = serde_json::json!("nope");
        assert!(!validator.is_valid(&bad));
    }
}
