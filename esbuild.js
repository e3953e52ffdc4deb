// Bundles the extension (desktop and web), the `verbatim` CLI and the index workers. Type checking is separate
// (`npm run check-types`).
//   node esbuild.js               development build with source maps
//   node esbuild.js --production  minified, no source maps
//   node esbuild.js --watch       rebuild on change
//   node esbuild.js --tests       only the in-editor suite for the web extension host (out/test/web/index.js)
const fs = require('node:fs');
const path = require('node:path');
const esbuild = require('esbuild');

const production = process.argv.includes('--production');
const watch = process.argv.includes('--watch');
const tests = process.argv.includes('--tests');

/** Prints build errors in the `file:line:col: error:` shape VS Code's problem matchers read. */
const problemMatcherPlugin = {
  name: 'problem-matcher',
  setup(build) {
    build.onStart(() => console.log(`[watch] build started (${build.initialOptions.outfile})`));
    build.onEnd((result) => {
      for (const { text, location } of result.errors) {
        console.error(`✘ [ERROR] ${text}`);
        if (location) console.error(`    ${location.file}:${location.line}:${location.column}:`);
      }
      console.log(`[watch] build finished (${build.initialOptions.outfile})`);
    });
  },
};

const common = {
  bundle: true,
  format: 'cjs',
  platform: 'node',
  target: 'node20',
  minify: production,
  sourcemap: !production,
  sourcesContent: false,
  logLevel: 'silent',
  plugins: watch ? [problemMatcherPlugin] : [],
};
// linkedom tries `require('canvas')` (a native Node module) and falls back to its shim; in a browser build the shim
// is the module, so the bundle needs nothing but `vscode`.
const canvasShim = {
  name: 'canvas-shim',
  setup(build) {
    build.onResolve({ filter: /^canvas$/ }, () => ({ path: path.join(__dirname, 'node_modules', 'linkedom', 'commonjs', 'canvas-shim.cjs') }));
  },
};
const browser = { ...common, platform: 'browser', target: 'es2022', plugins: [...common.plugins, canvasShim] };

const targets = [
  { ...common, entryPoints: ['src/vscode/extension.ts'], outfile: 'dist/extension.js', external: ['vscode'] },
  { ...common, entryPoints: ['src/cli/main.ts'], outfile: 'dist/cli.js', banner: { js: '#!/usr/bin/env node' } },
  // The indexing worker thread of the extension (and the benchmark).
  { ...common, entryPoints: ['src/index-worker/node-worker.ts'], outfile: 'dist/index-worker.js' },
  // The web build (package.json `browser`), for VS Code's web worker extension host (vscode.dev): CommonJS with only
  // `vscode` external, no Node built-ins (esbuild fails the build if anything imports one).
  { ...browser, entryPoints: ['src/vscode/extension-web.ts'], outfile: 'dist/web/extension.js', external: ['vscode'] },
  // Its indexing worker: a classic script, started from a Blob URL (see src/index-worker/web-client.ts).
  { ...browser, format: 'iife', entryPoints: ['src/index-worker/web-worker.ts'], outfile: 'dist/web/index-worker.js' },
];

/**
 * The in-editor suite for the web extension host: one CommonJS bundle exporting run(), with mocha's browser build.
 * Test files are found when bundling (the virtual module `verbatim-test-files`), so a new *.test.ts in the suite's
 * folder runs in both hosts. `node:assert/strict` becomes a small browser implementation of the same functions.
 */
const suiteDir = path.join(__dirname, 'test', 'integration', 'suite');
const testFilesPlugin = {
  name: 'verbatim-test-files',
  setup(build) {
    build.onResolve({ filter: /^verbatim-test-files$/ }, () => ({ path: 'verbatim-test-files', namespace: 'verbatim-test-files' }));
    build.onLoad({ filter: /.*/, namespace: 'verbatim-test-files' }, () => {
      const files = fs
        .readdirSync(suiteDir)
        .filter((f) => f.endsWith('.test.ts'))
        .sort();
      const loads = files.map((f) => `  { name: ${JSON.stringify(f.replace(/\.ts$/, '.js'))}, load: () => require(${JSON.stringify('./' + f)}) },`);
      return { contents: `module.exports = [\n${loads.join('\n')}\n];\n`, loader: 'js', resolveDir: suiteDir, watchFiles: files.map((f) => path.join(suiteDir, f)) };
    });
    build.onResolve({ filter: /^(node:)?assert(\/strict)?$/ }, () => ({ path: path.join(suiteDir, 'web', 'assert.ts') }));
  },
};
const webTests = {
  ...browser,
  entryPoints: ['test/integration/suite/web/index.ts'],
  outfile: 'out/test/web/index.js',
  // Node built-ins stay unresolved, so one test file that uses Node fails alone, at run time, not the whole bundle.
  external: ['vscode', 'node:*', 'fs', 'path', 'os', 'util', 'url', 'child_process', 'crypto', 'worker_threads', 'events', 'stream', 'buffer'],
  minify: false,
  sourcemap: 'inline',
  plugins: [...browser.plugins, testFilesPlugin],
};

async function main() {
  const contexts = await Promise.all((tests ? [webTests] : targets).map((t) => esbuild.context(t)));
  if (watch) {
    await Promise.all(contexts.map((c) => c.watch()));
    return;
  }
  try {
    for (const ctx of contexts) {
      const result = await ctx.rebuild();
      for (const w of result.warnings) console.warn(`warning: ${w.text}`);
    }
  } finally {
    await Promise.all(contexts.map((c) => c.dispose()));
  }
}

main().catch((err) => {
  console.error(err.message ?? err);
  process.exit(1);
});
