//! The link check: every `href` and `src` in the built pages resolves to a
//! file of the site, and every `#anchor` to an id on that page.

use crate::diagnostic::Diagnostic;
use crate::render::url::resolve;
use crate::render::Output;
use crate::theme::Theme;
use rayon::prelude::*;
use std::collections::{BTreeMap, HashMap, HashSet};
use std::path::{Path, PathBuf};

/// Values of attribute `name` in `html` (double-quoted, as alsite writes them).
pub fn attributes<'a>(html: &'a str, name: &str) -> Vec<&'a str> {
    let needle = format!("{name}=\"");
    let mut found = Vec::new();
    let mut from = 0;
    while let Some(i) = html[from..].find(&needle) {
        let start = from + i;
        let value_start = start + needle.len();
        let preceded_by_space = html[..start].ends_with(|c: char| c.is_ascii_whitespace());
        let Some(len) = html[value_start..].find('"') else {
            break;
        };
        if preceded_by_space {
            found.push(&html[value_start..value_start + len]);
        }
        from = value_start + len;
    }
    found
}

fn unescape(url: &str) -> String {
    url.replace("&amp;", "&")
        .replace("&#39;", "'")
        .replace("&quot;", "\"")
}

/// What the link check needs of one output file: its links and ids, and
/// where it came from. Small enough to keep for every page of a large site.
#[derive(Debug, Clone)]
pub struct PageLinks {
    pub path: String,
    pub source: Option<PathBuf>,
    pub template: Option<&'static str>,
    /// `href` and `src` values, unescaped, each once.
    pub links: Vec<String>,
    pub ids: HashSet<String>,
}

impl PageLinks {
    pub fn of(o: &Output) -> PageLinks {
        let text = if o.path.ends_with(".html") {
            std::str::from_utf8(&o.bytes).unwrap_or("")
        } else {
            ""
        };
        let mut links: Vec<String> = attributes(text, "href")
            .into_iter()
            .chain(attributes(text, "src"))
            .map(unescape)
            .collect();
        let mut seen = HashSet::new();
        links.retain(|l| seen.insert(l.clone()));
        PageLinks {
            path: o.path.clone(),
            source: o.source.clone(),
            template: o.template,
            links,
            ids: attributes(text, "id")
                .into_iter()
                .map(str::to_string)
                .collect(),
        }
    }
}

/// What links can point at: every output file, and the ids of every page.
#[derive(Debug, Default, Clone)]
pub struct LinkIndex {
    files: HashSet<String>,
    ids: HashMap<String, HashSet<String>>,
}

impl LinkIndex {
    pub fn new<'a>(pages: impl IntoIterator<Item = &'a PageLinks>) -> LinkIndex {
        let mut index = LinkIndex::default();
        for p in pages {
            index.update(p);
        }
        index
    }

    /// Records a new or re-rendered page; true when its ids changed (links
    /// elsewhere to its anchors may have broken).
    pub fn update(&mut self, page: &PageLinks) -> bool {
        self.files.insert(page.path.clone());
        if !page.path.ends_with(".html") {
            return false;
        }
        self.ids
            .insert(page.path.clone(), page.ids.clone())
            .as_ref()
            != Some(&page.ids)
    }
}

/// Checks the links of `pages` against everything in `index`, in parallel.
/// `texts` holds the source files, to point each broken link at the line that
/// wrote it.
pub fn check_pages<P: std::borrow::Borrow<PageLinks> + Sync>(
    index: &LinkIndex,
    pages: &[P],
    texts: &BTreeMap<PathBuf, String>,
    theme: &Theme,
) -> Vec<Diagnostic> {
    pages
        .par_iter()
        .flat_map_iter(|page| check_page(index, page.borrow(), texts, theme))
        .collect()
}

fn check_page(
    index: &LinkIndex,
    page: &PageLinks,
    texts: &BTreeMap<PathBuf, String>,
    theme: &Theme,
) -> Vec<Diagnostic> {
    let mut diags = Vec::new();
    for url in &page.links {
        let Some((target, fragment)) = resolve(&page.path, url) else {
            continue;
        };
        let problem = if target.starts_with("../") {
            Some((
                format!("link `{url}` on page {} leads outside the site", page.path),
                format!("`../` goes up one folder from the page's own folder, and {} {}; link from the site root instead, such as `/about.html`", page.path, folders(&page.path)),
            ))
        } else if !index.files.contains(target.as_str()) {
            Some((
                format!("link `{url}` on page {} leads to `{target}`, which the site does not have", page.path),
                "link to a page the site builds, such as index.html; `/x.html` means x.html at the site root".to_string(),
            ))
        } else {
            match (fragment.as_deref(), index.ids.get(target.as_str())) {
                (Some(f), Some(page_ids)) if !f.is_empty() && !page_ids.contains(f) => {
                    let mut known: Vec<&String> = page_ids.iter().collect();
                    known.sort();
                    let list: Vec<String> =
                        known.iter().take(12).map(|s| format!("#{s}")).collect();
                    Some((
                        format!(
                            "link `{url}` on page {}: {target} has no element with id `{f}`",
                            page.path
                        ),
                        format!("anchors on {target}: {}", list.join(", ")),
                    ))
                }
                _ => None,
            }
        };
        if let Some((message, hint)) = problem {
            diags.push(
                place(page, url, &target, fragment.as_deref(), texts, theme)
                    .message(message)
                    .hint(hint),
            );
        }
    }
    diags
}

fn folders(path: &str) -> String {
    match path.matches('/').count() {
        0 => "is at the top of the site".into(),
        1 => "is one folder deep".into(),
        n => format!("is {n} folders deep"),
    }
}

/// A diagnostic at the place that wrote the link: the page's source, then
/// site.yaml (navigation), then the page's template; the first that contains it.
fn place(
    page: &PageLinks,
    url: &str,
    target: &str,
    fragment: Option<&str>,
    texts: &BTreeMap<PathBuf, String>,
    theme: &Theme,
) -> Placed {
    let with_fragment = |p: &str| fragment.map_or_else(|| p.to_string(), |f| format!("{p}#{f}"));
    // Root links (`/x.html`) are rewritten when rendered, so look for the
    // form the author wrote first.
    let needles = [
        format!("/{}", with_fragment(target)),
        url.to_string(),
        with_fragment(target),
    ];
    let mut candidates: Vec<(PathBuf, String)> = Vec::new();
    if let Some(src) = &page.source {
        if let Some(t) = texts.get(src) {
            candidates.push((src.clone(), t.clone()));
        }
    }
    if let Some(t) = texts.get(Path::new("site.yaml")) {
        candidates.push(("site.yaml".into(), t.clone()));
    }
    if let Some(name) = page.template {
        if let Some(t) = theme.template(name) {
            candidates.push((theme.template_path(name), t));
        }
    }
    for (file, text) in &candidates {
        for needle in &needles {
            if let Some(offset) = text.find(needle.as_str()) {
                return Placed(Diagnostic::error(file, "").at_offset(text, offset));
            }
        }
    }
    let file = page
        .source
        .clone()
        .unwrap_or_else(|| PathBuf::from(&page.path));
    Placed(Diagnostic::error(file, "").at(1, 1))
}

struct Placed(Diagnostic);

impl Placed {
    fn message(mut self, message: String) -> Diagnostic {
        self.0.message = message;
        self.0
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn page(path: &str, html: &str) -> Output {
        Output {
            path: path.into(),
            bytes: html.as_bytes().to_vec(),
            source: None,
            template: None,
        }
    }

    #[test]
    fn attributes_need_a_space_before_them() {
        let html = r#"<a href="a.html" data-href="no"><img src="i.png"><h2 id="x" data-id="y">"#;
        assert_eq!(attributes(html, "href"), vec!["a.html"]);
        assert_eq!(attributes(html, "id"), vec!["x"]);
        assert_eq!(attributes(html, "src"), vec!["i.png"]);
    }

    #[test]
    fn finds_missing_pages_and_anchors_only() {
        let outputs = vec![
            page(
                "index.html",
                r##"<a href="about.html#team">ok</a> <a href="gone.html">x</a> <a href="about.html#nope">y</a> <a href="https://example.org/x">ext</a> <a href="#top" id="top">"##,
            ),
            page("sub/about.html", ""),
            page(
                "about.html",
                r#"<h2 id="team">Team</h2><a href="index.html">home</a><link href="static/s.css">"#,
            ),
            page("static/s.css", ""),
        ];
        let theme = Theme::open(Path::new("."), "default").unwrap();
        let pages: Vec<PageLinks> = outputs.iter().map(PageLinks::of).collect();
        let diags = check_pages(&LinkIndex::new(&pages), &pages, &BTreeMap::new(), &theme);
        let messages: Vec<&str> = diags.iter().map(|d| d.message.as_str()).collect();
        assert_eq!(messages.len(), 2, "{messages:#?}");
        assert!(messages[0].contains("`gone.html`"));
        assert!(messages[1].contains("no element with id `nope`"));
        assert!(diags[1].hint.as_deref().unwrap().contains("#team"));
    }
}
