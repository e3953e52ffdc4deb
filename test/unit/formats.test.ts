// Sources as writers keep them: web pages, transcripts, captions and PDFs, read through readSourceFile, then
// checked with the same index and verdicts as articles. Every fixture here was written for these tests.
import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import { buildCatalogAsync, checkDraft, DEFAULT_MAX_FILE_BYTES, explainQuoteCheck, formatOf, QuoteIndex, readSourceFile, type Source } from './core-internals';
import { fixture } from './helpers';

async function read(name: string): Promise<Source> {
  const r = await readSourceFile({ path: `sources/${name}`, bytes: fs.readFileSync(fixture('formats', name)) });
  if (!r.ok) throw new Error(`${name} ${r.reason}`);
  return r.source;
}

async function reason(name: string): Promise<string> {
  const r = await readSourceFile({ path: `sources/${name}`, bytes: fs.readFileSync(fixture('formats', name)) });
  assert.equal(r.ok, false, `${name} should be refused`);
  return r.ok ? '' : r.reason;
}

/** Every expected quote is found (its words inside one quote), and the share with the right speaker. */
function score(source: Source, expected: readonly [speaker: string | null, words: string][]) {
  let found = 0;
  let right = 0;
  for (const [speaker, words] of expected) {
    const q = source.quotes.find((x) => x.text.replace(/\s+/g, ' ').includes(words));
    if (!q) continue;
    found++;
    if (q.speaker === speaker) right++;
  }
  return { found: found / expected.length, speakers: right / expected.length };
}

/** Quote text and offsets agree, quotes are in order and do not overlap (the index relies on it). */
function assertWellFormed(source: Source) {
  let last = -1;
  for (const q of source.quotes) {
    assert.equal(source.text.slice(q.offset.start, q.offset.end), q.text);
    assert.ok(q.offset.start >= last, `${q.id} overlaps the quote before it`);
    last = q.offset.end;
  }
}

function check(sources: Source[], draft: string) {
  const result = checkDraft(new QuoteIndex(sources), draft);
  assert.ok(result.quotes[0], `no quotation in ${draft}`);
  return result.quotes[0]!;
}

const NEWS_QUOTES: [string, string][] = [
  ['Mirela Kovac', 'People who work late should not have to drive forty minutes'],
  ['Mirela Kovac', 'A boat every hour is not a luxury.'],
  ['Jonas Berglund', 'We are spending on a boat while the number 12 bus'],
  ['Jonas Berglund', 'without a single rival bid.'],
  ['Mirela Kovac', 'Three firms were invited and only one answered'],
  ['Mirela Kovac', 'That is not the same as no competition.'],
  ['Sofia Arvidsson', 'If we do nothing, the pier will have to close'],
  ['Pekka Aalto', 'My daughter finishes her shift at midnight'],
  ['Pekka Aalto', 'Now she can take the boat.'],
];

test('web page: the article only, with its quotes and speakers', async () => {
  const page = await read('news-page.html');
  assert.equal(page.meta.kind, 'web-page');
  assertWellFormed(page);
  const s = score(page, NEWS_QUOTES);
  assert.ok(s.found >= 0.95, `found ${s.found}`);
  assert.ok(s.speakers >= 0.9, `speakers ${s.speakers}`);
  assert.equal(page.quotes.length, NEWS_QUOTES.length, 'no quote from anywhere else');
  for (const junk of [
    'Opinion',
    'Best rates in town',
    'The lake is our road',
    'We were never asked',
    'We waited twenty years',
    'I answer every email',
    'A boat every hour is a waste',
    'The lake should join us',
    'coldest party',
    'enough is enough',
    'Local news that matters',
    'Share on social',
    'Comments (3)',
    'lakeside_dad',
  ]) {
    assert.ok(!page.text.includes(junk), `"${junk}" is not the article`);
  }
});

test('web page: metadata from JSON-LD first, entities decoded', async () => {
  const { meta } = await read('news-page.html');
  assert.deepEqual(
    { title: meta.title, date: meta.date, outlet: meta.outlet, author: meta.author, url: meta.url },
    {
      title: 'Riverside council backs night ferry & new pier',
      date: '2026-02-09',
      outlet: 'The Lakeland Courier',
      author: 'Hanna Lindqvist',
      url: 'https://courier.example/news/2026/02/riverside-night-ferry',
    },
  );
});

test('web page: meta tags and <title> when there is no JSON-LD; nothing made up', async () => {
  const html = `<!doctype html><html><head><title>Only a title &amp; more</title><meta property="og:site_name" content="Daily Example"></head>
    <body><nav>Home | World</nav><article><p>The mayor spoke for an hour on Tuesday. “We will build the bridge before the election,” said Ana Ruiz, the mayor.</p>
    <p>Her opponents were not convinced by the promise, which they said had been made twice before.</p></article></body></html>`;
  const r = await readSourceFile({ path: 'x.html', text: html });
  assert.ok(r.ok);
  assert.equal(r.source.meta.title, 'Only a title & more');
  assert.equal(r.source.meta.outlet, 'Daily Example');
  assert.equal(r.source.meta.author, null);
  assert.equal(r.source.meta.date, null);
  assert.equal(r.source.meta.url, null);
  assert.deepEqual(
    r.source.quotes.map((q) => [q.speaker, q.text]),
    [['Ana Ruiz', 'We will build the bridge before the election,']],
  );
});

test('web page: drafts quoting it get verdicts; a comment’s words are not-found', async () => {
  const page = await read('news-page.html');
  const exact = check([page], 'Kovac said: “A boat every hour is not a luxury.”');
  assert.equal(exact.verdict, 'exact');
  assert.equal(exact.speakerCheck, 'match');
  const wrong = check([page], 'Berglund said: “A boat every hour is not a luxury.”');
  assert.equal(wrong.speakerCheck, 'mismatch');
  const comment = check([page], 'A reader wrote: “The lake should join us, not divide us.”');
  assert.equal(comment.verdict, 'not-found');
  // The closest the index may come for a teaser's words is a near miss elsewhere, never a confirmation.
  const teaser = check([page], 'Organisers said it was “the coldest party in the north.”');
  assert.ok(!['exact', 'fragment', 'elided', 'variant'].includes(teaser.verdict), teaser.verdict);
  const caption = check([page], 'A commuter said “We waited twenty years for this.”');
  assert.equal(caption.verdict, 'not-found');
});

const TRANSCRIPT_QUOTES: [string, string][] = [
  ['Margaret Chen', 'Good morning and welcome to Sunday Briefing.'],
  ['Daniel Okafor', 'Thank you, Margaret.'],
  ['Margaret Chen', 'When will the trains run again?'],
  ['Daniel Okafor', 'I will not give a date I cannot keep.'],
  ['Margaret Chen', 'But you gave a date in October, and you missed it.'],
  ['Daniel Okafor', 'The survey found cracks that nobody had seen in forty years'],
  ['Margaret Chen', 'nobody had looked for forty years, Minister.'],
  ['Daniel Okafor', 'it is one reason we are changing how bridges are inspected.'],
  ['Ruth Alvarez', 'That is not good enough.'],
  ['Margaret Chen', 'Not good enough, she says.'],
  ['Daniel Okafor', 'I say she is right to be angry.'],
  ['Lena Frost', 'We cannot survive another winter of this.'],
  ['Daniel Okafor', 'they are why we added forty extra buses.'],
  ['Daniel Okafor', 'we will reopen the line safely, and we will.'],
];

test('transcript: every turn is a quote by its labelled speaker, short labels resolved', async () => {
  const t = await read('interview-transcript.txt');
  assert.equal(t.meta.kind, 'transcript');
  assertWellFormed(t);
  const s = score(t, TRANSCRIPT_QUOTES);
  assert.ok(s.found >= 0.95, `found ${s.found}`);
  assert.ok(s.speakers >= 0.9, `speakers ${s.speakers}`);
  assert.ok(!t.quotes.some((q) => /RUSH TRANSCRIPT/.test(q.text)), 'the header is nobody’s speech');
  assert.deepEqual(
    { title: t.meta.title, outlet: t.meta.outlet, date: t.meta.date, url: t.meta.url },
    {
      title: 'Transport minister on the northern rail closure',
      outlet: 'Sunday Briefing',
      date: '2025-11-16',
      url: 'https://broadcast.example/transcripts/sunday-briefing/2025-11-16',
    },
  );
});

test('transcript: markers are blanked from the words, offsets still those of the file', async () => {
  const raw = fs.readFileSync(fixture('formats', 'interview-transcript.txt'), 'utf8');
  const t = await read('interview-transcript.txt');
  assert.equal(t.text.length, raw.length);
  assert.ok(!t.text.includes('(CROSSTALK)') && !t.text.includes('[inaudible]') && !t.text.includes('(BEGIN VIDEO CLIP)'));
  const q = t.quotes.find((x) => x.text.includes('nobody had seen'))!;
  assert.equal(raw.slice(q.offset.start, q.offset.end).replace('(CROSSTALK)', ' '.repeat(11)), q.text);
  // The draft quotes the words as spoken, without the marker: exact.
  const d = check([t], 'Okafor said: “We did, and I have apologised for that. The survey found cracks that nobody had seen in forty years and we had to”');
  assert.equal(d.verdict, 'exact');
  assert.equal(d.speakerCheck, 'match');
});

test('transcript: a quotation inside a turn belongs to whoever the turn quotes', async () => {
  const t = await read('interview-transcript.txt');
  const frost = check([t], 'Frost said: “We cannot survive another winter of this.”');
  assert.equal(frost.verdict, 'exact');
  assert.equal(frost.speakerCheck, 'match');
  const okafor = check([t], 'Okafor said: “We cannot survive another winter of this.”');
  assert.equal(okafor.speakerCheck, 'mismatch');
  const clip = check([t], 'Alvarez said: “That is not good enough.”');
  assert.equal(clip.verdict, 'fragment');
  assert.equal(clip.speakerCheck, 'match');
  const host = check([t], 'Chen said: “That is not good enough.”');
  assert.equal(host.speakerCheck, 'mismatch', 'the clip is Alvarez speaking, not the host');
});

test('transcript: network header lines, times in labels, and a file with no labels', async () => {
  const text = [
    'SHOW: Evening Report',
    'DATE: March 3, 2026',
    '',
    '[00:12:04] JOHN PARK, ANCHOR: Tonight, the vote on the dam.',
    '[00:12:30] ALICE WU, ENGINEER: The dam will hold for another fifty years.',
    '[00:13:02] PARK: Are you sure of that?',
    '[00:13:05] WU: As sure as anyone can be.',
  ].join('\n');
  const r = await readSourceFile({ path: 'evening.txt', text });
  assert.ok(r.ok);
  assert.equal(r.source.meta.kind, 'transcript');
  assert.equal(r.source.meta.outlet, 'Evening Report');
  assert.equal(r.source.meta.date, '2026-03-03');
  assert.deepEqual(
    r.source.quotes.map((q) => [q.speaker, q.locator]),
    [
      ['John Park', { time: '00:12:04' }],
      ['Alice Wu', { time: '00:12:30' }],
      ['John Park', { time: '00:13:02' }],
      ['Alice Wu', { time: '00:13:05' }],
    ],
  );
  assert.match(await reason('no-labels-transcript.md'), /transcript but has no speaker labels/);
});

test('an article with a colon here and there is not taken for a transcript', async () => {
  const text = 'The council met on Monday.\n\nNOTE: the vote was close. “We will appeal,” said Ana Ruiz.\n\nIt ends there.';
  const r = await readSourceFile({ path: 'a.md', text });
  assert.ok(r.ok);
  assert.equal(r.source.meta.kind, 'article');
  assert.deepEqual(
    r.source.quotes.map((q) => q.speaker),
    ['Ana Ruiz'],
  );
});

const BRIEFING_QUOTES: [string, string][] = [
  ['Elena Marsh', 'The storm reached the coast at six this morning.'],
  ['Elena Marsh', 'All ferries are cancelled until tomorrow noon, and the inner harbour will stay closed'],
  ['Elena Marsh', 'Chief Rossi will give the details of the rescue.'],
  ['Paolo Rossi', 'At four a.m. a fishing boat lost power two miles off the breakwater.'],
  ['Paolo Rossi', 'Our crews brought all five people ashore.'],
  ['Paolo Rossi', 'Nobody was hurt.'],
  ['Dana Whitfield', 'were the crews ordered out against the advice of the coast guard?'],
  ['Paolo Rossi', 'The coast guard asked us to go, and we went.'],
  ['Elena Marsh', 'We will brief again at six.'],
];

test('WebVTT: voice tags give the speakers, a sentence across cues is one quote with its start time', async () => {
  const v = await read('briefing.vtt');
  assert.equal(v.meta.kind, 'captions');
  assertWellFormed(v);
  const s = score(v, BRIEFING_QUOTES);
  assert.ok(s.found >= 0.95, `found ${s.found}`);
  assert.ok(s.speakers >= 0.9, `speakers ${s.speakers}`);
  const across = v.quotes.find((q) => q.text.startsWith('All ferries'))!;
  assert.deepEqual(across.locator, { time: '00:00:05.200' });
  assert.ok(v.quotes.every((q) => q.locator && 'time' in q.locator));
  assert.deepEqual(
    { title: v.meta.title, outlet: v.meta.outlet, date: v.meta.date, url: v.meta.url },
    { title: 'Port authority storm briefing', outlet: 'Harbour City Television', date: '2026-01-21', url: 'https://harbourcity.example/briefings/2026-01-21-storm' },
  );
});

test('WebVTT: a draft quoting a sentence that spans two cues is exact, with the speaker checked', async () => {
  const v = await read('briefing.vtt');
  const d = check([v], 'Marsh said: “All ferries are cancelled until tomorrow noon, and the inner harbour will stay closed to small craft for the rest of the week.”');
  assert.equal(d.verdict, 'exact');
  assert.equal(d.speakerCheck, 'match');
  const wrong = check([v], 'Rossi said: “All ferries are cancelled until tomorrow noon, and the inner harbour will stay closed to small craft for the rest of the week.”');
  assert.equal(wrong.speakerCheck, 'mismatch');
  const question = check([v], 'Rossi was asked: “were the crews ordered out against the advice of the coast guard?”');
  assert.equal(question.match?.speaker, 'Dana Whitfield');
});

test('SRT: `- NAME:` labels, short labels resolved, unnamed reporters are nobody', async () => {
  const s = await read('statement.srt');
  assert.equal(s.meta.kind, 'captions');
  assertWellFormed(s);
  assert.deepEqual(
    s.quotes.map((q) => [q.speaker, q.locator]),
    [
      ['Nora Bell', { time: '00:00:00.500' }],
      ['Nora Bell', { time: '00:00:04.000' }],
      ['Nora Bell', { time: '00:00:08.200' }],
      [null, { time: '00:00:13.500' }],
      ['Nora Bell', { time: '00:00:17.400' }],
      ['Nora Bell', { time: '00:00:22.000' }],
    ],
  );
  assert.equal(s.meta.title, 'Statement by the water board chair on the reservoir leak');
  assert.equal(s.meta.outlet, 'Valley Public Radio');
  const d = check([s], 'Bell said: “The leak at the north reservoir was found on Friday night.”');
  assert.equal(d.verdict, 'exact');
  assert.equal(d.speakerCheck, 'match');
});

test('captions: an SRT without its extension is recognised, a VTT tag soup is cleaned', async () => {
  const srt = '1\n00:00:01,000 --> 00:00:03,000\n>> ANNA RUIZ: We are <i>ready</i> to vote.\n';
  assert.equal(formatOf({ path: 'noext', text: srt }), 'srt');
  const r = await readSourceFile({ path: 'noext', text: srt });
  assert.ok(r.ok);
  assert.deepEqual(
    r.source.quotes.map((q) => [q.speaker, q.text]),
    [['Anna Ruiz', 'We are ready to vote.']],
  );
  const bad = await readSourceFile({ path: 'x.vtt', text: 'WEBVTT\n\nnothing here\n' });
  assert.equal(bad.ok, false);
});

const PRESS_QUOTES: [string, string][] = [
  ['Ingrid Solberg', 'This barrier will keep the lower town dry'],
  ['Ingrid Solberg', 'We listened to every objection'],
  ['Pavel Novak', 'The new gate stays open from October to March'],
  ['Tomas Berg', 'Closing it more often than that would mean'],
  ['Ingrid Solberg', 'Every euro of this will be visible'],
];

test('PDF: text in reading order, headers and footers dropped, hyphens joined, each quote with its page', async () => {
  const p = await read('press-release.pdf');
  assert.equal(p.meta.kind, 'pdf');
  assertWellFormed(p);
  const s = score(p, PRESS_QUOTES);
  assert.ok(s.found >= 0.95, `found ${s.found}`);
  assert.ok(s.speakers >= 0.9, `speakers ${s.speakers}`);
  assert.ok(!p.text.includes('Media Office') && !p.text.includes('Page 1 of 2'), 'running header and footer dropped');
  assert.ok(p.text.includes('northern foundations'), 'hyphen at the line end joined');
  assert.deepEqual(
    p.quotes.map((q) => q.locator),
    [{ page: 1 }, { page: 1 }, { page: 1 }, { page: 2 }, { page: 2 }],
  );
  assert.deepEqual(
    { title: p.meta.title, author: p.meta.author, date: p.meta.date, url: p.meta.url },
    { title: 'Harbour Authority approves tidal barrier', author: 'Northport Harbour Authority Media Office', date: '2026-03-04', url: null },
  );
  const d = check([p], 'Novak said: “The new gate stays open from October to March, and that is all we ever asked for.”');
  assert.equal(d.verdict, 'exact');
  assert.equal(d.speakerCheck, 'match');
  const header = check([p], 'The office wrote “Northport Harbour Authority · Media Office” on every page.');
  assert.ok(!['exact', 'fragment', 'elided', 'variant'].includes(header.verdict), header.verdict);
  assert.equal(check([p], 'The footer said “Press release · Page 1 of 2” as footers do.').verdict, 'not-found');
});

test('bad files: one clear reason each, and the other sources keep working', async () => {
  assert.match(await reason('scanned.pdf'), /^is a scanned PDF with no text/);
  assert.match(await reason('encrypted.pdf'), /^is an encrypted PDF/);
  assert.match(await reason('broken.html'), /^is HTML in which no article text could be found/);
  const notPdf = await readSourceFile({ path: 'fake.pdf', bytes: new TextEncoder().encode('%PDF-1.4 this is not really a PDF') });
  assert.equal(notPdf.ok, false);
  const big = await readSourceFile({ path: 'huge.pdf', bytes: new Uint8Array(200 * 1024 * 1024) });
  assert.deepEqual(big, { ok: false, reason: `is 200 MB, over the ${DEFAULT_MAX_FILE_BYTES / 1024 / 1024} MB limit` });
  const names = [
    'news-page.html',
    'interview-transcript.txt',
    'briefing.vtt',
    'statement.srt',
    'press-release.pdf',
    'scanned.pdf',
    'encrypted.pdf',
    'broken.html',
    'no-labels-transcript.md',
  ];
  const catalog = await buildCatalogAsync(names.map((n) => ({ path: `sources/${n}`, bytes: fs.readFileSync(fixture('formats', n)) })));
  assert.deepEqual(
    catalog.sources.map((s) => s.meta.kind),
    ['web-page', 'transcript', 'captions', 'captions', 'pdf'],
  );
  assert.equal(catalog.problems.length, 4);
  for (const p of catalog.problems) assert.match(`${p.path} ${p.reason}`, /^sources\/\S+ (is|could)/);
});

test('hovers show where in the document: the caption time, the PDF page', async () => {
  const v = await read('briefing.vtt');
  const hover = explainQuoteCheck(check([v], 'Rossi said: “Nobody was hurt.”'), v);
  assert.match(hover, /Harbour City Television · at 00\\:00\\:25 ·/);
  const p = await read('press-release.pdf');
  const onPage2 = explainQuoteCheck(check([p], 'She said: “Every euro of this will be visible to the people who pay for it.”'), p);
  assert.match(onPage2, / · p\\\. 2/);
});

test('transcript: a network header, Mc names, and a speaker’s own phrase in marks', async () => {
  const text = [
    'STATE OF THE REGION',
    'Interview with Senator Kevin McCarthy',
    'Aired March 9, 2026 - 09:00 ET',
    '',
    'THIS IS A RUSH TRANSCRIPT. THIS COPY MAY NOT BE IN ITS FINAL FORM.',
    '',
    'DANA BASH, HOST: Senator, welcome. You called the budget "a house of cards" last week.',
    '',
    'SEN. KEVIN McCARTHY (R), NORTHERN DISTRICT: I did, and I meant every word of it, Dana.',
    '',
    'BASH: Your own leader said, "We will pass it by Friday."',
    '',
    'McCARTHY: He can say that. We call it "the Friday promise" around here (LAUGHTER) and nobody believes it.',
  ].join('\n');
  const r = await readSourceFile({ path: 'sotr.txt', text });
  assert.ok(r.ok);
  assert.equal(r.source.meta.date, '2026-03-09');
  const quotes = r.source.quotes.map((q) => [q.speaker, q.text.replace(/\s+/g, ' ')]);
  assert.deepEqual(quotes, [
    ['Dana Bash', 'Senator, welcome. You called the budget "a house of cards" last week.'],
    ['Kevin McCarthy', 'I did, and I meant every word of it, Dana.'],
    ['Dana Bash', 'Your own leader said'],
    [null, 'We will pass it by Friday.'],
    ['Kevin McCarthy', 'He can say that. We call it "the Friday promise" around here and nobody believes it.'],
  ]);
});

test('transcript: the head of a network transcript gives programme, title and date', async () => {
  const text = [
    'CNN STATE OF THE UNION',
    '',
    'Interview with Senator Ruth Alvarez',
    '',
    'Aired September 14, 2025 - 09:00 ET',
    '',
    'JAKE RIVERA, HOST: Welcome back.',
    '',
    'SEN. RUTH ALVAREZ: Thank you.',
    '',
    'RIVERA: Let us begin.',
  ].join('\n');
  const r = await readSourceFile({ path: 'sotu.txt', text });
  assert.ok(r.ok);
  assert.deepEqual(
    { outlet: r.source.meta.outlet, title: r.source.meta.title, date: r.source.meta.date },
    { outlet: 'CNN State of the Union', title: 'Interview with Senator Ruth Alvarez', date: '2025-09-14' },
  );
});

test('web page: comments and teasers marked up as <article> elements are dropped too', async () => {
  const html = `<!doctype html><html><head><title>T</title></head><body><main>
    <article class="story"><h1>Dam vote</h1><p>The council voted on the dam on Monday night after a long debate in the town hall.</p>
    <p>“We will build it before the spring floods,” said Ana Ruiz, the mayor, after the vote was counted.</p>
    <p>Opponents said they would take the decision to court within the month, and began collecting signatures.</p></article>
    <section><article class="comment"><p>“Build it yesterday,” I say.</p></article><article class="comment"><p>“Never,” says my uncle.</p></article></section>
    <article class="teaser"><p>“Coldest winter on record,” forecasters warn.</p></article></main></body></html>`;
  const r = await readSourceFile({ path: 'dam.html', text: html });
  assert.ok(r.ok);
  assert.deepEqual(
    r.source.quotes.map((q) => [q.speaker, q.text]),
    [['Ana Ruiz', 'We will build it before the spring floods,']],
  );
});

test('Word documents: paragraphs and quotes through mammoth, title and author from the core properties', async () => {
  const d = await read('statement.docx');
  assert.equal(d.meta.kind, 'docx');
  assertWellFormed(d);
  assert.deepEqual(
    d.quotes.map((q) => [q.speaker, q.text]),
    [
      ['Clara Jensen', 'Nobody should have to choose between a warm room and a good book,'],
      ['Clara Jensen', 'We found the money by delaying the new roof by one year,'],
    ],
  );
  assert.deepEqual(
    { title: d.meta.title, author: d.meta.author, date: d.meta.date },
    { title: 'Library hours extended through the winter', author: 'County Library Press Office', date: null },
  );
  const bad = await readSourceFile({ path: 'broken.docx', bytes: new TextEncoder().encode('not a zip at all') });
  assert.equal(bad.ok, false);
  assert.match(bad.ok ? '' : bad.reason, /^is not a Word document that can be read/);
});

test('long transcripts and caption files load in time proportional to their length', async () => {
  const turns = Array.from({ length: 20_000 }, (_, k) => `${k % 2 ? '[00:01:00] ANNA RUIZ' : 'BOB STONE'}: We said (CROSSTALK) this is turn ${k}.`).join('\n\n');
  const cues = Array.from({ length: 20_000 }, (_, k) => `00:00:01.000 --> 00:00:02.000\n<v ${k % 3 ? 'Ann Lee' : 'Bo Chan'}>words of cue ${k}${k % 4 === 3 ? '.' : ''}`).join(
    '\n\n',
  );
  const t = Date.now();
  const a = await readSourceFile({ path: 'long.txt', text: `---\nkind: transcript\n---\n${turns}\n` });
  const b = await readSourceFile({ path: 'long.vtt', text: `WEBVTT\n\n${cues}\n` });
  assert.ok(a.ok && a.source.quotes.length === 20_000);
  assert.ok(b.ok && b.source.quotes.length > 10_000);
  // Quadratic work (a queue shifted line by line, a string searched as it grows) took many seconds here.
  assert.ok(Date.now() - t < 8_000, `${Date.now() - t} ms`);
});
