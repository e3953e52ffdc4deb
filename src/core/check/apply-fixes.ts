// Applying the engine's fixes to a draft, the way `verbatim check --fix` does: each finding's preferred fix (or its
// only one), edits that overlap an earlier one left for the next pass, nothing outside the edits' ranges touched.

import type { Finding, Fix, TextEdit } from '../types';

export interface AppliedFixes {
  text: string;
  /** The fixes applied, in the order of their findings. */
  applied: Fix[];
  /** The edits made, in document order, with spans in the original text. */
  edits: TextEdit[];
}

/** The fix to apply for a finding: the preferred one, else the only one; none when there is a choice to make. */
export function fixToApply(finding: Finding): Fix | undefined {
  return finding.fixes.find((f) => f.preferred) ?? (finding.fixes.length === 1 ? finding.fixes[0] : undefined);
}

export function applyFixes(text: string, findings: readonly Finding[]): AppliedFixes {
  const taken: TextEdit[] = [];
  const applied: Fix[] = [];
  for (const finding of findings) {
    const fix = fixToApply(finding);
    if (!fix || fix.edits.length === 0) continue;
    // A fix is applied whole or not at all: one overlapping edit leaves the whole fix for a later pass.
    if (fix.edits.some((e) => !isValid(e, text) || taken.some((t) => overlaps(t, e)))) continue;
    taken.push(...fix.edits);
    applied.push(fix);
  }
  const edits = [...taken].sort((a, b) => a.span.start - b.span.start || a.span.end - b.span.end);
  return { text: applyEdits(text, edits), applied, edits };
}

/** Applies non-overlapping edits (spans in `text`), from the end so earlier spans stay valid. */
export function applyEdits(text: string, edits: readonly TextEdit[]): string {
  let out = text;
  for (const e of [...edits].sort((a, b) => b.span.start - a.span.start || b.span.end - a.span.end)) {
    out = out.slice(0, e.span.start) + e.newText + out.slice(e.span.end);
  }
  return out;
}

function isValid(e: TextEdit, text: string): boolean {
  return Number.isInteger(e.span.start) && Number.isInteger(e.span.end) && e.span.start >= 0 && e.span.start <= e.span.end && e.span.end <= text.length;
}

function overlaps(a: TextEdit, b: TextEdit): boolean {
  // Two insertions at one point would interleave, so they count as overlapping too.
  return (a.span.start < b.span.end && b.span.start < a.span.end) || a.span.start === b.span.start;
}
