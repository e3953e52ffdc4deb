import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import { footnoteNumberFor, formatCitation, type SourceMeta } from './core-internals';
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
  assert.equal(c.note, "[^3]: Margaret O'Donnell, quoted in “Dockers walk out over pay offer”, Priya Raman, The Coastal Ledger, March 5, 2024, https://example.org/harbour-strike.");
});

test('footnote numbers are reused for the same source and otherwise the next free one', () => {
  const doc = 'Text[^1] more[^2]\n\n[^1]: Someone, quoted in alaska-summit-2025-08-18, August 18, 2025.\n[^2]: Other.\n';
  assert.equal(footnoteNumberFor(doc, bare), 1);
  assert.equal(footnoteNumberFor(doc, full), 3);
  assert.equal(footnoteNumberFor('', full), 1);
});

test('APA, MLA, Chicago and Pandoc with full metadata', () => {
  assert.equal(formatCitation(said, 'apa').note, 'Priya Raman. (2024, March 5). Dockers walk out over pay offer. The Coastal Ledger. https://example.org/harbour-strike');
  assert.equal(formatCitation(said, 'apa').marker, ' (Priya Raman, 2024)');
  assert.equal(formatCitation(said, 'mla').note, 'Priya Raman. “Dockers walk out over pay offer.” The Coastal Ledger, 5 Mar. 2024, https://example.org/harbour-strike.');
  assert.equal(formatCitation(said, 'mla').marker, ' (Raman)');
  assert.equal(formatCitation(said, 'chicago', { footnoteNumber: 2 }).note, '[^2]: Priya Raman, “Dockers walk out over pay offer”, The Coastal Ledger, March 5, 2024, https://example.org/harbour-strike.');
  const pandoc = formatCitation(said, 'pandoc');
  assert.equal(pandoc.marker, ' [@harbour-strike]');
  assert.equal(pandoc.quotation, '“We will stay out until the authority comes back with something serious” [@harbour-strike].');
});

test('missing metadata is left out, never made up', () => {
  const q = { text: 'game-changing.', speaker: 'Steve Witkoff', source: bare };
  for (const style of ['footnote', 'apa', 'mla', 'chicago'] as const) {
    const c = formatCitation(q, style);
    const all = `${c.quotation} ${c.note ?? ''}`;
    assert.doesNotMatch(all, /null|undefined|,\s*,|\.\s*\.|\(\s*\)/, `${style}: ${all}`);
  }
  assert.equal(formatCitation(q, 'apa').note, '(2025, August 18).');
  assert.equal(formatCitation(q, 'chicago').note, '[^1]: alaska-summit-2025-08-18, August 18, 2025.');
  assert.equal(formatCitation({ ...q, speaker: null }, 'inline').quotation, '“game-changing,” according to alaska-summit-2025-08-18.');
});
