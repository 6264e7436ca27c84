use super::*;

fn builtin(lang: &str) -> Strings {
    let theme = Theme::open(Path::new("/nonexistent-site"), "default").unwrap();
    let (strings, diags) = load(Path::new("/nonexistent-site"), &theme, lang);
    assert!(diags.is_empty(), "{diags:?}");
    strings
}

#[test]
fn polish_minutes_follow_cldr() {
    let pl = builtin("pl");
    let want = [
        (1, "1 minuta"),
        (2, "2 minuty"),
        (4, "4 minuty"),
        (5, "5 minut"),
        (12, "12 minut"),
        (21, "21 minut"),
        (22, "22 minuty"),
        (25, "25 minut"),
        (102, "102 minuty"),
        (112, "112 minut"),
    ];
    for (n, text) in want {
        // A number and its unit never part at the end of a line.
        let held = text.replace(' ', "\u{a0}");
        assert_eq!(pl.plural("time.minutes", n, &[]), held, "n = {n}");
    }
}

/// The number of every count stays with the word after it, not only
/// in `count.*`: "30 ćwiczeń w 4 zestawach", "wszystkie 5 ćwiczeń",
/// "all 5 exercises" never leave the number alone at a line's end.
#[test]
fn a_counts_number_stays_with_the_word_after_it() {
    let (en, pl) = (builtin("en"), builtin("pl"));
    assert_eq!(pl.plural("section.in_sets", 4, &[]), "4\u{a0}zestawach");
    assert!(pl
        .plural("practice.summary", 5, &[("right", "3")])
        .starts_with("Masz za sobą wszystkie 5\u{a0}ćwiczeń,"));
    assert!(pl
        .plural("section.workshops_summary", 1, &[])
        .starts_with("1\u{a0}warsztat z agendą"));
    assert!(en
        .plural("section.sessions_summary", 2, &[])
        .starts_with("2\u{a0}scripted sessions to"));
}

#[test]
fn english_has_one_and_other() {
    let en = builtin("en");
    assert_eq!(en.plural("time.minutes", 1, &[]), "1\u{a0}minute");
    assert_eq!(en.plural("time.minutes", 0, &[]), "0\u{a0}minutes");
    assert_eq!(en.plural("time.minutes", 2, &[]), "2\u{a0}minutes");
    assert_eq!(en.category(21), "other");
}

#[test]
fn the_shipped_polish_file_has_every_english_key() {
    let en = builtin("en");
    let pl = builtin("pl");
    assert_eq!(en.keys(), pl.keys());
}

/// The Polish words speak to the reader as "Ty", with a capital, as a
/// letter does ("Twoje pytanie: …"); the question checker's hints, shown
/// right under that line, too ("To Twoja opinia", not "twoja").
#[test]
fn the_polish_words_address_the_reader_with_a_capital() {
    let pl = builtin("pl");
    let lower = [
        "ty", "ci", "cię", "ciebie", "tobie", "tobą", "twój", "twoja", "twoje", "twojej",
        "twojego", "twoim", "twoich", "twoją", "twoi",
    ];
    for key in pl.keys() {
        let texts: Vec<&String> = match pl.get(key) {
            Some(Entry::Text(text)) => vec![text],
            Some(Entry::Plural(forms)) => forms.values().collect(),
            None => vec![],
        };
        for text in texts {
            let small = text
                .split(|c: char| !c.is_alphabetic())
                .find(|w| lower.contains(w));
            assert!(small.is_none(), "{key}: `{}` in {text:?}", small.unwrap());
        }
    }
}

#[test]
fn clock_and_duration_follow_the_language() {
    let (en, pl) = (builtin("en"), builtin("pl"));
    assert_eq!(en.clock(9 * 60 + 5), "09:05");
    assert_eq!(pl.clock(9 * 60 + 5), "9:05");
    // Midnight at a day's end.
    assert_eq!(pl.clock(24 * 60), "24:00");
    assert_eq!(en.clock(24 * 60), "24:00");
    // One unit: no line ends inside it.
    assert_eq!(en.duration(90), "1\u{a0}h\u{a0}30\u{a0}min");
    assert_eq!(pl.duration(90), "1\u{a0}godz.\u{a0}30\u{a0}min");
    assert_eq!(pl.duration(45), "45\u{a0}min");
}

#[test]
fn fill_replaces_known_placeholders_only() {
    assert_eq!(
        fill("{a} and {b} {c", &[("a", "1"), ("b", "2")]),
        "1 and 2 {c"
    );
    assert_eq!(fill("{x}{x}", &[("x", "é")]), "éé");
}

#[test]
fn scripts_get_only_their_namespaces() {
    let json = builtin("pl").for_scripts(&["player.", "practice."]);
    assert_eq!(json["lang"], "pl");
    assert_eq!(json["strings"]["player.next"], "Dalej →");
    assert!(json["strings"]["time.minutes"].is_null());
    assert_eq!(
        json["strings"]["practice.order_partly"]["few"],
        "{n}\u{a0}z {total} kroków są na swoim miejscu."
    );
}
