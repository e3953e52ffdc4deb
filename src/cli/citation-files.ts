// The files a citation style needs, read for the CLI: a built-in style's CSL from resources/csl/ or a `.csl` file
// the writer names, the locale, and the writer's bibliography. One function, so the reading can move behind the
// engine's file reader in one place.

import * as fs from 'node:fs';
import * as path from 'node:path';
import { CSL_LOCALE_FILE, CSL_STYLE_FILES, isCslStyle, parseBibliography, type Bibliography, type CslStyle } from '../core';

export type CitationFiles = { ok: true; csl: CslStyle | null; bibliography: Bibliography | null; warnings: string[] } | { ok: false; message: string };

export function readCitationFiles(style: string, bibliographyPath: string | undefined, cwd: string, resourcesDir: string): CitationFiles {
  const warnings: string[] = [];
  let csl: CslStyle | null = null;
  if (isCslStyle(style)) {
    const builtIn = CSL_STYLE_FILES[style as keyof typeof CSL_STYLE_FILES];
    const file = builtIn ? path.join(resourcesDir, 'csl', builtIn) : path.resolve(cwd, style);
    let xml: string;
    try {
      xml = fs.readFileSync(file, 'utf8');
    } catch {
      return { ok: false, message: `${style} cannot be read (is it a .csl file?)` };
    }
    if (!/<style\b/.test(xml)) return { ok: false, message: `${style} is not a CSL style (it has no <style> element)` };
    csl = { xml, locale: fs.readFileSync(path.join(resourcesDir, 'csl', CSL_LOCALE_FILE), 'utf8') };
  }
  let bibliography: Bibliography | null = null;
  if (bibliographyPath) {
    let text: string;
    try {
      text = fs.readFileSync(path.resolve(cwd, bibliographyPath), 'utf8');
    } catch {
      return { ok: false, message: `${bibliographyPath} cannot be read` };
    }
    const parsed = parseBibliography(text, bibliographyPath);
    if (!parsed.ok) return { ok: false, message: `${bibliographyPath} ${parsed.reason}` };
    bibliography = parsed.bibliography;
    warnings.push(...parsed.warnings.map((w) => `${bibliographyPath}: ${w}`));
  }
  return { ok: true, csl, bibliography, warnings };
}
