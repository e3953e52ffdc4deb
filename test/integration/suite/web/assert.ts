// `node:assert/strict` for the web extension host, where there is no Node: the functions the suite uses, with the
// same strict semantics (Object.is, deep equality of plain values, arrays, Maps, Sets and Dates). esbuild.js swaps
// it in for `node:assert/strict` in the web bundle only; the desktop host uses Node's own.

export class AssertionError extends Error {
  override name = 'AssertionError';
  constructor(
    message: string,
    readonly actual?: unknown,
    readonly expected?: unknown,
  ) {
    super(message);
  }
}

const show = (v: unknown): string => {
  try {
    return typeof v === 'string'
      ? JSON.stringify(v)
      : v instanceof RegExp
        ? String(v)
        : (JSON.stringify(v, (_k, x: unknown) => (x instanceof Map ? [...x] : x instanceof Set ? [...x] : x)) ?? String(v));
  } catch {
    return String(v);
  }
};

function failWith(message: string | Error | undefined, fallback: string, actual?: unknown, expected?: unknown): never {
  if (message instanceof Error) throw message;
  throw new AssertionError(message ?? fallback, actual, expected);
}

export function ok(value: unknown, message?: string | Error): asserts value {
  if (!value) failWith(message, `Expected a truthy value, got ${show(value)}`, value, true);
}

export function equal<T>(actual: unknown, expected: T, message?: string | Error): asserts actual is T {
  if (!Object.is(actual, expected)) failWith(message, `Expected values to be strictly equal:\n  actual:   ${show(actual)}\n  expected: ${show(expected)}`, actual, expected);
}

export function notEqual(actual: unknown, expected: unknown, message?: string | Error): void {
  if (Object.is(actual, expected)) failWith(message, `Expected ${show(actual)} not to be strictly equal to ${show(expected)}`, actual, expected);
}

export function isDeepStrictEqual(a: unknown, b: unknown, seen = new Map<object, object>()): boolean {
  if (Object.is(a, b)) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Object.getPrototypeOf(a) !== Object.getPrototypeOf(b)) return false;
  if (seen.get(a) === b) return true;
  seen.set(a, b);
  if (a instanceof Date) return a.getTime() === (b as Date).getTime();
  if (a instanceof RegExp) return String(a) === String(b);
  if (a instanceof Map) {
    const m = b as Map<unknown, unknown>;
    return a.size === m.size && [...a].every(([k, v]) => m.has(k) && isDeepStrictEqual(v, m.get(k), seen));
  }
  if (a instanceof Set) {
    const s = b as Set<unknown>;
    return a.size === s.size && [...a].every((v) => s.has(v));
  }
  const ka = Object.keys(a);
  const kb = Object.keys(b);
  if (ka.length !== kb.length) return false;
  return ka.every((k) => Object.prototype.hasOwnProperty.call(b, k) && isDeepStrictEqual((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k], seen));
}

export function deepEqual<T>(actual: unknown, expected: T, message?: string | Error): asserts actual is T {
  if (!isDeepStrictEqual(actual, expected)) {
    failWith(message, `Expected values to be deeply and strictly equal:\n  actual:   ${show(actual)}\n  expected: ${show(expected)}`, actual, expected);
  }
}

export function notDeepEqual(actual: unknown, expected: unknown, message?: string | Error): void {
  if (isDeepStrictEqual(actual, expected)) failWith(message, `Expected ${show(actual)} not to deep-equal ${show(expected)}`, actual, expected);
}

export function match(value: string, pattern: RegExp, message?: string | Error): void {
  if (typeof value !== 'string' || !pattern.test(value)) failWith(message, `The input did not match ${String(pattern)}: ${show(value)}`, value, pattern);
}

export function doesNotMatch(value: string, pattern: RegExp, message?: string | Error): void {
  if (typeof value !== 'string' || pattern.test(value)) failWith(message, `The input was expected not to match ${String(pattern)}: ${show(value)}`, value, pattern);
}

type Expected = RegExp | (new (...args: never[]) => Error) | ((err: unknown) => boolean) | object;

function checkError(err: unknown, expected: Expected | string | undefined, message: string | undefined): void {
  if (expected === undefined || typeof expected === 'string') return;
  if (expected instanceof RegExp) {
    if (!expected.test(String((err as Error)?.message ?? err))) failWith(message, `The error did not match ${String(expected)}: ${String(err)}`);
  } else if (typeof expected === 'function') {
    if (expected.prototype instanceof Error || expected === Error) {
      if (!(err instanceof (expected as new () => Error))) failWith(message, `The error is not a ${(expected as { name: string }).name}: ${String(err)}`);
    } else if ((expected as (e: unknown) => boolean)(err) !== true) failWith(message, `The error failed the validation function: ${String(err)}`);
  } else {
    for (const [k, v] of Object.entries(expected)) {
      const got = (err as Record<string, unknown>)?.[k];
      if (v instanceof RegExp ? !v.test(String(got)) : !isDeepStrictEqual(got, v)) failWith(message, `The error's ${k} is ${show(got)}, expected ${show(v)}`);
    }
  }
}

export async function rejects(promiseOrFn: Promise<unknown> | (() => Promise<unknown>), expected?: Expected | string, message?: string): Promise<void> {
  if (typeof expected === 'string') [message, expected] = [expected, undefined];
  try {
    await (typeof promiseOrFn === 'function' ? promiseOrFn() : promiseOrFn);
  } catch (err) {
    checkError(err, expected, message);
    return;
  }
  failWith(message, 'Missing expected rejection');
}

export async function doesNotReject(promiseOrFn: Promise<unknown> | (() => Promise<unknown>), message?: string): Promise<void> {
  try {
    await (typeof promiseOrFn === 'function' ? promiseOrFn() : promiseOrFn);
  } catch (err) {
    failWith(message, `Got an unwanted rejection: ${String(err)}`);
  }
}

export function throws(fn: () => unknown, expected?: Expected | string, message?: string): void {
  if (typeof expected === 'string') [message, expected] = [expected, undefined];
  try {
    fn();
  } catch (err) {
    checkError(err, expected, message);
    return;
  }
  failWith(message, 'Missing expected exception');
}

export function doesNotThrow(fn: () => unknown, message?: string): void {
  try {
    fn();
  } catch (err) {
    failWith(message, `Got an unwanted exception: ${String(err)}`);
  }
}

export { equal as strictEqual, deepEqual as deepStrictEqual, notEqual as notStrictEqual, notDeepEqual as notDeepStrictEqual };

export function fail(message?: string | Error): never {
  return failWith(message, 'Failed');
}
