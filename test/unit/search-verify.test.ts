// Verification weaknesses found on real quotes (issue 8, part 4): candidate passages drawn from the whole
// quotation, closeness that does not rest on function words alone, and word forms compared by stem.
import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import { QuoteIndex } from './core-internals';
import { checkOne, loadSources } from './helpers';

const index = new QuoteIndex(loadSources('search/harbour-pilots.md'));
const verdictOf = (draft: string) => checkOne(draft, index).quote;

test('a long quotation whose exact source part comes at its end extends the source, though its opening shares rare words elsewhere', () => {
  const q = verdictOf(
    'Royo said: “The quarterly tonnage ledger, the maritime registry and the filed reports aside, we will keep the channel open through the winter storms, whatever the insurers say.”',
  );
  assert.equal(q.verdict, 'extends-source');
  assert.equal(q.match?.quoteId, 'q1');
});

test('sharing only function words is not close: "the heart of the matter" is no misquote of "the spirit of the agreement"', () => {
  assert.equal(verdictOf('Pastor said it was “the heart of the matter.”').verdict, 'not-found');
  // A real near miss is still one.
  const near = verdictOf('Pastor said “it is the spirit of the treaty that matters to us.”');
  assert.equal(near.verdict, 'misquote');
  assert.equal(near.match?.quoteId, 'q3');
});

test('a reworded quote that changes word forms still counts as close, by stem', () => {
  const q = verdictOf('Pastor said: “Our nation committed to protect this border together.”');
  assert.equal(q.verdict, 'misquote');
  assert.equal(q.match?.quoteId, 'q2');
  // The diff still shows each changed form.
  assert.ok(
    q.diff?.some((d) => d.op === 'delete' && /borders/.test(d.text)),
    JSON.stringify(q.diff),
  );
  assert.ok(
    q.diff?.some((d) => d.op === 'insert' && /border\b/.test(d.text)),
    JSON.stringify(q.diff),
  );
});
