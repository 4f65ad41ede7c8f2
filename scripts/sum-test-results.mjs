#!/usr/bin/env node
// Sums the JSON reports every test runner wrote under <workspace package>/.test-results/ (and the repository's own
// .test-results/: tests of these scripts, the consumer check) and ends with one line "N passed, M failed" (", K
// skipped" added when any test skipped), after a line that always gives the skipped count.
// A package that has a test script but left no report counts as one failure, so a runner that crashed before
// reporting cannot pass silently. A skipped (or todo) test is a failure of the run unless .ci/allowed-skips.json
// lists its file and full name with a reason: nothing skips for want of a tool.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';

const SKIPPED = new Set(['pending', 'skipped', 'todo']);

/** The skips allowed on purpose: `{ skips: [{ file, name, reason }] }`, file relative to the repository root. */
export function readAllowedSkips(file) {
  if (!existsSync(file)) return [];
  const list = JSON.parse(readFileSync(file, 'utf8')).skips;
  if (!Array.isArray(list)) throw new Error(`${file}: expected { "skips": [{ file, name, reason }] }`);
  for (const entry of list) {
    if (typeof entry?.file !== 'string' || typeof entry?.name !== 'string' || !entry?.reason?.trim?.()) {
      throw new Error(
        `${file}: every entry needs file, name and a non-empty reason: ${JSON.stringify(entry)}`,
      );
    }
  }
  return list;
}

/** Reads every report under `repo` and returns the counts and what went wrong. */
export function sumTestResults(repo = '.', allowedFile = join(repo, '.ci/allowed-skips.json')) {
  const allowed = readAllowedSkips(allowedFile);
  const isAllowed = (file, name) => allowed.some((a) => a.file === file && a.name === name);
  let passed = 0;
  let failed = 0;
  let skipped = 0;
  let unexplained = 0;
  const problems = [];

  const dirs = [{ dir: repo, name: '(repository)', needsReport: false }];
  for (const root of ['packages', 'apps']) {
    const base = join(repo, root);
    if (!existsSync(base)) continue;
    for (const name of readdirSync(base).sort()) {
      const dir = join(base, name);
      const manifest = join(dir, 'package.json');
      if (!existsSync(manifest)) continue;
      const pkg = JSON.parse(readFileSync(manifest, 'utf8'));
      if (pkg.scripts?.test) dirs.push({ dir, name: pkg.name, needsReport: true });
    }
  }

  for (const { dir, name, needsReport } of dirs) {
    const results = join(dir, '.test-results');
    const files = existsSync(results) ? readdirSync(results).filter((f) => f.endsWith('.json')) : [];
    if (files.length === 0 && needsReport) {
      failed += 1;
      problems.push(`${name}: no test report in ${results}`);
      continue;
    }
    for (const file of files.sort()) {
      const report = JSON.parse(readFileSync(join(results, file), 'utf8'));
      passed += report.numPassedTests ?? 0;
      failed += report.numFailedTests ?? 0;
      skipped += (report.numPendingTests ?? 0) + (report.numTodoTests ?? 0);
      for (const suite of report.testResults ?? []) {
        const suiteFile = relative(repo, resolve(dir, suite.name ?? ''));
        // A suite that failed to load has no failed tests but is a failure all the same; so is one whose hook
        // failed (beforeAll, e.g. a browser that would not start), and vitest reports its tests as skipped:
        // they count as failed, not skipped.
        const suiteFailed = suite.status === 'failed';
        const tests = suite.assertionResults ?? [];
        if (suiteFailed && !tests.some((t) => t.status === 'failed')) {
          const notRun = tests.filter((t) => SKIPPED.has(t.status)).length;
          failed += Math.max(notRun, 1);
          skipped -= notRun;
          problems.push(
            `${name}: suite failed to run${notRun ? ` (${notRun} tests not run)` : ''}: ${suiteFile}` +
              (suite.message ? ` (${suite.message})` : ''),
          );
          continue;
        }
        for (const test of tests) {
          if (!SKIPPED.has(test.status)) continue;
          if (!isAllowed(suiteFile, test.fullName)) {
            unexplained += 1;
            problems.push(
              `${name}: skipped without a reason in .ci/allowed-skips.json: ${suiteFile} › ${test.fullName}`,
            );
          }
        }
      }
    }
  }
  return { passed, failed, skipped, unexplained, problems };
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const { passed, failed, skipped, unexplained, problems } = sumTestResults();
  for (const problem of problems) console.error(problem);
  const allowedCount = skipped - unexplained;
  console.log(
    `${skipped} skipped${allowedCount ? ` (${allowedCount} on purpose, see .ci/allowed-skips.json)` : ''}`,
  );
  console.log(`${passed} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ''}`);
  process.exit(failed > 0 || unexplained > 0 ? 1 : 0);
}
