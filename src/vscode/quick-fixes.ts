// Quick fixes: the engine's fixes for a diagnostic (matched on its code and range, never its message), and
// "Add citation" on a quotation that the engine says the sources confirm.

import * as vscode from 'vscode';
import { isCslStyle, type QuoteCheck } from '../core';
import type { DraftAnalyzer } from './draft-analyzer';
import { readCitationFiles } from './citation-files';
import type { SourceStore } from './source-store';
import { DIAGNOSTIC_SOURCE } from './misquote-diagnostics';
import { isServedDocument, readSettings } from './settings';
import { toRange, toWorkspaceEdit } from './convert';

/** "Add citation" with a CSL style or a bibliography: reading files and running the processor, done when chosen. */
class CitationAction extends vscode.CodeAction {
  constructor(
    title: string,
    readonly document: vscode.TextDocument,
    readonly check: QuoteCheck,
  ) {
    super(title, vscode.CodeActionKind.QuickFix);
  }
}

class QuickFixProvider implements vscode.CodeActionProvider<vscode.CodeAction> {
  static readonly kinds = [vscode.CodeActionKind.QuickFix];

  constructor(
    private readonly analyzer: DraftAnalyzer,
    private readonly store: SourceStore,
  ) {}

  async provideCodeActions(document: vscode.TextDocument, range: vscode.Range, context: vscode.CodeActionContext): Promise<vscode.CodeAction[]> {
    if (!isServedDocument(document)) return [];
    const actions: vscode.CodeAction[] = [];
    const quote = await this.analyzer.quotationAt(document, document.offsetAt(range.start));
    for (const diagnostic of context.diagnostics) {
      if (diagnostic.source !== DIAGNOSTIC_SOURCE) continue;
      const code = typeof diagnostic.code === 'object' ? diagnostic.code.value : diagnostic.code;
      // Findings of this version only: a diagnostic from an older version finds no partner and gets no fix.
      const findings = await this.analyzer.findingsAt(document, document.offsetAt(diagnostic.range.start));
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
      const settings = readSettings(document);
      const style = settings.citationStyle;
      const label = isCslStyle(style) && !['apa', 'mla', 'chicago'].includes(style) ? style.split(/[\\/]/).pop()! : style;
      if (isCslStyle(style) || settings.bibliography) {
        // Resolved when chosen (resolveCodeAction): building a CSL processor can take a second or two.
        if (this.store.current.isConfirmed(check) && !(style === 'inline' && check.attribution)) actions.push(new CitationAction(`Add citation (${label})`, document, check));
      } else {
        const edits = await this.store.current.citeQuotation(document.getText(), check, style);
        if (edits) {
          const action = new vscode.CodeAction(`Add citation (${label})`, vscode.CodeActionKind.QuickFix);
          action.edit = toWorkspaceEdit(document, edits);
          actions.push(action);
        }
      }
    }
    return actions;
  }

  async resolveCodeAction(action: vscode.CodeAction): Promise<vscode.CodeAction> {
    if (!(action instanceof CitationAction) || action.edit) return action;
    const files = await readCitationFiles(action.document, this.store.extensionUri);
    for (const p of files.problems) void vscode.window.showWarningMessage(p);
    const edits = await this.store.current.citeQuotation(action.document.getText(), action.check, files.style, files);
    if (edits) action.edit = toWorkspaceEdit(action.document, edits);
    return action;
  }
}

export function registerQuickFixes(selector: vscode.DocumentSelector, analyzer: DraftAnalyzer, store: SourceStore): vscode.Disposable {
  return vscode.languages.registerCodeActionsProvider(selector, new QuickFixProvider(analyzer, store), { providedCodeActionKinds: QuickFixProvider.kinds });
}
