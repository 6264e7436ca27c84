//! The one place YAML is parsed. Deserializing straight into the typed struct
//! keeps serde_yaml's positions; swapping the YAML crate means editing this file.

use crate::diagnostic::Diagnostic;
use serde::de::DeserializeOwned;
use std::path::Path;

/// Parses `text` (which starts at line `first_line` of `file`) into `T`.
pub fn parse<T: DeserializeOwned>(
    file: &Path,
    text: &str,
    first_line: usize,
) -> Result<T, Diagnostic> {
    serde_yaml::from_str(text).map_err(|e| {
        let (line, column) = e
            .location()
            .map_or((first_line, 1), |l| (l.line() + first_line - 1, l.column()));
        let (message, hint) = explain(&e.to_string());
        let d = Diagnostic::error(file, message).at(line, column);
        match hint {
            Some(h) => d.hint(h),
            None => d,
        }
    })
}

/// Splits serde_yaml's message into what went wrong and what was expected.
fn explain(raw: &str) -> (String, Option<String>) {
    // "items[1]: unknown field `x`, expected `a` or `b` at line 3 column 5"
    let text = match raw.rfind(" at line ") {
        Some(i) if raw[i..].contains(" column ") => &raw[..i],
        _ => raw,
    };
    let (place, what) = match text.split_once(": ") {
        Some((p, w)) if !p.contains(' ') => (Some(p), w),
        _ => (None, text),
    };
    let prefix = place.map(|p| format!("in `{p}`: ")).unwrap_or_default();
    if let Some(rest) = what.strip_prefix("unknown field ") {
        let (field, expected) = rest.split_once(", expected ").unwrap_or((rest, ""));
        let hint = if expected.is_empty() {
            "this mapping takes no fields".to_string()
        } else {
            format!("allowed fields here: {}", expected.replace("one of ", "").replace(" or ", ", "))
        };
        return (format!("{prefix}unknown field {field}"), Some(hint));
    }
    if let Some(field) = what.strip_prefix("missing field ") {
        return (
            format!("{prefix}missing required field {field}"),
            Some(format!(
                "add {}: with a value to this mapping",
                field.trim_end_matches('`').to_string() + "`"
            )),
        );
    }
    if let Some(rest) = what.strip_prefix("unknown variant ") {
        let (value, expected) = rest.split_once(", expected ").unwrap_or((rest, ""));
        return (
            format!("{prefix}unknown value {value}"),
            Some(format!(
                "expected {}",
                expected.replace("one of ", "one of: ")
            )),
        );
    }
    if let Some(rest) = what.strip_prefix("invalid type: ") {
        let (found, expected) = rest
            .split_once(", expected ")
            .unwrap_or((rest, "another type"));
        return (
            format!("{prefix}wrong type: found {found}"),
            Some(format!("expected {expected}")),
        );
    }
    if let Some(rest) = what.strip_prefix("invalid value: ") {
        let (found, expected) = rest
            .split_once(", expected ")
            .unwrap_or((rest, "another value"));
        return (
            format!("{prefix}invalid value: {found}"),
            Some(format!("expected {expected}")),
        );
    }
    if place.is_none() && !what.contains('`') {
        // Syntax errors from the scanner: "did not find expected node content", …
        return (
            format!("YAML syntax error: {what}"),
            Some("check indentation, quotes and brackets on this line or the one before".into()),
        );
    }
    (format!("{prefix}{what}"), None)
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
    fn unknown_field_names_the_allowed_ones() {
        let d = err("title: a\nn: 1\ntitel: b\n", 1);
        assert_eq!((d.line, d.column), (3, 1));
        assert_eq!(d.message, "unknown field `titel`");
        assert_eq!(d.hint.as_deref(), Some("allowed fields here: `title`, `n`"));
    }

    #[test]
    fn positions_shift_by_the_first_line() {
        let d = err("title: a\nn: many\n", 2);
        assert_eq!((d.line, d.column), (3, 4));
        assert_eq!(d.message, "in `n`: wrong type: found string \"many\"");
        assert_eq!(d.hint.as_deref(), Some("expected u32"));
    }

    #[test]
    fn missing_field_and_syntax_error() {
        let d = err("title: a\n", 1);
        assert_eq!(d.message, "missing required field `n`");
        let d = err("title: \"a\nn: 1\n", 1);
        assert!(d.message.starts_with("YAML syntax error"), "{}", d.message);
        assert!(d.line >= 1);
    }
}
