//! "Did you mean …?" for a name an author wrote that is not one of the
//! names allowed there: a speaker, a session, a category, a field, a page,
//! an `#anchor`. A name that differs only in capitals or accents
//! (`Marek` for `marek`, `grafik-dyzurów` for `grafik-dyzurow`) is the
//! likeliest slip; then a small typo.

use unicode_normalization::{char::is_combining_mark, UnicodeNormalization};

/// The one of `names` that `wanted` was most likely meant to be, if any is
/// close enough to suggest.
pub fn closest<'a>(wanted: &str, names: impl IntoIterator<Item = &'a str>) -> Option<&'a str> {
    let folded = fold(wanted);
    let limit = (folded.chars().count() / 3).clamp(1, 3);
    let length = folded.chars().count();
    names
        .into_iter()
        // Cheap first: a name whose length differs by more cannot be close.
        .filter(|n| *n != wanted && n.chars().count().abs_diff(length) <= limit)
        .map(|n| (strsim::damerau_levenshtein(&folded, &fold(n)), n))
        .filter(|(d, _)| *d <= limit)
        .min_by_key(|(d, _)| *d)
        .map(|(_, n)| n)
}

/// " (did you mean `x`?)" for a message, or nothing.
pub fn did_you_mean<'a>(wanted: &str, names: impl IntoIterator<Item = &'a str>) -> String {
    closest(wanted, names)
        .map(|n| format!("did you mean `{n}`? "))
        .unwrap_or_default()
}

/// Small letters without accents: `Łódź` → `lodz`.
pub fn fold(name: &str) -> String {
    name.nfd()
        .filter(|c| !is_combining_mark(*c))
        .flat_map(char::to_lowercase)
        .map(|c| if c == 'ł' { 'l' } else { c })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn capitals_accents_and_small_typos_are_suggested() {
        let ids = ["ewa", "marek", "zofia"];
        assert_eq!(closest("Marek", ids), Some("marek"));
        assert_eq!(closest("zofja", ids), Some("zofia"));
        assert_eq!(
            closest("grafik-dyzurów", ["grafik-dyzurow", "inna"]),
            Some("grafik-dyzurow")
        );
        assert_eq!(closest("Łódź", ["lodz"]), Some("lodz"));
        assert_eq!(
            did_you_mean("titel", ["title", "intro"]),
            "did you mean `title`? "
        );
    }

    #[test]
    fn nothing_far_off_is_suggested() {
        assert_eq!(closest("agnieszka", ["ewa", "marek"]), None);
        assert_eq!(closest("ab", ["xy"]), None);
        assert_eq!(did_you_mean("kontakt", ["about"]), "");
    }
}
