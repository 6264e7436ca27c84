//! A site in several languages: every page of the default language should
//! have a translation in each other language. One that has none is a
//! warning, and the page's language switcher leaves that language out. A
//! practice set's or session's translation should follow its original item
//! for item and turn for turn.

use crate::diagnostic::Diagnostic;
use crate::load::yaml::{locate, locate_value, Seg};
use crate::model::{Item, Session, Site, Turn};
use std::collections::HashSet;
use std::path::{Path, PathBuf};

/// One warning per content file of the default language whose pages are
/// missing in language `lang` (named `lang_name` in messages). `default`
/// and `translated` are (page path, source file) of each language's pages.
pub fn missing_translations(
    default: &[(String, PathBuf)],
    translated: &[(String, PathBuf)],
    lang: &str,
    lang_name: &str,
) -> Vec<Diagnostic> {
    let have: HashSet<&str> = translated.iter().map(|(p, _)| p.as_str()).collect();
    // A translation at another address is there: [`moved_translations`]
    // tells of it, and "add it" would name a file that exists.
    let files: HashSet<&Path> = translated.iter().map(|(_, s)| s.as_path()).collect();
    let mut reported: HashSet<&Path> = HashSet::new();
    let mut diags = Vec::new();
    for (path, source) in default {
        if section_index(path) || have.contains(path.as_str()) || !source.starts_with("content") {
            continue;
        }
        if files.contains(translation_name(source, lang).as_path()) {
            continue;
        }
        if !reported.insert(source) {
            continue;
        }
        diags.push(
            Diagnostic::warning(source, format!("no translation into {lang_name} (`{lang}`): the `{lang}` page {path} only leads to the original, and the original's language switcher leaves `{lang}` out"))
                .hint(format!("add {} beside it", translation_name(source, lang).display())),
        );
    }
    diags
}

/// A section's index (`practice/index.html`) belongs to no one file: it
/// exists when the section does, and names its first item's file as its
/// source, which in a translation may be another set's.
fn section_index(path: &str) -> bool {
    path.ends_with("/index.html") && path.matches('/').count() == 1
}

/// An error for each translated file whose page is not at its original's
/// path (a `slug:` of its own): the language switcher and the page that
/// stands in for a missing translation both find a translation by path.
pub fn moved_translations(
    default: &[(String, PathBuf)],
    translated: &[(String, PathBuf)],
    lang: &str,
    texts: super::SourceText,
) -> Vec<Diagnostic> {
    // A source file may make several pages (a workshop file: its agenda,
    // guide and handout): its translation makes the same ones.
    let mut originals: std::collections::HashMap<PathBuf, Vec<&str>> = Default::default();
    for (path, source) in default {
        originals
            .entry(translation_name(source, lang))
            .or_default()
            .push(path);
    }
    let mut reported: HashSet<&Path> = HashSet::new();
    translated
        .iter()
        .filter_map(|(path, source)| {
            // A section's index takes its first item's file as its source:
            // another first item in a translation is no moved page.
            if section_index(path) {
                return None;
            }
            let paths = originals.get(source)?;
            let original = *paths.first()?;
            (!paths.contains(&path.as_str()) && reported.insert(source)).then(|| {
                let text = texts(source);
                let (line, column) = super::slug_place(text.as_ref());
                let own_slug = text.as_deref().and_then(crate::load::slug_place).is_some();
                let from = default.iter().find(|(p, _)| p == original).map(|(_, s)| s);
                Diagnostic::error(
                    source,
                    format!("this translation would be at {path}, not at its original's address {original}"),
                )
                .at(line.max(1), column)
                .hint(moved_hint(own_slug, from.and_then(|s| Some((s, slug_value(&texts(s)?)?)))))
            })
        })
        .collect()
}

/// What to do about a translation at another address than its original:
/// drop its own `slug:`, or, where the original has one (`from`: its file
/// and slug) and the translation none, copy the original's.
fn moved_hint(own_slug: bool, from: Option<(&PathBuf, String)>) -> String {
    let why = "a translation keeps its original's address, so readers can switch between them";
    match from {
        Some((file, slug)) if !own_slug => format!(
            "{why}: its original, {}, has `slug: {slug}`; write the same `slug: {slug}` in this file's front matter",
            file.display()
        ),
        _ => format!("{why}: remove `slug:` here, or give the original the same `slug:`"),
    }
}

/// The value of a Markdown file's `slug:` line, as written.
fn slug_value(text: &str) -> Option<String> {
    let (line, column) = crate::load::slug_place(text)?;
    let value = text
        .lines()
        .nth(line - 1)?
        .chars()
        .skip(column - 1)
        .collect::<String>();
    Some(value.trim().trim_matches(['"', '\'']).to_string()).filter(|v| !v.is_empty())
}

/// A warning for each file in language `lang` (its name carries the code)
/// whose original, the same name without the code, does not exist: its
/// pages are only in that language. Usually a slip in the name: the hint
/// names the original it most likely translates.
pub fn orphan_translations(
    default: &[(String, PathBuf)],
    translated: &[(String, PathBuf)],
    lang: &str,
    lang_name: &str,
) -> Vec<Diagnostic> {
    let originals: HashSet<PathBuf> = default
        .iter()
        .map(|(_, s)| translation_name(s, lang))
        .collect();
    let have: HashSet<&Path> = translated.iter().map(|(_, s)| s.as_path()).collect();
    // Translation names of the originals that have none yet.
    let missing: Vec<String> = originals
        .iter()
        .filter(|t| !have.contains(t.as_path()))
        .filter_map(|t| t.to_str().map(str::to_string))
        .collect();
    let code = format!(".{lang}.");
    let mut reported: HashSet<&Path> = HashSet::new();
    let mut diags = Vec::new();
    for (path, source) in translated {
        let name = source
            .file_name()
            .map(|n| n.to_string_lossy())
            .unwrap_or_default();
        if section_index(path)
            || !name.contains(&code)
            || originals.contains(source)
            || !reported.insert(source)
        {
            continue;
        }
        let original = source.with_file_name(name.replacen(&code, ".", 1));
        // `rota.en.en.yaml`: the code twice, so the "original" found is
        // the translation itself.
        if original.to_string_lossy().contains(&code) {
            diags.push(twice(
                source,
                &original,
                have.contains(original.as_path()),
                lang,
            ));
            continue;
        }
        let written = source.to_string_lossy();
        // A typo search costs a comparison with every untranslated file:
        // only for the first orphans, on sites of a size where it is quick.
        let search = missing.len() <= 2_000 && diags.len() < 200;
        let meant = search
            .then(|| crate::suggest::closest(&written, missing.iter().map(String::as_str)))
            .flatten();
        let hint = match meant {
            Some(meant) => format!("did you mean {meant}, the translation of a file that has none yet? Otherwise add {} in the default language", original.display()),
            None => format!("add {} in the default language, or keep it as a page only in {lang_name}", original.display()),
        };
        diags.push(
            Diagnostic::warning(
                source,
                format!("no original for this translation into {lang_name} (`{lang}`): {} does not exist, so the `{lang}` page {path} has no page in the default language", original.display()),
            )
            .hint(hint),
        );
    }
    diags
}

/// The warning for a file whose name has the language code twice
/// (`rota.en.en.yaml`); `once` is its name with it once, and `there`
/// whether the site has that file.
fn twice(source: &Path, once: &Path, there: bool, lang: &str) -> Diagnostic {
    let there = if there {
        " (a file of that name is there already: remove this copy, or merge the two)"
    } else {
        ""
    };
    Diagnostic::warning(
        source,
        format!("this file's name has the language code `.{lang}` twice, so it is read as the translation of a translation"),
    )
    .hint(format!("a translation's name has its code once, before the extension: rename it to {}{there}", once.display()))
}

/// `content/pages/about.md` → `content/pages/about.en.md`.
pub fn translation_name(source: &Path, lang: &str) -> PathBuf {
    let stem = source
        .file_stem()
        .map(|s| s.to_string_lossy().into_owned())
        .unwrap_or_default();
    match source.extension() {
        Some(ext) => source.with_file_name(format!("{stem}.{lang}.{}", ext.to_string_lossy())),
        None => source.with_file_name(format!("{stem}.{lang}")),
    }
}

/// A practice set's translation that does not match its original item for
/// item: a different number of items, an item of another type in the same
/// place (the items were reordered), or an item whose answers differ (other
/// options, another right one, another answer, other steps). Warnings: a participant who
/// switches language finds another set, and its score counts other items.
pub fn check_translated_practice(site: &Site, original: &Site) -> Vec<Diagnostic> {
    if std::ptr::eq(site, original) {
        return Vec::new();
    }
    let mut diags = Vec::new();
    for doc in &site.practice {
        let Some(orig) = original.practice_set(&doc.slug) else {
            continue;
        };
        let text = site.texts.get(&doc.source).map_or("", String::as_str);
        let (items, theirs) = (&doc.data.items, &orig.data.items);
        let origin = orig.source.display();
        let (message, at) = if items.len() != theirs.len() {
            let count = |n: usize| format!("{n} item{}", if n == 1 { "" } else { "s" });
            let message = format!(
                "this translation has {} and its original, {origin}, has {}: a participant who changes language finds another set",
                count(items.len()),
                count(theirs.len())
            );
            (message, vec![Seg::Key("items")])
        } else if let Some(i) = (0..items.len()).find(|&i| items[i].kind() != theirs[i].kind()) {
            let message = format!(
                "item {} is a `{}` item here and a `{}` item in the original, {origin}: the items are not in the original's order",
                i + 1,
                items[i].kind(),
                theirs[i].kind()
            );
            (
                message,
                vec![Seg::Key("items"), Seg::Index(i), Seg::Key("type")],
            )
        } else if let Some(i) =
            (0..items.len()).find(|&i| items[i].answers() != theirs[i].answers())
        {
            let message = format!(
                "item {} has {}, and the same item of the original, {origin}, has {}: its answers are scored differently in each language",
                i + 1,
                items[i].answers().unwrap_or_default(),
                theirs[i].answers().unwrap_or_default()
            );
            (message, vec![Seg::Key("items"), Seg::Index(i)])
        } else {
            continue;
        };
        let (line, col) = match at.last() {
            // The item's type, written after `type:`, is what differs.
            Some(Seg::Key("type")) => locate_value(text, &at),
            _ => locate(text, &at),
        };
        diags.push(
            Diagnostic::warning(&doc.source, message)
                .at(line, col)
                .hint("translate every item of the original, in the original's order"),
        );
    }
    diags
}

/// A session's translation whose turns do not match its original's one for
/// one: another number of stages or of turns in a stage, a turn of another
/// kind in the same place (an `ask` for a `pause`), or a pause whose
/// answers differ. Warnings: turns are numbered through the session
/// (`#turn-5`), so a link to one, or a reader switching language, would
/// land on another turn, and a pause would be scored another way.
pub fn check_translated_sessions(site: &Site, original: &Site) -> Vec<Diagnostic> {
    if std::ptr::eq(site, original) {
        return Vec::new();
    }
    let mut diags = Vec::new();
    for doc in &site.sessions {
        let Some(orig) = original.session(&doc.slug) else {
            continue;
        };
        let Some((message, at)) = first_difference(&doc.data, &orig.data, &orig.source) else {
            continue;
        };
        let text = site.texts.get(&doc.source).map_or("", String::as_str);
        let (line, col) = locate(text, &at);
        diags.push(
            Diagnostic::warning(&doc.source, message)
                .at(line, col)
                .hint("translate every turn of the original, in the original's order: turns are numbered through the session (#turn-5), in every language alike"),
        );
    }
    diags
}

/// What a turn is, for comparing a translation with its original: its
/// kind, and a pause's answers.
fn turn_shape(turn: &Turn) -> (Option<super::TurnKind>, Option<String>) {
    let kind = super::turn_kind(turn).ok();
    (kind, turn.pause.as_ref().and_then(Item::answers))
}

/// The first place where the session `here` does not follow `there` (the
/// original, in `origin`), and the path to it in `here`'s file.
fn first_difference(
    here: &Session,
    there: &Session,
    origin: &Path,
) -> Option<(String, Vec<Seg<'static>>)> {
    let origin = origin.display();
    if here.stages.len() != there.stages.len() {
        let message = format!(
            "this translation has {} stages and its original, {origin}, has {}",
            here.stages.len(),
            there.stages.len()
        );
        return Some((message, vec![Seg::Key("stages")]));
    }
    let mut number = 0;
    for (i, (a, b)) in here.stages.iter().zip(&there.stages).enumerate() {
        if a.turns.len() != b.turns.len() {
            let message = format!(
                "stage {} has {} turns here and {} in the original, {origin}: the turns after it are numbered differently in each language",
                i + 1,
                a.turns.len(),
                b.turns.len()
            );
            return Some((
                message,
                vec![Seg::Key("stages"), Seg::Index(i), Seg::Key("turns")],
            ));
        }
        for (j, (x, y)) in a.turns.iter().zip(&b.turns).enumerate() {
            number += 1;
            let ((kind_x, answers_x), (kind_y, answers_y)) = (turn_shape(x), turn_shape(y));
            let name =
                |k: Option<super::TurnKind>| k.map_or("?".to_string(), |k| k.key().to_string());
            let message = if kind_x != kind_y {
                format!(
                    "turn {number} is `{}` here and `{}` in the original, {origin}",
                    name(kind_x),
                    name(kind_y)
                )
            } else if answers_x != answers_y {
                format!(
                    "the pause at turn {number} has {}, and the same pause of the original, {origin}, has {}: it is scored differently in each language",
                    answers_x.unwrap_or_default(),
                    answers_y.unwrap_or_default()
                )
            } else {
                continue;
            };
            let at = vec![
                Seg::Key("stages"),
                Seg::Index(i),
                Seg::Key("turns"),
                Seg::Index(j),
            ];
            return Some((message, at));
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_translation_without_original_is_named_with_the_likely_original() {
        let default = vec![(
            "sessions/rota.html".to_string(),
            PathBuf::from("content/sessions/rota.yaml"),
        )];
        let translated = vec![
            (
                "sessions/index.html".to_string(),
                PathBuf::from("content/sessions/rotta.en.yaml"),
            ),
            (
                "sessions/rotta.html".to_string(),
                PathBuf::from("content/sessions/rotta.en.yaml"),
            ),
            // The page that stands in for a missing translation.
            (
                "sessions/rota.html".to_string(),
                PathBuf::from("content/sessions/rota.yaml"),
            ),
        ];
        let diags = orphan_translations(&default, &translated, "en", "English");
        assert_eq!(diags.len(), 1, "{diags:?}");
        assert_eq!(
            diags[0].file,
            PathBuf::from("content/sessions/rotta.en.yaml")
        );
        assert!(diags[0]
            .message
            .contains("content/sessions/rotta.yaml does not exist"));
        assert!(diags[0]
            .message
            .contains("the `en` page sessions/rotta.html"));
        let hint = diags[0].hint.as_deref().unwrap();
        assert!(
            hint.starts_with("did you mean content/sessions/rota.en.yaml"),
            "{hint}"
        );
        assert!(!diags[0].is_error());
    }

    #[test]
    fn a_translation_at_another_address_is_not_also_missing() {
        let default = vec![(
            "about.html".to_string(),
            PathBuf::from("content/pages/about.md"),
        )];
        let translated = vec![(
            "about-us.html".to_string(),
            PathBuf::from("content/pages/about.en.md"),
        )];
        assert_eq!(
            missing_translations(&default, &translated, "en", "English"),
            []
        );
    }

    #[test]
    fn a_page_without_translation_is_named_with_the_file_to_add() {
        let default = vec![
            ("index.html".to_string(), PathBuf::from("content/index.md")),
            (
                "about.html".to_string(),
                PathBuf::from("content/pages/about.md"),
            ),
            (
                "practice/index.html".to_string(),
                PathBuf::from("content/practice/a.yaml"),
            ),
            (
                "practice/a.html".to_string(),
                PathBuf::from("content/practice/a.yaml"),
            ),
        ];
        let translated = vec![(
            "index.html".to_string(),
            PathBuf::from("content/index.en.md"),
        )];
        let diags = missing_translations(&default, &translated, "en", "English");
        let files: Vec<_> = diags.iter().map(|d| d.file.clone()).collect();
        assert_eq!(
            files,
            [
                PathBuf::from("content/pages/about.md"),
                PathBuf::from("content/practice/a.yaml")
            ]
        );
        assert!(diags[0]
            .hint
            .as_deref()
            .unwrap()
            .contains("content/pages/about.en.md"));
        assert!(!diags[0].is_error());
    }
}
