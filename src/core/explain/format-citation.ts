// Citations in the styles writers use. Metadata a source lacks is left out, never made up.

import type { SourceMeta } from '../types';
import { shortName } from '../quotes/people';

export type CitationStyle = 'inline' | 'footnote' | 'apa' | 'mla' | 'chicago' | 'pandoc';

export const CITATION_STYLES: readonly CitationStyle[] = ['inline', 'footnote', 'apa', 'mla', 'chicago', 'pandoc'];

export interface CitedPassage {
  /** The source's exact words. */
  text: string;
  /** Who said them, or null for the article's own text. */
  speaker: string | null;
  source: SourceMeta;
}

export interface Citation {
  /** What goes right after the quotation: ` Witkoff said.`, `[^1]`, ` (2025, August 18)`, ` [@id]`. */
  marker: string;
  /** A footnote definition or reference-list entry to add at the end of the document, if the style has one. */
  note: string | null;
  /** The whole quotation with its citation, as inserted by "Insert Quote". */
  quotation: string;
}

export interface CitationOptions {
  /** Footnote number to use (reuse the source's existing one; else the next free one). */
  footnoteNumber?: number;
  /** Opening and closing marks for the quotation. */
  marks?: { open: string; close: string };
}

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
const MLA_MONTHS = ['Jan.', 'Feb.', 'Mar.', 'Apr.', 'May', 'June', 'July', 'Aug.', 'Sept.', 'Oct.', 'Nov.', 'Dec.'];

function dateParts(date: string | null): { y: string; m: number; d: number } | null {
  const m = date ? /^(\d{4})-(\d{2})-(\d{2})$/.exec(date) : null;
  return m ? { y: m[1]!, m: Number(m[2]) - 1, d: Number(m[3]) } : null;
}

/** Joins the present pieces with a separator; absent ones leave no stray punctuation. */
function joinPresent(pieces: (string | null | undefined | false)[], sep: string): string {
  return pieces.filter((p): p is string => typeof p === 'string' && p.trim() !== '').join(sep);
}

function withPeriod(s: string): string {
  return /[.!?]$/.test(s) ? s : s + '.';
}

/** The quotation's words with closing punctuation fitted to the attribution that follows ("…,” Witkoff said). */
function quotedWords(text: string, marks: { open: string; close: string }, trailing: ',' | '.' | ''): string {
  const core = text.trim().replace(/[\s,;:.]+$/, '');
  const end = /[!?]$/.test(core) ? '' : trailing;
  return `${marks.open}${core}${end}${marks.close}`;
}

export function formatCitation(passage: CitedPassage, style: CitationStyle, options: CitationOptions = {}): Citation {
  const marks = options.marks ?? { open: '“', close: '”' };
  const meta = passage.source;
  const date = dateParts(meta.date);
  const who = passage.speaker ? shortName(passage.speaker) : null;
  switch (style) {
    case 'inline': {
      const origin = who ? `${who} said` : `according to ${meta.outlet ?? meta.title ?? meta.id}`;
      const quotation = `${quotedWords(passage.text, marks, ',')} ${origin}.`;
      return { marker: ` ${origin}`, note: null, quotation };
    }
    case 'footnote': {
      const n = options.footnoteNumber ?? 1;
      const longDate = date ? `${MONTHS[date.m]} ${date.d}, ${date.y}` : null;
      const body = joinPresent(
        [passage.speaker ? `${passage.speaker}, quoted in ${meta.title ? `“${meta.title}”` : meta.id}` : meta.title ? `“${meta.title}”` : meta.id, meta.author, meta.outlet, longDate, meta.url],
        ', ',
      );
      const note = `[^${n}]: ${withPeriod(body)}`;
      return { marker: `[^${n}]`, note, quotation: `${quotedWords(passage.text, marks, '.')}[^${n}]` };
    }
    case 'apa': {
      const apaDate = date ? `${date.y}, ${MONTHS[date.m]} ${date.d}` : 'n.d.';
      const inText = `(${joinPresent([meta.author ?? (meta.title ? shortTitle(meta.title) : null), date ? date.y : 'n.d.'], ', ')})`;
      const head = meta.author ? [withPeriod(meta.author), `(${apaDate}).`, meta.title ? withPeriod(meta.title) : null] : [meta.title ? withPeriod(meta.title) : null, `(${apaDate}).`];
      const note = joinPresent([...head, meta.outlet ? withPeriod(meta.outlet) : null, meta.url], ' ');
      return { marker: ` ${inText}`, note, quotation: `${quotedWords(passage.text, marks, '')} ${inText}.` };
    }
    case 'mla': {
      const mlaDate = date ? `${date.d} ${MLA_MONTHS[date.m]} ${date.y}` : null;
      const inText = `(${meta.author ? meta.author.split(/\s+/).pop() : meta.title ? `“${shortTitle(meta.title)}”` : meta.id})`;
      const container = joinPresent([meta.outlet, mlaDate, meta.url], ', ');
      const note = joinPresent([meta.author ? withPeriod(meta.author) : null, meta.title ? `“${withPeriod(meta.title)}”` : null, container ? withPeriod(container) : null], ' ') || withPeriod(meta.id);
      return { marker: ` ${inText}`, note, quotation: `${quotedWords(passage.text, marks, '')} ${inText}.` };
    }
    case 'chicago': {
      const longDate = date ? `${MONTHS[date.m]} ${date.d}, ${date.y}` : null;
      const note = withPeriod(joinPresent([meta.author, meta.title ? `“${meta.title}”` : meta.id, meta.outlet, longDate, meta.url], ', '));
      const n = options.footnoteNumber ?? 1;
      return { marker: `[^${n}]`, note: `[^${n}]: ${note}`, quotation: `${quotedWords(passage.text, marks, '.')}[^${n}]` };
    }
    case 'pandoc': {
      const marker = ` [@${meta.id}]`;
      return { marker, note: null, quotation: `${quotedWords(passage.text, marks, '')}${marker}.` };
    }
  }
}

function shortTitle(title: string): string {
  const words = title.split(/\s+/);
  return words.length <= 4 ? title : words.slice(0, 4).join(' ') + '…';
}

/**
 * The footnote number for a source in a document: the number already used for it (its definition names the
 * source id or title), else one more than the highest in use.
 */
export function footnoteNumberFor(documentText: string, source: SourceMeta): number {
  let max = 0;
  for (const m of documentText.matchAll(/^\[\^(\d+)\]:\s*(.*)$/gm)) {
    const n = Number(m[1]);
    const body = m[2] ?? '';
    if (body.includes(source.id) || (source.title !== null && body.includes(source.title))) return n;
    max = Math.max(max, n);
  }
  return max + 1;
}
