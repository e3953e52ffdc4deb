// Messages between the editor's thread and the index worker. The worker holds the sources and the index and answers
// the editor's questions (`query`), so the index never sits on the editor's heap; the editor's thread sends files,
// questions and cancellations, and receives plain answers.
import type { ServiceMethod, SourceProblem, SourceStamp, SourceSummary } from '../core/worker-api';

export type WorkerFile = { path: string; bytes?: ArrayBuffer; text?: string; id?: string; builtIn?: boolean };

export type WorkerRequest =
  /** Files arrive in batches (so the sending thread never copies everything at once), then `build` or `update`. */
  | { type: 'files'; files: WorkerFile[] }
  /** Index the files sent since the last build or update, replacing every source. `stamps`: each file's size and
   *  mtime when it was read, kept (with its content hash) for saving the index. */
  | { type: 'build'; maxBytes?: number; stamps?: { path: string; size: number; mtime: number }[] }
  /** Load a saved index (corpus/saved-index.ts) instead of building one, from its bytes or, where the worker can
   *  read files (a Node worker), from its path; its stamps come back before `ready`. */
  | { type: 'open'; bytes?: ArrayBuffer; path?: string; engineVersion: string }
  /** Encode the index as built or loaded (changes since are re-read from their files on the next open). With a
   *  path (a Node worker), the worker writes the file itself and answers its size; else it answers the bytes. */
  | { type: 'save'; id: number; engineVersion: string; path?: string }
  /** The files sent since replace the sources read from the same paths; the sources read from `removed` leave. */
  | { type: 'update'; removed: string[]; maxBytes?: number }
  /** One question to the engine: `EngineService[method](...args)`. */
  | { type: 'query'; id: number; method: ServiceMethod; args: unknown[] }
  /** Stops a question still being answered (a draft check); its answer is then an AbortError. */
  | { type: 'cancel'; id: number };

export type WorkerReply =
  /** The index is built or updated: what the editor lists, and the files that could not be used. */
  | {
      type: 'ready';
      quoteCount: number;
      problems: SourceProblem[];
      /** After an update: the sources that left (by id) and those that came; the others are as before. After a build
       *  or an open, the sources came before in `part` messages. */
      delta?: { removed: string[]; added: SourceSummary[] };
      /** After an open: when the saved index was written (its stamps came in `part` messages). */
      saved?: { writtenAt: number };
    }
  /** A slice of a long list that `ready` completes, sent apart so that no one message takes long to receive. */
  | { type: 'part'; sources?: SourceSummary[]; stamps?: SourceStamp[] }
  | { type: 'answer'; id: number; value: unknown }
  | { type: 'failed'; id: number; name: string; message: string }
  /** Building or updating failed; the previous index (if any) keeps answering. */
  | { type: 'error'; message: string };

/** The worker's end of the channel: a Node worker thread's `parentPort` or a Web Worker's global scope. */
export interface WorkerPort {
  post(message: WorkerReply, transfer: ArrayBuffer[]): void;
  onMessage(handler: (request: WorkerRequest) => void): void;
  /** Where the worker can read and write files itself (a Node worker): a saved index then never passes through the
   *  editor's thread. `write` replaces the file whole (a temporary file renamed over it). */
  files?: { read(path: string): Promise<Uint8Array>; write(path: string, bytes: Uint8Array): Promise<void> };
}
