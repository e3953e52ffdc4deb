// One source file, whatever its form, becomes a parsed Source. The one seam where source formats plug in: the
// hosts hand over bytes (or text) and a path; deciding what the document says is the engine's job. The reader is
// picked by the file's extension, and by its content when the extension says nothing (a `.txt` transcript).

import type { SourceKind, SourceMeta } from '../types';
import { decodeText, DEFAULT_MAX_FILE_BYTES, oversizeReason } from './decode-text';
import { idFromPath, parseSource, type ParseResult } from './parse-source';
import { parseSourceHeader } from './source-header';
import { looksLikeTranscript, readTranscript, transcriptHeaderFields } from './formats/transcript';

export interface SourceFile {
  /** Path or URI, as the user would recognise it. */
  path: string;
  /** Raw bytes (decoded here) or text already decoded. */
  bytes?: Uint8Array;
  text?: string;
  id?: string;
  builtIn?: boolean;
}

/** The file extensions read as sources, for the hosts' default globs. */
export const SOURCE_EXTENSIONS: readonly string[] = ['md', 'txt', 'html', 'htm', 'vtt', 'srt', 'pdf', 'docx'];

type Format = 'pdf' | 'html' | 'vtt' | 'srt' | 'docx' | 'text';

/** Reads one file into a Source, or says in one clause why it cannot be used (the caller adds the path). */
export async function readSourceFile(file: SourceFile, maxBytes = DEFAULT_MAX_FILE_BYTES): Promise<ParseResult> {
  try {
    const size = file.bytes?.length ?? file.text?.length ?? 0;
    if (size > maxBytes) return { ok: false, reason: oversizeReason(size, maxBytes) };
    const format = formatOf(file);
    if (format === 'pdf') {
      if (!file.bytes) return { ok: false, reason: 'is a PDF given as text; its bytes are needed' };
      const { readPdf } = await import('./formats/pdf');
      return await readPdf(file.bytes, base(file));
    }
    if (format === 'vtt' || format === 'srt') {
      const text = decoded(file, maxBytes);
      if (!text.ok) return text;
      const { readCaptions } = await import('./formats/captions');
      const { body, meta } = captionsMeta(text.text, format, file);
      return await readCaptions(body, format, meta);
    }
    if (format === 'docx') {
      if (!file.bytes) return { ok: false, reason: 'is a Word document given as text; its bytes are needed' };
      const { readDocx } = await import('./formats/docx');
      return await readDocx(file.bytes, base(file));
    }
    if (format === 'html') {
      const text = decoded(file, maxBytes);
      if (!text.ok) return text;
      const { readHtml } = await import('./formats/html');
      return readHtml(text.text, base(file));
    }
    return readSourceFileSync(file, maxBytes);
  } catch (err) {
    // A reader library that throws on some odd input must not take the other sources down with it.
    return { ok: false, reason: `could not be read (${(err as Error)?.message ?? String(err)})` };
  }
}

/** The formats that need no library loaded on demand: text and Markdown articles, and transcripts. */
export function readSourceFileSync(file: SourceFile, maxBytes = DEFAULT_MAX_FILE_BYTES): ParseResult {
  const format = formatOf(file);
  if (format !== 'text') {
    return {
      ok: false,
      reason: `is a ${{ pdf: 'PDF', vtt: 'caption file', srt: 'caption file', html: 'web page', docx: 'Word document' }[format]}, which is read only asynchronously (readSourceFile)`,
    };
  }
  const text = decoded(file, maxBytes);
  if (!text.ok) return text;
  const header = parseSourceHeader(text.text);
  if (!header.ok) return header;
  const kind = header.header.fields.kind;
  const marked = kind === 'transcript' || kind === 'interview';
  if (marked || (!kind && looksLikeTranscript(text.text, header.header.bodyStart))) {
    const f = header.header.fields;
    const extra = transcriptHeaderFields(text.text, header.header.bodyStart);
    const meta: SourceMeta = {
      ...baseMeta(file, f.id),
      title: f.title ?? extra.title ?? null,
      date: f.date ?? extra.date ?? null,
      outlet: f.outlet ?? extra.outlet ?? null,
      author: f.author ?? null,
      url: f.url ?? null,
    };
    return readTranscript(text.text, header.header, meta, marked);
  }
  const parsed = parseSource({ text: text.text, path: file.path, ...(file.id ? { id: file.id } : {}), builtIn: file.builtIn ?? false });
  if (parsed.ok) parsed.source.meta.kind ??= 'article';
  return parsed;
}

/** What a file is, from its extension, else from its first bytes. */
export function formatOf(file: SourceFile): Format {
  const ext = /\.([a-z0-9]+)(?:[?#].*)?$/i.exec(file.path)?.[1]?.toLowerCase() ?? '';
  if (ext === 'pdf') return 'pdf';
  if (ext === 'docx') return 'docx';
  if (ext === 'vtt' || ext === 'webvtt') return 'vtt';
  if (ext === 'srt') return 'srt';
  if (ext === 'html' || ext === 'htm' || ext === 'xhtml') return 'html';
  const head = file.bytes ? latin1(file.bytes.subarray(0, 512)) : (file.text ?? '').slice(0, 512);
  if (head.startsWith('%PDF-')) return 'pdf';
  const t = head.replace(/^\uFEFF|^\u00ef\u00bb\u00bf/, '').trimStart();
  if (/^WEBVTT(?:[ \t\r\n]|$)/.test(t)) return 'vtt';
  if (/^\d+[ \t]*\r?\n\d{1,2}:\d{2}:\d{2}[,.]\d{1,3}[ \t]*-->/.test(t)) return 'srt';
  if (/^(?:<!doctype html|<html[\s>])/i.test(t)) return 'html';
  return 'text';
}

function latin1(bytes: Uint8Array): string {
  let s = '';
  for (const b of bytes) s += String.fromCharCode(b);
  return s;
}

function decoded(file: SourceFile, maxBytes: number): { ok: true; text: string } | { ok: false; reason: string } {
  if (file.text !== undefined) return { ok: true, text: file.text };
  return decodeText(file.bytes ?? new Uint8Array(), maxBytes);
}

function base(file: SourceFile): { id?: string; path: string | null; builtIn: boolean } {
  return { ...(file.id ? { id: file.id } : {}), path: file.path, builtIn: file.builtIn ?? false };
}

function baseMeta(file: SourceFile, id?: string): SourceMeta {
  return {
    id: file.id ?? id ?? idFromPath(file.path) ?? 'source',
    title: null,
    date: null,
    outlet: null,
    author: null,
    url: null,
    path: file.path,
    builtIn: file.builtIn ?? false,
  };
}

/**
 * A caption file's metadata: front matter before the cues (SRT has no place of its own for it), the text after
 * `WEBVTT` on the first line (the title), and `key: value` lines in WebVTT NOTE blocks.
 */
function captionsMeta(text: string, format: 'vtt' | 'srt', file: SourceFile): { body: string; meta: SourceMeta } {
  let body = text.replace(/^\uFEFF/, '');
  const fields: Record<string, string> = {};
  const header = parseSourceHeader(body);
  if (header.ok && header.header.bodyStart > 0 && body.startsWith('---')) {
    Object.assign(fields, header.header.fields);
    body = body.slice(header.header.bodyStart).replace(/^\s+/, '');
  }
  if (format === 'vtt') {
    const first = /^WEBVTT[ \t]+(?:-[ \t]*)?(.+)$/m.exec(body.slice(0, 300));
    if (first && !fields['title']) fields['title'] = first[1]!.trim();
    for (const note of body.matchAll(/(?:^|\n)NOTE[ \t]*\r?\n((?:[^\r\n]+\r?\n?)+)/g)) {
      for (const line of note[1]!.split(/\r?\n/)) {
        const m = /^\s*(title|outlet|programme|program|date|author|url|id)\s*:\s*(.+?)\s*$/i.exec(line);
        if (!m) continue;
        const key = m[1]!.toLowerCase().replace(/^program(?:me)?$/, 'outlet');
        if (!fields[key]) fields[key] = m[2]!;
      }
    }
  }
  const date = fields['date'] && /^\d{4}-\d{2}-\d{2}$/.test(fields['date']) ? fields['date'] : null;
  const meta: SourceMeta = {
    ...baseMeta(file, fields['id']),
    title: fields['title'] ?? null,
    date,
    outlet: fields['outlet'] ?? null,
    author: fields['author'] ?? null,
    url: fields['url'] ?? null,
  };
  return { body, meta };
}

export type { SourceKind };
