// The engine's public API: what the extension and the CLI may call. One entry object (`createEngine`), the one way
// to read sources (`loadSources` over a host's `SourceReader`), and plain types. Internals (the index's arrays, the
// worker's hand-over format, the parsers) are not exported here: the index worker has its own entry, `worker-api.ts`.
export type * from './types';
export {
  serveLocally,
  type EngineService,
  type SourceRef,
  type SourceSummary,
  type QuoteRef,
  type QuoteHitRef,
  type CompletionItemData,
  type CompletionResult,
  type ServiceExplainOptions,
} from './service';
export {
  createEngine,
  indexSources,
  isConfirmed,
  isVerified,
  quotationResultAt,
  claimResultAt,
  type VerbatimEngine,
  type QuotationResult,
  type QuoteEntry,
  type QuoteHit,
  type CitationResult,
  type CompletionOptions,
} from './engine';
export { buildSavedIndex, openSavedIndex, describeStaleness, type IndexedSources, type OpenedIndex } from './saved-engine';
export { contentHash, staleSources, SAVED_INDEX_FORMAT, type SourceStamp, type CurrentFile, type Staleness } from './corpus/saved-index';
export { loadSources, statSources, type SourceReader, type SourceStat, type SourceProblem, type LoadSettings, type LoadedSources, type SourceCache } from './sources/load-sources';
export { BUILTIN_SOURCES } from './sources/catalog';
export type { SourceFile } from './sources/read-source-file';
export { decodeText, DEFAULT_MAX_FILE_BYTES } from './sources/decode-text';
export type { QuoteSuggestion, QuoteMatchKind } from './corpus/quote-index';
export type { QuoteCompletion } from './explain/completion-context';
export type { ExplainOptions } from './explain/explain-quote';
export { escapeMarkdown } from './explain/explain-quote';
export {
  CITATION_STYLES,
  CSL_STYLE_FILES,
  CSL_LOCALE_FILE,
  isCslStyle,
  isValidCitationStyle,
  locatorText,
  type CitationStyle,
  type Citation,
  type CitedPassage,
  type CitationOptions,
} from './explain/format-citation';
export type { CslStyle } from './explain/csl';
export { parseBibliography, type Bibliography, type BibliographyResult, type CslItem, type CslName } from './explain/bibliography';
export { SOURCE_EXTENSIONS } from './sources/read-source-file';
export { LineMap } from './text/positions';
export { DEFAULT_CHECK_OPTIONS, DEFAULT_SEVERITIES, FINDING_CODES, meetsThreshold, type CheckOptions, type SeveritySetting } from './check/options';
export type { AsyncCheckControl } from './check/check-draft';
export type { ClaimOptions, ClaimResult } from './claims/check-claims';
export type { SegmentLimits } from './claims/segment-claims';
