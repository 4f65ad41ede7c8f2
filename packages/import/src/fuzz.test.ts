import { readFileSync } from 'node:fs';
import { parseReportJson } from '@nianbao/model';
import { seedReport } from '@nianbao/model/fixtures';
import { renderReportHtml } from '@nianbao/react/server';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { importReport } from './import-report.js';
import { fuzzRuns, generatedText, mutated, regressionInputs, timed } from './test-support/fuzz.js';

/*
 * importReport on generated and mutated inputs: it never throws, never takes long on one input, every note
 * has a code and a message in both languages, and the report it emits is one parseReportJson accepts.
 * `pnpm bench` runs this with FUZZ_RUNS=100000 (and 1,000 of each mutated kind).
 */

/** Inputs per property: generated texts are cheap (2,000 in CI); mutated whole reports are not (20 each). */
const RUNS = fuzzRuns(2000);
const MUTATED = Math.max(1, Math.round(RUNS / 100));
/** Per-input time cap: generous for a loaded CI machine, far below what a super-linear path takes. */
const CAP_MS = 5000;

const check = timed(CAP_MS, (input) => {
  const result = importReport(input);
  for (const note of result.notes) {
    expect(note.code).toMatch(/^[a-z-]+$/);
    expect(note.message.zh).not.toBe('');
    expect(note.message.en).not.toBe('');
  }
  if (!result.ok) return;
  const parsed = parseReportJson(JSON.stringify(result.report));
  if (!parsed.ok)
    throw new Error(`import emitted JSON that validate refuses: ${JSON.stringify(parsed.errors)}`);
});

describe('importReport fuzzed', () => {
  const html = renderReportHtml(seedReport);
  const text = readFileSync(
    new URL('../fixtures/corpus/010-huaian-city-2024-pdftotext-layout.txt', import.meta.url),
    'utf8',
  );

  it(`generated texts (${RUNS})`, () => {
    fc.assert(fc.property(generatedText, check), { numRuns: RUNS });
  });

  it(`mutated published HTML (${MUTATED})`, () => {
    fc.assert(fc.property(mutated(html), check), { numRuns: MUTATED });
  });

  it(`mutated pdftotext output (${MUTATED})`, () => {
    fc.assert(fc.property(mutated(text), check), { numRuns: MUTATED });
  });

  it('every input that ever failed (fuzz-regressions/)', () => {
    const inputs = regressionInputs(new URL('../fuzz-regressions/', import.meta.url));
    expect(inputs.length).toBeGreaterThan(0);
    for (const { name, text: input } of inputs) {
      try {
        check(input);
      } catch (error) {
        throw new Error(`fuzz-regressions/${name}: ${String(error)}`);
      }
    }
  });
});
