//! Datelines and credits.
//!
//! A dateline opens a story (a whole line or the start of the first paragraph) and names where
//! it was filed and who filed it:
//! - `PLACE[، COUNTRY] (AGENCY)--` — "دبي، الإمارات العربية المتحدة (CNN)--", "(CNN)--", with
//!   the dash forms `--`, `—`, `–`, `-`, `- -`, spaces or NBSPs between, and broken brackets
//!   "(CNN--", "(CNN(--";
//! - `PLACE - (AGENCY) -` — "القاهرة - (رويترز) -";
//! - `PLACE - AGENCY` — "إسطنبول - وكالات", "بيروت - أ ف ب", "لندن - رويترز", "موسكو - د ب أ"
//!   (separators `-`, `ـ`, `–`, `—`), as a whole line or followed by another dash and the text;
//!   a wire's name may run straight into the story ("دمشق-سانا أكد الرئيس …");
//! - `PLACE- story` — "جنيف- حذرت الأمم المتحدة اليوم …" (a known place, a dash, and the story
//!   goes on in the same paragraph);
//! - `PLACE DATE / AGENCY /` — the Gulf's national wires: "أبوظبي في 14 مارس / وام /",
//!   "الدوحة في 14 مارس /قنا/"; a filing date after the place is read in the bracketed forms
//!   too ("عمان 14 آذار (بترا) -", "الكويت - 14 - 3 (كونا) --") and is not part of the place;
//! - `PLACE: «OUTLET»` — the paper's own staff: "لندن: «الشرق الأوسط»", "بيروت - «النهار»",
//!   "دبي - «الخليج»:";
//! - `PLACE/ OUTLET:` — Iraqi papers: "بغداد/ المدى:", "بغداد / المدى -";
//! - `PLACE DATE AGENCY` — the Saudi Press Agency: "الرياض 05 جمادى الأولى 1446 هـ الموافق 07
//!   نوفمبر 2024 م واس".
//!
//! A credit closes a caption: "… 7 أيلول 2020 (رويترز)" → [`find_credit`].

use marsad_model::{AgencyKind, Dateline, Span};

use crate::agencies;
use crate::dates::fold;
use crate::places;

/// Only this many bytes at the start of a line are examined for a dateline.
pub const MAX_DATELINE_BYTES: usize = 400;

/// Longest place part (in words) before the agency.
const MAX_PLACE_WORDS: usize = 7;

/// Fewest words after "PLACE -" for the dash to open the story ("جنيف- حذرت الأمم المتحدة
/// اليوم الجمعة …"); fewer are a whole-line dateline naming a reporter ("القاهرة - أحمد الريدي").
const MIN_STORY_WORDS: usize = 5;

/// True when a text opens on a known place (its first one or two words).
fn opens_on_place(text: &str) -> bool {
    let mut ends = text
        .char_indices()
        .filter(|&(_, c)| is_space(c) || matches!(c, ':' | '،' | ','))
        .map(|(k, _)| k);
    let first = ends.next().unwrap_or(text.len());
    let second = ends.next().unwrap_or(text.len());
    [first, second]
        .iter()
        .any(|&e| text.get(..e).is_some_and(|w| places::lookup(w).is_some()))
}

/// A dateline and how many bytes of the line it takes (including the whitespace after it).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DatelineMatch {
    /// The dateline (span relative to the line).
    pub dateline: Dateline,
    /// Bytes of the line consumed: the dateline and the whitespace after it. The story text
    /// starts here.
    pub consumed: usize,
}

/// True for the dashes a dateline sets between place, agency and story (`-`, `–`, `—`, the
/// tatweel `ـ`, `‒`, `―`).
pub fn is_dash(c: char) -> bool {
    matches!(c, '-' | '–' | '—' | 'ـ' | '‒' | '―')
}

fn is_space(c: char) -> bool {
    c.is_whitespace()
        || matches!(c, '\u{200B}'..='\u{200F}' | '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}' | '\u{FEFF}')
}

/// End of a dash group starting at `i` (dashes with spaces between), or `None` when no dash.
fn dash_group(s: &str, i: usize) -> Option<usize> {
    let mut end = None;
    let mut j = i;
    let rest = s.get(i..)?;
    for (k, c) in rest.char_indices() {
        if is_dash(c) {
            end = Some(i + k + c.len_utf8());
        } else if !is_space(c) {
            break;
        }
        j = i + k + c.len_utf8();
    }
    let _ = j;
    end
}

fn skip_space(s: &str, i: usize) -> usize {
    match s.get(i..) {
        Some(r) => {
            i + r
                .char_indices()
                .find(|(_, c)| !is_space(*c))
                .map(|(k, _)| k)
                .unwrap_or(r.len())
        }
        None => i,
    }
}

fn strip_invisible(s: &str) -> String {
    s.chars().filter(|c| !matches!(c, '\u{200B}'..='\u{200F}' | '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}' | '\u{FEFF}')).collect::<String>().trim().to_string()
}

/// True for a day or month written in one or two digits ("14", "3", "١٤").
fn is_day_number(w: &str) -> bool {
    (1..=2).contains(&w.chars().count()) && w.chars().all(|c| c.is_numeric())
}

/// True for a month's name ("مارس", "آذار").
fn is_month_word(w: &str) -> bool {
    crate::dates::lexicon::lookup(&fold(w)).is_some_and(|i| i.month > 0)
}

/// `s` without its last word (a run of characters that are neither spaces nor dashes), and
/// that word.
fn split_last_word(s: &str) -> (&str, &str) {
    let s = s.trim_end_matches(|c: char| is_dash(c) || is_space(c));
    let at = s
        .char_indices()
        .rev()
        .find(|&(_, c)| is_dash(c) || is_space(c))
        .map_or(0, |(k, c)| k + c.len_utf8());
    (&s[..at], &s[at..])
}

/// The place part of a wire's dateline without the filing date after the place: "أبوظبي
/// في 14 مارس" (WAM, QNA), "عمان 14 آذار" (Petra), "الكويت - 14 - 3" (KUNA), "الخرطوم 5/3"
/// all file from the place alone.
fn without_filing_date(p: &str) -> &str {
    let (rest, month) = split_last_word(p);
    let rest = match month.split_once('/') {
        // "الخرطوم 5/3"
        Some((d, m)) if is_day_number(d) && is_day_number(m) => rest,
        _ => {
            if !(is_month_word(month) || is_day_number(month)) {
                return p;
            }
            let (rest, day) = split_last_word(rest);
            if !is_day_number(day) {
                return p;
            }
            rest
        }
    };
    let (before, word) = split_last_word(rest);
    let place = if word == "في" { before } else { rest };
    let place = place.trim_end_matches(|c: char| is_dash(c) || is_space(c));
    if place.is_empty() { p } else { place }
}

/// Splits "دبي، الإمارات العربية المتحدة" into place and country and resolves them.
fn place_parts(prefix: &str) -> Option<Parts> {
    let p = strip_invisible(without_filing_date(
        prefix.trim_end_matches(|c: char| is_dash(c) || is_space(c)),
    ));
    if p.is_empty() {
        return Some((String::new(), None, None, None));
    }
    // "آخن (ألمانيا)": a bracketed country
    let (p, bracketed) = match (p.find('('), p.ends_with(')')) {
        (Some(o), true) => (
            p.get(..o).unwrap_or("").trim().to_string(),
            p.get(o + 1..p.len() - 1).map(|c| c.trim().to_string()),
        ),
        _ => (p.clone(), None),
    };
    // (A stop may end an abbreviated filing date after the comma: "MADRID, 5 Mar.")
    let (head, tail) = p.split_once(['،', ',']).unwrap_or((&p, ""));
    let stop_ok = tail
        .trim()
        .strip_suffix('.')
        .is_some_and(|t| !t.contains('.'));
    if p.split_whitespace().count() > MAX_PLACE_WORDS
        || head.contains(['.', ':', '!', '?', '؟', '"', '«', '»', '(', ')'])
        || tail.contains([':', '!', '?', '؟', '"', '«', '»', '(', ')'])
        || (tail.contains('.') && !stop_ok)
    {
        return None;
    }
    let (place, country_part) = match p.split_once(['،', ',']) {
        Some((a, b)) => (a.trim().to_string(), Some(b.trim().to_string())),
        None => (p.clone(), bracketed),
    };
    if place.is_empty() || place.split_whitespace().count() > 4 {
        return None;
    }
    let hint = country_part.clone().unwrap_or_default();
    let latin = |t: &str| !t.chars().any(|c| ('\u{0600}'..='\u{06FF}').contains(&c));
    let pl = places::lookup_with_hint(&place, &hint).or_else(|| {
        latin(&place)
            .then(|| places::lookup_en_with_hint(&place, &hint))
            .flatten()
    });
    let country_pl = country_part.as_deref().and_then(|c| {
        places::lookup(c).or_else(|| latin(c).then(|| places::lookup_en(c)).flatten())
    });
    let country = country_pl
        .as_ref()
        .map(|c| c.country)
        .or(pl.as_ref().map(|p| p.country))
        .map(str::to_string);
    let zone = pl
        .as_ref()
        .map(|p| p.zone)
        .or(country_pl.as_ref().map(|c| c.zone));
    let known = pl.is_some() || country_pl.is_some();
    Some((
        place,
        country,
        if known {
            zone.map(str::to_string)
        } else {
            None
        },
        pl.map(|p| p.name),
    ))
}

fn agency_at(s: &str) -> Option<(agencies::Agency, String)> {
    let a = agencies::lookup(s)?;
    Some((a, strip_invisible(s)))
}

/// Finds the agency at the start of `s` (the longest run of up to 5 words that is an agency).
fn leading_agency(s: &str) -> Option<(agencies::Agency, usize)> {
    let mut ends: Vec<usize> = Vec::new();
    let mut in_word = false;
    for (k, c) in s.char_indices() {
        let sep = is_space(c) || is_dash(c) || matches!(c, ':' | '،' | ',' | '(' | ')');
        if sep && in_word {
            ends.push(k);
            if ends.len() >= 5 {
                break;
            }
        }
        in_word = !sep;
    }
    if in_word && ends.len() < 5 {
        ends.push(s.len());
    }
    for &e in ends.iter().rev() {
        let cand = s.get(..e)?;
        if let Some(a) = agencies::lookup(cand) {
            return Some((a, e));
        }
    }
    None
}

/// Finds a dateline at the start of a line (whole-line datelines and datelines opening a
/// paragraph), with the number of bytes it takes.
///
/// ```
/// use marsad_arabic::dateline::find_dateline;
/// let m = find_dateline("دبي، الإمارات العربية المتحدة (CNN)-- أعلنت الشركة …").unwrap();
/// assert_eq!(m.dateline.place.as_deref(), Some("دبي"));
/// assert_eq!(m.dateline.agency.as_deref(), Some("CNN"));
/// assert_eq!(m.dateline.text, "دبي، الإمارات العربية المتحدة (CNN)--");
/// assert_eq!(&"دبي، الإمارات العربية المتحدة (CNN)-- أعلنت الشركة …"[m.consumed..], "أعلنت الشركة …");
/// // A Latin dateline's place by its English name, with its zone.
/// let m = find_dateline("LONDON, March 5 (Reuters) - Britain's government …").unwrap();
/// assert_eq!(m.dateline.zone.as_deref(), Some("Europe/London"));
/// assert_eq!(m.dateline.country.as_deref(), Some("GB"));
/// let m = find_dateline("MADRID — Rafael Nadal kept Spain's hopes alive …").unwrap();
/// assert_eq!(m.dateline.country.as_deref(), Some("ES"));
/// // Spanish wires: a filing date abbreviated with a stop, a bracket closed by ".-".
/// let m = find_dateline("MADRID, 5 Mar. (EUROPA PRESS) - El Gobierno ha aprobado …").unwrap();
/// assert_eq!((m.dateline.place.as_deref(), m.dateline.agency.as_deref()), (Some("MADRID"), Some("EUROPA PRESS")));
/// let m = find_dateline("Madrid (EFE).- El Gobierno aprobó …").unwrap();
/// assert_eq!(m.dateline.text, "Madrid (EFE).-");
/// ```
pub fn find_dateline(line: &str) -> Option<DatelineMatch> {
    let s0 = skip_space(line, 0);
    let head_end = {
        let mut e = line.len().min(s0 + MAX_DATELINE_BYTES);
        while e > s0 && !line.is_char_boundary(e) {
            e -= 1;
        }
        e
    };
    let head = line.get(..head_end)?;
    // 1. "(AGENCY)" within the first words
    if let Some(m) = bracketed_agency(line, head, s0) {
        return Some(m);
    }
    // 1b. "/ AGENCY /", as the Gulf's wires set it: "أبوظبي في 14 مارس / وام /".
    if let Some(m) = slashed_agency(line, head, s0) {
        return Some(m);
    }
    // 1c. "«OUTLET»" after the place: "لندن: «الشرق الأوسط»", "بيروت - «النهار»".
    if let Some(m) = quoted_outlet(line, head, s0) {
        return Some(m);
    }
    if let Some(m) = placed_agency(line, head, s0) {
        return Some(m);
    }
    // 1d. "PLACE/ OUTLET:", as Iraqi papers set it: "بغداد/ المدى:".
    if let Some(m) = slashed_outlet(line, head, s0) {
        return Some(m);
    }
    // 1e. "PLACE DATE AGENCY", the Saudi Press Agency's: "الرياض 05 جمادى الأولى 1446 هـ
    // الموافق 07 نوفمبر 2024 م واس".
    dated_agency(line, head, s0)
}

/// Words that may stand between and after the dates of a filing date: "الموافق" (the Hijri
/// day's Gregorian equivalent), the era marks "م" and "هـ".
const FILING_DATE_GLUE: [&str; 4] = ["الموافق", "م", "هـ", "ه"];

/// Characters from a line's start within which a filing date's day number stands.
const FILING_DAY_WITHIN: usize = 48;

/// "PLACE DATE[ الموافق DATE] AGENCY": a known place, its filing date (Hijri, Gregorian or
/// both) and a known agency with no mark between, then the story, a dash, a colon or the
/// line's end. The Saudi Press Agency's form: "الرياض 05 جمادى الأولى 1446 هـ الموافق 07
/// نوفمبر 2024 م واس".
fn dated_agency(line: &str, head: &str, s0: usize) -> Option<DatelineMatch> {
    let h = head.get(s0..)?;
    // (The day's number follows a place of a few words.)
    if !h.chars().take(FILING_DAY_WITHIN).any(|c| c.is_numeric()) {
        return None;
    }
    let dates = crate::dates::find_dates(h, &crate::dates::DateContext::default());
    let first = dates.first()?;
    let parts = place_parts(h.get(..first.span.start)?)?;
    parts.3?;
    let glue = |gap: &str| {
        gap.split(is_space)
            .filter(|w| !w.is_empty())
            .all(|w| FILING_DATE_GLUE.contains(&w))
    };
    let mut end = first.span.end;
    for d in &dates[1..] {
        if !h.get(end..d.span.start).is_some_and(glue) {
            break;
        }
        end = d.span.end;
    }
    // The era mark after the last date, then the agency.
    let mut k = skip_space(h, end);
    while let Some((w, _)) = h.get(k..).and_then(|r| r.split_once(is_space))
        && FILING_DATE_GLUE.contains(&w)
    {
        k = skip_space(h, k + w.len());
    }
    let (ag, len) = leading_agency(h.get(k..)?)?;
    let a_end = s0 + k + len;
    let tail = head.get(a_end..).unwrap_or("");
    let stop = if line.get(a_end..).is_some_and(|r| r.trim().is_empty()) {
        a_end
    } else if let Some(d) = dash_group(head, a_end) {
        d
    } else if tail.trim_start().starts_with(':') {
        a_end + tail.find(':').unwrap_or(0) + 1
    } else if ag.kind != AgencyKind::Generic && tail.split_whitespace().count() >= MIN_STORY_WORDS {
        a_end
    } else {
        return None;
    };
    let written = strip_invisible(h.get(k..k + len)?);
    Some(build(line, s0, stop, parts, Some((ag.kind, written))))
}

/// The first slash of `head` after `s0`, within `within` bytes, with a known place (and
/// perhaps its filing date) before it: the slash's offset and the place's parts.
fn known_place_before_slash(head: &str, s0: usize, within: usize) -> Option<(usize, Parts)> {
    let slash = s0 + head.get(s0..)?.find('/')?;
    if slash - s0 > within {
        return None;
    }
    let parts = place_parts(head.get(s0..slash)?)?;
    parts.3?;
    Some((slash, parts))
}

/// "PLACE/ OUTLET:": a known place, a slash, the outlet's name (a known agency's kind, else
/// an outlet) and a colon or a dash, as Iraqi papers open a story ("بغداد/ المدى: أعلنت …").
fn slashed_outlet(line: &str, head: &str, s0: usize) -> Option<DatelineMatch> {
    let (slash, parts) = known_place_before_slash(head, s0, 60)?;
    let inner_start = slash + 1;
    let rest = head.get(inner_start..)?;
    let close = inner_start + rest.find(|c: char| c == ':' || is_dash(c))?;
    let name = head.get(inner_start..close)?.trim_matches(is_space);
    let words = name.split_whitespace().count();
    if !(1..=MAX_OUTLET_WORDS).contains(&words)
        || name.contains(['.', '!', '?', '؟', '،', ',', '/', '(', '«'])
        || name.chars().any(|c| c.is_ascii_digit())
    {
        return None;
    }
    let end = dash_group(head, close).unwrap_or(close + ':'.len_utf8());
    let written = strip_invisible(name);
    let kind = agencies::lookup(name).map_or(AgencyKind::Outlet, |a| a.kind);
    Some(build(line, s0, end, parts, Some((kind, written))))
}

/// Most words of an outlet's name in quotes after the place ("«الشرق الأوسط»").
const MAX_OUTLET_WORDS: usize = 4;

/// "PLACE / AGENCY /": the agency between slashes after the place (and its filing date), the
/// story right after it.
fn slashed_agency(line: &str, head: &str, s0: usize) -> Option<DatelineMatch> {
    let (open, parts) = known_place_before_slash(head, s0, 120)?;
    let inner_start = open + 1;
    let close = inner_start + head.get(inner_start..)?.find('/')?;
    let (ag, written) = agency_at(head.get(inner_start..close)?.trim())?;
    let end = dash_group(head, close + 1).unwrap_or(close + 1);
    Some(build(line, s0, end, parts, Some((ag.kind, written))))
}

/// "PLACE: «OUTLET»" or "PLACE - «OUTLET»": the outlet that filed, its name in quotes (a
/// known agency's kind, else an outlet), after a known place.
fn quoted_outlet(line: &str, head: &str, s0: usize) -> Option<DatelineMatch> {
    let open = s0 + head.get(s0..)?.find('«')?;
    if open - s0 > 80 {
        return None;
    }
    let prefix = head.get(s0..open)?.trim_end_matches(is_space);
    let place = prefix
        .strip_suffix(':')
        .or_else(|| prefix.strip_suffix(is_dash))?;
    let parts = place_parts(place)?;
    parts.3?;
    let inner_start = open + '«'.len_utf8();
    let close = inner_start + head.get(inner_start..)?.find('»')?;
    let name = head.get(inner_start..close)?.trim();
    let words = name.split_whitespace().count();
    if !(1..=MAX_OUTLET_WORDS).contains(&words)
        || name.contains(['.', ':', '!', '?', '؟', '،', ','])
    {
        return None;
    }
    let end = close + '»'.len_utf8();
    // The colon or dash after the name is the dateline's ("دبي - «الخليج»: أعلنت …").
    let end = dash_group(head, end).unwrap_or_else(|| {
        let after = skip_space(head, end);
        if head.get(after..).is_some_and(|r| r.starts_with(':')) {
            after + 1
        } else {
            end
        }
    });
    let written = strip_invisible(name);
    let kind = agencies::lookup(name).map_or(AgencyKind::Outlet, |a| a.kind);
    Some(build(line, s0, end, parts, Some((kind, written))))
}

/// "PLACE (AGENCY) -", "(CNN)--" and their broken forms.
fn bracketed_agency(line: &str, head: &str, s0: usize) -> Option<DatelineMatch> {
    if let Some(open) = head.get(s0..).and_then(|h| h.find('(')).map(|k| s0 + k)
        && open - s0 <= 160
        && let Some(prefix) = head.get(s0..open)
        && let Some(parts) = place_parts(prefix)
    {
        let inner_start = open + 1;
        let rest = head.get(inner_start..)?;
        // the agency text ends at ')' or, in broken forms, at '(' or a dash
        let close_rel = rest.find([')', '(', '-', '–', '—']).unwrap_or(rest.len());
        let inner = rest.get(..close_rel)?;
        let found = agency_at(inner).or_else(|| {
            // "(CNN Business)": the first word
            let first = inner.split_whitespace().next()?;
            agency_at(first)
        });
        if let Some((ag, written)) = found {
            let mut end = inner_start + close_rel;
            if head.get(end..).is_some_and(|r| r.starts_with([')', '('])) {
                end += 1;
            }
            // (Spanish wires close the bracket with a full stop: "Madrid (EFE).- …".)
            let dash_end = dash_group(head, end).or_else(|| {
                head.get(end..)
                    .is_some_and(|r| r.starts_with('.'))
                    .then(|| dash_group(head, end + 1))
                    .flatten()
            });
            let prefix_has_dash = prefix.trim_end_matches(is_space).ends_with(is_dash);
            let whole = head.get(end..).is_some_and(|r| r.trim().is_empty());
            if dash_end.is_some() || whole || prefix_has_dash {
                // "دبي - (رويترز): …"
                let end =
                    dash_end.unwrap_or(if head.get(end..).is_some_and(|r| r.starts_with(':')) {
                        end + 1
                    } else {
                        end
                    });
                let written = if written.contains(' ') && agencies::lookup(&written).is_none() {
                    written.split_whitespace().next().unwrap_or("").to_string()
                } else {
                    written
                };
                return Some(build(line, s0, end, parts, Some((ag.kind, written))));
            }
        }
    }
    None
}

/// "PLACE - AGENCY" (whole line, or followed by another dash), "PLACE - reporter", "PLACE-
/// story".
fn placed_agency(line: &str, head: &str, s0: usize) -> Option<DatelineMatch> {
    let h = head.get(s0..)?;
    let dash_at = h
        .char_indices()
        .find(|(_, c)| is_dash(*c))
        .map(|(k, _)| s0 + k)?;
    if dash_at - s0 > 120 {
        return None;
    }
    let prefix = head.get(s0..dash_at)?;
    let parts = place_parts(prefix)?;
    if parts.0.is_empty() {
        return None;
    }
    let after_dash = dash_group(head, dash_at)?;
    let a0 = skip_space(head, after_dash);
    let rest = head.get(a0..)?;
    let Some((ag, mut len)) = leading_agency(rest) else {
        // "إسلام آباد - عبد الرحمن رزق": a whole-line dateline with a reporter, no agency
        let whole_rest = line.get(a0..)?.trim();
        let words = whole_rest.split_whitespace().count();
        if parts.2.is_some() && (1..=4).contains(&words) && !whole_rest.contains(['.', ':', '"']) {
            let end = a0 + line.get(a0..)?.trim_end().len();
            return Some(build(line, s0, end, parts, None));
        }
        // "جنيف- حذرت الأمم المتحدة …": a known place and a dash open the story itself. The
        // story runs on for several words, and does not open on another place ("لبنان -
        // إسرائيل: …" pairs two sides, it files nothing).
        if parts.3.is_some() && words >= MIN_STORY_WORDS && !opens_on_place(whole_rest) {
            return Some(build(line, s0, after_dash, parts, None));
        }
        return None;
    };
    // "العربية.نت، رويترز": further agencies after a comma or و
    loop {
        let r = rest.get(len..).unwrap_or("");
        let t = r.trim_start_matches(|c: char| is_space(c) || c == '،' || c == ',');
        let t2 = t.strip_prefix('و').unwrap_or(t);
        if t.len() == r.len() && t2.len() == t.len() {
            break;
        }
        match leading_agency(t2) {
            Some((_, l2)) if l2 > 0 => len = rest.len() - t2.len() + l2,
            _ => break,
        }
    }
    let a_end = a0 + len;
    let tail = head.get(a_end..).unwrap_or("");
    let whole = line.get(a_end..).is_some_and(|r| r.trim().is_empty());
    let end = if whole {
        a_end
    } else if let Some(d) = dash_group(head, a_end) {
        d
    } else if tail.trim_start().starts_with(':') {
        a_end + tail.find(':').unwrap_or(0) + 1
    } else if ag.kind == AgencyKind::Wire
        && parts.3.is_some()
        && tail.split_whitespace().count() >= MIN_STORY_WORDS
    {
        // "دمشق-سانا أكد الرئيس …": a wire's name, then the story in the same paragraph.
        a_end
    } else {
        return None;
    };
    // a place must be known unless the whole line is the dateline
    if parts.2.is_none() && !whole {
        return None;
    }
    let written = strip_invisible(rest.get(..len).unwrap_or(""));
    Some(build(line, s0, end, parts, Some((ag.kind, written))))
}

type Parts = (String, Option<String>, Option<String>, Option<&'static str>);

fn build(
    line: &str,
    start: usize,
    end: usize,
    parts: Parts,
    ag: Option<(AgencyKind, String)>,
) -> DatelineMatch {
    let (place, country, zone, _) = parts;
    let text = line.get(start..end).unwrap_or("").to_string();
    let consumed = skip_space(line, end);
    let (agency, agency_kind) = match ag {
        Some((kind, w)) => (Some(w), Some(kind)),
        None => (None, None),
    };
    DatelineMatch {
        dateline: Dateline {
            text,
            span: Span::new(start, end),
            place: (!place.is_empty()).then_some(place),
            country,
            zone,
            agency,
            agency_kind,
        },
        consumed,
    }
}

/// Reads a dateline at the start of a line; the span is relative to the line.
///
/// ```
/// use marsad_arabic::dateline::parse_dateline;
/// use marsad_model::AgencyKind;
/// let d = parse_dateline("إسطنبول - وكالات").unwrap();
/// assert_eq!(d.place.as_deref(), Some("إسطنبول"));
/// assert_eq!(d.country.as_deref(), Some("TR"));
/// assert_eq!(d.zone.as_deref(), Some("Europe/Istanbul"));
/// assert_eq!(d.agency.as_deref(), Some("وكالات"));
/// assert_eq!(d.agency_kind, Some(AgencyKind::Generic));
/// assert!(parse_dateline("قال الرئيس إن الوضع هادئ").is_none());
/// ```
pub fn parse_dateline(line: &str) -> Option<Dateline> {
    find_dateline(line).map(|m| m.dateline)
}

/// A credit in brackets at the end of a caption.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Credit {
    /// The credit inside the brackets (byte offsets into the text).
    pub span: Span,
    /// The agency as written ("رويترز").
    pub agency: String,
    /// The agency's standard name ("رويترز", "وكالة فرانس برس").
    pub name: &'static str,
    /// Wire / outlet / generic.
    pub kind: AgencyKind,
}

/// Finds a trailing "(رويترز)"-style credit at the end of a caption or paragraph.
///
/// ```
/// use marsad_arabic::dateline::find_credit;
/// let t = "لافروف خلال لقائه بشار الأسد في دمشق - 7 أيلول 2020 (رويترز)";
/// let c = find_credit(t).unwrap();
/// assert_eq!(c.agency, "رويترز");
/// assert_eq!(&t[c.span.start..c.span.end], "رويترز");
/// assert!(find_credit("قال (إنه) كذلك").is_none());
/// // Picture agencies credit pictures too.
/// assert_eq!(find_credit("متظاهرون في العاصمة (غيتي)").unwrap().name, "غيتي إيميجز");
/// ```
pub fn find_credit(text: &str) -> Option<Credit> {
    let t = text.trim_end_matches(|c: char| is_space(c) || c == '.');
    let close = t.len().checked_sub(1)?;
    if !t.ends_with(')') {
        return None;
    }
    let open = t.get(..close)?.rfind('(')?;
    let inner = t.get(open + 1..close)?;
    if inner.len() > 120 {
        return None;
    }
    let lead = inner.len() - inner.trim_start().len();
    let trimmed = inner.trim();
    // "رويترز" or "أ ف ب" or "Getty / رويترز": take the last part after a slash too
    let (ag, off, written) = match agencies::lookup(trimmed) {
        Some(a) => (a, lead, trimmed),
        None => {
            let (_, last) = trimmed.rsplit_once(['/', '|'])?;
            let last_t = last.trim();
            let a = agencies::lookup(last_t)?;
            let off = lead + trimmed.len() - last.len() + (last.len() - last.trim_start().len());
            (a, off, last_t)
        }
    };
    let start = open + 1 + off;
    Some(Credit {
        span: Span::new(start, start + written.len()),
        agency: written.to_string(),
        name: ag.name,
        kind: ag.kind,
    })
}

/// Folded comparison helper for callers matching dateline places.
///
/// ```
/// use marsad_arabic::dateline::same_place;
/// assert!(same_place("اتلانتا", "أتلانتا"));
/// ```
pub fn same_place(a: &str, b: &str) -> bool {
    fold(a) == fold(b)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dateline_forms() {
        let d = parse_dateline("القاهرة - (رويترز) - قال").unwrap();
        assert_eq!(d.place.as_deref(), Some("القاهرة"));
        assert_eq!(d.agency.as_deref(), Some("رويترز"));
        assert_eq!(d.text, "القاهرة - (رويترز) -");
        let d = parse_dateline("بيروت - أ ف ب").unwrap();
        assert_eq!(d.agency.as_deref(), Some("أ ف ب"));
        assert_eq!(d.agency_kind, Some(AgencyKind::Wire));
        let d = parse_dateline("لندن - رويترز").unwrap();
        assert_eq!(d.zone.as_deref(), Some("Europe/London"));
        let d = parse_dateline("(CNN)-- قال").unwrap();
        assert_eq!(d.place, None);
        assert_eq!(d.text, "(CNN)--");
        let d = parse_dateline("أتلانتا، الولايات المتحدة الأمريكية (CNN) – أعلن").unwrap();
        assert_eq!(d.place.as_deref(), Some("أتلانتا"));
        assert_eq!(d.country.as_deref(), Some("US"));
        let d = parse_dateline("موسكو - د ب أ").unwrap();
        assert_eq!(d.agency.as_deref(), Some("د ب أ"));
        let d = parse_dateline("(CNN-- أعلن").unwrap();
        assert_eq!(d.agency.as_deref(), Some("CNN"));
    }

    /// Text, place, agency and where the story starts, for a dateline opening `line`.
    fn parts_of(line: &str) -> (String, String, String, &str) {
        let m = find_dateline(line).unwrap_or_else(|| panic!("no dateline in {line}"));
        let d = m.dateline;
        (
            d.text,
            d.place.unwrap_or_default(),
            d.agency.unwrap_or_default(),
            &line[m.consumed..],
        )
    }

    #[test]
    fn national_wires_file_from_the_place_and_a_date() {
        // WAM, QNA and BNA: the date after the place, the agency between slashes.
        let (text, place, agency, story) = parts_of("أبوظبي في 14 مارس / وام / أعلنت وزارة الصحة");
        assert_eq!(
            (text.as_str(), place.as_str(), agency.as_str()),
            ("أبوظبي في 14 مارس / وام /", "أبوظبي", "وام")
        );
        assert!(story.starts_with("أعلنت"));
        let (_, place, agency, _) = parts_of("الدوحة في 14 مارس /قنا/ أعلنت وزارة الخارجية");
        assert_eq!((place.as_str(), agency.as_str()), ("الدوحة", "قنا"));
        // Petra and KUNA: the date before the bracketed agency.
        let (_, place, agency, _) = parts_of("عمان 14 آذار (بترا) - أعلنت الحكومة الأردنية");
        assert_eq!((place.as_str(), agency.as_str()), ("عمان", "بترا"));
        let (text, place, _, story) = parts_of("الكويت - 14 - 3 (كونا) -- أعلنت وزارة النفط");
        assert_eq!(
            (text.as_str(), place.as_str()),
            ("الكويت - 14 - 3 (كونا) --", "الكويت")
        );
        assert!(story.starts_with("أعلنت"));
        let (_, place, _, _) = parts_of("الخرطوم 5/3 (رويترز) - قال الجيش");
        assert_eq!(place, "الخرطوم");
        // The date alone is no place.
        assert!(find_dateline("في 14 مارس / وام / أعلنت وزارة الصحة").is_none());
    }

    #[test]
    fn arab_outlets_after_the_place_filed_the_story() {
        for (line, outlet) in [
            ("لندن- عربي21", "عربي21"),
            ("بيروت - الميادين نت", "الميادين نت"),
            ("عمان - الغد", "الغد"),
            ("القاهرة - بوابة الأهرام", "بوابة الأهرام"),
        ] {
            let d = parse_dateline(line).unwrap();
            assert_eq!(d.agency.as_deref(), Some(outlet), "{line}");
            assert_eq!(d.agency_kind, Some(AgencyKind::Outlet), "{line}");
        }
        // A reporter is still no outlet.
        assert_eq!(
            parse_dateline("القاهرة - أحمد الريدي").unwrap().agency,
            None
        );
    }

    #[test]
    fn an_outlet_in_quotes_after_the_place_filed_the_story() {
        let line = "لندن: «الشرق الأوسط» أعلنت الحكومة البريطانية اليوم خطة جديدة";
        let m = find_dateline(line).unwrap();
        assert_eq!(m.dateline.text, "لندن: «الشرق الأوسط»");
        assert_eq!(m.dateline.place.as_deref(), Some("لندن"));
        assert_eq!(m.dateline.agency.as_deref(), Some("الشرق الأوسط"));
        assert_eq!(m.dateline.agency_kind, Some(AgencyKind::Outlet));
        assert!(line[m.consumed..].starts_with("أعلنت"));
        let (_, place, agency, _) = parts_of("بيروت - «النهار» أعلن رئيس الحكومة اليوم عن خطة");
        assert_eq!((place.as_str(), agency.as_str()), ("بيروت", "النهار"));
        // A quotation after the place is no outlet.
        assert!(find_dateline("القاهرة: «الوضع صعب جدا في البلاد الآن» قال الوزير").is_none());
        // The colon after the name is the dateline's.
        let line = "دبي - «الخليج»: أعلنت هيئة الطرق والمواصلات اليوم عن خطة جديدة";
        let m = find_dateline(line).unwrap();
        assert_eq!(m.dateline.text, "دبي - «الخليج»:");
        assert!(line[m.consumed..].starts_with("أعلنت"));
    }

    #[test]
    fn a_latin_datelines_country_chooses_among_places_of_one_name() {
        let country = |line: &str| find_dateline(line).and_then(|m| m.dateline.country);
        assert_eq!(
            country("TRIPOLI, Lebanon (AP) — Israeli strikes hit the city").as_deref(),
            Some("LB")
        );
        assert_eq!(
            country("TRIPOLI, Libya (AP) — Militias clashed overnight").as_deref(),
            Some("LY")
        );
    }

    #[test]
    fn a_wires_name_then_the_story_is_a_dateline() {
        let (text, _, agency, story) =
            parts_of("دمشق-سانا أكد الرئيس في كلمة له اليوم أن المرحلة المقبلة تتطلب العمل");
        assert_eq!((text.as_str(), agency.as_str()), ("دمشق-سانا", "سانا"));
        assert!(story.starts_with("أكد"));
        // A generic credit, or a story too short, still needs its own mark.
        assert!(find_dateline("بيروت - وكالات قالت مصادر مطلعة اليوم إن الحكومة").is_none());
        assert!(find_dateline("دمشق-سانا أكد الرئيس").is_none());
    }

    #[test]
    fn a_place_its_filing_date_and_a_wire_are_a_dateline() {
        let (text, place, agency, story) = parts_of(
            "الرياض 05 جمادى الأولى 1446 هـ الموافق 07 نوفمبر 2024 م واس أعلنت وزارة الصحة اليوم عن حملة جديدة",
        );
        assert_eq!(
            text,
            "الرياض 05 جمادى الأولى 1446 هـ الموافق 07 نوفمبر 2024 م واس"
        );
        assert_eq!((place.as_str(), agency.as_str()), ("الرياض", "واس"));
        assert!(story.starts_with("أعلنت"));
        // As a line of its own.
        let d = parse_dateline("جدة 10 ربيع الأول 1446 هـ الموافق 13 سبتمبر 2024 م واس").unwrap();
        assert_eq!(d.agency.as_deref(), Some("واس"));
        // A date opening a sentence after a place names no agency.
        assert!(find_dateline("الرياض 5 نوفمبر 2024 شهدت العاصمة أمطارا غزيرة").is_none());
    }

    #[test]
    fn an_outlet_after_the_place_and_a_slash_filed_the_story() {
        let line = "بغداد/ المدى: أعلنت وزارة الكهرباء اليوم عن زيادة ساعات التجهيز";
        let (text, place, agency, story) = parts_of(line);
        assert_eq!(
            (text.as_str(), place.as_str(), agency.as_str()),
            ("بغداد/ المدى:", "بغداد", "المدى")
        );
        assert_eq!(
            find_dateline(line).unwrap().dateline.agency_kind,
            Some(AgencyKind::Outlet)
        );
        assert!(story.starts_with("أعلنت"));
        let (text, ..) = parts_of("بغداد / المدى - أعلنت وزارة الكهرباء اليوم زيادة التجهيز");
        assert_eq!(text, "بغداد / المدى -");
        // A month's two names, or a date after the slash, are no outlet.
        assert!(find_dateline("في أكتوبر/ تشرين الأول: حدث ما لم يكن في الحسبان أبدا").is_none());
        assert!(find_dateline("بغداد/ 12 آذار: قال المتحدث باسم الوزارة اليوم").is_none());
    }

    #[test]
    fn a_place_and_a_dash_opening_the_story_are_a_dateline() {
        let line = "جنيف- حذرت الأمم المتحدة اليوم الجمعة من تفاقم أزمة المياه";
        let m = find_dateline(line).unwrap();
        assert_eq!(m.dateline.text, "جنيف-");
        assert_eq!(m.dateline.place.as_deref(), Some("جنيف"));
        assert_eq!(m.dateline.zone.as_deref(), Some("Europe/Zurich"));
        assert_eq!(m.dateline.agency, None);
        assert!(line[m.consumed..].starts_with("حذرت"));
        let m = find_dateline("غزة – قال شهود عيان إن القصف استمر طوال الليل").unwrap();
        assert_eq!(m.dateline.text, "غزة –");
        // A reporter after the dash, on a line of its own, stays the whole dateline.
        let d = parse_dateline("القاهرة - أحمد الريدي").unwrap();
        assert_eq!(d.text, "القاهرة - أحمد الريدي");
        // Two sides, a place the lexicon does not know, or a story too short: no dateline.
        assert!(find_dateline("لبنان - إسرائيل: جولة جديدة من المفاوضات حول الحدود").is_none());
        assert!(find_dateline("الملف - حذرت الأمم المتحدة اليوم الجمعة من تفاقم الأزمة").is_none());
    }

    #[test]
    fn seed_dateline_and_credit() {
        let d = parse_dateline("إسطنبول - وكالات").unwrap();
        assert_eq!(d.span, Span::new(0, "إسطنبول - وكالات".len()));
        let c = find_credit("في دمشق - 7 أيلول 2020 (رويترز)").unwrap();
        assert_eq!(c.kind, AgencyKind::Wire);
    }
}
