/** A table read back from the DOM: every grid position with the label or address of the cell covering it. */
export interface ReadGrid {
  /** `grid[row][col]`: a header's text, or `@address` for a data cell. */
  readonly grid: string[][];
  /** Each DOM cell once, with the rectangle it covers. */
  readonly cells: { text: string; row: number; col: number; rowSpan: number; colSpan: number }[];
}

/**
 * Expands a `<table>`'s thead/tbody rows (not the tfoot) into a grid the way the HTML table model does:
 * a cell takes the next free position in its row and covers rowspan × colspan positions.
 * Throws on an overlap, a ragged row or rowspan="0", so a broken table cannot read as a right one.
 */
export function readTableGrid(table: Element): ReadGrid {
  const rows = [...table.querySelectorAll(':scope > thead > tr, :scope > tbody > tr')];
  const grid: string[][] = rows.map(() => []);
  const cells: ReadGrid['cells'] = [];
  rows.forEach((tr, r) => {
    let c = 0;
    for (const cell of tr.children) {
      if (cell.tagName !== 'TH' && cell.tagName !== 'TD') continue;
      while (grid[r]?.[c] !== undefined) c++;
      const rowSpanAttr = cell.getAttribute('rowspan');
      if (rowSpanAttr === '0') throw new Error('rowspan="0"');
      const rowSpan = Number(rowSpanAttr ?? 1);
      const colSpan = Number(cell.getAttribute('colspan') ?? 1);
      const address = cell.getAttribute('data-cell');
      const text = address ? `@${address}` : (cell.textContent ?? '').trim();
      for (let dr = 0; dr < rowSpan; dr++) {
        for (let dc = 0; dc < colSpan; dc++) {
          const line = grid[r + dr];
          if (!line) throw new Error(`cell "${text}" spans below the table`);
          if (line[c + dc] !== undefined) throw new Error(`overlap at ${r + dr},${c + dc}`);
          line[c + dc] = text;
        }
      }
      cells.push({ text, row: r, col: c, rowSpan, colSpan });
      c += colSpan;
    }
  });
  const width = grid[0]?.length ?? 0;
  grid.forEach((line, r) => {
    if (line.length !== width || line.includes(undefined as unknown as string)) {
      throw new Error(`row ${r} is ${line.length} wide, not ${width}`);
    }
  });
  return { grid, cells };
}

/**
 * The cells an expected grid describes: each connected run of equal labels is one cell (the statute's tables
 * never put two equal labels side by side), so its bounding box is the cell's rectangle.
 */
export function rectanglesOf(grid: readonly (readonly string[])[]): ReadGrid['cells'] {
  const seen = grid.map((line) => line.map(() => false));
  const out: ReadGrid['cells'] = [];
  grid.forEach((line, r) => {
    line.forEach((text, c) => {
      if (seen[r]?.[c]) return;
      let colSpan = 1;
      while (line[c + colSpan] === text) colSpan++;
      let rowSpan = 1;
      while (grid[r + rowSpan]?.[c] === text) rowSpan++;
      for (let dr = 0; dr < rowSpan; dr++) {
        for (let dc = 0; dc < colSpan; dc++) {
          const mark = seen[r + dr];
          if (mark) mark[c + dc] = true;
        }
      }
      out.push({ text, row: r, col: c, rowSpan, colSpan });
    });
  });
  return out;
}
