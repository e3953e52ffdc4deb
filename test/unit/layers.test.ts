import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import * as path from 'node:path';
import { repoRoot } from './helpers';

// The layer rule lives in eslint.config.mjs; this proves it fires, so a broken config cannot pass silently.
test('the lint rule keeps src/core free of vscode and Node built-ins, and the hosts apart', async () => {
  const { ESLint } = await import('eslint');
  // The probes are not files of the TypeScript project, so type-aware parsing and the rules that need it are turned
  // off for them: the layer rule needs no types, and with the project service on each probe is only a parsing error.
  const eslint = new ESLint({
    cwd: repoRoot,
    overrideConfig: {
      languageOptions: { parserOptions: { projectService: false, project: null } },
      rules: { '@typescript-eslint/no-floating-promises': 'off', '@typescript-eslint/no-misused-promises': 'off' },
    },
  });
  const lint = async (file: string, code: string) => (await eslint.lintText(code, { filePath: path.join(repoRoot, file) }))[0]!.messages.map((m) => m.ruleId);
  assert.deepEqual(await lint('src/core/probe.ts', "import * as fs from 'node:fs';\nexport const x = fs;\n"), ['no-restricted-imports']);
  assert.deepEqual(await lint('src/core/probe.ts', "import * as vscode from 'vscode';\nexport const x = vscode;\n"), ['no-restricted-imports']);
  assert.deepEqual(await lint('src/core/probe.ts', "import { run } from '../cli/main';\nexport const x = run;\n"), ['no-restricted-imports']);
  assert.deepEqual(await lint('src/cli/probe.ts', "import * as vscode from 'vscode';\nexport const x = vscode;\n"), ['no-restricted-imports']);
  assert.deepEqual(await lint('src/vscode/probe.ts', "import { run } from '../cli/main';\nexport const x = run;\n"), ['no-restricted-imports']);
  assert.deepEqual(await lint('src/cli/probe.ts', "import * as fs from 'node:fs';\nexport const x = fs;\n"), []);
});
