//! Marsad's extractors: bytes of an HTML page or of flattened text in, an [`Article`] out.
//!
//! No I/O happens here: callers hand in bytes and hints ([`Options`]); reading files, walking
//! folders and writing output belong to the CLI and the ingest crate.
//!
//! - [`decode`]: bytes to UTF-8 (BOM, declared charset checked against the bytes, chardetng).
//! - [`html`]: the HTML extractor (parse, metadata, content scoring).
//! - [`text`]: the flattened-text extractor (line classifier, site templates).

pub mod decode;
pub mod html;
pub mod text;

pub use marsad_model::Article;
