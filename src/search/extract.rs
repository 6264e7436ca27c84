//! What a reader sees on a built page, cut into sections a result can link
//! to. Reads the page's `<main>` only, skips what is hidden (`hidden`,
//! `aria-hidden="true"`), navigation, scripts and drawings, and starts a new
//! section at every heading, list item or section element that has an `id`:
//! a Markdown heading, a ground rule, a component, a practice item, a stage,
//! a session turn, an activity.

/// One page's text, by section.
#[derive(Debug, Clone, PartialEq)]
pub struct PageText {
    /// Path from the site root, e.g. `ground-rules.html`.
    pub path: String,
    /// The page's first `<h1>` (or its `<title>`).
    pub title: String,
    pub sections: Vec<Section>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Section {
    /// The element's id; empty for the top of the page.
    pub anchor: String,
    /// The section's first heading; empty when it has none (a session turn),
    /// so a result shows the title of the section before it.
    pub title: String,
    /// Its text, whitespace collapsed.
    pub text: String,
}

/// Elements that never hold words a reader sees as content.
const SKIPPED: &[&str] = &[
    "script", "style", "svg", "template", "nav", "noscript", "button", "select", "textarea",
];
/// Elements without an end tag.
const VOID: &[&str] = &[
    "area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track",
    "wbr",
];
/// Elements inside a word's flow: no space is added at their edges. (Not
/// `span`: templates set spans side by side that CSS shows apart, such as a
/// speaker's name and role.)
const INLINE: &[&str] = &[
    "a", "abbr", "b", "bdi", "cite", "code", "em", "i", "kbd", "mark", "q", "s", "small", "strong",
    "sub", "sup", "u", "var",
];
const SECTION_TAGS: &[&str] = &["h1", "h2", "h3", "h4", "h5", "h6", "li", "section"];

fn is_heading(tag: &str) -> bool {
    tag.len() == 2 && tag.starts_with('h') && tag.as_bytes()[1].is_ascii_digit()
}

/// The sections of the page at `path`; `None` for a page without `<main>`.
pub fn page_text(path: &str, html: &str) -> Option<PageText> {
    let start = html.find("<main")?;
    let end = html.rfind("</main>").unwrap_or(html.len());
    let mut s = Scanner::default();
    s.run(&html[start..end]);
    let sections: Vec<Section> = s
        .sections
        .into_iter()
        .map(|b| Section {
            anchor: b.anchor,
            title: collapse(&b.title),
            text: collapse(&b.text),
        })
        .filter(|s| !s.text.is_empty())
        .collect();
    let title = match collapse(&s.h1) {
        t if t.is_empty() => title_tag(html),
        t => t,
    };
    Some(PageText {
        path: path.to_string(),
        title,
        sections,
    })
}

fn title_tag(html: &str) -> String {
    let Some(start) = html.find("<title>") else {
        return String::new();
    };
    let rest = &html[start + 7..];
    let text = &rest[..rest.find("</title>").unwrap_or(0)];
    collapse(&unescape(text.split(" · ").next().unwrap_or(text)))
}

#[derive(Default)]
struct Building {
    anchor: String,
    title: String,
    text: String,
}

#[derive(Default)]
struct Scanner {
    sections: Vec<Building>,
    /// Open elements: tag name and whether it is skipped.
    open: Vec<(String, bool)>,
    skipping: usize,
    /// Depth of the heading whose text is the current section's title.
    title_depth: Option<usize>,
    h1: String,
    h1_depth: Option<usize>,
}

impl Scanner {
    fn run(&mut self, html: &str) {
        self.sections.push(Building::default());
        let mut rest = html;
        while let Some(lt) = rest.find('<') {
            self.text(&rest[..lt]);
            rest = &rest[lt..];
            if let Some(after) = rest.strip_prefix("<!--") {
                rest = after.find("-->").map_or("", |i| &after[i + 3..]);
                continue;
            }
            let Some(gt) = rest.find('>') else { break };
            let tag = &rest[1..gt];
            rest = &rest[gt + 1..];
            if let Some(name) = tag.strip_prefix('/') {
                self.end(name.trim());
            } else if let Some(skip_to) = self.start(tag) {
                // Raw text (scripts, styles): jump past the end tag.
                rest = rest.find(&skip_to).map_or("", |i| &rest[i..]);
            }
        }
        self.text(rest);
    }

    fn text(&mut self, raw: &str) {
        if self.skipping > 0 || raw.is_empty() {
            return;
        }
        let text = unescape(raw);
        let section = self.sections.last_mut().expect("a section is always open");
        if self.title_depth.is_some() {
            section.title.push_str(&text);
        }
        if self.h1_depth.is_some() {
            self.h1.push_str(&text);
        }
        section.text.push_str(&text);
    }

    /// Handles a start tag; returns the end tag to jump to for raw-text elements.
    fn start(&mut self, tag: &str) -> Option<String> {
        let name_end = tag
            .find(|c: char| c.is_ascii_whitespace() || c == '/')
            .unwrap_or(tag.len());
        let name = tag[..name_end].to_ascii_lowercase();
        let attrs = &tag[name_end..];
        if name == "script" || name == "style" {
            return Some(format!("</{name}"));
        }
        if !INLINE.contains(&name.as_str()) {
            self.space();
        }
        if VOID.contains(&name.as_str()) || tag.ends_with('/') {
            return None;
        }
        let skip = self.skipping > 0
            || SKIPPED.contains(&name.as_str())
            || has_attr(attrs, "hidden")
            || attr(attrs, "aria-hidden") == Some("true")
            || attr(attrs, "class").is_some_and(|c| c.split(' ').any(|c| c == "facilitator-notes"));
        self.open.push((name.clone(), skip));
        if skip {
            self.skipping += 1;
            return None;
        }
        if let Some(id) = attr(attrs, "id").filter(|_| SECTION_TAGS.contains(&name.as_str())) {
            self.begin_section(id, is_heading(&name));
        }
        if is_heading(&name) && self.title_depth.is_none() {
            let section = self.sections.last().expect("a section is always open");
            if section.title.is_empty() && !section.anchor.is_empty() {
                self.title_depth = Some(self.open.len());
            }
        }
        if name == "h1" && self.h1.is_empty() {
            self.h1_depth = Some(self.open.len());
        }
        None
    }

    /// A new section at an element with `id`, unless the open section has no
    /// words yet: a heading right inside a rule's `<li id>` names that rule.
    fn begin_section(&mut self, id: &str, heading: bool) {
        let current = self.sections.last_mut().expect("a section is always open");
        if current.text.trim().is_empty() && !current.anchor.is_empty() {
            if !heading {
                current.anchor = unescape(id);
            }
            return;
        }
        self.title_depth = None;
        self.sections.push(Building {
            anchor: unescape(id),
            ..Building::default()
        });
    }

    fn end(&mut self, name: &str) {
        let name = name.to_ascii_lowercase();
        // Pop to the matching element; a stray end tag changes nothing.
        let Some(at) = self.open.iter().rposition(|(n, _)| *n == name) else {
            return;
        };
        while self.open.len() > at {
            let depth = self.open.len();
            let (_, skipped) = self.open.pop().expect("checked above");
            if skipped {
                self.skipping -= 1;
            }
            if self.title_depth == Some(depth) {
                self.title_depth = None;
            }
            if self.h1_depth == Some(depth) {
                self.h1_depth = None;
            }
        }
        if !INLINE.contains(&name.as_str()) {
            self.space();
        }
    }

    fn space(&mut self) {
        if self.skipping > 0 {
            return;
        }
        let section = self.sections.last_mut().expect("a section is always open");
        section.text.push(' ');
        if self.title_depth.is_some() {
            section.title.push(' ');
        }
    }
}

/// Whether the attribute list has `name` (with or without a value).
fn has_attr(attrs: &str, name: &str) -> bool {
    attrs
        .split(|c: char| c.is_ascii_whitespace())
        .any(|a| a == name || a.starts_with(&format!("{name}=")))
}

/// The value of a double-quoted attribute `name`, as alsite writes them.
fn attr<'a>(attrs: &'a str, name: &str) -> Option<&'a str> {
    let needle = format!(" {name}=\"");
    let padded_start = attrs.find(&needle)? + needle.len();
    let len = attrs[padded_start..].find('"')?;
    Some(&attrs[padded_start..padded_start + len])
}

/// Decodes the character references alsite and pulldown-cmark write.
fn unescape(text: &str) -> String {
    if !text.contains('&') {
        return text.to_string();
    }
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(amp) = rest.find('&') {
        out.push_str(&rest[..amp]);
        rest = &rest[amp..];
        let end = rest.find(';').filter(|&i| i <= 10);
        let decoded = end.and_then(|i| reference(&rest[1..i]));
        match (end, decoded) {
            (Some(i), Some(c)) => {
                out.push(c);
                rest = &rest[i + 1..];
            }
            _ => {
                out.push('&');
                rest = &rest[1..];
            }
        }
    }
    out.push_str(rest);
    out
}

fn reference(name: &str) -> Option<char> {
    match name {
        "amp" => Some('&'),
        "lt" => Some('<'),
        "gt" => Some('>'),
        "quot" => Some('"'),
        "apos" => Some('\''),
        "nbsp" => Some(' '),
        _ => {
            let num = name.strip_prefix('#')?;
            let code = match num.strip_prefix(['x', 'X']) {
                Some(hex) => u32::from_str_radix(hex, 16).ok()?,
                None => num.parse().ok()?,
            };
            char::from_u32(code)
        }
    }
}

/// Whitespace runs become one space; no space at the ends.
fn collapse(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sections(main: &str) -> Vec<(String, String, String)> {
        let html = format!("<title>T · Site</title><nav>Menu</nav><main id=\"main\">{main}</main><footer>Foot</footer>");
        page_text("p.html", &html)
            .unwrap()
            .sections
            .into_iter()
            .map(|s| (s.anchor, s.title, s.text))
            .collect()
    }

    fn s(a: &str, t: &str, x: &str) -> (String, String, String) {
        (a.into(), t.into(), x.into())
    }

    #[test]
    fn headings_with_ids_start_sections() {
        let got = sections("<h1>Title</h1><p>Intro &amp; more.</p><h2 id=\"why\">Why it <em>works</em></h2><p>Because.</p>");
        assert_eq!(
            got,
            vec![
                s("", "", "Title Intro & more."),
                s("why", "Why it works", "Why it works Because.")
            ]
        );
    }

    #[test]
    fn an_item_with_id_is_named_by_its_first_heading() {
        let got = sections("<ol><li class=\"rule\" id=\"r1\">\n<h2><span class=\"badge\">Rule 1</span> Ask</h2><p>Only questions.</p></li></ol>");
        assert_eq!(
            got,
            vec![s("r1", "Rule 1 Ask", "Rule 1 Ask Only questions.")]
        );
    }

    #[test]
    fn a_heading_with_id_inside_a_section_keeps_the_sections_anchor() {
        let got = sections("<section id=\"stage\"><h2 id=\"stage-title\">Questions</h2><ol><li id=\"t1\"><p>Ann asks</p><p>Why now?</p></li></ol></section>");
        assert_eq!(
            got,
            vec![
                s("stage", "Questions", "Questions"),
                s("t1", "", "Ann asks Why now?")
            ]
        );
    }

    #[test]
    fn hidden_navigation_scripts_and_facilitator_notes_are_left_out() {
        let got = sections("<h1>P</h1><nav><a href=\"#a\">Stages</a></nav><form hidden><label>Dup</label></form><span aria-hidden=\"true\">✓</span><script>var x = \"<p>\";</script><svg><text>Cycle</text></svg><div class=\"facilitator-notes\"><p>Secret</p></div><p>Shown</p>");
        assert_eq!(got, vec![s("", "", "P Shown")]);
    }

    #[test]
    fn page_title_is_the_h1_or_the_title_tag() {
        let page = page_text("p.html", "<main><h1>Ground <em>rules</em></h1></main>").unwrap();
        assert_eq!(page.title, "Ground rules");
        let page = page_text("p.html", "<title>About · Site</title><main><p>x</p></main>").unwrap();
        assert_eq!(page.title, "About");
    }

    #[test]
    fn references_are_decoded_and_bad_ones_kept() {
        assert_eq!(
            unescape("a &lt;b&gt; &#39;c&#x27; & d &bogus;"),
            "a <b> 'c' & d &bogus;"
        );
    }
}
