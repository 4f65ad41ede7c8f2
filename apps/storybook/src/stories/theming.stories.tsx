import type { Meta, StoryObj } from '@storybook/react-vite';
import { expect, waitFor } from 'storybook/test';
import { ThemedExample, TokenTable } from '../support/docs-blocks.js';

const meta: Meta = {
  title: 'Docs/Theming 主题/Live tokens',
  tags: ['!autodocs'],
};
export default meta;
type Story = StoryObj;

/** The live token table lists every `--nb-*` token the stylesheet resolves, with its default. */
export const Tokens: Story = {
  name: '令牌表 Token table',
  render: () => <TokenTable />,
  play: async ({ canvasElement }) => {
    await waitFor(() => expect(canvasElement.querySelectorAll('tbody tr').length).toBeGreaterThanOrEqual(20));
    const text = canvasElement.textContent ?? '';
    for (const token of ['--nb-color-text', '--nb-color-error', '--nb-font-family', '--nb-space-1']) {
      expect(text).toContain(token);
    }
  },
};

/** Tokens set on an element that contains the table reach every cell of it. */
export const Themed: Story = {
  name: '覆盖令牌 Overridden tokens',
  render: () => <ThemedExample />,
  play: async ({ canvasElement }) => {
    const header = canvasElement.querySelector('thead th') as HTMLElement;
    expect(getComputedStyle(header).backgroundColor).toBe('rgb(232, 241, 251)');
    const cell = canvasElement.querySelector('td[data-cell]') as HTMLElement;
    expect(getComputedStyle(cell).borderTopColor).toBe('rgb(29, 79, 145)');
  },
};
