// The palette commands (category "Verbatim"). Each edit is one undo step.

import * as vscode from 'vscode';
import { decodeText, type QuoteRef, type TextEdit } from '../core';
import { readCitationFiles } from './citation-files';
import type { SourceStore } from './source-store';
import type { MisquoteDiagnostics } from './misquote-diagnostics';
import type { SourcesNode } from './sources-view';
import { readSettings } from './settings';
import { sourceLabel } from './quote-completions';
import { toRange, toWorkspaceEdit } from './convert';

const LANGUAGE_EXTENSIONS: Record<string, string[]> = { markdown: ['md', 'markdown'], plaintext: ['txt'] };

export function registerCommands(store: SourceStore, diagnostics: MisquoteDiagnostics): vscode.Disposable {
  const register = vscode.commands.registerCommand;
  return vscode.Disposable.from(
    register('verbatim.insertQuote', (query?: unknown) => insertQuote(store, typeof query === 'string' ? query : '')),
    register('verbatim.insertQuoteFromView', (node?: SourcesNode) => {
      const editor = vscode.window.activeTextEditor;
      if (node?.kind === 'quote' && editor) return insertQuotation(store, editor, { quote: node.quote, source: node.source });
      void vscode.window.showInformationMessage('Open a draft to insert the quote into.');
      return false;
    }),
    register('verbatim.copyQuote', async (node?: SourcesNode) => {
      if (node?.kind !== 'quote') return;
      await vscode.env.clipboard.writeText(`“${node.quote.text}”`);
      vscode.window.setStatusBarMessage('Verbatim: quote copied', 2000);
    }),
    register('verbatim.citeSelection', () => citeSelection(store)),
    register('verbatim.checkWorkspace', () => checkWorkspace(store, diagnostics)),
    register('verbatim.openSource', (id?: string, start?: number, end?: number) => openSource(store, id, start, end)),
    register('verbatim.reloadSources', async () => {
      await store.reloadAll();
      vscode.window.setStatusBarMessage(`Verbatim: ${store.current.sources.length} source(s), ${store.current.quoteCount} quote(s)`, 3000);
      return store.current.quoteCount;
    }),
  );
}

async function insertQuote(store: SourceStore, query: string): Promise<boolean> {
  const editor = vscode.window.activeTextEditor;
  if (!editor) {
    void vscode.window.showInformationMessage('Open a draft to insert a quote into.');
    return false;
  }
  await store.ready();
  type Item = vscode.QuickPickItem & QuoteRef;
  const item = ({ quote, source }: QuoteRef, alwaysShow: boolean): Item => ({
    label: quote.text.replace(/\s+/g, ' '),
    description: quote.speaker ?? 'unattributed',
    detail: `${sourceLabel(source)}${source.meta.date ? ` · ${source.meta.date}` : ''}`,
    alwaysShow,
    quote,
    source,
  });
  const all = (await store.current.quotes({ limit: 1000 })).map((entry) => item(entry, false));
  const pick = vscode.window.createQuickPick<Item>();
  pick.placeholder = 'Search the quotes of your sources: any words, in any order';
  pick.matchOnDescription = true;
  pick.matchOnDetail = true;
  // The core's keyword search (words from anywhere in a quote, typos, numbers, stems) decides the list and its
  // order; VS Code's own filter would hide quotes whose words are not in the typed order.
  // Answers come from the worker: only the answer to the latest value is shown.
  let latest = '';
  const update = async (value: string) => {
    latest = value;
    pick.busy = true;
    const found = value.trim() ? (await store.current.search(value, { limit: 100 }).catch(() => [])).map((hit) => item(hit, true)) : [];
    if (latest !== value) return;
    pick.items = found.length ? found : all;
    pick.busy = false;
  };
  pick.onDidChangeValue((value) => void update(value));
  pick.value = query;
  await update(query);
  const picked = await new Promise<Item | undefined>((resolve) => {
    pick.onDidAccept(() => resolve(pick.selectedItems[0]));
    pick.onDidHide(() => resolve(undefined));
    pick.show();
  });
  pick.dispose();
  if (!picked) return false;
  return insertQuotation(store, editor, { quote: picked.quote, source: picked.source });
}

/** Replaces the selection with the quote, its attribution and citation in the configured style. */
export async function insertQuotation(store: SourceStore, editor: vscode.TextEditor, entry: QuoteRef): Promise<boolean> {
  const document = editor.document;
  const selection = { start: document.offsetAt(editor.selection.start), end: document.offsetAt(editor.selection.end) };
  const files = await readCitationFiles(document, store.extensionUri);
  reportProblems(files.problems);
  return applyEdits(editor, await store.current.insertQuote(document.getText(), entry, selection, files.style, files));
}

async function citeSelection(store: SourceStore): Promise<boolean> {
  const editor = vscode.window.activeTextEditor;
  if (!editor || editor.selection.isEmpty) {
    void vscode.window.showInformationMessage('Select the quoted words to cite.');
    return false;
  }
  await store.ready();
  const document = editor.document;
  const span = { start: document.offsetAt(editor.selection.start), end: document.offsetAt(editor.selection.end) };
  const files = await readCitationFiles(document, store.extensionUri);
  reportProblems(files.problems);
  const cited = await store.current.cite(document.getText(), span, files.style, files);
  if (!cited) {
    void vscode.window.showWarningMessage('Verbatim could not find the selected words in any source, so it cannot cite them.');
    return false;
  }
  if (cited.citation.problem) reportProblems([`Verbatim cited with a footnote instead: ${cited.citation.problem}.`]);
  return applyEdits(editor, cited.edits);
}

/** Tells the writer why the configured citation style or bibliography was not used. */
function reportProblems(problems: readonly string[]): void {
  if (problems.length) void vscode.window.showWarningMessage(problems.join(' '));
}

/** The engine's edits as one undo step, against the version they were computed for. */
function applyEdits(editor: vscode.TextEditor, edits: readonly TextEdit[]): Thenable<boolean> {
  return vscode.workspace.applyEdit(toWorkspaceEdit(editor.document, edits));
}

async function checkWorkspace(store: SourceStore, diagnostics: MisquoteDiagnostics): Promise<{ drafts: number; findings: number }> {
  await store.ready();
  const settings = readSettings();
  const extensions = settings.languages.flatMap((l) => LANGUAGE_EXTENSIONS[l] ?? []);
  if (extensions.length === 0) return { drafts: 0, findings: 0 };
  const sourceUris = new Set(store.current.sources.map((s) => s.meta.path));
  const uris = await vscode.workspace.findFiles(`**/*.{${extensions.join(',')}}`, '**/node_modules/**');
  let drafts = 0;
  let findings = 0;
  for (const uri of uris) {
    if (sourceUris.has(uri.toString())) continue;
    const open = vscode.workspace.textDocuments.find((d) => d.uri.toString() === uri.toString());
    let text = open?.getText();
    if (text === undefined) {
      const decoded = decodeText(await vscode.workspace.fs.readFile(uri));
      if (!decoded.ok) continue;
      text = decoded.text;
    }
    drafts++;
    findings += await diagnostics.setForText(uri, text);
  }
  await vscode.commands.executeCommand('workbench.actions.view.problems');
  vscode.window.setStatusBarMessage(`Verbatim checked ${drafts} draft(s): ${findings} finding(s)`, 5000);
  return { drafts, findings };
}

async function openSource(store: SourceStore, id?: string, start?: number, end?: number): Promise<boolean> {
  await store.ready();
  let source = id ? store.current.sources.find((s) => s.meta.id === id) : undefined;
  if (!source) {
    const picked = await vscode.window.showQuickPick(
      store.current.sources.map((source) => ({ label: sourceLabel(source), description: source.meta.date ?? '', source })),
      { placeHolder: 'Open which source?' },
    );
    source = picked?.source;
  }
  if (!source) return false;
  const document = await vscode.workspace.openTextDocument(store.uriOf(source));
  const s = typeof start === 'number' ? start : 0;
  const e = typeof end === 'number' ? end : s;
  const selection = toRange(document, { start: s, end: e });
  await vscode.window.showTextDocument(document, { preview: true, selection });
  return true;
}
