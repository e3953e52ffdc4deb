// Turns a file's bytes into text, or says in one sentence why it cannot. Hosts read bytes; this decides.

export const DEFAULT_MAX_FILE_BYTES = 20 * 1024 * 1024;

export type DecodeResult = { ok: true; text: string; encoding: 'utf-8' | 'utf-16le' | 'utf-16be' } | { ok: false; reason: string };

export function decodeText(bytes: Uint8Array, maxBytes = DEFAULT_MAX_FILE_BYTES): DecodeResult {
  if (bytes.length > maxBytes) {
    return { ok: false, reason: oversizeReason(bytes.length, maxBytes) };
  }
  if (bytes.length === 0) return { ok: false, reason: 'is empty' };
  const b0 = bytes[0];
  const b1 = bytes[1];
  if (b0 === 0xff && b1 === 0xfe) return decodeWith('utf-16le', bytes.subarray(2));
  if (b0 === 0xfe && b1 === 0xff) return decodeWith('utf-16be', bytes.subarray(2));
  const body = b0 === 0xef && b1 === 0xbb && bytes[2] === 0xbf ? bytes.subarray(3) : bytes;
  if (body.includes(0)) return { ok: false, reason: 'looks binary (it contains NUL bytes), not text' };
  return decodeWith('utf-8', body);
}

function decodeWith(encoding: 'utf-8' | 'utf-16le' | 'utf-16be', bytes: Uint8Array): DecodeResult {
  let text: string;
  try {
    text = new TextDecoder(encoding, { fatal: true }).decode(bytes);
  } catch {
    return { ok: false, reason: `is not valid ${encoding.toUpperCase()} text` };
  }
  if (encoding !== 'utf-8' && text.includes('\u0000')) return { ok: false, reason: 'looks binary (it contains NUL characters), not text' };
  if (text.trim() === '') return { ok: false, reason: 'is empty' };
  return { ok: true, text, encoding };
}

/** Why a file of `size` bytes is refused; hosts say it before reading a file whose size they know. */
export function oversizeReason(size: number, maxBytes = DEFAULT_MAX_FILE_BYTES): string {
  return `is ${formatMB(size)}, over the ${formatMB(maxBytes)} limit`;
}

function formatMB(n: number): string {
  return `${(n / (1024 * 1024)).toFixed(n < 1024 * 1024 ? 2 : 0)} MB`;
}
