import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { storybookTest } from '@storybook/addon-vitest/vitest-plugin';
import { playwright } from '@vitest/browser-playwright';
import { defineConfig, type ViteUserConfig } from 'vitest/config';
import { reporting, sourceConditions } from '../../vitest.shared.mjs';

/** Debian's Chromium (`apt-get install chromium`); tests never download a browser. */
const CHROMIUM = '/usr/bin/chromium';
// Never a skip: without Chromium the run fails at once with what to run.
if (!existsSync(CHROMIUM)) {
  throw new Error(
    `${CHROMIUM} is missing: the story and smoke tests need Debian's Chromium. Run ` +
      '`node scripts/setup-test-tools.mjs` from the repository root (as root it installs it; otherwise it ' +
      'prints the command to run).',
  );
}
// The stories run in Chromium: browser conditions, unlike every package's node tests (vitest.shared.mjs).
const conditions = ['@nianbao/source', 'module', 'browser', 'development|production'];
const configDir = fileURLToPath(new URL('./.storybook', import.meta.url));

const config: ViteUserConfig = defineConfig({
  test: {
    ...reporting,
    projects: [
      {
        // Every story is a test: it renders, its `play` function runs, and axe fails it on any violation.
        extends: true,
        plugins: [storybookTest({ configDir })],
        resolve: { conditions },
        // Found late, these would make Vite re-optimise and reload a test file mid-run.
        optimizeDeps: {
          include: [
            'storybook/theming/create',
            'pdfjs-dist',
            '@nianbao/pdf > @react-pdf/renderer',
            '@nianbao/docx > docx',
            'jszip',
          ],
        },
        test: {
          name: 'stories',
          // The smoke project runs after this one: both render PDFs, which is heavy on 2 cores.
          sequence: { groupOrder: 0 },
          // The PDF stories render three CJK fonts and several pages in the browser; leave room on 2 cores.
          testTimeout: 120_000,
          hookTimeout: 60_000,
          browser: {
            enabled: true,
            headless: true,
            provider: playwright({
              launchOptions: {
                executablePath: CHROMIUM,
                args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--no-first-run'],
              },
            }),
            instances: [{ browser: 'chromium' }],
            screenshotFailures: false,
          },
        },
      },
      {
        // The built static site (storybook-static), loaded in Chromium by playwright-core.
        extends: true,
        resolve: { conditions: sourceConditions },
        test: {
          name: 'smoke',
          sequence: { groupOrder: 1 },
          environment: 'node',
          include: ['test/**/*.test.ts'],
          testTimeout: 150_000,
          hookTimeout: 120_000,
        },
      },
    ],
  },
});

export default config;
