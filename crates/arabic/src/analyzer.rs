//! The search analyzer as tantivy parts (cargo feature `tantivy`), so the index uses exactly the
//! tokenizer, normalisation, stopwords and stemmer of this crate.
//!
//! - [`ArabicTokenizer`]: a tantivy [`Tokenizer`] emitting [`crate::tokenize`] tokens — text is
//!   the normalised form ([`crate::normalize::Options::MATCH`]), offsets point into the original.
//! - [`StopwordFilter`]: a [`TokenFilter`] dropping [`crate::stopwords`].
//! - [`StemFilter`]: a [`TokenFilter`] replacing each token by [`crate::stem::search_term`] (the
//!   light stem, then the verb folds [`crate::stem::fold_verb_prefix`] and
//!   [`crate::stem::fold_taa_suffix`]).
//!
//! - [`CoarseFilter`]: a [`TokenFilter`] replacing each search term by its skeleton
//!   ([`crate::stem::coarse_term`]: no long vowels or hamzas after the first letter), for a
//!   second, lower-weighted field where broken plurals and spelling variants meet.
//!
//! - [`ShingleFilter`]: a [`TokenFilter`] replacing the stream by its word pairs (Lucene's
//!   `ShingleFilter`, size 2, no unigrams), for a phrasing field ([`shingle_analyzer`]); on the
//!   ANT known-item check it added little (other outlets share a story's phrasing), so the
//!   recommended index below does not use it.
//!
//! [`analyzer`] chains the tokenizer and the stemmer (see there why stopwords stay);
//! [`analyzer_with_stopwords`] adds the stopword filter; [`coarse_analyzer`] adds the coarse
//! filter; [`register`] installs [`analyzer`] under [`ANALYZER_NAME`] and [`coarse_analyzer`]
//! under [`COARSE_ANALYZER_NAME`].
//!
//! Recommended index (measured on the ANT known-item check, see `examples/known_item.rs`): the
//! body in a field analysed with [`analyzer`], the same body again in a field analysed with
//! [`coarse_analyzer`], and the query's terms of both fields as `Should` clauses, the coarse
//! ones boosted by [`COARSE_BOOST`].

use tantivy::tokenizer::{
    TextAnalyzer, Token, TokenFilter, TokenStream, Tokenizer, TokenizerManager,
};

use crate::{stem, stopwords, tokenize};

/// The name the analyzer is registered under in a tantivy index.
pub const ANALYZER_NAME: &str = "marsad_arabic";

/// The name [`coarse_analyzer`] is registered under in a tantivy index.
pub const COARSE_ANALYZER_NAME: &str = "marsad_arabic_coarse";

/// Query boost of the coarse field's clauses relative to the main field's (1.0). On the ANT
/// known-item check (MRR@10, title → own body, all 39,043 articles) 0.2, 0.4, 0.7 and 1.0 gave
/// .7290, .7304, .7313, .7308 against .7258 without the field: 0.7 is best, and keeps the exact
/// term ahead of its skeleton.
pub const COARSE_BOOST: f32 = 0.7;

/// Tokenizer emitting normalised tokens with original byte offsets.
#[derive(Debug, Clone, Default)]
pub struct ArabicTokenizer {
    token: Token,
}

/// Token stream of [`ArabicTokenizer`].
pub struct ArabicTokenStream<'a> {
    inner: tokenize::Tokens<'a>,
    token: &'a mut Token,
}

impl Tokenizer for ArabicTokenizer {
    type TokenStream<'a> = ArabicTokenStream<'a>;

    fn token_stream<'a>(&'a mut self, text: &'a str) -> ArabicTokenStream<'a> {
        self.token.reset();
        self.token.position = usize::MAX;
        ArabicTokenStream {
            inner: tokenize::tokenize(text),
            token: &mut self.token,
        }
    }
}

impl TokenStream for ArabicTokenStream<'_> {
    fn advance(&mut self) -> bool {
        let Some(t) = self.inner.next_span(&mut self.token.text) else {
            return false;
        };
        self.token.offset_from = t.start;
        self.token.offset_to = t.end;
        self.token.position = self.token.position.wrapping_add(1);
        self.token.position_length = 1;
        true
    }

    fn token(&self) -> &Token {
        self.token
    }

    fn token_mut(&mut self) -> &mut Token {
        self.token
    }
}

/// Drops stopwords (tokens must be normalised, as [`ArabicTokenizer`] makes them).
#[derive(Debug, Clone, Copy, Default)]
pub struct StopwordFilter;

/// Tokenizer wrapped by [`StopwordFilter`].
#[derive(Debug, Clone)]
pub struct StopwordFilterWrapper<T> {
    inner: T,
}

/// Token stream of [`StopwordFilterWrapper`].
pub struct StopwordTokenStream<S> {
    tail: S,
}

impl TokenFilter for StopwordFilter {
    type Tokenizer<T: Tokenizer> = StopwordFilterWrapper<T>;

    fn transform<T: Tokenizer>(self, tokenizer: T) -> StopwordFilterWrapper<T> {
        StopwordFilterWrapper { inner: tokenizer }
    }
}

impl<T: Tokenizer> Tokenizer for StopwordFilterWrapper<T> {
    type TokenStream<'a> = StopwordTokenStream<T::TokenStream<'a>>;

    fn token_stream<'a>(&'a mut self, text: &'a str) -> Self::TokenStream<'a> {
        StopwordTokenStream {
            tail: self.inner.token_stream(text),
        }
    }
}

impl<S: TokenStream> TokenStream for StopwordTokenStream<S> {
    fn advance(&mut self) -> bool {
        while self.tail.advance() {
            if !stopwords::is_stopword_normalized(&self.tail.token().text) {
                return true;
            }
        }
        false
    }

    fn token(&self) -> &Token {
        self.tail.token()
    }

    fn token_mut(&mut self) -> &mut Token {
        self.tail.token_mut()
    }
}

/// Replaces each (normalised) token by its search term ([`crate::stem::search_term`]: light stem,
/// then the verb folds).
#[derive(Debug, Clone, Copy, Default)]
pub struct StemFilter;

/// Replaces each search term by its skeleton ([`crate::stem::coarse_term`]); put it after
/// [`StemFilter`].
#[derive(Debug, Clone, Copy, Default)]
pub struct CoarseFilter;

impl TokenFilter for StemFilter {
    type Tokenizer<T: Tokenizer> = TermMapWrapper<T>;

    fn transform<T: Tokenizer>(self, tokenizer: T) -> TermMapWrapper<T> {
        TermMapWrapper {
            inner: tokenizer,
            map: stem_in_place,
        }
    }
}

impl TokenFilter for CoarseFilter {
    type Tokenizer<T: Tokenizer> = TermMapWrapper<T>;

    fn transform<T: Tokenizer>(self, tokenizer: T) -> TermMapWrapper<T> {
        TermMapWrapper {
            inner: tokenizer,
            map: coarse_in_place,
        }
    }
}

/// The search term of a token, cut in place (the stem is a sub-slice of the token).
fn stem_in_place(text: &mut String) {
    let stem = stem::search_term(text);
    let from = stem.as_ptr() as usize - text.as_ptr() as usize;
    let len = stem.len();
    if from != 0 || len != text.len() {
        text.truncate(from + len);
        text.drain(..from);
    }
}

/// The skeleton of a search term, replacing it when it differs.
fn coarse_in_place(text: &mut String) {
    if let std::borrow::Cow::Owned(c) = stem::coarse_term(text) {
        *text = c;
    }
}

/// Tokenizer wrapped by a filter that rewrites each term ([`StemFilter`], [`CoarseFilter`]).
#[derive(Debug, Clone)]
pub struct TermMapWrapper<T> {
    inner: T,
    map: fn(&mut String),
}

/// Token stream of [`TermMapWrapper`].
pub struct TermMapTokenStream<S> {
    tail: S,
    map: fn(&mut String),
}

impl<T: Tokenizer> Tokenizer for TermMapWrapper<T> {
    type TokenStream<'a> = TermMapTokenStream<T::TokenStream<'a>>;

    fn token_stream<'a>(&'a mut self, text: &'a str) -> Self::TokenStream<'a> {
        TermMapTokenStream {
            tail: self.inner.token_stream(text),
            map: self.map,
        }
    }
}

impl<S: TokenStream> TokenStream for TermMapTokenStream<S> {
    fn advance(&mut self) -> bool {
        if !self.tail.advance() {
            return false;
        }
        (self.map)(&mut self.tail.token_mut().text);
        true
    }

    fn token(&self) -> &Token {
        self.tail.token()
    }

    fn token_mut(&mut self) -> &mut Token {
        self.tail.token_mut()
    }
}

/// Separator between the two terms of a shingle ([`ShingleFilter`]); no term contains it.
pub const SHINGLE_SEPARATOR: char = ' ';

/// Replaces the token stream by its word pairs: each token after the first yields one token
/// whose text is the previous term, [`SHINGLE_SEPARATOR`] and this term (as Lucene's
/// `ShingleFilter` with size 2 and no unigrams), its offsets spanning both words and its
/// position the first word's. Put it last, after [`StemFilter`], for a second field that ranks
/// a text using the query's own phrasing above one sharing only its words; with
/// [`StopwordFilter`] before it, pairs skip the stopwords between two words.
///
/// ```
/// use marsad_arabic::analyzer::{ArabicTokenizer, ShingleFilter, StemFilter};
/// use tantivy::tokenizer::TextAnalyzer;
/// let mut a = TextAnalyzer::builder(ArabicTokenizer::default())
///     .filter(StemFilter)
///     .filter(ShingleFilter)
///     .build();
/// let mut s = a.token_stream("القطاع الخاص الألماني");
/// let mut got = Vec::new();
/// while s.advance() {
///     got.push(s.token().text.clone());
/// }
/// assert_eq!(got.len(), 2);
/// assert!(got[0].starts_with("قطاع "));
/// ```
#[derive(Debug, Clone, Copy, Default)]
pub struct ShingleFilter;

/// Tokenizer wrapped by [`ShingleFilter`].
#[derive(Debug, Clone)]
pub struct ShingleFilterWrapper<T> {
    inner: T,
}

/// Token stream of [`ShingleFilterWrapper`].
pub struct ShingleTokenStream<S> {
    tail: S,
    /// The previous term and its start offset and position (`None` before the first token).
    prev: Option<(String, usize, usize)>,
    token: Token,
}

impl TokenFilter for ShingleFilter {
    type Tokenizer<T: Tokenizer> = ShingleFilterWrapper<T>;

    fn transform<T: Tokenizer>(self, tokenizer: T) -> ShingleFilterWrapper<T> {
        ShingleFilterWrapper { inner: tokenizer }
    }
}

impl<T: Tokenizer> Tokenizer for ShingleFilterWrapper<T> {
    type TokenStream<'a> = ShingleTokenStream<T::TokenStream<'a>>;

    fn token_stream<'a>(&'a mut self, text: &'a str) -> Self::TokenStream<'a> {
        ShingleTokenStream {
            tail: self.inner.token_stream(text),
            prev: None,
            token: Token::default(),
        }
    }
}

impl<S: TokenStream> TokenStream for ShingleTokenStream<S> {
    fn advance(&mut self) -> bool {
        while self.tail.advance() {
            let cur = self.tail.token();
            let Some((prev, from, position)) = self.prev.as_mut() else {
                self.prev = Some((cur.text.clone(), cur.offset_from, cur.position));
                continue;
            };
            self.token.text.clear();
            self.token.text.push_str(prev);
            self.token.text.push(SHINGLE_SEPARATOR);
            self.token.text.push_str(&cur.text);
            self.token.offset_from = *from;
            self.token.offset_to = cur.offset_to;
            self.token.position = *position;
            self.token.position_length = 2;
            prev.clear();
            prev.push_str(&cur.text);
            *from = cur.offset_from;
            *position = cur.position;
            return true;
        }
        false
    }

    fn token(&self) -> &Token {
        &self.token
    }

    fn token_mut(&mut self) -> &mut Token {
        &mut self.token
    }
}

/// The word-pair analyzer for a phrasing field: [`ArabicTokenizer`] → [`StemFilter`] →
/// [`ShingleFilter`] (pairs of neighbouring search terms, stopwords included).
///
/// ```
/// use marsad_arabic::analyzer::shingle_analyzer;
/// let mut a = shingle_analyzer();
/// let mut terms = Vec::new();
/// for text in ["بالقطاع الخاص", "القطاعُ الخاصّ"] {
///     let mut stream = a.token_stream(text);
///     while stream.advance() {
///         terms.push(stream.token().text.clone());
///     }
/// }
/// assert_eq!(terms.len(), 2);
/// assert_eq!(terms[0], terms[1]);
/// ```
pub fn shingle_analyzer() -> TextAnalyzer {
    TextAnalyzer::builder(ArabicTokenizer::default())
        .filter(StemFilter)
        .filter(ShingleFilter)
        .build()
}

/// The coarse analyzer for a second search field: [`ArabicTokenizer`] → [`StemFilter`] →
/// [`CoarseFilter`]. Query both fields, this one's clauses boosted by [`COARSE_BOOST`].
///
/// ```
/// use marsad_arabic::analyzer::coarse_analyzer;
/// let mut a = coarse_analyzer();
/// let mut terms = Vec::new();
/// for text in ["الصواريخ", "صاروخ"] {
///     let mut stream = a.token_stream(text);
///     while stream.advance() {
///         terms.push(stream.token().text.clone());
///     }
/// }
/// assert_eq!(terms[0], terms[1]);
/// ```
pub fn coarse_analyzer() -> TextAnalyzer {
    TextAnalyzer::builder(ArabicTokenizer::default())
        .filter(StemFilter)
        .filter(CoarseFilter)
        .build()
}

/// The search analyzer: [`ArabicTokenizer`] → [`StemFilter`]. Stopwords are kept: on the ANT
/// known-item check (title → own body, BM25) dropping the MIT list cost MRR@10 (it lists
/// content words such as month names, numbers and قال), and BM25's IDF already discounts
/// frequent words; [`analyzer_with_stopwords`] is the variant that drops them.
///
/// ```
/// use marsad_arabic::analyzer::analyzer;
/// let mut a = analyzer();
/// let mut stream = a.token_stream("وقال إن المفاوضات مع الفلسطينيين");
/// let mut terms = Vec::new();
/// while stream.advance() {
///     terms.push(stream.token().text.clone());
/// }
/// assert_eq!(terms, ["قال", "ان", "مفاوض", "مع", "فلسطين"]);
/// ```
pub fn analyzer() -> TextAnalyzer {
    TextAnalyzer::builder(ArabicTokenizer::default())
        .filter(StemFilter)
        .build()
}

/// [`ArabicTokenizer`] → [`StopwordFilter`] → [`StemFilter`].
///
/// ```
/// use marsad_arabic::analyzer::analyzer_with_stopwords;
/// let mut a = analyzer_with_stopwords();
/// let mut stream = a.token_stream("وقال إن المفاوضات مع الفلسطينيين");
/// let mut terms = Vec::new();
/// while stream.advance() {
///     terms.push(stream.token().text.clone());
/// }
/// assert_eq!(terms, ["مفاوض", "فلسطين"]); // وقال, إن, مع are stopwords
/// ```
pub fn analyzer_with_stopwords() -> TextAnalyzer {
    TextAnalyzer::builder(ArabicTokenizer::default())
        .filter(StopwordFilter)
        .filter(StemFilter)
        .build()
}

/// Registers [`analyzer`] under [`ANALYZER_NAME`] and [`coarse_analyzer`] under
/// [`COARSE_ANALYZER_NAME`] in a tantivy tokenizer manager (`index.tokenizers()`).
///
/// ```
/// use marsad_arabic::analyzer::{register, ANALYZER_NAME};
/// let m = tantivy::tokenizer::TokenizerManager::default();
/// register(&m);
/// let mut a = m.get(ANALYZER_NAME).unwrap();
/// let mut s = a.token_stream("بالمفاوضات");
/// assert!(s.advance());
/// assert_eq!(s.token().text, "مفاوض");
/// ```
pub fn register(manager: &TokenizerManager) {
    manager.register(ANALYZER_NAME, analyzer());
    manager.register(COARSE_ANALYZER_NAME, coarse_analyzer());
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn offsets_point_into_original() {
        let text = "صرّح مُحمّدٌ: المفاوضاتُ";
        let mut a = analyzer_with_stopwords();
        let mut s = a.token_stream(text);
        let mut got = Vec::new();
        while s.advance() {
            let t = s.token();
            got.push((
                t.text.clone(),
                &text[t.offset_from..t.offset_to],
                t.position,
            ));
        }
        assert_eq!(
            got,
            [
                ("صرح".to_string(), "صرّح", 0),
                ("محمد".to_string(), "مُحمّدٌ", 1),
                ("مفاوض".to_string(), "المفاوضاتُ", 2)
            ]
        );
    }
}
