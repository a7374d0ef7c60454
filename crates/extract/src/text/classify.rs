//! The line classifier: shape first (length, stopword density, end punctuation), then context
//! (a short line between prose is prose; a line among menus is a menu), then the body region
//! (the densest run of prose).

use std::collections::HashMap;

use super::lines::{FnvBuild, Line, LineKind, is_icon_file};

/// Thresholds of the prose test for one script.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Thresholds {
    /// Stopword density above which a line reads as prose.
    pub stop_high: f32,
    /// Stopword density below which a line cannot be prose.
    pub stop_low: f32,
    /// Whether function words hide in clitics (Arabic و، ب، ل): then a long line of several
    /// clauses is prose whatever its stopword density.
    pub clitics: bool,
}

/// Latin-script (and other cased scripts) thresholds.
const LATIN: Thresholds = Thresholds {
    stop_high: 0.30,
    stop_low: 0.22,
    clitics: false,
};

/// Arabic-script thresholds: clitics (و، ب، ل) hide many function words, so densities are lower.
const ARABIC: Thresholds = Thresholds {
    stop_high: 0.12,
    stop_low: 0.06,
    clitics: true,
};

/// Lines shorter than this (characters) are "short": decided by their neighbours.
pub(crate) const SHORT_CHARS: u32 = 70;

/// Lines at least this long (characters) with prose-like density are good on their own.
pub(crate) const LONG_CHARS: u32 = 160;

/// Fewest tokens of a long clause-rich line that is near-good in a clitic script whatever its
/// stopword density.
const CLITIC_CLAUSE_TOKENS: u32 = 15;

/// What a line decided before classification (an image file name, a lone chrome phrase)
/// costs the body run.
const FIXED_LINE_COST: f64 = 8.0;

/// What a chrome phrase line next to another (a share bar, a menu) costs the body run: two of
/// them outweigh a long paragraph, so the run does not cross the frame to take in what lies
/// beyond.
const CHROME_BAR_COST: f64 = 40.0;

/// Most that one line that is not prose costs the body run (it costs its tokens up to this): a
/// long line of names, a table row or a line of code between two paragraphs is one line of
/// the article's furniture, and does not outweigh a short paragraph after it.
const MAX_LINE_COST: f64 = 10.0;

/// What a line of code ([`is_code_line`]) that is not prose costs the body run.
const CODE_LINE_COST: f64 = 0.5;

/// What a short line that reads as part of the prose around it costs the body run.
const SHORT_IN_PROSE: f64 = 0.0;

/// The class of a line, before and after context.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Class {
    /// Nothing on the line.
    Empty,
    /// Decided elsewhere (chrome phrase, file name, metadata): never body.
    Fixed,
    /// A teaser or its label: never body, but transparent to context (teasers sit between
    /// paragraphs).
    Teaser,
    /// Prose.
    Good,
    /// Probably prose.
    NearGood,
    /// Too short to tell alone.
    Short,
    /// Not prose (menus, lists of names, keyword lists).
    Bad,
}

/// Whether the page's words are in a language whose stopwords we know.
pub(crate) fn page_has_stopwords(lines: &[Line]) -> bool {
    let (mut tok, mut stop) = (0u64, 0u64);
    for l in lines {
        tok += u64::from(l.f.tokens);
        stop += u64::from(l.f.stop);
    }
    tok > 0 && stop as f64 / tok as f64 >= 0.04
}

/// Lines on each side that make the window of [`fine_print_region`].
pub(crate) const FINE_PRINT_WINDOW: usize = 6;

/// Fine-print terms per hundred tokens of a window that make it a stretch of fine print.
pub(crate) const FINE_PRINT_WINDOW_DENSITY: u32 = 4;

/// Lines inside a stretch of fine print (terms of service, privacy and cookie notices): a line
/// with a fine-print term whose window of `FINE_PRINT_WINDOW` lines on each side holds at least
/// three terms at `FINE_PRINT_WINDOW_DENSITY` per hundred tokens. Legal text runs over many
/// paragraphs, each of which alone may be too sparse in terms to tell. Linear (prefix sums).
pub(crate) fn fine_print_region(lines: &[Line]) -> Vec<bool> {
    let n = lines.len();
    let mut hits = vec![0u64; n + 1];
    let mut toks = vec![0u64; n + 1];
    for (i, l) in lines.iter().enumerate() {
        hits[i + 1] = hits[i] + u64::from(l.f.fine_print);
        toks[i + 1] = toks[i] + u64::from(l.f.tokens);
    }
    (0..n)
        .map(|i| {
            let l = &lines[i];
            if l.kind != LineKind::Text || l.f.fine_print == 0 || l.f.tokens < 10 {
                return false;
            }
            let a = i.saturating_sub(FINE_PRINT_WINDOW);
            let b = (i + FINE_PRINT_WINDOW + 1).min(n);
            let h = hits[b] - hits[a];
            let t = toks[b] - toks[a];
            h >= 3 && h * 100 >= u64::from(FINE_PRINT_WINDOW_DENSITY) * t
        })
        .collect()
}

/// Text lines on each side within which a repeated line counts as a near repeat.
pub(crate) const NEAR_REPEAT_WINDOW: usize = 3;

/// Lines that say exactly what another text line at most [`NEAR_REPEAT_WINDOW`] text lines
/// away says (both copies are marked): the title of a teaser card given twice (its image's
/// alternative text or link and its headline), a repeated label. An article does not repeat a
/// sentence within a few lines. One-word lines are not marked. Linear.
pub(crate) fn near_repeats(lines: &[Line]) -> Vec<bool> {
    let mut out = vec![false; lines.len()];
    let mut recent: [(u64, usize); NEAR_REPEAT_WINDOW] = [(0, usize::MAX); NEAR_REPEAT_WINDOW];
    let mut slot = 0usize;
    for (i, l) in lines.iter().enumerate() {
        if l.kind != LineKind::Text {
            continue;
        }
        let h = l.hash;
        if l.f.words >= 2 {
            for &(rh, ri) in &recent {
                if ri != usize::MAX && rh == h && lines[ri].same_text(l) {
                    out[i] = true;
                    out[ri] = true;
                }
            }
        }
        recent[slot] = (h, i);
        slot = (slot + 1) % NEAR_REPEAT_WINDOW;
    }
    out
}

/// Image file names that stand for a figure between sentences (a tutorial's screenshots,
/// "headphone-002b.png" between "Press Enter." and "In the Loft Options dialog box, click OK."):
/// the name is on the page once, is not an icon ([`is_icon_file`]: a menu's "retail.svg"), and
/// the nearest other text line before or after it ends like a sentence. Such a line does not
/// part the short lines around it from the prose when they are smoothed; a repeated name (a
/// spacer's "blank_1x1.gif") or one between headlines (a teaser card's picture) still does.
/// Linear.
pub(crate) fn figures_in_prose(lines: &[Line]) -> Vec<bool> {
    let mut out = vec![false; lines.len()];
    let mut names: HashMap<u64, u32, FnvBuild> = HashMap::default();
    let text = |l: &Line| l.kind == LineKind::Text && !l.f.file;
    // Forward: each file name's count, and whether the nearest other text line before it
    // ends like a sentence (held in `out` until the pass back).
    let mut last = false;
    for (o, l) in out.iter_mut().zip(lines) {
        if l.f.file {
            *names.entry(l.hash).or_default() += 1;
            *o = last;
        } else if text(l) {
            last = l.f.end_punct;
        }
    }
    if names.is_empty() {
        return out;
    }
    let mut next = false;
    for (o, l) in out.iter_mut().zip(lines).rev() {
        if l.f.file {
            *o = (*o || next) && names[&l.hash] == 1 && !is_icon_file(l.text);
        } else if text(l) {
            next = l.f.end_punct;
        }
    }
    out
}

/// The context-free class of one text line.
pub(crate) fn shape_class(l: &Line, has_stop: bool) -> Class {
    if l.kind != LineKind::Text {
        return Class::Empty;
    }
    let f = &l.f;
    let th = if f.arabic * 2 > f.letters {
        ARABIC
    } else {
        LATIN
    };
    let sd = f.stop_density();
    let chars = f.chars;
    if f.is_fine_print() {
        return Class::Bad;
    }
    // Menus and breadcrumbs: many separators per word.
    if f.menu_seps >= 2 && f.menu_seps * 3 >= f.words {
        return Class::Bad;
    }
    if f.letters * 2 < chars && chars >= 20 {
        // Mostly digits and symbols: tables of numbers, codes.
        return if chars < SHORT_CHARS {
            Class::Short
        } else {
            Class::Bad
        };
    }
    if !has_stop {
        // A script or language without a stopword list: length and punctuation only.
        if chars >= LONG_CHARS / 2 && (f.end_punct || f.inner_punct >= 2) {
            return Class::Good;
        }
        if chars >= SHORT_CHARS {
            return Class::NearGood;
        }
        return Class::Short;
    }
    if chars < SHORT_CHARS {
        // Short lines are decided by context, but a short sentence with many stopwords is
        // near-good on its own.
        if f.tokens >= 6 && sd >= th.stop_high && f.end_punct {
            return Class::NearGood;
        }
        return Class::Short;
    }
    if sd >= th.stop_high {
        if chars >= LONG_CHARS || f.end_punct {
            return Class::Good;
        }
        return Class::NearGood;
    }
    if sd >= th.stop_low {
        if chars >= 2 * LONG_CHARS && f.end_punct {
            return Class::Good;
        }
        return Class::NearGood;
    }
    // In a script whose function words hide in clitics, a long line of several clauses.
    if th.clitics && f.tokens >= CLITIC_CLAUSE_TOKENS && f.inner_punct >= 2 && f.menu_seps == 0 {
        return Class::NearGood;
    }
    // Few stopwords, but a long sentence that ends like one: prose in a style the stopword
    // list misses (headline-ese, Arabic with clitics) — let the neighbours decide.
    if f.end_punct && f.tokens >= 10 && f.inner_punct >= 1 {
        return Class::NearGood;
    }
    Class::Bad
}

/// Most words of a line read as code ([`is_code_line`]); a longer one is a log or a blob.
pub const MAX_CODE_WORDS: u32 = 25;

/// Fewest code symbols on a line read as code.
pub const MIN_CODE_SYMBOLS: u32 = 2;

/// True when `l` reads as a line of code or markup ("print(x)", "let y = Some(1);", "</div>",
/// ">>> p.parts", "$ ls -l"): it holds a call's bracket, an index's square bracket (or one
/// opening the line), a brace, a semicolon, "=", "<" or ">" (or opens like a prompt or a
/// comment) and at least [`MIN_CODE_SYMBOLS`] code symbols in all, in at most
/// [`MAX_CODE_WORDS`] words. Such a line is not prose, yet inside an article's body it is
/// the article's (a snippet between a tutorial's paragraphs).
pub(crate) fn is_code_line(l: &Line) -> bool {
    if l.kind != LineKind::Text || l.f.words > MAX_CODE_WORDS || l.f.chars < 2 {
        return false;
    }
    let t = l.text.trim_start();
    let mut marked =
        t.starts_with(">>>") || t.starts_with("$ ") || t.starts_with('#') || t.starts_with("//");
    let mut symbols = 0u32;
    // Before the line's first byte: a list's opening bracket there is code.
    let mut prev = b'\n';
    for b in t.bytes() {
        match b {
            b'{' | b'}' | b';' | b'=' | b'<' | b'>' => {
                marked = true;
                symbols += 1;
            }
            // A call ("f(x)"), not an aside in brackets ("rose (again)"); an index ("a[0]") or
            // a list opening the line, not a note in brackets ("… 2001 [File: Reuters]").
            b'(' | b'[' => {
                marked |=
                    prev.is_ascii_alphanumeric() || prev == b'_' || (b == b'[' && prev == b'\n');
                symbols += 1;
            }
            b']' | b')' | b':' | b'.' | b'"' | b'\'' | b'/' | b'_' | b'$' | b'#' | b'*' | b'&'
            | b'|' => {
                symbols += 1;
            }
            _ => {}
        }
        prev = b;
    }
    marked && symbols >= MIN_CODE_SYMBOLS
}

/// Context: short lines take the class of their neighbours; near-good lines become good
/// unless both neighbours are bad (after jusText). Linear: each step is one pass forward,
/// which records what lies before every line, and one pass back, which decides each line
/// with what lies after it (a line's class is read before it is changed, so the pass back
/// sees the classes the step started from).
pub(crate) fn smooth(classes: &mut [Class]) {
    let is_bad = |c: Class| matches!(c, Class::Bad | Class::Fixed);
    // Skipped when looking for a short line's neighbours; and also near-good lines.
    let skip_short = |c: Class| matches!(c, Class::Empty | Class::Teaser | Class::Short);
    let skip_near = |c: Class| {
        matches!(
            c,
            Class::Empty | Class::Teaser | Class::Short | Class::NearGood
        )
    };
    // Text lines from the nearest prose-like line (good or near-good by shape) to the line
    // after `c`, given `d` to `c` (`usize::MAX`: none).
    let prose_step = |d: usize, c: Class| match c {
        Class::Good | Class::NearGood => 1,
        Class::Empty | Class::Teaser => d,
        _ => d.saturating_add(1),
    };
    // 1. Short lines. Before each line: the nearest line that `skip_short` does not skip, the
    // nearest that `skip_near` does not skip (`Bad` at the edges), and how many text lines
    // back the nearest prose-like line is.
    let mut before: Vec<(Class, Class, usize)> = Vec::with_capacity(classes.len());
    let (mut p1, mut p2, mut dp) = (Class::Bad, Class::Bad, usize::MAX);
    for &c in classes.iter() {
        before.push((p1, p2, dp));
        if !skip_short(c) {
            p1 = c;
        }
        if !skip_near(c) {
            p2 = c;
        }
        dp = prose_step(dp, c);
    }
    let (mut q1, mut q2, mut dq) = (Class::Bad, Class::Bad, usize::MAX);
    for (c, &(p1, p2, dp)) in classes.iter_mut().zip(&before).rev() {
        let orig = *c;
        if orig == Class::Short {
            *c = if p1 == Class::Good && q1 == Class::Good {
                Class::Good
            } else if (is_bad(p1) && is_bad(q1))
                || (is_bad(p1) && is_bad(q2))
                || (is_bad(q1) && is_bad(p2))
            {
                Class::Bad
            } else if dp.min(dq) <= NEAR_PROSE_LINES {
                Class::Good
            } else {
                Class::Bad
            };
        }
        if !skip_short(orig) {
            q1 = orig;
        }
        if !skip_near(orig) {
            q2 = orig;
        }
        dq = prose_step(dq, orig);
    }
    // 2. Near-good lines, between the nearest lines `skip_near` does not skip (near-good
    // lines are skipped, so deciding one changes no other's neighbours).
    let mut p3 = Class::Bad;
    for (c, b) in classes.iter().zip(before.iter_mut()) {
        b.0 = p3;
        if !skip_near(*c) {
            p3 = *c;
        }
    }
    let mut q3 = Class::Bad;
    for (c, &(p3, _, _)) in classes.iter_mut().zip(&before).rev() {
        let mid = *c;
        if mid == Class::NearGood {
            *c = if is_bad(p3) && is_bad(q3) {
                Class::Bad
            } else {
                Class::Good
            };
        }
        if !skip_near(mid) {
            q3 = mid;
        }
    }
}

/// A short line with prose on one side only is prose when it is at most this many text lines
/// from it (a heading, a byline, a caption); further away it is a list of the frame.
pub(crate) const NEAR_PROSE_LINES: usize = 3;

/// The body region: the run of lines `[start, end)` with the largest sum of line scores
/// (prose counts by its tokens, everything else against), or `None` when nothing is prose.
pub(crate) fn body_region(
    lines: &[Line],
    raw: &[Class],
    classes: &[Class],
) -> Option<(usize, usize)> {
    let mut best = 0.0f64;
    let mut best_range = None;
    let mut cur = 0.0f64;
    let mut cur_start = 0usize;
    // Whether the last non-empty line was a chrome phrase.
    let mut prev_phrase = false;
    let phrase = |i: usize| raw[i] == Class::Fixed && !lines[i].f.file;
    for (i, ((l, r), c)) in lines.iter().zip(raw).zip(classes).enumerate() {
        let t = f64::from(l.f.tokens.max(1));
        // A chrome phrase next to another is part of a bar or menu (the frame); alone it is an
        // inline label (a card's "Updated", an "Advertisement" slot).
        let in_bar = phrase(i)
            && (prev_phrase
                || raw[i + 1..]
                    .iter()
                    .position(|&x| x != Class::Empty)
                    .is_some_and(|k| phrase(i + 1 + k)));
        if raw[i] != Class::Empty {
            prev_phrase = phrase(i);
        }
        let s = match (r, c) {
            (Class::Empty | Class::Teaser, _) => 0.0,
            (Class::Good, _) => t,
            (Class::NearGood, Class::Good) => t * 0.5,
            (Class::NearGood, _) => -t.clamp(2.0, 20.0),
            (Class::Short, Class::Good) => -SHORT_IN_PROSE,
            // A line of code is the article's furniture (a snippet between a tutorial's
            // paragraphs), not the frame's: it costs the run little.
            // (Read only inside a run: a line that starts none costs it nothing either way.)
            (Class::Short | Class::Bad, _) if cur > 0.0 && is_code_line(l) => -CODE_LINE_COST,
            (Class::Short, _) => -1.5,
            // An image file name sits among paragraphs (a figure); a chrome phrase (share,
            // navigation, sign-in) marks the frame around them.
            (Class::Fixed, _) if in_bar => -CHROME_BAR_COST,
            (Class::Fixed, _) => -FIXED_LINE_COST,
            (_, _) => -t.clamp(2.0, MAX_LINE_COST),
        };
        if cur <= 0.0 {
            cur = 0.0;
            cur_start = i;
        }
        cur += s;
        if cur > best {
            best = cur;
            best_range = Some((cur_start, i + 1));
        }
    }
    // Short lines that context made prose cost the run nothing, so the run stops short of them
    // at its edges: extend it over them (a closing one-line sentence).
    let (mut a, mut b) = best_range?;
    // Only over sentences (a stamp, a headline or a share bar does not end like one).
    while a > 0
        && (matches!(classes[a - 1], Class::Empty | Class::Teaser)
            || (classes[a - 1] == Class::Good && lines[a - 1].f.end_punct))
    {
        a -= 1;
    }
    while b < classes.len()
        && (matches!(classes[b], Class::Empty | Class::Teaser)
            || (classes[b] == Class::Good && lines[b].f.end_punct))
    {
        b += 1;
    }
    // Do not end on blank or teaser lines.
    while a < b && classes[a] != Class::Good {
        a += 1;
    }
    while b > a && classes[b - 1] != Class::Good {
        b -= 1;
    }
    Some((a, b))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn short_between_good_is_good() {
        let mut c = vec![
            Class::Good,
            Class::Short,
            Class::Good,
            Class::Short,
            Class::Bad,
        ];
        smooth(&mut c);
        assert_eq!(c[1], Class::Good);
        assert_eq!(c[4], Class::Bad);
    }

    #[test]
    fn figures_in_prose_are_unique_pictures_next_to_sentences() {
        let text = "Press Enter.\nloft-001.png\nSelect the curve.\n\
                    RANDY ANDY\ncard.jpg\nAndrew parties in unearthed pics\n\
                    Press Enter.\nblank.gif\nSelect the curve.\nblank.gif\n\
                    Done.\nretail.svg\nRetail\n";
        let ls = super::super::lines::split(text);
        let marked: Vec<&str> = figures_in_prose(&ls)
            .iter()
            .zip(&ls)
            .filter(|(f, _)| **f)
            .map(|(_, l)| l.text)
            .collect();
        // A repeated spacer, a card's picture between headlines and an icon are not figures.
        assert_eq!(marked, vec!["loft-001.png"]);
    }

    #[test]
    fn consent_dialog_is_fine_print() {
        // A consent manager's purposes: its partners, identifiers and personalised advertising.
        let text = "We and our partners store and access information on a device, such as unique identifiers, to process data for personalised advertising, content and advertising performance, audience research and the development of services.\n";
        let ls = super::super::lines::split(text);
        assert!(ls[0].f.is_fine_print());
        // A news sentence about business partners is not.
        let text = "The company and its partners opened a new factory in the north of the country last spring, hiring two hundred workers.\n";
        let ls = super::super::lines::split(text);
        assert!(!ls[0].f.is_fine_print());
        // Nor is a server manual's line about requests, with its browser and cookie.
        let text = "If the request is cross-origin, the browser sends the cookie only when the request sets credentials and the server allows it.\n";
        let ls = super::super::lines::split(text);
        assert!(!ls[0].f.is_fine_print());
        // Nor is a web-analytics product's pitch, naming the cookies it does without and the law.
        let text = "Plausible is a lightweight web analytics tool that shows site owners where their visitors come from, without cookies, and it runs in the EU under GDPR.\n";
        let ls = super::super::lines::split(text);
        assert!(!ls[0].f.is_fine_print());
    }

    #[test]
    fn legal_stretch_is_fine_print() {
        let legal = "We may share personal information with third parties and affiliates for advertising, subject to applicable law and your consent.\n";
        let prose = "The river rose through the night and by morning the old bridge stood in brown water up to its rails.\n";
        let text = format!("{prose}{legal}{legal}{legal}{prose}");
        let ls = super::super::lines::split(&text);
        let fine = fine_print_region(&ls);
        assert_eq!(fine, vec![false, true, true, true, false]);
    }

    /// [`fine_print_region`] of `block` set between two lines of a news story's prose.
    fn fine_between_prose(block: &str) -> Vec<bool> {
        let prose = "The river rose through the night and by morning the old bridge stood in brown water up to its rails.\n";
        let text = format!("{prose}{block}{prose}");
        fine_print_region(&super::super::lines::split(&text))
    }

    #[test]
    fn a_consent_frameworks_purpose_list_is_fine_print() {
        // The purposes a consent dialog lists, each with its partner count and description.
        let purposes = "Use limited data to select advertising: 80 partners can use this purpose\nAdvertising presented to you on this service can be based on limited data, such as the website or app you are using, your non-precise location or your device type.\nUse limited data to select content: 13 partners can use this purpose (IAB vendors)\n";
        assert_eq!(
            fine_between_prose(purposes),
            vec![false, true, true, true, false]
        );
    }

    #[test]
    fn an_advisers_disclaimer_is_fine_print() {
        // A financial or medical disclaimer at the foot of a page: no privacy words, but its
        // own vocabulary ("for informational purposes only", "consult a qualified advisor").
        let notice = "This material is not intended to replace the advice of a qualified advisor. It is for informational purposes only, is not guaranteed as to accuracy and is no professional advice.\nProducts named here are for general information only. Always consult your financial advisor or a qualified professional before you buy; this is no tax advice.\n";
        assert_eq!(fine_between_prose(notice), vec![false, true, true, false]);
    }

    #[test]
    fn terms_of_use_are_fine_print() {
        // A shop's terms of use (shown in a modal after the product): contract drafting, with
        // no privacy or cookie words.
        let terms = "You agree that the company shall not be liable, to the fullest extent permitted by law, and reserves the right to change these terms without notice.\nPursuant to this section, you will not reproduce any part of the platform without our written consent, and you agree to hold harmless the company.\nNotwithstanding the above, any claimant shall bring claims before a single arbitrator, and the governing law is that of the state.\n";
        assert_eq!(
            fine_between_prose(terms),
            vec![false, true, true, true, false]
        );
    }

    #[test]
    fn card_titles_given_twice_are_near_repeats() {
        let text = "A card headline here\nkicker\nA card headline here\nA summary of the story.\n\nOne\nOne\n";
        let ls = super::super::lines::split(text);
        let rep = near_repeats(&ls);
        assert_eq!(rep, vec![true, false, true, false, false, false, false]);
    }

    #[test]
    fn long_arabic_clauses_are_near_good() {
        // Few listed stopwords (the function words are clitics), several clauses.
        let text = "أطلع وزير الخارجية الأمريكي، مايك بومبيو، الرئيس الأمريكي دونالد ترامب، ومستشار الأمن القومي، جون بولتون، على فحوى اجتماعه بالعاهل السعودي الملك سلمان بن عبد العزيز، وولي عهده الأمير محمد بن سلمان\n";
        let ls = super::super::lines::split(text);
        assert_eq!(shape_class(&ls[0], true), Class::NearGood);
        // A Latin-script line of names with commas stays bad.
        let names = "Alpha Beta, Gamma Delta, Epsilon Zeta, Eta Theta, Iota Kappa, Lambda Mu, Nu Xi, Omicron Pi, Rho Sigma, Tau Upsilon, Phi Chi, Psi Omega\n";
        let ls = super::super::lines::split(names);
        assert_eq!(shape_class(&ls[0], true), Class::Bad);
    }

    #[test]
    fn an_indonesian_paragraph_is_prose() {
        // Indonesian function words (yang, untuk, dengan, ...) are listed: a paragraph of the
        // language reads as prose, not as a line of names.
        let text = "Kita harus berhati-hati terhadap aliran yang mudah mengkafirkan sesama muslim, karena sikap seperti itu tidak sesuai dengan ajaran yang dibawa oleh para ulama sejak dahulu.\n";
        let ls = super::super::lines::split(text);
        assert_eq!(shape_class(&ls[0], true), Class::Good);
    }

    #[test]
    fn a_chrome_bar_ends_the_run_a_lone_label_does_not() {
        let p1 = "word ".repeat(30);
        let p2 = "word ".repeat(20);
        let bar = format!("{p1}.\nShare\nTweet\n{p2}.\n");
        let lone = format!("{p1}.\nAdvertisement\n{p2}.\n");
        use Class::{Fixed, Good};
        let ls = super::super::lines::split(&bar);
        let c = [Good, Fixed, Fixed, Good];
        assert_eq!(body_region(&ls, &c, &c), Some((0, 1)));
        let ls = super::super::lines::split(&lone);
        let c = [Good, Fixed, Good];
        assert_eq!(body_region(&ls, &c, &c), Some((0, 3)));
    }

    #[test]
    fn a_long_line_that_is_not_prose_does_not_split_the_body() {
        let p1 = "word ".repeat(30);
        let names = "Alpha Beta Gamma Delta ".repeat(6);
        let p2 = "word ".repeat(15);
        let text = format!("{p1}.\n{names}\n{p2}.\n");
        use Class::{Bad, Good};
        let ls = super::super::lines::split(&text);
        let c = [Good, Bad, Good];
        assert_eq!(body_region(&ls, &c, &c), Some((0, 3)));
    }

    #[test]
    fn a_chrome_bar_outweighs_a_long_paragraph() {
        let p1 = "word ".repeat(60);
        let p2 = "word ".repeat(50);
        let text = format!("{p1}.\nShare\nTweet\n{p2}.\n");
        use Class::{Fixed, Good};
        let ls = super::super::lines::split(&text);
        let c = [Good, Fixed, Fixed, Good];
        assert_eq!(body_region(&ls, &c, &c), Some((0, 1)));
    }

    #[test]
    fn a_code_block_does_not_split_the_body() {
        // Eight lines of a session between two paragraphs: as short lines of the frame they
        // would cost more than the second paragraph brings.
        let p1 = "word ".repeat(20);
        let p2 = "word ".repeat(10);
        let code = ">>> p = Path('x')\n".repeat(8);
        let text = format!("{p1}.\n{code}{p2}.\n");
        use Class::{Bad, Good, Short};
        let ls = super::super::lines::split(&text);
        let mut raw = vec![Short; 10];
        raw[0] = Good;
        raw[9] = Good;
        let mut c = vec![Bad; 10];
        c[0] = Good;
        c[9] = Good;
        assert_eq!(body_region(&ls, &raw, &c), Some((0, 10)));
    }

    #[test]
    fn code_lines_are_told_from_menus_and_prose() {
        let text = "print(p.parts)\nlet y = Some(1);\n</div>\n>>> p.is_absolute()\nHome | News | Sport\nPrices rose (again)\nThe minister spoke to reporters on Monday.\n\
            [PosixPath('docs'), PosixPath('dist')]\nrow = cells[2].strip()\n\
            Troops remain in the country, 18 years after the invasion [File: Reuters]\n";
        let ls = super::super::lines::split(text);
        let code: Vec<bool> = ls.iter().map(is_code_line).collect();
        assert_eq!(
            code,
            vec![
                true, true, true, true, false, false, false, true, true, false
            ]
        );
    }

    #[test]
    fn near_good_between_bad_is_bad() {
        let mut c = vec![Class::Bad, Class::NearGood, Class::Bad];
        smooth(&mut c);
        assert_eq!(c[1], Class::Bad);
    }
}
