// One source file, whatever its form, becomes a parsed Source. The one seam where source formats plug in: the
// hosts hand over bytes (or text) and a path; deciding what the document says is the engine's job.

import { decodeText, DEFAULT_MAX_FILE_BYTES } from './decode-text';
import { parseSource, type ParseResult } from './parse-source';

export interface SourceFile {
  /** Path or URI, as the user would recognise it. */
  path: string;
  /** Raw bytes (decoded here) or text already decoded. */
  bytes?: Uint8Array;
  text?: string;
  id?: string;
  builtIn?: boolean;
}

/** Reads one file into a Source, or says in one clause why it cannot be used (the caller adds the path). */
export async function readSourceFile(file: SourceFile, maxBytes = DEFAULT_MAX_FILE_BYTES): Promise<ParseResult> {
  return readSourceFileSync(file, maxBytes);
}

/** The formats that need no asynchronous library (plain text and Markdown articles). */
export function readSourceFileSync(file: SourceFile, maxBytes = DEFAULT_MAX_FILE_BYTES): ParseResult {
  let text = file.text;
  if (text === undefined) {
    const decoded = decodeText(file.bytes ?? new Uint8Array(), maxBytes);
    if (!decoded.ok) return { ok: false, reason: decoded.reason };
    text = decoded.text;
  }
  return parseSource({ text, path: file.path, ...(file.id ? { id: file.id } : {}), builtIn: file.builtIn ?? false });
}
