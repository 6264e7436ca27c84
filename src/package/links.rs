//! In a package the site runs in a frame of the learning platform's page: a
//! link to another website would replace the course in that frame and cut
//! its connection to the platform. Every link that leaves the site (an
//! absolute `http(s)://` or `//` address) is made to open in a new tab, with
//! `rel="noopener"`, an arrow, and words for screen readers saying so. Pages
//! are changed as they go into the zip; the built site is not.

use serde_json::Value;

/// `page` (a whole HTML page) with its outside links opening a new tab, `note`
/// (e.g. "(opens in a new tab)") read out after each. Trainer-written HTML
/// inside the page's JSON data (feedback a script shows later) is changed
/// the same way; other scripts are left alone.
pub fn mark_page(page: &str, note: &str) -> String {
    let mut out = String::with_capacity(page.len() + 256);
    let mut rest = page;
    while let Some(start) = find_ascii_ci(rest, "<script") {
        let end = find_ascii_ci(&rest[start..], "</script>").map_or(rest.len(), |e| start + e);
        out.push_str(&mark_links(&rest[..start], note));
        out.push_str(&mark_script(&rest[start..end], note));
        rest = &rest[end..];
    }
    out.push_str(&mark_links(rest, note));
    out
}

/// A `<script …>` element up to its closing tag: JSON data has its strings
/// changed, anything else is returned as it was.
fn mark_script(script: &str, note: &str) -> String {
    let Some(open_end) = script.find('>') else {
        return script.to_string();
    };
    let (open, body) = script.split_at(open_end + 1);
    // A link in JSON data is written `\u003ca` (render::practice::script_json).
    if !open.contains("application/json") || !(body.contains("\\u003ca") || body.contains("<a")) {
        return script.to_string();
    }
    match serde_json::from_str::<Value>(body) {
        Ok(mut data) => {
            mark_strings(&mut data, note);
            format!("{open}{}", crate::render::practice::script_json(&data))
        }
        Err(_) => script.to_string(),
    }
}

fn mark_strings(value: &mut Value, note: &str) {
    match value {
        Value::String(s) if s.contains("<a") => *s = mark_links(s, note),
        Value::Array(items) => items.iter_mut().for_each(|v| mark_strings(v, note)),
        Value::Object(map) => map.values_mut().for_each(|v| mark_strings(v, note)),
        _ => {}
    }
}

/// HTML with each `<a>` whose `href` leaves the site (and that names no
/// `target` of its own) opening in a new tab.
pub fn mark_links(html: &str, note: &str) -> String {
    let mut out = String::with_capacity(html.len());
    let mut rest = html;
    while let Some(at) = next_anchor(rest) {
        let Some(tag_len) = tag_length(&rest[at..]) else {
            break;
        };
        let (before, tag, after) = (&rest[..at], &rest[at..at + tag_len], &rest[at + tag_len..]);
        out.push_str(before);
        let close = find_ascii_ci(after, "</a>");
        match (close, attributes(tag)) {
            (Some(close), attrs) if leaves_site(&attrs) => {
                out.push_str(&new_tab_tag(tag, &attrs));
                out.push_str(&after[..close]);
                out.push_str(&announce(note));
                rest = &after[close..];
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

/// What follows the link's text: an arrow for the eye, the note for the ear.
fn announce(note: &str) -> String {
    format!(
        "<span class=\"outside-mark\" aria-hidden=\"true\"> ↗</span><span class=\"visually-hidden\"> {}</span>",
        escape(note)
    )
}

/// The opening tag with `target="_blank"` and `noopener` in its `rel`.
fn new_tab_tag(tag: &str, attrs: &[(String, String)]) -> String {
    let body = tag.trim_end_matches('>').trim_end_matches('/').trim_end();
    let rel = attrs
        .iter()
        .find(|(n, _)| n == "rel")
        .map(|(_, v)| v.as_str());
    match rel {
        None => format!("{body} target=\"_blank\" rel=\"noopener\">"),
        // An author's rel="…" is kept in the tag; noopener is added beside it.
        Some(v)
            if v.split_whitespace()
                .any(|w| w.eq_ignore_ascii_case("noopener")) =>
        {
            format!("{body} target=\"_blank\">")
        }
        Some(_) => format!("{} target=\"_blank\">", add_noopener(body)),
    }
}

/// `rel="x"` → `rel="noopener x"`, whichever quotes (or none) the author used.
fn add_noopener(tag: &str) -> String {
    let lower = tag.to_ascii_lowercase();
    let Some(at) = lower.find(" rel=").map(|i| i + 5) else {
        return tag.to_string();
    };
    let (head, value) = tag.split_at(at);
    match value.chars().next() {
        Some(q @ ('"' | '\'')) => format!("{head}{q}noopener {}", &value[1..]),
        _ => {
            let end = value.find(char::is_whitespace).unwrap_or(value.len());
            format!("{head}\"noopener {}\"{}", &value[..end], &value[end..])
        }
    }
}

fn leaves_site(attrs: &[(String, String)]) -> bool {
    let has_target = attrs.iter().any(|(n, _)| n == "target");
    let href = attrs
        .iter()
        .find(|(n, _)| n == "href")
        .map(|(_, v)| v.trim());
    !has_target
        && href.is_some_and(|h| {
            let h = h.to_ascii_lowercase();
            h.starts_with("http://") || h.starts_with("https://") || h.starts_with("//")
        })
}

/// Where the next `<a` opening tag starts (`<a` then a space, or `<a>`).
pub(super) fn next_anchor(html: &str) -> Option<usize> {
    let bytes = html.as_bytes();
    let mut from = 0;
    while let Some(i) = memchr::memchr(b'<', &bytes[from..]).map(|i| from + i) {
        let a = bytes
            .get(i + 1)
            .is_some_and(|b| b.eq_ignore_ascii_case(&b'a'));
        if a && bytes
            .get(i + 2)
            .is_some_and(|b| b.is_ascii_whitespace() || *b == b'>')
        {
            return Some(i);
        }
        from = i + 1;
    }
    None
}

/// The length of the tag starting at `html[0]`, up to its `>` (quoted `>`s skipped).
pub(super) fn tag_length(html: &str) -> Option<usize> {
    crate::html::tag_end(html.as_bytes().get(1..)?).map(|end| end + 2)
}

/// The attributes of an opening tag: lower-case names, values unquoted
/// (entities left as they are).
pub(super) fn attributes(tag: &str) -> Vec<(String, String)> {
    let inner = tag.trim_start_matches('<').trim_end_matches('>');
    let name_end = inner
        .find(|c: char| c.is_ascii_whitespace() || c == '/')
        .unwrap_or(inner.len());
    crate::html::attributes(&inner[name_end..])
        .map(|(name, value)| (name.to_ascii_lowercase(), value.to_string()))
        .collect()
}

pub(super) fn find_ascii_ci(hay: &str, needle: &str) -> Option<usize> {
    hay.as_bytes()
        .windows(needle.len())
        .position(|w| w.eq_ignore_ascii_case(needle.as_bytes()))
}

fn escape(text: &str) -> String {
    text.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
}

#[cfg(test)]
mod tests {
    use super::*;

    const NOTE: &str = "(opens in a new tab)";
    const MARK: &str = "<span class=\"outside-mark\" aria-hidden=\"true\"> ↗</span><span class=\"visually-hidden\"> (opens in a new tab)</span>";

    #[test]
    fn outside_links_open_a_new_tab_and_say_so() {
        assert_eq!(
            mark_links("<p><a href=\"https://x.example\">X</a></p>", NOTE),
            format!("<p><a href=\"https://x.example\" target=\"_blank\" rel=\"noopener\">X{MARK}</a></p>")
        );
        assert_eq!(
            mark_links("<A HREF='//x.example/a>b' class=c>X</A>", NOTE),
            format!(
                "<A HREF='//x.example/a>b' class=c target=\"_blank\" rel=\"noopener\">X{MARK}</A>"
            )
        );
        assert_eq!(
            mark_links("<a rel='nofollow' href=\"http://x\">X</a>", NOTE),
            format!("<a rel='noopener nofollow' href=\"http://x\" target=\"_blank\">X{MARK}</a>")
        );
        assert_eq!(
            mark_links("<a href=\"http://x\" rel=me>X</a>", NOTE),
            format!("<a href=\"http://x\" rel=\"noopener me\" target=\"_blank\">X{MARK}</a>")
        );
    }

    #[test]
    fn links_inside_the_site_and_chosen_targets_stay() {
        for html in [
            "<a href=\"about.html\">A</a>",
            "<a href=\"../index.html#x\">A</a>",
            "<a href=\"mailto:a@b.example\">A</a>",
            "<a href=\"#top\">A</a>",
            "<a href=\"https://x\" target=\"_self\">A</a>",
            "<abbr title=\"https://x\">A</abbr>",
            "<a href=\"https://x\">never closed",
            "<a href=\"https://x\"",
        ] {
            assert_eq!(mark_links(html, NOTE), html);
        }
    }

    #[test]
    fn json_data_is_changed_and_other_scripts_are_not() {
        let page = "<a href=\"https://a\">A</a><script>var s = '<a href=\"https://b\">B</a>';</script>\
            <script type=\"application/json\" id=\"d\">{\"explain\":\"\\u003ca href=\\\"https://c\\\">C\\u003c/a>\"}</script>";
        let out = mark_page(page, NOTE);
        assert!(
            out.starts_with(&format!(
                "<a href=\"https://a\" target=\"_blank\" rel=\"noopener\">A{MARK}</a>"
            )),
            "{out}"
        );
        assert!(
            out.contains("var s = '<a href=\"https://b\">B</a>';"),
            "{out}"
        );
        let json = &out[out.find("id=\"d\">").unwrap() + 7..out.rfind("</script>").unwrap()];
        let data: Value = serde_json::from_str(json).unwrap();
        assert!(
            data["explain"]
                .as_str()
                .unwrap()
                .starts_with("<a href=\"https://c\" target=\"_blank\" rel=\"noopener\">C"),
            "{json}"
        );
        assert!(
            !json.contains("</"),
            "the JSON still cannot close its script: {json}"
        );
    }
}
