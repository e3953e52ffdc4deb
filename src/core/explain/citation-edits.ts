// Citation insertion as text edits on a draft: the one way every host inserts a citation (Insert Quote, Cite
// Selection, completions, the quick fix). The main edit comes first; a footnote definition or reference entry is
// added at the end of the document only when the style has one and the document does not have it yet.

import type { Locator, Source, Span, TextEdit } from '../types';
import { formatCitation, footnoteNumberFor, type CitationOptions, type CitationStyle, type CitedPassage } from './format-citation';

/** What a CSL style needs from the host: the style's and locale's XML, and the writer's bibliography. */
export type CitationResources = Pick<CitationOptions, 'csl' | 'bibliography'>;

export type CitationPlacement =
  /** Replace `replace` with the whole quotation and its citation (Insert Quote, a completion). */
  | { kind: 'quotation'; replace: Span; marks?: { open: string; close: string } }
  /** Put the citation marker at `at`, right after a quotation already in the draft (Cite Selection, the quick fix). */
  | { kind: 'marker'; at: number };

export function citationEdits(
  documentText: string,
  passage: CitedPassage,
  style: CitationStyle | string,
  placement: CitationPlacement,
  resources: CitationResources = {},
): TextEdit[] {
  const footnoteNumber = footnoteNumberFor(documentText, passage.source);
  const c = formatCitation(passage, style, {
    footnoteNumber,
    ...(placement.kind === 'quotation' && placement.marks ? { marks: placement.marks } : {}),
    csl: resources.csl ?? null,
    bibliography: resources.bibliography ?? null,
  });
  const edits: TextEdit[] =
    placement.kind === 'quotation' ? [{ span: { ...placement.replace }, newText: c.quotation }] : [{ span: { start: placement.at, end: placement.at }, newText: c.marker }];
  if (c.note && !hasNote(documentText, c.note, footnoteNumber)) edits.push(appendAtEnd(documentText, c.note));
  return edits;
}

/** The note is there already: word for word, or (for footnotes) as a definition with the same number. */
function hasNote(documentText: string, note: string, footnoteNumber: number): boolean {
  if (documentText.includes(note)) return true;
  return note.startsWith('[^') && new RegExp(`^\\[\\^${footnoteNumber}\\]:`, 'm').test(documentText);
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
