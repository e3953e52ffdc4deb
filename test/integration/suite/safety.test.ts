import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { closeAll, codeOf, completionsAt, fileUri, hoverText, newDraft, positionOf, sourcesReady, waitForDiagnostics, workspaceUri } from './helpers';

/** The quotes of the test workspace: the built-in article 7, harbour-strike.md 8 (a quote over two paragraphs is two), night-ferry.html 9, rail-interview.txt 19. */
const WORKSPACE_QUOTES = 43;

const HOSTILE = 'Read [this](command:workbench.action.terminal.new) now <img src=x onerror=alert(1)> ![p](http://example.invalid/p.png) please';

suite('Safety: untrusted text and drafts under edit', () => {
  teardown(closeAll);

  test('markup in a source stays inert in hovers and completion documentation', async () => {
    const source = fileUri('sources/hostile.md');
    await vscode.workspace.fs.writeFile(source, new TextEncoder().encode(`The activist, Mara Quill, said: “${HOSTILE}.”\n`));
    try {
      await sourcesReady();
      const editor = await newDraft(`Quill said “${HOSTILE}.”`);
      const doc = editor.document;
      await waitForDiagnostics(doc.uri, (d) => d.length === 0, 'the quote verifies');
      const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', doc.uri, positionOf(doc, 'Read', 'start'));
      const text = hoverText(hovers);
      // In a draft "[this]" reads as an editorial insertion, so the verdict may be "elided"; either way it verifies.
      assert.match(text, /Mara Quill/);
      // Every link target in the hover is Verbatim's own command; the source's link, image and HTML are escaped.
      const targets = [...text.matchAll(/(?<!\\)\]\(([^)]*)\)/g)].map((m) => m[1]!.split('?')[0]);
      assert.deepEqual([...new Set(targets)], ['command:verbatim.openSource']);
      assert.doesNotMatch(text, /(?<!\\)<img/);
      assert.doesNotMatch(text, /(?<!\\)!\[/);
      for (const h of hovers) for (const c of h.contents) if (c instanceof vscode.MarkdownString) assert.notEqual(c.supportHtml, true);

      const probe = await newDraft('Quill said “Read');
      const items = await completionsAt(probe.document, probe.document.positionAt(probe.document.getText().length));
      const doc0 = items[0]!.documentation as vscode.MarkdownString;
      assert.ok(doc0 instanceof vscode.MarkdownString);
      assert.ok(!doc0.isTrusted, 'completion documentation is untrusted');
      assert.doesNotMatch(doc0.value, /(?<!\\)\]\(command:/);
    } finally {
      await vscode.workspace.fs.delete(source);
      await sourcesReady();
    }
  });

  test('a fix asked for with an older version’s diagnostic never damages the newer text', async () => {
    const editor = await newDraft('Zelensky said “there are no details on how it will work.”\n');
    const doc = editor.document;
    const [old] = await waitForDiagnostics(doc.uri, (d) => d.some((x) => codeOf(x) === 'misquote'), 'a misquote');
    // The writer types above the quote: the old diagnostic's range now points at other text.
    assert.ok(await editor.edit((b) => b.insert(new vscode.Position(0, 0), 'A new first line that shifts everything.\n')));
    const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', doc.uri, old!.range, vscode.CodeActionKind.QuickFix.value);
    for (const a of actions.filter((x) => x.edit)) {
      const before = doc.getText();
      assert.ok(await vscode.workspace.applyEdit(a.edit!));
      assert.ok(doc.getText().startsWith('A new first line that shifts everything.\n'), `"${a.title}" kept the new line`);
      await vscode.commands.executeCommand('undo');
      assert.equal(doc.getText(), before, `"${a.title}" undoes in one step`);
    }
    const fresh = await waitForDiagnostics(doc.uri, (d) => d.some((x) => codeOf(x) === 'misquote' && x.range.start.line === 1), 'the diagnostic for the new version');
    const fix = (
      await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', doc.uri, fresh[0]!.range, vscode.CodeActionKind.QuickFix.value)
    ).find((a) => a.isPreferred)!;
    assert.ok(await vscode.workspace.applyEdit(fix.edit!));
    assert.equal(doc.getText(), 'A new first line that shifts everything.\nZelensky said “There are no details how it will work.”\n');
  });

  test('several fixes applied at once do not overlap or shift each other', async () => {
    const text = [
      'Zelensky said “there are no details on how it will work.”',
      'Zelensky said Russia would not “go after any other European countries and violate their sovereignty.”',
      'Witkoff said it “was the first time we ever heard the Russians agree to that.”',
      '',
    ].join('\n');
    const editor = await newDraft(text);
    const doc = editor.document;
    const diags = await waitForDiagnostics(doc.uri, (d) => d.length >= 3, 'three findings');
    const edit = new vscode.WorkspaceEdit();
    for (const d of diags) {
      const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', doc.uri, d.range, vscode.CodeActionKind.QuickFix.value);
      const preferred = actions.find((a) => a.isPreferred);
      assert.ok(preferred?.edit, `a preferred fix for ${codeOf(d)} among ${JSON.stringify(actions.map((a) => [a.title, a.isPreferred, a.diagnostics?.length]))}`);
      for (const [uri, edits] of preferred.edit.entries()) for (const e of edits) edit.replace(uri, e.range, e.newText);
    }
    assert.ok(await vscode.workspace.applyEdit(edit));
    assert.equal(
      doc.getText(),
      [
        'Zelensky said “There are no details how it will work.”',
        'Witkoff said Russia would not “go after any other European countries and violate their sovereignty.”',
        'Witkoff said it “was the first time we had ever heard the Russians agree to that.”',
        '',
      ].join('\n'),
    );
    await waitForDiagnostics(doc.uri, (d) => d.length === 0, 'no findings left');
  });

  test('a thousand sources changed at once, some rewritten or deleted while indexing, leave a consistent index', async function () {
    this.timeout(120_000);
    const files = Array.from({ length: 1000 }, (_, k) => fileUri(`sources/churn/file-${k}.md`));
    const write = (f: vscode.Uri, k: number, word: string) => vscode.workspace.fs.writeFile(f, new TextEncoder().encode(`Pat Lee said: “Churn quote number ${k} is ${word}.”\n`));
    await Promise.all(files.map((f, k) => write(f, k, 'here')));
    const reload = vscode.commands.executeCommand<number>('verbatim.reloadSources');
    await Promise.all([...files.slice(0, 500).map((f) => vscode.workspace.fs.delete(f)), ...files.slice(900).map((f, k) => write(f, 900 + k, 'rewritten'))]);
    await reload;
    assert.equal(
      await sourcesReady(),
      WORKSPACE_QUOTES + 500,
      'the workspace’s 43 (the built-in 7, harbour-strike’s 8, night-ferry’s 9, rail-interview’s 19) and the 500 files that remain',
    );
    const editor = await newDraft('Pat Lee said “Churn quote number 950 is rewritten.”\n');
    await waitForDiagnostics(editor.document.uri, (d) => d.length === 0, 'the rewritten text is the one indexed');
    await vscode.workspace.fs.delete(fileUri('sources/churn'), { recursive: true });
    assert.equal(await sourcesReady(), WORKSPACE_QUOTES);
  });

  test('no setting makes Verbatim read a source outside the workspace folders', async () => {
    const outside = vscode.Uri.joinPath(workspaceUri(), '..', 'outside', 'secret.md');
    await vscode.workspace.fs.writeFile(outside, new TextEncoder().encode('Someone said: “The secret words are here.”\n'));
    const config = vscode.workspace.getConfiguration('verbatim');
    try {
      await config.update('sources', ['../outside/*.md', `${outside.path.replace(/secret\.md$/, '')}*.md`, '**/secret.md'], vscode.ConfigurationTarget.Workspace);
      assert.equal(await sourcesReady(), 7, 'only the built-in article');
    } finally {
      await config.update('sources', undefined, vscode.ConfigurationTarget.Workspace);
      await vscode.workspace.fs.delete(outside);
    }
    assert.equal(await sourcesReady(), WORKSPACE_QUOTES);
  });
});
