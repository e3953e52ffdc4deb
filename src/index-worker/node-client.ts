// The index worker as a Node worker thread (the extension on the desktop, the benchmark, the tests).
import { Worker } from 'node:worker_threads';
import { IndexWorker, type IndexResult } from './client';
import type { SourceFile } from '../core/worker-api';

export { IndexWorker, type IndexResult } from './client';

export function startNodeWorker(workerScript: string): IndexWorker {
  const worker = new Worker(workerScript);
  let failed: ((reason: string) => void) | undefined;
  worker.on('error', (err) => failed?.(`The index worker failed: ${err.message}`));
  worker.on('exit', (code) => failed?.(`The index worker stopped (exit code ${code}).`));
  return new IndexWorker({
    post: (request, transfer) => worker.postMessage(request, transfer),
    onMessage: (handler) => worker.on('message', handler),
    onFailure: (handler) => (failed = handler),
    terminate: () => void worker.terminate(),
  });
}

/** Starts a worker and builds an index in it: the worker keeps running and answers the service's questions. */
export async function buildIndexInWorker(
  files: readonly SourceFile[],
  workerScript: string,
  options: Parameters<IndexWorker['build']>[1] = {},
): Promise<IndexResult & { worker: IndexWorker }> {
  const worker = startNodeWorker(workerScript);
  try {
    return { ...(await worker.build(files, options)), worker };
  } catch (err) {
    worker.dispose();
    throw err;
  }
}
