// The sources in use and the engine over them: the built-in article plus the files matching `verbatim.sources` in
// each workspace folder, read through the core's loadSources over vscode.workspace.fs, and kept current by file
// watchers. The index and the engine live in a worker the platform starts: this thread holds the sources' metadata
// and asks the worker its questions (`EngineService`). A changed, new or deleted file updates the worker's index
// in place (only that file is read and indexed); a change of settings or Reload Sources rebuilds it.
//
// A built index is saved in the extension's workspace storage. The next window loads it, checks it against the
// files (size and mtime; the content hash where those cannot decide) and reads again only what changed, so it
// answers without reading every source. A saved index that is corrupt, truncated, of another format or written by
// another build of the extension is refused by the worker and rebuilt.

import * as vscode from 'vscode';
import {
  BUILTIN_SOURCES,
  contentHash,
  createEngine,
  staleSources,
  indexSources,
  loadSources,
  serveLocally,
  type EngineService,
  type Source,
  type SourceFile,
  type SourceProblem,
  type SourceRef,
  type SourceReader,
  type SourceStat,
} from '../core';
import { readSettings } from './settings';
import { createWorkspaceSourceReader } from './workspace-source-reader';

export const SOURCE_SCHEME = 'verbatim-source';

/** Sources shown as their text (read-only) rather than as the file: the built-in article, and extracted text. */
export function opensAsText(source: SourceRef): boolean {
  return source.meta.builtIn || ['web-page', 'captions', 'pdf', 'docx'].includes(source.meta.kind ?? 'article');
}

/** The index worker as the store uses it (`IndexWorker` in src/index-worker/client.ts). */
export interface IndexWorkerHandle {
  readonly alive: boolean;
  build(
    files: readonly SourceFile[],
    options: { signal?: AbortSignal; stamps?: { path: string; size: number; mtime: number }[] },
  ): Promise<{ service: EngineService; problems: SourceProblem[] }>;
  update(files: readonly SourceFile[], removed: readonly string[], options: { signal?: AbortSignal }): Promise<{ service: EngineService; problems: SourceProblem[] }>;
  open(
    saved: Uint8Array | { path: string },
    engineVersion: string,
  ): Promise<{ service: EngineService; problems: SourceProblem[]; saved?: { stamps: { path: string; size: number; mtime: number; hash: string }[]; writtenAt: number } }>;
  save(engineVersion: string): Promise<Uint8Array>;
  save(engineVersion: string, path: string): Promise<number>;
  dispose(): void;
}

/** Where the index comes from, for the log and the tests (the extension's API). */
export interface IndexState {
  /** 'sources': built from the files; 'saved': loaded as saved; 'updated': loaded, then the changed files re-read. */
  origin: 'none' | 'sources' | 'saved' | 'updated';
  /** Source files read since the extension started (a saved index that is current reads none). */
  filesRead: number;
  /** When the index was last saved by this window, or null. */
  savedAt: number | null;
}

/** Where the index is saved, and which build of the engine may read it back. */
export interface IndexStorage {
  /** The folder (the extension's workspace storage). */
  folder: vscode.Uri;
  /** The extension's version and its engine's build: a saved index of any other is rebuilt. */
  engineVersion: () => Promise<string>;
  /** The worker reads and writes the file itself (a Node worker, a `file:` folder): it never passes through here. */
  workerHasFiles: boolean;
}

const SAVED_INDEX_FILE = 'sources.vbi';

/** How this platform starts an index worker (a Node worker thread, or a Web Worker); throws when it cannot. */
export type WorkerStarter = () => Promise<IndexWorkerHandle>;

type Stamp = { size: number; mtime: number };

export class SourceStore implements vscode.Disposable {
  private service: EngineService = serveLocally(createEngine());
  private readonly changed = new vscode.EventEmitter<EngineService>();
  /** Fires after the sources changed and the service was replaced. */
  readonly onDidChange = this.changed.event;
  private readonly disposables: vscode.Disposable[] = [this.changed];
  private readonly reader: SourceReader;
  private readonly state: IndexState = { origin: 'none', filesRead: 0, savedAt: null };
  /** Whether a saved index may still be tried (only by the first load of this window). */
  private mayOpenSaved = true;
  private readonly reported = new Set<string>();
  private watchers: vscode.Disposable[] = [];
  private generation = 0;
  private reloadTimer: ReturnType<typeof setTimeout> | undefined;
  private firstLoad: Promise<void> | undefined;
  private building: AbortController | undefined;
  private latest: Promise<void> | undefined;
  private worker: IndexWorkerHandle | undefined;
  /** The files the worker's index holds, as they were when read; null when the next reload must rebuild. */
  private indexed: Map<string, Stamp> | null = null;

  constructor(
    /** Where the extension's resources are (the built-in article, the CSL styles). */
    readonly extensionUri: vscode.Uri,
    private readonly log: vscode.LogOutputChannel,
    private readonly startWorker: WorkerStarter,
    private readonly storage?: IndexStorage,
  ) {
    const files = createWorkspaceSourceReader();
    this.reader = { list: (p) => files.list(p), stat: (p) => files.stat(p), read: (p) => (this.state.filesRead++, files.read(p)) };
    const rebuild = () => this.scheduleReload(0, true);
    this.disposables.push(
      vscode.workspace.onDidChangeConfiguration((e) => {
        if (e.affectsConfiguration('verbatim.sources') || e.affectsConfiguration('verbatim.includeBuiltInSources')) rebuild();
      }),
      vscode.workspace.onDidChangeWorkspaceFolders(rebuild),
      vscode.workspace.onDidGrantWorkspaceTrust(rebuild),
    );
  }

  /** The engine over the sources as last loaded. */
  get current(): EngineService {
    return this.service;
  }

  /** Where the index came from and how many files were read (a copy). */
  indexState(): IndexState {
    return { ...this.state };
  }

  /** Resolves once the first load has finished (it starts on first call, not at activation). */
  ready(): Promise<void> {
    this.firstLoad ??= this.reload(true);
    return this.firstLoad;
  }

  /** A whole source (its text and quotes), asked of the engine. */
  sourceById(id: string): Promise<Source | undefined> {
    return this.service.source(id);
  }

  /**
   * Where a source can be opened: its file, or a read-only document of its text for the built-in article and for
   * sources whose text was extracted (web pages, captions, PDFs, Word documents), so that offsets land right.
   */
  uriOf(source: SourceRef): vscode.Uri {
    if (opensAsText(source)) return vscode.Uri.from({ scheme: SOURCE_SCHEME, path: `/${source.meta.id}.txt` });
    return vscode.Uri.parse(source.meta.path!);
  }

  /** Re-reads and re-indexes everything (the Reload Sources command). */
  reloadAll(): Promise<void> {
    this.reported.clear();
    return this.reload(true);
  }

  private scheduleReload(delay: number, full = false): void {
    clearTimeout(this.reloadTimer);
    if (full) this.indexed = null;
    // Many files changing at once (a checkout, a sync) become one reload.
    this.reloadTimer = setTimeout(() => void this.reload(full), delay);
  }

  /** Reloads, and resolves once the engine is current: a reload that a newer one overtakes waits for that one. */
  private async reload(full: boolean): Promise<void> {
    if (full) this.indexed = null;
    let run = this.refresh(full);
    this.latest = run;
    await run;
    while (this.latest !== run) {
      run = this.latest;
      await run;
    }
  }

  private async refresh(rewatch: boolean): Promise<void> {
    const generation = ++this.generation;
    const settings = readSettings();
    if (rewatch) this.watch(settings.sources);
    const builtIn = settings.includeBuiltInSources ? BUILTIN_SOURCES.map((b) => ({ path: this.builtInPath(b.file), id: b.id })) : [];
    if (this.mayOpenSaved) {
      this.mayOpenSaved = false;
      if (await this.openSaved(builtIn, settings.sources, generation)) return;
      if (generation !== this.generation) return;
    }
    const indexed = this.worker?.alive ? this.indexed : null;
    // With an index to update, files whose size and mtime did not change are not read again.
    const same = indexed ? (path: string, stat: SourceStat) => indexed.get(path)?.size === stat.size && indexed.get(path)?.mtime === stat.mtime : undefined;
    const loaded = await loadSources(this.reader, { patterns: settings.sources, builtIn }, undefined, same);
    if (generation !== this.generation) return; // a newer reload has started; its result wins
    this.building?.abort();
    const building = (this.building = new AbortController());
    let result: { service: EngineService; problems: SourceProblem[] };
    try {
      if (indexed && this.worker) {
        const removed = [...indexed.keys()].filter((path) => !loaded.stamps.has(path));
        if (loaded.files.length === 0 && removed.length === 0) return;
        result = await this.worker.update(loaded.files, removed, { signal: building.signal });
      } else {
        const stamps = [...loaded.stamps].map(([path, s]) => ({ path, ...s }));
        result = await this.rebuild(loaded.files, building.signal, stamps);
        this.state.origin = 'sources';
        void this.save();
      }
    } catch (err) {
      if ((err as Error).name === 'AbortError') return;
      this.log.warn(`Indexing in a worker failed (${(err as Error).message}); indexing here instead.`);
      this.worker?.dispose();
      this.worker = undefined;
      const all = indexed ? await loadSources(this.reader, { patterns: settings.sources, builtIn }) : loaded;
      const inThread = await indexSources(all.files);
      result = { service: serveLocally(inThread.engine), problems: inThread.problems };
      this.state.origin = 'sources';
    }
    if (generation !== this.generation) return;
    this.indexed = this.worker ? loaded.stamps : null;
    this.service = result.service;
    this.log.info(`Indexed ${this.service.sources.length} source(s) with ${this.service.quoteCount} quote(s).`);
    this.report([...loaded.problems, ...result.problems]);
    this.changed.fire(this.service);
  }

  /** A new worker builds the index; the old one answers until the new one is ready. */
  private async rebuild(
    files: readonly SourceFile[],
    signal: AbortSignal,
    stamps: { path: string; size: number; mtime: number }[],
  ): Promise<{ service: EngineService; problems: SourceProblem[] }> {
    const worker = await this.startWorker();
    try {
      const result = await worker.build(files, { signal, stamps });
      this.worker?.dispose();
      this.worker = worker;
      return result;
    } catch (err) {
      worker.dispose();
      throw err;
    }
  }

  /**
   * Loads the saved index, if there is one the worker accepts, and brings it up to date with the files: only those
   * whose size and mtime (or, when the mtime is too close to the saving to tell, content) changed are read. True
   * when the engine now answers from it.
   */
  private async openSaved(builtIn: { path: string; id: string }[], patterns: readonly string[], generation: number): Promise<boolean> {
    if (!this.storage) return false;
    const file = vscode.Uri.joinPath(this.storage.folder, SAVED_INDEX_FILE);
    let savedFile: Uint8Array | { path: string };
    try {
      if (this.storage.workerHasFiles) {
        await vscode.workspace.fs.stat(file);
        savedFile = { path: file.fsPath };
      } else savedFile = await vscode.workspace.fs.readFile(file);
    } catch {
      return false; // none saved yet
    }
    let worker: IndexWorkerHandle | undefined;
    try {
      const engineVersion = await this.storage.engineVersion();
      // Listed and checked, not read.
      const listed = await loadSources(this.reader, { patterns, builtIn }, undefined, () => true);
      worker = await this.startWorker();
      const opened = await worker.open(savedFile, engineVersion);
      const saved = opened.saved!;
      const now = [...listed.stamps].map(([path, s]) => ({ path, ...s }));
      const stale = await staleSources(saved.stamps, now, async (path) => contentHash(await this.reader.read(path)), { writtenAt: saved.writtenAt });
      let result: { service: EngineService; problems: SourceProblem[] } = opened;
      if (!stale.fresh) {
        const reread = new Set([...stale.changed, ...stale.added]);
        const changed = await loadSources(this.reader, { patterns, builtIn }, undefined, (path) => !reread.has(path));
        result = await worker.update(changed.files, stale.removed, {});
        result = { ...result, problems: [...opened.problems.filter((p) => !reread.has(p.path) && !stale.removed.includes(p.path)), ...changed.problems, ...result.problems] };
        this.log.info(
          `The saved index was current but for ${stale.changed.length} changed, ${stale.added.length} new and ${stale.removed.length} removed file(s): only those were read.`,
        );
      }
      if (generation !== this.generation) {
        worker.dispose();
        return false;
      }
      this.worker?.dispose();
      this.worker = worker;
      this.indexed = listed.stamps;
      this.state.origin = stale.fresh ? 'saved' : 'updated';
      this.service = result.service;
      this.log.info(`Loaded the saved index: ${this.service.sources.length} source(s) with ${this.service.quoteCount} quote(s).`);
      this.report([...listed.problems, ...result.problems]);
      this.changed.fire(this.service);
      return true;
    } catch (err) {
      worker?.dispose();
      this.log.info(`Not using the saved index: ${(err as Error).message}. Reading the sources instead.`);
      return false;
    }
  }

  /** Saves the index as built, in the background: to a temporary file first, then renamed over the old one. */
  private async save(): Promise<void> {
    const worker = this.worker;
    if (!this.storage || !worker) return;
    try {
      const engineVersion = await this.storage.engineVersion();
      const file = vscode.Uri.joinPath(this.storage.folder, SAVED_INDEX_FILE);
      if (this.storage.workerHasFiles) {
        const size = await worker.save(engineVersion, file.fsPath);
        this.state.savedAt = Date.now();
        this.log.info(`Saved the index (${(size / 1e6).toFixed(1)} MB).`);
        return;
      }
      const bytes = await worker.save(engineVersion);
      // A unique temporary name: two windows saving at once each rename a whole file over the other's.
      const temp = vscode.Uri.joinPath(this.storage.folder, `${SAVED_INDEX_FILE}.${Date.now()}-${Math.random().toString(36).slice(2)}.tmp`);
      await vscode.workspace.fs.createDirectory(this.storage.folder);
      await vscode.workspace.fs.writeFile(temp, bytes);
      await vscode.workspace.fs.rename(temp, file, { overwrite: true });
      this.state.savedAt = Date.now();
      this.log.info(`Saved the index (${(bytes.length / 1e6).toFixed(1)} MB).`);
    } catch (err) {
      this.log.warn(`Could not save the index: ${(err as Error).message}`);
    }
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
        // Only what changed is read and indexed again: size and mtime tell; a deleted file leaves the listing.
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
    this.worker?.dispose();
    for (const d of [...this.watchers, ...this.disposables]) d.dispose();
  }
}
