// The engine's one entry object, in the spirit of markdown-languageservice's getLanguageService: everything a host
// may ask of Verbatim is a method here. Hosts translate between their world and these plain types; they never
// re-decide what the engine decides (what "confirmed" means, how a citation is inserted, what a hover says).

import type { ClaimCheck, ClaimsResult, DraftCheck, Finding, PassageMatch, Quote, QuoteCheck, Source, SourceMeta, Span, TextEdit, Verdict } from './types';
import { checkClaimAt, checkClaims, checkClaimsAsync, type ClaimOptions, type ClaimResult } from './claims/check-claims';
import { explainClaimCheck } from './explain/explain-claim';
import { QuoteIndex, type QuoteMatchKind, type QuoteSuggestion } from './corpus/quote-index';
import type { Corpus } from './corpus/corpus';
import { checkDraft, checkDraftAsync, checkQuotationAt, quotationAt, type AsyncCheckControl } from './check/check-draft';
import { verifyQuotation } from './check/verify-quotation';
import type { CheckOptions } from './check/options';
import { applyFixes, type AppliedFixes } from './check/apply-fixes';
import { sameperson } from './quotes/people';
import { completeQuotation, type QuoteCompletion } from './explain/completion-context';
import { explainQuoteCheck, type ExplainOptions } from './explain/explain-quote';
import { citationEdits, locatorOfMatch, type CitationResources } from './explain/citation-edits';
import { formatCitation, type Citation, type CitationStyle, type CitedPassage } from './explain/format-citation';
import { buildCatalogAsync } from './sources/catalog';
import type { SourceFile } from './sources/read-source-file';
import type { SourceProblem } from './sources/load-sources';

/** One quotation's check and the findings about it. */
export interface QuotationResult {
  check: QuoteCheck;
  findings: Finding[];
}

export interface QuoteEntry {
  quote: Quote;
  source: Source;
}

/** A quote found by keyword search, best first. */
export interface QuoteHit extends QuoteEntry {
  /** How the words matched: from the quote's start, contiguous inside it, or as keywords. */
  kind: QuoteMatchKind;
  /** Larger is better; comparable within one search. */
  score: number;
}

export interface CitationResult {
  /** Where the words were found. */
  match: PassageMatch;
  /** The source passage cited. */
  passage: CitedPassage;
  citation: Citation;
  /** The edits that insert it, main edit first. */
  edits: TextEdit[];
}

export interface CompletionOptions {
  limit?: number;
  /** Insert the attribution and citation with the quote (`verbatim.insertAttribution`). */
  insertAttribution?: boolean;
  /** A built-in style, or a `.csl` file's path (its XML in `resources`). */
  style?: CitationStyle | string;
  /** The CSL style's XML and the bibliography, read by the host (see `CitationResources`). */
  resources?: CitationResources;
}

export interface VerbatimEngine {
  /** The sources in use, in load order. */
  readonly sources: readonly Source[];
  readonly quoteCount: number;
  source(id: string): Source | undefined;
  /** The source quotes, all of them or those of a speaker (any alias) and/or matching search words, best first. */
  quotes(filter?: { speaker?: string; search?: string; limit?: number }): QuoteEntry[];
  /**
   * Keyword search over every word of every quote: any order, one-edit typos, numbers as words or digits, hyphenated
   * and joined forms, stems; ranked by how rare the shared words are and how close together they stand.
   */
  search(query: string, options?: { limit?: number; prefix?: boolean }): QuoteHit[];

  /** Every quotation of a draft: verdicts, speaker checks, findings with fixes. */
  checkDraft(text: string, options?: Partial<CheckOptions>): DraftCheck;
  /** The same, one quotation at a time, yielding to the host in between; rejects with an AbortError when cancelled. */
  checkDraftAsync(text: string, options: Partial<CheckOptions>, control: AsyncCheckControl): Promise<DraftCheck>;
  /** The quotation at an offset: from a finished draft check when given, else checked alone. */
  checkQuotationAt(text: string, offset: number, options?: Partial<CheckOptions>, finished?: DraftCheck): QuotationResult | undefined;

  /**
   * Applies every finding's fix (the preferred one; none where the writer must choose), checking again until nothing
   * fixable is left (at most a few passes). The text outside the fixes' ranges is never touched.
   */
  fixAll(text: string, options?: Partial<CheckOptions>): { text: string; applied: AppliedFixes['applied']; passes: number; remaining: DraftCheck };

  /** The quote completions at an offset inside an open quotation, or null when the offset is not in one. */
  complete(text: string, offset: number, options?: CompletionOptions): QuoteCompletion | null;
  /** The edits that accepting a completion makes (main edit first: it replaces `completion.replace`). */
  completionEdits(text: string, completion: QuoteCompletion, suggestion: QuoteSuggestion, options?: CompletionOptions): TextEdit[];

  /** The hover for a quotation's check, as Markdown with every piece of source or draft text escaped. */
  explain(check: QuoteCheck, options?: ExplainOptions): string;

  /**
   * The draft's own sentences outside quotation marks (claims), each checked against the source sentences:
   * supported, contradicted (differences, and a claim-contradicted finding with fixes) or unsupported.
   */
  checkClaims(text: string, options?: Partial<ClaimOptions>): ClaimsResult;
  /** The same, one claim at a time, yielding to the host in between; rejects with an AbortError when cancelled. */
  checkClaimsAsync(text: string, options: Partial<ClaimOptions>, control: AsyncCheckControl): Promise<ClaimsResult>;
  /** The claim at an offset: from a finished claims check when given, else checked alone. */
  checkClaimAt(text: string, offset: number, options?: Partial<ClaimOptions>, finished?: ClaimsResult): ClaimResult | undefined;
  /** The hover for a claim's check: verdict, source sentence(s) with the source's metadata, differences marked. */
  explainClaim(check: ClaimCheck, options?: ExplainOptions): string;

  /** Whether the sources confirm a quotation's words: the one place this is decided. */
  isConfirmed(check: Pick<QuoteCheck, 'verdict' | 'match'>): boolean;
  /** Whether a checked quotation counts as verified: confirmed words, credited to nobody wrong. */
  isVerified(check: QuoteCheck): boolean;

  /** Insert a source quote with its attribution and citation, replacing `replace`. */
  insertQuote(documentText: string, entry: { quote: Quote; source: { meta: SourceMeta } }, replace: Span, style: CitationStyle | string, resources?: CitationResources): TextEdit[];
  /** Cite the words in `span` of a document, when the sources confirm them; null otherwise. */
  cite(documentText: string, span: Span, style: CitationStyle | string, resources?: CitationResources): CitationResult | null;
  /** The citation for a checked quotation of a draft (the quick fix), when it is confirmed and needs one. */
  citeQuotation(documentText: string, check: QuoteCheck, style: CitationStyle | string, resources?: CitationResources): TextEdit[] | null;
}

const CONFIRMED: ReadonlySet<Verdict> = new Set(['exact', 'fragment', 'elided', 'variant']);

/** Whether the sources confirm a quotation's words: the one place this is decided. */
export function isConfirmed(check: Pick<QuoteCheck, 'verdict' | 'match'>): boolean {
  return check.match !== null && CONFIRMED.has(check.verdict);
}

/** Whether a checked quotation counts as verified: confirmed words, credited to nobody wrong. */
export function isVerified(check: QuoteCheck): boolean {
  return !check.scare && isConfirmed(check) && check.verdict !== 'variant' && check.speakerCheck !== 'mismatch';
}

/** The quotation at an offset, from a finished draft check, with the findings about it. */
export function quotationResultAt(finished: DraftCheck, offset: number): QuotationResult | undefined {
  const check = quotationAt(finished, offset);
  return check && { check, findings: finished.findings.filter((f) => f.span.start >= check.outerSpan.start && f.span.end <= check.outerSpan.end) };
}

/** The claim at an offset, from a finished claims check, with its finding. */
export function claimResultAt(finished: ClaimsResult, offset: number): ClaimResult | undefined {
  const check = finished.claims.find((c) => offset >= c.span.start && offset <= c.span.end);
  return check && { check, findings: finished.findings.filter((f) => f.code === 'claim-contradicted' && f.span.start === check.span.start) };
}

export function createEngine(index: Corpus = new QuoteIndex([])): VerbatimEngine {
  const sourceOf = (id: string) => index.sourceById(id)?.source;
  const search = (query: string, options: { limit?: number; prefix?: boolean } = {}): QuoteHit[] =>
    index.search(query, options).map((m) => ({ quote: m.quote, source: m.source, kind: m.kind, score: m.score }));
  const passageOf = (match: NonNullable<QuoteCheck['match']>): CitedPassage | null => {
    const source = sourceOf(match.sourceId);
    return source ? { text: match.text, speaker: match.speaker, source: source.meta, locator: locatorOfMatch(source, match) } : null;
  };
  return {
    sources: index.sources.map((v) => v.source),
    quoteCount: index.quoteCount,
    source: sourceOf,
    quotes(filter = {}) {
      let list: QuoteEntry[] = filter.search ? search(filter.search, { limit: filter.limit ?? 50 }) : index.allQuotes();
      if (filter.speaker) list = list.filter((e) => e.quote.speaker !== null && sameperson(filter.speaker!, e.quote.speaker));
      return list;
    },
    search,
    checkDraft: (text, options = {}) => checkDraft(index, text, options),
    checkDraftAsync: (text, options, control) => checkDraftAsync(index, text, options, control),
    checkQuotationAt(text, offset, options = {}, finished) {
      return finished ? quotationResultAt(finished, offset) : checkQuotationAt(index, text, offset, options);
    },
    fixAll(text, options = {}) {
      let current = text;
      const applied: AppliedFixes['applied'] = [];
      let passes = 0;
      let result = checkDraft(index, current, options);
      while (passes < 5) {
        const pass = applyFixes(current, result.findings);
        if (pass.applied.length === 0) break;
        passes++;
        applied.push(...pass.applied);
        current = pass.text;
        result = checkDraft(index, current, options);
      }
      return { text: current, applied, passes, remaining: result };
    },
    complete: (text, offset, options = {}) => completeQuotation(index, text, offset, options.limit),
    completionEdits(text, completion, suggestion, options = {}) {
      // The suggestion's words: the whole quote, or its continuation from where the typed words matched.
      const words = suggestion.text;
      if (!options.insertAttribution) return [{ span: { ...completion.replace }, newText: words + completion.closeMark }];
      const passage = { text: words, speaker: suggestion.quote.speaker, source: suggestion.source.meta, locator: suggestion.quote.locator ?? null };
      return citationEdits(
        text,
        passage,
        options.style ?? 'inline',
        { kind: 'quotation', replace: completion.replace, marks: { open: '', close: completion.closeMark } },
        options.resources,
      );
    },
    explain: (check, options = {}) => explainQuoteCheck(check, check.match ? sourceOf(check.match.sourceId) : undefined, options),
    checkClaims: (text, options = {}) => checkClaims(index, text, options),
    checkClaimsAsync: (text, options, control) => checkClaimsAsync(index, text, options, control),
    checkClaimAt(text, offset, options = {}, finished) {
      return finished ? claimResultAt(finished, offset) : checkClaimAt(index, text, offset, options);
    },
    explainClaim(check, options = {}) {
      const source = check.match ? sourceOf(check.match.sourceId) : undefined;
      return explainClaimCheck(check, source ? [source] : [], options);
    },
    isConfirmed,
    isVerified,
    insertQuote(documentText, entry, replace, style, resources) {
      const passage = { text: entry.quote.text, speaker: entry.quote.speaker, source: entry.source.meta, locator: entry.quote.locator ?? null };
      return citationEdits(documentText, passage, style, { kind: 'quotation', replace }, resources);
    },
    cite(documentText, span, style, resources = {}) {
      const v = verifyQuotation(index, documentText, span);
      if (!isConfirmed(v)) return null;
      const passage = passageOf(v.match!);
      if (!passage) return null;
      // After the closing mark when the words stop right before one.
      const at = /^[”"»“’']/.test(documentText.slice(span.end, span.end + 1)) ? span.end + 1 : span.end;
      return {
        match: v.match!,
        passage,
        citation: formatCitation(passage, style, resources),
        edits: citationEdits(documentText, passage, style, { kind: 'marker', at }, resources),
      };
    },
    citeQuotation(documentText, check, style, resources) {
      if (!isConfirmed(check)) return null;
      // An inline attribution is what the draft already has when it names the speaker.
      if (style === 'inline' && check.attribution) return null;
      const passage = passageOf(check.match!);
      return passage ? citationEdits(documentText, passage, style, { kind: 'marker', at: check.outerSpan.end }, resources) : null;
    },
  };
}

/** Parses and indexes source files on this thread (the CLI; the extension does this in a worker): an engine over
 *  the sources that could be used, and the problems of the others. */
export async function indexSources(files: readonly SourceFile[], maxBytes?: number): Promise<{ engine: VerbatimEngine; problems: SourceProblem[] }> {
  // Asynchronous: web pages, captions and PDFs are read by libraries loaded on demand.
  const catalog = await buildCatalogAsync(files, maxBytes);
  return { engine: createEngine(new QuoteIndex(catalog.sources)), problems: catalog.problems };
}
