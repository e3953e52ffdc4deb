// Builds the index in a Web Worker: the browser's counterpart of `node-client.ts`, for the web worker extension host
// (vscode.dev, github.dev). The worker script is started from a Blob URL, because a web extension host refuses
// `new Worker(<extension file>)` ("Creating workers from remote extensions is currently not supported"); the host
// reads the script's bytes (with vscode.workspace.fs) and hands them in. The protocol is the Node worker's.
import { createEngine, QuoteIndex, restoreSource, type SourceFile, type SourceProblem, type VerbatimEngine } from '../core/worker-api';
import type { Source } from '../core';
import type { WorkerFile, WorkerReply, WorkerRequest } from './protocol';

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
    const sources: Source[] = [];
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
      // PDF.js, when a PDF source is read inside the worker, announces itself as a PDF.js worker
      // ({ sourceName: 'worker', action: 'ready' }); only this protocol's replies are ours.
      if (!reply || typeof reply !== 'object' || !('type' in reply)) return;
      try {
        if (reply.type === 'sources') {
          for (const s of reply.sources) sources.push(restoreSource(s));
        } else if (reply.type === 'done') {
          const index = new QuoteIndex(sources, reply.parts);
          finish(() => resolve({ engine: createEngine(index), problems: reply.problems }));
        } else finish(() => reject(new Error(`Indexing failed: ${reply.message}`)));
      } catch (err) {
        finish(() => reject(err as Error));
      }
    });
    worker.addEventListener('error', (e) => finish(() => reject(new Error(`The indexing worker failed: ${e.message ?? 'unknown error'}`))));
    worker.addEventListener('messageerror', () => finish(() => reject(new Error('The indexing worker sent a message that could not be read.'))));
    void sendFiles(worker, files, () => settled).then(
      () => {
        if (!settled) worker.postMessage({ type: 'build', ...(options.maxBytes ? { maxBytes: options.maxBytes } : {}) }, []);
      },
      (err: unknown) => finish(() => reject(err as Error)),
    );
  });
}

const BATCH_BYTES = 2_000_000;

/** Hands the files over in batches of a few megabytes, yielding between them: each copy is a short stretch. */
async function sendFiles(worker: WebWorker, files: readonly SourceFile[], stopped: () => boolean): Promise<void> {
  let batch: WorkerFile[] = [];
  let size = 0;
  const flush = async () => {
    if (batch.length === 0 || stopped()) return;
    worker.postMessage(
      { type: 'files', files: batch },
      batch.flatMap((f) => (f.bytes ? [f.bytes] : [])),
    );
    batch = [];
    size = 0;
    // setTimeout, not setImmediate: the web worker extension host has no setImmediate.
    await new Promise((resolve) => setTimeout(resolve, 0));
  };
  for (const f of files) {
    // A copy: the buffer is transferred to the worker, and the caller keeps (and caches) its own bytes.
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

function abortError(): Error {
  return Object.assign(new Error('Indexing was cancelled.'), { name: 'AbortError' });
}
