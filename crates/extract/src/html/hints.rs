//! Class, id and role hints: does an element look like main content or like boilerplate?
//!
//! The words are data (`data/content_hints.tsv`, several languages), parsed once. An element's
//! `class` and `id` are lowercased and matched per class word, per sub-token (split on `-`, `_`
//! and other non-alphanumerics) and, for `contains` rows, anywhere in the value.
//!
//! ```
//! use marsad_extract::html::hints::{class_hint, Hint};
//! assert_eq!(class_hint("social-share-buttons"), Hint::Neg(marsad_model::Reason::Share));
//! assert_eq!(class_hint("محتوى-الخبر"), Hint::Pos);
//! assert_eq!(class_hint("row col-md-8"), Hint::None);
//! ```

use std::collections::HashMap;
use std::sync::LazyLock;

use marsad_model::Reason;

const HINTS_TSV: &str = include_str!("../../data/content_hints.tsv");

/// What a class/id says about an element.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Hint {
    /// Nothing.
    None,
    /// Main content.
    Pos,
    /// Boilerplate, with the reason blocks under it are dropped.
    Neg(Reason),
    /// Comments: dropped unless the page is made of them (forums).
    Soft,
    /// Boilerplate on a page that declares an article (a call to action, a promo card beside
    /// the story), with the reason blocks under it are dropped there; on other pages (a landing
    /// or hub page made of such cards) it says nothing.
    Story(Reason),
}

impl Hint {
    /// The boilerplate reason of this hint on a page that declares an article (`declared`) or
    /// not: [`Hint::Neg`] always, [`Hint::Story`] only on a declared article.
    pub fn neg_reason(self, declared: bool) -> Option<Reason> {
        match self {
            Hint::Neg(r) => Some(r),
            Hint::Story(r) if declared => Some(r),
            _ => None,
        }
    }
}

/// A word of the table with its hint and its row number (earlier rows win ties).
struct Word {
    bytes: Box<[u8]>,
    hint: Hint,
    order: u16,
}

struct Table {
    /// Whole-token words, bucketed by first byte (a word given twice keeps its last row's hint).
    token: Vec<Vec<Word>>,
    /// Words matched anywhere in the value, bucketed by first byte.
    contains: Vec<Vec<Word>>,
    /// Bit set of the first two bytes of the `contains` words: most positions of a value
    /// start no word, and are passed over with one bit test.
    pairs: Box<[u64; PAIR_WORDS]>,
    credit_token: Vec<String>,
    credit_contains: Vec<String>,
    /// `not` words: a longer word that starts like a `contains` word and means something
    /// else ("commentary" is not "comment"); no `contains` word matches where one starts.
    except: Vec<Box<[u8]>>,
    /// `embed` words: a class naming an embedded post (a tweet quoted in a story) is the post,
    /// not the share or related widget its `social` word suggests; the element is unmarked.
    embeds: Vec<memchr::memmem::Finder<'static>>,
    /// `utility` prefixes: a layout utility class ("justify-content-between") says nothing of
    /// what the element holds; in a word starting with one, the prefix's own pieces
    /// ("content") are no hint.
    utilities: Vec<Box<[u8]>>,
    /// The pieces of the `utility` prefixes that are hint tokens ("content"): a word is
    /// checked for a utility only when one of these hints.
    utility_pieces: Vec<Box<[u8]>>,
    /// `holder` words: a BEM element's modifier of one of these says what the element holds,
    /// not what it is (`TestReport__Section--Ads`), see [`without_element_modifiers`].
    holders: Vec<Box<[u8]>>,
}

fn reason(s: &str) -> Reason {
    match s {
        "nav" => Reason::Nav,
        "share" => Reason::Share,
        "related" => Reason::Related,
        "ad" => Reason::Ad,
        "ui" => Reason::Ui,
        "hidden" => Reason::Hidden,
        "comments" => Reason::Comments,
        _ => Reason::Boilerplate,
    }
}

/// Puts `word` in the bucket of its first byte (empty words are never matched).
fn bucket(buckets: &mut [Vec<Word>], word: &str, hint: Hint, order: usize) {
    if let Some(&first) = word.as_bytes().first()
        && let Some(b) = buckets.get_mut(first as usize)
    {
        b.push(Word {
            bytes: word.as_bytes().into(),
            hint,
            order: order.min(u16::MAX as usize) as u16,
        });
    }
}

static TABLE: LazyLock<Table> = LazyLock::new(|| {
    let mut token: HashMap<String, Hint> = HashMap::new();
    let mut contains: Vec<(String, Hint)> = Vec::new();
    let mut credit_token = Vec::new();
    let mut credit_contains = Vec::new();
    let mut except: Vec<Box<[u8]>> = Vec::new();
    let mut embeds: Vec<memchr::memmem::Finder<'static>> = Vec::new();
    let mut utilities: Vec<Box<[u8]>> = Vec::new();
    let mut holders: Vec<Box<[u8]>> = Vec::new();
    for line in HINTS_TSV.lines() {
        if line.starts_with('#') || line.trim().is_empty() {
            continue;
        }
        let cols: Vec<&str> = line.split('\t').collect();
        let [kind, how, word, why] = cols[..] else {
            continue;
        };
        if kind == "not" {
            except.push(word.to_lowercase().into_bytes().into());
            continue;
        }
        if kind == "embed" {
            embeds.push(memchr::memmem::Finder::new(&word.to_lowercase()).into_owned());
            continue;
        }
        if kind == "holder" {
            holders.push(word.to_lowercase().into_bytes().into());
            continue;
        }
        if kind == "utility" {
            utilities.push(word.to_lowercase().into_bytes().into());
            continue;
        }
        if kind == "credit" {
            match how {
                "token" => credit_token.push(word.to_lowercase()),
                _ => credit_contains.push(word.to_lowercase()),
            }
            continue;
        }
        let hint = match kind {
            "pos" => Hint::Pos,
            "neg" => Hint::Neg(reason(why)),
            "story" => Hint::Story(reason(why)),
            "soft" => Hint::Soft,
            _ => continue,
        };
        match how {
            "token" => {
                token.insert(word.to_lowercase(), hint);
            }
            "contains" => contains.push((word.to_lowercase(), hint)),
            _ => {}
        }
    }
    let mut t = Table {
        token: (0..256).map(|_| Vec::new()).collect(),
        contains: (0..256).map(|_| Vec::new()).collect(),
        pairs: Box::new([0; PAIR_WORDS]),
        credit_token,
        credit_contains,
        except,
        embeds,
        utilities,
        utility_pieces: Vec::new(),
        holders,
    };
    for (word, hint) in &token {
        bucket(&mut t.token, word, *hint, 0);
    }
    for (order, (word, hint)) in contains.iter().enumerate() {
        bucket(&mut t.contains, word, *hint, order);
        let w = word.as_bytes();
        match (w.first(), w.get(1)) {
            (Some(&a), Some(&b)) => set_pair(&mut t.pairs, a, b),
            // A one-byte word starts at any position holding that byte.
            (Some(&a), None) => (0..=255u8).for_each(|b| set_pair(&mut t.pairs, a, b)),
            _ => {}
        }
    }
    let pieces: Vec<Box<[u8]>> = t
        .utilities
        .iter()
        .flat_map(|u| u.split(|c| !c.is_ascii_alphanumeric()))
        .filter(|p| token_hint(&t, p).is_some())
        .map(Box::from)
        .collect();
    for p in pieces {
        if !t.utility_pieces.contains(&p) {
            t.utility_pieces.push(p);
        }
    }
    t
});

fn pair_key(a: u8, b: u8) -> usize {
    ((a as usize) << 8) | b as usize
}

/// A hasher for per-page caches keyed by class / id values, taking eight bytes a step (the
/// multiply-rotate of rustc's FxHash): utility-class values run to hundreds of bytes, and a
/// byte-a-step hash cost more than the hint lookups it saves.
#[derive(Default)]
pub(crate) struct WordHash(u64);

impl std::hash::Hasher for WordHash {
    fn finish(&self) -> u64 {
        self.0
    }
    fn write(&mut self, bytes: &[u8]) {
        const K: u64 = 0xf135_7aea_2e62_a9c5;
        let mut h = self.0;
        let mut mix = |w: u64| h = (h.rotate_left(26) ^ w).wrapping_mul(K);
        let mut chunks = bytes.chunks_exact(8);
        for c in &mut chunks {
            let mut w = [0u8; 8];
            w.copy_from_slice(c);
            mix(u64::from_le_bytes(w));
        }
        let rest = chunks.remainder();
        if !rest.is_empty() {
            let mut w = [0u8; 8];
            w[..rest.len()].copy_from_slice(rest);
            mix(u64::from_le_bytes(w) ^ ((rest.len() as u64) << 59));
        }
        self.0 = h;
    }
}

pub(crate) type WordHashBuild = std::hash::BuildHasherDefault<WordHash>;

/// Distinct class / id values a per-page cache is sized for at the start: a news page has a
/// few hundred, and growing a map from empty rehashes it eight times on the way.
pub(crate) const CLASS_CACHE_CAPACITY: usize = 512;

/// Words of a pair bitset (one bit per two-byte sequence) for [`set_pair`] and [`has_pair`].
pub(crate) const PAIR_WORDS: usize = 1024;

/// Marks the two-byte sequence `a b` in a bitset of [`PAIR_WORDS`] words.
pub(crate) fn set_pair(pairs: &mut [u64; PAIR_WORDS], a: u8, b: u8) {
    let k = pair_key(a, b);
    pairs[k >> 6] |= 1 << (k & 63);
}

/// True when the two-byte sequence `a b` is marked in a bitset of [`PAIR_WORDS`] words (see
/// [`set_pair`]; a fixed-size array, so the scans that test every byte of a value do so
/// without a bounds check).
pub(crate) fn has_pair(pairs: &[u64; PAIR_WORDS], a: u8, b: u8) -> bool {
    let k = pair_key(a, b);
    pairs[k >> 6] & (1 << (k & 63)) != 0
}

/// True when a class word is a layout utility: after any variant prefix ("md:"), it starts
/// with one of `utilities` ("justify-content-md-center", "lg:content-center").
fn is_utility(utilities: &[Box<[u8]>], word: &[u8]) -> bool {
    let base = word
        .iter()
        .rposition(|&c| c == b':')
        .map_or(word, |i| &word[i + 1..]);
    utilities.iter().any(|u| base.starts_with(u))
}

/// Calls `f` with every whitespace-separated word of `lower` and, for a word holding other
/// characters than letters and digits, with each of its pieces split at them (and the word
/// they come from).
fn for_each_token(lower: &str, mut f: impl FnMut(&[u8], Option<&[u8]>)) {
    if lower.is_ascii() {
        // Byte-wise, the same splits as the `char` version below (ASCII `char::is_whitespace`
        // includes the vertical tab, which `u8::is_ascii_whitespace` does not).
        let b = lower.as_bytes();
        let n = b.len();
        let kind = |i: usize| BYTE_KIND[b[i] as usize];
        let mut i = 0;
        while i < n {
            while i < n && kind(i) == SPACE {
                i += 1;
            }
            if i == n {
                break;
            }
            let start = i;
            let mut mixed = false;
            while i < n {
                let k = kind(i);
                if k == SPACE {
                    break;
                }
                mixed |= k == OTHER;
                i += 1;
            }
            let word = &b[start..i];
            f(word, None);
            if mixed {
                // Its pieces, as `split` at every byte other than a letter or digit gives them
                // (empty ones included).
                let mut from = start;
                for j in start..i {
                    if kind(j) == OTHER {
                        f(&b[from..j], Some(word));
                        from = j + 1;
                    }
                }
                f(&b[from..i], Some(word));
            }
        }
        return;
    }
    for word in lower.split_whitespace() {
        f(word.as_bytes(), None);
        if word.contains(|c: char| !c.is_alphanumeric()) {
            for sub in word.split(|c: char| !c.is_alphanumeric()) {
                f(sub.as_bytes(), Some(word.as_bytes()));
            }
        }
    }
}

/// [`BYTE_KIND`] of an ASCII letter or digit.
const ALNUM: u8 = 0;
/// [`BYTE_KIND`] of a byte that `char::is_whitespace` takes.
const SPACE: u8 = 1;
/// [`BYTE_KIND`] of any other byte.
const OTHER: u8 = 2;

/// What each byte is to [`for_each_token`]: a table, one load a byte.
static BYTE_KIND: [u8; 256] = {
    let mut t = [OTHER; 256];
    let mut c = 0;
    while c < 256 {
        let b = c as u8;
        if b.is_ascii_alphanumeric() {
            t[c] = ALNUM;
        } else if matches!(b, b' ' | b'\t' | b'\n' | 0x0B | 0x0C | b'\r') {
            t[c] = SPACE;
        }
        c += 1;
    }
    t
};

fn rank(h: Hint) -> u8 {
    match h {
        Hint::None => 0,
        Hint::Pos => 1,
        Hint::Soft => 2,
        Hint::Story(_) => 3,
        Hint::Neg(_) => 4,
    }
}

/// The hint of a whole token, if the table has it.
fn token_hint(t: &Table, w: &[u8]) -> Option<Hint> {
    let first = *w.first()?;
    t.token
        .get(first as usize)?
        .iter()
        .find(|e| &*e.bytes == w)
        .map(|e| e.hint)
}

/// Longest `class`/`id` value read; longer values have no hint.
pub const MAX_HINT_VALUE: usize = 512;

/// The hint of a `class` or `id` value (boilerplate hints win over content hints).
///
/// Whole tokens are looked up first (each whitespace-separated word, then its sub-tokens), then
/// the `contains` words in one pass over the value; among hints of the same strength the first
/// found wins (tokens in value order, then `contains` words in table order).
pub fn class_hint(value: &str) -> Hint {
    if value.is_empty() || value.len() > MAX_HINT_VALUE {
        return Hint::None;
    }
    let value = &*without_atomic_words(value);
    let value = &*without_element_modifiers(value);
    let t = &*TABLE;
    let mut buf = [0u8; MAX_HINT_VALUE];
    let owned: String;
    let lower: &str = if value.is_ascii() {
        let b = &mut buf[..value.len()];
        b.copy_from_slice(value.as_bytes());
        b.make_ascii_lowercase();
        std::str::from_utf8(b).unwrap_or("")
    } else {
        owned = value.to_lowercase();
        &owned
    };
    let mut best = Hint::None;
    let mut pos = false;
    let take = |h: Hint, best: &mut Hint| {
        if rank(h) > rank(*best) {
            *best = h;
        }
    };
    for_each_token(lower, |w, whole| {
        if let Some(h) = token_hint(t, w) {
            // A piece of a layout utility word is no hint.
            if let Some(whole) = whole
                && t.utility_pieces.iter().any(|p| **p == *w)
                && is_utility(&t.utilities, whole)
            {
                return;
            }
            pos |= h == Hint::Pos;
            take(h, &mut best);
        }
    });
    // `contains` words: only a stronger hint than the tokens' counts; of the strongest found,
    // the first in table order.
    if rank(best) < rank(Hint::Neg(Reason::Nav)) {
        let floor = rank(best);
        let b = lower.as_bytes();
        let mut found: Option<(u8, u16, Hint)> = None;
        for i in 0..b.len() {
            let (c, next) = (b[i], b.get(i + 1).copied());
            if let Some(n) = next
                && !has_pair(&t.pairs, c, n)
            {
                continue;
            }
            if !at_subtoken_start(value, b, i) {
                continue;
            }
            let Some(words) = t.contains.get(c as usize) else {
                continue;
            };
            let rest = &b[i..];
            if t.except.iter().any(|w| rest.starts_with(w)) {
                continue;
            }
            for w in words {
                // The second byte first: the bucket holds every word with this first byte.
                if w.bytes.get(1).is_some_and(|&x| Some(x) != next) {
                    continue;
                }
                let r = rank(w.hint);
                if r <= floor
                    || found.is_some_and(|(fr, fo, _)| r < fr || (r == fr && w.order > fo))
                {
                    continue;
                }
                if rest.starts_with(&w.bytes) {
                    found = Some((r, w.order, w.hint));
                }
            }
        }
        if let Some((_, _, h)) = found {
            take(h, &mut best);
        }
    }
    // A content word beside a boilerplate word ("entry-content entry-content-read-more"), or
    // a class naming an embedded post ("social-media-embed"): the element is not marked
    // either way.
    if matches!(best, Hint::Neg(_) | Hint::Story(_))
        && (pos || names_embed(&t.embeds, value, lower.as_bytes()))
    {
        return Hint::None;
    }
    best
}

/// The value without its atomic CSS words: a class word holding a parenthesis or a square
/// bracket sets one style property (Atomizer's `Mstart(137px)--modalMinWidth`, Tailwind's
/// `h-[var(--header-height)]`), and the words inside it name a breakpoint, a variable or a
/// property, never what the element holds (the `modal` of a breakpoint is no modal dialog).
/// Of such a word only what follows its last `]` is kept, when no parenthesis follows it: Tailwind's utility after an arbitrary variant (`[&>*:nth-child(2n)]:hidden`).
///
/// ```text
/// "Cf Mstart(137px)--modalMinWidth Mend(380px)"  →  "Cf"
/// "top-[var(--header-height)] lg:flex"             →  "lg:flex"
/// ```
fn without_atomic_words(value: &str) -> std::borrow::Cow<'_, str> {
    if !value.bytes().any(|c| c == b'(' || c == b'[') {
        return value.into();
    }
    let mut out = String::with_capacity(value.len());
    for word in value.split_whitespace() {
        let kept = if word.contains(['(', '[']) {
            match word.rfind(']') {
                Some(i) if !word[i..].contains(['(', ')']) => &word[i + 1..],
                _ => "",
            }
        } else {
            word
        };
        if !kept.is_empty() {
            if !out.is_empty() {
                out.push(' ');
            }
            out.push_str(kept);
        }
    }
    out.into()
}

/// The value without its BEM elements' holder modifiers: in `Block__Element--Modifier` the
/// element is what the class names and the modifier a variant of it; a modifier saying what
/// the element holds (`holder` words of `data/content_hints.tsv`: chip.de sets its test
/// report's sections as `TestReport__Section TestReport__Section--Ads`, sections ads are set
/// into) does not make it an ad. A modifier saying what it is (`o-grid__item--ad`, an ad slot)
/// stays, as do a block's modifiers (`teaser--sponsored`) and all others (`--sidebar`).
///
/// ```text
/// "TestReport__Section TestReport__Section--Ads"  →  "TestReport__Section TestReport__Section"
/// ```
fn without_element_modifiers(value: &str) -> std::borrow::Cow<'_, str> {
    // (Byte scans: a substring searcher's setup cost more than the whole test.)
    let pair = |b: &[u8], c: u8| memchr::memchr_iter(c, b).find(|&i| b.get(i + 1) == Some(&c));
    let cut = |word: &str| {
        let b = word.as_bytes();
        let e = pair(b, b'_')?;
        let m = e + pair(&b[e..], b'-')?;
        names_holder(&word[m + 2..]).then_some(m)
    };
    if pair(value.as_bytes(), b'_').is_none() || !value.split_whitespace().any(|w| cut(w).is_some())
    {
        return value.into();
    }
    let mut out = String::with_capacity(value.len());
    for word in value.split_whitespace() {
        if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(cut(word).map_or(word, |m| &word[..m]));
    }
    out.into()
}

/// True when a piece of a class word's modifier is a `holder` word of the table ("Ads",
/// "ads-enabled", "with_ads").
fn names_holder(modifier: &str) -> bool {
    let t = &*TABLE;
    modifier
        .split(|c: char| !c.is_ascii_alphanumeric())
        .any(|p| {
            t.holders
                .iter()
                .any(|h| p.as_bytes().eq_ignore_ascii_case(h))
        })
}

/// True when an `embed` word of the table starts a subtoken of the lowercased value.
fn names_embed(embeds: &[memchr::memmem::Finder<'static>], value: &str, lower: &[u8]) -> bool {
    embeds.iter().any(|w| {
        w.find_iter(lower)
            .any(|i| at_subtoken_start(value, lower, i))
    })
}

/// True when byte `i` of the lowercased value `lower` starts a subtoken: the value's start,
/// after a non-alphanumeric byte, or at a camelCase hump of the original `value` (ASCII values
/// only). A `contains` word matches only there, so `menu` finds `mainMenu` and `site-menu`
/// but not `contextmenu`.
fn at_subtoken_start(value: &str, lower: &[u8], i: usize) -> bool {
    let Some(&prev) = i.checked_sub(1).and_then(|j| lower.get(j)) else {
        return true;
    };
    if !prev.is_ascii_alphanumeric() && prev.is_ascii() {
        return true;
    }
    // (The whole value is checked for ASCII last: only at a hump, not at every byte.)
    let v = value.as_bytes();
    v.get(i).is_some_and(u8::is_ascii_uppercase)
        && v.get(i - 1).is_some_and(u8::is_ascii_lowercase)
        && value.is_ascii()
}

/// True when a `class` value names a photo credit (`credit`, `copyright`, ...).
///
/// ```
/// use marsad_extract::html::hints::is_credit_class;
/// assert!(is_credit_class("image-credit"));
/// assert!(!is_credit_class("caption"));
/// ```
pub fn is_credit_class(value: &str) -> bool {
    let t = &*TABLE;
    let lower = value.to_lowercase();
    t.credit_contains.iter().any(|w| lower.contains(w.as_str()))
        || lower
            .split(|c: char| !c.is_alphanumeric())
            .any(|w| t.credit_token.iter().any(|c| c == w))
}

/// True when a `class` or `id` value names a story's body: it holds one of the content words
/// matched anywhere in a value (`contains` rows of `data/content_hints.tsv`: `articleBody`,
/// `entry-content`, `story-body`, ...), not only a word as general as "content".
///
/// ```
/// use marsad_extract::html::hints::names_story_body;
/// assert!(names_story_body("articleBody"));
/// assert!(names_story_body("c-entry-content wide"));
/// assert!(!names_story_body("modal-content"));
/// ```
pub fn names_story_body(value: &str) -> bool {
    let lower = value.to_lowercase();
    TABLE
        .contains
        .iter()
        .flatten()
        .any(|w| w.hint == Hint::Pos && memchr::memmem::find(lower.as_bytes(), &w.bytes).is_some())
}

/// The hint of an element from its tag, `role`, `itemprop` and the [`class_hint`]s of its
/// `class` and `id`.
pub fn element_hint(
    tag: &str,
    role: Option<&str>,
    itemprop: Option<&str>,
    class: Option<Hint>,
    id: Option<Hint>,
) -> Hint {
    match tag {
        "nav" | "menu" => return Hint::Neg(Reason::Nav),
        "footer" => return Hint::Neg(Reason::Nav),
        "aside" => return Hint::Neg(Reason::Related),
        "button" | "select" | "dialog" => return Hint::Neg(Reason::Ui),
        "html" | "body" => return Hint::None,
        _ => {}
    }
    if let Some(r) = role {
        match r.trim().to_ascii_lowercase().as_str() {
            "navigation" | "menu" | "menubar" | "tablist" | "search" => {
                return Hint::Neg(Reason::Nav);
            }
            "banner" | "contentinfo" => return Hint::Neg(Reason::Nav),
            "complementary" => return Hint::Neg(Reason::Related),
            "dialog" | "alertdialog" | "button" => return Hint::Neg(Reason::Ui),
            "main" | "article" => return Hint::Pos,
            _ => {}
        }
    }
    // A schema.org counter (`interactionStatistic`, `upvoteCount`, `commentCount`,
    // `reviewCount`: a post's "1 Like", an answer's vote score, a product's "(159)") is a
    // figure about the page, not its text.
    if itemprop.is_some_and(is_counter_prop) {
        return Hint::Neg(Reason::Ui);
    }
    if let Some(p) = itemprop
        && (p.contains("articleBody") || p.contains("text") || p.contains("reviewBody"))
    {
        return Hint::Pos;
    }
    let a = class.unwrap_or(Hint::None);
    let b = id.unwrap_or(Hint::None);
    let h = if rank(b) > rank(a) { b } else { a };
    if h == Hint::None && matches!(tag, "article" | "main") {
        return Hint::Pos;
    }
    // A form beside a story is a sign-up, search or comment form; on a landing page it may be
    // one of its sections (and a page wrapped whole in a `<form>` is no boilerplate: the
    // wrapper rule of the selection keeps it).
    if h == Hint::None && tag == "form" {
        return Hint::Story(Reason::Ui);
    }
    h
}

/// True when an `itemprop` value names a schema.org counter: `interactionStatistic` or a
/// property ending in `Count` (`upvoteCount`, `answerCount`, `commentCount`, `reviewCount`).
///
/// ```
/// use marsad_extract::html::hints::is_counter_prop;
/// assert!(is_counter_prop("upvoteCount"));
/// assert!(is_counter_prop("interactionStatistic"));
/// assert!(!is_counter_prop("articleBody"));
/// assert!(!is_counter_prop("text"));
/// ```
pub fn is_counter_prop(itemprop: &str) -> bool {
    itemprop.split_ascii_whitespace().any(|p| {
        p.eq_ignore_ascii_case("interactionStatistic")
            || (p.len() > 5
                && p.get(p.len() - 5..)
                    .is_some_and(|s| s.eq_ignore_ascii_case("Count")))
    })
}

/// The `id` prefix of a segment streamed by server rendering (React's `<div hidden id="S:1f">`,
/// moved into its placeholder and shown by the page's scripts).
pub const STREAMED_SEGMENT_PREFIX: &str = "S:";

/// True when an element's `id` names a streamed server-rendering segment: `S:` and then one or
/// more letters or digits.
///
/// ```
/// use marsad_extract::html::hints::is_streamed_segment;
/// assert!(is_streamed_segment(Some("S:2e")));
/// assert!(!is_streamed_segment(Some("S:")));
/// assert!(!is_streamed_segment(Some("menu")));
/// assert!(!is_streamed_segment(None));
/// ```
pub fn is_streamed_segment(id: Option<&str>) -> bool {
    id.and_then(|v| v.strip_prefix(STREAMED_SEGMENT_PREFIX))
        .is_some_and(|rest| !rest.is_empty() && rest.bytes().all(|b| b.is_ascii_alphanumeric()))
}

/// True when the element is hidden by its markup (`hidden`, inline `display:none`).
///
/// ```
/// use marsad_extract::html::hints::is_hidden;
/// assert!(is_hidden(false, None, Some("color: red; DISPLAY : None")));
/// assert!(is_hidden(false, None, Some("visibility:hidden")));
/// assert!(!is_hidden(false, None, Some("overflow: hidden; color: red")));
/// assert!(!is_hidden(false, Some("true"), Some("margin: 0")));
/// ```
pub fn is_hidden(hidden: bool, aria_hidden: Option<&str>, style: Option<&str>) -> bool {
    if hidden {
        return true;
    }
    // `aria-hidden` hides from screen readers only: the text is on screen (sites use it on
    // the visible twin of a mobile/desktop pair), so it is not a reason to drop.
    let _ = aria_hidden;
    // (Most styles hold neither word: they are passed over without a folded copy.)
    let holds = |s: &str, w: &[u8]| {
        s.as_bytes()
            .windows(w.len())
            .any(|x| x.eq_ignore_ascii_case(w))
    };
    if let Some(s) = style
        && (holds(s, b"none") || holds(s, b"hidden"))
    {
        let s: String = s
            .chars()
            .filter(|c| !c.is_whitespace())
            .map(|c| c.to_ascii_lowercase())
            .collect();
        if s.contains("display:none") || s.contains("visibility:hidden") {
            return true;
        }
    }
    false
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn the_class_cache_hash_tells_values_apart_by_every_byte_and_length() {
        use std::hash::BuildHasher;
        let h = |s: &str| WordHashBuild::default().hash_one(s);
        let long = "flex items-center justify-between gap-4 px-6 py-3 text-sm";
        let copy: String = long.chars().collect();
        assert_eq!(h(long), h(&copy));
        assert_ne!(h(long), h(&long.replace("py-3", "py-4")));
        assert_ne!(h("ab"), h("ab\0"));
        assert_ne!(h("entry-content"), h("entry-contenu"));
    }

    type RefTable = (
        HashMap<String, Hint>,
        Vec<(String, Hint)>,
        Vec<String>,
        Vec<String>,
        Vec<String>,
    );

    static REFERENCE: LazyLock<RefTable> = LazyLock::new(|| {
        let mut token: HashMap<String, Hint> = HashMap::new();
        let mut contains: Vec<(String, Hint)> = Vec::new();
        let mut except: Vec<String> = Vec::new();
        let mut embeds: Vec<String> = Vec::new();
        let mut utilities: Vec<String> = Vec::new();
        for line in HINTS_TSV.lines() {
            let cols: Vec<&str> = line.split('\t').collect();
            let [kind, how, word, why] = cols[..] else {
                continue;
            };
            if kind == "not" {
                except.push(word.to_lowercase());
                continue;
            }
            if kind == "embed" {
                embeds.push(word.to_lowercase());
                continue;
            }
            if kind == "utility" {
                utilities.push(word.to_lowercase());
                continue;
            }
            let hint = match kind {
                "pos" => Hint::Pos,
                "neg" => Hint::Neg(reason(why)),
                "story" => Hint::Story(reason(why)),
                "soft" => Hint::Soft,
                _ => continue,
            };
            match how {
                "token" => {
                    token.insert(word.to_lowercase(), hint);
                }
                "contains" => contains.push((word.to_lowercase(), hint)),
                _ => {}
            }
        }
        (token, contains, except, embeds, utilities)
    });

    /// The first implementation (a `contains` scan per word), kept to check the matcher.
    fn class_hint_reference(value: &str) -> Hint {
        if value.is_empty() || value.len() > 512 {
            return Hint::None;
        }
        let value = &*super::without_atomic_words(value);
        let value = &*super::without_element_modifiers(value);
        let (token, contains, except, embeds, utilities) = &*REFERENCE;
        let lower = value.to_lowercase();
        let mut best = Hint::None;
        let mut pos = false;
        let take = |h: Hint, best: &mut Hint| {
            if rank(h) > rank(*best) {
                *best = h;
            }
        };
        for word in lower.split_whitespace() {
            // In a layout utility word, the utility's own pieces ("content") are no hint.
            let base = word.rsplit(':').next().unwrap_or(word);
            let utility = utilities.iter().any(|u| base.starts_with(u.as_str()));
            let own_piece = |sub: &str| {
                utilities
                    .iter()
                    .any(|u| u.split(|c: char| !c.is_alphanumeric()).any(|p| p == sub))
            };
            if let Some(&h) = token.get(word) {
                pos |= h == Hint::Pos;
                take(h, &mut best);
            }
            if word.contains(|c: char| !c.is_alphanumeric()) {
                for sub in word.split(|c: char| !c.is_alphanumeric()) {
                    if utility && own_piece(sub) {
                        continue;
                    }
                    if let Some(&h) = token.get(sub) {
                        pos |= h == Hint::Pos;
                        take(h, &mut best);
                    }
                }
            }
        }
        for (w, h) in contains {
            if rank(*h) > rank(best)
                && lower.match_indices(w.as_str()).any(|(i, _)| {
                    super::at_subtoken_start(value, lower.as_bytes(), i)
                        && !except.iter().any(|x| lower[i..].starts_with(x.as_str()))
                })
            {
                take(*h, &mut best);
            }
        }
        let embed = embeds.iter().any(|w| {
            lower
                .match_indices(w.as_str())
                .any(|(i, _)| super::at_subtoken_start(value, lower.as_bytes(), i))
        });
        if (pos || embed) && matches!(best, Hint::Neg(_) | Hint::Story(_)) {
            return Hint::None;
        }
        best
    }

    fn table_words() -> Vec<String> {
        HINTS_TSV
            .lines()
            .filter(|l| !l.starts_with('#'))
            .filter_map(|l| l.split('\t').nth(2))
            .map(str::to_string)
            .collect()
    }

    #[test]
    fn matcher_equals_reference_on_table_words() {
        let words = table_words();
        let seps = [" ", "-", "_", "  ", "\t", "\u{b}", "X", "é", "\u{a0}"];
        for a in &words {
            for b in &words {
                for sep in seps {
                    for v in [
                        format!("{a}{sep}{b}"),
                        format!("{}{sep}{b}x", a.to_uppercase()),
                    ] {
                        assert_eq!(class_hint(&v), class_hint_reference(&v), "{v:?}");
                    }
                }
            }
        }
    }

    proptest! {
        #[test]
        fn matcher_equals_reference(
            parts in proptest::collection::vec(
                prop_oneof![
                    proptest::sample::select(table_words()),
                    "[a-zA-Z0-9 _\\-]{0,6}",
                    "[\\PC]{0,3}",
                    "[\\x00-\\x7f]{0,4}",
                ],
                0..8,
            )
        ) {
            let v: String = parts.concat();
            prop_assert_eq!(class_hint(&v), class_hint_reference(&v));
        }
    }

    #[test]
    fn table_loads() {
        assert!(TABLE.token.iter().map(Vec::len).sum::<usize>() > 40);
        assert_eq!(class_hint("entry-content"), Hint::Pos);
        assert_eq!(class_hint("comments-area"), Hint::Soft);
        assert_eq!(class_hint("site-footer"), Hint::Neg(Reason::Nav));
        assert_eq!(class_hint("entry-footer"), Hint::None);
        assert_eq!(class_hint("header"), Hint::None);
        assert_eq!(class_hint("shadow heading"), Hint::None);
    }

    #[test]
    fn atomic_css_words_are_no_hint() {
        // Atomizer (Yahoo): a breakpoint named "modalMinWidth" is no modal dialog.
        for v in [
            "Cf Maw(635px) Mstart(137px)--modalMinWidth Mend(380px)--modalMinWidth",
            "Mstart(82px)!--modalFloatingCloseBtn",
            "top-[var(--header-height)] h-[calc(100vh-var(--nav-height))]",
            "before:content-['|'] shadow-[0_2px_4px_rgba(0,0,0,0.1)]",
        ] {
            assert_eq!(class_hint(v), Hint::None, "{v}");
        }
        // The words beside them still count, and so does a Tailwind utility after an
        // arbitrary variant.
        assert_eq!(class_hint("W(300px) modalRight"), Hint::Neg(Reason::Ui));
        assert_eq!(
            class_hint("[&>*:nth-child(2n+1)]:share-bar"),
            class_hint("share-bar")
        );
        assert_eq!(class_hint("Pos(r) article-body"), Hint::Pos);
    }

    #[test]
    fn layout_utility_classes_are_no_content_hint() {
        for v in [
            "row no-gutters justify-content-between",
            "d-flex align-content-center",
            "grid md:content-center",
            "flex place-content-evenly",
        ] {
            assert_eq!(class_hint(v), Hint::None, "{v}");
        }
        // A content class beside a utility keeps its hint.
        assert_eq!(
            class_hint("entry-content justify-content-center"),
            Hint::Pos
        );
        assert_eq!(class_hint("content-area"), Hint::Pos);
    }

    #[test]
    fn an_embedded_social_post_is_not_a_share_widget() {
        for v in ["social-media-embed", "social-embed", "article-socialEmbed"] {
            assert_eq!(class_hint(v), Hint::None, "{v}");
        }
        // A share bar and Webflow's code embed beside a share icon stay share widgets.
        for v in [
            "social",
            "social w-embed",
            "social-share embed",
            "embed-social-links",
        ] {
            assert_eq!(class_hint(v), Hint::Neg(Reason::Share), "{v}");
        }
    }

    #[test]
    fn footnote_lists_are_boilerplate() {
        // A post's footnote list (its source notes, "↩" back links) is not its text.
        for v in ["footnotes", "wp-block-footnotes", "footnotes-list"] {
            assert_eq!(class_hint(v), Hint::Neg(Reason::Boilerplate), "{v}");
        }
    }

    #[test]
    fn news_tickers_are_related_stories() {
        assert_eq!(
            class_hint("breaking-news lazyload"),
            Hint::Neg(Reason::Related)
        );
        assert_eq!(
            class_hint("breakingNewsContainer"),
            Hint::Neg(Reason::Related)
        );
        assert_eq!(
            class_hint("ticker fx-sm-hidden"),
            Hint::Neg(Reason::Related)
        );
        assert_eq!(class_hint("stock-tickers"), Hint::None);
    }

    #[test]
    fn calls_to_action_and_promos_are_story_hints() {
        assert_eq!(class_hint("cmp-cta__container"), Hint::Story(Reason::Ad));
        assert_eq!(class_hint("PagePromo-title"), Hint::Story(Reason::Ad));
        // A boilerplate word still wins over a story word.
        assert_eq!(class_hint("cta site-footer"), Hint::Neg(Reason::Nav));
        assert_eq!(Hint::Story(Reason::Ad).neg_reason(true), Some(Reason::Ad));
        assert_eq!(Hint::Story(Reason::Ad).neg_reason(false), None);
        assert_eq!(Hint::Neg(Reason::Nav).neg_reason(false), Some(Reason::Nav));
    }

    #[test]
    fn forms_and_callouts_are_story_hints() {
        for (v, r) in [
            ("gform_wrapper", Reason::Ui),
            ("newsletter form", Reason::Share),
            ("wpcf7", Reason::Ui),
            ("form", Reason::Ui),
            ("alert alert-info", Reason::Ui),
            ("abh_box abh_box_down", Reason::Boilerplate),
            ("heroBanner", Reason::Ad),
            ("banner", Reason::Ad),
            ("download-box", Reason::Share),
        ] {
            let want = if v.contains("newsletter") {
                Hint::Neg(r)
            } else {
                Hint::Story(r)
            };
            assert_eq!(class_hint(v), want, "{v}");
        }
    }

    #[test]
    fn a_form_is_a_story_hint_unless_its_class_says_more() {
        assert_eq!(
            element_hint("form", None, None, None, None),
            Hint::Story(Reason::Ui)
        );
        assert_eq!(
            element_hint("form", None, None, Some(Hint::Pos), None),
            Hint::Pos
        );
        assert_eq!(element_hint("div", None, None, None, None), Hint::None);
    }

    #[test]
    fn tables_of_contents_meta_lines_and_tooltips() {
        assert_eq!(class_hint("ez-toc-container"), Hint::Neg(Reason::Nav));
        assert_eq!(
            class_hint("wp-block-table-of-contents"),
            Hint::Neg(Reason::Nav)
        );
        assert_eq!(class_hint("meta-info"), Hint::Story(Reason::Boilerplate));
        assert_eq!(class_hint("tooltipContent"), Hint::Story(Reason::Ui));
        // A video player's settings menu beside a story ("Video Quality", "Closed Captions").
        assert_eq!(
            class_hint("yvp-settings-container"),
            Hint::Story(Reason::Ui)
        );
        assert_eq!(class_hint("presettings"), Hint::None);
        // Not inside a word.
        assert_eq!(class_hint("metadata"), Hint::None);
    }

    #[test]
    fn a_not_word_stops_a_contains_word_at_its_start() {
        // "commentary" (a PEP's commentary section, an op-ed) is not a comment section.
        assert_eq!(class_hint("commentary"), Hint::None);
        assert_eq!(class_hint("section-commentary"), Hint::None);
        // Glued comment names still match, and so does a later "comment" in the value.
        assert_eq!(class_hint("commentlist"), Hint::Soft);
        assert_eq!(class_hint("commentary commentform"), Hint::Soft);
        // A formula with a context menu attached (MathJax) is no menu; the menu itself is.
        assert_eq!(class_hint("MathJax CtxtMenu_Attached_0"), Hint::None);
        assert_eq!(class_hint("CtxtMenu_Menu"), Hint::Neg(Reason::Nav));
    }

    #[test]
    fn an_elements_ad_modifier_is_no_ad() {
        // A story's section ads are set into is the story's; an ad box stays one, and an
        // element's other variants keep their hints.
        assert_eq!(
            class_hint("TestReport__Section TestReport__Section--Ads"),
            Hint::None
        );
        assert_eq!(class_hint("ad--top"), class_hint("ad"));
        assert_eq!(
            class_hint("Article__adSlot--Ads"),
            class_hint("Article__adSlot")
        );
        assert_eq!(
            class_hint("c-article__body c-article__body--ads-enabled"),
            class_hint("c-article__body")
        );
        // A modifier naming what the element is keeps its hint: an ad slot.
        assert_eq!(class_hint("o-grid__item--ad"), class_hint("ad"));
        assert_eq!(
            class_hint("review__name review__name--sidebar"),
            class_hint("sidebar")
        );
    }

    #[test]
    fn listing_words_are_story_hints() {
        // Words naming a listing or landing page's content there, boilerplate beside a story.
        assert_eq!(class_hint("search"), Hint::Story(Reason::Ui));
        assert_eq!(
            class_hint("StyledCustomerCardFooter"),
            Hint::Story(Reason::Nav)
        );
        assert_eq!(class_hint("sponsored-products"), Hint::Story(Reason::Ad));
        assert_eq!(class_hint("overlay"), Hint::Story(Reason::Ui));
        assert_eq!(class_hint("masthead"), Hint::Story(Reason::Nav));
        // A page's own footer stays boilerplate everywhere.
        assert_eq!(class_hint("site-footer"), Hint::Neg(Reason::Nav));
        assert_eq!(class_hint("footer"), Hint::Neg(Reason::Nav));
    }

    #[test]
    fn author_boxes_and_signup_boxes_are_story_hints() {
        for v in [
            "author_detail_box clearfix",
            "AuthorsSection_card__9BCgr",
            "byline-wrapper",
            "subscription-box",
            "signupForm",
            "star-rating",
        ] {
            assert!(matches!(class_hint(v), Hint::Story(_)), "{v}");
        }
        // The boilerplate rows of the author box stay boilerplate everywhere.
        assert_eq!(class_hint("author-bio"), Hint::Neg(Reason::Boilerplate));
    }

    #[test]
    fn contains_words_match_at_subtoken_starts() {
        assert_eq!(class_hint("mainMenu"), Hint::Neg(Reason::Nav));
        assert_eq!(class_hint("site-menuwrap"), Hint::Neg(Reason::Nav));
        assert_eq!(class_hint("contextmenu-target"), Hint::None);
    }
}
