import * as vscode from 'vscode';
import { sanitizeSettings, SETTINGS_SECTION, SETTING_DEFAULTS, type VerbatimSettings } from './settings-schema';

/** The settings in effect for a document (or the window), validated. */
export function readSettings(scope?: vscode.ConfigurationScope): VerbatimSettings {
  const config = vscode.workspace.getConfiguration(SETTINGS_SECTION, scope);
  const raw: Partial<Record<keyof VerbatimSettings, unknown>> = {};
  for (const key of Object.keys(SETTING_DEFAULTS) as (keyof VerbatimSettings)[]) raw[key] = config.get(key);
  return sanitizeSettings(raw);
}

export function isServedDocument(document: vscode.TextDocument): boolean {
  return readSettings(document).languages.includes(document.languageId) && document.uri.scheme !== 'output';
}
