#!/usr/bin/env node
// Sums the JSON reports every test runner wrote under <workspace package>/.test-results/ and prints
// one line "N passed, M failed[, K skipped]". A package that has a test script but left no report
// counts as one failure, so a runner that crashed before reporting cannot pass silently.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

const roots = ['packages', 'apps'];
let passed = 0;
let failed = 0;
let skipped = 0;
const problems = [];

for (const root of roots) {
  if (!existsSync(root)) continue;
  for (const name of readdirSync(root)) {
    const dir = join(root, name);
    const manifest = join(dir, 'package.json');
    if (!existsSync(manifest)) continue;
    const pkg = JSON.parse(readFileSync(manifest, 'utf8'));
    if (!pkg.scripts?.test) continue;
    const results = join(dir, '.test-results');
    const files = existsSync(results) ? readdirSync(results).filter((f) => f.endsWith('.json')) : [];
    if (files.length === 0) {
      failed += 1;
      problems.push(`${pkg.name}: no test report in ${results}`);
      continue;
    }
    for (const file of files) {
      const report = JSON.parse(readFileSync(join(results, file), 'utf8'));
      passed += report.numPassedTests ?? 0;
      failed += report.numFailedTests ?? 0;
      skipped += (report.numPendingTests ?? 0) + (report.numTodoTests ?? 0);
      // A suite that failed to load has no failed tests but is a failure all the same.
      const broken = (report.testResults ?? []).filter(
        (s) => s.status === 'failed' && s.assertionResults?.length === 0,
      );
      failed += broken.length;
      for (const suite of broken) problems.push(`${pkg.name}: suite failed to run: ${suite.name}`);
    }
  }
}

for (const problem of problems) console.error(problem);
console.log(`${passed} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ''}`);
process.exit(failed > 0 ? 1 : 0);
