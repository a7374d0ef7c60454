//! The parts around the body: figures (file name, caption, credit, date), stamps, dateline and
//! title. Each reads only lines no earlier step has taken.

use std::collections::HashMap;
use std::sync::LazyLock;

use crate::caption::{caption_date, split_credit};
use crate::html::meta::line_date;
use marsad_arabic::dateline::find_dateline;
use marsad_arabic::dates::parse_stamp;
use marsad_arabic::phrases::{Mark, fold};
use marsad_model::{Article, Figure, Precision, Span, Text};

use super::classify::Class;
use super::lines::{Line, LineKind};
use super::{MAX_TITLE_WORDS, Role, line_text, sub_text};

/// Longest caption, in tokens.
const MAX_CAPTION_TOKENS: u32 = 60;

/// How many lines past the first full paragraph may still hold the title (the body region
/// can open on a page's own blurb, a dek, or a notice such as "enable JavaScript" above a long
/// menu, before the headline; past the paragraph only a line the URL names may win).
const TITLE_AFTER_ANCHOR: usize = 90;

/// Tokens a sentence line needs to count as prose for the title's evidence.
const TITLE_PROSE_TOKENS: u32 = 8;

/// What each prose line above a candidate costs it (up to three).
const TITLE_PROSE_ABOVE: f64 = 0.3;

/// What a candidate gains when a byline or stamp follows it within
/// [`TITLE_META_REACH`] lines with no prose between.
const TITLE_META_BONUS: f64 = 1.0;

/// How far below the headline its byline or stamp may sit, in lines.
const TITLE_META_REACH: usize = 6;

/// Recall weight of the URL agreement (an F-beta: a headline covers its slug and says more).
const TITLE_URL_BETA: f64 = 2.0;

/// What a line gains when its words are exactly those of the URL's last path segment.
const TITLE_SEGMENT_BONUS: f64 = 1.0;

/// What a line of [`TITLE_FULL_WORDS`] words or more gains for its length (headlines are
/// longer than section names and menu items), in proportion below.
const TITLE_LENGTH_BONUS: f64 = 0.6;

/// Words at which a line gets the whole length bonus.
const TITLE_FULL_WORDS: u32 = 12;

/// The URL-slug agreement (F measure) a line past the first paragraph needs to be the title.
const TITLE_URL_NAMED: f64 = 0.5;

/// What a line below the first full paragraph loses, besides its disagreement with the URL:
/// the URL's words also head sections of the body (a subheading spelling the slug, an item
/// heading), so the headline above the paragraph comes first unless the line below says the
/// URL's words clearly better.
const TITLE_PAST_ANCHOR: f64 = 0.8;

/// What the first candidate in the window gains.
const TITLE_FIRST_BONUS: f64 = 0.2;

/// What a line ending on an item count in brackets loses (a facet of a listing's filters).
const TITLE_COUNT_PENALTY: f64 = 1.0;

/// Most digits of an item count in brackets ("(27)"; "(2019)" is a year).
const MAX_COUNT_DIGITS: usize = 3;

/// What a headline-sized line gains when it occurs more than once on the page.
const TITLE_REPEAT_BONUS: f64 = 0.4;

/// Paragraphs of the body region that may stand above its stamp (a deck, a lead).
const MAX_PROSE_ABOVE_STAMP: usize = 2;

/// How many lines above a slug-spelling line an earlier, fuller statement of it is looked for.
const TITLE_RESTATE_REACH: usize = 80;

/// Longest stamp line, in words.
pub(crate) const MAX_STAMP_WORDS: u32 = 14;

/// Longest dateline line, in words.
const MAX_DATELINE_WORDS: u32 = 8;

/// Image file names become figures when they sit before or in the body; the line after one
/// is its caption when it is caption-shaped (before the body) or carries a credit, and is not
/// a byline (an author's photo, then "By" and the name, on one line or two).
pub(crate) fn figures(
    lines: &[Line],
    roles: &mut [Role],
    classes: &[Class],
    from: usize,
    to: usize,
    body_start: usize,
    article: &mut Article,
) {
    for i in from..to.min(lines.len()) {
        if roles[i] != Role::Unset || !lines[i].f.file {
            continue;
        }
        roles[i] = Role::FigureSrc;
        let mut fig = Figure {
            src: line_text(&lines[i]),
            alt: None,
            caption: None,
            credit: None,
            date: None,
        };
        if let Some(j) = (i + 1 < lines.len()).then_some(i + 1)
            && roles[j] == Role::Unset
            && lines[j].kind == LineKind::Text
            && !lines[j].f.file
            && lines[j].f.tokens <= MAX_CAPTION_TOKENS
            && !is_byline_word(lines[j].text)
            && byline_at(&lines[j], 0).is_none()
        {
            let l = &lines[j];
            let credit = split_credit(l.text);
            let before_body = j < body_start;
            let caption_shaped = before_body && classes[j] != Class::Good;
            if credit.is_some() || caption_shaped {
                let mut cap_end = l.text.len();
                if let Some((end, c)) = &credit {
                    fig.credit = sub_text(l, c.span.start, c.span.end);
                    cap_end = *end;
                }
                fig.caption = sub_text(l, 0, cap_end);
                if let Some(cap) = &fig.caption {
                    fig.date = caption_date(&cap.text);
                }
                roles[j] = Role::Caption;
            }
        }
        article.figures.push(fig);
    }
}

/// Where the headline block that may open the body region ends: after `reach` lines, or at
/// the paragraph past [`MAX_PROSE_ABOVE_STAMP`] (a deck and a lead may stand above the stamp
/// and byline; then the prose runs on).
pub(crate) fn head_block_end(lines: &[Line], body: usize, reach: usize) -> usize {
    let end = body.saturating_add(reach).min(lines.len());
    let mut prose = 0;
    for (i, l) in lines.iter().enumerate().take(end).skip(body) {
        if l.f.tokens >= super::ANCHOR_TOKENS && l.f.end_punct {
            prose += 1;
            if prose > MAX_PROSE_ABOVE_STAMP {
                return i;
            }
        }
    }
    end
}

/// Stamp lines before the body, or in the headline block opening its region (up to `to`,
/// see [`head_block_end`]; from `body` on, a stamp must name a day: a year opening a headline
/// is not one): the first is `published`, a later one (or one labelled as an update) is
/// `modified`; a bare year or month is `published` only until a stamp naming the day comes.
pub(crate) fn stamps(
    lines: &[Line],
    roles: &mut [Role],
    (from, body, to): (usize, usize, usize),
    zone_hint: Option<&str>,
    article: &mut Article,
) {
    // The line of the published stamp (a later stamp naming the day may replace a bare year).
    let mut published_at: Option<usize> = None;
    for i in from..to.min(lines.len()) {
        if article.published.is_some() && article.modified.is_some() {
            break;
        }
        let l = &lines[i];
        let labelled_update = l.phrase.is_some_and(|m| m.mark == Mark::Live);
        let free = roles[i] == Role::Unset || labelled_update;
        if !free || l.kind != LineKind::Text || l.f.words > MAX_STAMP_WORDS || l.f.digits == 0 {
            continue;
        }
        // An Arabic (or numeric) stamp: its own place names its zone; the hint (the
        // dateline's) only fills a gap. Otherwise a date line in other languages
        // ("Published March 5, 2025", "Updated 6 Sep 2025"), read as the HTML reader does.
        let mut labelled = labelled_update;
        let coarse = |p: Precision| matches!(p, Precision::Year | Precision::Month);
        let latin = || {
            line_date(l.text, false)
                .or_else(|| signed_date(l))
                .map(|(f, update)| {
                    let text = l.text.get(f.start..f.end).unwrap_or("");
                    (f.stamp(text, Span::new(f.start, f.end)), update)
                })
        };
        // The stamp must be most of the line (not a date inside a sentence).
        let stamp = parse_stamp(l.text, None)
            .filter(|s| s.span.len() * 2 >= l.text.len() || l.f.words <= 6);
        // A bare year the Arabic reader saw in a date it cannot read whole ("January 20th,
        // 2025") yields to the date-line reader when that one reads the day.
        let finer = stamp
            .as_ref()
            .filter(|s| coarse(s.precision))
            .and_then(|_| latin())
            .filter(|(d, _)| !coarse(d.precision));
        // A time the Arabic reader left without offset on a line in another script ("7:07 PM
        // EST Nov 19, 2019") takes the date-line reader's, which knows the zone names
        // (data/meta_zones.tsv), when both read the same day.
        let zoned = || {
            stamp
                .as_ref()
                .filter(|s| {
                    s.utc.is_none() && matches!(s.precision, Precision::Minute | Precision::Second)
                })
                .filter(|_| !crate::html::meta::date::has_arabic(l.text))
                .and_then(|s| latin().filter(|(d, _)| d.utc.is_some() && d.day() == s.day()))
        };
        let finer = finer.or_else(zoned);
        let mut s = if let Some((d, update)) = finer {
            labelled |= update;
            d
        } else if let Some(mut s) = stamp {
            if s.zone.is_none()
                && let Some(z) = zone_hint
                && let Some(hinted) = parse_stamp(l.text, Some(z))
            {
                s = hinted;
            }
            s
        } else if let Some((d, update)) = latin() {
            labelled |= update;
            d
        } else {
            continue;
        };
        if i >= body && coarse(s.precision) {
            continue;
        }
        s.span = s.span.shift(l.span.start);
        let is_update = labelled && article.published.is_some();
        if !is_update && article.published.is_none() {
            article.published = Some(s);
            published_at = Some(i);
        } else if coarse(s.precision) {
            // A bare year or month after the first stamp adds nothing.
            continue;
        } else if let Some(at) = published_at
            && article
                .published
                .as_ref()
                .is_some_and(|p| coarse(p.precision))
        {
            // A stamp naming the day takes the place of a bare year or month (a headline
            // "2025 in Review", an issue label "2016 Issue"), whose line is let go; an update
            // stamp too ("Updated: December 9, 2025"): a page that shows only an update date is
            // dated by it, as in HTML.
            roles[at] = Role::Unset;
            article.published = Some(s);
            published_at = Some(i);
        } else if article.modified.is_none() {
            article.modified = Some(s);
        } else {
            continue;
        }
        roles[i] = Role::Stamp;
    }
}

/// The date of a line that signs it: names and "on" before it ("Jane Doe on Dec. 13, 2025"),
/// or a byline word whose names the page left out ("Written By Feb 11, 2019 · 3 min read").
/// (Not an update: an update label stands before its date.)
fn signed_date(l: &Line) -> Option<(crate::html::meta::date::Found, bool)> {
    // Cheap first: a byline word may open the line, or an "on" stands in it.
    let t = l.text.as_bytes();
    if !may_open_byline(l.text.trim_start())
        && memchr::memmem::find(t, b" on ").is_none()
        && memchr::memmem::find(t, b" On ").is_none()
    {
        return None;
    }
    let f = crate::html::meta::date::find(l.text, false)?;
    let head = l.text.get(..f.start)?.trim_end();
    let tail_words = l.text.get(f.end..)?.split_whitespace().count();
    if tail_words > crate::html::meta::MAX_DATE_LINE_WORDS {
        return None;
    }
    let on = head
        .len()
        .checked_sub(3)
        .and_then(|k| head.get(k..))
        .is_some_and(|t| t.eq_ignore_ascii_case(" on"));
    // A name of two words or more, each capitalised, before "on" ("Talks resume on Dec. 13,
    // 2025" is a headline).
    let named = || {
        let words = head.get(..head.len() - 3).unwrap_or("").split_whitespace();
        let capitalised = |w: &str| w.chars().next().is_some_and(char::is_uppercase);
        (2..=MAX_NAME_WORDS).contains(&words.clone().count())
            && words.into_iter().all(capitalised)
            && names_before_date(l, f.start).is_some()
    };
    let signed = (on && named()) || is_byline_word(head);
    signed.then_some((f, false))
}

/// The byline prefixes' data (`data/text_byline_prefixes.tsv`): a prefix a line, then
/// optionally a tab and `cased` (the names after it must open on a capital).
const BYLINE_PREFIX_DATA: &str = include_str!("../../data/text_byline_prefixes.tsv");

/// Byline prefixes, folded, longest first.
static BYLINE_PREFIXES: LazyLock<Vec<String>> = LazyLock::new(|| {
    let mut v: Vec<String> = BYLINE_PREFIX_DATA
        .lines()
        .filter(|l| !l.starts_with('#'))
        .map(|l| fold(l.split('\t').next().unwrap_or("").trim()))
        .filter(|l| !l.is_empty())
        .collect();
    v.sort_by_key(|p| std::cmp::Reverse(p.len()));
    v
});

/// The folded byline prefixes whose names must open on a capital: a label noun ("Author")
/// also opens other lines ("Author image", "Author of this article"), which a name does not
/// continue in lower case.
static CASED_BYLINE_PREFIXES: LazyLock<Vec<String>> = LazyLock::new(|| {
    crate::data::tsv_rows(BYLINE_PREFIX_DATA)
        .filter(|(_, flag)| *flag == "cased")
        .map(|(p, _)| fold(p))
        .collect()
});

/// The first characters of the folded byline prefixes that are ASCII: a line opening on
/// another ASCII character (whose fold is its lower case) opens no byline.
static BYLINE_ASCII_FIRST: LazyLock<[bool; 128]> = LazyLock::new(|| {
    let mut t = [false; 128];
    for p in BYLINE_PREFIXES.iter() {
        if let Some(&b) = p.as_bytes().first()
            && let Some(x) = t.get_mut(usize::from(b))
        {
            *x = true;
        }
    }
    t
});

/// False when `text` (trimmed) cannot open on a byline prefix: its first character is an
/// ASCII letter, digit or mark that no folded prefix opens with.
fn may_open_byline(text: &str) -> bool {
    match text.bytes().next() {
        Some(b) if b.is_ascii_graphic() => BYLINE_ASCII_FIRST
            .get(usize::from(b.to_ascii_lowercase()))
            .copied()
            .unwrap_or(false),
        _ => true,
    }
}

/// Words of the longest byline prefix ("Written by").
static BYLINE_PREFIX_WORDS: LazyLock<usize> = LazyLock::new(|| {
    BYLINE_PREFIXES
        .iter()
        .map(|p| p.split_whitespace().count())
        .max()
        .unwrap_or(0)
});

/// Longest byline line, in words.
const MAX_BYLINE_WORDS: u32 = 10;

/// The byline: the first short line before the body (or in its headline block, up to `to`)
/// that opens with a byline word ("بقلم:", "By") followed by names; the names become `authors`, each with its span in the line.
pub(crate) fn byline(
    lines: &[Line],
    roles: &mut [Role],
    from: usize,
    to: usize,
    article: &mut Article,
) {
    if !article.authors.is_empty() {
        return;
    }
    for i in from..to.min(lines.len()) {
        let l = &lines[i];
        // A byline may share its line with the stamp ("By Jane Doe | May 19, 2024").
        let free = matches!(
            roles[i],
            Role::Unset | Role::Stamp | Role::Chrome(marsad_model::Reason::Nav)
        );
        if !free || l.kind != LineKind::Text || l.f.words > MAX_BYLINE_WORDS || l.f.words < 2 {
            continue;
        }
        // On the stamp's line the byline may also follow the date ("May 19, 2024 by Jane Doe").
        let after_stamp = (roles[i] == Role::Stamp)
            .then(|| {
                [&article.published, &article.modified]
                    .into_iter()
                    .flatten()
                    .map(|s| s.span)
                    .find(|s| s.start >= l.span.start && s.end <= l.span.end)
                    .map(|s| s.end - l.span.start)
            })
            .flatten();
        let Some(texts) = byline_at(l, 0).or_else(|| after_stamp.and_then(|at| byline_at(l, at)))
        else {
            continue;
        };
        article.authors = texts;
        roles[i] = Role::Byline;
        return;
    }
    // A byline split over two lines: the byline word alone ("By", "Written by:"), then the
    // names on the next line.
    for i in from..to.min(lines.len()).saturating_sub(1) {
        let (l, next) = (&lines[i], &lines[i + 1]);
        let free = |r: Role| matches!(r, Role::Unset | Role::Chrome(marsad_model::Reason::Nav));
        if !free(roles[i])
            || !(free(roles[i + 1]) || roles[i + 1] == Role::Stamp)
            || l.kind != LineKind::Text
            || l.f.words as usize > *BYLINE_PREFIX_WORDS + 1
            || !is_byline_word(l.text)
        {
            continue;
        }
        // The author's photo may stand between ("By", "Jane Doe avatar", "Jane Doe").
        let at = if super::author_box::portrait_name(next.text).is_some() {
            i + 2
        } else {
            i + 1
        };
        // The names may open the stamp's line ("Jane Doe on Dec. 13, 2025").
        let names = lines.get(at).and_then(|l| match roles[at] {
            Role::Unset | Role::Chrome(marsad_model::Reason::Nav) => names_line(l),
            Role::Stamp => crate::html::meta::date::find(l.text, false)
                .and_then(|d| names_before_date(l, d.start)),
            _ => None,
        });
        if let Some(texts) = names {
            article.authors = texts;
            for r in &mut roles[i..=at] {
                if *r != Role::Stamp {
                    *r = Role::Byline;
                }
            }
            return;
        }
    }
}

/// How many lines under the headline a line of names may stand (an author's photo, a deck or
/// a repeated name between).
const NAMES_UNDER_TITLE: usize = 5;

/// How many lines above the stamp a line of names may stand ("9 min read" between).
const NAMES_ABOVE_STAMP: usize = 2;

/// The byline without a byline word: a line of names ([`names_line`], two words or more, not
/// the headline again) at most [`NAMES_UNDER_TITLE`] lines under the headline (line `title`),
/// with no paragraph between, and at most [`NAMES_ABOVE_STAMP`] lines above the stamp: the
/// usual "headline, author, date" block. Only when no byline was found.
pub(crate) fn names_above_stamp(
    lines: &[Line],
    roles: &mut [Role],
    title: usize,
    article: &mut Article,
) {
    if !article.authors.is_empty() || article.published.is_none() {
        return;
    }
    let Some(head) = lines.get(title) else {
        return;
    };
    let end = title.saturating_add(1 + NAMES_UNDER_TITLE).min(lines.len());
    let head_words = Words::of(head.text);
    let mut line_words = Words::default();
    // The last line of names before the stamp (an author's photo, "Jane Doe's avatar", comes
    // before the name).
    let mut found: Option<(usize, Vec<Text>)> = None;
    for i in title + 1..end {
        let l = &lines[i];
        if roles[i] == Role::Stamp || (l.f.end_punct && l.f.tokens >= super::ANCHOR_TOKENS) {
            break;
        }
        if !matches!(
            roles[i],
            Role::Unset | Role::Chrome(marsad_model::Reason::Nav)
        ) || l.f.words < 2
            || is_byline_word(l.text)
            || !super::author_box::may_name(l)
        {
            continue;
        }
        let stamp_below = (i + 1..=i + NAMES_ABOVE_STAMP)
            .any(|j| roles.get(j).is_some_and(|r| *r == Role::Stamp));
        if !stamp_below {
            continue;
        }
        // A name's words open on capitals (a particle, "de", "van", may not); a line sharing
        // a word with the headline is its kicker or section.
        let Some(texts) = names_line(l) else { continue };
        let capitalised = capitalised(&texts);
        line_words.read(l.text);
        if capitalised && !line_words.iter().any(|w| head_words.contains(w)) {
            found = Some((i, texts));
        }
    }
    if let Some((i, texts)) = found {
        article.authors = texts;
        roles[i] = Role::Byline;
    }
}

/// True when every word of the names opens on a capital (a particle, "de", "van", may not).
pub(crate) fn capitalised(texts: &[Text]) -> bool {
    texts.iter().all(|t| {
        t.text.split_whitespace().all(|w| {
            w.chars().count() <= MAX_NAME_PARTICLE_CHARS
                || w.chars().next().is_some_and(|c| !c.is_lowercase())
        })
    })
}

/// Longest lower-case particle of a name ("de", "van", "bin"), in characters.
const MAX_NAME_PARTICLE_CHARS: usize = 3;

/// Most words of a line that holds only author names (after a byline word on its own line).
pub(crate) const MAX_NAMES_LINE_WORDS: u32 = 8;

/// Most words of one author name.
const MAX_NAME_WORDS: usize = 5;

/// True when a line is a byline word alone ("By", "Written by:", "بقلم:").
fn is_byline_word(text: &str) -> bool {
    let text = text.trim();
    if !may_open_byline(text) {
        return false;
    }
    let t = fold(text.trim_end_matches([':', '：']).trim_end());
    !t.is_empty() && BYLINE_PREFIXES.contains(&t)
}

/// The author names a line holds when it is only names ("Jane Doe", "Jane Doe and John Roe"):
/// a short line without digits or a closing colon whose names each open on a capital (or a
/// letter of a script without case) and are a few words long.
pub(crate) fn names_line(l: &Line) -> Option<Vec<Text>> {
    let f = &l.f;
    if l.kind != LineKind::Text
        || l.phrase.is_some()
        || f.file
        || f.digits != 0
        || f.end_colon
        || f.words == 0
        || f.words > MAX_NAMES_LINE_WORDS
        || super::author_box::portrait_name(l.text).is_some()
    {
        return None;
    }
    names_in(l, l.text)
}

/// The names a stamp line opens with ("Jane Doe on Dec. 13, 2025"): the line up to its
/// date (`date_at`, a byte offset in the line) read as a line of names.
fn names_before_date(l: &Line, date_at: usize) -> Option<Vec<Text>> {
    let head = l.text.get(..date_at)?;
    if head.bytes().any(|b| b.is_ascii_digit())
        || head.split_whitespace().count() as u32 > MAX_NAMES_LINE_WORDS
    {
        return None;
    }
    names_in(l, head)
}

/// [`names_line`]'s reading of `text`, a part of `l.text` from its start.
fn names_in(l: &Line, text: &str) -> Option<Vec<Text>> {
    let names = crate::html::meta::clean::author_names(text);
    let name_shaped = |n: &String| {
        n.split_whitespace().count() <= MAX_NAME_WORDS
            && n.chars()
                .next()
                .is_some_and(|c| c.is_alphabetic() && !c.is_lowercase())
    };
    if names.is_empty() || !names.iter().all(name_shaped) {
        return None;
    }
    let texts: Vec<Text> = names
        .iter()
        .filter_map(|n| {
            let k = l.text.find(n.as_str())?;
            sub_text(l, k, k + n.len())
        })
        .collect();
    (texts.len() == names.len()).then_some(texts)
}

/// The author names of a byline opening `l.text[at..]` (after spaces): a byline word followed
/// by a colon or a space, then names; `None` when the text there is not one.
fn byline_at(l: &Line, at: usize) -> Option<Vec<Text>> {
    let rest = l.text.get(at..)?;
    let at = at + (rest.len() - rest.trim_start().len());
    let rest = rest.trim_start();
    if !may_open_byline(rest) {
        return None;
    }
    // The prefix must be followed by a colon or a space (not run into a longer word), or, an
    // ASCII prefix ending in a small letter, by a capital that opens the name (a flattened page
    // runs "By" into the name's link: "ByNina Pineda"; "Bytes", "BYU" are words).
    let head: String = rest.chars().take(24).collect();
    let folded = fold(&head);
    let glued = |p: &str| {
        let b = rest.as_bytes();
        p.is_ascii()
            && rest
                .get(..p.len())
                .is_some_and(|h| h.eq_ignore_ascii_case(p))
            && b.get(p.len().wrapping_sub(1))
                .is_some_and(u8::is_ascii_lowercase)
            && b.get(p.len()).is_some_and(u8::is_ascii_uppercase)
    };
    let opens = BYLINE_PREFIXES.iter().find(|p| {
        folded.strip_prefix(p.as_str()).is_some_and(|tail| {
            (tail.starts_with([':', ' ', '：']) || glued(p))
                && !tail.trim_start_matches([':', ' ', '：']).is_empty()
        })
    })?;
    // The names follow the prefix: an ASCII prefix written as it is listed is cut off here
    // (the name reader knows only some of the list's labels, "By" not "Thread starter").
    let cut = rest
        .get(..opens.len())
        .filter(|h| opens.is_ascii() && h.eq_ignore_ascii_case(opens))
        .map_or(0, str::len);
    let (at, rest) = (at + cut, rest.get(cut..).unwrap_or(""));
    let names = crate::html::meta::clean::author_names(rest);
    if CASED_BYLINE_PREFIXES.contains(opens)
        && !names.iter().all(|n| {
            n.chars()
                .next()
                .is_some_and(|c| c.is_alphabetic() && !c.is_lowercase())
        })
    {
        return None;
    }
    let texts: Vec<Text> = names
        .iter()
        .filter_map(|n| {
            let k = rest.find(n.as_str())?;
            // A count run into the byline ends the name ("by Jane Doe 0 Comments").
            let len = n
                .split_whitespace()
                .find(|w| w.chars().all(|c| c.is_numeric()))
                .map_or(n.len(), |w| {
                    let c = w.as_ptr() as usize - n.as_ptr() as usize;
                    n[..c].trim_end().len()
                });
            sub_text(l, at + k, at + k + len)
        })
        .collect();
    (!texts.is_empty()).then_some(texts)
}

/// The dateline: a short line before the body that is a dateline ("إسطنبول - وكالات"), or one
/// opening the first body paragraph ("دبي، الإمارات (CNN)-- …", the paragraph stays in the body).
pub(crate) fn dateline(
    lines: &[Line],
    roles: &mut [Role],
    classes: &[Class],
    from: usize,
    body_start: usize,
    body_end: usize,
    article: &mut Article,
) {
    for i in from..body_start.min(lines.len()) {
        let l = &lines[i];
        if roles[i] != Role::Unset || l.kind != LineKind::Text || l.f.words > MAX_DATELINE_WORDS {
            continue;
        }
        if let Some(m) = find_dateline(l.text)
            && m.consumed + 1 >= l.text.len()
        {
            let mut d = m.dateline;
            d.span = d.span.shift(l.span.start);
            article.dateline = Some(d);
            roles[i] = Role::Dateline;
            return;
        }
    }
    // Inline, at the start of the first body paragraph.
    if let Some(i) = (body_start..body_end.min(lines.len()))
        .find(|&i| roles[i] == Role::Unset && classes[i] == Class::Good)
        && let Some(m) = find_dateline(lines[i].text)
    {
        let mut d = m.dateline;
        d.span = d.span.shift(lines[i].span.start);
        article.dateline = Some(d);
    }
}

/// Post-navigation labels (data: `data/text_post_nav.tsv`), lower-cased, as prebuilt
/// searchers (checked on many candidate lines).
static POST_NAV: LazyLock<Vec<memchr::memmem::Finder<'static>>> = LazyLock::new(|| {
    include_str!("../../data/text_post_nav.tsv")
        .lines()
        .map(str::trim)
        .filter(|l| !l.is_empty() && !l.starts_with('#'))
        .map(|l| memchr::memmem::Finder::new(l.to_lowercase().as_bytes()).into_owned())
        .collect()
});

/// True for a line that points to another page, never the headline: a post-navigation link
/// ("Back to overview Older post: Kubernetes: the new Gateway API", "← Previous Story") or a
/// pager ("7 posts • Page 1 of 1", "Viewing page 2 of 9").
pub(crate) fn links_elsewhere(text: &str) -> bool {
    let low = text.to_lowercase();
    if POST_NAV.iter().any(|f| f.find(low.as_bytes()).is_some()) {
        return true;
    }
    // "page N of M"
    low.match_indices("page ").any(|(at, m)| {
        let rest = &low[at + m.len()..];
        let n = rest.bytes().take_while(u8::is_ascii_digit).count();
        n > 0
            && rest[n..]
                .strip_prefix(" of ")
                .is_some_and(|r| r.bytes().next().is_some_and(|b| b.is_ascii_digit()))
    })
}

/// The title: among headline-shaped lines from the page start to a little past the first full
/// paragraph, the one with the best evidence: overlap with the body's prose and with the URL
/// (its last path segment names the page), headline shape and length, sitting above the byline
/// or stamp, no prose above it (a line below prose is a section heading), repeated on the page.
/// `from` (the head window's start) is not a limit: a page's chrome can push the headline far
/// above the first paragraph, and the evidence keeps menus out; the window is scored first so
/// that the rest of the page is mostly skipped by an upper bound of its scores.
#[allow(clippy::too_many_arguments)]
pub(crate) fn title(
    lines: &[Line],
    roles: &mut [Role],
    classes: &[Class],
    from: usize,
    body_start: usize,
    url: Option<&str>,
    article: &mut Article,
) {
    title_pass(
        lines,
        roles,
        classes,
        (from, body_start),
        url,
        article,
        TITLE_RETRIES,
    );
}

/// How often each headline-sized line (2 to [`MAX_TITLE_WORDS`] words) occurs on the page, with
/// its last line. Copies for which `skip` holds are not counted (their last line is), nor are
/// **contents entries**: a copy whose previous line recurs between it and the line's last copy
/// and whose next line recurs after that copy is an entry of a list of the page's sections
/// (a table of contents), which names a section heading, not the headline. Linear: one pass
/// over the lines, one over the counted copies.
fn headline_repeats(
    lines: &[Line],
    skip: impl Fn(usize) -> bool,
) -> HashMap<u64, (u32, usize), super::KeyHashBuild> {
    let mut repeats: HashMap<u64, (u32, usize), super::KeyHashBuild> =
        HashMap::with_capacity_and_hasher(lines.len() / 4, Default::default());
    // Counted copies: line, hash, the previous and the next text line's hash (0: none).
    let mut copies: Vec<(usize, u64, u64, u64)> = Vec::new();
    let mut prev_hash = 0u64;
    for (j, l) in lines.iter().enumerate() {
        if l.kind != LineKind::Text {
            continue;
        }
        if let Some(c) = copies.last_mut()
            && c.3 == 0
            && c.0 < j
        {
            c.3 = l.hash;
        }
        if (2..=MAX_TITLE_WORDS).contains(&l.f.words) {
            let e = repeats.entry(l.hash).or_insert((0, j));
            e.1 = j;
            if !skip(j) {
                e.0 += 1;
                copies.push((j, l.hash, prev_hash, 0));
            }
        }
        prev_hash = l.hash;
    }
    for &(j, h, p, n) in &copies {
        let last = |x: u64| repeats.get(&x).map(|&(_, k)| k);
        let Some(lh) = last(h).filter(|&k| k > j) else {
            continue;
        };
        let prev_between = last(p).is_some_and(|k| k > j && k < lh);
        let next_after = last(n).is_some_and(|k| k > lh);
        if prev_between
            && next_after
            && let Some(e) = repeats.get_mut(&h)
        {
            e.0 -= 1;
        }
    }
    repeats
}

/// How many times the title is chosen again when the chosen line links elsewhere.
const TITLE_RETRIES: u8 = 2;

/// One choice of the title (see [`title`]). A chosen line that links elsewhere (a pager, the
/// older post: [`links_elsewhere`]) is navigation: it goes to chrome and the choice is made
/// again without it, up to `retries` times. (Checked on the choice only: the test is too
/// dear for every candidate.)
fn title_pass(
    lines: &[Line],
    roles: &mut [Role],
    classes: &[Class],
    (from, body_start): (usize, usize),
    url: Option<&str>,
    article: &mut Article,
    retries: u8,
) {
    let url_tokens: super::TokenSet = url.map(url_slug_tokens).unwrap_or_default();
    let seg_tokens: super::TokenSet = url.map(url_last_segment_tokens).unwrap_or_default();
    let end = body_start.min(lines.len());
    let scan_end = (end + TITLE_AFTER_ANCHOR).min(lines.len());
    let is_prose = |i: usize| {
        classes[i] == Class::Good && lines[i].f.end_punct && lines[i].f.tokens >= TITLE_PROSE_TOKENS
    };
    // The words of the body's prose (its first paragraphs from the anchor on): a headline
    // uses them; headings and teasers repeated inside the body are not counted as prose.
    let prose: Vec<usize> = (end..lines.len())
        .filter(|&i| is_prose(i))
        .take(super::TITLE_EVIDENCE_LINES)
        .collect();
    // About one distinct word in eight bytes of prose (the table grows when there are more).
    let mut body_tokens =
        WordTable::with_capacity(prose.iter().map(|&i| lines[i].text.len() / 8).sum());
    for &i in &prose {
        word_hashes(lines[i].text, &mut body_tokens);
    }
    // Prose lines above each line (a headline opens the article; a line below prose is a
    // section heading or a teaser).
    let mut prose_above = vec![0u32; scan_end + 1];
    for i in 0..scan_end {
        prose_above[i + 1] = prose_above[i] + u32::from(is_prose(i));
    }
    // The next byline or stamp line at or after each line (the headline sits just above them).
    let mut meta_after = vec![usize::MAX; scan_end + 1];
    for i in (0..scan_end).rev() {
        meta_after[i] = if matches!(roles[i], Role::Byline | Role::Stamp) {
            i
        } else {
            meta_after[i + 1]
        };
    }
    // How often each headline-sized line occurs on the page: a page repeats its headline
    // (breadcrumb, heading, sharing block), rarely a sentence. A copy that heads prose in the
    // body is a section heading (the line above is its contents entry, or one of the body's
    // repeated item headings), not a restatement of the headline: it is not counted.
    let body_heading = |j: usize| j > end && j + 1 < lines.len() && is_prose(j + 1);
    let repeats = headline_repeats(lines, body_heading);
    let mut best: Option<(f64, usize, Part)> = None;
    // Every line scored, with its score (for the fuller statement of the best).
    let mut scored: Vec<(f64, usize, Part)> = Vec::new();
    let mut toks = Words::default();
    // The most the URL evidence can add to a line's score.
    let token_max = if url_tokens.is_empty() { 0.0 } else { 2.5 }
        + if seg_tokens.is_empty() {
            0.0
        } else {
            1.0 + TITLE_SEGMENT_BONUS
        };
    // A paragraph: prose in the body, or a statement right under a paragraph wherever the
    // body region starts (a question may be a thread's headline under a banner's blurb).
    let paragraph = |i: usize| {
        (i >= end && is_prose_line(&lines[i], classes[i]))
            || (i > 0 && is_prose(i) && is_prose(i - 1) && lines[i].text.ends_with('.'))
    };
    // A line of headline shape that nothing else has taken (its words not yet looked at).
    let shaped = |i: usize| {
        let l = &lines[i];
        let f = &l.f;
        !paragraph(i)
            && roles[i] == Role::Unset
            && l.kind == LineKind::Text
            && l.phrase.is_none()
            && f.words != 0
            && f.words <= MAX_TITLE_WORDS
            && f.alpha_tokens != 0
            && !f.file
            && !f.end_colon
            // A web address alone on its line (a post's permalink) names no headline.
            && !(f.words == 1 && l.text.contains("://"))
    };
    // The part of a line's score that does not depend on its words: headline shape and
    // length, punctuation, prose above it, the byline or stamp below it, closeness to the body;
    // added onto `score` term by term (the bound and the score sum in the same order).
    // `part` is the candidate part of the line ([`Part`]): its words are weighed.
    let place = |i: usize, part: &Part, mut score: f64| {
        let l = &lines[i];
        let f = &l.f;
        let words = part.words;
        if (3..=20).contains(&words) {
            score += 0.6;
        } else if words <= 2 {
            score -= 0.4;
        }
        score += TITLE_LENGTH_BONUS * f64::from(words.min(TITLE_FULL_WORDS))
            / f64::from(TITLE_FULL_WORDS);
        if f.end_punct && !l.text.ends_with(['?', '؟', '!']) {
            score -= 0.6;
        }
        if part.menu_seps {
            score -= 0.3;
        }
        // Prose above: a section heading (or a teaser after a blurb).
        score -= TITLE_PROSE_ABOVE * f64::from(prose_above[i].min(3));
        // Right above the byline or stamp, with no prose between.
        let m = meta_after[i];
        if m != usize::MAX && m - i <= TITLE_META_REACH && prose_above[m] == prose_above[i] {
            score += TITLE_META_BONUS;
        }
        // Closer to the body is better.
        score + 0.5 * (1.0 - (end.abs_diff(i) as f64 / 20.0).min(1.0))
    };
    // A line that may be scored at all (before its evidence is weighed).
    let eligible = |i: usize, toks: &mut Words| {
        if !shaped(i) {
            return false;
        }
        toks.read(lines[i].text);
        !toks.is_empty() && (i <= end || agreement(toks, &url_tokens, 1.0) >= TITLE_URL_NAMED)
    };
    // A line of several words that an earlier, fuller candidate already holds restates it (an
    // image's alt text, a table-of-contents entry spelling the URL's slug): the earlier line
    // said it first and more fully, so the restatement does not get the slug's bonus.
    let mut earlier_toks = Words::default();
    let restates_earlier = |i: usize, toks: &Words, other: &mut Words| {
        toks.len() >= 2
            && (i.saturating_sub(TITLE_RESTATE_REACH)..i).any(|j| {
                if !shaped(j) {
                    return false;
                }
                other.read(lines[j].text);
                other.len() > toks.len() && toks.iter().all(|t| other.contains(t))
            })
    };
    // The first candidate of the page gains a little (it opens the content).
    let first = (0..scan_end).find(|&i| eligible(i, &mut toks));
    let near = from.min(end);
    for i in (near..scan_end).chain(0..near) {
        if !shaped(i) {
            continue;
        }
        let l = &lines[i];
        // Past the first paragraph only a line the URL names may win: without a URL, none.
        if i > end && url_tokens.is_empty() {
            continue;
        }
        let part = headline_part(l);
        // An upper bound of the score: a line that cannot beat the best so far is not
        // tokenized (most of a long page's chrome); near the best, a line within
        // [`TITLE_FULLER_MARGIN`] of it is scored too (it may be the fuller statement).
        if let Some((s, b, _)) = best {
            let mut bound = place(i, &part, 1.5 + token_max);
            if part.words >= 2 {
                bound += TITLE_REPEAT_BONUS;
            }
            if first == Some(i) {
                bound += TITLE_FIRST_BONUS;
            }
            if b.abs_diff(i) <= TITLE_RESTATE_REACH {
                bound += TITLE_FULLER_MARGIN;
            }
            if bound + 1e-6 < s {
                continue;
            }
        }
        toks.read(l.text.get(part.start..part.end).unwrap_or(""));
        if toks.is_empty() {
            continue;
        }
        let n = toks.len();
        let overlap = count_in_table(&toks, &body_tokens) as f64 / n as f64;
        // The URL names the page: the line should cover its words (recall weighs more than
        // precision: a headline says more than its slug).
        let url_common = count_in(&toks, &url_tokens);
        let url_f = f_beta(url_common, n, url_tokens.len(), TITLE_URL_BETA);
        let url_f1 = f_beta(url_common, n, url_tokens.len(), 1.0);
        // Past the first paragraph: only a line the URL names is a likely headline.
        if i > end && url_f1 < TITLE_URL_NAMED {
            continue;
        }
        // The last path segment alone: a line that is exactly it is the page's name.
        let seg_f = agreement(&toks, &seg_tokens, 1.0);
        // A one- or two-word line (a section name) cannot earn full overlap credit.
        let weight = (toks.len() as f64 / 4.0).min(1.0);
        let mut score = 1.5 * overlap * weight + 2.5 * url_f + seg_f;
        if seg_f >= 1.0 && !restates_earlier(i, &toks, &mut earlier_toks) {
            score += TITLE_SEGMENT_BONUS;
        }
        score = place(i, &part, score);
        // A filter or category entry with its item count ("Winter Hiking Boots (27)").
        if ends_with_count(l.text.get(part.start..part.end).unwrap_or("")) {
            score -= TITLE_COUNT_PENALTY;
        }
        if i > end {
            score -= TITLE_PAST_ANCHOR + 0.6 * (1.0 - url_f1);
        }
        // The first candidate of the page and a line the page repeats gain a little (a body
        // heading counts itself, as its copies are counted without it).
        if first == Some(i) {
            score += TITLE_FIRST_BONUS;
        }
        if part.words >= 2
            && repeats
                .get(&l.hash)
                .is_some_and(|&(n, _)| n + u32::from(body_heading(i)) >= 2)
        {
            score += TITLE_REPEAT_BONUS;
        }
        scored.push((score, i, part));
        // The earliest line wins a tie.
        if best.is_none_or(|(s, b, _)| score > s || (score == s && i < b)) {
            best = Some((score, i, part));
        }
    }
    let mut evidence = body_tokens;
    for &t in &url_tokens {
        evidence.insert(t);
    }
    let best = best
        .map(|b| fuller_statement(lines, &scored, b, &evidence))
        .map(|b| headline_before_suffix(lines, &scored, b, &evidence))
        .map(|b| wrapped_statement(lines, &scored, b, &seg_tokens))
        .map(|b| headline_above_deck(lines, &scored, b, &seg_tokens));
    if let Some((score, i, _)) = best
        && score >= 0.5
        && links_elsewhere(lines[i].text)
    {
        roles[i] = Role::Chrome(marsad_model::Reason::Nav);
        if retries > 0 {
            title_pass(
                lines,
                roles,
                classes,
                (from, body_start),
                url,
                article,
                retries - 1,
            );
        }
        return;
    }
    if let Some((score, i, part)) = best
        && score >= 0.5
        && let Some(mut t) = sub_text(&lines[i], part.start, part.end)
    {
        roles[i] = Role::Title;
        // Typographic apostrophes as the HTML path gives them (`tidy_title`): a page's headline
        // reads the same from its HTML and from its flattened text.
        if t.text.contains(['\u{2018}', '\u{2019}']) {
            t.text = crate::html::meta::clean::tidy_title(&t.text);
        }
        article.title = Some(t);
    }
}

/// How far below the best score an earlier line that says all the best line says, and more,
/// may score and still be the title (the best restates it: a keyword label, a short heading).
const TITLE_FULLER_MARGIN: f64 = 1.5;

/// How many lines below the best one a fuller statement of it may also sit (the best is the
/// last item of a breadcrumb, "Mirrorless Lenses", right above the headline "Mirrorless
/// Camera Lenses").
const TITLE_FULLER_BELOW: usize = 3;

/// The title when the best-scored line restates an earlier one: among the lines scored within
/// [`TITLE_FULLER_MARGIN`] of the best and at most [`TITLE_RESTATE_REACH`] lines above it (or
/// [`TITLE_FULLER_BELOW`] lines below it), the best-scored one whose words include all of the
/// best line's (two words at least), and more that the page's prose or URL (`evidence`) uses,
/// and that, above the best, does not wrap the best line's text after other words; else the
/// best.
fn fuller_statement(
    lines: &[Line],
    scored: &[(f64, usize, Part)],
    best: (f64, usize, Part),
    evidence: &WordTable,
) -> (f64, usize, Part) {
    let (score, i, part) = best;
    let words = |i: usize, p: &Part| Words::of(lines[i].text.get(p.start..p.end).unwrap_or(""));
    let own = words(i, &part);
    if own.len() < 2 {
        return best;
    }
    let mut out: Option<(f64, usize, Part)> = None;
    for &(s, j, p) in scored {
        let above = j < i && i - j <= TITLE_RESTATE_REACH;
        let below = j > i && j - i <= TITLE_FULLER_BELOW;
        if !(above || below)
            || s + TITLE_FULLER_MARGIN < score
            || out.is_some_and(|(o, _, _)| o >= s)
        {
            continue;
        }
        // A sentence ("Introducing the new …. Shop now.") is not a fuller headline.
        let lj = &lines[j];
        if lj.f.end_punct && !lj.text.ends_with(['?', '؟', '!']) {
            continue;
        }
        let other = words(j, &p);
        if other.len() <= own.len()
            || !own.iter().all(|t| other.contains(t))
            || !other
                .iter()
                .any(|t| !own.contains(t) && evidence.contains(t))
        {
            continue;
        }
        // An earlier line holding the best one after other words wraps it (an image's alt
        // text "Main image of …", a breadcrumb run together): it does not say more.
        if above {
            let (b, f) = (
                fold(lines[i].text.get(part.start..part.end).unwrap_or("")),
                fold(lines[j].text.get(p.start..p.end).unwrap_or("")),
            );
            if f.find(b.as_str()).is_some_and(|at| at > 0) {
                continue;
            }
        }
        out = Some((s, j, p));
    }
    out.unwrap_or(best)
}

/// The title when the best-scored line ends on the whole of another line scored near it
/// (at most [`TITLE_RESTATE_REACH`] lines away, within [`TITLE_FULLER_MARGIN`] of the best):
/// the best one is that line run together with a breadcrumb or label ("Home Glossary
/// Fitness Training" over "Fitness Training"), and the shorter line is the headline, when the
/// words before it are not all stopwords ("The …" is the headline's own article) and it
/// agrees with the URL's last segment (`segment`) at least as well.
fn wrapped_statement(
    lines: &[Line],
    scored: &[(f64, usize, Part)],
    best: (f64, usize, Part),
    segment: &super::TokenSet,
) -> (f64, usize, Part) {
    let (score, i, part) = best;
    let whole = |i: usize, p: &Part| p.start == 0 && p.end == lines[i].text.len();
    if !whole(i, &part) {
        return best;
    }
    let seg_f = |i: usize| {
        let mut t = super::TokenSet::default();
        super::collect_tokens(lines[i].text, &mut t);
        let common = t.iter().filter(|h| segment.contains(*h)).count();
        f_beta(common, t.len(), segment.len(), 1.0)
    };
    let own_seg = seg_f(i);
    let b = fold(lines[i].text.get(part.start..part.end).unwrap_or(""));
    let mut out: Option<(f64, usize, Part)> = None;
    for &(s, j, p) in scored {
        if j == i
            || i.abs_diff(j) > TITLE_RESTATE_REACH
            || s + TITLE_FULLER_MARGIN < score
            || p.words < 2
            || !whole(j, &p)
            || out.is_some_and(|(o, _, _)| o >= s)
        {
            continue;
        }
        let (lb, lc) = (&lines[i].f, &lines[j].f);
        let (prefix_tokens, prefix_stop) = (
            lb.tokens.saturating_sub(lc.tokens),
            lb.stop.saturating_sub(lc.stop),
        );
        if prefix_stop >= prefix_tokens || seg_f(j) < own_seg {
            continue;
        }
        let c = fold(lines[j].text.get(p.start..p.end).unwrap_or(""));
        if c.len() < b.len() && b.ends_with(c.as_str()) && b[..b.len() - c.len()].ends_with(' ') {
            out = Some((s, j, p));
        }
    }
    out.unwrap_or(best)
}

/// The title when the best-scored line is another line scored near it (at most
/// [`TITLE_RESTATE_REACH`] lines away, within [`TITLE_FULLER_MARGIN`] of the best, two words at
/// least) followed by a tail whose words the page's prose and URL (`evidence`) never use: an
/// image's alt text ("… image 1", "… - Picture 1 of 1"), a product variant ("… - white - 9").
/// The shorter line is the headline (the mirror of [`fuller_statement`]: a tail the page's
/// evidence uses says more).
fn headline_before_suffix(
    lines: &[Line],
    scored: &[(f64, usize, Part)],
    best: (f64, usize, Part),
    evidence: &WordTable,
) -> (f64, usize, Part) {
    let (score, i, part) = best;
    let b = fold(lines[i].text.get(part.start..part.end).unwrap_or(""));
    let mut out: Option<(f64, usize, Part)> = None;
    for &(s, j, p) in scored {
        if j == i
            || i.abs_diff(j) > TITLE_RESTATE_REACH
            || s + TITLE_FULLER_MARGIN < score
            || p.words < 2
            || p.words >= part.words
            || out.is_some_and(|(o, _, _)| o >= s)
        {
            continue;
        }
        let c = fold(lines[j].text.get(p.start..p.end).unwrap_or(""));
        let Some(tail) = b.strip_prefix(c.as_str()) else {
            continue;
        };
        if !tail.starts_with(' ') {
            continue;
        }
        let (own, extra) = (Words::of(&c), Words::of(tail));
        let mut new = extra.iter().filter(|t| !own.contains(t)).peekable();
        if new.peek().is_some() && new.all(|t| !evidence.contains(t)) {
            out = Some((s, j, p));
        }
    }
    out.unwrap_or(best)
}

/// How far below the best score the line right above it may score and still be the headline
/// the best line is the deck of.
const TITLE_DECK_MARGIN: f64 = 2.5;

/// How much better than the deck the headline above it must agree with the URL's last
/// segment (a kicker above a headline agrees about as well, or worse).
const TITLE_DECK_SEGMENT_GAP: f64 = 0.2;

/// Lower-case words (not stopwords) that make a line read as a sentence-case deck.
const TITLE_DECK_LOWER_WORDS: u32 = 2;

/// The title when the best-scored line is the deck under a shorter headline: the line right
/// above it was scored within [`TITLE_DECK_MARGIN`] of it, has fewer words, and names the
/// URL's last segment (`segment`) clearly better; the best line reads as a sentence-case
/// description ("Redis data types" over "Overview of data types supported by Redis"). A deck
/// wins on length and closeness to the body; the URL names the page by its headline.
fn headline_above_deck(
    lines: &[Line],
    scored: &[(f64, usize, Part)],
    best: (f64, usize, Part),
    segment: &super::TokenSet,
) -> (f64, usize, Part) {
    let (score, i, part) = best;
    let f = &lines[i].f;
    if segment.is_empty()
        || i == 0
        || f.alpha_tokens.saturating_sub(f.capitalized + f.stop) < TITLE_DECK_LOWER_WORDS
    {
        return best;
    }
    let Some(&(s, j, p)) = scored.iter().find(|&&(_, j, _)| j + 1 == i) else {
        return best;
    };
    // A web address spelling the slug is not a headline; a line the best one ends on (a brand
    // above "Barbecue charbon 1600 - Brand") is part of it, not its headline.
    if s + TITLE_DECK_MARGIN < score || p.words >= part.words || lines[j].text.contains("://") {
        return best;
    }
    let (above, own) = (
        fold(lines[j].text.get(p.start..p.end).unwrap_or("")),
        fold(lines[i].text.get(part.start..part.end).unwrap_or("")),
    );
    if own.len() > above.len() && own.ends_with(above.as_str()) {
        return best;
    }
    let seg_f = |i: usize, p: &Part| {
        agreement(
            &Words::of(lines[i].text.get(p.start..p.end).unwrap_or("")),
            segment,
            1.0,
        )
    };
    if seg_f(j, &p) > seg_f(i, &part) + TITLE_DECK_SEGMENT_GAP {
        (s, j, p)
    } else {
        best
    }
}

/// The part of a line that may be a headline (line-relative byte offsets), with what the
/// title's score reads of it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Part {
    /// Start of the part.
    start: usize,
    /// End of the part.
    end: usize,
    /// Whitespace-separated words in the part.
    words: u32,
    /// The part holds menu or breadcrumb separators.
    menu_seps: bool,
}

/// Separators of a breadcrumb trail ("Home » Blog » Title"). A `/` alone separates only
/// when spaced (" / ") or repeated ("Newsroom/Tips/Title"): "AC/DC", "24/7" are words.
const CRUMB_SEPS: [char; 9] = ['»', '›', '>', '|', '·', '•', '→', '\\', '/'];

/// Most words of a breadcrumb label (an item before the last).
const MAX_CRUMB_LABEL_WORDS: usize = 4;

/// Most digits of one level of a section number ("3.1", "15 -"); a year ("2024 - …") is
/// not a section number.
const MAX_SECTION_DIGITS: usize = 3;

/// The part of a line that may be the page's headline: the last item of a breadcrumb trail
/// ("Home » Blog » Title", "الرئيسية » أخبار » عنوان": the trail ends on the page's own name),
/// the text after a section number ("3.1 Git Branching", "15 - Tutorial: …"), else the
/// whole line.
fn headline_part(l: &Line) -> Part {
    let whole = Part {
        start: 0,
        end: l.text.len(),
        words: l.f.words,
        menu_seps: l.f.menu_seps > 0,
    };
    let start = if l.f.menu_seps > 0 {
        crumb_tail(l.text)
    } else {
        None
    }
    .or_else(|| after_section_number(l.text));
    let part = match start {
        Some(start) if start < l.text.len() => {
            let rest = &l.text[start..];
            Part {
                start,
                end: l.text.len(),
                words: u32::try_from(rest.split_whitespace().count()).unwrap_or(u32::MAX),
                menu_seps: l.f.menu_seps > 0 && rest.contains(CRUMB_SEPS),
            }
        }
        _ => whole,
    };
    // A heading's permalink mark ("Models¶", documentation generators) is not its text.
    let text = l.text.get(part.start..part.end).unwrap_or("");
    let kept = text.trim_end_matches(PERMALINK_MARK).trim_end();
    if kept.len() == text.len() || kept.is_empty() {
        return part;
    }
    Part {
        end: part.start + kept.len(),
        words: u32::try_from(kept.split_whitespace().count()).unwrap_or(u32::MAX),
        ..part
    }
}

/// The mark documentation generators put after a heading as its permalink.
const PERMALINK_MARK: char = '¶';

/// Where the last item of a breadcrumb trail starts: every item before it is a short label
/// (at most [`MAX_CRUMB_LABEL_WORDS`] words, with a letter), and there is at least one.
fn crumb_tail(text: &str) -> Option<usize> {
    let slashes = text.matches('/').count();
    let other = text.contains(|c: char| c != '/' && CRUMB_SEPS.contains(&c));
    if !other && slashes < 2 && !text.contains(" / ") {
        return None;
    }
    let mut labels = 0usize;
    let mut item_start = 0usize;
    for (at, c) in text.char_indices() {
        if !CRUMB_SEPS.contains(&c) {
            continue;
        }
        let label = text[item_start..at].trim();
        if !label.is_empty() {
            if label.split_whitespace().count() > MAX_CRUMB_LABEL_WORDS
                || !label.chars().any(char::is_alphabetic)
            {
                return None;
            }
            labels += 1;
        }
        item_start = at + c.len_utf8();
    }
    let tail = &text[item_start..];
    let lead = tail.len() - tail.trim_start().len();
    (labels > 0 && !tail.trim().is_empty()).then_some(item_start + lead)
}

/// Where the text after a leading section number starts ("3.1 Title", "15 - Title",
/// "2. - Title"), if the line opens with one: levels of up to [`MAX_SECTION_DIGITS`] digits,
/// either several ("3.1") or followed by a dash.
fn after_section_number(text: &str) -> Option<usize> {
    let is_digit = |c: char| {
        c.is_ascii_digit()
            || ('\u{660}'..='\u{669}').contains(&c)
            || ('\u{6f0}'..='\u{6f9}').contains(&c)
    };
    let mut chars = text.char_indices().peekable();
    let mut levels = 0usize;
    loop {
        let mut digits = 0usize;
        while chars.next_if(|&(_, c)| is_digit(c)).is_some() {
            digits += 1;
        }
        if digits == 0 || digits > MAX_SECTION_DIGITS {
            // A level without digits ends the number only after a dot ("2. - Title").
            if digits == 0 && levels > 0 {
                break;
            }
            return None;
        }
        levels += 1;
        if chars.next_if(|&(_, c)| c == '.').is_none() {
            break;
        }
    }
    let mut spaced = false;
    while chars.next_if(|&(_, c)| c.is_whitespace()).is_some() {
        spaced = true;
    }
    let dashed = chars
        .next_if(|&(_, c)| matches!(c, '-' | '–' | '—'))
        .is_some();
    if dashed {
        spaced = false;
        while chars.next_if(|&(_, c)| c.is_whitespace()).is_some() {
            spaced = true;
        }
    }
    let (at, _) = chars.peek().copied()?;
    (spaced && (dashed || levels >= 2)).then_some(at)
}

/// True when text ends on an item count in brackets after some words: "Day Hiking Boots (276)".
fn ends_with_count(text: &str) -> bool {
    let Some(rest) = text.trim_end().strip_suffix(')') else {
        return false;
    };
    let Some(open) = rest.rfind('(') else {
        return false;
    };
    let count = &rest[open + 1..];
    (1..=MAX_COUNT_DIGITS).contains(&count.len())
        && count.bytes().all(|b| b.is_ascii_digit())
        && rest[..open].chars().any(char::is_alphabetic)
}

/// True for a full sentence line of the body (not a question or exclamation headline).
fn is_prose_line(l: &Line, class: Class) -> bool {
    class == Class::Good && l.f.end_punct && !l.text.ends_with(['?', '؟', '!'])
}

/// The F-measure (weighted by `beta`: recall counts `beta` times as much as precision) of a
/// line's tokens against a reference set; 0 when either is empty.
fn agreement(toks: &Words, reference: &super::TokenSet, beta: f64) -> f64 {
    f_beta(count_in(toks, reference), toks.len(), reference.len(), beta)
}

/// How many of `toks` a set holds.
fn count_in(toks: &Words, set: &super::TokenSet) -> usize {
    if set.is_empty() {
        return 0;
    }
    toks.iter().filter(|t| set.contains(*t)).count()
}

/// How many of `toks` the prose's set holds.
fn count_in_table(toks: &Words, set: &WordTable) -> usize {
    toks.iter().filter(|t| set.contains(t)).count()
}

/// The F-measure (weighted by `beta`) of `common` words shared by a line of `n` distinct words
/// and a reference of `m`; 0 when any is 0.
fn f_beta(common: usize, n: usize, m: usize, beta: f64) -> f64 {
    if m == 0 || n == 0 || common == 0 {
        return 0.0;
    }
    let common = common as f64;
    let (p, r) = (common / n as f64, common / m as f64);
    let b2 = beta * beta;
    (1.0 + b2) * p * r / (b2 * p + r)
}

/// Shortest word, in characters, that a word set holds (as [`super::collect_tokens`]).
const MIN_WORD_CHARS: usize = 3;

/// Where the folded-word hashes of a text go: a page's set, or a line's list.
trait WordSink {
    /// Takes the hash of one folded word.
    fn word(&mut self, h: u64);
}

impl WordSink for WordTable {
    fn word(&mut self, h: u64) {
        self.insert(h);
    }
}

/// A set of word hashes for a page's prose (thousands of inserts, a few lookups each per
/// headline word): open addressing with linear probing in a power-of-two table kept at most
/// half full; the hash's top bits, spread by one multiply, pick the slot (0 marks an empty
/// slot, so the word hashing to 0 is kept apart).
#[derive(Debug, Clone)]
struct WordTable {
    /// The hashes, or 0 for an empty slot.
    slots: Vec<u64>,
    /// How many slots are taken.
    len: usize,
    /// log2 of the slot count.
    bits: u32,
    /// The set holds the hash 0.
    zero: bool,
}

impl WordTable {
    /// An empty set for about `n` words.
    fn with_capacity(n: usize) -> Self {
        Self::with_slots(n.saturating_mul(2).clamp(16, 1 << 24).next_power_of_two())
    }

    /// An empty set of `slots` slots (a power of two).
    fn with_slots(slots: usize) -> Self {
        Self {
            slots: vec![0; slots],
            len: 0,
            bits: slots.trailing_zeros(),
            zero: false,
        }
    }

    /// The first slot to probe for `h`.
    fn home(&self, h: u64) -> usize {
        // The top `bits` bits of the product: below the slot count.
        (h.wrapping_mul(0x9e37_79b9_7f4a_7c15) >> (64 - self.bits)) as usize
    }

    /// Adds `h`.
    fn insert(&mut self, h: u64) {
        if h == 0 {
            self.zero = true;
            return;
        }
        if (self.len + 1) * 2 > self.slots.len() {
            // Doubles past the first estimate's cap too (a page of millions of words).
            let mut bigger = Self::with_slots(self.slots.len() * 2);
            for &x in self.slots.iter().filter(|&&x| x != 0) {
                bigger.insert(x);
            }
            bigger.zero = self.zero;
            *self = bigger;
        }
        let mask = self.slots.len() - 1;
        let mut i = self.home(h);
        loop {
            let s = self.slots[i];
            if s == h {
                return;
            }
            if s == 0 {
                self.slots[i] = h;
                self.len += 1;
                return;
            }
            i = (i + 1) & mask;
        }
    }

    /// True when the set holds `h`.
    fn contains(&self, h: &u64) -> bool {
        let h = *h;
        if h == 0 {
            return self.zero;
        }
        let mask = self.slots.len() - 1;
        let mut i = self.home(h);
        loop {
            let s = self.slots[i];
            if s == h {
                return true;
            }
            if s == 0 {
                return false;
            }
            i = (i + 1) & mask;
        }
    }
}

impl WordSink for Vec<u64> {
    fn word(&mut self, h: u64) {
        self.push(h);
    }
}

/// Gives `sink` the hash of each folded word of [`MIN_WORD_CHARS`] characters or more of `s`,
/// in order: the values [`super::collect_tokens`] collects
/// ([`marsad_arabic::phrases::fold_word_hashes`]).
fn word_hashes(s: &str, sink: &mut impl WordSink) {
    marsad_arabic::phrases::fold_word_hashes(s, MIN_WORD_CHARS, |h| sink.word(h));
}

/// The distinct folded-word hashes of a text ([`word_hashes`]), sorted: a headline's few words
/// are looked up in the page's sets one by one.
#[derive(Debug, Default, Clone)]
pub(crate) struct Words(Vec<u64>);

impl Words {
    /// The words of `s`.
    pub(crate) fn of(s: &str) -> Self {
        let mut w = Self::default();
        w.read(s);
        w
    }

    /// Replaces the words with those of `s`.
    pub(crate) fn read(&mut self, s: &str) {
        self.0.clear();
        word_hashes(s, &mut self.0);
        self.0.sort_unstable();
        self.0.dedup();
    }

    /// How many distinct words.
    fn len(&self) -> usize {
        self.0.len()
    }

    /// True when there are none.
    fn is_empty(&self) -> bool {
        self.0.is_empty()
    }

    /// True when `h` is one of the words.
    pub(crate) fn contains(&self, h: &u64) -> bool {
        self.0.binary_search(h).is_ok()
    }

    /// The words' hashes.
    pub(crate) fn iter(&self) -> std::slice::Iter<'_, u64> {
        self.0.iter()
    }
}

/// A URL without its scheme, query and fragment (`host/path`).
fn url_path(url: &str) -> &str {
    let rest = url.split_once("://").map_or(url, |(_, r)| r);
    rest.split(['?', '#']).next().unwrap_or("")
}

/// True when the URL's slug names `text` (their words agree as [`TITLE_URL_NAMED`] asks): the
/// page's own headline, not a card's or a section's.
pub(crate) fn url_names(text: &str, url: &str) -> bool {
    agreement(&Words::of(text), &url_slug_tokens(url), 1.0) >= TITLE_URL_NAMED
}

/// Words of the last path segments of a URL (slug), folded.
fn url_slug_tokens(url: &str) -> super::TokenSet {
    let path = url_path(url);
    let mut out = super::TokenSet::default();
    for seg in path.split('/').skip(1) {
        for w in seg.split(|c: char| !c.is_alphanumeric()) {
            if w.chars().count() >= 3 && !w.chars().all(|c| c.is_ascii_digit()) {
                out.insert(super::token_hash(w));
            }
        }
    }
    out
}

/// Words of the URL's last path segment that has any (the page's own slug: `sql-select`
/// in `/docs/18/sql-select.html`, `moon-silver` in `/moon-silver/28000436.html`), folded.
fn url_last_segment_tokens(url: &str) -> super::TokenSet {
    let path = url_path(url);
    let mut out = super::TokenSet::default();
    let segments = path.split_once('/').map(|(_, rest)| rest).unwrap_or("");
    for seg in segments.rsplit('/') {
        // A file extension is not a word of the name.
        let seg = match seg.rsplit_once('.') {
            Some((stem, ext))
                if !ext.is_empty()
                    && ext.len() <= 5
                    && ext.bytes().all(|b| b.is_ascii_alphanumeric()) =>
            {
                stem
            }
            _ => seg,
        };
        for w in seg.split(|c: char| !c.is_alphanumeric()) {
            if w.chars().count() >= 3 && !w.chars().all(|c| c.is_ascii_digit()) {
                out.insert(super::token_hash(w));
            }
        }
        if !out.is_empty() {
            break;
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn byline_names_the_authors() {
        let text = "عنوان\nبقلم: سلمى عبد الرحمن\nكتب القاهرة\nنص.";
        let (roles, a) = bylines_in(text);
        assert_eq!(a.authors.len(), 1);
        assert_eq!(a.authors[0].text, "سلمى عبد الرحمن");
        let s = a.authors[0].span;
        assert_eq!(&text[s.start..s.end], "سلمى عبد الرحمن");
        assert_eq!(roles[1], Role::Byline);
        // Drupal's byline.
        let (_, a) =
            bylines_in("Headline\nSubmitted by Jenny Smith on Mon, 01/21/2019 - 13:49\nText.");
        assert_eq!(a.authors[0].text, "Jenny Smith");
    }

    #[test]
    fn an_author_label_opens_a_byline_of_capitalised_names() {
        for (line, name) in [
            ("Author: Nirmita Panchal", Some("Nirmita Panchal")),
            ("Author Tuhin Bhatt", Some("Tuhin Bhatt")),
            // The label noun opens other lines too.
            ("Author image", None),
            ("Author of this article", None),
        ] {
            let text = format!("Recent trends in teen health\n{line}\nText.");
            let (_, a) = bylines_in(&text);
            assert_eq!(a.authors.first().map(|t| t.text.as_str()), name, "{line}");
        }
        // A lower-case name after "By" stays a name (a forum user).
        let (_, a) = bylines_in("Title\nBy slow-poke\nText.");
        assert_eq!(
            a.authors.first().map(|t| t.text.as_str()),
            Some("slow-poke")
        );
    }

    #[test]
    fn a_byline_under_the_authors_photo_is_not_its_caption() {
        let text = "Employers drop coverage for weight loss drugs\njane-doe-avatar-80x80.png\n\
            By Jane Doe\nDec. 18, 2025\nText.";
        let ls = super::super::lines::split(text);
        let mut roles = vec![Role::Unset; ls.len()];
        let classes = punct_classes(&ls);
        let mut a = Article::default();
        figures(&ls, &mut roles, &classes, 0, 5, 4, &mut a);
        assert_eq!(a.figures.len(), 1);
        assert!(a.figures[0].caption.is_none());
        byline(&ls, &mut roles, 0, 4, &mut a);
        assert_eq!(a.authors.first().map(|t| t.text.as_str()), Some("Jane Doe"));
    }

    #[test]
    fn a_byline_word_run_into_the_name_opens_a_byline() {
        for (line, name) in [
            ("ByNina Pineda", Some("Nina Pineda")),
            ("Written byJane Doe", Some("Jane Doe")),
            // Words, not a byline.
            ("Bytes and bits", None),
            ("BYU Cougars", None),
            ("ByteDance Earnings", None),
        ] {
            let text = format!("Talks to continue next week\n{line}\nText.");
            let (_, a) = bylines_in(&text);
            assert_eq!(a.authors.first().map(|t| t.text.as_str()), name, "{line}");
            if let Some(n) = name {
                let s = a.authors[0].span;
                assert_eq!(&text[s.start..s.end], n);
            }
        }
    }

    #[test]
    fn the_names_between_the_headline_and_its_stamp_are_the_byline() {
        let prose =
            "The minister said on Monday that the talks would continue next week in the capital.";
        for (block, name) in [
            ("Gary Marcus's avatar\nGary Marcus", Some("Gary Marcus")),
            (
                "Picture of Adam Hamilton\nAdam Hamilton\n9 min read",
                Some("Adam Hamilton"),
            ),
            // A section label sharing the headline's words, a lower-case phrase: no names.
            ("Talks News", None),
            ("Everyday living", None),
        ] {
            let text = format!("Talks to continue next week\n{block}\nDec 14, 2025\n{prose}");
            let ls = super::super::lines::split(&text);
            let n = ls.len();
            let mut roles = vec![Role::Unset; n];
            let mut a = Article::default();
            stamps(&ls, &mut roles, (0, n - 1, n), None, &mut a);
            roles[0] = Role::Title;
            names_above_stamp(&ls, &mut roles, 0, &mut a);
            assert_eq!(a.authors.first().map(|t| t.text.as_str()), name, "{block}");
        }
        // Without a stamp under them, names are not a byline.
        let text = format!("Talks to continue next week\nGary Marcus\n{prose}");
        let ls = super::super::lines::split(&text);
        let mut roles = vec![Role::Unset; ls.len()];
        roles[0] = Role::Title;
        let mut a = Article::default();
        names_above_stamp(&ls, &mut roles, 0, &mut a);
        assert!(a.authors.is_empty());
    }

    #[test]
    fn a_forum_thread_names_its_starter() {
        let text = "Digital cameras in 2024\nThread starter slow-poke\nText.";
        let (_, a) = bylines_in(text);
        assert_eq!(a.authors.len(), 1);
        let s = a.authors[0].span;
        assert_eq!(&text[s.start..s.end], "slow-poke");
    }

    #[test]
    fn byline_word_alone_takes_the_names_on_the_next_line() {
        for (text, name) in [
            (
                "عنوان\nبقلم:\nسلمى عبد الرحمن\nنص.",
                Some("سلمى عبد الرحمن"),
            ),
            ("Title\nWritten by\nJane Doe\nText.", Some("Jane Doe")),
            // Not names: a lower-case fragment, a line with digits.
            ("Title\nby\nintro to the topic\nText.", None),
            ("Title\nBy\nJane Doe 2024\nText.", None),
        ] {
            let (roles, a) = bylines_in(text);
            assert_eq!(a.authors.first().map(|t| t.text.as_str()), name, "{text}");
            if let Some(n) = name {
                let s = a.authors[0].span;
                assert_eq!(&text[s.start..s.end], n);
                assert_eq!((roles[1], roles[2]), (Role::Byline, Role::Byline));
            }
        }
    }

    /// The published day [`stamps`] reads in `text` over the window `(from, body, to)`.
    fn stamped_day(text: &str, window: (usize, usize, usize)) -> Option<String> {
        let ls = super::super::lines::split(text);
        let mut roles = vec![Role::Unset; ls.len()];
        let mut a = Article::default();
        stamps(&ls, &mut roles, window, None, &mut a);
        a.published
            .as_ref()
            .and_then(|s| s.day())
            .map(str::to_owned)
    }

    #[test]
    fn latin_date_lines_give_the_stamp_and_share_the_byline() {
        let prose =
            "The minister said on Monday that the talks would continue next week in the capital.";
        for (line, day, name) in [
            ("By Jane Doe | May 19, 2024", "2024-05-19", "Jane Doe"),
            (
                "Published August 7, 2023 by Nicole Burke",
                "2023-08-07",
                "Nicole Burke",
            ),
            // An ordinal day: the Arabic reader sees only the year, the date-line reader all.
            ("January 20th, 2025 by Jane Doe", "2025-01-20", "Jane Doe"),
            // A comment count run into the byline is not part of the name.
            (
                "May 19, 2024 by Jane Doe 0 Comments",
                "2024-05-19",
                "Jane Doe",
            ),
            // Bylines in other languages (data/text_byline_prefixes.tsv, meta_months.tsv).
            (
                "Текст: Лида Буслаева · 11 октября 2018",
                "2018-10-11",
                "Лида Буслаева",
            ),
            ("Par Jean Dupont | 5 mars 2024", "2024-03-05", "Jean Dupont"),
        ] {
            let text = format!("Talks to continue next week\n{line}\n{prose}\n{prose}");
            let ls = super::super::lines::split(&text);
            let mut roles = vec![Role::Unset; ls.len()];
            let mut a = Article::default();
            stamps(&ls, &mut roles, (0, 2, 4), None, &mut a);
            byline(&ls, &mut roles, 0, 4, &mut a);
            assert_eq!(
                a.published.as_ref().and_then(|s| s.day()),
                Some(day),
                "{line}"
            );
            assert_eq!(
                a.authors.first().map(|t| t.text.as_str()),
                Some(name),
                "{line}"
            );
            let s = a.authors[0].span;
            assert_eq!(&text[s.start..s.end], name);
        }
        // A line signed by names and "on", or by a byline word whose names are left out.
        for (line, day) in [
            ("Matt Eland on Dec. 13, 2025", "2025-12-13"),
            ("Written By Feb 11, 2019 · 3 min read", "2019-02-11"),
        ] {
            let text = format!("Talks to continue next week\n{line}\n{prose}\n{prose}");
            assert_eq!(
                stamped_day(&text, (0, 2, 4)).as_deref(),
                Some(day),
                "{line}"
            );
        }
        // A headline ending in a date is not a stamp, nor a headline's "on" date; a year
        // inside the body is not one either.
        for line in [
            "Metasploit Wrap-Up 12/19/2025",
            "Talks resume at the capital on Dec. 13, 2025",
            "Talks resume on Dec. 13, 2025",
        ] {
            let text = format!("{line}\n{prose}\n{prose}");
            assert_eq!(stamped_day(&text, (0, 1, 3)), None, "{line}");
        }
        let text =
            format!("Metasploit Wrap-Up 12/19/2025\n{prose}\n2024: The year of desktop FreeBSD?");
        let ls = super::super::lines::split(&text);
        let mut roles = vec![Role::Unset; ls.len()];
        let mut a = Article::default();
        stamps(&ls, &mut roles, (0, 1, 3), None, &mut a);
        assert!(a.published.is_none());
    }

    #[test]
    fn a_stamp_naming_the_day_replaces_a_bare_year() {
        let prose =
            "The minister said on Monday that the talks would continue next week in the capital.";
        let text = format!("2016 Issue\nThe Year in Review\nDecember 18, 2025\n{prose}");
        let ls = super::super::lines::split(&text);
        let mut roles = vec![Role::Unset; ls.len()];
        let mut a = Article::default();
        stamps(&ls, &mut roles, (0, 3, 4), None, &mut a);
        assert_eq!(
            a.published.as_ref().and_then(|s| s.day()),
            Some("2025-12-18")
        );
        assert!(a.modified.is_none());
        assert_eq!((roles[0], roles[2]), (Role::Unset, Role::Stamp));
        let text = format!("2026 Top Consulting Firms Guide\nUpdated: December 09, 2025\n{prose}");
        assert_eq!(stamped_day(&text, (0, 2, 3)).as_deref(), Some("2025-12-09"));
    }

    /// Test classes: a line ending in punctuation is prose, any other is short.
    /// The roles and authors [`byline`] gives the first three lines of `text`.
    fn bylines_in(text: &str) -> (Vec<Role>, Article) {
        let ls = super::super::lines::split(text);
        let mut roles = vec![Role::Unset; ls.len()];
        let mut a = Article::default();
        byline(&ls, &mut roles, 0, 3, &mut a);
        (roles, a)
    }

    /// The title [`title`] picks on `text` (no byline pass), the body starting at line
    /// `body_start`.
    fn title_of(text: &str, body_start: usize, url: Option<&str>) -> Option<String> {
        let ls = super::super::lines::split(text);
        let mut roles = vec![Role::Unset; ls.len()];
        let classes = punct_classes(&ls);
        let mut a = Article::default();
        title(&ls, &mut roles, &classes, 0, body_start, url, &mut a);
        a.title.map(|t| t.text)
    }

    fn punct_classes(ls: &[Line]) -> Vec<Class> {
        ls.iter()
            .map(|l| {
                if l.f.end_punct {
                    Class::Good
                } else {
                    Class::Short
                }
            })
            .collect()
    }

    #[test]
    fn title_is_the_headline_above_the_byline_not_a_section_heading() {
        let text = "الرئيسية\nأخبار الاقتصاد\nارتفاع أسعار النفط في الأسواق العالمية اليوم\nبقلم: سلمى عبد الرحمن\n\
            ارتفعت أسعار النفط في الأسواق العالمية اليوم بعد قرار المنتجين خفض الإنتاج خلال الأشهر المقبلة.\n\
            أسعار النفط في الأسواق\n\
            وقال محللون إن الأسعار قد تواصل الارتفاع في الأسواق إذا استمر الطلب على النفط بالوتيرة الحالية.";
        let ls = super::super::lines::split(text);
        let mut roles = vec![Role::Unset; ls.len()];
        let classes = punct_classes(&ls);
        let mut a = Article::default();
        byline(&ls, &mut roles, 0, 4, &mut a);
        title(
            &ls,
            &mut roles,
            &classes,
            0,
            4,
            Some("https://x.com/oil-prices"),
            &mut a,
        );
        assert_eq!(
            a.title.map(|t| t.text).as_deref(),
            Some("ارتفاع أسعار النفط في الأسواق العالمية اليوم")
        );
        assert_eq!(roles[2], Role::Title);
    }

    #[test]
    fn title_apostrophes_are_ascii_as_in_html() {
        let text = "Home\nWhat’s changing in the city’s plumbing codes\nBy Jane Roe\n\
            The city council voted on Tuesday to change the plumbing codes for new homes, and the rules take effect in May.";
        let ls = super::super::lines::split(text);
        let mut roles = vec![Role::Unset; ls.len()];
        let classes = punct_classes(&ls);
        let mut a = Article::default();
        byline(&ls, &mut roles, 0, 3, &mut a);
        title(&ls, &mut roles, &classes, 0, 3, None, &mut a);
        let t = a.title.unwrap();
        assert_eq!(t.text, "What's changing in the city's plumbing codes");
        // The span still points at the page's own characters.
        assert_eq!(
            &text[t.span.start..t.span.end],
            "What’s changing in the city’s plumbing codes"
        );
    }

    #[test]
    fn title_is_the_fuller_headline_not_its_slug_restatement() {
        let text = "Blog\nTop 27 Software Development Tools for Busy Teams\nBy: Jane Roe\n\
            software development tools\n\
            Software development tools help busy teams ship their code faster and with fewer defects.\n\
            The best development tools for teams are the ones that fit the way the team already works.";
        let ls = super::super::lines::split(text);
        let mut roles = vec![Role::Unset; ls.len()];
        let classes = punct_classes(&ls);
        let mut a = Article::default();
        byline(&ls, &mut roles, 0, 4, &mut a);
        let url = Some("https://x.com/blog/software-development-tools");
        title(&ls, &mut roles, &classes, 0, 4, url, &mut a);
        assert_eq!(
            a.title.map(|t| t.text).as_deref(),
            Some("Top 27 Software Development Tools for Busy Teams")
        );
    }

    #[test]
    fn title_is_the_fuller_statement_above_a_slug_label() {
        let text = "Top 11 Gaming Console Companies Driving Innovation Globally\nHome\nBlogs\n\
            Top 11 Gaming Console Companies\n\
            Gaming console companies keep driving innovation in hardware, services and the games people play.\n\
            The biggest companies compete globally on price, exclusive games and online subscription services.";
        let url = Some("https://x.com/blogs/top-gaming-console-companies");
        assert_eq!(
            title_of(text, 4, url).as_deref(),
            Some("Top 11 Gaming Console Companies Driving Innovation Globally")
        );
        // An image's alt text wrapping the headline is not a fuller statement of it.
        let text = "Main image of Trail Pack Twenty Five\nTrail Pack Twenty Five\n\
            The trail pack carries twenty five litres and fits the main gear for a day on the trail.\n\
            Its frame keeps the load close to the back on long climbs and rough trail descents.";
        let url = Some("https://x.com/product/trail-pack-twenty-five");
        assert_eq!(
            title_of(text, 2, url).as_deref(),
            Some("Trail Pack Twenty Five")
        );
    }

    #[test]
    fn a_heading_listed_in_the_contents_is_not_confirmed_by_the_entry() {
        // The contents list names "Sign up" between "Before you start" and "Send a message", as
        // the body's headings come; the headline's copy in the breadcrumb is a copy.
        let text = "Docs > Messaging quickstart\nOn this page\nBefore you start\n\
            Sign up and get a number\nSend a message\nMessaging quickstart\n\
            Before you start\nPick the language you know best and install its tools first.\n\
            Sign up and get a number\nSign up for an account and get a number that can send.\n\
            Send a message\nWrite the code that sends a message to your phone number.";
        let ls = super::super::lines::split(text);
        let repeats = headline_repeats(&ls, |_| false);
        let count = |s: &str| repeats[&ls.iter().find(|l| l.text == s).unwrap().hash].0;
        // Both copies of the first heading count: its contents entry has no entry above it.
        assert_eq!(count("Before you start"), 2);
        assert_eq!(count("Sign up and get a number"), 1);
        assert_eq!(count("Messaging quickstart"), 1);
    }

    #[test]
    fn a_statement_under_a_paragraph_is_not_the_headline() {
        // The body region starts late (a list of steps split it); the second paragraph of the
        // lead names the page's slug, yet it is a paragraph.
        let text = "SMS developer quickstart\n\
            In this quickstart you build an application that sends a message to a phone.\n\
            For a quickstart without code, see the messaging quickstart with the studio.\n\
            Install Python\nInstall the tools\n\
            For a number, see the account page and send a message without code to the phone.\n\
            See the quickstart with the studio for a message without code for the number.";
        let url = Some("https://x.com/docs/messaging/quickstart");
        assert_eq!(
            title_of(text, 5, url).as_deref(),
            Some("SMS developer quickstart")
        );
    }

    #[test]
    fn a_contents_entry_repeated_as_a_body_heading_is_not_the_headline() {
        let text = "Contents\nWhat Is Digital Marketing?\nExploring Digital Marketing Channels\n\
            The Bottom Line\nUnderstanding Digital Marketing: Types and Channels\nBy Jane Roe\n\
            Digital marketing is the use of websites, apps, social networks and search engines to reach customers.\n\
            Marketing channels online have grown since the nineties and now take most advertising budgets.\n\
            Exploring Digital Marketing Channels\n\
            The main digital marketing channels are search, social media, email and content marketing.";
        let ls = super::super::lines::split(text);
        let mut roles = vec![Role::Unset; ls.len()];
        let classes = punct_classes(&ls);
        let mut a = Article::default();
        byline(&ls, &mut roles, 0, 6, &mut a);
        title(&ls, &mut roles, &classes, 0, 6, None, &mut a);
        assert_eq!(
            a.title.map(|t| t.text).as_deref(),
            Some("Understanding Digital Marketing: Types and Channels")
        );
    }

    #[test]
    fn a_subheading_spelling_the_slug_below_the_first_paragraph_is_not_the_headline() {
        let text = "Black Friday 2025 security deals to explore\n\
            Black Friday 2025 is a good moment for anyone thinking about upgrading their security tools.\n\
            Passwork\nBlack Friday 2025 security offers\n\
            Passwork is a self-hosted password manager that keeps the team's secrets safe and audited.";
        let url = Some("https://x.com/2025/11/24/black-friday-2025-security-offers/");
        assert_eq!(
            title_of(text, 1, url).as_deref(),
            Some("Black Friday 2025 security deals to explore")
        );
    }

    #[test]
    fn a_headings_permalink_mark_is_not_part_of_the_title() {
        let text = "Docs\nModels¶\n\
            A model is the single, definitive source of information about your data and its fields.\n\
            Generally, each model maps to a single database table with one column for each field.";
        let ls = super::super::lines::split(text);
        let mut roles = vec![Role::Unset; ls.len()];
        let classes = punct_classes(&ls);
        let mut a = Article::default();
        let url = Some("https://x.org/en/5.1/topics/db/models/");
        title(&ls, &mut roles, &classes, 0, 2, url, &mut a);
        let t = a.title.unwrap();
        assert_eq!(t.text, "Models");
        assert_eq!(&text[t.span.start..t.span.end], "Models");
        let l = &super::super::lines::split("Section ¶")[0];
        let p = headline_part(l);
        assert_eq!((p.end, p.words), ("Section".len(), 1));
    }

    #[test]
    fn a_headline_far_below_a_notice_paragraph_is_found_by_its_url() {
        let mut text = String::from(
            "Shop\nTake full advantage of our site features by enabling JavaScript in your browser.\n",
        );
        for k in 0..70 {
            text.push_str(&format!("Category {k}\n"));
        }
        text.push_str(
            "Handmade Stoneware Coffee Mug with Folk Art Glaze\n\
            This handmade stoneware coffee mug is thrown on the wheel and glazed in a folk art style.\n",
        );
        let url = Some("https://x.com/listing/183/handmade-stoneware-coffee-mug-folk-art");
        assert_eq!(
            title_of(&text, 1, url).as_deref(),
            Some("Handmade Stoneware Coffee Mug with Folk Art Glaze")
        );
    }

    #[test]
    fn a_filter_entry_with_its_item_count_is_not_the_headline() {
        let text = "Home\nWaterproof Hiking Boots\nSort by\nPrice\nBrand\nColour\nSize\n\
            Waterproof Hiking Boots for Men and Women (27)\n\
            Waterproof hiking boots for men and women keep feet dry and steady on every trail.\n";
        assert_eq!(
            title_of(text, 8, None).as_deref(),
            Some("Waterproof Hiking Boots")
        );
        assert!(ends_with_count("Winter Hiking Boots (27)"));
        assert!(!ends_with_count("Best Films (2019)"));
        assert!(!ends_with_count("(27)"));
    }

    #[test]
    fn title_is_the_fuller_headline_under_a_breadcrumb_tail() {
        let text = "Home\nPhotography\nLenses\nMirrorless Lenses\nMirrorless Camera Lenses\n\
            Shop mirrorless lenses for every camera mount, from wide primes to long zooms.\n\
            Mirrorless Lenses\nSort by\n";
        let url = Some("https://x.com/l/mirrorless-lenses");
        assert_eq!(
            title_of(text, 5, url).as_deref(),
            Some("Mirrorless Camera Lenses")
        );
    }

    #[test]
    fn post_navigation_and_pagers_are_not_headlines() {
        assert!(links_elsewhere(
            "Back to overview Older post: Kubernetes: the new Gateway API"
        ));
        assert!(links_elsewhere("← Previous Story"));
        assert!(links_elsewhere("7 posts • Page 1 of 1"));
        assert!(links_elsewhere("Viewing page 2 of 9"));
        assert!(links_elsewhere("المقال السابق: افتتاح المعرض"));
        assert!(!links_elsewhere("Recap 2025 - updates at OSSO"));
        assert!(!links_elsewhere("The front page of the paper"));
        assert!(!links_elsewhere("Page 3 offers"));
        // A page whose first headline-shaped line is its pager or a link to the older post.
        let opts = crate::Options {
            input: crate::InputKind::Text,
            ..crate::Options::default()
        };
        let mut page = String::from(
            "Blog\nAbout\nBack to overview Older post: Gateways for every cluster\n7 posts • Page 1 of 1\nRecap of our busy year\n",
        );
        for k in 0..5 {
            page.push_str(&format!(
                "Our busy year brought step {k} of the migration, and the team wrote about each of them.\n"
            ));
        }
        let a = crate::extract(page.as_bytes(), &opts)
            .map(|e| e.article)
            .unwrap_or_default();
        assert_eq!(
            a.title.as_ref().map(|t| t.text.as_str()),
            Some("Recap of our busy year")
        );
    }

    #[test]
    fn title_is_the_headline_not_its_image_alt_text_with_a_counter() {
        let text = "Shop\nCeramic mug, earthy pottery mug handmade\n\
            Ceramic mug, earthy pottery mug handmade image 1\n\
            Ceramic mug, earthy pottery mug handmade image 2\n\
            Thrown by hand from clay and glazed in soft colours for your morning coffee.\n";
        let url = Some("https://x.io/listing/615442107");
        assert_eq!(
            title_of(text, 4, url).as_deref(),
            Some("Ceramic mug, earthy pottery mug handmade")
        );
    }

    #[test]
    fn a_brand_above_the_product_name_ending_on_it_is_not_its_headline() {
        let text = "Shop\nMartinsen\nBarbecue charbon inox 1600 - Martinsen\n\
            Le barbecue charbon 1600 est compact et performant pour les petits balcons.\n";
        let url = Some("https://x.fr/barbecue-charbon/8866-1600-martinsen.html");
        assert_eq!(
            title_of(text, 3, url).as_deref(),
            Some("Barbecue charbon inox 1600 - Martinsen")
        );
    }

    #[test]
    fn title_is_the_headline_above_its_deck() {
        let text = "Docs\nDevelop\nRedis data types\nOverview of data types supported by Redis\n\
            An overview of the data types supported by Redis, a server for caching and messaging.\n";
        let url = Some("https://x.io/docs/latest/develop/data-types/");
        assert_eq!(title_of(text, 4, url).as_deref(), Some("Redis data types"));
    }

    #[test]
    fn title_is_the_line_a_run_together_breadcrumb_ends_on() {
        let text = "Home Wellness Glossary Fitness & Exercise Training\nFitness & Exercise Training\n\
            Fitness and exercise training is the practice of regular physical activity to improve health.\n\
            Exercise training builds strength, endurance and balance over weeks of steady practice.";
        let url = Some("https://x.com/glossary/fitness-exercise-training");
        assert_eq!(
            title_of(text, 2, url).as_deref(),
            Some("Fitness & Exercise Training")
        );
    }

    #[test]
    fn breadcrumb_tail_and_section_number() {
        fn tail(t: &str) -> Option<&str> {
            crumb_tail(t).map(|at| &t[at..])
        }
        assert_eq!(
            tail("Home » Blog » Remodel, Rebuild, or Renovate"),
            Some("Remodel, Rebuild, or Renovate")
        );
        assert_eq!(
            tail("الرئيسية » أخبار » ارتفاع أسعار النفط"),
            Some("ارتفاع أسعار النفط")
        );
        assert_eq!(
            tail("Newsroom/Online tips/Graphic design: which?"),
            Some("Graphic design: which?")
        );
        assert_eq!(
            tail("| Resources | Blog | Packing Tips Guide"),
            Some("Packing Tips Guide")
        );
        // A word with a slash, a date, a long first item: no trail.
        assert_eq!(tail("AC/DC announce a new tour"), None);
        assert_eq!(tail("Metasploit Wrap-Up 12/19/2025"), None);
        assert_eq!(
            tail("How to choose a cleaning service for your home | CottageCare"),
            None
        );
        fn after(t: &str) -> Option<&str> {
            after_section_number(t).map(|at| &t[at..])
        }
        assert_eq!(
            after("3.1 Git Branching - Branches"),
            Some("Git Branching - Branches")
        );
        assert_eq!(after("15 - Tutorial: Sweep"), Some("Tutorial: Sweep"));
        assert_eq!(after("٣.١ مقدمة الكتاب"), Some("مقدمة الكتاب"));
        assert_eq!(after("15 Data Analytics Tools"), None);
        assert_eq!(after("2024 - Pros & Cons"), None);
        assert_eq!(after("1.5x faster builds"), None);
    }

    #[test]
    fn last_segment_words() {
        let t = url_last_segment_tokens("https://x.org/docs/18/sql-select.html");
        let has = |w: &str| t.contains(&super::super::token_hash(w));
        assert!(has("select") && has("sql") && !has("docs") && !has("html"));
        let t = url_last_segment_tokens("https://x.com/mens/moon-silver/28000436.html");
        assert_eq!(t.len(), 2);
        assert!(url_last_segment_tokens("https://x.com/").is_empty());
    }

    #[test]
    fn word_sets_hold_the_folded_word_hashes() {
        for text in [
            "",
            "ab",
            "The Minister's talks: 2024 (UPDATED) - AC/DC & co.",
            "Top 27 Software Development Tools",
            "café au lait, naïve résumé",
            "ارتفاع أسعار النفط في الأسواق",
            "Oil prices: ارتفاع أسعار النفط 2025 — up",
            "abcé def ghi",
            "  leading  and trailing  ",
            "x\u{301}yz ÀBC abc",
            "İstanbul ẞtraße STRASSE",
            "“Quoted” text: don’t stop—now…",
            "abc😀def ghi½jkl ٣٤٥abc",
        ] {
            let mut set = super::super::TokenSet::default();
            super::super::collect_tokens(text, &mut set);
            let mut want: Vec<u64> = set.into_iter().collect();
            want.sort_unstable();
            assert_eq!(Words::of(text).0, want, "{text}");
            let mut body = WordTable::with_capacity(1);
            word_hashes(text, &mut body);
            assert_eq!(body.len + usize::from(body.zero), want.len(), "{text}");
            assert!(want.iter().all(|h| body.contains(h)), "{text}");
        }
    }

    #[test]
    fn word_table_grows_and_finds_what_it_holds() {
        let mut t = WordTable::with_capacity(0);
        let keys: Vec<u64> = (0..5000u64)
            .map(|k| k.wrapping_mul(0x2545_f491_4f6c_dd1d))
            .collect();
        for &k in &keys {
            t.insert(k);
            t.insert(k);
        }
        assert!(keys.iter().all(|k| t.contains(k)));
        assert_eq!(t.len + usize::from(t.zero), keys.len());
        assert!(t.zero && !t.contains(&1) && t.slots.len() >= 2 * t.len);
    }

    #[test]
    fn slug_words() {
        let t = url_slug_tokens("https://x.com/2020/09/best-major-appliances.html?a=1");
        let has = |w: &str| t.contains(&super::super::token_hash(w));
        assert!(has("best") && has("Appliances") && !has("2020"));
    }
}
