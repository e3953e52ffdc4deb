// Hovers: the fact-check of the quotation under the pointer, and of the writer's own sentence (claim) around it.
// A quotation keeps its own hover and the check of its frame (`Witkoff told CNN on Saturday, "…"`) joins it.
// Source text is escaped by the engine; the only command the hover may run is ours (opening the source).

import * as vscode from 'vscode';
import type { DraftAnalyzer } from './draft-analyzer';
import type { SourceStore } from './source-store';
import { isServedDocument } from './settings';
import { toRange } from './convert';

/** Links in a hover open the source there, with this command (the only one the hover may run). */
const linkCommand = 'verbatim.openSource';

export function registerQuoteHovers(selector: vscode.DocumentSelector, analyzer: DraftAnalyzer, store: SourceStore): vscode.Disposable {
  return vscode.languages.registerHoverProvider(selector, {
    async provideHover(document, position) {
      if (!isServedDocument(document)) return undefined;
      const offset = document.offsetAt(position);
      const [quoted, claimed] = await Promise.all([analyzer.quotationAt(document, offset), analyzer.claimAt(document, offset)]);
      const quote = quoted?.check;
      const claim = claimed?.check;
      if (!quote && !claim) return undefined;
      const service = store.current;
      const parts = await Promise.all([
        quote ? service.explain(quote, { linkCommand }) : '',
        claim ? service.explainClaim(claim, { linkCommand }).then((text) => (quote ? '**The sentence around it:** ' : '') + text) : '',
      ]);
      const contents = new vscode.MarkdownString(parts.filter(Boolean).join('\n\n---\n\n'));
      contents.isTrusted = { enabledCommands: [linkCommand] };
      contents.supportHtml = false;
      return new vscode.Hover(contents, toRange(document, quote ? quote.outerSpan : claim!.span));
    },
  });
}
