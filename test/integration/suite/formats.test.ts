// Sources as writers keep them, in a real VS Code: a saved web page and an interview transcript in the workspace's
// sources/ folder are indexed with the article, shown with their kind, and checked like any other source.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { closeAll, codes, completionsAt, hoverText, newDraft, positionOf, sourcesReady, waitForDiagnostics } from './helpers';

interface Api {
  sourcesTree: vscode.TreeDataProvider<{ kind: string }>;
}

suite('Sources as writers keep them (web page, transcript)', () => {
  suiteSetup(async () => {
    await vscode.extensions.getExtension('verbatim.verbatim')?.activate();
    await sourcesReady();
  });
  teardown(closeAll);

  test('the Sources view shows the web page and the transcript with their kinds', async () => {
    const { sourcesTree } = await vscode.extensions.getExtension<Api>('verbatim.verbatim')!.activate();
    const roots = (await sourcesTree.getChildren()) ?? [];
    const items = await Promise.all(roots.map((n) => sourcesTree.getTreeItem(n)));
    const page = items.find((i) => i.label === 'Riverside council backs night ferry & new pier');
    const transcript = items.find((i) => i.label === 'Transport minister on the northern rail closure');
    assert.ok(page, `the web page is listed: ${JSON.stringify(items.map((i) => i.label))}`);
    assert.ok(transcript, 'the transcript is listed');
    assert.match(String(page.description), /^2026-02-09 · web page · 9 quotes$/);
    assert.match(String(transcript.description), /^2025-11-16 · transcript · \d+ quotes$/);
    const speakers = await Promise.all(((await sourcesTree.getChildren(roots[items.indexOf(transcript)]!)) ?? []).map((n) => sourcesTree.getTreeItem(n)));
    assert.deepEqual(speakers.map((s) => s.label).sort(), ['Daniel Okafor', 'Lena Frost', 'Margaret Chen', 'Ruth Alvarez']);
  });

  test('quoting the web page: the article confirmed, a reader comment not in the sources', async () => {
    const editor = await newDraft('Kovac said: “A boat every hour is not a luxury.”\n\nA reader replied: “The lake should join us, not divide us.”\n');
    const ds = await waitForDiagnostics(editor.document.uri, (d) => d.length >= 1, 'the comment flagged');
    assert.deepEqual(codes(ds), ['not-in-sources']);
    assert.ok(ds[0]!.range.start.line === 2, 'the flagged quotation is the comment’s');
    const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', editor.document.uri, positionOf(editor.document, 'A boat every'));
    const text = hoverText(hovers);
    assert.match(text, /Verbatim: the source’s exact words/);
    assert.match(text, /Mirela Kovac in \*Riverside council backs night ferry/);
  });

  test('quoting the transcript: every turn is its speaker’s, and crediting the host is a wrong speaker', async () => {
    const editor = await newDraft('Chen said: “I will not give a date I cannot keep.”\n');
    const ds = await waitForDiagnostics(editor.document.uri, (d) => d.length >= 1, 'the wrong speaker flagged');
    assert.deepEqual(codes(ds), ['wrong-speaker']);
    assert.match(ds[0]!.message, /Daniel Okafor/);
  });

  test('completions offer a transcript turn with its speaker', async () => {
    const editor = await newDraft('Okafor said: “The engineers tell me the bridge');
    const items = await completionsAt(editor.document, positionOf(editor.document, 'me the bridge'));
    assert.ok(items.length > 0, 'there are suggestions');
    assert.match(items[0]!.detail ?? '', /^Daniel Okafor · Transport minister on the northern rail closure$/);
  });
});
