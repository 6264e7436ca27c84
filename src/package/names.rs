//! The files `package` adds to the site's (the manifest, SCORM's schema
//! files, a launch page for each item), checked against the site's own
//! before anything is written. A site file of the same path would be lost
//! in the zip; one of the same path but for capitals (`LMS/Site.html` beside
//! `lms/site.html`) is lost when the zip is unzipped on Windows or macOS,
//! which take the two for one file; and a file where the other needs a
//! folder (a file `lms` beside `lms/site.html`) cannot be unzipped at all.

use crate::diagnostic::Diagnostic;
use std::collections::HashMap;
use std::path::{Path, PathBuf};

/// A file the package adds: its path in the zip and what it is, in words.
pub struct Added {
    pub path: String,
    pub what: String,
    /// The top of the package (SCORM's own files) or `lms/` (launch pages).
    pub launch: bool,
}

/// A file of the site: its path in the zip and the file it is made from.
pub struct SiteFile<'a> {
    pub path: &'a str,
    pub source: Option<&'a Path>,
}

/// Every meeting of a file the package adds with one of the site's, in
/// the site's words: the file to rename, and why.
pub fn clashes(site: &[SiteFile], added: &[Added]) -> Vec<Diagnostic> {
    let files: HashMap<String, &SiteFile> =
        site.iter().map(|f| (f.path.to_lowercase(), f)).collect();
    let mut folders: HashMap<String, (&str, &SiteFile)> = HashMap::new();
    for f in site {
        for folder in parents(f.path) {
            folders.entry(folder.to_lowercase()).or_insert((folder, f));
        }
    }
    let mut found = Vec::new();
    for a in added {
        let key = a.path.to_lowercase();
        if let Some(f) = files.get(&key) {
            found.push(same_name(f, a));
        } else if let Some((folder, f)) = folders.get(&key) {
            let words = format!(
                "this file is in the folder `{folder}` in the package, where the package puts {}",
                a.what
            );
            found.push(error(f, words, a));
        }
        for folder in parents(&a.path) {
            if let Some(f) = files.get(&folder.to_lowercase()) {
                let words = format!("this file would be `{}` in the package, where the package needs the folder `{folder}/` for {} (`{}`)", f.path, a.what, a.path);
                found.push(error(f, words, a));
            }
        }
    }
    found
}

/// `path`'s folders, from the top: `a/b/c.html` → `a`, `a/b`.
fn parents(path: &str) -> impl Iterator<Item = &str> {
    path.match_indices('/').map(move |(at, _)| &path[..at])
}

fn same_name(f: &SiteFile, a: &Added) -> Diagnostic {
    let words = match f.path == a.path {
        true => format!("this file would be `{}` in the package, where the package puts {}", f.path, a.what),
        false => format!(
            "this file would be `{}` in the package, and the package puts {} at `{}`: the same name but for capitals, which Windows and macOS take for one file, so unzipped there one would replace the other",
            f.path, a.what, a.path
        ),
    };
    error(f, words, a)
}

fn error(f: &SiteFile, words: String, a: &Added) -> Diagnostic {
    let place = f
        .source
        .map_or_else(|| PathBuf::from(f.path), Path::to_path_buf);
    let hint = match a.launch {
        true => "rename the file or its folder: the package keeps the folder `lms/` for the launch pages of its items",
        false => "rename the file, or move it into a folder: the top of the package holds SCORM's own files",
    };
    Diagnostic::error(place, words).hint(hint)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn launch(path: &str) -> Added {
        Added {
            path: path.into(),
            what: "a launch page".into(),
            launch: true,
        }
    }

    #[test]
    fn a_name_meets_the_same_name_in_any_capitals_and_a_file_where_a_folder_goes() {
        let source = Path::new("content/pages/LMS/Site.md");
        let site = [
            SiteFile {
                path: "LMS/Site.html",
                source: Some(source),
            },
            SiteFile {
                path: "lms/other.html",
                source: None,
            },
            SiteFile {
                path: "Imsmanifest.xml/x.png",
                source: None,
            },
        ];
        let added = [
            launch("lms/site.html"),
            launch("lms/new.html"),
            Added {
                path: "imsmanifest.xml".into(),
                what: "the manifest".into(),
                launch: false,
            },
        ];
        let found = clashes(&site, &added);
        assert_eq!(found.len(), 2, "{found:?}");
        assert_eq!(found[0].file, source);
        assert!(
            found[0].message.contains("the same name but for capitals"),
            "{}",
            found[0].message
        );
        assert!(
            found[1].message.contains("in the folder `Imsmanifest.xml`"),
            "{}",
            found[1].message
        );
        let file = [SiteFile {
            path: "lms",
            source: None,
        }];
        let found = clashes(&file, &added[..1]);
        assert!(
            found[0].message.contains("needs the folder `lms/`"),
            "{}",
            found[0].message
        );
    }
}
