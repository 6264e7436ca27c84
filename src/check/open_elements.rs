//! Raw HTML in a Markdown page that opens an element and never closes it,
//! as a pasted booking widget or embed easily does.
//!
//! A `<script>`, `<style>`, `<textarea>`, `<title>`, `<iframe>` or
//! `<noscript>` with no end tag takes everything after it as its own text:
//! the rest of the page, its headings and the footer, is gone from the
//! screen. That is an error at its start tag, as an HTML comment left open
//! is (see [`super::left_open`]).
//!
//! A box (`<details>`, `<div>`, `<section>`, a table or a list …) with no
//! end tag holds everything after it: the rest of the page folds under a
//! `<details>`' summary or goes inside the box. The text is still there,
//! so that is a warning at its start tag.

use crate::diagnostic::Diagnostic;
use crate::html::{raw_text_end, tokens, Token};
use pulldown_cmark::{CodeBlockKind, Event, Parser, Tag};
use std::ops::Range;
use std::path::Path;

/// The raw HTML of a Markdown text, what a browser reads as HTML in it:
/// its pieces one after another (each ending a line), each with the byte
/// of the Markdown it starts at.
pub(super) struct RawHtml {
    pub html: String,
    starts: Vec<(usize, usize)>,
}

impl RawHtml {
    /// The raw HTML of `markdown`; `on_fence` is given the span of each
    /// fenced code block, which holds none.
    pub fn of(markdown: &str, mut on_fence: impl FnMut(Range<usize>)) -> RawHtml {
        let mut raw = RawHtml {
            html: String::new(),
            starts: Vec::new(),
        };
        let parser = Parser::new_ext(markdown, crate::render::markdown::options());
        for (event, span) in parser.into_offset_iter() {
            match event {
                Event::Start(Tag::HtmlBlock) | Event::InlineHtml(_) => {
                    raw.starts.push((raw.html.len(), span.start));
                    raw.html.push_str(&markdown[span]);
                    raw.html.push('\n');
                }
                Event::Start(Tag::CodeBlock(CodeBlockKind::Fenced(_))) => on_fence(span),
                _ => {}
            }
        }
        raw
    }

    /// Byte `at` of [`RawHtml::html`] as a byte of the Markdown.
    pub fn source_byte(&self, at: usize) -> usize {
        let piece = self.starts.partition_point(|&(h, _)| h <= at) - 1;
        let (h, b) = self.starts[piece];
        b + (at - h)
    }
}

/// Elements whose text runs to their end tag, and what a reader then sees.
const RAW: &[(&str, &str)] = &[
    (
        "script",
        "reads everything after it as a script and shows none of it",
    ),
    (
        "style",
        "reads everything after it as style rules and shows none of it",
    ),
    (
        "textarea",
        "shows everything after it as text inside a text box",
    ),
    (
        "title",
        "reads everything after it as the page's title and shows none of it",
    ),
    ("iframe", "shows none of what follows it"),
    ("noscript", "shows none of what follows it"),
];

/// Boxes whose end tag a browser does not supply before the page's end.
const BOXES: &[&str] = &[
    "details",
    "div",
    "section",
    "aside",
    "article",
    "blockquote",
    "figure",
    "table",
    "form",
    "fieldset",
    "ul",
    "ol",
    "dl",
    "nav",
    "header",
    "footer",
    "main",
    "center",
];

/// Whether `text` may open one of the elements above: cheap, so pages
/// without raw HTML are not read again.
pub fn may_open(text: &str) -> bool {
    memchr::memchr_iter(b'<', text.as_bytes()).any(|lt| {
        let name = name_at(&text[lt + 1..]);
        RAW.iter().any(|(r, _)| name.eq_ignore_ascii_case(r))
            || BOXES.iter().any(|b| name.eq_ignore_ascii_case(b))
    })
}

/// The letters of a tag's name at the start of `rest`.
fn name_at(rest: &str) -> &str {
    let end = rest
        .find(|c: char| !c.is_ascii_alphanumeric())
        .unwrap_or(rest.len());
    &rest[..end]
}

/// What `html`, the raw HTML of a Markdown file's body in order, leaves
/// open: each as (its start tag's byte in `html`, the diagnostic made by
/// `at` for that byte).
pub fn left_open(
    file: &Path,
    html: &str,
    at: impl Fn(Diagnostic, usize) -> Diagnostic,
) -> Vec<Diagnostic> {
    let mut open: Vec<(String, usize)> = Vec::new();
    let mut from = 0;
    while from < html.len() {
        let mut t = tokens(&html[from..]);
        let mut resume = None;
        let mut start = t.position();
        while let Some(token) = t.next() {
            match token {
                Token::Start(tag) => {
                    let name = tag.name.to_ascii_lowercase();
                    let after = from + t.position();
                    if let Some((raw, seen)) = RAW.iter().find(|(r, _)| *r == name) {
                        match raw_text_end(&html[after..], raw) {
                            Some(end) => {
                                resume = Some(after + end);
                                break;
                            }
                            None => return vec![at(raw_error(file, raw, seen), from + start)],
                        }
                    }
                    // (`<div/>` opens a box too: HTML ignores the slash.)
                    if BOXES.contains(&name.as_str()) {
                        open.push((name, from + start));
                    }
                }
                Token::End(name) => {
                    let name = name.to_ascii_lowercase();
                    if let Some(i) = open.iter().rposition(|(n, _)| *n == name) {
                        open.truncate(i);
                    }
                }
                Token::Text(_) => {}
            }
            start = t.position();
        }
        match resume {
            Some(r) => from = r,
            None => break,
        }
    }
    open.first()
        .map(|(name, byte)| at(box_warning(file, name), *byte))
        .into_iter()
        .collect()
}

fn raw_error(file: &Path, name: &str, seen: &str) -> Diagnostic {
    Diagnostic::error(
        file,
        format!("the `<{name}>` opened here is never closed with `</{name}>`: a browser {seen}, to the end of the page"),
    )
    .hint(format!("end it with `</{name}>` where it ends (a pasted snippet may have lost its last line), or remove it"))
}

fn box_warning(file: &Path, name: &str) -> Diagnostic {
    let inside = match name {
        "details" => "everything after it on the page folds under its summary",
        _ => "everything after it on the page goes inside it",
    };
    Diagnostic::warning(
        file,
        format!("the `<{name}>` opened here is never closed with `</{name}>`: {inside}"),
    )
    .hint(format!(
        "end it with `</{name}>` after the last thing it should hold"
    ))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn found(html: &str) -> Vec<(String, usize)> {
        left_open(Path::new("p.md"), html, |d, byte| d.at(1, byte + 1))
            .into_iter()
            .map(|d| {
                (
                    d.message.split(':').next().unwrap().to_string(),
                    d.column - 1,
                )
            })
            .collect()
    }

    #[test]
    fn an_element_left_open_is_found_at_its_start_tag() {
        assert!(
            found("<script>a()</script>\n<details><summary>x</summary>\n</details>").is_empty()
        );
        assert_eq!(
            found("<p>hi</p>\n<script>\nconsole.log(1)\n"),
            [(
                "the `<script>` opened here is never closed with `</script>`".into(),
                10
            )]
        );
        assert_eq!(
            found("<STYLE>p{}</STYLE>\n<Details><summary>Prices</summary>\n"),
            [(
                "the `<details>` opened here is never closed with `</details>`".into(),
                19
            )]
        );
        // A `<div>` closed in a later piece of HTML is closed.
        assert!(found("<div class=a>\n</div>\n").is_empty());
        // Text inside a script holds no tags; what follows it is read.
        assert!(found("<script>if (a<div) {}</script>\n<div>\n</div>").is_empty());
        assert_eq!(found("<script>x</script><div>\n").len(), 1);
        // Elements a browser closes by itself are not boxes here.
        assert!(found("<p>one\n<li>two\n").is_empty());
    }

    #[test]
    fn only_names_of_such_elements_need_the_page_read_again() {
        assert!(may_open("text <Script src=x>"));
        assert!(may_open("<details>"));
        assert!(!may_open(
            "see <https://example.org> and <b>bold</b> or <divider>"
        ));
    }
}
