import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { FINDING_CODES } from './core-internals';
import { sanitizeSettings, SETTING_DEFAULTS } from '../../src/vscode/settings-schema';
import { repoRoot } from './helpers';

const pkg = JSON.parse(fs.readFileSync(path.join(repoRoot, 'package.json'), 'utf8'));
const properties: Record<string, { default: unknown; markdownDescription?: string; scope?: string; type?: string }> = pkg.contributes.configuration.properties;

test('package.json setting defaults equal the typed defaults in settings-schema.ts', () => {
  const fromManifest = Object.fromEntries(Object.entries(properties).map(([k, v]) => [k.replace(/^verbatim\./, ''), v.default]));
  assert.deepEqual(fromManifest, { ...SETTING_DEFAULTS });
});

test('every setting has a type, a scope and a full-sentence description', () => {
  for (const [key, p] of Object.entries(properties)) {
    assert.ok(p.type, `${key} type`);
    assert.ok(p.scope, `${key} scope`);
    assert.match(p.markdownDescription ?? '', /^[A-Z].+\.$/, `${key} description`);
  }
});

test('every finding code has a severity setting and a docs page', () => {
  const severity = properties['verbatim.severity'] as unknown as { properties: Record<string, unknown> };
  assert.deepEqual(Object.keys(severity.properties).sort(), [...FINDING_CODES].sort());
  for (const code of FINDING_CODES) assert.ok(fs.existsSync(path.join(repoRoot, 'docs', 'codes', `${code}.md`)), `docs/codes/${code}.md`);
});

test('commands: verbNoun ids, Title Case titles without prefix, category Verbatim', () => {
  for (const c of pkg.contributes.commands as { command: string; title: string; category: string }[]) {
    assert.match(c.command, /^verbatim\.[a-z]+[A-Za-z]*$/);
    assert.match(c.title, /^[A-Z]/);
    assert.doesNotMatch(c.title, /^Verbatim/);
    assert.equal(c.category, 'Verbatim');
  }
});

test('engines.vscode admits the VS Code the suite runs in, and @types/vscode is pinned to it', () => {
  assert.equal(pkg.engines.vscode, `^${pkg.devDependencies['@types/vscode']}`);
  const setup = fs.readFileSync(path.join(repoRoot, 'test/integration/code-server-setup.mjs'), 'utf8');
  const csVersion = /CODE_SERVER_VERSION = '4\.(\d+)\.\d+'/.exec(setup)![1]!;
  const minimum = Number(/^\^1\.(\d+)/.exec(pkg.engines.vscode)![1]);
  assert.ok(minimum <= Number(csVersion), `engines.vscode ${pkg.engines.vscode} admits VS Code 1.${csVersion}`);
});

test('bad settings values fall back to their defaults', () => {
  const s = sanitizeSettings({ sources: 'not-an-array', minQuoteWords: -1, citationStyle: 'harvard', severity: { misquote: 'loud', 'wrong-speaker': 'off' } });
  assert.deepEqual(s.sources, SETTING_DEFAULTS.sources);
  assert.equal(s.minQuoteWords, SETTING_DEFAULTS.minQuoteWords);
  assert.equal(s.citationStyle, 'inline');
  assert.equal(s.severity.misquote, 'warning');
  assert.equal(s.severity['wrong-speaker'], 'off');
});

test('the $verbatim problem matcher reads every finding line that `verbatim check` prints', async () => {
  const { run } = await import('../../src/cli/main');
  const matcher = pkg.contributes.problemMatchers.find((m: { name: string }) => m.name === 'verbatim');
  const regexp = new RegExp(matcher.pattern.regexp);
  let stdout = '';
  await run(['check', 'examples/draft.md'], { stdout: (s) => (stdout += s), stderr: () => undefined, cwd: repoRoot, resourcesDir: path.join(repoRoot, 'resources') });
  const lines = stdout.trim().split('\n');
  assert.ok(lines.length >= 4);
  for (const line of lines) {
    const m = regexp.exec(line);
    assert.ok(m, line);
    assert.equal(m[matcher.pattern.file], 'examples/draft.md');
    assert.ok((FINDING_CODES as readonly string[]).includes(m[matcher.pattern.code]!), m[matcher.pattern.code]);
    assert.ok(['error', 'warning', 'info', 'hint'].includes(m[matcher.pattern.severity]!));
  }
});
