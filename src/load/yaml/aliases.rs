//! A value written once with a mark (`steps: &steps [Open, Close]`) and used
//! again by a reference to it (`steps: *steps`): serde_yaml places an error
//! in the value it copies at the mark, where the value was written, and so
//! an error about its second use would point at its first, which is right.
//! The error goes where the value is used, the path serde names leading
//! there, and says where the value comes from.

use super::anchors::{marked, referenced};
use super::locate::{locate_value, Seg};

/// Where the error at (`line`, `column`), about the value at the path that
/// `message` starts with (`items[1].steps[0]: …`), really is when that
/// place is a mark a reference elsewhere copies: the place the path leads
/// to, and the mark's name. `None` when the error is not at a mark, or the
/// path leads back to it.
pub(super) fn at_use(
    text: &str,
    message: &str,
    (line, column): (usize, usize),
) -> Option<(usize, usize, String)> {
    let row = text.lines().nth(line.checked_sub(1)?)?;
    let after: String = row.chars().skip(column.checked_sub(1)?).collect();
    let name: String = after
        .strip_prefix('&')?
        .chars()
        .take_while(|c| !c.is_whitespace() && !matches!(c, ',' | '[' | ']' | '{' | '}'))
        .collect();
    if name.is_empty() || !referenced(text, &name) {
        return None;
    }
    let (path, _) = message.split_once(": ")?;
    let segs = segments(path)?;
    let (l, c) = locate_value(text, &segs);
    (l != line).then(|| (l, past_dashes(text, l, c), name))
}

/// The column of an item's value on line `line`, past its `- ` (list items
/// are found at their dash).
fn past_dashes(text: &str, line: usize, column: usize) -> usize {
    let row: Vec<char> = text
        .lines()
        .nth(line - 1)
        .unwrap_or_default()
        .chars()
        .collect();
    let mut at = column - 1;
    while row.get(at) == Some(&'-') && row.get(at + 1) == Some(&' ') {
        at += 2;
        while row.get(at) == Some(&' ') {
            at += 1;
        }
    }
    at + 1
}

/// The first reference to a mark the file has (`*a`), as (line, column):
/// where a value repeated past the reader's limit (a "billion laughs"
/// file) starts to be copied, as the reader itself names no place.
pub(super) fn first_reference(text: &str) -> Option<(usize, usize)> {
    let name_char = |c: char| c.is_alphanumeric() || matches!(c, '-' | '_');
    text.lines().enumerate().find_map(|(i, line)| {
        line.char_indices().find_map(|(at, c)| {
            let name: String = line[at + 1..]
                .chars()
                .take_while(|&c| name_char(c))
                .collect();
            let copy = c == '*' && !name.is_empty() && marked(text, &name);
            copy.then(|| (i + 1, line[..at].chars().count() + 1))
        })
    })
}

/// serde's path of a value, `items[1].steps[0]`, as steps into the document.
fn segments(path: &str) -> Option<Vec<Seg<'_>>> {
    if path.is_empty() || path.contains(' ') {
        return None;
    }
    let mut segs = Vec::new();
    for part in path.split('.') {
        let (key, mut rest) = part.split_once('[').map_or((part, ""), |(k, r)| (k, r));
        if !key.is_empty() {
            segs.push(Seg::Key(key));
        }
        while !rest.is_empty() {
            let (index, more) = rest.split_once(']')?;
            segs.push(Seg::Index(index.parse().ok()?));
            rest = more.strip_prefix('[').unwrap_or(more);
        }
    }
    Some(segs)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_error_in_a_copied_value_is_placed_where_it_is_used() {
        let text = "items:\n  - steps: &s [a, b]\n  - steps:\n      - *s\n";
        let found = at_use(text, "items[1].steps[0]: wrong", (2, 12));
        assert_eq!(found, Some((4, 9, "s".to_string())));
    }

    #[test]
    fn a_value_copied_too_often_is_placed_at_the_first_copy() {
        let text = "title: x\na: &a [1, 2]\nb: [*a, *a]\n";
        assert_eq!(first_reference(text), Some((3, 5)));
        assert_eq!(first_reference("title: *bold* words\n"), None);
    }

    #[test]
    fn an_error_at_a_mark_nothing_copies_stays_there() {
        let text = "items:\n  - steps: &s [a, b]\n";
        assert_eq!(at_use(text, "items[0].steps: wrong", (2, 12)), None);
        assert_eq!(at_use("title: x\n", "title: wrong", (1, 8)), None);
    }
}
