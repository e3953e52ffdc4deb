// The web entry (`browser`): the extension in VS Code's web worker extension host (vscode.dev, github.dev), where
// there is no Node. Everything else is shared with the desktop entry through `activateVerbatim`; only the index
// lives elsewhere: in a Web Worker started from `dist/web/index-worker.js`. If no worker can start, the source
// store indexes on the extension host's own thread instead (slower with many sources, but every feature works).

import * as vscode from 'vscode';
import { startWebWorker, webWorkerFactory } from '../index-worker/web-client';
import { activateVerbatim, type VerbatimApi } from './activate';

export type { VerbatimApi } from './activate';

export function activate(context: vscode.ExtensionContext): VerbatimApi {
  // Read with vscode.workspace.fs: the script lives wherever the extension is served from (not a `file:` path).
  const startWorker = webWorkerFactory(() => Promise.resolve(vscode.workspace.fs.readFile(vscode.Uri.joinPath(context.extensionUri, 'dist', 'web', 'index-worker.js'))));
  return activateVerbatim(context, { startWorker: () => () => startWebWorker(startWorker), workerScript: ['dist', 'web', 'index-worker.js'], workerHasFiles: false });
}

export function deactivate(): void {}
