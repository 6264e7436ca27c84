//! Input keys: a fingerprint of everything a page is rendered from, so a
//! build can skip a page whose inputs are what they were last time.
//!
//! A free page reads the program and theme (the build's `base`), site.yaml,
//! the navigation and its own file. Every other page is treated as reading
//! all content except the free pages' bodies: those pages are few, and the
//! rule stays right when they learn to show more of each other.

use super::{Job, JobKind};
use crate::digest;
use crate::model::Site;

pub(super) struct Keys {
    /// What every page reads; 0 when nothing may be skipped.
    shared: u64,
    /// What every page but a free one reads.
    content: u64,
}

impl Keys {
    pub fn new(
        site: &Site,
        base: u64,
        nav_links: &[(String, String)],
        sections: &[(String, String, String)],
    ) -> Keys {
        if base == 0 {
            return Keys {
                shared: 0,
                content: 0,
            };
        }
        let config = site
            .texts
            .get(std::path::Path::new("site.yaml"))
            .map_or("", String::as_str);
        let nav = nav_links
            .iter()
            .flat_map(|(t, l)| [t.as_bytes(), l.as_bytes()]);
        let shared = digest::of_parts(
            [&base.to_le_bytes()[..], config.as_bytes()]
                .into_iter()
                .chain(nav),
        );
        let texts = site
            .texts
            .iter()
            .flat_map(|(path, text)| [path.as_os_str().as_encoded_bytes(), text.as_bytes()]);
        let listed = sections
            .iter()
            .flat_map(|(a, b, c)| [a.as_bytes(), b.as_bytes(), c.as_bytes()]);
        let content = digest::of_parts(
            std::iter::once(&shared.to_le_bytes()[..])
                .chain(texts)
                .chain(listed),
        );
        Keys { shared, content }
    }

    /// The key of one page; 0 means "render it".
    pub fn of(&self, job: &Job) -> u64 {
        if self.shared == 0 {
            return 0;
        }
        let (base, own) = match &job.kind {
            JobKind::Page(page) => (self.shared, page.digest),
            _ => (self.content, 0),
        };
        let key = digest::of_parts([
            &base.to_le_bytes()[..],
            &own.to_le_bytes(),
            job.path.as_bytes(),
            job.source.as_os_str().as_encoded_bytes(),
            job.kind.template().as_bytes(),
        ]);
        key.max(1)
    }
}
