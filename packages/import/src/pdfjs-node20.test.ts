import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { polyfillForPdfjs, transferToFixedLength } from './pdfjs-node20.js';

describe('transferToFixedLength (ES2024) for pdf.js on Node 20', () => {
  it('gives the first `length` bytes (zero-filled past the end) and detaches the original', () => {
    fc.assert(
      fc.property(
        fc.uint8Array({ maxLength: 64 }),
        fc.option(fc.nat(96), { nil: undefined }),
        (bytes, length) => {
          const buffer = new Uint8Array(bytes).buffer;
          const out = new Uint8Array(transferToFixedLength(buffer, length));
          const want = new Uint8Array(length ?? bytes.length);
          want.set(bytes.subarray(0, want.length));
          expect(out).toEqual(want);
          expect(buffer.byteLength).toBe(0); // detached, as the builtin leaves it
        },
      ),
    );
  });

  it('is what ArrayBuffer.prototype.transferToFixedLength does once pdf.js is loaded', () => {
    polyfillForPdfjs();
    const buffer = new Uint8Array([1, 2, 3, 4]).buffer as ArrayBuffer & {
      transferToFixedLength(length?: number): ArrayBuffer;
    };
    expect(new Uint8Array(buffer.transferToFixedLength(2))).toEqual(new Uint8Array([1, 2]));
    expect(buffer.byteLength).toBe(0);
  });
});
