// A Source from a document whose speakers are given by its form (transcript labels, caption voice tags), not by
// attribution verbs: each turn is speech by its speaker. A quotation inside a turn is the turn quoting someone else,
// so it becomes a quote of its own (attributed from the turn's words) and the turn's quote is split around it.

import type { Locator, Paragraph, Quote, QuoteAttribution, Source, SourceMeta, Span } from '../../types';
import { findQuotations } from '../../quotes/find-quotations';
import { readPeople } from '../../quotes/people';
import { attributeQuotations } from '../../quotes/attribution';
import { findSentences, toQuoteAttribution } from '../parse-source';
import { firstStartingFrom, spanContaining } from '../../text/sorted-spans';

export interface Turn extends Span {
  /** Full name of the speaker, or null when the document does not say. */
  speaker: string | null;
}

export interface StructuredInput {
  text: string;
  bodyStart: number;
  meta: SourceMeta;
  /** Paragraphs in order (turns and any other blocks such as headings). */
  paragraphs: Paragraph[];
  /** The spoken words of each turn, in order, not overlapping. */
  turns: Turn[];
  /** One quote per sentence of a turn instead of one per turn (captions: a cue boundary is no quote boundary). */
  quotePerSentence?: boolean;
  /** Page or time for the quote starting at an offset. */
  locatorAt?: (offset: number) => Locator | null;
  /** How the document names its speakers: transcript labels (the default) or caption voice tags. */
  labelMethod?: 'transcript-label' | 'voice-tag';
  warnings?: string[];
}

const HAS_WORD = /[\p{L}\p{N}]/u;

export function buildStructuredSource(input: StructuredInput): Source {
  const { text, paragraphs, turns, meta } = input;
  const sentences = findSentences(text, paragraphs);
  const { mentions, registry } = readPeople(text, input.bodyStart);
  const quotations = findQuotations(text, paragraphs);
  const inner = quotations.filter((q) => q.kind === 'speech' && HAS_WORD.test(text.slice(q.inner.start, q.inner.end)));
  const attributions = attributeQuotations({ text, paragraphs, registry, mentions }, inner);

  // A turn's words are its labelled speaker's for sure; a quotation inside a turn keeps the attribution found for it.
  type Piece = { span: Span; speaker: string | null; attribution: QuoteAttribution | null };
  const labelled = (speaker: string | null): QuoteAttribution | null => (speaker ? { method: input.labelMethod ?? 'transcript-label', confidence: 1, mention: speaker } : null);
  const pieces: Piece[] = [];
  let qi = 0;
  for (const turn of turns) {
    let cursor = turn.start;
    const cuts: Piece[] = [];
    while (qi < inner.length && inner[qi]!.outer.start < turn.end) {
      const q = inner[qi]!;
      // A short unattributed quotation is the speaker's own phrase in marks ("the bridge of hope"), not someone else's words.
      const said = text.slice(q.inner.start, q.inner.end).trim();
      const words = said.split(/\s+/).filter((w) => /[\p{L}\p{N}]/u.test(w)).length;
      const own = words <= 6 && !attributions[qi]?.name && !/[.!?…]$/.test(said);
      if (q.outer.start >= turn.start && !own) {
        // The turn quotes someone: those words are theirs (or nobody's when the turn does not say whose).
        cuts.push({ span: { start: cursor, end: q.outer.start }, speaker: turn.speaker, attribution: labelled(turn.speaker) });
        const found = attributions[qi] ?? null;
        cuts.push({ span: { ...q.inner }, speaker: found?.name ?? null, attribution: found?.name ? toQuoteAttribution(found) : null });
        cursor = Math.min(turn.end, Math.max(cursor, q.outer.end));
      }
      qi++;
    }
    cuts.push({ span: { start: cursor, end: turn.end }, speaker: turn.speaker, attribution: labelled(turn.speaker) });
    for (const c of cuts) {
      if (input.quotePerSentence) {
        // The sentences overlapping the cut: from the one containing its start (sentences are sorted, disjoint).
        const at = spanContaining(sentences, c.span.start);
        for (let k = at >= 0 ? at : firstStartingFrom(sentences, c.span.start); k < sentences.length && sentences[k]!.start < c.span.end; k++) {
          const s = sentences[k]!;
          if (s.end <= c.span.start) continue;
          pieces.push({ span: { start: Math.max(s.start, c.span.start), end: Math.min(s.end, c.span.end) }, speaker: c.speaker, attribution: c.attribution });
        }
      } else pieces.push(c);
    }
  }

  const quotes: Quote[] = [];
  for (const p of pieces) {
    const span = trimSpan(text, p.span);
    if (span.end <= span.start || !HAS_WORD.test(text.slice(span.start, span.end))) continue;
    const para = paragraphs[spanContaining(paragraphs, span.start)];
    const locator = input.locatorAt?.(span.start) ?? null;
    quotes.push({
      id: `q${quotes.length + 1}`,
      sourceId: meta.id,
      speaker: p.speaker,
      attribution: p.attribution,
      text: text.slice(span.start, span.end),
      offset: span,
      context: para ? text.slice(para.start, Math.max(para.end, span.end)) : text.slice(span.start, span.end),
      ...(locator ? { locator } : {}),
    });
  }
  return {
    meta,
    text,
    bodyStart: input.bodyStart,
    paragraphs,
    sentences,
    quotes,
    titles: quotations.filter((q) => q.kind === 'title').map((q) => ({ ...q.inner })),
    warnings: input.warnings ?? [],
  };
}

/** A span without the white space and dashes at its ends (a turn's words, not its separators). */
export function trimSpan(text: string, span: Span): Span {
  let { start, end } = span;
  while (start < end && /[\s,;:—–-]/.test(text[start]!)) start++;
  while (end > start && /[\s,;:—–-]/.test(text[end - 1]!)) end--;
  return { start, end };
}

export function paragraphOf(text: string, span: Span, heading = false): Paragraph {
  return { start: span.start, end: span.end, text: text.slice(span.start, span.end), heading };
}

/** "MARGARET CHEN" → "Margaret Chen"; names already in mixed case are kept. */
export function nameFromLabel(label: string): string {
  const clean = label.replace(/\s+/g, ' ').trim();
  return clean
    .split(' ')
    .map((word) => {
      // A word in capitals (allowing a Mc/Mac prefix: "McCARTHY") is set in title case; "de la Cruz" stays.
      const m = /^(Mc|Mac)?(\p{Lu}[\p{Lu}.'’-]*)$/u.exec(word);
      if (!m || (m[2]!.length === 1 && !m[1])) return word;
      const rest = m[2]!.toLowerCase().replace(/(^|['’-])(\p{L})/gu, (_x, sep: string, ch: string) => sep + ch.toUpperCase());
      return (m[1] ?? '') + (m[1] ? rest : rest).replace(/^Mc(\p{L})/u, (_x, ch: string) => 'Mc' + ch.toUpperCase());
    })
    .join(' ');
}
