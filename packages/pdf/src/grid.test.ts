import { type LayoutCell, statutoryLayout, type TableId } from '@nianbao/model';
import { describe, expect, it } from 'vitest';
import { decompose, type GridBox, GridError, gridSections } from './grid.js';

function leaves(box: GridBox): LayoutCell[] {
  return box.kind === 'cell' ? [box.cell] : box.children.flatMap(leaves);
}

describe('gridSections', () => {
  for (const id of ['t2', 't3', 't4'] as TableId[]) {
    it(`${id}: every cell of the layout lands in exactly one box, in reading order`, () => {
      const layout = statutoryLayout(id);
      const cells = gridSections(layout).flatMap((section) => leaves(section.box));
      const expected = layout.sections.flatMap((s) => s.rows.flatMap((r) => r.cells));
      expect(cells.map((c) => c.id).sort()).toEqual(expected.map((c) => c.id).sort());
      const data = cells.filter((c) => c.kind === 'data').map((c) => c.address);
      expect(data).toEqual(layout.dataCells.map((c) => c.address));
    });
  }

  it('cuts 表三 三、本年度办理结果 into its label beside one stack of rows, so rows share heights', () => {
    const results = gridSections(statutoryLayout('t3')).find((s) => s.id === 't3-body-results');
    expect(results?.box.kind).toBe('strip');
    if (results?.box.kind !== 'strip') return;
    const [label, rest] = results.box.children;
    expect(label?.kind === 'cell' && label.cell.label).toBe('三、本年度办理结果');
    expect(rest?.kind).toBe('stack');
    expect(rest?.kind === 'stack' && rest.children.length).toBe(7);
  });

  it('keeps 表四 leaves under their group headers in one band of rows', () => {
    const head = gridSections(statutoryLayout('t4')).find((s) => s.kind === 'head');
    expect(head?.box.kind).toBe('stack');
  });
});

describe('decompose', () => {
  it('throws on a pinwheel that no guillotine cut separates', () => {
    const cell = (id: string, row: number, col: number, rowSpan: number, colSpan: number): LayoutCell => ({
      kind: 'data',
      id,
      row,
      col,
      rowSpan,
      colSpan,
      headers: [],
    });
    const pinwheel = [
      cell('a', 0, 0, 1, 2),
      cell('b', 0, 2, 2, 1),
      cell('c', 2, 1, 1, 2),
      cell('d', 1, 0, 2, 1),
      cell('e', 1, 1, 1, 1),
    ];
    expect(() => decompose(pinwheel, { r0: 0, r1: 3, c0: 0, c1: 3 })).toThrow(GridError);
  });
});
