import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { buildCatalog, checkDraft, checkDraftAsync, checkQuotationAt, createEngine, QuoteIndex, restoreSource, serveLocally, snapshotSource } from './core-internals';
import { nearSpellings } from '../../src/core/corpus/quote-index';
import { buildIndexInWorker, startNodeWorker } from '../../src/index-worker/node-client';
import { generateCorpus, generateDraft, generatePassages, generateTyping } from '../bench/corpus';
import { benchSize } from '../bench/run-bench';
import { alaskaIndex, builtinFile, repoRoot } from './helpers';

const workerScript = path.join(repoRoot, 'dist', 'index-worker.js');
const corpus = generateCorpus(2_000, 7);
const files = corpus.files.map((f) => ({ path: f.path, text: f.text }));
const inProcess = (() => {
  const c = buildCatalog(files);
  return new QuoteIndex(c.sources);
})();

test('nearSpellings covers a dropped, added, changed and swapped letter', () => {
  const near = new Set(nearSpellings('security'));
  for (const typo of ['securty', 'securityy', 'secarity', 'secuirty']) assert.ok(near.has(typo), typo);
  assert.ok(!near.has('secrity x'));
  assert.deepEqual(nearSpellings('the'), ['the'], 'short words are not expanded');
});

test('completion finds a quote from its first words with a typo or a skipped word', () => {
  const typing = generateTyping(corpus, 60, 11);
  let found = 0;
  for (const t of typing) if (inProcess.suggest(t.typed, { limit: 10 }).some((s) => s.quote.text === t.quote)) found++;
  assert.ok(found / typing.length >= 0.9, `${found} of ${typing.length} found in the top 10`);
});

test('generated passages get their known verdicts', () => {
  for (const p of generatePassages(corpus, 120, 5)) {
    const verdict = checkDraft(inProcess, `Someone said “${p.text}”`).quotes[0]!.verdict;
    assert.ok(p.expected.includes(verdict), `${p.kind}: "${p.text}" got ${verdict}`);
  }
});

test('the sliced check gives the same result as the whole check, and stops when cancelled', async () => {
  const draft = generateDraft(corpus, generatePassages(corpus, 60, 9), 20, 1500);
  const whole = checkDraft(inProcess, draft);
  let yields = 0;
  const sliced = await checkDraftAsync(inProcess, draft, {}, { yieldToHost: async () => void yields++ });
  assert.deepEqual(sliced, whole);
  assert.equal(yields, whole.quotes.length);
  await assert.rejects(checkDraftAsync(inProcess, draft, {}, { yieldToHost: async () => undefined, isCancelled: () => true }), (err: Error) => err.name === 'AbortError');
});

test('checking the quotation at an offset agrees with the whole check', () => {
  const text = fs.readFileSync(path.join(repoRoot, 'examples', 'draft.md'), 'utf8');
  const whole = checkDraft(alaskaIndex(), text);
  for (const q of whole.quotes) assert.deepEqual(checkQuotationAt(alaskaIndex(), text, q.span.start + 1)?.check, q);
});

test('a source survives its snapshot for the hand-over from the worker', () => {
  const source = buildCatalog([builtinFile()]).sources[0]!;
  const restored = restoreSource(snapshotSource(source));
  assert.ok(source.sentences.length > 10);
  assert.deepEqual(restored, source);
});

test('the worker holds the index and answers like the engine here; a draft check can be cancelled', async () => {
  assert.ok(fs.existsSync(workerScript), 'dist/index-worker.js is missing: `npm run test:unit` builds it');
  const { service, problems, worker } = await buildIndexInWorker([...files, { path: 'bad.md', bytes: new Uint8Array([0, 1, 2]) }], workerScript);
  try {
    assert.deepEqual(
      problems.map((p) => p.path),
      ['bad.md'],
    );
    assert.equal(service.quoteCount, inProcess.quoteCount);
    const draft = generateDraft(corpus, generatePassages(corpus, 60, 9), 20, 1500);
    assert.deepEqual(await service.checkDraft(draft, {}), checkDraft(inProcess, draft));
    const local = serveLocally(createEngine(inProcess));
    for (const t of generateTyping(corpus, 10, 3)) {
      const text = `He said “${t.typed}`;
      assert.deepEqual(await service.complete(text, text.length), await local.complete(text, text.length));
    }
    // Cancelled: the worker stops between quotations and says so.
    const controller = new AbortController();
    const cancelled = service.checkDraft(draft.repeat(20), {}, controller.signal);
    controller.abort(); // the worker has the question already; the cancellation follows it
    await assert.rejects(cancelled, (err: Error) => err.name === 'AbortError');
    // The worker still answers after a cancellation.
    assert.equal((await service.search(generateTyping(corpus, 1, 5)[0]!.typed)).length > 0, true);
  } finally {
    worker.dispose();
  }
  const controller = new AbortController();
  const cancelled = buildIndexInWorker(files, workerScript, { signal: controller.signal });
  controller.abort();
  await assert.rejects(cancelled, (err: Error) => err.name === 'AbortError');
});

test('the worker saves its index, and a new worker answers from the saved bytes; bad bytes are refused with a reason', async () => {
  const { service, worker } = await buildIndexInWorker(files, workerScript);
  let saved: Uint8Array;
  try {
    saved = await worker.save('test-1');
  } finally {
    worker.dispose();
  }
  const second = startNodeWorker(workerScript);
  try {
    const opened = await second.open(saved.slice(), 'test-1');
    assert.equal(opened.service.quoteCount, service.quoteCount);
    assert.equal(opened.saved!.stamps.length, files.length);
    const draft = generateDraft(corpus, generatePassages(corpus, 30, 4), 10, 800);
    assert.deepEqual(await opened.service.checkDraft(draft, {}), checkDraft(inProcess, draft));
    const typed = `He said “${generateTyping(corpus, 1, 8)[0]!.typed}`;
    assert.deepEqual(await opened.service.complete(typed, typed.length), await serveLocally(createEngine(inProcess)).complete(typed, typed.length));
    // Another build of the engine, a truncated file, a flipped byte: refused, and the worker keeps its index.
    await assert.rejects(second.open(saved.slice(), 'test-2'), /saved index/);
    await assert.rejects(second.open(saved.slice(0, saved.length - 100), 'test-1'), /saved index/);
    const flipped = saved.slice();
    flipped[Math.floor(flipped.length / 2)]! ^= 0x40;
    await assert.rejects(second.open(flipped, 'test-1'), /saved index/);
    assert.equal((await opened.service.checkDraft(draft, {})).quotes.length > 0, true);
  } finally {
    second.dispose();
  }
});

test('the worker updates its index in place: an edited file replaces its old version, a deleted one leaves', async () => {
  const { service: before, worker } = await buildIndexInWorker(files, workerScript);
  try {
    const [first, second] = [files[0]!, files[1]!];
    const quote = inProcess.sources[0]!.source.quotes[0]!;
    const draft = `She said “${quote.text}”`;
    assert.equal((await before.checkDraft(draft, {})).quotes[0]!.verdict, 'exact');
    const changed = { path: first.path, text: first.text!.replace(quote.text, 'Words nobody said before this edit.') };
    const edited = await worker.update([changed], []);
    assert.equal((await edited.service.checkDraft(draft, {})).quotes[0]!.verdict === 'exact', false, 'the old words are gone');
    assert.equal(edited.service.sources.length, before.sources.length);
    assert.equal((await edited.service.checkDraft('She said “Words nobody said before this edit.”', {})).quotes[0]!.verdict, 'exact');
    const removed = await worker.update([], [second.path]);
    assert.equal(removed.service.sources.length, before.sources.length - 1);
    assert.ok(!removed.service.sources.some((s) => s.meta.path === second.path));
    const secondQuote = inProcess.sources[1]!.source.quotes[0]!;
    assert.equal((await removed.service.checkDraft(`She said “${secondQuote.text}”`, {})).quotes[0]!.match, null);
  } finally {
    worker.dispose();
  }
});

test('the benchmark runs at its smallest size and reports the contract’s shape', async () => {
  assert.ok(fs.existsSync(workerScript), 'dist/index-worker.js is missing: `npm run test:unit` builds it');
  const r = await benchSize(1_000, { runs: 1, workerScript, queries: 30 });
  assert.deepEqual(Object.keys(r), ['sentences', 'quotes', 'runs', 'ours', 'baseline', 'ratios']);
  assert.deepEqual(
    Object.keys(r.ours).sort(),
    [
      'accuracy',
      'buildMs',
      'completionP50Ms',
      'completionP95Ms',
      'completionP99Ms',
      'draftCheckMs',
      'indexMemoryMB',
      'loadMs',
      'savedIndexMB',
      'saveMs',
      'updateMs',
      'hostHeapMB',
      'editorLoadMs',
      'editorCompletionP95Ms',
      'editorCompletionP99Ms',
      'editorDraftCheckMs',
      'lookupP95Ms',
      'lookupP99Ms',
      'maxBlockingMs',
      'verifyP50Ms',
      'verifyP95Ms',
      'verifyP99Ms',
      'claimP95Ms',
      'claimP99Ms',
      'claimDraftMs',
      'claimDraftFirstMs',
    ].sort(),
  );
  assert.deepEqual(Object.keys(r.baseline).sort(), ['buildMs', 'completionP95Ms', 'completionP99Ms', 'draftCheckMs', 'sampled', 'verifyP95Ms', 'verifyP99Ms'].sort());
  assert.equal(r.runs, 1);
  assert.ok(typeof r.ours.loadMs === 'number' && r.ours.loadMs > 0 && r.ours.savedIndexMB > 0);
  assert.ok(r.ours.completionP99Ms >= r.ours.completionP95Ms);
  // The draft of claims: checked again and again as the writer types, and its first check in the process.
  assert.ok(r.ours.claimDraftMs > 0 && r.ours.claimDraftFirstMs > 0);
  // The editor's way was measured: the index in a worker, questions over the channel, one source updated there.
  assert.ok(typeof r.ours.updateMs === 'number' && r.ours.updateMs > 0);
  assert.ok(typeof r.ours.hostHeapMB === 'number');
  assert.ok(r.ours.editorCompletionP95Ms > 0 && r.ours.editorLoadMs > 0 && r.ours.editorDraftCheckMs > 0);
  assert.deepEqual(Object.keys(r.ratios).sort(), ['completionP95', 'draftCheck', 'verifyP95']);
  assert.equal(r.ours.accuracy.exactFound, 1);
  assert.equal(r.ours.accuracy.falseVerified, 0);
});
