// Words and the typography rules: what counts as "the same words" whatever the marks, dashes and spacing.

/** One word of a text, with where it stands. */
export interface Word {
  /** Comparison key: lower case, apostrophes folded, bracketed case changes removed. */
  key: string;
  /** The word with its case kept (apostrophes folded), for the stricter `variant` comparison. */
  strict: string;
  start: number;
  end: number;
}

// A word is letters, marks and digits, with apostrophes inside (America's, don't). Hyphens and dashes split words
// so that "game-changing" and "game changing" differ only in punctuation. "[T]he" is one word: a bracketed
// change of case is typography.
const WORD_RE = /(?:\[\p{L}\](?=[\p{L}\p{M}\p{N}])|[\p{L}\p{M}\p{N}])+(?:['’ʼ‘](?:\[\p{L}\]|[\p{L}\p{M}\p{N}])+)*/gu;

const APOSTROPHES = /['’ʼ‘]/g;

export function foldWord(raw: string): string {
  // Fast path for the common plain word: no brackets, no curly apostrophes, nothing outside ASCII.
  let w = raw;
  if (w.includes('[')) w = w.replace(/\[(\p{L})\]/gu, '$1');
  if (/[’ʼ‘]/.test(w)) w = w.replace(APOSTROPHES, "'");
  return /[^\x00-\x7f]/.test(w) ? w.normalize('NFC') : w;
}

/** The first word of text[from, to), or null: one regex step, not a tokenization of the rest. */
export function nextWord(text: string, from: number, to: number): Word | null {
  const re = new RegExp(WORD_RE.source, 'gu');
  re.lastIndex = from;
  const m = re.exec(text);
  if (!m || m.index >= to) return null;
  const raw = text.slice(m.index, Math.min(m.index + m[0].length, to));
  const strict = foldWord(raw);
  return { key: strict.toLowerCase(), strict, start: m.index, end: m.index + raw.length };
}

/** Calls `each` with the comparison key, start and end of every word of text[from, to): no objects made. */
export function forEachWordKey(text: string, from: number, each: (key: string, start: number, end: number) => void): void {
  const re = new RegExp(WORD_RE.source, 'gu');
  re.lastIndex = from;
  let m: RegExpExecArray | null;
  while ((m = re.exec(text)) !== null) each(foldWord(m[0]).toLowerCase(), m.index, m.index + m[0].length);
}

/** The words of text[from, to). */
export function tokenizeWords(text: string, from = 0, to = text.length): Word[] {
  const words: Word[] = [];
  WORD_RE.lastIndex = from;
  let m: RegExpExecArray | null;
  while ((m = WORD_RE.exec(text)) !== null) {
    const end = m.index + m[0].length;
    if (end > to) {
      if (m.index < to) pushWord(words, text.slice(m.index, to), m.index);
      break;
    }
    pushWord(words, m[0], m.index);
  }
  return words;
}

function pushWord(words: Word[], raw: string, start: number): void {
  const strict = foldWord(raw);
  words.push({ key: strict.toLowerCase(), strict, start, end: start + raw.length });
}

/**
 * The punctuation between two words, folded so that typography does not count: white space and line breaks
 * vanish, every dash is one dash, every ellipsis one ellipsis, quotation marks and brackets are dropped.
 */
export function foldPunctuation(between: string): string {
  return between
    .replace(/\s+/g, '')
    .replace(/\.{3}|…/g, '…')
    .replace(/--+|[‐‑‒–—―-]/g, '—')
    .replace(/["“”„‟«»'‘’‚‹›`]/g, '')
    .replace(/[[\]]/g, '');
}

const NEGATIONS = new Set(['not', 'no', 'never', 'without', 'none', 'nor', 'cannot', 'nothing', 'neither', 'nobody']);

export function isNegation(key: string): boolean {
  return NEGATIONS.has(key) || key.endsWith("n't");
}
