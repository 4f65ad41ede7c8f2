import { busyReport, seedReport } from '@nianbao/model/fixtures';
import { ApplicationsTable } from '@nianbao/react';
import type { Meta, StoryObj } from '@storybook/react-vite';
import { expect } from 'storybook/test';
import { AllVariants as AllVariantsView, variantsOf } from '../support/all-variants.js';
import { combinedFailures } from '../support/reports.js';
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

const meta: Meta<typeof ApplicationsTable> = {
  title: '表三 ApplicationsTable',
  component: ApplicationsTable,
  argTypes: {
    t3: { control: 'object' },
    evaluations: { control: false },
    findings: { control: false },
    derived: { control: false },
  },
};
export default meta;
type Story = StoryObj<typeof ApplicationsTable>;

export const BlankTemplate: Story = blankStory('t3');
export const Seed: Story = reportStory('t3', seedReport, {}, '样例报告 Seed report');
export const Busy: Story = reportStory('t3', busyReport, {}, '大型机关 Busy report');
export const FailsBalance: Story = failingStory('t3', 't3-balance');
export const FailsResultsTotal: Story = failingStory('t3', 't3-results-total');
export const FailsRowTotal: Story = failingStory('t3', 't3-row-total');
export const FailsCarryoverContinuity: Story = failingStory('t3', 'carryover-continuity');
export const NullCells: Story = uncertainStory('t3');
export const DataEntry: Story = dataEntryStory('t3');
export const Narrow: Story = narrowStory('t3');
export const Print: Story = printStory('t3');
export const ForcedColours: Story = forcedColorsStory(
  't3',
  combinedFailures(['t3-balance', 't3-results-total']),
);
export const Zoom200: Story = zoomStory('t3');
export const English: Story = {
  ...reportStory('t3', busyReport, {}, 'English interface'),
  args: { ...Busy.args, locale: 'en' },
};

export const AllVariants: Story = {
  name: '全部状态 All variants',
  render: () => <AllVariantsView table="t3" />,
  play: async ({ canvasElement }) => {
    expect(canvasElement.querySelectorAll('table.nb-table--t3').length).toBe(variantsOf('t3').length);
  },
};
