// Workspace trust. In Restricted Mode (the launcher's --restricted run starts VS Code with workspace trust on, so the
// folder is untrusted) the workspace's `verbatim.sources` is ignored (package.json lists it in
// `restrictedConfigurations`) and only sources inside the folder are read, whatever any setting says. The trusted
// runs show the contrast: the same workspace setting is used there.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { testConfig } from './config';
import { closeAll, codes, hoverText, newDraft, openDraft, positionOf, sourcesReady, waitForDiagnostics, workspaceUri } from './helpers';

/** A source inside the folder that only the workspace's `verbatim.sources` (see the launcher) would pick up. */
const DECOY = 'elsewhere/decoy.md';
const DECOY_TEXT = 'The ferry captain, Odile Marchetti, said: “Nobody crosses the strait in this fog, not even for double pay.”\n';
const DECOY_DRAFT = 'Marchetti said “Nobody crosses the strait in this fog, not even for double pay.”\n';
const OUTSIDE_TEXT = 'The keeper, Ansel Brook, said: “The lamp stays lit while anyone is still at sea.”\n';
const OUTSIDE_DRAFT = 'Brook said “The lamp stays lit while anyone is still at sea.”\n';

const decoyUri = () => vscode.Uri.joinPath(workspaceUri(), DECOY);
const write = (uri: vscode.Uri, text: string) => Promise.resolve(vscode.workspace.fs.writeFile(uri, new TextEncoder().encode(text)));
const remove = (uri: vscode.Uri) => Promise.resolve(vscode.workspace.fs.delete(uri, { recursive: true, useTrash: false })).then(undefined, () => undefined);

async function sourceLabels(): Promise<string[]> {
  const tree = vscode.extensions.getExtension<{ sourcesTree: vscode.TreeDataProvider<unknown> }>('verbatim.verbatim')!.exports.sourcesTree;
  return Promise.all(((await tree.getChildren()) ?? []).map(async (n) => String((await tree.getTreeItem(n)).label)));
}

suite('Workspace trust', () => {
  suiteSetup(async () => {
    await vscode.extensions.getExtension('verbatim.verbatim')?.activate();
    await write(decoyUri(), DECOY_TEXT);
  });
  suiteTeardown(() => remove(vscode.Uri.joinPath(workspaceUri(), 'elsewhere')));
  teardown(closeAll);

  if (!testConfig().restricted) {
    test('in a trusted folder the workspace’s verbatim.sources is used', async () => {
      assert.equal(vscode.workspace.isTrusted, true);
      const config = vscode.workspace.getConfiguration('verbatim');
      const before = await sourcesReady();
      await config.update('sources', ['sources/**/*.md', 'elsewhere/**/*.md'], vscode.ConfigurationTarget.Workspace);
      try {
        await sourcesReady();
        assert.ok((await sourceLabels()).includes('decoy'), 'the decoy is a source');
        const editor = await newDraft(DECOY_DRAFT);
        await waitForDiagnostics(editor.document.uri, (d) => d.length === 0, 'the decoy’s quote verifies');
      } finally {
        await config.update('sources', undefined, vscode.ConfigurationTarget.Workspace);
      }
      assert.equal(await sourcesReady(), before);
    });
    return;
  }

  test('the folder opens untrusted, in Restricted Mode, with the workspace setting present', async () => {
    assert.equal(vscode.workspace.isTrusted, false);
    // The launcher wrote it: honoured, it would read the decoy and nothing in sources/.
    const settings = JSON.parse(new TextDecoder().decode(await vscode.workspace.fs.readFile(vscode.Uri.joinPath(workspaceUri(), '.vscode', 'settings.json')))) as Record<
      string,
      unknown
    >;
    assert.deepEqual(settings['verbatim.sources'], ['elsewhere/**/*.md', '../outside-restricted/*.md']);
    const inspected = vscode.workspace.getConfiguration('verbatim').inspect<string[]>('sources');
    // What the extension reads is the default: VS Code leaves out the workspace's value of a restricted setting.
    assert.deepEqual(vscode.workspace.getConfiguration('verbatim').get('sources'), inspected?.defaultValue, `inspect: ${JSON.stringify(inspected)}`);
  });

  test('the workspace’s verbatim.sources is ignored: only the default sources are read', async () => {
    await sourcesReady();
    const labels = await sourceLabels();
    assert.ok(!labels.includes('decoy'), `not the decoy: ${labels.join(', ')}`);
    assert.ok(labels.includes('alaska-summit-2025-08-18') && labels.includes('Dockers walk out over pay offer'), `the default sources: ${labels.join(', ')}`);
    const decoy = await newDraft(DECOY_DRAFT);
    await waitForDiagnostics(decoy.document.uri, (d) => codes(d).join() === 'not-in-sources', 'the decoy’s quote is in no source');
    const strike = await openDraft('drafts/strike.md');
    await waitForDiagnostics(strike.document.uri, (d) => d.length === 0, 'the strike draft verifies against the folder’s own source');
  });

  test('the features work in Restricted Mode: diagnostics and hovers', async () => {
    const editor = await openDraft('drafts/summit.md');
    const diags = await waitForDiagnostics(editor.document.uri, (d) => d.length >= 5, 'five findings');
    assert.deepEqual(codes(diags), ['elision-changes-meaning', 'extends-source', 'misquote', 'not-in-sources', 'wrong-speaker']);
    const hover = hoverText(
      await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', editor.document.uri, positionOf(editor.document, 'no details on how', 'start')),
    );
    assert.match(hover, /Misquote/);
  });

  test('a user setting is honoured, but still reads only inside the folder', async () => {
    const before = await sourcesReady();
    const outside = vscode.Uri.joinPath(workspaceUri(), '..', 'outside-restricted', 'secret.md');
    await write(outside, OUTSIDE_TEXT);
    const config = vscode.workspace.getConfiguration('verbatim');
    try {
      // User settings are not restricted: this one is used, and picks up the decoy inside the folder…
      await config.update('sources', ['elsewhere/**/*.md'], vscode.ConfigurationTarget.Global);
      assert.equal(await sourcesReady(), 8, 'the built-in 7 and the decoy’s 1');
      const decoy = await newDraft(DECOY_DRAFT);
      await waitForDiagnostics(decoy.document.uri, (d) => d.length === 0, 'the decoy’s quote verifies');
      // …but a pattern that leads out of the folder reads nothing there.
      await config.update('sources', ['../outside-restricted/*.md', `${outside.path.replace(/secret\.md$/, '')}*.md`, '**/secret.md'], vscode.ConfigurationTarget.Global);
      assert.equal(await sourcesReady(), 7, 'only the built-in article');
      const secret = await newDraft(OUTSIDE_DRAFT);
      await waitForDiagnostics(secret.document.uri, (d) => codes(d).join() === 'not-in-sources', 'the outside quote is in no source');
    } finally {
      await config.update('sources', undefined, vscode.ConfigurationTarget.Global);
      await remove(vscode.Uri.joinPath(outside, '..'));
    }
    assert.equal(await sourcesReady(), before);
  });
});
