#!/usr/bin/env node
// `pnpm test`: provides the system tools the tests need (scripts/setup-test-tools.mjs), runs the tests of the
// repository's own scripts, then every package's test runner (turbo; extra arguments such as --continue go to
// turbo), and prints the summary line (scripts/sum-test-results.mjs). Exits non-zero when anything failed.
import { spawnSync } from 'node:child_process';
import { rmSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const repo = fileURLToPath(new URL('..', import.meta.url));
const run = (command, args) => {
  const result = spawnSync(command, args, { cwd: repo, stdio: 'inherit' });
  return result.status ?? 1;
};

if (run(process.execPath, ['scripts/setup-test-tools.mjs']) !== 0) process.exit(1);
// The repository's own reports (scripts, consumers) are never cached: start from none.
rmSync(new URL('../.test-results', import.meta.url), { recursive: true, force: true });
let status = run('pnpm', [
  'exec',
  'vitest',
  'run',
  '--config',
  'scripts/vitest.config.mjs',
  '--project',
  'scripts',
  '--outputFile.json=.test-results/scripts.json',
]);
status = run('pnpm', ['exec', 'turbo', 'run', 'test', '--concurrency=2', ...process.argv.slice(2)]) || status;
status = run(process.execPath, ['scripts/sum-test-results.mjs']) || status;
process.exit(status);
