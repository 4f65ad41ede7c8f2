/*
 * 表三 in the 2019 format: （六）其他处理 is one row there, three sub-rows in 2021. The one row is an alignment
 * target of its own (after （五）5.), its values have no 2021 cell, and T3-R2 is checked with it here because
 * checkReport cannot (the three sub-rows stay blank).
 */

import type { CellAddress } from '@nianbao/model';
import { importNote, NOTE_TEXT } from '../notes.js';
import type { Token } from '../records.js';
import { rawOf, readings, type TableReading } from '../tables/reading.js';
import { type FlatRow, T3_COLUMNS, T3_LEAVES, T3_ROWS } from '../tables/spec-walks.js';
import { T3_COLUMN_SUMS, T3_ROW } from '../tables/sums.js';

/** The 2021 group whose three sub-rows the 2019 format prints as one row. */
const OTHER_GROUP: FlatRow = T3_ROWS.find((row) => row.path === 'results.other') as FlatRow;
/** （七）总计, which the 2019 format's results sum to. */
const TOTAL_ROW: FlatRow = T3_ROWS.find((row) => row.path === 'results.total') as FlatRow;
const OTHER_LEAVES: readonly FlatRow[] = T3_LEAVES.filter((row) =>
  row.path.startsWith(`${OTHER_GROUP.path}.`),
);

/** Alignment targets: the 2021 leaf rows, and the group （六）其他处理 as one row (the 2019 format) before its sub-rows. */
export function withLegacyOtherRow(leaves: readonly FlatRow[]): FlatRow[] {
  const targets = [...leaves];
  const at = targets.findIndex((row) => row.path.startsWith(`${OTHER_GROUP.path}.`));
  targets.splice(at, 0, OTHER_GROUP);
  return targets;
}

/**
 * The 2019 format's single （六） row: its values (when they read as one row of 7) for {@link checkLegacyResults},
 * and a `format-legacy` note that its 2021 sub-rows are left blank.
 */
export function readLegacyOtherRow(
  tokens: readonly Token[],
  line: number,
  reading: TableReading,
): (number | null)[] | undefined {
  const values = readings(tokens, T3_COLUMNS.length, T3_ROW.accept);
  const row =
    values && 'direct' in values
      ? values.direct
      : values && values.runs.length === 1
        ? (values.runs[0] as number[])
        : undefined;
  const raw = rawOf(tokens);
  reading.notes.push(
    importNote(
      'format-legacy',
      NOTE_TEXT['format-legacy'].t3Other({ label: OTHER_GROUP.label, raw }),
      OTHER_LEAVES.flatMap((leaf) => T3_COLUMNS.map((column) => `t3.${leaf.path}.${column}`)),
      { line },
    ),
  );
  return row;
}

/**
 * T3-R2 with the 2019 format's one-row （六）: （七）总计 = the 2021 result rows other than （六） + the single
 * （六） row. checkReport cannot decide it (the three （六） sub-rows are null), so the importer checks it here.
 */
export function checkLegacyResults(legacyRow: readonly (number | null)[], reading: TableReading): void {
  for (const sum of T3_COLUMN_SUMS) {
    if (sum.rule !== 't3-results-total' || sum.column === undefined) continue;
    const column = sum.column;
    const totalCell = sum.right[0] as CellAddress;
    const total = reading.values.get(totalCell);
    const single = legacyRow[T3_COLUMNS.indexOf(column)];
    // The model's sum over the 2021 result rows, with the single 2019 row in place of （六）'s three sub-rows.
    let value = single ?? Number.NaN;
    for (const cell of sum.left) {
      if (!cell.startsWith(`t3.${OTHER_GROUP.path}.`)) value += reading.values.get(cell) ?? Number.NaN;
    }
    if (total === undefined || Number.isNaN(value) || value === total) continue;
    reading.notes.push(
      importNote(
        'legacy-arithmetic',
        NOTE_TEXT['legacy-arithmetic'].t3Column({
          column,
          label: OTHER_GROUP.label,
          single: single ?? null,
          sum: value,
          total,
          totalLabel: TOTAL_ROW.label,
        }),
        [totalCell],
        { candidates: [[total, value]] },
      ),
    );
  }
}
