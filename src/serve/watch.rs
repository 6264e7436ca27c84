//! Which file changes matter, decided by a pure function, and the watcher
//! that feeds them to the rebuild loop. The output folder is never watched:
//! `serve` keeps the site in memory.

use crate::load::is_ignored;
use std::path::{Component, Path};

/// What a changed path means for the site.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Change {
    /// A file under `content/`, with its path from the site root.
    Content(String),
    /// `site.yaml` or anything under `themes/` or `i18n/`: everything is rebuilt.
    Everything,
}

/// Classifies a path reported by the watcher, relative to the site `root`.
pub fn classify(root: &Path, path: &Path) -> Option<Change> {
    let rel = path.strip_prefix(root).ok()?;
    let parts: Vec<String> = rel
        .components()
        .map(|c| match c {
            Component::Normal(s) => Some(s.to_string_lossy().into_owned()),
            _ => None,
        })
        .collect::<Option<_>>()?;
    let name = parts.last()?;
    // Editors write and delete temporary files around every save: `.x.swp`,
    // `x~`, `#x#`, `4913` (vim's write test), `.x.tmp`.
    if parts.iter().any(|p| is_ignored(p)) || name == "4913" {
        return None;
    }
    match parts[0].as_str() {
        "site.yaml" if parts.len() == 1 => Some(Change::Everything),
        "themes" | "i18n" => Some(Change::Everything),
        "content" => Some(Change::Content(parts.join("/"))),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn classifies_changes() {
        let root = Path::new("/site");
        let cases: &[(&str, Option<Change>)] = &[
            ("/site/site.yaml", Some(Change::Everything)),
            (
                "/site/themes/default/templates/page.html",
                Some(Change::Everything),
            ),
            ("/site/themes", Some(Change::Everything)),
            ("/site/i18n/pl.yaml", Some(Change::Everything)),
            (
                "/site/content/pages/about.md",
                Some(Change::Content("content/pages/about.md".into())),
            ),
            ("/site/content", Some(Change::Content("content".into()))),
            (
                "/site/content/sessions",
                Some(Change::Content("content/sessions".into())),
            ),
            ("/site/content/pages/.about.md.swp", None),
            ("/site/content/pages/about.md~", None),
            ("/site/content/pages/#about.md#", None),
            ("/site/content/pages/4913", None),
            ("/site/content/.git/index", None),
            ("/site/public/index.html", None),
            ("/site/target/debug/alsite", None),
            ("/site/README.md", None),
            ("/site/site.yaml.tmp", None),
            ("/elsewhere/site.yaml", None),
        ];
        for (path, want) in cases {
            assert_eq!(classify(root, Path::new(path)), *want, "{path}");
        }
    }
}
