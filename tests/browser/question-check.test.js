"use strict";
// The typed-question checker, in Node, against the word lists the sample site
// embeds: a table of labelled questions of every kind, tricky ones included,
// and every model answer of the sample practice sets.

const { test } = require("node:test");
const assert = require("node:assert/strict");
const fs = require("node:fs");
const path = require("node:path");
const checkQuestion = require("../../themes/default/static/question-check.js");
const { embedded } = require("./site-data");

const SITE = process.env.ALSITE_SITE;
const data = embedded(SITE, "practice/open-questions.html", "practice-data");
const rules = data.rules;
const en = rules.languages.en;

const TABLE = [
  // open
  ["What has happened since the new system went live?", "open"],
  ["How do new hires find out what is expected of them?", "open"],
  ["Who else could help with this?", "open"],
  ["Where does information get stuck?", "open"],
  ["When did you first notice the problem?", "open"],
  ["Which part of this is within your control?", "open"],
  ["what would a good outcome look like?", "open"],
  ["   How did the team react?", "open"],
  ["How come the numbers dropped in March?", "open"],
  ["In what ways has the role changed?", "open"],
  ["To what extent does the team share the goal?", "open"],
  ["Tell me more about the first week?", "open"],
  ["Could you tell me more about the handover?", "open"],
  ["A year from now, what would tell you this is solved?", "open"],
  ["When you say 'late', late compared with what?", "open"],
  ["What if the deadline weren't fixed?", "open"],
  ["Why are our problem statements so different?", "open"],
  ["WHAT DOES SUCCESS LOOK LIKE?", "open"],
  ["What’s getting in the way?", "open"],
  ["How did you decide whether to stay or leave?", "open"],
  // closed
  ["Did you tell your director?", "closed"],
  ["Is the budget approved?", "closed"],
  ["Are the nurses trained?", "closed"],
  ["Have you spoken to the client?", "closed"],
  ["Can the team work overtime?", "closed"],
  ["Does your manager know?", "closed"],
  ["Was it like this last year?", "closed"],
  ["How many people are on the team?", "closed"],
  ["How much does the tool cost?", "closed"],
  ["  do you have the data?", "closed"],
  ["Will the deadline move?", "closed"],
  ["So the team is unhappy?", "closed"],
  // leading
  ["Don't you think you should delegate more?", "leading"],
  ["Wouldn't it be better to wait a quarter?", "leading"],
  ["Have you considered hiring a consultant?", "leading"],
  ["Why not just ask HR?", "leading"],
  ["What about training the managers first?", "leading"],
  ["How about a weekly meeting?", "leading"],
  ["The launch is too early, right?", "leading"],
  ["It's a trust issue, isn't it?", "leading"],
  ["Shouldn't you talk to your boss?", "leading"],
  ["Why don't you try a pilot?", "leading"],
  ["Surely the budget is the real constraint?", "leading"],
  ["have you thought about quitting?", "leading"],
  // statement
  ["You should talk to HR about this.", "statement"],
  ["I think the real issue is trust?", "statement"],
  ["In my experience, rotas never work. What do you think?", "statement"],
  ["Given the software is clearly bad and IT never listens, how will you get them to replace it, because that's what I'd do?", "statement"],
  ["I'd call the supplier tomorrow, do you agree?", "statement"],
  ["The team is clearly demotivated", "statement"],
  ["", "statement"],
  ["Budget isn't the issue here.", "statement"],
  ["What happened? I think it was the rollout.", "statement"],
  ["If I were you, what would I do first?", "statement"],
  // stacked
  ["How many people are on the team, who do they report to, and what's the budget?", "stacked"],
  ["What happened? How did they react?", "stacked"],
  ["Who decided, and why did they decide it?", "stacked"],
  ["What do you think about HR, and have you spoken to them?", "stacked"],
  ["What would you do, or did you already decide?", "stacked"],
  // one word asks about nothing; two may ("What else?" above is open)
  ["What?", "short"],
  ["Why?", "short"],
  ["And who?", "short"],
  ["What did you try, and how did it go, and what's next?", "stacked"],
  ["When did it start?? ", "stacked"],
  // limited choice
  ["Is it a people problem or a process problem?", "choice"],
  ["What's the cause, people or process?", "choice"],
  ["What's the cause — people or process?", "choice"],
  ["Should you hire or train?", "choice"],
  ["What matters most: speed or quality?", "choice"],
  ["Did you or your manager decide?", "choice"],
  // as learners type: joining words first, quotation marks, capitals
  ["And how did the team react?", "open"],
  ["So what would a good outcome look like?", "open"],
  ["But why does it matter to you now?", "open"],
  ["Well, what happened next?", "open"],
  ["So, what's stopping you?", "open"],
  ["And what else?", "open"],
  ["OK so what's the first step?", "open"],
  ["Honestly, what do you want from this?", "open"],
  ["So far, what has worked?", "open"],
  ['"What happened next?"', "open"],
  ["“What would you do differently?”", "open"],
  ["'How did you find out?'", "open"],
  ["“What did they mean by urgent”?", "open"],
  ["What did they mean by “urgent”?", "open"],
  ["WHY DOES THIS KEEP HAPPENING?", "open"],
  ["And did you tell her?", "closed"],
  ["So is the budget approved?", "closed"],
  ["But how many people left?", "closed"],
  ["“Is the budget approved?”", "closed"],
  ["And don't you think that's risky?", "leading"],
  ["So why not just ask HR?", "leading"],
  ["“It's a trust issue, isn't it?”", "leading"],
  ["Well, have you considered a pilot?", "leading"],
  ["So is it people or process?", "choice"],
  ["And what's the cause, people or process?", "choice"],
  // "problem", "real", "need to" inside a genuine question
  ["What is the real problem here?", "open"],
  ["What makes this a real problem for you?", "open"],
  ["Where do you think the problem is?", "open"],
  ["How real is that risk for you?", "open"],
  ["What do you need to decide by Friday?", "open"],
  ["Do you need to tell HR?", "closed"],
  ["The real problem is trust, what do you think?", "statement"],
  ["What will you do, given the real problem is the budget?", "statement"],
  ["So you should escalate it?", "statement"],
  // questions joined by "and" or commas
  ["Who decided and when and why?", "stacked"],
  ["What happened and why?", "stacked"],
  ["Who decided, when and why?", "stacked"],
  ["Who, when, why?", "stacked"],
  ["What did you learn and how will you use it?", "stacked"],
  ["So what did you try, and what happened?", "stacked"],
  ["When and where does it happen?", "open"],
  ["How do you decide what to keep and what to hand over?", "open"],
  ["What's the gap between what you planned and what happened?", "open"],
];

test("the table covers every kind with at least 100 questions", () => {
  assert.ok(TABLE.length >= 100, `${TABLE.length} questions`);
  for (const kind of ["open", "closed", "leading", "statement", "stacked", "choice"]) {
    assert.ok(TABLE.filter((row) => row[1] === kind).length >= 5, kind);
  }
});

for (const [question, kind] of TABLE) {
  test(`${kind}: ${JSON.stringify(question)}`, () => {
    const r = checkQuestion(question, rules);
    assert.equal(r.kind, kind, `hints: ${r.hints.join(" | ")}`);
    assert.equal(r.ok, kind === "open", "ok only for an open question");
    if (kind !== "open") assert.ok(r.hints.length > 0 && r.hints.every((h) => h.length > 10), "says why");
  });
}

test("a missing question mark is a hint, not an error", () => {
  const r = checkQuestion("what happened next", rules);
  assert.equal(r.kind, "open");
  assert.equal(r.ok, true);
  assert.match(r.hints[0], /question mark/);
  const joined = checkQuestion("And how did they react", rules);
  assert.deepEqual([joined.kind, joined.ok, joined.hints], ["open", true, ["End your question with a question mark."]]);
  const closed = checkQuestion("“Is the budget approved”", rules);
  assert.equal(closed.kind, "closed");
  assert.equal(closed.ok, false);
  assert.equal(closed.hints[0], "End your question with a question mark.");
  assert.match(closed.hints[1], /“Is”/);
  // Read on as a whole question: a limited choice is still a choice.
  const choice = checkQuestion("What should you do, hire or train", rules);
  assert.equal(choice.kind, "choice");
  assert.equal(choice.hints[0], "End your question with a question mark.");
  assert.equal(checkQuestion("The team is unhappy", rules).kind, "statement");
});

test("quotation marks or a question mark alone ask to type a question first", () => {
  for (const text of ['""', "“”", "?", "  ", "„?”"]) {
    assert.deepEqual(checkQuestion(text, rules).hints, ["Type your question first."], text);
  }
});

test("hints quote the learner's own words, after any joining word", () => {
  assert.equal(checkQuestion("So, IS the budget approved?", rules).hints[0],
    "This can be answered yes or no: it starts with “IS”. Try starting with “What” or “How”.");
  assert.equal(checkQuestion("and why did you leave?", rules).hints[0],
    "“Why” can sound like blame when it is about a person's choices; “What made…” often works better.");
  assert.equal(checkQuestion("It's a trust issue, isn't it?", rules).hints[0],
    "The tag “isn't it?” at the end asks the presenter to agree with you. Drop it and ask what they think.");
});

test("hints name the opener and suggest a better one", () => {
  const r = checkQuestion("Is the budget approved?", rules);
  assert.equal(r.hints[0], "This can be answered yes or no: it starts with “Is”. Try starting with “What” or “How”.");
  const c = checkQuestion("What's the cause, people or process?", rules);
  assert.match(c.hints[0], /stop after “What's the cause\?”/);
});

test("the word lists drive the checker: a new opener needs no code", () => {
  const extended = { ...en, open_openers: [...en.open_openers, "in which"] };
  assert.equal(checkQuestion("In which meetings does this come up?", rules).ok, false);
  assert.equal(checkQuestion("In which meetings does this come up?", extended).ok, true);
});

test("loads as a plain function and as checkQuestion", () => {
  assert.equal(typeof checkQuestion, "function");
  assert.equal(require("../../themes/default/static/question-check.js").checkQuestion, checkQuestion);
});

test("every model answer in the sample content passes the checker", () => {
  let count = 0;
  for (const file of fs.readdirSync(path.join(SITE, "practice"))) {
    if (file === "index.html") continue;
    const d = embedded(SITE, `practice/${file}`, "practice-data");
    for (const item of d.items) {
      const id = item.id;
      if (item.type !== "rewrite") continue;
      for (const model of item.models) {
        const r = checkQuestion(model, d.rules);
        assert.ok(r.ok, `${file}#${id}: "${model}" is ${r.kind}: ${r.hints.join(" ")}`);
        count++;
      }
    }
  }
  assert.ok(count >= 20, `${count} model answers checked`);
});
