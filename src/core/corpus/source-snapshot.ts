// Sources in a compact form for handing from a worker to the editor's thread: one string and a few typed arrays per
// source instead of thousands of small objects, so receiving them costs little. A restored source equals the one
// the worker parsed.

import type { Locator, Paragraph, Quote, QuoteAttribution, Sentence, Source, SourceMeta } from '../types';
import { spanContaining } from '../text/sorted-spans';

export interface SourceSnapshot {
  meta: SourceMeta;
  text: string;
  bodyStart: number;
  /** start, end, heading (0/1) for each paragraph. */
  paragraphs: Int32Array;
  /** start, end, paragraph index for each sentence. */
  sentences: Int32Array;
  /** start, end, paragraph index for each quote. */
  quotes: Int32Array;
  /** Speaker of each quote ('' when none). */
  speakers: string[];
  /** How each quote was attributed (null when it names no one); absent in snapshots made before attributions had it. */
  attributions?: (QuoteAttribution | null)[];
  /** Page or time of each quote, when the source's format has them. */
  locators?: (Locator | null)[];
  titles: Int32Array;
  warnings: string[];
}

export function snapshotSource(source: Source): SourceSnapshot {
  const paragraphs = new Int32Array(source.paragraphs.length * 3);
  source.paragraphs.forEach((p, k) => paragraphs.set([p.start, p.end, p.heading ? 1 : 0], k * 3));
  const quotes = new Int32Array(source.quotes.length * 3);
  source.quotes.forEach((q, k) => {
    const para = spanContaining(source.paragraphs, q.offset.start);
    quotes.set([q.offset.start, q.offset.end, para], k * 3);
  });
  const sentences = new Int32Array(source.sentences.length * 3);
  source.sentences.forEach((s, k) => sentences.set([s.start, s.end, s.paragraphIndex], k * 3));
  const titles = new Int32Array(source.titles.flatMap((t) => [t.start, t.end]));
  return {
    meta: source.meta,
    text: source.text,
    bodyStart: source.bodyStart,
    paragraphs,
    sentences,
    quotes,
    speakers: source.quotes.map((q) => q.speaker ?? ''),
    attributions: source.quotes.map((q) => q.attribution ?? null),
    ...(source.quotes.some((q) => q.locator) ? { locators: source.quotes.map((q) => q.locator ?? null) } : {}),
    titles,
    warnings: source.warnings,
  };
}

/** The buffers a snapshot can hand over without copying. */
export function snapshotTransferables(s: SourceSnapshot): ArrayBuffer[] {
  return [s.paragraphs.buffer, s.sentences.buffer, s.quotes.buffer, s.titles.buffer] as ArrayBuffer[];
}

export function restoreSource(s: SourceSnapshot): Source {
  const paragraphs: Paragraph[] = [];
  for (let k = 0; k < s.paragraphs.length; k += 3) {
    const start = s.paragraphs[k]!;
    const end = s.paragraphs[k + 1]!;
    paragraphs.push({ start, end, text: s.text.slice(start, end), heading: s.paragraphs[k + 2] === 1 });
  }
  const quotes: Quote[] = [];
  for (let k = 0; k < s.quotes.length; k += 3) {
    const start = s.quotes[k]!;
    const end = s.quotes[k + 1]!;
    const para = paragraphs[s.quotes[k + 2]!];
    const locator = s.locators?.[k / 3];
    const quote: Quote = {
      id: `q${k / 3 + 1}`,
      sourceId: s.meta.id,
      speaker: s.speakers[k / 3] || null,
      text: s.text.slice(start, end),
      offset: { start, end },
      context: para ? s.text.slice(para.start, Math.max(para.end, end)) : '',
      ...(locator ? { locator } : {}),
    };
    if (s.attributions) quote.attribution = s.attributions[k / 3] ?? null;
    quotes.push(quote);
  }
  const sentences: Sentence[] = [];
  for (let k = 0; k < s.sentences.length; k += 3) {
    const start = s.sentences[k]!;
    const end = s.sentences[k + 1]!;
    sentences.push({ start, end, text: s.text.slice(start, end), paragraphIndex: s.sentences[k + 2]! });
  }
  const titles = [];
  for (let k = 0; k < s.titles.length; k += 2) titles.push({ start: s.titles[k]!, end: s.titles[k + 1]! });
  return { meta: s.meta, text: s.text, bodyStart: s.bodyStart, paragraphs, sentences, quotes, titles, warnings: s.warnings };
}
