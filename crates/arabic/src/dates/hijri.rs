//! Hijri (Islamic) calendar → Gregorian.
//!
//! Two variants, as the gold conventions of Marsad use them:
//! - [`HijriVariant::TabularCivil`]: the arithmetical (tabular) Islamic calendar with the civil
//!   epoch (1 Muharram 1 AH = Friday 16 July 622 Julian, JDN 1 948 440) and the usual 30-year
//!   leap cycle (2, 5, 7, 10, 13, 16, 18, 21, 24, 26, 29) — the same as Python
//!   `convertdate.islamic`. Defined for every year ≥ 1.
//! - [`HijriVariant::UmmAlQura`]: the official Saudi Umm al-Qura calendar, from its published
//!   month table (1343–1500 AH, 1924–2077 CE; generated from hijridate, MIT). Outside that range
//!   it falls back to the tabular calendar.
//!
//! Real month starts fixed by moon sighting may differ from both by a day or two.

use serde::{Deserialize, Serialize};

include!("../generated/umm_al_qura.rs");

/// Which Hijri calendar a conversion used.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, Default)]
#[serde(rename_all = "snake_case")]
pub enum HijriVariant {
    /// Arithmetical calendar, civil epoch (Python `convertdate.islamic`).
    #[default]
    TabularCivil,
    /// Saudi Umm al-Qura table (Python `hijridate`); tabular outside 1343–1500 AH.
    UmmAlQura,
}

impl HijriVariant {
    /// The snake_case name used in JSON (`tabular_civil`, `umm_al_qura`).
    ///
    /// ```
    /// use marsad_arabic::dates::{find_dates, DateContext};
    /// let m = find_dates("يوم الخميس 28 شوال 1439هـ", &DateContext::default());
    /// // the default variant, unless `DateOptions` asks for Umm al-Qura
    /// assert_eq!(m[0].hijri_variant.map(|v| v.as_str()), Some("tabular_civil"));
    /// ```
    pub fn as_str(self) -> &'static str {
        match self {
            HijriVariant::TabularCivil => "tabular_civil",
            HijriVariant::UmmAlQura => "umm_al_qura",
        }
    }
}

/// Largest Hijri year accepted (keeps arithmetic and jiff's year range safe).
pub const MAX_HIJRI_YEAR: i32 = 9_000;

const CIVIL_EPOCH_JDN: i64 = 1_948_440;
const UNIX_EPOCH_JDN: i64 = 2_440_588;

/// Days since 1970-01-01 → (year, month, day), proleptic Gregorian (H. Hinnant's algorithm).
pub(crate) fn civil_from_days(z: i64) -> (i64, u8, u8) {
    let z = z + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z.rem_euclid(146_097);
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let y = yoe + era * 400;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = (doy - (153 * mp + 2) / 5 + 1) as u8;
    let m = if mp < 10 { mp + 3 } else { mp - 9 } as u8;
    (if m <= 2 { y + 1 } else { y }, m, d)
}

/// (year, month, day) → days since 1970-01-01, proleptic Gregorian.
pub(crate) fn days_from_civil(y: i64, m: u8, d: u8) -> i64 {
    let y = if m <= 2 { y - 1 } else { y };
    let era = y.div_euclid(400);
    let yoe = y.rem_euclid(400);
    let m = m as i64;
    let doy = (153 * (if m > 2 { m - 3 } else { m + 9 }) + 2) / 5 + d as i64 - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    era * 146_097 + doe - 719_468
}

fn tabular_month_start_jdn(y: i32, m: u8) -> i64 {
    let y = y as i64;
    let m = m as i64;
    (59 * (m - 1) + 1) / 2 + 354 * (y - 1) + (3 + 11 * y).div_euclid(30) + CIVIL_EPOCH_JDN
}

fn tabular_month_len(y: i32, m: u8) -> i64 {
    let (ny, nm) = if m == 12 { (y + 1, 1) } else { (y, m + 1) };
    tabular_month_start_jdn(ny, nm) - tabular_month_start_jdn(y, m)
}

fn uq_index(y: i32, m: u8) -> Option<usize> {
    let i = (y - UMM_AL_QURA_FIRST_YEAR) * 12 + m as i32 - 1;
    usize::try_from(i).ok()
}

/// JDN of the first day of a Hijri month and the month's length in days.
fn month_start_len(y: i32, m: u8, variant: HijriVariant) -> Option<(i64, i64)> {
    if !(1..=MAX_HIJRI_YEAR).contains(&y) || !(1..=12).contains(&m) {
        return None;
    }
    if variant == HijriVariant::UmmAlQura
        && let Some(i) = uq_index(y, m)
        && let (Some(&a), Some(&b)) = (
            UMM_AL_QURA_MONTH_STARTS.get(i),
            UMM_AL_QURA_MONTH_STARTS.get(i + 1),
        )
    {
        return Some((a as i64 + 2_400_000, (b - a) as i64));
    }
    Some((tabular_month_start_jdn(y, m), tabular_month_len(y, m)))
}

/// A Gregorian (year, month, day).
pub type Ymd = (i32, u8, u8);

fn jdn_to_ymd(jdn: i64) -> Option<Ymd> {
    let (y, m, d) = civil_from_days(jdn - UNIX_EPOCH_JDN);
    Some((i32::try_from(y).ok()?, m, d))
}

/// Gregorian date of a Hijri day; `None` for impossible dates (day 30 of a 29-day month,
/// month 13, year 0 or beyond [`MAX_HIJRI_YEAR`]).
///
/// ```
/// use marsad_arabic::dates::{hijri_to_gregorian, HijriVariant};
/// // ٦ جمادى الآخرة ١٤٣٩هـ = 22 February 2018
/// assert_eq!(hijri_to_gregorian(1439, 6, 6, HijriVariant::TabularCivil), Some((2018, 2, 22)));
/// assert_eq!(hijri_to_gregorian(1439, 13, 1, HijriVariant::UmmAlQura), None);
/// ```
pub fn hijri_to_gregorian(y: i32, m: u8, d: u8, variant: HijriVariant) -> Option<Ymd> {
    let (start, len) = month_start_len(y, m, variant)?;
    if d == 0 || d as i64 > len {
        return None;
    }
    jdn_to_ymd(start + d as i64 - 1)
}

/// First and last Gregorian day of a Hijri month.
///
/// ```
/// use marsad_arabic::dates::{hijri_month_range, HijriVariant};
/// // رمضان ١٤٣٨ (Umm al-Qura): 27 May – 24 June 2017
/// assert_eq!(hijri_month_range(1438, 9, HijriVariant::UmmAlQura), Some(((2017, 5, 27), (2017, 6, 24))));
/// ```
pub fn hijri_month_range(y: i32, m: u8, variant: HijriVariant) -> Option<(Ymd, Ymd)> {
    let (start, len) = month_start_len(y, m, variant)?;
    Some((jdn_to_ymd(start)?, jdn_to_ymd(start + len - 1)?))
}

/// First and last Gregorian day of a Hijri year.
///
/// ```
/// use marsad_arabic::dates::{hijri_year_range, HijriVariant};
/// // عام ١٤٧٠ هـ (tabular): 21 October 2047 – 8 October 2048
/// assert_eq!(hijri_year_range(1470, HijriVariant::TabularCivil), Some(((2047, 10, 21), (2048, 10, 8))));
/// ```
pub fn hijri_year_range(y: i32, variant: HijriVariant) -> Option<(Ymd, Ymd)> {
    let (a, _) = hijri_month_range(y, 1, variant)?;
    let (_, b) = hijri_month_range(y, 12, variant)?;
    Some((a, b))
}

/// The Hijri year in which a Gregorian day falls (approximate near year boundaries is fine for
/// callers that then test neighbouring years).
pub(crate) fn approx_hijri_year(g: Ymd) -> i32 {
    let jdn = days_from_civil(g.0 as i64, g.1, g.2) + UNIX_EPOCH_JDN;
    ((jdn - CIVIL_EPOCH_JDN) * 30 / 10_631 + 1) as i32
}

/// Day number (days since 1970-01-01) of a Gregorian date.
pub(crate) fn day_number(g: Ymd) -> i64 {
    days_from_civil(g.0 as i64, g.1, g.2)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tabular_matches_known_dates() {
        assert_eq!(
            hijri_to_gregorian(1439, 9, 1, HijriVariant::TabularCivil),
            Some((2018, 5, 16))
        );
        assert_eq!(
            hijri_to_gregorian(1439, 10, 1, HijriVariant::TabularCivil),
            Some((2018, 6, 15))
        );
        assert_eq!(
            hijri_to_gregorian(1438, 9, 20, HijriVariant::TabularCivil),
            Some((2017, 6, 15))
        );
        assert_eq!(
            hijri_month_range(1438, 9, HijriVariant::TabularCivil),
            Some(((2017, 5, 27), (2017, 6, 25)))
        );
        assert_eq!(
            hijri_month_range(1416, 9, HijriVariant::TabularCivil),
            Some(((1996, 1, 22), (1996, 2, 20)))
        );
    }

    #[test]
    fn umm_al_qura_matches_table() {
        assert_eq!(
            hijri_to_gregorian(1439, 10, 28, HijriVariant::UmmAlQura),
            Some((2018, 7, 12))
        );
        assert_eq!(
            hijri_to_gregorian(1439, 10, 29, HijriVariant::UmmAlQura),
            Some((2018, 7, 13))
        );
        assert_eq!(
            hijri_to_gregorian(1470, 1, 1, HijriVariant::UmmAlQura),
            Some((2047, 10, 20))
        );
    }

    #[test]
    fn rejects_bad_dates() {
        assert_eq!(
            hijri_to_gregorian(0, 1, 1, HijriVariant::TabularCivil),
            None
        );
        assert_eq!(
            hijri_to_gregorian(99_999, 1, 1, HijriVariant::TabularCivil),
            None
        );
        assert_eq!(
            hijri_to_gregorian(1439, 9, 31, HijriVariant::TabularCivil),
            None
        );
        assert_eq!(
            hijri_to_gregorian(1439, 0, 1, HijriVariant::UmmAlQura),
            None
        );
    }

    #[test]
    fn civil_round_trip() {
        for z in [-800_000i64, -1, 0, 1, 17_000, 2_000_000] {
            let (y, m, d) = civil_from_days(z);
            assert_eq!(days_from_civil(y, m, d), z);
        }
    }
}
