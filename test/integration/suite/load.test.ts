import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { testConfig } from './config';
import { generateCorpus, generateDraft, generatePassages } from '../../bench/corpus';
import { closeAll, completionsAt, fileUri, hoverText, newDraft, positionOf, sourcesReady } from './helpers';

// The packaged-extension run (--vsix) leaves the heavy suites out: they test the same code as the main run.
if (!testConfig().light) {
  suite('Load: 200 open drafts and 1,000 sources', () => {
    teardown(async () => {
      await closeAll();
      await vscode.workspace.fs.delete(fileUri('sources/load'), { recursive: true, useTrash: false }).then(undefined, () => undefined);
      await sourcesReady();
    });

    test('completions and hovers answer while 200 drafts are being checked', async function () {
      this.timeout(180_000);
      const corpus = generateCorpus(30_000, 5);
      const files = corpus.files.slice(0, 1000);
      await Promise.all(files.map((f) => vscode.workspace.fs.writeFile(fileUri(`sources/load/${f.path}`), new TextEncoder().encode(f.text))));
      assert.ok((await sourcesReady()) > 1000, 'the sources are indexed');
      const passages = generatePassages(corpus, 400, 8);
      // 200 drafts open at once, each with 10 quotations: their checks run in slices, one quotation at a time.
      // Every draft's first diagnostics event is recorded from before it opens: in the web host opening 200 drafts
      // is slow enough that most checks finish while the rest are still opening.
      const uris: string[] = [];
      const checked = new Set<string>();
      const allOpenAndChecked = () => uris.length === 200 && uris.every((u) => checked.has(u));
      let resolveAll = () => {};
      const allChecked = new Promise<void>((resolve) => (resolveAll = resolve));
      const sub = vscode.languages.onDidChangeDiagnostics((e) => {
        for (const u of e.uris) checked.add(u.toString());
        if (allOpenAndChecked()) resolveAll();
      });
      const editor = await newDraft('Witkoff told CNN, “We were able to win the following concession.”\n\nSomebody said “');
      const doc = editor.document;
      // Completion and hover rounds while the drafts open and are checked; a round counts when some open draft was
      // not checked yet.
      let answered = 0;
      const round = async () => {
        const items = await completionsAt(doc, doc.positionAt(doc.getText().length));
        assert.ok(items.length > 0, 'completions answer');
        const hover = hoverText(await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', doc.uri, positionOf(doc, 'We were able', 'start')));
        assert.match(hover, /Verbatim|Fragment/);
        if (uris.some((u) => !checked.has(u))) answered++;
      };
      try {
        for (let k = 0; k < 200; k++) {
          const draft = await vscode.workspace.openTextDocument({ language: 'markdown', content: generateDraft(corpus, passages.slice((k * 10) % 390), 10, 400, k) });
          uris.push(draft.uri.toString());
          if (k % 20 === 19) await round();
        }
        for (let k = 0; k < 5; k++) await round();
        if (allOpenAndChecked()) resolveAll();
        await allChecked;
      } finally {
        sub.dispose();
      }
      assert.ok(answered > 0, `${answered} completion and hover rounds were answered while drafts were still being checked`);
    });
  });
}
