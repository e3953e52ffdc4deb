// The index over every source's words, quotes and sentences, and the look-ups on it. The only module that knows
// fuse.js (for one fallback below).
//
// Word postings (typed arrays, one entry per word of every source) find the places a quotation's words stand and
// the passages that share its rarest words; term postings over every word of every quote find quotes by any words
// a writer remembers (search-quotes.ts). Verdicts are decided in verify-quotation, never from scores. The arrays
// (IndexParts, built in build-index.ts) can be built in a worker and handed over without copying.

import Fuse from 'fuse.js';
import type { Quote, Source } from '../types';
import { foldPunctuation, foldWord } from '../text/words';
import { lastAtMost, lastPairStartingAtMost, lowerBound, pairContaining } from '../text/sorted-spans';
import { buildIndexParts, lookUp, type IndexParts } from './build-index';
import { suggestQuotes, type QuoteSuggestion, type SuggestOptions } from './rank-suggestions';
import { searchQuotes, type QuoteMatch, type SearchOptions } from './search-quotes';
import type { Corpus, Passage, Run, SentenceRef } from './corpus';

export { buildIndexParts, type IndexParts } from './build-index';
export { nearSpellings } from './search-terms';
export type { QuoteSuggestion, SuggestOptions } from './rank-suggestions';
export type { QuoteMatch, QuoteMatchKind, SearchOptions } from './search-quotes';
export type { Corpus, Passage, Run, SentenceRef } from './corpus';

/** One source seen through the index: its words by local position. */
export class SourceView {
  constructor(
    private readonly index: QuoteIndex,
    readonly source: Source,
    /** The global position of its first word. */
    readonly base: number,
    readonly length: number,
    private readonly quoteBase: number,
    /** How many quotes the source has (from the index: a source restored lazily stays unrestored). */
    readonly quoteCount: number,
  ) {}

  key(i: number): string {
    return this.index.keyOf(this.base + i);
  }
  start(i: number): number {
    return this.index.parts.tokenStart[this.base + i]!;
  }
  end(i: number): number {
    return this.index.parts.tokenEnd[this.base + i]!;
  }
  /** The word with its case kept. */
  strict(i: number): string {
    return foldWord(this.source.text.slice(this.start(i), this.end(i)));
  }
  /** The folded punctuation between word i-1 and word i. */
  gap(i: number): string {
    return i === 0 ? '' : foldPunctuation(this.source.text.slice(this.end(i - 1), this.start(i)));
  }
  /** The source's text from word `from` to word `to - 1`. */
  textOf(from: number, to: number): string {
    return to > from ? this.source.text.slice(this.start(from), this.end(to - 1)) : '';
  }

  /** The quote whose words contain local positions [from, to), if any. */
  quoteContaining(from: number, to = from + 1): { quote: Quote; from: number; to: number } | null {
    const q = this.index.parts.quotes;
    const k = lastPairStartingAtMost(q, this.base + from, this.quoteBase, this.quoteBase + this.source.quotes.length);
    if (k < this.quoteBase) return null;
    const qFrom = q[k * 2]! - this.base;
    const qTo = q[k * 2 + 1]! - this.base;
    return from >= qFrom && to <= qTo && qTo > qFrom ? { quote: this.source.quotes[k - this.quoteBase]!, from: qFrom, to: qTo } : null;
  }

  /** The paragraph (as local word positions) that contains a position. */
  paragraphContaining(at: number): { from: number; to: number } | null {
    const r = this.index.rangeContaining(this.index.parts.paragraphs, this.base + at);
    return r ? { from: r.from - this.base, to: r.to - this.base } : null;
  }
}

const FUSE_OPTIONS = { keys: ['text'], includeScore: true, ignoreLocation: true, ignoreFieldNorm: true, threshold: 0.6 };
/** Words more frequent than this carry too little to pick passages by (unless nothing rarer is there). */
const COMMON_WORD_POSTINGS = 5_000;
/** Limits on one exact-run search: matches kept, and words compared in all. */
const MAX_RUNS = 64;
const MAX_COMPARED_WORDS = 2_000_000;
/** How many of a quotation's rarest words pick its candidate passages, in all and from each stretch of it. */
const RARE_WORDS_PER_QUERY = 6;
const RARE_WORDS_PER_STRETCH = 2;
const STRETCH_WORDS = 8;
const RARE_STRETCH_POSTINGS = 1_000;
/** How many of a claim's rarest words pick its candidate sentences, and postings read per word at most. */
const RARE_WORDS_PER_CLAIM = 8;
const MAX_POSTINGS_PER_WORD = 20_000;

/** The corpus as one in-memory index over typed arrays (built in build-index.ts, possibly in a worker). */
export class QuoteIndex implements Corpus {
  readonly sources: readonly SourceView[];
  readonly parts: IndexParts;
  private byId: Map<string, SourceView> | undefined;
  private speakers: string[] | undefined;
  private smallCorpusFuse: Fuse<Passage & { text: string }> | null | undefined;

  constructor(sources: readonly Source[], parts: IndexParts = buildIndexParts(sources)) {
    // Nothing here may cost more than a few milliseconds at a million sentences: it runs on the editor's thread.
    this.parts = parts;
    const { sourceFirstToken: tokens, sourceFirstQuote: quotes } = parts;
    this.sources = sources.map((s, k) => new SourceView(this, s, tokens[k]!, tokens[k + 1]! - tokens[k]!, quotes[k]!, quotes[k + 1]! - quotes[k]!));
  }

  get quoteCount(): number {
    return this.parts.quotes.length / 2;
  }

  /** The distinct speakers of all quotes. */
  speakerNames(): readonly string[] {
    this.speakers ??= [...new Set(this.sources.flatMap((s) => s.source.quotes.map((q) => q.speaker)).filter((s): s is string => s !== null))];
    return this.speakers;
  }

  allQuotes(): { quote: Quote; source: Source }[] {
    return this.sources.flatMap((s) => s.source.quotes.map((quote) => ({ quote, source: s.source })));
  }

  sourceById(id: string): SourceView | undefined {
    this.byId ??= new Map(this.sources.map((v) => [v.source.meta.id, v]));
    return this.byId.get(id);
  }

  keyOf(globalPosition: number): string {
    return this.parts.vocabulary[this.parts.tokens[globalPosition]!]!;
  }

  idOf(key: string): number {
    return lookUp(this.parts.vocabularyTable, this.parts.vocabulary, key);
  }

  frequencyOf(key: string): number {
    return this.frequency(this.idOf(key));
  }

  /** How often a word occurs in all sources, by its id. */
  frequency(id: number): number {
    return id < 0 ? 0 : this.parts.postingOffsets[id + 1]! - this.parts.postingOffsets[id]!;
  }

  /** The id of a search term (search-terms.ts), or -1 when no quote has it. */
  termId(term: string): number {
    return lookUp(this.parts.termTable, this.parts.terms, term);
  }

  /** The search term of a word id, or -1 when the word is in no quote. */
  wordTermOf(id: number): number {
    return id < 0 ? -1 : this.parts.wordTerm[id]!;
  }

  /** How many quotes hold a search term. */
  termFrequency(term: number): number {
    return term < 0 ? 0 : this.parts.quoteTermOffsets[term + 1]! - this.parts.quoteTermOffsets[term]!;
  }

  /** Ids of words of quotes that begin with `prefix`, at most `max`, in alphabetical order. */
  quoteWordsStartingWith(prefix: string, max = 100): number[] {
    const { quoteWords, vocabulary } = this.parts;
    const out: number[] = [];
    if (prefix === '') return out;
    for (let k = lowerBound(0, quoteWords.length, (i) => vocabulary[quoteWords[i]!]! < prefix); k < quoteWords.length && out.length < max; k++) {
      if (!vocabulary[quoteWords[k]!]!.startsWith(prefix)) break;
      out.push(quoteWords[k]!);
    }
    return out;
  }

  /** The source and local position of a global position. */
  locate(globalPosition: number): { source: SourceView; at: number; index: number } {
    const k = Math.max(0, lastAtMost(this.parts.sourceFirstToken, globalPosition, 0, this.sources.length));
    const source = this.sources[k]!;
    return { source, at: globalPosition - source.base, index: k };
  }

  /** The [from, to) pair of `pairs` that contains a global position (pairs sorted and not overlapping). */
  rangeContaining(pairs: Int32Array, g: number): { from: number; to: number; index: number } | null {
    const k = pairContaining(pairs, g);
    return k < 0 ? null : { from: pairs[k * 2]!, to: pairs[k * 2 + 1]!, index: k };
  }

  /** Every place where the words `keys` stand one after another in a source. */
  findRuns(keys: readonly string[]): Run[] {
    if (keys.length === 0) return [];
    const ids = keys.map((k) => this.idOf(k));
    if (ids.includes(-1)) return [];
    // Start from the rarest word so common words do not cost a scan of every position.
    let anchor = 0;
    for (let k = 1; k < ids.length; k++) if (this.frequency(ids[k]!) < this.frequency(ids[anchor]!)) anchor = k;
    const { postings, postingOffsets, tokens, sourceFirstToken } = this.parts;
    const out: Run[] = [];
    // Bounded: a pathological text (one word repeated a million times) must not turn this into a quadratic scan.
    let compared = 0;
    for (let p = postingOffsets[ids[anchor]!]!; p < postingOffsets[ids[anchor]! + 1]! && out.length < MAX_RUNS && compared < MAX_COMPARED_WORDS; p++) {
      const g = postings[p]! - anchor;
      if (g < 0) continue;
      let ok = true;
      for (let k = 0; k < ids.length && ok; k++) ok = tokens[g + k] === ids[k];
      compared += ids.length;
      if (!ok) continue;
      const { source, at, index } = this.locate(g);
      // A run may not cross from one source into the next.
      if (g + ids.length > sourceFirstToken[index + 1]!) continue;
      out.push({ source, from: at, to: at + ids.length });
    }
    return out;
  }

  /** Positions of one word. */
  positionsOf(key: string): { source: SourceView; at: number }[] {
    const id = this.idOf(key);
    if (id < 0) return [];
    const out: { source: SourceView; at: number }[] = [];
    for (let p = this.parts.postingOffsets[id]!; p < this.parts.postingOffsets[id + 1]!; p++) out.push(this.locate(this.parts.postings[p]!));
    return out;
  }

  /**
   * Passages (quotes and sentences) that share the most distinctive words with `keys`: rare words weigh more and
   * very common ones are skipped, so the cost follows the rare words' postings, not the corpus size. With
   * `wholeQuotation`, the rarest words of each stretch of the quotation pick passages too, so a quotation whose
   * source part comes at its end still finds that part. When no word matches at all (every word misspelled),
   * fuse.js looks for fuzzy matches, in a small corpus only.
   */
  candidatePassages(keys: readonly string[], text: string, limit = 8, wholeQuotation = false): Passage[] {
    const { postings, postingOffsets, sentences, quotes } = this.parts;
    const scores = new Map<number, number>(); // passage key: quote index * 2 + 1, or sentence index * 2
    const rarest = (ks: readonly string[], n: number) =>
      [...new Set(ks.map((k) => this.idOf(k)))]
        .filter((id) => id >= 0)
        .sort((a, b) => this.frequency(a) - this.frequency(b))
        .slice(0, n)
        .filter((id, k) => k < 2 || this.frequency(id) <= COMMON_WORD_POSTINGS);
    const first = rarest(keys, RARE_WORDS_PER_QUERY);
    let picked = new Set(first);
    if (wholeQuotation && keys.length > STRETCH_WORDS) {
      // A second look: the passages of the rarest words overall were seen already; only the stretches' own rare
      // words, and only truly rare ones, so that the look costs little even on a very large corpus.
      picked = new Set();
      for (let k = 0; k < keys.length; k += STRETCH_WORDS) {
        for (const id of rarest(keys.slice(k, k + STRETCH_WORDS), RARE_WORDS_PER_STRETCH)) if (!first.includes(id) && this.frequency(id) <= RARE_STRETCH_POSTINGS) picked.add(id);
      }
    }
    for (const id of picked) {
      const n = this.frequency(id);
      const weight = 1 / Math.log2(2 + n);
      const seen = new Set<number>();
      for (let p = postingOffsets[id]!; p < postingOffsets[id + 1]!; p++) {
        const g = postings[p]!;
        const q = pairContaining(quotes, g);
        const key = q >= 0 ? q * 2 + 1 : pairContaining(sentences, g) * 2;
        if (key < 0 || seen.has(key)) continue;
        seen.add(key);
        scores.set(key, (scores.get(key) ?? 0) + weight);
      }
    }
    const ranked = [...scores.entries()].sort((a, b) => b[1] - a[1] || (a[0] & 1 ? -1 : 1)).slice(0, limit);
    const out = ranked.map(([key]) => this.passageOf(key));
    if (out.length === 0 && !wholeQuotation) {
      for (const r of this.fuzzyPassages()?.search(text.slice(0, 64), { limit }) ?? []) {
        if (!out.some((p) => p.source === r.item.source && p.from === r.item.from)) out.push(r.item);
      }
    }
    return out.slice(0, limit + 2);
  }

  /**
   * The source sentences a claim may report: its rarest words pick the sentences that contain them, weighted so
   * that a rare shared word counts for more than a common one. The cost follows those words' postings.
   */
  candidateSentences(keys: readonly string[], limit = 6): SentenceRef[] {
    const { postings, postingOffsets, sentences } = this.parts;
    const ids = [...new Set(keys)]
      .map((k) => this.idOf(k))
      .filter((id) => id >= 0)
      .sort((a, b) => this.frequency(a) - this.frequency(b))
      .slice(0, RARE_WORDS_PER_CLAIM)
      .filter((id, k) => k < 3 || this.frequency(id) <= COMMON_WORD_POSTINGS);
    if (ids.length === 0) return [];
    const scores = new Map<number, number>();
    for (const id of ids) {
      const weight = 1 / Math.log2(2 + this.frequency(id));
      let last = -1;
      const end = Math.min(postingOffsets[id + 1]!, postingOffsets[id]! + MAX_POSTINGS_PER_WORD);
      for (let p = postingOffsets[id]!; p < end; p++) {
        const k = pairContaining(sentences, postings[p]!);
        if (k < 0 || k === last) continue;
        last = k;
        scores.set(k, (scores.get(k) ?? 0) + weight);
      }
    }
    const ranked = [...scores.entries()].sort((a, b) => b[1] - a[1] || a[0] - b[0]).slice(0, limit);
    return ranked.map(([g, score]) => {
      const { source, index: k } = this.locate(sentences[g * 2]!);
      return { source, sentence: g - this.parts.sourceFirstSentence[k]!, score };
    });
  }

  private passageOf(key: number): Passage {
    const pairs = key & 1 ? this.parts.quotes : this.parts.sentences;
    const index = key >> 1;
    const { source, at } = this.locate(pairs[index * 2]!);
    const to = pairs[index * 2 + 1]! - source.base;
    const quote = key & 1 ? (source.quoteContaining(at, to)?.quote ?? null) : null;
    return { source, quote, from: at, to };
  }

  /** fuse.js over every passage, only where that stays cheap (one article, a handful of sources). */
  private fuzzyPassages(): Fuse<Passage & { text: string }> | null {
    if (this.smallCorpusFuse !== undefined) return this.smallCorpusFuse;
    const count = (this.parts.sentences.length + this.parts.quotes.length) / 2;
    if (count > 500) return (this.smallCorpusFuse = null);
    const records: (Passage & { text: string })[] = [];
    for (let k = 0; k < this.parts.quotes.length / 2; k++) records.push({ ...this.passageOf(k * 2 + 1), text: '' });
    for (let k = 0; k < this.parts.sentences.length / 2; k++) records.push({ ...this.passageOf(k * 2), text: '' });
    for (const r of records) r.text = r.source.textOf(r.from, r.to);
    return (this.smallCorpusFuse = new Fuse(records, FUSE_OPTIONS));
  }

  /**
   * Source quotes for what the writer has typed after an opening mark, best first: the typed words may match a
   * quote from its start or anywhere inside it (rank-suggestions.ts).
   */
  suggest(typed: string, options: SuggestOptions = {}): QuoteSuggestion[] {
    try {
      return suggestQuotes(this, typed, options);
    } catch {
      return [];
    }
  }

  /** Quotes that hold the words of `query`, in any order and with typos, best first (search-quotes.ts). */
  search(query: string, options: SearchOptions = {}): QuoteMatch[] {
    try {
      return searchQuotes(this, query, options);
    } catch {
      return [];
    }
  }
}
