//! The flattened-text extractor: text a crawler already flattened (one block a line) in, an
//! [`Article`](marsad_model::Article) out.
//!
//! How a page is read, in order of evidence:
//!
//! 1. **Lines** with exact byte spans ([`lines`]); whitespace-only lines are dropped with reason
//!    `empty`, empty lines are separators.
//! 2. **Phrases** (`marsad_arabic::phrases`, data): chrome lines ("حجم الخط", "Share",
//!    "التغطية الحية") get their reason; "اقرأ أيضاً: …" lines are teasers.
//! 3. **Site template** (with [`crate::Options::template`]): lines recurring across the site's
//!    pages are dropped with reason `template`, unless nothing would be left of the body.
//! 4. **Shape and context** ([`classify`]): each line is prose, near-prose, short or not prose by
//!    its length, stopword density and end punctuation; short lines take the class of their
//!    neighbours; the **body region** is the densest run of prose. The article ends early at a
//!    comments heading, a thread of comment stamps, a stream of dated teaser cards or a
//!    related-stories box after it (data:
//!    `text_section_ends.tsv`, `text_comment_heads.tsv`, `text_box_ends.tsv`); what follows gets
//!    reason `comments` or `related`.
//! 5. **Parts** before the body: image file + caption + credit + caption date, published stamp
//!    (with the zone of the place the stamp names), dateline and agency, and the title (the
//!    strongest headline-like line, confirmed by its overlap with the body and the URL).
//! 6. **Related** teasers in the body: phrase lines and bare headlines between paragraphs (short,
//!    no end punctuation, headline shape), with the link title without its prefix.
//! 7. **Chrome**: every other non-empty line, with a reason. Nothing is lost silently.
//!
//! ```
//! use marsad_extract::{extract, InputKind, Options};
//! let page = "icon\nعنوان الخبر عن الاقتصاد في سوريا اليوم\n\nقال وزير الاقتصاد في مؤتمر صحفي عقده اليوم إن الحكومة ستعمل على خفض الأسعار في الأسواق المحلية خلال الأشهر المقبلة.\nوأضاف أن الخطة تشمل دعم المزارعين وتوفير القروض للمشاريع الصغيرة في المحافظات كلها.\n";
//! let opts = Options { input: InputKind::Text, ..Options::default() };
//! let a = extract(page.as_bytes(), &opts).unwrap().article;
//! assert_eq!(a.title.unwrap().text, "عنوان الخبر عن الاقتصاد في سوريا اليوم");
//! assert_eq!(a.body.len(), 2);
//! assert_eq!(a.chrome[0].text, "icon");
//! ```

mod author_box;
pub(crate) mod cards;
pub(crate) mod classify;
mod digest;
pub(crate) mod lines;
mod numbered;
mod parts;
mod post_meta;
mod related;
pub mod template;

pub use template::{SiteTemplate, site_of};

use std::collections::HashSet;

use marsad_arabic::phrases::{Mark, MatchKind};
use marsad_model::{
    Article, Block, BlockKind, Dropped, Link, Precision, Reason, SourceKind, Span, Text,
};

use crate::{ExtractError, Extraction, MAX_INPUT_BYTES, Options};
use classify::Class;
use lines::{Line, LineKind};

/// Most lines a page may have; the rest of a longer input is dropped with reason `low_score`
/// (each line still gets a chrome entry, so nothing disappears).
pub const MAX_LINES: usize = 200_000;

/// How many lines into the body region a date line or byline may still be the article's (the
/// region often opens on the headline block: deck, byline, date).
const STAMP_INTO_BODY: usize = 20;

/// How many lines under a headline found below the stamp window are searched for its byline
/// and stamp ("By / Sara Brown / Apr 21, 2021").
pub const UNDER_TITLE_LINES: usize = 6;

/// A headline inside the body region starts the body when the region's prose after it is at
/// least this many times the prose before it.
pub const HEAD_PROSE_RATIO: u64 = 2;

/// How many lines from the headline a copy of it is the headline given twice (an image's
/// text and the heading), not another card's.
pub const HEADLINE_COPY_REACH: usize = 2;

/// How many lines before the body are searched for the title, stamp, figure and dateline.
pub const HEAD_WINDOW: usize = 40;

/// A body region with fewer prose tokens than this is not an article: the page is read as a
/// listing (every line that is not chrome is kept).
pub const MIN_ARTICLE_TOKENS: u64 = 40;

/// A body region with less than one in this many of the page's tokens is not the page's
/// content (unless a stamp or dateline marks an article): the page is read as a listing.
pub const MIN_REGION_SHARE_INV: u64 = 10;

/// Bytes of body text given to language identification (the Latin-script model's cost grows
/// with the sample; a few sentences are enough).
pub const LANG_SAMPLE_BYTES: usize = 240;

/// How many prose lines at the start of the body are compared with title candidates.
pub const TITLE_EVIDENCE_LINES: usize = 30;

/// How many lines before the first full paragraph are searched for the title.
pub const TITLE_WINDOW: usize = 80;

/// Prose tokens the body must hold before a comments/share heading ends it.
pub const MIN_TOKENS_BEFORE_END: u32 = 100;

/// Headings that end an article (data: `data/text_section_ends.tsv`), folded.
static SECTION_ENDS: std::sync::LazyLock<FoldedSet> = std::sync::LazyLock::new(|| {
    FoldedSet::new(folded_list(include_str!(
        "../../data/text_section_ends.tsv"
    )))
});

/// Headings that end an article only with a count ("1 Comment"; data:
/// `data/text_counted_section_ends.tsv`), folded.
static COUNTED_SECTION_ENDS: std::sync::LazyLock<FoldedSet> = std::sync::LazyLock::new(|| {
    FoldedSet::new(folded_list(include_str!(
        "../../data/text_counted_section_ends.tsv"
    )))
});

/// A set of folded phrases that a line is looked up in without folding it: by the hash of
/// its fold's first word ([`marsad_arabic::phrases::fold_first_word_hash`], which reads only
/// that word: most lines open with no phrase's first word), then by the hash of its fold
/// ([`marsad_arabic::phrases::fold_hash`], no string built), by the folded string only on a
/// hit (most lines are no phrase).
pub(crate) struct FoldedSet {
    /// [`marsad_arabic::phrases::fold_first_word_hash`] of every phrase.
    first_hashes: TokenSet,
    /// [`marsad_arabic::phrases::fold_hash`] of every phrase.
    hashes: TokenSet,
    /// The folded phrases.
    words: HashSet<String, lines::FnvBuild>,
}

impl FoldedSet {
    /// The set of `words`, already folded.
    pub(crate) fn new(words: HashSet<String, lines::FnvBuild>) -> FoldedSet {
        let first_hashes = words
            .iter()
            .map(|w| marsad_arabic::phrases::fold_first_word_hash(w))
            .collect();
        let hashes = words
            .iter()
            .map(|w| marsad_arabic::phrases::fold_hash(w))
            .collect();
        FoldedSet {
            first_hashes,
            hashes,
            words,
        }
    }

    /// True when the fold of `s` is in the set.
    pub(crate) fn contains(&self, s: &str) -> bool {
        self.first_hashes
            .contains(&marsad_arabic::phrases::fold_first_word_hash(s))
            && self.hashes.contains(&marsad_arabic::phrases::fold_hash(s))
            && self.words.contains(&marsad_arabic::phrases::fold(s))
    }

    /// True when the fold of `s` opens with a phrase of two words or more of the set and goes
    /// on after it ("Related articles on Move.org" opens with "related articles"; one word
    /// is too little to tell: "Related documents" over a page's downloads).
    pub(crate) fn opens(&self, s: &str) -> bool {
        if !self
            .first_hashes
            .contains(&marsad_arabic::phrases::fold_first_word_hash(s))
        {
            return false;
        }
        let f = marsad_arabic::phrases::fold(s);
        f.match_indices(' ')
            .skip(1)
            .any(|(k, _)| self.words.contains(&f[..k]))
    }

    /// The folded phrases.
    fn iter(&self) -> impl Iterator<Item = &String> {
        self.words.iter()
    }
}

/// The entries of a one-column phrase list (lines not opening with `#`), folded, empty ones
/// left out: `"# comment\nRelated articles\nمقالات ذات صلة"` gives `related articles` and the
/// folded Arabic phrase.
pub(crate) fn folded_list<C: FromIterator<String>>(data: &str) -> C {
    data.lines()
        .filter(|l| !l.starts_with('#'))
        .map(|l| marsad_arabic::phrases::fold(l.trim()))
        .filter(|l| !l.is_empty())
        .collect()
}

/// True when `line` is a heading that ends an article ("Comments (3)", "اترك تعليقاً").
pub(crate) fn is_section_end(line: &str) -> bool {
    let t = line.trim_matches(|c: char| {
        c.is_numeric()
            || c.is_whitespace()
            || matches!(
                c,
                '(' | ')' | '[' | ']' | ':' | '.' | '…' | '-' | '|' | '!' | '«' | '»' | '←' | '→'
            )
    });
    !t.is_empty()
        && (SECTION_ENDS.contains(t)
            || (line.chars().any(|c| c.is_numeric()) && COUNTED_SECTION_ENDS.contains(t)))
}

/// Where the article inside the body region `[b0, b1)` ends, and what follows it: a comments
/// heading ("Comments (3)", "34 responses to “…”", "Share this:", data), a thread of comment
/// stamps running to the region's end ([`comment_thread`]), or a related-stories box heading
/// ("Related articles") with little prose after it. The headings and the box need
/// [`MIN_TOKENS_BEFORE_END`] prose tokens before them; the comment thread needs
/// [`MIN_COMMENT_ARTICLE_TOKENS`].
fn article_end(lines: &[Line], classes: &[Class], b0: usize, b1: usize) -> Option<(usize, Reason)> {
    // Full paragraphs (their tokens before and after a box heading weigh the two sides).
    let paragraph = |i: usize| {
        classes[i] == Class::Good && lines[i].f.tokens >= ANCHOR_TOKENS && lines[i].f.end_punct
    };
    // Paragraphs that show the article going on after a box: a teaser's one-sentence summary
    // is none.
    let long_paragraph = |i: usize| paragraph(i) && lines[i].f.tokens >= GOES_ON_TOKENS;
    let mut prose = 0u32;
    let mut before = 0u64;
    let mut stamp_seen = false;
    let mut card_seen = false;
    let mut folded = String::new();
    let total: u64 = (b0..b1)
        .filter(|&i| paragraph(i))
        .map(|i| u64::from(lines[i].f.tokens))
        .sum();
    for i in b0..b1 {
        let l = &lines[i];
        if classes[i] == Class::Good {
            prose = prose.saturating_add(l.f.tokens);
        }
        if paragraph(i) {
            before += u64::from(l.f.tokens);
        }
        if l.kind != LineKind::Text {
            continue;
        }
        // A newsletter sign-up line ends the article when it comes after most of the prose
        // and no run of paragraphs follows it (one inside an article is followed by the
        // article's next paragraphs). A lone "Subscribe" is a button, as likely above the
        // footnotes as above the footer.
        // (The cheap tests first: this runs on the lines of the region.)
        if prose >= MIN_TOKENS_BEFORE_END
            && (2..=MAX_SIGNUP_WORDS).contains(&l.f.words)
            && (total - before) * RELATED_END_PROSE_RATIO <= before
            && is_signup_line(l.text, &mut folded)
            && !article_goes_on(lines, i + 1, b1, &long_paragraph)
        {
            return Some((i, Reason::Boilerplate));
        }
        // An author's bio closing the article ("Jane Doe is a reporter for …"), after most
        // of the prose and with no run of paragraphs after it, ends it with the name line or
        // photo above it.
        if prose >= MIN_TOKENS_BEFORE_END
            && l.f.end_punct
            && (total - before) * RELATED_END_PROSE_RATIO <= before
            && let Some(end) = bio_end(lines, i, b0, b1, &paragraph)
        {
            return Some((end, Reason::Related));
        }
        // The site's copyright line ("© 2025 Example Inc."): the page's footer; what follows
        // it is an overlay (a form, a dialog), not the article.
        if prose >= MIN_TOKENS_BEFORE_END
            && l.f.words <= MAX_COPYRIGHT_WORDS
            && l.f.digits >= 4
            && site_copyright(l.text)
            && !article_goes_on(lines, i + 1, b1, &paragraph)
        {
            return Some((i, Reason::Boilerplate));
        }
        // Headings and stamps are not sentences: a sentence of more than a box heading's
        // words skips the tests below (most lines of a body).
        if l.f.end_punct && l.f.words > 8 {
            continue;
        }
        // Headings end the article after enough prose; a thread of comment stamps carries its
        // own evidence and may end a short one.
        let enough = prose >= MIN_TOKENS_BEFORE_END;
        if enough && l.f.words <= 6 && is_section_end(l.text) {
            // The list also holds popularity-box headings ("Most popular").
            let box_heading = l.phrase.is_some_and(|m| m.mark == Mark::Related);
            let reason = if box_heading {
                Reason::Related
            } else {
                Reason::Comments
            };
            return Some((i, reason));
        }
        if enough && l.f.words <= MAX_COMMENT_HEAD_WORDS && is_comment_head(l.text) {
            return Some((i, Reason::Comments));
        }
        // A stream of teaser cards after the article (headline, writer, a bare date, a
        // summary, again and again to the region's end) ends it at the first card (one
        // look). A listing's cards run from its top: the region must hold no bare date
        // before the first.
        if !card_seen && card_date(l) {
            card_seen = true;
            if before >= u64::from(MIN_TOKENS_BEFORE_END) && card_stream(lines, i, b1) {
                let mut end = i;
                while end > b0 + 1 && i - end < CARD_HEAD_REACH && !paragraph(end - 1) {
                    end -= 1;
                }
                return Some((end, Reason::Related));
            }
        }
        // The first comment-like stamp after the article either opens its comments or not
        // (one look: a forum's every post has one).
        if !stamp_seen
            && before >= MIN_COMMENT_ARTICLE_TOKENS
            && let Some(shape) = comment_stamp(l)
        {
            stamp_seen = true;
            let own = (b0.saturating_sub(HEAD_WINDOW)..i)
                .any(|k| comment_stamp(&lines[k]) == Some(shape));
            if !own && comment_thread(lines, i, b1, shape) {
                // Back over the commenter's name line(s) above the first stamp.
                let mut end = i;
                while end > b0 + 1 && !paragraph(end - 1) && lines[end - 1].f.words <= 6 {
                    end -= 1;
                }
                return Some((end, Reason::Comments));
            }
        }
        if enough
            && l.f.words <= MAX_BOX_HEADING_WORDS
            && (is_box_end(l.text)
                || ((3..=MAX_ABOUT_NAME_WORDS as u32 + 3).contains(&l.f.words)
                    && l.f.capitalized >= 2
                    && !l.f.end_punct
                    && is_about_name(l.text)))
            && (total - before) * RELATED_END_PROSE_RATIO <= before
            && !article_goes_on(lines, i + 1, b1, &long_paragraph)
        {
            return Some((i, Reason::Related));
        }
    }
    None
}

/// Most words of a site's copyright line ([`site_copyright`]).
pub const MAX_COPYRIGHT_WORDS: u32 = 20;

/// True when `s` is a site's copyright line: it opens on "©" or "Copyright" and names a year
/// ("© 2025 Example Inc.", "Copyright © 2019 NPR. All rights reserved."); a picture's credit
/// ("© A.M. Best — used by permission") names none.
fn site_copyright(s: &str) -> bool {
    let t = s.trim_start();
    let opens = t.starts_with('©')
        || t.get(..9)
            .is_some_and(|h| h.eq_ignore_ascii_case("copyright"));
    opens
        && t.as_bytes()
            .windows(4)
            .any(|w| w.iter().all(u8::is_ascii_digit) && (w[..2] == *b"19" || w[..2] == *b"20"))
}

/// Fewest bare dates that make a stream of teaser cards.
pub const MIN_CARD_DATES: usize = 3;

/// Most text lines between two cards' dates, and after the last one to the region's end.
pub const MAX_CARD_GAP: usize = 8;

/// Most lines above a card stream's first date that belong to its card (headline, writer,
/// image, the box's heading), back to the article's last paragraph.
pub const CARD_HEAD_REACH: usize = 8;

/// Most words of a card's date line ("Tuesday November 19, 2019").
pub const MAX_CARD_DATE_WORDS: u32 = 5;

/// True when `l` is a bare calendar date (a day, no time of day; a weekday may precede it):
/// the date line of a teaser card ("Tuesday November 19, 2019", "Nov 7, 2025").
fn card_date(l: &Line) -> bool {
    if l.kind != LineKind::Text
        || l.f.words > MAX_CARD_DATE_WORDS
        || l.f.digits < 4
        || l.f.end_punct
    {
        return false;
    }
    let Some(st) = marsad_arabic::dates::parse_stamp(l.text, None) else {
        return false;
    };
    if st.precision != Precision::Day {
        return false;
    }
    // At most one word (a weekday) outside the date.
    let outside = |t: Option<&str>| {
        t.map_or(0, |t| {
            t.split_whitespace()
                .filter(|w| w.chars().any(char::is_alphanumeric))
                .count()
        })
    };
    outside(l.text.get(..st.span.start)) + outside(l.text.get(st.span.end..)) <= 1
}

/// True when bare card dates ([`card_date`]) recur from line `i` to the end of the body
/// region `end`: at least [`MIN_CARD_DATES`] of them, each within [`MAX_CARD_GAP`] text lines
/// of the previous one, the last within that many of `end`.
fn card_stream(lines: &[Line], i: usize, end: usize) -> bool {
    let mut found = 1usize;
    let mut gap = 0usize;
    for l in &lines[i + 1..end.min(lines.len())] {
        if l.kind != LineKind::Text {
            continue;
        }
        if card_date(l) {
            found += 1;
            gap = 0;
        } else {
            gap += 1;
            if gap > MAX_CARD_GAP {
                return false;
            }
        }
    }
    found >= MIN_CARD_DATES
}

/// Where the article ends when line `i` of the body region `[b0, b1)` is an author's bio
/// ([`author_box::is_bio_line`]) with no run of paragraphs after it: at the bio, or at the
/// name line or photo above it ([`bio_head`]). (Kept out of [`article_end`]'s loop, which runs
/// on every line of the region.)
#[inline(never)]
fn bio_end(
    lines: &[Line],
    i: usize,
    b0: usize,
    b1: usize,
    paragraph: &impl Fn(usize) -> bool,
) -> Option<usize> {
    let l = &lines[i];
    if !author_box::is_bio_line(l) && !author_box::given_name_bio(lines, i) {
        return None;
    }
    // A bio may run on in paragraphs that name the person again ("Jane holds an MBA …",
    // "When she is not writing, Jane …"): they are the bio, not the article going on.
    let names: Vec<&str> = l
        .text
        .split(' ')
        .take(author_box::bio_name(l.text).0)
        .filter(|w| w.chars().count() >= MIN_BIO_NAME_CHARS)
        .collect();
    let mut after = i + 1;
    while after < b1
        && lines[after].kind == LineKind::Text
        && lines[after]
            .text
            .split(|c: char| !c.is_alphanumeric())
            .any(|w| names.contains(&w))
    {
        after += 1;
    }
    // A second bio in the region makes a list of people (a staff page), not an author's box.
    if article_goes_on(lines, after, b1, paragraph)
        || (b0..i).chain(after..b1).any(|k| {
            lines[k].f.end_punct
                && (author_box::is_bio_line(&lines[k]) || author_box::given_name_bio(lines, k))
        })
    {
        return None;
    }
    let mut end = i;
    while end > b0 + 1 && bio_head(&lines[end - 1], l.text) {
        end -= 1;
    }
    Some(end)
}

/// Fewest characters of a name word that marks a later paragraph as the bio's ("Jane", not
/// "Li" or an initial).
const MIN_BIO_NAME_CHARS: usize = 3;

/// Most words of a name line or an author's photo line above a bio.
pub const MAX_BIO_HEAD_WORDS: u32 = 6;

/// True when `l` heads the bio line `bio`: the name it opens on ("Jane Doe" above "Jane Doe is
/// a reporter …"), the author's job ("Contributing Writer") or a photo of the author
/// ("Headshot of Jane Doe", a file name).
fn bio_head(l: &Line, bio: &str) -> bool {
    l.kind == LineKind::Text
        && l.f.words <= MAX_BIO_HEAD_WORDS
        && !l.f.end_punct
        && (l.f.file
            || bio.strip_prefix(l.text).is_some_and(|r| r.starts_with(' '))
            || opens_on_given_name(l.text, bio)
            || crate::html::meta::clean::names_a_role(l.text)
            || author_box::portrait_name(l.text)
                .is_some_and(|n| bio.strip_prefix(n).is_some_and(|r| r.starts_with(' '))))
}

/// True when `name`, a short line of capitalised words, opens with the given name a bio opens
/// on alone ("Elliot Raba" over "Elliot is a …").
fn opens_on_given_name(name: &str, bio: &str) -> bool {
    author_box::bio_name(bio).0 == 1
        && author_box::bio_name(name).0 >= 2
        && name.split(' ').next() == bio.split(' ').next()
}

/// Fewest tokens of a paragraph that shows the article going on after a box heading (a
/// teaser's one-sentence summary has fewer).
pub const GOES_ON_TOKENS: u32 = 25;

/// True when two full paragraphs (not questions) follow each other within the first
/// [`BOX_END_LOOKAHEAD`] text lines of `[from, to)`: the article goes on after a box heading.
/// A box of teaser cards alternates headlines and one-paragraph summaries; it never holds two
/// paragraphs in a row.
fn article_goes_on(
    lines: &[Line],
    from: usize,
    to: usize,
    paragraph: &impl Fn(usize) -> bool,
) -> bool {
    let mut prev = false;
    for k in (from..to)
        .filter(|&k| lines[k].kind == LineKind::Text)
        .take(BOX_END_LOOKAHEAD)
    {
        let full = paragraph(k) && !lines[k].text.ends_with(['?', '؟']);
        if full && prev {
            return true;
        }
        prev = full;
    }
    false
}

/// Prose tokens (full paragraphs) an article must hold before a thread of comment stamps ends
/// it.
pub const MIN_COMMENT_ARTICLE_TOKENS: u64 = 60;

/// Fewest comment stamps that make a thread.
pub const MIN_COMMENT_STAMPS: usize = 3;

/// Most text lines between two comments' stamps.
pub const MAX_COMMENT_GAP: usize = 20;

/// Longest comment stamp line, in words ("jdoe says: November 19, 2019 at 6:34 am").
pub const MAX_COMMENT_STAMP_WORDS: u32 = 12;

/// When `l` is a short line holding a date with a time of day ("November 19, 2019 at 6:34 am",
/// "03/03/2026 20:09", "15 أكتوبر 2020 - 10:30 ص") or a relative time ("2 days ago at 07:52 am",
/// "منذ 3 ساعات"), its shape: whether the time is relative, whether text stands before it and
/// whether text follows it. A thread's stamps share one shape (an article's own absolute stamp
/// is not the shape of its comments' relative ones).
fn comment_stamp(l: &Line) -> Option<(bool, bool, bool)> {
    if l.kind != LineKind::Text
        || l.f.words > MAX_COMMENT_STAMP_WORDS
        || l.f.digits == 0
        || l.f.end_punct
    {
        return None;
    }
    let (relative, start, end) = match relative_time(l.text) {
        Some((a, b)) => (true, a, b),
        None => {
            // A time of day is written with a colon ("6:34 am", "20:09"): the cheap test
            // first.
            if l.f.digits < 3 || !l.text.contains(':') {
                return None;
            }
            let st = marsad_arabic::dates::parse_stamp(l.text, None)?;
            if !matches!(
                st.precision,
                marsad_model::Precision::Minute | marsad_model::Precision::Second
            ) {
                return None;
            }
            (false, st.span.start, st.span.end)
        }
    };
    let before = l.text.get(..start).is_some_and(|t| !t.trim().is_empty());
    let after = l
        .text
        .get(end..)
        .is_some_and(|t| t.trim().chars().any(char::is_alphanumeric));
    Some((relative, before, after))
}

/// Words of relative times (data: `data/text_relative_times.tsv`), folded: time units, the
/// words that follow "count unit" ("ago") and the phrases that precede it ("منذ", "hace").
struct RelativeWords {
    units: HashSet<String, lines::FnvBuild>,
    after: HashSet<String, lines::FnvBuild>,
    before: Vec<String>,
}

static RELATIVE: std::sync::LazyLock<RelativeWords> = std::sync::LazyLock::new(|| {
    let mut w = RelativeWords {
        units: HashSet::default(),
        after: HashSet::default(),
        before: Vec::new(),
    };
    for (kind, word) in crate::data::tsv_rows(include_str!("../../data/text_relative_times.tsv")) {
        let word = marsad_arabic::phrases::fold(word);
        if word.is_empty() {
            continue;
        }
        match kind {
            "unit" => {
                w.units.insert(word);
            }
            "after" => {
                w.after.insert(word);
            }
            "before" => w.before.push(word),
            _ => {}
        }
    }
    w
});

/// Most whitespace-separated words of a line searched for a relative time.
const MAX_RELATIVE_WORDS: usize = 16;

/// Where a relative time ("2 days ago", "3 hours ago,", "منذ 3 ساعات", "hace 2 días") stands in
/// `line`, as a byte range: a count in digits, a time unit, then an "ago" word or, before the
/// count, a phrase that means it.
///
/// ```ignore
/// assert_eq!(relative_time("2 days ago at 07:52 am"), Some((0, 10)));
/// assert_eq!(relative_time("منذ 3 ساعات"), Some((0, 19)));
/// ```
fn relative_time(line: &str) -> Option<(usize, usize)> {
    // A count is a run of digits followed by a space: the cheap test first (most lines with
    // digits hold a date or a price, not a relative time).
    if !line
        .as_bytes()
        .windows(2)
        .any(|w| w[0].is_ascii_digit() && w[1].is_ascii_whitespace())
    {
        return None;
    }
    let mut toks = [(0usize, 0usize); MAX_RELATIVE_WORDS];
    let mut n = 0usize;
    let mut start = None;
    for (i, c) in line.char_indices() {
        if c.is_whitespace() {
            if let Some(s) = start.take() {
                toks[n] = (s, i);
                n += 1;
                if n == MAX_RELATIVE_WORDS {
                    break;
                }
            }
        } else if start.is_none() {
            start = Some(i);
        }
    }
    if let Some(s) = start
        && n < MAX_RELATIVE_WORDS
    {
        toks[n] = (s, line.len());
        n += 1;
    }
    let words = &*RELATIVE;
    let word = |k: usize| {
        let (a, b) = toks[k];
        let w = line[a..b].trim_matches(|c: char| !c.is_alphanumeric());
        marsad_arabic::phrases::fold(w)
    };
    for k in 0..n.saturating_sub(1) {
        let (a, b) = toks[k];
        // The count: digits, a leading bullet or bracket allowed ("•8").
        let count = line[a..b].trim_start_matches(|c: char| !c.is_alphanumeric());
        if count.is_empty() || !count.bytes().all(|x| x.is_ascii_digit()) {
            continue;
        }
        if !words.units.contains(&word(k + 1)) {
            continue;
        }
        if k + 2 < n && words.after.contains(&word(k + 2)) {
            return Some((a, toks[k + 2].1));
        }
        let head = marsad_arabic::phrases::fold(&line[..a]);
        for p in &words.before {
            if let Some(rest) = head.strip_suffix(p.as_str())
                && (rest.is_empty() || rest.ends_with(' '))
            {
                let words_in = p.split(' ').count();
                let from = k.checked_sub(words_in).map_or(a, |j| toks[j].0);
                return Some((from, toks[k + 1].1));
            }
        }
    }
    None
}

/// True when comment stamps of `shape` recur from line `i` to the end of the body region
/// `end`: at least [`MIN_COMMENT_STAMPS`] of them, each within [`MAX_COMMENT_GAP`] text lines
/// of the previous one, the last within that many of `end` (comments under a question
/// followed by its answers stop before the answers do).
fn comment_thread(lines: &[Line], i: usize, end: usize, shape: (bool, bool, bool)) -> bool {
    let mut found = 1usize;
    let mut gap = 0usize;
    for l in &lines[i + 1..end.min(lines.len())] {
        if l.kind != LineKind::Text {
            continue;
        }
        if comment_stamp(l) == Some(shape) {
            found += 1;
            gap = 0;
        } else {
            gap += 1;
            if gap > MAX_COMMENT_GAP {
                return false;
            }
        }
    }
    found >= MIN_COMMENT_STAMPS
}

/// Fewest signed comments ([`signed_comments`]) that make a thread.
pub const MIN_SIGNED_COMMENTS: usize = 2;

/// Most words of a comment's signature line ("– Jane Doe").
pub const MAX_SIGNATURE_WORDS: u32 = 5;

/// Most text lines between a signature and its comment stamp, and most lines of a comment's
/// text above its signature.
pub const SIGNED_COMMENT_REACH: usize = 3;

/// The name of a comment's signature line: a dash and a name ("– jldugger", "— Jane Doe").
fn signature_name<'a>(l: &Line<'a>) -> Option<&'a str> {
    if l.kind != LineKind::Text || l.f.words > MAX_SIGNATURE_WORDS || l.f.end_punct {
        return None;
    }
    let name = l
        .text
        .strip_prefix('–')
        .or_else(|| l.text.strip_prefix('—'))?
        .strip_prefix(' ')?
        .trim();
    (!name.is_empty() && name.chars().next().is_some_and(char::is_alphanumeric)).then_some(name)
}

/// Marks the signed comments in the body region `[b0, b1)` as comments: a signature line
/// ("– jldugger") followed within [`SIGNED_COMMENT_REACH`] lines by a comment stamp
/// ("Commented May 2, 2009 at 0:53"), with the text above it (up to a vote count, the
/// previous comment's stamp or a decided line) and the commenter's name. Q&A pages sign the
/// comments under a question and its answers this way; the posts themselves carry no
/// signature. At least [`MIN_SIGNED_COMMENTS`] are needed. Returns how many were marked.
fn signed_comments(lines: &[Line], roles: &mut [Role], b0: usize, b1: usize) -> usize {
    let n = lines.len();
    let text_after = |i: usize| {
        (i + 1..n)
            .filter(|&k| lines[k].kind == LineKind::Text)
            .take(SIGNED_COMMENT_REACH)
    };
    // (signature line, last stamp line); the last comment's signature may stand just past
    // the region's end (its text is the region's last prose).
    let mut found: Vec<(usize, usize)> = Vec::new();
    for i in b0..(b1 + 2 * SIGNED_COMMENT_REACH).min(n) {
        // The cheap test first: the line opens on a dash (a three-byte character).
        if !lines[i].text.as_bytes().starts_with(&[0xE2, 0x80])
            || signature_name(&lines[i]).is_none()
        {
            continue;
        }
        let mut last = None;
        for k in text_after(i) {
            if comment_stamp(&lines[k]).is_some() {
                last = Some(k);
            } else if last.is_some() {
                break;
            }
        }
        if let Some(j) = last {
            found.push((i, j));
        }
    }
    if found.len() < MIN_SIGNED_COMMENTS {
        return 0;
    }
    let mark = |roles: &mut [Role], k: usize| {
        if roles[k] == Role::Unset {
            roles[k] = Role::Chrome(Reason::Comments);
        }
    };
    for &(i, j) in &found {
        for k in i..=j {
            mark(roles, k);
        }
        let name = signature_name(&lines[i]).unwrap_or("");
        let mut k = i;
        let mut taken = 0usize;
        while k > b0 && taken <= SIGNED_COMMENT_REACH {
            k -= 1;
            let l = &lines[k];
            if l.kind != LineKind::Text {
                continue;
            }
            if roles[k] != Role::Unset || comment_stamp(l).is_some() {
                break;
            }
            mark(roles, k);
            if l.text == name {
                continue;
            }
            // A vote count opens the comment.
            if l.text.bytes().all(|b| b.is_ascii_digit()) {
                break;
            }
            taken += 1;
        }
    }
    found.len()
}

/// Comment-thread headings that carry a count and the story's title (data:
/// `data/text_comment_heads.tsv`), folded.
static COMMENT_HEADS: std::sync::LazyLock<Vec<(String, bool)>> = std::sync::LazyLock::new(|| {
    include_str!("../../data/text_comment_heads.tsv")
        .lines()
        .filter(|l| !l.starts_with('#'))
        .filter_map(|l| {
            let mut cols = l.split('\t');
            let phrase = marsad_arabic::phrases::fold(cols.next()?.trim());
            let counted = cols.next().map(str::trim) != Some("words");
            (!phrase.is_empty()).then_some((phrase, counted))
        })
        .collect()
});

/// First words of the comment-thread headings that name their count ("one", "um"), folded.
static COMMENT_HEAD_FIRST: std::sync::LazyLock<FoldedSet> = std::sync::LazyLock::new(|| {
    FoldedSet::new(
        COMMENT_HEADS
            .iter()
            .filter(|(_, counted)| !counted)
            .filter_map(|(h, _)| h.split_whitespace().next().map(str::to_string))
            .collect(),
    )
});

/// Longest of [`COMMENT_HEAD_FIRST`], in bytes (with room for marks that folding drops).
static COMMENT_HEAD_FIRST_MAX: std::sync::LazyLock<usize> = std::sync::LazyLock::new(|| {
    COMMENT_HEAD_FIRST
        .iter()
        .map(|w| w.len() * 2)
        .max()
        .unwrap_or(0)
});

/// Length of the longest comment-thread heading phrase, in chars.
static COMMENT_HEAD_CHARS: std::sync::LazyLock<usize> = std::sync::LazyLock::new(|| {
    COMMENT_HEADS
        .iter()
        .map(|(h, _)| h.chars().count())
        .max()
        .unwrap_or(0)
});

/// Longest comment-thread heading, in words (the story's title is quoted in it).
pub const MAX_COMMENT_HEAD_WORDS: u32 = 30;

/// True when `line` opens a comment thread with its count: "34 responses to “Title”",
/// "One thought on “Title”", "12 تعليقاً على “العنوان”" (a count, a listed phrase, then nothing
/// or a quoted title; "Comments on the budget were mixed." is not one).
pub(crate) fn is_comment_head(line: &str) -> bool {
    let t = line.trim();
    let digits = t.trim_start_matches(|c: char| c.is_numeric() || c == ',' || c == '.');
    let counted = digits.len() < t.len();
    let rest = digits.trim_start();
    // Without a count the line must open on the first word of a heading that names its count
    // ("One thought on …"): the cheap test first, as this runs on most lines of a page.
    if !counted {
        let first = rest.split_whitespace().next().unwrap_or("");
        if first.len() > *COMMENT_HEAD_FIRST_MAX || !COMMENT_HEAD_FIRST.contains(first) {
            return false;
        }
    }
    // Only the line's opening is folded: the longest phrase, a space and the opening quote
    // (with room for marks folding drops); this runs on most lines of a page.
    let cut = rest
        .char_indices()
        .nth(*COMMENT_HEAD_CHARS + 8)
        .map_or(rest.len(), |(k, _)| k);
    let folded = marsad_arabic::phrases::fold(&rest[..cut]);
    COMMENT_HEADS.iter().any(|(h, needs_count)| {
        let Some(after) = folded.strip_prefix(h.as_str()) else {
            return false;
        };
        (counted || !needs_count)
            && ((after.is_empty() && cut == rest.len())
                || (after.starts_with(' ')
                    && after.trim_start().starts_with(|c: char| {
                        matches!(c, '“' | '"' | '«' | '‘' | '\'' | '„' | '”' | '»')
                    })))
    })
}

/// A related-stories box heading ("Related articles", "مقالات ذات صلة") ends the article only
/// when the body holds at least this many times more prose before it than after it (a box
/// between two halves of an article leaves much prose after it).
pub const RELATED_END_PROSE_RATIO: u64 = 3;

/// Text lines after a box heading within which two full paragraphs in a row show the article
/// goes on ([`article_goes_on`]).
pub const BOX_END_LOOKAHEAD: usize = 8;

/// How many lines above a copy may not hold its original for the copy, alone between body
/// lines, to be a record's repeated field: nearer, it restates the line.
pub const COPY_NEAR_LINES: usize = 4;

/// Most words of a box heading ("You may be interested in the following topics as well:").
pub const MAX_BOX_HEADING_WORDS: u32 = 12;

/// Headings of the boxes that follow an article (data: `data/text_box_ends.tsv`), folded.
static BOX_ENDS: std::sync::LazyLock<FoldedSet> = std::sync::LazyLock::new(|| {
    FoldedSet::new(folded_list(include_str!("../../data/text_box_ends.tsv")))
});

/// True when `line` is the heading of a box that follows an article ("Related articles",
/// "You may also like", "مقالات ذات صلة"), a trailing colon allowed, or a heading that opens
/// with one and names the box further ("Related articles on Move.org", "You may be
/// interested in the following topics as well:"; not a sentence).
fn is_box_end(line: &str) -> bool {
    let line = line.trim();
    let t = line.trim_end_matches([':', '：', '.', '…']).trim_end();
    BOX_ENDS.contains(t) || (!line.ends_with(['.', '!', '?', '؟', '۔']) && BOX_ENDS.opens(t))
}

/// Longest newsletter sign-up line, in words ("Get the latest updates right in your inbox.
/// Subscribe to our newsletters.").
pub const MAX_SIGNUP_WORDS: u32 = 20;

/// Words and word pairs of a newsletter sign-up box (data: `data/text_signup_terms.tsv`),
/// folded.
static SIGNUP_TERMS: std::sync::LazyLock<HashSet<String, lines::FnvBuild>> =
    std::sync::LazyLock::new(|| folded_list(include_str!("../../data/text_signup_terms.tsv")));

/// Byte searches for the first word of each sign-up term less its first letter ("ubscribe",
/// "ign"), the quick test of [`is_signup_line`]; then the same in capitals ("UBSCRIBE"), for
/// all-capitals lines.
static SIGNUP_STEMS: std::sync::LazyLock<[Vec<memchr::memmem::Finder<'static>>; 2]> =
    std::sync::LazyLock::new(|| {
        let mut stems: Vec<String> = SIGNUP_TERMS
            .iter()
            .filter_map(|t| {
                let first = t.split(' ').next()?;
                let mut cs = first.chars();
                cs.next()?;
                Some(cs.as_str().to_string())
            })
            .filter(|s| !s.is_empty())
            .collect();
        stems.sort();
        stems.dedup();
        // A stem holding another is found through it.
        let kept: Vec<String> = stems
            .iter()
            .filter(|s| !stems.iter().any(|o| o != *s && s.contains(o.as_str())))
            .cloned()
            .collect();
        let finders = |upper: bool| {
            kept.iter()
                .map(|s| {
                    let s = if upper { s.to_uppercase() } else { s.clone() };
                    memchr::memmem::Finder::new(s.as_bytes()).into_owned()
                })
                .collect()
        };
        [finders(false), finders(true)]
    });

/// Letters of a line's opening that tell an all-capitals line ("SIGN UP FOR OUR NEWSLETTER").
pub const CAPITALS_PROBE_LETTERS: usize = 8;

/// True when `line` names a newsletter sign-up ("Subscribe to our newsletter", "Sign up for
/// e-mail newsletters", "Keep an eye on your inbox"): one of its words, or two in a row, is
/// listed. `folded` is a buffer for the fold.
fn is_signup_line(line: &str, folded: &mut String) -> bool {
    // A listed term's first word less its first letter (case) is in the line as written or
    // in capitals, or the line is no sign-up: a byte search that spares folding most lines.
    let capitals = line
        .bytes()
        .filter(u8::is_ascii_alphabetic)
        .take(CAPITALS_PROBE_LETTERS)
        .all(|b| b.is_ascii_uppercase());
    if !SIGNUP_STEMS[usize::from(capitals)]
        .iter()
        .any(|f| f.find(line.as_bytes()).is_some())
    {
        return false;
    }
    marsad_arabic::phrases::fold_to(line, folded);
    let mut prev = "";
    let mut pair = String::new();
    for w in folded
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
    {
        if SIGNUP_TERMS.contains(w) {
            return true;
        }
        pair.clear();
        pair.push_str(prev);
        pair.push(' ');
        pair.push_str(w);
        if !prev.is_empty() && SIGNUP_TERMS.contains(pair.as_str()) {
            return true;
        }
        prev = w;
    }
    false
}

/// Label words of an "about" box heading (data: `data/text_about_labels.tsv`), folded.
static ABOUT_LABELS: std::sync::LazyLock<Vec<String>> =
    std::sync::LazyLock::new(|| folded_list(include_str!("../../data/text_about_labels.tsv")));

/// Most words of the name after an "about" label.
pub const MAX_ABOUT_NAME_WORDS: usize = 4;

/// True when `line` is an "about" label and a name, the heading of an author's or a
/// company's box under an article: "About Jane Doe", "Über Moritz Bachmann" (two to
/// [`MAX_ABOUT_NAME_WORDS`] words, each capitalized and none a stopword, no end
/// punctuation: "About Our Course" and "About Your Privacy" are no names).
fn is_about_name(line: &str) -> bool {
    let capital = |w: &str| w.chars().next().is_some_and(char::is_uppercase);
    let t = line.trim();
    // The quick test first (this runs on the short lines of the region): the first letter
    // opens a label.
    let Some(c) = t.chars().next() else {
        return false;
    };
    if !ABOUT_LABELS
        .iter()
        .any(|l| l.chars().next().is_some_and(|f| c.to_lowercase().eq([f])))
    {
        return false;
    }
    let folded = marsad_arabic::phrases::fold(t);
    ABOUT_LABELS.iter().any(|label| {
        if !folded
            .strip_prefix(label.as_str())
            .is_some_and(|r| r.starts_with(' '))
        {
            return false;
        }
        let skip = label.split(' ').count();
        let n = t.split_whitespace().skip(skip).count();
        (2..=MAX_ABOUT_NAME_WORDS).contains(&n)
            && t.split_whitespace()
                .skip(skip)
                .all(|w| capital(w) && !lines::is_stopword(w))
            && !t.ends_with(['.', '!', '?', ':'])
    })
}

/// Tokens of the first full paragraph, the anchor the title is searched before.
pub const ANCHOR_TOKENS: u32 = 12;

/// Longest title, in words.
pub const MAX_TITLE_WORDS: u32 = 30;

/// What became of one line.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Role {
    /// Not decided yet.
    Unset,
    /// An empty line (nothing to report).
    Empty,
    /// Dropped, with why.
    Chrome(Reason),
    /// The headline.
    Title,
    /// The published (or modified) stamp.
    Stamp,
    /// An image file name (figure source).
    FigureSrc,
    /// A figure caption.
    Caption,
    /// The dateline.
    Dateline,
    /// A byline (the authors).
    Byline,
    /// A body paragraph.
    Body,
    /// A related teaser.
    Related,
}

/// Fewest and most words of a deck.
const DECK_WORDS: std::ops::RangeInclusive<u32> = 5..=50;
/// Most lines between the deck and the body's first line (a source line, a date, a caption).
const DECK_ABOVE_BODY: usize = 6;

/// The deck: the first text line under the headline, still undecided, a phrase of
/// [`DECK_WORDS`] words with no date, no colon closing it and no menu separators, the body's
/// first line a few lines further ("مباحثات في الدوحة …" then "وفود من عدة دول تصل العاصمة
/// القطرية وسط آمال بالتوصل إلى اتفاق").
fn deck_line(lines: &[Line<'_>], roles: &[Role]) -> Option<usize> {
    let t = roles.iter().position(|r| *r == Role::Title)?;
    let k = (t + 1..lines.len()).find(|&k| lines[k].kind == LineKind::Text)?;
    let body = (k + 1..lines.len()).find(|&b| roles[b] == Role::Body)?;
    let l = &lines[k];
    let key = |t: &str| -> String {
        t.chars()
            .filter(|c| c.is_alphanumeric())
            .flat_map(char::to_lowercase)
            .collect()
    };
    let (deck, title) = (key(l.text), key(lines[t].text));
    let first = l
        .text
        .split_whitespace()
        .next()
        .unwrap_or("")
        .to_lowercase();
    let last = l
        .text
        .split_whitespace()
        .last()
        .unwrap_or("")
        .to_lowercase();
    // Most of its words in the headline: the headline again, reworded.
    let title_words: HashSet<String> = lines[t].text.split_whitespace().map(key).collect();
    let shared = l
        .text
        .split_whitespace()
        .filter(|w| title_words.contains(&key(w)))
        .count();
    (roles[k] == Role::Unset
        && body - k <= DECK_ABOVE_BODY
        && DECK_WORDS.contains(&l.f.words)
        // (A phrase, not a sentence of the text nor a label.)
        && !l.f.end_punct
        && !l.f.end_colon
        && l.f.menu_seps == 0
        && l.f.fine_print == 0
        && !l.f.file
        && l.text.matches(" - ").count() + l.text.matches(" | ").count() < 2
        && !l.text.starts_with(|c: char| c.is_ascii_digit())
        // (Not a labelled line: "المصدر : الجزيرة + وكالات".)
        && !l.text.split(':').next().is_some_and(|h| h.len() < l.text.len() && h.split_whitespace().count() <= 2)
        // (Not the headline again, whole or in part.)
        && !deck.contains(&title)
        && !title.contains(&deck)
        && shared * 2 < l.f.words as usize
        && !l.text.contains('©')
        // (A byline run on: "… beyond the U.S. and Canada. By")
        && !crate::html::meta::is_byline_prefix(&last)
        && !crate::html::is_cta_verb(&first)
        && crate::html::meta::line_date(l.text, false).is_none())
    .then_some(k)
}

/// Extracts the article from flattened text (one block a line).
///
/// Never panics; empty, binary or non-article input gives an article with `empty_reason` set.
///
/// ```
/// use marsad_extract::{Options, text};
/// let a = text::extract("".as_bytes(), &Options::default()).unwrap().article;
/// assert!(a.empty_reason.is_some());
/// let a = text::extract("اقرأ أيضاً: عنوان آخر".as_bytes(), &Options::default()).unwrap().article;
/// assert_eq!(a.related.len(), 1);
/// ```
pub fn extract(bytes: &[u8], opts: &Options) -> Result<Extraction, ExtractError> {
    let mut x = extract_as_written(bytes, opts)?;
    crate::compose::extraction(&mut x);
    Ok(x)
}

/// [`extract`] before letters written in parts are joined ([`crate::compose`]).
fn extract_as_written(bytes: &[u8], opts: &Options) -> Result<Extraction, ExtractError> {
    if bytes.len() > MAX_INPUT_BYTES {
        return Err(ExtractError::TooLarge {
            size: bytes.len(),
            limit: MAX_INPUT_BYTES,
        });
    }
    let mut explain = Vec::new();
    let (id, source) = crate::input_source(bytes, opts, SourceKind::Text);
    let mut article = Article {
        id,
        url: opts.url.clone(),
        source,
        ..Article::default()
    };
    let decoded = match crate::decode::decode(bytes) {
        Ok(d) => d,
        Err(ExtractError::Binary(why)) => {
            article.empty_reason = Some(format!("binary data, not text ({why})"));
            return Ok(Extraction { article, explain });
        }
        Err(e) => return Err(e),
    };
    article.source.encoding = Some(decoded.encoding.to_string());
    let text = decoded.text;
    read(&text, opts, &mut article, &mut explain);
    crate::drop_soft_hyphens(&mut article);
    Ok(Extraction { article, explain })
}

/// Reads the decoded text into `article`.
fn read(text: &str, opts: &Options, article: &mut Article, explain: &mut Vec<String>) {
    let lines = lines::split(text);
    let n = lines.len();
    let mut roles = vec![Role::Unset; n];
    let say = opts.explain;

    // 1. Empty and blank lines; lines past the limit.
    for (i, l) in lines.iter().enumerate() {
        match l.kind {
            LineKind::Empty => roles[i] = Role::Empty,
            LineKind::Blank => roles[i] = Role::Chrome(Reason::Empty),
            LineKind::Text if i >= MAX_LINES => roles[i] = Role::Chrome(Reason::LowScore),
            LineKind::Text => {}
        }
    }

    // 2. Phrase lines (teasers are decided with the body).
    let mut teaser_prefix: Vec<Option<usize>> = vec![None; n];
    for (i, l) in lines.iter().enumerate() {
        if roles[i] != Role::Unset {
            continue;
        }
        let Some(m) = l.phrase else { continue };
        if m.mark == Mark::Related {
            if m.kind == MatchKind::Prefix && m.rest < l.text.len() {
                teaser_prefix[i] = Some(m.rest);
            } else {
                roles[i] = Role::Chrome(Reason::Related);
            }
            continue;
        }
        // A chrome phrase opening a long paragraph ("Updated …" + prose) is not chrome.
        let long_prose = l.f.tokens > 25 && m.kind != MatchKind::Line;
        if !long_prose {
            roles[i] = Role::Chrome(mark_reason(m.mark));
            if say {
                explain.push(format!("line {i}: phrase → {:?}", mark_reason(m.mark)));
            }
        }
    }

    // 3. Site template.
    let mut templated = Vec::new();
    if let Some(t) = opts.template.as_deref()
        && !t.is_empty()
    {
        for (i, l) in lines.iter().enumerate() {
            if l.kind == LineKind::Text && roles[i] == Role::Unset && t.contains(l.text) {
                roles[i] = Role::Chrome(Reason::Template);
                templated.push(i);
            }
        }
    }

    // 4. Classes, context, body region.
    let has_stop = classify::page_has_stopwords(&lines);
    let fine = classify::fine_print_region(&lines);
    let tabled = data_tables(&lines, &roles, &fine);
    let repeats = classify::near_repeats(&lines);
    // Each line's class by its shape alone, the same in every classification below.
    let shapes: Vec<Class> = lines
        .iter()
        .map(|l| classify::shape_class(l, has_stop))
        .collect();
    let (_, mut classes, mut region) = classify_page(
        &lines,
        &roles,
        &teaser_prefix,
        &shapes,
        &fine,
        &repeats,
        &tabled,
    );
    if region.is_none() && !templated.is_empty() {
        // The template took everything: give its lines back.
        for &i in &templated {
            roles[i] = Role::Unset;
        }
        templated.clear();
        (_, classes, region) = classify_page(
            &lines,
            &roles,
            &teaser_prefix,
            &shapes,
            &fine,
            &repeats,
            &tabled,
        );
    }
    let (b0, mut b1) = region.unwrap_or((n, n));
    // A comments or share heading after enough prose ends the article; what follows it is
    // the comments or the site's boxes.
    let mut tail: Option<(usize, usize, Reason)> = None;
    if let Some((end, reason)) = article_end(&lines, &classes, b0, b1) {
        if say {
            explain.push(format!("line {end}: article end → body stops ({reason:?})"));
        }
        tail = Some((end, b1, reason));
        b1 = end;
    }
    if say {
        explain.push(format!("body region: lines {b0}..{b1}"));
    }
    // A run of cards holding a large share of the page's words, more than the region's prose
    // outside it, is the page's content: a listing made of records.
    let page_tokens: u64 = lines.iter().map(|l| u64::from(l.f.tokens)).sum();
    let region_end = tail.map_or(b1, |(_, t1, _)| t1);
    let cards = card_listing(&lines, &classes, &fine, (b0, region_end), page_tokens);
    if say && let Some(c) = &cards {
        explain.push(format!(
            "cards: lines {}..{}, {} cards of {} lines, {} of {page_tokens} tokens; region prose \
             {} outside the cards, {} inside → {}",
            c.run.start,
            c.run.end,
            c.run.cards,
            c.run.period,
            c.run.tokens,
            c.outside,
            c.inside,
            if c.content {
                "card listing"
            } else {
                "not the content"
            }
        ));
    }
    let cards = cards.filter(|c| c.content).map(|c| c.run);

    // 5. Parts around the body.
    let head_start = b0.saturating_sub(HEAD_WINDOW);
    parts::figures(&lines, &mut roles, &classes, head_start, b1, b0, article);
    // The dateline first: its place's zone anchors a stamp that names none.
    parts::dateline(&lines, &mut roles, &classes, head_start, b0, b1, article);
    let zone_hint = article.dateline.as_ref().and_then(|d| d.zone.clone());
    let head_end = parts::head_block_end(&lines, b0, STAMP_INTO_BODY.min(b1.saturating_sub(b0)));
    parts::stamps(
        &lines,
        &mut roles,
        (head_start, b0, head_end),
        zone_hint.as_deref(),
        article,
    );
    parts::byline(&lines, &mut roles, head_start, head_end, article);
    // The title sits before the first full paragraph, which may lie a little inside the region
    // (the region often opens on the headline block: kicker, headline, byline).
    // (A card listing's title stands above its first card: the title is looked for up to the
    // line before it, as the search takes in the line it stops at.)
    let anchor = cards.map_or_else(
        || {
            (b0..b1)
                .find(|&i| {
                    classes[i] == Class::Good
                        && lines[i].f.tokens >= ANCHOR_TOKENS
                        && lines[i].f.end_punct
                        && roles[i] == Role::Unset
                })
                .unwrap_or(b0)
        },
        |r| r.start.saturating_sub(1),
    );
    // A line the site repeats (a menu entry, a category name) may be this page's own headline:
    // the title is chosen as if there were no template, and only the lines it leaves stay
    // template chrome. (A role the parts above gave such a line stands.)
    templated.retain(|&i| roles[i] == Role::Chrome(Reason::Template));
    for &i in &templated {
        roles[i] = Role::Unset;
    }
    parts::title(
        &lines,
        &mut roles,
        &classes,
        anchor.saturating_sub(TITLE_WINDOW),
        anchor,
        opts.url.as_deref(),
        article,
    );
    for &i in &templated {
        if roles[i] == Role::Unset {
            roles[i] = Role::Chrome(Reason::Template);
        }
    }
    // An article's own marks (a stamp or a dateline before its body) keep it an article.
    let marked = article.published.is_some() || article.dateline.is_some();
    // A headline found outside the stamp window (deep in the region after the site's menus,
    // or far above it) carries its byline and stamp on the lines right under it (a stamp there
    // names the day).
    if let Some(t) = roles.iter().position(|r| *r == Role::Title)
        && !(head_start..head_end).contains(&t)
        && (article.published.is_none() || article.authors.is_empty())
    {
        let to = (t + 1 + UNDER_TITLE_LINES).min(b1);
        parts::stamps(
            &lines,
            &mut roles,
            (t + 1, t + 1, to),
            zone_hint.as_deref(),
            article,
        );
        parts::byline(&lines, &mut roles, t + 1, to, article);
    }
    // Without a byline word, the names standing between the headline and its stamp.
    if let Some(t) = roles.iter().position(|r| *r == Role::Title) {
        parts::names_above_stamp(&lines, &mut roles, t, article);
    }
    // No stamp in the head: the first date line labelled as a publication further down dates
    // the page (a post's meta under its text, "Posted on April 13, 2023"). It must name the
    // day. (An unlabelled date down the page is as often a comment's or a teaser's, an
    // "Edited …" one an edit's.)
    // Last, a line labelled as the page's own update ("Last updated: November 13, 2025", in
    // its footer), as in HTML. Either takes the place of a bare year or month from the head.
    let bare = article
        .published
        .take_if(|p| matches!(p.precision, Precision::Year | Precision::Month));
    let labelled: [fn(&str) -> bool; 2] = [
        crate::html::meta::is_published_date_line,
        crate::html::meta::is_page_update_line,
    ];
    for (pass, is_labelled) in labelled.into_iter().enumerate() {
        if article.published.is_some() {
            break;
        }
        for i in head_end..n {
            let l = &lines[i];
            let free = roles[i] == Role::Unset
                || (pass == 1 && l.phrase.is_some_and(|m| m.mark == Mark::Live));
            if l.kind != LineKind::Text
                || !free
                || l.f.digits == 0
                || l.f.words > parts::MAX_STAMP_WORDS
                || !is_labelled(l.text)
            {
                continue;
            }
            parts::stamps(
                &lines,
                &mut roles,
                (i, i, i + 1),
                zone_hint.as_deref(),
                article,
            );
            if article.published.is_some() {
                if say {
                    explain.push(format!("line {i}: stamp below the head"));
                }
                break;
            }
        }
    }
    if let Some(b) = bare {
        if article.published.is_some() {
            // The bare year's line is let go (a headline "2025 in Review").
            if let Some(i) = (0..n).find(|&i| {
                roles[i] == Role::Stamp
                    && (lines[i].span.start..lines[i].span.end).contains(&b.span.start)
            }) {
                roles[i] = Role::Unset;
            }
        } else {
            article.published = Some(b);
        }
    }
    // Still no date: the day the page's URL path gives, as in HTML.
    if article.published.is_none()
        && let Some(day) = article
            .url
            .as_deref()
            .and_then(crate::html::meta::date::url_day)
    {
        article.published = crate::html::meta::date::stamp_of(&day, Span::default(), false);
        if say {
            explain.push(format!("url: dated {day} by its path"));
        }
    }

    // Still no author: a line of names in an author box (photo, heading, stamp beside it).
    let title_line = roles.iter().position(|r| *r == Role::Title);
    if let Some((i, why)) = author_box::author_box(&lines, &mut roles, title_line, b1, article)
        && say
    {
        explain.push(format!("line {i}: names in an author box ({why}) → byline"));
    }
    if let Some(i) = author_box::first_poster(&lines, &roles, article)
        && say
    {
        explain.push(format!(
            "line {i}: a user name opens the first post's stamp → author"
        ));
    }

    // Signed comments between the posts of a thread.
    let signed = signed_comments(&lines, &mut roles, b0, b1);
    if say && signed > 0 {
        explain.push(format!("{signed} signed comments → comments"));
    }

    // 6. Body and teasers. A page without a run of prose (a listing, a product grid) keeps
    // every line that is not chrome; a line repeating an earlier body line is a duplicate.
    // (Whether the page is an article is read on the whole region, comments included.)
    let prose_tokens: u64 = (b0..region_end)
        .filter(|&i| classes[i] == Class::Good)
        .map(|i| u64::from(lines[i].f.tokens))
        .sum();
    // A region holding a small share of the page's words is a stray paragraph (a shop's
    // blurb, a cookie notice) on a page whose content is a grid or list: read it as a listing.
    // So is a page whose content is a run of cards, from under its title (above the first
    // card) to its last card.
    let no_prose = prose_tokens < MIN_ARTICLE_TOKENS
        || (!marked && prose_tokens * MIN_REGION_SHARE_INV < page_tokens);
    let listing = no_prose || cards.is_some();
    // A listing starts under its title, as a card listing does: above it are the header's
    // menus (which may name the page too: it starts under the title's last copy). A "title"
    // in the page's lower half (by tokens) is a line of its frame (a newsletter box, a prompt
    // to ask a question), not the listing's.
    let listing_start = match title_line {
        Some(t) if listing => {
            let mut above = 0u64;
            let half = lines
                .iter()
                .position(|l| {
                    let past = above * 2 >= page_tokens;
                    above += u64::from(l.f.tokens);
                    past
                })
                .unwrap_or(n);
            if t < half {
                last_copy(&lines, t, half) + 1
            } else {
                0
            }
        }
        _ => 0,
    };
    let (mut k0, k1) = match cards {
        Some(r) if !no_prose => (
            title_line
                .filter(|&t| t < r.start)
                .map_or(r.start, |t| last_copy(&lines, t, r.start) + 1),
            r.end,
        ),
        _ if listing => (listing_start, n),
        _ => (b0, b1),
    };
    // The article's text starts under its headline: what the region holds above a headline
    // found inside it is the page's furniture (a promo, a kicker, a row of teasers), when the
    // URL names the headline or what lies above it is a small part of the region's prose (else
    // the "headline" may be a subheading). A headline the region repeats further away than
    // its own second copy (an image's text) is a card's.
    let prose_in = |a: usize, b: usize| -> u64 {
        (a..b)
            .filter(|&i| classes[i] == Class::Good)
            .map(|i| u64::from(lines[i].f.tokens))
            .sum()
    };
    if !listing
        && let Some(t) = title_line
        && t > k0
        && t < k1
        && !(k0..k1).any(|i| i.abs_diff(t) > HEADLINE_COPY_REACH && lines[i].same_text(&lines[t]))
        && (opts
            .url
            .as_deref()
            .is_some_and(|u| parts::url_names(lines[t].text, u))
            || prose_in(k0, t) * HEAD_PROSE_RATIO <= prose_in(t + 1, k1))
    {
        if say {
            explain.push(format!(
                "line {t}: headline inside the region → body starts under it"
            ));
        }
        k0 = t + 1;
    }
    if listing && say {
        explain.push(if no_prose {
            format!("no prose run ({prose_tokens} tokens): listing mode")
        } else {
            "a card listing: listing mode".to_string()
        });
    }
    let table = if listing {
        Vec::new()
    } else {
        table_cells(&lines, &roles, &classes, k0, k1)
    };
    let k_table = k0;
    // Data tables next to the article's text (a ranking under its introduction, a price list
    // above it) are the article's.
    let side = if listing {
        Vec::new()
    } else {
        side_tables(
            &lines,
            &roles,
            &tabled,
            (k0, k1),
            tail.is_some(),
            title_line,
        )
    };
    if say {
        for &(a, b) in &side {
            explain.push(format!(
                "lines {a}..{b}: a data table next to the text → body"
            ));
        }
    }
    let (k0, k1) = side
        .iter()
        .fold((k0, k1), |(a, b), &(s0, s1)| (a.min(s0), b.max(s1)));
    let mut seen: TokenSet = TokenSet::default();
    for i in k0..k1 {
        if roles[i] != Role::Unset || teaser_prefix[i].is_some() {
            continue;
        }
        if is_image_description(&lines[i]) {
            roles[i] = Role::Chrome(Reason::Ui);
            continue;
        }
        // A shortcode the site left unexpanded ("[button link=…]Send us your review[/button]")
        // is markup.
        if crate::html::is_shortcode_line(lines[i].text) {
            roles[i] = Role::Chrome(Reason::Boilerplate);
            continue;
        }
        // A picture's caption with its credit, the picture gone ("… (AP Photo/Evan Vucci)").
        // (A caption's words, then its credit's: a line of no more words is none.)
        if crate::caption::credited_caption(lines[i].text, MIN_CREDITED_CAPTION_WORDS)
            || (lines[i].f.words as usize <= MAX_CREDIT_LINE_WORDS
                && crate::caption::is_picture_credit(lines[i].text))
            || (lines[i].f.words as usize > MIN_CREDITED_CAPTION_WORDS
                && crate::caption::caption_with_credit(lines[i].text, MIN_CREDITED_CAPTION_WORDS))
        {
            roles[i] = Role::Chrome(Reason::Metadata);
            continue;
        }
        let keep = if listing {
            classes[i] != Class::Fixed && classes[i] != Class::Empty && !lines[i].f.is_fine_print()
        } else {
            // A line of code between the article's paragraphs is the article's (a snippet,
            // a shell command, markup), and so is a line that introduces what follows it
            // ("To connect to a server, run:") or a numbered step ("3. Click Save").
            classes[i] == Class::Good
                || table.get(i.wrapping_sub(k_table)).copied().unwrap_or(false)
                || tabled[i]
                || (classes[i] == Class::Bad
                    && !lines[i].f.is_fine_print()
                    && !fine[i]
                    && (classify::is_code_line(&lines[i])
                        || lines[i].f.end_colon
                        || related::numbered(lines[i].text)))
        };
        if !keep {
            continue;
        }
        // A forum or Q&A post's counters, stamps and buttons ("Viewed 69k times").
        if post_meta::is_post_meta(&lines[i]) {
            roles[i] = Role::Chrome(Reason::Ui);
            continue;
        }
        // A line of code may repeat on purpose (the same call again, a traceback's opening
        // lines in each example): only prose and labels repeat as copies. (A listing repeats
        // its cards, code or not.)
        // (A table's cells repeat too: "0", "N/A"; and so does a field's label, in each
        // record it heads: "Heel to Toe Drop:", "Price:".)
        roles[i] = if seen.insert(lines[i].hash)
            || (!listing && classify::is_code_line(&lines[i]))
            || tabled[i]
            || lines[i].f.end_colon
        {
            Role::Body
        } else {
            Role::Chrome(Reason::Duplicate)
        };
    }

    // Bare headlines between paragraphs are other stories' teasers on Arabic-script pages
    // (Arabic news sites set them there: the ANT teaser set's 821 bare headlines); on a page in
    // another script the same lines are the article's subheadings (the extraction sets'
    // English pages: +.0015 micro F1 kept in the body).
    let (arabic, letters) = lines[b0..b1].iter().fold((0u64, 0u64), |(a, l), x| {
        (a + u64::from(x.f.arabic), l + u64::from(x.f.letters))
    });
    let bare_teasers = arabic > 0 && arabic * 2 >= letters;
    // A line the classifier judged chrome that stands between two lines of the body, with no
    // line apart, is the body's: a subheading between paragraphs, a list item whose slashes
    // read as a menu's ("Automated configuration management via Chef/Puppet/Ansible"). One
    // with a digit next to a sentence stays out: there it is a picture's dated caption ("… on
    // July 25, 2019. J. Scott Applewhite / AP file"), a post's stamp or a citation; between
    // a list's items it is an item ("Sync from upstream 2025/11/01"). A headline-shaped one
    // between two sentences is taken only where the teaser pass below judges such lines
    // (Arabic-script pages); elsewhere it stays out as the classifier judged it (a menu-like
    // line of names between paragraphs).
    for i in 1..lines.len().saturating_sub(1) {
        let l = &lines[i];
        if roles[i] == Role::Unset
            && l.kind == LineKind::Text
            && roles[i - 1] == Role::Body
            && roles[i + 1] == Role::Body
            && l.f.tokens > 0
            && (l.f.digits == 0 || !(lines[i - 1].f.end_punct || lines[i + 1].f.end_punct))
            && !l.f.file
            && !l.f.is_fine_print()
            && !fine[i]
            && teaser_prefix[i].is_none()
            && (bare_teasers
                || !(lines[i - 1].f.end_punct
                    && lines[i + 1].f.end_punct
                    && related::headline_shaped(l, related::MIN_HEADLINE_WORDS)))
        {
            roles[i] = taken_line(l, &mut seen);
        }
    }
    related::teasers(
        &lines,
        &mut roles,
        &classes,
        &teaser_prefix,
        (b0, b1),
        bare_teasers,
        article,
    );
    // A list standing between the article's paragraphs is the article's (pros and cons,
    // steps, features), though its items are no prose.
    if !listing {
        for (a, b) in list_runs(&lines, &roles, &teaser_prefix, &fine, k0, k1) {
            for i in a..b {
                if lines[i].kind != LineKind::Text {
                    continue;
                }
                roles[i] = taken_line(&lines[i], &mut seen);
            }
        }
    }

    // Fact rows ("Year Founded: 2017", "Key Services: SEO, SEM, …") run together: a row the
    // classifier kept carries the rows next to it, which read as lists of names, not prose.
    if !listing {
        for (a, b) in fact_runs(&lines, &roles, &teaser_prefix, &fine, k0, k1) {
            for i in a..b {
                if lines[i].kind != LineKind::Text || roles[i] != Role::Unset {
                    continue;
                }
                roles[i] = taken_line(&lines[i], &mut seen);
            }
        }
    }

    // A numbered list the prose runs into ("1) …", "2) …", … past the last paragraph) is the
    // article's: a listicle's items with their links between.
    if !listing && let Some((a, b)) = numbered::run_past(&lines, &roles, k0, k1) {
        if say {
            explain.push(format!(
                "lines {a}..{b}: a numbered list past the prose → body"
            ));
        }
        for i in a..b {
            if lines[i].kind != LineKind::Text
                || roles[i] != Role::Unset
                || lines[i].f.file
                || fine[i]
                || teaser_prefix[i].is_some()
            {
                continue;
            }
            roles[i] = taken_line(&lines[i], &mut seen);
        }
    }

    // A copy standing alone between two new lines of the body repeats a field of the records
    // the body holds ("Eat every 2–3 hours" under each meal, "Added in version 3.13." under
    // each function), not a block: a block given twice is copies side by side. A copy of a
    // line just above stays out (a headline or label restated next to itself).
    for i in 1..lines.len().saturating_sub(1) {
        if roles[i] == Role::Chrome(Reason::Duplicate)
            && roles[i - 1] == Role::Body
            && roles[i + 1] == Role::Body
            && !lines[i.saturating_sub(COPY_NEAR_LINES)..i]
                .iter()
                .any(|l| l.same_text(&lines[i]))
        {
            roles[i] = Role::Body;
        }
    }

    // A line that runs other body lines together (the text given again whole) is a copy.
    for i in digest::digests(&lines, &roles) {
        if say {
            explain.push(format!(
                "line {i}: other body lines run together → duplicate"
            ));
        }
        roles[i] = Role::Chrome(Reason::Duplicate);
    }

    // The writer's contact line among the last lines of the body ("… may be reached at …").
    let last_body: Vec<usize> = (0..lines.len())
        .rev()
        .filter(|&i| roles[i] == Role::Body)
        .take(crate::contact::CONTACT_TAIL_BLOCKS)
        .collect();
    for i in last_body {
        if crate::contact::is_contact_line(lines[i].text) {
            if say {
                explain.push(format!("line {i}: the writer's contact line → boilerplate"));
            }
            roles[i] = Role::Chrome(Reason::Boilerplate);
        }
    }

    // The deck under the headline, above the body: the article's subtitle.
    if article.subtitle.is_none()
        && let Some(k) = deck_line(&lines, &roles)
    {
        if say {
            explain.push(format!("line {k}: the deck under the headline → subtitle"));
        }
        article.subtitle = Some(Text::new(lines[k].text, lines[k].span));
        roles[k] = Role::Chrome(Reason::Metadata);
    }

    // 7. Everything else is chrome; assemble.
    let mut buf = String::new();
    let title_key = article
        .title
        .as_ref()
        .and_then(|t| template::norm_hash(&t.text, &mut buf));
    let title_words = article
        .title
        .as_ref()
        .map(|t| t.text.split_whitespace().count() as u32)
        .unwrap_or(0);
    for (i, l) in lines.iter().enumerate() {
        if roles[i] != Role::Unset {
            continue;
        }
        let reason = if title_key.is_some()
            && l.f.words == title_words
            && template::norm_hash(l.text, &mut buf) == title_key
        {
            Reason::Duplicate
        } else if l.f.file {
            Reason::Ui
        } else if l.f.is_fine_print() || fine[i] {
            Reason::Boilerplate
        } else if let Some((t0, t1, r)) = tail
            && (t0..t1).contains(&i)
        {
            r
        } else if i < b0 || i >= b1 {
            if l.f.words <= 4 && !l.f.end_punct {
                Reason::Nav
            } else {
                Reason::LowScore
            }
        } else {
            Reason::LowScore
        };
        roles[i] = Role::Chrome(reason);
    }
    if say {
        for (i, l) in lines.iter().enumerate() {
            if l.kind == LineKind::Text {
                let mut cut = l.text.len().min(70);
                while !l.text.is_char_boundary(cut) {
                    cut -= 1;
                }
                explain.push(format!(
                    "{i:4} {:?}/{:?} w={} sd={:.2} | {}",
                    classes[i],
                    roles[i],
                    l.f.words,
                    l.f.stop_density(),
                    &l.text[..cut]
                ));
            }
        }
    }
    // (Room for every line's block at once: the vectors are not grown line by line.)
    let body_lines = roles.iter().filter(|r| **r == Role::Body).count();
    article.body.reserve(body_lines);
    article.chrome.reserve(
        roles
            .iter()
            .filter(|r| matches!(r, Role::Chrome(_)))
            .count(),
    );
    for (i, l) in lines.iter().enumerate() {
        match roles[i] {
            Role::Body => article.body.push(Block {
                kind: BlockKind::Paragraph,
                text: l.text.to_string(),
                span: l.span,
                level: None,
            }),
            Role::Chrome(reason) => {
                let (t, span) = if reason == Reason::Empty {
                    (text.get(l.raw.start..l.raw.end).unwrap_or(""), l.raw)
                } else {
                    (l.text, l.span)
                };
                article.chrome.push(Dropped {
                    text: t.to_string(),
                    span,
                    reason,
                });
            }
            _ => {}
        }
    }
    // Language and direction from the body (or the title when there is no body): the script
    // rule, then the function-word vote of `marsad_arabic::lang::detect_fast` (no model: the
    // statistical one would cost more than the rest of the extraction).
    let sample = crate::language_sample(article);
    article.dir = marsad_arabic::lang::dir_of(&sample);
    article.lang = marsad_arabic::lang::detect_fast(&sample).map(|l| l.code().to_string());
    if article.body.is_empty() {
        article.empty_reason = Some(if lines.iter().all(|l| l.kind != LineKind::Text) {
            "no text".to_string()
        } else {
            "no article body found: no run of prose lines".to_string()
        });
    }
}

/// The last line in `t..end` that says what line `t` says (`t` itself when none does).
fn last_copy(lines: &[Line], t: usize, end: usize) -> usize {
    (t..end)
        .rev()
        .find(|&i| lines[i].same_text(&lines[t]))
        .unwrap_or(t)
}

/// A card listing's run holds at least one in this many of the page's tokens.
pub const CARD_SHARE_INV: u64 = 3;

/// A card listing's run holds at least this many times the prose of the body region outside
/// the page's runs of cards.
pub const CARD_OUTSIDE_RATIO: u64 = 1;

/// A card listing's run holds at least this many times the prose of the body region inside it
/// (a thread's posts are prose: the thread is read as one).
pub const CARD_INSIDE_RATIO: u64 = 3;

/// The page's largest run of cards and what tells whether it is the page's content.
struct CardListing {
    run: cards::CardRun,
    /// Prose tokens of the body region outside every run of cards (fine print not counted):
    /// an article beside the cards. (A consent box's purposes are cards too.)
    outside: u64,
    /// Prose tokens of the body region inside the run.
    inside: u64,
    /// The run holds a large share of the page's tokens, and more than the region's prose
    /// outside the runs and inside it.
    content: bool,
}

/// The page's largest run of cards ([`cards::card_runs`]), if any, and whether it is the
/// page's content. `region` is the body region with its tail.
fn card_listing(
    lines: &[Line],
    classes: &[Class],
    fine: &[bool],
    region: (usize, usize),
    page_tokens: u64,
) -> Option<CardListing> {
    let runs = cards::card_runs(lines);
    let run = *runs.iter().max_by_key(|r| r.tokens)?;
    // (The runs are in page order and do not overlap.)
    let in_runs = |i: usize| {
        let k = runs.partition_point(|r| r.end <= i);
        runs.get(k).is_some_and(|r| r.start <= i)
    };
    let (mut outside, mut inside) = (0u64, 0u64);
    for i in region.0..region.1 {
        if classes[i] != Class::Good || fine[i] || lines[i].f.is_fine_print() {
            continue;
        }
        let t = u64::from(lines[i].f.tokens);
        if (run.start..run.end).contains(&i) {
            inside += t;
        } else if !in_runs(i) {
            outside += t;
        }
    }
    let content = run.tokens * CARD_SHARE_INV >= page_tokens
        && outside * CARD_OUTSIDE_RATIO <= run.tokens
        && inside * CARD_INSIDE_RATIO <= run.tokens;
    Some(CardListing {
        run,
        outside,
        inside,
        content,
    })
}

/// Fewest cells (one line each) of a data table in the body region.
pub const MIN_TABLE_CELLS: usize = 12;

/// Fewest cells of a table of words that a paragraph introduces (see [`table_cells`]).
pub const MIN_WORD_TABLE_CELLS: usize = 4;

/// Fewest words of the sentence that introduces a table of words ("Label:" is no sentence).
pub const MIN_TABLE_LEAD_WORDS: u32 = 4;

/// Most words of a table cell.
pub const MAX_CELL_WORDS: u32 = 4;

/// Fewest numeric cells of a data table, in tenths of its cells.
pub const MIN_NUMERIC_CELLS_TENTHS: usize = 4;

/// True when `s` is a number cell ("5,040", "22.5%", "$26,790", "-3"): digits and number
/// signs only.
fn numeric_cell(s: &str) -> bool {
    s.chars().any(|c| c.is_ascii_digit())
        && s.chars().all(|c| {
            c.is_ascii_digit()
                || c.is_whitespace()
                || matches!(c, '.' | ',' | ':' | '%' | '+' | '-' | '–' | '$' | '€' | '£')
        })
}

/// The data tables of the body region `[k0, k1)`, flattened one cell a line: runs of at least
/// [`MIN_TABLE_CELLS`] short lines (at most [`MAX_CELL_WORDS`] words, not prose, not decided)
/// of which at least [`MIN_NUMERIC_CELLS_TENTHS`] tenths are numbers ([`numeric_cell`]). A
/// table between the article's paragraphs is the article's (a ranking, a price list, tax
/// brackets); a menu is words, not numbers. Indexed from `k0`.
fn table_cells(
    lines: &[Line],
    roles: &[Role],
    classes: &[Class],
    k0: usize,
    k1: usize,
) -> Vec<bool> {
    let mut out = vec![false; k1.saturating_sub(k0)];
    let cell = |i: usize| {
        lines[i].kind == LineKind::Text
            && roles[i] == Role::Unset
            && lines[i].f.words <= MAX_CELL_WORDS
            && matches!(classes[i], Class::Bad | Class::Short)
    };
    let mut i = k0;
    while i < k1 {
        if !cell(i) {
            i += 1;
            continue;
        }
        // The run: cells, with empty lines between them.
        let mut j = i;
        let (mut cells, mut numbers) = (0usize, 0usize);
        while j < k1 && (cell(j) || lines[j].kind != LineKind::Text) {
            if lines[j].kind == LineKind::Text {
                cells += 1;
                numbers += usize::from(numeric_cell(lines[j].text));
            }
            j += 1;
        }
        // A table of words is the article's when a paragraph introduces it ("… by default:")
        // and the article goes on under it; a menu has no such lead-in.
        let introduced = (k0..i)
            .rev()
            .find(|&p| lines[p].kind == LineKind::Text)
            .is_some_and(|p| {
                lines[p].f.end_colon
                    && lines[p].f.words >= MIN_TABLE_LEAD_WORDS
                    && matches!(classes[p], Class::Good | Class::Bad)
            })
            && j < k1
            && classes[j] == Class::Good;
        if (cells >= MIN_TABLE_CELLS && numbers * 10 >= cells * MIN_NUMERIC_CELLS_TENTHS)
            || (cells >= MIN_WORD_TABLE_CELLS && introduced)
        {
            for k in i..j {
                out[k - k0] = lines[k].kind == LineKind::Text;
            }
        }
        i = j.max(i + 1);
    }
    out
}

/// Fewest items of a list between the article's paragraphs ([`list_runs`]): one or two
/// short lines there are as often a figure's alt text and credit.
pub const MIN_LIST_ITEMS: usize = 3;

/// Most items of a list between the article's paragraphs.
pub const MAX_LIST_ITEMS: usize = 60;

/// Most words of an item of a list between the article's paragraphs.
pub const MAX_LIST_ITEM_WORDS: u32 = 12;

/// Fewest words an item of a list between the article's paragraphs has on average: a
/// feature or a step says something; a forum post's user box ("Joined", "Points", "View
/// Profile") or a product's labels do not.
pub const MIN_LIST_ITEM_MEAN_WORDS: u32 = 4;

/// The lists standing between two of the article's body lines in `[k0, k1)`: runs of
/// [`MIN_LIST_ITEMS`] to [`MAX_LIST_ITEMS`] text lines no step took (at most
/// [`MAX_LIST_ITEM_WORDS`] words, [`MIN_LIST_ITEM_MEAN_WORDS`] on average, not fine print, not
/// a file name, not a teaser), with a body line right before and right after the run. Such a run is no prose, so the classifier
/// drops it, yet between paragraphs it is the article's list (pros and cons, features,
/// steps); the site's menus and boxes stand around the text, not inside it. Linear.
fn list_runs(
    lines: &[Line],
    roles: &[Role],
    teaser_prefix: &[Option<usize>],
    fine: &[bool],
    k0: usize,
    k1: usize,
) -> Vec<(usize, usize)> {
    let item = |i: usize| {
        let l = &lines[i];
        l.kind == LineKind::Text
            && roles[i] == Role::Unset
            && teaser_prefix[i].is_none()
            && l.f.words <= MAX_LIST_ITEM_WORDS
            && !l.f.is_fine_print()
            && !l.f.file
            && !fine[i]
    };
    let mut out = Vec::new();
    // The last text line before `i` was a body line.
    let mut after_body = false;
    let mut i = k0;
    while i < k1 {
        let l = &lines[i];
        if l.kind != LineKind::Text {
            i += 1;
            continue;
        }
        if !item(i) {
            after_body = roles[i] == Role::Body;
            i += 1;
            continue;
        }
        let mut j = i;
        let (mut items, mut words) = (0usize, 0u32);
        while j < k1 && (item(j) || lines[j].kind != LineKind::Text) {
            if lines[j].kind == LineKind::Text {
                items += 1;
                words += lines[j].f.words;
            }
            j += 1;
        }
        let body_after = j < k1 && roles[j] == Role::Body;
        if after_body
            && body_after
            && (MIN_LIST_ITEMS..=MAX_LIST_ITEMS).contains(&items)
            && words as usize >= MIN_LIST_ITEM_MEAN_WORDS as usize * items
        {
            out.push((i, j));
        }
        after_body = false;
        i = j;
    }
    out
}

/// The role of a line a run (a list, a table of facts, a numbered list) takes into the body:
/// a post's counters and buttons are the page's ("Viewed 69k times"), a second copy of a line
/// already taken is a duplicate, anything else is the article's. `seen` holds the hashes of
/// the lines taken so far.
fn taken_line(l: &Line, seen: &mut TokenSet) -> Role {
    if post_meta::is_post_meta(l) {
        Role::Chrome(Reason::Ui)
    } else if seen.insert(l.hash) {
        Role::Body
    } else {
        Role::Chrome(Reason::Duplicate)
    }
}

/// How an image's description opens (data: `data/text_image_descriptions.tsv`), folded.
static IMAGE_DESCRIPTIONS: std::sync::LazyLock<Affixes> = std::sync::LazyLock::new(|| {
    Affixes::new(
        folded_list(include_str!("../../data/text_image_descriptions.tsv")),
        false,
    )
});

/// How an image's alternative text ends when it names the picture (data:
/// `data/text_image_closers.tsv`), folded.
static IMAGE_CLOSERS: std::sync::LazyLock<Affixes> = std::sync::LazyLock::new(|| {
    Affixes::new(
        folded_list(include_str!("../../data/text_image_closers.tsv")),
        true,
    )
});

/// A list of folded openers (or closers) of a line, grouped by their first (or last) byte in
/// ASCII lower case: a line is compared only with those that start (or end) as it does,
/// which for most lines is none.
struct Affixes {
    /// For each byte, the affixes whose first (or last) byte, in ASCII lower case, it is.
    by_byte: Vec<Vec<String>>,
    /// Closers: grouped by their last byte, and matched at the end of a line.
    at_end: bool,
}

impl Affixes {
    /// The affixes of `list` (none empty), grouped.
    fn new(list: Vec<String>, at_end: bool) -> Affixes {
        let mut by_byte = vec![Vec::new(); 256];
        for p in list {
            let b = if at_end {
                p.as_bytes().last()
            } else {
                p.as_bytes().first()
            };
            if let Some(&b) = b {
                by_byte[usize::from(b.to_ascii_lowercase())].push(p);
            }
        }
        Affixes { by_byte, at_end }
    }

    /// True when one of the affixes opens (or closes) `t`, ignoring ASCII case, as a whole
    /// word: a space follows the opener (precedes the closer).
    fn any_in(&self, t: &[u8]) -> bool {
        let edge = if self.at_end { t.last() } else { t.first() };
        let Some(group) = edge.and_then(|&b| self.by_byte.get(usize::from(b.to_ascii_lowercase())))
        else {
            return false;
        };
        group.iter().any(|p| {
            let p = p.as_bytes();
            if self.at_end {
                let Some(at) = t.len().checked_sub(p.len()) else {
                    return false;
                };
                at > 0 && t[at - 1] == b' ' && t[at..].eq_ignore_ascii_case(p)
            } else {
                t.get(..p.len()).is_some_and(|h| h.eq_ignore_ascii_case(p))
                    && t.get(p.len()) == Some(&b' ')
            }
        })
    }
}

/// Fewest words of an image's description ([`is_image_description`]).
pub const MIN_IMAGE_DESCRIPTION_WORDS: u32 = 3;

/// True when `l` is an image's alternative text describing the picture ("Screenshot of a
/// dashboard showing …", "A photo of grooms at a wedding", data): flattened, it stands on a
/// line of its own between the paragraphs and reads as prose, but it is the figure's, not the
/// article's text. No allocation: the openers (closers) starting (ending) as the line does are
/// compared in place, ignoring ASCII case.
pub(crate) fn is_image_description(l: &Line) -> bool {
    if l.kind != LineKind::Text || l.f.words < MIN_IMAGE_DESCRIPTION_WORDS {
        return false;
    }
    let t = l.text.as_bytes();
    let t = ["a ", "an "]
        .iter()
        .find_map(|a| {
            t.get(..a.len())
                .filter(|h| h.eq_ignore_ascii_case(a.as_bytes()))
                .map(|_| &t[a.len()..])
        })
        .unwrap_or(t);
    IMAGE_DESCRIPTIONS.any_in(t) || IMAGE_CLOSERS.any_in(t)
}

/// Fewest words of a caption before its bracketed photo credit in flattened text
/// ([`crate::caption::credited_caption`]); an HTML paragraph needs
/// [`crate::html::MIN_HTML_CAPTION_WORDS`].
pub const MIN_CREDITED_CAPTION_WORDS: usize = 3;

/// Most words of a picture's credit standing as a line of its own ("Photo: Jane Roe, AP",
/// "Courtesy of brand"): a label or an opener and a few words naming who.
pub const MAX_CREDIT_LINE_WORDS: usize = 3 + crate::caption::MAX_CREDIT_WORDS;

/// Most words of the label of a fact row ([`fact_row`]).
pub const MAX_FACT_LABEL_WORDS: usize = 4;

/// Most bytes before the colon of a fact row ([`fact_row`]).
pub const MAX_FACT_LABEL_BYTES: usize = 48;

/// Fewest rows of a run of fact rows ([`fact_runs`]).
pub const MIN_FACT_ROWS: usize = 2;

/// True when `s` is a fact row: a label of at most [`MAX_FACT_LABEL_WORDS`] words opening on
/// a capital (or a letter of a script without case), without sentence punctuation, then a
/// colon and a value ("Year Founded: 2017", "Key Services: SEO, SEM, Email", "Pro: Fast and
/// light"). Such a row is a line of the article's table of facts, or of its pros and cons.
pub(crate) fn fact_row(s: &str) -> bool {
    let Some(c) = s.chars().next() else {
        return false;
    };
    if !c.is_alphabetic() || c.is_lowercase() {
        return false;
    }
    let head = &s.as_bytes()[..s.len().min(MAX_FACT_LABEL_BYTES + 1)];
    let Some(colon) = memchr::memchr(b':', head) else {
        return false;
    };
    let (label, rest) = (&s[..colon], &s[colon + 1..]);
    rest.starts_with(char::is_whitespace)
        && !rest.trim().is_empty()
        && label.split_whitespace().count() <= MAX_FACT_LABEL_WORDS
        && !label.contains(['.', ',', ';', '!', '?', '"', '“', '|', '/'])
}

/// The runs of fact rows ([`fact_row`]) in `[k0, k1)` that hold a body line: at least
/// [`MIN_FACT_ROWS`] rows, one after another (empty lines between them allowed), none a
/// teaser, fine print or a line another step gave to the chrome (a copy of a body line
/// counts as one). A table of facts between an article's paragraphs ("Office Location: …",
/// "Year Founded: …", "Key Services: …") is no prose, and its rows of names are dropped one
/// by one while their shorter neighbours are kept; a row the article kept says the run is
/// the article's. Linear.
fn fact_runs(
    lines: &[Line],
    roles: &[Role],
    teaser_prefix: &[Option<usize>],
    fine: &[bool],
    k0: usize,
    k1: usize,
) -> Vec<(usize, usize)> {
    let row = |i: usize| {
        let l = &lines[i];
        l.kind == LineKind::Text
            && matches!(
                roles[i],
                Role::Unset | Role::Body | Role::Chrome(Reason::Duplicate)
            )
            && teaser_prefix[i].is_none()
            && !l.f.is_fine_print()
            && !fine[i]
            && fact_row(l.text)
    };
    let mut out = Vec::new();
    let mut i = k0;
    while i < k1 {
        if !row(i) {
            i += 1;
            continue;
        }
        let mut j = i;
        let (mut rows, mut body) = (0usize, false);
        while j < k1 && (lines[j].kind != LineKind::Text || row(j)) {
            if lines[j].kind == LineKind::Text {
                rows += 1;
                body |= roles[j] == Role::Body;
            }
            j += 1;
        }
        if rows >= MIN_FACT_ROWS && body {
            out.push((i, j));
        }
        i = j;
    }
    out
}

/// Most text lines between the article's text and a data table next to it, or between two
/// tables (a heading, a caption, a note, the table's source line "© A.M. Best — used by
/// permission").
pub const MAX_SIDE_TABLE_GAP: usize = 3;

/// Most words of a cell of a data table next to the text (a name: "Southern Farm Bureau
/// Casualty Group", a row label: "Change in PHS from Prior Year End ($)").
pub const MAX_SIDE_CELL_WORDS: u32 = 8;

/// How many data tables may be taken on each side of the text, one after another.
pub const MAX_SIDE_TABLES: usize = 8;

/// The cells of the page's data tables: runs of short lines (at most [`MAX_SIDE_CELL_WORDS`]
/// words, no role yet, not fine print, not a file name) that make a table ([`data_table`]).
/// Linear.
fn data_tables(lines: &[Line], roles: &[Role], fine: &[bool]) -> Vec<bool> {
    let n = lines.len();
    let mut out = vec![false; n];
    let cell = |i: usize| {
        let l = &lines[i];
        l.kind == LineKind::Text
            && roles[i] == Role::Unset
            && l.f.words <= MAX_SIDE_CELL_WORDS
            && !l.f.is_fine_print()
            && !l.f.file
            && !fine[i]
    };
    let mut i = 0;
    while i < n {
        if !cell(i) {
            i += 1;
            continue;
        }
        let mut j = i;
        while j < n && (cell(j) || lines[j].kind != LineKind::Text) {
            j += 1;
        }
        if data_table(lines, i, j) {
            for k in i..j {
                out[k] = lines[k].kind == LineKind::Text;
            }
        }
        i = j.max(i + 1);
    }
    out
}

/// A line that may stand between the text and a table: one no step took, or fine print (a
/// table's source and permission line).
fn gap_line(role: Role) -> bool {
    matches!(role, Role::Unset | Role::Chrome(Reason::Boilerplate))
}

/// True when the cells of `[a, b)` make a data table: at least [`MIN_TABLE_CELLS`], of which
/// at least [`MIN_NUMERIC_CELLS_TENTHS`] tenths are numbers ([`numeric_cell`]), and most of
/// those are values, not a running count ("1", "2", "3": a quantity picker, a pager).
fn data_table(lines: &[Line], a: usize, b: usize) -> bool {
    let (mut cells, mut numbers, mut counts) = (0usize, 0usize, 0usize);
    let mut last_int: Option<u64> = None;
    for l in &lines[a..b] {
        if l.kind != LineKind::Text {
            continue;
        }
        cells += 1;
        if numeric_cell(l.text) {
            numbers += 1;
            if let Ok(v) = l.text.trim().parse::<u64>() {
                counts += usize::from(last_int.is_some_and(|p| p + 1 == v));
                last_int = Some(v);
            }
        }
    }
    cells >= MIN_TABLE_CELLS
        && numbers * 10 >= cells * MIN_NUMERIC_CELLS_TENTHS
        && counts * 2 < numbers
}

/// The data tables standing next to the text `[k0, k1)` (within [`MAX_SIDE_TABLE_GAP`] text
/// lines of it, or of a table taken before), as line ranges: a table flattened one cell a
/// line is no prose, so the body region stops short of it, yet a ranking under its
/// introduction or a price list above the text is the article's. Not past the article's end
/// (`ended`: comments or the site's boxes follow). Not starting above the headline (`title`)
/// either: cells there are the site's header (a documentation site's language and version
/// pickers).
/// Linear in the lines looked at.
fn side_tables(
    lines: &[Line],
    roles: &[Role],
    tabled: &[bool],
    (k0, k1): (usize, usize),
    ended: bool,
    title: Option<usize>,
) -> Vec<(usize, usize)> {
    let n = lines.len();
    let cell = |i: usize| tabled[i];
    let mut out = Vec::new();
    // After the text.
    let mut end = k1;
    while !ended && out.len() < MAX_SIDE_TABLES {
        // Over the gap to the first cell.
        let (mut i, mut gap) = (end, 0usize);
        while i < n && !cell(i) {
            if lines[i].kind == LineKind::Text {
                gap += 1;
                if gap > MAX_SIDE_TABLE_GAP || !gap_line(roles[i]) {
                    break;
                }
            }
            i += 1;
        }
        if i >= n || !cell(i) {
            break;
        }
        let mut j = i;
        while j < n && (cell(j) || lines[j].kind != LineKind::Text) {
            j += 1;
        }
        if !data_table(lines, i, j) {
            break;
        }
        out.push((i, j));
        end = j;
    }
    // Before it.
    let mut start = k0;
    let before = out.len();
    while out.len() - before < MAX_SIDE_TABLES {
        let (mut i, mut gap) = (start, 0usize);
        while i > 0 && !cell(i - 1) {
            if lines[i - 1].kind == LineKind::Text {
                gap += 1;
                if gap > MAX_SIDE_TABLE_GAP || !gap_line(roles[i - 1]) {
                    break;
                }
            }
            i -= 1;
        }
        if i == 0 || !cell(i - 1) {
            break;
        }
        let mut j = i;
        while j > 0 && (cell(j - 1) || lines[j - 1].kind != LineKind::Text) {
            j -= 1;
        }
        if !data_table(lines, j, i) || title.is_some_and(|t| j < t) {
            break;
        }
        out.push((j, i));
        start = j;
    }
    out
}

/// A body region must keep at least this share of the prose (near repeats not counted) of the
/// region found without the near-repeat evidence; otherwise the page is made of cards (a
/// listing) and they are content.
pub const MIN_CARD_TRIM_SHARE: f64 = 0.5;

/// Classes (by shape, after context) and the body region. Near repeats (teaser cards) count as
/// not prose unless dropping them would lose most of the prose of the page's best region.
/// `shapes` holds each line's [`classify::shape_class`].
fn classify_page(
    lines: &[Line],
    roles: &[Role],
    teaser_prefix: &[Option<usize>],
    shapes: &[Class],
    fine: &[bool],
    repeats: &[bool],
    tabled: &[bool],
) -> (Vec<Class>, Vec<Class>, Option<(usize, usize)>) {
    let (raw, classes) = classify_lines(
        lines,
        roles,
        teaser_prefix,
        shapes,
        fine,
        Some(repeats),
        tabled,
    );
    let region = classify::body_region(lines, &raw, &classes);
    if !repeats.contains(&true) {
        return (raw, classes, region);
    }
    let (raw0, classes0) = classify_lines(lines, roles, teaser_prefix, shapes, fine, None, tabled);
    let region0 = classify::body_region(lines, &raw0, &classes0);
    // Prose of a region, not counting the near repeats themselves.
    let prose = |r: Option<(usize, usize)>, c: &[Class]| -> f64 {
        r.map(|(a, b)| {
            (a..b)
                .filter(|&i| c[i] == Class::Good && !repeats[i])
                .map(|i| f64::from(lines[i].f.tokens))
                .sum()
        })
        .unwrap_or(0.0)
    };
    if prose(region, &classes) >= MIN_CARD_TRIM_SHARE * prose(region0, &classes0) {
        (raw, classes, region)
    } else {
        (raw0, classes0, region0)
    }
}

/// The classes of all lines given the roles decided so far: by shape alone, and after context.
/// `shapes` holds each line's [`classify::shape_class`].
fn classify_lines(
    lines: &[Line],
    roles: &[Role],
    teaser_prefix: &[Option<usize>],
    shapes: &[Class],
    fine: &[bool],
    repeats: Option<&[bool]>,
    tabled: &[bool],
) -> (Vec<Class>, Vec<Class>) {
    let raw: Vec<Class> = lines
        .iter()
        .enumerate()
        .map(|(i, l)| {
            if l.kind != LineKind::Text {
                Class::Empty
            } else if teaser_prefix[i].is_some()
                || matches!(
                    roles[i],
                    Role::Chrome(Reason::Related) | Role::Chrome(Reason::Template)
                )
            {
                // Teasers and template lines never enter the body, and do not colour the
                // judgement of the lines around them.
                Class::Teaser
            } else if roles[i] != Role::Unset || l.f.file {
                Class::Fixed
            } else if tabled[i] {
                // A data table's cells: the article's furniture (a ranking between its
                // paragraphs), kept with it; like a teaser they cost the body run nothing and
                // do not colour the judgement of the lines around them.
                Class::Teaser
            } else if fine[i] || repeats.is_some_and(|r| r[i]) {
                Class::Bad
            } else {
                shapes[i]
            }
        })
        .collect();
    // A figure between sentences is smoothed over like a teaser, then is itself again.
    let figures = classify::figures_in_prose(lines);
    let mut classes: Vec<Class> = raw
        .iter()
        .zip(&figures)
        .map(|(&c, &f)| if f { Class::Teaser } else { c })
        .collect();
    classify::smooth(&mut classes);
    for ((c, &r), &f) in classes.iter_mut().zip(&raw).zip(&figures) {
        if f {
            *c = r;
        }
    }
    (raw, classes)
}

/// The reason a chrome phrase mark gives.
fn mark_reason(m: Mark) -> Reason {
    match m {
        Mark::Related => Reason::Related,
        Mark::Share => Reason::Share,
        Mark::Font => Reason::Font,
        Mark::Nav => Reason::Nav,
        Mark::Live => Reason::Live,
        Mark::Ad => Reason::Ad,
        Mark::Ui => Reason::Ui,
        Mark::Boilerplate => Reason::Boilerplate,
    }
}

/// Hashes of the folded word tokens (3+ characters) of `s` (one pass, no string built per
/// token; see [`marsad_arabic::phrases::fold_word_hashes`]).
pub(crate) fn collect_tokens(s: &str, out: &mut TokenSet) {
    marsad_arabic::phrases::fold_word_hashes(s, 3, |h| {
        out.insert(h);
    });
}

/// A set of folded-token hashes (see [`token_hash`]), or of line hashes.
pub(crate) type TokenSet = HashSet<u64, KeyHashBuild>;

/// A hasher for keys that are already 64-bit hashes (token and line hashes): one multiply
/// spreads them over the table (FNV over the key's eight bytes cost eight).
#[derive(Default, Clone, Copy)]
pub(crate) struct KeyHash(u64);

impl std::hash::Hasher for KeyHash {
    fn finish(&self) -> u64 {
        self.0
    }
    fn write(&mut self, bytes: &[u8]) {
        for &b in bytes {
            self.write_u64(u64::from(b));
        }
    }
    fn write_u64(&mut self, x: u64) {
        self.0 = (self.0.rotate_left(5) ^ x).wrapping_mul(0x51_7c_c1_b7_27_22_0a_95);
    }
}

/// Builds [`KeyHash`] hashers.
pub(crate) type KeyHashBuild = std::hash::BuildHasherDefault<KeyHash>;

/// The hash of the folded form of `w` ([`marsad_arabic::phrases::fold_hash`]: the fold is
/// hashed as it is made).
pub(crate) fn token_hash(w: &str) -> u64 {
    marsad_arabic::phrases::fold_hash(w)
}

/// A [`Text`] for a line.
pub(crate) fn line_text(l: &Line) -> Text {
    Text::new(l.text, l.span)
}

/// A [`Text`] for a sub-span of a line given in line-relative byte offsets (trimmed).
pub(crate) fn sub_text(l: &Line, start: usize, end: usize) -> Option<Text> {
    let s = l.text.get(start..end)?;
    let lead = s.len() - s.trim_start().len();
    let t = s.trim();
    if t.is_empty() {
        return None;
    }
    let a = l.span.start + start + lead;
    Some(Text::new(t, Span::new(a, a + t.len())))
}

/// A teaser link for a line whose headline starts at `rest` (line-relative).
pub(crate) fn teaser_link(l: &Line, rest: usize) -> Option<Link> {
    let title = sub_text(l, rest, l.text.len())?;
    Some(Link {
        title,
        url: None,
        span: l.span,
    })
}

#[cfg(test)]
pub(crate) mod section_end_tests {
    use super::*;

    #[test]
    fn comment_headings_end_the_article() {
        assert!(is_section_end("12 Comments"));
        assert!(is_section_end("Comments (3)"));
        assert!(is_section_end("اترك تعليقاً"));
        // A site's own mark after its article's last line.
        assert!(is_section_end("End of Article"));
        // The button that opens a news site's comments; a Q&A site's answer form.
        assert!(is_section_end("View Comments"));
        assert!(is_section_end("Your Answer"));
        // Popularity boxes under the article.
        assert!(is_section_end("Most Popular Stories"));
        assert!(is_section_end("Most Popular Posts"));
        assert!(is_section_end("More from this author"));
        assert!(!is_section_end("Share this article"));
        assert!(!is_section_end("Comments on the budget were mixed."));
    }

    #[test]
    fn comment_count_headings_open_the_comments() {
        assert!(is_comment_head("34 responses to “Lynn: we needed to win”"));
        assert!(is_comment_head("6 thoughts on \"How to adopt a mindset\""));
        assert!(is_comment_head("One thought on “A title”"));
        assert!(is_comment_head("12 تعليقاً على “عنوان الخبر”"));
        assert!(is_comment_head("3 Reader Comments"));
        assert!(is_comment_head("Une réflexion sur « Un titre »"));
        assert!(is_comment_head("2 comentários em “Um título”"));
        assert!(is_comment_head("Satu Tanggapan"));
        assert!(!is_comment_head("Comments on the budget were mixed."));
        assert!(!is_comment_head("Responses to the crisis came slowly."));
        assert!(!is_comment_head("5 responses to the survey were late."));
    }

    #[test]
    fn soft_hyphens_are_no_text_of_a_body_line() {
        let page = council_paras_with(
            6,
            2,
            "Wäh\u{AD}rend Sie über den Markt schlen\u{AD}dern, staunen Sie über die alten Mauern der Anlage.\n",
        );
        let body = body_of(&page);
        assert!(
            body.iter()
                .any(|b| b.starts_with("Während Sie über den Markt schlendern,")),
            "{body:?}"
        );
        // Nor of the headline.
        let page = format!(
            "Haus\u{AD}halts\u{AD}debatte im Rat\nBER\u{AD}LIN (dpa) – Der Rat der Stadt hat am Dienstag über den Haushalt des kommenden Jahres beraten.\n{}",
            council_paras(6)
        );
        let x = extract(page.as_bytes(), &Options::default()).expect("text");
        let json = serde_json::to_string(&x.article).expect("json");
        assert!(!json.contains('\u{AD}'), "{json}");
    }

    #[test]
    fn an_unexpanded_shortcode_is_no_body_line() {
        let page = council_paras_with(
            6,
            2,
            "[button link=\u{201d}/submit-review/\u{201d} type=\u{201d}big\u{201d}] Send us YOUR review[/button]\n",
        );
        let x = extract(
            page.as_bytes(),
            &Options {
                input: crate::InputKind::Text,
                ..Options::default()
            },
        )
        .expect("text");
        let a = &x.article;
        assert_eq!(a.body.len(), 6, "{:?}", a.body);
        assert!(
            a.chrome
                .iter()
                .any(|d| d.text.starts_with("[button") && d.reason == Reason::Boilerplate),
            "{:?}",
            a.chrome
        );
        // A line of code in brackets between the paragraphs is the article's.
        let code = council_paras_with(6, 2, "[n for n in range(10) if n % 2 == 0]\n");
        assert!(
            body_of(&code).iter().any(|b| b.starts_with("[n for n")),
            "{:?}",
            body_of(&code)
        );
    }

    #[test]
    fn a_thread_of_comment_stamps_ends_the_article() {
        let mut page = council_paras(8);
        for k in 0..4 {
            page.push_str(&format!("reader{k} says:\nNovember 19, 2019 at {k}:34 am\nI think the bridge is a waste of money and the council should have asked us first, number {k}.\n"));
        }
        let body = body_of(&page);
        assert_eq!(body.len(), 8, "{body:?}");
        // A forum: every post has its stamp, the first one too: nothing is cut.
        let mut forum = String::new();
        for k in 0..4 {
            forum.push_str(&format!(
                "member{k} says:\nNovember 19, 2019 at {k}:34 am\n"
            ));
            for j in 0..3 {
                forum.push_str(&format!("Post {k} line {j}: I think the bridge is a waste of money and the council should have asked the people of the town first.\n"));
            }
        }
        let body = body_of(&forum);
        let posts = body.iter().filter(|b| b.starts_with("Post ")).count();
        assert_eq!(posts, 12, "{body:?}");
        assert_eq!(relative_time("2 days ago at 07:52 am"), Some((0, 10)));
        assert_eq!(relative_time("8 hours ago, JGD said:"), Some((0, 12)));
        assert_eq!(
            relative_time("Charles Martin 1 year ago 13"),
            Some((15, 25))
        );
        assert_eq!(relative_time("منذ 3 ساعات"), Some((0, 19)));
        assert_eq!(relative_time("hace 2 días"), Some((0, 12)));
        assert_eq!(relative_time("In 2 days the council meets"), None);
        assert_eq!(relative_time("Page 2 of 10"), None);
        let st = super::lines::split("November 19, 2019 at 6:34 am\nDec 16, 2025\n");
        assert_eq!(comment_stamp(&st[0]), Some((false, false, false)));
        assert_eq!(comment_stamp(&st[1]), None);
    }

    #[test]
    fn a_stream_of_teaser_cards_ends_the_article() {
        let mut page = council_paras(8);
        for k in 0..4 {
            page.push_str(&format!("Another story about the town hall number {k}\nJane Writer{k}\nTuesday November 19, 2019\nThe council met again on Tuesday to argue about the bridge and the money it would cost the town, story {k}.\n"));
        }
        let body = body_of(&page);
        assert_eq!(body.len(), 8, "{body:?}");
        // A listing's cards run from its top: nothing is cut.
        let mut listing = String::new();
        for k in 0..6 {
            listing.push_str(&format!("Another story about the town hall number {k}\nNov {}, 2025\nThe council met again on Tuesday to argue about the bridge and the money it would cost the town and the people who live in it, story {k}.\n", k + 1));
        }
        let body = body_of(&listing);
        let summaries = body.iter().filter(|b| b.starts_with("The council")).count();
        assert_eq!(summaries, 6, "{body:?}");
        let st = super::lines::split(
            "Tuesday November 19, 2019\nNovember 19, 2019 at 6:34 am\nPosted on Nov 7, 2025 by Jane\n",
        );
        assert!(card_date(&st[0]));
        assert!(!card_date(&st[1]));
        assert!(!card_date(&st[2]));
    }

    #[test]
    fn a_counted_comment_heading_ends_the_article_a_bare_button_does_not() {
        assert!(is_section_end("1 Comment"));
        assert!(is_section_end("Comment (1)"));
        assert!(is_section_end("12 Comments"));
        // A share bar's button may sit anywhere in the article.
        assert!(!is_section_end("Comment"));
    }

    #[test]
    fn a_table_of_words_a_paragraph_introduces_is_the_articles() {
        // A two-column table of words (no numbers) under "… by default:", the article going on
        // under it: its cells are the article's.
        let cells = "JSON\nPython\nobject\ndict\narray\nlist\nstring\nstr\nnumber (int)\nint\n";
        let para = council_para(1);
        let run = |lead: &str| {
            let text = format!("{para}\n{lead}\n{cells}{para}\n");
            let ls = super::lines::split(&text);
            let roles = vec![Role::Unset; ls.len()];
            let mut classes = vec![Class::Bad; ls.len()];
            classes[0] = Class::Good;
            classes[ls.len() - 1] = Class::Good;
            table_cells(&ls, &roles, &classes, 0, ls.len())
        };
        let t = run("Performs the following translations in decoding by default:");
        assert!(t[2..12].iter().all(|&c| c), "{t:?}");
        assert!(!t[0] && !t[1] && !t[12]);
        // Under a label, or a menu's entry, the same words are no table.
        assert!(!run("Menu:").contains(&true));
        assert!(!run("Home").contains(&true));
    }

    #[test]
    fn a_data_table_between_paragraphs_is_the_articles() {
        // A ranking flattened one cell a line between the article's paragraphs.
        let mut table = String::from("Pos.\nDriver\nPoints\n");
        for k in 1..=6 {
            table.push_str(&format!("{k}\nDriver Name{k}\n{}\n", 5000 - k * 10));
        }
        let page = council_paras_with(8, 3, &table);
        let body = body_of(&page);
        assert!(body.iter().any(|b| b == "4990"), "{body:?}");
        assert!(body.iter().any(|b| b == "Driver Name3"), "{body:?}");
        // A run of words (a menu) is no table.
        let menu: String = (0..14).map(|k| format!("Section {k} Menu\n")).collect();
        let ls = super::lines::split(&menu);
        let roles = vec![Role::Unset; ls.len()];
        let classes = vec![Class::Bad; ls.len()];
        assert!(!table_cells(&ls, &roles, &classes, 0, ls.len()).contains(&true));
        let ls = super::lines::split(&table);
        let roles = vec![Role::Unset; ls.len()];
        let classes = vec![Class::Bad; ls.len()];
        assert!(
            table_cells(&ls, &roles, &classes, 0, ls.len())
                .iter()
                .all(|&t| t)
        );
        assert!(numeric_cell("$26,790"));
        assert!(numeric_cell("22.5%"));
        assert!(!numeric_cell("Top 5"));
    }

    #[test]
    fn a_data_table_next_to_the_text_is_the_articles() {
        // A ranking flattened one cell a line under the article's last paragraph, its rows
        // repeating values ("0"), and a footer menu after it.
        let mut table = String::from("Pos.\nDriver\nWins\nPoints\n");
        for k in 1..=8 {
            table.push_str(&format!("{k}\nDriver Name{k}\n0\n{}\n", 5000 - k * 10));
        }
        let foot = "About us\nContact\nPrivacy\n";
        let page = format!("{}{table}{foot}", council_paras(6));
        let body = body_of(&page);
        assert!(body.iter().any(|b| b == "4990"), "{body:?}");
        assert!(body.iter().any(|b| b == "Driver Name8"), "{body:?}");
        assert_eq!(body.iter().filter(|b| *b == "0").count(), 8, "{body:?}");
        assert!(!body.iter().any(|b| b == "Contact"), "{body:?}");
        // Above the text, under its heading, too.
        let page = format!(
            "Top drivers of the season\n{table}{}{foot}",
            council_paras(6)
        );
        let body = body_of(&page);
        assert!(body.iter().any(|b| b == "Driver Name1"), "{body:?}");
        // A quantity picker ("1", "2", … a running count) next to the text is no table.
        let picker: String = (1..=20).map(|k| format!("{k}\n")).collect();
        let page = format!("{}Quantity:\n{picker}{foot}", council_paras(6));
        let body = body_of(&page);
        assert!(!body.iter().any(|b| b == "7"), "{body:?}");
    }

    #[test]
    fn a_long_data_table_between_paragraphs_does_not_split_the_article() {
        // Three paragraphs, a ranking of 30 rows flattened one cell a line with its source
        // line, three more: the table costs the body run nothing, so the text on both sides
        // is the article's.
        let mut table = String::from("Rank\nCompany\nPremiums ($'000)\n% Change\n");
        for k in 1..=30 {
            table.push_str(&format!(
                "{k}\nInsurer Group {k}\n{},{:03}\n{}.{}\n",
                90 - k,
                k * 7,
                k % 9,
                k % 7
            ));
        }
        table.push_str("© 2025 Insurance Data Inc. All rights reserved.\n");
        let page = format!("Menu\nHome\n{}", council_paras_with(6, 2, &table));
        let body = body_of(&page);
        assert!(body.iter().any(|b| *b == council_para(0)), "{body:?}");
        assert!(body.iter().any(|b| *b == council_para(5)), "{body:?}");
        assert!(body.iter().any(|b| b == "Insurer Group 17"), "{body:?}");
        assert!(!body.iter().any(|b| b == "Home"), "{body:?}");
    }

    #[test]
    fn a_list_between_the_paragraphs_is_the_articles() {
        // Feature lines (long, no function words: not prose) between two paragraphs.
        let items = [
            "Antimicrobial coating, steam cleaning cycles, detergent reservoir, sanitizing rinse",
            "Integration with SmartHQ voice assistant, remote start, cycle alerts, diagnostics",
            "Third rack, adjustable tines, bottle jets, silverware baskets, fold-down shelves",
        ];
        let list: String = items.iter().map(|t| format!("{t}\n")).collect();
        let foot = "About us\nContact us\nCareers\nPrivacy\n";
        let page = format!("{}{foot}", council_paras_with(6, 2, &list));
        let body = body_of(&page);
        for t in items {
            assert!(body.iter().any(|b| b == t), "{t}: {body:?}");
        }
        assert!(body.iter().any(|b| *b == council_para(5)), "{body:?}");
        // The site's menu under the text is no list of the article.
        assert!(!body.iter().any(|b| b == "Careers"), "{body:?}");
    }

    #[test]
    fn a_table_of_facts_between_the_paragraphs_is_the_articles() {
        // An agency's facts: the short rows are kept by their neighbours, the rows of names
        // (long, no function words) are not prose.
        let rows = [
            "Office Location: Atlanta, Georgia",
            "Year Founded: 2011",
            "Key Services: Social Media Advertising Agency, Social Media Campaign Management, Short Video Management, Email Marketing",
            "Industries Served: eCommerce, Retail, Health and Wellness",
        ];
        let facts: String = rows.iter().map(|t| format!("{t}\n")).collect();
        let foot = "About us\nContact us\nCareers\nPrivacy\n";
        let page = format!("{}{foot}", council_paras_with(6, 3, &facts));
        let body = body_of(&page);
        for t in rows {
            assert!(body.iter().any(|b| b == t), "{t}: {body:?}");
        }
        assert!(fact_row("Pro: Lightweight yet powerful"));
        assert!(fact_row("نوع الخدمة: استشارات"));
        assert!(!fact_row("the label: lower case opens a sentence"));
        assert!(!fact_row("10:30 am"));
        assert!(!fact_row("He said, quietly: no"));
        assert!(!fact_row("Label:"));
    }

    #[test]
    fn an_images_description_is_not_the_articles_text() {
        // A figure's alternative text between two paragraphs reads as prose.
        let alt = "Screenshot of a monitoring dashboard. It displays the failed jobs, the backlog and the lag of each stage of the pipeline over the last day.\n";
        let page = council_paras_with(6, 2, alt);
        let body = body_of(&page);
        assert!(
            !body.iter().any(|b| b.starts_with("Screenshot")),
            "{body:?}"
        );
        assert!(body.iter().any(|b| *b == council_para(3)), "{body:?}");
        let described = |t: &str| is_image_description(&super::lines::split(t)[0]);
        assert!(described("A photo of grooms at a wedding"));
        assert!(described("diagram showing the flow"));
        // A news agency's caption says where the picture comes from.
        assert!(described(
            "In this photo provided by NASA, the rocket stands on the pad at dawn."
        ));
        assert!(described(
            "This undated image provided by the museum shows a wooden tool from Greece."
        ));
        assert!(!described("This photographer worked alone for years."));
        assert!(!described("Photographers of the era worked alone."));
        assert!(!described("Screenshot of"));
        // A shop's and a recipe site's pictures.
        assert!(described(
            "Alt view image 2 of 7 - EVGA GeForce GTX TITAN Z 12GB"
        ));
        assert!(described(
            "overhead shot of two white bowls filled with pasta"
        ));
        assert!(described("Desk Organizer Set hover image"));
        assert!(described("Acme Corp logo"));
        assert!(!described("Build and push your first image"));
    }

    #[test]
    fn a_credited_caption_is_not_the_articles_text() {
        for caption in [
            "A total lunar eclipse, known as the blood moon, is visible between skyscrapers Friday, March 14, 2025, in downtown Chicago. (AP Photo/Kiichiro Sato)\n",
            "The plague wiped out half of Europe in the 14th century and returned in waves for three hundred years (Image: GETTY)\n",
        ] {
            let body = body_of(&council_paras_with(6, 2, caption));
            assert!(!body.iter().any(|b| b.contains("(Image")), "{body:?}");
            assert!(!body.iter().any(|b| b.contains("(AP Photo")), "{body:?}");
            assert!(body.iter().any(|b| *b == council_para(3)), "{body:?}");
        }
    }

    #[test]
    fn a_browser_notice_is_not_the_articles_text() {
        // A forum's notice for browsers without scripts reads as a sentence.
        let notice = "JavaScript is disabled. For a better experience, please enable JavaScript in your browser before proceeding.\n";
        let body = body_of(&council_paras_with(6, 2, notice));
        assert!(
            !body.iter().any(|b| b.starts_with("JavaScript")),
            "{body:?}"
        );
        assert!(body.iter().any(|b| *b == council_para(3)), "{body:?}");
    }

    #[test]
    fn the_sites_copyright_line_ends_the_article() {
        // A sign-up form's prose after the footer is no part of the article.
        let form = "© 2025 Example Tutoring LLC\nRegistration Agreement\nPayment is due the first of each month and payments received after the seventh of the month will be assessed a late fee by the company.\n";
        let page = council_paras_with(6, 5, form);
        let body = body_of(&page);
        assert!(body.iter().any(|b| *b == council_para(5)), "{body:?}");
        assert!(!body.iter().any(|b| b.starts_with("Payment")), "{body:?}");
        assert!(site_copyright("Copyright © 2019 NPR. All rights reserved."));
        assert!(!site_copyright(
            "© A.M. Best Company, Inc. — used by permission"
        ));
    }

    #[test]
    fn box_headings_end_the_article() {
        assert!(is_box_end("Related articles"));
        assert!(is_box_end("You may also like:"));
        assert!(is_box_end("مقالات ذات صلة"));
        assert!(!is_box_end("Read more"));
        assert!(!is_box_end("Related articles on the budget were mixed."));
        // A heading that opens with a box's heading and names the box further.
        assert!(is_box_end("Related articles on Move.org"));
        assert!(is_box_end("Related articles that may interest you"));
        assert!(is_box_end("You may be interested in the following topics:"));
        assert!(!is_box_end("Related documents"));
        // The author's box under the article.
        assert!(is_box_end("Written by Randy Thompson"));
        assert!(!is_box_end(
            "Related articles have been moved to the archive!"
        ));
    }

    #[test]
    fn about_a_name_is_a_box_heading() {
        assert!(is_about_name("About Jane Doe"));
        assert!(is_about_name("Über Moritz Bachmann"));
        assert!(is_about_name("Sobre Carlos Nadalim"));
        assert!(!is_about_name("About Your Privacy"));
        assert!(!is_about_name("About Our Course"));
        assert!(!is_about_name("About the author of the study."));
        assert!(!is_about_name("About Jane"));
        assert!(!is_about_name("Jane Doe"));
        // It ends the body like a related-box heading.
        let mut page = council_paras(6);
        page.push_str(
            "About Jane Doe\nJane Doe is a reporter who covers the city council and its budget.\n",
        );
        let body = body_of(&page);
        assert_eq!(body.len(), 6, "{body:?}");
    }

    #[test]
    fn the_writers_contact_line_closing_the_story_is_chrome() {
        let mut page = council_paras(6);
        page.push_str(
            "Jane Doe may be reached at jdoe@example.com. Follow her on Twitter @janedoe.\n",
        );
        let body = body_of(&page);
        assert_eq!(body.len(), 6, "{body:?}");
    }

    #[test]
    fn a_bio_under_the_article_ends_it_with_its_name_line() {
        let mut page = council_paras(6);
        page.push_str("Lisa Jennings\n");
        page.push_str(
            "Lisa Jennings is a veteran restaurant industry reporter and editor who lives in Los Angeles.\n",
        );
        page.push_str("Privacy Policy\n");
        let body = body_of(&page);
        assert_eq!(body.len(), 6, "{body:?}");
        // A sentence about someone in the story, or a product's definition, is no bio.
        let mut page = String::new();
        for k in 0..6 {
            page.push_str(&council_para(k));
            page.push('\n');
            if k == 4 {
                page.push_str(
                    "Acme Cloud is a marketing analytics platform that the council bought last year.\n",
                );
                page.push_str(
                    "Jane Doe said the bridge would be the first built in the city in forty years.\n",
                );
            }
        }
        let body = body_of(&page);
        assert_eq!(body.len(), 8, "{body:?}");
    }

    #[test]
    fn signed_comments_between_the_answers_are_comments() {
        let page = |stamped: bool| {
            let mut page = String::from("Why is RAID not a backup?\n");
            for k in 0..4 {
                page.push_str(&format!(
                    "Answer {k}: a backup keeps older copies of your files, so a file deleted by mistake or corrupted can be restored from them.\n"
                ));
                page.push_str(&format!(
                    "{k}\nI think a backup would refuse to copy a file that is already corrupt, in my view.\njdoe\n– jdoe\n"
                ));
                if stamped {
                    page.push_str(&format!("Commented May {d}, 2009 at 0:53\n", d = k + 2));
                }
            }
            page
        };
        let body = body_of(&page(true));
        assert_eq!(body.len(), 4, "{body:?}");
        // Without their stamps the signed lines are no thread.
        let body = body_of(&page(false));
        assert!(
            body.iter().any(|b| b.starts_with("I think a backup")),
            "{body:?}"
        );
    }

    #[test]
    fn blog_and_similar_post_boxes_are_box_headings() {
        assert!(is_box_end("The Latest From the Blog"));
        assert!(is_box_end("Read More Articles"));
        assert!(is_box_end("Similar posts"));
        assert!(is_box_end("MORE STORIES LIKE THIS ONE"));
        assert!(is_box_end("Weitere Beiträge zum Thema"));
        assert!(!is_box_end(
            "From the blog of a friend we learned the news."
        ));
    }

    #[test]
    fn a_signup_box_after_the_article_ends_it_one_inside_does_not() {
        assert!(is_signup_line(
            "Subscribe to our newsletter",
            &mut String::new()
        ));
        assert!(is_signup_line(
            "Sign up for e-mail newsletters",
            &mut String::new()
        ));
        assert!(is_signup_line(
            "Keep an eye on your inbox for the latest news.",
            &mut String::new()
        ));
        assert!(is_signup_line(
            "SIGN UP FOR OUR NEWSLETTER",
            &mut String::new()
        ));
        assert!(!is_signup_line(
            "The council will sign the deal up north.",
            &mut String::new()
        ));
        let mut end = council_paras(6);
        end.push_str("Get the latest updates right in your inbox. Subscribe to our newsletters.\n");
        end.push_str(
            "We promise to send you only the stories you asked for, every single morning.\n",
        );
        end.push_str("Another story about the city budget\n");
        end.push_str(&council_para(6));
        end.push('\n');
        let body = body_of(&end);
        assert_eq!(body.len(), 6, "{body:?}");
        // The teasers under the sign-up box have one-sentence summaries: no article goes on.
        let mut end = council_paras(10);
        end.push_str("Sign up for e-mail newsletters\n");
        for k in 0..4 {
            end.push_str(&format!(
                "Story {k}: the mayor opened a second bridge over the river in the north of the city.\n"
            ));
        }
        let body = body_of(&end);
        assert_eq!(body.len(), 10, "{body:?}");
        // Inside the article (paragraphs go on after it) the line stays.
        let inside = council_paras_with(
            8,
            3,
            "Subscribe to our newsletter for more stories like this one.\n",
        );
        let body = body_of(&inside);
        assert_eq!(body.len(), 9, "{body:?}");
    }

    /// A paragraph of a test article (`k` tells the paragraphs apart).
    fn council_para(k: usize) -> String {
        format!(
            "The council met on day {k} and agreed, after a long debate about the cost of the new bridge, that the work would begin in the spring."
        )
    }

    /// `n` paragraphs of a test article, a line each.
    fn council_paras(n: usize) -> String {
        (0..n).map(|k| council_para(k) + "\n").collect()
    }

    /// `n` paragraphs with `insert` (whole lines) after paragraph `after`.
    fn council_paras_with(n: usize, after: usize, insert: &str) -> String {
        let mut page = String::new();
        for k in 0..n {
            page.push_str(&council_para(k));
            page.push('\n');
            if k == after {
                page.push_str(insert);
            }
        }
        page
    }

    /// The body lines the text extractor gives for `page`.
    pub(crate) fn body_of(page: &str) -> Vec<String> {
        let opts = crate::Options {
            input: crate::InputKind::Text,
            ..crate::Options::default()
        };
        crate::extract(page.as_bytes(), &opts)
            .map(|e| e.article.body.into_iter().map(|b| b.text).collect())
            .unwrap_or_default()
    }

    #[test]
    fn a_line_dropped_between_two_body_lines_is_the_bodys() {
        // An item of a list whose slashes read as a menu's, between two items kept; with a
        // digit too, among items.
        let list = |odd: &str| {
            format!(
                "Take a managed database. Under the hood, it is:\n\
                 Standard Postgres compiled with some monitoring hooks\n\
                 A custom backup system using volume snapshots\n\
                 {odd}\n\
                 Load balancers and connection pooling (PgBouncer)\n\
                 Monitoring integration with the cloud's dashboards\n"
            )
        };
        for odd in [
            "Automated configuration management via Chef/Puppet/Ansible",
            "Automated configuration management via Chef/Puppet/Ansible 8",
        ] {
            let body = body_of(&council_paras_with(6, 2, &list(odd)));
            assert!(body.iter().any(|b| b == odd), "{body:?}");
        }
        // A dated line next to a sentence is a caption's or a post's stamp: it stays out.
        let caption =
            "Rep. Jane Doe speaks at the Capitol on July 25, 2019. J. Scott Applewhite / AP file";
        let body = body_of(&council_paras_with(6, 2, &format!("{caption}\n")));
        assert!(!body.iter().any(|b| b == caption), "{body:?}");
    }

    #[test]
    fn a_listing_starts_under_its_title() {
        // A shop's category page: no prose run; the header's menu, which names the page too
        // and holds a members' blurb; the title again; then the products.
        let mut page = String::from(
            "Shop\nCamp & Hike\nHiking Boots\nMembers earn a dividend on what they buy at \
             the co-op, and they can use it in any of our stores or online.\n",
        );
        for k in 0..20 {
            page += &format!("Gear {k}\n");
        }
        page += "Hiking Boots\n428 results\n";
        // (Enough products that the title's second copy is in the page's upper half.)
        let names = ["Merrell Moab 3 Mid", "Salomon X Ultra 4", "KEEN Targhee IV"];
        for (k, name) in names.iter().cycle().take(6).enumerate() {
            page += &format!(
                "{name} Waterproof Hiking Boots - Men's\n${k}49.95\n4.{k} out of 5 stars\n"
            );
        }
        let opts = crate::Options {
            input: crate::InputKind::Text,
            url: Some("https://shop.example/c/hiking-boots".into()),
            ..crate::Options::default()
        };
        let a = crate::extract(page.as_bytes(), &opts).unwrap().article;
        assert_eq!(a.title.map(|t| t.text).as_deref(), Some("Hiking Boots"));
        let body: Vec<&str> = a.body.iter().map(|b| b.text.as_str()).collect();
        assert!(
            body.contains(&"Salomon X Ultra 4 Waterproof Hiking Boots - Men's"),
            "{body:?}"
        );
        for m in ["Shop", "Camp & Hike", "Gear 0", "Gear 19"] {
            assert!(!body.contains(&m), "{m}: {body:?}");
        }
    }

    #[test]
    fn short_steps_between_screenshots_stay_in_the_body() {
        // A tutorial's steps, each a short sentence, with a screenshot's file name between them.
        let steps = [
            "In the Loft Options dialog box, click OK to create the loft.",
            "Press the Delete key.",
            "Select the closed curve.",
            "On the Surface menu, click Sweep 1 Rail.",
        ];
        let insert = format!(
            "loft-001.png\n{}\nloft-002.png\n{}\n{}\nextrude-003.png\n{}\nsweep-004.png\n",
            steps[0], steps[1], steps[2], steps[3]
        );
        let body = body_of(&council_paras_with(8, 3, &insert));
        for l in steps {
            assert!(body.iter().any(|b| b == l), "{l}: {body:?}");
        }
        // The same lines around a spacer repeated between them are the frame's.
        let spacer = insert
            .lines()
            .map(|l| {
                if l.ends_with(".png") {
                    "blank_1x1.gif"
                } else {
                    l
                }
            })
            .collect::<Vec<_>>()
            .join("\n");
        let body = body_of(&council_paras_with(8, 3, &(spacer + "\n")));
        assert!(!body.iter().any(|b| b == steps[1]), "{body:?}");
    }

    #[test]
    fn code_and_lines_that_introduce_it_stay_in_the_body() {
        // Not prose (few stopwords, no sentence end), yet the article's: the line that
        // introduces a snippet, the snippet, a numbered step.
        let lines = [
            "Kubernetes Deployment manifests, Helm charts, Terraform modules, Ansible playbooks:",
            "kubectl apply -f deployment.yaml --namespace=production --server-side=true",
            "7. Kubernetes Deployment manifests, Helm charts, Terraform modules, Ansible roles",
        ];
        let page = council_paras_with(8, 3, &(lines.join("\n") + "\n"));
        let body = body_of(&page);
        for l in lines {
            assert!(body.iter().any(|b| b == l), "{l}: {body:?}");
        }
        // A menu-like line of names there stays out.
        let menu =
            "Kubernetes Deployment manifests Helm charts Terraform modules Ansible playbooks";
        let page = council_paras_with(8, 3, &format!("{menu}\n"));
        assert!(!body_of(&page).iter().any(|b| b == menu));
    }

    #[test]
    fn a_repeated_line_of_code_stays_a_repeated_paragraph_does_not() {
        // Two examples that run the same command: the command is in the body twice.
        let code = "kubectl apply -f deployment.yaml --namespace=production --server-side=true";
        let mut page = String::new();
        for k in 0..8 {
            page.push_str(&council_para(k));
            page.push('\n');
            if k == 2 || k == 5 {
                let intro = if k == 2 {
                    "First"
                } else {
                    "Then, after the change"
                };
                page.push_str(&format!("{intro}, apply the manifest to the cluster:\n"));
                page.push_str(code);
                page.push('\n');
            }
        }
        let body = body_of(&page);
        assert_eq!(body.iter().filter(|b| *b == code).count(), 2, "{body:?}");
        // A paragraph given twice is not kept twice.
        let page = council_paras(4) + &council_para(1) + "\n" + &council_para(7) + "\n";
        let body = body_of(&page);
        assert!(
            body.iter().filter(|b| **b == council_para(1)).count() <= 1,
            "{body:?}"
        );
    }

    #[test]
    fn a_fields_label_stays_in_each_record_it_heads() {
        // Two reviews, each with its "The verdict:" label over its last paragraph: a label
        // repeats in each record; a paragraph given twice does not.
        let mut page = String::new();
        for k in 0..8 {
            if k == 3 || k == 7 {
                page.push_str("The verdict:\n");
            }
            page.push_str(&council_para(k));
            page.push('\n');
        }
        let body = body_of(&page);
        assert_eq!(
            body.iter().filter(|b| *b == "The verdict:").count(),
            2,
            "{body:?}"
        );
    }

    #[test]
    fn a_records_repeated_field_stays_but_a_line_restated_next_to_itself_does_not() {
        // Each of three meals carries the same note between its new lines; a note given again
        // two lines below itself is a restatement.
        let mut page = String::new();
        for k in 0..12 {
            page.push_str(&council_para(k));
            page.push('\n');
            if k % 4 == 1 {
                page.push_str("Drink a glass of water with this meal.\n");
            }
        }
        page.push_str("Served with rice\n");
        page.push_str(&council_para(12));
        page.push('\n');
        page.push_str("Served with rice\n");
        page.push_str(&council_para(13));
        page.push('\n');
        let body = body_of(&page);
        let count = |s: &str| body.iter().filter(|b| *b == s).count();
        assert_eq!(
            count("Drink a glass of water with this meal."),
            3,
            "{body:?}"
        );
        assert_eq!(count("Served with rice"), 1, "{body:?}");
    }

    #[test]
    fn a_caption_with_its_credit_run_on_is_not_the_articles_text() {
        // A picture's caption between the paragraphs, its credit glued to it or set after it.
        let glued = "Officials were seen in the region attempting to control the spread of the diseaseCredit: The Siberian Times";
        let apart = "A cross-section through the module showing the quarters. Credit: ESA";
        let page = council_paras_with(6, 1, &format!("{glued}\n"));
        let page = page.replace(&council_para(3), &format!("{apart}\n{}", council_para(3)));
        let body = body_of(&page);
        assert!(!body.iter().any(|b| b == glued), "{body:?}");
        assert!(!body.iter().any(|b| b == apart), "{body:?}");
        assert!(body.iter().any(|b| *b == council_para(3)), "{body:?}");
    }

    #[test]
    fn the_sites_pickers_above_the_headline_are_not_a_table_of_the_article() {
        // A documentation page: the language and version pickers, one cell a line, stand
        // above the headline; the table rule must not take them into the body.
        let mut page = String::from("Search\nLanguage: en\nfr\nes\nDocumentation version: 5.1\n");
        for v in [
            "dev", "6.0", "5.2", "5.0", "4.2", "4.1", "4.0", "3.2", "3.1", "3.0", "2.2",
        ] {
            page.push_str(v);
            page.push('\n');
        }
        page.push_str("Models\n");
        page.push_str(&council_paras(6));
        let body = body_of(&page);
        assert!(!body.iter().any(|b| b == "4.2"), "{body:?}");
        assert!(body.iter().any(|b| *b == council_para(0)), "{body:?}");
    }

    #[test]
    fn a_share_heading_or_post_navigation_ends_the_article() {
        // A share plugin's heading and a blog's post navigation open what follows the post.
        for end in ["Sharing is caring!", "← Previous Post"] {
            let mut page = council_paras(6);
            page.push_str(end);
            page.push('\n');
            page.push_str(&council_para(7));
            page.push('\n');
            let body = body_of(&page);
            assert_eq!(body.len(), 6, "{end}: {body:?}");
        }
    }

    #[test]
    fn a_long_bio_under_its_name_photo_and_job_ends_the_article() {
        let bio = |extra: usize| {
            let mut b = String::from(
                "Jane Doe is a freelance writer living in the north of the country, where she covers gardens, homes and the people who make them.",
            );
            for _ in 0..extra {
                b.push_str(
                    " She has written for many magazines over the years and loves old houses.",
                );
            }
            b
        };
        // The author's job between her name and her bio; a bio of more than eighty words.
        for (head, extra) in [("Jane Doe\nContributing Writer\n", 0), ("Jane Doe\n", 6)] {
            let mut page = council_paras(8);
            page.push_str("Headshot of Jane Doe\n");
            page.push_str(head);
            page.push_str(&bio(extra));
            page.push('\n');
            let body = body_of(&page);
            assert_eq!(body.len(), 8, "{head}{extra}: {body:?}");
        }
    }

    #[test]
    fn a_bio_on_the_given_name_running_on_in_paragraphs_ends_the_article() {
        // The full name, the job, then a bio opening on the given name alone and two more
        // paragraphs naming her again.
        let mut page = council_paras(6);
        page.push_str("Karina Cohen\nEnterprise Sales Executive\n");
        page.push_str(
            "Karina is a business strategist who has led mergers and acquisitions across the US and Europe.\n\
             Karina holds a Global Executive MBA from Duke University and a degree in Finance from Fordham University.\n\
             When she is not leading the company, Karina homeschools her daughter and serves on the board of a school.\n",
        );
        page.push_str("Privacy Policy\n");
        let body = body_of(&page);
        assert_eq!(body.len(), 6, "{body:?}");
        // Without the full name above, a given name opening a sentence is no bio.
        let mut page = council_paras(6);
        page.push_str(
            "Karina is a business strategist who has led mergers and acquisitions across the US and Europe.\n",
        );
        page.push_str("Privacy Policy\n");
        assert_eq!(body_of(&page).len(), 7);
        // Bios of several people are a staff page's, not an author's box.
        let mut page = council_paras(6);
        for name in ["Karina Cohen", "Lisa Jennings"] {
            let given = name.split(' ').next().unwrap_or_default();
            page.push_str(&format!(
                "{name}\n{given} is a certified personal trainer who teaches strength classes at the club.\n"
            ));
        }
        let body = body_of(&page);
        assert!(
            body.iter().any(|b| b.starts_with("Lisa is a certified")),
            "{body:?}"
        );
    }

    #[test]
    fn a_box_of_one_sentence_teasers_after_a_long_heading_ends_the_article() {
        // A heading of ten words, then one-sentence summaries of other pages: no paragraph
        // of the article's length follows it.
        let mut page = council_paras(10);
        page.push_str("You may be interested in the following topics as well:\n");
        for school in [
            "Fullstack Academy",
            "Coding Temple",
            "General Assembly",
            "Springboard",
        ] {
            page.push_str(&format!(
                "Explore how {school} and its diverse courses cater to the needs of aspiring tech professionals.\n"
            ));
        }
        let body = body_of(&page);
        assert_eq!(body.len(), 10, "{body:?}");
    }

    #[test]
    fn a_pictures_credit_alone_between_paragraphs_is_not_body() {
        for credit in [
            "Image Credit: Alamo",
            "Courtesy of brand",
            "Photo by David Dyer-Bennet",
        ] {
            let page = council_paras_with(6, 3, &format!("{credit}\n"));
            let body = body_of(&page);
            assert_eq!(body.len(), 6, "{credit}: {body:?}");
        }
    }

    #[test]
    fn a_box_after_the_article_ends_it_a_box_inside_does_not() {
        let teaser = |k: usize| format!("Another story number {k} about the city budget");
        let mut end = council_paras(6);
        end.push_str("Related articles\n");
        for k in 0..BOX_END_LOOKAHEAD {
            end.push_str(&teaser(k));
            end.push('\n');
        }
        end.push_str(&council_para(6));
        end.push('\n');
        let body = body_of(&end);
        // The paragraph after the box's headlines (one, against six before) is not the
        // article's.
        assert_eq!(body.len(), 6, "{body:?}");
        let inside = council_paras_with(8, 3, &format!("Related articles\n{}\n", teaser(0)));
        let body = body_of(&inside);
        assert_eq!(body.len(), 8, "{body:?}");
        // Teaser cards (headline, one-paragraph summary) never hold two paragraphs in a row:
        // the box still ends the article.
        let mut cards = String::new();
        for k in 0..8 {
            cards.push_str(&council_para(k));
            cards.push('\n');
        }
        cards.push_str("Related articles\n");
        for k in 0..2 {
            cards.push_str(&teaser(k));
            cards.push('\n');
            cards.push_str(&council_para(10 + k));
            cards.push('\n');
        }
        let body = body_of(&cards);
        assert_eq!(body.len(), 8, "{body:?}");
    }
}

#[cfg(test)]
mod listing_tests {
    use crate::{InputKind, Options};

    #[test]
    fn a_stray_paragraph_on_a_grid_page_makes_a_listing() {
        let mut page = String::from("Laptops\n");
        for i in 0..120 {
            page.push_str(&format!(
                "Model {i} Laptop 16GB RAM 512GB SSD Silver\n$ {i}99\n"
            ));
        }
        page.push_str("We have been selling the best laptops in the country for over twenty years, and our experts are always happy to help you choose the one that fits your work and your budget.\n");
        let opts = Options {
            input: InputKind::Text,
            ..Options::default()
        };
        let a = crate::extract(page.as_bytes(), &opts)
            .map(|e| e.article)
            .unwrap_or_default();
        assert!(a.body.len() > 100, "{}", a.body.len());
    }
}

#[cfg(test)]
mod under_title_tests {
    use crate::{InputKind, Options};
    use marsad_model::Article;

    /// The article read from flattened text with the page's URL.
    fn article_at(page: &str, url: &str) -> Article {
        let opts = Options {
            input: InputKind::Text,
            url: Some(url.into()),
            ..Options::default()
        };
        crate::extract(page.as_bytes(), &opts)
            .map(|e| e.article)
            .unwrap_or_default()
    }

    #[test]
    fn the_deck_under_the_headline_is_the_subtitle() {
        let page = |deck: &str| {
            format!(
                "الرئيسية\nأخبار\nمباحثات في الدوحة لوقف إطلاق النار في غزة\n{deck}\n\
                 المصدر : الجزيرة + وكالات\nنشر في 3/12/2024\n\
                 آخر تحديث: 3/12/2024 04:15 م (بتوقيت مكة)\n\
                 الدوحة- وصلت وفود من عدة دول إلى العاصمة القطرية الدوحة اليوم الثلاثاء للمشاركة في جولة جديدة من المباحثات الرامية إلى التوصل لاتفاق.\n\
                 وقال مصدر مطلع للجزيرة إن المباحثات ستتناول القضايا العالقة، ومنها عودة النازحين إلى شمال القطاع، مشيرا إلى أن الأجواء إيجابية.\n\
                 من جهته، أكد المتحدث باسم الخارجية القطرية أن الدوحة تواصل جهودها مع الشركاء من أجل التوصل إلى اتفاق ينهي الحرب.\n"
            )
        };
        let deck = "وفود من عدة دول تصل العاصمة القطرية وسط آمال بالتوصل إلى اتفاق";
        let url = "https://www.aljazeera.net/news/2024/12/3/مباحثات-في-الدوحة-لوقف-إطلاق-النار";
        let a = article_at(&page(deck), url);
        assert_eq!(
            a.title.unwrap().text,
            "مباحثات في الدوحة لوقف إطلاق النار في غزة"
        );
        let sub = a.subtitle.expect("a deck");
        assert_eq!(sub.text, deck);
        let d = a
            .chrome
            .iter()
            .find(|d| d.text == deck)
            .expect("accounted for");
        assert_eq!(d.reason, marsad_model::Reason::Metadata);
        // The headline again, a sentence, a date: no deck.
        for not in [
            "مباحثات في الدوحة لوقف إطلاق النار",
            "وصلت الوفود إلى الدوحة اليوم بعد رحلة طويلة من القاهرة.",
            "الثلاثاء 3 ديسمبر 2024 الساعة 10:30 صباحا بتوقيت الدوحة",
        ] {
            assert!(
                article_at(&page(not), "https://example.com/news/1")
                    .subtitle
                    .is_none(),
                "{not}"
            );
        }
    }

    #[test]
    fn a_headline_deep_in_the_region_gives_the_byline_and_stamp_under_it() {
        let mut page = String::new();
        // The site's menu of programmes: prose-like lines that open the body region.
        for k in 0..8 {
            page.push_str(&format!(
                "Programme {k}: a full-time course for leaders eager to spend one year of discovery with us.\n"
            ));
        }
        page.push_str("Ideas Made to Matter\nArtificial Intelligence\n");
        page.push_str("Machine learning, explained\nBy\nSara Brown\nApr 21, 2021\n");
        for k in 0..6 {
            page.push_str(&format!(
                "Machine learning is changing every industry, and paragraph {k} explains how the models learn from the data they are given.\n"
            ));
        }
        let a = article_at(
            &page,
            "https://example.org/ideas/machine-learning-explained",
        );
        assert_eq!(
            a.title.as_ref().map(|t| t.text.as_str()),
            Some("Machine learning, explained")
        );
        assert_eq!(
            a.published.as_ref().and_then(|s| s.day()),
            Some("2021-04-21")
        );
        let names: Vec<&str> = a.authors.iter().map(|t| t.text.as_str()).collect();
        assert_eq!(names, ["Sara Brown"]);
    }

    #[test]
    fn a_text_without_a_date_is_dated_by_its_urls_path() {
        let mut page = String::from("Movies\nNew movies streaming this weekend\n");
        for k in 0..6 {
            page.push_str(&format!(
                "The weekend brings new films to every service, and paragraph {k} names the ones worth a night in.\n"
            ));
        }
        let a = article_at(
            &page,
            "https://news.example/story/movies/2025/12/19/new-movies/123/",
        );
        assert_eq!(
            a.published.as_ref().and_then(|s| s.day()),
            Some("2025-12-19")
        );
    }
}

#[cfg(test)]
mod foot_stamp_tests {
    use crate::{InputKind, Options};

    fn day(page: &str) -> Option<String> {
        let opts = Options {
            input: InputKind::Text,
            ..Options::default()
        };
        crate::extract(page.as_bytes(), &opts)
            .ok()
            .and_then(|e| e.article.published)
            .and_then(|s| s.day().map(str::to_owned))
    }

    fn page(foot: &[&str]) -> String {
        let mut p = String::from("Home\nBlog\nHow to get a journal indexed\n");
        for k in 0..6 {
            p.push_str(&format!(
                "Indexing takes time, and step {k} of the guide explains what the databases ask of a journal.\n"
            ));
        }
        for l in foot {
            p.push_str(l);
            p.push('\n');
        }
        p.push_str("Privacy Policy\nContact\n");
        p
    }

    #[test]
    fn a_permalink_above_the_stamp_is_no_headline() {
        // A forum thread: the headline among the menus and again above the post, whose
        // permalink stands right above its stamp.
        let head = "Travel Forum\nSign In\nHome\nTrips\nLeaving the old city behind (moved)\nAll Activity\n\
            Browse\nGuidelines\nStaff\nHome\nTrips\nLeaving the old city behind (moved)\nAll Activity\n\
            Leaving the old city behind (moved)\nShare\n\
            https://forum.example.org/index.php?/topic/1201-leaving-the-old-city-behind-moved/\n\
            Followers\nJGD\nJGD\nApril 2, 2024 in Trips\nFeatured Replies\n";
        let mut p = String::from(head);
        for k in 0..6 {
            p.push_str(&format!(
                "We left the old city behind in spring {k}, and we have not looked back since then at all.\n"
            ));
        }
        let opts = Options {
            input: InputKind::Text,
            url: Some(
                "https://forum.example.org/index.php?/topic/1201-leaving-the-old-city-behind-moved/"
                    .into(),
            ),
            ..Options::default()
        };
        let a = crate::extract(p.as_bytes(), &opts).unwrap().article;
        assert_eq!(
            a.title.map(|t| t.text).as_deref(),
            Some("Leaving the old city behind (moved)")
        );
    }

    #[test]
    fn a_publication_line_under_the_text_dates_a_page_without_a_head_stamp() {
        assert_eq!(
            day(&page(&["Posted on April 13, 2023"])).as_deref(),
            Some("2023-04-13")
        );
        // A question's "asked" is its publication.
        assert_eq!(
            day(&page(&[
                "edited Oct 17, 2023 at 12:58",
                "asked Oct 16, 2023 at 9:40"
            ]))
            .as_deref(),
            Some("2023-10-16")
        );
    }

    #[test]
    fn a_zone_name_after_the_time_gives_the_stamp_its_offset() {
        let opts = Options {
            input: InputKind::Text,
            ..Options::default()
        };
        let p = page(&["Posted on Nov 19, 2019, 8:15 pm CST"]);
        let s = crate::extract(p.as_bytes(), &opts)
            .ok()
            .and_then(|e| e.article.published)
            .expect("a stamp");
        assert_eq!(s.local, "2019-11-19T20:15:00-06:00");
        assert_eq!(s.utc.as_deref(), Some("2019-11-20T02:15:00Z"));
    }

    #[test]
    fn the_page_update_line_in_the_footer_dates_a_page_without_another() {
        assert_eq!(
            day(&page(&["Last updated: November 13, 2025"])).as_deref(),
            Some("2025-11-13")
        );
        assert_eq!(
            day(&page(&["Page last modified Jan. 17, 2025 @ 01:39 PM EST"])).as_deref(),
            Some("2025-01-17")
        );
        // A publication line wins over it; a post's "Updated" is no page date.
        assert_eq!(
            day(&page(&[
                "Last updated: November 13, 2025",
                "Posted on April 13, 2023"
            ]))
            .as_deref(),
            Some("2023-04-13")
        );
        assert_eq!(day(&page(&["Updated May 2, 2024"])), None);
        // It names the day where the head gave only a year.
        let mut p = String::from("Home\nTaxes\nGuide to filing your taxes\n2025 tax deadlines\n");
        for k in 0..6 {
            p.push_str(&format!(
                "Filing season {k} ends in April, and the guide explains what the forms ask of a household.\n"
            ));
        }
        p.push_str("Page last modified Jan. 17, 2025 @ 01:39 PM EST\nContact\n");
        assert_eq!(day(&p).as_deref(), Some("2025-01-17"));
    }

    #[test]
    fn an_unlabelled_or_embedded_date_down_the_page_does_not() {
        // A comment's or teaser's date, an edit's date, a date label inside code.
        assert_eq!(day(&page(&["March 3, 2024"])), None);
        assert_eq!(day(&page(&["Last edited May 2, 2024"])), None);
        assert_eq!(
            day(&page(&[
                "'cache': 'no', 'date': 'Thu, 14 Jun 2012 12:59:39 GMT'"
            ])),
            None
        );
    }
}

#[cfg(test)]
mod template_title_tests {
    use super::SiteTemplate;
    use crate::{InputKind, Options};
    use std::sync::Arc;

    const POPULAR: &str = "Bridge works will start in the spring, the council says";

    /// A page of a site whose menu and "most read" box recur on every page.
    fn page(headline: &str, k: usize) -> String {
        let mut p = String::from("Home\nPolitics\nEconomy\nSport\nCulture\n");
        p.push_str(headline);
        p.push('\n');
        for j in 0..5 {
            p.push_str(&format!(
                "Paragraph {j} of story {k}: the council met again and agreed, after a long debate about the cost, that the work on the new bridge would begin soon.\n"
            ));
        }
        p.push_str("Most read\n");
        p.push_str(POPULAR);
        p.push_str("\nContact us\nPrivacy policy\n");
        p
    }

    #[test]
    fn a_headline_the_site_repeats_is_still_the_headline() {
        let pages: Vec<String> = (0..4)
            .map(|k| page(&format!("Story {k} of the day in the town hall"), k))
            .collect();
        let t = SiteTemplate::learn(pages.iter().map(String::as_str));
        assert!(t.contains(POPULAR), "the box recurs on every page");
        // The most-read story's own page is headed by a line the template holds.
        let own = page(POPULAR, 9);
        let opts = Options {
            input: InputKind::Text,
            template: Some(Arc::new(t)),
            ..Options::default()
        };
        let a = crate::extract(own.as_bytes(), &opts).unwrap().article;
        assert_eq!(a.title.as_ref().map(|t| t.text.as_str()), Some(POPULAR));
        // The menu stays template chrome.
        let chrome = |s: &str| {
            a.chrome
                .iter()
                .any(|c| c.text == s && c.reason == marsad_model::Reason::Template)
        };
        assert!(chrome("Politics"), "{:?}", a.chrome);
        assert!(!a.body.iter().any(|b| b.text == "Politics"), "{:?}", a.body);
    }

    #[test]
    fn a_page_the_template_covers_whole_keeps_its_body() {
        // Four copies of one page: every line recurs, so the template holds the whole page and
        // gives it back.
        let one = page(POPULAR, 0);
        let t = SiteTemplate::learn([one.as_str(); 4]);
        let first = one.lines().find(|l| l.starts_with("Paragraph 0")).unwrap();
        assert!(t.contains(first), "the template holds the paragraphs too");
        let opts = Options {
            input: InputKind::Text,
            template: Some(Arc::new(t)),
            ..Options::default()
        };
        let a = crate::extract(one.as_bytes(), &opts).unwrap().article;
        let plain = crate::extract(
            one.as_bytes(),
            &Options {
                input: InputKind::Text,
                ..Options::default()
            },
        )
        .unwrap()
        .article;
        assert_eq!(a.body.len(), 5, "{:?}", a.body);
        assert_eq!(a.body, plain.body);
        assert_eq!(a.title, plain.title);
    }
}

#[cfg(test)]
mod headline_in_region_tests {
    use crate::{InputKind, Options};

    fn body_of(page: &str, url: &str) -> Vec<String> {
        let opts = Options {
            input: InputKind::Text,
            url: Some(url.to_string()),
            ..Options::default()
        };
        crate::extract(page.as_bytes(), &opts)
            .map(|e| e.article.body.into_iter().map(|b| b.text).collect())
            .unwrap_or_default()
    }

    const PROMO: &str = "Teams is now called Workspace, and it brings the best of human thought and automation together at your work.\nExplore Workspace\n";
    const HEADLINE: &str = "Council approves new budget for city parks";
    const STORY: &str = "The city council approved a new budget for the parks on Monday after a long debate that lasted into the night.\nThe plan gives more money to the parks in the north of the city, where the playgrounds are the oldest.\nThe mayor said the work on the first three parks would start in the spring and end before the summer holidays.\nSome members of the council said the plan did not do enough for the parks near the river, which flood every year.\n";

    #[test]
    fn the_body_starts_under_a_headline_inside_the_region() {
        let url = "https://example.com/news/council-approves-new-budget-for-city-parks";
        let page = format!("{PROMO}{HEADLINE}\n{STORY}");
        let body = body_of(&page, url);
        assert_eq!(body.len(), 4, "{body:?}");
        assert!(body[0].starts_with("The city council"), "{body:?}");
        // A headline the region repeats further down is a card's: the region stays whole.
        let page = format!("{PROMO}{HEADLINE}\n{STORY}Photos\nMore photos\n{HEADLINE}\n{STORY}");
        let body = body_of(&page, url);
        assert!(body[0].starts_with("Teams is now called"), "{body:?}");
    }
}

#[cfg(test)]
mod card_listing_tests {
    use crate::{InputKind, Options};

    fn extract(page: &str) -> marsad_model::Article {
        let opts = Options {
            input: InputKind::Text,
            ..Options::default()
        };
        crate::extract(page.as_bytes(), &opts)
            .map(|e| e.article)
            .unwrap_or_default()
    }

    use crate::text::cards::tests::chart;

    const MENU: &str = "Menu\nMovies\nRelease calendar\nTop box office\nTV shows\nWhat's on TV\nCelebs\nBorn today\nSign in\n";

    #[test]
    fn a_chart_of_records_is_the_pages_content() {
        // A paragraph of prose under the chart (a notice of the site's) would be the article;
        // the chart's entries hold most of the page's words and are its content.
        let page = format!(
            "{MENU}Top 250 Movies\nAs rated by regular voters.\n{}Recently viewed\nYou have no recently viewed pages.\nWe use the ratings of our registered users to build this chart, and we update it every day so that it shows what the people who use the site think of the films they have seen over the years.\nA film needs a good number of ratings before it can enter the chart, and the votes of the users who rate the most films count for a little more than the votes of the others.\n",
            chart(20)
        );
        let a = extract(&page);
        let body: Vec<&str> = a.body.iter().map(|b| b.text.as_str()).collect();
        for line in [
            "#7",
            "Movie Number 7",
            "Movie Number 20",
            "Rate",
            "Mark as watched",
        ] {
            assert!(body.contains(&line), "{line} missing: {body:?}");
        }
        // The buttons are said once; the menu is no record.
        assert_eq!(body.iter().filter(|l| **l == "Rate").count(), 1, "{body:?}");
        assert!(!body.contains(&"Release calendar"), "{body:?}");
        let title = a.title.map(|t| t.text).unwrap_or_default();
        assert!(!chart(20).lines().any(|l| l == title), "{title}");
    }

    #[test]
    fn an_article_with_replies_under_its_comments_stays_an_article() {
        let mut page = format!("{MENU}The council approves the budget for the city parks\n");
        for k in 0..6 {
            page.push_str(&format!("The council met on Tuesday to argue about the parks and the money they would cost the town and the people who live in it, and the members voted for the plan in the end, part {k}.\n"));
        }
        page.push_str("Comments\n");
        for k in 0..10 {
            page.push_str(&format!(
                "Reader{k}\n2 hours ago\nI am glad the parks get money, says reader {k}.\n"
            ));
            if k % 3 == 0 {
                page.push_str("And the bridge should be next.\n");
            }
            page.push_str("Reply\n");
        }
        let a = extract(&page);
        let body: Vec<&str> = a.body.iter().map(|b| b.text.as_str()).collect();
        assert!(body.iter().any(|l| l.ends_with("part 5.")), "{body:?}");
        assert!(!body.contains(&"Reply"), "{body:?}");
        assert!(!body.contains(&"Release calendar"), "{body:?}");
    }
}
