// Citation insertion as text edits on a draft: a marker after the quotation, and a footnote definition or
// reference entry at the end of the document when the style has one and the document lacks it.

import type { Locator, QuoteCheck, Source, SourceMeta, TextEdit } from '../types';
import { formatCitation, footnoteNumberFor, type CitationOptions, type CitationStyle } from './format-citation';

export interface CitationEditOptions extends Pick<CitationOptions, 'csl' | 'bibliography'> {
  /** The page or time of the matched passage (see `locatorOfMatch`). */
  locator?: Locator | null;
}

export function citationEdits(documentText: string, check: QuoteCheck, source: SourceMeta, style: CitationStyle | string, options: CitationEditOptions = {}): TextEdit[] | null {
  if (!check.match) return null;
  // An inline attribution is what the draft already has when it names the speaker.
  if (style === 'inline' && check.attribution) return null;
  const footnoteNumber = footnoteNumberFor(documentText, source);
  const c = formatCitation({ text: check.match.text, speaker: check.match.speaker, source, locator: options.locator ?? null }, style, { footnoteNumber, csl: options.csl ?? null, bibliography: options.bibliography ?? null });
  const edits: TextEdit[] = [{ span: { start: check.outerSpan.end, end: check.outerSpan.end }, newText: c.marker }];
  const note = c.note && !documentText.includes(c.note) && !(c.note.startsWith('[^') && new RegExp(`^\\[\\^${footnoteNumber}\\]:`, 'm').test(documentText)) ? c.note : null;
  if (note) edits.push(appendAtEnd(documentText, note));
  return edits;
}

/** An edit that adds a block at the end of a document, separated by one blank line. */
export function appendAtEnd(documentText: string, block: string): TextEdit {
  const eol = documentText.includes('\r\n') ? '\r\n' : '\n';
  const trailing = /(\r?\n)*$/.exec(documentText)![0];
  const lineBreaks = (trailing.match(/\n/g) ?? []).length;
  const sep = eol.repeat(Math.max(0, 2 - lineBreaks));
  return { span: { start: documentText.length, end: documentText.length }, newText: `${sep}${block}${eol}` };
}

/** The page or time of a matched passage: that of the quote it belongs to, or of the quote just before it. */
export function locatorOfMatch(source: Source, match: { quoteId: string | null; offset: { start: number } }): Locator | null {
  if (match.quoteId) {
    const q = source.quotes.find((x) => x.id === match.quoteId);
    if (q?.locator) return q.locator;
  }
  // The source's own words (not a quote): a PDF page or caption time runs on until the next quote's.
  let best: Locator | null = null;
  for (const q of source.quotes) {
    if (q.offset.start > match.offset.start) break;
    best = q.locator ?? best;
  }
  return best;
}
