// Deterministic word alignment: the verdict for a near miss comes from here, never from a fuzzy score.

export type AlignOp =
  | { op: 'equal'; d: number; s: number }
  | { op: 'substitute'; d: number; s: number; /** Another form of the same word (border → borders). */ sameStem?: boolean }
  | { op: 'insert'; d: number }
  | { op: 'delete'; s: number };

export interface Alignment {
  ops: AlignOp[];
  cost: number;
  equal: number;
  /** Substitutions of another form of the same word (same stem). */
  sameStem: number;
  /** The aligned stretch of the source, [sFrom, sTo). */
  sFrom: number;
  sTo: number;
}

/**
 * Aligns all of `draft` against the best stretch of `source` (words before and after that stretch are free), with
 * unit costs for a changed, added or dropped word. O(n·m) time and memory; callers keep both sides passage-sized.
 */
export function alignWords(draft: readonly string[], source: readonly string[], preferEnd = source.length): Alignment {
  const n = draft.length;
  const m = source.length;
  const w = m + 1;
  const cost = new Uint32Array((n + 1) * w);
  // 0 start, 1 equal/substitute, 2 insert (draft word), 3 delete (source word)
  const move = new Uint8Array((n + 1) * w);
  for (let i = 1; i <= n; i++) {
    cost[i * w] = i;
    move[i * w] = 2;
  }
  for (let i = 1; i <= n; i++) {
    const di = draft[i - 1];
    for (let j = 1; j <= m; j++) {
      const diag = cost[(i - 1) * w + j - 1]! + (di === source[j - 1] ? 0 : 1);
      const ins = cost[(i - 1) * w + j]! + 1;
      const del = cost[i * w + j - 1]! + 1;
      let best = diag;
      let mv = 1;
      if (ins < best) {
        best = ins;
        mv = 2;
      }
      if (del < best) {
        best = del;
        mv = 3;
      }
      cost[i * w + j] = best;
      move[i * w + j] = mv;
    }
  }
  let endJ = 0;
  // Among equally good ends, the one nearest the passage's own end: "agree to this" replaces "that", it does not
  // stop short of it.
  for (let j = 1; j <= m; j++) {
    const c = cost[n * w + j]!;
    const b = cost[n * w + endJ]!;
    if (c < b || (c === b && Math.abs(j - preferEnd) < Math.abs(endJ - preferEnd))) endJ = j;
  }
  const ops: AlignOp[] = [];
  let i = n;
  let j = endJ;
  while (i > 0) {
    const mv = move[i * w + j];
    if (mv === 1) {
      ops.push(draft[i - 1] === source[j - 1] ? { op: 'equal', d: i - 1, s: j - 1 } : { op: 'substitute', d: i - 1, s: j - 1 });
      i--;
      j--;
    } else if (mv === 2) {
      ops.push({ op: 'insert', d: i - 1 });
      i--;
    } else {
      ops.push({ op: 'delete', s: j - 1 });
      j--;
    }
  }
  ops.reverse();
  const firstS = ops.find((o) => o.op !== 'insert') as { s: number } | undefined;
  return {
    ops,
    cost: cost[n * w + endJ]!,
    equal: ops.filter((o) => o.op === 'equal').length,
    sameStem: 0,
    sFrom: firstS ? firstS.s : endJ,
    sTo: endJ,
  };
}

/**
 * Marks the substitutions of an alignment that change a word into another form of itself (border → borders,
 * commit → committing), by stem, and counts each as half a change. A changed form costs less than any other
 * change, so the alignment that pairs them is found without stems; only its substitutions need stemming.
 */
export function markSameStems(a: Alignment, draft: readonly string[], sourceAt: (s: number) => string, stem: (word: string) => string): Alignment {
  let sameStem = 0;
  const ops = a.ops.map((o): AlignOp => {
    if (o.op !== 'substitute' || stem(draft[o.d]!) !== stem(sourceAt(o.s))) return o;
    sameStem++;
    return { ...o, sameStem: true };
  });
  return sameStem === 0 ? a : { ...a, ops, sameStem, cost: a.cost - sameStem / 2 };
}
