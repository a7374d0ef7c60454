//! Reading the word and phrase lists shipped in `data/` (tab-separated, `#` comments).

/// The rows of a `kind<TAB>phrase` list: blank lines and `#` comments skipped, both fields
/// trimmed, rows without a tab skipped.
/// (`"label\tعن الكاتب"` → `("label", "عن الكاتب")`.)
pub(crate) fn tsv_rows(text: &'static str) -> impl Iterator<Item = (&'static str, &'static str)> {
    text.lines()
        .filter(|l| !l.trim().is_empty() && !l.starts_with('#'))
        .filter_map(|l| l.split_once('\t'))
        .map(|(a, b)| (a.trim(), b.trim()))
}

/// The phrases of the rows of one `kind` of a `kind<TAB>phrase` list, in file order
/// (`words_of("page\tprivacy policy\nnotice\tyou agree\n", "page")` → `["privacy policy"]`).
pub(crate) fn words_of(text: &'static str, kind: &str) -> Vec<&'static str> {
    tsv_rows(text)
        .filter(|(k, _)| *k == kind)
        .map(|(_, w)| w)
        .collect()
}

/// The entries of a one-column list: one a line, trimmed; blank lines and `#` comments
/// skipped.
pub(crate) fn list(text: &'static str) -> Vec<&'static str> {
    text.lines()
        .map(str::trim)
        .filter(|l| !l.is_empty() && !l.starts_with('#'))
        .collect()
}

/// The text after `phrase` when `text` opens with it, ASCII letters compared without case (the
/// lists are lower case): `opens_with("Photo by Jane Roe", "photo by")` is `Some(" Jane Roe")`.
/// The caller tells what may follow (a space, a colon).
pub(crate) fn opens_with<'t>(text: &'t str, phrase: &str) -> Option<&'t str> {
    text.get(..phrase.len())
        .filter(|head| head.eq_ignore_ascii_case(phrase))
        .and_then(|_| text.get(phrase.len()..))
}

#[cfg(test)]
mod tests {
    use super::{list, opens_with, tsv_rows, words_of};

    #[test]
    fn opens_with_compares_ascii_without_case() {
        assert_eq!(
            opens_with("Photo by Jane Roe", "photo by"),
            Some(" Jane Roe")
        );
        assert_eq!(opens_with("Photographer", "photo by"), None);
        assert_eq!(opens_with("صورة لافروف", "صورة"), Some(" لافروف"));
        // A phrase longer than the text, or ending inside a character, opens nothing.
        assert_eq!(opens_with("Pho", "photo"), None);
        assert_eq!(opens_with("éa", "e"), None);
    }

    #[test]
    fn words_of_keeps_one_kind_in_order() {
        let text = "# kinds\npage\tprivacy policy\nnotice\tyou agree\npage\tterms\n";
        assert_eq!(words_of(text, "page"), ["privacy policy", "terms"]);
        assert_eq!(words_of(text, "notice"), ["you agree"]);
        assert!(words_of(text, "other").is_empty());
    }

    #[test]
    fn list_skips_comments_and_blanks() {
        assert_eq!(
            list("# labels\nphoto\n\n  image credit \n"),
            ["photo", "image credit"]
        );
    }

    #[test]
    fn rows_skip_comments_blanks_and_rows_without_a_tab() {
        let rows: Vec<_> =
            tsv_rows("# words\n\nlabel\t عن الكاتب \nno tab here\nrole\teditor\n").collect();
        assert_eq!(rows, [("label", "عن الكاتب"), ("role", "editor")]);
    }
}
