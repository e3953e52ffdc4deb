// Where a quote completion applies: inside a quotation the writer has opened and not yet closed.

import type { Span } from '../types';
import { findQuotations } from '../quotes/find-quotations';
import { findNameRuns, nameKey } from '../quotes/people';
import type { Corpus } from '../corpus/corpus';
import type { QuoteSuggestion } from '../corpus/quote-index';
import { sameperson } from '../quotes/people';

export interface QuoteCompletion {
  /** What the writer typed after the opening mark. */
  typed: string;
  /** The span to replace: the typed words, and a closing mark right after the cursor if the editor auto-closed it. */
  replace: Span;
  openMark: string;
  closeMark: string;
  /** A person named earlier in the same sentence or line, whose quotes rank first. */
  speaker: string | null;
  suggestions: QuoteSuggestion[];
}

const CLOSING: Record<string, string> = { '“': '”', '"': '"', '«': '»', '„': '“', '‘': '’', "'": "'", '‚': '‘', '‹': '›', '‟': '”', '”': '”' };

/** Returns null when the offset is not inside an open quotation. */
export function completeQuotation(index: Corpus, text: string, offset: number, limit = 50): QuoteCompletion | null {
  const head = text.slice(0, offset);
  let paraStart = 0;
  for (const m of head.matchAll(/\r?\n[ \t]*\r?\n/g)) paraStart = m.index! + m[0].length;
  const before = text.slice(paraStart, offset);
  const quotes = findQuotations(before, [{ start: 0, end: before.length }]);
  const last = quotes[quotes.length - 1];
  if (!last || last.closed || last.inner.end !== before.length) return null;
  const openMark = before[last.outer.start]!;
  const closeMark = CLOSING[openMark] ?? openMark;
  const typedStart = paraStart + last.inner.start;
  let replaceEnd = offset;
  // An editor that auto-closes quotes leaves the closing mark right after the cursor; replace through it.
  if (text[offset] !== undefined && '"”»“’\''.includes(text[offset]!) && (text[offset + 1] === undefined || /[\s.,;:!?)]/.test(text[offset + 1]!))) replaceEnd = offset + 1;
  const typed = text.slice(typedStart, offset);
  const speaker = speakerNear(index, before.slice(0, last.outer.start));
  return {
    typed,
    replace: { start: typedStart, end: replaceEnd },
    openMark,
    closeMark,
    speaker,
    suggestions: index.suggest(typed, { speaker, limit }),
  };
}

/** The last person named in the text before the quotation who is a speaker in the sources. */
function speakerNear(index: Corpus, before: string): string | null {
  const sentenceStart = Math.max(before.lastIndexOf('\n') + 1, ...['. ', '! ', '? '].map((p) => (before.lastIndexOf(p) >= 0 ? before.lastIndexOf(p) + 2 : 0)));
  const names = findNameRuns(before, Math.max(0, sentenceStart));
  const bySurname = speakersBySurname(index);
  for (let k = names.length - 1; k >= 0; k--) {
    // The same person always has the same last name part: only those speakers need the full comparison.
    const hit = bySurname.get(surnameOf(names[k]!.name))?.find((s) => sameperson(names[k]!.name, s));
    if (hit) return hit;
  }
  return null;
}

const surnames = new WeakMap<Corpus, Map<string, string[]>>();

function surnameOf(name: string): string {
  const key = nameKey(name);
  return key.slice(key.lastIndexOf(' ') + 1);
}

/** The index's speakers by the last part of their name, built once per index. */
function speakersBySurname(index: Corpus): Map<string, string[]> {
  let map = surnames.get(index);
  if (!map) {
    map = new Map();
    for (const s of index.speakerNames()) {
      const key = surnameOf(s);
      map.set(key, [...(map.get(key) ?? []), s]);
    }
    surnames.set(index, map);
  }
  return map;
}
