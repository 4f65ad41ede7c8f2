import { fileURLToPath } from 'node:url';
import type { StorybookConfig } from '@storybook/react-vite';
import { mergeConfig } from 'vite';
import { cliCommandsPlugin } from './cli-commands.js';

/*
 * Workspace packages resolve to their TypeScript sources (the `@nianbao/source` export condition), so stories
 * always show the code in the tree and never a stale build.
 */
const conditions = ['@nianbao/source', 'module', 'browser', 'development|production'];

const config: StorybookConfig = {
  stories: ['../src/docs/*.mdx', '../src/stories/*.stories.tsx'],
  addons: ['@storybook/addon-docs', '@storybook/addon-a11y', '@storybook/addon-vitest'],
  framework: { name: '@storybook/react-vite', options: {} },
  core: { disableTelemetry: true, disableWhatsNewNotifications: true },
  typescript: {
    // Props tables come from the components' JSDoc in @nianbao/react's sources (tsconfig.docgen.json lists them).
    reactDocgen: 'react-docgen-typescript',
    reactDocgenTypescriptOptions: {
      include: [fileURLToPath(new URL('../../../packages/react/src/**/*.tsx', import.meta.url))],
      tsconfigPath: fileURLToPath(new URL('../tsconfig.docgen.json', import.meta.url)),
      shouldExtractLiteralValuesFromEnum: true,
      propFilter: (prop) => !prop.parent?.fileName.includes('node_modules'),
    },
  },
  viteFinal: (vite) =>
    mergeConfig(vite, {
      plugins: [cliCommandsPlugin()],
      resolve: { conditions },
      // The default CJK fonts are 10–15 MB each; they are served as files, never inlined.
      build: { chunkSizeWarningLimit: 4096, assetsInlineLimit: 0 },
    }),
};

export default config;
