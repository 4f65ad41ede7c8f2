/*
 * 表二 in the 2019 format: which blocks are legacy, and the one value of a legacy row that has a 2021 cell.
 */

import { fold, squash } from '../normalise.js';
import { importNote, NOTE_TEXT } from '../notes.js';
import type { RowRecord, Token } from '../records.js';
import { describeCandidates, rawOf, readings, setCell, type TableReading } from '../tables/reading.js';
import { LEGACY_DECISIONS_COLUMN, LEGACY_ISSUED_COLUMN, LEGACY_T2_MARKERS } from './labels.js';

/**
 * Whether the rows after `context` (the label lines before a row) are in a 2019 block: a block heading
 * (第二十条第(一)项…) starts a new block, legacy when its headers are the 2019 ones; a 2019 header on its own
 * makes the current block legacy; otherwise the block stays what it was.
 */
export function legacyBlockAfter(context: string, current: boolean): boolean {
  const text = squash(context);
  const marked = LEGACY_T2_MARKERS.some((marker) => text.includes(squash(marker)));
  if (/第二十条第\(?[一二三四五六七八九十]+\)?项/.test(text)) return marked;
  return marked || current;
}

/**
 * A 表二 row of the 2019 format. What maps (spec §5): 本年新制作数量 → 本年制发件数 (both count documents made
 * this year); 处理决定数量 → 本年处理决定数量. 本年新公开数量, 对外公开总数量, 上一年项目数量, 本年增/减 and
 * the 2019 收费 block have no 2021 cell. A run of digits is read as three values, the most plausible
 * reading kept and flagged (no identity links them).
 */
export function readLegacyT2Row(
  record: RowRecord,
  row: { readonly path: string; readonly columns: readonly string[] },
  reading: TableReading,
  ambiguous: 'best' | 'null',
): void {
  const documents = row.columns.length === 3;
  const decisions = row.columns.length === 1 && row.columns[0] === 'decisions';
  const target = documents ? `t2.${row.path}.issued` : decisions ? `t2.${row.path}.decisions` : undefined;
  const column = documents ? 0 : 2;
  const unmapped = row.columns.map((c) => `t2.${row.path}.${c}`).filter((address) => address !== target);
  const raw = rawOf(record.values);
  reading.notes.push(
    importNote(
      'format-legacy',
      NOTE_TEXT['format-legacy'].t2Row({
        label: record.label,
        raw,
        ...(target
          ? { mapped: { column: documents ? LEGACY_ISSUED_COLUMN : LEGACY_DECISIONS_COLUMN, target } }
          : {}),
      }),
      unmapped,
      { line: record.line },
    ),
  );
  if (!target) return;
  // 本年增/减 may be negative: `行政处罚2648-18538` is 2648 | -18… | …538, the minus opening the middle cell.
  const signed = /(\d+)\s*[-－—]$/.exec(fold(record.label));
  const tokens: Token[] = signed
    ? [{ raw: signed[1] as string, value: Number(signed[1]), digits: signed[1] as string }, ...record.values]
    : record.values;
  const first = signed ? Number(signed[1]) : undefined;
  const result = readings(tokens, 3, (values) => first === undefined || values[0] === first);
  if (!result) return;
  if ('direct' in result) {
    setCell(reading, target, result.direct[column] ?? null, 'read');
    return;
  }
  const ranked = [...result.runs].sort((a, b) => Math.max(...a) - Math.max(...b));
  const chosen = ranked[0] as number[];
  if (ranked.length > 1) {
    const values = [...new Set(ranked.map((r) => r[column] as number))];
    if (values.length > 1) {
      reading.notes.push(
        importNote(
          'ambiguous-run',
          NOTE_TEXT['ambiguous-run'].t2LegacyRow({
            label: record.label,
            raw,
            count: ranked.length,
            shown: describeCandidates(ranked),
            ...(ambiguous === 'best' ? { chosen: chosen.join(',') } : {}),
          }),
          [target],
          { candidates: ranked.map((r) => [r[column] as number]), line: record.line },
        ),
      );
      if (ambiguous === 'null') return;
      setCell(reading, target, chosen[column] ?? null, 'inferred');
      return;
    }
  }
  setCell(reading, target, chosen[column] ?? null, 'read');
}
