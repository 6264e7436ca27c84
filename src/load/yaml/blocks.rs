//! Which lines of a YAML text are the lines of a block text (`|`, `>`):
//! Markdown, not YAML, for checks that read lines.

use super::quoting::split_value;

/// Follows a YAML text line by line.
pub(super) struct Blocks {
    /// The indentation of the line that opened a block text, while in one.
    open: Option<usize>,
}

impl Blocks {
    pub fn new() -> Blocks {
        Blocks { open: None }
    }

    /// The key and dashes of `line` (the next line of the text) and the
    /// plain value after them, unless the line is inside a block text.
    #[cfg(test)]
    pub fn value<'t>(&mut self, line: &'t str) -> Option<(&'t str, &'t str)> {
        if self.inside(line) {
            return None;
        }
        split_value(line)
    }

    /// Whether `line`, the next line of the text, is inside a block text.
    pub fn inside(&mut self, line: &str) -> bool {
        let indent = line.len() - line.trim_start_matches(' ').len();
        if let Some(open) = self.open {
            if line.trim().is_empty() || indent > open {
                return true;
            }
            self.open = None;
        }
        if split_value(line).is_some_and(|(_, value)| starts_block(value)) {
            self.open = Some(indent);
        }
        false
    }
}

/// `|`, `>`, `|-`, `>+2` … (with a comment after it or not).
fn starts_block(value: &str) -> bool {
    let head = value.split(" #").next().unwrap_or(value).trim_end();
    let mut chars = head.chars();
    matches!(chars.next(), Some('|' | '>'))
        && chars.all(|c| c == '+' || c == '-' || c.is_ascii_digit())
}

/// The lines of block texts in `text`: (0-based line number, line).
pub fn block_lines(text: &str) -> impl Iterator<Item = (usize, &str)> {
    let mut blocks = Blocks::new();
    text.lines()
        .enumerate()
        .filter(move |(_, line)| blocks.inside(line))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_the_lines_of_block_texts() {
        let text = "title: A\nbody: |\n  ## Heading {#x}\n\n  more\nnext: b\nlist:\n  - why: >-\n      # H\n  - x\n";
        let lines: Vec<usize> = block_lines(text).map(|(i, _)| i).collect();
        assert_eq!(lines, [2, 3, 4, 8]);
    }
}
