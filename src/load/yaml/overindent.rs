//! A key indented a space or two more than the key above it:
//!
//! ```yaml
//!     kind: opening
//!      minutes: 3
//! ```
//!
//! YAML reads the deeper line as more of the value above (`opening
//! minutes`), so a word, number or yes/no value is wrong there ("unknown
//! value `opening minutes`", at a line that looks right). The fix is at the
//! line below: line it up with its neighbour.

use super::quoting::split_value;

/// Where the line to fix is, what is wrong with it, and what to do.
pub struct Overindented {
    pub line: usize,
    pub column: usize,
    pub message: String,
    pub hint: String,
}

/// For an error at `line` (1-based) of `text` about a value `message`
/// quotes (`found the text "3 turns"`, ``unknown value `opening minutes` ``)
/// that is more than the line holds, the next line indented deeper than
/// that line's key. `first_line`: the file's line `text` starts at (a
/// front matter's is 2), for the line the hint names.
pub fn overindented(
    text: &str,
    line: usize,
    first_line: usize,
    message: &str,
) -> Option<Overindented> {
    let found = quoted_value(message)?;
    let source = super::source_line(text, line)?;
    let (lead, value) = split_value(source)?;
    let key = lead.trim_start().trim_start_matches("- ").trim_end();
    let key = key.strip_suffix(':')?.trim();
    let more = found.strip_prefix(value)?.strip_prefix(' ')?;
    let indent = source.len() - source.trim_start().trim_start_matches("- ").len();
    let (n, next) = text
        .lines()
        .enumerate()
        .skip(line)
        .find(|(_, l)| !l.trim().is_empty() && !l.trim_start().starts_with('#'))?;
    let deeper = next.len() - next.trim_start().len();
    let word = more.split_whitespace().next()?;
    (deeper > indent && next.trim_start().starts_with(word)).then(|| Overindented {
        line: n + 1,
        column: deeper + 1,
        message: format!(
            "this line is indented more than `{key}:` above it, so YAML reads it as more of that value (`{found}`)"
        ),
        hint: format!(
            "indent this line exactly like `{key}:` on line {} (column {}), so it is a key of its own",
            line + first_line - 1,
            indent + 1
        ),
    })
}

/// The value a message quotes: `found the text "…"`, `unknown value `…``.
fn quoted_value(message: &str) -> Option<&str> {
    if let Some((_, rest)) = message.split_once("found the text \"") {
        return rest.rsplit_once('"').map(|(v, _)| v);
    }
    let (_, rest) = message.split_once("unknown value `")?;
    rest.split_once('`').map(|(v, _)| v)
}

#[cfg(test)]
mod tests {
    use super::overindented;

    #[test]
    fn a_key_indented_deeper_is_named_at_its_own_line() {
        let text = "stages:\n  - title: Otwarcie\n    kind: opening\n     minutes: 3\n";
        let o = overindented(
            text,
            3,
            1,
            "in `stages` (item 1) → `kind`: unknown value `opening minutes`",
        )
        .unwrap();
        assert_eq!((o.line, o.column), (4, 6));
        assert_eq!(
            o.message,
            "this line is indented more than `kind:` above it, so YAML reads it as more of that value (`opening minutes`)"
        );
        assert!(
            o.hint.contains("like `kind:` on line 3 (column 5)"),
            "{}",
            o.hint
        );
        let text = "minutes: 3\n   turns:\n";
        let o = overindented(
            text,
            1,
            2,
            "in `minutes`: wrong kind of value: found the text \"3 turns\"",
        )
        .unwrap();
        assert_eq!((o.line, o.column), (2, 4));
        assert!(o.hint.contains("on line 2 (column 1)"), "{}", o.hint);
    }

    #[test]
    fn a_value_written_whole_on_its_line_is_left_alone() {
        let text = "minutes: 3 turns\nnext: 1\n";
        assert!(overindented(text, 1, 1, "found the text \"3 turns\"").is_none());
        let text = "kind: openin\n";
        assert!(overindented(text, 1, 1, "unknown value `openin`").is_none());
    }
}
