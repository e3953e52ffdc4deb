// The worker's side: decode, parse and index the sources, keep them, and answer the editor's questions with the
// engine over them. An update indexes only the changed files, in a new segment of the corpus; a build replaces
// everything. Questions are answered in the order they come; a draft check yields between quotations, so a newer
// question or a cancellation is not kept waiting behind it. The same code runs in a Node worker thread
// (`node-worker.ts`) and in a browser's Web Worker (`web-worker.ts`); only the port differs.
import {
  buildCatalogAsync,
  contentHash,
  createEngine,
  decodeSavedIndex,
  encodeSavedIndex,
  indexOfSaved,
  QuoteIndex,
  restoreSourcesGradually,
  SegmentedCorpus,
  serveLocally,
  summarizeCorpus,
  type EngineService,
  type SourceFile,
  type SourceProblem,
  type SourceStamp,
  type VerbatimEngine,
} from '../core/worker-api';
import type { WorkerPort, WorkerRequest } from './protocol';

/** Entries per `part` message. */
const PART = 1000;

export function serveIndexing(port: WorkerPort): void {
  let pending: SourceFile[] = [];
  let corpus = new SegmentedCorpus([new QuoteIndex([])]);
  let service: EngineService = serveLocally(createEngine(corpus));
  /** Builds and updates run one after another, in the order they were asked for. */
  let queue: Promise<void> = Promise.resolve();
  const running = new Map<number, AbortController>();
  /** The files the large segment was built from (or loaded with), and the problems found then: what `save` writes. */
  let base: { stamps: SourceStamp[]; problems: SourceProblem[] } = { stamps: [], problems: [] };
  /** Restoring a loaded index's sources in the background; stopped when the index is replaced. */
  let restoring: AbortController | undefined;
  const yieldToHost = () => new Promise<void>((resolve) => setTimeout(resolve, 0));
  const pause = () => new Promise<void>((resolve) => setTimeout(resolve, 2));

  /**
   * Tells the editor the index is ready. Long lists go in slices, a moment apart (receiving a message is one stretch
   * of the editor's thread, and messages that arrive together are received together: 20,000 sources' metadata at
   * once would hold it for tens of milliseconds); after an update, only what changed in the list of sources.
   */
  const publish = async (engine: VerbatimEngine, problems: SourceProblem[], saved?: { stamps: SourceStamp[]; writtenAt: number }, before?: SegmentedCorpus) => {
    service = serveLocally(engine, summarizeCorpus(corpus));
    if (before) {
      const kept = new Set(corpus.sources);
      const had = new Set(before.sources);
      const removed = before.sources.filter((v) => !kept.has(v)).map((v) => v.source.meta.id);
      const added = service.sources.filter((_, k) => !had.has(corpus.sources[k]!));
      port.post({ type: 'ready', quoteCount: service.quoteCount, problems, delta: { removed, added } }, []);
      return;
    }
    for (let k = 0; k < service.sources.length; k += PART) {
      port.post({ type: 'part', sources: service.sources.slice(k, k + PART) }, []);
      await pause();
    }
    for (let k = 0; k < (saved?.stamps.length ?? 0); k += PART) {
      port.post({ type: 'part', stamps: saved!.stamps.slice(k, k + PART) }, []);
      await pause();
    }
    port.post({ type: 'ready', quoteCount: service.quoteCount, problems, ...(saved ? { saved: { writtenAt: saved.writtenAt } } : {}) }, []);
  };

  const index = (files: SourceFile[], request: Extract<WorkerRequest, { type: 'build' | 'update' | 'open' }>) => async () => {
    try {
      if (request.type === 'open') {
        let bytes: Uint8Array;
        if (request.bytes) bytes = new Uint8Array(request.bytes);
        else if (request.path && port.files) {
          try {
            bytes = await port.files.read(request.path);
          } catch (err) {
            port.post({ type: 'error', message: `the saved index cannot be read (${(err as Error)?.message ?? String(err)})` }, []);
            return;
          }
        } else bytes = new Uint8Array(0);
        const decoded = decodeSavedIndex(bytes, { engineVersion: request.engineVersion });
        if (!decoded.ok) {
          port.post({ type: 'error', message: `the saved index ${decoded.reason}` }, []);
          return;
        }
        restoring?.abort();
        const segment = indexOfSaved(decoded);
        corpus = new SegmentedCorpus([segment]);
        base = { stamps: decoded.stamps, problems: decoded.problems };
        await publish(createEngine(corpus), decoded.problems, { stamps: decoded.stamps, writtenAt: decoded.writtenAt });
        // The sources were decoded lazily; restore them a few at a time now, so that no later question pays for all.
        const controller = (restoring = new AbortController());
        void restoreSourcesGradually(
          segment.sources.map((v) => v.source),
          yieldToHost,
          { signal: controller.signal },
        );
        return;
      }
      if (request.type === 'build') {
        // Web pages, captions and PDFs are read by libraries loaded on demand: the asynchronous catalog.
        const catalog = await buildCatalogAsync(files, request.maxBytes);
        restoring?.abort();
        corpus = new SegmentedCorpus([new QuoteIndex(catalog.sources)]);
        const read = new Map((request.stamps ?? []).map((s) => [s.path, s]));
        const encoder = new TextEncoder();
        base = {
          stamps: files.map((f) => ({
            path: f.path,
            size: read.get(f.path)?.size ?? -1,
            mtime: read.get(f.path)?.mtime ?? -1,
            hash: contentHash(f.bytes ?? encoder.encode(f.text ?? '')),
          })),
          problems: catalog.problems,
        };
        await publish(createEngine(corpus), catalog.problems);
        return;
      }
      const replaced = new Set([...request.removed, ...files.map((f) => f.path)]);
      // A new file's id must not be one that a source staying in the corpus already has.
      const taken = new Set(corpus.sources.filter((v) => !replaced.has(v.source.meta.path ?? '')).map((v) => v.source.meta.id));
      const catalog = await buildCatalogAsync(files, request.maxBytes, taken);
      const before = corpus;
      corpus = corpus.withChanges(new QuoteIndex(catalog.sources), replaced);
      await publish(createEngine(corpus), catalog.problems, undefined, before);
    } catch (err) {
      port.post({ type: 'error', message: (err as Error).message }, []);
    }
  };

  const answer = async (id: number, method: string, args: unknown[]) => {
    const controller = new AbortController();
    running.set(id, controller);
    try {
      const fn = (service as unknown as Record<string, (...a: unknown[]) => Promise<unknown>>)[method];
      if (typeof fn !== 'function') throw new Error(`unknown question: ${method}`);
      // Draft checks take the signal as their last argument.
      const value = await fn(...(method === 'checkDraft' || method === 'checkClaims' ? [...args.slice(0, 2), controller.signal] : args));
      port.post({ type: 'answer', id, value }, []);
    } catch (err) {
      const e = err as Error;
      port.post({ type: 'failed', id, name: e?.name ?? 'Error', message: e?.message ?? String(err) }, []);
    } finally {
      running.delete(id);
    }
  };

  const save = async (id: number, engineVersion: string, path: string | undefined) => {
    try {
      const segment = corpus.segments[0]!;
      const bytes = encodeSavedIndex({ sources: segment.sources.map((v) => v.source), parts: segment.parts, stamps: base.stamps, engineVersion, problems: base.problems });
      if (path && port.files) {
        await port.files.write(path, bytes);
        port.post({ type: 'answer', id, value: bytes.length }, []);
        return;
      }
      port.post({ type: 'answer', id, value: bytes }, [bytes.buffer as ArrayBuffer]);
    } catch (err) {
      port.post({ type: 'failed', id, name: 'Error', message: (err as Error)?.message ?? String(err) }, []);
    }
  };

  port.onMessage((request: WorkerRequest) => {
    switch (request.type) {
      case 'files':
        for (const { bytes, ...f } of request.files) pending.push(bytes ? { ...f, bytes: new Uint8Array(bytes) } : f);
        return;
      case 'build':
      case 'update':
      case 'open': {
        const files = pending;
        pending = [];
        queue = queue.then(index(files, request));
        return;
      }
      case 'save':
        // After the builds and updates asked for before it.
        queue = queue.then(() => save(request.id, request.engineVersion, request.path));
        return;
      case 'query':
        void answer(request.id, request.method, request.args);
        return;
      case 'cancel':
        running.get(request.id)?.abort();
        return;
    }
  });
}
