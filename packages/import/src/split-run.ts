/*
 * Splitting digits that were printed without separators (`801000081` for 80,1,0,0,0,0,81). A run is a list
 * of tokens (whitespace-separated digit strings; a token boundary is always a cell boundary); a reading cuts
 * every token into one or more numbers so that there are exactly `count` numbers. A number never has a
 * leading zero (`07` is two cells, 0 and 7) and has at most MAX_DIGITS digits.
 */

import type { CellAddress } from '@nianbao/model';
import { importNote, NOTE_TEXT } from './notes.js';
import type { ImportNote } from './types.js';

/** The longest number a count cell holds in practice (a province's 行政处罚 reaches 7 digits). */
export const MAX_DIGITS = 9;

/**
 * The most readings `readRun` collects. The number of readings of a run grows combinatorially with its length
 * (a hostile row of digits has millions), while a person can judge a handful: past this many the search
 * stops and says so (`limit: 'candidates'`), so memory stays bounded whatever the budget.
 */
export const MAX_CANDIDATES = 1000;

/** Every reading of a run, or as many as the caps allowed. */
export interface RunReadings {
  /** Readings that `accept` allowed, in enumeration order (at most MAX_CANDIDATES). */
  readonly candidates: number[][];
  /** Readings of the right length, before `accept` (for reporting when none is accepted). */
  readonly total: number;
  /** False when a cap stopped the search before every reading was seen. */
  readonly complete: boolean;
  /** Which cap stopped it: the step budget, or MAX_CANDIDATES readings collected. */
  readonly limit?: 'steps' | 'candidates';
}

/**
 * Every way to read `tokens` as `count` numbers that `accept` allows. `tokens` are digit strings; a token
 * containing a decimal point (an amount) is never cut. `prune` sees every prefix and may reject it early
 * (a group total that does not close); `budget` bounds the search steps.
 */
export function readRun(
  tokens: readonly string[],
  count: number,
  accept: (values: readonly number[]) => boolean = () => true,
  budget = 1_000_000,
  prune: (values: readonly number[]) => boolean = () => true,
): RunReadings {
  const candidates: number[][] = [];
  let total = 0;
  let steps = 0;
  let complete = true;
  let limit: RunReadings['limit'];
  const values: number[] = [];
  // Minimum cells still needed after token t (each remaining token gives at least one).
  const tokenCount = tokens.length;
  // Characters from token t onwards: what the remaining cells must hold (at most MAX_DIGITS each).
  const after: number[] = new Array(tokenCount + 1).fill(0);
  for (let t = tokenCount - 1; t >= 0; t--)
    after[t] = (after[t + 1] as number) + (tokens[t] as string).length;

  const rec = (t: number, offset: number, partsLeft: number): void => {
    if (!complete) return;
    if (++steps > budget) {
      complete = false;
      limit = 'steps';
      return;
    }
    const token = tokens[t];
    if (token === undefined) {
      if (partsLeft === 0) {
        total++;
        if (!accept(values)) return;
        candidates.push([...values]);
        if (candidates.length >= MAX_CANDIDATES) {
          complete = false;
          limit = 'candidates';
        }
      }
      return;
    }
    const rest = token.length - offset;
    const tokensAfter = tokenCount - t - 1;
    if (partsLeft < 1 + tokensAfter) return;
    if (token.includes('.')) {
      // An amount: one cell, never cut.
      if (offset !== 0) return;
      values.push(Number(token));
      if (prune(values)) rec(t + 1, 0, partsLeft - 1);
      values.pop();
      return;
    }
    const maxLen = token[offset] === '0' ? 1 : Math.min(MAX_DIGITS, rest);
    for (let len = 1; len <= maxLen; len++) {
      const end = offset + len;
      const left = token.length - end + (after[t + 1] as number);
      if (left > (partsLeft - 1) * MAX_DIGITS) continue;
      values.push(Number(token.slice(offset, end)));
      if (!prune(values)) {
        values.pop();
        continue;
      }
      if (end === token.length) rec(t + 1, 0, partsLeft - 1);
      else if (partsLeft - 1 >= 1 + tokensAfter) rec(t, end, partsLeft - 1);
      values.pop();
      if (!complete) return;
    }
  };
  if (count > 0 && tokens.every((token) => /^\d+(\.\d+)?$/.test(token))) rec(0, 0, count);
  return limit === undefined ? { candidates, total, complete } : { candidates, total, complete, limit };
}

/**
 * The `run-capped` note for a run whose search a cap stopped (`undefined` when it ran to the end): which row,
 * which cap, and that the cells may be read wrongly or not at all. The reader pushes it with the run's cells.
 */
export function runCapNote(
  readings: RunReadings,
  run: { label: string; raw: string; cells: CellAddress[]; line?: number },
): ImportNote | undefined {
  if (readings.limit === undefined) return undefined;
  return importNote(
    'run-capped',
    NOTE_TEXT['run-capped'].row({
      label: run.label,
      raw: run.raw,
      limit: readings.limit,
      max: MAX_CANDIDATES,
    }),
    run.cells,
    run.line !== undefined ? { line: run.line } : {},
  );
}
