// Finding a quote by any words the writer remembers (issue 13): completions that pick up mid-quote, and keyword
// search, on the built-in article and a fixture source written for these tests.
import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import { checkDraft, completeQuotation, QuoteIndex } from './core-internals';
import { loadSources } from './helpers';

const index = new QuoteIndex(loadSources('search/council-budget.md'));
const ids = (query: string) => index.search(query).map((m) => `${m.quote.sourceId === 'council-budget' ? 'C' : 'A'}${m.quote.id}`);
const complete = (draft: string) => completeQuotation(index, draft, draft.length)!.suggestions;

test('typing a fragment from inside a quote offers its continuation from that point', () => {
  const s = complete('The coalition “is ready to');
  assert.equal(s[0]!.text, 'is ready to do its share,');
  assert.equal(s[0]!.match, 'inside');
  assert.equal(s[0]!.quote.speaker, 'Ursula von der Leyen');
  const nato = complete('He said “wants to be in');
  assert.equal(nato[0]!.text, 'wants to be in NATO,');
});

test('where the quote runs on past a clause, a shorter item ends at the clause', () => {
  const s = complete('Witkoff said “take any more land');
  assert.ok(s[0]!.text.startsWith('take any more land from Ukraine after a peace deal, where they would attest'), s[0]!.text);
  assert.equal(s[1]!.clause, true);
  assert.equal(s[1]!.text, 'take any more land from Ukraine after a peace deal');
  const start = complete('Obi said “Twelve-month forecasts');
  assert.equal(start[0]!.text, start[0]!.quote.text, 'a match from the start offers the whole quote');
  assert.equal(start[1]!.text, 'Twelve-month forecasts do not build bridges');
});

test('accepting any offered item leaves a quotation the checker calls exact or fragment, with no finding', () => {
  for (const typed of ['is ready to', 'one of the real', 'our main task', 'take any more land', 'Twelve-month forecasts', 'found the savings', 'game chang']) {
    const before = `“${typed}`;
    const completion = completeQuotation(index, before, before.length)!;
    assert.ok(completion.suggestions.length > 0, typed);
    for (const s of completion.suggestions.slice(0, 4)) {
      const draft = before.slice(0, completion.replace.start) + s.text + completion.closeMark;
      const result = checkDraft(index, draft);
      const q = result.quotes[0]!;
      assert.ok(['exact', 'fragment'].includes(q.verdict), `${typed} → ${s.text}: ${q.verdict}`);
      assert.deepEqual(result.findings, [], `${typed} → ${s.text}`);
    }
  }
});

test('ranking: a match from the quote start, then a contiguous match inside, then keywords', () => {
  // "the savings" opens no quote here; "we found the savings" stands inside q1; keywords match the rest.
  const s = complete('She said “every line of');
  assert.equal(s[0]!.match, 'inside');
  const mixed = index.suggest('Anyone who');
  assert.equal(mixed[0]!.match, 'start');
  const kinds = index.suggest('budget the').map((x) => x.match);
  const order = { start: 0, inside: 1, keyword: 2 } as const;
  for (let k = 1; k < kinds.length; k++) assert.ok(order[kinds[k - 1]!] <= order[kinds[k]!], kinds.join(' '));
});

test('quotes of the person named on the line come first among equal matches', () => {
  const plain = complete('“budget');
  const named = complete('Vasquez said “budget');
  assert.ok(plain.length > 1);
  assert.equal(named[0]!.quote.speaker, 'Elena Vasquez');
  assert.equal(complete('Obi said “budget')[0]!.quote.speaker, 'Marcus Obi');
});

test('keywords in any order find the quote that holds them', () => {
  assert.equal(ids('coalition willing share')[0], 'Aq6');
  assert.equal(ids('share willing coalition')[0], 'Aq6');
  assert.equal(ids('fare libraries bus')[0], 'Cq1');
});

test('one-edit typos still find the quote', () => {
  assert.equal(ids('sovereignity')[0], 'Aq4');
  assert.equal(ids('libaries fare')[0], 'Cq1');
  assert.equal(ids('footnoets')[0], 'Cq7');
});

test('number words and digits are the same', () => {
  assert.equal(ids('Article Five like protection')[0], 'Aq3');
  assert.equal(ids('closing 3 libraries')[0], 'Cq1');
  assert.equal(ids('seven per cent')[0], 'Cq4');
  assert.equal(ids('at five in the morning')[0], 'Cq5');
  assert.equal(ids('offices at 5 in the morning')[0], 'Cq5');
});

test('hyphenated, spaced and joined forms are the same', () => {
  for (const q of ['game-changing', 'game changing', 'gamechanging']) assert.equal(ids(q)[0], 'Aq2', q);
  for (const q of ['game-changer commuters', 'game changer', 'gamechanger']) assert.equal(ids(q)[0], 'Cq8', q);
  assert.equal(ids('Article 5-like protection')[0], 'Aq3', "Witkoff's quote has these exact words");
  assert.equal(ids('longterm planning')[0], 'Cq2');
});

test('other forms of the same stem match (agree = agreed)', () => {
  assert.equal(ids('Russians agree enshrine')[0], 'Aq5');
  assert.equal(ids('prevent violating borders')[0], 'Aq5');
  assert.equal(ids('violating sovereignties')[0], 'Aq4');
  assert.equal(ids('climbing interest rate')[0], 'Cq9');
});

test('rarer shared words and words standing close together rank higher', () => {
  // "budget" is in three quotes; "fight" only in one.
  assert.equal(ids('budget fight')[0], 'Cq10');
  // Both quotes hold "Article" and "5"; only Witkoff's has "protection" right after them.
  const r = ids('Article 5 protection');
  assert.equal(r[0], 'Aq3');
  assert.ok(r.includes('Aq6'));
});

test('the CLI keeps the best-first order in the JSON quotes array', async () => {
  const { run } = await import('../../src/cli/main');
  const path = await import('node:path');
  const { repoRoot } = await import('./helpers');
  let out = '';
  const code = await run(['quotes', '--search', 'Article 5-like protection', '--format', 'json'], {
    stdout: (s) => (out += s),
    stderr: () => undefined,
    cwd: repoRoot,
    resourcesDir: path.join(repoRoot, 'resources'),
  });
  assert.equal(code, 0);
  const quotes = (JSON.parse(out) as { quotes: { id: string; speaker: string }[] }).quotes;
  assert.deepEqual(quotes[0], { ...quotes[0], id: 'q3', speaker: 'Steve Witkoff' });
});

test('bad queries find nothing and never throw', () => {
  for (const q of ['', '   ', '…', '“”', '\u0000\uffff', 'zzzzqqqq', 'a'.repeat(100_000), 'the '.repeat(5000), '\ud800']) {
    assert.doesNotThrow(() => index.search(q));
    assert.doesNotThrow(() => index.suggest(q));
  }
  assert.deepEqual(index.search('zzzzqqqq'), []);
  assert.deepEqual(index.search(''), []);
  assert.deepEqual(new QuoteIndex([]).search('anything'), []);
});
