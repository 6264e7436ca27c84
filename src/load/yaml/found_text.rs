//! The text a message quotes, as the trainer wrote it. serde quotes a text
//! it found the way Rust writes one (`"-\u{a0}Describe"`, `"a \"b\""`),
//! which no trainer reads; the characters an editor shows as nothing are
//! named instead (`"-[no-break space]Describe"`).

use crate::model::fields::shows_as_nothing;

/// `quoted` (Rust's quoting of a text: `"…"` with `\"`, `\\`, `\n`, `\t`,
/// `\u{…}`) as the text itself in plain quotes, each invisible character
/// named; `quoted` as it is when it is not so quoted.
pub(super) fn plain(quoted: &str) -> String {
    unquote(quoted).map_or_else(
        || quoted.to_string(),
        |text| format!("\"{}\"", named(&text)),
    )
}

/// The text Rust's quoting stands for.
fn unquote(quoted: &str) -> Option<String> {
    let inner = quoted.strip_prefix('"')?.strip_suffix('"')?;
    let mut out = String::with_capacity(inner.len());
    let mut chars = inner.chars();
    while let Some(c) = chars.next() {
        if c != '\\' {
            out.push(c);
            continue;
        }
        out.push(match chars.next()? {
            'n' => '\n',
            't' => '\t',
            'r' => '\r',
            '0' => '\0',
            'u' => {
                let code: String = chars.by_ref().skip(1).take_while(|&c| c != '}').collect();
                char::from_u32(u32::from_str_radix(&code, 16).ok()?)?
            }
            other => other,
        });
    }
    Some(out)
}

/// `text` with the characters that show as nothing named in brackets.
fn named(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '\t' => out.push_str("[tab]"),
            '\n' | '\r' => out.push_str("[line break]"),
            '\u{a0}' => out.push_str("[no-break space]"),
            '\u{200b}' => out.push_str("[zero-width space]"),
            '\u{ad}' => out.push_str("[soft hyphen]"),
            '\u{feff}' => out.push_str("[byte-order mark]"),
            c if c.is_control() || shows_as_nothing(c) => {
                out.push_str(&format!("[invisible character U+{:04X}]", c as u32));
            }
            c => out.push(c),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::plain;

    #[test]
    fn a_found_text_reads_as_written_with_invisible_characters_named() {
        assert_eq!(plain(r#""many""#), "\"many\"");
        assert_eq!(
            plain(r#""-\u{a0}Describe""#),
            "\"-[no-break space]Describe\""
        );
        assert_eq!(plain(r#""say \"yes\"""#), "\"say \"yes\"\"");
        assert_eq!(plain(r#""C:\\files""#), "\"C:\\files\"");
        assert_eq!(plain(r#""a\tb\nc""#), "\"a[tab]b[line break]c\"");
        assert_eq!(plain(r#""x\u{200b}""#), "\"x[zero-width space]\"");
        assert_eq!(plain(r#""\u{2060}""#), "\"[invisible character U+2060]\"");
        assert_eq!(plain("Żółw"), "Żółw");
    }
}
