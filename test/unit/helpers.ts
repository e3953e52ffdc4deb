// Shared set-up for the unit tests: the repository's files, the built-in article and an index over it.
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as assert from 'node:assert/strict';
import { buildCatalog, BUILTIN_SOURCES, checkDraft, QuoteIndex, type Quote, type Source, type SourceFile } from './core-internals';

/** The repository root, found from the compiled test's folder (out/test/unit) or the source folder. */
export const repoRoot = (() => {
  let dir = __dirname;
  while (!fs.existsSync(path.join(dir, 'package.json')) || !fs.existsSync(path.join(dir, 'resources'))) {
    const up = path.dirname(dir);
    if (up === dir) throw new Error('repository root not found');
    dir = up;
  }
  return dir;
})();

export const fixture = (...parts: string[]) => path.join(repoRoot, 'test', 'fixtures', ...parts);

export function builtinFile(): SourceFile {
  const b = BUILTIN_SOURCES[0]!;
  return { path: b.file, text: fs.readFileSync(path.join(repoRoot, 'resources', b.file), 'utf8'), id: b.id, builtIn: true };
}

export function loadSources(...files: string[]): Source[] {
  const catalog = buildCatalog([builtinFile(), ...files.map((f) => ({ path: f, bytes: fs.readFileSync(fixture(f)) }))]);
  if (catalog.problems.length) throw new Error(catalog.problems.map((p) => `${p.path} ${p.reason}`).join('; '));
  return catalog.sources;
}

let builtinIndex: QuoteIndex | null = null;
export function alaskaIndex(): QuoteIndex {
  return (builtinIndex ??= new QuoteIndex(loadSources()));
}

/** Checks a one-off draft against the built-in article and returns its only (or first) quotation. */
export function checkOne(draft: string, index = alaskaIndex()) {
  const result = checkDraft(index, draft);
  const quote = result.quotes[0];
  if (!quote) throw new Error(`no quotation found in: ${draft}`);
  return { quote, findings: result.findings, result };
}

export { applyEdits } from './core-internals';

/**
 * An attribution fixture (test/fixtures/attribution/NAME) read as a source, with look-ups of its quotes:
 * `quote(start)` finds the quote that starts with these words, `credited(start, speaker, method?)` also asserts who
 * it is credited to, how, and that a sure-enough confidence is in (0, 1].
 */
export function attributionFixture(name: string) {
  const catalog = buildCatalog([{ path: name, bytes: fs.readFileSync(fixture('attribution', name)) }]);
  assert.deepEqual(catalog.problems, []);
  const source = catalog.sources[0]!;
  const quote = (start: string): Quote => {
    const q = source.quotes.find((x) => x.text.startsWith(start));
    assert.ok(q, `a quote starting "${start}"`);
    return q;
  };
  const credited = (start: string, speaker: string | null, method?: string): Quote => {
    const q = quote(start);
    assert.equal(q.speaker, speaker, `speaker of "${start}"`);
    if (method) assert.equal(q.attribution?.method, method, `method for "${start}"`);
    if (speaker && q.attribution) assert.ok(q.attribution.confidence > 0 && q.attribution.confidence <= 1);
    return q;
  };
  return { source, quote, credited };
}
