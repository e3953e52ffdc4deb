// The engine's public API: what the extension and the CLI may call.
export type * from './types';
export { buildCatalog, buildCatalogAsync, BUILTIN_SOURCES, type Catalog, type SourceFile, type SourceProblem } from './sources/catalog';
export { decodeText, oversizeReason, DEFAULT_MAX_FILE_BYTES, type DecodeResult } from './sources/decode-text';
export { readSourceFile, readSourceFileSync, formatOf, SOURCE_EXTENSIONS } from './sources/read-source-file';
export { parseSource, idFromPath, type SourceInput, type ParseResult } from './sources/parse-source';
export { QuoteIndex, buildIndexParts, SourceView, type IndexParts, type QuoteSuggestion, type SuggestOptions } from './corpus/quote-index';
export { checkDraft, checkDraftAsync, checkQuotationAt, maskMarkdownCode, quotationAt, type AsyncCheckControl } from './check/check-draft';
export { verifyQuotation, type Verification } from './check/verify-quotation';
export { findQuotations, splitParagraphs, type Quotation } from './quotes/find-quotations';
export { formatCitation, footnoteNumberFor, CITATION_STYLES, type CitationStyle, type Citation, type CitedPassage } from './explain/format-citation';
export { LineMap } from './text/positions';
export { nameKey, sameperson, shortName } from './quotes/people';
export { DEFAULT_CHECK_OPTIONS, DEFAULT_SEVERITIES, FINDING_CODES, meetsThreshold, type CheckOptions, type SeveritySetting } from './check/options';
export { completeQuotation, type QuoteCompletion } from './explain/completion-context';
export { explainQuoteCheck, escapeMarkdown, type ExplainOptions } from './explain/explain-quote';
export { citationEdits, appendAtEnd } from './explain/citation-edits';
export { snapshotSource, restoreSource, snapshotTransferables, type SourceSnapshot } from './corpus/source-snapshot';
