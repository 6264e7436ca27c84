//! Which encoding a file of the site is saved in. alsite reads UTF-8 (with
//! or without a byte-order mark) and UTF-16 with a byte-order mark, as Word
//! and Notepad save "Unicode" text; a file saved in any other encoding is an
//! error that names the encoding and says how to save it as UTF-8, not an
//! invisible character or a broken letter somewhere in the text.

use crate::diagnostic::Diagnostic;
use std::path::Path;

const SAVE_AS_UTF8: &str = "save it again as UTF-8 (Word: Save As, Plain Text, Unicode (UTF-8); Notepad: Save As, Encoding UTF-8)";

/// The text of a file's bytes, its byte-order mark dropped; an error at
/// the place of the first thing that is not UTF-8 text.
pub fn decode(rel: &Path, bytes: Vec<u8>) -> Result<String, Diagnostic> {
    if let Some(kind) = not_text(&bytes) {
        return Err(Diagnostic::error(rel, format!("this is not a text file: it is {kind}"))
            .at(1, 1)
            .hint("a page or a YAML file is plain text; to publish this file as it is, give it the extension of its kind (such as .pdf or .docx) and link to it"));
    }
    if let Some(wide) = wide_encoding(&bytes) {
        return Err(
            Diagnostic::error(rel, format!("file is saved as {wide}, not UTF-8"))
                .at(1, 1)
                .hint(SAVE_AS_UTF8),
        );
    }
    let bytes = match utf16_text(&bytes) {
        Some(text) => text.into_bytes(),
        None => bytes,
    };
    let text = String::from_utf8(bytes).map_err(|e| not_utf8(rel, e))?;
    let text = match text.strip_prefix('\u{feff}') {
        Some(rest) => rest.to_string(),
        None => text,
    };
    // Rich text, as macOS TextEdit saves a new file: all of it is markup
    // (`{\rtf1\ansi…`), which would be read as broken YAML or Markdown.
    if text.starts_with("{\\rtf") {
        return Err(Diagnostic::error(rel, "this file is saved as rich text (RTF), a word processor's format, not as plain text")
            .at(1, 1)
            .hint("open it and save it as plain text (TextEdit: Format, Make Plain Text, then Save with UTF-8; Word: Save As, Plain Text)"));
    }
    Ok(text)
}

/// What a file that is not text is, told by how its kind of file begins
/// (a PDF, a Word document or a picture saved with a `.md` name), or by
/// zero bytes that no text encoding alsite knows has where it has them.
fn not_text(bytes: &[u8]) -> Option<&'static str> {
    const KINDS: &[(&[u8], &str)] = &[
        (b"%PDF-", "a PDF"),
        (
            b"PK\x03\x04",
            "a zip archive (a Word .docx, an Excel .xlsx or an OpenDocument file is one too)",
        ),
        (
            b"\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1",
            "an older Microsoft Office document (.doc, .xls, .ppt)",
        ),
        (b"\x89PNG\r\n\x1A\n", "a PNG picture"),
        (b"\xFF\xD8\xFF", "a JPEG picture"),
        (b"GIF8", "a GIF picture"),
        (b"\x7FELF", "a program"),
    ];
    if let Some((_, kind)) = KINDS.iter().find(|(start, _)| bytes.starts_with(start)) {
        return Some(kind);
    }
    let head = &bytes[..bytes.len().min(512)];
    let unmarked = ![&[0xFF, 0xFE][..], &[0xFE, 0xFF], &[0, 0, 0xFE, 0xFF]]
        .iter()
        .any(|mark| bytes.starts_with(mark));
    let wide = is_utf32_without_mark(bytes) || is_utf16_without_mark(bytes);
    let nothing_but_zeros = !head.is_empty() && head.iter().all(|&b| b == 0);
    // Many zeros (a stray one pasted into text is told at its place).
    let zeros = head.iter().filter(|&&b| b == 0).count();
    let many = zeros >= 4 && zeros * 20 >= head.len();
    (unmarked && many && (nothing_but_zeros || !wide))
        .then_some("a file of some other kind (a picture, a document or a program?)")
}

/// The name of an encoding of two or four bytes a letter that alsite does
/// not read: UTF-32 (with or without its mark; its mark starts as UTF-16's
/// does), or UTF-16 without its mark.
fn wide_encoding(bytes: &[u8]) -> Option<&'static str> {
    if bytes.starts_with(&[0xFF, 0xFE, 0, 0]) || bytes.starts_with(&[0, 0, 0xFE, 0xFF]) {
        return Some("UTF-32");
    }
    if bytes.starts_with(&[0xFF, 0xFE]) || bytes.starts_with(&[0xFE, 0xFF]) {
        return None;
    }
    if is_utf32_without_mark(bytes) {
        Some("UTF-32")
    } else if is_utf16_without_mark(bytes) {
        Some("UTF-16")
    } else {
        None
    }
}

/// The text of a file saved as UTF-16 with a byte-order mark, as Word and
/// Notepad save "Unicode" text; `None` for any other file.
fn utf16_text(bytes: &[u8]) -> Option<String> {
    let little = match bytes {
        [0xFF, 0xFE, ..] => true,
        [0xFE, 0xFF, ..] => false,
        _ => return None,
    };
    let units = bytes[2..].chunks(2).map(|c| match (c, little) {
        ([a, b], true) => u16::from_le_bytes([*a, *b]),
        ([a, b], false) => u16::from_be_bytes([*a, *b]),
        _ => 0xFFFD,
    });
    char::decode_utf16(units)
        .map(|c| c.unwrap_or(char::REPLACEMENT_CHARACTER))
        .collect::<String>()
        .into()
}

/// UTF-16 text with no byte-order mark: most of its first bytes are zero in
/// every second place (the Latin letters' high bytes).
fn is_utf16_without_mark(bytes: &[u8]) -> bool {
    let head = &bytes[..bytes.len().min(200)];
    // Zeros at even places and at odd ones (big- and little-endian).
    let zeros = |parity: usize| {
        head.iter()
            .skip(parity)
            .step_by(2)
            .filter(|&&b| b == 0)
            .count()
    };
    let (even, odd) = (zeros(0), zeros(1));
    // Nearly all on one side: a program's or a picture's zeros fall on
    // both. Enough of them for Latin letters (half the bytes) or for
    // Cyrillic or Greek, whose letters have none and whose spaces and
    // signs do (a twentieth of the bytes).
    head.len() >= 4
        && even + odd >= 2
        && (even + odd) * 20 >= head.len()
        && even.min(odd) * 10 <= even + odd
}

/// UTF-32 text with no byte-order mark: every letter of its first ones is
/// four bytes whose two high ones are zero (first or last, by byte order).
fn is_utf32_without_mark(bytes: &[u8]) -> bool {
    let head: Vec<&[u8]> = bytes[..bytes.len().min(200)].chunks_exact(4).collect();
    // The highest byte of every letter is 0, and the next at most 0x10
    // (an emoji is 0x01 there): last or first, by byte order.
    let all = |[top, next]: [usize; 2]| head.iter().all(|c| c[top] == 0 && c[next] <= 0x10);
    bytes.len().is_multiple_of(4) && !head.is_empty() && (all([3, 2]) || all([0, 1]))
}

/// The error for bytes that are not UTF-8, at the first bad one: a file
/// with no UTF-8 letter beyond plain ASCII was saved in an older
/// one-byte encoding, named as well as the bytes tell.
fn not_utf8(rel: &Path, e: std::string::FromUtf8Error) -> Diagnostic {
    let good = e.utf8_error().valid_up_to();
    let bytes = e.as_bytes();
    let text = String::from_utf8_lossy(&bytes[..good]).into_owned();
    let message = match one_byte_encoding(bytes) {
        Some(name) => format!("file is saved {name}, not UTF-8"),
        None => "file is not valid UTF-8".to_string(),
    };
    Diagnostic::error(rel, message)
        .at_offset(&text, good)
        .hint(SAVE_AS_UTF8)
}

/// The name of the one-byte encoding `bytes` (not UTF-8) were saved in, or
/// `None` where some of them are UTF-8 (text pasted from elsewhere, or a
/// file that is not text). Polish letters tell Windows-1250, as Windows set
/// to Polish saves, from ISO-8859-2; other letters are another code page.
fn one_byte_encoding(bytes: &[u8]) -> Option<&'static str> {
    let lossy = String::from_utf8_lossy(bytes);
    if lossy.contains('\0') || lossy.chars().any(|c| !c.is_ascii() && c != '\u{FFFD}') {
        return None;
    }
    // Bytes of Polish letters only in Windows-1250 (ś ź Ś Ź ą Ą) and only in
    // ISO-8859-2 (ś ź Ś Ź ą Ą there).
    const WINDOWS: &[u8] = &[0x9C, 0x9F, 0x8C, 0x8F, 0xB9, 0xA5];
    const LATIN2: &[u8] = &[0xB6, 0xBC, 0xA6, 0xAC, 0xB1, 0xA1];
    // ł and ż, the same in both, are signs seldom typed in Western
    // code pages (³, ¿): Polish text, most likely saved by Windows.
    const POLISH: &[u8] = &[0xB3, 0xBF];
    let count = |set: &[u8]| bytes.iter().filter(|b| set.contains(b)).count();
    let (windows, latin2) = (count(WINDOWS), count(LATIN2));
    Some(if latin2 > windows {
        "as ISO-8859-2 (Latin-2)"
    } else if windows > 0 || count(POLISH) > 0 {
        "as Windows-1250 (Central European)"
    } else {
        "in an older one-byte encoding, such as Windows-1252"
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn message(bytes: Vec<u8>) -> String {
        decode(Path::new("a.md"), bytes).unwrap_err().to_string()
    }

    /// A PDF, a Word document, a picture or a program saved with a `.md`
    /// name is told as what it is, not as text in a strange encoding.
    #[test]
    fn a_file_that_is_not_text_is_named_for_its_kind() {
        let mut program = b"\x7FELF\x02\x01\x01".to_vec();
        program.extend([0u8, 0, 0, 3, 0, 0x3e, 0, 1, 0, 0, 0].repeat(30));
        for (bytes, kind) in [
            (b"%PDF-1.7\n%\xE2\xE3".to_vec(), "it is a PDF"),
            (b"PK\x03\x04\x14\x00\x06\x00".to_vec(), "Word .docx"),
            (b"\x89PNG\r\n\x1A\n\x00\x00".to_vec(), "a PNG picture"),
            (program, "it is a program"),
            (vec![0u8; 5000], "some other kind"),
            ([7u8, 0, 0, 9, 1, 0, 0, 0].repeat(40), "some other kind"),
        ] {
            let m = message(bytes);
            assert!(
                m.contains("this is not a text file") && m.contains(kind),
                "{m}"
            );
        }
        // UTF-16 without its mark is still told as UTF-16, also Ukrainian,
        // whose letters have no zero byte; UTF-32 with an emoji as UTF-32.
        for text in [
            "Пам'ятайте: ставте питання, а не твердження.",
            "title: 🙂 ok",
        ] {
            let le: Vec<u8> = text.encode_utf16().flat_map(u16::to_le_bytes).collect();
            assert!(message(le).contains("saved as UTF-16, not UTF-8"), "{text}");
        }
        let wide: Vec<u8> = "title: 🙂 ok"
            .chars()
            .flat_map(|c| (c as u32).to_le_bytes())
            .collect();
        assert!(message(wide).contains("saved as UTF-32, not UTF-8"));
        let bare: Vec<u8> = "title: Zażółć gęślą jaźń"
            .encode_utf16()
            .flat_map(u16::to_le_bytes)
            .collect();
        assert!(message(bare).contains("saved as UTF-16, not UTF-8"));
    }

    #[test]
    fn utf16_with_a_mark_is_read_as_text() {
        let le: Vec<u8> = [0xFF, 0xFE]
            .into_iter()
            .chain("Zażółć\n".encode_utf16().flat_map(u16::to_le_bytes))
            .collect();
        assert_eq!(utf16_text(&le).as_deref(), Some("Zażółć\n"));
        let be: Vec<u8> = [0xFE, 0xFF]
            .into_iter()
            .chain("ok".encode_utf16().flat_map(u16::to_be_bytes))
            .collect();
        assert_eq!(utf16_text(&be).as_deref(), Some("ok"));
        assert_eq!(utf16_text(b"plain"), None);
        let bare: Vec<u8> = "title: x"
            .encode_utf16()
            .flat_map(u16::to_le_bytes)
            .collect();
        assert!(is_utf16_without_mark(&bare));
        assert!(!is_utf16_without_mark("zażółć gęślą".as_bytes()));
        assert!(message(bare).contains("saved as UTF-16, not UTF-8"));
    }

    #[test]
    fn utf32_is_named_with_or_without_its_mark() {
        let text = "title: Zażółć\n";
        let le: Vec<u8> = text
            .chars()
            .flat_map(|c| (c as u32).to_le_bytes())
            .collect();
        let be: Vec<u8> = text
            .chars()
            .flat_map(|c| (c as u32).to_be_bytes())
            .collect();
        for (mark, body) in [([0xFF, 0xFE, 0, 0], le), ([0, 0, 0xFE, 0xFF], be)] {
            assert!(message(body.clone()).contains("saved as UTF-32, not UTF-8"));
            let marked: Vec<u8> = mark.into_iter().chain(body).collect();
            assert!(message(marked).contains("saved as UTF-32, not UTF-8"));
        }
    }

    #[test]
    fn utf8_with_a_mark_loses_the_mark() {
        let bytes = "\u{feff}title: Łódź".as_bytes().to_vec();
        assert_eq!(decode(Path::new("a"), bytes).unwrap(), "title: Łódź");
    }

    #[test]
    fn one_byte_encodings_are_named() {
        // "Zażółć gęślą" in Windows-1250 and in ISO-8859-2.
        let windows = b"title: Za\xbf\xf3\xb3\xe6 g\xea\x9cl\xb9\n".to_vec();
        let latin2 = b"title: Za\xbf\xf3\xb3\xe6 g\xea\xb6l\xb1\n".to_vec();
        assert!(message(windows).contains("a.md:1:10: error: file is saved as Windows-1250"));
        assert!(message(latin2).contains("saved as ISO-8859-2 (Latin-2), not UTF-8"));
        // "żółw": no letter that differs, so the more common one.
        let zolw = b"title: \xbf\xf3\xb3w\n".to_vec();
        assert!(message(zolw).contains("saved as Windows-1250 (Central European)"));
        assert!(message(b"caf\xe9".to_vec())
            .contains("saved in an older one-byte encoding, such as Windows-1252, not"));
        // A bad byte among UTF-8 letters is not a whole file's encoding.
        let mixed = b"za\xc5\xbc\xc3\xb3\xc5\x82\xc4\x87 \xbf".to_vec();
        assert!(message(mixed).contains("file is not valid UTF-8"));
    }
}
