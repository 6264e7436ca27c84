//! A link written with a bare space in its address, `[o nas](o nas.md)`,
//! as a file's name has it: Markdown ends an address at a space, so it
//! reads the whole as plain text. The page then shows the brackets as
//! written, and nothing leads to the file. Warned about at its `[`; so is
//! an address put in `<…>` without its `>`, `[o nas](<o nas.md)`, and a
//! page's title written as its address, `[the rules](The two ground rules)`.

use crate::diagnostic::Diagnostic;
use crate::load::frontmatter;
use crate::model::Site;
use std::path::Path;

/// Warnings for the Markdown pages of `site` (the home page, free pages,
/// workshop modules) that show a link written with a space as plain text.
/// `original`: the site in its default language, whose footer a
/// translation shares unless it gives its own.
pub(super) fn check_spaced_links(site: &Site, original: &Site) -> Vec<Diagnostic> {
    let titles = std::sync::OnceLock::new();
    let titles = || titles.get_or_init(|| page_titles(site)).as_slice();
    let mut found: Vec<Diagnostic> = markdown_texts(site)
        .flat_map(|(file, text)| spaced_links(file, text, &titles))
        .collect();
    if std::ptr::eq(site, original) || site.config.footer != original.config.footer {
        found.extend(footer_links(site, &titles));
    }
    found
}

/// The path of the page whose title (or `nav_title`) `address` is, in
/// `site` or one of its translations, for the link check's hint at a
/// one-word title written as an address (`[us](About)`), which Markdown
/// does make a link. Worked out at the first such link.
pub fn titled_page(site: &Site) -> impl Fn(&str) -> Option<String> + Sync + '_ {
    let titles = std::sync::OnceLock::new();
    move |address: &str| {
        let titles: &Vec<(String, String)> = titles.get_or_init(|| {
            std::iter::once(site)
                .chain(&site.translations)
                .flat_map(page_titles)
                .collect()
        });
        title_of(address, &|| titles.as_slice()).map(str::to_string)
    }
}

/// Every page's title with the page's path from the site root, the title
/// folded (no case, no accents, single spaces) to be found as written in
/// any of those ways: the method pages, free pages (and their
/// `nav_title`), practice sets, sessions, workshops and their modules.
fn page_titles(site: &Site) -> Vec<(String, String)> {
    let mut titles = crate::render::page_titles(site);
    titles.extend(
        site.pages
            .iter()
            .map(|p| (p.front.title.clone(), p.output.clone())),
    );
    for d in &site.practice {
        titles.push((d.data.title.clone(), format!("practice/{}.html", d.slug)));
    }
    for d in &site.sessions {
        titles.push((d.data.title.clone(), format!("sessions/{}.html", d.slug)));
    }
    for w in site
        .workshops
        .iter()
        .filter(|w| !w.source.as_os_str().is_empty())
    {
        let folder = format!("workshops/{}", w.slug);
        titles.push((w.data.title.clone(), format!("{folder}/index.html")));
        for m in &w.modules {
            titles.push((m.front.title.clone(), format!("{folder}/{}.html", m.slug)));
        }
    }
    titles
        .into_iter()
        .map(|(title, path)| (folded(&title), path))
        .collect()
}

/// A title as compared with an address: no case, no accents, single spaces.
fn folded(text: &str) -> String {
    let folded = crate::search::tokenize::fold(text);
    folded.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// The Markdown files of `site` (the home page, free pages, workshop
/// modules) whose text the loader kept, with that text.
pub(super) fn markdown_texts(site: &Site) -> impl Iterator<Item = (&Path, &str)> {
    let modules = site.workshops.iter().flat_map(|w| &w.modules);
    // Most free pages of a large site have no text kept: those are not
    // looked up (a hundred thousand lookups in a map, each a few path
    // comparisons, for every check that reads the texts).
    let pages = site.home.iter().chain(&site.pages).filter(|p| p.text_kept);
    let files = pages.map(|p| &p.source);
    files
        .chain(modules.map(|m| &m.source))
        .filter_map(|file| Some((file.as_path(), site.texts.get(file)?.as_str())))
}

/// The diagnostics `find` makes for the body of the Markdown file `text`
/// (below its front matter), each given with its byte in the body, placed
/// at its line and column in the file; none when the front matter cannot
/// be read (its own error says so).
pub(super) fn placed_in_body(
    text: &str,
    find: impl FnOnce(&str) -> Vec<(usize, Diagnostic)>,
) -> Vec<Diagnostic> {
    let Ok(split) = frontmatter::split(text) else {
        return Vec::new();
    };
    let body = split.body;
    find(body)
        .into_iter()
        .map(|(at, d)| {
            let (line, column) = crate::diagnostic::line_col(body, at);
            d.at(line + split.body_line - 1, column)
        })
        .collect()
}

/// Whether `text` may hold a link written with a bare space: cheap, for
/// the loader to keep such a free page's text for this check. Looks only at
/// the address after each `](`, up to its `)` on the same line: every
/// link [`candidate`] finds passes, and few others do (a remark in
/// brackets, `[note](and more)`, passes too: it may be a page's title).
pub fn may_have_spaced_link(text: &str) -> bool {
    let bytes = text.as_bytes();
    memchr::memmem::find_iter(bytes, b"](").any(|at| {
        let rest = &bytes[at + 2..];
        let Some(close) = memchr::memchr2(b')', b'\n', rest) else {
            return false;
        };
        let address = &rest[..close];
        let unclosed = address.first() == Some(&b'<') && !address.contains(&b'>');
        rest[close] == b')'
            && (address.contains(&b' ') || unclosed)
            && !address.first().is_some_and(u8::is_ascii_whitespace)
            && !address.last().is_some_and(u8::is_ascii_whitespace)
    })
}

/// The warnings for one Markdown file's text.
fn spaced_links<'t>(
    file: &Path,
    text: &str,
    titles: &dyn Fn() -> &'t [(String, String)],
) -> Vec<Diagnostic> {
    // Cheap first: most files have no `](` followed by a space.
    if !may_have_spaced_link(text) {
        return Vec::new();
    }
    placed_in_body(text, |body| {
        found_in(body, titles)
            .into_iter()
            .map(|(at, written)| (at, warning(file, written, titles)))
            .collect()
    })
}

/// The warnings for site.yaml's `footer:`, Markdown on every page, each at
/// its place in site.yaml.
fn footer_links<'t>(site: &Site, titles: &dyn Fn() -> &'t [(String, String)]) -> Vec<Diagnostic> {
    let file = Path::new("site.yaml");
    let (Some(footer), Some(yaml)) = (&site.config.footer, site.texts.get(file)) else {
        return Vec::new();
    };
    if !may_have_spaced_link(footer) {
        return Vec::new();
    }
    let from = yaml.find("footer:").unwrap_or(0);
    found_in(footer, titles)
        .into_iter()
        .map(|(_, written)| {
            let at = yaml[from..].find(written).map_or(from, |i| from + i);
            let (line, column) = crate::diagnostic::line_col(yaml, at);
            warning(file, written, titles).at(line, column)
        })
        .collect()
}

/// Each link Markdown reads as plain text in `body`: where it starts, and
/// as written.
fn found_in<'b, 't>(
    body: &'b str,
    titles: &dyn Fn() -> &'t [(String, String)],
) -> Vec<(usize, &'b str)> {
    let titled = |address: &str| title_of(address, titles).is_some();
    plain_text_runs(body)
        .into_iter()
        .flat_map(|(start, run)| {
            let mut found = Vec::new();
            let mut from = 0;
            while let Some((open, len)) = candidate(&run[from..], &titled) {
                found.push((start + from + open, &run[from + open..from + open + len]));
                from += open + len;
            }
            found
        })
        .collect()
}

/// The warning for `written`, a link Markdown reads as plain text.
fn warning<'t>(
    file: &Path,
    written: &str,
    titles: &dyn Fn() -> &'t [(String, String)],
) -> Diagnostic {
    let bang = if written.starts_with('!') { "!" } else { "" };
    let (words, address) = written[bang.len() + 1..written.len() - 1]
        .split_once("](")
        .unwrap_or(("", written));
    if let Some(address) = address.strip_prefix('<') {
        return Diagnostic::warning(
            file,
            format!("`{written}` is not a link: its address opens with `<` and has no `>` to close it, so the page shows it as written"),
        )
        .hint(format!("end the address with `>`: `{bang}[{words}](<{address}>)`"));
    }
    if let Some(path) = title_of(address, titles) {
        let path = match path.contains(' ') {
            true => format!("</{path}>"),
            false => format!("/{path}"),
        };
        return Diagnostic::warning(
            file,
            format!("`{written}` is not a link: `{address}` is the title of a page, not its address, so the page shows it as written"),
        )
        .hint(format!("link to the page's file from the site root: `{bang}[{words}]({path})`"));
    }
    let message = format!("`{written}` is not a link: Markdown ends a link's address at a space, so the page shows it as written");
    if address.to_ascii_lowercase().starts_with("tel:") {
        let number: String = address.chars().filter(|c| !c.is_whitespace()).collect();
        return Diagnostic::warning(file, message).hint(format!(
            "write the number without spaces: `{bang}[{words}]({number})`"
        ));
    }
    Diagnostic::warning(file, message)
    .hint(format!(
        "put the address in `<…>`, `{bang}[{words}](<{address}>)`, or write each space as `%20`, `{bang}[{words}]({})`",
        address.replace(' ', "%20")
    ))
}

/// The path of the page whose title `address` is, written in any case or
/// accents.
fn title_of<'t>(address: &str, titles: &dyn Fn() -> &'t [(String, String)]) -> Option<&'t str> {
    let wanted = folded(address);
    let mut found = titles().iter().filter(|(title, _)| *title == wanted);
    let (_, path) = found.next()?;
    // Two pages of one title: which one was meant cannot be told.
    match found.all(|(_, other)| other == path) {
        true => Some(path.as_str()),
        false => None,
    }
}

/// The first `[words](address with a space)` in `line`, as where its `[`
/// is and its length; only an address that names a file or a page
/// (it has a `.` or a `/`, or is a page's title: `titled`) counts, not a
/// remark in brackets.
fn candidate(line: &str, titled: &dyn Fn(&str) -> bool) -> Option<(usize, usize)> {
    let mut from = 0;
    while let Some(mid) = line[from..].find("](").map(|m| from + m) {
        from = mid + 2;
        let Some(open) = line[..mid].rfind('[') else {
            continue;
        };
        let Some(close) = line[mid + 2..].find(')').map(|c| mid + 2 + c) else {
            continue;
        };
        let address = &line[mid + 2..close];
        let words = &line[open + 1..mid];
        // A template's tag (`{% link a.md %}`) is told apart by its own check.
        let templated = address.contains("{{") || address.contains("{%");
        let bare = address.trim() == address && !templated;
        let spaced = bare && address.contains(' ') && !address.contains(['<', '>', '"', '\'']);
        let unclosed = bare && address.starts_with('<') && !address.contains('>');
        // A phone number written with spaces (`tel:+48 22 123 45 67`) too.
        let scheme = ["tel:", "mailto:"]
            .iter()
            .any(|s| address.to_ascii_lowercase().starts_with(s));
        let names_a_file = address.contains(['.', '/']) || scheme || (spaced && titled(address));
        if (spaced || unclosed) && names_a_file && !words.contains(']') {
            let open = open - usize::from(line[..open].ends_with('!'));
            return Some((open, close + 1 - open));
        }
    }
    None
}

/// The runs of plain text of `body` (not code, not HTML), each with where
/// it starts in `body`; text next to text is one run.
fn plain_text_runs(body: &str) -> Vec<(usize, &str)> {
    use pulldown_cmark::{Event, Options, Parser, Tag, TagEnd};
    let options = Options::ENABLE_HEADING_ATTRIBUTES | Options::ENABLE_TABLES;
    let mut runs: Vec<(usize, usize)> = Vec::new();
    let mut in_code = false;
    for (event, range) in Parser::new_ext(body, options).into_offset_iter() {
        match event {
            Event::Start(Tag::CodeBlock(_)) => in_code = true,
            Event::End(TagEnd::CodeBlock) => in_code = false,
            _ => {}
        }
        if in_code || !matches!(event, Event::Text(_)) {
            continue;
        }
        match runs.last_mut() {
            Some(last) if last.1 == range.start => last.1 = range.end,
            _ => runs.push((range.start, range.end)),
        }
    }
    runs.into_iter().map(|(s, e)| (s, &body[s..e])).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn no_titles() -> &'static [(String, String)] {
        &[]
    }

    fn warned(text: &str) -> Vec<String> {
        spaced_links(Path::new("p.md"), text, &no_titles)
            .into_iter()
            .map(|d| format!("{}:{} {}", d.line, d.column, d.message))
            .collect()
    }

    #[test]
    fn a_link_with_a_bare_space_is_warned_about_at_its_bracket() {
        let w = warned("---\ntitle: A\n---\n\nSee [o nas](o nas.md) and [b](<b c.md>).\n");
        assert_eq!(
            w,
            ["5:5 `[o nas](o nas.md)` is not a link: Markdown ends a link's address at a space, so the page shows it as written"]
        );
    }

    #[test]
    fn code_remarks_and_real_links_are_left_alone() {
        assert!(warned("# A\n\n`[x](o nas.md)`\n\n    [x](o nas.md)\n").is_empty());
        let w = warned("# A\n\n[x](a.md) (see the notes)\n[x](a.md \"Title here\")\n");
        assert!(w.is_empty(), "{w:?}");
        assert!(warned("# A\n\n[note](and more)\n").is_empty());
    }

    #[test]
    fn a_page_title_written_as_the_address_is_told_the_page_file() {
        let titles = || -> &'static [(String, String)] {
            Box::leak(Box::new([
                (folded("The six components"), "components.html".to_string()),
                (
                    folded("Daily review"),
                    "workshops/found ations/daily-review.html".to_string(),
                ),
            ]))
        };
        let text = "# A\n\nSee the [cycle](the Six  components) and [note](and more).\n![x](Daily Review)\n";
        let d = spaced_links(Path::new("p.md"), text, &titles);
        assert_eq!(d.len(), 2, "{d:?}");
        assert_eq!((d[0].line, d[0].column), (3, 9));
        assert_eq!(
            d[0].message,
            "`[cycle](the Six  components)` is not a link: `the Six  components` is the title of a page, not its address, so the page shows it as written"
        );
        assert_eq!(
            d[0].hint.as_deref(),
            Some("link to the page's file from the site root: `[cycle](/components.html)`")
        );
        assert_eq!(
            d[1].hint.as_deref(),
            Some("link to the page's file from the site root: `![x](</workshops/found ations/daily-review.html>)`")
        );
    }

    #[test]
    fn an_address_in_angle_brackets_without_its_closing_one_is_warned_about() {
        let d = spaced_links(
            Path::new("p.md"),
            "# A\n\nRead [o nas](<o nas.md) and [b](<b c.md>).\n",
            &no_titles,
        );
        assert_eq!(d.len(), 1, "{d:?}");
        assert_eq!((d[0].line, d[0].column), (3, 6));
        assert_eq!(
            d[0].message,
            "`[o nas](<o nas.md)` is not a link: its address opens with `<` and has no `>` to close it, so the page shows it as written"
        );
        assert_eq!(
            d[0].hint.as_deref(),
            Some("end the address with `>`: `[o nas](<o nas.md>)`")
        );
        assert_eq!(warned("# A\n\n![plan](<plan.png)\n").len(), 1);
    }

    #[test]
    fn an_image_is_named_with_its_mark() {
        let d = spaced_links(
            Path::new("p.md"),
            "# A\n\n![plan](images/my plan.png)\n",
            &no_titles,
        );
        assert_eq!((d[0].line, d[0].column), (3, 1));
        assert_eq!(
            d[0].hint.as_deref(),
            Some("put the address in `<…>`, `![plan](<images/my plan.png>)`, or write each space as `%20`, `![plan](images/my%20plan.png)`")
        );
    }

    /// The loader's cheap test passes every line the check would warn about.
    #[test]
    fn the_cheap_test_passes_every_link_the_check_finds() {
        let pieces = [
            "[", "]", "(", ")", "](", " ", "a", ".", "/", "\t", "!", "<", "\u{a0}", "x.md",
        ];
        let mut rng = crate::synth::Rng(11);
        let mut next = |n: usize| rng.below(n);
        for _ in 0..20_000 {
            let line: String = (0..next(14)).map(|_| pieces[next(pieces.len())]).collect();
            if candidate(&line, &|_| true).is_some() {
                assert!(may_have_spaced_link(&line), "{line:?}");
            }
        }
    }
}
