// The engine's public API: what the extension and the CLI may call.
export type * from './types';
export { buildCatalog, BUILTIN_SOURCES, type Catalog, type SourceFile, type SourceProblem } from './catalog';
export { decodeText, oversizeReason, DEFAULT_MAX_FILE_BYTES, type DecodeResult } from './decode-text';
export { parseSource, idFromPath, type SourceInput, type ParseResult } from './parse-source';
export { QuoteIndex, buildIndexParts, SourceView, type IndexParts, type QuoteSuggestion, type SuggestOptions } from './quote-index';
export { checkDraft, checkDraftAsync, checkQuotationAt, maskMarkdownCode, quotationAt, type AsyncCheckControl } from './check-draft';
export { verifyQuotation, type Verification } from './verify-quotation';
export { findQuotations, splitParagraphs, type Quotation } from './find-quotations';
export { formatCitation, footnoteNumberFor, CITATION_STYLES, type CitationStyle, type Citation, type CitedPassage } from './format-citation';
export { LineMap } from './positions';
export { nameKey, sameperson, shortName } from './people';
export { DEFAULT_CHECK_OPTIONS, DEFAULT_SEVERITIES, FINDING_CODES, meetsThreshold, type CheckOptions, type SeveritySetting } from './options';
export { completeQuotation, type QuoteCompletion } from './completion-context';
export { explainQuoteCheck, escapeMarkdown, type ExplainOptions } from './explain-quote';
export { citationEdits, appendAtEnd } from './citation-edits';
export { snapshotSource, restoreSource, snapshotTransferables, type SourceSnapshot } from './source-snapshot';
