import { readCell, statutoryCells, T3_COLUMN_KEYS, T3_SPEC } from '@nianbao/model';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { importReport } from './import-report.js';

/*
 * Whole-table property: a consistent 表三 printed as run-together text (every separator lost, as on 001's
 * page) imports to the true table, or to a reading flagged `ambiguous-run` whose candidates include the
 * true values. No cell is ever filled with a number that is not one of the printed readings.
 */

interface Leaf {
  path: string;
  label: string;
}
const LEAVES: Leaf[] = [];
(function walk(rows: NonNullable<(typeof T3_SPEC.blocks)[number]['rows']>, prefix: string, out: string[]) {
  for (const row of rows) {
    const path = prefix ? `${prefix}.${row.key}` : (row.key as string);
    if (row.children) {
      walk(row.children, path, [...out, row.label]);
    } else LEAVES.push({ path, label: [...out, row.label].join('') });
  }
})(T3_SPEC.blocks[0]?.rows ?? [], '', []);

const RESULT_LEAVES = LEAVES.filter(
  (leaf) => leaf.path.startsWith('results.') && leaf.path !== 'results.total',
);

const sixCounts = fc.array(fc.oneof(fc.constant(0), fc.constant(0), fc.nat(9), fc.nat(120)), {
  minLength: 6,
  maxLength: 6,
});

const table = fc
  .record({
    results: fc.array(sixCounts, { minLength: RESULT_LEAVES.length, maxLength: RESULT_LEAVES.length }),
    carriedOver: sixCounts,
    carriedForward: sixCounts,
  })
  .map(({ results, carriedOver, carriedForward }) => {
    const rows = new Map<string, number[]>();
    const withTotal = (six: number[]): number[] => [...six, six.reduce((a, b) => a + b, 0)];
    RESULT_LEAVES.forEach((leaf, i) => {
      rows.set(leaf.path, withTotal(results[i] as number[]));
    });
    const total = [0, 1, 2, 3, 4, 5].map((c) => results.reduce((sum, row) => sum + (row[c] as number), 0));
    rows.set('results.total', withTotal(total));
    // 一 = （七） + 四 − 二, kept non-negative by carrying over at most what was handled.
    const over = carriedOver.map((v, c) => Math.min(v, (total[c] as number) + (carriedForward[c] as number)));
    rows.set('carriedOver', withTotal(over));
    rows.set('carriedForward', withTotal(carriedForward));
    rows.set(
      'received',
      withTotal(total.map((t, c) => t + (carriedForward[c] as number) - (over[c] as number))),
    );
    return rows;
  });

function runTogether(rows: Map<string, number[]>): string {
  const body = LEAVES.map((leaf) => `${leaf.label}${(rows.get(leaf.path) as number[]).join('')}`).join('');
  return `三、收到和处理政府信息公开申请情况（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）申请人情况自然人法人或其他组织总计商业企业科研机构社会公益组织法律服务机构其他${body}`;
}

describe('run-together 表三', () => {
  it('imports the true table, or flags the rows it cannot decide with the truth among the candidates', () => {
    fc.assert(
      fc.property(table, (rows) => {
        // A bare 表三 has no title: the caller states the year and agency the text leaves out.
        const result = importReport(runTogether(rows), {
          kind: 'text',
          meta: { agency: '某县测试局', year: 2023 },
        });
        if (!result.ok) throw new Error('not imported');
        const flagged = new Map<string, Set<number>>();
        for (const note of result.notes) {
          if (note.code !== 'ambiguous-run') continue;
          note.cells.forEach((cell, i) => {
            const set = flagged.get(cell) ?? new Set<number>();
            for (const candidate of note.candidates ?? []) set.add(candidate[i] as number);
            flagged.set(cell, set);
          });
        }
        for (const cell of statutoryCells().filter((c) => c.table === 't3')) {
          const [, ...path] = cell.address.split('.');
          const column = path.pop() as (typeof T3_COLUMN_KEYS)[number];
          const truth = (rows.get(path.join('.')) as number[])[T3_COLUMN_KEYS.indexOf(column)];
          const got = readCell(result.report, cell.address);
          if (got === truth) continue;
          expect(flagged.get(cell.address)?.has(truth as number), `${cell.address}: ${got} vs ${truth}`).toBe(
            true,
          );
        }
      }),
      { numRuns: 25 },
    );
  });
});

describe('a row of run-together digits too long to try every reading', () => {
  it('keeps its cells out and says the search was capped (run-capped, naming the row, its cells and line)', () => {
    const rows = new Map<string, number[]>(LEAVES.map((leaf) => [leaf.path, [0, 0, 0, 0, 0, 0, 0]]));
    const text = runTogether(rows).replace(
      `${LEAVES[0]?.label}0000000`,
      // 30 digits no reading of which closes the row: more ways to cut them into seven cells than the search may try.
      `${LEAVES[0]?.label}${'9876543210'.repeat(3)}`,
    );
    const result = importReport(text, { kind: 'text', meta: { agency: '某县测试局', year: 2023 } });
    if (!result.ok) throw new Error('not imported');
    const capped = result.notes.filter((note) => note.code === 'run-capped');
    expect(capped).toHaveLength(1);
    expect(capped[0]?.severity).toBe('warning');
    expect(capped[0]?.cells).toEqual(T3_COLUMN_KEYS.map((column) => `t3.${LEAVES[0]?.path}.${column}`));
    expect(capped[0]?.message.en).toContain(LEAVES[0]?.label ?? '');
    expect(capped[0]?.message.zh).toContain('请核对原文');
  });
});
