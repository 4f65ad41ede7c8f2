import { describe, expect, it } from 'vitest';
import { CELLS_NAMED, findingCellsInWords } from './draft-page.js';
import { cellName, statutoryCells } from './tables/cells.js';

describe('findingCellsInWords', () => {
  it('names up to CELLS_NAMED cells by the statute, then counts them all', () => {
    const cells = statutoryCells()
      .filter((c) => c.table === 't3')
      .map((c) => c.address);
    expect(findingCellsInWords([])).toBe('');
    expect(findingCellsInWords(cells.slice(0, 2))).toBe(
      `涉及：「${cellName(cells[0] as string)}」、「${cellName(cells[1] as string)}」`,
    );
    const many = findingCellsInWords(cells.slice(0, 22));
    expect(many.match(/「/g)).toHaveLength(CELLS_NAMED);
    expect(many.endsWith('等共 22 格')).toBe(true);
  });
});
