// The set of sources in use: the built-in article plus the user's files, each decoded and parsed, with one clear
// message for each file that could not be used (the others keep working).

import type { Source } from '../types';
import { DEFAULT_MAX_FILE_BYTES } from './decode-text';
import { readSourceFileSync, type SourceFile } from './read-source-file';
import type { SourceProblem } from './load-sources';

/** The built-in article(s), shipped in resources/ and read by each host. */
export const BUILTIN_SOURCES: readonly { id: string; file: string }[] = [{ id: 'alaska-summit-2025-08-18', file: 'alaska-summit-2025-08-18.txt' }];

export interface Catalog {
  sources: Source[];
  problems: SourceProblem[];
}

export function buildCatalog(files: readonly SourceFile[], maxBytes = DEFAULT_MAX_FILE_BYTES): Catalog {
  const sources: Source[] = [];
  const problems: SourceProblem[] = [];
  const ids = new Set<string>();
  for (const file of files) {
    const parsed = readSourceFileSync(file, maxBytes);
    if (!parsed.ok) {
      problems.push({ path: file.path, reason: parsed.reason });
      continue;
    }
    const source = parsed.source;
    // Two files may derive the same id; keep ids unique so citations and matches stay unambiguous.
    let id = source.meta.id;
    for (let n = 2; ids.has(id); n++) id = `${source.meta.id}-${n}`;
    if (id !== source.meta.id) {
      source.meta.id = id;
      for (const q of source.quotes) q.sourceId = id;
    }
    ids.add(id);
    sources.push(source);
  }
  return { sources, problems };
}
