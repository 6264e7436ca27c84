//! Offline search: the text of the built pages becomes one index per
//! language, written as scripts that `static/search.js` loads on demand.
//! [`tokenize`] holds the rules both sides share; [`extract`] reads a page;
//! [`index`] writes the files.
//!
//! The facilitator guide is never indexed, and neither is the participant
//! handout (it repeats the module pages): participant search must not show
//! facilitator notes.

pub mod extract;
pub mod index;
pub mod tokenize;

use crate::render::Output;
pub use index::{index_path, IndexedPage};
use rayon::prelude::*;
use serde_json::{json, Value};
use std::collections::HashMap;

/// Templates whose pages are left out of the index.
const NOT_INDEXED: &[&str] = &["facilitator.html", "handout.html"];

/// The page's text, ready for the index of language `lang`; `None` for files
/// that are not indexed (static files, the facilitator guide, the handout).
pub fn page(o: &Output, lang: &str) -> Option<(String, IndexedPage)> {
    let template = o.template?;
    if NOT_INDEXED.contains(&template) || !o.path.ends_with(".html") {
        return None;
    }
    let html = std::str::from_utf8(&o.bytes).ok()?;
    let text = extract::page_text(&o.path, html)?;
    Some((lang.to_string(), IndexedPage::new(text)))
}

/// The indexed text of every page, kept by `serve` between rebuilds so an
/// edit re-reads only the pages it re-rendered.
#[derive(Debug, Default)]
pub struct SiteText {
    pages: HashMap<String, (String, IndexedPage)>,
}

impl SiteText {
    /// The text of `outputs`, each page in the index of the language `lang_of` gives it.
    pub fn of(outputs: &[Output], lang_of: impl Fn(&Output) -> String + Sync) -> SiteText {
        SiteText {
            pages: outputs
                .par_iter()
                .filter_map(|o| page(o, &lang_of(o)).map(|p| (o.path.clone(), p)))
                .collect(),
        }
    }

    /// Takes in re-rendered pages; true when the text of one of them changed.
    pub fn update(
        &mut self,
        outputs: &[Output],
        lang_of: impl Fn(&Output) -> String + Sync,
    ) -> bool {
        let mut changed = false;
        for (path, new) in SiteText::of(outputs, lang_of).pages {
            let same = self.pages.get(&path).is_some_and(|(lang, old)| {
                *lang == new.0 && old.text == new.1.text && old.terms == new.1.terms
            });
            if !same {
                self.pages.insert(path, new);
                changed = true;
            }
        }
        changed
    }

    /// The index files of every language.
    pub fn outputs(&self) -> Vec<Output> {
        outputs(self.pages.values().map(|(l, p)| (l.as_str(), p)).collect())
    }
}

/// The index files of every language, as outputs.
pub fn outputs(mut pages: Vec<(&str, &IndexedPage)>) -> Vec<Output> {
    pages.sort_by(|a, b| (a.0, &a.1.text.path).cmp(&(b.0, &b.1.text.path)));
    let mut out = Vec::new();
    let mut langs: Vec<&str> = pages.iter().map(|(l, _)| *l).collect();
    langs.dedup();
    for lang in langs {
        let mine: Vec<&IndexedPage> = pages
            .iter()
            .filter(|(l, _)| *l == lang)
            .map(|(_, p)| *p)
            .collect();
        out.extend(
            index::write_index(lang, &mine)
                .into_iter()
                .map(|(path, bytes)| Output::plain(path, bytes)),
        );
    }
    out
}

/// What a page's search box needs, as JSON: where its language's index and
/// text chunks are, and the way back to the site root. Its words are the
/// `search.*` UI strings, in the page's `alsite-i18n` JSON.
pub fn page_data(lang: &str, index_url: &str, root: &str) -> Value {
    let text = index_url.replace(
        &format!("index.{lang}.js"),
        &format!("text.{lang}.{{n}}.js"),
    );
    json!({ "index": index_url, "text": text, "root": root })
}
