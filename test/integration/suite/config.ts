// What the launcher asks of this run, the same way in both extension hosts. The web worker extension host has no
// `process.env`, so the launcher writes `verbatim-test.json` next to the workspace folder and the suite reads it
// with vscode.workspace.fs before loading the test files. Environment variables still work where there is a
// `process` (run-electron.mjs).
import * as vscode from 'vscode';

export interface TestConfig {
  /** Which extension host the suite runs in: `web` is the browser's web worker host, as on vscode.dev. */
  host: 'desktop' | 'web';
  /** Leave the heavy suites out (the packaged-extension run tests the same code as the main run). */
  light: boolean;
  /** Run only the tests whose title matches. */
  grep?: string;
  /** Where the launcher writes the screenshot tour's pictures (a path on the machine running code-server). */
  screenshots?: string;
  /** The workspace is untrusted (Restricted Mode): the launcher started VS Code with workspace trust on. */
  restricted: boolean;
  /** The host the launcher asked for (absent when no launcher file was written, e.g. run-electron.mjs). */
  expectedHost?: 'desktop' | 'web';
  /** The saved-index run (`--reload`): the same window before and after a reload. */
  phase?: 'before-reload' | 'after-reload' | 'changed-while-closed';
}

/** True in the web worker extension host: no Node `process` there. */
export const isWebHost = typeof process === 'undefined' || !process.versions?.node;

let config: TestConfig = { host: isWebHost ? 'web' : 'desktop', light: false, restricted: false };

export const testConfig = (): TestConfig => config;

export async function loadTestConfig(): Promise<TestConfig> {
  const env = isWebHost ? {} : process.env;
  let file: Partial<TestConfig> = {};
  const folder = vscode.workspace.workspaceFolders?.[0]?.uri;
  if (folder) {
    try {
      file = JSON.parse(new TextDecoder().decode(await vscode.workspace.fs.readFile(vscode.Uri.joinPath(folder, '..', 'verbatim-test.json')))) as Partial<TestConfig>;
    } catch {
      // no file: the defaults and the environment
    }
  }
  config = {
    host: isWebHost ? 'web' : 'desktop',
    light: file.light ?? !!env.VERBATIM_TEST_LIGHT,
    restricted: file.restricted ?? false,
    ...(file.expectedHost ? { expectedHost: file.expectedHost } : {}),
    ...(file.phase ? { phase: file.phase } : {}),
    ...(file.grep || env.VERBATIM_TEST_GREP ? { grep: file.grep || env.VERBATIM_TEST_GREP } : {}),
    ...(file.screenshots || env.VERBATIM_SCREENSHOTS ? { screenshots: file.screenshots || env.VERBATIM_SCREENSHOTS } : {}),
  };
  return config;
}
