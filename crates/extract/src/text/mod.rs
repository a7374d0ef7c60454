//! The flattened-text extractor (being written).

pub mod template;

pub use template::SiteTemplate;

use crate::{ExtractError, Extraction, Options};

/// Extracts the article from flattened text (one block a line).
pub fn extract(_bytes: &[u8], _opts: &Options) -> Result<Extraction, ExtractError> {
    Err(ExtractError::Invalid("text extractor not built yet".into()))
}
