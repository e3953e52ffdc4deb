// Sources of every kind for the benchmark (web pages with navigation and comments, transcripts, WebVTT, SRT, PDFs),
// generated from a seed, and the time it takes to load web pages and PDFs. `npm run bench` mixes these sources into
// its corpora and prints the load times; `node out/test/bench/formats-bench.js [N]` times N files of each alone.
import { performance } from 'node:perf_hooks';
import { readSourceFile, type SourceFile } from '../unit/core-internals';
import { mulberry32 } from './corpus';

const NAMES = ['Ana Ruiz', 'Tomas Berg', 'Lena Frost', 'Pavel Novak', 'Mirela Kovac', 'Daniel Okafor', 'Ingrid Solberg', 'Nora Bell'];
const WORDS = 'harbour council bridge vote budget ferry water storm rescue plan road rail school tax winter summer port board report minister mayor'.split(' ');

function sentence(rand: () => number, n = 10 + Math.floor(rand() * 10)): string {
  const words: string[] = [];
  for (let k = 0; k < n; k++) words.push(WORDS[Math.floor(rand() * WORDS.length)]! + (rand() < 0.3 ? 's' : ''));
  const s = words.join(' ');
  return s[0]!.toUpperCase() + s.slice(1) + '.';
}

function pick<T>(rand: () => number, list: readonly T[]): T {
  return list[Math.floor(rand() * list.length)]!;
}

export function generateHtml(rand: () => number, paragraphs = 12): string {
  const body: string[] = [];
  for (let k = 0; k < paragraphs; k++) {
    body.push(k % 2 === 0 ? `<p>${sentence(rand)} ${sentence(rand)}</p>` : `<p>&ldquo;${sentence(rand)}&rdquo; said ${pick(rand, NAMES)}. ${sentence(rand)}</p>`);
  }
  const nav = Array.from({ length: 30 }, (_, k) => `<li><a href="/s${k}">Section ${k}</a></li>`).join('');
  const comments = Array.from({ length: 20 }, () => `<div class="comment"><p>&ldquo;${sentence(rand)}&rdquo; ${sentence(rand)}</p></div>`).join('');
  return `<!doctype html><html><head><title>${sentence(rand, 6)}</title><meta property="og:site_name" content="Bench Courier">
<script type="application/ld+json">{"@type":"NewsArticle","headline":"Bench story","datePublished":"2026-01-01","author":{"name":"${pick(rand, NAMES)}"}}</script></head>
<body><header><nav><ul>${nav}</ul></nav></header><main><article><h1>Bench story</h1>${body.join('\n')}</article>
<aside class="related"><ul><li>&ldquo;${sentence(rand, 6)}&rdquo;</li></ul></aside><section id="comments">${comments}</section></main><footer>${sentence(rand)}</footer></body></html>`;
}

export function generateTranscript(rand: () => number, turns = 30): string {
  const [a, b] = [pick(rand, NAMES), pick(rand, NAMES)];
  const lines = [`${a.toUpperCase()}, HOST: ${sentence(rand)} ${sentence(rand)}`, `${b.toUpperCase()}, GUEST: ${sentence(rand)}`];
  for (let k = 0; k < turns; k++) lines.push(`${(k % 2 ? b : a).split(' ').pop()!.toUpperCase()}: ${sentence(rand)}${rand() < 0.2 ? ' (CROSSTALK)' : ''} ${sentence(rand)}`);
  return `---\ntitle: Bench interview\noutlet: Bench Radio\ndate: 2026-01-02\n---\n${lines.join('\n\n')}\n`;
}

function stamp(seconds: number, sep: '.' | ','): string {
  const h = Math.floor(seconds / 3600);
  const m = Math.floor((seconds % 3600) / 60);
  const s = seconds % 60;
  return `${String(h).padStart(2, '0')}:${String(m).padStart(2, '0')}:${String(s).padStart(2, '0')}${sep}000`;
}

export function generateCaptions(rand: () => number, format: 'vtt' | 'srt', cues = 60): string {
  const out: string[] = format === 'vtt' ? ['WEBVTT - Bench briefing', ''] : [];
  let speaker = pick(rand, NAMES);
  for (let k = 0; k < cues; k++) {
    if (rand() < 0.15) speaker = pick(rand, NAMES);
    const words = sentence(rand, 8).replace(/\.$/, k % 3 === 2 ? '.' : '');
    const text = format === 'vtt' ? `<v ${speaker}>${words}` : `${k === 0 || rand() < 0.15 ? `- ${speaker.toUpperCase()}: ` : ''}${words}`;
    out.push(...(format === 'srt' ? [String(k + 1)] : []), `${stamp(k * 3, format === 'vtt' ? '.' : ',')} --> ${stamp(k * 3 + 3, format === 'vtt' ? '.' : ',')}`, text, '');
  }
  return out.join('\n');
}

/** A PDF of `pages` pages of Helvetica text, with a running header and footer on each: the press-release shape. */
export function generatePdf(rand: () => number, pages = 3): Uint8Array {
  const esc = (s: string) => s.replace(/[\\()]/g, '\\$&');
  const objects: string[] = [];
  const add = (body: string) => objects.push(body);
  add('');
  add('');
  add('<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>');
  const kids: number[] = [];
  for (let p = 1; p <= pages; p++) {
    let content = `BT /F1 9 Tf 72 750 Td (${esc('Bench Authority Media Office')}) Tj ET\nBT /F1 9 Tf 72 40 Td (Page ${p} of ${pages}) Tj ET\n`;
    let y = 700;
    while (y > 80) {
      const line = rand() < 0.3 ? `"${sentence(rand, 8)}" said ${pick(rand, NAMES)}.` : sentence(rand, 12);
      content += `BT /F1 11 Tf 72 ${y} Td (${esc(line)}) Tj ET\n`;
      y -= rand() < 0.2 ? 27 : 15;
    }
    add(`<< /Length ${content.length} >>\nstream\n${content}endstream`);
    add(`<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Resources << /Font << /F1 3 0 R >> >> /Contents ${objects.length} 0 R >>`);
    kids.push(objects.length);
  }
  objects[0] = '<< /Type /Catalog /Pages 2 0 R >>';
  objects[1] = `<< /Type /Pages /Kids [${kids.map((k) => `${k} 0 R`).join(' ')}] /Count ${kids.length} >>`;
  let pdf = '%PDF-1.4\n';
  const offsets: number[] = [];
  objects.forEach((body, k) => {
    offsets.push(pdf.length);
    pdf += `${k + 1} 0 obj\n${body}\nendobj\n`;
  });
  const xref = pdf.length;
  pdf += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n${offsets.map((o) => `${String(o).padStart(10, '0')} 00000 n \n`).join('')}`;
  pdf += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return new TextEncoder().encode(pdf);
}

/** `perKind` sources of each kind (web page, transcript, WebVTT, SRT, PDF), as the hosts hand them over. */
export function generateFormatSources(perKind: number, seed = 7): SourceFile[] {
  const rand = mulberry32(seed);
  const files: SourceFile[] = [];
  const bytes = (s: string) => new TextEncoder().encode(s);
  for (let k = 0; k < perKind; k++) {
    files.push({ path: `formats/page-${k}.html`, bytes: bytes(generateHtml(rand)) });
    files.push({ path: `formats/interview-${k}.txt`, bytes: bytes(generateTranscript(rand)) });
    files.push({ path: `formats/briefing-${k}.vtt`, bytes: bytes(generateCaptions(rand, 'vtt')) });
    files.push({ path: `formats/statement-${k}.srt`, bytes: bytes(generateCaptions(rand, 'srt')) });
    files.push({ path: `formats/release-${k}.pdf`, bytes: generatePdf(rand) });
  }
  return files;
}

export interface FormatLoadResult {
  files: number;
  htmlMsPerFile: number;
  htmlKBPerFile: number;
  pdfMsPerFile: number;
  pdfPagesPerFile: number;
  /** The first PDF, which loads PDF.js. */
  pdfFirstMs: number;
  quotesPerHtml: number;
  quotesPerPdf: number;
}

/** Times loading `count` web pages and `count` PDFs through readSourceFile (the first PDF loads PDF.js; reported apart). */
export async function benchFormatLoad(count = 20, seed = 11): Promise<FormatLoadResult> {
  const rand = mulberry32(seed);
  const html = Array.from({ length: count }, () => generateHtml(rand));
  const pdfs = Array.from({ length: count + 1 }, () => generatePdf(rand));
  let t = performance.now();
  let htmlQuotes = 0;
  for (const [k, text] of html.entries()) {
    const r = await readSourceFile({ path: `p${k}.html`, text });
    if (r.ok) htmlQuotes += r.source.quotes.length;
  }
  const htmlMs = performance.now() - t;
  t = performance.now();
  await readSourceFile({ path: 'first.pdf', bytes: pdfs[0]! });
  const pdfFirstMs = performance.now() - t;
  t = performance.now();
  let pdfQuotes = 0;
  for (const [k, bytes] of pdfs.slice(1).entries()) {
    const r = await readSourceFile({ path: `r${k}.pdf`, bytes });
    if (r.ok) pdfQuotes += r.source.quotes.length;
  }
  const pdfMs = performance.now() - t;
  const round = (n: number) => Math.round(n * 100) / 100;
  return {
    files: count,
    htmlMsPerFile: round(htmlMs / count),
    htmlKBPerFile: round(html.reduce((n, h) => n + h.length, 0) / count / 1024),
    pdfMsPerFile: round(pdfMs / count),
    pdfPagesPerFile: 3,
    pdfFirstMs: round(pdfFirstMs),
    quotesPerHtml: round(htmlQuotes / count),
    quotesPerPdf: round(pdfQuotes / count),
  };
}

if (require.main === module) {
  benchFormatLoad(Number(process.argv[2] ?? 20)).then(
    (r) => process.stdout.write(`${JSON.stringify(r)}\n`),
    (err) => {
      process.stderr.write(`formats-bench: ${(err as Error).message}\n`);
      process.exit(1);
    },
  );
}
