//! Bad and hostile inputs for the HTML extractor: a clear error or an (empty) article with a
//! reason, in bounded time, never a panic. Plus: outputs of hand-written pages validate against
//! the Article JSON Schema, and every non-empty block of the input ends in the article or in
//! `chrome`.

use std::time::{Duration, Instant};

use marsad_extract::html::{self, blocks, dom::Document};
use marsad_extract::{ExtractError, InputKind, Options, extract};
use marsad_model::{Article, Span};

fn html_opts() -> Options {
    Options {
        input: InputKind::Html,
        ..Options::default()
    }
}

fn page(name: &str) -> Vec<u8> {
    let path = format!("{}/tests/pages/{name}", env!("CARGO_MANIFEST_DIR"));
    std::fs::read(&path).unwrap_or_else(|e| panic!("{path}: {e}"))
}

/// Debug builds are much slower; the bound is for "not unbounded", not a benchmark.
const TIME_LIMIT: Duration = Duration::from_secs(120);

#[test]
fn empty_file() {
    let x = html::extract(b"", &Options::default()).expect("empty input is not an error");
    assert!(x.article.body.is_empty());
    assert!(x.article.empty_reason.is_some());
}

#[test]
fn binary_garbage() {
    let garbage: Vec<u8> = (0..100_000u32)
        .map(|i| (i.wrapping_mul(2_654_435_761) >> 13) as u8)
        .collect();
    let r = extract(&garbage, &html_opts());
    assert!(matches!(r, Err(ExtractError::Binary(_))), "{r:?}");
}

#[test]
fn truncated_html() {
    let full = String::from_utf8(page("ar_news_utf8.html")).unwrap();
    for cut in [10, 100, 700, 1000, 1500, full.len() - 3] {
        let mut end = cut.min(full.len());
        while !full.is_char_boundary(end) {
            end -= 1;
        }
        let x = html::extract(&full.as_bytes()[..end], &Options::default()).expect("truncated");
        let _ = x.article.body_text();
    }
    let x = html::extract(
        b"<html><body><div><p>text without end <a href='",
        &Options::default(),
    );
    assert!(x.is_ok());
}

#[test]
fn fifty_megabyte_page() {
    let para = "<div class=c><p>دعا وزير الخارجية الروسي إلى وقف فوري لإطلاق النار، وقال إن الحل سياسي.</p><a href=/x>رابط</a></div>\n";
    let mut s = String::from("<html><body>");
    while s.len() < 50 * 1024 * 1024 {
        s.push_str(para);
    }
    s.push_str("</body></html>");
    let t = Instant::now();
    let x = html::extract(s.as_bytes(), &Options::default()).expect("big page");
    assert!(t.elapsed() < TIME_LIMIT, "took {:?}", t.elapsed());
    assert!(!x.article.body.is_empty() || x.article.empty_reason.is_some());
}

#[test]
fn too_large_is_an_error() {
    let big = vec![b' '; marsad_extract::MAX_INPUT_BYTES + 1];
    assert!(matches!(
        extract(&big, &html_opts()),
        Err(ExtractError::TooLarge { .. })
    ));
}

#[test]
fn hundred_thousand_nested_divs() {
    let n = 100_000;
    let s = format!(
        "<html><body>{}<p>نص عميق جداً في الصفحة، وهو نص طويل بما يكفي ليكون فقرة.</p>{}</body></html>",
        "<div>".repeat(n),
        "</div>".repeat(n)
    );
    let t = Instant::now();
    let x = html::extract(s.as_bytes(), &Options::default()).expect("deep page");
    assert!(t.elapsed() < TIME_LIMIT);
    assert!(x.article.body_text().contains("نص عميق"));
    // Unclosed, too.
    let s = "<div><span>".repeat(n);
    assert!(html::extract(s.as_bytes(), &Options::default()).is_ok());
}

#[test]
fn nested_buttons_around_a_long_text() {
    // A button's label is read to see whether it asks a question; buttons nested as deep as
    // the parser allows around megabytes of text are not each read whole.
    let open = "<div role=button>".repeat(300);
    let s = format!(
        "<html><body>{open}{}هل الدخول إلى المعرض مجاني؟</body></html>",
        "نص طويل جداً ".repeat(400_000)
    );
    let t = Instant::now();
    assert!(html::extract(s.as_bytes(), &Options::default()).is_ok());
    // (Reading each button's text took over a minute here, in a debug build.)
    assert!(t.elapsed() < TIME_LIMIT / 12, "{:?}", t.elapsed());
    // A small button in the source can hold a long text after all: a streamed segment from
    // the end of the page is moved into its placeholder.
    let s = format!(
        "<html><body>{}<template id=P:1></template>{}<div hidden id=S:1>{}</div>\
         <ul><li><a href=/x><template id=P:2></template></a>{}</li></ul>\
         <div hidden id=S:2>{}</div></body></html>",
        "<div role=button>".repeat(250),
        "</div>".repeat(250),
        "نص طويل جداً ".repeat(200_000),
        "<span class=post-date>09/09/2019</span>".repeat(18),
        "نص طويل جداً ".repeat(200_000),
    );
    let t = Instant::now();
    assert!(html::extract(s.as_bytes(), &Options::default()).is_ok());
    assert!(t.elapsed() < TIME_LIMIT / 12, "{:?}", t.elapsed());
}

#[test]
fn labelled_lines_under_deep_long_classes() {
    // Each "Last updated" line is checked for a layer over the page (a dialog, a modal class)
    // in the few elements around it; long class values with entities are not each decoded
    // for every line.
    let class = "x&amp;x".repeat(1_500);
    let s = format!(
        "<html><body><div role=dialog>{}{}</div></body></html>",
        format!("<div class=\"{class}\">").repeat(250),
        "<p>Last updated: 1/1/2020</p>".repeat(400)
    );
    let t = Instant::now();
    assert!(html::extract(s.as_bytes(), &Options::default()).is_ok());
    // (Walking every ancestor of each line took 14 s here, in a release build.)
    assert!(t.elapsed() < TIME_LIMIT / 12, "{:?}", t.elapsed());
}

#[test]
fn nested_forms_over_a_large_subtree() {
    // Each form is checked for a field to type into. Forms nested as deep as the parser
    // allows, beside more text than theirs, over a million empty elements and no field:
    // each form's search stops after a bounded number of nodes.
    let para = "A paragraph of the page, long enough to be prose about the council. ".repeat(3);
    let s = format!(
        "<html><body>{}{}<span>field labels</span>{}</body></html>",
        format!("<p>{para}</p>").repeat(12),
        "<form>".repeat(250),
        "<i></i>".repeat(1_000_000)
    );
    let t = Instant::now();
    assert!(html::extract(s.as_bytes(), &Options::default()).is_ok());
    // (Unbounded, the search took 2.1 s here in a release build and 10 s in a debug one;
    // bounded, 0.2 s and 1.4 s.)
    assert!(t.elapsed() < TIME_LIMIT / 24, "{:?}", t.elapsed());
}

#[test]
fn huge_colspan() {
    let s = "<html><body><table><tr><td colspan=9000000000000000 rowspan=9e15>خلية</td><td colspan=-1>b</td></tr></table>\
             <p>دعا وزير الخارجية الروسي إلى وقف فوري لإطلاق النار في إدلب، وقال إن الحل سياسي.</p></body></html>";
    let x = html::extract(s.as_bytes(), &Options::default()).expect("colspan");
    assert!(x.article.body_text().contains("لإطلاق النار"));
}

#[test]
fn page_without_article() {
    let s = "<html><body><nav><a href=/>Home</a> <a href=/a>About</a></nav><script>var x = 1;</script></body></html>";
    let x = html::extract(s.as_bytes(), &Options::default()).expect("no article");
    assert!(x.article.body.is_empty());
    assert!(x.article.empty_reason.is_some());
    assert!(x.article.chrome.iter().any(|d| d.text.contains("Home")));
}

#[test]
fn a_page_built_by_its_scripts_says_so() {
    // A single-page app ships an empty root and its text as script data: the empty result
    // names that, where a page with little script only says there is no text.
    let data = format!(
        "self.__data = {{\"title\": \"مقال\", \"body\": \"{}\"}};",
        "نص المقال ".repeat(2_000)
    );
    let s = format!(
        "<html><head><title>متجر</title></head><body><div id=root></div>\
         <script>{data}</script></body></html>"
    );
    let x = html::extract(s.as_bytes(), &Options::default()).expect("script-built page");
    assert!(x.article.body.is_empty());
    let why = x.article.empty_reason.expect("a reason");
    assert!(why.contains("scripts build it"), "{why}");

    let s = "<html><body><div id=root></div><script>var x = 1;</script></body></html>";
    let x = html::extract(s.as_bytes(), &Options::default()).expect("empty page");
    let why = x.article.empty_reason.expect("a reason");
    assert!(!why.contains("scripts"), "{why}");
}

#[test]
fn many_nodes_are_bounded() {
    let s = "<b>x</b>".repeat(1_200_000);
    let doc = Document::parse(&s);
    assert!(doc.truncated());
    assert!(doc.len() <= marsad_extract::html::dom::MAX_NODES);
}

fn check_arabic_article(a: &Article) {
    let body = a.body_text();
    assert!(body.contains("دعا وزير الخارجية الروسي"), "{body}");
    assert!(!body.contains("الرئيسية"));
    assert!(!body.contains("حجم الخط"));
    assert!(!body.contains("اقرأ أيضاً"));
    assert_eq!(
        a.title.as_ref().map(|t| t.text.as_str()),
        Some("لافروف يدعو إلى وقف فوري لإطلاق النار في إدلب")
    );
    assert_eq!(a.related.len(), 1, "{:?}", a.related);
    assert_eq!(
        a.related[0].title.text,
        "الفقر سلاح روسيا لتجنيد أبناء ريف دمشق"
    );
    assert_eq!(a.related[0].url.as_deref(), Some("/2020/09/07/poverty"));
    let f = a.figures.first().expect("figure");
    assert_eq!(f.src.text, "/uploads/2020/09/lavrov.jpg");
    assert!(f.caption.as_ref().is_some_and(|c| {
        c.text
            .starts_with("وزير الخارجية الروسي سيرغي لافروف في دمشق")
    }));
    assert_eq!(f.credit.as_ref().map(|c| c.text.as_str()), Some("رويترز"));
}

#[test]
fn arabic_pages_in_three_encodings() {
    for (name, enc) in [
        ("ar_news_utf8.html", "UTF-8"),
        ("ar_windows1256.html", "windows-1256"),
        ("ar_iso88596.html", "ISO-8859-6"),
    ] {
        let x = extract(&page(name), &Options::default()).expect(name);
        assert_eq!(x.article.source.encoding.as_deref(), Some(enc), "{name}");
        check_arabic_article(&x.article);
    }
}

#[test]
fn encoded_with_encoding_rs() {
    let src = String::from_utf8(page("ar_news_utf8.html")).unwrap();
    let src = src.replace(
        "<meta charset=\"utf-8\">",
        "<meta charset=\"windows-1256\">",
    );
    let (bytes, _, _) = encoding_rs::WINDOWS_1256.encode(&src);
    let x = extract(&bytes, &Options::default()).unwrap();
    check_arabic_article(&x.article);
}

fn hand_written_pages() -> Vec<Vec<u8>> {
    vec![
        page("ar_news_utf8.html"),
        page("ar_windows1256.html"),
        page("ar_iso88596.html"),
        b"<html><body><ul><li><a href=/a>One</a><li><a href=/b>Two</a></ul><table><tr><td>a<td>b</table>\
          <h2>Heading</h2><blockquote>A quote that is long enough, with commas, to count as a paragraph.</blockquote>\
          <pre>code\n  block</pre></body></html>"
            .to_vec(),
        b"".to_vec(),
    ]
}

#[test]
fn outputs_validate_against_schema() {
    let path = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../model/schema/article.schema.json"
    );
    let schema: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(path).expect("schema")).expect("json");
    let validator = jsonschema::validator_for(&schema).expect("validator");
    for bytes in hand_written_pages() {
        let x = html::extract(&bytes, &Options::default()).expect("extract");
        let v = serde_json::to_value(&x.article).expect("serialize");
        let errors: Vec<String> = validator.iter_errors(&v).map(|e| e.to_string()).collect();
        assert!(errors.is_empty(), "{errors:?}");
    }
}

#[test]
fn every_block_is_accounted_for() {
    for bytes in hand_written_pages() {
        let x = html::extract(&bytes, &Options::default()).expect("extract");
        let a = &x.article;
        let decoded = marsad_extract::decode::decode(&bytes).expect("decode");
        let doc = Document::parse(&decoded.text);
        let b = blocks::collect(&doc);
        let mut places: Vec<Span> = a.body.iter().map(|b| b.span).collect();
        places.extend(a.chrome.iter().map(|d| d.span));
        places.extend(a.related.iter().map(|l| l.span));
        for f in &a.figures {
            places.extend(f.caption.iter().map(|c| c.span));
        }
        for p in &b.pieces {
            assert!(
                places
                    .iter()
                    .any(|s| s.start <= p.span.start && p.span.end <= s.end),
                "block {:?} {:?} is neither in the article nor in chrome",
                p.span,
                p.text
            );
        }
    }
}
