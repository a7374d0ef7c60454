//! Site templates learned across pages (being written).

/// Lines that recur across pages of one site (navigation, widgets, footers).
#[derive(Debug, Clone, Default)]
pub struct SiteTemplate {}
