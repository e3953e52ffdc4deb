// The one module that knows compromise (a rule-based English tagger that runs in Node and in the browser).
// It is asked two narrow things: what kind of entity a name is, read from compromise's lexicon and tag set
// (a dictionary look-up per word, no parse: a full parse costs ~2 ms a sentence, with spikes), and the value of
// a number written in words (a parse of that short phrase only). Answers are cached.

import nlp from 'compromise';

export type EntityKind = 'person' | 'place' | 'organisation';

interface Model {
  model: { one: { lexicon: Record<string, string | string[]>; tagSet: Record<string, { parents?: string[] }> } };
}

let model: Model['model']['one'] | null | undefined;
function lexicon(): Model['model']['one'] | null {
  if (model === undefined) {
    try {
      model = (nlp.world() as unknown as Model).model.one;
    } catch {
      model = null;
    }
  }
  return model;
}

/** Every tag of a word in compromise's lexicon, with the tags they descend from ("City" → Place, ProperNoun). */
function tagsOf(word: string): Set<string> {
  const m = lexicon();
  const out = new Set<string>();
  const raw = m?.lexicon[word];
  if (!m || raw === undefined) return out;
  for (const t of Array.isArray(raw) ? raw : [raw]) {
    out.add(t);
    for (const p of m.tagSet[t]?.parents ?? []) out.add(p);
  }
  return out;
}

const kinds = new Map<string, EntityKind | null>();
const values = new Map<string, number | null>();
const proper = new Map<string, boolean>();
const CACHE_LIMIT = 20_000;

function remember<T>(cache: Map<string, T>, key: string, value: T): T {
  if (cache.size >= CACHE_LIMIT) cache.clear();
  cache.set(key, value);
  return value;
}

function kindOfTags(tags: Set<string>): EntityKind | null {
  if (tags.has('Organization')) return 'organisation';
  if (tags.has('Place')) return 'place';
  if (tags.has('Person')) return 'person';
  return null;
}

/** What compromise's lexicon says a name is (person, place or organisation), or null when it does not know. */
export function entityKindOf(name: string): EntityKind | null {
  const cached = kinds.get(name);
  if (cached !== undefined) return cached;
  const lower = name.toLowerCase().replace(/['’]s$/, '');
  let kind = kindOfTags(tagsOf(lower));
  if (!kind) {
    const words = lower.split(/\s+/).filter(Boolean);
    const each = words.map((w) => tagsOf(w));
    if (each.some((t) => t.has('Organization'))) kind = 'organisation';
    else if (words.length > 1 && (each[0]!.has('FirstName') || each[each.length - 1]!.has('LastName'))) kind = 'person';
    else if (words.length === 1) kind = kindOfTags(each[0]!);
  }
  return remember(kinds, name, kind);
}

/** Whether compromise's lexicon knows a capitalized word as a name ("Putin", "Vance"), not a common word. */
export function isProperNoun(word: string): boolean {
  const cached = proper.get(word);
  if (cached !== undefined) return cached;
  const tags = tagsOf(word.toLowerCase());
  return remember(proper, word, tags.has('ProperNoun') || tags.has('Person') || tags.has('Place') || tags.has('Organization'));
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

/** The gender compromise's lexicon gives a first name ("Hillary" → f), or undefined when it gives none. */
export function firstNameGender(word: string): 'm' | 'f' | undefined {
  const tags = tagsOf(word.toLowerCase());
  if (tags.has('MaleName') && !tags.has('FemaleName')) return 'm';
  if (tags.has('FemaleName') && !tags.has('MaleName')) return 'f';
  return undefined;
}
