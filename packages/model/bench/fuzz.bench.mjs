// Fuzzing at scale: src/schema/fuzz.test.ts with FUZZ_RUNS=50000, i.e. 50,000 generated texts, 30,000
// mutated reports and 20,000 reports with a random value: 100,000 inputs (override with FUZZ_RUNS).
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const runs = process.env.FUZZ_RUNS ?? '50000';
const cwd = fileURLToPath(new URL('..', import.meta.url));
const started = performance.now();
const result = spawnSync('npx', ['vitest', 'run', 'src/schema/fuzz.test.ts', '--testTimeout=0'], {
  cwd,
  stdio: 'inherit',
  env: { ...process.env, FUZZ_RUNS: runs },
});
const seconds = ((performance.now() - started) / 1000).toFixed(0);
console.log(
  JSON.stringify({
    bench: 'fuzz',
    parser: 'parseReportJson',
    runsPerProperty: Number(runs),
    seconds,
    ok: result.status === 0,
  }),
);
process.exit(result.status ?? 1);
