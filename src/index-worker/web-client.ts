// Builds the index in a Web Worker: the browser's counterpart of `node-client.ts`, for the web worker extension host
// (vscode.dev, github.dev). The worker script is started from a Blob URL, because a web extension host refuses
// `new Worker(<extension file>)` ("Creating workers from remote extensions is currently not supported"); the host
// reads the script's bytes (with vscode.workspace.fs) and hands them in. The protocol is the Node worker's.
import type { SourceFile, SourceProblem, VerbatimEngine } from '../core/worker-api';
import type { WorkerReply, WorkerRequest } from './protocol';
import { abortError, replyReceiver, sendFiles } from './client';

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

/**
 * A factory that starts workers from the script `load()` returns. The script is read and its Blob URL made once;
 * each build gets a fresh worker, ended when the build is done.
 */
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

export async function buildIndexInWebWorker(
  files: readonly SourceFile[],
  startWorker: WorkerFactory,
  options: { signal?: AbortSignal; maxBytes?: number } = {},
): Promise<{ engine: VerbatimEngine; problems: SourceProblem[] }> {
  if (options.signal?.aborted) throw abortError();
  const worker = await startWorker();
  return new Promise((resolve, reject) => {
    const replies = replyReceiver();
    let settled = false;
    const finish = (fn: () => void) => {
      if (settled) return;
      settled = true;
      options.signal?.removeEventListener('abort', onAbort);
      worker.terminate();
      fn();
    };
    const onAbort = () => finish(() => reject(abortError()));
    options.signal?.addEventListener('abort', onAbort);
    if (options.signal?.aborted) return onAbort();
    worker.addEventListener('message', ({ data: reply }) => {
      try {
        const built = replies.accept(reply);
        if (built) finish(() => resolve({ engine: built.engine, problems: built.problems }));
      } catch (err) {
        finish(() => reject(err as Error));
      }
    });
    worker.addEventListener('error', (e) => finish(() => reject(new Error(`The indexing worker failed: ${e.message ?? 'unknown error'}`))));
    worker.addEventListener('messageerror', () => finish(() => reject(new Error('The indexing worker sent a message that could not be read.'))));
    void sendFiles(
      (request, transfer) => worker.postMessage(request, transfer),
      files,
      () => settled,
    ).then(
      () => {
        if (!settled) worker.postMessage({ type: 'build', ...(options.maxBytes ? { maxBytes: options.maxBytes } : {}) }, []);
      },
      (err: unknown) => finish(() => reject(err as Error)),
    );
  });
}
