// The extension's settings and their defaults: the one typed source of truth. Plain data (no `vscode` import) so
// a unit test can hold package.json's `contributes.configuration` defaults equal to it.

import { DEFAULT_CHECK_OPTIONS, isValidCitationStyle, type CitationStyle, type FindingCode, type SeveritySetting } from '../core';

export interface VerbatimSettings {
  sources: string[];
  includeBuiltInSources: boolean;
  languages: string[];
  insertAttribution: boolean;
  /** A built-in style, or a workspace path to a `.csl` file. */
  citationStyle: CitationStyle | string;
  /** A workspace path to a CSL-JSON or BibTeX file; empty for none. */
  bibliography: string;
  minQuoteWords: number;
  diagnosticsDelay: number;
  /** Fact-check the writer's own sentences (claims) too. */
  'claims.enabled': boolean;
  severity: Record<FindingCode, SeveritySetting>;
}

export const SETTING_DEFAULTS: Readonly<VerbatimSettings> = {
  sources: ['sources/**/*.{md,txt,html,htm,vtt,srt,pdf,docx}'],
  includeBuiltInSources: true,
  languages: ['markdown', 'plaintext'],
  insertAttribution: false,
  citationStyle: 'inline',
  bibliography: '',
  minQuoteWords: DEFAULT_CHECK_OPTIONS.minQuoteWords,
  diagnosticsDelay: 300,
  'claims.enabled': true,
  severity: { ...DEFAULT_CHECK_OPTIONS.severities },
};

export const SETTINGS_SECTION = 'verbatim';

/** Takes a raw settings value and falls back to the default when it has the wrong shape. */
export function sanitizeSettings(raw: Partial<Record<keyof VerbatimSettings, unknown>>): VerbatimSettings {
  const d = SETTING_DEFAULTS;
  const strings = (v: unknown, fallback: string[]) => (Array.isArray(v) && v.every((x) => typeof x === 'string') ? (v as string[]) : fallback);
  const int = (v: unknown, fallback: number) => (typeof v === 'number' && Number.isInteger(v) && v >= 0 ? v : fallback);
  const severity = { ...d.severity };
  if (raw.severity && typeof raw.severity === 'object') {
    for (const [code, value] of Object.entries(raw.severity as Record<string, unknown>)) {
      if (code in severity && typeof value === 'string' && ['error', 'warning', 'info', 'hint', 'off'].includes(value)) severity[code as FindingCode] = value as SeveritySetting;
    }
  }
  return {
    sources: strings(raw.sources, d.sources),
    includeBuiltInSources: typeof raw.includeBuiltInSources === 'boolean' ? raw.includeBuiltInSources : d.includeBuiltInSources,
    languages: strings(raw.languages, d.languages),
    insertAttribution: typeof raw.insertAttribution === 'boolean' ? raw.insertAttribution : d.insertAttribution,
    citationStyle: isValidCitationStyle(raw.citationStyle) ? raw.citationStyle.trim() : d.citationStyle,
    bibliography: typeof raw.bibliography === 'string' ? raw.bibliography.trim() : d.bibliography,
    minQuoteWords: int(raw.minQuoteWords, d.minQuoteWords),
    diagnosticsDelay: int(raw.diagnosticsDelay, d.diagnosticsDelay),
    'claims.enabled': typeof raw['claims.enabled'] === 'boolean' ? raw['claims.enabled'] : d['claims.enabled'],
    severity,
  };
}
