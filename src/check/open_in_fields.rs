//! Raw HTML left open in the Markdown of a YAML text: a practice set's
//! `intro: |`, a session's `summary:`, a module's `facilitator:` notes, the
//! site's `footer:`. A `<textarea>` or `<script>` with no end tag there
//! swallows the rest of the page as surely as in a page's body, and a
//! `<div>` holds it: the same error and warning as
//! [`super::open_elements`] gives a Markdown page's body, at the tag in the
//! YAML file (or the front matter) that holds it.

use super::open_elements::{left_open, may_open, RawHtml};
use crate::diagnostic::Diagnostic;
use crate::load::frontmatter;
use crate::model::Site;
use rayon::prelude::*;
use serde_yaml::Value;
use std::path::Path;

/// The diagnostics for every YAML file and front matter of `site`.
pub fn check_open_in_fields(site: &Site) -> Vec<Diagnostic> {
    site.texts
        .par_iter()
        .flat_map_iter(|(path, text)| in_file(path, text))
        .collect()
}

fn in_file(path: &Path, text: &str) -> Vec<Diagnostic> {
    let ext = path.extension().and_then(|e| e.to_str()).unwrap_or("");
    let yaml = match ext {
        "yaml" | "yml" => text,
        "md" | "markdown" => match frontmatter::split(text) {
            Ok(frontmatter::Split {
                front: Some(front), ..
            }) => front,
            _ => return Vec::new(),
        },
        _ => return Vec::new(),
    };
    if !may_open(yaml) {
        return Vec::new();
    }
    let Ok(value) = serde_yaml::from_str::<Value>(&crate::load::yaml::blank_tabs(yaml)) else {
        return Vec::new();
    };
    let mut found = Vec::new();
    each_text(&value, "", &mut |key, field| {
        if MARKDOWN.contains(&key) && may_open(field) {
            found.extend(in_field(path, text, yaml, field));
        }
    });
    found
}

/// The fields whose text a page shows as Markdown, raw HTML and all. Any
/// other (a session turn's words, an objective, a title) is shown as
/// text: a `<script>` written there is words on the page.
const MARKDOWN: &[&str] = &[
    "intro",
    "summary",
    "facilitator",
    "explain",
    "feedback",
    "reason",
    "hint",
    "prompt",
    "lede",
    "why",
    "note",
    "footer",
];

/// Calls `f` with every text in `value` and the key it is under (an entry
/// of a list, under its list's key).
fn each_text<'v>(value: &'v Value, key: &'v str, f: &mut impl FnMut(&str, &str)) {
    match value {
        Value::String(s) => f(key, s),
        Value::Sequence(items) => items.iter().for_each(|v| each_text(v, key, f)),
        Value::Mapping(map) => map.iter().for_each(|(k, v)| {
            each_text(v, k.as_str().unwrap_or(""), f);
        }),
        Value::Tagged(tagged) => each_text(&tagged.value, key, f),
        _ => {}
    }
}

/// What the Markdown `field` leaves open, placed at its start tag in
/// `yaml`, the YAML part of the file's `text`.
fn in_field(path: &Path, text: &str, yaml: &str, field: &str) -> Vec<Diagnostic> {
    let yaml_start = yaml.as_ptr() as usize - text.as_ptr() as usize;
    let raw = RawHtml::of(field, |_| {});
    // Where the field is written: its first line, found in the YAML; the
    // tag is looked for from there (an earlier field may hold the same).
    let first = field
        .lines()
        .map(str::trim)
        .find(|l| !l.is_empty())
        .unwrap_or("");
    let from = memchr::memmem::find(yaml.as_bytes(), first.as_bytes()).unwrap_or(0);
    left_open(path, &raw.html, |d, at| {
        let tag = &field[raw.source_byte(at)..];
        let tag = &tag[..tag.find('\n').unwrap_or(tag.len())];
        let found = memchr::memmem::find(&yaml.as_bytes()[from..], tag.trim_end().as_bytes())
            .map(|byte| from + byte)
            .or_else(|| memchr::memmem::find(yaml.as_bytes(), tag.trim_end().as_bytes()));
        match found {
            Some(byte) => {
                let (line, column) = crate::diagnostic::line_col(text, yaml_start + byte);
                d.at(line, column)
            }
            None => d,
        }
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn found(file: &str, text: &str) -> Vec<String> {
        in_file(Path::new(file), text)
            .into_iter()
            .map(|d| format!("{}:{} {}", d.line, d.column, d.message))
            .collect()
    }

    #[test]
    fn a_tag_left_open_in_a_yaml_text_is_found_where_it_is_written() {
        let set = "title: Set\nintro: |\n  Read this.\n  <textarea>\nitems: []\n";
        let found_in_set = found("content/practice/set.yaml", set);
        assert_eq!(found_in_set.len(), 1, "{found_in_set:?}");
        assert!(
            found_in_set[0].starts_with("4:3 the `<textarea>` opened here is never closed"),
            "{found_in_set:?}"
        );
        let module = "---\ntitle: M\nfacilitator: |\n  Notes <div class=x>\n---\nBody\n";
        let in_module = found("content/workshops/w/m.md", module);
        assert_eq!(in_module.len(), 1, "{in_module:?}");
        assert!(
            in_module[0].starts_with("4:9 the `<div>` opened here"),
            "{in_module:?}"
        );
        // A text shown as text (a turn's words) holds no HTML.
        let said = "turns:\n  - { by: m1, say: \"I pasted the vendor's <script> tag\" }\n";
        assert!(found("content/sessions/s.yaml", said).is_empty());
        // Closed, in code, or in the body (checked with the page): nothing.
        let fine = "intro: |\n  <div>\n  x\n  </div>\n\n  `<script>` is a tag\n";
        assert!(found("content/practice/a.yaml", fine).is_empty());
        let body = "---\ntitle: M\n---\n<textarea>\n";
        assert!(found("content/pages/p.md", body).is_empty());
    }
}
