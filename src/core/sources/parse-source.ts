// A source file's text becomes paragraphs, headings, sentences and attributed quotes.

import type { Attribution, Paragraph, Quote, QuoteAttribution, Sentence, Source, SourceMeta, Span } from '../types';
import { parseSourceHeader } from './source-header';
import { findQuotations, splitSourceParagraphs, type Quotation } from '../quotes/find-quotations';
import { PersonRegistry, readPeople, type NameMention } from '../quotes/people';
import { attributeQuotations } from '../quotes/attribution';
import { ADVERBS_BETWEEN, SPEECH_VERBS, TITLE_WORDS } from '../quotes/lexicon';
import { firstStartingFrom, spanContaining } from '../text/sorted-spans';

export interface SourceInput {
  text: string;
  /** A file path or URI, used for messages and to derive the id when the front matter has none. */
  path?: string | null;
  /** Overrides the id (the built-in article's is fixed). */
  id?: string;
  builtIn?: boolean;
}

export type ParseResult = { ok: true; source: Source } | { ok: false; reason: string };

const sentenceSegmenter = new Intl.Segmenter('en', { granularity: 'sentence' });

export function parseSource(input: SourceInput): ParseResult {
  const header = parseSourceHeader(input.text);
  if (!header.ok) return header;
  const { text } = input;
  const { fields, bodyStart } = header.header;
  const { mentions, registry } = readPeople(text, bodyStart);
  const paragraphs = findParagraphs(text, bodyStart, mentions, registry);
  const quotations = splitAtParagraphs(text, findQuotations(text, paragraphs), paragraphs);
  const speech = quotations.filter((q) => q.kind === 'speech' && /[\p{L}\p{N}]/u.test(text.slice(q.inner.start, q.inner.end)));
  const attributions = attributeQuotations({ text, paragraphs, registry, mentions }, speech);
  const meta: SourceMeta = {
    id: input.id ?? fields.id ?? idFromPath(input.path) ?? 'source',
    title: fields.title ?? firstHeading(text, bodyStart),
    date: fields.date ?? null,
    outlet: fields.outlet ?? null,
    author: fields.author ?? null,
    url: fields.url ?? null,
    path: input.path ?? null,
    builtIn: input.builtIn ?? false,
  };
  const quotes: Quote[] = speech.map((q, k) => {
    const a = attributions[k] ?? null;
    return {
      id: `q${k + 1}`,
      sourceId: meta.id,
      speaker: a?.name ?? null,
      text: text.slice(q.inner.start, q.inner.end),
      offset: { ...q.inner },
      context: text.slice(paragraphs[q.paragraphIndex]!.start, contextEnd(q, paragraphs)),
      attribution: a ? toQuoteAttribution(a) : null,
    };
  });
  const warnings = speech.filter((q) => !q.closed).map((q) => `a quotation at offset ${q.outer.start} never closes; it is taken to run to the end of its paragraph`);
  return {
    ok: true,
    source: {
      meta,
      text,
      bodyStart,
      paragraphs,
      sentences: findSentences(text, paragraphs),
      quotes,
      titles: quotations.filter((q) => q.kind === 'title').map((q) => ({ ...q.inner })),
      warnings,
    },
  };
}

export function toQuoteAttribution(a: Attribution): QuoteAttribution {
  const out: QuoteAttribution = {
    method: a.method ?? (a.via === 'pronoun' ? 'pronoun' : a.via === 'inherited' ? 'continuation' : 'named'),
    confidence: a.confidence ?? 0.9,
    mention: a.mention,
    span: { ...a.span },
  };
  if (a.candidates) out.candidates = a.candidates;
  return out;
}

/**
 * A quotation carried over several paragraphs becomes one quote per paragraph: a quote's text holds only spoken
 * words, never a paragraph break or the mark that reopens it.
 */
function splitAtParagraphs(text: string, quotations: Quotation[], paragraphs: readonly Paragraph[]): Quotation[] {
  const out: Quotation[] = [];
  for (const q of quotations) {
    if (q.inner.end <= paragraphs[q.paragraphIndex]!.end) {
      out.push(q);
      continue;
    }
    const last = spanContaining(paragraphs, q.inner.end);
    if (last <= q.paragraphIndex || last < 0) {
      out.push(q);
      continue;
    }
    for (let p = q.paragraphIndex; p <= last; p++) {
      const para = paragraphs[p]!;
      let start = p === q.paragraphIndex ? q.inner.start : para.start;
      let end = p === last ? q.inner.end : para.end;
      // Skip the reopening mark of a continued paragraph.
      while (start < end && /[\s>"“”„«]/.test(text[start]!)) start++;
      while (end > start && /\s/.test(text[end - 1]!)) end--;
      if (end <= start) continue;
      const closed = p === last ? q.closed : false;
      out.push({
        outer: { start: p === q.paragraphIndex ? q.outer.start : start - 1, end: p === last ? q.outer.end : end },
        inner: { start, end },
        closed: p === last ? closed : true,
        paragraphIndex: p,
        kind: q.kind,
        continued: p < last,
      });
    }
  }
  return out;
}

function contextEnd(q: Quotation, paragraphs: readonly Paragraph[]): number {
  const para = paragraphs[spanContaining(paragraphs, q.outer.end)];
  return Math.max(para?.end ?? q.outer.end, paragraphs[q.paragraphIndex]!.end);
}

/** Paragraphs, with section headings flagged; a heading run into the next sentence is split off. */
function findParagraphs(text: string, from: number, mentions: readonly NameMention[], registry: PersonRegistry): Paragraph[] {
  const out: Paragraph[] = [];
  const spans = splitSourceParagraphs(text, from);
  spans.forEach((span, k) => {
    const body = span.start;
    const runIn = runInHeadingEnd(text, span, mentions, registry);
    if (runIn !== null) {
      out.push(paragraph(text, { start: body, end: runIn.headingEnd }, true));
      out.push(paragraph(text, { start: runIn.bodyStart, end: span.end }, false));
      return;
    }
    out.push(paragraph(text, span, isHeading(text, span, k < spans.length - 1)));
  });
  return out;
}

function paragraph(text: string, span: Span, heading: boolean): Paragraph {
  return { ...span, text: text.slice(span.start, span.end), heading };
}

function isHeading(text: string, span: Span, hasNext: boolean): boolean {
  const t = text.slice(span.start, span.end);
  if (/^#{1,6}\s/.test(t)) return true;
  if (!hasNext || /\n/.test(t) || /["“”„«»]/.test(t)) return false;
  const words = t.split(/\s+/).length;
  return words <= 12 && /^[\p{Lu}\p{N}]/u.test(t) && !/[.!?:;,"”’)…]$/.test(t);
}

/**
 * "Russia pledged not to go after European countries Witkoff added that …": a short capitalized line with no
 * punctuation, directly followed by a known person and a reporting verb, is a heading run into the text.
 */
function runInHeadingEnd(text: string, span: Span, mentions: readonly NameMention[], registry: PersonRegistry): { headingEnd: number; bodyStart: number } | null {
  if (!/^[\p{Lu}]/u.test(text[span.start] ?? '')) return null;
  for (let k = firstStartingFrom(mentions, span.start + 1); k < mentions.length; k++) {
    const m = mentions[k]!;
    if (m.start > span.start + 120 || m.start >= span.end) break;
    const prefix = text.slice(span.start, m.start);
    if (!/^[\p{L}\p{N}'’ -]+ $/u.test(prefix)) return null;
    const words = prefix.trim().split(/\s+/);
    const count = words.length;
    if (count < 3 || count > 12 || !registry.isPerson(m)) continue;
    // "German transport minister Volker Wissing said": a title before the name, not a heading.
    const last = words[count - 1]!;
    if (TITLE_WORDS.has(last.charAt(0).toUpperCase() + last.slice(1))) return null;
    // "A reporter for Agence France-Presse called it": a line ending in a preposition or an article runs on.
    if (/^(?:for|of|at|by|with|from|to|in|on|the|a|an|and|or)$/i.test(last)) return null;
    const after = text
      .slice(m.end, m.end + 60)
      .toLowerCase()
      .split(/\s+/)
      .filter(Boolean);
    let j = 0;
    while (j < 2 && after[j] && ADVERBS_BETWEEN.has(after[j]!)) j++;
    if (after[j] && SPEECH_VERBS.has(after[j]!.replace(/[^\p{L}]/gu, ''))) {
      return { headingEnd: span.start + prefix.trimEnd().length, bodyStart: m.start };
    }
  }
  return null;
}

export function findSentences(text: string, paragraphs: readonly Paragraph[]): Sentence[] {
  const out: Sentence[] = [];
  paragraphs.forEach((p, paragraphIndex) => {
    if (p.heading) return;
    // The segmenter slows down more than linearly on very long strings: feed it pieces cut after a full stop.
    for (const piece of piecesOf(p.text)) {
      for (const seg of sentenceSegmenter.segment(piece.text)) {
        const lead = seg.segment.length - seg.segment.trimStart().length;
        const trimmed = seg.segment.trim();
        if (trimmed === '') continue;
        const start = p.start + piece.offset + seg.index + lead;
        out.push({ start, end: start + trimmed.length, text: trimmed, paragraphIndex });
      }
    }
  });
  return out;
}

const PIECE_CHARS = 2_000;

function piecesOf(text: string): { text: string; offset: number }[] {
  if (text.length <= 2 * PIECE_CHARS) return [{ text, offset: 0 }];
  const pieces: { text: string; offset: number }[] = [];
  const boundary = /[.!?]["”’)]*\s+/;
  let start = 0;
  while (text.length - start > 2 * PIECE_CHARS) {
    // Look for a full stop in the next stretch only, so text without any costs no scan to its end.
    const window = text.slice(start + PIECE_CHARS, start + 2 * PIECE_CHARS);
    const m = boundary.exec(window);
    const cut = m ? start + PIECE_CHARS + m.index + m[0].length : start + PIECE_CHARS; // no full stop: cut anyway
    pieces.push({ text: text.slice(start, cut), offset: start });
    start = cut;
  }
  pieces.push({ text: text.slice(start), offset: start });
  return pieces;
}

function firstHeading(text: string, from: number): string | null {
  const m = /^#[ \t]+(.+?)[ \t#]*$/m.exec(text.slice(from, from + 2000));
  return m ? m[1]!.trim() : null;
}

/** A stable id from a file name: "sources/Alaska Summit.md" → "alaska-summit". */
export function idFromPath(path: string | null | undefined): string | null {
  if (!path) return null;
  const base = path
    .split(/[\\/]/)
    .pop()!
    .replace(/\.[^.]+$/, '');
  const slug = base
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
  return slug === '' ? null : slug;
}
