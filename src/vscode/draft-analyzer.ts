// One check per document version, shared by diagnostics, hovers, quick fixes and the status bar.

import * as vscode from 'vscode';
import { checkDraft, type DraftCheck, type QuoteIndex } from '../core';
import type { SourceStore } from './source-store';
import { readSettings } from './settings';

interface Entry {
  version: number;
  index: QuoteIndex;
  options: string;
  result: DraftCheck;
}

export class DraftAnalyzer {
  private readonly cache = new Map<string, Entry>();

  constructor(private readonly store: SourceStore) {}

  /** The check of the document as it is now (computed once per version, index and settings). */
  analyze(document: vscode.TextDocument): DraftCheck {
    return this.analyzeText(document.uri, document.version, document.getText());
  }

  analyzeText(uri: vscode.Uri, version: number, text: string): DraftCheck {
    const key = uri.toString();
    const settings = readSettings(uri);
    const options = { minQuoteWords: settings.minQuoteWords, severities: settings.severity };
    const optionsKey = JSON.stringify(options);
    const index = this.store.current;
    const hit = this.cache.get(key);
    if (hit && hit.version === version && hit.index === index && hit.options === optionsKey) return hit.result;
    const result = checkDraft(index, text, options);
    this.cache.set(key, { version, index, options: optionsKey, result });
    return result;
  }

  /** The cached check for exactly this version, if there is one (never recomputed). */
  cached(document: vscode.TextDocument): DraftCheck | undefined {
    const hit = this.cache.get(document.uri.toString());
    return hit && hit.version === document.version ? hit.result : undefined;
  }

  forget(uri: vscode.Uri): void {
    this.cache.delete(uri.toString());
  }
}
