// The indexing worker as a Web Worker (the extension in the browser: vscode.dev, github.dev). The web client starts
// it from a Blob URL, since a web extension host cannot start a worker from an extension's own files.
import { serveIndexing } from './worker';
import type { WorkerReply, WorkerRequest } from './protocol';

/** The parts of a dedicated worker's global scope used here (the project's `lib` has no DOM types). */
interface WorkerScope {
  postMessage(message: WorkerReply, transfer: ArrayBuffer[]): void;
  addEventListener(type: 'message', listener: (event: { data: WorkerRequest }) => void): void;
}

const scope = globalThis as unknown as WorkerScope;
serveIndexing({ post: (message, transfer) => scope.postMessage(message, transfer), onMessage: (handler) => scope.addEventListener('message', (e) => handler(e.data)) });
