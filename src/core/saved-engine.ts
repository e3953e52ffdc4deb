// An engine from a saved index when it is fresh for the sources, else from the sources (and the bytes of a new saved
// index to write). The host reads and writes the index file; this decides whether it can be trusted. For now any
// change (a file edited, added or removed) rebuilds the whole index; only unchanged files are never re-read.

import { createEngine, type VerbatimEngine } from './engine';
import { QuoteIndex } from './corpus/quote-index';
import { contentHash, decodeSavedIndex, encodeSavedIndex, indexOfSaved, staleSources, type SourceStamp, type Staleness } from './corpus/saved-index';
import { buildCatalogAsync } from './sources/catalog';
import { loadSources, statSources, type LoadSettings, type SourceProblem, type SourceReader, type SourceStat } from './sources/load-sources';

export interface IndexedSources {
  engine: VerbatimEngine;
  /** Files that could not be used, each with the reason. */
  problems: SourceProblem[];
  /** Patterns that matched no file. */
  unmatched: string[];
}

export interface OpenedIndex extends IndexedSources {
  /** 'saved' when the saved index was used as it is; 'sources' when the sources were read and indexed again. */
  from: 'saved' | 'sources';
  /** Why the saved index was not used (a clause that reads after "the saved index"), when it was not. */
  why?: string;
  /** The bytes of a new saved index, when the sources were indexed again (the host writes them). */
  bytes?: Uint8Array;
}

/** Reads and indexes the sources, and encodes the saved index of what was read (the stamps describe the bytes read). */
export async function buildSavedIndex(reader: SourceReader, settings: LoadSettings, engineVersion: string): Promise<IndexedSources & { bytes: Uint8Array }> {
  // The size and mtime are taken before the bytes are read: if the file changes in between, its stamp is older than
  // its content and the next check compares hashes, which match what was indexed.
  const stats = new Map<string, SourceStat>();
  const recording: SourceReader = {
    list: (p) => reader.list(p),
    async stat(p) {
      const s = await reader.stat(p);
      if (s) stats.set(p, s);
      return s;
    },
    read: (p) => reader.read(p),
  };
  const loaded = await loadSources(recording, settings);
  const catalog = await buildCatalogAsync(loaded.files, settings.maxBytes);
  const index = new QuoteIndex(catalog.sources);
  const encoder = new TextEncoder();
  const stamps: SourceStamp[] = loaded.files.map((f) => {
    const stat = stats.get(f.path);
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
  if (!stale.fresh) return rebuild(describeStaleness(stale));
  return {
    engine: createEngine(indexOfSaved(decoded)),
    problems: [...now.problems, ...decoded.problems],
    unmatched: now.unmatched,
    from: 'saved',
  };
}

/** "is out of date: 2 sources changed, 1 added" */
export function describeStaleness(s: Staleness): string {
  const count = (n: number, what: string) => (n ? [`${n} source${n === 1 ? '' : 's'} ${what}`] : []);
  const parts = [...count(s.changed.length, 'changed'), ...count(s.added.length, 'added'), ...count(s.removed.length, 'removed')];
  const first = s.changed[0] ?? s.added[0] ?? s.removed[0];
  return `is out of date (${parts.join(', ')}${first ? `: ${first}${parts.length > 1 || s.changed.length + s.added.length + s.removed.length > 1 ? ', …' : ''}` : ''})`;
}
