//! Markdown written for another tool, which alsite reads as plain text and
//! a page would show as written: Hugo's and Zola's shortcodes
//! (`{{< figure … >}}`, `{{% note %}}`, `{{ youtube(id="…") }}`), Jekyll's
//! and Zola's template tags (`{% include … %}`, `{{ site.baseurl }}`),
//! mdBook's `{{#include …}}`, wiki links (`[[about]]`, `![[photo.png]]`,
//! as Obsidian writes them), and Pandoc's attributes (`![x](a.png){width="3in"}`,
//! `[words]{.underline}`, `::: {.note}`). Each is a warning at its place,
//! naming the tool and what to write instead. Callouts (`> [!NOTE]`) are
//! drawn (see [`crate::render::markdown::callouts`]): a warning tells of a
//! callout's sign that is not on a quote's first line, which the page
//! shows as written, and of a kind that looks like a slip for a known one.

use crate::diagnostic::Diagnostic;
use std::ops::Range;
use std::path::Path;

/// Whether `text` may hold another tool's syntax: cheap, for the loader to
/// keep such a free page's text for this check. Every finding has one of
/// these pairs of signs.
pub fn may_have_other_syntax(text: &str) -> bool {
    let bytes = text.as_bytes();
    // `{{`, `{%`, `]{`, `){`, `%%`, `==`: found by their second sign, rare in text.
    let by_second = memchr::memchr3_iter(b'{', b'%', b'=', bytes).any(|i| {
        let before = if i == 0 { 0 } else { bytes[i - 1] };
        matches!(
            (before, bytes[i]),
            (b'{' | b']' | b')', b'{') | (b'{' | b'%', b'%') | (b'=', b'=')
        )
    });
    // `[[` and `[!`, and Pandoc's `:::`.
    by_second
        || memchr::memchr_iter(b'[', bytes).any(|i| matches!(bytes.get(i + 1), Some(b'[' | b'!')))
        || memchr::memmem::find(bytes, b":::").is_some()
}

/// Warnings for the Markdown pages of `site` (the home page, free pages,
/// workshop modules) that hold another tool's syntax.
pub(super) fn check_other_tools(site: &crate::model::Site) -> Vec<Diagnostic> {
    super::spaced_links::markdown_texts(site)
        .flat_map(|(file, text)| other_syntax(file, text))
        .collect()
}

/// The warnings for one Markdown file's text.
fn other_syntax(file: &Path, text: &str) -> Vec<Diagnostic> {
    if !may_have_other_syntax(text) {
        return Vec::new();
    }
    super::spaced_links::placed_in_body(text, |body| {
        found_in(body)
            .into_iter()
            .map(|(at, finding)| {
                let warning = Diagnostic::warning(file, finding.message).hint(finding.hint);
                (at, warning)
            })
            .collect()
    })
}

/// What a warning says.
#[derive(Debug)]
pub(super) struct Finding {
    message: String,
    hint: String,
    /// Read in a code block too: mdBook includes code from files there.
    in_code: bool,
}

fn finding(written: &str, what: &str, hint: String) -> Finding {
    Finding {
        message: format!(
            "`{}` is {what}, which alsite does not read: the page shows it as written",
            shortened(written)
        ),
        hint,
        in_code: false,
    }
}

/// `written`, cut to about 60 characters.
fn shortened(written: &str) -> String {
    match written.char_indices().nth(60) {
        Some((at, _)) => format!("{}…", &written[..at]),
        None => written.to_string(),
    }
}

/// Where the code of `body` is: code blocks (where mdBook's `{{#include}}`
/// is read too), and inline code and HTML comments (where nothing is).
struct Code {
    blocks: Vec<Range<usize>>,
    spans: Vec<Range<usize>>,
    /// Where each quote's first text starts: a callout's sign there is drawn.
    quote_starts: Vec<usize>,
}

impl Code {
    fn of(body: &str) -> Code {
        use pulldown_cmark::{Event, Parser, Tag};
        let mut code = Code {
            blocks: Vec::new(),
            spans: Vec::new(),
            quote_starts: Vec::new(),
        };
        let parser = Parser::new_ext(body, crate::render::markdown::options());
        // How far into a quote's start the events are: its start, its paragraph's.
        let mut quote = 0;
        for (event, range) in parser.into_offset_iter() {
            quote = match (&event, quote) {
                (Event::Start(Tag::BlockQuote(_)), _) => 1,
                (Event::Start(Tag::Paragraph), 1) => 2,
                (Event::Text(_), 2) => {
                    code.quote_starts.push(range.start);
                    0
                }
                _ => 0,
            };
            match event {
                Event::Start(Tag::CodeBlock(_)) => code.blocks.push(range),
                // A comment of several lines is one HTML block, read line by line.
                Event::Start(Tag::HtmlBlock)
                    if body[range.clone()].trim_start().starts_with("<!--") =>
                {
                    code.spans.push(range)
                }
                Event::Code(_) => code.spans.push(range),
                Event::Html(h) | Event::InlineHtml(h) if h.trim_start().starts_with("<!--") => {
                    code.spans.push(range)
                }
                _ => {}
            }
        }
        code
    }

    fn in_block(&self, at: usize) -> bool {
        self.blocks.iter().any(|r| r.contains(&at))
    }

    fn in_span(&self, at: usize) -> bool {
        self.spans.iter().any(|r| r.contains(&at))
    }
}

/// Each finding in `body`, with where it starts.
pub(super) fn found_in(body: &str) -> Vec<(usize, Finding)> {
    let code = Code::of(body);
    let mut found = Vec::new();
    let mut start = 0;
    for raw in body.split_inclusive('\n') {
        let line = raw.trim_end_matches(['\n', '\r']);
        let callout = callout(line, |at| code.quote_starts.contains(&(start + at)));
        for (at, f) in callout.into_iter().chain(in_line(line)) {
            let at = start + at;
            if !code.in_span(at) && (f.in_code || !code.in_block(at)) {
                found.push((at, f));
            }
        }
        start += raw.len();
    }
    found
}

/// The findings of one line, with where each starts in it.
fn in_line(line: &str) -> Vec<(usize, Finding)> {
    let mut found = Vec::new();
    if let Some(f) = fenced_div(line) {
        found.push((0, f));
    }
    found.extend(obsidian_marks(line));
    let mut from = 0;
    while let Some(open) = line[from..].find(['{', '[']).map(|o| from + o) {
        from = open + 1;
        let rest = &line[open..];
        let seen = match rest.as_bytes().get(1) {
            Some(b'{') if rest.starts_with('{') => double_brace(rest),
            Some(b'%') if rest.starts_with('{') => template_tag(rest),
            Some(b'[') if rest.starts_with('[') => wiki_link(line, open),
            _ if open > 0 && rest.starts_with('{') => attributes(line, open),
            _ => None,
        };
        if let Some((len, f)) = seen {
            // An embed, `![[photo.png]]`, starts at its `!`.
            let embed = rest.starts_with("[[") && line[..open].ends_with('!');
            found.push((open - usize::from(embed), f));
            from = open + len.max(1);
        }
    }
    found
}

/// `{{…}}`: mdBook's `{{#include …}}`, a Hugo shortcode `{{< … >}}` or
/// `{{% … %}}`, a Zola shortcode `{{ name(…) }}`, or a template's value
/// `{{ site.baseurl }}`; `None` for a closing shortcode or no `}}`.
fn double_brace(rest: &str) -> Option<(usize, Finding)> {
    let close = rest[2..].find("}}")? + 4;
    let written = &rest[..close];
    let inner = &written[2..close - 2];
    if let Some(directive) = inner.strip_prefix('#') {
        return Some((close, mdbook(written, directive)));
    }
    let hugo = inner.len() >= 2
        && ((inner.starts_with('<') && inner.ends_with('>'))
            || (inner.starts_with('%') && inner.ends_with('%')));
    if hugo {
        let inner = inner[1..inner.len() - 1].trim();
        if inner.starts_with('/') && !inner.starts_with("/*") {
            return None;
        }
        return Some((close, shortcode(written, inner, "a Hugo shortcode")));
    }
    let inner = inner.trim().trim_matches('-').trim();
    if inner.is_empty() || inner.starts_with('{') {
        return None;
    }
    let name = word(inner);
    if !name.is_empty() && inner[name.len()..].starts_with('(') {
        return Some((close, shortcode(written, inner, "a Zola shortcode")));
    }
    Some((close, template_value(written, inner)))
}

/// The first word of `text`: letters, digits, `_` and `-`.
fn word(text: &str) -> &str {
    let end = text
        .find(|c: char| !(c.is_alphanumeric() || c == '_' || c == '-'))
        .unwrap_or(text.len());
    &text[..end]
}

/// The first text in quotes in `text`, or the first word after its first.
fn argument(text: &str) -> Option<&str> {
    if let Some(open) = text.find(['"', '\'']) {
        let quote = &text[open..open + 1];
        let inner = &text[open + 1..];
        return inner.find(quote).map(|end| &inner[..end]);
    }
    text.split_whitespace().nth(1)
}

/// The value of `name="…"` in a shortcode.
fn attribute<'a>(text: &'a str, name: &str) -> Option<&'a str> {
    let at = text.find(&format!("{name}=\""))? + name.len() + 2;
    text[at..].find('"').map(|end| &text[at..at + end])
}

/// A link's address written as Markdown needs it: in `<…>` with a space.
fn address(path: &str) -> String {
    match path.contains(' ') {
        true => format!("<{path}>"),
        false => path.to_string(),
    }
}

/// A page named without its file's extension, with it (`about` → `about.md`).
fn md_file(name: &str) -> String {
    let (path, anchor) = name.split_once('#').unwrap_or((name, ""));
    let path = path.trim_end_matches('/');
    let file = match path.rsplit('/').next().unwrap_or(path).contains('.') {
        true => path.to_string(),
        false if path.is_empty() => String::new(),
        false => format!("{path}.md"),
    };
    match anchor {
        "" => file,
        anchor => format!("{file}#{}", crate::render::markdown::slugify(anchor)),
    }
}

/// A Hugo or Zola shortcode, `inner` its name and arguments.
fn shortcode(written: &str, inner: &str, what: &str) -> Finding {
    let name = word(inner.trim_start_matches("/*").trim());
    let hint = match name {
        "figure" | "img" | "image" | "resize_image" => {
            let src = attribute(inner, "src").or_else(|| attribute(inner, "path"));
            let alt = attribute(inner, "alt")
                .or_else(|| attribute(inner, "title"))
                .or_else(|| attribute(inner, "caption"))
                .unwrap_or("what the picture shows");
            format!(
                "write the picture in Markdown, `![{alt}]({})`, and delete the shortcode",
                address(src.unwrap_or("/images/photo.png"))
            )
        }
        "ref" | "relref" => {
            // Hugo's `/about` is from content/, where alsite keeps pages in pages/.
            let page = argument(inner).unwrap_or("page");
            let page = match page.strip_prefix('/') {
                Some(p) if !p.starts_with("pages/") => format!("/pages/{p}"),
                _ => page.to_string(),
            };
            format!(
                "link to the page's Markdown file, from this file's folder: `[words]({})`",
                address(&md_file(&page))
            )
        }
        "youtube" | "vimeo" | "video" => "paste the video's embed code (`<iframe …>`, from the video site's Share button) in its place: HTML passes through".to_string(),
        "highlight" => "write the code between two lines of three backticks, the first naming its language (```` ```go ````)".to_string(),
        _ => format!("write what it stood for in Markdown (a note as a quote, `> **Note:** …`), and delete `{}` and its closing tag", shortened(written)),
    };
    finding(written, what, hint)
}

/// mdBook's `{{#include file}}`, `{{#title …}}` …
fn mdbook(written: &str, directive: &str) -> Finding {
    let name = word(directive);
    let hint = match name {
        "title" => format!(
            "give the page's title in its front matter, `title: {}`, and delete this line",
            directive[name.len()..].trim()
        ),
        _ => {
            let file = directive[name.len()..].trim();
            let file = file.split(':').next().unwrap_or(file);
            format!("alsite does not put one file into another: paste the text of `{file}` here (a Markdown file under content/pages/ is a page of its own; keep one meant only to be included outside content/)")
        }
    };
    Finding {
        in_code: true,
        ..finding(written, "mdBook's `{{#…}}`", hint)
    }
}

/// A Jekyll or Zola value, `{{ site.baseurl }}`, `{{ page.title }}`.
fn template_value(written: &str, inner: &str) -> Finding {
    let hint = if inner.starts_with("/*") {
        "write a comment as `<!-- … -->`, which no reader sees".to_string()
    } else if inner.contains("baseurl") || inner.contains("base_url") {
        "delete it: a link starting with `/` (`/about.html`) works under any sub-path".to_string()
    } else if inner.contains("relative_url") || inner.contains("absolute_url") {
        format!(
            "write the path alone, `{}`: a link starting with `/` works under any sub-path",
            argument(inner).unwrap_or("/images/x.png")
        )
    } else {
        "write the words it stands for: alsite fills in nothing in a page's text".to_string()
    };
    finding(written, "a template's value (Jekyll, Zola)", hint)
}

/// `{% … %}`: a Jekyll tag or a Zola shortcode with a body; `None` for a
/// closing tag or no `%}`.
fn template_tag(rest: &str) -> Option<(usize, Finding)> {
    let close = rest[2..].find("%}")? + 4;
    let written = &rest[..close];
    let inner = written[2..close - 2].trim().trim_matches('-').trim();
    let name = word(inner);
    if name.is_empty() || name.starts_with("end") {
        return None;
    }
    if inner[name.len()..].starts_with('(') {
        return Some((close, shortcode(written, inner, "a Zola shortcode")));
    }
    let hint = match name {
        "include" | "include_relative" => format!(
            "alsite does not put one file into another: paste the text of `{}` here",
            inner[name.len()..]
                .split_whitespace()
                .next()
                .unwrap_or("the file")
                .trim_matches(['"', '\''])
        ),
        "link" | "post_url" => format!(
            "link to the page's Markdown file, from this file's folder: `[words]({})`",
            address(&md_file(argument(inner).unwrap_or("page")))
        ),
        "raw" => "delete `{% raw %}` and `{% endraw %}`; to show a text as written, put it in backticks".to_string(),
        "comment" => "write a comment as `<!-- … -->`, which no reader sees".to_string(),
        "highlight" => "write the code between two lines of three backticks, the first naming its language (```` ```ruby ````)".to_string(),
        _ => "write the text as it should show: alsite fills in nothing in a page's text".to_string(),
    };
    Some((
        close,
        finding(written, "a template tag (Jekyll's Liquid)", hint),
    ))
}

/// `[[page]]`, `[[page|words]]`, `![[photo.png]]`: a wiki link.
fn wiki_link(line: &str, open: usize) -> Option<(usize, Finding)> {
    let rest = &line[open + 2..];
    let close = rest.find("]]")?;
    let inner = &rest[..close];
    // `[[1]](https://…)` is a Markdown link whose words are `[1]`.
    let link = rest[close + 2..].starts_with('(');
    if link || inner.trim().is_empty() || inner.contains(['[', ']']) {
        return None;
    }
    let embed = line[..open].ends_with('!');
    let written = format!("{}[[{inner}]]", if embed { "!" } else { "" });
    let (target, words) = inner.split_once('|').unwrap_or((inner, ""));
    let target = target.trim();
    let file = md_file(target);
    let image = embed && !file.ends_with(".md");
    let hint = if image {
        format!(
            "write a picture as `![what it shows]({})`, its path from this file's folder",
            address(target)
        )
    } else if embed {
        format!("alsite does not show one page inside another: link to it, `[{}]({})`, or paste its text here", target, address(&file))
    } else {
        let words = match words.trim() {
            "" => target.split('#').next().unwrap_or(target),
            w => w,
        };
        format!(
            "write a Markdown link to the file, from this file's folder: `[{words}]({})`",
            address(&file)
        )
    };
    let len = inner.len() + 4;
    Some((len, finding(&written, "a wiki link (Obsidian)", hint)))
}

/// `> [!NOTE]`, `> [!tip]- Title`: a callout's sign, when it is not on
/// a quote's first line (`drawn` tells, from where it starts in `line`),
/// or its kind is a slip for a known one (`[!WARNIGN]`).
fn callout(line: &str, drawn: impl Fn(usize) -> bool) -> Option<(usize, Finding)> {
    use crate::render::markdown::callouts;
    let mut rest = line.trim_start();
    if !rest.starts_with('>') {
        return None;
    }
    while let Some(r) = rest.strip_prefix('>') {
        rest = r.trim_start();
    }
    let Some(marker) = callouts::marker(rest) else {
        return near_miss(line, rest);
    };
    let at = line.len() - rest.len();
    let sign = format!("[!{}]", marker.kind);
    if !drawn(at) {
        let finding = Finding {
            message: format!("`{sign}` draws a callout only on a quote's first line: here the page shows it as written"),
            hint: format!("start a quote of its own with it: leave an empty line (with no `>`) before `> {sign}`; or, to have it inside this quote, write `> > {sign}`"),
            in_code: false,
        };
        return Some((at, finding));
    }
    if callouts::kind(marker.kind).is_some() {
        return None;
    }
    // A short word is more likely a kind of the trainer's own, in their
    // language (`[!NOTA]`, `[!TIPP]`), than a slip.
    let lower = marker.kind.to_lowercase();
    if lower.chars().count() < 5 {
        return None;
    }
    let meant = crate::suggest::closest(&lower, callouts::known_words())?;
    let meant = match marker.kind.chars().any(char::is_lowercase) {
        true => meant.to_string(),
        false => meant.to_uppercase(),
    };
    let finding = Finding {
        message: format!("`{sign}` is no kind of callout, so it is drawn as a note titled with its word"),
        hint: format!("did you mean `[!{meant}]`? The kinds are GitHub's (NOTE, TIP, IMPORTANT, WARNING, CAUTION) and Obsidian's (info, todo, success, question, failure, danger, bug, example, quote, abstract …)"),
        in_code: false,
    };
    Some((at, finding))
}

/// A callout's sign written nearly right, which the page shows as written:
/// `[! WARNING]`, `[!WARNING` (no `]`), `**[!NOTE]**` (bold, as some
/// editors export it). `rest` is the quote's text, from `line`.
fn near_miss(line: &str, rest: &str) -> Option<(usize, Finding)> {
    let unbolded = rest.trim_start_matches(['*', '_']);
    let inner = unbolded.strip_prefix("[!")?;
    let word = inner.trim_start();
    let end = word
        .find(|c: char| !(c.is_alphanumeric() || c == '_' || c == '-'))
        .unwrap_or(word.len());
    let kind = &word[..end];
    let closed = word[end..].starts_with(']');
    if kind.is_empty() || (closed && unbolded.len() == rest.len() && word.len() == inner.len()) {
        return None;
    }
    // The sign as written, with the bold marks around it.
    let sign_end = rest.len() - word.len() + end + usize::from(closed);
    let after = &rest[sign_end..];
    let bold = (unbolded.len() != rest.len())
        .then(|| after.len() - after.trim_start_matches(['*', '_']).len());
    let written = &rest[..sign_end + bold.unwrap_or(0)];
    let finding = Finding {
        message: format!("`{written}` is not a callout's sign, so the page shows it as written"),
        hint: format!("write `> [!{kind}]` at the start of the quote: `!` right before the kind, `]` after it, nothing around them"),
        in_code: false,
    };
    Some((line.len() - rest.len(), finding))
}

/// Obsidian's comment, `%%a private note%%` (which Obsidian hides and a page
/// would show every reader), and its highlight, `==key words==`.
fn obsidian_marks(line: &str) -> Vec<(usize, Finding)> {
    let mut found = Vec::new();
    let mut from = 0;
    while let Some(open) = line[from..].find("%%").map(|o| from + o) {
        let close = line[open + 2..].find("%%").map(|c| open + 2 + c + 2);
        // A comment opens a line (one of several lines, to a closing `%%`)
        // or a word: `50%%` is a slip for `50%`, not a comment.
        let starts_line = line[..open].trim().is_empty();
        let starts_word = line[..open]
            .chars()
            .next_back()
            .is_none_or(|c| !c.is_alphanumeric() && c != '%');
        if !(starts_line || (starts_word && close.is_some())) {
            from = open + 2;
            continue;
        }
        let end = close.unwrap_or(line.len());
        let hint = "write a comment as `<!-- … -->`, which no reader sees".to_string();
        let written = &line[open..end];
        found.push((open, finding(written, "a comment as Obsidian writes it (Obsidian hides it; a page shows it to every reader)", hint)));
        from = end.max(open + 2);
    }
    let mut from = 0;
    while let Some(open) = line[from..].find("==").map(|o| from + o) {
        from = open + 2;
        let before = line[..open].chars().next_back();
        let inner = &line[open + 2..];
        let starts = before.is_none_or(|c| !c.is_alphanumeric() && c != '=')
            && inner.starts_with(|c: char| !c.is_whitespace() && c != '=');
        let Some(close) = inner.find("==").filter(|_| starts) else {
            continue;
        };
        let words = &inner[..close];
        if words.ends_with(char::is_whitespace) {
            continue;
        }
        let hint =
            format!("write `**{words}**` for bold, or `<mark>{words}</mark>` for a highlight");
        found.push((
            open,
            finding(
                &line[open..open + close + 4],
                "a highlight as Obsidian writes it",
                hint,
            ),
        ));
        from = open + close + 4;
    }
    found
}

/// `::: {.note}`, `:::warning`: a fenced div (Pandoc, Docusaurus).
fn fenced_div(line: &str) -> Option<Finding> {
    let rest = line.strip_prefix(":::")?;
    let name = rest.trim_start_matches(':').trim();
    if name.is_empty() {
        return None;
    }
    let hint = "delete the `:::` lines, and write the text between them in plain Markdown (a note as a quote, `> **Note:** …`), or in HTML, `<div class=\"note\">` … `</div>`".to_string();
    Some(finding(line, "a fenced div (Pandoc, Docusaurus)", hint))
}

/// `{width="3in"}` or `{.underline}` right after a picture's or link's `)`
/// or a text's `]`: Pandoc's attributes.
fn attributes(line: &str, open: usize) -> Option<(usize, Finding)> {
    let before = line[..open].chars().next_back()?;
    if before != ')' && before != ']' {
        return None;
    }
    let close = line[open..].find('}')? + open + 1;
    let written = &line[open..close];
    let inner = &written[1..written.len() - 1];
    if !(inner.starts_with(['.', '#']) || inner.contains('=')) {
        return None;
    }
    let hint = if inner.contains("width") || inner.contains("height") {
        "delete it: a picture is never wider than the text; for a size of your own write it in HTML, `<img src=\"…\" alt=\"…\" width=\"300\">`".to_string()
    } else if before == ']' {
        format!("delete `{written}` and the brackets before it; for emphasis write `*words*` or `**words**`")
    } else {
        format!("delete `{written}`")
    };
    Some((
        close - open,
        finding(written, "an attribute list (Pandoc)", hint),
    ))
}

#[cfg(test)]
mod tests;
