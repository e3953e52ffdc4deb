// Tests reach into the engine's internals (white-box); the hosts may only use src/core/index.ts.
export { buildCatalog, buildCatalogAsync, type Catalog } from '../../src/core/sources/catalog';
export { oversizeReason, type DecodeResult } from '../../src/core/sources/decode-text';
export { parseSource, idFromPath, type SourceInput, type ParseResult } from '../../src/core/sources/parse-source';
export { QuoteIndex, buildIndexParts, SourceView, type IndexParts, type SuggestOptions } from '../../src/core/corpus/quote-index';
export { checkDraft, checkDraftAsync, checkQuotationAt, maskMarkdownCode, quotationAt } from '../../src/core/check/check-draft';
export { verifyQuotation, type Verification } from '../../src/core/check/verify-quotation';
export { findQuotations, splitParagraphs, type Quotation } from '../../src/core/quotes/find-quotations';
export { formatCitation, footnoteNumberFor } from '../../src/core/explain/format-citation';
export { renderCsl, cslItemFromMeta, cslNames, isNoteStyle } from '../../src/core/explain/csl';
export { findBibliographyItem, parseBibtex } from '../../src/core/explain/bibliography';
export { nameKey, sameperson, shortName } from '../../src/core/quotes/people';
export { completeQuotation } from '../../src/core/explain/completion-context';
export { explainQuoteCheck } from '../../src/core/explain/explain-quote';
export { citationEdits, appendAtEnd, locatorOfMatch } from '../../src/core/explain/citation-edits';
export { snapshotSource, restoreSource, snapshotTransferables, type SourceSnapshot } from '../../src/core/corpus/source-snapshot';
export * from '../../src/core';
export { readSourceFile, readSourceFileSync, formatOf } from '../../src/core/sources/read-source-file';
export { applyFixes, applyEdits, fixToApply } from '../../src/core/check/apply-fixes';
