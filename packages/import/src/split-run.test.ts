import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { MAX_CANDIDATES, readRun, runCapNote } from './split-run.js';
import { T3_ROW, T4_ROW } from './tables/sums.js';

// A 表三 row's sum and 表四's group sums, from the model (as the table readers use them).
const closesWithTotal = T3_ROW.accept;
const t4Totals = T4_ROW.accept;
const t4Prefix = T4_ROW.prune;

import { growth, MAX_GROWTH } from './test-support/scaling.js';

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
    expect(result.limit).toBe('steps');
  });

  it('collects at most MAX_CANDIDATES readings, then stops and says so', () => {
    // 30 digits into 20 cells: C(29, 19) ≈ 20 million readings, far past the cap, well inside the budget.
    const result = readRun(['1'.repeat(30)], 20);
    expect(result.candidates).toHaveLength(MAX_CANDIDATES);
    expect(result.complete).toBe(false);
    expect(result.limit).toBe('candidates');
    for (const candidate of result.candidates) expect(candidate.join('')).toBe('1'.repeat(30));
  });

  it('a search that ran to the end has no limit and no note', () => {
    const result = readRun(['801000081'], 7, closesWithTotal);
    expect(result.limit).toBeUndefined();
    expect(runCapNote(result, { label: '（七）总计', raw: '801000081', cells: [] })).toBeUndefined();
  });
});

describe('runCapNote', () => {
  const cells = ['t3.results.total.naturalPerson', 't3.results.total.total'];

  it('names the row, the run, the cap and the cells, in Chinese and English', () => {
    const note = runCapNote(readRun(['1'.repeat(30)], 20), {
      label: '（七）总计',
      raw: '1'.repeat(30),
      cells,
      line: 12,
    });
    expect(note).toMatchObject({ code: 'run-capped', severity: 'warning', cells, line: 12 });
    expect(note?.message.zh).toContain(`读法超过 ${MAX_CANDIDATES} 种`);
    expect(note?.message.zh).toContain('“（七）总计”');
    expect(note?.message.en).toContain(`more than ${MAX_CANDIDATES} readings`);
  });

  it('says when the step budget stopped the search', () => {
    const note = runCapNote(
      readRun(['1'.repeat(40)], 20, () => true, 1000),
      { label: '行', raw: '1', cells },
    );
    expect(note?.message.en).toContain('too many possible readings');
    expect(note?.line).toBeUndefined();
  });
});

describe('the digit splitter is bounded (time for 8n ≤ 10 × time for n)', () => {
  const shapes: { reader: string; make: (n: number) => [string[], number]; n: number }[] = [
    // A run too long for its cells is refused from its length, without a search.
    { reader: 'one digit run into 7 cells', make: (n) => [['1'.repeat(n)], 7], n: 5000 },
    // One reading, found by a search as deep as the row is wide.
    { reader: 'n one-digit tokens into n cells', make: (n) => [Array(n).fill('7'), n], n: 100 },
    // Combinatorially many readings: both sizes stop at MAX_CANDIDATES.
    { reader: 'n two-digit tokens into 1.5n cells', make: (n) => [Array(n).fill('12'), (3 * n) / 2], n: 16 },
  ];
  for (const shape of shapes) {
    it(shape.reader, () => {
      const run = ([tokens, count]: [string[], number]): unknown => readRun(tokens, count);
      const ratio = growth(run, shape.make(shape.n), shape.make(8 * shape.n));
      expect(ratio, `${shape.reader}: 8 × the input took ${ratio.toFixed(1)} × the time`).toBeLessThan(
        MAX_GROWTH,
      );
    });
  }
});
