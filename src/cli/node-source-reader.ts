// The CLI's SourceReader: Node's file system and our globs, relative to the working directory. Paths stay as the
// user wrote them (so messages name files the way the user does); the built-in article is `(built-in) <file>`.

import * as fs from 'node:fs';
import * as path from 'node:path';
import type { SourceReader, SourceStat } from '../core';
import { expandGlob } from './glob';

export const BUILTIN_PREFIX = '(built-in) ';

export function createNodeSourceReader(cwd: string, resourcesDir: string): SourceReader {
  const abs = (p: string) => (p.startsWith(BUILTIN_PREFIX) ? path.join(resourcesDir, p.slice(BUILTIN_PREFIX.length)) : path.resolve(cwd, p));
  return {
    list: async (pattern) => expandGlob(pattern, cwd),
    async stat(p): Promise<SourceStat | null> {
      try {
        const s = await fs.promises.stat(abs(p));
        return { size: s.size, mtime: s.mtimeMs, type: s.isFile() ? 'file' : s.isDirectory() ? 'directory' : 'other' };
      } catch (err) {
        if ((err as NodeJS.ErrnoException).code === 'ENOENT' || (err as NodeJS.ErrnoException).code === 'ENOTDIR') return null;
        throw err;
      }
    },
    read: async (p) => new Uint8Array(await fs.promises.readFile(abs(p))),
  };
}
