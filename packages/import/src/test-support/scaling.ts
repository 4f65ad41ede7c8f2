/*
 * Scaling measurements for the "every reader is linear" tests: how much longer a reader takes on an input 8
 * times the size of another of the same shape. Ratios, not absolute times, so a loaded CI machine slows both
 * sides alike; each side is the best of a few repetitions (noise only ever adds time), each repetition runs
 * the reader as many times as fit in a few milliseconds, and both inputs are read once before timing (JIT).
 */

/** The time of one call of `run` on `input`, in milliseconds: calls repeated for at least `window` ms. */
function timeOnce<T>(run: (input: T) => unknown, input: T, window: number): number {
  let calls = 0;
  const start = performance.now();
  let elapsed = 0;
  do {
    run(input);
    calls += 1;
    elapsed = performance.now() - start;
  } while (elapsed < window);
  return elapsed / calls;
}

/** The growth allowed for an input 8 times the size: linear plus room for noise and cache effects. */
export const MAX_GROWTH = 10;

/**
 * How many times longer `run` takes on `large` than on `small`, after warming up on both. Small and large
 * are timed in alternation (a load spike hits both alike), each the best of 5; when the ratio is over
 * MAX_GROWTH it is measured again, up to 3 times, and the lowest kept: noise only ever inflates a ratio,
 * while a quadratic reader (×64 for 8n) fails every attempt.
 */
export function growth<T>(run: (input: T) => unknown, small: T, large: T): number {
  run(small);
  run(large);
  run(small);
  let ratio = Number.POSITIVE_INFINITY;
  for (let attempt = 0; attempt < 3 && ratio > MAX_GROWTH; attempt++) {
    let bestSmall = Number.POSITIVE_INFINITY;
    let bestLarge = Number.POSITIVE_INFINITY;
    for (let r = 0; r < 5; r++) {
      bestSmall = Math.min(bestSmall, timeOnce(run, small, 10));
      bestLarge = Math.min(bestLarge, timeOnce(run, large, 10));
    }
    ratio = Math.min(ratio, bestLarge / bestSmall);
  }
  return ratio;
}

/** The time of one call of an asynchronous `run` on `input`, in milliseconds: awaited calls for `window` ms. */
async function timeOnceAsync<T>(
  run: (input: T) => Promise<unknown>,
  input: T,
  window: number,
): Promise<number> {
  let calls = 0;
  const start = performance.now();
  let elapsed = 0;
  do {
    await run(input);
    calls += 1;
    elapsed = performance.now() - start;
  } while (elapsed < window);
  return elapsed / calls;
}

/** {@link growth} for an asynchronous reader (the PDF reader awaits pdf.js): same warm-up, rounds and retries. */
export async function growthAsync<T>(
  run: (input: T) => Promise<unknown>,
  small: T,
  large: T,
): Promise<number> {
  await run(small);
  await run(large);
  await run(small);
  let ratio = Number.POSITIVE_INFINITY;
  for (let attempt = 0; attempt < 3 && ratio > MAX_GROWTH; attempt++) {
    let bestSmall = Number.POSITIVE_INFINITY;
    let bestLarge = Number.POSITIVE_INFINITY;
    for (let r = 0; r < 5; r++) {
      bestSmall = Math.min(bestSmall, await timeOnceAsync(run, small, 10));
      bestLarge = Math.min(bestLarge, await timeOnceAsync(run, large, 10));
    }
    ratio = Math.min(ratio, bestLarge / bestSmall);
  }
  return ratio;
}
