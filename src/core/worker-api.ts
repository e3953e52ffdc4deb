// The index worker's own entry into the engine: building the index off the editor's thread and handing it over.
// Only the worker and its host-side client import this; the hosts' features go through `index.ts`.
export { buildCatalog, buildCatalogAsync, type Catalog } from './sources/catalog';
export { buildIndexParts, QuoteIndex, type IndexParts } from './corpus/quote-index';
export { snapshotSource, restoreSource, snapshotTransferables, type SourceSnapshot } from './corpus/source-snapshot';
export { createEngine, type VerbatimEngine } from './engine';
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
