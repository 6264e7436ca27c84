//! What an entry of a list looks like where each entry is a mapping, for
//! the hint when one is written as a bare text: `options: [Yes, No]` in a
//! practice item, `- Tom` under `roles:`, `- welcome` under a day's
//! `items:`. "Expected a mapping" alone does not say which fields. And a
//! text where a list belongs, with the line written as that list.

/// An example entry of the list that the error's place (`in `days` (item
/// 1) → `items` (item 1): …`) ends in, for a list of mappings.
pub fn example_entry(message: &str) -> Option<&'static str> {
    let place = message.split(": ").next()?;
    let last = place.rsplit(" → ").next()?;
    let name = last.trim_start_matches("in ").strip_prefix('`')?;
    let (name, rest) = name.split_once('`')?;
    rest.starts_with(" (item ").then_some(())?;
    entry_of(name, place.contains("`days`"))
}

/// An example entry of the list `name`, when its entries are mappings;
/// `in_days`: the list is under `days:` (a workshop's day's `items:`).
pub fn entry_of(name: &str, in_days: bool) -> Option<&'static str> {
    Some(match name {
        "items" if in_days => "- module: welcome` or `- { break: Coffee, minutes: 15 }",
        "items" => "- { type: choose, prompt: …, options: … }",
        "options" => "- { text: \"At any time\", correct: true, feedback: \"Ground rule 2.\" }",
        "roles" => "- { id: tom, name: Tom, role: member, skill: listening }",
        "stages" => "- { title: Opening, kind: opening, turns: … }",
        "turns" => "- { by: sam, ask: \"What have you tried?\" }",
        "activities" => "- { title: Round of names, minutes: 15, kind: discussion }",
        "days" => "- { start: \"09:00\", items: … }",
        "rules" => "- { id: …, title: …, text: …, why: … }",
        "components" => "- { id: problem, name: A problem, summary: …, body: … }",
        "good" | "bad" => "- { said: \"What have you tried?\", note: An open question. }",
        "types" => "- { id: open, name: Open question, description: … }",
        "nav" => "- { title: About, link: about.html }",
        "buttons" => "- { label: See the agenda, link: workshops/foundations/index.html }",
        "offers" => "- { title: A demo session, action: … }",
        "fonts" => "- { family: Source Sans 3, file: fonts/source-sans-3.woff2 }",
        _ => return None,
    })
}

/// `languages: en, pl` or `objectives: Name the rules`: a text where a list
/// belongs, with the line written as a list, `languages: [en, pl]`.
pub fn text_for_a_list(place: Option<&str>, found: &str) -> String {
    let key = place.and_then(|p| p.rsplit('.').next()).unwrap_or("");
    // A list whose entries are mappings: brackets around the text would
    // only lead to the next error.
    let in_days = place.is_some_and(|p| p.contains("days"));
    if let Some(entry) = entry_of(key, in_days) {
        return format!("; its entries are mappings, one a line below `{key}:`, such as `{entry}`");
    }
    let text = found
        .strip_prefix("string \"")
        .and_then(|f| f.strip_suffix('"'))
        .filter(|t| !key.is_empty() && !key.contains('[') && !t.contains(['\n', '[', '"', '\\']));
    // What brackets alone would read as something else: a mapping after
    // `: `, a comment after ` #`, a bracket or brace, an indicator first.
    let special = |t: &str| {
        t.contains(": ")
            || t.ends_with(':')
            || t.contains(" #")
            || t.contains(['{', '}', ']'])
            || t.trim_start()
                .starts_with(['&', '*', '!', '|', '>', '%', '@', '`', '#', '?', '-', '\''])
    };
    match text {
        Some(t) if special(t) => format!("; for one entry write it in brackets and quotes, `{key}: [\"{t}\"]`"),
        // Words (`en, pl`) are a list; a phrase with a comma may be one entry.
        Some(t) if t.split(',').all(|w| !w.trim().contains(' ')) => {
            format!("; write it in brackets, `{key}: [{t}]`")
        }
        Some(t) if t.contains(',') => format!("; in brackets a comma separates the entries, `{key}: [{t}]`, and one entry with a comma of its own is quoted, `{key}: [\"{t}\"]`"),
        Some(t) => format!("; for one entry write it in brackets, `{key}: [{t}]`"),
        None => String::new(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_list_a_text_stands_in_is_told_its_entries_shape() {
        let day = "in `days` (item 1) → `items` (item 1): wrong kind of value: found the text \"welcome\"";
        assert!(example_entry(day)
            .unwrap()
            .starts_with("- module: welcome` or `- { break:"));
        let role = "in `roles` (item 4): wrong kind of value: found the text \"Tom\"";
        assert!(example_entry(role).unwrap().contains("role: member"));
        let option =
            "in `items` (item 5) → `options` (item 1): wrong kind of value: found the text \"Yes\"";
        assert!(example_entry(option).unwrap().starts_with("- { text:"));
        assert_eq!(example_entry("in `title`: wrong kind of value"), None);
        assert_eq!(
            example_entry("in `steps` (item 1): wrong kind of value"),
            None
        );
    }
}
