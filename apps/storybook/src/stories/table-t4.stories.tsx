import { busyReport, seedReport } from '@nianbao/model/fixtures';
import { ReviewLitigationTable } from '@nianbao/react';
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

const meta: Meta<typeof ReviewLitigationTable> = {
  title: '表四 ReviewLitigationTable',
  component: ReviewLitigationTable,
  argTypes: {
    t4: { control: 'object' },
    evaluations: { control: false },
    findings: { control: false },
    derived: { control: false },
  },
};
export default meta;
type Story = StoryObj<typeof ReviewLitigationTable>;

export const BlankTemplate: Story = blankStory('t4');
export const Seed: Story = reportStory('t4', seedReport, {}, '样例报告 Seed report');
export const Busy: Story = reportStory('t4', busyReport, {}, '大型机关 Busy report');
export const FailsGroupTotal: Story = failingStory('t4', 't4-group-total');
export const FailsNarrativeReviewLitigation: Story = failingStory('t4', 'narrative-review-litigation');
export const NullCells: Story = uncertainStory('t4');
export const DataEntry: Story = dataEntryStory('t4');
export const Narrow: Story = narrowStory('t4');
export const Print: Story = printStory('t4');
export const ForcedColours: Story = forcedColorsStory('t4', failing('t4-group-total').report);
export const Zoom200: Story = zoomStory('t4');
export const English: Story = {
  ...reportStory('t4', busyReport, {}, 'English interface'),
  args: { ...Busy.args, locale: 'en' },
};

export const AllVariants: Story = {
  name: '全部状态 All variants',
  render: () => <AllVariantsView table="t4" />,
  play: async ({ canvasElement }) => {
    expect(canvasElement.querySelectorAll('table.nb-table--t4').length).toBe(variantsOf('t4').length);
  },
};
