// The sources in use and the engine over them: the built-in article plus the files matching `verbatim.sources` in
// each workspace folder, read through the core's loadSources over vscode.workspace.fs, and kept current by file
// watchers. Parsing and indexing run in a worker the platform provides.

import * as vscode from 'vscode';
import { BUILTIN_SOURCES, createEngine, indexSources, loadSources, type Source, type SourceCache, type SourceFile, type SourceProblem, type VerbatimEngine } from '../core';
import { readSettings } from './settings';
import { createWorkspaceSourceReader } from './workspace-source-reader';

export const SOURCE_SCHEME = 'verbatim-source';

/** Sources shown as their text (read-only) rather than as the file: the built-in article, and extracted text. */
export function opensAsText(source: Source): boolean {
  return source.meta.builtIn || ['web-page', 'captions', 'pdf', 'docx'].includes(source.meta.kind ?? 'article');
}

/** How this platform parses and indexes sources off the editor's thread (a Node worker thread, or a Web Worker). */
export type IndexBuilder = (files: readonly SourceFile[], options: { signal: AbortSignal }) => Promise<{ engine: VerbatimEngine; problems: SourceProblem[] }>;

export class SourceStore implements vscode.Disposable {
  private engine: VerbatimEngine = createEngine();
  private readonly changed = new vscode.EventEmitter<VerbatimEngine>();
  /** Fires after the sources were loaded again and the engine replaced. */
  readonly onDidChange = this.changed.event;
  private readonly disposables: vscode.Disposable[] = [this.changed];
  private readonly fileCache: SourceCache = new Map();
  private readonly reader = createWorkspaceSourceReader();
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
    private readonly buildIndex: IndexBuilder,
  ) {
    this.disposables.push(
      vscode.workspace.onDidChangeConfiguration((e) => {
        if (e.affectsConfiguration('verbatim.sources') || e.affectsConfiguration('verbatim.includeBuiltInSources')) this.scheduleReload(0, true);
      }),
      vscode.workspace.onDidChangeWorkspaceFolders(() => this.scheduleReload(0, true)),
      vscode.workspace.onDidGrantWorkspaceTrust(() => this.scheduleReload(0, true)),
    );
  }

  /** The engine over the sources as last loaded. */
  get current(): VerbatimEngine {
    return this.engine;
  }

  /** Resolves once the first load has finished (it starts on first call, not at activation). */
  ready(): Promise<void> {
    this.firstLoad ??= this.reload(true);
    return this.firstLoad;
  }

  sourceById(id: string): Source | undefined {
    return this.engine.source(id);
  }

  /**
   * Where a source can be opened: its file, or a read-only document of its text for the built-in article and for
   * sources whose text was extracted (web pages, captions, PDFs, Word documents), so that offsets land right.
   */
  uriOf(source: Source): vscode.Uri {
    if (opensAsText(source)) return vscode.Uri.from({ scheme: SOURCE_SCHEME, path: `/${source.meta.id}.txt` });
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

  /** Reloads, and resolves once the engine is current: a reload that a newer one overtakes waits for that one. */
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
    const builtIn = settings.includeBuiltInSources ? BUILTIN_SOURCES.map((b) => ({ path: this.builtInPath(b.file), id: b.id })) : [];
    const loaded = await loadSources(this.reader, { patterns: settings.sources, builtIn }, this.fileCache);
    if (generation !== this.generation) return; // a newer reload has started; its result wins
    this.building?.abort();
    const building = (this.building = new AbortController());
    let built: { engine: VerbatimEngine; problems: SourceProblem[] };
    try {
      // Parsing and indexing run in a worker, so typing is never blocked by a large source set.
      built = await this.buildIndex(loaded.files, { signal: building.signal });
    } catch (err) {
      if ((err as Error).name === 'AbortError') return;
      this.log.warn(`Indexing in a worker failed (${(err as Error).message}); indexing here instead.`);
      built = await indexSources(loaded.files);
    }
    if (generation !== this.generation) return;
    this.engine = built.engine;
    this.log.info(`Indexed ${this.engine.sources.length} source(s) with ${this.engine.quoteCount} quote(s).`);
    this.report([...loaded.problems, ...built.problems]);
    this.changed.fire(this.engine);
  }

  private builtInPath(file: string): string {
    return vscode.Uri.joinPath(this.extensionUri, 'resources', file).toString();
  }

  private watch(patterns: readonly string[]): void {
    for (const w of this.watchers) w.dispose();
    this.watchers = [];
    for (const folder of vscode.workspace.workspaceFolders ?? []) {
      for (const pattern of patterns) {
        const watcher = vscode.workspace.createFileSystemWatcher(new vscode.RelativePattern(folder, pattern));
        // The cache compares size and mtime, so a changed file is read again; a deleted one leaves the listing.
        const changed = () => this.scheduleReload(100);
        this.watchers.push(watcher, watcher.onDidCreate(changed), watcher.onDidChange(changed), watcher.onDidDelete(changed));
      }
    }
  }

  /** Tells the writer once about each source that cannot be used; the others keep working. */
  private report(problems: readonly SourceProblem[]): void {
    const fresh = problems.map((p) => `${this.labelOf(p.path)} ${p.reason}`).filter((p) => !this.reported.has(p));
    for (const p of fresh) {
      this.reported.add(p);
      this.log.warn(`Skipping source: ${p}`);
    }
    if (fresh.length === 1) void vscode.window.showWarningMessage(`Verbatim skipped a source: ${fresh[0]}.`, 'Show Log').then((a) => a && this.log.show());
    else if (fresh.length > 1) void vscode.window.showWarningMessage(`Verbatim skipped ${fresh.length} sources that cannot be used.`, 'Show Log').then((a) => a && this.log.show());
  }

  /** A source's path as the writer knows it: relative to the workspace, or the built-in article's name. */
  private labelOf(path: string): string {
    const builtIn = BUILTIN_SOURCES.find((b) => this.builtInPath(b.file) === path);
    if (builtIn) return `the built-in ${builtIn.file}`;
    return /^[a-z][a-z0-9+.-]*:/i.test(path) ? vscode.workspace.asRelativePath(vscode.Uri.parse(path)) : path;
  }

  dispose(): void {
    clearTimeout(this.reloadTimer);
    this.building?.abort();
    for (const d of [...this.watchers, ...this.disposables]) d.dispose();
  }
}
