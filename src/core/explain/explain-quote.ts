// The fact-check of one quotation in words, as Markdown for a hover. Every piece of source or draft text is
// escaped: it is untrusted and must never become a link, an image, HTML or a command.

import type { QuoteCheck, Source, Verdict } from '../types';
import { spanContaining } from '../text/sorted-spans';
import { locatorOfMatch } from './citation-edits';
import { locatorText } from './format-citation';

const VERDICT_TITLES: Record<Verdict, string> = {
  exact: '✓ Verbatim: the source’s exact words',
  fragment: '✓ Fragment: part of the source, word for word',
  elided: '✓ Elided: pieces of one source passage, in order',
  variant: '≈ Variant: the same words, but case or punctuation differs',
  misquote: '✗ Misquote: the words differ from the source',
  'extends-source': '✗ Extends the source: it adds words no source has',
  'not-found': '? Not in the sources',
};

/** Backslash-escapes every Markdown and HTML special character and folds line breaks. */
export function escapeMarkdown(text: string): string {
  return text.replace(/\s+/g, ' ').replace(/[\\`*_{}[\]()#+\-.!|<>~&:"'=@$%^]/g, '\\$&');
}

export interface ExplainOptions {
  /** A link target that opens the source at [start, end) (the host decides the URI), or null for no link. */
  linkToSource?: (sourceId: string, start: number, end: number) => string | null;
  /** How much source text to show around the match, in characters. */
  contextChars?: number;
}

export function explainQuoteCheck(check: QuoteCheck, source: Source | undefined, options: ExplainOptions = {}): string {
  const lines: string[] = [];
  if (check.kind === 'title') return `**Verbatim:** a title in quotation marks, not speech; not checked.`;
  if (check.scare && check.verdict !== 'exact') {
    return `**Verbatim:** a short quotation (a scare quote); not checked unless it is a whole source quote.`;
  }
  lines.push(`**${VERDICT_TITLES[check.verdict]}**`);
  const match = check.match;
  if (match && source) {
    const m = source.meta;
    const who = match.speaker ? `${escapeMarkdown(match.speaker)} in ` : 'The text of ';
    const facts = [
      m.title ? `*${escapeMarkdown(m.title)}*` : escapeMarkdown(m.id),
      m.date ? escapeMarkdown(m.date) : null,
      m.outlet ? escapeMarkdown(m.outlet) : null,
      m.author ? escapeMarkdown(m.author) : null,
    ]
      .filter(Boolean)
      .join(' · ');
    // Where in the document: the page of a PDF, the time of a transcript turn or caption.
    const where = locatorText(locatorOfMatch(source, match));
    lines.push(`${who}${facts}${where ? ` · ${escapeMarkdown(where)}` : ''}${m.url ? ` · ${escapeMarkdown(m.url)}` : ''}`);
    lines.push(speakerLine(check));
    // The passage in its paragraph, trimmed to a readable window around the matched words.
    const ctx = options.contextChars ?? 160;
    const para = source.paragraphs[spanContaining(source.paragraphs, match.offset.start)] ?? { start: source.bodyStart, end: source.text.length };
    const from = Math.max(para.start, match.offset.start - ctx);
    const to = Math.min(Math.max(para.end, match.offset.end), match.offset.end + ctx);
    const before = source.text.slice(from, match.offset.start);
    const after = source.text.slice(match.offset.end, to);
    const lead = from > para.start ? '…' : '';
    const tail = to < Math.max(para.end, match.offset.end) ? '…' : '';
    lines.push(`> ${lead}${escapeMarkdown(before)}**${escapeMarkdown(match.text)}**${escapeMarkdown(after)}${tail}`);
    if (check.diff) {
      lines.push(
        `Word by word: ${check.diff.map((d) => (d.op === 'equal' ? escapeMarkdown(d.text) : d.op === 'delete' ? `~~${escapeMarkdown(d.text)}~~` : `**${escapeMarkdown(d.text)}**`)).join(' ')}`,
      );
      lines.push('*~~Struck~~: the source’s words your quote changes or drops. **Bold**: words the source does not have.*');
    }
    for (const o of check.omissions) {
      if (o.kind === 'ellipsis') lines.push(o.sourceText ? `Left out: “${escapeMarkdown(o.sourceText)}”` : 'An ellipsis marks an omission here, but nothing was left out.');
      else lines.push(`\\[${escapeMarkdown(o.insertedText ?? '')}\\] ${o.sourceText ? `replaces “${escapeMarkdown(o.sourceText)}”` : 'is an insertion'}`);
    }
    const link = options.linkToSource?.(match.sourceId, match.offset.start, match.offset.end);
    if (link) lines.push(`[Open the source at this passage](${link})`);
  } else {
    lines.push('No passage in the sources is close to these words. Check the wording, or add the source it comes from.');
  }
  return lines.join('\n\n');
}

/** Why the source's attribution is not sure, in words a writer can check against the article. */
function uncertainReason(check: QuoteCheck): string {
  const a = check.sourceAttribution;
  const mention = a?.mention ? `“${escapeMarkdown(a.mention)}”` : 'the article';
  switch (a?.method) {
    case 'pronoun':
      return `it says only ${mention}`;
    case 'continuation':
      return 'the quote stands without an attribution and is taken to continue the speaker before it';
    case 'sentence-subject':
      return `it is taken from the subject of the sentence, ${mention}`;
    case 'colon':
      return `it is taken from ${mention} before a colon`;
    case 'named':
      return `${mention} could name more than one person, or an organisation`;
    default:
      return 'it was inferred';
  }
}

function speakerLine(check: QuoteCheck): string {
  const credited = check.attribution ? escapeMarkdown(check.attribution.name ?? check.attribution.mention) : null;
  const speaker = check.match?.speaker ? escapeMarkdown(check.match.speaker) : null;
  switch (check.speakerCheck) {
    case 'match':
      return `Speaker: ${speaker} ✓`;
    case 'mismatch':
      return `Speaker: ✗ your draft credits ${credited}, the source credits ${speaker}`;
    case 'uncertain':
      return `Speaker: ? your draft credits ${credited}; the source's attribution to ${speaker} is not sure (${uncertainReason(check)}), so this is not marked wrong`;
    case 'unattributed':
      return `Speaker: ${speaker} (your draft does not say who said it)`;
    default:
      return 'The article’s own words, not a quote of anyone.';
  }
}
