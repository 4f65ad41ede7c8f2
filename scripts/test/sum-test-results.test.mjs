import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { sumTestResults } from '../sum-test-results.mjs';

let repo;
const write = (path, value) => {
  mkdirSync(join(repo, path, '..'), { recursive: true });
  writeFileSync(join(repo, path), typeof value === 'string' ? value : JSON.stringify(value));
};
const pkg = (name, test = 'vitest run') =>
  write(`packages/${name}/package.json`, { name: `@x/${name}`, scripts: { test } });
const report = (name, tests) => {
  const file = join(repo, 'packages', name, 'src/a.test.ts');
  write(`packages/${name}/.test-results/vitest.json`, {
    numPassedTests: tests.filter((t) => t.status === 'passed').length,
    numFailedTests: tests.filter((t) => t.status === 'failed').length,
    numPendingTests: tests.filter((t) => t.status === 'pending').length,
    testResults: [{ name: file, status: 'passed', assertionResults: tests }],
  });
};

beforeEach(() => {
  repo = mkdtempSync(join(tmpdir(), 'nianbao-sum-'));
});
afterEach(() => rmSync(repo, { recursive: true, force: true }));

describe('sum-test-results', () => {
  it('sums passed and failed tests of every package', () => {
    pkg('a');
    pkg('b');
    report('a', [{ fullName: 'x one', status: 'passed' }]);
    report('b', [
      { fullName: 'y one', status: 'passed' },
      { fullName: 'y two', status: 'failed' },
    ]);
    expect(sumTestResults(repo)).toMatchObject({ passed: 2, failed: 1, skipped: 0, unexplained: 0 });
  });

  it('counts a package with a test script but no report as a failure', () => {
    pkg('a');
    const result = sumTestResults(repo);
    expect(result.failed).toBe(1);
    expect(result.problems[0]).toContain('@x/a: no test report');
  });

  it('a skipped test not listed in allowed-skips fails the run', () => {
    pkg('a');
    report('a', [
      { fullName: 'x one', status: 'passed' },
      { fullName: 'x needs a tool', status: 'pending' },
    ]);
    const result = sumTestResults(repo);
    expect(result).toMatchObject({ passed: 1, failed: 0, skipped: 1, unexplained: 1 });
    expect(result.problems).toEqual([
      '@x/a: skipped without a reason in .ci/allowed-skips.json: packages/a/src/a.test.ts › x needs a tool',
    ]);
  });

  it('a skip listed with its file, full name and reason is allowed', () => {
    pkg('a');
    report('a', [{ fullName: 'x on purpose', status: 'pending' }]);
    write('.ci/allowed-skips.json', {
      skips: [{ file: 'packages/a/src/a.test.ts', name: 'x on purpose', reason: 'documented' }],
    });
    expect(sumTestResults(repo)).toMatchObject({ skipped: 1, unexplained: 0, problems: [] });
  });

  it('refuses an allowed skip without a reason', () => {
    write('.ci/allowed-skips.json', { skips: [{ file: 'a', name: 'b', reason: ' ' }] });
    expect(() => sumTestResults(repo)).toThrow(/non-empty reason/);
  });

  it('counts the repository reports too, and a suite that failed to load', () => {
    write('.test-results/consumers.json', {
      numPassedTests: 3,
      numFailedTests: 0,
      testResults: [
        { name: join(repo, 'scripts/consumers/x.test.mjs'), status: 'failed', assertionResults: [] },
      ],
    });
    const result = sumTestResults(repo);
    expect(result).toMatchObject({ passed: 3, failed: 1 });
    expect(result.problems[0]).toContain('suite failed to run: scripts/consumers/x.test.mjs');
  });

  it('tests not run because a hook failed (vitest marks them skipped) count as failed', () => {
    pkg('a');
    write('packages/a/.test-results/vitest.json', {
      numPassedTests: 0,
      numFailedTests: 0,
      numPendingTests: 2,
      testResults: [
        {
          name: join(repo, 'packages/a/test/browser.test.ts'),
          status: 'failed',
          message: '',
          assertionResults: [
            { fullName: 'b one', status: 'skipped' },
            { fullName: 'b two', status: 'skipped' },
          ],
        },
      ],
    });
    const result = sumTestResults(repo);
    expect(result).toMatchObject({ passed: 0, failed: 2, skipped: 0, unexplained: 0 });
    expect(result.problems).toEqual([
      '@x/a: suite failed to run (2 tests not run): packages/a/test/browser.test.ts',
    ]);
  });
});
