//! Backslash codes inside "…" that put an invisible control character into
//! a text (`"\u0000"`, `"\a"`, `"C:\files"` with its `\f`): YAML reads
//! them without a word, and the character ends up in pages, where it shows
//! as nothing or as a box. Raw control characters are found by the prescan;
//! these only once YAML has read the codes.

use crate::diagnostic::Diagnostic;
use std::path::Path;

/// A character no text of the site may hold: a control character other
/// than a tab or a line break.
fn unwanted(c: char) -> bool {
    c.is_control() && c != '\t' && c != '\n'
}

/// An error at the first backslash code in a double-quoted text of `text`
/// that stands for an [`unwanted`] character.
pub(super) fn control_codes(file: &Path, text: &str) -> Result<(), Diagnostic> {
    // Most files have no such code at all: nothing to parse twice.
    if !any_code(text) {
        return Ok(());
    }
    // The scan below reads quotes the way YAML does in all usual cases;
    // YAML's own reading confirms that a text really holds the character.
    let Ok(value) = serde_yaml::from_str::<serde_yaml::Value>(text) else {
        return Ok(());
    };
    if !holds_unwanted(&value) {
        return Ok(());
    }
    let (line, column, code, c) =
        Quoted::new()
            .find_in(text)
            .unwrap_or((1, 1, String::new(), '\0'));
    let message = if code.is_empty() {
        "a backslash code inside \"…\" puts an invisible control character into a text".to_string()
    } else {
        format!(
            "the backslash code `{code}` inside \"…\" stands for an invisible control character (U+{:04X}), which a page cannot show",
            c as u32
        )
    };
    Err(Diagnostic::error(file, message).at(line, column).hint(
        "delete it; inside \"…\" a new line is `\\n` and a tab `\\t`, and a backslash itself is `\\\\` (or put the text in single quotes, where a backslash is just a backslash)",
    ))
}

/// Whether any backslash in `text`, quoted or not, starts a code for an
/// [`unwanted`] character: the quick test before anything else.
fn any_code(text: &str) -> bool {
    memchr::memchr_iter(b'\\', text.as_bytes())
        .any(|i| decode(&text[i + 1..]).is_some_and(|(c, _)| unwanted(c)))
}

/// Whether a string (key or value) anywhere in `value` holds an [`unwanted`] character.
fn holds_unwanted(value: &serde_yaml::Value) -> bool {
    use serde_yaml::Value;
    match value {
        Value::String(s) => s.chars().any(unwanted),
        Value::Sequence(items) => items.iter().any(holds_unwanted),
        Value::Mapping(map) => map
            .iter()
            .any(|(k, v)| holds_unwanted(k) || holds_unwanted(v)),
        Value::Tagged(tagged) => holds_unwanted(&tagged.value),
        _ => false,
    }
}

/// The character a backslash code stands for, and how many bytes of
/// `after` (the text after the backslash) the code takes.
fn decode(after: &str) -> Option<(char, usize)> {
    let letter = after.chars().next()?;
    let simple = match letter {
        '0' => Some('\0'),
        'a' => Some('\u{7}'),
        'b' => Some('\u{8}'),
        't' | '\t' => Some('\t'),
        'n' => Some('\n'),
        'v' => Some('\u{b}'),
        'f' => Some('\u{c}'),
        'r' => Some('\r'),
        'e' => Some('\u{1b}'),
        'N' => Some('\u{85}'),
        _ => None,
    };
    if let Some(c) = simple {
        return Some((c, letter.len_utf8()));
    }
    let digits = match letter {
        'x' => 2,
        'u' => 4,
        'U' => 8,
        _ => return Some((letter, letter.len_utf8())),
    };
    let hex = after.get(1..1 + digits)?;
    let code = u32::from_str_radix(hex, 16).ok()?;
    Some((char::from_u32(code)?, 1 + digits))
}

/// Follows a YAML text through its double- and single-quoted texts, line
/// by line, skipping comments and block texts (`|`, `>`).
struct Quoted {
    double: bool,
    single: bool,
    flow: usize,
    blocks: super::blocks::Blocks,
}

impl Quoted {
    fn new() -> Quoted {
        Quoted {
            double: false,
            single: false,
            flow: 0,
            blocks: super::blocks::Blocks::new(),
        }
    }

    /// The first code in a double-quoted text that stands for an
    /// [`unwanted`] character: its line and column (of the backslash),
    /// the code as written, and the character.
    fn find_in(&mut self, text: &str) -> Option<(usize, usize, String, char)> {
        for (i, line) in text.lines().enumerate() {
            let quoted = self.double || self.single;
            if !quoted && self.blocks.inside(line) {
                continue;
            }
            if let Some((at, code, c)) = self.line(line) {
                return Some((i + 1, line[..at].chars().count() + 1, code, c));
            }
        }
        None
    }

    /// Reads one line; the byte where an unwanted code starts, if one does.
    fn line(&mut self, line: &str) -> Option<(usize, String, char)> {
        let mut chars = line.char_indices().peekable();
        // Where a value may start: a quote there opens a quoted text.
        let mut value_start = true;
        let mut after_space = true;
        while let Some((at, c)) = chars.next() {
            let next = chars.peek().map(|&(_, n)| n);
            if self.double {
                match c {
                    '\\' => {
                        let (decoded, len) = decode(&line[at + 1..])?;
                        if unwanted(decoded) {
                            return Some((at, line[at..at + 1 + len].to_string(), decoded));
                        }
                        // Skip the code's own characters (`\"` does not close).
                        while chars.peek().is_some_and(|&(i, _)| i <= at + len) {
                            chars.next();
                        }
                    }
                    '"' => self.double = false,
                    _ => {}
                }
            } else if self.single {
                if c == '\'' && next == Some('\'') {
                    chars.next();
                } else if c == '\'' {
                    self.single = false;
                }
            } else if c == '#' && after_space {
                break;
            } else if c == ' ' || c == '\t' {
                after_space = true;
                continue;
            } else if value_start && (c == '"' || c == '\'') {
                self.double = c == '"';
                self.single = c == '\'';
                value_start = false;
            } else {
                value_start = self.opens_value(c, next, value_start);
            }
            after_space = false;
        }
        None
    }

    /// Whether a value may start after `c` (followed by `next`) outside quotes.
    fn opens_value(&mut self, c: char, next: Option<char>, value_start: bool) -> bool {
        let spaced = next.is_none_or(|n| n == ' ' || n == '\t');
        match c {
            '[' | '{' if value_start => {
                self.flow += 1;
                true
            }
            ']' | '}' if self.flow > 0 => {
                self.flow -= 1;
                false
            }
            ',' if self.flow > 0 => true,
            ':' => spaced || (self.flow > 0 && next.is_some_and(|n| n == ',')),
            '-' | '?' if value_start => spaced,
            _ => false,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn found(text: &str) -> Option<(usize, usize, String)> {
        Quoted::new()
            .find_in(text)
            .map(|(l, c, code, _)| (l, c, code))
    }

    #[test]
    fn finds_codes_for_control_characters_in_double_quotes_only() {
        assert_eq!(
            found("title: \"a\\u0000b\"\n"),
            Some((1, 10, "\\u0000".into()))
        );
        assert_eq!(found("- \"x \\a\"\n"), Some((1, 6, "\\a".into())));
        assert_eq!(
            found("a: [\"ok\", \"C:\\files\"]\n"),
            Some((1, 14, "\\f".into()))
        );
        assert_eq!(
            found("k: { t: \"\\x07\" }\n"),
            Some((1, 10, "\\x07".into()))
        );
        // Over two lines, and after an escaped quote.
        assert_eq!(
            found("t: \"one \\\" two\n  three \\e\"\n"),
            Some((2, 9, "\\e".into()))
        );
        for fine in [
            "title: C:\\files\n",
            "title: 'C:\\files'\n",
            "title: \"tab\\tand line\\n\\u00e9\"\n",
            "body: |\n  \"a \\a\"\n",
            "# \"\\a\"\nt: x\n",
            "say: He said \"\\a\"\n",
            "t: 'it''s \"\\a\"'\n",
        ] {
            assert_eq!(found(fine), None, "{fine}");
        }
    }

    #[test]
    fn an_error_only_when_yaml_reads_a_control_character() {
        let err = control_codes(Path::new("f.yaml"), "a: ok\nt: \"x\\u0007y\"\n").unwrap_err();
        assert_eq!((err.line, err.column), (2, 6));
        assert!(err.message.contains("`\\u0007`"), "{}", err.message);
        assert!(err.message.contains("U+0007"), "{}", err.message);
        assert!(control_codes(Path::new("f.yaml"), "t: C:\\apps\\a\n").is_ok());
        assert!(control_codes(Path::new("f.yaml"), "t: \"\\u00e9\\t\"\n").is_ok());
    }
}
