import {
  type CheckOptions,
  NARRATIVE_HEADINGS,
  type Report,
  reportTitle,
  statutoryLayout,
} from '@nianbao/model';
import { busyPreviousReport, busyReport, seedReport } from '@nianbao/model/fixtures';
import { AnnualReport } from '@nianbao/react';
import type { Meta, StoryObj } from '@storybook/react-vite';
import { expect, within } from 'storybook/test';
import { expectFooterShows, expectIssuesMarked, tableOf } from '../support/assertions.js';
import { checked, failing, optionsOf } from '../support/reports.js';

const meta: Meta<typeof AnnualReport> = {
  title: 'Whole report AnnualReport',
  component: AnnualReport,
  argTypes: { report: { control: 'object' }, findings: { control: false }, evaluations: { control: false } },
};
export default meta;
type Story = StoryObj<typeof AnnualReport>;

/** Title, the parts in statutory order, the three tables with the model's footers and marks, the findings. */
async function expectReport(root: HTMLElement, report: Report, options: CheckOptions): Promise<void> {
  const { evaluations, findings } = checked(report, options);
  const view = within(root);
  expect(view.getByRole('heading', { level: 1 }).textContent).toBe(reportTitle(report.meta));
  const headings = view.getAllByRole('heading', { level: 2 }).map((h) => h.textContent);
  const expected = [
    NARRATIVE_HEADINGS.overview,
    statutoryLayout('t2').caption,
    statutoryLayout('t3').caption,
    statutoryLayout('t4').caption,
    NARRATIVE_HEADINGS.problems,
    NARRATIVE_HEADINGS.other,
  ];
  expect(headings.slice(0, expected.length)).toEqual(expected);
  for (const id of ['t2', 't3', 't4'] as const) {
    const table = tableOf(root, id);
    expectFooterShows(table, statutoryLayout(id), evaluations);
    expectIssuesMarked(table, evaluations, id);
  }
  expect(root.querySelectorAll('li.nb-finding').length).toBe(findings.length);
}

function reportStory(name: string, report: Report, options: CheckOptions = {}): Story {
  const { evaluations, findings } = checked(report, options);
  return {
    name,
    args: { report, evaluations, findings, showFindings: true, checks: true },
    play: async ({ canvasElement }) => expectReport(canvasElement, report, options),
  };
}

/** What is published: the statute's content only — no footer rows, no marks, no findings. */
export const Published: Story = {
  name: '发布版 Published (statute only)',
  args: { report: busyReport },
  play: async ({ canvasElement }) => {
    for (const id of ['t2', 't3', 't4'] as const) expect(tableOf(canvasElement, id).tFoot).toBeNull();
    expect(canvasElement.querySelector('.nb-flag, .nb-check, [aria-invalid]')).toBeNull();
    expect(canvasElement.querySelector('li.nb-finding')).toBeNull();
  },
};

/** Review pages (`checks`): the model's footers and marks, and the findings. */
export const Seed: Story = reportStory('样例报告 Seed report', seedReport);
export const Busy: Story = reportStory('大型机关 Busy report', busyReport, { previous: busyPreviousReport });
export const FailsBalance: Story = reportStory(
  '不通过：表三勾稽 Fails t3-balance',
  failing('t3-balance').report,
  optionsOf(failing('t3-balance')),
);
export const FailsNarrative: Story = reportStory(
  '不通过：正文与表格不符 Fails narrative-received',
  failing('narrative-received').report,
  optionsOf(failing('narrative-received')),
);
export const FailsGroupTotal: Story = reportStory(
  '不通过：表四总计 Fails t4-group-total',
  failing('t4-group-total').report,
  optionsOf(failing('t4-group-total')),
);
export const English: Story = {
  ...reportStory('English interface', busyReport),
  args: { ...reportStory('', busyReport).args, locale: 'en' },
  play: async ({ canvasElement }) => {
    expect(within(canvasElement).getByRole('heading', { name: 'Findings' })).toBeTruthy();
  },
};
