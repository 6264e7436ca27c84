//! Which language codes name a language: a two-letter code must be one of
//! ISO 639-1's (`cz` is the Czech Republic's country code, Czech is `cs`),
//! and a language is never written as a word (`english`). Three-letter
//! codes (ISO 639-2/3, thousands of them) are taken as written, except
//! those of a language with a two-letter code (`pol` is `pl`).

/// Every ISO 639-1 code.
const TWO_LETTER: &str = "aa ab ae af ak am an ar as av ay az ba be bg bh bi bm bn bo br bs ca \
ce ch co cr cs cu cv cy da de dv dz ee el en eo es et eu fa ff fi fj fo fr fy ga gd gl gn gu gv \
ha he hi ho hr ht hu hy hz ia id ie ig ii ik io is it iu ja jv ka kg ki kj kk kl km kn ko kr ks \
ku kv kw ky la lb lg li ln lo lt lu lv mg mh mi mk ml mn mr ms mt my na nb nd ne ng nl nn no nr \
nv ny oc oj om or os pa pi pl ps pt qu rm rn ro ru rw sa sc sd se sg si sk sl sm sn so sq sr ss \
st su sv sw ta te tg th ti tk tl tn to tr ts tt tw ty ug uk ur uz ve vi vo wa wo xh yi yo za zh zu";

/// Codes that are not languages but are often written for one: countries,
/// with the language meant.
const MISTAKEN: &[(&str, &str, &str)] = &[
    ("cz", "cs", "Czech"),
    ("ua", "uk", "Ukrainian"),
    ("dk", "da", "Danish"),
    ("gr", "el", "Greek"),
    ("jp", "ja", "Japanese"),
    ("cn", "zh", "Chinese"),
    ("rs", "sr", "Serbian"),
    ("by", "be", "Belarusian"),
    ("vn", "vi", "Vietnamese"),
    ("al", "sq", "Albanian"),
    ("il", "he", "Hebrew"),
    ("us", "en", "English"),
    ("gb", "en", "English"),
    ("at", "de", "German"),
    ("ir", "fa", "Persian"),
];

/// Language codes that are also a country's code, often written for the
/// country's language: the code's own language, the country, and what its
/// language is.
const ALSO_A_COUNTRY: &[(&str, &str, &str, &str)] = &[
    (
        "uk",
        "Ukrainian",
        "the United Kingdom",
        "English is `en` (`en-GB` for British English)",
    ),
    ("se", "Northern Sami", "Sweden", "Swedish is `sv`"),
    ("br", "Breton", "Brazil", "Brazilian Portuguese is `pt-BR`"),
];

/// For a language code that is also a country's, often written for the
/// country's language (`uk` for the United Kingdom), what it names and what
/// to write for that.
pub fn also_a_country(code: &str) -> Option<String> {
    let lower = code.to_lowercase();
    let (_, language, country, meant) = ALSO_A_COUNTRY.iter().find(|(c, ..)| *c == lower)?;
    Some(format!(
        "`{lower}` is {language}, not {country}: if you meant {country}, {meant}"
    ))
}

/// Three-letter codes (ISO 639-2) of languages that have a two-letter one:
/// a language tag uses the shortest code, so `pol` names no language the
/// theme or a browser knows as Polish.
const LONGER: &[(&str, &str, &str)] = &[
    ("pol", "pl", "Polish"),
    ("eng", "en", "English"),
    ("ces", "cs", "Czech"),
    ("cze", "cs", "Czech"),
    ("ukr", "uk", "Ukrainian"),
    ("deu", "de", "German"),
    ("ger", "de", "German"),
    ("fra", "fr", "French"),
    ("fre", "fr", "French"),
    ("spa", "es", "Spanish"),
    ("ita", "it", "Italian"),
    ("por", "pt", "Portuguese"),
    ("nld", "nl", "Dutch"),
    ("dut", "nl", "Dutch"),
    ("slk", "sk", "Slovak"),
    ("slo", "sk", "Slovak"),
    ("hun", "hu", "Hungarian"),
    ("rus", "ru", "Russian"),
    ("swe", "sv", "Swedish"),
    ("fin", "fi", "Finnish"),
    ("nob", "nb", "Norwegian"),
    ("nor", "no", "Norwegian"),
    ("dan", "da", "Danish"),
    ("ron", "ro", "Romanian"),
    ("rum", "ro", "Romanian"),
    ("ell", "el", "Greek"),
    ("gre", "el", "Greek"),
    ("tur", "tr", "Turkish"),
    ("zho", "zh", "Chinese"),
    ("chi", "zh", "Chinese"),
    ("jpn", "ja", "Japanese"),
    ("bel", "be", "Belarusian"),
    ("bul", "bg", "Bulgarian"),
    ("hrv", "hr", "Croatian"),
    ("srp", "sr", "Serbian"),
    ("slv", "sl", "Slovenian"),
    ("lit", "lt", "Lithuanian"),
    ("lav", "lv", "Latvian"),
    ("est", "et", "Estonian"),
    ("lat", "la", "Latin"),
];

/// Codes of languages no one speaks any more that are taken for a living
/// one: `ang` is Old English, though Polish trainers shorten *angielski*
/// (English) to "ang."; a site in one of these is surely a slip.
const HISTORICAL: &[(&str, &str, &str, &str)] = &[
    ("ang", "en", "English", "Old English"),
    ("enm", "en", "English", "Middle English"),
    ("fro", "fr", "French", "Old French"),
    ("frm", "fr", "French", "Middle French"),
    ("goh", "de", "German", "Old High German"),
    ("gmh", "de", "German", "Middle High German"),
    ("grc", "el", "Greek", "Ancient Greek"),
    ("sga", "ga", "Irish", "Old Irish"),
    ("orv", "ru", "Russian", "Old Russian"),
    ("peo", "fa", "Persian", "Old Persian"),
    ("osp", "es", "Spanish", "Old Spanish"),
];

/// Codes ISO 639-1 withdrew, with the code that replaced them.
const WITHDRAWN: &[(&str, &str, &str)] = &[
    ("iw", "he", "Hebrew"),
    ("in", "id", "Indonesian"),
    ("ji", "yi", "Yiddish"),
];

/// Languages written as words in English (their own names are in
/// `i18n::names`, which the switcher shows).
const NAMES: &[(&str, &str)] = &[
    ("english", "en"),
    ("polish", "pl"),
    ("czech", "cs"),
    ("cesky", "cs"),
    ("ukrainian", "uk"),
    ("german", "de"),
    ("french", "fr"),
    ("spanish", "es"),
    ("italian", "it"),
    ("portuguese", "pt"),
    ("dutch", "nl"),
    ("slovak", "sk"),
    ("hungarian", "hu"),
    ("russian", "ru"),
    ("swedish", "sv"),
    ("finnish", "fi"),
    ("norwegian", "nb"),
    ("danish", "da"),
    ("romanian", "ro"),
    ("greek", "el"),
    ("turkish", "tr"),
    ("chinese", "zh"),
    ("japanese", "ja"),
];
/// The English name of language `code` (`Polish` for `pl` and `pl-PL`),
/// for alsite's messages, which are in English; else its own name.
pub fn english_name(code: &str) -> String {
    let primary = crate::load::site_languages::primary(code);
    let english = NAMES
        .iter()
        .find(|(name, c)| *c == primary && *name != "cesky");
    match english {
        Some((name, _)) => name[..1].to_uppercase() + &name[1..],
        None => crate::i18n::names::own_name(code),
    }
}

/// Languages as Polish names them (a Polish trainer's `languages:
/// [polski, angielski]`), without their accents: a word is folded before
/// it is looked up.
const POLISH_NAMES: &[(&str, &str)] = &[
    ("angielski", "en"),
    ("czeski", "cs"),
    ("ukrainski", "uk"),
    ("niemiecki", "de"),
    ("francuski", "fr"),
    ("hiszpanski", "es"),
    ("wloski", "it"),
    ("portugalski", "pt"),
    ("niderlandzki", "nl"),
    ("holenderski", "nl"),
    ("slowacki", "sk"),
    ("wegierski", "hu"),
    ("rosyjski", "ru"),
    ("szwedzki", "sv"),
    ("finski", "fi"),
    ("norweski", "nb"),
    ("dunski", "da"),
    ("rumunski", "ro"),
    ("grecki", "el"),
    ("turecki", "tr"),
    ("chinski", "zh"),
    ("japonski", "ja"),
    ("litewski", "lt"),
    ("lotewski", "lv"),
    ("estonski", "et"),
    ("bialoruski", "be"),
];

/// The code of the language `word` names: in English, in Polish or in
/// itself (`english`, `angielski`, `polski`, `čeština`), in any case.
fn code_of_name(word: &str) -> Option<&'static str> {
    let lower = word.to_lowercase();
    let folded = crate::search::tokenize::fold(word);
    NAMES
        .iter()
        .find(|(name, _)| *name == lower)
        .or_else(|| POLISH_NAMES.iter().find(|(name, _)| *name == folded))
        .map(|(_, code)| *code)
        .or_else(|| crate::i18n::names::code_of_own_name(word))
}

/// Whether `name` is written as a language tag of a language with a
/// two-letter code, in any capitals, with a region or not: `pl`, `EN`,
/// `pt-BR`, `en_GB` (how other generators name a language's folder).
pub fn is_language_tag(name: &str) -> bool {
    let lower = name.to_ascii_lowercase();
    let (language, region) = lower.split_once(['-', '_']).unwrap_or((&lower, "us"));
    let region_like = region.len() == 2 && region.chars().all(|c| c.is_ascii_alphabetic());
    language.len() == 2 && region_like && TWO_LETTER.split(' ').any(|c| c == language)
}

/// The two-letter code and name of the language a three-letter code
/// (`eng`, `POL`) stands for, where it has one.
pub fn two_letter_of(code: &str) -> Option<(&'static str, &'static str)> {
    let lower = code.to_ascii_lowercase();
    LONGER
        .iter()
        .find(|(c, ..)| *c == lower)
        .map(|(_, short, name)| (*short, *name))
}

/// The code the hint of [`unknown_language`] or [`named`] gives for
/// `code` as written (a whole code, in any case): `cz` → `cs`, `eng` →
/// `en`, `iw` → `he`, `ang` → `en`, `polski` → `pl`; `None` when it names
/// none.
pub fn meant_code(code: &str) -> Option<&'static str> {
    other_code_for(code).or_else(|| code_of_name(code))
}

/// As [`meant_code`], for a code alone, not a language's name: a file
/// named `grammar.english.md` is a page of its own, `about.ua.md` a
/// translation into Ukrainian (`uk`) misnamed.
pub fn other_code_for(code: &str) -> Option<&'static str> {
    let lower = code.to_lowercase();
    let in_table = |table: &'static [(&str, &str, &str)]| {
        table
            .iter()
            .find(|(c, ..)| *c == lower)
            .map(|(_, meant, _)| *meant)
    };
    in_table(MISTAKEN)
        .or_else(|| in_table(LONGER))
        .or_else(|| in_table(WITHDRAWN))
        .or_else(|| {
            HISTORICAL
                .iter()
                .find(|(c, ..)| *c == lower)
                .map(|(_, m, ..)| *m)
        })
}

/// Why `language`, the language part of a code (`cz` of `cz-CZ`), names no
/// language: the message and the hint; `None` when it may.
pub fn unknown_language(code: &str, language: &str) -> Option<(String, String)> {
    let known = match language.len() {
        2 => TWO_LETTER.split(' ').any(|c| c == language),
        3 => {
            let longer = LONGER.iter().map(|(c, ..)| *c);
            let historical = HISTORICAL.iter().map(|(c, ..)| *c);
            !longer.chain(historical).any(|c| c == language)
        }
        _ => false,
    };
    if known {
        return None;
    }
    let country = MISTAKEN
        .iter()
        .find(|(c, ..)| *c == language)
        .map(|(c, code, name)| format!("{name} is `{code}`: `{c}` is a country's code"));
    let withdrawn = WITHDRAWN
        .iter()
        .find(|(c, ..)| *c == language)
        .map(|(c, code, name)| format!("`{c}` is the old code for {name}: write `{code}`"));
    let longer = LONGER
        .iter()
        .find(|(c, ..)| *c == language)
        .map(|(c, code, name)| format!("{name} is `{code}`: a language tag uses the two-letter code where there is one, not `{c}`"));
    if let Some((_, meant, name, old)) = HISTORICAL.iter().find(|(c, ..)| *c == language) {
        return Some((
            format!("`{code}` is the code of {old}, a language no one speaks today"),
            format!("{name} is `{meant}`"),
        ));
    }
    let hint = country.or(withdrawn).or(longer).or_else(|| named(language)).unwrap_or_else(|| {
        "write the language's ISO 639 code, such as `en`, `pl`, `cs` or `uk`, and a region after `-` if you need one (`pt-BR`)".to_string()
    });
    Some((format!("`{code}` is not a language code"), hint))
}

/// The hint for a language written as a word, in English, in Polish or in
/// itself (`english`, `angielski`, `polski`, `čeština`), in any case;
/// `None` for any other text.
pub fn named(word: &str) -> Option<String> {
    code_of_name(word)
        .map(|code| format!("write its code, `{code}`: a language code has two or three letters"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn two_letter_codes_must_be_languages() {
        for good in ["cs", "uk", "pl", "en", "se", "kr", "sr", "haw", "fil"] {
            assert_eq!(unknown_language(good, good), None, "{good}");
        }
        let (message, hint) = unknown_language("cz-CZ", "cz").unwrap();
        assert_eq!(message, "`cz-CZ` is not a language code");
        assert_eq!(hint, "Czech is `cs`: `cz` is a country's code");
        let (_, hint) = unknown_language("english", "english").unwrap();
        assert!(hint.starts_with("write its code, `en`"), "{hint}");
        assert!(unknown_language("xq", "xq").unwrap().1.contains("ISO 639"));
        // "ang." is how Polish shortens angielski, English.
        let (message, hint) = unknown_language("ang", "ang").unwrap();
        assert_eq!(
            message,
            "`ang` is the code of Old English, a language no one speaks today"
        );
        assert_eq!(hint, "English is `en`");
        let (_, hint) = unknown_language("iw", "iw").unwrap();
        assert_eq!(hint, "`iw` is the old code for Hebrew: write `he`");
        // Longer than a language subtag may be: still named.
        assert!(named("Ukrainian")
            .unwrap()
            .starts_with("write its code, `uk`"));
        // As a Polish trainer names them, with or without accents.
        for (word, code) in [
            ("angielski", "en"),
            ("Niemiecki", "de"),
            ("hiszpański", "es"),
            ("włoski", "it"),
        ] {
            assert_eq!(meant_code(word), Some(code), "{word}");
            let hint = named(word).unwrap();
            assert!(
                hint.starts_with(&format!("write its code, `{code}`")),
                "{hint}"
            );
        }
        assert_eq!(TWO_LETTER.split(' ').count(), 184);
    }

    #[test]
    fn messages_name_languages_in_english() {
        assert_eq!(english_name("pl"), "Polish");
        assert_eq!(english_name("pl-PL"), "Polish");
        assert_eq!(english_name("cs"), "Czech");
        // No English name known: its own.
        assert_eq!(english_name("ka"), "ქართული");
    }
}
