//! A site in several languages: the default language at the output root,
//! each other one under `<code>/` with the same relative paths. A page's
//! translations are the pages at the same path in the other languages.

use super::url::relative_url;
use crate::model::Site;
use minijinja::{context, Value};
use std::collections::HashMap;

/// One language of the site, as rendering sees it.
pub struct Language<'a> {
    pub site: &'a Site,
    /// `""` for the default language, else `"<code>/"`.
    pub prefix: String,
}

/// Every language of `site`, the default first.
pub fn languages(site: &Site) -> Vec<Language<'_>> {
    std::iter::once(Language {
        site,
        prefix: String::new(),
    })
    .chain(site.translations.iter().map(|t| Language {
        site: t,
        prefix: format!("{}/", t.config.language),
    }))
    .collect()
}

/// For each page path (from a language's root), the languages that have it,
/// as (code, own name, prefix), in the site's order.
#[derive(Default)]
pub struct Alternates(HashMap<String, Vec<(String, String, String)>>);

impl Alternates {
    pub fn new(langs: &[Language], pages: impl Fn(&Site) -> Vec<String>) -> Alternates {
        let mut map: HashMap<String, Vec<(String, String, String)>> = HashMap::new();
        if langs.len() < 2 {
            return Alternates(map);
        }
        for lang in langs {
            let code = lang.site.strings.lang().to_string();
            let name = lang.site.strings.t("language.name", &[]);
            for path in pages(lang.site) {
                map.entry(path).or_default().push((
                    code.clone(),
                    name.clone(),
                    lang.prefix.clone(),
                ));
            }
        }
        Alternates(map)
    }

    /// The language switcher's entries for the page at `path` (from its
    /// language's root) written to `output`: empty when no other language has it.
    pub fn view(&self, path: &str, output: &str, current: &str) -> Vec<Value> {
        match self.0.get(path) {
            Some(list) if list.len() > 1 => list
                .iter()
                .map(|(code, name, prefix)| {
                    context! {
                        lang => code,
                        name => name,
                        href => relative_url(output, &format!("{prefix}{path}")),
                        current => code == current,
                    }
                })
                .collect(),
            _ => Vec::new(),
        }
    }
}
