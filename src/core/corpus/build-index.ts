// Building the index's arrays from parsed sources. A worker can run this and hand the result over without copying:
// everything here is typed arrays, plus two string tables.

import type { Source } from '../types';
import { forEachWordKey } from '../text/words';
import { firstAtLeast } from '../text/sorted-spans';
import { termOf } from './search-terms';

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
  /** For each source, the index of its first sentence in `sentences` (one more entry than sources). */
  sourceFirstSentence: Int32Array;
  /** An open-addressing hash table of word ids (-1 empty), so that no Map needs building after a hand-over. */
  vocabularyTable: Int32Array;
  /** Search terms (search-terms.ts) of the words that occur in quotes, and their hash table. */
  terms: string[];
  termTable: Int32Array;
  /** Word id → term id, or -1 for a word that occurs in no quote. */
  wordTerm: Int32Array;
  /** The quotes that hold each term, once per quote, in order: quoteTermPostings[quoteTermOffsets[t] …]. */
  quoteTermOffsets: Int32Array;
  quoteTermPostings: Int32Array;
  /** Ids of the distinct words of quotes, sorted by the word, for completing a word being typed. */
  quoteWords: Int32Array;
}

/** FNV-1a over UTF-16 code units. */
export function hashKey(key: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < key.length; i++) {
    h ^= key.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

function buildHashTable(keys: readonly string[]): Int32Array {
  let size = 16;
  while (size < keys.length * 2) size <<= 1;
  const table = new Int32Array(size).fill(-1);
  const mask = size - 1;
  keys.forEach((key, id) => {
    let i = hashKey(key) & mask;
    while (table[i] !== -1) i = (i + 1) & mask;
    table[i] = id;
  });
  return table;
}

/** The id of `key` in a table built by buildHashTable over `keys`, or -1. */
export function lookUp(table: Int32Array, keys: readonly string[], key: string): number {
  const mask = table.length - 1;
  for (let i = hashKey(key) & mask; table[i] !== -1; i = (i + 1) & mask) if (keys[table[i]!] === key) return table[i]!;
  return -1;
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
  const sourceFirstSentence = new Int32Array(sources.length + 1);
  const flush = () => {
    chunks.push({ ids: Int32Array.from(ids), starts: Int32Array.from(starts), ends: Int32Array.from(ends) });
    ids = [];
    starts = [];
    ends = [];
  };
  sources.forEach((source, k) => {
    sourceFirstToken[k] = total;
    sourceFirstQuote[k] = quotes.length / 2;
    sourceFirstSentence[k] = sentences.length / 2;
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
  sourceFirstSentence[sources.length] = sentences.length / 2;
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
    sourceFirstSentence,
    vocabularyTable: buildHashTable(vocabulary),
    ...buildSearchParts(vocabulary, tokens, quotePairs),
  };
}

/** Postings of the search term of every word of every quote, so that a quote is found by any of its words. */
function buildSearchParts(vocabulary: readonly string[], tokens: Int32Array, quotes: Int32Array) {
  const wordTerm = new Int32Array(vocabulary.length).fill(-1);
  const termIds = new Map<string, number>();
  const terms: string[] = [];
  const quoteCount = quotes.length / 2;
  for (let q = 0; q < quoteCount; q++) {
    for (let g = quotes[q * 2]!; g < quotes[q * 2 + 1]!; g++) {
      const id = tokens[g]!;
      if (wordTerm[id] !== -1) continue;
      const term = termOf(vocabulary[id]!);
      let t = termIds.get(term);
      if (t === undefined) {
        t = terms.length;
        termIds.set(term, t);
        terms.push(term);
      }
      wordTerm[id] = t;
    }
  }
  // Once per quote: `lastQuote` remembers the last quote each term was emitted for (quotes are visited in order).
  const emitOncePerQuote = (emit: (key: number, value: number) => void) => {
    const lastQuote = new Int32Array(terms.length).fill(-1);
    for (let q = 0; q < quoteCount; q++) {
      for (let g = quotes[q * 2]!; g < quotes[q * 2 + 1]!; g++) {
        const t = wordTerm[tokens[g]!]!;
        if (lastQuote[t] === q) continue;
        lastQuote[t] = q;
        emit(t, q);
      }
    }
  };
  const { offsets: quoteTermOffsets, values: quoteTermPostings } = groupBy(terms.length, Number.MAX_SAFE_INTEGER, emitOncePerQuote);
  const quoteWordIds: number[] = [];
  for (let id = 0; id < vocabulary.length; id++) if (wordTerm[id] !== -1) quoteWordIds.push(id);
  quoteWordIds.sort((a, b) => (vocabulary[a]! < vocabulary[b]! ? -1 : vocabulary[a]! > vocabulary[b]! ? 1 : 0));
  return { terms, termTable: buildHashTable(terms), wordTerm, quoteTermOffsets, quoteTermPostings, quoteWords: Int32Array.from(quoteWordIds) };
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
  const from = firstAtLeast(starts, start);
  let to = from;
  while (to < ends.length && ends[to]! <= end) to++;
  return { from, to };
}
