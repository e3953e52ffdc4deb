// The indexing worker as a Node worker thread (the extension on the desktop, the benchmark). It reads and writes a
// saved index itself, so those hundreds of megabytes never pass through the editor's thread.
import { randomBytes } from 'node:crypto';
import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import { parentPort } from 'node:worker_threads';
import { serveIndexing } from './worker';

if (parentPort) {
  const port = parentPort;
  serveIndexing({
    post: (message, transfer) => port.postMessage(message, transfer),
    onMessage: (handler) => port.on('message', handler),
    files: {
      read: (file) => fs.readFile(file),
      async write(file, bytes) {
        // A unique temporary name, renamed over the file: two windows saving at once each leave a whole file.
        await fs.mkdir(path.dirname(file), { recursive: true });
        const temp = `${file}.${process.pid}-${randomBytes(4).toString('hex')}.tmp`;
        try {
          await fs.writeFile(temp, bytes);
          await fs.rename(temp, file);
        } catch (err) {
          await fs.rm(temp, { force: true });
          throw err;
        }
      },
    },
  });
}
