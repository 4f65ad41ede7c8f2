import { readdirSync, readFileSync } from 'node:fs';
import fc from 'fast-check';

/*
 * The fuzz harness shared by the parsers' tests (a few thousand inputs) and their bench (`pnpm bench`,
 * FUZZ_RUNS=100000): inputs are generated (any JSON, any text) and mutated (a valid document with random
 * edits: characters inserted, deleted or replaced from an alphabet of JSON punctuation, digits, full-width
 * forms, control characters, bidi overrides and lone surrogates). Every input that ever failed is kept as a
 * file in the package's `fuzz-regressions/` folder and replayed by the tests.
 */

/** How many inputs each fuzz property runs: `FUZZ_RUNS`, or `fallback` (the CI count). */
export function fuzzRuns(fallback: number): number {
  const fromEnv = Number(process.env.FUZZ_RUNS);
  return Number.isInteger(fromEnv) && fromEnv > 0 ? fromEnv : fallback;
}

/** Characters that break parsers: JSON punctuation, digits and exponents, CJK and full-width forms, controls. */
const ALPHABET = [
  ...'{}[],:"\\ \n\t0123456789.-+eE/\'tfnul',
  '，',
  '：',
  '“',
  '”',
  '（',
  '）',
  '表',
  '件',
  '\u3000',
  '\u0000',
  '\u0007',
  '\u202e',
  '\u2066',
  '\ud800',
  '\udc00',
  '\ufeff',
  '<',
  '>',
  '/',
  '=',
];

const piece: fc.Arbitrary<string> = fc.oneof(
  fc.constantFrom(...ALPHABET),
  fc.string({ maxLength: 4 }),
  fc.constantFrom('9007199254740993', '1e400', '-0', 'NaN', '[[[[', '{"a":', '<div>', '<table><tr><td>'),
);

/** One edit of a text: insert, delete or replace at a position given as a fraction of its length. */
type Edit = { at: number; remove: number; insert: string };

const edit: fc.Arbitrary<Edit> = fc.record({
  at: fc.double({ min: 0, max: 1, noNaN: true }),
  remove: fc.nat({ max: 8 }),
  insert: fc.oneof(piece, fc.constant('')),
});

function applyEdits(text: string, edits: readonly Edit[]): string {
  let out = text;
  for (const { at, remove, insert } of edits) {
    const i = Math.floor(at * out.length);
    out = out.slice(0, i) + insert + out.slice(i + remove);
  }
  return out;
}

/** A text made from `base` by 1–8 random edits. */
export function mutated(base: string): fc.Arbitrary<string> {
  return fc.array(edit, { minLength: 1, maxLength: 8 }).map((edits) => applyEdits(base, edits));
}

/** Generated texts: any JSON, JSON with random edits, or strings from the hostile alphabet. */
export const generatedText: fc.Arbitrary<string> = fc.oneof(
  fc.json({ depthSize: 'small' }),
  fc.json({ depthSize: 'small' }).chain((json) => mutated(json)),
  fc.array(piece, { maxLength: 60 }).map((pieces) => pieces.join('')),
);

/** The files of a regression folder (name and text), for tests to replay. */
export function regressionInputs(folder: URL): { name: string; text: string }[] {
  return readdirSync(folder)
    .filter((name) => !name.startsWith('.') && name !== 'README.md')
    .sort()
    .map((name) => ({ name, text: readFileSync(new URL(name, folder), 'utf8') }));
}

/** Runs `check` and fails if one input takes longer than `capMs` (a hang shows as a slow input). */
export function timed(capMs: number, check: (input: string) => void): (input: string) => void {
  return (input) => {
    const start = performance.now();
    check(input);
    const elapsed = performance.now() - start;
    if (elapsed > capMs) {
      throw new Error(
        `took ${elapsed.toFixed(0)} ms (cap ${capMs} ms) on an input of ${input.length} characters`,
      );
    }
  };
}
