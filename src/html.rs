//! Reading HTML tags as a browser reads them, for the checks and the search
//! index that read the built pages: the pages alsite writes, and the raw
//! HTML an author puts in Markdown (`<div id='goals'>`, `<A HREF=x.html>`).
//! Names in any case; values in double quotes, single quotes or none; a `>`
//! inside a quoted value does not end the tag; comments, and the text inside
//! scripts and styles, hold no tags.

/// A start tag: its name as written and the text of its attributes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct StartTag<'a> {
    pub name: &'a str,
    /// Everything between the name and the closing `>`.
    pub attributes: &'a str,
}

impl<'a> StartTag<'a> {
    /// The value of attribute `name` (lower case), if the tag has it: the
    /// first one, as a browser takes it; `Some("")` for a bare attribute.
    pub fn get(&self, name: &str) -> Option<&'a str> {
        attributes(self.attributes)
            .find(|(n, _)| n.eq_ignore_ascii_case(name))
            .map(|(_, v)| v)
    }
}

/// A piece of HTML as a browser's tokenizer cuts it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Token<'a> {
    /// Text between tags, character references left as they are. A `<`
    /// that starts no tag is text.
    Text(&'a str),
    Start(StartTag<'a>),
    /// An end tag's name as written.
    End(&'a str),
}

/// The pieces of `html`, in order. Comments, `<!DOCTYPE>` and other
/// markup declarations are passed over; a script's or a style's text is
/// too, so the next piece after its start tag is its end tag.
pub fn tokens(html: &str) -> Tokens<'_> {
    Tokens { html, at: 0 }
}

pub struct Tokens<'a> {
    html: &'a str,
    at: usize,
}

impl<'a> Tokens<'a> {
    /// Where the next token begins, in bytes.
    pub fn position(&self) -> usize {
        self.at
    }

    /// The next start tag, passing over text, end tags, comments and
    /// declarations as [`Tokens::next`] does, with no more work for text
    /// than finding each `<`: what reading a page for its links needs.
    pub fn next_start(&mut self) -> Option<StartTag<'a>> {
        let b = self.html.as_bytes();
        loop {
            let lt = self.at + memchr::memchr(b'<', b.get(self.at..)?)?;
            if let Some(Token::Start(tag)) = self.markup(lt) {
                return Some(tag);
            }
        }
    }

    /// Reads the markup at the `<` at `lt`: a start or end tag, or a `<`
    /// that starts nothing, which is text up to the next `<`; `None` for a
    /// comment or a declaration, passed over.
    fn markup(&mut self, lt: usize) -> Option<Token<'a>> {
        let b = self.html.as_bytes();
        let rest = &b[lt + 1..];
        match rest {
            [b'!', b'-', b'-', ..] => {
                let after = lt + 4;
                self.at = comment_end(&self.html[after..]).map_or(b.len(), |e| after + e);
                None
            }
            [c, ..] if c.is_ascii_alphabetic() => Some(Token::Start(self.start_tag(lt + 1))),
            [b'/', c, ..] if c.is_ascii_alphabetic() => Some(Token::End(self.end_tag(lt + 2))),
            // `<!DOCTYPE html>`, `<?xml …?>`, `</ x>`: passed over to their `>`.
            [b'!' | b'?', ..] | [b'/', ..] => {
                self.at = find(b'>', rest).map_or(b.len(), |e| lt + 1 + e + 1);
                None
            }
            _ => {
                let next = memchr::memchr(b'<', rest).map_or(b.len(), |e| lt + 1 + e);
                self.at = next;
                Some(Token::Text(&self.html[lt..next]))
            }
        }
    }

    /// The start tag whose name begins at `from` (after its `<`).
    fn start_tag(&mut self, from: usize) -> StartTag<'a> {
        let b = self.html.as_bytes();
        let attrs = name_end(b, from);
        let close = tag_end(&b[attrs..]).map_or(b.len(), |e| attrs + e);
        let tag = StartTag {
            name: &self.html[from..attrs],
            attributes: &self.html[attrs..close],
        };
        self.at = (close + 1).min(b.len());
        let raw = match tag.name.len() {
            6 if tag.name.eq_ignore_ascii_case("script") => Some("script"),
            5 if tag.name.eq_ignore_ascii_case("style") => Some("style"),
            _ => None,
        };
        if let Some(raw) = raw {
            let end = raw_text_end(&self.html[self.at..], raw);
            self.at = end.map_or(b.len(), |e| self.at + e);
        }
        tag
    }

    /// The end tag whose name begins at `from` (after its `</`).
    fn end_tag(&mut self, from: usize) -> &'a str {
        let b = self.html.as_bytes();
        let after = name_end(b, from);
        self.at = tag_end(&b[after..]).map_or(b.len(), |e| after + e + 1);
        &self.html[from..after]
    }
}

impl<'a> Iterator for Tokens<'a> {
    type Item = Token<'a>;

    fn next(&mut self) -> Option<Token<'a>> {
        let b = self.html.as_bytes();
        loop {
            let at = self.at;
            if at >= b.len() {
                return None;
            }
            // After text comes a `<`, and after a tag text or a `<` most
            // often: look for one only where there is text.
            if b[at] != b'<' {
                let lt = at + memchr::memchr(b'<', &b[at..]).unwrap_or(b.len() - at);
                self.at = lt;
                return Some(Token::Text(&self.html[at..lt]));
            }
            if let Some(token) = self.markup(at) {
                return Some(token);
            }
        }
    }
}

/// The start tags of `html`, in order: its [`tokens`] that are start tags.
pub fn start_tags(html: &str) -> impl Iterator<Item = StartTag<'_>> {
    let mut tokens = tokens(html);
    std::iter::from_fn(move || tokens.next_start())
}

/// Where the tag name that begins at `from` in `b` ends.
fn name_end(b: &[u8], from: usize) -> usize {
    from + b[from..]
        .iter()
        .position(|&c| c.is_ascii_whitespace() || c == b'/' || c == b'>')
        .unwrap_or(b.len() - from)
}

/// Where the `>` that ends a tag is in `b` (the tag after its `<`): the
/// first one outside a quoted value.
pub fn tag_end(b: &[u8]) -> Option<usize> {
    // Tags are short: a plain loop finds their ends sooner than calls to memchr.
    let mut i = 0;
    while i < b.len() {
        match b[i] {
            b'>' => return Some(i),
            b'=' => {
                i += 1;
                while b.get(i).is_some_and(u8::is_ascii_whitespace) {
                    i += 1;
                }
                if let Some(&q @ (b'"' | b'\'')) = b.get(i) {
                    // Values may be long (a drawing's path): memchr for them.
                    i += 2 + memchr::memchr(q, &b[i + 1..])?;
                }
                // An unquoted value is read on as the rest of the tag.
                continue;
            }
            _ => {}
        }
        i += 1;
    }
    None
}

/// Where `byte` first is in `b`: a plain loop, for the short stretches of a tag.
fn find(byte: u8, b: &[u8]) -> Option<usize> {
    b.iter().position(|&c| c == byte)
}

/// The attributes in `text` (a start tag's, after its name): each name as
/// written and its value without quotes (`""` for a bare attribute), in
/// order. Character references are left as they are.
pub fn attributes(text: &str) -> Attributes<'_> {
    Attributes { text, at: 0 }
}

pub struct Attributes<'a> {
    text: &'a str,
    at: usize,
}

impl<'a> Iterator for Attributes<'a> {
    type Item = (&'a str, &'a str);

    fn next(&mut self) -> Option<(&'a str, &'a str)> {
        let b = self.text.as_bytes();
        let mut i = self.at;
        while i < b.len() && (b[i].is_ascii_whitespace() || b[i] == b'/') {
            i += 1;
        }
        if i >= b.len() {
            self.at = i;
            return None;
        }
        let start = i;
        // A name's first character may be `=` (a browser reads `=x` so).
        i += 1;
        while i < b.len() && !b[i].is_ascii_whitespace() && !matches!(b[i], b'=' | b'/' | b'>') {
            i += 1;
        }
        let name = &self.text[start..i];
        let mut j = i;
        while j < b.len() && b[j].is_ascii_whitespace() {
            j += 1;
        }
        if b.get(j) != Some(&b'=') {
            self.at = i;
            return Some((name, ""));
        }
        j += 1;
        while j < b.len() && b[j].is_ascii_whitespace() {
            j += 1;
        }
        let (value, end) = value_at(self.text, j);
        self.at = end;
        Some((name, value))
    }
}

/// The value that starts at `j` in `text` (after `=` and any spaces), and
/// where reading goes on after it.
#[inline]
fn value_at(text: &str, j: usize) -> (&str, usize) {
    let b = text.as_bytes();
    match b.get(j) {
        Some(&q @ (b'"' | b'\'')) => {
            let close = memchr::memchr(q, &b[j + 1..]).map_or(b.len(), |e| j + 1 + e);
            (&text[j + 1..close], (close + 1).min(b.len()))
        }
        _ => {
            let len = b[j..]
                .iter()
                .position(|&c| c.is_ascii_whitespace() || c == b'>')
                .unwrap_or(b.len() - j);
            (&text[j..j + len], j + len)
        }
    }
}

/// The addresses the attribute `name` of a `tag` element holds, as pieces
/// of its `value`: the whole value of an `href`, a `src`, a video's
/// `poster` and an object's `data`; each address of a `srcset` (`a.png
/// 1x, a-2x.png 2x`); none for any other attribute.
pub fn addresses<'a>(tag: &str, name: &str, value: &'a str) -> impl Iterator<Item = &'a str> {
    let is = |n: &str| name.eq_ignore_ascii_case(n);
    let whole = is("href")
        || is("src")
        || is("poster")
        || (is("data") && tag.eq_ignore_ascii_case("object"));
    let list = is("srcset").then(|| srcset(value)).into_iter().flatten();
    whole.then_some(value).into_iter().chain(list)
}

/// The addresses of a `srcset`, read as a browser reads it: each runs to
/// the next space (a comma inside it, as image services write
/// `w_400,c_scale`, is part of it; commas at its end are not), then its
/// size (`2x`, `400w`) up to a comma.
fn srcset(value: &str) -> impl Iterator<Item = &str> {
    let mut rest = value;
    std::iter::from_fn(move || loop {
        rest = rest.trim_start_matches(|c: char| c.is_ascii_whitespace() || c == ',');
        if rest.is_empty() {
            return None;
        }
        let end = rest
            .find(|c: char| c.is_ascii_whitespace())
            .unwrap_or(rest.len());
        let url = &rest[..end];
        rest = &rest[end..];
        let trimmed = url.trim_end_matches(',');
        if trimmed.len() == url.len() {
            // A size follows, up to the comma that ends the candidate.
            rest = rest.find(',').map_or("", |c| &rest[c..]);
        }
        if !trimmed.is_empty() {
            return Some(trimmed);
        }
    })
}

/// The attributes in `text` that have a value: what [`attributes`] gives,
/// less the bare ones. Found from each `=`, so a tag is not read letter by
/// letter: the link check reads every tag of every page.
pub fn valued(text: &str) -> Valued<'_> {
    Valued { text, at: 0 }
}

pub struct Valued<'a> {
    text: &'a str,
    at: usize,
}

impl<'a> Iterator for Valued<'a> {
    type Item = (&'a str, &'a str);

    // Inlined into the link check's loop over every tag of every page.
    #[inline]
    fn next(&mut self) -> Option<(&'a str, &'a str)> {
        let b = self.text.as_bytes();
        loop {
            let eq = self.at + find(b'=', &b[self.at..])?;
            let name_end = b[..eq]
                .iter()
                .rposition(|c| !c.is_ascii_whitespace())
                .map_or(0, |p| p + 1);
            let name_start = b[..name_end]
                .iter()
                .rposition(|&c| c.is_ascii_whitespace() || matches!(c, b'/' | b'"' | b'\''))
                .map_or(0, |p| p + 1);
            let mut j = eq + 1;
            while b.get(j).is_some_and(u8::is_ascii_whitespace) {
                j += 1;
            }
            let (value, end) = value_at(self.text, j);
            self.at = end;
            if name_start < name_end {
                return Some((&self.text[name_start..name_end], value));
            }
        }
    }
}

/// Where reading goes on after a comment whose text (after `<!--`) starts
/// `rest`: past its `-->`, or, as a browser reads them, past the `>` of an
/// empty `<!-->` or `<!--->`.
pub fn comment_end(rest: &str) -> Option<usize> {
    let b = rest.as_bytes();
    if b.starts_with(b">") {
        return Some(1);
    }
    if b.starts_with(b"->") {
        return Some(2);
    }
    memchr::memmem::find(b, b"-->").map(|e| e + 3)
}

/// Where the end tag of the raw-text element `name` (lower case) begins in
/// `rest`, as a browser finds it: in any case (`</SCRIPT>`), and only where
/// the name ends there (`</scripts` does not end a script).
pub fn raw_text_end(rest: &str, name: &str) -> Option<usize> {
    let bytes = rest.as_bytes();
    memchr::memmem::find_iter(bytes, b"</").find(|&i| {
        let after = &bytes[i + 2..];
        after.len() >= name.len()
            && after[..name.len()].eq_ignore_ascii_case(name.as_bytes())
            && after
                .get(name.len())
                .is_none_or(|&b| b.is_ascii_whitespace() || b == b'/' || b == b'>')
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn tags(html: &str) -> Vec<(&str, Vec<(&str, &str)>)> {
        start_tags(html)
            .map(|t| (t.name, attributes(t.attributes).collect()))
            .collect()
    }

    #[test]
    fn attributes_in_every_quoting_and_case() {
        assert_eq!(tags("<a href=>x"), [("a", vec![("href", "")])]);
        let got = tags(
            r#"<A HREF=x.html>a</A><div id='goals' class="a b" hidden><img src = "i.png" alt="1 > 0"/><p>"#,
        );
        assert_eq!(
            got,
            [
                ("A", vec![("HREF", "x.html")]),
                (
                    "div",
                    vec![("id", "goals"), ("class", "a b"), ("hidden", "")]
                ),
                ("img", vec![("src", "i.png"), ("alt", "1 > 0")]),
                ("p", vec![]),
            ]
        );
        let tag = start_tags("<a Href='b.html' href='c.html'>")
            .next()
            .unwrap();
        assert_eq!(tag.get("href"), Some("b.html"));
        let set = |v| srcset(v).collect::<Vec<_>>();
        assert_eq!(set("a.png 1x, b-2x.png 2x"), ["a.png", "b-2x.png"]);
        assert_eq!(
            set("/w_400,c_scale/team.jpg 400w, /w_800,c_scale/team.jpg 800w"),
            ["/w_400,c_scale/team.jpg", "/w_800,c_scale/team.jpg"]
        );
        assert_eq!(set("a.png,b.png"), ["a.png,b.png"]);
        assert_eq!(set("a.png, b.png"), ["a.png", "b.png"]);
        assert_eq!(tag.get("id"), None);
    }

    #[test]
    fn comments_scripts_styles_and_stray_signs_hold_no_tags() {
        let got = tags(
            "<!-- <a href=\"no.html\"> --><p>1 < 2</p><SCRIPT>if (a <b) x = '<i id=\"no\">'</script ><Style>a<b{}</STYLE><b id=yes>",
        );
        let names: Vec<&str> = got.iter().map(|(n, _)| *n).collect();
        assert_eq!(names, ["p", "SCRIPT", "Style", "b"]);
        assert_eq!(got[3].1, [("id", "yes")]);
        // Nor do end tags and declarations, as a browser reads them: a link
        // written inside one is no link.
        let got = tags(
            "</p title=\"<a href=x.html>\"><!DOCTYPE <a href=y.html>><?x <a href=z.html>?><b>",
        );
        assert_eq!(got, [("b", vec![])]);
        // Unfinished HTML ends the reading, without a panic.
        for cut in ["<a href='x", "<a href=", "<a ", "<!-- x", "<script>x", "<"] {
            let _ = tags(cut);
        }
    }

    /// `valued` finds what `attributes` finds, less bare attributes.
    #[test]
    fn valued_attributes_are_the_attributes_with_a_value() {
        for text in [
            r#" href="a.html" class='x y' hidden id=z"#,
            r#" title="a = b" data-x='=' src = "i.png"/"#,
            r#" a="1"b="2" c d=e f"#,
            " ID=top HREF='#x'",
        ] {
            let with_values: Vec<(&str, &str)> = attributes(text)
                .filter(|&(n, _)| !matches!(n, "hidden" | "c" | "f"))
                .collect();
            assert_eq!(valued(text).collect::<Vec<_>>(), with_values, "{text}");
        }
    }

    proptest::proptest! {
        /// Any text, however broken, is read to its end without a panic,
        /// and every value found is a part of it.
        #[test]
        fn any_text_is_read_without_a_panic(html in "[<>=\"' a-zA-Z/!ąé-]{0,80}") {
            for tag in start_tags(&html) {
                for (name, value) in attributes(tag.attributes).chain(valued(tag.attributes)) {
                    proptest::prop_assert!(html.contains(name) && html.contains(value));
                }
            }
            // The link check's quick reading finds the start tags the
            // whole reading does.
            let whole: Vec<StartTag> = tokens(&html)
                .filter_map(|t| match t {
                    Token::Start(tag) => Some(tag),
                    _ => None,
                })
                .collect();
            proptest::prop_assert_eq!(start_tags(&html).collect::<Vec<_>>(), whole);
            let _ = tag_end(html.as_bytes());
            let _ = raw_text_end(&html, "script");
        }
    }

    /// Text, start and end tags in order; what starts no tag is text.
    #[test]
    fn tokens_cut_html_as_a_browser_does() {
        let got: Vec<String> = tokens(
            "<!DOCTYPE html><P class=x>1 < 2 &amp; <b>b</B ></p><br/><!-- c --><script>a<b</script><?x?></ y>z",
        )
        .map(|t| match t {
            Token::Text(t) => format!("text {t}"),
            Token::Start(t) => format!("start {} {}", t.name, t.attributes),
            Token::End(n) => format!("end {n}"),
        })
        .collect();
        assert_eq!(
            got,
            [
                "start P  class=x",
                "text 1 ",
                "text < 2 &amp; ",
                "start b ",
                "text b",
                "end B",
                "end p",
                "start br /",
                "start script ",
                "end script",
                "text z",
            ]
        );
    }

    #[test]
    fn comments_end_where_a_browser_ends_them() {
        let names = |html| tags(html).into_iter().map(|(n, _)| n).collect::<Vec<_>>();
        assert_eq!(
            names("<!-- <a> --><b><!--><i><!---><u><!-- x -- y --><s>"),
            ["b", "i", "u", "s"]
        );
        assert_eq!(names("<p><!-- never closed <a>"), ["p"]);
    }

    #[test]
    fn raw_text_ends_at_its_end_tag_in_any_case() {
        assert_eq!(raw_text_end("x()</SCRIPT>", "script"), Some(3));
        assert_eq!(raw_text_end("a </scripts> b </script>", "script"), Some(15));
        assert_eq!(raw_text_end("x()", "script"), None);
    }
}
