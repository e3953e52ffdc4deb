// Who said it. Each quotation is read in its sentence (other quotations masked out): the reporting clause after it
// ("…,” Whitfield, a former regulator, said / "…" said spokesman Theo Marsh), before it (Whitfield told CNN, "…" /
// according to de la Cruz), the subject of the sentence it stands in (Ochoa called the plan "a fantasy."), a
// pronoun resolved to the nearest compatible subject, or the speaker of the quote it continues. Each answer says
// how it was found and how sure that is, so the draft check accuses a writer only on a sure attribution.

import type { Attribution, AttributionMethod, Span } from '../types';
import type { Quotation } from './find-quotations';
import { looksLikePerson, type NameMention, PersonRegistry, sameperson } from './people';
import { firstStartingFrom, spanContaining } from '../text/sorted-spans';
import { Genders, type GenderReader } from './genders';
import { entityKindOf, firstNameGender } from '../text/nlp';
import { lowerBound, MASK, maskQuotations, sentenceEnds, skipSpaceBack, wordEndingAt, wordsIn, type WordAt } from './masked-text';
import {
  ADJECTIVE_PARTICIPLES,
  ADVERBS_BETWEEN,
  DOCUMENT_NOUNS,
  isPersonNoun,
  NON_PERSON_WORDS,
  NON_SPEAKER_WORDS,
  OBJECT_TAKING_VERBS,
  PRONOUNS,
  SPEAKER_NOUNS,
  PARTICIPLES_OF_SAYING,
  SPEECH_VERBS,
  STATE_ABBREVIATIONS,
  SUBJECT_PREFIX_WORDS,
} from './lexicon';

export interface AttributionContext {
  text: string;
  /** Prose paragraphs, in order; headings are flagged so they are never an antecedent. */
  paragraphs: readonly (Span & { heading: boolean })[];
  registry: PersonRegistry;
  /** Every name run of the text, in order. */
  mentions: readonly NameMention[];
}

/** How far back an unsure attribution looks for everyone it could mean. */
const CANDIDATE_PARAGRAPHS_BEFORE = 5;

/** How far back, in characters, an unsure attribution's candidates may be named. */
const CANDIDATE_CHARS_BEFORE = 6000;

/** How many sentences back in one paragraph a pronoun looks for its person. */
const SENTENCES_BACK = 40;

/** At or above this an attribution is sure enough to call a draft's different speaker wrong. */
export const SURE_ATTRIBUTION = 0.85;

const CONFIDENCE: Record<AttributionMethod, number> = {
  named: 0.95,
  appositive: 0.93,
  'according-to': 0.9,
  colon: 0.8,
  pronoun: 0.75,
  continuation: 0.75,
  'sentence-subject': 0.7,
  description: 0.9,
  // Set by transcripts and captions, whose form names the speaker.
  'transcript-label': 0.95,
  'voice-tag': 0.95,
};

/** Verbs that put words in someone's mouth without a verb of saying: "branded it a "hoax"", "vowed to end the "rigged" system". */
const CHARACTERIZING_VERB =
  /^(?:call|describ|label|brand|term|dub|characteri[sz]|hail|refer|promis|pledg|vow|accus|deni|deny|dismiss|decr|prais|criticiz|criticis|blast|slam|attack|mock|pan|urg|tout|insist|warn|predict|defend|push|bill|cast|deem|likened|compar|quot|invok|cit|lament|decl|denounc|reject|embrac|champion|endors|herald|talk|identif|sum|blam|knock|depict|portray|paint|frame|tag|nicknam|christen|rate|hype|welcom|applaud|lambast|ridicul|scorn|derid|belittl|disparag|condemn|excoriat|chastis|question|argu|assert|claim|suggest|acknowledg|admit|announc|recall|boast|brag|joke|quip|scoff)/;

/** Words before a name that make it an object, not the subject: "with Rubio", "told Trump", "Trump and". */
const NOT_SUBJECT_BEFORE =
  /(?:^|[^\p{L}])(?:with|to|by|of|for|from|at|on|about|against|than|like|as|between|over|under|into|via|toward|towards|behind|beside|among|told|asked|called|named|endorsed|nominated|beat|defeated|attacked|criticized|praised|thanked|urged|joined|met|interviewed|and|or|nor|whom|versus|vs)\s+(?:(?:the|a|an)\s+)?(?:[\p{Lu}][\p{L}.'’-]*\s+|[\p{Ll}-]+\s+){0,3}$/u;
/** Lower-case words after a name that are not its verb. */
const NOT_VERBS = new Set(
  (
    'and or but nor of in on at to for with from by about as than who whom whose which that where when while if is during after before since ' +
    'until under over into through among against without within across near despite amid including like via per because'
  ).split(' '),
);
/**
 * A possessor and a noun of speech, then "that", "was" or a colon before the quote ("her comment that, “"); without
 * one the quote says something about the words ("Ginsburg's comments “show bias”"). Or a possessor's call for
 * something: "Trump's call for “a total and complete shutdown …”".
 */
const POSSESSED_SPEECH =
  /(?:^|[^\p{L}])((?:[\p{Lu}][\p{L}.-]*\s+){0,2}[\p{Lu}][\p{L}.-]*['’]s|[Hh]is|[Hh]er)\s+(?:[\p{L}-]+\s+){0,3}?(?:comment|comments|remark|remarks|dictum|quip|promise|pledge|warning|motto|mantra|declaration|assertion|retort|refrain|boast|vow)(?:\s+to\s+(?:[\p{L}-]+\s+){0,2}?[\p{L}-]+)?(?:\s*:|,?\s+(?:that|was|is|were)\b[\s,:]*)\s*$|(?:^|[^\p{L}])((?:[\p{Lu}][\p{L}.-]*\s+){0,2}[\p{Lu}][\p{L}.-]*['’]s|[Hh]is|[Hh]er)\s+(?:[\p{L}-]+\s+){0,2}?calls?\s+for\s*$/u;
/** "he" or "she" before a verb-like lower-case word: the pronoun as a subject. */
const HE_AS_SUBJECT = /(?:^|[^\p{L}])he\s+\p{Ll}/iu;
const SHE_AS_SUBJECT = /(?:^|[^\p{L}])she\s+\p{Ll}/iu;
/** Verbs of saying in -s that are plural nouns as often ("many Asian states", "his claims", "the remarks"). */
const NOUN_OR_VERB = new Set('states claims notes comments remarks answers questions posts tweets charges counters reports promises calls'.split(' '));
/** Words that cannot stand in a role between two names ("Clinton aide Huma Abedin", not "Romney went after Trump"). */
const NOT_ROLE_WORDS = new Set('the a an to of in on at for with after before by from about and or but that this his her their its who which as than'.split(' '));

/** Attributes each quotation (in order) to a speaker, or null when the text names nobody for it. */
export function attributeQuotations(ctx: AttributionContext, quotations: readonly Quotation[]): (Attribution | null)[] {
  try {
    return new Attributor(ctx, quotations).run();
  } catch {
    // Bad input must never break reading a source: an unattributed quote is a safe answer.
    return quotations.map(() => null);
  }
}

interface Antecedent {
  name: string;
  /** Nobody else compatible was named between it and the paragraph before. */
  alone: boolean;
  sameParagraph: boolean;
  genderKnown: boolean;
  /** Nobody compatible was found: the nearest person the text says is of the other gender. */
  fallback?: boolean;
}

/** A person a sentence puts forward for a pronoun after it. */
interface Candidate {
  name: string;
  /** Reports speech or is the sentence's subject: "he said" goes on about them rather than whoever was named. */
  speaker: boolean;
  /** Reports speech: credited with a quote, the subject of a verb of saying, or after "according to". */
  speech: boolean;
  /** Where the sentence names them (a mention's start), when it does. */
  at?: number;
}

interface Sentence {
  start: number;
  end: number;
}

/** Reads who said each quotation of one text; it is also the gender book's reader of that text. */
class Attributor implements GenderReader {
  private readonly byEnd = new Map<number, NameMention>();
  private readonly byStart = new Map<number, NameMention>();
  /** The text with every quotation (marks included) blanked out, for the paragraphs that hold one. */
  readonly masked: string;
  private readonly results: (Attribution | null)[] = [];
  private readonly genders = new Genders(this);
  private readonly personCache = new Map<NameMention, boolean>();
  private readonly nameCache = new Map<NameMention, string>();
  private readonly speechCache = new Map<NameMention, boolean>();
  private readonly insideCache = new Map<string, boolean>();
  /** Each quotation's signature (asked again by the quotation after it). */
  private readonly signatureCache = new Map<Quotation, Attribution | null>();
  private readonly sentenceStartCache = new Map<number, number[]>();
  /** Each pronoun's antecedent, by position and gender: a chain of "he"s asks for the same ones again. */
  private readonly antecedents = new Map<number, Antecedent | null>();
  /** Where each quotation opens (ascending), to find those of a sentence by binary search. */
  private readonly quoteStarts: number[];

  constructor(
    readonly ctx: AttributionContext,
    private readonly quotations: readonly Quotation[],
  ) {
    for (const m of ctx.mentions) {
      this.byEnd.set(m.end, m);
      this.byStart.set(m.start, m);
    }
    this.masked = maskQuotations(ctx.text, quotations);
    this.quoteStarts = quotations.map((q) => q.outer.start);
  }

  run(): (Attribution | null)[] {
    this.quotations.forEach((q, k) => {
      let found = this.attribute(q, k);
      if (found && found.name === null && found.via === 'pronoun' && found.mention.toLowerCase() !== 'they') {
        // A pronoun that finds no one: keep the mention, name nobody.
        found = { ...found, confidence: 0.5 };
      }
      this.results.push(found);
    });
    // The first paragraphs of a quote carried over several take the speaker named after its last one.
    for (let k = this.quotations.length - 2; k >= 0; k--) {
      const next = this.results[k + 1];
      if (!this.results[k] && this.quotations[k]!.continued && next) {
        this.results[k] = continued(next, 0.9);
      }
    }
    // An attribution that is not sure still rules people out: list everyone it could mean, so that a draft crediting
    // someone else entirely can be told it is wrong.
    this.quotations.forEach((q, k) => {
      const r = this.results[k];
      if (!r || !r.name || (r.confidence ?? 1) >= SURE_ATTRIBUTION) return;
      // Everyone near, except, for "he" or "she", the people the text clearly tells are of the other gender (a title
      // such as Ms. or spokesman, or several sentences about them that go on with the other pronoun).
      const pronoun = r.via === 'pronoun' ? r.mention.toLowerCase() : '';
      const gender = pronoun === 'he' ? 'm' : pronoun === 'she' ? 'f' : undefined;
      // "Clinton said" with Bill and Hillary in the text: one of the people that name can mean, and nobody else.
      const named = r.via === 'named' && r.method === 'named' && !r.mention.includes(' ') && this.ctx.registry.countNamed(r.mention) > 0;
      const candidates = named
        ? this.ctx.registry.peopleNamed(r.mention, r.name)
        : // A pronoun looks back: nobody named only after it can be the one it means.
          this.candidatesNear(q, r.name, r.via === 'pronoun' ? r.span.start : undefined).filter(
            (c) => c === r.name || !gender || this.genders.clear(c) !== (gender === 'm' ? 'f' : 'm'),
          );
      this.results[k] = { ...r, candidates };
    });
    return this.results;
  }

  /**
   * The people an unsure attribution could mean: those named or credited from a few paragraphs before it to the
   * paragraph after it (or up to `until`).
   */
  private candidatesNear(q: Quotation, name: string, until?: number): string[] {
    const { paragraphs, mentions } = this.ctx;
    const p = spanContaining(paragraphs, q.outer.start);
    if (p < 0) return [name];
    const first = Math.max(0, p - CANDIDATE_PARAGRAPHS_BEFORE);
    const last = Math.min(paragraphs.length - 1, p + 1);
    // A few paragraphs, and a few thousand characters at most (a text with no paragraph breaks is one paragraph).
    const from = Math.max(paragraphs[first]!.start, q.outer.start - CANDIDATE_CHARS_BEFORE);
    const to = until ?? Math.min(paragraphs[last]!.end, q.outer.end + CANDIDATE_CHARS_BEFORE / 2);
    const out = [name];
    // Mentions resolve to the registry's full names, so one person is one string here.
    const seen = new Set(out);
    const add = (n: string) => {
      if (out.length < 24 && !seen.has(n)) {
        seen.add(n);
        out.push(n);
      }
    };
    for (let k = firstStartingFrom(mentions, from); k < mentions.length && mentions[k]!.start < to; k++) {
      const m = mentions[k]!;
      if (this.masked[m.start] === MASK || this.possessive(m)) continue;
      if (this.isPerson(m) && this.isSpeakerName(m)) add(this.fullName(m));
    }
    for (let k = lowerBound(this.quoteStarts, from); k < this.quoteStarts.length && this.quoteStarts[k]! < to && k < this.results.length; k++) {
      const r = this.results[k];
      if (r?.name) add(r.name);
    }
    return out;
  }

  private attribute(q: Quotation, k: number): Attribution | null {
    const labelled = this.labelInside(q);
    if (labelled) return labelled;
    const sentence = this.sentenceOf(q);
    const direct = this.after(q, sentence) ?? this.signedAfter(q) ?? this.before(q, sentence, k) ?? this.sentenceEndAttribution(q, sentence) ?? this.signedBelow(q);
    if (direct) return direct;
    // A name, title or slogan in marks ("Souls to the Polls") and a one- or two-word scare quote ("October surprise")
    // are nobody's speech unless a reporting verb of their own sentence says so.
    const scare = this.nameOrScare(q);
    if (scare === 'name') return null;
    // A short phrase a named person is said to have used ("Ochoa called the plan a "fantasy""): the sentence's subject,
    // never sure (the narrator may be the one putting it in marks).
    if (scare === 'scare') {
      const subject = this.sentenceSubject(q, sentence);
      if (!subject || !subject.name || !subject.span || subject.span.end > q.outer.start) return null;
      // Only when the subject is said to have used the words: "called", "described … as", "promised".
      const between = wordsIn(this.masked, subject.span.end, q.outer.start);
      if (!between.some((w) => SPEECH_VERBS.has(w.lower) || CHARACTERIZING_VERB.test(w.lower))) return null;
      return { ...subject, confidence: Math.min(subject.confidence ?? 1, 0.6) };
    }
    const next = this.nextSentence(q, sentence);
    if (next) return next;
    // Another quotation of the same sentence already has its speaker: "…,” she said, “…”.
    const prev = k > 0 ? this.quotations[k - 1]! : null;
    const prevResult = k > 0 ? this.results[k - 1] : null;
    // (Not after a signed quote: in a list of quotes each signed by its author, one left unsigned is nobody's we know.)
    const signed = prev !== null && this.signedAfter(prev) !== null;
    if (prev && prevResult && prev.outer.end >= sentence.start && !signed) {
      // Unless a clause of its own between them has another subject who says it: "… a clip that Judge Mosman called
      // “distasteful,” Santilli expressed a desire to “…”".
      const other = this.subjectByScan(prev.outer.end, q.outer.start);
      if (other?.name && (!prevResult.name || !sameperson(other.name, prevResult.name))) {
        const between = wordsIn(this.masked, other.span.end, q.outer.start);
        if (between.some((w) => SPEECH_VERBS.has(w.lower) || CHARACTERIZING_VERB.test(w.lower) || /^express/.test(w.lower))) {
          return { ...other, method: 'sentence-subject', confidence: Math.min(other.confidence ?? 1, CONFIDENCE['sentence-subject']) };
        }
      }
      return continued(prevResult, 0.9);
    }
    // A sentence that is only a quote, after a quote of the same paragraph: "“…,” said Hooton. “…”".
    if (prev && prevResult?.name && !signed && this.quoteAlone(q, sentence) && this.paragraphOf(prev.outer.start).start === this.paragraphOf(q.outer.start).start) {
      return continued(prevResult, 0.9);
    }
    const earlier = this.earlierSpeakerOfParagraph(q, k, sentence);
    if (earlier) return earlier;
    const subject = this.sentenceSubject(q, sentence);
    if (subject) return subject;
    const reported = this.reportedInSentenceBefore(q, sentence);
    if (reported) return reported;
    // A quote that opens its paragraph after one that ends in a colon: "Brandt told the hall:" introduces it.
    const introduced = this.opensParagraph(q, sentence) ? this.introducedByParagraphBefore(q) : null;
    if (introduced) return introduced;
    // A quote that opens its paragraph with nothing to attribute it: it continues the speaker before it.
    if (prev && prevResult && prevResult.name && this.opensParagraph(q, sentence)) {
      const pq = spanContaining(this.ctx.paragraphs, prev.outer.start);
      const qq = spanContaining(this.ctx.paragraphs, q.outer.start);
      if (qq - pq <= 1) return continued(prevResult, CONFIDENCE.continuation);
    }
    // A paragraph that is only a quote, after a paragraph about someone: "Will urged the party to …" then "“…”".
    if (this.opensParagraph(q, sentence) && this.quoteAlone(q, sentence)) return this.subjectOfParagraphBefore(q);
    return null;
  }

  /** The prose paragraph just before a quotation's own (never a heading), and its index. */
  private paragraphBefore(q: Quotation): { index: number; span: Span } | null {
    const p = spanContaining(this.ctx.paragraphs, q.outer.start) - 1;
    const prev = p >= 0 ? this.ctx.paragraphs[p]! : undefined;
    return prev && !prev.heading ? { index: p, span: prev } : null;
  }

  /** A quote paragraph after a paragraph that ends in a colon: that paragraph's last clause introduces it. */
  private introducedByParagraphBefore(q: Quotation): Attribution | null {
    const prev = this.paragraphBefore(q)?.span;
    if (!prev) return null;
    const body = this.masked.slice(prev.start, prev.end).trimEnd();
    if (!body.endsWith(':') || body.includes(MASK)) return null;
    let from = prev.start;
    for (const e of sentenceEnds(body)) from = prev.start + e;
    const found = this.introducedIn(from, prev.start + body.length);
    return found ? { ...found, confidence: Math.min(found.confidence ?? 1, CONFIDENCE.colon) } : null;
  }

  /**
   * A sentence that is only a quote, a sentence or two after a quote of the same paragraph, when the text between
   * names nobody else: "“…,” said Sara Penn, 44, an aide. An immigrant, she plans to vote. “…”". A name or slogan in
   * marks on the way ("a “No-Nonsense” barbecue") is no one's and is passed over. Never sure.
   */
  /**
   * "This makes it hard to dislodge, he said. Good information still wins, but only when “…”": a sentence that names
   * nobody goes on with the person the sentence before it, in the same paragraph and with no quote of its own,
   * reports. Never sure.
   */
  private reportedInSentenceBefore(q: Quotation, sentence: Sentence): Attribution | null {
    const own = this.masked.slice(sentence.start, sentence.end);
    if (/\b(?:he|she|they|I|we)\b/i.test(own)) return null;
    // A verb of its own says someone else speaks: "Another child responded, “…”", "The photo quotes Romans: “…”".
    if (wordsIn(this.masked, sentence.start, sentence.end).some((w) => SPEECH_VERBS.has(w.lower) || /^(?:quot|cit|read)/.test(w.lower))) return null;
    const { mentions } = this.ctx;
    for (let i = firstStartingFrom(mentions, sentence.start); i < mentions.length && mentions[i]!.start < sentence.end; i++) {
      const m = mentions[i]!;
      if (this.masked[m.start] !== MASK && this.isPerson(m)) return null;
    }
    const p = spanContaining(this.ctx.paragraphs, q.outer.start);
    if (p < 0) return null;
    const starts = this.sentenceStarts(p);
    const j = lowerBound(starts, sentence.start);
    if (j < 1 || starts[j] !== sentence.start) return null;
    const before = { start: starts[j - 1]!, end: sentence.start };
    if (this.masked.slice(before.start, before.end).includes(MASK)) return null;
    const r = this.introducedIn(before.start, before.end);
    return r?.name ? continued(r, CONFIDENCE.continuation) : null;
  }

  private earlierSpeakerOfParagraph(q: Quotation, k: number, sentence: Sentence): Attribution | null {
    const lead = this.masked.slice(sentence.start, q.outer.start);
    if (!/[.!?][”"’)]*\s+$/.test(lead) || /[\p{L}\p{N}]/u.test(this.masked.slice(q.outer.end, sentence.end))) return null;
    const para = this.paragraphOf(q.outer.start);
    for (let j = k - 1; j >= 0 && j >= k - 4; j--) {
      const prev = this.quotations[j]!;
      if (prev.outer.start < para.start || q.outer.start - prev.outer.end > 400) return null;
      const r = this.results[j];
      if (!r?.name) {
        if (wordCount(this.ctx.text, prev.inner) <= 5) continue;
        return null;
      }
      const { mentions } = this.ctx;
      for (let i = firstStartingFrom(mentions, prev.outer.end); i < mentions.length && mentions[i]!.start < q.outer.start; i++) {
        const m = mentions[i]!;
        if (this.masked[m.start] === MASK || this.possessive(m) || !this.isPerson(m)) continue;
        // Someone named as an object ("a barbecue hosted by Dana Brisk") is not a new speaker.
        if (NOT_SUBJECT_BEFORE.test(this.masked.slice(Math.max(0, m.start - 60), m.start))) continue;
        if (!sameperson(this.fullName(m), r.name)) return null;
      }
      return continued(r, CONFIDENCE.continuation);
    }
    return null;
  }

  /**
   * The person the paragraph before a quote paragraph ends on: the subject of its last sentence, when that paragraph
   * quotes no one. Never sure: the quote may be someone the narrator has not named yet.
   */
  private subjectOfParagraphBefore(q: Quotation): Attribution | null {
    const before = this.paragraphBefore(q);
    if (!before) return null;
    const { index: p, span: prev } = before;
    // A paragraph that quotes someone at length has its own speaker (the continuation rules say whose); a short phrase
    // in marks ("What “go after them” means …") is no one's speech.
    for (let k = lowerBound(this.quoteStarts, prev.start); k < this.quoteStarts.length && this.quoteStarts[k]! < prev.end; k++) {
      if (wordCount(this.ctx.text, this.quotations[k]!.inner) > 5) return null;
    }
    const starts = this.sentenceStarts(p);
    const last = { start: starts[starts.length - 1]!, end: prev.end };
    // "Viguerie is upbeat about …": a subject before "is" or "was" as well.
    const copula = this.copulaSubjectAt(last.start, last.end);
    const at = this.mainSubjectAt(last.start, last.end) ?? copula;
    let found: Attribution | null = null;
    const m = at !== undefined ? this.byStart.get(at) : undefined;
    if (m) found = this.named(m);
    else found = this.subjectByScan(last.start, last.end);
    if (!found) {
      // "He urged the council to …": the pronoun's person.
      const first = wordsIn(this.masked, this.skipLead(last.start, last.end), last.end)[0];
      if (first && /^(?:he|she)$/.test(first.lower) && first.start === this.skipLead(last.start, last.end)) found = this.pronoun(first);
    }
    if (!found?.name) return null;
    return continued(found, CONFIDENCE['sentence-subject']);
  }

  /** A person named at the start of a sentence and followed by "is" or "was": "Viguerie is upbeat about …". */
  private copulaSubjectAt(start: number, end: number): number | undefined {
    const from = this.skipLead(start, end);
    const m = this.byStart.get(from);
    if (!m || !this.isPerson(m) || !this.isSpeakerName(m) || this.possessive(m)) return undefined;
    // "Raynard Jackson, a campaign consultant, is a Virginia resident …": an appositive may stand between.
    const app = /^\s*,[^,;:.!?\u2060]{2,160},/u.exec(this.masked.slice(m.end, m.end + 170));
    const after = m.end + (app ? app[0].length : 0);
    return /^\s+(?:is|was|remains|remained|seems|seemed)\s/.test(this.masked.slice(after, after + 12)) ? m.start : undefined;
  }

  /** A name, title or slogan in marks (`name`), a short lower-case phrase in the narrator's sentence (`scare`). */
  private nameOrScare(q: Quotation): 'name' | 'scare' | null {
    const inner = this.ctx.text.slice(q.inner.start, q.inner.end).trim();
    const words = inner.split(/\s+/).filter((w) => /[\p{L}\p{N}]/u.test(w));
    if (words.length > 5) return null;
    const titleCase = words.length >= 2 && words.every((w, k) => (k > 0 && /^(?:a|an|the|and|or|of|in|on|at|to|for|by|with|from)$/.test(w) ? true : /^[\p{Lu}\p{N}]/u.test(w)));
    if (titleCase) return 'name';
    // Words in marks that modify a noun ("asked about the “not there yet” comment") are named, not said by the subject.
    const det = /\b(?:the|a|an|his|her|their|its|this|that)\s*$/i.test(this.masked.slice(Math.max(0, q.outer.start - 8), q.outer.start));
    const noun =
      /^\s+(?:comment|comments|remark|remarks|line|lines|slogan|label|phrase|quote|tweet|speech|ad|claim|charge|pledge|promise|policy|plan|campaign|rhetoric|message|moment|era|label|tag|nickname)\b/.test(
        this.masked.slice(q.outer.end, q.outer.end + 16),
      );
    if (det && noun) return 'name';
    // A short lower-case phrase inside a sentence of the narrator's, not after a reporting verb or a colon.
    if (words.length > 2) return null;
    const before = this.masked.slice(Math.max(0, q.outer.start - 30), q.outer.start);
    const last = /([\p{L}]+)[\s,:]*$/u.exec(before)?.[1]?.toLowerCase();
    if (/:\s*$/.test(before) || (last !== undefined && SPEECH_VERBS.has(last))) return null;
    if (/\bso-called\s*$/i.test(before)) return 'name';
    return /\b(?:an?|the|of|for|on|about|against|as|like|into|its|their|his|her)\s*$/i.test(before) ? 'scare' : null;
  }

  /** Whether the quotation is its sentence, give or take punctuation. */
  private quoteAlone(q: Quotation, sentence: Sentence): boolean {
    const lead = this.masked.slice(sentence.start, q.outer.start).replace(/^\s*(?:Then|And|But|Also|Later|Still|Instead|Again)\s*,?/, '');
    return !/[\p{L}\p{N}]/u.test(lead + this.masked.slice(q.outer.end, sentence.end));
  }

  private opensParagraph(q: Quotation, sentence: Sentence): boolean {
    const para = this.paragraphOf(q.outer.start);
    return sentence.start === para.start && /^[\s>]*$/.test(this.ctx.text.slice(para.start, q.outer.start));
  }

  /**
   * Where the sentences of a paragraph start (its own start first), read once on the masked text: a pronoun or a
   * quotation asks for the sentences around it by binary search, so a long paragraph is never re-read for each.
   */
  private sentenceStarts(paragraph: number): number[] {
    let starts = this.sentenceStartCache.get(paragraph);
    if (!starts) {
      const para = this.ctx.paragraphs[paragraph] ?? { start: 0, end: this.ctx.text.length };
      starts = [para.start, ...sentenceEnds(this.masked.slice(para.start, para.end)).map((e) => para.start + e)];
      this.sentenceStartCache.set(paragraph, starts);
    }
    return starts;
  }

  /** The sentence a quotation stands in, read on the masked text so that full stops inside quotations do not count. */
  private sentenceOf(q: Quotation): Sentence {
    const p = Math.max(0, spanContaining(this.ctx.paragraphs, q.outer.start));
    const starts = this.sentenceStarts(p);
    // A sentence that ends just before the quotation's mark does not end its sentence: "“…,” she said. “…”" reads
    // as one (the second quotation's speaker is the first's).
    const start = starts[Math.max(0, lowerBound(starts, q.outer.start) - 1)]!;
    const pe = Math.max(0, spanContaining(this.ctx.paragraphs, q.outer.end - 1));
    const paraEnd = this.paragraphOf(q.outer.end - 1).end;
    let end = paraEnd;
    // The quotation's own closing full stop (kept in the mask) may end the sentence.
    const own = /^\s+(?=[“"‘(]?[\p{Lu}\p{N}])/u.exec(this.masked.slice(q.outer.end, Math.min(paraEnd, q.outer.end + 8)));
    if (own && this.masked[q.outer.end - 1] === '.') end = q.outer.end;
    else {
      const after = this.sentenceStarts(pe);
      let k = lowerBound(after, q.outer.end + 1);
      // Not the end the quotation's own full stop makes (that is the rule above, and only before a capital).
      while (k < after.length && /^\s*$/.test(this.masked.slice(q.outer.end, after[k]))) k++;
      if (k < after.length) end = after[k]!;
    }
    return { start, end };
  }

  // ——— after the quotation: "…,” Whitfield said / "…,” said spokesman Theo Marsh / "…” Ochoa said. ———

  private after(q: Quotation, sentence: Sentence): Attribution | null {
    const { text } = this.ctx;
    const innerEnd = text.slice(q.inner.start, q.inner.end).trimEnd();
    let pos = q.outer.end;
    let limit = Math.max(pos, sentence.end);
    // "“A second audit?” Pike repeated.": a question or an exclamation in marks ends no sentence before its reporting
    // clause.
    const question = /[?!]$/.test(innerEnd) && /^\s*$/.test(text.slice(pos, limit));
    if (question) limit = Math.min(this.paragraphOf(pos).end, pos + 200);
    while (pos < limit && /[ \t]/.test(text[pos]!)) pos++;
    if (text[pos] === ',' || text[pos] === '—' || text[pos] === '–') pos++;
    else if (/[.!?]$/.test(innerEnd) && !/[?!]$/.test(innerEnd)) return null; // the quote ended its sentence
    const words = wordsIn(this.masked, pos, Math.min(limit + 1, pos + 200));
    const w0 = words[0];
    if (!w0 || /[^\s,]/.test(this.masked.slice(pos, w0.start))) return null;
    // "…,” according to a Pentagon readout.
    if (w0.lower === 'according' && words[1]?.lower === 'to' && words[2]) {
      const s = this.subjectForward(words[2].start, limit);
      if (s) {
        const a = s.attribution;
        return { ...a, method: a.method === 'named' || a.method === 'appositive' ? 'according-to' : a.method, confidence: Math.min(a.confidence ?? 1, CONFIDENCE['according-to']) };
      }
      // Whatever follows "according to" is the source, a document as much as a person: "according to a Pentagon readout".
      const described = this.describedSource(words[2].start, limit);
      if (described) return described;
    }
    // "has been called “strategic ambiguity” by Joshua Hendrick": the agent of a passive that calls it so.
    if (
      w0.lower === 'by' &&
      words[1] &&
      /\b(?:been|was|were|is|are|be|being)\s+(?:\p{Ll}+ly\s+)?(?:called|described|dubbed|labell?ed|termed|branded|characteri[sz]ed|denounced|praised|hailed)(?:\s+as)?\s*$/u.test(
        this.masked.slice(Math.max(0, q.outer.start - 60), q.outer.start),
      )
    ) {
      const s = this.subjectForward(words[1].start, limit);
      if (s?.attribution.name) return s.attribution;
    }
    // Verb first: "said Whitfield", "asked campaign manager Ruth Ilves", "said he".
    if (SPEECH_VERBS.has(w0.lower) && w0.lower !== 'told' && w0.lower !== 'tells' && words[1]) {
      const subject = this.subjectForward(words[1].start, limit);
      if (subject) return subject.attribution;
    }
    // Subject first: "Whitfield said", "Whitfield, a former regulator, said", "the grower, Hanna Belcourt, said".
    // Not after a quote inside an opening clause: "After Trump compared them to “rapists,” Ferrera wrote a blog".
    if (this.inLeadClause(q, sentence)) return null;
    const subject = this.subjectForward(w0.start, limit);
    if (!subject) return null;
    const verbEnd = this.verbAt(subject.end, limit);
    // "After Scalia said … “less advanced schools,” Trump said: “…”": a clause that ends in a colon introduces the
    // quote after it, not the one before.
    if (verbEnd !== null && /^\s*:/.test(this.masked.slice(verbEnd, verbEnd + 3)) && this.introducedIn(sentence.start, q.outer.start)?.name) return null;
    // (Unless that clause introduces the next quote: "“Why now?” Mills then writes back, “…”".)
    if (verbEnd !== null && question && /^[^.!?]*?[,:]\s*["“]/.test(text.slice(verbEnd, verbEnd + 40))) return null;
    if (verbEnd !== null) return subject.attribution;
    // "“…,” Harry Bond, 30, of Raleigh, N.C., who was among those polled, said": several appositives before the verb.
    if (subject.attribution.name && this.knownPerson(subject.attribution) && /^\s*,/.test(this.masked.slice(subject.end, subject.end + 3))) {
      for (const w of wordsIn(this.masked, subject.end, Math.min(limit, subject.end + 200))) {
        if (!SPEECH_VERBS.has(w.lower)) continue;
        const between = this.masked.slice(subject.end, w.start);
        if (/,\s*$/.test(between) && !/[;:!?\u2060]/u.test(between) && !this.personBetween(subject.end, w.start)) return subject.attribution;
        break;
      }
    }
    return null;
  }

  /** Whether someone the text knows as a person is named in [from, to). */
  private personBetween(from: number, to: number): boolean {
    const { mentions } = this.ctx;
    for (let k = firstStartingFrom(mentions, from); k < mentions.length && mentions[k]!.start < to; k++) {
      if (this.isPerson(mentions[k]!) && this.isSpeakerName(mentions[k]!)) return true;
    }
    return false;
  }

  /**
   * The reporting clause that ends the sentence a quote stands inside: "Couple that with a "candidate who is a
   * lightning rod" and Clevelanders get nervous, said Christine Link, …" / "…, Henson said."
   */
  private sentenceEndAttribution(q: Quotation, sentence: Sentence): Attribution | null {
    if (sentence.end <= q.outer.end) return null;
    // A later quote of the same sentence stands before the clause: "did not find “ties of any consequence,” aside from
    // the two men knowing each other “casually” …, said the bureau's director": the clause ends the whole sentence.
    const lastMask = this.masked.lastIndexOf(MASK, sentence.end - 1);
    const skip = lastMask >= q.outer.end ? lastMask + 1 - q.outer.end : 0;
    let rest = this.masked.slice(q.outer.end, sentence.end);
    // That later quote's own comma inside its closing mark ("… young family,” he said") ends it as a comma would.
    if (skip > 0 && /^,\s*[”"’]$/.test(this.ctx.text.slice(lastMask - 1, lastMask + 1).replace(/\s/g, ''))) rest = `${rest.slice(0, skip - 1)},${rest.slice(skip)}`;
    // Only the attribution may follow, perhaps with when or where.
    const tailOk = (at: number) =>
      // …, said Greta Lund, director of the Calder Shippers Guild.
      /^\s*,\s*(?:(?:a|an|the)\s|\p{Ll})[^;:!?\u2060]*\.?\s*$/u.test(this.masked.slice(at, sentence.end)) ||
      /^[\s,]*(?:[.!?]?\s*$|(?:in|on|at|of|about|during|later|recently|earlier|last|this|Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\b[^,;:]{0,40}[.!?]?\s*$)/u.test(
        this.masked.slice(at, sentence.end),
      );
    for (let comma = rest.indexOf(',', Math.max(0, skip - 1)); comma >= 0; comma = rest.indexOf(',', comma + 1)) {
      let from = q.outer.end + comma + 1;
      while (from < sentence.end && /\s/.test(this.masked[from]!)) from++;
      const words = wordsIn(this.masked, from, sentence.end);
      const w0 = words[0];
      if (!w0) return null;
      if (SPEECH_VERBS.has(w0.lower) && !OBJECT_TAKING_VERBS.has(w0.lower) && words[1]) {
        const s = this.subjectForward(words[1].start, sentence.end);
        if (s && s.attribution.via !== 'pronoun' && tailOk(s.end)) return s.attribution;
        continue;
      }
      const s = this.subjectForward(w0.start, sentence.end);
      const verbEnd = s ? this.verbAt(s.end, sentence.end) : null;
      // "“I held and hugged” the families before …, he said.": a pronoun too, when the quote opens the sentence.
      const pronounOk = s?.attribution.via !== 'pronoun' || /^[\s>]*$/.test(this.masked.slice(sentence.start, q.outer.start)) || !this.personBetween(sentence.start, q.outer.end);
      if (s && verbEnd !== null && pronounOk && tailOk(verbEnd)) return s.attribution;
    }
    return null;
  }

  /** A quote paragraph signed on the next line: "“…”" then "- Bernie Sanders." or "—President Obama, tweeting …". */
  /** Whether only white space stands between the start of its line (or paragraph) and `pos`. */
  private opensLine(pos: number): boolean {
    const { text } = this.ctx;
    // Looked back a little only: a text without line breaks is one long line, and lastIndexOf would scan all of it.
    const from = Math.max(this.paragraphOf(pos).start, pos - 200);
    const before = text.slice(from, pos);
    return /^\s*$/.test(before.slice(before.lastIndexOf('\n') + 1));
  }

  /** The phrase after "according to" up to the next punctuation, as a source nobody is named for (eight words at most). */
  private describedSource(start: number, limit: number): Attribution | null {
    const phrase = /^[^,.;:!?\u2060]{1,80}/u.exec(this.masked.slice(start, limit))?.[0].trim();
    if (!phrase || phrase.split(/\s+/).length > 8) return null;
    const span = { start, end: start + phrase.length };
    return { mention: this.ctx.text.slice(span.start, span.end), name: null, span, via: 'named', method: 'description', confidence: CONFIDENCE.description };
  }

  /** A transcript's line in marks that opens its line: "“Chris Matthews: Seriously, …”" is Matthews's. */
  private labelInside(q: Quotation): Attribution | null {
    const { text } = this.ctx;
    // Only a quote that opens its line, as a transcript's lines do (not a chant: the protesters chanted "Chris
    // Christie: Bad for New Jersey").
    if (!this.opensLine(q.outer.start)) return null;
    const label = /^\s*((?:\p{Lu}[\p{L}'’.-]*\s+){1,3}\p{Lu}[\p{L}'’-]+):\s/u.exec(text.slice(q.inner.start, Math.min(q.inner.end, q.inner.start + 60)));
    if (!label) return null;
    const start = q.inner.start + label.index + label[0].indexOf(label[1]!);
    const name = label[1]!;
    const m: NameMention = { name, start, end: start + name.length, titled: false };
    if (!looksLikePerson(m) || entityKindOf(name) === 'place' || entityKindOf(name) === 'organisation') return null;
    const resolved = this.ctx.registry.resolve(name, start) ?? name;
    return { mention: name, name: resolved, span: { start, end: m.end }, via: 'named', method: 'transcript-label', confidence: CONFIDENCE['transcript-label'] };
  }

  /**
   * A signature after a quote that has a line of its own: "“…” ― Pamela Padilla", "“…” — Carla Sanchez, a teacher in
   * Tucson." The name and what describes it end the line.
   */
  private signedAfter(q: Quotation): Attribution | null {
    let known = this.signatureCache.get(q);
    if (known === undefined) this.signatureCache.set(q, (known = this.readSignature(q)));
    return known;
  }

  private readSignature(q: Quotation): Attribution | null {
    const { text } = this.ctx;
    const para = this.paragraphOf(q.outer.end - 1);
    // Only a quote that stands alone on its line: "… insisted his party was “…”.--Kim Hjelmgaard" is a byline.
    if (!this.opensLine(q.outer.start)) return null;
    // The line's end, looked for a few hundred characters on only (a text without line breaks is one long line).
    const ahead = text.slice(q.outer.end, Math.min(para.end, q.outer.end + 300));
    const newline = ahead.indexOf('\n');
    const lineEnd = q.outer.end + (newline < 0 ? ahead.length : newline);
    const dash = /^[^\S\n]*(?:[—–―]|--?)[^\S\n]*/.exec(text.slice(q.outer.end, lineEnd));
    if (!dash) return null;
    const s = this.subjectForward(q.outer.end + dash[0].length, lineEnd);
    const m = s?.attribution.name ? this.byStart.get(s.attribution.span.start) : undefined;
    if (!s || !m || !this.isPerson(m)) return null;
    const rest = text.slice(s.end, lineEnd);
    return /^[\s.]*$/.test(rest) || /^,[^.!?;:“”"]{1,80}\.?\s*$/.test(rest) ? s.attribution : null;
  }

  private signedBelow(q: Quotation): Attribution | null {
    const { paragraphs, text } = this.ctx;
    const p = spanContaining(paragraphs, q.outer.end - 1);
    const para = paragraphs[p];
    const next = paragraphs[p + 1];
    if (!para || !next || /[\p{L}\p{N}]/u.test(this.masked.slice(q.outer.end, para.end))) return null;
    const dash = /^[-—–]\s*/.exec(text.slice(next.start, next.start + 3));
    if (!dash) return null;
    const s = this.subjectForward(next.start + dash[0].length, next.end);
    const m = s?.attribution.name ? this.byStart.get(s.attribution.span.start) : undefined;
    return s && m && this.isPerson(m) ? s.attribution : null;
  }

  /** A short next sentence that only attributes: "…." Ochoa said. / "…." She added. */
  private nextSentence(q: Quotation, sentence: Sentence): Attribution | null {
    if (sentence.end !== q.outer.end) return null;
    const para = this.paragraphOf(q.outer.end - 1);
    const rest = this.masked.slice(q.outer.end, para.end);
    const m = /^\s+/.exec(rest);
    if (!m) return null;
    const from = q.outer.end + m[0].length;
    const subject = this.subjectForward(from, para.end);
    if (!subject) return null;
    const verbEnd = this.verbAt(subject.end, para.end);
    if (verbEnd === null) return null;
    // Only the attribution, perhaps with where, when or of what: not "Ochoa said that the board …". After a question
    // or an exclamation, the capital does not start a new sentence: "“Why …?” Lichtman said, …" is the attribution.
    const tail = this.masked.slice(verbEnd, Math.min(para.end, verbEnd + 60));
    const asked = /[?!]\s*$/.test(this.ctx.text.slice(q.inner.start, q.inner.end));
    if (
      !asked &&
      !/^\s*(?:[.,;]|$|(?:in|on|at|during|to|of|about|after|before|when|while|as|later|afterward|afterwards|recently|earlier|then|last|this|Tuesday|Monday|Wednesday|Thursday|Friday|Saturday|Sunday)\b)/u.test(
        tail,
      )
    ) {
      return null;
    }
    return subject.attribution;
  }

  /** The end of "[adverbs] verb" at pos, or null. */
  private verbAt(pos: number, limit: number): number | null {
    const words = wordsIn(this.masked, pos, Math.min(limit + 1, pos + 60));
    let k = 0;
    while (k < 3 && words[k] && ADVERBS_BETWEEN.has(words[k]!.lower)) k++;
    const verb = words[k];
    if (!verb || !SPEECH_VERBS.has(verb.lower)) return null;
    // "…” for Clinton, said Kunin": a comma between a name and the verb makes the verb another's.
    if (/[.!?;:,]/.test(this.masked.slice(pos, verb.start))) return null;
    return verb.end;
  }

  /** A verb of saying in two words, ending at words[k]: "put it", "pointed out", "spelled out", "shot back". */
  private phrasalSpeech(words: readonly WordAt[], k: number): boolean {
    const w = words[k]!.lower;
    const prev = words[k - 1]?.lower;
    if (prev === undefined) return false;
    return (
      (w === 'it' && (prev === 'put' || prev === 'puts')) ||
      (w === 'out' && /^(?:pointed|points|spelled|spells|laid|lays|lashed|lashes)$/.test(prev)) ||
      (w === 'back' && /^(?:shot|shoots|fired|fires|hit|hits|pushed|pushes|struck|strikes|fought|fights|wrote|writes)$/.test(prev))
    );
  }

  // ——— before the quotation, in its sentence ———

  private before(q: Quotation, sentence: Sentence, k: number): Attribution | null {
    // A verb of saying before an earlier quote of the sentence that has its speaker introduced that quote, not this
    // one: "… a clip that Judge Mosman called “distasteful,” Santilli expressed a desire to “…”".
    const prev = k > 0 ? this.quotations[k - 1]! : null;
    const from = prev && prev.outer.end > sentence.start && prev.outer.end <= q.outer.start && this.results[k - 1]?.name ? prev.outer.end : sentence.start;
    return this.introducedIn(from, q.outer.start) ?? this.possessedWords(from, q.outer.start);
  }

  /** Words someone's noun of speech introduces: "her March comment that, “…”", "Barrett's dictum … was, “…”". Not sure. */
  private possessedWords(from: number, to: number): Attribution | null {
    const lead = this.masked.slice(Math.max(from, to - 120), to);
    const m = POSSESSED_SPEECH.exec(lead);
    if (!m) return null;
    const possessor = m[1] ?? m[2]!;
    const at = to - lead.length + m.index + m[0].indexOf(possessor);
    let found: Attribution | null = null;
    if (/^(?:his|her)$/i.test(possessor)) {
      found = this.pronoun({ word: possessor, lower: possessor.toLowerCase() === 'her' ? 'she' : 'he', start: at, end: at + possessor.length });
    } else {
      const mention = this.byEnd.get(at + possessor.length - 2);
      if (mention && this.isPerson(mention) && this.isSpeakerName(mention)) found = this.named(mention);
    }
    return found?.name ? { ...found, method: 'sentence-subject', confidence: Math.min(found.confidence ?? 1, 0.7) } : null;
  }

  /** The speaker a stretch of text introduces just before a quote: "Whitfield told CNN," / "according to X," / "X:". */
  private introducedIn(from: number, to: number): Attribution | null {
    const { text } = this.ctx;
    if (to <= from) return null;
    const words = wordsIn(this.masked, from, to);
    // "Whitfield: “…”" and "Whitfield struck a cautious tone: “…”".
    const colon = /:\s*$/.test(this.masked.slice(from, to));
    // "When Trump suggested …, Rubio fired back forcefully: “…”": the clause the colon ends says who.
    if (colon) {
      const comma = this.masked.lastIndexOf(',', to);
      if (comma > from) {
        const clause = this.skipLead(comma + 1, to);
        const s = this.subjectForward(clause, to);
        const next = s ? wordsIn(this.masked, s.end, to)[0] : undefined;
        if (s?.attribution.name && s.attribution.via !== 'pronoun' && next && /^\p{Ll}/u.test(next.word) && !NOT_VERBS.has(next.lower) && this.knownPerson(s.attribution)) {
          return { ...s.attribution, via: 'colon', method: 'colon', confidence: CONFIDENCE.colon };
        }
      }
    }
    for (let k = words.length - 1; k >= 0; k--) {
      const w = words[k]!;
      if (w.lower === 'to' && words[k - 1]?.lower === 'according' && words[k + 1]) {
        const s = this.subjectForward(words[k + 1]!.start, to);
        // "X said that according to its analysis, …, but “…”": a document the speaker cites is not the speaker.
        if (s && !s.attribution.name && k >= 2) {
          const speaker = this.introducedIn(from, words[k - 1]!.start);
          if (speaker?.name) return speaker;
        }
        if (s) {
          return {
            ...s.attribution,
            method: s.attribution.method === 'named' || s.attribution.method === 'appositive' ? 'according-to' : s.attribution.method,
            confidence: Math.min(s.attribution.confidence ?? 1, CONFIDENCE['according-to']),
          };
        }
        // "a book whose, according to its Amazon summary, “…”": a document is the source, and nobody we can name.
        const described = this.describedSource(words[k + 1]!.start, to);
        if (described) return described;
      }
      // "Clinton is telling customers that “…”": a verb of saying in the progressive.
      if (PARTICIPLES_OF_SAYING.has(w.lower) && k > 0 && /^(?:is|are|was|were|am|been)$/.test(words[k - 1]!.lower)) {
        const subject = this.subjectBackward(words[k - 1]!.start, from);
        if (subject?.name) return subject;
      }
      // "Sanders compared himself to Clinton, saying, “…”": a participle of saying after a comma has the clause's subject
      // ("Clinton celebrated with supporters, declaring it “…”": a few words of its own may stand before the quote).
      if (
        (PARTICIPLES_OF_SAYING.has(w.lower) || /^(?:calling|describing|labell?ing|dubbing|branding|terming)$/.test(w.lower)) &&
        k > 0 &&
        /,\s*$/.test(this.masked.slice(words[k - 1]!.end, w.start)) &&
        /^(?:\s+(?:it|that|them|him|her|this|as|the\s+\p{Ll}+|a\s+\p{Ll}+)){0,2}[\s,:]*$/u.test(this.masked.slice(w.end, to))
      ) {
        // "…, Nefzi said, adding, “…”": the one a reporting clause before it names.
        const reported = this.introducedIn(from, words[k - 1]!.end);
        if (reported?.name) return reported;
        const first = this.subjectByScan(from, words[k - 1]!.start);
        if (first?.name) return { ...first, method: 'sentence-subject', confidence: Math.min(first.confidence ?? 1, 0.8) };
      }
      if (!SPEECH_VERBS.has(w.lower) && !this.phrasalSpeech(words, k)) continue;
      // "many Asian states", "the party's claims": a plural noun, not a verb of saying.
      if (NOUN_OR_VERB.has(w.lower)) {
        const prev = words[k - 1];
        const subject = prev ? this.byEnd.get(prev.end) : undefined;
        if (
          !prev ||
          /^(?:the|a|an|many|some|several|these|those|its|his|her|their|our|all|both|other|such|no|any|new|recent|earlier)$/.test(prev.lower) ||
          (subject && !this.isPerson(subject))
        ) {
          continue;
        }
      }
      // "under a headline that said, “…”", "a sign which read": a document's words, nobody we can name.
      const rel = words[k - 1];
      const noun = words[k - 2];
      if (rel && noun && /^(?:that|which)$/.test(rel.lower) && DOCUMENT_NOUNS.has(noun.word)) {
        const det = words[k - 3] && /^(?:a|an|the|its|his|her|their)$/.test(words[k - 3]!.lower) ? words[k - 3]! : noun;
        const span = { start: det.start, end: noun.end };
        return { mention: this.ctx.text.slice(span.start, span.end), name: null, span, via: 'named', method: 'description', confidence: CONFIDENCE.description };
      }
      // "Rubio was asked by moderator Gerard Baker whether …": a passive's agent asked it.
      if (words[k + 1]?.lower === 'by' && words[k + 2] && /^(?:was|were|is|are|been|being|be)$/.test(words[k - 1]?.lower ?? '')) {
        const s = this.subjectForward(words[k + 2]!.start, to);
        if (s?.attribution.name) return s.attribution;
      }
      // "Palmieri told reporters, “…”": the subject before the verb ("As Cornyn put it:" — the verb's first word).
      const phrasal = this.phrasalSpeech(words, k);
      const subject = this.subjectBackward(phrasal ? words[k - 1]!.start : w.start, from);
      // "… - as Rubio has said - and he can “guarantee” …": an aside, and a clause of its own between it and the quote.
      if (
        subject &&
        words[k - 1] &&
        /^\s*[-–—,]+\s*(?:and|but)\s+\S+\s+\p{Ll}/u.test(this.masked.slice(w.end, to)) &&
        /\bas\s+(?:\S+\s+){0,3}$/i.test(this.masked.slice(Math.max(from, subject.span.start - 12), subject.span.start + 0) + ' ')
      ) {
        continue;
      }
      if (subject) return subject;
      // "Holt confirmed she had been and said, “…”": the subject of the clause the verb is joined to, not sure.
      // (A quote before it in the sentence has its own speaker, whom this one continues.)
      if (words[k - 1]?.lower === 'and' && !phrasal && !this.masked.slice(from, w.start).includes(MASK)) {
        const first = this.subjectByScan(from, words[k - 1]!.start);
        if (first?.name) return { ...first, method: 'sentence-subject', confidence: Math.min(first.confidence ?? 1, 0.8) };
      }
      // "said Sen. Sherrod Brown, “…”": the subject right after the verb, then only punctuation up to the quote.
      if (!OBJECT_TAKING_VERBS.has(w.lower) && words[k + 1]) {
        const s = this.subjectForward(words[k + 1]!.start, to);
        // "Said Dora Pell, who grew up with him, “…”": an appositive may stand between.
        const between = s ? this.masked.slice(s.end, to).replace(new RegExp(MASK, 'g'), '') : '';
        // Only a person or a description: "said the U.S. “clearly” needed" names what was said about, not who said it.
        const who = s && (s.attribution.via !== 'named' || s.attribution.method === 'description' || this.knownPerson(s.attribution));
        // A mark between ("said Sen. Ochoa, “…”"): without one the quote is what was said about them ("said the
        // president “offered no changes”", "predicted viewers “will be uneasy”").
        if (s && who && /[,:—–-]/.test(between) && (/^[\s,:—–-]*$/.test(between) || /^\s*,[^,;:.!?\u2060]{2,120},\s*$/u.test(between))) return s.attribution;
      }
      break;
    }
    if (colon) {
      // A digest's line: "… fared much better - HuffPollster: “…”": the name after the dash.
      const digest = /\s[-–—]\s+([^-–—:,.;]{1,40}):\s*$/.exec(this.masked.slice(from, to));
      if (digest) {
        const at = to - digest[0].length + digest[0].indexOf(digest[1]!);
        const m = this.byStart.get(at);
        if (m && m.end === at + digest[1]!.trimEnd().length && this.isSpeakerName(m)) return { ...this.named(m), via: 'colon', method: 'colon', confidence: CONFIDENCE.colon };
      }
      const s = this.subjectForward(this.skipLead(from, to), to);
      if (s && s.attribution.name) return { ...s.attribution, via: 'colon', method: 'colon', confidence: CONFIDENCE.colon };
      // "… does not surprise county pollster Dana Whitcomb: “…”" and round-ups ("More from Jones:"): the person the
      // colon follows.
      const end = skipSpaceBack(this.masked, this.masked.lastIndexOf(':', to), from);
      const m = this.byEnd.get(end);
      if (m && m.start >= from && this.isPerson(m) && this.isSpeakerName(m) && !this.possessive(m)) {
        return { ...this.named(m), via: 'colon', method: 'colon', confidence: CONFIDENCE.colon };
      }
    }
    void text;
    return null;
  }

  /** The subject of the sentence a partial quote stands in: Ochoa accused the board of being "asleep." */
  private sentenceSubject(q: Quotation, sentence: Sentence): Attribution | null {
    // The subject of the clause the quote stands in, when a conjunction opens one: "Christie calls him “Mr. Trump,”
    // while Trump calls the governor “Chris.”" / "… - but the Sanders campaign rejected the idea as “ludicrous”".
    const lead = this.leadClause(q, sentence);
    if (lead !== undefined) return lead;
    // "Acknowledging that Trump “says a lot of stupid stuff,” though, Allen did suggest …": an opening participle
    // clause has the main clause's subject, which comes after the quote.
    const first = wordsIn(this.masked, sentence.start, q.outer.start)[0];
    if (
      first &&
      /^\p{Lu}\p{Ll}+ing$/u.test(first.word) &&
      first.start === skipSpace(this.masked, sentence.start, q.outer.start) &&
      !/[,;:]/.test(this.masked.slice(first.end, q.outer.start))
    ) {
      const main = this.subjectByScan(q.outer.end, sentence.end);
      if (main?.name) return { ...main, method: 'sentence-subject', confidence: Math.min(main.confidence ?? 1, CONFIDENCE['sentence-subject']) };
    }
    const clause = this.clauseSubject(q, sentence);
    if (clause !== undefined) return clause;
    const found = this.sentenceSubjectAtStart(q, sentence);
    if (found) return found;
    // A description opens the sentence as its subject: nobody named later in it said the words.
    const start = this.skipLead(sentence.start, sentence.end);
    if (start < q.outer.start) {
      const described = this.descriptionSubjectAt(start, q.outer.start);
      if (described) return described;
    }
    // Else the first person of the sentence who stands as a subject: after a long opening phrase, or with an
    // appositive before the verb ("Christie, New Jersey's governor, repeated …").
    const limit = q.outer.start > sentence.start ? q.outer.start : sentence.end;
    const a = this.subjectByScan(sentence.start, limit);
    return a ? { ...a, method: 'sentence-subject', confidence: Math.min(a.confidence ?? 1, CONFIDENCE['sentence-subject']) } : null;
  }

  /**
   * The subject of the last clause a conjunction opens before the quote ("…, while Trump refers to …"): a person, a
   * description that names no one (null speaker), or undefined when no such clause has a subject of its own.
   */
  private clauseSubject(q: Quotation, sentence: Sentence): Attribution | null | undefined {
    const lead = this.masked.slice(sentence.start, q.outer.start);
    let at = -1;
    for (const m of lead.matchAll(/(?:(?:[,;\u2060]|\s[-–—]+)\s*(?:but|yet|although|though)|\b(?:while|whereas))\s+/g)) at = sentence.start + m.index! + m[0].length;
    if (at < 0 || this.masked.slice(at, q.outer.start).includes(MASK)) return undefined;
    const s = this.subjectForward(at, q.outer.start);
    if (!s) return this.descriptionSubjectAt(at, q.outer.start) ?? undefined;
    if (s.attribution.via === 'pronoun') return undefined;
    const next = wordsIn(this.masked, s.end, q.outer.start)[0];
    if (!next || !/^\p{Ll}/u.test(next.word) || NOT_VERBS.has(next.lower) || /[,;:]/.test(this.masked.slice(s.end, next.start))) return undefined;
    if (s.attribution.name && !this.knownPerson(s.attribution)) return undefined;
    return {
      ...s.attribution,
      method: s.attribution.name ? 'sentence-subject' : 'description',
      confidence: Math.min(s.attribution.confidence ?? 1, CONFIDENCE['sentence-subject']),
    };
  }

  /** Whether a quote stands inside the clause that opens its sentence: "After …, " up to that clause's comma. */
  private inLeadClause(q: Quotation, sentence: Sentence): boolean {
    return this.leadClauseWords(q, sentence) !== null;
  }

  /** The words of the opening clause a quote stands in, after its subordinator ("But as Trump denounced …"). */
  private leadClauseWords(q: Quotation, sentence: Sentence): WordAt[] | null {
    const words = wordsIn(this.masked, sentence.start, q.outer.start);
    let i = 0;
    if (
      words[0] &&
      /^(?:But|And|Yet|So)$/.test(words[0].word) &&
      words[1] &&
      /^(?:as|after|when|while|although|though|because|since|before|if|once|until|whereas)$/.test(words[1].word)
    ) {
      i = 1;
    }
    const w0 = words[i];
    if (!w0 || !words[i + 1] || !/^(?:after|when|while|although|though|because|since|before|if|once|until|whereas|as)$/i.test(w0.word)) return null;
    // "As" alone opens a clause only with "But" or "And" before it: "As Cornyn put it:" is a reporting phrase.
    if (i === 0 && w0.word === 'As') return null;
    if (words[0]!.start !== skipSpace(this.masked, sentence.start, q.outer.start) || /[,;:]/.test(this.masked.slice(w0.end, q.outer.start))) return null;
    return words.slice(i + 1);
  }

  /**
   * For a quote inside the clause that opens its sentence ("After Trump announced … “rapists,” Ferrera wrote …"), the
   * subject of that clause (null when it names none); undefined when the quote is not in such a clause.
   */
  private leadClause(q: Quotation, sentence: Sentence): Attribution | null | undefined {
    const clause = this.leadClauseWords(q, sentence);
    if (!clause) return undefined;
    const second = clause[0]!;
    // A clause with no subject of its own ("After spending a week bickering over …") is about the main one.
    if (/^\p{Ll}/u.test(second.word)) return undefined;
    const s = this.subjectForward(second.start, q.outer.start);
    const next = s ? wordsIn(this.masked, s.end, q.outer.start)[0] : undefined;
    if (!s || !s.attribution.name || s.attribution.via === 'pronoun' || !next || !/^\p{Ll}/u.test(next.word) || NOT_VERBS.has(next.lower)) return null;
    if (!this.knownPerson(s.attribution)) return null;
    return { ...s.attribution, method: 'sentence-subject', confidence: Math.min(s.attribution.confidence ?? 1, CONFIDENCE['sentence-subject']) };
  }

  /**
   * A description that names no one as the subject of a clause at pos: "the Sanders campaign rejected …", "Grayson's
   * spokeswoman challenged …" (the name in it only says whose).
   */
  private descriptionSubjectAt(pos: number, to: number): Attribution | null {
    const d = /^((?:(?:the|a|an|his|her|their|its)\s+|\p{Lu}[\p{L}.'’-]*['’]s\s+)(?:[\p{L}'’.-]+\s+){0,3}?([\p{Ll}][\p{L}-]*))\s+(\p{Ll}+)/u.exec(this.masked.slice(pos, to));
    if (!d || !isSpeakerNoun(d[2]!) || NOT_VERBS.has(d[3]!)) return null;
    const span = { start: pos, end: pos + d[1]!.length };
    return { mention: this.ctx.text.slice(span.start, span.end), name: null, span, via: 'named', method: 'description', confidence: CONFIDENCE.description };
  }

  /**
   * The first person named in [from, to) who is the subject of a clause: not after a preposition or a verb that takes
   * them as its object, not a possessive, and followed (after an appositive or a party tag) by a lower-case verb.
   */
  private subjectByScan(from: number, to: number): Attribution | null {
    const { mentions } = this.ctx;
    for (let k = firstStartingFrom(mentions, from); k < mentions.length && mentions[k]!.start < to; k++) {
      const m = mentions[k]!;
      if (m.end > to || this.masked[m.start] === MASK || this.possessive(m)) continue;
      if (!this.isPerson(m) || !this.isSpeakerName(m)) continue;
      const before = this.masked.slice(Math.max(from, m.start - 60), m.start);
      // "The valley embracing Reyes announced …": the object of a gerund.
      if (NOT_SUBJECT_BEFORE.test(before) || /\p{Ll}{2,}ing\s+$/u.test(before)) continue;
      let end = m.end;
      const bracket = /^\s*\([^()]{1,24}\)/.exec(this.masked.slice(end, end + 30));
      if (bracket) end += bracket[0].length;
      const app = /^\s*,([^,;:.!?\u2060]{2,120}),/u.exec(this.masked.slice(end, end + 126));
      if (app) end += app[0].length;
      const next = wordsIn(this.masked, end, Math.min(to, end + 40));
      let i = 0;
      while (i < 2 && next[i] && ADVERBS_BETWEEN.has(next[i]!.lower)) i++;
      const verb = next[i];
      if (!verb || !/^\p{Ll}/u.test(verb.word) || /[^\s]/.test(this.masked.slice(end, next[0]!.start))) continue;
      if (NOT_VERBS.has(verb.lower)) continue;
      // A name before a role and another name modifies it: "Arizona governor Jan Brewer", "Clinton aide Huma Abedin".
      if (this.roleBeforeName(next, i)) continue;
      return this.named(m);
    }
    return null;
  }

  /**
   * Where the person who is the main subject of a sentence is named: at its start after an opening phrase, perhaps
   * behind a role ("Political analyst David Bositis agreed …"), never after a verb ("The district hired the
   * consultancy Aldous Brink …").
   */
  mainSubjectAt(start: number, end: number): number | undefined {
    const from = this.skipLead(start, end);
    let k = firstStartingFrom(this.ctx.mentions, from);
    // A capitalized word that opens the sentence is no one: "Political analyst David Bositis agreed …".
    while (this.ctx.mentions[k] && this.ctx.mentions[k]!.start === from && !this.ctx.mentions[k]!.name.includes(' ') && !this.isPerson(this.ctx.mentions[k]!)) k++;
    const m = this.ctx.mentions[k];
    if (!m || m.start - from > 60 || m.end > end) return undefined;
    const role = wordsIn(this.masked, from, m.start);
    if (role.length > 4 || /[,;:.!?\u2060]/u.test(this.masked.slice(from, m.start).replace(/\b(?:\p{Lu}|[A-Za-z]{1,4})\.(?=\s)/gu, ''))) return undefined;
    // (Not "A reporter for Agence France-Presse …": a name after a preposition is not the subject.)
    if (
      role.some((w, i) => (i > 0 && /^(?:the|a|an|for|of|at|with|from|about|by|to|in|on)$/.test(w.lower)) || /^\p{Ll}.*(?:ed|[^s]s)$/u.test(w.word) || SPEECH_VERBS.has(w.lower))
    ) {
      return undefined;
    }
    const scanned = this.subjectByScan(m.start, end)?.span.start;
    if (scanned === m.start) return m.start;
    // "Clinton spokeswoman Jennifer Palmieri criticized …": the person behind a name and a role.
    if (scanned !== undefined && scanned - from <= 60 && this.roleBeforeName(wordsIn(this.masked, m.end, scanned + 1), 0)) return scanned;
    return undefined;
  }

  /** Whether words[i…] are one to three lower-case words and then a name: a role between two names. */
  private roleBeforeName(words: readonly WordAt[], i: number): boolean {
    let j = i;
    while (
      j < words.length &&
      j < i + 2 &&
      /^\p{Ll}/u.test(words[j]!.word) &&
      !SPEECH_VERBS.has(words[j]!.lower) &&
      !NOT_ROLE_WORDS.has(words[j]!.lower) &&
      !/(?:ed|[^s]s)$/.test(words[j]!.lower)
    ) {
      j++;
    }
    const w = words[j];
    const m = w ? this.byStart.get(w.start) : undefined;
    return j > i && m !== undefined && this.isPerson(m) && this.isSpeakerName(m) && /^\s+$/.test(this.masked.slice(words[j - 1]!.end, m.start));
  }

  private sentenceSubjectAtStart(q: Quotation, sentence: Sentence): Attribution | null {
    const start = this.skipLead(sentence.start, sentence.end);
    if (start >= sentence.end || (start > q.outer.start && start - q.outer.end > 120)) return null;
    const limit = start < q.outer.start ? q.outer.start : sentence.end;
    const s = this.subjectForward(start, limit);
    if (!s || s.attribution.method === 'description') return null;
    // Only a person the text knows ("Whether …" at a sentence start is no one).
    if (s.attribution.via === 'named' && !this.knownPerson(s.attribution)) return null;
    // The subject must be followed by a verb-like lower-case word, not be the object of something before it.
    const next = wordsIn(this.masked, s.end, Math.min(limit, s.end + 40))[0];
    if (!next || !/^\p{Ll}/u.test(next.word) || /[.;:!?]/.test(this.masked.slice(s.end, next.start))) return null;
    const a = s.attribution;
    return { ...a, method: 'sentence-subject', confidence: Math.min(a.confidence ?? 1, CONFIDENCE['sentence-subject']) };
  }

  /** Skips an opening adverbial ("In a statement, ", "On Tuesday, ", "But ") to where the subject starts. */
  private skipLead(from: number, to: number): number {
    const words = wordsIn(this.masked, from, to);
    let k = 0;
    while (k < words.length && SUBJECT_PREFIX_WORDS.has(words[k]!.lower) && !PRONOUNS.has(words[k]!.lower)) {
      // A leading phrase runs to its comma.
      const comma = this.masked.indexOf(',', words[k]!.end);
      const firstIsConj = /^(?:but|and|yet|so|still|meanwhile|instead|however|also|then)$/.test(words[k]!.lower);
      if (firstIsConj) {
        k++;
        continue;
      }
      if (comma < 0 || comma >= to || comma - words[k]!.start > 160) return words[k]!.start;
      const after = wordsIn(this.masked, comma + 1, to)[0];
      if (!after) return to;
      return after.start;
    }
    return words[k]?.start ?? to;
  }

  // ——— noun phrases that name a speaker ———

  /**
   * The speaker phrase starting at pos: a pronoun, a name with titles or roles before it and an appositive after
   * it, a possessive ("Clinton's communications director, Jennifer Palmieri"), or a description naming no one
   * ("a spokeswoman", "the campaign"). Returns where the phrase (with any appositive) ends.
   */
  private subjectForward(pos: number, limit: number): { attribution: Attribution; end: number } | null {
    const { text } = this.ctx;
    const words = wordsIn(this.masked, pos, Math.min(limit + 1, pos + 200));
    const w0 = words[0];
    if (!w0 || w0.start !== pos) return null;
    if (PRONOUNS.has(w0.lower)) return { attribution: this.pronoun(w0), end: w0.end };
    // A phrase after a preposition or a conjunction is no subject: "“…” for Clinton", "“…” and Donald Trump says".
    if (NOT_VERBS.has(w0.lower) && !/^(?:who|whom|whose)$/.test(w0.lower)) return null;
    // An outlet or a weekday is no speaker, but may stand before one: "Fox Business moderator Gerard Baker".
    const m0 = this.byStart.get(w0.start);
    if (SPEECH_VERBS.has(w0.lower) || (NON_SPEAKER_WORDS.has(w0.lower) && !this.personWithin(words.slice(1, 5)) && !(m0 && this.isSpeakerName(m0)))) return null;
    // The head phrase: up to 8 words without punctuation other than an abbreviation's full stop or a possessive.
    let end = w0.end;
    let person: NameMention | null = null;
    let possessiveSeen = false;
    let count = 0;
    const phrase: WordAt[] = [];
    for (let i = 0; i < words.length; i++) {
      const w = words[i]!;
      if (count >= 9) break;
      const gap = this.masked.slice(end, w.start);
      // An ordinal in a rank ("Air Force 1st Lt. Tyler Livingston") is part of the phrase.
      // So is a number that qualifies the noun: "said a 2008 Clinton veteran", "a 25-year-old voter".
      if (phrase.length && !/^\s+$/.test(gap) && !(/^\s+\d+$/.test(gap) && /^(?:st|nd|rd|th)$/.test(w.lower)) && !/^\s+\d[\d,.]*(?:\s+|-)$/.test(gap)) break;
      if (SPEECH_VERBS.has(w.lower) && phrase.length) break;
      if (phrase.length && /^(?:who|which|that|whose|and|or|but|as|in|at|on|during|after|before|when|while|to|for|with|about|from)$/.test(w.lower)) break;
      if (phrase.length && ADVERBS_BETWEEN.has(w.lower) && !/^\p{Lu}/u.test(w.word)) break;
      // "The valley embracing Reyes announced …": a participle clause ends the phrase (not "the former acting director").
      if (phrase.length >= 2 && /^\p{Ll}[\p{Ll}-]*ing$/u.test(w.word) && !ADJECTIVE_PARTICIPLES.has(w.lower)) break;
      // "The Rove ad hits Clinton …": after a noun that can speak, a verb-like word ends the phrase.
      // (Not a participle before its agent: "a court document filed by state attorney Dave Aronberg".)
      if (phrase.length >= 2 && /^\p{Ll}/u.test(w.word) && /(?:ed|[^s]s)$/.test(w.lower) && isSpeakerNoun(phrase[phrase.length - 1]!.lower) && words[i + 1]?.lower !== 'by') break;
      phrase.push(w);
      end = w.end;
      count++;
      if (/^['’]/.test(text.slice(w.end, w.end + 1))) {
        possessiveSeen = true;
        end = w.end + (text[w.end + 1] === 's' ? 2 : 1);
        continue;
      }
      // After a name, lower-case words continue the phrase only as a role before another name
      // ("Clinton spokesman Brian Fallon"); otherwise they are the verb ("Ochoa accused the board").
      const m = this.byEnd.get(w.end);
      const next = words[i + 1];
      if (m && next && /^\p{Ll}/u.test(next.word) && !/^(?:of|de|del|la|van|von|der|da|di|le|du)$/.test(next.lower)) {
        const det = /^(?:the|a|an|one|another|two|three|several|some|many|his|her|their|its|our)$/.test(phrase[0]!.lower) && phrase[0] !== w;
        let j = i + 1;
        while (j < words.length && j <= i + 3 && /^\p{Ll}/u.test(words[j]!.word) && !SPEECH_VERBS.has(words[j]!.lower) && !/(?:ed|[^s]s)$/.test(words[j]!.lower)) j++;
        const role = j > i + 1 && /^\s+$/.test(this.masked.slice(words[j - 1]!.end, words[j]?.start ?? 0)) && this.nameSoon(words, j);
        if (!det && !role) break;
      }
    }
    if (phrase.length === 0) return null;
    // "a Donald Trump tweet", "an Obama speech": a name right after an indefinite article modifies the noun after it.
    if (/^an?$/.test(w0.lower) && phrase.length >= 2) {
      const m = this.byStart.get(phrase[1]!.start);
      const next = words[phrase.length];
      if (m && this.isPerson(m) && m.end === end && next && /^\p{Ll}/u.test(next.word) && /^\s+$/.test(this.masked.slice(end, next.start))) return null;
    }
    // "Sen. Bernie Sanders (I-Vt.)": a short bracket after the name belongs to the phrase.
    const bracket = /^\s*\([^()]{1,24}\)/.exec(this.masked.slice(end, end + 30));
    const nameEnd = end;
    if (bracket) end += bracket[0].length;
    // The person the phrase names: the last name run in it that is not a possessive or a modifier of a noun after it.
    for (let k = firstStartingFrom(this.ctx.mentions, pos); k < this.ctx.mentions.length; k++) {
      const m = this.ctx.mentions[k]!;
      if (m.start >= nameEnd) break;
      if (m.end > nameEnd) continue;
      const after = text.slice(m.end, m.end + 2);
      if (/^['’]/.test(after)) continue; // possessive
      // A modifier of the noun after it: "the Trump campaign", "Judicial Watch president Tom Fitton".
      if (/^\s\p{Ll}/u.test(text.slice(m.end, m.end + 2)) && m.end < nameEnd && !/^\s(?:of|de|van|von|der|del|da|di|la|le|du)\b/.test(text.slice(m.end, m.end + 5))) continue;
      // "Tom Cole of Oklahoma", "Antonacci of the New York delegation": a place or body after "of" is not the head.
      if (person && /(?:\bof|\bfrom|\bat|\bin|\bfor|\bwith)\s+(?:the\s+)?$/i.test(text.slice(Math.max(pos, m.start - 12), m.start))) continue;
      if (this.isSpeakerName(m) && (!person || !this.isPerson(person))) person = m;
    }
    // "the grower, Hanna Belcourt," / "Clinton's communications director, Jennifer Palmieri": a name in apposition.
    const afterComma = /^,\s*/.exec(this.masked.slice(end, end + 3));
    if (!person && afterComma) {
      const at = end + afterComma[0].length;
      const m = this.byStart.get(at) ?? this.titledMentionAt(at);
      if (m && this.isSpeakerName(m) && this.isPerson(m)) {
        let appEnd = m.end;
        const close = /^\s*,/.exec(this.masked.slice(appEnd, appEnd + 3));
        if (close) appEnd += close[0].length - 1;
        return { attribution: appositive(this.named(m)), end: this.skipAppositive(appEnd, limit) };
      }
    }
    const phraseText = text.slice(pos, end);
    // "an Iowa Democrat", "one New Hampshire Republican": a name that is no person's after an indefinite article is a
    // description, not a speaker.
    if (person && !this.isPerson(person) && person.end === nameEnd && /^(?:a|an|one|another|two|three|several|some|many)$/i.test(w0.word)) {
      return {
        attribution: { mention: phraseText, name: null, span: { start: pos, end }, via: 'named', method: 'description', confidence: CONFIDENCE.description },
        end: this.skipAppositive(end, limit),
      };
    }
    if (person) {
      // "de la Cruz", "van der Molen": lower-case particles just before the name belong to it.
      const lead = /(?:^|\s)((?:(?:de|la|van|von|der|den|del|della|da|di|du|le|ter|ten|bin|ibn|al)\s+)+)$/.exec(text.slice(pos, person.start));
      if (lead) {
        const start = person.start - lead[1]!.length;
        const name = `${text.slice(start, person.start)}${person.name}`;
        const resolved = this.ctx.registry.resolve(name, start) ?? name;
        const a: Attribution = { mention: name, name: resolved, span: { start, end: person.end }, via: 'named', method: 'named', confidence: CONFIDENCE.named };
        return { attribution: a, end: this.skipAppositive(end, limit) };
      }
      const titled = person.start > pos || possessiveSeen;
      let base = this.named(person);
      // "a study by economists Peter Schott and Justin Pierce": two people, so neither is sure.
      const and = /^\s+and\s+/.exec(text.slice(person.end, person.end + 6));
      const second = and ? this.byStart.get(person.end + and[0].length) : undefined;
      if (second && this.isPerson(second)) base = { ...base, confidence: Math.min(base.confidence ?? 1, 0.8) };
      const attribution: Attribution = titled ? appositive(base) : base;
      return { attribution, end: this.skipAppositive(end, limit) };
    }
    // No name: a description ("a spokeswoman", "the campaign", "officials"), or not a subject at all.
    if (!/^(?:the|a|an|one|another|two|three|several|some|many|most|his|her|their|its|our)$/i.test(w0.word) && !isSpeakerNoun(w0.lower)) return null;
    // The head noun, perhaps before what qualifies it: "a source close to the campaign", "an aide familiar with …".
    let head = phrase.length - 1;
    while (head > 0 && !isSpeakerNoun(phrase[head]!.lower)) head--;
    if (!isSpeakerNoun(phrase[head]!.lower)) return null;
    if (head < phrase.length - 1 && !/^(?:close|familiar|knowledgeable|briefed|involved|speaking|granted|authorized|authorised)$/.test(phrase[head + 1]!.lower)) return null;
    return {
      attribution: { mention: phraseText, name: null, span: { start: pos, end }, via: 'named', method: 'description', confidence: CONFIDENCE.description },
      end: this.skipAppositive(end, limit),
    };
  }

  /** Whether one of these words (a phrase's next few, without punctuation between) starts a person's name. */
  private personWithin(words: readonly WordAt[]): boolean {
    for (let i = 0; i < words.length; i++) {
      if (i > 0 && !/^\s+$/.test(this.masked.slice(words[i - 1]!.end, words[i]!.start))) return false;
      const m = this.byStart.get(words[i]!.start);
      if (m && this.isPerson(m) && this.isSpeakerName(m)) return true;
    }
    return false;
  }

  /** Skips ", a former regulator," after a subject, when a verb follows it. */
  private skipAppositive(end: number, limit: number): number {
    const m = /^\s*,/.exec(this.masked.slice(end, end + 3));
    if (!m) return end;
    const from = end + m[0].length;
    const close = this.masked.indexOf(',', from);
    if (close < 0 || close > limit || close - from > 160) return end;
    if (/[.;:!?]/.test(this.masked.slice(from, close).replace(/\b(?:\p{Lu}|[A-Za-z]{1,4})\.(?=[\s,]|$)/gu, ''))) return end;
    return this.verbAt(close + 1, limit) !== null ? close + 1 : end;
  }

  /** A name behind capitalized titles ("Alderperson Quentin Marlow" when the title is unknown, "Rep. Ochoa"). */
  private titledMentionAt(pos: number): NameMention | undefined {
    const k = firstStartingFrom(this.ctx.mentions, pos);
    const m = this.ctx.mentions[k];
    if (!m || m.start - pos > 60) return undefined;
    return /^(?:[\p{Lu}][\p{L}.'’-]*\s+)+$/u.test(this.ctx.text.slice(pos, m.start)) ? m : undefined;
  }

  private knownPerson(a: Attribution): boolean {
    const m = this.byStart.get(a.span.start);
    return m ? this.isPerson(m) : a.mention.includes(' ');
  }

  /** Outlets, platforms, weekdays and places are never the speaker. */
  private isSpeakerName(m: NameMention): boolean {
    // A title in marks ("the co-author of “Going Viral,”") is no one.
    if (/[“"]/.test(this.ctx.text[m.start - 1] ?? '') && /^[,.!?]?[”"]/.test(this.ctx.text.slice(m.end, m.end + 2))) return false;
    // The state after a town: "of Raleigh, N.C.,", "of Flint, Mich.".
    if (STATE_ABBREVIATIONS.has(m.name.replace(/\.$/, '')) && /\p{Lu}[\p{L}.'’-]*,\s+$/u.test(this.ctx.text.slice(Math.max(0, m.start - 30), m.start))) return false;
    if (!m.name.split(' ').some((w) => NON_SPEAKER_WORDS.has(w.toLowerCase()))) return true;
    // "Michael Bloomberg", and "Bloomberg" where the text names him in full: a person whose surname is an outlet's
    // name (never "Fox News" or "Sunday Times").
    const full = this.fullName(m).split(' ');
    const last = full[full.length - 1]!.toLowerCase();
    return (
      full.length >= 2 &&
      firstNameGender(full[0]!) !== undefined &&
      full.slice(0, -1).every((w) => !NON_SPEAKER_WORDS.has(w.toLowerCase())) &&
      !/^(?:news|times|post|journal|herald|tribune|gazette|magazine|radio|television|tv|network|channel|monday|tuesday|wednesday|thursday|friday|saturday|sunday)$/.test(last)
    );
  }

  /** The subject phrase that ends just before a verb at verbStart (skipping adverbs and an appositive). */
  private subjectBackward(verbStart: number, from: number): Attribution | null {
    const { text } = this.ctx;
    let pos = skipSpaceBack(this.masked, verbStart, from);
    // "Rep. Zoe Lofgren (D-Calif.) said": skip the party tag.
    if (this.masked[pos - 1] === ')') {
      const open = this.masked.lastIndexOf('(', pos - 1);
      if (open >= from && pos - open <= 26) pos = skipSpaceBack(this.masked, open, from);
    }
    for (let k = 0; k < 3; k++) {
      // "Beck on Wednesday called …", "Trump on Twitter wrote …": a when or where between the subject and the verb.
      const when =
        /\s(?:on|in|at|last|this|late|early)\s+(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|Twitter|Facebook|Instagram|January|February|March|April|May|June|July|August|September|October|November|December|week|month|year|night|morning)$/.exec(
          this.masked.slice(Math.max(from, pos - 24), pos),
        );
      if (when) {
        pos = skipSpaceBack(this.masked, pos - when[0].length, from);
        continue;
      }
      // "Bryne went on to say", "Trump was quick to add": the subject of the verb the verb of saying completes.
      const lead =
        /\s(?:(?:went|goes|go|going)\s+on|(?:was|were|is|are)\s+quick|(?:had|has|have|wanted|wants|tried|tries|rushed|hastened|decided|chose|hurried|took\s+(?:the\s+)?time))\s+to$/.exec(
          this.masked.slice(Math.max(from, pos - 30), pos),
        );
      if (lead) {
        pos = skipSpaceBack(this.masked, pos - lead[0].length, from);
        continue;
      }
      const w = wordEndingAt(this.masked, pos, from);
      if (!w || !ADVERBS_BETWEEN.has(w.word.toLowerCase())) break;
      pos = skipSpaceBack(this.masked, w.start, from);
    }
    // "John McCain -- who lost the 2008 election to Obama -- said": an appositive between dashes.
    const dash = /(?:--|[—–])$/.exec(this.masked.slice(Math.max(from, pos - 2), pos));
    if (dash) {
      const open = Math.max(this.masked.lastIndexOf('--', pos - 3), this.masked.lastIndexOf('—', pos - 2), this.masked.lastIndexOf('–', pos - 2));
      if (open > from && pos - open < 180) {
        // "A former candidate -- John McCain, who lost … -- said": the person the dashes name.
        const inner = this.byStart.get(skipSpace(this.masked, this.masked[open] === '-' ? open + 2 : open + 1, pos));
        if (inner && this.isPerson(inner) && this.isSpeakerName(inner)) return appositive(this.named(inner));
        pos = skipSpaceBack(this.masked, open, from);
      }
    }
    if (this.masked[pos - 1] === ',') {
      let open = this.masked.lastIndexOf(',', pos - 2);
      // A comma inside a title in marks is not the appositive's: "Hemsley, the co-author of “Going Viral,” about …, said".
      while (open > from && /^,[”"]/.test(this.masked.slice(open, open + 2))) open = this.masked.lastIndexOf(',', open - 1);
      if (open >= from && pos - open < 180) {
        // "The mayor, Ana Lopes, said": the name in apposition.
        const inner = this.byEnd.get(pos - 1);
        if (inner && inner.start > open && this.isPerson(inner) && text.slice(open + 1, inner.start).trim() === '') {
          return appositive(this.named(inner));
        }
        // "Whitfield, a former regulator, said": skip the appositive.
        pos = skipSpaceBack(this.masked, open, from);
      }
    }
    let mention = this.byEnd.get(pos);
    // "Rep. Tom Cole of Oklahoma said": the person before "of", not the place.
    for (let hops = 0; mention && hops < 2; hops++) {
      const of = /(\S+)\s+(?:of|from)\s+(?:the\s+)?$/.exec(text.slice(Math.max(from, mention.start - 60), mention.start));
      const head = of ? this.byEnd.get(mention.start - of[0].length + of[1]!.length) : undefined;
      if (!head || head.start < from || !this.isPerson(head)) break;
      mention = head;
    }
    // "A reporter for Agence France-Presse called it": the body a description is of is not the speaker.
    if (mention && mention.start >= from) {
      const d = /(?:^|\s)((?:[Aa]|[Aa]n|[Tt]he|[Oo]ne|[Aa]nother)\s+(?:[\p{Ll}-]+\s+){0,2}?([\p{Ll}-]+))\s+(?:for|at|with|of|from)\s+(?:the\s+)?$/u.exec(
        this.masked.slice(Math.max(from, mention.start - 60), mention.start),
      );
      const start = d ? mention.start - d[0].length + d[0].indexOf(d[1]!) : 0;
      // (Unless it is a named person's appositive: "Nadia Ferreira, the spokeswoman for the Union said".)
      if (d && isPersonNoun(d[2]!) && !/,\s*$/.test(this.masked.slice(Math.max(0, start - 3), start))) {
        return { mention: text.slice(start, mention.end), name: null, span: { start, end: mention.end }, via: 'named', method: 'description', confidence: CONFIDENCE.description };
      }
    }
    // "Sam Lau, the communications director for the Iowa Democratic Party said": the organisation ends the person's
    // appositive; the speaker is the person it describes.
    if (mention && mention.start >= from && !this.isPerson(mention)) {
      const head = this.appositiveHeadBefore(mention.start, from);
      if (head) return appositive(this.named(head));
    }
    // "White America embracing Obama announced": a name right after a gerund is its object.
    const before = mention ? wordEndingAt(this.masked, skipSpaceBack(this.masked, mention.start, from), from) : null;
    if (before && before.start >= from && /^\p{Ll}[\p{Ll}-]*ing$/u.test(before.word) && !ADJECTIVE_PARTICIPLES.has(before.word)) return null;
    if (mention && mention.start >= from && this.isSpeakerName(mention)) {
      // Widen to the phrase: a possessive or title before the name still names this person.
      const prefix = text.slice(Math.max(from, mention.start - 40), mention.start);
      const titled = /(?:\p{Ll}|['’]s)\s+$/u.test(prefix) || mention.titled;
      return titled ? appositive(this.named(mention)) : this.named(mention);
    }
    const w = wordEndingAt(this.masked, pos, from);
    if (!w) return null;
    if (PRONOUNS.has(w.word.toLowerCase())) return this.pronoun({ word: w.word, lower: w.word.toLowerCase(), start: w.start, end: w.end });
    // A description: "a spokeswoman said", "the campaign said in a statement".
    const back = text.slice(Math.max(from, pos - 60), pos);
    const d =
      /(?:^|\s)((?:the|a|an|one|another|his|her|their|its|many|some|several|most|few|other|both|all|these|those|two|three|four)\s+(?:[\p{L}'’-]+\s+){0,3}[\p{Ll}][\p{L}-]*)$/iu.exec(
        back,
      );
    if (d) {
      const start = pos - d[1]!.length;
      const phraseText = text.slice(start, pos);
      const named = this.ctx.mentions.filter((m) => m.start >= start && m.end <= pos && !this.possessive(m));
      const head = /([\p{L}-]+)$/u.exec(phraseText)?.[1]?.toLowerCase() ?? '';
      if (isSpeakerNoun(head) && (named.length === 0 || named.every((m) => /^\s\p{Ll}/u.test(text.slice(m.end, m.end + 2))))) {
        return { mention: phraseText, name: null, span: { start, end: pos }, via: 'named', method: 'description', confidence: CONFIDENCE.description };
      }
    }
    // "the shippers who wrote to her on Thursday say": a description with a relative clause, no one named in it.
    const rel =
      /(?:^|\s)((?:the|a|an|one|another|his|her|their|its|some|many|several)\s+(?:[\p{L}'’-]+\s+){0,3}?([\p{Ll}][\p{L}-]*)\s+(?:who|that|which)\s+[^,;:.!?\u2060]{1,80})$/iu.exec(
        this.masked.slice(Math.max(from, pos - 140), pos),
      );
    if (rel && isSpeakerNoun(rel[2]!.toLowerCase())) {
      const start = pos - rel[1]!.length;
      if (!this.ctx.mentions.some((m) => m.start >= start && m.end <= pos && this.isPerson(m))) {
        return { mention: text.slice(start, pos), name: null, span: { start, end: pos }, via: 'named', method: 'description', confidence: CONFIDENCE.description };
      }
    }
    return null;
  }

  /** The person a comma-opened appositive ending at `at` describes: "Katie Packer, who chairs Our Principles PAC". */
  private appositiveHeadBefore(at: number, from: number): NameMention | null {
    const { mentions, text } = this.ctx;
    const lo = Math.max(from, at - 160);
    for (let k = firstStartingFrom(mentions, lo); k < mentions.length && mentions[k]!.start < at; k++) {
      const m = mentions[k]!;
      if (this.masked[m.start] === MASK || !this.isPerson(m) || !this.isSpeakerName(m)) continue;
      // ", a spokesman", ", 22, of Flint": a description, or an age before one.
      if (!/^\s*,\s*[\p{Ll}\p{N}]/u.test(text.slice(m.end, m.end + 4))) continue;
      if (/[.;:!?\u2060]/u.test(this.masked.slice(m.end, at).replace(/\b(?:\p{Lu}|[A-Za-z]{1,4})\.(?=\s)/gu, ''))) continue;
      return m;
    }
    return null;
  }

  /**
   * Whether a name is a possessive ("Clinton's campaign"), which names no subject; "Christie's been making the case"
   * and "Trump's said" are "has" and "is", and the name is the subject.
   */
  possessive(m: NameMention): boolean {
    const after = this.ctx.text.slice(m.end, m.end + 16);
    return /^['’]/.test(after) && !/^['’]s\s+(?:been|got|gotten|said|told|not|never|already|also|just|still|going|become|made|done|taken|written|spoken|long)\b/.test(after);
  }

  /** Whether a name credited with a quote may be a person's: not "U.S." or "NATO", nor a body's name. */
  private isPersonName(name: string): boolean {
    if (!name.includes(' ')) return !/^[\p{Lu}.]+$/u.test(name);
    return this.ctx.registry.countNamed(name) > 0 || looksLikePerson({ name, start: 0, end: name.length, titled: false });
  }

  /** Whether a mention names a person (cached: the same mention is asked about from many quotes). */
  isPerson(m: NameMention): boolean {
    let known = this.personCache.get(m);
    if (known === undefined) this.personCache.set(m, (known = this.ctx.registry.isPerson(m)));
    return known;
  }

  /** The full name a mention refers to, or the mention as written (cached). */
  fullName(m: NameMention): string {
    let name = this.nameCache.get(m);
    if (name === undefined) this.nameCache.set(m, (name = this.sharedSurnameByGender(m) ?? this.ctx.registry.resolve(m.name, m.start) ?? m.name));
    return name;
  }

  /**
   * A surname two people of the text share, told apart by a pronoun right after it in its sentence and their given
   * names: "said Sanders as he closed out" is Bernie, not Jane; "Grayson said of his fiancée" is Alan, not Lolita.
   */
  private sharedSurnameByGender(m: NameMention): string | undefined {
    if (m.name.includes(' ') || this.ctx.registry.countNamed(m.name) < 2) return undefined;
    const after = /^[^.!?;\u2060]{0,60}?\b(he|his|him|she|her)\b/i.exec(this.masked.slice(m.end, m.end + 70));
    if (!after) return undefined;
    const g = /^(?:he|his|him)$/i.test(after[1]!) ? 'm' : 'f';
    const people = this.ctx.registry.peopleNamed(m.name, this.ctx.registry.resolve(m.name, m.start) ?? m.name);
    const fits = people.filter((p) => firstNameGender(p.split(' ')[0]!) === g);
    return fits.length === 1 ? fits[0] : undefined;
  }

  /**
   * Whether a name starts at words[j], or after a few capitalized words of a rank or title before it ("spokesman Navy
   * Capt. Jeff Davis").
   */
  private nameSoon(words: readonly WordAt[], j: number): boolean {
    for (let t = j; t < Math.min(words.length, j + 4); t++) {
      const w = words[t]!;
      if (!/^\p{Lu}/u.test(w.word)) return false;
      if (t > j && !/^\.?\s+$/.test(this.masked.slice(words[t - 1]!.end, w.start))) return false;
      if (this.byStart.has(w.start)) return true;
    }
    return false;
  }

  private named(m: NameMention): Attribution {
    const name = this.fullName(m);
    // A surname two people of the text share ("Clinton" with Bill and Hillary): the latest full mention, not sure.
    const shared = !m.name.includes(' ') && this.ctx.registry.countNamed(m.name) > 1;
    // An organisation or a name we cannot tell is a person's: often the body a nearby person speaks for, not sure.
    const person = this.isPerson(m);
    return { mention: m.name, name, span: { start: m.start, end: m.end }, via: 'named', method: 'named', confidence: shared ? 0.7 : person ? CONFIDENCE.named : 0.8 };
  }

  private pronoun(w: WordAt): Attribution {
    const lower = w.lower;
    const found = lower === 'they' || lower === 'it' || lower === 'we' || lower === 'i' ? null : this.antecedent(w.start, lower === 'she' ? 'f' : 'm');
    // Sure only when the person was named in the pronoun's own paragraph and nobody else compatible was named since
    // the paragraph before; otherwise a pronoun finds the wrong person too often on real news (about one in four).
    const confidence = !found ? 0.5 : found.alone ? 0.8 : CONFIDENCE.pronoun;
    // The mention is cut from the source's own text: a slice of the masked copy would keep that whole copy alive.
    return { mention: this.ctx.text.slice(w.start, w.end), name: found?.name ?? null, span: { start: w.start, end: w.end }, via: 'pronoun', method: 'pronoun', confidence };
  }

  /**
   * The person a pronoun refers to: going back sentence by sentence (up to three paragraphs), the speaker credited
   * in that sentence, else its subject, of a compatible gender where the text tells it. `alone` when nobody else
   * compatible was named between it and the paragraph before.
   */
  private antecedent(at: number, gender: 'm' | 'f', depth = 0): Antecedent | null {
    const key = at * 2 + (gender === 'f' ? 1 : 0);
    if (this.antecedents.has(key)) return this.antecedents.get(key)!;
    const found = this.findAntecedent(at, gender, depth);
    this.antecedents.set(key, found);
    return found;
  }

  /**
   * A sentence whose subject is the same pronoun ("He declared that …") goes on about the person that pronoun refers
   * to: the chain of "he"s leads back to the last named subject, whoever else the sentences name on the way.
   */
  private chainedSubject(start: number, end: number, at: number, gender: 'm' | 'f', depth: number): string | null {
    if (depth >= 24) return null;
    const subjectAt = this.skipLead(start, Math.min(end, at));
    const w = wordsIn(this.masked, subjectAt, Math.min(end, at))[0];
    if (!w || w.start !== subjectAt || w.start >= at) return null;
    if (w.lower !== (gender === 'f' ? 'she' : 'he')) return null;
    const found = this.antecedent(w.start, gender, depth + 1);
    return found && !found.fallback ? found.name : null;
  }

  private findAntecedent(at: number, gender: 'm' | 'f', depth: number): Antecedent | null {
    const { paragraphs } = this.ctx;
    const p0 = spanContaining(paragraphs, at);
    let p = p0;
    let fallback: string | null = null;
    // The nearest compatible speaker (credited with a quote or the subject of a verb of saying), and the nearest
    // compatible person merely named: news goes on with "he said" about whoever spoke last, not whoever was named last.
    let speaker: { name: string; p: number } | null = null;
    let named: { name: string; p: number } | null = null;
    const others = new Set<string>();
    for (let steps = 0; p >= 0 && steps < 3; p--) {
      const para = paragraphs[p]!;
      if (para.heading) continue;
      steps++;
      const limit = Math.min(para.end, at);
      // The paragraph's sentences up to the pronoun, the last few dozen at most (a text with no paragraphs is one).
      const all = this.sentenceStarts(p);
      const upTo = lowerBound(all, limit);
      const starts = all.slice(Math.max(0, upTo - SENTENCES_BACK), upTo);
      if (starts.length === 0) starts.push(para.start);
      for (let s = starts.length - 1; s >= 0 && !speaker; s--) {
        const sStart = starts[s]!;
        const sEnd = s + 1 < starts.length ? starts[s + 1]! : limit;
        // Within a sentence, someone the text says is of the pronoun's gender comes before someone it says nothing of.
        // In the pronoun's own sentence, what comes before "he said" is what was said: "Trump isn't a conservative, he said".
        const own = p === p0 && s === starts.length - 1;
        const inSentence = this.candidatesIn(sStart, sEnd, !own);
        const chained = this.chainedSubject(sStart, sEnd, at, gender, depth);
        // "A reporter for Agence France-Presse called it …. “…,” he said": the person a description names, not a name
        // in it; nobody we can name.
        if (!own && !chained && !speaker && !named && !inSentence.some((c) => c.speaker) && this.personDescriptionOpens(sStart, sEnd)) return null;
        // Who reports speech in the sentence comes before its grammatical subject ("Cruz will have a tougher time …,
        // Henson said"), and a subject before anyone merely named.
        const rank = (c: Candidate) => (this.genders.told(c.name) === gender ? 0 : 1) + (c.speech ? 0 : c.speaker ? 2 : 4);
        const ordered = [...(chained ? [{ name: chained, speaker: true, speech: true }] : []), ...[...inSentence].sort((a, b) => rank(a) - rank(b))];
        // "… she was a booster of Mitt Romney": someone named after the same pronoun as a subject in the sentence is
        // another person (unless they are its subject or speaker: "When he arrived, Obama said").
        const subjectPronoun = (gender === 'f' ? SHE_AS_SUBJECT : HE_AS_SUBJECT).exec(this.masked.slice(sStart, Math.min(sEnd, at)));
        const pronounAt = subjectPronoun ? sStart + subjectPronoun.index : Infinity;
        for (const c of ordered) {
          if (!c.speaker && c.at !== undefined && c.at > pronounAt) continue;
          const g = this.genders.of(c.name);
          if (g !== undefined && g !== gender) {
            // What the text seems to tell may be wrong, so such a person is the last resort; a given name that
            // tells the other gender ("she" and Donald) rules them out.
            if (this.genders.told(c.name) !== undefined) fallback ??= c.name;
            continue;
          }
          if (c.speaker && !speaker) speaker = { name: c.name, p };
          if (!named) named = { name: c.name, p };
          else if (!sameperson(c.name, named.name) && p >= p0 - 1) others.add(c.name);
        }
      }
      // Past the paragraph of the nearest person named, a speaker further back can no longer win.
      if (speaker || named) break;
    }
    const found = speaker as { name: string; p: number } | null;
    const near = named as { name: string; p: number } | null;
    // A person named in a later paragraph than the last speaker has become the topic.
    const chosen = found && (!near || near.p <= found.p) ? found : near;
    if (chosen) {
      others.delete(chosen.name);
      for (const o of [...others]) if (sameperson(o, chosen.name)) others.delete(o);
      return { name: chosen.name, alone: others.size === 0, sameParagraph: chosen.p === p0, genderKnown: this.genders.of(chosen.name) === gender };
    }
    return fallback ? { name: fallback, alone: false, sameParagraph: false, genderKnown: false, fallback: true } : null;
  }

  /** Whether a sentence opens with a new person a description names as its subject: "A reporter for X called it …". */
  private personDescriptionOpens(start: number, end: number): boolean {
    const words = wordsIn(this.masked, this.skipLead(start, end), end);
    // Only a new person: "the businessman replied" is often someone named before.
    if (!words[0] || !/^(?:a|an|one|another)$/.test(words[0].lower)) return false;
    for (let i = 1; i < Math.min(words.length, 5); i++) {
      const w = words[i]!;
      if (!/^\p{Ll}/u.test(w.word)) return false;
      // Unless a name follows in apposition: "One local woman, Karen Robison, pulled …" names her.
      if (isPersonNoun(w.lower)) return !(words[i + 1] && /^\s*,\s*$/.test(this.masked.slice(w.end, words[i + 1]!.start)) && this.byStart.has(words[i + 1]!.start));
    }
    return false;
  }

  /** The people a sentence puts forward: the speakers credited in it, then its subject, then other names. */
  private candidatesIn(start: number, end: number, subjects = true): Candidate[] {
    const out: Candidate[] = [];
    for (let k = lowerBound(this.quoteStarts, start); k < this.quoteStarts.length && this.quoteStarts[k]! < end && k < this.results.length; k++) {
      const r = this.results[k];
      // Only people: "she said" after a quote credited to "the U.S." goes on about someone else.
      if (r?.name && this.isPersonName(r.name)) out.push({ name: r.name, speaker: true, speech: true });
    }
    const { mentions } = this.ctx;
    // The sentence's subject is as good as a speaker: "Political analyst David Bositis agreed …, he said".
    const subject = subjects ? (this.mainSubjectAt(start, end) ?? this.copulaSubjectAt(start, end)) : undefined;
    for (let k = firstStartingFrom(mentions, start); k < mentions.length && mentions[k]!.start < end; k++) {
      const m = mentions[k]!;
      if (m.end > end || this.masked[m.start] === MASK) continue;
      if (!this.isPerson(m) || !this.isSpeakerName(m)) continue;
      if (this.possessive(m)) {
        // "Clinton's website is very different. …, she vows …": the possessor that opens a sentence is its topic.
        if (subjects && m.start === this.skipLead(start, end)) out.push({ name: this.fullName(m), speaker: false, speech: false, at: m.start });
        continue;
      }
      const speech = this.reportsSpeech(m, end);
      out.push({ name: this.fullName(m), speaker: speech || m.start === subject, speech, at: m.start });
    }
    // "Carson defied the question, …": a lone surname the text never names in full, as the subject, is someone too.
    if (subjects && !out.some((c) => c.speaker)) {
      const lone = this.loneSubjectAt(start, end);
      if (lone) out.unshift({ name: lone.name, speaker: true, speech: this.reportsSpeech(lone, end), at: lone.start });
    }
    // Only when nobody in it reports speech: "Cruz electrified the crowds, Stovall said" goes on about Stovall.
    if (out.some((c) => c.speech)) for (const c of out) c.speaker = c.speech;
    return out;
  }

  /** A single capitalized word that opens a sentence before a verb and that nothing says is a place or a body. */
  private loneSubjectAt(start: number, end: number): NameMention | undefined {
    const m = this.byStart.get(this.skipLead(start, end));
    if (!m || m.name.includes(' ') || m.titled || this.isPerson(m) || !this.isSpeakerName(m) || this.possessive(m) || m.end >= end) return undefined;
    if (!/^\p{Lu}\p{Ll}{2,}$/u.test(m.name) || NON_PERSON_WORDS.has(m.name) || entityKindOf(m.name) === 'place' || entityKindOf(m.name) === 'organisation') return undefined;
    const after = wordsIn(this.masked, m.end, Math.min(end, m.end + 45));
    // "Cruz openly admitted": an adverb may stand before the verb.
    const next = after[0] && /^\p{Ll}+ly$/u.test(after[0].word) && /^\s+$/.test(this.masked.slice(after[0].end, after[1]?.start ?? 0)) ? after[1] : after[0];
    if (!next || !/^\s+$/.test(this.masked.slice(m.end, after[0]!.start)) || NOT_VERBS.has(next.lower)) return undefined;
    if (!(/(?:ed|[^s]s)$/.test(next.lower) || SPEECH_VERBS.has(next.lower) || /^(?:has|had|was|will|would|also|did|does|could|can)$/.test(next.lower))) return undefined;
    // A name if the text capitalizes it inside a sentence too, or if the sentence goes on about it as "his" or "her"
    // ("Cruz openly admitted that his pick …").
    if (this.capitalizedInside(m.name)) return m;
    const own = /\b(?:his|her)\b/i.exec(this.masked.slice(next.end, end));
    if (!own || !/(?:ed|said|told|wrote)$/.test(next.lower)) return undefined;
    const ownAt = next.end + own.index;
    const between = this.ctx.mentions[firstStartingFrom(this.ctx.mentions, next.end + 1)];
    return /\p{L}/u.test(this.masked.slice(next.end, ownAt)) && !(between && between.start < ownAt) ? m : undefined;
  }

  /** Whether the text capitalizes a word inside a sentence too ("… with Carson"): a name, not "Opinion" or "Similar". */
  private capitalizedInside(word: string): boolean {
    let known = this.insideCache.get(word);
    if (known === undefined) {
      known = new RegExp(`[\\p{Ll},]\\s+${word}(?![\\p{L}\\p{M}])`, 'u').test(this.ctx.text);
      this.insideCache.set(word, known);
    }
    return known;
  }

  /** Whether a mention is the subject of a verb of saying ("Brandt said", "Brandt, the assessor, argued") or its agent ("said Brandt", "according to Brandt"). */
  private reportsSpeech(m: NameMention, end: number): boolean {
    // Asked again for the same mention by every pronoun after it: cached (the sentence end is the same each time).
    let known = this.speechCache.get(m);
    if (known === undefined) this.speechCache.set(m, (known = this.computeReportsSpeech(m, end)));
    return known;
  }

  private computeReportsSpeech(m: NameMention, end: number): boolean {
    // "A reporter for Agence France-Presse called it …": the object of a preposition is not the verb's subject.
    if (/(?:^|[^\p{L}])(?:for|of|at|with|from|about)\s+(?:the\s+)?$/u.test(this.masked.slice(Math.max(0, m.start - 12), m.start))) return false;
    if (this.verbAt(this.skipAppositive(m.end, end), end) !== null) return true;
    // "Pence said Trump will follow …": the subject of what was said, not the one saying it.
    if (
      /^\s+(?:\p{Ll}+\s+){0,1}\p{Ll}+/u.test(this.masked.slice(m.end, m.end + 30)) &&
      !/^\s+(?:of|on|in|at|during|before|after|to|from|with|about|for|and|who|when|while)\b/.test(this.masked.slice(m.end, m.end + 12))
    ) {
      return false;
    }
    const before = /([\p{L}]+)\s+(?:[\p{Lu}][\p{L}.'’-]*\s+){0,3}$/u.exec(this.masked.slice(Math.max(0, m.start - 50), m.start))?.[1]?.toLowerCase();
    return (
      before !== undefined &&
      (before === 'to'
        ? /according\s+to\s+(?:[\p{Lu}][\p{L}.'’-]*\s+){0,3}$/u.test(this.masked.slice(Math.max(0, m.start - 60), m.start))
        : SPEECH_VERBS.has(before) && !OBJECT_TAKING_VERBS.has(before))
    );
  }

  private paragraphOf(pos: number): Span {
    return this.ctx.paragraphs[spanContaining(this.ctx.paragraphs, pos)] ?? { start: 0, end: this.ctx.text.length };
  }
}

/** A noun that can stand for a speaker nobody is named for: "spokeswoman", "campaign", "strategist". */
function isSpeakerNoun(word: string): boolean {
  return (
    SPEAKER_NOUNS.has(word) ||
    /(?:man|woman|person|ist|ian)$/.test(word) ||
    (/(?:er|or)s?$/.test(word) && word.length > 4 && !/(?:ever|over|after|under|other|either|neither|rather|whether|later|never|together|further|however|per)$/.test(word))
  );
}

/** How many words a quotation holds (a word has a letter or a digit). */
function wordCount(text: string, span: Span): number {
  return text
    .slice(span.start, span.end)
    .split(/\s+/)
    .filter((w) => /[\p{L}\p{N}]/u.test(w)).length;
}

function skipSpace(text: string, pos: number, to: number): number {
  while (pos < to && /\s/.test(text[pos]!)) pos++;
  return pos;
}

/** The speaker of another quote carried over to this one, no surer than `cap`. */
function continued(a: Attribution, cap: number): Attribution {
  return { ...a, via: 'inherited', method: 'continuation', confidence: Math.min(a.confidence ?? 1, cap) };
}

function appositive(a: Attribution): Attribution {
  return { ...a, method: 'appositive', confidence: Math.min(a.confidence ?? 1, CONFIDENCE.appositive) };
}
