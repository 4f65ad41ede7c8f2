import {
  type CellAddress,
  type CheckOptions,
  formatCellValue,
  type Report,
  readCell,
  statutoryLayout,
  type TableId,
} from '@nianbao/model';
import { blankReport, busyPreviousReport, busyReport } from '@nianbao/model/fixtures';
import { crossCheckRows, enterCells } from '@nianbao/react';
import type { ReactElement } from 'react';
import { expect, userEvent, waitFor, within } from 'storybook/test';
import {
  expectFooterShows,
  expectIssuesMarked,
  expectPlacement,
  expectScrollsWhole,
  tableOf,
} from './assertions.js';
import { DataEntry } from './entry.js';
import { type Checked, checked, failing, optionsOf, withBlankCells } from './reports.js';

/*
 * Story builders shared by 表二, 表三 and 表四: each takes the table id and returns args, a play function or a
 * whole story, so the three story files list the same states the same way.
 */

/** The args of a statutory table component showing one report: its table and the model's checks. */
export type ReportArgs<K extends TableId> = Pick<Report, K> & Checked;

/** What a story builder returns: args for the table component and a play function. */
export interface TableStory<K extends TableId> {
  name?: string;
  args: ReportArgs<K>;
  parameters?: Record<string, unknown>;
  play: (context: { canvasElement: HTMLElement }) => Promise<void>;
}

/** The table `table` of `report` with the model's evaluations (so the footer is drawn). */
export function reportArgs<K extends TableId>(
  table: K,
  report: Report,
  options: CheckOptions = {},
): ReportArgs<K> {
  return { [table]: report[table], ...checked(report, options) } as ReportArgs<K>;
}

/** The cells show the report's numbers (formatted by the package), blanks say 空白, and the footer is the model's. */
export function expectShowsReport(
  root: HTMLElement,
  table: TableId,
  report: Report,
  options: CheckOptions = {},
): void {
  const layout = statutoryLayout(table);
  const element = tableOf(root, table);
  const { evaluations } = checked(report, options);
  for (const cell of layout.dataCells) {
    const address = cell.address as CellAddress;
    const td = element.querySelector(`td[data-cell="${CSS.escape(address)}"]`);
    const value = readCell(report, address) ?? null;
    const text = td?.textContent ?? '';
    if (value === null) expect(text, address).toMatch(/^空白/);
    else expect(text.startsWith(formatCellValue(value)), `${address} shows ${value}, got ${text}`).toBe(true);
  }
  expectFooterShows(element, layout, evaluations);
  expectIssuesMarked(element, evaluations, table);
  expectPlacement(element, report);
}

/** A story of one report. */
export function reportStory<K extends TableId>(
  table: K,
  report: Report,
  options: CheckOptions = {},
  name?: string,
): TableStory<K> {
  return {
    ...(name ? { name } : {}),
    args: reportArgs(table, report, options),
    play: async ({ canvasElement }) => expectShowsReport(canvasElement, table, report, options),
  };
}

/** The blank template: every cell 0 (blankReport), all checks passing. */
export function blankStory<K extends TableId>(table: K): TableStory<K> {
  const report = blankReport({ year: busyReport.meta.year });
  return {
    name: '空白模板 Blank template',
    args: reportArgs(table, report),
    play: async ({ canvasElement }) => {
      expectShowsReport(canvasElement, table, report);
      const element = tableOf(canvasElement, table);
      expect(element.querySelector('.nb-check--fail, .nb-data--fail')).toBeNull();
    },
  };
}

/** One failing fixture: its cells marked ✗ and its footer row showing the two sides that differ. */
export function failingStory<K extends TableId>(
  table: K,
  rule: Parameters<typeof failing>[0],
): TableStory<K> {
  const fixture = failing(rule);
  const options = optionsOf(fixture);
  return {
    name: `不通过 Fails: ${rule}`,
    args: reportArgs(table, fixture.report, options),
    parameters: {
      docs: { description: { story: `${fixture.description.zh}\n\n${fixture.description.en}` } },
    },
    play: async ({ canvasElement }) => {
      expectShowsReport(canvasElement, table, fixture.report, options);
      const element = tableOf(canvasElement, table);
      const marked = element.querySelectorAll('td.nb-data--fail, td.nb-data--warning, td.nb-data--info');
      expect(marked.length, 'some cell is marked').toBeGreaterThan(0);
    },
  };
}

/** busyReport with three summed cells blanked (`null`): the checks over them are uncertain, shown as ？. */
export function uncertainStory<K extends TableId>(table: K): TableStory<K> {
  const report = withBlankCells(table, 3);
  const options: CheckOptions = table === 't2' ? { previous: busyPreviousReport } : {};
  return {
    name: '空白单元格（无法判断） Null cells',
    args: reportArgs(table, report, options),
    play: async ({ canvasElement }) => {
      expectShowsReport(canvasElement, table, report, options);
      const element = tableOf(canvasElement, table);
      expect(element.querySelectorAll('td[data-cell] .nb-sr-only').length).toBeGreaterThanOrEqual(3);
      const rows = crossCheckRows(statutoryLayout(table), checked(report, options).evaluations);
      const uncertain = rows.some((row) =>
        row.cells.some((cell) => cell.items.some((item) => item.evaluation.status === 'uncertain')),
      );
      if (uncertain) expect(within(element).getAllByText(/无法判断/).length).toBeGreaterThan(0);
    },
  };
}

/** The data rows of a layout: each row's data cells in reading order. */
function dataRows(table: TableId): CellAddress[][] {
  const rows = new Map<number, CellAddress[]>();
  for (const cell of statutoryLayout(table).dataCells) {
    const list = rows.get(cell.row) ?? [];
    list.push(cell.address as CellAddress);
    rows.set(cell.row, list);
  }
  return [...rows.values()];
}

/** What the data-entry play enters: one typed cell and one pasted row, with busyReport's numbers. */
export function entryPlan(table: TableId): { typed: CellAddress; pasted: CellAddress[] } {
  const rows = dataRows(table);
  const first = rows[0] ?? [];
  const second = rows[1] ?? first;
  return { typed: second[0] as CellAddress, pasted: first };
}

function inputOf(root: HTMLElement, address: CellAddress): HTMLInputElement {
  const input = root.querySelector<HTMLInputElement>(`td[data-cell="${CSS.escape(address)}"] input`);
  if (!input) throw new Error(`no input for ${address}`);
  return input;
}

/**
 * Data entry from the blank template: the play types one number, pastes a tab-separated row (as copied from
 * Excel or WPS), and checks after each step that the footer shows the model's checks of what was entered.
 */
export function dataEntryStory(table: TableId): {
  name: string;
  render: () => ReactElement;
  play: (context: { canvasElement: HTMLElement }) => Promise<void>;
} {
  const initial = blankReport({ year: busyReport.meta.year });
  const options: CheckOptions = table === 't2' ? { previous: busyPreviousReport } : {};
  return {
    name: '数据录入 Data entry',
    render: () => <DataEntry table={table} initial={initial} {...options} />,
    play: async ({ canvasElement }) => {
      const layout = statutoryLayout(table);
      const element = tableOf(canvasElement, table);
      expectFooterShows(element, layout, checked(initial, options).evaluations);
      const plan = entryPlan(table);
      const user = userEvent.setup();
      const footer = (): string => element.tFoot?.textContent ?? '';
      const before = footer();

      // Type one number.
      const typedValue = readCell(busyReport, plan.typed) ?? 0;
      const input = inputOf(canvasElement, plan.typed);
      await user.clear(input);
      await user.type(input, formatCellValue(typedValue));
      let expected = entered(initial, [[plan.typed, typedValue]]);
      const afterTyping = checked(expected, options).evaluations;
      await waitFor(() => expectFooterShows(element, layout, afterTyping));
      // 表二 has no arithmetic rule of its own, so no footer; the others' footers changed with the typing.
      if (element.tFoot) expect(footer()).not.toBe(before);
      const typed = footer();

      // Paste a tab-separated row.
      const values = plan.pasted.map((address) => readCell(busyReport, address) ?? null);
      inputOf(canvasElement, plan.pasted[0] as CellAddress).focus();
      await user.paste(values.map((v) => formatCellValue(v)).join('\t'));
      expected = entered(
        expected,
        plan.pasted.map((address, i) => [address, values[i] ?? null]),
      );
      const afterPaste = checked(expected, options).evaluations;
      await waitFor(() => {
        for (const [i, address] of plan.pasted.entries()) {
          expect(inputOf(canvasElement, address).value).toBe(formatCellValue(values[i] ?? null));
        }
        expectFooterShows(element, layout, afterPaste);
        expectIssuesMarked(element, afterPaste, table);
        // Every input (the totals that followed the typing and the paste too) in place, showing the form's value.
        expectPlacement(element, expected);
        if (element.tFoot) expect(footer()).not.toBe(typed);
      });
      // The paste is announced to screen readers.
      await waitFor(() =>
        expect(element.closest('section')?.textContent).toContain(`已粘贴 ${values.length} 个单元格`),
      );
    },
  };
}

/** What the form holds after entering `cells` one by one: `enterCells`, so totals follow their parts. */
function entered(report: Report, cells: readonly (readonly [CellAddress, number | null])[]): Report {
  let out = report;
  for (const [address, value] of cells) out = enterCells(out, [{ address, value }]);
  return out;
}

/** The busy report (the largest fixture) in a frame: a narrow screen, print, forced colours or 200 % zoom. */
export function framedStory<K extends TableId>(
  table: K,
  name: string,
  parameters: Record<string, unknown>,
  check: (element: HTMLTableElement) => Promise<void> | void,
  report: Report = busyReport,
): TableStory<K> {
  const options: CheckOptions = table === 't2' ? { previous: busyPreviousReport } : {};
  return {
    name,
    args: reportArgs(table, report, options),
    parameters,
    play: async ({ canvasElement }) => {
      expectShowsReport(canvasElement, table, report, options);
      await check(tableOf(canvasElement, table));
    },
  };
}

/** Narrow viewport (375 px): the table scrolls whole inside its region, says so, and nothing covers a number. */
export function narrowStory<K extends TableId>(table: K): TableStory<K> {
  return framedStory(table, '窄屏 Narrow viewport (375 px)', { nbViewport: 375 }, async (element) => {
    const scroller = element.closest<HTMLElement>('.nb-table-scroll');
    expect(scroller?.tabIndex, 'the scroll region takes keyboard focus').toBe(0);
    const frame = element.closest<HTMLElement>('[data-nb-viewport]');
    expect(frame?.scrollWidth, 'nothing sticks out of the narrow frame').toBeLessThanOrEqual(
      (frame?.clientWidth ?? 0) + 1,
    );
    await expectScrollsWhole(element, busyReport);
  });
}

/** Print media: the print rules apply (no scroll hint, nothing clipped, the header repeats on each page). */
export function printStory<K extends TableId>(table: K): TableStory<K> {
  return framedStory(table, '打印 Print media', { nbMedia: 'print' }, async (element) => {
    await waitFor(() => expect(element.closest('[data-nb-media-ready="true"]')).not.toBeNull());
    const scroller = element.closest<HTMLElement>('.nb-table-scroll') as HTMLElement;
    expect(getComputedStyle(scroller).overflowX).toBe('visible');
    // 表二 stacks four blocks, each with its own header rows inside its tbody; the others have one thead.
    if (element.tHead) expect(getComputedStyle(element.tHead).display).toBe('table-header-group');
    const hint = scroller.querySelector<HTMLElement>('.nb-scroll-hint');
    if (hint) expect(getComputedStyle(hint).display, 'no scroll hint on paper').toBe('none');
    const row = element.querySelector('tbody tr') as HTMLElement;
    expect(getComputedStyle(row).breakInside).toBe('avoid');
  });
}

/** Forced colours (Windows high contrast): system colours, and every status still a glyph and a word. */
export function forcedColorsStory<K extends TableId>(table: K, report: Report): TableStory<K> {
  return framedStory(
    table,
    '强制色 Forced colours',
    { nbMedia: 'forced-colors' },
    async (element) => {
      await waitFor(() => expect(element.closest('[data-nb-media-ready="true"]')).not.toBeNull());
      const flag = element.querySelector<HTMLElement>('.nb-flag, .nb-mark');
      expect(flag, 'a status glyph is shown').not.toBeNull();
      expect(getComputedStyle(flag as HTMLElement).forcedColorAdjust).toBe('none');
      const cell = element.querySelector('td[data-cell]') as HTMLElement;
      expect(getComputedStyle(cell).borderTopStyle).not.toBe('none');
    },
    report,
  );
}

/**
 * 200 % zoom of a 1280 px window (or of the canvas, when narrower): the layout reflows at half the CSS width; the
 * table scrolls whole in its region and nothing covers a number.
 */
export function zoomStory<K extends TableId>(table: K): TableStory<K> {
  return framedStory(table, '200% 缩放 Zoom 200%', { nbZoom: 2, nbViewport: 1280 }, async (element) => {
    const frame = element.closest<HTMLElement>('[data-nb-zoom]') as HTMLElement;
    expect(frame.style.zoom).toBe('2');
    // Reflow (WCAG 1.4.10): the page never scrolls sideways; a table wider than the space scrolls in its own
    // region, whole (no sticky labels), every number still under its headers.
    expect(frame.scrollWidth).toBeLessThanOrEqual(frame.clientWidth + 1);
    const scroller = element.closest<HTMLElement>('.nb-table-scroll') as HTMLElement;
    const overflows = scroller.scrollWidth > scroller.clientWidth;
    if (overflows) await expectScrollsWhole(element, busyReport);
  });
}
