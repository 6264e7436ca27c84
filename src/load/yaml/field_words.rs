//! Field names written in other words. Field names are English in every
//! language, and a Polish trainer's first guess is often the Polish word
//! (`tytuł:` for `title:`, `etapy:` for `stages:`); an English-speaking
//! one's, the word another tool uses (`url:` for `link:`, `duration:` for
//! `minutes:`). No typo search finds `title` from `tytuł` or `link` from
//! `url`, so the words are listed here.

/// Polish words (folded: lower case, no diacritics, `_` for a space or a
/// hyphen) and the fields each may stand for, likeliest first.
const POLISH: &[(&str, &[&str])] = &[
    ("tytul", &["title"]),
    ("nazwa", &["name", "title"]),
    ("opis", &["description", "summary"]),
    ("minuty", &["minutes"]),
    ("czas", &["minutes", "start"]),
    ("czas_trwania", &["minutes"]),
    ("imie", &["name"]),
    ("rola", &["role"]),
    ("role", &["roles"]),
    ("osoby", &["roles"]),
    ("uczestnicy", &["roles", "audience"]),
    ("etapy", &["stages"]),
    ("fazy", &["stages"]),
    ("tury", &["turns"]),
    ("kwestie", &["turns"]),
    ("wypowiedzi", &["turns"]),
    ("pytania", &["items", "questions"]),
    ("elementy", &["items"]),
    ("pozycje", &["items"]),
    ("pytanie", &["question", "ask", "prompt"]),
    ("odpowiedz", &["answer"]),
    ("pyta", &["ask"]),
    ("zapytaj", &["ask"]),
    ("mowi", &["say"]),
    ("powiedz", &["say"]),
    ("interwencja", &["intervene"]),
    ("notatka", &["note"]),
    ("uwaga", &["note"]),
    ("kto", &["by"]),
    ("do_kogo", &["to"]),
    ("umiejetnosc", &["skill"]),
    ("rodzaj", &["kind", "type"]),
    ("typ", &["type", "kind"]),
    ("opcje", &["options"]),
    ("poprawna", &["correct"]),
    ("poprawne", &["correct"]),
    ("prawidlowa", &["correct"]),
    ("informacja_zwrotna", &["feedback"]),
    ("komentarz", &["feedback"]),
    ("podpowiedz", &["hint"]),
    ("wskazowka", &["hint"]),
    ("kroki", &["steps"]),
    ("poczatek", &["start"]),
    ("koniec", &["end"]),
    ("dni", &["days"]),
    ("dzien", &["days"]),
    ("moduly", &["modules"]),
    ("modul", &["module"]),
    ("aktywnosci", &["activities"]),
    ("cwiczenia", &["activities", "practice"]),
    ("materialy", &["materials"]),
    ("cele", &["objectives"]),
    ("rezultaty", &["outcomes"]),
    ("efekty", &["outcomes"]),
    ("odbiorcy", &["audience"]),
    ("jezyk", &["language"]),
    ("jezyki", &["languages"]),
    ("organizacja", &["organization"]),
    ("firma", &["organization"]),
    ("strona", &["website"]),
    ("strona_www", &["website"]),
    ("nawigacja", &["nav"]),
    ("menu", &["nav"]),
    ("stopka", &["footer"]),
    ("podsumowanie", &["summary"]),
    ("cena", &["price"]),
    ("wstep", &["intro", "lede"]),
    ("wprowadzenie", &["intro", "lede"]),
    ("tekst", &["text", "body"]),
    ("tresc", &["body", "text"]),
    ("etykieta", &["label"]),
    ("przyklad", &["example"]),
    ("wyjasnienie", &["explain"]),
    ("dlaczego", &["why"]),
    ("powod", &["reason"]),
    ("sesja", &["session"]),
    ("sesje", &["sessions"]),
    ("warsztaty", &["workshops"]),
    ("prowadzacy", &["facilitator"]),
    ("przerwa", &["break", "pause"]),
    ("pauza", &["pause"]),
    ("waga", &["weight"]),
    ("dlugosc", &["length"]),
    ("tlumaczenia", &["translations"]),
    ("adres_email", &["email"]),
];

/// Polish words (folded as above) for the fixed values of `kind`, `role`
/// and `type`, and the values each may stand for, likeliest first.
const POLISH_VALUES: &[(&str, &[&str])] = &[
    ("otwarcie", &["opening"]),
    ("prezentacja", &["presentation", "input"]),
    ("przedstawienie", &["presentation"]),
    ("problem", &["presentation"]),
    ("pytania", &["questions"]),
    ("sprawdzenie", &["checkin"]),
    ("uzgodnienie", &["agreement"]),
    ("porozumienie", &["agreement"]),
    ("przeformulowanie", &["reframing"]),
    ("cel", &["goal"]),
    ("strategie", &["strategies"]),
    ("dzialania", &["actions"]),
    ("dzialanie", &["actions"]),
    ("refleksja", &["reflection"]),
    ("podsumowanie", &["reflection"]),
    ("prezenter", &["presenter"]),
    ("prezenterka", &["presenter"]),
    ("czlonek", &["member"]),
    ("czlonkini", &["member"]),
    ("uczestnik", &["member"]),
    ("uczestniczka", &["member"]),
    ("prezentujacy", &["presenter"]),
    ("prezentujaca", &["presenter"]),
    ("wlasciciel_problemu", &["presenter"]),
    ("trener", &["coach"]),
    ("trenerka", &["coach"]),
    ("prowadzacy", &["coach"]),
    ("prowadzaca", &["coach"]),
    ("moderator", &["coach"]),
    ("moderatorka", &["coach"]),
    ("facylitator", &["coach"]),
    ("facylitatorka", &["coach"]),
    ("wyklad", &["input"]),
    ("mini_wyklad", &["input"]),
    ("miniwyklad", &["input"]),
    ("wprowadzenie", &["input"]),
    ("cwiczenie", &["practice"]),
    ("cwiczenia", &["practice"]),
    ("praktyka", &["practice"]),
    ("pokaz", &["demo"]),
    ("sesja", &["session"]),
    ("dyskusja", &["discussion"]),
    ("rozmowa", &["discussion"]),
    ("przeformuluj", &["rewrite"]),
    ("przepisz", &["rewrite"]),
    ("wybierz", &["choose"]),
    ("wybor", &["choose"]),
    ("klasyfikuj", &["classify"]),
    ("nazwij", &["classify"]),
    ("rozpoznaj", &["classify"]),
    ("kolejnosc", &["order"]),
    ("uporzadkuj", &["order"]),
    ("uloz", &["order"]),
];

/// The value among `allowed` that `written` is the Polish word for, if any
/// (`kind: pytania` is `questions`, `kind: wykład` is `input`).
pub fn english_value<'a>(
    written: &str,
    allowed: impl Iterator<Item = &'a str> + Clone,
) -> Option<&'a str> {
    field_in(POLISH_VALUES, written, allowed)
}

/// English words for the roles of a session (folded as above), as other
/// schools of Action Learning and plain habit name them, and for a practice
/// item's type, as other quiz tools do.
const OTHER_VALUES: &[(&str, &[&str])] = &[
    ("trainer", &["coach"]),
    ("facilitator", &["coach"]),
    ("learning_coach", &["coach"]),
    ("problem_owner", &["presenter"]),
    ("problem_holder", &["presenter"]),
    ("client", &["presenter"]),
    ("participant", &["member"]),
    ("group_member", &["member"]),
    // A practice item's type as other quiz tools call it.
    ("typed", &["rewrite"]),
    ("text", &["rewrite"]),
    ("free_text", &["rewrite"]),
    ("open", &["rewrite"]),
    ("question", &["rewrite"]),
    ("multiple_choice", &["choose"]),
    ("single_choice", &["choose"]),
    ("choice", &["choose"]),
    ("quiz", &["choose"]),
    ("mcq", &["choose"]),
    ("categorize", &["classify"]),
    ("categorise", &["classify"]),
    ("category", &["classify"]),
    ("sort", &["order", "classify"]),
    ("sequence", &["order"]),
    ("ordering", &["order"]),
    ("rank", &["order"]),
];

/// The value among `allowed` that `written`, an English word for it, means
/// (`role: facilitator` is `coach`).
pub fn value_for_other_word<'a>(
    written: &str,
    allowed: impl Iterator<Item = &'a str> + Clone,
) -> Option<&'a str> {
    field_in(OTHER_VALUES, written, allowed)
}

/// English words other tools and habits use for fields (folded as above),
/// and the fields each may stand for, likeliest first.
const OTHER_WORDS: &[(&str, &[&str])] = &[
    ("url", &["link", "website"]),
    ("href", &["link"]),
    ("path", &["link"]),
    ("page", &["link"]),
    ("web", &["website"]),
    ("site", &["website"]),
    ("homepage", &["website"]),
    ("mail", &["email"]),
    ("email_address", &["email"]),
    ("phone_number", &["phone"]),
    ("tel", &["phone"]),
    ("duration", &["minutes"]),
    ("length", &["minutes"]),
    ("time", &["minutes", "start"]),
    ("mins", &["minutes"]),
    ("heading", &["title"]),
    ("desc", &["description", "summary"]),
    ("speaker", &["by"]),
    ("who", &["by"]),
    ("choices", &["options"]),
    ("answers", &["options", "answer"]),
    ("question", &["ask", "prompt"]),
    // A turn's verb as a script tells it: `said:` for `say:`.
    ("said", &["say"]),
    ("says", &["say"]),
    ("asked", &["ask"]),
    ("asks", &["ask"]),
    ("answered", &["answer"]),
    ("intervenes", &["intervene"]),
    ("intervened", &["intervene"]),
    ("intervention", &["intervene"]),
    ("notes", &["facilitator", "note"]),
    ("goals", &["objectives"]),
    ("aims", &["objectives"]),
    ("navigation", &["nav"]),
    ("menu", &["nav"]),
    ("explanation", &["explain"]),
    ("explanations", &["explain"]),
    ("cast", &["roles"]),
    ("people", &["roles"]),
    ("characters", &["roles"]),
    ("participants", &["roles", "audience"]),
    // A classify item asks its `question`, a choose item its `prompt`.
    ("prompt", &["question"]),
    ("text", &["prompt", "question"]),
    // A day lists its modules and breaks as `items:`.
    ("modules", &["items"]),
    ("schedule", &["items", "days"]),
    ("agenda", &["days", "items"]),
];

/// The field among `allowed` that `written` stands for in `words`, if any:
/// compared folded, `_` for a space or a hyphen.
fn field_in<'a>(
    words: &[(&str, &[&str])],
    written: &str,
    allowed: impl Iterator<Item = &'a str> + Clone,
) -> Option<&'a str> {
    let word: String = crate::search::tokenize::fold(written.trim())
        .chars()
        .map(|c| if c == ' ' || c == '-' { '_' } else { c })
        .collect();
    let (_, fields) = words.iter().find(|(w, _)| *w == word)?;
    fields.iter().find_map(|f| allowed.clone().find(|a| a == f))
}

/// The field among `allowed` that `written` is the Polish word for, if any.
pub fn english_field<'a>(
    written: &str,
    allowed: impl Iterator<Item = &'a str> + Clone,
) -> Option<&'a str> {
    field_in(POLISH, written, allowed)
}

/// The field among `allowed` that `written`, another English word, stands
/// for here, if any (`url` is `link` in a nav entry, `website` for an
/// organization).
pub fn field_for_other_word<'a>(
    written: &str,
    allowed: impl Iterator<Item = &'a str> + Clone,
) -> Option<&'a str> {
    field_in(OTHER_WORDS, written, allowed)
}

/// For a field written in the wrong place, what to do: a field of one of
/// site.yaml's mappings (`email:` flush left is `organization`'s), or of a
/// page's `hero:`, written at the file's top level; the site's languages
/// as a list under `language:`. `in_site_yaml`: the file is site.yaml.
pub fn placement(message: &str, in_site_yaml: bool) -> Option<String> {
    if in_site_yaml && message.starts_with("in `language`: wrong kind of value: found a list") {
        return Some(crate::load::site_languages::several_languages("pl, en"));
    }
    // A practice item's `answer: [closed, probing]`: a classify item's
    // other right categories have a field of their own.
    if message.starts_with("in `items` (item ")
        && message.ends_with("→ `answer`: wrong kind of value: found a list")
    {
        return Some("a classify item has one `answer`; the other categories that count as right go under `also:`, as in `answer: closed` and `also: [probing]`".into());
    }
    const SITE_YAML: &[(&str, &str)] = &[
        ("email", "organization"),
        ("phone", "organization"),
        ("website", "organization"),
        ("address", "organization"),
        ("mastery_score", "scorm"),
        ("logo", "brand"),
        ("favicon", "brand"),
        ("primary", "brand"),
        ("accent", "brand"),
        ("font", "brand"),
        ("heading_font", "brand"),
        ("fonts", "brand"),
        ("credit", "brand"),
    ];
    const FRONT_MATTER: &[(&str, &str)] =
        &[("headline", "hero"), ("lede", "hero"), ("buttons", "hero")];
    let field = message.strip_prefix("unknown field `")?.strip_suffix('`')?;
    let homes = if in_site_yaml {
        SITE_YAML
    } else {
        FRONT_MATTER
    };
    let (_, home) = homes.iter().find(|(f, _)| *f == field)?;
    Some(format!("`{field}` is a field of `{home}:`: indent it under `{home}:` by two spaces, like its other fields"))
}

#[cfg(test)]
mod tests {
    use super::english_field;

    #[test]
    fn polish_field_names_are_told_their_english_name_where_it_is_allowed() {
        let session = ["title", "minutes", "problem", "roles", "stages"];
        let found = |w: &str, allowed: &[&'static str]| english_field(w, allowed.iter().copied());
        assert_eq!(found("tytuł", &session), Some("title"));
        assert_eq!(found("Etapy", &session), Some("stages"));
        assert_eq!(found("czas trwania", &session), Some("minutes"));
        // The likeliest field that is allowed here.
        assert_eq!(found("uczestnicy", &session), Some("roles"));
        assert_eq!(
            found("uczestnicy", &["title", "audience"]),
            Some("audience")
        );
        // Not a field here, or not a Polish field word.
        assert_eq!(found("stopka", &session), None);
        assert_eq!(found("titel", &session), None);
    }

    #[test]
    fn polish_values_are_told_their_english_value_where_it_is_allowed() {
        use super::english_value as value;
        let stages = ["opening", "presentation", "questions", "reflection"];
        let activities = ["input", "practice", "demo", "discussion"];
        assert_eq!(value("pytania", stages.into_iter()), Some("questions"));
        assert_eq!(value("Refleksja", stages.into_iter()), Some("reflection"));
        assert_eq!(value("wykład", activities.into_iter()), Some("input"));
        // As the agenda names it.
        assert_eq!(value("mini-wykład", activities.into_iter()), Some("input"));
        assert_eq!(value("prezentacja", activities.into_iter()), Some("input"));
        assert_eq!(
            value("prezentacja", stages.into_iter()),
            Some("presentation")
        );
        assert_eq!(value("ćwiczenie", activities.into_iter()), Some("practice"));
        assert_eq!(value("wykład", stages.into_iter()), None);
    }

    #[test]
    fn other_english_words_are_told_the_field_they_mean_here() {
        use super::field_for_other_word as other;
        let session = ["title", "minutes", "problem", "roles", "stages"];
        assert_eq!(other("cast", session.iter().copied()), Some("roles"));
        let classify = ["type", "question", "answer", "also", "explain"];
        assert_eq!(other("prompt", classify.iter().copied()), Some("question"));
        assert_eq!(
            other("explanation", classify.iter().copied()),
            Some("explain")
        );
        let day = ["title", "start", "end", "items"];
        assert_eq!(other("modules", day.iter().copied()), Some("items"));
        let nav = ["title", "link"];
        let organization = ["name", "email", "phone", "website", "address"];
        assert_eq!(other("url", nav.iter().copied()), Some("link"));
        assert_eq!(other("URL", organization.iter().copied()), Some("website"));
        assert_eq!(
            other("duration", ["title", "minutes"].into_iter()),
            Some("minutes")
        );
        assert_eq!(
            other("notes", ["by", "ask", "note"].into_iter()),
            Some("note")
        );
        let turn = ["by", "to", "ask", "answer", "intervene", "say", "note"];
        assert_eq!(other("said", turn.into_iter()), Some("say"));
        assert_eq!(other("answers", turn.into_iter()), Some("answer"));
        assert_eq!(other("url", ["title", "minutes"].into_iter()), None);
        assert_eq!(other("colour", nav.iter().copied()), None);
    }
}
