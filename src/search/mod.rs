//! Offline search: the text of the built pages becomes one index per
//! language, written as scripts that `static/search.js` loads on demand.
//! [`tokenize`] holds the rules both sides share; [`extract`] reads a page;
//! [`index`] writes the files.
//!
//! The facilitator guide is never indexed, and neither is the participant
//! handout (it repeats the module pages): participant search must not show
//! facilitator notes. Nor is the page for missing addresses (`404.html`).

pub mod extract;
pub mod index;
pub mod terms;
pub mod tokenize;

use crate::html::StartTag;
use crate::render::Output;
pub use index::{index_path, IndexWriter, IndexedPage};
use rayon::prelude::*;
use serde_json::{json, Value};
use std::collections::{BTreeMap, HashMap};

/// Templates whose pages are left out of the index.
const NOT_INDEXED: &[&str] = &[
    "facilitator.html",
    "handout.html",
    "untranslated.html",
    "404.html",
];

/// The text of page `o`, whose HTML is `html` (`o.html()`), ready for the
/// index of language `lang`; `None` for files that are not indexed (static
/// files, the facilitator guide, the handout). When it is `Some`, `tag` has
/// seen every start tag of the page, in order (see
/// [`extract::page_text_and_tags`]): a build reads each page once.
pub fn page<'a>(
    o: &Output,
    html: Option<&'a str>,
    lang: &str,
    tag: &mut impl FnMut(&StartTag<'a>),
) -> Option<(String, IndexedPage)> {
    if !indexes(o.template?) {
        return None;
    }
    Some((
        lang.to_string(),
        IndexedPage::of_and_tags(&o.path, html?, tag)?,
    ))
}

/// Whether pages made with `template` go in the index.
pub fn indexes(template: &str) -> bool {
    !NOT_INDEXED.contains(&template)
}

/// The indexes of every language, built as pages come in order: each
/// language's pages are numbered in the order they are added.
#[derive(Default)]
pub struct Indexer {
    writers: BTreeMap<String, IndexWriter>,
}

impl Indexer {
    pub fn add(&mut self, lang: &str, page: &IndexedPage) {
        if !self.writers.contains_key(lang) {
            self.writers
                .insert(lang.to_string(), IndexWriter::new(lang));
        }
        if let Some(w) = self.writers.get_mut(lang) {
            w.add(page);
        }
    }

    /// The text chunks filled since the last call, as outputs.
    pub fn take_files(&mut self) -> Vec<Output> {
        let files = self.writers.values_mut().flat_map(IndexWriter::take_files);
        files
            .map(|(path, bytes)| Output::plain(path, bytes))
            .collect()
    }

    /// The rest of the files of every language.
    pub fn finish(self) -> Vec<Output> {
        let files = self.writers.into_values().flat_map(IndexWriter::finish);
        files
            .map(|(path, bytes)| Output::plain(path, bytes))
            .collect()
    }
}

/// The indexed text of every page, kept by `serve` between rebuilds so an
/// edit re-reads only the pages it re-rendered.
#[derive(Debug, Default)]
pub struct SiteText {
    /// By path: the page's place in the site's order, language and text.
    pages: HashMap<String, (usize, String, IndexedPage)>,
}

impl SiteText {
    /// The text of `outputs`, each page in the index of the language `lang_of`
    /// gives it; the outputs' order is the pages' order in the index.
    pub fn of(outputs: &[Output], lang_of: impl Fn(&Output) -> String + Sync) -> SiteText {
        SiteText {
            pages: outputs
                .par_iter()
                .enumerate()
                .filter_map(|(n, o)| {
                    page(o, o.html(), &lang_of(o), &mut |_| {})
                        .map(|(l, p)| (o.path.clone(), (n, l, p)))
                })
                .collect(),
        }
    }

    /// Takes in re-rendered pages; true when the index changes. `order` is
    /// every page of the site, in the site's order, as `build` renders them:
    /// each page takes its place from it, and a page no longer in it goes.
    pub fn update(
        &mut self,
        outputs: &[Output],
        lang_of: impl Fn(&Output) -> String + Sync,
        order: &[String],
    ) -> bool {
        let mut changed = false;
        for (path, new) in SiteText::of(outputs, lang_of).pages {
            let same = self
                .pages
                .get(&path)
                .is_some_and(|(_, l, old)| *l == new.1 && *old == new.2);
            if !same {
                self.pages.insert(path, new);
                changed = true;
            }
        }
        let place: HashMap<&str, usize> = order
            .iter()
            .enumerate()
            .map(|(n, p)| (p.as_str(), n))
            .collect();
        let before = self.pages.len();
        self.pages
            .retain(|path, _| place.contains_key(path.as_str()));
        changed |= self.pages.len() != before;
        for (path, page) in &mut self.pages {
            let n = place[path.as_str()];
            changed |= page.0 != n;
            page.0 = n;
        }
        changed
    }

    /// The index files of every language.
    pub fn outputs(&self) -> Vec<Output> {
        let mut pages: Vec<&(usize, String, IndexedPage)> = self.pages.values().collect();
        pages.sort_by_key(|p| p.0);
        let mut indexer = Indexer::default();
        for (_, lang, page) in pages {
            indexer.add(lang, page);
        }
        let mut files = indexer.take_files();
        files.extend(indexer.finish());
        files
    }
}

/// What a page's search box needs, as JSON: where its language's index and
/// text chunks are, the way back to the site root, and, on a site in
/// several languages, that the others have indexes of their own (a query
/// that finds nothing says so). Its words are the `search.*` UI strings, in
/// the page's `alsite-i18n` JSON.
pub fn page_data(lang: &str, index_url: &str, root: &str, others: bool) -> Value {
    let text = index_url.replace(
        &format!("index.{lang}.js"),
        &format!("text.{lang}.{{n}}.js"),
    );
    let mut data = json!({ "index": index_url, "text": text, "root": root });
    if others {
        data["others"] = Value::Bool(true);
    }
    data
}

#[cfg(test)]
mod tests {
    use super::*;

    fn page(path: &str, words: &str) -> Output {
        let html = format!("<main><h1>{path}</h1><p>{words}</p></main>");
        let mut o = Output::plain(path.to_string(), html.into_bytes());
        o.template = Some("page.html");
        o
    }

    fn index(text: &SiteText) -> Vec<(String, Vec<u8>)> {
        text.outputs()
            .into_iter()
            .map(|o| (o.path, o.bytes.to_vec()))
            .collect()
    }

    #[test]
    fn serve_keeps_the_index_a_build_would_make_as_pages_come_and_go() {
        let en = |_: &Output| "en".to_string();
        let all = |names: &[&str]| -> Vec<Output> {
            names
                .iter()
                .map(|n| page(n, &format!("words of {n}")))
                .collect()
        };
        let order =
            |names: &[&str]| -> Vec<String> { names.iter().map(|n| n.to_string()).collect() };
        let mut text = SiteText::of(&all(&["a.html", "c.html"]), en);
        // New pages arrive in a scoped rebuild, some between the old ones.
        let now = ["a.html", "b.html", "c.html", "d.html", "e.html", "f.html"];
        let new = all(&["f.html", "b.html", "e.html", "d.html"]);
        assert!(text.update(&new, en, &order(&now)));
        assert_eq!(index(&text), index(&SiteText::of(&all(&now), en)));
        // A page the site no longer makes leaves the index.
        let fewer = ["a.html", "c.html", "d.html", "e.html", "f.html"];
        assert!(text.update(&[], en, &order(&fewer)));
        assert_eq!(index(&text), index(&SiteText::of(&all(&fewer), en)));
        // Nothing new: nothing changes.
        assert!(!text.update(&all(&["d.html"]), en, &order(&fewer)));
    }
}
