// Messages between the thread that serves the editor and the indexing worker.
import type { IndexParts, SourceProblem, SourceSnapshot } from '../core/worker-api';

export type WorkerFile = { path: string; bytes?: ArrayBuffer; text?: string; id?: string; builtIn?: boolean };

/** Files arrive in batches (so the sending thread never copies everything at once), then one `build`. */
export type WorkerRequest = { type: 'files'; files: WorkerFile[] } | { type: 'build'; maxBytes?: number };

export type WorkerReply = { type: 'sources'; sources: SourceSnapshot[] } | { type: 'done'; parts: IndexParts; problems: SourceProblem[] } | { type: 'error'; message: string };

/** The worker's end of the channel: a Node worker thread's `parentPort` or a Web Worker's global scope. */
export interface WorkerPort {
  post(message: WorkerReply, transfer: ArrayBuffer[]): void;
  onMessage(handler: (request: WorkerRequest) => void): void;
}
