//! A list in brackets (`objectives: [Poznać się, Wyjaśnić, czym jest AL]`)
//! whose commas cut an entry in two. Every comma inside `[…]` starts a new
//! entry, and Polish puts one before `czym`, `że`, `który` … as English
//! does before `and why`: the list quietly gets an entry too many. In a
//! list of sentences (its first entry starts with a capital), an entry that
//! starts with such a joining word, in small letters, is most likely such a
//! piece, and is warned about at its place, as is, in a list of two
//! sentences or more, an entry in small letters; a list of things (`[Flip chart,
//! markers]`) or of words (`[what, how, who]`) is not. Lines inside a block of text
//! (`intro: |`) are text, not lists, and are passed over.

use crate::diagnostic::Diagnostic;
use crate::load::frontmatter;
use crate::model::Site;
use rayon::prelude::*;
use std::path::Path;

/// Warnings for the lists in brackets of every YAML file and front matter,
/// for its texts wrapped in curly quotes (see [`super::curly_quotes`]) and
/// for those cut short by a ` #` (see [`super::hash_comments`]),
/// read in the same pass over their lines.
/// The files are read on every core, their warnings in file order.
pub fn check_flow_lists(site: &Site) -> Vec<Diagnostic> {
    site.texts
        .par_iter()
        .flat_map_iter(|(path, text)| {
            let ext = path.extension().and_then(|e| e.to_str()).unwrap_or("");
            let yaml_lines = match ext {
                "yaml" | "yml" => text.lines().count(),
                "md" | "markdown" => front_matter_lines(text),
                _ => 0,
            };
            in_lines(path, text.lines().take(yaml_lines))
        })
        .collect()
}

/// The warnings for the YAML `lines` of the file at `path`.
fn in_lines<'a>(path: &Path, lines: impl Iterator<Item = &'a str>) -> Vec<Diagnostic> {
    let mut out = Vec::new();
    // The question checker's word lists are words, whatever their case.
    let words = path.ends_with("question-rules.yaml");
    // The indentation of the line that opened a block of text, while in it.
    let mut block: Option<usize> = None;
    for (n, line) in lines.enumerate() {
        let indent = line.len() - line.trim_start().len();
        if block.is_some_and(|b| indent > b || line.trim().is_empty()) {
            continue;
        }
        block = opens_block(line).then_some(indent);
        if !words {
            out.extend(split_entry(path, n + 1, line));
        }
        out.extend(super::curly_quotes::wrapped(path, n + 1, line));
        out.extend(super::hash_comments::cut(path, n + 1, line));
    }
    out
}

/// How many lines a Markdown file's front matter takes, its `---` lines
/// included; 0 without one.
fn front_matter_lines(text: &str) -> usize {
    match frontmatter::split(text) {
        Ok(frontmatter::Split {
            front: Some(_),
            body_line,
            ..
        }) => body_line - 1,
        _ => 0,
    }
}

/// Whether `line` opens a block of text (`intro: |`, `- >-`).
fn opens_block(line: &str) -> bool {
    let end = line.split(" #").next().unwrap_or(line).trim_end();
    let mark = end.trim_end_matches(['-', '+', '1', '2', '3', '4', '5', '6', '7', '8', '9']);
    (mark.ends_with(" |") || mark.ends_with(" >") || mark == "|" || mark == ">")
        && (end.contains(": ") || end.trim_start().starts_with('-') || !end.contains(':'))
}

/// Words that join a clause or a phrase to what comes before, after a
/// comma: a piece that starts with one was part of the entry before.
const JOINING: &[&str] = &[
    // Polish
    "czym",
    "czego",
    "czemu",
    "co",
    "że",
    "żeby",
    "aby",
    "by",
    "który",
    "która",
    "które",
    "którego",
    "której",
    "którym",
    "których",
    "jak",
    "jaki",
    "jaka",
    "jakie",
    "gdy",
    "kiedy",
    "gdzie",
    "dlaczego",
    "bo",
    "ponieważ",
    "ale",
    "lecz",
    "a",
    "więc",
    "czy",
    "oraz",
    "ani",
    "jeśli",
    "jeżeli",
    "gdyby",
    "czyli",
    "zanim",
    "choć",
    "chociaż",
    "skoro",
    "dopóki",
    "zaś",
    "kto",
    "kogo",
    // English
    "and",
    "but",
    "or",
    "so",
    "which",
    "who",
    "whom",
    "whose",
    "that",
    "because",
    "while",
    "when",
    "where",
    "why",
    "how",
    "what",
    "then",
    "if",
    "unless",
    "whether",
    "although",
    "though",
    "until",
    "whereas",
    "nor",
    "including",
];

/// The warning for `line` (number `n`), when it holds `key: [ … ]` with an
/// entry cut off the one before.
fn split_entry(path: &Path, n: usize, line: &str) -> Option<Diagnostic> {
    let (key, rest) = line.split_once(": [")?;
    let key = key.trim_start().trim_start_matches("- ").trim();
    if key.is_empty() || key.starts_with('#') || !rest.trim_end().ends_with(']') {
        return None;
    }
    let open = line.len() - rest.len();
    let entries = entries(rest.trim_end().strip_suffix(']')?)?;
    // The entry's first word, whole: `if-then plans` starts with no `if`.
    let joins = |e: &str| {
        let word = e
            .split(|c: char| c.is_whitespace() || c == ',')
            .next()
            .unwrap_or("");
        JOINING.contains(&word)
    };
    // Entries written as sentences, with a capital (not a list of words
    // such as question-rules.yaml's `[what, how, who]`).
    let (first, _) = entries.first()?;
    if !first.chars().next().is_some_and(char::is_uppercase) {
        return None;
    }
    // An entry after one that ends a sentence (`Kto jeszcze?`) begins anew.
    let ended = |i: usize| entries[i - 1].0.ends_with(['?', '!', '.']);
    // A list of sentences (not `materials:`, a list of things): two entries
    // or more with a capital, one of them of three words or more. There,
    // two entries in small letters in a row are pieces of the one before
    // (`[Tell open, closed, probing and leading questions apart, Rewrite …]`),
    // where one alone may be a thing of its own (`[Printed cycle diagram,
    // markers, Name cards]`).
    let capital = |e: &&(&str, usize)| e.0.chars().next().is_some_and(char::is_uppercase);
    let capitals: Vec<_> = entries.iter().filter(capital).collect();
    let sentences = key != "materials"
        && capitals.len() >= 2
        && capitals
            .iter()
            .any(|(e, _)| e.split_whitespace().count() >= 3);
    let small = |i: usize| {
        entries
            .get(i)
            .is_some_and(|(e, _)| e.chars().next().is_some_and(char::is_lowercase))
    };
    let pieces = |i: usize| sentences && small(i) && small(i + 1) && !small(i - 1);
    let (i, (piece, at)) = entries
        .iter()
        .enumerate()
        .skip(1)
        .find(|(i, (e, _))| (joins(e) || pieces(*i)) && !ended(*i))?;
    let before = entries[i - 1].0;
    let column = line[..open + at].chars().count() + 1;
    Some(
        Diagnostic::warning(
            path,
            format!("entry {} of `{key}` (`{piece}`) reads as the end of the entry before: a comma inside `[…]` starts a new entry", i + 1),
        )
        .at(n, column)
        .hint(format!(
            "if it goes on from the entry before, put the two in quotes as one: \"{before}, {piece}\"; or write the list one entry a line, each after `- `"
        )),
    )
}

/// The unquoted entries of a one-line list's inside and where each starts
/// (bytes from the `[`'s next character); `None` for a list that holds
/// quotes, brackets or braces (entries that cannot be cut by mistake, or
/// a list this reading does not follow).
fn entries(inside: &str) -> Option<Vec<(&str, usize)>> {
    if inside.contains(['"', '\'', '[', ']', '{', '}', '#']) {
        return None;
    }
    let mut out = Vec::new();
    let mut start = 0;
    for piece in inside.split(',') {
        let trimmed = piece.trim_start();
        let at = start + (piece.len() - trimmed.len());
        out.push((trimmed.trim_end(), at));
        start += piece.len() + 1;
    }
    Some(out)
}

#[cfg(test)]
mod tests {
    use super::split_entry;
    use std::path::Path;

    fn warned(line: &str) -> Option<(usize, String)> {
        split_entry(Path::new("m.md"), 3, line).map(|d| (d.column, d.message))
    }

    #[test]
    fn a_piece_cut_off_by_a_comma_is_warned_about_at_its_place() {
        let (column, message) = warned("objectives: [Poznać się, Wyjaśnić, czym jest AL]").unwrap();
        assert_eq!(column, 36);
        assert!(
            message.contains("entry 3 of `objectives` (`czym jest AL`)"),
            "{message}"
        );
        assert!(warned("objectives: [Meet, Explain the method, and why it works]").is_some());
        assert!(warned("objectives: [Poznać się, Zrozumieć, że pytania pomagają]").is_some());
        assert!(warned(
            "objectives: [Nazwać obie zasady, Wyjaśnić coś, jeśli grupa tego potrzebuje]"
        )
        .is_some());
        for word in ["jeżeli", "gdyby", "czyli", "zanim"] {
            let line = format!("models: [Co zrobisz, {word} nic się nie zmieni?]");
            assert!(warned(&line).is_some(), "{word}");
        }
        assert!(warned("objectives: [Ask, unless the group is ready]").is_some());
        // In a list of sentences, a piece in small letters.
        let (column, message) = warned(
            "objectives: [Tell open, closed, probing and leading questions apart, Rewrite advice as a question]",
        )
        .unwrap();
        assert_eq!(column, 25);
        assert!(
            message.contains("entry 2 of `objectives` (`closed`)"),
            "{message}"
        );
        let pl = "objectives: [Odróżnić pytania otwarte, zamknięte, pogłębiające, Przepisać radę na pytanie]";
        assert!(warned(pl).is_some());
        // Things, one in small letters among them, are things.
        for line in [
            "materials: [Printed cycle diagram, markers, Name cards]",
            "needs: [Laptop with projector, iPad or tablet, Flip chart]",
            "materials: [Wydrukowany diagram cyklu, markery, karteczki, Flipchart z blokiem]",
        ] {
            assert_eq!(warned(line), None, "{line}");
        }
        // A word joined by hyphens, a noun that is also a joining word, an
        // alternative, an entry after a whole question: entries of their own.
        for line in [
            "materials: [SMART goals, if-then plans, habit tracking]",
            "materials: [Cele SMART, kto-co-kiedy, kamienie milowe]",
            "topics: [Rynek pracy, niż demograficzny, pokolenie Z]",
            "includes: [Sesja na żywo, omówienie, aż do 8 osób w grupie]",
            "materials: [Flipchart, markery, albo tablica suchościeralna]",
            "models: [Kto jeszcze mógłby pomóc?, czego potrzebujesz?]",
        ] {
            assert_eq!(warned(line), None, "{line}");
        }
    }

    #[test]
    fn only_the_front_matter_of_a_markdown_file_is_read() {
        use super::front_matter_lines;
        assert_eq!(
            front_matter_lines("---\ntitle: A\nobjectives: [A, b]\n---\nText: [A, and b]\n"),
            4
        );
        assert_eq!(front_matter_lines("Text: [A, and b]\n"), 0);
        assert_eq!(front_matter_lines("---\ntitle: A\n"), 0);
    }

    #[test]
    fn a_block_of_text_is_not_read_for_lists() {
        use super::opens_block;
        assert!(opens_block("intro: |"));
        assert!(opens_block("  - note: >-"));
        assert!(opens_block("body: |2 # a comment"));
        assert!(!opens_block("title: A | B"));
        assert!(!opens_block("objectives: [A, b]"));
        let text = "intro: |\n  Przykład: [Plan, a potem działanie]\n\n  Dalej.\nobjectives: [Cel, a potem drugi]\n";
        let found = super::in_lines(Path::new("x.yaml"), text.lines());
        assert_eq!(found.iter().map(|d| d.line).collect::<Vec<_>>(), [5]);
    }

    #[test]
    fn lists_of_things_ids_and_quoted_entries_are_left_alone() {
        assert_eq!(warned("materials: [Flip chart, markers, Name cards]"), None);
        assert_eq!(warned("tags: [AL, coaching]"), None);
        assert_eq!(warned("open_openers: [what, how, who]"), None);
        assert_eq!(warned("closed_openers: [czy, jeśli, albo]"), None);
        let rules = "languages:\n  en:\n    joiners: [And, so, but, well]\n";
        let found = super::in_lines(
            Path::new("content/practice/question-rules.yaml"),
            rules.lines(),
        );
        assert!(found.is_empty(), "{found:?}");
        assert_eq!(warned("also: [probing, closed]"), None);
        assert_eq!(
            warned("steps: [Opening, Problem presentation, Questions]"),
            None
        );
        assert_eq!(
            warned(r#"objectives: ["Poznać się", "Wyjaśnić, czym jest AL"]"#),
            None
        );
        assert_eq!(warned("languages: [pl, en]"), None);
        assert_eq!(warned("# objectives: [A, b]"), None);
    }
}
