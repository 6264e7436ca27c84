//! A length of time written as a person writes it where alsite wants whole
//! minutes: `1:30`, `1,5 h`, `90 min`, `1 h 30 min`, `1h30`, `45 minut`,
//! `2 godz.`, `pół godziny`, `½ h`, `kwadrans`.
//! The hint then gives the number to write.

/// The most minutes a length may have: a day's.
const MOST: u32 = 24 * 60;

/// The minutes `written` stands for, if it is a length of time in hours
/// and minutes (English or Polish words, a decimal point or comma) that
/// `minutes:` takes (1 to 1440): the hint never offers a number the check
/// refuses in turn.
pub fn minutes_in(written: &str) -> Option<u32> {
    read(written).filter(|m| (1..=MOST).contains(m))
}

fn read(written: &str) -> Option<u32> {
    let mut t = written.trim().to_lowercase();
    // Half and one and a half, in signs and in Polish words.
    for (words, number) in [
        ("półtorej ", "1,5 "),
        ("półtora ", "1,5 "),
        ("pół ", "0,5 "),
        ("½", "0,5"),
        ("kwadrans", "15 min"),
    ] {
        if let Some(rest) = t.strip_prefix(words) {
            t = format!("{number}{rest}");
        }
    }
    if let Some((h, m)) = t.split_once(':') {
        let (h, m) = (h.trim().parse::<u32>().ok()?, m.trim());
        return (m.len() == 2).then(|| Some(h * 60 + m.parse::<u32>().ok()?))?;
    }
    let mut total: f64 = 0.0;
    let mut rest = t.as_str();
    let mut any = false;
    let mut last_unit = 0.0;
    while !rest.trim().is_empty() {
        let r = rest.trim_start();
        let digits = r
            .find(|c: char| !(c.is_ascii_digit() || c == ',' || c == '.'))
            .unwrap_or(r.len());
        let number: f64 = r[..digits].replace(',', ".").parse().ok()?;
        let after = r[digits..].trim_start();
        let unit = after
            .find(|c: char| c.is_ascii_digit())
            .unwrap_or(after.len());
        let word = after[..unit].trim().trim_end_matches('.');
        // A bare number under 60 after whole hours, last, is minutes:
        // `1h30`, `1 h 30` (not `1,5 h 30` or `2 h 90`).
        let last = after[unit..].trim().is_empty();
        let whole_hours = total % 60.0 == 0.0 && last_unit == 60.0;
        let per = match word {
            "" if whole_hours && number < 60.0 && last => 1.0,
            word => unit_minutes(word)?,
        };
        last_unit = per;
        total += number * per;
        rest = &after[unit..];
        any = true;
    }
    let whole = total.round();
    (any && (total - whole).abs() < 1e-9 && whole >= 1.0).then_some(whole as u32)
}

/// Minutes in one of a unit's words.
fn unit_minutes(word: &str) -> Option<f64> {
    const HOURS: &[&str] = &[
        "h", "hr", "hrs", "hour", "hours", "godz", "godzina", "godziny", "godzin", "g",
    ];
    const MINUTES: &[&str] = &[
        "m", "min", "mins", "minute", "minutes", "minuta", "minuty", "minut",
    ];
    if HOURS.contains(&word) {
        Some(60.0)
    } else if MINUTES.contains(&word) {
        Some(1.0)
    } else {
        None
    }
}

#[cfg(test)]
mod tests {
    use super::minutes_in;

    #[test]
    fn lengths_of_time_as_people_write_them() {
        for (written, minutes) in [
            ("1:30", 90),
            ("1,5 h", 90),
            ("1.5h", 90),
            ("90 min", 90),
            ("45 minut", 45),
            ("1 h 30 min", 90),
            ("2 godz.", 120),
            ("1 hour 15 minutes", 75),
            ("1h30", 90),
            ("1 h 30", 90),
            ("pół godziny", 30),
            ("półtorej godziny", 90),
            ("½ h", 30),
            ("kwadrans", 15),
        ] {
            assert_eq!(minutes_in(written), Some(minutes), "{written}");
        }
        // Lengths `minutes:` does not take are not offered either.
        for other in [
            "około godziny",
            "1:3",
            "pół",
            "90",
            "1,25 min",
            "30 1",
            "1,5 h 30",
            "2 h 90",
            "h",
            "0:00",
            "25 h",
            "0 min",
        ] {
            assert_eq!(minutes_in(other), None, "{other}");
        }
    }
}
