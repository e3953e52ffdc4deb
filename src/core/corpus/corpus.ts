// The corpus: what the engine asks of the sources it checks against. Retrieval only: which passages, sentences and
// quotes may hold a writer's words, and where words stand. Every verdict is decided by the engine (check/, claims/)
// from the passages a corpus hands back, so a second implementation (several segments, a search cluster) changes
// what is retrieved, never what is decided. docs/scaling.md describes one on OpenSearch.
//
// Implementations: `QuoteIndex` (one in-memory index, typed arrays) and `SegmentedCorpus` (an index plus small ones
// for sources changed since, so that one edited file does not rebuild everything).

import type { Quote, Source } from '../types';
import type { QuoteSuggestion, SuggestOptions } from './rank-suggestions';
import type { QuoteMatch, SearchOptions } from './search-quotes';
import type { SourceView } from './quote-index';

/** A passage a draft quotation may be compared with: a quote, or a sentence of the article's own text. */
export interface Passage {
  source: SourceView;
  quote: Quote | null;
  from: number;
  to: number;
}

/** A source sentence a claim may report. */
export interface SentenceRef {
  source: SourceView;
  /** Index into source.source.sentences. */
  sentence: number;
  /** Larger is better; comparable within one look-up. */
  score: number;
}

/** A run of words found in a source, as local word positions [from, to). */
export interface Run {
  source: SourceView;
  from: number;
  to: number;
}

export interface Corpus {
  /** The sources in use, in load order. */
  readonly sources: readonly SourceView[];
  readonly quoteCount: number;
  sourceById(id: string): SourceView | undefined;
  allQuotes(): { quote: Quote; source: Source }[];
  /** The distinct speakers of all quotes. */
  speakerNames(): readonly string[];

  /** How often a word (its comparison key, words.ts) occurs in all sources; 0 when never. */
  frequencyOf(key: string): number;
  /** Every place where the words `keys` stand one after another in a source (bounded). */
  findRuns(keys: readonly string[]): Run[];
  /** Every place a word stands. */
  positionsOf(key: string): { source: SourceView; at: number }[];
  /** Passages (quotes and sentences) that share the most distinctive words with `keys`, best first. */
  candidatePassages(keys: readonly string[], text: string, limit?: number, wholeQuotation?: boolean): Passage[];
  /** Source sentences that share the most distinctive words with `keys` (content words of a claim), best first. */
  candidateSentences(keys: readonly string[], limit?: number): SentenceRef[];
  /** Quote completions for what the writer has typed after an opening mark, best (lowest score) first. */
  suggest(typed: string, options?: SuggestOptions): QuoteSuggestion[];
  /** Quotes that hold the words of `query`, in any order and with typos, best first. */
  search(query: string, options?: SearchOptions): QuoteMatch[];
}
