// What a text tells of its people's gender, for "he" and "she": a title or role before a name ("Ms. Ilves",
// "spokeswoman Ruth Ilves"), the pronouns of sentences about someone, and else the given name (compromise's lexicon).

import type { NameMention } from './people';
import { nameKey, sameperson } from './people';
import { firstStartingFrom } from '../text/sorted-spans';
import { firstNameGender } from '../text/nlp';
import { FEMALE_CUES, MALE_CUES, SPEECH_VERBS } from './lexicon';
import { MASK, sentenceEnds } from './masked-text';
import type { AttributionContext } from './attribution';

export type Gender = 'm' | 'f';

/** What the gender book needs of the attributor's reading of the text. */
export interface GenderReader {
  readonly ctx: AttributionContext;
  /** The text with its quotations blanked out (see maskQuotations). */
  readonly masked: string;
  isPerson(m: NameMention): boolean;
  possessive(m: NameMention): boolean;
  fullName(m: NameMention): string;
  /** Where the person who is the main subject of a sentence is named, if one is. */
  mainSubjectAt(start: number, end: number): number | undefined;
}

/** Learned once per text, on first use. */
export class Genders {
  private genders: Map<string, Gender> | undefined;
  /** What the text tells of each person's gender (by name key): votes for he and for she. */
  private readonly genderVotes = new Map<string, { m: number; f: number }>();

  constructor(private readonly reader: GenderReader) {}

  /**
   * A person's gender where the text tells it: a cue before the name ("Ms. Ilves", "spokeswoman Ruth Ilves"), else
   * the pronouns the text uses in sentences about them (most sentences that open on "Sarandon" and go on with "she"
   * or "her" are about a woman). Undefined when the text does not say.
   */
  of(name: string): Gender | undefined {
    const told = this.told(name);
    // Else what the given name usually is (compromise's lexicon of first names): enough to rule a person out for a
    // pronoun, never to rank one person above another.
    const words = name.split(' ');
    const given = words.length >= 2 ? firstNameGender(words[0]!) : undefined;
    if (!told || !given || told === given) return told ?? given;
    // The text and the given name disagree: a title or many sentences outweigh the name, a pronoun or two do not.
    const v = this.genderVotes.get(nameKey(name)) ?? { m: 0, f: 0 };
    return v[told] >= 3 ? told : given;
  }

  /** A person's gender as the text tells it (see learn). */
  told(name: string): Gender | undefined {
    this.genders ??= this.learn();
    return this.genders.get(nameKey(name));
  }

  /** A gender the text leaves no doubt about: a title or role that tells it, or three sentences and none against. */
  clear(name: string): Gender | undefined {
    this.genders ??= this.learn();
    const v = this.genderVotes.get(nameKey(name)) ?? { m: 0, f: 0 };
    if (v.m >= 3 && v.f === 0) return 'm';
    if (v.f >= 3 && v.m === 0) return 'f';
    // A given name the lexicon knows, and nothing in the text against it.
    const words = name.split(' ');
    const g = words.length >= 2 ? firstNameGender(words[0]!) : undefined;
    return g && v[g === 'm' ? 'f' : 'm'] === 0 ? g : undefined;
  }

  private learn(): Map<string, Gender> {
    const { text, registry, mentions, paragraphs } = this.reader.ctx;
    const votes = this.genderVotes;
    const vote = (name: string, g: Gender, weight: number) => {
      const key = nameKey(name);
      const v = votes.get(key) ?? { m: 0, f: 0 };
      v[g] += weight;
      votes.set(key, v);
    };
    const cue =
      /\b(Mr|Mrs|Ms|Miss|Queen|King|Princess|Prince|Lady|Lord|Sir|Dame|[Ss]pokes(?:wo)?man|[Cc]ongress(?:wo)?man|[Cc]ouncil(?:wo)?man|[Aa]ssembly(?:wo)?man|[Cc]hair(?:wo)?man|[Bb]usiness(?:wo)?man|[Aa]lder(?:wo)?man|[Ss]ports(?:wo)?man|[Cc]amera(?:wo)?man|wife|husband|mother|father|daughter|son|sister|brother|actress|actor|widow|grandmother|grandfather|aunt|uncle|niece|nephew|girlfriend|boyfriend)\.?,?\s+((?:\p{Lu}[\p{L}'’.-]*[ \t]+){0,3}\p{Lu}[\p{L}'’-]+)\b/gu;
    for (const m of text.matchAll(cue)) {
      const c = m[1]!.toLowerCase();
      // "Councilwoman Castellanos", "the businessman Tom Steyer"; "chairman" is said of women too, so only -woman is sure.
      const g =
        FEMALE_CUES.has(c) || (c.endsWith('woman') && c.length > 5) || /^(?:widow|grandmother|aunt|niece|girlfriend|queen|princess|lady|dame)$/.test(c)
          ? 'f'
          : MALE_CUES.has(c) || /^(?:grandfather|uncle|nephew|boyfriend|king|prince|lord|sir)$/.test(c)
            ? 'm'
            : undefined;
      if (g) vote(registry.resolve(m[2]!, m.index!) ?? m[2]!, g, 3);
    }
    const PRONOUN_GENDER: Record<string, Gender> = { he: 'm', him: 'm', his: 'm', himself: 'm', she: 'f', her: 'f', hers: 'f', herself: 'f' };
    for (const para of paragraphs) {
      if (para.heading) continue;
      const body = this.reader.masked.slice(para.start, para.end);
      const starts = [0, ...sentenceEnds(body)];
      for (let s = 0; s < starts.length; s++) {
        const from = para.start + starts[s]!;
        const to = s + 1 < starts.length ? para.start + starts[s + 1]! : para.end;
        let subject: NameMention | undefined;
        for (let k = firstStartingFrom(mentions, from); k < mentions.length && mentions[k]!.start < to; k++) {
          const m = mentions[k]!;
          if (this.reader.masked[m.start] === MASK || this.reader.possessive(m)) continue;
          if (this.reader.isPerson(m)) subject = m;
          break;
        }
        // "Clinton" with Bill and Hillary in the text: the pronouns after it tell nothing of either for sure.
        if (!subject || (!subject.name.includes(' ') && registry.countNamed(subject.name) > 1)) continue;
        const who = this.reader.fullName(subject);
        // Subject pronouns only: "Walker again gave her a plum appointment" says nothing of Walker. Nor does the
        // pronoun of an attribution ("Pell and the mayor promised an estimate, she said"): that is someone else.
        // Only up to the next person the sentence names: "Axelrod said … helped Clinton, who … her staying power"
        // says nothing of Axelrod.
        let restEnd = to;
        for (let k = firstStartingFrom(mentions, subject.end); k < mentions.length && mentions[k]!.start < to; k++) {
          const m = mentions[k]!;
          if (this.reader.masked[m.start] !== MASK && this.reader.isPerson(m) && !sameperson(this.reader.fullName(m), who)) {
            restEnd = m.start;
            break;
          }
        }
        const rest = this.reader.masked.slice(subject.end, restEnd);
        for (const w of rest.matchAll(/\b(?:he|his|himself|she|herself|her)\b/gi)) {
          const after = /^\s+(?:[\p{Ll}]+\s+)?([\p{Ll}]+)/u.exec(rest.slice(w.index! + w[0].length))?.[1];
          // "her" as a possessive before a noun ("about her husband"), not as an object ("gave her a post").
          if (/^her$/i.test(w[0])) {
            const next = /^\s+([\p{Ll}]+)/u.exec(rest.slice(w.index! + w[0].length))?.[1];
            if (
              !next ||
              /^(?:a|an|the|to|in|on|at|for|with|that|this|and|or|up|down|out|off|back|about|over|as|from|by|if|when|because|so|into|after|before|again|too|very|more|most|not)$/.test(
                next,
              )
            ) {
              continue;
            }
          }
          if (/^(?:he|she)$/i.test(w[0]) && after && SPEECH_VERBS.has(after) && /,\s*$/.test(rest.slice(0, w.index!))) continue;
          vote(who, PRONOUN_GENDER[w[0].toLowerCase()]!, 1);
        }
        // The next sentence opening on "He" or "She" goes on about this subject.
        const next = /^\s*(?:(?:But|And|Then|Later|Still|Now)\s+)?(He|She)\b/.exec(this.reader.masked.slice(to, para.end));
        if (next && this.reader.mainSubjectAt(from, to) === subject.start) vote(who, next[1] === 'He' ? 'm' : 'f', 1);
      }
    }
    const out = new Map<string, Gender>();
    for (const [key, v] of votes) {
      if (v.m >= 2 * v.f && v.m > 0) out.set(key, 'm');
      else if (v.f >= 2 * v.m && v.f > 0) out.set(key, 'f');
    }
    return out;
  }
}
