//! Builds into a folder alsite built before: only files whose bytes changed
//! are written, files the site no longer makes are removed, the result is
//! the same as a fresh build, and a failed build leaves the folder exactly
//! as it was.

mod common;

use alsite::build::{build, MANIFEST, MARKER};
use common::{base_site, build_into, TempDir};
use std::collections::BTreeMap;
use std::fs;
use std::path::{Path, PathBuf};
use std::time::SystemTime;

/// Every file under `dir` with its bytes and modification time.
fn files(dir: &Path) -> BTreeMap<PathBuf, (Vec<u8>, SystemTime)> {
    walkdir::WalkDir::new(dir)
        .into_iter()
        .map(Result::unwrap)
        .filter(|e| e.file_type().is_file())
        .map(|e| {
            let rel = e.path().strip_prefix(dir).unwrap().to_path_buf();
            let modified = e.metadata().unwrap().modified().unwrap();
            (rel, (fs::read(e.path()).unwrap(), modified))
        })
        .collect()
}

/// The bytes of every page and copied file, leaving out alsite's own records.
fn site_bytes(dir: &Path) -> BTreeMap<PathBuf, Vec<u8>> {
    files(dir)
        .into_iter()
        .filter(|(p, _)| p != Path::new(MANIFEST))
        .map(|(p, (bytes, _))| (p, bytes))
        .collect()
}

/// Builds `root` afresh elsewhere and compares with `out`.
fn assert_same_as_fresh(root: &Path, out: &Path) {
    let fresh = TempDir::new("fresh");
    let fresh_out = fresh.path("out");
    build_into(root, &fresh_out);
    let (got, want) = (site_bytes(out), site_bytes(&fresh_out));
    let got_names: Vec<&PathBuf> = got.keys().collect();
    let want_names: Vec<&PathBuf> = want.keys().collect();
    assert_eq!(got_names, want_names, "the same files as a fresh build");
    for (path, bytes) in &want {
        assert!(
            got[path] == *bytes,
            "{} differs from a fresh build",
            path.display()
        );
    }
}

/// Paths whose bytes or modification time differ between two listings.
fn touched(
    before: &BTreeMap<PathBuf, (Vec<u8>, SystemTime)>,
    after: &BTreeMap<PathBuf, (Vec<u8>, SystemTime)>,
) -> Vec<String> {
    let mut out: Vec<String> = after
        .iter()
        .filter(|(p, now)| before.get(*p) != Some(now))
        .map(|(p, _)| p.to_string_lossy().into_owned())
        .filter(|p| p != MANIFEST)
        .collect();
    out.sort();
    out
}

#[test]
fn an_unchanged_rebuild_writes_nothing() {
    let tmp = base_site("unchanged");
    let out = tmp.path("public");
    let first = build_into(&tmp.0, &out);
    assert_eq!(first.written, first.files);
    let before = files(&out);
    let again = build_into(&tmp.0, &out);
    assert_eq!((again.written, again.removed), (0, 0));
    assert_eq!(again.files, first.files);
    assert_eq!(
        files(&out),
        before,
        "not one file touched, the manifest included"
    );
    assert!(out.join(MARKER).is_file());
}

#[test]
fn an_edit_writes_only_the_pages_whose_bytes_changed() {
    let tmp = base_site("edit");
    let out = tmp.path("public");
    build_into(&tmp.0, &out);
    let before = files(&out);
    let about = tmp.path("content/pages/about.md");
    fs::write(
        &about,
        "---\ntitle: About\n---\n\n## Contact\n\nWrite to us today.\n",
    )
    .unwrap();
    let report = build_into(&tmp.0, &out);
    // Only the page is rendered again: the index reads the others' text
    // back from the output.
    assert_eq!(report.rendered, 1);
    // The page, and the search index of its text.
    let changed = touched(&before, &files(&out));
    assert_eq!(changed[0], "about.html", "{changed:?}");
    assert!(
        changed[1..].iter().all(|p| p.starts_with("search/")),
        "{changed:?}"
    );
    assert_eq!(report.written, changed.len());
    assert_same_as_fresh(&tmp.0, &out);

    // A new title shows on the home page and in the navigation of every page.
    let before = files(&out);
    fs::write(
        &about,
        "---\ntitle: About us\n---\n\n## Contact\n\nWrite to us today.\n",
    )
    .unwrap();
    build_into(&tmp.0, &out);
    let changed = touched(&before, &files(&out));
    assert!(changed.contains(&"index.html".to_string()), "{changed:?}");
    assert!(changed.len() > 3, "{changed:?}");
    assert_same_as_fresh(&tmp.0, &out);
}

#[test]
fn a_new_title_of_an_untranslated_page_shows_on_its_page_in_the_other_language() {
    let tmp = base_site("edit-untranslated");
    let out = tmp.path("public");
    let config = tmp.path("site.yaml");
    let text = fs::read_to_string(&config).unwrap();
    fs::write(&config, format!("{text}languages: [en, pl]\n")).unwrap();
    let contact = tmp.path("content/pages/contact.md");
    fs::write(&contact, "---\ntitle: Contact\n---\n\nWrite to us.\n").unwrap();
    build_into(&tmp.0, &out);
    fs::write(&contact, "---\ntitle: Write to us\n---\n\nWrite to us.\n").unwrap();
    build_into(&tmp.0, &out);
    let page = fs::read_to_string(out.join("pl/contact.html")).unwrap();
    assert!(page.contains(">Write to us</h1>"), "{page}");
    assert_same_as_fresh(&tmp.0, &out);
}

#[test]
fn an_edit_of_a_page_that_names_its_heading_ids_renders_that_page_alone() {
    let tmp = base_site("edit-ids");
    let out = tmp.path("public");
    let about = tmp.path("content/pages/about.md");
    let page = "---\ntitle: About\n---\n\n## Contact {#reach-us}\n\nWrite to us.\n";
    fs::write(&about, page).unwrap();
    build_into(&tmp.0, &out);
    fs::write(&about, format!("{page}\nOr call.\n")).unwrap();
    let report = build_into(&tmp.0, &out);
    assert_eq!(
        report.rendered, 1,
        "a page with a `{{#id}}` heading renders alone like any other"
    );
    assert_same_as_fresh(&tmp.0, &out);
}

#[test]
fn what_changes_outside_content_renders_again() {
    let tmp = base_site("outside");
    let out = tmp.path("public");
    build_into(&tmp.0, &out);
    let config = fs::read_to_string(tmp.path("site.yaml")).unwrap();
    fs::write(tmp.path("site.yaml"), config + "footer: Made with care\n").unwrap();
    build_into(&tmp.0, &out);
    assert!(fs::read_to_string(out.join("about.html"))
        .unwrap()
        .contains("Made with care"));
    assert_same_as_fresh(&tmp.0, &out);

    let templates = tmp.path("themes/default/templates");
    fs::create_dir_all(&templates).unwrap();
    let page = fs::read_to_string(
        Path::new(env!("CARGO_MANIFEST_DIR")).join("themes/default/templates/page.html"),
    )
    .unwrap();
    fs::write(
        templates.join("page.html"),
        page.replacen("<article", "<!-- own -->\n<article", 1),
    )
    .unwrap();
    build_into(&tmp.0, &out);
    assert!(fs::read_to_string(out.join("about.html"))
        .unwrap()
        .contains("<!-- own -->"));
    assert_same_as_fresh(&tmp.0, &out);
}

#[test]
fn a_new_offers_page_shows_on_the_pages_that_list_it() {
    let tmp = base_site("offers");
    // With a `nav:`, the navigation does not change with the new section.
    let config = fs::read_to_string(tmp.path("site.yaml")).unwrap();
    let nav =
        "nav:\n  - { title: Home, link: index.html }\n  - { title: About, link: about.html }\n";
    fs::write(tmp.path("site.yaml"), config + nav).unwrap();
    let out = tmp.path("public");
    build_into(&tmp.0, &out);
    assert!(!fs::read_to_string(out.join("index.html"))
        .unwrap()
        .contains("offers.html"));
    fs::write(
        tmp.path("content/offers.yaml"),
        "title: Work with us\noffers:\n  - title: A demo session\n    action: { label: Ask us, link: about.html }\n",
    )
    .unwrap();
    build_into(&tmp.0, &out);
    assert!(fs::read_to_string(out.join("index.html"))
        .unwrap()
        .contains("offers.html"));
    assert_same_as_fresh(&tmp.0, &out);
}

#[test]
fn gone_pages_and_stray_files_are_removed_but_not_the_marker() {
    let tmp = base_site("gone");
    let out = tmp.path("public");
    let extra = tmp.path("content/pages/extra.md");
    fs::write(&extra, "---\ntitle: Extra\n---\n\nMore.\n").unwrap();
    fs::create_dir_all(tmp.path("content/images/old")).unwrap();
    fs::write(tmp.path("content/images/old/x.png"), "png").unwrap();
    build_into(&tmp.0, &out);
    assert!(out.join("extra.html").is_file() && out.join("images/old/x.png").is_file());

    fs::remove_file(&extra).unwrap();
    fs::remove_dir_all(tmp.path("content/images")).unwrap();
    fs::write(out.join("stray.html"), "left by hand").unwrap();
    // A file the last build did not write is the trainer's: it is named,
    // and only --force deletes it.
    let before = files(&out);
    let refused = build(&tmp.0, &out, false).expect_err("a file put there by hand");
    assert!(
        refused.0[0]
            .message
            .ends_with("holds a file that alsite did not make: stray.html"),
        "{:?}",
        refused.0
    );
    assert!(refused.0[0]
        .hint
        .as_deref()
        .unwrap_or("")
        .contains("--force"));
    assert_eq!(files(&out), before, "a refused build changes nothing");
    let report = build(&tmp.0, &out, true).expect("--force deletes it");
    assert_eq!(report.removed, 3, "extra.html, x.png and stray.html");
    assert!(!out.join("extra.html").exists() && !out.join("stray.html").exists());
    assert!(!out.join("images").exists(), "emptied folders go too");
    assert!(out.join(MARKER).is_file());
    assert_same_as_fresh(&tmp.0, &out);
}

/// Side folders a build leaves beside the output.
fn leftovers(parent: &Path) -> Vec<String> {
    fs::read_dir(parent)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|n| n.contains(".alsite-"))
        .collect()
}

#[test]
fn a_build_that_fails_after_rendering_started_leaves_the_output_exactly_as_it_was() {
    let tmp = base_site("failed");
    let out = tmp.path("public");
    build_into(&tmp.0, &out);
    let before = files(&out);
    // One page changes (so its new bytes are staged), another breaks a link:
    // the link check fails only after every page was rendered.
    fs::write(
        tmp.path("content/pages/about.md"),
        "---\ntitle: About\n---\n\n## Contact\n\nNew text.\n",
    )
    .unwrap();
    fs::write(
        tmp.path("content/pages/broken.md"),
        "---\ntitle: Broken\n---\n\nSee [nowhere](/nowhere.html).\n",
    )
    .unwrap();
    let errors = build(&tmp.0, &out, false).expect_err("a broken link fails the build");
    assert!(
        errors.0[0].message.contains("nowhere.html"),
        "{:?}",
        errors.0
    );
    assert_eq!(files(&out), before, "not one byte or time changed");
    assert!(leftovers(&tmp.0).is_empty(), "{:?}", leftovers(&tmp.0));

    // A template error while pages are being rendered.
    fs::remove_file(tmp.path("content/pages/broken.md")).unwrap();
    let templates = tmp.path("themes/default/templates");
    fs::create_dir_all(&templates).unwrap();
    fs::write(
        templates.join("page.html"),
        "{{ page.title | no_such_filter }}",
    )
    .unwrap();
    let errors = build(&tmp.0, &out, false).expect_err("a template error fails the build");
    assert!(
        errors.0[0].message.contains("template error"),
        "{:?}",
        errors.0
    );
    assert_eq!(files(&out), before, "not one byte or time changed");
    assert!(leftovers(&tmp.0).is_empty(), "{:?}", leftovers(&tmp.0));

    // Mended, the next build brings the change in.
    fs::remove_file(templates.join("page.html")).unwrap();
    build_into(&tmp.0, &out);
    assert!(fs::read_to_string(out.join("about.html"))
        .unwrap()
        .contains("New text."));
    assert_same_as_fresh(&tmp.0, &out);
}

#[test]
fn in_two_languages_a_new_translation_renders_the_pages_that_switch_to_it() {
    let tmp = TempDir::new("languages");
    let sites = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/sites");
    common::copy_tree(&sites.join("polish"), &tmp.0);
    common::copy_tree(&sites.join("two-languages"), &tmp.0);
    let out = tmp.path("public");
    let english = tmp.path("content/pages/o-nas.en.md");
    let text = fs::read_to_string(&english).unwrap();
    fs::remove_file(&english).unwrap();
    build(&tmp.0, &out, false).unwrap_or_else(|e| panic!("{:?}", e.0));
    // Untranslated: the English page only leads to the Polish one.
    let stub = fs::read_to_string(out.join("en/o-nas.html")).unwrap();
    assert!(stub.contains("This page is not in English yet."), "{stub}");

    // The Polish page gains a switcher to its new English translation.
    fs::write(&english, &text).unwrap();
    build(&tmp.0, &out, false).unwrap_or_else(|e| panic!("{:?}", e.0));
    let page = fs::read_to_string(out.join("en/o-nas.html")).unwrap();
    assert!(!page.contains("This page is not in English yet."), "{page}");
    let polish = fs::read_to_string(out.join("o-nas.html")).unwrap();
    assert!(polish.contains("en/o-nas.html"), "{polish}");
    assert_same_as_fresh(&tmp.0, &out);
}

#[test]
fn a_build_that_fails_at_its_last_step_puts_every_file_back() {
    // The last step can fail too (a folder that cannot be written, a full
    // disk). Planted here: a folder stands where the record of the build
    // goes, so it fails after every other file was moved in.
    let tmp = base_site("move-fails");
    let out = tmp.path("public");
    build_into(&tmp.0, &out);
    fs::write(
        tmp.path("content/pages/about.md"),
        "---\ntitle: About again\n---\n\nNewer text.\n",
    )
    .unwrap();
    fs::write(out.join("stray.html"), "left by hand").unwrap();
    fs::remove_file(out.join(".alsite-manifest")).unwrap();
    fs::create_dir_all(out.join(".alsite-manifest/inside")).unwrap();
    fs::write(out.join(".alsite-manifest/inside/mine.txt"), "mine").unwrap();
    let before = files(&out);

    let errors = build(&tmp.0, &out, false).expect_err("the last step fails");
    let message = &errors.0[0].message;
    assert!(message.starts_with("cannot write the site"), "{message}");
    assert!(!message.contains("os error"), "{message}");
    // Which file, so the trainer knows what to move (not "it is a folder").
    assert!(message.contains(".alsite-manifest"), "{message}");
    assert_eq!(files(&out), before, "every file is back as it was");
    assert!(leftovers(&tmp.0).is_empty(), "{:?}", leftovers(&tmp.0));
}

#[test]
fn a_folder_that_became_a_file_and_a_link_in_the_output_are_replaced() {
    let tmp = base_site("folder-to-file");
    let out = tmp.path("public");
    fs::create_dir_all(tmp.path("content/files/pack/deeper")).unwrap();
    fs::write(tmp.path("content/files/pack/deeper/a.txt"), "a").unwrap();
    build_into(&tmp.0, &out);
    assert!(out.join("files/pack/deeper/a.txt").is_file());

    fs::remove_dir_all(tmp.path("content/files/pack")).unwrap();
    fs::write(tmp.path("content/files/pack"), "now a file").unwrap();
    // A link someone put in the output goes, and what it points to stays.
    #[cfg(unix)]
    std::os::unix::fs::symlink(tmp.path("content"), out.join("elsewhere")).unwrap();
    let report = build(&tmp.0, &out, true).expect("--force deletes what alsite did not make");
    assert_eq!(
        fs::read_to_string(out.join("files/pack")).unwrap(),
        "now a file"
    );
    #[cfg(unix)]
    {
        assert_eq!(report.removed, 2, "a.txt and the link");
        assert!(fs::symlink_metadata(out.join("elsewhere")).is_err());
        assert!(tmp.path("content/index.md").is_file());
    }
    assert_same_as_fresh(&tmp.0, &out);

    // And back again: the file becomes a folder.
    fs::remove_file(tmp.path("content/files/pack")).unwrap();
    fs::create_dir_all(tmp.path("content/files/pack")).unwrap();
    fs::write(tmp.path("content/files/pack/b.txt"), "b").unwrap();
    build_into(&tmp.0, &out);
    assert!(out.join("files/pack/b.txt").is_file());
    assert_same_as_fresh(&tmp.0, &out);
}

#[test]
fn folders_left_by_a_stopped_build_are_removed_by_the_next() {
    let tmp = base_site("stopped");
    let out = tmp.path("public");
    build_into(&tmp.0, &out);
    // What a build killed midway leaves: its folder beside the output,
    // named with its process id (one no process has: above the largest).
    let left = tmp.path(".public.alsite-new-4194305");
    fs::create_dir_all(left.join("practice")).unwrap();
    fs::write(left.join("practice/x.html"), "half a build").unwrap();
    let old = tmp.path(".public.alsite-old-4194306");
    fs::create_dir_all(&old).unwrap();
    // A folder of the same shape for another output is not ours to remove.
    let other = tmp.path(".other.alsite-new-4194305");
    fs::create_dir_all(&other).unwrap();
    build_into(&tmp.0, &out);
    assert!(!left.exists() && !old.exists());
    assert!(other.exists());
}

/// Optional texts left out (a session's `summary`, a practice set's or the
/// method pages' `intro`, a workshop's `summary`) show nothing: no page
/// shows the word "None" where one would have been.
#[test]
fn an_optional_text_left_out_shows_nothing() {
    let site = base_site("optional-left-out");
    let out = site.path("public");
    build_into(&site.0, &out);
    let pages = [
        "sessions/rota-tool.html",
        "practice/open-questions.html",
        "ground-rules.html",
        "components.html",
        "workshops/foundations/index.html",
    ];
    for page in pages {
        let html = fs::read_to_string(out.join(page)).unwrap();
        let shown: Vec<&str> = html
            .lines()
            .filter(|l| l.trim() == "None" || l.contains(">None<"))
            .collect();
        assert!(shown.is_empty(), "{page} shows {shown:?}");
    }
}

#[test]
fn an_edit_in_a_two_language_site_renders_only_its_page_and_keeps_both_indexes_right() {
    let tmp = TempDir::new("edit-languages");
    let made = std::process::Command::new(env!("CARGO_BIN_EXE_alsite"))
        .args(["new", "site", "--language", "pl,en"])
        .current_dir(&tmp.0)
        .output()
        .expect("alsite runs");
    assert!(made.status.success(), "{made:?}");
    let root = tmp.path("site");
    let out = tmp.path("public");
    let first = build_into(&root, &out);
    assert_eq!(first.rendered, first.pages);
    // A word the English index must get, in an English page.
    let about = root.join("content/pages/about.en.md");
    let text = fs::read_to_string(&about).unwrap();
    fs::write(&about, text + "\n## Zanzibar\n\nZanzibar rota.\n").unwrap();
    let report = build_into(&root, &out);
    assert_eq!(report.rendered, 1);
    let texts = |lang: &str| -> String {
        let names = fs::read_dir(out.join("search"))
            .unwrap()
            .map(|e| e.unwrap().path());
        let prefix = format!("text.{lang}.");
        names
            .filter(|p| {
                p.file_name()
                    .unwrap()
                    .to_string_lossy()
                    .starts_with(&prefix)
            })
            .map(|p| fs::read_to_string(p).unwrap())
            .collect()
    };
    assert!(texts("en").contains("Zanzibar rota."));
    assert!(!texts("pl").contains("Zanzibar"));
    assert_same_as_fresh(&root, &out);
}

/// A page kept from the last build whose file no longer holds what that
/// build wrote (edited by hand, with its size and time put back) cannot
/// give its text to the index: every page is rendered, and the index is
/// still the one a fresh build makes.
#[test]
fn a_kept_page_whose_bytes_changed_unnoticed_does_not_spoil_the_index() {
    let tmp = base_site("kept-changed");
    let out = tmp.path("public");
    build_into(&tmp.0, &out);
    let page = out.join("ground-rules.html");
    let good = fs::read_to_string(&page).unwrap();
    let modified = fs::metadata(&page).unwrap().modified().unwrap();
    let spoiled = good.replacen("<main", "<mAin", 1);
    assert_eq!(spoiled.len(), good.len());
    fs::write(&page, &spoiled).unwrap();
    fs::File::options()
        .write(true)
        .open(&page)
        .unwrap()
        .set_modified(modified)
        .unwrap();
    let about = tmp.path("content/pages/about.md");
    let text = fs::read_to_string(&about).unwrap();
    fs::write(&about, text + "\nZanzibar rota.\n").unwrap();
    let report = build_into(&tmp.0, &out);
    assert_eq!(report.rendered, report.pages);
    let fresh = TempDir::new("kept-changed-fresh");
    build_into(&tmp.0, &fresh.path("out"));
    let search = |dir: &Path| -> BTreeMap<PathBuf, Vec<u8>> {
        site_bytes(dir)
            .into_iter()
            .filter(|(p, _)| p.starts_with("search"))
            .collect()
    };
    assert_eq!(search(&out), search(&fresh.path("out")));
}

/// An output folder that is a link to a folder elsewhere (the web server's)
/// is written where it leads and stays a link; the first build swapped the
/// link for a folder of its own, failed, and said nothing had changed.
#[cfg(unix)]
#[test]
fn an_output_folder_that_is_a_link_is_written_where_it_leads() {
    let tmp = base_site("linked-output");
    let served = TempDir::new("served");
    let www = served.path("html");
    fs::create_dir(&www).unwrap();
    let out = tmp.path("public");
    std::os::unix::fs::symlink(&www, &out).unwrap();
    build_into(&tmp.0, &out);
    assert!(fs::symlink_metadata(&out).unwrap().is_symlink());
    assert!(www.join("index.html").is_file());
    fs::write(
        tmp.path("content/pages/about.md"),
        "---\ntitle: About again\n---\n\nNewer text.\n",
    )
    .unwrap();
    build_into(&tmp.0, &out);
    assert!(fs::symlink_metadata(&out).unwrap().is_symlink());
    let about = fs::read_to_string(www.join("about.html")).unwrap();
    assert!(about.contains("Newer text."), "{about}");
    assert_same_as_fresh(&tmp.0, &out);
}

#[test]
fn a_session_ends_with_the_offers_else_a_line_to_the_trainer() {
    let tmp = base_site("session-end");
    let out = tmp.path("public");
    let ending = |out: &Path| {
        let page = fs::read_to_string(out.join("sessions/rota-tool.html")).unwrap();
        let at = page
            .find("class=\"session-end\"")
            .expect("the session's end");
        page[at..at + page[at..].find("</section>").unwrap()].to_string()
    };
    // Without offers or an e-mail address: back to the sessions only.
    build_into(&tmp.0, &out);
    assert!(!ending(&out).contains("mailto:"), "{}", ending(&out));
    let config = fs::read_to_string(tmp.path("site.yaml")).unwrap();
    let with_email = config.replace(
        "  name: Fixture Org\n",
        "  name: Fixture Org\n  email: hello@fixture.example\n",
    );
    fs::write(tmp.path("site.yaml"), with_email).unwrap();
    build_into(&tmp.0, &out);
    let end = ending(&out);
    assert!(
        end.contains("href=\"mailto:hello@fixture.example\">Write to us</a>")
            && end.contains("a problem your own team has?"),
        "{end}"
    );
    // With offers, the offers instead.
    fs::write(
        tmp.path("content/offers.yaml"),
        "title: Work with us\noffers:\n  - title: A demo session\n    action: { label: Ask us, link: about.html }\n",
    )
    .unwrap();
    build_into(&tmp.0, &out);
    let end = ending(&out);
    assert!(
        end.contains("offers.html") && !end.contains("mailto:"),
        "{end}"
    );
}
