//! The letters of a shipped font (`brand.fonts`) against the letters the
//! site's text uses: a font cut down to English letters on a Polish site
//! draws "Ćwiczenia z pytań" with Ć and ń from the fallback font, two
//! typefaces in one word. A warning names the letters and a word.

use crate::diagnostic::Diagnostic;
use crate::font_cmap::Cmap;
use crate::load::yaml::{locate, Seg};
use crate::model::Site;
use std::collections::BTreeSet;

/// How many missing letters a message lists before "and N more".
const LISTED: usize = 12;

/// Warnings for shipped fonts that lack letters of the site's text.
/// `files` are the site's and the theme's files, each as its path from the
/// output root and its bytes.
pub fn check_font_letters(site: &Site, files: &[&[(String, Vec<u8>)]]) -> Vec<Diagnostic> {
    let fonts = &site.config.brand.fonts;
    if fonts.is_empty() {
        return Vec::new();
    }
    let texts = site_texts(site);
    let letters: BTreeSet<char> = texts
        .iter()
        .flat_map(|t| t.chars())
        .filter(|c| c.is_alphabetic())
        .collect();
    let yaml = site
        .texts
        .get(std::path::Path::new("site.yaml"))
        .map_or("", String::as_str);
    let mut diags = Vec::new();
    for (i, font) in fonts.iter().enumerate() {
        let path = font.file.trim_start_matches('/');
        let bytes = files.iter().flat_map(|f| f.iter()).find(|(p, _)| p == path);
        let Some(cmap) = bytes.and_then(|(_, b)| Cmap::read(b)) else {
            continue;
        };
        let missing: Vec<char> = letters.iter().copied().filter(|&c| !cmap.has(c)).collect();
        if missing.is_empty() {
            continue;
        }
        let place = [
            Seg::Key("brand"),
            Seg::Key("fonts"),
            Seg::Index(i),
            Seg::Key("file"),
        ];
        let (line, column) = locate(yaml, &place);
        diags.push(
            Diagnostic::warning("site.yaml", message(&font.family, &font.file, &missing, &texts))
                .at(line, column)
                .hint("use a version of the font that has these letters (for Polish, Czech and other Central European languages its files are often named latin-ext, or Latin Extended-A), or another font for the text that needs them"),
        );
    }
    diags
}

fn message(family: &str, file: &str, missing: &[char], texts: &[&str]) -> String {
    let mut listed: Vec<String> = missing.iter().take(LISTED).map(char::to_string).collect();
    if missing.len() > LISTED {
        listed.push(format!("and {} more", missing.len() - LISTED));
    }
    let example = texts
        .iter()
        .flat_map(|t| t.split(|c: char| !c.is_alphabetic()))
        .find(|w| w.chars().any(|c| missing.contains(&c)))
        .map_or_else(String::new, |w| format!(" (“{w}”)"));
    format!(
        "font `{family}` ({file}) has no glyphs for {}, letters the site's text uses{example}: browsers draw them in a fallback font, so such words mix two typefaces",
        listed.join(" ")
    )
}

/// The text of the site in every language: its YAML files and site.yaml,
/// and the pages' titles and descriptions (a page's body is not kept).
fn site_texts(site: &Site) -> Vec<&str> {
    let sites = || std::iter::once(site).chain(&site.translations);
    let mut texts: Vec<&str> = sites()
        .flat_map(|s| s.texts.values().map(String::as_str))
        .collect();
    for page in sites().flat_map(|s| s.home.iter().chain(&s.pages)) {
        texts.push(&page.front.title);
        texts.extend(page.front.description.as_deref());
    }
    texts
}
