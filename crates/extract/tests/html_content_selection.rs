//! Main-content selection on hand-written pages: what surrounds an article (teaser grids,
//! interface layers) stays out of the body and is accounted for in `chrome`.

use marsad_extract::html;
use marsad_extract::{InputKind, Options};
use marsad_model::{Article, Reason};

fn run(page: &str) -> Article {
    let opts = Options {
        input: InputKind::Html,
        ..Options::default()
    };
    html::extract(page.as_bytes(), &opts)
        .expect("hand-written page extracts")
        .article
}

/// [`run`] with the page's address given (`--url`).
fn run_at(url: &str, page: &str) -> Article {
    let opts = Options {
        input: InputKind::Html,
        url: Some(url.to_string()),
        ..Options::default()
    };
    html::extract(page.as_bytes(), &opts)
        .expect("hand-written page extracts")
        .article
}

fn body_has(a: &Article, needle: &str) -> bool {
    a.body.iter().any(|b| b.text.contains(needle))
}

fn chrome_has(a: &Article, needle: &str) -> bool {
    a.chrome.iter().any(|d| d.text.contains(needle))
}

/// An article page's opening: its declaration, `<{wrapper}>`, the headline and `n` numbered
/// paragraphs of [`PARA`]; the caller adds the rest and closes it.
fn story_head(wrapper: &str, n: usize) -> String {
    let mut s = format!(
        "<html><head><meta property=og:type content=article></head><body><{wrapper}>\
         <h1>عنوان الخبر</h1>"
    );
    for i in 0..n {
        s.push_str(&format!("<p>{i} {PARA}</p>"));
    }
    s
}

const PARA: &str = "دعا وزير الخارجية الروسي إلى وقف فوري لإطلاق النار في إدلب، وقال إن الحل \
    في سوريا سياسي وإن بلاده تدعم الحوار بين الأطراف كافة، بحسب ما نقلت وكالات الأنباء.";

const TEASER: &str = "قال مسؤولون إن المحادثات ستستأنف الأسبوع المقبل في جنيف، بعد توقف دام شهرين.";

/// An article page followed by a grid of "more stories": each teaser has a linked title and a
/// one-sentence description; together they hold about half as much text as the article.
fn article_with_teaser_grid(declared: &str) -> String {
    let mut s = format!(
        "<html><head><meta property=og:type content={declared}></head><body>\
         <div class=page><div class=a1><div class=a2><div class=a3>\
         <div class=story-text><h1>عنوان الخبر</h1>"
    );
    for i in 0..10 {
        s.push_str(&format!("<p>{i} {PARA}</p>"));
    }
    s.push_str("</div></div></div></div><div class=grid>");
    for i in 0..10 {
        s.push_str(&format!(
            "<div class=cell><div class=card><h2><a href=/s/{i}>خبر آخر {i}</a></h2>\
             <div class=desc><p>{i} {TEASER}</p></div></div></div>"
        ));
    }
    s.push_str("</div></div></body></html>");
    s
}

#[test]
fn article_page_drops_teaser_grid() {
    let a = run(&article_with_teaser_grid("article"));
    assert!(body_has(&a, "0 دعا وزير"), "{:?}", a.body);
    assert!(body_has(&a, "9 دعا وزير"), "{:?}", a.body);
    assert!(!body_has(&a, "قال مسؤولون"), "teasers kept: {:?}", a.body);
    assert!(chrome_has(&a, "قال مسؤولون"), "teasers not in chrome");
}

#[test]
fn undeclared_page_keeps_the_broad_selection() {
    // Without an article declaration the page may be a listing: the grid is not cut away.
    let a = run(&article_with_teaser_grid("website"));
    assert!(body_has(&a, "0 دعا وزير"), "{:?}", a.body);
    assert!(body_has(&a, "قال مسؤولون"), "{:?}", a.body);
}

#[test]
fn modal_layer_is_not_content() {
    // A dialog layer holding a content-looking section ("body") is still an interface layer.
    let mut s = String::from("<html><body><div class=article-text>");
    for i in 0..3 {
        s.push_str(&format!("<p>{i} {PARA}</p>"));
    }
    s.push_str("</div><div class=\"modal-window rules\"><section class=body>");
    for i in 0..3 {
        s.push_str(&format!(
            "<p>{i} يلتزم المستخدمون بالقوانين الوطنية والدولية، ويحق للإدارة حذف التعليقات المخالفة \
             للقواعد المنشورة في هذه الصفحة دون إشعار مسبق.</p>"
        ));
    }
    s.push_str("</section></div></body></html>");
    let a = run(&s);
    assert!(body_has(&a, "دعا وزير"), "{:?}", a.body);
    assert!(
        !body_has(&a, "يلتزم المستخدمون"),
        "modal kept: {:?}",
        a.body
    );
    assert!(chrome_has(&a, "يلتزم المستخدمون"));
}

#[test]
fn page_with_nothing_but_chrome_keeps_its_visible_text() {
    // A script-built shop page: every block sits under a boilerplate hint or is a link.
    let page = "<html><body><div class=site-menu><ul>\
        <li><a href=/a>قهوة داكنة 19.99</a></li><li><a href=/b>قهوة بالبندق 15.99</a></li>\
        <li><a href=/c>قهوة بالفانيليا 12.99</a></li></ul></div>\
        <div hidden>نص مخفي</div>";
    let mut page = page.to_string();
    for i in 0..12 {
        page.push_str(&format!(
            "<div class=ads-banner>{i} اشترك ووفر أربعين في المئة على كل طلب من القهوة</div>"
        ));
    }
    page.push_str("</body></html>");
    let a = run(&page);
    assert!(body_has(&a, "قهوة داكنة"), "{:?}", a.body);
    assert!(body_has(&a, "اشترك ووفر"), "{:?}", a.body);
    assert!(!body_has(&a, "نص مخفي"));
    assert!(chrome_has(&a, "نص مخفي"));
}

#[test]
fn short_main_is_trusted() {
    // The page marks its content with <main>; a menu beside it is not pulled in.
    let page = "<html><body><div class=site-menu><ul>\
        <li><a href=/a>المنصة</a></li><li><a href=/b>الأسعار</a></li><li><a href=/c>التوثيق</a></li>\
        <li><a href=/d>المجتمع</a></li><li><a href=/e>المدونة</a></li></ul></div>\
        <main><h2>منصة جديدة</h2><p>طوّر واختبر ووزّع واجهاتك البرمجية، على نطاق المؤسسات.</p></main>\
        </body></html>";
    let a = run(page);
    assert!(body_has(&a, "طوّر واختبر"), "{:?}", a.body);
    assert!(!body_has(&a, "الأسعار"), "{:?}", a.body);
}

#[test]
fn product_page_takes_its_main_element() {
    // A product page (no article declaration): the description is the only running text, the
    // specifications and the reviews are short lines in other sections of <main>; they belong
    // to the content too.
    let mut page = String::from(
        "<html><head><meta property=og:type content=product></head><body>\
         <div class=top-menu><a href=/a>المتجر</a> <a href=/b>السلة</a></div><main>\
         <section class=desc><h1>مصباح مكتبي</h1>",
    );
    for i in 0..3 {
        page.push_str(&format!(
            "<p>{i} مصباح مكتبي بذراع قابلة للطي وإضاءة دافئة، يناسب القراءة الطويلة ولا يجهد العين.</p>"
        ));
    }
    page.push_str("</section><section class=specs><h2>المواصفات</h2><ul>");
    for i in 0..16 {
        page.push_str(&format!("<li>الوزن {i} كغ</li>"));
    }
    page.push_str("</ul></section><section class=reviews><h2>آراء المشترين</h2>");
    for i in 0..8 {
        page.push_str(&format!("<div>{i} إضاءة ممتازة وتركيب سهل</div>"));
    }
    page.push_str("</section></main></body></html>");
    let a = run(&page);
    assert!(body_has(&a, "0 مصباح مكتبي"), "{:?}", a.body);
    assert!(body_has(&a, "الوزن 12"), "{:?}", a.body);
    assert!(body_has(&a, "إضاءة ممتازة"), "{:?}", a.body);
    assert!(!body_has(&a, "السلة"), "{:?}", a.body);
}

#[test]
fn boilerplate_word_on_the_wrapper_of_main_content_is_ignored() {
    // "search-page-wrapper" holds the whole product grid inside <main>; a big menu elsewhere
    // keeps it under the page-wide wrapper share.
    let mut page = String::from("<html><body><nav><ul>");
    for i in 0..60 {
        page.push_str(&format!("<li><a href=/c/{i}>قسم المنتجات رقم {i}</a></li>"));
    }
    page.push_str("</ul></nav><div role=main><h1>قوارير الماء</h1><div id=search-page-wrapper>");
    for i in 0..8 {
        page.push_str(&format!(
            "<div class=tile><p>{i} قارورة ماء معزولة سعة لتر، تحفظ البرودة يوما كاملا، مصنوعة من الفولاذ.</p>\
             <span>السعر 30 دولارا</span></div>"
        ));
    }
    page.push_str("</div></div></body></html>");
    let a = run(&page);
    assert!(body_has(&a, "0 قارورة ماء"), "{:?}", a.body);
    assert!(body_has(&a, "7 قارورة ماء"), "{:?}", a.body);
    assert!(!body_has(&a, "قسم المنتجات"), "{:?}", a.body);
}

#[test]
fn streamed_page_in_hidden_segments_is_read() {
    // Streamed server rendering: the whole page arrives in a hidden segment a script moves
    // into place; a reader sees it.
    let mut page = String::from(
        "<html><body><div hidden></div><script>requestAnimationFrame(function(){})</script>\
         <div hidden id=S:0><article>",
    );
    for i in 0..3 {
        page.push_str(&format!("<p>{i} {PARA}</p>"));
    }
    page.push_str("</article></div></body></html>");
    let a = run(&page);
    assert!(body_has(&a, "2 دعا وزير"), "{:?}", a.body);
    // One small hidden element beside visible text stays hidden.
    let a = run(&format!(
        "<html><body><article><p>{PARA}</p><p hidden>نص مخفي</p></article></body></html>"
    ));
    assert!(!body_has(&a, "نص مخفي"));
}

#[test]
fn repeated_paragraph_is_kept_once() {
    let page = format!(
        "<html><body><article><div class=teaser><p>{PARA}</p></div><div class=full>\
         <p>{PARA}</p><p>{TEASER} وأضاف المتحدث أن الاجتماع المقبل سيعقد في موعده المحدد.</p>\
         </div></article></body></html>"
    );
    let a = run(&page);
    assert_eq!(
        a.body.iter().filter(|b| b.text == PARA).count(),
        1,
        "{:?}",
        a.body
    );
    assert!(
        a.chrome
            .iter()
            .any(|d| d.text == PARA && d.reason == marsad_model::Reason::Duplicate)
    );
    // Repeats among siblings (the same meal on two days of a plan) are content.
    let page = format!(
        "<html><body><article><p>{PARA}</p><p>{TEASER}</p><p>{PARA}</p></article></body></html>"
    );
    let a = run(&page);
    assert_eq!(
        a.body.iter().filter(|b| b.text == PARA).count(),
        2,
        "{:?}",
        a.body
    );
}

#[test]
fn caption_outside_a_figure_element_leaves_the_body() {
    let page = format!(
        "<html><body><article><p>{PARA}</p><div class=image><img src=/a.jpg alt=صورة>\
         <figcaption>وزير الخارجية في موسكو</figcaption></div><p>{PARA} ثانية</p>\
         </article></body></html>"
    );
    let a = run(&page);
    assert!(!body_has(&a, "في موسكو"), "{:?}", a.body);
    let f = a.figures.first().expect("a figure");
    assert_eq!(f.src.text, "/a.jpg");
    assert_eq!(
        f.caption.as_ref().map(|c| c.text.as_str()),
        Some("وزير الخارجية في موسكو")
    );
}

#[test]
fn nested_article_items_are_related_not_body() {
    // HTML's own meaning: on an article page an <article> inside an <article> is a comment or
    // a related item (here the article is declared in microdata).
    let mut page = String::from(
        "<html><body><article class=post itemscope itemtype=https://schema.org/NewsArticle>",
    );
    for i in 0..4 {
        page.push_str(&format!("<p>{i} {PARA}</p>"));
    }
    page.push_str(&format!(
        "<article class=teaser><h3><a href=/x>خبر آخر</a></h3><p>{TEASER}</p></article>\
         </article></body></html>"
    ));
    let a = run(&page);
    assert!(body_has(&a, "3 دعا وزير"), "{:?}", a.body);
    assert!(!body_has(&a, "قال مسؤولون"), "{:?}", a.body);
    assert!(
        a.chrome
            .iter()
            .any(|d| d.text.contains("قال مسؤولون") && d.reason == marsad_model::Reason::Related)
    );
}

/// A page whose `<article>` holds one long text and nested `<article>` items.
fn article_with_nested_items(declared: &str) -> String {
    let mut s = format!(
        "<html><head><meta property=og:type content={declared}></head><body><main>\
         <article><h1>عنوان الصفحة</h1>"
    );
    for i in 0..6 {
        s.push_str(&format!("<p>{i} {PARA}</p>"));
    }
    for i in 0..3 {
        s.push_str(&format!("<article><p>{i} {TEASER}</p></article>"));
    }
    s.push_str("</article></main></body></html>");
    s
}

#[test]
fn nested_articles_are_teasers_only_on_a_declared_article() {
    let a = run(&article_with_nested_items("article"));
    assert!(body_has(&a, "0 دعا وزير"), "{:?}", a.body);
    assert!(
        !body_has(&a, "قال مسؤولون"),
        "nested items kept: {:?}",
        a.body
    );
    // A landing page's nested `<article>` cards are its content.
    let a = run(&article_with_nested_items("website"));
    assert!(body_has(&a, "0 دعا وزير"), "{:?}", a.body);
    assert!(body_has(&a, "2 قال مسؤولون"), "cards dropped: {:?}", a.body);
}

/// A listing: cards with a linked title and a one-sentence description.
fn listing(declared: &str) -> String {
    let mut s = format!(
        "<html><head><meta property=og:type content={declared}></head><body><main><div class=list>"
    );
    for i in 0..8 {
        s.push_str(&format!(
            "<div class=card><h2><a href=/s/{i}>عنوان البطاقة رقم {i}</a></h2><p>{i} {TEASER}</p></div>"
        ));
    }
    s.push_str("</div></main></body></html>");
    s
}

#[test]
fn linked_card_titles_are_content_on_an_undeclared_page() {
    let a = run(&listing("website"));
    assert!(body_has(&a, "عنوان البطاقة رقم 3"), "{:?}", a.body);
    assert!(body_has(&a, "3 قال مسؤولون"), "{:?}", a.body);
}

/// A listing page whose items are linked list entries (talks, commits, products): the names as
/// long as a sentence are content, the short linked entries (a menu inside the main element)
/// are not.
#[test]
fn long_linked_items_are_content_on_an_undeclared_page() {
    let mut s = String::from(
        "<html><head><meta property=og:type content=website></head><body><main>\
         <ul class=tabs><li><a href=/a>الأحدث</a></li><li><a href=/b>الأكثر</a></li></ul>",
    );
    s.push_str(&format!("<p>{PARA}</p><ul>"));
    for i in 0..6 {
        s.push_str(&format!(
            "<li><a href=/t/{i}>محاضرة رقم {i} عن تاريخ الخط العربي في المخطوطات</a></li>"
        ));
    }
    s.push_str("</ul></main></body></html>");
    let a = run(&s);
    assert!(body_has(&a, "محاضرة رقم 4"), "{:?}", a.body);
    assert!(!body_has(&a, "الأكثر"), "{:?}", a.body);
    assert!(chrome_has(&a, "الأكثر"), "{:?}", a.chrome);
}

/// A page streamed by server rendering: its visible part is the site's chrome, the article
/// arrives in `<div hidden id="S:…">` segments that the page's scripts move into place.
#[test]
fn streamed_segments_are_read_beside_visible_chrome() {
    let mut s = String::from("<html><body><header><p>");
    for i in 0..40 {
        s.push_str(&format!("قسم {i} من أقسام الموقع، "));
    }
    s.push_str("</p></header><template id=\"B:1\"></template><div hidden id=\"S:1\"><article>");
    for i in 0..4 {
        s.push_str(&format!("<p>{i} {PARA}</p>"));
    }
    s.push_str("</article></div><div hidden id=menu><p>قائمة مخفية</p></div></body></html>");
    let a = run(&s);
    assert!(body_has(&a, "3 دعا وزير"), "{:?}", a.body);
    assert!(!body_has(&a, "قائمة مخفية"), "{:?}", a.body);
}

#[test]
fn an_aside_holding_the_article_is_no_sidebar() {
    // The story set in an `<aside>` inside `<main>`, a sidebar `<aside>` of links beside it.
    let mut page = String::from("<html><body><nav><ul>");
    for i in 0..20 {
        page.push_str(&format!("<li><a href=/c/{i}>قسم {i}</a></li>"));
    }
    page.push_str("</ul></nav><main><aside class=pa><h1>عنوان الخبر</h1>");
    for i in 0..4 {
        page.push_str(&format!("<p>{i} {PARA} {TEASER}</p>"));
    }
    page.push_str("</aside><aside class=more><ul>");
    for i in 0..3 {
        page.push_str(&format!("<li><a href=/n/{i}>خبر آخر رقم {i}</a></li>"));
    }
    page.push_str("</ul></aside></main></body></html>");
    let a = run(&page);
    assert!(body_has(&a, "0 دعا وزير"), "{:?}", a.body);
    assert!(body_has(&a, "3 دعا وزير"), "{:?}", a.body);
    assert!(!body_has(&a, "خبر آخر"), "{:?}", a.body);
    // On a page with no h1, the story's h2 is its headline.
    let a = run(&page.replace("<h1>عنوان الخبر</h1>", "<h2>عنوان الخبر</h2>"));
    assert!(body_has(&a, "3 دعا وزير"), "{:?}", a.body);
    // A sidebar about the site holding most of a short page's text is still a sidebar.
    let a = run(&format!(
        "<html><body><div class=main><p>خبر قصير.</p><p>سطر آخر.</p></div>\
         <aside><h3>عن الصحيفة</h3><p>{PARA} {TEASER}</p></aside></body></html>"
    ));
    assert!(!body_has(&a, "عن الصحيفة"), "{:?}", a.body);
    // An aside of links holding most of the text is still a sidebar.
    let mut page = String::from("<html><body><main><p>فقرة قصيرة.</p><aside class=more><ul>");
    for i in 0..12 {
        page.push_str(&format!(
            "<li><a href=/n/{i}>خبر آخر رقم {i} في القسم</a></li>"
        ));
    }
    page.push_str("</ul></aside></main></body></html>");
    let a = run(&page);
    assert!(!body_has(&a, "خبر آخر"), "{:?}", a.body);
}

#[test]
fn a_form_to_fill_in_is_an_interface() {
    // A comment form after the story: its labels are no text of the article.
    let mut page = String::from("<html><body><div class=news><h1>عنوان الخبر</h1>");
    for i in 0..4 {
        page.push_str(&format!("<p>{i} {PARA}</p>"));
    }
    page.push_str(
        "<div class=titlebar>أضف تعليقا</div><form action=/c method=post><table>\
         <tr><td>الاسم*</td><td><input type=text name=n></td></tr>\
         <tr><td>التعليق*</td><td><textarea name=c></textarea></td></tr>\
         <tr><td></td><td><input type=submit value=إرسال></td></tr>\
         <tr><td></td><td><strong>* حقول مطلوبة</strong></td></tr></table></form></div></body></html>",
    );
    let a = run(&page);
    assert!(body_has(&a, "3 دعا وزير"), "{:?}", a.body);
    assert!(!body_has(&a, "الاسم"), "{:?}", a.body);
    assert!(!body_has(&a, "حقول مطلوبة"), "{:?}", a.body);
    assert!(
        a.chrome
            .iter()
            .any(|d| d.text == "الاسم*" && d.reason == marsad_model::Reason::Ui),
        "{:?}",
        a.chrome
    );
    // A whole page in one form (ASP.NET) keeps its story.
    let mut page =
        String::from("<html><body><form id=form1><input type=text name=q><h1>عنوان الخبر</h1>");
    for i in 0..4 {
        page.push_str(&format!("<p>{i} {PARA}</p>"));
    }
    page.push_str("</form></body></html>");
    let a = run(&page);
    assert!(body_has(&a, "0 دعا وزير"), "{:?}", a.body);
    assert!(body_has(&a, "3 دعا وزير"), "{:?}", a.body);
}

#[test]
fn a_short_post_keeps_its_comments_out_when_a_comment_count_heads_them() {
    // A two-line post, then its discussion under "3 تعليقات": the comments are the post's,
    // not the page's content, however short the post is.
    let comments = |head: &str| {
        let mut s = String::from(
            "<html><body><div class=post><h1>صورة من الشارع</h1>\
             <p>رأيت اليوم سلة معلقة بحبل من الطابق الرابع، ووضعت فيها عشرين سنتا.</p></div>",
        );
        s.push_str(head);
        s.push_str("<ol class=commentlist>");
        for i in 0..3 {
            s.push_str(&format!(
                "<li class=comment><cite>قارئ {i}</cite><p>{i} {TEASER} {TEASER}</p></li>"
            ));
        }
        s.push_str("</ol></body></html>");
        s
    };
    for head in [
        "<h3 id=comments>3 تعليقات</h3>",
        "<h3>3 تعليقات</h3>",
        "<section id=comments><header><h3>3 تعليقات</h3></header>",
    ] {
        let a = run(&comments(head));
        assert!(body_has(&a, "سلة معلقة"), "{:?}", a.body);
        assert!(!body_has(&a, "المحادثات ستستأنف"), "{head}: {:?}", a.body);
        assert!(!body_has(&a, "3 تعليقات"), "{head}: {:?}", a.body);
    }
    // A heading that ends an article without opening its discussion ("Share this") leaves
    // the comments to be what the page is made of.
    let a = run(&comments("<div class=sharebox><h3>Share this</h3></div>"));
    assert!(body_has(&a, "المحادثات ستستأنف"), "{:?}", a.body);
    // Without such a heading the comments may be what the page is made of (a forum).
    let a = run(&comments(""));
    assert!(body_has(&a, "المحادثات ستستأنف"), "{:?}", a.body);
}

#[test]
fn a_comments_heading_inside_the_story_ends_its_body() {
    // One unmarked wrapper holds an article's story, then its comments under "3 تعليقات" or
    // "Comments (2)": what follows the heading is not the story.
    let page = |head: &str| {
        let mut s = story_head("div", 4);
        s.push_str(head);
        for i in 0..2 {
            s.push_str(&format!("<p>{i} {TEASER}</p>"));
        }
        s.push_str("</div></body></html>");
        s
    };
    let reason = |a: &Article, start: &str| {
        a.chrome
            .iter()
            .find(|d| d.text.starts_with(start))
            .map(|d| d.reason)
    };
    let a = run(&page("<h3>3 تعليقات</h3>"));
    assert!(body_has(&a, "3 دعا وزير"), "{:?}", a.body);
    assert!(!body_has(&a, "المحادثات ستستأنف"), "{:?}", a.body);
    assert_eq!(reason(&a, "0 قال مسؤولون"), Some(Reason::Comments));
    let a = run(&page("<h2>Comments (2)</h2>"));
    assert_eq!(reason(&a, "Comments (2)"), Some(Reason::Comments));
    assert_eq!(reason(&a, "1 قال مسؤولون"), Some(Reason::Comments));
    // Without the heading, or with one before most of the story, the body goes on.
    let a = run(&page("<h3>أخبار اليوم</h3>"));
    assert!(body_has(&a, "المحادثات ستستأنف"), "{:?}", a.body);
    // A heading naming no count, a numbered section, a numbered comment or a year may head a
    // part of the story.
    for head in [
        "<h2>Reacties</h2>",
        "<h2>3. Comments</h2>",
        "<h2>Comment 1</h2>",
        "<h2>Kommentare (2024)</h2>",
    ] {
        let a = run(&page(head));
        assert!(body_has(&a, "المحادثات ستستأنف"), "{head}: {:?}", a.body);
    }
    // A declared discussion thread's replies are its content; a page declaring no article
    // (a blog's index, a post's comment count under each excerpt) is not cut either.
    let thread = page("<h3>3 تعليقات</h3>").replace(
        "<meta property=og:type content=article>",
        "<script type=application/ld+json>{\"@type\":\"DiscussionForumPosting\"}</script>",
    );
    let a = run(&thread);
    assert!(body_has(&a, "المحادثات ستستأنف"), "{:?}", a.body);
    let listing = page("<h3>3 تعليقات</h3>").replace("<meta property=og:type content=article>", "");
    let a = run(&thread);
    assert!(body_has(&a, "المحادثات ستستأنف"), "{:?}", a.body);
    let a = run(&listing);
    assert!(body_has(&a, "المحادثات ستستأنف"), "{:?}", a.body);
    let mut early = String::from(
        "<html><head><meta property=og:type content=article></head><body><div>\
         <h1>عنوان الخبر</h1>",
    );
    for i in 0..9 {
        if i == 4 {
            early.push_str("<h3>12 Comments</h3>");
        }
        early.push_str(&format!("<p>{i} {PARA}</p>"));
    }
    early.push_str("</div></body></html>");
    let a = run(&early);
    assert!(body_has(&a, "8 دعا وزير"), "{:?}", a.body);
}

#[test]
fn a_summary_closed_by_a_read_more_link_is_a_teaser() {
    let teaser_page = |head: &str, href: &str| {
        let mut s = story_head("article", 4);
        s.push_str(&format!(
            "<div class=snippet><h3><a href={head}>Heiß im Urlaub</a></h3><div>Sommerzeit ist \
             Urlaubszeit, das lässt sich niemand zweimal sagen. Wir haben die schönsten Strände, \
             die besten Hotels und die ruhigsten Buchten für euch gesammelt. Seht selbst! \
             <a href={href}>Weiterlesen</a></div></div>"
        ));
        s.push_str("<p>9 ");
        s.push_str(PARA);
        s.push_str("</p></article></body></html>");
        s
    };
    let page = |href: &str| teaser_page("/other", href);
    let a = run(&page("/other"));
    assert!(!body_has(&a, "Sommerzeit"), "{:?}", a.body);
    assert!(body_has(&a, "9 دعا وزير"), "{:?}", a.body);
    assert!(
        a.chrome
            .iter()
            .any(|d| d.text.starts_with("Sommerzeit") && d.reason == Reason::Related)
    );
    // Its headline is the teaser's link.
    assert!(!body_has(&a, "Heiß im Urlaub"), "{:?}", a.body);
    assert!(
        a.related
            .iter()
            .any(|l| l.title.text == "Heiß im Urlaub" && l.url.as_deref() == Some("/other")),
        "{:?}",
        a.related
    );
    // German teasers close on a bare "mehr" (more); alone, the word is text (an answer).
    let a = run(&page("/other").replace(">Weiterlesen<", ">mehr<"));
    assert!(!body_has(&a, "Sommerzeit"), "{:?}", a.body);
    let a = run(&page("/other").replace("<p>9 ", "<p>Mehr.</p><p>9 "));
    assert!(a.body.iter().any(|b| b.text == "Mehr."), "{:?}", a.body);
    // A link alone that says it is a widget's button.
    let widget = format!(
        "<html><body><article><h1>عنوان الخبر</h1><p>1 {PARA}</p><p>2 {PARA}</p>\
         <a href=/feeds>Mehr</a><p>3 {PARA}</p></article></body></html>"
    );
    let a = run(&widget);
    assert!(!a.body.iter().any(|b| b.text == "Mehr"), "{:?}", a.body);
    assert!(
        a.chrome
            .iter()
            .any(|d| d.text == "Mehr" && d.reason == Reason::Ui)
    );
    // A "read more" to another page than the headline's, or that unfolds this one, closes
    // the story's own paragraph (a link to its source).
    let a = run(&page("#more"));
    assert!(body_has(&a, "Sommerzeit"), "{:?}", a.body);
    assert!(body_has(&a, "Heiß im Urlaub"), "{:?}", a.body);
    let a = run(&page("https://www.hrw.org/report"));
    assert!(body_has(&a, "Sommerzeit"), "{:?}", a.body);
    // A headline and a read-more that both unfold the page (a collapsible answer) or both
    // lead to the page itself lead nowhere else.
    let a = run(&teaser_page("#", "#"));
    assert!(body_has(&a, "Sommerzeit"), "{:?}", a.body);
    let at = |html: String| run_at("https://site.test/story", &html);
    let a = at(teaser_page("https://site.test/story", "/story"));
    assert!(body_has(&a, "Sommerzeit"), "{:?}", a.body);
    // The same page written absolute once and relative once is the same page.
    let a = at(teaser_page("https://site.test/other", "/other"));
    assert!(!body_has(&a, "Sommerzeit"), "{:?}", a.body);
}

#[test]
fn a_list_of_links_to_other_sites_in_a_story_is_content() {
    // A deals post lists the products it recommends, each a link to a shop: the story's
    // content. Links to the site's own pages, or a share button carrying the page's address,
    // are not.
    let page = |items: &[(&str, &str)]| {
        let mut s = story_head("article", 3);
        s.push_str("<ul>");
        for (href, text) in items {
            s.push_str(&format!("<li><a href=\"{href}\">{text}</a></li>"));
        }
        s.push_str("</ul></article></body></html>");
        s
    };
    let deals = |html: String| run_at("https://www.example.de/deals/heute", &html);
    let a = deals(page(&[
        (
            "https://shop.test/p/1",
            "Sandisk Ultra Flash-Laufwerk mit 32 Gigabyte",
        ),
        (
            "//other.test/p/2",
            "Niedlicher Roboter-Spielkamerad: Anki Cozmo",
        ),
    ]));
    assert!(body_has(&a, "Sandisk Ultra"), "{:?}", a.body);
    assert!(body_has(&a, "Anki Cozmo"), "{:?}", a.body);
    let a = deals(page(&[
        (
            "https://blog.example.de/a",
            "Die besten Angebote der letzten Woche",
        ),
        (
            "https://www.example.co.uk/b",
            "Noch mehr Angebote aus dem Archiv hier",
        ),
        (
            "https://share.test/submit?url=https%3A%2F%2Fwww.example.de%2Fdeals",
            "Diesen Artikel jetzt auf Reddit teilen",
        ),
        ("https://www.facebook.com/example", "Like us on Facebook"),
        (
            "https://apps.apple.com/app/id1",
            "Get our app on the App Store",
        ),
    ]));
    assert!(!body_has(&a, "Facebook"), "{:?}", a.body);
    assert!(!body_has(&a, "App Store"), "{:?}", a.body);
    assert!(!body_has(&a, "Angebote"), "{:?}", a.body);
    assert!(!body_has(&a, "Reddit"), "{:?}", a.body);
    // A link whose query merely names a host ending like the page's is no share button.
    let a = deals(page(&[(
        "https://shop.test/p/3?utm_source=myexample.de",
        "Ein Kopfhörer mit Geräuschunterdrückung im Test",
    )]));
    assert!(body_has(&a, "Kopfhörer"), "{:?}", a.body);
    // The page's address in capitals, on its mobile host: a share button all the same.
    let on = |url: &str, html: String| run_at(url, &html);
    let share = [(
        "https://share.test/submit?url=https%3A%2F%2Fwww.example.de%2Fdeals",
        "Diesen Artikel jetzt auf Reddit teilen",
    )];
    let a = on("https://M.Example.DE/deals/heute", page(&share));
    assert!(!body_has(&a, "Reddit"), "{:?}", a.body);
    // Sites sharing a common word ("the-", "blog.") are other sites.
    let a = on(
        "https://blog.the-local.test/story",
        page(&[(
            "https://blog.the-atlantic.test/x",
            "How browsers keep your passwords safe",
        )]),
    );
    assert!(body_has(&a, "passwords safe"), "{:?}", a.body);
    // A list in an aside of the story is a teaser box, not the story's list.
    let boxed = page(&[(
        "https://other.test/story/2",
        "Minister receives the UN envoy in the capital",
    )])
    .replace("<ul>", "<aside><ul>")
    .replace("</ul>", "</ul></aside>");
    let a = deals(boxed);
    assert!(!body_has(&a, "UN envoy"), "{:?}", a.body);
}

#[test]
fn links_to_the_next_and_previous_post_are_navigation() {
    let mut page = String::from("<html><body><div class=post><h1>عنوان الخبر</h1>");
    for i in 0..3 {
        page.push_str(&format!("<p>{i} {PARA}</p>"));
    }
    page.push_str(
        "<div class=prev><a rel=prev href=/p/1>&larr; Der erste Stammtisch steht fest</a></div>\
         <div class=next><a rel=next href=/p/3>Steuerdarling: die Partei als Ehestifter &rarr;</a></div>\
         <div class=also><a href=/p/4>Steuerdarling und andere Geschichten aus dem Rathaus</a></div>\
         </div></body></html>",
    );
    let a = run(&page);
    assert!(!body_has(&a, "Stammtisch"), "{:?}", a.body);
    assert!(!body_has(&a, "Ehestifter"), "{:?}", a.body);
    assert!(
        a.chrome
            .iter()
            .any(|d| d.text.contains("Ehestifter") && d.reason == Reason::Nav)
    );
}

#[test]
fn a_line_of_tag_links_is_metadata() {
    let mut page = String::from("<html><body><article><h1>عنوان الخبر</h1>");
    for i in 0..3 {
        page.push_str(&format!("<p>{i} {PARA}</p>"));
    }
    page.push_str(
        "<p>الوسوم: <a rel=tag href=/t/1>إدلب</a>، <a rel=tag href=/t/2>روسيا</a></p>\
         <h2>التصنيف: <a rel=\"category tag\" href=/c/1>سياسة</a></h2>\
         <p>الأقسام: <a href=/s/1>أخبار</a>، <a href=/s/2>عالم</a></p></article></body></html>",
    );
    let a = run(&page);
    let reason = |start: &str| {
        a.chrome
            .iter()
            .find(|d| d.text.starts_with(start))
            .map(|d| d.reason)
    };
    assert_eq!(
        reason("الوسوم"),
        Some(marsad_model::Reason::Metadata),
        "{:?}",
        a.chrome
    );
    assert_eq!(
        reason("التصنيف"),
        Some(marsad_model::Reason::Metadata),
        "{:?}",
        a.chrome
    );
    assert!(!body_has(&a, "التصنيف"), "{:?}", a.body);
    // Many tags, each with its separator.
    let many: Vec<String> = (0..30)
        .map(|i| format!("<a rel=tag href=/t/{i}>وسم{i}</a>"))
        .collect();
    let b = run(&page.replace(
        "<a rel=tag href=/t/1>إدلب</a>، <a rel=tag href=/t/2>روسيا</a>",
        &many.join("، "),
    ));
    assert!(!body_has(&b, "وسم29"), "{:?}", b.body);
    // Links of another kind make no tag line.
    assert_ne!(
        reason("الأقسام"),
        Some(marsad_model::Reason::Metadata),
        "{:?}",
        a.chrome
    );
}

#[test]
fn a_bar_of_interface_links_under_a_post_is_chrome() {
    let page =
        |bar: &str| story_head("article", 4) + &format!("<p>{bar}</p></article></body></html>");
    let a = run(&page(
        "<a href=/feed>Kommentarfeed</a> | Kommentare geschlossen | <a href=/tb>Trackback-URL</a>",
    ));
    assert!(!body_has(&a, "Kommentarfeed"), "{:?}", a.body);
    assert!(
        a.chrome
            .iter()
            .any(|d| d.text.starts_with("Kommentarfeed") && d.reason == Reason::Ui),
        "{:?}",
        a.chrome
    );
    // A line of names that are also a story's words ("Meta owns three apps:") is content, and
    // so is a bar with no link.
    for bar in [
        "Facebook · Instagram · WhatsApp",
        "A+ | A | A-",
        "Live · Video",
        "Kommentarfeed | Kommentare geschlossen",
    ] {
        let a = run(&page(bar));
        assert!(a.body.len() == 5, "{bar}: {:?}", a.body);
    }
    // One item of other words makes it a line of the post.
    let a = run(&page(
        "Kommentare geschlossen | Die Wahl in Hessen im Rückblick",
    ));
    assert!(body_has(&a, "Die Wahl in Hessen"), "{:?}", a.body);
}

#[test]
fn an_unexpanded_shortcode_is_markup_not_text() {
    let page = story_head("article", 4)
        + "<p>[button link=\"/submit-review/\" type=\"big\"] Send us YOUR review[/button]</p>\
           <p>[shareaholic app=\"share_buttons\" id=\"20872686\"]</p></article></body></html>";
    let a = run(&page);
    assert_eq!(a.body.len(), 4, "{:?}", a.body);
    for tag in ["[button", "[shareaholic"] {
        assert!(
            a.chrome
                .iter()
                .any(|d| d.text.starts_with(tag) && d.reason == Reason::Boilerplate),
            "{tag}: {:?}",
            a.chrome
        );
    }
    // Code, a note and a quote set in brackets are the story's words.
    let page = story_head("article", 4)
        + "<pre><code>[n for n in range(10) if n % 2 == 0]</code></pre>\
           <p>[update 3pm: turnout = 61%]</p>\
           <p>[quote author=\"Guido\"]Readability counts, and so does brevity[/quote]</p>\
           </article></body></html>";
    let a = run(&page);
    for kept in ["[n for n", "[update 3pm", "Readability counts"] {
        assert!(body_has(&a, kept), "{kept}: {:?}", a.chrome);
    }
}

#[test]
fn a_sentence_closing_on_a_long_link_is_prose() {
    // One sentence whose second half links to an earlier story is the story's, however much
    // of it the link covers.
    let page = story_head("article", 4)
        + "<p>The Swedish investigation had been shelved in 2017 but was <a href=/s/1>re-opened \
           earlier this year following his eviction from the embassy</a>.</p>\
           <p>وقال المتحدث إن التحقيق <a href=/s/2>أعيد فتحه هذا العام بعد طرده من السفارة في لندن</a>.</p>\
           </article></body></html>";
    let a = run(&page);
    assert!(body_has(&a, "The Swedish investigation"), "{:?}", a.chrome);
    assert!(body_has(&a, "وقال المتحدث"), "{:?}", a.chrome);
    // A line that is all link, a headline (no sentence end) and a teaser card (a linked
    // headline, then its blurb) are no such sentence.
    let page = story_head("article", 4)
        + "<p><a href=/s/1>Sweden drops the investigation it had shelved in 2017 and re-opened</a>.</p>\
           <p>Sweden's prosecutors say <a href=/s/2>they drop the investigation shelved in 2017 and re-opened</a></p>\
           <p><a href=/s/3>Sweden reopens the Assange rape investigation</a> The case was shelved in 2017.</p>\
           </article></body></html>";
    let a = run(&page);
    assert!(!body_has(&a, "Sweden"), "{:?}", a.body);
}
