//! Bytes to UTF-8: byte-order mark, then the charset the page declares (`<meta charset>`,
//! `http-equiv` content type, XML declaration) checked against the bytes, then `chardetng`.
//!
//! A declaration is only trusted when the bytes agree with it: a page declared Latin-1 whose
//! bytes are valid UTF-8 (with non-ASCII in them) is UTF-8, and a page declared UTF-8 whose bytes
//! are mostly not is handed to the detector.
//!
//! ```
//! use marsad_extract::decode::decode;
//! let (bytes, _, _) = encoding_rs::WINDOWS_1256.encode("<meta charset=windows-1256><p>دمشق</p>");
//! let d = decode(&bytes).unwrap();
//! assert_eq!(d.text, "<meta charset=windows-1256><p>دمشق</p>");
//! assert_eq!(d.encoding, "windows-1256");
//! ```

use std::borrow::Cow;

use encoding_rs::{Encoding, UTF_8};

use crate::ExtractError;

/// Bytes scanned for a charset declaration.
pub const PRESCAN_BYTES: usize = 8 * 1024;
/// Bytes sampled to tell binary data from text.
pub const BINARY_SAMPLE_BYTES: usize = 64 * 1024;
/// Share of control bytes (NUL and C0 controls other than tab/newline/CR/FF/ESC) in the sample
/// above which the input is binary.
pub const MAX_CONTROL_RATIO: f64 = 0.02;
/// Share of invalid sequences in a page declared UTF-8 above which the declaration is doubted.
pub const MAX_BAD_UTF8_RATIO: f64 = 0.01;

/// A decoded input.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Decoded<'a> {
    /// The text, UTF-8 (without BOM); borrowed from the input when it was UTF-8 already.
    pub text: Cow<'a, str>,
    /// The encoding's WHATWG name (`UTF-8`, `windows-1256`, `ISO-8859-6`, ...).
    pub encoding: &'static str,
    /// How it was chosen: `bom`, `utf8`, `declared`, `detected`, `ascii`.
    pub how: &'static str,
}

/// Decodes `bytes` to UTF-8 (see the module docs), or fails on binary data.
///
/// ```
/// use marsad_extract::decode::decode;
/// // Declared Latin-1 but the bytes are UTF-8: UTF-8 wins.
/// let page = "<meta charset=iso-8859-1><p>إسطنبول - وكالات</p>";
/// let d = decode(page.as_bytes()).unwrap();
/// assert_eq!(d.text, page);
/// assert_eq!(d.encoding, "UTF-8");
/// assert!(decode(&[0u8, 1, 2, 3, 0, 0, 5, 0]).is_err());
/// ```
pub fn decode(bytes: &[u8]) -> Result<Decoded<'_>, ExtractError> {
    if let Some((enc, bom_len)) = Encoding::for_bom(bytes) {
        let (text, _) = enc.decode_without_bom_handling(&bytes[bom_len..]);
        return Ok(Decoded {
            text,
            encoding: enc.name(),
            how: "bom",
        });
    }
    check_binary(bytes)?;
    let declared = declared_charset(&bytes[..bytes.len().min(PRESCAN_BYTES)]);
    if let Ok(s) = std::str::from_utf8(bytes) {
        {
            let (encoding, how) = match declared {
                // Pure ASCII reads the same in any ASCII-compatible encoding: keep the label.
                Some(d) if d.is_ascii_compatible() && s.is_ascii() => (d.name(), "ascii"),
                _ => (UTF_8.name(), "utf8"),
            };
            return Ok(Decoded {
                text: Cow::Borrowed(s),
                encoding,
                how,
            });
        }
    }
    let declared = declared.filter(|d| d.is_ascii_compatible());
    let enc = match declared {
        Some(d) if d == UTF_8 => {
            if bad_utf8_ratio(bytes) <= MAX_BAD_UTF8_RATIO {
                Some((UTF_8, "declared"))
            } else {
                None
            }
        }
        Some(d) => Some((d, "declared")),
        None => None,
    };
    let (enc, how) = enc.unwrap_or_else(|| {
        let mut det = chardetng::EncodingDetector::new(chardetng::Iso2022JpDetection::Deny);
        det.feed(bytes, true);
        (det.guess(None, chardetng::Utf8Detection::Allow), "detected")
    });
    let (text, _, _) = enc.decode(bytes);
    Ok(Decoded {
        text,
        encoding: enc.name(),
        how,
    })
}

/// Fails when the first [`BINARY_SAMPLE_BYTES`] hold too many control bytes.
fn check_binary(bytes: &[u8]) -> Result<(), ExtractError> {
    let sample = &bytes[..bytes.len().min(BINARY_SAMPLE_BYTES)];
    if sample.is_empty() {
        return Ok(());
    }
    let controls = count_controls(sample);
    let ratio = controls as f64 / sample.len() as f64;
    if ratio > MAX_CONTROL_RATIO {
        return Err(ExtractError::Binary(format!(
            "{:.0}% control bytes in the first {} bytes",
            ratio * 100.0,
            sample.len()
        )));
    }
    Ok(())
}

/// Control bytes (C0 other than tab, newline, CR, form feed and ESC) in `s`; counted in blocks
/// of 255 with byte counters and no branches, so the loop runs on vector registers.
fn count_controls(s: &[u8]) -> usize {
    let mut total = 0usize;
    for chunk in s.chunks(255) {
        let mut n = 0u8;
        for &b in chunk {
            let control =
                (b < 0x20) & (b != b'\t') & (b != b'\n') & (b != b'\r') & (b != 0x0C) & (b != 0x1B);
            n = n.wrapping_add(control as u8);
        }
        total += n as usize;
    }
    total
}

/// Share of bytes in invalid UTF-8 sequences.
fn bad_utf8_ratio(bytes: &[u8]) -> f64 {
    let mut bad = 0usize;
    let mut rest = bytes;
    while !rest.is_empty() {
        match std::str::from_utf8(rest) {
            Ok(_) => break,
            Err(e) => {
                let skip = e.error_len().unwrap_or(rest.len() - e.valid_up_to()).max(1);
                bad += skip;
                rest = &rest[(e.valid_up_to() + skip).min(rest.len())..];
            }
        }
    }
    bad as f64 / bytes.len().max(1) as f64
}

/// The charset a page declares in its head: `<meta charset=...>`, `<meta http-equiv=
/// content-type content="...; charset=...">` or `<?xml ... encoding="..."?>`.
///
/// ```
/// use marsad_extract::decode::declared_charset;
/// let e = declared_charset(br#"<meta http-equiv="Content-Type" content="text/html; charset=ISO-8859-6">"#);
/// assert_eq!(e.map(|e| e.name()), Some("ISO-8859-6"));
/// ```
pub fn declared_charset(head: &[u8]) -> Option<&'static Encoding> {
    // Both forms open with `<`: a head without one (flattened text) declares nothing, and is
    // not copied in lower case to find that out.
    memchr::memchr(b'<', head)?;
    let lower: Vec<u8> = head.iter().map(|b| b.to_ascii_lowercase()).collect();
    let finder = memchr::memmem::Finder::new(b"charset");
    for pos in finder.find_iter(&lower) {
        // Only inside a <meta ...> tag.
        let tag_start = lower[..pos].iter().rposition(|&b| b == b'<')?;
        let tag_gt = lower[..pos].iter().rposition(|&b| b == b'>');
        if tag_gt.is_some_and(|g| g > tag_start) || !lower[tag_start..].starts_with(b"<meta") {
            continue;
        }
        let mut i = pos + 7;
        while lower.get(i).is_some_and(|b| b.is_ascii_whitespace()) {
            i += 1;
        }
        if lower.get(i) != Some(&b'=') {
            continue;
        }
        i += 1;
        while lower
            .get(i)
            .is_some_and(|b| b.is_ascii_whitespace() || *b == b'"' || *b == b'\'')
        {
            i += 1;
        }
        let s = i;
        while lower
            .get(i)
            .is_some_and(|b| b.is_ascii_alphanumeric() || matches!(b, b'-' | b'_' | b'.' | b':'))
        {
            i += 1;
        }
        if let Some(enc) = Encoding::for_label(&lower[s..i]) {
            // A page cannot declare itself UTF-16 in a meta tag it is readable in.
            return Some(if enc.is_ascii_compatible() {
                enc
            } else {
                UTF_8
            });
        }
    }
    if lower.starts_with(b"<?xml")
        && let Some(p) = memchr::memmem::find(&lower, b"encoding=")
    {
        let s = p + 9;
        let q = lower.get(s).copied().unwrap_or(b'"');
        let rest = &lower[(s + 1).min(lower.len())..];
        let e = memchr::memchr(q, rest).unwrap_or(0);
        return Encoding::for_label(&rest[..e]);
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    const PAGE: &str = "<html><head><meta http-equiv=\"Content-Type\" content=\"text/html; charset=CHARSET\"></head>\
        <body><p>إسطنبول - وكالات: دعا وزير الخارجية الروسي سيرغي لافروف إلى وقف فوري لإطلاق النار.</p></body></html>";

    #[test]
    fn windows_1256_declared() {
        let page = PAGE.replace("CHARSET", "windows-1256");
        let (bytes, _, bad) = encoding_rs::WINDOWS_1256.encode(&page);
        assert!(!bad);
        let d = decode(&bytes).unwrap();
        assert_eq!(d.text, page);
        assert_eq!(d.encoding, "windows-1256");
    }

    #[test]
    fn text_without_a_tag_declares_nothing() {
        assert!(declared_charset(b"charset=windows-1256 in a line of text").is_none());
        assert_eq!(
            declared_charset(b"text <meta charset=windows-1256>").map(|e| e.name()),
            Some("windows-1256")
        );
    }

    #[test]
    fn iso_8859_6_declared() {
        let page = PAGE.replace("CHARSET", "iso-8859-6");
        let (bytes, _, bad) = encoding_rs::ISO_8859_6.encode(&page);
        assert!(!bad);
        let d = decode(&bytes).unwrap();
        assert_eq!(d.text, page);
        assert_eq!(d.encoding, "ISO-8859-6");
    }

    #[test]
    fn undeclared_arabic_is_detected() {
        let page = PAGE.replace("; charset=CHARSET", "").repeat(4);
        let (bytes, _, _) = encoding_rs::WINDOWS_1256.encode(&page);
        let d = decode(&bytes).unwrap();
        assert_eq!(d.how, "detected");
        assert_eq!(d.text, page);
    }

    #[test]
    fn bom_and_lies() {
        let mut b = vec![0xEF, 0xBB, 0xBF];
        b.extend_from_slice("<p>حلب</p>".as_bytes());
        let d = decode(&b).unwrap();
        assert_eq!(d.text, "<p>حلب</p>");
        assert_eq!(d.how, "bom");
        // Declared UTF-8, bytes windows-1256: the detector decides.
        let page = PAGE.replace("CHARSET", "utf-8").repeat(3);
        let (bytes, _, _) = encoding_rs::WINDOWS_1256.encode(&page);
        let d = decode(&bytes).unwrap();
        assert_eq!(d.text, page);
    }

    #[test]
    fn control_count() {
        let s: Vec<u8> = (0..5000u32).map(|i| (i % 256) as u8).collect();
        let slow = s
            .iter()
            .filter(|&&b| b < 0x20 && !matches!(b, b'\t' | b'\n' | b'\r' | 0x0C | 0x1B))
            .count();
        assert_eq!(count_controls(&s), slow);
        assert_eq!(count_controls(&[0u8; 1000]), 1000);
    }

    #[test]
    fn binary_and_empty() {
        assert!(decode(b"").is_ok());
        let garbage: Vec<u8> = (0..10_000u32).map(|i| (i * 7919 % 251) as u8).collect();
        assert!(matches!(decode(&garbage), Err(ExtractError::Binary(_))));
    }
}
