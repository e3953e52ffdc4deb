// The source sentences a claim may report: its content words, looked up through the corpus (corpus.ts), which
// ranks sentences by the rare words they share with it. A paraphrase may share few of them ("gave no details on how
// the arrangement would work" / "did not elaborate on how the framework might function"): a second look-up adds
// the other words of each content word's synonym group, for a few more candidates.

import type { Corpus, SentenceRef } from '../corpus/corpus';
import type { Token } from './analyze-text';
import { synonymMembers } from './claim-lexicon';

export type { SentenceRef } from '../corpus/corpus';

/** Candidates found through synonyms, besides the claim's own words' `limit`. */
const SYNONYM_CANDIDATES = 2;

export function retrieveSentences(corpus: Corpus, tokens: readonly Token[], limit = 6): SentenceRef[] {
  const keys = new Set<string>();
  for (const t of tokens) if (!t.stop && t.key.length >= 2) keys.add(t.key);
  if (keys.size === 0) return [];
  const found = corpus.candidateSentences([...keys], limit);
  const wider = new Set(keys);
  for (const t of tokens) if (!t.stop && t.group >= 0) for (const w of synonymMembers(t.group)) wider.add(w);
  if (wider.size === keys.size) return found;
  const seen = new Set(found.map((r) => `${r.source.source.meta.id}:${r.sentence}`));
  let added = 0;
  for (const r of corpus.candidateSentences([...wider], limit)) {
    if (added >= SYNONYM_CANDIDATES) break;
    const key = `${r.source.source.meta.id}:${r.sentence}`;
    if (seen.has(key)) continue;
    seen.add(key);
    found.push(r);
    added++;
  }
  return found;
}
