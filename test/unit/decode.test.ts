import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import { decodeText, LineMap, parseSource } from './core-internals';

const bytes = (...b: number[]) => new Uint8Array(b);

test('UTF-8, with or without a BOM, and UTF-16 in both byte orders', () => {
  assert.deepEqual(decodeText(new TextEncoder().encode('héllo')), { ok: true, text: 'héllo', encoding: 'utf-8' });
  assert.equal((decodeText(bytes(0xef, 0xbb, 0xbf, 0x41)) as { text: string }).text, 'A');
  assert.equal((decodeText(bytes(0xff, 0xfe, 0x41, 0x00, 0x42, 0x00)) as { text: string }).text, 'AB');
  assert.equal((decodeText(bytes(0xfe, 0xff, 0x00, 0x41)) as { text: string }).text, 'A');
});

test('empty, binary, invalid and oversized input each get a reason', () => {
  assert.deepEqual(decodeText(bytes()), { ok: false, reason: 'is empty' });
  assert.deepEqual(decodeText(bytes(0x20, 0x0a)), { ok: false, reason: 'is empty' });
  assert.match((decodeText(bytes(0x41, 0x00, 0x42)) as { reason: string }).reason, /binary/);
  assert.match((decodeText(bytes(0x41, 0xff, 0x42)) as { reason: string }).reason, /not valid UTF-8/);
  assert.match((decodeText(new Uint8Array(2048), 1024) as { reason: string }).reason, /over the 0\.00 MB limit|over the/);
});

test('malformed front matter is refused with the reason', () => {
  const cases: [string, RegExp][] = [
    ['---\ntitle: x\n\nbody', /never closes/],
    ['---\njust words\n---\nbody', /\(line 2\) that is not "key: value"/],
    ['---\ndate: 18 August 2025\n---\nbody', /not a YYYY-MM-DD date/],
    ['---\ntitle: "unclosed\n---\nbody', /unclosed quoted value/],
    ['date 2025-02-31 body', /impossible date/],
  ];
  for (const [text, reason] of cases) {
    const r = parseSource({ text });
    assert.equal(r.ok, false, text);
    assert.match((r as { reason: string }).reason, reason);
  }
});

test('line map: CRLF, CR and LF, and offsets round-trip', () => {
  const text = 'ab\r\ncd\ref\ngh';
  const map = new LineMap(text);
  assert.deepEqual(map.positionAt(text.indexOf('c')), { line: 1, character: 0 });
  assert.deepEqual(map.positionAt(text.indexOf('e')), { line: 2, character: 0 });
  assert.deepEqual(map.positionAt(text.indexOf('h')), { line: 3, character: 1 });
  for (let i = 0; i <= text.length; i++) {
    if (text[i - 1] === '\r' && text[i] === '\n') continue;
    assert.equal(map.offsetAt(map.positionAt(i)), i);
  }
});
