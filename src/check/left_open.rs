//! What is opened in a page's text and never closed.
//!
//! An HTML comment that is never closed: `<!-- TODO rewrite this` with no
//! `-->` after it. A browser hides everything after it, to the end of the
//! page: the rest of a free page and its footer, a session's turns after
//! its summary, and in a handout or facilitator guide every later module.
//! The page builds all the same, so the trainer learns of it from a
//! participant. Each is an error at its `<!--`, in a Markdown page's front
//! matter or text, or in a YAML file (whose Markdown fields, a session's
//! summary or a practice item's explanation, go into pages as they are).
//! A comment closed only by a later one's `-->` (`<!-- a` … `<!-- b -->`)
//! hides all between: it is an error too. In Markdown, `<!--` in code is
//! text, not a comment, and passes.
//!
//! A fenced code block in Markdown that is never closed (a line of three
//! backticks with no closing one) shows the rest of the page as code: its
//! headings and their anchors are gone. That one can be seen on the page:
//! a warning at the opening fence.

use crate::diagnostic::Diagnostic;
use crate::model::Site;
use memchr::memmem;
use pulldown_cmark::{CodeBlockKind, Event, Parser, Tag};
use std::path::Path;

const OPEN: &str = "<!--";
const CLOSE: &str = "-->";

/// Whether `text` may hold a comment or a code block left open: cheap,
/// for the loader to keep a free page's text for this check.
pub fn may_be_left_open(text: &str) -> bool {
    let bytes = text.as_bytes();
    unclosed(text).is_some()
        || memmem::find(bytes, b"```").is_some()
        || memmem::find(bytes, b"~~~").is_some()
}

/// Errors for every Markdown and YAML file of `site` that opens an HTML
/// comment and never closes it; warnings for code blocks left open.
pub(super) fn check_left_open(site: &Site) -> Vec<Diagnostic> {
    let markdown = super::spaced_links::markdown_texts(site).flat_map(|(file, text)| {
        if !may_be_left_open(text) {
            return Vec::new();
        }
        in_markdown(file, text)
    });
    let yaml = site.texts.iter().filter_map(|(file, text)| {
        let is_yaml = file.extension().is_some_and(|e| e == "yaml" || e == "yml");
        let at = unclosed(text).filter(|_| is_yaml)?;
        Some(error(file, text, at))
    });
    markdown.chain(yaml).collect()
}

/// The byte of the first `<!--` in `text` that no `-->` closes before the
/// next `<!--` or the end.
fn unclosed(text: &str) -> Option<usize> {
    let bytes = text.as_bytes();
    let mut from = 0;
    while let Some(i) = memmem::find(&bytes[from..], OPEN.as_bytes()) {
        let open = from + i;
        let rest = &bytes[open + OPEN.len()..];
        let close = memmem::find(rest, CLOSE.as_bytes());
        let next = memmem::find(rest, OPEN.as_bytes());
        match (close, next) {
            (Some(c), Some(n)) if c < n => from = open + OPEN.len() + c + CLOSE.len(),
            (Some(c), None) => from = open + OPEN.len() + c + CLOSE.len(),
            _ => return Some(open),
        }
    }
    None
}

/// A Markdown file: its front matter is read as text (its fields are
/// Markdown or plain), its body as Markdown, where only raw HTML opens a
/// comment.
fn in_markdown(file: &Path, text: &str) -> Vec<Diagnostic> {
    let body_start = match crate::load::frontmatter::split(text) {
        Ok(split) => split.body.as_ptr() as usize - text.as_ptr() as usize,
        Err(_) => return Vec::new(),
    };
    if let Some(at) = unclosed(&text[..body_start]) {
        return vec![error(file, text, at)];
    }
    let body = &text[body_start..];
    // The raw HTML of the body, in order, each piece with where it starts.
    let mut html = String::new();
    let mut starts: Vec<(usize, usize)> = Vec::new();
    let mut found = Vec::new();
    let parser = Parser::new_ext(body, crate::render::markdown::options());
    for (event, span) in parser.into_offset_iter() {
        let piece = match event {
            Event::Start(Tag::HtmlBlock) | Event::InlineHtml(_) => &body[span.clone()],
            Event::Start(Tag::CodeBlock(CodeBlockKind::Fenced(_))) => {
                if let Some(fence) = unclosed_fence(&body[span.clone()]) {
                    found.push(fence_warning(file, text, body_start + span.start, fence));
                }
                continue;
            }
            _ => continue,
        };
        starts.push((html.len(), span.start));
        html.push_str(piece);
        html.push('\n');
    }
    if let Some(at) = unclosed(&html) {
        let piece = starts.partition_point(|&(h, _)| h <= at) - 1;
        let (h, b) = starts[piece];
        found.push(error(file, text, body_start + b + (at - h)));
    }
    found
}

/// The opening fence of the fenced code block `block` (its Markdown, from
/// the fence on) when no closing fence ends it.
fn unclosed_fence(block: &str) -> Option<&str> {
    let first = block.lines().next()?.trim_start();
    let mark = first.chars().next().filter(|c| *c == '`' || *c == '~')?;
    let fence = &first[..first.len() - first.trim_start_matches(mark).len()];
    let last = block.lines().skip(1).last().map(str::trim);
    let closed = last.is_some_and(|l| l.len() >= fence.len() && l.chars().all(|c| c == mark));
    (!closed).then_some(fence)
}

fn fence_warning(file: &Path, text: &str, at: usize, fence: &str) -> Diagnostic {
    let (line, column) = crate::diagnostic::line_col(text, at);
    let at_text = &text[at..];
    let column = column + (at_text.len() - at_text.trim_start().len());
    let marks = if fence.starts_with('`') {
        "backticks"
    } else {
        "tildes"
    };
    let line_of = format!("a line of {} {marks}", fence.len());
    Diagnostic::warning(
        file,
        format!("the code block that starts here with {line_of} is never closed: everything after it shows as code, headings and all"),
    )
    .at(line, column)
    .hint(format!("end it with {line_of} ({fence}) where the code ends"))
}

/// Whether `file` is a workshop's module, whose text its handout and
/// guide hold with the other modules'.
fn is_module(file: &Path) -> bool {
    file.starts_with("content/workshops") && file.extension().is_some_and(|e| e == "md")
}

/// The error for the comment opened at byte `at` of `text`, the file's text.
fn error(file: &Path, text: &str, at: usize) -> Diagnostic {
    let (line, column) = crate::diagnostic::line_col(text, at);
    let rest = &text[at..];
    let line_end = rest.find('\n').unwrap_or(rest.len());
    let opened: String = rest[..line_end].trim_end().chars().take(40).collect();
    let more = if opened.len() < rest[..line_end].trim_end().len() {
        " …"
    } else {
        ""
    };
    let next = memmem::find(&rest.as_bytes()[OPEN.len()..], OPEN.as_bytes());
    let (until, hidden) = match next {
        Some(n) => {
            let (next_line, _) = crate::diagnostic::line_col(text, at + OPEN.len() + n);
            (
                format!("before the next `<!--`, on line {next_line}"),
                "everything up to the next comment's end is hidden from readers",
            )
        }
        None if is_module(file) => (
            "anywhere after it".to_string(),
            "a browser hides everything after it, on this module's page and in the workshop's handout and facilitator guide, where every later module goes with it",
        ),
        None => (
            "anywhere after it".to_string(),
            "a browser hides everything after it to the end of the page",
        ),
    };
    Diagnostic::error(
        file,
        format!("the HTML comment `{opened}{more}` is not closed with `-->` {until}: {hidden}"),
    )
    .at(line, column)
    .hint("end the comment with `-->` where the note ends (on the same line or a later one), or remove the `<!--`")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_comment_is_open_until_a_close_before_the_next_open() {
        assert_eq!(unclosed("a <!-- b --> c"), None);
        assert_eq!(unclosed("a <!-- b"), Some(2));
        assert_eq!(unclosed("<!-- a --> <!-- b"), Some(11));
        assert_eq!(unclosed("<!-- a <!-- b -->"), Some(0));
        assert_eq!(unclosed("-->"), None);
    }

    #[test]
    fn in_markdown_only_raw_html_opens_a_comment() {
        let file = Path::new("content/pages/a.md");
        let code = "---\ntitle: A\n---\n\nWrite `<!--` to start a note.\n\n```\n<!-- shown\n```\n";
        assert!(in_markdown(file, code).is_empty());
        let open = "---\ntitle: A\n---\n\nText.\n\n<!-- TODO rewrite this\n\n## Later\n";
        let found = in_markdown(file, open);
        assert_eq!(found.len(), 1);
        assert_eq!((found[0].line, found[0].column), (7, 1));
        assert!(
            found[0].message.contains("`<!-- TODO rewrite this`"),
            "{}",
            found[0].message
        );
        let closed = "---\ntitle: A\n---\n\n<!-- note\nover lines -->\n\nText.\n";
        assert!(in_markdown(file, closed).is_empty());
    }

    #[test]
    fn a_code_block_never_closed_is_warned_at_its_fence() {
        let file = Path::new("content/pages/a.md");
        let open = "---\ntitle: A\n---\n\nText.\n\n  ```\nexample\n\n## How we work\n";
        let found = in_markdown(file, open);
        assert_eq!(found.len(), 1);
        assert_eq!((found[0].line, found[0].column), (7, 3));
        let closed = "---\ntitle: A\n---\n\n````md\n```\ninner\n```\n````\n\n~~~\nx\n~~~\n";
        assert!(
            in_markdown(file, closed).is_empty(),
            "{:?}",
            in_markdown(file, closed)
        );
    }
}
