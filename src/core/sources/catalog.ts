// The set of sources in use: the built-in article plus the user's files, each decoded and parsed, with one clear
// message for each file that could not be used (the others keep working).

import type { Source } from '../types';
import { DEFAULT_MAX_FILE_BYTES } from './decode-text';
import { readSourceFile, readSourceFileSync, type SourceFile } from './read-source-file';
import type { ParseResult } from './parse-source';
import type { SourceProblem } from './load-sources';

/** The built-in article(s), shipped in resources/ and read by each host. */
export const BUILTIN_SOURCES: readonly { id: string; file: string }[] = [{ id: 'alaska-summit-2025-08-18', file: 'alaska-summit-2025-08-18.txt' }];

export interface Catalog {
  sources: Source[];
  problems: SourceProblem[];
}

/** Text and Markdown sources only; web pages, captions and PDFs need `buildCatalogAsync`. */
export function buildCatalog(files: readonly SourceFile[], maxBytes = DEFAULT_MAX_FILE_BYTES): Catalog {
  return collect(files.map((file) => ({ file, parsed: readSourceFileSync(file, maxBytes) })));
}

/** Every format: web pages, transcripts, captions and PDFs as well as text and Markdown. */
/** `taken`: ids of sources already in use (an update adds to them), which new sources must not reuse. */
export async function buildCatalogAsync(files: readonly SourceFile[], maxBytes = DEFAULT_MAX_FILE_BYTES, taken: ReadonlySet<string> = new Set()): Promise<Catalog> {
  const read: { file: SourceFile; parsed: ParseResult }[] = [];
  for (const file of files) read.push({ file, parsed: await readSourceFile(file, maxBytes) });
  return collect(read, taken);
}

function collect(read: readonly { file: SourceFile; parsed: ParseResult }[], taken: ReadonlySet<string> = new Set()): Catalog {
  const sources: Source[] = [];
  const problems: SourceProblem[] = [];
  const ids = new Set<string>(taken);
  for (const { file, parsed } of read) {
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
