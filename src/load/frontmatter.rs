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
/// wikis, mdBook and GitHub write it: `# Title`. Gives the title (without a
/// closing `#` sequence or an `{#id}`), the 1-based line of the heading and
/// the text after that line.
pub fn heading_title(body: &str) -> Option<(String, usize, &str)> {
    let mut offset = 0;
    for (line, l) in (1..).zip(body.split_inclusive('\n')) {
        if l.trim().is_empty() {
            offset += l.len();
            continue;
        }
        let indent = l.len() - l.trim_start_matches(' ').len();
        let text = l
            .trim_start_matches(' ')
            .strip_prefix("# ")
            .filter(|_| indent < 4)?;
        let mut title = text.trim();
        if let Some(open) = title.rfind("{#").filter(|_| title.ends_with('}')) {
            title = title[..open].trim_end();
        }
        let closing = title.trim_end_matches('#');
        if closing.is_empty() || closing.ends_with(' ') {
            title = closing.trim_end();
        }
        return (!title.is_empty()).then(|| (title.to_string(), line, &body[offset + l.len()..]));
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_first_level_heading_on_the_first_line_is_a_title() {
        let (t, line, rest) = heading_title("\n# Facilitation guide ##\r\nText\n").unwrap();
        assert_eq!(
            (t.as_str(), line, rest),
            ("Facilitation guide", 2, "Text\n")
        );
        let (t, _, _) = heading_title("# Rules {#rules}\n").unwrap();
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
