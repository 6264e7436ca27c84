//! Practice pages: one page per set and an index of sets. Each item is
//! rendered twice: a view for the template (complete without JavaScript, the
//! answer in `<details>`) and data for the page script. Sessions reuse
//! [`item`] for their pause checkpoints.

use super::markdown::{inline_html, to_html, Ids};
use super::{relative_url, safe};
use crate::model::*;
use minijinja::{context, Value};
use serde_json::json;

pub const INDEX_PATH: &str = "practice/index.html";

pub fn set_path(slug: &str) -> String {
    format!("practice/{slug}.html")
}

/// A practice item ready for a page: `view` for the template, `data` for the script.
pub struct RenderedItem {
    pub view: Value,
    pub data: serde_json::Value,
}

/// Renders `item`, whose element gets the id `dom_id`, for the page at `path`.
/// Explanations are Markdown of their own: `ids` gives them the page's
/// settings, not its ids. What its script shows once answered is bound as
/// the page's text is (Polish line breaking), on a practice page and in a
/// session's pause alike.
pub fn item(
    item: &Item,
    dom_id: &str,
    number: usize,
    path: &str,
    site: &Site,
    ids: &Ids,
) -> RenderedItem {
    let mut rendered = unbound_item(item, dom_id, number, path, site, ids);
    if super::typography::applies_to(&site.config.language) {
        super::typography::bind_shown(&mut rendered.data);
    }
    rendered.data["fingerprint"] = json!(fingerprint(item));
    rendered
}

/// Four letters or digits that change when what a saved answer refers to
/// changes: the question, and the options, categories or steps an answer
/// picks from. An item's id is its place in the set, so an answer saved
/// before the trainer inserted, removed or rewrote an item would otherwise
/// be shown, and counted, on the item now in its place (practice.js and
/// progress.js leave such an answer out). Feedback, explanations, hints and
/// model answers are not in it: mending a typo there keeps the answers.
pub fn fingerprint(item: &Item) -> String {
    let flag = |b: bool| if b { "1" } else { "0" };
    let parts: Vec<&str> = match item {
        Item::Choose(c) => std::iter::once("choose")
            .chain(std::iter::once(c.prompt.as_str()))
            .chain(
                c.options
                    .iter()
                    .flat_map(|o| [o.text.as_str(), flag(o.correct)]),
            )
            .collect(),
        Item::Classify(c) => ["classify", &c.question, &c.answer]
            .into_iter()
            .chain(c.also.iter().map(String::as_str))
            .collect(),
        Item::Rewrite(r) => vec!["rewrite", &r.statement],
        Item::Order(o) => ["order", o.prompt.as_str()]
            .into_iter()
            .chain(o.steps.iter().map(String::as_str))
            .collect(),
    };
    let mut n = crate::digest::of_parts(parts.iter().map(|p| p.as_bytes())) % 36u64.pow(4);
    let mut out = [b'0'; 4];
    for digit in out.iter_mut().rev() {
        *digit = b"0123456789abcdefghijklmnopqrstuvwxyz"[(n % 36) as usize];
        n /= 36;
    }
    String::from_utf8_lossy(&out).into_owned()
}

/// The letters that name a question's options, in order
/// (`practice.option_letters`: a Ukrainian site's "АБВГ…").
fn option_letters(site: &Site) -> Vec<char> {
    // Letters and digits alone: "А, Б, В" names its options А, Б and В.
    let letters: Vec<char> = match site.strings.get("practice.option_letters") {
        Some(crate::i18n::Entry::Text(text)) => {
            text.chars().filter(|c| c.is_alphanumeric()).collect()
        }
        _ => Vec::new(),
    };
    match letters.len() {
        0 => ('A'..='Z').collect(),
        _ => letters,
    }
}

fn unbound_item(
    item: &Item,
    dom_id: &str,
    number: usize,
    path: &str,
    site: &Site,
    ids: &Ids,
) -> RenderedItem {
    let s = &site.strings;
    let md = |s: &str| inline_html(s, path, ids);
    let explain = |e: &Option<String>| e.as_deref().map(|e| to_html(e, path, &mut ids.fresh()));
    match item {
        Item::Choose(c) => {
            let letters = option_letters(site);
            let multiple = c.options.iter().filter(|o| o.correct).count() > 1;
            let answer: Vec<String> = c
                .options
                .iter()
                .enumerate()
                .filter(|(_, o)| o.correct)
                .map(|(i, _)| letters[i % letters.len()].to_string())
                .collect();
            let explain = explain(&c.explain);
            RenderedItem {
                view: context! {
                    id => dom_id, number => number, type => "choose",
                    heading => s.t(if multiple { "practice.heading_choose_many" } else { "practice.heading_choose" }, &[]),
                    prompt => safe(md(&c.prompt)),
                    multiple => multiple,
                    answer => answer.join(", "),
                    options => c.options.iter().enumerate().map(|(i, o)| context! {
                        letter => letters[i % letters.len()].to_string(), text => &o.text,
                        correct => o.correct, feedback => safe(md(&o.feedback)),
                    }).collect::<Vec<_>>(),
                    explain => explain.clone().map(safe),
                },
                data: json!({
                    "type": "choose",
                    "multiple": multiple,
                    "options": c.options.iter().map(|o| json!({"correct": o.correct, "feedback": md(&o.feedback)})).collect::<Vec<_>>(),
                    "explain": explain,
                }),
            }
        }
        Item::Classify(c) => {
            let types = site
                .question_types
                .as_ref()
                .map(|d| d.data.types.as_slice())
                .unwrap_or(&[]);
            let name = |id: &str| {
                types
                    .iter()
                    .find(|t| t.id == id)
                    .map_or(id.to_string(), |t| t.name.clone())
            };
            let explain = explain(&c.explain);
            let reason = md(&c.reason);
            RenderedItem {
                view: context! {
                    id => dom_id, number => number, type => "classify",
                    heading => s.t("practice.heading_classify", &[]),
                    question => &c.question,
                    answer_name => name(&c.answer),
                    also_names => c.also.iter().map(|a| name(a)).collect::<Vec<_>>(),
                    reason => safe(reason.clone()),
                    categories => types.iter().map(|t| context! { id => &t.id, name => &t.name }).collect::<Vec<_>>(),
                    explain => explain.clone().map(safe),
                },
                data: json!({
                    "type": "classify",
                    "answer": c.answer,
                    "also": c.also,
                    "names": types.iter().map(|t| (t.id.clone(), json!(t.name))).collect::<serde_json::Map<_, _>>(),
                    "reason": reason,
                    "explain": explain,
                }),
            }
        }
        Item::Rewrite(r) => {
            let explain = explain(&r.explain);
            RenderedItem {
                view: context! {
                    id => dom_id, number => number, type => "rewrite",
                    heading => s.t("practice.heading_rewrite", &[]),
                    statement => &r.statement,
                    hint => r.hint.as_deref().map(|h| safe(md(h))),
                    models => &r.models,
                    explain => explain.clone().map(safe),
                },
                data: json!({ "type": "rewrite", "models": r.models, "explain": explain }),
            }
        }
        Item::Order(o) => {
            let order = shuffled(o.steps.len(), &format!("{path}#{dom_id}"));
            let explain = explain(&o.explain);
            RenderedItem {
                view: context! {
                    id => dom_id, number => number, type => "order",
                    heading => s.t("practice.heading_order", &[]),
                    prompt => safe(md(&o.prompt)),
                    steps => order.iter().map(|&i| context! { text => &o.steps[i], position => i + 1 }).collect::<Vec<_>>(),
                    correct => &o.steps,
                    explain => explain.clone().map(safe),
                },
                data: json!({ "type": "order", "size": o.steps.len(), "explain": explain }),
            }
        }
    }
}

/// A fixed shuffle of `0..n` that depends on `seed` and, for n > 1, never
/// leaves every step in its place, so the page shows the same puzzle every build.
pub fn shuffled(n: usize, seed: &str) -> Vec<usize> {
    let mut state = seed.bytes().fold(0xcbf2_9ce4_8422_2325_u64, |h, b| {
        (h ^ u64::from(b)).wrapping_mul(0x100_0000_01b3)
    });
    let mut order: Vec<usize> = (0..n).collect();
    for i in (1..n).rev() {
        state = state
            .wrapping_mul(6_364_136_223_846_793_005)
            .wrapping_add(1_442_695_040_888_963_407);
        let j = (state >> 33) as usize % (i + 1);
        order.swap(i, j);
    }
    if n > 1 && order.iter().enumerate().all(|(i, &v)| i == v) {
        order.rotate_left(1);
    }
    order
}

/// The embedded data for a page of practice items: the checker's word lists
/// (every language's: the checker takes the page's own, else English) and
/// each item's data, in page order, with its element id.
pub fn page_data(site: &Site, key: &str, items: Vec<serde_json::Value>) -> Value {
    let rules = site
        .question_rules
        .as_ref()
        .map(|d| json!({ "languages": d.data.languages }));
    let data = json!({ "key": key, "rules": rules, "items": items });
    safe(script_json(&data))
}

/// The localStorage key of a page's saved answers: `alsite-practice:slug`,
/// with the language in it for a translation (`alsite-practice:en/slug`),
/// so the two versions of a page keep their answers apart.
pub fn storage_key(site: &Site, kind: &str, slug: &str) -> String {
    let default = site
        .config
        .all_languages()
        .into_iter()
        .next()
        .unwrap_or_default();
    if site.config.language == default {
        format!("{kind}:{slug}")
    } else {
        format!("{kind}:{}/{slug}", site.config.language)
    }
}

/// JSON that is safe inside `<script type="application/json">`.
pub fn script_json(value: &serde_json::Value) -> String {
    // `<` only ever stands inside a JSON string, where `\u003c` reads back
    // as the same letter: no `</script>` or `<!--` can end or bend the
    // script element, and the text is still JSON.
    serde_json::to_string(value)
        .unwrap_or_else(|_| "null".into())
        .replace('<', "\\u003c")
}

pub fn set_context(site: &Site, doc: &Doc<PracticeSet>, path: &str, ids: &mut Ids) -> Value {
    let mut data = Vec::new();
    let items: Vec<Value> = doc
        .data
        .items
        .iter()
        .enumerate()
        .map(|(i, it)| {
            let id = ids.unique(&format!("item-{}", i + 1));
            let rendered = item(it, &id, i + 1, path, site, ids);
            let mut item_data = rendered.data;
            item_data["id"] = json!(id);
            data.push(item_data);
            rendered.view
        })
        .collect();
    context! {
        intro => doc.data.intro.as_deref().map(|i| safe(to_html(i, path, ids))),
        items => items,
        count => doc.data.items.len(),
        practice_data => page_data(site, &storage_key(site, "alsite-practice", &doc.slug), data),
        index_href => relative_url(path, INDEX_PATH),
    }
}

/// What a set's items are, by type: how many of each (e.g. "10 rewriting
/// questions, 1 putting steps in order"), or only the type's name when
/// every item is one type (the card's count says how many).
pub fn type_counts(site: &Site, set: &PracticeSet) -> String {
    let mut counts: Vec<(&str, usize)> = Vec::new();
    for it in &set.items {
        let name = match it {
            Item::Choose(_) => "choose",
            Item::Classify(_) => "classify",
            Item::Rewrite(_) => "rewrite",
            Item::Order(_) => "order",
        };
        match counts.iter_mut().find(|(n, _)| *n == name) {
            Some((_, c)) => *c += 1,
            None => counts.push((name, 1)),
        }
    }
    let kind = |n: &str| site.strings.t(&format!("practice.kinds.{n}"), &[]);
    if let [(only, _)] = counts.as_slice() {
        return kind(only);
    }
    counts
        .iter()
        .map(|(n, c)| {
            let kind = kind(n);
            site.strings.t(
                "practice.kind_count",
                &[("n", &c.to_string()), ("kind", &kind)],
            )
        })
        .collect::<Vec<_>>()
        .join(", ")
}

pub fn index_context(site: &Site, path: &str, ids: &Ids) -> Value {
    let types = site
        .question_types
        .as_ref()
        .map(|d| d.data.types.as_slice())
        .unwrap_or(&[]);
    context! {
        types => types.iter().map(|t| context! {
            id => &t.id, name => &t.name, description => safe(inline_html(&t.description, path, ids)),
            example => &t.example, avoid => t.avoid,
        }).collect::<Vec<_>>(),
        sets => super::in_order(site, &site.practice, |d| &d.slug).into_iter().map(|doc| context! {
            title => &doc.data.title,
            description => &doc.data.description,
            href => relative_url(path, &set_path(&doc.slug)),
            count => doc.data.items.len(),
            kinds => type_counts(site, &doc.data),
        }).collect::<Vec<_>>(),
        progress_data => index_progress_data(site),
    }
}

/// For the practice index's script, each set's saved answers as its page
/// keeps them: the store's key and each item's fingerprint, in order (item
/// N is saved as `item-N`). An answer counts on the card only where it
/// counts on the set's page: given to the item now in its place.
fn index_progress_data(site: &Site) -> Value {
    let sets = super::in_order(site, &site.practice, |d| &d.slug);
    let data: Vec<serde_json::Value> = sets
        .into_iter()
        .map(|doc| {
            let key = storage_key(site, "alsite-practice", &doc.slug);
            let items: Vec<String> = doc.data.items.iter().map(fingerprint).collect();
            json!({ "key": key, "items": items })
        })
        .collect();
    safe(script_json(&json!(data)))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn shuffle_is_stable_complete_and_never_the_identity() {
        for n in 0..8 {
            let a = shuffled(n, "practice/x.html#item-3");
            assert_eq!(a, shuffled(n, "practice/x.html#item-3"));
            let mut sorted = a.clone();
            sorted.sort();
            assert_eq!(sorted, (0..n).collect::<Vec<_>>());
            if n > 1 {
                assert!(a.iter().enumerate().any(|(i, &v)| i != v), "{a:?}");
            }
        }
    }

    #[test]
    fn script_json_cannot_close_the_script() {
        let value = json!({"t": "</script><!-- x <b>"});
        let s = script_json(&value);
        assert!(!s.contains("</") && !s.contains("<!--"), "{s}");
        // Still JSON, reading back as what was written (an author's
        // `<!-- note -->` in an item broke the page's data before).
        assert_eq!(
            serde_json::from_str::<serde_json::Value>(&s).unwrap(),
            value
        );
    }

    #[test]
    fn a_fingerprint_follows_what_an_answer_refers_to() {
        let item = |yaml: &str| -> Item { serde_yaml::from_str(yaml).unwrap() };
        let base = "type: choose\nprompt: Which?\noptions:\n  - { text: A, feedback: no }\n  - { text: B, correct: true, feedback: yes }\n";
        let of = |yaml: &str| fingerprint(&item(yaml));
        let fp = of(base);
        assert_eq!(fp.len(), 4);
        assert!(
            fp.bytes()
                .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit()),
            "{fp}"
        );
        // Feedback and explanations may be mended.
        assert_eq!(of(&base.replace("feedback: yes", "feedback: Yes!")), fp);
        assert_eq!(of(&format!("{base}explain: Why.\n")), fp);
        // The question, an option, which one is right: another item.
        for changed in [
            base.replace("Which?", "Which one?"),
            base.replace("text: A", "text: C"),
            base.replace("B, correct: true", "B"),
        ] {
            assert_ne!(of(&changed), fp, "{changed}");
        }
        let rewrite = "type: rewrite\nstatement: Do it.\nmodels: [Why?]\n";
        assert_eq!(of(&rewrite.replace("Why?", "What?")), of(rewrite));
        assert_ne!(of(&rewrite.replace("Do it.", "Do that.")), of(rewrite));
        let order = "type: order\nprompt: Sort.\nsteps: [a, b, c]\n";
        assert_ne!(of(&order.replace("[a, b, c]", "[b, a, c]")), of(order));
    }
}
