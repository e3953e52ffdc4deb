// The editor's side of the index worker, whatever kind of worker it is (a Node worker thread or a browser's Web
// Worker): handing files over in batches, asking questions and receiving answers. Each `ready` from the worker
// becomes a new `EngineService` whose methods are questions to the worker; the editor's thread holds only the
// sources' metadata.
import { isConfirmed, isVerified, type EngineService, type ServiceMethod, type SourceFile, type SourceProblem, type SourceStamp, type SourceSummary } from '../core/worker-api';
import type { WorkerFile, WorkerReply, WorkerRequest } from './protocol';

/** The editor's end of the channel to one worker. */
export interface ClientPort {
  post(request: WorkerRequest, transfer: ArrayBuffer[]): void;
  /** Every message from the worker (messages that are not this protocol's are ignored). */
  onMessage(handler: (message: unknown) => void): void;
  /** The worker failed or stopped: `reason` says why. */
  onFailure(handler: (reason: string) => void): void;
  terminate(): void;
}

export interface IndexResult {
  service: EngineService;
  problems: SourceProblem[];
  /** For a loaded saved index: the files it was built from, and when it was written. */
  saved?: { stamps: SourceStamp[]; writtenAt: number };
}

const BATCH_BYTES = 2_000_000;

export function abortError(message = 'Cancelled.'): Error {
  return Object.assign(new Error(message), { name: 'AbortError' });
}

/** Messages that are this protocol's: PDF.js, reading a PDF inside the worker, announces itself as a worker of its own. */
function isReply(message: unknown): message is WorkerReply {
  return !!message && typeof message === 'object' && 'type' in message && ['ready', 'part', 'answer', 'failed', 'error'].includes((message as { type: string }).type);
}

export class IndexWorker {
  private nextId = 1;
  private readonly calls = new Map<number, { resolve: (v: unknown) => void; reject: (e: Error) => void }>();
  /** Builds and updates waiting for the worker's `ready` or `error`, in the order they were sent. */
  private readonly indexing: { resolve: (r: IndexResult) => void; reject: (e: Error) => void }[] = [];
  private failure: string | null = null;
  /** The sources of the latest index, and the slices of lists that the next `ready` completes. */
  private sources: SourceSummary[] = [];
  private parts: { sources: SourceSummary[]; stamps: SourceStamp[] } = { sources: [], stamps: [] };

  constructor(private readonly port: ClientPort) {
    port.onMessage((message) => {
      if (isReply(message)) this.receive(message);
    });
    port.onFailure((reason) => this.fail(reason));
  }

  /** Whether the worker still runs (a failed worker answers nothing; start another). */
  get alive(): boolean {
    return this.failure === null;
  }

  /** Indexes `files`, replacing every source. `stamps`: the files' size and mtime when read (kept for `save`). */
  build(files: readonly SourceFile[], options: { maxBytes?: number; signal?: AbortSignal; stamps?: { path: string; size: number; mtime: number }[] } = {}): Promise<IndexResult> {
    return this.index(files, { type: 'build', ...(options.maxBytes ? { maxBytes: options.maxBytes } : {}), ...(options.stamps ? { stamps: options.stamps } : {}) }, options.signal);
  }

  /**
   * Loads a saved index: its bytes (handed over, not copied) or, for a Node worker, its path (the worker reads it).
   * Rejects with the reason when it cannot be used.
   */
  open(saved: Uint8Array | { path: string }, engineVersion: string): Promise<IndexResult> {
    if (!(saved instanceof Uint8Array)) return this.index([], { type: 'open', path: saved.path, engineVersion }, undefined);
    // Its own buffer, whole: the bytes may be a view into a larger one.
    const buffer = saved.byteOffset === 0 && saved.byteLength === saved.buffer.byteLength ? (saved.buffer as ArrayBuffer) : (saved.slice().buffer as ArrayBuffer);
    return this.index([], { type: 'open', bytes: buffer, engineVersion }, undefined, [buffer]);
  }

  /** The index as built or loaded, encoded (corpus/saved-index.ts), for the host to write. */
  save(engineVersion: string): Promise<Uint8Array>;
  /** The same, written by a Node worker itself to `path` (a temporary file renamed over it); resolves to its size. */
  save(engineVersion: string, path: string): Promise<number>;
  save(engineVersion: string, path?: string): Promise<Uint8Array | number> {
    if (this.failure) return Promise.reject(new Error(this.failure));
    const id = this.nextId++;
    return new Promise<Uint8Array | number>((resolve, reject) => {
      this.calls.set(id, { resolve: resolve as (v: unknown) => void, reject });
      this.port.post({ type: 'save', id, engineVersion, ...(path ? { path } : {}) }, []);
    });
  }

  /** Indexes only `files` (changed or new), replacing the sources read from their paths; `removed` paths leave. */
  update(files: readonly SourceFile[], removed: readonly string[], options: { maxBytes?: number; signal?: AbortSignal } = {}): Promise<IndexResult> {
    return this.index(files, { type: 'update', removed: [...removed], ...(options.maxBytes ? { maxBytes: options.maxBytes } : {}) }, options.signal);
  }

  dispose(): void {
    this.fail('The index worker was stopped.', abortError('The index worker was stopped.'));
    this.port.terminate();
  }

  private async index(files: readonly SourceFile[], request: WorkerRequest, signal: AbortSignal | undefined, transfer: ArrayBuffer[] = []): Promise<IndexResult> {
    if (signal?.aborted) throw abortError('Indexing was cancelled.');
    if (this.failure) throw new Error(this.failure);
    const done = new Promise<IndexResult>((resolve, reject) => this.indexing.push({ resolve, reject }));
    done.catch(() => undefined); // a cancelled caller no longer waits for it
    // A cancelled build is not stopped in the worker (it finishes, and a newer one replaces it); the caller stops
    // waiting at once, and no more files are sent.
    let cancelled = false;
    const aborted = new Promise<never>((_, reject) =>
      signal?.addEventListener(
        'abort',
        () => {
          cancelled = true;
          reject(abortError('Indexing was cancelled.'));
        },
        { once: true },
      ),
    );
    const send = async () => {
      await sendFiles(
        (r, t) => this.port.post(r, t),
        files,
        () => cancelled || this.failure !== null,
      );
      this.port.post(request, transfer);
      return done;
    };
    return Promise.race([send(), aborted]);
  }

  /** Asks the worker `method(...args)`; with a signal, aborting it cancels the question in the worker. */
  call<T>(method: ServiceMethod, args: unknown[], signal?: AbortSignal): Promise<T> {
    if (this.failure) return Promise.reject(new Error(this.failure));
    if (signal?.aborted) return Promise.reject(abortError());
    const id = this.nextId++;
    return new Promise<T>((resolve, reject) => {
      this.calls.set(id, { resolve: resolve as (v: unknown) => void, reject });
      this.port.post({ type: 'query', id, method, args }, []);
      signal?.addEventListener('abort', () => this.port.post({ type: 'cancel', id }, []), { once: true });
    });
  }

  private receive(reply: WorkerReply): void {
    if (reply.type === 'answer' || reply.type === 'failed') {
      const call = this.calls.get(reply.id);
      this.calls.delete(reply.id);
      if (reply.type === 'answer') call?.resolve(reply.value);
      else call?.reject(Object.assign(new Error(reply.message), { name: reply.name }));
      return;
    }
    if (reply.type === 'part') {
      this.parts.sources.push(...(reply.sources ?? []));
      this.parts.stamps.push(...(reply.stamps ?? []));
      return;
    }
    const waiting = this.indexing.shift();
    const parts = this.parts;
    this.parts = { sources: [], stamps: [] };
    if (reply.type === 'error') return waiting?.reject(new Error(reply.message));
    if (reply.delta) {
      const removed = new Set(reply.delta.removed);
      this.sources = [...this.sources.filter((s) => !removed.has(s.meta.id)), ...reply.delta.added];
    } else this.sources = parts.sources;
    const saved = reply.saved ? { saved: { stamps: parts.stamps, writtenAt: reply.saved.writtenAt } } : {};
    waiting?.resolve({ service: remoteService(this, this.sources, reply.quoteCount), problems: reply.problems, ...saved });
  }

  private fail(reason: string, error = new Error(reason)): void {
    if (this.failure) return;
    this.failure = reason;
    for (const call of this.calls.values()) call.reject(error);
    this.calls.clear();
    for (const waiting of this.indexing.splice(0)) waiting.reject(error);
  }
}

/** The service whose answers come from the worker, over the sources of one `ready`. */
function remoteService(worker: IndexWorker, sources: readonly SourceSummary[], quoteCount: number): EngineService {
  const ask =
    <M extends ServiceMethod>(method: M) =>
    (...args: Parameters<EngineService[M]>): ReturnType<EngineService[M]> =>
      worker.call(method, args) as ReturnType<EngineService[M]>;
  // Draft checks take an AbortSignal, which does not cross threads: it becomes a `cancel` message.
  const cancellable =
    <M extends 'checkDraft' | 'checkClaims'>(method: M) =>
    (text: string, options: unknown, signal?: AbortSignal): ReturnType<EngineService[M]> =>
      worker.call(method, [text, options], signal) as ReturnType<EngineService[M]>;
  return {
    sources,
    quoteCount,
    source: ask('source'),
    quotes: ask('quotes'),
    search: ask('search'),
    checkDraft: cancellable('checkDraft'),
    checkClaims: cancellable('checkClaims'),
    checkQuotationAt: ask('checkQuotationAt'),
    checkClaimAt: ask('checkClaimAt'),
    complete: ask('complete'),
    explain: ask('explain'),
    explainClaim: ask('explainClaim'),
    insertQuote: ask('insertQuote'),
    cite: ask('cite'),
    citeQuotation: ask('citeQuotation'),
    isConfirmed,
    isVerified,
  };
}

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
    // A copy: the buffer is transferred to the worker, and the caller may keep its own bytes. Not
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
