// Citations through the CSL processor: what formatCitation writes is what citeproc-js makes of the same item, for
// APA and for a style written for these tests; locators (PDF page, caption time) reach the citation; the writer's
// bibliography (CSL-JSON or BibTeX) wins over a source's own metadata.
import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import CSL from 'citeproc';
import {
  createEngine,
  cslItemFromMeta,
  findBibliographyItem,
  formatCitation,
  locatorOfMatch,
  parseBibliography,
  QuoteIndex,
  readSourceFile,
  type CslItem,
  type CslStyle,
  type Source,
} from './core-internals';
import { builtInStyle, houseStyle } from './csl-helpers';
import { applyEdits, fixture } from './helpers';

async function read(name: string): Promise<Source> {
  const r = await readSourceFile({ path: `sources/${name}`, bytes: fs.readFileSync(fixture('formats', name)) });
  if (!r.ok) throw new Error(r.reason);
  return r.source;
}

/** citeproc-js on its own: the reference the tests hold formatCitation to. */
function processor(style: CslStyle, item: CslItem, cite: { locator?: string; label?: string } = {}) {
  const engine = new CSL.Engine({ retrieveLocale: () => style.locale, retrieveItem: () => item }, style.xml, 'en-US', true);
  engine.setOutputFormat('text');
  engine.updateItems([item.id]);
  const citation = engine.makeCitationCluster([{ id: item.id, ...cite }]);
  const bib = engine.makeBibliography();
  return { citation, bibliography: bib ? bib[1].join('').trim() : null };
}

test('APA: the in-text citation and reference entry are the processor’s, with the PDF page', async () => {
  const pdf = await read('press-release.pdf');
  const apa = builtInStyle('apa');
  const quote = pdf.quotes.find((q) => q.speaker === 'Tomas Berg')!;
  const c = formatCitation({ text: quote.text, speaker: quote.speaker, source: pdf.meta, locator: quote.locator ?? null }, 'apa', { csl: apa });
  const ref = processor(apa, cslItemFromMeta(pdf.meta), { locator: '2', label: 'page' });
  assert.equal(c.marker, ` ${ref.citation}`);
  assert.equal(c.note, ref.bibliography);
  assert.equal(c.marker, ' (Northport Harbour Authority Media Office, 2026, p. 2)');
  assert.equal(c.note, 'Northport Harbour Authority Media Office. (2026). Harbour Authority approves tidal barrier.');
});

test('APA for a web page: author, date, outlet and URL from the page', async () => {
  const page = await read('news-page.html');
  const c = formatCitation({ text: 'A boat every hour is not a luxury.', speaker: 'Mirela Kovac', source: page.meta }, 'apa', { csl: builtInStyle('apa') });
  assert.equal(c.marker, ' (Lindqvist, 2026)');
  assert.equal(
    c.note,
    'Lindqvist, H. (2026, February 9). Riverside council backs night ferry & new pier. The Lakeland Courier. https://courier.example/news/2026/02/riverside-night-ferry',
  );
  assert.equal(c.quotation, '“A boat every hour is not a luxury” (Lindqvist, 2026).');
});

test('a .csl file of the writer’s own: the processor’s output, with a caption time as locator', async () => {
  const vtt = await read('briefing.vtt');
  const house = houseStyle();
  const quote = vtt.quotes.find((q) => q.text.startsWith('Our crews'))!;
  const c = formatCitation({ text: quote.text, speaker: quote.speaker, source: vtt.meta, locator: quote.locator ?? null }, 'test/fixtures/formats/house-style.csl', { csl: house });
  const ref = processor(house, cslItemFromMeta(vtt.meta), { locator: '00:00:21', label: 'timestamp' });
  assert.equal(c.marker, ` ${ref.citation}`);
  assert.equal(c.note, ref.bibliography);
  assert.equal(c.marker, ' (Harbour City Television, 2026, 00:00:21)');
  assert.equal(c.note, 'Port authority storm briefing. Harbour City Television, January 21, 2026.');
});

test('Chicago is a note style: a footnote whose note is the processor’s, carrying the page', async () => {
  const pdf = await read('press-release.pdf');
  const chicago = builtInStyle('chicago');
  const quote = pdf.quotes[0]!;
  const c = formatCitation({ text: quote.text, speaker: quote.speaker, source: pdf.meta, locator: quote.locator ?? null }, 'chicago', { csl: chicago, footnoteNumber: 4 });
  const ref = processor(chicago, cslItemFromMeta(pdf.meta), { locator: '1', label: 'page' });
  assert.equal(c.marker, '[^4]');
  assert.equal(c.note, `[^4]: ${ref.citation}`);
  assert.match(c.note!, /, 1\.$/);
});

test('a footnote citation of a PDF quote carries its page; of a transcript turn, its time', async () => {
  const pdf = await read('press-release.pdf');
  const draft = 'The engineer was blunt: “Closing it more often than that would mean the sea has risen faster than any of our models say,” Berg said.\n';
  const engine = createEngine(new QuoteIndex([pdf]));
  const check = engine.checkDraft(draft).quotes[0]!;
  assert.deepEqual(locatorOfMatch(pdf, check.match!), { page: 2 });
  // The engine's quick fix: the page goes into the footnote.
  const edits = engine.citeQuotation(draft, check, 'footnote')!;
  const out = applyEdits(draft, edits);
  assert.match(out, /say,”\[\^1\] Berg said\./);
  assert.match(out, /\[\^1\]: Tomas Berg, quoted in “Harbour Authority approves tidal barrier”, Northport Harbour Authority Media Office, March 4, 2026, p\. 2\.\n$/);

  const t = await read('briefing.vtt');
  const q = t.quotes.find((x) => x.text === 'Nobody was hurt.')!;
  const c = formatCitation({ text: q.text, speaker: q.speaker, source: t.meta, locator: q.locator ?? null }, 'footnote');
  assert.match(c.note!, /, at 00:00:25, https:\/\/harbourcity/);
});

test('the bibliography: CSL-JSON matched by id, URL or title, and its key in Pandoc citations', async () => {
  const page = await read('news-page.html');
  const json = JSON.stringify([
    {
      id: 'kovac-ferry',
      type: 'article-newspaper',
      title: 'Riverside Council Backs Night Ferry & New Pier',
      author: [{ family: 'Lindqvist', given: 'Hanna' }],
      'container-title': 'The Lakeland Courier',
      issued: { 'date-parts': [[2026, 2, 9]] },
    },
    { id: 'other', type: 'webpage', title: 'Something else', URL: 'https://courier.example/news/2026/02/riverside-night-ferry/' },
  ]);
  const bib = parseBibliography(json, 'refs.json');
  assert.ok(bib.ok);
  // The URL matches "other" (trailing slash aside) before the title is tried.
  assert.equal(findBibliographyItem(bib.bibliography, page.meta)?.id, 'other');
  assert.equal(findBibliographyItem(bib.bibliography, { ...page.meta, url: null })?.id, 'kovac-ferry');
  assert.equal(findBibliographyItem(bib.bibliography, { ...page.meta, id: 'kovac-ferry', url: null, title: null })?.id, 'kovac-ferry');
  assert.equal(findBibliographyItem(bib.bibliography, { ...page.meta, id: 'x', url: null, title: 'No such title' }), null);
  const pandoc = formatCitation({ text: 'Now she can take the boat.', speaker: 'Pekka Aalto', source: { ...page.meta, url: null } }, 'pandoc', { bibliography: bib.bibliography });
  assert.equal(pandoc.marker, ' [@kovac-ferry]');
  const apa = formatCitation({ text: 'Now she can take the boat.', speaker: 'Pekka Aalto', source: { ...page.meta, url: null } }, 'apa', {
    bibliography: bib.bibliography,
    csl: builtInStyle('apa'),
  });
  assert.equal(apa.note, 'Lindqvist, H. (2026, February 9). Riverside Council Backs Night Ferry & New Pier. The Lakeland Courier.');
});

test('the bibliography: BibTeX as Zotero exports it', () => {
  const bibtex = `@comment{exported}
@string{courier = "The Lakeland Courier"}
@article{lindqvist_ferry_2026,
  title = {Riverside council backs night ferry \\& new pier},
  author = {Lindqvist, Hanna and {Lakeland Courier Staff}},
  journal = courier,
  year = {2026},
  month = feb,
  day = {9},
  url = {https://courier.example/news/2026/02/riverside-night-ferry},
}
@techreport{nha_2026, title = "Harbour {Authority} approves tidal barrier", institution = {Northport Harbour Authority}, date = {2026-03-04}}
@misc{kov{\\'a}c, author = {Mirela Kov{\\'a}c}, title = {Statement}}`;
  const r = parseBibliography(bibtex, 'refs.bib');
  assert.ok(r.ok);
  const [a, b, c] = r.bibliography.items;
  assert.deepEqual(a, {
    id: 'lindqvist_ferry_2026',
    'citation-key': 'lindqvist_ferry_2026',
    type: 'article-newspaper',
    title: 'Riverside council backs night ferry & new pier',
    author: [{ family: 'Lindqvist', given: 'Hanna' }, { literal: 'Lakeland Courier Staff' }],
    issued: { 'date-parts': [[2026, 2, 9]] },
    'container-title': 'The Lakeland Courier',
    URL: 'https://courier.example/news/2026/02/riverside-night-ferry',
  });
  assert.deepEqual(b, {
    id: 'nha_2026',
    'citation-key': 'nha_2026',
    type: 'report',
    title: 'Harbour Authority approves tidal barrier',
    issued: { 'date-parts': [[2026, 3, 4]] },
    publisher: 'Northport Harbour Authority',
  });
  assert.deepEqual(c?.author, [{ family: 'Kovác', given: 'Mirela' }]);
  assert.equal(parseBibliography('not a bibliography').ok, false);
  assert.equal(parseBibliography('[{"broken"', 'x.json').ok, false);
});

test('a broken .csl file gives a footnote and a reason, never an exception', () => {
  const c = formatCitation(
    { text: 'Words.', speaker: null, source: { id: 'x', title: 'T', date: null, outlet: null, author: null, url: null, path: null, builtIn: false } },
    'mine.csl',
    {
      csl: { xml: '<style><nonsense', locale: builtInStyle('apa').locale },
    },
  );
  assert.equal(c.marker, '[^1]');
  assert.match(c.problem ?? '', /could not format/);
});
