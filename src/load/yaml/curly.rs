//! Texts in YAML wrapped in curly quotes (`ask: “What happens?”`, `title:
//! „Pytania otwarte”`), as a word processor or a phone types them. YAML
//! quotes a text only with straight quotes, so to YAML the curly ones are
//! letters of a plain text: the page shows them, and a `: ` inside, or a
//! comma inside `{…}` or `[…]`, means to YAML what it means in any plain
//! text (a key, the next entry), which the writer took to be quoted.

use super::quoting::quoted;

/// Opening marks and the marks that close them (English, Polish, German,
/// French).
const PAIRS: &[(char, &str)] = &[('“', "”"), ('‘', "’"), ('„', "”“"), ('«', "»"), ('‚', "’‘")];

/// Every curly quote mark, opening or closing.
pub(super) const CURLY_MARKS: [char; 8] = ['“', '”', '„', '‘', '’', '‚', '«', '»'];

/// A value wrapped whole in curly quotes on one line.
#[derive(Debug, PartialEq)]
pub struct Wrapped<'a> {
    /// Byte offsets of the opening mark and just past the closing one.
    pub start: usize,
    pub end: usize,
    pub open: char,
    pub close: char,
    /// The text between the marks.
    pub inside: &'a str,
    /// Whether it stands inside brackets or braces (`[…]`, `{…}`).
    pub in_brackets: bool,
}

/// The values on a YAML `line` that are wrapped whole in curly quotes; a
/// quotation inside a text (`say: I heard “never” twice`) is not one.
pub fn wrapped_values(line: &str) -> Vec<Wrapped<'_>> {
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
        let from = at + open.len_utf8();
        let rest = &line[from..];
        let close = rest
            .char_indices()
            .find(|&(i, c)| closes.contains(c) && ends_value(&rest[i + c.len_utf8()..], depth));
        if let Some((end, close)) = close {
            out.push(Wrapped {
                start: at,
                end: from + end + close.len_utf8(),
                open,
                close,
                inside: &rest[..end],
                in_brackets: depth > 0,
            });
        }
    }
    out
}

/// On line `line` (1-based) of `text`, a text wrapped in curly quotes that
/// YAML cannot have read as one: a `: ` inside it, or a comma inside
/// brackets or braces. Its column (1-based, in characters), the message,
/// and the hint with the line written back in straight quotes.
pub fn misread(text: &str, line: usize) -> Option<(usize, String, String)> {
    let source = super::source_line(text, line)?;
    let w = wrapped_values(source)
        .into_iter()
        .find(|w| w.inside.contains(": ") || (w.in_brackets && w.inside.contains(',')))?;
    let what = if w.inside.contains(": ") {
        "the `: ` inside it starts a `key: value`"
    } else {
        "the comma inside it ends the text there"
    };
    let (open, close) = (w.open, w.close);
    let message = format!(
        "this text is wrapped in curly quotes ({open}…{close}), which YAML does not read as quote marks, so {what}"
    );
    let fixed = format!(
        "{}{}{}",
        &source[..w.start],
        quoted(w.inside),
        &source[w.end..]
    );
    let hint = format!(
        "put the text in straight quotes \"…\", as a keyboard types them: {}",
        fixed.trim()
    );
    Some((source[..w.start].chars().count() + 1, message, hint))
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
    key_colon(b, depth)
        || list_item
        || (depth > 0 && (b.ends_with('[') || b.ends_with('{') || b.ends_with(',')))
}

/// Whether `b` ends with a key's colon (`ask:`), not with one inside a
/// text (`facilitator: Ask the group:`, where a quotation that follows is
/// part of the text, not all of it).
fn key_colon(b: &str, depth: usize) -> bool {
    let Some(head) = b.strip_suffix(':') else {
        return false;
    };
    let entry = if depth > 0 {
        head.rsplit([',', '{', '[']).next().unwrap_or(head)
    } else {
        head.trim_start_matches(['-', ' '])
    };
    !entry.contains(": ")
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
    use super::*;

    #[test]
    fn a_comma_in_braces_inside_curly_quotes_is_named_with_the_line_fixed() {
        let line = "  - { by: ola, ask: „Co się dzieje, kiedy ich nie ma?”, to: bartek }\n";
        let (column, message, hint) = misread(line, 1).unwrap();
        assert_eq!(column, 21);
        assert!(message.contains("curly quotes („…”)"), "{message}");
        assert!(
            message.ends_with("the comma inside it ends the text there"),
            "{message}"
        );
        assert!(
            hint.ends_with(
                ": - { by: ola, ask: \"Co się dzieje, kiedy ich nie ma?\", to: bartek }"
            ),
            "{hint}"
        );
    }

    #[test]
    fn a_quotation_after_a_colon_inside_a_text_is_part_of_that_text() {
        // The whole text needs quoting (its first `: ` starts a key), which
        // the colon's own explanation says; not the quotation alone.
        let line = "facilitator: Zapytaj grupę: „Co was zaskoczyło: pytania czy odpowiedzi?”\n";
        assert_eq!(wrapped_values(line), vec![]);
        assert_eq!(misread(line, 1), None);
        // A key's own colon still counts, in a list and in braces.
        assert_eq!(wrapped_values("  - ask: „Co dalej?”\n").len(), 1);
        assert_eq!(
            wrapped_values("- { by: ola, ask: „Co: dalej?”, to: bartek }\n").len(),
            1
        );
    }

    #[test]
    fn a_colon_inside_curly_quotes_is_named_in_any_context() {
        let (column, message, hint) = misread("problem: “Sales: late again”", 1).unwrap();
        assert_eq!(column, 10);
        assert!(
            message.ends_with("the `: ` inside it starts a `key: value`"),
            "{message}"
        );
        assert!(hint.ends_with(": problem: \"Sales: late again\""), "{hint}");
        // A straight quote inside is kept by single quotes.
        let (_, _, hint) = misread("- { say: „He said \"no\": twice” }", 1).unwrap();
        assert!(
            hint.ends_with(": - { say: 'He said \"no\": twice' }"),
            "{hint}"
        );
    }

    #[test]
    fn what_yaml_reads_as_meant_is_left_alone() {
        // A comma outside brackets is a comma; no colon, nothing misread.
        assert!(misread("title: „Pytania, które otwierają”", 1).is_none());
        assert!(misread("- { text: „Tak”, feedback: x }", 1).is_none());
        // Inside straight quotes, or a quotation inside a text.
        assert!(misread("say: \"„Dwie zasady: pierwsza”\"", 1).is_none());
        assert!(misread("note: Zapytała: „Dlaczego, teraz?”", 1).is_none());
    }
}
