//! Runs the real `alsite` binary on fixture folders and on the bundled sample
//! site, and checks what a user would see: output files, messages, exit codes.

mod common;

use common::{alsite, copy_tree, snapshot, text, TempDir};

use std::fs;
use std::path::{Path, PathBuf};

const REPO: &str = env!("CARGO_MANIFEST_DIR");

fn fixtures() -> PathBuf {
    Path::new(REPO).join("tests/fixtures")
}

/// The base fixture with `case` laid over it.
fn fixture_site(case: &str) -> TempDir {
    let dir = TempDir::new(case);
    copy_tree(&fixtures().join("base"), &dir.0);
    if case != "base" {
        copy_tree(&fixtures().join(case), &dir.0);
        let _ = fs::remove_file(dir.0.join("expected.txt"));
    }
    dir
}

#[test]
fn every_error_fixture_fails_with_its_message_place_and_hint() {
    let mut cases: Vec<String> = fs::read_dir(fixtures())
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|n| n != "base")
        .collect();
    cases.sort();
    assert!(cases.len() >= 12, "fixtures: {cases:?}");
    for case in cases {
        let expected = fs::read_to_string(fixtures().join(&case).join("expected.txt"))
            .unwrap_or_else(|_| panic!("{case}: expected.txt missing"));
        let site = fixture_site(&case);
        // A previous good build that a failed build must leave exactly as it was.
        let public = site.0.join("public");
        fs::create_dir_all(public.join("static")).unwrap();
        fs::write(public.join("index.html"), "previous build").unwrap();
        fs::write(public.join("static/style.css"), "old css").unwrap();
        fs::write(public.join(".alsite-output"), "built by alsite").unwrap();
        let before = snapshot(&public);

        let mut lines = expected.lines();
        let header = lines.next().unwrap();
        // A warning fixture builds (exit 0) and fails only `check --strict`.
        let warning = header.contains(": warning: ");
        let out = alsite(&["build", "--root", site.0.to_str().unwrap()], &site.0);
        let stderr = text(&out.stderr);
        assert_eq!(
            out.status.code(),
            Some(if warning { 0 } else { 1 }),
            "{case}: exit code\n{stderr}"
        );
        assert!(!stderr.contains("panicked"), "{case}: panic\n{stderr}");
        assert!(
            stderr.lines().any(|l| l == header),
            "{case}: expected the line\n  {header}\nin\n{stderr}"
        );
        for want in lines {
            assert!(
                stderr.contains(want),
                "{case}: expected {want:?} in\n{stderr}"
            );
        }
        assert!(
            stderr.contains("= hint: ") || case == "template-link",
            "{case}: no hint\n{stderr}"
        );
        if warning {
            assert!(stderr.contains("warning"), "{case}");
            let out = alsite(
                &["check", "--strict", "--root", site.0.to_str().unwrap()],
                &site.0,
            );
            assert_eq!(
                out.status.code(),
                Some(1),
                "{case}: check --strict exit code"
            );
            let strict_header = header.replace(": warning: ", ": error: ");
            assert!(
                text(&out.stderr).lines().any(|l| l == strict_header),
                "{case}: check --strict output"
            );
            continue;
        }
        assert_eq!(snapshot(&public), before, "{case}: previous output changed");
        let leftovers: Vec<_> = fs::read_dir(&site.0)
            .unwrap()
            .filter_map(Result::ok)
            .filter(|e| e.file_name().to_string_lossy().contains("alsite-"))
            .collect();
        assert!(
            leftovers.is_empty(),
            "{case}: temporary folders left behind"
        );

        // `check` finds the same error and writes nothing.
        let out = alsite(&["check", "--root", site.0.to_str().unwrap()], &site.0);
        assert_eq!(out.status.code(), Some(1), "{case}: check exit code");
        assert!(
            text(&out.stderr).lines().any(|l| l == header),
            "{case}: check output"
        );
    }
}

#[test]
fn base_fixture_builds() {
    let site = fixture_site("base");
    let out = alsite(&["build"], &site.0);
    assert!(out.status.success(), "{}", text(&out.stderr));
    let summary = text(&out.stdout);
    // 12 pages of content and 404.html.
    assert!(summary.starts_with("built 14 pages"), "{summary}");
    assert!(summary.contains(" ms, 0 warnings"), "{summary}");
    assert!(site.0.join("public/components.html").is_file());
}

/// A failed build's last line counts its errors and warnings, each in the
/// singular when there is one.
#[test]
fn a_failed_build_counts_one_error_and_one_warning_in_the_singular() {
    let site = fixture_site("base");
    fs::write(
        site.0.join("content/pages/about.md"),
        "---\ntitle: About\n---\n\nRead [the rules](ground rules.md) and [us](/nowhere.html).\n",
    )
    .unwrap();
    let out = alsite(&["build"], &site.0);
    assert_eq!(out.status.code(), Some(1));
    let stderr = text(&out.stderr);
    assert!(
        stderr.ends_with("build failed; no file was changed: 1 error, 1 warning\n"),
        "{stderr}"
    );
}

/// A UI strings key a letter off one of alsite's is a warning, unless the
/// site's own templates ask for it: then it is theirs.
#[test]
fn a_key_near_alsites_own_is_a_slip_unless_a_template_of_the_site_asks_for_it() {
    let site = fixture_site("base");
    fs::create_dir_all(site.0.join("i18n")).unwrap();
    fs::write(
        site.0.join("i18n/en.yaml"),
        "workshop:\n  days: Days of work\n",
    )
    .unwrap();
    let out = alsite(&["build"], &site.0);
    assert!(
        text(&out.stderr).contains("did you mean `workshop.day`?"),
        "{}",
        text(&out.stderr)
    );
    let builtin =
        fs::read_to_string(Path::new(REPO).join("themes/default/templates/page.html")).unwrap();
    let own = builtin.replacen(
        "{% block main %}",
        "{% block main %}<p>{{ t(\"workshop.days\") }}</p>",
        1,
    );
    assert_ne!(own, builtin);
    let templates = site.0.join("themes/default/templates");
    fs::create_dir_all(&templates).unwrap();
    fs::write(templates.join("page.html"), own).unwrap();
    let out = alsite(&["build"], &site.0);
    assert!(
        text(&out.stdout).contains(", 0 warnings"),
        "{}",
        text(&out.stderr)
    );
    let about = fs::read_to_string(site.0.join("public/about.html")).unwrap();
    assert!(about.contains("<p>Days of work</p>"), "{about}");
}

/// A folder that is no site is one error that says what it is: the
/// content/ folder given as the site, a file named `content`.
#[test]
fn a_folder_that_is_no_site_is_one_error_saying_what_it_is() {
    let site = fixture_site("base");
    let out = alsite(&["check", "--root", "content"], &site.0);
    assert_eq!(out.status.code(), Some(1));
    let stderr = text(&out.stderr);
    assert_eq!(stderr.matches(": error: ").count(), 1, "{stderr}");
    let content = fs::canonicalize(site.0.join("content")).unwrap();
    assert!(
        stderr.contains(&format!("error: no site.yaml in {}", content.display())),
        "{stderr}"
    );
    let step_out = "this is a site's content/ folder: run alsite in the folder above it (`cd ..`)";
    assert!(stderr.contains(step_out), "{stderr}");
    // Run from inside content/, as `cd content` leaves a trainer.
    let inside = text(&alsite(&["build"], &site.0.join("content")).stderr);
    assert!(inside.contains(step_out), "{inside}");
    // From deeper, in the folder of the workshop being edited.
    let deeper = site.0.join("content/workshops/foundations");
    let inside = text(&alsite(&["check"], &deeper).stderr);
    assert!(
        inside.contains("this folder is inside a site: run alsite in its folder (`cd ../../..`)"),
        "{inside}"
    );

    fs::remove_dir_all(site.0.join("content")).unwrap();
    fs::write(site.0.join("content"), "notes").unwrap();
    let out = alsite(&["check"], &site.0);
    let stderr = text(&out.stderr);
    assert!(
        stderr.contains(
            "content: error: content is a file, where the site's content/ folder belongs"
        ),
        "{stderr}"
    );
}

/// A rewrite item with no word lists for the checker says what the missing
/// file holds and where to get one, not only that it is missing.
#[test]
fn a_rewrite_item_without_word_lists_says_how_to_write_them() {
    let site = fixture_site("base");
    fs::remove_file(site.0.join("content/practice/question-rules.yaml")).unwrap();
    let out = alsite(&["check"], &site.0);
    assert_eq!(out.status.code(), Some(1));
    let stderr = text(&out.stderr);
    assert!(
        stderr.contains(
            "content/practice/open-questions.yaml:3:3: error: a rewrite item needs content/practice/question-rules.yaml"
        ),
        "{stderr}"
    );
    for want in [
        "`languages:`",
        "`open_openers` and `closed_openers`",
        "alsite new DIR --language pl,en",
    ] {
        assert!(stderr.contains(want), "{want} in\n{stderr}");
    }
}

/// A translation's link to an anchor on a page not translated yet works
/// (the reader gets the page that leads to the original): its original's
/// ids count, so a site can be translated a page at a time.
#[test]
fn a_link_to_an_anchor_on_a_page_not_translated_yet_checks_against_the_original() {
    let site = fixture_site("base");
    fs::write(
        site.0.join("site.yaml"),
        "title: Fixture site\nlanguages: [en, pl]\norganization:\n  name: Fixture Org\n",
    )
    .unwrap();
    let about = site.0.join("content/pages/about.pl.md");
    fs::write(
        &about,
        "# O nas\n\nZobacz [zasadę](/ground-rules.html#one).\n",
    )
    .unwrap();
    let out = alsite(&["check"], &site.0);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    fs::write(
        &about,
        "# O nas\n\nZobacz [zasadę](/ground-rules.html#onee).\n",
    )
    .unwrap();
    let out = alsite(&["check"], &site.0);
    assert_eq!(out.status.code(), Some(1));
    let stderr = text(&out.stderr);
    assert!(
        stderr.contains("content/pages/about.pl.md:3:17: error: link `/ground-rules.html#onee` on page pl/about.html: pl/ground-rules.html has no element with id `onee` (not translated yet, so its original's ids count)"),
        "{stderr}"
    );
    assert!(stderr.contains("did you mean `one`?"), "{stderr}");
}

#[test]
fn the_default_navigation_uses_a_page_nav_title() {
    let site = fixture_site("base");
    fs::write(
        site.0.join("content/pages/about.md"),
        "---\ntitle: About our organization\nnav_title: About us\n---\n\n## Contact\n",
    )
    .unwrap();
    let out = alsite(&["build"], &site.0);
    assert!(out.status.success(), "{}", text(&out.stderr));
    let home = fs::read_to_string(site.0.join("public/index.html")).unwrap();
    assert!(
        home.contains(r#"<li><a href="about.html">About us</a></li>"#),
        "{home}"
    );
    assert!(
        home.contains("About our organization"),
        "the full title stays on the home page's card"
    );

    // With many free pages the default navigation leaves them to the home page.
    for i in 0..9 {
        fs::write(
            site.0.join(format!("content/pages/extra-{i}.md")),
            format!("---\ntitle: Extra {i}\n---\n\nText.\n"),
        )
        .unwrap();
    }
    assert!(alsite(&["build"], &site.0).status.success());
    let about = fs::read_to_string(site.0.join("public/about.html")).unwrap();
    let nav = &about[about.find("<nav").unwrap()..about.find("</nav>").unwrap()];
    assert!(
        !nav.contains("extra-3.html") && !nav.contains("About us"),
        "{nav}"
    );
    assert!(nav.contains("ground-rules.html"));
    let home = fs::read_to_string(site.0.join("public/index.html")).unwrap();
    assert!(
        home.contains("href=\"extra-3.html\""),
        "the home page still lists every page"
    );
}

#[test]
fn a_site_without_site_yaml_is_an_error_not_a_panic() {
    let dir = TempDir::new("empty");
    let out = alsite(&["build"], &dir.0);
    assert_eq!(out.status.code(), Some(1));
    let stderr = text(&out.stderr);
    let whole = fs::canonicalize(&dir.0).unwrap();
    assert!(
        stderr.contains(&format!(
            "site.yaml: error: no site.yaml in {}",
            whole.display()
        )),
        "{stderr}"
    );
    assert!(stderr.contains("alsite new DIR"), "{stderr}");
    // Saved under another name: told which file to rename.
    for name in ["site.yml", "Site.yaml", "site.yaml.txt"] {
        fs::write(dir.0.join(name), "title: A\n").unwrap();
        let stderr = text(&alsite(&["build"], &dir.0).stderr);
        assert!(
            stderr.contains(&format!("rename `{name}` to `site.yaml`")),
            "{stderr}"
        );
        fs::remove_file(dir.0.join(name)).unwrap();
    }
}

#[test]
fn a_folder_named_site_yaml_is_named_so() {
    let site = fixture_site("base");
    fs::remove_file(site.0.join("site.yaml")).unwrap();
    fs::create_dir(site.0.join("site.yaml")).unwrap();
    for command in ["build", "check"] {
        let out = alsite(&[command], &site.0);
        assert_eq!(out.status.code(), Some(1), "{command}");
        let stderr = text(&out.stderr);
        assert!(
            stderr.contains("site.yaml: error: site.yaml is a folder, not a file"),
            "{stderr}"
        );
        assert!(stderr.contains("= hint: "), "{stderr}");
    }
    assert!(
        !site.0.join("public").exists(),
        "a failed build wrote output"
    );
}

#[test]
fn check_writes_nothing_and_strict_fails_on_warnings() {
    let site = fixture_site("base");
    fs::write(site.0.join("content/notes.md"), "---\ntitle: Stray\n---\n").unwrap();
    let out = alsite(&["check"], &site.0);
    assert!(out.status.success(), "{}", text(&out.stderr));
    assert!(text(&out.stderr)
        .contains("content/notes.md: warning: file is not part of the content layout"));
    assert!(!site.0.join("public").exists(), "check wrote output");
    let out = alsite(&["check", "--strict"], &site.0);
    assert_eq!(out.status.code(), Some(1));
    assert!(text(&out.stderr)
        .contains("content/notes.md: error: file is not part of the content layout"));
}

#[test]
fn a_site_template_overrides_the_built_in_one() {
    let site = fixture_site("base");
    let dir = site.0.join("themes/default/templates");
    fs::create_dir_all(&dir).unwrap();
    fs::write(dir.join("page.html"), "{% extends \"base.html\" %}{% block main %}<p class=\"mine\">Own {{ page.title }}</p>{% endblock %}").unwrap();
    let out = alsite(&["build"], &site.0);
    assert!(out.status.success(), "{}", text(&out.stderr));
    let about = fs::read_to_string(site.0.join("public/about.html")).unwrap();
    assert!(
        about.contains(r#"<p class="mine">Own About</p>"#),
        "{about}"
    );
    // The other templates still come from the built-in theme.
    assert!(fs::read_to_string(site.0.join("public/ground-rules.html"))
        .unwrap()
        .contains("<ol class=\"rules\">"));
}

#[test]
fn help_version_and_usage_errors() {
    let here = Path::new(REPO);
    let help = alsite(&["--help"], here);
    assert!(help.status.success());
    for cmd in ["build", "check", "new"] {
        assert!(text(&help.stdout).contains(cmd));
    }
    let version = alsite(&["--version"], here);
    assert_eq!(
        text(&version.stdout).trim(),
        format!("alsite {}", env!("CARGO_PKG_VERSION"))
    );
    assert_eq!(alsite(&["bild"], here).status.code(), Some(2));
    assert_eq!(alsite(&["build", "--nope"], here).status.code(), Some(2));
    assert_eq!(alsite(&[], here).status.code(), Some(2));
}

/// Hostile inputs for every kind of file: each must give exit 0 or 1, never a panic.
#[test]
fn no_input_makes_alsite_panic() {
    let nasty: &[&[u8]] = &[
        b"",
        b"---",
        b"---\n",
        b"---\n---\n",
        b"---\n- a\n- b\n---\n",
        b"---\ntitle: x\n---\n\n[broken](",
        b"\xff\xfe\x00\x01",
        b"\t\ttitle:\t[",
        b"title: &a [*a, *a]\n",
        b"[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[",
        b"items:\n  - type:\n",
        b"items:\n  - type: choose\n    options: []\n",
        b"stages:\n  - turns:\n      - {}\n",
        b"days:\n  - start: \"25:99\"\n    items: [{}]\n",
        b"title: x\nminutes: -5\n",
        b"title: x\nminutes: 99999999999999999999\n",
        "title: \u{0}\u{202e}\n".as_bytes(),
    ];
    let files = [
        "site.yaml",
        "content/index.md",
        "content/pages/about.md",
        "content/method/ground-rules.yaml",
        "content/method/components.yaml",
        "content/practice/question-types.yaml",
        "content/practice/question-rules.yaml",
        "content/practice/open-questions.yaml",
        "content/sessions/rota-tool.yaml",
        "content/workshops/foundations/workshop.yaml",
        "content/workshops/foundations/what-is-action-learning.md",
    ];
    for file in files {
        let site = fixture_site("base");
        for (i, input) in nasty.iter().enumerate() {
            fs::write(site.0.join(file), input).unwrap();
            let out = alsite(&["check"], &site.0);
            let stderr = text(&out.stderr);
            assert!(
                matches!(out.status.code(), Some(0 | 1)),
                "{file} with input {i}: {:?}\n{stderr}",
                out.status
            );
            assert!(
                !stderr.contains("panicked"),
                "{file} with input {i}: {stderr}"
            );
        }
    }
}

#[test]
fn a_question_closing_one_stage_invites_the_answer_that_opens_the_next() {
    let site = fixture_site("base");
    let file = site.0.join("content/sessions/rota-tool.yaml");
    let yaml = fs::read_to_string(&file).unwrap().replace(
        "stages:\n",
        "stages:\n  - title: Opening\n    kind: opening\n    turns:\n      - { by: coach, intervene: \"Ana, what is your problem?\" }\n  - title: Presentation\n    kind: presentation\n    turns:\n      - { by: pp, answer: \"Half the nurses still plan shifts on paper.\" }\n",
    );
    fs::write(&file, yaml).unwrap();
    let out = alsite(&["check", "--strict"], &site.0);
    assert!(out.status.success(), "{}", text(&out.stderr));
}

/// A pipe whose reading end is already closed, as after `| head -1` has read
/// its line: every write to it fails.
#[cfg(unix)]
fn pipe_with_no_reader() -> std::process::Stdio {
    use std::os::fd::{FromRawFd, OwnedFd};
    let mut fds = [0; 2];
    // SAFETY: pipe() fills both descriptors, each then owned exactly once.
    let (read, write) = unsafe {
        assert_eq!(libc::pipe(fds.as_mut_ptr()), 0);
        (OwnedFd::from_raw_fd(fds[0]), OwnedFd::from_raw_fd(fds[1]))
    };
    drop(read);
    write.into()
}

#[cfg(unix)]
#[test]
fn output_to_a_reader_that_has_gone_stops_quietly_as_other_tools_do() {
    use std::os::unix::process::ExitStatusExt;
    use std::process::{Command, Stdio};
    let dir = TempDir::new("closed-pipe");
    let (out, gen, new) = (dir.path("out"), dir.path("gen"), dir.path("new"));
    let failing = fixture_site("broken-link");
    let path = |p: &Path| p.to_str().unwrap().to_string();
    let runs: [(Vec<String>, bool); 6] = [
        (vec!["--help".into()], false),
        (vec!["check".into(), "--root".into(), REPO.into()], false),
        (
            vec![
                "build".into(),
                "--root".into(),
                REPO.into(),
                "--out".into(),
                path(&out),
            ],
            false,
        ),
        (
            vec!["gen-site".into(), path(&gen), "--pages".into(), "20".into()],
            false,
        ),
        (vec!["new".into(), path(&new)], false),
        // Errors go to standard error: closed there too.
        (
            vec!["check".into(), "--root".into(), path(&failing.0)],
            true,
        ),
    ];
    for (args, closed_stderr) in runs {
        let mut command = Command::new(env!("CARGO_BIN_EXE_alsite"));
        command.args(&args).current_dir(&dir.0);
        if closed_stderr {
            command.stdout(Stdio::piped()).stderr(pipe_with_no_reader());
        } else {
            command.stdout(pipe_with_no_reader()).stderr(Stdio::piped());
        }
        let run = command.output().expect("alsite runs");
        let stderr = text(&run.stderr);
        assert!(!stderr.contains("panicked"), "{args:?}: {stderr}");
        assert_ne!(run.status.code(), Some(101), "{args:?}: a panic\n{stderr}");
        assert_eq!(
            run.status.signal(),
            Some(libc::SIGPIPE),
            "{args:?}: ends as a shell expects when the reader has gone: {:?}\n{stderr}",
            run.status
        );
        assert_eq!(stderr, "", "{args:?}: nothing said about the closed pipe");
    }
    assert!(
        out.join("index.html").exists(),
        "the build was written before its summary"
    );
}
