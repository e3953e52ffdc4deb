// The source sentences a claim may report: its content words, looked up through the corpus (corpus.ts), which
// ranks sentences by the rare words they share with it. A paraphrase may share few of them ("gave no details on how
// the arrangement would work" / "did not elaborate on how the framework might function"): a second look-up, asked
// for only when the first finds nothing that states the claim, adds the other words of each content word's synonym
// group, for a few more candidates.

import type { Corpus, SentenceRef } from '../corpus/corpus';
import type { Token } from './analyze-text';
import { synonymMembers } from './claim-lexicon';

export type { SentenceRef } from '../corpus/corpus';

/** Candidates found through synonyms, besides those of the claim's own words. */
const SYNONYM_CANDIDATES = 2;

const contentKeys = (tokens: readonly Token[]) => {
  const keys = new Set<string>();
  for (const t of tokens) if (!t.stop && t.key.length >= 2) keys.add(t.key);
  return keys;
};

export function retrieveSentences(corpus: Corpus, tokens: readonly Token[], limit = 6): SentenceRef[] {
  const keys = contentKeys(tokens);
  return keys.size ? corpus.candidateSentences([...keys], limit) : [];
}

/** More candidates through the content words' synonyms, leaving out those already found. */
export function retrieveThroughSynonyms(corpus: Corpus, tokens: readonly Token[], found: readonly SentenceRef[], limit = 6): SentenceRef[] {
  const keys = contentKeys(tokens);
  if (keys.size === 0) return [];
  const wider = new Set(keys);
  for (const t of tokens) if (!t.stop && t.group >= 0) for (const w of synonymMembers(t.group)) wider.add(w);
  if (wider.size === keys.size) return [];
  const seen = new Set(found.map((r) => `${r.source.source.meta.id}:${r.sentence}`));
  const out: SentenceRef[] = [];
  for (const r of corpus.candidateSentences([...wider], limit)) {
    if (out.length >= SYNONYM_CANDIDATES) break;
    const key = `${r.source.source.meta.id}:${r.sentence}`;
    if (seen.has(key)) continue;
    seen.add(key);
    out.push(r);
  }
  return out;
}
