//! Reads a site folder into a [`Site`]: walks `content/`, splits front matter,
//! parses YAML (in [`yaml`], the one place that does) and places every error.

mod encoding;
mod fields_in_body;
mod files;
mod foreign;
pub mod frontmatter;
pub mod language;
pub(crate) mod language_codes;
mod layout;
mod markdown_file;
mod names;
mod safe_read;
mod shared_read;
pub mod site_languages;
pub mod yaml;

use crate::config::Config;
use crate::diagnostic::{Diagnostic, Diagnostics};
use crate::model::*;
use serde::de::DeserializeOwned;
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use files::content_files;
pub use files::{dangling_link, decode, is_ignored, is_windows_litter, read_utf8, site_folder};
use layout::Kind;
pub use layout::{is_text, TEXT_EXTENSIONS};
use markdown_file::{file_stem, page_stem, slug_hint, slug_problem, Markdown};
pub use markdown_file::{page_body, slug_place};
pub use safe_read::{open_file, read_bytes, read_file};
pub use shared_read::read_shared;

/// The languages `root`'s site.yaml names, the default first; `None`
/// when it cannot be read. Only for words that help, such as what
/// `alsite strings` says to do next: `load_site` reports its errors.
pub fn config_languages(root: &Path) -> Option<Vec<String>> {
    let mut loader = Loader::new(root);
    let config = loader.config()?;
    (!loader.diags.has_errors()).then(|| config.all_languages())
}

/// Loads everything under `root`. On error, every problem found is returned,
/// not only the first.
pub fn load_site(root: &Path) -> Result<(Site, Diagnostics), Diagnostics> {
    site_folder(root).map_err(|d| Diagnostics(vec![d]))?;
    safe_read::reopen_root();
    let mut loader = Loader::new(root);
    let config = loader.config();
    let mut site = Site::new(config.clone().unwrap_or_else(|| {
        let text = loader.texts.get(Path::new("site.yaml"));
        site_languages::placeholder_config(text.map_or("", String::as_str))
    }));
    let content = root.join("content");
    // Without a site.yaml the folder is not a site: that one error says so.
    let no_site = !root.join("site.yaml").exists();
    if no_site && config.is_none() {
        return Err(loader.diags);
    }
    if !content.is_dir() {
        loader.diags.push(
            Diagnostic::error(
                "content",
                match content.exists() {
                    true => "content is a file, where the site's content/ folder belongs",
                    false => "no content/ folder beside site.yaml",
                },
            )
            .hint("create content/index.md for the home page, or start from `alsite new DIR`"),
        );
    } else {
        // Files are read and parsed in parallel, a run of them at a time
        // into a site of its own per language, then merged in file order.
        // (A site per file cost a kilobyte and more each, all held until
        // the merge: a third of a gigabyte at 100,000 pages.) Runs of up to
        // 64 files, and at least four a thread, so a small site is read in
        // parallel too.
        use rayon::prelude::*;
        let languages = site.config.all_languages();
        let found = content_files(root, &content, &languages);
        let files = found.files;
        site.linked = found.links;
        let run_len = (files.len() / (4 * rayon::current_num_threads())).clamp(1, 64);
        loader.diags.0.extend(found.errors);
        if files.is_empty() && !loader.diags.has_errors() {
            loader.diags.push(
                Diagnostic::error("content", "the content/ folder is empty")
                    .hint("add content/index.md for the home page, or start from `alsite new DIR`"),
            );
        }
        let mut others: Vec<Site> = languages[1..]
            .iter()
            .map(|l| Site::new(site.config.in_language(l)))
            .collect();
        // A run at a time to each thread: runs of YAML take many times as
        // long as runs of pages, and rayon's larger shares left one thread
        // reading the last YAML files alone for a tenth of a second.
        let runs: Vec<Run> = files
            .par_chunks(run_len)
            .with_max_len(1)
            .map(|run| Run::load(root, &site.config, &languages, run))
            .collect();
        let part = |lang: usize| runs.iter().filter_map(move |r| r.parts[lang].as_ref());
        site.reserve_for(part(0));
        for (i, other) in others.iter_mut().enumerate() {
            other.reserve_for(part(i + 1));
        }
        // Texts by path: gathered in file order and built into their map at
        // once, not compared path by path into it.
        let mut texts: Vec<(PathBuf, String)> =
            std::mem::take(&mut loader.texts).into_iter().collect();
        for run in runs {
            // Copied files are shared by every language.
            site.assets.extend(run.assets);
            for (lang, part) in run.parts.into_iter().enumerate() {
                match (lang, part) {
                    (_, None) => {}
                    (0, Some(part)) => site.merge(part),
                    (i, Some(part)) => others[i - 1].merge(part),
                }
            }
            texts.extend(run.loader.texts);
            loader.diags.extend(run.loader.diags.0);
        }
        loader.texts = texts.into_iter().collect();
        for other in &mut others {
            other.sort_by_slug();
            // Word lists and question types serve every language unless translated.
            if other.question_types.is_none() {
                other.question_types = site.question_types.clone();
            }
            if other.question_rules.is_none() {
                other.question_rules = site.question_rules.clone();
            }
        }
        site.translations = others;
    }
    site.sort_by_slug();
    site.texts = std::mem::take(&mut loader.texts);
    language::give_texts_to_their_language(&mut site);
    if config.is_none() || loader.diags.has_errors() {
        return Err(loader.diags);
    }
    Ok((site, loader.diags))
}

/// Re-reads one content file the site already has and puts what it loads in
/// place of the old, in the site of the file's language. `Ok(false)` means
/// the change is more than an edit (a new or vanished file, a changed output
/// path, an asset, or on a site in several languages a file that every
/// language reads): load everything.
pub fn reload_file(root: &Path, site: &mut Site, rel: &Path) -> Result<bool, Diagnostics> {
    let Ok(in_content) = rel.strip_prefix("content") else {
        return Ok(false);
    };
    let several = !site.translations.is_empty();
    let lang = language::split(in_content, &site.config.all_languages()).1;
    let site = match lang.checked_sub(1) {
        None => site,
        Some(i) => match site.translations.get_mut(i) {
            Some(translation) => translation,
            None => return Ok(false),
        },
    };
    let known = site.texts.contains_key(rel) || site.pages.iter().any(|p| p.source == rel);
    if !known || !root.join(rel).is_file() {
        return Ok(false);
    }
    safe_read::reopen_root();
    let mut loader = Loader::new(root);
    let mut scratch = Site::new(site.config.clone());
    loader.dispatch(&mut scratch, in_content);
    if loader.diags.has_errors() {
        return Err(loader.diags);
    }
    // Question types and rules serve every language that has none of its own.
    if several && (scratch.question_types.is_some() || scratch.question_rules.is_some()) {
        return Ok(false);
    }
    fn swap<T>(list: &mut [T], new: Option<T>, same: impl Fn(&T, &T) -> bool) -> bool {
        match new {
            Some(new) => match list.iter_mut().find(|old| same(old, &new)) {
                Some(old) => {
                    *old = new;
                    true
                }
                None => false,
            },
            None => false,
        }
    }
    let replaced = if let Some(home) = scratch.home.take() {
        site.home = Some(home);
        true
    } else if let Some(page) = scratch.pages.pop() {
        swap(&mut site.pages, Some(page), |a, b| {
            a.source == b.source && a.output == b.output
        })
    } else if let Some(doc) = scratch.ground_rules.take() {
        site.ground_rules = Some(doc);
        true
    } else if let Some(doc) = scratch.components.take() {
        site.components = Some(doc);
        true
    } else if let Some(doc) = scratch.offers.take() {
        site.offers = Some(doc);
        true
    } else if let Some(doc) = scratch.question_types.take() {
        site.question_types = Some(doc);
        true
    } else if let Some(doc) = scratch.question_rules.take() {
        site.question_rules = Some(doc);
        true
    } else if let Some(doc) = scratch.practice.pop() {
        swap(&mut site.practice, Some(doc), |a, b| a.source == b.source)
    } else if let Some(doc) = scratch.sessions.pop() {
        swap(&mut site.sessions, Some(doc), |a, b| a.source == b.source)
    } else if let Some(mut w) = scratch.workshops.pop() {
        match site.workshops.iter_mut().find(|old| old.slug == w.slug) {
            Some(old) if !w.source.as_os_str().is_empty() => {
                old.data = w.data;
                true
            }
            Some(old) => swap(&mut old.modules, w.modules.pop(), |a, b| {
                a.source == b.source
            }),
            None => false,
        }
    } else {
        false
    };
    if replaced {
        // A free page's text may be kept no more (see `markdown`).
        site.texts.remove(rel);
        site.texts.extend(loader.texts);
    }
    Ok(replaced)
}

struct Loader<'a> {
    root: &'a Path,
    texts: BTreeMap<PathBuf, String>,
    diags: Diagnostics,
}

/// What a run of neighbouring content files loads to.
struct Run<'a> {
    /// A site per language (by its place in `languages:`), if any file is in it.
    parts: Vec<Option<Site>>,
    /// Copied files of every language, in file order.
    assets: Vec<(PathBuf, String)>,
    loader: Loader<'a>,
}

impl<'a> Run<'a> {
    fn load(root: &'a Path, config: &Config, languages: &[String], files: &[PathBuf]) -> Self {
        let mut run = Run {
            parts: vec![None; languages.len()],
            assets: Vec::new(),
            loader: Loader::new(root),
        };
        for rel in files {
            let lang = language::split(rel, languages).1;
            let part = run.parts[lang].get_or_insert_with(|| Site::new(config.clone()));
            run.loader.dispatch(part, rel);
            run.assets.append(&mut part.assets);
        }
        run
    }
}

impl<'a> Loader<'a> {
    fn new(root: &'a Path) -> Loader<'a> {
        Loader {
            root,
            texts: BTreeMap::new(),
            diags: Diagnostics::default(),
        }
    }

    fn config(&mut self) -> Option<Config> {
        let file = PathBuf::from("site.yaml");
        if self.root.join(&file).is_dir() {
            self.diags.push(
                Diagnostic::error(&file, "site.yaml is a folder, not a file")
                    .hint("move what is in the folder elsewhere, remove it, and write site.yaml as a text file with `title:` and the site's other fields"),
            );
            return None;
        }
        if let Some(d) = files::broken_link(self.root, &file) {
            self.diags.push(d);
            return None;
        }
        if let Some(d) = files::special_file(self.root, &file) {
            self.diags.push(d);
            return None;
        }
        if !self.root.join(&file).is_file() {
            self.diags.push(files::no_site_yaml(self.root, &file));
            return None;
        }
        let text = self.read(&file)?;
        let mut config: Config = self.parse(&file, &text, 1)?;
        self.diags
            .0
            .extend(site_languages::check(&mut config, &text));
        Some(config)
    }

    /// Reads a file as UTF-8, remembering its text for later diagnostics.
    fn read(&mut self, rel: &Path) -> Option<String> {
        match read_utf8(self.root, rel) {
            Ok(text) => {
                self.texts.insert(rel.to_path_buf(), text.clone());
                Some(text)
            }
            Err(d) => {
                self.diags.push(d);
                None
            }
        }
    }

    fn parse<T: DeserializeOwned>(
        &mut self,
        file: &Path,
        text: &str,
        first_line: usize,
    ) -> Option<T> {
        yaml::parse(file, text, first_line)
            .map_err(|d| {
                // The reader stops at the first unknown field: the others too.
                let more = yaml::more_unknown::after::<T>(file, text, first_line, &d);
                self.diags.push(d);
                self.diags.0.extend(more);
            })
            .ok()
    }

    /// Reads the YAML file `rel`; its slug comes from `logical`, its path
    /// without a language code.
    fn doc<T: DeserializeOwned>(&mut self, rel: &Path, logical: &Path) -> Option<Doc<T>> {
        self.doc_in(rel, logical, "")
    }

    /// As [`Loader::doc`], for a file of `content/<folder>/` that may be
    /// plainly of another kind (see [`layout::misplaced`]): an error then,
    /// and no document.
    fn doc_in<T: DeserializeOwned>(
        &mut self,
        rel: &Path,
        logical: &Path,
        folder: &str,
    ) -> Option<Doc<T>> {
        let text = self.read(rel)?;
        if let Some(d) = layout::misplaced(rel, folder, &text) {
            self.diags.push(d);
            return None;
        }
        let data = self.parse(rel, &text, 1)?;
        Some(Doc {
            source: rel.to_path_buf(),
            slug: file_stem(logical),
            data,
        })
    }

    /// A free page's front matter takes no `hero` (the home page's alone):
    /// the fields an unknown one's hint lists leave it out.
    fn no_hero_in_hint(&mut self) {
        let hint = self.diags.0.last_mut().and_then(|d| d.hint.as_mut());
        if let Some(hint) = hint.filter(|h| h.contains("allowed fields here: ")) {
            *hint = hint.replace(", `hero`", "");
        }
    }

    fn dispatch(&mut self, site: &mut Site, rel_in_content: &Path) {
        let rel = Path::new("content").join(rel_in_content);
        // Matching and names use the path without its language code.
        let languages = site.config.all_languages();
        let in_name = language::code_in_name(&rel, rel_in_content, &languages);
        let in_folder = || language::in_language_folder(&rel, rel_in_content, &languages);
        if let Some(d) = in_name.or_else(in_folder) {
            self.diags.push(d);
            return;
        }
        if rel_in_content.to_str().is_none() {
            self.diags.push(
                Diagnostic::error(
                    &rel,
                    "this file's name is not valid text (UTF-8), so no web address can name it",
                )
                .hint("rename it; names in any language work when the name is saved as UTF-8"),
            );
            return;
        }
        let (logical, _) = language::split(rel_in_content, &languages);
        if layout::yml_to_rename(&logical).is_some() {
            let name = rel
                .file_name()
                .map(|n| n.to_string_lossy())
                .unwrap_or_default();
            // The file's own name, language code kept: `x.pl.yml` → `x.pl.yaml`.
            let renamed = format!("{}.yaml", &name[..name.len() - 4]);
            self.diags.push(
                Diagnostic::error(
                    &rel,
                    "alsite reads YAML files whose names end in `.yaml`, not `.yml`",
                )
                .hint(format!("rename {name} to {renamed}")),
            );
            return;
        }
        let full = &Path::new("content").join(&logical);
        match layout::kind(&logical) {
            Kind::Home => site.home = self.page(&rel, "", "index".into(), false),
            Kind::Page(folder, name) => {
                let stem = page_stem(name, &folder);
                site.pages.extend(self.page(&rel, &folder, stem, true));
            }
            Kind::GroundRules => site.ground_rules = self.doc(&rel, full),
            Kind::Components => site.components = self.doc(&rel, full),
            Kind::Offers => site.offers = self.doc(&rel, full),
            Kind::QuestionTypes => site.question_types = self.doc(&rel, full),
            Kind::QuestionRules => site.question_rules = self.doc(&rel, full),
            Kind::Practice => site.practice.extend(self.doc_in(&rel, full, "practice")),
            Kind::Session => site.sessions.extend(self.doc_in(&rel, full, "sessions")),
            Kind::Workshop(slug) => {
                if let Some(doc) = self.doc::<WorkshopFile>(&rel, full) {
                    let w = self.workshop(site, slug);
                    w.source = doc.source;
                    w.data = doc.data;
                }
            }
            Kind::Module(slug, name) => {
                let read = self.markdown::<ModuleFront>(&rel, false);
                if let Some(Markdown {
                    front,
                    body: Some(body),
                    ..
                }) = read
                {
                    let module = Module {
                        source: rel.clone(),
                        slug: file_stem(Path::new(name)),
                        front,
                        body,
                    };
                    self.workshop(site, slug).modules.push(module);
                }
            }
            Kind::Stray => self.diags.push(
                language::unlisted_language_folder(&rel, rel_in_content, &languages)
                    .unwrap_or_else(|| {
                        Diagnostic::warning(
                            &rel,
                            "file is not part of the content layout and was ignored",
                        )
                        .hint(layout::stray_hint(&logical))
                    }),
            ),
            Kind::Asset => {
                let warnings = layout::asset_warnings(self.root, &rel, &logical);
                self.diags.extend(warnings);
                site.assets.push((
                    rel.clone(),
                    rel_in_content.to_string_lossy().replace('\\', "/"),
                ));
            }
        }
    }

    /// The page in `rel`, written to `folder/<slug or stem>.html`.
    fn page(&mut self, rel: &Path, folder: &str, stem: String, free: bool) -> Option<Page> {
        let Markdown {
            front,
            body,
            digest,
            text_kept,
        } = self.markdown::<FrontMatter>(rel, free)?;
        let from_file = front.slug.is_none();
        let slug = front.slug.clone().unwrap_or(stem);
        if let Some(problem) = slug_problem(&slug) {
            let (line, column) = read_utf8(self.root, rel)
                .ok()
                .and_then(|t| slug_place(&t))
                .unwrap_or((1, 1));
            let message = if from_file {
                format!("the file name `{slug}` cannot be a page's name: {problem}")
            } else {
                format!("slug `{slug}` cannot be a file name: {problem}")
            };
            let hint = slug_hint(&slug, from_file);
            self.diags
                .push(Diagnostic::error(rel, message).at(line, column).hint(hint));
            return None;
        }
        if free && front.hero.is_some() {
            let (line, column) = read_utf8(self.root, rel)
                .ok()
                .map_or((1, 1), |t| front_place(&t, "hero"));
            self.diags.push(
                Diagnostic::error(rel, "`hero` shows on the home page only, so this page would not show it")
                    .at(line, column)
                    .hint("move the hero to content/index.md, or remove it here and start the page with its text"),
            );
            return None;
        }
        Some(Page {
            source: rel.to_path_buf(),
            front,
            body,
            digest,
            text_kept,
            output: match folder {
                "" => format!("{slug}.html"),
                folder => format!("{folder}/{slug}.html"),
            },
        })
    }

    /// The workshop `slug`, created on first mention (its workshop.yaml may come later).
    fn workshop<'s>(&self, site: &'s mut Site, slug: &str) -> &'s mut Workshop {
        if let Some(i) = site.workshops.iter().position(|w| w.slug == slug) {
            return &mut site.workshops[i];
        }
        site.workshops.push(Workshop {
            source: PathBuf::new(),
            slug: slug.to_string(),
            data: WorkshopFile {
                title: String::new(),
                audience: String::new(),
                summary: None,
                outcomes: vec![],
                days: vec![],
            },
            modules: Vec::new(),
        });
        site.workshops.last_mut().expect("just pushed")
    }
}

#[cfg(test)]
mod tests;

/// Where `key` is in a Markdown file's front matter, as (line, column) in
/// the file; its first line when the front matter cannot be read.
fn front_place(text: &str, key: &str) -> (usize, usize) {
    match frontmatter::split(text) {
        Ok(frontmatter::Split {
            front: Some(front),
            front_line,
            ..
        }) => {
            let (line, column) = yaml::locate(front, &[yaml::Seg::Key(key)]);
            (line + front_line - 1, column)
        }
        _ => (1, 1),
    }
}
