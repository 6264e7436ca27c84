//! The files `site.yaml`'s `brand:` ships: each font in `fonts:` must be a
//! font a browser reads, and the `logo` and `favicon` pictures a browser
//! shows. Anything else (a web page saved under the font's or picture's
//! name, a zip renamed) would leave the site in its fallback font, or with
//! a broken picture in every page's header, without a word.

use crate::diagnostic::Diagnostic;
use crate::load::yaml::{locate, locate_value, Seg};
use crate::model::Site;

/// The first bytes of each font format browsers read: WOFF2, WOFF,
/// TrueType (Windows and Apple), OpenType with PostScript outlines, and a
/// collection of them (.ttc, whose first font a browser shows).
const FONT_SIGNATURES: [&[u8; 4]; 6] = [b"wOF2", b"wOFF", b"\0\x01\0\0", b"true", b"OTTO", b"ttcf"];

/// The first bytes of the picture formats every browser shows: PNG, JPEG,
/// GIF, WebP (`RIFF`, then `WEBP` at byte 8) and an icon (a favicon.ico).
const PICTURE_SIGNATURES: [&[u8]; 5] =
    [b"\x89PNG", b"\xff\xd8\xff", b"GIF8", b"RIFF", b"\0\0\x01\0"];

/// How a file kept in Git LFS starts where only its pointer was checked out.
const LFS_POINTER: &[u8] = b"version https://git-lfs.github.com/spec/";

/// The formats as a trainer knows them, for messages.
const FORMATS: &str = "a WOFF2, WOFF, TrueType (.ttf) or OpenType (.otf) font file";

/// The picture formats, for messages.
const PICTURES: &str = "an SVG, PNG, JPEG, GIF or WebP picture";

/// The bytes of the file at `path` (from the output root), among the site's
/// files and the theme's static files, and the file to replace: where the
/// site keeps it (content/…), or the theme's static file.
fn shipped<'b>(
    site: &Site,
    files: &[&'b [(&str, &'b [u8])]],
    path: &str,
) -> Option<(&'b [u8], String)> {
    let path = path.trim_start_matches('/');
    let (_, bytes) = files
        .iter()
        .flat_map(|f| f.iter())
        .find(|(p, _)| *p == path)?;
    let source = site
        .assets
        .iter()
        .find(|(_, out)| out == path)
        .map_or_else(|| path.to_string(), |(s, _)| s.display().to_string());
    Some((bytes, source))
}

/// Errors for the brand's `logo` and `favicon` files that are no picture a
/// browser shows (see [`check_font_files`] for `copied` and `statics`).
pub fn check_picture_files(
    site: &Site,
    copied: &[(&str, &[u8])],
    statics: &[(&str, &[u8])],
) -> Vec<Diagnostic> {
    let text = super::site_yaml(site);
    let brand = &site.config.brand;
    let mut diags = Vec::new();
    for (field, file) in [("logo", &brand.logo), ("favicon", &brand.favicon)] {
        let Some(file) = file else { continue };
        let Some((bytes, source)) = shipped(site, &[copied, statics], file) else {
            continue;
        };
        let (line, column) = locate_value(text, &[Seg::Key("brand"), Seg::Key(field)]);
        if svg_without_namespace(bytes) {
            diags.push(
                Diagnostic::error(
                    "site.yaml",
                    format!("brand {field} `{file}` is an SVG whose `<svg>` tag lacks `xmlns=\"http://www.w3.org/2000/svg\"`: a browser shows it as a broken picture"),
                )
                .at(line, column)
                .hint(format!("add xmlns=\"http://www.w3.org/2000/svg\" to the `<svg` tag in {source} (an SVG copied out of a web page's HTML lacks it), or save it again from a drawing program")),
            );
            continue;
        }
        if is_picture(bytes) {
            continue;
        }
        let (what, fix) = other_kind(bytes, &source, &A_PICTURE);
        diags.push(
            Diagnostic::error(
                "site.yaml",
                format!(
                    "brand {field} `{file}` is {what}, not a picture: alsite expects {PICTURES}"
                ),
            )
            .at(line, column)
            .hint(format!(
                "{fix}; until then every page shows a broken picture there"
            )),
        );
    }
    diags
}

/// Whether `bytes` are a picture a browser shows: one of
/// [`PICTURE_SIGNATURES`], AVIF, BMP, or SVG (text whose first element is
/// `<svg`, after an XML declaration, comments and a doctype, in UTF-8 or
/// UTF-16).
fn is_picture(bytes: &[u8]) -> bool {
    let webp = |b: &[u8]| !b.starts_with(b"RIFF") || b.get(8..12) == Some(b"WEBP");
    if PICTURE_SIGNATURES.iter().any(|s| bytes.starts_with(s)) && webp(bytes) {
        return true;
    }
    let avif =
        bytes.get(4..8) == Some(b"ftyp") && bytes.get(8..12).is_some_and(|b| b.starts_with(b"avi"));
    if avif || bytes.starts_with(b"BM") {
        return true;
    }
    starts_with_svg(&svg_text(bytes))
}

/// Whether `bytes` are an SVG whose root `<svg>` tag does not name the SVG
/// namespace: inline in HTML it needs none, but as a file of its own (an
/// `<img>`) a browser does not draw it.
fn svg_without_namespace(bytes: &[u8]) -> bool {
    let text = svg_text(bytes);
    if !starts_with_svg(&text) {
        return false;
    }
    let Some(at) = text.find("<svg") else {
        return false;
    };
    let tag = &text[at..text[at..].find('>').map_or(text.len(), |end| at + end)];
    !tag.contains("http://www.w3.org/2000/svg")
}

/// The start of `bytes` as text (UTF-16 with its byte-order mark too),
/// lower-cased, enough to read past a long comment before the picture.
fn svg_text(bytes: &[u8]) -> String {
    let head = &bytes[..bytes.len().min(64 * 1024)];
    let utf16 = |be: bool| {
        let units = head[2..].chunks_exact(2).map(|c| match be {
            true => u16::from_be_bytes([c[0], c[1]]),
            false => u16::from_le_bytes([c[0], c[1]]),
        });
        char::decode_utf16(units)
            .map(|c| c.unwrap_or('\u{fffd}'))
            .collect::<String>()
    };
    let text = match head {
        [0xff, 0xfe, ..] => utf16(false),
        [0xfe, 0xff, ..] => utf16(true),
        _ => String::from_utf8_lossy(head).into_owned(),
    };
    text.to_lowercase()
}

/// Whether `text` (lower case) opens with `<svg`, past what may come before
/// an XML document's first element; a comment or doctype that runs past
/// the text read counts as one (the picture is given the benefit of the
/// doubt).
fn starts_with_svg(text: &str) -> bool {
    let mut rest = text.trim_start_matches('\u{feff}').trim_start();
    loop {
        let close = if rest.starts_with("<?") {
            "?>"
        } else if rest.starts_with("<!--") {
            "-->"
        } else if rest.starts_with("<!doctype") {
            // A doctype with declarations of its own (`[ <!ENTITY …> ]>`,
            // as Illustrator writes) ends at `]>`.
            let bracket = rest.find('[');
            match bracket.filter(|&b| rest.find('>').is_some_and(|g| b < g)) {
                Some(_) => "]>",
                None => ">",
            }
        } else {
            return rest.starts_with("<svg");
        };
        match rest.find(close) {
            Some(at) => rest = rest[at + close.len()..].trim_start(),
            None => return true,
        }
    }
}

/// Errors for shipped font files that are no font. `copied` and `statics`
/// are the site's files and the theme's static files, each as its path from
/// the output root and its bytes; a font file that is neither is reported by
/// `check_brand`.
pub fn check_font_files(
    site: &Site,
    copied: &[(&str, &[u8])],
    statics: &[(&str, &[u8])],
) -> Vec<Diagnostic> {
    let text = super::site_yaml(site);
    let mut diags = Vec::new();
    for (i, font) in site.config.brand.fonts.iter().enumerate() {
        let Some((bytes, source)) = shipped(site, &[copied, statics], &font.file) else {
            continue;
        };
        let Some((what, hint)) = not_a_font(bytes, &source) else {
            continue;
        };
        let (line, column) = locate(
            text,
            &[
                Seg::Key("brand"),
                Seg::Key("fonts"),
                Seg::Index(i),
                Seg::Key("file"),
            ],
        );
        diags.push(
            Diagnostic::error(
                "site.yaml",
                format!(
                    "font file `{}` is {what}, not a font: alsite expects {FORMATS}",
                    font.file
                ),
            )
            .at(line, column)
            .hint(format!(
                "{hint}; until then browsers show the fallback font"
            )),
        );
    }
    diags
}

/// What the file at `source` is instead of a font, and what to do about
/// it; `None` for a font.
fn not_a_font(bytes: &[u8], source: &str) -> Option<(&'static str, String)> {
    let head = bytes.get(..4);
    if head.is_some_and(|h| FONT_SIGNATURES.iter().any(|s| h == *s)) {
        return None;
    }
    Some(other_kind(bytes, source, &A_FONT))
}

/// What a file should have been, in the words of [`other_kind`]'s hints.
struct Meant {
    /// `font`, `picture`.
    name: &'static str,
    /// What to download: `font file`, `picture`.
    file: &'static str,
    /// What to take out of a zip.
    inside: &'static str,
    /// Where to name the file taken out.
    named_in: &'static str,
}

const A_FONT: Meant = Meant {
    name: "font",
    file: "font file",
    inside: "the .woff2, .ttf or .otf file",
    named_in: "`file:`",
};

const A_PICTURE: Meant = Meant {
    name: "picture",
    file: "picture",
    inside: "the picture",
    named_in: "site.yaml",
};

/// What the file at `source` is instead of what was `meant`, and what to
/// do about it.
fn other_kind(bytes: &[u8], source: &str, meant: &Meant) -> (&'static str, String) {
    let Meant {
        name,
        file,
        inside,
        named_in,
    } = meant;
    let text = bytes.strip_prefix(b"\xef\xbb\xbf").unwrap_or(bytes);
    let first = text.iter().find(|b| !b.is_ascii_whitespace());
    if bytes.is_empty() {
        (
            "an empty file",
            format!("download the {name} again (a download cut short leaves an empty file) and save it as {source}"),
        )
    } else if bytes.starts_with(LFS_POINTER) {
        (
            "a Git LFS pointer",
            format!("the {name} is kept in Git LFS and this copy of the site has only the pointer to it: run `git lfs pull` (a build server must check out with LFS) so that {source} is the {name} itself"),
        )
    } else if bytes.starts_with(b"PK\x03\x04") {
        (
            "a zip archive",
            format!("unzip {source}, save {inside} from inside it under content/, and name that file in {named_in}"),
        )
    } else if bytes.starts_with(b"%PDF") {
        (
            "a PDF document",
            format!("export the {name} from it as a file of its own and save it as {source}"),
        )
    } else if first == Some(&b'<') {
        (
            "a web page",
            format!("often it is the page a download link leads to, saved under the {name}'s name: download the {file} itself and save it as {source}"),
        )
    } else {
        (
            "a file of another kind",
            format!("download the {file} itself and save it as {source}"),
        )
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fonts_pass_and_other_files_say_what_they_are() {
        for font in [
            &b"wOF2\0\x01\0\0"[..],
            b"wOFF\0\x01",
            b"\0\x01\0\0\0\x0f",
            b"true\0\x0f",
            b"OTTO\0\x0c",
            b"ttcf\0\x01\0\0",
        ] {
            assert_eq!(not_a_font(font, "x"), None, "{font:?}");
        }
        let what = |bytes: &[u8]| not_a_font(bytes, "content/fonts/x.woff2").map(|(w, _)| w);
        assert_eq!(what(b""), Some("an empty file"));
        assert_eq!(what(b"wOF"), Some("a file of another kind"));
        assert_eq!(what(b"PK\x03\x04\x14\0"), Some("a zip archive"));
        assert_eq!(
            what(b"version https://git-lfs.github.com/spec/v1\noid sha256:4d7a\nsize 48236\n"),
            Some("a Git LFS pointer")
        );
        assert_eq!(what(b"\xef\xbb\xbf\n  <!DOCTYPE html>"), Some("a web page"));
        assert_eq!(what(b"<svg xmlns"), Some("a web page"));
        assert!(svg_without_namespace(b"<svg width=\"10\"><rect/></svg>"));
        assert!(svg_without_namespace(
            b"<?xml version=\"1.0\"?><svg><rect/></svg>"
        ));
        assert!(!svg_without_namespace(
            b"<?xml version=\"1.0\"?>\n<svg\n  xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 1 1\">"
        ));
        assert!(!svg_without_namespace(b"\x89PNG\r\n\x1a\n"));
        assert_eq!(what(b"\x89PNG\r\n"), Some("a file of another kind"));
    }

    #[test]
    fn pictures_pass_and_other_files_say_what_they_are() {
        for picture in [
            &b"\x89PNG\r\n\x1a\n"[..],
            b"\xff\xd8\xff\xe0",
            b"GIF89a",
            b"RIFF\x10\0\0\0WEBPVP8 ",
            b"\0\0\x01\0\x01\0",
            b"<svg xmlns=\"http://www.w3.org/2000/svg\"/>",
            b"\xef\xbb\xbf<?xml version=\"1.0\"?>\n<!-- Inkscape -->\n<!DOCTYPE svg>\n<SVG>",
            b"<?xml version=\"1.0\"?>\n<!-- Generator: Adobe Illustrator -->\n<!DOCTYPE svg PUBLIC \"-//W3C//DTD SVG 1.1//EN\" \"x.dtd\" [\n<!ENTITY ns_extend \"a\">\n<!ENTITY ns_ai \"b\">\n]>\n<svg version=\"1.1\">",
            b"\0\0\0\x1cftypavif",
            b"BM6\0\0\0",
        ] {
            assert!(is_picture(picture), "{picture:?}");
        }
        let long_comment = format!("<!-- {} -->\n<svg>", "x".repeat(10_000));
        assert!(is_picture(long_comment.as_bytes()));
        let utf16: Vec<u8> = [0xff, 0xfe]
            .into_iter()
            .chain("<svg/>".encode_utf16().flat_map(u16::to_le_bytes))
            .collect();
        assert!(is_picture(&utf16));
        let what = |bytes: &[u8]| {
            (!is_picture(bytes)).then(|| other_kind(bytes, "content/images/logo.png", &A_PICTURE).0)
        };
        assert_eq!(what(b"<html>404</html>"), Some("a web page"));
        assert_eq!(what(b"%PDF-1.7"), Some("a PDF document"));
        assert_eq!(
            what(b"RIFF\x10\0\0\0WAVEfmt "),
            Some("a file of another kind")
        );
        assert_eq!(what(b""), Some("an empty file"));
    }
}
