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
