// A Q&A interview write-up: bold or "Q:" questions, and answers in the first person that never name who speaks
// ("We expect to hire about 150 more people"). A claim reports them as the interviewee's ("Lindqvist said the port
// expected to hire…"), so an answer's passage is taken to name the interviewee, the way a passage that opens with
// "She says" names the person of the sentence before.

import type { Source, Span } from '../types';
import { ROLE_WORDS } from './claim-lexicon';

interface Interview {
  /** Paragraphs from which on the answers start (the first question's). */
  firstQuestion: number;
  /** Paragraph indexes of the questions. */
  questions: Set<number>;
  /**
   * The interviewee's name and the words the lead describes them with (capitalized ones and roles), lower case; and
   * with "~" before them, the words of the body they speak for.
   */
  words: Set<string>;
}

const cache = new WeakMap<Source, Interview | null>();

/** A question paragraph: "**What does it pay for?**", "Q: When will it be finished?", "Q. …". */
function isQuestion(text: string): boolean {
  const t = text.trim();
  if (t.length === 0 || t.length > 600) return false;
  if (/^(?:Q|Question)\s*[:.]\s/.test(t)) return true;
  return /^(?:\*\*|__)[^]*\?\s*(?:\*\*|__)$/.test(t);
}

/** Capitalized words that open sentences or name the outlet are no description of the interviewee. */
const FUNCTION_WORDS = new Set(['the', 'a', 'an', 'in', 'on', 'at', 'after', 'before', 'as', 'and', 'of', 'for', 'with', 'to', 'by', 'from']);

function readInterview(source: Source): Interview | null {
  if (source.text.length > 500_000) return null;
  const paragraphs = source.paragraphs;
  const questions = new Set<number>();
  paragraphs.forEach((p, k) => {
    if (p.start >= source.bodyStart && isQuestion(source.text.slice(p.start, p.end))) questions.add(k);
  });
  if (questions.size < 2) return null;
  const firstQuestion = Math.min(...questions);
  // The lead: the body's paragraphs before the first question, past a heading. The interviewee is the first person
  // it names in full (two or three capitalized words that are not the outlet's).
  const outlet = new Set((source.meta.outlet ?? '').toLowerCase().split(/\s+/));
  for (let k = 0; k < firstQuestion; k++) {
    const p = paragraphs[k]!;
    if (p.start < source.bodyStart) continue;
    const text = source.text.slice(p.start, p.end);
    if (/^\s*#/.test(text)) continue;
    const m = /(?<![\p{L}'’])(\p{Lu}\p{Ll}+)\s(\p{Lu}\p{Ll}+(?:-\p{Lu}\p{Ll}+)?)(?![\p{L}])/u.exec(text);
    if (!m || outlet.has(m[1]!.toLowerCase()) || FUNCTION_WORDS.has(m[1]!.toLowerCase())) continue;
    const words = new Set([m[1]!.toLowerCase(), m[2]!.toLowerCase()]);
    // The sentence that names them describes them: "…, chief executive of the Nordhavn Port Authority".
    const sentence = text.slice(m.index).split(/(?<=[.!?])\s+(?=\p{Lu})/u)[0] ?? '';
    sentence.split(/[\s,;:()"“”]+/).forEach((w) => {
      const word = w.replace(/['’]s$/, '').replace(/[.!?]+$/, '');
      if (word.length > 2 && (/^\p{Lu}\p{Ll}/u.test(word) || ROLE_WORDS.has(word.toLowerCase()))) words.add(word.toLowerCase());
    });
    // "We" is the body they speak for ("We expect to hire…" / "The port expects to hire…"): its name's words, written
    // lower case in a claim ("the port", "the authority"), marked with "~".
    for (const w of [...words]) if (w !== m[1]!.toLowerCase() && w !== m[2]!.toLowerCase() && !ROLE_WORDS.has(w)) words.add(`~${w}`);
    return { firstQuestion, questions, words };
  }
  return null;
}

/**
 * The words that name the interviewee, when the passage is an answer of a Q&A interview (a paragraph after the first
 * question that is no question itself and speaks in the first person), else undefined.
 */
export function interviewSpeakerWords(source: Source, span: Span): Set<string> | undefined {
  let iv = cache.get(source);
  if (iv === undefined) cache.set(source, (iv = readInterview(source)));
  if (!iv) return undefined;
  // The paragraph the passage ends in: an answer taken with its question starts in the question.
  const k = source.paragraphs.findIndex((p) => p.start < span.end && span.end <= p.end);
  if (k < 0 || k <= iv.firstQuestion || iv.questions.has(k)) return undefined;
  // An answer speaks in the first person somewhere in its paragraph ("The quay should be ready in 2028. … I would not
  // promise a date"); a paragraph without one is the write-up's own voice.
  const para = source.text.slice(source.paragraphs[k]!.start, source.paragraphs[k]!.end);
  if (!/(?<![\p{L}])(?:I|[Ww]e|[Oo]ur|us|[Mm]y|me)(?![\p{L}'’])/u.test(para)) return undefined;
  if (/(?<![\p{L}])(?:[Ww]e|[Oo]ur|us)(?![\p{L}'’])/u.test(source.text.slice(span.start, span.end))) return iv.words;
  return new Set([...iv.words].filter((w) => !w.startsWith('~')));
}

/**
 * The sentences of the question an answer's first sentence replies to, when it does ("**When will it be finished?**" |
 * "The quay should be ready in 2028."): an answer leaves out what its question says, and a claim puts it back.
 */
export function questionBefore(source: Source, k: number): number[] | undefined {
  let iv = cache.get(source);
  if (iv === undefined) cache.set(source, (iv = readInterview(source)));
  const here = source.sentences[k];
  if (!iv || !here) return undefined;
  const p = source.paragraphs.findIndex((x) => x.start <= here.start && here.start < x.end);
  // The answer's first sentence, right after the question's paragraph.
  if (p <= 0 || !iv.questions.has(p - 1) || source.sentences[k - 1] === undefined || source.sentences[k - 1]!.start >= source.paragraphs[p]!.start) return undefined;
  const question = source.paragraphs[p - 1]!;
  if (source.sentences[k - 1]!.start < question.start) return undefined;
  const out: number[] = [];
  for (let j = k - 1; j >= 0 && source.sentences[j]!.start >= question.start && out.length < 3; j--) out.unshift(j);
  return out.length > 0 && source.sentences[out[0]! - 1] !== undefined && source.sentences[out[0]! - 1]!.start >= question.start ? undefined : out;
}
