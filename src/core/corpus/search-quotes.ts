// Finding a quote by any words the writer remembers: words from anywhere in it, in any order, with one-edit typos,
// numbers as words or digits, hyphenated, spaced or joined forms, and other forms of the same stem.
//
// Retrieval goes through the postings of the search term of every word of every quote (build-index.ts), rarest
// terms first and within a budget, so its cost follows the query's words, never the corpus size. The best-scoring
// few hundred quotes are then read word by word to find where the query's words stand: together and in order (a
// fragment the writer is typing), from the quote's start or inside it, or scattered (keywords).

import type { Quote, Source } from '../types';
import { tokenizeWords } from '../text/words';
import type { QuoteIndex, SourceView } from './quote-index';
import { isFunctionWord, nearSpellings, termOf } from './search-terms';
import { firstAtLeast } from '../text/sorted-spans';

/** How a quote matched: its opening words, a contiguous stretch inside it, or words scattered through it. */
export type QuoteMatchKind = 'start' | 'inside' | 'keyword';

export interface QuoteMatch {
  quote: Quote;
  source: Source;
  view: SourceView;
  kind: QuoteMatchKind;
  /** Larger is better. */
  score: number;
  /** The quote's words, as local word positions of its source: [quoteFrom, quoteTo). */
  quoteFrom: number;
  quoteTo: number;
  /** The stretch the query's words matched in order (start and inside), else the whole quote. */
  matchFrom: number;
  matchTo: number;
}

export interface SearchOptions {
  /** The last word may be unfinished (the writer is typing it): words that begin with it match too. */
  prefix?: boolean;
  limit?: number;
}

/** At most this many query words are used (a long typed passage is looked up by its first words). */
const MAX_QUERY_WORDS = 32;
/** Postings visited per query, at most: rare terms first, so only very common words are left out. */
const POSTINGS_BUDGET = 400_000;
/** A term is common when more than this share of the quotes, and this many, hold it. */
const COMMON_SHARE = 0.02;
const COMMON_MIN_QUOTES = 1_000;
/** Quotes read word by word per query. */
const MAX_RESCORED = 300;
/** Longer words are looked up as written only (no typos, no splitting): no real word is this long. */
const MAX_EXPANDED_LENGTH = 30;
/** A quote this long is read only this far for scoring (a transcript-sized quote). */
const MAX_READ_WORDS = 3_000;

interface Alternative {
  term: number;
  quality: number;
}

interface QueryWord {
  key: string;
  alternatives: Alternative[];
  /** Two words that, one after the other, make up the query word (gamechanging → game changing). */
  compounds: { first: number; second: number; quality: number }[];
  /** How much the word says about which quote is meant (inverse document frequency). */
  weight: number;
}

interface Scratch {
  score: Float64Array;
  /** The last (query, word) for which a quote was credited, so a word counts once per quote. */
  credited: Int32Array;
  /** The query that last touched a quote's score. */
  touched: Int32Array;
  epoch: number;
}

const scratches = new WeakMap<QuoteIndex, Scratch>();

function scratchFor(index: QuoteIndex): Scratch {
  let s = scratches.get(index);
  if (!s) {
    const n = index.quoteCount;
    s = { score: new Float64Array(n), credited: new Int32Array(n).fill(-1), touched: new Int32Array(n).fill(-1), epoch: 0 };
    scratches.set(index, s);
  }
  return s;
}

/** The quotes that best match `query`, best first. Never throws; an empty or wordless query finds nothing. */
export function searchQuotes(index: QuoteIndex, query: string, options: SearchOptions = {}): QuoteMatch[] {
  const limit = options.limit ?? 50;
  const keys = tokenizeWords(query)
    .map((w) => w.key)
    .slice(0, MAX_QUERY_WORDS);
  if (keys.length === 0 || index.quoteCount === 0) return [];
  const words = expandQuery(index, keys, options.prefix === true);
  if (words.every((w) => w.alternatives.length === 0 && w.compounds.length === 0)) return [];
  const candidates = retrieve(index, words);
  const matches: QuoteMatch[] = [];
  const need = Math.max(1, Math.ceil(words.length / 2));
  const hits = termHits(words);
  for (const q of candidates) {
    const m = rescore(index, words, hits, q, need);
    if (m) matches.push(m);
  }
  matches.sort((a, b) => b.score - a.score || a.quoteFrom - b.quoteFrom);
  return matches.slice(0, limit);
}

/** Terms in more quotes than this are common: they rank the quotes that rarer terms retrieve, and retrieve none. */
function commonFrequency(index: QuoteIndex): number {
  return Math.max(COMMON_MIN_QUOTES, index.quoteCount * COMMON_SHARE);
}

function idf(index: QuoteIndex, term: number): number {
  return Math.log(1 + index.quoteCount / Math.max(1, index.termFrequency(term)));
}

function expandQuery(index: QuoteIndex, keys: readonly string[], prefix: boolean): QueryWord[] {
  const words: QueryWord[] = keys.map((key, k) => {
    const alternatives = new Map<number, number>();
    const add = (term: number, quality: number) => {
      if (term >= 0 && (alternatives.get(term) ?? 0) < quality) alternatives.set(term, quality);
    };
    const exact = index.termId(termOf(key));
    add(exact, 1);
    // A common word typed as written is meant as written: its neighbours one edit away (that → than, what) would
    // only add long postings lists.
    const expand = exact < 0 || (!isFunctionWord(key) && index.termFrequency(exact) <= commonFrequency(index));
    if (expand && key.length >= 4 && key.length <= MAX_EXPANDED_LENGTH && !/\d/.test(key)) {
      // A word the sources have is more likely meant as written; its one-edit neighbours count for less.
      const typo = exact >= 0 ? 0.55 : 0.8;
      for (const s of nearSpellings(key).slice(1)) add(index.wordTermOf(index.idOf(s)), typo);
    }
    if (prefix && k === keys.length - 1) for (const id of index.quoteWordsStartingWith(key, 64)) add(index.wordTermOf(id), key.length >= 3 ? 0.9 : 0.6);
    const compounds: QueryWord['compounds'] = [];
    if (exact < 0 && key.length >= 5 && key.length <= MAX_EXPANDED_LENGTH) {
      for (let j = 2; j <= key.length - 2; j++) {
        const first = index.wordTermOf(index.idOf(key.slice(0, j)));
        const second = index.wordTermOf(index.idOf(key.slice(j)));
        if (first >= 0 && second >= 0) compounds.push({ first, second, quality: 0.95 });
      }
    }
    return { key, alternatives: [...alternatives].map(([term, quality]) => ({ term, quality })), compounds, weight: 0 };
  });
  // Two query words that the sources write as one (game changing → gamechanging) match that word, each of them.
  for (let k = 0; k + 1 < words.length; k++) {
    const joined = index.wordTermOf(index.idOf(words[k]!.key + words[k + 1]!.key));
    if (joined < 0) continue;
    for (const w of [words[k]!, words[k + 1]!]) if (!w.alternatives.some((a) => a.term === joined)) w.alternatives.push({ term: joined, quality: 0.95 });
  }
  for (const w of words) {
    w.alternatives.sort((a, b) => b.quality - a.quality);
    const weights = [...w.alternatives.map((a) => idf(index, a.term)), ...w.compounds.map((c) => Math.max(idf(index, c.first), idf(index, c.second)))];
    // A word no source has says little: it may be a typo beyond one edit, or a word the writer added.
    w.weight = weights.length ? Math.max(...weights.slice(0, 3)) : 0.3;
  }
  return words;
}

/** The quotes that share the most weight of query words, by postings: rarest terms first, within a budget. */
function retrieve(index: QuoteIndex, words: readonly QueryWord[]): number[] {
  const s = scratchFor(index);
  const query = ++s.epoch;
  const lists: { word: number; term: number; credit: number; df: number }[] = [];
  words.forEach((w, k) => {
    for (const a of w.alternatives) lists.push({ word: k, term: a.term, credit: a.quality * w.weight, df: index.termFrequency(a.term) });
    // A compound is retrieved by its rarer part; the rescoring checks that both parts stand together.
    for (const c of w.compounds) {
      const term = index.termFrequency(c.first) < index.termFrequency(c.second) ? c.first : c.second;
      lists.push({ word: k, term, credit: c.quality * w.weight, df: index.termFrequency(term) });
    }
  });
  lists.sort((a, b) => a.df - b.df || b.credit - a.credit);
  // Rare terms retrieve; common ones only add to the quotes retrieved (unless every term is common: then the
  // rarest of them retrieves).
  const common = commonFrequency(index);
  const retrieving = lists.filter((l, k) => l.df <= common || k === 0);
  const adding = lists.filter((l, k) => l.df > common && k > 0);
  const touched: number[] = [];
  let visited = 0;
  const { quoteTermOffsets, quoteTermPostings } = index.parts;
  const credit = (q: number, l: (typeof lists)[number]) => {
    const stamp = query * MAX_QUERY_WORDS + l.word;
    if (s.credited[q] === stamp) return;
    s.credited[q] = stamp;
    s.score[q] = s.score[q]! + l.credit;
  };
  for (const l of retrieving) {
    if (visited > 0 && visited + l.df > POSTINGS_BUDGET) continue;
    visited += l.df;
    for (let p = quoteTermOffsets[l.term]!; p < quoteTermOffsets[l.term + 1]!; p++) {
      const q = quoteTermPostings[p]!;
      if (s.touched[q] !== query) {
        s.touched[q] = query;
        s.score[q] = 0;
        touched.push(q);
      }
      // A word counts once per quote, by the first (rarest) of its terms that the quote holds.
      credit(q, l);
    }
  }
  for (const l of adding) {
    const from = quoteTermOffsets[l.term]!;
    const to = quoteTermOffsets[l.term + 1]!;
    // A common term's quotes are in order: look each retrieved quote up in them, or walk them, whichever costs less.
    if (touched.length * Math.log2(2 + l.df) < l.df) {
      for (const q of touched) {
        const at = firstAtLeast(quoteTermPostings, q, from, to);
        if (at < to && quoteTermPostings[at] === q) credit(q, l);
      }
    } else if (visited + l.df <= POSTINGS_BUDGET) {
      visited += l.df;
      for (let p = from; p < to; p++) if (s.touched[quoteTermPostings[p]!] === query) credit(quoteTermPostings[p]!, l);
    }
  }
  if (s.epoch > 0x3ffffff0 / MAX_QUERY_WORDS) {
    s.epoch = 0;
    s.touched.fill(-1);
    s.credited.fill(-1);
  }
  // The best MAX_RESCORED by partial score: a threshold pass first, so that a common word's thousands of quotes
  // are not all sorted.
  let best = 0;
  for (const q of touched) if (s.score[q]! > best) best = s.score[q]!;
  let kept = touched;
  for (let cut = 0.5; kept.length > 4 * MAX_RESCORED && cut < 1; cut += 0.15) kept = kept.filter((q) => s.score[q]! >= best * cut);
  if (kept.length > 8 * MAX_RESCORED) kept = kept.slice(0, 8 * MAX_RESCORED);
  return kept.sort((a, b) => s.score[b]! - s.score[a]! || a - b).slice(0, MAX_RESCORED);
}

const SPEAKER_QUALITY = 0.8;
const speakerWordCache = new Map<string, Set<string>>();

/** The words of a speaker's name (three letters or more), as comparison keys. */
function speakerWords(speaker: string | null): Set<string> {
  if (!speaker) return new Set();
  let set = speakerWordCache.get(speaker);
  if (!set) {
    if (speakerWordCache.size > 10_000) speakerWordCache.clear();
    set = new Set(
      tokenizeWords(speaker)
        .map((w) => w.key)
        .filter((k) => k.length >= 3),
    );
    speakerWordCache.set(speaker, set);
  }
  return set;
}

/** For each term, the query words it matches and how well; for each compound's first part, its second part. */
interface TermHits {
  single: Map<number, { word: number; quality: number }[]>;
  compound: Map<number, { word: number; second: number; quality: number }[]>;
}

function termHits(words: readonly QueryWord[]): TermHits {
  const hits: TermHits = { single: new Map(), compound: new Map() };
  words.forEach((w, word) => {
    for (const a of w.alternatives) hits.single.set(a.term, [...(hits.single.get(a.term) ?? []), { word, quality: a.quality }]);
    for (const c of w.compounds) hits.compound.set(c.first, [...(hits.compound.get(c.first) ?? []), { word, second: c.second, quality: c.quality }]);
  });
  return hits;
}

/** Reads one quote's words and scores how well the query matches it; null when fewer than `need` words match. */
function rescore(index: QuoteIndex, words: readonly QueryWord[], hits: TermHits, q: number, need: number): QuoteMatch | null {
  const { quotes, tokens } = index.parts;
  const gFrom = quotes[q * 2]!;
  const gTo = Math.min(quotes[q * 2 + 1]!, gFrom + MAX_READ_WORDS);
  const length = gTo - gFrom;
  if (length <= 0) return null;
  const n = words.length;
  // quality[k * length + j]: how well query word k matches the quote's word j (0: not at all).
  const quality = new Float32Array(n * length);
  const best = new Float32Array(n);
  const positions: number[][] = words.map(() => []);
  const mark = (k: number, j: number, v: number) => {
    if (v <= quality[k * length + j]!) return;
    if (quality[k * length + j] === 0) positions[k]!.push(j);
    quality[k * length + j] = v;
    if (v > best[k]!) best[k] = v;
  };
  let next = index.wordTermOf(tokens[gFrom]!);
  for (let j = 0; j < length; j++) {
    const term = next;
    next = j + 1 < length ? index.wordTermOf(tokens[gFrom + j + 1]!) : -1;
    const found = hits.single.get(term);
    if (found) for (const h of found) mark(h.word, j, h.quality);
    const pairs = hits.compound.get(term);
    if (pairs) for (const h of pairs) if (h.second === next) mark(h.word, j, h.quality);
  }
  const { source: view, at } = index.locate(quotes[q * 2]!);
  const found = view.quoteContaining(at, Math.max(at + 1, quotes[q * 2 + 1]! - view.base));
  if (!found) return null;
  // A word that names the quote's speaker ("Zelenskyy Article 5") counts as matched, though no quote holds it.
  const speaker = speakerWords(found.quote.speaker);
  let matched = 0;
  let matchedWeight = 0;
  let missingWeight = 0;
  let totalWeight = 0;
  words.forEach((w, k) => {
    const named = best[k] === 0 && speaker.has(w.key);
    const weight = named ? Math.max(w.weight, 1) : w.weight;
    totalWeight += weight;
    if (best[k]! > 0 || named) {
      matched++;
      matchedWeight += (named ? SPEAKER_QUALITY : best[k]!) * weight;
    } else missingWeight += weight;
  });
  if (matched < need || matchedWeight < totalWeight * 0.34) return null;

  const run = bestRun(words, quality, length);
  const closeness = windowCloseness(positions);
  // The query words standing together in order count most; standing near each other, in any order, next.
  const score = matchedWeight - 0.5 * missingWeight + 0.6 * run.weight + 0.3 * matchedWeight * closeness - 0.05 * Math.log2(1 + length);

  // A fragment: (nearly) every query word, in order, one after another.
  const contiguous = run.words >= Math.max(1, n - Math.floor(n / 3));
  const start = Math.max(0, run.from - run.firstWord);
  const kind: QuoteMatchKind = contiguous ? (start === 0 ? 'start' : 'inside') : 'keyword';
  return {
    quote: found.quote,
    source: view.source,
    view,
    kind,
    score,
    quoteFrom: found.from,
    quoteTo: found.to,
    matchFrom: kind === 'keyword' ? found.from : found.from + start,
    matchTo: kind === 'keyword' ? found.to : found.from + run.to,
  };
}

/**
 * The best stretch where query words match quote words in order, one after another: a quote word or a query word
 * may be skipped now and then (a word left out, a typo beyond one edit). `weight` counts the words after the
 * first, so a lone word is no run.
 */
function bestRun(words: readonly QueryWord[], quality: Float32Array, length: number): { from: number; to: number; firstWord: number; words: number; weight: number } {
  const n = words.length;
  const at = (k: number, j: number) => (k < n && j < length ? quality[k * length + j]! : 0);
  let best = { from: 0, to: 0, firstWord: 0, words: 0, weight: 0 };
  let bestScore = -1;
  for (let first = 0; first < Math.min(n, 3); first++) {
    for (let j0 = 0; j0 < length; j0++) {
      if (at(first, j0) === 0) continue;
      let k = first + 1;
      let j = j0 + 1;
      let count = 1;
      let weight = 0;
      let skips = 0;
      while (k < n && j < length && skips <= Math.max(1, Math.floor(n / 4))) {
        if (at(k, j) > 0) {
          weight += at(k, j) * words[k]!.weight;
          count++;
          k++;
          j++;
        } else if (at(k, j + 1) > 0) {
          skips++;
          j++;
        } else if (at(k + 1, j) > 0) {
          skips++;
          k++;
        } else break;
      }
      // Earlier starts win ties: the writer more likely begins where a quote or clause begins.
      const score = weight + count * 0.01 - (j0 === 0 && first === 0 ? 0 : 0.001);
      if (score > bestScore) {
        bestScore = score;
        best = { from: j0, to: j, firstWord: first, words: count, weight };
      }
    }
  }
  return best;
}

/** How close together the matched query words stand: 1 when they are adjacent, towards 0 when far apart. */
function windowCloseness(positions: readonly number[][]): number {
  const lists = positions.filter((p) => p.length > 0);
  if (lists.length < 2) return lists.length === 1 ? 1 : 0;
  // The smallest window holding one position of each matched word (a merge over the sorted lists).
  const events: { at: number; word: number }[] = [];
  lists.forEach((list, w) => {
    for (const at of list.slice(0, 200)) events.push({ at, word: w });
  });
  events.sort((a, b) => a.at - b.at);
  const count = new Int32Array(lists.length);
  let have = 0;
  let left = 0;
  let smallest = Infinity;
  for (const e of events) {
    if (count[e.word]!++ === 0) have++;
    while (have === lists.length) {
      smallest = Math.min(smallest, e.at - events[left]!.at + 1);
      if (--count[events[left]!.word]! === 0) have--;
      left++;
    }
  }
  return (lists.length - 1) / Math.max(lists.length - 1, smallest - 1);
}
