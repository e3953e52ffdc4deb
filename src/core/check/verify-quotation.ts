// Decides how faithful one quoted passage is to the sources: the verdicts of the contract (contracts.md).

import type { DiffPart, Omission, PassageMatch, Quote, Span, Verdict } from '../types';
import { foldPunctuation, isNegation, nextWord, type Word } from '../text/words';
import { stemWord } from '../text/stem';
import { alignWords, markSameStems, type Alignment } from './align-words';
import type { Corpus } from '../corpus/corpus';
import type { SourceView } from '../corpus/quote-index';
import { isFunctionWord } from '../corpus/search-terms';

export interface Verification {
  verdict: Verdict;
  match: PassageMatch | null;
  diff: DiffPart[] | null;
  omissions: Omission[];
  /** True when an elision or bracket left out a negation (not, no, never, n't, without…). */
  negationOmitted: boolean;
  /** The span of the quotation's words in the given text (punctuation at either end excluded). */
  wordSpan: Span | null;
  /** True when the match is a whole source quote. */
  wholeQuote: boolean;
}

type Item = { type: 'word'; word: Word } | { type: 'ellipsis' } | { type: 'bracket'; text: string };

const MAX_ELISION_GAP = 60;
const MAX_BRACKET_WORDS = 5;

/** Splits a quotation into words, ellipses (…, ..., [...]) and bracketed insertions ([Russia]). */
export function parseQuotationItems(text: string, from: number, to: number): Item[] {
  const items: Item[] = [];
  let pos = from;
  const ellipsisRe = /\[\s*(?:\.\s*){3}\]|\[\s*…\s*\]|\.\s?\.\s?\.|…/y;
  while (pos < to) {
    ellipsisRe.lastIndex = pos;
    const e = ellipsisRe.exec(text);
    if (e && pos + e[0].length <= to) {
      items.push({ type: 'ellipsis' });
      pos += e[0].length;
      continue;
    }
    if (text[pos] === '[' && !/^\[\p{L}\](?=[\p{L}\p{M}\p{N}])/u.test(text.slice(pos, pos + 4))) {
      const close = text.indexOf(']', pos);
      if (close > pos && close < to) {
        items.push({ type: 'bracket', text: text.slice(pos + 1, close) });
        pos = close + 1;
        continue;
      }
    }
    const next = nextWord(text, pos, to);
    if (!next) break;
    // Punctuation before the word may hide an ellipsis or bracket: only take the word if nothing special precedes.
    const between = text.slice(pos, next.start);
    const special = between.search(/\[|…|\.\s?\.\s?\./);
    if (special >= 0) {
      pos += Math.max(special, 0);
      if (special === 0) pos++;
      continue;
    }
    items.push({ type: 'word', word: next });
    pos = next.end;
  }
  return items;
}

export function verifyQuotation(index: Corpus, text: string, span: Span): Verification {
  const items = parseQuotationItems(text, span.start, span.end);
  const words = items.filter((i): i is Extract<Item, { type: 'word' }> => i.type === 'word').map((i) => i.word);
  const none: Verification = { verdict: 'not-found', match: null, diff: null, omissions: [], negationOmitted: false, wordSpan: null, wholeQuote: false };
  if (words.length === 0) return none;
  const wordSpan = { start: words[0]!.start, end: words[words.length - 1]!.end };
  const keys = words.map((w) => w.key);
  const marked = items.some((i) => i.type !== 'word');

  if (!marked) {
    const exact = bestRun(index, keys);
    if (exact) return { ...fromRun(exact.source, exact.from, exact.to, words, text), wordSpan };
  } else {
    const elided = matchElided(index, items);
    if (elided) return { ...elided, wordSpan };
  }
  const near = nearMiss(index, words, text);
  return near ? { ...near, wordSpan } : { ...none, wordSpan };
}

/** Among the places the words stand, prefer a whole source quote, then a part of one, then the article's text. */
function bestRun(index: Corpus, keys: readonly string[]) {
  let best: { source: SourceView; from: number; to: number; rank: number } | null = null;
  for (const run of index.findRuns(keys)) {
    const q = run.source.quoteContaining(run.from, run.to);
    const rank = q ? (q.from === run.from && q.to === run.to ? 0 : 1) : 2;
    if (!best || rank < best.rank) best = { ...run, rank };
    if (rank === 0) break;
  }
  return best;
}

function fromRun(src: SourceView, from: number, to: number, words: readonly Word[], text: string): Omit<Verification, 'wordSpan'> {
  const q = src.quoteContaining(from, to);
  const whole = q !== null && q.from === from && q.to === to;
  const variant = differsInTypography(src, from, words, text);
  return {
    verdict: variant ? 'variant' : whole ? 'exact' : 'fragment',
    match: passageMatch(src, q?.quote ?? null, from, to, whole),
    diff: null,
    omissions: [],
    negationOmitted: false,
    wholeQuote: whole,
  };
}

/** Case inside the quote, or punctuation between its words, differs (first letter and end punctuation excepted). */
function differsInTypography(src: SourceView, from: number, words: readonly Word[], text: string): boolean {
  for (let k = 0; k < words.length; k++) {
    const s = src.strict(from + k);
    const d = words[k]!.strict;
    if (k === 0 ? s.slice(1) !== d.slice(1) : s !== d) return true;
    if (k > 0 && src.gap(from + k) !== foldPunctuation(text.slice(words[k - 1]!.end, words[k]!.start))) return true;
  }
  return false;
}

function passageMatch(src: SourceView, quote: Quote | null, from: number, to: number, whole: boolean): PassageMatch {
  if (whole && quote) {
    return { sourceId: src.source.meta.id, quoteId: quote.id, speaker: quote.speaker, text: quote.text, offset: { ...quote.offset } };
  }
  const start = src.start(from);
  const end = src.end(Math.max(from, to - 1));
  return {
    sourceId: src.source.meta.id,
    quoteId: quote?.id ?? null,
    speaker: quote?.speaker ?? null,
    text: src.source.text.slice(start, end),
    offset: { start, end },
  };
}

// ---- Elisions and brackets -------------------------------------------------------------------------------------

interface Step {
  kind: 'word' | 'ellipsis' | 'bracket';
  from: number;
  to: number;
  inserted?: string;
}

function matchElided(index: Corpus, items: readonly Item[]): Omit<Verification, 'wordSpan'> | null {
  const firstWord = items.findIndex((i) => i.type === 'word');
  if (firstWord < 0) return null;
  const firstKey = (items[firstWord] as { word: Word }).word.key;
  // Anchor on the rarest word: its few positions say which quotes or paragraphs can hold the pieces.
  const wordItems = items.filter((i): i is Extract<Item, { type: 'word' }> => i.type === 'word');
  let anchor = wordItems[0]!.word.key;
  for (const w of wordItems) if (index.frequencyOf(w.word.key) < index.frequencyOf(anchor)) anchor = w.word.key;
  if (index.frequencyOf(anchor) === 0) return null;
  let best: { src: SourceView; steps: Step[]; inQuote: boolean; gap: number } | null = null;
  const tried = new Set<string>();
  for (const { source: src, at: anchorAt } of index.positionsOf(anchor)) {
    const q = src.quoteContaining(anchorAt);
    const region = q ?? src.paragraphContaining(anchorAt);
    if (!region) continue;
    const regionKey = `${src.base}:${region.from}`;
    if (tried.has(regionKey)) continue;
    tried.add(regionKey);
    for (let at = region.from; at < region.to; at++) {
      if (src.key(at) !== firstKey) continue;
      // Items before the first word (a leading "…" or "[Russia]") consume what stands before it in the region.
      const lead: Step[] = [];
      for (let k = 0; k < firstWord; k++) {
        const it = items[k]!;
        const take = it.type === 'bracket' && at > region.from ? 1 : 0;
        lead.push({ kind: it.type === 'bracket' ? 'bracket' : 'ellipsis', from: at - take, to: at, ...(it.type === 'bracket' ? { inserted: it.text } : {}) });
      }
      const steps = matchFrom(src, items, firstWord, at, region.to);
      if (!steps) continue;
      const all = [...lead, ...steps];
      const gap = all.filter((s) => s.kind !== 'word').reduce((n, s) => n + s.to - s.from, 0);
      const inQuote = q !== null;
      if (!best || (inQuote && !best.inQuote) || (inQuote === best.inQuote && gap < best.gap)) best = { src, steps: all, inQuote, gap };
    }
  }
  if (!best) return null;
  const { src, steps } = best;
  const from = steps[0]!.from;
  const to = steps[steps.length - 1]!.to;
  const q = src.quoteContaining(from, Math.max(to, from + 1));
  const omissions: Omission[] = steps
    .filter((s) => s.kind !== 'word')
    .map((s) => ({
      kind: s.kind as 'ellipsis' | 'bracket',
      sourceText: src.textOf(s.from, s.to),
      ...(s.inserted !== undefined ? { insertedText: s.inserted } : {}),
    }));
  const negationOmitted = steps.some((s) => {
    if (s.kind === 'word') return false;
    for (let k = s.from; k < s.to; k++) if (isNegation(src.key(k))) return true;
    return false;
  });
  return {
    verdict: 'elided',
    match: passageMatch(src, q?.quote ?? null, from, Math.max(to, from + 1), false),
    diff: null,
    omissions,
    negationOmitted,
    wholeQuote: false,
  };
}

/** Matches items[i…] from source word `j`, preferring the shortest omissions. Memoised on failures. */
function matchFrom(src: SourceView, items: readonly Item[], i0: number, j0: number, limit: number): Step[] | null {
  const failed = new Set<number>();
  const width = limit + 1;
  const go = (i: number, j: number): Step[] | null => {
    if (i === items.length) return [];
    const key = i * width + j;
    if (failed.has(key)) return null;
    const it = items[i]!;
    if (it.type === 'word') {
      if (j < limit && src.key(j) === it.word.key) {
        const rest = go(i + 1, j + 1);
        if (rest) return [{ kind: 'word', from: j, to: j + 1 }, ...rest];
      }
    } else {
      const last = i === items.length - 1;
      const max = it.type === 'ellipsis' ? MAX_ELISION_GAP : MAX_BRACKET_WORDS;
      // A trailing ellipsis or bracket stands for what follows; it consumes nothing unless a bracket replaces a word.
      const upTo = last ? Math.min(it.type === 'bracket' ? 1 : 0, limit - j) : Math.min(max, limit - j);
      for (let k = 0; k <= upTo; k++) {
        const rest = go(i + 1, j + k);
        if (rest) return [{ kind: it.type, from: j, to: j + k, ...(it.type === 'bracket' ? { inserted: it.text } : {}) }, ...rest];
      }
    }
    failed.add(key);
    return null;
  };
  return go(i0, j0);
}

// ---- Near misses -----------------------------------------------------------------------------------------------

/** Alignment is O(n·m): quotations and windows beyond these sizes are not aligned word by word. */
const MAX_ALIGN_WORDS = 400;
const MAX_ALIGN_WINDOW = 1200;
/** Quotations longer than this (one stretch of candidatePassages) get a second look by the words of each stretch. */
const STRETCHES_FROM_WORDS = 8;

function firstShared(src: SourceView, from: number, to: number, keys: readonly string[]): number {
  const wanted = new Set(keys);
  for (let k = from; k < to; k++) if (wanted.has(src.key(k))) return k;
  return -1;
}

function nearMiss(index: Corpus, words: readonly Word[], text: string): Omit<Verification, 'wordSpan'> | null {
  const keys = words.map((w) => w.key);
  const n = keys.length;
  // A quotation this long is checked for exact words and elisions only.
  if (n > MAX_ALIGN_WORDS) return null;
  const contentWords = keys.filter((k) => !isFunctionWord(k)).length;
  type Best = { src: SourceView; a: Alignment; q: ReturnType<SourceView['quoteContaining']>; whole: boolean; extension: boolean; score: number };
  const closest = (wholeQuotation: boolean): Best | null => {
    let best: Best | null = null;
    for (const p of index.candidatePassages(keys, text.slice(words[0]!.start, words[words.length - 1]!.end), 8, wholeQuotation)) {
      // Align against the passage with some room around it, so a quote that runs past a sentence still aligns.
      const pad = p.quote ? 0 : 20;
      let from = Math.max(0, p.from - pad);
      let to = Math.min(p.source.length, p.to + pad);
      if (to - from > MAX_ALIGN_WINDOW) {
        // A very long passage (a transcript-sized quote): align only around where the quotation's words are.
        const at = firstShared(p.source, from, to, keys);
        if (at < 0) continue;
        from = Math.max(from, at - n - 20);
        to = Math.min(to, at + 2 * n + 20);
      }
      const window: string[] = [];
      for (let k = from; k < to; k++) window.push(p.source.key(k));
      // Stems let a reworded quote that changes word forms (border → borders, commit → committing) still count as
      // close; the diff still shows each changed form.
      const raw = markSameStems(alignWords(keys, window, p.to - from), keys, (s) => window[s]!, stemWord);
      const a: Alignment = { ...raw, sFrom: raw.sFrom + from, sTo: raw.sTo + from, ops: raw.ops.map((o) => ('s' in o ? { ...o, s: o.s + from } : o)) };
      const src = p.source;
      const q = a.sTo > a.sFrom ? src.quoteContaining(a.sFrom, a.sTo) : null;
      const whole = q !== null && q.from === a.sFrom && q.to === a.sTo;
      const extension = isExtension(a, whole);
      const span = a.sTo - a.sFrom;
      const similar = a.equal + a.sameStem;
      // Shared function words alone ("the … of the …") do not make two passages close.
      const sharedContent = a.ops.filter((o) => (o.op === 'equal' || (o.op === 'substitute' && o.sameStem)) && !isFunctionWord(keys[o.d]!)).length;
      const contentClose = sharedContent >= 1 && (contentWords <= 1 || sharedContent / contentWords >= 0.4);
      const close = similar >= Math.min(3, n) && similar / n >= 0.5 && similar / Math.max(1, span) >= 0.5 && contentClose;
      if (!extension && !close) continue;
      // Words added around an unbroken source passage are what extends-source reports, not errors against it.
      const score = extension ? a.equal : a.equal + a.sameStem / 2 - a.cost;
      if (!best || score > best.score || (score === best.score && q && !best.q)) best = { src, a, q, whole, extension, score };
    }
    return best;
  };
  // The quotation's rarest words pick the passages first; when none is close, the rarest of each stretch of it
  // (a long quotation whose source part comes at its end, while its opening shares rare words elsewhere).
  const best = closest(false) ?? (n > STRETCHES_FROM_WORDS ? closest(true) : null);
  if (!best) return null;
  const { src, a, q, whole, extension } = best;
  return {
    verdict: extension ? 'extends-source' : 'misquote',
    match: passageMatch(src, q?.quote ?? null, a.sFrom, a.sTo, whole),
    diff: buildDiff(a, words, src, text),
    omissions: [],
    negationOmitted: false,
    wholeQuote: whole,
  };
}

/** Words added only before and/or after an unbroken run of the source's words, which is a quote or 4+ words long. */
function isExtension(a: Alignment, wholeQuote: boolean): boolean {
  const first = a.ops.findIndex((o) => o.op !== 'insert');
  let last = a.ops.length - 1;
  while (last >= 0 && a.ops[last]!.op === 'insert') last--;
  if (first < 0 || (first === 0 && last === a.ops.length - 1)) return false;
  const core = a.ops.slice(first, last + 1);
  return core.every((o) => o.op === 'equal') && ((wholeQuote && core.length >= 2) || core.length >= 4);
}

function buildDiff(a: Alignment, words: readonly Word[], src: SourceView, text: string): DiffPart[] {
  // Runs of one kind become one part, sliced from the text so hyphens and apostrophes stay as written.
  type Run = { op: DiffPart['op']; from: number; to: number };
  const parts: DiffPart[] = [];
  let deleted: Run | null = null;
  let inserted: Run | null = null;
  let equal: Run | null = null;
  const sourceText = (r: Run) => src.textOf(r.from, r.to + 1);
  const draftText = (r: Run) => text.slice(words[r.from]!.start, words[r.to]!.end);
  const emit = (r: Run | null, slice: (r: Run) => string) => {
    if (r) parts.push({ op: r.op, text: slice(r) });
  };
  // Within one change the source's words come first, as a reader expects "was X, now Y".
  const flushChange = () => {
    emit(deleted, sourceText);
    emit(inserted, draftText);
    deleted = inserted = null;
  };
  const extend = (r: Run | null, op: DiffPart['op'], k: number): Run => (r ? { ...r, to: k } : { op, from: k, to: k });
  for (const o of a.ops) {
    if (o.op === 'equal') {
      flushChange();
      equal = extend(equal, 'equal', o.s);
      continue;
    }
    emit(equal, sourceText);
    equal = null;
    if (o.op !== 'insert') deleted = extend(deleted, 'delete', o.s);
    if (o.op !== 'delete') inserted = extend(inserted, 'insert', o.d);
  }
  emit(equal, sourceText);
  flushChange();
  return parts;
}
