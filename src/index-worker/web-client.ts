// The index worker as a browser's Web Worker: the counterpart of `node-client.ts` for the web worker extension host
// (vscode.dev, github.dev). The worker script is started from a Blob URL, because a web extension host refuses
// `new Worker(<extension file>)` ("Creating workers from remote extensions is currently not supported"); the host
// reads the script's bytes (with vscode.workspace.fs) and hands them in. The protocol is the Node worker's.
import type { SourceFile } from '../core/worker-api';
import type { WorkerReply, WorkerRequest } from './protocol';
import { IndexWorker, type IndexResult } from './client';

export { IndexWorker, type IndexResult } from './client';

/** The parts of the browser's Worker, Blob and URL used here (the project's `lib` has no DOM types). */
interface WebWorker {
  postMessage(message: WorkerRequest, transfer: ArrayBuffer[]): void;
  addEventListener(type: 'message', listener: (event: { data: WorkerReply }) => void): void;
  addEventListener(type: 'error' | 'messageerror', listener: (event: { message?: string }) => void): void;
  terminate(): void;
}
interface BrowserGlobals {
  Worker?: new (url: string, options?: { name?: string }) => WebWorker;
  Blob?: new (parts: Uint8Array[], options: { type: string }) => object;
  URL: { createObjectURL?(blob: object): string };
}

/** Starts the worker script, or throws when this host cannot start Web Workers (the caller then indexes inline). */
export type WorkerFactory = () => Promise<WebWorker>;

/** A factory that starts workers from the script `load()` returns. The script is read and its Blob URL made once. */
export function webWorkerFactory(load: () => Promise<Uint8Array>): WorkerFactory {
  let url: Promise<string> | undefined;
  return async () => {
    const g = globalThis as unknown as BrowserGlobals;
    if (!g.Worker || !g.Blob || !g.URL.createObjectURL) throw new Error('Web Workers are not available here');
    url ??= load().then((bytes) => g.URL.createObjectURL!(new g.Blob!([bytes], { type: 'text/javascript' })));
    const from = await url.catch((err: unknown) => {
      url = undefined; // try again next time
      throw err;
    });
    return new g.Worker(from, { name: 'verbatim-index' });
  };
}

export async function startWebWorker(startWorker: WorkerFactory): Promise<IndexWorker> {
  const worker = await startWorker();
  let failed: ((reason: string) => void) | undefined;
  worker.addEventListener('error', (e) => failed?.(`The index worker failed: ${e.message ?? 'unknown error'}`));
  worker.addEventListener('messageerror', () => failed?.('The index worker sent a message that could not be read.'));
  return new IndexWorker({
    post: (request, transfer) => worker.postMessage(request, transfer),
    onMessage: (handler) => worker.addEventListener('message', ({ data }) => handler(data)),
    onFailure: (handler) => (failed = handler),
    terminate: () => worker.terminate(),
  });
}

/** Starts a Web Worker and builds an index in it: the worker keeps running and answers the service's questions. */
export async function buildIndexInWebWorker(
  files: readonly SourceFile[],
  startWorker: WorkerFactory,
  options: { signal?: AbortSignal; maxBytes?: number } = {},
): Promise<IndexResult & { worker: IndexWorker }> {
  const worker = await startWebWorker(startWorker);
  try {
    return { ...(await worker.build(files, options)), worker };
  } catch (err) {
    worker.dispose();
    throw err;
  }
}
