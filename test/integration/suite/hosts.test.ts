// The suite runs where the launcher meant it to: a web run that silently fell back to the Node extension host would
// otherwise pass without testing the web build at all.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { testConfig } from './config';

suite('Extension host', () => {
  test('the suite and the extension run in the host the launcher asked for', async () => {
    const { host, expectedHost } = testConfig();
    if (expectedHost) assert.equal(host, expectedHost);
    const ext = vscode.extensions.getExtension('verbatim.verbatim');
    assert.ok(ext, 'the extension is installed');
    await ext.activate();
    assert.ok(ext.isActive);
    if (host === 'web') {
      // The web worker extension host: no Node, and Web Workers to build the index in.
      assert.equal(typeof process, 'undefined');
      assert.equal(typeof (globalThis as { Worker?: unknown }).Worker, 'function');
    }
  });
});
