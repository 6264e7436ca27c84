//! "Did you mean …?" for a link to a file the site does not have. Worked
//! out once for each missing target (a broken link in the footer is on every
//! page), from an index of the site's files by folded name and by folder
//! made at the first broken link: a site's broken links cost what its good
//! ones do, however many pages it has.

use super::links::PageLinks;
use super::LinkIndex;
use crate::search::tokenize::fold;
use std::collections::HashMap;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Mutex, OnceLock};

/// Typo searches in one check at most: a site with thousands of different
/// broken links gets its first ones' suggestions, not minutes of searching.
const TYPO_SEARCHES: usize = 200;

pub struct FileHints<'a> {
    /// The site's files.
    site: &'a LinkIndex,
    index: OnceLock<Folded<'a>>,
    done: Mutex<HashMap<String, String>>,
    searches: AtomicUsize,
}

struct Folded<'a> {
    /// Each file by its path in small letters without accents.
    by_name: HashMap<String, &'a str>,
    by_folder: HashMap<&'a str, Vec<&'a str>>,
    /// Each file by its name alone, folded: the files of that name.
    by_file_name: HashMap<String, Vec<&'a str>>,
}

fn folder(path: &str) -> &str {
    path.rfind('/').map_or("", |i| &path[..i])
}

impl<'a> FileHints<'a> {
    pub fn new(site: &'a LinkIndex) -> FileHints<'a> {
        FileHints {
            site,
            index: OnceLock::new(),
            done: Mutex::default(),
            searches: AtomicUsize::new(0),
        }
    }

    /// As [`FileHints::hint`], for a link `written` so in its page's
    /// source: a Markdown or YAML file named near a page's file is told that
    /// file, in the link's own form (`../about.md` for `../abut.md`).
    pub fn hint_for(&self, target: &str, written: &str) -> String {
        let Some((stem, _)) = source_file(target) else {
            return self.hint(target);
        };
        // A free page's file is in `pages/` (from the home page's file,
        // `content/index.md`), its page not.
        let in_pages = stem.strip_prefix("pages/");
        let page = [Some(stem), in_pages]
            .into_iter()
            .flatten()
            .find_map(|s| self.nearest(&format!("{s}.html")));
        let Some(page) = page else {
            return String::new();
        };
        let name = page.rsplit('/').next().unwrap_or(page);
        let name = name.strip_suffix(".html").unwrap_or(name);
        let (path, rest) = written.split_at(written.find(['#', '?']).unwrap_or(written.len()));
        let (folder, file) = path.rsplit_once('/').unwrap_or(("", path));
        let ext = file.rsplit_once('.').map_or("", |(_, e)| e);
        let slash = if path.contains('/') { "/" } else { "" };
        format!("did you mean `{folder}{slash}{name}.{ext}{rest}`? ")
    }

    /// "did you mean `x`? " for a file of the site in the folder of
    /// `target`, which the site does not have, or nothing.
    pub fn hint(&self, target: &str) -> String {
        let done = || self.done.lock().unwrap_or_else(|e| e.into_inner());
        if let Some(hint) = done().get(target) {
            return hint.clone();
        }
        let hint = self.work_out(target);
        done().insert(target.to_string(), hint.clone());
        hint
    }

    fn work_out(&self, target: &str) -> String {
        if let Some(hint) = self.written_another_way(target) {
            return hint;
        }
        match self.nearest(target) {
            Some(file) => format!("did you mean `{file}`? "),
            None => String::new(),
        }
    }

    fn folded(&self) -> &Folded<'a> {
        self.index.get_or_init(|| {
            let mut by_folder: HashMap<&str, Vec<&str>> = HashMap::new();
            let mut by_file_name: HashMap<String, Vec<&str>> = HashMap::new();
            for f in self.site.files() {
                by_folder.entry(folder(f)).or_default().push(f);
                let name = f.rsplit('/').next().unwrap_or(f);
                by_file_name.entry(fold(name)).or_default().push(f);
            }
            let by_name = self.site.files().map(|f| (fold(f), f));
            Folded {
                by_name: by_name.collect(),
                by_folder,
                by_file_name,
            }
        })
    }

    /// The site's file that `target` is a slip for: the same name in other
    /// capitals or accents, else one a letter or two off in its folder.
    fn nearest(&self, target: &str) -> Option<&'a str> {
        let index = self.folded();
        match index.by_name.get(&fold(target)) {
            Some(&file) if file != target => return Some(file),
            _ => {}
        }
        match index.by_folder.get(folder(target)) {
            Some(near) if self.searches.fetch_add(1, Ordering::Relaxed) < TYPO_SEARCHES => {
                crate::suggest::closest(target, near.iter().copied())
            }
            _ => None,
        }
    }
}

impl FileHints<'_> {
    /// "did you mean …? " for a link to a page the site does not have whose
    /// `words` are the title of one page of the site in `page`'s language
    /// (`[Dwie zasady podstawowe](/zasady.html)`), written from its root;
    /// or nothing. Never `page` itself.
    pub fn by_title(
        &self,
        target: &str,
        page: &PageLinks,
        words: Option<&str>,
        titled: super::links::PageTitled,
    ) -> String {
        let (Some(words), true) = (words, target.ends_with(".html")) else {
            return String::new();
        };
        let language = super::placing::translation_folder(page).unwrap_or("");
        let found = titled(words).map(|p| match p.starts_with(language) {
            true => p,
            false => format!("{language}{p}"),
        });
        match found.filter(|p| *p != page.path && self.site.has(p)) {
            Some(path) => format!(
                "the link's words, `{words}`, are the title of `{path}`: did you mean `/{}`? ",
                path.strip_prefix(language).unwrap_or(&path)
            ),
            None => String::new(),
        }
    }

    /// "did you mean …? " for a link to a page the site does not have whose
    /// file name one page of the site has, elsewhere, in `page`'s language
    /// (`/asking-questions.html`, a workshop's module), written from its
    /// root; or nothing. Never `page` itself.
    pub fn by_name(&self, target: &str, page: &PageLinks) -> String {
        if !target.ends_with(".html") {
            return String::new();
        }
        let language = super::placing::translation_folder(page).unwrap_or("");
        // A name only one page has: `index.html`, `handout.html` are many.
        let name = fold(target.rsplit('/').next().unwrap_or(target));
        let same_name = self.folded().by_file_name.get(&name).into_iter().flatten();
        // In the page's language: a page of the default language does not
        // lead into another's folder (`en/…`).
        let in_language = |f: &&&str| match language {
            "" => !f
                .split_once('/')
                .is_some_and(|(top, _)| crate::load::language_codes::is_language_tag(top)),
            _ => f.starts_with(language),
        };
        let mut same_name = same_name.filter(in_language);
        match (same_name.next(), same_name.next()) {
            (Some(found), None) if *found != page.path => {
                format!(
                    "did you mean `/{}`? ",
                    found.strip_prefix(language).unwrap_or(found)
                )
            }
            _ => String::new(),
        }
    }
}

/// A "did you mean …? " `hint` as the link on `page`, `written` so, needs
/// it: a root link on a translation's page stays in its language
/// (`/cennik.html`, not `en/cennik.html`); the page itself is no answer.
pub(super) fn in_page_terms(hint: String, page: &PageLinks, written: &str) -> String {
    let own = [format!("`{}`", page.path), format!("`/{}`", page.path)];
    if own.iter().any(|o| hint.contains(o.as_str())) {
        return String::new();
    }
    match super::placing::translation_folder(page) {
        Some(language) if written.starts_with('/') => hint.replace(&format!("`{language}"), "`/"),
        _ => hint,
    }
}

/// A link to a file alsite makes a page of (`.md`, `.yaml` …, see
/// [`crate::load::is_text`]): its path without the extension, and the extension.
fn source_file(target: &str) -> Option<(&str, &str)> {
    target
        .rsplit_once('.')
        .filter(|_| crate::load::is_text(target))
}

impl FileHints<'_> {
    /// A page linked without its `.html` (a folder, or a page as a web
    /// server without `.html` names it), or a file (not a page) linked from
    /// a page's own folder that sits at the site root or a folder above.
    fn written_another_way(&self, target: &str) -> Option<String> {
        let bare = target.trim_end_matches('/');
        if !bare.ends_with(".html") {
            for page in [format!("{bare}/index.html"), format!("{bare}.html")] {
                if self.site.has(&page) {
                    return Some(format!("did you mean `{page}`? links to pages end in `.html`, so they work from disk too; "));
                }
            }
        }
        // Pages are each language's own (`pl/about.html` is not `about.html`
        // misplaced); images and other files are shared by all.
        let mut rest = if target.ends_with(".html") {
            ""
        } else {
            target
        };
        while let Some(slash) = rest.find('/') {
            rest = &rest[slash + 1..];
            if self.site.has(rest) {
                return Some(format!("did you mean `/{rest}`, from the site root? a link without a leading `/` starts in the page's own folder; "));
            }
        }
        None
    }
}

/// What to do about a link to something the site does not have: a page
/// to link to instead, or, for a file that is no page (an image, a PDF),
/// where to put it so it is published at the path the link leads to.
pub(super) fn missing_hint(meant: &str, target: &str, beside: Option<&str>) -> String {
    let name = target.rsplit('/').next().unwrap_or(target);
    let page = match name.rsplit_once('.') {
        Some((_, ext)) => ["html", "htm", "md", "markdown", "yaml", "yml"]
            .iter()
            .any(|p| ext.eq_ignore_ascii_case(p)),
        None => true,
    };
    if crate::render::url::in_a_home_folder(target) {
        format!("`/{target}` is a file on this computer, which no visitor has: copy it into content/, such as content/images/{name}, and link to `/images/{name}`")
    } else if target.starts_with("content/") {
        format!("{meant}links start inside content/, the site's root: `/images/x.png` means content/images/x.png")
    } else if page {
        format!("{meant}link to a page the site builds, such as index.html; `/x.html` means x.html at the site root")
    } else if let Some(beside) = beside.filter(|b| *b != format!("content/{target}")) {
        format!("{meant}put the file at `{beside}`, beside the Markdown file the link is written in, or correct the link; `/images/x.png` means content/images/x.png")
    } else {
        format!("{meant}put the file at `content/{target}` (every file in content/ is published at the same path), or correct the link; `/images/x.png` means content/images/x.png")
    }
}

/// For a link as written that is plainly not a path of the site: a web
/// address without its `https://` (see [`web_address_hint`]), or a path
/// with Windows' backslashes (`images\\logo.svg`).
pub(super) fn written_hint(written: &str) -> Option<String> {
    web_address_hint(written).or_else(|| {
        written.contains('\\').then(|| {
            let slashed = written.replace('\\', "/");
            format!("write `/` between folders, not `\\`: `{slashed}`")
        })
    })
}

/// For a link written as a web address without its `https://` (`wial.org`,
/// `www.calendly.com/x`), which a browser takes for a file of the site.
pub(super) fn web_address_hint(written: &str) -> Option<String> {
    let address = web_address(written)?;
    Some(format!("`{written}` is a web address: write it with `https://` in front, `https://{address}`; without it, a browser looks for a file of this site called `{written}`"))
}

/// `written` when it is a web address without a scheme: it starts with
/// `www.`, or its first part is a name ending in a common top-level domain
/// (`wial.org`, `example.com/join`), which no file of a site is called.
fn web_address(written: &str) -> Option<&str> {
    const DOMAINS: &[&str] = &[
        "com", "org", "net", "pl", "eu", "de", "uk", "io", "info", "edu", "gov", "co", "fr", "nl",
        "es", "it", "ch", "at", "cz", "sk", "us", "ca", "au", "ie", "be", "se", "no", "dk", "fi",
        "biz", "app", "dev",
    ];
    let w = written.trim();
    if w.contains("://") || w.starts_with(['/', '.', '#']) {
        return None;
    }
    let host = w.split(['/', '?', '#']).next()?;
    let named = host.contains('.')
        && host
            .chars()
            .all(|c| c.is_alphanumeric() || c == '.' || c == '-');
    let tld = host.rsplit('.').next()?.to_ascii_lowercase();
    (named && (host.to_ascii_lowercase().starts_with("www.") || DOMAINS.contains(&tld.as_str())))
        .then_some(w)
}

/// For a link whose address is a page's title (`[us](About)`), the page's
/// file to link to instead: a link names a file, never a title.
pub(super) fn title_hint(written: &str, titled: super::links::PageTitled) -> Option<String> {
    let (address, anchor) = written.split_at(written.find('#').unwrap_or(written.len()));
    let path = titled(&crate::render::url::percent_decode(address))?;
    let path = match path.contains(' ') {
        true => format!("</{path}{anchor}>"),
        false => format!("/{path}{anchor}"),
    };
    Some(format!(
        "`{address}` is the title of a page, not its address: link to the page's file from the site root, `{path}`"
    ))
}

/// What to write for Zola's link to a Markdown file from `content/`,
/// `@/about.md` (`from_content` is after the `@/`): the path from the site's
/// `content/` with a leading `/`, where alsite keeps pages in `pages/`.
pub(super) fn zola_hint(from_content: &str) -> String {
    let path = match from_content.starts_with("pages/") {
        true => format!("/{from_content}"),
        false => format!("/pages/{from_content}"),
    };
    format!("`@/` is how Zola links to a Markdown file from content/; alsite reads such a link from content/ with a leading `/`, `{path}`, or from this file's folder")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::check::PageLinks;

    fn files(names: impl IntoIterator<Item = String>) -> LinkIndex {
        let pages: Vec<PageLinks> = names
            .into_iter()
            .map(|n| PageLinks::of(&crate::render::Output::plain(n, Vec::new())))
            .collect();
        LinkIndex::new(&pages)
    }

    #[test]
    fn a_web_address_without_https_and_backslashes_are_named() {
        assert!(written_hint("wial.org")
            .unwrap()
            .contains("`https://wial.org`"));
        assert!(written_hint("www.calendly.com/northbridge")
            .unwrap()
            .contains("`https://www.calendly.com/northbridge`"));
        assert_eq!(
            written_hint("images\\logo.svg").unwrap(),
            "write `/` between folders, not `\\`: `images/logo.svg`"
        );
        for path in [
            "about.html",
            "images/logo.svg",
            "notes.pdf",
            "/pl/index.html",
            "team.md",
            "https://wial.org",
        ] {
            assert_eq!(written_hint(path), None, "{path}");
        }
    }

    #[test]
    fn a_page_elsewhere_is_named_by_the_links_words_or_its_file_name_in_the_pages_language() {
        let site = files(
            [
                "index.html",
                "ground-rules.html",
                "workshops/w/asking-questions.html",
                "en/index.html",
                "en/workshops/w/asking-questions.html",
                "en/contact.html",
            ]
            .map(String::from),
        );
        let hints = FileHints::new(&site);
        let page = |path: &str, source: &str| {
            let mut p = PageLinks::of(&crate::render::Output::plain(path.into(), Vec::new()));
            p.source = Some(source.into());
            p
        };
        let titled = |t: &str| match t {
            "Ground rules" => Some("ground-rules.html".to_string()),
            "Contact us" => Some("contact.html".to_string()),
            _ => None,
        };
        let pl = page("index.html", "content/index.md");
        let en = page("en/index.html", "content/index.en.md");
        // One page of that name in the page's language: from its root.
        for p in [&pl, &en] {
            assert_eq!(
                hints.by_name("asking-questions.html", p),
                "did you mean `/workshops/w/asking-questions.html`? "
            );
        }
        // The link's words are a page's title, in the page's language only.
        assert_eq!(
            hints.by_title("rules.html", &pl, Some("Ground rules"), &titled),
            "the link's words, `Ground rules`, are the title of `ground-rules.html`: did you mean `/ground-rules.html`? "
        );
        assert_eq!(
            hints.by_title("kontakt.html", &pl, Some("Contact us"), &titled),
            ""
        );
        assert_eq!(
            hints.by_title("en/kontakt.html", &en, Some("Contact us"), &titled),
            "the link's words, `Contact us`, are the title of `en/contact.html`: did you mean `/contact.html`? "
        );
        // Never the page itself, nor a name many pages have, nor a file.
        let module = page(
            "workshops/w/asking-questions.html",
            "content/workshops/w/asking-questions.md",
        );
        assert_eq!(hints.by_name("asking-questions.html", &module), "");
        assert_eq!(hints.by_name("index.html", &pl), "");
        assert_eq!(hints.by_name("plan.png", &pl), "");
        // A spelling hint on a translation's page, as its root link reads.
        let hint = "did you mean `en/contact.html`? ".to_string();
        assert_eq!(
            in_page_terms(hint.clone(), &en, "/kontakt.html"),
            "did you mean `/contact.html`? "
        );
        let about = page("en/contact.html", "content/pages/contact.en.md");
        assert_eq!(in_page_terms(hint, &about, "/contakt.html"), "");
    }

    #[test]
    fn a_slip_is_named_in_a_small_folder_and_capitals_in_any() {
        let small = files(["about.html", "ground-rules.html", "pl/o-nas.html"].map(String::from));
        let hints = FileHints::new(&small);
        assert_eq!(hints.hint("abuot.html"), "did you mean `about.html`? ");
        assert_eq!(
            hints.hint("pl/O-nas.html"),
            "did you mean `pl/o-nas.html`? "
        );
        // Only files in the link's own folder are offered.
        assert_eq!(hints.hint("pl/about.html"), "");
        let many = files((0..3_000).map(|i| format!("page-{i:05}.html")));
        let hints = FileHints::new(&many);
        assert_eq!(
            hints.hint("Page-00007.html"),
            "did you mean `page-00007.html`? "
        );
        assert_eq!(hints.hint("page-0007x.html"), "");
    }

    #[test]
    fn a_source_file_a_letter_off_is_named_as_the_link_was_written() {
        let site = files(["index.html", "about.html", "kurs/about.html"].map(String::from));
        let hints = FileHints::new(&site);
        // In content/pages/kurs/x.md (page kurs/x.html): each link read as written.
        assert_eq!(
            hints.hint_for("kurs/abot.md", "abot.md"),
            "did you mean `about.md`? "
        );
        assert_eq!(
            hints.hint_for("pages/abut.md", "/pages/abut.md"),
            "did you mean `/pages/about.md`? "
        );
        assert_eq!(
            hints.hint_for("abut.md", "../abut.md#team"),
            "did you mean `../about.md#team`? "
        );
        assert_eq!(hints.hint_for("kurs/zzz.md", "zzz.md"), "");
    }

    #[test]
    fn a_folder_a_page_without_html_and_a_file_from_the_wrong_folder_are_named() {
        let site = files(
            [
                "index.html",
                "workshops/intro/index.html",
                "about.html",
                "images/logo.svg",
                "kurs/intro.html",
            ]
            .map(String::from),
        );
        let hints = FileHints::new(&site);
        assert!(hints
            .hint("workshops/intro")
            .starts_with("did you mean `workshops/intro/index.html`? "));
        assert!(hints
            .hint("workshops/intro/")
            .starts_with("did you mean `workshops/intro/index.html`? "));
        assert!(hints
            .hint("about")
            .starts_with("did you mean `about.html`? "));
        assert!(hints
            .hint("kurs/images/logo.svg")
            .starts_with("did you mean `/images/logo.svg`, from the site root? "));
        assert_eq!(hints.hint("kurs/images/other.svg"), "");
    }
}
