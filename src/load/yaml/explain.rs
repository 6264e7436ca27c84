//! serde_yaml's messages in a trainer's words: no program types, no parser
//! jargon. Every message a YAML file can produce passes through [`explain`].

use crate::model::fields::{shows_as_nothing, EMPTY_TEXT, INVISIBLE_TEXT, OPTIONAL};

/// A text field written blank (`EMPTY_TEXT`) or with only characters that
/// show as nothing (`INVISIBLE_TEXT`): the message and hint.
fn blank_text(field: &str, place: Option<&str>, what: &str) -> Option<(String, Option<String>)> {
    let (what, optional) = match what.strip_suffix(OPTIONAL) {
        Some(w) => (w, true),
        None => (what, false),
    };
    let key = place.and_then(|p| p.rsplit('.').next()).unwrap_or("it");
    let todo = if place.is_some_and(|p| p.ends_with(']')) {
        "write the entry's text (after its `- `, or between the commas of `[…]`), or remove the empty entry".to_string()
    } else if optional {
        format!("write the text after the colon, or remove `{key}:`")
    } else {
        "write the text after the colon; this field is required".to_string()
    };
    if what == EMPTY_TEXT {
        return Some((format!("{field} is empty"), Some(todo)));
    }
    let code = what.strip_prefix(INVISIBLE_TEXT)?.trim_start();
    Some((
        format!("{field} holds only an invisible character ({code}), so it would show as nothing"),
        Some(format!("delete the invisible character, then {todo}")),
    ))
}

/// The end of the hint for a number in quotes, which YAML reads as text.
pub(super) const LOSE_QUOTES: &str = ": write the number without quotes around it";

/// Splits serde_yaml's message into what went wrong and what was expected.
pub(super) fn explain(raw: &str) -> (String, Option<String>) {
    // "items[1]: unknown field `x`, expected `a` or `b` at line 3 column 5"
    let text = raw;
    let (place, what) = match text.split_once(": ") {
        Some((p, w)) if !p.contains(' ') => (Some(p), w),
        _ => (None, text),
    };
    let prefix = place
        .map(|p| format!("in {}: ", spoken(p)))
        .unwrap_or_default();
    if what.starts_with("unknown field `<<`") {
        return merge_key(&prefix);
    }
    if let Some(rest) = what.strip_prefix("unknown field ") {
        let (field, expected) = rest.split_once(", expected ").unwrap_or((rest, ""));
        // A key with a character that shows as nothing (pasted from a web
        // page or a chat): the key looks right and is not.
        if let Some(c) = field.chars().find(|&c| shows_as_nothing(c)) {
            let seen: String = field.chars().filter(|&c| !shows_as_nothing(c)).collect();
            return (
                format!("{prefix}the field name {seen} has an invisible character in it (U+{:04X})", c as u32),
                Some("delete the field name and type it again; the character often comes from copying text out of a web page or a chat".into()),
            );
        }
        let written = field.trim_matches('`');
        if super::number_hints::comma_cut(written) {
            // `{ title: x, minutes: 3,5 }`: the comma ended `minutes` at 3.
            // (With a unit, `3,5 h`, the YAML file's line says more: see
            // `comma_in_a_number`.)
            return (
                format!("{prefix}a field named `{written}`: a comma inside `{{ … }}` or `[ … ]` ends a value"),
                Some(format!("a number written with a decimal comma (`3,{written}`) became a number and this field: write a whole number (minutes are whole: `3` or `4`), or put a text that holds a comma in quotes")),
            );
        }
        let hint = if expected.is_empty() {
            "this mapping takes no fields".to_string()
        } else {
            // "one of `a`, `b` or `c`": the names are between backticks.
            let names = expected.split('`').skip(1).step_by(2);
            let written = field.trim_matches('`');
            let suggestion = match super::field_words::english_field(written, names.clone()) {
                Some(english) => format!(
                    "field names are English in every language: `{written}` is `{english}`; "
                ),
                None => match super::field_words::field_for_other_word(written, names.clone()) {
                    // Not a list of names: each item says what it is.
                    Some("items") if written == "modules" => "a day lists its modules and breaks under `items:`, one a line: `- module: NAME`, `- { break: Coffee, minutes: 15 }`; ".to_string(),
                    Some(field) => format!("`{written}` is called `{field}` here; "),
                    None => crate::suggest::did_you_mean(written, names),
                },
            };
            format!(
                "{suggestion}allowed fields here: {}",
                expected.replace("one of ", "").replace(" or ", ", ")
            )
        };
        return (format!("{prefix}unknown field {field}"), Some(hint));
    }
    if let Some(field) = what.strip_prefix("missing field ") {
        return (
            format!("{prefix}missing required field {field}"),
            Some(format!(
                "add `{}:` with a value to this mapping",
                field.trim_matches('`')
            )),
        );
    }
    use crate::model::fields::{
        BAD_MINUTES, BAD_PERCENT, EMPTY_LIST, EMPTY_TRANSLATION, MAX_MINUTES, TYPE_NOT_FIRST,
    };
    let field = place.map(spoken).unwrap_or_else(|| "this field".into());
    if let Some(rest) = what.strip_prefix(TYPE_NOT_FIRST) {
        return type_not_first(&prefix, rest.trim_start());
    }
    if what == EMPTY_TRANSLATION {
        return (
            format!("{field} is empty"),
            Some("write the text in this language after the colon, or leave the line out to show the default language's text".into()),
        );
    }
    if let Some(explained) = blank_text(&field, place, what) {
        return explained;
    }
    if what == EMPTY_LIST {
        return (
            format!("{field} is an empty list"),
            Some("add at least one entry, each on its own line starting with `- `".into()),
        );
    }
    if what == BAD_MINUTES {
        return (
            format!("{field} must be a whole number of minutes from 1 to {MAX_MINUTES} (one day)"),
            Some("write the length in minutes, such as `minutes: 45`".into()),
        );
    }
    if let Some(value) = what.strip_prefix(BAD_PERCENT) {
        let name = place
            .and_then(|p| p.rsplit('.').next())
            .unwrap_or("this field");
        return (
            format!("{field} is{value}, but it is a percentage: a whole number from 0 to 100"),
            Some(format!(
                "write e.g. `{name}: 80` to pass learners who get 80% of the practice items right"
            )),
        );
    }
    if let Some(key) = what.strip_prefix("duplicate field ").or_else(|| {
        what.strip_prefix("duplicate entry with key ")
            .map(|k| k.trim_matches('"'))
            .filter(|k| !k.contains('"'))
    }) {
        let key = format!("`{}`", key.trim_matches('`'));
        return (
            format!("{prefix}the key {key} appears twice in one mapping"),
            Some("keep one of the two lines; YAML allows each key once per mapping".into()),
        );
    }
    if let Some(rest) = what.strip_prefix("unknown variant ") {
        let (value, expected) = rest.split_once(", expected ").unwrap_or((rest, ""));
        let allowed = expected.replace("one of ", "");
        if value == "``" {
            let field = place.map(spoken).unwrap_or_else(|| "this value".into());
            return (
                format!("{field} is empty"),
                Some(format!("write one of: {allowed}")),
            );
        }
        // `Coach` for `coach`, `opneing` for `opening`: the likeliest word first.
        let words = expected.split('`').skip(1).step_by(2);
        let written = value.trim_matches('`');
        let suggestion = match super::field_words::english_value(written, words.clone()) {
            Some(english) => {
                format!("values are English in every language: `{written}` is `{english}`; ")
            }
            None => match super::field_words::value_for_other_word(written, words.clone()) {
                Some(meant) => format!("`{written}` is called `{meant}` here; "),
                None => crate::suggest::did_you_mean(written, words),
            },
        };
        return (
            format!("{prefix}unknown value {value}"),
            Some(format!(
                "{}expected {}",
                suggestion,
                expected.replace("one of ", "one of: ")
            )),
        );
    }
    if let Some(rest) = what.strip_prefix("invalid type: ") {
        let (found, expected) = rest
            .split_once(", expected ")
            .unwrap_or((rest, "another type"));
        if expected == "field identifier" {
            return key_not_a_word(&prefix, found);
        }
        let mut hint = format!("expected {}", plain_expected(expected));
        if expected == "a boolean" && yes_or_no(found) {
            hint.push_str(": write `true` for yes and `false` for no");
        }
        // `minutes: "30"`: a number in quotes is text to YAML; in a word
        // processor's quotes (`“30”`, `„30”`), text as it stands.
        let quoted_number = found
            .strip_prefix("string \"")
            .and_then(|f| f.strip_suffix('"'))
            .is_some_and(super::number_hints::is_number);
        if quoted_number && hint.contains("number") {
            hint.push_str(LOSE_QUOTES);
        }
        // `minutes: 45.0`: whole minutes are written without the `.0`.
        let whole = found
            .strip_prefix("floating point `")
            .and_then(|f| f.strip_suffix(".0`"))
            .filter(|f| f.parse::<u32>().is_ok() && hint.contains("whole number"));
        if let Some(n) = whole {
            hint.push_str(&format!(": write it without the decimal point, `{n}`"));
        }
        // `minutes: 1,5 h`: the number to write.
        let length = found
            .strip_prefix("string \"")
            .and_then(|f| f.strip_suffix('"'))
            .filter(|_| hint.contains("minutes"))
            .and_then(|f| Some((f, super::durations::minutes_in(f)?)));
        if let Some((written, minutes)) = length {
            let key = place
                .and_then(|p| p.rsplit('.').next())
                .unwrap_or("minutes");
            let key = key.split('[').next().unwrap_or(key);
            hint.push_str(&format!(
                ": `{written}` is {minutes} minutes, written `{key}: {minutes}`"
            ));
        }
        if expected == "a sequence" {
            hint.push_str(&super::entries::text_for_a_list(place, found));
        }
        // A whole number where one goes, past what it may be (`minutes:
        // -5`): the kind is right, its size is not.
        let number = found.starts_with("integer ")
            || found.ends_with(" as u128")
            || found.ends_with(" as i128");
        let what = match number && hint.contains("whole number") {
            true => "a number out of range",
            false => "wrong kind of value",
        };
        return (
            format!("{prefix}{what}: found {}", plain_found(found)),
            Some(hint),
        );
    }
    if let Some(rest) = what.strip_prefix("invalid value: ") {
        let (found, expected) = rest
            .split_once(", expected ")
            .unwrap_or((rest, "another value"));
        return (
            format!("{prefix}invalid value: {}", plain_found(found)),
            Some(format!("expected {}", plain_expected(expected))),
        );
    }
    if place.is_none() && !what.contains('`') {
        // Syntax errors from the scanner: "did not find expected node content", …
        return syntax(what);
    }
    (format!("{prefix}{what}"), None)
}

/// serde's path to a value, `days[0].items[2].minutes`, counted from 1 as a
/// trainer counts: `days` (item 1) → `items` (item 3) → `minutes`. A path
/// through mappings only stays as the README writes it: `scorm.mastery_score`.
fn spoken(place: &str) -> String {
    let mut out = String::new();
    for (n, part) in place.split('[').enumerate() {
        let (index, name) = match part.split_once(']') {
            Some((i, rest)) if n > 0 => (i.parse::<usize>().ok(), rest),
            _ => (None, part),
        };
        if let Some(i) = index {
            out.push_str(&format!(" (item {})", i + 1));
        }
        let name = name.trim_start_matches('.');
        if !name.is_empty() {
            let arrow = if out.is_empty() { "" } else { " → " };
            out.push_str(&format!("{arrow}`{name}`"));
        }
    }
    out
}

/// `[a]: b`, `{a: b}: c` or `? - a`: a key that is a list or a mapping,
/// where a field's name belongs.
fn key_not_a_word(prefix: &str, found: &str) -> (String, Option<String>) {
    (
        format!(
            "{prefix}a key here is {}, not a field's name",
            plain_found(found)
        ),
        Some("write the key as a plain word before its colon, such as `title:`; brackets `[…]` or braces `{…}` around a key, or a `?` before it, make it a list or mapping".into()),
    )
}

/// `<<: *name`, YAML's merge key, which copies another mapping's fields in
/// without showing them: alsite reads each field where it is written.
fn merge_key(prefix: &str) -> (String, Option<String>) {
    (
        format!("{prefix}`<<:` (copying the fields of another mapping) is not read here"),
        Some("write out the fields this mapping needs instead of `<<: *…`".into()),
    )
}

/// A practice item that does not start with `type:`: `rest` is whether
/// `type:` comes later, the types and the first key, split by `|`.
fn type_not_first(prefix: &str, rest: &str) -> (String, Option<String>) {
    let mut parts = rest.splitn(3, '|');
    let (later, types, key) = (
        parts.next() == Some("true"),
        parts.next().unwrap_or(""),
        parts.next().unwrap_or(""),
    );
    let example = types.split(", ").next().unwrap_or("choose");
    if key == "<<" {
        return merge_key(prefix);
    }
    if key == "type" {
        return (
            format!("{prefix}`type` is empty"),
            Some(format!(
                "write the item's type after `type:`, one of {types}"
            )),
        );
    }
    let message = match (key.is_empty(), later) {
        (true, _) => format!("{prefix}this item is empty: it needs `type:` and its fields"),
        (false, true) => format!("{prefix}this item starts with `{key}:`; `type:` must come first"),
        (false, false) => format!("{prefix}this item has no `type:`"),
    };
    let hint = if later {
        "move the item's `type:` line up, so it is the item's first line".to_string()
    } else {
        format!(
            "make `type: {example}` (one of {types}) the item's first line, then its other fields"
        )
    };
    (message, Some(hint))
}

/// What to do about a line that is neither `key: value` nor text going on.
pub(super) const NOT_A_KEY_HINT: &str = "put a space after a key's colon (`minutes: 45`); a text that goes on from the line above is indented more than its key";

/// A scanner or parser message in a trainer's words.
fn syntax(what: &str) -> (String, Option<String>) {
    let plain = [
        (
            "mapping values are not allowed",
            "a `key:` is where it cannot start: the line is indented more than the keys around it, or the line above is not finished",
            "line this key up with the other keys of its block, or put quotes around a text that contains `: `",
        ),
        (
            "did not find expected key",
            "this line does not fit the indentation of the block it is in",
            "indent it exactly like the other keys or list items of its block",
        ),
        (
            "did not find expected '-'",
            "a list item is missing its `- ` or is indented differently",
            "start this line with `- `, lined up with the `- ` of the items above it",
        ),
        (
            "while scanning a quoted scalar",
            "a quote mark opened here is never closed",
            "end the text with the same quote mark it starts with; inside \"…\" write \\\" for a quote mark, inside '…' write ''",
        ),
        (
            "found unknown escape character",
            "a backslash inside \"…\" starts a code YAML does not know",
            "write \\\\ for a backslash, or put the text in single quotes '…' instead",
        ),
        (
            "did not find expected hexadecimal number",
            "a backslash code inside \"…\" (`\\x`, `\\u` or `\\U`) must be followed by a character's number in hexadecimal digits",
            "write \\\\ for a backslash, or put the text in single quotes '…' instead",
        ),
        (
            "found invalid Unicode character escape code",
            "a backslash code inside \"…\" (`\\u` or `\\U`) names a character that does not exist",
            "write the character itself instead of its code, or write \\\\ for a backslash, or put the text in single quotes '…'",
        ),
        (
            "could not find expected ':'",
            "this line is neither a `key: value` nor part of the text above it",
            NOT_A_KEY_HINT,
        ),
        (
            "did not find expected ',' or ']'",
            "a list in brackets `[…]` starts here but is not closed on its line, or two of its entries have no comma between them",
            "end the list with `]` and put a comma between entries; an entry with a comma, colon, quote mark or bracket of its own goes in quotes",
        ),
        (
            "did not find expected ',' or '}'",
            "a mapping in braces `{…}` starts here but is not closed on its line, or two of its entries have no comma between them",
            "end it with `}` and put a comma between the `key: value` entries; a text with a comma, colon, quote mark or brace of its own goes in quotes",
        ),
        (
            "did not find expected node content",
            "a value is missing here, or it starts with a sign YAML keeps for itself",
            "write the value after the colon or the `- `; a text that starts with `,`, `]`, `}` or another sign goes in quotes",
        ),
        (
            "found character that cannot start any token",
            "this text starts with a sign YAML keeps for itself",
            "put the whole text in quotes",
        ),
        (
            "found unexpected end of stream",
            "the file ends before something opened is closed: a quote mark, a bracket or a brace",
            "close it where the text, list or mapping ends",
        ),
        (
            "block sequence entries are not allowed",
            "a list item `- ` cannot start on this line",
            "put each `- ` item on a line of its own below its key, indented by two spaces",
        ),
        (
            "more than one document",
            "the file holds more than one YAML document (a `---` or `%YAML` line starts another)",
            "keep one document: remove the `---`, `...` or `%` line that starts the second",
        ),
        (
            "recursion limit exceeded",
            "lists and mappings nest too deeply here",
            "content never needs this many levels: check the indentation and brackets",
        ),
        (
            "repetition limit exceeded",
            "references to a mark (`*name`) repeat a value too many times",
            "write the values out instead of repeating them with `&name` and `*name`",
        ),
        (
            "unknown anchor",
            "a reference to a mark (`*name`) names no `&name` above it",
            "write the value itself; a text that starts with `*` goes in quotes",
        ),
        (
            "found a tab character",
            "a tab is used where YAML needs spaces",
            "replace the tab with spaces",
        ),
    ];
    for (pattern, message, hint) in plain {
        if what.contains(pattern) {
            return (format!("YAML syntax error: {message}"), Some(hint.into()));
        }
    }
    (
        format!("YAML syntax error: {}", what.replace(", while", " while")),
        Some("check indentation, quotes and brackets where this points".into()),
    )
}

/// `string "yes"` and the like: a yes or no in words where YAML wants
/// `true` or `false` (older YAML read them so; many people write them).
fn yes_or_no(found: &str) -> bool {
    let Some(word) = found.strip_prefix("string ") else {
        return false;
    };
    let word = word.trim_matches('"').to_lowercase();
    ["yes", "no", "y", "n", "on", "off", "tak", "nie"].contains(&word.as_str())
}

/// What serde found, without type names: `integer `-5``, `string "x"`.
fn plain_found(found: &str) -> String {
    let found = found
        .trim_end_matches(" as u128")
        .trim_end_matches(" as i128");
    let words = [
        ("string ", "the text "),
        ("integer ", "the number "),
        ("floating point ", "the number "),
        ("boolean ", "the yes/no value "),
    ];
    for (serde, plain) in words {
        if let Some(rest) = found.strip_prefix(serde) {
            return format!("{plain}{}", super::found_text::plain(rest));
        }
    }
    found
        .replace("unit value", "nothing (an empty value)")
        .replace("sequence", "a list")
        .replace("map", "a mapping")
}

/// What serde expected, without type names: `a string` is a text, `u32` a
/// whole number, `struct Page` a mapping. Anything not known here is said
/// in general words rather than shown as serde wrote it.
fn plain_expected(expected: &str) -> String {
    let e = expected.trim();
    let whole = ["u8", "u16", "u32", "u64", "u128", "usize"];
    let signed = ["i8", "i16", "i32", "i64", "i128", "isize"];
    if whole.contains(&e) {
        let max = match e {
            "u8" => u8::MAX as u128,
            "u16" => u16::MAX as u128,
            "u32" => u32::MAX as u128,
            _ => u64::MAX as u128,
        };
        return format!("a whole number from 0 to {max}");
    }
    if signed.contains(&e) {
        return "a whole number".into();
    }
    let first = e.split_whitespace().next().unwrap_or("");
    let plain = match e {
        "f32" | "f64" => "a number",
        "a map" => "a mapping (lines of `key: value`)",
        "a sequence" => "a list (lines starting with `- `)",
        "a boolean" => "true or false",
        "a string" | "string" | "a borrowed string" | "a character" | "char" | "path string" => {
            "a text"
        }
        "unit" => "nothing after the colon",
        // serde_yaml's word for an enum given a list or mapping.
        "a YAML tag starting with '!'" => {
            "one word (one of the allowed values), not a list or mapping"
        }
        _ if e.starts_with("a tuple") || e.starts_with("an array") => "a list",
        _ if e.contains("enum") || first == "variant" => "one of the allowed values",
        _ if e.contains("struct") => "a mapping (lines of `key: value`)",
        // Our own visitors already speak plainly: "a text", "a whole number of minutes …".
        _ if !e.contains("::") && !e.chars().any(|c| c.is_ascii_uppercase()) => e,
        _ => "another kind of value",
    };
    plain.to_string()
}

#[cfg(test)]
mod tests {
    use super::explain;

    /// The YAML reader's own words for each of these never reach a trainer.
    #[test]
    fn the_readers_limits_and_anchors_are_said_in_plain_words() {
        for raw in [
            "deserializing from YAML containing more than one document is not supported",
            "recursion limit exceeded",
            "repetition limit exceeded",
            "unknown anchor",
            "did not find expected hexadecimal number while parsing a quoted scalar",
            "found invalid Unicode character escape code while parsing a quoted scalar",
        ] {
            let (message, hint) = explain(raw);
            for jargon in ["deserializ", "recursion", "repetition", "anchor", "scalar"] {
                assert!(!message.contains(jargon), "{raw}: {message}");
            }
            assert!(hint.is_some(), "{raw}");
        }
    }

    /// A text where a list belongs gets the line written as a list; an
    /// unknown word gets the allowed one it was likely meant to be.
    #[test]
    fn a_text_for_a_list_and_a_word_in_capitals_get_the_fix() {
        let hint = |raw: &str| explain(raw).1.unwrap_or_default();
        let words = hint(r#"languages: invalid type: string "en, pl", expected a sequence"#);
        assert!(words.ends_with("`languages: [en, pl]`"), "{words}");
        let one = hint(r#"outcomes: invalid type: string "Explain", expected a sequence"#);
        assert!(one.ends_with("`outcomes: [Explain]`"), "{one}");
        // Text that brackets alone would read as something else (a mapping
        // after `: `, a comment after ` #`) is quoted in them.
        let colon =
            hint(r#"outcomes: invalid type: string "Goal: name the rules", expected a sequence"#);
        assert!(
            colon.ends_with(r#"`outcomes: ["Goal: name the rules"]`"#),
            "{colon}"
        );
        let hash = hint(r#"outcomes: invalid type: string "Plan #2", expected a sequence"#);
        assert!(hash.ends_with(r#"`outcomes: ["Plan #2"]`"#), "{hash}");
        for fixed in [&colon, &hash] {
            let line = fixed.rsplit('`').nth(1).unwrap_or_default();
            let read: Result<std::collections::BTreeMap<String, Vec<String>>, _> =
                serde_yaml::from_str(line);
            assert!(read.is_ok(), "{line}");
        }
        // A list of mappings gets its entry's form, not brackets.
        let roles = hint(r#"roles: invalid type: string "Ruth", expected a sequence"#);
        assert!(
            roles.ends_with("its entries are mappings, one a line below `roles:`, such as `- { id: tom, name: Tom, role: member, skill: listening }`"),
            "{roles}"
        );
        let items = hint(r#"days[0].items: invalid type: string "welcome", expected a sequence"#);
        assert!(
            items.contains("`- module: welcome` or `- { break:"),
            "{items}"
        );
        let good =
            hint(r#"rules[0].good: invalid type: string "What happened?", expected a sequence"#);
        assert!(good.contains("`- { said: "), "{good}");
        let kind =
            hint("stages[0].kind: unknown variant `Opening`, expected one of `opening`, `goal`");
        assert!(kind.starts_with("did you mean `opening`?"), "{kind}");
    }
}
