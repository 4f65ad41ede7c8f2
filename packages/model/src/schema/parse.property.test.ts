import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  copy,
  keyPaths,
  objectPaths,
  resolve,
  setIn,
  without,
  withValue,
} from '../../test/support/json-edit.js';
import { blankReport } from '../fixtures/blank.js';
import { seedReport } from '../fixtures/seed.js';
import { statutoryCells } from '../tables/cells.js';
import type { Block, Report } from '../types.js';
import { type ParseResult, parseReport } from './parse.js';
import { formatPath, type PathSegment } from './path.js';

/*
 * Properties of parseReport: it never throws; every error names a real place in the input; a single
 * mutation of a valid report gives exactly the one error it should, at the mutated place; valid
 * reports survive a JSON round trip unchanged.
 */

const CELLS = statutoryCells();

/** Every key name the contract knows, wherever it may appear. */
const KNOWN_KEYS = new Set<PathSegment>([
  ...keyPaths(seedReport).map((path) => path[path.length - 1] as PathSegment),
  ...['publishedAt', 'address', 'postcode', 'email', 'level', 'lead'],
]);

/** Every error path resolves in the input, or names a key that is missing from an object there. */
function expectPathsReal(input: unknown, result: ParseResult): void {
  if (result.ok) return;
  expect(result.errors.length).toBeGreaterThan(0);
  for (const error of result.errors) {
    expect(error.message.zh.length).toBeGreaterThan(0);
    expect(error.message.en.length).toBeGreaterThan(0);
    const place = resolve(input, error.path);
    if (error.code === 'missing' || (error.code === 'format-version' && place.kind === 'missing-key')) {
      expect(place.kind, `${error.path} (${error.code})`).toBe('missing-key');
    } else {
      expect(place.kind, `${error.path} (${error.code})`).toBe('value');
    }
  }
}

const text = fc.string({ maxLength: 12 });
const count = fc.oneof(fc.nat({ max: 100_000 }), fc.constant(null));
// -0 is excluded: JSON writes it as 0, so it would not round-trip as itself.
const amount = fc.oneof(
  fc.double({ min: 0, max: 1e7, noNaN: true }).map((value) => (value === 0 ? 0 : value)),
  fc.constant(null),
);
const isoDate = fc
  .date({ min: new Date('2008-01-01T00:00:00Z'), max: new Date('2100-12-31T00:00:00Z'), noInvalidDate: true })
  .map((date) => date.toISOString().slice(0, 10));

const block: fc.Arbitrary<Block> = fc.oneof(
  fc.record({
    type: fc.constant('heading' as const),
    level: fc.constantFrom(2 as const, 3 as const, 4 as const),
    text,
  }),
  fc.record(
    { type: fc.constant('paragraph' as const), text, lead: text },
    { requiredKeys: ['type', 'text'] },
  ),
);

const meta = fc.record(
  {
    agency: fc.string({ minLength: 1, maxLength: 12 }),
    year: fc.integer({ min: 2008, max: 2100 }),
    kind: fc.constantFrom('government' as const, 'department' as const, 'other' as const),
    region: text,
    contact: fc.record({ phone: text, address: text, postcode: text, email: text }, { requiredKeys: [] }),
    publishedAt: isoDate,
    title: text,
  },
  { requiredKeys: ['agency', 'year'] },
);

/** Valid reports: any meta, any narrative, any cell values (counts, amounts, nulls). */
const validReport: fc.Arbitrary<Report> = fc
  .record(
    {
      meta,
      preamble: fc.array(text, { maxLength: 3 }),
      sections: fc.record(
        {
          overview: fc.array(block, { maxLength: 4 }),
          problems: fc.array(block, { maxLength: 3 }),
          other: fc.array(block, { maxLength: 3 }),
        },
        { requiredKeys: [] },
      ),
      values: fc.array(count, { minLength: CELLS.length, maxLength: CELLS.length }),
      fee: amount,
    },
    { requiredKeys: ['meta', 'values', 'fee'] },
  )
  .map(({ meta: m, preamble, sections, values, fee }) => {
    const report: Report = { ...blankReport(), meta: copy(m) };
    if (preamble) report.preamble = copy(preamble);
    if (sections) report.sections = copy(sections);
    CELLS.forEach((info, i) => {
      setIn(report, info.address, info.value === 'amount' ? fee : values[i]);
    });
    return report;
  });

/** Keys the contract makes optional: deleting one keeps a report valid. */
function isOptional(path: readonly PathSegment[]): boolean {
  const key = path[path.length - 1];
  const parent = path[path.length - 2];
  if (path.length === 1) return key === 'preamble' || key === 'sections';
  if (parent === 'meta') return key !== 'agency' && key !== 'year';
  if (parent === 'contact' || parent === 'sections') return true;
  return key === 'lead';
}

describe('parseReport never throws', () => {
  it('on arbitrary JSON values', () => {
    fc.assert(
      fc.property(fc.jsonValue(), (value) => {
        expectPathsReal(value, parseReport(value));
      }),
      { numRuns: 500 },
    );
  });

  it('on arbitrary JavaScript values', () => {
    fc.assert(
      fc.property(
        fc.anything({
          withBigInt: true,
          withBoxedValues: true,
          withDate: true,
          withMap: true,
          withSet: true,
          withNullPrototype: true,
          withObjectString: true,
          withSparseArray: true,
          withTypedArray: true,
        }),
        (value) => {
          expectPathsReal(value, parseReport(value));
        },
      ),
      { numRuns: 500 },
    );
  });

  it('on report-shaped objects holding arbitrary values', () => {
    const parts = ['formatVersion', 'meta', 'preamble', 'sections', 't2', 't3', 't4'] as const;
    fc.assert(
      fc.property(fc.dictionary(fc.constantFrom(...parts), fc.anything()), (value) => {
        expectPathsReal(value, parseReport(value));
      }),
      { numRuns: 300 },
    );
  });

  it('on hostile objects (throwing getters, revoked proxies)', () => {
    const throwing = Object.defineProperty({ ...copy(seedReport) }, 'meta', {
      enumerable: true,
      get() {
        throw new Error('boom');
      },
    });
    const result = parseReport(throwing);
    expect(result.ok).toBe(false);
    expect(!result.ok && result.errors[0]?.code).toBe('unreadable');

    const { proxy, revoke } = Proxy.revocable({}, {});
    revoke();
    expect(parseReport(proxy).ok).toBe(false);
  });
});

describe('parseReport on valid reports', () => {
  it('accepts them and returns the same data', () => {
    fc.assert(
      fc.property(validReport, (report) => {
        expect(parseReport(report)).toEqual({ ok: true, report });
      }),
      { numRuns: 200 },
    );
  });

  it('round-trips them through JSON text', () => {
    fc.assert(
      fc.property(validReport, (report) => {
        const result = parseReport(JSON.parse(JSON.stringify(report)));
        expect(result.ok).toBe(true);
        expect(result.ok && result.report).toEqual(report);
      }),
      { numRuns: 200 },
    );
  });
});

describe('parseReport on a valid report with one mutation', () => {
  it('reports a cell replaced by a bad value there, and only there', () => {
    fc.assert(
      fc.property(validReport, fc.nat(), fc.jsonValue(), (report, pick, value) => {
        const info = CELLS[pick % CELLS.length] as (typeof CELLS)[number];
        const input = withValue(report, info.address, value);
        const valid =
          value === null ||
          (typeof value === 'number' &&
            value >= 0 &&
            (info.value === 'amount' || Number.isSafeInteger(value)));
        const result = parseReport(input);
        expectPathsReal(input, result);
        if (valid) {
          expect(result.ok).toBe(true);
        } else {
          expect(result.ok).toBe(false);
          expect(!result.ok && result.errors.map((e) => [e.path, e.code])).toEqual([
            [info.address, info.value === 'amount' ? 'not-an-amount' : 'not-a-count'],
          ]);
        }
      }),
      { numRuns: 300 },
    );
  });

  it('reports a deleted required key as missing, and accepts a deleted optional one', () => {
    fc.assert(
      fc.property(validReport, fc.nat(), (report, pick) => {
        const paths = keyPaths(report);
        const path = paths[pick % paths.length] as PathSegment[];
        const input = without(report, formatPath(path));
        const result = parseReport(input);
        expectPathsReal(input, result);
        if (isOptional(path)) {
          expect(result.ok).toBe(true);
        } else {
          const code = path.length === 1 && path[0] === 'formatVersion' ? 'format-version' : 'missing';
          expect(!result.ok && result.errors.map((e) => [e.path, e.code])).toEqual([
            [formatPath(path), code],
          ]);
        }
      }),
      { numRuns: 300 },
    );
  });

  it('reports an added key as unknown, at its own path', () => {
    fc.assert(
      fc.property(validReport, fc.nat(), fc.string(), fc.jsonValue(), (report, pick, key, value) => {
        const places = objectPaths(report);
        const place = places[pick % places.length] as PathSegment[];
        const parent = resolve(report, formatPath(place));
        fc.pre(parent.kind === 'value' && !KNOWN_KEYS.has(key));
        const path = formatPath([...place, key]);
        const input = withValue(report, path, value);
        const result = parseReport(input);
        expectPathsReal(input, result);
        expect(!result.ok && result.errors.map((e) => [e.path, e.code])).toEqual([[path, 'unknown-key']]);
      }),
      { numRuns: 300 },
    );
  });
});
