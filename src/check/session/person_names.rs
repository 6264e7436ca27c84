//! Whether a reflection names a person: by their name as written, a case
//! form of it (Polish, Czech, Ukrainian), or, for a full name, its first or
//! last name.

/// True when `text` names `name`, also in a case form of Polish, Czech or
/// Ukrainian: a name in -a or -я (Agnieszka: Agnieszki, Agnieszko; Eva:
/// Evo, Evou; Ірина: Ірино, Ірину), in -о (Петро: Петра, Петре), in -й
/// (Юрій: Юрію, Юрієм), in -y (Jerzy: Jerzego, Jerzemu), or in -ek, -eł,
/// -ec, -el (Marek: Marka, Markiem, Markovi; Pavel: Pavle). A name in
/// another consonant is found as it is (Piotra, Тарасе).
/// A full name (`Lee Smith`, `Kim O'Neill`) is found by itself, or by its
/// first or last name as a word of its own (`Lee`, not in `Leeds`), unless
/// that name is also part of another's name in `others` (two Annas) or is an
/// initial (`J.`).
pub fn mentions(text: &str, name: &str, others: &[&str]) -> bool {
    if mentions_name(text, name) {
        return true;
    }
    let parts: Vec<&str> = name.split_whitespace().collect();
    let [first, .., last] = parts.as_slice() else {
        return false;
    };
    let shared = |part: &str| {
        others
            .iter()
            .filter(|o| **o != name)
            .any(|o| o.split_whitespace().any(|w| w == part))
    };
    [*first, *last]
        .into_iter()
        .filter(|p| p.chars().count() >= 2 && !p.ends_with('.') && !shared(p))
        .any(|p| names_word(text, p))
}

/// Whether a word of `text` is `part`, as it is or in a case form (never
/// inside a longer word: `Park` is not in `Parking`).
fn names_word(text: &str, part: &str) -> bool {
    let mut words = text.split(|c: char| !(c.is_alphabetic() || c == '\'' || c == '’'));
    // Also with an ending after an apostrophe: Lee's, Tony'emu.
    let own = |w: &str| {
        w.strip_prefix(part)
            .is_some_and(|rest| rest.is_empty() || rest.starts_with(['\'', '’']))
    };
    words.any(own) || in_case_form(text, part)
}

/// [`mentions`] for one name, as it is or in a case form.
fn mentions_name(text: &str, name: &str) -> bool {
    text.contains(name) || in_case_form(text, name)
}

/// Whether a word of `text` is a case form of `name` (see [`mentions`]).
fn in_case_form(text: &str, name: &str) -> bool {
    let chars: Vec<char> = name.chars().collect();
    if let Some(form) = polish_form(&chars) {
        if text.split(|c: char| !c.is_alphabetic()).any(|w| w == form) {
            return true;
        }
    }
    let n = chars.len();
    let drop_last = || chars[..n - 1].iter().collect::<String>();
    let (stem, endings): (String, &[&str]) = match chars.as_slice() {
        // Three letters (Eva, Ota) only with endings no English word has.
        // Not -e: English names end so (Nina: Nine, Anna: Anne, Jana: Jane).
        [.., 'a'] if n >= 4 => (drop_last(), &["y", "i", "ę", "ą", "o", "u", "ě", "ou"]),
        // Ewa, Ida: Ewy, Idy; not where that is an English word or name
        // (Ana: Any, Ama: Amy, Iva: Ivy, Rea: Rey).
        [.., 'a'] if n == 3 && !["Ana", "Ama", "Iva", "Rea"].contains(&name) => {
            (drop_last(), &["y", "o", "ě", "ou", "ę", "ą"])
        }
        [.., 'a'] if n == 3 => (drop_last(), &["o", "ě", "ou", "ę", "ą"]),
        // Jerzy, Antoni: Jerzego, Jerzemu, Jerzym (Antoniego holds the name).
        [.., 'y'] if n >= 4 => (drop_last(), &["ego", "emu", "ym"]),
        [.., 'а' | 'я'] if n >= 3 => (
            drop_last(),
            &["и", "і", "ї", "е", "є", "у", "ю", "о", "ою", "ею", "єю"],
        ),
        [.., 'о'] if n >= 4 => (drop_last(), &["а", "у", "е", "ом", "ові"]),
        [.., 'й'] if n >= 4 => (drop_last(), &["я", "ю", "єм", "єві"]),
        [.., 'e', 'k' | 'ł' | 'c' | 'l'] if n >= 4 => (
            chars[..n - 2].iter().chain(&chars[n - 1..]).collect(),
            &["a", "u", "e", "em", "iem", "owi", "ovi", "i"],
        ),
        _ => return false,
    };
    text.split(|c: char| !c.is_alphabetic())
        .filter_map(|word| word.strip_prefix(stem.as_str()))
        .any(|rest| endings.contains(&rest))
}

/// The Polish case form of a name in -a that changes its last consonant
/// or adds a letter, which an ending after the stem cannot give: the dative
/// and locative (Ewa: Ewie, Monika: Monice, Olga: Oldze, Marta: Marcie,
/// Wanda: Wandzie, Barbara: Barbarze, Ola: Oli, Maja: Mai), and for a name in -ia the
/// stem alone (Ania: Ani, Kasia: Kasi).
fn polish_form(chars: &[char]) -> Option<String> {
    let n = chars.len();
    if n < 3 || chars[n - 1] != 'a' {
        return None;
    }
    let base = &chars[..n - 1];
    let text = |cs: &[char], end: &str| cs.iter().collect::<String>() + end;
    let before = &base[..base.len() - 1];
    let form = match base[base.len() - 1] {
        'i' if n >= 4 => text(base, ""),
        'k' => text(before, "ce"),
        'g' => text(before, "dze"),
        't' => text(before, "cie"),
        'd' => text(before, "dzie"),
        'ł' => text(before, "le"),
        'r' if before.last() != Some(&'z') => text(base, "ze"),
        // Maja: Mai, Kaja: Kai; Ola: Oli, Łucja: Łucji.
        'j' if before.last().is_some_and(|c| "aeiouy".contains(*c)) => text(before, "i"),
        'l' | 'j' => text(base, "i"),
        'h' if before.last() == Some(&'c') => text(&before[..before.len() - 1], "sze"),
        'b' | 'p' | 'f' | 'w' | 'm' | 'n' | 's' => text(base, "ie"),
        'z' if !matches!(before.last(), Some('c' | 's' | 'r' | 'd')) => text(base, "ie"),
        _ => return None,
    };
    Some(form)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_are_found_in_their_case_forms() {
        assert!(mentions(
            "Kto zauważył pytanie Agnieszki?",
            "Agnieszka",
            &[]
        ));
        assert!(mentions("Agnieszko, jak ci poszło?", "Agnieszka", &[]));
        assert!(mentions("Wszyscy słyszeli Magdę.", "Magda", &[]));
        assert!(mentions(
            "Kto widział myślenie systemowe Marka?",
            "Marek",
            &[]
        ));
        assert!(mentions("Rozmawiałam z Pawłem.", "Paweł", &[]));
        assert!(mentions("Zwięzłość Piotra", "Piotr", &[]));
        assert!(mentions("Who saw Priya listening?", "Priya", &[]));
        // Polish dative and locative, with the consonant that changes.
        assert!(mentions(
            "Dziękuję Ani, Ewie i Monice za pytania.",
            "Ania",
            &[]
        ));
        assert!(mentions(
            "Dziękuję Ani, Ewie i Monice za pytania.",
            "Ewa",
            &[]
        ));
        assert!(mentions(
            "Dziękuję Ani, Ewie i Monice za pytania.",
            "Monika",
            &[]
        ));
        assert!(mentions("Mówiłam o Żanecie.", "Żaneta", &[]));
        assert!(mentions("Dziękuję Oldze i Wandzie.", "Olga", &[]));
        assert!(mentions("Dziękuję Oldze i Wandzie.", "Wanda", &[]));
        assert!(mentions(
            "Barbarze poszło dobrze, Oli też, Kasi też.",
            "Barbara",
            &[]
        ));
        assert!(mentions(
            "Barbarze poszło dobrze, Oli też, Kasi też.",
            "Ola",
            &[]
        ));
        assert!(mentions(
            "Barbarze poszło dobrze, Oli też, Kasi też.",
            "Kasia",
            &[]
        ));
        assert!(mentions("Dzięki Kubie i Justynie.", "Kuba", &[]));
        assert!(mentions("Dziękuję Mai i Łucji.", "Maja", &[]));
        assert!(mentions("Dziękuję Mai i Łucji.", "Łucja", &[]));
        assert!(!mentions("Ann asked.", "Ania", &[]));
        // A full name, by its first or last name.
        assert!(mentions("Lee listened to the end.", "Lee Smith", &[]));
        assert!(mentions("Kim kept it short.", "Kim O'Neill", &[]));
        assert!(mentions("Ms O'Neill kept it short.", "Kim O'Neill", &[]));
        assert!(mentions(
            "Dziękuję Agnieszce i Markowi.",
            "Agnieszka Nowak",
            &[]
        ));
        assert!(!mentions("Kim kept it short.", "Lee Smith", &[]));
        // Not inside a longer word, nor by a name two members share, nor by an initial.
        let group = ["Anna Nowak", "Anna Kowalska", "Al Green", "J. Park"];
        let said = "Anna Kowalska was brief. Also, the Parking question helped.";
        assert!(mentions(said, "Anna Kowalska", &group));
        assert!(!mentions(said, "Anna Nowak", &group));
        assert!(!mentions(said, "Al Green", &group));
        assert!(!mentions(said, "J. Park", &group));
        assert!(mentions("Ms Park listened.", "J. Park", &group));
        assert!(!mentions("Monica asked.", "Monika", &[]));
        // Czech and Ukrainian: the vocative a coach uses in a reflection.
        assert!(mentions("Evo, co se ti povedlo?", "Eva", &[]));
        assert!(mentions("Všimli jste si otázky Jany?", "Jana", &[]));
        assert!(mentions("Mluvili jsme s Markem a Pavlem.", "Pavel", &[]));
        assert!(mentions("Ірино, що вдалося?", "Ірина", &[]));
        assert!(mentions("Хто чув запитання Оксани?", "Оксана", &[]));
        assert!(mentions("Юрію, дякую.", "Юрій", &[]));
        assert!(mentions("Запитання Петра було відкрите.", "Петро", &[]));
        assert!(mentions("Тарасе, а ти?", "Тарас", &[]));
        // Other words that merely start like the name do not count.
        assert!(!mentions("Any questions?", "Ana", &[]));
        assert!(!mentions("Evening came.", "Eva", &[]));
        assert!(!mentions("Magdzia asked first.", "Magda", &[]));
        assert!(!mentions("Marketing asked.", "Marek", &[]));
        assert!(!mentions("And any other ideas?", "Ana", &[]));
        assert!(!mentions("Tom asked.", "Tomasz", &[]));
        // English names and words one letter from a name in -a.
        assert!(!mentions("Nine questions came first.", "Nina", &[]));
        assert!(!mentions("Anne asked twice.", "Anna", &[]));
        assert!(!mentions("Rose listened.", "Rosa", &[]));
        assert!(!mentions("Jane summarised.", "Jana", &[]));
        assert!(mentions("Děkuji Janě za otázku.", "Jana", &[]));
        // A short name's genitive, and a name in -y.
        assert!(mentions("Pytania otwarte słyszałem u Ewy.", "Ewa", &[]));
        assert!(mentions("Od Idy i Izy.", "Ida", &[]));
        assert!(mentions("Od Idy i Izy.", "Iza", &[]));
        assert!(mentions("Pytanie Jerzego było krótkie.", "Jerzy", &[]));
        assert!(mentions("Dziękuję Jerzemu.", "Jerzy", &[]));
        assert!(!mentions("Any other questions?", "Ana", &[]));
        assert!(!mentions("Amy was concise.", "Ama", &[]));
        // A full name's part with an ending after an apostrophe.
        assert!(mentions(
            "Dziękuję Tony'emu za zwięzłość.",
            "Tony Brown",
            &[]
        ));
        assert!(mentions("Lee's listening helped.", "Lee Smith", &[]));
        assert!(!mentions("Leeds listened.", "Lee Smith", &[]));
    }
}
