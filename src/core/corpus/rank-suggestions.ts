// Ranking quote suggestions for completion: what the writer has typed after an opening mark may match a quote from
// its first word, from anywhere inside it, or as scattered keywords. Each suggestion carries the words to insert:
// the quote from the matched point on, and, where the quote runs on past a clause or sentence, a shorter item that
// ends there. Either is a fragment of the source quote, so the checker calls it `exact` or `fragment`.

import type { Quote, Source, Span } from '../types';
import { sameperson } from '../quotes/people';
import type { QuoteIndex } from './quote-index';
import { searchQuotes, type QuoteMatch, type QuoteMatchKind } from './search-quotes';

export interface QuoteSuggestion {
  quote: Quote;
  source: Source;
  /** 0 is a perfect match; larger is worse. Comparable only within one list. */
  score: number;
  /** The source's exact words to insert: the whole quote, or its continuation from the matched point. */
  text: string;
  /** Where `text` stands in the source's text (UTF-16 offsets). */
  offset: Span;
  /** How the typed words matched; absent for a list of every quote. */
  match?: QuoteMatchKind;
  /** True for the shorter item that ends at the clause or sentence. */
  clause?: boolean;
}

export interface SuggestOptions {
  /** A person named near the cursor: their quotes rank first. */
  speaker?: string | null;
  limit?: number;
}

const KIND_RANK: Record<QuoteMatchKind, number> = { start: 0, inside: 1, keyword: 2 };

/** Punctuation between two words that ends a clause or sentence. */
const CLAUSE_END = /[,;:.!?—…()]/;

/**
 * Source quotes for what the writer has typed after an opening mark, best first: a match from the quote's start,
 * then a contiguous match inside it, then keywords; within each, quotes of the person named on the line first.
 */
export function suggestQuotes(index: QuoteIndex, typed: string, options: SuggestOptions = {}): QuoteSuggestion[] {
  const limit = options.limit ?? 50;
  // 0 for a quote of the person named near the cursor, else 1; once per distinct speaker (names compare slowly).
  const named = new Map<string, number>();
  const bySpeaker = (quote: Quote): number => {
    if (!options.speaker || !quote.speaker) return 1;
    let v = named.get(quote.speaker);
    if (v === undefined) named.set(quote.speaker, (v = sameperson(options.speaker, quote.speaker) ? 0 : 1));
    return v;
  };
  const whole = (quote: Quote, source: Source, score: number): QuoteSuggestion => ({ quote, source, score, text: quote.text, offset: { ...quote.offset } });
  if (typed.trim() === '') {
    return index
      .allQuotes()
      .map(({ quote, source }) => whole(quote, source, 0.5 - (bySpeaker(quote) === 0 ? 0.25 : 0)))
      .sort((a, b) => a.score - b.score)
      .slice(0, limit);
  }
  // The last word is kept as a prefix only while it is being typed (no space after it yet).
  const matches = searchQuotes(index, typed, { prefix: !/\s$/.test(typed), limit: Math.max(limit, 50) });
  const top = matches.length ? matches[0]!.score : 0;
  matches.sort((a, b) => KIND_RANK[a.kind] - KIND_RANK[b.kind] || bySpeaker(a.quote) - bySpeaker(b.quote) || b.score - a.score);
  const out: QuoteSuggestion[] = [];
  for (const m of matches) {
    // Scores become 0 (best) upwards, with the tier and speaker folded in, so that callers may merge lists.
    const score = KIND_RANK[m.kind] + (1 - bySpeaker(m.quote)) * -0.25 + Math.max(0, (top - m.score) / Math.max(1, Math.abs(top))) * 0.5;
    if (m.matchFrom === m.quoteFrom) out.push({ ...whole(m.quote, m.source, score), match: m.kind });
    else out.push({ quote: m.quote, source: m.source, score, match: m.kind, ...continuation(m, m.quoteTo) });
    const clauseEnd = clauseEndAfter(m);
    if (clauseEnd !== null) out.push({ quote: m.quote, source: m.source, score: score + 0.001, match: m.kind, clause: true, ...continuation(m, clauseEnd) });
    if (out.length >= limit) break;
  }
  return out.slice(0, limit);
}

/** The source's text from the matched point to word `to` (exclusive); to the quote's own end when `to` is its end. */
function continuation(m: QuoteMatch, to: number): { text: string; offset: Span } {
  const start = m.view.start(m.matchFrom);
  const end = to >= m.quoteTo ? m.quote.offset.end : m.view.end(to - 1);
  return { text: m.view.source.text.slice(start, end), offset: { start, end } };
}

/**
 * The end (exclusive word position) of the clause or sentence the typed words run into, when the quote goes on
 * past it and it adds at least one word to what was typed; else null.
 */
function clauseEndAfter(m: QuoteMatch): number | null {
  if (m.kind === 'keyword') return null;
  for (let j = Math.max(m.matchTo, m.matchFrom) + 1; j < m.quoteTo; j++) if (CLAUSE_END.test(m.view.gap(j))) return j;
  return null;
}
