// The `verbatim` command: Node file access and printing around the engine (see docs/cli.md and contracts.md).

import * as fs from 'node:fs';
import * as path from 'node:path';
import { parseArgs } from 'node:util';
import { createTwoFilesPatch } from 'diff';
import {
  buildSavedIndex,
  BUILTIN_SOURCES,
  contentHash,
  CITATION_STYLES,
  decodeText,
  indexSources,
  isValidCitationStyle,
  LineMap,
  loadSources,
  meetsThreshold,
  openSavedIndex,
  type LoadSettings,
  type ClaimCheck,
  type DraftCheck,
  type Severity,
  type SourceProblem,
  type SourceReader,
  type VerbatimEngine,
} from '../core';
import { expandGlob, hasGlob } from './glob';
import { BUILTIN_PREFIX, createNodeSourceReader } from './node-source-reader';
import { readCitationFiles } from './citation-files';

export interface CliIO {
  stdout: (s: string) => void;
  stderr: (s: string) => void;
  cwd: string;
  /** Folder holding the built-in article. */
  resourcesDir: string;
}

/** Where `verbatim index` writes the index when no --out is given (relative to the working directory). */
export const DEFAULT_INDEX_FILE = path.join('.verbatim', 'index.vbi');

const USAGE = `Usage:
  verbatim check  [--source PATH|GLOB]... [--no-builtin] [--format text|json] [--fail-on error|warning|info|never]
                  [--min-quote-words N] [--verdicts] [--claims] [--fix [--dry-run]] FILE...
  verbatim quotes [--source PATH|GLOB]... [--no-builtin] [--speaker NAME] [--search WORDS] [--format text|json]
  verbatim cite   [--source PATH|GLOB]... [--no-builtin] [--style inline|footnote|apa|mla|chicago|pandoc|FILE.csl]
                  [--bibliography FILE.json|FILE.bib] WORDS
  verbatim index  [--source PATH|GLOB]... [--no-builtin] [--out FILE] [--format text|json]

Checks the quotations in drafts against the sources: the built-in article on the 2025 Alaska summit, plus
any files given with --source: Markdown or text articles and transcripts, saved web pages (.html),
captions (.vtt, .srt), PDFs and Word documents (.docx). Exit status: 0 fine, 1 findings at or above --fail-on
(cite: no source passage found), 2 usage or input error. With --fix, check applies each finding's fix to
the draft (written in place, atomically; --dry-run prints the diff instead) and reports what is left.
--claims also fact-checks the draft's own sentences (outside quotation marks) against the source sentences.
index saves the index of the sources to a file (default ${DEFAULT_INDEX_FILE}); check, quotes and cite
--index FILE start from it, read again only the source files that changed since, and save it again if any did.
`;

class UsageError extends Error {}

const COMMON_OPTIONS = {
  source: { type: 'string', multiple: true, default: [] as string[] },
  index: { type: 'string' },
  'no-builtin': { type: 'boolean', default: false },
  format: { type: 'string', default: 'text' },
  help: { type: 'boolean', short: 'h', default: false },
} as const;

export async function run(argv: readonly string[], io: CliIO): Promise<number> {
  try {
    const [command, ...rest] = argv;
    if (command === undefined || command === '--help' || command === '-h' || command === 'help') {
      io[command === undefined ? 'stderr' : 'stdout'](USAGE);
      return command === undefined ? 2 : 0;
    }
    if (command === '--version') {
      io.stdout(`${readVersion(io.resourcesDir)}\n`);
      return 0;
    }
    switch (command) {
      case 'check':
        return await check(rest, io);
      case 'quotes':
        return await quotes(rest, io);
      case 'cite':
        return await cite(rest, io);
      case 'index':
        return await index(rest, io);
      default:
        throw new UsageError(`unknown command "${command}"; use check, quotes, cite or index`);
    }
  } catch (err) {
    if (err instanceof UsageError || isParseArgsError(err)) {
      io.stderr(`verbatim: ${(err as Error).message.replace(/\.$/, '')} (see verbatim --help)\n`);
      return 2;
    }
    io.stderr(`verbatim: internal error: ${(err as Error)?.message ?? String(err)}\n`);
    return 2;
  }
}

function isParseArgsError(err: unknown): boolean {
  const code = (err as { code?: string })?.code;
  return typeof code === 'string' && code.startsWith('ERR_PARSE_ARGS');
}

function format(value: unknown): 'text' | 'json' {
  if (value !== 'text' && value !== 'json') throw new UsageError(`--format must be text or json, not "${String(value)}"`);
  return value;
}

function sourceSettings(values: { source?: string[]; 'no-builtin'?: boolean }): LoadSettings {
  const builtIn = values['no-builtin'] ? [] : BUILTIN_SOURCES.map((b) => ({ path: BUILTIN_PREFIX + b.file, id: b.id }));
  return { patterns: values.source ?? [], builtIn };
}

/**
 * Loads the sources (through a saved index with --index, when it is fresh for them); prints one warning per
 * unusable source; fails only when none is left.
 */
async function loadEngine(values: { source?: string[]; 'no-builtin'?: boolean; index?: string }, io: CliIO): Promise<VerbatimEngine> {
  const settings = sourceSettings(values);
  const reader = createNodeSourceReader(io.cwd, io.resourcesDir);
  let engine: VerbatimEngine;
  let problems: SourceProblem[];
  let unmatched: string[];
  if (values.index !== undefined) {
    if (values.index === '') throw new UsageError('--index needs a file name');
    const file = path.resolve(io.cwd, values.index);
    const saved = readSavedIndex(file);
    const opened = await openSavedIndex(reader, settings, saved.bytes, engineVersion(io.resourcesDir));
    ({ engine, problems, unmatched } = opened);
    if (opened.from !== 'saved') {
      const why = saved.problem ?? opened.why;
      const written = opened.bytes && engine.sources.length > 0 ? writeFileAtomically(file, opened.bytes) : null;
      const n = opened.reread?.length ?? 0;
      const what = opened.from === 'updated' ? `${n} source file${n === 1 ? ' was' : 's were'} read again` : 'the sources were indexed again';
      const saving = written === null ? '' : written === true ? ' and it was saved' : ` (it cannot be saved: ${written})`;
      io.stderr(`verbatim: the index ${values.index} ${why}; ${what}${saving}\n`);
    }
  } else {
    const loaded = await loadSources(reader, settings);
    const indexed = await indexSources(loaded.files);
    engine = indexed.engine;
    problems = [...loaded.problems, ...indexed.problems];
    unmatched = loaded.unmatched;
  }
  for (const pattern of unmatched) if (hasGlob(pattern)) io.stderr(`verbatim: warning: no source files match ${pattern}\n`);
  for (const p of problems) io.stderr(`verbatim: warning: skipping source ${p.path} ${p.reason}\n`);
  if (engine.sources.length === 0) throw new UsageError('no usable sources (the built-in article is off and no --source could be read)');
  return engine;
}

/** The saved index's bytes, or null with the reason (a missing file is simply "does not exist"). */
function readSavedIndex(file: string): { bytes: Uint8Array | null; problem?: string } {
  try {
    return { bytes: fs.readFileSync(file) };
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') return { bytes: null, problem: 'does not exist' };
    return { bytes: null, problem: code === 'EISDIR' ? 'is a directory' : `cannot be read (${code ?? (err as Error).message})` };
  }
}

/**
 * What a saved index must have been written by: the package version and a hash of the running program, so that any
 * change to the engine (a new parser, another index layout) rebuilds the index instead of trusting it.
 */
function engineVersion(resourcesDir: string): string {
  let program = '';
  try {
    program = contentHash(fs.readFileSync(__filename));
  } catch {
    program = 'unknown';
  }
  return `${readVersion(resourcesDir)}+${program}`;
}

/**
 * Writes through a temporary file next to the target (unique per process and call), flushed and renamed over it:
 * a crash mid-write leaves the old file whole, and of two writers at once the last rename wins, whole. True, or why not.
 */
function writeFileAtomically(file: string, bytes: Uint8Array): true | string {
  const tmp = path.join(path.dirname(file), `.${path.basename(file)}.${process.pid}-${Math.random().toString(36).slice(2, 10)}.tmp`);
  try {
    fs.mkdirSync(path.dirname(file), { recursive: true });
    const fd = fs.openSync(tmp, 'w');
    try {
      let at = 0;
      while (at < bytes.length) at += fs.writeSync(fd, bytes, at, Math.min(bytes.length - at, 1 << 30));
      fs.fsyncSync(fd);
    } finally {
      fs.closeSync(fd);
    }
    fs.renameSync(tmp, file);
    return true;
  } catch (err) {
    fs.rmSync(tmp, { force: true });
    return (err as NodeJS.ErrnoException).code ?? (err as Error).message;
  }
}

async function index(args: readonly string[], io: CliIO): Promise<number> {
  const { values, positionals } = parseArgs({
    args: [...args],
    options: { ...COMMON_OPTIONS, ...{ out: { type: 'string', default: DEFAULT_INDEX_FILE } } },
    allowPositionals: true,
    strict: true,
  });
  if (values.help) return help(io);
  const fmt = format(values.format);
  if (positionals.length > 0) throw new UsageError(`index takes no file arguments (got "${positionals[0]}"); give sources with --source`);
  if (values.index !== undefined) throw new UsageError('index writes the file given with --out; --index is for check, quotes and cite');
  const out = values.out as string;
  if (out === '') throw new UsageError('--out needs a file name');
  const built = await buildSavedIndex(createNodeSourceReader(io.cwd, io.resourcesDir), sourceSettings(values), engineVersion(io.resourcesDir));
  for (const pattern of built.unmatched) if (hasGlob(pattern)) io.stderr(`verbatim: warning: no source files match ${pattern}\n`);
  for (const p of built.problems) io.stderr(`verbatim: warning: skipping source ${p.path} ${p.reason}\n`);
  if (built.engine.sources.length === 0) throw new UsageError('no usable sources (the built-in article is off and no --source could be read)');
  const written = writeFileAtomically(path.resolve(io.cwd, out), built.bytes);
  if (written !== true) {
    io.stderr(`verbatim: ${out} cannot be written (${written})\n`);
    return 2;
  }
  const summary = { index: out, sources: built.engine.sources.length, quotes: built.engine.quoteCount, bytes: built.bytes.length };
  const plural = (n: number, what: string) => `${n} ${what}${n === 1 ? '' : 's'}`;
  const line = `${out}: ${plural(summary.sources, 'source')}, ${plural(summary.quotes, 'quote')}, ${(summary.bytes / 1048576).toFixed(1)} MB\n`;
  io.stdout(fmt === 'json' ? JSON.stringify(summary, null, 2) + '\n' : line);
  return 0;
}

/** Reads a draft: its text ('' for an empty file: nothing to check), or a problem. */
async function readDraft(reader: SourceReader, file: string): Promise<{ ok: true; text: string } | { ok: false; problem: SourceProblem }> {
  const loaded = await loadSources(reader, { patterns: [file], builtIn: [] });
  const bytes = loaded.files[0]?.bytes;
  if (!bytes) return { ok: false, problem: loaded.problems[0] ?? { path: file, reason: 'does not exist' } };
  const decoded = decodeText(bytes);
  if (decoded.ok) return { ok: true, text: decoded.text };
  return decoded.reason === 'is empty' ? { ok: true, text: new TextDecoder().decode(bytes) } : { ok: false, problem: { path: file, reason: decoded.reason } };
}

async function check(args: readonly string[], io: CliIO): Promise<number> {
  const { values, positionals } = parseArgs({
    args: [...args],
    options: {
      ...COMMON_OPTIONS,
      ...{
        'fail-on': { type: 'string', default: 'warning' },
        'min-quote-words': { type: 'string' },
        verdicts: { type: 'boolean', default: false },
        claims: { type: 'boolean', default: false },
        fix: { type: 'boolean', default: false },
        'dry-run': { type: 'boolean', default: false },
      },
    },
    allowPositionals: true,
    strict: true,
  });
  if (values.help) return help(io);
  const fmt = format(values.format);
  const failOn = values['fail-on'] as string;
  if (!['error', 'warning', 'info', 'never'].includes(failOn)) throw new UsageError(`--fail-on must be error, warning, info or never, not "${failOn}"`);
  const minWords = values['min-quote-words'] === undefined ? undefined : Number(values['min-quote-words']);
  if (minWords !== undefined && !(Number.isInteger(minWords) && minWords >= 0)) throw new UsageError('--min-quote-words must be a whole number');
  if (values['dry-run'] && !values.fix) throw new UsageError('--dry-run goes with --fix');
  if (positionals.length === 0) throw new UsageError('check needs at least one draft file');
  const engine = await loadEngine(values, io);
  const reader = createNodeSourceReader(io.cwd, io.resourcesDir);
  const options = minWords === undefined ? {} : { minQuoteWords: minWords };

  const drafts = positionals.flatMap((p) => {
    const files = expandGlob(p, io.cwd);
    if (files.length === 0 && hasGlob(p)) io.stderr(`verbatim: no drafts match ${p}\n`);
    return files;
  });
  let inputError = positionals.some((p) => hasGlob(p) && expandGlob(p, io.cwd).length === 0);
  let failed = false;
  let fixed = 0;
  const results: { path: string; text: string; result: DraftCheck; claims: ClaimCheck[] | null }[] = [];
  for (const file of drafts) {
    const read = await readDraft(reader, file);
    if (!read.ok) {
      io.stderr(`verbatim: ${read.problem.path} ${read.problem.reason}\n`);
      inputError = true;
      continue;
    }
    let text = read.text;
    let result: DraftCheck;
    if (values.fix) {
      const fix = engine.fixAll(text, options);
      if (fix.applied.length > 0) {
        if (values['dry-run']) io.stdout(createTwoFilesPatch(file, file, text, fix.text, '', '', { context: 2 }));
        else if (!writeAtomically(path.resolve(io.cwd, file), fix.text, io, file)) {
          inputError = true;
          continue;
        }
        fixed += fix.applied.length;
        if (!values['dry-run']) text = fix.text;
      }
      result = values['dry-run'] ? engine.checkDraft(text, options) : fix.remaining;
    } else result = engine.checkDraft(text, options);
    // Claims are checked on the text as it now stands; their fixes are offered, never applied by --fix.
    const claims = values.claims ? engine.checkClaims(text) : null;
    if (claims) result = { ...result, findings: [...result.findings, ...claims.findings].sort((a, b) => a.span.start - b.span.start) };
    results.push({ path: file, text, result, claims: claims?.claims ?? null });
    if (result.findings.some((f) => meetsThreshold(f.severity, failOn as Severity | 'never'))) failed = true;
  }

  if (fmt === 'json') {
    io.stdout(
      JSON.stringify({ files: results.map((r) => ({ ...checkJson(r.path, r.text, r.result), ...(r.claims ? { claims: claimsJson(r.text, r.claims) } : {}) })) }, null, 2) + '\n',
    );
  } else {
    for (const r of results) io.stdout(checkText(r.path, r.text, r.result, values.verdicts as boolean) + (r.claims && values.verdicts ? claimsText(r.path, r.text, r.claims) : ''));
    const counts = summarize(results.map((r) => r.result));
    const fixes = values.fix ? `; ${fixed} fix${fixed === 1 ? '' : 'es'} ${values['dry-run'] ? 'would be applied' : 'applied'}` : '';
    if (results.length > 0) io.stderr(`${results.length} file${results.length === 1 ? '' : 's'} checked: ${counts}${fixes}\n`);
  }
  return inputError ? 2 : failed ? 1 : 0;
}

/** Writes a fixed draft through a temporary file in the same folder, renamed over the original: never half-written. */
function writeAtomically(file: string, text: string, io: CliIO, shown: string): boolean {
  const tmp = path.join(path.dirname(file), `.${path.basename(file)}.verbatim-${process.pid}.tmp`);
  try {
    const mode = fs.statSync(file).mode;
    fs.writeFileSync(tmp, text, { mode });
    fs.renameSync(tmp, file);
    return true;
  } catch (err) {
    fs.rmSync(tmp, { force: true });
    io.stderr(`verbatim: ${shown} cannot be written (${(err as NodeJS.ErrnoException).code ?? (err as Error).message})\n`);
    return false;
  }
}

function summarize(results: readonly DraftCheck[]): string {
  const quotes = results.reduce((n, r) => n + r.quotes.length, 0);
  const bySeverity = new Map<string, number>();
  for (const f of results.flatMap((r) => r.findings)) bySeverity.set(f.severity, (bySeverity.get(f.severity) ?? 0) + 1);
  const parts = ['error', 'warning', 'info'].filter((s) => bySeverity.has(s)).map((s) => `${bySeverity.get(s)} ${s}${bySeverity.get(s) === 1 ? '' : 's'}`);
  return `${quotes} quotation${quotes === 1 ? '' : 's'}, ${parts.length ? parts.join(', ') : 'no findings'}`;
}

function checkText(file: string, text: string, result: DraftCheck, verdicts: boolean): string {
  const lines = new LineMap(text);
  const out: string[] = [];
  const at = (offset: number) => {
    const p = lines.positionAt(offset);
    return `${file}:${p.line + 1}:${p.character + 1}`;
  };
  if (verdicts) {
    for (const q of result.quotes) {
      const who = q.match ? ` (${[q.match.speaker, q.match.sourceId, q.match.quoteId].filter(Boolean).join(', ')})` : '';
      const credit = q.speakerCheck === 'not-applicable' ? '' : `, speaker ${q.speakerCheck}`;
      out.push(`${at(q.span.start)}: quote ${q.scare ? 'scare quote, ' : ''}${q.verdict}${credit}${who}: "${shorten(q.text, 60)}"`);
    }
  }
  for (const f of result.findings) out.push(`${at(f.span.start)}: ${f.severity} ${f.code} ${f.message}`);
  return out.length ? out.join('\n') + '\n' : '';
}

function checkJson(file: string, text: string, result: DraftCheck) {
  const lines = new LineMap(text);
  return {
    path: file,
    quotes: result.quotes.map((q) => ({
      text: q.text,
      range: lines.rangeOf(q.span),
      attributedTo: q.attribution ? q.attribution.mention : null,
      verdict: q.verdict,
      speakerCheck: q.speakerCheck,
      match: q.match,
      ...(q.diff ? { diff: q.diff } : {}),
      kind: q.kind,
      scare: q.scare,
      ...(q.omissions.length ? { omissions: q.omissions } : {}),
    })),
    findings: result.findings.map((f) => ({
      code: f.code,
      severity: f.severity,
      message: f.message,
      range: lines.rangeOf(f.span),
      fixes: f.fixes.map((fix) => ({ title: fix.title, edits: fix.edits.map((e) => ({ range: lines.rangeOf(e.span), newText: e.newText })) })),
    })),
  };
}

function claimsJson(text: string, claims: readonly ClaimCheck[]) {
  const lines = new LineMap(text);
  return claims.map((c) => ({
    text: c.text,
    range: lines.rangeOf(c.span),
    verdict: c.verdict,
    match: c.match,
    differences: c.differences.map((d) => ({ kind: d.kind, draft: d.draft, source: d.source, range: lines.rangeOf(d.span) })),
  }));
}

function claimsText(file: string, text: string, claims: readonly ClaimCheck[]): string {
  const lines = new LineMap(text);
  return claims
    .map((c) => {
      const p = lines.positionAt(c.span.start);
      return `${file}:${p.line + 1}:${p.character + 1}: claim ${c.verdict}${c.match ? ` (${c.match.sourceId})` : ''}: "${shorten(c.text, 60)}"\n`;
    })
    .join('');
}

async function quotes(args: readonly string[], io: CliIO): Promise<number> {
  const { values, positionals } = parseArgs({
    args: [...args],
    options: { ...COMMON_OPTIONS, ...{ speaker: { type: 'string' }, search: { type: 'string' } } },
    allowPositionals: true,
    strict: true,
  });
  if (values.help) return help(io);
  const fmt = format(values.format);
  if (positionals.length > 0) throw new UsageError(`quotes takes no file arguments (got "${positionals[0]}"); give sources with --source`);
  const engine = await loadEngine(values, io);
  const list = engine.quotes({ ...(values.speaker ? { speaker: values.speaker as string } : {}), ...(values.search ? { search: values.search as string } : {}) });
  if (fmt === 'json') {
    io.stdout(
      JSON.stringify(
        {
          sources: engine.sources.map((s) => {
            const { builtIn: _b, ...meta } = s.meta;
            return meta;
          }),
          quotes: list.map(({ quote }) => ({
            id: quote.id,
            sourceId: quote.sourceId,
            speaker: quote.speaker,
            text: quote.text,
            offset: quote.offset,
            context: quote.context,
            // How the speaker was found and how sure that is (docs/cli.md); null when the source names no one.
            attribution: quote.attribution ? { method: quote.attribution.method, confidence: quote.attribution.confidence, mention: quote.attribution.mention } : null,
            ...(quote.locator ? { locator: quote.locator } : {}),
          })),
        },
        null,
        2,
      ) + '\n',
    );
  } else {
    for (const { quote } of list) io.stdout(`${quote.sourceId} ${quote.id}  ${quote.speaker ?? '(unattributed)'}: “${quote.text}”\n`);
  }
  return 0;
}

async function cite(args: readonly string[], io: CliIO): Promise<number> {
  const { values, positionals } = parseArgs({
    args: [...args],
    options: { ...COMMON_OPTIONS, ...{ style: { type: 'string', default: 'inline' }, bibliography: { type: 'string' } } },
    allowPositionals: true,
    strict: true,
  });
  if (values.help) return help(io);
  const style = values.style as string;
  if (!isValidCitationStyle(style)) throw new UsageError(`--style must be one of ${CITATION_STYLES.join(', ')} or a .csl file, not "${style}"`);
  const words = positionals.join(' ').trim();
  if (words === '') throw new UsageError('cite needs the words to cite');
  const files = readCitationFiles(style, values.bibliography as string | undefined, io.cwd, io.resourcesDir);
  if (!files.ok) throw new UsageError(files.message);
  for (const w of files.warnings) io.stderr(`verbatim: warning: ${w}\n`);
  const engine = await loadEngine(values, io);
  const cited = engine.cite(words, { start: 0, end: words.length }, style, { csl: files.csl, bibliography: files.bibliography });
  if (!cited) {
    io.stderr(`verbatim: no source passage found for "${shorten(words, 60)}"\n`);
    return 1;
  }
  const { citation, match } = cited;
  if (citation.problem) io.stderr(`verbatim: warning: ${citation.problem}; a footnote is given instead\n`);
  const locator = cited.passage.locator;
  if (format(values.format) === 'json') io.stdout(JSON.stringify({ style, match, ...(locator ? { locator } : {}), ...citation }, null, 2) + '\n');
  else io.stdout(citation.quotation + '\n' + (citation.note ? '\n' + citation.note + '\n' : ''));
  return 0;
}

function help(io: CliIO): number {
  io.stdout(USAGE);
  return 0;
}

function shorten(s: string, n: number): string {
  const flat = s.replace(/\s+/g, ' ');
  return flat.length > n ? flat.slice(0, n - 1) + '…' : flat;
}

function readVersion(resourcesDir: string): string {
  try {
    return JSON.parse(fs.readFileSync(path.join(resourcesDir, '..', 'package.json'), 'utf8')).version;
  } catch {
    return 'unknown';
  }
}

export function defaultResourcesDir(): string {
  for (const candidate of [path.join(__dirname, '..', 'resources'), path.join(__dirname, '..', '..', '..', 'resources')]) {
    if (fs.existsSync(path.join(candidate, BUILTIN_SOURCES[0]!.file))) return candidate;
  }
  return path.join(__dirname, '..', 'resources');
}

if (require.main === module) {
  // A closed pipe (`verbatim quotes | head`) is a normal end, not an error.
  process.stdout.on('error', (err: NodeJS.ErrnoException) => process.exit(err.code === 'EPIPE' ? 0 : 2));
  run(process.argv.slice(2), {
    stdout: (s) => process.stdout.write(s),
    stderr: (s) => process.stderr.write(s),
    cwd: process.cwd(),
    resourcesDir: defaultResourcesDir(),
  }).then(
    (code) => {
      process.exitCode = code;
    },
    (err) => {
      process.stderr.write(`verbatim: internal error: ${(err as Error)?.message ?? String(err)}\n`);
      process.exitCode = 2;
    },
  );
}
