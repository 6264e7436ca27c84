//! A reference link whose reference no line defines, `[the rules][rules]`
//! or `[the rules][]` with no `[rules]: …` in the file: Markdown reads it
//! as plain text, so the page shows the brackets as written and nothing
//! leads anywhere. Warned about at its `[`. (A lone `[word]` is left alone:
//! text in brackets is common and means no link.)

use crate::diagnostic::Diagnostic;
use pulldown_cmark::{LinkType, Parser};
use std::path::Path;

/// Whether `text` may hold a reference link: cheap, for the loader to keep
/// such a free page's text for this check. Every link the check warns
/// about has a `][`.
pub fn may_have_reference_link(text: &str) -> bool {
    memchr::memmem::find(text.as_bytes(), b"][").is_some()
}

/// Warnings for the Markdown pages of `site` that show a reference link
/// as plain text.
pub(super) fn check_reference_links(site: &crate::model::Site) -> Vec<Diagnostic> {
    super::spaced_links::markdown_texts(site)
        .flat_map(|(file, text)| undefined_references(file, text))
        .collect()
}

/// The warnings for one Markdown file's text.
fn undefined_references(file: &Path, text: &str) -> Vec<Diagnostic> {
    if !may_have_reference_link(text) {
        return Vec::new();
    }
    super::spaced_links::placed_in_body(text, |body| undefined_in(file, body))
}

/// The warnings for the body of one Markdown file, each with its byte.
fn undefined_in(file: &Path, body: &str) -> Vec<(usize, Diagnostic)> {
    let mut found = Vec::new();
    let mut note = |link: pulldown_cmark::BrokenLink| {
        if matches!(link.link_type, LinkType::Reference | LinkType::Collapsed) {
            found.push((link.span, link.reference.to_string()));
        }
        None
    };
    let options = crate::render::markdown::options();
    Parser::new_with_broken_link_callback(body, options, Some(&mut note)).for_each(drop);
    found.sort_by_key(|(span, _)| span.start);
    found.dedup_by_key(|(span, _)| span.start);
    found.retain(|(span, _)| meant_as_link(body, span.start, &body[span.clone()]));
    found
        .into_iter()
        .map(|(span, reference)| {
            let at = span.start;
            let written = &body[span];
            let one_line = written.lines().collect::<Vec<_>>().join(" ");
            let reference = reference.split_whitespace().collect::<Vec<_>>().join(" ");
            let warning = Diagnostic::warning(
                file,
                format!("`{one_line}` is not a link: no line of this file says where `[{reference}]` leads, so the page shows it as written"),
            )
            .hint(format!(
                "add a line `[{reference}]: …` anywhere in this file, with the page or file it leads to, or write that address in the link: `{}(…)`",
                words_of(written)
            ));
            (at, warning)
        })
        .collect()
}

/// Whether brackets `written` at `at` in `body` may be meant as a link:
/// not when a bracket is escaped (`[a]\[b]`, written to show the brackets)
/// nor when the `[` follows a letter or digit with no space, as an index
/// does (`tablica[0][1]`, `a[i][j]`), which no one writes for a link.
fn meant_as_link(body: &str, at: usize, written: &str) -> bool {
    let index = body[..at]
        .chars()
        .next_back()
        .is_some_and(char::is_alphanumeric);
    !index && !written.contains("]\\[")
}

/// The `[words]` (or `![words]`) of a reference link as written.
fn words_of(written: &str) -> String {
    let end = written.rfind("][").map_or(written.len(), |at| at + 1);
    written[..end].lines().collect::<Vec<_>>().join(" ")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn warned(text: &str) -> Vec<(usize, usize, String)> {
        undefined_references(Path::new("p.md"), text)
            .into_iter()
            .map(|d| (d.line, d.column, d.message))
            .collect()
    }

    #[test]
    fn a_reference_with_no_definition_is_warned_at_its_bracket() {
        let text = "---\ntitle: A\n---\n\nRead [the rules][rules] and [the team][].\n";
        let got = warned(text);
        assert_eq!(got.len(), 2, "{got:?}");
        assert_eq!((got[0].0, got[0].1), (5, 6));
        assert!(
            got[0].2.starts_with("`[the rules][rules]` is not a link"),
            "{got:?}"
        );
        assert!(got[0].2.contains("`[rules]`"));
        assert_eq!((got[1].0, got[1].1), (5, 29));
        assert!(got[1].2.contains("`[the team]`"), "{got:?}");
    }

    #[test]
    fn defined_references_code_and_plain_brackets_are_left_alone() {
        let text = "Read [the rules][Rules], [rules][] and [rules].\n\n\
                    [rules]: ground-rules.md\n\n\
                    `[a][b]` in code, [sic] in text, a footnote[^1].\n\n\
                    ```\n[x][y]\n```\n\n[^1]: A note.\n";
        assert_eq!(warned(text), Vec::new());
    }

    #[test]
    fn escaped_brackets_and_indexes_are_left_alone() {
        // Both show as written, as their authors meant.
        let text = "Brackets [a]\\[b] shown, tablica[0][1], macierz[i][j], zażółć[x][y].\n";
        assert_eq!(warned(text), Vec::new());
        let got = warned("Read ([the rules][rules]) and „[the team][]”.\n");
        assert_eq!(got.len(), 2, "{got:?}");
    }

    #[test]
    fn an_image_by_reference_is_warned_too() {
        let got = warned("![plan][plan-image]\n");
        assert_eq!(got.len(), 1, "{got:?}");
        assert_eq!((got[0].0, got[0].1), (1, 1));
        assert!(got[0].2.starts_with("`![plan][plan-image]`"), "{got:?}");
    }
}
