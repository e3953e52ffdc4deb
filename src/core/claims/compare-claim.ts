// Compares one claim with one source passage (a sentence, or two adjacent ones a paraphrase merged): which of
// the claim's words the passage states, and where it states something else. A difference is reported only where
// the passage has a counterpart for the claim's words (the source's number, date or name in the same place, the
// same verb with another hedge, negation, quantifier or subject); words with no counterpart only make the claim
// less supported, so an unsupported claim never gets an invented mismatch.

import type { ClaimDifferenceKind, Span } from '../types';
import { sameperson } from '../quotes/people';
import { NAME_PARTICLES, SPEECH_VERBS, TITLE_WORDS } from '../quotes/lexicon';
import { type Analysis, type DateMention, type NumberMention, type Token, lemmaOf, modalityAt, negatedAt, quantifierAt } from './analyze-text';
import {
  AUXILIARIES,
  GENERIC_ROLES,
  IRREGULAR_LEMMAS,
  IRREGULAR_PARTICIPLES,
  ORGANISATION_WORDS,
  PLACE_WORDS,
  ROLE_WORDS,
  STRONG_QUANTIFIERS,
  SUBJECT_PRONOUNS,
  areAntonyms,
} from './claim-lexicon';
import { entityKindOf, firstNameGender, type EntityKind } from '../text/nlp';

export interface RawDifference {
  kind: ClaimDifferenceKind;
  /** The claim's words (offsets into the draft) and the source's (offsets into the source's text). */
  draft: Span;
  source: Span;
}

export interface Comparison {
  /** Share of the claim's content words the passage states (0 … 1). */
  coverage: number;
  /** Content words of the claim. */
  contentWords: number;
  differences: RawDifference[];
  /** Numbers, dates or names of the claim that the passage has no counterpart for. */
  extras: number;
  /** The claim's numbers and dates that the passage states too. */
  valuesAgreed?: number;
  /** The claim's content words that are not names, and how many of them the passage states. */
  plainWords: number;
  plainMet: number;
}

export interface SourceContext {
  /** The source's date (YYYY-MM-DD), or null: a source without a date resolves no weekday. */
  date: string | null;
  /** The whole source text, to find the titles its people are named with. */
  text: string;
  /** People the index knows as speakers. */
  speakers: readonly string[];
  /**
   * Words that name the passage's speakers though the passage itself says "she said": the speaker's name and the
   * titles the source gives them ("European Commission President Ursula von der Leyen"), lower case.
   */
  speakerWords?: ReadonlySet<string>;
  /** Lemmas of the sentence before a passage that has pronouns: what "she" or "them" may stand for. */
  pronounWords?: ReadonlySet<string>;
  /** Alias groups of the countries the source ties to the passage's people ("Russian President Vladimir Putin"). */
  nameAliases?: ReadonlySet<number>;
  /** The source itself, as a key for what is cached per source (held weakly). */
  source?: object;
}

type MatchKind = 'same' | 'antonym';

const FEW_WORDS = new Set(['few', 'little']);
const ORDINALS = new Set(['first', 'second', 'third', 'fourth', 'fifth', 'sixth', 'seventh', 'eighth', 'ninth', 'tenth']);
/** Negations that stand for a noun phrase: "no one", "none of them", "nobody". */
const NOUN_NEGATIONS = new Set(['no', 'none', 'nobody', 'nothing', 'neither']);

/** Words too common to show that two names stand in the same place. */
const WEAK_ANCHORS = new Set(['the', 'a', 'an', 'and', 'or', 'but', 'its', 'his', 'her', 'their', 'this', 'that']);

const ARTICLES = new Set(['the', 'a', 'an']);
/** Pronouns a quantifier may govern through "of": "all of them", "most of which", "most of it". */
const PRONOUNS_OF = new Set(['them', 'these', 'those', 'which', 'whom', 'it']);
/** Words that open the members of a group: "Early works, including utility relocation and … drilling,". */
const INCLUDING = new Set(['including', 'such', 'like', 'among', 'notably', 'especially']);

const SPEECH_LEMMAS = new Set(['say', 'tell', 'add', 'state', 'note', 'warn', 'caution']);

function tokenMatch(a: Token, b: Token): MatchKind | null {
  if (a.kid === b.kid || a.lid === b.lid) return 'same';
  if (a.alias >= 0 && a.alias === b.alias) return 'same';
  if (a.group >= 0 && a.group === b.group) return 'same';
  if (a.cap && b.cap && a.key.length > 3 && a.nk === b.nk) return 'same';
  // A sentence's first word may be a name, spelt another way: "Zelensky said" / "Zelenskyy".
  if (a.initial !== b.initial && (a.cap || b.cap) && a.key.length > 4 && b.key.length > 4 && Math.abs(a.key.length - b.key.length) <= 1) {
    if (a.nk === b.nk || commonPrefix(a.key, b.key) >= Math.min(a.key.length, b.key.length)) return 'same';
  }
  // A name and its adjective: Alaska / Alaskan, Ukraine / Ukrainian.
  // Only an adjective's ending past the shared stem: Marta / Martin are two people.
  if (
    a.cap &&
    b.cap &&
    a.key.length >= 4 &&
    b.key.length >= 4 &&
    commonPrefix(a.key, b.key) >= Math.max(4, Math.min(a.key.length, b.key.length) - 1) &&
    adjectiveOf(a.key, b.key)
  ) {
    return 'same';
  }
  if (a.ant && b.ant && (areAntonyms(a.lemma, b.lemma) || areAntonyms(a.key, b.key))) return 'antonym';
  if (a.key.length > 3 && b.key.length > 3 && ((a.key.startsWith('un') && a.key === `un${b.key}`) || (b.key.startsWith('un') && b.key === `un${a.key}`))) return 'antonym';
  return null;
}

/** Whether one name is the other with an adjective's ending (Ukraine / Ukrainian, Canada / Canadian, Israel / Israeli). */
function adjectiveOf(a: string, b: string): boolean {
  const k = commonPrefix(a, b);
  const [short, long] = a.length <= b.length ? [a.slice(k), b.slice(k)] : [b.slice(k), a.slice(k)];
  return /^(?:[aeoy]|um|ia)?$/.test(short) && /^(?:n|an|ian|ean|ese|ish|i|er|ers|ns|ans|ians|s)?$/.test(long);
}

const NOMINAL = /(?:ion|ions|ance|ence|al|ure|ity|ment|ments|ship|th)$/;

/**
 * A noun made from a verb, and the verb: "agreement" / "agreed", "opposition" / "opposed", "decision" / "decide".
 * Only where one word has a noun's ending, the stems differ in their last two letters at most, and share five.
 */
function derived(a: Token, b: Token): boolean {
  if (!NOMINAL.test(a.key) && !NOMINAL.test(b.key)) return false;
  // "agreement" → agree, "membership" → member, "growth" → grow.
  const strip = (t: Token) => (/(?:ment|ments|ship|wth)$/.test(t.key) ? lemmaOf(t.key.replace(/(?:ment|ments|ship|th)$/, '')) : t.lemma);
  const x = strip(a);
  const y = strip(b);
  if (x === y) return x.length >= 3;
  const [short, long] = x.length <= y.length ? [x, y] : [y, x];
  if (short.length < 5 || long.length - short.length > 2) return false;
  return long.startsWith(short.slice(0, -1)) && commonPrefix(short, long) >= 5;
}

function commonPrefix(a: string, b: string): number {
  let k = 0;
  while (k < a.length && k < b.length && a[k] === b[k]) k++;
  return k;
}

interface Alignment {
  /** For each claim token, the source token it meets (or -1) and how. */
  toSource: Int32Array;
  kind: (MatchKind | null)[];
  /** Source tokens met by some claim token. */
  sourceMet: Uint8Array;
  /** Claim tokens met by the passage's speaker, named outside it. */
  metBySpeaker: Uint8Array;
}

/** A passage's words by what they can be met through, so that a claim word finds its match without a scan. */
interface PassageIndex {
  /** First position of each key, lemma, alias group, synonym group and name key. */
  byKid: Map<number, number>;
  byLid: Map<number, number>;
  byAlias: Map<number, number>;
  byGroup: Map<number, number>;
  byName: Map<string, number>;
  /** Last position of each key, and of each two adjacent keys written together (compounds). */
  lastByKey: Map<string, number>;
  lastByPair: Map<string, number>;
  caps: number[];
  /** Capitalized words by the first three letters of their key and of their name key. */
  capsByPrefix: Map<string, number[]>;
  antonymed: number[];
  /** Positions of the plain words by the first four letters of their lemma, for nominalisations. */
  byPrefix: Map<string, number[]>;
  /** Every position of each lemma, when it occurs more than once. */
  lemmaRepeats: Map<number, number[]>;
}

const passageIndexes = new WeakMap<Analysis, PassageIndex>();

function indexPassage(a: Analysis): PassageIndex {
  let x = passageIndexes.get(a);
  if (x) return x;
  x = {
    byKid: new Map(),
    byLid: new Map(),
    byAlias: new Map(),
    byGroup: new Map(),
    byName: new Map(),
    lastByKey: new Map(),
    lastByPair: new Map(),
    caps: [],
    antonymed: [],
    byPrefix: new Map(),
    lemmaRepeats: new Map(),
    capsByPrefix: new Map(),
  };
  const first = <K>(m: Map<K, number>, k: K, j: number) => {
    if (!m.has(k)) m.set(k, j);
  };
  a.tokens.forEach((t, j) => {
    if (x!.byLid.has(t.lid) && (!t.stop || SPEECH_LEMMAS.has(t.lemma))) {
      const list = x!.lemmaRepeats.get(t.lid);
      if (list) list.push(j);
      else x!.lemmaRepeats.set(t.lid, [x!.byLid.get(t.lid)!, j]);
    }
    first(x!.byKid, t.kid, j);
    first(x!.byLid, t.lid, j);
    if (t.alias >= 0) first(x!.byAlias, t.alias, j);
    if (t.group >= 0) first(x!.byGroup, t.group, j);
    if (t.cap) {
      first(x!.byName, t.nk, j);
      x!.caps.push(j);
      for (const p of new Set([t.key.slice(0, 3), t.nk.slice(0, 3)])) {
        const list = x!.capsByPrefix.get(p);
        if (list) list.push(j);
        else x!.capsByPrefix.set(p, [j]);
      }
    }
    if (t.ant) x!.antonymed.push(j);
    if (!t.stop && !t.cap && !t.value && t.lemma.length >= 4) {
      const p = t.lemma.slice(0, 4);
      const list = x!.byPrefix.get(p);
      if (list) list.push(j);
      else x!.byPrefix.set(p, [j]);
    }
    x!.lastByKey.set(t.key, j);
    const next = a.tokens[j + 1];
    if (next) x!.lastByPair.set(t.key + next.key, j);
  });
  passageIndexes.set(a, x);
  return x;
}

/** How many content words within three places of claim word i are also within three places of passage word j. */
function contextScore(claim: Analysis, i: number, source: Analysis, j: number): number {
  let n = 0;
  for (let a = Math.max(0, i - 3); a <= Math.min(claim.tokens.length - 1, i + 3); a++) {
    const c = claim.tokens[a]!;
    if (a === i || c.stop) continue;
    for (let b = Math.max(0, j - 3); b <= Math.min(source.tokens.length - 1, j + 3); b++) {
      if (b !== j && (source.tokens[b]!.lid === c.lid || source.tokens[b]!.kid === c.kid)) {
        n++;
        break;
      }
    }
  }
  return n;
}

/**
 * The strings a claim's words are looked up by in a passage's index, made once per claim rather than once per passage
 * compared (a claim meets five to ten passages): a string built once keeps its hash.
 */
interface ClaimKeys {
  /** The prefixes of each word's key and name key that capitalized words are indexed by (one, or two when they differ). */
  prefixes: string[][];
  /** The first four letters of each word's lemma. */
  lemma4: string[];
  /** Each word with "un" before it, and without its "un" (or null). */
  un: string[];
  deUn: (string | null)[];
  /** Each word written together with the next ("long" + "standing"), or null for the last. */
  joined: (string | null)[];
}

const claimKeyMemo = new WeakMap<Analysis, ClaimKeys>();

function claimKeysOf(claim: Analysis): ClaimKeys {
  let k = claimKeyMemo.get(claim);
  if (!k) {
    const ts = claim.tokens;
    k = {
      prefixes: ts.map((c) => (c.key.slice(0, 3) === c.nk.slice(0, 3) ? [c.key.slice(0, 3)] : [c.key.slice(0, 3), c.nk.slice(0, 3)])),
      lemma4: ts.map((c) => c.lemma.slice(0, 4)),
      un: ts.map((c) => `un${c.key}`),
      deUn: ts.map((c) => (c.key.startsWith('un') ? c.key.slice(2) : null)),
      joined: ts.map((c, i) => (i + 1 < ts.length ? c.key + ts[i + 1]!.key : null)),
    };
    claimKeyMemo.set(claim, k);
  }
  return k;
}

/** The passage word a claim word meets (the same word first, else the first that means the same), and how. */
function meet(c: Token, i: number, keys: ClaimKeys, source: Analysis, x: PassageIndex): { j: number; kind: MatchKind } | null {
  const exact = x.byKid.get(c.kid);
  if (exact !== undefined) return { j: exact, kind: 'same' };
  let best = -1;
  const take = (j: number | undefined) => {
    if (j !== undefined && (best < 0 || j < best)) best = j;
  };
  take(x.byLid.get(c.lid));
  if (c.alias >= 0) take(x.byAlias.get(c.alias));
  if (c.group >= 0) take(x.byGroup.get(c.group));
  if ((c.cap || c.initial) && c.key.length > 3) {
    if (c.cap) take(x.byName.get(c.nk));
    // Names that meet share their first letters (Zelensky / Zelenskyy, Alaska / Alaskan, Wiśniewski / Wisniewski).
    for (const p of keys.prefixes[i]!) {
      for (const j of x.capsByPrefix.get(p) ?? []) if (j < best || best < 0) if (tokenMatch(c, source.tokens[j]!) === 'same') take(j);
    }
  }
  if (best < 0 && !c.cap && !c.stop && !c.value && c.lemma.length >= 4) for (const j of x.byPrefix.get(keys.lemma4[i]!) ?? []) if (derived(c, source.tokens[j]!)) take(j);
  if (best >= 0) return { j: best, kind: 'same' };
  if (c.ant) for (const j of x.antonymed) if (tokenMatch(c, source.tokens[j]!) === 'antonym') take(j);
  if (c.key.length > 3) {
    const deUn = keys.deUn[i];
    if (deUn !== null && deUn !== undefined) take(x.lastByKey.get(deUn));
    take(x.lastByKey.get(keys.un[i]!));
  }
  return best >= 0 ? { j: best, kind: 'antonym' } : null;
}

function align(claim: Analysis, source: Analysis, ctx: SourceContext): Alignment {
  const n = claim.tokens.length;
  const toSource = new Int32Array(n).fill(-1);
  const kind: (MatchKind | null)[] = new Array(n).fill(null);
  const sourceMet = new Uint8Array(source.tokens.length);
  const metBySpeaker = new Uint8Array(n);
  let byPronoun = 0;
  const x = indexPassage(source);
  const keys = claimKeysOf(claim);
  claim.tokens.forEach((c, i) => {
    if (c.stop && !SPEECH_LEMMAS.has(c.lemma)) return;
    let m = meet(c, i, keys, source, x);
    // A word the passage has more than once ("voted … the vote was private"): the one among the same words around.
    if (m && m.kind === 'same') {
      const repeats = x.lemmaRepeats.get(source.tokens[m.j]!.lid);
      if (repeats && repeats.length <= 8) {
        let top = contextScore(claim, i, source, m.j);
        for (const j of repeats) {
          const score = j === m.j ? top : contextScore(claim, i, source, j);
          if (score > top) [top, m.j] = [score, j];
        }
      }
    }
    // A place met only through a country's other names ("in Moscow" / "the Russians agree") is not the same place.
    // Nor when the passage has another name in the claim's place, after the same words ("speaking in Kyiv" / "speaking
    // in Brussels", where "peace in Ukraine" is elsewhere).
    if (m && c.alias >= 0 && source.tokens[m.j]!.lid !== c.lid && atPlace(claim, i) && (!atPlace(source, m.j) || placeTakenBy(claim, i, source, m.j))) m = null;
    let best = m ? m.j : -1;
    let bestKind: MatchKind | null = m ? m.kind : null;
    // A compound written as one word or two ("longstanding" / "long-standing").
    if (best < 0) {
      const joined = keys.joined[i];
      best = x.lastByPair.get(c.key) ?? (joined !== null && joined !== undefined ? x.lastByKey.get(joined) : undefined) ?? -1;
      if (best >= 0) bestKind = 'same';
    }
    if (best < 0 && ROLE_WORDS.has(c.key)) {
      best = roleMatch(c.key, source, ctx);
      if (best >= 0) bestKind = 'same';
    }
    if (best >= 0) {
      toSource[i] = best;
      kind[i] = bestKind;
      if (bestKind === 'same') sourceMet[best] = 1;
    } else if ((c.cap || c.initial || ROLE_WORDS.has(c.key)) && ctx.speakerWords?.has(c.key)) metBySpeaker[i] = 1;
    // The body an interview's "we" speaks for, named with a common noun ("the port expects" / "We expect").
    else if (!c.cap && claim.tokens[i - 1]?.key === 'the' && ctx.speakerWords?.has(`~${c.key}`)) metBySpeaker[i] = 1;
    else if (c.alias >= 0 && ctx.nameAliases?.has(c.alias) && standsForLeader(claim, i)) metBySpeaker[i] = 1;
    // "Officials" or "authorities" for the body the passage names ("Health officials have not said" / "The department
    // did not say"): the people who speak for it.
    else if (!c.cap && BODY_PEOPLE.has(c.key) && factsOf(source).namesBody) metBySpeaker[i] = 1;
    else if (c.cap && c.alias < 0 && hasAnaphor(source) && organisationInSource(claim.text.slice(c.start, c.end).replace(/['’]s$/, ''), ctx)) metBySpeaker[i] = 1;
    // What a pronoun of the passage stands for, named in the sentence before ("his daughter … his hives" / "She may not
    // want them"): at most two such words.
    else if (!c.cap && !c.stop && !c.value && ctx.pronounWords?.has(c.lemma) && byPronoun < 2) {
      metBySpeaker[i] = 1;
      byPronoun++;
    }
    // "in Kendal" / "in the town", where the source uses Kendal as a place: the town it is about.
    else if (c.cap && c.alias < 0 && atPlace(claim, i) && placeAnaphor(source) && kindInText(claim.text.slice(c.start, c.end), ctx.text, ctx.source) === 'place') {
      metBySpeaker[i] = 1;
    }
  });
  // An abbreviation and the name it stands for: "IRS" / "Internal Revenue Service".
  for (let i = 0; i < n; i++) {
    if (toSource[i]! >= 0 || !isAcronym(claim, i)) continue;
    const word = claim.text.slice(claim.tokens[i]!.start, claim.tokens[i]!.end);
    const initials = initialsOfAll(source);
    // Or the words, in lower case, that it stands for: "MMR" / "measles, mumps and rubella".
    const e = source.entities.find((_, k) => initials[k] === word) ?? wordsWithInitials(source, word);
    if (!e) continue;
    toSource[i] = e.from;
    kind[i] = 'same';
    for (let k = e.from; k < e.to; k++) sourceMet[k] = 1;
  }
  const sourceAcronyms = factsOf(source).acronym;
  const anyAcronym = sourceAcronyms.includes(1);
  for (let r = 0; r < claim.entities.length && anyAcronym; r++) {
    const e = claim.entities[r]!;
    if (e.to - e.from < 2 || toSource.slice(e.from, e.to).some((j) => j >= 0)) continue;
    const initials = initialsOfAll(claim)[r]!;
    const j = source.tokens.findIndex((_, k) => sourceAcronyms[k] === 1 && source.text.slice(source.tokens[k]!.start, source.tokens[k]!.end) === initials);
    if (j < 0) continue;
    for (let k = e.from; k < e.to; k++) {
      toSource[k] = j;
      kind[k] = 'same';
    }
    sourceMet[j] = 1;
  }
  // An opposite met in a word another claim word already states ("profit dropped … as costs rose" / "net income
  // fell"): the two words are about different things, not the opposite claim.
  for (let i = 0; i < n; i++) {
    if (kind[i] === 'antonym' && sourceMet[toSource[i]!]) {
      toSource[i] = -1;
      kind[i] = null;
    }
  }
  return { toSource, kind, sourceMet, metBySpeaker };
}

/**
 * A word the passage says another way in the same place: the words on either side of it meet theirs, and between
 * those the passage has one or two words of its own that meet nothing ("the meeting ended at 9.12pm" / "the meeting
 * closed at 9.12pm", "the committees in the survey kept" / "the committees surveyed kept"). Never a name, a number, a
 * cue (negation, hedge, quantifier) or a word with a known opposite: those are compared, not assumed.
 */
function inSameSlot(claim: Analysis, source: Analysis, al: Alignment, i: number): boolean {
  const ct = claim.tokens;
  const st = source.tokens;
  const c = ct[i]!;
  if (c.cap || c.value || c.ant || c.negation || c.modality || c.quantifier || al.toSource[i]! >= 0) return false;
  const cue = (t: Token) => t.negation || t.modality !== null || t.quantifier !== null;
  // The nearest words that are not function words, on each side, with nothing but function words between.
  let p = i - 1;
  while (p >= 0 && ct[p]!.stop && !cue(ct[p]!)) p--;
  let q = i + 1;
  while (q < ct.length && ct[q]!.stop && !cue(ct[q]!)) q++;
  const at = (k: number): number => {
    const t = ct[k];
    if (!t || cue(t)) return -1;
    if (al.toSource[k]! >= 0 && al.kind[k] === 'same') return al.toSource[k]!;
    // A number meets the same figure written the same way.
    return t.value ? st.findIndex((s) => s.value && s.key === t.key) : -1;
  };
  const jp = at(p);
  const jq = at(q);
  if (jp < 0 || jq < 0 || jq - jp < 2 || jq - jp > 4) return false;
  if (/[,;:()]/.test(claim.text.slice(ct[p]!.end, ct[q]!.start)) || /[,;:()]/.test(source.text.slice(st[jp]!.end, st[jq]!.start))) return false;
  let own = 0;
  const sourceGlue: string[] = [];
  for (let k = jp + 1; k < jq; k++) {
    const s = st[k]!;
    if (s.cap || s.value || cue(s) || al.sourceMet[k]) return false;
    if (s.stop) sourceGlue.push(s.key);
    else own++;
  }
  // The same function words around it on both sides ("ended at" / "closed at", not "to enforce the" / "a security").
  const claimGlue = ct
    .slice(p + 1, q)
    .filter((t, k) => p + 1 + k !== i)
    .map((t) => t.key);
  return own >= 1 && own <= 2 && claimGlue.join(' ') === sourceGlue.join(' ');
}

/** Nouns by which a story names its company or body again: "the company", "its board". */
const ANAPHORS = new Set([
  'company',
  'firm',
  'group',
  'maker',
  'retailer',
  'lender',
  'insurer',
  'carrier',
  'bank',
  'agency',
  'district',
  'council',
  'board',
  'union',
  'museum',
  'authority',
]);

/**
 * What compareClaim asks of one text analysed whatever it is compared with, read once per analysis: a source's
 * passage meets many claims, and a claim several passages.
 */
interface TextFacts {
  /** The words written in two to six capitals ("IRS"), by token. */
  acronym: Uint8Array;
  /** The initials of each entity run, by its index in `entities` (read when first asked). */
  initials?: string[];
  placeAnaphor: boolean;
  hasAnaphor: boolean;
  /** It negates a noun ("no teachers", "none of its members"). */
  nounNegation: boolean;
  /** It names a body: by its name ("the Department of Health") or a noun ("the department"). */
  namesBody: boolean;
}

/** The people who speak for a body, named by their kind. */
const BODY_PEOPLE = new Set(['officials', 'authorities', 'official']);

const textFacts = new WeakMap<Analysis, TextFacts>();

function factsOf(a: Analysis): TextFacts {
  let f = textFacts.get(a);
  if (!f) {
    f = {
      acronym: Uint8Array.from(a.tokens, (t) => (isCapitals(a.text, t.start, t.end) ? 1 : 0)),
      placeAnaphor: a.tokens.some((t, k) => PLACE_ANAPHORS.has(t.key) && !t.cap && k > 0 && a.tokens[k - 1]!.key === 'the'),
      hasAnaphor: a.tokens.some((t, k) => ANAPHORS.has(t.key) && !t.cap && k > 0 && ['the', 'its', 'their'].includes(a.tokens[k - 1]!.key)),
      nounNegation: a.tokens.some((t) => NOUN_NEGATIONS.has(t.key)),
      namesBody: a.tokens.some((t, k) => ORGANISATION_WORDS.has(t.key) && (t.cap || a.tokens[k - 1]?.key === 'the')),
    };
    textFacts.set(a, f);
  }
  return f;
}

/** Whether text[start, end) is two to six capitals A to Z ("IRS", "FBI"). */
function isCapitals(text: string, start: number, end: number): boolean {
  if (end - start < 2 || end - start > 6) return false;
  for (let k = start; k < end; k++) {
    const c = text.charCodeAt(k);
    if (c < 65 || c > 90) return false;
  }
  return true;
}

/** The initials of each of a text's entity runs. */
function initialsOfAll(a: Analysis): string[] {
  const f = factsOf(a);
  return (f.initials ??= a.entities.map((e) => initialsOf(a, e)));
}

/** Whether the passage names a place by a noun only: "in the town", "the city's". */
function placeAnaphor(a: Analysis): boolean {
  return factsOf(a).placeAnaphor;
}

const PLACE_ANAPHORS = new Set(['town', 'city', 'village', 'county', 'region', 'province', 'island', 'district']);

/** Whether the passage names a company or body by a noun only: "the company", "its board". */
function hasAnaphor(a: Analysis): boolean {
  return factsOf(a).hasAnaphor;
}

const organisationCache = new WeakMap<object, Map<string, boolean>>();

/**
 * Whether the source names this word as an organisation somewhere ("Calloway Foods Inc.", "Northwind Energy"), so that
 * "Calloway had increased prices" may report "the company had raised prices".
 */
function organisationInSource(word: string, ctx: SourceContext): boolean {
  if (word.length < 3 || ctx.text.length > 2_000_000 || !/^\p{Lu}[\p{L}&-]+$/u.test(word)) return false;
  const key = ctx.source ?? ctx;
  let forSource = organisationCache.get(key);
  if (!forSource) organisationCache.set(key, (forSource = new Map()));
  let yes = forSource.get(word);
  if (yes === undefined) {
    yes = false;
    // "Calloway Foods Inc.", "St. Brendan's Hospital". Most words are not in the source at all: look before scanning.
    if (!ctx.text.includes(word)) {
      if (forSource.size < 5_000) forSource.set(word, false);
      return false;
    }
    const re = new RegExp(`\\b${word}(?:['’]s|\\.)?((?:\\s+\\p{Lu}[\\p{L}'’&.-]*){1,3})`, 'gu');
    for (const m of ctx.text.matchAll(re)) {
      const words = m[1]!
        .trim()
        .toLowerCase()
        .replace(/\.|['’]s\b/g, '')
        .split(/\s+/);
      if (words.some((w) => ORGANISATION_WORDS.has(w) || ['corp', 'co', 'llc', 'holdings', 'foods', 'motors', 'airlines', 'pharmaceuticals'].includes(w))) yes = true;
      if (yes) break;
    }
    if (forSource.size < 5_000) forSource.set(word, yes);
  }
  return yes;
}

const PLACE_PREPOSITIONS = new Set(['in', 'at', 'near', 'outside', 'inside', 'across', 'around']);

/** Whether the word stands where a place does: after "in", "at", "near" (past an article). */
function atPlace(a: Analysis, i: number): boolean {
  let k = i - 1;
  while (k >= 0 && (a.tokens[k]!.key === 'the' || a.tokens[k]!.cap)) k--;
  return k >= 0 && PLACE_PREPOSITIONS.has(a.tokens[k]!.key);
}

/** A word written in two to six capitals ("IRS", "FBI"). */
function isAcronym(a: Analysis, i: number): boolean {
  return factsOf(a).acronym[i] === 1;
}

/** Words of a passage, side by side but for commas and "and", "of", "the", whose first letters spell an abbreviation. */
function wordsWithInitials(a: Analysis, abbreviation: string): { from: number; to: number } | undefined {
  const letters = abbreviation.toLowerCase();
  // Two letters spell too many pairs of words ("EU" / "economic uncertainty").
  if (letters.length < 3) return undefined;
  const skip = new Set(['and', 'of', 'the', 'for']);
  for (let k = 0; k < a.tokens.length; k++) {
    if (a.tokens[k]!.key[0] !== letters[0] || a.tokens[k]!.stop) continue;
    let n = 0;
    let j = k;
    while (j < a.tokens.length && n < letters.length) {
      const t = a.tokens[j]!;
      if (j > k && !/^[\s,]*$/.test(a.text.slice(a.tokens[j - 1]!.end, t.start))) break;
      if (skip.has(t.key) && j > k) {
        j++;
        continue;
      }
      if (t.key[0] !== letters[n]) break;
      n++;
      j++;
    }
    if (n === letters.length && j - k >= letters.length) return { from: k, to: j };
  }
  return undefined;
}

/** The capitals that open a name's words ("Internal Revenue Service" → "IRS"), past its connectors. */
function initialsOf(a: Analysis, e: { from: number; to: number }): string {
  let out = '';
  for (let k = e.from; k < e.to; k++) {
    const w = a.text.slice(a.tokens[k]!.start, a.tokens[k]!.end);
    if (/^\p{Lu}/u.test(w)) out += w[0];
  }
  return out;
}

const QUESTION_WORDS = new Set(['how', 'whether', 'when', 'why', 'where', 'what']);
const DISCLOSING = new Set(
  'elaborate elaborated elaborates explain explained explains disclose disclosed discloses specify specified specifies detail detailed details reveal revealed reveals indicate indicated indicates confirm confirmed confirms'.split(
    ' ',
  ),
);

/** The verb of saying or telling before a question word ("said how", "did not elaborate on how"), or -1. */
function questionVerb(a: Analysis, i: number): number {
  let k = i - 1;
  if (k >= 0 && ['on', 'about', 'of', 'exactly'].includes(a.tokens[k]!.key)) k--;
  const t = a.tokens[k];
  if (!t || t.cap || t.value) return -1;
  return SPEECH_LEMMAS.has(t.lemma) || DISCLOSING.has(t.key) ? k : -1;
}

/** Whether the passage has, other than at j, a name after the same two words as the claim's place word at i. */
function placeTakenBy(claim: Analysis, i: number, source: Analysis, j: number): boolean {
  const p1 = claim.tokens[i - 1];
  const p2 = claim.tokens[i - 2];
  if (!p1 || !p2 || WEAK_ANCHORS.has(p2.key)) return false;
  for (let q = 2; q < source.tokens.length; q++) {
    const t = source.tokens[q]!;
    if (q !== j && t.cap && t.lid !== source.tokens[j]!.lid && source.tokens[q - 1]!.key === p1.key && tokenMatch(p2, source.tokens[q - 2]!) === 'same') return true;
  }
  return false;
}

/**
 * A country named for its leader: a possessive ("Moscow's position", "the Kremlin's objection"), a nationality before
 * a role ("the Ukrainian leader"), or the one who speaks ("Kyiv said"). Never after a preposition of place ("in Moscow").
 */
function standsForLeader(a: Analysis, i: number): boolean {
  const t = a.tokens[i]!;
  const next = a.tokens[i + 1];
  if (/^['’]s?\b/.test(a.text.slice(t.end, t.end + 2)) || /['’]s$/.test(a.text.slice(t.start, t.end))) return true;
  if (next && ROLE_WORDS.has(next.key) && /^\s+$/.test(a.text.slice(t.end, next.start))) return true;
  return !!next && SPEECH_LEMMAS.has(next.lemma) && /^\s+$/.test(a.text.slice(t.end, next.start));
}

/** "the mayor" names a person of the passage whom the source calls Mayor somewhere; returns that person's token. */
function roleMatch(role: string, source: Analysis, ctx: SourceContext): number {
  for (const e of source.entities) {
    const last = source.tokens[e.to - 1]!;
    const name = source.text.slice(source.tokens[e.from]!.start, last.end);
    if (TITLE_WORDS.has(name)) continue;
    const surname = source.text.slice(last.start, last.end).replace(/['’]s$/, '');
    if (surname.length < 3 || !/^\p{Lu}/u.test(surname)) continue;
    const titled = titlesBefore(ctx.text, surname);
    if (titled.has(role) || (GENERIC_ROLES.has(role) && titled.size > 0)) return e.to - 1;
  }
  return -1;
}

const titleCache = new Map<string, Set<string>>();
let titleCacheText = '';

/** The titles and roles a source puts before a surname anywhere ("Mayor Angela Ortiz" → mayor), lower case. */
function titlesBefore(text: string, surname: string): Set<string> {
  if (text !== titleCacheText) {
    titleCache.clear();
    titleCacheText = text;
  }
  let out = titleCache.get(surname);
  if (out) return out;
  out = new Set();
  // The first occurrences are enough: a source names a person in full, with the title, on first mention.
  for (let at = text.indexOf(surname), n = 0; at >= 0 && n < 50; at = text.indexOf(surname, at + 1), n++) {
    const before = (
      text
        .slice(Math.max(0, at - 60), at)
        .split(/[.,;:!?"“”()\n]/)
        .pop() ?? ''
    )
      .split(/[^\p{L}'’]+/u)
      .filter(Boolean);
    // Only the words that stand right before the name ("Mayor Angela Ortiz", "finance chief Omar Haddad"): names,
    // titles and roles, back to the first other word ("President Zelenskyy and major | European" names no European).
    for (let k = before.length - 1; k >= 0; k--) {
      const w = before[k]!;
      const lower = w.toLowerCase();
      const title = ROLE_WORDS.has(lower) || TITLE_WORDS.has(lower.charAt(0).toUpperCase() + lower.slice(1));
      if (!title && !/^\p{Lu}/u.test(w) && !['of', 'the', 'finance', 'general', 'deputy', 'vice', 'former', 'acting'].includes(lower)) break;
      if (title) out.add(lower);
    }
  }
  titleCache.set(surname, out);
  return out;
}

const within = (s: Span, t: Token) => t.start >= s.start && t.end <= s.end;

// ── numbers ──────────────────────────────────────────────────────────────────────────────────────────────────

/** Units of time in days: "three weeks" is "21 days", "24 months" is "two years", "48 hours" is "two days". */
const DAYS_IN: Record<string, number> = {
  hour: 1 / 24,
  hours: 1 / 24,
  day: 1,
  days: 1,
  week: 7,
  weeks: 7,
  fortnight: 14,
  fortnights: 14,
  month: 365.25 / 12,
  months: 365.25 / 12,
  year: 365.25,
  years: 365.25,
};

function numbersAgree(d: NumberMention, s: NumberMention): boolean {
  // Two units of time: the claim's values said in the source's unit.
  const from = d.unit ? DAYS_IN[d.unit] : undefined;
  const to = s.unit ? DAYS_IN[s.unit] : undefined;
  if (from !== undefined && to !== undefined && from !== to) d = { ...d, values: d.values.map((v) => (v * from) / to) };
  for (const dv of d.values) {
    for (const sv of s.values) {
      if (d.ordinal && !s.ordinal && d.unit === 'year') {
        if (sv > dv - 1 && sv <= dv) return true;
        continue;
      }
      const eq = Math.abs(dv - sv) <= 1e-9 * Math.max(1, Math.abs(sv));
      // The same hedge on the same number: "almost 20%" / "nearly one in five".
      if (eq && d.approx === s.approx) return true;
      switch (d.approx) {
        case 'under':
          if (sv < dv && sv >= dv * 0.85) return true;
          break;
        case 'about':
          if (Math.abs(sv - dv) <= 0.1 * Math.max(Math.abs(sv), Math.abs(dv))) return true;
          break;
        // "at least four hours" / "four hours or more": the same value under a hedge that includes it is no difference.
        case 'over':
          if (sv > dv || eq) return true;
          break;
        default:
          if (eq) return true;
          if (s.approx === 'about' && Math.abs(sv - dv) <= 0.1 * Math.abs(sv)) return true;
      }
    }
  }
  return false;
}

// ── dates ────────────────────────────────────────────────────────────────────────────────────────────────────

interface Resolved {
  level: 'day' | 'month' | 'year' | 'weekday' | 'unknown';
  y?: number;
  m?: number;
  d?: number;
  weekday?: number;
}

function resolveDate(x: DateMention, sourceDate: string | null): Resolved {
  const base = sourceDate && /^\d{4}-\d{2}-\d{2}$/.test(sourceDate) ? new Date(`${sourceDate}T12:00:00Z`) : null;
  if (x.year !== null) return { level: 'year', y: x.year };
  if (x.dayOffset !== undefined) {
    if (!base) return { level: 'unknown' };
    const date = new Date(base.getTime() + x.dayOffset * 86_400_000);
    return { level: 'day', y: date.getUTCFullYear(), m: date.getUTCMonth(), d: date.getUTCDate() };
  }
  if (x.yearOffset !== undefined) {
    if (!base) return { level: 'unknown' };
    return { level: 'year', y: base.getUTCFullYear() + x.yearOffset };
  }
  if (x.monthOffset !== undefined) {
    if (!base) return { level: 'unknown' };
    const k = base.getUTCFullYear() * 12 + base.getUTCMonth() + x.monthOffset;
    return { level: 'month', y: Math.floor(k / 12), m: k % 12 };
  }
  if (x.weekday !== null) {
    if (!base) return { level: 'weekday', weekday: x.weekday };
    const delta = (x.weekday - base.getUTCDay() + 7) % 7;
    const date = new Date(base.getTime() + (delta === 0 ? 0 : x.future ? delta : delta - 7) * 86_400_000);
    return { level: 'day', y: date.getUTCFullYear(), m: date.getUTCMonth(), d: date.getUTCDate() };
  }
  if (x.month !== null && x.day !== null) {
    if (!base) return { level: 'day', m: x.month, d: x.day };
    return { level: 'day', y: base.getUTCFullYear(), m: x.month, d: x.day };
  }
  if (x.month !== null) return { level: 'month', m: x.month };
  return { level: 'unknown' };
}

/**
 * The same weekday, named plainly on both sides ("on Tuesday" / "Tuesday night"), is the same day: the tense around
 * it may differ ("will be allowed from Friday" / "Starting Friday, … is limited") without moving it a week.
 */
function sameWeekday(claim: Analysis, x: DateMention, source: Analysis, y: DateMention): boolean {
  const plain = (a: Analysis, d: DateMention) => !/\b(?:next|last|past|previous|coming|following)\s+$/i.test(a.text.slice(Math.max(0, d.start - 12), d.start));
  return x.weekday !== null && x.weekday === y.weekday && plain(claim, x) && plain(source, y);
}

/** true: the same; false: different; null: not comparable (a weekday against a date, with no source date). */
function datesAgree(a: Resolved, b: Resolved): boolean | null {
  if (a.level === 'unknown' || b.level === 'unknown') return null;
  if (a.level === 'weekday' || b.level === 'weekday') return a.level === b.level ? a.weekday === b.weekday : null;
  if (a.level === 'year' || b.level === 'year') return a.level === b.level ? a.y === b.y : null;
  if (a.level === 'month' || b.level === 'month') return a.m === b.m;
  if (a.y !== undefined && b.y !== undefined && a.y !== b.y) return false;
  return a.m === b.m && a.d === b.d;
}

// ── names ────────────────────────────────────────────────────────────────────────────────────────────────────

/** Per text analysed, per source: the kinds of its runs of words already read (a claim meets several passages of a source). */
const runKinds = new WeakMap<Analysis, WeakMap<object, Map<number, EntityKind | null>>>();

/** `sure`: only a kind the words, the texts' use or the lexicon give, not the guess that two capitalized words name a person. */
function kindOfRun(a: Analysis, from: number, to: number, titled: boolean, ctx: SourceContext, sure = false): EntityKind | null {
  // The kind depends on the words and on the source as a whole (its speakers, its use of names), not on the passage.
  if (!ctx.source || to > 4_000) return readKindOfRun(a, from, to, titled, ctx, sure);
  let bySource = runKinds.get(a);
  if (!bySource) runKinds.set(a, (bySource = new WeakMap()));
  let memo = bySource.get(ctx.source);
  if (!memo) bySource.set(ctx.source, (memo = new Map()));
  const key = (from * 4_096 + to) * 4 + (titled ? 2 : 0) + (sure ? 1 : 0);
  let kind = memo.get(key);
  if (kind === undefined) memo.set(key, (kind = readKindOfRun(a, from, to, titled, ctx, sure)));
  return kind;
}

function readKindOfRun(a: Analysis, from: number, to: number, titled: boolean, ctx: SourceContext, sure: boolean): EntityKind | null {
  const text = a.text.slice(a.tokens[from]!.start, a.tokens[to - 1]!.end).replace(/['’]s$/, '');
  const keys = a.tokens.slice(from, to).map((t) => t.key);
  if (keys.some((k) => ORGANISATION_WORDS.has(k) || ORGANISATION_WORDS.has(k.replace(/s$/, '')))) return 'organisation';
  // A name whose last word says what kind of place it is: "Eastern Province", "Kasembe District", "Rift Valley", a
  // street ("Airport Road", "Industrial Parkway").
  if (to - from >= 2 && PLACE_HEADS.has(keys[keys.length - 1]!)) return 'place';
  if (titled) return 'person';
  // A country by any of its names ("U.K.", "Britain", "Kremlin" for Russia); the EU and NATO are organisations.
  const aliased = a.tokens.slice(from, to).filter((t) => t.alias >= 0);
  if (aliased.length > 0) return aliased.some((t) => ['eu', 'nato', 'alliance', 'european', 'commission'].includes(t.key)) ? 'organisation' : 'place';
  if (isSpeaker(text, ctx)) return 'person';
  // "in Lowell" is a town whatever else the lexicon knows the word as (a first name).
  if (from > 0 && to - from === 1 && ['in', 'near', 'outside', 'across'].includes(a.tokens[from - 1]!.key)) return 'place';
  // How the texts themselves use the name ("near Dos Rios", "cities, like Marlow", "Ms. Osei") outranks the lexicon,
  // which knows Marlow as a surname.
  const used = kindInText(text, a.text, a.text === ctx.text ? ctx.source : undefined) ?? kindInText(text, ctx.text, ctx.source);
  if (used) return used;
  const known = entityKindOf(text) ?? entityKindOf(keys.join(' ')) ?? namedAfterTown(text);
  if (known) return known;
  if (/^\p{Lu}{2,}$/u.test(text)) return 'organisation';
  const before = from > 0 ? a.tokens[from - 1]!.key : '';
  if (['in', 'at', 'near', 'from', 'across', 'outside'].includes(before)) return 'place';
  if (to - from >= 2 && !sure) return 'person';
  return null;
}

/** Per speaker list (one per source, held weakly), the names found to be one of its speakers or not. */
const speakerMemo = new WeakMap<readonly string[], Map<string, boolean>>();

/** Whether a name is one of the people the source quotes. */
function isSpeaker(name: string, ctx: SourceContext): boolean {
  if (ctx.speakers.length === 0) return false;
  let byName = speakerMemo.get(ctx.speakers);
  if (!byName) speakerMemo.set(ctx.speakers, (byName = new Map()));
  let yes = byName.get(name);
  if (yes === undefined) {
    yes = ctx.speakers.some((s) => sameperson(name, s));
    if (byName.size < 5_000) byName.set(name, yes);
  }
  return yes;
}

/** Words that make a place's name with another place's ("Mount Kenya", "Port Elizabeth", "Riverside Ground"). */
const GEOGRAPHIC_WORDS = new Set(
  'mount mountain lake port fort cape saint san santa st new north south east west upper lower greater little great old ground stadium park arena field airport station centre center hall square city town county'.split(
    ' ',
  ),
);

/**
 * A body named after its town: two words, one a place the lexicon knows and the other unknown to it and no first name
 * ("Bayern Munich", "Borussia Dortmund", "Manchester United", "Boston Scientific").
 */
function namedAfterTown(name: string): EntityKind | null {
  const words = name.split(/\s+/);
  if (words.length !== 2 || words.some((w) => !/^\p{Lu}\p{Ll}+$/u.test(w) || GEOGRAPHIC_WORDS.has(w.toLowerCase()) || PLACE_HEADS.has(w.toLowerCase()))) return null;
  const kinds = words.map((w) => entityKindOf(w));
  const place = kinds.indexOf('place');
  if (place < 0 || kinds[1 - place] !== null || words.some((w) => firstNameGender(w) !== undefined)) return null;
  return 'organisation';
}

/** The last words of places' names. */
const PLACE_HEADS = new Set(
  'province region district county state island islands valley river lake mountains hills coast peninsula bay gulf strait oblast prefecture canton territory borough parish road street avenue parkway boulevard lane highway freeway expressway motorway square bridge terrace'.split(
    ' ',
  ),
);

const NAME_RUN = String.raw`\p{Lu}[\p{L}'’.&-]*(?:\s+\p{Lu}[\p{L}'’.&-]*){0,3}`;
const USAGE_PATTERNS: [EntityKind, RegExp][] = [
  // People who work at a name: "analysts at Barclays".
  [
    'organisation',
    new RegExp(
      String.raw`\b(?:[Aa]nalysts|[Ee]conomists|[Rr]esearchers|[Ss]cientists|[Ss]trategists|[Oo]fficials|[Ee]xecutives|[Ll]awyers|[Ss]taff|[Ww]orkers|[Ee]mployees)\s+(?:at|from|with)\s+(${NAME_RUN})`,
      'gu',
    ),
  ],
  ['person', new RegExp(String.raw`\b(?:Mr|Ms|Mrs|Dr|Prof|Sir|Dame)\.?\s+(${NAME_RUN})`, 'gu')],
  // Kin are people: "Her son, Alasdair,", "a daughter, Catriona,".
  [
    'person',
    new RegExp(String.raw`\b(?:son|daughter|wife|husband|brother|sister|mother|father|grandson|granddaughter|widow|widower|partner|niece|nephew|cousin)s?,?\s+(${NAME_RUN})`, 'gu'),
  ],
  // A body described in an appositive: "Andina Cobre, the Canadian-owned company that runs the mine,".
  [
    'organisation',
    new RegExp(
      String.raw`(${NAME_RUN}),\s+(?:the|a|an)\s+(?:[\p{L}\d'’-]+\s+){0,3}?(?:company|firm|group|maker|retailer|lender|insurer|carrier|bank|operator|producer|miner|manufacturer|developer|charity|corporation|conglomerate|utility|broadcaster|publisher|airline|chain|consortium|start-up|startup)\b`,
      'gu',
    ),
  ],
  // A body speaks of itself as "it": "Suncrest Oil Sands said it had flown … out of its site".
  ['organisation', new RegExp(String.raw`(${NAME_RUN})\s+(?:said|says|announced|reported|confirmed|added|warned)\s+(?:that\s+|on\s+\p{Lu}\p{Ll}+\s+)?(?:it|its)\b`, 'gu')],
  // A place by the way there, or by its people: "north to Lac Verdure", "residents of Fort Carrick".
  [
    'place',
    new RegExp(
      String.raw`\b(?:(?:north|south|east|west|north-east|north-west|south-east|south-west|northeast|northwest|southeast|southwest)(?:ward)?\s+(?:to|of|from|into|towards?)|(?:residents|people|outskirts|streets|centre|center|city|town|village|port|capital|province|region|county|state)\s+of|(?:fled|evacuated|moved|travelled|traveled|flew|drove)\s+to)\s+(${NAME_RUN})`,
      'gu',
    ),
  ],
  // A publication, where work appears: "the team reports in Marine Ecology Letters", "published in The Lancet".
  ['organisation', new RegExp(String.raw`\b(?:reports?|reported|publish(?:es|ed)?|writes?|wrote|writing|appears?|appeared)\s+in\s+(?:the\s+journal\s+)?(${NAME_RUN})`, 'gu')],
  // "in Dayton, Ohio, and Macon, Georgia": each name of the list.
  ['place', new RegExp(String.raw`\b(?:in|near|outside|across|around)\s+((?:${NAME_RUN},\s+(?:and\s+)?){0,4}${NAME_RUN})`, 'gu')],
  ['place', new RegExp(String.raw`\b(?:cities|towns|villages|counties|countries|states|places|communities|regions),?\s+(?:like|such as|including)\s+(${NAME_RUN})`, 'gu')],
];

/** A text's names by the words it puts around them, read in one pass: every leading part of each name ("Dos", "Dos Rios"). */
function scanUsage(text: string): Map<string, EntityKind> {
  const out = new Map<string, EntityKind>();
  for (const [kind, re] of USAGE_PATTERNS) {
    for (const m of text.matchAll(re)) {
      for (const item of m[1]!.split(/,\s+(?:and\s+)?/)) {
        const words = item.replace(/[.,]+$/, '').split(/\s+/);
        for (let k = 1; k <= words.length; k++) {
          // A name that ends a sentence keeps no full stop ("reports in Marine Ecology Letters.").
          const key = words
            .slice(0, k)
            .join(' ')
            .replace(/[.,;:]+$/, '')
            .replace(/['’]s$/, '');
          if (!out.has(key)) out.set(key, kind);
        }
      }
    }
  }
  return out;
}

const usageBySource = new WeakMap<object, Map<string, EntityKind>>();
let usageOfDraft: { text: string; usage: Map<string, EntityKind> } | null = null;

/** The kind of a name by the words a text puts around it: a place after "in" or "near", a person after "Ms.". */
function kindInText(name: string, text: string, owner: object | undefined): EntityKind | null {
  if (text.length > 2_000_000 || name.length < 3 || name.length > 60) return null;
  let usage: Map<string, EntityKind> | undefined;
  if (owner) {
    usage = usageBySource.get(owner);
    if (!usage) usageBySource.set(owner, (usage = scanUsage(text)));
  } else {
    if (usageOfDraft?.text !== text) usageOfDraft = { text, usage: scanUsage(text) };
    usage = usageOfDraft.usage;
  }
  return usage.get(name) ?? null;
}

/**
 * Whether the words from..to name where a body is: a place (by the lexicon or the texts' use) followed straight away
 * by a body's word ("Leeds Teaching Hospitals"). "Harvard University" / "Boston University" are two bodies.
 */
function placeModifier(a: Analysis, from: number, to: number, ctx: SourceContext): boolean {
  const t = a.tokens[to - 1]!;
  let k = to;
  while (k < a.tokens.length && k - to < 2 && !ORGANISATION_WORDS.has(a.tokens[k]!.key) && /^\p{Lu}/u.test(a.text.slice(a.tokens[k]!.start, a.tokens[k]!.end))) k++;
  const next = a.tokens[k];
  if (!next || !ORGANISATION_WORDS.has(next.key) || /['’]s$/.test(a.text.slice(t.start, t.end)) || !/^\s+$/.test(a.text.slice(t.end, a.tokens[to]!.start))) return false;
  // Bodies named after the place they serve: "Preston Crown Court", "Kendal Town Council", "Cumbria Police".
  if (to - from === 1 && PLACE_BODIES.has(next.key)) return true;
  const name = a.text.slice(a.tokens[from]!.start, t.end);
  return (kindInText(name, a.text, a.text === ctx.text ? ctx.source : undefined) ?? kindInText(name, ctx.text, ctx.source) ?? entityKindOf(name)) === 'place';
}

/** Bodies whose name starts with the place they serve. */
const PLACE_BODIES = new Set(['court', 'council', 'police', 'constabulary', 'hospital', 'hospitals', 'prison', 'airport']);

/** Per source (held weakly), the words it capitalizes mid-sentence. */
const capitalizedCache = new WeakMap<object, Map<string, boolean>>();

function capitalizedInSource(word: string, ctx: SourceContext, spelling = false): boolean {
  if (ctx.text.length > 2_000_000 || word.length < (spelling ? 6 : 3)) return false;
  const key = ctx.source ?? ctx;
  let forText = capitalizedCache.get(key);
  if (!forText) capitalizedCache.set(key, (forText = new Map()));
  const memo = spelling ? `~${word}` : word;
  let yes = forText.get(memo);
  if (yes === undefined) {
    // Spelt another way: the same but for the last letter and up to three more ("Zelensky" / "Zelenskyy").
    const plain = spelling ? word.slice(0, -1) : word;
    // Most words are not in the source at all: look before scanning with a pattern.
    const stem = plain.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    yes = ctx.text.includes(plain) && new RegExp(`[\\p{Ll},;] +${stem}${spelling ? '\\p{L}{0,3}' : ''}\\b`, 'u').test(ctx.text);
    if (forText.size < 5_000) forText.set(memo, yes);
  }
  return yes;
}

const asNameCache = new WeakMap<object, Map<string, boolean>>();

/** A sentence's first word that the source writes as a name, or spells so another way, and never in lower case. */
function writtenAsName(word: string, ctx: SourceContext): boolean {
  const key = ctx.source ?? ctx;
  let forText = asNameCache.get(key);
  if (!forText) asNameCache.set(key, (forText = new Map()));
  let yes = forText.get(word);
  if (yes === undefined) {
    yes = (capitalizedInSource(word, ctx) || capitalizedInSource(word, ctx, true)) && !lowerCaseInSource(word, ctx);
    if (forText.size < 5_000) forText.set(word, yes);
  }
  return yes;
}

/** Whether the source writes the word in lower case ("health" in "State health officials"). */
function lowerCaseInSource(word: string, ctx: SourceContext): boolean {
  const lower = word.toLowerCase();
  if (ctx.text.length > 2_000_000 || lower === word || lower.length < 3) return false;
  const key = ctx.source ?? ctx;
  let forText = capitalizedCache.get(key);
  if (!forText) capitalizedCache.set(key, (forText = new Map()));
  const memo = `_${lower}`;
  let yes = forText.get(memo);
  if (yes === undefined) {
    yes = ctx.text.includes(lower) && new RegExp(`(?<![\\p{L}'’])${lower.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}(?![\\p{L}])`, 'u').test(ctx.text);
    if (forText.size < 5_000) forText.set(memo, yes);
  }
  return yes;
}

/** A name that only describes someone else: a possessive ("Trump's envoy"), or a title's part ("Trump envoy Witkoff"). */
function describesAnother(claim: Analysis, e: { titled: boolean }, to: number): boolean {
  const last = claim.tokens[to - 1]!;
  const next = claim.tokens[to];
  return (
    /['’]s$/.test(claim.text.slice(last.start, last.end + 2).replace(/\s.*$/, '')) ||
    (!!next && (next.cap || ROLE_WORDS.has(next.key)) && /^\s+$/.test(claim.text.slice(last.end, next.start)))
  );
}

/**
 * The name a claim is attributed to ("Witkoff said …", "…, Witkoff said.", "according to Witkoff"): when the source
 * names that person too, the frame tells where the writer read it, not a new fact.
 */
function attributes(claim: Analysis, from: number, to: number): boolean {
  const next = claim.tokens[to];
  if (next && SPEECH_LEMMAS.has(next.lemma) && /^\s+$/.test(claim.text.slice(claim.tokens[to - 1]!.end, next.start))) return true;
  return from >= 2 && claim.tokens[from - 2]!.key === 'according' && claim.tokens[from - 1]!.key === 'to';
}

/**
 * A name the passage does not have but its source names elsewhere ("Trump's envoy Steve Witkoff told CNN" where the
 * sentence says only "Witkoff told CNN"): context the writer took from the same article, not a new claim.
 */
function namedInSource(claim: Analysis, from: number, to: number, ctx: SourceContext): boolean {
  if (ctx.text.length > 2_000_000) return false;
  const last = claim.tokens[to - 1]!;
  const surname = claim.text.slice(last.start, last.end).replace(/['’]s$/, '');
  return surname.length >= 3 && /^\p{Lu}/u.test(surname) && new RegExp(`\\b${surname.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\b`, 'u').test(ctx.text);
}

/**
 * Whether the names ending at `to` (claim) and `sto` (source) each describe the person named next, by a role between
 * ("Castleford keeper Sam Holloway"), and that person's name of two words or more is met word for word.
 */
function describesSamePerson(claim: Analysis, to: number, source: Analysis, sto: number, al: Alignment): boolean {
  const personAfter = (a: Analysis, k: number) => {
    let r = k;
    while (r < a.tokens.length && r - k < 2 && !a.tokens[r]!.cap && !a.tokens[r]!.stop && /^\s+$/.test(a.text.slice(a.tokens[r - 1]!.end, a.tokens[r]!.start))) r++;
    if (r === k) return null;
    const e = a.entities.find((x) => x.from === r);
    return e && e.to - e.from >= 2 ? e : null;
  };
  const ce = personAfter(claim, to);
  const se = personAfter(source, sto);
  if (!ce || !se || ce.to - ce.from !== se.to - se.from) return false;
  for (let k = 0; k < ce.to - ce.from; k++) if (al.toSource[ce.from + k] !== se.from + k || al.kind[ce.from + k] !== 'same') return false;
  return true;
}

/** Whether the names ending at `to` (claim) and `sto` (source) are each the subject of the same verb, right after them. */
function sameVerbAfter(claim: Analysis, to: number, source: Analysis, sto: number, al: Alignment): boolean {
  const verbAfter = (a: Analysis, k: number) => {
    let v = k;
    while (v < a.tokens.length && v - k < 3 && (AUXILIARIES.has(a.tokens[v]!.key) || a.tokens[v]!.modality)) v++;
    return v < a.tokens.length && v > 0 && !/[,;:—–()"“”]/.test(a.text.slice(a.tokens[v - 1]!.end, a.tokens[v]!.start)) ? v : -1;
  };
  const cv = verbAfter(claim, to);
  const sv = verbAfter(source, sto);
  return cv >= 0 && sv >= 0 && al.toSource[cv] === sv && al.kind[cv] === 'same' && (isVerbAt(claim, cv) || claim.tokens[cv - 1]!.modality !== null);
}

/** The entity run (or lone capitalized word) a token stands in, by token indexes. */
function runOf(a: Analysis, i: number): { from: number; to: number; titled: boolean } {
  for (const e of a.entities) if (i >= e.from && i < e.to) return e;
  return { from: i, to: i + 1, titled: false };
}

// ── subjects (who did what) ──────────────────────────────────────────────────────────────────────────────────

const BE = new Set(['is', 'are', 'was', 'were', 'be', 'been', 'being']);

function isVerbAt(a: Analysis, i: number): boolean {
  const t = a.tokens[i]!;
  if (t.cap || t.value || t.modality || t.negation || t.quantifier || AUXILIARIES.has(t.key)) return false;
  if (SPEECH_VERBS.has(t.key) || IRREGULAR_LEMMAS.has(t.key)) return true;
  const prev = a.tokens[i - 1];
  // The second half of a compound adjective ("Cincinnati-based", "state-owned") describes a noun.
  if (prev && a.text.slice(prev.end, t.start) === '-') return false;
  // "was premature": a copula and an adjective, not an action with a doer.
  if (prev && BE.has(prev.key) && !/(?:ed|en)$/.test(t.key) && !IRREGULAR_LEMMAS.has(t.key)) return false;
  if (prev && (prev.modality || AUXILIARIES.has(prev.key) || prev.key === 'not' || prev.key === 'never' || prev.key.endsWith("n't")) && prev.key !== 'to') return true;
  return /ed$/.test(t.key) && !!prev && !['the', 'a', 'an', 'its', 'their', 'his', 'her'].includes(prev.key);
}

/**
 * The voice of the verb at i: passive when a form of "be" stands before its participle (past auxiliaries, hedges and
 * adverbs in -ly), with the token its subject ends at (the word before those), and whether a "by" follows.
 */
function voiceAt(a: Analysis, i: number): { passive: boolean; subject: number; be: number; by: boolean } | null {
  const toks = a.tokens;
  const t = toks[i]!;
  if (!(/(?:ed|en|t)$/.test(t.key) || IRREGULAR_PARTICIPLES.has(t.key))) return null;
  let k = i - 1;
  let be = -1;
  while (k >= 0 && (AUXILIARIES.has(toks[k]!.key) || toks[k]!.modality || /ly$/.test(toks[k]!.key))) {
    if (BE.has(toks[k]!.key) && be < 0) be = k;
    k--;
  }
  // Only a clause's own subject: a name right before, in the same clause.
  if (k < 0 || k === i - 1 || /[,;:—–()"“”]/.test(a.text.slice(toks[k]!.end, toks[k + 1]!.start))) return null;
  if (!AUXILIARIES.has(toks[k + 1]!.key)) return null;
  const by = toks.slice(i + 1, i + 6).some((x) => x.key === 'by');
  return { passive: be >= 0, subject: k, be, by };
}

/** People who speak for a body. */
const SPOKESPEOPLE = new Set(['spokesperson', 'spokesman', 'spokeswoman', 'spokespeople', 'representative', 'official', 'officials']);

/** Whether the verb at j has its subject through a relative pronoun after a comma (", which will let"). */
function relativeBefore(a: Analysis, s: Subject, j: number): boolean {
  for (let k = s.head.to; k < j; k++) {
    const t = a.tokens[k]!;
    if ((t.key === 'which' || t.key === 'who') && /,\s*$/.test(a.text.slice(a.tokens[k - 1]!.end, t.start))) return true;
  }
  return false;
}

interface Subject {
  /** The head word or name, and the whole noun phrase around it ("the US and its European allies"). */
  head: { from: number; to: number };
  phrase: { from: number; to: number };
}

const CLAUSE_WORDS = new Set(['that', 'who', 'which', 'whom', 'said', 'says', 'told', 'as', 'when', 'while', 'after', 'before', 'because', 'but', 'if', 'under', 'during']);

/** The noun phrase before a head, back to a clause boundary (at most 6 words). */
function phraseBefore(a: Analysis, from: number): number {
  let k = from;
  while (k > 0 && from - k < 6) {
    const prev = a.tokens[k - 1]!;
    const gap = a.text.slice(prev.end, a.tokens[k]!.start);
    if (/[,;:—–()"“”]/.test(gap) || CLAUSE_WORDS.has(prev.key) || isVerbAt(a, k - 1)) break;
    k--;
  }
  return k;
}

/** The subject of the verb at i: the word or name before it, through auxiliaries, a relative pronoun or a passive's "by". */
const DOCUMENTS = String.raw`(?:figures|data|accounts|records|documents|filings|statistics|numbers|results|report|survey|study|minutes|papers)`;
const SHOW_VERBS = String.raw`(?:show|shows|showed|shown|reveal|reveals|revealed|suggest|suggests|suggested|indicate|indicates|indicated|found|finds)`;
const DETERMINERS = String.raw`(?:(?:the|its|their|official|latest|new)\s+)*`;
const TRAILING_DOCUMENT = new RegExp(String.raw`,\s+(?:according\s+to\s+${DETERMINERS}${DOCUMENTS}|${DETERMINERS}${DOCUMENTS}\s+${SHOW_VERBS})\s*[.!]?\s*$`, 'i');
const LEADING_DOCUMENT = new RegExp(String.raw`^${DETERMINERS}${DOCUMENTS}\s+${SHOW_VERBS}\s+(?:that\s+)?`, 'i');

/** The words of a claim that cite a document for it ("…, the accounts show", "Figures show that …"), or null. */
function documentFrame(claim: Analysis): Span | null {
  const text = claim.text.slice(claim.span.start, claim.span.end);
  const trailing = TRAILING_DOCUMENT.exec(text);
  if (trailing) return { start: claim.span.start + trailing.index, end: claim.span.end };
  const leading = LEADING_DOCUMENT.exec(text);
  return leading ? { start: claim.span.start, end: claim.span.start + leading[0].length } : null;
}

const INDEFINITE_PRONOUNS = new Set(['someone', 'somebody', 'anyone', 'anybody', 'something', 'anything']);

function subjectOf(a: Analysis, i: number): Subject | null {
  const toks = a.tokens;
  let k = i - 1;
  let passive = false;
  while (k >= 0 && (AUXILIARIES.has(toks[k]!.key) || toks[k]!.modality || toks[k]!.negation)) {
    if (BE.has(toks[k]!.key) && (/(?:ed|en|t)$/.test(toks[i]!.key) || IRREGULAR_PARTICIPLES.has(toks[i]!.key))) passive = true;
    k--;
  }
  if (passive) {
    for (let j = i + 1; j < Math.min(toks.length, i + 6); j++) {
      if (toks[j]!.key === 'by') {
        // "cut by a third", "raised by 5%": a measure, not who did it.
        if (toks[j + 1]?.value || (['a', 'an', 'one'].includes(toks[j + 1]?.key ?? '') && toks[j + 2]?.value)) return null;
        let e = j + 1;
        while (e < toks.length && e - j <= 6 && !/[,;:—–()"“”.]/.test(a.text.slice(toks[e - 1]!.end, toks[e]!.start)) && !CLAUSE_WORDS.has(toks[e]!.key)) e++;
        if (e <= j + 1) return null;
        let h = j + 1;
        while (h < e - 1 && toks[h]!.stop) h++;
        if (INDEFINITE_PRONOUNS.has(toks[h]!.key)) return null;
        return { head: toks[h]!.cap ? runOf(a, h) : { from: h, to: h + 1 }, phrase: { from: j + 1, to: e } };
      }
    }
    return null;
  }
  if (k < 0) return null;
  let appositiveFrom = -1;
  const gap = a.text.slice(toks[k]!.end, toks[k + 1]!.start);
  // A relative clause between the subject and its verb, without commas ("Residents who live in the area said"): the
  // noun before "who".
  // Or "that" with its verb right after it, after a noun ("Seagrass meadows off Western Australia that lost more than a
  // third of their area in a 2011 marine heatwave have recovered"), not "the proposal that the US …".
  for (let r = k - 1; r >= Math.max(1, k - 14) && !/[,;:—–()"“”]/.test(a.text.slice(toks[r]!.end, toks[r + 1]!.start)); r--) {
    const relative = (toks[r]!.key === 'who' && r >= k - 6) || (toks[r]!.key === 'that' && r + 1 < k && isVerbAt(a, r + 1) && !isVerbAt(a, r - 1));
    if (relative && !toks[r - 1]!.stop && !toks[r - 1]!.value && !/[,;:—–()"“”]/.test(a.text.slice(toks[r - 1]!.end, toks[r]!.start))) {
      k = r - 1;
      break;
    }
  }
  if (toks[k]!.key === 'who' || toks[k]!.key === 'which') {
    k--;
    if (k < 0) return null;
  } else if (/[,;:—–(]/.test(gap)) {
    // An interjected clause (", speaking in Brussels alongside Zelenskyy,") stands between subject and verb: skip it.
    let c = k;
    while (c > 0 && !/[,;:—–(]/.test(a.text.slice(toks[c - 1]!.end, toks[c]!.start))) c--;
    if (c > 0 && c < k && (/ing$/.test(toks[c]!.key) || ['who', 'whose', 'which', 'according'].includes(toks[c]!.key))) k = c - 1;
    // Else only an appositive name may stand before a comma ("The energy secretary, Claire Hadley, has approved"):
    // the noun phrase before it names the same subject.
    else if (!toks[k]!.cap) return null;
    else {
      // A name's age and address between commas ("Darren Whitlock, 47, of Sandes Avenue, Kendal, admitted"): the name.
      const named = pastAgeAndAddress(a, k);
      if (named !== k) k = named;
      else if (c > 0) appositiveFrom = phraseBefore(a, c - 1);
    }
  }
  const t = toks[k]!;
  // "someone", "anybody": no particular doer ("a battery that someone had thrown away" / "a battery thrown out").
  if (SUBJECT_PRONOUNS.has(t.key) || INDEFINITE_PRONOUNS.has(t.key) || (t.stop && !t.cap) || t.value) return null;
  let head = t.cap ? runOf(a, k) : { from: k, to: k + 1 };
  // A noun placed by a name after it ("The government in Ljubljana has promised"): the noun is the subject.
  const before = toks[head.from - 1];
  const noun = toks[head.from - 2];
  if (t.cap && before && noun && ['in', 'at', 'from'].includes(before.key) && !noun.cap && !noun.stop && !noun.value && !isVerbAt(a, head.from - 2)) {
    head = { from: head.from - 2, to: head.from - 1 };
  }
  return { head, phrase: { from: appositiveFrom >= 0 ? appositiveFrom : phraseBefore(a, head.from), to: head.to } };
}

/**
 * From the last word of a comma-separated segment before a verb, back past segments that give a name's age ("47") or
 * address ("of Sandes Avenue", "Kendal" after it) to the name they belong to.
 */
function pastAgeAndAddress(a: Analysis, k: number): number {
  const toks = a.tokens;
  const segmentStart = (end: number) => {
    let c = end;
    while (c > 0 && !/[,;:—–(]/.test(a.text.slice(toks[c - 1]!.end, toks[c]!.start))) c--;
    return c;
  };
  let end = k;
  for (let n = 0; n < 4 && end > 0; n++) {
    const from = segmentStart(end);
    if (from === 0 || !/^\s*,\s*$/.test(a.text.slice(toks[from - 1]!.end, toks[from]!.start))) break;
    const seg = toks.slice(from, end + 1);
    const age = seg.every((t) => t.value);
    const address = ['of', 'from', 'aged'].includes(seg[0]!.key);
    // A town after an address ("of Sandes Avenue, Kendal,"): the segment before starts with "of".
    const town = seg.every((t) => t.cap) && seg.length <= 3 && ['of', 'from'].includes(toks[segmentStart(from - 1)]!.key);
    if (!age && !address && !town) break;
    end = from - 1;
  }
  return end !== k && toks[end]!.cap ? end : k;
}

/** Where a subject's phrase starts, reaching back over "of" to the noun it belongs to ("Shares of the … maker"). */
function phraseStart(a: Analysis, s: Subject): number {
  for (let k = s.phrase.from; k >= Math.max(1, s.phrase.from - 3); k--) {
    if (a.tokens[k]!.key === 'of') return a.tokens[k - 1]!.stop ? s.phrase.from : k - 1;
    if (/[,;:—–()"“”]/.test(a.text.slice(a.tokens[k - 1]!.end, a.tokens[k]!.start))) break;
  }
  return s.phrase.from;
}

function sameSubject(claim: Analysis, cs: Subject, source: Analysis, ss: Subject, ctx: SourceContext): boolean {
  const from = phraseStart(source, ss);
  for (let i = cs.phrase.from; i < cs.phrase.to; i++) {
    const c = claim.tokens[i]!;
    if (c.stop) continue;
    for (let j = from; j < ss.phrase.to; j++) if (!source.tokens[j]!.stop && tokenMatch(c, source.tokens[j]!) === 'same') return true;
    if (ROLE_WORDS.has(c.key) && roleMatch(c.key, { ...source, entities: source.entities.filter((e) => e.from >= ss.phrase.from && e.to <= ss.phrase.to) }, ctx) >= 0) return true;
  }
  return false;
}

/**
 * Whether the passage's subject is the subject of another finite verb of the claim, in another clause: "Prosecutors
 * had sought …, while her attorneys asked" met crosswise with "Prosecutors had asked …, while her lawyers sought".
 * Not an infinitive's ("ask Okafor to review"), nor the verb of saying that frames the claim.
 */
function crosswise(claim: Analysis, i: number, source: Analysis, ss: Subject, ctx: SourceContext): boolean {
  for (let k = 0; k < claim.tokens.length; k++) {
    const t = claim.tokens[k]!;
    if (k === i || SPEECH_LEMMAS.has(t.lemma) || claim.tokens[k - 1]?.key === 'to' || !isVerbAt(claim, k)) continue;
    const o = subjectOf(claim, k);
    // Heads only: a phrase may run back past a clause's start ("ask Okafor to review whether the meeting").
    if (o && sameSubject(claim, { head: o.head, phrase: o.head }, source, ss, ctx)) return true;
  }
  return false;
}

/** Whether the claim's subject is the subject of another verb of the passage, followed there by all the claim's numbers. */
function ownClause(claim: Analysis, cs: Subject, source: Analysis, j: number, ctx: SourceContext, ss?: Subject): boolean {
  if (claim.numbers.length === 0) return false;
  for (let k = 0; k < source.tokens.length; k++) {
    if (k === j || !isVerbAt(source, k)) continue;
    const o = subjectOf(source, k);
    if (!o || !sameSubject(claim, { head: cs.head, phrase: cs.head }, source, { head: o.head, phrase: o.head }, ctx)) continue;
    const from = source.tokens[o.head.from]!.start;
    // Up to the other subject's clause, when it comes later: "X has committed $900 million, with the State funding the
    // remaining $1.5 billion" gives X no $1.5 billion.
    const until = ss && ss.head.from > o.head.to ? source.tokens[ss.phrase.from]!.start : Infinity;
    // Its numbers, as the claim gives them to it: those it has before any other subject ("A monthly pass will rise to
    // $99 from $88, and the base fare to $3.15" gives the pass $99 and $88).
    const own = claim.numbers.filter((d) => d.start < ownEnd(claim, cs));
    if (own.length > 0 && own.every((d) => source.numbers.some((x) => x.start > from && x.start < until && numbersAgree(d, x)))) return true;
  }
  return false;
}

/** Where the clause of a claim's subject ends: at ", and the …" or "; " after it, else the sentence's end. */
function ownEnd(claim: Analysis, cs: Subject): number {
  const start = claim.tokens[cs.head.to - 1]!.end;
  const m = /[,;]\s+(?:and|but|while|whereas)?\s*(?:the|a|an|its|their)\s/i.exec(claim.text.slice(start, claim.span.end));
  return m ? start + m.index : claim.span.end;
}

/** Whether the claim's subject is the subject of a verb of saying in the passage. */
function reportedBy(claim: Analysis, cs: Subject, source: Analysis, ctx: SourceContext): boolean {
  for (let k = 0; k < source.tokens.length; k++) {
    if (!SPEECH_LEMMAS.has(source.tokens[k]!.lemma)) continue;
    const ss = subjectOf(source, k);
    if (ss && sameSubject(claim, cs, source, ss, ctx)) return true;
  }
  return false;
}

/** An -ing verb right after "with" and its subject ("with the State funding the remaining $1.5 billion"). */
function withClause(a: Analysis, i: number): boolean {
  const t = a.tokens[i]!;
  if (!/ing$/.test(t.key) || t.cap || t.stop || i < 2) return false;
  for (let k = i - 1; k >= Math.max(0, i - 4); k--) {
    if (a.tokens[k]!.key === 'with') return k < i - 1 && !/[,;:]/.test(a.text.slice(a.tokens[k]!.end, t.start));
    if (a.tokens[k]!.value || (!a.tokens[k]!.cap && !a.tokens[k]!.stop)) return false;
  }
  return false;
}

/** Prepositions that put a noun in a circumstance ("during construction"), not in a doer's or done-to's place. */
const CIRCUMSTANCE = new Set(['during', 'in', 'at', 'for', 'on', 'of', 'from', 'into', 'after', 'before', 'under', 'over', 'about', 'since', 'until', 'through']);

/** Whether b names a word of a's run as a doer or done-to: a mention after a preposition of circumstance does not count. */
function mentioned(a: Analysis, run: { from: number; to: number }, b: Analysis): boolean {
  for (let i = run.from; i < run.to; i++) {
    if (a.tokens[i]!.stop) continue;
    for (let k = 0; k < b.tokens.length; k++) {
      if (tokenMatch(a.tokens[i]!, b.tokens[k]!) !== 'same') continue;
      // A possessive describes another noun ("the teachers' union"): not a doer.
      if (/^['’]/.test(b.text.slice(b.tokens[k]!.end, b.tokens[k]!.end + 1)) || /['’]s$/.test(b.text.slice(b.tokens[k]!.start, b.tokens[k]!.end))) continue;
      let p = k - 1;
      // "according to two trustees": who told it, not who did it.
      while (p >= 0 && (b.tokens[p]!.key === 'the' || b.tokens[p]!.key === 'a' || b.tokens[p]!.key === 'an' || b.tokens[p]!.value)) p--;
      if (p >= 1 && b.tokens[p]!.key === 'to' && b.tokens[p - 1]!.key === 'according') continue;
      if (p < 0 || !CIRCUMSTANCE.has(b.tokens[p]!.key)) return true;
    }
  }
  return false;
}

// ── the comparison ───────────────────────────────────────────────────────────────────────────────────────────

export function compareClaim(claim: Analysis, source: Analysis, ctx: SourceContext): Comparison {
  const al = align(claim, source, ctx);
  const differences: RawDifference[] = [];
  const differs = (kind: ClaimDifferenceKind, draft: Span, src: Span) => {
    if (!differences.some((d) => d.draft.start < draft.end && draft.start < d.draft.end)) differences.push({ kind, draft, source: src });
  };
  const ct = claim.tokens;
  const st = source.tokens;
  let extras = 0;
  /** The claim's names counted as extras: a speaker found to be swapped is a difference instead. */
  const extraNames: Span[] = [];

  // Numbers: each claim number needs an agreeing source number; an unmatched one faces the source's unmatched one.
  const sourceNumbersUsed = new Set<NumberMention>();
  const unmatchedNumbers: NumberMention[] = [];
  let valuesAgreed = 0;
  // The content word before a number ("a depth of 38", "about 90 kilometres" after "kilometres"), past hedges.
  const anchorOf = (a: Analysis, n: NumberMention) => {
    const before = a.tokens.filter((t) => t.end <= n.outerStart);
    for (let k = before.length - 1; k >= Math.max(0, before.length - 2); k--) {
      const t = before[k]!;
      if (t.value || /[,;:.()]/.test(a.text.slice(t.end, k + 1 < before.length ? before[k + 1]!.start : n.outerStart))) return -1;
      if (!t.stop) return t.lid;
    }
    return -1;
  };
  for (const d of claim.numbers) {
    // A number agrees with the source's number in the same place, if the source has one there; only else with any
    // ("a depth of 83 kilometres" is not "about 90 kilometres" south-east, but "a depth of 38").
    // A number elsewhere still agrees when it is the very value, not only near it.
    const anchor = anchorOf(claim, d);
    const placed = anchor >= 0 ? source.numbers.filter((x) => anchorOf(source, x) === anchor) : [];
    const any = source.numbers.find((x) => numbersAgree(d, x));
    const exactly = (x: NumberMention) => d.values.some((v) => x.values.some((w) => Math.abs(v - w) <= 1e-9 * Math.max(1, Math.abs(w))));
    const s = placed.find((x) => numbersAgree(d, x)) ?? (any && (placed.length === 0 || exactly(any)) ? any : undefined);
    if (s) {
      sourceNumbersUsed.add(s);
      valuesAgreed++;
    } else unmatchedNumbers.push(d);
  }
  for (const d of unmatchedNumbers) {
    const free = source.numbers.filter((x) => !sourceNumbersUsed.has(x));
    // The counterpart counts the same thing ("42 turbines" / "48 turbines") or stands between the same words.
    const anchoredNumber = (x: NumberMention) => {
      const before = (a: Analysis, at: number) => a.tokens.filter((t) => t.end <= at).pop();
      const after = (a: Analysis, at: number) => a.tokens.find((t) => t.start >= at && !t.value);
      const b1 = before(claim, d.outerStart);
      const b2 = before(source, x.outerStart);
      const a1 = after(claim, d.end);
      const a2 = after(source, x.end);
      // A share never faces a count or a time ("at 9.12pm" / "at 5.25%").
      if (isShare(claim, d) !== isShare(source, x)) return false;
      return (!!b1 && !!b2 && b1.key === b2.key) || (!!a1 && !!a2 && tokenMatch(a1, a2) === 'same');
    };
    // Else the one number left on each side, of about the same size and both shares or neither ("349 votes to 249" /
    // "339 MEPs voting in favour, 249 against").
    const sole = (x: NumberMention) =>
      unmatchedNumbers.length === 1 &&
      free.length === 1 &&
      x.values.length === d.values.length &&
      x.values[0]! > 0 &&
      d.values[0]! > 0 &&
      Math.max(x.values[0]!, d.values[0]!) / Math.min(x.values[0]!, d.values[0]!) <= 1.5;
    const s = free.find((x) => x.unit !== null && x.unit === d.unit) ?? free.find(anchoredNumber) ?? free.find(sole);
    if (s) {
      sourceNumbersUsed.add(s);
      differs('number', { start: d.outerStart, end: d.end }, s);
    } else extras++;
  }

  // Dates, resolved against the source's date.
  const sourceDates = source.dates.map((x) => ({ x, r: resolveDate(x, ctx.date) }));
  const datesUsed = new Set<DateMention>();
  const unmatchedDates: { x: DateMention; r: Resolved }[] = [];
  for (const x of claim.dates) {
    const r = resolveDate(x, ctx.date);
    const verdicts = sourceDates.map((s) => (sameWeekday(claim, x, source, s.x) ? true : datesAgree(r, s.r)));
    const k = verdicts.indexOf(true);
    if (k >= 0) {
      datesUsed.add(sourceDates[k]!.x);
      valuesAgreed++;
    }
    // The draft's "today" is the writer's day, not the source's: it agrees or says nothing.
    // So is a year counted from it ("last year"): the passage may date the same thing another way ("a year earlier").
    else if (x.dayOffset !== undefined || x.yearOffset !== undefined) continue;
    // Not comparable (a weekday against a date, the source undated; a year against a day): no difference, but a
    // year the passage does not state is no support either ("last raised the rate in 1984").
    else if (verdicts.length > 0 && verdicts.every((v) => v === null)) {
      if (r.level === 'year' && !saidOnDate(claim, x, r, ctx.date)) extras++;
      continue;
    } else unmatchedDates.push({ x, r });
  }
  // Two years, one in a clause that looks forward and one that does not ("will supply … from 2028" / "the bill doubled
  // in 2022"): the dates of two events, not one event misdated.
  const yearsOfOtherTimes = (d: { x: DateMention; r: Resolved }, s: { x: DateMention; r: Resolved }) => d.r.level === 'year' && s.r.level === 'year' && d.x.future !== s.x.future;
  // A claim about the thing happening again ("lost 40 colonies again in 2023") dates another event, not this one.
  const againRe = /\b(?:again|once more|for a second time|for the second time)\b/i;
  const again =
    unmatchedDates.length > 0 && againRe.test(claim.text.slice(claim.span.start, claim.span.end)) && !againRe.test(source.text.slice(source.span.start, source.span.end));
  for (const d of unmatchedDates) {
    if (again) {
      extras++;
      continue;
    }
    // A date written the same way first ("September 1" / "August 1", not "Monday").
    const shape = (x: DateMention) => `${x.weekday !== null}${x.month !== null}${x.day !== null}${x.year !== null}`;
    // The day words were said ("…, Witkoff said on Sunday") faces only a day something was said, not the day of the
    // events they report ("Friday's talks").
    const free = sourceDates.filter(
      (s) => !datesUsed.has(s.x) && datesAgree(d.r, s.r) === false && inSpeechFrame(claim, d.x) === inSpeechFrame(source, s.x) && !yearsOfOtherTimes(d, s),
    );
    const s = free.find((s) => shape(s.x) === shape(d.x)) ?? free[0];
    if (s) {
      datesUsed.add(s.x);
      differs('date', d.x, s.x);
    } else if (!saidOnDate(claim, d.x, d.r, ctx.date)) extras++;
  }

  // Names: the claim's unmatched names against the passage's unmatched ones, by kind.
  const sourceFree: { from: number; to: number; kind: EntityKind | null | undefined; used: boolean; e: (typeof source.entities)[number] }[] = [];
  for (const e of source.entities) {
    // "the Frenchwoman", "the Welshman": a description of someone the source names, not a name to swap.
    if (e.to - e.from === 1 && st[e.from - 1]?.key === 'the' && /^\p{Lu}\p{Ll}+(?:man|woman|men|women)$/u.test(source.text.slice(st[e.from]!.start, st[e.from]!.end))) continue;
    // A name's particle, capitalized at a sentence's start ("De Wit" / "Joost de Wit"), is no name of its own.
    const particle = (k: number) => NAME_PARTICLES.has(st[k]!.key) && k + 1 < e.to;
    let from = e.from;
    while (from < e.to && (al.sourceMet[from] || st[from]!.stop || particle(from))) from++;
    let to = e.to;
    while (to > from && (al.sourceMet[to - 1] || st[to - 1]!.stop)) to--;
    if (from >= to || (e.titled && TITLE_WORDS.has(source.text.slice(st[from]!.start, st[to - 1]!.end)))) continue;
    let met = false;
    for (let k = e.from; k < e.to; k++) if (al.sourceMet[k] && !st[k]!.stop && !TITLE_WORDS.has(source.text.slice(st[k]!.start, st[k]!.end))) met = true;
    // A person the claim names by a title, a role or part of the name is met.
    // Not when only the title is met and the name itself, to its last word, is not ("Member for Westport Daniel Kovac").
    // Nor when the unmet word is a first name right before the met surname ("Mr Stephen Oduya" / "Mr David Oduya").
    const firstName = to - from === 1 && to < e.to && al.sourceMet[to] === 1 && !TITLE_WORDS.has(source.text.slice(st[from]!.start, st[from]!.end)) && st[from]!.cap;
    // Nor when the first name is met and the claim puts another surname after it ("Dr Nina Novak" / "Dr Nina Zupan").
    const ci = to === e.to && to - from === 1 && from > e.from && al.sourceMet[from - 1] && st[from - 1]!.cap ? al.toSource.indexOf(from - 1) : -1;
    const surname = ci >= 0 && !!ct[ci + 1]?.cap && al.toSource[ci + 1]! < 0 && !al.metBySpeaker[ci + 1] && /^\s+$/.test(claim.text.slice(ct[ci]!.end, ct[ci + 1]!.start));
    if (met && !firstName && !surname && !(to === e.to && to - from >= 2) && kindOfRun(source, e.from, e.to, e.titled, ctx, true) === 'person') continue;
    sourceFree.push({ from, to, kind: undefined, used: false, e });
  }
  // The passage's first word, capitalized only because it starts the sentence, may be a name the lexicon knows
  // ("California became the first state"): a counterpart too.
  const s0 = st[0];
  if (s0 && s0.initial && !al.sourceMet[0] && !source.entities.some((e) => e.from === 0)) {
    const known = entityKindOf(source.text.slice(s0.start, s0.end));
    if (known) sourceFree.push({ from: 0, to: 1, kind: known, used: false, e: { from: 0, to: 1, titled: false } });
  }
  const kindOf = (x: (typeof sourceFree)[number]) => (x.kind === undefined ? (x.kind = kindOfRun(source, x.e.from, x.e.to, x.e.titled, ctx)) : x.kind);
  const claimRuns = [...claim.entities];
  const t0 = ct[0];
  if (t0 && !t0.cap && !t0.stop && !t0.value && /^\p{Lu}/u.test(claim.text.slice(t0.start, t0.end)) && al.toSource[0]! < 0) {
    claimRuns.unshift({ from: 0, to: 1, titled: false, initial: true });
  }
  for (const e of claimRuns) {
    let from = e.from;
    const titleOf = (k: number) => k >= 2 && ct[k - 1]!.key === 'of' && TITLE_WORDS.has(claim.text.slice(ct[k - 2]!.start, ct[k - 2]!.end));
    // "Secretary of State Marco Rubio": the title's own words are not the name.
    // A word of a name of two words or more met only by a common noun of the passage ("Southern Copper" / "copper
    // concentrate") is not met as a name: the name is still to be faced whole.
    const metInName = (k: number) => {
      const j = al.toSource[k]!;
      return (
        j >= 0 && (e.to - e.from < 2 || !ct[k]!.cap || st[j]!.cap || st[j]!.initial || ROLE_WORDS.has(ct[k]!.key) || TITLE_WORDS.has(claim.text.slice(ct[k]!.start, ct[k]!.end)))
      );
    };
    while (from < e.to && (metInName(from) || al.metBySpeaker[from] || ct[from]!.stop || titleOf(from))) from++;
    let to = e.to;
    while (to > from && (metInName(to - 1) || al.metBySpeaker[to - 1] || ct[to - 1]!.stop)) to--;
    if (from >= to) continue;
    if (ct.slice(from, to).every((t) => TITLE_WORDS.has(claim.text.slice(t.start, t.end)) || ROLE_WORDS.has(t.key))) continue;
    // A person whose surname the passage has, named with a first name it does not ("Donald Trump's envoy" / "Trump's
    // envoy"): the same person.
    // Not when the passage gives that surname another first name ("Mr Stephen Oduya" / "Mr David Oduya").
    const surname = ct[e.to - 1]!;
    const js = al.toSource[e.to - 1]!;
    const firstNamed = js > 0 && st[js - 1]!.cap && !st[js - 1]!.stop && !al.sourceMet[js - 1] && !TITLE_WORDS.has(source.text.slice(st[js - 1]!.start, st[js - 1]!.end));
    if (to < e.to && to - from === 1 && al.kind[e.to - 1] === 'same' && surname.cap && !firstNamed && !ORGANISATION_WORDS.has(surname.key) && surname.alias < 0) {
      if (kindOfRun(claim, e.from, e.to, e.titled, ctx, true) === 'person') continue;
    }
    // Single capitals ("A&E", "Q&A") are abbreviations of common words, not names.
    if (ct.slice(from, to).every((t) => t.key.length <= 1)) continue;
    // A body's common noun that opens the sentence ("Police closed the highway") names no one body.
    if (from === 0 && to === 1 && e.to - e.from === 1 && ORGANISATION_WORDS.has(ct[0]!.key)) continue;
    const kind = kindOfRun(claim, e.from, e.to, e.titled, ctx);
    let sure: boolean | undefined;
    const surePerson = () => (sure ??= kind === 'person' && kindOfRun(claim, e.from, e.to, e.titled, ctx, true) === 'person');
    // The counterpart stands in the same place: the words around it are the same ("in Montana" / "in Alaska").
    // An article or a conjunction anchors nothing ("the Ukrainian leader" / "the US").
    const anchorsAt = (a: Token | undefined, b: Token | undefined) => !!a && !!b && !WEAK_ANCHORS.has(a.key) && tokenMatch(a, b) === 'same';
    // After an appositive's comma, past an article: "The Nuffield Trust, a health think tank" / "The King's Fund, a health…".
    const anchorsAfter = (k: number, l: number) => {
      while (k < ct.length - 1 && l < st.length - 1 && WEAK_ANCHORS.has(ct[k]!.key) && ct[k]!.key === st[l]!.key) {
        k++;
        l++;
      }
      return anchorsAt(ct[k], st[l]);
    };
    // Nor does a word before a comma: "with Trump, Witkoff said" / "with Trump, Russian President". After the name, the
    // same punctuation on both sides keeps an appositive's anchor ("Rubio, who attended" / "Witkoff, who attended").
    const gapAt = (a: Analysis, k: number) => (k > 0 && k < a.tokens.length ? a.text.slice(a.tokens[k - 1]!.end, a.tokens[k]!.start).replace(/\s+/g, '') : '?');
    // Before it, past the same article or conjunction: "Janet Pruitt and Michael Dunn" / "Janet Pruitt and Luis Ferreira".
    const anchorsBefore = (k: number, l: number) => {
      // A list's commas count when both sides have them: "Dayton, Ohio, and Mobile" / "Dayton, Ohio, and Macon".
      while (k > 0 && l > 0 && WEAK_ANCHORS.has(ct[k]!.key) && ct[k]!.key === st[l]!.key && gapAt(claim, k).replace(/-/g, '') === gapAt(source, l).replace(/-/g, '')) {
        k--;
        l--;
      }
      // An article on one side only: "including NATO" / "including the European Union".
      if (ARTICLES.has(st[l]?.key ?? '') && !ARTICLES.has(ct[k]?.key ?? '') && /^-?$/.test(gapAt(source, l))) l--;
      else if (ARTICLES.has(ct[k]?.key ?? '') && !ARTICLES.has(st[l]?.key ?? '') && /^-?$/.test(gapAt(claim, k))) k--;
      return anchorsAt(ct[k], st[l]);
    };
    // Or the two names share a word that the rest of each leaves over ("Imperial Oil" / "Suncrest Oil Sands"): one
    // name for another of the same kind of body.
    const shareWord = (x: { e: { from: number; to: number } }) => {
      for (let k = e.from; k < e.to; k++) {
        const j = al.toSource[k]!;
        if (j >= x.e.from && j < x.e.to && !ct[k]!.stop && al.kind[k] === 'same' && (k < from || k >= to)) return true;
      }
      return false;
    };
    const anchored = (x: { from: number; to: number; e: { from: number; to: number } }) =>
      shareWord(x) ||
      (from > 0 && x.from > 0 && /^-?$/.test(gapAt(claim, from)) && /^-?$/.test(gapAt(source, x.from)) && anchorsBefore(from - 1, x.from - 1)) ||
      (gapAt(claim, to) === gapAt(source, x.to) && anchorsAfter(to, x.to));
    // Only an anchored counterpart: a name elsewhere in the sentence is another fact, not a substitution.
    // Kinds read from a lexicon can be wrong ("British Retail Consortium"): the same kind first, else any.
    // Or the same role next to both, in any order: "Wes Streeting, the health secretary," / "The health secretary,
    // Daniel Marsh,".
    const rolesNear = (a: Analysis, f: number, t: number) => {
      const out = new Set<string>();
      for (let k = Math.max(0, f - 4); k < Math.min(a.tokens.length, t + 5); k++) if ((k < f || k >= t) && ROLE_WORDS.has(a.tokens[k]!.key)) out.add(a.tokens[k]!.key);
      return out;
    };
    const claimRoles = kind === 'person' || e.titled ? rolesNear(claim, e.from, e.to) : new Set<string>();
    // A possessive describes something else ("St. Brendan's Hospital"): not the role's holder.
    const possessive = (a: Analysis, to: number) =>
      /^['’]s?\b/.test(a.text.slice(a.tokens[to - 1]!.end, a.tokens[to - 1]!.end + 2)) || /['’]s$/.test(a.text.slice(a.tokens[to - 1]!.start, a.tokens[to - 1]!.end));
    const sameRole = (x: { from: number; to: number; e: { from: number; to: number } }) =>
      claimRoles.size > 0 &&
      !possessive(source, x.e.to) &&
      kindOf(x as (typeof sourceFree)[number]) === 'person' &&
      [...rolesNear(source, x.e.from, x.e.to)].some((r) => claimRoles.has(r));
    const s =
      sourceFree.find((x) => !x.used && anchored(x) && (kindOf(x) === kind || kindOf(x) === null || kind === null)) ??
      // A person never stands for a place, nor a place for a person ("Putin accepted" / "the Russians agree").
      // Nor a person known as one for a body known as one.
      sourceFree.find(
        (x) =>
          !x.used &&
          anchored(x) &&
          !(kindOf(x) !== null && kindOf(x) !== 'person' && surePerson()) &&
          !(kindOf(x) === 'person' && kind !== null && kind !== 'person' && kindOfRun(source, x.e.from, x.e.to, x.e.titled, ctx, true) === 'person'),
      ) ??
      sourceFree.find((x) => !x.used && sameRole(x));
    // A first word that the source writes capitalized mid-sentence is a name after all: with no counterpart, an extra.
    // Not when it frames the claim ("Witkoff said Putin had …") and the source names it: where the writer read it.
    if (e.initial && !s) {
      // Nor when it only describes someone else ("Mariners captain Liam Dacre").
      const framed = attributes(claim, e.from, to) || describesAnother(claim, { titled: false }, to);
      // Or spelt another way ("Zelensky" / "Zelenskyy"): the source's person, whom this passage does not name.
      const word = claim.text.slice(ct[0]!.start, ct[0]!.end);
      // Not a word the source also writes in lower case ("Health officials" where the source has "State health officials"
      // beside "the Department of Health"): a common noun that some name holds.
      const asName = writtenAsName(word, ctx);
      if (asName && !(framed && namedInSource(claim, from, to, ctx))) extras++;
      continue;
    }
    if (s) {
      s.used = true;
      // A name that only says where a body is ("Sheffield Teaching Hospitals" / "Leeds Teaching Hospitals"): the place
      // differs, not the body.
      const where = placeModifier(claim, from, to, ctx) && placeModifier(source, s.from, s.to, ctx);
      // Only the description of a person both sides name in full ("Castleford keeper Sam Holloway" / "Mariners
      // goalkeeper Sam Holloway"): the source may call one body by two names (a nickname), so no difference.
      if (!where && describesSamePerson(claim, to, source, s.to, al)) {
        continue;
      }
      // One country for another as the doer of the same verb ("Russia could offer" / "the United States could offer"):
      // who did it.
      const doers = kindOf(s) === 'place' && kind === 'place' && ct[from]!.alias >= 0 && st[s.from]!.alias >= 0 && sameVerbAfter(claim, to, source, s.to, al);
      differs(
        where ? 'place' : doers ? 'agent' : (kindOf(s) ?? kind ?? 'organisation'),
        { start: ct[from]!.start, end: ct[to - 1]!.end },
        { start: st[s.from]!.start, end: st[s.to - 1]!.end },
      );
    } else {
      // Or a name the source has elsewhere that only says which of a thing the passage states ("the Mill Lane
      // application" / "the application be approved"): context from the same article, not a new fact.
      const which =
        to < ct.length &&
        al.kind[to] === 'same' &&
        !ct[to]!.cap &&
        /^\s+$/.test(claim.text.slice(ct[to - 1]!.end, ct[to]!.start)) &&
        kindOfRun(claim, e.from, e.to, e.titled, ctx, true) !== 'person';
      // Or a place that only says where a thing the passage states is ("the war in Ukraine" / "the 3 1/2-year conflict"),
      // a place the source names elsewhere.
      const whereOf =
        from === e.from &&
        from >= 2 &&
        (ct[from - 1]!.key === 'in' || ct[from - 1]!.key === 'of') &&
        al.kind[from - 2] === 'same' &&
        !ct[from - 2]!.stop &&
        !ct[from - 2]!.cap &&
        !ct[from - 2]!.value &&
        kindOfRun(claim, e.from, e.to, e.titled, ctx, true) === 'place';
      const framed = describesAnother(claim, e, to) || which || whereOf || (attributes(claim, e.from, to) && !st.some((t) => SPEECH_LEMMAS.has(t.lemma)));
      // A person the source names, described in the claim by a role the passage names them by ("Gail Prentiss, the
      // former finance director" / "the former finance director of St. Brendan's"): the same person.
      const byRole = kind === 'person' && [...claimRoles].some((r) => st.some((t) => t.key === r));
      if (!((framed || byRole) && namedInSource(claim, from, to, ctx))) {
        extras++;
        extraNames.push({ start: ct[from]!.start, end: ct[to - 1]!.end });
      }
    }
  }
  // Ordinals before the same word: "the second time" where the source says "the first time".
  ct.forEach((c, i) => {
    const next = ct[i + 1];
    const j = next ? al.toSource[i + 1]! : -1;
    if (!ORDINALS.has(c.key) || j < 1 || al.kind[i + 1] !== 'same') return;
    const s = st[j - 1]!;
    if (ORDINALS.has(s.key) && s.key !== c.key) differs('number', c, s);
  });
  // Lower-case places: "the city's west side" for "east side".
  ct.forEach((c, i) => {
    if (!PLACE_WORDS.has(c.key) || al.toSource[i]! >= 0) return;
    const j = st.findIndex((s, k) => PLACE_WORDS.has(s.key) && !al.sourceMet[k] && s.key !== c.key && ct[i + 1] && st[k + 1] && tokenMatch(ct[i + 1]!, st[k + 1]!) === 'same');
    if (j >= 0) differs('place', c, st[j]!);
  });

  // The claim's verb of saying opens a question the passage's does not ("could not say whether" / "Feld said the
  // findings"): two roles of the same verb.
  const askedApart = (i: number, j: number) => SPEECH_LEMMAS.has(ct[i]!.lemma) && QUESTION_WORDS.has(ct[i + 1]?.key ?? '') && st[j + 1]?.key !== ct[i + 1]!.key;
  // Negation, hedges and quantifiers on the words both state.
  // Both sides negate a noun ("no teachers will lose" / "none of its members would lose"): a word negated on one side
  // only is a misaligned word (here "the teachers' union"), not the opposite claim.
  const negatedAlike = factsOf(claim).nounNegation && factsOf(source).nounNegation;
  let asks = false;
  for (let k = source.span.start; k < source.span.end && !asks; k++) asks = source.text.charCodeAt(k) === 63; // '?'
  ct.forEach((c, i) => {
    const j = al.toSource[i]!;
    if (j < 0) return;
    const s = st[j]!;
    // The cues themselves ("could", "not", "most") are compared through the words they govern.
    if (c.modality || c.negation || c.quantifier || s.modality || s.negation || s.quantifier) return;
    // A word of a question the passage asks ("When will it be finished?", an interviewer's) states no hedge of its own.
    if (asks && /^[^.!?]*\?/.test(source.text.slice(s.end, Math.min(source.span.end, s.end + 200)))) return;
    // A verb of saying before a question ("could not say whether") is compared through the question, below: met
    // with the passage's frame ("Feld said the findings did not show whether"), its negation is not the passage's.
    if (askedApart(i, j)) return;
    if (al.kind[i] === 'antonym') {
      // "little was clear" says what "much remained unclear" says: a negated antonym is the same claim.
      if (negatedAt(claim, i) === negatedAt(source, j)) differs('negation', c, s);
      return;
    }
    if (c.cap && s.cap) return;
    // A negation further back ("not attempting to take") may still govern the word: only a side with no negation
    // near it at all is taken to say the opposite.
    // A negated object only ever removes a difference: "gave no timetable" says "did not give a timetable".
    // A verb of losing or lacking says "without": "had lost power" / "are without power".
    const nc = negatedAt(claim, i) !== privativeBefore(claim, i);
    const ns = negatedAt(source, j) !== privativeBefore(source, j);
    const objectsAlike = nc !== ns && (nc || objectNegated(claim, i)) === (ns || objectNegated(source, j));
    // "unless pay talks resume" says "if talks do not resume".
    const unlessFor = (neg: boolean, a: Analysis, k: number, b: Analysis, l: number) => neg && conditionalAt(a, k, 'if') && conditionalAt(b, l, 'unless');
    if (unlessFor(nc, claim, i, source, j) || unlessFor(ns, source, j, claim, i)) return;
    // Nor does one a few words on, in the same clause ("the club had not fixed" / "not a club that has fixed"): the same
    // clause negated at another of its words.
    const elsewhere = () => (nc ? negationNear(source, j) || negationAhead(source, j) : negationNear(claim, i) || negationAhead(claim, i));
    if (nc !== ns && !c.negation && !s.negation && !negatedAlike && !objectsAlike && !elsewhere()) {
      // "few residents" where the source says "most residents": a quantifier said differently, not a negation.
      const fewVersusQuantifier = (a: Analysis, k: number, b: Analysis, l: number) => FEW_WORDS.has(a.tokens[k - 1]?.key ?? '') && quantifierAt(b, l) !== null;
      const kind = fewVersusQuantifier(claim, i, source, j) || fewVersusQuantifier(source, j, claim, i) ? 'quantifier' : 'negation';
      differs(
        kind,
        cueSpan(claim, i, (t) => t.negation || t.quantifier !== null),
        cueSpan(source, j, (t) => t.negation || t.quantifier !== null),
      );
      return;
    }
    const mc = embeddedWould(claim, i, modalityAt(claim, i));
    const ms = embeddedWould(source, j, modalityAt(source, j));
    if (mc && ms && mc !== ms && !(mc === 'certain' && ms === 'would') && !(mc === 'would' && ms === 'certain')) {
      differs(
        'modality',
        cueSpan(claim, i, (t) => t.modality !== null),
        cueSpan(source, j, (t) => t.modality !== null),
      );
      return;
    }
    const qc = quantifierAt(claim, i);
    const qs = quantifierAt(source, j);
    // The quantifier goes with a noun between it and this word ("most German members opposing"): compared there, where
    // the source may have it too ("most of its German members voting against").
    const onNoun = (q: string | null) => {
      for (let k = i - 1; k >= Math.max(0, i - 4) && !ct[k]!.quantifier; k--) if (al.toSource[k]! >= 0 && quantifierAt(source, al.toSource[k]!) === q) return true;
      return false;
    };
    // One quantifier is one difference, however many of the words it governs meet theirs ("some evacuated adults").
    const cueDone = () => {
      for (let k = i - 1; k >= Math.max(0, i - 4); k--) {
        if (ct[k]!.quantifier) return differences.some((d) => d.kind === 'quantifier' && d.draft.start <= ct[k]!.start && ct[k]!.end <= d.draft.end);
        if (/[,;:.]/.test(claim.text.slice(ct[k]!.end, ct[k + 1]!.start))) return false;
      }
      return false;
    };
    // "any" alone claims no whole: "unable to contain any of the fire" / "not able to contain any part of the fire".
    const strong = qc !== null && STRONG_QUANTIFIERS.has(qc) && !/^any\b/i.test(claim.text.slice(cueSpan(claim, i, (t) => t.quantifier !== null).start));
    // The source puts the same quantifier on the clause rather than the noun ("most of the faults were small" / "in most
    // cases the fault was minor"): a few words before, in the same clause.
    const onClause = () => {
      for (let k = j - 1; k >= Math.max(0, j - 5); k--) {
        if (/[,;:.]/.test(source.text.slice(st[k]!.end, st[k + 1]!.start))) return false;
        if (st[k]!.quantifier) return st[k]!.quantifier === qc;
      }
      return false;
    };
    // A whole claimed where the passage quantifies nothing needs the passage to state what the whole does: the verb
    // after the noun ("most night-train routes only break even" / "had about 30 night-train routes" is no quantifier
    // difference).
    const predicateUnmet = () => {
      for (let k = i + 1; k < Math.min(ct.length, i + 5); k++) {
        const t = ct[k]!;
        if (/[,;:.]/.test(claim.text.slice(ct[k - 1]!.end, t.start))) return false;
        if (!t.stop && !t.value && !t.cap && !t.negation && !t.modality && !t.quantifier && al.toSource[k]! < 0 && !al.metBySpeaker[k]) return true;
      }
      return false;
    };
    // The passage has the same whole elsewhere ("most of the new growth" met "fast-growing" beside "Most of the
    // regrowth"): the claim's noun said another way, not a whole where the passage has none.
    const sameWholeElsewhere = () => st.some((t) => t.quantifier === qc);
    if (qc !== qs && ((qc && qs) || (strong && !qs && !onClause() && !predicateUnmet() && !sameWholeElsewhere())) && !onNoun(qc) && !c.value && !cueDone()) {
      differs(
        'quantifier',
        cueSpan(claim, i, (t) => t.quantifier !== null),
        qs ? cueSpan(source, j, (t) => t.quantifier !== null) : s,
      );
    }
  });

  // A quantifier of a pronoun ("all of them from falling objects" / "most of them from falling objects"): compared at
  // the same place on both sides, the words after it met.
  ct.forEach((c, i) => {
    if (!c.quantifier || ct[i + 1]?.key !== 'of' || !PRONOUNS_OF.has(ct[i + 2]?.key ?? '')) return;
    if (differences.some((d) => d.kind === 'quantifier')) return;
    const k = ct.findIndex((t, n) => n > i + 2 && !t.stop && !t.value);
    const j = k >= 0 && k - i <= 6 ? al.toSource[k]! : -1;
    if (j < 3) return;
    for (let m = j - 1; m >= Math.max(0, j - 6); m--) {
      const q = st[m]!;
      if (q.quantifier && st[m + 1]?.key === 'of' && PRONOUNS_OF.has(st[m + 2]?.key ?? '')) {
        if (q.quantifier !== c.quantifier) differs('quantifier', { start: c.start, end: ct[i + 2]!.end }, { start: q.start, end: st[m + 2]!.end });
        return;
      }
      // "all of which" where the source gives a share ("of which 30 per cent"): a whole claimed for a part.
      if (q.value && st[m - 1]?.key === 'which' && st[m - 2]?.key === 'of' && STRONG_QUANTIFIERS.has(c.quantifier)) {
        const n = source.numbers.find((x) => x.start <= q.start && q.start < x.end);
        differs('quantifier', { start: c.start, end: ct[i + 2]!.end }, n ? { start: n.start, end: n.end } : q);
        return;
      }
    }
  });

  // The same question answered on one side only: "Witkoff said how the framework might function" where the source
  // says he "did not elaborate on how the security framework might function".
  if (!differences.some((d) => d.kind === 'negation')) {
    for (let i = 1; i < ct.length; i++) {
      if (!QUESTION_WORDS.has(ct[i]!.key)) continue;
      const cv = questionVerb(claim, i);
      const ni = ct.findIndex((t, k) => k > i && !t.stop);
      const nj = ni >= 0 ? al.toSource[ni]! : -1;
      if (cv < 0 || nj < 1) continue;
      let j = nj - 1;
      while (j > 0 && nj - j <= 4 && st[j]!.key !== ct[i]!.key) j--;
      const sv = st[j]!.key === ct[i]!.key ? questionVerb(source, j) : -1;
      if (sv < 0) continue;
      // A negation further back in the clause counts: "did not go into detail about how".
      const nc = negatedAt(claim, cv) || ct[cv]!.negation || negationNear(claim, cv);
      const ns = negatedAt(source, sv) || st[sv]!.negation || negationNear(source, sv);
      if (nc !== ns) {
        differs(
          'negation',
          cueSpan(claim, cv, (t) => t.negation),
          cueSpan(source, sv, (t) => t.negation),
        );
      }
      break;
    }
  }

  // Who did what: the same verb with another subject that the passage also names.
  if (differences.length === 0) {
    for (let i = 0; i < ct.length; i++) {
      const j = al.toSource[i]!;
      if (j < 0 || al.kind[i] !== 'same' || askedApart(i, j)) continue;
      // A verb in -ing only in an absolute clause, which has its own subject: "with the State funding the rest".
      if (!(isVerbAt(claim, i) || withClause(claim, i)) || !(isVerbAt(source, j) || withClause(source, j))) continue;
      if ((/ing$/.test(ct[i]!.key) && !withClause(claim, i)) || (/ing$/.test(st[j]!.key) && !withClause(source, j))) continue;
      const cs = subjectOf(claim, i);
      const ss = subjectOf(source, j);
      if (!cs || !ss || sameSubject(claim, cs, source, ss, ctx)) continue;
      // A spokesperson speaks for the body the claim names ("The ministry said" / "a spokesperson said").
      if (SPEECH_LEMMAS.has(ct[i]!.lemma) && SPOKESPEOPLE.has(st[ss.head.to - 1]!.key)) continue;
      // ", which will let us": "which" may stand for the clause's main noun, which the claim names as its subject.
      if (relativeBefore(source, ss, j)) {
        const at = al.toSource[cs.head.from]!;
        if (at >= 0 && at < ss.head.from) continue;
      }
      // The claim's subject is the one the passage names only by a pronoun or a description ("the Frenchwoman said").
      if (al.metBySpeaker[cs.head.from] === 1) continue;
      // The claim's subject stands in the source's subject phrase, in a clause between it and the verb ("early works
      // such as … drilling will start" / "Early works, including … drilling, will begin"): the same subject.
      const at = al.toSource[cs.head.from]!;
      if (at > ss.head.from && at < j && st.slice(ss.head.to, at).some((t) => INCLUDING.has(t.key))) continue;
      // The one who reported it stands as its subject ("Haddad expects" / "Haddad said the company expected"): a
      // frame folded into the claim, not another doer.
      if (reportedBy(claim, cs, source, ctx)) continue;
      // The passage's subject is the subject of another verb of the claim ("Prosecutors had sought …, while her
      // attorneys asked" / "Prosecutors had asked …, while her lawyers sought"): two clauses met crosswise.
      if (crosswise(claim, i, source, ss, ctx)) continue;
      // Only a subject the other sentence also names: two different unknown nouns are more often a paraphrase. Two
      // different office-holders are not ("the energy secretary had recommended" / "a planning inspector had").
      const role = (a: Analysis, h: { from: number; to: number }) => h.to - h.from === 1 && ROLE_WORDS.has(a.tokens[h.from]!.key) && !GENERIC_ROLES.has(a.tokens[h.from]!.key);
      const twoRoles = role(claim, cs.head) && role(source, ss.head) && tokenMatch(ct[cs.head.from]!, st[ss.head.from]!) === null;
      // Or the claim gives the words to another person the source names ("Mr. Reilly said parents had been given…"
      // where "Amara Osei … said" it): who said it is who did it.
      // A claim's first word is such a name when the source writes it capitalized mid-sentence ("Kell said" / "Dan Pryor
      // … said", where the source quotes Rhiannon Kell elsewhere).
      const claimName = ct[cs.head.from]!.cap || (ct[cs.head.from]!.initial && capitalizedInSource(claim.text.slice(ct[cs.head.from]!.start, ct[cs.head.from]!.end), ctx));
      const otherSpeaker = SPEECH_LEMMAS.has(ct[i]!.lemma) && claimName && st[ss.head.from]!.cap && namedInSource(claim, cs.head.from, cs.head.to, ctx);
      // The claim's subject has a clause of its own in the passage, with the claim's numbers ("a monthly pass will
      // cost $99, up from $88" beside "the base fare will rise"): the claim reports that clause, not another doer.
      if (!twoRoles && !otherSpeaker && ownClause(claim, cs, source, j, ctx, ss)) continue;
      if (twoRoles || otherSpeaker || mentioned(claim, cs.head, source) || mentioned(source, ss.head, claim)) {
        let from = ss.phrase.from;
        while (from < ss.head.from && st[from]!.stop) from++;
        const draft = { start: ct[cs.head.from]!.start, end: ct[cs.head.to - 1]!.end };
        differs('agent', draft, { start: st[from]!.start, end: st[ss.head.to - 1]!.end });
        extras -= extraNames.filter((x) => x.start < draft.end && draft.start < x.end).length;
        break;
      }
    }
  }

  // Whose thing did it: another possessor of the same noun as its subject ("Banedanmark's board approved" / "the
  // authority's board approved").
  if (differences.length === 0) {
    for (let i = 0; i + 1 < ct.length; i++) {
      const c = ct[i]!;
      const n = i + 1;
      const j = al.toSource[n]!;
      if (!c.cap || al.toSource[i]! >= 0 || al.metBySpeaker[i] || j < 1 || al.kind[n] !== 'same' || ct[n]!.cap || ct[n]!.stop) continue;
      if (!/['’]s$/.test(claim.text.slice(c.start, c.end)) || !/^\s+$/.test(claim.text.slice(c.end, ct[n]!.start))) continue;
      const p = st[j - 1]!;
      if (al.sourceMet[j - 1] || p.stop || !/['’]s$/.test(source.text.slice(p.start, p.end)) || !/^\s+$/.test(source.text.slice(p.end, st[j]!.start))) continue;
      // The possessed noun is the subject of the same verb on both sides.
      const v = ct[n + 1];
      if (!v || al.toSource[n + 1] !== j + 1 || al.kind[n + 1] !== 'same' || !isVerbAt(claim, n + 1)) continue;
      differs('agent', { start: c.start, end: c.end }, { start: p.start, end: p.end });
      break;
    }
  }

  // Who did it to whom: the claim makes a doer of the one the passage has it done to ("Whitlock had verbally abused Mr
  // Reay" / "Whitlock had been verbally abused"), a passive without its "by".
  if (differences.length === 0) {
    for (let i = 0; i < ct.length; i++) {
      const j = al.toSource[i]!;
      if (j < 0 || al.kind[i] !== 'same' || ct[i]!.cap || st[j]!.cap) continue;
      const cv = voiceAt(claim, i);
      const sv = voiceAt(source, j);
      if (!cv || !sv || cv.passive || !sv.passive || sv.by || cv.subject < 0 || sv.subject < 0) continue;
      // The claim's verb has an object of its own ("abused Mr Reay"), and the same subject as the passage's.
      const object = ct[i + 1];
      if (!object || object.stop || object.value || /[,;:.]/.test(claim.text.slice(ct[i]!.end, object.start))) continue;
      if (al.toSource[cv.subject] !== sv.subject || !ct[cv.subject]!.cap) continue;
      // The one it was done to is the claim's own word, not a name the passage lacks.
      const objectEnd = object.cap ? ct[runOf(claim, i + 1).to - 1]!.end : object.end;
      const draft = { start: ct[cv.subject]!.start, end: objectEnd };
      differs('agent', draft, { start: st[sv.subject]!.start, end: st[j]!.end });
      extras -= extraNames.filter((x) => x.start < draft.end && draft.start < x.end).length;
      break;
    }
  }

  const describesSwappedPerson = (i: number) => {
    for (const d of differences) {
      if (d.kind !== 'person') continue;
      const first = ct.findIndex((t) => t.start >= d.draft.start);
      if (
        first > i &&
        first - i <= 3 &&
        ct.slice(i, first).every((t) => al.toSource[ct.indexOf(t)]! < 0 && !t.stop) &&
        !/[,;:()]/.test(claim.text.slice(ct[i]!.end, d.draft.start))
      ) {
        return true;
      }
    }
    return false;
  };
  // Coverage: the claim's content words that the passage states, leaving out the words found to differ.
  let content = 0;
  let met = 0;
  let plain = 0;
  let plainMet = 0;
  const docFrame = documentFrame(claim);
  ct.forEach((c, i) => {
    if (c.stop || c.value || c.negation || c.modality || c.quantifier || c.key.length < 2) return;
    if (differences.some((d) => within(d.draft, c))) return;
    // The document a claim cites ("…, the accounts show.") is where the writer read it, like a speaker's frame: its
    // words count only where the passage has them.
    if (docFrame && within(docFrame, c) && !(al.toSource[i]! >= 0 && al.kind[i] === 'same')) return;
    // A swapped person's own description ("Union convenor Margaret O'Donnell") goes with them.
    if (describesSwappedPerson(i)) return;
    // A sentence's first word that meets a name of the passage (or its speaker) was a name after all.
    const name = c.cap || (c.initial && (al.metBySpeaker[i] === 1 || (al.toSource[i]! >= 0 && st[al.toSource[i]!]!.cap)));
    const w = name ? 1.5 : 1;
    const ok = (al.toSource[i]! >= 0 && al.kind[i] === 'same') || al.metBySpeaker[i] === 1 || (!name && inSameSlot(claim, source, al, i));
    content += w;
    if (ok) met += w;
    if (!name) {
      plain++;
      if (ok) plainMet++;
    }
  });
  return { coverage: content === 0 ? 0 : met / content, contentWords: content, differences, extras, plainWords: plain, plainMet, valuesAgreed };
}

/** "how it would work", "whether the cut would come": a backshifted question, not a hedge of its own. */
function embeddedWould(a: Analysis, i: number, modality: string | null): string | null {
  if (modality !== 'would') return modality;
  for (let k = i - 1; k >= Math.max(0, i - 6); k--) if (['how', 'whether', 'when', 'what', 'if', 'why', 'where'].includes(a.tokens[k]!.key)) return null;
  return modality;
}

/** Whether a conditional word ("if", "unless") opens the clause the word stands in, at most ten words back. */
function conditionalAt(a: Analysis, i: number, word: string): boolean {
  for (let k = i - 1; k >= Math.max(0, i - 10); k--) {
    if (a.tokens[k]!.key === word) return true;
    if (/[.;:!?,]/.test(a.text.slice(a.tokens[k]!.end, a.tokens[k + 1]!.start))) return false;
  }
  return false;
}

/** A verb whose object is negated says the verb is negated: "gave no timetable" says "did not give a timetable". */
function objectNegated(a: Analysis, i: number): boolean {
  const next = a.tokens[i + 1];
  return !!next && NOUN_NEGATIONS.has(next.key) && next.key !== 'neither' && isVerbAt(a, i) && !/[,;:.]/.test(a.text.slice(a.tokens[i]!.end, next.start));
}

const PRIVATIVE = new Set(['lose', 'lack', 'miss', 'forgo', 'forfeit']);

/** A verb of losing or lacking right before the word, its object ("lost power", "lacks the money"). */
function privativeBefore(a: Analysis, i: number): boolean {
  for (let k = i - 1; k >= Math.max(0, i - 3); k--) {
    const t = a.tokens[k]!;
    // The verb, not the noun ("a lack of social care" is no "without").
    if (PRIVATIVE.has(t.lemma) || PRIVATIVE.has(IRREGULAR_LEMMAS.get(t.key) ?? '')) return !['a', 'an', 'the', 'of', 'its', 'their'].includes(a.tokens[k - 1]?.key ?? '');
    if (!t.stop) return false;
  }
  return false;
}

/** A negation before the word, in the same clause: "not to go after any other European countries and violate". */
/**
 * Whether the clause's own verb is negated a few words after word i ("the club had not fixed"): a negation after an
 * auxiliary or a modal, not one of a clause of its own ("pass legislation pledging not to").
 */
function negationAhead(a: Analysis, i: number): boolean {
  for (let k = i + 1; k < Math.min(a.tokens.length, i + 5); k++) {
    if (/[.;:!?,"“”]/.test(a.text.slice(a.tokens[k - 1]!.end, a.tokens[k]!.start))) return false;
    const prev = a.tokens[k - 1]!;
    if (a.tokens[k]!.negation && k - 1 > i && (AUXILIARIES.has(prev.key) || prev.modality !== null)) return true;
  }
  return false;
}

function negationNear(a: Analysis, i: number): boolean {
  for (let k = i - 1; k >= Math.max(0, i - 12); k--) {
    if (a.tokens[k]!.negation) return true;
    // A sentence mark, or a quotation closed with a comma ("…a weapon“, Özdemir told reporters"), ends the clause.
    const gap = a.text.slice(a.tokens[k]!.end, a.tokens[k + 1]!.start);
    if (/[.;:!?]/.test(gap) || (/["“”„«»]/.test(gap) && gap.includes(','))) return false;
  }
  return false;
}

/**
 * "Witkoff said on Sunday that …": the day the words were said, in the frame, where the passage gives none. Not an
 * extra fact when it falls in the week before the source's date (news reports what was said lately); with no source
 * date, or a date further off, it is.
 */
function saidOnDate(claim: Analysis, d: DateMention, r: Resolved, sourceDate: string | null): boolean {
  if (!sourceDate || r.level !== 'day' || r.y === undefined) return false;
  const before = claim.tokens.filter((t) => t.end <= d.start).slice(-3);
  if (!before.some((t) => SPEECH_LEMMAS.has(t.lemma) || t.key === 'statement' || t.key === 'interview')) return false;
  const days = (Date.parse(`${sourceDate}T12:00:00Z`) - Date.UTC(r.y, r.m!, r.d!, 12)) / 86_400_000;
  return days >= 0 && days <= 7;
}

/** Whether a number is a share: "5.25%", "15 percent", "12 per cent". */
function isShare(a: Analysis, n: NumberMention): boolean {
  return /%|\bper\s?cent\b|\bpercent\b/i.test(a.text.slice(n.start, Math.min(a.text.length, n.end + 9)));
}

/** Whether a date stands next to a verb of saying ("told CNN on Sunday", "On Sunday, Witkoff said"). */
function inSpeechFrame(a: Analysis, d: DateMention): boolean {
  const speech = (t: Token) => SPEECH_LEMMAS.has(t.lemma) || t.key === 'interview' || t.key === 'statement';
  const before = a.tokens.filter((t) => t.end <= d.start);
  // Up to five words back in the same clause: "In an interview with CNN on Aug. 16".
  for (let k = before.length - 1; k >= Math.max(0, before.length - 5); k--) {
    if (speech(before[k]!)) return true;
    if (k > 0 && /[,;:.!?]/.test(a.text.slice(before[k - 1]!.end, before[k]!.start))) break;
  }
  // After it only where it opens the sentence: "On Sunday, Witkoff said", not "… in May, but warned".
  return (
    before.every((t) => t.stop) &&
    a.tokens
      .filter((t) => t.start >= d.end)
      .slice(0, 3)
      .some(speech)
  );
}

/** The cue words before token i (through auxiliaries) together with it: "did not elaborate", "could extend". */
function cueSpan(a: Analysis, i: number, isCue: (t: Token) => boolean): Span {
  let from = i;
  let through = false;
  for (let k = i - 1; k >= Math.max(0, i - 5); k--) {
    const t = a.tokens[k]!;
    if (isCue(t)) from = k;
    // "not attempting to take": through one verb that takes "to", as negatedAt reads it.
    else if (!through && a.tokens[k + 1]?.key === 'to' && !t.cap && !t.stop && !t.value && /(?:ing|ed)$/.test(t.key)) through = true;
    // A possessive name between ("all of Kranjc's neighbours").
    else if (!(AUXILIARIES.has(t.key) || t.stop || t.negation || t.modality || t.quantifier || (t.cap && /['’]s$/.test(a.text.slice(t.start, t.end))))) break;
  }
  return { start: a.tokens[from]!.start, end: a.tokens[i]!.end };
}
