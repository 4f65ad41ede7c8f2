/*
 * 表二: rows found by their labels (the statute's, or a real-world variant), block by block; a run of digits
 * split into the row's cells, the most plausible reading kept and flagged (no identity links them). The 2019
 * format's blocks are read in format-2019/t2.ts.
 */

import { T2_SPEC } from '@nianbao/model';
import { ROW_LABEL_ALIASES } from '../aliases.js';
import { LEGACY_DECISIONS_COLUMN, LEGACY_T2_MARKERS, LEGACY_T2_ROWS } from '../format-2019/labels.js';
import { legacyBlockAfter, readLegacyT2Row } from '../format-2019/t2.js';
import { labelCore } from '../normalise.js';
import { importNote, NOTE_TEXT } from '../notes.js';
import type { CutPhrase, Region } from '../records.js';
import { cellNotes, describeCandidates, rawOf, readings, setCell, type TableReading } from './reading.js';

/** A 表二 row: its key, the labels it is printed with, and its column keys. */
interface T2Row {
  readonly path: string;
  readonly labels: readonly string[];
  readonly columns: readonly string[];
}

const T2_ROWS: readonly T2Row[] = T2_SPEC.blocks.flatMap((block) =>
  (block.rows ?? []).map((row) => ({
    path: row.key as string,
    labels: [row.label, ...(ROW_LABEL_ALIASES[row.key as string] ?? [])],
    columns: block.columns.map((column) => column.key as string),
  })),
);

/** Phrases that cut run-together 表二 text. */
export const T2_PHRASES: readonly CutPhrase[] = [
  ...T2_SPEC.blocks.flatMap((block) => [
    ...(block.title ? [{ phrase: block.title }] : []),
    ...(block.corner ? [{ phrase: block.corner }] : []),
    ...block.columns.map((column) => ({ phrase: column.label })),
  ]),
  ...T2_ROWS.flatMap((row) => row.labels.map((phrase) => ({ phrase }))),
  ...LEGACY_T2_ROWS.map((phrase) => ({ phrase })),
  ...LEGACY_T2_MARKERS.map((phrase) => ({ phrase })),
  { phrase: LEGACY_DECISIONS_COLUMN },
];

function t2RowOf(label: string): T2Row | 'legacy' | undefined {
  // A signed 2019 value glued to the label (`行政处罚2648-`) is not part of the label.
  const core = labelCore(label).replace(/\d+$/, '');
  if (core === '') return undefined;
  for (const legacy of LEGACY_T2_ROWS) if (core.endsWith(labelCore(legacy))) return 'legacy';
  let best: T2Row | undefined;
  let bestLength = 0;
  for (const row of T2_ROWS) {
    for (const name of row.labels) {
      const c = labelCore(name);
      if ((core === c || core.endsWith(c)) && c.length > bestLength) {
        best = row;
        bestLength = c.length;
      }
    }
  }
  return best;
}

/** 现行有效 at least 制发 and 废止; then the smallest largest value; then 制发 ≥ 废止: a reading's plausibility. */
function documentRowRank(values: readonly number[]): number[] {
  const [issued = 0, repealed = 0, inForce = 0] = values;
  return [
    inForce >= issued && inForce >= repealed ? 0 : 1,
    Math.max(issued, repealed, inForce),
    issued >= repealed ? 0 : 1,
  ];
}

function compareRanks(a: readonly number[], b: readonly number[]): number {
  for (let i = 0; i < a.length; i++) {
    const d = (a[i] as number) - (b[i] as number);
    if (d !== 0) return d;
  }
  return 0;
}

/**
 * Reads 表二 block by block. A block whose headers are the 2019 format's (本年新制作数量, 上一年项目数量…) is
 * legacy: its 处理决定数量 maps to 本年处理决定数量, nothing else does, and a `format-legacy` note says so.
 */
export function readT2(
  region: Region,
  reading: TableReading,
  ambiguous: 'best' | 'null',
): { legacy: boolean } {
  let legacyBlock = false;
  let legacyAny = false;
  for (const record of region.records) {
    legacyBlock = legacyBlockAfter(record.before, legacyBlock);
    const row = t2RowOf(record.label);
    if (row === undefined) continue;
    if (row === 'legacy' || legacyBlock) {
      legacyAny = true;
      if (row === 'legacy') continue;
      readLegacyT2Row(record, row, reading, ambiguous);
      continue;
    }
    const cells = row.columns.map((column) => `t2.${row.path}.${column}`);
    const result = readings(record.values, cells.length, () => true, undefined, {
      label: record.label,
      cells,
      line: record.line,
      notes: reading.notes,
    });
    if (!result) {
      reading.notes.push(
        importNote(
          'label-unmatched',
          NOTE_TEXT['label-unmatched'].t2Width({
            label: record.label,
            raw: rawOf(record.values),
            width: cells.length,
          }),
          cells,
          { line: record.line },
        ),
      );
      continue;
    }
    if ('direct' in result) {
      cells.forEach((address, c) => {
        setCell(reading, address, result.direct[c] ?? null, 'read');
      });
      cellNotes(reading, cells, record.values, record.line);
      continue;
    }
    const ranked = [...result.runs].sort((a, b) => compareRanks(documentRowRank(a), documentRowRank(b)));
    const chosen = ranked[0] as number[];
    if (ranked.length > 1) {
      reading.notes.push(
        importNote(
          'ambiguous-run',
          NOTE_TEXT['ambiguous-run'].t2Row({
            label: record.label,
            raw: rawOf(record.values),
            count: ranked.length,
            shown: describeCandidates(ranked),
            ...(ambiguous === 'best' ? { chosen: chosen.join(',') } : {}),
          }),
          cells,
          { candidates: ranked, line: record.line },
        ),
      );
      if (ambiguous === 'null') continue;
    }
    cells.forEach((address, c) => {
      setCell(reading, address, chosen[c] ?? null, ranked.length > 1 ? 'inferred' : 'read');
    });
  }
  return { legacy: legacyAny };
}
