//! A text in YAML cut short by a ` #` in it: `title: The rota tool #2
//! nobody uses`. YAML reads a space and `#` as the start of a comment and
//! drops the rest of the line, so the page shows "The rota tool" without a
//! word. Warned about at the `#` when a plain text (not in quotes) goes on
//! with a letter or a digit right after it (`#2`, `#VAT`), as a number or a
//! tag does; a comment the trainer meant (`minutes: 15  # coffee`) has a
//! space there and is left alone.

use crate::diagnostic::Diagnostic;
use crate::load::yaml::{quoted, split_value};
use std::path::Path;

/// The warning for YAML `line` (number `n`) when its plain text is cut.
pub(super) fn cut(path: &Path, n: usize, line: &str) -> Option<Diagnostic> {
    let (start, value) = plain_value(line)?;
    let hash = value
        .match_indices(" #")
        .chain(value.match_indices("\t#"))
        .map(|(i, _)| i + 1)
        .filter(|&i| {
            value[i + 1..]
                .chars()
                .next()
                .is_some_and(char::is_alphanumeric)
        })
        .min()?;
    let kept = value[..hash].trim_end();
    // A number or a yes/no with a note after it (`minutes: 60 #TODO`) is
    // read as meant, and would be a text in quotes.
    let scalar = kept.parse::<f64>().is_ok() || matches!(kept, "true" | "false");
    if kept.is_empty() || scalar {
        return None;
    }
    let whole = value.trim_end();
    let dropped = &whole[hash..];
    let written = format!("{}{}", &line[..start], quoted(whole));
    Some(
        Diagnostic::warning(
            path,
            format!("this text stops before `{dropped}`: YAML reads a space and `#` as the start of a comment, so the page shows only \"{kept}\""),
        )
        .at(n, line[..start + hash].chars().count() + 1)
        .hint(format!("put the whole text in quotes: {}", written.trim_start())),
    )
}

/// Where the plain text of `line` starts, and the text: after `key: `
/// or `- ` (see [`split_value`]), neither quoted nor a list or mapping in
/// brackets or braces, nor a block of text, an anchor, an alias or a tag.
fn plain_value(line: &str) -> Option<(usize, &str)> {
    let (lead, value) = split_value(line)?;
    // Neither `key: ` nor `- `: a text going on from the line above,
    // perhaps inside quotes that opened there.
    if lead.trim().is_empty() {
        return None;
    }
    let opens = value.chars().next()?;
    let plain = !matches!(opens, '"' | '\'' | '[' | '{' | '|' | '>' | '&' | '*' | '!');
    plain.then_some((lead.len(), value))
}

#[cfg(test)]
mod tests {
    use super::cut;
    use std::path::Path;

    fn warned(line: &str) -> Option<(usize, String)> {
        cut(Path::new("s.yaml"), 3, line).map(|d| (d.column, d.hint.unwrap()))
    }

    #[test]
    fn a_plain_text_cut_by_a_hash_is_warned_about_at_the_hash() {
        assert_eq!(
            warned("title: The rota tool #2 nobody uses"),
            Some((
                22,
                "put the whole text in quotes: title: \"The rota tool #2 nobody uses\"".into()
            ))
        );
        assert_eq!(
            warned("    - Turn statements into open questions #1 skill"),
            Some((
                43,
                "put the whole text in quotes: - \"Turn statements into open questions #1 skill\""
                    .into()
            ))
        );
        assert_eq!(
            warned("  - title: Say \"hello\" #1"),
            Some((
                24,
                "put the whole text in quotes: - title: 'Say \"hello\" #1'".into()
            ))
        );
        assert!(warned("price: From £2,400 per group #VAT included").is_some());
    }

    #[test]
    fn a_comment_meant_as_one_passes() {
        for line in [
            "minutes: 15  # coffee",
            "minutes: 15 #",
            "# a note #2",
            "  # title: x #2",
            "title: \"The rota tool #2\"",
            "title: 'Moduł #1'",
            "primary: #0b5d73",
            "primary: \"#0b5d73\"",
            "objectives: [One #1, Two]",
            "intro: | #1",
            "link: https://example.org/page#part",
            "title: C# for trainers",
            "      - { by: priya, answer: \"Listening. It was #1 on my list.\" }",
            "  wraps onto line #2 of the file\"",
            "minutes: 60 #TODO check",
        ] {
            assert_eq!(warned(line), None, "{line}");
        }
    }
}
