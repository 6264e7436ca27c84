//! The content types: what a trainer writes, as Rust values. Every type rejects
//! unknown fields, so a typo is an error rather than silently ignored text.
//! This module depends on nothing else in the crate.

pub mod fields;
mod method;
mod offer;
mod page;
mod practice;
pub mod schedule;
mod session;
mod workshop;

pub use method::{Component, Components, Example, GroundRules, Rule};
pub use offer::{Action, Offer, Offers};
pub use page::{FrontMatter, Hero, HeroButton, Page};
pub use practice::{
    ChooseItem, ChooseOption, ClassifyItem, Item, LanguageRules, OrderItem, PracticeSet,
    QuestionRules, QuestionType, QuestionTypes, RewriteItem,
};
pub use session::{Role, RoleKind, Session, Stage, StageKind, Turn};
pub use workshop::{
    Activity, ActivityKind, Day, DayItem, Module, ModuleFront, Workshop, WorkshopFile,
};

use std::collections::BTreeMap;
use std::path::PathBuf;

/// A YAML document of type `T` and where it came from.
#[derive(Debug, Clone)]
pub struct Doc<T> {
    /// Path relative to the site root, e.g. `content/sessions/onboarding.yaml`.
    pub source: PathBuf,
    /// The file name without extension: the last part of its URL.
    pub slug: String,
    pub data: T,
}

/// Everything loaded from a site folder.
#[derive(Debug, Clone)]
pub struct Site {
    pub config: crate::config::Config,
    pub home: Option<Page>,
    pub pages: Vec<Page>,
    pub ground_rules: Option<Doc<GroundRules>>,
    pub components: Option<Doc<Components>>,
    pub offers: Option<Doc<Offers>>,
    pub question_types: Option<Doc<QuestionTypes>>,
    pub question_rules: Option<Doc<QuestionRules>>,
    pub practice: Vec<Doc<PracticeSet>>,
    pub sessions: Vec<Doc<Session>>,
    pub workshops: Vec<Workshop>,
    /// Files copied as they are (images, PDFs): source path and output path.
    pub assets: Vec<(PathBuf, String)>,
    /// The text of every file read, by source path, to place diagnostics found later.
    pub texts: BTreeMap<PathBuf, String>,
    /// Each link under `content/` (from the site's folder) and where it
    /// leads, resolved (always inside the site's folder): the output folder
    /// may not cover what they lead to.
    pub linked: Vec<(PathBuf, PathBuf)>,
    /// The UI strings of the site's language (English until the build loads them).
    pub strings: std::sync::Arc<crate::i18n::Strings>,
    /// The same site in its other languages (`languages:` in site.yaml),
    /// each holding the files translated into it.
    pub translations: Vec<Site>,
}

impl Site {
    /// A site with `config` and no content yet.
    pub fn new(config: crate::config::Config) -> Site {
        Site {
            config,
            home: None,
            pages: Vec::new(),
            ground_rules: None,
            components: None,
            offers: None,
            question_types: None,
            question_rules: None,
            practice: Vec::new(),
            sessions: Vec::new(),
            workshops: Vec::new(),
            assets: Vec::new(),
            texts: BTreeMap::new(),
            linked: Vec::new(),
            strings: crate::i18n::builtin_english(),
            translations: Vec::new(),
        }
    }
}

impl Site {
    /// The practice set with this slug (the list is kept sorted by slug).
    pub fn practice_set(&self, slug: &str) -> Option<&Doc<PracticeSet>> {
        find_by_slug(&self.practice, slug)
    }

    /// The session with this slug (the list is kept sorted by slug).
    pub fn session(&self, slug: &str) -> Option<&Doc<Session>> {
        find_by_slug(&self.sessions, slug)
    }

    /// The workshop with this slug (the list is kept sorted by slug).
    pub fn workshop(&self, slug: &str) -> Option<&Workshop> {
        let found = self
            .workshops
            .binary_search_by(|w| w.slug.as_str().cmp(slug));
        found.ok().map(|i| &self.workshops[i])
    }

    /// Sorts the lists looked up by slug; the loader calls it once everything is in.
    /// Workshops loaded in parts (its `workshop.yaml` and each module, from
    /// runs of files read apart) become one workshop each, their modules in
    /// the order their files were read.
    pub fn sort_by_slug(&mut self) {
        self.practice.sort_by(|a, b| a.slug.cmp(&b.slug));
        self.sessions.sort_by(|a, b| a.slug.cmp(&b.slug));
        self.workshops.sort_by(|a, b| a.slug.cmp(&b.slug));
        self.workshops.dedup_by(|later, earlier| {
            if later.slug != earlier.slug {
                return false;
            }
            if !later.source.as_os_str().is_empty() {
                std::mem::swap(&mut earlier.source, &mut later.source);
                std::mem::swap(&mut earlier.data, &mut later.data);
            }
            earlier.modules.append(&mut later.modules);
            true
        });
    }
}

/// A binary search: a workshop's activities look sets and sessions up by
/// slug, and a search of the whole list for each grows with the square.
fn find_by_slug<'a, T>(docs: &'a [Doc<T>], slug: &str) -> Option<&'a Doc<T>> {
    docs.binary_search_by(|d| d.slug.as_str().cmp(slug))
        .ok()
        .map(|i| &docs[i])
}

impl Site {
    /// Adds what `other` loaded (from other files) to this site.
    pub fn merge(&mut self, other: Site) {
        fn take<T>(mine: &mut Option<T>, theirs: Option<T>) {
            if theirs.is_some() {
                *mine = theirs;
            }
        }
        take(&mut self.home, other.home);
        take(&mut self.ground_rules, other.ground_rules);
        take(&mut self.components, other.components);
        take(&mut self.offers, other.offers);
        take(&mut self.question_types, other.question_types);
        take(&mut self.question_rules, other.question_rules);
        self.pages.extend(other.pages);
        self.practice.extend(other.practice);
        self.sessions.extend(other.sessions);
        self.assets.extend(other.assets);
        self.texts.extend(other.texts);
        // Parts of one workshop are joined by `sort_by_slug`, once all are in.
        self.workshops.extend(other.workshops);
    }

    /// Makes room for the content of `parts`, to be merged into this site:
    /// a list that grows by doubling copies itself each time, and at 100,000
    /// pages that copying was a tenth of a second of the load.
    pub fn reserve_for<'a>(&mut self, parts: impl Iterator<Item = &'a Site> + Clone) {
        let count = |f: fn(&Site) -> usize| parts.clone().map(f).sum::<usize>();
        self.pages.reserve(count(|s| s.pages.len()));
        self.practice.reserve(count(|s| s.practice.len()));
        self.sessions.reserve(count(|s| s.sessions.len()));
        self.workshops.reserve(count(|s| s.workshops.len()));
    }
}

/// Deserializes an enum written as a mapping whose first key is `type:`, e.g.
/// `{type: choose, prompt: …}`. serde's internally tagged enums buffer the
/// mapping and lose serde_yaml's error positions; reading the tag first and
/// handing the rest of the mapping on keeps every position exact.
macro_rules! tagged_by_type {
    ($enum:ident { $($tag:literal => $variant:ident($ty:ty)),+ $(,)? }) => {
        impl<'de> serde::Deserialize<'de> for $enum {
            fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
                use serde::de::{self, value::MapAccessDeserializer, MapAccess, Visitor};
                const TAGS: &[&str] = &[$($tag),+];
                struct V;
                impl<'de> Visitor<'de> for V {
                    type Value = $enum;
                    fn expecting(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                        write!(f, "a mapping starting with `type:` (one of {})", TAGS.join(", "))
                    }
                    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<$enum, A::Error> {
                        let first = map.next_key::<String>()?;
                        if first.as_deref() != Some("type") {
                            // Is `type:` further down? The message says which.
                            let mut later = false;
                            if first.is_some() {
                                map.next_value::<de::IgnoredAny>()?;
                                while let Some(k) = map.next_key::<String>()? {
                                    later |= k == "type";
                                    map.next_value::<de::IgnoredAny>()?;
                                }
                            }
                            return Err(de::Error::custom(format!(
                                "{} {}|{}|{}",
                                crate::model::fields::TYPE_NOT_FIRST,
                                later,
                                TAGS.join(", "),
                                first.unwrap_or_default()
                            )));
                        }
                        // Checked as the value is read, so an unknown type
                        // is placed at its value (`items[1].type`).
                        struct Tag(String);
                        impl<'de> serde::Deserialize<'de> for Tag {
                            fn deserialize<T: serde::Deserializer<'de>>(d: T) -> Result<Tag, T::Error> {
                                struct TagVisitor;
                                impl<'de> Visitor<'de> for TagVisitor {
                                    type Value = Tag;
                                    fn expecting(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                                        write!(f, "one of {}", TAGS.join(", "))
                                    }
                                    fn visit_str<E: de::Error>(self, tag: &str) -> Result<Tag, E> {
                                        if tag.trim().is_empty() || TAGS.contains(&tag) {
                                            Ok(Tag(tag.to_string()))
                                        } else {
                                            Err(E::unknown_variant(tag, TAGS))
                                        }
                                    }
                                }
                                d.deserialize_str(TagVisitor)
                            }
                        }
                        let Tag(tag) = map.next_value()?;
                        if tag.trim().is_empty() {
                            return Err(de::Error::custom(format!(
                                "{} false|{}|type",
                                crate::model::fields::TYPE_NOT_FIRST,
                                TAGS.join(", ")
                            )));
                        }
                        match tag.as_str() {
                            $($tag => <$ty>::deserialize(MapAccessDeserializer::new(map)).map($enum::$variant),)+
                            other => Err(de::Error::unknown_variant(other, TAGS)),
                        }
                    }
                }
                d.deserialize_map(V)
            }
        }
    };
}
pub(crate) use tagged_by_type;
