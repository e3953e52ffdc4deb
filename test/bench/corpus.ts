// Deterministic, seeded news-like corpora for the benchmark: articles with headlines, paragraphs, attributed quotes
// in several house styles, and a set of test passages whose correct verdicts are known by construction.

export function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const SYLLABLES =
  'ba be bi bo bu ka ke ki ko ku la le li lo lu ma me mi mo mu na ne ni no nu ra re ri ro ru sa se si so su ta te ti to tu va ve vi vo vu dra tre pli sto gra bla fen mor tas vel quin dor'.split(
    ' ',
  );
const FUNCTION_WORDS =
  'the of and to a in that is was for on with as by at from it be this have has are not an or which but their they will would could its more after over than about into new also said'.split(
    ' ',
  );

export interface Corpus {
  files: { path: string; text: string }[];
  sentences: number;
  quotes: { text: string; speaker: string }[];
  vocabulary: string[];
}

export interface Passage {
  kind: 'exact' | 'fragment' | 'elided' | 'bracketed' | 'altered' | 'absent';
  text: string;
  /** Verdicts that are right for it. */
  expected: string[];
}

function makeWord(rand: () => number): string {
  const n = 1 + Math.floor(rand() * 3);
  let w = '';
  for (let i = 0; i < n; i++) w += SYLLABLES[Math.floor(rand() * SYLLABLES.length)];
  return w;
}

/** Builds a corpus of about `sentences` sentences. ~12% of sentences carry a quote. */
export function generateCorpus(sentences: number, seed = 1): Corpus {
  const rand = mulberry32(seed);
  const vocabSize = Math.min(60_000, 2_000 + Math.floor(Math.sqrt(sentences) * 60));
  const vocab = new Set<string>();
  while (vocab.size < vocabSize) vocab.add(makeWord(rand));
  const vocabulary = [...vocab];
  // Zipf-like: low indices far more often.
  const word = () => (rand() < 0.35 ? FUNCTION_WORDS[Math.floor(rand() * FUNCTION_WORDS.length)]! : vocabulary[Math.floor(vocabulary.length * Math.pow(rand(), 2.2))]!);
  const cap = (s: string) => s[0]!.toUpperCase() + s.slice(1);
  const people = Array.from(
    { length: Math.max(20, Math.floor(sentences / 200)) },
    () => `${cap(makeWord(rand))} ${cap(makeWord(rand))}${rand() < 0.3 ? cap(makeWord(rand)).slice(0, 3) : ''}`,
  );
  const phrase = (min: number, max: number) => Array.from({ length: min + Math.floor(rand() * (max - min + 1)) }, word).join(' ');
  const files: Corpus['files'] = [];
  const quotes: Corpus['quotes'] = [];
  let written = 0;
  let article = 0;
  while (written < sentences) {
    const n = Math.min(sentences - written, 30 + Math.floor(rand() * 40));
    const paras: string[] = [];
    let para: string[] = [];
    let lastSpeaker: string | null = null;
    for (let i = 0; i < n; i++) {
      let sentence: string;
      if (rand() < 0.12) {
        const speaker = people[Math.floor(rand() * people.length)]!;
        const text = cap(phrase(6, 24));
        const surname = speaker.split(' ')[1]!;
        const style = rand();
        if (style < 0.35) sentence = `“${text},” ${surname} said.`;
        else if (style < 0.6) sentence = `${speaker} told reporters, “${text}.”`;
        else if (style < 0.8) sentence = `"${text}," said ${speaker}.`;
        else sentence = `${speaker}: “${text}.”`;
        // The first mention of a person in an article is in full, as news style has it.
        if (style < 0.35 && lastSpeaker !== speaker) sentence = `${speaker} spoke on ${cap(word())}. ${sentence}`;
        quotes.push({ text: style < 0.35 || (style >= 0.6 && style < 0.8) ? `${text},` : `${text}.`, speaker });
        lastSpeaker = speaker;
      } else {
        sentence = `${cap(phrase(8, 22))}.`;
      }
      para.push(sentence);
      if (para.length >= 2 + Math.floor(rand() * 3)) {
        paras.push(para.join(' '));
        para = [];
      }
    }
    if (para.length) paras.push(para.join(' '));
    const date = `20${10 + (article % 15)}-0${1 + (article % 9)}-1${article % 9}`;
    files.push({ path: `archive/article-${String(article).padStart(6, '0')}.md`, text: `---\ntitle: ${cap(phrase(4, 8))}\ndate: ${date}\n---\n${paras.join('\n\n')}\n` });
    written += n;
    article++;
  }
  return { files, sentences: written, quotes, vocabulary };
}

/** Test passages with known answers, drawn from the corpus's quotes. */
export function generatePassages(corpus: Corpus, count: number, seed = 2): Passage[] {
  const rand = mulberry32(seed);
  const kinds: Passage['kind'][] = ['exact', 'fragment', 'elided', 'bracketed', 'altered', 'absent'];
  const out: Passage[] = [];
  for (let i = 0; i < count; i++) {
    const kind = kinds[i % kinds.length]!;
    const q = corpus.quotes[Math.floor(rand() * corpus.quotes.length)]!;
    const words = q.text.replace(/[,.]$/, '').split(' ');
    const n = words.length;
    switch (kind) {
      case 'exact':
        out.push({ kind, text: q.text, expected: ['exact'] });
        break;
      case 'fragment': {
        const from = 1 + Math.floor(rand() * Math.max(1, n - 5));
        out.push({ kind, text: words.slice(from, Math.min(n, from + 4 + Math.floor(rand() * 4))).join(' '), expected: ['fragment', 'exact'] });
        break;
      }
      case 'elided': {
        const cut = 2 + Math.floor(rand() * Math.max(1, n - 4));
        const skip = Math.min(n - cut - 1, 1 + Math.floor(rand() * 3));
        out.push({ kind, text: `${words.slice(0, cut).join(' ')} … ${words.slice(cut + skip).join(' ')}`, expected: ['elided'] });
        break;
      }
      case 'bracketed':
        out.push({ kind, text: `[${corpus.vocabulary[Math.floor(rand() * corpus.vocabulary.length)]}] ${words.slice(1).join(' ')}`, expected: ['elided'] });
        break;
      case 'altered': {
        const k = 1 + Math.floor(rand() * (n - 2));
        const altered = [...words];
        altered[k] = `${altered[k]}x`;
        out.push({ kind, text: altered.join(' '), expected: ['misquote', 'not-found', 'extends-source', 'variant'] });
        break;
      }
      case 'absent':
        out.push({ kind, text: Array.from({ length: 8 + Math.floor(rand() * 8) }, () => `zq${Math.floor(rand() * 1e6).toString(36)}`).join(' '), expected: ['not-found'] });
        break;
    }
  }
  return out;
}

/** What a writer types after an opening mark: the first 1–6 words of a quote, some with a typo or a skipped word. */
export function generateTyping(corpus: Corpus, count: number, seed = 3): { typed: string; quote: string }[] {
  const rand = mulberry32(seed);
  return Array.from({ length: count }, () => {
    const q = corpus.quotes[Math.floor(rand() * corpus.quotes.length)]!;
    const words = q.text.split(' ').slice(0, 1 + Math.floor(rand() * 6));
    const r = rand();
    if (r < 0.2 && words.length > 0) {
      const k = Math.floor(rand() * words.length);
      const w = words[k]!;
      if (w.length > 3) words[k] = w.slice(0, 1) + w.slice(2); // a dropped letter
    } else if (r < 0.3 && words.length > 2) {
      words.splice(1, 1); // a skipped word
    }
    return { typed: words.join(' '), quote: q.text };
  });
}

/** A 5,000-word draft with `quotes` quotations drawn from the passages. */
export function generateDraft(corpus: Corpus, passages: readonly Passage[], quotes = 50, words = 5000, seed = 4): string {
  const rand = mulberry32(seed);
  const parts: string[] = [];
  const perGap = Math.floor((words - passages.slice(0, quotes).reduce((n, p) => n + p.text.split(' ').length, 0)) / quotes);
  for (let i = 0; i < quotes; i++) {
    const filler = Array.from({ length: Math.max(5, perGap) }, () => corpus.vocabulary[Math.floor(rand() * corpus.vocabulary.length)]).join(' ');
    parts.push(`${filler[0]!.toUpperCase()}${filler.slice(1)}. Somebody said, “${passages[i % passages.length]!.text}”`);
  }
  return parts.join('\n\n') + '\n';
}

/**
 * Look-ups by words a writer remembers: half mid-quote fragments (typed after an opening mark, from a word inside
 * the quote), half keyword searches (three or four of its words, shuffled, one with a dropped letter now and then).
 */
export function generateLookups(corpus: Corpus, count: number, seed = 5): { kind: 'fragment' | 'keywords'; text: string; quote: string }[] {
  const rand = mulberry32(seed);
  const long = corpus.quotes.filter((q) => q.text.split(' ').length >= 8);
  if (long.length === 0) return [];
  return Array.from({ length: count }, (_, k) => {
    const q = long[Math.floor(rand() * long.length)]!;
    const words = q.text
      .replace(/[^\p{L}\p{N}\s'-]/gu, '')
      .split(/\s+/)
      .filter(Boolean);
    if (k % 2 === 0) {
      const from = 2 + Math.floor(rand() * Math.max(1, words.length - 6));
      return { kind: 'fragment', text: words.slice(from, from + 2 + Math.floor(rand() * 4)).join(' '), quote: q.text };
    }
    const picked: string[] = [];
    for (let n = 3 + Math.floor(rand() * 2), tries = 0; picked.length < n && tries < 50; tries++) {
      const w = words[Math.floor(rand() * words.length)]!;
      if (w.length > 3 && !picked.includes(w)) picked.push(w);
    }
    if (rand() < 0.3 && picked[0] && picked[0].length > 4) picked[0] = picked[0].slice(0, 2) + picked[0].slice(3);
    return { kind: 'keywords', text: picked.sort(() => rand() - 0.5).join(' '), quote: q.text };
  });
}
