//! Bad and odd input through the text extractor: never a panic, an empty article with a reason
//! when there is nothing to read, and no line lost silently (a property test).

use marsad_extract::{InputKind, Options, extract, text};
use marsad_model::{Article, Span};
use proptest::prelude::*;

fn opts() -> Options {
    Options {
        input: InputKind::Text,
        ..Options::default()
    }
}

/// Every span the article reports, with what it is.
fn spans(a: &Article) -> Vec<Span> {
    let mut v = Vec::new();
    if let Some(t) = &a.title {
        v.push(t.span);
    }
    if let Some(s) = &a.published {
        v.push(s.span);
    }
    if let Some(s) = &a.modified {
        v.push(s.span);
    }
    if let Some(d) = &a.dateline {
        v.push(d.span);
    }
    // A byline line is in the article as its author names.
    v.extend(a.authors.iter().map(|t| t.span));
    for f in &a.figures {
        v.push(f.src.span);
        if let Some(c) = &f.caption {
            v.push(c.span);
        }
        if let Some(c) = &f.credit {
            v.push(c.span);
        }
    }
    v.extend(a.body.iter().map(|b| b.span));
    v.extend(a.related.iter().map(|l| l.span));
    v.extend(a.chrome.iter().map(|d| d.span));
    v
}

/// Checks that every non-empty line of `input` is covered by some reported span, and that
/// every reported span lies on character boundaries of the input.
fn check_nothing_lost(input: &str, a: &Article) -> Result<(), String> {
    let sp = spans(a);
    for s in &sp {
        if s.slice(input).is_none() {
            return Err(format!("span {s:?} is not a slice of the input"));
        }
    }
    // Sweep: spans sorted by start, lines in order.
    let mut sorted = sp.clone();
    sorted.sort();
    let mut k = 0;
    let mut max_end = 0usize;
    let mut start = 0;
    for line in input.split('\n') {
        let end = start + line.len();
        let l = line.strip_suffix('\r').unwrap_or(line);
        // Spans starting before this line's end.
        let mut covered = max_end > start;
        while k < sorted.len() && sorted[k].start < end {
            if sorted[k].end > start {
                covered = true;
            }
            max_end = max_end.max(sorted[k].end);
            k += 1;
        }
        if !l.is_empty() && !covered {
            return Err(format!("line {:?} at {start}..{end} is lost", l));
        }
        start = end + 1;
    }
    // Body, related and chrome entries never overlap each other.
    let mut items: Vec<Span> = a.body.iter().map(|b| b.span).collect();
    items.extend(a.related.iter().map(|l| l.span));
    items.extend(a.chrome.iter().map(|d| d.span));
    items.sort();
    for w in items.windows(2) {
        if w[0].end > w[1].start {
            return Err(format!("{:?} and {:?} overlap", w[0], w[1]));
        }
    }
    Ok(())
}

#[test]
fn empty_text_is_an_empty_article_with_a_reason() {
    for input in ["", "\n\n\n", "   \n\u{a0}\n"] {
        let a = extract(input.as_bytes(), &opts()).unwrap().article;
        assert!(a.body.is_empty());
        assert!(a.empty_reason.is_some(), "{input:?}");
        check_nothing_lost(input, &a).unwrap();
    }
}

#[test]
fn one_giant_line_does_not_panic() {
    let line = "كلمة عربية طويلة في سطر واحد، ".repeat(200_000);
    let a = extract(line.as_bytes(), &opts()).unwrap().article;
    assert_eq!(a.body.len() + a.chrome.len() + a.related.len(), 1);
    let nospace = "x".repeat(5_000_000);
    let a = extract(nospace.as_bytes(), &opts()).unwrap().article;
    check_nothing_lost(&nospace, &a).unwrap();
}

#[test]
fn binary_is_refused_with_a_reason() {
    let bin: Vec<u8> = (0..10_000u32).map(|i| (i * 7919 % 256) as u8).collect();
    let a = text::extract(&bin, &opts()).unwrap().article;
    assert!(a.body.is_empty());
    assert!(a.empty_reason.unwrap().contains("binary"));
}

#[test]
fn invalid_utf8_is_read_lossily() {
    let mut bytes = "عنوان الخبر في سطر أول\n".repeat(20).into_bytes();
    bytes.extend_from_slice(&[0xff, b'a', b'\n']);
    let a = text::extract(&bytes, &opts()).unwrap().article;
    assert!(a.chrome.len() + a.body.len() + usize::from(a.title.is_some()) >= 2);
}

#[test]
fn a_list_of_links_is_not_an_article_but_nothing_is_lost() {
    let input = (0..200)
        .map(|i| format!("Category {i}\nhttps://example.com/c/{i}"))
        .collect::<Vec<_>>()
        .join("\n");
    let a = extract(input.as_bytes(), &opts()).unwrap().article;
    check_nothing_lost(&input, &a).unwrap();
}

#[test]
fn a_forum_page_gives_a_sensible_result() {
    let input = "Forum index\nLogin\nRegister\nRe: how do I fix my bike chain?\n\
        I have tried oiling the chain but it keeps slipping off the rear sprocket when I change gear, any ideas what is going on?\n\
        Reply\nQuote\nYou probably need to adjust the derailleur limit screws, and check that the chain is not worn beyond the point where it skips.\n\
        Reply\nQuote\nThanks, that was it! The limit screw was loose and the chain was stretched as well, so I replaced it.\n\
        © 2024 Bike Forum";
    let a = extract(input.as_bytes(), &opts()).unwrap().article;
    assert!(a.body.len() >= 3, "{:?}", a.body);
    assert!(a.chrome.iter().any(|d| d.text.starts_with('©')));
    check_nothing_lost(input, &a).unwrap();
}

#[test]
fn max_lines_limit_holds() {
    let input = "سطر\n".repeat(text::MAX_LINES + 10);
    let a = extract(input.as_bytes(), &opts()).unwrap().article;
    check_nothing_lost(&input, &a).unwrap();
}

#[test]
fn a_byline_line_is_kept_as_its_authors() {
    // Found by the property test below: the byline line is in the article as its author
    // names (the "By" before them is not a name).
    let s = "The minister said on Monday that the talks would continue next week in the capital, and that both sides had agreed.";
    for by in ["By\u{a0}A", "By Jane Doe | May 19, 2024"] {
        let input = format!("{s}\n{s}\n{by}");
        let a = extract(input.as_bytes(), &opts()).unwrap().article;
        check_nothing_lost(&input, &a).unwrap();
    }
}

fn line_strategy() -> impl Strategy<Value = String> {
    prop_oneof![
        Just(String::new()),
        Just("\u{a0}".to_string()),
        Just("  ".to_string()),
        Just("icon".to_string()),
        Just("+A".to_string()),
        Just("حجم الخط".to_string()),
        Just("اقرأ أيضاً:".to_string()),
        Just("اقرأ أيضاً: عنوان خبر آخر عن سوريا".to_string()),
        Just("lafrwf.jpg".to_string()),
        Just("لافروف في دمشق - 7 أيلول 2020 (رويترز)".to_string()),
        Just("إسطنبول - وكالات".to_string()),
        Just("2020.09.08 | 06:49 دمشق".to_string()),
        Just("Read more: another story about the economy".to_string()),
        Just("دعا وزير الخارجية الروسي سيرغي لافروف، أمس الإثنين، إلى وقف فوري لإطلاق النار في ليبيا، وذلك خلال مؤتمر صحفي.".to_string()),
        Just("The minister said on Monday that the talks would continue next week in the capital, and that both sides had agreed.".to_string()),
        Just("© 2024 All rights reserved".to_string()),
        "[ -~\u{600}-\u{6ff}\u{a0}\r]{0,80}",
        "\\PC{0,40}",
    ]
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(300))]

    #[test]
    fn no_line_is_lost(lines in proptest::collection::vec(line_strategy(), 0..40)) {
        let input = lines.join("\n");
        let a = extract(input.as_bytes(), &opts()).unwrap().article;
        if let Err(e) = check_nothing_lost(&input, &a) {
            prop_assert!(false, "{}\ninput: {:?}", e, input);
        }
    }

    #[test]
    fn arbitrary_bytes_never_panic(bytes in proptest::collection::vec(any::<u8>(), 0..2000)) {
        let _ = text::extract(&bytes, &opts());
    }
}
