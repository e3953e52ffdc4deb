// Sixty look-ups of the kinds writers make (issue 13) against the built-in article and three fixture sources:
// mid-quote fragments, keywords in any order, typos, number and hyphen variants, other word forms. Each goes
// through `verbatim quotes --search` as a writer would run it, and the intended quote must come first for at
// least 90% of them and be in the top 3 for at least 97%.
import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import * as path from 'node:path';
import { run } from '../../src/cli/main';
import { fixture, repoRoot } from './helpers';

const A = 'alaska-summit-2025-08-18';
const G = 'grain-talks';
const H = 'harbour-strike';
const C = 'council-budget';

type Kind = 'fragment' | 'keywords' | 'typo' | 'number' | 'hyphen' | 'stem';
const LOOKUPS: [Kind, string, string, string][] = [
  // mid-quote fragments
  ['fragment', 'is ready to do', A, 'q6'],
  ['fragment', 'wants to be in NATO', A, 'q3'],
  ['fragment', 'one of the real reasons', A, 'q3'],
  ['fragment', 'take any more land from Ukraine', A, 'q5'],
  ['fragment', 'our main task', A, 'q7'],
  ['fragment', 'heard the Russians agree', A, 'q1'],
  ['fragment', 'violate their sovereignty', A, 'q4'],
  ['fragment', "what America's role will be", A, 'q7'],
  ['fragment', 'including the European Union', A, 'q6'],
  ['fragment', 'the following concession', A, 'q3'],
  ['fragment', 'still gaps to close', G, 'q3'],
  ['fragment', 'feeds millions of people', G, 'q1'],
  ['fragment', 'every family on this quay', H, 'q1'],
  ['fragment', 'comes back with something serious', H, 'q2'],
  ['fragment', 'the door remains open', H, 'q3'],
  ['fragment', 'going to be bullied', H, 'q6'],
  ['fragment', 'we found the savings', C, 'q1'],
  ['fragment', 'dressed up as long-term planning', C, 'q2'],
  ['fragment', 'the water mains under Harbour Street', C, 'q3'],
  ['fragment', 'nothing is hidden in the footnotes', C, 'q7'],
  ['fragment', 'back in this room before the summer', C, 'q9'],
  // keywords, any order
  ['keywords', 'coalition willing share', A, 'q6'],
  ['keywords', 'prevent violating borders', A, 'q5'],
  ['keywords', 'NATO Ukraine reasons', A, 'q3'],
  ['keywords', 'details America Europe role', A, 'q7'],
  ['keywords', 'security practice NATO', A, 'q7'],
  ['keywords', 'Trump willingness contribute', A, 'q6'],
  ['keywords', 'sovereignty countries European', A, 'q4'],
  ['keywords', 'weapon hunger', G, 'q2'],
  ['keywords', 'time short gaps', G, 'q3'],
  ['keywords', 'hopeful realistic', G, 'q4'],
  ['keywords', 'money pay', H, 'q4'],
  ['keywords', 'cranes region costs', H, 'q7'],
  ['keywords', 'libraries bus fare', C, 'q1'],
  ['keywords', 'interest rates summer', C, 'q9'],
  ['keywords', 'staff slept budget fight', C, 'q10'],
  ['keywords', 'can road kicked', C, 'q6'],
  // one-edit typos
  ['typo', 'sovereignity', A, 'q4'],
  ['typo', 'enshrinning legislatively', A, 'q5'],
  ['typo', 'colition willing', A, 'q6'],
  ['typo', 'concesion Article', A, 'q3'],
  ['typo', 'corridr feeds', G, 'q1'],
  ['typo', 'bulied nobody', H, 'q6'],
  ['typo', 'forcasts bridges', C, 'q3'],
  ['typo', 'footnotse hidden', C, 'q7'],
  // numbers as words or digits
  ['number', 'Article Five like protection', A, 'q3'],
  ['number', 'Article 5 security guarantees', A, 'q6'],
  ['number', '7 per cent floor', C, 'q4'],
  ['number', 'closing 3 libraries', C, 'q1'],
  ['number', '12-month forecasts', C, 'q3'],
  ['number', 'offices at 5 in the morning', C, 'q5'],
  ['number', 'rates climb by 2 points', C, 'q9'],
  // hyphen, space and joined forms
  ['hyphen', 'gamechanging', A, 'q2'],
  ['hyphen', 'Article 5-like protection', A, 'q3'],
  ['hyphen', 'game changer commuters', C, 'q8'],
  ['hyphen', 'shortterm fix', C, 'q2'],
  ['hyphen', 'twelve month forecasts', C, 'q3'],
  // other forms of the same words
  ['stem', 'Russians agreeing enshrined language', A, 'q5'],
  ['stem', 'violating sovereignties', A, 'q4'],
  ['stem', 'cranes standing still', H, 'q7'],
];

async function search(words: string): Promise<{ sourceId: string; id: string }[]> {
  const sources = ['sources/grain-talks.txt', 'sources/harbour-strike.md', 'search/council-budget.md'].flatMap((f) => ['--source', fixture(f)]);
  let stdout = '';
  let stderr = '';
  const io = { stdout: (s: string) => (stdout += s), stderr: (s: string) => (stderr += s), cwd: repoRoot, resourcesDir: path.join(repoRoot, 'resources') };
  const code = await run(['quotes', ...sources, '--search', words, '--format', 'json'], io);
  assert.equal(code, 0, stderr);
  return (JSON.parse(stdout) as { quotes: { sourceId: string; id: string }[] }).quotes;
}

test('sixty look-ups by remembered words: the intended quote first for ≥ 90%, in the top 3 for ≥ 97%', async () => {
  assert.ok(LOOKUPS.length >= 60, `${LOOKUPS.length} look-ups`);
  let top1 = 0;
  let top3 = 0;
  const misses: string[] = [];
  const byKind = new Map<Kind, [number, number]>();
  for (const [kind, words, sourceId, id] of LOOKUPS) {
    const found = await search(words);
    const rank = found.findIndex((q) => q.sourceId === sourceId && q.id === id);
    const k = byKind.get(kind) ?? [0, 0];
    byKind.set(kind, [k[0] + (rank === 0 ? 1 : 0), k[1] + 1]);
    if (rank === 0) top1++;
    if (rank >= 0 && rank < 3) top3++;
    if (rank !== 0) {
      misses.push(`${kind} "${words}": ${sourceId} ${id} at ${rank < 0 ? 'none' : rank + 1} (first: ${found[0] ? `${found[0].sourceId} ${found[0].id}` : 'nothing'})`);
    }
  }
  const n = LOOKUPS.length;
  const report = `top-1 ${top1}/${n} (${((100 * top1) / n).toFixed(1)}%), top-3 ${top3}/${n} (${((100 * top3) / n).toFixed(1)}%); by kind: ${[...byKind].map(([k, [a, b]]) => `${k} ${a}/${b}`).join(', ')}`;
  console.log(`search look-ups: ${report}${misses.length ? `\n  ${misses.join('\n  ')}` : ''}`);
  assert.ok(top1 / n >= 0.9, `top-1 rate: ${report}\n${misses.join('\n')}`);
  assert.ok(top3 / n >= 0.97, `top-3 rate: ${report}\n${misses.join('\n')}`);
});
