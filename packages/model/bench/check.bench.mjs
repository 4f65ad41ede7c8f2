// Benchmark: checkReport on the busy fixture, against a named baseline that only reads the 200 statutory
// cells. Plain Node ESM over the built package: run `pnpm --filter @nianbao/model build` first.
//
// Both are timed in the same run, in alternating rounds (so a load spike hits both alike), on the process's
// CPU time as well as wall-clock time: on a shared machine CPU time is what one core actually spent. Each
// line gives the best round (noise only ever slows a round down) and the median.
// Output: one human line per measurement, the ratio, and a final JSON line for CI.

import { busyReport } from '../dist/fixtures/index.js';
import { checkReport, statutoryCells } from '../dist/index.js';

const SECONDS = Number(process.env.BENCH_SECONDS ?? 1.5);
const ROUNDS = 6;
const TARGET = 50_000;

/**
 * The baseline: sums every statutory cell by direct property access
 * (`r.t3.results.withheld.stateSecret.naturalPerson + …`), a function generated once from the cell catalogue.
 */
const readAllCells = new Function(
  'r',
  `return ${statutoryCells()
    .map((cell) => `r.${cell.address}`)
    .join(' + ')};`,
);

let sink = 0;

/** Runs `fn` for about `seconds`; returns calls per CPU second and per wall second. */
function round(fn, seconds) {
  let calls = 0;
  let batch = 256;
  const wall0 = process.hrtime.bigint();
  const cpu0 = process.cpuUsage();
  let wall = 0;
  while (wall < seconds) {
    for (let i = 0; i < batch; i++) {
      const out = fn();
      sink += typeof out === 'number' ? out : out.length;
    }
    calls += batch;
    wall = Number(process.hrtime.bigint() - wall0) / 1e9;
    if (wall < seconds / 20) batch *= 2;
  }
  const cpu = process.cpuUsage(cpu0);
  const cpuSeconds = (cpu.user + cpu.system) / 1e6;
  return { cpu: calls / cpuSeconds, wall: calls / wall };
}

const median = (values) => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
};

const findings = checkReport(busyReport);
if (findings.length !== 0)
  throw new Error(`busyReport should pass every rule, got ${JSON.stringify(findings)}`);

// Warm-up: let the JIT settle before timing.
round(() => readAllCells(busyReport), 0.2);
round(() => checkReport(busyReport), 0.4);

const baselineRounds = [];
const checkRounds = [];
for (let r = 0; r < ROUNDS; r++) {
  baselineRounds.push(round(() => readAllCells(busyReport), SECONDS / ROUNDS));
  checkRounds.push(round(() => checkReport(busyReport), SECONDS / ROUNDS));
}

const summary = (rounds) => ({
  best: Math.max(...rounds.map((r) => r.cpu)),
  median: median(rounds.map((r) => r.cpu)),
  wallMedian: median(rounds.map((r) => r.wall)),
});
const baseline = summary(baselineRounds);
const check = summary(checkRounds);
const ratio = baseline.best / check.best;
const fmt = (n) => Math.round(n).toLocaleString('en-US');
const us = (perSecond) => (1e6 / perSecond).toFixed(2);

console.log(
  `baseline: read every statutory cell once (sum of all 200 cells via direct property access): ${fmt(baseline.best)} reports/s (${us(baseline.best)} µs each; CPU time, best of ${ROUNDS}; median ${fmt(baseline.median)}/s; wall-clock median ${fmt(baseline.wallMedian)}/s)`,
);
console.log(
  `checkReport(busyReport): ${fmt(check.best)} reports/s (${us(check.best)} µs each; CPU time, best of ${ROUNDS}; median ${fmt(check.median)}/s; wall-clock median ${fmt(check.wallMedian)}/s; target ≥ ${fmt(TARGET)}/s)`,
);
console.log(`ratio: checkReport costs ${ratio.toFixed(1)}× the baseline`);
console.log(
  JSON.stringify({
    bench: 'checkReport',
    fixture: 'busyReport',
    clock: 'process CPU time',
    reportsPerSecond: Math.round(check.best),
    reportsPerSecondMedian: Math.round(check.median),
    wallClockReportsPerSecondMedian: Math.round(check.wallMedian),
    microsecondsPerReport: Number(us(check.best)),
    baseline: 'read every statutory cell once (sum of all 200 cells via direct property access)',
    baselineReportsPerSecond: Math.round(baseline.best),
    ratio: Number(ratio.toFixed(2)),
    target: TARGET,
    meetsTarget: check.best >= TARGET,
    rounds: ROUNDS,
    node: process.version,
    sink: sink > 0,
  }),
);
