// The one module that knows compromise (a rule-based English tagger that runs in Node and in the browser).
// It is asked two narrow things, on short phrases only (a full sentence costs ~2 ms, a name ~0.2 ms), and the
// answers are cached: what kind of entity a name is, and the value of a number written in words.

import nlp from 'compromise';

export type EntityKind = 'person' | 'place' | 'organisation';

const kinds = new Map<string, EntityKind | null>();
const values = new Map<string, number | null>();
const CACHE_LIMIT = 20_000;

function remember<T>(cache: Map<string, T>, key: string, value: T): T {
  if (cache.size >= CACHE_LIMIT) cache.clear();
  cache.set(key, value);
  return value;
}

/** What compromise's lexicon says a name is (person, place or organisation), or null when it does not know. */
export function entityKindOf(name: string): EntityKind | null {
  const cached = kinds.get(name);
  if (cached !== undefined) return cached;
  let kind: EntityKind | null = null;
  try {
    const doc = nlp(name.slice(0, 200));
    kind = doc.has('#Organization') ? 'organisation' : doc.has('#Place') ? 'place' : doc.has('#Person') ? 'person' : null;
  } catch {
    kind = null;
  }
  return remember(kinds, name, kind);
}

/** The value of a number written in words ("three-and-a-half" → 3.5, "a fifth" → 0.2, "fourth" → 4), or null. */
export function numberFromWords(phrase: string): number | null {
  const cached = values.get(phrase);
  if (cached !== undefined) return cached;
  let value: number | null = null;
  try {
    const found = nlp(phrase.slice(0, 200)).numbers().get() as unknown[];
    const first = found[0];
    if (typeof first === 'number' && Number.isFinite(first)) value = first;
  } catch {
    value = null;
  }
  return remember(values, phrase, value);
}

const proper = new Map<string, boolean>();

/** Whether compromise knows a capitalized word as a name ("Putin", "Vance"), not a common word ("Inspectors"). */
export function isProperNoun(word: string): boolean {
  const cached = proper.get(word);
  if (cached !== undefined) return cached;
  let yes = false;
  try {
    yes = nlp(word.slice(0, 100)).has('(#ProperNoun|#Person|#Place|#Organization)');
  } catch {
    yes = false;
  }
  return remember(proper, word, yes);
}
