// The test entry that VS Code runs in the desktop (Node) extension host (both launchers): mocha over every
// *.test.js here. The web extension host runs the same files from a browser bundle (web/index.ts).
import * as fs from 'node:fs';
import * as path from 'node:path';
import Mocha from 'mocha';
import { loadTestConfig } from './config';
import { finish, lineReporter } from './reporter';

export { OUTPUT_MARKER } from './reporter';

export async function run(): Promise<void> {
  const config = await loadTestConfig();
  const mocha = new Mocha({ ui: 'tdd', color: false, timeout: 20_000, reporter: lineReporter(Mocha.reporters.Base) });
  if (config.grep) mocha.grep(config.grep);
  for (const f of fs
    .readdirSync(__dirname)
    .filter((f) => f.endsWith('.test.js'))
    .sort()) {
    mocha.addFile(path.join(__dirname, f));
  }
  return new Promise((resolve, reject) => {
    const runner = mocha.run((failures) => finish(runner.stats?.passes ?? 0, failures, resolve, reject));
  });
}
