//! One error type for everything a user can get wrong: where (file, line, column),
//! what (message), what to do (hint). Rendered for the terminal with the source line
//! and a caret, as rustc does.

use std::collections::HashMap;
use std::fmt;
use std::path::{Path, PathBuf};

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Severity {
    Warning,
    Error,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Diagnostic {
    pub severity: Severity,
    /// Path as the user would type it: relative to the site root where possible.
    pub file: PathBuf,
    /// 1-based; 0 when the problem is the file as a whole.
    pub line: usize,
    pub column: usize,
    pub message: String,
    pub hint: Option<String>,
}

impl Diagnostic {
    pub fn error(file: impl Into<PathBuf>, message: impl Into<String>) -> Self {
        Diagnostic {
            severity: Severity::Error,
            file: file.into(),
            line: 0,
            column: 0,
            message: message.into(),
            hint: None,
        }
    }

    pub fn warning(file: impl Into<PathBuf>, message: impl Into<String>) -> Self {
        Diagnostic {
            severity: Severity::Warning,
            ..Self::error(file, message)
        }
    }

    pub fn at(mut self, line: usize, column: usize) -> Self {
        self.line = line;
        self.column = column;
        self
    }

    /// Places the diagnostic at a byte offset of `text`, the file's contents.
    pub fn at_offset(self, text: &str, offset: usize) -> Self {
        let (line, column) = line_col(text, offset);
        self.at(line, column)
    }

    pub fn hint(mut self, hint: impl Into<String>) -> Self {
        self.hint = Some(hint.into());
        self
    }

    pub fn is_error(&self) -> bool {
        self.severity == Severity::Error
    }

    /// `path:line:col`, or just `path` when there is no position.
    pub fn location(&self) -> String {
        let file = self.file.display();
        if self.line == 0 {
            format!("{file}")
        } else {
            format!("{file}:{}:{}", self.line, self.column.max(1))
        }
    }

    /// The terminal form: a header, the source line with a caret when the file
    /// can be read from `root`, then the hint.
    pub fn render(&self, root: &Path) -> String {
        self.render_in(&mut Sources::new(root))
    }

    /// Like [`Diagnostic::render`], reading the source through `sources`.
    fn render_in(&self, sources: &mut Sources) -> String {
        let mut out = format!("{}: {}: {}\n", self.location(), self.severity, self.message);
        if self.line > 0 {
            if let Some(text) = sources.line(&self.file, self.line) {
                let gutter = self.line.to_string().len();
                let (text, column) = source_window(text, self.column);
                // As wide as what is above it: a tab stays a tab, and the
                // rest takes the cells a terminal gives it (an emoji or a CJK
                // letter two, a combining mark none, an emoji sequence as
                // one picture).
                let before: String = text.chars().take(column.saturating_sub(1)).collect();
                let pad: String = before
                    .split('\t')
                    .map(|run| " ".repeat(unicode_width::UnicodeWidthStr::width(run)))
                    .collect::<Vec<_>>()
                    .join("\t");
                out.push_str(&format!("{:gutter$} |\n", ""));
                out.push_str(&format!("{} | {}\n", self.line, text));
                out.push_str(&format!("{:gutter$} | {pad}^\n", ""));
            }
        }
        if let Some(hint) = &self.hint {
            out.push_str(&format!("  = hint: {}\n", shortened(hint)));
        }
        out
    }
}

/// A text with where each of its lines starts, to go from a byte to its
/// line and column, or from a line number to the line, without scanning
/// the text again each time (a page with a thousand broken links).
pub struct Lines {
    text: String,
    starts: Vec<usize>,
}

impl Lines {
    pub fn new(text: String) -> Lines {
        let starts = std::iter::once(0)
            .chain(memchr::memchr_iter(b'\n', text.as_bytes()).map(|i| i + 1))
            .collect();
        Lines { text, starts }
    }

    pub fn text(&self) -> &str {
        &self.text
    }

    /// Line `line` (1-based), without its line ending.
    pub fn line(&self, line: usize) -> Option<&str> {
        let start = *self.starts.get(line.checked_sub(1)?)?;
        if start >= self.text.len() {
            return None;
        }
        let end = self.starts.get(line).map_or(self.text.len(), |&e| e - 1);
        Some(self.text[start..end].trim_end_matches('\r'))
    }

    /// The 1-based line and column (in characters) of byte `offset`.
    pub fn line_col(&self, offset: usize) -> (usize, usize) {
        let offset = offset.min(self.text.len());
        let line = self.starts.partition_point(|&s| s <= offset);
        let start = self.starts[line - 1];
        (line, self.text[start..offset].chars().count() + 1)
    }
}

/// Source files read for diagnostics, each once however many point into it.
struct Sources<'a> {
    root: &'a Path,
    files: std::collections::HashMap<PathBuf, Option<Lines>>,
}

impl<'a> Sources<'a> {
    fn new(root: &'a Path) -> Sources<'a> {
        Sources {
            root,
            files: std::collections::HashMap::new(),
        }
    }

    /// Line `line` (1-based) of `file`, without its line ending; `None` for
    /// a line that is not text (NUL bytes: a file saved as UTF-16 without
    /// its mark, or not a text file), which would show as noise. The file
    /// is read as the loader reads it (a byte-order mark, UTF-16, a line
    /// ended by `\r` alone), so the line shown is the one counted.
    fn line(&mut self, file: &Path, line: usize) -> Option<&str> {
        let root = self.root;
        let entry = self.files.entry(file.to_path_buf()).or_insert_with(|| {
            if let Ok(text) = crate::load::read_utf8(root, file) {
                return Some(Lines::new(text));
            }
            let bytes = std::fs::read(root.join(file)).ok()?;
            Some(Lines::new(String::from_utf8_lossy(&bytes).into_owned()))
        });
        entry.as_ref()?.line(line).filter(|l| !l.contains('\0'))
    }
}

/// A hint with every text in backticks of more than 200 characters, and
/// every stretch of words around them of more than 400, cut in its middle:
/// one that writes back a very long line (a 100,000-character
/// `description:` in quotes) keeps its start and end, and a long list of
/// short names (missing UI strings) stays whole.
fn shortened(hint: &str) -> std::borrow::Cow<'_, str> {
    const LONG: usize = 200;
    // Words around the code: a line written back whole outside backticks
    // (`put the whole text in quotes: description: "…"`) is cut too.
    const LONG_WORDS: usize = 400;
    let long = |(i, p): (usize, &str)| {
        p.chars()
            .nth(if i % 2 == 1 { LONG } else { LONG_WORDS })
            .is_some()
    };
    if !hint.split('`').enumerate().any(long) {
        return hint.into();
    }
    let cut = |p: &str| -> String {
        let chars: Vec<char> = p.chars().collect();
        let head: String = chars[..120].iter().collect();
        let tail: String = chars[chars.len() - 60..].iter().collect();
        format!("{head} … {tail}")
    };
    let pieces = hint.split('`').enumerate();
    let shown: Vec<String> = pieces
        .map(|(i, p)| match long((i, p)) {
            true => cut(p),
            false => p.to_string(),
        })
        .collect();
    shown.join("`").into()
}

/// The part of a source line worth showing, about 100 characters around
/// `column`, with invisible control characters made visible; and the column
/// within it.
fn source_window(line: &str, column: usize) -> (String, usize) {
    const WIDTH: usize = 100;
    let chars: Vec<char> = line.chars().collect();
    let start = if chars.len() <= WIDTH {
        0
    } else {
        column.saturating_sub(WIDTH / 2).min(chars.len() - WIDTH)
    };
    let end = (start + WIDTH).min(chars.len());
    let mut shown: String = chars[start..end]
        .iter()
        .map(|&c| {
            if c.is_control() && c != '\t' {
                '\u{fffd}'
            } else {
                c
            }
        })
        .collect();
    let mut column = column - start.min(column);
    if start > 0 {
        shown.insert(0, '…');
        column += 1;
    }
    if end < chars.len() {
        shown.push('…');
    }
    (shown, column)
}

impl fmt::Display for Severity {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            Severity::Warning => "warning",
            Severity::Error => "error",
        })
    }
}

impl fmt::Display for Diagnostic {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "{}: {}: {}",
            self.location(),
            self.severity,
            self.message
        )?;
        if let Some(hint) = &self.hint {
            write!(f, " (hint: {hint})")?;
        }
        Ok(())
    }
}

impl std::error::Error for Diagnostic {}

/// 1-based line and column (in characters) of a byte offset.
pub fn line_col(text: &str, offset: usize) -> (usize, usize) {
    let offset = offset.min(text.len());
    let before = &text.as_bytes()[..offset];
    let line = before.iter().filter(|&&b| b == b'\n').count() + 1;
    let line_start = before
        .iter()
        .rposition(|&b| b == b'\n')
        .map_or(0, |p| p + 1);
    let column = String::from_utf8_lossy(&before[line_start..])
        .chars()
        .count()
        + 1;
    (line, column)
}

/// All diagnostics of a run, errors and warnings, sorted for stable output.
#[derive(Debug, Default, Clone)]
pub struct Diagnostics(pub Vec<Diagnostic>);

impl Diagnostics {
    pub fn push(&mut self, d: Diagnostic) {
        self.0.push(d);
    }

    pub fn extend(&mut self, ds: impl IntoIterator<Item = Diagnostic>) {
        self.0.extend(ds);
    }

    pub fn errors(&self) -> usize {
        self.0.iter().filter(|d| d.is_error()).count()
    }

    pub fn warnings(&self) -> usize {
        self.0.len() - self.errors()
    }

    pub fn has_errors(&self) -> bool {
        self.errors() > 0
    }

    /// Errors first (what stopped the build), then warnings; each by file
    /// and place.
    pub fn sort(&mut self) {
        self.0.sort_by(|a, b| {
            (!a.is_error(), &a.file, a.line, a.column, &a.message).cmp(&(
                !b.is_error(),
                &b.file,
                b.line,
                b.column,
                &b.message,
            ))
        });
        self.0.dedup();
    }

    /// Every diagnostic as the terminal shows it. More than [`ALIKE`] that
    /// differ only in their place (one missing file that every item of a
    /// kind needs, a misspelt language code that every translation's name
    /// has) are shown once, with the other places listed under it.
    pub fn render(&self, root: &Path) -> String {
        let mut sources = Sources::new(root);
        let mut groups: Vec<Vec<&Diagnostic>> = Vec::new();
        let mut by_words: HashMap<(&Severity, &str, Option<&str>), usize> = HashMap::new();
        for d in &self.0 {
            let words = (&d.severity, d.message.as_str(), d.hint.as_deref());
            let n = *by_words.entry(words).or_insert_with(|| {
                groups.push(Vec::new());
                groups.len() - 1
            });
            groups[n].push(d);
        }
        let mut shown = Vec::new();
        for group in groups {
            match group.len() > ALIKE {
                true => shown.push(alike(&group, &mut sources)),
                false => shown.extend(group.iter().map(|d| d.render_in(&mut sources))),
            }
        }
        shown.join("\n")
    }
}

/// More diagnostics than this alike but for their place are shown once.
const ALIKE: usize = 3;

/// How many of their other places are listed; the rest are counted.
const LISTED: usize = 8;

/// The first of `group` (diagnostics alike but for their place) as the
/// terminal shows it, with the others' places under it.
fn alike(group: &[&Diagnostic], sources: &mut Sources) -> String {
    let places: Vec<String> = group[1..].iter().map(|d| d.location()).collect();
    format!(
        "{}  = the same at: {}\n",
        group[0].render_in(sources),
        listed(&places)
    )
}

/// Places (or line numbers) as a list a reader takes in: the first
/// [`LISTED`], then how many more.
pub fn listed(places: &[impl ToString]) -> String {
    let shown: Vec<String> = places.iter().take(LISTED).map(|p| p.to_string()).collect();
    match places.len() > LISTED {
        true => format!("{} and {} more", shown.join(", "), places.len() - LISTED),
        false => shown.join(", "),
    }
}

/// ENAMETOOLONG (its kind, `InvalidFilename`, is newer than alsite's
/// oldest supported Rust).
pub fn name_too_long(e: &std::io::Error) -> bool {
    #[cfg(unix)]
    return e.raw_os_error() == Some(libc::ENAMETOOLONG);
    #[cfg(not(unix))]
    false
}

/// ELOOP: a loop of symbolic links (its kind is not stable yet).
pub fn link_loop(e: &std::io::Error) -> bool {
    e.raw_os_error() == Some(40) && cfg!(target_os = "linux")
}

/// What went wrong with a file, in a trainer's words: the system's own
/// message ("Permission denied (os error 13)") names an error code.
pub fn io_words(e: &std::io::Error) -> String {
    use std::io::ErrorKind::*;
    match e.kind() {
        PermissionDenied => "permission denied".into(),
        NotFound => "it does not exist".into(),
        AlreadyExists => "something of that name is already there".into(),
        StorageFull => "the disk is full".into(),
        QuotaExceeded => "the space this account may use on the disk is used up".into(),
        FileTooLarge => "the file is larger than this disk (or this account) takes".into(),
        ReadOnlyFilesystem => "the disk can only be read, not written".into(),
        IsADirectory => "it is a folder".into(),
        NotADirectory => "a file stands where a folder is needed".into(),
        DirectoryNotEmpty => "the folder is not empty".into(),
        _ if name_too_long(e) => "the name is too long, or not allowed, on this disk".into(),
        _ if link_loop(e) => "a link points back into itself (a loop of links)".into(),
        _ => {
            let text = e.to_string();
            match text.find(" (os error") {
                Some(i) => text[..i].to_string(),
                None => text,
            }
        }
    }
}

/// The errors that say the disk takes no more, whatever is written next:
/// full, an account's quota used up, a file past the largest it takes.
pub const DISK_FULL: [std::io::ErrorKind; 3] = [
    std::io::ErrorKind::StorageFull,
    std::io::ErrorKind::QuotaExceeded,
    std::io::ErrorKind::FileTooLarge,
];

/// Whether `e` is one of [`DISK_FULL`].
pub fn is_disk_full(e: &std::io::Error) -> bool {
    DISK_FULL.contains(&e.kind())
}

/// What to do about a file that could not be read, in a trainer's words.
pub fn read_hint(e: &std::io::Error) -> &'static str {
    use std::io::ErrorKind::*;
    match e.kind() {
        PermissionDenied => "your user may not read it: give it read permission (`chmod a+r` the file), or copy it again as yourself",
        NotFound => "check that the file exists: it may have been moved or deleted while alsite ran",
        _ => "check that the file exists and that you may read it",
    }
}

/// What to do about an error writing into `folder`, in a trainer's words:
/// a full disk is not a folder that cannot be written. `elsewhere` is how
/// to write to another disk instead (`--out`), when the command can.
pub fn write_hint(e: &std::io::Error, folder: &str, elsewhere: Option<&str>) -> String {
    use std::io::ErrorKind::*;
    match (e.kind(), elsewhere) {
        (PermissionDenied, _) => format!("check that {folder} and the folders in it can be written"),
        (ReadOnlyFilesystem, Some(how)) => format!("write {folder} to a disk that can be written ({how})"),
        (ReadOnlyFilesystem, None) => {
            format!("{folder} is on a disk that cannot be written: copy the site to one that can and run this there")
        }
        (StorageFull | QuotaExceeded, Some(how)) => {
            format!("make room on the disk, or write {folder} to another disk ({how})")
        }
        (StorageFull | QuotaExceeded | FileTooLarge, None) => {
            format!("make room on the disk that holds {folder}, then run this again")
        }
        (FileTooLarge, Some(how)) => format!(
            "write {folder} to another disk ({how}): this one, or a limit on your account, takes no file this large (a USB stick formatted FAT32 takes none past 4 GB)"
        ),
        _ => format!("check that {folder} and the folders in it can be written and the disk has room"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_file_that_cannot_be_read_is_told_why() {
        use std::io::{Error, ErrorKind};
        assert!(read_hint(&Error::from(ErrorKind::PermissionDenied)).contains("read permission"));
        assert!(
            read_hint(&Error::from(ErrorKind::NotFound)).starts_with("check that the file exists")
        );
    }

    #[test]
    fn line_col_counts_lines_and_characters() {
        let text = "ab\ncdé f\n";
        assert_eq!(line_col(text, 0), (1, 1));
        assert_eq!(line_col(text, 3), (2, 1));
        // 'é' is two bytes but one column.
        assert_eq!(line_col(text, text.find('f').unwrap()), (2, 5));
        assert_eq!(line_col(text, 999), (3, 1));
    }

    #[test]
    fn alike_but_for_their_place_are_shown_once_with_the_other_places() {
        let at = |file: &str, line| {
            Diagnostic::error(file, "needs x.yaml")
                .hint("write x.yaml")
                .at(line, 1)
        };
        let mut many = Diagnostics(vec![at("a.yaml", 3), at("a.yaml", 9), at("b.yaml", 2)]);
        many.push(Diagnostic::error("c.yaml", "another").at(1, 1));
        // Three alike are each shown.
        let shown = many.render(Path::new("/nowhere"));
        assert_eq!(shown.matches("needs x.yaml").count(), 3, "{shown}");
        many.push(at("b.yaml", 5));
        many.push(at("d.yaml", 1));
        let shown = many.render(Path::new("/nowhere"));
        assert_eq!(shown.matches("error: needs x.yaml").count(), 1, "{shown}");
        assert!(
            shown.contains("a.yaml:3:1: error: needs x.yaml\n  = hint: write x.yaml\n  = the same at: a.yaml:9:1, b.yaml:2:1, b.yaml:5:1, d.yaml:1:1\n"),
            "{shown}"
        );
        for line in 10..20 {
            many.push(at("e.yaml", line));
        }
        let shown = many.render(Path::new("/nowhere"));
        assert!(shown.contains(", e.yaml:13:1 and 6 more\n"), "{shown}");
        assert!(shown.contains("c.yaml:1:1: error: another"), "{shown}");
    }

    #[test]
    fn location_and_display_name_the_place() {
        let d = Diagnostic::error("content/a.md", "bad thing")
            .at(3, 7)
            .hint("do this");
        assert_eq!(d.location(), "content/a.md:3:7");
        assert_eq!(
            d.to_string(),
            "content/a.md:3:7: error: bad thing (hint: do this)"
        );
        let whole = Diagnostic::warning("site.yaml", "meh");
        assert_eq!(whole.to_string(), "site.yaml: warning: meh");
    }

    #[test]
    fn render_shows_the_line_and_a_caret_under_the_column() {
        let dir = std::env::temp_dir().join(format!("alsite-diag-{}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        std::fs::write(dir.join("x.yaml"), "title: A\ntitel: B\n").unwrap();
        let d = Diagnostic::error("x.yaml", "unknown field `titel`")
            .at(2, 1)
            .hint("did you mean `title`?");
        let out = d.render(&dir);
        assert!(
            out.starts_with("x.yaml:2:1: error: unknown field `titel`\n"),
            "{out}"
        );
        assert!(out.contains("2 | titel: B\n  | ^\n"), "{out}");
        assert!(out.contains("= hint: did you mean `title`?"), "{out}");
        std::fs::remove_dir_all(dir).unwrap();
    }

    #[test]
    fn the_caret_stands_under_its_column_after_wide_letters_and_a_long_hint_is_cut() {
        let dir = std::env::temp_dir().join(format!("alsite-diag-wide-{}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        std::fs::write(dir.join("x.yaml"), "- { say: \"🎧👂 Hi.\", mood: x }\n").unwrap();
        let long = format!("write `{}` or `b`", "a".repeat(5000));
        let d = Diagnostic::error("x.yaml", "unknown field `mood`")
            .at(1, 19)
            .hint(long);
        let out = d.render(&dir);
        // Two emoji of two cells each: the caret is two cells further right
        // than a count of characters puts it.
        assert!(out.contains(&format!("  | {}^\n", " ".repeat(20))), "{out}");
        // A picture made of several characters (a teacher: woman, joiner,
        // school) takes two cells too.
        std::fs::write(dir.join("y.yaml"), "- \u{1F469}\u{200D}\u{1F3EB} x\n").unwrap();
        let d = Diagnostic::error("y.yaml", "here").at(1, 7);
        let at = d.render(&dir);
        assert!(at.contains(&format!("  | {}^\n", " ".repeat(5))), "{at}");
        // A list of many short names is kept whole.
        let names = vec!["`player.restart`"; 300].join(", ");
        let d = Diagnostic::error("x.yaml", "missing").hint(names.clone());
        assert!(d.render(&dir).contains(&names));
        // A line written back outside backticks is cut too.
        let line = format!(
            "put the whole text in quotes: description: \"{}\"",
            "word ".repeat(40_000)
        );
        let d = Diagnostic::error("x.yaml", "colon").hint(line);
        let shown = d.render(&dir);
        assert!(shown.len() < 2_000, "{} bytes", shown.len());
        assert!(
            shown.contains("put the whole text in quotes: description: \"word"),
            "{shown}"
        );
        let hint = out.lines().find(|l| l.contains("= hint:")).unwrap();
        assert!(
            hint.chars().count() < 250 && hint.ends_with(" or `b`"),
            "{hint}"
        );
        std::fs::remove_dir_all(dir).unwrap();
    }
}
