//! Field rules every content file shares, applied while deserializing so an
//! error carries the line and column of the value: required texts are not
//! blank, durations fit in a day, lists that drive a page are not empty.

use serde::de::{Deserialize, Deserializer, Error, MapAccess, SeqAccess, Visitor};
use std::collections::BTreeMap;
use std::fmt;
use std::marker::PhantomData;

/// The longest duration anything may have, in minutes: one day.
pub const MAX_MINUTES: u32 = 24 * 60;

/// Marks the errors below so the loader can phrase them for a trainer.
pub const EMPTY_TEXT: &str = "alsite-empty-text";
/// Followed by a space and the first invisible character's code (`U+200B`).
pub const INVISIBLE_TEXT: &str = "alsite-invisible-text";
/// Ends the two above for a field that may be left out.
pub const OPTIONAL: &str = " (optional)";
pub const EMPTY_LIST: &str = "alsite-empty-list";
pub const BAD_MINUTES: &str = "alsite-minutes-out-of-range";
/// A practice item whose first key is not `type:`; followed by a space,
/// whether `type:` comes later, `|`, the types allowed, `|` and the key
/// (last, as a key may hold a `|` of its own).
pub const TYPE_NOT_FIRST: &str = "alsite-type-not-first";
/// A translation's text written empty (`title:` with nothing after it).
pub const EMPTY_TRANSLATION: &str = "alsite-empty-translation";
/// Followed by a space and the value written.
pub const BAD_PERCENT: &str = "alsite-percent-out-of-range";

// Each rule is a visitor, so the YAML reader reports a broken rule at the
// value itself (line and column) with the path of its field.

/// A text that says something; `optional` marks its errors so the hint
/// can say the field may be left out instead; with `empty`, a text written
/// empty is taken (it is not shown), one of invisible characters is not.
#[derive(Clone, Copy)]
struct Text {
    optional: bool,
    empty: bool,
}

impl Text {
    fn blank<E: Error>(&self, marker: String) -> E {
        E::custom(if self.optional {
            marker + OPTIONAL
        } else {
            marker
        })
    }
}

impl<'de> Visitor<'de> for Text {
    type Value = String;
    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("a text")
    }
    fn visit_str<E: Error>(self, v: &str) -> Result<String, E> {
        if v.trim().is_empty() {
            return match self.empty {
                true => Ok(v.to_string()),
                false => Err(self.blank(EMPTY_TEXT.into())),
            };
        }
        if v.chars().all(|c| c.is_whitespace() || shows_as_nothing(c)) {
            let c = v.chars().find(|&c| shows_as_nothing(c)).unwrap_or(' ');
            return Err(self.blank(format!("{INVISIBLE_TEXT} U+{:04X}", c as u32)));
        }
        Ok(v.to_string())
    }
    fn visit_unit<E: Error>(self) -> Result<String, E> {
        Err(self.blank(EMPTY_TEXT.into()))
    }
    fn visit_none<E: Error>(self) -> Result<String, E> {
        Err(self.blank(EMPTY_TEXT.into()))
    }
}

/// A character a text editor shows as nothing: a zero-width or
/// direction mark, a byte-order mark, a soft hyphen, a no-break space.
pub fn shows_as_nothing(c: char) -> bool {
    matches!(c, '\u{a0}' | '\u{ad}' | '\u{200b}'..='\u{200f}' | '\u{202a}'..='\u{202e}' | '\u{2060}'..='\u{2064}' | '\u{feff}')
}

/// A text that must be present and not blank.
pub fn required_text<'de, D: Deserializer<'de>>(d: D) -> Result<String, D::Error> {
    d.deserialize_str(Text {
        optional: false,
        empty: false,
    })
}

/// Like [`required_text`], for a field with a default (`language:`,
/// `theme:`): left out it takes the default; written, it says something,
/// and an empty one is told it may be removed.
pub fn defaulted_text<'de, D: Deserializer<'de>>(d: D) -> Result<String, D::Error> {
    d.deserialize_str(Text {
        optional: true,
        empty: false,
    })
}

/// Like [`required_text`], for a field that may be left out: written, it
/// says something.
pub fn optional_text<'de, D: Deserializer<'de>>(d: D) -> Result<Option<String>, D::Error> {
    d.deserialize_option(Maybe(Text {
        optional: true,
        empty: false,
    }))
}

/// Like [`optional_text`], for an address (an e-mail, a web address):
/// spaces around it, as in `email: "hello@northbridge.example "`, are
/// never part of it, and go.
pub fn optional_address<'de, D: Deserializer<'de>>(d: D) -> Result<Option<String>, D::Error> {
    let text = optional_text(d)?;
    Ok(text.map(|t| match t.trim() {
        trimmed if trimmed.len() == t.len() => t,
        trimmed => trimmed.to_string(),
    }))
}

/// An optional text a page shows (a description, an explanation, a
/// note): left out, written empty or of spaces only it is not shown (a
/// page's own, then, gives way to the site's), but one holding only
/// characters that show as nothing (a zero-width space pasted from a web
/// page) is an error naming the character, not an empty quote on the page.
pub fn shown_text<'de, D: Deserializer<'de>>(d: D) -> Result<Option<String>, D::Error> {
    d.deserialize_option(Maybe(Text {
        optional: true,
        empty: true,
    }))
}

/// A text that may be left out (`None` for a missing or null value), read
/// as the [`Text`] it holds says.
struct Maybe(Text);

impl<'de> Visitor<'de> for Maybe {
    type Value = Option<String>;
    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("a text")
    }
    fn visit_none<E: Error>(self) -> Result<Option<String>, E> {
        Ok(None)
    }
    fn visit_unit<E: Error>(self) -> Result<Option<String>, E> {
        Ok(None)
    }
    /// A text of spaces only, which [`shown_text`] takes, shows as
    /// nothing too: it is left out, as one written empty is.
    fn visit_some<D: Deserializer<'de>>(self, d: D) -> Result<Option<String>, D::Error> {
        let text = d.deserialize_str(self.0)?;
        Ok((!text.trim().is_empty()).then_some(text))
    }
}

/// A translation's text, which may be left out (the default language's
/// text is shown then) but not written empty: `title:` with nothing after
/// it is a translation not written yet, which would show the default
/// language's words without a word.
pub fn translated_text<'de, D: Deserializer<'de>>(d: D) -> Result<Option<String>, D::Error> {
    d.deserialize_str(Translated).map(Some)
}

struct Translated;

impl<'de> Visitor<'de> for Translated {
    type Value = String;
    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("a text")
    }
    fn visit_str<E: Error>(self, v: &str) -> Result<String, E> {
        Text {
            optional: true,
            empty: false,
        }
        .visit_str(v)
        .map_err(|_: E| E::custom(EMPTY_TRANSLATION))
    }
    fn visit_unit<E: Error>(self) -> Result<String, E> {
        Err(E::custom(EMPTY_TRANSLATION))
    }
    fn visit_none<E: Error>(self) -> Result<String, E> {
        Err(E::custom(EMPTY_TRANSLATION))
    }
}

/// A list of texts, none of them blank (an empty entry would show as an
/// empty bullet, model answer or step).
pub fn texts<'de, D: Deserializer<'de>>(d: D) -> Result<Vec<String>, D::Error> {
    #[derive(serde::Deserialize)]
    struct Entry(#[serde(deserialize_with = "required_text")] String);
    let list = Vec::<Entry>::deserialize(d)?;
    Ok(list.into_iter().map(|e| e.0).collect())
}

struct Minutes;

impl<'de> Visitor<'de> for Minutes {
    type Value = u32;
    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        write!(f, "a whole number of minutes from 1 to {MAX_MINUTES}")
    }
    fn visit_u64<E: Error>(self, v: u64) -> Result<u32, E> {
        match u32::try_from(v) {
            Ok(n) if (1..=MAX_MINUTES).contains(&n) => Ok(n),
            _ => Err(E::custom(BAD_MINUTES)),
        }
    }
    fn visit_i64<E: Error>(self, _: i64) -> Result<u32, E> {
        Err(E::custom(BAD_MINUTES))
    }
    fn visit_u128<E: Error>(self, _: u128) -> Result<u32, E> {
        Err(E::custom(BAD_MINUTES))
    }
    fn visit_i128<E: Error>(self, _: i128) -> Result<u32, E> {
        Err(E::custom(BAD_MINUTES))
    }
    fn visit_f64<E: Error>(self, _: f64) -> Result<u32, E> {
        Err(E::custom(BAD_MINUTES))
    }
}

/// A number of minutes from 1 to a day.
pub fn minutes<'de, D: Deserializer<'de>>(d: D) -> Result<u32, D::Error> {
    d.deserialize_u64(Minutes)
}

/// Like [`minutes`], for a field that may be left out.
pub fn optional_minutes<'de, D: Deserializer<'de>>(d: D) -> Result<Option<u32>, D::Error> {
    #[derive(serde::Deserialize)]
    struct Wrap(#[serde(deserialize_with = "minutes")] u32);
    Ok(Option::<Wrap>::deserialize(d)?.map(|w| w.0))
}

struct Percent;

impl Percent {
    fn check<E: Error>(v: impl Into<i128> + Copy + fmt::Display) -> Result<u32, E> {
        match u32::try_from(v.into()) {
            Ok(n) if n <= 100 => Ok(n),
            _ => Err(E::custom(format!("{BAD_PERCENT} {v}"))),
        }
    }
}

impl<'de> Visitor<'de> for Percent {
    type Value = u32;
    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("a percentage: a whole number from 0 to 100")
    }
    fn visit_u64<E: Error>(self, v: u64) -> Result<u32, E> {
        Self::check(v)
    }
    fn visit_i64<E: Error>(self, v: i64) -> Result<u32, E> {
        Self::check(v)
    }
    fn visit_u128<E: Error>(self, v: u128) -> Result<u32, E> {
        Err(E::custom(format!("{BAD_PERCENT} {v}")))
    }
    fn visit_i128<E: Error>(self, v: i128) -> Result<u32, E> {
        Self::check(v)
    }
    fn visit_f64<E: Error>(self, v: f64) -> Result<u32, E> {
        Err(E::custom(format!("{BAD_PERCENT} {v}")))
    }
}

/// A percentage, 0 to 100, that may be left out.
pub fn optional_percent<'de, D: Deserializer<'de>>(d: D) -> Result<Option<u32>, D::Error> {
    #[derive(serde::Deserialize)]
    struct Wrap(#[serde(deserialize_with = "percent")] u32);
    fn percent<'de, D: Deserializer<'de>>(d: D) -> Result<u32, D::Error> {
        d.deserialize_any(Percent)
    }
    Ok(Option::<Wrap>::deserialize(d)?.map(|w| w.0))
}

struct NonEmpty<T>(PhantomData<T>);

impl<'de, T: Deserialize<'de>> Visitor<'de> for NonEmpty<T> {
    type Value = Vec<T>;
    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("a sequence")
    }
    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Vec<T>, A::Error> {
        let mut list = Vec::new();
        while let Some(item) = seq.next_element()? {
            list.push(item);
        }
        if list.is_empty() {
            return Err(A::Error::custom(EMPTY_LIST));
        }
        Ok(list)
    }
}

/// A list with at least one entry.
pub fn non_empty<'de, D, T>(d: D) -> Result<Vec<T>, D::Error>
where
    D: Deserializer<'de>,
    T: Deserialize<'de>,
{
    d.deserialize_seq(NonEmpty(PhantomData))
}

struct UniqueKeys<V>(PhantomData<V>);

impl<'de, V: Deserialize<'de>> Visitor<'de> for UniqueKeys<V> {
    type Value = BTreeMap<String, V>;
    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("a mapping")
    }
    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Self::Value, A::Error> {
        let mut entries = BTreeMap::new();
        while let Some(key) = map.next_key::<String>()? {
            if entries.contains_key(&key) {
                // The words serde_yaml uses for a duplicate key, which the
                // loader places at the second key's line.
                return Err(A::Error::custom(format!(
                    "duplicate entry with key {key:?}"
                )));
            }
            let value = map.next_value()?;
            entries.insert(key, value);
        }
        Ok(entries)
    }
}

/// A mapping by name (a language code) in which each name is given once:
/// a second `en:` would otherwise replace the first without a word.
pub fn unique_keys<'de, D, V>(d: D) -> Result<BTreeMap<String, V>, D::Error>
where
    D: Deserializer<'de>,
    V: Deserialize<'de>,
{
    d.deserialize_map(UniqueKeys(PhantomData))
}
