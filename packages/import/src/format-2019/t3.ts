/*
 * 表三 in the 2019 format: （六）其他处理 is one row there, three sub-rows in 2021. The one row is an alignment
 * target of its own (after （五）5.), its values have no 2021 cell, and T3-R2 is checked with it here because
 * checkReport cannot (the three sub-rows stay blank).
 */

import { importNote, NOTE_TEXT } from '../notes.js';
import type { Token } from '../records.js';
import { closesWithTotal } from '../split-run.js';
import { rawOf, readings, type TableReading } from '../tables/reading.js';
import { type FlatRow, T3_COLUMNS, T3_LEAVES, T3_ROWS } from '../tables/spec-walks.js';

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
  const values = readings(tokens, T3_COLUMNS.length, closesWithTotal);
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
  const leaves = T3_LEAVES.filter(
    (row) =>
      row.path.startsWith('results.') &&
      row.path !== TOTAL_ROW.path &&
      !row.path.startsWith(`${OTHER_GROUP.path}.`),
  );
  T3_COLUMNS.forEach((column, c) => {
    const total = reading.values.get(`t3.${TOTAL_ROW.path}.${column}`);
    const single = legacyRow[c];
    let sum = single ?? Number.NaN;
    for (const leaf of leaves) sum += reading.values.get(`t3.${leaf.path}.${column}`) ?? Number.NaN;
    if (total === undefined || Number.isNaN(sum) || sum === total) return;
    reading.notes.push(
      importNote(
        'legacy-arithmetic',
        NOTE_TEXT['legacy-arithmetic'].t3Column({
          column,
          label: OTHER_GROUP.label,
          single: single ?? null,
          sum,
          total,
          totalLabel: TOTAL_ROW.label,
        }),
        [`t3.${TOTAL_ROW.path}.${column}`],
        { candidates: [[total, sum]] },
      ),
    );
  });
}
