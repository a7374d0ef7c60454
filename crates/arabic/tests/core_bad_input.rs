//! Bad input for normalise, tokenise, stem, stopwords and language id: never a panic.

use marsad_arabic::normalize::{self, NormalizeError, Options};
use marsad_arabic::{lang, stem, stopwords, tokenize};
use proptest::prelude::*;

#[test]
fn invalid_utf8_gives_clear_errors() {
    let bad: &[u8] = b"\xd9\x85\xd8\xb5\xff\xd8\xb1";
    let e = normalize::normalize_bytes(bad, &Options::MATCH).unwrap_err();
    assert_eq!(e, NormalizeError::InvalidUtf8 { valid_up_to: 4 });
    assert!(e.to_string().contains("UTF-8"));
    assert!(normalize::normalize_mapped_bytes(bad, &Options::MATCH).is_err());
    assert!(tokenize::tokenize_bytes(bad).is_err());
    assert!(stem::stem_bytes(bad).is_err());
    assert!(lang::detect_bytes(bad).is_err());
    // A truncated multi-byte sequence at the very end.
    assert!(
        normalize::str_from_bytes("مصر".as_bytes().split_last().map(|(_, r)| r).unwrap_or(&[]))
            .is_err()
    );
}

#[test]
fn lone_combining_marks() {
    for s in [
        "\u{064E}",
        "\u{0651}\u{0651}\u{0651}",
        " \u{0670} ",
        "\u{0301}x",
        "ـــ",
    ] {
        let _ = normalize::normalize(s);
        let _ = normalize::normalize_mapped(s, &Options::MATCH).original_span(0, 10);
        let _ = tokenize::tokenize(s).count();
        let _ = stem::stem(s);
        let _ = stopwords::is_stopword(s);
        let _ = lang::detect(s);
        let _ = lang::dir_of(s);
    }
    assert_eq!(tokenize::tokenize("\u{064E}\u{0651}").count(), 0);
}

#[test]
fn one_megabyte_single_word() {
    let word = "مفاوضات".repeat(1_000_000 / "مفاوضات".len() + 1);
    assert!(word.len() >= 1_000_000);
    let n = normalize::normalize_mapped(&word, &Options::MATCH);
    assert!(n.is_unchanged());
    let toks: Vec<_> = tokenize::tokenize(&word).collect();
    assert!(
        toks.iter()
            .all(|t| t.end - t.start <= tokenize::MAX_TOKEN_BYTES)
    );
    assert_eq!(toks.first().map(|t| t.start), Some(0));
    assert_eq!(toks.last().map(|t| t.end), Some(word.len()));
    assert!(!stem::stem(&word).is_empty());
    assert_eq!(lang::detect(&word), Some(lang::Lang::Arabic));
    // With marks, so the normalised text differs and the map is built.
    let marked = "مُ".repeat(250_000);
    let n = normalize::normalize_mapped(&marked, &Options::MATCH);
    assert_eq!(n.original_offset(n.text().len()), marked.len());
}

#[test]
fn mixed_rtl_ltr() {
    let text =
        "\u{202B}قالت وكالة Reuters \u{202A}(AP)\u{202C} إن ٣ من G20\u{200F} اجتمعوا\u{202C}";
    let toks: Vec<_> = tokenize::tokenize(text).collect();
    for t in &toks {
        assert_eq!(&text[t.start..t.end], t.surface);
    }
    let norms: Vec<&str> = toks.iter().map(|t| t.norm.as_ref()).collect();
    assert_eq!(
        norms,
        [
            "قالت",
            "وكاله",
            "reuters",
            "ap",
            "ان",
            "3",
            "من",
            "g20",
            "اجتمعوا"
        ]
    );
    assert_eq!(lang::detect(text), Some(lang::Lang::Arabic));
    assert_eq!(lang::dir_of(text), Some(marsad_model::Dir::Rtl));
}

proptest! {
    #[test]
    fn random_text_never_panics_and_spans_hold(s in "(\\PC|[\u{0600}-\u{06FF}\u{200B}-\u{200F}\u{202A}-\u{202E}\u{00A0}\u{FE70}-\u{FEFF}])*") {
        let toks: Vec<_> = tokenize::tokenize(&s).collect();
        let mut prev = 0;
        for t in &toks {
            prop_assert!(t.start >= prev && t.end > t.start);
            prop_assert_eq!(&s[t.start..t.end], t.surface);
            prop_assert!(t.base_start() >= t.start && t.base_start() <= t.end);
            prop_assert!(!t.norm.is_empty());
            prev = t.end;
        }
        let _ = stem::stem(&s);
        let _ = lang::detect(&s);
        let n = normalize::normalize_mapped(&s, &Options::MATCH);
        for (i, c) in n.text().char_indices() {
            let (a, b) = n.original_span(i, i + c.len_utf8());
            prop_assert!(a <= b && b <= s.len());
            prop_assert!(s.is_char_boundary(a) && s.is_char_boundary(b));
        }
    }

    #[test]
    fn random_bytes_never_panic(b in proptest::collection::vec(any::<u8>(), 0..200)) {
        let _ = normalize::normalize_bytes(&b, &Options::MATCH);
        let _ = tokenize::tokenize_bytes(&b).map(|t| t.count());
        let _ = stem::stem_bytes(&b);
        let _ = lang::detect_bytes(&b);
    }
}
