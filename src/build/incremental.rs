//! Rebuilds for `serve`, in memory: the first build is full; afterwards an
//! edit to a content file reloads that file alone, re-renders the pages that
//! read it and checks their links.

use super::{link_errors, path_language, prepare, render_in_memory};
use crate::check::{self, LinkIndex, PageLinks};
use crate::diagnostic::Diagnostics;
use crate::load;
use crate::model::{FrontMatter, Page, Site};
use crate::render::{self, Output};
use crate::theme::Theme;
use std::collections::HashMap;
use std::path::{Path, PathBuf};

/// A rebuilder that keeps what the last build loaded. Anything but an edit
/// of content files (site.yaml, themes, a new or deleted file, a failed
/// build before) rebuilds everything, and so does an edit that changes what
/// every page shows (a label in the navigation). Sites in several languages
/// are rebuilt in every language the edit reaches.
pub struct Incremental {
    root: PathBuf,
    last: Option<Last>,
}

struct Last {
    site: Site,
    theme: Theme,
    links: LinkIndex,
    pages: HashMap<String, PageLinks>,
    /// Every page's text, to rewrite the search index after an edit.
    text: crate::search::SiteText,
    /// Pages re-rendered since the index was last written, by path: their
    /// text is read after the reload is sent, not before.
    index_pending: HashMap<String, Output>,
    /// A fingerprint of every output's bytes, to tell which re-rendered pages
    /// changed (the bytes themselves live in the server's snapshot).
    hashes: HashMap<String, u64>,
    /// The files the last full build warned about (a Markdown file the
    /// layout has no place for): gone, they change what `serve` reports.
    warned: Vec<PathBuf>,
}

/// What a rebuild produced.
#[derive(Debug)]
pub struct Rebuilt {
    /// Files that are new or changed; for a full build, every file.
    pub changed: Vec<Output>,
    /// True when every file was rebuilt (the serve snapshot is replaced whole).
    pub full: bool,
    /// How many pages were rendered.
    pub rendered: usize,
    /// The UI strings of each of the site's languages, the default first,
    /// for the server's own pages (404, error overlay).
    pub strings: Vec<std::sync::Arc<crate::i18n::Strings>>,
    pub warnings: Diagnostics,
    /// False for the search index written after a scoped rebuild: open pages
    /// were told to reload already, and load the index only when used.
    pub reload: bool,
}

/// What other pages read of a free page: the home page lists its title and
/// description, the default navigation its title or navigation title.
fn listed(front: &FrontMatter, output: &str) -> (String, Option<String>, Option<String>, String) {
    (
        front.title.clone(),
        front.nav_title.clone(),
        front.description.clone(),
        output.to_string(),
    )
}

/// What other pages read of each changed free page, in whichever language's
/// site it is.
fn listing(site: &Site, changed: &[PathBuf]) -> Vec<Option<impl PartialEq>> {
    let langs = render::languages::languages(site);
    changed
        .iter()
        .map(|c| {
            langs
                .iter()
                .flat_map(|l| &l.site.pages)
                .find(|p| &p.source == c)
                .map(|p: &Page| listed(&p.front, &p.output))
        })
        .collect()
}

impl Incremental {
    pub fn new(root: &Path) -> Incremental {
        Incremental {
            root: root.to_path_buf(),
            last: None,
        }
    }

    /// Rebuilds everything.
    pub fn full(&mut self) -> Result<Rebuilt, Diagnostics> {
        self.last = None;
        let p = prepare(&self.root)?;
        let (outputs, pages, links, text) =
            render_in_memory(&self.root, &p.site, &p.theme, p.assets)?;
        let strings = every_language(&p.site);
        self.last = Some(Last {
            site: p.site,
            theme: p.theme,
            links,
            text,
            index_pending: HashMap::new(),
            pages: pages.into_iter().map(|l| (l.path.clone(), l)).collect(),
            hashes: outputs
                .iter()
                .map(|o| (o.path.clone(), crate::digest::of(&o.bytes)))
                .collect(),
            warned: p.warnings.0.iter().map(|d| d.file.clone()).collect(),
        });
        Ok(Rebuilt {
            rendered: outputs.iter().filter(|o| o.template.is_some()).count(),
            changed: outputs,
            full: true,
            warnings: p.warnings,
            strings,
            reload: true,
        })
    }

    /// The search index files that changed since the last rebuild, when a
    /// page's text did. A scoped rebuild leaves them out of what it returns,
    /// so the reload of the edited page waits only for that page; `serve`
    /// asks for them right after sending the reload.
    pub fn search_index(&mut self) -> Option<Rebuilt> {
        let last = self.last.as_mut()?;
        if last.index_pending.is_empty() {
            return None;
        }
        let pending: Vec<Output> = std::mem::take(&mut last.index_pending)
            .into_values()
            .collect();
        let site = &last.site;
        let langs = site.config.all_languages();
        // Each page's place in the index is its place in the site.
        let order: Vec<String> = render::planned_pages(site)
            .into_iter()
            .map(|(path, _)| path)
            .collect();
        if !last.text.update(
            &pending,
            |o| path_language(&langs, &o.path).to_string(),
            &order,
        ) {
            return None;
        }
        let index = last.text.outputs();
        Some(Rebuilt {
            changed: last.changed_only(index),
            full: false,
            rendered: 0,
            strings: every_language(&last.site),
            warnings: Diagnostics::default(),
            reload: false,
        })
    }

    /// Forgets the last build, giving its memory back; the next rebuild is full.
    pub fn forget(&mut self) {
        self.last = None;
    }

    /// Rebuilds after `changed` content files (paths from the site root)
    /// changed, as narrowly as is safe.
    pub fn content_changed(&mut self, changed: &[PathBuf]) -> Result<Rebuilt, Diagnostics> {
        match self.try_scoped(changed) {
            Some(result) => {
                if result.is_err() {
                    // The kept state has the bad edit in it: start afresh next time.
                    self.last = None;
                }
                result
            }
            None => self.full(),
        }
    }

    /// True when `rel` (from the site root) is gone and the last build read
    /// nothing at or under it: an editor's temporary file that came and
    /// went within the burst (Kate's `about.md.Ab12Cd`, written and renamed
    /// over the page), which changes nothing. False before a good build, and
    /// for a file it warned about (deleting it clears the warning).
    pub fn came_and_went(&self, rel: &Path) -> bool {
        let Some(last) = &self.last else {
            return false;
        };
        // A link to nothing is there too (an error the build reports).
        if std::fs::symlink_metadata(self.root.join(rel)).is_ok() {
            return false;
        }
        let read = |site: &Site| {
            site.texts.keys().any(|p| p.starts_with(rel))
                || site.pages.iter().any(|p| p.source.starts_with(rel))
                || site.assets.iter().any(|(p, _)| p.starts_with(rel))
        };
        let warned = last.warned.iter().any(|p| p.starts_with(rel));
        !warned && !read(&last.site) && !last.site.translations.iter().any(read)
    }

    /// `None` when the change needs a full rebuild.
    fn try_scoped(&mut self, changed: &[PathBuf]) -> Option<Result<Rebuilt, Diagnostics>> {
        let root = self.root.clone();
        let last = self.last.as_mut()?;
        if changed.is_empty() {
            return None;
        }
        let before = listing(&last.site, changed);
        let navigation = render::navigations(&last.site);
        for rel in changed {
            match load::reload_file(&root, &mut last.site, rel) {
                Ok(true) => {}
                Ok(false) => return None,
                Err(errors) => return Some(Err(errors)),
            }
        }
        // Every page shows the navigation: a new label in it (a free page's
        // or a method page's title, where no `nav:` names them) is a change
        // to every page.
        if navigation != render::navigations(&last.site) {
            return None;
        }
        let listed_changed = before != listing(&last.site, changed);
        Some(last.rerender(&root, changed, listed_changed))
    }
}

impl Last {
    /// Re-renders the pages that read `changed` and checks their links.
    fn rerender(
        &mut self,
        root: &Path,
        changed: &[PathBuf],
        listed_changed: bool,
    ) -> Result<Rebuilt, Diagnostics> {
        let content = check::check_every_language(&self.site, &self.theme);
        let (errors, mut warnings): (Vec<_>, Vec<_>) = check::home_page(&self.site)
            .into_iter()
            .chain(content)
            .partition(|d| d.is_error());
        if !errors.is_empty() {
            return Err(Diagnostics(errors));
        }
        let read_body = |page: &Page| load::page_body(root, page);
        let rendered =
            render::render_affected(&self.site, &self.theme, changed, listed_changed, &read_body)?;
        let count = rendered.len();
        if self.site.config.search {
            let pages = rendered.iter().filter(|o| o.template.is_some());
            self.index_pending
                .extend(pages.map(|o| (o.path.clone(), o.clone())));
        }
        let mut ids_changed = false;
        for o in &rendered {
            let links = PageLinks::of(o);
            ids_changed |= self.links.update(&links);
            self.pages.insert(o.path.clone(), links);
        }
        let to_check: Vec<&PageLinks> = if ids_changed {
            // An anchor may have gone that another page links to: check them all.
            self.pages.values().collect()
        } else {
            rendered
                .iter()
                .filter_map(|o| self.pages.get(&o.path))
                .collect()
        };
        link_errors(root, &self.site, &self.theme, &self.links, &to_check)?;
        let changed_outputs = self.changed_only(rendered);
        warnings.sort_by(|a, b| (&a.file, a.line).cmp(&(&b.file, b.line)));
        Ok(Rebuilt {
            changed: changed_outputs,
            full: false,
            rendered: count,
            strings: every_language(&self.site),
            warnings: Diagnostics(warnings),
            reload: true,
        })
    }

    /// The outputs whose bytes differ from the last ones at their path.
    fn changed_only(&mut self, outputs: Vec<Output>) -> Vec<Output> {
        outputs
            .into_iter()
            .filter(|o| {
                let hash = crate::digest::of(&o.bytes);
                self.hashes.insert(o.path.clone(), hash) != Some(hash)
            })
            .collect()
    }
}

/// The UI strings of the site's languages, the default first.
fn every_language(site: &Site) -> Vec<std::sync::Arc<crate::i18n::Strings>> {
    render::languages::languages(site)
        .iter()
        .map(|l| l.site.strings.clone())
        .collect()
}
