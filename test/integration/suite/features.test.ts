import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { accept, closeAll, codeOf, codes, completionsAt, fileUri, hoverText, newDraft, openDraft, positionOf, sourcesReady, waitForDiagnostics } from './helpers';

const Q3 =
  'We were able to win the following concession: That the United States could offer Article 5-like protection, which is one of the real reasons why Ukraine wants to be in NATO,';

suite('Verbatim in a real VS Code', () => {
  suiteSetup(async () => {
    await vscode.extensions.getExtension('verbatim.verbatim')?.activate();
    const quotes = await sourcesReady();
    assert.ok(quotes >= 14, `the built-in article and the workspace source are indexed (${quotes} quotes)`);
  });
  teardown(closeAll);

  suite('completions', () => {
    test('inside an open quotation, a typo still finds the quote; accepting inserts the exact words and closes the mark', async () => {
      const editor = await newDraft('Witkoff told CNN, “We were abel to win');
      const items = await completionsAt(editor.document, positionOf(editor.document, 'abel to win'));
      assert.ok(items.length > 0, 'there are suggestions');
      const first = items[0]!;
      const label = typeof first.label === 'string' ? first.label : first.label.label;
      assert.ok(label.startsWith('We were able to win'), label);
      assert.match(first.detail ?? '', /^Steve Witkoff · alaska-summit-2025-08-18$/);
      await accept(editor, first);
      assert.equal(editor.document.getText(), `Witkoff told CNN, “${Q3}”`);
    });

    test('a mark typed on its own lists every quote, and the person named on the line ranks first', async () => {
      const editor = await newDraft('Zelensky said “');
      const items = await completionsAt(editor.document, editor.document.positionAt(editor.document.getText().length));
      assert.ok(items.length >= 14, `${items.length} quotes listed: ${JSON.stringify(items.map((i) => [i.label, i.detail, i.filterText, i.range]))}`);
      assert.match(items[0]!.detail ?? '', /^Volodymyr Zelenskyy ·/);
      assert.ok(
        items.some((i) => /Margaret O'Donnell · Dockers walk out over pay offer/.test(i.detail ?? '')),
        'workspace sources are offered too',
      );
    });

    test('outside a quotation there are no quote completions', async () => {
      const editor = await newDraft('Witkoff told CNN that we were able');
      assert.deepEqual(await completionsAt(editor.document, editor.document.positionAt(editor.document.getText().length)), []);
    });

    test('with insertAttribution on, accepting adds the attribution', async () => {
      const config = vscode.workspace.getConfiguration('verbatim');
      await config.update('insertAttribution', true, vscode.ConfigurationTarget.Workspace);
      try {
        const editor = await newDraft('He said "game chang');
        const items = await completionsAt(editor.document, editor.document.positionAt(editor.document.getText().length));
        await accept(editor, items[0]!);
        assert.equal(editor.document.getText(), 'He said "game-changing," Witkoff said.');
      } finally {
        await config.update('insertAttribution', undefined, vscode.ConfigurationTarget.Workspace);
      }
    });
  });

  suite('hovers', () => {
    test('a misquote shows the verdict, the speaker, the source and the word diff, with no foreign command links', async () => {
      const editor = await openDraft('drafts/summit.md');
      const hovers = await vscode.commands.executeCommand<vscode.Hover[]>(
        'vscode.executeHoverProvider',
        editor.document.uri,
        positionOf(editor.document, 'no details on how', 'start'),
      );
      const text = hoverText(hovers);
      assert.match(text, /Misquote/);
      assert.match(text, /Volodymyr Zelenskyy/);
      assert.match(text, /alaska\\-summit\\-2025\\-08\\-18|alaska-summit-2025-08-18/);
      assert.match(text, /\*\*on\*\*/, 'the added word is marked');
      const links = [...text.matchAll(/\]\((command:[^)?]+)/g)].map((m) => m[1]);
      assert.deepEqual([...new Set(links)], ['command:verbatim.openSource']);
    });

    test('an exact quote says so; a quote in no source says that', async () => {
      const editor = await openDraft('drafts/summit.md');
      const doc = editor.document;
      const exact = hoverText(await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', doc.uri, positionOf(doc, 'We were able', 'start')));
      assert.match(exact, /Verbatim: the source’s exact words/);
      assert.match(exact, /Speaker: Steve Witkoff ✓/);
      const none = hoverText(await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', doc.uri, positionOf(doc, 'The summit was', 'start')));
      assert.match(none, /Not in the sources/);
      const elided = hoverText(await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', doc.uri, positionOf(doc, 'that would prevent', 'start')));
      assert.match(elided, /Left out: “or that they would attest to not attempting/);
    });
  });

  suite('diagnostics and quick fixes', () => {
    test('a draft gets a diagnostic for each kind of problem, with stable codes linked to docs', async () => {
      const editor = await openDraft('drafts/summit.md');
      const diags = await waitForDiagnostics(editor.document.uri, (d) => d.length >= 5, 'five findings');
      assert.deepEqual(codes(diags), ['elision-changes-meaning', 'extends-source', 'misquote', 'not-in-sources', 'wrong-speaker']);
      for (const d of diags) {
        assert.ok(typeof d.code === 'object' && d.code.target.path.endsWith(`/docs/codes/${codeOf(d)}.md`));
      }
      const wrong = diags.find((d) => codeOf(d) === 'wrong-speaker')!;
      assert.equal(wrong.severity, vscode.DiagnosticSeverity.Error);
    });

    test('"Replace with the source’s words" fixes a misquote, clears it, and undoes in one step', async () => {
      const editor = await openDraft('drafts/summit.md');
      const doc = editor.document;
      const before = doc.getText();
      const diags = await waitForDiagnostics(doc.uri, (d) => d.some((x) => codeOf(x) === 'misquote'), 'a misquote');
      const misquote = diags.find((d) => codeOf(d) === 'misquote')!;
      const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', doc.uri, misquote.range, vscode.CodeActionKind.QuickFix.value);
      const fix = actions.find((a) => a.title === 'Replace with the source’s words' || a.title === "Replace with the source's words");
      assert.ok(fix?.edit, `a replace fix among ${actions.map((a) => a.title).join(', ')}`);
      assert.equal(fix.isPreferred, true);
      assert.ok(await vscode.workspace.applyEdit(fix.edit));
      assert.ok(doc.getText().includes('Zelensky said “There are no details how it will work.”'), 'the source’s exact words');
      assert.equal(doc.getText().length, before.length - 3, 'only the quote changed');
      await waitForDiagnostics(doc.uri, (d) => !d.some((x) => codeOf(x) === 'misquote'), 'the misquote cleared');
      await vscode.commands.executeCommand('undo');
      assert.equal(doc.getText(), before);
      await vscode.commands.executeCommand('workbench.action.files.revert');
    });

    test('"Credit …" fixes a wrong speaker', async () => {
      const editor = await openDraft('drafts/summit.md');
      const doc = editor.document;
      const diags = await waitForDiagnostics(doc.uri, (d) => d.some((x) => codeOf(x) === 'wrong-speaker'), 'a wrong speaker');
      const wrong = diags.find((d) => codeOf(d) === 'wrong-speaker')!;
      const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', doc.uri, wrong.range, vscode.CodeActionKind.QuickFix.value);
      const credit = actions.find((a) => a.title === 'Credit Steve Witkoff')!;
      assert.ok(credit?.edit && credit.isPreferred);
      assert.ok(await vscode.workspace.applyEdit(credit.edit));
      assert.ok(doc.getText().includes('Witkoff said Russia would not “go after'));
      await waitForDiagnostics(doc.uri, (d) => !d.some((x) => codeOf(x) === 'wrong-speaker'), 'the wrong speaker cleared');
      await vscode.commands.executeCommand('workbench.action.files.revert');
    });

    test('"Add citation" adds a footnote for a verified quotation', async () => {
      const config = vscode.workspace.getConfiguration('verbatim');
      await config.update('citationStyle', 'footnote', vscode.ConfigurationTarget.Workspace);
      try {
        const editor = await newDraft('Witkoff called it “game-changing.”\n');
        const doc = editor.document;
        const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>(
          'vscode.executeCodeActionProvider',
          doc.uri,
          new vscode.Range(positionOf(doc, 'game', 'start'), positionOf(doc, 'game', 'start')),
        );
        const cite = actions.find((a) => a.title === 'Add citation (footnote)');
        assert.ok(cite?.edit);
        assert.ok(await vscode.workspace.applyEdit(cite.edit));
        assert.equal(doc.getText(), 'Witkoff called it “game-changing.”[^1]\n\n[^1]: Steve Witkoff, quoted in alaska-summit-2025-08-18, August 18, 2025.\n');
      } finally {
        await config.update('citationStyle', undefined, vscode.ConfigurationTarget.Workspace);
      }
    });

    test('diagnostics follow typing, and a closed document’s diagnostics are cleared', async () => {
      const editor = await newDraft('Intro.\n');
      const doc = editor.document;
      await editor.edit((b) => b.insert(doc.positionAt(doc.getText().length), 'Zelensky said “there are no details on how it will work.”\n'));
      await waitForDiagnostics(doc.uri, (d) => codes(d).join() === 'misquote', 'a misquote after typing');
      // Edit again before the debounced check runs: only the newest version's result may land.
      await editor.edit((b) => b.replace(new vscode.Range(positionOf(doc, ' on how', 'start'), positionOf(doc, ' on how')), ' how'));
      await editor.edit((b) => b.insert(doc.positionAt(0), '# Draft\n\n'));
      const final = await waitForDiagnostics(doc.uri, (d) => d.length === 0, 'no findings for the fixed text');
      assert.deepEqual(final, []);
      await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');

      // A draft closed with its misquote. With re-checks held off, only the close can clear the diagnostic.
      const closing = await newDraft('Zelensky said “there are no details on how it will work.”\n');
      await waitForDiagnostics(closing.document.uri, (d) => codes(d).join() === 'misquote', 'a misquote before closing');
      const config = vscode.workspace.getConfiguration('verbatim');
      await config.update('diagnosticsDelay', 600_000, vscode.ConfigurationTarget.Global);
      try {
        const closed = new Promise<void>((resolve) => {
          const sub = vscode.workspace.onDidCloseTextDocument((d) => {
            if (d.uri.toString() !== closing.document.uri.toString()) return;
            sub.dispose();
            resolve();
          });
        });
        await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
        await closed;
        await waitForDiagnostics(closing.document.uri, (d) => d.length === 0, 'cleared on close');
      } finally {
        await config.update('diagnosticsDelay', undefined, vscode.ConfigurationTarget.Global);
      }
    });

    test('severities are configurable per code, and "off" removes a finding', async () => {
      const config = vscode.workspace.getConfiguration('verbatim');
      const editor = await openDraft('drafts/summit.md');
      await waitForDiagnostics(editor.document.uri, (d) => d.some((x) => codeOf(x) === 'not-in-sources'), 'not-in-sources present');
      await config.update('severity', { 'not-in-sources': 'off', misquote: 'error' }, vscode.ConfigurationTarget.Workspace);
      try {
        const diags = await waitForDiagnostics(editor.document.uri, (d) => !d.some((x) => codeOf(x) === 'not-in-sources'), 'not-in-sources off');
        assert.equal(diags.find((d) => codeOf(d) === 'misquote')?.severity, vscode.DiagnosticSeverity.Error);
      } finally {
        await config.update('severity', undefined, vscode.ConfigurationTarget.Workspace);
      }
    });
  });

  suite('sources', () => {
    test('a source added, edited and deleted on disk updates the diagnostics without a reload', async () => {
      const editor = await newDraft('The harbourmaster said “the tide waits for no ship, and neither do we.”\n');
      const uri = editor.document.uri;
      await waitForDiagnostics(uri, (d) => codes(d).join() === 'not-in-sources', 'not in sources yet');
      const source = fileUri('sources/harbourmaster.md');
      const write = (t: string) => vscode.workspace.fs.writeFile(source, new TextEncoder().encode(t));
      await write('The harbourmaster, Ines Duarte, said: “The tide waits for no ship, and neither do we.”\n');
      await waitForDiagnostics(uri, (d) => d.length === 0, 'verified once the source exists');
      await write('The harbourmaster, Ines Duarte, said: “The tide waits for nobody, and neither do we.”\n');
      await waitForDiagnostics(uri, (d) => codes(d).join() === 'misquote', 'a misquote after the source changed');
      await vscode.workspace.fs.delete(source);
      await waitForDiagnostics(uri, (d) => codes(d).join() === 'not-in-sources', 'not in sources after deletion');
    });

    test('an unreadable source is skipped and the others keep working', async () => {
      const bad = fileUri('sources/broken.md');
      await vscode.workspace.fs.writeFile(bad, new Uint8Array([0x89, 0x50, 0x00, 0x00, 0x01]));
      try {
        const quotes = await sourcesReady();
        assert.ok(quotes >= 14, 'the built-in article and harbour-strike.md are still indexed');
        const editor = await openDraft('drafts/strike.md');
        await waitForDiagnostics(editor.document.uri, (d) => d.length === 0, 'the strike draft verifies');
      } finally {
        await vscode.workspace.fs.delete(bad);
      }
    });

    test('Open Source opens the built-in article read-only at the passage', async () => {
      assert.equal(await vscode.commands.executeCommand('verbatim.openSource', 'alaska-summit-2025-08-18', 503, 676), true);
      const editor = vscode.window.activeTextEditor!;
      assert.equal(editor.document.uri.scheme, 'verbatim-source');
      assert.equal(editor.document.getText(editor.selection), Q3);
      assert.equal(vscode.workspace.fs.isWritableFileSystem('verbatim-source'), false);
      await assert.rejects(Promise.resolve(vscode.workspace.fs.writeFile(editor.document.uri, new Uint8Array([120]))), 'the built-in article cannot be written');
    });
  });

  suite('commands', () => {
    test('Cite Selection adds the citation after the closing mark, or says it cannot', async () => {
      const editor = await newDraft('He called it “game-changing.” Later, “words nobody ever said here.”');
      const doc = editor.document;
      editor.selection = new vscode.Selection(positionOf(doc, 'game', 'start'), positionOf(doc, 'changing.'));
      assert.equal(await vscode.commands.executeCommand('verbatim.citeSelection'), true);
      assert.equal(doc.getText(), 'He called it “game-changing.” Witkoff said Later, “words nobody ever said here.”');
      const before = doc.getText();
      editor.selection = new vscode.Selection(positionOf(doc, 'words', 'start'), positionOf(doc, 'said here.'));
      assert.equal(await vscode.commands.executeCommand('verbatim.citeSelection'), false);
      assert.equal(doc.getText(), before, 'nothing changed');
    });

    test('Insert Quote from the Sources view inserts the quote with its attribution', async () => {
      const editor = await newDraft('');
      const node = {
        kind: 'quote',
        source: { meta: { id: 'alaska-summit-2025-08-18', title: null, date: '2025-08-18', outlet: null, author: null, url: null, path: null, builtIn: true } },
        quote: { id: 'q2', sourceId: 'alaska-summit-2025-08-18', speaker: 'Steve Witkoff', text: 'game-changing.', offset: { start: 457, end: 471 }, context: '' },
      };
      assert.equal(await vscode.commands.executeCommand('verbatim.insertQuoteFromView', node), true);
      assert.equal(editor.document.getText(), '“game-changing,” Witkoff said.');
    });

    test('Check Workspace Drafts fills the Problems panel for drafts that are not open', async () => {
      const result = await vscode.commands.executeCommand<{ drafts: number; findings: number }>('verbatim.checkWorkspace');
      assert.ok(result.drafts >= 3, `${result.drafts} drafts checked`);
      const diags = vscode.languages.getDiagnostics(fileUri('drafts/unopened.md')).filter((d) => d.source === 'Verbatim');
      assert.deepEqual(codes(diags), ['misquote']);
      const tree = vscode.extensions.getExtension<{ sourcesTree: vscode.TreeDataProvider<unknown> }>('verbatim.verbatim')!.exports.sourcesTree;
      const roots = await Promise.all(((await tree.getChildren()) ?? []).map(async (n) => (await tree.getTreeItem(n)).label));
      assert.deepEqual(
        vscode.languages.getDiagnostics(fileUri('sources/harbour-strike.md')).filter((d) => d.source === 'Verbatim'),
        [],
        `sources are not checked as drafts (sources: ${JSON.stringify(roots)})`,
      );
    });
  });
});
