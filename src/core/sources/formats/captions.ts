// Caption files (WebVTT and SRT), parsed by media-captions. Cues are joined into one text per speaker turn, so a
// sentence that runs over several cues is one sentence and one quote; each quote keeps the start time of the cue
// it starts in. Speakers come from WebVTT voice tags (`<v Anna Ruiz>`) or the caption conventions `- NAME:`,
// `NAME:` and `>> NAME:` (a bare `>>` or `-` is a change to a speaker the file does not name).

import { parseText } from 'media-captions';
import type { Locator, Paragraph, Source, SourceMeta } from '../../types';
import { buildStructuredSource, paragraphOf, type Turn } from './structured-source';
import { SpeakerNames } from './transcript';

export type CaptionsResult = { ok: true; source: Source } | { ok: false; reason: string };

interface Line {
  time: number;
  speaker: string | null | undefined; // undefined: same speaker as before
  words: string;
}

const VOICE_RE = /^<v(?:\.[^\s>]*)?\s+([^>]+)>/;
const LABEL_RE = /^(?:>>+|-)?\s*((?:\p{Lu}[\p{Lu}.'’-]*)(?:\s+\p{Lu}[\p{Lu}.'’-]*){0,4}|\p{Lu}[\p{L}.'’-]*(?:\s+\p{Lu}[\p{L}.'’-]*){1,3})(?:\s*\([^)]*\))?:\s+/u;
const CHANGE_RE = /^(?:>>+|-)\s*/;
const UNKNOWN = /^(?:unidentified|unknown|crowd|audience|voice|voices|announcer|operator|reporter|reporters|speaker)\b/i;

export async function readCaptions(raw: string, type: 'vtt' | 'srt', meta: SourceMeta): Promise<CaptionsResult> {
  let parsed: Awaited<ReturnType<typeof parseText>>;
  try {
    parsed = await parseText(type === 'vtt' ? raw : raw.replace(/^\uFEFF/, ''), { type, strict: false });
  } catch (err) {
    return { ok: false, reason: `could not be read as ${type === 'vtt' ? 'WebVTT' : 'SRT'} captions (${(err as Error).message})` };
  }
  const lines: Line[] = [];
  let previous = '';
  const names = new SpeakerNames();
  for (const cue of parsed.cues) {
    for (const line of cueLines(cue.text, names)) {
      // Roll-up captions repeat the line before; keep it once.
      if (line.words === previous) continue;
      previous = line.words;
      lines.push({ ...line, time: cue.startTime });
    }
  }
  if (lines.length === 0) return { ok: false, reason: `has no caption cues with words${type === 'vtt' ? ' (is it WebVTT?)' : ' (is it SRT?)'}` };

  // One paragraph per speaker turn: "Anna Ruiz: words of every cue of the turn".
  let text = '';
  const paragraphs: Paragraph[] = [];
  const turns: Turn[] = [];
  const cueStarts: { at: number; time: number }[] = [];
  let speaker: string | null = null;
  let turnStart = -1;
  const closeTurn = () => {
    if (turnStart < 0) return;
    const labelEnd = text.indexOf(': ', turnStart);
    const wordsStart = speaker !== null && labelEnd >= 0 ? labelEnd + 2 : turnStart;
    paragraphs.push(paragraphOf(text, { start: turnStart, end: text.length }));
    turns.push({ start: wordsStart, end: text.length, speaker });
    turnStart = -1;
  };
  for (const line of lines) {
    if (line.speaker !== undefined && (line.speaker !== speaker || turnStart < 0)) {
      closeTurn();
      speaker = line.speaker;
    }
    if (turnStart < 0) {
      if (text) text += '\n\n';
      turnStart = text.length;
      if (speaker !== null) text += `${speaker}: `;
    } else text += ' ';
    cueStarts.push({ at: text.length, time: line.time });
    text += line.words;
  }
  closeTurn();

  const locatorAt = (offset: number): Locator | null => {
    let lo = 0;
    let hi = cueStarts.length - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      if (cueStarts[mid]!.at <= offset) lo = mid + 1;
      else hi = mid - 1;
    }
    const cue = cueStarts[Math.max(0, hi)];
    return cue ? { time: formatTime(cue.time) } : null;
  };
  const warnings = parsed.errors.length ? [`${parsed.errors.length} caption block(s) could not be read and were left out`] : [];
  const source = buildStructuredSource({ text, bodyStart: 0, meta: { ...meta, kind: 'captions' }, paragraphs, turns, quotePerSentence: true, locatorAt, warnings });
  return { ok: true, source };
}

/** A cue's lines with their speakers, tags removed. */
function cueLines(cueText: string, names: SpeakerNames): Omit<Line, 'time'>[] {
  const out: Omit<Line, 'time'>[] = [];
  for (const rawLine of cueText.split(/\r?\n/)) {
    let line = rawLine.trim();
    let speaker: string | null | undefined;
    const voice = VOICE_RE.exec(line);
    if (voice) {
      speaker = speakerName(voice[1]!, names);
      line = line.slice(voice[0].length);
    }
    line = stripTags(line).trim();
    if (speaker === undefined) {
      const label = LABEL_RE.exec(line);
      if (label && /\p{L}{2}/u.test(label[1]!)) {
        speaker = speakerName(label[1]!, names);
        line = line.slice(label[0].length);
      } else if (CHANGE_RE.test(line)) {
        speaker = null;
        line = line.replace(CHANGE_RE, '');
      }
    }
    // Sound descriptions are not words anybody said.
    line = line.replace(/\[[^\]]*\]|\((?:[A-Z][A-Z ,.'-]*|laughs|laughter|applause|inaudible|crosstalk)\)|♪[^♪]*♪?/g, ' ').replace(/\s+/g, ' ').trim();
    if (!/[\p{L}\p{N}]/u.test(line)) continue;
    out.push({ speaker, words: line });
  }
  return out;
}

function speakerName(label: string, names: SpeakerNames): string | null {
  const name = label.replace(/&amp;/g, '&').replace(/&lt;/g, '<').replace(/&gt;/g, '>').trim();
  if (name === '' || UNKNOWN.test(name)) return null;
  return names.resolve(name);
}

function stripTags(s: string): string {
  return s
    .replace(/<[^>]*>/g, '')
    .replace(/&amp;/g, '&')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&nbsp;/g, ' ')
    .replace(/&lrm;|&rlm;/g, '');
}

/** Seconds → `00:12:04.500`. */
export function formatTime(seconds: number): string {
  const ms = Math.round(seconds * 1000);
  const h = Math.floor(ms / 3_600_000);
  const m = Math.floor((ms % 3_600_000) / 60_000);
  const s = Math.floor((ms % 60_000) / 1000);
  const rest = ms % 1000;
  return `${String(h).padStart(2, '0')}:${String(m).padStart(2, '0')}:${String(s).padStart(2, '0')}.${String(rest).padStart(3, '0')}`;
}
