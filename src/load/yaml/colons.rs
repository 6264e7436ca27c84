//! Text with a colon in it: `problem: Problem: half the staff…`,
//! `- Goal 1: explain the rules`, `{ title: Pairs: a talk, minutes: 15 }`.
//! YAML reads a colon followed by a space (or ending the line) as the start
//! of another `key: value`, so the text is not read as text. Trainers write
//! such colons all the time; the parser's words for it ("mapping values
//! are not allowed", "did not find expected ',' or '}'") point elsewhere.

use super::quoting::{quoted, split_value};

/// On line `line` (1-based) of `text`: a plain (unquoted) text value with
/// a colon YAML would take for a key's. Returns the value's column
/// (1-based, in characters), the message and the hint with the line
/// written back with that value in quotes.
pub fn colon_in_text(text: &str, line: usize) -> Option<(usize, String, String)> {
    let source = super::source_line(text, line)?;
    let flow = flow_value(source);
    let (start, value) = flow.or_else(|| block_value(source))?;
    let message = if has_inner_colon(value) {
        "this text contains `: ` (a colon and a space), which YAML reads as the start of a `key: value`, not as text"
    } else {
        "this text ends with a colon, which YAML reads as the start of a `key:`, not as text"
    };
    let fixed = format!(
        "{}{}{}",
        &source[..start],
        quoted(value),
        &source[start + value.len()..]
    );
    let column = source[..start].chars().count() + 1;
    let mut hint = format!("put the whole text in quotes: {}", fixed.trim());
    // `{ by: priya answer: "Why?" }`: most likely two entries, no comma.
    if let Some(key) = flow.and_then(|_| key_after_words(value)) {
        let at = start + key;
        let comma = format!("{},{}", source[..at].trim_end(), &source[at - 1..]);
        hint = format!(
            "if `{}` is a field of its own, a comma is missing before it: {}; if it is all one text, {hint}",
            name_at(&value[key..]),
            comma.trim()
        );
    }
    Some((column, message.to_string(), hint))
}

/// Where a lower-case word that ends with a colon starts in `value`, after
/// other words (`priya answer: "Why?"`): a field's name, not text.
fn key_after_words(value: &str) -> Option<usize> {
    let colon = value.find(": ")?;
    let before = &value[..colon];
    let word_at = before.rfind(' ')? + 1;
    let word = &before[word_at..];
    let is_name = !word.is_empty() && word.chars().all(|c| c.is_ascii_lowercase() || c == '_');
    (is_name && !before[..word_at].trim().is_empty()).then_some(word_at)
}

/// The field's name at the start of `rest` (up to its colon).
fn name_at(rest: &str) -> &str {
    rest.split(':').next().unwrap_or(rest)
}

/// On line `line`: a `key:value` with no space after the colon, which
/// YAML reads as one word of text, not as a key and its value.
pub fn no_space_after_colon(text: &str, line: usize) -> Option<(usize, String, String)> {
    let source = super::source_line(text, line)?;
    let rest = source.trim_start();
    let rest = rest.strip_prefix("- ").unwrap_or(rest).trim_start();
    let colon = rest.find(':')?;
    let (key, after) = (&rest[..colon], &rest[colon + 1..]);
    let is_key = key.starts_with(|c: char| c.is_alphabetic() || c == '_')
        && key
            .chars()
            .all(|c| c.is_alphanumeric() || matches!(c, '_' | '-'));
    let squeezed = after.starts_with(|c: char| !c.is_whitespace() && c != '/' && c != ':');
    if !is_key || !squeezed {
        return None;
    }
    let column = source[..source.len() - rest.len()].chars().count() + 1;
    let message = format!(
        "there is no space after the colon of `{key}:`, so YAML reads `{key}:{}` as text, not as a key and its value",
        after.split_whitespace().next().unwrap_or("")
    );
    let fixed = format!("{}{key}: {}", &source[..source.len() - rest.len()], after);
    Some((
        column,
        message,
        format!("write it with a space: {}", fixed.trim()),
    ))
}

/// A colon YAML reads as a key's: followed by a space, or at the end.
fn has_inner_colon(value: &str) -> bool {
    value.contains(": ")
}

fn has_colon(value: &str) -> bool {
    has_inner_colon(value) || value.ends_with(':')
}

fn plain(value: &str) -> bool {
    !value.starts_with(['"', '\'', '[', '{', '|', '>', '#'])
}

/// `key: text: more`, or a list item `- text: more` whose dash stands alone.
fn block_value(source: &str) -> Option<(usize, &str)> {
    let (lead, value) = split_value(source)?;
    if plain(value) && has_colon(value) {
        return Some((lead.len(), value));
    }
    // `- Goal 1: explain` splits as a key; where text was wanted, the
    // whole item is the text.
    let item = source.trim_start().strip_prefix("- ")?.trim();
    let start = source.len() - source.trim_start().len() + 2;
    let start = start + (source[start..].len() - source[start..].trim_start().len());
    (plain(item) && has_colon(item)).then_some((start, item))
}

/// In a one-line mapping `{ a: x, b: y: z }` or list `[x, y: z]`, the
/// first value with a colon of its own.
fn flow_value(source: &str) -> Option<(usize, &str)> {
    let open = source.find(['{', '['])?;
    // Only a bracket that starts a value opens a one-line mapping or list.
    let before = source[..open].trim_end();
    if !(before.is_empty() || before.ends_with([':', '-'])) {
        return None;
    }
    let mapping = source[open..].starts_with('{');
    let close = source.rfind(['}', ']']).filter(|&c| c > open);
    let inner_start = open + 1;
    let inner = source.get(inner_start..close.unwrap_or(source.len()))?;
    let mut at = inner_start;
    for entry in split_entries(inner) {
        let entry_start = at;
        at += entry.len() + 1;
        let skip = match (mapping, entry.find(": ")) {
            (false, _) => 0,
            (true, Some(colon)) => colon + 2,
            (true, None) => continue,
        };
        let raw = &entry[skip..];
        let value = raw.trim();
        if value.is_empty() || !plain(value) || !has_colon(value) {
            continue;
        }
        let start = entry_start + skip + (raw.len() - raw.trim_start().len());
        return Some((start, value));
    }
    None
}

/// The entries of a one-line mapping's inside, split at commas outside quotes.
fn split_entries(inner: &str) -> Vec<&str> {
    let mut entries = Vec::new();
    let mut quote: Option<char> = None;
    let mut from = 0;
    for (i, c) in inner.char_indices() {
        match (quote, c) {
            (Some(q), c) if c == q => quote = None,
            (None, '"' | '\'') => quote = Some(c),
            (None, ',') => {
                entries.push(&inner[from..i]);
                from = i + 1;
            }
            _ => {}
        }
    }
    entries.push(&inner[from..]);
    entries
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn two_entries_without_their_comma_are_told_so() {
        let line = "      - { by: priya answer: \"Listening.\" }\n";
        let (_, _, h) = colon_in_text(line, 1).unwrap();
        assert!(
            h.starts_with("if `answer` is a field of its own, a comma is missing before it: - { by: priya, answer: \"Listening.\" }; if it is all one text, put the whole text in quotes"),
            "{h}"
        );
        // A text that starts with a word and a colon is a text.
        let (_, _, h) = colon_in_text("  - { title: Pairs: a talk, minutes: 15 }\n", 1).unwrap();
        assert!(h.starts_with("put the whole text in quotes"), "{h}");
    }

    #[test]
    fn a_colon_in_a_value_is_named_and_the_line_quoted() {
        let (col, m, h) = colon_in_text("problem: Problem: half on paper\n", 1).unwrap();
        assert_eq!(col, 10);
        assert!(m.contains("`: ` (a colon and a space)"), "{m}");
        assert_eq!(
            h,
            "put the whole text in quotes: problem: \"Problem: half on paper\""
        );
        let (_, m, h) = colon_in_text("  text: Step in:\n", 1).unwrap();
        assert!(m.contains("ends with a colon"), "{m}");
        assert_eq!(h, "put the whole text in quotes: text: \"Step in:\"");
    }

    #[test]
    fn a_list_item_and_a_one_line_mapping() {
        let (col, _, h) = colon_in_text("outcomes:\n  - Goal 1: the rules\n", 2).unwrap();
        assert_eq!(col, 5);
        assert_eq!(h, "put the whole text in quotes: - \"Goal 1: the rules\"");
        let line = "  - { title: Pairs: a talk, minutes: 15, kind: \"a, b\" }\n";
        let (col, _, h) = colon_in_text(line, 1).unwrap();
        assert_eq!(col, 14);
        assert_eq!(
            h,
            "put the whole text in quotes: - { title: \"Pairs: a talk\", minutes: 15, kind: \"a, b\" }"
        );
    }

    #[test]
    fn an_entry_of_a_one_line_list() {
        let (col, _, h) = colon_in_text("steps: [Step 1: open, Close]\n", 1).unwrap();
        assert_eq!(col, 9);
        assert_eq!(
            h,
            "put the whole text in quotes: steps: [\"Step 1: open\", Close]"
        );
    }

    #[test]
    fn a_key_with_no_space_after_its_colon() {
        let (col, m, h) = no_space_after_colon("a: 1\n  minutes:60\n", 2).unwrap();
        assert_eq!(col, 3);
        assert!(
            m.starts_with("there is no space after the colon of `minutes:`"),
            "{m}"
        );
        assert_eq!(h, "write it with a space: minutes: 60");
        assert!(no_space_after_colon("link: https://x.org\n", 1).is_none());
        assert!(no_space_after_colon("  - https://x.org\n", 1).is_none());
        assert!(no_space_after_colon("title: a:b\n", 1).is_none());
    }

    #[test]
    fn quoted_text_and_plain_lines_are_left_alone() {
        assert!(colon_in_text("title: \"a: b\"\n", 1).is_none());
        assert!(colon_in_text("title: plain text\n", 1).is_none());
        assert!(colon_in_text("- { by: a, ask: \"Why: now?\" }\n", 1).is_none());
        assert!(colon_in_text("link: https://example.org\n", 1).is_none());
        assert!(colon_in_text("steps: [a, \"b: c\"]\n", 1).is_none());
    }
}
