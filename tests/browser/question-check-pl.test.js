"use strict";
// The typed-question checker in Polish, in Node, against the word lists the
// sample site embeds: a labelled table of questions as Polish learners type
// them (with and without diacritics, any case, in quotation marks), and the
// hints in Polish from themes/default/i18n/checker.pl.yaml.

const { test } = require("node:test");
const assert = require("node:assert/strict");
const fs = require("node:fs");
const path = require("node:path");
const checkQuestion = require("../../themes/default/static/question-check.js");
const { embedded } = require("./site-data");

const SITE = process.env.ALSITE_SITE;
const rules = embedded(SITE, "practice/open-questions.html", "practice-data").rules;
const pl = { lang: "pl" };

/** The `checker:` strings of a theme language file, as flat `checker.x` keys.
 *  The file is one mapping of double-quoted strings; any other line fails. */
function checkerStrings(lang) {
  const file = path.join(__dirname, `../../themes/default/i18n/checker.${lang}.yaml`);
  const strings = {};
  for (const line of fs.readFileSync(file, "utf8").split("\n")) {
    if (/^\s*(#.*)?$/.test(line) || line === "checker:") continue;
    const m = line.match(/^  ([a-z_]+): (".*")$/);
    assert.ok(m, `${file}: cannot read ${JSON.stringify(line)}`);
    strings[`checker.${m[1]}`] = JSON.parse(m[2]);
  }
  return strings;
}

const TABLE = [
  // open: question words in their declined forms, with and without diacritics
  ["Co się wydarzyło od wdrożenia nowego systemu?", "open"],
  ["Jak nowi pracownicy dowiadują się, czego się od nich oczekuje?", "open"],
  ["Kto jeszcze mógłby w tym pomóc?", "open"],
  ["Gdzie informacje utykają?", "open"],
  ["Kiedy po raz pierwszy zauważyłeś ten problem?", "open"],
  ["Która część tej sytuacji zależy od ciebie?", "open"],
  ["Których klientów to najbardziej dotyczy?", "open"],
  ["Którego etapu najbardziej się obawiasz?", "open"],
  ["Ktorego etapu najbardziej sie obawiasz?", "open"],
  ["Jakie masz możliwości?", "open"],
  ["Jakiego wsparcia potrzebujesz od zespołu?", "open"],
  ["Jaką rolę odgrywa w tym twój kierownik?", "open"],
  ["W jaki sposób zespół zareagował na zmianę?", "open"],
  ["w jaki sposob zespol zareagowal na zmiane?", "open"],
  ["Z kim jeszcze o tym rozmawiałaś?", "open"],
  ["Na czym najbardziej ci zależy?", "open"],
  ["Czego się obawiasz?", "open"],
  ["Czym byłby dla ciebie sukces?", "open"],
  ["Komu najbardziej zależy na tej zmianie?", "open"],
  ["Kogo dotyczy ta decyzja?", "open"],
  ["Dlaczego ten projekt jest dla ciebie ważny?", "open"],
  ["co by się stało, gdyby termin nie był sztywny?", "open"],
  ["Skąd będziesz wiedział, że to działa?", "open"],
  ["Skad bedziesz wiedziec, czy to dziala?", "open"],
  ["Jak zdecydowałaś, czy zostać, czy odejść?", "open"],
  ["Po czym poznasz, że problem jest rozwiązany?", "open"],
  ["Wyobraź sobie, że minął rok. Co się zmieniło?", "open"],
  ["Kiedy mówisz „opóźnienie”, co dokładnie masz na myśli?", "open"],
  ["JAK WYGLĄDAŁBY DOBRY WYNIK?", "open"],
  ["Czy możesz opowiedzieć więcej o pierwszym tygodniu?", "open"],
  ["A co byłoby pierwszym krokiem?", "open"],
  ["No dobrze, a kto podejmuje tę decyzję?", "open"],
  ["I jak zespół to przyjął?", "open"],
  ["Jaki jest według ciebie prawdziwy problem?", "open"],
  ["Co musisz zrobić przed piątkiem?", "open"],
  ["Co trzeba by zmienić, żeby grafik działał?", "open"],
  ["Jak decydujesz, co zatrzymać, a co oddać?", "open"],
  ["Gdzie i kiedy to się najczęściej dzieje?", "open"],
  ["W jakim stopniu zespół podziela ten cel?", "open"],
  ["Na ile jesteś pewna tej decyzji?", "open"],
  ["Jak się czujesz, kiedy raport wraca z opóźnieniem?", "open"],
  ["„Co się zmieniło od zeszłego kwartału?”", "open"],
  ["Czyje zdanie liczy się tu najbardziej?", "open"],
  ["Co się stanie, jeśli nic nie zrobisz?", "open"],
  ["Co do tej pory próbowałeś?", "open"],
  ["Dokąd chcesz dojść z tym zespołem?", "open"],
  // a preposition before the question word, in its other cases
  ["Na co masz wpływ w tej sytuacji?", "open"],
  ["Na kogo czekasz z tą decyzją?", "open"],
  ["W co zespół najbardziej wierzy?", "open"],
  ["O kogo najbardziej się martwisz?", "open"],
  ["Przez kogo przechodzą zamiany w grafiku?", "open"],
  ["Między kim jest największe napięcie?", "open"],
  ["Wobec kogo czujesz się zobowiązana?", "open"],
  ["Dzięki czemu wcześniej to działało?", "open"],
  ["Gdybyś miała czarodziejską różdżkę, co byś zmieniła?", "open"],
  // closed: "Czy", no question word at all, or a single fact
  ["Czy powiedziałeś o tym dyrektorowi?", "closed"],
  ["Czy budżet jest zatwierdzony?", "closed"],
  ["Masz dane z ostatniego kwartału?", "closed"],
  ["Rozmawiałaś już z klientem?", "closed"],
  ["Zespół wie o zmianie?", "closed"],
  ["Ile osób jest w zespole?", "closed"],
  ["Ilu klientów zrezygnowało?", "closed"],
  ["Jak długo to trwa?", "closed"],
  ["czy szef o tym wie?", "closed"],
  ["Czy w zeszłym roku było tak samo?", "closed"],
  ["Jest jakiś plan B?", "closed"],
  ["Możesz przesunąć termin?", "closed"],
  ["Czyli zespół jest niezadowolony?", "closed"],
  ["A kierownik to zaakceptował?", "closed"],
  ["Jak myślisz, czy zespół to przyjmie?", "closed"],
  ["Czy wiesz, czy szef się zgodzi?", "closed"],
  ["CZY PROJEKT MA SPONSORA?", "closed"],
  ["Czy ktos z zarzadu to wspiera?", "closed"],
  ["O której zaczyna się zmiana?", "closed"],
  ["Ile razy zdarzyło się to w tym miesiącu?", "closed"],
  // leading
  ["Czy nie uważasz, że powinieneś więcej delegować?", "leading"],
  ["Nie sądzisz, że to za wcześnie na wdrożenie?", "leading"],
  ["nie sadzisz ze to kwestia komunikacji?", "leading"],
  ["Może warto porozmawiać z działem HR?", "leading"],
  ["Dlaczego po prostu nie zapytasz szefa?", "leading"],
  ["Wdrożenie jest za wcześnie, prawda?", "leading"],
  ["To kwestia zaufania, nie?", "leading"],
  ["Zespół jest przeciążony, zgadza się?", "leading"],
  ["Rozważałeś zatrudnienie konsultanta?", "leading"],
  ["Rozważałaś przesunięcie terminu?", "leading"],
  ["Czy rozważaliście pilotaż w jednym oddziale?", "leading"],
  ["Nie byłoby lepiej poczekać kwartał?", "leading"],
  ["A może cotygodniowe spotkanie?", "leading"],
  ["Próbowałeś porozmawiać z nim w cztery oczy?", "leading"],
  ["Dlaczego nie spróbujesz pilotażu?", "leading"],
  ["Czemu by nie zapytać zespołu?", "leading"],
  ["Co powiesz na krótszy cykl raportowania?", "leading"],
  ["Przecież budżet to główne ograniczenie?", "leading"],
  ["Nie powinnaś najpierw porozmawiać z przełożoną?", "leading"],
  ["Czy nie byłoby prościej kupić gotowe narzędzie?", "leading"],
  ["Brałeś pod uwagę zmianę dostawcy?", "leading"],
  // statement: the asker's view or advice with a question mark
  ["Powinieneś porozmawiać z HR.", "statement"],
  ["Myślę, że prawdziwym problemem jest zaufanie?", "statement"],
  ["Z mojego doświadczenia grafiki nigdy nie działają. Co o tym myślisz?", "statement"],
  ["Na twoim miejscu poszedłbym prosto do prezesa, co ty na to?", "statement"],
  ["Zadzwoniłabym jutro do dostawcy, zgadzasz się?", "statement"],
  ["Zespół jest wyraźnie zdemotywowany", "statement"],
  ["", "statement"],
  ["Budżet nie jest tu problemem.", "statement"],
  ["Co się stało? Myślę, że chodzi o wdrożenie.", "statement"],
  ["Moim zdaniem zespół potrzebuje lidera, prawda?", "statement"],
  ["Trzeba porozmawiać z zarządem?", "statement"],
  ["Skoro IT nigdy nie słucha, jak zmusisz ich do wymiany systemu?", "statement"],
  ["Jak to naprawisz, skoro problem polega na braku budżetu?", "statement"],
  ["Ja bym zaczął od rozmowy z zespołem, a ty?", "statement"],
  ["Wydaje mi się, że to kwestia komunikacji, co myślisz?", "statement"],
  ["Musisz w końcu postawić granice?", "statement"],
  ["Oczywiście zespół boi się zmian?", "statement"],
  ["Co zrobisz? Ja bym zadzwonił do klienta.", "statement"],
  // stacked
  ["Kto zdecydował i kiedy?", "stacked"],
  // jedno słowo
  ["Co?", "short"],
  ["A dlaczego?", "short"],
  ["Co się stało i dlaczego?", "stacked"],
  ["Co się stało? Jak zareagowali?", "stacked"],
  ["Ile osób jest w zespole, komu podlegają i jaki jest budżet?", "stacked"],
  ["Co próbowałeś, jak to poszło i co dalej?", "stacked"],
  ["Kiedy to się zaczęło??", "stacked"],
  ["Jak długo to trwa i kto o tym wie?", "stacked"],
  ["Jaki masz cel, a jaki plan?", "stacked"],
  ["Co czujesz i co chcesz z tym zrobić?", "stacked"],
  ["Gdzie to się dzieje, kiedy i dlaczego?", "stacked"],
  ["Kto o tym wie i czy szef się zgodzi?", "stacked"],
  ["Jak zespół to przyjął? Co mówią klienci? Co dalej?", "stacked"],
  // limited choice
  ["Czy to problem ludzi czy procesu?", "choice"],
  ["Co jest przyczyną: ludzie czy procesy?", "choice"],
  ["Co jest przyczyną – ludzie czy procesy?", "choice"],
  ["Zatrudnisz kogoś czy przeszkolisz zespół?", "choice"],
  ["Co jest ważniejsze, szybkość czy jakość?", "choice"],
  ["Czy to ty zdecydowałeś, czy twój kierownik?", "choice"],
  ["Wolisz poczekać czy działać od razu?", "choice"],
  ["Jak to rozwiązać: szkoleniem albo nowym narzędziem?", "choice"],
  ["Czy zaczniesz od zespołu, czy od klientów?", "choice"],
  ["Co cię bardziej martwi - koszty czy terminy?", "choice"],
  ["Czy to kwestia pieniędzy lub czasu?", "choice"],
  ["Rozmawiałeś z nim czy z nią?", "choice"],
  // A second batch, written after the word lists and checked once before
  // any change to them (43 of 44 right then).
  ["Co dla ciebie oznacza „zaangażowanie”?", "open"],
  ["Jak wygląda twój typowy poniedziałek?", "open"],
  ["Kto najbardziej skorzysta na tej zmianie?", "open"],
  ["Jakie sygnały dostajesz od klientów?", "open"],
  ["Czego nauczyła cię poprzednia reorganizacja?", "open"],
  ["O czym nikt w zespole nie mówi głośno?", "open"],
  ["Co cię powstrzymuje przed rozmową z szefem?", "open"],
  ["Którym z tych problemów chcesz zająć się najpierw?", "open"],
  ["Jakim liderem chcesz być dla tego zespołu?", "open"],
  ["Skąd wiesz, że klienci są niezadowoleni?", "open"],
  ["A jak ty to widzisz?", "open"],
  ["Kiedy ostatnio zespół działał tak, jak chcesz?", "open"],
  ["Od czego zależy powodzenie tego projektu?", "open"],
  ["Kim są najważniejsi interesariusze?", "open"],
  ["Czy zespół zna cel projektu?", "closed"],
  ["Wiesz już, kto przejmie projekt?", "closed"],
  ["Zgłosiłaś to do działu IT?", "closed"],
  ["Czy klient podpisał umowę?", "closed"],
  ["Ile kosztuje to narzędzie?", "closed"],
  ["Był już audyt w tym roku?", "closed"],
  ["Jak często się spotykacie?", "closed"],
  ["Czy nie lepiej byłoby wrócić do starego systemu?", "leading"],
  ["Nie myślisz, że zespół potrzebuje więcej czasu?", "leading"],
  ["Może po prostu porozmawiasz z nią szczerze?", "leading"],
  ["Chyba warto zacząć od szkolenia?", "leading"],
  ["To przez brak budżetu, prawda?", "leading"],
  ["Myślałaś o tym, żeby zmienić dostawcę?", "leading"],
  ["Czy nie powinieneś tego zgłosić wyżej?", "leading"],
  ["Uważam, że szef nie ma racji, a ty?", "statement"],
  ["Sugeruję, żebyś to odpuściła?", "statement"],
  ["Na pani miejscu zorganizowałabym spotkanie?", "statement"],
  ["Problem w tym, że nikt nie czyta maili?", "statement"],
  ["Należy to zgłosić do HR?", "statement"],
  ["Według mnie to kwestia kultury organizacyjnej.", "statement"],
  ["Kto o tym zdecydował i dlaczego?", "stacked"],
  ["Co planujesz i kiedy zaczniesz?", "stacked"],
  ["Jak to wpływa na zespół? A na klientów?", "stacked"],
  ["Czego potrzebujesz, a kto może ci to dać?", "stacked"],
  ["Jakie masz dane i skąd je wziąłeś?", "stacked"],
  ["Wolisz rozmowę czy maila?", "choice"],
  ["Co jest gorsze: opóźnienie czy przekroczenie budżetu?", "choice"],
  ["Zaczniesz od szefa albo od zespołu?", "choice"],
  ["Czy bardziej chodzi o pieniądze, czy o uznanie?", "choice"],
  ["Czy problemem jest czas, czy ludzie?", "choice"],
];

const KINDS = ["open", "closed", "leading", "statement", "stacked", "choice"];

test("the Polish table has at least 80 questions and every kind", () => {
  assert.ok(TABLE.length >= 80, `${TABLE.length} questions`);
  for (const kind of KINDS) assert.ok(TABLE.filter((row) => row[1] === kind).length >= 8, kind);
});

test("the checker names the kind of at least 95% of the Polish table", (t) => {
  const misses = TABLE.filter(([q, kind]) => checkQuestion(q, rules, pl).kind !== kind);
  const right = TABLE.length - misses.length;
  const accuracy = right / TABLE.length;
  const figure = `Polish table: ${right}/${TABLE.length} right (${(100 * accuracy).toFixed(1)}%)`;
  t.diagnostic(figure);
  console.log(figure);
  for (const [q, kind] of misses) {
    const r = checkQuestion(q, rules, pl);
    console.log(`  expected ${kind}, got ${r.kind}: ${JSON.stringify(q)} (${r.hints.join(" ")})`);
  }
  assert.ok(accuracy >= 0.95, figure);
});

const strings = checkerStrings("pl");

test("the English hint file holds exactly the checker's built-in hints", () => {
  assert.deepEqual(checkerStrings("en"), checkQuestion.hints);
});

test("the Polish hint file has every key, each in Polish with the same blanks", () => {
  const en = checkQuestion.hints;
  assert.deepEqual(Object.keys(strings).sort(), Object.keys(en).sort());
  const blanks = (s) => (s.match(/\{\w+\}/g) || []).sort();
  for (const key of Object.keys(en)) {
    assert.notEqual(strings[key], en[key], key);
    assert.deepEqual(blanks(strings[key]), blanks(en[key]), key);
  }
});

test("hints are in Polish and quote the learner's own words", () => {
  const say = (q) => checkQuestion(q, rules, { lang: "pl", strings }).hints;
  assert.deepEqual(say("Czy budżet jest zatwierdzony?"), [
    "Na to pytanie można odpowiedzieć „tak” albo „nie”: zaczyna się od „Czy”. Spróbuj zacząć od „Co” albo „Jak”.",
  ]);
  assert.deepEqual(say("Ile osób jest w zespole?"), [
    "To pytanie o jedną liczbę albo jeden fakt: zaczyna się od „Ile”. Spróbuj zacząć od „Co” albo „Jak”.",
  ]);
  assert.deepEqual(say("rozwazales zatrudnienie konsultanta?"), [
    "„Rozwazales” podsuwa odpowiedź, którą masz w głowie. Zapytaj otwarcie, na przykład: „Jakie widzisz możliwości?”",
  ]);
  assert.match(say("To kwestia zaufania, prawda?")[0], /^Końcówka „prawda\?” prosi o przyznanie Ci racji\./);
  assert.match(say("Co jest przyczyną: ludzie czy procesy?")[0], /zakończ na „Co jest przyczyną\?”\.$/);
  assert.match(say("A dlaczego odszedł?")[0], /^„Dlaczego” może zabrzmieć jak zarzut/);
  assert.match(say("Moim zdaniem to kwestia zaufania?")[0], /^To Twoja opinia albo rada: zaczyna się od „Moim zdaniem”\./);
  const unfinished = checkQuestion("co dalej", rules, { lang: "pl", strings });
  assert.deepEqual([unfinished.kind, unfinished.ok, unfinished.hints], ["open", true, ["Zakończ pytanie znakiem zapytania."]]);
  assert.deepEqual(say(""), ["Najpierw wpisz pytanie."]);
});

test("no hint on the Polish table is left in English", () => {
  const english = Object.values(checkQuestion.hints).map((h) => h.split("{")[0]).filter((h) => h.length > 8);
  for (const [q] of TABLE) {
    for (const hint of checkQuestion(q, rules, { lang: "pl", strings }).hints) {
      assert.ok(!english.some((e) => hint.includes(e)), `${JSON.stringify(q)}: ${hint}`);
    }
  }
});

test("strings may be nested under `checker`, and a missing key falls back to English", () => {
  const nested = { checker: { closed: "Tak albo nie." } };
  assert.deepEqual(checkQuestion("Zespół wie?", rules, { lang: "pl", strings: nested }).hints,
    ["Tak albo nie. Try starting with “What” or “How”."]);
});

test("the rules follow the page's language, else a parameter, else English", () => {
  const question = "Czy budżet jest zatwierdzony?";
  assert.equal(checkQuestion("Co się stało?", rules, pl).kind, "open");
  assert.equal(checkQuestion("Co się stało?", rules).kind, "closed", "English rules by default");
  assert.equal(checkQuestion(question, rules, { lang: "pl-PL" }).kind, "closed");
  assert.equal(checkQuestion("What happened?", rules, { lang: "de" }).kind, "open", "an unknown language uses English");
  assert.equal(checkQuestion("Co się stało?", rules.languages.pl).kind, "open", "one language's lists as they are");
  global.document = { documentElement: { lang: "pl" } };
  try {
    assert.equal(checkQuestion("Jak zareagował zespół?", rules).kind, "open");
    assert.equal(checkQuestion("Jak zareagował zespół?", rules, { lang: "en" }).kind, "closed");
  } finally {
    delete global.document;
  }
});

test("every Polish model answer passes and every Polish statement to rewrite does not", () => {
  // Rewrite items as a Polish trainer would write them: the statement, and
  // the open questions that should replace it.
  const items = [
    ["Powinieneś porozmawiać z HR.", ["Z kim mógłbyś o tym porozmawiać?", "Jakie masz możliwości?"]],
    ["Problem w tym, że zespół nie ufa kierownikowi.", ["Co wpływa na zaufanie w zespole?", "Jak zespół opisałby relację z kierownikiem?"]],
    ["Czy nie lepiej poczekać kwartał?", ["Czego potrzebujesz, żeby podjąć decyzję?", "Jakie widzisz terminy?"]],
    ["Czy szef o tym wie?", ["Kto jeszcze wie o tej sytuacji?", "W jaki sposób szef dowiaduje się o takich sprawach?"]],
  ];
  for (const [statement, models] of items) {
    assert.equal(checkQuestion(statement, rules, pl).ok, false, statement);
    for (const m of models) assert.ok(checkQuestion(m, rules, pl).ok, m);
  }
});

/** The Polish sample site (`alsite new --language pl`), built once. */
let polishSite;
function polishSample() {
  if (polishSite) return polishSite;
  const { execFileSync } = require("node:child_process");
  const os = require("node:os");
  const BIN = process.env.ALSITE_BIN;
  assert.ok(BIN && fs.existsSync(BIN), "ALSITE_BIN names the alsite binary (tests/run sets it)");
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "alsite-pl-checker-"));
  process.on("exit", () => fs.rmSync(dir, { recursive: true, force: true }));
  execFileSync(BIN, ["new", path.join(dir, "src"), "--language", "pl"], { stdio: "ignore" });
  execFileSync(BIN, ["build", "--root", path.join(dir, "src"), "--out", path.join(dir, "out")], { stdio: "ignore" });
  polishSite = path.join(dir, "out");
  return polishSite;
}

test("the Polish sample ships the same word lists as the English one", () => {
  const root = path.join(__dirname, "../..");
  const file = "content/practice/question-rules.yaml";
  assert.equal(fs.readFileSync(path.join(root, "samples/pl", file), "utf8"), fs.readFileSync(path.join(root, file), "utf8"));
});

test("every model answer of the Polish sample passes the Polish checker", () => {
  const site = polishSample();
  let count = 0;
  for (const file of fs.readdirSync(path.join(site, "practice"))) {
    if (file === "index.html") continue;
    const d = embedded(site, `practice/${file}`, "practice-data");
    for (const item of d.items.filter((i) => i.type === "rewrite")) {
      for (const model of item.models) {
        const r = checkQuestion(model, d.rules, pl);
        assert.ok(r.ok, `${file}#${item.id}: "${model}" is ${r.kind}: ${r.hints.join(" ")}`);
        count++;
      }
    }
  }
  assert.ok(count >= 20, `${count} model answers checked`);
});

test("in a browser, a page of the Polish sample checks typed questions with the Polish lists", async () => {
  const { launch, open } = require("./helpers");
  const site = polishSample();
  const file = "practice/open-questions.html";
  const id = embedded(site, file, "practice-data").items.find((i) => i.type === "rewrite").id;
  const browser = await launch();
  try {
    const { page, problems } = await open(browser.context, "file://" + path.join(site, file), "file://");
    assert.equal(await page.locator("html").getAttribute("lang"), "pl");
    const answer = async (text) => {
      await page.locator(`#${id} textarea`).fill(text);
      await page.locator(`#${id} button[type=submit]`).click();
      return page.locator(`#${id} .feedback`).textContent();
    };
    assert.match(await answer("Kto jeszcze w firmie mógłby pomóc?"), /^✓/);
    assert.match(await answer("Ktory krok jest najtrudniejszy?"), /^✓/, "without diacritics");
    const closed = await answer("Czy budżet jest zatwierdzony?");
    assert.match(closed, /^✗/);
    assert.match(closed, /Czy/, "the hint quotes the learner's opener");
    assert.deepEqual(problems, { console: [], errors: [], outside: [] });
  } finally {
    await browser.close();
  }
});

test("no statement the Polish sample asks to rewrite passes, with or without a question mark", () => {
  const dir = path.join(__dirname, "../../samples/pl/content/practice");
  const statements = fs.readdirSync(dir).flatMap((f) =>
    [...fs.readFileSync(path.join(dir, f), "utf8").matchAll(/^\s+statement: (.+)$/gm)].map((m) => m[1].trim()));
  assert.ok(statements.length >= 10, `${statements.length} statements`);
  for (const s of statements) {
    for (const typed of [s, s.replace(/[.!]$/, "?")]) {
      const r = checkQuestion(typed, rules, pl);
      assert.equal(r.ok, false, `${typed} passed as ${r.kind}`);
    }
  }
});
