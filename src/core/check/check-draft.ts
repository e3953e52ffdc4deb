// Checks every quoted passage of a draft against the index: verdict, speaker, findings and their fixes.

import type { Attribution, QuoteAttribution, DraftCheck, Finding, FindingCode, Fix, QuoteCheck, Severity, SpeakerCheck, Span } from '../types';
import { findQuotations, splitParagraphs, type Quotation } from '../quotes/find-quotations';
import { looksLikePerson, readPeople, sameperson, shortName } from '../quotes/people';
import { attributeQuotations, SURE_ATTRIBUTION } from '../quotes/attribution';
import { tokenizeWords } from '../text/words';
import { firstNameGender } from '../text/nlp';
import { verifyQuotation, type Verification } from './verify-quotation';
import type { Corpus } from '../corpus/corpus';
import { DEFAULT_CHECK_OPTIONS, type CheckOptions } from './options';

/** A draft's quotations and their attributions: the cheap part of a check, done for the whole text. */
interface PreparedDraft {
  text: string;
  options: CheckOptions;
  quotations: Quotation[];
  attributionOf: Map<Quotation, Attribution | null>;
}

function prepareDraft(index: Corpus, text: string, options: Partial<CheckOptions>): PreparedDraft {
  const opts: CheckOptions = { ...DEFAULT_CHECK_OPTIONS, ...options, severities: { ...DEFAULT_CHECK_OPTIONS.severities, ...options.severities } };
  const masked = maskMarkdownCode(text);
  const paragraphs = splitParagraphs(masked).map((p) => ({ ...p, heading: /^#{1,6}\s/.test(masked.slice(p.start, p.end)) }));
  const quotations = findQuotations(masked, paragraphs).filter((q) => /[\p{L}\p{N}]/u.test(text.slice(q.inner.start, q.inner.end)));
  const { mentions, registry } = readPeople(masked, 0, index.speakerNames());
  const speech = quotations.filter((q) => q.kind === 'speech');
  const attributions = attributeQuotations({ text: masked, paragraphs, registry, mentions }, speech);
  return { text, options: opts, quotations, attributionOf: new Map(speech.map((q, k) => [q, attributions[k] ?? null])) };
}

/** The verdict, speaker check and findings of one prepared quotation: the costly part, one index look-up. */
function checkQuotation(index: Corpus, d: PreparedDraft, q: Quotation): { check: QuoteCheck; findings: Finding[] } {
  const inner = trimSpan(d.text, q.inner);
  const attribution = d.attributionOf.get(q) ?? null;
  const v = creditedOccurrence(index, verifyQuotation(index, d.text, inner), attribution);
  const check = toQuoteCheck(index, d.text, q, inner, v, attribution, d.options);
  const findings = check.scare || check.kind === 'title' ? [] : findingsFor(d.text, check, v, q, d.options).filter((f) => d.options.severities[f.code] !== 'off');
  return { check, findings };
}

/** Checks a draft (Markdown or plain text). Pure: the same text and index always give the same answer. */
export function checkDraft(index: Corpus, text: string, options: Partial<CheckOptions> = {}): DraftCheck {
  const d = prepareDraft(index, text, options);
  const result: DraftCheck = { quotes: [], findings: [] };
  for (const q of d.quotations) {
    const { check, findings } = checkQuotation(index, d, q);
    result.quotes.push(check);
    result.findings.push(...findings);
  }
  return result;
}

export interface AsyncCheckControl {
  /** Called between quotations so the host can let other work run (e.g. `() => new Promise(setImmediate)`). */
  yieldToHost: () => Promise<void>;
  /** Stops the check: the promise then rejects with an Error named "AbortError". */
  isCancelled?: () => boolean;
}

/**
 * The same check in slices: one quotation at a time with a yield in between, so a long draft never blocks the
 * editor for longer than one quotation's look-up. Same result as checkDraft.
 */
export async function checkDraftAsync(index: Corpus, text: string, options: Partial<CheckOptions>, control: AsyncCheckControl): Promise<DraftCheck> {
  const d = prepareDraft(index, text, options);
  const result: DraftCheck = { quotes: [], findings: [] };
  for (const q of d.quotations) {
    await control.yieldToHost();
    if (control.isCancelled?.()) throw Object.assign(new Error('The check was cancelled.'), { name: 'AbortError' });
    const { check, findings } = checkQuotation(index, d, q);
    result.quotes.push(check);
    result.findings.push(...findings);
  }
  return result;
}

/** The check of the one quotation at an offset (marks included), for a hover: the rest of the draft is not looked up. */
export function checkQuotationAt(index: Corpus, text: string, offset: number, options: Partial<CheckOptions> = {}): { check: QuoteCheck; findings: Finding[] } | undefined {
  const d = prepareDraft(index, text, options);
  const q = d.quotations.find((x) => offset >= x.outer.start && offset <= x.outer.end);
  return q ? checkQuotation(index, d, q) : undefined;
}

/**
 * The same words quoted twice in a source (a headline and the story, a quote repeated later) may have two speakers:
 * when the draft credits the speaker of another occurrence, that occurrence is the match.
 */
function creditedOccurrence(index: Corpus, v: Verification, attribution: Attribution | null): Verification {
  const match = v.match;
  const credited = attribution?.name ?? attribution?.mention;
  if (!match?.quoteId || !credited || (match.speaker && sameperson(credited, match.speaker))) return v;
  const source = index.sourceById(match.sourceId)?.source;
  if (!source) return v;
  const words = normalizedWords(match.text);
  for (const other of source.quotes) {
    if (other.id === match.quoteId || !other.speaker || !sameperson(credited, other.speaker)) continue;
    const otherWords = normalizedWords(other.text);
    if (v.wholeQuote ? otherWords !== words : !` ${otherWords} `.includes(` ${words} `)) continue;
    if (v.wholeQuote) return { ...v, match: { ...match, quoteId: other.id, speaker: other.speaker, text: other.text, offset: { ...other.offset } } };
    const at = source.text.indexOf(match.text, other.offset.start);
    if (at < 0 || at + match.text.length > other.offset.end) continue;
    return { ...v, match: { ...match, quoteId: other.id, speaker: other.speaker, offset: { start: at, end: at + match.text.length } } };
  }
  return v;
}

function normalizedWords(text: string): string {
  return (text.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? []).join(' ');
}

/** How sure the source is of the matched quote's speaker (undefined for sources read before attribution had a confidence). */
function sourceAttribution(index: Corpus, v: Verification): QuoteAttribution | null | undefined {
  if (!v.match?.quoteId) return undefined;
  const quotes = index.sourceById(v.match.sourceId)?.source.quotes;
  return quotes?.find((q) => q.id === v.match!.quoteId)?.attribution;
}

function toQuoteCheck(index: Corpus, text: string, q: Quotation, inner: Span, v: Verification, attribution: Attribution | null, opts: CheckOptions): QuoteCheck {
  const wordCount = tokenizeWords(text, inner.start, inner.end).length;
  const scare = wordCount < opts.minQuoteWords && !(v.verdict === 'exact' || (v.wholeQuote && v.verdict === 'variant'));
  const source = sourceAttribution(index, v);
  const out: QuoteCheck = {
    text: text.slice(inner.start, inner.end),
    span: inner,
    outerSpan: { ...q.outer },
    kind: q.kind,
    attribution,
    verdict: v.verdict,
    speakerCheck: speakerCheckOf(v, attribution, source),
    match: v.match,
    diff: v.diff,
    omissions: v.omissions,
    scare,
  };
  if (source !== undefined) out.sourceAttribution = source;
  return out;
}

/**
 * Whether the draft credits the source's speaker. A different person is called `mismatch` (an error) only when the
 * source's attribution is sure and the draft names someone clearly; otherwise `uncertain`, never an accusation.
 */
function speakerCheckOf(v: Verification, attribution: Attribution | null, source: QuoteAttribution | null | undefined): SpeakerCheck {
  if (!v.match || v.verdict === 'not-found' || !v.match.quoteId || !v.match.speaker) return 'not-applicable';
  const credited =
    attribution?.name ?? (attribution?.via === 'named' && attribution.method !== 'description' && attribution.method !== 'sentence-subject' ? attribution.mention : null);
  if (!credited) return 'unattributed';
  if (sameperson(credited, v.match.speaker) || sameperson(attribution!.mention, v.match.speaker)) return 'match';
  const sourceSure = source === undefined || (source !== null && source.confidence >= SURE_ATTRIBUTION);
  // Not sure who said it, but sure it was none of the people it could mean: someone the source never names near the
  // quote is wrong too.
  const ruledOut = !!source?.candidates && !source.candidates.some((c) => sameperson(credited, c) || sameperson(c, credited));
  // The writer's own credit: a name, or a pronoun the draft resolves to one, is clear; a guessed sentence subject is not.
  // An outlet or a body ("the Las Vegas Sun said") is a different claim from a person's words: never a mismatch.
  const draftClear = attribution!.name !== null && attribution!.method !== 'sentence-subject' && attribution!.method !== 'continuation' && namesAPerson(credited);
  return (sourceSure || ruledOut) && draftClear ? 'mismatch' : 'uncertain';
}

/**
 * Whether a credited name is a person's: it, or its end after a title ("RNC Chairman Reince Priebus"), looks like one
 * or opens with a given name ("Kathleen Hall Jamieson").
 */
function namesAPerson(name: string): boolean {
  const words = name.split(' ');
  if (words.length < 2) return true;
  for (let k = 0; k + 2 <= words.length; k++) {
    const tail = words.slice(k).join(' ');
    if (looksLikePerson({ name: tail, start: 0, end: tail.length, titled: false }) || firstNameGender(words[k]!) !== undefined) return true;
  }
  return false;
}

function findingsFor(text: string, c: QuoteCheck, v: Verification, q: Quotation, opts: CheckOptions): Finding[] {
  const out: Finding[] = [];
  const sev = (code: FindingCode): Severity => {
    const s = opts.severities[code];
    return s === 'off' || s === undefined ? 'info' : s;
  };
  const where = c.match ? describeMatch(c.match.speaker, c.match.sourceId) : '';
  const replace = (): Fix[] =>
    v.match && v.wordSpan ? [{ title: "Replace with the source's words", edits: [{ span: v.wordSpan, newText: v.match.text.replace(/[\s,;:.]+$/, '') }], preferred: true }] : [];
  switch (c.verdict) {
    case 'misquote':
      out.push({ code: 'misquote', severity: sev('misquote'), message: `Misquote of ${where}: ${summarizeDiff(c)}.`, span: c.span, fixes: replace() });
      break;
    case 'extends-source': {
      const added = (c.diff ?? [])
        .filter((d) => d.op === 'insert')
        .map((d) => `"${d.text}"`)
        .join(' and ');
      out.push({
        code: 'extends-source',
        severity: sev('extends-source'),
        message: `This quote adds ${added} to ${where}; no source has those words.`,
        span: c.span,
        fixes: replace(),
      });
      break;
    }
    case 'variant':
      out.push({ code: 'variant', severity: sev('variant'), message: `Case or punctuation inside this quote differs from ${where}.`, span: c.span, fixes: replace() });
      break;
    case 'not-found':
      out.push({
        code: 'not-in-sources',
        severity: sev('not-in-sources'),
        message: 'No source has this quote: it is not in any of the sources Verbatim knows.',
        span: c.span,
        fixes: [],
      });
      break;
    default:
      break;
  }
  if (v.negationOmitted && c.match) {
    const left = c.omissions
      .filter((o) => o.sourceText !== '')
      .map((o) => `"${o.sourceText}"`)
      .join(', ');
    out.push({
      code: 'elision-changes-meaning',
      severity: sev('elision-changes-meaning'),
      message: `This elision leaves out ${left} from ${where}, which contains a negation and changes the meaning.`,
      span: c.span,
      fixes: [{ title: "Restore the source's full words", edits: [{ span: v.wordSpan!, newText: c.match.text.replace(/[\s,;:.]+$/, '') }], preferred: true }],
    });
  }
  if (c.speakerCheck === 'mismatch' && c.match?.speaker && c.attribution) {
    const speaker = c.match.speaker;
    const fixes: Fix[] = [];
    if (c.attribution.via !== 'inherited') {
      const single = c.attribution.mention.split(/\s+/).length === 1 && c.attribution.via === 'named';
      const newText = single ? shortName(speaker) : speaker;
      fixes.push({ title: `Credit ${speaker}`, edits: [{ span: c.attribution.span, newText }], preferred: true });
    }
    out.push({
      code: 'wrong-speaker',
      severity: sev('wrong-speaker'),
      message: `Wrong speaker: ${c.match.sourceId} credits these words to ${speaker}, not ${c.attribution.name ?? c.attribution.mention}.`,
      span: c.span,
      fixes,
    });
  }
  if (!q.closed) {
    out.push({
      code: 'unclosed-quote',
      severity: sev('unclosed-quote'),
      message: 'This quotation mark is never closed; the quote is taken to run to the end of the paragraph.',
      span: { start: q.outer.start, end: q.outer.start + 1 },
      fixes: [],
    });
  }
  return out;
}

function describeMatch(speaker: string | null, sourceId: string): string {
  return speaker ? `${speaker} in ${sourceId}` : `the text of ${sourceId}`;
}

function summarizeDiff(c: QuoteCheck): string {
  const changes: string[] = [];
  const diff = c.diff ?? [];
  for (let k = 0; k < diff.length; k++) {
    const d = diff[k]!;
    if (d.op === 'equal') continue;
    const next = diff[k + 1];
    if (d.op === 'delete' && next?.op === 'insert') {
      changes.push(`the source has "${d.text}" where the quote has "${next.text}"`);
      k++;
    } else if (d.op === 'delete') changes.push(`the quote drops "${d.text}"`);
    else changes.push(`the quote adds "${d.text}"`);
  }
  const shown = changes.slice(0, 2).join('; ');
  return changes.length > 2 ? `${shown}; and ${changes.length - 2} more change${changes.length > 3 ? 's' : ''}` : shown;
}

function trimSpan(text: string, span: Span): Span {
  let { start, end } = span;
  while (start < end && /\s/.test(text[start]!)) start++;
  while (end > start && /\s/.test(text[end - 1]!)) end--;
  return { start, end };
}

/**
 * Blanks out what is not prose in Markdown (fenced and inline code, HTML comments, front matter), keeping every
 * offset: quotation marks there are not quotations.
 */
export function maskMarkdownCode(text: string): string {
  const blank = (s: string) => s.replace(/[^\r\n]/g, ' ');
  return text
    .replace(/^---\r?\n[\s\S]*?\r?\n---[ \t]*(?=\r?\n|$)/, blank)
    .replace(/^(```|~~~)[^\n]*\n[\s\S]*?(?:^\1[^\n]*$|(?![\s\S]))/gm, blank)
    .replace(/<!--[\s\S]*?-->/g, blank)
    .replace(/(`+)(?!`)[^\n]*?[^`]\1(?!`)/g, blank);
}

/** The quotation of a checked draft that contains the offset (marks included). */
export function quotationAt(check: DraftCheck, offset: number): QuoteCheck | undefined {
  return check.quotes.find((q) => offset >= q.outerSpan.start && offset <= q.outerSpan.end);
}
