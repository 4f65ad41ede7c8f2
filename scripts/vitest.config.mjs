import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

// Tests of the repository's own scripts (project `scripts`, run by `pnpm test`) and the check of the packed
// packages in projects outside the workspace (project `consumers`, run by .ci/run and `pnpm test:consumers`).
// Reports go to the repository's .test-results/, which scripts/sum-test-results.mjs counts with the packages'.
export default defineConfig({
  test: {
    root: fileURLToPath(new URL('..', import.meta.url)),
    reporters: ['default', 'json'],
    // Each run names its report: --outputFile.json=.test-results/<project>.json
    projects: [
      {
        extends: true,
        test: {
          name: 'scripts',
          include: ['scripts/test/**/*.test.mjs'],
        },
      },
      {
        extends: true,
        test: {
          name: 'consumers',
          include: ['scripts/consumers/**/*.test.mjs'],
          testTimeout: 300_000,
          hookTimeout: 900_000,
          fileParallelism: false,
        },
      },
    ],
  },
});
