// The editor's side of the indexing worker, whatever kind of worker it is (a Node worker thread or a browser's Web
// Worker): handing the files over in batches, and turning the worker's replies back into an engine.
import { createEngine, QuoteIndex, restoreSource, type SourceFile, type SourceProblem, type VerbatimEngine } from '../core/worker-api';
import type { Source } from '../core';
import type { WorkerFile, WorkerReply, WorkerRequest } from './protocol';

export interface BuiltIndex {
  engine: VerbatimEngine;
  /** The index itself, for the benchmark and tests; hosts use the engine. */
  index: QuoteIndex;
  problems: SourceProblem[];
}

const BATCH_BYTES = 2_000_000;

/** Hands the files over in batches of a few megabytes, yielding between them: each copy is a short stretch. */
export async function sendFiles(post: (request: WorkerRequest, transfer: ArrayBuffer[]) => void, files: readonly SourceFile[], stopped: () => boolean): Promise<void> {
  let batch: WorkerFile[] = [];
  let size = 0;
  const flush = async () => {
    if (batch.length === 0 || stopped()) return;
    post(
      { type: 'files', files: batch },
      batch.flatMap((f) => (f.bytes ? [f.bytes] : [])),
    );
    batch = [];
    size = 0;
    // setTimeout, not setImmediate: the web worker extension host has no setImmediate.
    await new Promise((resolve) => setTimeout(resolve, 0));
  };
  for (const f of files) {
    // A copy: the buffer is transferred to the worker, and the caller may keep (and cache) its own bytes. Not
    // `bytes.slice()`: on a Node Buffer that is a view of shared pool memory, which a transfer would detach.
    const bytes = f.bytes ? (new Uint8Array(f.bytes).buffer as ArrayBuffer) : undefined;
    batch.push({
      path: f.path,
      ...(f.text !== undefined ? { text: f.text } : {}),
      ...(bytes ? { bytes } : {}),
      ...(f.id ? { id: f.id } : {}),
      ...(f.builtIn ? { builtIn: true } : {}),
    });
    size += (bytes?.byteLength ?? 0) + (f.text?.length ?? 0) * 2;
    if (size > BATCH_BYTES) await flush();
  }
  await flush();
}

/**
 * Collects the worker's replies. `accept` returns the built index once the worker is done, undefined until then,
 * and throws when the worker reports a failure. Messages that are not this protocol's are ignored: PDF.js, reading
 * a PDF inside the worker, announces itself as a worker of its own ({ sourceName: 'worker', action: 'ready' }).
 */
export function replyReceiver(): { accept(reply: unknown): BuiltIndex | undefined } {
  const sources: Source[] = [];
  return {
    accept(message) {
      if (!message || typeof message !== 'object' || !('type' in message)) return undefined;
      const reply = message as WorkerReply;
      if (reply.type === 'sources') {
        for (const s of reply.sources) sources.push(restoreSource(s));
        return undefined;
      }
      if (reply.type === 'done') {
        const index = new QuoteIndex(sources, reply.parts);
        return { engine: createEngine(index), index, problems: reply.problems };
      }
      if (reply.type === 'error') throw new Error(`Indexing failed: ${reply.message}`);
      return undefined;
    },
  };
}

export function abortError(): Error {
  return Object.assign(new Error('Indexing was cancelled.'), { name: 'AbortError' });
}
