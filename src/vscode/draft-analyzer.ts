// One check per document version, shared by diagnostics, quick fixes, hovers and the status bar. A whole-draft check
// runs in slices (one quotation at a time, yielding in between) and stops when the document changes; a hover or a
// quick fix that needs one quotation now checks just that one.

import * as vscode from 'vscode';
import type { CheckOptions, DraftCheck, QuotationResult, VerbatimEngine } from '../core';
import { readSettings } from './settings';

interface Entry {
  version: number;
  engine: VerbatimEngine;
  options: string;
  result: DraftCheck;
}

/** What the analyzer needs of its surroundings: injected, so it can be tested without an editor. */
export interface AnalyzerDeps {
  /** The engine over the current sources. */
  engine: () => VerbatimEngine;
  /** The check options in effect for a document. */
  options: (uri: vscode.Uri) => Partial<CheckOptions>;
}

// setTimeout, not setImmediate: the web worker extension host has no setImmediate.
const yieldToHost = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

export function settingsOptions(uri: vscode.Uri): Partial<CheckOptions> {
  const settings = readSettings(uri);
  return { minQuoteWords: settings.minQuoteWords, severities: settings.severity };
}

export class DraftAnalyzer implements vscode.Disposable {
  private readonly cache = new Map<string, Entry>();
  private readonly analyzed = new vscode.EventEmitter<vscode.Uri>();
  /** Fires when a whole-document check has finished. */
  readonly onDidAnalyze = this.analyzed.event;
  private readonly disposables: vscode.Disposable[];

  constructor(private readonly deps: AnalyzerDeps) {
    // A closed document's check is never asked for again.
    this.disposables = [this.analyzed, vscode.workspace.onDidCloseTextDocument((d) => this.forget(d.uri))];
  }

  private optionsFor(uri: vscode.Uri): { options: Partial<CheckOptions>; key: string } {
    const options = this.deps.options(uri);
    return { options, key: JSON.stringify(options) };
  }

  /** The finished check of exactly this version (with the current sources and settings), if there is one. */
  cached(document: vscode.TextDocument): DraftCheck | undefined {
    return this.cachedFor(document.uri, document.version);
  }

  private cachedFor(uri: vscode.Uri, version: number): DraftCheck | undefined {
    const hit = this.cache.get(uri.toString());
    return hit && hit.version === version && hit.engine === this.deps.engine() && hit.options === this.optionsFor(uri).key ? hit.result : undefined;
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
    const engine = this.deps.engine();
    const { options, key } = this.optionsFor(uri);
    try {
      const result = await engine.checkDraftAsync(text, options, { yieldToHost, isCancelled: () => isStale() || engine !== this.deps.engine() });
      this.cache.set(uri.toString(), { version, engine, options: key, result });
      this.analyzed.fire(uri);
      return result;
    } catch (err) {
      if ((err as Error).name === 'AbortError') return undefined;
      throw err;
    }
  }

  /** The check of the quotation at an offset: from the finished check when there is one, else just that quotation. */
  quotationAt(document: vscode.TextDocument, offset: number): QuotationResult | undefined {
    return this.deps.engine().checkQuotationAt(document.getText(), offset, this.optionsFor(document.uri).options, this.cached(document));
  }

  forget(uri: vscode.Uri): void {
    this.cache.delete(uri.toString());
  }

  dispose(): void {
    for (const d of this.disposables) d.dispose();
  }
}
