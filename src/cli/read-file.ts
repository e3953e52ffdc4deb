// Reads a user's file for the CLI, turning every way it can fail into one sentence.

import * as fs from 'node:fs';
import { decodeText, DEFAULT_MAX_FILE_BYTES, oversizeReason } from '../core';

export type ReadResult = { ok: true; bytes: Uint8Array } | { ok: false; message: string };

export function readUserFile(file: string, maxBytes = DEFAULT_MAX_FILE_BYTES): ReadResult {
  let stat: fs.Stats;
  try {
    stat = fs.statSync(file);
  } catch (err) {
    return { ok: false, message: `${file} ${describe(err)}` };
  }
  if (stat.isDirectory()) return { ok: false, message: `${file} is a directory; give the files in it (for example "${file}/*.md")` };
  if (!stat.isFile()) return { ok: false, message: `${file} is not a regular file` };
  if (stat.size > maxBytes) return { ok: false, message: `${file} ${oversizeReason(stat.size, maxBytes)}` };
  try {
    return { ok: true, bytes: fs.readFileSync(file) };
  } catch (err) {
    return { ok: false, message: `${file} ${describe(err)}` };
  }
}

/** Reads and decodes a draft; the text, or the one-sentence reason it cannot be checked. */
export function readDraft(file: string): { ok: true; text: string } | { ok: false; message: string } {
  const read = readUserFile(file);
  if (!read.ok) return read;
  const decoded = decodeText(read.bytes);
  return decoded.ok ? { ok: true, text: decoded.text } : { ok: false, message: `${file} ${decoded.reason}` };
}

function describe(err: unknown): string {
  const code = (err as NodeJS.ErrnoException).code;
  if (code === 'ENOENT') return 'does not exist';
  if (code === 'EACCES' || code === 'EPERM') return 'cannot be read (permission denied)';
  if (code === 'EISDIR') return 'is a directory';
  return `cannot be read (${code ?? (err as Error).message})`;
}
