//! What a rebuild changed: the terminal's line about it, and whether the
//! open tabs reload.

use crate::build;
use crate::i18n::Strings;
use std::collections::HashMap;
use std::sync::Arc;

/// What a good rebuild did, for the terminal line and the reload.
pub struct Summary<'a> {
    what: &'a str,
    full: bool,
    /// The rebuild is one whose pages the browsers are told about.
    reload: bool,
    rendered: usize,
    /// Pages whose bytes changed, and outputs of any kind.
    pages: usize,
    changed: usize,
    /// The last rebuild failed: its errors are what the terminal shows last.
    fixed: bool,
    /// A full rebuild whose files all came out as the ones served.
    same: bool,
}

impl Summary<'_> {
    pub fn of<'a>(rebuilt: &build::Rebuilt, what: &'a str, fixed: bool, same: bool) -> Summary<'a> {
        Summary {
            what,
            full: rebuilt.full,
            reload: rebuilt.reload,
            rendered: rebuilt.rendered,
            pages: rebuilt
                .changed
                .iter()
                .filter(|o| o.path.ends_with(".html"))
                .count(),
            changed: rebuilt.changed.len(),
            fixed,
            same,
        }
    }

    /// A save whose pages came out as they were (the same text saved
    /// again, site.yaml or a template included) reloads no tab, unless the
    /// overlay of a failed build is to go.
    fn unchanged(&self) -> bool {
        let same = match self.full {
            true => self.same,
            false => self.changed == 0,
        };
        self.reload && same && !self.fixed
    }

    pub fn reload(&self) -> bool {
        self.reload && !self.unchanged()
    }

    pub fn say(&self, ms: u128) -> String {
        let what = self.what;
        if what == "built" {
            return format!("built {} pages in {ms} ms", self.pages);
        }
        if self.unchanged() {
            return format!("{what}: no page changed, so no reload ({ms} ms after the save)");
        }
        if !self.reload {
            return format!("{what} written {ms} ms after the save");
        }
        let scope = match self.full {
            true => "all pages".to_string(),
            false => {
                let pages = |n: usize| match n {
                    1 => "1 page".to_string(),
                    n => format!("{n} pages"),
                };
                format!("{} ({} changed)", pages(self.rendered), self.pages)
            }
        };
        // The errors printed last are gone: say so, or the terminal ends on them.
        let again = match self.fixed {
            true => "; the site builds again, the errors above are fixed",
            false => "",
        };
        format!("{what} {scope}, reload sent {ms} ms after the save{again}")
    }
}

/// Whether a full rebuild's files are the ones served: the same paths,
/// each with the same bytes.
pub fn same_files(served: &HashMap<String, Arc<Vec<u8>>>, built: &[crate::render::Output]) -> bool {
    served.len() == built.len()
        && built
            .iter()
            .all(|o| served.get(&o.path).is_some_and(|b| *b == o.bytes))
}

/// Whether the server's own pages (404, the overlay) keep their words: a
/// tab showing one reloads when they change.
pub fn same_words(served: &[Arc<Strings>], built: &[Arc<Strings>]) -> bool {
    let words = |s: &Arc<Strings>| s.for_scripts(&["serve."]);
    served.len() == built.len() && served.iter().zip(built).all(|(a, b)| words(a) == words(b))
}
