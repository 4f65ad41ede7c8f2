import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { closesWithTotal, readRun, t4Prefix, t4Totals } from './split-run.js';

/** A consistent 表三 row: six applicant counts and their total. */
const t3Row = fc
  .array(fc.oneof(fc.constant(0), fc.nat(30), fc.nat(3000)), { minLength: 6, maxLength: 6 })
  .map((six) => [...six, six.reduce((a, b) => a + b, 0)]);

/** Three consistent 表四 groups. */
const t4Row = fc
  .array(fc.array(fc.nat(60), { minLength: 4, maxLength: 4 }), { minLength: 3, maxLength: 3 })
  .map((groups) => groups.flatMap((four) => [...four, four.reduce((a, b) => a + b, 0)]));

describe('readRun', () => {
  it('reads 801000081 as 80,1,0,0,0,0,81 when the row must close with its total', () => {
    const { candidates } = readRun(['801000081'], 7, closesWithTotal);
    expect(candidates).toEqual([[80, 1, 0, 0, 0, 0, 81]]);
  });

  it('honours token boundaries and never reads a leading zero', () => {
    const { candidates } = readRun(['500000', '5'], 7, closesWithTotal);
    expect(candidates).toEqual([[5, 0, 0, 0, 0, 0, 5]]);
    expect(readRun(['07'], 1).candidates).toEqual([]);
  });

  it('keeps an amount whole', () => {
    expect(readRun(['24252.311082'], 1).candidates).toEqual([[24252.311082]]);
  });

  it('finds the true reading of any consistent 表三 row among its candidates, all of which close', () => {
    fc.assert(
      fc.property(t3Row, (row) => {
        const { candidates, complete } = readRun([row.join('')], 7, closesWithTotal);
        expect(complete).toBe(true);
        expect(candidates).toContainEqual(row);
        for (const candidate of candidates) {
          expect(candidate).toHaveLength(7);
          expect(closesWithTotal(candidate)).toBe(true);
          expect(candidate.join('')).toBe(row.join(''));
        }
      }),
      { numRuns: 200 },
    );
  });

  it('finds the true reading of any consistent 表四 row, all candidates satisfying T4-R1', () => {
    fc.assert(
      fc.property(t4Row, (row) => {
        const { candidates } = readRun([row.join('')], 15, t4Totals, 200_000, t4Prefix);
        expect(candidates).toContainEqual(row);
        for (const candidate of candidates) expect(t4Totals(candidate)).toBe(true);
      }),
      { numRuns: 100 },
    );
  });

  it('stops within its budget and says so', () => {
    const result = readRun(['1'.repeat(40)], 20, () => true, 1000);
    expect(result.complete).toBe(false);
  });
});
