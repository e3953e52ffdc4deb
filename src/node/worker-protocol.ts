// Messages between the thread that serves the editor and the indexing worker.
import type { IndexParts, SourceProblem, SourceSnapshot } from '../core';

export interface WorkerRequest {
  files: { path: string; bytes?: ArrayBuffer; text?: string; id?: string; builtIn?: boolean }[];
  maxBytes?: number;
}

export type WorkerReply =
  | { type: 'sources'; sources: SourceSnapshot[] }
  | { type: 'done'; parts: IndexParts; problems: SourceProblem[] }
  | { type: 'error'; message: string };
