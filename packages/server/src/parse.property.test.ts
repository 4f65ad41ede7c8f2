import { isUtf8 } from 'node:buffer';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { decodeUtf8 } from './decode.js';
import { ServeArgsError, serveOptions } from './main.js';

const WHAT = { zh: '报告', en: 'the report' };

describe('decodeUtf8', () => {
  it('gives back any UTF-8 text without NUL, and refuses every other byte string with a reason, never throwing', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', minLength: 1 }), (text) => {
        fc.pre(!text.includes('\u0000') && !text.startsWith('\uFEFF'));
        expect(decodeUtf8(new TextEncoder().encode(text), WHAT)).toEqual({ ok: true, text });
      }),
    );
    fc.assert(
      fc.property(fc.uint8Array({ minLength: 1, maxLength: 64 }), (bytes) => {
        const result = decodeUtf8(bytes, WHAT);
        const utf16 = (bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff);
        expect(result.ok).toBe(!utf16 && !bytes.includes(0) && isUtf8(bytes));
        if (!result.ok) {
          expect(result.message.zh).toContain('报告');
          expect(result.message.en).toContain('the report');
        }
      }),
    );
    expect(decodeUtf8(new Uint8Array(), WHAT)).toMatchObject({ ok: false, code: 'empty' });
  });
});

describe('serveOptions', () => {
  it('takes whole numbers in range and refuses anything else with a bilingual message naming the option', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 65_535 }), fc.integer({ min: 1, max: 256 }), (port, workers) => {
        expect(serveOptions({ port: String(port), workers: String(workers) })).toEqual({ port, workers });
      }),
    );
    fc.assert(
      fc.property(fc.string(), (value) => {
        fc.pre(!/^\d+$/.test(value) || Number(value) > 256 || Number(value) < 1);
        try {
          serveOptions({ workers: value });
          expect.unreachable(`--workers ${value} was accepted`);
        } catch (error) {
          expect(error).toBeInstanceOf(ServeArgsError);
          expect((error as ServeArgsError).text.en).toContain('--workers');
        }
      }),
    );
    expect(serveOptions({ 'body-limit': '5', timeout: '1000', queue: '0', host: '0.0.0.0' })).toEqual({
      bodyLimit: 5 * 1024 * 1024,
      jobTimeoutMs: 1000,
      queue: 0,
      host: '0.0.0.0',
    });
  });
});
