//! Marsad's Arabic text layer: the one analyzer that extraction, search, dedup and entity lookup
//! share, and the readers of Arabic dates, datelines, agencies and places that extraction needs.
//!
//! Modules, each named after what it holds:
//! - [`normalize`]: Arabic normalisation with a map back to original byte offsets.
//! - [`tokenize`]: clitic-aware tokens with byte offsets into the original text.
//! - [`stem`]: a light (Light10-style) stemmer.
//! - [`stopwords`]: the MIT Arabic stopword list.
//! - [`lang`]: language identification (script rule first, then a small model).
//! - [`dates`]: Arabic dates in every month system, Hijri, numeric stamps, relative dates.
//! - [`places`]: Arabic place names to IANA zones and countries.
//! - [`agencies`]: news agencies as written in Arabic news.
//! - [`dateline`]: datelines ("إسطنبول - وكالات") and credits ("(رويترز)").
//! - [`phrases`]: chrome and teaser phrases ("اقرأ أيضاً", "حجم الخط", "Read more").

pub mod agencies;
#[cfg(feature = "tantivy")]
pub mod analyzer;
pub mod dateline;
pub mod dates;
pub mod lang;
pub mod normalize;
pub mod phrases;
pub mod places;
pub mod stem;
pub mod stopwords;
pub mod tokenize;
