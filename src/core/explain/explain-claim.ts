// The fact-check of one claim (a draft sentence outside quotation marks) in words, as Markdown for a hover:
// the verdict, the source sentence(s) with the source's metadata, and the differences marked. Every piece of
// source or draft text is escaped, as in explain-quote: it is untrusted and must never become a link or HTML.

import type { ClaimCheck, ClaimDifferenceKind, ClaimVerdict, Source } from '../types';
import { escapeMarkdown, type ExplainOptions } from './explain-quote';

const VERDICT_TITLES: Record<ClaimVerdict, string> = {
  supported: '✓ Supported: a source sentence states this',
  contradicted: '✗ Contradicted: the source sentence states something else',
  unsupported: '? Unsupported: no source sentence states this',
};

const KIND_NAMES: Record<ClaimDifferenceKind, string> = {
  number: 'Number',
  date: 'Date',
  person: 'Person',
  organisation: 'Organisation',
  place: 'Place',
  negation: 'Negation',
  modality: 'Hedge',
  quantifier: 'Quantifier',
  agent: 'Who did it',
};

export function explainClaimCheck(check: ClaimCheck, sources: readonly Source[], options: ExplainOptions = {}): string {
  const lines: string[] = [`**${VERDICT_TITLES[check.verdict]}**`];
  const match = check.match;
  const source = match ? sources.find((s) => s.meta.id === match.sourceId) : undefined;
  if (!match || !source) {
    lines.push('No sentence in the sources states this. Check it, or add the source it comes from.');
    return lines.join('\n\n');
  }
  const m = source.meta;
  const facts = [
    m.title ? `*${escapeMarkdown(m.title)}*` : `\`${m.id.replace(/`/g, '')}\``,
    m.date ? escapeMarkdown(m.date) : null,
    m.outlet ? escapeMarkdown(m.outlet) : null,
    m.author ? escapeMarkdown(m.author) : null,
  ]
    .filter(Boolean)
    .join(' · ');
  lines.push(`${check.sentences.length > 1 ? 'Two sentences of' : 'The text of'} ${facts}${m.url ? ` · ${escapeMarkdown(m.url)}` : ''}`);
  // The source's words that differ are bold in the source sentence.
  const marks = check.differences
    .map((d) => d.sourceSpan)
    .filter((s) => s.start >= match.offset.start && s.end <= match.offset.end)
    .sort((a, b) => a.start - b.start);
  let quoted = '';
  let at = match.offset.start;
  for (const s of marks) {
    if (s.start < at) continue;
    quoted += `${escapeMarkdown(source.text.slice(at, s.start))}**${escapeMarkdown(source.text.slice(s.start, s.end))}**`;
    at = s.end;
  }
  quoted += escapeMarkdown(source.text.slice(at, match.offset.end));
  lines.push(`> ${quoted}`);
  for (const d of check.differences) lines.push(`${KIND_NAMES[d.kind]}: ~~${escapeMarkdown(d.draft)}~~ → **${escapeMarkdown(d.source)}**`);
  if (check.differences.length) lines.push('*~~Struck~~: your words. **Bold**: the source’s.*');
  const link = options.linkToSource?.(match.sourceId, match.offset.start, match.offset.end);
  if (link) lines.push(`[Open the source at this sentence](${link})`);
  return lines.join('\n\n');
}
