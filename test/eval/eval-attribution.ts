// npm run eval:attribution -- <split dir>: how well the engine finds direct quotes and credits their speakers on a
// local copy of a PolNeAR split (train or dev; the test split is the project's hidden evaluation).
//
// Matching rule: one of our quotes matches a gold quote when their inner spans (marks excluded) overlap by at least
// half of the longer of the two; each quote matches at most once, best overlap first. Our quotes of fewer than three
// words that match no gold quote are set aside, neither right nor wrong: they are the scare quotes, names and titles
// in marks that the engine keeps on purpose (so a draft quoting them is still checked) and that the check treats as
// scare quotes below `minQuoteWords` (3). So are unmatched quotes in the headline (the first line), which PolNeAR
// never annotates (no gold quote of train or dev stands there). Other unmatched quotes count against precision.
// Speaker: right when our speaker names the gold person (same surname, compatible first name); when the gold
// mention names no one (a spokeswoman, "the campaign"), right when we name no one either or name only words of the
// mention (an organisation named in it). The mention is scored apart: our attribution's mention span overlaps the
// annotated source span.
// Draft simulation (gold quotes whose person has a full name of two words or more): `Full Name said, "<quote>"` with the real speaker
// should give no wrong-speaker finding; with another person the article's attributions name, a mismatch.

import * as path from 'node:path';
import { indexSources, type Quote, type Source } from '../../src/core';
import { loadSplit, namesMatch, overlap, type GoldArticle, type GoldQuote } from './read-annotated-split';

interface Tally {
  gold: number;
  ours: number;
  matched: number;
  speakerRight: number;
  mentionRight: number;
  mentionScored: number;
  byResolve: Record<string, { n: number; right: number }>;
  byMethod: Record<string, { n: number; right: number; mentionScored: number; mentionRight: number }>;
  setAside: number;
  draftsReal: number;
  wrongOnReal: number;
  draftsOther: number;
  caughtOther: number;
  uncertainOther: number;
}

type QuoteWithAttribution = Quote & { attribution?: { method: string; confidence: number; mention: string; span?: { start: number; end: number } } | null };

function speakerRight(g: GoldQuote, q: QuoteWithAttribution): boolean {
  if (g.person) return q.speaker !== null && namesMatch(q.speaker, g.person);
  if (q.speaker === null) return true;
  const mention = (g.mention ?? '').toLowerCase();
  return q.speaker
    .toLowerCase()
    .split(/\s+/)
    .every((w) => mention.includes(w));
}

/** How many speaker errors `--errors N` still prints with their context (train only: never study dev or test). */
let errorsLeft = 0;

function contextOf(text: string, span: { start: number; end: number }): string {
  const from = Math.max(0, span.start - 260);
  const to = Math.min(text.length, span.end + 160);
  return `${text.slice(from, span.start)}⟦${text.slice(span.start, span.end)}⟧${text.slice(span.end, to)}`.replace(/\s*\n\s*/g, ' ¶ ');
}

async function evaluate(articles: GoldArticle[], verbose: boolean): Promise<Tally> {
  const t: Tally = {
    gold: 0,
    ours: 0,
    matched: 0,
    speakerRight: 0,
    mentionRight: 0,
    mentionScored: 0,
    byResolve: {},
    byMethod: {},
    setAside: 0,
    draftsReal: 0,
    wrongOnReal: 0,
    draftsOther: 0,
    caughtOther: 0,
    uncertainOther: 0,
  };
  for (const a of articles) {
    // The engine's public API, as a host uses it: one engine over the article.
    const { engine } = await indexSources([{ path: `${a.name}.txt`, text: a.text }]);
    const source: Source | undefined = engine.sources[0];
    if (!source) continue;
    const ours = source.quotes as QuoteWithAttribution[];
    t.gold += a.quotes.length;
    // Best-overlap-first one-to-one matching.
    const pairs: { g: number; o: number; ov: number }[] = [];
    a.quotes.forEach((g, gi) =>
      ours.forEach((q, oi) => {
        const ov = overlap(g.inner, q.offset);
        if (ov * 2 >= Math.max(g.inner.end - g.inner.start, q.offset.end - q.offset.start)) pairs.push({ g: gi, o: oi, ov });
      }),
    );
    pairs.sort((x, y) => y.ov - x.ov);
    const usedG = new Set<number>();
    const usedO = new Set<number>();
    for (const p of pairs) {
      if (usedG.has(p.g) || usedO.has(p.o)) continue;
      usedG.add(p.g);
      usedO.add(p.o);
      const g = a.quotes[p.g]!;
      const q = ours[p.o]!;
      t.matched++;
      const right = speakerRight(g, q);
      if (right) t.speakerRight++;
      const r = (t.byResolve[g.resolvedBy] ??= { n: 0, right: 0 });
      r.n++;
      if (right) r.right++;
      const method = q.attribution ? `${q.attribution.method}${q.attribution.confidence >= 0.85 ? ' (sure)' : ''}` : 'none';
      const mm = (t.byMethod[method] ??= { n: 0, right: 0, mentionScored: 0, mentionRight: 0 });
      mm.n++;
      if (right) mm.right++;
      if (g.source) {
        t.mentionScored++;
        const span = q.attribution?.span;
        mm.mentionScored++;
        if (span && g.source.some((s) => overlap(s, span) > 0)) {
          t.mentionRight++;
          mm.mentionRight++;
        }
      }
      if (!right && errorsLeft > 0) {
        errorsLeft--;
        const said = q.attribution ? `${q.attribution.method} ${q.attribution.confidence} "${q.attribution.mention}"` : '-';
        console.log(`\n#ERR ${a.name} | gold=${g.person ?? '∅'} (${g.resolvedBy}: ${g.mention ?? '∅'}) | ours=${q.speaker ?? '∅'} [${said}]`);
        console.log(`   ${contextOf(a.text, q.offset)}`);
      }
      if (verbose && !right) {
        const said = q.attribution ? `${q.attribution.method} ${q.attribution.confidence} "${q.attribution.mention}"` : '-';
        console.log(
          `SPK ${a.name} | gold=${g.person ?? '∅'} (${g.resolvedBy}: ${g.mention ?? '∅'}) | ours=${q.speaker ?? '∅'} [${said}] | ${a.text.slice(q.offset.start, q.offset.start + 60).replace(/\s+/g, ' ')}`,
        );
      }
    }
    ours.forEach((q, oi) => {
      // The headline (the article's first line) is never annotated (no gold quote of train or dev stands there): a
      // quote of ours in it that matches none is set aside too.
      const inHeadline = q.offset.start < (a.text.indexOf('\n') + 1 || a.text.length);
      if (!usedO.has(oi) && inHeadline) t.setAside++;
      else if (usedO.has(oi) || q.text.split(/\s+/).filter((w) => /[\p{L}\p{N}]/u.test(w)).length >= 3) t.ours++;
      else t.setAside++;
    });
    if (verbose) {
      a.quotes.forEach((g, gi) => {
        if (!usedG.has(gi)) console.log(`MISS ${a.name} | ${a.text.slice(g.inner.start, g.inner.end).slice(0, 80).replace(/\s+/g, ' ')}`);
      });
      ours.forEach((q, oi) => {
        if (!usedO.has(oi) && q.offset.start >= (a.text.indexOf('\n') + 1 || a.text.length)) console.log(`EXTRA ${a.name} | ${q.text.slice(0, 80).replace(/\s+/g, ' ')}`);
      });
    }
    // Draft simulation.
    a.quotes.forEach((g, gi) => {
      // A draft credits a full name: gold people known only by one word (often not a person at all) are left out.
      if (!g.person || g.person.split(' ').length < 2) return;
      const words = a.text.slice(g.inner.start, g.inner.end).replace(/\s+/g, ' ').replace(/["“”]/g, '').trim();
      if (!/[\p{L}\p{N}]/u.test(words)) return;
      const real = engine.checkDraft(`${g.person} said, "${words}"\n`);
      t.draftsReal++;
      if (real.findings.some((f) => f.code === 'wrong-speaker')) {
        t.wrongOnReal++;
        const sa = (real.quotes[0] as { sourceAttribution?: { method: string; confidence: number } | null } | undefined)?.sourceAttribution;
        if (verbose) {
          console.log(`WRONG ${a.name} | ${g.person} | source says ${real.quotes[0]?.match?.speaker} [${sa ? `${sa.method} ${sa.confidence}` : '-'}] | ${words.slice(0, 60)}`);
        }
      }
      const others = a.people.filter((p) => !namesMatch(p, g.person!));
      if (others.length === 0) return;
      const other = others[(gi * 7 + a.quotes.length) % others.length]!;
      const check = engine.checkDraft(`${other} said, "${words}"\n`);
      t.draftsOther++;
      const sc = check.quotes[0]?.speakerCheck;
      if (sc === 'mismatch') t.caughtOther++;
      else if (sc === 'uncertain') t.uncertainOther++;
      if (verbose && sc !== 'mismatch') {
        const m = check.quotes[0]?.match;
        const sa = (check.quotes[0] as { sourceAttribution?: { method: string; confidence: number } | null } | undefined)?.sourceAttribution;
        console.log(
          `MISSED ${a.name} | ${sc} | draft ${other} | gold ${g.person} | source says ${m?.speaker ?? '∅'} [${sa ? `${sa.method} ${sa.confidence}` : '-'}] | ${words.slice(0, 50)}`,
        );
      }
    });
  }
  return t;
}

function report(name: string, t: Tally): Record<string, number> {
  const p = t.matched / Math.max(1, t.ours);
  const r = t.matched / Math.max(1, t.gold);
  const f1 = (2 * p * r) / Math.max(1e-9, p + r);
  const sp = t.speakerRight / Math.max(1, t.ours);
  const sr = t.speakerRight / Math.max(1, t.gold);
  const sf1 = (2 * sp * sr) / Math.max(1e-9, sp + sr);
  const figures = {
    quotePrecision: p,
    quoteRecall: r,
    quoteF1: f1,
    speakerAccuracy: t.speakerRight / Math.max(1, t.matched),
    mentionAccuracy: t.mentionRight / Math.max(1, t.mentionScored),
    textSpeakerF1: sf1,
    wrongSpeakerOnReal: t.wrongOnReal / Math.max(1, t.draftsReal),
    caughtOther: t.caughtOther / Math.max(1, t.draftsOther),
  };
  const pct = (x: number) => (x * 100).toFixed(1) + '%';
  console.log(`${name}: ${t.gold} gold quotes, ${t.ours} found (and ${t.setAside} short unmatched ones set aside), ${t.matched} matched`);
  console.log(`  quote      P ${figures.quotePrecision.toFixed(3)}  R ${figures.quoteRecall.toFixed(3)}  F1 ${figures.quoteF1.toFixed(3)}   (target F1 ≥ 0.97)`);
  console.log(`  speaker    accuracy on matched ${figures.speakerAccuracy.toFixed(3)} (target ≥ 0.90); mention span ${figures.mentionAccuracy.toFixed(3)}`);
  for (const [k, v] of Object.entries(t.byResolve)) console.log(`             gold resolved by ${k}: ${v.right}/${v.n} = ${(v.right / v.n).toFixed(3)}`);
  for (const [k, v] of Object.entries(t.byMethod).sort((a, b) => b[1].n - a[1].n)) {
    console.log(`             our method ${k}: ${v.right}/${v.n} = ${(v.right / v.n).toFixed(3)}; mention span ${(v.mentionRight / Math.max(1, v.mentionScored)).toFixed(3)}`);
  }
  console.log(`  text+speaker F1 ${figures.textSpeakerF1.toFixed(3)} (target ≥ 0.88)`);
  console.log(`  drafts     real speaker → wrong-speaker ${pct(figures.wrongSpeakerOnReal)} of ${t.draftsReal} (target ≤ 1%)`);
  console.log(
    `             other person → mismatch ${pct(figures.caughtOther)} of ${t.draftsOther} (target ≥ 85%); uncertain ${pct(t.uncertainOther / Math.max(1, t.draftsOther))}`,
  );
  return figures;
}

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  const verbose = args.includes('--verbose');
  const json = args.includes('--json');
  const errorsAt = args.indexOf('--errors');
  if (errorsAt >= 0) {
    errorsLeft = Number(args[errorsAt + 1]) || 0;
    args.splice(errorsAt, 2);
  }
  const dirs = args.filter((a) => !a.startsWith('--'));
  if (dirs.length === 0) {
    console.error(
      'usage: npm run eval:attribution -- <PolNeAR split dir (holding text/ and attributions/)> [--verbose] [--json] [--errors N (speaker errors with context; study train only)]',
    );
    process.exit(2);
  }
  const all: Record<string, Record<string, number>> = {};
  for (const dir of dirs) {
    const articles = loadSplit(dir);
    all[path.basename(dir)] = report(`${path.basename(dir)} (${articles.length} articles)`, await evaluate(articles, verbose));
  }
  if (json) console.log(JSON.stringify(all));
}

void main();
