//! Keys that are not lined up with the others of their block: the usual
//! cause of a field reported missing that is there, a few lines on, and of
//! a file read as "more than one document" that has no `---` in it.

use crate::diagnostic::Diagnostic;
use std::path::Path;

/// The key a line starts (after any `- `), if it starts one: a name and a
/// colon ending the line or followed by a space.
fn key_of(content: &str) -> Option<&str> {
    let bare = content.strip_prefix("- ").unwrap_or(content);
    let end = bare.find(':')?;
    let name = &bare[..end];
    let rest = &bare[end + 1..];
    let named = !name.is_empty()
        && name
            .chars()
            .all(|c| c.is_alphanumeric() || c == '_' || c == '-');
    (named && (rest.is_empty() || rest.starts_with(' '))).then_some(name)
}

/// A line after the mapping at (`line`, `column`) that starts the key `key`
/// at another indentation, before the mapping's list item or block ends; or,
/// in a list item, any key of the item indented one space less than the
/// others, which ends the item's mapping before the keys after it. Gives
/// the line, its column and the key.
pub(super) fn misplaced_key<'t>(
    text: &'t str,
    line: usize,
    column: usize,
    key: &str,
) -> Option<(usize, usize, &'t str)> {
    let col = column.saturating_sub(1);
    let in_item = text
        .lines()
        .nth(line.saturating_sub(1))
        .and_then(|l| l.get(..col))
        .is_some_and(|before| before.trim_end().ends_with('-'));
    let dash = col.saturating_sub(2);
    for (i, l) in text.lines().enumerate().skip(line) {
        let content = l.trim_start();
        if content.is_empty() || content.starts_with('#') {
            continue;
        }
        let indent = l.len() - content.len();
        let nested_item = content.starts_with('-') && indent >= col;
        let found = key_of(content);
        // Off by a few spaces, and not a key of a list nested inside.
        let off = indent != col && indent.abs_diff(col) <= 3;
        if found == Some(key) && !nested_item && off {
            return Some((i + 1, indent + 1, found?));
        }
        // Between the item's dash and its keys: no other key can be there.
        if in_item && indent + 1 == col && !content.starts_with('-') {
            if let Some(other) = found {
                return Some((i + 1, indent + 1, other));
            }
        }
        let floor = if in_item { dash } else { col };
        if indent < floor || (in_item && indent == dash && content.starts_with('-')) {
            return None;
        }
    }
    None
}

/// A file (or front matter, from line `first_line` of `file`) whose first
/// key is indented while a later top-level key is not: YAML reads the
/// indented ones as a mapping of their own and the rest as something
/// else, and says a field is missing or that there is a second document.
pub(super) fn indented_top_key(file: &Path, text: &str, first_line: usize) -> Option<Diagnostic> {
    let mut lines = text.lines().enumerate().filter_map(|(i, l)| {
        let t = l.trim_start();
        let skipped =
            t.is_empty() || t.starts_with('#') || t.starts_with("---") || t.starts_with('%');
        (!skipped).then_some((i + first_line, l.len() - t.len(), t))
    });
    let (first, indent, first_text) = lines.next()?;
    let key = key_of(first_text).filter(|_| indent > 0)?;
    let mut also = Vec::new();
    let (at_start, other) = lines.find_map(|(n, i, t)| {
        if i == indent && key_of(t).is_some() {
            also.push(n);
        }
        let other = key_of(t).filter(|_| i == 0 && !t.starts_with('-'))?;
        Some((n, other))
    })?;
    let spaces = match indent {
        1 => "1 space".to_string(),
        n => format!("{n} spaces"),
    };
    let and_also = match also.as_slice() {
        [] => String::new(),
        [one] => format!(" and on line {one}"),
        more => {
            let lines: Vec<String> = more.iter().map(usize::to_string).collect();
            format!(" and on lines {}", lines.join(", "))
        }
    };
    Some(
        Diagnostic::error(
            file,
            format!("`{key}:` is indented by {spaces}, but `{other}:` on line {at_start} starts at the beginning of its line: the fields of a file all start there"),
        )
        .at(first - first_line + 1, 1)
        .hint(format!("remove the {spaces} before `{key}:`{and_also}")),
    )
}

/// The line at or just after `line` (1-based) that starts a list item with
/// no space after its dash (`-text: …`, which YAML reads as a key named
/// `-text`): its number and the line written with the space.
pub(super) fn dash_without_space(text: &str, line: usize) -> Option<(usize, String)> {
    text.lines()
        .enumerate()
        .skip(line.saturating_sub(1))
        .take(3)
        .find_map(|(i, l)| {
            let content = l.trim_start();
            let rest = content.strip_prefix('-')?;
            let next = rest.chars().next()?;
            (next.is_alphabetic() && key_of(rest).is_some()).then(|| {
                let indent = &l[..l.len() - content.len()];
                (i + 1, format!("{indent}- {rest}"))
            })
        })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_key_indented_one_less_in_a_list_item_is_found() {
        let text = "stages:\n  - title: Opening\n   minutes: 5\n    turns: []\n";
        assert_eq!(misplaced_key(text, 2, 5, "turns"), Some((3, 4, "minutes")));
        let fine = "stages:\n  - title: Opening\n    minutes: 5\n  - title: Next\n";
        assert_eq!(misplaced_key(fine, 2, 5, "turns"), None);
    }

    #[test]
    fn a_dash_with_no_space_after_it_is_found() {
        let text = "options:\n  - text: a\n  -text: b\n";
        assert_eq!(dash_without_space(text, 3), Some((3, "  - text: b".into())));
        assert_eq!(dash_without_space("items:\n  - a\n  - b\n", 2), None);
        assert_eq!(dash_without_space("x: -5\n", 1), None);
    }

    #[test]
    fn an_indented_first_key_is_told_against_the_first_unindented_one() {
        let text = "# The site\n title: A\n organization: B\nlanguage: en\n";
        let d = indented_top_key(Path::new("site.yaml"), text, 1).unwrap();
        assert_eq!((d.line, d.column), (2, 1));
        assert!(d.message.contains("`language:` on line 4"), "{}", d.message);
        assert_eq!(
            d.hint.as_deref(),
            Some("remove the 1 space before `title:` and on line 3")
        );
        assert!(indented_top_key(Path::new("site.yaml"), "title: A\n  x: 1\n", 1).is_none());
    }
}
