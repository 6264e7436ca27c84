//! Which ids a theme's templates write themselves (`id="contact"`), page
//! template by page template: a heading's id made from its text steps
//! aside for them (`contact-2`), and an id the author gives must not be
//! one, or the page would have it twice.
//!
//! A page template's ids are the literal ones in it and in the files it
//! extends or includes, and those of the macros it calls from the files it
//! imports (the home page calls `contact_block`, which writes `contact`;
//! every page imports the same file for `contact_list`, which writes none).
//! An id made by the template (`id="{{ rule.id }}"`) is the author's, and
//! checked as theirs.

use std::collections::{BTreeSet, HashSet};

/// One template file, read for its ids.
#[derive(Default)]
struct File {
    /// Literal ids outside its macros.
    ids: Vec<String>,
    /// Each macro's name and literal ids.
    macros: Vec<(String, Vec<String>)>,
    /// The files it extends or includes: part of the same page.
    parts: Vec<String>,
    /// The files it imports macros from.
    imports: Vec<String>,
    /// Its text outside its macros, where macros are called.
    text: String,
}

/// The ids the page template `name` writes, its files read with `source`.
pub fn of_template(name: &str, source: &dyn Fn(&str) -> Option<String>) -> HashSet<String> {
    let mut seen = BTreeSet::new();
    let mut todo = vec![name.to_string()];
    let mut ids = HashSet::new();
    let mut text = String::new();
    let mut imports = Vec::new();
    while let Some(name) = todo.pop() {
        if !seen.insert(name.clone()) {
            continue;
        }
        let Some(file) = source(&name).map(|t| read(&t)) else {
            continue;
        };
        ids.extend(file.ids);
        text.push_str(&file.text);
        todo.extend(file.parts);
        imports.extend(file.imports);
    }
    for macros in imports
        .iter()
        .filter_map(|name| source(name))
        .map(|t| read(&t).macros)
    {
        for (name, macro_ids) in macros {
            if text.contains(&format!("{name}(")) {
                ids.extend(macro_ids);
            }
        }
    }
    ids
}

/// Reads a template's statements (`{% … %}`) for the files it names and
/// its macros, and its markup for ids.
fn read(source: &str) -> File {
    let mut file = File::default();
    let mut rest = source;
    // Within a macro: its name and where its text began.
    let mut open_macro: Option<(String, String)> = None;
    while let Some(start) = rest.find("{%") {
        let Some(len) = rest[start..].find("%}") else {
            break;
        };
        let before = &rest[..start];
        let statement =
            rest[start + 2..start + len].trim_matches(|c: char| c == '-' || c.is_whitespace());
        rest = &rest[start + len + 2..];
        match &mut open_macro {
            Some((_, body)) => body.push_str(before),
            None => file.text.push_str(before),
        }
        let (word, args) = statement
            .split_once(char::is_whitespace)
            .unwrap_or((statement, ""));
        match word {
            "extends" | "include" => file.parts.extend(quoted(args)),
            "from" | "import" => file.imports.extend(quoted(args)),
            "macro" => {
                let name = args.split('(').next().unwrap_or("").trim().to_string();
                open_macro = Some((name, String::new()));
            }
            "endmacro" => {
                if let Some((name, body)) = open_macro.take() {
                    file.macros.push((name, literal_ids(&body)));
                }
            }
            _ => match &mut open_macro {
                Some((_, body)) => body.push_str(statement),
                None => file.text.push_str(statement),
            },
        }
    }
    file.text.push_str(rest);
    file.ids = literal_ids(&file.text);
    file
}

/// The first quoted name in a statement's arguments.
fn quoted(args: &str) -> Option<String> {
    let start = args.find(['"', '\''])?;
    let quote = args[start..].chars().next()?;
    let rest = &args[start + 1..];
    Some(rest[..rest.find(quote)?].to_string())
}

/// The ids written as they are in markup, not made by the template.
fn literal_ids(markup: &str) -> Vec<String> {
    crate::html::start_tags(markup)
        .filter_map(|tag| tag.get("id"))
        .filter(|id| !id.is_empty() && !id.contains(['{', '}']))
        .map(str::to_string)
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn files(name: &str) -> Option<String> {
        let text = match name {
            "base.html" => {
                "{% from \"contact.html\" import contact_list %}<main id=\"main\">{% block main %}{% endblock %}</main>{{ contact_list(c) }}"
            }
            "contact.html" => {
                "{% macro contact_list(c) %}<ul>{{ c }}</ul>{% endmacro %}\n{%- macro contact_block(c) -%}<section id=\"contact\" aria-labelledby=\"contact-title\"><h2 id='contact-title'>Hi</h2></section>{%- endmacro %}"
            }
            "home.html" => {
                "{% extends \"base.html\" %}{% from \"contact.html\" import contact_block %}{% block main %}<h1 id=\"hero-title\">{{ t }}</h1>{{ contact_block(c) }}{% endblock %}"
            }
            "page.html" => {
                "{% extends \"base.html\" %}{% block main %}<h1 id=\"{{ page.id }}\">x</h1>{% endblock %}"
            }
            _ => return None,
        };
        Some(text.to_string())
    }

    fn sorted(ids: HashSet<String>) -> Vec<String> {
        ids.into_iter()
            .collect::<BTreeSet<_>>()
            .into_iter()
            .collect()
    }

    #[test]
    fn a_page_has_the_ids_of_its_files_and_of_the_macros_it_calls() {
        assert_eq!(
            sorted(of_template("home.html", &files)),
            ["contact", "contact-title", "hero-title", "main"]
        );
        // The same file imported for another macro brings none of these.
        assert_eq!(sorted(of_template("page.html", &files)), ["main"]);
        assert!(of_template("missing.html", &files).is_empty());
    }
}
