//! Links written the way an editor, GitHub or mdBook reads them: from the
//! Markdown file's own folder, and to `.md` files. A free page's output sits
//! one folder higher than its source (`content/pages/kurs/a.md` becomes
//! `kurs/a.html`), so such a link is turned into one from the page.

use super::url::{relative_url, resolve};
use crate::digest::NameHash;
use crate::model::Site;
use std::path::Path;

/// Maps of paths, hashed the quick way: each of a site's links is looked
/// up in them as its page is rendered.
type HashSet<T> = std::collections::HashSet<T, NameHash>;
type HashMap<K, V> = std::collections::HashMap<K, V, NameHash>;

/// What a link from a Markdown file may lead to, by paths under `content/`.
#[derive(Debug, Default)]
pub struct SourceLinks {
    /// Copied files (images, PDFs …): their path in `content/`, which is
    /// also their path in the output.
    files: HashSet<String>,
    /// Markdown files (`pages/kurs/a.md`, and `pages/about.md` for
    /// `pages/about.pl.md`) and the page each becomes (`kurs/a.html`).
    pages: HashMap<String, String>,
    /// Every page's output path.
    outputs: HashSet<String>,
    /// The folders that hold copied files (`images`).
    folders: HashSet<String>,
}

impl SourceLinks {
    /// What links in `site`'s Markdown may lead to; in a language other
    /// than the default (`default`), a page not translated yet too, whose
    /// path in this language has the page that leads to the original.
    pub fn new(site: &Site, default: &Site) -> SourceLinks {
        let languages = site.config.all_languages();
        let mut links = SourceLinks::default();
        for (_, in_content) in &site.assets {
            links.files.insert(in_content.clone());
            if let Some((folder, _)) = in_content.rsplit_once('/') {
                links.folders.insert(folder.to_string());
            }
        }
        let untranslated = if std::ptr::eq(site, default) {
            Vec::new()
        } else {
            own_pages(default)
        };
        for (output, source) in own_pages(site).into_iter().chain(untranslated) {
            let Ok(in_content) = source.strip_prefix("content") else {
                continue;
            };
            let (logical, _) = crate::load::language::split(in_content, &languages);
            for path in [in_content, logical.as_path()] {
                links
                    .pages
                    .entry(slashed(path))
                    .or_insert_with(|| output.clone());
            }
            links.outputs.insert(output);
        }
        links
    }

    /// For `url` written in the Markdown file `source` (under `content/`)
    /// of the page at `page`: the URL that leads to what the author meant,
    /// or `None` to keep `url` as it is. `url` is kept when it already
    /// leads to a page or file of the site from the page; otherwise it is
    /// read from the file's folder (or, with a leading `/`, from
    /// `content/`), and a `.md` file becomes its page. `shared_prefix` leads
    /// from the language's root to the site root, where copied files are.
    pub fn rewrite(
        &self,
        page: &str,
        source: &str,
        url: &str,
        shared_prefix: &str,
    ) -> Option<String> {
        let rest = url.find(['?', '#']).map_or("", |i| &url[i..]);
        // A link that climbs above the site's root from the page but not
        // from the file, into a folder of copied files, was written from
        // the file even when its target is missing: then the link check
        // names the file it looked for (`images/missing.png`).
        let mut outside = false;
        if !url.starts_with('/') {
            let (from_page, _) = resolve(page, url)?;
            if self.outputs.contains(&from_page) || self.files.contains(&from_page) {
                return None;
            }
            outside = from_page.starts_with("../");
        }
        let written = url.strip_prefix('/').map(|u| format!("/{u}"));
        let (target, _) = resolve(source, written.as_deref().unwrap_or(url))?;
        if let Some(output) = self.pages.get(&target) {
            return Some(format!("{}{rest}", relative_url(page, output)));
        }
        let in_folder = target
            .rsplit_once('/')
            .is_some_and(|(f, _)| self.folders.contains(f));
        if (self.files.contains(&target) || outside && in_folder) && !url.starts_with('/') {
            let to_root = super::url::root_prefix(page);
            return Some(format!(
                "{shared_prefix}{to_root}{}{rest}",
                super::url::percent_encode_path(&target)
            ));
        }
        None
    }
}

/// Every page with the file it is made from, leaving out the index pages
/// of practice sets, sessions and workshops: each is listed under its first
/// set's (session's, workshop's) file, which a link to that file means.
fn own_pages(site: &Site) -> Vec<(String, std::path::PathBuf)> {
    use super::jobs::JobKind;
    let jobs = super::jobs::jobs(site).into_iter();
    jobs.filter(|j| {
        !matches!(
            j.kind,
            JobKind::PracticeIndex | JobKind::SessionIndex | JobKind::WorkshopIndex
        )
    })
    .map(|j| (j.path, j.source))
    .collect()
}

fn slashed(path: &Path) -> String {
    path.to_string_lossy().replace('\\', "/")
}
