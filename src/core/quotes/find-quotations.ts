// Finds quotations in prose with every mark writers use, whichever way the marks are (mis)matched.
// Works on paragraphs so a missing closing mark never swallows the rest of a document.

import type { Span } from '../types';
import { TITLE_SMALL_WORDS, WORK_CUES, SPEECH_VERBS } from './lexicon';
import { tokenizeWords } from '../text/words';

export interface Quotation {
  /** From the opening mark to just after the closing mark (or the paragraph's end when it never closes). */
  outer: Span;
  /** The words between the marks. */
  inner: Span;
  closed: boolean;
  /** Index of the paragraph it opens in. */
  paragraphIndex: number;
  kind: 'speech' | 'title';
  /** True for a piece of a quotation that goes on in the next paragraph (set when a source splits it). */
  continued?: boolean;
}

type Role = 'open' | 'close' | 'either';

const DOUBLE_MARKS = '"“”„‟«»';

/** Paragraphs are separated by blank lines. Returns spans trimmed of surrounding white space. */
export function splitParagraphs(text: string, from = 0, to = text.length): Span[] {
  const spans: Span[] = [];
  const re = /\r?\n[ \t]*(?:\r?\n[ \t]*)+/g;
  re.lastIndex = from;
  let start = from;
  let m: RegExpExecArray | null;
  while ((m = re.exec(text)) !== null && m.index < to) {
    pushTrimmed(text, start, m.index, spans);
    start = m.index + m[0].length;
  }
  pushTrimmed(text, start, to, spans);
  return spans;
}

/**
 * Paragraphs of a source, where a text saved from a web page often puts one paragraph on each line with no blank
 * line between them. A block whose lines mostly end a sentence is split at its line breaks; hard-wrapped prose,
 * whose lines end mid-sentence, stays whole.
 */
export function splitSourceParagraphs(text: string, from = 0, to = text.length): Span[] {
  const out: Span[] = [];
  for (const span of splitParagraphs(text, from, to)) {
    const lines = lineSpans(text, span);
    if (lines.length < 2 || !oneParagraphPerLine(text, lines)) out.push(span);
    else for (const line of lines) pushTrimmed(text, line.start, line.end, out);
  }
  return out;
}

function lineSpans(text: string, span: Span): Span[] {
  const lines: Span[] = [];
  let start = span.start;
  for (let i = text.indexOf('\n', start); i >= 0 && i < span.end; i = text.indexOf('\n', start)) {
    lines.push({ start, end: i });
    start = i + 1;
  }
  lines.push({ start, end: span.end });
  return lines;
}

function oneParagraphPerLine(text: string, lines: readonly Span[]): boolean {
  let ended = 0;
  let chars = 0;
  for (let k = 0; k < lines.length - 1; k++) {
    const line = text.slice(lines[k]!.start, lines[k]!.end).replace(/[\s\u00a0]+$/u, '');
    chars += line.length;
    if (/[.?!:"”’)…]$/u.test(line)) ended++;
  }
  const n = lines.length - 1;
  return ended >= 0.6 * n && chars / n >= 40;
}

function pushTrimmed(text: string, start: number, end: number, out: Span[]): void {
  while (start < end && /\s/.test(text[start]!)) start++;
  while (end > start && /\s/.test(text[end - 1]!)) end--;
  if (end > start) out.push({ start, end });
}

const isSpace = (c: string | undefined) => c === undefined || /\s/.test(c);
const opensAfter = (c: string | undefined) => c === undefined || /[\s([{\u2014\u2013/>*_~-]/.test(c);
const closesBefore = (c: string | undefined) => c === undefined || /[\s.,;:!?)\]}\u2014\u2013*_~-]/.test(c);

function doubleRole(text: string, i: number, para: Span): Role {
  const c = text[i]!;
  const prev = i > para.start ? text[i - 1] : undefined;
  const next = i + 1 < para.end ? text[i + 1] : undefined;
  if (c === '„' || c === '«' || c === '‟') return 'open';
  if (c === '»') return 'close';
  const openish = opensAfter(prev) && !isSpace(next);
  const closeish = !isSpace(prev) && closesBefore(next);
  if (c === '“') return closeish && !openish ? 'close' : 'open';
  if (c === '”') return openish && !closeish ? 'open' : 'close';
  if (openish && !closeish) return 'open';
  if (closeish && !openish) return 'close';
  return 'either';
}

/** The first quotation mark of a paragraph, if it opens one (for quotes that run over several paragraphs). */
function opensParagraph(text: string, para: Span): number {
  let i = para.start;
  while (i < para.end && (text[i] === '>' || isSpaceChar(text[i]!))) i++;
  if (i < para.end && DOUBLE_MARKS.includes(text[i]!) && doubleRole(text, i, para) !== 'close') return i;
  return -1;
}

const isSpaceChar = (c: string) => /\s/.test(c);

/**
 * Finds the quotations in the given paragraphs of text. Double marks are paired first; single marks count as
 * quotation marks only outside double ones and where they cannot be apostrophes.
 */
export function findQuotations(text: string, paragraphs: readonly Span[]): Quotation[] {
  const found: Quotation[] = [];
  let open: { at: number; para: number } | null = null;
  for (let p = 0; p < paragraphs.length; p++) {
    const para = paragraphs[p]!;
    const doubles: Quotation[] = [];
    let i = para.start;
    if (open) {
      // A continuation paragraph: its first mark re-opens the quote already open.
      i = opensParagraph(text, para) + 1;
    }
    // Search the paragraph alone: a regex over the whole text would run on to the next mark anywhere after it.
    const body = text.slice(para.start, para.end);
    const marks = /["“”„‟«»]/g;
    let nested = false;
    for (marks.lastIndex = i - para.start; ;) {
      const m = marks.exec(body);
      if (!m) break;
      i = para.start + m.index;
      const role = doubleRole(text, i, para);
      // Straight marks opening inside a curly quotation that closes later in the paragraph: a quote within the quote.
      if (open && text[i] === '"' && text[open.at] === '“') {
        if (nested) {
          nested = false;
          continue;
        }
        if (role === 'open' && body.indexOf('”', i - para.start) >= 0) {
          nested = true;
          continue;
        }
      }
      if (!open) {
        if (role !== 'close') open = { at: i, para: p };
      } else if (role !== 'open') {
        doubles.push(makeQuotation(open.at, i, true, open.para));
        open = null;
      }
    }
    if (open) {
      const next = paragraphs[p + 1];
      if (!(next && opensParagraph(text, next) >= 0)) {
        doubles.push(makeQuotation(open.at, para.end, false, open.para));
        open = null;
      }
    }
    found.push(...doubles, ...findSingleQuotations(text, para, p, doubles));
  }
  found.sort((a, b) => a.outer.start - b.outer.start);
  for (const q of found) q.kind = classify(text, q, paragraphs[q.paragraphIndex]!);
  return found;
}

function makeQuotation(openAt: number, closeAt: number, closed: boolean, paragraphIndex: number): Quotation {
  return {
    outer: { start: openAt, end: closed ? closeAt + 1 : closeAt },
    inner: { start: openAt + 1, end: closeAt },
    closed,
    paragraphIndex,
    kind: 'speech',
  };
}

function findSingleQuotations(text: string, para: Span, p: number, doubles: readonly Quotation[]): Quotation[] {
  const out: Quotation[] = [];
  let openAt = -1;
  const body = text.slice(para.start, para.end);
  const marks = /['‘’‚‹›]/g;
  for (let m = marks.exec(body); m; m = marks.exec(body)) {
    const i = para.start + m.index;
    const c = text[i]!;
    if (doubles.some((d) => i >= d.outer.start && i < d.outer.end)) continue;
    const prev = i > para.start ? text[i - 1] : undefined;
    const next = i + 1 < para.end ? text[i + 1] : undefined;
    const canOpen = c !== '’' && c !== '›' && opensAfter(prev) && next !== undefined && /[\p{L}\p{N}]/u.test(next);
    const canClose = c !== '‘' && c !== '‚' && c !== '‹' && !isSpace(prev) && closesBefore(next) && !(/\p{L}/u.test(prev ?? '') && /\p{L}/u.test(next ?? ''));
    if (openAt < 0) {
      if (canOpen) openAt = i;
    } else if (canClose) {
      out.push(makeQuotation(openAt, i, true, p));
      openAt = -1;
    }
  }
  return out;
}

/**
 * A short Title Case quotation after "on", "the show" and the like is the name of a work or an event, not speech,
 * even with the sentence's comma inside its marks ("meets on “Lantern Friday,” an open evening"); so is a date.
 */
function classify(text: string, q: Quotation, para: Span): 'speech' | 'title' {
  const inner = text.slice(q.inner.start, q.inner.end).trim();
  if (/^(?:January|February|March|April|May|June|July|August|September|October|November|December) \d{1,2}, \d{4}$/.test(inner)) return 'title';
  const words = tokenizeWords(inner);
  if (words.length < 2 || words.length > 8) return 'speech';
  const titleCase = words.every((w, k) => (k > 0 && TITLE_SMALL_WORDS.has(w.key) ? true : /^[\p{Lu}\p{N}]/u.test(w.strict)));
  if (!titleCase) return 'speech';
  const before = text.slice(Math.max(para.start, q.outer.start - 40), q.outer.start);
  const lastWord = /([\p{L}]+)[\s,:]*$/u.exec(before)?.[1]?.toLowerCase();
  if (/:\s*$/.test(before) || (lastWord !== undefined && SPEECH_VERBS.has(lastWord))) return 'speech';
  if (lastWord !== undefined && WORK_CUES.has(lastWord)) return 'title';
  if (/[,;:]$/.test(inner)) return 'speech';
  // Set off by commas like an appositive: the union's newsletter, "Voice of the Quay", urged …
  const after = text.slice(q.outer.end, Math.min(para.end, q.outer.end + 2));
  return /,\s*$/.test(before) && /^,/.test(after) ? 'title' : 'speech';
}
