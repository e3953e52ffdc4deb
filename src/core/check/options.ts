// The one typed source of truth for check options and their defaults. package.json's settings defaults are
// kept equal to these by a unit test.

import type { FindingCode, Severity } from '../types';

export type SeveritySetting = Severity | 'off';

export interface CheckOptions {
  /** Quotations with fewer words are scare quotes unless they are a whole source quote: no finding for them. */
  minQuoteWords: number;
  severities: Record<FindingCode, SeveritySetting>;
}

export const FINDING_CODES: readonly FindingCode[] = [
  'misquote',
  'wrong-speaker',
  'elision-changes-meaning',
  'extends-source',
  'not-in-sources',
  'variant',
  'unclosed-quote',
  'claim-contradicted',
  'claim-unsupported',
];

export const DEFAULT_SEVERITIES: Readonly<Record<FindingCode, SeveritySetting>> = {
  misquote: 'warning',
  'wrong-speaker': 'error',
  'elision-changes-meaning': 'warning',
  'extends-source': 'warning',
  'not-in-sources': 'info',
  variant: 'info',
  // A hint, not a squiggle: the quotation being typed is unclosed until the writer closes it.
  'unclosed-quote': 'hint',
  'claim-contradicted': 'warning',
  // Off: an unsupported sentence shows on hover only, unless the writer asks for a hint.
  'claim-unsupported': 'off',
};

export const DEFAULT_CHECK_OPTIONS: Readonly<CheckOptions> = {
  minQuoteWords: 3,
  severities: { ...DEFAULT_SEVERITIES },
};

const ORDER: Record<Severity, number> = { error: 3, warning: 2, info: 1, hint: 0 };

/** Whether a finding's severity is at or above a threshold (`never` fails on nothing). */
export function meetsThreshold(severity: Severity, threshold: Severity | 'never'): boolean {
  return threshold !== 'never' && ORDER[severity] >= ORDER[threshold];
}
