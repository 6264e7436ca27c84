//! Where a value sits in block-style YAML, for checks that run after
//! parsing (serde keeps no positions for values that parsed).

/// One step of a path into a YAML document: a mapping key or a sequence index.
#[derive(Debug, Clone, Copy)]
pub enum Seg<'a> {
    Key(&'a str),
    Index(usize),
}

/// Where the value of the key at `path` starts ([`locate`], then
/// [`value_place`]): what an error about a value points at.
pub fn locate_value(text: &str, path: &[Seg]) -> (usize, usize) {
    value_place(text, locate(text, path))
}

/// Where the value of the key [`locate`] found at (`line`, `column`) starts:
/// past its `:` and the spaces after it, on the same line; the key's own
/// place when the value is not there (a block below it).
pub fn value_place(text: &str, (line, column): (usize, usize)) -> (usize, usize) {
    let Some(row) = text.lines().nth(line.saturating_sub(1)) else {
        return (line, column);
    };
    let chars: Vec<char> = row.chars().collect();
    let start = column.saturating_sub(1);
    let Some(colon) = (start..chars.len()).find(|&i| chars[i] == ':') else {
        return (line, column);
    };
    // Only from a key: where `locate` stopped short of it (a flow mapping
    // over several lines), the place is an item's start, and the first
    // colon after it another key's.
    let key = &chars[start..colon];
    let is_key = |c: &char| c.is_alphanumeric() || matches!(c, '_' | '-' | '"' | '\'');
    if key.is_empty() || !key.iter().all(is_key) {
        return (line, column);
    }
    let value = (colon + 1..chars.len()).find(|&i| !matches!(chars[i], ' ' | '\t'));
    match value {
        Some(i) if chars[i] != '#' => (line, i + 1),
        _ => (line, column),
    }
}

/// The 1-based line and column of the node at `path` in block-style YAML
/// (`stages`, 2, `turns`, 5 → the sixth turn of the third stage). serde
/// gives no positions for values that parsed, so domain checks find them
/// here. Where a step cannot be followed (flow style), the deepest node found
/// is returned.
pub fn locate(text: &str, path: &[Seg]) -> (usize, usize) {
    let lines: Vec<&str> = text.lines().collect();
    let Some(first) = lines.iter().position(|l| is_content(l)) else {
        return (1, 1);
    };
    let mut block = (first, indent(lines[first]));
    let mut found = (first + 1, block.1 + 1);
    for seg in path {
        match child(&lines, block, *seg) {
            Some((pos, next)) => {
                found = (pos.0 + 1, pos.1 + 1);
                block = next;
            }
            None => break,
        }
    }
    // Found in bytes; a diagnostic's column counts characters (a flow
    // mapping may hold `Łódź` before the key).
    let (line, byte_column) = found;
    let before = lines.get(line - 1).and_then(|l| l.get(..byte_column - 1));
    (line, before.map_or(byte_column, |b| b.chars().count() + 1))
}

fn is_content(line: &str) -> bool {
    let t = line.trim_start();
    !t.is_empty() && !t.starts_with('#') && t != "---"
}

fn indent(line: &str) -> usize {
    line.len() - line.trim_start_matches(' ').len()
}

/// Finds `seg` among the entries of the block starting at (line, col).
/// Returns the entry's position and the block of its value.
fn child(
    lines: &[&str],
    (start, col): (usize, usize),
    seg: Seg,
) -> Option<((usize, usize), (usize, usize))> {
    // A one-line flow mapping, `{ title: Demo, session: x }`: find the key in the line.
    let flow = lines
        .get(start)
        .and_then(|l| l.get(col..))
        .filter(|r| r.starts_with('{'));
    if let (Seg::Key(key), Some(flow)) = (seg, flow) {
        let mut from = 0;
        while let Some(i) = flow[from..].find(key) {
            let at = from + i;
            let before = flow[..at].trim_end();
            if (before.ends_with('{') || before.ends_with(','))
                && flow[at + key.len()..].starts_with(':')
            {
                return Some(((start, col + at), (start, col + at)));
            }
            from = at + key.len();
        }
        return None;
    }
    if let (Seg::Index(n), Some(rest)) = (seg, lines.get(start).and_then(|l| l.get(col..))) {
        if rest.starts_with('[') {
            let at = col + flow_item(rest, n)?;
            return Some(((start, at), (start, at)));
        }
    }
    let mut index = 0;
    for i in start..lines.len() {
        let line = lines[i];
        if !is_content(line) {
            continue;
        }
        let ind = if i == start { col } else { indent(line) };
        if ind < col {
            return None;
        }
        if ind > col || line.len() <= col {
            continue;
        }
        let entry = &line[col..];
        match seg {
            Seg::Key(key) => {
                let bare = entry.strip_prefix(key).and_then(|r| r.strip_prefix(':'));
                let quoted = entry.strip_prefix(&format!("\"{key}\":")[..]);
                let single = entry.strip_prefix(&format!("'{key}':")[..]);
                let Some(rest) = bare.or(quoted).or(single) else {
                    continue;
                };
                let value_col =
                    col + (entry.len() - rest.len()) + (rest.len() - rest.trim_start().len());
                if is_content(rest) {
                    return Some(((i, col), (i, value_col)));
                }
                // The value is a block on the following lines.
                let next = (i + 1..lines.len()).find(|&j| is_content(lines[j]))?;
                return Some(((i, col), (next, indent(lines[next]))));
            }
            Seg::Index(n) => {
                let rest = entry.strip_prefix('-')?;
                if index == n {
                    let content_col = col + 1 + (rest.len() - rest.trim_start().len());
                    if is_content(rest) {
                        return Some(((i, col), (i, content_col)));
                    }
                    let next = (i + 1..lines.len()).find(|&j| is_content(lines[j]))?;
                    return Some(((i, col), (next, indent(lines[next]))));
                }
                index += 1;
            }
        }
    }
    None
}

/// Where item `n` of the one-line flow list `flow` (`[a, "b, c", [d]]`)
/// starts, as a byte offset.
fn flow_item(flow: &str, n: usize) -> Option<usize> {
    let (mut depth, mut quote, mut index) = (0usize, None, 0usize);
    let mut item_start = None;
    for (i, c) in flow.char_indices() {
        match (quote, c) {
            (Some(q), c) if c == q => quote = None,
            (Some(_), _) => continue,
            (None, '"' | '\'') => quote = Some(c),
            (None, '[' | '{') => depth += 1,
            (None, ']' | '}') => depth = depth.checked_sub(1)?,
            (None, ',') if depth == 1 => {
                index += 1;
                item_start = None;
                continue;
            }
            _ => {}
        }
        if depth == 0 {
            return None;
        }
        let opening = i == 0;
        if !opening && !c.is_whitespace() && item_start.is_none() {
            item_start = Some(i);
            if index == n {
                return Some(i);
            }
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::{locate, value_place, Seg, Seg::*};

    const DOC: &str = "\
title: A
# a comment
stages:
  - title: Opening
    turns:
      - by: coach
        say: Welcome.

      - { by: pp, answer: Yes }
  - title: Questions
    turns:
    - by: m1
      ask: What?
items: [a, b]
";

    #[test]
    fn finds_keys_and_items_in_block_yaml() {
        assert_eq!(locate(DOC, &[Key("title")]), (1, 1));
        assert_eq!(locate(DOC, &[Key("stages")]), (3, 1));
        assert_eq!(locate(DOC, &[Key("stages"), Index(0)]), (4, 3));
        assert_eq!(
            locate(DOC, &[Key("stages"), Index(0), Key("turns"), Index(1)]),
            (9, 7)
        );
        assert_eq!(
            locate(
                DOC,
                &[Key("stages"), Index(0), Key("turns"), Index(0), Key("say")]
            ),
            (7, 9)
        );
        // A key inside a one-line flow mapping.
        assert_eq!(
            locate(
                DOC,
                &[
                    Key("stages"),
                    Index(0),
                    Key("turns"),
                    Index(1),
                    Key("answer")
                ]
            ),
            (9, 19)
        );
        // A sequence at the same indentation as its key.
        assert_eq!(
            locate(
                DOC,
                &[Key("stages"), Index(1), Key("turns"), Index(0), Key("ask")]
            ),
            (13, 7)
        );
    }

    #[test]
    fn falls_back_to_the_deepest_node_found() {
        assert_eq!(locate(DOC, &[Key("items"), Index(1)]), (14, 12));
        assert_eq!(locate(DOC, &[Key("items"), Index(2)]), (14, 1));
        assert_eq!(
            locate("steps: [\"a, b\", [c, d], e]\n", &[Key("steps"), Index(2)]),
            (1, 25)
        );
        assert_eq!(locate(DOC, &[Key("stages"), Index(7)]), (3, 1));
        assert_eq!(locate(DOC, &[Key("nothing")]), (1, 1));
        assert_eq!(locate("", &[Key("x")]), (1, 1));
    }

    /// A key in quotes of either kind is the key: an error is placed at it,
    /// not at the mapping above.
    #[test]
    fn finds_a_key_written_in_quotes() {
        let text = "organization:\n  name: Org\n  \"email\": a at b\n  'website': www.x\n";
        assert_eq!(locate(text, &[Key("organization"), Key("email")]), (3, 3));
        assert_eq!(locate(text, &[Key("organization"), Key("website")]), (4, 3));
    }

    #[test]
    fn a_value_is_found_after_its_key_in_characters() {
        let text = "organization: { name: Fundacja Źródło Łódź, email: biuro(at)x, website: www.example.pl }\n";
        let at = locate(text, &[Seg::Key("organization"), Seg::Key("email")]);
        let row: Vec<char> = text.lines().next().unwrap().chars().collect();
        let from = |(_, c): (usize, usize)| row[c - 1..].iter().collect::<String>();
        assert!(from(at).starts_with("email:"), "{}", from(at));
        assert!(from(value_place(text, at)).starts_with("biuro(at)x"));
        // A flow item over two lines: `locate` stops at the item; the
        // value of its first key is not the one meant.
        let text = "items:\n  - {type: classify,\n     answer: clsoed}\n";
        let at = locate(
            text,
            &[Seg::Key("items"), Seg::Index(0), Seg::Key("answer")],
        );
        assert_eq!(value_place(text, at), at);
    }
}
