// The test entry for the web worker extension host (vscode.dev's host), bundled by `node esbuild.js --tests` into
// out/test/web/index.js: CommonJS exporting run(), with only `vscode` external. It runs the same *.test.ts files as
// the desktop entry, through mocha's browser build. Which files: all of ../*.test.ts, listed when bundling.
import { loadTestConfig } from '../config';
import { finish, lineReporter } from '../reporter';
import testFiles from 'verbatim-test-files';

export async function run(): Promise<void> {
  const config = await loadTestConfig();
  // Mocha's browser build, loaded here and not imported: its UMD header would otherwise replace this bundle's own
  // module.exports. It sets the globals `mocha` and `Mocha`.
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  require('mocha/mocha');
  // A cold web host can take longer for the first command while the extension activates: the timeout is raised.
  mocha.setup({ ui: 'tdd', timeout: 30_000, reporter: lineReporter(Mocha.reporters.Base), color: false });
  if (config.grep) mocha.grep(config.grep);
  // setup() has defined the tdd globals (suite, test, …); loading a file defines its suites. A file that cannot load
  // here (it uses Node at its top level) fails as one test, and the other files still run.
  for (const f of testFiles) {
    try {
      f.load();
    } catch (err) {
      suite(f.name, () => test('loads in the web extension host', () => Promise.reject(err as Error)));
    }
  }
  return new Promise((resolve, reject) => {
    const runner = mocha.run((failures) => finish(runner.stats?.passes ?? 0, failures, resolve, reject));
  });
}
