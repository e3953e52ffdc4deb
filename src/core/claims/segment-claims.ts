// A draft's claims: its sentences outside headings, code, front matter, tables, footnote definitions and
// block quotes. A sentence that holds a quotation is a claim too, by its frame ("Witkoff told NBC on Saturday,
// "…""): the quoted words are left to the quotation check.

import type { Span } from '../types';
import { findQuotations, splitParagraphs } from '../quotes/find-quotations';
import { maskMarkdownCode } from '../check/check-draft';
import { tokenizeWords } from '../text/words';

export interface ClaimSentence {
  span: Span;
  /** Quotations in the sentence (marks included): their words are not the writer's claim. */
  quotations: Span[];
}

export interface SegmentLimits {
  /** Drafts longer than this get no claims at all (a claim check reads every sentence). */
  maxDraftChars: number;
  /** Sentences longer than this are not claims (a run-on paste, a table flattened into one line). */
  maxSentenceChars: number;
  /** At least this many words outside quotation marks. */
  minWords: number;
  /** Claims checked in one draft at most (the first ones); a draft is rarely a tenth of this. */
  maxClaims: number;
}

export const DEFAULT_SEGMENT_LIMITS: SegmentLimits = { maxDraftChars: 2_000_000, maxSentenceChars: 800, minWords: 3, maxClaims: 20_000 };

const segmenter = new Intl.Segmenter('en', { granularity: 'sentence' });
const blank = (s: string) => s.replace(/[^\r\n]/g, ' ');

/** Blanks out, keeping offsets, what is Markdown structure or not prose. */
function maskNonProse(text: string): string {
  return maskMarkdownCode(text)
    .replace(/^[ \t]{0,3}#{1,6}[ \t].*$/gm, blank) // ATX headings
    .replace(/^(.+)\r?\n[ \t]*(?:=+|-{2,})[ \t]*$/gm, blank) // setext headings and their underline
    .replace(/^[ \t]*\|.*$/gm, blank) // table rows
    .replace(/^.*\|[ \t]*:?-{3,}.*$/gm, blank)
    .replace(/^[ \t]*\[\^[^\]\n]*\]:.*$/gm, blank) // footnote definitions
    .replace(/^[ \t]*\[[^\]\n]+\]:[ \t]*\S+.*$/gm, blank) // link reference definitions
    .replace(/^[ \t]*>.*$/gm, blank) // block quotes: someone else's words
    .replace(/\[\^[^\]\n]*\]/g, blank) // footnote references
    .replace(/!?\[([^\]\n]*)\]\([^)\n]*\)/g, (m, label: string) => ` ${label}${' '.repeat(m.length - label.length - 1)}`) // links keep their text
    .replace(/<[^>\n]{1,200}>/g, blank) // HTML tags
    .replace(/\b(?:https?:\/\/|www\.)\S+/g, blank); // URLs
}

export function findClaimSentences(text: string, limits: SegmentLimits = DEFAULT_SEGMENT_LIMITS): ClaimSentence[] {
  if (text.length > limits.maxDraftChars) return [];
  const masked = maskNonProse(text);
  // List items and lines of a list are paragraphs of their own.
  const paragraphs: Span[] = [];
  for (const p of splitParagraphs(masked)) {
    const body = masked.slice(p.start, p.end);
    if (!/^[ \t]*(?:[-*+]|\d+[.)])[ \t]/m.test(body)) {
      paragraphs.push(p);
      continue;
    }
    let at = p.start;
    for (const line of body.split('\n')) {
      const m = /^[ \t]*(?:[-*+]|\d+[.)])[ \t]+/.exec(line);
      const start = at + (m ? m[0].length : 0);
      const end = at + line.replace(/\s+$/, '').length;
      // A list item is a claim only when it is written as a sentence.
      if (end > start && (!m || /[.!?]["”’)]*$/.test(line.trimEnd()))) paragraphs.push({ start, end });
      at += line.length + 1;
    }
  }
  const quotations = findQuotations(masked, paragraphs).map((q) => q.outer);
  const out: ClaimSentence[] = [];
  for (const p of paragraphs) {
    const para = masked.slice(p.start, p.end);
    // A short line with no closing punctuation is a heading or a label, not a claim.
    if (!/[.!?:;"”’)…]\s*$/.test(para) && para.split(/\s+/).length <= 12) continue;
    for (const piece of piecesOf(para)) {
      for (const found of joinAbbreviations(piece.text)) {
        const start = p.start + piece.offset + found.start;
        const span = { start, end: p.start + piece.offset + found.end };
        if (span.end - span.start > limits.maxSentenceChars) continue;
        const inside = quotations.filter((q) => q.start < span.end && q.end > span.start);
        const words = tokenizeWords(masked, span.start, span.end).filter((w) => !inside.some((q) => w.start >= q.start && w.end <= q.end));
        if (words.length < limits.minWords || !words.some((w) => /\p{Ll}/u.test(w.strict))) continue;
        out.push({ span, quotations: inside });
        if (out.length >= limits.maxClaims) return out;
      }
    }
  }
  return out;
}

/** A full stop after an abbreviation ("Sept. 24", "Mr. Barrow") does not end a sentence when the next word goes on. */
const ABBREVIATION_END = /(?:^|[\s(])(?:[A-Z][a-z]{0,4}|[A-Z](?:\.[A-Z])*|[a-z]{1,3})\.$/;

/** The segmenter's sentences (trimmed, as offsets into text), rejoined where it broke after an abbreviation. */
export function joinAbbreviations(text: string): Span[] {
  const out: Span[] = [];
  for (const seg of segmenter.segment(text)) {
    const lead = seg.segment.length - seg.segment.trimStart().length;
    const trimmed = seg.segment.trim();
    if (trimmed === '') continue;
    const start = seg.index + lead;
    const last = out[out.length - 1];
    const before = last ? text.slice(last.start, last.end) : '';
    if (last && ((ABBREVIATION_END.test(before) && /^[\p{Ll}\d]/u.test(trimmed)) || continuesAfterTime(before, trimmed) || TITLE_END.test(before))) {
      last.end = start + trimmed.length;
    } else out.push({ start, end: start + trimmed.length });
  }
  return out;
}

/** A title written short stands before a name, never at a sentence's end: "State epidemiologist Dr." | "Laura Chen said". */
const TITLE_END = /(?:^|[\s(])(?:Dr|Mr|Mrs|Ms|Messrs|Gov|Sen|Rep|Gen|Lt|Col|Sgt|Capt|Adm|Maj|Cmdr|Prof|Rev|Supt|Insp|Atty|Fr|Hon)\.$/;

/** Words that go on with a time written "6 a.m.": a day ("6 a.m. Tuesday"), a time zone ("9 a.m. ET"). */
const AFTER_TIME =
  /^(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|Mon|Tue|Tues|Wed|Thu|Thur|Thurs|Fri|Sat|Sun|January|February|March|April|May|June|July|August|September|October|November|December|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept?|Oct|Nov|Dec|ET|EDT|EST|CT|CDT|CST|MT|MDT|MST|PT|PDT|PST|GMT|BST|UTC|local time)\b/;

/** Whether a sentence cut after "a.m." or "p.m." goes on in the next piece ("lifted at 6 a.m." | "Tuesday."). */
export function continuesAfterTime(before: string, next: string): boolean {
  return /(?:^|[\s\d])[ap]\.m\.$/i.test(before) && AFTER_TIME.test(next);
}

const PIECE_CHARS = 2_000;

/** The segmenter slows down more than linearly on long strings: long paragraphs go in pieces cut after a full stop. */
function piecesOf(text: string): { text: string; offset: number }[] {
  if (text.length <= 2 * PIECE_CHARS) return [{ text, offset: 0 }];
  const pieces: { text: string; offset: number }[] = [];
  let start = 0;
  while (text.length - start > 2 * PIECE_CHARS) {
    const window = text.slice(start + PIECE_CHARS, start + 2 * PIECE_CHARS);
    const m = /[.!?]["”’)]*\s+/.exec(window);
    const cut = m ? start + PIECE_CHARS + m.index + m[0].length : start + PIECE_CHARS;
    pieces.push({ text: text.slice(start, cut), offset: start });
    start = cut;
  }
  pieces.push({ text: text.slice(start), offset: start });
  return pieces;
}
