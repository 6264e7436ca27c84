//! Languages in rendering: the templates' `t()` and `t_plural()`, and a
//! site in several languages, the default language at the output root, each
//! other one under `<code>/` with the same relative paths. A page's
//! translations are the pages at the same path in the other languages.

use super::escape_html;
use super::url::relative_url;
use crate::i18n::{fill, Strings};
use crate::model::Site;
use minijinja::value::Kwargs;
use minijinja::{context, Environment, Value};
use std::collections::HashMap;
use std::sync::Arc;

/// `t("player.next")` and `t_plural("time.minutes", n)`, with `{name}`
/// placeholders filled from keyword arguments: `t("rules.rule", n=3)`.
/// A key no language has is a template error.
pub fn add_string_functions(env: &mut Environment<'static>, strings: Arc<Strings>) {
    // Arguments are escaped unless they are already HTML (marked safe), so
    // the result is HTML and a string may wrap a value in markup.
    fn args(kwargs: &Kwargs) -> Result<Vec<(String, String)>, minijinja::Error> {
        kwargs
            .args()
            .map(|k| {
                let v = kwargs.get::<Value>(k)?;
                let text = if v.is_safe() {
                    v.to_string()
                } else {
                    escape_html(&v.to_string())
                };
                Ok((k.to_string(), text))
            })
            .collect()
    }
    fn html(text: String) -> Value {
        Value::from_safe_string(text)
    }
    // English is every language's fallback: a key it has is never missing.
    // On a page in another language, the key is in neither file.
    let lang = strings.lang().to_string();
    let unknown = move |key: &str| {
        let message = if lang == "en" {
            format!("no UI string `{key}`; add it to i18n/en.yaml")
        } else {
            format!("no UI string `{key}` for this page's language (`{lang}`) nor in English, which every language falls back to; add it to i18n/{lang}.yaml (and to i18n/en.yaml when the site has other languages)")
        };
        minijinja::Error::new(minijinja::ErrorKind::InvalidOperation, message)
    };
    let unknown_plural = unknown.clone();
    let s = strings.clone();
    env.add_function("t", move |key: &str, kwargs: Kwargs| {
        if s.get(key).is_none() {
            return Err(unknown(key));
        }
        let owned = args(&kwargs)?;
        let pairs: Vec<(&str, &str)> = owned
            .iter()
            .map(|(k, v)| (k.as_str(), v.as_str()))
            .collect();
        Ok(html(fill(&escape_html(&s.t(key, &[])), &pairs)))
    });
    env.add_function("t_plural", move |key: &str, n: i64, kwargs: Kwargs| {
        if strings.get(key).is_none() {
            return Err(unknown_plural(key));
        }
        let mut owned = args(&kwargs)?;
        owned.push(("n".into(), n.to_string()));
        let pairs: Vec<(&str, &str)> = owned
            .iter()
            .map(|(k, v)| (k.as_str(), v.as_str()))
            .collect();
        let form = strings.plural(key, n.unsigned_abs(), &[("n", "{n}")]);
        Ok(html(fill(&escape_html(&form), &pairs)))
    });
}

/// One language of the site, as rendering sees it.
pub struct Language<'a> {
    pub site: &'a Site,
    /// The site in the default language, whose pages this one shows, until
    /// translated, as pages that lead to them.
    pub default: &'a Site,
    /// `""` for the default language, else `"<code>/"`.
    pub prefix: String,
}

/// Every language of `site`, the default first.
pub fn languages(site: &Site) -> Vec<Language<'_>> {
    std::iter::once(Language {
        site,
        default: site,
        prefix: String::new(),
    })
    .chain(site.translations.iter().map(|t| Language {
        site: t,
        default: site,
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
    /// language's root) written to `output`: empty when no other language
    /// has it. The page for missing addresses is the default language's
    /// alone: from it, each language's entry leads to its home page.
    pub fn view(&self, path: &str, output: &str, current: &str) -> Vec<Value> {
        // The page for missing addresses leads to each language's home
        // page: the current language is marked as the one in use, not as
        // this page ("true", not "page").
        let (to, here) = match path {
            super::NOT_FOUND_PATH => ("index.html", "true"),
            _ => (path, "page"),
        };
        match self.0.get(path) {
            Some(list) if list.len() > 1 => list
                .iter()
                .map(|(code, name, prefix)| {
                    context! {
                        lang => code,
                        name => name,
                        href => relative_url(output, &format!("{prefix}{to}")),
                        current => (code == current).then_some(here),
                    }
                })
                .collect(),
            _ => Vec::new(),
        }
    }
}
