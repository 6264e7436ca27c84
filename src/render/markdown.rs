//! Markdown to HTML with pulldown-cmark: tables, footnotes, heading ids, and
//! root links (`/x.html`) turned relative to the page they appear on, and
//! callouts (`> [!NOTE]`) drawn as notes with a title.

use super::source_links::SourceLinks;
use super::url::{has_scheme, relative_url};
use pulldown_cmark::{CowStr, Event, HeadingLevel, Options, Parser, Tag, TagEnd};
use std::collections::HashSet;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::Arc;

/// Ids already used on one page, so headings from several Markdown fields
/// never collide; and what every field of the page shares: for a page in a
/// language's folder, the way up to the site root (where the files shared
/// by all languages are), and the name a screen reader gives a table's
/// scrolling box, in the page's language, numbered from the page's second
/// table on, so no two boxes of a page share a name.
#[derive(Debug, Default)]
pub struct Ids {
    taken: HashSet<String>,
    /// Ids the author gives on the page (a heading's `{#id}`, a rule's
    /// `id:`), reserved before any id is made from a heading's text: a
    /// heading earlier on the page never takes one.
    given: HashSet<String>,
    /// The ids the theme writes (see [`crate::theme::Theme::uses_id`]).
    theme: Arc<HashSet<String>>,
    /// For a base taken more than once, the last number given to it, so a
    /// page of many same headings ("Notes") numbers them in one step each.
    last: std::collections::HashMap<String, usize>,
    shared_prefix: String,
    table_label: String,
    /// Tables boxed so far on the page, shared with [`Ids::fresh`] copies.
    tables: Arc<AtomicUsize>,
    /// The names of callouts' kinds in the page's language.
    callouts: Arc<callouts::Names>,
    /// For a free page: its Markdown file (under `content/`) and what links
    /// written from that file's folder may lead to.
    source: Option<(String, Arc<SourceLinks>)>,
}

impl Ids {
    /// For a page whose language's root is `shared_prefix` (`"../"`) below
    /// the site root, whose tables' boxes are called `table_label`, in a
    /// theme that writes the ids `theme` itself: those count as taken, so a
    /// heading called "Main" gets `main-2`.
    pub fn for_page(shared_prefix: &str, table_label: &str, theme: Arc<HashSet<String>>) -> Ids {
        Ids {
            theme,
            shared_prefix: shared_prefix.to_string(),
            table_label: table_label.to_string(),
            ..Ids::default()
        }
    }

    /// Callouts are titled with `names` when their author gave no title.
    pub fn with_callouts(mut self, names: Arc<callouts::Names>) -> Ids {
        self.callouts = names;
        self
    }

    /// Links in the Markdown are read from `file`'s folder too (see
    /// [`SourceLinks`]).
    pub fn with_source(mut self, file: &str, links: Arc<SourceLinks>) -> Ids {
        self.source = Some((file.to_string(), links));
        self
    }

    /// Links in the Markdown rendered from now on are read from `file`'s
    /// folder (under `content/`), with what [`Ids::with_source`] gave: the
    /// guide and the handout show every module's text, each written in its
    /// own file. No change for text with no such links.
    pub fn read_from(&mut self, file: &str) {
        if let Some((own, _)) = self.source.as_mut() {
            file.clone_into(own);
        }
    }

    /// The same page's settings with no id taken: for text whose ids live
    /// apart, such as a practice answer's explanation.
    pub fn fresh(&self) -> Ids {
        Ids {
            tables: Arc::clone(&self.tables),
            callouts: Arc::clone(&self.callouts),
            ..Ids::for_page(
                &self.shared_prefix,
                &self.table_label,
                Arc::clone(&self.theme),
            )
        }
    }

    /// Reserves ids the author gives on the page, before any is made from
    /// text (see [`Ids::given`]).
    pub fn reserve<'a>(&mut self, given: impl IntoIterator<Item = &'a str>) {
        self.given.extend(given.into_iter().map(str::to_string));
    }

    /// An id the author gave: itself, unless the page has it already (an
    /// error the check reports), then numbered as [`Ids::unique`] does.
    pub fn given(&mut self, id: &str) -> String {
        if self.is_free(id) || (self.given.contains(id) && !self.taken.contains(id)) {
            self.taken.insert(id.to_string());
            return id.to_string();
        }
        self.unique(id)
    }

    fn is_free(&self, id: &str) -> bool {
        !self.taken.contains(id)
            && !self.given.contains(id)
            && !self.theme.contains(id)
            && !crate::theme::is_page_id(id)
    }

    /// Reserves `base`, or `base-2`, `base-3` … if taken, and returns it.
    pub fn unique(&mut self, base: &str) -> String {
        let mut id = base.to_string();
        if !self.is_free(&id) {
            let mut n = self.last.get(base).copied().unwrap_or(1);
            loop {
                n += 1;
                id = format!("{base}-{n}");
                if self.is_free(&id) {
                    break;
                }
            }
            self.last.insert(base.to_string(), n);
        }
        self.taken.insert(id.clone());
        id
    }

    /// What opens the page's next table's scrolling box: a wide table
    /// scrolls inside it, never the page, and the box takes keyboard focus
    /// so it can be scrolled without a mouse. A screen reader lists the
    /// boxes as regions: "Table", "Table 2", …
    fn table_box(&self) -> String {
        let n = self.tables.fetch_add(1, Ordering::Relaxed) + 1;
        let label = match n {
            1 => self.table_label.clone(),
            n => format!("{} {n}", self.table_label),
        };
        let label = crate::render::escape_html(&label);
        format!(r#"<div class="table-scroll" role="region" tabindex="0" aria-label="{label}">"#)
    }
}

/// The Markdown extensions pages render with: what a check that parses
/// the same text must read it with too.
pub(crate) fn options() -> Options {
    Options::ENABLE_TABLES
        | Options::ENABLE_FOOTNOTES
        | Options::ENABLE_HEADING_ATTRIBUTES
        | Options::ENABLE_STRIKETHROUGH
        | Options::ENABLE_TASKLISTS
}

/// Renders block Markdown for the page at `page` (a path from the site root).
/// Raw HTML in the Markdown passes through: content is trusted.
pub fn to_html(markdown: &str, page: &str, ids: &mut Ids) -> String {
    to_html_below(markdown, page, ids, 1).html
}

/// Rendered Markdown, and its `<h2>` headings as (id, text): a long page's
/// "on this page" list.
pub struct Rendered {
    pub html: String,
    pub h2: Vec<(String, String)>,
}

/// Like [`to_html`], with the headings moved down so the highest becomes
/// `<h{top}>` (never past `<h6>`): text placed under a heading of its own,
/// such as a module's text under the module's title in the handout.
pub fn to_html_below(markdown: &str, page: &str, ids: &mut Ids, top: usize) -> Rendered {
    let mut events: Vec<Event> = Parser::new_ext(markdown, options()).collect();
    if memchr::memmem::find(markdown.as_bytes(), b"&#").is_some() {
        windows_signs(&mut events);
    }
    assign_heading_ids(&mut events, ids);
    let highest = events
        .iter()
        .filter_map(|e| match e {
            Event::Start(Tag::Heading { level, .. }) => Some(*level as usize),
            _ => None,
        })
        .min()
        .unwrap_or(top);
    let levels = top.saturating_sub(highest);
    if levels > 0 {
        for event in &mut events {
            match event {
                Event::Start(Tag::Heading { level, .. }) | Event::End(TagEnd::Heading(level)) => {
                    *level = lower(*level, levels)
                }
                _ => {}
            }
        }
    }
    for event in &mut events {
        match event {
            Event::Start(Tag::Link { dest_url, .. } | Tag::Image { dest_url, .. }) => {
                if let Some(url) = rewritten(ids, page, dest_url) {
                    *dest_url = CowStr::from(url);
                }
            }
            Event::Html(raw) | Event::InlineHtml(raw) => {
                if let Some(html) = raw_links::rewritten(raw, |url| rewritten(ids, page, url)) {
                    *raw = CowStr::from(html);
                }
            }
            _ => {}
        }
    }
    let events = callouts::draw(events, &ids.callouts);
    let h2 = h2_headings(&events);
    let events = addresses::mark(github::links_and_tasks(events));
    let mut html = String::with_capacity(markdown.len() * 3 / 2);
    pulldown_cmark::html::push_html(&mut html, boxed_tables(events, ids).into_iter());
    Rendered { html, h2 }
}

/// A link as the page needs it, or `None` to keep it as written: one
/// written from the Markdown file's folder (see [`from_source`]), or from
/// the site root (`/x.html` is a page in the same language; `/img/x.png` a
/// shared file), made relative to the page.
fn rewritten(ids: &Ids, page: &str, url: &str) -> Option<String> {
    if let Some(url) = from_source(ids, page, url) {
        return Some(url);
    }
    let Some(target) = url.strip_prefix('/').filter(|t| !t.starts_with('/')) else {
        return folder_index(url);
    };
    let file = target.split(['#', '?']).next().unwrap_or("");
    let is_page = file.is_empty() || file.ends_with('/') || file.ends_with(".html");
    let up = if is_page {
        ""
    } else {
        ids.shared_prefix.as_str()
    };
    Some(format!("{up}{}", root_link(page, target)))
}

/// A relative link to a folder (`practice/`, `../`, `./`, `..`) as one to
/// its index page, as links from the site root are made: opened from disk
/// (a USB stick, a download), a browser shows a folder's files, not its
/// `index.html`. `None` for any other link, kept as written.
fn folder_index(url: &str) -> Option<String> {
    if url.starts_with("//") || has_scheme(url) {
        return None;
    }
    let (path, rest) = url.split_at(url.find(['?', '#']).unwrap_or(url.len()));
    let last = path.rsplit('/').next().unwrap_or(path);
    if path.is_empty() || !matches!(last, "" | "." | "..") {
        return None;
    }
    let slash = if path.ends_with('/') { "" } else { "/" };
    Some(format!("{path}{slash}index.html{rest}"))
}

/// Character references to U+0080–U+009F (`&#150;`, `&#146;`), written by
/// old HTML habits for the signs of Windows' Western code page, read as
/// those signs (`–`, `’`), as a browser reads them in HTML: the Markdown
/// standard takes them for invisible control characters. The five numbers
/// that page leaves unused stay as they are.
fn windows_signs(events: &mut [Event]) {
    const SIGNS: [char; 32] = [
        '€', '\u{81}', '‚', 'ƒ', '„', '…', '†', '‡', 'ˆ', '‰', 'Š', '‹', 'Œ', '\u{8d}', 'Ž',
        '\u{8f}', '\u{90}', '‘', '’', '“', '”', '•', '–', '—', '˜', '™', 'š', '›', 'œ', '\u{9d}',
        'ž', 'Ÿ',
    ];
    let sign = |c: char| match c {
        '\u{80}'..='\u{9f}' => SIGNS[c as usize - 0x80],
        c => c,
    };
    for event in events {
        if let Event::Text(text) = event {
            if text.chars().any(|c| sign(c) != c) {
                *text = CowStr::from(text.chars().map(sign).collect::<String>());
            }
        }
    }
}

/// A link of a free page written from its Markdown file's folder, or to a
/// `.md` file, made to lead there from the page (see [`SourceLinks`]).
fn from_source(ids: &Ids, page: &str, url: &str) -> Option<String> {
    let (file, links) = ids.source.as_ref()?;
    let path = url
        .split(['?', '#'])
        .next()
        .unwrap_or("")
        .to_ascii_lowercase();
    // A file alsite reads: its page is meant (`/pages/about.md`, `/practice/x.yaml`).
    let source = crate::load::is_text(&path);
    let relative = super::url::is_relative(url);
    if url.is_empty() || url.starts_with("//") || !(relative || source && url.starts_with('/')) {
        return None;
    }
    links.rewrite(page, file, url, &ids.shared_prefix)
}

/// The link from `page` to `target` (after the leading `/`), as written:
/// escapes the author already wrote (`our%20team.html`) are not escaped
/// again, and a `?query` or `#anchor` stays as it is.
fn root_link(page: &str, target: &str) -> String {
    let split = target.find(['?', '#']).unwrap_or(target.len());
    let (path, rest) = target.split_at(split);
    let path = if path.contains('%') {
        super::url::percent_decode(path)
    } else {
        path.to_string()
    };
    let mut url = relative_url(page, &path);
    url.push_str(rest);
    url
}

/// `events` with every table in its scrolling box (see [`Ids::table_box`]),
/// tables written in HTML too.
fn boxed_tables<'a>(events: Vec<Event<'a>>, ids: &Ids) -> Vec<Event<'a>> {
    let is_raw_table = |e: &Event| match e {
        Event::Html(raw) | Event::InlineHtml(raw) => raw.contains("table>"),
        _ => false,
    };
    let tables = events
        .iter()
        .filter(|e| matches!(e, Event::Start(Tag::Table(_))) || is_raw_table(e))
        .count();
    if tables == 0 {
        return events;
    }
    let mut out = Vec::with_capacity(events.len() + 2 * tables);
    for event in events {
        match event {
            Event::Start(Tag::Table(_)) => {
                out.push(Event::Html(CowStr::from(ids.table_box())));
                out.push(event);
            }
            Event::End(TagEnd::Table) => {
                out.push(event);
                out.push(Event::Html(CowStr::Borrowed("</div>")));
            }
            Event::Html(raw) if raw.contains("table>") => {
                out.push(Event::Html(boxed_raw(&raw, ids)))
            }
            Event::InlineHtml(raw) if raw.contains("table>") => {
                out.push(Event::InlineHtml(boxed_raw(&raw, ids)))
            }
            event => out.push(event),
        }
    }
    out
}

fn boxed_raw<'a>(raw: &str, ids: &Ids) -> CowStr<'a> {
    let mut parts = raw.split("<table>");
    let mut out = parts.next().unwrap_or_default().to_string();
    for rest in parts {
        out.push_str(&ids.table_box());
        out.push_str("<table>");
        out.push_str(rest);
    }
    out.replace("</table>", "</table></div>").into()
}

fn lower(level: HeadingLevel, by: usize) -> HeadingLevel {
    use HeadingLevel::*;
    let all = [H1, H2, H3, H4, H5, H6];
    let at = all.iter().position(|l| *l == level).unwrap_or(0);
    all[(at + by).min(5)]
}

/// The `<h2>` headings that have an id (every Markdown one does), as
/// (id, text).
fn h2_headings(events: &[Event]) -> Vec<(String, String)> {
    let mut out: Vec<(String, String)> = Vec::new();
    let mut open = false;
    for event in events {
        match event {
            Event::Start(Tag::Heading {
                level: HeadingLevel::H2,
                id: Some(id),
                ..
            }) => {
                out.push((id.to_string(), String::new()));
                open = true;
            }
            Event::End(TagEnd::Heading(_)) => open = false,
            Event::Text(text) | Event::Code(text) if open => {
                if let Some((_, heading)) = out.last_mut() {
                    heading.push_str(text);
                }
            }
            _ => {}
        }
    }
    out
}

/// Renders a short field (a sentence or two) without the wrapping paragraph,
/// with the page's settings from `ids`.
pub fn inline_html(markdown: &str, page: &str, ids: &Ids) -> String {
    let html = to_html(markdown, page, &mut ids.fresh());
    let trimmed = html.trim_end();
    match trimmed
        .strip_prefix("<p>")
        .and_then(|s| s.strip_suffix("</p>"))
    {
        Some(inner) if !inner.contains("<p>") => inner.to_string(),
        _ => html,
    }
}

/// Gives every heading without an explicit `{#id}` one made from its text.
/// The explicit ones are reserved first, so a heading made earlier never
/// takes one.
fn assign_heading_ids(events: &mut [Event], ids: &mut Ids) {
    let explicit = events.iter().filter_map(|e| match e {
        Event::Start(Tag::Heading { id: Some(id), .. }) => Some(id.as_ref()),
        _ => None,
    });
    ids.reserve(explicit);
    // An id in raw HTML (`<div id="contact">`) is given too: a heading's
    // made id steps aside for it, so the page has no id twice. The raw HTML
    // is read as one text: a block comes a line at a time, and a tag may
    // run over lines (`<div\n  id="contact">`).
    let raw: String = events
        .iter()
        .filter_map(|e| match e {
            Event::Html(h) | Event::InlineHtml(h) => Some(h.as_ref()),
            _ => None,
        })
        .collect();
    if raw.contains("id") {
        let given: Vec<&str> = crate::html::start_tags(&raw)
            .filter_map(|t| t.get("id").filter(|id| !id.is_empty()))
            .collect();
        ids.reserve(given);
    }
    let mut i = 0;
    while i < events.len() {
        if let Event::Start(Tag::Heading { id, .. }) = &events[i] {
            let explicit = id.as_ref().map(|s| s.to_string());
            let mut text = String::new();
            let mut j = i + 1;
            while j < events.len() && !matches!(events[j], Event::End(TagEnd::Heading(_))) {
                if let Event::Text(t) | Event::Code(t) = &events[j] {
                    text.push_str(t);
                }
                j += 1;
            }
            let new_id = match explicit {
                Some(given) => ids.given(&given),
                None => ids.unique(&slugify(&text)),
            };
            if let Event::Start(Tag::Heading { id, .. }) = &mut events[i] {
                *id = Some(CowStr::from(new_id));
            }
            i = j;
        }
        i += 1;
    }
}

/// `"Why it works: L = P + Q"` → `"why-it-works-l-p-q"`.
pub fn slugify(text: &str) -> String {
    let mut slug = String::with_capacity(text.len());
    for c in text.chars().flat_map(char::to_lowercase) {
        if c.is_alphanumeric() {
            slug.push(c);
        } else if (c.is_whitespace() || c == '-' || c == '_')
            && !slug.ends_with('-')
            && !slug.is_empty()
        {
            slug.push('-');
        }
    }
    let slug = slug.trim_end_matches('-');
    if slug.is_empty() {
        "section".into()
    } else {
        slug.into()
    }
}

mod addresses;
pub(crate) mod callouts;
mod github;
mod raw_links;
#[cfg(test)]
mod tests;
