// Property-based tests: random Unicode (surrogate pairs, combining marks, right-to-left text, NUL, every quotation
// mark, CR, LF and CRLF) through extraction, verification, fixes and citations. Fixed seed and a bounded number of
// runs here; `npm run fuzz` runs the same properties for longer with a fresh seed.
import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import fc from 'fast-check';
import { applyFixes, checkDraft, createEngine, formatCitation, parseSource, CITATION_STYLES, type SourceMeta } from './core-internals';
import { tokenizeWords } from '../../src/core/text/words';
import { alaskaIndex, applyEdits } from './helpers';

export const SEED = process.env.FUZZ_SEED === 'random' ? Date.now() % 2 ** 31 : Number(process.env.FUZZ_SEED ?? 20251118);
if (process.env.FUZZ_SEED === 'random') console.log(`fuzz seed ${SEED} (rerun with FUZZ_SEED=${SEED})`);
export const RUNS = Number(process.env.FUZZ_RUNS ?? 150);
const params = { seed: SEED, numRuns: RUNS };

const PIECES = [
  '“',
  '”',
  '"',
  "'",
  '‘',
  '’',
  '«',
  '»',
  '„',
  '‟',
  '‹',
  '›',
  '…',
  '...',
  '[',
  ']',
  '[…]',
  '—',
  '–',
  '-',
  ',',
  '.',
  ':',
  '\n',
  '\r\n',
  '\r',
  '\n\n',
  ' ',
  '\t',
  '\u0000',
  'é',
  'e\u0301',
  '😀',
  '\ud83d',
  'שלום',
  'مرحبا',
  '\u200f',
  'Witkoff said',
  'he said',
  'Zelensky',
  'Ursula von der Leyen',
  'not',
  'We were able to win',
  'the following concession',
  'game-changing',
  'There are no details how it will work',
  'Fox News Sunday',
  '# Heading',
  '```',
  '`',
  '---\ntitle: x\n---\n',
  'date 2025-08-18 ',
];
/** Text built from pieces that matter to the engine, mixed with arbitrary Unicode. */
const text = fc
  .array(fc.oneof({ weight: 4, arbitrary: fc.constantFrom(...PIECES) }, { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 6 }) }), { maxLength: 60 })
  .map((parts) => parts.join(''));

test('source extraction never throws, and every offset covers the characters it claims', () => {
  fc.assert(
    fc.property(text, (t) => {
      const r = parseSource({ text: t, path: 'fuzz.md' });
      if (!r.ok) return;
      const s = r.source;
      for (const q of s.quotes) {
        assert.ok(q.offset.start >= 0 && q.offset.start <= q.offset.end && q.offset.end <= t.length);
        assert.equal(t.slice(q.offset.start, q.offset.end), q.text);
      }
      for (const p of s.paragraphs) assert.equal(t.slice(p.start, p.end), p.text);
      for (const x of s.sentences) assert.equal(t.slice(x.start, x.end), x.text);
    }),
    params,
  );
});

test('words lie inside the text and are never empty', () => {
  fc.assert(
    fc.property(text, (t) => {
      for (const w of tokenizeWords(t)) {
        assert.ok(w.start >= 0 && w.end <= t.length && w.end > w.start);
        assert.ok(w.key.length > 0);
      }
    }),
    params,
  );
});

test('checking any draft never throws; every range lies inside the draft and matches its text', () => {
  fc.assert(
    fc.property(text, (t) => {
      const r = checkDraft(alaskaIndex(), t);
      for (const q of r.quotes) {
        assert.ok(q.span.start >= q.outerSpan.start && q.span.end <= q.outerSpan.end && q.outerSpan.end <= t.length);
        assert.equal(t.slice(q.span.start, q.span.end), q.text);
      }
      for (const f of r.findings) {
        assert.ok(f.span.start >= 0 && f.span.start <= f.span.end && f.span.end <= t.length);
        for (const fix of f.fixes) for (const e of fix.edits) assert.ok(e.span.start >= 0 && e.span.start <= e.span.end && e.span.end <= t.length);
      }
    }),
    params,
  );
});

/** A source quote with one word changed, dropped or added, set in arbitrary surroundings. */
const misquoted = fc.record({
  quote: fc.constantFrom(
    ...alaskaIndex()
      .allQuotes()
      .map((q) => q.quote.text),
  ),
  at: fc.nat(),
  change: fc.constantFrom('replace', 'drop', 'add'),
  word: fc.constantFrom('really', 'never', 'Europe', 'quickly', 'they'),
  before: fc.constantFrom('', 'Intro.\n\n', 'Intro.\r\n\r\n', 'שלום 😀 '),
  after: fc.constantFrom('', ' Witkoff said.', '\nMore text.', ' “game-changing,” he said.'),
  marks: fc.constantFrom(['“', '”'], ['"', '"'], ['«', '»']),
});

test('a "replace with the source’s words" fix changes only its range, and the quote then checks out', () => {
  fc.assert(
    fc.property(misquoted, ({ quote, at, change, word, before, after, marks }) => {
      const words = quote.split(' ');
      const k = at % words.length;
      if (change === 'replace') words[k] = word;
      else if (change === 'drop' && words.length > 4) words.splice(k, 1);
      else words.splice(k, 0, word);
      const draft = `${before}Someone said ${marks[0]}${words.join(' ')}${marks[1]}${after}`;
      const r = checkDraft(alaskaIndex(), draft);
      const q = r.quotes[0]!;
      const f = r.findings.find((x) => x.span.start === q.span.start && (x.code === 'misquote' || x.code === 'extends-source' || x.code === 'variant'));
      if (!f) return; // the change happened to keep the words (or made them unrecognisable): nothing to fix
      const edit = f.fixes[0]!.edits[0]!;
      const fixed = applyEdits(draft, [edit]);
      assert.equal(fixed.slice(0, edit.span.start), draft.slice(0, edit.span.start), 'nothing before the range changes');
      assert.equal(fixed.slice(edit.span.start + edit.newText.length), draft.slice(edit.span.end), 'nothing after the range changes');
      const again = checkDraft(alaskaIndex(), fixed).quotes[0]!;
      assert.ok(['exact', 'fragment'].includes(again.verdict), `after the fix: ${again.verdict} for ${JSON.stringify(fixed)}`);
    }),
    params,
  );
});

test('--fix on any draft: every applied edit stays inside its finding’s paragraph, and the text between edits is kept', () => {
  const paragraphOf = (t: string, at: number) => {
    const start = Math.max(0, t.lastIndexOf('\n\n', at));
    const next = t.indexOf('\n\n', at);
    return { start, end: next < 0 ? t.length : next + 2 };
  };
  fc.assert(
    fc.property(
      fc.oneof(
        text,
        misquoted.map((m) => `${m.before}Witkoff said ${m.marks[0]}${m.quote} ${m.word}${m.marks[1]}${m.after}`),
      ),
      (t) => {
        const r = checkDraft(alaskaIndex(), t);
        for (const f of r.findings) {
          const para = paragraphOf(t, f.span.start);
          for (const fix of f.fixes) {
            for (const e of fix.edits) assert.ok(e.span.start >= para.start && e.span.end <= para.end, `edit ${JSON.stringify(e)} outside the paragraph of ${f.code}`);
          }
        }
        const out = applyFixes(t, r.findings);
        let from = 0;
        let rebuilt = '';
        for (const e of out.edits) {
          rebuilt += t.slice(from, e.span.start) + e.newText;
          from = e.span.end;
        }
        assert.equal(out.text, rebuilt + t.slice(from));
      },
    ),
    params,
  );
});

test('--fix round-trips: after fixing a misquoted draft, checking it again finds nothing fixable', () => {
  const engine = createEngine(alaskaIndex());
  fc.assert(
    fc.property(misquoted, ({ quote, word, before, after, marks }) => {
      const draft = `${before}Someone said ${marks[0]}${quote} ${word}${marks[1]}${after}`;
      const fixed = engine.fixAll(draft);
      assert.deepEqual(
        engine
          .checkDraft(fixed.text)
          .findings.filter((f) => f.fixes.length > 0)
          .map((f) => f.code),
        [],
      );
    }),
    params,
  );
});

test('the same draft with LF, CRLF or CR line breaks gets the same verdicts', () => {
  fc.assert(
    fc.property(text, (t) => {
      const lf = t.replace(/\r\n?/g, '\n');
      const verdicts = (x: string) => checkDraft(alaskaIndex(), x).quotes.map((q) => q.verdict);
      assert.deepEqual(verdicts(lf.replace(/\n/g, '\r\n')), verdicts(lf));
    }),
    params,
  );
});

test('citations of any metadata never throw and never print a missing value', () => {
  // Strings that do not themselves spell a missing value.
  const str = (max: number) => fc.string({ maxLength: max }).filter((x) => !/null|undefined|NaN/.test(x));
  const meta = fc.record({
    id: str(20).filter((x) => x.length > 0),
    title: fc.option(str(30), { nil: null }),
    date: fc.option(fc.constantFrom('2025-08-18', '1999-12-31', '2024-02-29'), { nil: null }),
    outlet: fc.option(str(20), { nil: null }),
    author: fc.option(str(20), { nil: null }),
    url: fc.option(fc.webUrl(), { nil: null }),
  });
  fc.assert(
    fc.property(
      meta,
      text.filter((x) => !/null|undefined|NaN/.test(x)),
      fc.option(str(20), { nil: null }),
      fc.constantFrom(...CITATION_STYLES),
      (m, words, speaker, style) => {
        const source: SourceMeta = { ...m, path: null, builtIn: false };
        const c = formatCitation({ text: words, speaker, source }, style, { footnoteNumber: 3 });
        for (const part of [c.marker, c.note ?? '', c.quotation]) assert.doesNotMatch(part, /\bnull\b|\bundefined\b|NaN/);
      },
    ),
    params,
  );
});
