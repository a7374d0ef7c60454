//! `marsad text dates` and `marsad text dateline` (being written).
