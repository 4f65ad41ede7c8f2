// Fuzzing at scale: the fuzz tests of src/fuzz.test.ts with FUZZ_RUNS=100000: 100,000 generated
// inputs and 1,000 each of mutated HTML and mutated pdftotext output (override with FUZZ_RUNS).
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const runs = process.env.FUZZ_RUNS ?? '100000';
const cwd = fileURLToPath(new URL('..', import.meta.url));
const started = performance.now();
const result = spawnSync('npx', ['vitest', 'run', 'src/fuzz.test.ts', '--testTimeout=0'], {
  cwd,
  stdio: 'inherit',
  env: { ...process.env, FUZZ_RUNS: runs },
});
const seconds = ((performance.now() - started) / 1000).toFixed(0);
console.log(
  JSON.stringify({
    bench: 'fuzz',
    parser: 'importReport',
    runsPerProperty: Number(runs),
    seconds,
    ok: result.status === 0,
  }),
);
process.exit(result.status ?? 1);
