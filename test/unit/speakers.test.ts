import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import { checkDraft, nameKey, QuoteIndex, sameperson, shortName } from './core-internals';
import { alaskaIndex, applyEdits, checkOne, loadSources } from './helpers';

const Q7_START = 'There are no details how it will work';

test('transliterations of one name share a key', () => {
  for (const n of ['Zelensky', 'Zelenskyy', 'Zelenskiy', 'Zelenskyi', 'ZELENSKY']) assert.equal(nameKey(n), nameKey('Zelenskyy'), n);
  assert.notEqual(nameKey('Witkoff'), nameKey('Zelensky'));
});

test('a person is known by surname alone, with particles, or in full', () => {
  assert.ok(sameperson('Zelensky', 'Volodymyr Zelenskyy'));
  assert.ok(sameperson('Volodymyr Zelensky', 'Volodymyr Zelenskyy'));
  assert.ok(sameperson('von der Leyen', 'Ursula von der Leyen'));
  assert.ok(sameperson('Von der Leyen', 'Ursula von der Leyen'));
  assert.ok(!sameperson('Witkoff', 'Volodymyr Zelenskyy'));
  assert.ok(!sameperson('Melania Trump', 'Donald Trump'));
  assert.equal(shortName('Ursula von der Leyen'), 'von der Leyen');
  assert.equal(shortName('Steve Witkoff'), 'Witkoff');
});

test('the draft credits the source speaker under any alias', () => {
  for (const name of ['Zelensky', 'Zelenskyy', 'Zelenskiy', 'Volodymyr Zelensky', 'Ukrainian President Volodymyr Zelenskyy']) {
    const { quote } = checkOne(`“${Q7_START},” ${name} said.`);
    assert.equal(quote.verdict, 'fragment', name);
    assert.equal(quote.speakerCheck, 'match', name);
  }
});

test('attribution patterns: said X, X told, according to, colon, pronoun, inherited', () => {
  const cases: [string, string][] = [
    [`“${Q7_START},” said Zelensky.`, 'Zelensky'],
    [`Zelensky told reporters, “${Q7_START}.”`, 'Zelensky'],
    [`According to Zelensky, “${Q7_START}.”`, 'Zelensky'],
    [`Zelensky: “${Q7_START}.”`, 'Zelensky'],
    [`“We welcome President Trump's willingness to contribute,” von der Leyen said.`, 'von der Leyen'],
    [`Zelensky spoke to reporters in Kyiv on Monday.\n\n“${Q7_START},” he said.`, 'he'],
  ];
  for (const [draft, mention] of cases) {
    const { quote } = checkOne(draft);
    assert.equal(quote.attribution?.mention, mention, draft);
    assert.equal(quote.speakerCheck, 'match', draft);
  }
  const inherited = checkDraft(alaskaIndex(), `Witkoff said it “was the first time we had ever heard the Russians agree to that” and called it “game-changing.”`);
  assert.deepEqual(
    inherited.quotes.map((q) => q.speakerCheck),
    ['match', 'match'],
  );
});

test('unattributed: the draft names nobody', () => {
  assert.equal(checkOne(`Some say “${Q7_START}.”`).quote.speakerCheck, 'unattributed');
});

// q4 is attributed by name ("Witkoff said"): sure enough to call another speaker wrong.
const Q4 = 'go after any other European countries and violate their sovereignty';

test('a wrong speaker is flagged with a fix that credits the source’s speaker', () => {
  const draft = `“${Q4},” Zelensky said.`;
  const { quote, findings } = checkOne(draft);
  assert.equal(quote.speakerCheck, 'mismatch');
  const f = findings.find((x) => x.code === 'wrong-speaker')!;
  assert.equal(f.severity, 'error');
  assert.match(f.message, /Steve Witkoff/);
  const fixed = applyEdits(draft, f.fixes[0]!.edits);
  assert.equal(fixed, `“${Q4},” Witkoff said.`);
  assert.equal(checkOne(fixed).quote.speakerCheck, 'match');
});

test('a wrong speaker named in full is replaced by the full name', () => {
  const draft = `European Commission President Ursula von der Leyen said, “${Q4}.”`;
  const { findings } = checkOne(draft);
  const f = findings.find((x) => x.code === 'wrong-speaker')!;
  assert.equal(applyEdits(draft, f.fixes[0]!.edits), `European Commission President Steve Witkoff said, “${Q4}.”`);
});

test('an outlet or a body credited with a person’s words is uncertain, never a wrong speaker; a titled person still is', () => {
  for (const credit of ['Harborline Research Group', 'Southern Plains College']) {
    const { quote, findings } = checkOne(`${credit} reported, “${Q4}.”`);
    assert.equal(quote.speakerCheck, 'uncertain', credit);
    assert.ok(!findings.some((f) => f.code === 'wrong-speaker'), credit);
  }
  assert.equal(checkOne(`Anchorage Police Chief Dana Hollis said, “${Q4}.”`).quote.speakerCheck, 'mismatch');
});

test('a pronoun that refers to the wrong person is a mismatch', () => {
  const { quote } = checkOne(`Zelensky met reporters on Sunday.\n\n“${Q4},” he said.`);
  assert.equal(quote.attribution?.name, 'Volodymyr Zelenskyy');
  assert.equal(quote.speakerCheck, 'mismatch');
});

test('a source quote attributed only by a pronoun is not sure: another name is uncertain, never an error', () => {
  // q7 is "…,” he said" in the article: a pronoun, so the check does not accuse the writer.
  const { quote, findings } = checkOne(`“${Q7_START},” Witkoff said.`);
  assert.equal(quote.speakerCheck, 'uncertain');
  assert.ok(!findings.some((f) => f.code === 'wrong-speaker'));
  assert.equal(checkOne(`“${Q7_START},” Zelensky said.`).quote.speakerCheck, 'match');
});

test('a draft’s "May said" is the sources’ Ruth May: a surname that is also a word counts in a draft too', () => {
  const index = new QuoteIndex(loadSources('attribution/news-patterns-4.txt'));
  assert.equal(checkOne('“We will not accept a hard border,” May said.', index).quote.speakerCheck, 'match');
  assert.equal(checkOne('“We will not accept a hard border,” Oren Will said.', index).quote.speakerCheck, 'mismatch');
});
