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
    // Most pages have neither: they pass as they are.
    let any = |e: &Event| match e {
        Event::Text(t) => has_address(t),
        Event::TaskListMarker(_) => true,
        _ => false,
    };
    if !events.iter().any(any) {
        return events;
    }
    let mut out = Vec::with_capacity(events.len());
    // Inside a link, a code block or raw HTML's `<a>`, `<code>`, `<pre>`
    // or `<kbd>`, an address stays text.
    let mut in_link = 0usize;
    let mut in_code_block = false;
    let mut in_raw = 0usize;
    let mut run = Vec::new();
    for event in events {
        if let Event::Text(t) = event {
            if in_link == 0 && !in_code_block && in_raw == 0 {
                run.push(t);
            } else {
                out.push(Event::Text(t));
            }
            continue;
        }
        flush(&mut run, &mut out);
        match &event {
            Event::Start(Tag::Link { .. }) => in_link += 1,
            Event::End(TagEnd::Link) => in_link = in_link.saturating_sub(1),
            Event::Start(Tag::CodeBlock(_)) => in_code_block = true,
            Event::End(TagEnd::CodeBlock) => in_code_block = false,
            Event::InlineHtml(h) | Event::Html(h) => match raw_tag(h) {
                Some(true) => in_raw += 1,
                Some(false) => in_raw = in_raw.saturating_sub(1),
                None => {}
            },
            Event::TaskListMarker(done) => {
                out.push(Event::Text(CowStr::Borrowed(task_box(*done))));
                continue;
            }
            _ => {}
        }
        out.push(event);
    }
    flush(&mut run, &mut out);
    out
}

/// Whether raw HTML `h` opens (`true`) or closes (`false`) an `<a>`,
/// `<code>`, `<pre>` or `<kbd>`, whose text is not read for addresses.
fn raw_tag(h: &str) -> Option<bool> {
    let tag = h.trim_start().to_ascii_lowercase();
    let (name, opens) = match tag.strip_prefix("</") {
        Some(name) => (name, false),
        None => (tag.strip_prefix('<')?, true),
    };
    let named = ["a", "code", "pre", "kbd"].iter().any(|t| {
        name.strip_prefix(t)
            .is_some_and(|rest| rest.starts_with([' ', '>', '\n', '\t', '/']))
    });
    named.then_some(opens)
}

/// A run of plain text events into `out`, each web address in it a link.
/// The parser may split text where an address goes on (at `_` or `*`), so
/// a run with an address is read joined; a run without (nearly every one)
/// goes on as it came.
fn flush<'a>(run: &mut Vec<CowStr<'a>>, out: &mut Vec<Event<'a>>) {
    if !run.iter().any(|t| has_address(t)) {
        out.extend(run.drain(..).map(Event::Text));
        return;
    }
    let whole: String = run.drain(..).map(|t| t.into_string()).collect();
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

/// Whether `text` may hold a web address: it has `http`.
fn has_address(text: &str) -> bool {
    static HTTP: std::sync::LazyLock<memchr::memmem::Finder<'static>> =
        std::sync::LazyLock::new(|| memchr::memmem::Finder::new("http"));
    HTTP.find(text.as_bytes()).is_some()
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
