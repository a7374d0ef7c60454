//! Arabic stopwords: the MIT-licensed list of Mohamed Taher Alrefaie (`data/stopwords_mit.txt`,
//! licence in `data/stopwords_mit.LICENSE.txt`), looked up after normalisation
//! ([`crate::normalize::Options::MATCH`]), so إلى, الى and الي all match.

use std::sync::LazyLock;

use crate::normalize;
use crate::tokenize::{WordSet, load_word_list};

static STOPWORDS: LazyLock<WordSet> = LazyLock::new(|| {
    let mut s = load_word_list(include_str!("../data/stopwords_mit.txt"));
    // Entries that normalise to nothing (tatweel) or are punctuation are not words.
    s.retain(|w| w.chars().any(char::is_alphabetic));
    s
});

/// Whether `norm` (already normalised) is a stopword; a leading conjunction و or ف is also
/// tried off ("وهذا" is a stopword because "هذا" is), and so are the proclitics
/// [`crate::tokenize::clitic_split`] finds ("بهذه").
///
/// ```
/// use marsad_arabic::stopwords::is_stopword_normalized;
/// assert!(is_stopword_normalized("الي"));
/// assert!(is_stopword_normalized("وهذا"));
/// assert!(is_stopword_normalized("بهذه"));
/// assert!(!is_stopword_normalized("مصر"));
/// ```
pub fn is_stopword_normalized(norm: &str) -> bool {
    if STOPWORDS.contains(norm) {
        return true;
    }
    if let Some(rest) = norm.strip_prefix('و').or_else(|| norm.strip_prefix('ف'))
        && !rest.is_empty()
        && STOPWORDS.contains(rest)
    {
        return true;
    }
    // A stopword behind other proclitics: بهذه, لهذا, وبعد.
    let base = &norm[crate::tokenize::clitic_split(norm)..];
    base.len() < norm.len() && !base.is_empty() && STOPWORDS.contains(base)
}

/// Whether `word` is a stopword (normalised first).
///
/// ```
/// use marsad_arabic::stopwords::is_stopword;
/// assert!(is_stopword("إلى"));
/// assert!(is_stopword("الّذي"));
/// assert!(!is_stopword("المفاوضات"));
/// ```
pub fn is_stopword(word: &str) -> bool {
    is_stopword_normalized(&normalize::normalize(word))
}

/// The normalised stopwords, in no particular order.
///
/// ```
/// use marsad_arabic::stopwords::stopwords;
/// assert!(stopwords().any(|w| w == "في"));
/// ```
pub fn stopwords() -> impl Iterator<Item = &'static str> {
    STOPWORDS.iter().copied()
}
