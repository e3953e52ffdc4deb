// The engine interface the hosts use: one decision per question (confirmed? how is a citation inserted? what does
// the hover say?), and the bugs that came from each host deciding it in its own way.
import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import { createEngine, QuoteIndex, type Source, type VerbatimEngine } from './core-internals';
import { applyEdits, loadSources } from './helpers';

const engine: VerbatimEngine = createEngine(new QuoteIndex(loadSources('sources/harbour-strike.md')));
const alaska = engine.sources[0]!;
const zelensky = alaska.quotes.find((q) => q.text.startsWith('There are no details'))!;

test('isConfirmed: the words are the sources’ words (exact, fragment, elided, variant), and nothing else', () => {
  const draft = [
    'Zelensky said “There are no details how it will work.”',
    'Zelensky said “there are no details on how it will work.”',
    'Zelensky said “There are no details … like Article 5 of NATO.”',
    'Putin said “The summit was a great success for everyone.”',
  ].join('\n\n');
  const verdicts = engine.checkDraft(draft).quotes.map((q) => [q.verdict, engine.isConfirmed(q)]);
  assert.deepEqual(verdicts, [
    ['fragment', true],
    ['misquote', false],
    ['elided', true],
    ['not-found', false],
  ]);
});

test('bug: the quick fix offered "Add citation" on a misquote; the engine refuses it, as Cite Selection does', () => {
  const draft = 'He said “there are no details on how it will work.”';
  const check = engine.checkDraft(draft).quotes[0]!;
  assert.equal(check.verdict, 'misquote');
  assert.equal(engine.citeQuotation(draft, check, 'footnote'), null);
  assert.equal(engine.cite(draft, check.span, 'footnote'), null);
  const good = 'He said “There are no details how it will work.”';
  const confirmed = engine.checkDraft(good).quotes[0]!;
  assert.ok(engine.citeQuotation(good, confirmed, 'footnote'));
  assert.ok(engine.cite(good, confirmed.span, 'footnote'));
});

test('bug: inserting a second citation of a source whose footnote differs by one full stop adds no second definition', () => {
  const existing = `Earlier “quote”[^1].\n\n[^1]: Volodymyr Zelenskyy, quoted in ${alaska.meta.id}, August 18, 2025\n`;
  const at = existing.indexOf('\n\n');
  const entry = { quote: zelensky, source: alaska };
  for (const edits of [
    engine.insertQuote(existing, entry, { start: at, end: at }, 'footnote'),
    engine.cite(`${existing.slice(0, at)} “There are no details how it will work”${existing.slice(at)}`, { start: at + 2, end: at + 39 }, 'footnote')!.edits,
  ]) {
    assert.equal(edits.length, 1, 'only the marker or quotation, no second definition');
    assert.match(edits[0]!.newText, /\[\^1\]$/);
  }
  const completion = engine.complete('Zelensky said “There are no det', 31)!;
  const completionEdits = engine.completionEdits(existing + '\nZelensky said “There are no det', completion, completion.suggestions[0]!, {
    insertAttribution: true,
    style: 'footnote',
  });
  assert.equal(completionEdits.length, 1);
});

test('citation edits: a footnote definition is added once, at the end, after one blank line', () => {
  const draft = 'He said “There are no details how it will work.”\n';
  const check = engine.checkDraft(draft).quotes[0]!;
  const edits = engine.citeQuotation(draft, check, 'footnote')!;
  const out = applyEdits(draft, edits);
  assert.equal(out, `He said “There are no details how it will work.”[^1]\n\n[^1]: Volodymyr Zelenskyy, quoted in ${alaska.meta.id}, August 18, 2025.\n`);
  // Citing it again reuses the number and adds no definition.
  const again = engine.citeQuotation(out, engine.checkDraft(out).quotes[0]!, 'footnote')!;
  assert.deepEqual(
    again.map((e) => e.newText),
    ['[^1]'],
  );
  // Inline style adds nothing when the draft already names the speaker.
  assert.equal(
    engine.citeQuotation(
      'Zelensky said “There are no details how it will work.”',
      engine.checkDraft('Zelensky said “There are no details how it will work.”').quotes[0]!,
      'inline',
    ),
    null,
  );
});

test('completions: inside an open quotation, what was typed is replaced by the source’s words and the mark closed', () => {
  const draft = 'Zelensky said “there are no detals how';
  const completion = engine.complete(draft, draft.length)!;
  assert.equal(completion.typed, 'there are no detals how');
  assert.equal(completion.openMark, '“');
  assert.equal(completion.closeMark, '”');
  assert.equal(completion.speaker, 'Volodymyr Zelenskyy');
  assert.equal(completion.suggestions[0]!.quote, zelensky);
  const [main] = engine.completionEdits(draft, completion, completion.suggestions[0]!);
  const accepted = applyEdits(draft, [main!]);
  assert.equal(accepted, `Zelensky said “${zelensky.text}”`);
  const check = engine.checkDraft(accepted);
  assert.equal(check.quotes[0]!.verdict, 'exact');
  assert.deepEqual(check.findings, []);
  // An auto-closed mark after the cursor is replaced, not doubled.
  const autoClosed = 'Zelensky said “there are no det”';
  assert.deepEqual(engine.complete(autoClosed, autoClosed.length - 1)!.replace, { start: 15, end: autoClosed.length });
  // Outside a quotation, or after a closed one: nothing.
  assert.equal(engine.complete('no quotation here', 5), null);
  assert.equal(engine.complete('“closed.” after', 15), null);
});

/** An engine over the built-in article with its metadata replaced. */
function sourceWith(meta: Partial<Source['meta']>): VerbatimEngine {
  const source = loadSources()[0]!;
  return createEngine(new QuoteIndex([{ ...source, meta: { ...source.meta, ...meta } }]));
}

test('bug: the hover put a source id between backticks unescaped; every field from a source is escaped', () => {
  const hostile = '`x` [evil](command:workbench.action.terminal.new) <img src=x> *b*';
  const e = sourceWith({ id: hostile, title: null, outlet: hostile, author: hostile, url: `javascript:${hostile}`, date: '2025-08-18 <b>' });
  const draft = 'Zelensky said “There are no details how it will work.”';
  const markdown = e.explain(e.checkDraft(draft).quotes[0]!, { linkToSource: () => 'command:verbatim.openSource' });
  assert.doesNotMatch(markdown, /(?<!\\)\[evil(?<!\\)\]/, 'no live link text');
  assert.doesNotMatch(markdown, /(?<!\\)`x(?<!\\)`/, 'no code span from the id');
  assert.doesNotMatch(markdown, /(?<!\\)<(img|b)/, 'no HTML');
  assert.doesNotMatch(markdown, /\]\(command:workbench/, 'no command link but ours');
  const links = [...markdown.matchAll(/(?<!\\)\]\((?<target>[^)]*)\)/g)].map((m) => m.groups!.target);
  assert.deepEqual(links, ['command:verbatim.openSource']);
});

test('explain: the verdict, speaker, passage, diff and omissions, with the draft’s words escaped too', () => {
  const draft = 'Witkoff said “There are no details *on* how it will work.”';
  const markdown = engine.explain(engine.checkDraft(draft).quotes[0]!);
  assert.match(markdown, /Misquote/);
  // q7 is "…,” he said" in the article: not sure enough to call Witkoff wrong, and the hover says why.
  assert.match(markdown, /your draft credits Steve Witkoff; the source's attribution to Volodymyr Zelenskyy is not sure \(it says only “he”\)/);
  assert.match(
    engine.explain(engine.checkDraft('Zelensky said Russia would not “go after any other European countries.”').quotes[0]!),
    /your draft credits Volodymyr Zelenskyy, the source credits Steve Witkoff/,
  );
  assert.match(markdown, /Word by word: There are no details \*\*on\*\* how it will work/, 'the added word in bold');
  const elided = engine.explain(engine.checkDraft('Zelensky said “There are no details … like Article 5 of NATO.”').quotes[0]!);
  assert.match(elided, /Left out: “/);
  assert.match(engine.explain(engine.checkDraft('Putin said “The summit was a great success for everyone.”').quotes[0]!), /No passage in the sources is close/);
});

test('fixAll applies each finding’s fix once, never touching text outside the fixes', () => {
  const draft = 'Intro *kept* as is.\n\nZelensky said “there are no details on how it will work.”\n\nOutro [kept] too.\n';
  const fixed = engine.fixAll(draft);
  assert.equal(fixed.applied.length, 1);
  assert.ok(fixed.text.startsWith('Intro *kept* as is.\n\nZelensky said “'));
  assert.ok(fixed.text.endsWith('”\n\nOutro [kept] too.\n'));
  assert.deepEqual(
    fixed.remaining.findings.filter((f) => f.fixes.length > 0),
    [],
  );
  assert.equal(engine.fixAll('Nothing to fix here.').applied.length, 0);
});
