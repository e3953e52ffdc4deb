// Runs the same in-editor suite in desktop VS Code via @vscode/test-electron, for machines that can download
// VS Code (this repo's CI cannot: it uses run-code-server.mjs). Needs a display (use xvfb-run on Linux).
//   node test/integration/run-electron.mjs [--host web]
// --host web runs the `browser` entry and the bundled suite (`node esbuild.js --tests`) in desktop VS Code's web
// worker extension host (VS Code's own --extensionDevelopmentKind=web). Not run in this repo's CI.
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import { runTests } from '@vscode/test-electron';

const repo = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const workspace = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'verbatim-it-')), 'workspace');
fs.cpSync(path.join(repo, 'test', 'integration', 'workspace'), workspace, { recursive: true });
const pkg = JSON.parse(fs.readFileSync(path.join(repo, 'package.json'), 'utf8'));
const web = process.argv.includes('--host') && process.argv[process.argv.indexOf('--host') + 1] === 'web';

try {
  await runTests({
    version: pkg.engines.vscode.replace(/^\^/, ''),
    extensionDevelopmentPath: repo,
    extensionTestsPath: web ? path.join(repo, 'out', 'test', 'web', 'index.js') : path.join(repo, 'out', 'test', 'integration', 'suite', 'index.js'),
    launchArgs: [workspace, '--disable-extensions', '--disable-workspace-trust', ...(web ? ['--extensionDevelopmentKind=web'] : [])],
  });
} catch (err) {
  console.error(`integration: ${err.message ?? err}`);
  process.exit(1);
}
