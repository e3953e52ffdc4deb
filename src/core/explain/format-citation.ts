// Citations in the styles writers use. `inline`, `footnote` and `pandoc` are written here; the academic styles
// (APA, MLA, Chicago, and any `.csl` file the writer has) are formatted by the CSL processor (`csl.ts`). Metadata a
// source lacks is left out, never made up.

import type { Locator, SourceMeta } from '../types';
import { shortName } from '../quotes/people';
import { findBibliographyItem, type Bibliography } from './bibliography';
import { cslItemFromMeta, renderCsl, shortTime, type CslStyle } from './csl';

/** A built-in style name; a `.csl` file's path may be given instead (with its XML in `CitationOptions.csl`). */
export type CitationStyle = 'inline' | 'footnote' | 'apa' | 'mla' | 'chicago' | 'pandoc';

export const CITATION_STYLES: readonly CitationStyle[] = ['inline', 'footnote', 'apa', 'mla', 'chicago', 'pandoc'];

/** The CSL files (in resources/csl/) behind the built-in academic styles, and the locale they use. */
export const CSL_STYLE_FILES: Readonly<Record<'apa' | 'mla' | 'chicago', string>> = {
  apa: 'apa.csl',
  mla: 'modern-language-association.csl',
  chicago: 'chicago-notes-bibliography.csl',
};
export const CSL_LOCALE_FILE = 'locales-en-US.xml';

/** Whether a style setting names a CSL style (a built-in academic one, or a path to a `.csl` file). */
export function isCslStyle(style: string): boolean {
  return style === 'apa' || style === 'mla' || style === 'chicago' || /\.csl$/i.test(style);
}

/** Whether a style setting is usable: a built-in name or a path to a `.csl` file. */
export function isValidCitationStyle(style: unknown): style is string {
  return typeof style === 'string' && (CITATION_STYLES.includes(style as CitationStyle) || /\.csl$/i.test(style.trim()));
}

export interface CitedPassage {
  /** The source's exact words. */
  text: string;
  /** Who said them, or null for the article's own text. */
  speaker: string | null;
  source: SourceMeta;
  /** The page (PDF) or time (transcript, captions) of the passage, when the source has them. */
  locator?: Locator | null;
}

export interface Citation {
  /** What goes right after the quotation: ` Witkoff said.`, `[^1]`, ` (Author, 2025)`, ` [@id]`. */
  marker: string;
  /** A footnote definition or reference-list entry to add at the end of the document, if the style has one. */
  note: string | null;
  /** The whole quotation with its citation, as inserted by "Insert Quote". */
  quotation: string;
  /** Why the asked-for style could not be used (its CSL was not given or did not work); a footnote was made instead. */
  problem?: string;
}

export interface CitationOptions {
  /** Footnote number to use (reuse the source's existing one; else the next free one). */
  footnoteNumber?: number;
  /** Opening and closing marks for the quotation. */
  marks?: { open: string; close: string };
  /** The CSL style's and locale's XML, for `apa`, `mla`, `chicago` or a `.csl` path. */
  csl?: CslStyle | null;
  /** The writer's bibliography: its entry for the source wins over the source's own metadata. */
  bibliography?: Bibliography | null;
}

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

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

/** `p. 2` or `at 00:12:04`, for the styles written here. */
export function locatorText(locator: Locator | null | undefined): string | null {
  if (!locator) return null;
  return 'page' in locator ? `p. ${locator.page}` : `at ${shortTime(locator.time)}`;
}

export function formatCitation(passage: CitedPassage, style: CitationStyle | string, options: CitationOptions = {}): Citation {
  const marks = options.marks ?? { open: '“', close: '”' };
  const meta = passage.source;
  const date = dateParts(meta.date);
  const who = passage.speaker ? shortName(passage.speaker) : null;
  const n = options.footnoteNumber ?? 1;
  const where = locatorText(passage.locator);
  const footnote = (): Citation => {
    const longDate = date ? `${MONTHS[date.m]} ${date.d}, ${date.y}` : null;
    const body = joinPresent(
      [
        passage.speaker ? `${passage.speaker}, quoted in ${meta.title ? `“${meta.title}”` : meta.id}` : meta.title ? `“${meta.title}”` : meta.id,
        meta.author,
        meta.outlet,
        longDate,
        where,
        meta.url,
      ],
      ', ',
    );
    const note = `[^${n}]: ${withPeriod(body)}`;
    return { marker: `[^${n}]`, note, quotation: `${quotedWords(passage.text, marks, '.')}[^${n}]` };
  };
  if (style === 'inline') {
    const origin = who ? `${who} said` : `according to ${meta.outlet ?? meta.title ?? meta.id}`;
    const quotation = `${quotedWords(passage.text, marks, ',')} ${origin}.`;
    return { marker: ` ${origin}`, note: null, quotation };
  }
  if (style === 'footnote') return footnote();
  const entry = findBibliographyItem(options.bibliography, meta);
  if (style === 'pandoc') {
    const key = (entry?.['citation-key'] as string | undefined) ?? entry?.id ?? meta.id;
    const marker = ` [@${key}${where ? `, ${where}` : ''}]`;
    return { marker, note: null, quotation: `${quotedWords(passage.text, marks, '')}${marker}.` };
  }
  // Every other style is CSL: apa, mla, chicago, or a .csl file.
  if (!options.csl) return { ...footnote(), problem: `the CSL style "${style}" was not loaded` };
  const rendered = renderCsl(entry ?? cslItemFromMeta(meta), options.csl, passage.locator);
  if ('error' in rendered) return { ...footnote(), problem: `the CSL style "${style}" could not format this source (${rendered.error})` };
  if (rendered.note) {
    return { marker: `[^${n}]`, note: `[^${n}]: ${withPeriod(rendered.citation)}`, quotation: `${quotedWords(passage.text, marks, '.')}[^${n}]` };
  }
  return { marker: ` ${rendered.citation}`, note: rendered.bibliography, quotation: `${quotedWords(passage.text, marks, '')} ${rendered.citation}.` };
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
    const folded = body.toLowerCase();
    if (folded.includes(source.id.toLowerCase()) || (source.title !== null && folded.includes(source.title.toLowerCase()))) return n;
    max = Math.max(max, n);
  }
  return max + 1;
}
