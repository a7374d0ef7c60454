//! Letters written in parts come out whole: a page typed with decomposed letters reads and
//! searches as the same words written precomposed. Marks keep the order the page wrote them in.

use marsad_extract::{InputKind, Options, extract};

const PARA: &str = "دعا وزير الخارجية إلى وقف فوري لإطلاق النار في المنطقة، وقال في \
                    مؤتمر صحفي عقده في العاصمة إن الحل السياسي هو السبيل الوحيد لإنهاء \
                    الأزمة التي طال أمدها منذ سنوات.";

/// "Prüfung" with its "ü" as "u" + combining diaeresis, "أحمد" with its "أ" as "ا" + hamza above.
const DE: &str = "Pru\u{308}fung";
const AR: &str = "\u{627}\u{654}حمد";
/// "أُعلن" as NFD writes it: alef, damma, then hamza above.
const AR_NFD: &str = "\u{627}\u{64f}\u{654}علن";
/// "كُرِّم" with shadda before kasra, which NFC would swap.
const HARAKAT: &str = "ك\u{64f}ر\u{651}\u{650}م";

fn has_decomposed(s: &str) -> bool {
    s.contains('\u{308}') || s.contains('\u{654}')
}

#[test]
fn html_text_is_composed() {
    let page = format!(
        "<html><head><title>{DE} der Reifen</title></head><body><article>\
         <h1>{DE} der Reifen</h1><p>{PARA} {AR}</p><p>{PARA} {DE}</p><p>{PARA} {HARAKAT}</p><p>{PARA} {AR_NFD}</p>\
         <figure><img src=a.jpg alt=\"{DE}\"><figcaption>{AR} في المعرض</figcaption></figure>\
         <p>{PARA}</p></article></body></html>"
    );
    let x = extract(
        page.as_bytes(),
        &Options {
            explain: true,
            ..Options::default()
        },
    )
    .unwrap();
    assert!(
        x.explain.iter().all(|l| !has_decomposed(l)),
        "{:?}",
        x.explain
    );
    let a = x.article;
    let json = serde_json::to_string(&a).unwrap();
    assert!(!has_decomposed(&json), "{json}");
    assert_eq!(a.title.unwrap().text, "Prüfung der Reifen");
    assert!(
        a.body.iter().any(|b| b.text.ends_with("أحمد")),
        "{:?}",
        a.body
    );
    assert!(
        a.body.iter().any(|b| b.text.ends_with("Prüfung")),
        "{:?}",
        a.body
    );
    assert!(
        a.body.iter().any(|b| b.text.ends_with("\u{623}\u{64f}علن")),
        "{:?}",
        a.body
    );
    assert!(
        a.body.iter().any(|b| b.text.ends_with(HARAKAT)),
        "{:?}",
        a.body
    );
}

#[test]
fn flattened_text_is_composed() {
    let page = format!("{DE} der Reifen\n\n{PARA} {AR}\n\n{PARA} {DE}\n\n{PARA}\n");
    let opts = Options {
        input: InputKind::Text,
        ..Options::default()
    };
    let a = extract(page.as_bytes(), &opts).unwrap().article;
    let json = serde_json::to_string(&a).unwrap();
    assert!(!has_decomposed(&json), "{json}");
    assert!(
        a.body.iter().any(|b| b.text.ends_with("أحمد")),
        "{:?}",
        a.body
    );
}
