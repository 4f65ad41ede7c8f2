import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { visibleLength } from './text.js';

describe('visibleLength', () => {
  it('counts what is left when every \\s is removed, for any text', () => {
    // Whitespace of every kind \s knows, mixed with any code unit (lone surrogates included).
    const spaces = fc.constantFrom(
      ...'\t\n\v\f\r \u00a0\u1680\u2000\u2005\u200a\u2028\u2029\u202f\u205f\u3000\ufeff',
    );
    const texts = fc.array(
      fc.oneof(spaces, fc.string({ unit: 'binary', maxLength: 4 }), fc.string({ maxLength: 4 })),
    );
    fc.assert(
      fc.property(texts, (parts) => {
        const text = parts.join('');
        expect(visibleLength(text)).toBe(text.replace(/\s/g, '').length);
      }),
      { numRuns: 2000 },
    );
  });

  it('checks every code unit against \\s', () => {
    for (let code = 0; code <= 0xffff; code++) {
      const text = String.fromCharCode(code);
      if (visibleLength(text) !== text.replace(/\s/g, '').length) throw new Error(`U+${code.toString(16)}`);
    }
  });
});
