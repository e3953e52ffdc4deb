// The `verbatim` command: Node file access and printing around the engine (see docs/cli.md and contracts.md).

import * as fs from 'node:fs';
import * as path from 'node:path';
import { parseArgs } from 'node:util';
import {
  buildCatalog,
  BUILTIN_SOURCES,
  checkClaims,
  checkDraft,
  CITATION_STYLES,
  formatCitation,
  LineMap,
  meetsThreshold,
  QuoteIndex,
  sameperson,
  verifyQuotation,
  type CitationStyle,
  type ClaimCheck,
  type DraftCheck,
  type Severity,
  type SourceFile,
} from '../core';
import { expandGlob, hasGlob } from './glob';
import { readDraft, readUserFile } from './read-file';

export interface CliIO {
  stdout: (s: string) => void;
  stderr: (s: string) => void;
  cwd: string;
  /** Folder holding the built-in article. */
  resourcesDir: string;
}

const USAGE = `Usage:
  verbatim check  [--source PATH|GLOB]... [--no-builtin] [--format text|json] [--fail-on error|warning|info|never]
                  [--min-quote-words N] [--verdicts] [--claims] FILE...
  verbatim quotes [--source PATH|GLOB]... [--no-builtin] [--speaker NAME] [--search WORDS] [--format text|json]
  verbatim cite   [--source PATH|GLOB]... [--no-builtin] [--style inline|footnote|apa|mla|chicago|pandoc] WORDS

Checks the quotations in drafts against the sources: the built-in article on the 2025 Alaska summit, plus
any Markdown or text files given with --source. --claims also fact-checks the draft's own sentences. Exit status: 0 fine, 1 findings at or above --fail-on
(cite: no source passage found), 2 usage or input error.
`;

class UsageError extends Error {}

const COMMON_OPTIONS = {
  source: { type: 'string', multiple: true, default: [] as string[] },
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
        return check(rest, io);
      case 'quotes':
        return quotes(rest, io);
      case 'cite':
        return cite(rest, io);
      default:
        throw new UsageError(`unknown command "${command}"; use check, quotes or cite`);
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

/** Loads the sources; prints one warning per unusable source; fails only when none is left. */
function loadIndex(values: { source?: string[]; 'no-builtin'?: boolean }, io: CliIO): QuoteIndex {
  const files: SourceFile[] = [];
  if (!values['no-builtin']) {
    for (const b of BUILTIN_SOURCES) {
      const text = fs.readFileSync(path.join(io.resourcesDir, b.file), 'utf8');
      files.push({ path: `(built-in) ${b.file}`, text, id: b.id, builtIn: true });
    }
  }
  for (const pattern of values.source ?? []) {
    const matched = expandGlob(pattern, io.cwd);
    if (matched.length === 0) io.stderr(`verbatim: warning: no source files match ${pattern}\n`);
    for (const file of matched) {
      const read = readUserFile(path.resolve(io.cwd, file));
      if (!read.ok) {
        io.stderr(`verbatim: warning: skipping source ${read.message.replace(path.resolve(io.cwd, file), file)}\n`);
        continue;
      }
      files.push({ path: file, bytes: read.bytes });
    }
  }
  const catalog = buildCatalog(files);
  for (const p of catalog.problems) io.stderr(`verbatim: warning: skipping source ${p.message}\n`);
  if (catalog.sources.length === 0) throw new UsageError('no usable sources (the built-in article is off and no --source could be read)');
  return new QuoteIndex(catalog.sources);
}

function check(args: readonly string[], io: CliIO): number {
  const { values, positionals } = parseArgs({ args: [...args], options: { ...COMMON_OPTIONS, ...{
    'fail-on': { type: 'string', default: 'warning' },
    'min-quote-words': { type: 'string' },
    verdicts: { type: 'boolean', default: false },
    claims: { type: 'boolean', default: false },
  } }, allowPositionals: true, strict: true });
  if (values.help) return help(io);
  const fmt = format(values.format);
  const failOn = values['fail-on'] as string;
  if (!['error', 'warning', 'info', 'never'].includes(failOn)) throw new UsageError(`--fail-on must be error, warning, info or never, not "${failOn}"`);
  const minWords = values['min-quote-words'] === undefined ? undefined : Number(values['min-quote-words']);
  if (minWords !== undefined && !(Number.isInteger(minWords) && minWords >= 0)) throw new UsageError('--min-quote-words must be a whole number');
  if (positionals.length === 0) throw new UsageError('check needs at least one draft file');
  const index = loadIndex(values, io);

  const drafts = positionals.flatMap((p) => {
    const files = expandGlob(p, io.cwd);
    if (files.length === 0 && hasGlob(p)) io.stderr(`verbatim: no drafts match ${p}\n`);
    return files;
  });
  let inputError = positionals.some((p) => hasGlob(p) && expandGlob(p, io.cwd).length === 0);
  let failed = false;
  const results: { path: string; text: string; result: DraftCheck; claims: ClaimCheck[] | null }[] = [];
  for (const file of drafts) {
    const read = readDraft(path.resolve(io.cwd, file));
    if (!read.ok) {
      io.stderr(`verbatim: ${read.message.replace(path.resolve(io.cwd, file), file)}\n`);
      inputError = true;
      continue;
    }
    const result = checkDraft(index, read.text, minWords === undefined ? {} : { minQuoteWords: minWords });
    const claims = values.claims ? checkClaims(index, read.text) : null;
    if (claims) result.findings = [...result.findings, ...claims.findings].sort((a, b) => a.span.start - b.span.start);
    results.push({ path: file, text: read.text, result, claims: claims?.claims ?? null });
    if (result.findings.some((f) => meetsThreshold(f.severity, failOn as Severity | 'never'))) failed = true;
  }

  if (fmt === 'json') io.stdout(JSON.stringify({ files: results.map((r) => ({ ...checkJson(r.path, r.text, r.result), ...(r.claims ? { claims: claimsJson(r.text, r.claims) } : {}) })) }, null, 2) + '\n');
  else {
    for (const r of results) io.stdout(checkText(r.path, r.text, r.result, values.verdicts as boolean) + (r.claims && values.verdicts ? claimsText(r.path, r.text, r.claims) : ''));
    const counts = summarize(results.map((r) => r.result));
    if (results.length > 0) io.stderr(`${results.length} file${results.length === 1 ? '' : 's'} checked: ${counts}\n`);
  }
  return inputError ? 2 : failed ? 1 : 0;
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

function quotes(args: readonly string[], io: CliIO): number {
  const { values, positionals } = parseArgs({ args: [...args], options: { ...COMMON_OPTIONS, ...{ speaker: { type: 'string' }, search: { type: 'string' } } }, allowPositionals: true, strict: true });
  if (values.help) return help(io);
  const fmt = format(values.format);
  if (positionals.length > 0) throw new UsageError(`quotes takes no file arguments (got "${positionals[0]}"); give sources with --source`);
  const index = loadIndex(values, io);
  let list = values.search ? index.suggest(values.search as string).map((s) => ({ quote: s.quote, source: s.source })) : index.allQuotes();
  if (values.speaker) list = list.filter((q) => q.quote.speaker !== null && sameperson(values.speaker as string, q.quote.speaker));
  if (fmt === 'json') {
    io.stdout(
      JSON.stringify(
        {
          sources: index.sources.map((s) => {
            const { builtIn: _b, ...meta } = s.source.meta;
            return meta;
          }),
          quotes: list.map(({ quote }) => ({ id: quote.id, sourceId: quote.sourceId, speaker: quote.speaker, text: quote.text, offset: quote.offset, context: quote.context })),
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

function cite(args: readonly string[], io: CliIO): number {
  const { values, positionals } = parseArgs({ args: [...args], options: { ...COMMON_OPTIONS, ...{ style: { type: 'string', default: 'inline' } } }, allowPositionals: true, strict: true });
  if (values.help) return help(io);
  const style = values.style as string;
  if (!CITATION_STYLES.includes(style as CitationStyle)) throw new UsageError(`--style must be one of ${CITATION_STYLES.join(', ')}, not "${style}"`);
  const words = positionals.join(' ').trim();
  if (words === '') throw new UsageError('cite needs the words to cite');
  const index = loadIndex(values, io);
  const v = verifyQuotation(index, words, { start: 0, end: words.length });
  if (!v.match || v.verdict === 'not-found' || v.verdict === 'misquote' || v.verdict === 'extends-source') {
    io.stderr(`verbatim: no source passage found for "${shorten(words, 60)}"\n`);
    return 1;
  }
  const source = index.sourceById(v.match.sourceId)!.source;
  const citation = formatCitation({ text: v.match.text, speaker: v.match.speaker, source: source.meta }, style as CitationStyle);
  if (format(values.format) === 'json') io.stdout(JSON.stringify({ style, match: v.match, ...citation }, null, 2) + '\n');
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
