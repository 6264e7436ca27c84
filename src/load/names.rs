//! What a file or folder name under `content/` may not be: a name no link
//! could reach, or one Windows (and the FAT and exFAT file systems of most
//! USB sticks) would not take, so the built site could not be copied there.
//! One check, [`unfit`], for every name the walk finds; a page's `slug:`
//! shares its rules.

use crate::diagnostic::Diagnostic;
use std::path::{Path, PathBuf};

/// Signs that end a web address's path (`#` an anchor, `?` a query): no
/// link to a file named with one (or to a page made from it) could reach it.
pub(super) const ENDS_AN_ADDRESS: &[char] = &['#', '?'];

/// Signs Windows, and the FAT and exFAT file systems of most USB sticks,
/// refuse in a file name (`?` too): a site with one cannot be copied there.
pub(super) const NOT_ON_A_USB_STICK: &[char] = &[':', '*', '"', '<', '>', '|', '\\'];

/// The longest name, in bytes of UTF-8, that Linux (a web server) and
/// macOS take; Windows takes 255 UTF-16 units, never fewer letters.
pub(super) const MAX_NAME_BYTES: usize = 255;

/// Why a name cannot go everywhere the built site goes.
#[derive(Debug, PartialEq, Eq)]
pub(super) enum Unfit {
    /// A sign of [`ENDS_AN_ADDRESS`].
    EndsAnAddress(char),
    /// A sign of [`NOT_ON_A_USB_STICK`].
    NotOnAUsbStick(char),
    /// A control character (a line break, a tab, U+0007…): Windows refuses
    /// them, and they show as nothing.
    Invisible(char),
    /// A name Windows keeps for a device (`CON`, `nul.md`, `Com1.png`), in
    /// capitals as Windows lists it.
    Device(String),
    /// A dot or space at the end, which Windows drops from a name.
    Ends(char),
    /// Longer than [`MAX_NAME_BYTES`], as written or (a page's) as built:
    /// the name in the built site and its length in bytes.
    TooLong(String, usize),
    /// Accents stored as marks of their own (`z` + U+0301 for `ź`, as names
    /// from a Mac often are): they look the same but are another name than
    /// the one a link typed on a keyboard gives, so web servers and Linux do
    /// not find them.
    Decomposed,
}

/// What keeps `name` (one file or folder name) from working everywhere.
pub(super) fn unfit(name: &str) -> Option<Unfit> {
    let first = |set: &[char]| name.chars().find(|c| set.contains(c));
    if let Some(c) = first(ENDS_AN_ADDRESS) {
        return Some(Unfit::EndsAnAddress(c));
    }
    if let Some(c) = first(NOT_ON_A_USB_STICK) {
        return Some(Unfit::NotOnAUsbStick(c));
    }
    if let Some(c) = name.chars().find(|c| c.is_control()) {
        return Some(Unfit::Invisible(c));
    }
    if let Some(device) = device(name) {
        return Some(Unfit::Device(device));
    }
    if let Some(c) = name.chars().last().filter(|&c| c == '.' || c == ' ') {
        return Some(Unfit::Ends(c));
    }
    (!unicode_normalization::is_nfc(name)).then_some(Unfit::Decomposed)
}

/// The device `name` stands for on Windows, which keeps `CON`, `PRN`, `AUX`,
/// `NUL`, `COM1`–`COM9` and `LPT1`–`LPT9` (and `COM¹`… with the raised
/// digits it reads as digits) in any capitals, alone or before any
/// extension (`nul.tar.gz` is `NUL`), and with spaces before the dot.
pub(super) fn device(name: &str) -> Option<String> {
    let base = name.split('.').next().unwrap_or(name).trim_end_matches(' ');
    let upper = base.to_uppercase();
    let numbered = ["COM", "LPT"].iter().any(|port| {
        upper.strip_prefix(port).is_some_and(|n| {
            let mut digits = n.chars();
            matches!(digits.next(), Some('1'..='9' | '¹' | '²' | '³')) && digits.next().is_none()
        })
    });
    (numbered || matches!(upper.as_str(), "CON" | "PRN" | "AUX" | "NUL")).then_some(upper)
}

/// The first part of `rel`, a file's path, whose name is [`unfit`] or too
/// long, with that reason: the path up to and including that part.
pub(super) fn unfit_part(rel: &Path) -> Option<(PathBuf, Unfit)> {
    let mut upto = PathBuf::new();
    let mut parts = rel.components().peekable();
    while let Some(part) = parts.next() {
        upto.push(part);
        let name = part.as_os_str().to_string_lossy();
        let built = match parts.peek() {
            None => built_name(&name),
            Some(_) => name.to_string(),
        };
        if let Some(why) = unfit(&name) {
            return Some((upto, why));
        }
        if built.len() > MAX_NAME_BYTES {
            let bytes = built.len();
            return Some((upto, Unfit::TooLong(built, bytes)));
        }
    }
    None
}

/// A file's name in the built site: a page's (`.md`, `.markdown`) or a
/// YAML file's ends in `.html`; any other file keeps its name.
fn built_name(name: &str) -> String {
    match name.rsplit_once('.') {
        Some((stem, ext))
            if ["md", "markdown", "yaml"]
                .iter()
                .any(|e| ext.eq_ignore_ascii_case(e)) =>
        {
            format!("{stem}.html")
        }
        _ => name.to_string(),
    }
}

/// Whether a page named `slug` would have a name too long: its length in
/// bytes with `.html`.
pub(super) fn too_long(slug: &str) -> Option<usize> {
    let bytes = slug.len() + ".html".len();
    (bytes > MAX_NAME_BYTES).then_some(bytes)
}

/// A long name cut short for a message: its first 30 characters and its
/// last 12, so that its end (`.html`) shows.
fn cut(name: &str) -> String {
    let chars: Vec<char> = name.chars().collect();
    if chars.len() <= 50 {
        return name.to_string();
    }
    let head: String = chars[..30].iter().collect();
    let tail: String = chars[chars.len() - 12..].iter().collect();
    format!("{head}…{tail}")
}

/// `name` with its control characters shown as `�`, fit to print.
fn shown(name: &str) -> String {
    name.chars()
        .map(|c| if c.is_control() { '\u{fffd}' } else { c })
        .collect()
}

/// The error for the file or folder at `path` (under `root`), whose name
/// is unfit for `why`.
pub(super) fn unfit_error(path: &Path, root: &Path, why: &Unfit) -> Diagnostic {
    let place = shown(&path.strip_prefix(root).unwrap_or(path).to_string_lossy());
    let raw = path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    let name = shown(&raw);
    const SAFE: &str =
        "letters in any language, digits, spaces, `-`, `_`, `&`, `+`, `'` and brackets are safe";
    const NOT_THERE: &str = "so the built site could not be copied there";
    let (message, hint) = match why {
        Unfit::EndsAnAddress(sign) => (
            format!("the name `{name}` has `{sign}`, which ends a web address's path, so no link could reach it"),
            format!("rename it without `#` and `?`; {SAFE}"),
        ),
        Unfit::NotOnAUsbStick(sign) => (
            format!("the name `{name}` has `{sign}`, which Windows and most USB sticks do not allow in a file name, {NOT_THERE}"),
            format!("rename it without `:`, `*`, `\"`, `<`, `>`, `|` and `\\`; {SAFE}"),
        ),
        Unfit::Invisible(c) => (
            format!("the name `{name}` has an invisible control character (U+{:04X}), which Windows and most USB sticks do not allow in a file name, {NOT_THERE}", *c as u32),
            format!("rename it by typing the name again; {SAFE}"),
        ),
        Unfit::Device(device) => (
            format!("the name `{name}` is `{device}`, which Windows keeps for a device (in any capitals, with any extension), {NOT_THERE}"),
            format!("rename it, for example `{}`; Windows keeps CON, PRN, AUX, NUL, COM1 to COM9 and LPT1 to LPT9", longer(&raw)),
        ),
        Unfit::Ends(c) => {
            let (sign, what) = if *c == '.' { ("`.`", "a dot") } else { ("` `", "a space") };
            (
                format!("the name `{name}` ends with {what}, which Windows and most USB sticks drop from the end of a name, {NOT_THERE}"),
                format!("rename it without the {sign} at the end; inside a name {what} is fine"),
            )
        }
        Unfit::TooLong(built, bytes) => (
            format!("the name `{}` is too long: as `{}` in the built site it takes {bytes} bytes, and Linux (most web servers) and macOS allow {MAX_NAME_BYTES} in a name, {NOT_THERE}", cut(&name), cut(built)),
            "shorten the name (a letter with an accent takes two bytes, most other letters one); a few words are enough".to_string(),
        ),
        Unfit::Decomposed => (
            format!("the name `{name}` writes its accents as marks apart from their letters (as names from a Mac often are), so a link typed on a keyboard, and a web server, would not find it"),
            "rename it by typing the name again, so that each letter with an accent (ó, ź, ę) is one character".to_string(),
        ),
    };
    Diagnostic::error(place, message).hint(hint)
}

/// A name like `name` that is not a device's: `con.md` → `con-1.md`.
fn longer(name: &str) -> String {
    match name.split_once('.') {
        Some((base, rest)) => format!("{}-1.{rest}", base.trim_end()),
        None => format!("{}-1", name.trim_end()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn windows_device_names_in_any_capitals_and_with_any_extension() {
        for name in [
            "con",
            "CON",
            "con.md",
            "Nul.tar.gz",
            "aux",
            "prn.png",
            "com1",
            "COM9.yaml",
            "lpt1",
            "Lpt9.md",
            "con .md",
            "com¹.md",
            "LPT³",
        ] {
            assert!(device(name).is_some(), "{name}");
        }
        for name in [
            "contact.md",
            "icon.png",
            "com10.md",
            "com0",
            "lpt",
            "nul-notes.md",
            "my con.md",
            "console",
            "auxiliary.md",
            "a.con",
            "com",
        ] {
            assert_eq!(device(name), None, "{name}");
        }
        assert_eq!(device("Com1.png").as_deref(), Some("COM1"));
    }

    #[test]
    fn a_dot_or_space_at_the_end_but_not_inside() {
        assert_eq!(unfit("notes."), Some(Unfit::Ends('.')));
        assert_eq!(unfit("folder "), Some(Unfit::Ends(' ')));
        assert_eq!(unfit("notes.md "), Some(Unfit::Ends(' ')));
        for fine in [
            "notes..md",
            "o nas.md",
            "źródła.md",
            "Q&A + plan's (1).png",
            "100% gotowe.md",
            "notes .md",
            "sesja próbna.yaml",
        ] {
            assert_eq!(unfit(fine), None, "{fine}");
        }
    }

    #[test]
    fn control_characters_and_signs() {
        assert_eq!(unfit("a\u{7}b.md"), Some(Unfit::Invisible('\u{7}')));
        assert_eq!(unfit("line\nbreak"), Some(Unfit::Invisible('\n')));
        assert_eq!(unfit("a:b"), Some(Unfit::NotOnAUsbStick(':')));
        assert_eq!(unfit("#1 Intro"), Some(Unfit::EndsAnAddress('#')));
        assert_eq!(unfit("z\u{301}rodla.md"), Some(Unfit::Decomposed));
        assert_eq!(longer("con.md"), "con-1.md");
        assert_eq!(longer("NUL"), "NUL-1");
    }

    #[test]
    fn a_name_too_long_as_written_or_as_built() {
        let long = "ą".repeat(126);
        // 252 bytes as `.md`, 257 as `.html`.
        let page = format!("{}.md", "a".repeat(250));
        assert!(unfit_part(Path::new(&page)).is_none());
        let page = format!("{}.md", "a".repeat(251));
        assert_eq!(
            unfit_part(Path::new(&format!("pages/{page}"))).map(|(p, _)| p),
            Some(PathBuf::from(format!("pages/{page}")))
        );
        assert!(unfit_part(Path::new(&format!("{long}/a.png"))).is_none());
        let folder = "b".repeat(256);
        assert!(matches!(
            unfit_part(Path::new(&format!("{folder}/a.png"))),
            Some((_, Unfit::TooLong(_, 256)))
        ));
        // A folder's name keeps its `.md`; a copied file keeps its name.
        let named = format!("{}.md", "c".repeat(251));
        assert!(unfit_part(Path::new(&format!("{named}/x.png"))).is_none());
        assert!(unfit_part(Path::new(&format!("images/{}.png", "d".repeat(251)))).is_none());
        assert_eq!(too_long(&"e".repeat(250)), None);
        assert_eq!(too_long(&"e".repeat(251)), Some(256));
    }
}
