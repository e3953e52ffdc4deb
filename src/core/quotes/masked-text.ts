// The text attribution reads: words and sentences of a text whose quotations are blanked out, so that a full stop or
// a name inside a quotation never ends a sentence or becomes a speaker.

import type { Quotation } from './find-quotations';

const WORD_RE = /[\p{L}\p{M}][\p{L}\p{M}\p{N}'’.-]*/gu;
/** A sentence ends at . ! or ? (after closing marks) before a capital, a digit or an opening mark. */
const SENTENCE_END = /[.!?][”"’)]*\s+(?=[“"‘(]?[\p{Lu}\p{N}]|\u2060)/gu;
const ABBREVIATIONS = new Set(
  'mr mrs ms dr sen sens rep reps gov gen lt col sgt capt st jr sr prof rev mt no vs ft gov atty supt cmdr adm maj pres sec dept corp inc co ltd u.s a.m p.m'.split(' '),
);

/** Sentence ends in a stretch of (masked) text, not after "Sen." or an initial. */
export function sentenceEnds(text: string): number[] {
  const out: number[] = [];
  for (const m of text.matchAll(SENTENCE_END)) {
    const i = m.index!;
    if (text[i] === '.') {
      let j = i;
      while (j > 0 && /[\p{L}.]/u.test(text[j - 1]!)) j--;
      const word = text.slice(j, i).toLowerCase();
      // "… from entering the U.S. While Clinton …": an abbreviation before a word that starts sentences ends one.
      const next = /^[\s”"’)]*([\p{L}]+)/u.exec(text.slice(i + 1, i + 24))?.[1];
      const startsSentence = next !== undefined && SENTENCE_STARTERS.has(next);
      // An initial or initials ("J.", "J.J. MacNab") end no sentence either.
      if ((ABBREVIATIONS.has(word) || /^(?:\p{L}\.)*\p{L}$/u.test(word)) && !startsSentence) continue;
    }
    out.push(i + m[0].length);
  }
  return out;
}

/** Capitalized words that start sentences and never follow "Sen." or an initial inside a name. */
export const SENTENCE_STARTERS = new Set('The While But In He She It They We I This That These Those When After Before If As And Yet So However Meanwhile Still'.split(' '));

/** Stands for a masked quotation in a sentence; never a word character. */
export const MASK = '\u2060';

export interface WordAt {
  word: string;
  lower: string;
  start: number;
  end: number;
}

export function wordsIn(text: string, from: number, to: number): WordAt[] {
  const out: WordAt[] = [];
  // Search a slice: on the whole text a regex would run on past `to` through a long masked quotation.
  const end = Math.min(to, text.length);
  if (end <= from) return out;
  const slice = text.slice(from, end);
  const re = WORD_RE;
  re.lastIndex = 0;
  for (let m = re.exec(slice); m; m = re.exec(slice)) {
    let word = m[0].replace(/['’]+$/, '').replace(/['’]s$/, '');
    // Keep the full stop of an abbreviation or initial ("Sen.", "J."), not the one ending a sentence.
    if (word.endsWith('.') && !/^\p{Lu}\p{Ll}{0,3}\.$/u.test(word) && !/\.\p{L}/u.test(word)) word = word.replace(/\.+$/, '');
    if (word.endsWith('-')) word = word.replace(/-+$/, '');
    if (word === '') continue;
    const start = from + m.index;
    out.push({ word, lower: word.toLowerCase(), start, end: start + word.length });
  }
  return out;
}

/**
 * The text with every quotation (marks included) blanked out by MASK; line breaks are kept, and so is a full stop
 * where one ended a sentence inside the quotation ("….” Ochoa said.).
 */
export function maskQuotations(text: string, quotations: readonly Quotation[]): string {
  const parts: string[] = [];
  let last = 0;
  for (const q of quotations) {
    if (q.outer.start < last) continue;
    parts.push(text.slice(last, q.outer.start));
    const raw = text.slice(q.outer.start, q.outer.end);
    let blank = raw.includes('\n') || raw.includes('\r') ? raw.replace(/[^\r\n]/g, MASK) : MASK.repeat(raw.length);
    let e = q.inner.end;
    while (e > q.inner.start && /\s/.test(text[e - 1]!)) e--;
    if (e > q.inner.start && /[.!?]/.test(text[e - 1]!) && blank.length > 0) blank = `${blank.slice(0, -1)}.`;
    parts.push(blank);
    last = q.outer.end;
  }
  parts.push(text.slice(last));
  return parts.join('');
}

/** The first index of a sorted array whose value is at least `value`. */
export function lowerBound(sorted: readonly number[], value: number): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (sorted[mid]! < value) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

export function skipSpaceBack(text: string, pos: number, from: number): number {
  while (pos > from && /\s/.test(text[pos - 1]!)) pos--;
  return pos;
}

export function wordEndingAt(text: string, pos: number, from: number): { word: string; start: number; end: number } | null {
  let start = pos;
  while (start > from && /[\p{L}\p{M}'’]/u.test(text[start - 1]!)) start--;
  return start < pos ? { word: text.slice(start, pos), start, end: pos } : null;
}
