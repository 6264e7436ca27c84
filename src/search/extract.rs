//! What a reader sees on a built page, cut into sections a result can link
//! to. Reads the page's `<main>` only, skips what is hidden (`hidden`,
//! `aria-hidden="true"`), what is marked `data-no-search` (answers),
//! navigation, scripts and drawings, and starts a new
//! section at every heading, list item or section element that has an `id`:
//! a Markdown heading, a ground rule, a component, a practice item, a stage,
//! a session turn, an activity.

use super::terms::{PageTerms, TermsBuilder};
use super::tokenize::Words;
use crate::html::{StartTag, Token};
use crate::render::unescape_html as unescape;
use text::{collapse, push_collapsed, push_collapsed_until, space, trimmed};

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
    /// The section's first heading. Without one (a session turn), a result
    /// shows the title of the section whose element holds it (the turn's
    /// stage), else that of the section before: this is empty when that is
    /// the title the section before shows, as `search.js` carries it on.
    pub title: String,
    /// Its text, whitespace collapsed.
    pub text: String,
}

/// What an element is to the scanner (bit flags).
const SKIPPED: u8 = 1; // never holds words a reader sees as content
const VOID: u8 = 2; // has no end tag
const INLINE: u8 = 4; // inside a word's flow: no space at its edges
const SECTION: u8 = 8; // starts a section when it has an id
const HEADING: u8 = 16;
const RAW: u8 = 32; // raw text: scripts and styles
const BLOCK: u8 = 64; // a block of its own: a separator, not only a space, at its edges
const SECTIONING: u8 = 128; // what a heading inside it heads (as HTML outlines a page)

/// What a snippet shows between the text of two blocks (a heading and its
/// paragraph, two list items, two table cells), so they do not run together.
/// Snippet text only: words are split as they would be without it.
pub const BLOCK_SEPARATOR: &str = "· ";

/// The flags of the element `name`. (Not `span` among the inline elements:
/// templates set spans side by side that CSS shows apart, such as a
/// speaker's name and role; nor among the blocks: a space between them.)
fn flags(name: &str) -> u8 {
    // Every name below fits in ten bytes: lower-cased there, on the stack.
    let mut lower = [0u8; 10];
    let Some(name) = lower.get_mut(..name.len()).map(|buf| {
        buf.copy_from_slice(name.as_bytes());
        buf.make_ascii_lowercase();
        &*buf
    }) else {
        return 0;
    };
    match name {
        b"script" | b"style" => RAW | SKIPPED,
        b"svg" | b"template" | b"nav" | b"noscript" | b"button" | b"select" | b"textarea" => {
            SKIPPED
        }
        b"area" | b"base" | b"br" | b"col" | b"embed" | b"hr" | b"img" | b"input" | b"link"
        | b"meta" | b"source" | b"track" => VOID,
        // A place a line may break, inside a word or an address: no space.
        b"wbr" => VOID | INLINE,
        b"a" | b"abbr" | b"b" | b"bdi" | b"cite" | b"code" | b"em" | b"i" | b"kbd" | b"mark"
        | b"q" | b"s" | b"small" | b"strong" | b"sub" | b"sup" | b"u" | b"var" => INLINE,
        b"h1" | b"h2" | b"h3" | b"h4" | b"h5" | b"h6" => SECTION | HEADING | BLOCK,
        b"section" => SECTION | BLOCK | SECTIONING,
        b"li" => SECTION | BLOCK,
        b"article" | b"aside" => BLOCK | SECTIONING,
        b"main" | b"body" => SECTIONING,
        b"p" | b"div" | b"dt" | b"dd" | b"td" | b"th" | b"tr" | b"caption" | b"figcaption"
        | b"blockquote" | b"pre" | b"summary" | b"label" | b"legend" | b"header" | b"footer"
        | b"figure" | b"address" | b"table" | b"ul" | b"ol" | b"dl" | b"details" | b"fieldset"
        | b"form" => BLOCK,
        _ => 0,
    }
}

/// The sections of the page at `path`, and its terms; `None` for a page
/// without `<main>`. A section's text stops a little past `keep` bytes,
/// enough to cut it at a space before `keep`; its terms are every word in it.
pub fn page_text(path: &str, html: &str, keep: usize) -> Option<(PageText, PageTerms)> {
    page_text_and_tags(path, html, keep, &mut |_| {})
}

/// As [`page_text`], handing `tag` every start tag of the whole page in
/// order, as [`crate::html::start_tags`] gives them, so that what else needs
/// them (the link check) does not read the page again. `tag` sees none when
/// the page has no `<main>`.
pub fn page_text_and_tags<'a>(
    path: &str,
    html: &'a str,
    keep: usize,
    tag: &mut impl FnMut(&StartTag<'a>),
) -> Option<(PageText, PageTerms)> {
    let (_, end) = main_of(html)?;
    let mut tokens = crate::html::tokens(html);
    let mut s = Scanner::new(keep);
    s.sections.push(Building::default());
    // Up to `<main>`, only the start tags are read.
    while let Some(t) = tokens.next_start() {
        tag(&t);
        if t.name.eq_ignore_ascii_case("main") {
            s.token(Token::Start(t));
            break;
        }
    }
    while tokens.position() < end {
        let Some(t) = tokens.next() else { break };
        if let Token::Start(t) = &t {
            tag(t);
        }
        s.token(t);
    }
    s.end_word();
    while let Some(t) = tokens.next_start() {
        tag(&t);
    }
    s.finish(path, html)
}

/// Where the text of `html`'s `<main>` starts and ends.
fn main_of(html: &str) -> Option<(usize, usize)> {
    let start = memchr::memmem::find(html.as_bytes(), b"<main")?;
    let end = memchr::memmem::rfind(html.as_bytes(), b"</main>").unwrap_or(html.len());
    Some((start, end.max(start)))
}

thread_local! {
    // The tokenizer's and the term table's memory, kept from page to page.
    static SPARE: std::cell::RefCell<(Words, TermsBuilder)> = Default::default();
}

impl<'a> Scanner<'a> {
    fn new(keep: usize) -> Scanner<'a> {
        let (words, terms) = SPARE.with(|spare| spare.take());
        Scanner {
            keep,
            words,
            terms,
            ..Scanner::default()
        }
    }

    /// The page's sections and terms, once every token is read.
    fn finish(self, path: &str, html: &str) -> Option<(PageText, PageTerms)> {
        let mut s = self;
        let title = match trimmed(std::mem::take(&mut s.h1)) {
            t if t.is_empty() => title_tag(html),
            t => t,
        };
        let mut kept = Vec::with_capacity(s.sections.len());
        let mut sections: Vec<Section> = Vec::with_capacity(s.sections.len());
        // Each section's own title, else its enclosing section's.
        let mut titles: Vec<String> = Vec::with_capacity(s.sections.len());
        // The title a result shows for the section before: `search.js` carries
        // it to a section stored without one, so one is stored only where it
        // differs (a turn after a pause goes by its stage again).
        let mut carried = title.clone();
        let mut building = s.sections.into_iter().enumerate().peekable();
        while let Some((n, b)) = building.next() {
            let folds = folds_into_next(&b, n, building.peek().map(|(_, next)| next));
            let own = trimmed(b.title);
            let resolved = match (own.is_empty(), b.within) {
                (true, Some(w)) => titles[w].clone(),
                // The top of the page goes by the page's title (text read
                // there again after a section closes, too).
                (true, None) if n == 0 => title.clone(),
                _ => own.clone(),
            };
            titles.push(resolved.clone());
            let text = trimmed(b.text);
            // A heading with nothing under it is still found by its words.
            if !b.words {
                kept.push(None);
                continue;
            }
            // Text read again after a list of sections joins the section
            // it goes on (same anchor, same title): one result, not two alike.
            if let Some(joined) = b.within.filter(|_| b.resumed).and_then(|w| kept[w]) {
                if let Some(to) = sections.get_mut(joined as usize) {
                    if to.anchor == b.anchor {
                        join_text(&mut to.text, &text, s.keep);
                        kept.push(Some(joined));
                        continue;
                    }
                }
            }
            // Its words go to the next section, the one stored next.
            kept.push(Some(sections.len() as u32));
            if folds {
                continue;
            }
            let shown = if resolved.is_empty() {
                carried.clone()
            } else {
                resolved
            };
            let stored = if own.is_empty() && shown == carried {
                String::new()
            } else {
                shown.clone()
            };
            carried = shown;
            sections.push(Section {
                anchor: b.anchor,
                title: stored,
                text,
            });
        }
        let mut terms = s.terms.finish();
        if kept.iter().zip(0..).any(|(&k, n)| k != Some(n)) {
            terms.renumber(&kept);
        }
        SPARE.with(|spare| spare.replace((s.words, s.terms)));
        let text = PageText {
            path: path.to_string(),
            title,
            sections,
        };
        Some((text, terms))
    }
}

/// `more` after `text`, set apart as another block, while `text` has room
/// for a snippet (`keep` bytes); a text already cut there stays as it is.
fn join_text(text: &mut String, more: &str, keep: usize) {
    if text.len() > keep || more.is_empty() {
        return;
    }
    if !text.is_empty() {
        text.push(' ');
        text.push_str(BLOCK_SEPARATOR);
    }
    text.push_str(more);
}

/// Whether section `n` is a heading only, and the section after it is the
/// first part of it with no heading of its own (a session stage and its
/// first turn): it is then found as that part, one result and not two that
/// lead to the same place (a link to a stage opens its first turn) with
/// the same snippet. The part goes by the heading's title.
fn folds_into_next(b: &Building, n: usize, next: Option<&Building>) -> bool {
    let Some(next) = next else {
        return false;
    };
    let only_a_heading = b.words && !b.title.trim().is_empty() && b.text.trim().is_empty();
    only_a_heading && next.within == Some(n) && next.words && next.title.trim().is_empty()
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
    /// The section whose element encloses this one's (a session turn's
    /// stage): its title stands for this one's when it has none.
    within: Option<usize>,
    /// Whether any text was read in it, shown or not (a title is not).
    words: bool,
    /// Begun again where the section `within` goes on after one inside it
    /// ended: it joins that one (see [`Scanner::resume_section`]).
    resumed: bool,
}

#[derive(Default)]
struct Scanner<'a> {
    sections: Vec<Building>,
    /// The sections still in force, outermost first: (scope, section
    /// number, begun at a heading). A section begun at an element lasts
    /// while it is open (its scope is its depth in `open`); one begun at a
    /// heading lasts until the next heading beside it or the end of the
    /// element holding both (its scope is that element's depth).
    enclosing: Vec<(usize, usize, bool)>,
    /// Open elements: tag name (as written), whether it is skipped, and
    /// its flags.
    open: Vec<(&'a str, bool, u8)>,
    skipping: usize,
    /// Depth of the heading whose text is the current section's title.
    title_depth: Option<usize>,
    h1: String,
    h1_depth: Option<usize>,
    /// A section's text is kept until it is longer than this by two bytes:
    /// what cutting it at `keep` needs to see.
    keep: usize,
    words: Words,
    terms: TermsBuilder,
    /// A block began or ended since the last snippet text: the next text
    /// is set apart from the one before by [`BLOCK_SEPARATOR`].
    block_ended: bool,
    /// A section has ended (see `enclosing`): text read next, before
    /// another section begins, belongs to the section in force around it
    /// (or the top of the page, 0), as a new section of that one's anchor
    /// and title: a module's text after its list of activities is not the
    /// last activity's.
    resume: Option<usize>,
}

impl<'a> Scanner<'a> {
    fn token(&mut self, token: Token<'a>) {
        match token {
            Token::Text(text) => self.text(text),
            Token::Start(tag) => self.start(tag),
            Token::End(name) => self.end(name),
        }
    }

    fn text(&mut self, raw: &str) {
        if self.skipping > 0 || raw.is_empty() {
            return;
        }
        let text = unescape(raw);
        if let Some(within) = self.resume {
            if !text.trim_start().is_empty() {
                self.resume_section(within);
            }
        }
        let section = self.sections.last_mut().expect("a section is always open");
        if !section.words {
            section.words = !text.trim_start().is_empty();
        }
        if self.title_depth.is_some() {
            push_collapsed(&mut section.title, &text);
        }
        if self.h1_depth.is_some() {
            push_collapsed(&mut self.h1, &text);
        }
        // A title is shown above the snippet already: its words are terms,
        // not snippet text.
        if self.title_depth.is_none() && self.h1_depth.is_none() {
            let limit = self.keep.saturating_add(1);
            if self.block_ended && !text.trim_ascii_start().is_empty() {
                self.block_ended = false;
                if !section.text.is_empty() && section.text.len() <= limit {
                    space(&mut section.text);
                    section.text.push_str(BLOCK_SEPARATOR);
                }
            }
            push_collapsed_until(&mut section.text, &text, limit);
        }
        let Scanner { words, terms, .. } = self;
        words.feed(&text, &mut |w| terms.add(w));
    }

    /// Handles a start tag. (A script's or style's text is never read:
    /// the tokens go on at its end tag.)
    fn start(&mut self, tag: StartTag<'a>) {
        let (name, attrs) = (tag.name, tag.attributes);
        let has_attrs = attrs.len() > 1;
        let mut kind = flags(name);
        if kind & RAW != 0 {
            return;
        }
        let mut skip = self.skipping > 0 || kind & SKIPPED != 0;
        let mut id = None;
        if has_attrs && !skip && kind & VOID == 0 {
            let read = Attrs::of(attrs);
            (skip, id) = (read.hidden, read.id);
            if read.block {
                kind |= BLOCK;
            }
        }
        if kind & INLINE == 0 {
            self.space();
        }
        if kind & BLOCK != 0 && self.skipping == 0 {
            self.block_ended = true;
        }
        if kind & VOID != 0 || attrs.ends_with('/') {
            return;
        }
        self.open.push((name, skip, kind));
        if skip {
            self.skipping += 1;
            return;
        }
        let heading = kind & HEADING != 0;
        if let Some(id) = id.filter(|_| kind & SECTION != 0) {
            self.begin_section(id, heading);
        }
        if heading && self.title_depth.is_none() {
            let section = self.sections.last().expect("a section is always open");
            if section.title.is_empty() && !section.anchor.is_empty() {
                self.title_depth = Some(self.open.len());
            }
        }
        if name.eq_ignore_ascii_case("h1") && self.h1.is_empty() {
            // A headline that is not the page's name (the home page's hero)
            // says what results call the page instead.
            match tag.get("data-search-title") {
                Some(own) if !own.trim().is_empty() => self.h1 = collapse(&unescape(own)),
                _ => self.h1_depth = Some(self.open.len()),
            }
        }
    }

    /// A new section at an element with `id`, unless the open section has no
    /// words yet: a heading right inside a rule's `<li id>` names that rule.
    fn begin_section(&mut self, id: &str, heading: bool) {
        let current = self.sections.last_mut().expect("a section is always open");
        if !current.words && !current.anchor.is_empty() {
            if !heading {
                current.anchor = unescape(id).into_owned();
            }
            return;
        }
        let depth = self.open.len();
        let scope = if heading { self.heading_scope() } else { depth };
        // A heading ends the one beside it.
        while self
            .enclosing
            .last()
            .is_some_and(|&(d, _, h)| h && d == scope)
        {
            self.enclosing.pop();
        }
        let within = self.enclosing.last().map(|&(_, n, _)| n);
        self.enclosing.push((scope, self.sections.len(), heading));
        self.push_section(unescape(id).into_owned(), within);
    }

    /// Ends the section being read and begins one at `anchor`, whose title,
    /// when it has none of its own, is that of section `within`.
    fn push_section(&mut self, anchor: String, within: Option<usize>) {
        self.title_depth = None;
        self.resume = None;
        self.end_word();
        self.terms.next_section();
        self.sections.push(Building {
            anchor,
            within,
            ..Building::default()
        });
    }

    fn end(&mut self, name: &str) {
        // Pop to the matching element; a stray end tag changes nothing.
        // Nearly always it is the last one opened, written the same way.
        let at = match self.open.last() {
            Some((n, _, _)) if *n == name => Some(self.open.len() - 1),
            _ => self
                .open
                .iter()
                .rposition(|(n, _, _)| n.eq_ignore_ascii_case(name)),
        };
        let Some(at) = at else {
            return;
        };
        // The end tag names the element it closes: the same flags.
        let kind = self.open[at].2;
        while self.open.len() > at {
            let depth = self.open.len();
            let mut ended = false;
            while self.enclosing.last().is_some_and(|&(d, _, _)| d >= depth) {
                self.enclosing.pop();
                ended = true;
            }
            if ended {
                self.resume = Some(self.enclosing.last().map_or(0, |&(_, n, _)| n));
            }
            let (_, skipped, _) = self.open.pop().expect("checked above");
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
        if kind & INLINE == 0 {
            self.space();
        }
        if kind & BLOCK != 0 && self.skipping == 0 {
            self.block_ended = true;
        }
    }

    /// What the heading just opened heads: the depth of the nearest element
    /// around it that is a section of the page's outline (`<section>`,
    /// `<article>`, `<main>`…) or began a section of the index itself
    /// (a rule's `<li id>`); a `<div>` or `<header>` around it is not.
    fn heading_scope(&self) -> usize {
        let around = &self.open[..self.open.len().saturating_sub(1)];
        let sectioning = around
            .iter()
            .rposition(|&(_, _, kind)| kind & SECTIONING != 0)
            .map_or(0, |i| i + 1);
        let element = self
            .enclosing
            .iter()
            .rev()
            .find(|e| !e.2)
            .map_or(0, |e| e.0);
        sectioning.max(element)
    }

    /// Begins a section again where the section `within` (or the top of the
    /// page, 0) goes on after one inside it ended.
    fn resume_section(&mut self, within: usize) {
        let anchor = self.sections[within].anchor.clone();
        self.push_section(anchor, Some(within));
        self.sections.last_mut().expect("just pushed").resumed = true;
    }

    fn space(&mut self) {
        if self.skipping > 0 {
            return;
        }
        self.end_word();
        let section = self.sections.last_mut().expect("a section is always open");
        if section.text.len() <= self.keep.saturating_add(1) {
            space(&mut section.text);
        }
        if self.title_depth.is_some() {
            space(&mut section.title);
        }
    }
}

impl Scanner<'_> {
    fn end_word(&mut self) {
        let Scanner { words, terms, .. } = self;
        words.end(&mut |w| terms.add(w));
    }
}

/// What the scanner needs from a start tag's attributes.
#[derive(Default)]
struct Attrs<'a> {
    id: Option<&'a str>,
    /// Hidden from readers (`hidden`, `aria-hidden="true"`), or facilitator notes.
    hidden: bool,
    /// A span the theme shows as a block of its own: a card's title, summary
    /// and facts (style.css).
    block: bool,
}

impl<'a> Attrs<'a> {
    /// Reads the attribute list once, name by name (in any case).
    fn of(attrs: &'a str) -> Attrs<'a> {
        let mut read = Attrs::default();
        let (mut aria_hidden, mut searched) = (false, false);
        for (name, value) in crate::html::attributes(attrs) {
            let is = |known: &str| name.eq_ignore_ascii_case(known);
            if is("id") {
                read.id = read.id.or(Some(value).filter(|v| !v.is_empty()));
            } else if is("hidden") {
                read.hidden = true;
            } else if is("aria-hidden") {
                aria_hidden = value == "true";
            } else if is("data-search") {
                // A sign shown to the eye that screen readers hear in words
                // instead (a turn's "→"): in the snippet all the same.
                searched = true;
            } else if is("data-no-search") {
                // Answers to practice items: found, they would give them away.
                read.hidden = true;
            } else if is("class") {
                for class in value.split_ascii_whitespace() {
                    read.hidden |= class == "facilitator-notes";
                    read.block |= matches!(class, "card-title" | "card-summary" | "card-meta");
                }
            }
        }
        read.hidden |= aria_hidden && !searched;
        read
    }
}

mod text;

#[cfg(test)]
mod tests;
