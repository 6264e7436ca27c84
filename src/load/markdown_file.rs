//! A Markdown file of the content: its front matter (or, in a file brought
//! from a wiki or mdBook, the title its first heading gives), its body with
//! the line it starts on, and the name its page is written under.

use super::frontmatter;
use super::names::{device, too_long, ENDS_AN_ADDRESS, MAX_NAME_BYTES, NOT_ON_A_USB_STICK};
use super::read_utf8;
use crate::diagnostic::Diagnostic;
use crate::model::Page;
use serde::de::DeserializeOwned;
use std::borrow::Cow;
use std::path::Path;

/// A Markdown file as the loader read it.
pub(super) struct Markdown<T> {
    pub front: T,
    /// The body, for all but free pages (see [`Page::body`]).
    pub body: Option<String>,
    /// A fingerprint of the whole file.
    pub digest: u64,
    /// Whether its text went into the site's texts (see [`Page::text_kept`]).
    pub text_kept: bool,
}

impl super::Loader<'_> {
    /// Reads a Markdown file: front matter of type `T`, the body, and the
    /// file's fingerprint. A free page (`free`) keeps neither its body nor
    /// (unless it gives a heading an id) its text in memory: see `Page::body`.
    pub(super) fn markdown<T: DeserializeOwned>(
        &mut self,
        rel: &Path,
        free: bool,
    ) -> Option<Markdown<T>> {
        let text = read_utf8(self.root, rel)
            .map_err(|d| self.diags.push(d))
            .ok()?;
        if let Some(d) = control_character(rel, &text) {
            self.diags.push(d);
            return None;
        }
        let parts = split_markdown(rel, &text);
        let (front, front_line, body) = parts.map_err(|d| self.diags.push(d)).ok()?;
        let data = self.parse(rel, &front, front_line);
        if let Cow::Borrowed(_) = front {
            let found = super::fields_in_body::fields_in_body::<T>(rel, body.0, body.1);
            self.diags.0.extend(found);
        }
        // A file with a heading for its title and no front matter, where a
        // field is required (a module's `minutes:`): there is no mapping to
        // add it to yet.
        if let (None, std::borrow::Cow::Owned(_)) = (&data, &front) {
            if let Some(d) = self
                .diags
                .0
                .last_mut()
                .filter(|d| d.message.starts_with("missing required field"))
            {
                let field = d.message.split('`').nth(1).unwrap_or("").to_string();
                d.hint = Some(format!("this file has no front matter: start it with a `---` line, `title: …`, `{field}: …` and another `---` line"));
            }
        }
        if free && data.is_none() {
            self.no_hero_in_hint();
        }
        let body = (!free).then(|| body.padded());
        let digest = crate::digest::of(text.as_bytes());
        // A free page's text is kept only when it gives headings ids
        // (`{#id}`), may write a link with a bare space, with no address or
        // by reference, another tool's syntax, an HTML comment left open or
        // a heading without its space, which the checks read.
        let text_kept = !free
            || memchr::memmem::find(text.as_bytes(), b"{#").is_some()
            || crate::check::spaced_links::may_have_spaced_link(&text)
            || crate::check::empty_links::may_have_empty_link(&text)
            || crate::check::reference_links::may_have_reference_link(&text)
            || crate::check::other_tools::may_have_other_syntax(&text)
            || crate::check::left_open::may_be_left_open(&text)
            || crate::check::markdown_slips::may_have_slip(&text);
        if text_kept {
            self.texts.insert(rel.to_path_buf(), text);
        }
        Some(Markdown {
            front: data?,
            body,
            digest,
            text_kept,
        })
    }
}

/// The Markdown body of `page`, read from its file again (a free page's is
/// not kept in memory).
pub fn page_body(root: &Path, page: &Page) -> Result<String, Diagnostic> {
    let text = read_utf8(root, &page.source)?;
    split_markdown(&page.source, &text).map(|(_, _, body)| body.padded())
}

/// The body of a Markdown file and the line it starts on.
pub(super) struct Body<'t>(&'t str, usize);

impl Body<'_> {
    /// The body with blank lines before it, so it keeps the file's line numbers.
    pub(super) fn padded(&self) -> String {
        "\n".repeat(self.1 - 1) + self.0
    }
}

/// Splits Markdown text into its front matter (with the line it starts on)
/// and its body.
fn split_markdown<'t>(
    rel: &Path,
    text: &'t str,
) -> Result<(Cow<'t, str>, usize, Body<'t>), Diagnostic> {
    let parts = frontmatter::split(text).map_err(|frontmatter::Unclosed| unclosed(rel, text))?;
    if let Some(front) = parts.front {
        return Ok((
            front.into(),
            parts.front_line,
            Body(parts.body, parts.body_line),
        ));
    }
    // A page brought from a wiki or mdBook: its title is its first heading,
    // which the page's own title then replaces.
    if let Some((title, line, after, rest)) = frontmatter::heading_title(parts.body) {
        if let Some(at) = front_matter_below(rest) {
            let at = after + at;
            return Err(Diagnostic::error(
                rel,
                format!("front matter on line {at}, below the heading on line {line}: it would show on the page as text"),
            )
            .at(at, 1)
            .hint("move the front matter, from its `---` to its closing `---`, to the very start of the file, above the heading; or delete it, since the heading gives the page its title"));
        }
        let front = format!("title: {}\n", serde_json::Value::String(title));
        return Ok((front.into(), line, Body(rest, after)));
    }
    if let Some((line, message, hint)) = misfenced(text) {
        return Err(Diagnostic::error(rel, message).at(line, 1).hint(hint));
    }
    if let Some(d) = almost_a_title(rel, text) {
        return Err(d);
    }
    let hint =
        "start the file with `---`, a line `title: …`, and `---`, or with a heading `# Title`";
    let message = if text.trim_start_matches('\u{feff}').trim().is_empty() {
        "the file is empty: a page needs at least a title"
    } else {
        "missing front matter"
    };
    Err(Diagnostic::error(rel, message).at(1, 1).hint(hint))
}

/// The error for a page whose first line was meant as its title heading
/// but is not one: `#Our team` (no space after `#`, so not a heading) or
/// `## Our team` (a heading, of the second level).
fn almost_a_title(rel: &Path, text: &str) -> Option<Diagnostic> {
    let (n, line) = text
        .trim_start_matches('\u{feff}')
        .lines()
        .enumerate()
        .find(|(_, l)| !l.trim().is_empty())?;
    let line = line.trim_end();
    let hashes = line.len() - line.trim_start_matches('#').len();
    let words = line[hashes..].trim();
    if hashes == 0 || hashes > 6 || words.is_empty() {
        return None;
    }
    let message = if !line[hashes..].starts_with([' ', '\t']) {
        format!("the first line, `{line}`, is not a heading: Markdown needs a space after the `#`, so the page has no title")
    } else {
        format!("the page starts with a heading of level {hashes} (`{}`): a page's title comes from a first heading with one `#`, or from front matter", &line[..hashes])
    };
    let hint = format!("write `# {words}` to make it the page's title, or start the file with `---`, a line `title: …`, and `---`");
    Some(Diagnostic::error(rel, message).at(n + 1, 1).hint(hint))
}

/// The line (counted from 0 in `body`) of a front matter written below
/// the title heading: a `---` line first (after blank lines), then lines
/// of `key: value`, then `---`.
fn front_matter_below(body: &str) -> Option<usize> {
    let mut lines = body
        .lines()
        .enumerate()
        .skip_while(|(_, l)| l.trim().is_empty());
    let (start, first) = lines.next()?;
    if first.trim_end() != "---" {
        return None;
    }
    // Its lines follow one another with no blank line, the first a field:
    // a rule, a paragraph of `Time: 9:00` lines and another rule, set
    // apart by blank lines, are a page's text.
    let mut fields = 0;
    for (_, l) in lines.take(40) {
        if l.trim_end() == "---" {
            return (fields > 0).then_some(start);
        }
        let key = l.split_once(": ").map(|(k, _)| k).or(l.strip_suffix(':'));
        let is_key = key.is_some_and(|k| {
            !k.is_empty()
                && k.chars()
                    .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '_')
        });
        if is_key {
            fields += 1;
        } else if fields == 0 || l.trim().is_empty() || !reads_as_front_matter(l) {
            return None;
        }
    }
    None
}

/// Front matter with no `---` line to end it: pointed at the line meant to
/// end it when one looks like it (`...`, `----`, `—`, as a word processor
/// makes of `---`), else at the first line.
fn unclosed(rel: &Path, text: &str) -> Diagnostic {
    // No line is `---` (with spaces after it or not): one of dots or
    // dashes alone, or `---` set in, was meant to be; looked for only while
    // the lines read as front matter, not in the page's text below it,
    // where `-----` underlines a heading.
    let meant = text
        .lines()
        .enumerate()
        .skip(1)
        .take_while(|(_, l)| reads_as_front_matter(l) || looks_like_closing(l))
        .find(|(_, l)| looks_like_closing(l));
    let hint = "end the front matter with a line containing only `---`";
    let Some((index, line)) = meant else {
        return Diagnostic::error(rel, "front matter is not closed")
            .at(1, 1)
            .hint(hint);
    };
    let (number, written) = (index + 1, line.trim());
    let message = match written {
        "---" => format!("front matter is not closed: the `---` on line {number} does not start its line"),
        _ => format!("front matter is not closed: line {number}, `{written}`, is not the `---` line that ends it"),
    };
    let column = 1 + line.chars().take_while(|c| c.is_whitespace()).count();
    Diagnostic::error(rel, message)
        .at(number, column)
        .hint(format!(
            "{hint}: three hyphens at the start of the line, nothing else"
        ))
}

/// Whether `line` looks like a line meant to end front matter: dots or
/// dashes alone.
fn looks_like_closing(line: &str) -> bool {
    let l = line.trim();
    l.len() >= 2 && l.chars().all(|c| matches!(c, '.' | '-' | '—' | '–' | ' '))
}

/// Whether `line` may be a line of YAML front matter: blank, set in, a
/// comment, a list item or a `key: value`; a sentence of the page's text
/// is none of these.
fn reads_as_front_matter(line: &str) -> bool {
    line.trim().is_empty() || line.starts_with([' ', '\t', '#', '-']) || line.contains(':')
}

/// A front matter that is there but not where or how YAML front matter is
/// written: its `---` below blank lines, a Hugo TOML block between `+++`
/// lines, a longer line of dashes, or `title:` with no `---` above it. The
/// line of the file to point at, the message and the hint.
fn misfenced(text: &str) -> Option<(usize, String, String)> {
    let text = text.trim_start_matches('\u{feff}');
    let (index, first) = text
        .lines()
        .enumerate()
        .find(|(_, l)| !l.trim().is_empty())?;
    let (line, first) = (index + 1, first.trim());
    if first == "---" && index == 0 {
        return Some((
            line,
            "the front matter's `---` has spaces before it, so it opens no front matter".into(),
            "write `---` at the very start of the first line".into(),
        ));
    }
    if first == "---" {
        return Some((
            line,
            format!(
                "the front matter's `---` is on line {line}, but it must be the file's first line"
            ),
            "delete the empty lines above `---`".into(),
        ));
    }
    if first == "+++" {
        return Some((
            line,
            "front matter between `+++` lines (TOML, as Hugo writes it) is not read".into(),
            "write it as YAML between `---` lines: `title = \"About\"` becomes `title: About`"
                .into(),
        ));
    }
    if first.len() > 3 && first.bytes().all(|b| b == b'-') || first == "--" {
        return Some((
            line,
            format!(
                "the front matter opens with a line of {} dashes; it takes exactly three",
                first.len()
            ),
            "write the first line as `---`, and end the front matter with `---` too".into(),
        ));
    }
    // A word processor or a phone makes a long dash of `---` (or of `--`).
    if first.chars().all(|c| matches!(c, '-' | '–' | '—')) && first.contains(['–', '—']) {
        return Some((
            line,
            format!("the front matter opens with `{first}`, a long dash, as a word processor or a phone types `---`; it takes three plain dashes"),
            "write the first line as `---` (three hyphens), and end the front matter with `---` too; turn off the editor's smart dashes, or use a plain-text editor".into(),
        ));
    }
    let key = first.split_once(':').map_or("", |(k, _)| k);
    let field = !key.is_empty()
        && key
            .chars()
            .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '_')
        && first[key.len() + 1..]
            .chars()
            .next()
            .is_none_or(|c| c == ' ');
    field.then(|| {
        (
            line,
            format!("`{key}:` starts the file, but no `---` line opens the front matter above it"),
            format!(
                "add a line `---` above `{key}:`, and another after the front matter's last field"
            ),
        )
    })
}

/// The output name of a free page's file: its stem, except that a folder's
/// `index.md`, `_index.md` (Hugo) or `README.md` (GitHub, mdBook) is the
/// folder's own page, `index.html`.
pub(super) fn page_stem(name: &str, folder: &str) -> String {
    let stem = file_stem(Path::new(name));
    let folder_page = stem == "_index" || stem.eq_ignore_ascii_case("readme");
    if folder_page && !folder.is_empty() {
        return "index".into();
    }
    stem
}

/// A file's name without its extension.
pub(super) fn file_stem(path: &Path) -> String {
    path.file_stem()
        .map(|s| s.to_string_lossy().into_owned())
        .unwrap_or_default()
}

/// What keeps `slug` from being a page's file name, in words. Letters are
/// letters in every language, and most signs are fine (`Q&A`, `100% gotowe`,
/// `notatki (1)`: links to them are percent-encoded); not a dot (it comes
/// only before a language code), a folder separator, a sign that ends a web
/// address's path, or one Windows and USB sticks refuse in a file name, and
/// not a name Windows keeps for a device (`con`).
pub(super) fn slug_problem(slug: &str) -> Option<String> {
    if slug.trim().is_empty() {
        return Some("it is empty".into());
    }
    if slug.trim().len() != slug.len() {
        return Some("it starts or ends with a space".into());
    }
    // A folder separator first: `../x` is about folders, not the dots.
    let bad = slug
        .chars()
        .find(|&c| c == '/' || c == '\\')
        .or_else(|| slug.chars().find(|&c| c == '.' || invisible(c)))
        .or_else(|| slug.chars().find(|c| ENDS_AN_ADDRESS.contains(c)))
        .or_else(|| slug.chars().find(|c| NOT_ON_A_USB_STICK.contains(c)));
    let Some(bad) = bad else {
        if let Some(bytes) = too_long(slug) {
            return Some(format!("it is too long: with `.html` it takes {bytes} bytes, and Linux (most web servers) and macOS allow {MAX_NAME_BYTES} in a file name"));
        }
        return device(slug).map(|d| format!("it is `{d}`, which Windows keeps for a device (in any capitals), so the built site could not be copied there"));
    };
    Some(match bad {
        '.' => "it has a dot (`.`)".to_string(),
        '/' | '\\' => format!("it has `{bad}`, which separates folders"),
        c if invisible(c) => format!("it has an invisible character (U+{:04X})", c as u32),
        c if ENDS_AN_ADDRESS.contains(&c) => {
            format!("it has `{c}`, which ends a web address's path")
        }
        c => format!("it has `{c}`, which Windows and most USB sticks do not allow in a file name"),
    })
}

/// Where the `slug:` value is in a Markdown file's `text`, as (line,
/// column), if it has one: an error about the page's name points there.
pub fn slug_place(text: &str) -> Option<(usize, usize)> {
    text.lines().enumerate().find_map(|(i, line)| {
        let value = line.strip_prefix("slug:")?;
        let spaces = value.len() - value.trim_start_matches([' ', '\t']).len();
        Some((i + 1, "slug:".len() + spaces + 1))
    })
}

/// What to do about a page name's [`slug_problem`]: rename the file
/// (`from_file`) or change the `slug:`.
pub(super) fn slug_hint(slug: &str, from_file: bool) -> &'static str {
    if too_long(slug).is_some() {
        return "shorten it: a few words are enough (a letter with an accent takes two bytes, most other letters one)";
    }
    if from_file {
        "rename the file: letters in any language, digits, spaces and signs such as `-`, `_`, `&` and brackets are fine; a dot only comes before a language code (`about.pl.md`)"
    } else {
        "use letters (in any language), digits, spaces and signs such as `-`, `_` and `&`; no dot, `/`, `#` or `?`, and not a name Windows keeps for a device: CON, PRN, AUX, NUL, COM1 to COM9, LPT1 to LPT9"
    }
}

/// A character that shows as nothing: a control character, or a zero-width
/// or direction mark pasted in with a name.
fn invisible(c: char) -> bool {
    c.is_control()
        || matches!(c, '\u{ad}' | '\u{200b}'..='\u{200f}' | '\u{202a}'..='\u{202e}' | '\u{2060}'..='\u{2064}' | '\u{feff}')
}

/// An error at the first control character in a Markdown file (other than
/// a tab or a line ending), which a page would show as nothing or as a box:
/// pasted from a PDF (a page break) or from Word (a line break inside a
/// paragraph). In the front matter as in the body.
fn control_character(rel: &Path, text: &str) -> Option<Diagnostic> {
    let bytes = text.as_bytes();
    // C0 controls and DEL are single bytes; C1 controls (U+0080–U+009F) are
    // 0xC2 followed by 0x80–0x9F. Nearly every file has none: a first pass
    // without an early exit, which the compiler runs many bytes at a time,
    // rules them out at a fraction of the cost of finding one.
    let suspect = |b: u8| {
        u8::from(b < 0x20) & u8::from(b != b'\t') & u8::from(b != b'\n') & u8::from(b != b'\r')
            | u8::from(b == 0x7f)
            | u8::from(b == 0xc2)
    };
    if bytes.iter().fold(0, |seen, &b| seen | suspect(b)) == 0 {
        return None;
    }
    let at = bytes.iter().enumerate().position(|(i, &b)| {
        (b < 0x20 && !matches!(b, b'\t' | b'\n' | b'\r'))
            || b == 0x7f
            || (b == 0xc2 && bytes.get(i + 1).is_some_and(|n| (0x80..=0x9f).contains(n)))
    })?;
    let c = text[at..].chars().next()?;
    Some(super::yaml::invisible_character(rel, c).at_offset(text, at))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_front_matter_out_of_place_is_named_at_its_line() {
        let line = |t: &str| misfenced(t).map(|m| m.0);
        assert_eq!(line("\n \n---\ntitle: A\n---\n"), Some(3));
        // Indented on the first line: no empty lines to delete.
        let indented = misfenced("  ---\ntitle: A\n---\n").unwrap_or_default();
        assert_eq!(indented.0, 1);
        assert!(indented.1.contains("spaces before it"), "{}", indented.1);
        assert_eq!(line("\u{feff}+++\ntitle = \"A\"\n+++\n"), Some(1));
        assert_eq!(line("-----\ntitle: A\n---\n"), Some(1));
        assert_eq!(line("title: A\n---\n"), Some(1));
        // Text that only looks a little like a field is the page's text.
        assert_eq!(line("Note: read this first.\n"), None);
        assert_eq!(line("http://example.com\n"), None);
        assert_eq!(line("Some text.\n"), None);
    }

    #[test]
    fn front_matter_below_the_heading_is_told_from_rules_around_text() {
        assert_eq!(
            front_matter_below("\n---\ntitle: A\nslug: a\n---\n\nText.\n"),
            Some(1)
        );
        // A rule, a paragraph and a rule, apart: the page's text.
        let agenda = "\n---\n\nTime: 9:00 to 17:00\nPlace: Room 2\n\n---\n\nCoffee.\n";
        assert_eq!(front_matter_below(agenda), None);
        assert_eq!(front_matter_below("\n---\ntime: 9:00\n\n---\n"), None);
    }

    /// Every control character but a tab and line endings is found, at its
    /// place, wherever it is in a long file; letters past ASCII, a no-break
    /// space and typographic signs are not control characters.
    #[test]
    fn control_characters_are_found_and_only_they() {
        let fine = "Zażółć gęślą jaźń\u{a0}«tak» — „cytat” ©\tok\r\n".repeat(40);
        assert!(control_character(Path::new("a.md"), &fine).is_none());
        for c in [
            '\u{0}', '\u{7}', '\u{c}', '\u{1b}', '\u{7f}', '\u{85}', '\u{9f}',
        ] {
            let text = format!("{fine}ab{c}cd{fine}");
            let d = control_character(Path::new("a.md"), &text).expect("found");
            let shown = d.to_string();
            assert!(shown.contains(&format!("U+{:04X}", c as u32)), "{shown}");
            assert!(shown.contains(":41:3:"), "{shown}");
        }
    }
}
