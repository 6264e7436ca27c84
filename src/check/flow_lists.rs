//! A list in brackets (`objectives: [Poznać się, Wyjaśnić, czym jest AL]`)
//! whose commas cut an entry in two. Every comma inside `[…]` starts a new
//! entry, and Polish puts one before `czym`, `że`, `który` … as English does
//! before `and why`: the list quietly gets an entry too many. An entry that
//! starts with a small letter in a list whose first entry starts with a
//! capital is most likely such a piece, and is warned about at its place.

use crate::diagnostic::Diagnostic;
use crate::model::Site;
use std::path::Path;

/// Warnings for the lists in brackets of every YAML file and front matter.
pub fn check_flow_lists(site: &Site) -> Vec<Diagnostic> {
    let mut out = Vec::new();
    for (path, text) in &site.texts {
        let ext = path.extension().and_then(|e| e.to_str()).unwrap_or("");
        let yaml_lines = match ext {
            "yaml" | "yml" => text.lines().count(),
            "md" | "markdown" => front_matter_lines(text),
            _ => continue,
        };
        for (n, line) in text.lines().take(yaml_lines).enumerate() {
            if let Some(d) = split_entry(path, n + 1, line) {
                out.push(d);
            }
        }
    }
    out
}

/// How many lines a Markdown file's front matter takes, its `---` lines
/// included; 0 without one.
fn front_matter_lines(text: &str) -> usize {
    let mut lines = text.lines();
    if lines.next().map(str::trim_end) != Some("---") {
        return 0;
    }
    lines
        .position(|l| l.trim_end() == "---")
        .map_or(0, |end| end + 2)
}

/// The warning for `line` (number `n`), when it holds `key: [ … ]` with an
/// entry cut off the one before.
fn split_entry(path: &Path, n: usize, line: &str) -> Option<Diagnostic> {
    let (key, rest) = line.split_once(": [")?;
    let key = key.trim_start().trim_start_matches("- ").trim();
    if key.is_empty() || key.starts_with('#') || !rest.trim_end().ends_with(']') {
        return None;
    }
    let open = line.len() - rest.len();
    let entries = entries(rest.trim_end().strip_suffix(']')?)?;
    let starts = |e: &str, f: fn(char) -> bool| e.chars().next().is_some_and(f);
    let (first, _) = entries.first()?;
    if !starts(first, char::is_uppercase) {
        return None;
    }
    let (i, (piece, at)) = entries
        .iter()
        .enumerate()
        .skip(1)
        .find(|(_, (e, _))| starts(e, char::is_lowercase))?;
    let before = entries[i - 1].0;
    let column = line[..open + at].chars().count() + 1;
    Some(
        Diagnostic::warning(
            path,
            format!("entry {} of `{key}` (`{piece}`) starts with a small letter: a comma inside `[…]` starts a new entry", i + 1),
        )
        .at(n, column)
        .hint(format!(
            "if it goes on from the entry before, put the two in quotes as one: \"{before}, {piece}\"; or write the list one entry a line, each after `- `"
        )),
    )
}

/// The unquoted entries of a one-line list's inside and where each starts
/// (bytes from the `[`'s next character); `None` for a list that holds
/// quotes, brackets or braces (entries that cannot be cut by mistake, or
/// a list this reading does not follow).
fn entries(inside: &str) -> Option<Vec<(&str, usize)>> {
    if inside.contains(['"', '\'', '[', ']', '{', '}', '#']) {
        return None;
    }
    let mut out = Vec::new();
    let mut start = 0;
    for piece in inside.split(',') {
        let trimmed = piece.trim_start();
        let at = start + (piece.len() - trimmed.len());
        out.push((trimmed.trim_end(), at));
        start += piece.len() + 1;
    }
    Some(out)
}

#[cfg(test)]
mod tests {
    use super::split_entry;
    use std::path::Path;

    fn warned(line: &str) -> Option<(usize, String)> {
        split_entry(Path::new("m.md"), 3, line).map(|d| (d.column, d.message))
    }

    #[test]
    fn a_piece_cut_off_by_a_comma_is_warned_about_at_its_place() {
        let (column, message) = warned("objectives: [Poznać się, Wyjaśnić, czym jest AL]").unwrap();
        assert_eq!(column, 36);
        assert!(
            message.contains("entry 3 of `objectives` (`czym jest AL`)"),
            "{message}"
        );
        assert!(warned("objectives: [Meet, Explain the method, and why it works]").is_some());
    }

    #[test]
    fn lists_of_ids_quoted_entries_and_capitalised_entries_are_left_alone() {
        assert_eq!(warned("also: [probing, closed]"), None);
        assert_eq!(
            warned("steps: [Opening, Problem presentation, Questions]"),
            None
        );
        assert_eq!(
            warned(r#"objectives: ["Poznać się", "Wyjaśnić, czym jest AL"]"#),
            None
        );
        assert_eq!(warned("languages: [pl, en]"), None);
        assert_eq!(warned("# objectives: [A, b]"), None);
    }
}
