// The saved index across window reloads (the launcher's --reload run): the first window builds the index and saves
// it in the extension's storage; after a reload, the extension answers a completion from the saved index before
// reading any source again; after a source was changed while the window was closed, only that file is read again
// and its old words are never offered.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { testConfig } from './config';
import { completionsAt, extensionApi, newDraft } from './helpers';

/** Polls the extension's index state until `ready` holds (the state has no event: it is read by tests only). */
async function waitForIndex(ready: (s: IndexState) => boolean, what: string): Promise<IndexState> {
  const api = (await extensionApi()) as unknown as { indexState(): IndexState };
  const deadline = Date.now() + 30_000;
  for (;;) {
    const state = api.indexState();
    if (ready(state)) return state;
    assert.ok(Date.now() < deadline, `timed out waiting for ${what}; the index is ${JSON.stringify(state)}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

interface IndexState {
  origin: 'none' | 'sources' | 'saved' | 'updated';
  filesRead: number;
  savedAt: number | null;
}

suite('Saved index', function () {
  suiteSetup(function () {
    if (!testConfig().phase) this.skip();
  });

  test('before the reload: the index built from the sources is saved in the extension’s storage', async function () {
    if (testConfig().phase !== 'before-reload') this.skip();
    const state = await waitForIndex((s) => s.savedAt !== null, 'the index to be saved');
    assert.equal(state.origin, 'sources');
    assert.ok(state.filesRead >= 3, `the sources were read (${state.filesRead})`);
  });

  test('after the reload: a completion is answered from the saved index, before any source is read again', async function () {
    if (testConfig().phase !== 'after-reload') this.skip();
    const editor = await newDraft('Wiśniewski said “We have made');
    const items = await completionsAt(editor.document, editor.document.positionAt(editor.document.getText().length));
    const labels = items.map((i) => (typeof i.label === 'string' ? i.label : i.label.label));
    assert.ok(
      labels.some((l) => l.includes('fair offer')),
      `the quote is offered: ${JSON.stringify(labels.slice(0, 5))}`,
    );
    const state = await waitForIndex(() => true, 'the index state');
    assert.equal(state.origin, 'saved');
    assert.equal(state.filesRead, 0, 'no source file was read: the saved index answered');
    await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
  });

  test('a source changed while the window was closed: only it is read again, and its old words are never offered', async function () {
    if (testConfig().phase !== 'changed-while-closed') this.skip();
    const editor = await newDraft('Okafor said “The engineers tell me the bridge');
    const items = await completionsAt(editor.document, editor.document.positionAt(editor.document.getText().length));
    // What each item inserts: the label is shortened.
    const inserted = items.map((i) => (typeof i.insertText === 'string' ? i.insertText : (i.insertText?.value ?? ''))).join(' | ');
    assert.match(inserted, /end of March/, 'the changed words are offered');
    assert.doesNotMatch(inserted, /end of January/, 'the old words are not');
    const state = await waitForIndex(() => true, 'the index state');
    assert.equal(state.origin, 'updated');
    assert.equal(state.filesRead, 1, 'only the changed file was read');
    await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
  });
});
