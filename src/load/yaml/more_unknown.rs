//! The other unknown fields and values of a file, after the first. The
//! YAML reader stops at the first field or value it does not know
//! (`titel:`, `role: trainer`), so a trainer with two slips (`titel:` on
//! line 1, `kind: lecture` on line 18) would learn of the second only from
//! the next build. Each unknown field found is taken out of a copy of the
//! text (its line, and the lines of its value below it), each unknown
//! value replaced there by one the field takes, and the copy read again,
//! until no other unknown field or value is reported.

use crate::diagnostic::Diagnostic;
use serde::de::DeserializeOwned;
use std::path::Path;

/// How many more unknown fields and values are looked for in one file.
const MORE: usize = 8;

/// The unknown fields and values of `text` (from line `first_line` of
/// `file`) after `first`, the error the reader gave for it; none when
/// `first` is about neither. After a value is replaced, nothing more is
/// reported from the mapping that holds it: the value put in its place may
/// not be the one meant (`type: clasify` read as `choose` would make the
/// item's right fields unknown).
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
        let swapped = if take_out(&mut lines, &last, first_line) {
            None
        } else {
            match replace_value(&mut lines, &last, first_line) {
                Some(within) => Some(within),
                None => break,
            }
        };
        let copy = lines.join("\n");
        let beside_swap = |d: &Diagnostic| swapped.is_some_and(|w| d.message.starts_with(w));
        match super::parse::<T>(file, &copy, first_line) {
            // Another field or another place: two unknown fields may share
            // a line in braces, the second where the first was taken out.
            Err(d) if unknown(&d) && !same_error(&d, &last) && !beside_swap(&d) => {
                found.push(d.clone());
                last = d;
            }
            _ => break,
        }
    }
    found
}

/// Whether `a` and `b` name the same unknown field or value at the same place.
fn same_error(a: &Diagnostic, b: &Diagnostic) -> bool {
    (a.line, a.column, &a.message) == (b.line, b.column, &b.message)
}

/// Whether `d` is about an unknown field or an unknown value.
fn unknown(d: &Diagnostic) -> bool {
    unknown_field(d).is_some() || unknown_value(d).is_some()
}

/// The value an error says is unknown, and the value to read in its place:
/// the one its hint suggests ("`trainer` is called `coach` here", "did you
/// mean `classify`?"), else the first it lists as expected ("expected one
/// of: `presenter`, …").
fn unknown_value(d: &Diagnostic) -> Option<(&str, &str)> {
    let value = d
        .message
        .split("unknown value `")
        .nth(1)?
        .split('`')
        .next()?;
    let hint = d.hint.as_deref()?;
    let quoted_after = |marker: &str| hint.split(marker).nth(1)?.split('`').next();
    let instead = quoted_after("is called `")
        .or_else(|| quoted_after("did you mean `"))
        .or_else(|| quoted_after("expected one of: `"))?;
    Some((value, instead))
}

/// Where an error is, as its message names it: "in `roles` (item 1)" of
/// "in `roles` (item 1) → `role`: unknown value …"; empty at the top.
fn mapping_of(message: &str) -> &str {
    let place = message.split(": unknown value").next().unwrap_or("");
    place.rsplit_once(" → ").map_or("", |(within, _)| within)
}

/// Writes, in place of the unknown value `d` names, a value the field
/// takes (see [`unknown_value`]), so that reading the copy again goes on
/// past it; returns the mapping that holds it (see [`mapping_of`]), `None`
/// when the value is not where the error points.
fn replace_value<'d>(
    lines: &mut [String],
    d: &'d Diagnostic,
    first_line: usize,
) -> Option<&'d str> {
    let (value, expected) = unknown_value(d)?;
    let line = (d.line + 1)
        .checked_sub(first_line)
        .and_then(|l| l.checked_sub(1))
        .and_then(|at| lines.get_mut(at))?;
    // The error's column counts characters, and may point at a quote mark.
    let byte = line
        .char_indices()
        .nth(d.column.saturating_sub(1))
        .map_or(line.len(), |(i, _)| i);
    let start = match &line[byte..] {
        rest if rest.starts_with(value) => byte,
        rest if rest.starts_with(['"', '\'']) && rest[1..].starts_with(value) => byte + 1,
        _ => return None,
    };
    line.replace_range(start..start + value.len(), expected);
    Some(mapping_of(&d.message))
}

/// The field an error says is unknown.
fn unknown_field(d: &Diagnostic) -> Option<&str> {
    field_named(&d.message)
}

/// The field an error's message says is unknown ("in `stages` (item 1):
/// unknown field `anwser`" names `anwser`).
pub(super) fn field_named(message: &str) -> Option<&str> {
    let rest = message.split("unknown field `").nth(1)?;
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
    // The field the hint suggests (`feedbak` → `feedback`) is written in
    // its place: taken out, a required field would be missing, and that
    // error would end the search for the others.
    let byte = line
        .char_indices()
        .nth(d.column.saturating_sub(1))
        .map_or(line.len(), |(i, _)| i);
    let meant = d
        .hint
        .as_deref()
        .and_then(|h| h.split("did you mean `").nth(1)?.split('`').next());
    if let Some(meant) = meant.filter(|_| line[byte..].starts_with(&format!("{field}:"))) {
        lines[at].replace_range(byte..byte + field.len(), meant);
        return true;
    }
    let content = line.trim_start();
    if !content.starts_with(&format!("{field}:")) {
        // In braces (`- { by: lee, anwser: "…" }`, a session's turns): the
        // entry alone goes.
        // (The error's column counts characters; the line is cut at bytes.)
        return match without_entry(line, byte, field) {
            Some(shorter) => {
                lines[at] = shorter;
                true
            }
            None => false,
        };
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

/// `line` without the entry `field: value` of a mapping in braces that
/// starts at byte `at` (where the error points), with the comma that set it
/// apart; `None` when no such entry starts there.
fn without_entry(line: &str, at: usize, field: &str) -> Option<String> {
    let rest = line.get(at..)?;
    let value = rest.strip_prefix(field)?.strip_prefix(':')?;
    let before = line[..at].trim_end();
    if !(before.ends_with('{') || before.ends_with(',')) {
        return None;
    }
    let start = value.len() - value.trim_start().len();
    let end = at + field.len() + 1 + start + value_len(&value[start..])?;
    let after = line[end..].trim_start();
    Some(match after.strip_prefix(',') {
        // Not the last entry: it goes with the comma after it.
        Some(more) => format!("{}{}", &line[..at], more.trim_start()),
        // The last: with the comma before it.
        None => format!("{} {}", before.strip_suffix(',').unwrap_or(before), after),
    })
}

/// The length of the value at the start of `text` in a flow mapping: a
/// quoted text, a bracketed list or mapping, or a plain value up to the next
/// `,` or `}`; `None` when it does not end.
fn value_len(text: &str) -> Option<usize> {
    let mut depth = 0usize;
    // Only a quote mark that starts the value opens a quoted text: the `'`
    // of `don't know` is a letter of a plain one.
    let mut quote = text.chars().next().filter(|c| matches!(c, '"' | '\''));
    let mut chars = text.char_indices().peekable();
    if quote.is_some() {
        chars.next(); // the opening mark
    }
    while let Some((i, c)) = chars.next() {
        match (quote, c) {
            (Some('"'), '\\') => {
                chars.next();
            }
            (Some('\''), '\'') if chars.peek().is_some_and(|&(_, n)| n == '\'') => {
                chars.next();
            }
            (Some(q), c) if c == q => quote = None,
            (Some(_), _) => {}
            (None, '[' | '{') => depth += 1,
            (None, ']' | '}') if depth > 0 => depth -= 1,
            (None, ',' | '}') if depth == 0 => return Some(i),
            _ => {}
        }
    }
    None
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

    #[test]
    fn every_unknown_field_in_braces_is_found() {
        let text = "items:\n  - { text: \"one, two\", knd: x }\n  - { text: b }\n  - { knd: [a, b], text: c }\n";
        let file = Path::new("s.yaml");
        let first = super::super::parse::<Doc>(file, text, 1).unwrap_err();
        let more = after::<Doc>(file, text, 1, &first);
        let found: Vec<(usize, &str)> = std::iter::once(&first)
            .chain(&more)
            .map(|d| (d.line, unknown_field(d).unwrap()))
            .collect();
        assert_eq!(found, [(2, "knd"), (4, "knd")]);
        // Two on one line, after letters beyond ASCII.
        let text = "items:\n  - { text: \"Cześć\", knd: x, kid: y }\n";
        let first = super::super::parse::<Doc>(file, text, 1).unwrap_err();
        let more = after::<Doc>(file, text, 1, &first);
        let found: Vec<&str> = std::iter::once(&first)
            .chain(&more)
            .map(|d| unknown_field(d).unwrap())
            .collect();
        assert_eq!(found, ["knd", "kid"]);
    }

    #[test]
    fn an_entry_goes_from_its_braces_with_its_comma() {
        let line = "  - { by: lee, anwser: \"Yes, {really}\", note: x }";
        let at = line.find("anwser").unwrap();
        assert_eq!(
            without_entry(line, at, "anwser").as_deref(),
            Some("  - { by: lee, note: x }")
        );
        let last = "  - { by: lee, anwser: 'it''s' }";
        let at = last.find("anwser").unwrap();
        assert_eq!(
            without_entry(last, at, "anwser").as_deref(),
            Some("  - { by: lee }")
        );
        assert_eq!(without_entry("  anwser: x", 2, "anwser"), None);
        // An apostrophe inside a plain value is a letter.
        let plain = "  - { anwser: don't know, note: x }";
        let at = plain.find("anwser").unwrap();
        assert_eq!(
            without_entry(plain, at, "anwser").as_deref(),
            Some("  - { note: x }")
        );
    }
}
