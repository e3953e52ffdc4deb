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
  files: SourceFile[];
  problems: SourceProblem[];
  /** Patterns that matched no file. */
  unmatched: string[];
}

/** Bytes kept between loads, by path: a file whose size and mtime did not change is not read again. */
export type SourceCache = Map<string, { size: number; mtime: number; bytes: Uint8Array }>;

export async function loadSources(reader: SourceReader, settings: LoadSettings, cache?: SourceCache): Promise<LoadedSources> {
  const maxBytes = settings.maxBytes ?? DEFAULT_MAX_FILE_BYTES;
  const files: SourceFile[] = [];
  const problems: SourceProblem[] = [];
  const unmatched: string[] = [];
  const read = async (path: string): Promise<Uint8Array | null> => {
    const why = await readProblem(reader, path, maxBytes, cache);
    if (typeof why === 'string') {
      problems.push({ path, reason: why });
      return null;
    }
    return why;
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
  return { files, problems, unmatched };
}

/** Reads the given files without listing anything: the same checks and reasons as `loadSources`. */
export async function readSourceFiles(
  reader: SourceReader,
  entries: readonly { path: string; id?: string; builtIn?: boolean }[],
  maxBytes = DEFAULT_MAX_FILE_BYTES,
): Promise<{ files: SourceFile[]; problems: SourceProblem[] }> {
  const files: SourceFile[] = [];
  const problems: SourceProblem[] = [];
  for (const e of entries) {
    const bytes = await readProblem(reader, e.path, maxBytes);
    if (typeof bytes === 'string') problems.push({ path: e.path, reason: bytes });
    else files.push({ path: e.path, bytes, ...(e.id ? { id: e.id } : {}), ...(e.builtIn ? { builtIn: true } : {}) });
  }
  return { files, problems };
}

/** What `loadSources` would read, without reading it: the files it would use with their size and mtime, and the
 *  problems of the others (for checking a saved index against the files; see corpus/saved-index.ts). */
export async function statSources(
  reader: SourceReader,
  settings: LoadSettings,
): Promise<{ files: { path: string; size: number; mtime: number }[]; problems: SourceProblem[]; unmatched: string[] }> {
  const maxBytes = settings.maxBytes ?? DEFAULT_MAX_FILE_BYTES;
  const files: { path: string; size: number; mtime: number }[] = [];
  const problems: SourceProblem[] = [];
  const unmatched: string[] = [];
  const look = async (path: string) => {
    const stat = await statProblem(reader, path, maxBytes);
    if (typeof stat === 'string') problems.push({ path, reason: stat });
    else files.push({ path, size: stat.size, mtime: stat.mtime });
  };
  for (const b of settings.builtIn) await look(b.path);
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
      await look(path);
    }
  }
  return { files, problems, unmatched };
}

/** The file's stat when it can be used as a source, or the clause saying why not. */
async function statProblem(reader: SourceReader, path: string, maxBytes: number): Promise<SourceStat | string> {
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
  return stat;
}

/** The file's bytes, or the clause saying why it cannot be used. */
async function readProblem(reader: SourceReader, path: string, maxBytes: number, cache?: SourceCache): Promise<Uint8Array | string> {
  const stat = await statProblem(reader, path, maxBytes);
  if (typeof stat === 'string') return stat;
  const hit = cache?.get(path);
  if (hit && hit.size === stat.size && hit.mtime === stat.mtime) return hit.bytes;
  try {
    const bytes = await reader.read(path);
    cache?.set(path, { size: stat.size, mtime: stat.mtime, bytes });
    return bytes;
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
