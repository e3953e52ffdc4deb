// The index over every source's words, quotes and sentences. The only module that knows fuse.js.
//
// Retrieval first, fuse.js second: word postings (typed arrays, one entry per word of every source) find the
// places a quotation's words stand and the passages that share its rarest words; fuse.js only ranks the few
// hundred quotes that a completion query retrieves. Verdicts are decided in verify-quotation, never from scores.
// The arrays (IndexParts) can be built in a worker and handed over without copying.

import Fuse from 'fuse.js';
import type { Quote, Source } from '../types';
import { foldPunctuation, foldWord, forEachWordKey, tokenizeWords } from '../text/words';
import { sameperson } from '../quotes/people';

/** The index's arrays. Token positions are global: all sources' words one after another. */
export interface IndexParts {
  /** Word id → comparison key. */
  vocabulary: string[];
  /** Word id of each token. */
  tokens: Int32Array;
  /** Start and end (UTF-16 offsets into its source's text) of each token. */
  tokenStart: Int32Array;
  tokenEnd: Int32Array;
  /** First token of each source; one more entry than sources. */
  sourceFirstToken: Int32Array;
  /** Positions of each word id: postings[postingOffsets[id] … postingOffsets[id + 1]). */
  postingOffsets: Int32Array;
  postings: Int32Array;
  /** [from, to) token pairs of every sentence, paragraph and quote, in order. */
  sentences: Int32Array;
  paragraphs: Int32Array;
  quotes: Int32Array;
  /** For each source, the index of its first quote in `quotes` (one more entry than sources). */
  sourceFirstQuote: Int32Array;
  /** Quotes whose first words include a word id: quoteStartPostings[quoteStartOffsets[id] …]. */
  quoteStartOffsets: Int32Array;
  quoteStartPostings: Int32Array;
  /** Ids of the distinct words at quote starts, sorted by the word, for prefix completion. */
  startWords: Int32Array;
  /** An open-addressing hash table of word ids (-1 empty), so that no Map needs building after a hand-over. */
  vocabularyTable: Int32Array;
}

/** FNV-1a over UTF-16 code units. */
function hashKey(key: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < key.length; i++) {
    h ^= key.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

function buildVocabularyTable(vocabulary: readonly string[]): Int32Array {
  let size = 16;
  while (size < vocabulary.length * 2) size <<= 1;
  const table = new Int32Array(size).fill(-1);
  const mask = size - 1;
  vocabulary.forEach((key, id) => {
    let i = hashKey(key) & mask;
    while (table[i] !== -1) i = (i + 1) & mask;
    table[i] = id;
  });
  return table;
}

/** One source seen through the index: its words by local position. */
export class SourceView {
  constructor(
    private readonly index: QuoteIndex,
    readonly source: Source,
    /** The global position of its first word. */
    readonly base: number,
    readonly length: number,
    private readonly quoteBase: number,
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
    let lo = this.quoteBase;
    let hi = this.quoteBase + this.source.quotes.length - 1;
    const g = this.base + from;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      if (q[mid * 2]! <= g) lo = mid + 1;
      else hi = mid - 1;
    }
    const k = hi;
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

/** A passage a draft quotation may be compared with: a quote, or a sentence of the article's own text. */
export interface Passage {
  source: SourceView;
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

const FUSE_OPTIONS = { keys: ['text'], includeScore: true, ignoreLocation: true, ignoreFieldNorm: true, threshold: 0.45 };
/** How many leading words of a quote completion matches on. */
const QUOTE_START_WORDS = 12;
/** Words more frequent than this carry too little to pick passages by (unless nothing rarer is there). */
const COMMON_WORD_POSTINGS = 5_000;
/** Limits on one exact-run search: matches kept, and words compared in all. */
const MAX_RUNS = 64;
const MAX_COMPARED_WORDS = 2_000_000;
/** How many of a quotation's rarest words pick its candidate passages. */
const RARE_WORDS_PER_QUERY = 6;

export class QuoteIndex {
  readonly sources: readonly SourceView[];
  readonly parts: IndexParts;
  private byId: Map<string, SourceView> | undefined;
  private speakers: string[] | undefined;
  private smallCorpusFuse: Fuse<Passage & { text: string }> | null | undefined;

  constructor(sources: readonly Source[], parts: IndexParts = buildIndexParts(sources)) {
    // Nothing here may cost more than a few milliseconds at a million sentences: it runs on the editor's thread.
    this.parts = parts;
    this.sources = sources.map(
      (s, k) => new SourceView(this, s, parts.sourceFirstToken[k]!, parts.sourceFirstToken[k + 1]! - parts.sourceFirstToken[k]!, parts.sourceFirstQuote[k]!),
    );
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
    const { vocabularyTable: table, vocabulary } = this.parts;
    const mask = table.length - 1;
    for (let i = hashKey(key) & mask; table[i] !== -1; i = (i + 1) & mask) if (vocabulary[table[i]!] === key) return table[i]!;
    return -1;
  }

  /** How often a word occurs in all sources. */
  frequency(id: number): number {
    return id < 0 ? 0 : this.parts.postingOffsets[id + 1]! - this.parts.postingOffsets[id]!;
  }

  /** The source and local position of a global position. */
  locate(globalPosition: number): { source: SourceView; at: number; index: number } {
    const first = this.parts.sourceFirstToken;
    let lo = 0;
    let hi = this.sources.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (first[mid]! <= globalPosition) lo = mid;
      else hi = mid - 1;
    }
    const source = this.sources[lo]!;
    return { source, at: globalPosition - source.base, index: lo };
  }

  /** The [from, to) pair of `pairs` that contains a global position (pairs sorted and not overlapping). */
  rangeContaining(pairs: Int32Array, g: number): { from: number; to: number; index: number } | null {
    let lo = 0;
    let hi = pairs.length / 2 - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      if (pairs[mid * 2]! <= g) lo = mid + 1;
      else hi = mid - 1;
    }
    if (hi < 0 || g >= pairs[hi * 2 + 1]!) return null;
    return { from: pairs[hi * 2]!, to: pairs[hi * 2 + 1]!, index: hi };
  }

  /** Every place where the words `keys` stand one after another in a source. */
  findRuns(keys: readonly string[]): { source: SourceView; from: number; to: number }[] {
    if (keys.length === 0) return [];
    const ids = keys.map((k) => this.idOf(k));
    if (ids.includes(-1)) return [];
    // Start from the rarest word so common words do not cost a scan of every position.
    let anchor = 0;
    for (let k = 1; k < ids.length; k++) if (this.frequency(ids[k]!) < this.frequency(ids[anchor]!)) anchor = k;
    const { postings, postingOffsets, tokens, sourceFirstToken } = this.parts;
    const out: { source: SourceView; from: number; to: number }[] = [];
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
   * very common ones are skipped, so the cost follows the rare words' postings, not the corpus size. When no word
   * matches at all (every word misspelled), fuse.js looks for fuzzy matches, in a small corpus only.
   */
  candidatePassages(keys: readonly string[], text: string, limit = 8): Passage[] {
    const { postings, postingOffsets, sentences, quotes } = this.parts;
    const scores = new Map<number, number>(); // passage key: quote index * 2 + 1, or sentence index * 2
    // The rarest few words pick the passages; a passage that shares none of them cannot be a near miss.
    const ids = [...new Set(keys.map((k) => this.idOf(k)))]
      .filter((id) => id >= 0)
      .sort((a, b) => this.frequency(a) - this.frequency(b))
      .slice(0, RARE_WORDS_PER_QUERY)
      .filter((id, k) => k < 2 || this.frequency(id) <= COMMON_WORD_POSTINGS);
    for (const id of ids) {
      const n = this.frequency(id);
      const weight = 1 / Math.log2(2 + n);
      const seen = new Set<number>();
      for (let p = postingOffsets[id]!; p < postingOffsets[id + 1]!; p++) {
        const g = postings[p]!;
        const q = this.rangeContaining(quotes, g);
        const key = q ? q.index * 2 + 1 : (this.rangeContaining(sentences, g)?.index ?? -1) * 2;
        if (key < 0 || seen.has(key)) continue;
        seen.add(key);
        scores.set(key, (scores.get(key) ?? 0) + weight);
      }
    }
    const ranked = [...scores.entries()].sort((a, b) => b[1] - a[1] || (a[0] & 1 ? -1 : 1)).slice(0, limit);
    const out = ranked.map(([key]) => this.passageOf(key));
    if (out.length === 0) {
      for (const r of this.fuzzyPassages()?.search(text.slice(0, 64), { limit }) ?? []) {
        if (!out.some((p) => p.source === r.item.source && p.from === r.item.from)) out.push(r.item);
      }
    }
    return out.slice(0, limit + 2);
  }

  private passageOf(key: number): Passage {
    const pairs = key & 1 ? this.parts.quotes : this.parts.sentences;
    const index = key >> 1;
    const { source, at } = this.locate(pairs[index * 2]!);
    const to = pairs[index * 2 + 1]! - source.base;
    const quote = key & 1 ? source.quoteContaining(at, to)?.quote ?? null : null;
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
    return (this.smallCorpusFuse = new Fuse(records, { ...FUSE_OPTIONS, threshold: 0.6 }));
  }

  /**
   * Source quotes for what the writer has typed after an opening mark, best first. The typed words (each expanded
   * to the words one edit away, the last one also as a prefix) retrieve the quotes that start with them; fuse.js
   * ranks those.
   */
  suggest(typed: string, options: SuggestOptions = {}): QuoteSuggestion[] {
    const limit = options.limit ?? 50;
    const query = typed.replace(/\s+/g, ' ').trim();
    const boost = (quote: Quote) => (options.speaker && quote.speaker && sameperson(options.speaker, quote.speaker) ? -0.25 : 0);
    let results: QuoteSuggestion[];
    if (query === '') {
      results = this.allQuotes().map(({ quote, source }) => ({ quote, source, score: 0.5 + boost(quote) }));
      return results.sort((a, b) => a.score - b.score).slice(0, limit);
    }
    const words = tokenizeWords(query).map((w) => w.key);
    const candidates = this.quotesStartingWith(words);
    const records = candidates.map((k) => this.quoteRecord(k));
    const fuse = new Fuse(records, FUSE_OPTIONS);
    const hits = fuse.search(query);
    results = hits.map((r) => {
      const { view, index, quote } = r.item;
      // A quote that starts with exactly the words typed is what the writer is typing.
      let prefix = words.length > 0;
      for (let k = 0; k < words.length && prefix; k++) prefix = k < index.to - index.from && view.key(index.from + k) === words[k];
      return { quote, source: view.source, score: (r.score ?? 1) - (prefix ? 0.5 : 0) + boost(quote) };
    });
    return results.sort((a, b) => a.score - b.score).slice(0, limit);
  }

  private quoteRecord(k: number): { text: string; quote: Quote; view: SourceView; index: { from: number; to: number } } {
    const g = this.parts.quotes[k * 2]!;
    const { source: view, at } = this.locate(g);
    const found = view.quoteContaining(at, this.parts.quotes[k * 2 + 1]! - view.base)!;
    return { text: found.quote.text, quote: found.quote, view, index: { from: found.from, to: found.to } };
  }

  /** Quote indices whose first words contain the typed words (or near spellings), most typed words first. */
  private quotesStartingWith(words: readonly string[]): number[] {
    const { quoteStartOffsets, quoteStartPostings } = this.parts;
    const counts = new Map<number, number>();
    words.forEach((word, k) => {
      const last = k === words.length - 1;
      const ids = new Set<number>();
      for (const w of nearSpellings(word)) {
        const id = this.idOf(w);
        if (id >= 0) ids.add(id);
      }
      if (last) for (const id of this.prefixIds(word)) ids.add(id);
      const quotes = new Set<number>();
      for (const id of ids) for (let p = quoteStartOffsets[id]!; p < quoteStartOffsets[id + 1]!; p++) quotes.add(quoteStartPostings[p]!);
      for (const q of quotes) counts.set(q, (counts.get(q) ?? 0) + 1);
    });
    const need = Math.max(1, Math.ceil(words.length / 2));
    return [...counts.entries()]
      .filter(([, c]) => c >= need)
      .sort((a, b) => b[1] - a[1] || a[0] - b[0])
      .slice(0, 300)
      .map(([q]) => q);
  }

  /** Ids of the quote-start words that begin with `prefix` (at most 100). */
  private prefixIds(prefix: string): number[] {
    const { startWords, vocabulary } = this.parts;
    let lo = 0;
    let hi = startWords.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (vocabulary[startWords[mid]!]! < prefix) lo = mid + 1;
      else hi = mid;
    }
    const out: number[] = [];
    for (let k = lo; k < startWords.length && out.length < 100 && vocabulary[startWords[k]!]!.startsWith(prefix); k++) out.push(startWords[k]!);
    return out;
  }
}

/**
 * The word and every spelling one edit away (a letter dropped, added, changed or two swapped), for words of four
 * letters or more: a few hundred look-ups, never a scan of the vocabulary.
 */
export function nearSpellings(word: string): string[] {
  const out = [word];
  if ([...word].length < 4) return out;
  const letters = 'abcdefghijklmnopqrstuvwxyz' + [...new Set(word.replace(/[a-z]/g, ''))].join('');
  for (let i = 0; i <= word.length; i++) {
    const a = word.slice(0, i);
    const b = word.slice(i);
    if (b) out.push(a + b.slice(1));
    if (b.length > 1) out.push(a + b[1] + b[0] + b.slice(2));
    for (const c of letters) {
      if (b) out.push(a + c + b.slice(1));
      out.push(a + c + b);
    }
  }
  return out;
}

/** Builds the index's arrays from parsed sources (a worker can run this and transfer the result). */
export function buildIndexParts(sources: readonly Source[]): IndexParts {
  const vocabularyIds = new Map<string, number>();
  const vocabulary: string[] = [];
  let ids: number[] = [];
  let starts: number[] = [];
  let ends: number[] = [];
  const chunks: { ids: Int32Array; starts: Int32Array; ends: Int32Array }[] = [];
  let total = 0;
  const sourceFirstToken = new Int32Array(sources.length + 1);
  const sentences: number[] = [];
  const paragraphs: number[] = [];
  const quotes: number[] = [];
  const sourceFirstQuote = new Int32Array(sources.length + 1);
  const flush = () => {
    chunks.push({ ids: Int32Array.from(ids), starts: Int32Array.from(starts), ends: Int32Array.from(ends) });
    ids = [];
    starts = [];
    ends = [];
  };
  sources.forEach((source, k) => {
    sourceFirstToken[k] = total;
    sourceFirstQuote[k] = quotes.length / 2;
    const first = total;
    forEachWordKey(source.text, source.bodyStart, (key, start, end) => {
      let id = vocabularyIds.get(key);
      if (id === undefined) {
        id = vocabulary.length;
        vocabularyIds.set(key, id);
        vocabulary.push(key);
      }
      ids.push(id);
      starts.push(start);
      ends.push(end);
      total++;
    });
    // Word ranges of sentences, paragraphs and quotes, by the words' offsets (both sorted).
    const localStarts = starts.slice(starts.length - (total - first));
    const localEnds = ends.slice(ends.length - (total - first));
    const range = (s: { start: number; end: number }, out: number[]) => {
      const r = wordRange(localStarts, localEnds, s.start, s.end);
      out.push(first + r.from, first + r.to);
    };
    for (const s of source.sentences) range(s, sentences);
    for (const p of source.paragraphs) range(p, paragraphs);
    for (const q of source.quotes) range(q.offset, quotes);
    if (ids.length > 1 << 20) flush();
  });
  flush();
  sourceFirstToken[sources.length] = total;
  sourceFirstQuote[sources.length] = quotes.length / 2;
  const tokens = new Int32Array(total);
  const tokenStart = new Int32Array(total);
  const tokenEnd = new Int32Array(total);
  let at = 0;
  for (const c of chunks) {
    tokens.set(c.ids, at);
    tokenStart.set(c.starts, at);
    tokenEnd.set(c.ends, at);
    at += c.ids.length;
  }
  const { offsets: postingOffsets, values: postings } = groupBy(vocabulary.length, total, (emit) => {
    for (let g = 0; g < total; g++) emit(tokens[g]!, g);
  });
  const quotePairs = Int32Array.from(quotes);
  const { offsets: quoteStartOffsets, values: quoteStartPostings } = groupBy(vocabulary.length, quotePairs.length * QUOTE_START_WORDS, (emit) => {
    for (let q = 0; q < quotePairs.length / 2; q++) {
      const seen = new Set<number>();
      for (let g = quotePairs[q * 2]!; g < Math.min(quotePairs[q * 2 + 1]!, quotePairs[q * 2]! + QUOTE_START_WORDS); g++) {
        if (!seen.has(tokens[g]!)) emit(tokens[g]!, q);
        seen.add(tokens[g]!);
      }
    }
  });
  const startWordIds = new Set<number>();
  for (let id = 0; id < vocabulary.length; id++) if (quoteStartOffsets[id + 1]! > quoteStartOffsets[id]!) startWordIds.add(id);
  return {
    vocabulary,
    tokens,
    tokenStart,
    tokenEnd,
    sourceFirstToken,
    postingOffsets,
    postings,
    sentences: Int32Array.from(sentences),
    paragraphs: Int32Array.from(paragraphs),
    quotes: quotePairs,
    sourceFirstQuote,
    quoteStartOffsets,
    quoteStartPostings,
    startWords: Int32Array.from([...startWordIds].sort((a, b) => (vocabulary[a]! < vocabulary[b]! ? -1 : vocabulary[a]! > vocabulary[b]! ? 1 : 0))),
    vocabularyTable: buildVocabularyTable(vocabulary),
  };
}

/** A compressed-row grouping: values emitted per key, laid out key by key (two passes, no per-key arrays). */
function groupBy(keys: number, maxValues: number, each: (emit: (key: number, value: number) => void) => void): { offsets: Int32Array; values: Int32Array } {
  const counts = new Int32Array(keys + 1);
  let n = 0;
  each((key) => {
    counts[key + 1]!++;
    n++;
  });
  for (let k = 0; k < keys; k++) counts[k + 1]! += counts[k]!;
  const offsets = counts.slice();
  const fill = counts.slice(0, keys);
  const values = new Int32Array(Math.min(n, maxValues));
  each((key, value) => {
    values[fill[key]!++] = value;
  });
  return { offsets, values };
}

/** The words that lie within [start, end), by their sorted offsets. */
function wordRange(starts: readonly number[], ends: readonly number[], start: number, end: number): { from: number; to: number } {
  let lo = 0;
  let hi = starts.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (starts[mid]! < start) lo = mid + 1;
    else hi = mid;
  }
  let to = lo;
  while (to < ends.length && ends[to]! <= end) to++;
  return { from: lo, to };
}
