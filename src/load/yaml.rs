//! The one place YAML is parsed. Deserializing straight into the typed struct
//! keeps serde_yaml's positions; swapping the YAML crate means editing this file.

use crate::diagnostic::Diagnostic;
use serde::de::DeserializeOwned;
use std::path::Path;

mod aliases;
mod anchors;
mod blocks;
mod colons;
pub mod curly;
mod durations;
mod entries;
mod escapes;
mod explain;
mod field_words;
mod found_text;
mod lining;
mod locate;
mod misread;
pub mod more_unknown;
mod not_a_key;
mod nothing;
mod number_hints;
mod numbers;
mod overindent;
mod prescan;
mod quoting;
mod tags;
pub use blocks::block_lines;
use explain::explain;
pub use locate::{locate, locate_value, value_place, Seg};
pub(crate) use prescan::invisible_character;
use prescan::prescan;
pub(crate) use quoting::{quoted, split_value};

/// Parses `text` (which starts at line `first_line` of `file`) into `T`.
pub fn parse<T: DeserializeOwned>(
    file: &Path,
    text: &str,
    first_line: usize,
) -> Result<T, Diagnostic> {
    let shift = |d: Diagnostic| {
        let (line, column) = (d.line + first_line - 1, d.column);
        d.at(line, column)
    };
    let text = &*blank_tabs(text);
    prescan(file, text)
        .map_err(|d| nothing::for_a_list::<T>(file, text, first_line, &d).unwrap_or(d))
        .map_err(shift)?;
    escapes::control_codes(file, text).map_err(shift)?;
    serde_yaml::from_str(text).map_err(|e| {
        let raw = e.to_string();
        match missing_key(&raw).filter(|_| is_blank(text)) {
            Some(required) => {
                let comments = text.lines().any(|l| l.trim_start().starts_with('#'));
                shift(empty::<T>(file, first_line > 1, comments, required))
            }
            None => shift(from_serde::<T>(file, text, first_line, &e)),
        }
    })
}

/// `text` with each line of nothing but spaces and tabs (an editor's
/// indent left behind) made empty: such a line looks blank, and YAML would
/// refuse its tab. Lines keep their numbers.
pub(crate) fn blank_tabs(text: &str) -> std::borrow::Cow<'_, str> {
    let tabbed = |l: &str| l.contains('\t') && l.trim_matches([' ', '\t', '\r']).is_empty();
    if !text.lines().any(tabbed) {
        return text.into();
    }
    let lines: Vec<&str> = text
        .split('\n')
        .map(|l| if tabbed(l) { "" } else { l })
        .collect();
    lines.join("\n").into()
}

/// Nothing but blank lines, comments and document markers.
fn is_blank(text: &str) -> bool {
    text.lines()
        .map(str::trim)
        .all(|l| l.is_empty() || l.starts_with('#') || l == "---" || l == "...")
}

/// An empty file (or front matter) where fields were expected: named so,
/// with the fields it takes, instead of the first one missing "in this
/// mapping" at a line past the end.
/// `comments`: it holds comments (`# …`) and nothing else.
fn empty<T: DeserializeOwned>(
    file: &Path,
    front_matter: bool,
    comments: bool,
    required: &str,
) -> Diagnostic {
    let what = match (front_matter, comments) {
        (true, false) => "the front matter is empty",
        (true, true) => "the front matter holds only comments (lines starting with #)",
        (false, false) => "the file is empty",
        (false, true) => "the file holds only comments (lines starting with #)",
    };
    let fields = fields_of::<T>().unwrap_or_else(|| format!("`{required}`"));
    Diagnostic::error(file, format!("{what}: it has no `{required}:` or other fields"))
        .at(1, 1)
        .hint(format!(
            "write its fields as `key: value` lines, starting with `{required}:`; the fields it takes: {fields}"
        ))
}

/// The language code an "unknown field" error names where `languages` is
/// the only field allowed (`en:` at the top of question-rules.yaml).
fn unknown_language_section(message: &str, hint: Option<&str>) -> Option<String> {
    let field = more_unknown::field_named(message)?;
    let only_languages = hint?.ends_with("allowed fields here: `languages`");
    let code = crate::load::language_codes::is_language_tag(field);
    (only_languages && code).then(|| field.to_string())
}

/// Turns serde_yaml's error into a diagnostic at the place to fix.
fn from_serde<T: DeserializeOwned>(
    file: &Path,
    text: &str,
    first_line: usize,
    e: &serde_yaml::Error,
) -> Diagnostic {
    let raw = e.to_string();
    let (stripped, positions) = strip_positions(&raw);
    // A syntax error names where it noticed the problem, and often where the
    // unfinished construct began ("while scanning a quoted scalar at …"):
    // the beginning is where the fix goes. Not so for a list item without
    // its `- `, or a line between two indentations: the fix is at that line,
    // not where its list or mapping began.
    let at_problem = ["did not find expected '-'", "did not find expected key"]
        .iter()
        .any(|p| raw.contains(p));
    let (mut line, mut column) = match (
        raw.contains(", while ") && !at_problem,
        positions.last(),
        e.location(),
    ) {
        (true, Some(&(l, c)), _) => (l, c),
        (_, _, Some(l)) => (l.line(), l.column()),
        (_, Some(&(l, c)), None) => (l, c),
        (_, None, None) => (1, 1),
    };
    if raw.contains("repetition limit exceeded") {
        (line, column) = aliases::first_reference(text).unwrap_or((line, column));
    }
    let copied = aliases::at_use(text, &stripped, (line, column)).map(|(l, c, name)| {
        let mark = line + first_line - 1;
        (line, column) = (l, c);
        format!("this value is a copy (`*{name}`) of the one marked `&{name}` on line {mark}")
    });
    // A top-level key indented while the others are not.
    if let Some(d) = lining::indented_top_key(file, text, first_line) {
        return d;
    }
    if let Some(key) = missing_key(&stripped) {
        // A key that is present but indented differently is the usual cause,
        // or another key of the block indented less, which ends it early.
        if let Some((l, c, found)) = lining::misplaced_key(text, line, column, key) {
            let d = Diagnostic::error(
                file,
                format!("`{found}:` is not lined up with the other keys of its block"),
            )
            .at(l, c)
            .hint(format!(
                "indent it exactly like the key on line {} (column {column}), so it belongs to the same mapping",
                line + first_line - 1
            ));
            return d;
        }
        if let Some((l, owner)) = lining::fields_not_under(text, line, key) {
            return Diagnostic::error(
                file,
                format!("`{owner}:` is empty, and `{key}:` on line {} is not indented under it, so it is read as a field of its own", l + first_line - 1),
            )
            .at(line, column)
            .hint(format!("indent the lines that belong to `{owner}` (`{key}:` and the others) by two spaces more than `{owner}:`"));
        }
    }
    let mut first_of_two = None;
    let mut in_braces = false;
    if let Some(key) = duplicate_key(&stripped) {
        // serde points at the mapping; the fix is at the key's second line.
        if let Some(c) = second_key_in_braces(text, line, column, key) {
            column = c;
            in_braces = true;
        } else if let Some((first, (l, c))) = second_key(text, line, column, key) {
            (line, column) = (l, c);
            let in_item = text
                .lines()
                .nth(first - 1)
                .is_some_and(|f| f.trim_start().starts_with("- "));
            first_of_two = Some((first + first_line - 1, in_item));
        }
    }
    let (mut message, mut hint) = explain(&stripped);
    if let Some((field, foreign)) = foreign_field(file, &message) {
        let others = super::foreign::others(text, field, first_line)
            .map_or(String::new(), |o| format!("; {o}"));
        hint = Some(format!("{foreign}{others}; {}", hint.unwrap_or_default()));
    }
    // `email:` flush left in site.yaml, `language: [pl, en]`.
    if let Some(h) = field_words::placement(&message, file.ends_with("site.yaml")) {
        hint = Some(h);
    }
    // question-rules.yaml's sections written without `languages:` above.
    if let Some(code) = unknown_language_section(&message, hint.as_deref()) {
        let under = text.lines().any(|l| l.trim_end() == "languages:");
        hint = Some(match under {
            true => format!("the word lists of each language go under `languages:`: indent `{code}:` and every line below it by two spaces, as the sections above it are"),
            false => format!("the word lists of each language go under `languages:`: write `languages:` on a line of its own above `{code}:`, and indent `{code}:` and every line below it by two spaces"),
        });
    }
    // `- pause:` with its `type:` below it, not indented under it.
    let unknown = more_unknown::field_named(&message);
    // Not where the field is a slip for another (`emial:`): that hint stays.
    let no_suggestion = hint
        .as_deref()
        .is_some_and(|h| h.starts_with("allowed fields here"));
    if let Some((field, owner)) = unknown
        .filter(|_| no_suggestion)
        .and_then(|f| Some((f, lining::empty_key_above(text, line)?)))
    {
        hint = Some(format!("`{owner}:` is empty, and `{field}:` below it is not indented under it, so it is read as a field of its own: indent the lines that belong to `{owner}` (`{field}:` and the others) by two spaces more than `{owner}:`"));
    }
    if let Some((first, in_item)) = first_of_two {
        message = format!("{message} (first on line {first})");
        if in_item {
            // `- module: a` then `  module: b`: the second item lost its dash.
            hint = Some(format!("if this line starts another item of the list, begin it with `- ` lined up with the `- ` on line {first}; otherwise keep one of the two lines, as YAML allows each key once per mapping"));
        }
    }
    if in_braces {
        hint = Some("keep one of the two `key: value` entries in the braces; YAML allows each key once per mapping".into());
    }
    if hint.as_deref() == Some(explain::NOT_A_KEY_HINT) {
        hint = Some(not_a_key::not_a_key_hint(text, line, column));
    }
    if let Some((key, l, c)) =
        lining::key_short_of_its_item(text, line).filter(|_| message.contains("missing its `- `"))
    {
        column = 1 + text
            .lines()
            .nth(line - 1)
            .map_or(0, |t| t.len() - t.trim_start().len());
        message = format!("`{key}:` is not lined up with the other keys of its list item");
        hint = Some(format!(
            "indent it exactly like the key on line {} (column {c}), so it belongs to the same item",
            l + first_line - 1
        ));
    }
    let about_a_list = message.contains("missing its `- `")
        || hint.as_deref().is_some_and(|h| h.contains("a list (lines"));
    if let Some((l, fixed)) = lining::dash_without_space(text, line).filter(|_| about_a_list) {
        line = l;
        column = 1 + fixed.len() - fixed.trim_start().len();
        message =
            "a list item's `-` has no space after it, so YAML reads the dash as part of a key"
                .into();
        hint = Some(format!("put a space after the `-`: `{}`", fixed.trim()));
    }
    if let Some(h) = second_type(text, line, &message) {
        hint = Some(h);
    }
    if let Some(h) = number_hints::comma_in_a_number(text, line, column, &message)
        .or_else(|| number_hints::comma_in_a_text(text, line, column, &message))
    {
        hint = Some(h);
    }
    if let Some(h) = hint
        .as_deref()
        .and_then(|h| number_hints::unquoted_number(text, line, column, h))
    {
        hint = Some(h);
    }
    if let Some(h) = hint
        .as_deref()
        .and_then(|h| number_hints::percent_sign(&message, h))
    {
        hint = Some(h);
    }
    if let Some(copied) = copied {
        hint = Some(hint.map_or(copied.clone(), |h| format!("{h}; {copied}")));
    }
    let mut places = positions.clone();
    places.push((line, column));
    if let Some(m) = misread::misread_text(text, &places, &stripped, &message, hint.as_deref()) {
        (line, column, message, hint) = (m.line, m.column, m.message, Some(m.hint));
    }
    if let Some(o) = overindent::overindented(text, line, first_line, &message) {
        (line, column, message, hint) = (o.line, o.column, o.message, Some(o.hint));
    }
    if message.starts_with("YAML syntax error") {
        if let Some((l, c, end)) = e.location().and_then(|p| quoting::runaway(text, p.line())) {
            (line, column) = (l, c);
            message = format!(
                "YAML syntax error: a quote mark opened here is not closed on its line, so YAML reads on to the next quote mark, on line {}",
                end + first_line - 1
            );
            hint = Some("end the text with the same quote mark on this line; inside \"…\" write \\\" for a quote mark, inside '…' write ''".into());
        }
        if message.contains("a quote mark opened here") {
            hint = curly_close(text, line, column).or(hint);
        }
    }
    // serde names a nested value's place ("nav[0]: …"); the fields of the
    // whole file are then not the ones expected there.
    let top_level = !matches!(stripped.split_once(": "), Some((p, _)) if !p.contains(' '));
    let hint = hint.map(|h| {
        if h == "expected a mapping (lines of `key: value`)" && top_level {
            match fields_of::<T>() {
                Some(fields) => format!(
                    "expected a mapping with the fields {fields}{}",
                    not_a_key::colon_forgotten(text, line, &fields).unwrap_or_default()
                ),
                None => h,
            }
        } else if h == "expected a mapping (lines of `key: value`)" {
            match entries::example_entry(&message) {
                Some(example) => format!("{h}, one for each entry, such as `{example}`"),
                None => h,
            }
        } else {
            h
        }
    });
    let d = Diagnostic::error(file, message).at(line, column);
    match hint {
        Some(h) => d.hint(h),
        None => d,
    }
}

/// Line `line` (from 1) of `text`, as a diagnostic's line counts.
fn source_line(text: &str, line: usize) -> Option<&str> {
    text.lines().nth(line.checked_sub(1)?)
}

/// The hint for a text opened with a straight quote mark at (`line`,
/// `column`) and ended with a curly one, as a word processor or a phone
/// types it (`"Sesja na żywo”`, `{ say: "Welcome.” }`): YAML ends it only
/// with the mark it opened. The last curly mark on the line is taken as
/// the one meant to close it.
fn curly_close(text: &str, line: usize, column: usize) -> Option<String> {
    let l = source_line(text, line)?;
    let mut after = l.chars().skip(column.checked_sub(1)?);
    let open = after.next().filter(|c| matches!(c, '"' | '\''))?;
    let close = after.filter(|c| "”“„’‘»«".contains(*c)).last()?;
    Some(format!("the text ends with `{close}`, a curly quote mark, but YAML ends it only with the straight `{open}` it opened with: type `{open}` in place of `{close}`"))
}

/// For `type:` at line `line` that the item it sits in does not take: the
/// item read its own `type` already, so this line most likely starts the
/// next item and lost its `- ` (a practice set's `- type: rewrite`, then
/// `    type: choose`).
fn second_type(text: &str, line: usize, message: &str) -> Option<String> {
    let in_item = message.contains("in `items` (item ") && message.contains("unknown field `type`");
    in_item.then_some(())?;
    let source = source_line(text, line)?.trim_start();
    let value = source.strip_prefix("type:")?.trim();
    Some(format!("this item has its `type` already, on its `- ` line, so this `type:` starts the next item: begin it with `- ` (`- type: {value}`), lined up with the `- ` of the item above"))
}

/// The fields `T` takes, as serde lists them for an unknown one.
fn fields_of<T: DeserializeOwned>() -> Option<String> {
    let e = serde_yaml::from_str::<T>("alsite-no-such-field: 1").err()?;
    let raw = e.to_string();
    let (_, expected) = raw.split_once(", expected ")?;
    let (list, _) = strip_positions(expected);
    Some(list.replace("one of ", "").replace(" or ", ", "))
}

fn missing_key(message: &str) -> Option<&str> {
    let rest = message.split("missing field `").nth(1)?;
    rest.split('`').next()
}

/// The key of serde's "duplicate field `x`" (a struct) or "duplicate entry
/// with key \"x\"" (a mapping of any keys).
fn duplicate_key(message: &str) -> Option<&str> {
    let (rest, end) = match message.split_once("duplicate field `") {
        Some((_, rest)) => (rest, '`'),
        None => (message.split_once("duplicate entry with key \"")?.1, '"'),
    };
    rest.split(end).next()
}

/// The first line, and the second line and column, at or after `line`,
/// that start the key `key` at the mapping's indentation.
fn second_key(
    text: &str,
    line: usize,
    column: usize,
    key: &str,
) -> Option<(usize, (usize, usize))> {
    let indent = column.saturating_sub(1);
    let starts = |l: &str| {
        let rest = l.get(indent..)?;
        let rest = rest.strip_prefix("- ").unwrap_or(rest);
        let bare = rest.strip_prefix(key).and_then(|r| r.strip_prefix(':'));
        let quoted = rest
            .strip_prefix(&format!("\"{key}\":")[..])
            .or_else(|| rest.strip_prefix(&format!("'{key}':")[..]));
        bare.or(quoted).map(|_| ())
    };
    let mut found = text
        .lines()
        .enumerate()
        .skip(line.saturating_sub(1))
        .filter(|(_, l)| starts(l).is_some());
    let (first, _) = found.next()?;
    found.next().map(|(i, l)| {
        let column = l.len() - l.trim_start_matches([' ', '-']).len() + 1;
        (first + 1, (i + 1, column))
    })
}

/// In a mapping in braces starting at (`line`, `column`), `{ by: a, by: b }`,
/// the column of the key `key`'s second entry on that line.
fn second_key_in_braces(text: &str, line: usize, column: usize, key: &str) -> Option<usize> {
    let source = source_line(text, line)?;
    let start = source.char_indices().nth(column.checked_sub(1)?)?.0;
    let rest = source[start..].strip_prefix('{')?;
    let mut seen = 0;
    let mut offset = start + 1;
    for entry in rest.split(',') {
        let name = entry.trim_start();
        let bare = name
            .strip_prefix(key)
            .is_some_and(|r| r.trim_start().starts_with(':'));
        if bare {
            seen += 1;
            if seen == 2 {
                let at = offset + entry.len() - name.len();
                return Some(source[..at].chars().count() + 1);
            }
        }
        offset += entry.len() + 1;
    }
    None
}

/// Removes every " at line L column C" from a message, returning the positions.
fn strip_positions(raw: &str) -> (String, Vec<(usize, usize)>) {
    let mut text = String::with_capacity(raw.len());
    let mut positions = Vec::new();
    let mut rest = raw;
    while let Some(i) = rest.find(" at line ") {
        text.push_str(&rest[..i]);
        let after = &rest[i + " at line ".len()..];
        let line_digits = after.chars().take_while(char::is_ascii_digit).count();
        let tail = &after[line_digits..];
        match tail.strip_prefix(" column ") {
            Some(col) if line_digits > 0 => {
                let col_digits = col.chars().take_while(char::is_ascii_digit).count();
                let line = after[..line_digits].parse().unwrap_or(1);
                let column = col[..col_digits].parse().unwrap_or(1);
                positions.push((line, column));
                rest = &col[col_digits..];
            }
            _ => {
                text.push_str(" at line ");
                rest = after;
            }
        }
    }
    text.push_str(rest);
    (text, positions)
}

/// For an unknown field in a Markdown file's front matter that another site
/// generator uses (`date`, `draft` …), what to do instead.
fn foreign_field<'m>(file: &Path, message: &'m str) -> Option<(&'m str, &'static str)> {
    let ext = file.extension()?.to_str()?.to_ascii_lowercase();
    let field = message.strip_prefix("unknown field `")?.strip_suffix('`')?;
    let hint = (ext == "md" || ext == "markdown").then(|| super::foreign::hint(field))??;
    Some((field, hint))
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde::Deserialize;

    #[derive(Debug, Deserialize)]
    #[serde(deny_unknown_fields)]
    #[allow(dead_code)]
    struct T {
        title: String,
        n: u32,
    }

    fn err(text: &str, first_line: usize) -> Diagnostic {
        parse::<T>(Path::new("f.yaml"), text, first_line).unwrap_err()
    }

    #[test]
    fn a_line_of_spaces_and_tabs_is_blank() {
        let parsed = parse::<T>(Path::new("f.yaml"), "title: a\n\t\n  \t \r\nn: 1\n", 1);
        assert_eq!(parsed.map(|t| t.n).ok(), Some(1));
        // A tab that indents a key is still an error, at its line.
        assert_eq!(err("title: a\n\tn: 1\n", 1).line, 2);
    }

    #[test]
    fn unknown_field_names_the_allowed_ones() {
        let d = err("title: a\nn: 1\ntitel: b\n", 1);
        assert_eq!((d.line, d.column), (3, 1));
        assert_eq!(d.message, "unknown field `titel`");
        assert_eq!(
            d.hint.as_deref(),
            Some("did you mean `title`? allowed fields here: `title`, `n`")
        );
    }

    #[test]
    fn positions_shift_by_the_first_line() {
        let d = err("title: a\nn: many\n", 2);
        assert_eq!((d.line, d.column), (3, 4));
        assert_eq!(
            d.message,
            "in `n`: wrong kind of value: found the text \"many\""
        );
        assert_eq!(
            d.hint.as_deref(),
            Some("expected a whole number from 0 to 4294967295")
        );
    }

    #[test]
    fn an_invisible_character_in_a_field_name_is_named() {
        let d = err("title: a\nn: 1\n\u{200b}title: b\n", 1);
        assert_eq!(
            d.message,
            "the field name `title` has an invisible character in it (U+200B)"
        );
        assert!(d
            .hint
            .unwrap()
            .starts_with("delete the field name and type it again"));
    }

    #[test]
    fn a_number_in_quotes_is_told_to_lose_them() {
        let d = err("title: a\nn: \"30\"\n", 1);
        assert_eq!(
            d.hint.as_deref(),
            Some("expected a whole number from 0 to 4294967295: write the number without quotes around it")
        );
    }

    #[test]
    fn a_nested_value_is_not_told_the_fields_of_the_whole_file() {
        #[derive(serde::Deserialize, Debug)]
        #[serde(deny_unknown_fields)]
        #[allow(dead_code)]
        struct Outer {
            title: String,
            nav: Vec<T>,
        }
        let d = parse::<Outer>(Path::new("f.yaml"), "title: a\nnav:\n  - Home\n", 1).unwrap_err();
        // The entry as `nav:` takes it, not the whole file's fields.
        assert_eq!(
            d.hint.as_deref(),
            Some("expected a mapping (lines of `key: value`), one for each entry, such as `- { title: About, link: about.html }`")
        );
        let d = parse::<Outer>(Path::new("f.yaml"), "- a\n", 1).unwrap_err();
        assert_eq!(
            d.hint.as_deref(),
            Some("expected a mapping with the fields `title`, `nav`")
        );
    }

    #[test]
    fn missing_field_and_syntax_error() {
        let d = err("title: a\n", 1);
        assert_eq!(d.message, "missing required field `n`");
        let d = err("title: \"a\nn: 1\n", 1);
        assert_eq!(
            d.message,
            "YAML syntax error: a quote mark opened here is never closed"
        );
        // Where the unclosed quote began, not where the file ended.
        assert_eq!((d.line, d.column), (1, 8));
    }
}
