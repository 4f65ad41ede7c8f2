import { busyPreviousReport, busyReport, seedReport } from '@nianbao/model/fixtures';
import { ProactiveDisclosureTable } from '@nianbao/react';
import type { Meta, StoryObj } from '@storybook/react-vite';
import { expect } from 'storybook/test';
import { AllVariants as AllVariantsView, variantsOf } from '../support/all-variants.js';
import { failing } from '../support/reports.js';
import {
  blankStory,
  dataEntryStory,
  failingStory,
  forcedColorsStory,
  narrowStory,
  printStory,
  reportStory,
  uncertainStory,
  zoomStory,
} from '../support/table-stories.js';

const meta: Meta<typeof ProactiveDisclosureTable> = {
  title: '表二 ProactiveDisclosureTable',
  component: ProactiveDisclosureTable,
  argTypes: {
    t2: { control: 'object' },
    evaluations: { control: false },
    findings: { control: false },
    derived: { control: false },
  },
};
export default meta;
type Story = StoryObj<typeof ProactiveDisclosureTable>;

export const BlankTemplate: Story = blankStory('t2');
export const Seed: Story = reportStory('t2', seedReport, {}, '样例报告 Seed report');
export const Busy: Story = reportStory(
  't2',
  busyReport,
  { previous: busyPreviousReport },
  '大型机关 Busy report',
);
export const FailsCellType: Story = failingStory('t2', 'cell-type');
export const FailsCellBlank: Story = failingStory('t2', 'cell-blank');
export const FailsStockFlow: Story = failingStory('t2', 't2-stock-flow');
export const NullCells: Story = uncertainStory('t2');
export const DataEntry: Story = dataEntryStory('t2');
export const Narrow: Story = narrowStory('t2');
export const Print: Story = printStory('t2');
export const ForcedColours: Story = forcedColorsStory('t2', failing('cell-type').report);
export const Zoom200: Story = zoomStory('t2');
export const English: Story = {
  ...reportStory('t2', busyReport, { previous: busyPreviousReport }, 'English interface'),
  args: { ...Busy.args, locale: 'en' },
};

export const AllVariants: Story = {
  name: '全部状态 All variants',
  render: () => <AllVariantsView table="t2" />,
  play: async ({ canvasElement }) => {
    expect(canvasElement.querySelectorAll('table.nb-table--t2').length).toBe(variantsOf('t2').length);
  },
};
