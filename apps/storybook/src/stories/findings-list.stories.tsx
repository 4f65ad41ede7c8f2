import type { Finding, Report } from '@nianbao/model';
import { failingFixtures, seedReport } from '@nianbao/model/fixtures';
import { FindingsList } from '@nianbao/react';
import type { Meta, StoryObj } from '@storybook/react-vite';
import { expect, within } from 'storybook/test';
import { checked, combinedFailures, failing, optionsOf, withBlankCells } from '../support/reports.js';

const meta: Meta<typeof FindingsList> = {
  title: 'Findings list',
  component: FindingsList,
  argTypes: { findings: { control: false } },
};
export default meta;
type Story = StoryObj<typeof FindingsList>;

/** Every finding is one list item with its message in the chosen language, grouped under its table. */
function expectListShows(root: HTMLElement, findings: readonly Finding[], locale: 'zh' | 'en' = 'zh'): void {
  const items = root.querySelectorAll('li.nb-finding');
  expect(items.length).toBe(findings.length);
  findings.forEach((finding, index) => {
    const item = root.querySelector(`#nb-finding-${index}`);
    expect(item?.querySelector('.nb-finding-message')?.textContent).toBe(finding.message[locale]);
    if (finding.status === 'uncertain') expect(item?.textContent).toMatch(/无法判断|uncertain/);
    expect(item?.querySelectorAll('.nb-finding-cells li').length).toBe(finding.cells.length);
  });
}

function listStory(name: string, report: Report, findings = checked(report).findings): Story {
  return {
    name,
    args: { findings },
    play: async ({ canvasElement }) => expectListShows(canvasElement, findings),
  };
}

export const AllPass: Story = {
  ...listStory('全部通过 All pass', seedReport),
  play: async ({ canvasElement }) => {
    expect(within(canvasElement).getByText('未发现问题。')).toBeTruthy();
    expectListShows(canvasElement, []);
  },
};
export const OneFail: Story = listStory('一处不通过 One fail', failing('t4-group-total').report);
export const SeveralFailsInOneColumn: Story = listStory(
  '同一列多处不通过 Several fails in one column',
  combinedFailures(['t3-balance', 't3-results-total']),
);
export const Uncertain: Story = listStory('无法判断 Uncertain', withBlankCells('t3', 3));

/** One finding of every rule: each failing fixture's findings, in the order of RULES. */
const everyRule: Finding[] = failingFixtures.flatMap((fixture) =>
  checked(fixture.report, optionsOf(fixture)).findings.filter((f) => f.rule === fixture.rule),
);
export const EveryRule: Story = {
  ...listStory('每条规则 Every rule', seedReport, everyRule),
  play: async ({ canvasElement }) => {
    expectListShows(canvasElement, everyRule);
    for (const severity of ['错误', '警告', '提示']) {
      expect(
        within(canvasElement).getAllByRole('heading', { name: new RegExp(severity) }).length,
      ).toBeGreaterThan(0);
    }
  },
};
export const English: Story = {
  name: 'English',
  args: { findings: everyRule, locale: 'en' },
  play: async ({ canvasElement }) => expectListShows(canvasElement, everyRule, 'en'),
};
