// Web pages saved from a browser. Mozilla's Readability (the engine of Firefox's Reader View), on linkedom's DOM
// (which runs in Node and in browsers alike), finds the article; the page's navigation, teasers, adverts, captions,
// author bios and reader comments are dropped first, so no quotation is ever taken from them. Metadata comes from
// JSON-LD (NewsArticle and kin), then `og:`/`article:` meta tags, then `<title>`; whatever is absent stays null.

import { parseHTML } from 'linkedom';
import { Readability } from '@mozilla/readability';
import type { SourceMeta } from '../../types';
import { parseSource, type ParseResult } from '../parse-source';

/** The few DOM members used here (the project's TypeScript has no DOM library). */
interface El {
  tagName: string;
  textContent: string | null;
  parentNode: El | null;
  childNodes: ArrayLike<El> & Iterable<El>;
  nodeType: number;
  getAttribute(name: string): string | null;
  querySelectorAll(selector: string): ArrayLike<El> & Iterable<El>;
  querySelector(selector: string): El | null;
  remove(): void;
}
interface Doc extends El {
  body: El | null;
  documentElement: El | null;
  title: string;
}

function domOf(html: string): Doc {
  return (parseHTML(html) as unknown as { document: Doc }).document;
}

export interface PageMeta {
  title: string | null;
  date: string | null;
  outlet: string | null;
  author: string | null;
  url: string | null;
}

/** Whole parts of a page that are never the article. */
const NEVER_ARTICLE =
  'script, style, noscript, template, nav, header, footer, aside, form, button, iframe, svg, figcaption, [role="navigation"], [role="banner"], [role="contentinfo"], [role="complementary"], [aria-hidden="true"], [hidden]';
/** Classes and ids of comment threads, teasers, adverts, bios, sharing and sign-up boxes. */
const NOT_ARTICLE_NAME = new RegExp(
  String.raw`(?:^|[\s_-])(?:comment|discuss|disqus|repl(?:y|ies)|related|teaser|promo|recirc|recommend|trending|most-?read|most-?popular|more-?(?:stories|news|from)|sponsor|advert|newsletter|subscri|sharing|share-|social|author-?bio|about-?the-?author|breadcrumb|cookie|consent|paywall|signup|outbrain|taboola|sidebar|masthead|site-?(?:header|footer|nav)|read-?more)` +
    String.raw`|(?:^|[\s_-])(?:ad|ads|ad-slot|share|bio|nav|navbar|menu|rail|tags|byline|caption|credit|footer)(?:$|[\s_-])`,
  'i',
);
const BLOCKS = new Set(['P', 'H1', 'H2', 'H3', 'H4', 'H5', 'H6', 'LI', 'BLOCKQUOTE', 'PRE', 'DD', 'DT', 'TD', 'TH']);

export function readHtml(html: string, base: { id?: string; path: string | null; builtIn: boolean }): ParseResult {
  let document: Doc;
  try {
    document = domOf(html);
  } catch (err) {
    return { ok: false, reason: `is HTML that could not be parsed (${(err as Error).message})` };
  }
  if (!document.body || !document.documentElement) return { ok: false, reason: 'is HTML with no body' };
  const meta = readPageMeta(document);
  cleanPage(document);
  let article: { content?: string | null; title?: string | null; byline?: string | null; siteName?: string | null; publishedTime?: string | null } | null = null;
  try {
    article = new Readability(document as never, { charThreshold: 200, keepClasses: false }).parse();
  } catch {
    article = null;
  }
  const paragraphs = article?.content ? blocksOf(article.content) : [];
  if (paragraphs.join('').replace(/\s+/g, '').length < 20) {
    return { ok: false, reason: 'is HTML in which no article text could be found (the page may be broken, empty or only navigation)' };
  }
  const text = paragraphs.join('\n\n') + '\n';
  const parsed = parseSource({ text: '\n' + text, path: base.path, ...(base.id ? { id: base.id } : {}), builtIn: base.builtIn });
  if (!parsed.ok) return parsed;
  const m = parsed.source.meta;
  const full: SourceMeta = {
    ...m,
    title: meta.title ?? clean(article?.title) ?? m.title,
    date: meta.date ?? isoDay(article?.publishedTime),
    outlet: meta.outlet ?? clean(article?.siteName),
    author: meta.author ?? personName(clean(article?.byline)),
    url: meta.url,
    kind: 'web-page',
  };
  parsed.source.meta = full;
  return parsed;
}

/** Drops what is never the article, before Readability scores what is left. */
function cleanPage(document: Doc): void {
  for (const el of [...document.querySelectorAll(NEVER_ARTICLE)]) {
    if (el.tagName !== 'BODY' && el.tagName !== 'HTML') el.remove();
  }
  const pageText = textLength(document.body);
  for (const el of [...document.querySelectorAll('[class], [id]')]) {
    if (el.tagName === 'BODY' || el.tagName === 'HTML') continue;
    const name = `${el.getAttribute('class') ?? ''} ${el.getAttribute('id') ?? ''}`;
    if (!NOT_ARTICLE_NAME.test(name)) continue;
    // Never drop a container that holds the story itself (a "story has-comments" wrapper); an <article> that is a
    // comment or a teaser goes, the one holding most of the page's text stays.
    if (el.querySelector('main, [itemprop="articleBody"]') || el.getAttribute('itemprop') === 'articleBody') continue;
    if ((el.tagName === 'ARTICLE' || el.tagName === 'MAIN' || el.querySelector('article')) && textLength(el) > pageText * 0.5) continue;
    el.remove();
  }
}

function textLength(el: El | null): number {
  return (el?.textContent ?? '').replace(/\s+/g, '').length;
}

/** The article's block texts, in order, white space collapsed, entities decoded. */
export function blocksOf(contentHtml: string): string[] {
  const doc = domOf(`<!doctype html><html><body>${contentHtml}</body></html>`);
  for (const el of [...doc.querySelectorAll('figcaption, figure, aside, nav, script, style')]) el.remove();
  const out: string[] = [];
  const walk = (node: El) => {
    for (const child of [...node.childNodes]) {
      if (child.nodeType !== 1) continue;
      if (BLOCKS.has(child.tagName) && !child.querySelector('p, li, blockquote, h1, h2, h3, h4, h5, h6')) {
        const t = collapse(child.textContent ?? '');
        if (t) out.push(/^H[1-6]$/.test(child.tagName) ? `## ${t}` : t);
      } else walk(child);
    }
  };
  walk(doc.body!);
  if (out.length === 0) {
    const t = collapse(doc.body!.textContent ?? '');
    if (t) out.push(t);
  }
  return out;
}

function collapse(s: string): string {
  return s.replace(/[\s\u00a0]+/g, ' ').trim();
}

function clean(s: string | null | undefined): string | null {
  if (typeof s !== 'string') return null;
  const t = collapse(decodeEntities(s));
  return t === '' ? null : t;
}

/** JSON-LD and meta values are sometimes entity-encoded twice (`&amp;amp;`): decode what is left. */
function decodeEntities(s: string): string {
  if (!/&[#\w]+;/.test(s)) return s;
  const doc = domOf(`<!doctype html><html><body><p>${s.replace(/</g, '&lt;')}</p></body></html>`);
  return doc.querySelector('p')?.textContent ?? s;
}

/** "2025-08-18T10:00:00Z" → "2025-08-18"; null when it is not a date. */
function isoDay(s: string | null | undefined): string | null {
  const m = s ? /^(\d{4})-(\d{2})-(\d{2})/.exec(s.trim()) : null;
  if (!m) return null;
  const d = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
  return d.getUTCMonth() === Number(m[2]) - 1 ? `${m[1]}-${m[2]}-${m[3]}` : null;
}

/** "By Jane Doe" → "Jane Doe"; a profile URL is no name. */
function personName(s: string | null): string | null {
  if (!s || /^https?:/i.test(s)) return null;
  return s.replace(/^by\s+/i, '').trim() || null;
}

const ARTICLE_TYPES =
  /^(?:NewsArticle|Article|ReportageNewsArticle|AnalysisNewsArticle|OpinionNewsArticle|BackgroundNewsArticle|ReviewNewsArticle|BlogPosting|LiveBlogPosting|Report|ScholarlyArticle|TechArticle|WebPage)$/;

type Json = Record<string, unknown>;

export function readPageMeta(document: Doc): PageMeta {
  const ld = articleJsonLd(document);
  const metaTag = (key: string) => {
    for (const el of [...document.querySelectorAll('meta')]) {
      const k = el.getAttribute('property') ?? el.getAttribute('name') ?? el.getAttribute('itemprop');
      if (k && k.toLowerCase() === key) {
        const v = clean(el.getAttribute('content'));
        if (v) return v;
      }
    }
    return null;
  };
  const ldAuthor = ld ? names(ld['author']) : null;
  const ldPublisher = ld ? names(ld['publisher']) : null;
  const canonical = document.querySelector('link[rel="canonical"]')?.getAttribute('href') ?? null;
  const ldUrl = ld ? (str(ld['url']) ?? str((ld['mainEntityOfPage'] as Json | undefined)?.['@id']) ?? str(ld['mainEntityOfPage'])) : null;
  const title =
    (ld ? clean(str(ld['headline']) ?? str(ld['name'])) : null) ?? metaTag('og:title') ?? metaTag('twitter:title') ?? clean(document.querySelector('title')?.textContent);
  return {
    title,
    date:
      isoDay(ld ? (str(ld['datePublished']) ?? str(ld['dateCreated'])) : null) ??
      isoDay(metaTag('article:published_time')) ??
      isoDay(metaTag('date')) ??
      isoDay(metaTag('dc.date')) ??
      isoDay(document.querySelector('time[datetime]')?.getAttribute('datetime')),
    outlet: ldPublisher ?? metaTag('og:site_name') ?? metaTag('application-name'),
    author: ldAuthor ?? personName(metaTag('author')) ?? personName(metaTag('article:author')),
    url: absoluteUrl(ldUrl) ?? absoluteUrl(metaTag('og:url')) ?? absoluteUrl(canonical),
  };
}

function articleJsonLd(document: Doc): Json | null {
  const found: Json[] = [];
  const visit = (v: unknown) => {
    if (Array.isArray(v)) return v.forEach(visit);
    if (!v || typeof v !== 'object') return;
    const o = v as Json;
    const types = ([] as unknown[]).concat(o['@type'] ?? []);
    if (types.some((t) => typeof t === 'string' && ARTICLE_TYPES.test(t))) found.push(o);
    if (o['@graph']) visit(o['@graph']);
  };
  for (const el of [...document.querySelectorAll('script[type="application/ld+json"]')]) {
    try {
      visit(JSON.parse(el.textContent ?? ''));
    } catch {
      // A broken JSON-LD block is skipped; the meta tags still count.
    }
  }
  // A NewsArticle beats a generic WebPage.
  return found.find((o) => !([] as unknown[]).concat(o['@type']).includes('WebPage')) ?? found[0] ?? null;
}

function str(v: unknown): string | null {
  return typeof v === 'string' && v.trim() !== '' ? v.trim() : null;
}

function names(v: unknown): string | null {
  const list = ([] as unknown[]).concat(v ?? []);
  const out = list.map((x) => (typeof x === 'string' ? personName(clean(x)) : x && typeof x === 'object' ? clean(str((x as Json)['name'])) : null)).filter((x): x is string => !!x);
  return out.length ? joinNames(out) : null;
}

function joinNames(list: string[]): string {
  return list.length <= 2 ? list.join(' and ') : `${list.slice(0, -1).join(', ')} and ${list[list.length - 1]}`;
}

function absoluteUrl(u: string | null): string | null {
  return u && /^https?:\/\//i.test(u) ? u : null;
}
