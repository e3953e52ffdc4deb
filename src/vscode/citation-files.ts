// The files a citation style needs, read through vscode.workspace.fs: a built-in style's CSL from the extension's
// resources/csl/, or a `.csl` file in the workspace (`verbatim.citationStyle`), the locale, and the writer's
// bibliography (`verbatim.bibliography`). One function, so the reading can move behind the engine's reader.

import * as vscode from 'vscode';
import { CSL_LOCALE_FILE, CSL_STYLE_FILES, isCslStyle, parseBibliography, type Bibliography, type CslStyle } from '../core';
import { readSettings } from './settings';

export interface CitationFiles {
  style: string;
  csl: CslStyle | null;
  bibliography: Bibliography | null;
  /** What could not be read, in one sentence per file. */
  problems: string[];
}

const cache = new Map<string, { mtime: number; text: string }>();

async function readText(uri: vscode.Uri): Promise<string> {
  const stat = await vscode.workspace.fs.stat(uri);
  const hit = cache.get(uri.toString());
  if (hit && hit.mtime === stat.mtime) return hit.text;
  const text = new TextDecoder().decode(await vscode.workspace.fs.readFile(uri));
  cache.set(uri.toString(), { mtime: stat.mtime, text });
  return text;
}

/** A setting's path: relative to the document's workspace folder, and never outside the workspace. */
function workspaceUri(setting: string, document: vscode.TextDocument | undefined): vscode.Uri | null {
  const folder = (document && vscode.workspace.getWorkspaceFolder(document.uri)) ?? vscode.workspace.workspaceFolders?.[0];
  if (!folder) return null;
  const uri = vscode.Uri.joinPath(folder.uri, setting.replace(/\\/g, '/').replace(/^\.\//, ''));
  const base = folder.uri.path.endsWith('/') ? folder.uri.path : folder.uri.path + '/';
  return uri.path.startsWith(base) ? uri : null;
}

export async function readCitationFiles(document: vscode.TextDocument | undefined, extensionUri: vscode.Uri): Promise<CitationFiles> {
  const settings = readSettings(document);
  const style = settings.citationStyle;
  const problems: string[] = [];
  let csl: CslStyle | null = null;
  if (isCslStyle(style)) {
    const builtIn = CSL_STYLE_FILES[style as keyof typeof CSL_STYLE_FILES];
    const uri = builtIn ? vscode.Uri.joinPath(extensionUri, 'resources', 'csl', builtIn) : workspaceUri(style, document);
    try {
      if (!uri) throw new Error('outside the workspace');
      const xml = await readText(uri);
      if (!/<style\b/.test(xml)) throw new Error('no <style> element');
      csl = { xml, locale: await readText(vscode.Uri.joinPath(extensionUri, 'resources', 'csl', CSL_LOCALE_FILE)) };
    } catch (err) {
      problems.push(`The citation style ${style} cannot be used (${(err as Error).message}).`);
    }
  }
  let bibliography: Bibliography | null = null;
  if (settings.bibliography) {
    const uri = workspaceUri(settings.bibliography, document);
    try {
      if (!uri) throw new Error('outside the workspace');
      const parsed = parseBibliography(await readText(uri), settings.bibliography);
      if (!parsed.ok) throw new Error(parsed.reason);
      bibliography = parsed.bibliography;
    } catch (err) {
      problems.push(`The bibliography ${settings.bibliography} cannot be used (${(err as Error).message}).`);
    }
  }
  return { style, csl, bibliography, problems };
}
