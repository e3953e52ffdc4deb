// Hovers: the fact-check of the quotation under the pointer, and of the writer's own sentence (claim) around it.
// A quotation keeps its own hover and the check of its frame (`Witkoff told CNN on Saturday, "…"`) joins it.
// Source text is escaped by the engine; the only command the hover may run is ours (opening the source).

import * as vscode from 'vscode';
import type { DraftAnalyzer } from './draft-analyzer';
import type { SourceStore } from './source-store';
import { isServedDocument } from './settings';
import { toRange } from './convert';

const linkToSource = (id: string, start: number, end: number) => `command:verbatim.openSource?${encodeURIComponent(JSON.stringify([id, start, end]))}`;

export function registerQuoteHovers(selector: vscode.DocumentSelector, analyzer: DraftAnalyzer, store: SourceStore): vscode.Disposable {
  return vscode.languages.registerHoverProvider(selector, {
    provideHover(document, position) {
      if (!isServedDocument(document)) return undefined;
      const offset = document.offsetAt(position);
      const quote = analyzer.quotationAt(document, offset)?.check;
      const claim = analyzer.claimAt(document, offset)?.check;
      if (!quote && !claim) return undefined;
      const parts: string[] = [];
      if (quote) parts.push(store.current.explain(quote, { linkToSource }));
      if (claim) parts.push((quote ? '**The sentence around it:** ' : '') + store.current.explainClaim(claim, { linkToSource }));
      const contents = new vscode.MarkdownString(parts.join('\n\n---\n\n'));
      contents.isTrusted = { enabledCommands: ['verbatim.openSource'] };
      contents.supportHtml = false;
      return new vscode.Hover(contents, toRange(document, quote ? quote.outerSpan : claim!.span));
    },
  });
}
