import '@nianbao/react/styles.css';
import './preview.css';
import type { Decorator, Preview } from '@storybook/react-vite';
import type { ReactElement } from 'react';
import { create } from 'storybook/theming/create';
import { type EmulatedMedia, EmulateMedia, Viewport, Zoom } from '../src/support/emulate.js';
import { registerWebFonts } from '../src/support/fonts.js';

registerWebFonts();

/**
 * Story parameters that frame a story: `nbMedia` (print or forced colours), `nbZoom` (page zoom factor) and
 * `nbViewport` (CSS width of a narrow screen). They wrap the story in the same way in the UI and in tests.
 */
const frame: Decorator = (Story, context): ReactElement => {
  const { nbMedia, nbZoom, nbViewport } = context.parameters as {
    nbMedia?: EmulatedMedia;
    nbZoom?: number;
    nbViewport?: number;
  };
  let out: ReactElement = <Story />;
  if (nbMedia) out = <EmulateMedia media={nbMedia}>{out}</EmulateMedia>;
  if (nbZoom) out = <Zoom factor={nbZoom}>{out}</Zoom>;
  if (nbViewport) out = <Viewport width={nbViewport}>{out}</Viewport>;
  return out;
};

const preview: Preview = {
  decorators: [frame],
  parameters: {
    layout: 'padded',
    controls: { expanded: true },
    // Every story's test fails on any axe violation (WCAG 2.x A/AA and best practices).
    a11y: { test: 'error' },
    // Docs prose is half Chinese: fall back to the CJK faces the preview registers (machines without CJK fonts).
    docs: {
      toc: true,
      theme: create({
        base: 'light',
        fontBase: '"Nunito Sans", "Noto Serif SC", "Noto Sans SC", sans-serif',
      }),
    },
  },
  tags: ['autodocs'],
};

export default preview;
