//! The other unknown fields of a file, after the first. The YAML reader
//! stops at the first field it does not know (`titel:`), so a trainer with
//! two misspelt fields (`titel:` on line 1, `knd:` on line 18) would learn
//! of the second only from the next build. Each unknown field found is
//! taken out of a copy of the text (its line, and the lines of its value
//! below it), and the copy read again, until no other unknown field is
//! reported.

use crate::diagnostic::Diagnostic;
use serde::de::DeserializeOwned;
use std::path::Path;

/// How many more unknown fields are looked for in one file.
const MORE: usize = 8;

/// The unknown fields of `text` (from line `first_line` of `file`) after
/// `first`, the error the reader gave for it; none when `first` is not
/// about an unknown field.
pub fn after<T: DeserializeOwned>(
    file: &Path,
    text: &str,
    first_line: usize,
    first: &Diagnostic,
) -> Vec<Diagnostic> {
    let mut lines: Vec<String> = text.lines().map(str::to_string).collect();
    let mut found = Vec::new();
    let mut last = first.clone();
    for _ in 0..MORE {
        if !take_out(&mut lines, &last, first_line) {
            break;
        }
        let copy = lines.join("\n");
        match super::parse::<T>(file, &copy, first_line) {
            Err(d) if unknown_field(&d).is_some() && d.line != last.line => {
                found.push(d.clone());
                last = d;
            }
            _ => break,
        }
    }
    found
}

/// The field an error says is unknown.
fn unknown_field(d: &Diagnostic) -> Option<&str> {
    let rest = d.message.split("unknown field `").nth(1)?;
    rest.split('`').next()
}

/// Blanks the line of the unknown field `d` names, and the lines of its
/// value indented below it; false when that line is not a plain `key:`
/// line (a list item's first key, `- titel: …`, is left alone: without
/// it the item would be another thing).
fn take_out(lines: &mut [String], d: &Diagnostic, first_line: usize) -> bool {
    let Some(field) = unknown_field(d) else {
        return false;
    };
    let Some(at) = (d.line + 1)
        .checked_sub(first_line)
        .and_then(|l| l.checked_sub(1))
    else {
        return false;
    };
    let Some(line) = lines.get(at) else {
        return false;
    };
    let content = line.trim_start();
    if !content.starts_with(&format!("{field}:")) {
        return false;
    }
    let indent = line.len() - content.len();
    lines[at].clear();
    for l in lines.iter_mut().skip(at + 1) {
        let c = l.trim_start();
        if !c.is_empty() && l.len() - c.len() <= indent {
            break;
        }
        l.clear();
    }
    true
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde::Deserialize;

    #[derive(Debug, Deserialize)]
    #[serde(deny_unknown_fields)]
    #[allow(dead_code)]
    struct Doc {
        title: Option<String>,
        items: Vec<Item>,
    }

    #[derive(Debug, Deserialize)]
    #[serde(deny_unknown_fields)]
    #[allow(dead_code)]
    struct Item {
        text: String,
        kind: Option<String>,
    }

    #[test]
    fn every_unknown_field_of_a_file_is_found() {
        let text =
            "titel: A\nitems:\n  - text: one\n    knd: x\n  - text: two\n    note: |\n      more\n";
        let file = Path::new("s.yaml");
        let first = super::super::parse::<Doc>(file, text, 1).unwrap_err();
        assert!(
            first.message.contains("unknown field `titel`"),
            "{}",
            first.message
        );
        let more = after::<Doc>(file, text, 1, &first);
        let found: Vec<(usize, &str)> = more
            .iter()
            .map(|d| (d.line, unknown_field(d).unwrap()))
            .collect();
        assert_eq!(found, [(4, "knd"), (6, "note")]);
    }
}
