// The index worker's own entry into the engine: building the index and answering the editor's questions on the
// worker's thread. Only the worker and its host-side client import this; the hosts' features go through `index.ts`.
export { buildCatalog, buildCatalogAsync, type Catalog } from './sources/catalog';
export { buildIndexParts, QuoteIndex, type IndexParts } from './corpus/quote-index';
export { SegmentedCorpus } from './corpus/segmented-corpus';
export { createEngine, isConfirmed, isVerified, type VerbatimEngine } from './engine';
export { serveLocally, summarize, summarizeCorpus, type EngineService, type ServiceMethod, type SourceSummary } from './service';
export type { SourceFile } from './sources/read-source-file';
export type { SourceProblem } from './sources/load-sources';
export {
  encodeSavedIndex,
  decodeSavedIndex,
  indexOfSaved,
  restoreSourcesGradually,
  contentHash,
  staleSources,
  type SourceStamp,
  type DecodedIndex,
  type SavedIndexInput,
} from './corpus/saved-index';
