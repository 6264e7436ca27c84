//! A link or picture in Markdown that leads nowhere: no address at all,
//! `[Sign up]()` (the link reloads its own page; the picture shows as
//! broken), an e-mail link with nothing at all, `[write to us](mailto:)`
//! (`mailto:?subject=…` lets the visitor choose whom to write to), a
//! phone link with no number, `[call](tel:)`, or a link to a `data:`
//! address, which browsers refuse to open from a link, or `https://` (or
//! `http:`) naming no site. Each is a
//! placeholder left in, or a slip, that a visitor finds by clicking: an
//! error at the link's `[`, in the page's Markdown or in site.yaml's
//! `footer:`. Raw HTML in the Markdown is read the same way: `<a href="">`
//! and `<img src="">` (an `<a>` with no `href` at all is an anchor, not a
//! link, and passes). The links of built pages written elsewhere (the
//! navigation, a hero's buttons, an offer's action, a template) are read
//! by the link check, which asks [`empty_address`] and [`refused_scheme`]
//! (a script or a file on the author's computer).

use crate::diagnostic::Diagnostic;
use crate::model::Site;
use pulldown_cmark::{Event, Parser, Tag};
use std::ops::Range;
use std::path::Path;

/// Whether `text` may hold such a link: cheap, for the loader to keep a
/// free page's text for this check. Every link the check finds passes:
/// an address that ends where it starts after `](` (an inline link) or
/// `]:` (a reference's definition), in `<…>` or not, and any `mailto:`,
/// `tel:` or `data:` (an autolink, `<mailto:>`, has neither).
pub fn may_have_empty_link(text: &str) -> bool {
    let bytes = text.as_bytes();
    let empty_after = |at: usize| {
        let rest = &bytes[at + 2..bytes.len().min(at + 24)];
        let start = rest.iter().position(|b| !b.is_ascii_whitespace());
        let rest = start.map_or(&[][..], |s| &rest[s..]);
        let rest = rest
            .strip_prefix(b"<")
            .map_or(rest, |r| r.trim_ascii_start());
        // Nothing before the `)` or `>` (or before a title, `[a]( "title")`).
        rest.first().is_none_or(|b| b")>\"'".contains(b))
    };
    // `Href`, `SRC`: an attribute's name in any capitals.
    let has_any_case = |name: &[u8]| {
        bytes
            .windows(name.len())
            .any(|w| w.eq_ignore_ascii_case(name))
    };
    let scheme = |s: &[u8]| {
        memchr::memmem::find(bytes, s).is_some()
            || memchr::memmem::find(bytes, &s.to_ascii_uppercase()).is_some()
    };
    memchr::memmem::find_iter(bytes, b"](").any(empty_after)
        || memchr::memmem::find_iter(bytes, b"]:").any(empty_after)
        || (memchr::memchr(b'<', bytes).is_some()
            && (has_any_case(b"href") || has_any_case(b"src")))
        || scheme(b"mailto:")
        || scheme(b"tel:")
        || scheme(b"data:")
        || web_without_host(bytes)
}

/// Whether `bytes` may hold `https://` or `http:` naming no site.
fn web_without_host(bytes: &[u8]) -> bool {
    let after = |s: &'static [u8]| {
        memchr::memmem::find_iter(bytes, s).map(move |at| bytes.get(at + s.len()).copied())
    };
    after(b"://").any(|b| b.is_none_or(|b| b"/)>\"' \t\r\n".contains(&b)))
        || after(b"http:")
            .chain(after(b"https:"))
            .any(|b| b != Some(b'/'))
}

/// Errors for the Markdown pages of `site` (the home page, free pages,
/// workshop modules) and its footer: links and pictures that lead nowhere.
/// `original`: the site in its default language, whose footer a translation
/// shares unless it gives its own.
pub(super) fn check_empty_links(site: &Site, original: &Site) -> Vec<Diagnostic> {
    let mut found: Vec<Diagnostic> = super::spaced_links::markdown_texts(site)
        .flat_map(|(file, text)| in_page(file, text))
        .collect();
    if std::ptr::eq(site, original) || site.config.footer != original.config.footer {
        found.extend(in_footer(site));
    }
    found
}

fn in_page(file: &Path, text: &str) -> Vec<Diagnostic> {
    if !may_have_empty_link(text) {
        return Vec::new();
    }
    super::spaced_links::placed_in_body(text, |body| {
        nowhere(body)
            .into_iter()
            .map(|(span, problem, form)| (span.start, problem.error(file, &body[span], form)))
            .collect()
    })
}

/// site.yaml's `footer:`, Markdown on every page: each error at the line
/// of site.yaml where the link is written.
fn in_footer(site: &Site) -> Vec<Diagnostic> {
    let file = Path::new("site.yaml");
    let (Some(footer), Some(yaml)) = (&site.config.footer, site.texts.get(file)) else {
        return Vec::new();
    };
    if !may_have_empty_link(footer) {
        return Vec::new();
    }
    let from = yaml.find("footer:").unwrap_or(0);
    nowhere(footer)
        .into_iter()
        .map(|(span, problem, form)| {
            let written = &footer[span];
            let at = yaml[from..].find(written).map_or(from, |i| from + i);
            let (line, column) = crate::diagnostic::line_col(yaml, at);
            problem.error(file, written, form).at(line, column)
        })
        .collect()
}

/// What is wrong with a link or picture that leads nowhere.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Nowhere {
    LinkWithoutAddress,
    PictureWithoutAddress,
    MailWithoutAddress,
    PhoneWithoutNumber,
    DataAddress,
    WebWithoutHost,
}

/// How a link is written: in Markdown, or as a tag of raw HTML.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Form {
    Markdown,
    Html,
}

/// Each link and picture of `markdown` that leads nowhere: where it is
/// written, what is wrong with it, and how it is written.
fn nowhere(markdown: &str) -> Vec<(Range<usize>, Nowhere, Form)> {
    let parser = Parser::new_ext(markdown, crate::render::markdown::options());
    let mut found = Vec::new();
    for (event, span) in parser.into_offset_iter() {
        let problem = match event {
            Event::Start(Tag::Link { dest_url, .. }) => link_problem(&dest_url),
            Event::Start(Tag::Image { dest_url, .. }) => dest_url
                .trim()
                .is_empty()
                .then_some(Nowhere::PictureWithoutAddress),
            // A block of HTML is read whole, as a browser reads it (its
            // lines come one event each): a comment over several lines
            // hides what is in it, and a tag may go on to the next line.
            Event::Start(Tag::HtmlBlock) | Event::InlineHtml(_) => {
                found.extend(in_html(&markdown[span.clone()], span.start));
                None
            }
            _ => None,
        };
        if let Some(p) = problem {
            found.push((span, p, Form::Markdown));
        }
    }
    found
}

/// The links and pictures of raw HTML `html`, which starts at byte `at` of
/// the Markdown, that lead nowhere: each at its tag.
fn in_html(html: &str, at: usize) -> Vec<(Range<usize>, Nowhere, Form)> {
    let offset = |s: &str| s.as_ptr() as usize - html.as_ptr() as usize;
    crate::html::start_tags(html)
        .filter_map(|tag| {
            let problem = if tag.name.eq_ignore_ascii_case("a") {
                let problem = link_problem(tag.get("href")?)?;
                // A `data:` address with `download` is saved, not opened.
                if problem == Nowhere::DataAddress && tag.get("download").is_some() {
                    return None;
                }
                problem
            } else if tag.name.eq_ignore_ascii_case("img") {
                let src = tag.get("src")?;
                src.trim()
                    .is_empty()
                    .then_some(Nowhere::PictureWithoutAddress)?
            } else {
                return None;
            };
            // From its `<` to its `>`.
            let start = offset(tag.name) - 1;
            let end = offset(tag.attributes) + tag.attributes.len() + 1;
            Some((at + start..at + end.min(html.len()), problem, Form::Html))
        })
        .collect()
}

fn link_problem(address: &str) -> Option<Nowhere> {
    let address = address.trim();
    if address.is_empty() {
        return Some(Nowhere::LinkWithoutAddress);
    }
    let (scheme, rest) = address.split_once(':')?;
    let rest = rest.split(['?', '#']).next().unwrap_or("");
    match scheme.to_ascii_lowercase().as_str() {
        // `mailto:?subject=…` lets the visitor choose whom to write to (a
        // "tell a colleague" link); `mailto:` alone has nothing to send.
        "mailto" if address.len() == "mailto:".len() => Some(Nowhere::MailWithoutAddress),
        "tel" if !rest.chars().any(|c| c.is_ascii_digit()) => Some(Nowhere::PhoneWithoutNumber),
        "data" => Some(Nowhere::DataAddress),
        // `https://` or `http:` alone, `https:///calendly`: no site named.
        "http" | "https" => {
            let after = &address[scheme.len() + 1..];
            let host = after
                .strip_prefix("//")
                .map(|h| h.split(['/', '?', '#']).next().unwrap_or(""));
            host.is_none_or(str::is_empty)
                .then_some(Nowhere::WebWithoutHost)
        }
        _ => None,
    }
}

/// A link no visitor should follow, as a browser reads its scheme (case
/// and spaces aside, tabs and line breaks dropped): one that runs a
/// script, or one to a file on the author's own computer. `None` for any
/// other.
pub(super) fn refused_scheme(url: &str, page: &str) -> Option<(String, &'static str)> {
    let first: String = url
        .trim_start_matches(|c: char| c <= ' ')
        .chars()
        .filter(|c| !matches!(c, '\t' | '\n' | '\r'))
        .take(11)
        .collect::<String>()
        .to_ascii_lowercase();
    if first.starts_with("javascript:") || first.starts_with("vbscript:") {
        return Some((
            format!("link `{url}` on page {page} runs a script, which a page of this site never does"),
            "link to a page of the site or to a web address (`https://…`); a script belongs in a theme's static/ folder",
        ));
    }
    if first.starts_with("file:") || crate::render::url::on_windows_drive(&first) {
        return Some((
            format!("link `{url}` on page {page} leads to a file on this computer, which no visitor has"),
            "copy the file into content/ and link to it there, such as `/files/plan.pdf`",
        ));
    }
    None
}

/// The message and hint for a link of a built page (from site.yaml's
/// navigation, a hero, an offer, a template) that names no one to write
/// to or call, or no site: `mailto:`, `tel:`, `https://`.
pub(super) fn empty_address(url: &str, page: &str) -> Option<(String, &'static str)> {
    let problem = link_problem(url).filter(|p| {
        matches!(
            p,
            Nowhere::MailWithoutAddress | Nowhere::PhoneWithoutNumber | Nowhere::WebWithoutHost
        )
    })?;
    Some((
        format!("link `{url}` on page {page} {}", problem.message()),
        problem.hint(Form::Html),
    ))
}

impl Nowhere {
    /// The error for this problem with the link `written` (its Markdown,
    /// or its HTML tag).
    fn error(self, file: &Path, written: &str, form: Form) -> Diagnostic {
        let written = written.split_whitespace().collect::<Vec<_>>().join(" ");
        Diagnostic::error(file, format!("`{written}` {}", self.message())).hint(self.hint(form))
    }

    /// What is wrong, after the link.
    fn message(self) -> &'static str {
        match self {
            Nowhere::LinkWithoutAddress => "has no address, so it leads back to the page it is on",
            Nowhere::PictureWithoutAddress => "has no address, so the page shows a broken picture",
            Nowhere::MailWithoutAddress => {
                "names no e-mail address, so it opens an e-mail to no one"
            }
            Nowhere::PhoneWithoutNumber => "has no phone number, so it calls no one",
            Nowhere::DataAddress => {
                "leads to a `data:` address, which browsers refuse to open from a link"
            }
            Nowhere::WebWithoutHost => "names no site after `https://`, so it leads nowhere",
        }
    }

    fn hint(self, form: Form) -> &'static str {
        match (self, form) {
            (Nowhere::LinkWithoutAddress, Form::Html) => "write where it leads in its `href`, such as `href=\"/about.html\"` for a page of the site or `href=\"https://…\"` for another site; or remove the link",
            (Nowhere::LinkWithoutAddress, Form::Markdown) => "write where it leads between the round brackets, such as `(/about.html)` for a page of the site or `(https://…)` for another site; or remove the link",
            (Nowhere::PictureWithoutAddress, Form::Html) => "put the picture in content/ and write its path in its `src`, such as `src=\"/images/team.jpg\"`",
            (Nowhere::PictureWithoutAddress, Form::Markdown) => "put the picture in content/ and write its path between the round brackets, such as `(/images/team.jpg)`",
            (Nowhere::MailWithoutAddress, _) => "write the address after `mailto:`, such as `mailto:name@example.com`",
            (Nowhere::PhoneWithoutNumber, _) => "write the number after `tel:`, with its country code and no spaces, such as `tel:+48221234567`",
            (Nowhere::DataAddress, _) => "put the file in content/ and link to it there, such as `/files/plan.pdf`",
            (Nowhere::WebWithoutHost, _) => "write the whole web address, such as `https://calendly.com/your-name`; or remove the link until you have it",
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn problems(markdown: &str) -> Vec<(String, Nowhere)> {
        nowhere(markdown)
            .into_iter()
            .map(|(span, p, _)| (markdown[span].to_string(), p))
            .collect()
    }

    #[test]
    fn links_and_pictures_that_lead_nowhere_are_found_as_written() {
        use Nowhere::*;
        let cases = [
            ("[Sign up]()", LinkWithoutAddress),
            ("[a]( )", LinkWithoutAddress),
            ("[b](<>)", LinkWithoutAddress),
            ("[f](< >)", LinkWithoutAddress),
            ("![team]()", PictureWithoutAddress),
            ("[mail](mailto:)", MailWithoutAddress),
            ("[m2](MAILTO: )", MailWithoutAddress),
            ("[e](<mailto:>)", MailWithoutAddress),
            ("<mailto:>", MailWithoutAddress),
            ("[call](tel:)", PhoneWithoutNumber),
            ("[c2](tel:phone)", PhoneWithoutNumber),
            ("[d](data:text/html,hi)", DataAddress),
            (r#"<a href="">"#, LinkWithoutAddress),
            (r#"<A HREF = ' ' class="button">"#, LinkWithoutAddress),
            ("<a href>", LinkWithoutAddress),
            (r#"<img src="" alt="team">"#, PictureWithoutAddress),
            (r#"<a href="mailto:">"#, MailWithoutAddress),
            (r#"<a href="tel:">"#, PhoneWithoutNumber),
            (r#"<a href="data:text/html,hi">"#, DataAddress),
            ("[Book a call](https://)", WebWithoutHost),
            ("[x](http:)", WebWithoutHost),
            ("[y](https:///calendly)", WebWithoutHost),
            (r#"<a href="https://">"#, WebWithoutHost),
        ];
        for (written, problem) in cases {
            let text = format!("Text before {written} and after.\n");
            assert_eq!(
                problems(&text),
                [(written.to_string(), problem)],
                "{written}"
            );
            // The loader keeps the text of every page the check would flag.
            assert!(may_have_empty_link(&text), "{written}");
        }
        // A web address with its site passes, and so does an e-mail's query.
        let fine = "[a](https://calendly.com/x) [b](http://example.com) [c](mailto:?subject=Hi)\n";
        assert_eq!(problems(fine), []);
        let reference = "[ref][r]\n\n[r]: <>\n";
        assert_eq!(
            problems(reference),
            [("[ref][r]".to_string(), LinkWithoutAddress)]
        );
        assert!(may_have_empty_link(reference));
        // A block of raw HTML: each tag found at its own place.
        // A comment hides what is in it, over several lines too; a tag may
        // go on to the next line.
        let hidden = "<!--\n<a class=\"button\" href=\"\">Book a call</a>\n-->\n\nText <!-- <a href=\"\"> --> on.\n";
        assert_eq!(problems(hidden), []);
        let over_lines = "<p>\n<a class=\"button\"\n   Href=\"\">Book</a>\n</p>\n";
        assert_eq!(
            problems(over_lines),
            [(
                "<a class=\"button\"\n   Href=\"\">".to_string(),
                LinkWithoutAddress
            )]
        );
        assert!(may_have_empty_link(over_lines));
        let block = "<div class=\"cta\">\n  <a class=\"button\" href=\"\">Book</a>\n  <img src=\" \">\n</div>\n";
        assert_eq!(
            problems(block),
            [
                (
                    r#"<a class="button" href="">"#.to_string(),
                    LinkWithoutAddress
                ),
                (r#"<img src=" ">"#.to_string(), PictureWithoutAddress)
            ]
        );
        assert!(may_have_empty_link(block));
    }

    #[test]
    fn links_that_lead_somewhere_pass() {
        let text = "[top](#) [a](/about.html) [m](mailto:hello@example.com) \
                    [tell a colleague](mailto:?subject=Workshop&body=See%20this) \
                    [t](tel:+48221234567) [w](https://example.com) ![p](/images/a.jpg) \
                    ![ok](data:image/png;base64,AAAA) [remark] (not a link) and [x](<o nas.md>) \
                    `[code]()` <a download=\"list.txt\" href=\"data:text/plain,Book%20it\">list</a> <a id=\"goals\"></a> <a name=x>old anchor</a> \
                    <a href=\"/about.html\">a</a> <img src=\"/images/a.jpg\" alt=\"\"> \
                    <img src=\"data:image/png;base64,AAAA\" alt=\"\"> `<a href=\"\">`";
        assert!(problems(text).is_empty(), "{:?}", problems(text));
        assert!(!may_have_empty_link("[a](/about.html) [c](#) [r]: /a.html"));
    }
}
