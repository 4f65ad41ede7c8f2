import { defineConfig, mergeConfig } from 'vitest/config';

/**
 * The one vitest configuration every package extends (`packages/*\/vitest.config.ts`, apps/storybook).
 * Each package states only where it differs: its timeouts, its file patterns.
 */

/**
 * Workspace packages resolve to their TypeScript sources in tests (the `@nianbao/source` export condition),
 * so tests never depend on a stale build.
 */
export const sourceConditions = ['@nianbao/source', 'module', 'node', 'import', 'default'];

/** Every runner writes a JSON report that scripts/sum-test-results.mjs counts. */
export const reporting = {
  reporters: ['default', 'json'],
  outputFile: { json: '.test-results/vitest.json' },
};

const base = defineConfig({
  resolve: { conditions: sourceConditions },
  ssr: { resolve: { conditions: sourceConditions, externalConditions: sourceConditions } },
  test: {
    ...reporting,
    include: ['src/**/*.test.ts', 'src/**/*.test.tsx', 'test/**/*.test.ts', 'test/**/*.test.tsx'],
    // CI runs every package's suite at once on 2 cores; property tests, real renders and LibreOffice conversions
    // take seconds each there and must not fail on a slow machine.
    testTimeout: 60_000,
  },
});

/**
 * A package's config: the shared one with `overrides` merged in (`test.include`, when given, replaces the shared
 * patterns instead of adding to them).
 * @param {import('vitest/config').ViteUserConfig} [overrides]
 * @returns {import('vitest/config').ViteUserConfig}
 */
export function packageConfig(overrides = {}) {
  const merged = mergeConfig(base, overrides);
  if (overrides.test?.include) merged.test.include = [...overrides.test.include];
  return merged;
}
