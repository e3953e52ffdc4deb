// Who said it: the person named in the attribution ("…,” Witkoff said / Witkoff told CNN, “…” / according to …),
// a pronoun resolved to the person it refers to, or the speaker of the quote just before in the same paragraph.

import type { Attribution, Span } from '../types';
import type { Quotation } from './find-quotations';
import { type NameMention, PersonRegistry } from './people';
import { firstStartingFrom, spanContaining } from '../text/sorted-spans';
import { ADVERBS_BETWEEN, NAME_PARTICLES, OBJECT_TAKING_VERBS, PRONOUNS, SPEECH_VERBS } from './lexicon';

export interface AttributionContext {
  text: string;
  /** Prose paragraphs, in order; headings are flagged so they are never an antecedent. */
  paragraphs: readonly (Span & { heading: boolean })[];
  registry: PersonRegistry;
  /** Every name run of the text, in order. */
  mentions: readonly NameMention[];
}

const WORD_RE = /[\p{L}\p{M}][\p{L}\p{M}'’]*/gu;
const TITLES_BEFORE_NAME = new RegExp(`^(?:(?:[\\p{Lu}][\\p{L}.'’-]*|${[...NAME_PARTICLES].join('|')})\\s+)+$`, 'u');
const SENTENCE_END = /[.!?]["”’)]*\s+(?=["“‘(]?[\p{Lu}\p{N}])/gu;

interface WordAt {
  word: string;
  start: number;
  end: number;
}

function wordsIn(text: string, from: number, to: number): WordAt[] {
  const out: WordAt[] = [];
  WORD_RE.lastIndex = from;
  let m: RegExpExecArray | null;
  while ((m = WORD_RE.exec(text)) !== null && m.index < to) {
    const word = m[0].replace(/['’]+$/, '');
    out.push({ word, start: m.index, end: m.index + word.length });
  }
  return out;
}

/** Attributes each quotation (in order) to a speaker, or null when the text names nobody for it. */
export function attributeQuotations(ctx: AttributionContext, quotations: readonly Quotation[]): (Attribution | null)[] {
  const byEnd = new Map<number, NameMention>();
  const byStart = new Map<number, NameMention>();
  for (const m of ctx.mentions) {
    byEnd.set(m.end, m);
    byStart.set(m.start, m);
  }
  const finder = new Finder(ctx, quotations, byEnd, byStart);
  const results: (Attribution | null)[] = [];
  quotations.forEach((q, k) => {
    const prev = k > 0 && quotations[k - 1]!.paragraphIndex === q.paragraphIndex ? quotations[k - 1]! : null;
    let found = finder.after(q, quotations[k + 1]) ?? finder.before(q, prev);
    if (!found && prev && results[k - 1]) {
      const inherited = results[k - 1]!;
      found = { ...inherited, via: 'inherited' };
    }
    results.push(found);
  });
  return results;
}

class Finder {
  /** The inner spans of the speech quotations, sorted. */
  private readonly speechInner: Span[];

  constructor(
    private readonly ctx: AttributionContext,
    private readonly quotations: readonly Quotation[],
    private readonly byEnd: Map<number, NameMention>,
    private readonly byStart: Map<number, NameMention>,
  ) {
    this.speechInner = quotations.filter((q) => q.kind === 'speech').map((q) => q.inner);
  }

  /** "…,” Witkoff said" / "…,” said Witkoff" / "…,” he said": only when the quote does not end its sentence. */
  after(q: Quotation, next: Quotation | undefined): Attribution | null {
    const { text } = this.ctx;
    const para = this.paragraphOf(q.outer.end - 1);
    const limit = Math.min(para.end, next && next.outer.start > q.outer.end ? next.outer.start : para.end);
    const innerEnd = text.slice(q.inner.start, q.inner.end).trimEnd();
    let pos = q.outer.end;
    while (pos < limit && /[ \t]/.test(text[pos]!)) pos++;
    const commaOutside = text[pos] === ',';
    if (commaOutside) pos++;
    if (!commaOutside && !/[,?!—–-]$/.test(innerEnd)) return null;
    const words = wordsIn(text, pos, Math.min(limit, pos + 160));
    const w0 = words[0];
    if (!w0 || /\S/.test(text.slice(pos, w0.start))) return null;
    // Verb first: "said Witkoff", "said he".
    if (SPEECH_VERBS.has(w0.word.toLowerCase()) && !OBJECT_TAKING_VERBS.has(w0.word.toLowerCase())) {
      const subject = words[1] && this.subjectStartingAt(words[1].start);
      if (subject) return subject;
    }
    const subject = this.subjectStartingAt(w0.start) ?? this.titledSubjectAt(w0.start);
    if (!subject) return null;
    const rest = words.filter((w) => w.start >= subject.span.end);
    let k = 0;
    while (k < 2 && rest[k] && ADVERBS_BETWEEN.has(rest[k]!.word.toLowerCase())) k++;
    const verb = rest[k];
    if (verb && SPEECH_VERBS.has(verb.word.toLowerCase()) && !/[.!?,;:]/.test(text.slice(subject.span.end, verb.start))) return subject;
    return null;
  }

  /** "Witkoff told CNN on Sunday, “…”" / "Witkoff, who …, said “…”" / "according to X" / "Witkoff: “…”". */
  before(q: Quotation, prev: Quotation | null): Attribution | null {
    const { text } = this.ctx;
    const para = this.paragraphOf(q.outer.start);
    let from = Math.max(para.start, prev ? prev.outer.end : para.start);
    const window = text.slice(from, q.outer.start);
    let lastEnd = -1;
    for (const m of window.matchAll(SENTENCE_END)) lastEnd = m.index! + m[0].length;
    if (lastEnd >= 0) from += lastEnd;
    const words = wordsIn(text, from, q.outer.start);
    // "Witkoff: “…”"
    const colon = /([^\s:])\s*:\s*$/.exec(text.slice(from, q.outer.start));
    if (colon) {
      const end = from + colon.index + 1;
      const named = this.subjectEndingAt(end, from);
      if (named) return { ...named, via: 'colon' };
    }
    const viaVerb = this.beforeVerb(words, from, q);
    if (viaVerb !== undefined) return viaVerb;
    // "Guterres struck a cautious tone: “…”": the person the sentence is about.
    if (colon) {
      const { mentions, registry } = this.ctx;
      let subject: NameMention | undefined;
      for (let k = firstStartingFrom(mentions, from); k < mentions.length && mentions[k]!.end <= q.outer.start && !subject; k++) if (registry.isPerson(mentions[k]!)) subject = mentions[k];
      if (subject) return { ...this.named(subject), via: 'colon' };
    }
    return null;
  }

  /** The speaker of the last reporting verb before the quote; undefined when there is no such verb. */
  private beforeVerb(words: readonly WordAt[], from: number, q: Quotation): Attribution | null | undefined {
    const { text } = this.ctx;
    for (let k = words.length - 1; k >= 0; k--) {
      const w = words[k]!;
      const lower = w.word.toLowerCase();
      if (lower === 'to' && words[k - 1]?.word.toLowerCase() === 'according' && words[k + 1]) {
        const named = this.subjectStartingAt(words[k + 1]!.start);
        if (named) return named;
      }
      if (!SPEECH_VERBS.has(lower)) continue;
      const subject = this.subjectBeforeVerb(w.start, from);
      if (subject) return subject;
      // "said Witkoff, “…”": a name right after the verb, then only punctuation up to the quote.
      const next = words[k + 1];
      if (next && !OBJECT_TAKING_VERBS.has(lower)) {
        const named = this.subjectStartingAt(next.start);
        if (named && /^[\s,:]*$/.test(text.slice(named.span.end, q.outer.start))) return named;
      }
      return null;
    }
    return undefined;
  }

  private subjectBeforeVerb(verbStart: number, from: number): Attribution | null {
    const { text } = this.ctx;
    let pos = skipSpaceBack(text, verbStart, from);
    for (let k = 0; k < 3; k++) {
      const w = wordEndingAt(text, pos, from);
      if (!w || !ADVERBS_BETWEEN.has(w.word.toLowerCase())) break;
      pos = skipSpaceBack(text, w.start, from);
    }
    if (text[pos - 1] === ',') {
      const open = text.lastIndexOf(',', pos - 2);
      if (open >= from) {
        // A short appositive that is the name itself: "The mayor, Ana Lopes, said".
        const inner = this.byEnd.get(pos - 1);
        if (inner && inner.start > open && text.slice(open + 1, pos - 1).trim().split(/\s+/).length <= 5 && this.ctx.registry.isPerson(inner)) return this.named(inner);
        // Otherwise skip it: "Steve Witkoff, who attended …, said".
        pos = skipSpaceBack(text, open, from);
      }
    }
    return this.subjectEndingAt(pos, from);
  }

  private subjectEndingAt(pos: number, from: number): Attribution | null {
    const mention = this.byEnd.get(pos);
    if (mention && mention.start >= from) return this.named(mention);
    const w = wordEndingAt(this.ctx.text, pos, from);
    if (w && PRONOUNS.has(w.word.toLowerCase())) return this.pronoun(w);
    return null;
  }

  private subjectStartingAt(pos: number): Attribution | null {
    const mention = this.byStart.get(pos);
    if (mention) return this.named(mention);
    const w = wordsIn(this.ctx.text, pos, pos + 8)[0];
    if (w && w.start === pos && PRONOUNS.has(w.word.toLowerCase())) return this.pronoun(w);
    return null;
  }

  /** "Ukrainian President Volodymyr Zelenskyy said": a name behind capitalized titles. */
  private titledSubjectAt(pos: number): Attribution | null {
    const next = this.ctx.mentions[firstStartingFrom(this.ctx.mentions, pos + 1)];
    const m = next && next.start < pos + 80 ? next : undefined;
    // Titles are capitalized; the particles of a name ("von der Leyen") are not, and the run starts after them.
    const prefix = this.ctx.text.slice(pos, m?.start);
    if (!m || !TITLES_BEFORE_NAME.test(prefix)) return null;
    // "von der Leyen": the particles belong to the name as written.
    if (prefix.split(/\s+/).filter(Boolean).every((w) => NAME_PARTICLES.has(w))) return { ...this.named(m), mention: this.ctx.text.slice(pos, m.end), span: { start: pos, end: m.end } };
    return this.named(m);
  }

  private named(m: NameMention): Attribution {
    return { mention: m.name, name: this.ctx.registry.resolve(m.name, m.start) ?? m.name, span: { start: m.start, end: m.end }, via: 'named' };
  }

  private pronoun(w: WordAt): Attribution {
    const name = w.word.toLowerCase() === 'they' ? null : this.antecedent(w.start);
    return { mention: w.word, name, span: { start: w.start, end: w.end }, via: 'pronoun' };
  }

  /**
   * The person a pronoun refers to: the first person named (outside quotations) earlier in its paragraph, or in
   * the nearest earlier paragraph that names one. The first-named person is the paragraph's subject in news prose.
   */
  private antecedent(at: number): string | null {
    const { paragraphs, mentions, registry } = this.ctx;
    let p = spanContaining(paragraphs, at);
    for (let steps = 0; p >= 0 && steps < 4; p--) {
      const para = paragraphs[p]!;
      if (para.heading) continue;
      steps++;
      const limit = Math.min(para.end, at);
      for (let k = firstStartingFrom(mentions, para.start); k < mentions.length && mentions[k]!.start < limit; k++) {
        const m = mentions[k]!;
        if (m.end > limit || this.insideSpeech(m)) continue;
        if (registry.isPerson(m)) return registry.resolve(m.name, m.start) ?? m.name;
      }
    }
    return null;
  }

  /** Whether a mention stands inside a quotation (then it is not the narrator's subject). */
  private insideSpeech(m: NameMention): boolean {
    const k = firstStartingFrom(this.speechInner, m.start + 1) - 1;
    return k >= 0 && m.end <= this.speechInner[k]!.end;
  }

  private paragraphOf(pos: number): Span {
    return this.ctx.paragraphs[spanContaining(this.ctx.paragraphs, pos)] ?? { start: 0, end: this.ctx.text.length };
  }
}

function skipSpaceBack(text: string, pos: number, from: number): number {
  while (pos > from && /\s/.test(text[pos - 1]!)) pos--;
  return pos;
}

function wordEndingAt(text: string, pos: number, from: number): WordAt | null {
  let start = pos;
  while (start > from && /[\p{L}\p{M}'’]/u.test(text[start - 1]!)) start--;
  return start < pos ? { word: text.slice(start, pos), start, end: pos } : null;
}
