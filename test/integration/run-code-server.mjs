// Runs the in-editor test suite inside a real VS Code (code-server + Chromium), the way @vscode/test-electron runs
// it in desktop VS Code: the workbench loads this extension in development mode and runs the suite in the extension
// host. Exits with the suite's exit code.
//
//   node test/integration/run-code-server.mjs [--host desktop|web] [--restricted] [--vsix FILE] [--screenshots DIR]
//
// --host desktop (the default) runs the extension's `main` in the Node extension host, with the compiled test entry
//   out/test/integration/suite/index.js; --host web runs its `browser` entry in the browser's web worker extension
//   host, as vscode.dev does, with the bundled suite out/test/web/index.js (`node esbuild.js --tests`).
// --restricted starts VS Code with workspace trust on, so the folder opens in Restricted Mode, gives the workspace a
//   `verbatim.sources` setting that must be ignored, and runs the workspace trust tests only.
// --vsix installs the packaged extension into code-server first and runs the light suite against the installed copy,
//   which proves the .vsix holds everything the extension needs.
// --screenshots DIR runs only the screenshot tour and writes its pictures to DIR.
// --reload runs the saved-index tests three times in one window: once to save the index; after reloading the window
//   (the extension host starts again, with the same storage), to answer from the saved index; and after one source
//   was changed while the window was closed, to read that one again and never show its old words.
//
// The run's choices reach the suite in <tmp>/verbatim-test.json, next to the workspace folder (the web host has no
// environment variables). Environment: VERBATIM_CODE_SERVER_DIR (install cache), VERBATIM_TEST_TIMEOUT_MS (default
// 600000), VERBATIM_SCREENSHOTS=DIR (same as --screenshots), VERBATIM_TEST_GREP, VERBATIM_DEBUG (print the page's
// console).
import { spawn, spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as net from 'node:net';
import * as os from 'node:os';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { CHROMIUM, ensureCodeServer } from './code-server-setup.mjs';

const repo = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const arg = (name) => {
  const at = process.argv.indexOf(name);
  return at > 0 ? (process.argv[at + 1] ?? '') : null;
};
const host = arg('--host') ?? 'desktop';
if (host !== 'desktop' && host !== 'web') throw new Error(`--host is desktop or web, not ${host}`);
const restricted = process.argv.includes('--restricted');
const testEntry = host === 'web' ? path.join(repo, 'out', 'test', 'web', 'index.js') : path.join(repo, 'out', 'test', 'integration', 'suite', 'index.js');
const pkg = JSON.parse(fs.readFileSync(path.join(repo, 'package.json'), 'utf8'));
const buildHint = host === 'web' ? '`node esbuild.js --tests`' : '`npm run compile-tests`';
const timeoutMs = Number(process.env.VERBATIM_TEST_TIMEOUT_MS ?? 600_000);
const screenshots =
  arg('--screenshots') !== null
    ? path.resolve(arg('--screenshots') || 'screenshots')
    : process.env.VERBATIM_SCREENSHOTS
      ? path.resolve(process.env.VERBATIM_SCREENSHOTS)
      : undefined;
const vsix = arg('--vsix') !== null ? path.resolve(arg('--vsix') || 'verbatim.vsix') : null;
const reload = process.argv.includes('--reload');

/** Installs the .vsix with code-server's own installer and returns the folder it was unpacked into. */
function installVsix(node, entry, extensionsDir) {
  const r = spawnSync(node, [entry, '--extensions-dir', extensionsDir, '--install-extension', vsix], { encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`code-server could not install ${vsix}: ${(r.stderr || r.stdout).trim().split('\n').slice(-5).join(' ')}`);
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
  if (!fs.existsSync(testEntry)) throw new Error(`${path.relative(repo, testEntry)} is missing: run ${buildHint} first`);
  const bundle = host === 'web' ? path.join('dist', 'web', 'extension.js') : path.join('dist', 'extension.js');
  if (!vsix && !fs.existsSync(path.join(repo, bundle))) throw new Error(`${bundle} is missing: run \`npm run build\` first`);
  const { node, entry } = ensureCodeServer();

  // A fresh copy of the fixture workspace each run: tests edit sources and drafts.
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'verbatim-it-'));
  const workspace = path.join(tmp, 'workspace');
  fs.cpSync(path.join(repo, 'test', 'integration', 'workspace'), workspace, { recursive: true });
  if (reload) {
    // Sources last edited an hour ago, as a writer's usually were: their mtime tells, without reading them, that
    // they have not changed since the index was saved (a file changed within moments of the saving is read).
    const hourAgo = new Date(Date.now() - 3_600_000);
    for (const f of fs.readdirSync(path.join(workspace, 'sources'))) fs.utimesSync(path.join(workspace, 'sources', f), hourAgo, hourAgo);
  }
  const extensionsDir = path.join(tmp, 'extensions');
  fs.mkdirSync(extensionsDir);
  const extensionPath = vsix ? installVsix(node, entry, extensionsDir) : repo;
  if (vsix) console.log(`integration: testing the installed ${path.basename(vsix)} (${path.relative(tmp, extensionPath)})`);
  const userData = path.join(tmp, 'user-data');
  const userSettings = {};
  if (host === 'web') {
    // The web worker extension host. code-server always has a Node (remote) host, which an extension with a `main`
    // prefers; the payload's extensionDevelopmentKind is not read by this build's workbench (see the README), so the
    // user setting that picks where an extension runs does it. On vscode.dev there is no Node host at all.
    userSettings['remote.extensionKind'] = { [`${pkg.publisher}.${pkg.name}`]: ['web'] };
  }
  if (restricted) {
    // A pattern that would pick up a file the default does not: Restricted Mode must ignore it.
    fs.mkdirSync(path.join(workspace, '.vscode'));
    fs.writeFileSync(path.join(workspace, '.vscode', 'settings.json'), JSON.stringify({ 'verbatim.sources': ['elsewhere/**/*.md', '../outside-restricted/*.md'] }, null, 2));
    // No modal "Do you trust the authors?" over the editor while the tests drive it; the folder stays untrusted.
    userSettings['security.workspace.trust.startupPrompt'] = 'never';
  }
  fs.mkdirSync(path.join(userData, 'User'), { recursive: true });
  fs.writeFileSync(path.join(userData, 'User', 'settings.json'), JSON.stringify(userSettings, null, 2));
  // What the suite is to do in this run (see test/integration/suite/config.ts).
  const grep = screenshots ? 'Screenshot tour' : restricted ? 'Workspace trust' : reload ? 'Saved index' : (process.env.VERBATIM_TEST_GREP ?? '');
  const writeConfig = (phase) =>
    fs.writeFileSync(
      path.join(tmp, 'verbatim-test.json'),
      JSON.stringify({ expectedHost: host, light: !!vsix, restricted, ...(grep ? { grep } : {}), ...(screenshots ? { screenshots } : {}), ...(phase ? { phase } : {}) }),
    );
  writeConfig(reload ? 'before-reload' : undefined);
  console.log(
    `integration: the ${host} extension host${restricted ? ', workspace trust on (Restricted Mode)' : ''}${vsix ? ', packaged extension' : ''}${reload ? ', saved index across a window reload' : ''}`,
  );
  const port = await freePort();
  const origin = `http://127.0.0.1:${port}`;
  const server = spawn(
    node,
    [
      entry,
      '--auth',
      'none',
      '--bind-addr',
      `127.0.0.1:${port}`,
      '--disable-telemetry',
      '--disable-update-check',
      ...(restricted ? [] : ['--disable-workspace-trust']),
      '--user-data-dir',
      userData,
      '--extensions-dir',
      extensionsDir,
      '--vscode-option=enable-smoke-test-driver',
      workspace,
    ],
    {
      stdio: ['ignore', 'pipe', 'pipe'],
      // The suite takes its choices from verbatim-test.json, not from inherited variables.
      env: Object.fromEntries(Object.entries(process.env).filter(([k]) => !k.startsWith('VERBATIM_TEST') && k !== 'VERBATIM_SCREENSHOTS')),
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
    // Each run of the suite ends by calling codeAutomationExit (it survives a reload of the page).
    let resolveExit;
    let exited = new Promise((r) => (resolveExit = r));
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
    // The workbench runs the tests in the host of the extension whose folder holds the test entry; a test entry
    // outside every extension goes to the Node host. So for the installed .vsix in the web host, the bundled suite
    // is copied into the installed folder (beside, not into, what the package holds).
    let entryPath = testEntry;
    if (vsix && host === 'web') {
      entryPath = path.join(extensionPath, '.verbatim-test', 'index.js');
      fs.mkdirSync(path.dirname(entryPath));
      fs.copyFileSync(testEntry, entryPath);
    }
    const payload = [
      ['extensionDevelopmentPath', `vscode-remote://127.0.0.1:${port}${extensionPath}`],
      ['extensionTestsPath', `vscode-remote://127.0.0.1:${port}${entryPath}`],
      ...(host === 'web' ? [['extensionDevelopmentKind', 'web']] : []),
    ];
    await page.goto(`${origin}/?folder=${encodeURIComponent(workspace)}&payload=${encodeURIComponent(JSON.stringify(payload))}`);
    const timer = new Promise((_, reject) => setTimeout(() => reject(new Error(`the suite did not finish within ${timeoutMs / 1000} s`)), deadline - Date.now()));
    let code = await Promise.race([exited, timer]);
    if (!reload) return code;
    // The same window again: the workbench and the extension host start anew, with the storage the first run left.
    const phases = [
      ['after-reload', () => {}],
      [
        'changed-while-closed',
        () => {
          const file = path.join(workspace, 'sources', 'rail-interview.txt');
          fs.writeFileSync(file, fs.readFileSync(file, 'utf8').replace('safe by the end of January', 'safe by the end of March'));
        },
      ],
    ];
    for (const [phase, before] of phases) {
      if (code !== 0) return code;
      before();
      writeConfig(phase);
      exited = new Promise((r) => (resolveExit = r));
      console.log(`integration: reloading the window (${phase})`);
      await page.reload();
      code = await Promise.race([exited, timer]);
    }
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
