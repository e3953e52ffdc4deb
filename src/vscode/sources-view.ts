// The Sources view in the Explorer: source → speaker → quotes, with counts. A source's quotes are asked of the
// engine when it is expanded.
import * as vscode from 'vscode';
import { locatorText, type Quote, type SourceKind, type SourceRef, type SourceSummary } from '../core';
import type { SourceStore } from './source-store';
import { sourceLabel } from './quote-completions';

export type SourcesNode =
  { kind: 'source'; source: SourceSummary } | { kind: 'speaker'; source: SourceSummary; speaker: string; quotes: Quote[] } | { kind: 'quote'; source: SourceSummary; quote: Quote };

const quoteKey = (source: SourceRef, quote: Quote) => `${source.meta.id}#${quote.id}`;

/** How each kind of source reads and looks in the view. */
const KINDS: Record<SourceKind, { label: string; icon: string }> = {
  article: { label: 'article', icon: 'book' },
  'web-page': { label: 'web page', icon: 'globe' },
  transcript: { label: 'transcript', icon: 'comment-discussion' },
  captions: { label: 'captions', icon: 'device-camera-video' },
  pdf: { label: 'PDF', icon: 'file-pdf' },
  docx: { label: 'Word document', icon: 'file' },
};

class SourcesTree implements vscode.TreeDataProvider<SourcesNode>, vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<void>();
  readonly onDidChangeTreeData = this.changed.event;
  private readonly subscription: vscode.Disposable;
  /** The quotes a filter keeps (the core's keyword search, by source and quote id), or null for all. */
  private kept: Promise<Set<string>> | null = null;
  filter = '';

  constructor(private readonly store: SourceStore) {
    this.subscription = store.onDidChange(() => {
      this.kept = null;
      this.changed.fire();
    });
  }

  dispose(): void {
    this.subscription.dispose();
    this.changed.dispose();
  }

  setFilter(query: string): void {
    this.filter = query.trim();
    this.kept = null;
    this.changed.fire();
  }

  /** The keys of the quotes the filter keeps, or null when there is no filter. */
  private keptQuotes(): Promise<Set<string> | null> {
    if (!this.filter) return Promise.resolve(null);
    this.kept ??= this.store.current.search(this.filter, { limit: 500 }).then((hits) => new Set(hits.map((h) => quoteKey(h.source, h.quote))));
    return this.kept;
  }

  /** A source's quotes (those the filter keeps). */
  private async quotesOf(source: SourceSummary): Promise<Quote[]> {
    const [full, kept] = await Promise.all([this.store.sourceById(source.meta.id), this.keptQuotes()]);
    return (full?.quotes ?? []).filter((q) => !kept || kept.has(quoteKey(source, q)));
  }

  async getChildren(node?: SourcesNode): Promise<SourcesNode[]> {
    if (!node) {
      await this.store.ready();
      const kept = await this.keptQuotes();
      const ids = kept && new Set([...kept].map((k) => k.slice(0, k.lastIndexOf('#'))));
      return this.store.current.sources.filter((source) => source.quoteCount > 0 && (!ids || ids.has(source.meta.id))).map((source) => ({ kind: 'source' as const, source }));
    }
    if (node.kind === 'source') {
      const bySpeaker = new Map<string, Quote[]>();
      for (const q of await this.quotesOf(node.source)) {
        const key = q.speaker ?? 'Unattributed';
        bySpeaker.set(key, [...(bySpeaker.get(key) ?? []), q]);
      }
      return [...bySpeaker.entries()].map(([speaker, quotes]) => ({ kind: 'speaker' as const, source: node.source, speaker, quotes }));
    }
    if (node.kind === 'speaker') return node.quotes.map((quote) => ({ kind: 'quote' as const, source: node.source, quote }));
    return [];
  }

  async getParent(node: SourcesNode): Promise<SourcesNode | undefined> {
    if (node.kind === 'source') return undefined;
    if (node.kind === 'speaker') return { kind: 'source', source: node.source };
    const speaker = node.quote.speaker ?? 'Unattributed';
    const quotes = (await this.quotesOf(node.source)).filter((q) => (q.speaker ?? 'Unattributed') === speaker);
    return { kind: 'speaker', source: node.source, speaker, quotes };
  }

  getTreeItem(node: SourcesNode): vscode.TreeItem {
    switch (node.kind) {
      case 'source': {
        const item = new vscode.TreeItem(sourceLabel(node.source), vscode.TreeItemCollapsibleState.Expanded);
        const n = node.source.quoteCount;
        const kind = KINDS[node.source.meta.kind ?? 'article'];
        item.description = `${node.source.meta.date ?? ''} · ${kind.label} · ${n} quote${n === 1 ? '' : 's'}${node.source.meta.builtIn ? ' · built-in' : ''}`.replace(/^ · /, '');
        item.tooltip = new vscode.MarkdownString().appendText(
          [kind.label, node.source.meta.title, node.source.meta.outlet, node.source.meta.author, node.source.meta.url].filter(Boolean).join(' · ') || node.source.meta.id,
        );
        item.iconPath = new vscode.ThemeIcon(kind.icon);
        item.contextValue = 'source';
        item.command = { command: 'verbatim.openSource', title: 'Open Source', arguments: [node.source.meta.id] };
        return item;
      }
      case 'speaker': {
        const item = new vscode.TreeItem(node.speaker, vscode.TreeItemCollapsibleState.Collapsed);
        item.description = `${node.quotes.length}`;
        item.iconPath = new vscode.ThemeIcon('person');
        item.contextValue = 'speaker';
        return item;
      }
      case 'quote': {
        const text = node.quote.text.replace(/\s+/g, ' ');
        const item = new vscode.TreeItem(text.length > 80 ? text.slice(0, 79) + '…' : text, vscode.TreeItemCollapsibleState.None);
        const where = locatorText(node.quote.locator);
        item.tooltip = new vscode.MarkdownString().appendText(`“${node.quote.text}” — ${node.quote.speaker ?? 'unattributed'}${where ? `, ${where}` : ''}`);
        if (where) item.description = where;
        item.iconPath = new vscode.ThemeIcon('quote');
        item.contextValue = 'quote';
        item.command = { command: 'verbatim.openSource', title: 'Open Source', arguments: [node.source.meta.id, node.quote.offset.start, node.quote.offset.end] };
        return item;
      }
    }
  }
}

/** Registers the view and its filter commands; the Disposable also carries the view and its tree (for the API). */
export function registerSourcesView(store: SourceStore): vscode.Disposable & { view: vscode.TreeView<SourcesNode>; tree: vscode.TreeDataProvider<SourcesNode> } {
  const tree = new SourcesTree(store);
  const view = vscode.window.createTreeView('verbatim.sources', { treeDataProvider: tree, showCollapseAll: true });
  const setFilter = (query: string) => {
    tree.setFilter(query);
    view.message = tree.filter ? `Quotes matching “${tree.filter}”` : undefined;
    void vscode.commands.executeCommand('setContext', 'verbatim.sourcesFiltered', tree.filter !== '');
  };
  const disposable = vscode.Disposable.from(
    view,
    tree,
    vscode.commands.registerCommand('verbatim.filterSources', async (query?: unknown) => {
      const value =
        typeof query === 'string' ? query : await vscode.window.showInputBox({ prompt: 'Show the quotes that hold these words (any order, typos allowed)', value: tree.filter });
      if (value !== undefined) setFilter(value);
    }),
    vscode.commands.registerCommand('verbatim.clearSourcesFilter', () => setFilter('')),
  );
  return Object.assign(disposable, { view, tree });
}
