//! A link whose words are its own address (`<https://wial.org/>`,
//! `[wial.org](https://wial.org)`) is marked `class="address"`, so the
//! printed page (`static/print.css`), which follows an outside link with
//! where it goes, does not print the same address twice. A link to write
//! or call (`[Write to us](mailto:…)`) whose words are not the address gets
//! it in `data-address`, without the scheme, for paper to print after them.

use crate::render::escape_html;
use pulldown_cmark::{CowStr, Event, Tag, TagEnd};

/// `events` with the start of each link that shows its own address written
/// out as HTML with the class (the renderer's own escaping of the address).
pub fn mark<'a>(mut events: Vec<Event<'a>>) -> Vec<Event<'a>> {
    let mut i = 0;
    while i < events.len() {
        if let Event::Start(Tag::Link { dest_url, .. }) = &events[i] {
            if !followed_on_paper(dest_url) {
                i += 1;
                continue;
            }
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
            let attribute = if same_address(&words, dest_url) {
                Some("class=\"address\"".to_string())
            } else {
                contact(dest_url).map(|a| format!("data-address=\"{}\"", escape_html(a)))
            };
            if let Some(attribute) = attribute {
                let mut start = String::new();
                pulldown_cmark::html::push_html(&mut start, std::iter::once(events[i].clone()));
                let start = start.replacen("<a ", &format!("<a {attribute} "), 1);
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
/// leading `www.`, a trailing `/` and letter case are set aside (for a
/// phone number, all but its digits and `+`).
fn same_address(words: &str, url: &str) -> bool {
    fn bare(s: &str, phone: bool) -> String {
        let s = s.trim().to_lowercase();
        if phone {
            let s = s.strip_prefix("tel:").unwrap_or(&s);
            return s
                .chars()
                .filter(|c| c.is_ascii_digit() || *c == '+')
                .collect();
        }
        let s = ["https://", "http://", "mailto:"]
            .iter()
            .find_map(|scheme| s.strip_prefix(scheme))
            .unwrap_or(&s);
        let s = s.strip_prefix("www.").unwrap_or(s);
        s.trim_end_matches('/').to_string()
    }
    let phone = has_scheme(url, "tel:");
    let url = bare(url, phone);
    !url.is_empty() && bare(words, phone) == url
}

/// The address of a link to write or call (`mailto:`, `tel:`), without the
/// scheme and any `?subject=…`.
fn contact(url: &str) -> Option<&str> {
    ["mailto:", "tel:"]
        .iter()
        .find(|scheme| has_scheme(url, scheme))
        .map(|scheme| url[scheme.len()..].split('?').next().unwrap_or(""))
        .filter(|a| !a.is_empty())
}

/// Whether paper prints where a link goes: one out of the site, to write
/// or to call (a link within the site is left as it is).
fn followed_on_paper(url: &str) -> bool {
    ["https://", "http://", "mailto:", "tel:"]
        .iter()
        .any(|scheme| has_scheme(url, scheme))
}

fn has_scheme(url: &str, scheme: &str) -> bool {
    url.get(..scheme.len())
        .is_some_and(|s| s.eq_ignore_ascii_case(scheme))
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
        assert!(same_address("hello@x.org", "mailto:hello@x.org"));
        assert!(same_address("+44 20 7946 0000", "tel:+442079460000"));
        assert!(!same_address("call us", "tel:+442079460000"));
    }

    #[test]
    fn the_address_to_write_or_call() {
        assert_eq!(
            contact("mailto:hello@x.org?subject=Hi"),
            Some("hello@x.org")
        );
        assert_eq!(contact("TEL:+442079460000"), Some("+442079460000"));
        assert_eq!(contact("https://x.org"), None);
        assert_eq!(contact("mailto:"), None);
    }

    #[test]
    fn links_marked_for_paper() {
        let html = |md: &str| {
            let events = mark(pulldown_cmark::Parser::new(md).collect());
            let mut out = String::new();
            pulldown_cmark::html::push_html(&mut out, events.into_iter());
            out
        };
        assert_eq!(
            html("<https://x.org/a?b=1&c=2>"),
            "<p><a class=\"address\" href=\"https://x.org/a?b=1&amp;c=2\">https://x.org/a?b=1&amp;c=2</a></p>\n"
        );
        assert_eq!(
            html("[Write to us](mailto:a\"b@x.org)"),
            "<p><a data-address=\"a&quot;b@x.org\" href=\"mailto:a%22b@x.org\">Write to us</a></p>\n"
        );
        assert_eq!(
            html("[guide](https://x.org/g)"),
            "<p><a href=\"https://x.org/g\">guide</a></p>\n"
        );
    }
}
