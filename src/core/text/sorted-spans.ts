// Binary searches over spans sorted by start (mentions, paragraphs, quotations): per-item look-ups must not scan
// from the beginning, or a long transcript turns every pass over it quadratic.

/** The index of the first item that starts at or after `offset` (items.length when none does). */
export function firstStartingFrom(items: readonly { start: number }[], offset: number): number {
  let lo = 0;
  let hi = items.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (items[mid]!.start < offset) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** The index of the span (non-overlapping, sorted) that contains `pos`, ends included, or -1. */
export function spanContaining(spans: readonly { start: number; end: number }[], pos: number): number {
  const k = firstStartingFrom(spans, pos + 1) - 1;
  return k >= 0 && pos <= spans[k]!.end ? k : -1;
}

/** The index of the last of the sorted numbers that is at or before `value` (-1 when none is). */
export function lastAtOrBefore(values: ArrayLike<number>, value: number): number {
  let lo = 0;
  let hi = values.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (values[mid]! <= value) lo = mid + 1;
    else hi = mid;
  }
  return lo - 1;
}
