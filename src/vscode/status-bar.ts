// The status bar item for the active draft: how many quotations are verified and how many flagged, and how many of
// the writer's own sentences (claims) the sources support or contradict.
import * as vscode from 'vscode';
import type { DraftAnalyzer } from './draft-analyzer';
import type { SourceStore } from './source-store';
import { isServedDocument } from './settings';

/** Registers the item; the Disposable also carries the item and an event fired on each update (for the API). */
export function registerStatusBar(analyzer: DraftAnalyzer, store: SourceStore): vscode.Disposable & { item: vscode.StatusBarItem; onDidUpdate: vscode.Event<string> } {
  const item = vscode.window.createStatusBarItem('verbatim.status', vscode.StatusBarAlignment.Right, 100);
  const updated = new vscode.EventEmitter<string>();
  item.name = 'Verbatim';
  item.command = 'workbench.actions.view.problems';
  const update = () => {
    const editor = vscode.window.activeTextEditor;
    if (!editor || !isServedDocument(editor.document)) {
      item.text = '';
      item.hide();
      updated.fire(item.text);
      return;
    }
    const result = analyzer.cached(editor.document);
    if (!result) {
      // Checking: the analyzer's event brings the counts.
      item.text = '$(sync~spin) Checking quotes';
      item.tooltip = 'Verbatim is checking the quotations of this draft.';
      item.show();
      updated.fire(item.text);
      return;
    }
    const flagged = new Set(result.findings.filter((f) => !f.code.startsWith('claim-')).map((f) => f.span.start)).size;
    const verified = result.quotes.filter((q) => store.current.isVerified(q)).length;
    const claims = result.claims?.claims ?? [];
    const supported = claims.filter((c) => c.verdict === 'supported').length;
    const contradicted = claims.filter((c) => c.verdict === 'contradicted').length;
    const claimsText = supported + contradicted > 0 ? ` $(law) ${supported} supported${contradicted ? `, ${contradicted} contradicted` : ''}` : '';
    item.text = `$(quote) ${verified} verified${flagged ? ` $(warning) ${flagged} flagged` : ''}${claimsText}`;
    const claimsTip = claims.length
      ? ` Of your own ${claims.length} sentence${claims.length === 1 ? '' : 's'}, ${supported} supported, ${contradicted} contradicted, ${claims.length - supported - contradicted} not in the sources.`
      : '';
    item.tooltip = `Verbatim: ${verified} quotation${verified === 1 ? '' : 's'} match the sources, ${flagged} flagged.${claimsTip} Click to open the Problems panel.`;
    item.accessibilityInformation = { label: item.tooltip };
    item.show();
    updated.fire(item.text);
  };
  update();
  const disposable = vscode.Disposable.from(
    item,
    updated,
    vscode.window.onDidChangeActiveTextEditor(update),
    analyzer.onDidAnalyze((uri) => {
      if (uri.toString() === vscode.window.activeTextEditor?.document.uri.toString()) update();
    }),
    store.onDidChange(update),
  );
  return Object.assign(disposable, { item, onDidUpdate: updated.event });
}
