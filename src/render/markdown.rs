//! Markdown to HTML with pulldown-cmark: tables, footnotes, heading ids, and
//! root links (`/x.html`) turned relative to the page they appear on.

use super::url::relative_url;
use pulldown_cmark::{CowStr, Event, HeadingLevel, Options, Parser, Tag, TagEnd};
use std::collections::HashSet;

/// Ids already used on one page, so headings from several Markdown fields
/// never collide; and, for a page in a language's folder, the way up to the
/// site root, where the files shared by all languages are.
#[derive(Debug, Default)]
pub struct Ids(HashSet<String>, String);

impl Ids {
    /// For a page whose language's root is `shared_prefix` (`"../"`) below the site root.
    pub fn with_shared_prefix(shared_prefix: &str) -> Ids {
        Ids(HashSet::new(), shared_prefix.to_string())
    }

    /// Reserves `base`, or `base-2`, `base-3` … if taken, and returns it.
    pub fn unique(&mut self, base: &str) -> String {
        let mut id = base.to_string();
        let mut n = 1;
        while self.0.contains(&id) {
            n += 1;
            id = format!("{base}-{n}");
        }
        self.0.insert(id.clone());
        id
    }
}

fn options() -> Options {
    Options::ENABLE_TABLES
        | Options::ENABLE_FOOTNOTES
        | Options::ENABLE_HEADING_ATTRIBUTES
        | Options::ENABLE_STRIKETHROUGH
}

/// Renders block Markdown for the page at `page` (a path from the site root).
/// Raw HTML in the Markdown passes through: content is trusted.
pub fn to_html(markdown: &str, page: &str, ids: &mut Ids) -> String {
    to_html_below(markdown, page, ids, 1)
}

/// Like [`to_html`], with the headings moved down so the highest becomes
/// `<h{top}>` (never past `<h6>`): text placed under a heading of its own,
/// such as a module's text under the module's title in the handout.
pub fn to_html_below(markdown: &str, page: &str, ids: &mut Ids, top: usize) -> String {
    let mut events: Vec<Event> = Parser::new_ext(markdown, options()).collect();
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
        if let Event::Start(Tag::Link { dest_url, .. } | Tag::Image { dest_url, .. }) = event {
            if dest_url.starts_with('/') && !dest_url.starts_with("//") {
                // `/x.html` is a page in the same language; `/img/x.png` a shared file.
                let target = &dest_url[1..];
                let file = target.split(['#', '?']).next().unwrap_or("");
                let is_page = file.is_empty() || file.ends_with('/') || file.ends_with(".html");
                let up = if is_page { "" } else { ids.1.as_str() };
                *dest_url = CowStr::from(format!("{up}{}", relative_url(page, target)));
            }
        }
    }
    let mut html = String::with_capacity(markdown.len() * 3 / 2);
    pulldown_cmark::html::push_html(&mut html, events.into_iter());
    if html.contains("<table>") {
        // A wide table scrolls inside its own box, never the page; the box
        // takes keyboard focus so it can be scrolled without a mouse.
        html = html
            .replace(
                "<table>",
                r#"<div class="table-scroll" role="region" tabindex="0" aria-label="Table"><table>"#,
            )
            .replace("</table>", "</table></div>");
    }
    html
}

fn lower(level: HeadingLevel, by: usize) -> HeadingLevel {
    use HeadingLevel::*;
    let all = [H1, H2, H3, H4, H5, H6];
    let at = all.iter().position(|l| *l == level).unwrap_or(0);
    all[(at + by).min(5)]
}

/// The `<h2>` headings of rendered HTML as (id, text): a long page's "on
/// this page" list. Only headings that have an id (every Markdown one does).
pub fn h2_headings(html: &str) -> Vec<(String, String)> {
    let mut out = Vec::new();
    let mut rest = html;
    while let Some(start) = rest.find("<h2 id=\"") {
        rest = &rest[start + 8..];
        let Some(id_end) = rest.find('"') else { break };
        let id = rest[..id_end].to_string();
        let Some(open_end) = rest.find('>') else {
            break;
        };
        let Some(close) = rest.find("</h2>") else {
            break;
        };
        let inner = &rest[open_end + 1..close];
        let mut text = String::new();
        let mut in_tag = false;
        for c in inner.chars() {
            match c {
                '<' => in_tag = true,
                '>' => in_tag = false,
                c if !in_tag => text.push(c),
                _ => {}
            }
        }
        out.push((id, text));
        rest = &rest[close..];
    }
    out
}

/// Renders a short field (a sentence or two) without the wrapping paragraph.
pub fn inline_html(markdown: &str, page: &str) -> String {
    let html = to_html(markdown, page, &mut Ids::default());
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
fn assign_heading_ids(events: &mut [Event], ids: &mut Ids) {
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
            let new_id = ids.unique(&explicit.unwrap_or_else(|| slugify(&text)));
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn text_under_a_title_starts_one_level_below_it() {
        let html = to_html_below("## Why\n\n### How\n", "x.html", &mut Ids::default(), 3);
        assert!(html.contains("<h3 id=\"why\">Why</h3>"), "{html}");
        assert!(html.contains("<h4 id=\"how\">How</h4>"), "{html}");
    }

    #[test]
    fn lists_the_second_level_headings() {
        let html = to_html(
            "## One\n\ntext\n\n### Not this\n\n## Two *words*\n",
            "x.html",
            &mut Ids::default(),
        );
        assert_eq!(
            h2_headings(&html),
            vec![
                ("one".into(), "One".into()),
                ("two-words".into(), "Two words".into())
            ]
        );
    }

    #[test]
    fn headings_get_unique_ids() {
        let mut ids = Ids::default();
        let html = to_html(
            "# Why it works\n\n## Why it works\n\n## Own {#custom}\n",
            "index.html",
            &mut ids,
        );
        assert!(html.contains(r#"<h1 id="why-it-works">"#), "{html}");
        assert!(html.contains(r#"<h2 id="why-it-works-2">"#), "{html}");
        assert!(html.contains(r#"<h2 id="custom">"#), "{html}");
        // A second field on the same page continues the numbering.
        let more = to_html("# Why it works\n", "index.html", &mut ids);
        assert!(more.contains(r#"id="why-it-works-3""#), "{more}");
    }

    #[test]
    fn root_links_become_relative_and_others_stay() {
        let html = to_html(
            "[a](/ground-rules.html#rule-1) [b](x.html) [c](https://example.org) ![i](/images/p.png)",
            "workshops/w/m.html",
            &mut Ids::default(),
        );
        assert!(
            html.contains(r#"href="../../ground-rules.html#rule-1""#),
            "{html}"
        );
        assert!(html.contains(r#"href="x.html""#), "{html}");
        assert!(html.contains(r#"href="https://example.org""#), "{html}");
        assert!(html.contains(r#"src="../../images/p.png""#), "{html}");
    }

    #[test]
    fn tables_footnotes_and_inline() {
        let html = to_html(
            "| a | b |\n|---|---|\n| 1 | 2 |\n\nText[^n]\n\n[^n]: Note.\n",
            "index.html",
            &mut Ids::default(),
        );
        assert!(
            html.contains("<table>") && html.contains("<td>2</td>"),
            "{html}"
        );
        assert!(html.contains("footnote-definition"), "{html}");
        assert_eq!(
            inline_html("Just *this*.", "index.html"),
            "Just <em>this</em>."
        );
        assert!(inline_html("One.\n\nTwo.", "index.html").contains("<p>Two.</p>"));
    }

    #[test]
    fn slugs() {
        assert_eq!(slugify("Why it works: L = P + Q"), "why-it-works-l-p-q");
        assert_eq!(slugify("  Étude -- deux "), "étude-deux");
        assert_eq!(slugify("???"), "section");
    }
}
