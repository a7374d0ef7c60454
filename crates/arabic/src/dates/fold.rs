//! Character folding for matching names (months, days, places, agencies).
//!
//! A small, allocation-light fold used by the date, place and agency readers so they do not
//! depend on the configurable normaliser: alef forms (أ إ آ ٱ) → ا, ى → ي, ة → ه, Persian
//! ی ک → ي ك, tatweel, harakat and Quranic marks dropped, bidi and zero-width marks dropped,
//! Arabic-Indic and Eastern Arabic-Indic digits → ASCII, Latin letters lower-cased.

/// What a character folds to.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Folded {
    /// Dropped entirely (tatweel, harakat, bidi and zero-width marks).
    Drop,
    /// Replaced by this character.
    Char(char),
}

/// Folds one character.
#[inline]
pub(crate) fn fold_char(c: char) -> Folded {
    match c {
        'أ' | 'إ' | 'آ' | 'ٱ' | 'ٲ' | 'ٳ' => Folded::Char('ا'),
        'ى' | 'ی' | 'ې' => Folded::Char('ي'),
        'ة' => Folded::Char('ه'),
        'ک' => Folded::Char('ك'),
        'ـ' => Folded::Drop,
        '\u{064B}'..='\u{065F}'
        | '\u{0670}'
        | '\u{0610}'..='\u{061A}'
        | '\u{06D6}'..='\u{06ED}' => Folded::Drop,
        '\u{200B}'..='\u{200F}'
        | '\u{202A}'..='\u{202E}'
        | '\u{2066}'..='\u{2069}'
        | '\u{FEFF}' => Folded::Drop,
        '\u{0660}'..='\u{0669}' => Folded::Char(char::from(b'0' + (c as u32 - 0x0660) as u8)),
        '\u{06F0}'..='\u{06F9}' => Folded::Char(char::from(b'0' + (c as u32 - 0x06F0) as u8)),
        'A'..='Z' => Folded::Char(c.to_ascii_lowercase()),
        _ => Folded::Char(c),
    }
}

/// True for characters that are invisible inside a word (tatweel, harakat, bidi, zero-width).
#[inline]
pub(crate) fn is_invisible(c: char) -> bool {
    fold_char(c) == Folded::Drop
}

/// Folds a string for matching; spaces of any kind (NBSP too) collapse to one ASCII space and
/// surrounding spaces are trimmed.
pub(crate) fn fold(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut space = false;
    for c in s.chars() {
        if c.is_whitespace() {
            space = true;
            continue;
        }
        match fold_char(c) {
            Folded::Drop => {}
            Folded::Char(f) => {
                if space && !out.is_empty() {
                    out.push(' ');
                }
                space = false;
                out.push(f);
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn folds_arabic_forms() {
        assert_eq!(fold("  أيلول\u{00A0}"), "ايلول");
        assert_eq!(fold("الإثنين"), "الاثنين");
        assert_eq!(fold("غداً"), "غدا");
        assert_eq!(fold("فبرا\u{202D}\u{202C}ير"), "فبراير");
        assert_eq!(fold("٢٠٢٠"), "2020");
        assert_eq!(fold("تشرين\u{00A0}الأول"), "تشرين الاول");
        assert_eq!(fold("CNN"), "cnn");
    }
}
