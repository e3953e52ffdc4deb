// The source sentences a claim may report, found through the index's word postings: the claim's rarest words
// pick the sentences that contain them, weighted so that a rare shared word counts for more than a common one.
// Built from the index's public parts only; the cost follows the rare words' postings, not the corpus size.

import type { QuoteIndex, SourceView } from '../corpus/quote-index';
import type { Token } from './analyze-text';

export interface SentenceRef {
  source: SourceView;
  /** Index into source.source.sentences. */
  sentence: number;
  score: number;
}

const RARE_WORDS = 8;
const COMMON_WORD_POSTINGS = 5_000;
/** Postings read per word at most, so that no single word can make a look-up slow. */
const MAX_POSTINGS_PER_WORD = 20_000;

const firstSentenceCache = new WeakMap<QuoteIndex, Int32Array>();

/** For each source, the global number of its first sentence in the index's sentence pairs. */
function firstSentences(index: QuoteIndex): Int32Array {
  let first = firstSentenceCache.get(index);
  if (!first) {
    first = new Int32Array(index.sources.length + 1);
    index.sources.forEach((s, k) => (first![k + 1] = first![k]! + s.source.sentences.length));
    firstSentenceCache.set(index, first);
  }
  return first;
}

export function retrieveSentences(index: QuoteIndex, tokens: readonly Token[], limit = 6): SentenceRef[] {
  const { postings, postingOffsets, sentences } = index.parts;
  const keys = new Set<string>();
  for (const t of tokens) {
    if (t.stop || t.key.length < 2) continue;
    keys.add(t.key);
  }
  const ids = [...keys]
    .map((k) => index.idOf(k))
    .filter((id) => id >= 0)
    .sort((a, b) => index.frequency(a) - index.frequency(b))
    .slice(0, RARE_WORDS)
    .filter((id, k) => k < 3 || index.frequency(id) <= COMMON_WORD_POSTINGS);
  if (ids.length === 0) return [];
  const first = firstSentences(index);
  const scores = new Map<number, number>();
  for (const id of ids) {
    const n = index.frequency(id);
    const weight = 1 / Math.log2(2 + n);
    let last = -1;
    const end = Math.min(postingOffsets[id + 1]!, postingOffsets[id]! + MAX_POSTINGS_PER_WORD);
    for (let p = postingOffsets[id]!; p < end; p++) {
      const r = index.rangeContaining(sentences, postings[p]!);
      if (!r || r.index === last) continue;
      last = r.index;
      scores.set(r.index, (scores.get(r.index) ?? 0) + weight);
    }
  }
  const ranked = [...scores.entries()].sort((a, b) => b[1] - a[1] || a[0] - b[0]).slice(0, limit);
  return ranked.map(([g, score]) => {
    const { source, index: k } = index.locate(sentences[g * 2]!);
    return { source, sentence: g - first[k]!, score };
  });
}
