// Builds the index in a Node worker thread. The calling thread only receives batches of sources and the index
// arrays, so it stays free for typing while a large source set is indexed. Cancel with an AbortSignal.
import { Worker } from 'node:worker_threads';
import type { SourceFile } from '../core/worker-api';
import { abortError, replyReceiver, sendFiles, type BuiltIndex } from './client';

export type { BuiltIndex } from './client';

export function buildIndexInWorker(files: readonly SourceFile[], workerScript: string, options: { signal?: AbortSignal; maxBytes?: number } = {}): Promise<BuiltIndex> {
  return new Promise((resolve, reject) => {
    if (options.signal?.aborted) return reject(abortError());
    const worker = new Worker(workerScript);
    const replies = replyReceiver();
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
    worker.on('message', (reply: unknown) => {
      try {
        const built = replies.accept(reply);
        if (built) finish(() => resolve(built));
      } catch (err) {
        finish(() => reject(err as Error));
      }
    });
    worker.on('error', (err) => finish(() => reject(err)));
    worker.on('exit', (code) => finish(() => reject(new Error(`The indexing worker stopped (exit code ${code}).`))));
    void sendFiles(
      (request, transfer) => worker.postMessage(request, transfer),
      files,
      () => settled,
    ).then(
      () => {
        if (!settled) worker.postMessage({ type: 'build', ...(options.maxBytes ? { maxBytes: options.maxBytes } : {}) });
      },
      (err: unknown) => finish(() => reject(err as Error)),
    );
  });
}
