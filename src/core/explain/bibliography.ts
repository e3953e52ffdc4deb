// The writer's bibliography (`verbatim.bibliography`): CSL-JSON or BibTeX, as Zotero exports them, read into CSL
// items and matched to sources by id (citation key), URL or title. BibTeX is read by the small parser below: the
// packaged BibTeX readers either do not bundle for browsers (citation-js pulls in node-fetch) or bring a natural
// language toolkit with them, and a Zotero export uses only the plain subset of the format.

import type { SourceMeta } from '../types';

/** A CSL-JSON item: the fields used here, plus whatever else the file has (passed on to the processor). */
export interface CslItem {
  id: string;
  type: string;
  title?: string;
  author?: CslName[];
  issued?: { 'date-parts': number[][] } | { raw: string };
  'container-title'?: string;
  publisher?: string;
  URL?: string;
  DOI?: string;
  'citation-key'?: string;
  [field: string]: unknown;
}

export type CslName = { family: string; given?: string } | { literal: string };

export interface Bibliography {
  items: CslItem[];
}

export type BibliographyResult = { ok: true; bibliography: Bibliography; warnings: string[] } | { ok: false; reason: string };

/** Reads CSL-JSON (an array of items, or `{ items: [...] }`) or BibTeX; the path's extension decides, else the text. */
export function parseBibliography(text: string, path = ''): BibliographyResult {
  const trimmed = text.replace(/^\uFEFF/, '').trimStart();
  const json = /\.json$/i.test(path) || trimmed.startsWith('[') || trimmed.startsWith('{');
  if (json) {
    let data: unknown;
    try {
      data = JSON.parse(trimmed);
    } catch (err) {
      return { ok: false, reason: `is not valid CSL-JSON (${(err as Error).message})` };
    }
    const list = Array.isArray(data) ? data : (data as { items?: unknown })?.items;
    if (!Array.isArray(list)) return { ok: false, reason: 'is JSON but not a CSL-JSON list of items' };
    const items = list
      .filter((x): x is CslItem => !!x && typeof x === 'object' && (typeof (x as CslItem).id === 'string' || typeof (x as CslItem).id === 'number'))
      .map((x) => ({ ...x, id: String(x.id), type: typeof x.type === 'string' ? x.type : 'document' }));
    const skipped = list.length - items.length;
    return { ok: true, bibliography: { items }, warnings: skipped ? [`${skipped} item(s) without an id were left out`] : [] };
  }
  if (!/@\w+\s*[{(]/.test(trimmed)) return { ok: false, reason: 'is neither CSL-JSON nor BibTeX' };
  const { items, warnings } = parseBibtex(trimmed);
  return { ok: true, bibliography: { items }, warnings };
}

/** The bibliography item for a source: same id or citation key, else same URL, else same title. */
export function findBibliographyItem(bibliography: Bibliography | null | undefined, meta: SourceMeta): CslItem | null {
  if (!bibliography) return null;
  const items = bibliography.items;
  const byId = items.find((i) => i.id === meta.id || i['citation-key'] === meta.id);
  if (byId) return byId;
  if (meta.url) {
    const url = normalizeUrl(meta.url);
    const byUrl = items.find((i) => typeof i.URL === 'string' && normalizeUrl(i.URL) === url);
    if (byUrl) return byUrl;
  }
  if (meta.title) {
    const title = normalizeTitle(meta.title);
    const byTitle = items.find((i) => typeof i.title === 'string' && normalizeTitle(i.title) === title);
    if (byTitle) return byTitle;
  }
  return null;
}

function normalizeUrl(u: string): string {
  return u
    .trim()
    .toLowerCase()
    .replace(/^https?:\/\/(www\.)?/, '')
    .replace(/[?#].*$/, '')
    .replace(/\/+$/, '');
}

function normalizeTitle(t: string): string {
  return t
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/<[^>]+>/g, '')
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

// ---- BibTeX -------------------------------------------------------------------------------------------------

const MONTHS: Record<string, number> = { jan: 1, feb: 2, mar: 3, apr: 4, may: 5, jun: 6, jul: 7, aug: 8, sep: 9, oct: 10, nov: 11, dec: 12 };

const TYPES: Record<string, string> = {
  article: 'article-newspaper',
  book: 'book',
  booklet: 'pamphlet',
  inbook: 'chapter',
  incollection: 'chapter',
  inproceedings: 'paper-conference',
  conference: 'paper-conference',
  manual: 'report',
  mastersthesis: 'thesis',
  phdthesis: 'thesis',
  thesis: 'thesis',
  misc: 'document',
  online: 'webpage',
  electronic: 'webpage',
  www: 'webpage',
  techreport: 'report',
  report: 'report',
  unpublished: 'manuscript',
  audio: 'song',
  video: 'motion_picture',
  movie: 'motion_picture',
};

export function parseBibtex(text: string): { items: CslItem[]; warnings: string[] } {
  const items: CslItem[] = [];
  const warnings: string[] = [];
  const strings = new Map<string, string>(Object.entries(MONTHS).map(([k, v]) => [k, String(v)]));
  let i = 0;
  while ((i = text.indexOf('@', i)) >= 0) {
    const head = /^@(\w+)\s*([{(])/.exec(text.slice(i, i + 64));
    if (!head) {
      i++;
      continue;
    }
    const type = head[1]!.toLowerCase();
    const close = head[2] === '{' ? '}' : ')';
    let p = i + head[0].length;
    if (type === 'comment' || type === 'preamble') {
      i = skipBalanced(text, p - 1);
      continue;
    }
    if (type === 'string') {
      const fields = readFields(text, p, close, strings);
      for (const [k, v] of fields.fields) strings.set(k, v);
      i = fields.end;
      continue;
    }
    const keyMatch = /^\s*([^,\s]+)\s*,/.exec(text.slice(p, p + 300));
    if (!keyMatch) {
      warnings.push(`a @${type} entry without a citation key was left out`);
      i = skipBalanced(text, p - 1);
      continue;
    }
    p += keyMatch[0].length;
    const { fields, end } = readFields(text, p, close, strings);
    items.push(toCsl(keyMatch[1]!, type, fields));
    i = end;
  }
  return { items, warnings };
}

function skipBalanced(text: string, open: number): number {
  let depth = 0;
  for (let k = open; k < text.length; k++) {
    const c = text[k];
    if (c === '{' || c === '(') depth++;
    else if (c === '}' || c === ')') {
      depth--;
      if (depth === 0) return k + 1;
    }
  }
  return text.length;
}

function readFields(text: string, from: number, close: string, strings: Map<string, string>): { fields: Map<string, string>; end: number } {
  const fields = new Map<string, string>();
  let p = from;
  const ws = () => {
    while (p < text.length && /[\s,]/.test(text[p]!)) p++;
  };
  for (;;) {
    ws();
    if (p >= text.length) break;
    if (text[p] === close) {
      p++;
      break;
    }
    const name = /^([\w:.-]+)\s*=\s*/.exec(text.slice(p, p + 100));
    if (!name) {
      p = skipToNextField(text, p, close);
      continue;
    }
    p += name[0].length;
    let value = '';
    for (;;) {
      const c = text[p];
      if (c === '{') {
        const end = skipBalanced(text, p);
        value += text.slice(p + 1, end - 1);
        p = end;
      } else if (c === '"') {
        let end = p + 1;
        let depth = 0;
        while (end < text.length && !(text[end] === '"' && depth === 0)) {
          if (text[end] === '{') depth++;
          else if (text[end] === '}') depth--;
          end++;
        }
        value += text.slice(p + 1, end);
        p = end + 1;
      } else {
        const bare = /^[^\s,#}{)"]+/.exec(text.slice(p, p + 200));
        if (!bare) break;
        value += strings.get(bare[0].toLowerCase()) ?? bare[0];
        p += bare[0].length;
      }
      const hash = /^\s*#\s*/.exec(text.slice(p, p + 20));
      if (!hash) break;
      p += hash[0].length;
    }
    fields.set(name[1]!.toLowerCase(), value);
  }
  return { fields, end: p };
}

function skipToNextField(text: string, p: number, close: string): number {
  let depth = 0;
  for (let k = p; k < text.length; k++) {
    const c = text[k];
    if (c === '{') depth++;
    else if (c === '}' && depth > 0) depth--;
    else if (depth === 0 && (c === ',' || c === close)) return c === ',' ? k + 1 : k;
  }
  return text.length;
}

const ACCENTS: Record<string, Record<string, string>> = {
  '"': { a: 'ä', o: 'ö', u: 'ü', e: 'ë', i: 'ï', A: 'Ä', O: 'Ö', U: 'Ü', E: 'Ë', I: 'Ï', y: 'ÿ' },
  "'": { a: 'á', e: 'é', i: 'í', o: 'ó', u: 'ú', y: 'ý', c: 'ć', n: 'ń', s: 'ś', z: 'ź', A: 'Á', E: 'É', I: 'Í', O: 'Ó', U: 'Ú', C: 'Ć', S: 'Ś', Z: 'Ź' },
  '`': { a: 'à', e: 'è', i: 'ì', o: 'ò', u: 'ù', A: 'À', E: 'È', I: 'Ì', O: 'Ò', U: 'Ù' },
  '^': { a: 'â', e: 'ê', i: 'î', o: 'ô', u: 'û', A: 'Â', E: 'Ê', I: 'Î', O: 'Ô', U: 'Û' },
  '~': { a: 'ã', n: 'ñ', o: 'õ', A: 'Ã', N: 'Ñ', O: 'Õ' },
  c: { c: 'ç', C: 'Ç', s: 'ş', S: 'Ş' },
  v: { c: 'č', s: 'š', z: 'ž', r: 'ř', e: 'ě', n: 'ň', C: 'Č', S: 'Š', Z: 'Ž', R: 'Ř' },
  u: { a: 'ă', g: 'ğ', A: 'Ă', G: 'Ğ' },
  '=': { a: 'ā', e: 'ē', i: 'ī', o: 'ō', u: 'ū' },
  H: { o: 'ő', u: 'ű', O: 'Ő', U: 'Ű' },
};
const SYMBOLS: Record<string, string> = { ss: 'ß', o: 'ø', O: 'Ø', aa: 'å', AA: 'Å', ae: 'æ', AE: 'Æ', oe: 'œ', OE: 'Œ', l: 'ł', L: 'Ł', i: 'ı' };

/** LaTeX markup to plain text: accents, escaped characters, dashes, braces. */
export function latexToText(s: string): string {
  return s
    .replace(/\{?\\([`'^"~=.Hcvu])\s*\{?\\?([A-Za-z])\}?\}?/g, (m, accent: string, ch: string) => ACCENTS[accent]?.[ch] ?? ch)
    .replace(/\{?\\(ss|aa|AA|ae|AE|oe|OE|o|O|l|L|i)\}?(?![A-Za-z])/g, (_m, sym: string) => SYMBOLS[sym] ?? sym)
    .replace(/\\(?:textit|textbf|emph|textsc|textrm|texttt|url|mkbibquote|enquote)\s*\{([^{}]*)\}/g, '$1')
    .replace(/\\([&%$#_{}])/g, '$1')
    .replace(/---/g, '—')
    .replace(/--/g, '–')
    .replace(/~/g, '\u00a0')
    .replace(/``|''/g, '"')
    .replace(/[{}]/g, '')
    .replace(/\s+/g, ' ')
    .trim();
}

function names(raw: string): CslName[] {
  const out: CslName[] = [];
  for (const part of splitTopLevel(raw, /\s+and\s+/i)) {
    const p = part.trim();
    if (!p) continue;
    if (/^\{.*\}$/.test(p)) {
      out.push({ literal: latexToText(p) });
      continue;
    }
    const pieces = splitTopLevel(p, /\s*,\s*/);
    if (pieces.length >= 2) out.push({ family: latexToText(pieces[0]!), given: latexToText(pieces.slice(pieces.length === 3 ? 2 : 1).join(' ')) });
    else {
      const words = latexToText(p).split(' ');
      out.push(words.length === 1 ? { literal: words[0]! } : { family: words.pop()!, given: words.join(' ') });
    }
  }
  return out;
}

/** Splits at a separator outside braces. */
function splitTopLevel(s: string, sep: RegExp): string[] {
  const out: string[] = [];
  let depth = 0;
  let start = 0;
  for (let k = 0; k < s.length; k++) {
    if (s[k] === '{') depth++;
    else if (s[k] === '}') depth--;
    else if (depth === 0) {
      const m = new RegExp(`^(?:${sep.source})`, sep.flags.replace('g', '')).exec(s.slice(k));
      if (m && m[0].length > 0) {
        out.push(s.slice(start, k));
        k += m[0].length - 1;
        start = k + 1;
      }
    }
  }
  out.push(s.slice(start));
  return out;
}

function toCsl(key: string, type: string, f: Map<string, string>): CslItem {
  const get = (...names: string[]) => {
    for (const n of names) {
      const v = f.get(n);
      if (v !== undefined && v.trim() !== '') return latexToText(v);
    }
    return undefined;
  };
  const hasVolume = f.has('volume') || f.has('number');
  const item: CslItem = { id: key, 'citation-key': key, type: type === 'article' && hasVolume ? 'article-journal' : (TYPES[type] ?? 'document') };
  const title = get('title');
  if (title) item.title = title;
  const author = f.get('author') ?? f.get('editor');
  if (author) item.author = names(author);
  const date = get('date');
  const year = get('year');
  if (date && /^\d{4}(-\d{2}(-\d{2})?)?$/.test(date)) item.issued = { 'date-parts': [date.split('-').map(Number)] };
  else if (year && /^\d{4}$/.test(year)) {
    const parts = [Number(year)];
    const month = get('month');
    const m = month ? (/^\d{1,2}$/.test(month) ? Number(month) : MONTHS[month.toLowerCase().slice(0, 3)]) : undefined;
    if (m) {
      parts.push(m);
      const day = get('day');
      if (day && /^\d{1,2}$/.test(day)) parts.push(Number(day));
    }
    item.issued = { 'date-parts': [parts] };
  }
  const container = get('journal', 'journaltitle', 'booktitle', 'howpublished', 'series');
  if (container && !/^\\url/.test(f.get('howpublished') ?? '')) item['container-title'] = container;
  const publisher = get('publisher', 'institution', 'organization', 'school');
  if (publisher) item.publisher = publisher;
  const url = f.get('url')?.trim();
  if (url) item.URL = url;
  const doi = get('doi');
  if (doi) item.DOI = doi;
  for (const [field, csl] of [
    ['volume', 'volume'],
    ['number', 'issue'],
    ['pages', 'page'],
    ['address', 'publisher-place'],
    ['note', 'note'],
  ] as const) {
    const v = get(field);
    if (v) item[csl] = v;
  }
  return item;
}
