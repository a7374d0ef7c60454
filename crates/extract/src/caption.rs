//! Image captions, shared by the HTML and text extractors: the credit at their end
//! ("… (رويترز)") and the date they name ("7 أيلول 2020").

use std::sync::LazyLock;

use marsad_arabic::dateline::{Credit, find_credit};
use marsad_arabic::dates::{DateContext, DateValue, find_dates};

/// The trailing credit of a caption and where the caption proper ends (before the bracket).
///
/// ```
/// # use marsad_extract::caption::split_credit;
/// let t = "لافروف خلال لقائه بشار الأسد في دمشق - 7 أيلول 2020 (رويترز)";
/// let (end, credit) = split_credit(t).unwrap();
/// assert_eq!(t[..end].trim_end(), "لافروف خلال لقائه بشار الأسد في دمشق - 7 أيلول 2020");
/// assert_eq!(credit.agency, "رويترز");
/// ```
pub fn split_credit(caption: &str) -> Option<(usize, Credit)> {
    let credit = find_credit(caption)?;
    let end = caption
        .get(..credit.span.start)
        .and_then(|s| s.rfind(['(', '[', '（']))
        .unwrap_or(credit.span.start);
    Some((end, credit))
}

/// A credit in brackets closing a caption, labelled or naming a picture agency: "(Credit:
/// Getty Images)", "(AP Photo/Evan Vucci)", "(الصورة: رويترز)". Where the caption proper
/// ends (at the bracket) and who the credit names (a sub-slice of `caption`).
///
/// ```
/// # use marsad_extract::caption::bracketed_credit;
/// let t = "المتظاهرون أمام البرلمان (الصورة: رويترز)";
/// let (end, who) = bracketed_credit(t).unwrap();
/// assert_eq!((t[..end].trim_end(), who), ("المتظاهرون أمام البرلمان", "رويترز"));
/// assert_eq!(bracketed_credit("A crowd in the square (AP Photo/Evan Vucci)").unwrap().1, "AP Photo/Evan Vucci");
/// assert!(bracketed_credit("Click the link (opens in a new tab)").is_none());
/// assert!(bracketed_credit("(Credit: Getty Images)").is_none()); // a credit line, no caption
/// assert_eq!(bracketed_credit("Crews at work. (John Chen / Coast Herald)").unwrap().1, "John Chen / Coast Herald");
/// ```
pub fn bracketed_credit(caption: &str) -> Option<(usize, &str)> {
    let t = caption.trim_end();
    let (open, close) = match t.as_bytes().last()? {
        b')' => ('(', ')'),
        b']' => ('[', ']'),
        _ => return None,
    };
    let at = t.rfind(open)?;
    let inner = &t[at + 1..t.len() - 1];
    if t[..at].trim().is_empty() || inner.contains(close) {
        return None;
    }
    let who = credit_name(inner)
        .or_else(|| (is_agency_credit(inner) || is_slashed_credit(inner)).then(|| inner.trim()))?;
    Some((at, who))
}

/// A credit run on at the end of a caption's last sentence, no brackets: a labelled one
/// ("… on Monday. Photo: John Chen/Coast Herald", "… Credit: John Chen for The Times", or
/// after a dash or a bar: "… الاجتماع - تصوير: محمد علي"), one
/// after an opener of `data/credit_openers.tsv` ("… Photo by Ana Ruiz") or a
/// photographer's closed by an agency ("… on Monday. John Chen/AP"). Where the caption
/// proper ends and who the credit names (a sub-slice of `caption`).
///
/// ```
/// # use marsad_extract::caption::trailing_credit;
/// let t = "Crews repair downed lines on Monday. Photo: John Chen/Coast Herald";
/// let (end, who) = trailing_credit(t).unwrap();
/// assert_eq!((t[..end].trim_end(), who), ("Crews repair downed lines on Monday.", "John Chen/Coast Herald"));
/// assert_eq!(trailing_credit("Crews at work. John Chen/Getty Images").unwrap().1, "John Chen/Getty Images");
/// assert!(trailing_credit("Crews at work. They said: not yet").is_none());
/// let t = "He didn't get it. Credit... Doug Mills/The New York Times";
/// let (end, who) = trailing_credit(t).unwrap();
/// assert_eq!((&t[..end], who), ("He didn't get it.", "Doug Mills/The New York Times"));
/// assert_eq!(trailing_credit("A room in blue. Photo: Thomas Kuoh .").unwrap().1, "Thomas Kuoh");
/// assert_eq!(trailing_credit("Potholes on Main Street. Photo by Ana Ruiz").unwrap().1, "Ana Ruiz");
/// assert_eq!(trailing_credit("Edition of 6. Courtesy of White Cube.").unwrap().1, "White Cube");
/// assert!(trailing_credit("Photo: John Chen").is_none()); // a credit line, no caption
/// let t = "الرئيس خلال الاجتماع - تصوير: محمد علي";
/// let (end, who) = trailing_credit(t).unwrap();
/// assert_eq!((&t[..end], who), ("الرئيس خلال الاجتماع", "محمد علي"));
/// assert_eq!(trailing_credit("Crews at work | Photo: John Chen").unwrap().1, "John Chen");
/// assert!(trailing_credit("Crews at work - the long night").is_none());
/// ```
pub fn trailing_credit(caption: &str) -> Option<(usize, &str)> {
    let t = caption.trim_end();
    if let Some(found) = separated_credit(t) {
        return Some(found);
    }
    // The last sentence's end; the credit is all after it.
    let at = t
        .char_indices()
        .rev()
        .find(|&(i, c)| {
            matches!(c, '.' | '!' | '?' | '。')
                && t[i + c.len_utf8()..].starts_with(char::is_whitespace)
        })
        .map(|(i, c)| i + c.len_utf8())?;
    let tail = t[at..].trim_start();
    if tail.is_empty() || t[..at].split_whitespace().count() < 2 {
        return None;
    }
    let opened = || {
        CREDIT_OPENERS.iter().find_map(|o| {
            crate::data::opens_with(tail, o)
                .filter(|who| who.starts_with(' ') && names_few(who))
                .map(str::trim)
        })
    };
    let who = credit_name(tail)
        .or_else(|| is_agency_credit(tail).then_some(tail))
        .or_else(opened)?;
    // A full stop closing the credit is no part of the name ("Photo: Thomas Kuoh .",
    // "Courtesy of White Cube."); after an initial or "Jr" it is.
    let who = who
        .strip_suffix('.')
        .filter(|w| {
            w.ends_with(char::is_whitespace)
                || w.rsplit(' ')
                    .next()
                    .is_some_and(|last| last.chars().count() > 3)
        })
        .map_or(who, str::trim_end);
    // A label trailed off into the credit ("… He didn't get it. Credit... Doug Mills/The
    // New York Times", as the New York Times sets it) ends the caption too.
    let mut end = t.len() - tail.len();
    let head = t[..at].trim_end_matches(['.', '…']);
    if at - head.len() >= 3
        && let Some((before, label)) = head.rsplit_once(char::is_whitespace)
        && CREDIT_LABELS.iter().any(|l| l.eq_ignore_ascii_case(label))
    {
        end = before.len();
    }
    Some((end, who))
}

/// Separators a labelled credit stands after at a caption's end ("… - تصوير: محمد علي").
const CREDIT_SEPARATORS: [&str; 4] = [" - ", " – ", " — ", " | "];

/// A labelled credit set after a dash or a bar at the end of a caption, as Arabic captions
/// set it with no full stop: "الرئيس خلال الاجتماع - تصوير: محمد علي", "… | المصدر: رويترز".
/// Where the caption proper ends and who the credit names.
fn separated_credit(t: &str) -> Option<(usize, &str)> {
    let (at, sep) = CREDIT_SEPARATORS
        .iter()
        .filter_map(|s| t.rfind(s).map(|i| (i, s.len())))
        .max_by_key(|&(i, _)| i)?;
    if t[..at].split_whitespace().count() < 2 {
        return None;
    }
    let who = credit_name(&t[at + sep..])?;
    Some((at, who))
}

/// True when `text` names a photographer and the outlet they shot for, set apart by a slash,
/// as US papers credit pictures in brackets: "John Chen / Coast Herald". Two parts of
/// capitalised words (a few small words between them), the first two words or more, no
/// digits, a few words in all.
///
/// ```
/// # use marsad_extract::caption::is_slashed_credit;
/// assert!(is_slashed_credit("John Chen / Coast Herald"));
/// assert!(is_slashed_credit("Jane Roe/The New York Times"));
/// assert!(!is_slashed_credit("Left / Right"));
/// assert!(!is_slashed_credit("opens in a new tab / window"));
/// assert!(!is_slashed_credit("Pages 1/2"));
/// ```
pub fn is_slashed_credit(text: &str) -> bool {
    let t = text.trim();
    let Some((a, b)) = t.split_once('/') else {
        return false;
    };
    let capitalised = |p: &str| {
        let words: Vec<&str> = p.split_whitespace().collect();
        !words.is_empty()
            && words
                .first()
                .is_some_and(|w| w.starts_with(char::is_uppercase))
            && words
                .last()
                .is_some_and(|w| w.starts_with(char::is_uppercase))
            && words.iter().all(|w| {
                w.starts_with(char::is_uppercase)
                    || (w.len() <= 4 && w.chars().all(char::is_lowercase))
            })
    };
    !b.contains('/')
        && !t.chars().any(|c| c.is_ascii_digit())
        && a.split_whitespace().count() >= 2
        && names_few(t)
        && capitalised(a)
        && capitalised(b)
}

/// The first day (or month) a caption names, as `YYYY-MM-DD` (or `YYYY-MM`).
///
/// ```
/// # use marsad_extract::caption::caption_date;
/// assert_eq!(caption_date("لافروف في دمشق - 7 أيلول 2020").as_deref(), Some("2020-09-07"));
/// assert_eq!(caption_date("لافروف في دمشق"), None);
/// ```
pub fn caption_date(caption: &str) -> Option<String> {
    let ctx = DateContext::default();
    find_dates(caption, &ctx)
        .into_iter()
        .find_map(|d| match d.value {
            DateValue::Day(..) | DateValue::Minute { .. } | DateValue::Month(..) => {
                let v = d.value.value_string();
                Some(v.get(..10).unwrap_or(&v).to_string())
            }
            _ => None,
        })
}

/// The labels a page sets before a caption (data: `data/html_caption_labels.tsv`), lower case.
static CAPTION_LABELS: LazyLock<Vec<&'static str>> =
    LazyLock::new(|| crate::data::list(include_str!("../data/html_caption_labels.tsv")));

/// A caption without the label a page sets before it for screen readers ("Image caption, ",
/// "التعليق على الصورة، "): a label of `data/html_caption_labels.tsv`, then a comma or a colon.
///
/// ```
/// use marsad_extract::caption::without_caption_label;
/// assert_eq!(without_caption_label("التعليق على الصورة، دمار واسع في غزة"), "دمار واسع في غزة");
/// assert_eq!(without_caption_label("Image caption, Smoke over the city"), "Smoke over the city");
/// assert_eq!(without_caption_label("Image caption Smoke over the city"), "Smoke over the city");
/// assert_eq!(without_caption_label("Caption contest winners"), "Caption contest winners");
/// ```
pub fn without_caption_label(caption: &str) -> &str {
    let t = caption.trim_start();
    for label in CAPTION_LABELS.iter() {
        let Some(head) = t.get(..label.len()) else {
            continue;
        };
        if !head.eq_ignore_ascii_case(label) {
            continue;
        }
        let after = &t[label.len()..];
        let rest = after.trim_start();
        // A comma or a colon closes the label; a label of two words or more may stand
        // before the caption with a space alone (BBC's off-screen "Image caption" span).
        let rest = match rest.strip_prefix([',', '،', ':']) {
            Some(r) => r,
            None if label.contains(' ') && after.starts_with(char::is_whitespace) => rest,
            None => continue,
        };
        if !rest.trim().is_empty() {
            return rest.trim_start();
        }
    }
    caption
}

/// The labels that open a picture's credit (data: `data/html_credit_labels.tsv`, and the
/// `noun_label` rows of `data/html_credit_words.tsv`), lower case.
static CREDIT_LABELS: LazyLock<Vec<&'static str>> = LazyLock::new(|| {
    let mut v = crate::data::list(include_str!("../data/html_credit_labels.tsv"));
    v.extend(NOUN_LABELS.iter());
    v
});

/// The rows of `data/html_credit_words.tsv` of one kind.
fn credit_words(kind: &str) -> Vec<&'static str> {
    crate::data::words_of(include_str!("../data/html_credit_words.tsv"), kind)
}

/// Credit labels that are also common nouns before a colon ("Bild:", "Photo:"): after one,
/// the credit must read as names ([`names_like`]).
static NOUN_LABELS: LazyLock<Vec<&'static str>> = LazyLock::new(|| credit_words("noun_label"));

/// Lower-case words names may hold ("for", "de", "von").
static NAME_PARTICLES: LazyLock<Vec<&'static str>> = LazyLock::new(|| credit_words("particle"));

/// True when `label` is one of the [`NOUN_LABELS`].
fn is_noun_label(label: &str) -> bool {
    NOUN_LABELS.iter().any(|l| l.eq_ignore_ascii_case(label))
}

/// True when `who` reads as names: a slash, a bar or "©" sets a source apart in it
/// ("gargantiopa / Getty Images", names spelt as their owners do), or every word opens with a
/// capital or a letter of a script without case, holds a capital ("iStock"), a digit or a dot
/// ("pixabay.com"), or is a word of the `particle` rows of `data/html_credit_words.tsv`
/// ("for", "de", "dpa", "privat"), whole or a hyphenated part.
///
/// ```
/// use marsad_extract::caption::names_like;
/// assert!(names_like("John Locher, AP"));
/// assert!(names_like("Jane Doe for The New York Times"));
/// assert!(names_like("gargantiopa / Getty Images"));
/// assert!(names_like("محمد علي"));
/// assert!(names_like("dpa"));
/// assert!(names_like("picture-alliance"));
/// assert!(names_like("courtesy of the Smithsonian"));
/// assert!(!names_like("Die Mehrheit will mehr Busse."));
/// assert!(!names_like("the crowd gathered before dawn"));
/// ```
pub fn names_like(who: &str) -> bool {
    if who.contains(['/', '|', '©']) {
        return true;
    }
    for token in who.split_whitespace() {
        let w = token.trim_matches(|c: char| !c.is_alphanumeric());
        if w.is_empty() {
            continue;
        }
        let particle = |x: &str| NAME_PARTICLES.iter().any(|p| x.eq_ignore_ascii_case(p));
        let named = w.chars().any(|c| c.is_uppercase() || c.is_numeric())
            || !w.chars().any(char::is_lowercase)
            || w.contains('.')
            || particle(w)
            || w.split('-').any(particle);
        if !named {
            return false;
        }
    }
    true
}

/// Most words a credit line holds after its label.
pub const MAX_CREDIT_WORDS: usize = 8;

/// True when `who` (a credit's text after its label) names someone in a few words: one to
/// [`MAX_CREDIT_WORDS`] (counted no further).
fn names_few(who: &str) -> bool {
    (1..=MAX_CREDIT_WORDS).contains(&who.split_whitespace().take(MAX_CREDIT_WORDS + 1).count())
}

/// True when `text` is a picture's credit standing as a line of its own: a label of
/// `data/html_credit_labels.tsv` and a colon, then a few words naming who made or owns the
/// picture, the whole line perhaps in brackets; or a photographer's credit closed by the
/// agency's name ([`is_agency_credit`]).
///
/// ```
/// use marsad_extract::caption::is_credit_line;
/// assert!(is_credit_line("Photo: John Locher, AP"));
/// assert!(is_credit_line("Kim Kyung-Hoon/Reuters"));
/// assert!(is_credit_line("(Image credit: Blue Origin)"));
/// assert!(is_credit_line("تصوير: أحمد علي"));
/// assert!(is_credit_line("Photo：Kyodo")); // a full-width colon
/// assert!(is_credit_line("Beitragsbild: Titelseite der FAZ vom 2.4.2019, Ausriss."));
/// assert!(is_credit_line("CRÉDIT PHOTO : AFP"));
/// // A noun before a colon opens a credit only when names follow.
/// assert!(is_credit_line("Foto: Christian Charisius/dpa"));
/// assert!(!is_credit_line("Fotos: Die schönsten Momente des Festivals"));
/// assert!(!is_credit_line("Bild: Merz will Kabinett umbilden"));
/// assert!(!is_credit_line("Photo: the crowd gathered in the square before dawn to watch the first launch of the year"));
/// assert!(!is_credit_line("Photographers: bring your own tripod."));
/// ```
pub fn is_credit_line(text: &str) -> bool {
    is_agency_credit(text) || credit_name(text).is_some()
}

/// Who a labelled credit line names: the words after its label of
/// `data/html_credit_labels.tsv` and a colon, or, after a label of two words or more, a comma
/// (BBC's "مصدر الصورة، Getty Images", "Image source, Reuters"); the whole line perhaps in
/// brackets. `None` when `text` is no such line.
///
/// ```
/// use marsad_extract::caption::credit_name;
/// assert_eq!(credit_name("Photo: John Locher, AP"), Some("John Locher, AP"));
/// assert_eq!(credit_name("مصدر الصورة، Getty Images"), Some("Getty Images"));
/// assert_eq!(credit_name("Image source, Reuters"), Some("Reuters"));
/// assert_eq!(credit_name("Foto: Christian Charisius/dpa"), Some("Christian Charisius/dpa"));
/// assert_eq!(credit_name("Image, the one above, was taken in May"), None); // a one-word label wants a colon
/// assert_eq!(credit_name("Photographers: bring your own tripod."), None);
/// ```
pub fn credit_name(text: &str) -> Option<&str> {
    let t = text.trim();
    let t = t
        .strip_prefix('(')
        .and_then(|r| r.strip_suffix(')'))
        .unwrap_or(t)
        .trim();
    // (The first colon of either width, found with two byte searches; the label is checked
    // before the words after it are counted.)
    let colon = match (t.find(':'), t.find('：')) {
        (Some(a), Some(b)) if b < a => Some((b, '：'.len_utf8())),
        (Some(a), _) => Some((a, 1)),
        (None, Some(b)) => Some((b, '：'.len_utf8())),
        (None, None) => None,
    };
    let labelled = |at: usize, width: usize, words: bool| {
        let (label, rest) = (t[..at].trim(), &t[at + width..]);
        (label.len() <= *LONGEST_CREDIT_LABEL
            && CREDIT_LABELS.iter().any(|l| {
                l.eq_ignore_ascii_case(label) || (!label.is_ascii() && label.to_lowercase() == *l)
            })
            && (!words || label.contains(' '))
            && names_few(rest)
            && (!is_noun_label(label) || names_like(rest)))
        .then(|| rest.trim())
    };
    if let Some((at, width)) = colon
        && let Some(who) = labelled(at, width, false)
    {
        return Some(who);
    }
    // A comma closes only a label of two words or more: after "Image" it opens a sentence.
    // ('،' is D8 8C in UTF-8; the search stops where no label could reach.)
    let head = &t.as_bytes()[..t.len().min(*LONGEST_CREDIT_LABEL + 2)];
    let at = memchr::memchr2(b',', 0x8C, head)?;
    let (at, width) = match head[at] {
        b',' => (at, 1),
        _ if at >= 1 && head[at - 1] == 0xD8 => (at - 1, 2),
        _ => return None,
    };
    labelled(at, width, true)
}

/// True when `label` is a credit label of `data/html_credit_labels.tsv` (or `©`), case aside.
pub(crate) fn is_credit_label(label: &str) -> bool {
    let l = label.trim();
    l == "©"
        || CREDIT_LABELS
            .iter()
            .any(|c| c.eq_ignore_ascii_case(l) || (!l.is_ascii() && l.to_lowercase() == *c))
}

/// A credit label closing `t` (after a space, perhaps with a colon: "… wall. Photo:", "…
/// Image copyright"): the text before it and the label.
pub(crate) fn trailing_credit_label(t: &str) -> Option<(&str, &str)> {
    let t = t.trim_end().trim_end_matches([':', '：']).trim_end();
    CREDIT_LABELS.iter().find_map(|l| {
        let at = t.len().checked_sub(l.len())?;
        let tail = t.get(at..)?;
        let same = tail.eq_ignore_ascii_case(l) || (!tail.is_ascii() && tail.to_lowercase() == *l);
        let before = &t[..at];
        (same && (before.is_empty() || before.ends_with(char::is_whitespace)))
            .then_some((before, tail))
    })
}

/// The credit after a label of two words or more closed by a space alone, or after `©`
/// ("Image copyright Getty Images", "مصدر الصورة Getty Images", "© Reuters"), as a credit
/// element's text gives it.
pub(crate) fn after_credit_label(t: &str) -> Option<&str> {
    let t = t.trim();
    if let Some(rest) = t.strip_prefix('©') {
        return Some(rest.trim()).filter(|r| !r.is_empty());
    }
    CREDIT_LABELS
        .iter()
        .filter(|l| l.contains(' '))
        .find_map(|l| {
            let head = t.get(..l.len())?;
            let same =
                head.eq_ignore_ascii_case(l) || (!head.is_ascii() && head.to_lowercase() == *l);
            let rest = &t[l.len()..];
            (same && rest.starts_with(char::is_whitespace)).then(|| rest.trim())
        })
        .filter(|r| !r.is_empty())
}

/// Bytes of the longest label of `data/html_credit_labels.tsv`.
static LONGEST_CREDIT_LABEL: LazyLock<usize> =
    LazyLock::new(|| CREDIT_LABELS.iter().map(|l| l.len()).max().unwrap_or(0));

/// Phrases that open a credit line without a colon (data: `data/credit_openers.tsv`), lower
/// case.
static CREDIT_OPENERS: LazyLock<Vec<&'static str>> =
    LazyLock::new(|| crate::data::list(include_str!("../data/credit_openers.tsv")));

/// The ASCII bytes a credit line may open with: the first letters (either case) of the
/// labels and openers, and an opening bracket.
static CREDIT_FIRSTS: LazyLock<[bool; 128]> = LazyLock::new(|| {
    let mut v = [false; 128];
    v[usize::from(b'(')] = true;
    for b in CREDIT_LABELS
        .iter()
        .chain(CREDIT_OPENERS.iter())
        .filter_map(|o| o.bytes().next())
        .filter(u8::is_ascii)
    {
        v[usize::from(b.to_ascii_lowercase())] = true;
        v[usize::from(b.to_ascii_uppercase())] = true;
    }
    v
});

/// True when `text`, a line standing alone among a flattened page's lines, is a picture's
/// credit: a credit line ([`is_credit_line`]) whose label is written with a capital ("Photo:
/// Shutterstock", "Image Credit: Avis"; a configuration file's `image: nginx:stable` is
/// none), or a few words naming who after an opener of `data/credit_openers.tsv` ("Courtesy of
/// brand", "Photo by David Dyer-Bennet").
///
/// ```
/// use marsad_extract::caption::is_picture_credit;
/// assert!(is_picture_credit("Image Credit: Alamo"));
/// assert!(is_picture_credit("Courtesy of Andrew Vaughan"));
/// assert!(is_picture_credit("Photo courtesy of Fullstack Academy"));
/// assert!(!is_picture_credit("image: postgres:18"));
/// assert!(!is_picture_credit("Courtesy of the council, the bridge will open to cyclists and walkers next spring after all"));
/// ```
pub fn is_picture_credit(text: &str) -> bool {
    let t = text.trim();
    // The cheap test first (this runs on the short lines of a flattened page's body): the
    // line opens with a letter some label or opener opens with, a bracket, or a letter
    // outside ASCII.
    let Some(first) = t.bytes().next() else {
        return false;
    };
    if first.is_ascii() && !CREDIT_FIRSTS[usize::from(first)] {
        return false;
    }
    if last_colon(t).is_some() && is_credit_line(t) {
        return t
            .trim_start_matches('(')
            .starts_with(|c: char| c.is_uppercase() || !c.is_alphabetic() || !c.is_ascii());
    }
    !t.ends_with(['.', '!', '?'])
        && CREDIT_OPENERS.iter().any(|o| {
            crate::data::opens_with(t, o).is_some_and(|who| who.starts_with(' ') && names_few(who))
        })
}

/// True when a credit line's label makes it a credit whatever it names: a credit label
/// ("Image Credit:", "Source:"), not a noun that may open a caption ("Image:", "Photo:",
/// "Picture:"), or a noun label before an agency's credit or a wire of
/// `data/photo_agencies.tsv` ("Photo: Reuters", "Foto: Jane Doe/dpa"). `who` is what
/// [`credit_name`] read in `line`.
///
/// ```
/// use marsad_extract::caption::credit_label_names_credit;
/// assert!(credit_label_names_credit("Image Credit: Alamo", "Alamo"));
/// assert!(credit_label_names_credit("Photo: Reuters", "Reuters"));
/// assert!(!credit_label_names_credit("Picture: Mayor John Smith", "Mayor John Smith"));
/// ```
pub fn credit_label_names_credit(line: &str, who: &str) -> bool {
    let label = line
        .trim()
        .trim_start_matches('(')
        .split([':', '：'])
        .next()
        .unwrap_or("")
        .trim();
    !is_noun_label(label)
        || is_agency_credit(who)
        || PHOTO_AGENCIES
            .iter()
            .any(|a| a.eq_ignore_ascii_case(who.trim().trim_end_matches(['.', ')'])))
}

/// Picture agencies and wires that close a photographer's credit (data:
/// `data/photo_agencies.tsv`), lower case.
static PHOTO_AGENCIES: LazyLock<Vec<&'static str>> =
    LazyLock::new(|| crate::data::list(include_str!("../data/photo_agencies.tsv")));

/// Longest credit line [`is_agency_credit`] reads (bytes).
const MAX_AGENCY_CREDIT_BYTES: usize = 120;

/// True when `text` is a picture's credit naming the photographer and the agency, without a
/// label: a few words in parts split by "/" or "|", the last part a picture agency or a wire of
/// `data/photo_agencies.tsv`, or ending "via" one ("Tim Robberts/Getty Images", "Natalie
/// Naccache | Bloomberg | Getty Images", "Hans Lucas/AFP via Getty Images").
///
/// ```
/// use marsad_extract::caption::is_agency_credit;
/// assert!(is_agency_credit("Tim Robberts/Getty Images"));
/// assert!(is_agency_credit("Natalie Naccache | Bloomberg | Getty Images"));
/// assert!(is_agency_credit("Miguel J. Rodriguez Carrillo/AFP via Getty Images"));
/// assert!(is_agency_credit("AP Photo/Evan Vucci"));
/// assert!(!is_agency_credit("Getty Images"));
/// assert!(!is_agency_credit("Home / News / Reuters"));
/// assert!(!is_agency_credit("The deal was first reported by Bloomberg/Reuters."));
/// ```
pub fn is_agency_credit(text: &str) -> bool {
    let t = text.trim();
    if t.len() > MAX_AGENCY_CREDIT_BYTES
        || !t.ends_with(|c: char| c.is_alphabetic())
        || memchr::memchr2(b'/', b'|', t.as_bytes()).is_none()
    {
        return false;
    }
    let parts: Vec<&str> = t.split(['/', '|']).map(str::trim).collect();
    let [first, .., last] = parts[..] else {
        return false;
    };
    let last = last.to_lowercase();
    let agency = |a: &str| PHOTO_AGENCIES.contains(&a);
    let closes = agency(&last)
        || last
            .rsplit_once(" via ")
            .is_some_and(|(_, a)| agency(a.trim()));
    // AP's form names the agency first: "AP Photo/Evan Vucci".
    let opens = parts.len() == 2
        && first
            .to_lowercase()
            .strip_suffix(" photo")
            .is_some_and(|a| agency(a.trim()))
        && last.split_whitespace().count() >= 2
        && parts[1].starts_with(|c: char| c.is_uppercase());
    // The first part names the photographer: a capitalised name, not a breadcrumb's word.
    (closes || opens)
        && names_few(t)
        && parts.iter().all(|p| !p.is_empty())
        && first.split_whitespace().count() >= 2
        && first.starts_with(|c: char| c.is_uppercase())
}

/// True when `text` is a picture's caption with its credit run on at its end, no brackets:
/// at least `min_words` words, then a label of `data/html_credit_labels.tsv` and a colon (the
/// label perhaps glued to the caption's last word, as a flattened page gives it), then a few
/// words naming who made the picture.
///
/// ```
/// use marsad_extract::caption::caption_with_credit;
/// assert!(caption_with_credit("Nikon Zf with 40mm f/2 SE lens. Credit: Nikon", 3));
/// assert!(caption_with_credit("Le président à Paris. Crédit photo : AFP", 3));
/// assert!(!caption_with_credit("Eine Umfrage unter Pendlern zeichnet ein klares Bild: Die Mehrheit will mehr Busse.", 3));
/// assert!(caption_with_credit("Officials were seen in Mongolia attempting to control the plagueCredit: The Siberian Times", 3));
/// assert!(!caption_with_credit("Credit: Nikon", 3)); // a credit line alone
/// assert!(!caption_with_credit("The rules are simple. Credit: you earn it by paying on time, every month, for a year or more", 3));
/// assert!(!caption_with_credit("containers: - name: web image: nginx:stable", 3));
/// ```
pub fn caption_with_credit(text: &str, min_words: usize) -> bool {
    let t = text.trim();
    let Some(colon) = last_colon(t) else {
        return false;
    };
    // (French sets a space before the colon: "… Crédit photo : AFP".)
    let (head, rest) = (t[..colon].trim_end(), &t[colon..]);
    let who = rest.trim_start_matches([':', '：']);
    if !names_few(who) {
        return false;
    }
    CREDIT_LABELS.iter().any(|label| {
        let n = label.len();
        let Some(at) = head
            .len()
            .checked_sub(n)
            .filter(|&at| head.is_char_boundary(at))
        else {
            return false;
        };
        let (before, tail) = (&head[..at], &head[at..]);
        if !(tail.eq_ignore_ascii_case(label)
            || (!tail.is_ascii() && tail.to_lowercase() == *label))
        {
            return false;
        }
        // The label stands as a word of its own, or is glued to the caption's last word
        // with a capital ("…the plagueCredit: …").
        let apart = before.ends_with(|c: char| !c.is_alphanumeric());
        let glued =
            before.ends_with(char::is_lowercase) && tail.starts_with(|c: char| c.is_uppercase());
        (apart || glued)
            && before.split_whitespace().count() >= min_words
            && (!is_noun_label(label) || names_like(who))
    })
}

/// Byte offset of the last colon (`:` or `：`) of `t`. (One vectorised search for both: this
/// runs on every line of a flattened page, and `rfind([':', '：'])` decodes the line
/// character by character.)
fn last_colon(t: &str) -> Option<usize> {
    const WIDE: [u8; 3] = [0xEF, 0xBC, 0x9A]; // '：' in UTF-8
    let b = t.as_bytes();
    let mut end = b.len();
    while let Some(k) = memchr::memrchr2(b':', WIDE[2], &b[..end]) {
        if b[k] == b':' {
            return Some(k);
        }
        if k >= 2 && b[k - 2..k] == WIDE[..2] {
            return Some(k - 2);
        }
        end = k;
    }
    None
}

/// True when `text` is a picture's caption set apart: at least `min_words` words of its own,
/// then a photo credit in brackets closing it ("A 14th century plague doctor (Image:
/// GETTY)", "… in 2004 (Picture credit: Getty)", "… in Chicago. (AP Photo/Kiichiro Sato)"):
/// a credit line ([`is_credit_line`]) or an agency's "Photo/Name". Such a line is the
/// figure's (in flattened text, the caption of a picture the page no longer shows), not the
/// article's text.
///
/// ```
/// use marsad_extract::caption::credited_caption;
/// assert!(credited_caption("A 14th century plague doctor (Image: GETTY)", 2));
/// assert!(credited_caption("More than 4,000 people are expected to receive notice (Credit: iStock)", 2));
/// assert!(credited_caption("A total lunar eclipse over Chicago. (AP Photo/Kiichiro Sato)", 3));
/// assert!(credited_caption("الرئيس خلال لقائه الوفد في القصر (تصوير: أحمد علي)", 3));
/// assert!(!credited_caption("(Image credit: Blue Origin)", 2)); // a credit line alone
/// assert!(!credited_caption("القاهرة (رويترز) - قال وزير الخارجية", 2));
/// assert!(!credited_caption("The rocket rose at dawn (the photo shows it).", 2));
/// ```
pub fn credited_caption(text: &str, min_words: usize) -> bool {
    let t = text.trim_end();
    let t = t.strip_suffix('.').unwrap_or(t).trim_end();
    let Some(inner) = t.strip_suffix(')') else {
        return false;
    };
    let Some(open) = inner.rfind('(') else {
        return false;
    };
    let (before, credit) = (&inner[..open], &inner[open + 1..]);
    if before.split_whitespace().count() < min_words {
        return false;
    }
    if is_credit_line(credit) {
        return true;
    }
    // An agency's "Photo/Name" ("AP Photo/Evan Vucci", "Reuters Photo/…").
    credit.split_once('/').is_some_and(|(label, who)| {
        let mut words = label.split_whitespace();
        let last = words.next_back();
        words.count() <= 1
            && last.is_some_and(|w| w.eq_ignore_ascii_case("photo"))
            && names_few(who)
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_last_colon_is_found_past_bytes_that_only_look_like_one() {
        assert_eq!(last_colon("Credit: Nikon"), Some(6));
        assert_eq!(last_colon("تصوير： أحمد"), Some("تصوير".len()));
        // 'ښ' (U+069A) ends in the byte '：' ends in: it is passed over.
        assert_eq!(last_colon("Credit: ښاغلی"), Some(6));
        assert_eq!(last_colon("ښاغلی"), None);
        assert_eq!(last_colon(""), None);
        assert!(caption_with_credit(
            "افتتاح المعرض في القاهرة أمس تصوير： أحمد علي",
            3
        ));
    }
}
