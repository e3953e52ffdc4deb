// The test entry that VS Code runs in the extension host (both launchers): mocha over every *.test.js here.
import * as fs from 'node:fs';
import * as path from 'node:path';
import Mocha from 'mocha';

/** Marks the suite's own output so the code-server launcher can tell it from the workbench's logging. */
export const OUTPUT_MARKER = '[verbatim-test] ';

const say = (line: string) => console.log(OUTPUT_MARKER + line);

/**
 * A spec-like reporter that prints whole lines: the extension host forwards console output to the workbench, which
 * mangles printf-style arguments, so nothing here relies on them.
 */
class LineReporter extends Mocha.reporters.Base {
  constructor(runner: Mocha.Runner, options?: Mocha.MochaOptions) {
    super(runner, options);
    let depth = 0;
    const pad = () => '  '.repeat(depth);
    runner.on('suite', (s) => {
      if (s.title) say(`${pad()}${s.title}`);
      depth++;
    });
    runner.on('suite end', () => depth--);
    runner.on('pass', (t) => say(`${pad()}✔ ${t.title} (${t.duration ?? 0} ms)`));
    runner.on('fail', (t, err: Error) => {
      say(`${pad()}✖ ${t.title}`);
      for (const line of String(err.stack ?? err.message).split('\n').slice(0, 12)) say(`${pad()}    ${line}`);
    });
    runner.on('pending', (t) => say(`${pad()}- ${t.title} (skipped)`));
  }
}

export function run(): Promise<void> {
  const mocha = new Mocha({ ui: 'tdd', color: false, timeout: 20_000, reporter: LineReporter });
  const only = process.env.VERBATIM_TEST_GREP;
  if (only) mocha.grep(only);
  for (const f of fs.readdirSync(__dirname).filter((f) => f.endsWith('.test.js')).sort()) mocha.addFile(path.join(__dirname, f));
  return new Promise((resolve, reject) => {
    const runner = mocha.run((failures) => {
      // The closing line that CI reads.
      say(`integration: ${runner.stats?.passes ?? 0} passed, ${failures} failed`);
      if (failures > 0) reject(new Error(`${failures} in-editor test(s) failed`));
      else resolve();
    });
  });
}
