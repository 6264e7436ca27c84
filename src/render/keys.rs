//! Input keys: a fingerprint of everything a page is rendered from, so a
//! build can skip a page whose inputs are what they were last time.
//!
//! A free page reads the program, theme and UI strings (the build's `base`),
//! site.yaml, the languages' lists of pages (its language switcher), the
//! navigation, the site's sections other than free pages, and its own file. Every other page is treated as reading all
//! content except the free pages' bodies: those pages are few, and the rule
//! stays right when they learn to show more of each other.

use super::jobs::{jobs, Job, JobKind};
use super::languages::Language;
use crate::digest::{self, Hasher};
use crate::model::Site;
use std::path::Path;

/// What the pages of every language share.
#[derive(Default)]
pub(super) struct SiteKeys {
    /// 0 when nothing may be skipped.
    base: u64,
    content: u64,
}

impl SiteKeys {
    pub fn new(site: &Site, langs: &[Language], base: u64) -> SiteKeys {
        if base == 0 {
            return SiteKeys::default();
        }
        let mut h = Hasher::new();
        h.update(&base.to_le_bytes());
        let config = site.texts.get(Path::new("site.yaml"));
        h.update(config.map_or(&b""[..], |t| t.as_bytes()));
        if langs.len() > 1 {
            for lang in langs {
                h.update(lang.prefix.as_bytes());
                for job in jobs(lang.site) {
                    h.update(job.path.as_bytes());
                    h.update(b"\n");
                }
            }
        }
        let base = h.digest().max(1);
        let mut h = Hasher::new();
        for s in std::iter::once(site).chain(&site.translations) {
            // A free page's text is kept when it gives headings ids (for
            // the checks), but no other page shows it: editing it must not
            // render them all again.
            let free: std::collections::HashSet<&Path> =
                s.pages.iter().map(|p| p.source.as_path()).collect();
            for (path, text) in s.texts.iter().filter(|(p, _)| !free.contains(p.as_path())) {
                h.update(path.as_os_str().as_encoded_bytes());
                h.update(&digest::of(text.as_bytes()).to_le_bytes());
            }
        }
        SiteKeys {
            base,
            content: h.digest(),
        }
    }

    /// The keys of one language's pages, given its navigation and sections.
    /// Every page also reads the site's other sections (a free page links
    /// to the offers page when there is one), so they are in `shared`; the
    /// free pages' own entries are not, so a new title re-renders only the
    /// pages that list it.
    pub fn for_language(
        &self,
        site: &Site,
        nav_links: &[(String, String)],
        sections: &[(String, String, String)],
    ) -> Keys {
        if self.base == 0 {
            return Keys {
                shared: 0,
                content: 0,
            };
        }
        let free: std::collections::HashSet<&str> =
            site.pages.iter().map(|p| p.output.as_str()).collect();
        let nav = nav_links
            .iter()
            .flat_map(|(t, l)| [t.as_bytes(), l.as_bytes()]);
        let others = sections
            .iter()
            .filter(|(_, target, _)| !free.contains(target.as_str()))
            .flat_map(|(a, b, c)| [a.as_bytes(), b.as_bytes(), c.as_bytes()]);
        let shared = digest::of_parts(
            std::iter::once(&self.base.to_le_bytes()[..])
                .chain(nav)
                .chain(others),
        );
        let listed = sections
            .iter()
            .flat_map(|(a, b, c)| [a.as_bytes(), b.as_bytes(), c.as_bytes()]);
        let content = digest::of_parts(
            [&shared.to_le_bytes()[..], &self.content.to_le_bytes()[..]]
                .into_iter()
                .chain(listed),
        );
        Keys { shared, content }
    }
}

pub(super) struct Keys {
    /// What every page reads; 0 when nothing may be skipped.
    shared: u64,
    /// What every page but a free one reads.
    content: u64,
}

impl Keys {
    /// The key of the page `job` written to `output`; 0 means "render it".
    pub fn of(&self, job: &Job, output: &str) -> u64 {
        if self.shared == 0 {
            return 0;
        }
        let (base, own) = match &job.kind {
            JobKind::Page(page) => (self.shared, page.digest),
            _ => (self.content, 0),
        };
        // The title too: a page a language has not translated shows its
        // original's, which is in no key of that language's content.
        let key = digest::of_parts([
            &base.to_le_bytes()[..],
            &own.to_le_bytes(),
            output.as_bytes(),
            job.source.as_os_str().as_encoded_bytes(),
            job.kind.template().as_bytes(),
            job.title.as_bytes(),
        ]);
        key.max(1)
    }
}
