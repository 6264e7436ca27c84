//! A package is for learners: the facilitator guides (each workshop's
//! schedule with the trainer's notes) stay out of it, and the pages lose
//! their links to them. The built site keeps its guides.

use super::links;
use crate::render::Output;
use std::collections::HashSet;

/// Whether `o` is a workshop's facilitator guide, in any language.
pub fn is_guide(o: &Output) -> bool {
    o.template == Some("facilitator.html")
}

/// `page` (the HTML of the page at `path`) without links to `guides`: a
/// button that leads to one (the agenda's "Facilitator guide") goes, a link
/// in the trainer's own text keeps its words.
pub fn unlink(path: &str, page: &str, guides: &HashSet<String>) -> String {
    if guides.is_empty() || !page.contains("facilitator") {
        return page.to_string();
    }
    let mut out = String::with_capacity(page.len());
    let mut rest = page;
    while let Some(at) = links::next_anchor(rest) {
        let Some(tag_len) = links::tag_length(&rest[at..]) else {
            break;
        };
        let (before, tag, after) = (&rest[..at], &rest[at..at + tag_len], &rest[at + tag_len..]);
        out.push_str(before);
        let attrs = links::attributes(tag);
        match links::find_ascii_ci(after, "</a>") {
            Some(close) if leads_to(path, &attrs, guides) => {
                if !is_button(&attrs) {
                    out.push_str(&after[..close]);
                }
                rest = &after[close + "</a>".len()..];
            }
            _ => {
                out.push_str(tag);
                rest = after;
            }
        }
    }
    out.push_str(rest);
    out
}

fn leads_to(path: &str, attrs: &[(String, String)], guides: &HashSet<String>) -> bool {
    let Some((_, href)) = attrs.iter().find(|(n, _)| n == "href") else {
        return false;
    };
    let href = href.trim().replace("&amp;", "&");
    crate::render::url::resolve(path, &href).is_some_and(|(target, _)| guides.contains(&target))
}

fn is_button(attrs: &[(String, String)]) -> bool {
    attrs
        .iter()
        .any(|(n, v)| n == "class" && v.split_whitespace().any(|c| c == "button"))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn guides() -> HashSet<String> {
        HashSet::from(["workshops/w/facilitator.html".to_string()])
    }

    #[test]
    fn a_button_to_a_guide_goes_and_a_link_in_text_keeps_its_words() {
        let agenda = "<p><a class=\"button button-quiet\" href=\"facilitator.html\">Guide</a> <a class=\"button\" href=\"handout.html\">Handout</a></p>";
        assert_eq!(
            unlink("workshops/w/index.html", agenda, &guides()),
            "<p> <a class=\"button\" href=\"handout.html\">Handout</a></p>"
        );
        let text =
            "<p>Read <A HREF='workshops/w/facilitator.html#m'><em>the guide</em></A> first.</p>";
        assert_eq!(
            unlink("about.html", text, &guides()),
            "<p>Read <em>the guide</em> first.</p>"
        );
    }

    #[test]
    fn other_links_stay() {
        for page in [
            "<a href=\"facilitator.html\">A guide of the same name elsewhere</a>",
            "<a href=\"https://x.example/workshops/w/facilitator.html\">Outside</a>",
            "<a href=\"../w/handout.html\">facilitator</a>",
        ] {
            assert_eq!(unlink("workshops/v/index.html", page, &guides()), page);
        }
    }
}
