// The index over every source's words, quotes and sentences. The only module that knows fuse.js.
// Retrieval (exact word runs, candidate passages, completion) lives here; verdicts are decided in verify-quotation.

import Fuse from 'fuse.js';
import type { Quote, Source } from './types';
import { foldPunctuation, tokenizeWords, type Word } from './words';
import { nameKey, sameperson } from './people';

/** One source with its words laid out for matching. */
export interface IndexedSource {
  source: Source;
  words: Word[];
  /** Folded punctuation between word k-1 and word k. */
  gaps: string[];
  /** Word ranges [from, to) of each quote, in quote order. */
  quoteWords: { quote: Quote; from: number; to: number }[];
  /** Word ranges of each paragraph (prose and headings). */
  paragraphWords: { from: number; to: number }[];
}

/** A passage that a draft quotation may be compared with: a quote, or a sentence of the article's own text. */
export interface Passage {
  source: IndexedSource;
  quote: Quote | null;
  from: number;
  to: number;
}

export interface QuoteSuggestion {
  quote: Quote;
  source: Source;
  /** 0 is a perfect match; larger is worse. */
  score: number;
}

export interface SuggestOptions {
  /** A person named near the cursor: their quotes rank first. */
  speaker?: string | null;
  limit?: number;
}

interface PassageRecord {
  text: string;
  speaker: string;
  passage: Passage;
}

export class QuoteIndex {
  readonly sources: readonly IndexedSource[];
  /** word key → [source index, word position] pairs, flattened. */
  private readonly postings = new Map<string, number[]>();
  private readonly passages: PassageRecord[] = [];
  private readonly quoteFuse: Fuse<PassageRecord>;
  private readonly passageFuse: Fuse<PassageRecord>;

  constructor(sources: readonly Source[]) {
    this.sources = sources.map((s) => indexSource(s));
    this.sources.forEach((src, si) => {
      src.words.forEach((w, k) => {
        let list = this.postings.get(w.key);
        if (!list) this.postings.set(w.key, (list = []));
        list.push(si, k);
      });
      for (const q of src.quoteWords) {
        this.passages.push({ text: q.quote.text, speaker: q.quote.speaker ?? '', passage: { source: src, quote: q.quote, from: q.from, to: q.to } });
      }
      for (const s of src.source.sentences) {
        const range = wordRange(src.words, s.start, s.end);
        if (range.to > range.from) this.passages.push({ text: s.text, speaker: '', passage: { source: src, quote: null, ...range } });
      }
    });
    const quoteRecords = this.passages.filter((p) => p.passage.quote);
    this.quoteFuse = new Fuse(quoteRecords, {
      keys: ['text'],
      includeScore: true,
      ignoreLocation: true,
      ignoreFieldNorm: true,
      threshold: 0.45,
    });
    this.passageFuse = new Fuse(this.passages, { keys: ['text'], includeScore: true, ignoreLocation: true, ignoreFieldNorm: true, threshold: 0.6 });
  }

  get quoteCount(): number {
    return this.sources.reduce((n, s) => n + s.source.quotes.length, 0);
  }

  allQuotes(): { quote: Quote; source: Source }[] {
    return this.sources.flatMap((s) => s.source.quotes.map((quote) => ({ quote, source: s.source })));
  }

  sourceById(id: string): IndexedSource | undefined {
    return this.sources.find((s) => s.source.meta.id === id);
  }

  /** Every place where the words `keys` stand one after another in a source. */
  findRuns(keys: readonly string[]): { source: IndexedSource; from: number; to: number }[] {
    if (keys.length === 0) return [];
    // Start from the rarest word so common words do not cost a scan of every position.
    let anchor = 0;
    for (let k = 1; k < keys.length; k++) {
      if ((this.postings.get(keys[k]!)?.length ?? 0) < (this.postings.get(keys[anchor]!)?.length ?? 0)) anchor = k;
    }
    const list = this.postings.get(keys[anchor]!) ?? [];
    const out: { source: IndexedSource; from: number; to: number }[] = [];
    for (let p = 0; p < list.length; p += 2) {
      const src = this.sources[list[p]!]!;
      const from = list[p + 1]! - anchor;
      if (from < 0 || from + keys.length > src.words.length) continue;
      let ok = true;
      for (let k = 0; k < keys.length && ok; k++) ok = src.words[from + k]!.key === keys[k];
      if (ok) out.push({ source: src, from, to: from + keys.length });
    }
    return out;
  }

  /** Positions of one word key. */
  positionsOf(key: string): { source: IndexedSource; at: number }[] {
    const list = this.postings.get(key) ?? [];
    const out: { source: IndexedSource; at: number }[] = [];
    for (let p = 0; p < list.length; p += 2) out.push({ source: this.sources[list[p]!]!, at: list[p + 1]! });
    return out;
  }

  /**
   * Passages that share the most distinctive words with `keys` (rare words weigh more), topped up with fuse.js's
   * fuzzy matches for text whose words are misspelled.
   */
  candidatePassages(keys: readonly string[], text: string, limit = 8): Passage[] {
    const scores = new Map<PassageRecord, number>();
    const distinct = [...new Set(keys)];
    const byPosition = this.passageLookup();
    for (const key of distinct) {
      const list = this.postings.get(key);
      if (!list) continue;
      const weight = 1 / Math.log2(2 + list.length / 2);
      for (let p = 0; p < list.length; p += 2) {
        for (const rec of byPosition(list[p]!, list[p + 1]!)) scores.set(rec, (scores.get(rec) ?? 0) + weight);
      }
    }
    const ranked = [...scores.entries()].sort((a, b) => b[1] - a[1] || (a[0].passage.quote ? -1 : 1)).slice(0, limit);
    const out = ranked.map(([rec]) => rec.passage);
    if (out.length < limit) {
      for (const r of this.passageFuse.search(text.slice(0, 120), { limit })) {
        if (!out.includes(r.item.passage)) out.push(r.item.passage);
      }
    }
    return out.slice(0, limit + 2);
  }

  private lookupCache: ((si: number, k: number) => PassageRecord[]) | null = null;

  private passageLookup(): (si: number, k: number) => PassageRecord[] {
    if (this.lookupCache) return this.lookupCache;
    const perSource = this.sources.map((s) => Array.from({ length: s.words.length }, () => [] as PassageRecord[]));
    for (const rec of this.passages) {
      const si = this.sources.indexOf(rec.passage.source);
      for (let k = rec.passage.from; k < rec.passage.to; k++) perSource[si]![k]!.push(rec);
    }
    this.lookupCache = (si, k) => perSource[si]?.[k] ?? [];
    return this.lookupCache;
  }

  /** Source quotes for what the writer has typed after an opening mark: fuzzy, best first. */
  suggest(typed: string, options: SuggestOptions = {}): QuoteSuggestion[] {
    const limit = options.limit ?? 50;
    const query = typed.replace(/\s+/g, ' ').trim();
    const hint = options.speaker ? nameKey(options.speaker) : '';
    const boost = (quote: Quote) => (hint && quote.speaker && sameperson(options.speaker!, quote.speaker) ? -0.25 : 0);
    let results: QuoteSuggestion[];
    if (query === '') {
      results = this.allQuotes().map(({ quote, source }) => ({ quote, source, score: 0.5 }));
    } else {
      const queryKeys = tokenizeWords(query).map((w) => w.key);
      results = this.quoteFuse.search(query).map((r) => {
        const quote = r.item.passage.quote!;
        // A quote that starts with exactly the words typed is what the writer is typing.
        const words = r.item.passage.source.words.slice(r.item.passage.from, r.item.passage.from + queryKeys.length);
        const prefix = queryKeys.length > 0 && words.length === queryKeys.length && words.every((w, k) => w.key === queryKeys[k]);
        return { quote, source: r.item.passage.source.source, score: (r.score ?? 1) - (prefix ? 0.5 : 0) };
      });
    }
    for (const r of results) r.score += boost(r.quote);
    return results.sort((a, b) => a.score - b.score).slice(0, limit);
  }
}

function indexSource(source: Source): IndexedSource {
  const words = tokenizeWords(source.text, source.bodyStart);
  const gaps = words.map((w, k) => (k === 0 ? '' : foldPunctuation(source.text.slice(words[k - 1]!.end, w.start))));
  return {
    source,
    words,
    gaps,
    quoteWords: source.quotes.map((quote) => ({ quote, ...wordRange(words, quote.offset.start, quote.offset.end) })),
    paragraphWords: source.paragraphs.map((p) => wordRange(words, p.start, p.end)),
  };
}

/** The words that lie within [start, end). */
export function wordRange(words: readonly Word[], start: number, end: number): { from: number; to: number } {
  let lo = 0;
  let hi = words.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (words[mid]!.start < start) lo = mid + 1;
    else hi = mid;
  }
  let to = lo;
  while (to < words.length && words[to]!.end <= end) to++;
  return { from: lo, to };
}
