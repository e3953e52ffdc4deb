// The desktop entry (`main`): the index is built in a Node worker thread.

import * as vscode from 'vscode';
import { buildIndexInWorker } from '../index-worker/node-client';
import { activateVerbatim, type VerbatimApi } from './activate';

export type { VerbatimApi } from './activate';

export function activate(context: vscode.ExtensionContext): VerbatimApi {
  const workerScript = vscode.Uri.joinPath(context.extensionUri, 'dist', 'index-worker.js').fsPath;
  return activateVerbatim(context, { buildIndex: () => (files, options) => buildIndexInWorker(files, workerScript, options) });
}

export function deactivate(): void {}
