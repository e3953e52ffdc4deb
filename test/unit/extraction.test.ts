import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import { buildCatalog, parseSource } from './core-internals';
import { builtinFile, fixture, loadSources } from './helpers';

interface Gold {
  quotes: { speaker: string; text: string; start?: number; end?: number }[];
  not_quotes?: { text: string; start: number; end: number }[];
  notQuotes?: string[];
}
const gold = (name: string): Gold => JSON.parse(fs.readFileSync(fixture('gold', name), 'utf8'));

test('the built-in article yields exactly the gold quotes, speakers and offsets', () => {
  const [source] = loadSources();
  const expected = gold('alaska-summit.gold.json');
  assert.equal(source!.quotes.length, 7);
  assert.deepEqual(
    source!.quotes.map((q) => ({ speaker: q.speaker, text: q.text, start: q.offset.start, end: q.offset.end })),
    expected.quotes.map((q) => ({ speaker: q.speaker, text: q.text, start: q.start, end: q.end })),
  );
  for (const q of source!.quotes) assert.equal(source!.text.slice(q.offset.start, q.offset.end), q.text);
});

test('the built-in article keeps its text byte for byte and its metadata unguessed', () => {
  const file = builtinFile();
  const seed = '../shared/seed/000_da3a416aa0761f08.txt';
  const [source] = loadSources();
  assert.equal(source!.text, file.text);
  if (fs.existsSync(fixture('..', '..', '..', seed))) assert.equal(file.text, fs.readFileSync(fixture('..', '..', '..', seed), 'utf8'));
  assert.deepEqual(
    { id: source!.meta.id, date: source!.meta.date, outlet: source!.meta.outlet, author: source!.meta.author, url: source!.meta.url, title: source!.meta.title },
    { id: 'alaska-summit-2025-08-18', date: '2025-08-18', outlet: null, author: null, url: null, title: null },
  );
});

test('a programme title in quotation marks is not taken for a quote', () => {
  const [source] = loadSources();
  const notQuote = gold('alaska-summit.gold.json').not_quotes![0]!;
  assert.ok(!source!.quotes.some((q) => q.text.includes('Fox News')));
  assert.deepEqual(source!.titles, [{ start: notQuote.start, end: notQuote.end }]);
});

test('headings are flagged, including one run into the next sentence', () => {
  const [source] = loadSources();
  const headings = source!.paragraphs.filter((p) => p.heading).map((p) => p.text);
  assert.deepEqual(headings, ['Russia pledged not to go after European countries', 'Europe welcomes US openness to security guarantees']);
  const runIn = source!.paragraphs.find((p) => p.text.startsWith('Witkoff added'));
  assert.ok(runIn && !runIn.heading);
});

test('sentences are found in prose paragraphs and lie inside the text', () => {
  const [source] = loadSources();
  assert.ok(source!.sentences.length >= 10);
  for (const s of source!.sentences) assert.equal(source!.text.slice(s.start, s.end), s.text);
  assert.ok(source!.sentences.some((s) => s.text.startsWith('Witkoff did not elaborate')));
});

for (const [file, goldFile] of [
  ['harbour-strike.md', 'harbour-strike.gold.json'],
  ['grain-talks.txt', 'grain-talks.gold.json'],
] as const) {
  test(`an article in another house style: ${file}`, () => {
    const catalog = buildCatalog([{ path: file, bytes: fs.readFileSync(fixture('sources', file)) }]);
    assert.deepEqual(catalog.problems, []);
    const source = catalog.sources[0]!;
    const expected = gold(goldFile);
    assert.deepEqual(
      source.quotes.map((q) => ({ speaker: q.speaker, text: q.text })),
      expected.quotes.map((q) => ({ speaker: q.speaker, text: q.text })),
    );
    for (const t of expected.notQuotes ?? []) {
      assert.ok(
        source.titles.some((s) => source.text.slice(s.start, s.end) === t),
        `${t} is a title`,
      );
    }
  });
}

test('front matter gives id, title, outlet, author, date and url', () => {
  const [, source] = loadSources('sources/harbour-strike.md');
  assert.deepEqual(
    { ...source!.meta, path: null },
    {
      id: 'harbour-strike',
      title: 'Dockers walk out over pay offer',
      outlet: 'The Coastal Ledger',
      author: 'Priya Raman',
      date: '2024-03-05',
      url: 'https://example.org/harbour-strike',
      path: null,
      builtIn: false,
      kind: 'article',
    },
  );
});

test('without front matter the id comes from the file name', () => {
  const r = parseSource({ text: 'Plain text, “no metadata at all,” he said.', path: 'notes/Interview Notes (draft).txt' });
  assert.ok(r.ok);
  assert.equal(r.source.meta.id, 'interview-notes-draft');
  assert.equal(r.source.meta.date, null);
});

test('CRLF line endings and UTF-16 with a BOM are read', () => {
  const [, crlf, utf16] = loadSources('sources/crlf-bridge.txt', 'sources/utf16-library.txt');
  assert.deepEqual(
    crlf!.quotes.map((q) => [q.speaker, q.text]),
    [
      ['Ana Lopes', 'The bridge will open in May.'],
      ['Ana Lopes', 'the biggest project in a generation.'],
    ],
  );
  assert.deepEqual(
    utf16!.quotes.map((q) => [q.speaker, q.text]),
    [['Ben Okafor', 'The library stays open on Sundays.']],
  );
});

test('two sources with the same derived id get distinct ids', () => {
  const text = 'She said: “One two three four.”';
  const c = buildCatalog([
    { path: 'a/notes.md', text },
    { path: 'b/notes.md', text },
  ]);
  assert.deepEqual(
    c.sources.map((s) => s.meta.id),
    ['notes', 'notes-2'],
  );
  assert.equal(c.sources[1]!.quotes[0]!.sourceId, 'notes-2');
});
