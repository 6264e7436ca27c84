//! Where a broken link was written: the page's Markdown or YAML, then
//! site.yaml (navigation), then the page's template; and the link as the
//! author wrote it there, which may differ from the built page's
//! (`/x.html` becomes `../x.html`; `intro.md` becomes `intro.html`).

use super::links::{PageLinks, Sources};
use crate::diagnostic::{Diagnostic, Lines};
use crate::theme::Theme;
use std::path::{Path, PathBuf};

/// A diagnostic at the place that wrote the link: the page's source, then
/// site.yaml (navigation), then the page's template; the first that contains it.
pub(super) fn place(
    page: &PageLinks,
    url: &str,
    target: &str,
    fragment: Option<&str>,
    candidates: &[Candidate],
) -> Placed {
    let with_fragment = |p: &str| fragment.map_or_else(|| p.to_string(), |f| format!("{p}#{f}"));
    // Root links (`/x.html`) are rewritten when rendered, so look for the
    // form the author wrote first.
    let mut needles = vec![
        format!("/{}", with_fragment(target)),
        url.to_string(),
        with_fragment(target),
    ];
    // A link as the page encodes it, written with signs a web address
    // encodes (`C:\\Users\\…`, built `C:%5CUsers%5C…`).
    let decoded = crate::render::url::percent_decode(url);
    // In YAML's double quotes a backslash is written twice.
    if decoded.contains('\\') {
        needles.push(decoded.replace('\\', "\\\\"));
    }
    if decoded != url {
        // Written as the reader sees it (`źródła.md#x`, `<o nas.md>`).
        let end = decoded.find(['#', '?']).unwrap_or(decoded.len());
        if let Some(stem) = decoded[..end].strip_suffix(".html") {
            needles.push(format!("{stem}.md{}", &decoded[end..]));
        }
        needles.push(decoded);
    }
    // Written from the site root, encoded (`/o%20nas.html#x`).
    if !url.starts_with(['/', '.', '#']) && !url.contains("://") {
        needles.push(format!("/{url}"));
    }
    // A root link to a folder (`/kurs/`, built as `kurs/index.html`).
    if let Some(folder) = target
        .strip_suffix("index.html")
        .filter(|f| f.ends_with('/'))
    {
        needles.push(format!("/{}", with_fragment(folder)));
    }
    // A link to a folder written from the page (`kurs/`, `../`, `..`),
    // built as its index page (`kurs/index.html`).
    let path_end = url.find(['#', '?']).unwrap_or(url.len());
    let (path, rest) = url.split_at(path_end);
    if let Some(folder) = path.strip_suffix("index.html").filter(|f| f.ends_with('/')) {
        needles.push(format!("{folder}{rest}"));
        if folder.ends_with("./") {
            needles.push(format!("{}{rest}", folder.trim_end_matches('/')));
        }
    }
    // In a translation (`about.en.md`, built as `en/about.html`) a root link
    // stays in its language: `/x.html` was written for `en/x.html`.
    if let Some(in_language) = translation_folder(page).and_then(|l| target.strip_prefix(l)) {
        needles.insert(1, format!("/{}", with_fragment(in_language)));
    }
    // A link to a page written to its Markdown file (`../intro.md#part`,
    // rendered `../intro.html#part`).
    if let Some(stem) = url[..path_end].strip_suffix(".html") {
        needles.push(format!("{stem}.md{}", &url[path_end..]));
    }
    // A link to an anchor on the same page, as written (`#jak-się-umówić`).
    needles.extend(
        fragment
            .filter(|_| url.starts_with('#'))
            .map(|f| format!("#{f}")),
    );
    for c in candidates {
        for needle in &needles {
            if let Some((offset, written)) = find_link(c.lines.text(), needle) {
                let (line, column) = c.lines.line_col(offset);
                let d = Diagnostic::error(&c.file, "").at(line, column);
                let words = link_words(c.lines.text(), offset);
                return Placed(d, true, Some(written.to_string()), words);
            }
        }
    }
    // A link written from the Markdown file's own folder: found in that
    // file by its last part, and taken when it leads to `target` from
    // there; named whole as written.
    let last = target.rsplit('/').next().unwrap_or(target);
    let tail = format!("/{}", with_fragment(last));
    // Or to the page's own file from anywhere (`/pages/about.md#team` for
    // `about.html#team`): found by its file's name.
    let stem = last.strip_suffix(".html");
    let source_tails: Vec<String> = crate::load::TEXT_EXTENSIONS
        .iter()
        .filter_map(|ext| stem.map(|s| format!("/{}", with_fragment(&format!("{s}.{ext}")))))
        .collect();
    let own = candidates.iter().filter(|c| c.own);
    for c in own {
        let Ok(in_content) = c.file.strip_prefix("content") else {
            continue;
        };
        let from = in_content.to_string_lossy().replace('\\', "/");
        let text = c.lines.text();
        let found = links_ending(text, &tail)
            .find(|(_, written)| {
                crate::render::url::resolve(&from, written).is_some_and(|(t, _)| t == target)
            })
            .or_else(|| {
                let mut written = source_tails.iter().flat_map(|t| links_ending(text, t));
                written.find(|(_, w)| source_page(&from, w).as_deref() == Some(target))
            });
        if let Some((offset, written)) = found {
            let (line, column) = c.lines.line_col(offset);
            let d = Diagnostic::error(&c.file, "").at(line, column);
            return Placed(d, true, Some(written.to_string()), link_words(text, offset));
        }
    }
    let file = page
        .source
        .clone()
        .unwrap_or_else(|| PathBuf::from(&page.path));
    Placed(Diagnostic::error(file, "").at(1, 1), false, None, None)
}

/// The words of the Markdown link whose address starts at `offset` of
/// `text` (`Dwie zasady` of `[Dwie zasady](/zasady.html)`), on one line.
fn link_words(text: &str, offset: usize) -> Option<String> {
    let before = &text[..offset];
    let before = before.strip_suffix('<').unwrap_or(before);
    let before = before.strip_suffix("](")?;
    let open = before.rfind(['[', '\n'])?;
    let words = before[open..].strip_prefix('[')?;
    let words = words.split_whitespace().collect::<Vec<_>>().join(" ");
    (!words.is_empty()).then_some(words)
}

/// The page a link to a source file (`/pages/kurs/about.md`, `../x.yaml`),
/// written in the file at `from` (its path under `content/`), is made into:
/// its path from `content/` with `.html` for its extension, a free page's
/// `pages/` left off.
fn source_page(from: &str, written: &str) -> Option<String> {
    let (path, _) = crate::render::url::resolve(from, written)?;
    let (stem, _) = path.rsplit_once('.')?;
    let stem = stem.strip_prefix("pages/").unwrap_or(stem);
    Some(format!("{stem}.html"))
}

/// `en/` for a page built from a translation (`content/pages/about.en.md`
/// → `en/about.html`): the folder its language's root links lead into.
pub(super) fn translation_folder(page: &PageLinks) -> Option<&str> {
    let slash = page.path.find('/')?;
    let code = &page.path[..slash];
    let name = page.source.as_ref()?.file_name()?.to_str()?;
    name.contains(&format!(".{code}."))
        .then(|| &page.path[..=slash])
}

/// A byte that may be part of a link's path as written.
fn path_byte(b: u8) -> bool {
    b.is_ascii_alphanumeric() || b"./-_%~".contains(&b) || b >= 0x80
}

/// Where `needle` starts a link in `text`, and the link as written there:
/// not inside a longer path (`/images/x.png` is not the link
/// `../../images/x.png`, `/offers` is not the start of `/offers.html`), nor
/// an e-mail address's domain (`northbridge.example` in
/// `hello@northbridge.example`). The check looks past a query, so the link
/// may have one before its anchor (`about.html?tab=2#team` for
/// `about.html#team`).
fn find_link<'t>(text: &'t str, needle: &str) -> Option<(usize, &'t str)> {
    let bytes = text.as_bytes();
    let starts = |i: &usize| *i == 0 || !(path_byte(bytes[*i - 1]) || bytes[*i - 1] == b'@');
    // A link ends where the path does, or at a sentence's full stop after
    // it (`see /about.html.`): a `.` with no path after it.
    let ends = |at: usize| match bytes.get(at) {
        None => true,
        Some(b'.') => !bytes.get(at + 1).is_some_and(|&b| path_byte(b)),
        Some(&b) => !(path_byte(b) || (b == b'#' && !needle.contains('#'))),
    };
    let whole = |i: &usize| starts(i) && ends(*i + needle.len());
    // Where a link is written (`link: x`, `](x`, `href="x`) before where the
    // same words are not a link: a button's label that is also its link.
    let linked = |i: &usize| {
        let before = text[..*i].trim_end_matches([' ', '"', '\'', '<']);
        ["link:", "](", "(", "href=", "src="]
            .iter()
            .any(|mark| before.ends_with(mark))
    };
    let found: Vec<usize> = text
        .match_indices(needle)
        .map(|(i, _)| i)
        .filter(whole)
        .collect();
    // Where it is a link before where it is shown as code (`` `[x](/a.html)` ``)
    // or hidden in a comment: those are not what the reader follows.
    let shown = |i: &&usize| !in_code_or_comment(text, **i);
    let best = found.iter().filter(shown).find(|i| linked(i));
    if let Some(&i) = best.or(found.iter().find(shown)).or(found.first()) {
        return Some((i, &text[i..i + needle.len()]));
    }
    let (path, fragment) = match needle.find('#') {
        Some(f) => needle.split_at(f),
        None => (needle, ""),
    };
    let query_end = |rest: &str| {
        rest.find(|c: char| c == '#' || c.is_whitespace() || "()<>\"'[]".contains(c))
            .unwrap_or(rest.len())
    };
    text.match_indices(path)
        .map(|(i, _)| i)
        .filter(|i| !path.is_empty() && starts(i))
        .find_map(|i| {
            let rest = text[i + path.len()..].strip_prefix('?')?;
            let end = i + path.len() + 1 + query_end(rest);
            let after = &text[end..];
            let whole = after.starts_with(fragment)
                && !after[fragment.len()..]
                    .starts_with(|c: char| c.is_ascii() && path_byte(c as u8));
            whole.then(|| (i, &text[i..end + fragment.len()]))
        })
}

/// Whether byte `i` of the Markdown `text` is inside code (a code span on
/// its line, a fenced code block) or an HTML comment, where a link is text.
fn in_code_or_comment(text: &str, i: usize) -> bool {
    let before = &text[..i];
    let line_start = before.rfind('\n').map_or(0, |n| n + 1);
    // A backtick opens a code span only where another closes it on the
    // line (`Don`t` is an apostrophe).
    let line_end = text[i..].find('\n').map_or(text.len(), |n| i + n);
    let in_span =
        before[line_start..].matches('`').count() % 2 == 1 && text[i..line_end].contains('`');
    let fences = before
        .lines()
        .filter(|l| {
            let l = l.trim_start();
            l.starts_with("```") || l.starts_with("~~~")
        })
        .count();
    let in_comment = before
        .rfind("<!--")
        .is_some_and(|open| before[open..].find("-->").is_none());
    in_span || fences % 2 == 1 || in_comment
}

/// The links in `text` that end with `tail` (`/x.png`), and where each
/// starts.
fn links_ending<'t>(text: &'t str, tail: &'t str) -> impl Iterator<Item = (usize, &'t str)> {
    let bytes = text.as_bytes();
    text.match_indices(tail).filter_map(move |(i, _)| {
        let end = i + tail.len();
        if bytes.get(end).is_some_and(|&b| path_byte(b) || b == b'#') {
            return None;
        }
        let start = bytes[..i]
            .iter()
            .rposition(|&b| !path_byte(b))
            .map_or(0, |p| p + 1);
        Some((start, &text[start..end]))
    })
}

/// The files that may have written a page's links, in the order they are
/// searched: the page's source and the parts it brings in (a workshop's
/// modules), site.yaml (navigation), the page's template.
pub(super) fn candidates(page: &PageLinks, sources: Sources, theme: &Theme) -> Vec<Candidate> {
    let mut candidates = Vec::new();
    if let Some(src) = &page.source {
        let own = std::iter::once(src.clone()).chain((sources.parts)(src));
        for file in own {
            if let Some(t) = (sources.texts)(&file) {
                candidates.push(Candidate::new(file, t, true));
            }
        }
    }
    if let Some(t) = (sources.texts)(Path::new("site.yaml")) {
        candidates.push(Candidate::new("site.yaml".into(), t, false));
    }
    if let Some(name) = page.template {
        if let Some(t) = theme.template(name) {
            candidates.push(Candidate::new(theme.template_path(name), t, false));
        }
    }
    candidates
}

/// A file that may have written a link, with where its lines start.
pub(super) struct Candidate {
    file: PathBuf,
    lines: Lines,
    /// The page's own source, or a part of it: a link written from its
    /// folder is looked for in it too.
    own: bool,
}

impl Candidate {
    fn new(file: PathBuf, text: String, own: bool) -> Candidate {
        Candidate {
            file,
            lines: Lines::new(text),
            own,
        }
    }
}

/// A diagnostic without its message yet, whether the line that wrote
/// the link was found, and the link as written there.
pub(super) struct Placed(
    Diagnostic,
    pub(super) bool,
    pub(super) Option<String>,
    /// The link's words, where it is written in Markdown.
    pub(super) Option<String>,
);

impl Placed {
    /// Whether the link was found in the Markdown text of a page (below its
    /// front matter), which the check of Markdown links reads itself.
    pub(super) fn in_markdown_body(&self, candidates: &[Candidate]) -> bool {
        let md = self
            .0
            .file
            .extension()
            .is_some_and(|e| e.eq_ignore_ascii_case("md"));
        let found = candidates.iter().find(|c| c.file == self.0.file);
        md && found.is_some_and(|c| {
            crate::load::frontmatter::split(c.lines.text())
                .is_ok_and(|s| self.0.line >= s.body_line)
        })
    }

    /// For a relative link found in a Markdown file under `content/`
    /// (`media/plan.png` in `content/pages/kurs/word.md`), the path beside
    /// that file it names (`content/pages/kurs/media/plan.png`): where a
    /// missing file is most likely meant to be.
    pub(super) fn beside_file(&self) -> Option<String> {
        let written = self.2.as_deref()?;
        let relative = !written.starts_with(['/', '#']) && !crate::render::url::has_scheme(written);
        let ext = self.0.file.extension()?.to_str()?.to_ascii_lowercase();
        let from = self.0.file.strip_prefix("content").ok()?;
        if !relative || !matches!(ext.as_str(), "md" | "markdown") {
            return None;
        }
        let from = from.to_string_lossy().replace('\\', "/");
        let (path, _) = crate::render::url::resolve(&from, written)?;
        let path = crate::render::url::percent_decode(path.split('?').next().unwrap_or(&path));
        (!path.starts_with("../")).then(|| format!("content/{path}"))
    }

    /// The diagnostic with `message`, which names the link as rendered
    /// (`../../rules.html`): named instead as the author wrote it
    /// (`/rules.html`), when that is how it was found.
    pub(super) fn message(mut self, message: String, url: &str) -> Diagnostic {
        self.0.message = match self.2 {
            Some(written) if written != url => {
                message.replacen(&format!("link `{url}`"), &format!("link `{written}`"), 1)
            }
            _ => message,
        };
        self.0
    }
}

#[cfg(test)]
mod tests {
    use super::find_link;

    #[test]
    fn a_link_is_found_whole_and_not_in_an_address() {
        let text = "[Book](/offers.html#demo)\nbutton: /offers\n";
        assert_eq!(find_link(text, "/offers").map(|f| f.0), Some(34));
        let text = "[mail](mailto:hi@northbridge.example)\nwebsite: northbridge.example\n";
        assert_eq!(
            find_link(text, "northbridge.example").map(|f| f.0),
            Some(47)
        );
        assert_eq!(
            find_link("a.html?tab=2#team", "a.html#team").map(|f| f.1),
            Some("a.html?tab=2#team")
        );
        // At the end of a sentence, before its full stop.
        let text = "Read /about.html.en first, then /about.html.\n";
        assert_eq!(find_link(text, "/about.html").map(|f| f.0), Some(32));
    }
}
