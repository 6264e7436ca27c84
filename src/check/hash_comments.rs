//! A text in YAML cut short by a ` #` in it: `title: The rota tool #2
//! nobody uses`. YAML reads a space and `#` as the start of a comment and
//! drops the rest of the line, so the page shows "The rota tool" without a
//! word. Warned about at the `#` when a plain text (not in quotes) goes on
//! with a letter or a digit right after it (`#2`, `#VAT`), as a number or a
//! tag does; a comment the trainer meant (`minutes: 15  # coffee`) has a
//! space there and is left alone.

use crate::diagnostic::Diagnostic;
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
    let quote = if whole.contains('"') { '\'' } else { '"' };
    let written = format!("{}{quote}{whole}{quote}", &line[..start]);
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
/// or `- `, neither quoted nor a list or mapping in brackets or braces,
/// nor a block of text, an anchor, an alias or a tag.
fn plain_value(line: &str) -> Option<(usize, &str)> {
    let mut at = line.len() - line.trim_start().len();
    loop {
        let rest = &line[at..];
        if rest.starts_with("- ") || rest == "-" {
            at += 2.min(rest.len());
            at += line[at..].len() - line[at..].trim_start().len();
            continue;
        }
        break;
    }
    let item = at > line.len() - line.trim_start().len();
    let rest = &line[at..];
    // A comment, or a mapping or list in braces or brackets (its texts
    // may be quoted anywhere on the line).
    if rest.starts_with(['#', '{', '[']) || rest.is_empty() {
        return None;
    }
    // A key's value: after the first `: ` before any ` #`.
    let first_hash = rest.find(" #").unwrap_or(rest.len());
    // (Up to the space of ` #`, which may be the one after the colon.)
    let upto = (first_hash + 1).min(rest.len());
    match rest[..upto].find(": ") {
        Some(colon) => {
            at += colon + 2;
            at += line[at..].len() - line[at..].trim_start().len();
        }
        // Neither `key: ` nor `- `: a text going on from the line above,
        // perhaps inside quotes that opened there.
        None if !item => return None,
        None => {}
    }
    let value = &line[at..];
    let opens = value.chars().next()?;
    if matches!(
        opens,
        '"' | '\'' | '[' | '{' | '|' | '>' | '&' | '*' | '!' | '#'
    ) {
        return None;
    }
    Some((at, value))
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
