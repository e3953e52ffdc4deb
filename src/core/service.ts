// The engine as the editor asks it: every question answered asynchronously, by an engine that may live on another
// thread. In the extension the index and the engine live in the index worker, so a million sentences never sit on
// the editor's heap, and the editor's thread only sends a question and receives plain data. Every answer here is
// plain, cloneable data: a source travels as its metadata (`SourceRef`), never with its text, except when asked
// for by `source(id)`.
//
// `serveLocally` answers on the calling thread (the CLI, tests, and the editor when no worker can be started); the
// index worker answers with the same function on its side of the channel, so both give the same answers.

import type { Corpus } from './corpus/corpus';
import type { ClaimCheck, ClaimsResult, DraftCheck, Quote, QuoteCheck, Source, SourceMeta, Span, TextEdit } from './types';
import type { CheckOptions } from './check/options';
import type { ClaimOptions, ClaimResult } from './claims/check-claims';
import type { QuoteMatchKind } from './corpus/quote-index';
import type { QuoteCompletion } from './explain/completion-context';
import type { CitationResources } from './explain/citation-edits';
import type { CitationStyle } from './explain/format-citation';
import { isConfirmed, isVerified, type CitationResult, type CompletionOptions, type QuotationResult, type VerbatimEngine } from './engine';

/** A source as answers carry it: its metadata only. */
export interface SourceRef {
  meta: SourceMeta;
}

/** A source as the editor lists it. */
export interface SourceSummary extends SourceRef {
  quoteCount: number;
}

export interface QuoteRef {
  quote: Quote;
  source: SourceRef;
}

export interface QuoteHitRef extends QuoteRef {
  kind: QuoteMatchKind;
  /** Larger is better; comparable within one search. */
  score: number;
}

/** One completion item: the words to insert and the edits that accepting it makes (main edit first). */
export interface CompletionItemData extends QuoteRef {
  text: string;
  match?: QuoteMatchKind;
  clause?: boolean;
  edits: TextEdit[];
}

export interface CompletionResult extends Omit<QuoteCompletion, 'suggestions'> {
  items: CompletionItemData[];
}

export interface ServiceExplainOptions {
  /** A command that opens a source at [start, end): links become `command:<id>?[sourceId,start,end]`. */
  linkCommand?: string;
  contextChars?: number;
}

export interface EngineService {
  /** The sources in use, in load order. */
  readonly sources: readonly SourceSummary[];
  readonly quoteCount: number;
  /** A whole source, its text included (opening it, listing its quotes). */
  source(id: string): Promise<Source | undefined>;
  /** The source quotes, all of them or those of a speaker and/or matching search words, best first. */
  quotes(filter?: { speaker?: string; search?: string; limit?: number }): Promise<QuoteRef[]>;
  search(query: string, options?: { limit?: number; prefix?: boolean }): Promise<QuoteHitRef[]>;

  /** Every quotation of a draft; rejects with an AbortError when the signal aborts. */
  checkDraft(text: string, options: Partial<CheckOptions>, signal?: AbortSignal): Promise<DraftCheck>;
  /** The writer's own sentences, checked against the source sentences; rejects with an AbortError when aborted. */
  checkClaims(text: string, options: Partial<ClaimOptions>, signal?: AbortSignal): Promise<ClaimsResult>;
  /** One quotation, checked alone. */
  checkQuotationAt(text: string, offset: number, options?: Partial<CheckOptions>): Promise<QuotationResult | undefined>;
  /** One claim, checked alone. */
  checkClaimAt(text: string, offset: number, options?: Partial<ClaimOptions>): Promise<ClaimResult | undefined>;

  /** Completions at an offset inside an open quotation, with each item's edits; null when not in one. */
  complete(text: string, offset: number, options?: CompletionOptions): Promise<CompletionResult | null>;
  explain(check: QuoteCheck, options?: ServiceExplainOptions): Promise<string>;
  explainClaim(check: ClaimCheck, options?: ServiceExplainOptions): Promise<string>;

  insertQuote(documentText: string, entry: QuoteRef, replace: Span, style: CitationStyle | string, resources?: CitationResources): Promise<TextEdit[]>;
  cite(documentText: string, span: Span, style: CitationStyle | string, resources?: CitationResources): Promise<CitationResult | null>;
  citeQuotation(documentText: string, check: QuoteCheck, style: CitationStyle | string, resources?: CitationResources): Promise<TextEdit[] | null>;

  /** Decided from the check alone, on the calling thread. */
  isConfirmed(check: Pick<QuoteCheck, 'verdict' | 'match'>): boolean;
  isVerified(check: QuoteCheck): boolean;
}

/** The methods a service answers through a channel (everything but the data it carries and the pure decisions). */
export type ServiceMethod = Exclude<keyof EngineService, 'sources' | 'quoteCount' | 'isConfirmed' | 'isVerified'>;

const ref = (source: { meta: SourceMeta }): SourceRef => ({ meta: source.meta });

export function summarize(engine: VerbatimEngine): SourceSummary[] {
  return engine.sources.map((s) => ({ meta: s.meta, quoteCount: s.quotes.length }));
}

/** The same from a corpus's views, which know their quote counts without restoring a lazily loaded source. */
export function summarizeCorpus(corpus: Corpus): SourceSummary[] {
  return corpus.sources.map((v) => ({ meta: v.source.meta, quoteCount: v.quoteCount }));
}

function controlFor(signal: AbortSignal | undefined) {
  // setTimeout, not setImmediate: a browser's worker has no setImmediate.
  return { yieldToHost: () => new Promise<void>((resolve) => setTimeout(resolve, 0)), isCancelled: () => signal?.aborted === true };
}

function explainOptions(options: ServiceExplainOptions) {
  const { linkCommand, contextChars } = options;
  return {
    ...(contextChars !== undefined ? { contextChars } : {}),
    ...(linkCommand ? { linkToSource: (id: string, start: number, end: number) => `command:${linkCommand}?${encodeURIComponent(JSON.stringify([id, start, end]))}` } : {}),
  };
}

/** The service over an engine on this thread; `sources` and `quoteCount` are those of the engine. */
export function serveLocally(engine: VerbatimEngine, sources: readonly SourceSummary[] = summarize(engine)): EngineService {
  return {
    sources,
    quoteCount: engine.quoteCount,
    source: async (id) => engine.source(id),
    async quotes(filter = {}) {
      const list = engine.quotes(filter);
      return list.slice(0, filter.limit ?? list.length).map((e) => ({ quote: e.quote, source: ref(e.source) }));
    },
    search: async (query, options) => engine.search(query, options).map((h) => ({ quote: h.quote, source: ref(h.source), kind: h.kind, score: h.score })),
    checkDraft: (text, options, signal) => engine.checkDraftAsync(text, options, controlFor(signal)),
    checkClaims: (text, options, signal) => engine.checkClaimsAsync(text, options, controlFor(signal)),
    checkQuotationAt: async (text, offset, options) => engine.checkQuotationAt(text, offset, options),
    checkClaimAt: async (text, offset, options) => engine.checkClaimAt(text, offset, options),
    async complete(text, offset, options = {}) {
      const completion = engine.complete(text, offset, options);
      if (!completion) return null;
      const { suggestions, ...rest } = completion;
      const items = suggestions.map((s) => ({
        quote: s.quote,
        source: ref(s.source),
        text: s.text,
        ...(s.match ? { match: s.match } : {}),
        ...(s.clause ? { clause: true } : {}),
        edits: engine.completionEdits(text, completion, s, options),
      }));
      return { ...rest, items };
    },
    explain: async (check, options = {}) => engine.explain(check, explainOptions(options)),
    explainClaim: async (check, options = {}) => engine.explainClaim(check, explainOptions(options)),
    insertQuote: async (documentText, entry, replace, style, resources) => engine.insertQuote(documentText, entry, replace, style, resources),
    cite: async (documentText, span, style, resources) => engine.cite(documentText, span, style, resources),
    citeQuotation: async (documentText, check, style, resources) => engine.citeQuotation(documentText, check, style, resources),
    isConfirmed,
    isVerified,
  };
}
