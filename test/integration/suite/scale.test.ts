import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { testConfig } from './config';
import { generateCorpus } from '../../bench/corpus';
import { closeAll, completionsAt, fileUri, newDraft, sourcesReady } from './helpers';

// The packaged-extension run (--vsix) leaves the heavy suites out: they test the same code as the main run.
if (!testConfig().light) {
  suite('A large source set', () => {
    const folder = () => fileUri('sources/archive');
    teardown(async () => {
      await closeAll();
      await vscode.workspace.fs.delete(folder(), { recursive: true, useTrash: false }).then(undefined, () => undefined);
      await sourcesReady();
    });

    test('typing and completions go on while a large source set is being indexed', async function () {
      this.timeout(120_000);
      // About 40,000 sentences in 700 files.
      const corpus = generateCorpus(40_000, 21);
      await vscode.workspace.fs.createDirectory(folder());
      await Promise.all(corpus.files.map((f) => vscode.workspace.fs.writeFile(fileUri(`sources/${f.path}`), new TextEncoder().encode(f.text))));
      const editor = await newDraft('Witkoff told CNN, “We were');
      const doc = editor.document;
      let indexed = false;
      const reload = Promise.resolve(vscode.commands.executeCommand<number>('verbatim.reloadSources')).then((n) => {
        indexed = true;
        return n;
      });
      let whileIndexing = 0;
      for (const word of ' able to win the following concession'.split(/(?= )/)) {
        const pos = doc.positionAt(doc.getText().length);
        assert.ok(await editor.edit((b) => b.insert(pos, word)), 'the edit applied');
        const items = await completionsAt(doc, doc.positionAt(doc.getText().length));
        assert.ok(items.length > 0, 'completions answer while indexing');
        if (!indexed) whileIndexing++;
      }
      const quotes = await reload;
      assert.ok(whileIndexing >= 3, `${whileIndexing} edits and completions were served before indexing finished`);
      assert.ok(quotes >= corpus.quotes.length, `${quotes} quotes indexed`);
      const after = await completionsAt(doc, doc.positionAt(doc.getText().length));
      assert.match(after[0]!.detail ?? '', /^Steve Witkoff/, 'the built-in quote still ranks first for its words');
    });
  });
}
