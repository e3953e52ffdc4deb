// The index saved to a file, so that a window or a command starts from it instead of parsing every source again.
// Host-free: the host reads and writes the bytes (atomically: a temporary file renamed over), this encodes, checks
// and decodes them.
//
// Layout (all numbers little-endian; every section starts on an 8-byte boundary so that a decoder makes typed-array
// views of the bytes without copying them):
//   0  magic "VBTMIDX\0" (8 bytes)
//   8  format version (u32)        12 byte-order mark 0x01020304 as written (u32)
//  16  total length in bytes (f64) 24 header length in bytes (u32)      28 reserved (u32)
//  32  header: UTF-8 JSON (engine version, when written, source stamps, problems, section table), padded
//  ..  sections: the index's typed arrays as they are; the string tables and the sources' texts as UTF-8; each
//      source's arrays (paragraphs, sentences, quotes, titles) and its small data (speakers, attributions…) as JSON
//  -8  trailer: checksum (u32) over every byte before it, then "VEND"
// A truncated file, any changed byte, another magic, another format version or another engine version is refused
// with a reason, never trusted in part. Sources are restored lazily, one at a time, on first access: a million
// sentences' objects are never built at load.

import type { Source, SourceMeta } from '../types';
import type { IndexParts } from './build-index';
import { QuoteIndex } from './quote-index';
import { restoreSource, snapshotSource, type SourceSnapshot } from './source-snapshot';

/** Bumped whenever the layout changes; a file of another format version is rebuilt, never read. */
export const SAVED_INDEX_FORMAT = 2;

const MAGIC = [0x56, 0x42, 0x54, 0x4d, 0x49, 0x44, 0x58, 0x00]; // "VBTMIDX\0"
const END = 0x444e4556; // "VEND" read as a little-endian u32
const BYTE_ORDER = 0x01020304;
const PRELUDE = 32;
const TRAILER = 8;

/** One file an index was built from, as it was when read. */
export interface SourceStamp {
  /** The host's path of the file (as its SourceReader names it). */
  path: string;
  size: number;
  /** Modification time in milliseconds. */
  mtime: number;
  /** contentHash of the bytes that were read. */
  hash: string;
}

/** A file that was read but could not be used as a source, kept so a host can warn again without re-reading it. */
export interface SavedProblem {
  path: string;
  reason: string;
}

export interface SavedIndexInput {
  sources: readonly Source[];
  parts: IndexParts;
  stamps: readonly SourceStamp[];
  engineVersion: string;
  problems?: readonly SavedProblem[];
  /** When the index was written (ms); default now. Files changed within a moment of it are checked by content. */
  writtenAt?: number;
}

export type DecodedIndex =
  | {
      ok: true;
      sources: Source[];
      parts: IndexParts;
      /** The distinct speakers of all quotes, in order of first appearance (QuoteIndex.speakerNames). */
      speakers: string[];
      stamps: SourceStamp[];
      problems: SavedProblem[];
      engineVersion: string;
      writtenAt: number;
    }
  | { ok: false; reason: string };

/** The Int32Array fields of IndexParts. A field added there and not here fails to compile. */
type ArrayKey = { [K in keyof IndexParts]: IndexParts[K] extends Int32Array ? K : never }[keyof IndexParts];
const ARRAY_FIELDS: Record<ArrayKey, true> = {
  tokens: true,
  tokenStart: true,
  tokenEnd: true,
  sourceFirstToken: true,
  postingOffsets: true,
  postings: true,
  sentences: true,
  paragraphs: true,
  quotes: true,
  sourceFirstQuote: true,
  sourceFirstSentence: true,
  vocabularyTable: true,
  termTable: true,
  wordTerm: true,
  quoteTermOffsets: true,
  quoteTermPostings: true,
  quoteWords: true,
};
type StringKey = { [K in keyof IndexParts]: IndexParts[K] extends string[] ? K : never }[keyof IndexParts];
const STRING_FIELDS: Record<StringKey, true> = { vocabulary: true, terms: true };

/** Per source, cumulative: text bytes, paragraphs, sentences, quotes, titles (Int32 elements), data bytes. */
const SPAN_FIELDS = 6;

type SectionKind = 'i32' | 'u8' | 'f64';
interface SectionEntry {
  name: string;
  kind: SectionKind;
  /** Byte offset from the start of the file. */
  offset: number;
  byteLength: number;
}

interface Header {
  engineVersion: string;
  writtenAt: number;
  sourceCount: number;
  stamps: SourceStamp[];
  problems: SavedProblem[];
  sections: SectionEntry[];
}

/** The small part of a source kept as JSON; its arrays and text are sections. */
interface SourceData {
  bodyStart: number;
  warnings: string[];
  speakers: string[];
  attributions?: SourceSnapshot['attributions'];
  locators?: SourceSnapshot['locators'];
}

/** Arithmetic, not `& ~7`: bitwise operators would wrap offsets past 2 GB. */
const align8 = (n: number) => Math.ceil(n / 8) * 8;

/** Encodes an index and the stamps of the files it was built from into one byte array (the host writes it). */
export function encodeSavedIndex(input: SavedIndexInput): Uint8Array {
  const encoder = new TextEncoder();
  const sections: { name: string; kind: SectionKind; bytes: Uint8Array }[] = [];
  const add = (name: string, data: Int32Array | Uint8Array | Float64Array) => {
    const kind: SectionKind = data instanceof Int32Array ? 'i32' : data instanceof Float64Array ? 'f64' : 'u8';
    sections.push({ name, kind, bytes: new Uint8Array(data.buffer, data.byteOffset, data.byteLength) });
  };
  const { parts, sources } = input;
  for (const key of Object.keys(ARRAY_FIELDS) as ArrayKey[]) add(key, parts[key]);
  for (const key of Object.keys(STRING_FIELDS) as StringKey[]) {
    const strings = parts[key];
    add(`${key}.text`, encoder.encode(strings.join('')));
    add(
      `${key}.lengths`,
      Int32Array.from(strings, (s) => s.length),
    );
  }

  // The sources: metadata eagerly (one JSON array), everything else per source, read on first access.
  const spans = new Float64Array((sources.length + 1) * SPAN_FIELDS);
  const texts: Uint8Array[] = [];
  const data: Uint8Array[] = [];
  const arrays = { paragraphs: [] as Int32Array[], sentences: [] as Int32Array[], quotes: [] as Int32Array[], titles: [] as Int32Array[] };
  const totals = [0, 0, 0, 0, 0, 0];
  sources.forEach((source, k) => {
    const snap = snapshotSource(source);
    const text = encoder.encode(snap.text);
    const extra: SourceData = { bodyStart: snap.bodyStart, warnings: snap.warnings, speakers: snap.speakers };
    if (snap.attributions) extra.attributions = snap.attributions;
    if (snap.locators) extra.locators = snap.locators;
    const json = encoder.encode(JSON.stringify(extra));
    texts.push(text);
    data.push(json);
    arrays.paragraphs.push(snap.paragraphs);
    arrays.sentences.push(snap.sentences);
    arrays.quotes.push(snap.quotes);
    arrays.titles.push(snap.titles);
    const sizes = [text.length, snap.paragraphs.length, snap.sentences.length, snap.quotes.length, snap.titles.length, json.length];
    for (let f = 0; f < SPAN_FIELDS; f++) {
      totals[f]! += sizes[f]!;
      spans[(k + 1) * SPAN_FIELDS + f] = totals[f]!;
    }
  });
  add('sources.meta', encoder.encode(JSON.stringify(sources.map((s) => s.meta))));
  // Saved apart so that listing them (every completion asks) does not restore every source.
  const speakers = [...new Set(sources.flatMap((s) => s.quotes.map((q) => q.speaker)).filter((s): s is string => s !== null))];
  add('speakers', encoder.encode(JSON.stringify(speakers)));
  add('sources.spans', spans);
  add('sources.text', concatBytes(texts));
  add('sources.data', concatBytes(data));
  for (const [name, list] of Object.entries(arrays)) add(`sources.${name}`, concatInt32(list));

  // The header gives the sections' offsets, which depend on the header's length: measure it with every offset at
  // its widest, lay the sections out after that, and pad the real (no longer) header up to them.
  const entries: SectionEntry[] = sections.map((s) => ({ name: s.name, kind: s.kind, offset: Number.MAX_SAFE_INTEGER, byteLength: s.bytes.length }));
  const header: Header = {
    engineVersion: input.engineVersion,
    writtenAt: input.writtenAt ?? Date.now(),
    sourceCount: sources.length,
    stamps: input.stamps.map((s) => ({ path: s.path, size: s.size, mtime: s.mtime, hash: s.hash })),
    problems: (input.problems ?? []).map((p) => ({ path: p.path, reason: p.reason })),
    sections: entries,
  };
  let at = align8(PRELUDE + encoder.encode(JSON.stringify(header)).length);
  for (const e of entries) {
    e.offset = at;
    at = align8(at + e.byteLength);
  }
  const headerBytes = encoder.encode(JSON.stringify(header));
  const total = at + TRAILER;

  const out = new Uint8Array(total);
  const view = new DataView(out.buffer);
  out.set(MAGIC, 0);
  view.setUint32(8, SAVED_INDEX_FORMAT, true);
  new Uint32Array(out.buffer, 12, 1)[0] = BYTE_ORDER; // as this machine writes it: typed arrays below are in its order
  view.setFloat64(16, total, true);
  view.setUint32(24, headerBytes.length, true);
  out.set(headerBytes, PRELUDE);
  sections.forEach((s, i) => out.set(s.bytes, entries[i]!.offset));
  view.setUint32(total - 8, checksum(new Uint32Array(out.buffer, 0, (total - TRAILER) / 4)), true);
  view.setUint32(total - 4, END, true);
  return out;
}

/**
 * Decodes a saved index, checking everything first: `{ ok: false, reason }` (a clause that reads after "the index
 * file …") for a file that is not one, is truncated or damaged, or was written by another format or engine version.
 * Never throws. The typed arrays are views of `bytes` when it is 4-byte aligned (else of one copy of it).
 */
export function decodeSavedIndex(bytes: Uint8Array, expect: { engineVersion: string }): DecodedIndex {
  try {
    return decode(bytes, expect);
  } catch (err) {
    return { ok: false, reason: `is malformed (${(err as Error)?.message ?? String(err)})` };
  }
}

function decode(input: Uint8Array, expect: { engineVersion: string }): DecodedIndex {
  if (!(input instanceof Uint8Array)) return { ok: false, reason: 'is not bytes' };
  if (input.length < PRELUDE + TRAILER) return { ok: false, reason: input.length === 0 ? 'is empty' : `is too short to be a saved index (${input.length} bytes)` };
  for (let i = 0; i < MAGIC.length; i++) if (input[i] !== MAGIC[i]) return { ok: false, reason: 'is not a Verbatim index (another kind of file)' };
  const bytes = input.byteOffset % 8 === 0 ? input : input.slice();
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const format = view.getUint32(8, true);
  if (format !== SAVED_INDEX_FORMAT) {
    return {
      ok: false,
      reason: `was written in index format ${format}, ${format < SAVED_INDEX_FORMAT ? 'an older' : 'a newer'} one than this version reads (${SAVED_INDEX_FORMAT})`,
    };
  }
  if (new Uint32Array(bytes.buffer, bytes.byteOffset + 12, 1)[0] !== BYTE_ORDER) return { ok: false, reason: 'was written on a machine of another byte order' };
  const total = view.getFloat64(16, true);
  if (bytes.length < total) return { ok: false, reason: `is truncated (${bytes.length} of ${total} bytes)` };
  if (bytes.length > total) return { ok: false, reason: `has ${bytes.length - total} bytes more than it should (${total})` };
  if (total % 8 !== 0 || view.getUint32(total - 4, true) !== END) return { ok: false, reason: 'is damaged (its end marker is missing)' };
  const sum = checksum(new Uint32Array(bytes.buffer, bytes.byteOffset, (total - TRAILER) / 4));
  if (sum !== view.getUint32(total - 8, true)) return { ok: false, reason: 'is damaged (its checksum does not match its contents)' };

  const headerLength = view.getUint32(24, true);
  if (PRELUDE + headerLength > total - TRAILER) return { ok: false, reason: 'is malformed (its header runs past its end)' };
  const decoder = new TextDecoder('utf-8', { fatal: true });
  const header = JSON.parse(decoder.decode(bytes.subarray(PRELUDE, PRELUDE + headerLength))) as Header;
  if (header.engineVersion !== expect.engineVersion) {
    return { ok: false, reason: `was written by another version of Verbatim (${String(header.engineVersion)}, this is ${expect.engineVersion})` };
  }
  const stampOk = (t: SourceStamp) => typeof t?.path === 'string' && typeof t.size === 'number' && typeof t.mtime === 'number' && typeof t.hash === 'string';
  if (!Array.isArray(header.stamps) || !header.stamps.every(stampOk)) return { ok: false, reason: 'is malformed (its source stamps)' };
  if (!Array.isArray(header.problems) || !header.problems.every((p) => typeof p?.path === 'string' && typeof p.reason === 'string')) {
    return { ok: false, reason: 'is malformed (its list of problems)' };
  }
  if (!Array.isArray(header.sections) || !Number.isInteger(header.sourceCount) || typeof header.writtenAt !== 'number') return { ok: false, reason: 'is malformed (its header)' };
  const byName = new Map<string, SectionEntry>();
  for (const e of header.sections) {
    const size = e.kind === 'i32' ? 4 : e.kind === 'f64' ? 8 : 1;
    if (!(
      Number.isInteger(e.offset) &&
      Number.isInteger(e.byteLength) &&
      e.offset % 8 === 0 &&
      e.byteLength % size === 0 &&
      e.offset >= PRELUDE + headerLength &&
      e.offset + e.byteLength <= total - TRAILER
    )) {
      return { ok: false, reason: `is malformed (section ${e.name} lies outside the file)` };
    }
    byName.set(e.name, e);
  }
  const section = (name: string): SectionEntry => {
    const e = byName.get(name);
    if (!e) throw new Error(`section ${name} is missing`);
    return e;
  };
  const i32 = (name: string) => {
    const e = section(name);
    return new Int32Array(bytes.buffer, bytes.byteOffset + e.offset, e.byteLength / 4);
  };
  const u8 = (name: string) => {
    const e = section(name);
    return bytes.subarray(e.offset, e.offset + e.byteLength);
  };
  const strings = (key: string): string[] => {
    const text = decoder.decode(u8(`${key}.text`));
    const lengths = i32(`${key}.lengths`);
    const out = new Array<string>(lengths.length);
    let at = 0;
    for (let i = 0; i < lengths.length; i++) {
      out[i] = text.slice(at, at + lengths[i]!);
      at += lengths[i]!;
    }
    if (at !== text.length) throw new Error(`the ${key} table does not add up`);
    return out;
  };

  const parts = {} as IndexParts;
  for (const key of Object.keys(ARRAY_FIELDS) as ArrayKey[]) parts[key] = i32(key);
  for (const key of Object.keys(STRING_FIELDS) as StringKey[]) parts[key] = strings(key);

  const n = header.sourceCount;
  const metas = JSON.parse(decoder.decode(u8('sources.meta'))) as SourceMeta[];
  const spansEntry = section('sources.spans');
  const spans = new Float64Array(bytes.buffer, bytes.byteOffset + spansEntry.offset, spansEntry.byteLength / 8);
  const problem = checkShape(parts, n, metas, spans);
  if (problem) return { ok: false, reason: `is malformed (${problem})` };
  const texts = u8('sources.text');
  const data = u8('sources.data');
  const arrays = [i32('sources.paragraphs'), i32('sources.sentences'), i32('sources.quotes'), i32('sources.titles')] as const;
  for (let f = 0; f < SPAN_FIELDS; f++) {
    const length = [texts.length, ...arrays.map((a) => a.length), data.length][f]!;
    if (spans[n * SPAN_FIELDS + f] !== length) return { ok: false, reason: 'is malformed (the sources do not add up)' };
  }
  const sources = metas.map((meta, k) =>
    lazySource(meta, () => {
      const at = (f: number) => [spans[k * SPAN_FIELDS + f]!, spans[(k + 1) * SPAN_FIELDS + f]!] as const;
      const [t0, t1] = at(0);
      const [d0, d1] = at(5);
      const extra = JSON.parse(decoder.decode(data.subarray(d0, d1))) as SourceData;
      const slice = (f: number) => arrays[f - 1]!.subarray(...at(f));
      const snapshot: SourceSnapshot = {
        meta,
        text: decoder.decode(texts.subarray(t0, t1)),
        bodyStart: extra.bodyStart,
        paragraphs: slice(1),
        sentences: slice(2),
        quotes: slice(3),
        speakers: extra.speakers,
        ...(extra.attributions ? { attributions: extra.attributions } : {}),
        ...(extra.locators ? { locators: extra.locators } : {}),
        titles: slice(4),
        warnings: extra.warnings,
      };
      return restoreSource(snapshot);
    }),
  );
  const speakers = JSON.parse(decoder.decode(u8('speakers'))) as string[];
  if (!Array.isArray(speakers) || speakers.some((s) => typeof s !== 'string')) return { ok: false, reason: 'is malformed (its speaker list)' };
  return { ok: true, sources, parts, speakers, stamps: header.stamps, problems: header.problems, engineVersion: header.engineVersion, writtenAt: header.writtenAt };
}

/**
 * The index over a decoded saved index, answering without restoring every source: the list of speakers (which
 * completions ask for) comes from the file instead of from every source's quotes.
 */
export function indexOfSaved(decoded: { sources: readonly Source[]; parts: IndexParts; speakers: readonly string[] }): QuoteIndex {
  return new SavedQuoteIndex(decoded.sources, decoded.parts, decoded.speakers);
}

class SavedQuoteIndex extends QuoteIndex {
  constructor(
    sources: readonly Source[],
    parts: IndexParts,
    private readonly savedSpeakers: readonly string[],
  ) {
    super(sources, parts);
  }
  override speakerNames(): readonly string[] {
    return this.savedSpeakers;
  }
}

/** Cheap checks that the arrays fit together, so a QuoteIndex over them cannot read past an end. */
function checkShape(parts: IndexParts, n: number, metas: readonly SourceMeta[], spans: Float64Array): string | null {
  if (!Array.isArray(metas) || metas.length !== n) return 'the source count does not match';
  if (spans.length !== (n + 1) * SPAN_FIELDS) return 'the source table does not match';
  if (parts.sourceFirstToken.length !== n + 1 || parts.sourceFirstQuote.length !== n + 1 || parts.sourceFirstSentence.length !== n + 1) return 'the source offsets do not match';
  if (parts.sourceFirstSentence[n] !== parts.sentences.length / 2) return 'the sentence arrays do not match';
  const tokens = parts.tokens.length;
  if (parts.tokenStart.length !== tokens || parts.tokenEnd.length !== tokens || parts.sourceFirstToken[n] !== tokens) return 'the token arrays do not match';
  if (parts.postingOffsets.length !== parts.vocabulary.length + 1 || parts.wordTerm.length !== parts.vocabulary.length) return 'the vocabulary arrays do not match';
  if (parts.quoteTermOffsets.length !== parts.terms.length + 1) return 'the term arrays do not match';
  if (parts.sourceFirstQuote[n] !== parts.quotes.length / 2) return 'the quote arrays do not match';
  return null;
}

/** A Source whose contents are restored on first access of any of them (its metadata is there from the start). */
function lazySource(meta: SourceMeta, restore: () => Source): Source {
  const source = { meta } as Source;
  const keys = ['text', 'bodyStart', 'paragraphs', 'sentences', 'quotes', 'titles', 'warnings'] as const;
  const materialize = () => {
    let full: Source;
    try {
      full = restore();
    } catch (err) {
      // Only a file crafted to pass the checksum gets here; an empty source is safer than an exception in a hover.
      full = { meta, text: '', bodyStart: 0, paragraphs: [], sentences: [], quotes: [], titles: [], warnings: [`could not be restored (${(err as Error)?.message})`] };
    }
    for (const key of keys) Object.defineProperty(source, key, { value: full[key], writable: true, enumerable: true, configurable: true });
  };
  for (const key of keys) {
    Object.defineProperty(source, key, {
      enumerable: true,
      configurable: true,
      get() {
        materialize();
        return source[key];
      },
      set(value: unknown) {
        materialize();
        (source as unknown as Record<string, unknown>)[key] = value;
      },
    });
  }
  return source;
}

/**
 * Restores lazily decoded sources a few at a time, yielding to the host between slices of about `sliceMs`, so that
 * what needs every source (a completion with nothing typed yet lists every quote) does not restore them all at once
 * later. A host starts it after loading; it stops when `signal` aborts. Sources that are plain objects cost nothing.
 */
export async function restoreSourcesGradually(
  sources: readonly Source[],
  yieldToHost: () => Promise<void>,
  options: { sliceMs?: number; signal?: AbortSignal } = {},
): Promise<void> {
  const sliceMs = options.sliceMs ?? 8;
  let started = Date.now();
  for (const source of sources) {
    if (options.signal?.aborted) return;
    void source.text; // the first access restores the whole source
    if (Date.now() - started >= sliceMs) {
      await yieldToHost();
      started = Date.now();
    }
  }
}

/**
 * A 32-bit checksum over words, four lanes at a time. Each step (xor a word in, multiply by an odd constant, xor the
 * high half down) is a bijection of the lane's state, and so is the final mixing of the lanes: one changed word
 * always changes the result.
 */
export function checksum(words: Uint32Array): number {
  let a = 0x243f6a88 | 0;
  let b = 0x85a308d3 | 0;
  let c = 0x13198a2e | 0;
  let d = 0x03707344 | 0;
  const n = words.length;
  const n4 = n - (n % 4);
  let i = 0;
  for (; i < n4; i += 4) {
    a = Math.imul(a ^ words[i]!, 0x9e3779b1);
    b = Math.imul(b ^ words[i + 1]!, 0x85ebca77);
    c = Math.imul(c ^ words[i + 2]!, 0xc2b2ae3d);
    d = Math.imul(d ^ words[i + 3]!, 0x27d4eb2f);
    a ^= a >>> 15;
    b ^= b >>> 13;
    c ^= c >>> 16;
    d ^= d >>> 14;
  }
  for (; i < n; i++) {
    a = Math.imul(a ^ words[i]!, 0x9e3779b1);
    a ^= a >>> 15;
  }
  let h = Math.imul(a ^ n, 0x165667b1);
  h = Math.imul(h ^ (h >>> 15) ^ b, 0x9e3779b1);
  h = Math.imul(h ^ (h >>> 13) ^ c, 0x85ebca77);
  h = Math.imul(h ^ (h >>> 16) ^ d, 0xc2b2ae3d);
  return (h ^ (h >>> 16)) >>> 0;
}

/** A 64-bit hash of a file's bytes (two murmur3-style lanes), as 16 hex digits: fast, deterministic, browser-safe. */
export function contentHash(input: Uint8Array): string {
  const bytes = input.byteOffset % 4 === 0 ? input : input.slice();
  const n = bytes.length >>> 2;
  const words = new Uint32Array(bytes.buffer, bytes.byteOffset, n);
  let h1 = 0x9747b28c | 0;
  let h2 = 0x1b873593 ^ bytes.length;
  const mix = (k: number) => {
    k = Math.imul(k, 0xcc9e2d51);
    k = (k << 15) | (k >>> 17);
    return Math.imul(k, 0x1b873593);
  };
  for (let i = 0; i < n; i++) {
    const w = words[i]!;
    h1 ^= mix(w);
    h1 = (h1 << 13) | (h1 >>> 19);
    h1 = (Math.imul(h1, 5) + 0xe6546b64) | 0;
    h2 ^= mix(w ^ 0x5bd1e995);
    h2 = (h2 << 17) | (h2 >>> 15);
    h2 = (Math.imul(h2, 9) + 0x38495ab5) | 0;
  }
  let tail = 0;
  for (let i = n * 4; i < bytes.length; i++) tail |= bytes[i]! << ((i - n * 4) * 8);
  h1 ^= mix(tail);
  h2 ^= mix(tail ^ 0x5bd1e995);
  const fmix = (h: number) => {
    h ^= h >>> 16;
    h = Math.imul(h, 0x85ebca6b);
    h ^= h >>> 13;
    h = Math.imul(h, 0xc2b2ae35);
    return (h ^ (h >>> 16)) >>> 0;
  };
  h1 ^= bytes.length;
  h2 ^= h1;
  const x = fmix(h1 + h2);
  const y = fmix(h2 ^ x);
  return x.toString(16).padStart(8, '0') + y.toString(16).padStart(8, '0');
}

/** What a host knows about a file now without reading it. */
export interface CurrentFile {
  path: string;
  size: number;
  mtime: number;
}

export interface Staleness {
  /** True when every stamped file is unchanged and no file was added or removed. */
  fresh: boolean;
  unchanged: string[];
  changed: string[];
  added: string[];
  removed: string[];
}

/**
 * Which stamped files changed, were removed or added since an index was written. Equal size and mtime mean unchanged,
 * unless the mtime lies within `RACY_MS` of when the index was written (a file changed again within the same clock
 * tick keeps its mtime); otherwise a different size means changed, and the content hash decides the rest
 * (`hashOf` reads the file; null when it cannot be read, which counts as changed).
 */
export async function staleSources(
  stamps: readonly SourceStamp[],
  current: readonly CurrentFile[],
  hashOf: (path: string) => Promise<string | null> | string | null,
  options: { writtenAt?: number } = {},
): Promise<Staleness> {
  const now = new Map(current.map((f) => [f.path, f]));
  const stamped = new Set<string>();
  const result: Staleness = { fresh: true, unchanged: [], changed: [], added: [], removed: [] };
  for (const stamp of stamps) {
    stamped.add(stamp.path);
    const file = now.get(stamp.path);
    if (!file) {
      result.removed.push(stamp.path);
      continue;
    }
    const racy = options.writtenAt !== undefined && stamp.mtime >= options.writtenAt - RACY_MS;
    if (file.size === stamp.size && file.mtime === stamp.mtime && !racy) result.unchanged.push(stamp.path);
    else if (file.size !== stamp.size) result.changed.push(stamp.path);
    else {
      let hash: string | null;
      try {
        hash = await hashOf(stamp.path);
      } catch {
        hash = null;
      }
      (hash === stamp.hash ? result.unchanged : result.changed).push(stamp.path);
    }
  }
  for (const f of current) if (!stamped.has(f.path)) result.added.push(f.path);
  result.fresh = result.changed.length === 0 && result.added.length === 0 && result.removed.length === 0;
  return result;
}

/** How close to the index's writing a file's mtime must be to be checked by content even when it looks unchanged. */
export const RACY_MS = 2000;

function concatBytes(list: readonly Uint8Array[]): Uint8Array {
  const out = new Uint8Array(list.reduce((n, b) => n + b.length, 0));
  let at = 0;
  for (const b of list) {
    out.set(b, at);
    at += b.length;
  }
  return out;
}

function concatInt32(list: readonly Int32Array[]): Int32Array {
  const out = new Int32Array(list.reduce((n, b) => n + b.length, 0));
  let at = 0;
  for (const b of list) {
    out.set(b, at);
    at += b.length;
  }
  return out;
}
