//! The pages a site has: where each goes, what made it, which template
//! renders it, and which source files it reads (for scoped rebuilds).

use super::{languages, offers, practice, session, workshop, COMPONENTS_PATH, GROUND_RULES_PATH};
use crate::model::*;
use std::path::{Path, PathBuf};

/// What one page needs: where it goes, what made it, and how to render it.
pub(super) struct Job<'a> {
    pub path: String,
    pub source: PathBuf,
    pub title: String,
    pub kind: JobKind<'a>,
}

pub(super) enum JobKind<'a> {
    Home(&'a Page),
    Page(&'a Page),
    GroundRules(&'a Doc<GroundRules>),
    Components(&'a Doc<Components>),
    Offers(&'a Doc<Offers>),
    PracticeIndex,
    PracticeSet(&'a Doc<PracticeSet>),
    SessionIndex,
    Session(&'a Doc<Session>),
    WorkshopIndex,
    Agenda(&'a Workshop),
    Module(&'a Workshop, usize),
    Guide(&'a Workshop),
    Handout(&'a Workshop),
    /// A page of the default language that this language does not have
    /// yet: a short page in this language that leads to the original, so
    /// every link to it works.
    Untranslated,
    /// `404.html`, the page a web server sends for an address the site does
    /// not have (see [`NOT_FOUND_PATH`]).
    NotFound,
}

/// Where the page for a missing address goes: at the root, in the default
/// language, as GitHub Pages, Netlify and most hosts look for it.
pub const NOT_FOUND_PATH: &str = "404.html";

impl JobKind<'_> {
    /// The UI strings the page's scripts read, by key prefix.
    pub fn script_namespaces(&self) -> &'static [&'static str] {
        match self {
            JobKind::PracticeSet(_) => &["search.", "practice.", "checker."],
            JobKind::Session(_) => &["search.", "practice.", "checker.", "player."],
            JobKind::Module(..) => &["search.", "timer."],
            // Each set's card says how far the reader got ("Answered 3 of 9").
            JobKind::PracticeIndex => &["search.", "practice.score"],
            _ => &["search."],
        }
    }

    pub fn template(&self) -> &'static str {
        match self {
            JobKind::Home(_) => "home.html",
            JobKind::Page(_) => "page.html",
            JobKind::GroundRules(_) => "ground-rules.html",
            JobKind::Components(_) => "components.html",
            JobKind::Offers(_) => "offers.html",
            JobKind::PracticeIndex => "practice-index.html",
            JobKind::PracticeSet(_) => "practice.html",
            JobKind::SessionIndex => "session-index.html",
            JobKind::Session(_) => "session.html",
            JobKind::WorkshopIndex => "workshop-index.html",
            JobKind::Agenda(_) => "agenda.html",
            JobKind::Module(..) => "module.html",
            JobKind::Guide(_) => "facilitator.html",
            JobKind::Handout(_) => "handout.html",
            JobKind::Untranslated => "untranslated.html",
            JobKind::NotFound => "404.html",
        }
    }
}

impl<'a> Job<'a> {
    fn new(
        path: impl Into<String>,
        source: impl Into<PathBuf>,
        title: impl Into<String>,
        kind: JobKind<'a>,
    ) -> Job<'a> {
        Job {
            path: path.into(),
            source: source.into(),
            title: title.into(),
            kind,
        }
    }

    /// True when the page shows what other pages read of a free page (its
    /// title, navigation title, description): the home page, and the page
    /// for missing addresses, which lists the sections as the home page
    /// does. (When the default navigation lists the free pages, every page
    /// does, and an edit of those rebuilds everything.)
    pub fn lists_pages(&self) -> bool {
        matches!(self.kind, JobKind::Home(_) | JobKind::NotFound)
    }

    /// True when rendering this page reads the source file `changed`.
    /// Pages that show titles or counts of other files (the home page,
    /// indexes, workshop pages) read those files too.
    pub fn reads(&self, site: &Site, changed: &Path) -> bool {
        let under = |dir: &str| changed.starts_with(Path::new("content").join(dir));
        let checker = || under("practice") && !site.practice.iter().any(|d| d.source == changed);
        match &self.kind {
            JobKind::Home(_) => self.source == changed || !under("pages"),
            JobKind::NotFound => !under("pages"),
            JobKind::Page(_)
            | JobKind::GroundRules(_)
            | JobKind::Components(_)
            | JobKind::Offers(_)
            | JobKind::Untranslated => self.source == changed,
            JobKind::PracticeIndex => under("practice"),
            JobKind::PracticeSet(_) => self.source == changed || checker(),
            JobKind::SessionIndex => under("sessions"),
            JobKind::Session(_) => self.source == changed || checker(),
            JobKind::WorkshopIndex => under("workshops"),
            JobKind::Agenda(w)
            | JobKind::Module(w, _)
            | JobKind::Guide(w)
            | JobKind::Handout(w) => {
                changed.starts_with(Path::new("content/workshops").join(&w.slug))
                    || under("practice")
                    || under("sessions")
            }
        }
    }
}

pub(super) fn jobs(site: &Site) -> Vec<Job<'_>> {
    let s = &site.strings;
    let mut jobs = Vec::new();
    if let Some(home) = &site.home {
        jobs.push(Job::new(
            "index.html",
            home.source.clone(),
            home.front.title.clone(),
            JobKind::Home(home),
        ));
    }
    if let Some(doc) = &site.ground_rules {
        jobs.push(Job::new(
            GROUND_RULES_PATH,
            doc.source.clone(),
            doc.data.title.clone(),
            JobKind::GroundRules(doc),
        ));
    }
    if let Some(doc) = &site.components {
        jobs.push(Job::new(
            COMPONENTS_PATH,
            doc.source.clone(),
            doc.data.title.clone(),
            JobKind::Components(doc),
        ));
    }
    if let Some(doc) = &site.offers {
        jobs.push(Job::new(
            offers::PATH,
            doc.source.clone(),
            doc.data.title.clone(),
            JobKind::Offers(doc),
        ));
    }
    if !site.practice.is_empty() {
        jobs.push(Job::new(
            practice::INDEX_PATH,
            site.practice[0].source.clone(),
            s.t("section.practice", &[]),
            JobKind::PracticeIndex,
        ));
    }
    for doc in &site.practice {
        jobs.push(Job::new(
            practice::set_path(&doc.slug),
            doc.source.clone(),
            doc.data.title.clone(),
            JobKind::PracticeSet(doc),
        ));
    }
    if let Some(first) = site.sessions.first() {
        jobs.push(Job::new(
            session::INDEX_PATH,
            first.source.clone(),
            s.t("section.sessions", &[]),
            JobKind::SessionIndex,
        ));
    }
    for doc in &site.sessions {
        jobs.push(Job::new(
            session::session_path(&doc.slug),
            doc.source.clone(),
            doc.data.title.clone(),
            JobKind::Session(doc),
        ));
    }
    let workshops: Vec<&Workshop> = site
        .workshops
        .iter()
        .filter(|w| !w.source.as_os_str().is_empty())
        .collect();
    if let Some(first) = workshops.first() {
        jobs.push(Job::new(
            workshop::INDEX_PATH,
            first.source.clone(),
            s.t("section.workshops", &[]),
            JobKind::WorkshopIndex,
        ));
    }
    for w in workshops {
        let title = &w.data.title;
        jobs.push(Job::new(
            workshop::agenda_path(&w.slug),
            w.source.clone(),
            s.t("workshop.agenda_title", &[("title", title)]),
            JobKind::Agenda(w),
        ));
        jobs.push(Job::new(
            workshop::guide_path(&w.slug),
            w.source.clone(),
            s.t("workshop.guide_title", &[("title", title)]),
            JobKind::Guide(w),
        ));
        jobs.push(Job::new(
            workshop::handout_path(&w.slug),
            w.source.clone(),
            s.t("workshop.handout_title", &[("title", title)]),
            JobKind::Handout(w),
        ));
        for (i, m) in w.modules.iter().enumerate() {
            jobs.push(Job::new(
                workshop::module_path(&w.slug, &m.slug),
                m.source.clone(),
                m.front.title.clone(),
                JobKind::Module(w, i),
            ));
        }
    }
    for page in &site.pages {
        jobs.push(Job::new(
            page.output.clone(),
            page.source.clone(),
            page.front.title.clone(),
            JobKind::Page(page),
        ));
    }
    // A free page of that name (`pages/404.md`) is the site's own.
    if !jobs.iter().any(|j| j.path == NOT_FOUND_PATH) {
        let title = s.t("not_found.title", &[]);
        jobs.push(Job::new(
            NOT_FOUND_PATH,
            "site.yaml",
            title,
            JobKind::NotFound,
        ));
    }
    jobs
}

/// The pages of one language: its own, and, for a language other than the
/// default, a page that leads to the original for each page of the default
/// language it has not translated (see [`JobKind::Untranslated`]).
pub(super) fn language_jobs<'a>(default: &'a Site, lang: &languages::Language<'a>) -> Vec<Job<'a>> {
    let mut own = jobs(lang.site);
    if lang.prefix.is_empty() {
        return own;
    }
    // One page for missing addresses, the default language's.
    own.retain(|j| !matches!(j.kind, JobKind::NotFound));
    let have: std::collections::HashSet<String> = own.iter().map(|j| j.path.clone()).collect();
    let missing = jobs(default)
        .into_iter()
        .filter(|j| !matches!(j.kind, JobKind::NotFound) && !have.contains(&j.path))
        .map(|j| Job::new(j.path, j.source, j.title, JobKind::Untranslated));
    own.extend(missing);
    own
}

/// Output paths and the source file of every page, in every language, to
/// find duplicates before rendering.
pub fn planned_pages(site: &Site) -> Vec<(String, PathBuf)> {
    languages::languages(site)
        .iter()
        .flat_map(|l| {
            language_jobs(site, l)
                .into_iter()
                .map(|j| (format!("{}{}", l.prefix, j.path), j.source))
        })
        .collect()
}

/// The pages of one language's site, as (path from its root, source file).
pub fn pages_of(site: &Site) -> Vec<(String, PathBuf)> {
    jobs(site).into_iter().map(|j| (j.path, j.source)).collect()
}
