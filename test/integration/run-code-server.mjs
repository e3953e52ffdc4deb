// Runs the in-editor test suite inside a real VS Code (code-server + Chromium), the way @vscode/test-electron runs
// it in desktop VS Code: the workbench loads this extension in development mode and runs the compiled test entry
// (out/test/integration/suite/index.js) in the extension host. Exits with the suite's exit code.
//
//   node test/integration/run-code-server.mjs [--screenshots DIR] [--vsix FILE]
//
// --vsix installs the packaged extension into code-server first and runs the suite against the installed copy,
// which proves the .vsix holds everything the extension needs.
//
// Environment: VERBATIM_CODE_SERVER_DIR (install cache), VERBATIM_TEST_TIMEOUT_MS (default 600000),
// VERBATIM_SCREENSHOTS=DIR (same as --screenshots: also runs the screenshot tour).
import { spawn, spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as net from 'node:net';
import * as os from 'node:os';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { CHROMIUM, ensureCodeServer } from './code-server-setup.mjs';

const repo = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const testEntry = path.join(repo, 'out', 'test', 'integration', 'suite', 'index.js');
const timeoutMs = Number(process.env.VERBATIM_TEST_TIMEOUT_MS ?? 600_000);
const shotsArg = process.argv.indexOf('--screenshots');
const screenshots = shotsArg > 0 ? path.resolve(process.argv[shotsArg + 1] ?? 'screenshots') : process.env.VERBATIM_SCREENSHOTS;
const vsixArg = process.argv.indexOf('--vsix');
const vsix = vsixArg > 0 ? path.resolve(process.argv[vsixArg + 1] ?? 'verbatim.vsix') : null;

/** Installs the .vsix with code-server's own installer and returns the folder it was unpacked into. */
function installVsix(node, entry, extensionsDir) {
  const r = spawnSync(node, [entry, '--extensions-dir', extensionsDir, '--install-extension', vsix], { encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`code-server could not install ${vsix}: ${(r.stderr || r.stdout).trim().split('\n').slice(-5).join(' ')}`);
  const pkg = JSON.parse(fs.readFileSync(path.join(repo, 'package.json'), 'utf8'));
  const folder = fs.readdirSync(extensionsDir).find((f) => f.startsWith(`${pkg.publisher}.${pkg.name}-`));
  if (!folder) throw new Error(`${vsix} installed, but no ${pkg.publisher}.${pkg.name} folder appeared in ${extensionsDir}`);
  return path.join(extensionsDir, folder);
}

function freePort() {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.on('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address();
      srv.close(() => resolve(port));
    });
  });
}

async function waitForHttp(url, deadline, server) {
  while (Date.now() < deadline) {
    if (server.exitCode !== null) throw new Error(`code-server exited early with code ${server.exitCode}`);
    try {
      const r = await fetch(url);
      if (r.ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`code-server did not answer at ${url}`);
}

async function main() {
  if (!fs.existsSync(testEntry)) throw new Error(`${path.relative(repo, testEntry)} is missing: run \`npm run compile-tests\` first`);
  if (!fs.existsSync(path.join(repo, 'dist', 'extension.js'))) throw new Error('dist/extension.js is missing: run `npm run build` first');
  const { node, entry } = ensureCodeServer();

  // A fresh copy of the fixture workspace each run: tests edit sources and drafts.
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'verbatim-it-'));
  const workspace = path.join(tmp, 'workspace');
  fs.cpSync(path.join(repo, 'test', 'integration', 'workspace'), workspace, { recursive: true });
  const extensionsDir = path.join(tmp, 'extensions');
  fs.mkdirSync(extensionsDir);
  const extensionPath = vsix ? installVsix(node, entry, extensionsDir) : repo;
  if (vsix) console.log(`integration: testing the installed ${path.basename(vsix)} (${path.relative(tmp, extensionPath)})`);
  const port = await freePort();
  const origin = `http://127.0.0.1:${port}`;
  const server = spawn(
    node,
    [
      entry,
      '--auth', 'none',
      '--bind-addr', `127.0.0.1:${port}`,
      '--disable-telemetry',
      '--disable-update-check',
      '--disable-workspace-trust',
      '--user-data-dir', path.join(tmp, 'user-data'),
      '--extensions-dir', extensionsDir,
      '--vscode-option=enable-smoke-test-driver',
      workspace,
    ],
    {
      stdio: ['ignore', 'pipe', 'pipe'],
      // With --screenshots only the tour runs, on the untouched fixture workspace.
      env: { ...process.env, VERBATIM_SCREENSHOTS: screenshots ?? '', ...(screenshots ? { VERBATIM_TEST_GREP: 'Screenshot tour' } : {}), ...(vsix ? { VERBATIM_TEST_LIGHT: '1' } : {}) },
    },
  );
  const serverLog = [];
  server.stdout.on('data', (d) => serverLog.push(String(d)));
  server.stderr.on('data', (d) => serverLog.push(String(d)));

  let browser;
  try {
    const deadline = Date.now() + timeoutMs;
    await waitForHttp(`${origin}/healthz`, Math.min(deadline, Date.now() + 60_000), server);
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      headless: true,
      args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
    });
    const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
    let resolveExit;
    const exited = new Promise((r) => (resolveExit = r));
    await page.exposeFunction('codeAutomationExit', (code) => resolveExit(Number(code)));
    // The extension host's console.log arrives here; the suite prints mocha's report through it.
    page.on('console', (msg) => {
      if (process.env.VERBATIM_DEBUG) console.log('[page]', msg.type(), msg.text());
      const text = msg.text();
      const at = text.indexOf('[verbatim-test] ');
      if (at < 0) return;
      const line = text.slice(at + '[verbatim-test] '.length);
      const shot = /^SCREENSHOT (\S+)$/.exec(line);
      if (shot && screenshots) {
        // Let widgets and views finish rendering, then write the picture the tour is waiting for.
        setTimeout(() => void page.screenshot({ path: path.join(screenshots, `${shot[1]}.png`) }).catch((e) => console.error(`screenshot ${shot[1]}: ${e.message}`)), 1500);
      } else console.log(line);
    });
    if (screenshots) fs.mkdirSync(screenshots, { recursive: true });
    const payload = [
      ['extensionDevelopmentPath', `vscode-remote://127.0.0.1:${port}${extensionPath}`],
      ['extensionTestsPath', `vscode-remote://127.0.0.1:${port}${testEntry}`],
    ];
    await page.goto(`${origin}/?folder=${encodeURIComponent(workspace)}&payload=${encodeURIComponent(JSON.stringify(payload))}`);
    const timer = new Promise((_, reject) => setTimeout(() => reject(new Error(`the suite did not finish within ${timeoutMs / 1000} s`)), deadline - Date.now()));
    const code = await Promise.race([exited, timer]);
    return code;
  } catch (err) {
    console.error(`integration: ${err.message}`);
    const tail = serverLog.join('').trim().split('\n').slice(-15).join('\n');
    if (tail) console.error(`code-server said:\n${tail}`);
    return 1;
  } finally {
    await browser?.close().catch(() => {});
    server.kill('SIGTERM');
    fs.rmSync(tmp, { recursive: true, force: true });
  }
}

main().then(
  (code) => process.exit(code),
  (err) => {
    console.error(`integration: ${err.message}`);
    process.exit(1);
  },
);
