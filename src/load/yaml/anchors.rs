//! A mark (an anchor, `&name`) at the start of a text: YAML takes `&name`
//! off the value without a word, so `title: &Co partners` is the text
//! `partners`. A file that means a mark refers to it later (`*Co`); a mark
//! nothing refers to is a text that lost its first word, and an error.

use super::quoting::quoted;
use super::tags::flow_item_at;

/// A mark before a plain text on a line.
#[derive(Debug, PartialEq, Eq)]
pub(super) struct Anchor<'t> {
    /// Of the `&`, 1-based, in characters.
    pub column: usize,
    /// Without the `&`.
    pub name: &'t str,
    /// The line's key and dashes, for the hint's quoted version.
    pub lead: &'t str,
    /// The text as written, the mark included.
    pub text: &'t str,
    /// Inside a one-line list or mapping.
    pub flow: bool,
}

/// The mark before a plain text on `line`, whose key and dashes are `lead`
/// and whose plain value is `value` (the line is outside a block text).
pub(super) fn on_line<'t>(line: &'t str, lead: &'t str, value: &'t str) -> Option<Anchor<'t>> {
    let flow = !value.starts_with('&');
    let offset = if flow { flow_item_at(value, '&')? } else { 0 };
    let item = &value[offset..];
    let end = if flow {
        item.find([',', '}', ']'])
    } else {
        item.find(" #")
    };
    let text = item[..end.unwrap_or(item.len())].trim_end();
    let (name, rest) = text[1..].split_once([' ', '\t'])?;
    let rest = rest.trim_start();
    let plain = !name.is_empty()
        && !rest.is_empty()
        && !rest.starts_with(['"', '\'', '[', '{', '|', '>', '#', '*', '!', '&']);
    plain.then(|| Anchor {
        column: line[..lead.len() + offset].chars().count() + 1,
        name,
        lead,
        text,
        flow,
    })
}

/// Whether `text` refers to the mark `name` (`*name`, the name ending there).
pub(super) fn referenced(text: &str, name: &str) -> bool {
    signed(text, '*', name)
}

/// Whether `text` has the mark `name` (`&name`, the name ending there).
pub(super) fn marked(text: &str, name: &str) -> bool {
    signed(text, '&', name)
}

/// Whether `name` follows `sign` somewhere in `text`, and ends there.
fn signed(text: &str, sign: char, name: &str) -> bool {
    text.match_indices(sign).any(|(i, _)| {
        text[i + 1..].strip_prefix(name).is_some_and(|after| {
            !after.starts_with(|c: char| c.is_alphanumeric() || matches!(c, '-' | '_'))
        })
    })
}

/// The message and hint for a mark nothing refers to.
pub(super) fn explain(anchor: &Anchor) -> (String, String) {
    let shown = anchor.text[1 + anchor.name.len()..].trim_start();
    let hint = if anchor.flow {
        format!("put the text in quotes: {}", quoted(anchor.text))
    } else {
        format!(
            "put the whole text in quotes: {}{}",
            anchor.lead.trim_start(),
            quoted(anchor.text)
        )
    };
    (
        format!(
            "this text starts with `&{}`, which YAML reads as a mark (an anchor) and leaves out, so the text would be `{shown}`",
            anchor.name
        ),
        hint,
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    fn first(text: &str) -> Option<(usize, usize, String)> {
        let mut blocks = super::super::blocks::Blocks::new();
        text.lines().enumerate().find_map(|(i, l)| {
            let (lead, value) = blocks.value(l)?;
            on_line(l, lead, value).map(|a| (i + 1, a.column, a.name.to_string()))
        })
    }

    #[test]
    fn finds_a_mark_before_a_text_after_keys_dashes_and_in_one_line_mappings() {
        assert_eq!(first("title: &Co partners\n"), Some((1, 8, "Co".into())));
        assert_eq!(first("a: 1\nlist:\n  - &x y z\n"), Some((3, 5, "x".into())));
        assert_eq!(
            first("- { break: &t Coffee, minutes: 15 }\n"),
            Some((1, 12, "t".into()))
        );
    }

    #[test]
    fn leaves_marks_on_lists_and_mappings_and_ampersands_in_text_alone() {
        assert_eq!(first("items:\n  - &first\n    type: choose\n"), None);
        assert_eq!(first("title: &a [x, y]\n"), None);
        assert_eq!(first("title: &a \"quoted\"\n"), None);
        assert_eq!(first("title: Q&A and more\n"), None);
        assert_eq!(first("title: \"&Co partners\"\n"), None);
        assert_eq!(first("body: |\n  &Co partners\n"), None);
        assert_eq!(first("title: & x\n"), None);
    }

    #[test]
    fn a_mark_is_referenced_by_its_own_name_only() {
        assert!(referenced("a: &x y\nb: *x\n", "x"));
        assert!(!referenced("a: &x y\nb: *xy\n", "x"));
        assert!(!referenced("a: &x y\n", "x"));
    }
}
