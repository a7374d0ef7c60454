//! Related teasers: "اقرأ أيضاً: …" lines, the headlines under a bare "اقرأ أيضاً:" label, and
//! bare headlines of other stories standing between paragraphs of the body.

use std::sync::LazyLock;

use marsad_model::{Article, Reason};

use super::classify::Class;
use super::lines::{Line, LineKind};
use super::{Role, teaser_link};

/// Labels of site-wide popularity boxes (data: `data/text_widget_labels.tsv`), folded.
static WIDGET_LABELS: LazyLock<super::FoldedSet> = LazyLock::new(|| {
    super::FoldedSet::new(super::folded_list(include_str!(
        "../../data/text_widget_labels.tsv"
    )))
});

/// True when `line` is the label of a popularity box ("الأكثر قراءة", "Most read").
pub(crate) fn is_widget_label(line: &str) -> bool {
    let t = line.trim().trim_end_matches([':', '：', '.', '…']);
    WIDGET_LABELS.contains(t.trim())
}

/// Fewest words of a bare headline.
pub(crate) const MIN_HEADLINE_WORDS: u32 = 4;

/// Most words of a bare headline or of a headline under a label.
const MAX_HEADLINE_WORDS: u32 = 16;

/// How many headlines a bare label line may introduce.
const MAX_UNDER_LABEL: usize = 6;

/// Headline shape: a few words, letters, no end punctuation (a question mark is allowed), no
/// trailing colon, not a file name.
pub(crate) fn headline_shaped(l: &Line, min_words: u32) -> bool {
    let f = &l.f;
    l.kind == LineKind::Text
        && f.words >= min_words
        && f.words <= MAX_HEADLINE_WORDS
        && f.alpha_tokens * 2 >= f.tokens
        && !f.end_colon
        && !f.file
        && (!f.end_punct || l.text.ends_with(['?', '؟']))
}

/// A body paragraph: prose that ends a sentence.
fn is_paragraph(l: &Line, role: Role) -> bool {
    role == Role::Body && l.f.end_punct
}

/// A body paragraph resuming after a teaser: one that ends a sentence, or a body line longer
/// than any headline that holds a clause break (a paragraph whose end the crawler cut, or
/// that ends on a quote); a line ending with a colon introduces a list, not a paragraph.
fn resumes_paragraph(l: &Line, role: Role) -> bool {
    is_paragraph(l, role)
        || (role == Role::Body
            && l.f.words > MAX_HEADLINE_WORDS
            && l.f.inner_punct >= 1
            && !l.f.end_colon)
}

/// Moves teaser lines to `article.related`: lines a teaser phrase opens ("اقرأ أيضاً: …"),
/// headlines under a bare teaser label, and, with `bare`, bare headlines between the
/// paragraphs of the body region `body` (lines `[start, end)`).
pub(crate) fn teasers(
    lines: &[Line],
    roles: &mut [Role],
    classes: &[Class],
    teaser_prefix: &[Option<usize>],
    body: (usize, usize),
    bare: bool,
    article: &mut Article,
) {
    let (body_start, body_end) = body;
    let n = lines.len();
    let mut links: Vec<(usize, marsad_model::Link)> = Vec::new();
    // Phrase teasers, anywhere.
    for i in 0..n {
        if let Some(rest) = teaser_prefix[i]
            && matches!(roles[i], Role::Unset | Role::Body)
            && let Some(link) = teaser_link(&lines[i], rest)
        {
            roles[i] = Role::Related;
            links.push((i, link));
        }
    }
    // Headlines under a bare label ("اقرأ أيضاً:" alone on its line); under a popularity box
    // label ("الأكثر قراءة") they are the site's widget: chrome.
    for i in 0..n {
        if roles[i] != Role::Chrome(Reason::Related) {
            continue;
        }
        let widget = is_widget_label(lines[i].text);
        let mut taken = 0;
        let mut j = i + 1;
        while j < n && taken < MAX_UNDER_LABEL {
            let l = &lines[j];
            if l.kind != LineKind::Text {
                j += 1;
                continue;
            }
            if !matches!(roles[j], Role::Unset | Role::Body) || !headline_shaped(l, 2) {
                break;
            }
            if widget {
                roles[j] = Role::Chrome(Reason::Related);
                taken += 1;
            } else if let Some(link) = teaser_link(l, 0) {
                roles[j] = Role::Related;
                links.push((j, link));
                taken += 1;
            }
            j += 1;
        }
    }
    // Bare headlines between paragraphs of the body. A body that has many of them, each alone
    // between paragraphs, is divided into sections: those are its subheadings, not teasers
    // (a run of several headlines stays a teaser block); a numbered one is always a section.
    let end = if bare { body_end.min(n) } else { body_start };
    let runs = bare_headline_runs(lines, roles, classes, body_start, end);
    let single = runs.iter().filter(|r| r.len() == 1).count();
    let sectioned = single >= MIN_SECTION_HEADINGS;
    for run in runs {
        let lone = run.len() == 1;
        if lone && (sectioned || numbered(lines[run[0]].text) || question(lines[run[0]].text)) {
            continue;
        }
        for k in run {
            if let Some(link) = teaser_link(&lines[k], 0) {
                roles[k] = Role::Related;
                links.push((k, link));
            }
        }
    }
    links.sort_by_key(|(i, _)| *i);
    article.related.extend(links.into_iter().map(|(_, l)| l));
}

/// Single bare headlines between paragraphs that make a body a sectioned text (measured: news
/// pages put up to about half a dozen single teasers between paragraphs; fewer than this kept
/// too many of them in the body).
const MIN_SECTION_HEADINGS: usize = 8;

/// True when `line` asks a question: a heading the next paragraph answers (an FAQ or a
/// how-to section), not another story's headline. Only the Latin question mark: between the
/// paragraphs of Arabic news a headline ending with '؟' is most often another story's teaser
/// (ANT teaser set: moved .913 -> .888 when it counted).
fn question(line: &str) -> bool {
    line.trim_end().ends_with('?')
}

/// True when `line` opens with a list number ("3. ", "12) ").
pub(crate) fn numbered(line: &str) -> bool {
    super::numbered::list_number(line).is_some()
}

/// The runs of headline-shaped body lines standing between paragraphs in `[start, end)`.
fn bare_headline_runs(
    lines: &[Line],
    roles: &[Role],
    classes: &[Class],
    start: usize,
    end: usize,
) -> Vec<Vec<usize>> {
    let n = lines.len();
    let mut out = Vec::new();
    let mut i = start;
    while i < end {
        if roles[i] != Role::Body || !headline_shaped(&lines[i], MIN_HEADLINE_WORDS) {
            i += 1;
            continue;
        }
        // A run of headline-shaped lines.
        let mut j = i;
        let mut run = Vec::new();
        while j < end {
            let l = &lines[j];
            if l.kind != LineKind::Text {
                j += 1;
                continue;
            }
            if roles[j] == Role::Body && headline_shaped(l, MIN_HEADLINE_WORDS) {
                run.push(j);
                j += 1;
            } else {
                break;
            }
        }
        let prev = (0..i).rev().find(|&k| lines[k].kind == LineKind::Text);
        let next = (j..n).find(|&k| lines[k].kind == LineKind::Text);
        let prev_ok = prev.is_some_and(|k| is_paragraph(&lines[k], roles[k]));
        let next_ok = match next {
            None => true,
            Some(k) => {
                resumes_paragraph(&lines[k], roles[k])
                    || roles[k] == Role::Related
                    || k >= end
                    || classes[k] == Class::Bad
            }
        };
        if prev_ok && next_ok && !run.is_empty() {
            out.push(run);
        }
        i = j.max(i + 1);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn popularity_box_labels() {
        assert!(is_widget_label("الأكثر قراءة"));
        assert!(is_widget_label("Most read:"));
        assert!(!is_widget_label("اقرأ أيضاً"));
    }

    #[test]
    fn a_question_heading_between_paragraphs_stays_in_the_body() {
        let para = "The council met on Monday and agreed, after a long debate about the cost of the new bridge, that the work would begin in the spring.";
        let page = format!(
            "{para}\n{para} Again.\nHow much will the new bridge cost the town?\n{para} Once more.\n{para} At last.\n"
        );
        let opts = crate::Options {
            input: crate::InputKind::Text,
            ..crate::Options::default()
        };
        let a = crate::extract(page.as_bytes(), &opts).unwrap().article;
        assert!(
            a.body
                .iter()
                .any(|b| b.text == "How much will the new bridge cost the town?"),
            "{:?}",
            a.body
        );
        assert!(a.related.is_empty(), "{:?}", a.related);
        // Not a question, on a page in Latin script: a subheading, still the article's.
        let heading = "Mayor opens the new library in the old town";
        let page = page.replace("How much will the new bridge cost the town?", heading);
        let a = crate::extract(page.as_bytes(), &opts).unwrap().article;
        assert!(a.body.iter().any(|b| b.text == heading), "{:?}", a.body);
        assert!(a.related.is_empty(), "{:?}", a.related);
    }

    #[test]
    fn a_bare_headline_between_arabic_paragraphs_is_a_teaser() {
        // Arabic news sites set other stories' headlines between the paragraphs, no label.
        let para = "وقال وزير المالية في مؤتمر صحفي عقده اليوم في العاصمة إن الحكومة ستبدأ العمل في المشروع الجديد مع بداية الربيع المقبل بعد نقاش طويل.";
        let headline = "افتتاح معرض الكتاب بمشاركة أربعين دولة في العاصمة";
        let page = format!("{para}\n{para} مرة أخرى.\n{headline}\n{para} ثم.\n{para} أخيرا.\n");
        let opts = crate::Options {
            input: crate::InputKind::Text,
            ..crate::Options::default()
        };
        let a = crate::extract(page.as_bytes(), &opts).unwrap().article;
        assert!(!a.body.iter().any(|b| b.text == headline), "{:?}", a.body);
        assert_eq!(a.related.len(), 1, "{:?}", a.related);
    }

    #[test]
    fn list_numbers() {
        assert!(numbered("3. Tourists Helper App"));
        assert!(numbered("12) Chat"));
        assert!(!numbered("2025 budget talks"));
        assert!(!numbered("1.5 million people"));
    }
}
