// The worker thread's side: decode, parse and index the sources, then hand them over in batches (so that the
// receiving thread never spends long on one message) and the index arrays last (transferred, not copied).
import { parentPort } from 'node:worker_threads';
import { buildCatalogAsync, buildIndexParts, snapshotSource, snapshotTransferables, type IndexParts, type SourceFile } from '../core';
import type { WorkerReply, WorkerRequest } from './worker-protocol';

const BATCH_CHARS = 1_000_000;

function post(message: WorkerReply, transfer: ArrayBuffer[] = []): void {
  parentPort!.postMessage(message, transfer);
}

const files: SourceFile[] = [];

parentPort?.on('message', async (request: WorkerRequest) => {
  if (request.type === 'files') {
    for (const { bytes, ...f } of request.files) files.push(bytes ? { ...f, bytes: new Uint8Array(bytes) } : f);
    return;
  }
  try {
    // Web pages, captions and PDFs are read by libraries loaded on demand: the asynchronous catalog.
    const catalog = await buildCatalogAsync(files, request.maxBytes);
    const parts = buildIndexParts(catalog.sources);
    let batch: ReturnType<typeof snapshotSource>[] = [];
    let chars = 0;
    const flush = () => {
      if (batch.length) post({ type: 'sources', sources: batch }, batch.flatMap(snapshotTransferables));
      batch = [];
      chars = 0;
    };
    for (const s of catalog.sources) {
      batch.push(snapshotSource(s));
      chars += s.text.length;
      if (chars > BATCH_CHARS || batch.length >= 250) flush();
    }
    flush();
    post({ type: 'done', parts, problems: catalog.problems }, partsTransferables(parts));
  } catch (err) {
    post({ type: 'error', message: (err as Error).message });
  }
});

function partsTransferables(parts: IndexParts): ArrayBuffer[] {
  return Object.values(parts)
    .filter((v): v is Int32Array => v instanceof Int32Array)
    .map((a) => a.buffer as ArrayBuffer);
}
