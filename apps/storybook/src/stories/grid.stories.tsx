import type { TableLayout } from '@nianbao/model';
import { StatutoryTable } from '@nianbao/react';
import type { Meta, StoryObj } from '@storybook/react-vite';
import { expect } from 'storybook/test';
import { expectScrollsWhole } from '../support/assertions.js';
import { GRID_LAYOUTS, positionValues } from '../support/grid-specs.js';

const meta: Meta<typeof StatutoryTable> = {
  title: 'Grid StatutoryTable',
  component: StatutoryTable,
  argTypes: { layout: { control: false }, values: { control: false } },
};
export default meta;
type Story = StoryObj<typeof StatutoryTable>;

function layoutNamed(name: string): TableLayout {
  const layout = GRID_LAYOUTS[name];
  if (!layout) throw new Error(`no grid spec ${name}`);
  return layout;
}

/**
 * The grid matches its layout: one `<th>` per labelled header with the layout's spans and scope, every data cell
 * in place with its `headers` naming existing header cells, and no empty header cell.
 */
function expectGridOf(root: HTMLElement, layout: TableLayout): HTMLTableElement {
  const table = root.querySelector('table') as HTMLTableElement;
  expect(table.caption?.textContent).toBe(layout.caption);
  for (const cell of layout.cellsById.values()) {
    const element = root.querySelector<HTMLTableCellElement>(`#${CSS.escape(`nb-${cell.id}`)}`);
    expect(element, cell.id).not.toBeNull();
    expect(element?.colSpan).toBe(cell.colSpan);
    expect(element?.rowSpan).toBe(cell.rowSpan);
    if (cell.kind === 'column-header' || cell.kind === 'row-header') {
      expect(element?.tagName).toBe('TH');
      expect(element?.getAttribute('scope')).toBe(cell.scope);
      expect(element?.textContent).toBe(cell.label);
    }
    for (const id of element?.getAttribute('headers')?.split(' ') ?? []) {
      expect(root.querySelector(`#${CSS.escape(id)}`)?.textContent, id).not.toBe('');
    }
  }
  // Reading order is the layout's: the position numbers appear 1, 2, 3… in document order.
  const numbers = Array.from(table.querySelectorAll('td[data-cell]')).map((td) => Number(td.textContent));
  expect(numbers).toEqual(layout.dataCells.map((_, i) => i + 1));
  // Every grid row tiles the full width.
  const rows = Array.from(table.querySelectorAll('thead tr, tbody tr'));
  expect(rows.length).toBe(layout.rowCount);
  return table;
}

function gridStory(name: string, title: string): Story {
  const layout = layoutNamed(name);
  return {
    name: title,
    args: { layout, values: positionValues(layout) },
    play: async ({ canvasElement }) => {
      expectGridOf(canvasElement, layout);
    },
  };
}

export const TwoLevelHeaders: Story = gridStory('TWO_LEVEL', '两级表头 Two-level header');
export const ThreeLevelHeaders: Story = gridStory('THREE_LEVEL', '三级表头 Three-level header');
export const UnevenTree: Story = {
  ...gridStory('UNEVEN', '不等深表头 Uneven tree'),
  play: async ({ canvasElement }) => {
    const layout = layoutNamed('UNEVEN');
    expectGridOf(canvasElement, layout);
    // The shallow leaf (合计) reaches down through all three header rows; no empty placeholder header.
    const shallow = [...layout.cellsById.values()].find(
      (c) => c.kind === 'column-header' && c.label === '合计',
    );
    expect(shallow?.rowSpan).toBe(3);
    expect(canvasElement.querySelectorAll('thead th:empty, thead td:empty').length).toBe(0);
  },
};
export const NestedRowGroups: Story = {
  ...gridStory('NESTED_ROWS', '两层嵌套行组 Row groups nested two deep'),
  play: async ({ canvasElement }) => {
    const layout = layoutNamed('NESTED_ROWS');
    expectGridOf(canvasElement, layout);
    expect(layout.labelColumns).toBe(3);
    expect(canvasElement.querySelectorAll('th[scope="rowgroup"]').length).toBeGreaterThanOrEqual(3);
  },
};
export const VeryWide: Story = {
  ...gridStory('WIDE', '超宽表格 Very wide table'),
  parameters: { nbViewport: 720 },
  play: async ({ canvasElement }) => {
    const table = expectGridOf(canvasElement, layoutNamed('WIDE'));
    await expectScrollsWhole(table);
  },
};
export const LongLabels: Story = {
  ...gridStory('LONG_LABELS', '长标签换行 Long wrapping labels'),
  parameters: { nbViewport: 640 },
  play: async ({ canvasElement }) => {
    const table = expectGridOf(canvasElement, layoutNamed('LONG_LABELS'));
    // Long labels wrap inside their cells instead of widening the table past its container.
    const header = table.querySelector('thead th') as HTMLElement;
    const lineHeight = Number.parseFloat(getComputedStyle(header).lineHeight);
    expect(header.getBoundingClientRect().height).toBeGreaterThan(lineHeight * 1.5);
    const scroller = table.closest('.nb-table-scroll') as HTMLElement;
    expect(scroller.scrollWidth).toBeLessThanOrEqual(scroller.clientWidth + 1);
  },
};
