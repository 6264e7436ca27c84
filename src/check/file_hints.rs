//! "Did you mean …?" for a link to a file the site does not have. Worked
//! out once for each missing target (a broken link in the footer is on every
//! page), from an index of the site's files by folded name and by folder
//! made at the first broken link: a site's broken links cost what its good
//! ones do, however many pages it has.

use super::LinkIndex;
use std::collections::HashMap;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Mutex, OnceLock};

/// Typo searches in one check at most: a site with thousands of different
/// broken links gets its first ones' suggestions, not minutes of searching.
const TYPO_SEARCHES: usize = 200;

pub struct FileHints<'a> {
    /// The site's files.
    site: &'a LinkIndex,
    index: OnceLock<Folded<'a>>,
    done: Mutex<HashMap<String, String>>,
    searches: AtomicUsize,
}

struct Folded<'a> {
    /// Each file by its path in small letters without accents.
    by_name: HashMap<String, &'a str>,
    by_folder: HashMap<&'a str, Vec<&'a str>>,
}

fn folder(path: &str) -> &str {
    path.rfind('/').map_or("", |i| &path[..i])
}

impl<'a> FileHints<'a> {
    pub fn new(site: &'a LinkIndex) -> FileHints<'a> {
        FileHints {
            site,
            index: OnceLock::new(),
            done: Mutex::default(),
            searches: AtomicUsize::new(0),
        }
    }

    /// As [`FileHints::hint`], for a link `written` so in its page's
    /// source: a Markdown or YAML file named near a page's file is told that
    /// file, in the link's own form (`../about.md` for `../abut.md`).
    pub fn hint_for(&self, target: &str, written: &str) -> String {
        let Some((stem, _)) = source_file(target) else {
            return self.hint(target);
        };
        // A free page's file is in `pages/` (from the home page's file,
        // `content/index.md`), its page not.
        let in_pages = stem.strip_prefix("pages/");
        let page = [Some(stem), in_pages]
            .into_iter()
            .flatten()
            .find_map(|s| self.nearest(&format!("{s}.html")));
        let Some(page) = page else {
            return String::new();
        };
        let name = page.rsplit('/').next().unwrap_or(page);
        let name = name.strip_suffix(".html").unwrap_or(name);
        let (path, rest) = written.split_at(written.find(['#', '?']).unwrap_or(written.len()));
        let (folder, file) = path.rsplit_once('/').unwrap_or(("", path));
        let ext = file.rsplit_once('.').map_or("", |(_, e)| e);
        let slash = if path.contains('/') { "/" } else { "" };
        format!("did you mean `{folder}{slash}{name}.{ext}{rest}`? ")
    }

    /// "did you mean `x`? " for a file of the site in the folder of
    /// `target`, which the site does not have, or nothing.
    pub fn hint(&self, target: &str) -> String {
        let done = || self.done.lock().unwrap_or_else(|e| e.into_inner());
        if let Some(hint) = done().get(target) {
            return hint.clone();
        }
        let hint = self.work_out(target);
        done().insert(target.to_string(), hint.clone());
        hint
    }

    fn work_out(&self, target: &str) -> String {
        if let Some(hint) = self.written_another_way(target) {
            return hint;
        }
        match self.nearest(target) {
            Some(file) => format!("did you mean `{file}`? "),
            None => String::new(),
        }
    }

    /// The site's file that `target` is a slip for: the same name in other
    /// capitals or accents, else one a letter or two off in its folder.
    fn nearest(&self, target: &str) -> Option<&'a str> {
        let index = self.index.get_or_init(|| {
            let mut by_folder: HashMap<&str, Vec<&str>> = HashMap::new();
            for f in self.site.files() {
                by_folder.entry(folder(f)).or_default().push(f);
            }
            let by_name = self
                .site
                .files()
                .map(|f| (crate::search::tokenize::fold(f), f));
            Folded {
                by_name: by_name.collect(),
                by_folder,
            }
        });
        match index.by_name.get(&crate::search::tokenize::fold(target)) {
            Some(&file) if file != target => return Some(file),
            _ => {}
        }
        match index.by_folder.get(folder(target)) {
            Some(near) if self.searches.fetch_add(1, Ordering::Relaxed) < TYPO_SEARCHES => {
                crate::suggest::closest(target, near.iter().copied())
            }
            _ => None,
        }
    }
}

/// A link to a file alsite makes a page of (`.md`, `.yaml` …, see
/// [`crate::load::is_text`]): its path without the extension, and the extension.
fn source_file(target: &str) -> Option<(&str, &str)> {
    target
        .rsplit_once('.')
        .filter(|_| crate::load::is_text(target))
}

impl FileHints<'_> {
    /// A page linked without its `.html` (a folder, or a page as a web
    /// server without `.html` names it), or a file (not a page) linked from
    /// a page's own folder that sits at the site root or a folder above.
    fn written_another_way(&self, target: &str) -> Option<String> {
        let bare = target.trim_end_matches('/');
        if !bare.ends_with(".html") {
            for page in [format!("{bare}/index.html"), format!("{bare}.html")] {
                if self.site.has(&page) {
                    return Some(format!("did you mean `{page}`? links to pages end in `.html`, so they work from disk too; "));
                }
            }
        }
        // Pages are each language's own (`pl/about.html` is not `about.html`
        // misplaced); images and other files are shared by all.
        let mut rest = if target.ends_with(".html") {
            ""
        } else {
            target
        };
        while let Some(slash) = rest.find('/') {
            rest = &rest[slash + 1..];
            if self.site.has(rest) {
                return Some(format!("did you mean `/{rest}`, from the site root? a link without a leading `/` starts in the page's own folder; "));
            }
        }
        None
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::check::PageLinks;

    fn files(names: impl IntoIterator<Item = String>) -> LinkIndex {
        let pages: Vec<PageLinks> = names
            .into_iter()
            .map(|n| PageLinks::of(&crate::render::Output::plain(n, Vec::new())))
            .collect();
        LinkIndex::new(&pages)
    }

    #[test]
    fn a_slip_is_named_in_a_small_folder_and_capitals_in_any() {
        let small = files(["about.html", "ground-rules.html", "pl/o-nas.html"].map(String::from));
        let hints = FileHints::new(&small);
        assert_eq!(hints.hint("abuot.html"), "did you mean `about.html`? ");
        assert_eq!(
            hints.hint("pl/O-nas.html"),
            "did you mean `pl/o-nas.html`? "
        );
        // Only files in the link's own folder are offered.
        assert_eq!(hints.hint("pl/about.html"), "");
        let many = files((0..3_000).map(|i| format!("page-{i:05}.html")));
        let hints = FileHints::new(&many);
        assert_eq!(
            hints.hint("Page-00007.html"),
            "did you mean `page-00007.html`? "
        );
        assert_eq!(hints.hint("page-0007x.html"), "");
    }

    #[test]
    fn a_source_file_a_letter_off_is_named_as_the_link_was_written() {
        let site = files(["index.html", "about.html", "kurs/about.html"].map(String::from));
        let hints = FileHints::new(&site);
        // In content/pages/kurs/x.md (page kurs/x.html): each link read as written.
        assert_eq!(
            hints.hint_for("kurs/abot.md", "abot.md"),
            "did you mean `about.md`? "
        );
        assert_eq!(
            hints.hint_for("pages/abut.md", "/pages/abut.md"),
            "did you mean `/pages/about.md`? "
        );
        assert_eq!(
            hints.hint_for("abut.md", "../abut.md#team"),
            "did you mean `../about.md#team`? "
        );
        assert_eq!(hints.hint_for("kurs/zzz.md", "zzz.md"), "");
    }

    #[test]
    fn a_folder_a_page_without_html_and_a_file_from_the_wrong_folder_are_named() {
        let site = files(
            [
                "index.html",
                "workshops/intro/index.html",
                "about.html",
                "images/logo.svg",
                "kurs/intro.html",
            ]
            .map(String::from),
        );
        let hints = FileHints::new(&site);
        assert!(hints
            .hint("workshops/intro")
            .starts_with("did you mean `workshops/intro/index.html`? "));
        assert!(hints
            .hint("workshops/intro/")
            .starts_with("did you mean `workshops/intro/index.html`? "));
        assert!(hints
            .hint("about")
            .starts_with("did you mean `about.html`? "));
        assert!(hints
            .hint("kurs/images/logo.svg")
            .starts_with("did you mean `/images/logo.svg`, from the site root? "));
        assert_eq!(hints.hint("kurs/images/other.svg"), "");
    }
}
