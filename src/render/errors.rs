//! Template errors placed where the fix goes: the template file and line,
//! nested causes spelled out, and a block left open reported at its opening.

use crate::diagnostic::Diagnostic;
use crate::theme::Theme;

/// Tags that open a block closed by `end<tag>`.
const OPENERS: [&str; 8] = [
    "if", "for", "block", "macro", "call", "filter", "with", "raw",
];

/// A template error at its template file and line, with nested causes.
pub(crate) fn template_error(theme: &Theme, template: &str, err: &minijinja::Error) -> Diagnostic {
    let name = err.name().unwrap_or(template);
    // An invalid operation (alsite's own, such as an unknown UI string, or
    // an operator on values it does not fit) says what it is in its detail;
    // "invalid operation:" before it is the template engine's word.
    let mut message = match (err.kind(), err.detail()) {
        (minijinja::ErrorKind::InvalidOperation, Some(d)) => d.to_string(),
        (kind, Some(d)) => format!("{kind}: {d}"),
        (kind, None) => kind.to_string(),
    };
    message.push_str(&causes(err));
    let path = theme.template_path(name);
    let source = theme.template(name);
    let offset = match (err.range(), &source) {
        (Some(range), Some(_)) => Some(range.start),
        _ => None,
    };
    // Only a block structure error ("unknown statement endblock", "unexpected
    // end of input") is about an unclosed block; others are placed as given.
    let structural = err.kind() == minijinja::ErrorKind::SyntaxError
        && (message.contains("unknown statement end") || message.contains("end of input"));
    if let (Some(source), true) = (&source, structural) {
        let upto = offset.unwrap_or(source.len()).min(source.len());
        if let Some((at, tag)) = unclosed_block(&source[..upto]) {
            return Diagnostic::error(path, format!("template error: `{{% {tag} %}}` is never closed"))
                .at_offset(source, at)
                .hint(format!(
                    "add `{{% end{tag} %}}` where this {tag} should end (while rendering with {template})"
                ));
        }
    }
    let placed = Diagnostic::error(path, format!("template error: {message}"));
    let placed = match (offset, &source) {
        (Some(o), Some(source)) => placed.at_offset(source, o),
        _ => placed.at(err.line().unwrap_or(1), 1),
    };
    placed.hint(format!("while rendering with {template}"))
}

/// The causes of `err`, each once: a template that includes itself (or
/// one that includes it back) repeats the same cause until the engine's
/// limit, a screenful of words; it is named as the loop it is.
fn causes(err: &minijinja::Error) -> String {
    let mut list: Vec<String> = Vec::new();
    let mut seen: Vec<String> = Vec::new();
    let mut all = 0;
    let mut cause = std::error::Error::source(err);
    while let Some(c) = cause {
        all += 1;
        let text = c.to_string();
        // Each repeat differs only in where it was: " (in page.html:1)".
        let bare = text.split(" (in ").next().unwrap_or(&text).to_string();
        if !seen.contains(&bare) {
            seen.push(bare);
            list.push(text);
        }
        cause = c.source();
    }
    let looped = list.len() < all
        && list
            .last()
            .is_some_and(|l| l.contains("recursion limit exceeded"));
    if looped && list.iter().any(|c| c.contains("could not render include")) {
        return "; the templates include each other in a loop (a template that includes itself, or one it includes that includes it back)".to_string();
    }
    list.iter().map(|c| format!("; caused by: {c}")).collect()
}

/// The innermost block opened in `source` and not closed by its end, as
/// (offset of its `{%`, tag); `None` when every block is closed.
fn unclosed_block(source: &str) -> Option<(usize, &'static str)> {
    let mut open: Vec<(usize, &'static str)> = Vec::new();
    let mut from = 0;
    while let Some(i) = source[from..].find("{%") {
        let start = from + i;
        let body = &source[start + 2..];
        let Some(end) = body.find("%}") else { break };
        let word = body[..end]
            .trim_matches(|c: char| c == '-' || c == '+' || c.is_whitespace())
            .split(|c: char| !c.is_alphanumeric() && c != '_')
            .next()
            .unwrap_or("");
        if let Some(tag) = OPENERS.iter().find(|t| **t == word) {
            // `{% set x = … %}` is not a block; `{% set x %}…{% endset %}` is not tracked.
            open.push((start, tag));
        } else if let Some(closed) = word.strip_prefix("end") {
            if let Some(pos) = open.iter().rposition(|(_, t)| *t == closed) {
                open.truncate(pos);
            }
        }
        from = start + 2 + end + 2;
    }
    open.pop()
}

#[cfg(test)]
mod tests {
    use super::unclosed_block;

    #[test]
    fn finds_the_block_left_open() {
        let t = "{% block main %}\n{% if a %}\n<p>{% for x in y %}{{ x }}{% endfor %}</p>\n";
        assert_eq!(unclosed_block(t), Some((17, "if")));
        assert_eq!(unclosed_block("{% if a %}x{% else %}y{% endif %}"), None);
        assert_eq!(unclosed_block("{%- for a in b -%}"), Some((0, "for")));
    }
}
