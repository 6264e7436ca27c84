//! How much of SCORM 1.2's `suspend_data` a SCO's progress can take once
//! lms.js has made it as small as it goes: every typed answer's text
//! left out, every choice, category and order kept whole (they are what the
//! page shows as right or wrong on resume), with the short field names
//! lms.js writes. Read from the data the built pages give their
//! scripts (`practice-data`, and a session's `session-data` and
//! `pause-data`), so the ids, choices and turns are exactly the ones the
//! learner's browser stores.

use super::Sco;
use crate::html;
use serde_json::{json, Map, Value};
use std::collections::HashMap;

/// What a practice set's or a session's page gives its script, by storage key.
#[derive(Default)]
pub struct Pages {
    /// The practice items (a session's: its pauses).
    items: HashMap<String, Vec<Value>>,
    /// A session's number of turns.
    turns: HashMap<String, u64>,
}

impl Pages {
    /// Reads the built pages `(path, bytes)`.
    pub fn read<'a>(pages: impl IntoIterator<Item = (&'a str, &'a [u8])>) -> Pages {
        let mut found = Pages::default();
        for (path, bytes) in pages {
            if !path.ends_with(".html") {
                continue;
            }
            let Ok(page) = std::str::from_utf8(bytes) else {
                continue;
            };
            found.add(page);
        }
        found
    }

    fn add(&mut self, page: &str) {
        for id in ["practice-data", "pause-data"] {
            if let Some(data) = script(page, id) {
                let key = data["key"].as_str().unwrap_or_default().to_string();
                let items = data["items"].as_array().cloned().unwrap_or_default();
                self.items.insert(key, items);
            }
        }
        if let Some(data) = script(page, "session-data") {
            let key = data["key"].as_str().unwrap_or_default().to_string();
            self.turns.insert(key, data["turns"].as_u64().unwrap_or(0));
        }
    }
}

/// The JSON in `<script id="{id}">` of `page`.
fn script(page: &str, id: &str) -> Option<Value> {
    let tag = html::start_tags(page)
        .find(|t| t.name.eq_ignore_ascii_case("script") && t.get("id") == Some(id))?;
    // Where the tag's text starts: after the `>` that ends its attributes.
    let start =
        tag.attributes.as_ptr() as usize - page.as_ptr() as usize + tag.attributes.len() + 1;
    let rest = page.get(start..)?;
    let text = &rest[..html::raw_text_end(rest, "script").unwrap_or(rest.len())];
    // Plain JSON: render::practice::script_json writes `<` as `\u003c`.
    serde_json::from_str(text).ok()
}

/// The most characters of `suspend_data` the progress of `sco` can take with
/// every typed answer left out: what SCORM 1.2 must have room for. (The
/// items' fingerprints, which lms.js leaves out before any typed text,
/// are not counted: the page data's `fingerprint` is read past.)
pub fn least(sco: &Sco, pages: &Pages) -> usize {
    let originals = sco.practice.iter().map(|(k, _)| k);
    let translated = |of: &Vec<String>| {
        sco.also
            .iter()
            .filter(|(_, o)| of.contains(o))
            .map(|(t, _)| t.clone())
            .collect::<Vec<_>>()
    };
    let practice_keys: Vec<String> = originals.cloned().collect();
    let sets = practice_keys
        .iter()
        .cloned()
        .chain(translated(&practice_keys));
    let sessions: Vec<String> = sco
        .sessions
        .iter()
        .cloned()
        .chain(translated(&sco.sessions))
        .collect();
    let mut s = Map::new();
    for key in sets {
        s.insert(key.clone(), answers(pages.items.get(&key)));
    }
    for key in &sessions {
        let pauses = pauses(pages.items.get(key));
        let turns = pages.turns.get(key).copied().unwrap_or(0);
        s.insert(
            key.clone(),
            json!({ "player": { "t": turns, "p": pauses, "x": false } }),
        );
    }
    let state = json!({ "v": 1, "s": s, "d": sessions, "c": 1 });
    // JavaScript counts a string's length in UTF-16 units.
    state.to_string().encode_utf16().count()
}

/// Each item's largest answer, by id.
fn answers(items: Option<&Vec<Value>>) -> Value {
    let by_id = items
        .into_iter()
        .flatten()
        .map(|item| (id(item), largest(item)));
    Value::Object(by_id.collect())
}

/// A session's pauses: each answered (its largest answer) or skipped.
fn pauses(items: Option<&Vec<Value>>) -> Value {
    let by_id = items.into_iter().flatten().map(|item| {
        let answered = largest(item);
        let skipped = json!({ "k": true });
        let longer = match answered.to_string().len() >= skipped.to_string().len() {
            true => answered,
            false => skipped,
        };
        (id(item), longer)
    });
    Value::Object(by_id.collect())
}

impl Pages {
    /// Each item's fingerprint, by id, in the set or session stored under
    /// `key` (see `render::practice::fingerprint`).
    pub fn fingerprints(&self, key: &str) -> Value {
        let items = self.items.get(key).into_iter().flatten();
        Value::Object(
            items
                .map(|item| (id(item), item["fingerprint"].clone()))
                .collect(),
        )
    }
}

fn id(item: &Value) -> String {
    item["id"].as_str().unwrap_or_default().to_string()
}

/// The longest answer to `item` that lms.js keeps whole: every option
/// of a choice of several (of a choice of one, the last), the longest
/// category's id, every step of an order; of a typed answer only right or
/// wrong and whether the learner marked it.
fn largest(item: &Value) -> Value {
    let count = |list: &Value| list.as_array().map_or(0, Vec::len);
    match item["type"].as_str() {
        Some("choose") => {
            // One option (the last, the longest number) unless several may be chosen.
            let n = count(&item["options"]);
            let first = match item["multiple"].as_bool() {
                Some(true) => 0,
                _ => n.saturating_sub(1),
            };
            json!({ "a": (first..n).collect::<Vec<_>>(), "c": false })
        }
        Some("classify") => {
            let names = item["names"]
                .as_object()
                .into_iter()
                .flatten()
                .map(|(k, _)| k.as_str());
            let also = item["also"]
                .as_array()
                .into_iter()
                .flatten()
                .filter_map(Value::as_str);
            let ids = names.chain(also).chain(item["answer"].as_str());
            let longest = ids
                .max_by_key(|id| json!(id).to_string().len())
                .unwrap_or_default();
            json!({ "a": longest, "c": false })
        }
        Some("order") => {
            json!({ "a": (1..=item["size"].as_u64().unwrap_or(0)).collect::<Vec<_>>(), "c": false })
        }
        Some("rewrite") => json!({ "c": false, "f": false }),
        _ => json!({ "c": false }),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_data_of_a_page_is_read_as_its_script_reads_it() {
        let page = r#"<p>x</p><script type="application/json" id="practice-data">{"key":"alsite-practice:a","items":[{"id":"item-1","fingerprint":"ab12","type":"classify","answer":"open","names":{"open":"Open","limited-choice":"Limited"},"reason":"\u003c!-- no -->\u003c/p>"}]}</script>"#;
        let pages = Pages::read([("practice/a.html", page.as_bytes())]);
        let sco = Sco {
            start: String::new(),
            practice: vec![("alsite-practice:a".into(), 1)],
            sessions: Vec::new(),
            also: Vec::new(),
        };
        let want = r#"{"v":1,"s":{"alsite-practice:a":{"item-1":{"a":"limited-choice","c":false}}},"d":[],"c":1}"#;
        assert_eq!(least(&sco, &pages), want.len());
    }

    #[test]
    fn a_session_counts_its_place_and_pauses_and_a_translation_its_own_answers() {
        let session = r#"<script type="application/json" id="session-data">{"turns":12,"stages":[],"key":"alsite-session:s"}</script>
<script type="application/json" id="pause-data">{"key":"alsite-session:s","items":[{"id":"pause-1","type":"rewrite"},{"id":"pause-2","type":"order","size":3}]}</script>"#;
        let set = r#"<script type="application/json" id="practice-data">{"key":"KEY","items":[{"id":"item-1","type":"choose","multiple":true,"options":[{},{},{}]},{"id":"item-2","type":"choose","multiple":false,"options":[{},{},{}]}]}</script>"#;
        let english = set.replace("KEY", "alsite-practice:en/a");
        let polish = set.replace("KEY", "alsite-practice:a");
        let pages = Pages::read([
            ("sessions/s.html", session.as_bytes()),
            ("practice/a.html", polish.as_bytes()),
            ("en/practice/a.html", english.as_bytes()),
        ]);
        let sco = Sco {
            start: String::new(),
            practice: vec![("alsite-practice:a".into(), 1)],
            sessions: vec!["alsite-session:s".into()],
            also: vec![("alsite-practice:en/a".into(), "alsite-practice:a".into())],
        };
        let answers = r#"{"item-1":{"a":[0,1,2],"c":false},"item-2":{"a":[2],"c":false}}"#;
        let want = format!(
            r#"{{"v":1,"s":{{"alsite-practice:a":{answers},"alsite-practice:en/a":{answers},"alsite-session:s":{{"player":{{"t":12,"p":{{"pause-1":{{"c":false,"f":false}},"pause-2":{{"a":[1,2,3],"c":false}}}},"x":false}}}}}},"d":["alsite-session:s"],"c":1}}"#
        );
        assert_eq!(least(&sco, &pages), want.len());
    }
}
