// The benchmark: `npm run bench [-- --json] [-- --sizes 1k,100k,1m] [-- --runs N]`.
// Builds seeded corpora, then measures this project's engine next to plain fuse.js over all quotes and sentences
// (the obvious design) in the same run, and reports ratios (baseline ÷ ours). Never a pass/fail test: these
// machines are shared and noisy. Progress goes to stderr; with --json the last line is one JSON object.
import * as path from 'node:path';
import { monitorEventLoopDelay, performance } from 'node:perf_hooks';
import Fuse from 'fuse.js';
import { buildCatalogAsync, checkDraft, checkDraftAsync, completeQuotation, QuoteIndex, verifyQuotation, type Source } from '../unit/core-internals';
import { buildIndexInWorker } from '../../src/index-worker/node-client';
import { generateCorpus, generateDraft, generateLookups, generatePassages, generateTyping, type Corpus } from './corpus';
import { benchFormatLoad, generateFormatSources } from './formats-bench';
import { benchClaims } from './claims-bench';

export interface SizeResult {
  sentences: number;
  quotes: number;
  ours: {
    buildMs: number;
    loadMs: number | null;
    completionP50Ms: number;
    completionP95Ms: number;
    /** Mid-quote completion and keyword search (issue 13). */
    lookupP95Ms: number;
    verifyP50Ms: number;
    verifyP95Ms: number;
    draftCheckMs: number;
    maxBlockingMs: number;
    indexMemoryMB: number;
    accuracy: { exactFound: number; falseVerified: number };
  };
  baseline: { buildMs: number; completionP95Ms: number; verifyP95Ms: number; draftCheckMs: number; sampled: boolean };
  ratios: { completionP95: number; verifyP95: number; draftCheck: number };
}

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

/** Measures the longest stretch the calling thread was blocked while `work` ran. */
async function longestBlock(work: () => Promise<unknown>): Promise<number> {
  const h = monitorEventLoopDelay({ resolution: 1 });
  h.enable();
  await work();
  h.disable();
  return h.max / 1e6;
}

const sizeOf = (s: string) => Number(s.replace(/k$/i, '000').replace(/m$/i, '000000'));

export async function benchSize(sentences: number, options: { runs: number; workerScript: string; queries?: number }): Promise<SizeResult> {
  log(`\n== ${sentences.toLocaleString('en')} sentences: generating corpus`);
  const corpus: Corpus = generateCorpus(sentences);
  // Sources of every kind (web pages, transcripts, captions, PDFs) mixed in: one of each per 5,000 sentences.
  const files = [...corpus.files.map((f) => ({ path: f.path, text: f.text })), ...generateFormatSources(Math.max(1, Math.round(sentences / 5000)))];
  const passages = generatePassages(corpus, options.queries ?? 300);
  const typing = generateTyping(corpus, options.queries ?? 300);
  const draft = generateDraft(corpus, passages);

  // Ours: build (in-process, the CLI's way) several times; keep the last index.
  gc();
  const before = memoryMB();
  let index: QuoteIndex | null = null;
  let sources: Source[] = [];
  const builds: number[] = [];
  for (let r = 0; r < options.runs; r++) {
    index = null;
    sources = [];
    gc();
    const t = performance.now();
    const catalog = await buildCatalogAsync(files);
    const built = { sources: catalog.sources, index: new QuoteIndex(catalog.sources) };
    const ms = performance.now() - t;
    index = built.index;
    sources = built.sources;
    builds.push(ms);
  }
  gc();
  const indexMemoryMB = memoryMB() - before;
  log(`   build ${round(median(builds), 0)} ms, index memory ${round(indexMemoryMB, 0)} MB`);

  // The editor's way: build in a worker and check a draft in slices; the longest blocking stretch of this thread.
  const blockBuild = await longestBlock(() => buildIndexInWorker(files, options.workerScript).then((built) => built.worker.dispose()));
  const blockCheck = await longestBlock(() => checkDraftAsync(index!, draft, {}, { yieldToHost: () => new Promise((r) => setImmediate(r)) }));
  log(`   longest blocking: ${round(blockBuild, 1)} ms while building in a worker, ${round(blockCheck, 1)} ms while checking a draft`);

  const completion = typing.map((t) => {
    const text = `Somebody said “${t.typed}`;
    return time(() => completeQuotation(index!, text, text.length, 20))[1];
  });
  // Look-ups by words from anywhere in a quote: a fragment typed after an opening mark, or keywords searched for.
  let lookupTop3 = 0;
  const lookupList = generateLookups(corpus, options.queries ?? 300);
  const lookup = lookupList.map((l) => {
    if (l.kind === 'fragment') {
      const text = `Somebody said “${l.text}`;
      const [c, ms] = time(() => completeQuotation(index!, text, text.length, 20));
      if (c?.suggestions.slice(0, 3).some((s) => s.quote.text === l.quote)) lookupTop3++;
      return ms;
    }
    const [found, ms] = time(() => index!.search(l.text, { limit: 20 }));
    if (found.slice(0, 3).some((m) => m.quote.text === l.quote)) lookupTop3++;
    return ms;
  });
  const verify: number[] = [];
  let exact = 0;
  let exactFound = 0;
  let falseVerified = 0;
  for (const p of passages) {
    const [v, ms] = time(() => verifyQuotation(index!, p.text, { start: 0, end: p.text.length }));
    verify.push(ms);
    if (p.kind === 'exact') {
      exact++;
      if (v.verdict === 'exact') exactFound++;
    }
    if ((p.kind === 'altered' || p.kind === 'absent') && ['exact', 'fragment', 'elided'].includes(v.verdict)) falseVerified++;
  }
  const checks: number[] = [];
  for (let r = 0; r < Math.max(3, options.runs); r++) checks.push(time(() => checkDraft(index!, draft))[1]);
  log(
    `   look-up (mid-quote completion, keyword search) p95 ${round(percentile(lookup, 95))} ms, intended quote in the top 3: ${round((100 * lookupTop3) / Math.max(1, lookupList.length), 1)}%`,
  );
  log(`   completion p95 ${round(percentile(completion, 95))} ms, verify p95 ${round(percentile(verify, 95))} ms, draft check ${round(median(checks), 1)} ms`);

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

  const ours = {
    buildMs: round(median(builds), 1),
    loadMs: null,
    completionP50Ms: round(percentile(completion, 50), 3),
    completionP95Ms: round(percentile(completion, 95), 3),
    lookupP95Ms: round(percentile(lookup, 95), 3),
    verifyP50Ms: round(percentile(verify, 50), 3),
    verifyP95Ms: round(percentile(verify, 95), 3),
    draftCheckMs: round(median(checks), 2),
    maxBlockingMs: round(Math.max(blockBuild, blockCheck), 1),
    indexMemoryMB: round(indexMemoryMB, 1),
    accuracy: { exactFound: round(exact ? exactFound / exact : 1, 4), falseVerified },
    ...(({ claimP95Ms, claimDraftMs }) => ({ claimP95Ms, claimDraftMs }))(benchClaims(index!, options.queries ?? 300)),
  };
  const baseline = {
    buildMs: round(fuseBuildMs, 1),
    completionP95Ms: round(percentile(baseCompletion, 95), 3),
    verifyP95Ms: round(percentile(baseVerify, 95), 3),
    draftCheckMs: round(baseDraft, 1),
    sampled,
  };
  return {
    sentences: corpus.sentences,
    quotes: corpus.quotes.length,
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
    ['completion p95 (ms)', (r) => `${r.ours.completionP95Ms} vs ${r.baseline.completionP95Ms} (×${r.ratios.completionP95})`],
    ['look-up by words from anywhere in a quote p95 (ms)', (r) => `${r.ours.lookupP95Ms}`],
    ['one passage verified p95 (ms)', (r) => `${r.ours.verifyP95Ms} vs ${r.baseline.verifyP95Ms} (×${r.ratios.verifyP95})`],
    ['5,000-word draft, 50 quotes (ms)', (r) => `${r.ours.draftCheckMs} vs ${r.baseline.draftCheckMs} (×${r.ratios.draftCheck})`],
    ['longest blocking stretch (ms)', (r) => `${r.ours.maxBlockingMs}`],
    ['index build (ms)', (r) => `${r.ours.buildMs} vs fuse.js ${r.baseline.buildMs}`],
    ['memory added by the index (MB)', (r) => `${r.ours.indexMemoryMB}`],
    ['exact passages found / altered or absent verified', (r) => `${r.ours.accuracy.exactFound * 100}% / ${r.ours.accuracy.falseVerified}`],
  ];
  const head = `| ours vs plain fuse.js | ${results.map((r) => `${r.sentences.toLocaleString('en')} sentences${r.baseline.sampled ? ' (fuse.js sampled)' : ''}`).join(' | ')} |`;
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
  for (const n of sizes) results.push(await benchSize(n, { runs: n >= 1_000_000 ? 1 : runs, workerScript }));
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
