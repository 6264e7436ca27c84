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
    // A list indented under its key (`stages:`, then `  - title:`): a key
    // in the dash's column cannot be one of the key's mapping either.
    let indented_list = in_item && dash > 0 && parent_indent(text, line, dash) < dash;
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
        // Between the item's dash and its keys: no other key can be there;
        // nor in the dash's column, in a list indented under its key.
        let moved_back = indent + 1 == col || (indented_list && indent == dash);
        if in_item && moved_back && !content.starts_with('-') {
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

/// For a mapping at `line` (1-based) reported missing `key` when the key
/// written empty there (`organization:`) has its fields below it not
/// indented under it: the line of `key:` among them. YAML reads them as
/// fields of the mapping around it, and the key as empty.
pub(super) fn fields_not_under(text: &str, line: usize, key: &str) -> Option<(usize, String)> {
    let lines: Vec<&str> = text.lines().collect();
    let at = lines.get(line.checked_sub(1)?)?;
    let content = at.trim_start();
    let owner = content
        .strip_suffix(':')
        .filter(|o| key_of(content) == Some(o))?;
    let indent = at.len() - content.len();
    for (i, l) in lines.iter().enumerate().skip(line) {
        let c = l.trim_start();
        if c.is_empty() || c.starts_with('#') {
            continue;
        }
        if l.len() - c.len() != indent {
            return None;
        }
        if key_of(c) == Some(key) {
            return Some((i + 1, owner.to_string()));
        }
    }
    None
}

/// For a key on line `line` (1-based): the key written empty on the line
/// just above it (blank lines and comments aside), lined up with it
/// (`- pause:`, then `type: choose` under the `p`), whose fields these most
/// likely are. A list item's first key counts from its own column, after
/// the `- `. (The fields after the first are found as each one before them
/// is taken out of the text read again: see `more_unknown`.)
pub(super) fn empty_key_above(text: &str, line: usize) -> Option<String> {
    let lines: Vec<&str> = text.lines().collect();
    let key_column = |l: &str| {
        let content = l.trim_start();
        let bare = content.strip_prefix("- ").map_or(content, str::trim_start);
        l.len() - bare.len()
    };
    let here = lines.get(line.checked_sub(1)?)?;
    if here.trim_start().starts_with('-') {
        return None;
    }
    let column = key_column(here);
    for l in lines[..line - 1].iter().rev() {
        let content = l.trim_start();
        if content.is_empty() || content.starts_with('#') {
            continue;
        }
        // The line just above: a key of the same column, written empty.
        let bare = content.strip_prefix("- ").map_or(content, str::trim_start);
        let owner = bare.strip_suffix(':').filter(|o| key_of(bare) == Some(o));
        return owner
            .filter(|_| key_column(l) == column)
            .map(str::to_string);
    }
    None
}

/// The indentation of the key whose list holds the item on line `line`
/// (1-based), its dash in column `dash` (0-based): the first line above it
/// indented less, or as much but not an item of the list.
fn parent_indent(text: &str, line: usize, dash: usize) -> usize {
    let above = text
        .lines()
        .take(line.saturating_sub(1))
        .collect::<Vec<_>>();
    above
        .iter()
        .rev()
        .map(|l| (l.len() - l.trim_start().len(), l.trim_start()))
        .filter(|(_, c)| !c.is_empty() && !c.starts_with('#'))
        .find(|&(indent, c)| indent < dash || (indent == dash && !c.starts_with('-')))
        .map_or(0, |(indent, _)| indent)
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

/// For the line `line` (1-based) read as a list item without its `- `:
/// a key there that sits between the dash of the item above it and that
/// item's keys (`- break: Coffee`, then ` minutes: 15` one space short), so
/// it is neither the item's key nor a new item. Gives the key and the line
/// and column (1-based) of the item's first key, to line it up with.
pub(super) fn key_short_of_its_item(text: &str, line: usize) -> Option<(&str, usize, usize)> {
    let lines: Vec<&str> = text.lines().collect();
    let here = lines.get(line.checked_sub(1)?)?;
    let content = here.trim_start();
    if content.starts_with('-') {
        return None;
    }
    let key = key_of(content)?;
    let indent = here.len() - content.len();
    // The item above: the nearest line indented less that starts with a dash.
    for (i, l) in lines[..line - 1].iter().enumerate().rev() {
        let above = l.trim_start();
        if above.is_empty() || above.starts_with('#') {
            continue;
        }
        let at = l.len() - above.len();
        if at >= indent {
            continue;
        }
        let rest = above.strip_prefix('-')?;
        let keys_at = at + 1 + (rest.len() - rest.trim_start().len());
        key_of(rest.trim_start())?;
        return (indent < keys_at).then_some((key, i + 1, keys_at + 1));
    }
    None
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
    fn fields_lined_up_with_the_empty_key_above_them_are_found() {
        let text = "turns:\n  - pause:\n    type: choose\n    prompt: What next?\n";
        assert_eq!(empty_key_above(text, 3).as_deref(), Some("pause"));
        // Once `type:` is taken out of the text read again.
        let then = "turns:\n  - pause:\n\n    prompt: What next?\n";
        assert_eq!(empty_key_above(then, 4).as_deref(), Some("pause"));
        // A key with a value above, or another item: none.
        assert_eq!(empty_key_above("a:\n  - by: x\n    typo: y\n", 3), None);
        // Only the line just above.
        assert_eq!(
            empty_key_above("o:\n  phone:\n  name: x\n  emial: y\n", 4),
            None
        );
        assert_eq!(empty_key_above("a:\n  - b:\n  - c: 1\n", 3), None);
    }

    #[test]
    fn a_key_between_an_items_dash_and_its_keys_is_found() {
        let text = "days:\n  - items:\n      - break: Coffee\n       minutes: 15\n";
        assert_eq!(key_short_of_its_item(text, 4), Some(("minutes", 3, 9)));
        // Lined up, or a new item, or under a key that is no item's: none.
        let fine = "days:\n  - items:\n      - break: Coffee\n        minutes: 15\n";
        assert_eq!(key_short_of_its_item(fine, 4), None);
        assert_eq!(key_short_of_its_item("a:\n - b: 1\n - c: 2\n", 3), None);
        assert_eq!(key_short_of_its_item("a:\n  b: 1\n c: 2\n", 3), None);
    }

    #[test]
    fn a_key_moved_back_to_its_items_dash_is_found_in_an_indented_list_only() {
        let text = "stages:\n  - title: Opening\n  minutes: 5\n    turns: []\n";
        assert_eq!(misplaced_key(text, 2, 5, "turns"), Some((3, 3, "minutes")));
        // A list written flush under its key: the dash's column is the key's.
        let flush = "stages:\n- title: Opening\nnext: 5\n";
        assert_eq!(misplaced_key(flush, 2, 3, "turns"), None);
    }

    #[test]
    fn fields_not_indented_under_their_key_are_found() {
        let text = "title: A\norganization:\nname: Northbridge\nemail: a@b.example\n";
        assert_eq!(
            fields_not_under(text, 2, "name"),
            Some((3, "organization".to_string()))
        );
        let fine = "organization:\n  name: N\n";
        assert_eq!(fields_not_under(fine, 1, "name"), None);
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
