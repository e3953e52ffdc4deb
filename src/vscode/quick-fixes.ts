// Quick fixes: the engine's fixes for a diagnostic (matched on its code and range, never its message), and
// "Add citation" on a quotation that the engine says the sources confirm.

import * as vscode from 'vscode';
import type { DraftAnalyzer } from './draft-analyzer';
import type { SourceStore } from './source-store';
import { DIAGNOSTIC_SOURCE } from './misquote-diagnostics';
import { isServedDocument, readSettings } from './settings';
import { toRange, toWorkspaceEdit } from './convert';

class QuickFixProvider implements vscode.CodeActionProvider {
  static readonly kinds = [vscode.CodeActionKind.QuickFix];

  constructor(
    private readonly analyzer: DraftAnalyzer,
    private readonly store: SourceStore,
  ) {}

  provideCodeActions(document: vscode.TextDocument, range: vscode.Range, context: vscode.CodeActionContext): vscode.CodeAction[] {
    if (!isServedDocument(document)) return [];
    const actions: vscode.CodeAction[] = [];
    const quote = this.analyzer.quotationAt(document, document.offsetAt(range.start));
    for (const diagnostic of context.diagnostics) {
      if (diagnostic.source !== DIAGNOSTIC_SOURCE) continue;
      const code = typeof diagnostic.code === 'object' ? diagnostic.code.value : diagnostic.code;
      // Findings of this version only: a diagnostic from an older version finds no partner and gets no fix.
      const findings = this.analyzer.cached(document)?.findings ?? this.analyzer.quotationAt(document, document.offsetAt(diagnostic.range.start))?.findings ?? [];
      const finding = findings.find((f) => f.code === code && toRange(document, f.span).isEqual(diagnostic.range));
      for (const fix of finding?.fixes ?? []) {
        const action = new vscode.CodeAction(fix.title, vscode.CodeActionKind.QuickFix);
        action.edit = toWorkspaceEdit(document, fix.edits);
        action.diagnostics = [diagnostic];
        action.isPreferred = fix.preferred ?? false;
        actions.push(action);
      }
    }
    const check = quote?.check;
    if (check) {
      const style = readSettings(document).citationStyle;
      const edits = this.store.current.citeQuotation(document.getText(), check, style);
      if (edits) {
        const action = new vscode.CodeAction(`Add citation (${style})`, vscode.CodeActionKind.QuickFix);
        action.edit = toWorkspaceEdit(document, edits);
        actions.push(action);
      }
    }
    return actions;
  }
}

export function registerQuickFixes(selector: vscode.DocumentSelector, analyzer: DraftAnalyzer, store: SourceStore): vscode.Disposable {
  return vscode.languages.registerCodeActionsProvider(selector, new QuickFixProvider(analyzer, store), { providedCodeActionKinds: QuickFixProvider.kinds });
}
