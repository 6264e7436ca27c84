//! "Did you mean …?" for a name an author wrote that is not one of the
//! names allowed there: a speaker, a session, a category, a field, a page,
//! an `#anchor`. A name that differs only in capitals or accents
//! (`Marek` for `marek`, `grafik-dyzurów` for `grafik-dyzurow`) is the
//! likeliest slip; then a small typo.

use crate::search::tokenize::fold;

/// More names than this of about the right length are not searched for
/// typos (the closest of 100,000 costs a third of a second); one that
/// differs only in capitals or accents is still found.
const TYPO_SEARCH_MAX: usize = 2_000;

/// The one of `names` that `wanted` was most likely meant to be, if any is
/// close enough to suggest.
pub fn closest<'a>(wanted: &str, names: impl IntoIterator<Item = &'a str>) -> Option<&'a str> {
    let folded = fold(wanted);
    let length = folded.chars().count();
    let limit = (length / 3).clamp(1, 3);
    let mut near = Vec::new();
    for name in names {
        // Cheap first: a name whose length differs by more cannot be close.
        if name == wanted || name.chars().count().abs_diff(length) > limit {
            continue;
        }
        let other = fold(name);
        if other == folded {
            return Some(name);
        }
        near.push((other, name));
    }
    if near.len() > TYPO_SEARCH_MAX {
        return None;
    }
    near.into_iter()
        .map(|(other, name)| (strsim::damerau_levenshtein(&folded, &other), name))
        .filter(|(d, _)| *d <= limit)
        .min_by_key(|(d, _)| *d)
        .map(|(_, name)| name)
}

/// " (did you mean `x`?)" for a message, or nothing.
pub fn did_you_mean<'a>(wanted: &str, names: impl IntoIterator<Item = &'a str>) -> String {
    closest(wanted, names)
        .map(|n| format!("did you mean `{n}`? "))
        .unwrap_or_default()
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
        // Among very many names, only capitals and accents are looked past.
        let many: Vec<String> = (0..=TYPO_SEARCH_MAX)
            .map(|i| format!("page-{i:05}"))
            .collect();
        assert_eq!(
            closest("Page-00007", many.iter().map(String::as_str)),
            Some("page-00007")
        );
        assert_eq!(closest("page-0007x", many.iter().map(String::as_str)), None);
    }

    #[test]
    fn nothing_far_off_is_suggested() {
        assert_eq!(closest("agnieszka", ["ewa", "marek"]), None);
        assert_eq!(closest("ab", ["xy"]), None);
        assert_eq!(did_you_mean("kontakt", ["about"]), "");
    }
}
