// Proves the source readers and the CSL processor run in a browser, as the web build of the extension needs:
// bundles the engine's reader for the browser with esbuild, loads it in Debian's Chromium (playwright-core, no
// download), reads every fixture of test/fixtures/formats/ there and formats an APA citation.
//   node test/integration/formats-in-browser.mjs      (needs the Debian package chromium)
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import esbuild from 'esbuild';
import { chromium } from 'playwright-core';

const repo = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'verbatim-browser-'));
const entry = path.join(dir, 'entry.ts');
fs.writeFileSync(
  entry,
  `import { readSourceFile } from ${JSON.stringify(path.join(repo, 'src/core/sources/read-source-file'))};
import { formatCitation } from ${JSON.stringify(path.join(repo, 'src/core/explain/format-citation'))};
(globalThis as any).verbatim = { readSourceFile, formatCitation };`,
);
const bundle = path.join(dir, 'bundle.js');
await esbuild.build({ entryPoints: [entry], bundle: true, platform: 'browser', format: 'iife', outfile: bundle, logLevel: 'warning' });

const fixtures = path.join(repo, 'test/fixtures/formats');
const expected = {
  'news-page.html': ['web-page', 9],
  'interview-transcript.txt': ['transcript', 19],
  'briefing.vtt': ['captions', 13],
  'statement.srt': ['captions', 6],
  'press-release.pdf': ['pdf', 5],
  'statement.docx': ['docx', 2],
};
const files = Object.keys(expected).map((name) => ({ name, b64: fs.readFileSync(path.join(fixtures, name)).toString('base64') }));
const csl = { xml: fs.readFileSync(path.join(repo, 'resources/csl/apa.csl'), 'utf8'), locale: fs.readFileSync(path.join(repo, 'resources/csl/locales-en-US.xml'), 'utf8') };
const page = path.join(dir, 'page.html');
fs.writeFileSync(page, '<!doctype html><html><head><meta charset="utf-8"></head><body><script src="bundle.js"></script></body></html>');

const browser = await chromium.launch({ executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium', args: ['--no-sandbox'] });
let failed = 0;
try {
  const tab = await browser.newPage();
  const errors = [];
  tab.on('pageerror', (e) => errors.push(e.message));
  await tab.goto(`file://${page}`);
  const results = await tab.evaluate(
    async ({ files, csl }) => {
      const out = [];
      for (const f of files) {
        const bytes = Uint8Array.from(atob(f.b64), (c) => c.charCodeAt(0));
        const r = await globalThis.verbatim.readSourceFile({ path: f.name, bytes });
        if (!r.ok) {
          out.push({ name: f.name, error: r.reason });
          continue;
        }
        const q = r.source.quotes.find((x) => x.locator) ?? r.source.quotes[0];
        if (!q) {
          out.push({ name: f.name, kind: r.source.meta.kind, quotes: 0, citation: '', problem: null, text: r.source.text.slice(0, 300) });
          continue;
        }
        const c = globalThis.verbatim.formatCitation({ text: q.text, speaker: q.speaker, source: r.source.meta, locator: q.locator ?? null }, 'apa', { csl });
        out.push({ name: f.name, kind: r.source.meta.kind, quotes: r.source.quotes.length, citation: c.marker, problem: c.problem ?? null });
      }
      return out;
    },
    { files, csl },
  );
  for (const r of results) {
    const [kind, quotes] = expected[r.name];
    const ok = !r.error && r.kind === kind && r.quotes === quotes && !r.problem;
    if (!ok) failed++;
    console.log(`${ok ? '✔' : '✖'} ${r.name}: ${r.error ?? `${r.kind}, ${r.quotes} quotes, APA${r.citation}`}${r.problem ? ` (${r.problem})` : ''}`);
    if (!ok && r.text) console.log(r.text);
  }
  // The same reading inside a Web Worker, where the web build indexes: PDF.js there announces itself to the page
  // (a stray message the web client ignores), and must still read the PDF.
  const inWorker = await tab.evaluate(
    ({ code, files }) =>
      new Promise((resolve, reject) => {
        const body = `${code}\nself.addEventListener('message', async (e) => { const out = []; for (const f of e.data) { const bytes = Uint8Array.from(atob(f.b64), (c) => c.charCodeAt(0)); const r = await globalThis.verbatim.readSourceFile({ path: f.name, bytes }); out.push(r.ok ? [f.name, r.source.meta.kind, r.source.quotes.length] : [f.name, r.reason, 0]); } self.postMessage({ results: out }); });`;
        const w = new Worker(URL.createObjectURL(new Blob([body], { type: 'text/javascript' })));
        w.addEventListener('message', (e) => e.data && e.data.results && resolve(e.data.results));
        w.addEventListener('error', (e) => reject(new Error(e.message)));
        w.postMessage(files);
      }),
    { code: fs.readFileSync(bundle, 'utf8'), files },
  );
  for (const [name, kind, quotes] of inWorker) {
    const ok = expected[name][0] === kind && expected[name][1] === quotes;
    if (!ok) failed++;
    console.log(`${ok ? '✔' : '✖'} in a Web Worker: ${name}: ${kind}, ${quotes} quotes`);
  }
  if (errors.length) {
    failed++;
    console.log(`✖ page errors: ${errors.join('; ')}`);
  }
} finally {
  await browser.close();
  fs.rmSync(dir, { recursive: true, force: true });
}
console.log(`${2 * Object.keys(expected).length - failed} passed, ${failed} failed`);
process.exit(failed ? 1 : 0);
