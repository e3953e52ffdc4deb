import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import { footnoteNumberFor, formatCitation, type SourceMeta } from './core-internals';
import { builtInStyle } from './csl-helpers';
import { loadSources } from './helpers';

const [alaska, harbour] = loadSources('sources/harbour-strike.md');
const full: SourceMeta = harbour!.meta;
const bare: SourceMeta = alaska!.meta;
const said = { text: 'We will stay out until the authority comes back with something serious.', speaker: "Margaret O'Donnell", source: full };

test('inline attribution fits the closing punctuation to the attribution', () => {
  const c = formatCitation(said, 'inline');
  assert.equal(c.quotation, "“We will stay out until the authority comes back with something serious,” O'Donnell said.");
  assert.equal(c.marker, " O'Donnell said");
  assert.equal(c.note, null);
  assert.equal(formatCitation({ ...said, text: 'Why now?' }, 'inline').quotation, "“Why now?” O'Donnell said.");
  assert.equal(formatCitation(said, 'inline', { marks: { open: '"', close: '"' } }).quotation.startsWith('"We will'), true);
});

test('footnote: a numbered marker and its definition', () => {
  const c = formatCitation(said, 'footnote', { footnoteNumber: 3 });
  assert.equal(c.marker, '[^3]');
  assert.equal(
    c.note,
    "[^3]: Margaret O'Donnell, quoted in “Dockers walk out over pay offer”, Priya Raman, The Coastal Ledger, March 5, 2024, https://example.org/harbour-strike.",
  );
});

test('footnote numbers are reused for the same source and otherwise the next free one', () => {
  const doc = 'Text[^1] more[^2]\n\n[^1]: Someone, quoted in alaska-summit-2025-08-18, August 18, 2025.\n[^2]: Other.\n';
  assert.equal(footnoteNumberFor(doc, bare), 1);
  assert.equal(footnoteNumberFor(doc, full), 3);
  assert.equal(footnoteNumberFor('', full), 1);
});

test('Pandoc: the source id as key, the page or time as locator', () => {
  const pandoc = formatCitation(said, 'pandoc');
  assert.equal(pandoc.marker, ' [@harbour-strike]');
  assert.equal(pandoc.quotation, '“We will stay out until the authority comes back with something serious” [@harbour-strike].');
  assert.equal(formatCitation({ ...said, locator: { page: 2 } }, 'pandoc').marker, ' [@harbour-strike, p. 2]');
  assert.equal(formatCitation({ ...said, locator: { time: '00:12:04.500' } }, 'pandoc').marker, ' [@harbour-strike, at 00:12:04]');
});

test('missing metadata is left out, never made up', () => {
  const q = { text: 'game-changing.', speaker: 'Steve Witkoff', source: bare };
  for (const style of ['footnote', 'apa', 'mla', 'chicago'] as const) {
    const c = formatCitation(q, style, { csl: builtInStyle(style === 'footnote' ? 'apa' : style) });
    const all = `${c.quotation} ${c.note ?? ''}`;
    assert.doesNotMatch(all, /null|undefined|,\s*,|\.\s*\.|\(\s*\)/, `${style}: ${all}`);
    assert.equal(c.problem, undefined);
  }
  assert.equal(formatCitation({ ...q, speaker: null }, 'inline').quotation, '“game-changing,” according to alaska-summit-2025-08-18.');
});

test('an academic style without its CSL falls back to a footnote and says why', () => {
  const c = formatCitation(said, 'apa');
  assert.equal(c.marker, '[^1]');
  assert.match(c.problem ?? '', /CSL style "apa" was not loaded/);
});
