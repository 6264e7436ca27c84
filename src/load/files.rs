//! Finding and reading the site's files: which files under `content/` count,
//! and reading one as UTF-8 with errors placed at the bad byte.

use super::names::{unfit_error, unfit_part};
use crate::diagnostic::Diagnostic;
use std::path::{Path, PathBuf};

/// Every file under `content/`, relative to it, sorted; hidden and editor
/// backup files are skipped. A file or folder that cannot be read is an
/// error, never skipped in silence.
pub(super) fn content_files(root: &Path, content: &Path, languages: &[String]) -> ContentFiles {
    let mut files = Vec::new();
    let mut errors = Vec::new();
    let mut links = Vec::new();
    let mut reported = std::collections::HashSet::new();
    // Links are followed: a linked file or folder is content like any other,
    // as long as it stays in the site's folder. Everything under content/
    // is published, and a link out of the site (a cloned site's link to
    // ~/.ssh) could publish private files.
    let site = std::fs::canonicalize(root).unwrap_or_else(|_| root.to_path_buf());
    let mut walk = walkdir::WalkDir::new(content)
        .follow_links(true)
        .sort_by_file_name()
        .into_iter()
        .filter_entry(|e| e.depth() == 0 || !is_ignored(&e.file_name().to_string_lossy()));
    while let Some(entry) = walk.next() {
        if let Ok(e) = &entry {
            match link_in_site(root, &site, e) {
                Some(Ok(target)) => {
                    let shown = e.path().strip_prefix(root).unwrap_or(e.path());
                    links.push((shown.to_path_buf(), target));
                }
                Some(Err(d)) => {
                    errors.push(d);
                    if e.file_type().is_dir() {
                        walk.skip_current_dir();
                    }
                    continue;
                }
                None => {}
            }
        }
        match entry {
            Ok(e) if e.file_type().is_file() => {
                if let Some(d) = file_named_as_folder(root, content, e.path(), languages) {
                    errors.push(d);
                    continue;
                }
                if let Ok(rel) = e.path().strip_prefix(content) {
                    match unfit_part(rel) {
                        // One error for a folder, not one for each file in it.
                        Some((bad, why)) if reported.insert(bad.clone()) => {
                            errors.push(unfit_error(&content.join(&bad), root, &why));
                        }
                        Some(_) => {}
                        None => files.push(rel.to_path_buf()),
                    }
                }
            }
            Ok(e) if e.depth() > 0 && e.file_type().is_dir() => {
                if let Some(d) = folder_named_as_file(root, content, e.path()) {
                    errors.push(d);
                    walk.skip_current_dir();
                }
            }
            // A named pipe, a socket or a device: nothing to publish, and
            // a file the layout reads would be missing without a word.
            Ok(e) if e.depth() > 0 && !e.file_type().is_dir() => {
                errors.push(not_a_file(root, e.path(), e.file_type()));
            }
            Ok(_) => {}
            Err(e) => errors.push(unreadable(root, content, &e)),
        }
    }
    ContentFiles {
        files,
        links,
        errors,
    }
}

/// What [`content_files`] finds under `content/`.
pub(super) struct ContentFiles {
    /// Every file, relative to `content/`, sorted.
    pub files: Vec<PathBuf>,
    /// Each link under `content/` (from the site's folder) and where it
    /// leads, resolved: what the build reads there is the trainer's too,
    /// and no output folder may cover it.
    pub links: Vec<(PathBuf, PathBuf)>,
    pub errors: Vec<Diagnostic>,
}

/// A folder where the layout has a file (`sessions/rota-tool.yaml/`, a
/// folder made by mistake or unzipped so): the file it stands for would
/// otherwise be missing in silence.
fn folder_named_as_file(root: &Path, content: &Path, dir: &Path) -> Option<Diagnostic> {
    use super::layout::{kind, Kind};
    let rel = dir.strip_prefix(content).ok()?;
    // Pages may sit in folders of any name (`pages/kurs.md/a.md` is a page).
    if matches!(kind(rel), Kind::Asset | Kind::Stray | Kind::Page(..)) {
        return None;
    }
    let shown = dir.strip_prefix(root).unwrap_or(dir);
    let name = rel.file_name()?.to_string_lossy();
    Some(
        Diagnostic::error(
            shown,
            format!("`{name}` is a folder, but here the content layout reads a file of that name"),
        )
        .hint("put the file itself here (a text file, not a folder); if the folder holds other things, move them out and rename it"),
    )
}

/// A file where the layout has a folder (`content/sessions`,
/// `content/workshops/basics`, saved without an extension): every session,
/// set or workshop would otherwise be missing in silence, and the file
/// published under the folder's name. Under a folder named after one of
/// the site's languages (`content/pl/sessions`) the file is one too: the
/// trainer meant that language's folder, which alsite does not have.
fn file_named_as_folder(
    root: &Path,
    content: &Path,
    file: &Path,
    languages: &[String],
) -> Option<Diagnostic> {
    const FOLDERS: &[&str] = &["pages", "method", "practice", "sessions", "workshops"];
    let rel = file.strip_prefix(content).ok()?;
    let mut parts: Vec<&str> = rel.iter().map(|p| p.to_str()).collect::<Option<_>>()?;
    let lang = super::language::folder_language(parts.first()?, languages).cloned();
    if lang.is_some() {
        parts.remove(0);
    }
    let (folder, what) = match parts.as_slice() {
        [name] if FOLDERS.contains(name) => (name.to_string(), "a folder of that name"),
        ["workshops", slug] if !slug.contains('.') => {
            (format!("workshops/{slug}"), "a workshop's folder")
        }
        _ => return None,
    };
    let shown = file.strip_prefix(root).unwrap_or(file);
    let name = rel.file_name()?.to_string_lossy();
    let hint = match &lang {
        Some(lang) => format!("alsite has no folder per language: a translation sits in `content/{folder}/` beside its original, with the language code before the extension (`NAME.{lang}.yaml`, `NAME.{lang}.md`); delete this file, or, to publish it as it is, give it an extension, such as `{name}.txt`"),
        None => format!("make `content/{folder}/` a folder and put its files in it; a file to publish as it is needs another name, such as `{name}.txt`"),
    };
    let message = match lang {
        Some(_) => format!("`{name}` is a file, but the content layout reads {what}, and only at `content/{folder}/`"),
        None => format!("`{name}` is a file, but here the content layout reads {what}"),
    };
    Some(Diagnostic::error(shown, message).hint(hint))
}

/// Where `path` leads, when it is a symbolic link that cannot be followed
/// (to nothing, or round a loop of links).
pub fn dangling_link(path: &Path) -> Option<PathBuf> {
    let link = std::fs::symlink_metadata(path).is_ok_and(|m| m.is_symlink());
    (link && !path.exists()).then(|| std::fs::read_link(path).unwrap_or_default())
}

/// `file` is a symbolic link that cannot be followed (to a file that does
/// not exist, or a loop of links): named so, not as a missing file.
pub(super) fn broken_link(root: &Path, file: &Path) -> Option<Diagnostic> {
    let path = root.join(file);
    dangling_link(&path)?;
    let e = std::fs::metadata(&path).err()?;
    let (why, hint) = match e.kind() {
        std::io::ErrorKind::NotFound => (
            "it is a link to a file that does not exist".to_string(),
            "put back the file it points to, or replace the link with the file itself",
        ),
        _ => (
            crate::diagnostic::io_words(&e),
            "replace the link with the file itself",
        ),
    };
    Some(Diagnostic::error(file, format!("cannot read {}: {why}", file.display())).hint(hint))
}

/// An error when `root/rel` is there but is neither a file nor a folder.
pub(super) fn special_file(root: &Path, rel: &Path) -> Option<Diagnostic> {
    let meta = std::fs::metadata(root.join(rel)).ok()?;
    let special = !meta.is_file() && !meta.is_dir();
    special.then(|| not_a_file(root, &root.join(rel), meta.file_type()))
}

/// `path` is neither a file nor a folder (a named pipe, a socket, a
/// device, or a link to one): an error naming what it is.
fn not_a_file(root: &Path, path: &Path, kind: std::fs::FileType) -> Diagnostic {
    let shown = path.strip_prefix(root).unwrap_or(path);
    let what = special_kind(kind);
    Diagnostic::error(
        shown,
        format!("this is not a file but {what}, which holds no text to read or publish"),
    )
    .hint("a program made it, not an editor: remove it (or move it out of the site's folder) and put the file you meant in its place")
}

fn special_kind(kind: std::fs::FileType) -> &'static str {
    #[cfg(unix)]
    {
        use std::os::unix::fs::FileTypeExt;
        if kind.is_fifo() {
            return "a named pipe";
        }
        if kind.is_socket() {
            return "a socket (a program's connection point)";
        }
    }
    let _ = kind;
    "a device"
}

/// A file or folder under content/ that cannot be read, in plain words.
fn unreadable(root: &Path, content: &Path, e: &walkdir::Error) -> Diagnostic {
    use std::io::ErrorKind;
    let path = e.path().unwrap_or(content);
    let shown = path.strip_prefix(root).unwrap_or(path).to_path_buf();
    let (why, hint) = match e.io_error() {
        Some(io) if io.kind() == ErrorKind::NotFound => (
            "it is a link to a file or folder that does not exist".to_string(),
            "remove the link, or put back what it points to",
        ),
        Some(io) if io.kind() == ErrorKind::PermissionDenied => (
            "permission denied".to_string(),
            "give yourself permission to read it, or move it out of content/",
        ),
        Some(io) if crate::diagnostic::name_too_long(io) => (
            "its name, or the path of folders leading to it, is too long for this system"
                .to_string(),
            "shorten the names of its folders, or nest it in fewer folders",
        ),
        Some(io) if crate::diagnostic::link_loop(io) => (
            crate::diagnostic::io_words(io),
            "replace the link with the file itself, or point it at a file that is not a link",
        ),
        Some(io) => (
            crate::diagnostic::io_words(io),
            "check that it can be opened",
        ),
        // walkdir's own error: a link to a folder that holds it.
        None => (
            "a link leads back into a folder that holds it (a loop of links)".to_string(),
            "remove the link; to publish the files it leads to, copy them into the site's folder instead of linking to them",
        ),
    };
    Diagnostic::error(shown, format!("cannot read this file or folder: {why}")).hint(hint)
}

/// For `e` when it is a link: where it leads (resolved), or an error when
/// that is out of the site's folder (`site`, with its links resolved).
fn link_in_site(
    root: &Path,
    site: &Path,
    e: &walkdir::DirEntry,
) -> Option<Result<PathBuf, Diagnostic>> {
    if !e.path_is_symlink() {
        return None;
    }
    let target = std::fs::canonicalize(e.path()).ok()?;
    if target.starts_with(site) {
        return Some(Ok(target));
    }
    let shown = e.path().strip_prefix(root).unwrap_or(e.path());
    Some(Err(
        Diagnostic::error(
            shown,
            format!(
                "this is a link to {}, outside the site's folder",
                target.display()
            ),
        )
        .hint("everything under content/ is published; copy the files you want into content/ instead of linking to them"),
    ))
}

/// An error when `root` is not a folder (`--root` mistyped).
pub fn site_folder(root: &Path) -> Result<(), Diagnostic> {
    if root.is_dir() {
        return Ok(());
    }
    let what = if root.exists() {
        "is not a folder"
    } else {
        "does not exist"
    };
    Err(Diagnostic::error(root, format!("the site folder {} {what}", root.display()))
        .hint("pass --root with the folder that holds site.yaml and content/, or create one with `alsite new DIR`"))
}

/// Names editors and systems leave behind: `.x.swp`, `x~`, `#x#`, `4913`,
/// `.DS_Store`; Windows' `Thumbs.db` and `desktop.ini`, macOS's `Icon\r`;
/// an office suite's lock file `~$x.docx`; JetBrains' safe-write files
/// `x___jb_tmp___` and `x___jb_old___`; a browser's download in progress.
pub fn is_ignored(name: &str) -> bool {
    // macOS's `Icon\r`; `4913`: the file vim writes and deletes to test a
    // folder is writable.
    const SYSTEM: &[&str] = &["icon\r", "4913"];
    const ENDINGS: &[&str] = &[
        "~",
        ".tmp",
        "___jb_tmp___",
        "___jb_old___",
        ".crdownload",
        ".part",
    ];
    // Emacs' auto-save file is `#x#`: a name that only starts with `#`
    // (`#1 Wprowadzenie`) is the trainer's, and gets the `#` error, not silence.
    let emacs_auto_save = name.len() > 1 && name.starts_with('#') && name.ends_with('#');
    name.starts_with('.')
        || emacs_auto_save
        || name.starts_with("~$")
        || ENDINGS.iter().any(|e| name.ends_with(e))
        || SYSTEM.iter().any(|s| name.eq_ignore_ascii_case(s))
        || is_windows_litter(name)
}

/// Whether `name` is a file Windows leaves in a folder someone only looked
/// at (thumbnails, the folder's view settings): no one's work.
pub fn is_windows_litter(name: &str) -> bool {
    ["thumbs.db", "ehthumbs.db", "desktop.ini"]
        .iter()
        .any(|l| name.eq_ignore_ascii_case(l))
}

/// Reads `root/rel` as UTF-8; a bad byte is an error at its line and column.
pub fn read_utf8(root: &Path, rel: &Path) -> Result<String, Diagnostic> {
    let bytes = super::safe_read::read_bytes(root, rel).map_err(|e| {
        // A pipe, a socket or a device, named for what it is.
        if let Some(d) = special_file(root, rel) {
            return d;
        }
        let words = crate::diagnostic::io_words(&e);
        Diagnostic::error(rel, format!("cannot read file: {words}"))
            .hint(crate::diagnostic::read_hint(&e))
    })?;
    decode(rel, bytes)
}

/// The text of the bytes of file `rel`, read as [`read_utf8`] reads a file.
pub fn decode(rel: &Path, bytes: Vec<u8>) -> Result<String, Diagnostic> {
    let text = super::encoding::decode(rel, bytes)?;
    Ok(lone_returns_as_line_ends(text))
}

/// A line ending written as a carriage return alone (old Mac editors, some
/// exports) ends a line in YAML and in Markdown alike: it becomes `\n`, as a
/// `\r\n` is read. Text without one is returned as it is.
fn lone_returns_as_line_ends(text: String) -> String {
    let bytes = text.as_bytes();
    let lone = |i: usize| bytes.get(i + 1) != Some(&b'\n');
    if !memchr::memchr_iter(b'\r', bytes).any(lone) {
        return text;
    }
    let mut out = String::with_capacity(text.len());
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        out.push(if c == '\r' && chars.peek() != Some(&'\n') {
            '\n'
        } else {
            c
        });
    }
    out
}

/// The error for a site folder `root` without `site.yaml` (`file`): where
/// the folder is, and what to do, from what is in it: a `site.yml`,
/// `Site.yaml` or `site.yaml.txt` (saved so by Windows, which hides the
/// `.txt`) to rename, or a site's `content/` folder to step out of.
pub fn no_site_yaml(root: &Path, file: &Path) -> Diagnostic {
    let whole = std::fs::canonicalize(root).unwrap_or_else(|_| root.to_path_buf());
    let misnamed = std::fs::read_dir(root).ok().and_then(|entries| {
        entries.flatten().find_map(|e| {
            let name = e.file_name().to_string_lossy().into_owned();
            let lower = name.to_ascii_lowercase();
            let like = [
                "site.yaml",
                "site.yml",
                "site.yaml.txt",
                "site.yml.txt",
                "site.txt",
            ];
            like.contains(&lower.as_str()).then_some(name)
        })
    });
    let hint = if let Some(name) = misnamed {
        format!("rename `{name}` to `site.yaml` (in small letters, with no `.txt` or `.yml`; Windows may hide the end of a file's name)")
    } else if let Some(up) = site_above(&whole) {
        if up == 1 && whole.file_name().is_some_and(|n| n == "content") {
            "this is a site's content/ folder: run alsite in the folder above it (`cd ..`), which holds site.yaml, or pass --root with that folder".to_string()
        } else {
            let cd = vec![".."; up].join("/");
            format!("this folder is inside a site: run alsite in its folder (`cd {cd}`), which holds site.yaml, or pass --root with that folder")
        }
    } else {
        "run alsite in a site folder, pass --root DIR, or create one with `alsite new DIR`"
            .to_string()
    };
    Diagnostic::error(file, format!("no site.yaml in {}", whole.display())).hint(hint)
}

/// How many folders up from `folder` the nearest one with a `site.yaml`
/// is, when `folder` lies inside that site's `content/`.
fn site_above(folder: &Path) -> Option<usize> {
    let mut up = 0;
    let mut child = folder;
    for parent in folder.ancestors().skip(1) {
        up += 1;
        if parent.join("site.yaml").is_file() {
            return child
                .file_name()
                .is_some_and(|n| n == "content")
                .then_some(up);
        }
        child = parent;
    }
    None
}

#[cfg(test)]
mod line_end_tests {
    use super::*;

    #[test]
    fn a_carriage_return_alone_ends_a_line() {
        let text = "title: A\rsummary: B\r\nend: C\r".to_string();
        assert_eq!(
            lone_returns_as_line_ends(text),
            "title: A\nsummary: B\r\nend: C\n"
        );
        let plain = "title: A\r\n".to_string();
        assert_eq!(lone_returns_as_line_ends(plain), "title: A\r\n");
    }
}
