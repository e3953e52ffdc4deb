// The desktop entry (`main`): the index lives in a Node worker thread, which answers the editor's questions.

import * as vscode from 'vscode';
import { startNodeWorker } from '../index-worker/node-client';
import { activateVerbatim, type VerbatimApi } from './activate';

export type { VerbatimApi } from './activate';

export function activate(context: vscode.ExtensionContext): VerbatimApi {
  const workerScript = vscode.Uri.joinPath(context.extensionUri, 'dist', 'index-worker.js').fsPath;
  return activateVerbatim(context, { startWorker: () => () => Promise.resolve(startNodeWorker(workerScript)), workerScript: ['dist', 'index-worker.js'], workerHasFiles: true });
}

export function deactivate(): void {}
