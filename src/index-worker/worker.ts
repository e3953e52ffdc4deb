// The worker's side: decode, parse and index the sources, then hand them over in batches (so that the receiving
// thread never spends long on one message) and the index arrays last (transferred, not copied). The same code runs
// in a Node worker thread (`node-worker.ts`) and in a browser's Web Worker; only the port differs.
import { buildCatalogAsync, buildIndexParts, snapshotSource, snapshotTransferables, type IndexParts, type SourceFile } from '../core/worker-api';
import type { WorkerPort, WorkerRequest } from './protocol';

const BATCH_CHARS = 1_000_000;

export function serveIndexing(port: WorkerPort): void {
  const files: SourceFile[] = [];
  port.onMessage((request: WorkerRequest) => {
    if (request.type === 'files') {
      for (const { bytes, ...f } of request.files) files.push(bytes ? { ...f, bytes: new Uint8Array(bytes) } : f);
      return;
    }
    void build(port, files, request.maxBytes);
  });
}

async function build(port: WorkerPort, files: readonly SourceFile[], maxBytes: number | undefined): Promise<void> {
  try {
    // Web pages, captions and PDFs are read by libraries loaded on demand: the asynchronous catalog.
    const catalog = await buildCatalogAsync(files, maxBytes);
    const parts = buildIndexParts(catalog.sources);
    let batch: ReturnType<typeof snapshotSource>[] = [];
    let chars = 0;
    const flush = () => {
      if (batch.length) port.post({ type: 'sources', sources: batch }, batch.flatMap(snapshotTransferables));
      batch = [];
      chars = 0;
    };
    for (const s of catalog.sources) {
      batch.push(snapshotSource(s));
      chars += s.text.length;
      if (chars > BATCH_CHARS || batch.length >= 250) flush();
    }
    flush();
    port.post({ type: 'done', parts, problems: catalog.problems }, partsTransferables(parts));
  } catch (err) {
    port.post({ type: 'error', message: (err as Error).message }, []);
  }
}

function partsTransferables(parts: IndexParts): ArrayBuffer[] {
  return Object.values(parts)
    .filter((v): v is Int32Array => v instanceof Int32Array)
    .map((a) => a.buffer as ArrayBuffer);
}
