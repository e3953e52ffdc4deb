import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import { checkDraft, QuoteIndex } from './core-internals';
import { alaskaIndex, applyEdits, checkOne, loadSources } from './helpers';

const Q3 =
  'We were able to win the following concession: That the United States could offer Article 5-like protection, which is one of the real reasons why Ukraine wants to be in NATO,';

test('exact: a whole source quote, word for word', () => {
  const { quote, findings } = checkOne(`Witkoff said, “${Q3}”`);
  assert.equal(quote.verdict, 'exact');
  assert.equal(quote.match?.quoteId, 'q3');
  assert.equal(quote.match?.offset.start, 503);
  assert.equal(quote.speakerCheck, 'match');
  assert.deepEqual(findings, []);
});

test('exact whatever the typography: marks, apostrophes, dashes, line breaks, first letter, end punctuation', () => {
  const variants = [
    `Witkoff said "${Q3.replace(/,$/, '.')}"`,
    `Witkoff said “${Q3.slice(0, -1)}”.`,
    `Witkoff said “${'w' + Q3.slice(1)}”`,
    `Witkoff said “${Q3.replace('the following concession:', 'the following\nconcession:')}”`,
  ];
  for (const draft of variants) assert.equal(checkOne(draft).quote.verdict, 'exact', draft);
  const vdl = `“We welcome President Trump’s willingness to contribute to Article 5-like security guarantees for Ukraine and the coalition of the willing' -- including the European Union -- is ready to do its share,” she said.`;
  assert.equal(checkOne(vdl).quote.verdict, 'exact');
});

test('fragment: a contiguous part of a quote, or of the article’s own text', () => {
  const inQuote = checkOne('Witkoff said the US could offer “Article 5-like protection, which is one of the real reasons”.');
  assert.equal(inQuote.quote.verdict, 'fragment');
  assert.equal(inQuote.quote.match?.quoteId, 'q3');
  const narration = checkOne('The article said the proposal “signaled a significant shift for Putin”.');
  assert.equal(narration.quote.verdict, 'fragment');
  assert.equal(narration.quote.match?.quoteId, null);
  assert.equal(narration.quote.speakerCheck, 'not-applicable');
});

test('elided: pieces in order with the omission marked, in every ellipsis style', () => {
  for (const mark of ['…', '...', '[...]', '[…]', '. . .']) {
    const { quote, findings } = checkOne(`“There are no details how it will work ${mark} We need security to work in practice like Article 5 of NATO,” Zelensky said.`);
    assert.equal(quote.verdict, 'elided', mark);
    assert.equal(quote.omissions.length, 1);
    assert.match(quote.omissions[0]!.sourceText, /^and what America's role will be/);
    assert.deepEqual(findings, []);
  }
});

test('pieces out of order are not an elision', () => {
  const { quote } = checkOne('“We need security to work in practice … There are no details how it will work,” Zelensky said.');
  assert.notEqual(quote.verdict, 'elided');
  assert.notEqual(quote.verdict, 'exact');
});

test('an elision that drops a negation is flagged, with a fix restoring the words', () => {
  const draft = 'Witkoff said Russia agreed to language “that would prevent them from … violating any European borders.”';
  const { quote, findings } = checkOne(draft);
  assert.equal(quote.verdict, 'elided');
  const f = findings.find((x) => x.code === 'elision-changes-meaning');
  assert.ok(f, 'negation finding');
  assert.match(f.message, /not/);
  const fixed = applyEdits(draft, f.fixes[0]!.edits);
  assert.equal(checkOne(fixed).quote.verdict, 'fragment');
});

test('brackets: an editorial insertion replaces words and says what it replaced', () => {
  const { quote } = checkOne('“[Russia] would attest to not violating any European borders,” Witkoff said.');
  assert.equal(quote.verdict, 'elided');
  assert.deepEqual(quote.omissions, [{ kind: 'bracket', sourceText: 'they', insertedText: 'Russia' }]);
  assert.equal(quote.speakerCheck, 'match');
  const middle = checkOne('“The Russians agreed on enshrining legislatively language that would prevent [Russia] from … taking any more land”');
  assert.notEqual(middle.quote.verdict, 'exact');
  assert.equal(checkOne('Witkoff said “[t]he Russians agreed on enshrining legislatively language”.').quote.verdict, 'fragment');
});

test('variant: same words, but case or punctuation inside the quote differs', () => {
  const { quote, findings } = checkOne('Witkoff said it “Was The First Time we had ever heard the Russians agree to that.”');
  assert.equal(quote.verdict, 'variant');
  assert.equal(findings[0]?.code, 'variant');
  const punct = checkOne(`Witkoff said, “${Q3.replace('concession: That', 'concession; That')}”`);
  assert.equal(punct.quote.verdict, 'variant');
});

test('misquote: words changed, with a word diff and a fix that gives exact', () => {
  const draft =
    'Zelensky said, “There are no details on how it will work, and what America’s role will be, Europe’s role will be and what the EU can do — and this is our main task: We need security to work in practice like Article 5 of NATO.”';
  const { quote, findings } = checkOne(draft);
  assert.equal(quote.verdict, 'misquote');
  assert.equal(quote.match?.quoteId, 'q7');
  assert.deepEqual(quote.diff!.slice(0, 2), [
    { op: 'equal', text: 'There are no details' },
    { op: 'insert', text: 'on' },
  ]);
  assert.equal(quote.diff![2]!.op, 'equal');
  assert.ok(quote.diff![2]!.text.startsWith('how it will work'));
  const f = findings.find((x) => x.code === 'misquote')!;
  assert.match(f.message, /Volodymyr Zelenskyy/);
  assert.match(f.message, /alaska-summit-2025-08-18/);
  const fixed = applyEdits(draft, f.fixes[0]!.edits);
  assert.equal(checkOne(fixed).quote.verdict, 'exact');
  assert.ok(fixed.startsWith('Zelensky said, “There are no details how it will work'));
});

test('misquote: a dropped word and a changed word', () => {
  const { quote } = checkOne('Witkoff said it “was the first time we ever heard the Russians agree to this.”');
  assert.equal(quote.verdict, 'misquote');
  assert.deepEqual(
    quote.diff!.filter((d) => d.op !== 'equal'),
    [
      { op: 'delete', text: 'had' },
      { op: 'delete', text: 'that' },
      { op: 'insert', text: 'this' },
    ],
  );
});

test('extends-source: a source passage plus words no source has', () => {
  const { quote, findings } = checkOne('Witkoff called it “game-changing for the whole of Europe.”');
  assert.equal(quote.verdict, 'extends-source');
  assert.deepEqual(quote.diff, [
    { op: 'equal', text: 'game-changing' },
    { op: 'insert', text: 'for the whole of Europe' },
  ]);
  assert.equal(findings[0]?.code, 'extends-source');
});

test('not-found: nothing in the sources is close', () => {
  const { quote, findings } = checkOne('Putin told reporters, “The summit was a great success for everyone involved.”');
  assert.equal(quote.verdict, 'not-found');
  assert.equal(quote.match, null);
  assert.equal(quote.speakerCheck, 'not-applicable');
  assert.equal(findings[0]?.code, 'not-in-sources');
});

test('scare quotes below the minimum length get no finding unless they match a quote', () => {
  const scare = checkDraft(alaskaIndex(), 'The so-called “peace plan” is vague.');
  assert.equal(scare.quotes[0]!.scare, true);
  assert.deepEqual(scare.findings, []);
  const whole = checkDraft(alaskaIndex(), 'Witkoff called it “game-changing.”');
  assert.equal(whole.quotes[0]!.verdict, 'exact');
  assert.equal(whole.quotes[0]!.scare, false);
  const configured = checkDraft(alaskaIndex(), 'The so-called “peace plan” is vague.', { minQuoteWords: 1 });
  assert.equal(configured.findings[0]?.code, 'not-in-sources');
});

test('quotes in code are ignored in Markdown drafts', () => {
  const r = checkDraft(alaskaIndex(), 'Use `"not a quote at all here"` and\n\n```\n"nor this one at all"\n```\n');
  assert.deepEqual(r.quotes, []);
});

test('several sources: each quotation is matched to the right one', () => {
  const index = new QuoteIndex(loadSources('sources/harbour-strike.md', 'sources/grain-talks.txt'));
  const r = checkDraft(index, '“Hunger must never become a weapon,” Özdemir said. O’Donnell said: “Nobody wants a long strike.”');
  assert.deepEqual(
    r.quotes.map((q) => [q.verdict, q.match?.sourceId, q.speakerCheck]),
    [
      ['exact', 'grain-talks', 'match'],
      ['exact', 'harbour-strike', 'match'],
    ],
  );
});
