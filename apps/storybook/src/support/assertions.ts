import {
  type Evaluation,
  formatCellValue,
  type Report,
  readCell,
  statutoryLayout,
  type TableId,
  type TableLayout,
} from '@nianbao/model';
import { cellPlacement, crossCheckRows, primaryCells } from '@nianbao/react';
import { expect } from 'storybook/test';

/*
 * Assertions shared by the stories' `play` functions. Expected values always come from the model
 * (`evaluateReport`, `crossCheckRows`), so a story checks that the page shows what the model computed.
 */

/** The one `<table>` of a statutory table inside `root`. */
export function tableOf(root: HTMLElement, id: TableId | string): HTMLTableElement {
  const table = root.querySelector<HTMLTableElement>(`table.nb-table--${id}`);
  if (!table) throw new Error(`no table nb-table--${id}`);
  return table;
}

/** The footer row of a rule (the row holding its title and, for 表四, the row after it). */
function footerCellsOf(
  table: HTMLTableElement,
  idPrefix: string,
  layout: TableLayout,
  rule: string,
): Element[] {
  const title = table.querySelector(`#${CSS.escape(`${idPrefix}${layout.id}-check-${rule}`)}`);
  if (!title) throw new Error(`no footer row for ${rule}`);
  const row = title.closest('tr');
  const rows = layout.labelColumns > 0 ? [row] : [row, row?.nextElementSibling];
  return rows.flatMap((r) => (r ? Array.from(r.querySelectorAll('td')) : []));
}

/**
 * The footer under `table` shows exactly the model's cross-checks for `evaluations`: every rule of the table a
 * row, every check its two sides (`一+二 = 81 · （七）+四 = 80`) and its status class.
 */
export function expectFooterShows(
  table: HTMLTableElement,
  layout: TableLayout,
  evaluations: readonly Evaluation[],
  idPrefix = 'nb-',
): void {
  const rows = crossCheckRows(layout, evaluations);
  expect(table.querySelectorAll('tfoot tr.nb-check-row').length).toBe(
    rows.length * (layout.labelColumns > 0 ? 1 : 2),
  );
  for (const row of rows) {
    const cells = footerCellsOf(table, idPrefix, layout, row.rule.id);
    const text = cells.map((cell) => cell.textContent ?? '').join('\n');
    if (row.mode === 'summary') expect(text).toContain(`${row.passed}/${row.total}`);
    for (const cell of row.cells) {
      for (const item of cell.items) {
        expect(text).toContain(item.text);
        const shown = cells.flatMap((c) =>
          Array.from(c.querySelectorAll(`.nb-check--${item.evaluation.status}`)).filter((el) =>
            (el.textContent ?? '').includes(item.text),
          ),
        );
        expect(
          shown.length,
          `${row.rule.id}: ${item.text} shown as ${item.evaluation.status}`,
        ).toBeGreaterThan(0);
      }
    }
  }
}

/**
 * Each cell a non-passing evaluation names is marked, in the model's severities: the cells a finding is about
 * (`primaryCells`: the total that disagrees, or every cell of a check without one) with the strongest status among
 * them (✗ error, ⚠ warning, ℹ info, ？ uncertain) and a link to a visible note under the table; the cells a failing
 * total only sums are outlined as parts, without a glyph. Every marked cell has a described-by message;
 * `aria-invalid` on primary errors only. Cells no finding names carry no mark.
 */
export function expectIssuesMarked(
  table: HTMLTableElement,
  evaluations: readonly Evaluation[],
  id: TableId,
): void {
  const layout = statutoryLayout(id);
  const rank = { part: 0, uncertain: 1, info: 2, warning: 3, fail: 4 } as const;
  const glyph = { uncertain: '？', info: 'ℹ', warning: '⚠', fail: '✗' } as const;
  const expected = new Map<string, keyof typeof rank>();
  for (const e of evaluations) {
    if (e.status === 'pass') continue;
    const status = e.status === 'uncertain' ? 'uncertain' : e.severity === 'error' ? 'fail' : e.severity;
    const primary = new Set(primaryCells(e));
    for (const address of e.cells) {
      if (!layout.cellsByAddress.has(address)) continue;
      const mark = primary.has(address) ? status : 'part';
      const before = expected.get(address);
      if (before === undefined || rank[mark] > rank[before]) expected.set(address, mark);
    }
  }
  for (const td of Array.from(table.querySelectorAll<HTMLElement>('td[data-cell]'))) {
    const address = td.dataset.cell as string;
    const status = expected.get(address);
    const marked = ['fail', 'warning', 'info', 'uncertain', 'part'].find((s) =>
      td.classList.contains(`nb-data--${s}`),
    );
    expect(marked, `${address} mark`).toBe(status);
    if (!status) continue;
    // In data entry the input carries the description.
    const described = td.querySelector('input') ?? td;
    const describedBy = (described.getAttribute('aria-describedby') ?? '').split(' ').filter(Boolean);
    expect(describedBy.length, `${address} is described`).toBeGreaterThan(0);
    for (const ref of describedBy) expect(document.getElementById(ref), ref).not.toBeNull();
    if (status === 'part') {
      expect(td.querySelector('.nb-flag'), `${address} part has no glyph`).toBeNull();
      expect(td.hasAttribute('aria-invalid')).toBe(false);
      continue;
    }
    // The reason is visible: the cell links to a note under the table that shows the finding's message.
    const note = document.getElementById(
      td.querySelector('.nb-note-ref a')?.getAttribute('href')?.slice(1) ?? '',
    );
    expect(note, `${address} links to its note`).not.toBeNull();
    expect((note as HTMLElement).offsetHeight, `${address}'s note is visible`).toBeGreaterThan(0);
    expect(td.querySelector('.nb-flag')?.textContent, `${address} glyph`).toBe(glyph[status]);
    if (td.querySelector('input')) continue;
    if (status === 'fail') expect(td.getAttribute('aria-invalid')).toBe('true');
  }
}

/**
 * Proof by position (the package's `cellPlacement`, the same helper the static-HTML test runs in Chromium): every
 * data cell of `table` lies under its column headers and in its row headers' bands, nothing covers its number,
 * and (given `report`) it shows `formatCellValue(readCell(report, address))`.
 */
export function expectPlacement(table: HTMLTableElement, report?: Report): void {
  const cells = cellPlacement(table);
  expect(cells.length, 'data cells').toBeGreaterThan(0);
  const wrong = cells
    .filter((c) => c.problems.length > 0)
    .map((c) => `${c.address}: ${c.problems.join('; ')}`);
  expect(wrong).toEqual([]);
  if (!report) return;
  for (const cell of cells) {
    expect(cell.text, cell.address).toBe(formatCellValue(readCell(report, cell.address)));
  }
}

/**
 * A table wider than its region scrolls whole (no sticky labels to cover data cells), says so in visible text,
 * and at either end of the scroll every number is still where its headers are and uncovered.
 */
export async function expectScrollsWhole(table: HTMLTableElement, report?: Report): Promise<void> {
  const scroller = table.closest<HTMLElement>('.nb-table-scroll');
  if (!scroller) throw new Error('no scroll container');
  expect(scroller.scrollWidth, 'the table is wider than its container').toBeGreaterThan(scroller.clientWidth);
  const hint = scroller.querySelector<HTMLElement>('.nb-scroll-hint');
  expect(hint && getComputedStyle(hint).display, 'the scroll hint shows').toBe('block');
  for (const left of [scroller.scrollWidth, 0]) {
    scroller.scrollLeft = left;
    await new Promise((resolve) => requestAnimationFrame(resolve));
    expectPlacement(table, report);
  }
}
