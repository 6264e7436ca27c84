//! Decides, before anything is written, whether a folder may become the
//! output: alsite replaces only a missing folder, an empty one, or one it
//! built itself (marked by [`MARKER`]). Everything else is refused with the
//! reason, and nothing is touched.

use crate::diagnostic::Diagnostic;
use std::path::{Component, Path, PathBuf};

/// The file alsite leaves at the root of every folder it builds.
pub const MARKER: &str = ".alsite-output";

/// What the marker file says to someone who opens it.
pub const MARKER_TEXT: &str = "This folder was built by alsite. The next build replaces \
everything in it, so do not keep your own files here.\n";

/// The parts of a site that hold what a trainer wrote.
const SOURCES: [&str; 4] = ["content", "themes", "i18n", "site.yaml"];

const CHOOSE: &str = "Choose an output folder of its own, such as public/ (the default)";

/// `Ok` when `out` may be replaced by a build of the site at `root`.
/// `force` allows replacing a non-empty folder that alsite did not make,
/// and nothing else.
pub fn check_output_folder(root: &Path, out: &Path, force: bool) -> Result<(), Diagnostic> {
    if out.exists() && !out.is_dir() {
        return Err(
            refuse(out, "the output path is a file, not a folder").hint(format!(
                "alsite writes a whole folder of pages; the file was not touched. {CHOOSE}"
            )),
        );
    }
    let (root_abs, out_abs) = (resolve(root), resolve(out));
    if root_abs.starts_with(&out_abs) {
        return Err(refuse(out, "the output folder contains the site itself").hint(CHOOSE));
    }
    if let Some(source) = among_sources(&root_abs, &out_abs) {
        return Err(refuse(
            out,
            format!("the output folder is inside the site's own files ({source})"),
        )
        .hint(format!(
            "a build replaces its output folder, which would delete what you wrote. {CHOOSE}"
        )));
    }
    match std::fs::read_dir(out) {
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(()),
        Err(e) => Err(refuse(
            out,
            format!(
                "cannot open the output folder: {}",
                crate::diagnostic::io_words(&e)
            ),
        )
        .hint("check that the folder is readable and writable")),
        Ok(mut entries) => {
            if entries.next().is_none() || out.join(MARKER).is_file() || force {
                Ok(())
            } else {
                Err(refuse(
                    out,
                    "the output folder holds files that alsite did not make",
                )
                .hint(format!(
                    "alsite only replaces a folder it built itself (one with a {MARKER} \
                         file), an empty folder or a missing one. {CHOOSE}, empty this one \
                         yourself, or add --force to replace it and everything in it"
                )))
            }
        }
    }
}

/// `Ok` when a package may be written at `out`: not among the site's own
/// files, and not over a file that is not an earlier package (a zip).
pub fn check_package_file(root: &Path, out: &Path) -> Result<(), Diagnostic> {
    let (root_abs, out_abs) = (resolve(root), resolve(out));
    if let Some(source) = among_sources(&root_abs, &out_abs) {
        return Err(refuse(
            out,
            format!("the package would be written among the site's own files ({source})"),
        )
        .hint("give a path outside content/, themes/, i18n/ and site.yaml, such as course.zip"));
    }
    if out.is_file() && !is_zip(out) {
        return Err(refuse(out, "a file that is not a package is already there")
            .hint("alsite replaces only an earlier package (a .zip); give a new name, such as course.zip. The file was not touched"));
    }
    Ok(())
}

/// Which of the site's own parts ([`SOURCES`]) holds `out` (both resolved).
fn among_sources(root: &Path, out: &Path) -> Option<&'static str> {
    SOURCES.into_iter().find(|s| out.starts_with(root.join(s)))
}

/// True when the file at `path` starts as a zip archive does.
fn is_zip(path: &Path) -> bool {
    use std::io::Read;
    let mut start = [0; 4];
    let read = std::fs::File::open(path).and_then(|mut f| f.read_exact(&mut start));
    read.is_ok() && (start == *b"PK\x03\x04" || start == *b"PK\x05\x06")
}

fn refuse(out: &Path, message: impl Into<String>) -> Diagnostic {
    Diagnostic::error(out, message)
}

/// An absolute path with symbolic links resolved, for a path that may not
/// exist yet: its longest existing ancestor is resolved and the rest appended.
fn resolve(path: &Path) -> PathBuf {
    let absolute = std::path::absolute(path).unwrap_or_else(|_| path.to_path_buf());
    let mut existing = absolute.as_path();
    let mut rest = Vec::new();
    loop {
        if let Ok(real) = std::fs::canonicalize(existing) {
            let mut out = real;
            for part in rest.iter().rev() {
                push_component(&mut out, *part);
            }
            return out;
        }
        match (existing.parent(), existing.components().next_back()) {
            (Some(parent), Some(last)) => {
                rest.push(last);
                existing = parent;
            }
            _ => return absolute,
        }
    }
}

fn push_component(path: &mut PathBuf, part: Component) {
    match part {
        Component::ParentDir => {
            path.pop();
        }
        Component::CurDir => {}
        other => path.push(other),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn temp(name: &str) -> PathBuf {
        let dir = std::env::temp_dir().join(format!("alsite-guard-{name}-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&dir);
        std::fs::create_dir_all(dir.join("site/content/pages")).unwrap();
        std::fs::write(dir.join("site/site.yaml"), "title: x\n").unwrap();
        dir
    }

    fn refused(root: &Path, out: &Path, force: bool) -> String {
        check_output_folder(root, out, force)
            .expect_err("refused")
            .message
    }

    #[test]
    fn missing_empty_and_marked_folders_may_be_replaced() {
        let dir = temp("ok");
        let site = dir.join("site");
        assert!(check_output_folder(&site, &site.join("public"), false).is_ok());
        assert!(check_output_folder(&site, &dir.join("new/deeper"), false).is_ok());
        std::fs::create_dir_all(dir.join("empty")).unwrap();
        assert!(check_output_folder(&site, &dir.join("empty"), false).is_ok());
        std::fs::create_dir_all(dir.join("built")).unwrap();
        std::fs::write(dir.join("built/index.html"), "x").unwrap();
        std::fs::write(dir.join("built").join(MARKER), MARKER_TEXT).unwrap();
        assert!(check_output_folder(&site, &dir.join("built"), false).is_ok());
        let _ = std::fs::remove_dir_all(dir);
    }

    #[test]
    fn sources_files_and_foreign_folders_are_refused() {
        let dir = temp("refuse");
        let site = dir.join("site");
        for inside in ["content", "content/pages", "themes/x", "i18n"] {
            let why = refused(&site, &site.join(inside), true);
            assert!(
                why.contains("inside the site's own files"),
                "{inside}: {why}"
            );
        }
        let up = site.join("content/pages/../../content");
        assert!(refused(&site, &up, false).contains("inside the site's own files"));
        assert!(refused(&site, &site, false).contains("contains the site itself"));
        assert!(refused(&site, &dir, true).contains("contains the site itself"));
        assert!(refused(&site, &site.join("site.yaml"), false).contains("is a file"));
        std::fs::create_dir_all(dir.join("documents")).unwrap();
        std::fs::write(dir.join("documents/letter.txt"), "mine").unwrap();
        let why = refused(&site, &dir.join("documents"), false);
        assert!(why.contains("did not make"), "{why}");
        // --force overrides that last case only.
        assert!(check_output_folder(&site, &dir.join("documents"), true).is_ok());
        let _ = std::fs::remove_dir_all(dir);
    }
}
