// Reads the CSL styles the tests use: the built-in ones in resources/csl/ and the test's own house style.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { CSL_LOCALE_FILE, CSL_STYLE_FILES, type CslStyle } from './core-internals';
import { fixture, repoRoot } from './helpers';

const locale = () => fs.readFileSync(path.join(repoRoot, 'resources', 'csl', CSL_LOCALE_FILE), 'utf8');

export function builtInStyle(name: 'apa' | 'mla' | 'chicago'): CslStyle {
  return { xml: fs.readFileSync(path.join(repoRoot, 'resources', 'csl', CSL_STYLE_FILES[name]), 'utf8'), locale: locale() };
}

export function houseStyle(): CslStyle {
  return { xml: fs.readFileSync(fixture('formats', 'house-style.csl'), 'utf8'), locale: locale() };
}
