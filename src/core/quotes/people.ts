// People: finding names in prose, stripping titles, and knowing one person under all their names
// (surname alone, transliterations such as Zelensky / Zelenskyy / Zelenskiy).

import type { Span } from '../types';
import { entityKindOf, firstNameGender } from '../text/nlp';
import { NAME_PARTICLES, NON_PERSON_WORDS, NOT_NAME_STARTS, PERSON_TITLES, PLACE_PREFIXES, SPEECH_VERBS, TITLE_WORDS } from './lexicon';

export interface NameMention extends Span {
  /** The name with titles stripped, as written ("Ursula von der Leyen", "Witkoff"). */
  name: string;
  /** True when a title or role stood before it ("President Trump"). */
  titled: boolean;
  /** The title word just before the name, when there was one ("Sen.", "Former"). */
  title?: string;
}

/**
 * A key that is the same for one name's common spellings: case, diacritics, w/v, y/i/j and doubled letters
 * do not count ("Zelenskyy", "Zelensky", "Zelenskiy" → "zelenski").
 */
const nameKeys = new Map<string, string>();

export function nameKey(name: string): string {
  let key = nameKeys.get(name);
  if (key === undefined) {
    // Names repeat endlessly in news; the cache is bounded so a hostile text cannot grow it without end.
    if (nameKeys.size > 50_000) nameKeys.clear();
    nameKeys.set(name, (key = computeNameKey(name)));
  }
  return key;
}

function computeNameKey(name: string): string {
  return (
    name
      // A generational suffix is not the surname: "Robert P. Casey Jr." is Casey.
      .replace(/,?\s+(?:Jr|Sr|II|III|IV)\.?$/u, '')
      .normalize('NFD')
      .replace(/\p{M}/gu, '')
      .toLowerCase()
      .replace(/['’‘ʼ]s\b/g, '')
      .replace(/[^a-z\s-]/g, '')
      .replace(/w/g, 'v')
      .replace(/[yj]/g, 'i')
      .replace(/ph/g, 'f')
      .replace(/ck/g, 'k')
      .replace(/([a-z])\1+/g, '$1')
      .replace(/[\s-]+/g, ' ')
      .trim()
  );
}

/** The last word of a name, as a key: the part people are called by on second mention. */
export function surnameKey(name: string): string {
  const parts = nameKey(name).split(' ');
  return parts[parts.length - 1] ?? '';
}

/** How a person is named on second mention: the surname with its particles ("von der Leyen"). */
export function shortName(fullName: string): string {
  const words = fullName.split(/\s+/);
  let k = words.length - 1;
  while (k > 0 && NAME_PARTICLES.has(words[k - 1]!)) k--;
  return words.slice(k).join(' ');
}

/** Whether `short` (two words or more) is the end of the longer `full`: "Wasserman Schultz", "Debbie Wasserman Schultz". */
function isTailOf(short: string, full: string): boolean {
  const s = short.split(' ');
  const f = full.split(' ');
  // The words before it are a given name ("Debbie"), not a word glued on ("Rival Hillary Clinton").
  return s.length >= 2 && f.length > s.length && f.slice(-s.length).join(' ') === short && firstNameGender(f[0]!) !== undefined;
}

/** True when `mention` ("Zelensky", "von der Leyen", "Steve Witkoff") names `person` ("Volodymyr Zelenskyy"). */
export function sameperson(mention: string, person: string): boolean {
  const m = nameKey(mention);
  const p = nameKey(person);
  if (m === '' || p === '') return false;
  if (m === p) return true;
  const mParts = m.split(' ');
  const pParts = p.split(' ');
  if (mParts[mParts.length - 1] !== pParts[pParts.length - 1]) return false;
  // "Zelensky" or "von der Leyen" alone, or a full name whose first name agrees.
  const mGiven = mParts.filter((w) => !NAME_PARTICLES.has(w)).slice(0, -1);
  if (mGiven.length === 0) return true;
  const pGiven = pParts.filter((w) => !NAME_PARTICLES.has(w)).slice(0, -1);
  if (pGiven.length === 0 || mGiven[0] === pGiven[0] || mGiven[0]![0] === pGiven[0]![0]) return true;
  // Names, not titles: an unknown title glued to one name ("Alderperson Quentin Marlow") or a middle name
  // ("Hillary Rodham Clinton") still leaves one given name in common.
  return mGiven.some((g) => g.length > 1 && pGiven.includes(g));
}

const PARTICLE_GROUP = [...NAME_PARTICLES].join('|');
/** A run of capitalized words, lower-case name particles allowed between them. */
const RUN_RE = new RegExp(`\\p{Lu}[\\p{L}\\p{M}'’.-]*(?:[ \\t]+(?:(?:${PARTICLE_GROUP})[ \\t]+)*\\p{Lu}[\\p{L}\\p{M}'’.-]*)*`, 'gu');
const RUN_TOKEN_RE = /\S+/g;

/** Every run of capitalized words in text[from, to), with titles stripped, as candidate names. */
export function findNameRuns(text: string, from = 0, to = text.length): NameMention[] {
  const runs: NameMention[] = [];
  const re = new RegExp(RUN_RE.source, 'gu');
  re.lastIndex = from;
  let m: RegExpExecArray | null;
  while ((m = re.exec(text)) !== null && m.index < to) {
    // Not a name inside a word: "anti-Trump", "pro-Clinton", "iPhone" (but "al-Assad" and "O'Malley" are names).
    if (m.index > 0 && insideWord(text, m.index)) {
      // Only its first word is inside one: "co-Anchor DeMarco Morgan" still names DeMarco Morgan.
      re.lastIndex = m.index + (/^\S+/.exec(m[0])?.[0].length ?? m[0].length);
      continue;
    }
    // A word glued to digits is a code, not a name: "L2 president Bruce Willsie", "the G20".
    if (/^\S+$/.test(m[0]) && /\p{N}/u.test(text[m.index + m[0].length] ?? '')) continue;
    // Only capitalized words are visited; split the run where a possessive or a trailing mark ends a name.
    let run: RunWord[] = [];
    const flush = () => {
      const mention = stripTitles(run);
      if (mention && mention.end <= to) runs.push(mention);
      run = [];
    };
    RUN_TOKEN_RE.lastIndex = 0;
    for (let t = RUN_TOKEN_RE.exec(m[0]); t; t = RUN_TOKEN_RE.exec(m[0])) {
      const raw = t[0];
      const start = m.index + t.index;
      const possessive = /['’]s$/.test(raw);
      // Keep the full stop of an initial or abbreviated title ("J.", "Dr."), drop other trailing marks.
      let word = possessive ? raw.slice(0, -2) : raw.replace(/[.'’-]+$/, '');
      if (!possessive && raw.endsWith('.') && (TITLE_WORDS.has(raw) || (/^(?:\p{Lu}\.){1,3}$/u.test(raw) && !PLACE_ABBREVIATIONS.test(raw)))) word = raw;
      if (word === '') {
        flush();
        continue;
      }
      const ended = word.length < raw.length && !possessive && !raw.endsWith('.');
      // "Ted Cruz South Carolina" (a headline or a dateline): a place name that starts after a full name is not part of it.
      if (run.length >= 2 && PLACE_PREFIXES.has(word) && !TITLE_WORDS.has(run[run.length - 1]!.word) && /^\s+\p{Lu}/u.test(m[0].slice(t.index + raw.length))) flush();
      run.push({ word, start, end: start + word.length });
      // A possessive ends a name ("Trump's envoy Steve Witkoff"), and so does a full stop or dash after a word.
      if (possessive || ended || (raw.endsWith('.') && word === raw.replace(/\.$/, ''))) flush();
    }
    flush();
  }
  return runs;
}

/** Initials that stand for a place or a body, never for a person's given names ("U.S.", unlike "G.K. Butterfield"). */
const PLACE_ABBREVIATIONS = /^(?:U\.S\.|U\.K\.|U\.N\.|E\.U\.|D\.C\.|N\.Y\.|L\.A\.|N\.J\.|N\.H\.|N\.C\.|S\.C\.|U\.S\.A\.)$/;

/** Lower-case prefixes joined to a name by a hyphen that are part of it ("al-Assad", "bin-Talal"). */
const NAME_PREFIX_BEFORE_HYPHEN = /(?:^|[^\p{L}])(?:al|el|ad|as|ash|at|az|bin|ibn|ben|abu|abd|abdul|d|l)-$/u;

function insideWord(text: string, at: number): boolean {
  const c = text[at - 1]!;
  if (/[\p{L}\p{M}\p{N}]/u.test(c)) return true;
  if (c !== '-') return false;
  return /\p{Ll}/u.test(text[at - 2] ?? '') && !NAME_PREFIX_BEFORE_HYPHEN.test(text.slice(Math.max(0, at - 8), at));
}

interface RunWord {
  word: string;
  start: number;
  end: number;
}

function stripTitles(run: RunWord[]): NameMention | null {
  let last = run.length;
  while (last > 0 && NAME_PARTICLES.has(run[last - 1]!.word)) last--;
  let first = 0;
  let titled = false;
  let title: string | undefined;
  // A title is followed by the name it titles: the last word is a surname ("Amy Pope", "Rita King"), and so is the
  // word before a generational suffix ("Martin Luther King Jr.").
  let core = last;
  while (core > 1 && /^(?:Jr|Sr|II|III|IV)$/.test(run[core - 1]!.word)) core--;
  for (let k = 0; k < core - 1 || (k === 0 && last === 1); k++) {
    if (TITLE_WORDS.has(run[k]!.word) || run[k]!.word.split('-').some((part) => TITLE_WORDS.has(part))) {
      first = k + 1;
      titled = true;
      title = run[k]!.word;
    }
  }
  while (
    first < last &&
    (NOT_NAME_STARTS.has(run[first]!.word) || NAME_PARTICLES.has(run[first]!.word) || (last - first > 1 && /^\p{Lu}\p{Ll}{3,}(?:ing|ed)$/u.test(run[first]!.word)))
  ) {
    first++;
  }
  if (first >= last) return null;
  const kept = run.slice(first, last);
  return { name: kept.map((w) => w.word).join(' '), start: kept[0]!.start, end: kept[kept.length - 1]!.end, titled, ...(title ? { title } : {}) };
}

/** "his wife, Jane,": a relative named by a given name alone. */
const KIN_APPOSITIVE =
  /\b(?:[Hh]is|[Hh]er|[Tt]heir)\s+(?:wife|husband|son|daughter|mother|father|brother|sister|partner|fianc[ée]e?|widow|widower|grandson|granddaughter|niece|nephew),\s+(\p{Lu}\p{Ll}+),/gu;

/** Organisation or place words that are common surnames too. */
const SURNAME_WORDS = new Set(
  'Post Hall Park Church House Street Bay Lake Woods Rivers River Fields Banks Bank Day May Price Temple Palace Gates Hill Hills Coast Bridge Tower Cook King Young Parks'.split(
    ' ',
  ),
);

/** Whether a name looks like a person's on its own (two or more words, no organisation or place words). */
export function looksLikePerson(mention: NameMention): boolean {
  const words = mention.name.split(' ');
  // "Sun-Times", "Gannett-owned": a hyphenated part counts as a word.
  const notPerson = (w: string) =>
    NON_PERSON_WORDS.has(w) ||
    (w.includes('-') && w.split('-').some((part) => NON_PERSON_WORDS.has(part))) ||
    // An acronym, not a generational suffix ("Vann R. Newkirk II").
    (w.length > 1 && w === w.toUpperCase() && !w.endsWith('.') && !(w === words[words.length - 1] && words.length >= 3 && /^(?:II|III|IV)$/.test(w)));
  if (words.some(notPerson)) {
    // "Megan Post", "Kathleen Hall Jamieson": a given name, and only surnames that are also such words.
    const given = words.length >= 2 && words.length <= 4 && firstNameGender(words[0]!) !== undefined;
    // Or three words or more, only the last of them such a word: "Yin Myint May".
    // (A surname that is rarely a building's or a place's: not "Obama White House".)
    const long = words.length >= 3 && words.length <= 4 && /^(?:May|Price|Cook|King|Young|Gates)$/.test(words[words.length - 1]!) && !words.slice(0, -1).some(notPerson);
    if (!(given || long) || !words.slice(1).every((w) => !notPerson(w) || SURNAME_WORDS.has(w))) return false;
  }
  // "Sen. Ochoa" is a person; "Independent Vermont" (a word that only qualifies one) is not for that alone.
  if (mention.titled && (mention.title === undefined || PERSON_TITLES.has(mention.title))) return true;
  const capitalized = words.filter((w) => !NAME_PARTICLES.has(w));
  return capitalized.length >= 2 && capitalized.length <= 4 && !PLACE_PREFIXES.has(words[0]!);
}

/** The people of one text: full names, and every mention that refers to one of them. */
export class PersonRegistry {
  /** Surname key → full names with that surname → where each was named in full (ascending; -1: known beforehand). */
  private readonly bySurname = new Map<string, Map<string, number[]>>();

  /**
   * @param places names the text uses as places ("in Palo Alto"), which look like a person's (see placesIn).
   */
  constructor(
    mentions: readonly NameMention[],
    knownPeople: readonly string[] = [],
    private readonly places: ReadonlySet<string> = new Set(),
  ) {
    for (const person of knownPeople) this.add(person, -1);
    for (const m of mentions) {
      if (looksLikePerson(m) && m.name.split(' ').length >= 2 && !places.has(m.name)) this.add(m.name, m.start);
    }
    for (const m of mentions) {
      // "Sen. Ochoa" names a person; "Republican Party" and "the U.S." are not people behind a title.
      const personTitle = m.title !== undefined && PERSON_TITLES.has(m.title);
      if (personTitle && m.name.split(' ').length === 1 && /^\p{Lu}\p{Ll}/u.test(m.name) && !NON_PERSON_WORDS.has(m.name) && !this.resolve(m.name, m.start)) {
        this.add(m.name, m.start);
      }
    }
  }

  /** A person the text names in a way the mentions alone do not tell ("his wife, Jane,"). */
  addNamed(name: string, at: number): void {
    this.add(name, at);
  }

  private add(name: string, at: number): void {
    const key = surnameKey(name);
    let names = this.bySurname.get(key);
    if (!names) this.bySurname.set(key, (names = new Map()));
    const positions = names.get(name);
    if (positions) positions.push(at);
    else names.set(name, [at]);
  }

  /**
   * The full name a mention refers to, or null when it is not a known person. Among several people with the same
   * surname, the one last named in full before `at` (else the first one named).
   */
  resolve(mention: string, at: number): string | null {
    const names = this.bySurname.get(surnameKey(mention));
    if (!names) return null;
    let best: { name: string; at: number } | null = null;
    let earliest: { name: string; at: number } | null = null;
    for (const [name, positions] of names) {
      if (!sameperson(mention, name)) continue;
      const before = lastAtOrBefore(positions, at);
      if (before !== null && (!best || before > best.at)) best = { name, at: before };
      if (!earliest || positions[0]! < earliest.at) earliest = { name, at: positions[0]! };
    }
    const found = (best ?? earliest)?.name ?? null;
    // "Wasserman Schultz" after "Debbie Wasserman Schultz": the full name it is the end of.
    if (found) for (const name of names.keys()) if (isTailOf(found, name)) return name;
    return found;
  }

  /** Every full name the registry knows. */
  *fullNames(): IterableIterator<string> {
    for (const names of this.bySurname.values()) yield* names.keys();
  }

  /** The people of the text a mention could name, `first` first ("Clinton": Hillary Clinton, Bill Clinton). */
  peopleNamed(mention: string, first: string): string[] {
    const out = [first];
    for (const name of this.bySurname.get(surnameKey(mention))?.keys() ?? []) if (name !== first && sameperson(mention, name)) out.push(name);
    return out;
  }

  /** How many different people of the text a mention could name ("Clinton" with Bill and Hillary: 2). */
  countNamed(mention: string): number {
    const names = this.bySurname.get(surnameKey(mention));
    if (!names) return 0;
    const matching = [...names.keys()].filter((name) => sameperson(mention, name));
    // "Wasserman Schultz" and "Debbie Wasserman Schultz" are one person.
    return matching.filter((name) => !matching.some((other) => isTailOf(name, other))).length;
  }

  isPerson(mention: NameMention): boolean {
    if (this.places.has(mention.name)) return false;
    return looksLikePerson(mention) || this.resolve(mention.name, mention.start) !== null;
  }
}

/**
 * Names of two words or more that look like a person's but that the text uses as a place: after "in", "at", "from",
 * "outside" … ("a forum in Palo Alto", "at Sandy Hook"), with a first word that is no given name, unknown to the
 * lexicon as a person, and never shortened to its last word ("Al Gore" … "Gore said" is a person).
 */
export function placesIn(text: string, runs: readonly NameMention[]): Set<string> {
  const places = new Set<string>();
  let lone: Set<string> | undefined;
  for (const m of runs) {
    if (
      m.titled ||
      places.has(m.name) ||
      /^['’]/.test(text.slice(m.end, m.end + 1)) ||
      !/\b(?:in|at|from|outside|near|across|throughout|around)\s+$/.test(text.slice(Math.max(0, m.start - 12), m.start))
    ) {
      continue;
    }
    const words = m.name.split(' ');
    if (words.length < 2 || firstNameGender(words[0]!) !== undefined || !looksLikePerson(m) || entityKindOf(m.name) === 'person') continue;
    lone ??= new Set(runs.filter((r) => !r.name.includes(' ')).map((r) => r.name));
    if (!lone.has(words[words.length - 1]!)) places.add(m.name);
  }
  return places;
}

function lastAtOrBefore(sorted: readonly number[], at: number): number | null {
  let lo = 0;
  let hi = sorted.length - 1;
  let found: number | null = null;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (sorted[mid]! <= at) {
      found = sorted[mid]!;
      lo = mid + 1;
    } else hi = mid - 1;
  }
  return found;
}

/**
 * The name runs of a text and the registry of its people. A surname that is also a common word ("Theresa May",
 * "George Will") is found alone only where the text uses it as a name: next to a verb of saying ("May said", "said
 * Will"), before an appositive comma or as a possessive, when its bearer is named in full in the text (or is one of
 * the `knownPeople`, the sources' speakers for a draft).
 */
export function readPeople(text: string, from = 0, knownPeople: readonly string[] = []): { mentions: NameMention[]; registry: PersonRegistry } {
  const runs = findNameRuns(text, from);
  const registry = new PersonRegistry(runs, knownPeople, placesIn(text, runs));
  // "his wife, Jane, …": a given name alone in apposition to a relative is a person's.
  for (const m of text.slice(from).matchAll(KIN_APPOSITIVE)) {
    const at = from + m.index! + m[0].length - m[1]!.length - 1;
    if (firstNameGender(m[1]!) !== undefined && !registry.resolve(m[1]!, at)) registry.addNamed(m[1]!, at);
  }
  const words = new Set<string>();
  for (const full of registry.fullNames()) {
    const last = full.split(' ').pop()!;
    // Also a title that is a surname too ("Billie Jean King" … "King says"), where no name follows it ("King Abdullah").
    if ((NOT_NAME_STARTS.has(last) || TITLE_WORDS.has(last)) && /^\p{Lu}\p{Ll}+$/u.test(last)) words.add(last);
  }
  if (words.size === 0) return { mentions: runs, registry };
  const extra: NameMention[] = [];
  let r = 0;
  for (const m of text.slice(from).matchAll(new RegExp(`(?<![\\p{L}\\p{M}'’.-])(?:${[...words].join('|')})(?![\\p{L}\\p{M}])`, 'gu'))) {
    const start = from + m.index!;
    const end = start + m[0].length;
    while (r < runs.length && runs[r]!.end <= start) r++;
    if (r < runs.length && runs[r]!.start < end) continue; // part of a longer name
    if (TITLE_WORDS.has(m[0]) && /^\s+\p{Lu}/u.test(text.slice(end, end + 3))) continue; // the title of the name after it
    const after = /^(?:['’]s\b|,\s+(?:a|an|the|who|\p{Ll}+ing)\b|\s+(\p{Ll}+))/u.exec(text.slice(end, end + 24));
    const before = /\b(?:said|says|told|asked|added|wrote|according to)\s+$/.test(text.slice(Math.max(0, start - 16), start));
    // "In May, the talks …" and "since May" are the month.
    const month = /\b(?:in|on|since|until|till|by|during|of|from|last|next|early|late|mid|this|through|before|after)\s+$/i.test(text.slice(Math.max(0, start - 10), start));
    if (!month && (before || (after && (after[1] === undefined || SPEECH_VERBS.has(after[1]))))) extra.push({ name: m[0], start, end, titled: false });
  }
  if (extra.length === 0) return { mentions: runs, registry };
  return { mentions: [...runs, ...extra].sort((a, b) => a.start - b.start), registry };
}
