// An engine from a saved index when it is fresh for the sources, else from the sources (and the bytes of a new saved
// index to write). The host reads and writes the index file; this decides whether it can be trusted. When some files
// changed, only those are read and parsed again; the others come from the saved index, and the index's arrays are
// built again over all of them, in the order a full rebuild would use, so the answers are a full rebuild's.

import { createEngine, type VerbatimEngine } from './engine';
import { QuoteIndex } from './corpus/quote-index';
import { contentHash, decodeSavedIndex, encodeSavedIndex, indexOfSaved, staleSources, type DecodedIndex, type SourceStamp, type Staleness } from './corpus/saved-index';
import type { Source } from './types';
import { buildCatalogAsync } from './sources/catalog';
import { loadSources, readSourceFiles, statSources, type LoadSettings, type SourceProblem, type SourceReader } from './sources/load-sources';

export interface IndexedSources {
  engine: VerbatimEngine;
  /** Files that could not be used, each with the reason. */
  problems: SourceProblem[];
  /** Patterns that matched no file. */
  unmatched: string[];
}

export interface OpenedIndex extends IndexedSources {
  /**
   * 'saved' when the saved index was used as it is; 'updated' when only the files that changed or were added were
   * read again (`reread`); 'sources' when every source was read and indexed again.
   */
  from: 'saved' | 'updated' | 'sources';
  /** The files read again, for 'updated'. */
  reread?: string[];
  /** Why the saved index was not used (a clause that reads after "the saved index"), when it was not. */
  why?: string;
  /** The bytes of a new saved index, when the sources were indexed again (the host writes them). */
  bytes?: Uint8Array;
}

/** Reads and indexes the sources, and encodes the saved index of what was read (the stamps describe the bytes read). */
export async function buildSavedIndex(reader: SourceReader, settings: LoadSettings, engineVersion: string): Promise<IndexedSources & { bytes: Uint8Array }> {
  // The size and mtime are taken before the bytes are read: if the file changes in between, its stamp is older than
  // its content and the next check compares hashes, which match what was indexed.
  const loaded = await loadSources(reader, settings);
  const catalog = await buildCatalogAsync(loaded.files, settings.maxBytes);
  const index = new QuoteIndex(catalog.sources);
  const encoder = new TextEncoder();
  const stamps: SourceStamp[] = loaded.files.map((f) => {
    const stat = loaded.stamps.get(f.path);
    return { path: f.path, size: stat?.size ?? -1, mtime: stat?.mtime ?? -1, hash: contentHash(f.bytes ?? encoder.encode(f.text ?? '')) };
  });
  const bytes = encodeSavedIndex({ sources: catalog.sources, parts: index.parts, stamps, engineVersion, problems: catalog.problems });
  return { engine: createEngine(index), problems: [...loaded.problems, ...catalog.problems], unmatched: loaded.unmatched, bytes };
}

/**
 * An engine from `saved` (the bytes of a saved index, or null when there is none) if it decodes and every file it
 * was built from is unchanged, with no file added or removed; else from the sources, with the reason and the bytes
 * of a new saved index. Never throws for a bad saved index: it is rebuilt.
 */
export async function openSavedIndex(reader: SourceReader, settings: LoadSettings, saved: Uint8Array | null, engineVersion: string): Promise<OpenedIndex> {
  const rebuild = async (why: string): Promise<OpenedIndex> => ({ ...(await buildSavedIndex(reader, settings, engineVersion)), from: 'sources', why });
  if (!saved) return rebuild('does not exist');
  const decoded = decodeSavedIndex(saved, { engineVersion });
  if (!decoded.ok) return rebuild(decoded.reason);
  const now = await statSources(reader, settings);
  const hashOf = async (path: string) => contentHash(await reader.read(path));
  const stale = await staleSources(decoded.stamps, now.files, hashOf, { writtenAt: decoded.writtenAt });
  if (!stale.fresh) {
    try {
      return await update(reader, settings, decoded, stale, now, engineVersion);
    } catch (err) {
      return rebuild(`${describeStaleness(stale)}, and updating it failed (${(err as Error)?.message ?? String(err)})`);
    }
  }
  return {
    engine: createEngine(indexOfSaved(decoded)),
    problems: [...now.problems, ...decoded.problems],
    unmatched: now.unmatched,
    from: 'saved',
  };
}

/**
 * The saved index with the changed and added files read again and the removed ones left out: the unchanged sources
 * are restored from the saved index (never read), and the arrays are built over all of them in the current order.
 */
async function update(
  reader: SourceReader,
  settings: LoadSettings,
  decoded: Extract<DecodedIndex, { ok: true }>,
  stale: Staleness,
  now: Awaited<ReturnType<typeof statSources>>,
  engineVersion: string,
): Promise<OpenedIndex> {
  const reread = new Set([...stale.changed, ...stale.added]);
  const builtIn = new Map(settings.builtIn.map((b) => [b.path, b]));
  const entries = now.files.filter((f) => reread.has(f.path)).map((f) => ({ path: f.path, ...(builtIn.has(f.path) ? { id: builtIn.get(f.path)!.id, builtIn: true } : {}) }));
  const read = await readSourceFiles(reader, entries, settings.maxBytes);
  const catalog = await buildCatalogAsync(read.files, settings.maxBytes);

  // Every source in the order of the files now (a full rebuild's order), new versions where files changed.
  const fresh = new Map(catalog.sources.map((s) => [s.meta.path, s]));
  const saved = new Map(decoded.sources.map((s) => [s.meta.path, s]));
  const sources: Source[] = [];
  for (const f of now.files) {
    const source = reread.has(f.path) ? fresh.get(f.path) : saved.get(f.path);
    if (source) sources.push(source);
  }
  // Ids stay unique, as a full load keeps them: a new source whose id another has takes the next free suffix.
  const ids = new Set(sources.filter((s) => !reread.has(s.meta.path ?? '')).map((s) => s.meta.id));
  for (const s of sources) {
    if (!reread.has(s.meta.path ?? '')) continue;
    let id = s.meta.id;
    for (let n = 2; ids.has(id); n++) id = `${s.meta.id}-${n}`;
    if (id !== s.meta.id) {
      s.meta.id = id;
      for (const q of s.quotes) q.sourceId = id;
    }
    ids.add(id);
  }
  const index = new QuoteIndex(sources);
  const encoder = new TextEncoder();
  const newStamps = new Map(
    read.files.map((f) => {
      const stat = read.stamps.get(f.path);
      return [f.path, { path: f.path, size: stat?.size ?? -1, mtime: stat?.mtime ?? -1, hash: contentHash(f.bytes ?? encoder.encode(f.text ?? '')) }];
    }),
  );
  const oldStamps = new Map(decoded.stamps.map((s) => [s.path, s]));
  const stamps: SourceStamp[] = [];
  for (const f of now.files) {
    const stamp = reread.has(f.path) ? newStamps.get(f.path) : oldStamps.get(f.path);
    if (stamp) stamps.push(stamp);
  }
  const live = new Set(stamps.map((s) => s.path));
  const keptProblems = decoded.problems.filter((p) => live.has(p.path) && !reread.has(p.path));
  const order = new Map(now.files.map((f, k) => [f.path, k]));
  const parseProblems = [...keptProblems, ...catalog.problems].sort((a, b) => (order.get(a.path) ?? 0) - (order.get(b.path) ?? 0));
  const bytes = encodeSavedIndex({ sources, parts: index.parts, stamps, engineVersion, problems: parseProblems });
  return {
    engine: createEngine(index),
    problems: [...now.problems, ...read.problems, ...parseProblems],
    unmatched: now.unmatched,
    from: 'updated',
    why: describeStaleness(stale),
    reread: [...reread],
    bytes,
  };
}

/** "is out of date: 2 sources changed, 1 added" */
export function describeStaleness(s: Staleness): string {
  const counts = (
    [
      [s.changed.length, 'changed'],
      [s.added.length, 'added'],
      [s.removed.length, 'removed'],
    ] as const
  ).filter(([n]) => n > 0);
  // "2 sources changed, 1 added, 1 removed": the noun once, after the first number.
  const parts = counts.map(([n, what], k) => (k === 0 ? `${n} source${n === 1 ? '' : 's'} ${what}` : `${n} ${what}`));
  const total = s.changed.length + s.added.length + s.removed.length;
  const first = s.changed[0] ?? s.added[0] ?? s.removed[0];
  return `is out of date (${parts.join(', ')}${first ? `: ${first}${total > 1 ? ', …' : ''}` : ''})`;
}
