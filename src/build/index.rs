//! The search index while a site builds: each page's text is added in the
//! site's order as pages are rendered, and each text chunk is staged as soon
//! as it is full, so the site's text is never all in memory at once.
//!
//! The index needs every page. When a page is kept from the last build
//! without rendering, the index stops there and the build renders every
//! page again (see `render_with_search` in the build). The chunks staged
//! before the stop are staged again then, with the same bytes: they hold
//! the same pages in the same order.

use super::output::Writer;
use super::Kept;
use crate::check::PageLinks;
use crate::diagnostic::Diagnostic;
use crate::render::Output;
use crate::search::Indexer;
use std::path::Path;
use std::sync::Mutex;

pub(super) struct SiteIndex<'a> {
    writer: &'a Writer,
    out: &'a Path,
    state: Mutex<State>,
}

#[derive(Default)]
struct State {
    indexer: Indexer,
    /// The files staged so far.
    staged: Vec<Kept>,
    /// Set when a page was kept without rendering: the index cannot be made.
    partial: bool,
    error: Option<Diagnostic>,
}

impl<'a> SiteIndex<'a> {
    pub fn new(writer: &'a Writer, out: &'a Path) -> SiteIndex<'a> {
        SiteIndex {
            writer,
            out,
            state: Mutex::new(State::default()),
        }
    }

    /// Takes in the next page of the site, in order. Called while other
    /// pages render: nothing here may start parallel work while the lock is
    /// held (a rayon worker waiting for it could be the one holding it).
    pub fn add(&self, page: &mut Kept) {
        let mut state = self.state.lock().unwrap_or_else(|e| e.into_inner());
        let text = page.text.take();
        if state.partial || state.error.is_some() {
            return;
        }
        if !page.rendered && page.links.template.is_some() {
            state.partial = true;
            state.indexer = Indexer::default();
            return;
        }
        if let Some((lang, text)) = text {
            state.indexer.add(&lang, &text);
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

    /// False when a page was kept without rendering.
    pub fn complete(&self) -> bool {
        !self.state.lock().map(|s| s.partial).unwrap_or(true)
    }

    /// Stages the rest of the index; returns every file of it.
    pub fn finish(self) -> Result<Vec<Kept>, Diagnostic> {
        let state = std::mem::take(&mut *self.state.lock().unwrap_or_else(|e| e.into_inner()));
        if let Some(e) = state.error {
            return Err(e);
        }
        let mut staged = state.staged;
        for o in state.indexer.finish() {
            staged.push(self.stage(&o)?);
        }
        Ok(staged)
    }
}
