//! Hints for a number alsite wants that YAML read as text or cut in two:
//! one in quotes, straight or a word processor's (`"45"`, `“45”`), with a
//! zero in front or `_` between its digits, or written with a decimal comma
//! inside `{ … }` (`minutes: 1,5 h`), where the comma ends the entry.

use super::curly::CURLY_MARKS;
use super::{durations, explain, source_line};

/// Whether the text of a quoted value is a number (in a word processor's
/// quote marks too): digits, not a word a number parser takes (`NaN`,
/// `inf`).
pub(super) fn is_number(text: &str) -> bool {
    let f = text.trim().trim_matches(CURLY_MARKS);
    let digits = f.bytes().any(|b| b.is_ascii_digit());
    digits && (f.parse::<f64>().is_ok() || f.replace('_', "").parse::<u64>().is_ok())
}

/// Whether an unknown field's name is what follows a decimal comma in
/// braces: digits (`5` of `3,5`), or digits, a space and a unit's word
/// (`5 h` of `1,5 h`), and not a time of day (`10:30`).
pub(super) fn comma_cut(name: &str) -> bool {
    let unit = name.trim_start_matches(|c: char| c.is_ascii_digit());
    let digits = unit.len() < name.len();
    let word = unit.strip_prefix(' ').is_some_and(|w| {
        !w.is_empty() && w.chars().all(|c| c.is_alphabetic() || c == '.' || c == ' ')
    });
    digits && (unit.is_empty() || word)
}

/// The hint for a number YAML read as text though it has no quotes
/// around it (`minutes: 045`, `minutes: inf`): not told to lose quotes it
/// does not have. `None` when the value is quoted.
pub(super) fn unquoted_number(
    text: &str,
    line: usize,
    column: usize,
    hint: &str,
) -> Option<String> {
    let expected = hint.strip_suffix(explain::LOSE_QUOTES)?;
    let value = source_line(text, line)?
        .chars()
        .skip(column.checked_sub(1)?);
    let value: String = value
        .take_while(|c| !matches!(c, ',' | '}' | ']' | '#'))
        .collect();
    let value = value.trim();
    if value.starts_with(['"', '\'']) {
        return None;
    }
    // A word processor's quote marks (`“45”`, `„45”`) are part of the text.
    if value.starts_with(CURLY_MARKS) {
        let number = value.trim_matches(CURLY_MARKS);
        return Some(match all_digits(number) {
            true => format!("{expected}: write it without the quote marks, `{number}`"),
            false => format!("{expected}, without quote marks"),
        });
    }
    let digits = value.trim_start_matches('0');
    if value.starts_with('0') && !digits.is_empty() && digits.chars().all(|c| c.is_ascii_digit()) {
        return Some(format!(
            "{expected}: write it without the zero in front, `{digits}`"
        ));
    }
    let joined = value.replace('_', "");
    if value.contains('_') && all_digits(&joined) {
        return Some(format!("{expected}: write it in digits alone, `{joined}`"));
    }
    Some(expected.to_string())
}

/// For an unknown field that is the rest of a number after a decimal
/// comma, in braces (`{ break: Obiad, minutes: 1,5 h }`): the comma ended
/// the entry there, and what followed it was read as a field of its own.
pub(super) fn comma_in_a_number(
    text: &str,
    line: usize,
    column: usize,
    message: &str,
) -> Option<String> {
    let field = message.split("a field named `").nth(1)?.split('`').next()?;
    // A number alone after the comma has its own hint (see `comma_cut`).
    field.bytes().any(|b| !b.is_ascii_digit()).then_some(())?;
    let before: String = source_line(text, line)?
        .chars()
        .take(column.checked_sub(1)?)
        .collect();
    let (key, number) = entry_before_comma(&before)?;
    all_digits(number).then_some(())?;
    let written = format!("{number},{field}");
    let minutes = key.ends_with("minutes");
    let write = match durations::minutes_in(&written).filter(|_| minutes) {
        Some(m) => format!("`{written}` is {m} minutes: write `{key}: {m}`"),
        None if minutes => "minutes are whole: write a whole number of them".to_string(),
        None => format!("put the text in quotes, `{key}: \"{written}\"`"),
    };
    Some(format!("inside `{{ … }}` a comma ends an entry, so `{key}: {written}` was read as `{key}: {number}` and a field `{field}`; {write}"))
}

/// For an unknown field that is the rest of a text after a comma, in
/// braces (`{ title: Questions only, in pairs, minutes: 25 }`): the comma
/// ended the title, and `in pairs` was read as a field with no value.
pub(super) fn comma_in_a_text(
    text: &str,
    line: usize,
    column: usize,
    message: &str,
) -> Option<String> {
    let field = message.split("unknown field `").nth(1)?.split('`').next()?;
    let source = source_line(text, line)?;
    let before: String = source.chars().take(column.checked_sub(1)?).collect();
    let after = source
        .get(before.len()..)?
        .strip_prefix(field)?
        .trim_start();
    // The piece stands alone: no `:` of its own after it.
    (after.starts_with(',') || after.starts_with('}')).then_some(())?;
    let (key, value) = entry_before_comma(&before)?;
    (!key.is_empty() && !value.is_empty() && !all_digits(value)).then_some(())?;
    // More pieces after it, up to the next `key:` (`Plan, do, review, minutes: 25`).
    let mut whole = format!("{value}, {field}");
    let mut rest = after;
    while let Some(next) = rest.strip_prefix(',') {
        let end = next.find([',', '}']).unwrap_or(next.len());
        let piece = next[..end].trim();
        if piece.is_empty() || piece.contains(':') {
            break;
        }
        whole = format!("{whole}, {piece}");
        rest = &next[end..];
    }
    Some(format!("inside `{{ … }}` a comma ends an entry, so `{key}: {whole}` was read as `{key}: {value}` and a field `{field}`; put the whole text in quotes: `{key}: \"{whole}\"`"))
}

/// The `key: value` entry in braces that a line's text `before` a field
/// ends with, up to that field's comma (`{ title: Plan,` → `title`, `Plan`).
fn entry_before_comma(before: &str) -> Option<(&str, &str)> {
    let entry = before.trim_end().strip_suffix(',')?;
    let entry = entry.rsplit(['{', ',']).next()?.trim();
    let (key, value) = entry.split_once(':')?;
    Some((key.trim(), value.trim()))
}

/// For a percentage written with its sign (`mastery_score: 80%`), which
/// YAML reads as a text: the number to write.
pub(super) fn percent_sign(message: &str, hint: &str) -> Option<String> {
    let found = message
        .split("found the text \"")
        .nth(1)?
        .strip_suffix('"')?;
    let number = found.trim().strip_suffix('%')?.trim_end();
    all_digits(number).then(|| format!("{hint}: write it without the %, `{number}`"))
}

/// Whether `text` is one or more ASCII digits and nothing else.
fn all_digits(text: &str) -> bool {
    !text.is_empty() && text.bytes().all(|b| b.is_ascii_digit())
}
