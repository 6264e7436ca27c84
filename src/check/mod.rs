//! Checks over the whole site, returning diagnostics: output paths that two
//! files claim, and links or `#anchors` that lead nowhere.

mod base_template;
mod brand;
mod brand_files;
mod components;
mod curly_quotes;
pub mod empty_links;
mod file_hints;
mod flow_lists;
mod font_letters;
mod hash_comments;
mod ids;
pub mod left_open;
mod links;
pub mod markdown_slips;
mod nav;
mod offers;
mod open_elements;
mod open_in_fields;
mod organization;
pub mod other_tools;
mod placing;
mod practice;
pub mod reference_links;
mod repeats;
mod session;
pub mod spaced_links;
mod template_blocks;
mod translated_workshops;
mod translations;
mod workshop;

pub use base_template::{check_base_template, check_launch_template};
pub use brand::{check_brand, check_unused_fonts};
pub use brand_files::{check_font_files, check_picture_files};
pub use components::check_components;
pub use font_letters::check_font_letters;
pub use ids::check_ids;
pub use links::{
    attributes, check_pages, LinkAttributes, LinkIndex, Names, PageLinks, PageTitled, SourceParts,
    SourceText, Sources,
};
pub use nav::check_nav;
pub use offers::check_offers;
pub use organization::check_organization;
pub use practice::{check_item, check_practice};
pub use session::{check_sessions, is_question, turn_kind, TurnKind};
pub use template_blocks::check_template_blocks;
pub use translations::{
    missing_translations, moved_translations, orphan_translations, translation_name,
};
pub use workshop::check_workshops;

use crate::model::Site;

/// An error when the site (its first language) has no home page: every
/// page's header links to it, so without one each page would report a
/// broken link to `index.html`.
pub fn home_page(site: &Site) -> Option<Diagnostic> {
    site.home.is_none().then(|| {
        Diagnostic::error("content/index.md", "the site has no home page: content/index.md is missing")
            .hint("add content/index.md: a `---` line, `title: Welcome`, another `---` line, then a few lines about the site; every page's header links to it")
    })
}

/// [`check_content`] for the site and each of its translations: what a
/// build checks, and what `serve` checks again after an edit.
pub fn check_every_language(site: &Site, theme: &crate::theme::Theme) -> Vec<Diagnostic> {
    std::iter::once(site)
        .chain(&site.translations)
        .flat_map(|s| check_content(s, site, theme))
        .collect()
}

/// Every check on the loaded content (before rendering).
/// `original` is the site in the default language (`site` itself there).
pub fn check_content(site: &Site, original: &Site, theme: &crate::theme::Theme) -> Vec<Diagnostic> {
    // Each reads the site alone: they run side by side, their findings in
    // this order.
    let checks: [&(dyn Fn() -> Vec<Diagnostic> + Sync); 17] = [
        &|| check_practice(site),
        &|| check_sessions(site),
        &|| check_workshops(site, original),
        &|| translations::check_translated_practice(site, original),
        &|| translations::check_translated_sessions(site, original),
        &|| translated_workshops::check_translated_workshops(site, original),
        &|| check_offers(site),
        &|| check_components(site),
        &|| check_ids(site, theme),
        &|| flow_lists::check_flow_lists(site),
        &|| spaced_links::check_spaced_links(site, original),
        &|| empty_links::check_empty_links(site, original),
        &|| reference_links::check_reference_links(site),
        &|| other_tools::check_other_tools(site),
        &|| left_open::check_left_open(site),
        &|| open_in_fields::check_open_in_fields(site),
        &|| markdown_slips::check_markdown_slips(site),
    ];
    checks.par_iter().flat_map_iter(|check| check()).collect()
}

use crate::diagnostic::Diagnostic;
use rayon::prelude::*;

/// The text of `site.yaml`, where the checks of its fields place what they
/// find (empty when it could not be read).
pub(crate) fn site_yaml(site: &Site) -> &str {
    let file = std::path::Path::new("site.yaml");
    site.texts.get(file).map_or("", String::as_str)
}
use std::borrow::Cow;
use std::path::PathBuf;

/// One error for each file that writes to an output path already written by another.
/// It is placed at the file's `slug:` line when it has one.
///
/// The paths are sorted (stably, so of two claims the one planned first
/// stays first) rather than put in a map: at 100,000 pages a sorted map
/// compared each path with seventeen others, one after another.
pub fn duplicate_outputs(planned: &[(String, PathBuf)], texts: SourceText) -> Vec<Diagnostic> {
    let mut order: Vec<&(String, PathBuf)> = planned.iter().collect();
    order.par_sort_by(|a, b| a.0.cmp(&b.0));
    let mut first: Vec<(&str, &PathBuf)> = Vec::with_capacity(order.len());
    let mut diags = Vec::new();
    for (path, source) in order {
        match first.last() {
            Some(&(earlier_path, earlier)) if earlier_path == path => {
                let list = section_list(path, earlier).or_else(|| section_list(path, source));
                diags.push(match workshop_page_name(path, earlier, texts) {
                    Some(d) => d,
                    None if list.is_some() => {
                        let (what, folder, lede) = list.unwrap_or_default();
                        let other = if source.starts_with(folder) { earlier } else { source };
                        Diagnostic::error(
                            other,
                            format!("output path `{path}` is the list of {what} that alsite makes from {folder}/"),
                        )
                        .at_slug(texts(other).as_ref())
                        .hint(format!("give this page another name, or another `slug:` in its front matter; to change the words above the list, give `{lede}` in i18n/<lang>.yaml"))
                    }
                    None => {
                        // The file whose `slug:` took the path is the one
                        // to change, not the one named so.
                        let slugged = |f: &PathBuf| {
                            texts(f).is_some_and(|t| crate::load::slug_place(&t).is_some())
                        };
                        let (blamed, other) = match !slugged(source) && slugged(earlier) {
                            true => (earlier, source),
                            false => (source, earlier),
                        };
                        Diagnostic::error(
                            blamed,
                            format!(
                                "output path `{path}` is also produced by {}",
                                other.display()
                            ),
                        )
                        .at_slug(texts(blamed).as_ref())
                        .hint(same_name_hint(other, blamed))
                    }
                })
            }
            _ => first.push((path, source)),
        }
    }
    // A module named as a workshop's page is told once, not once a language.
    let mut told = std::collections::HashSet::new();
    diags.retain(|d| told.insert((d.file.clone(), d.line, d.column, d.message.clone())));
    diags.extend(case_twins(&first, texts));
    diags
}

/// For `path`, a section's list (`practice/index.html`, in any language's
/// folder), planned for `file` in that section's folder: what it lists
/// the folder, which made the list, not the one file, and the UI string
/// of the words above it.
fn section_list(
    path: &str,
    file: &std::path::Path,
) -> Option<(&'static str, &'static str, &'static str)> {
    let sections = [
        (
            "practice sets",
            "practice",
            "content/practice",
            "practice.lede",
        ),
        (
            "demo sessions",
            "sessions",
            "content/sessions",
            "session.lede",
        ),
        (
            "workshops",
            "workshops",
            "content/workshops",
            "workshop.lede",
        ),
    ];
    sections
        .into_iter()
        .find_map(|(what, section, folder, lede)| {
            let list = format!("{section}/index.html");
            let at_list = path == list
                || path
                    .strip_suffix(&list)
                    .is_some_and(|l| l.ends_with('/') && l.matches('/').count() == 1);
            (at_list && file.starts_with(folder)).then_some((what, folder, lede))
        })
}

/// A module named as one of its workshop's own pages (`handout.md`,
/// `facilitator.md`, `index.md`), which `earlier`, the workshop's file, makes.
fn workshop_page_name(
    path: &str,
    earlier: &std::path::Path,
    texts: SourceText,
) -> Option<Diagnostic> {
    let file = earlier.file_name()?.to_str()?;
    if !(file.starts_with("workshop.") && file.ends_with(".yaml")) {
        return None;
    }
    let (_, name) = path.rsplit_once('/')?;
    let page = match name {
        "index.html" => "agenda",
        "facilitator.html" => "facilitator guide",
        "handout.html" => "handout",
        _ => return None,
    };
    let module = name.trim_end_matches(".html");
    // The `module:` entry that names it (else the file as a whole).
    let text = texts(earlier).unwrap_or_default();
    // `- module: handout`, `- { module: handout, minutes: 30 }`
    let (line, column) = text
        .lines()
        .enumerate()
        .find_map(|(n, l)| {
            let at = l.find("module:")?;
            let value = l[at + 7..].trim_start();
            let bare = value.trim_matches(|c| c == '"' || c == '\'' || c == ' ');
            let named = bare.split([' ', '#', ',', '}']).next() == Some(module);
            named.then(|| (n + 1, l.len() - value.len() + 1))
        })
        .unwrap_or((1, 1));
    Some(
        Diagnostic::error(
            earlier,
            format!("module `{module}` has the name of the workshop's own {page} page"),
        )
        .at(line, column)
        .hint(format!(
            "rename the module's file (such as `{module}-notes.md`) and its `- module:` entry here to match; `index`, `facilitator` and `handout` are the names of every workshop's agenda, facilitator guide and handout"
        )),
    )
}

/// What to do about two files making one output path: rename one, or, for
/// `about.en.md` beside `about.md` in a site whose language is `en` (the
/// only way the two meet), drop the code that names the site's own language.
fn same_name_hint(a: &std::path::Path, b: &std::path::Path) -> String {
    let name = |p: &std::path::Path| {
        p.file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_default()
    };
    for (coded, plain) in [(a, b), (b, a)] {
        let (coded_name, plain_name) = (name(coded), name(plain));
        let Some((stem, ext)) = plain_name.rsplit_once('.') else {
            continue;
        };
        let code = coded_name
            .strip_prefix(stem)
            .and_then(|r| r.strip_suffix(ext))
            .and_then(|r| r.strip_prefix('.'))
            .and_then(|r| r.strip_suffix('.'))
            .filter(|c| (2..=3).contains(&c.len()) && c.chars().all(|c| c.is_ascii_lowercase()));
        if let (Some(code), Some(_)) = (code, coded.parent().filter(|p| Some(*p) == plain.parent()))
        {
            return format!("`.{code}` marks a translation, but `{code}` is the site's own language, which a file without a code is in already: remove {}, or drop its `.{code}`", coded.display());
        }
    }
    "rename one of the files, or give one a different `slug:` in its front matter".to_string()
}

/// Output paths that differ only in capital letters (`About.html` beside
/// `about.html`): on Windows, macOS and most USB sticks they are one file,
/// so a copy of the site there would lose one of them. `paths` are sorted
/// and each is there once.
fn case_twins(paths: &[(&str, &PathBuf)], texts: SourceText) -> Vec<Diagnostic> {
    fn lower(path: &str) -> Cow<'_, str> {
        match path.bytes().any(|b| b.is_ascii_uppercase() || b >= 0x80) {
            true => Cow::Owned(path.to_lowercase()),
            false => Cow::Borrowed(path),
        }
    }
    let mut folded: Vec<(Cow<str>, &str, &PathBuf)> = paths
        .par_iter()
        .map(|&(path, source)| (lower(path), path, source))
        .collect();
    folded.par_sort_by(|a, b| a.0.cmp(&b.0));
    let mut diags = Vec::new();
    let mut twins: Vec<&str> = Vec::new();
    // Each path of a group is named beside the group's first.
    let mut first = 0;
    for (i, (key, path, source)) in folded.iter().enumerate().skip(1) {
        if *key != folded[first].0 {
            first = i;
            continue;
        }
        let other = folded[first].1;
        twins.push(key);
        diags.push(
            Diagnostic::error(
                source,
                format!("output path `{path}` differs from `{other}` only in capital letters"),
            )
            .at_slug(texts(source).as_ref())
            .hint("on Windows, macOS and most USB sticks the two are one file, so one would be lost: rename one of them"),
        );
    }
    // Files that are twins already say so, with the fix that keeps both
    // (renaming one): their folders are not told to take one name.
    diags.extend(folder_case_twins(paths, texts, &twins));
    diags
}

/// Output folders whose names differ only in capital letters (`Kurs/`
/// beside `kurs/`): on Windows, macOS and most USB sticks they become one
/// folder, and a link into one breaks once that copy is on a web server.
/// Reported once a pair, at a file of the second folder.
/// `twins` are the files reported as twins already, in small letters.
fn folder_case_twins(
    paths: &[(&str, &PathBuf)],
    texts: SourceText,
    twins: &[&str],
) -> Vec<Diagnostic> {
    // Every folder, each with a file in it (the first, as paths are sorted).
    let mut folders: std::collections::BTreeMap<&str, &PathBuf> = Default::default();
    for &(path, source) in paths {
        let mut rest = path;
        while let Some((dir, _)) = rest.rsplit_once('/') {
            if folders.contains_key(dir) {
                break;
            }
            folders.insert(dir, source);
            rest = dir;
        }
    }
    let mut by_lower: std::collections::HashMap<String, &str> = Default::default();
    let mut diags = Vec::new();
    for (&dir, source) in &folders {
        let lower = dir.to_lowercase();
        let first = *by_lower.entry(lower.clone()).or_insert(dir);
        let (name, other) = (last_part(dir), last_part(first));
        let told = || {
            twins.iter().any(|t| {
                t.strip_prefix(lower.as_str())
                    .is_some_and(|r| r.starts_with('/'))
            })
        };
        if first != dir && name != other && !told() {
            diags.push(
                Diagnostic::error(
                    *source,
                    format!("output folder `{dir}/` differs from `{first}/` only in capital letters"),
                )
                .at_slug(texts(source).as_ref())
                .hint("on Windows, macOS and most USB sticks the two are one folder, and a link into one would break once that copy is on a web server: give both the same name"),
            );
        }
    }
    diags
}

fn last_part(dir: &str) -> &str {
    dir.rsplit_once('/').map_or(dir, |(_, name)| name)
}

/// Copied files that would take the place of one of the theme's own static
/// files (`static/style.css` …): the output could hold only one of the two.
pub fn replaced_theme_files(
    statics: &[(String, Vec<u8>)],
    assets: &[(PathBuf, String)],
    theme: &str,
) -> Vec<Diagnostic> {
    // By lower case: Windows, macOS and most USB sticks take `Static/style.css`
    // for `static/style.css`, and one would replace the other there.
    let theirs: std::collections::HashMap<String, &str> = statics
        .iter()
        .map(|(p, _)| (p.to_lowercase(), p.as_str()))
        .collect();
    assets
        .iter()
        .filter_map(|(source, out)| Some((source, out, *theirs.get(&out.to_lowercase())?)))
        .map(|(source, out, own)| {
            let message = if out == own {
                format!("output path `{out}` is also a file of the theme, which the site needs")
            } else {
                format!("output path `{out}` differs only in capitals from `{own}`, a file of the theme, which the site needs: on Windows, macOS and most USB sticks one replaces the other")
            };
            Diagnostic::error(source, message).hint(format!(
                "to change the theme's file, put your version in themes/{theme}/static/; to add a file of your own, give it another name"
            ))
        })
        .collect()
}

/// Copied files in `search/`, where the search index and its text go when
/// search is on: one of them would silently replace a part of the index.
pub fn files_in_search_folder(assets: &[(PathBuf, String)], search: bool) -> Vec<Diagnostic> {
    if !search {
        return Vec::new();
    }
    assets
        .iter()
        // `SEARCH/` too: one folder where capitals do not count.
        .filter(|(_, out)| out.to_lowercase().starts_with("search/"))
        .map(|(source, out)| {
            Diagnostic::error(
                source,
                if out.starts_with("search/") {
                    format!("output path `{out}` is in search/, where the site's search index goes")
                } else {
                    let folder = &out[..6];
                    format!("output path `{out}` is in {folder}/, which Windows, macOS and most USB sticks take for search/, where the site's search index goes")
                },
            )
            .hint("put the file in a folder of another name, or turn search off with `search: false` in site.yaml")
        })
        .collect()
}

/// The folder whose addresses `alsite serve` keeps for itself (the live
/// reload's `/__alsite/events`).
pub const PREVIEW_FOLDER: &str = "__alsite/";

/// Copied files in [`PREVIEW_FOLDER`]: published by a build, but hidden
/// in the preview behind serve's own addresses, so the two would differ.
pub fn files_in_preview_folder(assets: &[(PathBuf, String)]) -> Vec<Diagnostic> {
    assets
        .iter()
        .filter(|(_, out)| out.to_lowercase().starts_with(PREVIEW_FOLDER))
        .map(|(source, out)| {
            Diagnostic::error(
                source,
                format!("output path `{out}` is in {}, whose addresses the preview (`alsite serve`) keeps for itself", &out[..PREVIEW_FOLDER.len()]),
            )
            .hint("put the file in a folder of another name")
        })
        .collect()
}

/// Diagnostics placed at a file's `slug:` value (see [`slug_place`]).
trait AtSlug {
    fn at_slug(self, text: Option<&String>) -> Self;
}

impl AtSlug for Diagnostic {
    fn at_slug(self, text: Option<&String>) -> Diagnostic {
        let (line, column) = slug_place(text);
        self.at(line, column)
    }
}

/// Where a file's `slug:` value is, as (line, column) (see
/// [`crate::load::slug_place`]): line 1, column 1 for a file without one;
/// line 0 for a file alsite only copies (it is reported as a whole).
fn slug_place(text: Option<&String>) -> (usize, usize) {
    match text {
        Some(text) => crate::load::slug_place(text).unwrap_or((1, 1)),
        None => (0, 1),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn second_claim_on_a_path_is_an_error() {
        let planned = vec![
            (
                "components.html".to_string(),
                PathBuf::from("content/method/components.yaml"),
            ),
            (
                "about.html".to_string(),
                PathBuf::from("content/pages/about.md"),
            ),
            (
                "components.html".to_string(),
                PathBuf::from("content/pages/components.md"),
            ),
        ];
        let diags = duplicate_outputs(&planned, &|_: &std::path::Path| None);
        assert_eq!(diags.len(), 1);
        assert_eq!(diags[0].file, PathBuf::from("content/pages/components.md"));
        assert!(diags[0].message.contains("content/method/components.yaml"));
    }

    /// The caret of an error about a page's name points at its `slug:` value.
    #[test]
    fn slug_errors_point_at_the_value() {
        let text = |t: &str| Some(t.to_string());
        assert_eq!(
            slug_place(text("---\ntitle: T\nslug:   about\n---\n").as_ref()),
            (3, 9)
        );
        assert_eq!(slug_place(text("---\nslug:about\n---\n").as_ref()), (2, 6));
        assert_eq!(slug_place(text("---\ntitle: T\n---\n").as_ref()), (1, 1));
        assert_eq!(slug_place(None), (0, 1));
    }

    /// Every later claim names the first, and paths that differ only in
    /// capitals are each named beside the first of them in sorted order.
    #[test]
    fn every_later_claim_and_every_case_twin_is_reported() {
        let claim = |path: &str, source: &str| (path.to_string(), PathBuf::from(source));
        let planned = vec![
            claim("x.html", "content/pages/x1.md"),
            claim("About.html", "content/pages/About.md"),
            claim("x.html", "content/pages/x2.md"),
            claim("about.html", "content/pages/about.md"),
            claim("x.html", "content/pages/x3.md"),
            claim("ABOUT.html", "content/pages/ABOUT.md"),
            claim("Źródło.html", "content/pages/Źródło.md"),
            claim("źródło.html", "content/pages/źródło.md"),
        ];
        let diags = duplicate_outputs(&planned, &|_: &std::path::Path| None);
        let found: Vec<(String, &str)> = diags
            .iter()
            .map(|d| (d.file.display().to_string(), d.message.as_str()))
            .collect();
        assert_eq!(
            found,
            [
                (
                    "content/pages/x2.md".to_string(),
                    "output path `x.html` is also produced by content/pages/x1.md"
                ),
                (
                    "content/pages/x3.md".to_string(),
                    "output path `x.html` is also produced by content/pages/x1.md"
                ),
                (
                    "content/pages/About.md".to_string(),
                    "output path `About.html` differs from `ABOUT.html` only in capital letters"
                ),
                (
                    "content/pages/about.md".to_string(),
                    "output path `about.html` differs from `ABOUT.html` only in capital letters"
                ),
                (
                    "content/pages/źródło.md".to_string(),
                    "output path `źródło.html` differs from `Źródło.html` only in capital letters"
                ),
            ]
        );
    }
}
