// The indexing worker as a Node worker thread (the extension on the desktop, the benchmark).
import { parentPort } from 'node:worker_threads';
import { serveIndexing } from './worker';

if (parentPort) {
  const port = parentPort;
  serveIndexing({ post: (message, transfer) => port.postMessage(message, transfer), onMessage: (handler) => port.on('message', handler) });
}
