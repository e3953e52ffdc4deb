// Binary searches over sorted data (mentions, paragraphs, quotations, the index's word ranges and vocabulary):
// per-item look-ups must not scan from the beginning, or a long transcript turns every pass over it quadratic.
// Every binary search of the engine goes through here, so there is one copy to get right.

/** The first index in [lo, hi) for which `before(i)` is false, where `before` is true for a prefix of the range. */
export function lowerBound(lo: number, hi: number, before: (i: number) => boolean): number {
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (before(mid)) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** The index of the first item that starts at or after `offset` (items.length when none does). */
export function firstStartingFrom(items: readonly { start: number }[], offset: number): number {
  return lowerBound(0, items.length, (i) => items[i]!.start < offset);
}

/** The index of the span (non-overlapping, sorted) that contains `pos`, ends included, or -1. */
export function spanContaining(spans: readonly { start: number; end: number }[], pos: number): number {
  const k = firstStartingFrom(spans, pos + 1) - 1;
  return k >= 0 && pos <= spans[k]!.end ? k : -1;
}

/** The first index in [lo, hi) of a sorted number array whose value is at least `value`. */
export function firstAtLeast(values: ArrayLike<number>, value: number, lo = 0, hi = values.length): number {
  return lowerBound(lo, hi, (i) => values[i]! < value);
}

/** The last index in [lo, hi) of a sorted number array whose value is at most `value`, or lo - 1. */
export function lastAtMost(values: ArrayLike<number>, value: number, lo = 0, hi = values.length): number {
  return lowerBound(lo, hi, (i) => values[i]! <= value) - 1;
}

/**
 * Flat [from, to) pairs (sorted, not overlapping) as an array [from0, to0, from1, to1, …]: the pair among
 * pairs lo … hi-1 whose start is the last at or before `pos` (lo - 1 when none is).
 */
export function lastPairStartingAtMost(pairs: ArrayLike<number>, pos: number, lo = 0, hi = pairs.length / 2): number {
  return lowerBound(lo, hi, (i) => pairs[i * 2]! <= pos) - 1;
}

/** The index of the flat [from, to) pair that contains `pos` (ends excluded), or -1. */
export function pairContaining(pairs: ArrayLike<number>, pos: number): number {
  const k = lastPairStartingAtMost(pairs, pos);
  return k >= 0 && pos < pairs[k * 2 + 1]! ? k : -1;
}
