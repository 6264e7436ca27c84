//! The search index while a site builds: each page's text is added in the
//! site's order as pages are rendered, and each text chunk is staged as soon
//! as it is full, so the site's text is never all in memory at once.
//!
//! The index needs every page. A page kept from the last build without
//! rendering is read back from the output folder, where the last build
//! wrote it, once rendering is done (only then is it known that the index
//! changes at all: when no page was rendered, the last index is kept). From
//! the first such page on, pages wait in order, and are read and added a
//! batch at a time at the end. When a kept page's file no longer holds
//! what the last build wrote, the index cannot be made this way, and the
//! build renders every page again (see [`render_with_search`]); the chunks
//! staged before are then staged again with the same bytes.

use super::output::Writer;
use super::{one, render_staged, Kept, Prepared};
use crate::check::PageLinks;
use crate::diagnostic::{Diagnostic, Diagnostics};
use crate::render::Output;
use crate::search::{self, IndexedPage, Indexer};
use rayon::prelude::*;
use std::collections::HashSet;
use std::path::Path;
use std::sync::Mutex;
use std::time::{Duration, Instant};

/// Renders as `render_staged` does, and adds the search index. The index
/// needs the text of every page: when no page was rendered, the last
/// build's index is kept; else the pages kept from the last build are read
/// back from the output for it, and when one of them cannot be (changed by
/// hand since), every page is rendered again (files whose bytes are the
/// same are still not written).
pub(super) fn render_with_search(
    root: &Path,
    p: &Prepared,
    writer: &Writer,
    out: &Path,
    took: &mut Duration,
) -> Result<Vec<Kept>, Diagnostics> {
    if !p.site.config.search {
        return render_staged(root, p, writer, out, true, None);
    }
    let langs = p.site.config.all_languages();
    let index = SiteIndex::new(writer, out, langs.clone());
    let mut kept = render_staged(root, p, writer, out, true, Some(&index))?;
    let is_page = |k: &&Kept| k.links.template.is_some();
    let rendered = kept.iter().filter(is_page).filter(|k| k.rendered).count();
    let done: HashSet<&str> = kept.iter().map(|k| k.links.path.as_str()).collect();
    let last_index = writer.kept_under("search/", &done);
    if rendered == 0 && !last_index.is_empty() {
        let files = last_index.into_iter();
        kept.extend(files.map(|(path, e)| Kept::unchanged(path, None, None, &e)));
        return Ok(kept);
    }
    let t = Instant::now();
    let files = match index.finish().map_err(one)? {
        Finished::Files(files) => files,
        Finished::Unread => {
            let index = SiteIndex::new(writer, out, langs);
            kept = render_staged(root, p, writer, out, false, Some(&index))?;
            match index.finish().map_err(one)? {
                Finished::Files(files) => files,
                // Nothing is kept when every page renders: nothing to read.
                Finished::Unread => {
                    return Err(one(Diagnostic::error(out, "cannot make the search index")))
                }
            }
        }
    };
    kept.extend(files);
    *took = t.elapsed();
    Ok(kept)
}

/// The language of the page at `path` among the site's `langs`, the
/// default first: whose search index the page goes in. A page under
/// `<code>/` is in that language, any other in the default one.
pub(super) fn path_language<'a>(langs: &'a [String], path: &str) -> &'a str {
    let under = |l: &&String| {
        path.strip_prefix(l.as_str())
            .is_some_and(|p| p.starts_with('/'))
    };
    langs.iter().skip(1).find(under).unwrap_or(&langs[0])
}

pub(super) struct SiteIndex<'a> {
    writer: &'a Writer,
    out: &'a Path,
    /// The site's languages, the default first.
    langs: Vec<String>,
    state: Mutex<State>,
}

#[derive(Default)]
struct State {
    indexer: Indexer,
    /// The files staged so far.
    staged: Vec<Kept>,
    /// The pages from the first kept one on, in order.
    waiting: Vec<Waiting>,
    error: Option<Diagnostic>,
}

/// A page whose text is added once every page has been seen.
enum Waiting {
    /// Rendered: its language and text.
    Text(String, IndexedPage),
    /// Kept: where it is and the fingerprint of what the last build wrote.
    Kept { path: String, hash: u64 },
}

/// A page's language and text; `None` for a page with no `<main>`.
type PageText = Option<(String, IndexedPage)>;

/// What `finish` gives: the index's files, or `Unread` when a kept page's
/// file was gone or changed (the index then needs every page rendered).
enum Finished {
    Files(Vec<Kept>),
    Unread,
}

impl<'a> SiteIndex<'a> {
    pub fn new(writer: &'a Writer, out: &'a Path, langs: Vec<String>) -> SiteIndex<'a> {
        SiteIndex {
            writer,
            out,
            langs,
            state: Mutex::new(State::default()),
        }
    }

    /// Takes in the next page of the site, in order. Called while other
    /// pages render: nothing here may start parallel work while the lock is
    /// held (a rayon worker waiting for it could be the one holding it).
    pub fn add(&self, page: &mut Kept) {
        let mut state = self.state.lock().unwrap_or_else(|e| e.into_inner());
        let text = page.text.take();
        if state.error.is_some() {
            return;
        }
        if !page.rendered && page.links.template.is_some_and(search::indexes) {
            let (path, hash) = (page.links.path.clone(), page.stamp.hash);
            state.waiting.push(Waiting::Kept { path, hash });
        } else if let Some((lang, text)) = text {
            if state.waiting.is_empty() {
                self.index(&mut state, &lang, &text);
            } else {
                state.waiting.push(Waiting::Text(lang, text));
            }
        }
    }

    /// Adds a page's text and stages the chunks it filled.
    fn index(&self, state: &mut State, lang: &str, text: &IndexedPage) {
        if state.error.is_some() {
            return;
        }
        state.indexer.add(lang, text);
        for o in state.indexer.take_files() {
            match self.stage(&o) {
                Ok(kept) => state.staged.push(kept),
                Err(e) => {
                    // The first error is the one to report; nothing more is staged.
                    state.error = Some(e);
                    break;
                }
            }
        }
    }

    fn stage(&self, o: &Output) -> Result<Kept, Diagnostic> {
        let stamp = super::put(self.writer, self.out, o)?;
        Ok(Kept {
            links: PageLinks::of(o),
            stamp,
            rendered: true,
            text: None,
        })
    }

    /// Reads the kept pages, stages the rest of the index and returns every
    /// file of it.
    fn finish(self) -> Result<Finished, Diagnostic> {
        let mut state = std::mem::take(&mut *self.state.lock().unwrap_or_else(|e| e.into_inner()));
        let mut waiting = std::mem::take(&mut state.waiting).into_iter();
        // Each batch is read in parallel while the one before is added.
        let mut last: Vec<PageText> = Vec::new();
        loop {
            let batch: Vec<Waiting> = waiting.by_ref().take(512).collect();
            if batch.is_empty() {
                break;
            }
            let ((), next) = rayon::join(
                || self.index_all(&mut state, &mut last),
                || batch.into_par_iter().map(|w| self.text_of(w)).collect(),
            );
            match next {
                Some(next) => last = next,
                None => return Ok(Finished::Unread),
            }
        }
        self.index_all(&mut state, &mut last);
        if let Some(e) = state.error {
            return Err(e);
        }
        let mut staged = state.staged;
        for o in state.indexer.finish() {
            staged.push(self.stage(&o)?);
        }
        Ok(Finished::Files(staged))
    }

    fn index_all(&self, state: &mut State, texts: &mut Vec<PageText>) {
        for (lang, text) in texts.drain(..).flatten() {
            self.index(state, &lang, &text);
        }
    }

    /// The text of a waiting page; `None` when a kept page's file is gone
    /// or no longer holds what the last build wrote.
    fn text_of(&self, waiting: Waiting) -> Option<PageText> {
        match waiting {
            Waiting::Text(lang, text) => Some(Some((lang, text))),
            Waiting::Kept { path, hash } => {
                let bytes = std::fs::read(self.out.join(&path)).ok()?;
                if crate::digest::of(&bytes) != hash {
                    return None;
                }
                let html = std::str::from_utf8(&bytes).ok()?;
                let lang = path_language(&self.langs, &path);
                Some(IndexedPage::of(&path, html).map(|text| (lang.to_string(), text)))
            }
        }
    }
}
