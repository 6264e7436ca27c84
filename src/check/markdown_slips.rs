//! Two Markdown slips that show on the page as something else, without a
//! word from Markdown itself:
//! - a heading whose `#` signs have no space after them (`##Our team`),
//!   which is a paragraph that starts with `##`;
//! - a paragraph indented by four spaces or more (pasted from an e-mail),
//!   which is a block of code: a grey box in a typewriter's letters.
//!
//! Each is a warning at its place. Code meant as code (its lines hold signs
//! such as `{`, `;`, `=` or `()`, or few words) is left alone.

use crate::diagnostic::Diagnostic;
use pulldown_cmark::{CodeBlockKind, Event, Parser, Tag};
use std::path::Path;

/// Whether `text` may hold either slip: cheap, so other pages' text need
/// not be kept for this check.
pub fn may_have_slip(text: &str) -> bool {
    // Only lines starting with `#` or four spaces are looked at (the
    // loader asks this of every page).
    let bytes = text.as_bytes();
    let hashed = std::iter::once(0).chain(memchr::memmem::find_iter(bytes, b"\n#").map(|i| i + 1));
    let indented = text.starts_with("    ") || memchr::memmem::find(bytes, b"\n    ").is_some();
    indented
        || hashed
            .into_iter()
            .any(|at| hash_heading(&text[at..]).is_some())
}

pub(super) fn check_markdown_slips(site: &crate::model::Site) -> Vec<Diagnostic> {
    super::spaced_links::markdown_texts(site)
        .filter(|(_, text)| may_have_slip(text))
        .flat_map(|(file, text)| {
            super::spaced_links::placed_in_body(text, |body| in_body(file, body))
        })
        .collect()
}

/// The `##` of a line like `##Our team`: 2 to 6 `#` signs, then a letter.
/// (One `#` before a word is a hashtag as often: `#MeToo`.)
fn hash_heading(line: &str) -> Option<&str> {
    let hashes = line.len() - line.trim_start_matches('#').len();
    let next = line[hashes..].chars().next()?;
    ((2..=6).contains(&hashes) && next.is_alphabetic()).then(|| &line[..hashes])
}

fn in_body(file: &Path, body: &str) -> Vec<(usize, Diagnostic)> {
    let mut found = Vec::new();
    let parser = Parser::new_ext(body, crate::render::markdown::options());
    let mut in_paragraph_start = false;
    for (event, span) in parser.into_offset_iter() {
        match event {
            Event::Start(Tag::Paragraph) => in_paragraph_start = true,
            Event::Text(_) if in_paragraph_start => {
                in_paragraph_start = false;
                let line = &body[span.start..];
                let line = &line[..line.find('\n').unwrap_or(line.len())];
                if let Some(hashes) = hash_heading(line) {
                    let rest = &line[hashes.len()..];
                    found.push((span.start, Diagnostic::warning(
                        file,
                        format!("this line shows as text that starts with `{hashes}`, not as a heading: Markdown needs a space after the `#` signs"),
                    )
                    .hint(format!("write `{hashes} {rest}`"))));
                }
            }
            Event::Start(Tag::CodeBlock(CodeBlockKind::Indented)) => {
                let block = &body[span.clone()];
                if looks_like_prose(block) {
                    let at = span.start + (block.len() - block.trim_start().len());
                    found.push((at, Diagnostic::warning(
                        file,
                        "these lines are indented by four spaces or more, so they show as code (a grey box in a typewriter's letters), not as a paragraph",
                    )
                    .hint("remove the spaces at the start of the lines; if it is code, fence it with a line of ``` above and below")));
                }
            }
            _ => in_paragraph_start = false,
        }
    }
    found
}

/// Whether an indented block reads as sentences: enough words, the last
/// ending as a sentence does, and none of the signs code and commands are
/// written with (`alsite build --root my-site` is a command).
fn looks_like_prose(block: &str) -> bool {
    let text = block.trim();
    let words = text.split_whitespace().count();
    let code = text.contains(['{', '}', ';', '=', '<', '>', '$', '(', '[', '|', '`', '\\'])
        || text.contains(" -");
    let sentence = text.ends_with(['.', '!', '?', '…']);
    words >= 6 && sentence && !code
}

#[cfg(test)]
mod tests {
    use super::*;

    fn found(body: &str) -> Vec<(usize, String)> {
        in_body(Path::new("p.md"), body)
            .into_iter()
            .map(|(at, d)| (at, d.hint.unwrap()))
            .collect()
    }

    #[test]
    fn a_heading_without_its_space_and_a_paragraph_indented_as_code_are_found() {
        assert_eq!(
            found("Intro.\n\n##Our team\n\nText.\n"),
            [(8, "write `## Our team`".to_string())]
        );
        let mail = "Hello.\n\n    Thank you for the session last week, it was a real help.\n    Best wishes.\n";
        assert_eq!(found(mail).len(), 1);
        assert_eq!(found(mail)[0].0, 12);
    }

    #[test]
    fn only_a_page_with_a_slip_needs_its_text_kept() {
        assert!(may_have_slip("##Team\n"));
        assert!(may_have_slip("Intro.\r\n\r\n###Team\r\n"));
        assert!(may_have_slip("Intro.\n\n    pasted mail\n"));
        assert!(!may_have_slip(
            "## Team\n\nText with #hashtag and ##.\n  - item\n"
        ));
    }

    #[test]
    fn headings_code_and_tags_pass() {
        for body in [
            "## Our team\n",
            "#hashtag and more\n",
            "#MeToo and #BlackLivesMatter came up in the session.\n",
            "    alsite build --root my-site --out public\n",
            "    brew install alsite\n    cd my-training-site\n    alsite serve\n",
            "####### seven\n",
            "    let x = 1;\n    call(x);\n",
            "    short code\n",
            "- item\n\n    more of the item, which is a paragraph in the list item here\n",
            "```\n##not a heading in code\n```\n",
        ] {
            assert!(found(body).is_empty(), "{body}");
        }
    }
}
