// PDFs (press releases, reports), read with PDF.js through unpdf (its build that needs no worker or canvas, for
// Node and browsers alike). Lines are put back in reading order, words broken by a hyphen at a line end are joined,
// running headers and footers (and page numbers) are dropped, and each quote keeps the page it starts on.

import type { SourceMeta } from '../../types';
import { parseSource, type ParseResult } from '../parse-source';
import { isoDate } from './transcript';

interface TextItem {
  str: string;
  transform: number[];
  width: number;
  height: number;
  hasEOL?: boolean;
}

interface PdfLine {
  /** The page's height, for telling the margins from the body. */
  pageHeight: number;
  y: number;
  x: number;
  size: number;
  text: string;
}

export async function readPdf(bytes: Uint8Array, base: { id?: string; path: string | null; builtIn: boolean }): Promise<ParseResult> {
  let pages: PdfLine[][];
  let info: Record<string, unknown> = {};
  try {
    const { getDocumentProxy } = await import('unpdf');
    // PDF.js takes ownership of the buffer it is given: hand it a copy so the caller's bytes stay usable.
    const pdf = await getDocumentProxy(new Uint8Array(bytes), { isEvalSupported: false, stopAtErrors: false, verbosity: 0 } as never);
    try {
      info = ((await pdf.getMetadata().catch(() => null))?.info as Record<string, unknown> | undefined) ?? {};
      pages = [];
      for (let n = 1; n <= pdf.numPages; n++) {
        const page = await pdf.getPage(n);
        const content = await page.getTextContent();
        const view = (page as unknown as { view?: number[] }).view;
        pages.push(linesOf(content.items as TextItem[], view && view.length === 4 ? Math.abs(view[3]! - view[1]!) : 792));
        page.cleanup();
      }
    } finally {
      void pdf.destroy();
    }
  } catch (err) {
    const name = (err as Error)?.name;
    if (name === 'PasswordException') return { ok: false, reason: 'is an encrypted PDF that needs a password; save a copy without one to use it' };
    if (name === 'InvalidPDFException' || name === 'FormatError') return { ok: false, reason: 'is not a valid PDF (it may be damaged or incomplete)' };
    return { ok: false, reason: `is a PDF that could not be read (${(err as Error)?.message ?? String(err)})` };
  }
  if (!pages.some((p) => p.some((l) => /[\p{L}\p{N}]/u.test(l.text)))) {
    return { ok: false, reason: 'is a scanned PDF with no text (it would need text recognition first)' };
  }
  dropRunningLines(pages);
  const { text, pageStarts, firstHeading } = layOut(pages);
  const parsed = parseSource({ text, path: base.path, ...(base.id ? { id: base.id } : {}), builtIn: base.builtIn });
  if (!parsed.ok) return parsed;
  const source = parsed.source;
  const pageAt = (offset: number) => {
    let page = 1;
    for (let k = 0; k < pageStarts.length; k++) if (pageStarts[k]! <= offset) page = k + 1;
    return page;
  };
  for (const q of source.quotes) q.locator = { page: pageAt(q.offset.start) };
  const str = (v: unknown) => (typeof v === 'string' && v.trim() !== '' ? v.replace(/\s+/g, ' ').trim() : null);
  const meta: SourceMeta = {
    ...source.meta,
    title: str(info['Title']) ?? firstHeading ?? source.meta.title,
    author: str(info['Author']),
    date: isoDate(text.slice(0, 600)),
    outlet: str((info['Custom'] as Record<string, unknown> | undefined)?.['Publisher']) ?? str((info['Custom'] as Record<string, unknown> | undefined)?.['Company']),
    url: null,
    kind: 'pdf',
  };
  source.meta = meta;
  return parsed;
}

/** A page's text items as lines, top to bottom and left to right. */
function linesOf(items: readonly TextItem[], pageHeight: number): PdfLine[] {
  const words = items.filter((i) => typeof i.str === 'string' && i.str !== '' && Array.isArray(i.transform));
  words.sort((a, b) => b.transform[5]! - a.transform[5]! || a.transform[4]! - b.transform[4]!);
  const lines: { y: number; size: number; items: TextItem[] }[] = [];
  for (const w of words) {
    const y = w.transform[5]!;
    const size = Math.abs(w.height || w.transform[3] || 10);
    const line = lines.find((l) => Math.abs(l.y - y) < Math.max(2, size * 0.4));
    if (line) line.items.push(w);
    else lines.push({ y, size, items: [w] });
  }
  return lines
    .map((l) => {
      l.items.sort((a, b) => a.transform[4]! - b.transform[4]!);
      let text = '';
      let right = -Infinity;
      for (const it of l.items) {
        const x = it.transform[4]!;
        if (text !== '' && x - right > l.size * 0.15 && !/\s$/.test(text) && !/^\s/.test(it.str)) text += ' ';
        text += it.str;
        right = x + (it.width || 0);
      }
      return {
        pageHeight,
        y: l.y,
        x: l.items[0]!.transform[4]!,
        size: Math.max(...l.items.map((i) => Math.abs(i.height || i.transform[3] || 10))),
        text: text.replace(/\s+/g, ' ').trim(),
      };
    })
    .filter((l) => l.text !== '');
}

const PAGE_NUMBER = /^(?:page\s*)?\d{1,4}(?:\s*(?:of|\/)\s*\d{1,4})?$|^[-–—]\s*\d{1,4}\s*[-–—]$/i;

/**
 * Running headers and footers: lines at the top or bottom of pages that repeat (digits aside), page numbers, and
 * (for a single page, where nothing can repeat) small print in the top or bottom margin.
 */
function dropRunningLines(pages: PdfLine[][]): void {
  const bodySize = median(pages.flat().map((l) => l.size));
  const inMargin = (l: PdfLine) => l.size < bodySize * 0.95 && (l.y > l.pageHeight * 0.92 || l.y < l.pageHeight * 0.08);
  const shape = (s: string) => s.toLowerCase().replace(/\d+/g, '#').replace(/\s+/g, ' ').trim();
  const counts = new Map<string, number>();
  const edges = (p: PdfLine[]) => [...p.slice(0, 2), ...p.slice(-2)];
  for (const p of pages) for (const key of new Set(edges(p).map((l) => shape(l.text)))) counts.set(key, (counts.get(key) ?? 0) + 1);
  const repeated = (l: PdfLine) => pages.length >= 2 && (counts.get(shape(l.text)) ?? 0) >= Math.max(2, Math.ceil(pages.length / 2));
  for (let k = 0; k < pages.length; k++) {
    const p = pages[k]!;
    const edge = new Set(edges(p));
    pages[k] = p.filter((l) => !(edge.has(l) && (repeated(l) || PAGE_NUMBER.test(l.text) || (pages.length === 1 && inMargin(l)))));
  }
}

/** Paragraphs from line spacing; pages joined where a paragraph runs on; a hyphen at a line end joins its word. */
function layOut(pages: PdfLine[][]): { text: string; pageStarts: number[]; firstHeading: string | null } {
  let text = '';
  const pageStarts: number[] = [];
  let firstHeading: string | null = null;
  const bodySize = median(pages.flat().map((l) => l.size));
  for (const lines of pages) {
    const gaps = lines
      .slice(1)
      .map((l, k) => lines[k]!.y - l.y)
      .filter((g) => g > 0);
    const step = median(gaps) || bodySize * 1.3;
    let para = '';
    const paras: string[] = [];
    const flush = () => {
      if (para.trim()) paras.push(para.trim());
      para = '';
    };
    lines.forEach((l, k) => {
      const prev = lines[k - 1];
      const heading = l.size > bodySize * 1.2;
      if (heading && firstHeading === null) firstHeading = l.text;
      if (prev && (prev.y - l.y > step * 1.4 || heading || prev.size > bodySize * 1.2)) flush();
      if (para === '') para = l.text;
      else if (/\p{Ll}-$/u.test(para) && /^\p{Ll}/u.test(l.text)) para = para.slice(0, -1) + l.text;
      else para += ' ' + l.text;
      if (heading) flush();
    });
    flush();
    // A paragraph cut by the page break goes on where the last one stopped.
    const runsOn = text !== '' && paras.length > 0 && !/[.!?:"”’)]$/.test(text.trimEnd()) && /^\p{Ll}/u.test(paras[0]!);
    if (runsOn) {
      pageStarts.push(text.length + 1);
      const first = paras.shift()!;
      text = /\p{Ll}-$/u.test(text) ? text.slice(0, -1) + first : text + ' ' + first;
    } else {
      if (text !== '') text += '\n\n';
      pageStarts.push(text.length);
    }
    if (paras.length) text += (text !== '' && !text.endsWith('\n\n') ? '\n\n' : '') + paras.join('\n\n');
  }
  return { text: '\n' + text + '\n', pageStarts: pageStarts.map((s) => s + 1), firstHeading };
}

function median(xs: number[]): number {
  if (xs.length === 0) return 0;
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)]!;
}
