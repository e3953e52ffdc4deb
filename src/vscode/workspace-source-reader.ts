// The extension's SourceReader: vscode.workspace.fs and findFiles, so sources are read the same way on the desktop,
// in remote workspaces and in the browser (vscode.dev). Paths are URIs as strings.

import * as vscode from 'vscode';
import type { SourceReader, SourceStat } from '../core';

/**
 * Lists a pattern in every workspace folder. A RelativePattern never matches outside its folder, so no setting can
 * point Verbatim elsewhere (which is what Restricted Mode relies on).
 */
export function createWorkspaceSourceReader(): SourceReader {
  return {
    async list(pattern) {
      const found = new Map<string, vscode.Uri>();
      for (const folder of vscode.workspace.workspaceFolders ?? []) {
        for (const uri of await vscode.workspace.findFiles(new vscode.RelativePattern(folder, pattern), '**/node_modules/**')) {
          if (isInside(uri, folder.uri)) found.set(uri.toString(), uri);
        }
      }
      return [...found.keys()].sort();
    },
    async stat(path): Promise<SourceStat | null> {
      try {
        const s = await vscode.workspace.fs.stat(vscode.Uri.parse(path));
        return { size: s.size, mtime: s.mtime, type: s.type & vscode.FileType.File ? 'file' : s.type & vscode.FileType.Directory ? 'directory' : 'other' };
      } catch (err) {
        if (err instanceof vscode.FileSystemError && err.code === 'FileNotFound') return null;
        throw err;
      }
    },
    read: async (path) => vscode.workspace.fs.readFile(vscode.Uri.parse(path)),
  };
}

function isInside(uri: vscode.Uri, folder: vscode.Uri): boolean {
  const base = folder.path.endsWith('/') ? folder.path : folder.path + '/';
  return uri.scheme === folder.scheme && uri.authority === folder.authority && uri.path.startsWith(base);
}
