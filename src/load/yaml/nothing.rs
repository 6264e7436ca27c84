//! A value YAML reads as nothing (`turns: ~`, `roles: null`) where the
//! field holds a list, a number or a mapping, not a text.

use crate::diagnostic::Diagnostic;
use serde::de::DeserializeOwned;
use std::path::Path;

/// For `turns: ~` (a value YAML reads as nothing) where the field is no
/// text but a list, a number or a mapping: the error `turns:` left empty
/// gets, which says what the field holds, rather than one about a text
/// that would show as `~`, with quotes as the fix.
pub(super) fn for_a_list<T: DeserializeOwned>(
    file: &Path,
    text: &str,
    first_line: usize,
    nothing: &Diagnostic,
) -> Option<Diagnostic> {
    if !nothing.message.contains("is a value YAML reads as nothing") {
        return None;
    }
    let e = serde_yaml::from_str::<T>(text).err()?;
    let raw = e.to_string();
    let text_field = [
        "expected a string",
        crate::model::fields::EMPTY_TEXT,
        crate::model::fields::INVISIBLE_TEXT,
    ]
    .iter()
    .any(|t| raw.contains(t));
    let typed = super::from_serde::<T>(file, text, first_line, &e);
    let about_nothing = ["found nothing", "is empty", "is an empty list"]
        .iter()
        .any(|m| typed.message.contains(m));
    if text_field || typed.line != nothing.line || !about_nothing {
        return None;
    }
    let note = "`~` and `null` are how YAML writes nothing";
    let hint = typed
        .hint
        .clone()
        .map_or(note.to_string(), |h| format!("{h} ({note})"));
    Some(typed.hint(hint))
}
