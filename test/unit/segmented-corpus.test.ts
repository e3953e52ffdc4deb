// The corpus in segments (incremental updates): after a source is edited, added or deleted, every look-up answers
// as a corpus built from scratch over the same files would, and a retired source's quotes are gone at once.
import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import { buildCatalog, createEngine, QuoteIndex, SegmentedCorpus, type Source } from './core-internals';
import { builtinFile, fixture } from './helpers';

const HARBOUR = 'sources/harbour-strike.md';
const GRAIN = 'sources/grain-talks.txt';

function read(path: string, text?: string): Source[] {
  const file = text === undefined ? { path, bytes: fs.readFileSync(fixture(path)) } : { path, text };
  return buildCatalog([file]).sources;
}

const builtIn = buildCatalog([builtinFile()]).sources;
const harbour = fs.readFileSync(fixture(HARBOUR), 'utf8');
const edited = harbour.replace('"We have made a fair offer, and the door remains open,"', '"We have made a generous offer, and our door stays open,"');

const DRAFT = [
  'Wiśniewski said, "We have made a fair offer, and the door remains open."',
  'Wiśniewski said, "We have made a generous offer, and our door stays open."',
  'O\'Donnell said, "Nobody wants a long strike."',
  'Zelenskyy said, "There are no details how it will work."',
].join('\n\n');

const verdicts = (corpus: ConstructorParameters<typeof SegmentedCorpus>[0][number] | SegmentedCorpus) =>
  createEngine(corpus)
    .checkDraft(DRAFT)
    .quotes.map((q) => `${q.verdict} ${q.match?.sourceId ?? '-'}`);

test('an edited source answers from its new version only, exactly as a full rebuild would', () => {
  const base = new SegmentedCorpus([new QuoteIndex([...builtIn, ...read(HARBOUR), ...read(GRAIN)])]);
  const updated = base.withChanges(new QuoteIndex(read(HARBOUR, edited)));
  const rebuilt = new QuoteIndex([...builtIn, ...read(GRAIN), ...read(HARBOUR, edited)]);
  assert.deepEqual(verdicts(updated), verdicts(rebuilt));
  assert.deepEqual(verdicts(updated).slice(0, 2), ['misquote harbour-strike', 'exact harbour-strike']);
  assert.equal(updated.sources.length, 3);
  assert.equal(updated.quoteCount, rebuilt.quoteCount);
  assert.equal(updated.segments.length, 2);
  // The old version's words are found nowhere: not by search, completion, runs or positions.
  const engine = createEngine(updated);
  assert.ok(engine.search('fair offer door remains').every((h) => !h.quote.text.includes('fair offer')));
  assert.ok(updated.suggest('We have made a').every((s) => !s.text.includes('fair offer')));
  assert.deepEqual(updated.findRuns(['fair', 'offer']), []);
  assert.ok(updated.findRuns(['generous', 'offer']).length > 0);
});

test('a deleted source leaves completions, search, the quote list and the source list at once', () => {
  const base = new SegmentedCorpus([new QuoteIndex([...builtIn, ...read(HARBOUR), ...read(GRAIN)])]);
  const path = base.sources.find((v) => v.source.meta.id === 'harbour-strike')!.source.meta.path!;
  const updated = base.withChanges(null, [path]);
  const engine = createEngine(updated);
  assert.equal(engine.source('harbour-strike'), undefined);
  assert.deepEqual(
    engine.sources.map((s) => s.meta.id),
    base.sources.filter((v) => v.source.meta.id !== 'harbour-strike').map((v) => v.source.meta.id),
  );
  assert.ok(engine.quotes().every((e) => e.source.meta.id !== 'harbour-strike'));
  assert.deepEqual(engine.search('nobody wants a long strike'), []);
  assert.equal(engine.checkDraft(DRAFT).quotes[2]!.verdict, 'not-found');
  assert.equal(updated.candidateSentences(['dispute', 'simmering', 'january']).length, 0);
});

test('an added source is found next to the others; many small updates are merged into few segments', () => {
  let corpus = new SegmentedCorpus([new QuoteIndex(builtIn)]);
  corpus = corpus.withChanges(new QuoteIndex(read(GRAIN)));
  corpus = corpus.withChanges(new QuoteIndex(read(HARBOUR)));
  assert.deepEqual(verdicts(corpus), verdicts(new QuoteIndex([...builtIn, ...read(GRAIN), ...read(HARBOUR)])));
  for (let k = 0; k < 20; k++) corpus = corpus.withChanges(new QuoteIndex(read(HARBOUR, k % 2 ? edited : harbour)));
  assert.ok(corpus.segments.length <= 10, `${corpus.segments.length} segments`);
  assert.equal(corpus.sources.filter((v) => v.source.meta.id.startsWith('harbour-strike')).length, 1);
  assert.equal(corpus.retiredCount, 0, 'retired sources are dropped with the segments that held them');
  assert.deepEqual(verdicts(corpus), verdicts(new QuoteIndex([...builtIn, ...read(GRAIN), ...read(HARBOUR, edited)])));
});
