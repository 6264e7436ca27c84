//! A text in YAML wrapped in curly quotes (`ask: “What happens?”`, `models:
//! [“Who else?”]`), as a word processor or a phone types them. YAML quotes a
//! text only with straight quotes, so the curly ones become part of it and
//! the page shows them, where every other text has none. Warned about at the
//! opening mark; a quotation inside a text (`say: I heard “never” twice`) is
//! not wrapped, and is left alone.

use crate::diagnostic::Diagnostic;
use std::path::Path;

/// Opening marks and the marks that close them (English, Polish, German,
/// French).
const PAIRS: &[(char, &str)] = &[('“', "”"), ('‘', "’"), ('„', "”“"), ('«', "»"), ('‚', "’‘")];

/// Warnings for the values on YAML `line` (number `n`) that are wrapped
/// whole in curly quotes.
pub(super) fn wrapped(path: &Path, n: usize, line: &str) -> Vec<Diagnostic> {
    let mut out = Vec::new();
    if line.trim_start().starts_with('#') {
        return out;
    }
    for (at, open) in line.char_indices() {
        let Some((_, closes)) = PAIRS.iter().find(|(o, _)| *o == open) else {
            continue;
        };
        let depth = flow_depth(&line[..at]);
        if !starts_value(&line[..at], depth) {
            continue;
        }
        let rest = &line[at + open.len_utf8()..];
        let close = rest
            .char_indices()
            .find(|&(i, c)| closes.contains(c) && ends_value(&rest[i + c.len_utf8()..], depth));
        if let Some((end, shut)) = close {
            let inside = &rest[..end];
            let column = line[..at].chars().count() + 1;
            out.push(
                Diagnostic::warning(
                    path,
                    format!("this text is wrapped in curly quotes ({open}…{shut}), which the page shows as part of it"),
                )
                .at(n, column)
                .hint(format!(
                    "YAML quotes a text only with straight quotes: write \"{inside}\", or the text alone; curly quotes belong inside a text, around a quotation"
                )),
            );
        }
    }
    out
}

/// How deep in brackets or braces (`[…]`, `{…}`) the end of `before` is,
/// outside straight quotes: inside one, a comma starts a new entry; in a
/// plain text it is a comma.
fn flow_depth(before: &str) -> usize {
    let (mut depth, mut quote) = (0usize, None);
    for c in before.chars() {
        match (quote, c) {
            (Some(q), c) if c == q => quote = None,
            (Some(_), _) => {}
            (None, '"' | '\'') => quote = Some(c),
            (None, '[' | '{') => depth += 1,
            (None, ']' | '}') => depth = depth.saturating_sub(1),
            _ => {}
        }
    }
    depth
}

/// Whether a value starts after `before` (at bracket depth `depth`): a
/// `key:`, a list's `- ` at the start of its line, or an entry of a list or
/// map in brackets.
fn starts_value(before: &str, depth: usize) -> bool {
    let b = before.trim_end();
    let list_item = !b.is_empty() && b.chars().all(|c| c == '-' || c == ' ');
    b.ends_with(':')
        || list_item
        || (depth > 0 && (b.ends_with('[') || b.ends_with('{') || b.ends_with(',')))
}

/// Whether a value ends before `after`: the line's end, a comment, or (in
/// brackets) the next entry or the bracket's end.
fn ends_value(after: &str, depth: usize) -> bool {
    let a = after.trim_start();
    a.is_empty()
        || a.starts_with('#') && after.starts_with([' ', '\t'])
        || (depth > 0 && a.starts_with([',', ']', '}']))
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
