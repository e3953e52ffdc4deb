// Shared set-up for the unit tests: the repository's files, the built-in article and an index over it.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { buildCatalog, BUILTIN_SOURCES, checkDraft, QuoteIndex, type Source, type SourceFile } from './core-internals';

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
