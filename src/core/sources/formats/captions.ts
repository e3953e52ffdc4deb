// Caption files (WebVTT and SRT), parsed by media-captions. Cues are joined into one text per speaker turn, so a
// sentence that runs over several cues is one sentence and one quote; each quote keeps the start time of the cue
// it starts in. Speakers come from WebVTT voice tags (`<v Anna Ruiz>`) or the caption conventions `- NAME:`,
// `NAME:` and `>> NAME:` (a bare `>>` or `-` is a change to a speaker the file does not name).

import { parseTextStream } from 'media-captions';
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
  let parsed: Awaited<ReturnType<typeof parseTextStream>>;
  try {
    parsed = await parseTextStream(linesOf(type === 'vtt' ? raw : raw.replace(/^\uFEFF/, '')), { type, strict: false });
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

  // One paragraph per speaker turn: "Anna Ruiz: words of every cue of the turn". Built as parts and joined once
  // (searching a string while it grows would copy it each time).
  const parts: string[] = [];
  let length = 0;
  const write = (s: string) => {
    parts.push(s);
    length += s.length;
  };
  const spans: { start: number; wordsStart: number; end: number; speaker: string | null }[] = [];
  const cueStarts: { at: number; time: number }[] = [];
  let speaker: string | null = null;
  let turn: { start: number; wordsStart: number } | null = null;
  const closeTurn = () => {
    if (turn) spans.push({ ...turn, end: length, speaker });
    turn = null;
  };
  for (const line of lines) {
    if (line.speaker !== undefined && (line.speaker !== speaker || turn === null)) {
      closeTurn();
      speaker = line.speaker;
    }
    if (turn === null) {
      if (length > 0) write('\n\n');
      const start = length;
      if (speaker !== null) write(`${speaker}: `);
      turn = { start, wordsStart: length };
    } else write(' ');
    cueStarts.push({ at: length, time: line.time });
    write(line.words);
  }
  closeTurn();
  const text = parts.join('');
  const paragraphs: Paragraph[] = spans.map((s) => paragraphOf(text, s));
  const turns: Turn[] = spans.map((s) => ({ start: s.wordsStart, end: s.end, speaker: s.speaker }));

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
  const source = buildStructuredSource({
    text,
    bodyStart: 0,
    meta: { ...meta, kind: 'captions' },
    paragraphs,
    turns,
    quotePerSentence: true,
    locatorAt,
    warnings,
    labelMethod: 'voice-tag',
  });
  return { ok: true, source };
}

/**
 * The file's lines as a stream that is filled as it is read. (media-captions' own parseText queues every line at
 * once, and taking lines off a long queue costs time in proportion to its length: minutes for a long briefing.)
 */
function linesOf(text: string): ReadableStream<string> {
  const lines = text.split(/\r\n|\r|\n/);
  let next = 0;
  return new ReadableStream<string>({
    pull(controller) {
      const end = Math.min(lines.length, next + 256);
      while (next < end) controller.enqueue(lines[next++]!);
      if (next >= lines.length) controller.close();
    },
  });
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
    line = line
      .replace(/\[[^\]]*\]|\((?:[A-Z][A-Z ,.'-]*|laughs|laughter|applause|inaudible|crosstalk)\)|♪[^♪]*♪?/g, ' ')
      .replace(/\s+/g, ' ')
      .trim();
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
