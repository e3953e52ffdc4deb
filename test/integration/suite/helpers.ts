// Helpers for the in-editor tests: everything goes through VS Code's public API, and waits are on events with a
// deadline, never sleeps.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';

export const workspaceUri = () => vscode.workspace.workspaceFolders![0]!.uri;
export const fileUri = (rel: string) => vscode.Uri.joinPath(workspaceUri(), rel);

export async function openDraft(rel: string): Promise<vscode.TextEditor> {
  const doc = await vscode.workspace.openTextDocument(fileUri(rel));
  return vscode.window.showTextDocument(doc);
}

let drafts = 0;

/**
 * A new untitled Markdown draft with the given text. Each has its own name: a closed untitled document's name can
 * otherwise be handed out again while VS Code still holds the old document.
 */
export async function newDraft(text: string): Promise<vscode.TextEditor> {
  const uri = vscode.Uri.from({ scheme: 'untitled', path: `/draft-${Date.now()}-${++drafts}.md` });
  const editor = await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(uri));
  assert.equal(editor.document.languageId, 'markdown');
  if (text) assert.ok(await editor.edit((b) => b.insert(new vscode.Position(0, 0), text)));
  return editor;
}

/** Resolves when `predicate` holds for the document's Verbatim diagnostics; checks now, then on every change. */
export function waitForDiagnostics(uri: vscode.Uri, predicate: (d: readonly vscode.Diagnostic[]) => boolean, what: string, timeoutMs = 15_000): Promise<vscode.Diagnostic[]> {
  const ours = () => vscode.languages.getDiagnostics(uri).filter((d) => d.source === 'Verbatim');
  return new Promise((resolve, reject) => {
    if (predicate(ours())) return resolve(ours());
    const timer = setTimeout(() => {
      sub.dispose();
      reject(new Error(`timed out waiting for diagnostics: ${what}; have ${JSON.stringify(ours().map((d) => codeOf(d)))}`));
    }, timeoutMs);
    const sub = vscode.languages.onDidChangeDiagnostics((e) => {
      if (!e.uris.some((u) => u.toString() === uri.toString())) return;
      if (predicate(ours())) {
        clearTimeout(timer);
        sub.dispose();
        resolve(ours());
      }
    });
  });
}

export function codeOf(d: vscode.Diagnostic): string {
  return typeof d.code === 'object' ? String(d.code.value) : String(d.code);
}

export const codes = (ds: readonly vscode.Diagnostic[]) => ds.map(codeOf).sort();

/** The position just after `needle` (or at its start) in the document. */
export function positionOf(doc: vscode.TextDocument, needle: string, at: 'start' | 'end' = 'end', from = 0): vscode.Position {
  const i = doc.getText().indexOf(needle, from);
  assert.ok(i >= 0, `"${needle}" is in the document`);
  return doc.positionAt(at === 'end' ? i + needle.length : i);
}

export async function completionsAt(doc: vscode.TextDocument, pos: vscode.Position): Promise<vscode.CompletionItem[]> {
  const list = await vscode.commands.executeCommand<vscode.CompletionList>('vscode.executeCompletionItemProvider', doc.uri, pos);
  return list.items.filter((i) => i.detail?.includes('·'));
}

/** Applies a completion item the way accepting it does: its range replaced by its insert text, plus its other edits. */
export async function accept(editor: vscode.TextEditor, item: vscode.CompletionItem): Promise<void> {
  const range = item.range instanceof vscode.Range ? item.range : (item.range as { replacing: vscode.Range }).replacing;
  const text = typeof item.insertText === 'string' ? item.insertText : (item.insertText as vscode.SnippetString).value;
  const ok = await editor.edit((b) => {
    b.replace(range, text);
    for (const e of item.additionalTextEdits ?? []) b.replace(e.range, e.newText);
  });
  assert.ok(ok, 'the edit applied');
}

export function hoverText(hovers: vscode.Hover[]): string {
  return hovers.flatMap((h) => h.contents.map((c) => (typeof c === 'string' ? c : 'value' in c ? c.value : ''))).join('\n');
}

/** Waits for the sources to be indexed (the command resolves when the index is rebuilt). */
export async function sourcesReady(): Promise<number> {
  return (await vscode.commands.executeCommand<number>('verbatim.reloadSources')) ?? 0;
}

export async function closeAll(): Promise<void> {
  await vscode.commands.executeCommand('workbench.action.closeAllEditors');
}

/** Resolves when `ok` holds for `read()`: checks now, then each time `event` fires, with a deadline. */
export function whenEvent<T>(event: vscode.Event<unknown>, read: () => T, ok: (value: T) => boolean, what: string, timeoutMs = 10_000): Promise<T> {
  return new Promise((resolve, reject) => {
    if (ok(read())) return resolve(read());
    const timer = setTimeout(() => {
      sub.dispose();
      reject(new Error(`timed out waiting for ${what}; last value ${JSON.stringify(read())}`));
    }, timeoutMs);
    const sub = event(() => {
      if (!ok(read())) return;
      clearTimeout(timer);
      sub.dispose();
      resolve(read());
    });
  });
}

/** The extension's exported API (read-only views of its UI state), activating it if needed. */
export interface ExtensionApi {
  sourcesTree: vscode.TreeDataProvider<{ kind: string }>;
  statusBarText(): string | undefined;
  onDidUpdateStatusBar: vscode.Event<string>;
}

export async function extensionApi(): Promise<ExtensionApi> {
  const ext = vscode.extensions.getExtension<ExtensionApi>('verbatim.verbatim');
  assert.ok(ext, 'the extension is installed');
  return ext.activate();
}

/** Runs a command that opens a quick pick and accepts its first item, waiting until the command has finished. */
export async function acceptFirstPick(command: string, ...args: unknown[]): Promise<unknown> {
  let done = false;
  const result = Promise.resolve(vscode.commands.executeCommand(command, ...args)).finally(() => (done = true));
  const deadline = Date.now() + 10_000;
  while (!done) {
    assert.ok(Date.now() < deadline, `${command} finished`);
    await vscode.commands.executeCommand('workbench.action.acceptSelectedQuickOpenItem');
    await Promise.race([result, new Promise((r) => setTimeout(r, 100))]);
  }
  return result;
}
