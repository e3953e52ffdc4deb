// The one way every host gathers its sources: the host implements a small SourceReader over its own file access
// (Node `fs` and globs in the CLI, `vscode.workspace.fs` and `findFiles` in the extension, in a browser too) and
// this decides what is read, what is refused, and why. A problem comes back as data, `{ path, reason }`, which each
// host words in its own way; the other sources keep working.

import { DEFAULT_MAX_FILE_BYTES, oversizeReason } from './decode-text';
import type { SourceFile } from './read-source-file';

export interface SourceStat {
  size: number;
  /** Modification time in milliseconds; used to keep unchanged files' bytes between loads. */
  mtime: number;
  type: 'file' | 'directory' | 'other';
}

/** What a host gives the engine to find and read source files. Paths are the host's own (a file path or a URI). */
export interface SourceReader {
  /** The files matching a pattern (a glob, or a plain path), sorted. A plain path is returned as given, even if missing. */
  list(pattern: string): Promise<string[]>;
  /** The file's size, mtime and type; null when it does not exist. */
  stat(path: string): Promise<SourceStat | null>;
  read(path: string): Promise<Uint8Array>;
}

export interface SourceProblem {
  /** The host's path of the file. */
  path: string;
  /** A clause that reads after the path: "is empty", "has front matter that never closes". */
  reason: string;
}

export interface LoadSettings {
  /** The user's source patterns (globs or paths). */
  patterns: readonly string[];
  /** The built-in article(s), with the host's path of each: read like any other file, but with a fixed id. */
  builtIn: readonly { path: string; id: string }[];
  maxBytes?: number;
}

export interface LoadedSources {
  /** The files read: all usable files, or with `unchanged`, those that changed or are new. */
  files: SourceFile[];
  /** Size and mtime of every usable file, read or not. */
  stamps: Map<string, { size: number; mtime: number }>;
  /** Usable files not read because `unchanged` said the host already has them as they are. */
  unchanged: string[];
  problems: SourceProblem[];
  /** Patterns that matched no file. */
  unmatched: string[];
}

/** Bytes kept between loads, by path: a file whose size and mtime did not change is not read again. */
export type SourceCache = Map<string, { size: number; mtime: number; bytes: Uint8Array }>;

/**
 * Lists, checks and reads the sources. `unchanged(path, stat)` lets a host that keeps an index skip the files it
 * has already (same size and mtime): they are listed in `unchanged`, not read.
 */
export async function loadSources(
  reader: SourceReader,
  settings: LoadSettings,
  cache?: SourceCache,
  unchanged?: (path: string, stat: SourceStat) => boolean,
): Promise<LoadedSources> {
  const maxBytes = settings.maxBytes ?? DEFAULT_MAX_FILE_BYTES;
  const files: SourceFile[] = [];
  const problems: SourceProblem[] = [];
  const unmatched: string[] = [];
  const stamps = new Map<string, { size: number; mtime: number }>();
  const kept: string[] = [];
  const read = async (path: string): Promise<Uint8Array | null> => {
    const why = await readProblem(reader, path, maxBytes, cache, unchanged);
    if (typeof why === 'string') {
      problems.push({ path, reason: why });
      return null;
    }
    stamps.set(path, { size: why.stat.size, mtime: why.stat.mtime });
    if (why.bytes === null) kept.push(path);
    return why.bytes;
  };
  for (const b of settings.builtIn) {
    const bytes = await read(b.path);
    if (bytes) files.push({ path: b.path, bytes, id: b.id, builtIn: true });
  }
  const seen = new Set<string>();
  for (const pattern of settings.patterns) {
    let paths: string[];
    try {
      paths = await reader.list(pattern);
    } catch (err) {
      problems.push({ path: pattern, reason: `cannot be searched (${messageOf(err)})` });
      continue;
    }
    if (paths.length === 0) unmatched.push(pattern);
    for (const path of paths) {
      if (seen.has(path)) continue;
      seen.add(path);
      const bytes = await read(path);
      if (bytes) files.push({ path, bytes });
    }
  }
  if (cache) for (const key of [...cache.keys()]) if (!seen.has(key) && !settings.builtIn.some((b) => b.path === key)) cache.delete(key);
  return { files, stamps, unchanged: kept, problems, unmatched };
}

/** The file's bytes (null when `unchanged` says the host has them) and stat, or the clause saying why it cannot be used. */
async function readProblem(
  reader: SourceReader,
  path: string,
  maxBytes: number,
  cache?: SourceCache,
  unchanged?: (path: string, stat: SourceStat) => boolean,
): Promise<{ bytes: Uint8Array | null; stat: SourceStat } | string> {
  let stat: SourceStat | null;
  try {
    stat = await reader.stat(path);
  } catch (err) {
    return `cannot be read (${messageOf(err)})`;
  }
  if (!stat) return 'does not exist';
  if (stat.type === 'directory') return `is a directory; give the files in it (for example "${path.replace(/\/$/, '')}/*.md")`;
  if (stat.type !== 'file') return 'is not a regular file';
  if (stat.size > maxBytes) return oversizeReason(stat.size, maxBytes);
  if (unchanged?.(path, stat)) return { bytes: null, stat };
  const hit = cache?.get(path);
  if (hit && hit.size === stat.size && hit.mtime === stat.mtime) return { bytes: hit.bytes, stat };
  try {
    const bytes = await reader.read(path);
    cache?.set(path, { size: stat.size, mtime: stat.mtime, bytes });
    return { bytes, stat };
  } catch (err) {
    // Deleted or unreadable between the listing and the read: skip it; the next load brings the new state.
    return `cannot be read (${messageOf(err)})`;
  }
}

function messageOf(err: unknown): string {
  const code = (err as { code?: unknown })?.code;
  if (code === 'EACCES' || code === 'EPERM' || code === 'NoPermissions') return 'permission denied';
  return typeof code === 'string' && code !== '' && code !== 'Unknown' ? code : ((err as Error)?.message ?? String(err));
}

/** What `loadSources` would read, without reading it: the files it would use, in its order, with their size and
 *  mtime, and the problems of the others (for checking a saved index against the files; see corpus/saved-index.ts). */
export async function statSources(
  reader: SourceReader,
  settings: LoadSettings,
): Promise<{ files: { path: string; size: number; mtime: number }[]; problems: SourceProblem[]; unmatched: string[] }> {
  const listed = await loadSources(reader, settings, undefined, () => true);
  return { files: [...listed.stamps].map(([path, s]) => ({ path, size: s.size, mtime: s.mtime })), problems: listed.problems, unmatched: listed.unmatched };
}

/** Reads the given files without listing anything: the same checks and reasons as `loadSources`. */
export async function readSourceFiles(
  reader: SourceReader,
  entries: readonly { path: string; id?: string; builtIn?: boolean }[],
  maxBytes = DEFAULT_MAX_FILE_BYTES,
): Promise<{ files: SourceFile[]; stamps: Map<string, { size: number; mtime: number }>; problems: SourceProblem[] }> {
  const files: SourceFile[] = [];
  const stamps = new Map<string, { size: number; mtime: number }>();
  const problems: SourceProblem[] = [];
  for (const e of entries) {
    const read = await readProblem(reader, e.path, maxBytes);
    if (typeof read === 'string' || read.bytes === null) {
      problems.push({ path: e.path, reason: typeof read === 'string' ? read : 'cannot be read' });
      continue;
    }
    stamps.set(e.path, { size: read.stat.size, mtime: read.stat.mtime });
    files.push({ path: e.path, bytes: read.bytes, ...(e.id ? { id: e.id } : {}), ...(e.builtIn ? { builtIn: true } : {}) });
  }
  return { files, stamps, problems };
}
