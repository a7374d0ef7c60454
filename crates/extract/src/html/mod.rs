//! The HTML extractor (being written).

pub mod dom;


use crate::{ExtractError, Extraction, Options};

/// Extracts the article from an HTML page.
pub fn extract(_bytes: &[u8], _opts: &Options) -> Result<Extraction, ExtractError> {
    Err(ExtractError::Invalid("HTML extractor not built yet".into()))
}
