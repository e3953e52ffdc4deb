// Builds the index in a Node worker thread. The calling thread only receives batches of sources and the index
// arrays, so it stays free for typing while a large source set is indexed. Cancel with an AbortSignal.
import { Worker } from 'node:worker_threads';
import { createEngine, QuoteIndex, restoreSource, type SourceFile, type SourceProblem, type VerbatimEngine } from '../core/worker-api';
import type { Source } from '../core';
import type { WorkerFile, WorkerReply, WorkerRequest } from './protocol';

export interface BuiltIndex {
  engine: VerbatimEngine;
  /** The index itself, for the benchmark and tests; hosts use the engine. */
  index: QuoteIndex;
  problems: SourceProblem[];
}

export function buildIndexInWorker(files: readonly SourceFile[], workerScript: string, options: { signal?: AbortSignal; maxBytes?: number } = {}): Promise<BuiltIndex> {
  return new Promise((resolve, reject) => {
    if (options.signal?.aborted) return reject(abortError());
    const worker = new Worker(workerScript);
    const sources: Source[] = [];
    let settled = false;
    const finish = (fn: () => void) => {
      if (settled) return;
      settled = true;
      options.signal?.removeEventListener('abort', onAbort);
      void worker.terminate();
      fn();
    };
    const onAbort = () => finish(() => reject(abortError()));
    options.signal?.addEventListener('abort', onAbort);
    worker.on('message', (reply: WorkerReply) => {
      if (reply.type === 'sources') {
        for (const s of reply.sources) sources.push(restoreSource(s));
      } else if (reply.type === 'done') {
        const index = new QuoteIndex(sources, reply.parts);
        finish(() => resolve({ engine: createEngine(index), index, problems: reply.problems }));
      } else finish(() => reject(new Error(`Indexing failed: ${reply.message}`)));
    });
    worker.on('error', (err) => finish(() => reject(err)));
    worker.on('exit', (code) => finish(() => reject(new Error(`The indexing worker stopped (exit code ${code}).`))));
    void sendFiles(worker, files, () => settled).then(() => {
      if (!settled) worker.postMessage({ type: 'build', ...(options.maxBytes ? { maxBytes: options.maxBytes } : {}) } satisfies WorkerRequest);
    });
  });
}

const BATCH_BYTES = 2_000_000;

/** Hands the files over in batches of a few megabytes, yielding between them: each copy is a short stretch. */
async function sendFiles(worker: Worker, files: readonly SourceFile[], stopped: () => boolean): Promise<void> {
  let batch: WorkerFile[] = [];
  let size = 0;
  const flush = async () => {
    if (batch.length === 0 || stopped()) return;
    worker.postMessage(
      { type: 'files', files: batch } satisfies WorkerRequest,
      batch.flatMap((f) => (f.bytes ? [f.bytes] : [])),
    );
    batch = [];
    size = 0;
    await new Promise((resolve) => setImmediate(resolve));
  };
  for (const f of files) {
    const bytes = f.bytes ? toArrayBuffer(f.bytes) : undefined;
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

function toArrayBuffer(bytes: Uint8Array): ArrayBuffer {
  // A copy: the buffer is transferred to the worker, and the caller may keep (and cache) its own bytes. Not
  // `bytes.slice()`: on a Node Buffer that is a view of shared pool memory, which a transfer would detach.
  return new Uint8Array(bytes).buffer as ArrayBuffer;
}

function abortError(): Error {
  return Object.assign(new Error('Indexing was cancelled.'), { name: 'AbortError' });
}
