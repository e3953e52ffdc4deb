// Completions inside an open quotation: the source quotes that match what was typed, in the source's exact words.

import * as vscode from 'vscode';
import { escapeMarkdown, locatorText, type SourceRef } from '../core';
import { readCitationFiles } from './citation-files';
import type { SourceStore } from './source-store';
import { isServedDocument, readSettings } from './settings';
import { toRange } from './convert';

export const QUOTE_TRIGGER_CHARACTERS = ['"', '“', '«', '„', '‘', "'"];

export function sourceLabel(source: SourceRef): string {
  return source.meta.title ?? source.meta.id;
}

export function registerQuoteCompletions(selector: vscode.DocumentSelector, store: SourceStore): vscode.Disposable {
  return vscode.languages.registerCompletionItemProvider(
    selector,
    {
      async provideCompletionItems(document, position) {
        if (!isServedDocument(document)) return undefined;
        await store.ready();
        const text = document.getText();
        const settings = readSettings(document);
        // A CSL style or a bibliography is read only when the completion inserts a citation.
        const resources = settings.insertAttribution ? await readCitationFiles(document, store.extensionUri) : undefined;
        const options = { insertAttribution: settings.insertAttribution, style: settings.citationStyle, ...(resources ? { resources } : {}) };
        // The worker answers with the items and the edits each makes.
        const completion = await store.current.complete(text, document.offsetAt(position), options);
        if (!completion) return undefined;
        // A completion's range must stay on the cursor's line; typed words on earlier lines are removed separately.
        const lineStart = document.offsetAt(new vscode.Position(position.line, 0));
        const rangeStart = Math.max(completion.replace.start, lineStart);
        const earlier = rangeStart > completion.replace.start ? [vscode.TextEdit.delete(toRange(document, { start: completion.replace.start, end: rangeStart }))] : [];
        const typedOnLine = text.slice(rangeStart, document.offsetAt(position));
        const items = completion.items.map((s, rank) => {
          const quote = s.quote;
          // The words to insert: the whole quote, or its continuation from where the typed words matched.
          const words = s.text;
          const item = new vscode.CompletionItem({ label: shorten(words, 60), description: quote.speaker ?? undefined }, vscode.CompletionItemKind.Text);
          const where = locatorText(quote.locator);
          item.detail = `${quote.speaker ?? 'Unattributed'} · ${sourceLabel(s.source)}${where ? ` · ${where}` : ''}`;
          item.documentation = new vscode.MarkdownString(escapeMarkdown(quote.context));
          item.range = toRange(document, { start: rangeStart, end: completion.replace.end });
          // Verbatim ranks by its own fuzzy match (typos, skipped words); VS Code must not filter those out again.
          item.filterText = typedOnLine;
          item.sortText = String(rank).padStart(5, '0');
          // The engine's edits: the first replaces what was typed, the rest (a footnote) go elsewhere.
          const [main, ...rest] = s.edits;
          item.insertText = main!.newText;
          item.additionalTextEdits = [...earlier, ...rest.map((e) => vscode.TextEdit.replace(toRange(document, e.span), e.newText))];
          return item;
        });
        return new vscode.CompletionList(items, true);
      },
    },
    ...QUOTE_TRIGGER_CHARACTERS,
  );
}

function shorten(s: string, n: number): string {
  const flat = s.replace(/\s+/g, ' ').trim();
  return flat.length > n ? flat.slice(0, n - 1) + '…' : flat;
}
