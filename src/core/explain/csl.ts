// Citations in any CSL style, formatted by citeproc-js (the processor Zotero and Mendeley use). The host reads
// the style and locale XML (a built-in style from resources/csl/, or a `.csl` file of the workspace) and passes
// the text in; building a processor for a style is slow (seconds for APA or Chicago), so one is kept per style.

import CSL from 'citeproc';
import type { Locator, SourceMeta } from '../types';
import { NON_PERSON_WORDS } from '../quotes/lexicon';
import type { CslItem, CslName } from './bibliography';

export interface CslStyle {
  /** The style's XML (`.csl`). */
  xml: string;
  /** The locale's XML (`locales-en-US.xml`). */
  locale: string;
}

export interface CslRendering {
  /** The in-text citation, or for a note style the note's text. */
  citation: string;
  /** The reference-list entry. */
  bibliography: string | null;
  /** Whether the style cites in footnotes (Chicago notes) rather than in the text (APA, MLA). */
  note: boolean;
}

const MAX_ENGINES = 4;
type Engine = InstanceType<typeof CSL.Engine>;
const engines = new Map<string, { engine: Engine; items: Map<string, CslItem> }>();

function engineFor(style: CslStyle): { engine: Engine; items: Map<string, CslItem> } {
  const key = style.xml;
  let e = engines.get(key);
  if (e) {
    // Most recently used last.
    engines.delete(key);
    engines.set(key, e);
    return e;
  }
  const items = new Map<string, CslItem>();
  const engine = new CSL.Engine({ retrieveLocale: () => style.locale, retrieveItem: (id: string) => items.get(id)! }, style.xml, 'en-US', true);
  engine.setOutputFormat('text');
  e = { engine, items };
  engines.set(key, e);
  while (engines.size > MAX_ENGINES) engines.delete(engines.keys().next().value!);
  return e;
}

/** Whether a style's XML declares it a note style. */
export function isNoteStyle(xml: string): boolean {
  return /<style\b[^>]*\bclass\s*=\s*["']note["']/.test(xml.slice(0, 2000));
}

/** Renders one item's citation (with its page or time) and its reference entry; null when the style cannot be used. */
export function renderCsl(item: CslItem, style: CslStyle, locator?: Locator | null): CslRendering | { error: string } {
  try {
    const { engine, items } = engineFor(style);
    items.clear();
    items.set(item.id, item);
    engine.updateItems([item.id]);
    const loc = cslLocator(locator);
    const citation = clean(engine.makeCitationCluster([{ id: item.id, ...loc }]));
    const bib = engine.makeBibliography();
    const bibliography = bib ? clean(bib[1].join('')) : null;
    return { citation, bibliography: bibliography || null, note: isNoteStyle(style.xml) };
  } catch (err) {
    return { error: (err as Error)?.message ?? String(err) };
  }
}

/** The CSL locator for a quote's page or time (`timestamp` is CSL 1.0.2's term for a time in a recording). */
export function cslLocator(locator?: Locator | null): { locator?: string; label?: string } {
  if (!locator) return {};
  if ('page' in locator) return { locator: String(locator.page), label: 'page' };
  return { locator: shortTime(locator.time), label: 'timestamp' };
}

/** `00:12:04.500` → `00:12:04`: the second is what a reader looks for. */
export function shortTime(time: string): string {
  return time.replace(/[.,]\d+$/, '');
}

function clean(s: string): string {
  return s.replace(/\s+/g, ' ').trim();
}

/** A source's metadata as a CSL item; absent fields are left out, never guessed. */
export function cslItemFromMeta(meta: SourceMeta): CslItem {
  const kind = meta.kind ?? 'article';
  const type = kind === 'transcript' || kind === 'captions' ? 'broadcast' : kind === 'pdf' ? 'report' : kind === 'web-page' && !meta.outlet ? 'webpage' : 'article-newspaper';
  const item: CslItem = { id: meta.id, type };
  if (meta.title) item.title = meta.title;
  if (meta.author) item.author = cslNames(meta.author);
  const date = meta.date ? /^(\d{4})-(\d{2})-(\d{2})$/.exec(meta.date) : null;
  if (date) item.issued = { 'date-parts': [[Number(date[1]), Number(date[2]), Number(date[3])]] };
  if (meta.outlet) {
    if (type === 'report') item.publisher = meta.outlet;
    else item['container-title'] = meta.outlet;
  }
  if (meta.url) item.URL = meta.url;
  return item;
}

/** "Jane Doe and John Roe" → family/given pairs; an organisation ("Northport Harbour Authority") stays whole. */
export function cslNames(author: string): CslName[] {
  return author
    .split(/\s*(?:,\s*and\s+|\s+and\s+|;\s*|,\s*(?=[\p{Lu}][\p{L}'’-]+\s+[\p{Lu}]))/u)
    .filter((a) => a.trim() !== '')
    .map((a) => {
      const words = a.trim().split(/\s+/);
      const org =
        words.length > 4 ||
        words.length < 2 ||
        words.some((w) => NON_PERSON_WORDS.has(w) || /^(?:Authority|Media|Staff|Desk|Newsroom|Service|Services|Group|Association|Board|Team)$/.test(w));
      return org ? { literal: a.trim() } : { family: words[words.length - 1]!, given: words.slice(0, -1).join(' ') };
    });
}
