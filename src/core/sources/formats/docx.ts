// Word documents (.docx), converted by mammoth (which runs in Node and browsers) to plain HTML, whose blocks become
// the source's paragraphs; quotes and speakers are then found as in any article. Title and author come from the
// document's core properties (docProps/core.xml, read with JSZip); the date only from the text, as for PDFs: the
// file's creation time is not the date of what it says.

import type { SourceMeta } from '../../types';
import { parseSource, type ParseResult } from '../parse-source';
import { blocksOf } from './html';
import { isoDate } from './transcript';

export async function readDocx(bytes: Uint8Array, base: { id?: string; path: string | null; builtIn: boolean }): Promise<ParseResult> {
  let html: string;
  let core = '';
  try {
    const [{ default: mammoth }, { default: JSZip }] = await Promise.all([import('mammoth'), import('jszip')]);
    const copy = new Uint8Array(bytes);
    // Node's mammoth reads `buffer`, the browser build `arrayBuffer`; both accept the bytes.
    const result = await mammoth.convertToHtml({ buffer: copy, arrayBuffer: copy.buffer } as never);
    html = result.value;
    const zip = await JSZip.loadAsync(copy);
    core = (await zip.file('docProps/core.xml')?.async('string')) ?? '';
  } catch (err) {
    return { ok: false, reason: `is not a Word document that can be read (${(err as Error)?.message ?? String(err)})` };
  }
  const paragraphs = blocksOf(html);
  if (paragraphs.join('').trim() === '') return { ok: false, reason: 'is a Word document with no text' };
  const text = '\n' + paragraphs.join('\n\n') + '\n';
  const parsed = parseSource({ text, path: base.path, ...(base.id ? { id: base.id } : {}), builtIn: base.builtIn });
  if (!parsed.ok) return parsed;
  const prop = (tag: string) => {
    const m = new RegExp(`<${tag}[^>]*>([^<]*)</${tag}>`).exec(core);
    const v = m ? decodeXml(m[1]!).replace(/\s+/g, ' ').trim() : '';
    return v === '' ? null : v;
  };
  const meta: SourceMeta = {
    ...parsed.source.meta,
    title: prop('dc:title') ?? firstHeading(paragraphs),
    author: prop('dc:creator'),
    date: isoDate(text.slice(0, 600)),
    outlet: null,
    url: null,
    kind: 'docx',
  };
  parsed.source.meta = meta;
  return parsed;
}

function firstHeading(paragraphs: readonly string[]): string | null {
  const h = paragraphs.find((p) => p.startsWith('## '));
  return h ? h.slice(3).trim() : null;
}

function decodeXml(s: string): string {
  return s
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&amp;/g, '&');
}
