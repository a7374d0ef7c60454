//! Cleaning of metadata strings: headline keys and site suffixes, byline names.

use super::date;
use super::words::WORDS;

/// Longest title or byline considered, in bytes.
pub const MAX_META_TEXT: usize = 2_048;

/// Separators between a headline and a site name in `<title>` and `og:title`.
const SEPARATORS: &[&str] = &[
    " | ", " - ", " – ", " — ", " :: ", " · ", " • ", " » ", " « ", " / ", " ~ ", " ‹ ", " › ",
    " :: ", "｜", " |", "| ",
];

/// Cuts `s` to at most `max` bytes on a char boundary.
pub(crate) fn cut(s: &str, max: usize) -> &str {
    if s.len() <= max {
        return s;
    }
    let mut c = max;
    while !s.is_char_boundary(c) {
        c -= 1;
    }
    &s[..c]
}

/// Whitespace collapsed to single spaces, trimmed, character references left in the value
/// (double-encoded `&amp;amp;` is common in metadata) decoded; at most [`MAX_META_TEXT`] bytes
/// are read.
///
/// ```
/// use marsad_extract::html::meta::clean::collapse;
/// assert_eq!(collapse("  عنوان \n  الخبر "), "عنوان الخبر");
/// ```
pub fn collapse(s: &str) -> String {
    collapse_whole(cut(s, MAX_META_TEXT))
}

/// [`collapse`] of the whole of `s`, however long: for text that is not a field of metadata
/// (a JSON-LD `articleBody`'s paragraphs).
///
/// ```
/// use marsad_extract::html::meta::clean::collapse_whole;
/// let long = "كلمة ".repeat(1_000);
/// assert_eq!(collapse_whole(&long).split(' ').count(), 1_000);
/// ```
pub fn collapse_whole(s: &str) -> String {
    let s = super::super::dom::decode_entities(s);
    let mut out = String::with_capacity(s.len());
    for w in s.split(|c: char| c.is_whitespace() || c == '\u{200b}' || c == '\u{feff}') {
        if w.is_empty() {
            continue;
        }
        if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(w);
    }
    out
}

/// Most times a heading's words are found said over (a mobile copy, a desktop copy and a
/// screen reader's copy of an animated headline).
const MAX_HEADING_COPIES: usize = 3;

/// A heading set more than once in the same element, said once: the words of `s` when they
/// are one phrase of two words or more repeated two or three times over, as sites write the
/// mobile, desktop and screen-reader copies of one headline into one `<h1>`; else `s`.
///
/// ```
/// use marsad_extract::html::meta::clean::said_once;
/// assert_eq!(said_once("Training Rates Training Rates"), "Training Rates");
/// assert_eq!(said_once("مواعيد التدريب مواعيد التدريب مواعيد التدريب"), "مواعيد التدريب");
/// assert_eq!(said_once("New New"), "New New");
/// assert_eq!(said_once("Bye Bye Love"), "Bye Bye Love");
/// ```
pub fn said_once(s: &str) -> &str {
    let words: Vec<(usize, &str)> = s
        .split_whitespace()
        .map(|w| (w.as_ptr() as usize - s.as_ptr() as usize, w))
        .collect();
    for copies in 2..=MAX_HEADING_COPIES {
        let n = words.len() / copies;
        if n < 2 || n * copies != words.len() {
            continue;
        }
        let once = |k: usize| words[k * n..(k + 1) * n].iter().map(|(_, w)| *w);
        if (1..copies).all(|k| once(k).eq(once(0))) {
            let (at, last) = words[n - 1];
            return &s[words[0].0..at + last.len()];
        }
    }
    s
}

/// A headline as output: typographic single quotes and apostrophes (U+2018, U+2019) become
/// the ASCII apostrophe, the form most references and search queries use.
///
/// ```
/// use marsad_extract::html::meta::clean::tidy_title;
/// assert_eq!(tidy_title("It’s ‘here’"), "It's 'here'");
/// assert_eq!(tidy_title("«عنوان»"), "«عنوان»");
/// ```
pub fn tidy_title(s: &str) -> String {
    s.replace(['\u{2018}', '\u{2019}'], "'")
}

/// Most digits of an item count closing a title.
const MAX_COUNT_DIGITS: usize = 9;

/// A title less the item count that closes it ("Best Books Ever (77141 books)", "Fitness
/// Equipment(102+)"): a listing's size is not part of its name. The count is a number
/// followed by a count noun (`count_noun` in `data/meta_words.tsv`) or by "+"; a bare number
/// ("(2025)", "Episode (2)") and a quantity that names the item ("(2 pack)") stay.
///
/// ```
/// use marsad_extract::html::meta::clean::without_count;
/// assert_eq!(without_count("Best Books Ever (77141 books)"), "Best Books Ever");
/// assert_eq!(without_count("Fitness Equipment(102+)"), "Fitness Equipment");
/// assert_eq!(without_count("أفضل الكتب (1,200 كتاب)"), "أفضل الكتب");
/// assert_eq!(without_count("Top Agencies (2025)"), "Top Agencies (2025)");
/// assert_eq!(without_count("Staple Tee (2 pack)"), "Staple Tee (2 pack)");
/// assert_eq!(without_count("(12 items)"), "(12 items)");
/// ```
pub fn without_count(t: &str) -> &str {
    let Some(rest) = t.trim_end().strip_suffix(')') else {
        return t;
    };
    let Some(open) = rest.rfind('(') else {
        return t;
    };
    let head = rest[..open].trim_end();
    let inner = rest[open + 1..].trim();
    let (num, noun) = match inner.split_once(' ') {
        Some((n, w)) => (n, Some(w.trim())),
        None => (inner, None),
    };
    let digits = num.strip_suffix('+').unwrap_or(num);
    let is_count = digits.starts_with(|c: char| c.is_ascii_digit())
        && digits
            .bytes()
            .all(|b| b.is_ascii_digit() || b == b',' || b == b'.')
        && digits.bytes().filter(u8::is_ascii_digit).count() <= MAX_COUNT_DIGITS
        && match noun {
            Some(w) => {
                digits.len() == num.len() && WORDS.count_noun.iter().any(|c| *c == w.to_lowercase())
            }
            None => digits.len() < num.len(),
        };
    if is_count && head.chars().any(char::is_alphabetic) {
        head
    } else {
        t
    }
}

/// A comparison key: lower-case letters and digits, words separated by one space.
///
/// ```
/// use marsad_extract::html::meta::clean::key;
/// assert_eq!(key("Hello,  World!"), "hello world");
/// assert_eq!(key("عنوان: الخبر"), "عنوان الخبر");
/// ```
pub fn key(s: &str) -> String {
    let s = cut(s, MAX_META_TEXT);
    let mut out = String::with_capacity(s.len());
    let mut gap = false;
    for c in s.chars() {
        if c.is_alphanumeric() {
            if gap && !out.is_empty() {
                out.push(' ');
            }
            gap = false;
            for l in c.to_lowercase() {
                out.push(l);
            }
        } else if c != '\'' && c != '’' && c != '\u{640}' {
            gap = true;
        }
    }
    out
}

/// A byline name with the site's name after it ("Jane Doe USA TODAY", "سارة أحمد عنب بلدي")
/// without that name: the outlet a person writes for is not part of their name. The name
/// is kept whole when fewer than two words would be left.
///
/// ```
/// use marsad_extract::html::meta::clean::without_site_tail;
/// let sites = vec!["عنب بلدي".to_string()];
/// assert_eq!(without_site_tail("سارة أحمد عنب بلدي", &sites), "سارة أحمد");
/// assert_eq!(without_site_tail("Jane Doe USA TODAY", &["USA TODAY".into()]), "Jane Doe");
/// assert_eq!(without_site_tail("Jane Today", &["Today".into()]), "Jane Today");
/// let sputnik = ["Sputnik International".to_string()];
/// assert_eq!(without_site_tail("Finian Cunningham. Sputnik International", &sputnik), "Finian Cunningham");
/// assert_eq!(without_site_tail("John Roe Jr. Sputnik International", &sputnik), "John Roe Jr.");
/// ```
pub fn without_site_tail<'a>(name: &'a str, sites: &[String]) -> &'a str {
    let words: Vec<(usize, &str)> = name
        .split_whitespace()
        .map(|w| (w.as_ptr() as usize - name.as_ptr() as usize, w))
        .collect();
    for site in sites {
        let sk = key(site);
        let n = sk.split(' ').filter(|w| !w.is_empty()).count();
        if n == 0 || words.len() < n + 2 {
            continue;
        }
        let (start, _) = words[words.len() - n];
        if key(&name[start..]) == sk {
            let head = name[..start].trim_end_matches(|c: char| !c.is_alphanumeric() && c != '.');
            // A full stop closing a whole word ends a sentence ("Finian Cunningham. Sputnik
            // International"); after an initial or "Jr" it is part of the name.
            let last = head.rsplit(' ').next().unwrap_or("");
            return if last.trim_end_matches('.').chars().count() > 3 {
                head.trim_end_matches('.')
            } else {
                head
            };
        }
    }
    name
}

/// True when `part` names the site: equal keys, or one contains the other, or it equals the
/// host name without dots ("The Motley Fool" vs "fool.com" does not; "Investopedia" vs
/// "investopedia.com" does).
/// A comparison key (see [`key`]) less a company form closing it ("osso b v" -> "osso").
///
/// ```
/// use marsad_extract::html::meta::clean::without_legal_form;
/// assert_eq!(without_legal_form("osso b v"), "osso");
/// assert_eq!(without_legal_form("acme"), "acme");
/// ```
pub fn without_legal_form(k: &str) -> &str {
    match WORDS.legal_form.iter().find(|f| {
        k.len() > f.len() + 1 && k.ends_with(f.as_str()) && k[..k.len() - f.len()].ends_with(' ')
    }) {
        Some(f) => &k[..k.len() - f.len() - 1],
        None => k,
    }
}

/// True when `part` is, whole, one of `sites` (case and spacing aside) or the host's name
/// ("LWN.net" on lwn.net).
fn names_site_exactly(part: &str, sites: &[String], host: Option<&str>) -> bool {
    let k = key(part);
    !k.is_empty()
        && (sites.iter().any(|s| key(s) == k)
            || host.is_some_and(|h| key(h.strip_prefix("www.").unwrap_or(h)) == k))
}

pub(crate) fn is_site(part: &str, sites: &[String], host: Option<&str>) -> bool {
    let k = key(part);
    if k.is_empty() {
        return false;
    }
    // "Outlet B.V.", "Outlet Inc.": the name without its company form.
    let core = without_legal_form(&k);
    if core.len() < k.len() && is_site(core, sites, host) {
        return true;
    }
    let squash: String = k.chars().filter(|c| !c.is_whitespace()).collect();
    for s in sites {
        let sk = key(s);
        if sk.is_empty() {
            continue;
        }
        if sk == k {
            return true;
        }
        let ssq: String = sk.chars().filter(|c| !c.is_whitespace()).collect();
        if ssq == squash {
            return true;
        }
        // "Site" vs "Site News", "The Site": containment of whole words.
        let (short, long) = if sk.len() < k.len() {
            (&sk, &k)
        } else {
            (&k, &sk)
        };
        let (ns, nl) = (short.split(' ').count(), long.split(' ').count());
        if short.len() >= 3 && contains_words(long, short) && nl <= ns + 2 && nl <= 6 {
            return true;
        }
    }
    if let Some(h) = host {
        let h = h.trim_start_matches("www.").to_ascii_lowercase();
        let mut labels: Vec<&str> = h.split('.').collect();
        if labels.len() > 1 {
            labels.pop();
        }
        for l in labels {
            let l: String = l.chars().filter(|c| c.is_alphanumeric()).collect();
            if l.len() >= 3 && (l == squash || squash == format!("{l}com")) {
                return true;
            }
        }
        if squash.len() >= 4 && h.replace(['.', '-'], "").contains(&squash) {
            return true;
        }
    }
    false
}

fn contains_words(long: &str, short: &str) -> bool {
    let l: Vec<&str> = long.split(' ').collect();
    let s: Vec<&str> = short.split(' ').collect();
    if s.len() > l.len() {
        return false;
    }
    l.windows(s.len()).any(|w| w == s.as_slice())
}

/// True for the first byte of a [`SEPARATORS`] entry.
const SEP_FIRST: [bool; 256] = {
    let mut t = [false; 256];
    let mut i = 0;
    while i < SEPARATORS.len() {
        t[SEPARATORS[i].as_bytes()[0] as usize] = true;
        i += 1;
    }
    t
};

/// Finds the separator nearest the end (`last`) or the start of `t`; where two start at the
/// same byte, the first in [`SEPARATORS`]. One scan of the bytes: only a separator's first
/// byte is looked at further.
fn find_sep(t: &str, last: bool) -> Option<(usize, usize)> {
    let b = t.as_bytes();
    let at = |i: usize| {
        if !SEP_FIRST[b[i] as usize] {
            return None;
        }
        let rest = &b[i..];
        SEPARATORS
            .iter()
            .find(|s| rest.starts_with(s.as_bytes()))
            .map(|s| (i, i + s.len()))
    };
    if last {
        (0..b.len()).rev().find_map(at)
    } else {
        (0..b.len()).find_map(at)
    }
}

/// Fewest words of a headline before a section name or a site's tagline is cut from it.
pub const MIN_HEADLINE_WORDS: usize = 3;
/// Most words of a section name between a headline and the site ("| Local News |").
pub const MAX_SECTION_WORDS: usize = 2;
/// Most words of a site's tagline after its name ("– Coast Herald – Your local news").
pub const MAX_TAGLINE_WORDS: usize = 6;

/// The title without site names before or after a separator ("Headline | Site",
/// "Site - Headline", "Site: Headline"). Returns the headline part as a sub-slice.
///
/// ```
/// use marsad_extract::html::meta::clean::strip_site;
/// let sites = vec!["عنب بلدي".to_string()];
/// assert_eq!(strip_site("من سوريا.. لافروف يدعو | عنب بلدي", &sites, None), "من سوريا.. لافروف يدعو");
/// assert_eq!(strip_site("Example News: Big story", &["Example News".into()], None), "Big story");
/// assert_eq!(strip_site("Big story - Investopedia", &[], Some("www.investopedia.com")), "Big story");
/// assert_eq!(strip_site("Big story – OSSO B.V.", &[], Some("www.osso.nl")), "Big story");
/// assert_eq!(strip_site("jarida.example عنوان الخبر", &[], Some("www.jarida.example")), "عنوان الخبر");
/// let herald = vec!["Coast Herald".to_string()];
/// assert_eq!(strip_site("Storm knocks out power | Local News | Coast Herald", &herald, None), "Storm knocks out power");
/// assert_eq!(strip_site("Storm knocks out power – Coast Herald – Your local news", &herald, None), "Storm knocks out power");
/// assert_eq!(strip_site("Storm knocks out power [Coast Herald]", &herald, None), "Storm knocks out power");
/// ```
pub fn strip_site<'t>(title: &'t str, sites: &[String], host: Option<&str>) -> &'t str {
    let mut t = title.trim();
    // "Headline – Site – Tagline": the site named between the headline and more words.
    if let Some((a, b)) = find_sep(t, false)
        && t[..a].split_whitespace().count() >= MIN_HEADLINE_WORDS
        && let Some((a2, b2)) = find_sep(&t[b..], false).map(|(x, y)| (x + b, y + b))
        && is_site(&t[b..a2], sites, host)
        && t[b2..].split_whitespace().count() <= MAX_TAGLINE_WORDS
    {
        t = t[..a].trim();
    }
    for _ in 0..4 {
        let before = t;
        if let Some((a, b)) = find_sep(t, true) {
            let tail = &t[b..];
            if is_site(tail, sites, host) && !t[..a].trim().is_empty() {
                t = t[..a].trim();
                // "Headline | Section | Site": a word or two of section before the site.
                if let Some((a, b)) = find_sep(t, true)
                    && t[b..].split_whitespace().count() <= MAX_SECTION_WORDS
                    && t[..a].split_whitespace().count() >= MIN_HEADLINE_WORDS
                {
                    t = t[..a].trim();
                }
                continue;
            }
        }
        if let Some((a, b)) = find_sep(t, false) {
            let head = &t[..a];
            if is_site(head, sites, host) && !t[b..].trim().is_empty() {
                t = t[b..].trim();
                continue;
            }
        }
        if let Some(p) = t.find(": ") {
            let head = &t[..p];
            if is_site(head, sites, host) && !t[p + 2..].trim().is_empty() {
                t = t[p + 2..].trim();
                continue;
            }
        }
        // The site in a closing bracket group ("Headline [Site]", LWN's and AO3's form): its
        // name as written, or the host's, and nothing looser ("Pixel 9 [Review]" on a site
        // named "Tech Review Weekly" keeps its tag).
        if let Some(inner) = t.strip_suffix(']')
            && let Some(open) = inner.rfind('[')
            && names_site_exactly(&inner[open + 1..], sites, host)
            && !inner[..open].trim().is_empty()
        {
            t = inner[..open].trim();
            continue;
        }
        // The site's own domain name before the headline with no separator
        // ("example.com Headline").
        if let Some(h) = host
            && let Some((first, rest)) = t.split_once(' ')
            && first.contains('.')
            && first.eq_ignore_ascii_case(h.trim_start_matches("www."))
            && !rest.trim().is_empty()
        {
            t = rest.trim();
            continue;
        }
        if t == before {
            break;
        }
    }
    t
}

/// Parts of `t` split at separators (for finding a headline that is one part of a title);
/// a short lead before ": " ("Blog name: Headline") and a bracketed group closing the title
/// ("page [Site]") are parts too.
pub(crate) fn parts(t: &str) -> Vec<&str> {
    let mut out = Vec::new();
    let mut rest = t;
    if let Some(p) = rest.find(": ")
        && rest[..p].split_whitespace().count() <= 3
        && find_sep(&rest[..p], false).is_none()
    {
        out.push(rest[..p].trim());
        rest = &rest[p + 2..];
    }
    for _ in 0..8 {
        match find_sep(rest, false) {
            Some((a, b)) => {
                out.push(rest[..a].trim());
                rest = &rest[b..];
            }
            None => break,
        }
    }
    // A bracketed group closing the title frames it like a separated part ("page [Site]").
    let rest = rest.trim();
    match rest.rfind(" [") {
        Some(b) if rest.ends_with(']') && !rest[b + 2..].contains('[') => {
            out.push(rest[..b].trim());
            out.push(&rest[b + 2..rest.len() - 1]);
        }
        _ => out.push(rest),
    }
    out.retain(|p| !p.is_empty());
    out
}

/// True when `s` starts with `prefix` as whole words (ASCII case-insensitive).
pub(crate) fn starts_word(s: &str, prefix: &str) -> Option<usize> {
    let n = prefix.len();
    let head = s.get(..n)?;
    // (As `head.to_lowercase() == prefix`, without building a string for every prefix tried:
    // the byline words are many and looked for in every candidate line. A capital sigma keeps
    // the exact rule, its lower case depending on the letters around it.)
    let same = if prefix.is_ascii() {
        head.eq_ignore_ascii_case(prefix)
    } else if head.contains('Σ') {
        head.to_lowercase() == prefix
    } else {
        head.chars().flat_map(char::to_lowercase).eq(prefix.chars())
    };
    if !same {
        return None;
    }
    let next = s[n..].chars().next();
    match next {
        None => Some(n),
        Some(c) if !c.is_alphanumeric() => Some(n),
        _ => None,
    }
}

/// Fewest words of a name before an outlet it writes for.
const MIN_NAME_WORDS: usize = 2;

/// Most words of an outlet a name writes for.
const MAX_AFFILIATION_WORDS: usize = 4;

/// Removes the byline words before a name ("By", "Written by", "بقلم:"), and the words of
/// an author link's label ("More from", "View all posts by").
fn strip_prefix(mut s: &str) -> &str {
    for _ in 0..3 {
        s = s.trim_start_matches(|c: char| {
            c.is_whitespace() || matches!(c, ':' | '-' | '–' | '—' | '|' | '·' | '•' | ',')
        });
        let mut hit = false;
        for p in WORDS.byline_prefix.iter().chain(&WORDS.byline_lead) {
            if let Some(n) = starts_word(s, p) {
                // Keep a lone word that is the whole value ("Par" as a surname is rare).
                if s[n..].trim().is_empty() {
                    continue;
                }
                s = &s[n..];
                hit = true;
                break;
            }
        }
        if !hit {
            break;
        }
    }
    s.trim_start_matches(|c: char| c.is_whitespace() || matches!(c, ':' | '-' | '–' | '—' | ','))
}

/// True when the bracket opening at byte `open` of `s` holds a nickname or initials inside a
/// name, with the surname after it closing the line ("Richard (R.J.) Eskow", "Robert (Bob)
/// Smith"), not an outlet or a role after the name ("Jane Doe (Reuters)").
fn is_middle_nickname(s: &str, open: usize) -> bool {
    let Some(close) = s[open..].find(')').map(|c| open + c) else {
        return false;
    };
    let inner = s[open + 1..close].trim();
    let tail: Vec<&str> = s[close + 1..].split_whitespace().collect();
    !s[..open].trim().is_empty()
        && !inner.is_empty()
        && inner.len() <= MAX_NICKNAME_BYTES
        && !inner.chars().any(|c| c.is_ascii_digit())
        && (1..=2).contains(&tail.len())
        && tail.iter().all(|w| {
            w.chars().next().is_some_and(char::is_uppercase)
                && w.chars()
                    .all(|c| c.is_alphabetic() || matches!(c, '-' | '\'' | '’'))
        })
}

/// Longest nickname or initials read inside a name's brackets.
const MAX_NICKNAME_BYTES: usize = 20;

/// Dashes that, with a space on each side, set a name apart from what follows it.
const NAME_DASHES: &[char] = &['-', '–', '—'];

/// Cuts a byline where a date, a date label or a reading time starts.
fn strip_tail(s: &str) -> &str {
    let mut end = s.len();
    let date_at = date::find(s, false).map(|f| f.start).filter(|&d| d > 0);
    if let Some(d) = date_at {
        end = end.min(d);
    }
    // Stop words, as whole words after the first word; first only before a date ("Posted on
    // Mon, 2019-01-21": a date line in a byline's place, naming no one).
    if let Some(lower) = lower_aligned(s) {
        for stop in &WORDS.byline_stop {
            if lower.starts_with(stop.as_str())
                && lower[stop.len()..]
                    .chars()
                    .next()
                    .is_some_and(|c| !c.is_alphanumeric())
                && date::find(&s[stop.len()..], false).is_some()
            {
                return "";
            }
            let mut from = 0;
            while let Some(p) = lower[from..].find(stop.as_str()) {
                let at = from + p;
                let before_ok = at > 0
                    && lower[..at]
                        .chars()
                        .next_back()
                        .is_some_and(|c| !c.is_alphanumeric());
                let after_ok = lower[at + stop.len()..]
                    .chars()
                    .next()
                    .is_none_or(|c| !c.is_alphanumeric());
                if before_ok && after_ok && at > 0 {
                    end = end.min(at);
                    break;
                }
                from = at + stop.len().max(1);
                if from >= lower.len() {
                    break;
                }
            }
        }
    }
    // An outlet after a name of two words or more, closing a short line ("Jane Doe For Daily
    // Mail Australia"); in a longer tail the word goes on a sentence.
    let words: Vec<&str> = s[..end].split(' ').collect();
    if let Some(at) = words
        .iter()
        .enumerate()
        .skip(MIN_NAME_WORDS)
        .find_map(|(i, w)| {
            (WORDS
                .byline_affiliation
                .iter()
                .any(|a| w.eq_ignore_ascii_case(a))
                && words.len() - i - 1 <= MAX_AFFILIATION_WORDS)
                .then_some(i)
        })
    {
        end = words[..at].iter().map(|w| w.len() + 1).sum::<usize>() - 1;
    }
    // A date or a stop label run into the name when a page was flattened without spaces
    // ("By Jane DoePublished: Jun 25", "by Jane DoeNovember 20, 2007"): a small letter
    // followed by a capital that opens one.
    if let Some(i) = glued_tail(s) {
        end = end.min(i);
    }
    // A social handle after the name ends it too ("Jane Doe @janedoe"); an e-mail address
    // goes whole ("Jane Doe jdoe@paper.com").
    if let Some(at) = s.find('@') {
        let word = s[..at].rfind(' ').map_or(0, |i| i + 1);
        let domain = s[at..].split(' ').next().unwrap_or("");
        end = end.min(if domain.contains('.') { word } else { at });
    }
    for stopc in ['\n', '•', '·', '|', '/', '(', '\u{2022}', '»', '«'] {
        if let Some(p) = s.find(stopc)
            && p > 0
        {
            if stopc == '(' && is_middle_nickname(s, p) {
                continue;
            }
            // Keep "Name | Outlet" only when the tail reads as a name.
            if stopc == '|' {
                let tail = s[p + 1..].trim();
                if tail.split_whitespace().count() <= 4 && !tail.is_empty() && end > p {
                    continue;
                }
            }
            end = end.min(p);
        }
    }
    // A spaced dash sets a role or an outlet apart from the name ("Jane Doe - Editorial
    // Team"); a hyphen inside a name has no spaces around it ("Jean-Pierre").
    let b = s.as_bytes();
    if let Some((i, _)) = s.char_indices().find(|&(i, c)| {
        NAME_DASHES.contains(&c)
            && i > 1
            && b[i - 1] == b' '
            && b.get(i + c.len_utf8()) == Some(&b' ')
    }) {
        end = end.min(i - 1);
    }
    let trim = |t: &str| -> usize {
        t.trim_end_matches(|c: char| {
            c.is_whitespace() || matches!(c, ',' | '-' | '–' | '—' | '|' | ':' | '·' | '•' | ';')
        })
        .len()
    };
    let mut end = trim(&s[..end]);
    // A day name or a connector left right before a cut date ("Jane Doe, Sat 13 Jul 2019",
    // "Christian am 03.05.2013"); with no date after it, it is a name ("Jan Freitag").
    let before_date = |e: usize| date_at.is_some_and(|d| e <= d && trim(&s[..d]) == e);
    if before_date(end) {
        let sp = s[..end].rfind(' ');
        let last = s[sp.map_or(0, |p| p + 1)..end]
            .trim_end_matches('.')
            .to_lowercase();
        if WORDS.weekday.contains(&last) || WORDS.date_connector.contains(&last) {
            end = sp.map_or(0, |p| trim(&s[..p]));
        }
    }
    &s[..end]
}

/// Where a date or a byline stop word (capitalised) is run into the word before it: the byte
/// offset of its first letter, after an ASCII small letter ("DoePublished", "DoeNovember 20").
fn glued_tail(s: &str) -> Option<usize> {
    let b = s.as_bytes();
    (1..b.len()).find(|&i| {
        b[i].is_ascii_uppercase() && b[i - 1].is_ascii_lowercase() && {
            let tail = &s[i..];
            let opens_stop = lower_aligned(tail).is_some_and(|lower| {
                WORDS.byline_stop.iter().any(|w| {
                    lower.starts_with(w.as_str())
                        && lower[w.len()..]
                            .chars()
                            .next()
                            .is_none_or(|c| !c.is_alphanumeric())
                })
            });
            opens_stop || date::find(tail, false).is_some_and(|f| f.start == 0)
        }
    })
}

/// True when a name read from visible text looks like a name rather than prose: at most six
/// words and, in scripts with letter case, most words capitalised.
///
/// ```
/// use marsad_extract::html::meta::clean::looks_like_name;
/// assert!(looks_like_name("Jane van der Berg"));
/// assert!(looks_like_name("هبة محمد"));
/// assert!(!looks_like_name("handling routine tasks centrally"));
/// ```
pub fn looks_like_name(s: &str) -> bool {
    let words: Vec<&str> = s.split_whitespace().collect();
    if words.is_empty() || words.len() > 6 {
        return false;
    }
    let cased: Vec<bool> = words
        .iter()
        .filter_map(|w| w.chars().find(|c| c.is_alphabetic()))
        .filter(|c| c.is_lowercase() || c.is_uppercase())
        .map(|c| c.is_uppercase())
        .collect();
    if cased.is_empty() || words.len() == 1 {
        return true;
    }
    cased.iter().filter(|u| **u).count() * 2 >= cased.len()
}

/// A credential or role written after a name ("MS", "RD", "Ph.D.", "Jr."): joined back to
/// the name before it instead of counting as a name.
fn is_credential(p: &str) -> bool {
    let words: Vec<&str> = p.split_whitespace().collect();
    if words.len() != 1 {
        return false;
    }
    let w = words[0];
    let letters: Vec<char> = w.chars().filter(|c| c.is_alphabetic()).collect();
    if letters.is_empty() {
        return true;
    }
    (letters.len() <= 5 && letters.iter().all(|c| c.is_uppercase()))
        || w.contains('.') && letters.len() <= 5
}

/// True when `p` opens on a credential's or an outlet's capitals (no dots) followed by words
/// not all set in capitals: two words or more or a job title ("MA WebMD Health News", "AP
/// Business Writer"), or, after three capitals or more, an outlet's desk (`outlet_desk` in
/// `data/meta_words.tsv`: "BBC News", "CNN Business"). A name opening on initials ("MJ Lee",
/// "J.D. Roe"), set surname first ("KIM Min-jae") or in capitals throughout ("JILL LAWLESS")
/// is a name.
fn opens_with_initials(p: &str) -> bool {
    let capitals = |w: &str| w.chars().all(|c| c.is_uppercase() || c == '-');
    let Some((first, rest)) = p.trim().split_once(' ') else {
        return false;
    };
    let rest = rest.trim();
    let letters = first.chars().filter(|c| c.is_alphabetic()).count();
    (2..=5).contains(&letters)
        && capitals(first)
        && !rest.split_whitespace().all(capitals)
        && ((letters >= 3 && WORDS.outlet_desk.contains(&rest.to_lowercase()))
            || rest.split_whitespace().count() >= 2
            || names_a_role(&rest.replace('-', " ")))
}

/// The [`key`]s of the byline words (`byline_prefix`), made once.
static BYLINE_PREFIX_KEYS: std::sync::LazyLock<Vec<String>> =
    std::sync::LazyLock::new(|| WORDS.byline_prefix.iter().map(|x| key(x)).collect());

/// True for a value that names no one ("admin", a URL, an e-mail, a number).
fn is_junk(p: &str) -> bool {
    let k = key(p);
    if k.is_empty() || p.len() > 80 {
        return true;
    }
    if p.contains("://") || p.contains('@') || p.starts_with("www.") {
        return true;
    }
    if WORDS.not_author.contains(&k) || WORDS.weekday.contains(&k) {
        return true;
    }
    // A byline's label with no name after it ("By", "Published by" over an author box).
    if BYLINE_PREFIX_KEYS.contains(&k) {
        return true;
    }
    let words = k.split(' ').count();
    if words > 7 {
        return true;
    }
    // A value that opens with a date is a date line ("March 15, 2022", "20 Nov 2019 08:00").
    if date::find(p, false).is_some_and(|f| f.start == 0) {
        return true;
    }
    let digits = p.chars().filter(|c| c.is_ascii_digit()).count();
    digits * 2 > p.chars().count()
}

/// Separators between the items of a byline line ("4 Sep 2025 · 3 min read · By Jane Doe").
const LINE_SEPARATORS: &[char] = &['·', '•', '|', '—', '–', '-', '/'];

/// `s` lower-cased when every char keeps its byte length, so offsets found in the lower-cased
/// text are char boundaries of `s` too ("İ" and "ẞ" change length: `None`).
fn lower_aligned(s: &str) -> Option<String> {
    let lower = s.to_lowercase();
    (lower.len() == s.len()
        && s.chars().count() == lower.chars().count()
        && s.chars()
            .zip(lower.chars())
            .all(|(a, b)| a.len_utf8() == b.len_utf8()))
    .then_some(lower)
}

/// A line that opens with a date and names its author further on, after a separator and a
/// byline word ("March 15, 2022 · 3 min read · By Jane Doe"): the part from that word on.
/// Other lines are returned as they are.
fn after_dated_lead(s: &str) -> &str {
    if date::find(s, false).is_none_or(|f| f.start != 0) {
        return s;
    }
    let Some(lower) = lower_aligned(s) else {
        return s;
    };
    for (i, c) in s.char_indices() {
        if !LINE_SEPARATORS.contains(&c) {
            continue;
        }
        let rest = s[i + c.len_utf8()..].trim_start();
        let at = s.len() - rest.len();
        if WORDS
            .byline_prefix
            .iter()
            .any(|p| starts_word(&lower[at..], p).is_some())
        {
            return rest;
        }
    }
    s
}

/// True when `name`, in Arabic letters, is a news agency or outlet (`marsad_arabic`'s
/// agencies: "وكالات", "المصري اليوم"), which files a story but is no author.
fn is_arabic_outlet(name: &str) -> bool {
    super::date::has_arabic(name) && marsad_arabic::agencies::lookup(name).is_some()
}

/// True when `name`, a name of an Arabic byline, is no person: an agency or outlet in any
/// script ("RT" in "RT + وكالات"), or a place the Arabic layer knows ("أبوظبي" in "سكاي نيوز
/// عربية - أبوظبي").
fn is_arabic_byline_source(name: &str) -> bool {
    marsad_arabic::agencies::lookup(name).is_some() || marsad_arabic::places::lookup(name).is_some()
}

/// The byline after an outlet that opens it, with its dash ("هسبريس - محمد الراجي" names
/// محمد الراجي); else the byline.
fn after_outlet(s: &str) -> &str {
    let Some((head, rest)) = s.split_once(" - ") else {
        return s;
    };
    if is_arabic_outlet(head.trim()) && !rest.trim().is_empty() {
        rest.trim_start()
    } else {
        s
    }
}

/// The name after an Arabic "و" ("and") glued to it ("وسارة" → "سارة"), unless the word is a
/// name of its own that opens on "و" (`waw_name` in `data/meta_words.tsv`: "وليد", "ولد").
fn glued_conjunction(word: &str) -> Option<&str> {
    let rest = word.strip_prefix('و')?;
    (rest.chars().count() >= 3
        && rest.chars().all(|c| ('\u{0620}'..='\u{064A}').contains(&c))
        && !WORDS.waw_name.iter().any(|n| n == word))
    .then_some(rest)
}

/// Splits a byline into names: byline words, dates and labels removed, "and" / "&" / "," /
/// "و" joins split, credentials kept with their name, junk dropped.
///
/// ```
/// use marsad_extract::html::meta::clean::author_names;
/// assert_eq!(author_names("By Jane Doe and John Roe | Published 4 Sep 2025"), vec!["Jane Doe", "John Roe"]);
/// assert_eq!(author_names("Analysis by Chris Cillizza"), vec!["Chris Cillizza"]);
/// assert_eq!(author_names("بقلم: محمد العلي"), vec!["محمد العلي"]);
/// assert_eq!(author_names("Dylan Bailey, MS, RD"), vec!["Dylan Bailey, MS, RD"]);
/// assert_eq!(author_names("By Jane Doe, Trial Attorney at Roe & Roe"), vec!["Jane Doe"]);
/// assert_eq!(author_names("سارة أحمد، مراسلة الموقع في دمشق"), vec!["سارة أحمد"]);
/// assert_eq!(author_names("NB Nicole Burke As founder of Rooted Garden"), vec!["Nicole Burke"]);
/// assert!(author_names("20 Nov 2019 08:00 GMT").is_empty());
/// assert_eq!(author_names("March 15, 2022 · 3 min read · By Jane Doe"), vec!["Jane Doe"]);
/// assert_eq!(author_names("2022-03-15 · بقلم سارة أحمد"), vec!["سارة أحمد"]);
/// assert_eq!(author_names("David Jackson - FullStack Editorial Team"), vec!["David Jackson"]);
/// assert_eq!(author_names("By Rebecca NorrisPublished: Jun 25, 2025"), vec!["Rebecca Norris"]);
/// assert_eq!(author_names("by Jeffrey ZeldmanNovember 20, 2007"), vec!["Jeffrey Zeldman"]);
/// assert_eq!(author_names("Catherine Boeckmann Executive Digital Editor"), vec!["Catherine Boeckmann"]);
/// assert_eq!(author_names("AAA Travel Editor, SMT"), vec!["AAA Travel Editor, SMT"]);
/// assert_eq!(author_names("بقلم سارة أحمد – فريق التحرير"), vec!["سارة أحمد"]);
/// assert_eq!(author_names("Jean-Pierre Martin"), vec!["Jean-Pierre Martin"]);
/// assert_eq!(author_names("Veröffentlicht von Henning Lobin www.lobin.de"), vec!["Henning Lobin"]);
/// assert_eq!(author_names("By Jane Doe via https://twitter.com/jd"), vec!["Jane Doe"]);
/// assert_eq!(author_names("By Jane Doe, blog: www.jd.com"), vec!["Jane Doe"]);
/// assert_eq!(author_names("Escrito por Ana Ruiz en Madrid"), vec!["Ana Ruiz"]);
/// assert_eq!(author_names("Publicado por Ana Ruiz el 3 de mayo de 2018"), vec!["Ana Ruiz"]);
/// assert!(author_names("Next Post").is_empty()); // a label (data: not_author)
/// assert!(author_names("Super User").is_empty()); // Joomla's default account
/// assert_eq!(author_names("كتب: محمد أحمد وسارة علي"), vec!["محمد أحمد", "سارة علي"]);
/// assert_eq!(author_names("ترجمة: سامي عمر"), vec!["سامي عمر"]); // the translator
/// assert_eq!(author_names("Written by Jane Doe | Edited by John Roe"), vec!["Jane Doe"]);
/// assert_eq!(author_names("Jane Doe and John Roe, The Washington Post"), vec!["Jane Doe", "John Roe"]);
/// assert_eq!(author_names("Medically reviewed by Dr. Sam Lee, MD | Written by Jane Doe"), vec!["Jane Doe"]);
/// assert_eq!(author_names("كتب: أحمد محمود | الأحد 01-12-2024 11:45"), vec!["أحمد محمود"]);
/// assert_eq!(author_names("عبد الله وليد حسن"), vec!["عبد الله وليد حسن"]); // one name
/// assert!(author_names("لندن- عربي21").is_empty()); // the outlet filed it: no author
/// assert!(author_names("المصري اليوم").is_empty());
/// assert_eq!(author_names("هسبريس - محمد الراجي"), vec!["محمد الراجي"]);
/// assert!(author_names("RT + وكالات").is_empty());
/// assert!(author_names("سكاي نيوز عربية - أبوظبي").is_empty());
/// ```
pub fn author_names(raw: &str) -> Vec<String> {
    let s = collapse(raw);
    // A name with its home page in brackets after it ("Bradley M. Kuhn
    // (http://ebb.org/bkuhn/)"): the name.
    let s = match s.rsplit_once(['(', '<']) {
        Some((name, url)) if url.contains("://") && !name.contains("://") => {
            name.trim_end().to_string()
        }
        _ => s,
    };
    // A name with its home page after it, closing the byline ("Henning Lobin www.lobin.de",
    // "Jane Doe via https://x.com/jd"): the name. (Anything else before the address, "blog:",
    // "More at", is left to the rules below, which keep no such line as a name.)
    let s = match s.rsplit_once(' ') {
        Some((name, last))
            if (last.starts_with("www.") || last.contains("://"))
                && !name.contains("://")
                && !name.contains("www.")
                && crate::caption::names_like(name) =>
        {
            let name = name.trim_end();
            name.strip_suffix(" via").unwrap_or(name).to_string()
        }
        _ => s,
    };
    // A URL, or a template with an empty name (", Outlet").
    if s.contains("://") || s.starts_with("www.") || s.starts_with(',') {
        return Vec::new();
    }
    // A dateline set as the byline: the agency files the story ("دبي - العربية.نت"), a
    // reporter after the place is the author ("القاهرة - أحمد الريدي").
    if let Some(m) = byline_dateline(&s) {
        if m.dateline.agency.is_some() {
            return Vec::new();
        }
        let place = m.dateline.place.as_deref().unwrap_or("");
        let rest = s
            .find(place)
            .and_then(|i| s.get(i + place.len()..))
            .unwrap_or("")
            .trim_start_matches(|c: char| {
                c.is_whitespace() || c == ':' || marsad_arabic::dateline::is_dash(c)
            });
        return author_names(rest);
    }
    if let Some(names) = writers_credits(&s) {
        return names;
    }
    // Another's credit ("Photo by Jane Doe, public domain" under a post): no writer, unless a
    // later clause credits one ("Photos by John Roe; story by Jane Doe").
    if is_others_credit(&s) {
        return s
            .split([';', ','])
            .skip(1)
            .map(str::trim)
            .find(|part| {
                let lower = part.to_lowercase();
                WORDS
                    .byline_prefix
                    .iter()
                    .any(|p| starts_word(&lower, p).is_some())
            })
            .map(author_names)
            .unwrap_or_default();
    }
    let arabic = super::date::has_arabic(&s);
    let s = without_nickname(&s);
    let s = after_outlet(after_dated_lead(&s));
    let s = strip_prefix(s);
    let s = strip_tail(s);
    let s = strip_prefix(s);
    // Split on joiners and commas.
    let mut pieces: Vec<String> = Vec::new();
    let mut cur = String::new();
    let toks: Vec<&str> = s.split(' ').collect();
    for (i, tok) in toks.iter().enumerate() {
        let bare = tok.trim_end_matches([',', ';']);
        let lower = bare.to_lowercase();
        if WORDS.joiner.contains(&lower) {
            pieces.push(std::mem::take(&mut cur));
            continue;
        }
        // "محمد أحمد وسارة علي": the conjunction glued to the second name, after a name of
        // two words or more, with more of the second name to come.
        if let Some(next) = glued_conjunction(bare)
            && cur.contains(' ')
            && i + 1 < toks.len()
        {
            pieces.push(std::mem::take(&mut cur));
            cur.push_str(next);
            continue;
        }
        if !cur.is_empty() {
            cur.push(' ');
        }
        cur.push_str(bare);
        if bare.len() != tok.len() {
            pieces.push(std::mem::take(&mut cur));
        }
    }
    pieces.push(cur);
    let mut out: Vec<String> = Vec::new();
    for p in pieces {
        let p = p
            .trim()
            .trim_matches(|c: char| !c.is_alphanumeric() && c != '.' && c != ')');
        // A piece holding a web address ("blog: www.jd.com") names no one.
        if p.is_empty() || p.contains("://") || p.contains("www.") {
            continue;
        }
        let p = without_initials(strip_prefix(p));
        // A job title ends the names: "Jane Doe, Staff Writer at Outlet & Co" names Jane Doe.
        // After a name, a piece holding a job title is all title ("Trial Attorney at …").
        let (p, role) = cut_role(p);
        if role && !out.is_empty() {
            break;
        }
        if p.is_empty() {
            continue;
        }
        // After a name, words opening on a credential or an outlet's initials are the name's
        // affiliation, not a second name ("Brenda Goodman, MA<br>WebMD Health News", "Jane
        // Doe, AP Business Writer"): the names end.
        if !out.is_empty() && opens_with_initials(p) {
            break;
        }
        if is_credential(p)
            && let Some(last) = out.last_mut()
        {
            last.push_str(", ");
            last.push_str(p);
            continue;
        }
        // After people, a name opening with "The" is their outlet ("Jane Doe and John Roe,
        // The Washington Post"); no person's name opens so.
        if is_junk(p)
            || (arabic && is_arabic_byline_source(p))
            || (!out.is_empty() && p.starts_with("The ") && p.len() > 4)
        {
            continue;
        }
        if !out.iter().any(|o| key(o) == key(p)) {
            out.push(p.to_string());
        }
        if role {
            break;
        }
    }
    out
}

/// Marks that set a byline's credits apart ("Written by Jane Doe | Edited by John Roe").
const CREDIT_SEPARATORS: [&str; 3] = [" | ", " • ", " · "];

/// The writers of a byline made of several credits, one of them someone else's (an editor's, a
/// reviewer's: `credit_not_author` in `data/meta_words.tsv`): the names of the other credits.
/// `None` when the byline is not such a line.
fn writers_credits(s: &str) -> Option<Vec<String>> {
    let sep = CREDIT_SEPARATORS.iter().find(|sep| s.contains(**sep))?;
    let mut others = false;
    let mut names: Vec<String> = Vec::new();
    for part in s.split(sep) {
        let part = part.trim();
        let lower = part.to_lowercase();
        if WORDS
            .credit_not_author
            .iter()
            .any(|c| starts_word(&lower, c).is_some())
        {
            others = true;
        } else {
            for n in author_names(part) {
                if !names.iter().any(|o| key(o) == key(&n)) {
                    names.push(n);
                }
            }
        }
    }
    (others && !names.is_empty()).then_some(names)
}

/// True when `s` opens with another's credit (`credit_not_author`: "Photo by", "Edited by")
/// that is no byline opener (`byline_prefix`: "Reviewed by" is both, and signs a page).
fn is_others_credit(s: &str) -> bool {
    let lower = s.to_lowercase();
    WORDS
        .credit_not_author
        .iter()
        .any(|c| starts_word(&lower, c).is_some())
        && !WORDS
            .byline_prefix
            .iter()
            .any(|p| starts_word(&lower, p).is_some())
}

/// Most characters of a nickname quoted inside a name.
const MAX_NICKNAME_CHARS: usize = 40;

/// A name without the nickname quoted inside it (`Jenny "The Author" Smith` is Jenny Smith).
fn without_nickname(s: &str) -> std::borrow::Cow<'_, str> {
    for (open, close) in [('"', '"'), ('“', '”')] {
        let Some(a) = s.find(&format!(" {open}")) else {
            continue;
        };
        let inner = a + 1 + open.len_utf8();
        let Some(len) = s[inner..].find(close) else {
            continue;
        };
        let after = inner + len + close.len_utf8();
        if len > 0 && len <= MAX_NICKNAME_CHARS && s[after..].starts_with(' ') {
            return format!("{}{}", &s[..a], &s[after..]).into();
        }
    }
    s.into()
}

/// A byline that is a whole dateline of a place the lexicon knows: the place, a dash, and an
/// agency or a reporter ("دبي - العربية.نت", "القاهرة - أحمد الريدي"), as Arabic outlets set
/// the line under the headline.
///
/// ```
/// use marsad_extract::html::meta::clean::{author_names, byline_dateline};
/// let m = byline_dateline("دبي - العربية.نت").unwrap();
/// assert_eq!(m.dateline.place.as_deref(), Some("دبي"));
/// assert!(author_names("دبي - العربية.نت").is_empty());
/// assert_eq!(author_names("القاهرة - أحمد الريدي"), vec!["أحمد الريدي"]);
/// assert_eq!(author_names("القاهرة: محمد نبيل حلمي"), vec!["محمد نبيل حلمي"]);
/// assert!(byline_dateline("القاهرة: قال الوزير إن المفاوضات مستمرة.").is_none());
/// assert!(byline_dateline("محمد العلي - الجزيرة نت").is_none());
/// assert!(byline_dateline("David Jackson - FullStack Editorial Team").is_none());
/// ```
pub fn byline_dateline(s: &str) -> Option<marsad_arabic::dateline::DatelineMatch> {
    // (The places are the Arabic lexicon's.)
    if !date::has_arabic(s) {
        return None;
    }
    let m = marsad_arabic::dateline::find_dateline(s).or_else(|| colon_byline(s))?;
    (m.dateline.zone.is_some()
        && m.dateline.place.is_some()
        && s.get(m.consumed..).is_some_and(|r| r.trim().is_empty()))
    .then_some(m)
}

/// Most words of a reporter's name after a byline's place and colon.
const MAX_COLON_NAME_WORDS: usize = 4;

/// A byline "PLACE: reporter" (Asharq Al-Awsat's "القاهرة: محمد نبيل حلمي"), read as the
/// dash form is. In running text a place and a colon open a quotation as often, so only a
/// byline, and only a few words without digits or sentence marks after the colon, is read so.
fn colon_byline(s: &str) -> Option<marsad_arabic::dateline::DatelineMatch> {
    let (place, name) = s.split_once(':')?;
    let words = name.split_whitespace().count();
    if !(1..=MAX_COLON_NAME_WORDS).contains(&words)
        || name
            .chars()
            .any(|c| c.is_numeric() || matches!(c, '.' | '،' | ',' | '!' | '?' | '؟' | '"' | '«'))
    {
        return None;
    }
    let dashed = format!("{} - {}", place.trim(), name.trim());
    let mut m = marsad_arabic::dateline::find_dateline(&dashed)?;
    if m.consumed < dashed.trim_end().len() {
        return None;
    }
    m.dateline.text = s.trim().to_string();
    m.dateline.span = marsad_model::Span::new(0, s.len());
    m.consumed = s.len();
    Some(m)
}

/// Longest run of capitals read as an avatar's initials before a name.
pub const MAX_INITIALS: usize = 3;

/// A name without the avatar initials set before it ("NB Nicole Burke" → "Nicole Burke"):
/// a first word of two or three capitals that are the first letters of the words after it.
fn without_initials(p: &str) -> &str {
    let Some((first, rest)) = p.split_once(' ') else {
        return p;
    };
    let n = first.chars().count();
    if !(2..=MAX_INITIALS).contains(&n) || !first.chars().all(char::is_uppercase) {
        return p;
    }
    let heads: String = rest
        .split_whitespace()
        .take(n)
        .filter_map(|w| w.chars().next())
        .collect();
    if heads == first { rest.trim_start() } else { p }
}

/// `p` up to its first job-title word ("Liza Burke Marketing Director" → "Liza Burke"), and
/// whether one was found.
/// True when a word of `text` is a job-title word ("Contributing Writer", "VP - Technology",
/// "مراسلة الموقع").
///
/// ```
/// use marsad_extract::html::meta::clean::names_a_role;
/// assert!(names_a_role("Founder & CEO"));
/// assert!(names_a_role("مراسل الموقع"));
/// assert!(!names_a_role("Jane Doe"));
/// ```
pub fn names_a_role(text: &str) -> bool {
    text.split_whitespace().any(|w| {
        let bare: String = w
            .chars()
            .filter(|c| c.is_alphanumeric() || *c == '-')
            .flat_map(char::to_lowercase)
            .collect();
        !bare.is_empty() && WORDS.role.contains(&bare)
    })
}

fn cut_role(p: &str) -> (&str, bool) {
    let mut pos = 0;
    for w in p.split_whitespace() {
        let start = pos + p[pos..].find(w).unwrap_or(0);
        pos = start + w.len();
        let bare: String = w
            .chars()
            .filter(|c| c.is_alphanumeric() || *c == '-')
            .flat_map(char::to_lowercase)
            .collect();
        if WORDS.role.contains(&bare) {
            // An outlet's desk keeps its title: "AAA Travel Editor" names no person.
            if p[..start]
                .split_whitespace()
                .next()
                .is_some_and(|w| w.len() >= 2 && w.bytes().all(|b| b.is_ascii_uppercase()))
            {
                return (p, false);
            }
            let mut kept =
                p[..start].trim_end_matches(|c: char| !c.is_alphanumeric() && c != '.' && c != ')');
            // The words leading into the title go with it ("Jane Doe as founder of …").
            while let Some((head, last)) = kept.trim_end().rsplit_once(char::is_whitespace)
                && WORDS.role_lead.contains(&last.to_lowercase())
            {
                kept = head.trim_end();
            }
            return (kept.trim(), true);
        }
    }
    (p, false)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn initials_after_a_name_open_its_affiliation_not_a_second_name() {
        for (line, names) in [
            (
                "Brenda Goodman, MA\nWebMD Health News",
                vec!["Brenda Goodman"],
            ),
            ("By Jane Doe, AP Business Writer", vec!["Jane Doe"]),
            (
                "Chris Cillizza, CNN Editor-at-large",
                vec!["Chris Cillizza"],
            ),
            // A credential alone stays with its name; a second name is a name.
            ("Jane Doe, MD", vec!["Jane Doe, MD"]),
            ("Jane Doe, John Roe", vec!["Jane Doe", "John Roe"]),
            (
                "DANICA KIRKA, JILL LAWLESS",
                vec!["DANICA KIRKA", "JILL LAWLESS"],
            ),
            (
                "By Kevin Liptak, MJ Lee and Arlette Saenz",
                vec!["Kevin Liptak", "MJ Lee", "Arlette Saenz"],
            ),
            ("Jane Doe, J.D. Roe", vec!["Jane Doe", "J.D. Roe"]),
            ("Jane Doe, BBC News", vec!["Jane Doe"]),
            (
                "By Jane Doe, LEE Ji-hoon and PARK Soo-min",
                vec!["Jane Doe", "LEE Ji-hoon", "PARK Soo-min"],
            ),
        ] {
            assert_eq!(author_names(line), names, "{line:?}");
        }
    }

    #[test]
    fn german_french_and_italian_bylines_lose_their_label_and_the_word_before_their_date() {
        for (line, names) in [
            ("Von Christian am 03.05.2013, 11:51", vec!["Christian"]),
            ("Autor: Jan Becker", vec!["Jan Becker"]),
            ("Autorin Anna Schmidt", vec!["Anna Schmidt"]),
            ("Auteur : Marie Dupont", vec!["Marie Dupont"]),
            ("Autore: Marco Rossi", vec!["Marco Rossi"]),
            ("am 20.06.2018", vec![]),
            // "am" with no date after it is part of the name.
            ("Von Sabine am Orde", vec!["Sabine am Orde"]),
        ] {
            assert_eq!(author_names(line), names, "{line}");
        }
    }

    #[test]
    fn another_credit_alone_names_no_writer() {
        assert!(author_names("Photo by барон Н.Н.Торнау, public domain.").is_empty());
        assert!(author_names("Foto von Jan Becker").is_empty());
        assert!(author_names("Edited by John Roe").is_empty());
        // A writer credited after it in the same line stays.
        assert_eq!(
            author_names("Photos by John Roe; story by Jane Doe"),
            vec!["Jane Doe"]
        );
        // "Reviewed by" opens bylines too: the reviewer signs the page.
        assert_eq!(author_names("Reviewed by Dr. Sam Lee"), vec!["Dr. Sam Lee"]);
    }

    #[test]
    fn a_day_name_left_before_a_cut_date_is_no_part_of_the_name() {
        for (line, name) in [
            ("Jane Doe, Sat 13 Jul 2019", "Jane Doe"),
            (
                "Maximilian Steinbeis Samstag, 13. Juli 2019",
                "Maximilian Steinbeis",
            ),
            ("Par Marie Dupont, mercredi 3 juillet 2019", "Marie Dupont"),
            ("Por Ana García, miércoles 3 de julio de 2019", "Ana García"),
            // A surname that is a day's abbreviation or name elsewhere stays.
            ("Minh Do 13 Jul 2019", "Minh Do"),
            ("Larry Sabato 13 Jul 2019", "Larry Sabato"),
            ("Jan Freitag 13 Jul 2019", "Jan Freitag"),
            // With no date after it, a day's name is a name.
            ("Von Susanne Samstag", "Susanne Samstag"),
            ("By Lena Sun", "Lena Sun"),
        ] {
            assert_eq!(author_names(line), vec![name], "{line}");
        }
    }

    #[test]
    fn find_sep_agrees_with_a_search_per_separator() {
        // The nearest separator by a search for each one in turn, as the scan must find it.
        let reference = |t: &str, last: bool| {
            let mut best: Option<(usize, usize)> = None;
            for sep in SEPARATORS {
                let Some(p) = (if last { t.rfind(sep) } else { t.find(sep) }) else {
                    continue;
                };
                if best.is_none_or(|(b, _)| if last { p > b } else { p < b }) {
                    best = Some((p, p + sep.len()));
                }
            }
            best
        };
        let titles = [
            "Headline | Site",
            "A | B | C",
            "Site - Headline – More — End",
            "x |y| z",
            "عنوان الخبر｜الموقع » قسم",
            "no separator here",
            "",
            "|",
            " | ",
            "a :: b · c • d « e / f ~ g ‹ h › i",
            "ends with |",
            "| starts",
            "خبر | موقع - قسم",
        ];
        for t in titles {
            for last in [false, true] {
                assert_eq!(find_sep(t, last), reference(t, last), "{t:?} last={last}");
            }
        }
    }

    #[test]
    fn a_closing_bracket_group_is_a_part_of_the_title() {
        assert_eq!(
            parts("searching [Zotero Documentation]"),
            vec!["searching", "Zotero Documentation"]
        );
        assert_eq!(parts("بحث [وثائق الموقع]"), vec!["بحث", "وثائق الموقع"]);
        assert_eq!(
            parts("Tools [2025 List] | Site"),
            vec!["Tools [2025 List]", "Site"]
        );
        assert_eq!(
            parts("[2512.16245] Model Merging"),
            vec!["[2512.16245] Model Merging"]
        );
        assert_eq!(parts("Odd [a [b]"), vec!["Odd [a", "b"]);
    }

    #[test]
    fn lower_casing_that_moves_char_boundaries_is_not_used_for_offsets() {
        // "ẞ" (3 bytes) lower-cases to "ß" (2) and "İ" (2) to "i̇" (3): same total length,
        // other boundaries.
        assert!(lower_aligned("ẞİ Jane").is_none());
        assert_eq!(lower_aligned("Jane DOE").as_deref(), Some("jane doe"));
        for line in [
            "March 15, 2022 · ẞİ · By Jane Doe",
            "By ẞİ Jane Doe Follow",
            "İẞ by Jane Doe comments",
        ] {
            // No panic, and the names are read where the text allows.
            let _ = author_names(line);
            let _ = after_dated_lead(line);
        }
        assert_eq!(
            after_dated_lead("March 15, 2022 · 3 min read · By Jane Doe"),
            "By Jane Doe"
        );
    }

    #[test]
    fn title_suffixes() {
        let sites = vec!["The Daily".to_string()];
        assert_eq!(strip_site("Headline | The Daily", &sites, None), "Headline");
        assert_eq!(strip_site("The Daily - Headline", &sites, None), "Headline");
        assert_eq!(
            strip_site("Headline – Sub | The Daily", &sites, None),
            "Headline – Sub"
        );
        assert_eq!(strip_site("Headline", &sites, None), "Headline");
        // Never strip to nothing.
        assert_eq!(strip_site("The Daily", &sites, None), "The Daily");
        // Host name as site.
        assert_eq!(
            strip_site("What is X? - Example", &[], Some("www.example.org")),
            "What is X?"
        );
        // Unrelated tail is kept.
        assert_eq!(
            strip_site("Rust - a language", &sites, None),
            "Rust - a language"
        );
        assert_eq!(parts("A | B - C"), vec!["A", "B", "C"]);
    }

    #[test]
    fn author_cleanup() {
        assert_eq!(author_names("Written by: Jane Doe"), vec!["Jane Doe"]);
        assert_eq!(author_names("By JANE DOE, Staff"), vec!["JANE DOE"]);
        assert_eq!(
            author_names("Danielle DeSiato, Donna Enzmann, and Natalie Nguyen"),
            vec!["Danielle DeSiato", "Donna Enzmann", "Natalie Nguyen"]
        );
        assert_eq!(author_names("Jane Doe • 5 min read"), vec!["Jane Doe"]);
        // A byline's label alone names no one.
        for label in ["By", "Published by", "بقلم", "This article was Written By"] {
            assert!(author_names(label).is_empty(), "{label}");
        }
        // A date line in a byline's place names no one; Drupal's "Submitted by" is a byline.
        for line in [
            "Submitted on Mon, 2019-01-21 13:49",
            "Posted on March 3, 2024",
        ] {
            assert!(author_names(line).is_empty(), "{line}");
        }
        assert_eq!(
            author_names("Submitted by Jenny Smith on Mon, 01/21/2019 - 13:49"),
            vec!["Jenny Smith"]
        );
        assert_eq!(
            author_names("By Jane Doe Updated on March 3, 2024"),
            vec!["Jane Doe"]
        );
        assert_eq!(
            author_names("Genevieve Carlton, Ph.D."),
            vec!["Genevieve Carlton, Ph.D."]
        );
        assert_eq!(
            author_names("كتب محمد علي و أحمد سعيد"),
            vec!["محمد علي", "أحمد سعيد"]
        );
        assert!(author_names("admin").is_empty());
        assert!(author_names("https://facebook.com/x").is_empty());
        // A home page in brackets after the name.
        assert_eq!(
            author_names("Bradley M. Kuhn (http://ebb.org/bkuhn/)"),
            vec!["Bradley M. Kuhn"]
        );
        assert_eq!(
            author_names("Jane Doe <https://janedoe.net>"),
            vec!["Jane Doe"]
        );
        assert!(author_names("").is_empty());
        assert_eq!(author_names("Maria & Katerina"), vec!["Maria", "Katerina"]);
    }

    #[test]
    fn what_follows_a_name_in_a_byline() {
        // The outlet a reporter writes for.
        assert_eq!(
            author_names("By Jenny Smith For Daily Mail Australia"),
            vec!["Jenny Smith"]
        );
        assert_eq!(
            author_names("Jenny Smith from Trafilatura"),
            vec!["Jenny Smith"]
        );
        // An author link's label before the name is no name, nor the "from" an affiliation.
        for label in ["Read more from", "More articles by", "View all posts by"] {
            assert_eq!(
                author_names(&format!("{label} Jenny Smith")),
                vec!["Jenny Smith"]
            );
        }
        // An organisation's own "for", and a sentence going on, are no affiliation.
        assert_eq!(
            author_names("Center for Drug Evaluation and Research"),
            vec!["Center for Drug Evaluation", "Research"]
        );
        assert_ne!(
            author_names("by Cats Have No Lord for our regular group! This was a hoot"),
            vec!["Cats Have No Lord"]
        );
        // A social handle, a quoted nickname, a label in another language.
        assert_eq!(
            author_names("Jenny Smith @jenny_smith"),
            vec!["Jenny Smith"]
        );
        assert_eq!(
            author_names("By Megan Rowe meganr@spokesman.com(509) 459-5382"),
            vec!["Megan Rowe"]
        );
        assert!(author_names("By ops@our-hometown.com").is_empty());
        assert_eq!(
            author_names("Jenny \"The Author\" Smith"),
            vec!["Jenny Smith"]
        );
        assert_eq!(author_names("Текст: Лида Буслаева"), vec!["Лида Буслаева"]);
        assert_eq!(
            author_names("史蒂文的家_藍天 發表在 痞客邦 PIXNET 留言(42)"),
            vec!["史蒂文的家_藍天"]
        );
        // Initials or a nickname in brackets inside the name stay; an outlet after it goes.
        assert_eq!(
            author_names("Richard (R.J.) Eskow"),
            vec!["Richard (R.J.) Eskow"]
        );
        assert_eq!(author_names("Jenny Smith (Reuters)"), vec!["Jenny Smith"]);
        assert_eq!(
            author_names("Jenny Smith (Reuters) 3 min read"),
            vec!["Jenny Smith"]
        );
        // A sponsored post's label.
        assert_eq!(
            author_names("Help Net Security Sponsored"),
            vec!["Help Net Security"]
        );
    }

    #[test]
    fn keys() {
        assert_eq!(key("It’s  a \"Test\""), "its a test");
        assert_eq!(cut("دمشق", 3), "د");
    }
}
