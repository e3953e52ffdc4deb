// Diagnostics: owns the DiagnosticCollection, follows open/change/close/settings/source events, debounces, and
// drops results computed for an older version of a document.

import * as vscode from 'vscode';
import type { Finding } from '../core';
import type { DraftAnalyzer } from './draft-analyzer';
import type { SourceStore } from './source-store';
import { isServedDocument, readSettings } from './settings';
import { toRange, toSeverity } from './convert';
import { LineMap } from '../core';

export const DIAGNOSTIC_SOURCE = 'Verbatim';

export class MisquoteDiagnostics implements vscode.Disposable {
  readonly collection = vscode.languages.createDiagnosticCollection('verbatim');
  private readonly timers = new Map<string, ReturnType<typeof setTimeout>>();
  private readonly disposables: vscode.Disposable[] = [this.collection];

  constructor(
    private readonly analyzer: DraftAnalyzer,
    store: SourceStore,
    private readonly docsUri: vscode.Uri,
  ) {
    this.disposables.push(
      vscode.workspace.onDidOpenTextDocument((d) => this.schedule(d, 0)),
      vscode.workspace.onDidChangeTextDocument((e) => {
        if (e.contentChanges.length > 0) this.schedule(e.document, readSettings(e.document).diagnosticsDelay);
      }),
      vscode.workspace.onDidCloseTextDocument((d) => this.clear(d.uri)),
      vscode.workspace.onDidChangeConfiguration((e) => {
        if (e.affectsConfiguration('verbatim')) this.refreshAll();
      }),
      store.onDidChange(() => this.refreshAll()),
    );
    void store.ready().then(() => this.refreshAll());
  }

  refreshAll(): void {
    for (const d of vscode.workspace.textDocuments) {
      if (isServedDocument(d)) this.schedule(d, 0);
      else this.collection.delete(d.uri);
    }
  }

  private schedule(document: vscode.TextDocument, delay: number): void {
    if (!isServedDocument(document)) return;
    const key = document.uri.toString();
    clearTimeout(this.timers.get(key));
    const version = document.version;
    this.timers.set(
      key,
      setTimeout(() => {
        this.timers.delete(key);
        // A newer edit re-scheduled this document, or it was closed: this run is stale.
        if (document.isClosed || document.version !== version) return;
        void this.update(document);
      }, delay),
    );
  }

  private async update(document: vscode.TextDocument): Promise<void> {
    const result = await this.analyzer.analyze(document);
    // Undefined: the document changed or closed meanwhile; the newer version's own run sets its diagnostics.
    if (!result || document.isClosed) return;
    this.collection.set(
      document.uri,
      result.findings.map((f) => this.toDiagnostic(f, toRange(document, f.span))),
    );
  }

  /** Diagnostics for a draft that is not open (Check Workspace Drafts). */
  async setForText(uri: vscode.Uri, text: string): Promise<number> {
    const result = await this.analyzer.analyzeText(uri, -1, text);
    if (!result) return 0;
    const lines = new LineMap(text);
    const toVs = (offset: number) => {
      const p = lines.positionAt(offset);
      return new vscode.Position(p.line, p.character);
    };
    this.collection.set(
      uri,
      result.findings.map((f) => this.toDiagnostic(f, new vscode.Range(toVs(f.span.start), toVs(f.span.end)))),
    );
    return result.findings.length;
  }

  private toDiagnostic(f: Finding, range: vscode.Range): vscode.Diagnostic {
    const d = new vscode.Diagnostic(range, f.message, toSeverity(f.severity));
    d.source = DIAGNOSTIC_SOURCE;
    d.code = { value: f.code, target: vscode.Uri.joinPath(this.docsUri, `${f.code}.md`) };
    return d;
  }

  private clear(uri: vscode.Uri): void {
    clearTimeout(this.timers.get(uri.toString()));
    this.timers.delete(uri.toString());
    this.collection.delete(uri);
    this.analyzer.forget(uri);
  }

  dispose(): void {
    for (const t of this.timers.values()) clearTimeout(t);
    for (const d of this.disposables) d.dispose();
  }
}

export function registerMisquoteDiagnostics(analyzer: DraftAnalyzer, store: SourceStore, docsUri: vscode.Uri): MisquoteDiagnostics {
  return new MisquoteDiagnostics(analyzer, store, docsUri);
}
