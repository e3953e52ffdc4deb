// The sources in use and the index over them: the built-in article plus the files matching `verbatim.sources` in
// each workspace folder, read through vscode.workspace.fs and kept current by file watchers.

import * as vscode from 'vscode';
import { buildCatalogAsync, BUILTIN_SOURCES, DEFAULT_MAX_FILE_BYTES, oversizeReason, QuoteIndex, type Source, type SourceFile } from '../core';
import { buildIndexInWorker } from '../node/build-index';
import { readSettings } from './settings';

export const SOURCE_SCHEME = 'verbatim-source';

interface CachedFile {
  mtime: number;
  size: number;
  file: SourceFile;
}

export class SourceStore implements vscode.Disposable {
  private index = new QuoteIndex([]);
  private readonly changed = new vscode.EventEmitter<QuoteIndex>();
  /** Fires after the index was rebuilt. */
  readonly onDidChange = this.changed.event;
  private readonly disposables: vscode.Disposable[] = [this.changed];
  private readonly fileCache = new Map<string, CachedFile>();
  private readonly reported = new Set<string>();
  private watchers: vscode.Disposable[] = [];
  private generation = 0;
  private reloadTimer: ReturnType<typeof setTimeout> | undefined;
  private firstLoad: Promise<void> | undefined;
  private building: AbortController | undefined;
  private latest: Promise<void> | undefined;

  constructor(
    /** Where the extension's resources are (the built-in article, the CSL styles). */
    readonly extensionUri: vscode.Uri,
    private readonly log: vscode.LogOutputChannel,
  ) {
    this.disposables.push(
      vscode.workspace.onDidChangeConfiguration((e) => {
        if (e.affectsConfiguration('verbatim.sources') || e.affectsConfiguration('verbatim.includeBuiltInSources')) this.scheduleReload(0, true);
      }),
      vscode.workspace.onDidChangeWorkspaceFolders(() => this.scheduleReload(0, true)),
      vscode.workspace.onDidGrantWorkspaceTrust(() => this.scheduleReload(0, true)),
    );
  }

  get current(): QuoteIndex {
    return this.index;
  }

  /** Resolves once the first load has finished (it starts on first call, not at activation). */
  ready(): Promise<void> {
    this.firstLoad ??= this.reload(true);
    return this.firstLoad;
  }

  sourceById(id: string): Source | undefined {
    return this.index.sourceById(id)?.source;
  }

  /** Where a source can be opened: its file, or a read-only document for the built-in article. */
  uriOf(source: Source): vscode.Uri {
    if (source.meta.builtIn) return vscode.Uri.from({ scheme: SOURCE_SCHEME, path: `/${source.meta.id}.txt` });
    return vscode.Uri.parse(source.meta.path!);
  }

  /** Re-reads everything (the Reload Sources command). */
  reloadAll(): Promise<void> {
    this.fileCache.clear();
    this.reported.clear();
    return this.reload(true);
  }

  private scheduleReload(delay: number, rewatch = false): void {
    clearTimeout(this.reloadTimer);
    // Many files changing at once (a checkout, a sync) become one reload.
    this.reloadTimer = setTimeout(() => void this.reload(rewatch), delay);
  }

  /** Reloads, and resolves once the index is current: a reload that a newer one overtakes waits for that one. */
  private async reload(rewatch: boolean): Promise<void> {
    let run = this.rebuild(rewatch);
    this.latest = run;
    await run;
    while (this.latest !== run) {
      run = this.latest;
      await run;
    }
  }

  private async rebuild(rewatch: boolean): Promise<void> {
    const generation = ++this.generation;
    const settings = readSettings();
    if (rewatch) this.watch(settings.sources);
    const files: SourceFile[] = [];
    if (settings.includeBuiltInSources) {
      for (const b of BUILTIN_SOURCES) {
        const bytes = await vscode.workspace.fs.readFile(vscode.Uri.joinPath(this.extensionUri, 'resources', b.file));
        files.push({ path: b.file, bytes, id: b.id, builtIn: true });
      }
    }
    const uris = await this.findSourceFiles(settings.sources);
    const problems: string[] = [];
    for (const uri of uris) {
      const file = await this.readSource(uri, problems);
      if (file) files.push(file);
    }
    if (generation !== this.generation) return; // a newer reload has started; its result wins
    this.building?.abort();
    const building = (this.building = new AbortController());
    let built: { index: QuoteIndex; problems: { message: string }[] };
    try {
      // Parsing and indexing run in a worker thread, so typing is never blocked by a large source set.
      built = await buildIndexInWorker(files, vscode.Uri.joinPath(this.extensionUri, 'dist', 'index-worker.js').fsPath, { signal: building.signal });
    } catch (err) {
      if ((err as Error).name === 'AbortError') return;
      this.log.warn(`Indexing in a worker failed (${(err as Error).message}); indexing here instead.`);
      const catalog = await buildCatalogAsync(files);
      built = { index: new QuoteIndex(catalog.sources), problems: catalog.problems };
    }
    if (generation !== this.generation) return;
    problems.push(...built.problems.map((p) => p.message));
    this.index = built.index;
    this.log.info(`Indexed ${this.index.sources.length} source(s) with ${this.index.quoteCount} quote(s).`);
    this.report(problems);
    this.changed.fire(this.index);
  }

  private async findSourceFiles(patterns: readonly string[]): Promise<vscode.Uri[]> {
    const found = new Map<string, vscode.Uri>();
    for (const folder of vscode.workspace.workspaceFolders ?? []) {
      for (const pattern of patterns) {
        try {
          // A RelativePattern never matches outside its folder, so no setting can point Verbatim elsewhere.
          for (const uri of await vscode.workspace.findFiles(new vscode.RelativePattern(folder, pattern), '**/node_modules/**')) {
            if (isInside(uri, folder.uri)) found.set(uri.toString(), uri);
          }
        } catch (err) {
          this.log.warn(`Could not search ${folder.name} for ${pattern}: ${(err as Error).message}`);
        }
      }
    }
    return [...found.values()].sort((a, b) => a.toString().localeCompare(b.toString()));
  }

  private async readSource(uri: vscode.Uri, problems: string[]): Promise<SourceFile | null> {
    const label = vscode.workspace.asRelativePath(uri);
    try {
      const stat = await vscode.workspace.fs.stat(uri);
      if (stat.size > DEFAULT_MAX_FILE_BYTES) {
        problems.push(`${label} ${oversizeReason(stat.size)}`);
        return null;
      }
      const key = uri.toString();
      const cached = this.fileCache.get(key);
      if (cached && cached.mtime === stat.mtime && cached.size === stat.size) return cached.file;
      const bytes = await vscode.workspace.fs.readFile(uri);
      const file: SourceFile = { path: key, bytes };
      this.fileCache.set(key, { mtime: stat.mtime, size: stat.size, file });
      return file;
    } catch (err) {
      // Deleted or unreadable between the search and the read: skip it; the watcher brings the next state.
      problems.push(`${label} cannot be read (${(err as Error).message})`);
      return null;
    }
  }

  private watch(patterns: readonly string[]): void {
    for (const w of this.watchers) w.dispose();
    this.watchers = [];
    for (const folder of vscode.workspace.workspaceFolders ?? []) {
      for (const pattern of patterns) {
        const watcher = vscode.workspace.createFileSystemWatcher(new vscode.RelativePattern(folder, pattern));
        const changed = (uri: vscode.Uri) => {
          this.fileCache.delete(uri.toString());
          this.scheduleReload(100);
        };
        this.watchers.push(watcher, watcher.onDidCreate(changed), watcher.onDidChange(changed), watcher.onDidDelete(changed));
      }
    }
  }

  /** Tells the writer once about each source that cannot be used; the others keep working. */
  private report(problems: readonly string[]): void {
    const fresh = problems.map((p) => p.replace(/^file:\/\/\S+/, (uri) => vscode.workspace.asRelativePath(vscode.Uri.parse(uri)))).filter((p) => !this.reported.has(p));
    for (const p of fresh) {
      this.reported.add(p);
      this.log.warn(`Skipping source: ${p}`);
    }
    if (fresh.length === 1) void vscode.window.showWarningMessage(`Verbatim skipped a source: ${fresh[0]}.`, 'Show Log').then((a) => a && this.log.show());
    else if (fresh.length > 1) void vscode.window.showWarningMessage(`Verbatim skipped ${fresh.length} sources that cannot be used.`, 'Show Log').then((a) => a && this.log.show());
  }

  dispose(): void {
    clearTimeout(this.reloadTimer);
    this.building?.abort();
    for (const d of [...this.watchers, ...this.disposables]) d.dispose();
  }
}

function isInside(uri: vscode.Uri, folder: vscode.Uri): boolean {
  const base = folder.path.endsWith('/') ? folder.path : folder.path + '/';
  return uri.scheme === folder.scheme && uri.authority === folder.authority && uri.path.startsWith(base);
}
