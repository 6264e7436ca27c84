//! A link whose words are its own address (`<https://wial.org/>`,
//! `[wial.org](https://wial.org)`) is marked `class="address"`, so the
//! printed page (`static/print.css`), which follows an outside link with
//! where it goes, does not print the same address twice.

use pulldown_cmark::{CowStr, Event, Tag, TagEnd};

/// `events` with the start of each link that shows its own address written
/// out as HTML with the class (the renderer's own escaping of the address).
pub fn mark<'a>(mut events: Vec<Event<'a>>) -> Vec<Event<'a>> {
    let mut i = 0;
    while i < events.len() {
        if let Event::Start(Tag::Link { dest_url, .. }) = &events[i] {
            let end = events[i..]
                .iter()
                .position(|e| matches!(e, Event::End(TagEnd::Link)))
                .map_or(events.len(), |n| i + n);
            let words: String = events[i + 1..end]
                .iter()
                .filter_map(|e| match e {
                    Event::Text(t) | Event::Code(t) => Some(t.as_ref()),
                    _ => None,
                })
                .collect();
            if same_address(&words, dest_url) {
                let mut start = String::new();
                pulldown_cmark::html::push_html(&mut start, std::iter::once(events[i].clone()));
                let start = start.replacen("<a ", "<a class=\"address\" ", 1);
                events[i] = Event::InlineHtml(CowStr::from(start));
                if end < events.len() {
                    events[end] = Event::InlineHtml(CowStr::Borrowed("</a>"));
                }
            }
            i = end;
        }
        i += 1;
    }
    events
}

/// Whether a link's words name its address: the same once the scheme, a
/// leading `www.`, a trailing `/` and letter case are set aside.
fn same_address(words: &str, url: &str) -> bool {
    fn bare(s: &str) -> String {
        let s = s.trim().to_lowercase();
        let s = s
            .strip_prefix("https://")
            .or_else(|| s.strip_prefix("http://"))
            .unwrap_or(&s);
        let s = s.strip_prefix("www.").unwrap_or(s);
        s.trim_end_matches('/').to_string()
    }
    let url = bare(url);
    !url.is_empty() && bare(words) == url
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn words_that_are_the_address() {
        assert!(same_address(
            "https://wial.org/resources/",
            "https://wial.org/resources/"
        ));
        assert!(same_address("wial.org", "https://wial.org"));
        assert!(same_address("www.WIAL.org", "https://wial.org/"));
        assert!(!same_address("the WIAL guide", "https://wial.org/guide"));
        assert!(!same_address("wial.org", "https://wial.org/guide"));
        assert!(!same_address("", ""));
    }
}
