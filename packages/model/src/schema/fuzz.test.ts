import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { checkReport } from '../checks/check.js';
import { busyReport } from '../fixtures/busy.js';
import { seedReport } from '../fixtures/seed.js';
import { fuzzRuns, generatedText, mutated, regressionInputs, timed } from '../test-support/fuzz.js';
import { MAX_PARSE_ISSUES, parseReportJson } from './parse.js';

/*
 * parseReportJson (and checkReport on whatever it accepts) on generated and mutated inputs: it never
 * throws, never takes long on one input, lists at most MAX_PARSE_ISSUES + 1 issues, and every issue is
 * located (a path, a code, a message in both languages). `pnpm bench` runs this with FUZZ_RUNS=50000.
 */

/** Inputs per property: 1,000 + 600 + 400 in CI; `pnpm bench` sets FUZZ_RUNS=50000 (100,000 in all). */
const RUNS = fuzzRuns(1000);
const FEWER = Math.max(1, Math.round(RUNS * 0.6));
const FEWEST = Math.max(1, Math.round(RUNS * 0.4));
/** Per-input time cap: generous for a loaded CI machine, far below what a super-linear path takes. */
const CAP_MS = 2000;

const check = timed(CAP_MS, (text) => {
  const result = parseReportJson(text);
  if (result.ok) {
    for (const finding of checkReport(result.report)) {
      expect(finding.message.zh).not.toBe('');
      expect(finding.message.en).not.toBe('');
    }
    return;
  }
  expect(result.errors.length).toBeGreaterThan(0);
  expect(result.errors.length).toBeLessThanOrEqual(MAX_PARSE_ISSUES + 1);
  for (const issue of result.errors) {
    expect(typeof issue.path).toBe('string');
    expect(issue.code).toMatch(/^[a-z-]+$/);
    expect(issue.message.zh).not.toBe('');
    expect(issue.message.en).not.toBe('');
    // A path names the place: the message opens with it (the root's messages open without one).
    if (issue.path !== '') expect(issue.message.en.startsWith(issue.path)).toBe(true);
  }
});

describe('parseReportJson fuzzed', () => {
  const seedText = JSON.stringify(seedReport, null, 2);
  const busyText = JSON.stringify(busyReport);

  it(`generated texts (${RUNS})`, () => {
    fc.assert(fc.property(generatedText, check), { numRuns: RUNS });
  });

  it(`mutated reports (${FEWER})`, () => {
    fc.assert(fc.property(fc.oneof(mutated(seedText), mutated(busyText)), check), { numRuns: FEWER });
  });

  it(`reports with a random value at a random key (${FEWEST})`, () => {
    const keys = Object.keys(seedReport.meta);
    fc.assert(
      fc.property(fc.constantFrom(...keys, 'extra'), fc.jsonValue(), (key, value) => {
        check(JSON.stringify({ ...seedReport, meta: { ...seedReport.meta, [key]: value } }));
      }),
      { numRuns: FEWEST },
    );
  });

  it('every input that ever failed (fuzz-regressions/)', () => {
    const inputs = regressionInputs(new URL('../../fuzz-regressions/', import.meta.url));
    expect(inputs.length).toBeGreaterThan(0);
    for (const { name, text } of inputs) {
      try {
        check(text);
      } catch (error) {
        throw new Error(`fuzz-regressions/${name}: ${String(error)}`);
      }
    }
  });
});
