//! What to say about a line YAML reads as neither a `key: value` nor part
//! of the text above it: a key without its colon (`minutes 60`,
//! `minutes = 60`), a list item without its `- `, or a line of text that
//! went on from the key above without being indented under it.

use super::explain;
use super::quoting::split_value;
use super::source_line;

/// The way to write line `line` when it starts with one of `fields`
/// (`` `title`, `items` ``) and no colon: `title From statements…` on a
/// file's first line makes the whole file one text.
pub(super) fn colon_forgotten(text: &str, line: usize, fields: &str) -> Option<String> {
    let source = source_line(text, line)?.trim();
    let (key, value) = source.split_once(' ')?;
    let known = !key.contains(':') && fields.contains(&format!("`{key}`"));
    known.then(|| format!("; `{key}` is one of them, and a field's name is followed by a colon and a space: `{key}: {}`", value.trim()))
}

/// What to do about the line `line` that is neither a `key: value` nor
/// text going on: a list item without its `- `, a key without its colon
/// (`minutes 60`), or else the general advice.
pub(super) fn not_a_key_hint(text: &str, line: usize, column: usize) -> String {
    if among_list_items(text, line, column) {
        return "it sits among the items of a list: start it with `- `, lined up with the `- ` of the item above it".into();
    }
    let source = text
        .lines()
        .nth(line.saturating_sub(1))
        .unwrap_or("")
        .trim();
    let Some((key, value)) = source.split_once(' ') else {
        return explain::NOT_A_KEY_HINT.into();
    };
    let value = value.trim();
    // `minutes = 60`, `minutes - 60`: a sign where the colon goes.
    let signed = value.starts_with(['=', '-', '–']);
    let value = value.trim_start_matches(['=', '-', '–']).trim_start();
    // A field's name is a word in small letters; a sentence's first word
    // (`After the session, …`) is text that went on from above.
    let a_name = key
        .chars()
        .all(|c| c.is_lowercase() || c.is_ascii_digit() || c == '_');
    let a_number = value.starts_with(|c: char| c.is_ascii_digit());
    let colon = format!("a field's name is followed by a colon and a space: `{key}: {value}`");
    match () {
        _ if source.contains(':') => explain::NOT_A_KEY_HINT.into(),
        _ if a_name && (signed || a_number) => colon,
        // After a text, most likely more of it (`problem: Half the nurses
        // still`, then `plan shifts on paper.`).
        _ if after_text(text, line) => TEXT_GOES_ON.into(),
        _ if a_name && source.split_whitespace().count() <= 4 && is_field(text, key) => colon,
        _ => TEXT_GOES_ON.into(),
    }
}

/// Whether `word` names a field: one of content's common fields, or a key
/// written elsewhere in `text` (`see the notes below` is text).
fn is_field(text: &str, word: &str) -> bool {
    const COMMON: &[&str] = &[
        "title",
        "minutes",
        "kind",
        "name",
        "email",
        "phone",
        "website",
        "summary",
        "problem",
        "description",
        "start",
        "end",
        "say",
        "ask",
        "answer",
        "intervene",
        "by",
        "to",
        "type",
        "link",
        "label",
        "language",
        "languages",
        "theme",
        "url",
        "audience",
        "objectives",
        "outcomes",
        "materials",
        "prompt",
        "options",
        "text",
        "correct",
        "feedback",
        "models",
        "explanation",
        "id",
        "role",
        "skill",
        "note",
        "days",
        "items",
        "module",
        "break",
    ];
    let key = format!("{word}:");
    COMMON.contains(&word)
        || text
            .lines()
            .any(|l| l.trim_start().trim_start_matches("- ").starts_with(&key))
}

/// Whether the line above `line` holds a text: a `key: text` not in
/// quotes, or a line of text itself.
fn after_text(text: &str, line: usize) -> bool {
    let value = line_above(text, line).and_then(|l| split_value(l).map(|(_, v)| v));
    value.is_some_and(|value| {
        !value.starts_with(['"', '\'', '[', '{', '&', '*', '!'])
            && !value.ends_with(':')
            && value.parse::<f64>().is_err()
    })
}

/// The line above `line` (1-based), blank lines and comments passed over.
fn line_above(text: &str, line: usize) -> Option<&str> {
    text.lines()
        .take(line.saturating_sub(1))
        .filter(|l| !l.trim().is_empty() && !l.trim_start().starts_with('#'))
        .last()
}

/// For a line of text that is neither a key nor indented under one.
const TEXT_GOES_ON: &str = "if this line goes on with the text of the key above it (a block after `|`, or a long text), indent it further than that key, as the text's other lines are; if it starts a field of its own, write the field's name, a colon and a space before its value";

/// True when the line above (`line`, `column`), blanks and comments
/// skipped, is a list item whose `- ` stands in that column: the line is
/// one more item, written without its dash.
fn among_list_items(text: &str, line: usize, column: usize) -> bool {
    line_above(text, line).is_some_and(|l| {
        let item = l.trim_start();
        item.starts_with("- ") && l.len() - item.len() + 1 == column
    })
}
