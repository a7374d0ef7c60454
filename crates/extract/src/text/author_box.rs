//! The author box: when no byline word named the author, a line of names is the article's
//! author if what stands around it says so — the author's photo ("Headshot of Jane Doe"), a box
//! heading ("About the author", "عن الكاتب"), the article's stamp right beside it, or, more
//! weakly, the name repeated or a job title under it ("Contributing Writer", "مراسلة الموقع").
//! Phrases are data: `data/text_author_box.tsv`.

use std::sync::LazyLock;

use marsad_arabic::phrases::fold;
use marsad_model::{Article, Text};

use super::Role;
use super::lines::{Line, LineKind};
use super::parts::{MAX_NAMES_LINE_WORDS, Words, capitalised, names_line};

/// The phrases of `data/text_author_box.tsv`, folded.
struct Lexicon {
    labels: Vec<String>,
    before: Vec<String>,
    after: Vec<String>,
    alone: Vec<String>,
    not_name: Vec<String>,
    bio_verbs: Vec<String>,
    bio_opens: Vec<String>,
}

static LEXICON: LazyLock<Lexicon> = LazyLock::new(|| {
    let mut x = Lexicon {
        labels: Vec::new(),
        before: Vec::new(),
        after: Vec::new(),
        alone: Vec::new(),
        not_name: Vec::new(),
        bio_verbs: Vec::new(),
        bio_opens: Vec::new(),
    };
    for (kind, phrase) in crate::data::tsv_rows(include_str!("../../data/text_author_box.tsv")) {
        let list = match kind {
            "label" => &mut x.labels,
            "portrait_before" => &mut x.before,
            "portrait_after" => &mut x.after,
            "portrait_alone" => &mut x.alone,
            "not_name" => &mut x.not_name,
            "bio_verb" => &mut x.bio_verbs,
            "bio_open" => &mut x.bio_opens,
            _ => continue,
        };
        // Portrait phrases are matched on the lower-case line (their positions must hold).
        list.push(match kind {
            "portrait_before" | "portrait_after" | "not_name" | "bio_verb" | "bio_open" => {
                phrase.to_lowercase()
            }
            _ => fold(phrase),
        });
    }
    // The longest phrase first ("'s avatar" before "avatar").
    x.after.sort_by_key(|p| std::cmp::Reverse(p.len()));
    x
});

/// Most words of a portrait line's name (it has two at least: "Featured image" shows no one).
const MAX_PORTRAIT_NAME_WORDS: usize = 5;

/// The name an author's photo shows, from its alt text: "Headshot of Jane Doe", "Jane Doe
/// avatar", "صورة سارة أحمد" → the name as written in `text`.
pub(crate) fn portrait_name(text: &str) -> Option<&str> {
    let text = text.trim();
    let x = &*LEXICON;
    // The phrases are lower case; compared without allocating (ASCII case folded).
    let name = x
        .before
        .iter()
        .find_map(|p| crate::data::opens_with(text, p).filter(|rest| rest.starts_with(' ')))
        .or_else(|| {
            x.after.iter().find_map(|p| {
                let cut = text.len().checked_sub(p.len())?;
                let head = text.get(..cut)?;
                (text[cut..].eq_ignore_ascii_case(p)
                    && (p.starts_with(['\'', '’']) || head.ends_with(' ')))
                .then_some(head)
            })
        })?
        .trim();
    let words = name.split_whitespace().count();
    ((2..=MAX_PORTRAIT_NAME_WORDS).contains(&words)
        && name
            .chars()
            .next()
            .is_some_and(|c| c.is_alphabetic() && !c.is_lowercase()))
    .then_some(name)
}

/// True when a line of names may name a person: no colon, no closing punctuation, no word
/// of a button or a menu ("Back to Blog", "Share Post.", "Tags: Philosophy").
pub(crate) fn may_name(l: &Line) -> bool {
    !l.f.end_punct
        && !l.text.contains([':', '!', '?'])
        && !l.text.split_whitespace().any(|w| {
            let w = w.trim_matches(|c: char| !c.is_alphanumeric());
            LEXICON.not_name.iter().any(|n| n.eq_ignore_ascii_case(w))
        })
}

/// Fewest words of an author's bio line ("Jane Doe is a reporter covering …").
const MIN_BIO_WORDS: u32 = 8;

/// How many lines under the name its bio may start (a job title, the name again between).
const BIO_REACH: usize = 3;

/// True when a bio of the person named `name` opens within [`BIO_REACH`] lines under line
/// `i`: a sentence opening on the name, whole or the given name, and a bio verb, that names
/// a job ("Jane Doe is a reporter …", "Jane has been an editor …"; a product's or a term's
/// definition, "Acme EMS is a system …", names none).
fn bio_under(lines: &[Line], i: usize, name: &str) -> bool {
    let Some(given) = name.split_whitespace().next() else {
        return false;
    };
    let opens_bio = |rest: &str| {
        if rest.starts_with(['\'', '’']) {
            return true;
        }
        rest.strip_prefix(' ')
            .and_then(|r| r.split_whitespace().next())
            .is_some_and(|w| LEXICON.bio_verbs.iter().any(|v| v == w))
    };
    lines.iter().skip(i + 1).take(BIO_REACH).any(|l| {
        l.f.words >= MIN_BIO_WORDS
            && l.f.end_punct
            && [name, given]
                .into_iter()
                .any(|n| l.text.strip_prefix(n).is_some_and(opens_bio))
            && crate::html::meta::clean::names_a_role(l.text)
    })
}

/// Most words of a name opening a bio line.
const MAX_BIO_NAME_WORDS: usize = 4;

/// Fewest words of a name opening a bio line (a product's one-word name opens its
/// definition: "Looker is a cloud-based platform …").
const MIN_BIO_NAME_WORDS: usize = 2;

/// How many words after the bio opening the job is named in.
const BIO_ROLE_REACH: usize = 4;

/// Most words of a bio line under an article (a writer's bio runs to a long paragraph).
const MAX_BIO_LINE_WORDS: u32 = 160;

/// True when `l` is an author's bio, the kind that closes an article without a heading:
/// a sentence opening on a name ([`MIN_BIO_NAME_WORDS`] to [`MAX_BIO_NAME_WORDS`]
/// capitalised words, the first no stopword), then a bio opening ("is a", "has been a",
/// "writes about"; data) and a job within [`BIO_ROLE_REACH`] words ("Jane Doe is a reporter
/// for NBC News.", "Rebecca Norris is a full-time freelance writer …"). "It is a …", "Jane
/// Doe said …" and "Acme Cloud is a global provider …" are none.
pub(crate) fn is_bio_line(l: &Line) -> bool {
    // The cheap tests first: this runs on the lines of a body region.
    if l.kind != LineKind::Text
        || !l.f.end_punct
        || !(MIN_BIO_WORDS..=MAX_BIO_LINE_WORDS).contains(&l.f.words)
        || !l.text.starts_with(|c: char| c.is_uppercase())
    {
        return false;
    }
    let (name_words, rest) = bio_name(l.text);
    if name_words < MIN_BIO_NAME_WORDS {
        return false;
    }
    // The job follows the opening ("is a full-time freelance writer").
    bio_openings(rest).any(|job| {
        job.split_whitespace()
            .take(BIO_ROLE_REACH)
            .any(crate::html::meta::clean::names_a_role)
    }) && l
        .text
        .split(' ')
        .next()
        .is_some_and(|w| !super::lines::is_stopword(w))
}

/// True when line `i` is an author's bio that opens on the given name alone ("Elliot is a
/// dynamic sales executive …", "Irene is an experienced writer …") under the person's full
/// name: a line of one name of two words or more that opens with that given name stands
/// within [`BIO_REACH`] lines above it ("Elliot Raba", "Enterprise Sales Executive", then the
/// bio). A product's definition under its name ("Looker Studio" over "Looker is a …") has no
/// person's name above it.
pub(crate) fn given_name_bio(lines: &[Line], i: usize) -> bool {
    let l = &lines[i];
    if l.kind != LineKind::Text
        || !l.f.end_punct
        || !(MIN_BIO_WORDS..=MAX_BIO_LINE_WORDS).contains(&l.f.words)
    {
        return false;
    }
    let (1, rest) = bio_name(l.text) else {
        return false;
    };
    let given = l.text.split(' ').next().unwrap_or_default();
    if super::lines::is_stopword(given) || bio_openings(rest).next().is_none() {
        return false;
    }
    lines[i.saturating_sub(BIO_REACH)..i].iter().any(|n| {
        n.f.words >= 2
            && n.text.split(' ').next() == Some(given)
            && super::parts::names_line(n).is_some_and(|v| v.len() == 1)
    })
}

/// The name a bio line opens on and what follows it: how many capitalised words (at most
/// [`MAX_BIO_NAME_WORDS`]) open `text`, and the text after them and their space ("Jane Doe is
/// a reporter …" → 2 and "is a reporter …").
pub(crate) fn bio_name(text: &str) -> (usize, &str) {
    let mut words = 0usize;
    let mut end = 0usize;
    for w in text.split(' ').take(MAX_BIO_NAME_WORDS) {
        let capital = w.chars().next().is_some_and(char::is_uppercase)
            && w.chars()
                .all(|c| c.is_alphabetic() || matches!(c, '.' | '-' | '\'' | '’'));
        if !capital {
            break;
        }
        words += 1;
        end += w.len() + 1;
    }
    (words, text.get(end..).unwrap_or_default())
}

/// What follows each bio opening ("is a", "has been an", "writes about"; data) that `rest`
/// opens with, from the space after it ("is a reporter …" → " reporter …").
fn bio_openings(rest: &str) -> impl Iterator<Item = &str> {
    LEXICON.bio_opens.iter().filter_map(move |p| {
        crate::data::opens_with(rest, p).filter(|after| after.starts_with(' '))
    })
}

/// Most words of an author-box heading ("About the author").
const MAX_LABEL_WORDS: u32 = 4;

/// True when a line is an author-box heading ("About the author", "عن الكاتب:").
fn is_label(l: &Line) -> bool {
    l.f.words <= MAX_LABEL_WORDS && l.f.digits == 0 && {
        let t = fold(l.text.trim_end_matches([':', '：']));
        LEXICON.labels.contains(&t)
    }
}

/// Most words of a job-title line under a name.
const MAX_ROLE_WORDS: u32 = 8;

/// True when a line is a job title ("Contributing Writer", "VP - Technology").
fn is_role_line(l: &Line) -> bool {
    l.kind == LineKind::Text
        && l.f.words <= MAX_ROLE_WORDS
        && !l.f.end_punct
        && l.f.digits == 0
        && crate::html::meta::clean::names_a_role(l.text)
}

/// True when `l` is the alt text of a photo of `name` ("Headshot of Jane Doe"). (An image's
/// file name is not enough: cards of listings name their pictures after their titles.)
fn shows(l: &Line, name: &str) -> bool {
    // The photo's alt text opens or ends on the name (a cheap test before reading it).
    let t = l.text.as_bytes();
    let n = name.as_bytes();
    t.len() > n.len()
        && (t[..n.len()].eq_ignore_ascii_case(n) || t[t.len() - n.len()..].eq_ignore_ascii_case(n))
        && portrait_name(l.text).is_some_and(|p| p.eq_ignore_ascii_case(name))
}

/// How many lines around the headline an author box is looked for.
const HEAD_REACH: usize = 8;

/// How many lines around the body's end an author box is looked for (the region's end may
/// hold the comments).
const FOOT_REACH: usize = 40;

/// How many lines from the headline the stamp's neighbour may be the byline.
const NEAR_TITLE: usize = 4;

/// How strongly the surroundings of line `i` (names `texts`) make it the author's.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
enum Evidence {
    None,
    /// A job title under it.
    Weak,
    /// The author's photo, a box heading or the article's stamp beside it.
    Strong,
}

fn evidence(
    lines: &[Line],
    roles: &[Role],
    i: usize,
    title: Option<usize>,
    article: &Article,
) -> (Evidence, &'static str) {
    // The line is the name (a line of names is read once there is evidence).
    let first = lines[i].text;
    let at = |j: Option<usize>| j.and_then(|j| lines.get(j).map(|l| (j, l)));
    let (prev, prev2, next) = (at(i.checked_sub(1)), at(i.checked_sub(2)), at(Some(i + 1)));
    // The article's stamp beside it, in the headline's block.
    let near_title = title.is_some_and(|t| t.abs_diff(i) <= NEAR_TITLE);
    if near_title
        && [prev, next]
            .into_iter()
            .flatten()
            .any(|(j, _)| roles[j] == Role::Stamp)
    {
        return (Evidence::Strong, "the stamp beside it");
    }
    // The line above, folded once when it is short enough to be a heading or a bare photo.
    let above = prev
        .filter(|(_, l)| l.f.words <= MAX_LABEL_WORDS && l.f.digits == 0)
        .map(|(_, l)| fold(l.text.trim_end_matches([':', '：'])));
    let photo = [prev, prev2, next]
        .into_iter()
        .flatten()
        .any(|(_, l)| shows(l, first))
        || above.as_ref().is_some_and(|t| LEXICON.alone.contains(t));
    if photo {
        return (Evidence::Strong, "the author's photo beside it");
    }
    // A box heading right above (or above the photo).
    let label = above.as_ref().is_some_and(|t| LEXICON.labels.contains(t))
        || (prev.is_some_and(|(_, l)| l.f.file || portrait_name(l.text).is_some())
            && prev2.is_some_and(|(_, l)| is_label(l)));
    if label {
        return (Evidence::Strong, "an author-box heading above it");
    }
    // A bio opening on the name under it, or, in the headline's block of a dated article, a
    // job title under it (the name may be repeated first).
    if bio_under(lines, i, first) {
        return (Evidence::Weak, "");
    }
    let role_under = article.published.is_some()
        && title.is_some_and(|t| t.abs_diff(i) <= 2 * NEAR_TITLE)
        && next.is_some_and(|(j, l)| {
            is_role_line(l)
                || (l.hash == lines[i].hash && lines.get(j + 1).is_some_and(is_role_line))
        });
    if role_under {
        (Evidence::Weak, "")
    } else {
        (Evidence::None, "")
    }
}

/// Longest forum user name, in bytes.
const MAX_USER_NAME_BYTES: usize = 30;

/// True when a token is shaped like a forum user name rather than a word: lower-case start,
/// a digit, a dot or an underscore, or a capital inside ("tinterweb", "hayley.p",
/// "PaulWBryant"); a capitalised word ("Travel", "Politics") is a section.
fn user_name_shaped(t: &str) -> bool {
    let b = t.as_bytes();
    (3..=MAX_USER_NAME_BYTES).contains(&b.len())
        && b.iter()
            .all(|c| c.is_ascii_alphanumeric() || matches!(c, b'.' | b'_' | b'-'))
        && b[0].is_ascii_alphabetic()
        && (b[0].is_ascii_lowercase()
            || b.iter()
                .any(|c| c.is_ascii_digit() || matches!(c, b'.' | b'_'))
            || b.windows(2)
                .any(|w| w[0].is_ascii_lowercase() && w[1].is_ascii_uppercase()))
}

/// The poster of a thread's first post: its stamp line opens on a user name and dates the
/// post to the minute ("tinterweb April 26, 2024, 6:28am 1", "longshot · 03/03/2026 19:44",
/// "amondale (Amondale) November 8, 2024, 7:33pm").
pub(crate) fn first_poster(lines: &[Line], roles: &[Role], article: &mut Article) -> Option<usize> {
    if !article.authors.is_empty() {
        return None;
    }
    let stamp = article.published.as_ref()?.span;
    let i = (0..lines.len()).find(|&i| {
        roles[i] == Role::Stamp
            && lines[i].span.start <= stamp.start
            && stamp.end <= lines[i].span.end
    })?;
    let l = &lines[i];
    let date = crate::html::meta::date::find(l.text, false)?;
    date.time?;
    let head = l.text.get(..date.start)?;
    // The user name, then maybe the full name in brackets and a separator.
    let head =
        head.trim_end_matches(|c: char| c.is_whitespace() || matches!(c, '·' | '-' | '|' | '•'));
    let head = match head.split_once(" (") {
        Some((name, full)) if full.ends_with(')') => name,
        _ => head,
    };
    if !user_name_shaped(head)
        || LEXICON
            .not_name
            .iter()
            .any(|w| w.eq_ignore_ascii_case(head))
    {
        return None;
    }
    let t = super::sub_text(l, 0, head.len())?;
    article.authors = vec![t];
    Some(i)
}

/// The authors from an author box, when none was found (looked for by the headline, line
/// `title`, and under the body's end, line `body_end`): the first line of names with strong
/// evidence ([`Evidence::Strong`]); else the one name with weak evidence, when the page has
/// only one (several, as in testimonials or a team list, name no author). A line sharing a
/// word with the headline is its kicker, not a name. Returns the line taken and why.
pub(crate) fn author_box(
    lines: &[Line],
    roles: &mut [Role],
    title: Option<usize>,
    body_end: usize,
    article: &mut Article,
) -> Option<(usize, &'static str)> {
    if !article.authors.is_empty() {
        return None;
    }
    // An author box stands by the headline or under the article.
    let by_title = title.map_or(0..0, |t| t.saturating_sub(HEAD_REACH)..t + HEAD_REACH + 1);
    let under = body_end.saturating_sub(FOOT_REACH)..body_end + FOOT_REACH;
    let head = title.and_then(|t| lines.get(t)).map(|l| Words::of(l.text));
    let mut words = Words::default();
    let mut weak: Option<(usize, Vec<Text>)> = None;
    let mut weak_names = 0usize;
    let n = lines.len();
    let windows = [
        by_title.start.min(n)..by_title.end.min(n),
        under.start.max(by_title.end).min(n)..under.end.min(n),
    ];
    for i in windows.into_iter().flatten() {
        let l = &lines[i];
        // The shape of a line of names first (cheap), then what stands around it, then the
        // names themselves.
        if l.kind != LineKind::Text
            || !matches!(
                roles[i],
                Role::Unset | Role::Chrome(marsad_model::Reason::Nav)
            )
            || l.f.words < 2
            || l.f.words > MAX_NAMES_LINE_WORDS
            || l.f.digits != 0
            || l.f.file
            || l.phrase.is_some()
        {
            continue;
        }
        let (ev, why) = evidence(lines, roles, i, title, article);
        if ev == Evidence::None || !may_name(l) {
            continue;
        }
        let Some(texts) = names_line(l) else { continue };
        if !capitalised(&texts) {
            continue;
        }
        if let Some(head) = &head {
            words.read(l.text);
            if words.iter().any(|w| head.contains(w)) {
                continue;
            }
        }
        if ev == Evidence::Strong {
            article.authors = texts;
            roles[i] = Role::Byline;
            return Some((i, why));
        }
        match &weak {
            Some((j, _)) if lines[*j].hash == l.hash => {}
            _ => {
                weak_names += 1;
                if weak.is_none() {
                    weak = Some((i, texts));
                }
            }
        }
    }
    let (i, texts) = weak.filter(|_| weak_names == 1)?;
    article.authors = texts;
    roles[i] = Role::Byline;
    Some((i, "a bio or a job title under it"))
}

#[cfg(test)]
mod tests {
    use super::portrait_name;
    use crate::{InputKind, Options};

    /// The authors the text extractor names for `page`.
    fn authors(page: &str) -> Vec<String> {
        let opts = Options {
            input: InputKind::Text,
            ..Options::default()
        };
        crate::extract(page.as_bytes(), &opts)
            .map(|e| e.article.authors.into_iter().map(|t| t.text).collect())
            .unwrap_or_default()
    }

    /// A page: the menu, `head` lines, five paragraphs, then `foot` lines.
    fn page(head: &str, foot: &str) -> String {
        let mut p = String::from("Home\nNews\nContact\n");
        p.push_str(head);
        for k in 0..5 {
            p.push_str(&format!(
                "The harbour reopened this week, and paragraph {k} tells how the town's fishermen came back to work after the storm.\n"
            ));
        }
        p.push_str(foot);
        p.push_str("Privacy Policy\nTerms of Use\n");
        p
    }

    #[test]
    fn a_portrait_line_shows_a_name() {
        assert_eq!(portrait_name("Headshot of Jane Doe"), Some("Jane Doe"));
        assert_eq!(portrait_name("Jane Doe avatar"), Some("Jane Doe"));
        assert_eq!(portrait_name("Jane Doe’s avatar"), Some("Jane Doe"));
        assert_eq!(portrait_name("صورة سارة أحمد"), Some("سارة أحمد"));
        assert_eq!(portrait_name("Jane Doe"), None);
        assert_eq!(portrait_name("Featured image"), None);
    }

    #[test]
    fn the_names_beside_the_stamp_under_a_photo_are_the_author() {
        let p = page(
            "Picture of Andrew Kingsley\nAndrew Kingsley\nSeptember 4, 2025\nHarbour reopens after the storm\n",
            "",
        );
        assert_eq!(authors(&p), ["Andrew Kingsley"]);
    }

    #[test]
    fn the_names_beside_the_stamp_by_the_headline_are_the_author() {
        let p = page(
            "Harbour reopens after the storm\nMadison Greer\nJuly 5, 2025\n",
            "",
        );
        assert_eq!(authors(&p), ["Madison Greer"]);
    }

    #[test]
    fn an_about_the_author_box_names_the_author() {
        let p = page(
            "Harbour reopens after the storm\n",
            "About the Author\nScott Levinson\nScott Levinson covers the coast for the paper.\n",
        );
        assert_eq!(authors(&p), ["Scott Levinson"]);
        let p = page(
            "الميناء يعود إلى العمل بعد العاصفة\n",
            "عن الكاتب\nسارة أحمد\n",
        );
        assert_eq!(authors(&p), ["سارة أحمد"]);
    }

    #[test]
    fn a_bio_naming_a_job_under_the_name_names_the_author() {
        let p = page(
            "Harbour reopens after the storm\n",
            "Elena Linkova\nElena Linkova is a staff reporter who has covered the harbour towns for seven years.\n",
        );
        assert_eq!(authors(&p), ["Elena Linkova"]);
    }

    #[test]
    fn a_bio_names_teaching_and_writing_jobs() {
        let bio = |t: &str| super::is_bio_line(&crate::text::lines::split(t)[0]);
        assert!(bio(
            "Pamela Wilson is an online educator, author, keynote speaker, and the founder of a brand studio.\n"
        ));
        assert!(bio(
            "Jennifer Morse is a certified personal trainer and group fitness instructor at the club.\n"
        ));
        assert!(!bio(
            "Acme Cloud is an online platform that helps schools plan their lessons and budgets.\n"
        ));
    }

    #[test]
    fn a_definition_or_a_button_is_no_author() {
        // A product defined under its name names no job.
        let p = page(
            "Harbour reopens after the storm\n",
            "Acme Dock\nAcme Dock is a booking system that lets boats reserve their berths online.\n",
        );
        assert!(authors(&p).is_empty());
        // A button beside the stamp.
        let p = page(
            "Harbour reopens after the storm\nBack to Blog\nJuly 5, 2025\n",
            "",
        );
        assert!(authors(&p).is_empty());
    }

    #[test]
    fn several_people_with_job_titles_name_no_author() {
        let p = page(
            "Harbour reopens after the storm\nJuly 5, 2025\n",
            "Jane Doering\nJane Doering is the harbour's director and has run it since 2010.\nJohn Roeland\nJohn Roeland is a fisherman and the union's president.\n",
        );
        assert!(authors(&p).is_empty());
    }

    #[test]
    fn a_split_byline_skips_the_authors_avatar() {
        let p = page(
            "Harbour reopens after the storm\nBy\nMatt Elander avatar\nMatt Elander on Dec. 13, 2025\n",
            "",
        );
        assert_eq!(authors(&p), ["Matt Elander"]);
    }
}

#[cfg(test)]
mod forum_tests {
    use super::user_name_shaped;
    use crate::{InputKind, Options};

    #[test]
    fn user_names_are_not_words() {
        for t in [
            "tinterweb",
            "hayley.p",
            "PaulWBryant",
            "Ejp55230",
            "q_admin",
        ] {
            assert!(user_name_shaped(t), "{t}");
        }
        for t in ["Travel", "Politics", "By", "ab", "اليوم"] {
            assert!(!user_name_shaped(t), "{t}");
        }
    }

    #[test]
    fn a_thread_names_its_first_poster() {
        let mut p = String::from("Community Forum\nDeploy failed for unknown reason\nHelp\n");
        p.push_str("tinterweb April 26, 2024, 6:28am 1\n");
        for k in 0..4 {
            p.push_str(&format!(
                "The build stops at step {k} with an error that names no file, and the log ends there without a reason.\n"
            ));
        }
        p.push_str(
            "otheruser April 27, 2024, 9:10am 2\nDid you clear the cache before the build?\n",
        );
        let opts = Options {
            input: InputKind::Text,
            ..Options::default()
        };
        let a = crate::extract(p.as_bytes(), &opts).unwrap().article;
        let names: Vec<&str> = a.authors.iter().map(|t| t.text.as_str()).collect();
        assert_eq!(names, ["tinterweb"]);
        // A section word or a date label before a stamp is no poster.
        for other in ["Travel April", "asked April"] {
            let q = p.replace("tinterweb April", other);
            let a = crate::extract(q.as_bytes(), &opts).unwrap().article;
            assert!(a.authors.is_empty(), "{other}");
        }
    }
}
