// The one place the engine stems a word. Porter2 (English) from wink-porter2-stemmer: a small, dependency-free,
// well-kept implementation that runs in Node and in the browser. Callers pass folded lower-case words.
import porter2 from 'wink-porter2-stemmer';

const cache = new Map<string, string>();
const CACHE_LIMIT = 50_000;

/** The Porter2 stem of a lower-case word (`agreed` → `agre`, `borders` → `border`). Digits pass through. */
export function stemWord(word: string): string {
  if (word.length <= 3 || /\d/.test(word)) return word;
  let stem = cache.get(word);
  if (stem === undefined) {
    stem = porter2(word);
    if (cache.size >= CACHE_LIMIT) cache.clear();
    cache.set(word, stem);
  }
  return stem;
}
