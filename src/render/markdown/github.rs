//! Two things GitHub's Markdown does that trainers' notes rely on: a web
//! address written out in the text (`https://wial.org/join`) is a link, and
//! a list item starting `[ ]` or `[x]` is a task, shown with an empty or a
//! ticked box (☐, ☑) instead of its brackets.

use pulldown_cmark::{CowStr, Event, LinkType, Tag, TagEnd};

/// The box shown for a task, done or not: text (never a form control, which
/// a screen reader would offer to tick), kept from turning into an emoji.
fn task_box(done: bool) -> &'static str {
    match done {
        true => "\u{2611}\u{fe0e} ",
        false => "\u{2610}\u{fe0e} ",
    }
}

/// `events` with each web address written out in the text made a link
/// (not inside a link, code or raw HTML's `<a>`), and each task's marker a
/// box.
pub fn links_and_tasks(events: Vec<Event<'_>>) -> Vec<Event<'_>> {
    let mut out = Vec::with_capacity(events.len());
    let mut in_link = 0usize;
    let mut in_raw_link = false;
    let mut text = String::new();
    for event in events {
        if let Event::Text(t) = &event {
            if in_link == 0 && !in_raw_link {
                text.push_str(t);
                continue;
            }
        }
        flush(&mut text, &mut out);
        match &event {
            Event::Start(Tag::Link { .. }) => in_link += 1,
            Event::End(TagEnd::Link) => in_link = in_link.saturating_sub(1),
            Event::InlineHtml(h) => {
                let tag = h.trim_start().to_ascii_lowercase();
                if tag.starts_with("<a ") || tag.starts_with("<a>") {
                    in_raw_link = true;
                } else if tag.starts_with("</a") {
                    in_raw_link = false;
                }
            }
            Event::TaskListMarker(done) => {
                out.push(Event::Text(CowStr::Borrowed(task_box(*done))));
                continue;
            }
            _ => {}
        }
        out.push(event);
    }
    flush(&mut text, &mut out);
    out
}

/// `text` (plain text, several events of it joined) into `out`, each web
/// address in it a link.
fn flush<'a>(text: &mut String, out: &mut Vec<Event<'a>>) {
    if text.is_empty() {
        return;
    }
    let whole = std::mem::take(text);
    let mut rest = whole.as_str();
    while let Some((start, end)) = next_address(rest) {
        if start > 0 {
            out.push(Event::Text(CowStr::from(rest[..start].to_string())));
        }
        let url = rest[start..end].to_string();
        out.push(Event::Start(Tag::Link {
            link_type: LinkType::Autolink,
            dest_url: CowStr::from(url.clone()),
            title: CowStr::Borrowed(""),
            id: CowStr::Borrowed(""),
        }));
        out.push(Event::Text(CowStr::from(url)));
        out.push(Event::End(TagEnd::Link));
        rest = &rest[end..];
    }
    if !rest.is_empty() {
        out.push(Event::Text(CowStr::from(rest.to_string())));
    }
}

/// Where the next web address in `text` starts and ends: `https://` or
/// `http://` at the start of a word, up to a space or `<`, without the
/// signs that end a sentence after it (`.`, `,`, `:`, `!`, `?`, `;`, quotes)
/// or a `)` it did not open, as GitHub reads it.
fn next_address(text: &str) -> Option<(usize, usize)> {
    let mut from = 0;
    loop {
        let at = from + text[from..].find("http")?;
        from = at + 4;
        let rest = &text[at..];
        let scheme = ["https://", "http://"]
            .iter()
            .find(|s| rest.len() > s.len() && rest[..s.len()].eq_ignore_ascii_case(s));
        let word_start = text[..at]
            .chars()
            .next_back()
            .is_none_or(|c| c.is_whitespace() || "([{\"'*_“„‘".contains(c));
        let (Some(scheme), true) = (scheme, word_start) else {
            continue;
        };
        let len = rest
            .find(|c: char| c.is_whitespace() || c == '<')
            .unwrap_or(rest.len());
        let mut url = &rest[..len];
        loop {
            let trimmed = url.trim_end_matches([
                '.', ',', ':', ';', '!', '?', '"', '\'', '*', '_', '~', '”', '’',
            ]);
            let unopened = trimmed.ends_with(')')
                && trimmed.matches(')').count() > trimmed.matches('(').count();
            let trimmed = if unopened {
                &trimmed[..trimmed.len() - 1]
            } else {
                trimmed
            };
            if trimmed.len() == url.len() {
                break;
            }
            url = trimmed;
        }
        if url.len() > scheme.len() && url[scheme.len()..].contains(|c: char| c.is_alphanumeric()) {
            return Some((at, at + url.len()));
        }
    }
}
