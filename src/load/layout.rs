//! What a file under `content/` is, from its path: the content layout.

use crate::diagnostic::Diagnostic;
use std::path::Path;

/// The kind of content a file under `content/` holds.
#[derive(Debug, PartialEq, Eq)]
pub(super) enum Kind<'a> {
    Home,
    /// A free page: the folders between `pages/` and it (`kurs/modul-1`,
    /// or empty), and its file name.
    Page(String, &'a str),
    GroundRules,
    Components,
    Offers,
    QuestionTypes,
    QuestionRules,
    Practice,
    Session,
    /// A workshop's `workshop.yaml`; the workshop's folder name.
    Workshop(&'a str),
    /// A workshop module: the workshop's folder name and the file name.
    Module(&'a str, &'a str),
    /// A Markdown or YAML file the layout has no place for.
    Stray,
    /// Any other file: copied to the output as it is.
    Asset,
}

/// The extensions of the files the layout reads (Markdown, YAML).
pub const TEXT_EXTENSIONS: [&str; 4] = ["md", "markdown", "yaml", "yml"];

/// Whether the file `name` is one the layout reads (Markdown or YAML, the
/// extension in any case) rather than an asset it copies: every check of a
/// file's name, and every link to a source file, goes by this one list.
pub fn is_text(name: &str) -> bool {
    TEXT_EXTENSIONS.contains(&extension(name).as_str())
}

/// The kind of the file at `logical` (relative to `content/`, its language
/// code taken out). The extension's case does not matter: `About.MD` is a
/// page like `about.md`.
pub(super) fn kind(logical: &Path) -> Kind<'_> {
    let parts: Vec<&str> = logical.iter().filter_map(|p| p.to_str()).collect();
    let Some((&name, dirs)) = parts.split_last() else {
        return Kind::Asset;
    };
    // `.markdown` (Jekyll, many editors) is Markdown as `.md` is.
    let ext = match extension(name) {
        e if e == "markdown" => "md".to_string(),
        e => e,
    };
    // The name as written, the extension in any case: `Index.md` is not the home page.
    let is = |wanted: &str| {
        let stem = |n: &str| n.rsplit_once('.').map_or("", |(s, _)| s).to_string();
        stem(name) == stem(wanted) && ext == extension(wanted)
    };
    match (dirs, ext.as_str()) {
        ([], "md") if is("index.md") => Kind::Home,
        ([], "yaml") if is("offers.yaml") => Kind::Offers,
        (["pages", folders @ ..], "md") => Kind::Page(folders.join("/"), name),
        (["method"], "yaml") if is("ground-rules.yaml") => Kind::GroundRules,
        (["method"], "yaml") if is("components.yaml") => Kind::Components,
        (["practice"], "yaml") if is("question-types.yaml") => Kind::QuestionTypes,
        (["practice"], "yaml") if is("question-rules.yaml") => Kind::QuestionRules,
        (["practice"], "yaml") => Kind::Practice,
        (["sessions"], "yaml") => Kind::Session,
        (["workshops", slug], "yaml") if is("workshop.yaml") => Kind::Workshop(slug),
        (["workshops", slug], "md") => Kind::Module(slug, name),
        _ if is_text(name) => Kind::Stray,
        _ => Kind::Asset,
    }
}

/// Where a Markdown or YAML file the layout has no place for belongs,
/// going by the folder it is in.
pub(super) fn stray_hint(logical: &Path) -> &'static str {
    let first = logical.iter().next().and_then(|p| p.to_str()).unwrap_or("");
    let nested = logical.iter().count() > 2;
    match first {
        "workshops" if nested => "a workshop's folder holds its workshop.yaml and one .md file per module, side by side: content/workshops/NAME/workshop.yaml, content/workshops/NAME/MODULE.md",
        "workshops" => "a workshop is a folder: content/workshops/NAME/workshop.yaml, with its modules' .md files beside it",
        "method" => "content/method/ holds ground-rules.yaml and components.yaml only; other pages go in content/pages/",
        "practice" | "sessions" => "practice sets and sessions are .yaml files directly in content/practice/ and content/sessions/, not in folders; pages go in content/pages/",
        _ => "pages go in content/pages/, practice sets in content/practice/, sessions in content/sessions/",
    }
}

/// What another tool's file that the layout would copy as it is holds:
/// settings (`book.toml`, `hugo.toml`, `config.toml`, `netlify.toml`) or a
/// template's part (Jekyll's `_includes/`, `_layouts/`, Hugo's `layouts/`,
/// `archetypes/`, `partials/`, `shortcodes/`), which no reader wants and
/// which a site should not hand out; `None` for a file of the site.
fn other_tool_file(logical: &Path) -> Option<&'static str> {
    let parts: Vec<&str> = logical.iter().filter_map(|p| p.to_str()).collect();
    let (name, dirs) = parts.split_last()?;
    const PARTS: [&str; 7] = [
        "_includes",
        "_layouts",
        "_sass",
        "layouts",
        "archetypes",
        "partials",
        "shortcodes",
    ];
    if extension(name) == "toml" {
        return Some("another tool's settings (mdBook, Hugo, Zola)");
    }
    dirs.iter()
        .any(|d| PARTS.contains(&d.to_ascii_lowercase().as_str()))
        .then_some("a part of another tool's templates (Jekyll, Hugo)")
}

/// For a content file saved under a name alsite does not read
/// (`team.md.txt`, `rota.yaml.bak`): the name it should have,
/// and what the file is.
fn mis_saved(logical: &Path) -> Option<(String, &'static str)> {
    let name = logical.file_name()?.to_str()?;
    // (`notes.md~` and `.swp` files are an editor's own, never published.)
    let (inner, outer) = name.rsplit_once('.')?;
    let how = match outer.to_ascii_lowercase().as_str() {
        "txt" => "a content file saved with `.txt` at the end of its name (Windows may hide it)",
        "bak" | "old" | "orig" | "backup" | "save" => "a copy of a content file (a backup)",
        _ => return None,
    };
    matches!(
        extension(inner).as_str(),
        "md" | "markdown" | "yaml" | "yml"
    )
    .then(|| (inner.to_string(), how))
}

/// The extension of a file name, in small letters.
pub(super) fn extension(name: &str) -> String {
    Path::new(name)
        .extension()
        .and_then(|e| e.to_str())
        .unwrap_or("")
        .to_ascii_lowercase()
}

/// For a `.yml` file, the name it should have (`x.yml` → `x.yaml`) when
/// that name is part of the layout; alsite reads `.yaml` files only.
pub(super) fn yml_to_rename(logical: &Path) -> Option<String> {
    let name = logical.file_name()?.to_str()?;
    if extension(name) != "yml" {
        return None;
    }
    let renamed = format!("{}.yaml", &name[..name.len() - 4]);
    let path = logical.with_file_name(&renamed);
    let fits = !matches!(kind(&path), Kind::Stray | Kind::Asset);
    fits.then_some(renamed)
}

/// Warnings for the file `rel` (`logical` in the layout) that is published
/// as it is: another tool's file no reader wants, or an empty picture or
/// document.
pub(super) fn asset_warnings(root: &Path, rel: &Path, logical: &Path) -> Vec<Diagnostic> {
    let mut warnings = Vec::new();
    if let Some(what) = other_tool_file(logical) {
        warnings.push(
            Diagnostic::warning(rel, format!("this file is {what}: alsite does not read it, and publishes it as a file of the site for anyone to download"))
                .hint("move it out of content/ (alsite's own settings are in site.yaml, its templates in themes/)"),
        );
    }
    if let Some((meant, how)) = mis_saved(logical) {
        warnings.push(
            Diagnostic::warning(rel, format!("this file is {how}: alsite does not read it as content, and publishes it as a file of the site for anyone to download, with all it holds{}", if logical.starts_with("content/workshops") { " (a module's facilitator notes too)" } else { "" }))
                .hint(format!("rename it to `{meant}` if it is the file alsite should read, or else move it out of content/")),
        );
    }
    if let Some(what) = empty_media(root, rel) {
        warnings.push(
            Diagnostic::warning(rel, format!("this {what} is empty (0 bytes): it is published as it is, and shows nothing to whoever opens it"))
                .hint("save or export it again, or copy it in again: an empty file is most often a copy or a download that did not finish"),
        );
    }
    warnings
}

/// What kind of file `rel` is, when it is a picture, a document or a
/// recording that is empty: never what was meant (an empty `.txt` or a
/// `.nojekyll` may well be).
fn empty_media(root: &Path, rel: &Path) -> Option<&'static str> {
    let ext = rel.extension()?.to_string_lossy().to_ascii_lowercase();
    let what = match ext.as_str() {
        "png" | "jpg" | "jpeg" | "gif" | "webp" | "avif" | "svg" | "ico" => "picture",
        "pdf" | "docx" | "doc" | "pptx" | "ppt" | "xlsx" | "xls" | "odt" | "odp" | "ods" => {
            "document"
        }
        "mp3" | "mp4" | "m4a" | "webm" | "ogg" | "wav" | "mov" => "recording",
        "zip" => "archive",
        _ => return None,
    };
    let empty =
        std::fs::symlink_metadata(root.join(rel)).is_ok_and(|m| m.is_file() && m.len() == 0);
    empty.then_some(what)
}

/// An error when the YAML file `rel` in `content/<folder>/` (`practice`,
/// `sessions`) is plainly the other kind: a demo session (its `roles:` and
/// `stages:`) among the practice sets, or a practice set (its `items:`)
/// among the sessions. Its fields would each be "unknown", which does not
/// say where the file belongs.
pub fn misplaced(rel: &Path, folder: &str, text: &str) -> Option<Diagnostic> {
    let has = |key: &str| text.lines().any(|l| l.starts_with(key));
    let (what, belongs, holds) = match folder {
        "practice" if has("roles:") && has("stages:") => (
            "a demo session (it has `roles:` and `stages:`)",
            "sessions",
            "practice sets",
        ),
        "sessions" if has("items:") && !has("stages:") => (
            "a practice set (it has `items:`)",
            "practice",
            "demo sessions",
        ),
        _ => return None,
    };
    let name = rel.file_name()?.to_string_lossy();
    Some(
        Diagnostic::error(
            rel,
            format!("this file is {what}, but content/{folder}/ holds {holds}"),
        )
        .hint(format!("move it to content/{belongs}/{name}")),
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn other_tools_settings_and_template_parts_are_told_apart_from_files_of_the_site() {
        for path in [
            "book.toml",
            "pages/hugo.TOML",
            "_includes/head.html",
            "Layouts/partials/x.html",
        ] {
            assert!(other_tool_file(Path::new(path)).is_some(), "{path}");
        }
        for path in [
            "images/logo.png",
            "pages/handout.pdf",
            "pages/layout.html",
            "downloads/notes.txt",
        ] {
            assert_eq!(other_tool_file(Path::new(path)), None, "{path}");
        }
    }

    #[test]
    fn names_are_matched_whatever_the_case_of_the_extension() {
        let k = |p: &str| format!("{:?}", kind(Path::new(p)));
        assert_eq!(k("index.md"), "Home");
        assert_eq!(k("index.MD"), "Home");
        assert_eq!(k("Index.md"), "Stray");
        assert_eq!(k("workshops/w/Workshop.yaml"), "Stray");
        assert_eq!(k("pages/Upper.MD"), "Page(\"\", \"Upper.MD\")");
        assert_eq!(k("pages/a/b/c.md"), "Page(\"a/b\", \"c.md\")");
        assert_eq!(k("pages/notes.markdown"), "Page(\"\", \"notes.markdown\")");
        assert_eq!(k("workshops/w/Intro.Md"), "Module(\"w\", \"Intro.Md\")");
        assert_eq!(k("method/ground-rules.YAML"), "GroundRules");
        assert_eq!(k("sessions/a.yml"), "Stray");
        assert_eq!(k("images/a.png"), "Asset");
        assert_eq!(k("notes/a.md"), "Stray");
    }

    #[test]
    fn a_yml_file_is_told_its_yaml_name() {
        let r = |p: &str| yml_to_rename(Path::new(p));
        assert_eq!(r("sessions/a.yml").as_deref(), Some("a.yaml"));
        assert_eq!(
            r("workshops/w/workshop.yml").as_deref(),
            Some("workshop.yaml")
        );
        assert_eq!(r("notes/a.yml"), None);
        assert_eq!(r("sessions/a.yaml"), None);
    }
}
