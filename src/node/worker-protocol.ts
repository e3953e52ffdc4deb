// Messages between the thread that serves the editor and the indexing worker.
import type { IndexParts, SourceProblem, SourceSnapshot } from '../core';

export type WorkerFile = { path: string; bytes?: ArrayBuffer; text?: string; id?: string; builtIn?: boolean };

/** Files arrive in batches (so the sending thread never copies everything at once), then one `build`. */
export type WorkerRequest = { type: 'files'; files: WorkerFile[] } | { type: 'build'; maxBytes?: number };

export type WorkerReply =
  | { type: 'sources'; sources: SourceSnapshot[] }
  | { type: 'done'; parts: IndexParts; problems: SourceProblem[] }
  | { type: 'error'; message: string };
