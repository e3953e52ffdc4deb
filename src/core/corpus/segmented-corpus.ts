// A corpus in segments, the way search engines keep an index current: one large index built once (or loaded from
// disk), and small ones for the sources changed since. Editing a source indexes only that source in a new segment
// and retires its old version; deleting one retires it. Look-ups ask every segment and leave retired sources out,
// so a retired source's quotes leave completions, hovers and searches at once. Small segments are merged when there
// are too many; the large one is rebuilt only by a full reload.

import type { Quote, Source } from '../types';
import type { Corpus, Passage, Run, SentenceRef } from './corpus';
import { QuoteIndex, type QuoteMatch, type QuoteSuggestion, type SearchOptions, type SourceView, type SuggestOptions } from './quote-index';

/** Small segments beyond this many are merged into one. */
const MAX_SMALL_SEGMENTS = 8;

export class SegmentedCorpus implements Corpus {
  readonly sources: readonly SourceView[];
  readonly quoteCount: number;
  private byId: Map<string, SourceView> | undefined;
  private speakers: string[] | undefined;

  constructor(
    /** The first is the large index; the others hold sources changed or added since, oldest first. */
    readonly segments: readonly QuoteIndex[],
    /** Sources left out of every look-up: replaced by a newer version, or removed. */
    private readonly retired: ReadonlySet<Source> = new Set(),
  ) {
    this.sources = segments.flatMap((s) => (retired.size ? s.sources.filter((v) => !retired.has(v.source)) : s.sources));
    this.quoteCount = this.sources.reduce((n, v) => n + v.quoteCount, 0);
  }

  /** How many sources are retired but still held by a segment (a full rebuild drops them). */
  get retiredCount(): number {
    return this.retired.size;
  }

  /**
   * The corpus after some source files changed: the sources of `added` (a new segment, indexed from the changed and
   * new files only) replace those read from the same paths, and the sources read from `removedPaths` leave.
   */
  withChanges(added: QuoteIndex | null, removedPaths: Iterable<string> = []): SegmentedCorpus {
    const gone = new Set(removedPaths);
    for (const v of added?.sources ?? []) if (v.source.meta.path !== null) gone.add(v.source.meta.path);
    const retired = new Set(this.retired);
    for (const v of this.sources) if (v.source.meta.path !== null && gone.has(v.source.meta.path)) retired.add(v.source);
    let segments = added && added.sources.length > 0 ? [...this.segments, added] : [...this.segments];
    // A segment whose sources are all retired holds nothing any more (the large one stays: it is the base).
    segments = segments.filter((s, k) => k === 0 || s.sources.some((v) => !retired.has(v.source)));
    if (segments.length > MAX_SMALL_SEGMENTS + 1) {
      const small = segments.slice(1).flatMap((s) => s.sources.filter((v) => !retired.has(v.source)).map((v) => v.source));
      segments = [segments[0]!, new QuoteIndex(small)];
    }
    const held = new Set(segments.flatMap((s) => s.sources.map((v) => v.source)));
    return new SegmentedCorpus(segments, new Set([...retired].filter((s) => held.has(s))));
  }

  private live(source: Source): boolean {
    return !this.retired.has(source);
  }

  /** How many results to ask each segment for, so that enough remain once retired sources are left out. */
  private ask(limit: number): number {
    return this.retired.size ? limit * 2 + 8 : limit;
  }

  sourceById(id: string): SourceView | undefined {
    this.byId ??= new Map(this.sources.map((v) => [v.source.meta.id, v]));
    return this.byId.get(id);
  }

  allQuotes(): { quote: Quote; source: Source }[] {
    return this.sources.flatMap((v) => v.source.quotes.map((quote) => ({ quote, source: v.source })));
  }

  /** Each segment's speakers (a retired source's speakers may linger until a rebuild: they name no quote then). */
  speakerNames(): readonly string[] {
    if (this.segments.length === 1) return this.segments[0]!.speakerNames();
    this.speakers ??= [...new Set(this.segments.flatMap((s) => s.speakerNames()))];
    return this.speakers;
  }

  frequencyOf(key: string): number {
    return this.segments.reduce((n, s) => n + s.frequencyOf(key), 0);
  }

  findRuns(keys: readonly string[]): Run[] {
    return this.segments.flatMap((s) => s.findRuns(keys)).filter((r) => this.live(r.source.source));
  }

  positionsOf(key: string): { source: SourceView; at: number }[] {
    return this.segments.flatMap((s) => s.positionsOf(key)).filter((p) => this.live(p.source.source));
  }

  candidatePassages(keys: readonly string[], text: string, limit = 8, wholeQuotation = false): Passage[] {
    if (this.segments.length === 1 && !this.retired.size) return this.segments[0]!.candidatePassages(keys, text, limit, wholeQuotation);
    // Each segment ranks its own; taken in turns, so a small segment's best passages are not crowded out.
    const lists = this.segments.map((s) => s.candidatePassages(keys, text, this.ask(limit), wholeQuotation).filter((p) => this.live(p.source.source)));
    const out: Passage[] = [];
    for (let k = 0; out.length < limit + 2 && lists.some((l) => k < l.length); k++) for (const l of lists) if (k < l.length && out.length < limit + 2) out.push(l[k]!);
    return out;
  }

  candidateSentences(keys: readonly string[], limit = 6): SentenceRef[] {
    return this.merge(
      (s) => s.candidateSentences(keys, this.ask(limit)),
      (r) => r.source.source,
      (a, b) => b.score - a.score,
      limit,
    );
  }

  suggest(typed: string, options: SuggestOptions = {}): QuoteSuggestion[] {
    const limit = options.limit ?? 50;
    return this.merge(
      (s) => s.suggest(typed, { ...options, limit: this.ask(limit) }),
      (r) => r.source,
      (a, b) => a.score - b.score,
      limit,
    );
  }

  search(query: string, options: SearchOptions = {}): QuoteMatch[] {
    const limit = options.limit ?? 50;
    return this.merge(
      (s) => s.search(query, { ...options, limit: this.ask(limit) }),
      (r) => r.source,
      (a, b) => b.score - a.score,
      limit,
    );
  }

  /** Every segment's results, retired sources left out, in one ranking (a stable sort keeps ties in segment order). */
  private merge<T>(each: (s: QuoteIndex) => T[], sourceOf: (r: T) => Source, order: (a: T, b: T) => number, limit: number): T[] {
    const all = this.segments.flatMap(each).filter((r) => this.live(sourceOf(r)));
    return this.segments.length === 1 ? all.slice(0, limit) : all.sort(order).slice(0, limit);
  }
}
