//! A text in YAML wrapped in curly quotes (`ask: “What happens?”`, `models:
//! [“Who else?”]`), as a word processor or a phone types them. YAML quotes a
//! text only with straight quotes, so the curly ones become part of it and
//! the page shows them, where every other text has none. Warned about at the
//! opening mark; a quotation inside a text (`say: I heard “never” twice`) is
//! not wrapped, and is left alone.

use crate::diagnostic::Diagnostic;
use crate::load::yaml::curly::wrapped_values;
use std::path::Path;

/// Warnings for the values on YAML `line` (number `n`) that are wrapped
/// whole in curly quotes.
pub(super) fn wrapped(path: &Path, n: usize, line: &str) -> Vec<Diagnostic> {
    wrapped_values(line)
        .into_iter()
        .map(|w| {
            let (open, shut, inside) = (w.open, w.close, w.inside);
            Diagnostic::warning(
                path,
                format!("this text is wrapped in curly quotes ({open}…{shut}), which the page shows as part of it"),
            )
            .at(n, line[..w.start].chars().count() + 1)
            .hint(format!(
                "YAML quotes a text only with straight quotes: write \"{inside}\", or the text alone; curly quotes belong inside a text, around a quotation"
            ))
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::wrapped;
    use std::path::Path;

    fn columns(line: &str) -> Vec<usize> {
        wrapped(Path::new("s.yaml"), 4, line)
            .iter()
            .map(|d| d.column)
            .collect()
    }

    #[test]
    fn a_text_wrapped_in_curly_quotes_is_warned_about_at_its_opening_mark() {
        assert_eq!(
            columns("      - { by: m1, ask: “What happens on a shift?” }"),
            [24]
        );
        assert_eq!(columns("models: [“Who else?”, “What if?”]"), [10, 23]);
        assert_eq!(columns("title: „Pytania otwarte”"), [8]);
        assert_eq!(columns("  - ‘Listen first’ # a note"), [5]);
        let d = &wrapped(Path::new("s.yaml"), 4, "ask: “Why?”")[0];
        assert!(
            d.hint.as_deref().unwrap().contains("write \"Why?\""),
            "{:?}",
            d.hint
        );
    }

    #[test]
    fn a_quotation_inside_a_text_is_left_alone() {
        // After a comma in a plain text, at its end: a quotation.
        assert!(columns("problem: Half the nurses said, “paper is quicker”").is_empty());
        assert!(columns("answer: The charge nurse says, “I’ll type it in later”").is_empty());
        assert!(columns("note: Zapytała, „Dlaczego teraz?”").is_empty());
        assert!(columns("answer: Well, ‘maybe’").is_empty());
        assert!(columns("- Well, “maybe”").is_empty());
        assert!(columns("say: It went well - “mostly”").is_empty());
        assert!(columns("say: \"A [note], “quoted”\"").is_empty());
        assert!(columns("say: I heard “never” twice.").is_empty());
        assert!(columns("title: “Never” is a strong word").is_empty());
        assert!(columns("ask: \"What does “soon” mean?\"").is_empty());
        assert!(columns("# ask: “Why?”").is_empty());
    }
}
