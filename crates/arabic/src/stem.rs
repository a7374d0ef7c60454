//! A light stemmer for Arabic (Light10-style affix stripping, with corpus-backed protection).
//!
//! [`stem`] normalises ([`crate::normalize::Options::MATCH`]), peels proclitics as
//! [`crate::tokenize::clitic_split`] does (و ف ب ك ل ال لل and their stacks), then strips suffixes
//! repeatedly — pronouns هما كما ها هم هن كم, then ات ون ين ان يه ه ي (ة is ه after
//! normalisation) — while at least [`MIN_STEM`] letters remain ([`MIN_STEM_PRONOUN`] for the
//! two-letter pronouns other than ها) and the word is not in the protected list
//! (`data/protected_stem.txt`: words whose ending is part of the stem, such as فلسطين, لبنان,
//! ماكرون). Stripping to a fixed point makes a family meet at one stem:
//! فلسطيني، الفلسطينيين، فلسطينية → فلسطين. Words not in Arabic script are returned normalised.

use std::borrow::Cow;
use std::sync::LazyLock;

use crate::normalize::{self, NormalizeError};
use crate::tokenize::{WordSet, clitic_split, load_word_list};

/// Fewest letters a stem keeps after a suffix is stripped.
pub const MIN_STEM: usize = 3;
/// Fewest letters a stem keeps after stripping هما كما هم هن كم.
pub const MIN_STEM_PRONOUN: usize = 4;
/// At most this many suffixes are stripped from one word.
pub const MAX_SUFFIX_STEPS: usize = 4;

const SUFFIXES: [(&str, usize); 13] = [
    ("هما", MIN_STEM_PRONOUN),
    ("كما", MIN_STEM_PRONOUN),
    ("ها", MIN_STEM),
    ("هم", MIN_STEM_PRONOUN),
    ("هن", MIN_STEM_PRONOUN),
    ("كم", MIN_STEM_PRONOUN),
    ("ات", MIN_STEM),
    ("ون", MIN_STEM),
    ("ين", MIN_STEM),
    ("ان", MIN_STEM),
    ("يه", MIN_STEM),
    ("ه", MIN_STEM),
    ("ي", MIN_STEM),
];

static PROTECTED_STEM: LazyLock<WordSet> =
    LazyLock::new(|| load_word_list(include_str!("../data/protected_stem.txt")));

/// Whether `norm` (normalised, without proclitics) is protected from suffix stripping.
///
/// ```
/// use marsad_arabic::stem::is_stem_protected;
/// assert!(is_stem_protected("فلسطين"));
/// assert!(!is_stem_protected("مفاوضات"));
/// ```
pub fn is_stem_protected(norm: &str) -> bool {
    PROTECTED_STEM.contains(norm)
}

#[inline]
fn is_arabic_letter(c: char) -> bool {
    matches!(c, '\u{0621}'..='\u{064A}' | '\u{066E}'..='\u{06D3}')
}

#[inline]
fn has_at_least(s: &str, n: usize) -> bool {
    s.len() >= 4 * n || s.chars().nth(n.saturating_sub(1)).is_some()
}

/// Strips suffixes from an already normalised word without proclitics; returns a prefix slice.
///
/// ```
/// use marsad_arabic::stem::strip_suffixes;
/// assert_eq!(strip_suffixes("مفاوضاتها"), "مفاوض");
/// assert_eq!(strip_suffixes("فلسطينيين"), "فلسطين");
/// ```
pub fn strip_suffixes(base: &str) -> &str {
    let mut x = base;
    for _ in 0..MAX_SUFFIX_STEPS {
        // Every suffix ends in ا ت ن م ه or ي: any other last letter ends the stripping
        // before the suffix list and the protected list are consulted.
        if !x.ends_with(['ا', 'ت', 'ن', 'م', 'ه', 'ي']) {
            break;
        }
        let mut next = None;
        for (suf, min) in SUFFIXES {
            if let Some(rest) = x.strip_suffix(suf)
                && has_at_least(rest, min)
            {
                next = Some(rest);
                break;
            }
        }
        match next {
            Some(rest) if !PROTECTED_STEM.contains(x) => x = rest,
            _ => break,
        }
    }
    x
}

/// Stems an already normalised word: proclitics peeled, suffixes stripped; a sub-slice of the
/// input. Words that do not start with an Arabic letter are returned as they are.
///
/// ```
/// use marsad_arabic::stem::stem_normalized;
/// assert_eq!(stem_normalized("والمفاوضات"), "مفاوض");
/// assert_eq!(stem_normalized("reuters"), "reuters");
/// ```
pub fn stem_normalized(norm: &str) -> &str {
    if !norm.chars().next().is_some_and(is_arabic_letter) {
        return norm;
    }
    let base = norm.get(clitic_split(norm)..).unwrap_or(norm);
    strip_suffixes(base)
}

/// Letters that must remain after [`fold_verb_prefix`] drops a first letter.
pub const MIN_AFTER_VERB_PREFIX: usize = 3;

/// Drops the first letter of a stem when it is ي ت ن or ا and at least
/// [`MIN_AFTER_VERB_PREFIX`] letters remain: the imperfect prefixes (يعلن، تكشف، نرفض) and the
/// alef of the form IV/VII/VIII perfect (اعلن), so a headline's present tense meets the body's
/// past tense and verbal nouns (يعلن، تعلن، اعلن → علن). After ي ت ن, the ت of forms V and VI
/// goes too (يتراجع، تراجع → راجع); after the alef it stays (اتفاق → تفاق, form VIII). A search-only fold, used by the
/// tantivy analyzer through [`search_term`]: it also trims nouns (تركيا → ركيا) but the same way
/// in the index and in queries, and on the ANT known-item check it raised MRR@10; [`stem`] does
/// not apply it.
///
/// ```
/// use marsad_arabic::stem::fold_verb_prefix;
/// assert_eq!(fold_verb_prefix("يعلن"), "علن");
/// assert_eq!(fold_verb_prefix("اعلن"), "علن");
/// assert_eq!(fold_verb_prefix("قال"), "قال");
/// assert_eq!(fold_verb_prefix("يمن"), "يمن"); // two letters would remain
/// assert_eq!(fold_verb_prefix("يتراجع"), fold_verb_prefix("تراجع"));
/// assert_eq!(fold_verb_prefix("يتراجع"), "راجع");
/// assert_eq!(fold_verb_prefix("اتفاق"), "تفاق"); // form VIII keeps its ت
/// assert_eq!(fold_verb_prefix("اتفق"), fold_verb_prefix("يتفق"));
/// ```
pub fn fold_verb_prefix(stem: &str) -> &str {
    let mut cs = stem.chars();
    match cs.next() {
        Some(first @ ('ي' | 'ت' | 'ن' | 'ا')) => {
            let rest = cs.as_str();
            if rest.chars().nth(MIN_AFTER_VERB_PREFIX - 1).is_none() {
                return stem;
            }
            if first == 'ا' {
                return rest;
            }
            // The ت of forms V and VI after an imperfect prefix (يتراجع، تتقدم → راجع، قدم),
            // so the imperfect meets the perfect. Not after the alef: ات opens form VIII
            // (اتفاق، اتحاد), whose ت is part of the stem.
            match rest.strip_prefix('ت') {
                Some(r) if r.chars().nth(MIN_AFTER_VERB_PREFIX - 1).is_some() => r,
                _ => rest,
            }
        }
        _ => stem,
    }
}

/// Drops a final ت (the feminine perfect: قالت، اعلنت، كشفت) when at least
/// [`MIN_AFTER_VERB_PREFIX`] letters remain, for search like [`fold_verb_prefix`] (the same
/// trade: it also trims nouns such as بيروت, identically in index and queries; on the ANT
/// known-item check it raised MRR@10). [`stem`] does not apply it.
///
/// ```
/// use marsad_arabic::stem::fold_taa_suffix;
/// assert_eq!(fold_taa_suffix("قالت"), "قال");
/// assert_eq!(fold_taa_suffix("بنت"), "بنت"); // two letters would remain
/// ```
pub fn fold_taa_suffix(stem: &str) -> &str {
    match stem.strip_suffix('ت') {
        Some(rest) if rest.chars().nth(MIN_AFTER_VERB_PREFIX - 1).is_some() => rest,
        _ => stem,
    }
}

/// Drops a final ا when at least [`MIN_STEM`] letters remain and the stem is not protected, then
/// strips suffixes again ([`strip_suffixes`]): the alef of the indefinite accusative (كثيرا،
/// قتيلا، مجددا → كثير، قتيل، مجدد) and the final alef of place names whose adjective ends in
/// ي (روسيا، الروسية → روس; اميركا، الاميركي → اميرك; فرنسا، الفرنسيه → فرنس), so a headline's
/// country meets the body's adjective. A search-only fold like [`fold_verb_prefix`] (it also
/// trims words such as قضايا → قضا, identically in index and queries); [`stem`] does not apply
/// it.
///
/// ```
/// use marsad_arabic::stem::{fold_alef_suffix, stem_normalized};
/// assert_eq!(fold_alef_suffix("روسيا"), "روس");
/// assert_eq!(fold_alef_suffix("كثيرا"), "كثير");
/// assert_eq!(fold_alef_suffix(stem_normalized("الروسيه")), "روس"); // normalised الروسية
/// assert_eq!(fold_alef_suffix("هنا"), "هنا"); // two letters would remain
/// ```
pub fn fold_alef_suffix(stem: &str) -> &str {
    match stem.strip_suffix('ا') {
        Some(rest) if has_at_least(rest, MIN_STEM) && !PROTECTED_STEM.contains(stem) => {
            strip_suffixes(rest)
        }
        _ => stem,
    }
}

/// The search term of a normalised token: [`stem_normalized`], then [`fold_alef_suffix`],
/// [`fold_verb_prefix`] and [`fold_taa_suffix`], so يعلن، تعلن، اعلن، اعلنت all give علن and
/// روسيا meets الروسية. This is what the tantivy analyzer indexes; a sub-slice of the input.
///
/// ```
/// use marsad_arabic::stem::search_term;
/// assert_eq!(search_term("ويعلنون"), "علن");
/// assert_eq!(search_term("واعلنت"), "علن");
/// assert_eq!(search_term("والمفاوضات"), "مفاوض");
/// assert_eq!(search_term("reuters"), "reuters");
/// ```
pub fn search_term(norm: &str) -> &str {
    // Words that do not start or end with an Arabic letter come back unchanged.
    fold_taa_suffix(fold_verb_prefix(fold_alef_suffix(stem_normalized(norm))))
}

/// Fewest letters a [`coarse_term`] keeps; shorter skeletons give the term back unchanged.
pub const MIN_COARSE: usize = 2;

/// Whether `c` is dropped by [`coarse_term`] after the first letter: the long vowels and glides
/// ا و ي and the hamza letters ء ئ ؤ (أ إ آ ى are already ا ي after normalisation).
#[inline]
fn is_weak_letter(c: char) -> bool {
    matches!(c, 'ا' | 'و' | 'ي' | 'ء' | 'ئ' | 'ؤ')
}

/// The coarse (skeleton) term of a search term: its first letter, then its other letters without
/// the long vowels, glides and hamzas (ا و ي ء ئ ؤ). Broken plurals and their singulars, and
/// spelling variants, meet here where the light stem keeps them apart (صواريخ، صاروخ → صرخ;
/// وزراء، وزير → وزر; اميركا، امريكا → مرك after the verb fold). It conflates much more than
/// the light stem (قال، قول → قل), so it is meant for a second, lower-weighted search field
/// ([`crate::analyzer::coarse_analyzer`]), never for [`stem`]. Terms not starting with an Arabic
/// letter, and skeletons shorter than [`MIN_COARSE`] letters, come back unchanged.
///
/// ```
/// use marsad_arabic::stem::{coarse_term, search_term};
/// assert_eq!(coarse_term(search_term("الصواريخ")), coarse_term(search_term("صاروخ")));
/// assert_eq!(coarse_term("وزراء"), "وزر");
/// assert_eq!(coarse_term("وزير"), "وزر");
/// assert_eq!(coarse_term("reuters"), "reuters");
/// assert_eq!(coarse_term("يا"), "يا"); // one letter would remain
/// ```
pub fn coarse_term(term: &str) -> Cow<'_, str> {
    let mut cs = term.chars();
    let Some(first) = cs.next() else {
        return Cow::Borrowed(term);
    };
    let rest = cs.as_str();
    if !is_arabic_letter(first) || !rest.contains(is_weak_letter) {
        return Cow::Borrowed(term);
    }
    let mut out = String::with_capacity(term.len());
    out.push(first);
    out.extend(rest.chars().filter(|&c| !is_weak_letter(c)));
    if out.chars().nth(MIN_COARSE - 1).is_some() {
        Cow::Owned(out)
    } else {
        Cow::Borrowed(term)
    }
}

/// Stems one word: normalise, peel proclitics, strip suffixes.
///
/// ```
/// use marsad_arabic::stem::stem;
/// assert_eq!(stem("مفاوضات"), "مفاوض");
/// assert_eq!(stem("والمفاوضات"), "مفاوض");
/// assert_eq!(stem("فلسطين"), "فلسطين");
/// assert_eq!(stem("الفلسطينيّة"), "فلسطين");
/// ```
pub fn stem(word: &str) -> Cow<'_, str> {
    match normalize::normalize(word) {
        Cow::Borrowed(b) => Cow::Borrowed(stem_normalized(b)),
        Cow::Owned(o) => Cow::Owned(stem_normalized(&o).to_string()),
    }
}

/// [`stem`] on raw bytes: invalid UTF-8 gives an error.
///
/// ```
/// use marsad_arabic::stem::stem_bytes;
/// assert_eq!(stem_bytes("بالمفاوضات".as_bytes()).unwrap(), "مفاوض");
/// assert!(stem_bytes(b"\xc0").is_err());
/// ```
pub fn stem_bytes(bytes: &[u8]) -> Result<Cow<'_, str>, NormalizeError> {
    Ok(stem(normalize::str_from_bytes(bytes)?))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn families_meet() {
        let fams: &[&[&str]] = &[
            &[
                "مفاوضات",
                "المفاوضات",
                "والمفاوضات",
                "بالمفاوضات",
                "مفاوضاتها",
            ],
            &[
                "فلسطين",
                "فلسطيني",
                "الفلسطينيين",
                "فلسطينية",
                "والفلسطينيون",
            ],
            &["لبنان", "ولبنان", "بلبنان", "للبنان"],
            &["الرئيس", "رئيس", "للرئيس", "والرئيس", "رئيسها"],
        ];
        for fam in fams {
            let s0 = stem(fam[0]);
            for w in *fam {
                assert_eq!(stem(w), s0, "{w}");
            }
        }
    }

    #[test]
    fn coarse_terms() {
        let pairs: &[(&str, &str)] = &[
            ("المدارس", "مدرسة"),
            ("الدروس", "درس"),
            ("الوزراء", "وزير"),
            ("الأميركية", "أمريكية"),
        ];
        for (a, b) in pairs {
            let ta = search_term(&normalize::normalize(a)).to_string();
            let tb = search_term(&normalize::normalize(b)).to_string();
            assert_eq!(coarse_term(&ta), coarse_term(&tb), "{a} {b}");
        }
        assert_eq!(coarse_term(""), "");
        assert_eq!(coarse_term("وو"), "وو");
        assert_eq!(coarse_term("2018"), "2018");
    }

    #[test]
    fn short_and_odd_input() {
        assert_eq!(stem(""), "");
        assert_eq!(stem("\u{064E}"), "");
        assert_eq!(stem("هم"), "هم");
        let long = "ات".repeat(300_000);
        assert!(!stem(&long).is_empty());
    }
}
