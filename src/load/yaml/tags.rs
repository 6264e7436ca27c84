//! YAML type tags (`!!binary aGVsbG8=`, `!foo bar`): the parser applies or
//! drops them without a word (`!!binary` decodes base64), so a value is not
//! what the line shows. alsite's files never need one; each is an error.

use super::quoting::quoted;

/// A tag found on a line: its column (1-based, in characters), the tag and
/// the value it stands before.
#[derive(Debug, PartialEq, Eq)]
pub(super) struct Tag<'t> {
    pub column: usize,
    pub tag: &'t str,
    /// The line's key and dashes, for the hint's quoted version.
    pub lead: &'t str,
    pub value: &'t str,
}

/// The tag on `line`, whose key and dashes are `lead` and whose plain
/// value is `value` (the line is outside a block text).
pub(super) fn on_line<'t>(line: &'t str, lead: &'t str, value: &'t str) -> Option<Tag<'t>> {
    let at = |offset: usize| line[..offset].chars().count() + 1;
    if let Some(tag) = tag_at(value) {
        return Some(Tag {
            column: at(lead.len()),
            tag,
            lead,
            value,
        });
    }
    flow_tag(value).map(|(offset, tag)| Tag {
        column: at(lead.len() + offset),
        tag,
        lead,
        value,
    })
}

/// The tag `text` starts with (`!x`, `!!x`, `!<x>`), followed by a space or
/// the end. `![logo](…)` is not one: the parser's error for it is explained
/// elsewhere.
fn tag_at(text: &str) -> Option<&str> {
    if !text.starts_with('!') {
        return None;
    }
    let end = text.find([' ', '\t']).unwrap_or(text.len());
    let tag = &text[..end];
    let name = tag.trim_start_matches('!');
    let plain = name
        .chars()
        .all(|c| c.is_alphanumeric() || matches!(c, '-' | '_' | '.' | ':' | '/' | '<' | '>' | '%'));
    plain.then_some(tag)
}

/// A tag at the start of an item of a one-line list or mapping
/// (`[a, !!binary x]`, `{ title: !t x }`): its offset in `value` and the tag.
fn flow_tag(value: &str) -> Option<(usize, &str)> {
    let i = flow_item_at(value, '!')?;
    tag_at(&value[i..]).map(|t| (i, t))
}

/// The offset in `value`, a one-line list or mapping, of the first item
/// (or mapping value) that starts with `sign`, outside quotes.
pub(super) fn flow_item_at(value: &str, sign: char) -> Option<usize> {
    if !value.starts_with(['[', '{']) {
        return None;
    }
    let mut quote = None;
    let mut item_start = true;
    for (i, c) in value.char_indices() {
        match (quote, c) {
            (Some(q), c) if c == q => quote = None,
            (Some(_), _) => {}
            (None, '"' | '\'') if item_start => quote = Some(c),
            (None, '[' | '{' | ',') => item_start = true,
            (None, ':') if value[i + 1..].starts_with(' ') => item_start = true,
            (None, ' ') => {}
            (None, c) if c == sign && item_start => return Some(i),
            _ => item_start = false,
        }
    }
    None
}

/// The message and hint for a tag.
pub(super) fn explain(tag: &Tag) -> (String, String) {
    (
        format!("`{}` is a YAML type tag, which alsite does not use: the value would not be what the line shows", tag.tag),
        format!(
            "remove `{}` and write the value itself; if the `!` belongs to the text, put the whole text in quotes: {}{}",
            tag.tag,
            tag.lead.trim_start(),
            quoted(tag.value)
        ),
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    fn first(text: &str) -> Option<(usize, usize, String)> {
        let mut blocks = super::super::blocks::Blocks::new();
        text.lines().enumerate().find_map(|(i, l)| {
            let (lead, value) = blocks.value(l)?;
            on_line(l, lead, value).map(|t| (i + 1, t.column, t.tag.to_string()))
        })
    }

    #[test]
    fn finds_tags_after_keys_dashes_and_in_one_line_lists() {
        assert_eq!(
            first("title: !!binary aGVsbG8=\n"),
            Some((1, 8, "!!binary".into()))
        );
        assert_eq!(
            first("a: 1\ntitle: !foo bar\n"),
            Some((2, 8, "!foo".into()))
        );
        assert_eq!(first("list:\n  - !x y\n"), Some((2, 5, "!x".into())));
        assert_eq!(
            first("steps: [a, !!str b]\n"),
            Some((1, 12, "!!str".into()))
        );
        assert_eq!(
            first("- { title: !t x, n: 1 }\n"),
            Some((1, 12, "!t".into()))
        );
        assert_eq!(
            first("title: !Important\n"),
            Some((1, 8, "!Important".into()))
        );
    }

    #[test]
    fn leaves_text_with_exclamation_marks_alone() {
        assert_eq!(first("title: Hello!\n"), None);
        assert_eq!(first("title: \"!important\"\n"), None);
        assert_eq!(first("steps: [\"Stop, !now\", b]\n"), None);
        assert_eq!(first("steps: [Wow!, b!]\n"), None);
        assert_eq!(
            first("body: |\n  !not a tag\n  ! nor this\nnext: x\n"),
            None
        );
        assert_eq!(first("body: >-\n\n  !x y\n"), None);
        assert_eq!(
            first("body: |\n  text\nnext: !t x\n"),
            Some((3, 7, "!t".into()))
        );
        // A Markdown image: the parser reports it, with its own words.
        assert_eq!(first("logo: ![logo](/a.png)\n"), None);
    }
}
