// The worker's side: decode, parse and index the sources, keep them, and answer the editor's questions with the
// engine over them. An update indexes only the changed files, in a new segment of the corpus; a build replaces
// everything. Questions are answered in the order they come; a draft check yields between quotations, so a newer
// question or a cancellation is not kept waiting behind it. The same code runs in a Node worker thread
// (`node-worker.ts`) and in a browser's Web Worker (`web-worker.ts`); only the port differs.
import {
  buildCatalogAsync,
  createEngine,
  QuoteIndex,
  SegmentedCorpus,
  serveLocally,
  summarize,
  type EngineService,
  type SourceFile,
  type SourceProblem,
  type VerbatimEngine,
} from '../core/worker-api';
import type { WorkerPort, WorkerRequest } from './protocol';

export function serveIndexing(port: WorkerPort): void {
  let pending: SourceFile[] = [];
  let corpus = new SegmentedCorpus([new QuoteIndex([])]);
  let service: EngineService = serveLocally(createEngine(corpus));
  /** Builds and updates run one after another, in the order they were asked for. */
  let queue: Promise<void> = Promise.resolve();
  const running = new Map<number, AbortController>();

  const publish = (engine: VerbatimEngine, problems: SourceProblem[]) => {
    service = serveLocally(engine, summarize(engine));
    port.post({ type: 'ready', sources: [...service.sources], quoteCount: service.quoteCount, problems }, []);
  };

  const index = (files: SourceFile[], request: Extract<WorkerRequest, { type: 'build' | 'update' }>) => async () => {
    try {
      if (request.type === 'build') {
        // Web pages, captions and PDFs are read by libraries loaded on demand: the asynchronous catalog.
        const catalog = await buildCatalogAsync(files, request.maxBytes);
        corpus = new SegmentedCorpus([new QuoteIndex(catalog.sources)]);
        publish(createEngine(corpus), catalog.problems);
        return;
      }
      const replaced = new Set([...request.removed, ...files.map((f) => f.path)]);
      // A new file's id must not be one that a source staying in the corpus already has.
      const taken = new Set(corpus.sources.filter((v) => !replaced.has(v.source.meta.path ?? '')).map((v) => v.source.meta.id));
      const catalog = await buildCatalogAsync(files, request.maxBytes, taken);
      corpus = corpus.withChanges(new QuoteIndex(catalog.sources), replaced);
      publish(createEngine(corpus), catalog.problems);
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

  port.onMessage((request: WorkerRequest) => {
    switch (request.type) {
      case 'files':
        for (const { bytes, ...f } of request.files) pending.push(bytes ? { ...f, bytes: new Uint8Array(bytes) } : f);
        return;
      case 'build':
      case 'update': {
        const files = pending;
        pending = [];
        queue = queue.then(index(files, request));
        return;
      }
      case 'query':
        void answer(request.id, request.method, request.args);
        return;
      case 'cancel':
        running.get(request.id)?.abort();
        return;
    }
  });
}
