// The saved index (src/core/corpus/saved-index.ts, src/core/saved-engine.ts, `verbatim index`): a round trip gives
// the same answers, and every kind of damage or staleness is refused with a reason, never trusted in part.
import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { spawn } from 'node:child_process';
import { checkDraft, completeQuotation, createEngine, QuoteIndex, buildCatalogAsync, type Source, type SourceReader, type SourceStat } from './core-internals';
import {
  checksum,
  contentHash,
  decodeSavedIndex,
  encodeSavedIndex,
  indexOfSaved,
  restoreSourcesGradually,
  staleSources,
  SAVED_INDEX_FORMAT,
  type SourceStamp,
} from '../../src/core/corpus/saved-index';
import { buildSavedIndex, openSavedIndex } from '../../src/core/saved-engine';
import { builtinFile, fixture, repoRoot } from './helpers';
import { generateCorpus } from '../bench/corpus';
import { run } from '../../src/cli/main';

const VERSION = { engineVersion: 'test-1' };

async function fixtureSources(): Promise<Source[]> {
  const files = [
    builtinFile(),
    ...['grain-talks.txt', 'harbour-strike.md', 'utf16-library.txt'].map((f) => ({ path: f, bytes: fs.readFileSync(fixture('sources', f)) })),
    ...['briefing.vtt', 'interview-transcript.txt', 'press-release.pdf'].map((f) => ({ path: f, bytes: fs.readFileSync(fixture('formats', f)) })),
  ];
  const catalog = await buildCatalogAsync(files);
  assert.deepEqual(catalog.problems, []);
  return catalog.sources;
}

let saved: { sources: Source[]; index: QuoteIndex; bytes: Uint8Array } | null = null;
async function savedFixture() {
  if (saved) return saved;
  const sources = await fixtureSources();
  const index = new QuoteIndex(sources);
  const stamps: SourceStamp[] = sources.map((s, k) => ({
    path: s.meta.path ?? `s${k}`,
    size: s.text.length,
    mtime: 1000 + k,
    hash: contentHash(new TextEncoder().encode(s.text)),
  }));
  return (saved = { sources, index, bytes: encodeSavedIndex({ sources, parts: index.parts, stamps, ...VERSION, problems: [{ path: 'bad.md', reason: 'is empty' }] }) });
}

const DRAFTS = [
  fs.readFileSync(path.join(repoRoot, 'examples', 'draft.md'), 'utf8'),
  '“We were able to win the following concession,” Zelensky said. Witkoff called it “game-changing.”\n',
  'The minister said the talks were “a step toward a fair deal for growers”, and “nothing was agreed.”\n',
];

test('a saved index decodes to the same sources, arrays and answers as the index it was made from', async () => {
  const { sources, index, bytes } = await savedFixture();
  const decoded = decodeSavedIndex(bytes, VERSION);
  assert.ok(decoded.ok, decoded.ok ? '' : decoded.reason);
  assert.equal(decoded.sources.length, sources.length);
  // Sources compare equal field by field (restored lazily, on first access), PDF pages and caption times included.
  assert.deepEqual(JSON.parse(JSON.stringify(decoded.sources)), JSON.parse(JSON.stringify(sources)));
  assert.ok(sources.some((s) => s.quotes.some((q) => q.locator)));
  for (const key of Object.keys(index.parts) as (keyof typeof index.parts)[]) assert.deepEqual(decoded.parts[key], index.parts[key], key);
  assert.deepEqual(decoded.problems, [{ path: 'bad.md', reason: 'is empty' }]);
  assert.equal(decoded.stamps.length, sources.length);

  const restored = indexOfSaved(decoded);
  assert.deepEqual(restored.speakerNames(), index.speakerNames());
  const a = createEngine(index);
  const b = createEngine(restored);
  assert.deepEqual(b.quotes(), a.quotes());
  for (const draft of DRAFTS) assert.deepEqual(checkDraft(restored, draft), checkDraft(index, draft));
  for (const typed of ['We were able', 'there are no det', 'Article 5', '']) {
    const text = `Someone said “${typed}`;
    assert.deepEqual(completeQuotation(restored, text, text.length, 20), completeQuotation(index, text, text.length, 20), typed);
  }
  assert.deepEqual(b.search('security guarantees Ukraine'), a.search('security guarantees Ukraine'));
});

test('a source is restored only when first used, and then reads like a plain object', async () => {
  const { bytes } = await savedFixture();
  const decoded = decodeSavedIndex(bytes, VERSION);
  assert.ok(decoded.ok);
  const s = decoded.sources[1]!;
  assert.equal(typeof Object.getOwnPropertyDescriptor(s, 'quotes')?.get, 'function');
  assert.ok(s.quotes.length > 0);
  assert.equal(Object.getOwnPropertyDescriptor(s, 'quotes')?.get, undefined, 'restored into plain data properties');
  assert.equal(typeof Object.getOwnPropertyDescriptor(decoded.sources[2]!, 'quotes')?.get, 'function', 'another source is still not restored');
  const copy = { ...decoded.sources[3]! };
  assert.equal(copy.text, decoded.sources[3]!.text);
});

test('sources can be restored gradually in the background, yielding between slices, and stopped', async () => {
  const { bytes } = await savedFixture();
  const lazy = (s: object) => typeof Object.getOwnPropertyDescriptor(s, 'text')?.get === 'function';
  const first = decodeSavedIndex(bytes, VERSION);
  assert.ok(first.ok);
  let yields = 0;
  await restoreSourcesGradually(first.sources, async () => void yields++, { sliceMs: 0 });
  assert.equal(first.sources.filter(lazy).length, 0);
  assert.ok(yields >= first.sources.length - 1);
  const second = decodeSavedIndex(bytes, VERSION);
  assert.ok(second.ok);
  const stop = new AbortController();
  await restoreSourcesGradually(second.sources, async () => stop.abort(), { sliceMs: 0, signal: stop.signal });
  assert.equal(second.sources.filter(lazy).length, second.sources.length - 1);
});

test('loading restores no source: the quote count and the speakers come from the file; answers restore what they read', async () => {
  const corpus = generateCorpus(2_000);
  const sources = (await buildCatalogAsync(corpus.files.map((f) => ({ path: f.path, text: f.text })))).sources;
  const bytes = encodeSavedIndex({ sources, parts: new QuoteIndex(sources).parts, stamps: [], ...VERSION });
  const decoded = decodeSavedIndex(bytes, VERSION);
  assert.ok(decoded.ok);
  const restored = () => decoded.sources.filter((s) => typeof Object.getOwnPropertyDescriptor(s, 'text')?.get !== 'function').length;
  const index = indexOfSaved(decoded);
  const engine = createEngine(index);
  assert.equal(engine.quoteCount, corpus.quotes.length);
  assert.equal(index.speakerNames().length, new Set(corpus.quotes.map((q) => q.speaker)).size);
  assert.ok(engine.sources.length > 0 && engine.sources.every((s) => s.meta.id !== ''));
  assert.equal(restored(), 0, 'nothing is restored to load');
  // Completions read the few hundred best quotes at most (measured: ~200 of 400 sources at 20k sentences, and a
  // first completion in 50–70 ms at 1M), whatever the corpus's size.
  const quote = corpus.quotes[7]!.text;
  const typed = `He said “${quote.split(' ').slice(0, 4).join(' ')}`;
  assert.ok(engine.complete(typed, typed.length)!.suggestions.some((s) => s.quote.text.startsWith(quote.slice(0, 20))));
  assert.equal(engine.checkDraft(`“${quote}” she said.`).quotes[0]!.verdict, 'exact');
  assert.ok(restored() > 0);
});

test('a truncated file is refused with a reason, at every length', async () => {
  const { bytes } = await savedFixture();
  for (const length of [0, 1, 7, 31, 32, 100, Math.floor(bytes.length / 2), bytes.length - 8, bytes.length - 1]) {
    const r = decodeSavedIndex(bytes.subarray(0, length), VERSION);
    assert.equal(r.ok, false, `length ${length}`);
    if (!r.ok) assert.match(r.reason, length === 0 ? /empty/ : length < 40 ? /too short/ : /truncated/);
  }
  const longer = new Uint8Array(bytes.length + 8);
  longer.set(bytes);
  assert.equal(decodeSavedIndex(longer, VERSION).ok, false);
});

test('one flipped byte anywhere (prelude, header, arrays, texts, trailer) is refused, never an exception', async () => {
  const { bytes } = await savedFixture();
  const header = JSON.parse(new TextDecoder().decode(bytes.subarray(32, 32 + new DataView(bytes.buffer, bytes.byteOffset).getUint32(24, true))));
  const positions = new Set<number>([8, 12, 16, 24, 33, 40, 100, bytes.length - 8, bytes.length - 5, bytes.length - 1]);
  for (const s of header.sections as { name: string; offset: number; byteLength: number }[]) {
    if (s.byteLength === 0) continue;
    positions.add(s.offset);
    positions.add(s.offset + Math.floor(s.byteLength / 2));
    positions.add(s.offset + s.byteLength - 1);
  }
  for (let p = 0; p < bytes.length; p += 997) positions.add(p);
  for (const p of positions) {
    for (const mask of [0x01, 0x80, 0xff]) {
      const copy = bytes.slice();
      copy[p]! ^= mask;
      const r = decodeSavedIndex(copy, VERSION);
      assert.equal(r.ok, false, `byte ${p} ^ ${mask}`);
      if (!r.ok) assert.ok(r.reason.length > 5);
    }
  }
});

test('a file that passes its checksum but does not fit together (a bug, or made by hand) is still refused', async () => {
  const { bytes } = await savedFixture();
  const headerLength = new DataView(bytes.buffer, bytes.byteOffset).getUint32(24, true);
  const header = new TextDecoder().decode(bytes.subarray(32, 32 + headerLength));
  /** The file with `from` replaced by `to` (same length) in its header, signed again. */
  const edited = (from: string, to: string) => {
    assert.equal(from.length, to.length);
    const at = header.indexOf(from);
    assert.ok(at >= 0, from);
    const copy = bytes.slice();
    copy.set(new TextEncoder().encode(to), 32 + at);
    return resign(copy);
  };
  assert.match(reasonOf(decodeSavedIndex(edited('"hash":"', '"hasx":"'), VERSION)), /malformed \(its source stamps\)/);
  assert.match(reasonOf(decodeSavedIndex(edited('"sourceCount":', '"sourceCoumt":'), VERSION)), /malformed/);
  assert.match(reasonOf(decodeSavedIndex(edited('"name":"tokens"', '"name":"tokenz"'), VERSION)), /malformed \(section tokens is missing\)/);
  const sections = JSON.parse(header).sections as { name: string; offset: number }[];
  const sft = sections.find((e) => e.name === 'sourceFirstToken')!;
  const copy = bytes.slice();
  new DataView(copy.buffer).setInt32(sft.offset, 123456789, true);
  new DataView(copy.buffer).setInt32(sft.offset + 4 * (JSON.parse(header).sourceCount as number), 123456789, true);
  assert.match(reasonOf(decodeSavedIndex(resign(copy), VERSION)), /malformed \(the token arrays do not match\)/);
  assert.equal(decodeSavedIndex(resign(bytes.slice()), VERSION).ok, true, 'signing again alone changes nothing');
});

/** Recomputes a file's checksum after an edit (as only a bug or a hand-made file would). */
function resign(bytes: Uint8Array): Uint8Array {
  const view = new DataView(bytes.buffer, bytes.byteOffset);
  view.setUint32(bytes.length - 8, checksum(new Uint32Array(bytes.buffer, bytes.byteOffset, (bytes.length - 8) / 4)), true);
  return bytes;
}

test('the checksum changes with any single changed byte (exhaustively, on a small buffer)', () => {
  const base = new Uint8Array(256).map((_, i) => (i * 37) & 0xff);
  const sum = checksum(new Uint32Array(base.buffer));
  for (let p = 0; p < base.length; p++) {
    for (const mask of [1, 2, 4, 8, 16, 32, 64, 128, 0xff]) {
      const copy = base.slice();
      copy[p]! ^= mask;
      assert.notEqual(checksum(new Uint32Array(copy.buffer)), sum, `byte ${p} ^ ${mask}`);
    }
  }
});

test('another magic, an older or newer format, another byte order or another engine version: refused with the reason', async () => {
  const { bytes } = await savedFixture();
  const other = bytes.slice();
  other[0] = 0x50;
  assert.deepEqual(decodeSavedIndex(other, VERSION), { ok: false, reason: 'is not a Verbatim index (another kind of file)' });
  assert.match(reasonOf(decodeSavedIndex(new TextEncoder().encode('# just a Markdown file, long enough to be looked at\n'), VERSION)), /not a Verbatim index/);

  const older = bytes.slice();
  new DataView(older.buffer).setUint32(8, SAVED_INDEX_FORMAT - 1, true);
  assert.match(reasonOf(decodeSavedIndex(older, VERSION)), new RegExp(`index format ${SAVED_INDEX_FORMAT - 1}, an older one`));
  const newer = bytes.slice();
  new DataView(newer.buffer).setUint32(8, SAVED_INDEX_FORMAT + 1, true);
  assert.match(reasonOf(decodeSavedIndex(newer, VERSION)), /a newer one/);
  const swapped = bytes.slice();
  new DataView(swapped.buffer).setUint32(12, 0x01020304, false);
  assert.match(reasonOf(decodeSavedIndex(swapped, VERSION)), /byte order/);

  assert.match(reasonOf(decodeSavedIndex(bytes, { engineVersion: 'test-2' })), /another version of Verbatim \(test-1, this is test-2\)/);
  assert.equal(reasonOf(decodeSavedIndex(null as unknown as Uint8Array, VERSION)), 'is not bytes');
});

test('bytes at any alignment decode the same (a view when aligned, one copy when not)', async () => {
  const { bytes, sources } = await savedFixture();
  const shifted = new Uint8Array(bytes.length + 3);
  shifted.set(bytes, 3);
  const r = decodeSavedIndex(shifted.subarray(3), VERSION);
  assert.ok(r.ok);
  assert.equal(r.sources[0]!.text, sources[0]!.text);
  const aligned = decodeSavedIndex(bytes, VERSION);
  assert.ok(aligned.ok);
  assert.equal(aligned.parts.tokens.buffer, bytes.buffer, 'no copy of aligned bytes');
});

test('an empty index round-trips, and an engine over it answers without error', () => {
  const bytes = encodeSavedIndex({ sources: [], parts: new QuoteIndex([]).parts, stamps: [], ...VERSION });
  const r = decodeSavedIndex(bytes, VERSION);
  assert.ok(r.ok);
  assert.deepEqual(r.sources, []);
  assert.deepEqual(r.stamps, []);
  const engine = createEngine(indexOfSaved(r));
  assert.equal(engine.quoteCount, 0);
  assert.deepEqual(engine.quotes(), []);
  assert.equal(engine.checkDraft('“Nothing to find here at all,” she said.').quotes[0]!.verdict, 'not-found');
  const text = 'He said “nothing';
  assert.deepEqual(engine.complete(text, text.length)?.suggestions ?? [], []);
});

test('contentHash: deterministic, any alignment, one changed byte changes it', () => {
  const bytes = new TextEncoder().encode('“We will build the bridge by spring,” Mayor Ana Ruiz said.');
  const h = contentHash(bytes);
  assert.match(h, /^[0-9a-f]{16}$/);
  assert.equal(contentHash(bytes.slice()), h);
  const shifted = new Uint8Array(bytes.length + 1);
  shifted.set(bytes, 1);
  assert.equal(contentHash(shifted.subarray(1)), h);
  for (let p = 0; p < bytes.length; p++) {
    const copy = bytes.slice();
    copy[p]! ^= 1;
    assert.notEqual(contentHash(copy), h);
  }
  assert.notEqual(contentHash(bytes.subarray(0, bytes.length - 1)), h);
  assert.notEqual(contentHash(new Uint8Array(0)), contentHash(new Uint8Array(1)));
});

test('staleSources: size and mtime equal → unchanged; else the size or the content hash decides; added and removed', async () => {
  const stamps: SourceStamp[] = [
    { path: 'a', size: 3, mtime: 100, hash: 'ha' },
    { path: 'b', size: 3, mtime: 100, hash: 'hb' },
    { path: 'c', size: 3, mtime: 100, hash: 'hc' },
    { path: 'd', size: 3, mtime: 100, hash: 'hd' },
    { path: 'gone', size: 3, mtime: 100, hash: 'hg' },
  ];
  const hashed: string[] = [];
  const hashes: Record<string, string> = { b: 'hb', c: 'new' };
  const r = await staleSources(
    stamps,
    [
      { path: 'a', size: 3, mtime: 100 },
      { path: 'b', size: 3, mtime: 200 }, // touched, same bytes
      { path: 'c', size: 3, mtime: 200 }, // same size, other bytes
      { path: 'd', size: 4, mtime: 200 }, // grew: no need to read it
      { path: 'new', size: 1, mtime: 1 },
    ],
    (p) => {
      hashed.push(p);
      return hashes[p] ?? null;
    },
  );
  assert.deepEqual(r, { fresh: false, unchanged: ['a', 'b'], changed: ['c', 'd'], added: ['new'], removed: ['gone'] });
  assert.deepEqual(hashed, ['b', 'c']);
  // A file stamped within a moment of the index's writing may have changed again in the same clock tick: its hash decides.
  const racy = await staleSources([{ path: 'a', size: 3, mtime: 100, hash: 'ha' }], [{ path: 'a', size: 3, mtime: 100 }], () => 'other', { writtenAt: 1000 });
  assert.deepEqual(racy.changed, ['a']);
  const calm = await staleSources([{ path: 'a', size: 3, mtime: 100, hash: 'ha' }], [{ path: 'a', size: 3, mtime: 100 }], () => 'other', { writtenAt: 100_000 });
  assert.equal(calm.fresh, true);
  const unreadable = await staleSources([{ path: 'a', size: 3, mtime: 1, hash: 'ha' }], [{ path: 'a', size: 3, mtime: 2 }], () => Promise.reject(new Error('EACCES')));
  assert.deepEqual(unreadable.changed, ['a']);
});

/** An in-memory file system for the hosts' SourceReader, with mtimes the test sets. */
function memoryReader(files: Map<string, { text: string; mtime: number }>): SourceReader & { reads: string[] } {
  const reads: string[] = [];
  return {
    reads,
    list: async (pattern) => (pattern === '*' ? [...files.keys()].sort() : files.has(pattern) ? [pattern] : []),
    stat: async (p): Promise<SourceStat | null> => {
      const f = files.get(p);
      return f ? { size: new TextEncoder().encode(f.text).length, mtime: f.mtime, type: 'file' } : null;
    },
    read: async (p) => {
      reads.push(p);
      const f = files.get(p);
      if (!f) throw Object.assign(new Error('gone'), { code: 'ENOENT' });
      return new TextEncoder().encode(f.text);
    },
  };
}

test('a source changed while the index was closed: reported stale, rebuilt, and its old quote is never used', async () => {
  const files = new Map([
    ['bridge.md', { text: 'title: Bridge\n\n“We will build the bridge by spring,” Mayor Ana Ruiz said.\n', mtime: 1_000 }],
    ['port.md', { text: 'title: Port\n\n“The port stays open all winter,” said harbour master Tom Ek.\n', mtime: 1_000 }],
  ]);
  const reader = memoryReader(files);
  const settings = { patterns: ['*'], builtIn: [] };
  const built = await buildSavedIndex(reader, settings, 'v1');
  assert.equal(built.engine.quoteCount, 2);

  // Unchanged: the saved index is used, and no source is read.
  reader.reads.length = 0;
  const fresh = await openSavedIndex(reader, settings, built.bytes, 'v1');
  assert.equal(fresh.from, 'saved');
  assert.deepEqual(reader.reads, []);
  assert.equal(fresh.engine.checkDraft('“We will build the bridge by spring,” Ruiz said.').quotes[0]!.verdict, 'exact');

  // Same size, new content, later mtime: the hash tells; only that file is read again, the old words are gone.
  files.set('bridge.md', { text: 'title: Bridge\n\n“We will build the tunnel by spring,” Mayor Ana Ruiz said.\n', mtime: 5_000 });
  reader.reads.length = 0;
  const stale = await openSavedIndex(reader, settings, built.bytes, 'v1');
  assert.equal(stale.from, 'updated');
  assert.deepEqual(stale.reread, ['bridge.md']);
  assert.deepEqual(reader.reads, ['bridge.md', 'bridge.md'], 'hashed, then read again: port.md is never read');
  assert.equal(stale.why, 'is out of date (1 source changed: bridge.md)');
  assert.notEqual(stale.engine.checkDraft('“We will build the bridge by spring,” Ruiz said.').quotes[0]!.verdict, 'exact');
  assert.equal(stale.engine.checkDraft('“We will build the tunnel by spring,” Ruiz said.').quotes[0]!.verdict, 'exact');
  assert.ok(stale.bytes && stale.bytes.length > 0);
  assert.equal((await openSavedIndex(reader, settings, stale.bytes!, 'v1')).from, 'saved');

  // Removed and added files.
  files.delete('port.md');
  const removed = await openSavedIndex(reader, settings, stale.bytes!, 'v1');
  assert.equal(removed.from, 'updated');
  assert.deepEqual(removed.reread, []);
  assert.match(removed.why!, /1 source removed: port\.md/);
  assert.deepEqual(
    removed.engine.quotes().map((q) => q.quote.speaker),
    ['Ana Ruiz'],
  );
  files.set('extra.md', { text: 'title: Extra\n\n“More to come,” said Lee Park, a spokesman.\n', mtime: 9_000 });
  const added = await openSavedIndex(reader, settings, removed.bytes!, 'v1');
  assert.match(added.why!, /1 source added: extra\.md/);
  assert.deepEqual(added.reread, ['extra.md']);

  // After all that, the updated index is the index a full rebuild makes: same sources in the same order, same arrays.
  const full = await buildSavedIndex(reader, settings, 'v1');
  const a = decodeSavedIndex(added.bytes!, { engineVersion: 'v1' });
  const b = decodeSavedIndex(full.bytes, { engineVersion: 'v1' });
  assert.ok(a.ok && b.ok);
  assert.deepEqual(JSON.parse(JSON.stringify(a.sources)), JSON.parse(JSON.stringify(b.sources)));
  assert.deepEqual(a.parts, b.parts);
  assert.deepEqual(
    a.stamps.map((s) => s.path),
    ['bridge.md', 'extra.md'],
  );
  assert.deepEqual(added.engine.quotes(), full.engine.quotes());

  // Another engine version, and a damaged file: rebuilt with the reason.
  assert.match((await openSavedIndex(reader, settings, built.bytes, 'v2')).why!, /another version of Verbatim/);
  assert.match((await openSavedIndex(reader, settings, built.bytes.subarray(0, 100), 'v1')).why!, /truncated/);
  assert.equal((await openSavedIndex(reader, settings, null, 'v1')).why, 'does not exist');
});

test('problems are kept: a file that could not be used is warned about again from the saved index', async () => {
  const files = new Map([
    ['ok.md', { text: 'title: Ok\n\n“We will build the bridge by spring,” Mayor Ana Ruiz said.\n', mtime: 1_000 }],
    ['empty.md', { text: '', mtime: 1_000 }],
  ]);
  const reader = memoryReader(files);
  const built = await buildSavedIndex(reader, { patterns: ['*', 'missing.md'], builtIn: [] }, 'v1');
  const opened = await openSavedIndex(reader, { patterns: ['*', 'missing.md'], builtIn: [] }, built.bytes, 'v1');
  assert.equal(opened.from, 'saved');
  assert.deepEqual(opened.problems.map((p) => p.path).sort(), built.problems.map((p) => p.path).sort());
  assert.deepEqual(opened.unmatched, ['missing.md']);
});

// The CLI: `verbatim index`, `--index`, and two writers at once.
const cliPath = path.join(repoRoot, 'dist', 'cli.js');
function runCli(args: string[], cwd: string): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [cliPath, ...args], { cwd });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => (stdout += d));
    child.stderr.on('data', (d) => (stderr += d));
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

function tempWorkspace(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'verbatim-index-'));
  fs.mkdirSync(path.join(dir, 'a'));
  fs.mkdirSync(path.join(dir, 'b'));
  for (let i = 0; i < 30; i++) {
    fs.writeFileSync(path.join(dir, 'a', `a${i}.md`), `title: A${i}\n\n“Harbour number ${i} opens in May,” Mayor Ana Ruiz said.\n`);
    fs.writeFileSync(path.join(dir, 'b', `b${i}.md`), `title: B${i}\n\n“Bridge number ${i} closes in June,” said engineer Tom Ek.\n`);
  }
  fs.writeFileSync(path.join(dir, 'draft.md'), '“Harbour number 3 opens in May,” Ruiz said.\n');
  return dir;
}

test('verbatim index writes the file; check --index uses it while fresh, rebuilds a torn or stale one and says why', async () => {
  assert.ok(fs.existsSync(cliPath), 'dist/cli.js is missing: `npm run test:unit` builds it');
  const dir = tempWorkspace();
  try {
    const made = await runCli(['index', '--source', 'a/*.md', '--format', 'json'], dir);
    assert.equal(made.code, 0, made.stderr);
    const summary = JSON.parse(made.stdout);
    assert.equal(summary.index, path.join('.verbatim', 'index.vbi'));
    assert.equal(summary.sources, 31);
    assert.equal(fs.statSync(path.join(dir, '.verbatim', 'index.vbi')).size, summary.bytes);

    const fresh = await runCli(['check', '--verdicts', '--index', '.verbatim/index.vbi', '--source', 'a/*.md', 'draft.md'], dir);
    assert.equal(fresh.code, 0);
    assert.match(fresh.stdout, /quote exact, speaker match \(Ana Ruiz, a3, q1\)/);
    assert.doesNotMatch(fresh.stderr, /index/);

    // A crash mid-write on a system without atomic renames would leave a torn file: it is refused and rebuilt.
    const file = path.join(dir, '.verbatim', 'index.vbi');
    fs.truncateSync(file, Math.floor(summary.bytes / 2));
    const torn = await runCli(['check', '--index', '.verbatim/index.vbi', '--source', 'a/*.md', 'draft.md'], dir);
    assert.equal(torn.code, 0);
    assert.match(torn.stderr, /the index \.verbatim\/index\.vbi is truncated .*; the sources were indexed again and it was saved/);
    assert.equal((await runCli(['quotes', '--index', '.verbatim/index.vbi', '--source', 'a/*.md'], dir)).stderr, '');

    // A source edited while no command ran: stale, that file read again, the new words are found and the old ones not.
    fs.writeFileSync(path.join(dir, 'a', 'a3.md'), 'title: A3\n\n“Harbour number 3 opens in July,” Mayor Ana Ruiz said.\n');
    const stale = await runCli(['check', '--verdicts', '--index', '.verbatim/index.vbi', '--source', 'a/*.md', 'draft.md'], dir);
    assert.match(stale.stderr, /is out of date \(1 source changed: a\/a3\.md\); 1 source file was read again and it was saved/);
    assert.match(stale.stdout, /quote misquote/);
    assert.deepEqual(
      fs.readdirSync(path.join(dir, '.verbatim')).filter((f) => f.endsWith('.tmp')),
      [],
      'no temporary file is left behind',
    );
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
});

test('with --index, check, quotes and cite print exactly what they print without it', async () => {
  const dir = tempWorkspace();
  try {
    const io = (out: { stdout: string; stderr: string }) => ({
      stdout: (t: string) => void (out.stdout += t),
      stderr: (t: string) => void (out.stderr += t),
      cwd: dir,
      resourcesDir: path.join(repoRoot, 'resources'),
    });
    const cli = async (...argv: string[]) => {
      const out = { stdout: '', stderr: '' };
      const code = await run(argv, io(out));
      return { code, ...out };
    };
    fs.writeFileSync(
      path.join(dir, 'draft.md'),
      '“Harbour number 3 opens in May,” Ruiz said. “Bridge number 4 closes in July,” Ek said. “No details how it will work,” Zelensky said.\n',
    );
    const sources = ['--source', 'a/*.md', '--source', 'b/*.md'];
    const made = await cli('index', ...sources, '--out', 'x.vbi');
    assert.equal(made.code, 0, made.stderr);
    for (const args of [
      ['check', '--format', 'json', '--claims', 'draft.md'],
      ['check', '--verdicts', 'draft.md'],
      ['quotes', '--format', 'json'],
      ['quotes', '--search', 'bridge June'],
      ['cite', '--style', 'footnote', 'Harbour number 3 opens in May'],
    ]) {
      const plain = await cli(...args, ...sources);
      const saved = await cli(...args, ...sources, '--index', 'x.vbi');
      assert.equal(saved.stderr, plain.stderr, args.join(' '));
      assert.equal(saved.stdout, plain.stdout, args.join(' '));
      assert.equal(saved.code, plain.code);
    }
    // After an edit, an addition and a removal, the updated index answers as the sources do.
    fs.writeFileSync(path.join(dir, 'a', 'a3.md'), 'title: A3\n\n“Harbour number 3 opens in July,” Mayor Ana Ruiz said.\n');
    fs.writeFileSync(path.join(dir, 'b', 'b99.md'), 'title: B99\n\n“Harbour number 3 opens in May,” said Tom Ek.\n');
    fs.rmSync(path.join(dir, 'a', 'a7.md'));
    const updated = await cli('check', '--format', 'json', 'draft.md', ...sources, '--index', 'x.vbi');
    assert.match(updated.stderr, /2 sources changed|1 source changed, 1 added, 1 removed/);
    assert.match(updated.stderr, /2 source files were read again and it was saved/);
    for (const args of [
      ['check', '--format', 'json', 'draft.md'],
      ['quotes', '--format', 'json'],
    ]) {
      const plain = await cli(...args, ...sources);
      assert.equal((await cli(...args, ...sources, '--index', 'x.vbi')).stdout, plain.stdout, args.join(' '));
    }
    const bad = await cli('index', '--index', 'x.vbi');
    assert.equal(bad.code, 2);
    assert.match(bad.stderr, /--index is for check, quotes and cite/);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
});

test('two writers of the same index at once: both finish, and the file is one of them, whole', async () => {
  const dir = tempWorkspace();
  try {
    for (let round = 0; round < 3; round++) {
      const [a, b] = await Promise.all([
        runCli(['index', '--no-builtin', '--source', 'a/*.md', '--out', 'shared.vbi'], dir),
        runCli(['index', '--no-builtin', '--source', 'b/*.md', '--out', 'shared.vbi'], dir),
      ]);
      assert.equal(a.code, 0, a.stderr);
      assert.equal(b.code, 0, b.stderr);
      const version = `${JSON.parse(fs.readFileSync(path.join(repoRoot, 'package.json'), 'utf8')).version}+${contentHash(fs.readFileSync(cliPath))}`;
      const decoded = decodeSavedIndex(fs.readFileSync(path.join(dir, 'shared.vbi')), { engineVersion: version });
      assert.ok(decoded.ok, decoded.ok ? '' : decoded.reason);
      const folders = new Set(decoded.stamps.map((s) => s.path.split('/')[0]));
      assert.equal(folders.size, 1, 'the stamps of one writer only');
      const folder = [...folders][0]!;
      assert.deepEqual(
        decoded.sources.map((s) => s.meta.path),
        decoded.stamps.map((s) => s.path),
      );
      assert.ok(decoded.sources.every((s) => s.quotes[0]!.speaker === (folder === 'a' ? 'Ana Ruiz' : 'Tom Ek')));
      assert.deepEqual(
        fs.readdirSync(dir).filter((f) => f.endsWith('.tmp')),
        [],
      );
    }
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
});

function reasonOf(r: { ok: boolean; reason?: string }): string {
  return r.ok ? '(decoded)' : r.reason!;
}
