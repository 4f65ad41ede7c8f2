// @vitest-environment jsdom
import { layoutTable, statutoryLayout, type TableId } from '@nianbao/model';
import { blankReport, seedReport } from '@nianbao/model/fixtures';
import { renderToString } from 'react-dom/server';
import { beforeAll, describe, expect, it } from 'vitest';
import { readTableGrid, rectanglesOf } from '../test/read-grid.js';
import { T2_GRID, T3_GRID, T4_GRID } from '../test/statute-grids.js';
import { StatutoryTable } from './statutory-table.js';
import { ApplicationsTable, ProactiveDisclosureTable, ReviewLitigationTable } from './tables.js';

function mount(html: string): HTMLTableElement {
  document.body.innerHTML = html;
  const table = document.querySelector('table');
  if (!table) throw new Error('no table rendered');
  return table;
}

const sortCells = <T extends { row: number; col: number }>(cells: T[]): T[] =>
  [...cells].sort((a, b) => a.row - b.row || a.col - b.col);

const cases: [TableId, string[][], () => string][] = [
  ['t2', T2_GRID, () => renderToString(<ProactiveDisclosureTable t2={seedReport.t2} />)],
  ['t3', T3_GRID, () => renderToString(<ApplicationsTable t3={seedReport.t3} />)],
  ['t4', T4_GRID, () => renderToString(<ReviewLitigationTable t4={seedReport.t4} />)],
];

describe.each(cases)('%s in the DOM is exactly the statute', (id, expected, render) => {
  // Each describe mounts its own table before its tests run (collection happens for all tables first).
  let table: HTMLTableElement;
  let read: ReturnType<typeof readTableGrid>;
  beforeAll(() => {
    table = mount(render());
    read = readTableGrid(table);
  });

  it('has every label and address at its statutory grid position', () => {
    expect(read.grid).toEqual(expected);
  });

  it('merges exactly the statute’s cells (same rectangles, no extra or missing cell)', () => {
    expect(sortCells(read.cells)).toEqual(sortCells(rectanglesOf(expected)));
  });

  it('has a caption, colgroups that add up to the grid, and no empty or zero-span header', () => {
    expect(table.caption?.textContent).toBe(statutoryLayout(id).caption);
    expect(table.querySelectorAll('col')).toHaveLength(expected[0]?.length ?? 0);
    for (const th of table.querySelectorAll('th')) {
      expect(th.textContent?.trim()).not.toBe('');
      expect(['col', 'colgroup', 'row', 'rowgroup']).toContain(th.getAttribute('scope'));
    }
    expect(table.querySelector('[rowspan="0"], [colspan="0"]')).toBeNull();
  });

  it('links every data cell to existing headers and names it by its address', () => {
    const data = table.querySelectorAll('td[data-cell]');
    expect(data.length).toBe(statutoryLayout(id).dataCells.length);
    for (const td of data) {
      const ids = (td.getAttribute('headers') ?? '').split(' ').filter(Boolean);
      expect(ids.length).toBeGreaterThan(0);
      for (const headerId of ids) expect(document.getElementById(headerId)?.tagName).toBe('TH');
    }
  });
});

describe('header associations', () => {
  const headerTexts = (address: string): string[] => {
    const td = document.querySelector(`[data-cell="${address}"]`);
    return (td?.getAttribute('headers') ?? '')
      .split(' ')
      .map((id) => document.getElementById(id)?.textContent ?? '?');
  };

  it('names a deep 表三 cell by its three row labels and two column labels', () => {
    mount(renderToString(<ApplicationsTable t3={seedReport.t3} />));
    expect(headerTexts('t3.results.withheld.stateSecret.commercial').sort()).toEqual(
      [
        '三、本年度办理结果',
        '（三）不予公开',
        '1.属于国家秘密',
        '申请人情况',
        '法人或其他组织',
        '商业企业',
      ].sort(),
    );
  });

  it('names a 表四 cell by its three column levels', () => {
    mount(renderToString(<ReviewLitigationTable t4={seedReport.t4} />));
    expect(headerTexts('t4.litigationAfterReview.pending').sort()).toEqual(
      ['行政诉讼', '复议后起诉', '尚未审结'].sort(),
    );
  });

  it('names a 表二 cell by its block title, row and column', () => {
    mount(renderToString(<ProactiveDisclosureTable t2={seedReport.t2} />));
    expect(headerTexts('t2.fees.amount').sort()).toEqual(
      ['第二十条第（八）项', '行政事业性收费', '本年收费金额（单位：万元）'].sort(),
    );
  });
});

describe('sections and values', () => {
  it('puts 表三 in one thead and one tbody per top-level row, and 表四 in thead + tbody', () => {
    const t3 = mount(renderToString(<ApplicationsTable t3={seedReport.t3} />));
    expect(t3.tHead?.rows).toHaveLength(3);
    expect([...t3.tBodies].map((b) => b.rows.length)).toEqual([1, 1, 22, 1]);
    const t4 = mount(renderToString(<ReviewLitigationTable t4={seedReport.t4} />));
    expect(t4.tHead?.rows).toHaveLength(3);
    expect(t4.tBodies).toHaveLength(1);
  });

  it('shows a blank cell as blank (not 0) and 0 as 0', () => {
    const report = blankReport();
    const t3 = { ...report.t3, received: { ...report.t3.received, commercial: null } };
    mount(renderToString(<ApplicationsTable t3={t3} />));
    const blank = document.querySelector('[data-cell="t3.received.commercial"]');
    const zero = document.querySelector('[data-cell="t3.received.naturalPerson"]');
    expect(blank?.textContent).toBe('空白');
    expect(blank?.querySelector('.nb-sr-only')).not.toBeNull();
    expect(zero?.textContent).toBe('0');
  });

  it('reads values through a function source as well as a report', () => {
    const layout = statutoryLayout('t4');
    mount(
      renderToString(<StatutoryTable layout={layout} values={(a) => (a === 't4.review.total' ? 7 : null)} />),
    );
    expect(document.querySelector('[data-cell="t4.review.total"]')?.textContent).toBe('7');
  });

  it('prefixes ids so two tables on one page do not collide', () => {
    const layout = statutoryLayout('t4');
    document.body.innerHTML = renderToString(
      <>
        <StatutoryTable layout={layout} idPrefix="a-" />
        <StatutoryTable layout={layout} idPrefix="b-" />
      </>,
    );
    const ids = [...document.querySelectorAll('[id]')].map((el) => el.id);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('shows the seed report’s numbers in their cells', () => {
    mount(renderToString(<ApplicationsTable t3={seedReport.t3} />));
    const total = seedReport.t3.received.total;
    expect(document.querySelector('[data-cell="t3.received.total"]')?.textContent).toBe(
      total === null ? '空白' : String(total),
    );
  });
});

describe('any layout', () => {
  it('draws a layout it has never seen (the 2019 表二 block) from the layout alone', () => {
    const layout = layoutTable({
      id: 't2',
      part: '二',
      caption: '二、主动公开政府信息情况（2019）',
      blocks: [
        {
          title: '第二十条第（九）项',
          corner: '信息内容',
          cornerRole: 'header',
          columns: [
            { label: '采购项目数量', key: 'projects' },
            { label: '采购总金额', key: 'amount', value: 'amount' },
          ],
          rows: [{ label: '政府集中采购', key: 'procurement' }],
        },
      ],
    });
    const table = mount(
      renderToString(
        <StatutoryTable layout={layout} values={(a) => (a === 't2.procurement.amount' ? 251000 : null)} />,
      ),
    );
    expect(readTableGrid(table).grid).toEqual([
      ['第二十条第（九）项', '第二十条第（九）项', '第二十条第（九）项'],
      ['信息内容', '采购项目数量', '采购总金额'],
      ['政府集中采购', '@t2.procurement.projects', '@t2.procurement.amount'],
    ]);
    expect(table.querySelector('[data-cell="t2.procurement.amount"]')?.textContent).toBe('251000');
  });
});

describe('label', () => {
  it('adds words to the accessible name only, so two copies of one table are told apart', () => {
    document.body.innerHTML = renderToString(
      <>
        <ApplicationsTable t3={seedReport.t3} idPrefix="a-" label="2022年" />
        <ApplicationsTable t3={blankReport().t3} idPrefix="b-" label="上年" />
      </>,
    );
    const names = [...document.querySelectorAll('section[aria-labelledby]')].map(
      (region) => document.getElementById(region.getAttribute('aria-labelledby') ?? '')?.textContent,
    );
    const caption = statutoryLayout('t3').caption;
    expect(names).toEqual([`${caption}（2022年）`, `${caption}（上年）`]);
    for (const span of document.querySelectorAll('caption > span')) {
      expect(span.classList.contains('nb-sr-only')).toBe(true);
    }
  });

  it('leaves the caption as the statute writes it when absent', () => {
    const table = mount(renderToString(<ApplicationsTable t3={seedReport.t3} />));
    expect(table.caption?.textContent).toBe(statutoryLayout('t3').caption);
    expect(table.caption?.querySelector('span')).toBeNull();
  });
});
