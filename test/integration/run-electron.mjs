// Runs the same in-editor suite in desktop VS Code via @vscode/test-electron, for machines that can download
// VS Code (this repo's CI cannot: it uses run-code-server.mjs). Needs a display (use xvfb-run on Linux).
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import { runTests } from '@vscode/test-electron';

const repo = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const workspace = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'verbatim-it-')), 'workspace');
fs.cpSync(path.join(repo, 'test', 'integration', 'workspace'), workspace, { recursive: true });
const pkg = JSON.parse(fs.readFileSync(path.join(repo, 'package.json'), 'utf8'));

try {
  await runTests({
    version: pkg.engines.vscode.replace(/^\^/, ''),
    extensionDevelopmentPath: repo,
    extensionTestsPath: path.join(repo, 'out', 'test', 'integration', 'suite', 'index.js'),
    launchArgs: [workspace, '--disable-extensions', '--disable-workspace-trust'],
  });
} catch (err) {
  console.error(`integration: ${err.message ?? err}`);
  process.exit(1);
}
