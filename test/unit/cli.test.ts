import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { spawnSync } from 'node:child_process';
import { run } from '../../src/cli/main';
import { repoRoot } from './helpers';

async function cli(...argv: string[]) {
  let stdout = '';
  let stderr = '';
  const code = await run(argv, { stdout: (s) => (stdout += s), stderr: (s) => (stderr += s), cwd: repoRoot, resourcesDir: path.join(repoRoot, 'resources') });
  return { code, stdout, stderr };
}

const LINE = /^(.+):(\d+):(\d+): (error|warning|info|hint) ([a-z-]+) (.+)$/;

test('check prints one path:line:column line per finding and exits 1 on warnings', async () => {
  const r = await cli('check', 'examples/draft.md');
  assert.equal(r.code, 1);
  const lines = r.stdout.trim().split('\n');
  assert.ok(lines.length >= 4);
  for (const line of lines) assert.match(line, LINE);
  const misquote = lines.find((l) => l.includes(' misquote '))!;
  const [, file, line, col] = LINE.exec(misquote)!;
  assert.equal(file, 'examples/draft.md');
  const text = fs.readFileSync(path.join(repoRoot, 'examples/draft.md'), 'utf8').split('\n')[Number(line) - 1]!;
  assert.ok(text.slice(Number(col) - 1).startsWith('there are no details on how'));
});

test('--fail-on sets the exit status threshold', async () => {
  assert.equal((await cli('check', '--fail-on', 'never', 'examples/draft.md')).code, 0);
  const wrong = path.join(os.tmpdir(), `verbatim-wrong-${process.pid}.md`);
  fs.writeFileSync(wrong, '“We were able to win the following concession,” Zelensky said.\n');
  try {
    assert.equal((await cli('check', '--fail-on', 'error', wrong)).code, 1);
  } finally {
    fs.rmSync(wrong);
  }
  const clean = path.join(os.tmpdir(), `verbatim-clean-${process.pid}.md`);
  fs.writeFileSync(clean, 'Witkoff called it “game-changing.”\n');
  try {
    assert.equal((await cli('check', clean)).code, 0);
    assert.equal((await cli('check', '--fail-on', 'info', clean)).code, 0);
  } finally {
    fs.rmSync(clean);
  }
});

test('check --format json has the contract shape, with each example passage’s intended verdict', async () => {
  const r = await cli('check', '--format', 'json', 'examples/draft.md');
  const json = JSON.parse(r.stdout);
  const file = json.files[0];
  assert.equal(file.path, 'examples/draft.md');
  const verdicts = file.quotes.map((q: { verdict: string; speakerCheck: string }) => `${q.verdict}/${q.speakerCheck}`);
  assert.deepEqual(verdicts, [
    'exact/match',
    'exact/match',
    'fragment/match',
    'elided/match',
    'elided/match',
    'elided/match',
    'misquote/match',
    // q6 is "…,” she said" in the article: a pronoun is not sure, but "she" cannot be Volodymyr Zelenskyy.
    'fragment/mismatch',
    'extends-source/match',
    'not-found/not-applicable',
    'fragment/unattributed',
    // q3 is named in the article ("Witkoff told CNN"): crediting Zelensky is a wrong speaker.
    'fragment/mismatch',
  ]);
  const q = file.quotes[6];
  assert.deepEqual(Object.keys(q.range), ['start', 'end']);
  assert.deepEqual(Object.keys(q.range.start), ['line', 'character']);
  assert.equal(q.attributedTo, 'Zelensky');
  assert.deepEqual(Object.keys(q.match).sort(), ['offset', 'quoteId', 'sourceId', 'speaker', 'text']);
  assert.equal(q.match.speaker, 'Volodymyr Zelenskyy');
  assert.ok(Array.isArray(q.diff));
  assert.equal(file.quotes[9].match, null);
  assert.equal(file.quotes[9].attributedTo, 'Putin');
  assert.equal('diff' in file.quotes[0], false);
  for (const f of file.findings) {
    assert.deepEqual(Object.keys(f), ['code', 'severity', 'message', 'range', 'fixes']);
    for (const fix of f.fixes) for (const e of fix.edits) assert.deepEqual(Object.keys(e), ['range', 'newText']);
  }
  const text = fs.readFileSync(path.join(repoRoot, 'examples/draft.md'), 'utf8').split('\n');
  for (const quote of file.quotes) assert.equal(text[quote.range.start.line]!.slice(quote.range.start.character, quote.range.end.character), quote.text);
});

test('quotes --format json lists the built-in article’s 7 quotes with their speakers', async () => {
  const r = await cli('quotes', '--format', 'json');
  assert.equal(r.code, 0);
  const json = JSON.parse(r.stdout);
  assert.deepEqual(json.sources, [
    { id: 'alaska-summit-2025-08-18', title: null, date: '2025-08-18', outlet: null, author: null, url: null, path: '(built-in) alaska-summit-2025-08-18.txt', kind: 'article' },
  ]);
  assert.deepEqual(
    json.quotes.map((q: { speaker: string }) => q.speaker),
    ['Steve Witkoff', 'Steve Witkoff', 'Steve Witkoff', 'Steve Witkoff', 'Steve Witkoff', 'Ursula von der Leyen', 'Volodymyr Zelenskyy'],
  );
  assert.deepEqual(Object.keys(json.quotes[0]), ['id', 'sourceId', 'speaker', 'text', 'offset', 'context', 'attribution']);
  assert.deepEqual(Object.keys(json.quotes[0].attribution), ['method', 'confidence', 'mention']);
  assert.deepEqual(
    json.quotes.map((q: { attribution: { method: string } }) => q.attribution.method),
    ['appositive', 'continuation', 'named', 'named', 'pronoun', 'pronoun', 'pronoun'],
  );
});

test('quotes --speaker accepts any alias, --search finds by words, --source adds sources', async () => {
  const z = JSON.parse((await cli('quotes', '--format', 'json', '--speaker', 'Zelensky')).stdout);
  assert.deepEqual(
    z.quotes.map((q: { id: string }) => q.id),
    ['q7'],
  );
  const s = JSON.parse((await cli('quotes', '--format', 'json', '--search', 'game changing')).stdout);
  assert.equal(s.quotes[0].id, 'q2');
  const more = JSON.parse((await cli('quotes', '--format', 'json', '--no-builtin', '--source', 'test/fixtures/sources/*.md')).stdout);
  assert.deepEqual(
    more.sources.map((x: { id: string }) => x.id),
    ['harbour-strike'],
  );
  // The quote carried over two paragraphs is one quote per paragraph.
  assert.equal(more.quotes.length, 8);
});

test('cite prints the citation in each style, and exits 1 when nothing matches', async () => {
  const inline = await cli('cite', 'game-changing');
  assert.equal(inline.code, 0);
  assert.equal(inline.stdout, '“game-changing,” Witkoff said.\n');
  const foot = await cli('cite', '--style', 'footnote', 'no details how it will work');
  assert.match(foot.stdout, /\[\^1\]\n\n\[\^1\]: Volodymyr Zelenskyy, quoted in alaska-summit-2025-08-18, August 18, 2025\.\n$/);
  const none = await cli('cite', 'words nobody ever said anywhere');
  assert.equal(none.code, 1);
  assert.match(none.stderr, /^verbatim: no source passage found/);
});

test('bad input: one clear line on stderr and exit 2, never a stack trace', async () => {
  const cases: [string[], RegExp][] = [
    [['check', 'no/such/draft.md'], /no\/such\/draft\.md does not exist/],
    [['check', 'examples'], /examples is a directory/],
    [['check', 'test/fixtures/bad/binary.md'], /binary\.md looks binary/],
    [['check', 'test/fixtures/bad/invalid-utf8.md'], /invalid-utf8\.md is not valid UTF-8/],
    [['check'], /check needs at least one draft file/],
    [['check', '--format', 'xml', 'examples/draft.md'], /--format must be text or json/],
    [['check', '--fail-on', 'sometimes', 'examples/draft.md'], /--fail-on must be/],
    [['check', '--bogus', 'examples/draft.md'], /Unknown option '--bogus'/],
    [['frobnicate'], /unknown command "frobnicate"/],
    [['cite', '--style', 'harvard', 'x'], /--style must be one of .* or a \.csl file/],
    [['cite', '--style', 'no/such/style.csl', 'x'], /no\/such\/style\.csl cannot be read/],
    [['cite', '--bibliography', 'test/fixtures/formats/broken.html', 'x'], /broken\.html is neither CSL-JSON nor BibTeX/],
    [['quotes', '--no-builtin', '--source', 'test/fixtures/bad/*.md'], /no usable sources/],
    [['check', 'test/fixtures/drafts/*.nothing'], /no drafts match/],
  ];
  for (const [argv, message] of cases) {
    const r = await cli(...argv);
    assert.equal(r.code, 2, argv.join(' '));
    assert.match(r.stderr, message, argv.join(' '));
    assert.doesNotMatch(r.stderr, /\n\s+at /, 'no stack trace');
  }
});

test('a file over the size limit is refused without being read', async () => {
  const big = path.join(os.tmpdir(), `verbatim-big-${process.pid}.md`);
  fs.closeSync(fs.openSync(big, 'w'));
  fs.truncateSync(big, 21 * 1024 * 1024); // sparse: costs no disk
  try {
    const r = await cli('check', big);
    assert.equal(r.code, 2);
    assert.match(r.stderr, /is 21 MB, over the 20 MB limit/);
    const asSource = await cli('quotes', '--source', big);
    assert.equal(asSource.code, 0);
    assert.match(asSource.stderr, /warning: skipping source .*over the 20 MB limit/);
  } finally {
    fs.rmSync(big);
  }
});

test('an unreadable source among several is a warning, and the others keep working', async () => {
  const r = await cli('check', '--format', 'json', '--source', 'test/fixtures/bad/*.md', '--source', 'test/fixtures/sources/harbour-strike.md', 'examples/draft.md');
  assert.equal(r.code, 1);
  for (const bad of [
    'binary.md looks binary',
    'empty.md is empty',
    'invalid-utf8.md is not valid',
    'malformed-front-matter.md has a front matter line (line 2)',
    'unclosed-front-matter.md has front matter that starts with --- but never closes',
  ]) {
    assert.ok(r.stderr.includes(bad), `${bad} in ${r.stderr}`);
  }
  assert.equal(r.stderr.split('\n').filter((l) => l.startsWith('verbatim: warning')).length, 5);
  assert.equal(JSON.parse(r.stdout).files[0].quotes.length, 12);
});

test('CRLF drafts get the same positions as LF drafts', async () => {
  const lf = 'Intro line.\n\nZelensky said “there are no details on how it will work.”\n';
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'verbatim-'));
  try {
    fs.writeFileSync(path.join(dir, 'lf.md'), lf);
    fs.writeFileSync(path.join(dir, 'crlf.md'), lf.replace(/\n/g, '\r\n'));
    const a = JSON.parse((await cli('check', '--format', 'json', path.join(dir, 'lf.md'))).stdout).files[0];
    const b = JSON.parse((await cli('check', '--format', 'json', path.join(dir, 'crlf.md'))).stdout).files[0];
    assert.deepEqual(b.quotes[0].range, a.quotes[0].range);
    assert.deepEqual(b.findings, a.findings);
  } finally {
    fs.rmSync(dir, { recursive: true });
  }
});

test('the built command runs as a program: exit codes and no stack traces', () => {
  assert.ok(fs.existsSync(path.join(repoRoot, 'dist/cli.js')), 'dist/cli.js is missing: `npm run test:unit` builds it');
  const exe = (args: string[]) => spawnSync(process.execPath, [path.join(repoRoot, 'dist/cli.js'), ...args], { cwd: repoRoot, encoding: 'utf8' });
  const ok = exe(['check', '--fail-on', 'never', 'examples/draft.md']);
  assert.equal(ok.status, 0);
  assert.match(ok.stdout, /examples\/draft\.md:\d+:\d+: warning misquote/);
  const missing = exe(['check', 'missing.md']);
  assert.equal(missing.status, 2);
  assert.equal(missing.stderr.trim().split('\n').length, 1);
  assert.doesNotMatch(missing.stderr, /\bat .*\.js:\d+/);
});

test('an empty draft is checked like any other: no findings, exit 0 (an empty source is still reported)', async () => {
  const r = await cli('check', '--format', 'json', 'test/fixtures/bad/empty.md');
  assert.equal(r.code, 0, r.stderr);
  assert.deepEqual(JSON.parse(r.stdout).files, [{ path: 'test/fixtures/bad/empty.md', quotes: [], findings: [] }]);
  const asSource = await cli('quotes', '--source', 'test/fixtures/bad/empty.md');
  assert.match(asSource.stderr, /skipping source test\/fixtures\/bad\/empty\.md is empty/);
});

test('the text summary starts on a line of its own, even after --verdicts with no findings', async () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'verbatim-'));
  try {
    const draft = path.join(dir, 'fine.md');
    fs.writeFileSync(draft, 'The coalition “is ready to do its share.”');
    const r = await cli('check', '--verdicts', draft);
    assert.equal(r.code, 0, r.stderr);
    assert.match(r.stdout, /quote (exact|fragment).*\n$/);
    assert.match(r.stderr, /^1 file checked: 1 quotation, no findings\n$/);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
});

test('check --fix applies the fixes in place, and checking again finds nothing fixable', async () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'verbatim-'));
  try {
    const draft = path.join(dir, 'draft.md');
    // The wrong speaker is on a quote the article attributes by name ("Witkoff said"): sure enough for a fix.
    const before =
      '# Monday\n\nZelensky said “there are no details on how it will work.”\n\nZelensky said Russia would not “go after any other European countries.” Untouched line.\n';
    fs.writeFileSync(draft, before);
    const dry = await cli('check', '--fix', '--dry-run', draft);
    assert.match(dry.stdout, /^-Zelensky said “there are no details on how it will work\.”$/m);
    assert.match(dry.stdout, /^\+Zelensky said “There are no details how it will work\.”$/m);
    assert.match(dry.stdout, /^\+Witkoff said Russia would not “go after any other European countries\.” Untouched line\.$/m);
    assert.equal(fs.readFileSync(draft, 'utf8'), before, '--dry-run writes nothing');
    const fixed = await cli('check', '--fix', '--format', 'json', draft);
    const after = fs.readFileSync(draft, 'utf8');
    assert.notEqual(after, before);
    assert.ok(after.startsWith('# Monday\n\nZelensky said “'), 'text outside the fixes is untouched');
    assert.ok(after.endsWith(' Untouched line.\n'));
    assert.deepEqual(
      JSON.parse(fixed.stdout).files[0].findings.filter((f: { fixes: unknown[] }) => f.fixes.length > 0),
      [],
    );
    const again = await cli('check', '--format', 'json', draft);
    assert.deepEqual(
      JSON.parse(again.stdout).files[0].findings.filter((f: { fixes: unknown[] }) => f.fixes.length > 0),
      [],
    );
    assert.deepEqual(fs.readdirSync(dir), ['draft.md'], 'no temporary file left behind');
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
});

test('--dry-run without --fix is a usage error', async () => {
  const r = await cli('check', '--dry-run', 'examples/draft.md');
  assert.equal(r.code, 2);
  assert.match(r.stderr, /--dry-run goes with --fix/);
});

test('quotes --format json: each source has its kind, each quote of a PDF or captions its locator', async () => {
  const r = await cli(
    'quotes',
    '--no-builtin',
    '--format',
    'json',
    '--source',
    'test/fixtures/formats/press-release.pdf',
    '--source',
    'test/fixtures/formats/briefing.vtt',
    '--source',
    'test/fixtures/formats/*.html',
    '--source',
    'test/fixtures/formats/interview-transcript.txt',
  );
  assert.equal(r.code, 0, r.stderr);
  assert.match(r.stderr, /broken\.html is HTML in which no article text could be found/);
  const json = JSON.parse(r.stdout);
  assert.deepEqual(
    json.sources.map((s: { id: string; kind: string }) => [s.id, s.kind]),
    [
      ['press-release', 'pdf'],
      ['briefing', 'captions'],
      ['news-page', 'web-page'],
      ['interview-transcript', 'transcript'],
    ],
  );
  const berg = json.quotes.find((q: { speaker: string }) => q.speaker === 'Tomas Berg');
  assert.deepEqual(berg.locator, { page: 2 });
  const hurt = json.quotes.find((q: { text: string }) => q.text === 'Nobody was hurt.');
  assert.deepEqual(hurt.locator, { time: '00:00:25.400' });
  assert.ok(json.quotes.filter((q: { sourceId: string }) => q.sourceId === 'news-page').every((q: object) => !('locator' in q)));
});

test('cite --style FILE.csl formats through the CSL processor, with the page of a PDF quote', async () => {
  const r = await cli(
    'cite',
    '--no-builtin',
    '--source',
    'test/fixtures/formats/press-release.pdf',
    '--style',
    'test/fixtures/formats/house-style.csl',
    'that is all we ever asked for',
  );
  assert.equal(r.code, 0, r.stderr);
  // The house style cites by outlet, else publisher, else title; a PDF without either is cited by its title.
  assert.equal(r.stdout, '“that is all we ever asked for” (Harbour Authority approves tidal barrier, 2026, p. 1).\n\nHarbour Authority approves tidal barrier. March 4, 2026.\n');
  const apa = await cli('cite', '--no-builtin', '--source', 'test/fixtures/formats/press-release.pdf', '--style', 'apa', '--format', 'json', 'Every euro of this will be visible');
  assert.equal(apa.code, 0, apa.stderr);
  const json = JSON.parse(apa.stdout);
  assert.deepEqual(json.locator, { page: 2 });
  assert.equal(json.marker, ' (Northport Harbour Authority Media Office, 2026, p. 2)');
});
