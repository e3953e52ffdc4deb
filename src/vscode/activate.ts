// The composition root, shared by the desktop (Node) and web (browser) entries: build the source store and the
// analyzer, register every feature, hand every Disposable to VS Code. Nothing heavy runs here; sources load in the
// background. The platform entry decides only how the index is built off the editor's thread.

import * as vscode from 'vscode';
import { SourceStore, type IndexState, type IndexStorage, type WorkerStarter } from './source-store';
import { DraftAnalyzer, settingsOptions } from './draft-analyzer';
import { registerMisquoteDiagnostics } from './misquote-diagnostics';
import { registerQuoteCompletions } from './quote-completions';
import { registerQuoteHovers } from './quote-hovers';
import { registerQuickFixes } from './quick-fixes';
import { registerCommands } from './commands';
import { registerSourcesView, type SourcesNode } from './sources-view';
import { registerStatusBar } from './status-bar';
import { registerSourceDocuments } from './source-documents';
import { readSettings } from './settings';

/** What the extension exports: read-only views of its UI state, for tests and other extensions. */
export interface VerbatimApi {
  sourcesTree: vscode.TreeDataProvider<SourcesNode>;
  sourcesView: vscode.TreeView<SourcesNode>;
  statusBarText(): string | undefined;
  /** Fires with the status bar's text each time it is updated. */
  onDidUpdateStatusBar: vscode.Event<string>;
  /** Where the index came from (built, or loaded as saved) and how many source files were read. */
  indexState(): IndexState;
}

export interface Platform {
  /** Starts the index worker, which builds the index and answers the editor's questions off the editor's thread:
   *  a Node worker thread, or a Web Worker in the browser. */
  startWorker: (context: vscode.ExtensionContext) => WorkerStarter;
  /** The worker's script, relative to the extension: its build identifies the engine that wrote a saved index. */
  workerScript: string[];
  /** Whether the worker can read and write local files itself (a Node worker thread). */
  workerHasFiles: boolean;
}

/** The saved index's place (the workspace storage; none in a window without a folder) and the engine's build. */
function indexStorage(context: vscode.ExtensionContext, platform: Platform): IndexStorage | undefined {
  if (!context.storageUri) return undefined;
  let version: Promise<string> | undefined;
  const engineVersion = () =>
    (version ??= Promise.resolve(vscode.workspace.fs.stat(vscode.Uri.joinPath(context.extensionUri, ...platform.workerScript))).then(
      (stat) => `${(context.extension.packageJSON as { version?: string }).version ?? '0'}+${stat.size}-${stat.mtime}`,
    ));
  return { folder: context.storageUri, engineVersion, workerHasFiles: platform.workerHasFiles && context.storageUri.scheme === 'file' };
}

export function activateVerbatim(context: vscode.ExtensionContext, platform: Platform): VerbatimApi {
  const log = vscode.window.createOutputChannel('Verbatim', { log: true });
  const store = new SourceStore(context.extensionUri, log, platform.startWorker(context), indexStorage(context, platform));
  const analyzer = new DraftAnalyzer({ engine: () => store.current, options: settingsOptions });
  // Providers check `verbatim.languages` per document; the selector names the languages configured at start.
  const selector: vscode.DocumentSelector = readSettings().languages.map((language) => ({ language }));
  const diagnostics = registerMisquoteDiagnostics(analyzer, store, vscode.Uri.joinPath(context.extensionUri, 'docs', 'codes'));
  const sources = registerSourcesView(store);
  const status = registerStatusBar(analyzer, store);
  context.subscriptions.push(
    log,
    store,
    analyzer,
    diagnostics,
    registerQuoteCompletions(selector, store),
    registerQuoteHovers(selector, analyzer, store),
    registerQuickFixes(selector, analyzer, store),
    registerCommands(store, diagnostics),
    sources,
    status,
    registerSourceDocuments(store),
  );
  void store.ready();
  return {
    sourcesTree: sources.tree,
    sourcesView: sources.view,
    statusBarText: () => (status.item.text === '' ? undefined : status.item.text),
    onDidUpdateStatusBar: status.onDidUpdate,
    indexState: () => store.indexState(),
  };
}
