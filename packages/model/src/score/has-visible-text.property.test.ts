import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { hasVisibleText, visibleLength } from './text.js';

describe('hasVisibleText', () => {
  it('is visibleLength(text) > 0, on text of spaces (ASCII, full-width, line breaks) and words', () => {
    const pieces = fc.constantFrom(' ', '\u3000', '\n', '\t', '\u00a0', '无', 'a', '。');
    fc.assert(
      fc.property(fc.array(pieces, { maxLength: 12 }), (parts) => {
        const text = parts.join('');
        expect(hasVisibleText(text)).toBe(visibleLength(text) > 0);
      }),
      { numRuns: 300 },
    );
  });
});
