// The web build: the bundles vscode.dev loads, and the Web Worker client, on plain Node. The worker script that
// runs here is the built dist/web/index-worker.js itself, evaluated in a fresh context that has only what a Web
// Worker has (postMessage, addEventListener), so a Node-only import in it would fail this test.
import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as vm from 'node:vm';
import { buildCatalog, checkDraft, createEngine, QuoteIndex, serveLocally } from './core-internals';
import { buildIndexInWebWorker, webWorkerFactory, type WorkerFactory } from '../../src/index-worker/web-client';
import { generateCorpus, generateDraft, generatePassages } from '../bench/corpus';
import { repoRoot } from './helpers';

const pkg = JSON.parse(fs.readFileSync(path.join(repoRoot, 'package.json'), 'utf8'));
const webWorkerScript = path.join(repoRoot, 'dist', 'web', 'index-worker.js');
const corpus = generateCorpus(1_000, 3);
const files = corpus.files.map((f) => ({ path: f.path, text: f.text }));

type Listener = (event: { data: unknown }) => void;

/** A stand-in for the browser's Worker: the script runs in its own context, messages are structured clones. */
function vmWorkers(script: string, started: { count: number; terminated: number }): WorkerFactory {
  return async () => {
    started.count++;
    const toHost: Record<string, Listener[]> = {};
    const toWorker: Listener[] = [];
    let terminated = false;
    const deliver = (listeners: Listener[] | undefined, message: unknown, transfer: ArrayBuffer[]) => {
      const data = structuredClone(message, { transfer });
      setTimeout(() => {
        if (!terminated) for (const l of listeners ?? []) l({ data });
      }, 0);
    };
    // What a Web Worker's global scope has and the worker uses (timers between a draft's quotations, abort signals).
    const scope = {
      TextDecoder,
      TextEncoder,
      setTimeout,
      clearTimeout,
      AbortController,
      postMessage: (m: unknown, transfer: ArrayBuffer[] = []) => deliver(toHost.message, m, transfer),
      addEventListener: (type: string, l: Listener) => type === 'message' && toWorker.push(l),
    };
    // A worker's global scope is also `self` (the engine's libraries look for it).
    const context = vm.createContext(scope);
    vm.runInContext('globalThis.self = globalThis;', context);
    vm.runInContext(script, context);
    return {
      postMessage: (m: unknown, transfer: ArrayBuffer[]) => deliver(toWorker, m, transfer),
      addEventListener: (type: string, l: Listener) => (toHost[type] ??= []).push(l),
      terminate: () => {
        terminated = true;
        started.terminated++;
      },
    } as unknown as Awaited<ReturnType<WorkerFactory>>;
  };
}

test('the web bundles need nothing but vscode, and the package ships them', () => {
  const entry = path.join(repoRoot, pkg.browser);
  assert.equal(pkg.browser, './dist/web/extension.js');
  for (const file of [entry, webWorkerScript]) {
    assert.ok(fs.existsSync(file), `${path.relative(repoRoot, file)} is missing: \`npm run test:unit\` builds it`);
    const required = [...fs.readFileSync(file, 'utf8').matchAll(/\brequire\(\s*["']([^"']+)["']\s*\)/g)].map((m) => m[1]);
    assert.deepEqual(
      [...new Set(required)].filter((r) => r !== 'vscode'),
      [],
      `${path.relative(repoRoot, file)} requires only vscode`,
    );
  }
  assert.doesNotMatch(fs.readFileSync(webWorkerScript, 'utf8'), /\brequire\(/, 'the worker script is a classic script');
  const ignore = fs.readFileSync(path.join(repoRoot, '.vscodeignore'), 'utf8').split('\n');
  for (const f of ['dist/extension.js', 'dist/index-worker.js', 'dist/web/extension.js', 'dist/web/index-worker.js']) {
    assert.ok(ignore.includes(`!${f}`), `.vscodeignore keeps ${f}`);
  }
  assert.deepEqual(pkg.extensionKind, ['workspace', 'ui']);
  assert.equal(pkg.capabilities.virtualWorkspaces.supported, 'limited');
  assert.deepEqual(pkg.capabilities.untrustedWorkspaces.restrictedConfigurations, ['verbatim.sources']);
});

test('the web worker holds the index and answers like the engine here; disposing it ends the worker', async () => {
  const script = fs.readFileSync(webWorkerScript, 'utf8');
  const started = { count: 0, terminated: 0 };
  const inProcess = new QuoteIndex(buildCatalog(files).sources);
  const { service, problems, worker } = await buildIndexInWebWorker([...files, { path: 'bad.md', bytes: new Uint8Array([0, 1, 2]) }], vmWorkers(script, started));
  assert.deepEqual(
    problems.map((p) => p.path),
    ['bad.md'],
  );
  assert.equal(service.quoteCount, inProcess.quoteCount);
  const draft = generateDraft(corpus, generatePassages(corpus, 40, 9), 15, 800);
  assert.deepEqual(await service.checkDraft(draft, {}), checkDraft(inProcess, draft));
  const local = serveLocally(createEngine(inProcess));
  const typed = draft.slice(0, draft.indexOf('“') + 12);
  assert.deepEqual(await service.complete(typed, typed.length), await local.complete(typed, typed.length));
  assert.deepEqual(started, { count: 1, terminated: 0 });
  worker.dispose();
  assert.deepEqual(started, { count: 1, terminated: 1 });
  await assert.rejects(service.search('anything'), /stopped/);
});

test('a cancelled build rejects with AbortError and ends its worker; a worker that cannot start rejects', async () => {
  const script = fs.readFileSync(webWorkerScript, 'utf8');
  const started = { count: 0, terminated: 0 };
  const controller = new AbortController();
  const cancelled = buildIndexInWebWorker(files, vmWorkers(script, started), { signal: controller.signal });
  controller.abort();
  await assert.rejects(cancelled, (err: Error) => err.name === 'AbortError');
  assert.equal(started.terminated, started.count);
  // Node has no Web Worker: the factory says so, and the caller (the source store) indexes inline instead.
  await assert.rejects(
    buildIndexInWebWorker(
      files,
      webWorkerFactory(async () => new Uint8Array()),
    ),
    /Web Workers are not available/,
  );
});

test('a message that is not the indexing protocol (PDF.js announcing itself in the worker) is ignored', async () => {
  const script = fs.readFileSync(webWorkerScript, 'utf8');
  const started = { count: 0, terminated: 0 };
  const real = vmWorkers(script, started);
  // The worker posts PDF.js's { sourceName, targetName, action: 'ready' } before any reply of its own.
  const chatty: WorkerFactory = async () => {
    const worker = await real();
    const add = worker.addEventListener.bind(worker) as (type: string, l: Listener) => void;
    return Object.assign(Object.create(worker) as object, {
      addEventListener: (type: string, l: Listener) => {
        if (type === 'message') setTimeout(() => l({ data: { sourceName: 'worker', targetName: 'main', action: 'ready', data: null } }), 0);
        add(type, l);
      },
    }) as Awaited<ReturnType<WorkerFactory>>;
  };
  const { service, worker } = await buildIndexInWebWorker(files, chatty);
  assert.equal(service.quoteCount, new QuoteIndex(buildCatalog(files).sources).quoteCount);
  worker.dispose();
});
