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
pub fn check_font_letters(site: &Site, files: &[&[(&str, &[u8])]]) -> Vec<Diagnostic> {
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
    let yaml = super::site_yaml(site);
    let mut diags = Vec::new();
    for (i, font) in fonts.iter().enumerate() {
        let path = font.file.trim_start_matches('/');
        let bytes = files
            .iter()
            .flat_map(|f| f.iter())
            .find(|(p, _)| *p == path);
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
        .find_map(|t| shown_words(t).find(|w| w.chars().any(|c| missing.contains(&c))))
        .map_or_else(String::new, |w| format!(" (“{w}”)"));
    format!(
        "font `{family}` ({file}) has no glyphs for {}, letters the site's text uses{example}: browsers draw them in a fallback font, so such words mix two typefaces",
        listed.join(" ")
    )
}

/// The words of `text` a reader could see: not a YAML field's name (a word
/// right before its `:`), which no page shows.
fn shown_words(text: &str) -> impl Iterator<Item = &str> {
    let bytes = text.as_bytes();
    text.split(|c: char| !c.is_alphabetic()).filter(move |w| {
        let end = w.as_ptr() as usize - text.as_ptr() as usize + w.len();
        !w.is_empty() && bytes.get(end) != Some(&b':')
    })
}

/// The text of the site in every language: the pages' titles and
/// descriptions (a page's body is not kept), then its YAML files and
/// site.yaml; the first word that needs a missing letter is the example.
fn site_texts(site: &Site) -> Vec<&str> {
    let sites = || std::iter::once(site).chain(&site.translations);
    let mut texts: Vec<&str> = Vec::new();
    for page in sites().flat_map(|s| s.home.iter().chain(&s.pages)) {
        texts.push(&page.front.title);
        texts.extend(page.front.description.as_deref());
    }
    texts.extend(sites().flat_map(|s| s.texts.values().map(String::as_str)));
    texts
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_example_word_is_one_a_reader_sees_not_a_field_name() {
        let text = "title: Ćwiczenia z pytań\nstages:\n  - kind: opening\n";
        let words: Vec<&str> = shown_words(text).collect();
        assert_eq!(words, ["Ćwiczenia", "z", "pytań", "opening"]);
        let m = message("Lato", "fonts/lato.woff2", &['t', 'Ć'], &[text]);
        assert!(m.contains("(“Ćwiczenia”)"), "{m}");
    }
}
