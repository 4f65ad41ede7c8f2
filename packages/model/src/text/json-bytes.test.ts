import { isUtf8 } from 'node:buffer';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { decodeJsonBytes, firstInvalidUtf8 } from './json-bytes.js';

describe('firstInvalidUtf8', () => {
  it('is -1 exactly when the bytes are UTF-8, and a prefix up to it is UTF-8', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 64 }), (bytes) => {
        const offset = firstInvalidUtf8(bytes);
        expect(offset === -1).toBe(isUtf8(bytes));
        if (offset >= 0) {
          expect(isUtf8(bytes.subarray(0, offset))).toBe(true);
          expect(isUtf8(bytes.subarray(0, offset + 1))).toBe(false);
        }
      }),
      { numRuns: 2000 },
    );
  });

  it('accepts any encoded string, and finds a stray byte inserted into it', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme' }), fc.string({ unit: 'grapheme' }), (before, after) => {
        const head = Buffer.from(before);
        expect(firstInvalidUtf8(Buffer.concat([head, Buffer.from(after)]))).toBe(-1);
        expect(firstInvalidUtf8(Buffer.concat([head, Buffer.from([0xff]), Buffer.from(after)]))).toBe(
          head.length,
        );
      }),
    );
  });

  it('rejects overlongs, surrogates and code points past U+10FFFF', () => {
    expect(firstInvalidUtf8(Uint8Array.of(0x41, 0xc0, 0x80))).toBe(1);
    expect(firstInvalidUtf8(Uint8Array.of(0xe0, 0x80, 0x80))).toBe(0);
    expect(firstInvalidUtf8(Uint8Array.of(0xed, 0xa0, 0x80))).toBe(0);
    expect(firstInvalidUtf8(Uint8Array.of(0xf4, 0x90, 0x80, 0x80))).toBe(0);
    expect(firstInvalidUtf8(Uint8Array.of(0xe4, 0xb8))).toBe(0);
    expect(firstInvalidUtf8(Buffer.from('平罗县'))).toBe(-1);
  });
});

describe('decodeJsonBytes', () => {
  it('drops a UTF-8 BOM and keeps every other character of any UTF-8 text that is not blank', () => {
    expect(decodeJsonBytes(Buffer.from('\uFEFF{"a":1}'))).toEqual({ ok: true, text: '{"a":1}' });
    fc.assert(
      fc.property(
        fc
          .string({ unit: 'grapheme', minLength: 1 })
          .filter((t) => t.trim() !== '' && !t.includes('\0') && !t.startsWith('\uFEFF')),
        (text) => {
          expect(decodeJsonBytes(new TextEncoder().encode(text))).toEqual({ ok: true, text });
        },
      ),
    );
  });

  it.each([
    ['empty', Buffer.alloc(0), 'is empty'],
    ['empty', Buffer.from('\uFEFF  \n'), 'contains only whitespace'],
    ['binary', Buffer.from([0x7b, 0x00, 0x7d]), 'NUL byte at offset 1'],
    ['not-utf8', Buffer.from('\uFEFF{}', 'utf16le'), 'UTF-16'],
    ['not-utf8', Buffer.from([0x7b, 0x0a, 0x22, 0xc2, 0xde, 0x22, 0x7d]), 'line 2, byte offset 3'],
  ])('refuses %s input, saying where (%#)', (code, bytes, where) => {
    const result = decodeJsonBytes(bytes, { zh: '请求体', en: 'the request body' });
    expect(result).toMatchObject({ ok: false, code });
    if (result.ok) return;
    expect(result.message.en).toMatch(/^the request body /);
    expect(result.message.en).toContain(where);
    expect(result.message.zh).toMatch(/^请求体/);
  });

  it('never throws, and refuses exactly the inputs that are not blank-free UTF-8 text', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 64 }), (bytes) => {
        const result = decodeJsonBytes(bytes);
        if (result.ok) expect(isUtf8(bytes) && !bytes.includes(0)).toBe(true);
        else if (result.code === 'not-utf8' && !(bytes[0] === 0xff || bytes[0] === 0xfe))
          expect(isUtf8(bytes)).toBe(false);
      }),
      { numRuns: 2000 },
    );
  });
});
