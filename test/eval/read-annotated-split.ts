// Reads a local copy of one PolNeAR split (text/*.txt and attributions/*.ann, BRAT standoff) into gold direct
// quotes with their source mention and the person it refers to. Independent of the engine's own attribution code,
// so the figures measure the engine rather than agree with it.
//
// Never point this at the `test` split: it is the project's hidden evaluation.

import * as fs from 'node:fs';
import * as path from 'node:path';
import nlp from 'compromise';

export interface Span {
  start: number;
  end: number;
}

export interface GoldQuote {
  /** The words between the marks (one paragraph's piece of a quote that runs over several paragraphs). */
  inner: Span;
  /** The annotated source mention ("he", "Mr. Clyburn, the third-ranking Democrat"), or null when there is none. */
  source: Span[] | null;
  mention: string | null;
  /** The full name of the person the mention refers to, or null when it names no one (a spokeswoman, a document). */
  person: string | null;
  /** How the person was found: by a name in the mention, by a surname widened to a full name, by a pronoun. */
  resolvedBy: 'name' | 'surname' | 'pronoun' | 'none';
}

export interface GoldArticle {
  name: string;
  text: string;
  quotes: GoldQuote[];
  /** Every person some attribution of the article names (for the other-person draft). */
  people: string[];
}

interface Attribution {
  source: Span[] | null;
  content: Span[];
}

/** Loads every article of a split directory (the one holding `text/` and `attributions/`). */
export function loadSplit(dir: string): GoldArticle[] {
  const textDir = path.join(dir, 'text');
  const annDir = path.join(dir, 'attributions');
  const anns = fs
    .readdirSync(annDir)
    .filter((f) => f.endsWith('.ann'))
    .sort();
  const out: GoldArticle[] = [];
  for (const file of fs
    .readdirSync(textDir)
    .filter((f) => f.endsWith('.txt'))
    .sort()) {
    const base = file.slice(0, -4);
    // Articles annotated by several annotators: take the first annotation (file names end in the annotator's id).
    const ann = anns.find((a) => a.startsWith(`${base}_`) && /^_[0-9a-f]+\.ann$/.test(a.slice(base.length)));
    if (!ann) continue;
    const text = fs.readFileSync(path.join(textDir, file), 'utf8');
    out.push(readArticle(base, text, fs.readFileSync(path.join(annDir, ann), 'utf8')));
  }
  return out;
}

function parseSpans(s: string): Span[] {
  return s.split(';').map((p) => {
    const [a, b] = p.trim().split(/\s+/).map(Number);
    return { start: a!, end: b! };
  });
}

function readAttributions(ann: string): Attribution[] {
  const spans = new Map<string, { type: string; spans: Span[] }>();
  const events: string[] = [];
  for (const line of ann.split('\n')) {
    const cols = line.split('\t');
    if (/^T\d+$/.test(cols[0] ?? '') && cols[1]) {
      const sp = cols[1].indexOf(' ');
      spans.set(cols[0]!, { type: cols[1].slice(0, sp), spans: parseSpans(cols[1].slice(sp + 1)) });
    } else if (/^E\d+$/.test(cols[0] ?? '') && cols[1]) events.push(cols[1]);
  }
  const out: Attribution[] = [];
  for (const e of events) {
    let source: Span[] | null = null;
    const content: Span[] = [];
    for (const part of e.split(/\s+/)) {
      const [role, id] = part.split(':');
      const t = id ? spans.get(id) : undefined;
      if (!t) continue;
      if (role === 'Source') source = t.spans;
      else if (role === 'Content') content.push(...t.spans);
    }
    if (content.length) out.push({ source, content });
  }
  return out;
}

/**
 * Direct quotes: the words between a pair of double quotation marks, paired within each paragraph (curly marks by
 * direction, straight marks alternately; a mark left open runs to the paragraph's end, as a quote carried on into
 * the next paragraph does). A piece is a gold quote when at least half of its characters lie in the content of one
 * annotated attribution; pieces outside every content (titles, scare quotes) are not gold quotes.
 */
export function quotePieces(text: string): Span[] {
  const pieces: Span[] = [];
  const paraRe = /\n\s*\n/g;
  let start = 0;
  const paragraphs: Span[] = [];
  for (let m = paraRe.exec(text); m; m = paraRe.exec(text)) {
    paragraphs.push({ start, end: m.index });
    start = m.index + m[0].length;
  }
  paragraphs.push({ start, end: text.length });
  for (const p of paragraphs) {
    let open = -1;
    for (let i = p.start; i < p.end; i++) {
      const c = text[i];
      if (c === '“' || (c === '"' && open < 0)) {
        if (open < 0) open = i;
        else if (c === '“') open = i; // a stray opening mark restarts the quote
      } else if ((c === '”' || c === '"') && open >= 0) {
        if (i > open + 1) pieces.push({ start: open + 1, end: i });
        open = -1;
      }
    }
    if (open >= 0 && p.end > open + 1) pieces.push({ start: open + 1, end: p.end });
  }
  return pieces.map((s) => trim(text, s)).filter((s) => s.end > s.start && /[\p{L}\p{N}]/u.test(text.slice(s.start, s.end)));
}

function trim(text: string, s: Span): Span {
  let { start, end } = s;
  while (start < end && /\s/.test(text[start]!)) start++;
  while (end > start && /\s/.test(text[end - 1]!)) end--;
  return { start, end };
}

export function overlap(a: Span, b: Span): number {
  return Math.max(0, Math.min(a.end, b.end) - Math.max(a.start, b.start));
}

function readArticle(name: string, text: string, ann: string): GoldArticle {
  const attributions = readAttributions(ann);
  const names = new NameFinder(text);
  // Each attribution's person, in text order of the source mention, so that a pronoun can take the nearest one.
  const resolved = attributions.map((a) => ({ a, ...names.personOf(a.source) }));
  const named = resolved.filter((r) => r.person && r.resolvedBy !== 'pronoun' && r.a.source).sort((x, y) => x.a.source![0]!.start - y.a.source![0]!.start);
  for (const r of resolved) {
    if (r.resolvedBy !== 'pronoun' || !r.a.source) continue;
    // A pronoun: the nearest person named by an earlier attribution's source within a few paragraphs, of the
    // pronoun's gender where the given name tells one ("she" is never Bill Clinton).
    const at = r.a.source[0]!.start;
    const want = pronounGender(text.slice(r.a.source[0]!.start, r.a.source[0]!.end));
    // For he/she: someone whose given name tells that gender, else someone compromise reads as a person at all
    // ("Atlantic City", "Leaked Documents" and "Navy SEAL Ty Woods" for "she" are nobody's "she").
    let best: string | null = null;
    for (const n of named) {
      if (n.a.source![0]!.start >= at) break;
      if (at - n.a.source![0]!.start >= 2500) continue;
      const g = want ? givenNameGender(n.person!) : undefined;
      if (!want || g === want || (!g && !notAPerson(n.person!))) best = n.person;
    }
    r.person = best;
    if (!best) r.resolvedBy = 'none';
  }
  const quotes: GoldQuote[] = [];
  for (const piece of quotePieces(text)) {
    const len = piece.end - piece.start;
    let best: (typeof resolved)[number] | null = null;
    let bestOverlap = 0;
    for (const r of resolved) {
      const o = r.a.content.reduce((sum, c) => sum + overlap(c, piece), 0);
      if (o > bestOverlap) {
        best = r;
        bestOverlap = o;
      }
    }
    if (!best || bestOverlap * 2 < len) continue;
    const mention = best.a.source ? best.a.source.map((s) => text.slice(s.start, s.end)).join(' … ') : null;
    quotes.push({ inner: piece, source: best.a.source, mention, person: best.person, resolvedBy: best.resolvedBy });
  }
  // The people a draft may wrongly credit: full names that compromise does not read as an organisation or a place.
  const people = [...new Set(resolved.map((r) => r.person).filter((p): p is string => !!p && p.includes(' ') && !notAPerson(p) && !BODY_WORDS.test(p)))];
  return { name, text, quotes, people };
}

function pronounGender(word: string): 'm' | 'f' | undefined {
  const w = word.trim().toLowerCase();
  return /^(?:he|him|his|himself)$/.test(w) ? 'm' : /^(?:she|her|hers|herself)$/.test(w) ? 'f' : undefined;
}

/** The gender compromise's lexicon of first names gives a person's given name, if any (gold side, not the engine's). */
function givenNameGender(person: string): 'm' | 'f' | undefined {
  const words = person.split(' ');
  if (words.length < 2) return undefined;
  const tag = (nlp.model() as unknown as { one: { lexicon: Record<string, string | string[]> } }).one.lexicon[words[0]!.toLowerCase()];
  const tags = Array.isArray(tag) ? tag : tag ? [tag] : [];
  if (tags.includes('MaleName') && !tags.includes('FemaleName')) return 'm';
  if (tags.includes('FemaleName') && !tags.includes('MaleName')) return 'f';
  return undefined;
}

/** Whether compromise reads a name as an organisation's or a place's, not a person's (gold side). */
function notAPerson(name: string): boolean {
  const doc = nlp(name);
  return !doc.people().found && (doc.organizations().found || doc.places().found);
}

function notANameWord(word: string): boolean {
  const tag = (nlp.model() as unknown as { one: { lexicon: Record<string, string | string[]> } }).one.lexicon[word.toLowerCase()];
  const tags = Array.isArray(tag) ? tag : tag ? [tag] : [];
  return tags.some((t) => /^(?:Conjunction|Preposition|Determiner|Adverb|Duration|PresentTense|PastTense|Infinitive|Gerund|Pronoun|QuestionWord)$/.test(t));
}

const PRONOUNS = new Set(['he', 'she', 'him', 'his', 'her', 'i', 'we', 'they', 'them', 'you', 'himself', 'herself']);
const TITLES = new Set(
  (
    'mr mrs ms dr sen rep gov gen lt col sgt president senator representative governor mayor secretary judge justice ' +
    'former vice chairman chairwoman speaker leader nominee candidate democrat democratic republican gop rev pastor ' +
    'attorney general professor prof reverend sir lady lord chief director spokesman spokeswoman spokesperson ' +
    'presidential hopeful billionaire businessman businesswoman sheriff commissioner ambassador minister congressman ' +
    'congresswoman state of the u.s. us house senate majority minority whip campaign manager chair adviser advisor ' +
    'labor defense treasury homeland interior commerce energy education health transportation agriculture chancellor ' +
    'prime fbi cia ceo executive editor host anchor correspondent columnist analyst strategist pollster ag sens reps ' +
    'foreign navy seal army marine officer'
  ).split(' '),
);
const STOP = new Set(
  'The A An This That These Those In On At But And If When While Then So As After Before Since Some Many It Its He She They We I His Her Their Our Asked Said Says United New Former Florida Ohio Iowa Texas Democratic Republican Democrat GOP Sen Rep Gov U.S American Americans Meanwhile However Still Also Even Though Although Because Like Unlike For From With By Of Yet Both Now Here There What Why How Who Today Yesterday Last Next Earlier Later Founder NEA AFL-CIO Another People Supporters Critics Others Other'.split(
    ' ',
  ),
);
const NOT_PERSON =
  /\b(?:Republicans?|Democrats?|Democratic|GOP|Americans?|Presumptive|Conservatives?|Liberals?|Muslims?|Christians?|Jewish|Chinese|Israeli|Mexican|Russian|British|Hispanics?|Latinos?|Evangelicals?|Hampshire|Carolina|Iowa|Florida|Ohio|Virginia|Texas|California|York)\b/;
const ORG_WORDS =
  /\b(?:News|Times|Post|Journal|Press|Party|Committee|Campaign|Department|Office|Agency|University|Institute|Foundation|Council|Association|Network|CNN|Fox|NBC|ABC|CBS|MSNBC|Twitter|Facebook|Poll|Center|Group|Inc|PAC|Reuters|Politico|Breitbart|Post|Court|Congress|Senate|House|Bureau|Commission|Project|Report|Magazine|Review|Tribune|Herald|Service|Administration|Democrats|Republicans|Clinton Foundation)\b/;

/** Words that end or make a body's or a place's name, never a person's: no draft credits "Southern College". */
const BODY_WORDS =
  /\b(?:Coalition|Star|Sun|Netizens|College|City|State|States|Act|Parliament|Republic|Union|Teachers|Director|Church|School|County|Council|Party|Committee|Foundation|Institute|University|Association|PAC|League|Journalism|Team|Fund|Research|Staff|Caller|Network|Magazine|News|Times|Journal|Press)\b|^[^a-z]+$/;

/** Names in the article: capitalized runs with titles stripped. Deliberately simpler than the engine's. */
class NameFinder {
  private readonly fullNames: { name: string; at: number }[] = [];

  constructor(private readonly text: string) {
    const re = /\p{Lu}[\p{L}'’-]*(?:[ \t]+(?:(?:de|la|van|der|von|del|da|di|le)[ \t]+)*\p{Lu}[\p{L}'’-]*)*/gu;
    for (let m = re.exec(text); m; m = re.exec(text)) {
      if (/['’]s$/.test(m[0]) && m[0].includes(' ')) continue;
      const name = this.clean(m[0]);
      if (name && name.split(' ').length >= 2 && name.split(' ').length <= 4 && !ORG_WORDS.test(name)) this.fullNames.push({ name, at: m.index });
    }
  }

  /** Drops titles and possessive tails: "Sen. Bernie Sanders" → "Bernie Sanders". */
  clean(run: string): string | null {
    // A possessive inside a run: the name after it ("Jersey’s Steve Lonegan", "Blaze’s Matt Walsh"), else the one
    // before it ("Carly Fiorina's High-Stakes Battle").
    const parts = run.split(/['’]s\s+/);
    if (parts.length > 1) {
      const after = parts[parts.length - 1]!;
      run = after.split(/\s+/).length >= 2 && givenNameGender(after) !== undefined ? after : parts[0]!;
    }
    const words = run
      .replace(/['’]s$/, '')
      .split(/\s+/)
      // "Los Angeles-area", "Florida-based": a place made a modifier.
      .filter((w) => !/-(?:area|based|born|bred)$/.test(w))
      .map((w) => w.replace(/[,.;:]+$/, (x) => (/^\p{Lu}$/u.test(w.slice(0, -1)) ? x : '')));
    let k = 0;
    while (k < words.length && TITLES.has(words[k]!.toLowerCase().replace(/\.$/, ''))) k++;
    let end = words.length;
    while (end > k && /^(?:Jr|Sr|II|III)\.?$/.test(words[end - 1]!)) end--;
    const kept = words.slice(k, end).filter(Boolean);
    if (kept.length === 0) return null;
    // Also a capitalized word that opens a sentence and is no name ("To Sexton", "Does Rubio", "Year Barack Obama"):
    // compromise's lexicon tags it a function word, verb, adverb or duration (never "Will", "Bill" or "Mark").
    while (kept.length > 1 && (STOP.has(kept[0]!) || notANameWord(kept[0]!))) kept.shift();
    while (kept.length > 1 && TITLES.has(kept[0]!.toLowerCase().replace(/\.$/, ''))) kept.shift();
    if (kept.length === 0 || (kept.length === 1 && STOP.has(kept[0]!))) return null;
    return kept.join(' ');
  }

  personOf(source: Span[] | null): { person: string | null; resolvedBy: GoldQuote['resolvedBy'] } {
    if (!source) return { person: null, resolvedBy: 'none' };
    const at = source[0]!.start;
    const mention = source.map((s) => this.text.slice(s.start, s.end)).join(' ');
    const trimmed = mention.trim().toLowerCase();
    if (PRONOUNS.has(trimmed)) return { person: null, resolvedBy: 'pronoun' };
    // The head of the mention's first phrase (up to a comma, a bracket or "of", "who", "to" …), else of the phrase in
    // apposition after it: the last name run there that is not a possessive or a modifier of a noun after it
    // ("Clinton's communications director, Jennifer Palmieri"; "the Trump campaign" names no one).
    const segments = mention.split(/,|\(|\)|\s(?:who|which|that|of|from|at|to|for|in|with|on|about|by)\s/);
    const re = /\p{Lu}[\p{L}'’.-]*(?:\s+(?:(?:de|la|van|der|von|del|da|di|le)\s+)*\p{Lu}[\p{L}'’.-]*)*/gu;
    let pick: string | undefined;
    for (const seg of segments.slice(0, 2)) {
      const found: string[] = [];
      for (let m = re.exec(seg); m; m = re.exec(seg)) {
        const raw = m[0];
        const after = seg.slice(m.index + raw.length);
        if (/['’]s?$/.test(raw) || /^['’]s?\b/.test(after)) continue;
        if (/^\s+\p{Ll}/u.test(after)) continue;
        const name = this.clean(raw);
        if (!name || ORG_WORDS.test(name) || NOT_PERSON.test(name) || /^(?:[A-Z]{2,}|U\.S\.)$/.test(name) || /^[A-Z\s]+$/.test(name)) continue;
        found.push(name);
      }
      if (found.length) {
        pick = found[found.length - 1];
        break;
      }
    }
    if (!pick) return { person: null, resolvedBy: 'none' };
    if (pick.split(' ').length >= 2) return { person: pick, resolvedBy: 'name' };
    // A surname: the full name it stands for, last named before the mention, else first named after it.
    const matches = this.fullNames.filter((f) => lastWord(f.name) === pick.toLowerCase());
    const before = matches.filter((f) => f.at < at);
    const full = before[before.length - 1] ?? matches[0];
    return full ? { person: full.name, resolvedBy: 'surname' } : { person: pick, resolvedBy: 'name' };
  }
}

function lastWord(name: string): string {
  const w = name.toLowerCase().split(' ');
  return w[w.length - 1]!;
}

/** Same person by name: same surname, and first names (or initials) agree when both are given. */
export function namesMatch(a: string, b: string): boolean {
  const norm = (s: string) =>
    s
      .normalize('NFD')
      .replace(/\p{M}/gu, '')
      .toLowerCase()
      .replace(/['’]s\b/g, '')
      .replace(/\b(?:jr|sr|ii|iii|iv)\b\.?/g, '')
      .replace(/[^a-z\s-]/g, ' ')
      .split(/\s+/)
      .filter((w) => w && !TITLES.has(w));
  const x = norm(a);
  const y = norm(b);
  if (!x.length || !y.length || x[x.length - 1] !== y[y.length - 1]) return false;
  if (x.length === 1 || y.length === 1) return true;
  if (x[0] === y[0] || x[0]![0] === y[0]![0]) return true;
  // Leftover titles or places before a name ("Vermont Sen Bernie Sanders"): a given name in common.
  return x.slice(0, -1).some((w) => w.length > 1 && y.slice(0, -1).includes(w));
}
