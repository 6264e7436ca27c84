//! A block of a site's own template that the template it extends does not
//! have (`{% block mian %}` for `main`): the template engine drops it
//! without a word, and every page made with it is published without what
//! the block holds (a blank `<main>`). Blocks inside another block of the
//! template are its own, and fine.

use crate::diagnostic::Diagnostic;
use crate::theme::Theme;
use std::collections::BTreeSet;

/// An error for each top-level block of the site's own templates that no
/// template above it has.
pub fn check_template_blocks(theme: &Theme) -> Vec<Diagnostic> {
    let mut found = Vec::new();
    for name in theme.own_template_names() {
        let Some(text) = theme.own_template(&name) else {
            continue;
        };
        let Some(parent) = extended(&text) else {
            continue;
        };
        let known = ancestors_blocks(theme, parent, &name);
        if known.is_empty() {
            continue; // a parent that cannot be read is reported elsewhere
        }
        for (at, block) in top_level_blocks(&text) {
            if known.contains(block) {
                continue;
            }
            let mean = crate::suggest::did_you_mean(block, known.iter().map(String::as_str));
            let list: Vec<&str> = known.iter().map(String::as_str).collect();
            found.push(
                Diagnostic::error(
                    theme.template_path(&name),
                    format!("`{{% block {block} %}}` is no block of {parent}, which this template extends: what it holds would show on no page"),
                )
                .at_offset(&text, at)
                .hint(format!("{mean}the blocks of {parent} are {}", list.join(", "))),
            );
        }
    }
    found
}

/// Every block of `name` and the templates it extends in turn (`seen`
/// guards against a template extending itself).
fn ancestors_blocks(theme: &Theme, name: &str, seen: &str) -> BTreeSet<String> {
    let mut blocks = BTreeSet::new();
    let mut next = Some(name.to_string());
    let mut visited = vec![seen.to_string()];
    while let Some(n) = next.take() {
        if visited.contains(&n) {
            break;
        }
        let Some(text) = theme.template(&n) else {
            break;
        };
        blocks.extend(tags(&text, "block").map(|(_, b)| b.to_string()));
        next = extended(&text).map(str::to_string);
        visited.push(n);
    }
    blocks
}

/// The template `text` extends, when it extends one by a quoted name.
fn extended(text: &str) -> Option<&str> {
    let (_, arg) = tags(text, "extends").next()?;
    Some(arg)
}

/// The blocks of `text` not inside another block: byte offset and name.
fn top_level_blocks(text: &str) -> Vec<(usize, &str)> {
    let mut depth = 0usize;
    let mut found = Vec::new();
    for (at, word, arg) in statements(text) {
        match word {
            "block" => {
                if depth == 0 {
                    found.push((at, arg));
                }
                depth += 1;
            }
            "endblock" => depth = depth.saturating_sub(1),
            _ => {}
        }
    }
    found
}

/// The `{% word arg %}` statements of `text` whose word is `want`: offset
/// and argument (a name, or a quoted name's inside).
fn tags<'t>(text: &'t str, want: &'t str) -> impl Iterator<Item = (usize, &'t str)> + 't {
    statements(text)
        .into_iter()
        .filter(move |(_, w, _)| *w == want)
        .map(|(at, _, arg)| (at, arg))
}

/// Each `{% word arg … %}` of `text`: its offset, its first word and the
/// first word after it (quotes taken off).
fn statements(text: &str) -> Vec<(usize, &str, &str)> {
    let mut out = Vec::new();
    let mut from = 0;
    while let Some(i) = text[from..].find("{%") {
        let at = from + i;
        let inner_start = at + 2;
        let Some(len) = text[inner_start..].find("%}") else {
            break;
        };
        let inner = text[inner_start..inner_start + len]
            .trim_matches(|c: char| c == '-' || c == '+' || c.is_whitespace());
        let mut words = inner.split_whitespace();
        let word = words.next().unwrap_or("");
        let arg = words
            .next()
            .unwrap_or("")
            .trim_matches(|c| c == '"' || c == '\'');
        out.push((at, word, arg));
        from = inner_start + len + 2;
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_blocks_outside_another_block_are_the_templates_own() {
        let text = "{% extends \"base.html\" %}\n{%- block mian -%}\n{% block aside %}x{% endblock %}\n{% endblock %}\n{% block title %}T{% endblock %}";
        let names: Vec<&str> = top_level_blocks(text).into_iter().map(|(_, n)| n).collect();
        assert_eq!(names, ["mian", "title"]);
        assert_eq!(extended(text), Some("base.html"));
    }
}
