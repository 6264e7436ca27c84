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
/// and nothing else here (it also lets a build delete files added to a
/// folder alsite built: see `Previous::check_foreign`). `linked` is where
/// the links under `content/` lead (see [`crate::model::Site::linked`]).
pub fn check_output_folder(
    root: &Path,
    out: &Path,
    force: bool,
    linked: &[(PathBuf, PathBuf)],
) -> Result<(), Diagnostic> {
    if out.exists() && !out.is_dir() {
        return Err(
            refuse(out, "the output path is a file, not a folder").hint(format!(
                "alsite writes a whole folder of pages; the file was not touched. {CHOOSE}"
            )),
        );
    }
    unexpanded_home(out)?;
    let (root_abs, out_abs) = (resolve(root), resolve(out));
    if root_abs.starts_with(&out_abs) {
        return Err(refuse(out, "the output folder contains the site itself").hint(CHOOSE));
    }
    check_places(out, &source_places(&root_abs, linked), &out_abs)?;
    match std::fs::read_dir(out) {
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(()),
        Err(e) => Err(refuse(
            out,
            format!(
                "cannot open the output folder: {}",
                crate::diagnostic::io_words(&e)
            ),
        )
        .hint(match e.kind() {
            std::io::ErrorKind::NotADirectory => {
                format!("a part of its path is a file, not a folder. {CHOOSE}")
            }
            std::io::ErrorKind::PermissionDenied => {
                format!("your user may not open this folder. {CHOOSE}")
            }
            _ => "check that the folder is readable and writable".to_string(),
        })),
        Ok(mut entries) => {
            let (empty, built) = (entries.next().is_none(), out.join(MARKER).is_file());
            check_contents(out, &out_abs, empty, built, force)
        }
    }
}

/// An error when `out_abs` is inside one of the site's own `places` (see
/// [`source_places`]) or holds one: a build would replace it.
fn check_places(
    out: &Path,
    places: &[(PathBuf, String)],
    out_abs: &Path,
) -> Result<(), Diagnostic> {
    if let Some(source) = among_sources(places, out_abs) {
        return Err(refuse(
            out,
            format!("the output folder is inside the site's own files ({source})"),
        )
        .hint(format!(
            "a build replaces its output folder, which would delete what you wrote. {CHOOSE}"
        )));
    }
    if let Some((place, source)) = places.iter().find(|(p, _)| p.starts_with(out_abs)) {
        return Err(refuse(
            out,
            format!(
                "the output folder holds some of the site's own files: {source} is a link to {}",
                shown(place)
            ),
        )
        .hint(format!(
            "a build replaces its output folder, which would delete what you wrote; not even --force allows that. {CHOOSE}"
        )));
    }
    Ok(())
}

/// What [`check_output_folder`] decides for a folder that is there:
/// `empty`, or `built` by alsite (its marker), or neither.
fn check_contents(
    out: &Path,
    out_abs: &Path,
    empty: bool,
    built: bool,
    force: bool,
) -> Result<(), Diagnostic> {
    if let Some(what) = never_replaced(out_abs, empty, built) {
        let repository = if what.starts_with("a repository") {
            "; to publish from a repository, build into a new folder first and then \
                     make it the repository (`git init` there, or move the .git in): a build \
                     keeps the .git of a folder it built"
        } else {
            ""
        };
        return Err(
            refuse(out, format!("the output folder is {what}")).hint(format!(
                "a build replaces everything in its output folder, so alsite never builds \
                     into this one, not even with --force. {CHOOSE}{repository}"
            )),
        );
    }
    if empty || built || force {
        return Ok(());
    }
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

/// An error for a path that begins with `~` (`--out '~/site'` quoted, or
/// `--out=~/site`): only a shell reads `~` as the home folder, and
/// unexpanded it names a new folder `~`, which a later `rm -rf ~` meant for
/// it would take the home folder with. `./~` is a folder named `~`.
fn unexpanded_home(out: &Path) -> Result<(), Diagnostic> {
    match out.components().next() {
        Some(Component::Normal(first)) if first == "~" => Err(refuse(
            out,
            "the path begins with `~`, which is read as a folder named `~` here, not as your home folder",
        )
        .hint("only a shell turns `~` into the home folder, and not inside quotes or after `=`: write the path in full (such as $HOME/site), or `./~` for a folder that really is named `~`")),
        _ => Ok(()),
    }
}

/// Folders right under the top of a file system that hold the system's
/// or every user's files.
const SYSTEM_FOLDERS: [&str; 22] = [
    "bin",
    "boot",
    "dev",
    "etc",
    "home",
    "lib",
    "lib64",
    "media",
    "mnt",
    "opt",
    "proc",
    "root",
    "run",
    "sbin",
    "srv",
    "sys",
    "tmp",
    "usr",
    "var",
    "Users",
    "Windows",
    "Program Files",
];

/// What `out` (absolute, links resolved) is when no build may replace it,
/// `--force` or not: the top of the file system or a system folder right
/// under it (`/`, `/home`, `/tmp`, `C:\`), the home folder or one above it, or a
/// repository (a folder holding `.git`, whose history would go with it)
/// that alsite did not build (`built`: one it built keeps its `.git`). A
/// home folder or a system folder stays refused even `empty` or marked as
/// built; the top of a file system only when neither (`E:\`, a new USB
/// stick, may hold a site that opens from it).
fn never_replaced(out: &Path, empty: bool, built: bool) -> Option<&'static str> {
    let parts: Vec<&std::ffi::OsStr> = out
        .components()
        .filter_map(|c| match c {
            Component::Normal(name) => Some(name),
            _ => None,
        })
        .collect();
    let system =
        |name: &std::ffi::OsStr| SYSTEM_FOLDERS.iter().any(|s| name.eq_ignore_ascii_case(s));
    // `/`, `C:\`; `/home`, `/tmp`, `C:\Users` (not `E:\kurs` on a USB stick).
    if (parts.is_empty() && !empty && !built) || (parts.len() == 1 && system(parts[0])) {
        return Some("the top of the file system or a system folder right under it");
    }
    if home_folder().is_some_and(|home| home.starts_with(out)) {
        return Some("your home folder or a folder that holds it");
    }
    if !built && out.join(".git").exists() {
        return Some("a repository (it holds .git, the project's whole history)");
    }
    None
}

/// `Ok` when a package may be written at `out`: a `.zip` file name in a
/// folder that exists, not among the site's own files, not inside a folder
/// a build replaces, and not over a file that is not an earlier package.
pub fn check_package_file(root: &Path, out: &Path) -> Result<(), Diagnostic> {
    unexpanded_home(out)?;
    let (root_abs, out_abs) = (resolve(root), resolve(out));
    if let Some(source) = among_sources(&source_places(&root_abs, &[]), &out_abs) {
        return Err(refuse(
            out,
            format!("the package would be written among the site's own files ({source})"),
        )
        .hint("give a path outside content/, themes/, i18n/ and site.yaml, such as course.zip"));
    }
    if out.is_file() && !is_alsite_package(out) {
        return Err(refuse(out, "a file that is not a package alsite made is already there")
            .hint("alsite replaces only a package it made before; give a new name, such as course.zip. The file was not touched"));
    }
    package_file_name(out)?;
    package_folder(out)?;
    if let Some(built) = built_folder(&package_place(out)) {
        return Err(refuse(
            out,
            format!(
                "the package would be written inside {}, a folder alsite builds, and the next build would delete it",
                shown(built)
            ),
        )
        .hint("a build removes every file it did not make from its output folder; write the package beside it, such as course.zip"));
    }
    Ok(())
}

/// A package is a file whose name ends in `.zip`, the only kind of file
/// learning platforms take as a SCORM package.
fn package_file_name(out: &Path) -> Result<(), Diagnostic> {
    let text = out.to_string_lossy();
    if out.is_dir() {
        return Err(
            refuse(out, "cannot write the package: that is a folder").hint(format!(
                "give a file name, such as {}",
                out.join("course.zip").display()
            )),
        );
    }
    if text.ends_with('/') || text.ends_with(std::path::MAIN_SEPARATOR) {
        return Err(
            refuse(out, "a name that ends in / is a folder's, not a package's").hint(format!(
                "give a file name, such as {}",
                zip_name(out).display()
            )),
        );
    }
    let zip = out
        .extension()
        .is_some_and(|e| e.eq_ignore_ascii_case("zip"));
    let bare = out
        .file_name()
        .is_some_and(|n| n.eq_ignore_ascii_case(".zip"));
    if bare {
        return Err(refuse(out, "a package needs a name before .zip")
            .hint(format!("give a name such as {}", zip_name(out).display())));
    }
    if !zip {
        return Err(
            refuse(out, "a package's file name ends in .zip").hint(format!(
            "learning platforms take a SCORM package only as a .zip file; give a name such as {}",
            zip_name(out).display()
        )),
        );
    }
    Ok(())
}

/// A package's name in `out`'s place: its name up to the first dot, then
/// `.zip` (`course.tar.gz` → `course.zip`); `course.zip` for a name with
/// nothing before a dot (`.zip`).
fn zip_name(out: &Path) -> PathBuf {
    let name = out.file_name().map(|n| n.to_string_lossy().into_owned());
    let stem = name.as_deref().and_then(|n| n.split('.').next());
    let stem = stem.filter(|s| !s.is_empty()).unwrap_or("course");
    let name = format!("{stem}.zip");
    match out.parent().filter(|p| !p.as_os_str().is_empty()) {
        Some(folder) => folder.join(name),
        None => PathBuf::from(name),
    }
}

/// The folder the package goes in must already exist: alsite does not
/// guess at making folders for a file.
fn package_folder(out: &Path) -> Result<(), Diagnostic> {
    let Some(folder) = out.parent().filter(|p| !p.as_os_str().is_empty()) else {
        return Ok(());
    };
    let create =
        "create the folder first, or give a path in a folder that exists, such as course.zip";
    let (what, hint) = match std::fs::metadata(folder) {
        Ok(m) if m.is_dir() => return Ok(()),
        Ok(_) => ("is a file, not a folder".to_string(), create),
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => {
            ("does not exist".to_string(), create)
        }
        Err(e) => (
            format!("cannot be used: {}", crate::diagnostic::io_words(&e)),
            "give a path in a folder you can write to, such as course.zip",
        ),
    };
    Err(refuse(out, format!("the folder {} {what}", folder.display())).hint(hint))
}

/// Where the package file itself goes: its folder resolved, its name as
/// given (a link of that name is replaced, not followed).
fn package_place(out: &Path) -> PathBuf {
    let folder = out
        .parent()
        .filter(|p| !p.as_os_str().is_empty())
        .unwrap_or(Path::new("."));
    let resolved = resolve(folder);
    match out.file_name() {
        Some(name) => resolved.join(name),
        None => resolved,
    }
}

/// The nearest folder holding `out_abs` that alsite built (it holds the
/// [`MARKER`]): a build there removes files it did not make.
fn built_folder(out_abs: &Path) -> Option<&Path> {
    out_abs
        .ancestors()
        .skip(1)
        .find(|f| f.join(MARKER).is_file())
}

/// `folder` as a path from the current folder when it is inside it.
fn shown(folder: &Path) -> String {
    let here = std::env::current_dir().map(|c| resolve(&c));
    match here.as_deref().map(|h| folder.strip_prefix(h)) {
        Ok(Ok(rel)) if rel.as_os_str().is_empty() => "the current folder".into(),
        Ok(Ok(rel)) => format!("{}/", rel.display()),
        _ => folder.display().to_string(),
    }
}

/// Which of the site's own parts ([`SOURCES`]) holds `out` (both resolved).
fn among_sources(places: &[(PathBuf, String)], out: &Path) -> Option<String> {
    let (_, source) = places.iter().find(|(p, _)| out.starts_with(p))?;
    Some(source.clone())
}

/// Where the site's own files are, each with the name a trainer knows it
/// by: each of [`SOURCES`] under `root` (absolute, links resolved), and
/// where it leads when it is a link; where each link inside `themes/` and
/// `i18n/` leads; and `linked`, the links under `content/` (as shown, and
/// where each leads).
fn source_places(root: &Path, linked: &[(PathBuf, PathBuf)]) -> Vec<(PathBuf, String)> {
    let mut places = Vec::new();
    for s in SOURCES {
        let path = root.join(s);
        places.push((resolve(&path), s.to_string()));
        places.push((path.clone(), s.to_string()));
        if s == "themes" || s == "i18n" {
            let links = walkdir::WalkDir::new(&path)
                .min_depth(1)
                .max_depth(4)
                .into_iter()
                .filter_map(Result::ok)
                .filter(|e| e.path_is_symlink());
            for link in links {
                let name = link.path().strip_prefix(root).unwrap_or(link.path());
                places.push((resolve(link.path()), name.display().to_string()));
            }
        }
    }
    places.extend(
        linked
            .iter()
            .map(|(link, target)| (target.clone(), link.display().to_string())),
    );
    places
}

/// Whether `path` is a package alsite made: a zip whose `imsmanifest.xml`
/// names a course by the identifier alsite gives (`alsite-…`). Any other
/// zip (a trainer's archive of photos, another tool's course) is not
/// replaced.
fn is_alsite_package(path: &Path) -> bool {
    use std::io::Read;
    let Ok(mut zip) = std::fs::File::open(path).map(zip::ZipArchive::new) else {
        return false;
    };
    let Some(Ok(manifest)) = zip.as_mut().ok().map(|z| z.by_name("imsmanifest.xml")) else {
        return false;
    };
    let mut start = String::new();
    let read = manifest.take(4096).read_to_string(&mut start);
    read.is_ok()
        && start
            .split_once("<manifest")
            .is_some_and(|(_, rest)| rest.trim_start().starts_with("identifier=\"alsite-"))
}

fn refuse(out: &Path, message: impl Into<String>) -> Diagnostic {
    Diagnostic::error(out, message)
}

/// The user's home folder (`HOME`, on Windows `USERPROFILE`), its links
/// resolved.
pub(crate) fn home_folder() -> Option<PathBuf> {
    std::env::var_os("HOME")
        .or_else(|| std::env::var_os("USERPROFILE"))
        .filter(|h| !h.is_empty())
        .map(|h| resolve(Path::new(&h)))
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
        check_output_folder(root, out, force, &[])
            .expect_err("refused")
            .message
    }

    #[test]
    fn missing_empty_and_marked_folders_may_be_replaced() {
        let dir = temp("ok");
        let site = dir.join("site");
        assert!(check_output_folder(&site, &site.join("public"), false, &[]).is_ok());
        assert!(check_output_folder(&site, &dir.join("new/deeper"), false, &[]).is_ok());
        std::fs::create_dir_all(dir.join("empty")).unwrap();
        assert!(check_output_folder(&site, &dir.join("empty"), false, &[]).is_ok());
        std::fs::create_dir_all(dir.join("built")).unwrap();
        std::fs::write(dir.join("built/index.html"), "x").unwrap();
        std::fs::write(dir.join("built").join(MARKER), MARKER_TEXT).unwrap();
        assert!(check_output_folder(&site, &dir.join("built"), false, &[]).is_ok());
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
        assert!(check_output_folder(&site, &dir.join("documents"), true, &[]).is_ok());
        let _ = std::fs::remove_dir_all(dir);
    }

    /// A path through a file is told so, not to check permissions.
    #[test]
    fn an_output_path_through_a_file_is_told_so() {
        let dir = temp("through");
        std::fs::write(dir.join("notes.txt"), "mine").unwrap();
        let e = check_output_folder(&dir.join("site"), &dir.join("notes.txt/out"), false, &[])
            .unwrap_err();
        assert!(
            e.hint
                .unwrap_or_default()
                .starts_with("a part of its path is a file"),
            "{}",
            e.message
        );
        let _ = std::fs::remove_dir_all(dir);
    }

    /// Folders whose loss no --force is worth: a repository, the home
    /// folder and what holds it, the file system's top folders.
    #[test]
    fn force_never_replaces_a_repository_a_home_folder_or_a_top_folder() {
        let dir = temp("never");
        let site = dir.join("site");
        let repo = dir.join("pages-repo");
        std::fs::create_dir_all(repo.join(".git")).unwrap();
        std::fs::write(repo.join("CNAME"), "training.example").unwrap();
        for force in [false, true] {
            let why = refused(&site, &repo, force);
            assert!(why.contains("a repository"), "{why}");
        }
        let hint = check_output_folder(&site, &repo, true, &[])
            .unwrap_err()
            .hint
            .unwrap();
        assert!(hint.contains("not even with --force"), "{hint}");
        assert!(repo.join(".git").is_dir() && repo.join("CNAME").is_file());
        // The home folder and the folder above it, however HOME is set.
        if let Some(home) = std::env::var_os("HOME").map(PathBuf::from) {
            if home.is_dir() && std::fs::read_dir(&home).is_ok_and(|mut e| e.next().is_some()) {
                for out in [home.clone(), home.join("..")] {
                    let why = refused(&site, &out, true);
                    assert!(
                        why.contains("home folder")
                            || why.contains("top of the file system")
                            || why.contains("contains the site"),
                        "{why}"
                    );
                }
            }
        }
        for top in ["/", "/usr", "/tmp"] {
            if std::fs::read_dir(top).is_ok_and(|mut e| e.next().is_some()) {
                let why = refused(&site, Path::new(top), true);
                assert!(
                    why.contains("top of the file system") || why.contains("contains the site"),
                    "{top}: {why}"
                );
            }
        }
        // The top of a file system that is empty or alsite's (a USB stick,
        // `E:\`, whose site opens from it) may be an output; a system
        // folder under it never.
        // (`/` here holds the home folder, refused for that.)
        let top = Path::new("/");
        const TOP: Option<&str> =
            Some("the top of the file system or a system folder right under it");
        assert_ne!(never_replaced(top, true, false), TOP);
        assert_ne!(never_replaced(top, false, true), TOP);
        assert!(never_replaced(top, false, false).is_some());
        assert!(never_replaced(Path::new("/tmp"), true, true).is_some());
        // An empty repository folder or one alsite built is still an output.
        std::fs::remove_file(repo.join("CNAME")).unwrap();
        std::fs::write(repo.join(MARKER), MARKER_TEXT).unwrap();
        assert!(check_output_folder(&site, &repo, false, &[]).is_ok());
        let _ = std::fs::remove_dir_all(dir);
    }
}
