//! Image captions, shared by the HTML and text extractors: the credit at their end
//! ("… (رويترز)") and the date they name ("7 أيلول 2020").

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

/// Fewest words of a caption before its bracketed photo credit ([`credited_caption`]).
pub const MIN_CREDITED_CAPTION_WORDS: usize = 3;

/// True when `line` is a picture's caption standing alone: a few words, then a photo credit
/// in brackets at its end, labelled as one ("… in 2004 (Picture credit: Getty)", "… (Image:
/// GETTY)", "… (AP Photo/Kiichiro Sato)"). A news text names its sources otherwise; such a
/// line is the caption of a picture the page no longer shows.
///
/// ```
/// # use marsad_extract::caption::credited_caption;
/// assert!(credited_caption("The plague wiped out half of Europe (Image: GETTY)"));
/// assert!(credited_caption("A total lunar eclipse over Chicago. (AP Photo/Kiichiro Sato)"));
/// assert!(credited_caption("الرئيس خلال لقائه الوفد في القصر (تصوير: أحمد علي)"));
/// assert!(!credited_caption("(Image credit: Blue Origin)"));
/// assert!(!credited_caption("The rocket rose at dawn (the photo shows it)."));
/// ```
pub fn credited_caption(line: &str) -> bool {
    let t = line.trim_end();
    let t = t.strip_suffix('.').unwrap_or(t).trim_end();
    let Some(inner) = t.strip_suffix(')') else {
        return false;
    };
    let Some(open) = inner.rfind('(') else {
        return false;
    };
    let (before, credit) = (&inner[..open], &inner[open + 1..]);
    if before.split_whitespace().count() < MIN_CREDITED_CAPTION_WORDS {
        return false;
    }
    if crate::html::is_credit_line(credit) {
        return true;
    }
    // An agency's "Photo/Name" ("AP Photo/Evan Vucci", "Reuters Photo/…").
    credit.split_once('/').is_some_and(|(label, who)| {
        let mut words = label.split_whitespace();
        let last = words.next_back();
        words.count() <= 1
            && last.is_some_and(|w| w.eq_ignore_ascii_case("photo"))
            && !who.trim().is_empty()
            && who.split_whitespace().count() <= crate::html::MAX_CREDIT_WORDS
    })
}
