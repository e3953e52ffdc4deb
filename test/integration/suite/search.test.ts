// Finding a quote by any words the writer remembers (issue 13), in a real VS Code: completions that pick up
// mid-quote, the Insert Quote picker's keyword search and the Sources view's filter.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { accept, acceptFirstPick, closeAll, completionsAt, extensionApi, hoverText, newDraft, positionOf, sourcesReady, whenEvent } from './helpers';

const label = (i: vscode.CompletionItem) => (typeof i.label === 'string' ? i.label : i.label.label);

suite('Search by remembered words', () => {
  suiteSetup(sourcesReady);
  teardown(closeAll);

  test('a fragment from the middle of a quote, after an opening mark, offers the continuation', async () => {
    const editor = await newDraft('Von der Leyen said the coalition “is ready to');
    const items = await completionsAt(editor.document, positionOf(editor.document, 'is ready to'));
    assert.ok(items.length > 0, 'there are suggestions');
    assert.equal(label(items[0]!), 'is ready to do its share,');
    assert.match(items[0]!.detail ?? '', /^Ursula von der Leyen · alaska-summit-2025-08-18$/);
  });

  test('accepting the continuation leaves a quotation with no finding', async () => {
    const { statusBarText, onDidUpdateStatusBar } = await extensionApi();
    const editor = await newDraft('Zelensky said that “our main task');
    const items = await completionsAt(editor.document, positionOf(editor.document, 'our main task'));
    assert.ok(label(items[0]!).startsWith('our main task: We need security'), label(items[0]!));
    await accept(editor, items[0]!);
    assert.equal(editor.document.getText(), 'Zelensky said that “our main task: We need security to work in practice like Article 5 of NATO,”');
    await whenEvent(onDidUpdateStatusBar, statusBarText, (t) => /^\$\(quote\) 1 verified( \$\(law\) \d+ supported)?$/.test(t ?? ''), 'one verified quotation and nothing flagged');
    assert.deepEqual(vscode.languages.getDiagnostics(editor.document.uri), []);
    const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', editor.document.uri, positionOf(editor.document, 'main task', 'start'));
    assert.match(hoverText(hovers), /Fragment/i);
  });

  test('the Insert Quote picker finds a quote by keywords from its middle', async () => {
    const editor = await newDraft('');
    assert.equal(await acceptFirstPick('verbatim.insertQuote', 'coalition willing share'), true);
    assert.ok(editor.document.getText().startsWith("“We welcome President Trump's willingness"), editor.document.getText());
    assert.match(editor.document.getText(), /is ready to do its share,” von der Leyen said\.$/);
  });

  test('the Sources view filter keeps the quotes that hold the words', async () => {
    const { sourcesTree } = await extensionApi();
    await vscode.commands.executeCommand('verbatim.filterSources', 'gamechanging');
    try {
      const roots = (await sourcesTree.getChildren()) ?? [];
      assert.equal(roots.length, 1);
      const speakers = (await sourcesTree.getChildren(roots[0]!)) ?? [];
      assert.deepEqual(await Promise.all(speakers.map(async (n) => (await sourcesTree.getTreeItem(n)).label)), ['Steve Witkoff']);
      const quotes = (await sourcesTree.getChildren(speakers[0]!)) ?? [];
      assert.deepEqual(await Promise.all(quotes.map(async (n) => (await sourcesTree.getTreeItem(n)).label)), ['game-changing.']);
    } finally {
      await vscode.commands.executeCommand('verbatim.clearSourcesFilter');
    }
    assert.ok(((await sourcesTree.getChildren()) ?? []).length >= 2, 'clearing the filter shows every source again');
  });
});
