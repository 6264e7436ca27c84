//! Text that YAML does not read as text: a value that starts with one of the
//! signs YAML keeps for itself (`*bold*`, `![logo](…)`, `[link](…)`, `- `,
//! `"Quoted" and more`). Trainers write Markdown in YAML all the time; the
//! parser's own words for this ("while scanning an alias") help nobody, so
//! such an error says which sign it is and shows the line with quotes.

/// The value on line `line` (1-based) of `text`, when the error at `column`
/// (1-based, in characters) is inside it and it starts with a sign YAML
/// keeps for itself: the value's column, and the diagnostic's message and
/// hint. `brackets`: a value
/// in `[…]` or `{…}` counts too (where text was expected, not a list).
pub fn reserved_start(
    text: &str,
    line: usize,
    column: usize,
    brackets: bool,
) -> Option<(usize, String, String)> {
    let source = super::source_line(text, line)?;
    let (lead, value) = split_value(source)?;
    let first = value.chars().next()?;
    let at = source[..lead.len()].chars().count() + 1;
    let value_chars = value.chars().count();
    if column < at || column > at + value_chars {
        return None;
    }
    if !by_accident(text, value) {
        return None;
    }
    let what = meaning(first, value, brackets)?;
    let message = match first {
        '"' | '\'' => {
            "this text starts with a quote mark, so YAML ends it where the quote closes, and the words after that are left over".to_string()
        }
        '`' => format!("this text starts with a backtick, which YAML reads as {what}, not as text"),
        _ => format!("this text starts with `{first}`, which YAML reads as {what}, not as text"),
    };
    let hint = format!(
        "put the whole text in quotes: {}{}",
        lead.trim_start(),
        quoted(value)
    );
    Some((at, message, hint))
}

/// The line split before its value: indentation, list dashes and the key.
pub(crate) fn split_value(line: &str) -> Option<(&str, &str)> {
    let mut rest = line.trim_start();
    while let Some(after) = rest.strip_prefix("- ") {
        rest = after.trim_start();
    }
    if let Some(colon) = key_end(rest) {
        rest = rest[colon + 1..].trim_start();
    }
    let value = rest.trim_end();
    if value.is_empty() || value.starts_with('#') {
        return None;
    }
    Some((&line[..line.len() - rest.len()], value))
}

/// Where a plain `key:` ends (its colon), when the line starts with one.
fn key_end(rest: &str) -> Option<usize> {
    let colon = rest
        .find(": ")
        .or_else(|| rest.strip_suffix(':').map(str::len))?;
    let key = &rest[..colon];
    let plain = key
        .chars()
        .all(|c| c.is_alphanumeric() || matches!(c, '_' | '-' | '.'));
    (!key.is_empty() && plain).then_some(colon)
}

/// Whether a value starting with `&` or `*` is one written as a text:
/// not a mark on a list or mapping (`&steps [a, b]`, `&item` above a
/// block), nor a reference to a mark the file has (`*steps`), which are
/// YAML's marks and references used as meant.
fn by_accident(text: &str, value: &str) -> bool {
    let Some(sign) = value.chars().next().filter(|c| matches!(c, '&' | '*')) else {
        return true;
    };
    let name_end = value
        .find([' ', '\t', ',', '[', ']', '{', '}'])
        .unwrap_or(value.len());
    let (name, rest) = (&value[1..name_end], value[name_end..].trim_start());
    if sign == '&' {
        return !(rest.is_empty() || rest.starts_with(['[', '{', '|', '>', '"', '\'', '#']));
    }
    !text.lines().any(|l| {
        l.match_indices('&').any(|(i, _)| {
            l[i + 1..].strip_prefix(name).is_some_and(|after| {
                after.is_empty() || after.starts_with([' ', '\t', ',', ']', '}'])
            })
        })
    }) || name.is_empty()
}

/// What YAML takes a value starting with `first` for; `None` when the
/// value is written as YAML means it (a quoted text, a list in brackets).
fn meaning(first: char, value: &str, brackets: bool) -> Option<&'static str> {
    let closes_at_end = |open: char, close: char| {
        value.ends_with(close) && value.matches(open).count() == value.matches(close).count()
    };
    Some(match first {
        '*' => "a reference to a mark (an alias)",
        '&' => "a mark (an anchor)",
        '!' => "a type tag",
        '@' | '`' => "a sign reserved for future use",
        '%' => "a directive",
        '|' | '>' => "the start of a block of lines",
        '-' => "the start of a list item",
        '?' => "the start of a complex key",
        '[' if brackets && !closes_at_end('[', ']') => "the start of a list",
        '{' if brackets && !closes_at_end('{', '}') => "the start of a mapping",
        // Closed before the line ends, with words after it (a quote never
        // closed is another error).
        '"' | '\'' if value[1..].contains(first) && !value[1..].ends_with(first) => "a quoted text",
        _ => return None,
    })
}

/// A text in quote marks with quote marks of its own inside, on line
/// `line` (1-based): `said: "Say "no" first"`, `{ answer: "I said "enough" twice." }`.
/// YAML ends the text at the second quote mark and stumbles over the words
/// after it, and its own error (a line that does not fit its block, braces
/// not closed) sends a trainer to the wrong place. The opening quote's
/// column (1-based, in characters), and the message and hint, which shows
/// the line with the text in the other quote marks.
pub fn quotes_inside(text: &str, line: usize) -> Option<(usize, String, String)> {
    let source = super::source_line(text, line)?;
    let mut from = 0;
    while let Some((col, quote)) = opening_quote(&source[from..]) {
        let open = from + col;
        let close = open + 1 + closing_quote(&source[open + 1..], quote)?;
        if ends_value(&source[close + 1..]) {
            from = close + 1;
            continue;
        }
        // Where the trainer meant the text to end: the first quote mark
        // after which the value is over.
        let rest = &source[close + 1..];
        let end = rest
            .match_indices(quote)
            .map(|(i, _)| close + 1 + i)
            .find(|&i| ends_value(&source[i + 1..]))?;
        let inner = &source[open + 1..end];
        let other = match quote {
            '\'' if !inner.contains(['"', '\\']) => format!("\"{inner}\""),
            _ => format!("'{}'", inner.replace('\'', "''")),
        };
        let column = source[..open].chars().count() + 1;
        let message = format!(
            "this text in quote marks {quote}…{quote} has the same quote marks inside: YAML ends the text at the second {quote}, and the words after it are left over"
        );
        let hint = format!(
            "put the text in the other quote marks: {}{other}{}; or write the marks inside as typographic quotes („…”, “…”)",
            source[..open].trim_start(),
            source[end + 1..].trim_end()
        );
        return Some((column, message, hint));
    }
    None
}

/// Whether a quoted text followed by `after` is a whole value: nothing but
/// a comment, or the end of an entry in braces or brackets, after it.
fn ends_value(after: &str) -> bool {
    let t = after.trim_start();
    t.is_empty()
        || t.starts_with([',', '}', ']'])
        || t.starts_with(':') && (t.len() == 1 || t[1..].starts_with([' ', '\t']))
        || t.starts_with('#') && t.len() < after.len()
}

/// `value` in quotes YAML reads back as exactly that text.
pub(crate) fn quoted(value: &str) -> String {
    if !value.contains('"') && !value.contains('\\') {
        format!("\"{value}\"")
    } else {
        format!("'{}'", value.replace('\'', "''"))
    }
}

/// A quoted text whose quote mark is not closed on its own line, when the
/// parser's error at `problem_line` (1-based) falls where YAML found it
/// closed: the opening quote's line and column (1-based, in characters) and
/// the line it closed on. YAML reads a quoted text on across lines, up to the
/// next quote mark, so a forgotten closing `"` shows up as an error many
/// lines further down; the fix belongs at the opening one.
pub fn runaway(text: &str, problem_line: usize) -> Option<(usize, usize, usize)> {
    let lines: Vec<&str> = text.lines().collect();
    let (mut line, mut from) = (0, 0);
    while line < lines.len() && line < problem_line {
        let Some((col, quote)) = opening_quote(&lines[line][from..]) else {
            (line, from) = (line + 1, 0);
            continue;
        };
        let col = from + col;
        let open = (line + 1, lines[line][..col].chars().count() + 1);
        let mut at = (line, col + 1);
        let (close_line, close) = loop {
            if let Some(end) = closing_quote(&lines[at.0][at.1..], quote) {
                break (at.0, at.1 + end);
            }
            if at.0 + 1 >= lines.len() {
                return None; // never closed: the parser says so itself
            }
            at = (at.0 + 1, 0);
        };
        let spans = close_line > line;
        if spans && (line + 1 < problem_line) && problem_line <= close_line + 2 {
            return Some((open.0, open.1, close_line + 1));
        }
        (line, from) = (close_line, close + 1);
    }
    None
}

/// The byte offset and sign of the first quote mark in `rest` that starts a
/// quoted text: at the start, after `- `, `: `, or `[`, `{` or `,` in brackets;
/// not one inside words (`it's`) or a comment.
fn opening_quote(rest: &str) -> Option<(usize, char)> {
    let mut can_start = true;
    let mut depth = 0usize;
    let mut prev = ' ';
    let mut chars = rest.char_indices().peekable();
    while let Some((i, c)) = chars.next() {
        let next = chars.peek().map_or(' ', |&(_, n)| n);
        match c {
            '"' | '\'' if can_start => return Some((i, c)),
            '#' if prev == ' ' || prev == '\t' => return None,
            ' ' | '\t' => {}
            '-' | ':' | '?' if next == ' ' || next == '\t' => can_start = true,
            '[' | '{' => {
                depth += 1;
                can_start = true;
            }
            ']' | '}' => {
                depth = depth.saturating_sub(1);
                can_start = false;
            }
            ',' if depth > 0 => can_start = true,
            _ => can_start = false,
        }
        prev = c;
    }
    None
}

/// The byte offset of the quote mark that closes a text in `quote`s, in
/// `rest` (which starts after the opening one or at a following line).
fn closing_quote(rest: &str, quote: char) -> Option<usize> {
    let mut chars = rest.char_indices().peekable();
    while let Some((i, c)) = chars.next() {
        match (quote, c) {
            ('"', '\\') => {
                chars.next();
            }
            ('\'', '\'') if chars.peek().is_some_and(|&(_, n)| n == '\'') => {
                chars.next();
            }
            _ if c == quote => return Some(i),
            _ => {}
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_the_sign_and_shows_the_line_quoted() {
        let (at, m, h) = reserved_start("title: *bold* text\n", 1, 10, false).unwrap();
        assert_eq!(at, 8);
        assert_eq!(
            m,
            "this text starts with `*`, which YAML reads as a reference to a mark (an alias), not as text"
        );
        assert_eq!(h, "put the whole text in quotes: title: \"*bold* text\"");
        let (_, _, h) =
            reserved_start("items:\n  - said: \"Why\" she asked\n", 2, 19, false).unwrap();
        assert_eq!(
            h,
            "put the whole text in quotes: - said: '\"Why\" she asked'"
        );
        let (_, _, h) =
            reserved_start("  - ![logo](/images/a.png) it's us\n", 1, 5, false).unwrap();
        assert_eq!(
            h,
            "put the whole text in quotes: - \"![logo](/images/a.png) it's us\""
        );
    }

    #[test]
    fn finds_a_quote_left_open_where_the_parser_stops_later() {
        let text = "title: a\ndescription: \"open\nname: b\nphone: \"+44\"\n";
        assert_eq!(runaway(text, 4), Some((2, 14, 4)));
        // A quoted text over two lines on purpose, and the error elsewhere.
        let text = "a: \"one\n  two\"\nb: c\nd: [\n";
        assert_eq!(runaway(text, 4), None);
        // Quote marks inside words, escaped ones and comments start nothing.
        let text = "a: it's \"x\" # it's\nb: 'it''s'\nc: \"say \\\"hi\\\"\"\nd: e: f\n";
        assert_eq!(runaway(text, 4), None);
        let text = "- { title: \"Pairs, minutes: 5 }\n- { title: \"b\", minutes: 5 }\n";
        assert_eq!(runaway(text, 2), Some((1, 12, 2)));
    }

    #[test]
    fn a_quoted_text_with_quote_marks_inside_is_shown_in_the_other_ones() {
        let (c, m, h) = quotes_inside("  - said: \"Say \"no\" first.\"\n", 1).unwrap();
        assert_eq!(c, 11);
        assert_eq!(m, "this text in quote marks \"…\" has the same quote marks inside: YAML ends the text at the second \", and the words after it are left over");
        assert_eq!(
            h,
            "put the text in the other quote marks: - said: 'Say \"no\" first.'; or write the marks inside as typographic quotes („…”, “…”)"
        );
        let line = "- { by: ana, answer: \"I said \"enough\" twice.\", note: \"x\" }\n";
        let (_, _, h) = quotes_inside(line, 1).unwrap();
        assert!(
            h.contains("- { by: ana, answer: 'I said \"enough\" twice.', note: \"x\" }"),
            "{h}"
        );
        let (_, _, h) = quotes_inside("title: 'Don't stop'\n", 1).unwrap();
        assert!(h.contains("title: \"Don't stop\";"), "{h}");
        // Texts YAML reads as written, and a quote with words after it and no end.
        for line in [
            "a: \"x\" # \"y\"",
            "a: { b: \"x\", c: \"y\" }",
            "said: \"Why\" she asked",
            "a: it's \"x\"",
        ] {
            assert!(quotes_inside(line, 1).is_none(), "{line}");
        }
    }

    #[test]
    fn leaves_values_yaml_reads_as_written() {
        assert!(reserved_start("tags: [a, b]\n", 1, 7, true).is_none());
        assert!(reserved_start("title: \"a: b\"\n", 1, 8, false).is_none());
        assert!(reserved_start("title: plain text\n", 1, 8, false).is_none());
        // An unclosed list is a list all the same, unless text was wanted.
        assert!(reserved_start("tags: [a, b\n", 1, 7, false).is_none());
        assert!(reserved_start("title: [link](x) and more\n", 1, 8, true).is_some());
        // The error is elsewhere on the line.
        assert!(reserved_start("title: *x\n", 1, 2, false).is_none());
    }
}
