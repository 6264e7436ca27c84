//! The theme: templates and static files. The default theme is embedded in the
//! binary; a site's `themes/<name>/` overrides it file by file.

pub mod ids;

use crate::diagnostic::Diagnostic;
use crate::embedded;
use std::collections::{BTreeMap, BTreeSet, HashMap, HashSet};
use std::path::{Path, PathBuf};
use std::sync::Arc;

/// The ids the default theme gives elements on every page (the main
/// content, the strings for scripts, the search box): an id an author
/// gives must not take one, and a heading's id made from its text skips
/// them. Kept in step with the templates and scripts by a test.
pub const PAGE_IDS: &[&str] = &[
    "main",
    "alsite-i18n",
    "search-data",
    "search-input",
    "search-help",
    "search-results",
    "search-status",
];

/// Beginnings of ids the theme numbers on every page (`search-option-3`).
pub const PAGE_ID_PREFIXES: &[&str] = &["search-option-"];

/// Whether the theme uses `id` on every page.
pub fn is_page_id(id: &str) -> bool {
    PAGE_IDS.contains(&id) || PAGE_ID_PREFIXES.iter().any(|p| id.starts_with(p))
}

#[derive(Debug, Clone)]
pub struct Theme {
    /// The site's own theme folder (`themes/<name>`), when it exists.
    dir: Option<PathBuf>,
    /// The same folder relative to the site root, for messages.
    display: PathBuf,
    /// The ids each template writes itself (see [`Theme::uses_id`]).
    ids: Arc<HashMap<String, Arc<HashSet<String>>>>,
}

impl Theme {
    /// The theme `name` for the site at `root`. Only `default` may be missing
    /// from disk, since it is built in.
    pub fn open(root: &Path, name: &str) -> Result<Theme, Diagnostic> {
        let display = Path::new("themes").join(name);
        let dir = root.join(&display);
        outside_the_site(root, name, &dir)?;
        let theme = |dir| {
            let mut theme = Theme {
                dir,
                display: display.clone(),
                ids: Arc::default(),
            };
            theme.ids = Arc::new(theme.written_ids());
            theme
        };
        if dir.is_dir() {
            return Ok(theme(Some(dir)));
        }
        if name == "default" {
            return Ok(theme(None));
        }
        Err(Diagnostic::error(
            "site.yaml",
            format!("theme `{name}` not found: no folder {}", display.display()),
        )
        .hint("use `theme: default`, or create the folder with templates/ to override"))
    }

    /// The source of template `name` (e.g. `page.html`): the site's file if it
    /// has one, else the built-in one.
    pub fn template(&self, name: &str) -> Option<String> {
        if let Some(text) = self.own_template(name) {
            return Some(text);
        }
        let bytes = embedded::find(embedded::THEME, &format!("templates/{name}"))?;
        Some(String::from_utf8_lossy(bytes).into_owned())
    }

    /// Every template of the site's own theme folder, one after another:
    /// where a key of its own UI strings may be asked for (`t("…")`).
    pub fn own_templates_text(&self) -> String {
        let Some(dir) = &self.dir else {
            return String::new();
        };
        let templates = dir.join("templates");
        self.own_template_names()
            .into_iter()
            .filter_map(|name| std::fs::read_to_string(templates.join(name)).ok())
            .collect()
    }

    /// The names of the site's own templates (`page.html`, `parts/nav.html`).
    pub fn own_template_names(&self) -> Vec<String> {
        let Some(dir) = &self.dir else {
            return Vec::new();
        };
        let templates = dir.join("templates");
        walkdir::WalkDir::new(&templates)
            .sort_by_file_name()
            .into_iter()
            .filter_map(Result::ok)
            .filter(|e| e.file_type().is_file())
            .filter_map(|e| {
                let rel = e.path().strip_prefix(&templates).ok()?;
                Some(rel.to_string_lossy().replace('\\', "/"))
            })
            .collect()
    }

    /// The site's own copy of template `name`, when it has one (not the
    /// built-in one).
    pub fn own_template(&self, name: &str) -> Option<String> {
        let dir = self.dir.as_ref()?;
        let bytes = crate::load::read_file(&dir.join("templates").join(name)).ok()?;
        // Read as every file of the site is (UTF-16, a byte-order mark).
        crate::load::decode(Path::new(name), bytes).ok()
    }

    /// Whether the theme writes an element with this id on a page made
    /// with one of `templates`: one the template writes as it is
    /// (`id="contact"`, on the home page), or one its scripts give on every
    /// page (see [`PAGE_IDS`]). An id the author gives must not be one.
    pub fn uses_id(&self, templates: &[&str], id: &str) -> bool {
        is_page_id(id) || templates.iter().any(|t| self.ids_of(t).contains(id))
    }

    /// The ids the theme writes on a page made with `template` (see
    /// [`ids`]), for that page's [`Ids`]: a heading's id made from its
    /// text steps aside for them.
    ///
    /// [`Ids`]: crate::render::markdown::Ids
    pub fn ids_of(&self, template: &str) -> Arc<HashSet<String>> {
        self.ids.get(template).cloned().unwrap_or_default()
    }

    /// The ids of [`Theme::uses_id`], in order, for a message.
    pub fn sorted_ids(&self, templates: &[&str]) -> Vec<String> {
        let mut all: BTreeSet<String> = PAGE_IDS.iter().map(|s| s.to_string()).collect();
        for t in templates {
            all.extend(self.ids_of(t).iter().cloned());
        }
        all.into_iter().collect()
    }

    /// The ids each template of the theme writes (see [`ids`]).
    fn written_ids(&self) -> HashMap<String, Arc<HashSet<String>>> {
        let mut names: BTreeSet<String> = embedded::THEME
            .iter()
            .filter_map(|(p, _)| p.strip_prefix("templates/").map(str::to_string))
            .collect();
        if let Some(dir) = &self.dir {
            let own = walkdir::WalkDir::new(dir.join("templates")).into_iter();
            for entry in own
                .filter_map(Result::ok)
                .filter(|e| e.file_type().is_file())
            {
                if let Ok(rel) = entry.path().strip_prefix(dir.join("templates")) {
                    names.insert(rel.to_string_lossy().replace('\\', "/"));
                }
            }
        }
        let source = |name: &str| self.template(name);
        names
            .into_iter()
            .map(|name| {
                let mut found = ids::of_template(&name, &source);
                found.extend(PAGE_IDS.iter().map(|s| s.to_string()));
                (name, Arc::new(found))
            })
            .collect()
    }

    /// Where template `name` comes from, as a path from the site root.
    pub fn template_path(&self, name: &str) -> PathBuf {
        let own = self
            .dir
            .as_ref()
            .is_some_and(|d| d.join("templates").join(name).is_file());
        let base = if own {
            self.display.clone()
        } else {
            PathBuf::from("themes/default")
        };
        base.join("templates").join(name)
    }

    /// The UI strings files of language `lang`, as (path for messages, text,
    /// built in): the built-in ones, then the site theme's own. A language's strings
    /// are `i18n/<lang>.yaml` and any `i18n/<part>.<lang>.yaml` (such as
    /// `checker.pl.yaml`), in name order.
    pub fn i18n_files(&self, lang: &str) -> Vec<(PathBuf, String, bool)> {
        let mut files: Vec<(PathBuf, String, bool)> = embedded::THEME
            .iter()
            .filter_map(|(p, bytes)| {
                let name = p.strip_prefix("i18n/")?;
                is_strings_file(name, lang).then(|| {
                    (
                        PathBuf::from("themes/default").join(p),
                        String::from_utf8_lossy(bytes).into_owned(),
                        true,
                    )
                })
            })
            .collect();
        if let Some(dir) = &self.dir {
            let own = strings_files(dir, &self.display, lang);
            files.extend(own.into_iter().map(|(path, text)| (path, text, false)));
        }
        files
    }

    /// Every static file, as output path (`static/…`) and bytes: the built-in
    /// ones, replaced or joined by the site's own.
    pub fn static_files(&self) -> Vec<(String, Vec<u8>)> {
        let mut files: BTreeMap<String, Vec<u8>> = embedded::THEME
            .iter()
            .filter_map(|(p, bytes)| {
                p.strip_prefix("static/")
                    .map(|rest| (format!("static/{rest}"), bytes.to_vec()))
            })
            .collect();
        if let Some(dir) = &self.dir {
            let static_dir = dir.join("static");
            for entry in walkdir::WalkDir::new(&static_dir)
                .into_iter()
                .filter_map(Result::ok)
            {
                // A link is read as what it leads to (inside the theme);
                // one that cannot be is an error of `unreadable_files`.
                if entry.file_type().is_dir() || entry.path().is_dir() {
                    continue;
                }
                let rel = entry.path().strip_prefix(dir).unwrap_or(entry.path());
                if let (Ok(rel), Ok(bytes)) = (
                    entry.path().strip_prefix(&static_dir),
                    crate::load::read_bytes(dir, rel),
                ) {
                    files.insert(
                        format!("static/{}", rel.to_string_lossy().replace('\\', "/")),
                        bytes,
                    );
                }
            }
        }
        files.into_iter().collect()
    }
}

/// An error when the theme `name` (whose folder would be `dir`) is not a
/// folder inside the site's `themes/`: a path (`../our-theme`,
/// `/srv/themes/x`), or a link to a folder outside the site. Nothing from
/// outside the site's folder is published, and a theme's `static/` files
/// are.
fn outside_the_site(root: &Path, name: &str, dir: &Path) -> Result<(), Diagnostic> {
    let plain = !name.is_empty() && !name.contains(['/', '\\', ':']) && name != ".." && name != ".";
    if !plain {
        return Err(Diagnostic::error(
            "site.yaml",
            format!("theme `{name}` is a path, not the name of a folder in themes/"),
        )
        .hint("copy the theme into the site, as themes/NAME/, and write `theme: NAME`: nothing from outside the site's folder is published"));
    }
    let inside = match (std::fs::canonicalize(root), std::fs::canonicalize(dir)) {
        (Ok(root), Ok(dir)) => dir.starts_with(root),
        _ => true,
    };
    if inside {
        return Ok(());
    }
    Err(Diagnostic::error(
        "site.yaml",
        format!("themes/{name} is a link to a folder outside the site's folder"),
    )
    .hint("copy the theme into themes/ instead of linking to it: nothing from outside the site's folder is published"))
}

/// Errors for the site's own template and strings files that cannot be
/// read as UTF-8 (`themes/<name>/templates/*`, `themes/<name>/i18n/*.yaml`,
/// `i18n/*.yaml`): alsite would otherwise fall back to the built-in file,
/// and the trainer's edit would vanish without a word. A template with
/// nothing in it in the place of a built-in one is an error too (every page
/// made with it would be blank),
/// and so is an empty file in the theme's `static/` that takes the place of
/// a built-in one (an empty `style.css`: pages without their style).
pub fn unreadable_files(root: &Path, theme: &Theme) -> Vec<Diagnostic> {
    let mut folders = vec![PathBuf::from("i18n")];
    if theme.dir.is_some() {
        folders.push(theme.display.join("templates"));
        folders.push(theme.display.join("i18n"));
    }
    let mut errors = Vec::new();
    for folder in folders {
        let Ok(entries) = std::fs::read_dir(root.join(&folder)) else {
            continue;
        };
        let mut names: Vec<_> = entries.filter_map(Result::ok).collect();
        names.sort_by_key(|e| e.file_name());
        for entry in names {
            let name = entry.file_name().to_string_lossy().into_owned();
            // A folder is skipped; a pipe, a socket or a device is named.
            if crate::load::is_ignored(&name) || entry.path().is_dir() {
                continue;
            }
            match crate::load::read_utf8(root, &folder.join(&name)) {
                Err(d) => errors.push(d),
                Ok(text) if text.trim().is_empty() && folder.ends_with("templates") => {
                    errors.extend(empty_template(&folder.join(&name)));
                }
                Ok(_) => {}
            }
        }
    }
    if let Some(dir) = &theme.dir {
        errors.extend(unreadable_static(dir, &theme.display));
    }
    errors
}

/// Errors for the files of the theme's `static/` folder that cannot be
/// read (no permission, a pipe, a link out of the theme): skipped, the
/// built-in file of that name took their place without a word.
fn unreadable_static(dir: &Path, display: &Path) -> Vec<Diagnostic> {
    let mut errors = Vec::new();
    if !dir.join("static").is_dir() {
        return errors;
    }
    for entry in walkdir::WalkDir::new(dir.join("static")).sort_by_file_name() {
        let (path, result) = match entry {
            Ok(e) if e.file_type().is_dir() || e.path().is_dir() => continue,
            Ok(e) if crate::load::is_ignored(&e.file_name().to_string_lossy()) => continue,
            Ok(e) => {
                let rel = e.path().strip_prefix(dir).unwrap_or(e.path()).to_path_buf();
                let read = crate::load::open_file(dir, &rel);
                if let Ok((_, len)) = &read {
                    errors.extend(empty_static(*len, &rel, display));
                }
                (rel, read.map(drop))
            }
            Err(e) => {
                let path = e.path().unwrap_or(dir).to_path_buf();
                let rel = path.strip_prefix(dir).unwrap_or(&path).to_path_buf();
                (rel, Err(e.into()))
            }
        };
        if let Err(e) = result {
            let words = crate::diagnostic::io_words(&e);
            errors.push(
                Diagnostic::error(display.join(&path), format!("cannot read this file: {words}"))
                    .hint("make it a file you may read, or move it out of the theme's static/ folder; left out, the built-in file of that name would take its place without a word"),
            );
        }
    }
    errors
}

/// The error for a template of the site's theme (`rel`, from the site's
/// folder) with nothing in it, in the place of one of alsite's own; `None`
/// for a template of the site's own (a part it includes, blank for now).
fn empty_template(rel: &Path) -> Option<Diagnostic> {
    let name = rel.file_name()?.to_string_lossy();
    embedded::find(embedded::THEME, &format!("templates/{name}"))?;
    Some(
        Diagnostic::error(rel, "this template is empty: every page made with it would be blank")
            .hint(format!("delete it to use alsite's own {name}, or copy that one anew from alsite's themes/default/templates/ and make your changes there")),
    )
}

/// An error when a file of `len` bytes at `rel` in the theme (under
/// `static/`) is empty and takes the place of a built-in file of that name.
fn empty_static(len: u64, rel: &Path, display: &Path) -> Option<Diagnostic> {
    let empty = len == 0;
    let name = rel.to_string_lossy().replace('\\', "/");
    if !empty || embedded::find(embedded::THEME, &name).is_none() {
        return None;
    }
    Some(
        Diagnostic::error(
            display.join(rel),
            format!("this file is empty (0 bytes), and takes the place of alsite's own {name}: pages would be published without it"),
        )
        .hint("delete it to use alsite's own, or copy that one anew from alsite's themes/default/ and make your changes there"),
    )
}

/// True for `<lang>.yaml` and `<part>.<lang>.yaml`.
pub fn is_strings_file(name: &str, lang: &str) -> bool {
    name == format!("{lang}.yaml")
        || name
            .strip_suffix(&format!(".{lang}.yaml"))
            .is_some_and(|part| !part.is_empty() && !part.contains(['/', '.']))
}

/// The strings files of `lang` in the folder `base/i18n/`, by name, with
/// paths for messages under `display`.
pub fn strings_files(base: &Path, display: &Path, lang: &str) -> Vec<(PathBuf, String)> {
    let Ok(entries) = std::fs::read_dir(base.join("i18n")) else {
        return Vec::new();
    };
    let mut names: Vec<String> = entries
        .filter_map(Result::ok)
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .filter(|n| is_strings_file(n, lang))
        .collect();
    names.sort_by_key(|n| (n != &format!("{lang}.yaml"), n.clone()));
    names
        .into_iter()
        .filter_map(|n| {
            // Read as every file of the site is (UTF-16, a byte-order mark);
            // one that cannot be is an error of `unreadable_files`.
            let shown = display.join("i18n").join(&n);
            let bytes = crate::load::read_file(&base.join("i18n").join(&n)).ok()?;
            Some((shown.clone(), crate::load::decode(&shown, bytes).ok()?))
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The literal ids in `text` written as `id="x"` or `id: "x"`.
    fn literal_ids(text: &str) -> Vec<String> {
        let mut ids = Vec::new();
        for opener in ["id=\"", "id: \""] {
            for piece in text.split(opener).skip(1) {
                let id: String = piece.chars().take_while(|c| *c != '"').collect();
                if !id.contains('{') && !id.is_empty() {
                    ids.push(id);
                }
            }
        }
        ids
    }

    #[test]
    fn every_id_the_theme_puts_on_every_page_is_known() {
        let file = |name: &str| {
            let (_, bytes) = embedded::THEME.iter().find(|(p, _)| *p == name).unwrap();
            String::from_utf8_lossy(bytes).into_owned()
        };
        let mut found = Vec::new();
        for name in [
            "templates/base.html",
            "templates/search.html",
            "static/search.js",
            "static/search-box.js",
        ] {
            found.extend(literal_ids(&file(name)));
        }
        assert!(found.len() >= 7, "{found:?}");
        for id in found {
            assert!(
                is_page_id(&id),
                "`{id}` is on every page but not in PAGE_IDS"
            );
        }
        assert!(is_page_id("search-option-12"));
        assert!(!is_page_id("mainly"));
    }
}
