// One check per document version, shared by diagnostics, quick fixes and the status bar. A whole-draft check runs
// in slices (one quotation at a time, yielding in between) and stops when the document changes; a hover or a quick
// fix that needs one quotation now checks just that one.

import * as vscode from 'vscode';
import { checkDraftAsync, checkQuotationAt, quotationAt, type CheckOptions, type DraftCheck, type Finding, type QuoteCheck, type QuoteIndex } from '../core';
import type { SourceStore } from './source-store';
import { readSettings } from './settings';

interface Entry {
  version: number;
  index: QuoteIndex;
  options: string;
  result: DraftCheck;
}

const yieldToHost = () => new Promise<void>((resolve) => setImmediate(resolve));

export class DraftAnalyzer implements vscode.Disposable {
  private readonly cache = new Map<string, Entry>();
  private readonly analyzed = new vscode.EventEmitter<vscode.Uri>();
  /** Fires when a whole-document check has finished. */
  readonly onDidAnalyze = this.analyzed.event;

  constructor(private readonly store: SourceStore) {}

  private options(uri: vscode.Uri): { options: Partial<CheckOptions>; key: string } {
    const settings = readSettings(uri);
    const options = { minQuoteWords: settings.minQuoteWords, severities: settings.severity };
    return { options, key: JSON.stringify(options) };
  }

  /** The finished check of exactly this version (with the current sources and settings), if there is one. */
  cached(document: vscode.TextDocument): DraftCheck | undefined {
    return this.cachedFor(document.uri, document.version);
  }

  private cachedFor(uri: vscode.Uri, version: number): DraftCheck | undefined {
    const hit = this.cache.get(uri.toString());
    return hit && hit.version === version && hit.index === this.store.current && hit.options === this.options(uri).key ? hit.result : undefined;
  }

  /**
   * Checks the whole document. Resolves to undefined when the document changed (or closed) before the check was
   * done: results for an older version are never used.
   */
  async analyze(document: vscode.TextDocument, token?: vscode.CancellationToken): Promise<DraftCheck | undefined> {
    const version = document.version;
    return this.analyzeText(document.uri, version, document.getText(), () => document.isClosed || document.version !== version || token?.isCancellationRequested === true);
  }

  async analyzeText(uri: vscode.Uri, version: number, text: string, isStale: () => boolean = () => false): Promise<DraftCheck | undefined> {
    const hit = this.cachedFor(uri, version);
    if (hit) return hit;
    const index = this.store.current;
    const { options, key } = this.options(uri);
    try {
      const result = await checkDraftAsync(index, text, options, { yieldToHost, isCancelled: () => isStale() || index !== this.store.current });
      this.cache.set(uri.toString(), { version, index, options: key, result });
      this.analyzed.fire(uri);
      return result;
    } catch (err) {
      if ((err as Error).name === 'AbortError') return undefined;
      throw err;
    }
  }

  /** The check of the quotation at an offset: from the finished check when there is one, else just that quotation. */
  quotationAt(document: vscode.TextDocument, offset: number): { check: QuoteCheck; findings: Finding[] } | undefined {
    const full = this.cached(document);
    if (full) {
      const check = quotationAt(full, offset);
      return check && { check, findings: full.findings.filter((f) => f.span.start >= check.outerSpan.start && f.span.end <= check.outerSpan.end) };
    }
    return checkQuotationAt(this.store.current, document.getText(), offset, this.options(document.uri).options);
  }

  forget(uri: vscode.Uri): void {
    this.cache.delete(uri.toString());
  }

  dispose(): void {
    this.analyzed.dispose();
  }
}
