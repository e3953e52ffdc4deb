// Fact-checks a draft's own sentences (claims) against the sources: supported, contradicted (with the
// differences, and fixes that put in the source's words) or unsupported. Pure, and sliceable for the editor the
// way checkDraftAsync is: one claim's look-up at a time, with a yield in between.

import type { ClaimCheck, ClaimDifference, ClaimSourceSentence, ClaimsResult, Finding, FindingCode, Fix, Severity, Source, Span } from '../types';
import type { Corpus } from '../corpus/corpus';
import type { SourceView } from '../corpus/quote-index';
import { DEFAULT_SEVERITIES, type SeveritySetting } from '../check/options';
import { ROLE_WORDS, STOP_WORDS, SUBJECT_PRONOUNS, aliasGroup } from './claim-lexicon';
import { NAME_PARTICLES, TITLE_WORDS } from '../quotes/lexicon';
import type { AsyncCheckControl } from '../check/check-draft';
import { analyzeText, defaultNameTest, lemmaOf, type Analysis, type NameTest } from './analyze-text';
import { compareClaim, type Comparison, type SourceContext } from './compare-claim';
import { retrieveSentences, retrieveThroughSynonyms } from './retrieve-sentences';
import { interviewSpeakerWords, questionBefore } from './interview';
import { DEFAULT_SEGMENT_LIMITS, continuesAfterTime, findClaimSentences, type ClaimSentence, type SegmentLimits } from './segment-claims';

/** One claim's check and its findings (a claim-contradicted finding, or none). */
export interface ClaimResult {
  check: ClaimCheck;
  findings: Finding[];
}

export interface ClaimOptions {
  severities: Partial<Record<FindingCode, SeveritySetting>>;
  limits: SegmentLimits;
}

/**
 * The share of a claim's content words a passage must state for the claim to be supported, or contradicted. A false
 * flag is the worst outcome for a writer: a contradiction needs a passage that explains all the claim but the
 * difference (every contradiction of the evaluation set is met at 0.76 or more; weaker matches were false flags).
 */
const SUPPORTED_COVERAGE = 0.55;
/**
 * And the share of its words that are not names. Both measured on the fourth round's first runs replayed (blind8 to
 * blind13 on the engine as it was before each): 0.55 / 0.4 matched 67 of their 90 supported sentences, against 64 at
 * 0.6 / 0.5, with no more unsupported sentences called supported (4 of 32); 0.5 / 0.4 matched 69 but called one more.
 */
const SUPPORTED_PLAIN = 0.4;
const CONTRADICTED_COVERAGE = 0.75;
/** And the share of its words that are not names: shared names alone never make a contradiction. */
const CONTRADICTED_PLAIN = 0.6;
/** A merged pair of sentences must explain this much more of the claim than the best single one. */
const MERGE_GAIN = 0.15;
const CANDIDATES = 5;
const MAX_DIFFERENCES = 2;

/** Kinds whose fix is the source's words in place of the draft's. */
const REPLACEABLE = new Set(['number', 'date', 'person', 'organisation', 'place']);

/** Source sentences already analysed (a few KB each): bounded in all, so a long session cannot grow it without end. */
let analyses = new WeakMap<Source, Map<string, Analysis>>();
let analysesCount = 0;
const MAX_ANALYSES = 20_000;

function sourceAnalysis(source: Source, span: Span): Analysis {
  let bySpan = analyses.get(source);
  if (!bySpan) analyses.set(source, (bySpan = new Map()));
  const key = `${span.start}:${span.end}`;
  let a = bySpan.get(key);
  if (!a) {
    if (++analysesCount > MAX_ANALYSES) {
      analyses = new WeakMap([[source, (bySpan = new Map())]]);
      analysesCount = 1;
    }
    bySpan.set(key, (a = analyzeText(source.text, span, [], nameTestOf(source))));
  }
  return a;
}

const nameTests = new WeakMap<Source, NameTest>();
/** A source's sentence-initial names: only those it also capitalizes mid-sentence (no lexicon look-up). */
function nameTestOf(source: Source): NameTest {
  let t = nameTests.get(source);
  if (!t) nameTests.set(source, (t = defaultNameTest(source.text, false)));
  return t;
}

const contexts = new WeakMap<Source, SourceContext>();

/** What compareClaim needs of a source as a whole: the same object for every passage of it (its speakers read once). */
function contextOf(source: Source): SourceContext {
  let c = contexts.get(source);
  if (!c) {
    c = {
      date: source.meta.date,
      text: source.text,
      source,
      speakers: [...new Set(source.quotes.map((q) => q.speaker).filter((s): s is string => s !== null))],
    };
    contexts.set(source, c);
  }
  return c;
}

/** A passage as compareClaim reads it: its analysis and its context, made once per passage and kept beside the analysis. */
interface Passage {
  analysis: Analysis;
  ctx: SourceContext;
  /** The keys of its words, for the share of a claim's quoted words it has (made when first asked). */
  keys?: Set<string>;
}

const passages = new WeakMap<Analysis, Passage>();

function passageOf(source: Source, span: Span): Passage {
  const analysis = sourceAnalysis(source, span);
  let p = passages.get(analysis);
  if (!p) {
    p = {
      analysis,
      ctx: {
        ...contextOf(source),
        speakerWords: speakerWordsOf(source, span),
        pronounWords: pronounWordsOf(source, span),
        nameAliases: nameAliasesOf(source, span),
      },
    };
    passages.set(analysis, p);
  }
  return p;
}

const speakerWordCache = new WeakMap<Source, Map<string, Set<string>>>();

/**
 * The words that name the speakers of the quotes in a passage, when the passage names them only by a pronoun:
 * each speaker's name, and the capitalized words and roles the source puts before it where it names them in full.
 */
function speakerWordsOf(source: Source, span: Span): Set<string> | undefined {
  const speakers = [...new Set(source.quotes.filter((q) => q.offset.start < span.end && q.offset.end > span.start && q.speaker).map((q) => q.speaker!))];
  const antecedent = antecedentWords(source, span);
  // An interview's answer names no speaker: it is the interviewee's.
  const interviewee = interviewSpeakerWords(source, span);
  if (interviewee) return antecedent ? new Set([...antecedent, ...interviewee]) : interviewee;
  if (speakers.length === 0) return antecedent;
  let bySpeaker = speakerWordCache.get(source);
  if (!bySpeaker) speakerWordCache.set(source, (bySpeaker = new Map()));
  const out = new Set<string>();
  for (const speaker of speakers) {
    let words = bySpeaker.get(speaker);
    if (!words) {
      words = new Set(speaker.toLowerCase().split(/\s+/));
      for (let at = source.text.indexOf(speaker), n = 0; at >= 0 && n < 20; at = source.text.indexOf(speaker, at + 1), n++) {
        const before =
          source.text
            .slice(Math.max(0, at - 80), at)
            .split(/[.,;:!?"“”()]/)
            .pop() ?? '';
        for (const w of before.split(/\s+/)) if (/^\p{Lu}/u.test(w) || ROLE_WORDS.has(w.toLowerCase())) words.add(w.toLowerCase().replace(/['’]s$/, ''));
      }
      bySpeaker.set(speaker, words);
    }
    for (const w of words) out.add(w);
  }
  for (const w of antecedent ?? []) out.add(w);
  return out;
}

/**
 * A passage that opens with "She says" or "He added" names its subject in the sentence before: the names and roles
 * there ("Essler, who has led the museum since 2019" | "She says the museum has spent…"), lower case.
 */
function antecedentWords(source: Source, span: Span): Set<string> | undefined {
  // So does one that opens with a description: "The Welshman admitted", "The 24-year-old". And one whose frame trails
  // with a pronoun: "Several colleagues had written references …, he said."
  const trailing = /,\s+(?:he|she)\s+(?:said|says|added|adds|told\s+\w+|explained|argued|insisted|claimed)\.?["”]?\s*$/.test(
    source.text.slice(Math.max(span.start, span.end - 40), span.end),
  );
  if (
    !trailing &&
    !/^\s*(?:(?:But|And|Yet)\s+)?(?:[Hh]e|[Ss]he|[Tt]hey\b|[Tt]he\s+(?:\p{Lu}\p{Ll}+(?:man|woman)|\d+-year-old)\b)/u.test(source.text.slice(span.start, span.start + 28))
  ) {
    // One whose subject is "she" or "he" after an opening phrase ("Born in Arbroath in 1936, …, she was"), in an
    // article about one person: the person its first sentence names (an obituary's, a profile's subject).
    return /^[^.!?"“”]{0,200}?,\s(?:she|he)\s/.test(source.text.slice(span.start, Math.min(span.end, span.start + 240))) ? leadNames(source) : undefined;
  }
  const list = source.sentences;
  let lo = 0;
  let hi = list.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (list[mid]!.start < span.start) lo = mid;
    else hi = mid - 1;
  }
  // The nearest of the three sentences before that names someone: a quotation may stand between ("Pryce said: “The lad
  // has been patient.” | “Today he showed everyone …”" | "The Welshman admitted").
  const isName = nameTestOf(source);
  for (let k = lo; k >= Math.max(0, lo - 2); k--) {
    const prev = list[k];
    if (!prev || prev.start >= span.start || span.start - prev.end > 400) return undefined;
    const out = new Set<string>();
    prev.text.split(/[\s,;:()"“”]+/).forEach((w, n) => {
      const word = w.replace(/['’]s$/, '').replace(/[.!?]+$/, '');
      // Two letters are too short for a name, but for a particle of one ("De Wit").
      if (word.length <= 2 && !NAME_PARTICLES.has(word.toLowerCase())) return;
      // A pronoun or a function word capitalized after a quotation mark ("“They are a niche," he says.") is no name.
      if (SUBJECT_PRONOUNS.has(word.toLowerCase()) || STOP_WORDS.has(word.toLowerCase())) return;
      // A capitalized word only where the source writes it so mid-sentence too ("Today" is no name).
      if ((/^\p{Lu}\p{L}/u.test(word) && (n > 0 || isName(word))) || ROLE_WORDS.has(word.toLowerCase())) out.add(word.toLowerCase());
    });
    if (out.size > 0) return out;
  }
  return undefined;
}

const leadCache = new WeakMap<Source, Set<string> | undefined>();

/** The names of a source's first sentence that are people's (two capitalized words or more, lower case). */
function leadNames(source: Source): Set<string> | undefined {
  if (leadCache.has(source)) return leadCache.get(source);
  const first = source.sentences.find((s) => s.text.length > 40);
  let out: Set<string> | undefined;
  const m = first ? /^(?:[A-Z][\p{L}'’-]+\s){1,3}[A-Z][\p{L}'’-]+(?=,)/u.exec(first.text) : null;
  if (m) out = new Set(m[0].toLowerCase().split(/\s+/));
  leadCache.set(source, out);
  return out;
}

const pronounCache = new WeakMap<Source, Map<string, Set<string> | undefined>>();
const PRONOUN_RE = /(?<![\p{L}'’])(?:she|he|they|them|it|her|him|She|He|They|It)(?![\p{L}'’])/u;

/**
 * The words of the sentence before a quotation that speaks of its things by pronouns ("“She may not want them,” he
 * says." after "…hopes to hand his hives to his daughter"): a claim may name what the pronouns stand for. Lemmas of
 * the lower-case words; undefined when the passage is no quotation or has no pronoun.
 */
function pronounWordsOf(source: Source, span: Span): Set<string> | undefined {
  // Most passages open with no quotation mark: no look-up at all.
  const open = source.text.charAt(span.start);
  if (open !== '"' && open !== '“') return undefined;
  let bySpan = pronounCache.get(source);
  if (!bySpan) pronounCache.set(source, (bySpan = new Map()));
  const key = `${span.start}:${span.end}`;
  if (bySpan.has(key)) return bySpan.get(key);
  let out: Set<string> | undefined;
  // Only a quotation's: a speaker says "she" and "them" for what the writer named just before.
  if (PRONOUN_RE.test(source.text.slice(span.start, Math.min(span.end, span.start + 1_000)))) {
    const k = source.sentences.findIndex((x) => x.start >= span.start);
    const prev = k > 0 ? source.sentences[k - 1] : undefined;
    if (prev && span.start - prev.end < 300) {
      out = new Set();
      for (const w of prev.text.split(/[^\p{L}'’-]+/u)) if (/^\p{Ll}{3,}$/u.test(w)) out.add(lemmaOf(w));
    }
  }
  if (bySpan.size < 20_000) bySpan.set(key, out);
  return out;
}

const nameAliasCache = new WeakMap<Source, Map<string, number[]>>();
const passageAliasCache = new WeakMap<Source, Map<string, Set<number> | undefined>>();

/**
 * The countries the source ties to the people a passage names ("Russian President Vladimir Putin" → Russia), as
 * alias groups: a claim may name the person by the country ("Moscow's position", "the Ukrainian leader"). Cached
 * per passage, and per name within a source.
 */
function nameAliasesOf(source: Source, span: Span): Set<number> | undefined {
  let byPassage = passageAliasCache.get(source);
  if (!byPassage) passageAliasCache.set(source, (byPassage = new Map()));
  const key = `${span.start}:${span.end}`;
  if (byPassage.has(key)) return byPassage.get(key);
  const found = passageNameAliases(source, span);
  if (byPassage.size < 20_000) byPassage.set(key, found);
  return found;
}

function passageNameAliases(source: Source, span: Span): Set<number> | undefined {
  let byName = nameAliasCache.get(source);
  if (!byName) nameAliasCache.set(source, (byName = new Map()));
  const out = new Set<number>();
  const passage = source.text.slice(span.start, Math.min(span.end, span.start + 2_000));
  for (const m of passage.matchAll(/(?<![\p{L}])\p{Lu}[\p{Ll}]{2,}(?![\p{L}])/gu)) {
    const name = m[0];
    if (aliasGroup(name.toLowerCase()) >= 0 || TITLE_WORDS.has(name)) continue;
    let groups = byName.get(name);
    if (!groups) {
      const found = new Set<number>();
      for (let at = source.text.indexOf(name), n = 0; at >= 0 && n < 20 && source.text.length <= 2_000_000; at = source.text.indexOf(name, at + 1), n++) {
        const before =
          source.text
            .slice(Math.max(0, at - 60), at)
            .split(/[.,;:!?"“”()\n]/)
            .pop() ?? '';
        for (const w of before.split(/\s+/)) if (/^\p{Lu}/u.test(w) && aliasGroup(w.toLowerCase()) >= 0) found.add(aliasGroup(w.toLowerCase()));
      }
      groups = [...found];
      if (byName.size < 5_000) byName.set(name, groups);
    }
    for (const g of groups) out.add(g);
  }
  return out.size > 0 ? out : undefined;
}

interface Candidate {
  view: SourceView;
  sentences: number[];
  span: Span;
  cmp: Comparison;
  merged: boolean;
  /** Share of the words quoted in the claim's sentence that the passage has (0 when it quotes nothing). */
  quoted: number;
}

function verdictOf(c: Comparison): ClaimCheck['verdict'] {
  if (c.contentWords < 1.5) return 'unsupported';
  // One difference in a passage that states the rest; two only when it states nearly all the rest. Shared names
  // alone never make a contradiction: the passage must also state what the claim says of them.
  if (c.differences.length > 0 && (c.plainMet < Math.min(2, c.plainWords) || c.plainMet < CONTRADICTED_PLAIN * c.plainWords)) return 'unsupported';
  // A difference and, besides it, a number, date or name the passage has no counterpart for: the claim says more than
  // the passage, so the passage is not the one it reports, and the difference may well be invented.
  if (c.differences.length > 0 && c.extras > 0) return 'unsupported';
  // Every number and date of the claim differs ("55 per cent … by 2030" / "14.6 per cent … in 2022"): another
  // statement about the same things, not this one misreported.
  if (c.differences.length >= 2 && c.differences.every((d) => d.kind === 'number' || d.kind === 'date') && !c.valuesAgreed) return 'unsupported';
  if (c.differences.length > 0) {
    return (c.differences.length === 1 && c.coverage >= CONTRADICTED_COVERAGE) || (c.differences.length <= MAX_DIFFERENCES && c.coverage >= 0.85) ? 'contradicted' : 'unsupported';
  }
  return c.coverage >= SUPPORTED_COVERAGE && plainCoverage(c) >= SUPPORTED_PLAIN && c.extras === 0 ? 'supported' : 'unsupported';
}

/** Shared names alone do not pick a passage: what the claim says of them counts as much. */
const plainCoverage = (c: Comparison) => (c.plainWords === 0 ? c.coverage : c.plainMet / c.plainWords);
// The words a claim's sentence quotes are not its claim, but they tell which passage its frame reports.
// Between passages that explain the claim about as well, the one that states all of it wins.
const rank = (c: Candidate) =>
  0.5 * c.cmp.coverage + 0.5 * plainCoverage(c.cmp) - 0.15 * c.cmp.extras - (c.merged ? MERGE_GAIN : 0) + 0.3 * c.quoted + (verdictOf(c.cmp) === 'supported' ? 0.05 : 0);

let draftNames: { text: string; test: NameTest } | null = null;

/** The draft's test for names at a sentence start, shared by all its claims (it reads the whole draft for each word). */
function draftNameTest(text: string): NameTest {
  if (draftNames?.text !== text) draftNames = { text, test: defaultNameTest(text) };
  return draftNames.test;
}

/** Checks one claim sentence of a draft. */
export function checkClaimSentence(index: Corpus, text: string, sentence: ClaimSentence): ClaimCheck {
  const names = draftNameTest(text);
  const claim = analyzeText(text, sentence.span, sentence.quotations, names);
  const base: ClaimCheck = {
    text: text.slice(sentence.span.start, sentence.span.end),
    span: { ...sentence.span },
    verdict: 'unsupported',
    match: null,
    sentences: [],
    differences: [],
  };
  const refs = retrieveSentences(index, claim.tokens, CANDIDATES);
  const quotedKeys = new Set<string>();
  for (const q of sentence.quotations) for (const t of analyzeText(text, q, [], names).tokens) if (!t.stop && quotedKeys.size < 40) quotedKeys.add(t.key);
  let best: Candidate | null = null;
  const considered: Candidate[] = [];
  const consider = (view: SourceView, ks: number[], merged = false) => {
    const list = view.source.sentences;
    if (ks.some((k) => list[k] === undefined)) return;
    // The source's segmenter may have cut after an abbreviation ("on Sept." | "24.", "Gov." | "Martin Sorensen said"):
    // take the rest along, and the start before.
    while (ks.length < 4 && endsInAbbreviation(view.source, ks[ks.length - 1]!)) ks = [...ks, ks[ks.length - 1]! + 1];
    while (ks.length < 4 && ks[0]! > 0 && endsInAbbreviation(view.source, ks[0]! - 1)) ks = [ks[0]! - 1, ...ks];
    const ss = ks.map((k) => list[k]!);
    const span = { start: ss[0]!.start, end: ss[ss.length - 1]!.end };
    const passage = passageOf(view.source, span);
    const cmp = compareClaim(claim, passage.analysis, passage.ctx);
    let quoted = 0;
    if (quotedKeys.size > 0) {
      const keys = (passage.keys ??= new Set(passage.analysis.tokens.map((t) => t.key)));
      for (const k of quotedKeys) if (keys.has(k)) quoted++;
      quoted /= quotedKeys.size;
    }
    const c = { view, sentences: ks, span, cmp, merged, quoted };
    considered.push(c);
    if (!best || rank(c) > rank(best)) best = c;
  };
  for (const r of refs) consider(r.source, [r.sentence]);
  // Synonyms only when no sentence found states the claim (or contradicts it), though one shares a good part of it:
  // most claims never pay for the look-up.
  const first = best as Candidate | null;
  if (first && verdictOf(first.cmp) === 'unsupported' && first.cmp.coverage >= 0.4) {
    for (const r of retrieveThroughSynonyms(index, claim.tokens, refs, CANDIDATES)) {
      consider(r.source, [r.sentence]);
      refs.push(r);
    }
  }
  // Two adjacent sentences only when no single one states the claim well.
  const bestSingle = best as Candidate | null;
  if (bestSingle && bestSingle.cmp.coverage >= 0.9 && bestSingle.cmp.extras === 0) return finish(text, base, bestSingle, sentence, considered);
  refs.forEach((r, n) => {
    if (n < 2) {
      const list = r.source.source.sentences;
      const here = list[r.sentence]!;
      if (list[r.sentence + 1]?.paragraphIndex === here.paragraphIndex) consider(r.source, [r.sentence, r.sentence + 1], true);
      if (list[r.sentence - 1]?.paragraphIndex === here.paragraphIndex) consider(r.source, [r.sentence - 1, r.sentence], true);
    }
    // An interview's answer with the question it replies to.
    const question = questionBefore(r.source.source, r.sentence);
    if (question) consider(r.source, [...question, r.sentence], true);
  });
  return best ? finish(text, base, best, sentence, considered) : base;
}

/**
 * Another passage states the very figure the claim is said to get wrong, and contradicts nothing of it ("The project
 * will create more than 3,500 jobs": "support more than 3,500 jobs" in one source, "create 900 jobs" in another): the
 * claim may well report that passage, so no mismatch is asserted.
 */
function statedElsewhere(text: string, b: Candidate, others: readonly Candidate[]): boolean {
  // Each figure with the word it counts ("3,500 jobs", not "25 percent" for "25 minutes").
  const figures = b.cmp.differences
    .filter((d) => d.kind === 'number')
    .map((d) => {
      const m = /\d[\d,.]*\d|\d/.exec(text.slice(d.draft.start, d.draft.end));
      if (!m) return undefined;
      const after = d.draft.start + m.index + m[0].length;
      const word = /^[\s-]*([\p{L}%]+)/u.exec(text.slice(after, after + 20))?.[1] ?? '';
      return `${m[0].replace(/[.]/g, '\\.')}[\\s-]*${word.replace(/[^\p{L}%]/gu, '')}`;
    });
  if (figures.length === 0 || figures.some((f) => f === undefined)) return false;
  return others.some((o) => {
    // It agrees with every number and date of the claim, and states some of its other words.
    if (o === b || o.cmp.differences.length > 0 || (o.cmp.valuesAgreed ?? 0) < (b.cmp.valuesAgreed ?? 0) + figures.length || o.cmp.plainMet === 0) return false;
    const passage = o.view.source.text.slice(o.span.start, o.span.end);
    return figures.every((f) => new RegExp(`(?<![\\d,.])${f!}`, 'iu').test(passage));
  });
}

function finish(text: string, base: ClaimCheck, b: Candidate, sentence: ClaimSentence, others: readonly Candidate[] = []): ClaimCheck {
  const verdict = verdictOf(b.cmp);
  if (verdict === 'unsupported') return base;
  if (verdict === 'contradicted' && statedElsewhere(text, b, others)) return base;
  // Who said the words a sentence quotes is the quotation's check (wrong-speaker), not the frame's: a frame whose only
  // difference is its speaker ("Zelensky said Russia would not “go after …”") is left to it.
  if (
    verdict === 'contradicted' &&
    sentence.quotations.length > 0 &&
    b.cmp.differences.every((d) => (d.kind === 'person' || d.kind === 'agent') && SPEECH_AFTER.test(text.slice(d.draft.end, d.draft.end + 20)))
  ) {
    return base;
  }
  // Only a speaker differs, and the passage does not state all the rest ("Natarajan says a couchette … is cheaper than
  // any flight" / "…, De Wit says, roughly what a budget flight costs"): another statement, not this one misattributed.
  if (
    verdict === 'contradicted' &&
    plainCoverage(b.cmp) < 0.7 &&
    b.cmp.differences.every((d) => (d.kind === 'person' || d.kind === 'agent') && SPEECH_AFTER_ANY.test(text.slice(d.draft.end, d.draft.end + 20)))
  ) {
    return base;
  }
  const source = b.view.source;
  const id = source.meta.id;
  const sentences: ClaimSourceSentence[] = b.sentences.map((k) => {
    const s = source.sentences[k]!;
    return { sourceId: id, text: s.text, offset: { start: s.start, end: s.end } };
  });
  const differences: ClaimDifference[] =
    verdict === 'contradicted'
      ? b.cmp.differences.map((d) => ({
          kind: d.kind,
          draft: text.slice(d.draft.start, d.draft.end),
          span: { ...d.draft },
          source: source.text.slice(d.source.start, d.source.end),
          sourceSpan: { ...d.source },
        }))
      : [];
  return { ...base, verdict, match: { sourceId: id, text: source.text.slice(b.span.start, b.span.end), offset: { ...b.span } }, sentences, differences };
}

/** The same, in the present too ("Natarajan says"). */
const SPEECH_AFTER_ANY = /^,?\s+(?:said|says|told|tells|added|adds|wrote|writes|argued|argues|warned|warns|claimed|claims|insisted|insists)\b/;

/** A verb of saying right after a name: the name is a frame's speaker. */
const SPEECH_AFTER = /^,?\s+(?:said|says|told|tells|added|adds|asked|asks|wrote|writes|stated|noted|declared|insisted|argued|warned|explained|claimed)\b/;

function endsInAbbreviation(source: Source, k: number): boolean {
  const here = source.sentences[k]!;
  const next = source.sentences[k + 1];
  if (!next || next.paragraphIndex !== here.paragraphIndex) return false;
  if (/^[\p{Ll}\d]/u.test(next.text) && /(?:^|[\s(])(?:[A-Z][a-z]{0,4}|[A-Z](?:\.[A-Z])*)\.$/.test(here.text)) return true;
  // A time written "6 a.m." and the day or time zone after it: "lifted it at 6 a.m." | "Tuesday.".
  if (continuesAfterTime(here.text, next.text)) return true;
  // A company's suffix written short: "Calloway Foods Inc." | "(NYSE: CLW) said on Wednesday …".
  if (/(?:^|\s)(?:Inc|Corp|Co|Ltd|Bros|Jr|Sr)\.$/.test(here.text) && !/^\p{Lu}\p{Ll}+\s/u.test(next.text)) return true;
  // A title written short stands before a name: "Gov." | "Martin Sorensen said".
  return /^\p{Lu}/u.test(next.text) && /(?:^|[\s(])(?:Gov|Sen|Rep|Gen|Lt|Col|Sgt|Capt|Adm|Maj|Cmdr|Dr|Mr|Mrs|Ms|Prof|Rev|Atty|Supt|Insp|Gov\.-elect)\.$/.test(here.text);
}

function optionsOf(options: Partial<ClaimOptions>): ClaimOptions {
  return { severities: { ...DEFAULT_SEVERITIES, ...options.severities }, limits: { ...DEFAULT_SEGMENT_LIMITS, ...options.limits } };
}

/** The finding of a contradicted claim, with a fix per difference whose source words can simply replace the draft's. */
export function claimFindings(check: ClaimCheck, options: Partial<ClaimOptions> = {}): Finding[] {
  if (check.verdict === 'unsupported') {
    // Shown on hover only, unless the writer gives claim-unsupported a severity (off by default).
    const unsupported = optionsOf(options).severities['claim-unsupported'] ?? 'off';
    return unsupported === 'off' ? [] : [{ code: 'claim-unsupported', severity: unsupported, message: 'No source sentence states this.', span: { ...check.span }, fixes: [] }];
  }
  if (check.verdict !== 'contradicted' || !check.match) return [];
  const setting = optionsOf(options).severities['claim-contradicted'] ?? 'warning';
  if (setting === 'off') return [];
  const severity: Severity = setting;
  const said = check.differences.map((d) => `${d.kind}: the source says "${d.source}" where the draft says "${d.draft}"`).join('; ');
  const fixes: Fix[] = check.differences
    .filter((d) => REPLACEABLE.has(d.kind))
    .map((d, k) => ({
      title: `Use the source's words: "${d.source}"`,
      edits: [{ span: { ...d.span }, newText: d.source.replace(/['’]s$/, d.draft.match(/['’]s$/)?.[0] ?? '') }],
      preferred: k === 0,
    }));
  return [{ code: 'claim-contradicted', severity, message: `This sentence contradicts ${check.match.sourceId}: ${said}.`, span: { ...check.span }, fixes }];
}

/** Checks every claim of a draft (Markdown or plain text). Bad input gives no claims, never an exception. */
export function checkClaims(index: Corpus, text: string, options: Partial<ClaimOptions> = {}): ClaimsResult {
  const opts = optionsOf(options);
  const result: ClaimsResult = { claims: [], findings: [] };
  for (const s of findClaimSentences(text, opts.limits)) push(result, index, text, s, opts);
  return result;
}

/** The same check in slices, one claim at a time with a yield in between; cancellable like checkDraftAsync. */
export async function checkClaimsAsync(index: Corpus, text: string, options: Partial<ClaimOptions>, control: AsyncCheckControl): Promise<ClaimsResult> {
  const opts = optionsOf(options);
  const result: ClaimsResult = { claims: [], findings: [] };
  for (const s of findClaimSentences(text, opts.limits)) {
    await control.yieldToHost();
    if (control.isCancelled?.()) throw Object.assign(new Error('The check was cancelled.'), { name: 'AbortError' });
    push(result, index, text, s, opts);
  }
  return result;
}

/** The check of the one claim at an offset, for a hover: the rest of the draft is not looked up. */
export function checkClaimAt(index: Corpus, text: string, offset: number, options: Partial<ClaimOptions> = {}): ClaimResult | undefined {
  const opts = optionsOf(options);
  const s = findClaimSentences(text, opts.limits).find((x) => offset >= x.span.start && offset <= x.span.end);
  if (!s) return undefined;
  const check = safeCheck(index, text, s);
  return { check, findings: claimFindings(check, opts) };
}

function push(result: ClaimsResult, index: Corpus, text: string, s: ClaimSentence, opts: ClaimOptions): void {
  const check = safeCheck(index, text, s);
  result.claims.push(check);
  result.findings.push(...claimFindings(check, opts));
}

/** A claim the engine cannot judge is unsupported: an exception never leaves the engine. */
function safeCheck(index: Corpus, text: string, s: ClaimSentence): ClaimCheck {
  try {
    return checkClaimSentence(index, text, s);
  } catch {
    return { text: text.slice(s.span.start, s.span.end), span: { ...s.span }, verdict: 'unsupported', match: null, sentences: [], differences: [] };
  }
}
