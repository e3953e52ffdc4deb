// The built-in article (and the extracted text of web pages, captions, PDFs and Word documents) opens as a
// read-only document: a read-only file system over the built-in sources, so VS Code
// itself refuses edits (a text content provider would not).
import * as vscode from 'vscode';
import { opensAsText, SOURCE_SCHEME, type SourceStore } from './source-store';

class BuiltInSourcesFileSystem implements vscode.FileSystemProvider, vscode.Disposable {
  private readonly emitter = new vscode.EventEmitter<vscode.FileChangeEvent[]>();
  readonly onDidChangeFile = this.emitter.event;

  constructor(private readonly store: SourceStore) {}

  dispose(): void {
    this.emitter.dispose();
  }

  private async textOf(uri: vscode.Uri): Promise<Uint8Array> {
    await this.store.ready();
    const id = uri.path.replace(/^\//, '').replace(/\.txt$/, '');
    const source = await this.store.sourceById(id);
    if (!source || !opensAsText(source)) throw vscode.FileSystemError.FileNotFound(uri);
    return new TextEncoder().encode(source.text);
  }

  async stat(uri: vscode.Uri): Promise<vscode.FileStat> {
    if (uri.path === '/') return { type: vscode.FileType.Directory, ctime: 0, mtime: 0, size: 0 };
    const bytes = await this.textOf(uri);
    return { type: vscode.FileType.File, ctime: 0, mtime: 0, size: bytes.length, permissions: vscode.FilePermission.Readonly };
  }

  readFile(uri: vscode.Uri): Promise<Uint8Array> {
    return this.textOf(uri);
  }

  readDirectory(): [string, vscode.FileType][] {
    return this.store.current.sources.filter(opensAsText).map((s) => [`${s.meta.id}.txt`, vscode.FileType.File]);
  }

  watch(): vscode.Disposable {
    return new vscode.Disposable(() => undefined);
  }

  createDirectory(uri: vscode.Uri): never {
    throw vscode.FileSystemError.NoPermissions(uri);
  }
  writeFile(uri: vscode.Uri): never {
    throw vscode.FileSystemError.NoPermissions(uri);
  }
  delete(uri: vscode.Uri): never {
    throw vscode.FileSystemError.NoPermissions(uri);
  }
  rename(uri: vscode.Uri): never {
    throw vscode.FileSystemError.NoPermissions(uri);
  }
}

export function registerSourceDocuments(store: SourceStore): vscode.Disposable {
  const fileSystem = new BuiltInSourcesFileSystem(store);
  return vscode.Disposable.from(vscode.workspace.registerFileSystemProvider(SOURCE_SCHEME, fileSystem, { isReadonly: true, isCaseSensitive: true }), fileSystem);
}
