// Hovers: the fact-check of the quotation under the pointer. Source text is escaped by the engine; the only
// command the hover may run is ours (opening the source).

import * as vscode from 'vscode';
import type { DraftAnalyzer } from './draft-analyzer';
import type { SourceStore } from './source-store';
import { isServedDocument } from './settings';
import { toRange } from './convert';

export function registerQuoteHovers(selector: vscode.DocumentSelector, analyzer: DraftAnalyzer, store: SourceStore): vscode.Disposable {
  return vscode.languages.registerHoverProvider(selector, {
    provideHover(document, position) {
      if (!isServedDocument(document)) return undefined;
      const quote = analyzer.quotationAt(document, document.offsetAt(position))?.check;
      if (!quote) return undefined;
      const markdown = store.current.explain(quote, {
        linkToSource: (id, start, end) => `command:verbatim.openSource?${encodeURIComponent(JSON.stringify([id, start, end]))}`,
      });
      const contents = new vscode.MarkdownString(markdown);
      contents.isTrusted = { enabledCommands: ['verbatim.openSource'] };
      contents.supportHtml = false;
      return new vscode.Hover(contents, toRange(document, quote.outerSpan));
    },
  });
}
