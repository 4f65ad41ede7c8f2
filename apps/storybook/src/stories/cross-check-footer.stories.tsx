import { type Evaluation, type Report, statutoryLayout, type TableId } from '@nianbao/model';
import { seedReport } from '@nianbao/model/fixtures';
import { CrossCheckFooter, type CrossCheckFooterProps } from '@nianbao/react';
import type { Meta, StoryObj } from '@storybook/react-vite';
import type { ReactElement } from 'react';
import { expect } from 'storybook/test';
import { expectFooterShows } from '../support/assertions.js';
import { checked, combinedFailures, failing, withBlankCells } from '../support/reports.js';

/** The footer in a table of its own, as `<StatutoryTable evaluations>` puts it in the `<tfoot>`. */
function FooterAlone(props: CrossCheckFooterProps): ReactElement {
  return (
    <div className="nb-report nb-table-scroll">
      <table className={`nb-table nb-table--${props.layout.id}`}>
        <caption className="nb-caption">{props.layout.caption}（勾稽校验）</caption>
        <tfoot>
          <CrossCheckFooter {...props} />
        </tfoot>
      </table>
    </div>
  );
}

const meta: Meta<typeof CrossCheckFooter> = {
  title: 'Cross-check footer',
  component: CrossCheckFooter,
  render: (args) => <FooterAlone {...args} />,
  argTypes: { layout: { control: false }, evaluations: { control: false } },
};
export default meta;
type Story = StoryObj<typeof CrossCheckFooter>;

function footerStory(
  name: string,
  table: TableId,
  report: Report,
  check?: (root: HTMLElement, evaluations: readonly Evaluation[]) => void,
): Story {
  const layout = statutoryLayout(table);
  const { evaluations } = checked(report);
  return {
    name,
    args: { layout, evaluations },
    play: async ({ canvasElement }) => {
      const element = canvasElement.querySelector('table') as HTMLTableElement;
      expectFooterShows(element, layout, evaluations);
      check?.(canvasElement, evaluations);
    },
  };
}

export const AllPass: Story = footerStory('全部通过 All pass', 't3', seedReport, (root) => {
  expect(root.querySelectorAll('.nb-check--fail, .nb-check--uncertain').length).toBe(0);
  expect(root.querySelectorAll('.nb-check--pass').length).toBeGreaterThan(0);
});

export const OneFail: Story = footerStory(
  '一处不通过 One fail',
  't4',
  failing('t4-group-total').report,
  (root) => {
    expect(root.querySelectorAll('.nb-check--fail').length).toBe(1);
    // The failing check is a glyph and a word, never colour alone.
    const fail = root.querySelector('.nb-check--fail') as HTMLElement;
    expect(fail.textContent).toContain('✗');
    expect(fail.textContent).toContain('不通过');
  },
);

export const SeveralFailsInOneColumn: Story = footerStory(
  '同一列多处不通过 Several fails in one column',
  't3',
  combinedFailures(['t3-balance', 't3-results-total']),
  (root, evaluations) => {
    const column = 'naturalPerson';
    const failingHere = evaluations.filter((e) => e.status === 'fail' && e.column === column && e.sides);
    expect(failingHere.length).toBeGreaterThanOrEqual(2);
    // Both rules' footer rows show a ✗ under the 自然人 column.
    const ruleRows = new Set(failingHere.map((e) => e.rule));
    for (const rule of ruleRows) {
      const row = root.querySelector(`#nb-t3-check-${rule}`)?.closest('tr');
      expect(row?.querySelector('.nb-check--fail'), rule).not.toBeNull();
    }
  },
);

export const RowChecksFail: Story = footerStory(
  '行校验不通过（汇总） Row checks fail (summary)',
  't3',
  failing('t3-row-total').report,
  (root) => {
    const links = root.querySelectorAll('.nb-check-list a');
    expect(links.length).toBeGreaterThan(0);
  },
);

export const Uncertain: Story = footerStory('无法判断 Uncertain', 't3', withBlankCells('t3', 3), (root) => {
  const uncertain = root.querySelectorAll('.nb-check--uncertain');
  expect(uncertain.length).toBeGreaterThan(0);
  expect(uncertain[0]?.textContent).toContain('？');
  expect(uncertain[0]?.textContent).toContain('无法判断');
});

export const English: Story = {
  ...footerStory('English', 't4', failing('t4-group-total').report),
  args: {
    layout: statutoryLayout('t4'),
    evaluations: checked(failing('t4-group-total').report).evaluations,
    locale: 'en',
  },
};
