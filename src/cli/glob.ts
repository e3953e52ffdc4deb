// Just enough globbing for --source and draft arguments when the shell did not expand them:
// `*`, `?`, `**`, `[abc]` and `{a,b}`. Hidden folders, node_modules and .git are not walked.

import * as fs from 'node:fs';
import * as path from 'node:path';

export function hasGlob(pattern: string): boolean {
  return /[*?[{]/.test(pattern);
}

export function expandBraces(pattern: string): string[] {
  const m = /\{([^{}]*)\}/.exec(pattern);
  if (!m) return [pattern];
  const before = pattern.slice(0, m.index);
  const after = pattern.slice(m.index + m[0].length);
  return m[1]!.split(',').flatMap((alt) => expandBraces(before + alt + after));
}

export function globToRegExp(pattern: string): RegExp {
  let re = '';
  for (let i = 0; i < pattern.length; i++) {
    const c = pattern[i]!;
    if (c === '*') {
      if (pattern[i + 1] === '*') {
        const slash = pattern[i + 2] === '/';
        re += slash ? '(?:.*/)?' : '.*';
        i += slash ? 2 : 1;
      } else re += '[^/]*';
    } else if (c === '?') re += '[^/]';
    else if (c === '[') {
      const close = pattern.indexOf(']', i);
      if (close < 0) re += '\\[';
      else {
        re += '[' + pattern.slice(i + 1, close).replace(/\\/g, '\\\\') + ']';
        i = close;
      }
    } else re += c.replace(/[.+^${}()|\\]/g, '\\$&');
  }
  return new RegExp('^' + re + '$');
}

/** The files a pattern names, sorted. A pattern without glob characters is returned as given. */
export function expandGlob(pattern: string, cwd: string): string[] {
  if (!hasGlob(pattern)) return [pattern];
  const out = new Set<string>();
  for (const p of expandBraces(pattern.replace(/\\/g, '/'))) {
    const parts = p.split('/');
    const firstGlob = parts.findIndex(hasGlob);
    const base = parts.slice(0, firstGlob).join('/') || (p.startsWith('/') ? '/' : '.');
    const regex = globToRegExp(parts.slice(firstGlob).join('/'));
    const root = path.resolve(cwd, base);
    for (const rel of walk(root)) {
      if (regex.test(rel)) out.add(base === '.' ? rel : path.posix.join(base, rel));
    }
  }
  return [...out].sort();
}

function* walk(root: string, rel = '', depth = 0): Generator<string> {
  if (depth > 32) return;
  let entries: fs.Dirent[];
  try {
    entries = fs.readdirSync(path.join(root, rel), { withFileTypes: true });
  } catch {
    return;
  }
  for (const e of entries) {
    const r = rel ? `${rel}/${e.name}` : e.name;
    if (e.isDirectory()) {
      if (e.name.startsWith('.') || e.name === 'node_modules') continue;
      yield* walk(root, r, depth + 1);
    } else if (e.isFile()) yield r;
  }
}
