//! Arabic place names → IANA time zone and ISO country; their English names too (the TSV's
//! `name_en`, the city of each CLDR zone id), for Latin datelines.
//!
//! Sources: our own `data/places_ar.tsv` (151 spellings of Arab capitals, big and
//! news-relevant cities and foreign capitals common in datelines, with variants) and the CLDR
//! Arabic exemplar cities and country names (`src/generated/cldr_zones.rs`, Unicode License v3).
//! Names are folded (alef forms, ى/ي, ة/ه, harakat, tatweel, bidi marks) before matching.
//!
//! Ambiguous names (documented in the TSV): `طرابلس` is Tripoli, Libya by default (the capital,
//! and CLDR's Africa/Tripoli) — [`lookup_with_hint`] picks Lebanon when the hint names Lebanon
//! (لبنان, LB, Asia/Beirut) or a Lebanese place; `عمان` is Amman (Jordan) by default and Oman
//! when written `سلطنة عمان` or with an Omani hint; `رفح` is Gaza's Rafah unless the hint says
//! Egypt; `البيضاء` is Libya's Bayda unless the hint says Yemen. A country name resolves to
//! its capital's zone.

use std::collections::HashMap;
use std::sync::LazyLock;

use crate::dates::fold;

include!("generated/cldr_zones.rs");

const PLACES_TSV: &str = include_str!("../data/places_ar.tsv");

/// A place with its zone and country.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Place {
    /// The standard Arabic name (first column of `places_ar.tsv`, or CLDR's exemplar city).
    pub name: &'static str,
    /// English name, when known.
    pub name_en: &'static str,
    /// IANA zone.
    pub zone: &'static str,
    /// ISO 3166-1 alpha-2 country.
    pub country: &'static str,
    /// `capital`, `city`, `region` or `country`.
    pub kind: &'static str,
}

struct Index {
    /// folded name → candidate places, preferred first.
    names: HashMap<String, Vec<Place>>,
    /// The same for English names, read only where a Latin dateline names its place: as
    /// words of running text, "Sofia" or "Victoria" are more often people.
    names_en: HashMap<String, Vec<Place>>,
}

static INDEX: LazyLock<Index> = LazyLock::new(build);

fn push(idx: &mut Index, key: &str, p: Place) {
    push_to(&mut idx.names, key, p);
}

fn push_to(names: &mut HashMap<String, Vec<Place>>, key: &str, p: Place) {
    let k = fold(key);
    if k.is_empty() {
        return;
    }
    let v = names.entry(k).or_default();
    if !v.iter().any(|q| q.zone == p.zone && q.country == p.country) {
        v.push(p);
    }
}

fn build() -> Index {
    let mut idx = Index {
        names: HashMap::new(),
        names_en: HashMap::new(),
    };
    let mut capitals: HashMap<&'static str, (&'static str, &'static str)> = HashMap::new();
    let mut rows: Vec<(Place, Vec<&'static str>)> = Vec::new();
    for line in PLACES_TSV.lines().skip(1) {
        let c: Vec<&'static str> = line.split('\t').collect();
        let (Some(&name), Some(&vars), Some(&en), Some(&zone), Some(&country), Some(&kind)) =
            (c.first(), c.get(1), c.get(2), c.get(3), c.get(4), c.get(5))
        else {
            continue;
        };
        if kind == "capital" {
            capitals.entry(country).or_insert((zone, name));
        }
        let mut keys = vec![name];
        keys.extend(vars.split('|').filter(|v| !v.trim().is_empty()));
        rows.push((
            Place {
                name,
                name_en: en,
                zone,
                country,
                kind,
            },
            keys,
        ));
    }
    // Capitals and rows whose primary name is unambiguous first, so that the preferred reading
    // of an ambiguous name (طرابلس → Libya) comes first.
    rows.sort_by_key(|(p, _)| if p.kind == "capital" { 0 } else { 1 });
    for (p, keys) in &rows {
        // The English name too: Latin datelines ("LONDON (Reuters) -") name places so.
        if !p.name_en.trim().is_empty() {
            push_to(&mut idx.names_en, p.name_en, p.clone());
            // "Tripoli (Lebanon)" is also "Tripoli", told apart by its country.
            if let Some((bare, _)) = p.name_en.split_once(" (") {
                push_to(&mut idx.names_en, bare, p.clone());
            }
        }
        for k in keys {
            push(&mut idx, k, p.clone());
        }
    }
    for &(city, zone, terr, _) in CLDR_ZONE_CITIES {
        let p = Place {
            name: city,
            name_en: "",
            zone,
            country: terr,
            kind: "city",
        };
        // The zone's own city, in English ("America/New_York" → "New York").
        if let Some(en) = zone.rsplit('/').next() {
            push_to(&mut idx.names_en, &en.replace('_', " "), p.clone());
        }
        push(&mut idx, city, p);
    }
    // countries → the capital's zone (from our TSV), else the country's only CLDR zone
    let mut zones_of: HashMap<&'static str, Vec<&'static str>> = HashMap::new();
    for &(_, zone, terr, _) in CLDR_ZONE_CITIES {
        zones_of.entry(terr).or_default().push(zone);
    }
    for &(_, _, terr, country_ar) in CLDR_ZONE_CITIES {
        let zone = match capitals.get(terr) {
            Some((z, _)) => *z,
            None => match zones_of.get(terr).map(Vec::as_slice) {
                Some([z]) => z,
                _ => continue,
            },
        };
        push(
            &mut idx,
            country_ar,
            Place {
                name: country_ar,
                name_en: "",
                zone,
                country: terr,
                kind: "country",
            },
        );
    }
    idx
}

/// Strips surrounding punctuation and a leading "مدينة"-style noun is NOT stripped (names
/// are matched as given).
fn clean(name: &str) -> &str {
    name.trim_matches(|c: char| {
        c.is_whitespace() || c.is_ascii_punctuation() || "،؛«»“”".contains(c)
    })
}

/// Looks a place name up (preferred reading for ambiguous names; see the module docs).
///
/// ```
/// use marsad_arabic::places::lookup;
/// let p = lookup("دمشق").unwrap();
/// assert_eq!((p.zone, p.country), ("Asia/Damascus", "SY"));
/// assert_eq!(lookup("إسطنبول").unwrap().zone, "Europe/Istanbul");
/// assert_eq!(lookup("طرابلس").unwrap().country, "LY");
/// assert!(lookup("كلمة").is_none());
/// ```
pub fn lookup(name: &str) -> Option<Place> {
    INDEX.names.get(&fold(clean(name)))?.first().cloned()
}

/// Looks up a place by its English name, as a Latin dateline writes it ("LONDON", "New
/// York"): the TSV's English names, then the city of each CLDR zone id.
///
/// ```
/// use marsad_arabic::places::{lookup, lookup_en};
/// assert_eq!(lookup_en("LONDON").unwrap().zone, "Europe/London");
/// assert_eq!(lookup_en("New York").unwrap().country, "US");
/// assert_eq!(lookup_en("Madrid").unwrap().country, "ES");
/// assert!(lookup("Sofia").is_none()); // English names stay out of the Arabic lookup
/// ```
pub fn lookup_en(name: &str) -> Option<Place> {
    INDEX.names_en.get(&fold(clean(name)))?.first().cloned()
}

/// Looks an English place name up (as [`lookup_en`]), choosing among ambiguous readings by
/// the country a Latin dateline names after it: its English name or ISO code.
///
/// ```
/// use marsad_arabic::places::lookup_en_with_hint;
/// assert_eq!(lookup_en_with_hint("TRIPOLI", "Lebanon").unwrap().zone, "Asia/Beirut");
/// assert_eq!(lookup_en_with_hint("TRIPOLI", "Libya").unwrap().zone, "Africa/Tripoli");
/// assert_eq!(lookup_en_with_hint("TRIPOLI", "").unwrap().zone, "Africa/Tripoli");
/// ```
pub fn lookup_en_with_hint(name: &str, hint: &str) -> Option<Place> {
    let all = INDEX.names_en.get(&fold(clean(name)))?;
    let h = fold(clean(hint));
    if !h.is_empty()
        && let Some(p) = all.iter().find(|p| {
            p.country.eq_ignore_ascii_case(hint.trim())
                || p.name_en
                    .split_once(" (")
                    .is_some_and(|(_, c)| fold(c.trim_end_matches(')')) == h)
        })
    {
        return Some(p.clone());
    }
    all.first().cloned()
}

/// Every reading of a place name, preferred first.
///
/// ```
/// use marsad_arabic::places::lookup_all;
/// let all = lookup_all("طرابلس");
/// assert!(all.iter().any(|p| p.country == "LB") && all.iter().any(|p| p.country == "LY"));
/// ```
pub fn lookup_all(name: &str) -> Vec<Place> {
    INDEX
        .names
        .get(&fold(clean(name)))
        .cloned()
        .unwrap_or_default()
}

/// Looks a place up, choosing among ambiguous readings with a hint: an ISO country code
/// ("LB"), an IANA zone ("Asia/Beirut"), or Arabic context text naming the country or another
/// place ("طرابلس، لبنان", "سلطنة عمان").
///
/// ```
/// use marsad_arabic::places::lookup_with_hint;
/// assert_eq!(lookup_with_hint("طرابلس", "لبنان").unwrap().zone, "Asia/Beirut");
/// assert_eq!(lookup_with_hint("طرابلس", "LY").unwrap().zone, "Africa/Tripoli");
/// assert_eq!(lookup_with_hint("عمان", "سلطنة عمان").unwrap().country, "OM");
/// ```
pub fn lookup_with_hint(name: &str, hint: &str) -> Option<Place> {
    let all = lookup_all(name);
    if all.len() <= 1 {
        return all.into_iter().next();
    }
    let h = hint.trim();
    let mut countries: Vec<&str> = Vec::new();
    if h.len() == 2 && h.bytes().all(|b| b.is_ascii_uppercase()) {
        countries.push(h);
    }
    let zone_country: Option<&str> = all.iter().find(|p| p.zone == h).map(|p| p.country);
    countries.extend(zone_country);
    let mut found: Vec<&'static str> = Vec::new();
    if countries.is_empty() {
        let words: Vec<&str> = h
            .split(|c: char| c.is_whitespace() || "،,()-".contains(c))
            .filter(|w| !w.is_empty())
            .collect();
        for n in (1..=3).rev() {
            for win in words.windows(n) {
                let joined = win.join(" ");
                if fold(&joined) == fold(clean(name)) {
                    continue;
                }
                if let Some(p) = lookup(&joined) {
                    found.push(p.country);
                }
            }
        }
        if fold(h).contains("سلطنه") {
            found.push("OM");
        }
    }
    countries.extend(found.iter().copied());
    for c in countries {
        if let Some(p) = all.iter().find(|p| p.country == c) {
            return Some(p.clone());
        }
    }
    all.into_iter().next()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn places_resolve() {
        assert_eq!(lookup("عمّان").unwrap().country, "JO");
        assert_eq!(lookup("اتلانتا").unwrap().zone, "America/New_York");
        assert_eq!(lookup("الإمارات العربية المتحدة").unwrap().country, "AE");
        assert_eq!(lookup("الولايات المتحدة").unwrap().zone, "America/New_York");
        assert_eq!(lookup(" بيروت ").unwrap().zone, "Asia/Beirut");
    }
}
