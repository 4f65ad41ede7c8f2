import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { ColumnNode, RowNode, TableSpec } from '../tables/spec-types.js';
import { T2_SPEC, T3_CORNER_NOTE, T3_SPEC, T4_SPEC } from '../tables/statutory-2021.js';
import { assertTiling, LayoutError, layoutTable } from './layout-table.js';
import type { LayoutCell, TableLayout } from './types.js';

/** Expands a layout into a full grid of cell ids (every covered position names its cell). */
function expand(layout: TableLayout): string[][] {
  const grid = Array.from({ length: layout.rowCount }, () => new Array<string>(layout.columnCount).fill(''));
  for (const section of layout.sections) {
    for (const row of section.rows) {
      for (const cell of row.cells) {
        for (let r = cell.row; r < cell.row + cell.rowSpan; r++) {
          for (let c = cell.col; c < cell.col + cell.colSpan; c++) {
            expect(grid[r]?.[c], `position ${r},${c} covered twice`).toBe('');
            (grid[r] as string[])[c] = cell.id;
          }
        }
      }
    }
  }
  return grid;
}

function cellAt(layout: TableLayout, row: number, col: number): LayoutCell {
  for (const cell of layout.cellsById.values()) {
    if (
      row >= cell.row &&
      row < cell.row + cell.rowSpan &&
      col >= cell.col &&
      col < cell.col + cell.colSpan
    ) {
      return cell;
    }
  }
  throw new Error(`nothing at ${row},${col}`);
}

/** [label, row, col, rowSpan, colSpan] of a header cell, for compact expectations. */
function placed(cell: LayoutCell): [string, number, number, number, number] {
  return [cell.label ?? '', cell.row, cell.col, cell.rowSpan, cell.colSpan];
}

describe('表三 layout', () => {
  const layout = layoutTable(T3_SPEC);

  it('is 10 grid columns × 28 rows: 3 header rows and 25 data rows', () => {
    expect(layout.columnCount).toBe(10);
    expect(layout.rowCount).toBe(28);
    expect(layout.labelColumns).toBe(3);
    expect(layout.dataCells).toHaveLength(25 * 7);
    expect(
      expand(layout)
        .flat()
        .every((id) => id !== ''),
    ).toBe(true);
  });

  it('places the header exactly as the statute prints it', () => {
    const head = layout.sections[0];
    expect(head?.kind).toBe('head');
    const cells = head?.rows.flatMap((row) => row.cells).map(placed);
    expect(cells).toEqual([
      [T3_CORNER_NOTE, 0, 0, 3, 3],
      ['申请人情况', 0, 3, 1, 7],
      ['自然人', 1, 3, 2, 1],
      ['法人或其他组织', 1, 4, 1, 5],
      ['总计', 1, 9, 2, 1],
      ['商业企业', 2, 4, 1, 1],
      ['科研机构', 2, 5, 1, 1],
      ['社会公益组织', 2, 6, 1, 1],
      ['法律服务机构', 2, 7, 1, 1],
      ['其他', 2, 8, 1, 1],
    ]);
    expect(T3_CORNER_NOTE).toBe('（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）');
  });

  it('places every row label with the statute’s merges', () => {
    const labels = layout.sections
      .filter((section) => section.kind === 'body')
      .flatMap((section) => section.rows.flatMap((row) => row.cells))
      .filter((cell) => cell.kind === 'row-header')
      .map(placed);
    expect(labels).toEqual([
      ['一、本年新收政府信息公开申请数量', 3, 0, 1, 3],
      ['二、上年结转政府信息公开申请数量', 4, 0, 1, 3],
      ['三、本年度办理结果', 5, 0, 22, 1],
      ['（一）予以公开', 5, 1, 1, 2],
      ['（二）部分公开（区分处理的，只计这一情形，不计其他情形）', 6, 1, 1, 2],
      ['（三）不予公开', 7, 1, 8, 1],
      ['1.属于国家秘密', 7, 2, 1, 1],
      ['2.其他法律行政法规禁止公开', 8, 2, 1, 1],
      ['3.危及“三安全一稳定”', 9, 2, 1, 1],
      ['4.保护第三方合法权益', 10, 2, 1, 1],
      ['5.属于三类内部事务信息', 11, 2, 1, 1],
      ['6.属于四类过程性信息', 12, 2, 1, 1],
      ['7.属于行政执法案卷', 13, 2, 1, 1],
      ['8.属于行政查询事项', 14, 2, 1, 1],
      ['（四）无法提供', 15, 1, 3, 1],
      ['1.本机关不掌握相关政府信息', 15, 2, 1, 1],
      ['2.没有现成信息需要另行制作', 16, 2, 1, 1],
      ['3.补正后申请内容仍不明确', 17, 2, 1, 1],
      ['（五）不予处理', 18, 1, 5, 1],
      ['1.信访举报投诉类申请', 18, 2, 1, 1],
      ['2.重复申请', 19, 2, 1, 1],
      ['3.要求提供公开出版物', 20, 2, 1, 1],
      ['4.无正当理由大量反复申请', 21, 2, 1, 1],
      ['5.要求行政机关确认或重新出具已获取信息', 22, 2, 1, 1],
      ['（六）其他处理', 23, 1, 3, 1],
      ['1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请', 23, 2, 1, 1],
      ['2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请', 24, 2, 1, 1],
      ['3.其他', 25, 2, 1, 1],
      ['（七）总计', 26, 1, 1, 2],
      ['四、结转下年度继续办理', 27, 0, 1, 3],
    ]);
  });

  it('addresses every data cell by row path and column key, in reading order', () => {
    expect(cellAt(layout, 7, 3).address).toBe('t3.results.withheld.stateSecret.naturalPerson');
    expect(cellAt(layout, 3, 9).address).toBe('t3.received.total');
    expect(cellAt(layout, 24, 4).address).toBe('t3.results.other.unpaidFee.commercial');
    expect(cellAt(layout, 26, 9).address).toBe('t3.results.total.total');
    expect(cellAt(layout, 27, 8).address).toBe('t3.carriedForward.otherOrg');
    expect(layout.dataCells[0]?.address).toBe('t3.received.naturalPerson');
    expect(layout.dataCells.at(-1)?.address).toBe('t3.carriedForward.total');
    expect(cellAt(layout, 26, 5).total).toBe(true);
    expect(cellAt(layout, 5, 9).total).toBe(true);
    expect(cellAt(layout, 5, 8).total).toBeUndefined();
  });

  it('lists every header of a data cell, outermost first, with scopes', () => {
    const cell = layout.cellsByAddress.get('t3.results.withheld.stateSecret.commercial');
    const headers = cell?.headers.map((id) => layout.cellsById.get(id));
    expect(headers?.map((h) => [h?.label, h?.scope])).toEqual([
      ['三、本年度办理结果', 'rowgroup'],
      ['（三）不予公开', 'rowgroup'],
      ['1.属于国家秘密', 'row'],
      ['申请人情况', 'colgroup'],
      ['法人或其他组织', 'colgroup'],
      ['商业企业', 'col'],
    ]);
    const corner = layout.cellsById.get('t3-corner');
    expect(corner?.kind).toBe('corner');
    expect(corner?.scope).toBeUndefined();
  });

  it('groups body rows by top-level row (一, 二, 三, 四) under one head', () => {
    expect(layout.sections.map((s) => [s.kind, s.id, s.rows.length])).toEqual([
      ['head', 't3-head', 3],
      ['body', 't3-body-received', 1],
      ['body', 't3-body-carriedOver', 1],
      ['body', 't3-body-results', 22],
      ['body', 't3-body-carriedForward', 1],
    ]);
  });

  it('gives the long leaf labels the widest label column and sums widths to 1', () => {
    const sum = layout.columnWidths.reduce((a, b) => a + b, 0);
    expect(sum).toBeCloseTo(1, 10);
    const [a, b, c, ...data] = layout.columnWidths as number[];
    expect(c).toBeGreaterThan(a as number);
    expect(c).toBeGreaterThan(b as number);
    for (const w of data) expect(w).toBeLessThan(c as number);
  });
});

describe('表四 layout', () => {
  const layout = layoutTable(T4_SPEC);

  it('is 15 leaf columns under 3 header rows and one unlabeled data row', () => {
    expect([layout.columnCount, layout.rowCount, layout.labelColumns]).toEqual([15, 4, 0]);
    const head = layout.sections[0]?.rows.flatMap((row) => row.cells).map(placed);
    const outcomes = ['结果维持', '结果纠正', '其他结果', '尚未审结', '总计'];
    expect(head).toEqual([
      ['行政复议', 0, 0, 1, 5],
      ['行政诉讼', 0, 5, 1, 10],
      ...outcomes.map((label, i): [string, number, number, number, number] => [label, 1, i, 2, 1]),
      ['未经复议直接起诉', 1, 5, 1, 5],
      ['复议后起诉', 1, 10, 1, 5],
      ...outcomes.map((label, i): [string, number, number, number, number] => [label, 2, 5 + i, 1, 1]),
      ...outcomes.map((label, i): [string, number, number, number, number] => [label, 2, 10 + i, 1, 1]),
    ]);
  });

  it('addresses cells by group and outcome', () => {
    expect(layout.dataCells.map((cell) => cell.address)).toEqual(
      ['review', 'litigationDirect', 'litigationAfterReview'].flatMap((group) =>
        ['upheld', 'corrected', 'other', 'pending', 'total'].map((key) => `t4.${group}.${key}`),
      ),
    );
    const direct = layout.cellsByAddress.get('t4.litigationDirect.pending');
    expect(direct?.headers.map((id) => layout.cellsById.get(id)?.label)).toEqual([
      '行政诉讼',
      '未经复议直接起诉',
      '尚未审结',
    ]);
  });
});

describe('表二 layout', () => {
  const layout = layoutTable(T2_SPEC);

  it('stacks four 第二十条 blocks on a 4-column grid, each with title, header and rows', () => {
    expect([layout.columnCount, layout.rowCount]).toEqual([4, 14]);
    expect(layout.sections.every((section) => section.kind === 'body')).toBe(true);
    const rows = layout.sections.flatMap((section) => section.rows.map((row) => row.cells.map(placed)));
    expect(rows).toEqual([
      [['第二十条第（一）项', 0, 0, 1, 4]],
      [
        ['信息内容', 1, 0, 1, 1],
        ['本年制发件数', 1, 1, 1, 1],
        ['本年废止件数', 1, 2, 1, 1],
        ['现行有效件数', 1, 3, 1, 1],
      ],
      [
        ['规章', 2, 0, 1, 1],
        ['', 2, 1, 1, 1],
        ['', 2, 2, 1, 1],
        ['', 2, 3, 1, 1],
      ],
      [
        ['行政规范性文件', 3, 0, 1, 1],
        ['', 3, 1, 1, 1],
        ['', 3, 2, 1, 1],
        ['', 3, 3, 1, 1],
      ],
      [['第二十条第（五）项', 4, 0, 1, 4]],
      [
        ['信息内容', 5, 0, 1, 1],
        ['本年处理决定数量', 5, 1, 1, 3],
      ],
      [
        ['行政许可', 6, 0, 1, 1],
        ['', 6, 1, 1, 3],
      ],
      [['第二十条第（六）项', 7, 0, 1, 4]],
      [
        ['信息内容', 8, 0, 1, 1],
        ['本年处理决定数量', 8, 1, 1, 3],
      ],
      [
        ['行政处罚', 9, 0, 1, 1],
        ['', 9, 1, 1, 3],
      ],
      [
        ['行政强制', 10, 0, 1, 1],
        ['', 10, 1, 1, 3],
      ],
      [['第二十条第（八）项', 11, 0, 1, 4]],
      [
        ['信息内容', 12, 0, 1, 1],
        ['本年收费金额（单位：万元）', 12, 1, 1, 3],
      ],
      [
        ['行政事业性收费', 13, 0, 1, 1],
        ['', 13, 1, 1, 3],
      ],
    ]);
  });

  it('addresses the ten cells and marks the fee as an amount in 万元', () => {
    expect(layout.dataCells.map((cell) => cell.address)).toEqual([
      't2.rules.issued',
      't2.rules.repealed',
      't2.rules.inForce',
      't2.normativeDocs.issued',
      't2.normativeDocs.repealed',
      't2.normativeDocs.inForce',
      't2.licensing.decisions',
      't2.penalties.decisions',
      't2.coercion.decisions',
      't2.fees.amount',
    ]);
    const fee = layout.cellsByAddress.get('t2.fees.amount');
    expect([fee?.value, fee?.unit]).toEqual(['amount', '万元']);
    expect(fee?.headers.map((id) => layout.cellsById.get(id)?.label)).toEqual([
      '第二十条第（八）项',
      '行政事业性收费',
      '本年收费金额（单位：万元）',
    ]);
    expect(layout.cellsById.get('t2-b0-corner')?.scope).toBe('col');
  });
});

describe('layoutTable on bad specs', () => {
  it('throws when blocks do not share one width', () => {
    const spec: TableSpec = {
      ...T2_SPEC,
      blocks: [T2_SPEC.blocks[0]!, { ...T2_SPEC.blocks[1]!, columns: [{ label: 'x', key: 'x', span: 2 }] }],
    };
    expect(() => layoutTable(spec)).toThrow(LayoutError);
  });

  it('throws on duplicate addresses', () => {
    const spec: TableSpec = {
      id: 't4',
      part: '四',
      caption: 'dup',
      blocks: [
        {
          columns: [
            { label: 'a', key: 'same' },
            { label: 'b', key: 'same' },
          ],
        },
      ],
    };
    expect(() => layoutTable(spec)).toThrow(/duplicate/);
  });

  it('assertTiling reports overlaps, gaps and out-of-grid cells', () => {
    const base = { kind: 'data' as const, headers: [], rowSpan: 1, colSpan: 1 };
    expect(() => assertTiling([{ ...base, id: 'a', row: 0, col: 0 }], 2, 1)).toThrow(/not covered/);
    expect(() =>
      assertTiling(
        [
          { ...base, id: 'a', row: 0, col: 0, colSpan: 2 },
          { ...base, id: 'b', row: 0, col: 1 },
        ],
        2,
        1,
      ),
    ).toThrow(/overlap/);
    expect(() => assertTiling([{ ...base, id: 'a', row: 0, col: 1, colSpan: 2 }], 2, 1)).toThrow(/outside/);
    expect(() => layoutTable({ id: 't4', part: '四', caption: 'none', blocks: [] })).toThrow(LayoutError);
  });
});

// Random trees: keys are the index path, so addresses are always unique.
const columnTree = (depth: number, path: string): fc.Arbitrary<ColumnNode[]> =>
  fc.integer({ min: 1, max: 4 }).chain((count) =>
    fc.tuple(
      ...Array.from({ length: count }, (_, i) =>
        depth > 1
          ? fc.oneof(
              fc.record({ label: fc.constant(`c${path}${i}`), key: fc.constant(`c${path}${i}`) }),
              columnTree(depth - 1, `${path}${i}_`).map((children) => ({ label: `g${path}${i}`, children })),
            )
          : fc.record({
              label: fc.constant(`c${path}${i}`),
              key: fc.constant(`c${path}${i}`),
              span: fc.integer({ min: 1, max: 3 }),
            }),
      ),
    ),
  );
const rowTree = (depth: number, path: string): fc.Arbitrary<RowNode[]> =>
  fc.integer({ min: 1, max: 4 }).chain((count) =>
    fc.tuple(
      ...Array.from({ length: count }, (_, i) =>
        depth > 1
          ? fc.oneof(
              fc.constant({ label: `r${path}${i}`, key: `r${path}${i}` }),
              rowTree(depth - 1, `${path}${i}_`).map((children) => ({
                label: `h${path}${i}`,
                key: `h${path}${i}`,
                children,
              })),
            )
          : fc.constant({ label: `r${path}${i}`, key: `r${path}${i}` }),
      ),
    ),
  );

function leafSpan(nodes: readonly ColumnNode[]): number {
  return nodes.reduce((sum, n) => sum + (n.children ? leafSpan(n.children) : (n.span ?? 1)), 0);
}
function leafRows(nodes: readonly RowNode[]): number {
  return nodes.reduce((sum, n) => sum + (n.children ? leafRows(n.children) : 1), 0);
}

describe('layoutTable properties', () => {
  it('tiles the grid exactly for random column and row trees', () => {
    fc.assert(
      fc.property(
        columnTree(3, ''),
        fc.option(rowTree(3, ''), { nil: undefined }),
        fc.boolean(),
        (columns, rows, titled) => {
          const spec: TableSpec = {
            id: 't3',
            part: '三',
            caption: 'random',
            blocks: [
              { columns, ...(rows ? { rows, corner: 'corner' } : {}), ...(titled ? { title: 'T' } : {}) },
            ],
          };
          const layout = layoutTable(spec);
          const grid = expand(layout);
          expect(grid.flat().every((id) => id !== '')).toBe(true);
          const dataRows = rows ? leafRows(rows) : 1;
          expect(layout.dataCells.length).toBe(dataRows * countLeaves(columns));
          expect(layout.columnCount).toBe(layout.labelColumns + leafSpan(columns));
          // Every data cell's headers name existing header cells, and never an empty label.
          for (const cell of layout.dataCells) {
            for (const id of cell.headers) {
              const header = layout.cellsById.get(id);
              expect(header?.label).toBeTruthy();
            }
          }
          // No header is a placeholder: every header and label cell carries its node's label.
          for (const cell of layout.cellsById.values()) {
            if (cell.kind === 'column-header' || cell.kind === 'row-header') expect(cell.label).not.toBe('');
            expect(cell.rowSpan).toBeGreaterThanOrEqual(1);
            expect(cell.colSpan).toBeGreaterThanOrEqual(1);
          }
          const widths = layout.columnWidths.reduce((a, b) => a + b, 0);
          expect(widths).toBeCloseTo(1, 6);
          expect(layoutTable(spec)).toEqual(layout);
        },
      ),
      { numRuns: 200 },
    );
  });
});

function countLeaves(nodes: readonly ColumnNode[]): number {
  return nodes.reduce((sum, n) => sum + (n.children ? countLeaves(n.children) : 1), 0);
}
