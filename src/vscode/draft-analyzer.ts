// One check per document version, shared by diagnostics, quick fixes, hovers and the status bar: the draft's
// quotations and, when claims are on, its own sentences. A whole-draft check runs in slices (one quotation or claim
// at a time, in the index worker) and stops when the document changes; a hover or a quick fix that needs one
// quotation or claim now checks just that one.

import * as vscode from 'vscode';
import {
  claimResultAt,
  quotationResultAt,
  type CheckOptions,
  type ClaimResult,
  type ClaimsResult,
  type DraftCheck,
  type EngineService,
  type Finding,
  type QuotationResult,
} from '../core';
import { readSettings } from './settings';

/** A draft's check: its quotations, its claims (null when claims are off), and every finding in document order. */
export interface DraftAnalysis extends DraftCheck {
  claims: ClaimsResult | null;
}

export interface AnalysisOptions {
  check: Partial<CheckOptions>;
  /** Whether the writer's own sentences are checked too. */
  claims: boolean;
}

interface Entry {
  version: number;
  engine: EngineService;
  options: string;
  result: DraftAnalysis;
}

/** What the analyzer needs of its surroundings: injected, so it can be tested without an editor. */
export interface AnalyzerDeps {
  /** The engine over the current sources. */
  engine: () => EngineService;
  /** The options in effect for a document. */
  options: (uri: vscode.Uri) => AnalysisOptions;
}

/** How often a running check looks whether its document changed (the check itself runs in the worker). */
const STALE_POLL_MS = 20;

export function settingsOptions(uri: vscode.Uri): AnalysisOptions {
  const settings = readSettings(uri);
  return { check: { minQuoteWords: settings.minQuoteWords, severities: settings.severity }, claims: settings['claims.enabled'] };
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

  private optionsFor(uri: vscode.Uri): { options: AnalysisOptions; key: string } {
    const options = this.deps.options(uri);
    return { options, key: JSON.stringify(options) };
  }

  /** The finished check of exactly this version (with the current sources and settings), if there is one. */
  cached(document: vscode.TextDocument): DraftAnalysis | undefined {
    return this.cachedFor(document.uri, document.version);
  }

  private cachedFor(uri: vscode.Uri, version: number): DraftAnalysis | undefined {
    const hit = this.cache.get(uri.toString());
    return hit && hit.version === version && hit.engine === this.deps.engine() && hit.options === this.optionsFor(uri).key ? hit.result : undefined;
  }

  /**
   * Checks the whole document. Resolves to undefined when the document changed (or closed) before the check was
   * done: results for an older version are never used.
   */
  async analyze(document: vscode.TextDocument, token?: vscode.CancellationToken): Promise<DraftAnalysis | undefined> {
    const version = document.version;
    return this.analyzeText(document.uri, version, document.getText(), () => document.isClosed || document.version !== version || token?.isCancellationRequested === true);
  }

  async analyzeText(uri: vscode.Uri, version: number, text: string, isStale: () => boolean = () => false): Promise<DraftAnalysis | undefined> {
    const hit = this.cachedFor(uri, version);
    if (hit) return hit;
    const engine = this.deps.engine();
    const { options, key } = this.optionsFor(uri);
    // The check stops when the document changes or the sources are replaced.
    const controller = new AbortController();
    const poll = setInterval(() => {
      if (isStale() || engine !== this.deps.engine()) controller.abort();
    }, STALE_POLL_MS);
    try {
      const quotes = await engine.checkDraft(text, options.check, controller.signal);
      const claims = options.claims ? await engine.checkClaims(text, { severities: options.check.severities ?? {} }, controller.signal) : null;
      if (controller.signal.aborted || isStale()) return undefined;
      const findings = [...quotes.findings, ...(claims?.findings ?? [])].sort((a, b) => a.span.start - b.span.start || a.span.end - b.span.end);
      const result: DraftAnalysis = { quotes: quotes.quotes, findings, claims };
      this.cache.set(uri.toString(), { version, engine, options: key, result });
      this.analyzed.fire(uri);
      return result;
    } catch (err) {
      if ((err as Error).name === 'AbortError') return undefined;
      throw err;
    } finally {
      clearInterval(poll);
    }
  }

  /** The check of the quotation at an offset: from the finished check when there is one, else just that quotation. */
  async quotationAt(document: vscode.TextDocument, offset: number): Promise<QuotationResult | undefined> {
    const cached = this.cached(document);
    if (cached) return quotationResultAt(cached, offset);
    return this.deps.engine().checkQuotationAt(document.getText(), offset, this.optionsFor(document.uri).options.check);
  }

  /** The check of the claim (the writer's own sentence) at an offset, when claims are on. */
  async claimAt(document: vscode.TextDocument, offset: number): Promise<ClaimResult | undefined> {
    const { options } = this.optionsFor(document.uri);
    if (!options.claims) return undefined;
    const cached = this.cached(document)?.claims;
    if (cached) return claimResultAt(cached, offset);
    return this.deps.engine().checkClaimAt(document.getText(), offset, { severities: options.check.severities ?? {} });
  }

  /** The findings of this version at an offset: from the finished check, else from checking what stands there. */
  async findingsAt(document: vscode.TextDocument, offset: number): Promise<Finding[]> {
    const full = this.cached(document);
    if (full) return full.findings;
    const [quote, claim] = await Promise.all([this.quotationAt(document, offset), this.claimAt(document, offset)]);
    return [...(quote?.findings ?? []), ...(claim?.findings ?? [])];
  }

  forget(uri: vscode.Uri): void {
    this.cache.delete(uri.toString());
  }

  dispose(): void {
    for (const d of this.disposables) d.dispose();
  }
}
