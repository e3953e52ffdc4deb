// The benchmark: `npm run bench [-- --json] [-- --sizes 1k,100k,1m] [-- --runs N]`.
// Builds seeded corpora, then measures this project's engine next to plain fuse.js over all quotes and sentences
// (the obvious design) in the same run, and reports ratios (baseline ÷ ours). Never a pass/fail test: these
// machines are shared and noisy, so each size is measured --runs times (default 3) and each figure of ours is the
// median of the runs. Progress goes to stderr; with --json the last line is one JSON object.
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { monitorEventLoopDelay, performance } from 'node:perf_hooks';
import Fuse from 'fuse.js';
import { buildCatalogAsync, checkDraft, completeQuotation, createEngine, QuoteIndex, verifyQuotation, type Source, type SourceFile } from '../unit/core-internals';
import { contentHash, decodeSavedIndex, encodeSavedIndex, indexOfSaved } from '../../src/core/corpus/saved-index';
import { buildIndexInWorker, startNodeWorker } from '../../src/index-worker/node-client';
import { generateCorpus, generateDraft, generateLookups, generatePassages, generateTyping, type Corpus } from './corpus';
import { benchFormatLoad, generateFormatSources } from './formats-bench';
import { benchClaims } from './claims-bench';

export interface SizeResult {
  sentences: number;
  quotes: number;
  /** How many times each figure of `ours` was measured; each is the median of those runs. */
  runs: number;
  ours: {
    buildMs: number;
    /** From the bytes of a saved index in memory to an engine that has answered one completion. */
    loadMs: number | null;
    /** The saved index's size, and the time to encode it. */
    savedIndexMB: number;
    saveMs: number;
    /** One source changed: the worker indexes it alone and answers from the updated index. */
    updateMs: number | null;
    /** The editor's way: a saved index opened in a new worker, until it has answered one completion. */
    editorLoadMs: number;
    /** The editor's way: completion asked of the worker that holds the index, round trip included. */
    editorCompletionP95Ms: number;
    editorCompletionP99Ms: number;
    /** The editor's way: the 5,000-word draft checked by the worker, one quotation at a time. */
    editorDraftCheckMs: number;
    completionP50Ms: number;
    completionP95Ms: number;
    completionP99Ms: number;
    /** Mid-quote completion and keyword search (issue 13). */
    lookupP95Ms: number;
    lookupP99Ms: number;
    verifyP50Ms: number;
    verifyP95Ms: number;
    verifyP99Ms: number;
    draftCheckMs: number;
    maxBlockingMs: number;
    /** Measured in the first run (see medianOfRuns). */
    indexMemoryMB: number;
    /** Heap added on the editor's thread while the worker holds the index (the sources' names, the client). */
    hostHeapMB: number | null;
    /** The worst of the runs (they are deterministic, so all agree unless something is wrong). */
    accuracy: { exactFound: number; falseVerified: number };
    claimP95Ms: number;
    claimP99Ms: number;
    claimDraftMs: number;
    claimDraftFirstMs: number;
  };
  /** Plain fuse.js, measured once per size (its own run is already sampled against a one-minute budget). */
  baseline: { buildMs: number; completionP95Ms: number; completionP99Ms: number; verifyP95Ms: number; verifyP99Ms: number; draftCheckMs: number; sampled: boolean };
  ratios: { completionP95: number; verifyP95: number; draftCheck: number };
}

type Ours = SizeResult['ours'];

const log = (s: string) => process.stderr.write(`${s}\n`);
const round = (n: number, d = 2) => Math.round(n * 10 ** d) / 10 ** d;

function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? 0;
}

function median(values: number[]): number {
  return percentile(values, 50);
}

function time<T>(fn: () => T): [T, number] {
  const t = performance.now();
  const r = fn();
  return [r, performance.now() - t];
}

function gc(): void {
  (globalThis as { gc?: () => void }).gc?.();
}

function memoryMB(): number {
  const m = process.memoryUsage();
  return (m.heapUsed + m.arrayBuffers) / 1048576;
}

const sizeOf = (s: string) => Number(s.replace(/k$/i, '000').replace(/m$/i, '000000'));

interface Workload {
  files: SourceFile[];
  passages: ReturnType<typeof generatePassages>;
  typing: ReturnType<typeof generateTyping>;
  lookups: ReturnType<typeof generateLookups>;
  draft: string;
  queries: number;
}

/** One run of every figure of ours. The index is returned so that the baseline can read the same sources. */
async function measureOurs(
  w: Workload,
  workerScript: string,
  runNo: number,
): Promise<{ ours: Omit<Ours, 'accuracy'> & { accuracy: Ours['accuracy'] }; sources: Source[]; index: QuoteIndex }> {
  const editor = await measureEditor(w, workerScript, runNo);

  // Build in-process, the CLI's way.
  gc();
  const before = memoryMB();
  const t = performance.now();
  const catalog = await buildCatalogAsync(w.files);
  const index = new QuoteIndex(catalog.sources);
  const buildMs = performance.now() - t;
  gc();
  const indexMemoryMB = memoryMB() - before;

  // Save, then load from the bytes in memory (as a host does after reading the file) to the first completion.
  const stamps = w.files.map((f) => ({ path: f.path, size: f.text?.length ?? 0, mtime: 0, hash: contentHash(new TextEncoder().encode(f.text ?? '')) }));
  const [saved, saveMs] = time(() => encodeSavedIndex({ sources: catalog.sources, parts: index.parts, stamps, engineVersion: 'bench' }));
  let bytes: Uint8Array = saved;
  const savedIndexMB = bytes.length / 1048576;
  const first = w.typing[0]!;
  const typed = `Somebody said “${first.typed}`;
  gc();
  const [loaded, loadMs] = time(() => {
    const decoded = decodeSavedIndex(bytes, { engineVersion: 'bench' });
    if (!decoded.ok) throw new Error(`the saved index ${decoded.reason}`);
    const engine = createEngine(indexOfSaved(decoded));
    return engine.complete(typed, typed.length, { limit: 20 });
  });
  const expected = completeQuotation(index, typed, typed.length, 20);
  if (JSON.stringify(loaded?.suggestions.map((s) => s.text)) !== JSON.stringify(expected?.suggestions.map((s) => s.text))) {
    throw new Error('the index loaded from its saved bytes answers differently from the index it was saved from');
  }
  bytes = new Uint8Array(0);
  log(
    `   run ${runNo}: build ${round(buildMs, 0)} ms, index memory ${round(indexMemoryMB, 0)} MB; saved index ${round(savedIndexMB, 1)} MB in ${round(saveMs, 0)} ms, loaded and answering in ${round(loadMs, 0)} ms`,
  );

  const completion = w.typing.map((t) => {
    const text = `Somebody said “${t.typed}`;
    return time(() => completeQuotation(index, text, text.length, 20))[1];
  });
  // Look-ups by words from anywhere in a quote: a fragment typed after an opening mark, or keywords searched for.
  let lookupTop3 = 0;
  const lookup = w.lookups.map((l) => {
    if (l.kind === 'fragment') {
      const text = `Somebody said “${l.text}`;
      const [c, ms] = time(() => completeQuotation(index, text, text.length, 20));
      if (c?.suggestions.slice(0, 3).some((s) => s.quote.text === l.quote)) lookupTop3++;
      return ms;
    }
    const [found, ms] = time(() => index.search(l.text, { limit: 20 }));
    if (found.slice(0, 3).some((m) => m.quote.text === l.quote)) lookupTop3++;
    return ms;
  });
  const verify: number[] = [];
  let exact = 0;
  let exactFound = 0;
  let falseVerified = 0;
  for (const p of w.passages) {
    const [v, ms] = time(() => verifyQuotation(index, p.text, { start: 0, end: p.text.length }));
    verify.push(ms);
    if (p.kind === 'exact') {
      exact++;
      if (v.verdict === 'exact') exactFound++;
    }
    if ((p.kind === 'altered' || p.kind === 'absent') && ['exact', 'fragment', 'elided'].includes(v.verdict)) falseVerified++;
  }
  const checks: number[] = [];
  for (let r = 0; r < 3; r++) checks.push(time(() => checkDraft(index, w.draft))[1]);
  const claims = benchClaims(index, w.queries);
  log(
    `   run ${runNo}: completion p95/p99 ${round(percentile(completion, 95))}/${round(percentile(completion, 99))} ms, look-up p95 ${round(percentile(lookup, 95))} ms (intended quote in the top 3: ${round((100 * lookupTop3) / Math.max(1, w.lookups.length), 1)}%), verify p95 ${round(percentile(verify, 95))} ms, draft check ${round(median(checks), 1)} ms`,
  );
  return {
    ours: {
      buildMs: buildMs,
      loadMs,
      savedIndexMB,
      saveMs,
      updateMs: editor.updateMs,
      editorLoadMs: editor.loadMs,
      editorCompletionP95Ms: editor.completionP95Ms,
      editorCompletionP99Ms: editor.completionP99Ms,
      editorDraftCheckMs: editor.draftCheckMs,
      completionP50Ms: percentile(completion, 50),
      completionP95Ms: percentile(completion, 95),
      completionP99Ms: percentile(completion, 99),
      lookupP95Ms: percentile(lookup, 95),
      lookupP99Ms: percentile(lookup, 99),
      verifyP50Ms: percentile(verify, 50),
      verifyP95Ms: percentile(verify, 95),
      verifyP99Ms: percentile(verify, 99),
      draftCheckMs: median(checks),
      maxBlockingMs: editor.maxBlockingMs,
      indexMemoryMB,
      hostHeapMB: editor.hostHeapMB,
      accuracy: { exactFound: exact ? exactFound / exact : 1, falseVerified },
      claimP95Ms: claims.claimP95Ms,
      claimP99Ms: claims.claimP99Ms,
      claimDraftMs: claims.claimDraftMs,
      claimDraftFirstMs: claims.claimDraftFirstMs,
    },
    sources: catalog.sources,
    index,
  };
}

async function timeAsync<T>(fn: () => Promise<T>): Promise<[T, number]> {
  const t = performance.now();
  const r = await fn();
  return [r, performance.now() - t];
}

/**
 * The editor's way, measured on this thread as the extension host would see it: the index built in and held by a
 * worker, every question a round trip to it. The longest blocking stretch of this thread covers all of it (the
 * build, the questions, the draft check, the updates, the saving and the loading), garbage collection included.
 */
async function measureEditor(w: Workload, workerScript: string, runNo: number) {
  // The extension reads sources as bytes (off the heap) and hands them over; so does this.
  const encoder = new TextEncoder();
  const files: SourceFile[] = w.files.map((f) => (f.text !== undefined ? { path: f.path, bytes: encoder.encode(f.text) } : f));
  const stamps = files.map((f) => ({ path: f.path, size: f.bytes?.length ?? 0, mtime: 0 }));
  gc();
  const heapBefore = process.memoryUsage().heapUsed;
  // The longest blocking stretch of this thread in each phase.
  const blocking: Record<string, number> = {};
  const phase = async <T>(name: string, work: () => Promise<T>): Promise<T> => {
    const delay = monitorEventLoopDelay({ resolution: 1 });
    delay.enable();
    try {
      return await work();
    } finally {
      delay.disable();
      blocking[name] = delay.max / 1e6;
    }
  };
  const built = await phase('build', () => buildIndexInWorker(files, workerScript, { stamps }));
  const { worker } = built;
  let service = built.service;
  const completion: number[] = [];
  await phase('completions', async () => {
    for (const t of w.typing) {
      const text = `Somebody said “${t.typed}`;
      completion.push((await timeAsync(() => service.complete(text, text.length, { limit: 20 })))[1]);
    }
  });
  const [, draftCheckMs] = await phase('draft', () => timeAsync(() => service.checkDraft(w.draft, {})));
  // One source edited (a sentence added to its first paragraph), three times: the worker indexes only that file.
  const updates: number[] = [];
  await phase('updates', async () => {
    for (let k = 0; k < 3; k++) {
      const f = w.files[(k * 7) % w.files.length]!;
      if (f.text === undefined) continue;
      const edited = { path: f.path, bytes: encoder.encode(f.text.replace(/\.(\s)/, `. An editor added this sentence, number ${k + 1}.$1`)) };
      const [result, ms] = await timeAsync(() => worker.update([edited], []));
      service = result.service;
      updates.push(ms);
    }
  });
  // Measured outside the phases: the forced collection blocks this thread by itself.
  gc();
  const hostHeapMB = (process.memoryUsage().heapUsed - heapBefore) / 1048576;
  const typed = `Somebody said “${w.typing[0]!.typed}`;
  // The Node worker writes and reads the file itself, as in the desktop extension.
  const file = path.join(os.tmpdir(), `verbatim-bench-${process.pid}.vbi`);
  await phase('save', () => worker.save('bench', file));
  worker.dispose();
  const loadMs = await phase('load', async () => {
    // The extension starts its worker while it reads the saved file; the worker's own start (loading its script)
    // is not part of loading the index, so it has answered a first (empty) question before the clock starts.
    const second = startNodeWorker(workerScript);
    await second.call('quotes', [{ limit: 1 }]);
    const [, ms] = await timeAsync(async () => (await second.open({ path: file }, 'bench')).service.complete(typed, typed.length, { limit: 20 }));
    second.dispose();
    fs.rmSync(file, { force: true });
    return ms;
  });
  const out = {
    hostHeapMB,
    updateMs: updates.length ? median(updates) : null,
    loadMs,
    completionP95Ms: percentile(completion, 95),
    completionP99Ms: percentile(completion, 99),
    draftCheckMs,
    maxBlockingMs: Math.max(...Object.values(blocking)),
  };
  log(
    `   run ${runNo}, the editor's way: completion p95/p99 ${round(out.completionP95Ms)}/${round(out.completionP99Ms)} ms with the round trip, draft ${round(draftCheckMs, 0)} ms, one source updated in ${round(out.updateMs ?? 0, 0)} ms, loaded in a new worker and answering in ${round(loadMs, 0)} ms, editor heap +${round(hostHeapMB, 1)} MB; longest blocking ${Object.entries(
      blocking,
    )
      .map(([name, ms]) => `${name} ${round(ms, 1)}`)
      .join(', ')} ms`,
  );
  return out;
}

/** Each figure the median of the runs (null stays null); accuracy the worst run's; memory the first run's. */
function medianOfRuns(runs: readonly Ours[]): Ours {
  const digits: Partial<Record<keyof Ours, number>> = { buildMs: 1, loadMs: 1, savedIndexMB: 1, saveMs: 1, draftCheckMs: 2, maxBlockingMs: 1, indexMemoryMB: 1 };
  const out = {} as Record<string, unknown>;
  for (const key of Object.keys(runs[0]!) as (keyof Ours)[]) {
    if (key === 'accuracy') continue;
    const values = runs.map((r) => r[key]).filter((v): v is number => typeof v === 'number');
    out[key] = values.length === 0 ? null : round(median(values), digits[key] ?? 3);
  }
  // Memory from the first run only: later runs start while the previous run's worker hand-over is still being
  // released, which makes their difference too small (0.2 MB at 1k, 265 MB at 1M, against 14 and 680 MB).
  out.indexMemoryMB = round(runs[0]!.indexMemoryMB, 1);
  out.accuracy = {
    exactFound: round(Math.min(...runs.map((r) => r.accuracy.exactFound)), 4),
    falseVerified: Math.max(...runs.map((r) => r.accuracy.falseVerified)),
  };
  return out as unknown as Ours;
}

export async function benchSize(sentences: number, options: { runs: number; workerScript: string; queries?: number }): Promise<SizeResult> {
  log(`\n== ${sentences.toLocaleString('en')} sentences: generating corpus`);
  // The generator's corpus is let go once the workload is made: the editor's thread holds no corpus either, and a
  // heap full of it would make this thread's own garbage collections look like the index's.
  let corpus: Corpus | null = generateCorpus(sentences);
  const queries = options.queries ?? 300;
  // Sources of every kind (web pages, transcripts, captions, PDFs) mixed in: one of each per 5,000 sentences.
  const files = [...corpus.files.map((f) => ({ path: f.path, text: f.text })), ...generateFormatSources(Math.max(1, Math.round(sentences / 5000)))];
  const passages = generatePassages(corpus, queries);
  const typing = generateTyping(corpus, queries);
  const draft = generateDraft(corpus, passages);
  const workload: Workload = { files, passages, typing, lookups: generateLookups(corpus, queries), draft, queries };
  const counts = { sentences: corpus.sentences, quotes: corpus.quotes.length };
  corpus = null;

  const runs: Ours[] = [];
  let last: { sources: Source[]; index: QuoteIndex } | null = null;
  for (let r = 1; r <= Math.max(1, options.runs); r++) {
    last = null; // let the previous run's index go before this one is built and measured
    const run = await measureOurs(workload, options.workerScript, r);
    runs.push(run.ours);
    last = run;
  }
  const ours = medianOfRuns(runs);
  const { sources } = last!;

  // Baseline: plain fuse.js over every quote and sentence, in this run.
  const records = sources.flatMap((s) => [
    ...s.quotes.map((q) => ({ text: q.text })),
    ...s.paragraphs.filter((p) => !p.heading).flatMap((p) => sentencesOf(p.text).map((text) => ({ text }))),
  ]);
  const [fuse, fuseBuildMs] = time(() => new Fuse(records, { keys: ['text'], includeScore: true, ignoreLocation: true, threshold: 0.4 }));
  // Sample when the full run would take more than about a minute (at least one query of each kind is timed).
  const budget = 60_000;
  const [, probeCompletion] = time(() => fuse.search(typing[0]!.typed, { limit: 20 }));
  const [, probeVerify] = time(() => fuse.search(passages[0]!.text, { limit: 5 }));
  const nCompletion = Math.max(1, Math.min(typing.length, Math.floor(budget / 3 / Math.max(probeCompletion, 0.01))));
  const nVerify = Math.max(1, Math.min(passages.length, Math.floor(budget / 3 / Math.max(probeVerify, 0.01))));
  const sampled = nCompletion < typing.length || nVerify < passages.length;
  const baseCompletion = nCompletion === 1 ? [probeCompletion] : typing.slice(0, nCompletion).map((t) => time(() => fuse.search(t.typed, { limit: 20 }))[1]);
  const baseVerify = nVerify === 1 ? [probeVerify] : passages.slice(0, nVerify).map((p) => time(() => fuse.search(p.text, { limit: 5 }))[1]);
  const quotesInDraft = 50;
  const baseDraft = sampled ? median(baseVerify) * quotesInDraft : time(() => passages.slice(0, quotesInDraft).forEach((p) => fuse.search(p.text, { limit: 5 })))[1];
  log(
    `   fuse.js: build ${round(fuseBuildMs, 0)} ms, completion p95 ${round(percentile(baseCompletion, 95), 1)} ms, verify p95 ${round(percentile(baseVerify, 95), 1)} ms${sampled ? ' (sampled)' : ''}`,
  );
  log(
    `   median of ${runs.length} run${runs.length === 1 ? '' : 's'}: load ${ours.loadMs} ms (${ours.savedIndexMB} MB), completion p95/p99 ${ours.completionP95Ms}/${ours.completionP99Ms} ms, verify p95/p99 ${ours.verifyP95Ms}/${ours.verifyP99Ms} ms`,
  );

  const baseline = {
    buildMs: round(fuseBuildMs, 1),
    completionP95Ms: round(percentile(baseCompletion, 95), 3),
    completionP99Ms: round(percentile(baseCompletion, 99), 3),
    verifyP95Ms: round(percentile(baseVerify, 95), 3),
    verifyP99Ms: round(percentile(baseVerify, 99), 3),
    draftCheckMs: round(baseDraft, 1),
    sampled,
  };
  return {
    sentences: counts.sentences,
    quotes: counts.quotes,
    runs: runs.length,
    ours,
    baseline,
    ratios: {
      completionP95: round(baseline.completionP95Ms / Math.max(ours.completionP95Ms, 0.001), 1),
      verifyP95: round(baseline.verifyP95Ms / Math.max(ours.verifyP95Ms, 0.001), 1),
      draftCheck: round(baseline.draftCheckMs / Math.max(ours.draftCheckMs, 0.001), 1),
    },
  };
}

const segmenter = new Intl.Segmenter('en', { granularity: 'sentence' });
function sentencesOf(text: string): string[] {
  return [...segmenter.segment(text)].map((s) => s.segment.trim()).filter(Boolean);
}

function table(results: SizeResult[]): string {
  const rows: [string, (r: SizeResult) => string][] = [
    [
      'completion p95 / p99 (ms)',
      (r) => `${r.ours.completionP95Ms} / ${r.ours.completionP99Ms} vs ${r.baseline.completionP95Ms} / ${r.baseline.completionP99Ms} (×${r.ratios.completionP95})`,
    ],
    ["completion in the editor, asked of the index's worker, p95 / p99 (ms)", (r) => `${r.ours.editorCompletionP95Ms} / ${r.ours.editorCompletionP99Ms}`],
    ['look-up by words from anywhere in a quote p95 / p99 (ms)', (r) => `${r.ours.lookupP95Ms} / ${r.ours.lookupP99Ms}`],
    [
      'one passage verified p95 / p99 (ms)',
      (r) => `${r.ours.verifyP95Ms} / ${r.ours.verifyP99Ms} vs ${r.baseline.verifyP95Ms} / ${r.baseline.verifyP99Ms} (×${r.ratios.verifyP95})`,
    ],
    ['one claim checked p95 / p99 (ms)', (r) => `${r.ours.claimP95Ms} / ${r.ours.claimP99Ms}`],
    ['5,000-word draft of claims, checked again as the writer types (the first check in the process) (ms)', (r) => `${r.ours.claimDraftMs} (${r.ours.claimDraftFirstMs})`],
    ['ready from a saved index: here / in a new worker (ms; its size)', (r) => `${r.ours.loadMs} / ${r.ours.editorLoadMs} (${r.ours.savedIndexMB} MB)`],
    ['one source updated, in the worker (ms)', (r) => `${r.ours.updateMs ?? '–'}`],
    ['5,000-word draft, 50 quotes (ms)', (r) => `${r.ours.draftCheckMs} vs ${r.baseline.draftCheckMs} (×${r.ratios.draftCheck})`],
    ['5,000-word draft checked by the worker, one quotation at a time (ms)', (r) => `${r.ours.editorDraftCheckMs}`],
    ["longest blocking stretch of the editor's thread, all of the editor's way (ms)", (r) => `${r.ours.maxBlockingMs}`],
    ['index build (ms)', (r) => `${r.ours.buildMs} vs fuse.js ${r.baseline.buildMs}`],
    ['memory added by the index (MB)', (r) => `${r.ours.indexMemoryMB}`],
    ["heap added on the editor's thread (MB)", (r) => `${r.ours.hostHeapMB ?? '–'}`],
    ['exact passages found / altered or absent verified', (r) => `${r.ours.accuracy.exactFound * 100}% / ${r.ours.accuracy.falseVerified}`],
  ];
  const head = `| ours (median of runs) vs plain fuse.js | ${results.map((r) => `${r.sentences.toLocaleString('en')} sentences${r.baseline.sampled ? ' (fuse.js sampled)' : ''}`).join(' | ')} |`;
  const sep = `| --- | ${results.map(() => '---').join(' | ')} |`;
  return [head, sep, ...rows.map(([name, f]) => `| ${name} | ${results.map(f).join(' | ')} |`)].join('\n');
}

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  const json = args.includes('--json');
  const sizesArg = args[args.indexOf('--sizes') + 1];
  const sizes = (args.includes('--sizes') && sizesArg ? sizesArg : '1k,100k,1m').split(',').map(sizeOf);
  const runsArg = args[args.indexOf('--runs') + 1];
  const runs = args.includes('--runs') && runsArg ? Number(runsArg) : 3;
  const workerScript = path.resolve(__dirname, '..', '..', '..', 'dist', 'index-worker.js');
  const results: SizeResult[] = [];
  if (!(Number.isInteger(runs) && runs >= 1)) throw new Error(`--runs must be a whole number of at least 1, not ${runsArg}`);
  for (const n of sizes) results.push(await benchSize(n, { runs, workerScript }));
  const formats = await benchFormatLoad(20);
  log(
    `\nloading: a ${formats.htmlKBPerFile} KB web page ${formats.htmlMsPerFile} ms, a ${formats.pdfPagesPerFile}-page PDF ${formats.pdfMsPerFile} ms (the first PDF, loading PDF.js, ${formats.pdfFirstMs} ms)`,
  );
  process.stdout.write(`\n${table(results)}\n`);
  if (json) process.stdout.write(`${JSON.stringify({ sizes: results, formats })}\n`);
}

if (require.main === module) {
  main().catch((err) => {
    process.stderr.write(`bench: ${err.message}\n`);
    process.exit(1);
  });
}
