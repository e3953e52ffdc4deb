// One sentence (a draft claim or a source sentence) as the claim check sees it: words with their lemmas and
// synonym groups, the numbers, dates and names it states, and the cues that hedge, negate or quantify.

import type { Span } from '../types';
import { tokenizeWords } from '../text/words';
import { stemWord } from '../text/stem';
import { nameKey } from '../quotes/people';
import { TITLE_WORDS, NAME_PARTICLES, SPEECH_VERBS } from '../quotes/lexicon';
import {
  AUXILIARIES,
  FUTURE_CUES,
  IRREGULAR_LEMMAS,
  MODALITY,
  MODAL_ADVERBS,
  MONTHS,
  MONTH_ABBREVIATIONS,
  NEGATIONS,
  ORGANISATION_WORDS,
  QUANTIFIERS,
  STOP_WORDS,
  WEEKDAYS,
  aliasGroup,
  hasAntonym,
  synonymEntries,
  synonymGroup,
} from './claim-lexicon';
import { isProperNoun, numberFromWords } from '../text/nlp';

export interface Token {
  /** Lower case, apostrophes folded, a possessive 's removed. */
  key: string;
  lemma: string;
  /** Interned ids of key and lemma (integer comparison in the hot loop), and the name key of a capitalized word. */
  kid: number;
  lid: number;
  nk: string;
  /** The word or its lemma has an antonym in the lexicon. */
  ant: boolean;
  group: number;
  alias: number;
  start: number;
  end: number;
  /** Capitalized and not just because it starts the sentence. */
  cap: boolean;
  /** Capitalized at the sentence's start, not known to be a name, and not a function word: maybe a name ("Zelensky said"). */
  initial: boolean;
  stop: boolean;
  /** Part of a number or a date: compared as a value, not as a word. */
  value: boolean;
  negation: boolean;
  modality: string | null;
  quantifier: string | null;
}

export interface NumberMention extends Span {
  values: number[];
  /** "nearly 3" (under), "about 3" (about), "more than 3" (over). */
  approx: 'under' | 'about' | 'over' | null;
  /** "in its fourth year": a duration in (n - 1, n]. */
  ordinal: boolean;
  unit: string | null;
  /** Where the hedge before it starts ("nearly three"), else the number's start. */
  outerStart: number;
}

export interface DateMention extends Span {
  weekday: number | null;
  month: number | null;
  day: number | null;
  year: number | null;
  /** "last month" (-1), "this month" (0), "next month" (1): a month counted from the source's date. */
  monthOffset?: number;
  /** "last year" (-1), "this year" (0), "next year" (1): a year counted from the source's date. */
  yearOffset?: number;
  /** "yesterday" (-1), "today" or "this afternoon" (0), "tomorrow" (1): a day counted from the source's date. */
  dayOffset?: number;
  /** The sentence looks forward ("will meet on Thursday"). */
  future: boolean;
}

export interface EntityRun {
  from: number;
  to: number;
  /** A title or role stood before it ("Mayor", "Ms"). */
  titled: boolean;
  /** A capitalized first word that may or may not be a name. */
  initial?: boolean;
}

export interface Analysis {
  text: string;
  span: Span;
  tokens: Token[];
  numbers: NumberMention[];
  dates: DateMention[];
  entities: EntityRun[];
}

const REFUSALS = new Set(['declined', 'declines', 'decline', 'refused', 'refuses', 'refuse', 'failed', 'fails', 'fail', 'yet', 'unable']);

/** Verbs that keep someone from doing a thing: "barred both sides from moving" says "not to move". */
const PREVENTIONS = new Set(
  'bar bars barred barring prevent prevents prevented preventing prohibit prohibits prohibited forbid forbids forbade forbidden ban bans banned stop stops stopped block blocks blocked refrain refrains refrained keep keeps kept'.split(
    ' ',
  ),
);

/** Whether "from" at k closes a prevention ("barred both sides from"), the verb at most four words back. */
function preventsAt(raw: readonly { key: string }[], k: number): boolean {
  if (raw[k]?.key !== 'from' || !/ing$/.test(raw[k + 1]?.key ?? '')) return false;
  for (let j = k - 1; j >= Math.max(0, k - 4); j--) if (PREVENTIONS.has(raw[j]!.key)) return true;
  return false;
}

/** Units of time a rate is counted in ("a day", "every week", "per hour"). */
const TIME_UNITS = new Set(
  'second seconds minute minutes hour hours day days night nights morning evening week weeks weekend month months quarter quarters year years season seasons shift shifts'.split(
    ' ',
  ),
);

/** Whether the words from k name a unit of time, past a count ("every day", "every two weeks", "each 12 months"). */
function isRateUnit(raw: readonly { key: string }[], k: number): boolean {
  const next = raw[k]?.key ?? '';
  if (TIME_UNITS.has(next)) return true;
  return (/^\d+$/.test(next) || NUMBER_WORDS_TO_TWELVE.has(next)) && TIME_UNITS.has(raw[k + 1]?.key ?? '');
}

const NUMBER_WORDS_TO_TWELVE = new Set('two three four five six seven eight nine ten eleven twelve few couple'.split(' '));

const interned = new Map<string, number>();
function intern(s: string): number {
  let id = interned.get(s);
  if (id === undefined) {
    if (interned.size > 200_000) interned.clear();
    interned.set(s, (id = interned.size + 1));
  }
  return id;
}

const lemmas = new Map<string, string>();

export function lemmaOf(key: string): string {
  let l = lemmas.get(key);
  if (l === undefined) {
    l = IRREGULAR_LEMMAS.get(key) ?? stemWord(key);
    if (lemmas.size > 50_000) lemmas.clear();
    lemmas.set(key, l);
  }
  return l;
}

const stemGroups = new Map<string, number>();
/** Words after a verb of saying that make it say nothing: "pleaded guilty", "called for", "asked out". */
const NOT_SAYING = new Set(['guilty', 'innocent', 'not', 'no', 'for', 'on', 'off', 'up', 'out', 'back', 'in', 'into']);

function groupOf(key: string, lemma: string, next?: string): number {
  const g = synonymGroup(key);
  if (g >= 0) return g;
  const h = synonymGroup(lemma);
  if (h >= 0) return h;
  const stemmed = stemGroups.get(lemma);
  if (stemmed !== undefined) return stemmed;
  // Any verb of saying the attribution lexicon knows ("called the target too weak", "argued") reports what "said" does.
  return SPEECH_VERBS.has(key) && !NOT_SAYING.has(next ?? '') ? SAY_GROUP : -1;
}
const SAY_GROUP = synonymGroup('say');
// The synonym lists hold base forms; their stems meet inflected words ("offered" → "offer").
for (const [w, g] of synonymEntries()) if (!stemGroups.has(stemWord(w))) stemGroups.set(stemWord(w), g);

const NUMBER_WORD =
  '(?:zero|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety|hundred|thousand|million|billion|half|quarter|third|fifth|sixth|seventh|eighth|ninth|tenth|dozen|first|second|fourth|twentieth)';
const WORD_NUMBER_RE = new RegExp(`\\b(?:(?:a|an|one)[\\s-]+)?${NUMBER_WORD}(?:(?:[\\s-]+(?:and[\\s-]+)?(?:a[\\s-]+)?)${NUMBER_WORD})*\\b`, 'gi');
const DIGIT_NUMBER_RE =
  /([$£€])?\s?(\d{1,3}(?:,\d{3})+|\d+(?:\.\d+)?)(?:(?:\s|-)(\d)\/(\d)\b|([½¼¾⅓⅔]))?(?:\s?(million|billion|thousand|bn|m|k)\b)?(\s?(?:%|per\s?cent\b|percent\b))?/gi;
const ONE_TO_TEN = ['one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine', 'ten'];
const FRACTIONS: Record<string, number> = { '½': 0.5, '¼': 0.25, '¾': 0.75, '⅓': 1 / 3, '⅔': 2 / 3 };
const FRACTION_WORDS: Record<string, number> = { half: 0.5, quarter: 0.25, third: 1 / 3, fifth: 0.2, tenth: 0.1 };
const SCALE: Record<string, number> = { million: 1e6, m: 1e6, billion: 1e9, bn: 1e9, thousand: 1e3, k: 1e3 };
const MONTH_RE = new RegExp(`\\b(${MONTHS.join('|')}|${[...MONTH_ABBREVIATIONS.keys()].join('|')})\\b\\.?(?:\\s+(\\d{1,2})(?:st|nd|rd|th)?\\b)?`, 'gi');
const DAY_MONTH_RE = new RegExp(`\\b(\\d{1,2})(?:st|nd|rd|th)?\\s+(${MONTHS.join('|')})\\b`, 'gi');
const WEEKDAY_RE = new RegExp(`\\b(${WEEKDAYS.join('|')})(?:['’]s)?\\b`, 'gi');
const YEAR_RE = /\b(1[89]\d\d|20\d\d)\b/g;

const inAny = (spans: readonly Span[], start: number, end: number) => spans.some((s) => start < s.end && end > s.start);

/** The words of text[span], with dotted abbreviations of countries read as one word ("U.S." is "US"). */
function wordsOf(text: string, span: Span): ReturnType<typeof tokenizeWords> {
  const slice = text.slice(span.start, span.end);
  if (!/\b[A-Z]\.[A-Z]\./.test(slice)) return tokenizeWords(text, span.start, span.end);
  const joined = slice.replace(/\b([A-Z])\.([A-Z])\.(?:([A-Z])\.)?/g, (m, a: string, b: string, c: string | undefined) => `${a}${b}${c ?? ''}`.padEnd(m.length, ' '));
  return tokenizeWords(joined).map((w) => {
    const dotted = /^[A-Z]\.[A-Z]\.(?:[A-Z]\.)?/.exec(slice.slice(w.start));
    return { ...w, start: w.start + span.start, end: (dotted ? w.start + dotted[0].length : w.end) + span.start };
  });
}

/** Analyses text[span], leaving out the words inside `exclude` (a draft's quotations). */
export function analyzeText(text: string, span: Span, exclude: readonly Span[] = [], names: NameTest = defaultNameTest(text)): Analysis {
  const raw = wordsOf(text, span).filter((w) => !inAny(exclude, w.start, w.end));
  // A dateline says when the story was filed, not when its facts happened: "STRASBOURG, 27 November (CPA) – …",
  // "LONDON, June 12 (Northern Wire) - …". Its words stay; its date and numbers are no facts.
  const dateline = /^\p{Lu}[\p{Lu}\s.'-]+,\s[^–—\n]{1,40}?(?:\([^)]{1,40}\)\s*)?[–—-]\s/u.exec(text.slice(span.start, Math.min(span.end, span.start + 120)));
  // Nor is a live blog's time stamp opening a post ("**16:45** More than 48,000 homes …").
  const stamp = /^\s*(?:\*\*|__)?\d{1,2}[:.]\d{2}(?:\s?(?:[ap]\.?m\.?|BST|GMT|CET|CEST|ET|EDT|EST|PT|UTC))?(?:\*\*|__)?\s/iu.exec(
    text.slice(span.start, Math.min(span.end, span.start + 40)),
  );
  const lead = dateline ? dateline[0].length : stamp ? stamp[0].length : 0;
  const valueExclude = lead > 0 ? [...exclude, { start: span.start, end: span.start + lead }] : exclude;
  const dates = findDates(text, span, valueExclude);
  const numbers = findNumbers(text, span, valueExclude, dates);
  const valueSpans: Span[] = [...dates, ...numbers];
  const tokens: Token[] = raw.map((w, k) => {
    const key = w.key.endsWith("'s") ? w.key.slice(0, -2) : w.key;
    // "US" is the country, not the pronoun.
    const stopWord =
      (STOP_WORDS.has(key) && !(w.strict.length > 1 && w.strict === w.strict.toUpperCase())) ||
      (NAME_PARTICLES.has(w.strict) && (/^\p{Lu}/u.test(raw[k + 1]?.strict ?? '') || (NAME_PARTICLES.has(raw[k + 1]?.strict ?? '') && /^\p{Lu}/u.test(raw[k + 2]?.strict ?? ''))));
    const lemma = stopWord ? (IRREGULAR_LEMMAS.get(key) ?? key) : lemmaOf(key);
    const c0 = w.strict.charCodeAt(0);
    const upper = c0 >= 65 && c0 <= 90 ? true : c0 < 128 ? false : /^\p{Lu}/u.test(w.strict);
    // Whether the word opens a sentence (or a quotation): only asked of capitalized words.
    const first = upper && (k === 0 || /[.!?:]["”’)]*\s*$|^\s*["“]/.test(text.slice(raw[k - 1]!.end, w.start)));
    // "every day", "each week", "every two hours": a rate or a frequency ("1,100 tonnes every day" says "a day"), not a
    // whole. Read so on both sides alike, whatever stands before.
    const rate = (key === 'every' || key === 'each') && isRateUnit(raw, k + 1);
    const stop = stopWord || rate;
    // "Q3" names a quarter, not a body: a plain word.
    const isCap =
      !/^q[1-4]$/.test(key) &&
      upper &&
      (!first || (!stop && !QUANTIFIERS.has(key) && (!/^\p{Lu}\p{Ll}+$/u.test(w.strict) || names(w.strict))) || isKnownProperStart(w.strict, raw[k + 1]?.strict));
    return {
      key,
      lemma,
      kid: intern(key),
      lid: intern(lemma),
      nk: upper ? nameKey(key) : '',
      ant: hasAntonym(key) || hasAntonym(lemma),
      group: groupOf(key, lemma, raw[k + 1]?.key),
      alias: aliasGroup(key, k + 1 < raw.length ? raw[k + 1]!.key : undefined),
      start: w.start,
      end: w.end,
      cap: isCap,
      initial: !isCap && upper && !stop && !QUANTIFIERS.has(key),
      stop,
      value: inAny(valueSpans, w.start, w.end),
      // "declined to say" says what "did not say" says.
      // "a years-long betrayal rather than a momentary lapse" says "not a momentary lapse".
      negation:
        NEGATIONS.has(key) ||
        key.endsWith("n't") ||
        (REFUSALS.has(key) && raw[k + 1]?.key === 'to') ||
        preventsAt(raw, k) ||
        (key === 'than' && raw[k - 1]?.key === 'rather') ||
        (key === 'of' && raw[k - 1]?.key === 'instead'),
      modality: MODALITY.get(key) ?? null,
      quantifier: rate ? null : (QUANTIFIERS.get(key) ?? null),
    };
  });
  // The second word of a two-word alias ("United States") belongs to it too.
  for (let k = 1; k < tokens.length; k++) {
    const g = aliasGroup(tokens[k - 1]!.key, tokens[k]!.key);
    if (g >= 0 && aliasGroup(tokens[k - 1]!.key) !== g) tokens[k]!.alias = g;
  }
  return { text, span, tokens, numbers, dates, entities: findEntities(text, tokens) };
}

/** Whether a capitalized word at a sentence start is a name. */
export type NameTest = (word: string) => boolean;

/**
 * A name if the text also capitalizes it mid-sentence, or (for a draft's short text, `askLexicon`) if compromise
 * knows it as one.
 */
export function defaultNameTest(text: string, askLexicon = true): NameTest {
  const seen = new Map<string, boolean>();
  return (word) => {
    let yes = seen.get(word);
    if (yes === undefined) {
      let at = text.length > 200_000 ? -1 : text.indexOf(word);
      yes = false;
      for (let n = 0; at >= 0 && !yes && n < 1_000; n++) {
        // Mid-sentence: after a lower-case letter, a digit or a comma, and a space.
        yes = at >= 2 && text[at - 1] === ' ' && /[\p{Ll}\d,;]/u.test(text[at - 2]!) && !/[\p{L}]/u.test(text[at + word.length] ?? '');
        at = text.indexOf(word, at + 1);
      }
      if (!yes && askLexicon) yes = isProperNoun(word);
      seen.set(word, yes);
    }
    return yes;
  };
}

/** A capitalized sentence start that is a name: followed by another capitalized word ("Steve Witkoff said"). */
function isKnownProperStart(word: string, next: string | undefined): boolean {
  return !STOP_WORDS.has(word.toLowerCase()) && next !== undefined && /^\p{Lu}/u.test(next) && !TITLE_WORDS.has(word);
}

function findDates(text: string, span: Span, exclude: readonly Span[]): DateMention[] {
  const slice = text.slice(span.start, span.end);
  const out: DateMention[] = [];
  // A weekday looks forward when its own clause does ("will meet on Thursday"), not when another clause of the
  // sentence does ("voted on Tuesday night to close …, a decision that will move …").
  const futureAt = (start: number, end: number): boolean => {
    const before = text.slice(span.start, start);
    const after = text.slice(end, span.end);
    const from = Math.max(-1, ...[...before.matchAll(/[,;:—–()]/g)].map((m) => m.index));
    const to = after.search(/[,;:—–()]/);
    const clause = `${before.slice(from + 1)} ${to < 0 ? after : after.slice(0, to)}`;
    return clause.split(/\s+/).some((w) => FUTURE_CUES.has(w.toLowerCase().replace(/[^a-z]/g, '')));
  };
  const push = (d: Omit<DateMention, 'future'>) => {
    if (!inAny(exclude, d.start, d.end) && !inAny(out, d.start, d.end)) out.push({ ...d, future: futureAt(d.start, d.end) });
  };
  for (const m of slice.matchAll(DAY_MONTH_RE)) {
    const start = span.start + m.index;
    push({ start, end: start + m[0].length, weekday: null, month: MONTHS.indexOf(m[2]!.toLowerCase()), day: Number(m[1]), year: null });
  }
  for (const m of slice.matchAll(MONTH_RE)) {
    const word = m[1]!.toLowerCase();
    // "may" is a month only when a day follows or it is capitalized mid-sentence.
    if (m[1] === 'may') continue;
    const month = MONTHS.includes(word) ? MONTHS.indexOf(word) : MONTH_ABBREVIATIONS.get(word)!;
    if (MONTH_ABBREVIATIONS.has(word) && !m[2]) continue;
    const start = span.start + m.index;
    // The full stop after a full month name ends the sentence; only an abbreviation keeps it ("Sept.").
    const length = !m[2] && MONTHS.includes(word) && m[0].endsWith('.') ? m[0].length - 1 : m[0].length;
    push({ start, end: start + length, weekday: null, month, day: m[2] ? Number(m[2]) : null, year: null });
  }
  for (const m of slice.matchAll(WEEKDAY_RE)) {
    const start = span.start + m.index;
    // "Fox News Sunday" is a programme, not a day.
    if (/\b(?:news|show|times|post)\s+$/i.test(slice.slice(Math.max(0, m.index - 8), m.index))) continue;
    push({ start, end: start + m[0].length, weekday: WEEKDAYS.indexOf(m[1]!.toLowerCase()), month: null, day: null, year: null });
  }
  for (const m of slice.matchAll(YEAR_RE)) {
    const start = span.start + m.index;
    if (/[$£€]\s?$/.test(slice.slice(0, m.index)) || /^,\d/.test(slice.slice(m.index + 4))) continue;
    push({ start, end: start + 4, weekday: null, month: null, day: null, year: Number(m[1]) });
  }
  for (const m of slice.matchAll(/\b(last|this|next|previous|past)\s+month\b/gi)) {
    const start = span.start + m.index;
    const word = m[1]!.toLowerCase();
    push({ start, end: start + m[0].length, weekday: null, month: null, day: null, year: null, monthOffset: word === 'this' ? 0 : word === 'next' ? 1 : -1 });
  }
  for (const m of slice.matchAll(/\b(last|this|next)\s+year\b/gi)) {
    const start = span.start + m.index;
    const word = m[1]!.toLowerCase();
    push({ start, end: start + m[0].length, weekday: null, month: null, day: null, year: null, yearOffset: word === 'this' ? 0 : word === 'next' ? 1 : -1 });
  }
  // "this afternoon", "today", "yesterday": a day counted from the source's date (a live blog's "this afternoon").
  for (const m of slice.matchAll(/\b(today|tonight|yesterday|tomorrow|this\s+(?:morning|afternoon|evening))\b/gi)) {
    const start = span.start + m.index;
    const word = m[1]!.toLowerCase();
    push({ start, end: start + m[0].length, weekday: null, month: null, day: null, year: null, dayOffset: word === 'yesterday' ? -1 : word === 'tomorrow' ? 1 : 0 });
  }
  return out.sort((a, b) => a.start - b.start);
}

const APPROX: [RegExp, NumberMention['approx']][] = [
  [/\b(?:nearly|almost|just under|less than|fewer than|under)\s*$/i, 'under'],
  [/\b(?:about|around|roughly|approximately|some|close to|an estimated|estimated)\s*$/i, 'about'],
  [/\b(?:more than|over|at least|above|upwards of)\s*$/i, 'over'],
];

function approxBefore(before: string): { approx: NumberMention['approx']; length: number } {
  // Past a currency's country letters: "less than US$40", "about A$3 million".
  const letters = /(?<=\s)(?:US|USD|A|AU|C|CA|NZ|HK|S)$/.exec(before);
  if (letters) before = before.slice(0, letters.index);
  for (const [re, approx] of APPROX) {
    const m = re.exec(before);
    if (m && letters) return { approx, length: before.length + letters[0].length - m.index };
    if (m) return { approx, length: before.length - m.index };
  }
  return { approx: null, length: 0 };
}

function findNumbers(text: string, span: Span, exclude: readonly Span[], dates: readonly DateMention[]): NumberMention[] {
  const slice = text.slice(span.start, span.end);
  const out: NumberMention[] = [];
  const unitAfter = (end: number): string | null => {
    const m = /^[\s-]*([\p{L}]+)/u.exec(text.slice(end, Math.min(span.end, end + 30)));
    return m ? m[1]!.toLowerCase() : null;
  };
  const push = (start: number, end: number, value: number, percent: boolean, ordinal: boolean) => {
    if (inAny(exclude, start, end) || inAny(dates, start, end) || inAny(out, start, end)) return;
    const unit = unitAfter(end);
    // "in the 12 months to June": a reporting period, "the year to June", not a count of months.
    if (
      value === 12 &&
      unit === 'months' &&
      /\bthe\s+$/i.test(text.slice(Math.max(span.start, start - 6), start)) &&
      /^\s*months\s+(?:to|ending|ended|through|until)\b/i.test(text.slice(end, end + 24))
    ) {
      return;
    }
    const values = [value];
    if (percent) values.push(value / 100);
    // 0.2 is 20% ("a fifth" / "20 per cent"); a fraction in words is no count ("a quarter less" is not "25 minutes").
    if (!percent && value > 0 && value <= 1 && !ordinal && /\d/.test(text.slice(start, end))) values.push(value * 100);
    if (unit && /^decades?$/.test(unit)) values.push(value * 10);
    if (unit && /^dozens?$/.test(unit)) values.push(value * 12);
    const hedge = approxBefore(text.slice(Math.max(span.start, start - 20), start));
    out.push({ start, end, values, approx: hedge.approx, ordinal, unit: unit && /^(?:years?|decades?)$/.test(unit) ? 'year' : unit, outerStart: start - hedge.length });
  };
  // "a decade", "a century": ten and a hundred years ("a decade of campaigning" / "ten years of campaigning").
  for (const m of slice.matchAll(/\b(?:a|one)\s+(decade|century)\b/gi)) {
    const start = span.start + m.index;
    const end = start + m[0].length;
    if (inAny(exclude, start, end) || inAny(dates, start, end) || inAny(out, start, end)) continue;
    const value = m[1]!.toLowerCase() === 'decade' ? 10 : 100;
    const hedge = approxBefore(text.slice(Math.max(span.start, start - 20), start));
    out.push({ start, end, values: [value], approx: hedge.approx, ordinal: false, unit: 'year', outerStart: start - hedge.length });
  }
  // "one in five", "2 in 3", "nine out of ten": a share, the same as 20% or a fifth.
  for (const m of slice.matchAll(/\b(one|two|three|four|five|six|seven|eight|nine|\d{1,2})\s+(?:in|out\s+of)\s+(two|three|four|five|six|seven|eight|nine|ten|\d{1,3})\b/gi)) {
    const a = /^\d/.test(m[1]!) ? Number(m[1]) : ONE_TO_TEN.indexOf(m[1]!.toLowerCase()) + 1;
    const b = /^\d/.test(m[2]!) ? Number(m[2]) : ONE_TO_TEN.indexOf(m[2]!.toLowerCase()) + 1;
    if (a > 0 && b > a) push(span.start + m.index, span.start + m.index + m[0].length, a / b, false, false);
  }
  for (const m of slice.matchAll(DIGIT_NUMBER_RE)) {
    const start = span.start + m.index + (m[0].length - m[0].trimStart().length);
    // A digit inside a word is a label, not a count: "Q3", "G7".
    if (!m[1] && /\p{L}$/u.test(text.slice(Math.max(span.start, start - 1), start))) continue;
    let value = Number(m[2]!.replace(/,/g, ''));
    if (!Number.isFinite(value)) continue;
    if (m[3] && m[4] && Number(m[4]) !== 0) value += Number(m[3]) / Number(m[4]);
    if (m[5]) value += FRACTIONS[m[5]] ?? 0;
    if (m[6]) value *= SCALE[m[6].toLowerCase()] ?? 1;
    push(start, span.start + m.index + m[0].length, value, Boolean(m[7]), false);
  }
  for (const m of slice.matchAll(WORD_NUMBER_RE)) {
    const phrase = m[0];
    const lower = phrase.toLowerCase();
    if (/^(?:a|an|one)[\s-]+(?:second|first)$/.test(lower) || lower === 'second' || lower === 'first') continue;
    // "a bigger one", "the one", "no one": a pronoun, not a count.
    if (lower === 'one' && /\b(?:a|an|the|this|that|each|every|no|another|any|which)\s+(?:[\p{L}-]+\s+)?$/iu.test(slice.slice(Math.max(0, m.index - 30), m.index))) continue;
    const value = numberFromWords(lower.replace(/-/g, ' ')) ?? FRACTION_WORDS[lower.replace(/^(?:a|an|one)[\s-]+/, '')] ?? null;
    if (value === null) continue;
    const ordinal = /(?:first|second|fourth|fifth|sixth|seventh|eighth|ninth|tenth|th)$/.test(lower) && !/^(?:a|an|one|two|three|four)\s/.test(lower);
    // "a seven-hour meeting": the article is not part of the number, unless a fraction follows ("a fifth").
    const article = /^(?:a|an)\s+/i.exec(phrase);
    const lead =
      article && !/^(?:a|an)\s+(?:half|quarter|third|fifth|sixth|seventh|eighth|ninth|tenth|dozen|hundred|thousand|million|billion)\b/i.test(phrase) ? article[0].length : 0;
    const start = span.start + m.index + lead;
    const after = text.slice(span.start + m.index + phrase.length, span.start + m.index + phrase.length + 12).toLowerCase();
    const percent = /^\s*(?:%|per\s?cent|percent)/.test(after);
    push(start, span.start + m.index + phrase.length, value, percent, ordinal);
  }
  return out.sort((a, b) => a.start - b.start);
}

/** Holders whose possessive names a body: "Sheriff's Office", "Attorney General's Office", "Children's Hospital". */
const OFFICE_POSSESSIVES = new Set(
  'sheriff mayor governor attorney general prosecutor coroner auditor comptroller treasurer president premier minister chancellor children women men people veterans'.split(' '),
);

// "and" is not one: "Trump and Putin", "Aurora, Lakewood and Denver" are lists of names, far more often than one
// name with "and" inside it.
const CONNECTORS = new Set(['of', 'for', 'the', ...NAME_PARTICLES]);

/** Runs of capitalized words ("Royal Society for the Protection of Birds"), by token index. */
function findEntities(text: string, tokens: readonly Token[]): EntityRun[] {
  const out: EntityRun[] = [];
  let k = 0;
  while (k < tokens.length) {
    if (!tokens[k]!.cap || tokens[k]!.value) {
      k++;
      continue;
    }
    let from = k;
    // Lower-case particles open some names: "von der Leyen".
    while (from > 0 && NAME_PARTICLES.has(tokens[from - 1]!.key) && /^[\s]+$/.test(text.slice(tokens[from - 1]!.end, tokens[from]!.start))) from--;
    let to = k + 1;
    for (;;) {
      const gap = text.slice(tokens[to - 1]!.end, tokens[to]?.start ?? tokens[to - 1]!.end);
      // A plural possessive inside a body's name: "the Slovenian Beekeepers' Association", "Teachers' Union".
      const plural = /^['’]\s+$/.test(gap) && /s$/.test(tokens[to - 1]!.key) && ORGANISATION_WORDS.has(tokens[to]?.key ?? '');
      // An office's possessive inside a body's name: "the El Paso County Sheriff's Office", "Children's Hospital".
      const office = OFFICE_POSSESSIVES.has(tokens[to - 1]!.key) && !!tokens[to]?.cap && ORGANISATION_WORDS.has(tokens[to]!.key) && /^\s+$/.test(gap);
      if (to >= tokens.length || (!/^[\s-]*$/.test(gap) && !plural) || (/['’]s$/.test(text.slice(tokens[to - 1]!.start, tokens[to - 1]!.end)) && !office)) break;
      if (tokens[to]!.cap && !tokens[to]!.value) {
        // A title starts a new name: "European Commission | President Ursula von der Leyen".
        if (TITLE_WORDS.has(text.slice(tokens[to]!.start, tokens[to]!.end)) && !TITLE_WORDS.has(text.slice(tokens[to - 1]!.start, tokens[to - 1]!.end))) break;
        to++;
        continue;
      }
      // Lower-case connectors inside a name, when a capitalized word follows.
      let j = to;
      while (j < tokens.length && CONNECTORS.has(tokens[j]!.key) && !/^\p{Lu}/u.test(text[tokens[j]!.start]!)) j++;
      if (j > to && j < tokens.length && tokens[j]!.cap && /^[\s-]*$/.test(text.slice(tokens[j - 1]!.end, tokens[j]!.start))) {
        to = j + 1;
        continue;
      }
      break;
    }
    const titled = from > 0 && (TITLE_WORDS.has(text.slice(tokens[from - 1]!.start, tokens[from - 1]!.end)) || TITLE_WORDS.has(cap(tokens[from - 1]!.key)));
    out.push({ from, to, titled: titled || TITLE_WORDS.has(text.slice(tokens[from]!.start, tokens[from]!.end)) });
    k = to;
  }
  // "Securities | and | Exchange Commission": one body when the name after "and" ends in a body's word and the name
  // before does not ("Janet Pruitt and Luis Ferreira" stay two).
  for (let n = out.length - 1; n > 0; n--) {
    const a = out[n - 1]!;
    const b = out[n]!;
    const and = tokens[a.to];
    if (b.from !== a.to + 1 || and?.key !== 'and' || a.titled || b.titled) continue;
    if (!/^\s+$/.test(text.slice(tokens[a.to - 1]!.end, and.start)) || !/^\s+$/.test(text.slice(and.end, tokens[b.from]!.start))) continue;
    if (ORGANISATION_WORDS.has(tokens[b.to - 1]!.key) && !ORGANISATION_WORDS.has(tokens[a.to - 1]!.key)) out.splice(n - 1, 2, { from: a.from, to: b.to, titled: false });
  }
  return out;
}

const cap = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

/** Hedges that govern a verb past its subject: "expected cocoa costs to stay high". */
const RAISING = new Set(['expected', 'expects', 'expect', 'likely']);

/** The class of the modal cue that governs token `at`, looking a few words back ("could not afford" → possible). */
export function modalityAt(a: Analysis, at: number): string | null {
  let found: string | null = null;
  let obliged = false;
  for (let k = at - 1; k >= Math.max(0, at - 4); k--) {
    const t = a.tokens[k]!;
    // "will have to cut" says what "must reduce" says; "probably have to" is still a hedge.
    if (t.key === 'to' && ['have', 'has', 'had'].includes(a.tokens[k - 1]?.key ?? '')) {
      obliged = true;
      continue;
    }
    if (t.modality) {
      if (MODAL_ADVERBS.has(t.key)) return t.modality;
      found ??= t.modality;
      continue;
    }
    if (!(AUXILIARIES.has(t.key) || t.negation || t.stop)) break;
  }
  // "may have to pay" hedges the obligation ("must pay" is no "may have to"); "will have to" is one.
  if (obliged) return found === 'possible' || found === 'likely' || found === 'unlikely' ? found : 'obligation';
  // "likely to be installed": the hedge stands before "to be". "expected cocoa costs to stay": before its subject.
  if (!found && a.tokens[at - 1]?.key === 'to') {
    for (let k = at - 2; k >= Math.max(0, at - 6); k--) {
      const t = a.tokens[k]!;
      if (/[,;:.!?]/.test(a.text.slice(t.end, a.tokens[k + 1]!.start))) break;
      if (RAISING.has(t.key)) return t.modality;
    }
  }
  return found;
}

/** Whether token `at` is negated by a cue just before it ("did not elaborate", "would not challenge"). */
export function negatedAt(a: Analysis, at: number): boolean {
  let n = 0;
  let through = false;
  for (let k = at - 1; k >= Math.max(0, at - 5); k--) {
    const t = a.tokens[k]!;
    if (t.negation) n++;
    // Through one verb that takes "to": "not attempting to take" negates "take".
    else if (!through && a.tokens[k + 1]?.key === 'to' && !t.cap && !t.stop && !t.value && /(?:ing|ed)$/.test(t.key)) through = true;
    // "does not have a vote": past the article, to the verb it goes with.
    else if (!(AUXILIARIES.has(t.key) || t.modality || t.key === 'to' || t.key === 'be' || ((t.key === 'a' || t.key === 'an') && k === at - 1))) break;
  }
  return n % 2 === 1;
}

/** Words a quantifier reaches its noun through: "most of the members", "most of them apprenticeships". */
const QUANTIFIER_PATH = new Set(['of', 'the', 'them', 'it', 'these', 'those', 'this', 'that', 'other', 'its', 'their', 'his', 'her', 'our', 'my', 'your']);

/** The quantifier class on a noun ("all of the turbines", "most residents"). */
export function quantifierAt(a: Analysis, at: number): string | null {
  for (let k = at - 1; k >= Math.max(0, at - 4); k--) {
    const t = a.tokens[k]!;
    // "almost all of it", "nearly every": most, not all.
    if (t.quantifier === 'all' && ['almost', 'nearly', 'virtually', 'practically'].includes(a.tokens[k - 1]?.key ?? '')) return 'most';
    if (t.quantifier) return t.quantifier;
    if (!(QUANTIFIER_PATH.has(t.key) || (!t.stop && !t.cap && k === at - 1) || t.cap)) break;
  }
  return null;
}

export { nameKey };
