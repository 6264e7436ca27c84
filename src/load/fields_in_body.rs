//! A front matter field written below the front matter's closing `---`:
//! the front matter closed a line too early, or a second block of fields
//! at the end of the text. Markdown shows such a line as text, so a
//! module's `facilitator:` notes would reach participants in the module
//! page and the handout, without a word. A field of the file's own kind
//! (a module's `facilitator:`, a page's `description:`) at the start of a
//! line, outside code, is named: an error for facilitator notes, a warning
//! for the rest.

use crate::diagnostic::Diagnostic;
use serde::de::DeserializeOwned;
use std::collections::HashMap;
use std::path::Path;
use std::sync::{Mutex, OnceLock};

/// The fields whose text is for the trainer alone.
const PRIVATE: &[&str] = &["facilitator"];

/// Each field of `T`'s kind found at the start of a line of `body` (which
/// starts on line `body_line`, below the `---` on the line before).
pub(super) fn fields_in_body<T: DeserializeOwned>(
    rel: &Path,
    body: &str,
    body_line: usize,
) -> Vec<Diagnostic> {
    // Most pages have no line starting with a lower-case letter at all.
    let bytes = body.as_bytes();
    let lower_line = bytes.first().is_some_and(u8::is_ascii_lowercase)
        || memchr::memchr_iter(b'\n', bytes)
            .any(|i| bytes.get(i + 1).is_some_and(u8::is_ascii_lowercase));
    if !lower_line {
        return Vec::new();
    }
    let candidates = candidates(body);
    if candidates.is_empty() {
        return Vec::new();
    }
    let fields = fields_of::<T>();
    candidates
        .into_iter()
        .filter(|(_, key)| fields.iter().any(|f| f == key))
        .take(3)
        .map(|(n, key)| diagnostic(rel, key, body_line + n, body_line - 1))
        .collect()
}

fn diagnostic(rel: &Path, key: &str, line: usize, closing: usize) -> Diagnostic {
    let hint = format!("move it, with the lines of its value, above the `---` on line {closing} that closes the front matter");
    let d = if PRIVATE.contains(&key) {
        Diagnostic::error(rel, format!("`{key}:` is below the front matter, in the page's text: the facilitator notes would show to participants"))
    } else {
        Diagnostic::warning(rel, format!("`{key}:` is below the front matter, in the page's text: it shows as text and is not read as a field"))
    };
    d.at(line, 1).hint(hint)
}

/// The lines (from 0) of `body` outside fenced code that start with a
/// lower-case `key:` followed by a space, `|`, `>` or nothing.
fn candidates(body: &str) -> Vec<(usize, &str)> {
    let mut fence: Option<&str> = None;
    let mut found = Vec::new();
    for (n, line) in body.lines().enumerate() {
        let trimmed = line.trim_start();
        for mark in ["```", "~~~"] {
            if trimmed.starts_with(mark) {
                fence = match fence {
                    Some(open) if open == mark => None,
                    None => Some(mark),
                    other => other,
                };
            }
        }
        if fence.is_some() || !line.starts_with(|c: char| c.is_ascii_lowercase()) {
            continue;
        }
        let Some((key, rest)) = line.split_once(':') else {
            continue;
        };
        let is_key = key.bytes().all(|b| b.is_ascii_lowercase() || b == b'_');
        if is_key && (rest.is_empty() || rest.starts_with([' ', '|', '>'])) {
            found.push((n, key));
        }
    }
    found
}

/// The fields a front matter of type `T` takes, from the reader's own
/// list of them (asked once per kind): none for a kind that takes any.
fn fields_of<T: DeserializeOwned>() -> Vec<String> {
    static KNOWN: OnceLock<Mutex<HashMap<&'static str, Vec<String>>>> = OnceLock::new();
    let known = KNOWN.get_or_init(Default::default);
    let name = std::any::type_name::<T>();
    let mut known = known.lock().unwrap_or_else(|e| e.into_inner());
    known
        .entry(name)
        .or_insert_with(|| {
            let Err(e) = serde_yaml::from_str::<T>("alsite_no_such_field: 1") else {
                return Vec::new();
            };
            let message = e.to_string();
            let Some((_, list)) = message.split_once("expected one of ") else {
                return Vec::new();
            };
            list.split('`')
                .skip(1)
                .step_by(2)
                .map(str::to_string)
                .collect()
        })
        .clone()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::ModuleFront;

    #[test]
    fn a_field_below_the_front_matter_is_named_and_code_is_left_alone() {
        let body = "Intro text.\n\nfacilitator: |\n  Secret.\n\n```yaml\nminutes: 5\n```\nminutes: 30\nMinutes: taken by Ana.\nnotes: not a field\n";
        let found = fields_in_body::<ModuleFront>(Path::new("m.md"), body, 6);
        let got: Vec<(usize, bool)> = found
            .iter()
            .map(|d| (d.line, d.message.contains("participants")))
            .collect();
        assert_eq!(got, [(8, true), (14, false)], "{found:?}");
        assert!(found[0].hint.as_deref().unwrap().contains("line 5"));
    }
}
