//! What the YAML parser reports badly or slowly, found before parsing:
//! control characters, tabs in indentation, a second document, deep nesting,
//! type tags, marks that take a text's first word, `%YAML` and `%TAG`
//! directives.

use crate::diagnostic::Diagnostic;
use std::path::Path;

/// How deeply lists and mappings may nest. Content never needs more than a
/// handful of levels; the limit keeps a runaway file from taking minutes.
const MAX_DEPTH: usize = 40;

/// The key before `: ` on `line` (`- ` items too), when it is a plain
/// word: the line split at its `: `, into the key and what follows.
fn plain_key<'a>(line: &'a str, separator: &str) -> Option<(&'a str, &'a str, &'a str)> {
    let (before, after) = line.split_once(separator)?;
    let key = before.trim_start().trim_start_matches("- ").trim();
    let plain = !key.is_empty()
        && key
            .chars()
            .all(|c| c.is_alphanumeric() || c == '_' || c == '-');
    plain.then_some((before, key, after))
}

/// A space other than the plain one where YAML needs a plain one: in the
/// indentation before a key, or right after a key's colon. Its column, the
/// character, and whether it indents.
fn odd_space(line: &str) -> Option<(usize, char, Spaced)> {
    let wide = |c: char| c != ' ' && c != '\t' && c.is_whitespace();
    let lead = line
        .chars()
        .take_while(|&c| c == ' ' || c == '\t' || wide(c));
    if let Some((i, c)) = lead.enumerate().find(|&(_, c)| wide(c)) {
        return Some((i, c, Spaced::Indent));
    }
    // `-\u{a0}text`: a list item's dash, then a no-break space.
    let item = line.trim_start_matches([' ', '\t']);
    if let Some(c) = item
        .strip_prefix('-')
        .and_then(|r| r.chars().next())
        .filter(|&c| wide(c))
    {
        return Some((line.len() - item.len() + 1, c, Spaced::Dash));
    }
    let (before, _, after) = plain_key(line, ":")?;
    let c = after.chars().next().filter(|&c| wide(c))?;
    Some((before.chars().count() + 1, c, Spaced::Colon))
}

/// Where a wide space stands that YAML does not take for a space.
enum Spaced {
    Indent,
    Dash,
    Colon,
}

/// A colour written without quotes after a key (`primary: #8b0000`): the
/// column of the `#`, the key and the colour.
fn colour_as_comment(line: &str) -> Option<(usize, &str, &str)> {
    let (before, key, after) = plain_key(line, ": #")?;
    let colour_len = after.bytes().take_while(u8::is_ascii_hexdigit).count();
    let colour = &line[before.len() + 2..before.len() + 3 + colour_len];
    let ends = after[colour_len..].trim().is_empty();
    (ends && matches!(colour_len, 3 | 4 | 6 | 8))
        .then(|| (line[..before.len() + 2].chars().count(), key, colour))
}

/// A value YAML reads as nothing (`title: ~`, `title: null`): the column
/// of the value, the key and the word. Written for a text, it would be
/// published as `~` or `null`.
fn null_value(line: &str) -> Option<(usize, &str, &str)> {
    let (before, key, after) = plain_key(line, ": ")?;
    let value = after.split(" #").next().unwrap_or(after).trim();
    let column = line[..before.len() + 2].chars().count() + after.len() - after.trim_start().len();
    matches!(value, "~" | "null" | "Null" | "NULL").then_some((column, key, value))
}

/// The error for a control character (other than a tab) written into a
/// text as it is, in YAML or in Markdown.
pub(crate) fn invisible_character(file: &Path, c: char) -> Diagnostic {
    Diagnostic::error(
        file,
        format!("an invisible control character (U+{:04X}) is in the text here", c as u32),
    )
    .hint("delete it and retype the text around it; it often comes from copying out of another program")
}

/// Finds, before parsing, the mistakes the YAML parser reports badly or
/// slowly: control characters, tabs in indentation, a second document, and
/// nesting past [`MAX_DEPTH`].
pub(super) fn prescan(file: &Path, text: &str) -> Result<(), Diagnostic> {
    let mut flow_depth = 0usize;
    // Where the `[` or `{` still open began: line, column, which, and the
    // indentation of its line.
    let mut opened: Option<(usize, usize, char, usize)> = None;
    let mut seen_content = false;
    let mut ended: Option<usize> = None;
    let mut blocks = super::blocks::Blocks::new();
    for (i, line) in text.lines().enumerate() {
        let in_block_text = blocks.inside(line);
        let err = |col: usize, message: &str, hint: &str| {
            Err(Diagnostic::error(file, message)
                .at(i + 1, col + 1)
                .hint(hint))
        };
        if let Some((col, c)) = line
            .char_indices()
            .find(|&(_, c)| (c.is_control() && c != '\t') || matches!(c, '\u{2028}' | '\u{2029}'))
        {
            let at = (i + 1, line[..col].chars().count() + 1);
            if !c.is_control() {
                // Pasted from Word, a PDF or a web page: YAML ends a line there.
                return Err(Diagnostic::error(file, format!("a line separator (U+{:04X}) is in the text here, which YAML reads as the end of the line", c as u32))
                    .at(at.0, at.1)
                    .hint("delete it and type a space (or press Enter, if a new line was meant); it often comes from copying out of Word, a PDF or a web page"));
            }
            return Err(invisible_character(file, c).at(at.0, at.1));
        }
        // A character that shows as nothing in a line's indentation (a
        // zero-width space pasted before the spaces of a key): the line is
        // not indented as it looks. (Right before a key, it is named as
        // part of the key's name: see `explain`.)
        let start = line.trim_start_matches(' ');
        let mut first = start.chars();
        if let Some(c) = first.next().filter(|&c| {
            !in_block_text
                && c != '\u{a0}'
                && crate::model::fields::shows_as_nothing(c)
                && first.next() == Some(' ')
        }) {
            let col = line.len() - start.len();
            return Err(Diagnostic::error(file, format!("an invisible character (U+{:04X}) is in this line's indentation, so the line is not indented as it looks", c as u32))
                .at(i + 1, line[..col].chars().count() + 1)
                .hint("delete the start of the line and type it again; the character often comes from copying text out of a web page or a chat"));
        }
        if !in_block_text {
            if let Some((col, c, place)) = odd_space(line) {
                const RETYPE: &str = "delete it and type a plain space (it often comes from copying out of a web page or a word processor, or from AltGr+Space on a Polish keyboard)";
                let (message, hint) = match place {
                    Spaced::Indent => (format!("a no-break or other wide space (U+{:04X}) indents this line", c as u32),
                     "YAML indents with plain spaces: delete the space before the key and type plain spaces (it often comes from copying out of a web page or a word processor)"),
                    Spaced::Dash => (format!("the space after this list item's `-` is a no-break or other wide space (U+{:04X}), which YAML does not take as one, so the line is not read as an item", c as u32), RETYPE),
                    Spaced::Colon => (format!("the space after this colon is a no-break or other wide space (U+{:04X}), which YAML does not take as one", c as u32), RETYPE),
                };
                return err(col, &message, hint);
            }
        }
        let indent = &line[..line.len() - line.trim_start_matches([' ', '\t']).len()];
        // (A line of nothing but spaces and tabs is blank: see `blank_tabs`.)
        if let Some(col) = indent.find('\t') {
            return err(
                col,
                "a tab is used for indentation here",
                "YAML indents with spaces only: replace the tab with spaces, lined up with the lines above (most editors can turn tabs into spaces)",
            );
        }
        if !in_block_text && line[indent.len()..].starts_with("-\t") {
            return err(
                indent.len() + 1,
                "a tab follows this list item's `-`, where YAML takes only a space",
                "replace the tab after the `-` with a space",
            );
        }
        if is_directive(line) {
            return err(
                0,
                "a line starting with `%YAML` or `%TAG` is a YAML directive, which alsite does not read",
                "remove the line; if it belongs to a text, indent it under its key or put the whole text in quotes",
            );
        }
        let trimmed = line.trim_end();
        if (trimmed == "---" || trimmed.starts_with("--- ")) && seen_content {
            return err(
                0,
                "a second `---` line starts another document here",
                "a file holds one document: remove this line (in a page, the front matter ends at the first `---` line after the start)",
            );
        }
        let content = trimmed.trim_start();
        let ends_document = trimmed == "..." || trimmed.starts_with("... #");
        if let Some(end) = ended.filter(|_| !content.is_empty() && !content.starts_with('#')) {
            return Err(Diagnostic::error(file, "a line of three dots `...` ends the file here for YAML, so the lines after it are not read")
                .at(end + 1, 1)
                .hint("remove the `...` line, or indent it under its key if it belongs to a text"));
        }
        if ends_document {
            ended = Some(i);
            continue;
        }
        if !content.is_empty() && !content.starts_with('#') && content != "---" {
            seen_content = true;
        }
        if let Some((col, key, colour)) = colour_as_comment(line) {
            return err(
                col,
                &format!("`{colour}` after `{key}:` is read as a comment (YAML comments start with #), so `{key}` has no value"),
                &format!("put the colour in quotes: {key}: \"{colour}\""),
            );
        }
        if let Some((col, key, word)) = null_value(line).filter(|_| !in_block_text) {
            return err(
                col,
                &format!("`{key}: {word}` is a value YAML reads as nothing, so `{key}` would show as `{word}`"),
                &format!("write what `{key}` should say, or leave the line out where it is optional; to mean the word itself, put it in quotes: {key}: \"{word}\""),
            );
        }
        // A line's plain value, outside block texts: where a tag or a mark
        // before a text is what YAML takes it for.
        let plain = (!in_block_text)
            .then(|| super::quoting::split_value(line))
            .flatten();
        if let Some(tag) = plain.and_then(|(lead, value)| super::tags::on_line(line, lead, value)) {
            let (message, hint) = super::tags::explain(&tag);
            return err(tag.column - 1, &message, &hint);
        }
        let anchor = plain.and_then(|(lead, value)| super::anchors::on_line(line, lead, value));
        if let Some(a) = anchor.filter(|a| !super::anchors::referenced(text, a.name)) {
            let (message, hint) = super::anchors::explain(&a);
            return err(a.column - 1, &message, &hint);
        }
        if let Some(odd) =
            plain.and_then(|(lead, value)| super::numbers::on_line(line, lead, value))
        {
            let (message, hint) = super::numbers::explain(&odd);
            return err(odd.column - 1, &message, &hint);
        }
        if let Some(open) = opened.filter(|_| flow_depth > 0 && !in_block_text) {
            if starts_an_entry(content, indent.len(), open.3) {
                return Err(left_open(file, open));
            }
        }
        let dashes = content.split("- ").take_while(|s| s.is_empty()).count();
        let block_depth = (indent.len() / 2) + dashes;
        let deepest;
        let before = flow_depth;
        // A block text's brackets are text (`note: |` and `Rounds [1–3`).
        (flow_depth, deepest) = match in_block_text {
            true => (flow_depth, flow_depth),
            false => flow_depths(content, flow_depth),
        };
        if flow_depth == 0 {
            opened = None;
        } else if before == 0 {
            opened =
                unclosed_opener(content).map(|(col, c)| (i, indent.len() + col, c, indent.len()));
        }
        if block_depth.max(deepest) > MAX_DEPTH {
            return err(
                indent.len(),
                &format!("lists and mappings nest more than {MAX_DEPTH} levels deep here"),
                "content never needs this many levels: check the indentation and brackets",
            );
        }
    }
    Ok(())
}

/// Whether a line (`content`, indented `indent`) starts a new entry or key
/// where a `[` or `{` opened on a line indented `opened_at` is still open:
/// a `- ` or a `key:` no deeper than that line. A list or mapping that goes
/// on over lines goes on deeper, so this one was left open.
fn starts_an_entry(content: &str, indent: usize, opened_at: usize) -> bool {
    let entry = content == "-" || content.starts_with("- ");
    let key = plain_key(content, ":")
        .is_some_and(|(_, _, after)| after.is_empty() || after.starts_with(' '));
    (entry || key) && indent <= opened_at
}

/// The error for a `[` or `{` left open on its line (`open`: its line,
/// column, which and the line's indentation), found where the next entry
/// starts: YAML would read on, and report whatever the next lines become.
fn left_open(file: &Path, (line, column, c, _): (usize, usize, char, usize)) -> Diagnostic {
    let (what, close) = match c {
        '[' => ("a list in brackets `[…]`", "]"),
        _ => ("a mapping in braces `{…}`", "}"),
    };
    Diagnostic::error(
        file,
        format!("{what} starts here but is not closed on its line"),
    )
    .at(line + 1, column + 1)
    .hint(format!(
        "close it with `{close}` on the same line, or on a line below indented further in than this one; as it is, YAML reads on into the next entries to find it"
    ))
}

/// The column (in characters) of the `[` or `{` that opens the value on
/// `content` (after any `- ` and a `key: `) when it is still open at the
/// line's end, and which it is. `None` for a bracket inside a plain text
/// (`title: Notes [draft`, which YAML reads as written), and when a quote
/// mark is left open on the line (it, not the bracket, is the mistake to
/// name).
fn unclosed_opener(content: &str) -> Option<(usize, char)> {
    let mut value = content;
    while let Some(rest) = value.strip_prefix("- ") {
        value = rest.trim_start();
    }
    if let Some((_, _, after)) = plain_key(value, ": ") {
        value = after.trim_start();
    }
    if !value.starts_with(['[', '{']) {
        return None;
    }
    let start = content.chars().count() - value.chars().count();
    let mut open: Vec<(usize, char)> = Vec::new();
    let (_, quoted) = walk_flow(value, 0, |col, c| match c {
        '[' | '{' => open.push((start + col, c)),
        _ => {
            open.pop();
        }
    });
    open.first().copied().filter(|_| !quoted)
}

/// `%YAML 1.2` or `%TAG ! tag:…` at the start of a line: YAML reads it as
/// an instruction to the parser, and then wants a `---` line after it (or
/// takes it for the start of a second document).
fn is_directive(line: &str) -> bool {
    ["%YAML", "%TAG"].iter().any(|d| {
        line.strip_prefix(d)
            .is_some_and(|rest| rest.is_empty() || rest.starts_with([' ', '\t']))
    })
}

/// The depth of `[` and `{` still open after `line`, outside quotes, and
/// the deepest it reached on the line.
fn flow_depths(line: &str, depth: usize) -> (usize, usize) {
    let mut deepest = depth;
    let mut now = depth;
    let (depth, _) = walk_flow(line, depth, |_, c| {
        now = match c {
            '[' | '{' => now + 1,
            _ => now.saturating_sub(1),
        };
        deepest = deepest.max(now);
    });
    (depth, deepest)
}

/// Reads `line` as YAML reads brackets, `depth` of them open before it:
/// hands `bracket` each `[`, `{`, `]` and `}` outside quotes (a quote mark
/// counts only inside brackets) and before a comment, with its column in
/// characters. The depth still open after it, and whether a quote mark is
/// left open.
fn walk_flow(line: &str, mut depth: usize, mut bracket: impl FnMut(usize, char)) -> (usize, bool) {
    let mut quote: Option<char> = None;
    for (col, c) in line.chars().enumerate() {
        match (quote, c) {
            (Some(q), c) if c == q => quote = None,
            (Some(_), _) => {}
            (None, '"' | '\'') if depth > 0 => quote = Some(c),
            (None, '#') if depth == 0 => break,
            (None, '[' | '{') => {
                depth += 1;
                bracket(col, c);
            }
            (None, ']' | '}') => {
                depth = depth.saturating_sub(1);
                bracket(col, c);
            }
            _ => {}
        }
    }
    (depth, quote.is_some())
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A `{` or `[` left open is found where the next entry starts; one
    /// that goes on over deeper lines, as YAML allows, is not.
    #[test]
    fn a_bracket_left_open_is_found_at_the_next_entry() {
        let file = Path::new("x.yaml");
        let open = "roles:\n  - { id: ruth, role: coach\n  - { id: tom, role: member }\n";
        let e = prescan(file, open).unwrap_err();
        assert_eq!((e.line, e.column), (2, 5), "{}", e.message);
        assert!(
            e.message.starts_with("a mapping in braces"),
            "{}",
            e.message
        );
        let list = "outcomes: [Name the rules, Practise\nminutes: 90\n";
        let e = prescan(file, list).unwrap_err();
        assert_eq!((e.line, e.column), (1, 11), "{}", e.message);
        assert!(e.message.starts_with("a list in brackets"), "{}", e.message);
        let over_lines =
            "turns:\n  - { by: m1,\n      ask: \"What?\" }\n  - { by: m2, ask: \"Why?\" }\n";
        assert!(prescan(file, over_lines).is_ok());
        let in_text = "note: |\n  a { brace\n  - not an entry\nminutes: 30\n";
        assert!(prescan(file, in_text).is_ok());
        let plain = "title: Notes [draft\nslug: notes\n";
        assert!(prescan(file, plain).is_ok());
        let nested = "- - { a: 1\n- b\n";
        assert_eq!(prescan(file, nested).unwrap_err().column, 5);
    }

    #[test]
    fn an_unquoted_colour_is_named_not_dropped() {
        assert_eq!(
            colour_as_comment("  primary: #8b0000"),
            Some((11, "primary", "#8b0000"))
        );
        assert_eq!(
            colour_as_comment("accent: #fff   "),
            Some((8, "accent", "#fff"))
        );
        // A real comment, and a quoted colour, are fine.
        assert_eq!(colour_as_comment("title: # to do"), None);
        assert_eq!(colour_as_comment("primary: \"#8b0000\""), None);
        assert_eq!(colour_as_comment("primary: #8b0000 dark red"), None);
    }
}
