// The claims evaluation set (test/fixtures/claims/*.txt) and its scoring, shared by the unit test and by hand runs
// (`node out/test/unit/claims-eval.js [tuning|holdout]` prints every miss).
import * as fs from 'node:fs';
import type { ClaimCheck } from '../../src/core';
import { QuoteIndex } from '../../src/core/corpus/quote-index';
import { checkClaims } from '../../src/core/claims/check-claims';
import { fixture, loadSources } from './helpers';

export interface EvalItem {
  expect: 'supported' | 'contradicted' | 'unsupported';
  kind: string | null;
  sourceId: string;
  /** Words of the right source sentence (null for unsupported). */
  sentence: string | null;
  draft: string;
}

export type EvalPart =
  | 'tuning'
  | 'holdout'
  | 'unseen'
  | 'blind'
  | 'blind2'
  | 'blind3'
  | 'blind4'
  | 'blind5'
  | 'blind6'
  | 'blind7'
  | 'blind8'
  | 'blind9'
  | 'blind10'
  | 'blind11'
  | 'blind12'
  | 'blind13'
  | 'blind14'
  | 'blind15'
  | 'blind16'
  | 'blind17'
  | 'blind18'
  | 'blind19'
  | 'blind20'
  | 'blind21'
  | 'blind22'
  | 'probes';

export function readEvalSet(name: EvalPart): EvalItem[] {
  return fs
    .readFileSync(fixture('claims', `${name}.txt`), 'utf8')
    .split('\n')
    .filter((l) => l.trim() !== '' && !l.startsWith('#'))
    .map((l) => {
      const [expect, kind, sourceId, sentence, ...draft] = l.split(' | ');
      return {
        expect: expect as EvalItem['expect'],
        kind: kind === '-' ? null : kind!,
        sourceId: sourceId!,
        sentence: sentence === '-' ? null : sentence!,
        draft: draft.join(' | '),
      };
    });
}

let index: QuoteIndex | null = null;
export function claimsIndex(): QuoteIndex {
  return (index ??= new QuoteIndex(
    loadSources(
      'claims/sources/river-council.md',
      'claims/sources/wind-farm.txt',
      'sources/harbour-strike.md',
      'sources/grain-talks.txt',
      'claims/sources/central-bank.md',
      'claims/sources/glass-museum.md',
      'claims/sources/transit-fares.txt',
      'claims/sources/hospital-waits.md',
      'claims/sources/school-closures.md',
      'claims/sources/reservoir-radio.md',
      'claims/sources/earnings-results.md',
      'claims/sources/court-fraud.md',
      'claims/sources/eu-vote.md',
      'claims/sources/sleep-study.md',
      'claims/sources/wildfire-evacuation.md',
      'claims/sources/derby-report.md',
      'claims/sources/rail-release.md',
      'claims/sources/storm-liveblog.md',
      'claims/sources/obituary-ferris.md',
      'claims/sources/quake-science.md',
      'claims/sources/council-minutes.md',
      'claims/sources/ngo-water-report.md',
      'claims/sources/port-interview.md',
      'claims/sources/court-assault.md',
      'claims/sources/bees-feature.md',
      'claims/sources/podcast-notes.md',
      'claims/sources/mine-blockade.md',
      'claims/sources/tv-warehouse-fire.md',
      'claims/sources/club-accounts.md',
      'claims/sources/measles-statement.md',
      'claims/sources/seagrass-brief.md',
    ),
  ));
}

export interface EvalScore {
  contradictions: number;
  caught: number;
  rightKind: number;
  others: number;
  othersFlagged: number;
  supported: number;
  supportedMatched: number;
  misses: string[];
}

export function scoreEvalSet(items: readonly EvalItem[], idx = claimsIndex()): EvalScore {
  const s: EvalScore = { contradictions: 0, caught: 0, rightKind: 0, others: 0, othersFlagged: 0, supported: 0, supportedMatched: 0, misses: [] };
  for (const item of items) {
    const claim: ClaimCheck | undefined = checkClaims(idx, item.draft).claims[0];
    const got = claim ? `${claim.verdict}${claim.differences.map((d) => ` ${d.kind}[${d.draft}→${d.source}]`).join('')} @ ${claim.match?.text.slice(0, 60) ?? '-'}` : 'no claim';
    const rightSentence = !!claim?.match && claim.match.sourceId === item.sourceId && item.sentence !== null && claim.match.text.includes(item.sentence);
    let ok: boolean;
    if (item.expect === 'contradicted') {
      s.contradictions++;
      const caught = claim?.verdict === 'contradicted';
      const kind = caught && claim!.differences.some((d) => d.kind === item.kind);
      if (caught) s.caught++;
      if (kind) s.rightKind++;
      ok = kind;
    } else {
      s.others++;
      const flagged = claim?.verdict === 'contradicted';
      if (flagged) s.othersFlagged++;
      ok = !flagged;
      if (item.expect === 'supported') {
        s.supported++;
        if (rightSentence && claim?.verdict === 'supported') s.supportedMatched++;
        ok = ok && rightSentence && claim?.verdict === 'supported';
      }
    }
    if (!ok) s.misses.push(`${item.expect}${item.kind ? ` ${item.kind}` : ''}: ${item.draft}\n    got ${got}`);
  }
  return s;
}

export function formatScore(name: string, s: EvalScore): string {
  const pct = (a: number, b: number) => `${a}/${b} = ${b === 0 ? '-' : ((100 * a) / b).toFixed(1)}%`;
  return `${name}: contradictions caught ${pct(s.caught, s.contradictions)}, right kind ${pct(s.rightKind, s.contradictions)}; others flagged ${pct(s.othersFlagged, s.others)}; supported matched ${pct(s.supportedMatched, s.supported)}`;
}

if (require.main === module) {
  const name = (process.argv[2] ?? 'tuning') as EvalPart;
  const s = scoreEvalSet(readEvalSet(name));
  for (const m of s.misses) console.log(m);
  console.log(formatScore(name, s));
}
