// The screenshot tour: what a writer sees. Runs only when the launcher is given --screenshots DIR; the launcher
// takes each picture when the tour asks for it, and the tour waits until the file exists.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { testConfig } from './config';
import { OUTPUT_MARKER } from './reporter';
import { codeOf, newDraft, openDraft, positionOf, sourcesReady, waitForDiagnostics, workspaceUri } from './helpers';

const dir = testConfig().screenshots;

/** Whether a file exists, through vscode.workspace.fs (so the tour runs in the web host too). */
const exists = (uri: vscode.Uri) =>
  Promise.resolve(vscode.workspace.fs.stat(uri)).then(
    () => true,
    () => false,
  );

async function shoot(name: string): Promise<void> {
  // The picture is written on the machine that serves the workspace: the same scheme and authority as the folder.
  const file = workspaceUri().with({ path: `${dir!.replace(/\/$/, '')}/${name}.png` });
  await Promise.resolve(vscode.workspace.fs.delete(file)).then(undefined, () => undefined);
  console.log(`${OUTPUT_MARKER}SCREENSHOT ${name}`);
  const deadline = Date.now() + 15_000;
  while (!(await exists(file))) {
    assert.ok(Date.now() < deadline, `screenshot ${name} was taken`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

if (dir) {
  suite('Screenshot tour', () => {
    suiteSetup(async () => {
      await sourcesReady();
      await vscode.commands.executeCommand('workbench.action.closeAllEditors');
      await vscode.commands.executeCommand('workbench.action.closePanel');
      await vscode.commands.executeCommand('workbench.action.closeAuxiliaryBar');
      await vscode.commands.executeCommand('workbench.files.action.collapseExplorerFolders');
    });
    // Closing the editors also closes their hovers and widgets, so each picture shows one thing.
    teardown(() => vscode.commands.executeCommand('workbench.action.closeAllEditors'));

    test('the hover on a misquote', async () => {
      const editor = await openDraft('drafts/summit.md');
      editor.selection = new vscode.Selection(positionOf(editor.document, 'no details on', 'start'), positionOf(editor.document, 'no details on', 'start'));
      await vscode.commands.executeCommand('editor.action.showHover');
      await shoot('hover-misquote');
    });

    test('the hover on a contradicted claim', async () => {
      const editor = await newDraft(
        "# After Alaska\n\nPutin offered to extend Ukraine a security guarantee similar to NATO's collective defense mandate as part of a potential peace settlement.\n",
      );
      await waitForDiagnostics(editor.document.uri, (d) => d.some((x) => codeOf(x) === 'claim-contradicted'), 'a contradicted claim');
      const pos = positionOf(editor.document, 'offered', 'start');
      editor.selection = new vscode.Selection(pos, pos);
      await vscode.commands.executeCommand('editor.action.showHover');
      await shoot('hover-claim');
      await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
    });

    test('the quick-fix menu on a wrong speaker', async () => {
      const editor = await openDraft('drafts/summit.md');
      const pos = positionOf(editor.document, 'go after any other', 'start');
      editor.selection = new vscode.Selection(pos, pos);
      await vscode.commands.executeCommand('editor.action.quickFix');
      await shoot('quick-fix');
      await vscode.commands.executeCommand('hideCodeActionWidget');
    });

    test('the suggestion list inside a quotation', async () => {
      const editor = await openDraft('drafts/summit.md');
      const end = editor.document.lineAt(editor.document.lineCount - 1).range.end;
      await editor.edit((b) => b.insert(end, '\nWitkoff told Fox News, “the Russians agreed'));
      const last = editor.document.lineAt(editor.document.lineCount - 1).range.end;
      editor.selection = new vscode.Selection(last, last);
      await vscode.commands.executeCommand('editor.action.triggerSuggest');
      await vscode.commands.executeCommand('toggleSuggestionDetails');
      await shoot('completions');
      await vscode.commands.executeCommand('hideSuggestWidget');
      await vscode.commands.executeCommand('undo');
    });

    test('the Problems panel', async () => {
      await openDraft('drafts/summit.md');
      await vscode.commands.executeCommand('workbench.actions.view.problems');
      await shoot('problems');
    });

    test('the Sources view and the status bar', async () => {
      const editor = await openDraft('drafts/summit.md');
      await waitForDiagnostics(editor.document.uri, (d) => d.length >= 5, 'findings');
      await vscode.commands.executeCommand('workbench.action.closePanel');
      // Make room: hide the file tree, outline and timeline, so the Sources view has the Explorer to itself.
      for (const toggle of ['workbench.explorer.fileView.toggleVisibility', 'outline.toggleVisibility', 'timeline.toggleVisibility']) {
        await vscode.commands.executeCommand(toggle).then(undefined, () => undefined);
      }
      await vscode.commands.executeCommand('verbatim.sources.focus');
      const api = vscode.extensions.getExtension<{ sourcesTree: vscode.TreeDataProvider<unknown>; sourcesView: vscode.TreeView<unknown> }>('verbatim.verbatim')!.exports;
      const [source] = (await api.sourcesTree.getChildren()) ?? [];
      const [speaker] = (await api.sourcesTree.getChildren(source)) ?? [];
      const [quote] = (await api.sourcesTree.getChildren(speaker)) ?? [];
      await api.sourcesView.reveal(quote, { select: true, focus: true, expand: true });
      // Grow the focused view to show the tree.
      for (let k = 0; k < 12; k++) await vscode.commands.executeCommand('workbench.action.increaseViewSize');
      await shoot('sources-view');
    });
  });
}
