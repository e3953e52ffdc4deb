import * as assert from 'node:assert/strict';
import { acceptFirstPick, closeAll, extensionApi, newDraft, openDraft, sourcesReady, waitForDiagnostics, whenEvent } from './helpers';

suite('Views, status bar and pickers', () => {
  suiteSetup(sourcesReady);
  teardown(closeAll);

  test('the Sources view lists source → speaker → quotes, with counts', async () => {
    const { sourcesTree } = await extensionApi();
    const roots = (await sourcesTree.getChildren()) ?? [];
    const labels = await Promise.all(roots.map(async (n) => (await sourcesTree.getTreeItem(n)).label));
    assert.deepEqual(labels, [
      'alaska-summit-2025-08-18',
      'Dockers walk out over pay offer',
      'Riverside council backs night ferry & new pier',
      'Transport minister on the northern rail closure',
    ]);
    const alaska = await sourcesTree.getTreeItem(roots[0]!);
    assert.match(String(alaska.description), /7 quotes · built-in/);
    const speakers = (await sourcesTree.getChildren(roots[0]!)) ?? [];
    const speakerItems = await Promise.all(speakers.map((n) => sourcesTree.getTreeItem(n)));
    assert.deepEqual(
      speakerItems.map((i) => [i.label, i.description]),
      [
        ['Steve Witkoff', '5'],
        ['Ursula von der Leyen', '1'],
        ['Volodymyr Zelenskyy', '1'],
      ],
    );
    const quotes = (await sourcesTree.getChildren(speakers[2]!)) ?? [];
    const quote = await sourcesTree.getTreeItem(quotes[0]!);
    assert.ok(String(quote.label).startsWith('There are no details how it will work'));
    assert.equal(quote.contextValue, 'quote');
    assert.equal(quote.command?.command, 'verbatim.openSource');
  });

  test('the status bar counts verified and flagged quotations of the active draft', async () => {
    const { statusBarText, onDidUpdateStatusBar } = await extensionApi();
    const editor = await openDraft('drafts/summit.md');
    await waitForDiagnostics(editor.document.uri, (d) => d.length >= 5, 'findings');
    await whenEvent(
      onDidUpdateStatusBar,
      statusBarText,
      (t) => /^\$\(quote\) 2 verified \$\(warning\) 5 flagged \$\(law\) \d+ supported/.test(t ?? ''),
      'the summit draft’s counts',
    );
    await newDraft('Witkoff called it “game-changing.”');
    await whenEvent(onDidUpdateStatusBar, statusBarText, (t) => /^\$\(quote\) 1 verified( \$\(law\) \d+ supported)?$/.test(t ?? ''), 'the new draft’s counts');
  });

  test('Insert Quote… picks a quote and inserts it with its attribution', async () => {
    const editor = await newDraft('');
    assert.equal(await acceptFirstPick('verbatim.insertQuote'), true);
    assert.equal(editor.document.getText(), '“was the first time we had ever heard the Russians agree to that,” Witkoff said.');
  });
});
