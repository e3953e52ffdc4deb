// The source sentences a claim may report: its content words, looked up through the corpus (corpus.ts), which
// ranks sentences by the rare words they share with it.

import type { Corpus, SentenceRef } from '../corpus/corpus';
import type { Token } from './analyze-text';

export type { SentenceRef } from '../corpus/corpus';

export function retrieveSentences(corpus: Corpus, tokens: readonly Token[], limit = 6): SentenceRef[] {
  const keys = new Set<string>();
  for (const t of tokens) if (!t.stop && t.key.length >= 2) keys.add(t.key);
  return keys.size ? corpus.candidateSentences([...keys], limit) : [];
}
