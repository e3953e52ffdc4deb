// The layers of src/ (see src/*/README.md) are guarded here, not by convention:
// core is host-free, hosts never reach into each other.
import tseslint from 'typescript-eslint';

const nodeBuiltins = ['fs', 'path', 'os', 'child_process', 'worker_threads', 'util', 'url', 'crypto', 'http', 'https', 'net'];

export default tseslint.config(
  { ignores: ['dist/**', 'out/**', 'node_modules/**', '.vscode-test/**', 'test/integration/workspace/**'] },
  ...tseslint.configs.recommended,
  {
    // Type-aware rules: a promise nobody awaits or catches is a silent failure in an extension host. (Not in
    // test/: node:test's top-level test() calls return promises the runner tracks.)
    files: ['src/**/*.ts'],
    languageOptions: { parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname } },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-misused-promises': 'error',
    },
  },
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      eqeqeq: ['error', 'always'],
      curly: ['error', 'multi-line'],
    },
  },
  {
    files: ['src/core/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: ['vscode', ...nodeBuiltins].map((name) => ({ name, message: 'src/core is host-free: the host passes data in.' })),
          patterns: [
            { group: ['node:*'], message: 'src/core is host-free: no Node built-ins.' },
            { group: ['**/vscode/**', '**/cli/**'], message: 'src/core must not import the hosts.' },
          ],
        },
      ],
    },
  },
  {
    files: ['src/cli/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [{ name: 'vscode', message: 'The CLI runs without VS Code.' }],
          patterns: [
            { group: ['**/vscode/**'], message: 'The CLI must not import the extension.' },
            { group: ['**/core/*', '!**/core/index'], message: 'Hosts use the engine through src/core/index.ts only.' },
          ],
        },
      ],
    },
  },
  {
    files: ['src/index-worker/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [{ name: 'vscode', message: 'The index worker serves every host; it must not need VS Code.' }],
          patterns: [
            { group: ['**/vscode/**', '**/cli/**'], message: 'The index worker must not import the hosts.' },
            { group: ['**/core/*', '!**/core/index', '!**/core/worker-api'], message: 'The index worker uses src/core/index.ts and src/core/worker-api.ts only.' },
          ],
        },
      ],
    },
  },
  {
    files: ['src/vscode/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: ['**/cli/**'], message: 'The extension must not import the CLI.' },
            { group: ['**/core/*', '!**/core/index'], message: 'Hosts use the engine through src/core/index.ts only.' },
          ],
        },
      ],
    },
  },
  {
    files: ['**/*.js', '**/*.mjs', '**/*.cjs'],
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
);
