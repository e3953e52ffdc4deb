// Hostile sources and drafts: each is indexed or skipped with one clear message, without a crash, and without a
// pathological slowdown (each case here once took minutes; the bound below only catches such a regression).
import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import { buildCatalog, checkDraft, QuoteIndex, type SourceFile } from './core-internals';
import { alaskaIndex } from './helpers';

const HANG = 20_000;
const utf8 = (s: string) => new TextEncoder().encode(s);

function timed<T>(what: string, fn: () => T): T {
  const start = Date.now();
  const result = fn();
  assert.ok(Date.now() - start < HANG, `${what} finished in bounded time (${Date.now() - start} ms)`);
  return result;
}

const hostile: [string, () => SourceFile, RegExp | null][] = [
  ['a 50 MB file', () => ({ path: 'huge.md', bytes: new Uint8Array(50 * 1024 * 1024).fill(0x61) }), /huge\.md is 50 MB, over the 20 MB limit/],
  ['a single 10 MB line', () => ({ path: 'line.md', bytes: utf8(`He said “${'word '.repeat(2_000_000)}” today.`) }), null],
  ['100,000 opening quotation marks and no closing one', () => ({ path: 'open.md', bytes: utf8('“'.repeat(100_000) + ' text') }), null],
  ['100,000 straight quotation marks', () => ({ path: 'straight.md', bytes: utf8('"a '.repeat(100_000)) }), null],
  ['quotes nested 5,000 deep', () => ({ path: 'nested.md', bytes: utf8('“'.repeat(5000) + 'deep' + '”'.repeat(5000)) }), null],
  ['one name repeated 50,000 times in one paragraph', () => ({ path: 'names.md', bytes: utf8('President Steve Witkoff said. '.repeat(50_000)) }), null],
  [
    'a transcript of 30,000 paragraphs with quotes and pronouns',
    () => ({
      path: 'transcript.md',
      bytes: utf8(Array.from({ length: 30_000 }, (_, k) => `Anna Berg spoke on day ${k}. “We will keep going with number ${k},” she said.`).join('\n\n')),
    }),
    null,
  ],
  ['a binary file', () => ({ path: 'image.png.md', bytes: new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 13]) }), /image\.png\.md looks binary/],
  ['text with NUL bytes', () => ({ path: 'nul.md', bytes: utf8('He said “hello\u0000 world,” twice.') }), /nul\.md looks binary/],
  ['invalid UTF-8', () => ({ path: 'latin1.md', bytes: new Uint8Array([0x48, 0xe9, 0x20, 0x64, 0x69, 0x74]) }), /latin1\.md is not valid UTF-8/],
  ['an empty file', () => ({ path: 'empty.md', bytes: new Uint8Array() }), /empty\.md is empty/],
  ['only white space', () => ({ path: 'blank.md', bytes: utf8('  \n\n \t\n') }), /blank\.md is empty/],
];

for (const [name, make, message] of hostile) {
  test(`hostile source: ${name}`, () => {
    const catalog = timed(name, () => buildCatalog([make()]));
    if (message) {
      assert.equal(catalog.sources.length, 0);
      assert.equal(catalog.problems.length, 1);
      assert.match(`${catalog.problems[0]!.path} ${catalog.problems[0]!.reason}`, message);
    } else {
      assert.deepEqual(catalog.problems, []);
      const index = timed(`indexing ${name}`, () => new QuoteIndex(catalog.sources));
      timed(`checking a draft against ${name}`, () => checkDraft(index, 'He said “word word word word” and “deep”.'));
    }
  });
}

test('UTF-16 with a byte-order mark, in both byte orders, is read', () => {
  const text = 'Councillor Ben Okafor said: “The library stays open on Sundays.”';
  const le = new Uint8Array([0xff, 0xfe, ...Array.from(text).flatMap((c) => [c.charCodeAt(0) & 0xff, c.charCodeAt(0) >> 8])]);
  const be = new Uint8Array([0xfe, 0xff, ...Array.from(text).flatMap((c) => [c.charCodeAt(0) >> 8, c.charCodeAt(0) & 0xff])]);
  const catalog = buildCatalog([
    { path: 'le.txt', bytes: le },
    { path: 'be.txt', bytes: be },
  ]);
  assert.deepEqual(
    catalog.sources.map((s) => s.quotes[0]?.speaker),
    ['Ben Okafor', 'Ben Okafor'],
  );
});

const hostileDrafts: [string, string][] = [
  ['a 40,000-word quotation of one repeated word', `He said “${'word '.repeat(40_000)}” today.`],
  ['100,000 straight quotation marks', '"a '.repeat(100_000)],
  ['an unclosed quotation running 200 KB', `Zelensky said “${'there are no details '.repeat(10_000)}`],
  ['a thousand ellipses', `“There are no details ${'… how '.repeat(1000)}”`],
  ['brackets nested and unbalanced', `“[[[${'[x] '.repeat(5000)}”`],
];

for (const [name, draft] of hostileDrafts) {
  test(`hostile draft: ${name}`, () => {
    const r = timed(name, () => checkDraft(alaskaIndex(), draft));
    for (const q of r.quotes) assert.equal(draft.slice(q.span.start, q.span.end), q.text);
  });
}
