//! Languages' own names, for the language switcher when a language's
//! strings do not give `language.name`: a Czech site whose `i18n/cs.yaml`
//! lacks it says "Čeština", not the English file's "English".

/// Each language's name in itself, as a switcher lists it (capitalized
/// as a label on its own), by ISO 639-1 code.
const OWN_NAMES: &[(&str, &str)] = &[
    ("ar", "العربية"),
    ("be", "Беларуская"),
    ("bg", "Български"),
    ("bs", "Bosanski"),
    ("ca", "Català"),
    ("cs", "Čeština"),
    ("cy", "Cymraeg"),
    ("da", "Dansk"),
    ("de", "Deutsch"),
    ("el", "Ελληνικά"),
    ("en", "English"),
    ("eo", "Esperanto"),
    ("es", "Español"),
    ("et", "Eesti"),
    ("eu", "Euskara"),
    ("fa", "فارسی"),
    ("fi", "Suomi"),
    ("fr", "Français"),
    ("ga", "Gaeilge"),
    ("gl", "Galego"),
    ("he", "עברית"),
    ("hi", "हिन्दी"),
    ("hr", "Hrvatski"),
    ("hu", "Magyar"),
    ("hy", "Հայերեն"),
    ("id", "Bahasa Indonesia"),
    ("is", "Íslenska"),
    ("it", "Italiano"),
    ("ja", "日本語"),
    ("ka", "ქართული"),
    ("kk", "Қазақ тілі"),
    ("ko", "한국어"),
    ("lt", "Lietuvių"),
    ("lv", "Latviešu"),
    ("mk", "Македонски"),
    ("ms", "Bahasa Melayu"),
    ("mt", "Malti"),
    ("nb", "Norsk bokmål"),
    ("nl", "Nederlands"),
    ("nn", "Norsk nynorsk"),
    ("no", "Norsk"),
    ("pl", "Polski"),
    ("pt", "Português"),
    ("ro", "Română"),
    ("ru", "Русский"),
    ("sk", "Slovenčina"),
    ("sl", "Slovenščina"),
    ("sq", "Shqip"),
    ("sr", "Српски"),
    ("sv", "Svenska"),
    ("th", "ไทย"),
    ("tr", "Türkçe"),
    ("uk", "Українська"),
    ("vi", "Tiếng Việt"),
    ("zh", "中文"),
];

/// The language's name in itself: from the table for `code` or its
/// language (`pt` for `pt-BR`, Latin-script Serbian for `sr-Latn`), else
/// the code as written.
pub fn own_name(code: &str) -> String {
    if code.starts_with("sr-Latn") {
        return "Srpski".to_string();
    }
    let primary = crate::load::site_languages::primary(code);
    OWN_NAMES
        .iter()
        .find(|(c, _)| *c == primary)
        .map_or_else(|| code.to_string(), |(_, name)| name.to_string())
}

/// The code of the language whose own name is `word`, in any case and with
/// or without its accents (`polski`, `cestina`, `Español`).
pub fn code_of_own_name(word: &str) -> Option<&'static str> {
    let word = crate::search::tokenize::fold(word);
    OWN_NAMES
        .iter()
        .find(|(_, name)| crate::search::tokenize::fold(name) == word)
        .map(|(code, _)| *code)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn languages_go_by_their_own_names() {
        assert_eq!(own_name("cs"), "Čeština");
        assert_eq!(own_name("uk"), "Українська");
        assert_eq!(own_name("pt-BR"), "Português");
        assert_eq!(own_name("sr-Latn"), "Srpski");
        assert_eq!(own_name("sr"), "Српски");
        assert_eq!(own_name("haw"), "haw");
        let codes: Vec<&str> = OWN_NAMES.iter().map(|(c, _)| *c).collect();
        let mut sorted = codes.clone();
        sorted.sort_unstable();
        sorted.dedup();
        assert_eq!(codes, sorted, "sorted, each once");
        assert_eq!(code_of_own_name("cestina"), Some("cs"));
        assert_eq!(code_of_own_name("SVENSKA"), Some("sv"));
        assert_eq!(code_of_own_name("english"), Some("en"));
        assert_eq!(code_of_own_name("klingon"), None);
    }
}
