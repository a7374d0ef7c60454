//! News agencies and outlets as written in Arabic news (`data/agencies.tsv`, our own data),
//! with the spellings that are also ordinary words (`data/agency_context.tsv`: معا "together",
//! بنا "with us", فارس, الألمانية …) counted only in brackets, quotes, after "وكالة" or in a
//! dateline.
//!
//! Kinds map to [`AgencyKind`]: `wire`, `national`, `semi-official`, `private` and `financial`
//! agencies, and `photo` agencies that credit pictures (غيتي، إيبا), are [`AgencyKind::Wire`]; `broadcaster` rows (CNN, BBC, العربية.نت …) are
//! [`AgencyKind::Outlet`]; "وكالات" is [`AgencyKind::Generic`].

use std::collections::HashMap;
use std::sync::LazyLock;

use marsad_model::{AgencyKind, Span};

use crate::dates::fold;

const AGENCIES_TSV: &str = include_str!("../data/agencies.tsv");
const CONTEXT_TSV: &str = include_str!("../data/agency_context.tsv");

/// An agency or outlet.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Agency {
    /// Standard Arabic name (first column of `agencies.tsv`).
    pub name: &'static str,
    /// English name ("Reuters", "Agence France-Presse").
    pub name_en: &'static str,
    /// ISO country of the agency ("" for the generic credit).
    pub country: &'static str,
    /// The TSV type: wire, national, semi-official, private, broadcaster, newspaper, website,
    /// financial, generic.
    pub kind_raw: &'static str,
    /// Wire / outlet / generic.
    pub kind: AgencyKind,
}

struct Index {
    /// folded spelling → (agency index, needs context)
    names: HashMap<String, (usize, bool)>,
    agencies: Vec<Agency>,
    /// longest spelling in words
    max_words: usize,
}

static INDEX: LazyLock<Index> = LazyLock::new(build);

fn kind_of(t: &str) -> AgencyKind {
    match t {
        "broadcaster" | "newspaper" | "website" => AgencyKind::Outlet,
        "generic" => AgencyKind::Generic,
        _ => AgencyKind::Wire,
    }
}

/// Folds an agency spelling: brackets, dots and dashes become spaces ("د.ب.أ" = "د ب أ").
fn key(s: &str) -> String {
    let t: String = s
        .chars()
        .map(|c| {
            if "().-_«»\"'“”[]".contains(c) {
                ' '
            } else {
                c
            }
        })
        .collect();
    fold(&t)
}

fn build() -> Index {
    let ctx: Vec<String> = CONTEXT_TSV
        .lines()
        .filter(|l| !l.starts_with('#') && !l.starts_with("variant\t"))
        .filter_map(|l| l.split('\t').next())
        .map(key)
        .collect();
    let mut idx = Index {
        names: HashMap::new(),
        agencies: Vec::new(),
        max_words: 1,
    };
    for line in AGENCIES_TSV.lines().skip(1) {
        let c: Vec<&'static str> = line.split('\t').collect();
        let (Some(&name), Some(&vars), Some(&en), Some(&country), Some(&t)) =
            (c.first(), c.get(1), c.get(2), c.get(3), c.get(4))
        else {
            continue;
        };
        let i = idx.agencies.len();
        idx.agencies.push(Agency {
            name,
            name_en: en,
            country,
            kind_raw: t,
            kind: kind_of(t),
        });
        let mut spellings: Vec<&str> = vec![name, en];
        spellings.extend(vars.split('|'));
        // "Syrian Arab News Agency (SANA)" → "SANA"
        if let (Some(a), Some(b)) = (en.find('('), en.find(')'))
            && let Some(inner) = en.get(a + 1..b)
        {
            spellings.push(inner);
        }
        for s in spellings {
            let k = key(s);
            if k.is_empty() {
                continue;
            }
            let needs = ctx.contains(&k);
            idx.max_words = idx.max_words.max(k.split(' ').count());
            idx.names.entry(k).or_insert((i, needs));
        }
    }
    idx
}

/// Looks up an agency by any spelling ("رويترز", "(أ ف ب)", "د.ب.أ", "فرانس برس", "AFP",
/// "وكالات"); ambiguous spellings are accepted here, since the caller chose the text.
///
/// ```
/// use marsad_arabic::agencies::lookup;
/// use marsad_model::AgencyKind;
/// assert_eq!(lookup("(أ ف ب)").unwrap().name_en, "Agence France-Presse");
/// assert_eq!(lookup("د.ب.أ").unwrap().name_en, "Deutsche Presse-Agentur");
/// assert_eq!(lookup("وكالات").unwrap().kind, AgencyKind::Generic);
/// assert_eq!(lookup("CNN").unwrap().kind, AgencyKind::Outlet);
/// assert!(lookup("مرحبا").is_none());
/// ```
pub fn lookup(name: &str) -> Option<Agency> {
    let k = key(name);
    let k = k.strip_prefix("- ").unwrap_or(&k);
    let (i, _) = INDEX.names.get(k)?;
    INDEX.agencies.get(*i).cloned()
}

/// Whether this spelling is also an ordinary word and needs context to count as a credit.
///
/// ```
/// use marsad_arabic::agencies::needs_context;
/// assert!(needs_context("معا"));
/// assert!(!needs_context("رويترز"));
/// ```
pub fn needs_context(name: &str) -> bool {
    INDEX.names.get(&key(name)).is_some_and(|(_, n)| *n)
}

/// An agency named in a text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AgencyMention {
    /// Where the spelling is (byte offsets into the text).
    pub span: Span,
    /// The agency.
    pub agency: Agency,
}

/// Longest text [`find_agencies`] scans.
pub const MAX_SCAN_BYTES: usize = 4 * 1024 * 1024;

/// Finds the agencies credited in a text, in order of appearance. Spellings that are also
/// ordinary words count only in brackets or quotes, or right after "وكالة"/"وكالة الأنباء".
///
/// ```
/// use marsad_arabic::agencies::find_agencies;
/// let m = find_agencies("قال مسؤول لوكالة الأنباء الألمانية (د ب أ) إن الوضع هادئ، بحسب رويترز.");
/// let names: Vec<_> = m.iter().map(|x| x.agency.name_en).collect();
/// assert_eq!(names, ["Deutsche Presse-Agentur", "Reuters"]);
/// assert!(find_agencies("ذهبنا معا إلى السوق").is_empty());
/// ```
pub fn find_agencies(text: &str) -> Vec<AgencyMention> {
    let text = if text.len() > MAX_SCAN_BYTES {
        let mut cut = MAX_SCAN_BYTES;
        while cut > 0 && !text.is_char_boundary(cut) {
            cut -= 1;
        }
        &text[..cut]
    } else {
        text
    };
    // words with byte offsets; brackets/quotes/dots split words
    let mut words: Vec<(usize, usize)> = Vec::new();
    let mut start: Option<usize> = None;
    for (i, c) in text.char_indices() {
        let sep =
            c.is_whitespace() || (c.is_ascii_punctuation() && c != '_') || "،؛«»“”".contains(c);
        match (sep, start) {
            (true, Some(s)) => {
                words.push((s, i));
                start = None;
            }
            (false, None) => start = Some(i),
            _ => {}
        }
    }
    if let Some(s) = start {
        words.push((s, text.len()));
    }
    let mut out: Vec<AgencyMention> = Vec::new();
    let mut w = 0;
    while w < words.len() {
        let mut best: Option<(usize, usize, bool)> = None;
        for n in (1..=INDEX.max_words.min(words.len() - w)).rev() {
            let (Some(a), Some(b)) = (words.get(w), words.get(w + n - 1)) else {
                continue;
            };
            let Some(s) = text.get(a.0..b.1) else {
                continue;
            };
            let k = key(s);
            // strip a clitic (ل، و، ب) from the first word
            let hit = INDEX.names.get(&k).map(|x| (x, a.0)).or_else(|| {
                let mut cs = s.char_indices();
                let (_, c0) = cs.next()?;
                if !"لوبف".contains(c0) {
                    return None;
                }
                let (off, _) = cs.next()?;
                INDEX.names.get(&key(s.get(off..)?)).map(|x| (x, a.0 + off))
            });
            if let Some((&(i, needs), st)) = hit {
                let before = text.get(..st).unwrap_or("");
                let after = text.get(b.1..).unwrap_or("");
                let bracketed = before.trim_end().ends_with(['(', '"', '«', '“'])
                    && after.trim_start().starts_with([')', '"', '»', '”']);
                let after_wakala = {
                    let f = fold(before.trim_end());
                    f.ends_with("وكاله") || f.ends_with("وكاله الانباء") || f.ends_with("الرسميه")
                };
                if !needs || bracketed || after_wakala {
                    best = Some((i, n, true));
                    let span = Span::new(st, b.1);
                    if let Some(ag) = INDEX.agencies.get(i) {
                        out.push(AgencyMention {
                            span,
                            agency: ag.clone(),
                        });
                    }
                    break;
                }
            }
        }
        w += best.map(|(_, n, _)| n).unwrap_or(1);
    }
    out
}
