import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { formatPath, type PathSegment, parsePath } from './path.js';

describe('formatPath', () => {
  it.each<[PathSegment[], string]>([
    [[], ''],
    [['meta', 'year'], 'meta.year'],
    [['sections', 'overview', 2, 'text'], 'sections.overview[2].text'],
    [['t4', 'review', 'a.b'], 't4.review["a.b"]'],
    [['x', ''], 'x[""]'],
    [['表', '自然人'], '表.自然人'],
    [[0, 'a'], '[0].a'],
  ])('%j → %s', (segments, path) => {
    expect(formatPath(segments)).toBe(path);
  });
});

describe('parsePath', () => {
  it('reads back whatever formatPath writes', () => {
    const segment = fc.oneof(fc.string(), fc.nat());
    fc.assert(
      fc.property(fc.array(segment, { maxLength: 6 }), (segments) => {
        expect(parsePath(formatPath(segments))).toEqual(segments);
      }),
      { numRuns: 1000 },
    );
  });

  it.each(['.a', 'a..b', 'a[x]', 'a[1', 'a["x"', 'a[0]b'])('rejects %j', (path) => {
    expect(() => parsePath(path)).toThrow(SyntaxError);
  });
});
