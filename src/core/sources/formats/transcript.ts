// Interview and broadcast transcripts: `MARGARET CHEN, HOST:` then `CHEN:`. Every turn is speech by its labelled
// speaker; short labels resolve to the full name introduced earlier. Markers such as `(CROSSTALK)` and
// `[inaudible]` are blanked out with spaces of the same length, so the words read without them while every offset
// still points into the file as written.

import type { Locator, Paragraph, Source, SourceMeta } from '../../types';
import { splitParagraphs } from '../../quotes/find-quotations';
import { buildStructuredSource, nameFromLabel, paragraphOf, type Turn } from './structured-source';

export interface TranscriptHeader {
  fields: { id?: string; title?: string; outlet?: string; author?: string; date?: string; url?: string; kind?: string };
  bodyStart: number;
}

const TIME = String.raw`\d{1,2}:\d{2}(?::\d{2})?(?:[.,]\d{1,3})?`;
/** A speaker label at the start of a line: optional time, an upper-case name, an optional role, a colon. */
const LABEL_RE = new RegExp(
  String.raw`^[ \t]*(?:[\[(]?(${TIME})[\])]?[ \t]+)?((?:(?:Mc|Mac|O’|O')?[A-Z][A-Z.'’\-]*)(?:[ \t]+(?:(?:Mc|Mac)?[A-Z][A-Z.'’\-]*|de|van|von|da|al|bin)){0,5})` +
    String.raw`((?:[ \t]*\([^)\n]{1,60}\))?(?:[ \t]*,[ \t]*[^:\n]{1,90})?)?[ \t]*(?:[\[(](${TIME})[\])])?:[ \t]+`,
  'gm',
);
const MIXED_LABEL_RE = new RegExp(
  String.raw`^[ \t]*(?:[\[(]?(${TIME})[\])]?[ \t]+)?((?:\p{Lu}[\p{L}.'’\-]*)(?:[ \t]+\p{Lu}[\p{L}.'’\-]*){0,4})` +
    String.raw`((?:[ \t]*\([^)\n]{1,60}\))?(?:[ \t]*,[ \t]*[^:\n]{1,90})?)?[ \t]*(?:[\[(](${TIME})[\])])?:[ \t]+`,
  'gmu',
);
/** Header lines of network transcripts: metadata, not speech. */
const HEADER_KEYS = new Set([
  'SHOW',
  'PROGRAM',
  'PROGRAMME',
  'DATE',
  'TIME',
  'GUESTS',
  'GUEST',
  'TRANSCRIPT',
  'HEADLINE',
  'BYLINE',
  'TITLE',
  'SECTION',
  'LENGTH',
  'BODY',
  'AIRED',
  'NETWORK',
  'SOURCE',
  'COPYRIGHT',
  'URL',
  'HIGHLIGHT',
  'SPEAKERS',
  'NOTE',
  'EDITOR',
  'EDITORS',
  'LOCATION',
  'EVENT',
  'SUBJECT',
  'WEB',
  'LINK',
]);
const HONORIFICS =
  /^(?:SEN|SENATOR|REP|REPRESENTATIVE|GOV|GOVERNOR|PRES|PRESIDENT|DR|MR|MRS|MS|MISS|PROF|GEN|GENERAL|COL|CAPT|LT|SGT|AMB|AMBASSADOR|SEC|SECRETARY|MINISTER|MAYOR|JUDGE|JUSTICE|REV|SIR|DAME|LORD|LADY)\.?\s+/i;
const UNKNOWN_SPEAKER = /^(?:UNIDENTIFIED|UNKNOWN|CROWD|AUDIENCE|VOICE|VOICES|MULTIPLE|ANNOUNCER|OPERATOR|GROUP)\b/i;
/** Stage directions and transcription markers: blanked from the words. */
const MARKER_RE =
  /\((?:[A-Z][A-Z0-9 ,.'’\/-]*|through (?:an? )?(?:translator|interpreter)|via (?:an? )?(?:translator|interpreter)|voice-over|on camera|off camera|sic|inaudible|crosstalk|laughs|laughter|applause|pause|unintelligible|cross talk|overlapping)\)|\[(?:[A-Z][A-Z0-9 ,.'’\/-]*|inaudible|crosstalk|cross talk|laughs|laughter|applause|pause|unintelligible|overlapping|overtalk|music|silence|indiscernible|inaudible \d[\d:]*)\]/g;
/** A marker that ends what came before: a clip or a break. After it, unlabelled text is nobody's speech. */
const RESET_MARKER = /\b(?:BEGIN|END|START)\b|\bCOMMERCIAL\b|\bBREAK\b/;

export interface LabelLine {
  lineStart: number;
  /** Where the words after the colon start. */
  wordsStart: number;
  name: string;
  role: string;
  time: string | null;
}

/** Speaker labels at line starts (upper-case ones; any capitalised ones when the file says it is a transcript). */
export function findLabels(text: string, from: number, mixedCase: boolean): LabelLine[] {
  const re = mixedCase ? MIXED_LABEL_RE : LABEL_RE;
  re.lastIndex = from;
  const out: LabelLine[] = [];
  let m: RegExpExecArray | null;
  while ((m = re.exec(text)) !== null) {
    const name = m[2]!.trim();
    const key = name.replace(/\.$/, '').toUpperCase();
    if (!HEADER_KEYS.has(key) && !/^(?:Q|A)$/.test(key) && /\p{L}{2}/u.test(name)) {
      out.push({ lineStart: m.index, wordsStart: m.index + m[0].length, name, role: (m[3] ?? '').trim(), time: m[1] ?? m[4] ?? null });
    }
    if (m[0].length === 0) re.lastIndex++;
  }
  return out;
}

/** Whether a text reads as a transcript: several label lines by at least two speakers, making up most paragraphs. */
export function looksLikeTranscript(text: string, from: number): boolean {
  const labels = findLabels(text, from, false);
  if (labels.length < 3) return false;
  const speakers = new Set(labels.map((l) => lastWord(stripHonorific(l.name))));
  return speakers.size >= 2;
}

function stripHonorific(name: string): string {
  let n = name;
  while (HONORIFICS.test(n)) n = n.replace(HONORIFICS, '');
  return n;
}

function lastWord(name: string): string {
  return name.split(/\s+/).pop()!.toUpperCase();
}

/** Resolves labels to full names: `CHEN` is the `MARGARET CHEN` introduced before it. */
export class SpeakerNames {
  private readonly full: string[] = [];

  resolve(label: string): string | null {
    if (UNKNOWN_SPEAKER.test(label)) return null;
    const name = stripHonorific(label).trim();
    if (name === '') return null;
    const words = name.toUpperCase().split(/\s+/);
    if (words.length === 1) {
      // A surname (or a first name) alone: the most recent full name it belongs to.
      for (let k = this.full.length - 1; k >= 0; k--) {
        const parts = this.full[k]!.toUpperCase().split(/\s+/);
        if (parts.includes(words[0]!)) return this.full[k]!;
      }
    } else {
      const known = this.full.find((f) => f.toUpperCase() === words.join(' '));
      if (known) return known;
      const pretty = nameFromLabel(name);
      this.full.push(pretty);
      return pretty;
    }
    return nameFromLabel(name);
  }
}

export function blankMarkers(text: string, from: number): { text: string; markers: { start: number; end: number; text: string }[] } {
  const markers: { start: number; end: number; text: string }[] = [];
  const body = text.slice(from).replace(MARKER_RE, (m, offset: number) => {
    markers.push({ start: from + offset, end: from + offset + m.length, text: m });
    return ' '.repeat(m.length);
  });
  return { text: text.slice(0, from) + body, markers };
}

export type TranscriptResult = { ok: true; source: Source } | { ok: false; reason: string };

export function readTranscript(raw: string, header: TranscriptHeader, meta: SourceMeta, marked: boolean): TranscriptResult {
  const { text, markers } = blankMarkers(raw, header.bodyStart);
  let labels = findLabels(text, header.bodyStart, false);
  if (labels.length === 0 && marked) labels = findLabels(text, header.bodyStart, true);
  if (labels.length === 0) return { ok: false, reason: 'is marked as a transcript but has no speaker labels (such as "MARGARET CHEN, HOST:")' };

  const names = new SpeakerNames();
  const paragraphs: Paragraph[] = [];
  const turns: Turn[] = [];
  const times: { at: number; time: string }[] = [];
  const resets = markers.filter((m) => RESET_MARKER.test(m.text)).map((m) => m.start);
  let li = 0;
  let ri = 0;
  let current: string | null = null;
  for (const span of splitParagraphs(text, header.bodyStart)) {
    // A paragraph may hold several labelled lines (turns without blank lines between them).
    const starts: { at: number; label: LabelLine | null }[] = [{ at: span.start, label: null }];
    while (li < labels.length && labels[li]!.lineStart < span.end) {
      const l = labels[li]!;
      if (l.lineStart >= span.start) {
        if (l.lineStart === span.start || /^\s*$/.test(text.slice(span.start, l.lineStart))) starts[0] = { at: span.start, label: l };
        else starts.push({ at: l.lineStart, label: l });
      }
      li++;
    }
    starts.forEach((s, k) => {
      const end = trimEnd(text, k + 1 < starts.length ? starts[k + 1]!.at : span.end);
      const start = s.at;
      if (end <= start) return;
      // A clip or break marker since the last block: what follows unlabelled is nobody's speech.
      if (ri < resets.length && resets[ri]! < start) {
        current = null;
        while (ri < resets.length && resets[ri]! < start) ri++;
      }
      if (s.label) {
        current = names.resolve(s.label.name);
        if (s.label.time) times.push({ at: s.label.wordsStart, time: normalizeTime(s.label.time) });
        paragraphs.push(paragraphOf(text, { start, end }));
        turns.push({ start: s.label.wordsStart, end, speaker: current });
      } else {
        const only = text.slice(start, end).trim() === '';
        if (only) return;
        const heading = /^#{1,6}\s/.test(text.slice(start, end));
        paragraphs.push(paragraphOf(text, { start, end }, heading));
        if (!heading && current !== null && li > 0) turns.push({ start, end, speaker: current });
      }
    });
  }
  const locatorAt = times.length
    ? (offset: number): Locator | null => {
        // The last labelled time at or before the offset (times are in file order).
        let lo = 0;
        let hi = times.length - 1;
        while (lo <= hi) {
          const mid = (lo + hi) >> 1;
          if (times[mid]!.at <= offset) lo = mid + 1;
          else hi = mid - 1;
        }
        return hi >= 0 ? { time: times[hi]!.time } : null;
      }
    : undefined;
  return {
    ok: true,
    source: buildStructuredSource({ text, bodyStart: header.bodyStart, meta: { ...meta, kind: 'transcript' }, paragraphs, turns, ...(locatorAt ? { locatorAt } : {}) }),
  };
}

function trimEnd(text: string, end: number): number {
  let e = end;
  while (e > 0 && /\s/.test(text[e - 1]!)) e--;
  return e;
}

/** `12:04` → `00:12:04`; `1:02:03,5` → `01:02:03.500`. */
export function normalizeTime(t: string): string {
  const [clock, frac] = t.split(/[.,]/);
  const parts = clock!.split(':').map((p) => p.padStart(2, '0'));
  while (parts.length < 3) parts.unshift('00');
  return parts.join(':') + (frac ? '.' + frac.padEnd(3, '0') : '');
}

/** Network transcript header lines (`SHOW: …`, `DATE: …`) before the first turn. */
export function transcriptHeaderFields(text: string, from: number): { outlet?: string; date?: string; title?: string } {
  // Only the lines before the first speaker label.
  const first = findLabels(text, from, false)[0];
  const head = text.slice(from, Math.min(first ? first.lineStart : text.length, from + 1500));
  const out: { outlet?: string; date?: string; title?: string } = {};
  const show = /^(?:SHOW|PROGRAM|PROGRAMME):[ \t]*(.+)$/m.exec(head);
  if (show) out.outlet = show[1]!.trim();
  const headline = /^(?:HEADLINE|TITLE):[ \t]*(.+)$/m.exec(head);
  if (headline) out.title = headline[1]!.trim();
  const date = /^(?:DATE|AIRED):[ \t]*(.+)$/m.exec(head) ?? /^[ \t]*(?:Aired|Broadcast|Recorded|Date)\b[ \t:]*(.+)$/im.exec(head);
  if (date) {
    const iso = isoDate(date[1]!.trim());
    if (iso) out.date = iso;
  }
  // A Markdown heading before the first turn is the title.
  const heading = /^#{1,3}[ \t]+(.+?)[ \t#]*$/m.exec(head);
  if (heading && !out.title) out.title = heading[1]!.trim();
  // A network transcript's head: the programme in capitals ("SUNDAY BRIEFING"), then a line of what it is
  // ("Interview with Transport Minister Daniel Okafor"), then when it aired.
  for (const raw of head.split(/\r?\n/)) {
    const line = raw.trim();
    if (line === '' || /:/.test(line) || /RUSH TRANSCRIPT|FINAL FORM|^(?:Aired|Broadcast|Recorded)\b/i.test(line) || isoDate(line)) continue;
    if (!/\p{Ll}/u.test(line) && /\p{Lu}{2}/u.test(line) && line.split(/\s+/).length <= 8) out.outlet ??= programmeName(line);
    else if (/\p{Ll}/u.test(line) && !/^#/.test(line) && line.split(/\s+/).length <= 20) out.title ??= line;
  }
  return out;
}

const SMALL_WORDS = new Set(['of', 'the', 'and', 'on', 'in', 'at', 'a', 'an', 'for', 'with', 'to', 'from', 'by']);

/** "SUNDAY BRIEFING" → "Sunday Briefing"; "CNN STATE OF THE UNION" → "CNN State of the Union". */
function programmeName(line: string): string {
  return line
    .split(/\s+/)
    .map((w, k) => {
      const lower = w.toLowerCase();
      if (k > 0 && SMALL_WORDS.has(lower)) return lower;
      if (w.length <= 3 && /^\p{Lu}+$/u.test(w) && !SMALL_WORDS.has(lower)) return w;
      return lower.replace(/(^|[-'’])(\p{L})/gu, (_m, sep: string, ch: string) => sep + ch.toUpperCase());
    })
    .join(' ');
}

const MONTHS = ['january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december'];

/** `2025-08-17`, `August 17, 2025`, `17 August 2025` → `2025-08-17`; anything else → null (never guessed). */
export function isoDate(s: string): string | null {
  let m = /^(\d{4})-(\d{2})-(\d{2})/.exec(s);
  if (m) return `${m[1]}-${m[2]}-${m[3]}`;
  m = /\b([A-Za-z]+)\.?\s+(\d{1,2}),?\s+(\d{4})\b/.exec(s);
  if (m) {
    const month = MONTHS.findIndex((x) => x.startsWith(m![1]!.toLowerCase().slice(0, 3)));
    if (month >= 0) return `${m[3]}-${String(month + 1).padStart(2, '0')}-${m[2]!.padStart(2, '0')}`;
  }
  m = /\b(\d{1,2})\s+([A-Za-z]+)\.?\s+(\d{4})\b/.exec(s);
  if (m) {
    const month = MONTHS.findIndex((x) => x.startsWith(m![2]!.toLowerCase().slice(0, 3)));
    if (month >= 0) return `${m[3]}-${String(month + 1).padStart(2, '0')}-${m[1]!.padStart(2, '0')}`;
  }
  return null;
}
