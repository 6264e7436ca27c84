//! Command-line arguments, translated into library calls. Nothing else lives here.

use alsite::build;
use alsite::diagnostic::Diagnostics;
use alsite::{console, errln, outln};
use clap::{Parser, Subcommand};
use std::path::{Path, PathBuf};
use std::process::ExitCode;

/// Exit codes: 0 success, 1 content errors, 2 wrong usage (clap's own).
pub const EXIT_CONTENT: u8 = 1;

#[derive(Parser)]
#[command(
    name = "alsite",
    version,
    about = "Static sites for Action Learning trainers: the method, question practice, demo sessions and workshops"
)]
pub struct Cli {
    #[command(subcommand)]
    command: Command,
}

/// `--language pl,en`, checked: the codes in order, the default first.
type Languages = Vec<String>;

#[derive(Subcommand)]
enum Command {
    /// Load, check and render the site into the output folder
    Build {
        /// The site folder (holding site.yaml and content/)
        #[arg(long, default_value = ".")]
        root: PathBuf,
        /// Where to write the site [default: ROOT/public]
        #[arg(long)]
        out: Option<PathBuf>,
        /// Print where the time went
        #[arg(long)]
        timings: bool,
        /// Replace the output folder even if it holds files alsite did not make
        #[arg(long)]
        force: bool,
    },
    /// Run every check, including links and anchors, and write nothing
    Check {
        #[arg(long, default_value = ".")]
        root: PathBuf,
        /// Treat warnings as errors
        #[arg(long)]
        strict: bool,
    },
    /// Build the site, serve it, and rebuild and reload the browser on every save
    Serve {
        #[arg(long, default_value = ".")]
        root: PathBuf,
        /// Port to listen on; 0 picks a free one
        #[arg(long, default_value_t = 8000)]
        port: u16,
        /// IP address to listen on; 0.0.0.0 makes the site reachable from other machines
        #[arg(long, default_value = "127.0.0.1")]
        bind: String,
        /// Also answer requests addressed to NAME, a name of this computer
        /// (useful with --bind 0.0.0.0); repeat for more names
        #[arg(long = "host", value_name = "NAME")]
        hosts: Vec<String>,
        /// Open the site in the default browser
        #[arg(long)]
        open: bool,
    },
    /// Write the site as a SCORM package (a zip) for a learning platform (LMS)
    Package {
        #[arg(long, default_value = ".")]
        root: PathBuf,
        /// The SCORM edition your LMS expects (1.3 is another name of 2004)
        #[arg(long, value_name = "VERSION", value_parser = [
            clap::builder::PossibleValue::new("1.2"),
            clap::builder::PossibleValue::new("2004").alias("1.3"),
        ])]
        scorm: String,
        /// The zip to write [default: course-scorm12.zip or course-scorm2004.zip]
        #[arg(long)]
        out: Option<PathBuf>,
        /// Workshops, practice sets or sessions to package, one SCO each
        /// (e.g. content/workshops/foundations); none: the whole site as one SCO
        paths: Vec<PathBuf>,
    },
    /// Write the theme's UI strings to i18n/LANG.yaml in the site, to translate
    /// (English words for a language the theme does not ship)
    Strings {
        /// The language code, such as cs, de or pt-BR
        lang: String,
        #[arg(long, default_value = ".")]
        root: PathBuf,
    },
    /// Write a synthetic site for benchmarks (not for trainers)
    #[command(hide = true)]
    GenSite {
        dir: PathBuf,
        #[arg(long, default_value_t = 1000)]
        pages: usize,
        #[arg(long, default_value_t = 1)]
        seed: u64,
        /// Also write the same Markdown pages as a Hugo site here
        #[arg(long)]
        hugo: Option<PathBuf>,
    },
    /// Create a new site in DIR from the bundled sample content
    New {
        /// A folder that does not exist yet, or is empty
        dir: PathBuf,
        /// The sample's language: en or pl, or several with the default first (pl,en)
        #[arg(long, value_name = "LANGS", default_value = "en", value_parser = alsite::new::parse_languages)]
        language: Languages,
    },
}

pub fn run() -> ExitCode {
    let cli = match Cli::try_parse() {
        Ok(cli) => cli,
        Err(e) => return usage(&e),
    };
    match cli.command {
        Command::Build {
            root,
            out,
            timings,
            force,
        } => {
            let out = out.unwrap_or_else(|| {
                if root == Path::new(".") {
                    PathBuf::from("public")
                } else {
                    root.join("public")
                }
            });
            match build::build(&root, &out, force) {
                Ok(report) => {
                    print_diagnostics(&root, &report.warnings);
                    if timings {
                        let t = report.timings;
                        let ms = |d: std::time::Duration| d.as_secs_f64() * 1000.0;
                        outln!(
                            "timings: load {:.0} ms, check {:.0} ms, render and write {:.0} ms, search index {:.0} ms, links {:.0} ms, swap {:.0} ms; {} of {} pages rendered",
                            ms(t.load), ms(t.check), ms(t.render_and_write), ms(t.search), ms(t.links), ms(t.swap),
                            report.rendered, report.pages
                        );
                    }
                    outln!(
                        "built {} pages ({} files, {} written, {} removed) into {} in {} ms, {} warning{}",
                        report.pages,
                        report.files,
                        report.written,
                        report.removed,
                        report.out.display(),
                        report.millis,
                        report.warnings.0.len(),
                        if report.warnings.0.len() == 1 {
                            ""
                        } else {
                            "s"
                        }
                    );
                    ExitCode::SUCCESS
                }
                Err(errors) => fail(&root, &errors, "build failed; no file was changed"),
            }
        }
        Command::Check { root, strict } => match build::check(&root, strict) {
            Ok(warnings) => {
                print_diagnostics(&root, &warnings);
                outln!(
                    "check passed, {} warning{}",
                    warnings.0.len(),
                    if warnings.0.len() == 1 { "" } else { "s" }
                );
                ExitCode::SUCCESS
            }
            Err(errors) => fail(&root, &errors, "check failed"),
        },
        Command::Serve {
            root,
            port,
            bind,
            open,
            hosts,
        } => {
            let options = alsite::serve::Options {
                root: root.clone(),
                bind,
                port,
                open,
                hosts,
            };
            match alsite::serve::run(&options) {
                Ok(()) => ExitCode::SUCCESS,
                Err(errors) => fail(&root, &errors, "cannot serve"),
            }
        }
        Command::Package {
            root,
            scorm,
            out,
            paths,
        } => package(&root, &scorm, out, &paths),
        Command::GenSite {
            dir,
            pages,
            seed,
            hugo,
        } => match alsite::synth::generate(&dir, pages, seed, hugo.as_deref()) {
            Ok(()) => {
                outln!(
                    "wrote a synthetic site with {pages} pages to {}",
                    dir.display()
                );
                ExitCode::SUCCESS
            }
            Err(e) => {
                errln!("error: cannot write {}: {e}", dir.display());
                ExitCode::from(EXIT_CONTENT)
            }
        },
        Command::Strings { lang, root } => match alsite::i18n::export::write(&root, &lang) {
            Ok(files) => {
                let names: Vec<String> = files.iter().map(|f| f.display().to_string()).collect();
                let next = match alsite::i18n::export::ships(&lang) {
                    true => "change the words you want",
                    false => "translate the values",
                };
                let in_site = alsite::load::config_languages(&root)
                    .is_some_and(|languages| languages.contains(&lang));
                let then = match in_site {
                    true => format!("; the site's {lang} pages use them from its next build"),
                    false => format!(
                        ", then set `language: {lang}` in site.yaml (or add {lang} to `languages:`)"
                    ),
                };
                outln!("wrote {}; next: {next}{then}", names.join(" and "));
                ExitCode::SUCCESS
            }
            Err(e) => fail(&root, &Diagnostics(vec![e]), "nothing was written"),
        },
        Command::New { dir, language } => match alsite::new::new_site(&dir, &language) {
            Ok(files) => {
                outln!(
                    "created a new site in {} ({files} files); next: cd {} && alsite serve --open",
                    dir.display(),
                    shell_word(&dir)
                );
                outln!("(a preview that reloads on every save; `alsite build` writes the site to public/)");
                ExitCode::SUCCESS
            }
            Err(e) => fail(Path::new("."), &Diagnostics(vec![e]), "nothing was written"),
        },
    }
}

/// `path` as one word a shell reads back as it is, so the printed `cd`
/// can be pasted: as it is when it holds only signs no shell treats
/// specially, else in single quotes (a quote inside written `'\''`); a
/// name starting with `-` after `./`, so `cd` does not take it for options.
fn shell_word(path: &Path) -> String {
    let mut text = path.display().to_string();
    // `cd -kurs` would read the name as options.
    if text.starts_with('-') {
        text.insert_str(0, "./");
    }
    let plain = |c: char| c.is_alphanumeric() || "-_./,:+@%".contains(c);
    if !text.is_empty() && text.chars().all(plain) {
        return text;
    }
    format!("'{}'", text.replace('\'', "'\\''"))
}

/// `--help`, `--version` or a usage error, printed as clap would print it
/// but through `console`, with clap's exit code (0 or 2).
fn usage(e: &clap::Error) -> ExitCode {
    let text = e.render().to_string();
    if e.use_stderr() {
        console::err(format_args!("{text}"));
    } else {
        console::out(format_args!("{text}"));
    }
    ExitCode::from(u8::try_from(e.exit_code()).unwrap_or(2))
}

fn package(root: &Path, scorm: &str, out: Option<PathBuf>, paths: &[PathBuf]) -> ExitCode {
    use alsite::package::{self, Version};
    let version = if scorm == "1.2" {
        Version::Scorm12
    } else {
        Version::Scorm2004
    };
    let edition = match version {
        Version::Scorm12 => "12",
        Version::Scorm2004 => "2004",
    };
    let out = out.unwrap_or_else(|| PathBuf::from(format!("course-scorm{edition}.zip")));
    let options = package::Options {
        root,
        out: &out,
        version,
        paths,
    };
    match package::package(&options) {
        Ok(s) => {
            print_diagnostics(root, &s.warnings);
            outln!(
                "wrote {} (SCORM {}): {} SCO{}, {} files, {} KiB",
                out.display(),
                version.label(),
                s.scos,
                if s.scos == 1 { "" } else { "s" },
                s.files,
                s.bytes.div_ceil(1024)
            );
            ExitCode::SUCCESS
        }
        Err(errors) => fail(root, &errors, "no package was written"),
    }
}

fn print_diagnostics(root: &Path, diags: &Diagnostics) {
    if !diags.0.is_empty() {
        errln!("{}", diags.render(root));
    }
}

fn fail(root: &Path, errors: &Diagnostics, what: &str) -> ExitCode {
    print_diagnostics(root, errors);
    let (e, w) = (errors.errors(), errors.warnings());
    errln!(
        "{what}: {e} error{}{}",
        if e == 1 { "" } else { "s" },
        if w > 0 {
            format!(", {w} warning{}", if w == 1 { "" } else { "s" })
        } else {
            String::new()
        }
    );
    ExitCode::from(EXIT_CONTENT)
}
