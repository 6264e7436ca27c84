//! The font files `site.yaml`'s `brand.fonts` ships: each must be a font a
//! browser reads. Anything else (a web page saved under the font's name, a
//! zip renamed) would leave the site in its fallback font without a word.

use crate::diagnostic::Diagnostic;
use crate::load::yaml::{locate, Seg};
use crate::model::Site;

/// The first bytes of each font format browsers read: WOFF2, WOFF,
/// TrueType (Windows and Apple), OpenType with PostScript outlines, and a
/// collection of them (.ttc, whose first font a browser shows).
const FONT_SIGNATURES: [&[u8; 4]; 6] = [b"wOF2", b"wOFF", b"\0\x01\0\0", b"true", b"OTTO", b"ttcf"];

/// How a file kept in Git LFS starts where only its pointer was checked out.
const LFS_POINTER: &[u8] = b"version https://git-lfs.github.com/spec/";

/// The formats as a trainer knows them, for messages.
const FORMATS: &str = "a WOFF2, WOFF, TrueType (.ttf) or OpenType (.otf) font file";

/// Errors for shipped font files that are no font. `copied` and `statics`
/// are the site's files and the theme's static files, each as its path from
/// the output root and its bytes; a font file that is neither is reported by
/// `check_brand`.
pub fn check_font_files(
    site: &Site,
    copied: &[(String, Vec<u8>)],
    statics: &[(String, Vec<u8>)],
) -> Vec<Diagnostic> {
    let text = site
        .texts
        .get(std::path::Path::new("site.yaml"))
        .map_or("", String::as_str);
    let mut diags = Vec::new();
    for (i, font) in site.config.brand.fonts.iter().enumerate() {
        let path = font.file.trim_start_matches('/');
        let Some((_, bytes)) = copied.iter().chain(statics).find(|(p, _)| p == path) else {
            continue;
        };
        // The file to replace: where the site keeps it (content/…), or the
        // theme's static file.
        let source = site
            .assets
            .iter()
            .find(|(_, out)| out == path)
            .map_or_else(|| path.to_string(), |(s, _)| s.display().to_string());
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
    let text = bytes.strip_prefix(b"\xef\xbb\xbf").unwrap_or(bytes);
    let first = text.iter().find(|b| !b.is_ascii_whitespace());
    Some(if bytes.is_empty() {
        (
            "an empty file",
            format!("download the font again (a download cut short leaves an empty file) and save it as {source}"),
        )
    } else if bytes.starts_with(LFS_POINTER) {
        (
            "a Git LFS pointer",
            format!("the font is kept in Git LFS and this copy of the site has only the pointer to it: run `git lfs pull` (a build server must check out with LFS) so that {source} is the font itself"),
        )
    } else if bytes.starts_with(b"PK\x03\x04") {
        (
            "a zip archive",
            format!("unzip {source}, save the .woff2, .ttf or .otf file from inside it under content/, and name that file in `file:`"),
        )
    } else if first == Some(&b'<') {
        (
            "a web page",
            format!("often it is the page a download link leads to, saved under the font's name: download the font file itself and save it as {source}"),
        )
    } else {
        (
            "a file of another kind",
            format!("download the font file itself and save it as {source}"),
        )
    })
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
        assert_eq!(what(b"\x89PNG\r\n"), Some("a file of another kind"));
    }
}
