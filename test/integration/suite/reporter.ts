// The suite's reporter, for both mocha builds (Node's in the desktop host, the browser build in the web host).

/** Marks the suite's own output so the code-server launcher can tell it from the workbench's logging. */
export const OUTPUT_MARKER = '[verbatim-test] ';

export const say = (line: string) => console.log(OUTPUT_MARKER + line);

/**
 * A spec-like reporter that prints whole lines: the extension host forwards console output to the workbench, which
 * mangles printf-style arguments, so nothing here relies on them.
 */
export function lineReporter(Base: typeof Mocha.reporters.Base): typeof Mocha.reporters.Base {
  return class LineReporter extends Base {
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
        for (const line of String(err.stack ?? err.message)
          .split('\n')
          .slice(0, 12)) {
          say(`${pad()}    ${line}`);
        }
      });
      runner.on('pending', (t) => say(`${pad()}- ${t.title} (skipped)`));
    }
  };
}

/** The closing line that CI reads, and the promise VS Code waits on. */
export function finish(passes: number, failures: number, resolve: () => void, reject: (err: Error) => void): void {
  say(`integration: ${passes} passed, ${failures} failed`);
  if (failures > 0) reject(new Error(`${failures} in-editor test(s) failed`));
  else resolve();
}
