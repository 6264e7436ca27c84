//! The link check: every `href` and `src` in the built pages resolves to a
//! file of the site, and every `#anchor` to an id on that page.

use super::file_hints::{missing_hint, title_hint, zola_hint};
use super::placing::{candidates, place};
use crate::diagnostic::Diagnostic;
use crate::digest::NameHash;
use crate::render::unescape_html as unescape;
use crate::render::url::resolve;
use crate::render::Output;
use crate::theme::Theme;
use rayon::prelude::*;
use std::borrow::Cow;
use std::collections::{HashMap, HashSet};
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

/// A link without its query (`static/style.css?v=1a2b3c4d` →
/// `static/style.css`): the check looks past it, and every page's links are
/// kept until the build ends (at 100,000 pages the theme's versioned links
/// alone were a tenth of a kilobyte a page).
fn without_query(url: Cow<'_, str>) -> Cow<'_, str> {
    // A link that is only a query (`?tab=2`) leads to its own page, and an
    // e-mail's query may be all it has (`mailto:?subject=…`): kept as written.
    let mail = url
        .get(..7)
        .is_some_and(|s| s.eq_ignore_ascii_case("mailto:"));
    let Some(q) = url.find('?').filter(|&q| q > 0 && !mail) else {
        return url;
    };
    let fragment = url[q..].find('#').map_or("", |f| &url[q + f..]);
    Cow::Owned(format!("{}{fragment}", &url[..q]))
}

/// A short list of strings kept as one, separated by NUL (which an HTML
/// attribute value cannot hold): a page's links and ids, for every page of a
/// large site, in one allocation each.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Names(Box<str>);

impl Names {
    /// The names joined as [`Names::as_joined`] gives them.
    pub fn from_joined(joined: &str) -> Names {
        Names(joined.into())
    }

    pub fn as_joined(&self) -> &str {
        &self.0
    }

    pub fn iter(&self) -> impl Iterator<Item = &str> {
        self.0.split('\0').filter(|s| !s.is_empty())
    }

    pub fn contains(&self, name: &str) -> bool {
        self.iter().any(|n| n == name)
    }

    /// Like [`Names::contains`], for names in sorted order (a page's ids):
    /// a binary search of the joined text, so a page of ten thousand
    /// headings, each linked from its contents list, is checked in
    /// n log n, not n².
    pub fn contains_sorted(&self, name: &str) -> bool {
        let (s, name) = (self.0.as_bytes(), name.as_bytes());
        // Whole names lie in s[lo..hi].
        let (mut lo, mut hi) = (0, s.len());
        while lo < hi {
            let mid = lo + (hi - lo) / 2;
            let start = memchr::memrchr(0, &s[lo..mid]).map_or(lo, |i| lo + i + 1);
            let end = memchr::memchr(0, &s[mid..hi]).map_or(hi, |i| mid + i);
            match s[start..end].cmp(name) {
                std::cmp::Ordering::Equal => return true,
                std::cmp::Ordering::Less => lo = end + 1,
                std::cmp::Ordering::Greater => hi = start.saturating_sub(1).max(lo),
            }
        }
        false
    }
}

impl<S: AsRef<str>> FromIterator<S> for Names {
    fn from_iter<I: IntoIterator<Item = S>>(items: I) -> Names {
        let mut joined = String::new();
        for item in items {
            let item = item.as_ref();
            if item.is_empty() || item.contains('\0') {
                continue;
            }
            if !joined.is_empty() {
                joined.push('\0');
            }
            joined.push_str(item);
        }
        Names(joined.into())
    }
}

/// The `href`, `src` and `id` values of `html`'s start tags, read as a
/// browser reads them (see [`crate::html`]): raw HTML in Markdown may quote
/// a value with `'` or not at all, and write names in capitals.
fn link_attributes(html: &str) -> [Vec<&str>; 3] {
    let mut found = LinkAttributes::default();
    for tag in crate::html::start_tags(html) {
        found.tag(&tag);
    }
    found.0
}

/// The `href`, `src` and `id` values of a page's start tags, given one tag
/// at a time: a build reads each page once, and what reads it for the
/// search index hands every tag on (see [`crate::search::page`]).
#[derive(Debug, Default)]
pub struct LinkAttributes<'a>([Vec<&'a str>; 3]);

impl<'a> LinkAttributes<'a> {
    /// Takes the values of one start tag.
    pub fn tag(&mut self, tag: &crate::html::StartTag<'a>) {
        // The id of a script (the page's strings, the search's data) is
        // nothing a reader can be taken to.
        let script = tag.name.eq_ignore_ascii_case("script");
        // Of an attribute written twice, a browser keeps the first.
        let mut seen = [false; 3];
        for (name, value) in crate::html::valued(tag.attributes) {
            let slot = match name.len() {
                4 if name.eq_ignore_ascii_case("href") => 0,
                3 if name.eq_ignore_ascii_case("src") => 1,
                2 if !script && name.eq_ignore_ascii_case("id") => 2,
                // A picture's other sizes, a video's still, an object's file
                // (named first: every tag of every page passes here).
                4 | 6
                    if ["data", "poster", "srcset"]
                        .iter()
                        .any(|n| name.eq_ignore_ascii_case(n)) =>
                {
                    let addresses = crate::html::addresses(tag.name, name, value);
                    self.0[1].extend(
                        addresses.map(|a| a.trim_matches(|c: char| c.is_ascii_whitespace())),
                    );
                    continue;
                }
                _ => continue,
            };
            if !std::mem::replace(&mut seen[slot], true) {
                // A browser drops the spaces around an address (`href=" a.html "`).
                let value = match slot {
                    2 => value,
                    _ => value.trim_matches(|c: char| c.is_ascii_whitespace()),
                };
                self.0[slot].push(value);
            }
        }
    }
}

/// What the link check needs of one output file: its links and ids, and
/// where it came from. Small enough to keep for every page of a large site.
#[derive(Debug, Clone)]
pub struct PageLinks {
    pub path: String,
    pub source: Option<PathBuf>,
    pub template: Option<&'static str>,
    /// `href` and `src` values, unescaped, each once.
    pub links: Names,
    /// Element ids, sorted, each once.
    pub ids: Names,
    /// The opening of an HTML comment the page leaves open, if any (see
    /// [`super::left_open::in_html`]).
    pub open_comment: Option<Box<str>>,
}

impl PageLinks {
    pub fn of(o: &Output) -> PageLinks {
        PageLinks::of_html(o, o.html())
    }

    /// As [`PageLinks::of`], with the page's HTML at hand (`o.html()`).
    pub fn of_html(o: &Output, html: Option<&str>) -> PageLinks {
        let found = html.map(link_attributes).unwrap_or_default();
        PageLinks::of_attributes(o, LinkAttributes(found), html)
    }

    /// As [`PageLinks::of`], from the values of every start tag of the page
    /// (`html`, the page itself, is searched for a comment left open).
    pub fn of_attributes(o: &Output, found: LinkAttributes, html: Option<&str>) -> PageLinks {
        let [hrefs, srcs, ids] = found.0;
        let mut seen = HashSet::with_hasher(NameHash::default());
        let links: Names = hrefs
            .into_iter()
            .chain(srcs)
            .map(unescape)
            .map(without_query)
            .filter(|l| seen.insert(l.clone()))
            .collect();
        // An id is read as a browser reads it, as the links to it are:
        // `id="Q&amp;A"` is `Q&A` (a workshop module's file name).
        let mut ids: Vec<Cow<str>> = ids.into_iter().map(unescape).collect();
        ids.sort_unstable();
        ids.dedup();
        PageLinks {
            path: o.path.clone(),
            source: o.source.clone(),
            template: o.template,
            links,
            ids: ids.into_iter().collect(),
            open_comment: html.and_then(super::left_open::in_html),
        }
    }
}

/// The template of a language's page for one it has not translated yet.
const UNTRANSLATED: &str = "untranslated.html";
/// Its ids in the index: a `"`, which no id read from a page can hold.
const STAND_IN: &str = "\"untranslated\"";

/// What links can point at: every output file, with its ids when it is a
/// page. One map for both, so a link with an anchor costs one lookup: on a
/// site of 100,000 pages the map outgrows the processor's caches, and each
/// lookup is a wait for memory.
#[derive(Debug, Default, Clone)]
pub struct LinkIndex {
    /// Each file by its path, with its ids when it is a page.
    files: HashMap<String, Option<Names>, NameHash>,
}

impl LinkIndex {
    pub fn new<'a>(pages: impl IntoIterator<Item = &'a PageLinks>) -> LinkIndex {
        let pages = pages.into_iter();
        // Sized at once: growing a map of 100,000 paths moves every one of them.
        let n = pages.size_hint().0;
        let mut index = LinkIndex {
            files: HashMap::with_capacity_and_hasher(n, NameHash::default()),
        };
        for p in pages {
            index.update(p);
        }
        index
    }

    /// Records a new or re-rendered page; true when its ids changed (links
    /// elsewhere to its anchors may have broken).
    pub fn update(&mut self, page: &PageLinks) -> bool {
        let ids = page.path.ends_with(".html").then(|| {
            if page.template == Some(UNTRANSLATED) {
                Names::from_joined(STAND_IN)
            } else {
                page.ids.clone()
            }
        });
        match self.files.get_mut(page.path.as_str()) {
            Some(old) if *old == ids => false,
            Some(old) => {
                *old = ids;
                true
            }
            None => {
                self.files.insert(page.path.clone(), ids);
                page.path.ends_with(".html")
            }
        }
    }

    /// Forgets a file that is gone.
    pub fn remove(&mut self, path: &str) {
        self.files.remove(path);
    }

    /// The path of every file of the site.
    pub fn files(&self) -> impl Iterator<Item = &str> {
        self.files.keys().map(String::as_str)
    }

    /// Whether the site has a file at `path`.
    pub(super) fn has(&self, path: &str) -> bool {
        self.files.contains_key(path)
    }

    /// The ids of the page at `path`; `None` when it is not a page of the site.
    fn ids(&self, path: &str) -> Option<&Names> {
        self.files.get(path)?.as_ref()
    }

    /// What the site has at `path`: `None`, no file; `Some(None)`, a file
    /// that is not a page; `Some(Some(ids))`, a page and its ids. One
    /// lookup for what [`LinkIndex::has`] and [`LinkIndex::ids`] each tell.
    fn get(&self, path: &str) -> Option<Option<&Names>> {
        self.files.get(path).map(Option::as_ref)
    }

    /// `ids`, or for a language's page that only says the page is not
    /// translated yet (`pl/about.html`), the ids of its original
    /// (`about.html`): a link to `#goals` there works once it is translated,
    /// and the reader gets the original meanwhile.
    fn through_stand_in<'a>(&'a self, path: &str, ids: &'a Names) -> &'a Names {
        if ids.as_joined() != STAND_IN {
            return ids;
        }
        path.split_once('/')
            .and_then(|(_, original)| self.ids(original))
            .unwrap_or(ids)
    }
}

/// The text of a source file, to place a diagnostic in it; free pages'
/// texts are not kept in memory, so this may read the file again.
pub type SourceText<'a> = &'a (dyn Fn(&Path) -> Option<String> + Sync);

/// The other files whose text a page built from a source file shows
/// (a workshop's guide and handout, from workshop.yaml, show every
/// module's), to place a broken link written in one of them.
pub type SourceParts<'a> = &'a (dyn Fn(&Path) -> Vec<PathBuf> + Sync);

/// Where a page's links were written: the source files' texts, and the
/// parts each source brings in.
#[derive(Clone, Copy)]
pub struct Sources<'a> {
    pub texts: SourceText<'a>,
    pub parts: SourceParts<'a>,
    /// The file of the page whose title (or `nav_title`) a link's address
    /// is, in any capitals or accents: `[price list](Prices)`.
    pub titled: PageTitled<'a>,
    /// Where the site's home folder is on its server, from `url:`
    /// (`/training/al/`): a link from the server's root that starts there
    /// leads into the site, as the page for missing addresses writes them.
    pub base: Option<&'a str>,
}

/// The path from the site root of the page titled as `address`, if any.
pub type PageTitled<'a> = &'a (dyn Fn(&str) -> Option<String> + Sync);

/// Checks the links of `pages` against everything in `index`, in parallel.
/// `sources` holds the source files, to point each broken link at the line
/// that wrote it.
pub fn check_pages<P: std::borrow::Borrow<PageLinks> + Sync>(
    index: &LinkIndex,
    pages: &[P],
    sources: Sources,
    theme: &Theme,
) -> Vec<Diagnostic> {
    let hints = super::file_hints::FileHints::new(index);
    let errors: Vec<LinkError> = pages
        .par_iter()
        .flat_map_iter(|page| check_page(index, &hints, page.borrow(), sources, theme))
        .collect();
    let mut found = super::repeats::merge(errors);
    // A comment left open on a page (from a YAML file's Markdown, say).
    found.extend(pages.iter().filter_map(|page| {
        let page = page.borrow();
        let opened = page.open_comment.as_deref()?;
        Some(super::left_open::on_page(page, opened, sources))
    }));
    found
}

/// A broken link on one page, before the same link on other pages is
/// merged with it (see [`super::repeats`]).
pub struct LinkError {
    /// Where the link leads (as a path from the site root, and its anchor):
    /// the same on every page that has it, however deep.
    pub key: String,
    /// The link as the page has it: one written once for many pages (in
    /// site.yaml's footer) is the same mistake wherever it leads.
    pub written: String,
    /// False when no file was found that writes it: the error is at the
    /// page's first line.
    pub found: bool,
    /// Whether the page is made from the file the link is written in (a
    /// module's own page, not the handout that repeats its text).
    pub own: bool,
    pub diagnostic: Diagnostic,
}

impl LinkError {
    fn new(page: &PageLinks, key: String, url: &str, found: bool, d: Diagnostic) -> LinkError {
        let own = d.file.starts_with("content")
            && page.source.as_deref().is_some_and(|s| s.ends_with(&d.file));
        LinkError {
            key,
            written: url.to_string(),
            found,
            own,
            diagnostic: d,
        }
    }
}

fn check_page(
    index: &LinkIndex,
    hints: &super::file_hints::FileHints,
    page: &PageLinks,
    texts: Sources,
    theme: &Theme,
) -> Vec<LinkError> {
    let mut diags = Vec::new();
    // Read once a page, and only when one of its links is broken.
    let sources = std::cell::OnceCell::new();
    for url in page.links.iter() {
        // A link to a script or a file on this computer, else one naming
        // no address (`empty`).
        let refused = super::empty_links::refused_scheme(url, &page.path)
            .map(|r| (r, false))
            .or_else(|| super::empty_links::empty_address(url, &page.path).map(|r| (r, true)));
        if let Some(((message, hint), empty)) = refused {
            let sources = sources.get_or_init(|| candidates(page, texts, theme));
            let placed = place(page, url, url, None, sources);
            // A Markdown link is told so by the check of Markdown links.
            if empty && placed.in_markdown_body(sources) {
                continue;
            }
            diags.push(LinkError::new(
                page,
                format!("{url}\0"),
                url,
                placed.1,
                placed.message(message, url).hint(hint),
            ));
            continue;
        }
        // An anchor on this very page ("#main", the page's own contents
        // list): the page and its ids are at hand, not looked up.
        let own = url.strip_prefix('#');
        let from_site_root = texts
            .base
            .and_then(|base| url.strip_prefix(base))
            .map(|rest| format!("/{rest}"));
        let led = from_site_root.as_deref().unwrap_or(url);
        let resolved = match own {
            Some(f) => Some((Cow::Borrowed(page.path.as_str()), Some(f))),
            None => resolve(&page.path, led).map(|(t, f)| (Cow::Owned(t), f)),
        };
        let Some((target, fragment)) = resolved else {
            continue;
        };
        // An id with letters past ASCII (`#jak-się-umówić`) is written
        // percent-encoded in the link; a browser decodes it to find the id.
        let fragment = fragment.map(|f| {
            if f.contains('%') {
                Cow::Owned(crate::render::url::percent_decode(f))
            } else {
                Cow::Borrowed(f)
            }
        });
        let fragment = fragment.as_deref();
        let elsewhere = own.is_none();
        // Looked up once: whether the target is there, and its ids.
        let there = match elsewhere && !target.starts_with("../") {
            true => index.get(&target),
            false => None,
        };
        let problem = if elsewhere && target.starts_with("../") {
            Some((
                format!("link `{url}` on page {} leads outside the site", page.path),
                Some(format!("`../` goes up one folder from the page's own folder, and {} {}; link from the site root instead, such as `/about.html`", page.path, folders(&page.path))),
            ))
        } else if elsewhere && there.is_none() {
            // Its hint once the link is found as written (see below).
            Some((
                format!(
                    "link `{url}` on page {} leads to `{target}`, which the site does not have",
                    page.path
                ),
                None,
            ))
        } else {
            // Only a link with an anchor needs the target's ids.
            // A page not translated yet answers for its original's anchors.
            let ids = || match own {
                Some(_) => Some(&page.ids),
                None => there
                    .flatten()
                    .map(|ids| index.through_stand_in(&target, ids)),
            };
            match fragment.filter(|f| !f.is_empty()).map(|f| (f, ids())) {
                Some((f, Some(page_ids))) if !page_ids.contains_sorted(f) => {
                    // The page's own anchors: not the theme's (`#main`, the search box's).
                    let known: Vec<&str> = page_ids
                        .iter()
                        .filter(|id| !crate::theme::is_page_id(id))
                        .collect();
                    let untranslated = own.is_none()
                        && index
                            .ids(&target)
                            .is_some_and(|i| i.as_joined() == STAND_IN);
                    Some((
                        format!(
                            "link `{url}` on page {}: {target} has no element with id `{f}`{}",
                            page.path,
                            if untranslated {
                                " (not translated yet, so its original's ids count)"
                            } else {
                                ""
                            }
                        ),
                        Some(anchor_hint(index, page, &target, f, &known)),
                    ))
                }
                _ => None,
            }
        };
        if let Some((message, hint)) = problem {
            let sources = sources.get_or_init(|| candidates(page, texts, theme));
            let placed = place(page, url, &target, fragment, sources);
            // A missing target: "did you mean" in the form the link was written.
            let hint = hint.unwrap_or_else(|| {
                let written = placed.2.as_deref().unwrap_or(url);
                if let Some(from_content) = written.strip_prefix("@/") {
                    return zola_hint(from_content);
                }
                let written_or_titled = || title_hint(written, texts.titled);
                if let Some(hint) =
                    super::file_hints::written_hint(written).or_else(written_or_titled)
                {
                    return hint;
                }
                // The page the link's words name, else a spelling slip, else
                // the one page of its file name.
                let mut meant = hints.by_title(&target, page, placed.3.as_deref(), texts.titled);
                if meant.is_empty() {
                    let slip = hints.hint_for(&target, written);
                    meant = super::file_hints::in_page_terms(slip, page, written);
                }
                if meant.is_empty() {
                    meant = hints.by_name(&target, page);
                }
                let beside = placed.beside_file();
                missing_hint(&meant, &target, beside.as_deref())
            });
            diags.push(LinkError::new(
                page,
                format!("{target}\0{}", fragment.unwrap_or("")),
                url,
                placed.1,
                placed.message(message, url).hint(hint),
            ));
        }
    }
    diags
}

/// What to do about a missing anchor: the page's own anchors, and when the
/// page is another language's version of one that has the id (a root link
/// stays in its page's language), that the id is the original's.
fn anchor_hint(
    index: &LinkIndex,
    from: &PageLinks,
    target: &str,
    id: &str,
    known: &[&str],
) -> String {
    let original = super::placing::translation_folder(from)
        .and_then(|folder| target.strip_prefix(folder))
        .filter(|rest| index.ids(rest).is_some_and(|ids| ids.contains_sorted(id)));
    let from = from.path.as_str();
    let list: Vec<String> = known.iter().take(12).map(|s| format!("#{s}")).collect();
    let anchors = if list.is_empty() {
        format!("{target} has no anchors of its own")
    } else {
        format!("anchors on {target}: {}", list.join(", "))
    };
    match original {
        Some(rest) => format!(
            "the original, {rest}, has it, but a link from the site root stays in its page's language: give this language's version the id `{id}` too, or link to the original with `{}`; {anchors}",
            crate::render::url::relative_url(from, &format!("{rest}#{id}"))
        ),
        None => format!(
            "{}{anchors}",
            crate::suggest::did_you_mean(id, known.iter().copied())
        ),
    }
}

fn folders(path: &str) -> String {
    match path.matches('/').count() {
        0 => "is at the top of the site".into(),
        1 => "is one folder deep".into(),
        n => format!("is {n} folders deep"),
    }
}

#[cfg(test)]
mod tests;
