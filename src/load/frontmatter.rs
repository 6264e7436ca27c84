//! Splits a Markdown file into its YAML front matter and body.

/// The parts of a Markdown file. `front` is the YAML between the `---` lines;
/// `front_line` and `body_line` are the 1-based lines where each starts.
#[derive(Debug, PartialEq, Eq)]
pub struct Split<'a> {
    pub front: Option<&'a str>,
    pub front_line: usize,
    pub body: &'a str,
    pub body_line: usize,
}

/// The front matter was opened with `---` and never closed.
#[derive(Debug, PartialEq, Eq)]
pub struct Unclosed;

pub fn split(text: &str) -> Result<Split<'_>, Unclosed> {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    // The opening and closing lines may carry spaces after the dashes,
    // which no editor shows.
    let first = text.split_inclusive('\n').next().unwrap_or("");
    if first.trim_end() != "---" || !first.ends_with('\n') {
        return Ok(Split {
            front: None,
            front_line: 0,
            body: text,
            body_line: 1,
        });
    }
    let rest = &text[first.len()..];
    let start = first.len();
    let mut offset = start;
    for (line, l) in (2..).zip(rest.split_inclusive('\n')) {
        if l.trim_end() == "---" {
            return Ok(Split {
                front: Some(&text[start..offset]),
                front_line: 2,
                body: &text[offset + l.len()..],
                body_line: line + 1,
            });
        }
        offset += l.len();
    }
    Err(Unclosed)
}

/// A title written as the first line of a file with no front matter, as
/// wikis, mdBook and GitHub write it: `# Title`, or the line `Title`
/// underlined with `===` (as Pandoc and older wikis write it). Gives the
/// title (without a closing `#` sequence or an `{#id}`), the 1-based line
/// of the heading, the line after it and the text from there.
pub fn heading_title(body: &str) -> Option<(String, usize, usize, &str)> {
    let mut offset = 0;
    let mut lines = (1..).zip(body.split_inclusive('\n'));
    while let Some((line, l)) = lines.next() {
        if l.trim().is_empty() {
            offset += l.len();
            continue;
        }
        let indent = l.len() - l.trim_start_matches(' ').len();
        if indent >= 4 {
            return None;
        }
        let (text, taken) = match l.trim_start_matches(' ').strip_prefix("# ") {
            Some(text) => (text, l.len()),
            None => {
                let (_, under) = lines.next()?;
                (underlined(l, under)?, l.len() + under.len())
            }
        };
        let title = without_id(text.trim());
        let title = match title.trim_end_matches('#') {
            closing if taken == l.len() && (closing.is_empty() || closing.ends_with(' ')) => {
                closing.trim_end()
            }
            _ => title,
        };
        let after = line + if taken == l.len() { 1 } else { 2 };
        return (!title.is_empty())
            .then(|| (title.to_string(), line, after, &body[offset + taken..]));
    }
    None
}

/// The text of `line` when `under` is a line of `=` that makes it a
/// first-level heading (a paragraph's line, not a list item, a quote, a
/// table or a block of code or HTML).
fn underlined<'a>(line: &'a str, under: &str) -> Option<&'a str> {
    let rule = under.trim_end();
    let rule_indent = rule.len() - rule.trim_start_matches(' ').len();
    let is_rule =
        rule_indent < 4 && rule.trim_start().chars().all(|c| c == '=') && !rule.trim().is_empty();
    let text = line.trim();
    let starts_a_block = text.starts_with(['#', '-', '*', '+', '>', '|', '<', '`', '~', '='])
        || text
            .trim_start_matches(|c: char| c.is_ascii_digit())
            .starts_with(['.', ')'])
            && text.starts_with(|c: char| c.is_ascii_digit());
    (is_rule && !starts_a_block).then_some(text)
}

/// A heading's text without the `{#id}` at its end.
fn without_id(title: &str) -> &str {
    match title.rfind("{#").filter(|_| title.ends_with('}')) {
        Some(open) => title[..open].trim_end(),
        None => title,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_first_level_heading_on_the_first_line_is_a_title() {
        let (t, line, after, rest) = heading_title("\n# Facilitation guide ##\r\nText\n").unwrap();
        assert_eq!(
            (t.as_str(), line, after, rest),
            ("Facilitation guide", 2, 3, "Text\n")
        );
        let (t, ..) = heading_title("# Rules {#rules}\n").unwrap();
        assert_eq!(t, "Rules");
        assert_eq!(
            heading_title("# C# in 10 minutes\n").unwrap().0,
            "C# in 10 minutes"
        );
        assert_eq!(heading_title("Text first\n# Later\n"), None);
        assert_eq!(heading_title("## Second level\n"), None);
        assert_eq!(heading_title("#hashtag\n"), None);
        assert_eq!(heading_title("    # code\n"), None);
        assert_eq!(heading_title("#  \n"), None);
        assert_eq!(heading_title(""), None);
    }

    #[test]
    fn a_line_underlined_with_equals_signs_is_a_title() {
        let (t, line, after, rest) =
            heading_title("\nAbout us {#about}\r\n========\r\nText\n").unwrap();
        assert_eq!(
            (t.as_str(), line, after, rest),
            ("About us", 2, 4, "Text\n")
        );
        assert_eq!(heading_title("C#\n==\n").unwrap().0, "C#");
        assert_eq!(heading_title("- item\n===\n"), None);
        assert_eq!(heading_title("1. item\n===\n"), None);
        assert_eq!(heading_title("Text\nmore text\n===\n"), None);
        assert_eq!(heading_title("Text\n---\n"), None);
        assert_eq!(heading_title("Text\n"), None);
    }

    #[test]
    fn splits_front_matter_and_counts_lines() {
        let s = split("---\ntitle: A\nslug: a\n---\n# Body\n").unwrap();
        assert_eq!(s.front, Some("title: A\nslug: a\n"));
        assert_eq!(s.front_line, 2);
        assert_eq!(s.body, "# Body\n");
        assert_eq!(s.body_line, 5);
    }

    #[test]
    fn no_front_matter_is_all_body() {
        let s = split("# Just text\n---\n").unwrap();
        assert_eq!(s.front, None);
        assert_eq!(s.body, "# Just text\n---\n");
    }

    #[test]
    fn crlf_bom_and_empty_front_matter() {
        let s = split("\u{feff}---\r\ntitle: A\r\n---\r\nBody").unwrap();
        assert_eq!(s.front, Some("title: A\r\n"));
        assert_eq!(s.body, "Body");
        let s = split("---\n---\n").unwrap();
        assert_eq!(s.front, Some(""));
        assert_eq!(s.body, "");
    }

    #[test]
    fn spaces_after_the_dashes_are_allowed() {
        let s = split("---   \ntitle: A\n--- \t\nBody").unwrap();
        assert_eq!(s.front, Some("title: A\n"));
        assert_eq!(s.body, "Body");
        assert_eq!(split("----\ntitle: A\n---\n").unwrap().front, None);
    }

    #[test]
    fn unclosed_front_matter_is_an_error() {
        assert_eq!(split("---\ntitle: A\n# Body\n"), Err(Unclosed));
        // A longer rule is not a closing line.
        assert_eq!(split("---\ntitle: A\n-----\n"), Err(Unclosed));
    }
}
