//! Ids an author gives (a rule's, a component's or an offer's `id:`, a
//! heading's `{#id}`): each becomes a page's `#anchor`, so it must be
//! usable after `#` in a web address, not be one the theme puts on every
//! page (`main`), and be given once on its page. A question category's id
//! is given once in its file.

use crate::diagnostic::Diagnostic;
use crate::load::frontmatter;
use crate::load::yaml::{block_lines, locate_value, Seg};
use crate::model::*;
use crate::theme::Theme;
use std::path::Path;

/// An id as the author wrote it, and where.
struct Given<'a> {
    id: String,
    file: &'a Path,
    line: usize,
    column: usize,
}

pub fn check_ids(site: &Site, theme: &Theme) -> Vec<Diagnostic> {
    let mut diags = Vec::new();
    for group in pages(site) {
        diags.extend(check_group(&group, theme));
    }
    diags.extend(question_types(site));
    diags
}

/// The templates that make a page kind: its given ids show on each.
type Templates = &'static [&'static str];

/// The ids given in the files of each page that has some, with the
/// templates of the pages they show on.
fn pages(site: &Site) -> Vec<(Templates, Vec<Given<'_>>)> {
    let text = |file: &Path| site.texts.get(file).map(String::as_str);
    let mut pages = Vec::new();
    if let Some(doc) = &site.ground_rules {
        let ids = doc.data.rules.iter().map(|r| Some(r.id.as_str()));
        pages.push((
            &["ground-rules.html"][..],
            yaml_ids(site, &doc.source, "rules", ids),
        ));
    }
    if let Some(doc) = &site.components {
        let ids = doc.data.components.iter().map(|c| Some(c.id.as_str()));
        pages.push((
            &["components.html"][..],
            yaml_ids(site, &doc.source, "components", ids),
        ));
    }
    // The home page shows the offers too.
    let mut home = Vec::new();
    if let Some(page) = &site.home {
        home.extend(text(&page.source).map_or(Vec::new(), |t| markdown_ids(&page.source, t)));
    }
    if let Some(doc) = &site.offers {
        let ids = doc.data.offers.iter().map(|o| o.id.as_deref());
        home.extend(yaml_ids(site, &doc.source, "offers", ids));
    }
    pages.push((&["home.html", "offers.html"][..], home));
    for page in site.pages.iter().filter(|p| p.text_kept) {
        let given = text(&page.source).map(|t| markdown_ids(&page.source, t));
        pages.extend(given.map(|g| (&["page.html"][..], g)));
    }
    for (templates, file) in site
        .practice
        .iter()
        .map(|d| (&["practice.html"][..], &d.source))
        .chain(
            site.sessions
                .iter()
                .map(|d| (&["session.html"][..], &d.source)),
        )
    {
        pages.extend(text(file).map(|t| (templates, heading_ids(file, t, block_lines(t)))));
    }
    // A workshop's guide holds every module.
    for w in &site.workshops {
        let mut guide: Vec<Given> = text(&w.source)
            .map(|t| heading_ids(&w.source, t, block_lines(t)))
            .unwrap_or_default();
        for m in &w.modules {
            guide.extend(text(&m.source).map_or(Vec::new(), |t| markdown_ids(&m.source, t)));
        }
        pages.push((
            &[
                "facilitator.html",
                "module.html",
                "handout.html",
                "agenda.html",
            ][..],
            guide,
        ));
    }
    pages
}

/// The `id:` of each entry of the list `list` in a YAML file, then the
/// headings' ids in its Markdown texts. Only a file this site's language
/// holds the text of counts (a translation may share its original's).
fn yaml_ids<'a>(
    site: &'a Site,
    file: &'a Path,
    list: &str,
    ids: impl Iterator<Item = Option<&'a str>>,
) -> Vec<Given<'a>> {
    let Some(text) = site.texts.get(file) else {
        return Vec::new();
    };
    let mut given: Vec<Given> = ids
        .enumerate()
        .filter_map(|(i, id)| {
            let (line, column) =
                locate_value(text, &[Seg::Key(list), Seg::Index(i), Seg::Key("id")]);
            let id = id?.to_string();
            Some(Given {
                id,
                file,
                line,
                column,
            })
        })
        .collect();
    given.extend(heading_ids(file, text, block_lines(text)));
    given
}

/// The headings' ids of a Markdown file: in its front matter's texts and
/// in its body.
fn markdown_ids<'a>(file: &'a Path, text: &str) -> Vec<Given<'a>> {
    if !text.contains("{#") {
        return Vec::new();
    }
    let Ok(split) = frontmatter::split(text) else {
        return Vec::new();
    };
    let front = split.front.unwrap_or("");
    let shift = split.front_line.saturating_sub(1);
    let in_front = block_lines(front).map(|(i, l)| (i + shift, l));
    let mut given = heading_ids(file, text, in_front);
    let body_lines = body_headings(split.body).map(|i| i + split.body_line - 1);
    let lines: Vec<&str> = text.lines().collect();
    given.extend(given_ids(
        file,
        body_lines
            .filter_map(|i| Some((i, *lines.get(i)?)))
            .collect(),
    ));
    given
}

/// The 0-based lines of `body` where a heading's `{#id}` would be
/// (pulldown-cmark knows which lines are headings, not code): an ATX
/// heading's `#` line, a Setext heading's last line above its `===` or
/// `---` underline.
fn body_headings(body: &str) -> impl Iterator<Item = usize> + '_ {
    use pulldown_cmark::{Event, Options, Parser, Tag};
    let options = Options::ENABLE_HEADING_ATTRIBUTES | Options::ENABLE_TABLES;
    Parser::new_ext(body, options)
        .into_offset_iter()
        .filter(|(e, _)| matches!(e, Event::Start(Tag::Heading { .. })))
        .map(|(_, range)| {
            let start = body[..range.start].matches('\n').count();
            let lines: Vec<&str> = body[range].trim_end().lines().collect();
            match lines.last() {
                Some(last) if lines.len() > 1 && is_underline(last) => start + lines.len() - 2,
                _ => start,
            }
        })
}

/// Whether `line` underlines a Setext heading (`===`, `---`).
fn is_underline(line: &str) -> bool {
    let t = line.trim();
    !t.is_empty() && (t.bytes().all(|b| b == b'=') || t.bytes().all(|b| b == b'-'))
}

/// The heading lines among `lines` (0-based number, line) of a Markdown
/// text in a YAML file: a line that starts with `#`, or the line above a
/// Setext underline (not a list item's or a quote's: there `---` is a rule).
fn heading_lines<'t>(lines: impl Iterator<Item = (usize, &'t str)>) -> Vec<(usize, &'t str)> {
    let lines: Vec<(usize, &str)> = lines.collect();
    let underlined = |k: usize, (i, l): (usize, &str)| {
        let t = l.trim_start();
        let item = ["- ", "* ", "+ ", ">"].iter().any(|m| t.starts_with(m));
        let next = lines.get(k + 1).filter(|(j, _)| *j == i + 1);
        !t.is_empty() && !item && next.is_some_and(|(_, n)| is_underline(n))
    };
    lines
        .iter()
        .enumerate()
        .filter(|&(k, &(i, l))| l.trim_start().starts_with('#') || underlined(k, (i, l)))
        .map(|(_, &line)| line)
        .collect()
}

/// The ids of the heading lines among `lines` (0-based number, line) of
/// `file`, a Markdown text in a YAML file; a line that is not a heading's
/// is skipped.
fn heading_ids<'a, 't>(
    file: &'a Path,
    text: &'t str,
    lines: impl Iterator<Item = (usize, &'t str)>,
) -> Vec<Given<'a>> {
    if !text.contains("{#") {
        return Vec::new();
    }
    given_ids(file, heading_lines(lines))
}

/// The ids the `{#id}` of each heading line (0-based number, line) gives.
fn given_ids<'a>(file: &'a Path, lines: Vec<(usize, &str)>) -> Vec<Given<'a>> {
    lines
        .into_iter()
        .filter_map(|(i, l)| {
            let (id, at) = attribute_id(l)?;
            let column = l[..at].chars().count() + 1;
            Some(Given {
                id,
                file,
                line: i + 1,
                column,
            })
        })
        .collect()
}

/// The id a heading line's `{#id}` gives, as the author meant it (`{#a b}`
/// means `a b`), and where its `{` is.
fn attribute_id(line: &str) -> Option<(String, usize)> {
    let t = line.trim_end();
    let open = t.strip_suffix('}')?.rfind('{')?;
    let inner = &t[open + 1..t.len() - 1];
    let mut id = None;
    let mut words = Vec::new();
    for token in inner.split_whitespace() {
        match token.strip_prefix('#') {
            Some(rest) => id = Some(rest),
            None if token.starts_with('.') || token.contains('=') => {}
            None => words.push(token),
        }
    }
    let id = id?;
    Some((
        std::iter::once(id)
            .chain(words)
            .collect::<Vec<_>>()
            .join(" "),
        open,
    ))
}

/// Whether `id` works after `#` in a web address, as page slugs do.
fn usable(id: &str) -> bool {
    !id.is_empty()
        && id
            .chars()
            .all(|c| c.is_alphanumeric() || c == '-' || c == '_')
}

/// The errors of one page's ids.
fn check_group((templates, given): &(Templates, Vec<Given>), theme: &Theme) -> Vec<Diagnostic> {
    let mut diags = Vec::new();
    for (i, g) in given.iter().enumerate() {
        let d = if !usable(&g.id) {
            bad_form(g)
        } else if theme.uses_id(templates, &g.id) {
            Diagnostic::error(g.file, format!("the id `{}` is one the theme gives an element of its own on this page, so the page would have it twice", g.id))
                .hint(format!("choose another id, such as `{}-section`; the theme's own here are {}", g.id, theme.sorted_ids(templates).join(", ")))
        } else if let Some(first) = given[..i].iter().find(|f| f.id == g.id) {
            twice(g, first, "is given twice on one page").hint(format!(
                "give each its own id: a link to `#{}` reaches only the first",
                g.id
            ))
        } else {
            continue;
        };
        diags.push(d.at(g.line, g.column));
    }
    diags
}

/// An id that cannot follow `#` in a web address.
fn bad_form(g: &Given) -> Diagnostic {
    if g.id.is_empty() {
        return Diagnostic::error(g.file, "an empty id `{#}`")
            .hint("write the id after `#`, such as `{#contact}`, or remove the braces");
    }
    let suggestion = crate::render::markdown::slugify(&g.id);
    Diagnostic::error(
        g.file,
        format!(
            "`{}` cannot be an id: it follows `#` in the page's web address",
            g.id
        ),
    )
    .hint(format!(
        "use letters (in any language), digits, `-` and `_` only, such as `{suggestion}`"
    ))
}

/// The error for `g`, an id `first` already gave: `what` says where.
fn twice(g: &Given, first: &Given, what: &str) -> Diagnostic {
    let place = if first.file == g.file {
        format!("line {}", first.line)
    } else {
        format!("{}, line {}", first.file.display(), first.line)
    };
    Diagnostic::error(
        g.file,
        format!("the id `{}` {what} (first on {place})", g.id),
    )
}

/// A question category's id is given once, and works after `#`
/// (the practice index links each category).
fn question_types(site: &Site) -> Vec<Diagnostic> {
    let Some(doc) = &site.question_types else {
        return Vec::new();
    };
    let ids = doc.data.types.iter().map(|t| Some(t.id.as_str()));
    let given = yaml_ids(site, &doc.source, "types", ids);
    let mut diags = Vec::new();
    for (i, g) in given.iter().enumerate() {
        let d = if !usable(&g.id) {
            bad_form(g)
        } else if let Some(first) = given[..i].iter().find(|f| f.id == g.id) {
            twice(g, first, "names two question categories")
                .hint("give each category its own `id`: classify items name a category by it")
        } else {
            continue;
        };
        diags.push(d.at(g.line, g.column));
    }
    diags
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_the_id_a_heading_line_gives() {
        assert_eq!(attribute_id("## A {#x}"), Some(("x".into(), 5)));
        assert_eq!(attribute_id("## A {#a b}").unwrap().0, "a b");
        assert_eq!(attribute_id("## B {#}").unwrap().0, "");
        assert_eq!(attribute_id("## C {#x .wide lang=pl}").unwrap().0, "x");
        assert_eq!(attribute_id("## D {.wide}"), None);
        assert_eq!(attribute_id("## E"), None);
        assert!(!usable("a b") && !usable("\"><script>") && usable("kontakt_2") && usable("żółw"));
    }

    #[test]
    fn finds_headings_in_front_matter_texts_and_the_body_not_in_code() {
        let text = "---\ntitle: T\nfacilitator: |\n  ## Notes {#n}\n---\n\n## A {#a}\n\n```\n## B {#b}\n```\n\n  ## C {#c}\n";
        let ids: Vec<(String, usize)> = markdown_ids(Path::new("m.md"), text)
            .into_iter()
            .map(|g| (g.id, g.line))
            .collect();
        assert_eq!(ids, [("n".into(), 4), ("a".into(), 7), ("c".into(), 13)]);
    }

    #[test]
    fn finds_underlined_headings_ids_where_the_page_has_them() {
        // Setext headings (one or two lines over `===` or `---`), in the
        // body and in a front matter's text; a list item's or a quote's
        // line over `---`, and a paragraph over a rule after a blank line,
        // are no headings.
        let text = "---\ntitle: T\nfacilitator: |\n  Notes {#n}\n  -----\n  - item {#i}\n  ---\n---\n\nA {#a}\n===\n\nTwo lines\nof B {#b}\n---\n\nText {#t}\n\n---\n";
        let ids: Vec<(String, usize)> = markdown_ids(Path::new("m.md"), text)
            .into_iter()
            .map(|g| (g.id, g.line))
            .collect();
        assert_eq!(ids, [("n".into(), 4), ("a".into(), 10), ("b".into(), 14)]);
    }
}
