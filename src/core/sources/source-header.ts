// A source's metadata: YAML front matter (a flat `key: value` subset) or the `date YYYY-MM-DD` first line that
// the built-in article uses. Unknown keys are ignored; missing ones stay null, never guessed.

export interface SourceHeader {
  fields: { id?: string; title?: string; outlet?: string; author?: string; date?: string; url?: string; kind?: string };
  /** Offset where the body (the prose) starts. */
  bodyStart: number;
}

export type HeaderResult = { ok: true; header: SourceHeader } | { ok: false; reason: string };

const KNOWN_KEYS = new Set(['id', 'title', 'outlet', 'author', 'date', 'url', 'kind']);
const DATE_RE = /^\d{4}-\d{2}-\d{2}$/;

export function parseSourceHeader(text: string): HeaderResult {
  const start = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  if (text.startsWith('---', start) && /^---[ \t]*\r?\n/.test(text.slice(start, start + 6))) {
    return parseFrontMatter(text, start);
  }
  const dateLine = /^\s*date\s+(\d{4}-\d{2}-\d{2})\b[ \t]*/.exec(text.slice(start, start + 200));
  if (dateLine) {
    const date = dateLine[1]!;
    if (!isValidDate(date)) return { ok: false, reason: `has an impossible date in its date line (${date})` };
    return { ok: true, header: { fields: { date }, bodyStart: start + dateLine[0].length } };
  }
  return { ok: true, header: { fields: {}, bodyStart: start } };
}

function parseFrontMatter(text: string, start: number): HeaderResult {
  const open = /^---[ \t]*\r?\n/.exec(text.slice(start))!;
  const contentStart = start + open[0].length;
  const close = /^---[ \t]*(?:\r?\n|$)/m;
  const rest = text.slice(contentStart);
  const closeMatch = close.exec(rest);
  if (!closeMatch) return { ok: false, reason: 'has front matter that starts with --- but never closes with ---' };
  const block = rest.slice(0, closeMatch.index);
  const fields: SourceHeader['fields'] = {};
  const lines = block.split(/\r?\n/);
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    if (line.trim() === '' || line.trimStart().startsWith('#')) continue;
    const m = /^([A-Za-z_][\w-]*)\s*:\s*(.*)$/.exec(line);
    if (!m) return { ok: false, reason: `has a front matter line (line ${i + 2}) that is not "key: value"` };
    const key = m[1]!.toLowerCase();
    const value = unquote(m[2]!.trim());
    if (value === null) return { ok: false, reason: `has a front matter line (line ${i + 2}) with an unclosed quoted value` };
    if (!KNOWN_KEYS.has(key) || value === '') continue;
    if (key === 'date' && !(DATE_RE.test(value) && isValidDate(value))) {
      return { ok: false, reason: `has a front matter date "${value}" that is not a YYYY-MM-DD date` };
    }
    fields[key as keyof SourceHeader['fields']] = value;
  }
  // `type:` is read as `kind:` (`type: transcript`), since writers use either.
  if (!fields.kind) {
    const type = /^type\s*:\s*["']?([\w-]+)/im.exec(block);
    if (type) fields.kind = type[1]!.toLowerCase();
  }
  return { ok: true, header: { fields, bodyStart: contentStart + closeMatch.index + closeMatch[0].length } };
}

function unquote(value: string): string | null {
  const q = value[0];
  if (q === '"' || q === "'") {
    if (value.length < 2 || value[value.length - 1] !== q) return null;
    return value.slice(1, -1);
  }
  return value.replace(/\s+#.*$/, '');
}

function isValidDate(date: string): boolean {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  const t = new Date(Date.UTC(y, m - 1, d));
  return t.getUTCFullYear() === y && t.getUTCMonth() === m - 1 && t.getUTCDate() === d;
}
