//! Callouts as GitHub and Obsidian write them: a quote whose first line is
//! `[!NOTE]`, `[!tip] Before the session` or `[!warning]- Folded`, drawn as
//! `<aside class="callout callout-…" role="note">` with a visible title.
//! GitHub's five kinds are the five looks; Obsidian's other kinds take the
//! nearest look and a name of their own; a kind neither tool has is drawn as
//! a note titled with its own word, as Obsidian draws it. A fold sign makes
//! the text fold under its title (`-` closed, `+` open).

use pulldown_cmark::{Event, Tag, TagEnd};
use std::collections::HashMap;

/// Each kind's family (whose name the page shows), its look, and the other
/// words Obsidian reads as the same kind.
const KINDS: [(&str, Look, &[&str]); 15] = [
    ("note", Look::Note, &[]),
    ("tip", Look::Tip, &["hint"]),
    ("important", Look::Important, &[]),
    ("warning", Look::Warning, &["attention"]),
    ("caution", Look::Caution, &[]),
    ("info", Look::Note, &[]),
    ("todo", Look::Note, &[]),
    ("abstract", Look::Note, &["summary", "tldr"]),
    ("quote", Look::Note, &["cite"]),
    ("success", Look::Tip, &["check", "done"]),
    ("example", Look::Important, &[]),
    ("question", Look::Warning, &["help", "faq"]),
    ("failure", Look::Caution, &["fail", "missing"]),
    ("danger", Look::Caution, &["error"]),
    ("bug", Look::Caution, &[]),
];

/// The five looks, GitHub's kinds.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Look {
    Note,
    Tip,
    Important,
    Warning,
    Caution,
}

impl Look {
    fn class(self) -> &'static str {
        match self {
            Look::Note => "note",
            Look::Tip => "tip",
            Look::Important => "important",
            Look::Warning => "warning",
            Look::Caution => "caution",
        }
    }
}

/// Every kind's family, whose name is the UI string `callout.<family>`.
pub fn families() -> impl Iterator<Item = &'static str> {
    KINDS.iter().map(|k| k.0)
}

/// Every word a kind is written with, families and their other words.
pub fn known_words() -> impl Iterator<Item = &'static str> {
    KINDS
        .iter()
        .flat_map(|(family, _, other)| std::iter::once(*family).chain(other.iter().copied()))
}

/// The family and look of the kind written `word` (in any case), `None`
/// for a kind neither GitHub nor Obsidian has.
pub fn kind(word: &str) -> Option<(&'static str, Look)> {
    let lower = word.to_lowercase();
    KINDS
        .iter()
        .find(|(family, _, other)| *family == lower || other.contains(&lower.as_str()))
        .map(|(family, look, _)| (*family, *look))
}

/// The names of the kinds in the page's language, by family.
#[derive(Debug, Default, Clone)]
pub struct Names(HashMap<&'static str, String>);

impl Names {
    /// The names `name_of` gives each family (`callout.note` …).
    pub fn new(mut name_of: impl FnMut(&str) -> String) -> Names {
        Names(
            families()
                .map(|f| (f, name_of(&format!("callout.{f}"))))
                .collect(),
        )
    }
}

/// A callout's first line: `[!kind]`, a fold sign, a title.
#[derive(Debug, PartialEq, Eq)]
pub struct Marker<'a> {
    pub kind: &'a str,
    /// `Some(true)` for `+` (open), `Some(false)` for `-` (folded).
    pub fold: Option<bool>,
    /// Where the title starts in the text, past the marker and spaces.
    pub title_at: usize,
}

/// The marker `text` (a quote's first text) starts with, if any.
pub fn marker(text: &str) -> Option<Marker<'_>> {
    let inner = text.strip_prefix("[!")?;
    let end = inner
        .find(|c: char| !(c.is_alphanumeric() || c == '_' || c == '-'))
        .unwrap_or(inner.len());
    let kind = &inner[..end];
    let after = inner[end..].strip_prefix(']')?;
    if kind.is_empty() {
        return None;
    }
    let fold = match after.chars().next() {
        Some('+') => Some(true),
        Some('-') => Some(false),
        _ => None,
    };
    let signs = after.trim_start_matches(['-', '+']);
    let title = signs.trim_start();
    Some(Marker {
        kind,
        fold,
        title_at: text.len() - title.len(),
    })
}

/// `[!ĆWICZENIE]`'s title, `Ćwiczenie`: the word with a capital first letter.
fn own_word(kind: &str) -> String {
    let lower = kind.to_lowercase();
    let mut letters = lower.chars();
    let first: String = letters
        .next()
        .map(char::to_uppercase)
        .into_iter()
        .flatten()
        .collect();
    format!("{first}{}", letters.as_str())
}

/// `events` with each quote that starts with a marker drawn as a callout.
pub fn draw<'a>(events: Vec<Event<'a>>, names: &Names) -> Vec<Event<'a>> {
    if !events
        .iter()
        .any(|e| matches!(e, Event::Start(Tag::BlockQuote(_))))
    {
        return events;
    }
    let mut out = Vec::with_capacity(events.len());
    // For each quote open: whether it is a callout, and whether it folds.
    let mut open: Vec<Option<bool>> = Vec::new();
    let mut events = events.into_iter().peekable();
    while let Some(event) = events.next() {
        match event {
            Event::Start(Tag::BlockQuote(_))
                if matches!(events.peek(), Some(Event::Start(Tag::Paragraph))) =>
            {
                let mut first = vec![events.next().expect("peeked")];
                while let Some(Event::Text(_)) = events.peek() {
                    first.push(events.next().expect("peeked"));
                }
                let text = leading_text(&first);
                match marker(&text) {
                    Some(m) => {
                        let folds = m.fold.is_some();
                        open.push(Some(folds));
                        let title = text[m.title_at..].to_string();
                        let line_ends = matches!(
                            events.peek(),
                            Some(
                                Event::SoftBreak | Event::HardBreak | Event::End(TagEnd::Paragraph)
                            )
                        );
                        let untitled = line_ends && title.trim().is_empty();
                        let (start, kind) = opening(&m, untitled, names);
                        out.push(Event::Html(start.into()));
                        title_and_body(&mut out, &mut events, title, folds, &kind);
                    }
                    None => {
                        open.push(None);
                        out.push(event);
                        out.extend(first);
                    }
                }
            }
            Event::Start(Tag::BlockQuote(_)) => {
                open.push(None);
                out.push(event);
            }
            Event::End(TagEnd::BlockQuote(_)) => match open.pop().flatten() {
                Some(true) => out.push(Event::Html("</details>\n</aside>\n".into())),
                Some(false) => out.push(Event::Html("</aside>\n".into())),
                None => out.push(event),
            },
            event => out.push(event),
        }
    }
    out
}

/// The text a quote's first paragraph starts with: `first` is its start
/// and the text events after it (the parser may split `[!NOTE]` in three).
fn leading_text(first: &[Event]) -> String {
    first
        .iter()
        .filter_map(|e| match e {
            Event::Text(t) => Some(t.as_ref()),
            _ => None,
        })
        .collect()
}

/// The callout's start tags, up to its title's, and the kind's name: the
/// title to show when the author wrote none.
fn opening(m: &Marker, untitled: bool, names: &Names) -> (String, String) {
    let (family, look) = kind(m.kind).unwrap_or(("", Look::Note));
    let name = names
        .0
        .get(family)
        .cloned()
        .unwrap_or_else(|| own_word(m.kind));
    let mut html = format!(
        "<aside class=\"callout callout-{}\" role=\"note\">\n",
        look.class()
    );
    match m.fold {
        Some(true) => html.push_str("<details open>\n"),
        Some(false) => html.push_str("<details>\n"),
        None => {}
    }
    (html, if untitled { name } else { String::new() })
}

/// The title (the rest of the first line, or the kind's name `kind` when
/// that is empty: known from the rest of the page, it is left out of
/// search snippets) and what follows it in the quote's first paragraph.
fn title_and_body<'a>(
    out: &mut Vec<Event<'a>>,
    events: &mut std::iter::Peekable<std::vec::IntoIter<Event<'a>>>,
    title: String,
    folds: bool,
    kind: &str,
) {
    let tag = if folds { "summary" } else { "p" };
    let no_search = if kind.is_empty() {
        ""
    } else {
        " data-no-search"
    };
    out.push(Event::Html(
        format!("<{tag} class=\"callout-title\"{no_search}>").into(),
    ));
    if kind.is_empty() {
        if !title.trim().is_empty() {
            out.push(Event::Text(title.into()));
        }
    } else {
        out.push(Event::Text(kind.to_string().into()));
    }
    // The rest of the first line is the title too (`**bold**`, `code`);
    // bold or a link that goes on past the line's end takes the title on
    // with it, so every tag opened in the title closes there.
    let (mut body, mut inside) = (false, 0usize);
    for event in events.by_ref() {
        match event {
            Event::SoftBreak | Event::HardBreak if inside > 0 => {
                out.push(Event::Text(" ".into()));
            }
            Event::SoftBreak | Event::HardBreak => {
                body = true;
                break;
            }
            Event::End(TagEnd::Paragraph) => break,
            event => {
                match &event {
                    Event::Start(_) => inside += 1,
                    Event::End(_) => inside = inside.saturating_sub(1),
                    _ => {}
                }
                if kind.is_empty() {
                    out.push(event);
                }
            }
        }
    }
    out.push(Event::Html(format!("</{tag}>\n").into()));
    if body {
        out.push(Event::Start(Tag::Paragraph));
    }
}

#[cfg(test)]
mod tests;
