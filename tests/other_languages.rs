//! A site in a language alsite ships no UI strings for (Czech, Ukrainian):
//! the trainer's own `i18n/<lang>.yaml`, and what alsite does without it.

mod common;

use common::{copy_tree, text, TempDir};
use std::fs;
use std::path::Path;

const REPO: &str = env!("CARGO_MANIFEST_DIR");

use common::{build_site as build, test_site as fixture};

/// The two-language fixture (Polish, English) with `langs` listed instead.
fn languages(langs: &str) -> TempDir {
    let dir = fixture("polish");
    copy_tree(&Path::new(REPO).join("tests/sites/two-languages"), &dir.0);
    let yaml = fs::read_to_string(dir.path("site.yaml")).unwrap();
    fs::write(
        dir.path("site.yaml"),
        yaml.replace("languages: [pl, en]", &format!("languages: [{langs}]")),
    )
    .unwrap();
    dir
}

/// A language whose strings do not name it (no file at all, or a file
/// without `language.name`) is listed in the switcher by its own name,
/// not as "English", the words it falls back to.
#[test]
fn the_switcher_names_a_language_in_itself_without_its_strings() {
    let site = languages("pl, en, uk, cs");
    let about = "---\ntitle: Про нас\n---\n\nМи працюємо з командами.\n";
    fs::write(site.path("content/pages/o-nas.uk.md"), about).unwrap();
    let czech = "---\ntitle: O nás\n---\n\nPracujeme s týmy.\n";
    fs::write(site.path("content/pages/o-nas.cs.md"), czech).unwrap();
    fs::create_dir_all(site.path("i18n")).unwrap();
    fs::write(site.path("i18n/cs.yaml"), "player:\n  next: Dále →\n").unwrap();
    let (o, out) = build(&site);
    assert!(o.status.success(), "{}", text(&o.stderr));
    let page = fs::read_to_string(out.join("o-nas.html")).unwrap();
    for (code, name) in [("uk", "Українська"), ("cs", "Čeština"), ("en", "English")] {
        let link = format!(
            "hreflang=\"{code}\" lang=\"{code}\" data-keep-place><span class=\"lang-code\">{}</span><span class=\"lang-name\">{name}</span></a>",
            code.to_uppercase()
        );
        assert!(page.contains(&link), "{link} in {page}");
    }
    let err = text(&o.stderr);
    assert!(err.contains("no translation into Czech (`cs`)"), "{err}");
    assert!(!err.contains("into English (`cs`)"), "{err}");
}

/// A Ukrainian coach names the members in the vocative (Ірино, Юрію), a
/// Czech one too (Evo): each counts as naming the member, so no warning
/// says their skill got no feedback.
#[test]
fn a_reflection_names_members_in_their_case_forms() {
    let site = TempDir::new("vocatives");
    common::copy_base(&site.0);
    let session = "title: Графік змін
minutes: 20
problem: Половина медсестер досі планує зміни на папері.
roles:
  - { id: olena, name: Олена, role: coach }
  - { id: petro, name: Петро, role: presenter }
  - { id: iryna, name: Ірина, role: member, skill: слухання }
  - { id: yurii, name: Юрій, role: member, skill: запитання }
  - { id: oksana, name: Оксана, role: member, skill: підсумки }
  - { id: eva, name: Eva, role: member, skill: naslouchání }
stages:
  - title: Запитання
    kind: questions
    minutes: 15
    turns:
      - { by: iryna, ask: \"Що стається, коли хтось користується папером?\", to: petro }
      - { by: petro, answer: \"Старша медсестра потім усе переписує.\" }
  - title: Рефлексія
    kind: reflection
    minutes: 5
    turns:
      - { by: olena, say: \"Ірино, Юрію, Оксано: що вдалося? Evo, a ty?\" }
";
    fs::write(site.path("content/sessions/grafik.yaml"), session).unwrap();
    let (o, _) = build(&site);
    assert!(o.status.success(), "{}", text(&o.stderr));
    let err = text(&o.stderr);
    assert!(!err.contains("gets no feedback"), "{err}");
}
