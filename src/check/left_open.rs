//! What is opened in a page's text and never closed.
//!
//! An HTML comment that is never closed: `<!-- TODO rewrite this` with no
//! `-->` after it. A browser hides everything after it, to the end of the
//! page: the rest of a free page and its footer, a session's turns after
//! its summary, and in a handout or facilitator guide every later module.
//! The page builds all the same, so the trainer learns of it from a
//! participant. Each is an error at its `<!--`: in a Markdown page's text
//! before anything renders, and on any built page whose HTML holds one
//! (from a YAML file's Markdown field, a session's summary or a practice
//! item's explanation, or a module's facilitator notes), found again in
//! the file that wrote it. A `<!--` that reaches no page as HTML (in a YAML
//! comment, in code, in a text shown as text) passes.
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
        || super::open_elements::may_open(text)
}

/// Errors for every Markdown page of `site` that opens an HTML comment in
/// its text and never closes it; warnings for code blocks left open.
pub(super) fn check_left_open(site: &Site) -> Vec<Diagnostic> {
    super::spaced_links::markdown_texts(site)
        .filter(|(_, text)| may_be_left_open(text))
        .flat_map(|(file, text)| in_markdown(file, text))
        .collect()
}

/// The opening of the first comment a built page's HTML leaves open (its
/// line, at most 40 characters), if any.
pub fn in_html(html: &str) -> Option<Box<str>> {
    let at = unclosed(html)?;
    Some(opening(&html[at..]).0.into())
}

/// The start of a comment's line, from its `<!--` (`rest`): at most 40
/// characters, and whether the line goes on past them.
fn opening(rest: &str) -> (String, bool) {
    let line = rest[..rest.find('\n').unwrap_or(rest.len())].trim_end();
    let shown: String = line.chars().take(40).collect();
    let more = shown.len() < line.len();
    (shown, more)
}

/// The error for a built page that leaves a comment open (`opened`, as
/// [`in_html`] gives it): at the comment in the file that made the page,
/// or in one whose text the page shows (a workshop's modules).
pub(super) fn on_page(
    page: &super::PageLinks,
    opened: &str,
    sources: super::Sources,
) -> Diagnostic {
    let Some(source) = page.source.as_deref() else {
        return Diagnostic::error(&page.path, format!("the HTML comment `{opened}` is not closed with `-->`: a browser hides everything after it"));
    };
    let files = std::iter::once(source.to_path_buf()).chain((sources.parts)(source));
    for file in files {
        let Some(text) = (sources.texts)(&file) else {
            continue;
        };
        let found = memmem::find(text.as_bytes(), opened.as_bytes())
            .filter(|&at| unclosed(&text[at..]) == Some(0))
            .or_else(|| unclosed(&text));
        if let Some(at) = found {
            return error(&file, &text, at, Some(&page.path));
        }
    }
    Diagnostic::error(
        source,
        format!("page {} leaves the HTML comment `{opened}` open (no `-->` after it): a browser hides everything after it", page.path),
    )
    .hint("end the comment with `-->` where the note ends, or remove the `<!--`")
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
        // `<!-->` and `<!--->` are whole, empty comments.
        if rest.starts_with(b">") || rest.starts_with(b"->") {
            from = open + OPEN.len();
            continue;
        }
        match (close, next) {
            (Some(c), Some(n)) if c < n => from = open + OPEN.len() + c + CLOSE.len(),
            (Some(c), None) => from = open + OPEN.len() + c + CLOSE.len(),
            _ => return Some(open),
        }
    }
    None
}

/// A Markdown file's body, where only raw HTML opens a comment (its
/// front matter's Markdown fields are found on the pages they go to).
fn in_markdown(file: &Path, text: &str) -> Vec<Diagnostic> {
    let body_start = match crate::load::frontmatter::split(text) {
        Ok(split) => split.body.as_ptr() as usize - text.as_ptr() as usize,
        Err(_) => return Vec::new(),
    };
    let body = &text[body_start..];
    let mut found = Vec::new();
    let raw = super::open_elements::RawHtml::of(body, |span| {
        if let Some(fence) = unclosed_fence(&body[span.clone()]) {
            found.push(fence_warning(file, text, body_start + span.start, fence));
        }
    });
    let html = &raw.html;
    // A byte of `html` as a byte of the file.
    let in_file = |at: usize| body_start + raw.source_byte(at);
    if let Some(at) = unclosed(html) {
        found.push(error(file, text, in_file(at), None));
    }
    found.extend(super::open_elements::left_open(file, html, |d, at| {
        let (line, column) = crate::diagnostic::line_col(text, in_file(at));
        d.at(line, column)
    }));
    found
}

/// The opening fence of the fenced code block `block` (its Markdown, from
/// the fence on) when no closing fence ends it.
fn unclosed_fence(block: &str) -> Option<&str> {
    let first = block.lines().next()?.trim_start();
    let mark = first.chars().next().filter(|c| *c == '`' || *c == '~')?;
    let fence = &first[..first.len() - first.trim_start_matches(mark).len()];
    // Inside a quote each line starts with `>`: the fence is after it.
    let last = block.lines().skip(1).last().map(|l| {
        l.trim_start_matches(|c: char| c == '>' || c.is_whitespace())
            .trim_end()
    });
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
        format!("the code block that starts here with {line_of} is never closed: everything after it shows as code, headings and all (to the end of the page, or of the list item or quote it is in)"),
    )
    .at(line, column)
    .hint(format!("end it with {line_of} ({fence}) where the code ends"))
}

/// Whether `file` is a workshop's module, whose text its handout and
/// guide hold with the other modules'.
fn is_module(file: &Path) -> bool {
    file.starts_with("content/workshops") && file.extension().is_some_and(|e| e == "md")
}

/// The error for the comment opened at byte `at` of `text`, the file's
/// text; `page`: the built page found to hide what follows it.
fn error(file: &Path, text: &str, at: usize, page: Option<&str>) -> Diagnostic {
    let (line, column) = crate::diagnostic::line_col(text, at);
    let rest = &text[at..];
    let (opened, more) = opening(rest);
    let more = if more { " …" } else { "" };
    let next = memmem::find(&rest.as_bytes()[OPEN.len()..], OPEN.as_bytes());
    let (until, hidden) = match (next, page) {
        (Some(n), _) => {
            let (next_line, _) = crate::diagnostic::line_col(text, at + OPEN.len() + n);
            (
                format!("before the next `<!--`, on line {next_line}"),
                "everything up to the next comment's end is hidden from readers".to_string(),
            )
        }
        (None, Some(page)) => (
            "anywhere after it".to_string(),
            format!("a browser hides everything after it to the end of the page ({page})"),
        ),
        (None, None) if is_module(file) => (
            "anywhere after it".to_string(),
            "a browser hides everything after it, on this module's page and in the workshop's handout and facilitator guide, where every later module goes with it".to_string(),
        ),
        (None, None) => (
            "anywhere after it".to_string(),
            "a browser hides everything after it to the end of the page".to_string(),
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
        assert_eq!(unclosed("<!--> a <!---> b"), None);
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
        let closed = "---\ntitle: A\n---\n\n````md\n```\ninner\n```\n````\n\n~~~\nx\n~~~\n\n> ```\n> ask\n> ```\n";
        assert!(
            in_markdown(file, closed).is_empty(),
            "{:?}",
            in_markdown(file, closed)
        );
    }
}
