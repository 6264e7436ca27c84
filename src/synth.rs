//! Synthetic sites for benchmarks: N Markdown pages of realistic length
//! (headings, lists, a table, links to other pages and their anchors) and a
//! share of every rich kind, deterministic from a seed. Every link resolves,
//! so the sites build without errors. Optionally the same Markdown pages as a
//! Hugo site, to compare like with like.

use crate::embedded;
use std::fmt::Write as _;
use std::fs;
use std::io;
use std::path::Path;

const WORDS: &[&str] = &[
    "question",
    "problem",
    "presenter",
    "group",
    "coach",
    "learning",
    "action",
    "team",
    "listening",
    "reflection",
    "insight",
    "member",
    "session",
    "goal",
    "strategy",
    "assumption",
    "feedback",
    "skill",
    "organization",
    "change",
    "trust",
    "pilot",
    "workload",
    "deadline",
    "customer",
    "process",
    "meeting",
    "decision",
    "support",
    "time",
    "agreement",
    "statement",
    "system",
    "leader",
    "practice",
    "workshop",
    "open",
    "careful",
    "real",
    "urgent",
    "shared",
    "different",
    "small",
    "honest",
    "quick",
    "useful",
    "asks",
    "answers",
    "notices",
    "writes",
    "tries",
    "learns",
    "listens",
    "decides",
    "explores",
    "tests",
];

/// A small deterministic generator (64-bit LCG), so a seed always gives the
/// same site; tests that try many made-up inputs use it too.
pub(crate) struct Rng(pub(crate) u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 = self
            .0
            .wrapping_mul(6_364_136_223_846_793_005)
            .wrapping_add(1_442_695_040_888_963_407);
        self.0 >> 33
    }

    /// A number from 0 to `n` - 1.
    pub(crate) fn below(&mut self, n: usize) -> usize {
        (self.next() % n.max(1) as u64) as usize
    }

    fn word(&mut self) -> &'static str {
        WORDS[self.below(WORDS.len())]
    }

    fn sentence(&mut self, words: usize) -> String {
        let mut s: String = (0..words)
            .map(|_| self.word())
            .collect::<Vec<_>>()
            .join(" ");
        if let Some(first) = s.get_mut(0..1) {
            first.make_ascii_uppercase();
        }
        s.push('.');
        s
    }

    fn paragraph(&mut self) -> String {
        (0..4 + self.below(4))
            .map(|_| {
                let n = 8 + self.below(10);
                self.sentence(n)
            })
            .collect::<Vec<_>>()
            .join(" ")
    }
}

/// How many of each rich kind a site of `pages` Markdown pages gets.
pub fn rich_count(pages: usize) -> usize {
    (pages / 50).max(1)
}

fn page_name(i: usize) -> String {
    format!("page-{i:05}")
}

/// Writes a synthetic site into `dir` (missing or empty): `pages` Markdown
/// pages plus practice sets, sessions and workshops. With `hugo`, also the
/// same Markdown pages as a Hugo site there.
pub fn generate(dir: &Path, pages: usize, seed: u64, hugo: Option<&Path>) -> io::Result<()> {
    let mut rng = Rng(seed ^ 0x9e37_79b9_7f4a_7c15);
    let rich = rich_count(pages);
    for (path, bytes) in embedded::SAMPLE {
        // The method pages and the checker's word lists, as in the sample.
        if path.starts_with("content/method/")
            || *path == "content/practice/question-types.yaml"
            || *path == "content/practice/question-rules.yaml"
        {
            write(&dir.join(path), bytes)?;
        }
    }
    write(
        &dir.join("site.yaml"),
        b"title: Synthetic site\norganization:\n  name: Bench Org\nnav:\n  - { title: Home, link: index.html }\n  - { title: Ground rules, link: ground-rules.html }\n  - { title: Practice, link: practice/index.html }\n  - { title: Sessions, link: sessions/index.html }\n  - { title: Workshops, link: workshops/index.html }\n",
    )?;
    write(&dir.join("content/index.md"), format!("---\ntitle: Synthetic site\n---\n\nA generated site with {pages} pages. Start with [the first page](/{}.html).\n", page_name(0)).as_bytes())?;
    for i in 0..pages {
        let (front, body) = markdown_page(&mut rng, i, pages);
        write(
            &dir.join(format!("content/pages/{}.md", page_name(i))),
            format!("---\n{front}---\n\n{body}").as_bytes(),
        )?;
        if let Some(h) = hugo {
            write(
                &h.join(format!("content/{}.md", page_name(i))),
                format!("---\n{front}---\n\n{}", body.replace(".html", "/")).as_bytes(),
            )?;
        }
    }
    for i in 0..rich {
        write(
            &dir.join(format!("content/practice/set-{i:04}.yaml")),
            practice_set(&mut rng, i).as_bytes(),
        )?;
        write(
            &dir.join(format!("content/sessions/session-{i:04}.yaml")),
            session(&mut rng, i).as_bytes(),
        )?;
        workshop(
            &mut rng,
            &dir.join(format!("content/workshops/workshop-{i:04}")),
            i,
            rich,
        )?;
    }
    if let Some(h) = hugo {
        hugo_skeleton(h)?;
    }
    Ok(())
}

fn write(path: &Path, bytes: &[u8]) -> io::Result<()> {
    if let Some(parent) = path.parent() {
        fs::create_dir_all(parent)?;
    }
    fs::write(path, bytes)
}

/// Front matter and body of page `i`: about 600 words, four headings, a
/// list, a table and links to other pages' anchors.
fn markdown_page(rng: &mut Rng, i: usize, pages: usize) -> (String, String) {
    let title = format!("{} {} {}", capital(rng.word()), rng.word(), i);
    let front = format!(
        "title: \"{title}\"\ndescription: \"{}\"\n",
        rng.sentence(10).trim_end_matches('.')
    );
    let mut b = String::with_capacity(4500);
    for heading in [
        "Overview",
        "What the group noticed",
        "Practice notes",
        "Next steps",
    ] {
        let _ = writeln!(b, "## {heading}\n\n{}\n", rng.paragraph());
        let other = page_name(rng.below(pages));
        let anchor = [
            "overview",
            "what-the-group-noticed",
            "practice-notes",
            "next-steps",
        ][rng.below(4)];
        let _ = writeln!(b, "See also [{} {}](/{other}.html#{anchor}) and [the ground rules](/ground-rules.html).\n", rng.word(), rng.word());
        for _ in 0..3 {
            let n = 6 + rng.below(6);
            let _ = writeln!(b, "- **{}** {}", rng.word(), rng.sentence(n));
        }
        b.push('\n');
        let _ = writeln!(b, "{}\n", rng.paragraph());
    }
    b.push_str("| Stage | Minutes | Notes |\n|---|---|---|\n");
    for stage in ["Opening", "Questions", "Agreement", "Actions", "Reflection"] {
        let _ = writeln!(
            b,
            "| {stage} | {} | {} |",
            5 + rng.below(20),
            rng.sentence(5)
        );
    }
    (front, b)
}

fn capital(w: &str) -> String {
    let mut s = w.to_string();
    if let Some(f) = s.get_mut(0..1) {
        f.make_ascii_uppercase();
    }
    s
}

fn practice_set(rng: &mut Rng, i: usize) -> String {
    let mut y = format!(
        "title: Practice set {i}\ndescription: {}\nitems:\n",
        rng.sentence(8)
    );
    for k in 0..8 {
        match k % 4 {
            0 => y.push_str("  - type: rewrite\n    statement: You should talk to HR about this.\n    models: [\"Who else could help with this?\"]\n"),
            1 => y.push_str("  - type: classify\n    question: Did you tell your director?\n    answer: closed\n    reason: It can be answered yes or no.\n"),
            2 => { let _ = write!(y, "  - type: choose\n    prompt: {}\n    options:\n      - {{ text: \"What happened?\", correct: true, feedback: Open. }}\n      - {{ text: \"Did it work?\", feedback: Closed. }}\n", rng.sentence(8)); }
            _ => y.push_str("  - type: order\n    prompt: Put the stages in order.\n    steps: [Opening, Questions, Agreement, Actions, Reflection]\n"),
        }
    }
    y
}

fn session(rng: &mut Rng, i: usize) -> String {
    let mut y = format!(
        "title: Session {i}\nminutes: 60\nproblem: {}\nroles:\n  - {{ id: coach, name: Sam, role: coach }}\n  - {{ id: pp, name: Ana, role: presenter }}\n",
        rng.sentence(12)
    );
    let members = ["Lee", "Kim", "Jo", "Max", "Ria"];
    for (m, name) in members.iter().enumerate() {
        let _ = writeln!(
            y,
            "  - {{ id: m{m}, name: {name}, role: member, skill: listening }}"
        );
    }
    y.push_str("stages:\n");
    for (title, kind) in [
        ("Opening", "opening"),
        ("Questions", "questions"),
        ("Agreement", "agreement"),
        ("Actions", "actions"),
    ] {
        let _ = writeln!(y, "  - title: {title}\n    kind: {kind}\n    turns:");
        for t in 0..6 {
            let m = rng.below(members.len());
            let _ = writeln!(
                y,
                "      - {{ by: m{m}, ask: \"What {} {}?\" }}",
                rng.word(),
                rng.word()
            );
            let _ = writeln!(y, "      - {{ by: pp, answer: \"{}\" }}", rng.sentence(10));
            if t == 2 {
                y.push_str("      - pause:\n          type: choose\n          prompt: What would you ask?\n          options:\n            - { text: \"What happened?\", correct: true, feedback: Open. }\n            - { text: \"Did it work?\", feedback: Closed. }\n");
            }
        }
    }
    y.push_str("  - title: Reflection\n    kind: reflection\n    turns:\n      - { by: coach, intervene: \"Who saw each skill?\" }\n");
    let _ = writeln!(
        y,
        "      - {{ by: pp, answer: \"{} all listened well.\" }}",
        members.join(", ")
    );
    y
}

fn workshop(rng: &mut Rng, dir: &Path, i: usize, rich: usize) -> io::Result<()> {
    let names = ["opening", "questions", "live-session", "closing"];
    let mut y = format!(
        "title: Workshop {i}\naudience: {}\ndays:\n  - start: \"09:00\"\n    items:\n",
        rng.sentence(5)
    );
    for (k, m) in names.iter().enumerate() {
        let _ = writeln!(y, "      - module: {m}");
        if k == 1 {
            y.push_str("      - { break: Coffee, minutes: 15 }\n");
        }
    }
    write(&dir.join("workshop.yaml"), y.as_bytes())?;
    for m in names {
        let practice = format!("set-{:04}", rng.below(rich));
        let session = format!("session-{:04}", rng.below(rich));
        let body = format!("---\ntitle: {}\nminutes: 60\nobjectives: [{}]\nmaterials: [Flip chart, Timer]\nactivities:\n  - {{ title: Input, minutes: 20, kind: input }}\n  - {{ title: Practice, minutes: 20, kind: practice, practice: {practice} }}\n  - {{ title: Demo, minutes: 20, kind: demo, session: {session} }}\nfacilitator: {}\n---\n\n{}\n", capital(m), rng.sentence(6).trim_end_matches('.'), rng.sentence(12), rng.paragraph());
        write(&dir.join(format!("{m}.md")), body.as_bytes())?;
    }
    Ok(())
}

/// A Hugo site as simple as alsite's pages: one layout with a title and the content.
fn hugo_skeleton(h: &Path) -> io::Result<()> {
    write(&h.join("hugo.toml"), b"baseURL = '/'\ntitle = 'Synthetic site'\ndisableKinds = ['taxonomy', 'term', 'RSS', 'sitemap']\nuglyURLs = true\n[markup.goldmark.renderer]\nunsafe = true\n")?;
    let page = "<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>{{ .Title }}</title><link rel=\"stylesheet\" href=\"/style.css\"></head><body><header><nav><a href=\"/\">Home</a></nav></header><main><h1>{{ .Title }}</h1>{{ with .Description }}<p>{{ . }}</p>{{ end }}{{ .Content }}</main><footer>Bench Org</footer></body></html>\n";
    write(&h.join("layouts/_default/single.html"), page.as_bytes())?;
    write(&h.join("layouts/_default/list.html"), page.as_bytes())?;
    write(&h.join("layouts/index.html"), page.as_bytes())?;
    write(
        &h.join("content/_index.md"),
        b"---\ntitle: Synthetic site\n---\n",
    )?;
    write(
        &h.join("static/style.css"),
        b"body { font-family: sans-serif; }\n",
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn same_seed_same_site() {
        let a = markdown_page(&mut Rng(7), 3, 100);
        let b = markdown_page(&mut Rng(7), 3, 100);
        assert_eq!(a, b);
        assert_ne!(a, markdown_page(&mut Rng(8), 3, 100));
        let words = a.1.split_whitespace().count();
        assert!((400..1200).contains(&words), "{words} words");
        assert!(a.1.contains("| Stage | Minutes | Notes |") && a.1.contains("- **"));
    }
}
