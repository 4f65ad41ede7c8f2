/*
 * 表三: value rows aligned with the statute's rows by their labels (a monotone alignment: rows appear in
 * statutory order), cells read by header or by position, runs of digits split and chosen by the table's column
 * identities. The 2019 format's one-row （六） is handled in format-2019/t3.ts.
 */

import { type CellAddress, T3_SPEC } from '@nianbao/model';
import { checkLegacyResults, readLegacyOtherRow, withLegacyOtherRow } from '../format-2019/t3.js';
import { labelCore, longestCommon, stripNumbering } from '../normalise.js';
import { importNote, NOTE_TEXT } from '../notes.js';
import type { CutPhrase, Region, RowRecord } from '../records.js';
import {
  cellNotes,
  couldBeRow,
  describeCandidates,
  rawOf,
  readings,
  setCell,
  type TableReading,
} from './reading.js';
import { byHeaders, type FlatRow, headerColumns, T3_COLUMNS, T3_LEAVES, T3_ROWS } from './spec-walks.js';
import { closes, T3_COLUMN_SUMS, T3_ROW } from './sums.js';

/** Alignment targets: the leaf rows, and （六）其他处理 as one row (the 2019 format) after （五）5. */
const T3_TARGETS: readonly FlatRow[] = withLegacyOtherRow(T3_LEAVES);

/** Phrases that cut run-together 表三 text into rows. */
export const T3_PHRASES: readonly CutPhrase[] = [
  ...T3_ROWS.map((row) => ({ phrase: stripNumbering(row.label), numbering: row.numbering })),
  { phrase: T3_SPEC.blocks[0]?.corner ?? '' },
];

/** How well a record's label names a target row: the longest common run of characters, 0 if too weak. */
function matchWeight(label: string, row: FlatRow): number {
  // Labels are short; a huge "label" (a page with no line breaks) is cut to the part next to the values,
  // which keeps the longest-common-substring search cheap.
  const core = labelCore(label.length > 400 ? label.slice(-400) : label);
  if (core === '' || row.core === '') return 0;
  const common = longestCommon(core, row.core);
  if (common < Math.min(row.core.length, 4)) return 0;
  if (common < row.core.length * 0.6) return 0;
  // A short core (3.其他) must be the whole label, not a word inside another label.
  if (row.core.length < 4 && core.length > row.core.length + 2) return 0;
  return common;
}

interface Placed {
  readonly record: RowRecord;
  readonly target: FlatRow;
  readonly how: 'read' | 'inferred';
}

/**
 * Aligns the value rows found with the statutory rows. Rows appear in statutory order, so the alignment is
 * monotone: a dynamic programme maximises the label evidence (own label, then a floated label before the
 * row at half weight); a row without a label is kept only where its position is forced by its neighbours.
 */
function alignT3(records: readonly RowRecord[], reading: TableReading): Placed[] {
  const n = T3_TARGETS.length;
  const k = records.length;
  const ownWeight = (record: RowRecord, target: FlatRow): number =>
    record.label
      ? Math.max(matchWeight(record.label, target), record.leaf ? matchWeight(record.leaf, target) : 0)
      : 0;
  // A label that names no row by itself may be the tail of a wrapped one (`正、行政机关不再处理其政府信` after
  // `1、申请人无正当理由逾期不补`): then the label lines just before it are read with it.
  const wrapped = records.map(
    (record) =>
      record.label !== '' &&
      record.before !== '' &&
      T3_TARGETS.every((target) => ownWeight(record, target) === 0),
  );
  const weight = (i: number, j: number): number => {
    const record = records[i] as RowRecord;
    const target = T3_TARGETS[j] as FlatRow;
    const own = wrapped[i]
      ? matchWeight(`${record.before} ${record.label}`.slice(-120), target)
      : ownWeight(record, target);
    if (own > 0) return own + (target.group ? -0.5 : 0);
    if (record.label) {
      // A label that names nothing: a value row of a header, or a label we cannot read.
      return target.group ? Number.NEGATIVE_INFINITY : 0;
    }
    const floated = record.before ? matchWeight(record.before, target) / 2 : 0;
    return target.group ? Number.NEGATIVE_INFINITY : floated;
  };
  const SKIP = -10;
  const f: number[][] = Array.from({ length: k + 1 }, () =>
    new Array<number>(n + 1).fill(Number.NEGATIVE_INFINITY),
  );
  const choice: number[][] = Array.from({ length: k + 1 }, () => new Array<number>(n + 1).fill(0));
  for (let j = 0; j <= n; j++) (f[0] as number[])[j] = 0;
  for (let i = 1; i <= k; i++) {
    for (let j = 0; j <= n; j++) {
      let best = (f[i - 1] as number[])[j] as number;
      best += SKIP;
      let how = -1; // skip record i-1
      if (j > 0) {
        const keep = (f[i] as number[])[j - 1] as number; // target j-1 unused
        if (keep > best) {
          best = keep;
          how = -2;
        }
        const w = weight(i - 1, j - 1);
        const take = ((f[i - 1] as number[])[j - 1] as number) + w;
        if (w !== Number.NEGATIVE_INFINITY && take >= best) {
          best = take;
          how = j - 1;
        }
      }
      (f[i] as number[])[j] = best;
      (choice[i] as number[])[j] = how;
    }
  }
  const assigned: (number | undefined)[] = new Array(k).fill(undefined);
  let i = k;
  let j = n;
  while (i > 0) {
    const how = (choice[i] as number[])[j] as number;
    if (how === -2) j--;
    else if (how === -1) i--;
    else {
      assigned[i - 1] = how;
      i--;
      j--;
    }
  }
  const placed: Placed[] = [];
  const anchors = assigned.map((target, r) =>
    target !== undefined && weight(r, target) > 0 ? target : undefined,
  );
  for (let r = 0; r < k; r++) {
    const record = records[r] as RowRecord;
    const target = assigned[r];
    if (target === undefined) {
      reading.notes.push(
        importNote(
          'label-unmatched',
          NOTE_TEXT['label-unmatched'].t3NoRow({ line: record.line, raw: rawOf(record.values) }),
          [],
          { line: record.line },
        ),
      );
      continue;
    }
    if (anchors[r] !== undefined) {
      placed.push({ record, target: T3_TARGETS[target] as FlatRow, how: 'read' });
      continue;
    }
    // Forced? Between the neighbouring anchors there must be exactly as many leaf rows as records.
    let a = r - 1;
    while (a >= 0 && anchors[a] === undefined) a--;
    let b = r + 1;
    while (b < k && anchors[b] === undefined) b++;
    const from = a >= 0 ? (anchors[a] as number) : -1;
    const to = b < k ? (anchors[b] as number) : n;
    const slots = T3_TARGETS.slice(from + 1, to).filter((row) => !row.group).length;
    const between = b - a - 1;
    if (slots === between) {
      const leafTargets = T3_TARGETS.slice(from + 1, to).filter((row) => !row.group);
      const row = leafTargets[r - a - 1] as FlatRow;
      placed.push({ record, target: row, how: 'inferred' });
      reading.notes.push(
        importNote(
          'row-inferred',
          NOTE_TEXT['row-inferred'].byOrder({ line: record.line, label: row.label }),
          [],
          { line: record.line },
        ),
      );
    } else {
      reading.notes.push(
        importNote('label-unmatched', NOTE_TEXT['label-unmatched'].t3Unplaced({ line: record.line }), [], {
          line: record.line,
        }),
      );
    }
  }
  return placed;
}

/** Reads 表三. Returns whether the 2019 format's one-row （六）其他处理 was found. */
export function readT3(
  region: Region,
  reading: TableReading,
  ambiguous: 'best' | 'null',
): { legacy: boolean } {
  // A stray value (a page number, a cell the converter displaced) cannot be a row of 7: set it aside, and
  // pass the labels before it on to the next row.
  const usable: RowRecord[] = [];
  let carry = '';
  for (const record of region.records) {
    if (record.values.length === 0) continue;
    if (!couldBeRow(record.values, T3_COLUMNS.length)) {
      carry = [carry, record.before, record.label].filter((t) => t).join(' ');
      reading.notes.push(
        importNote(
          'label-unmatched',
          NOTE_TEXT['label-unmatched'].t3Stray({ line: record.line, raw: rawOf(record.values) }),
          [],
          { line: record.line },
        ),
      );
      continue;
    }
    usable.push(carry && !record.label ? { ...record, before: `${carry} ${record.before}`.trim() } : record);
    carry = '';
  }
  const placed = alignT3(usable, reading);
  const headers = headerColumns(region.headerRows, T3_SPEC);
  let legacy = false;
  let legacyRow: (number | null)[] | undefined;
  type Pending = { placed: Placed; runs: number[][] };
  const pending: Pending[] = [];
  for (const p of placed) {
    const prefix = `t3.${p.target.path}`;
    const tokens = byHeaders(p.record, headers, T3_COLUMNS) ?? p.record.values;
    const result = readings(tokens, T3_COLUMNS.length, T3_ROW.accept, undefined, {
      label: p.target.label,
      cells: T3_COLUMNS.map((column) => `${prefix}.${column}`),
      line: p.record.line,
      notes: reading.notes,
    });
    if (p.target.group) {
      // Only the 2019 format's one-row （六） is a group target.
      legacy = true;
      legacyRow = readLegacyOtherRow(tokens, p.record.line, reading) ?? legacyRow;
      continue;
    }
    const addresses = T3_COLUMNS.map((column) => `${prefix}.${column}`);
    if (!result) {
      reading.notes.push(
        importNote(
          'label-unmatched',
          NOTE_TEXT['label-unmatched'].t3Width({
            label: p.target.label,
            raw: rawOf(tokens),
            width: T3_COLUMNS.length,
          }),
          addresses,
          { line: p.record.line },
        ),
      );
      continue;
    }
    if ('direct' in result) {
      addresses.forEach((address, c) => {
        setCell(reading, address, result.direct[c] ?? null, p.how);
      });
      cellNotes(reading, addresses, tokens, p.record.line);
      continue;
    }
    pending.push({ placed: p, runs: result.runs });
  }
  resolveRuns(pending, reading, ambiguous);
  if (legacyRow) checkLegacyResults(legacyRow, reading);
  return { legacy };
}

/** Column identities of 表三 a reading satisfies (T3-R1 and T3-R2 in each column, from the model's sums). */
function t3ColumnScore(values: ReadonlyMap<CellAddress, number>): number {
  let score = 0;
  for (const sum of T3_COLUMN_SUMS) if (closes(sum, values)) score++;
  return score;
}

/**
 * Chooses among the readings of rows printed as digit runs: every combination (when few) is scored by the
 * column identities; the best wins. When several combinations tie and differ in a row, that row is
 * ambiguous: a warning lists its candidates, and with `ambiguous: 'null'` its cells stay blank.
 */
function resolveRuns(
  pending: readonly { placed: Placed; runs: number[][] }[],
  reading: TableReading,
  ambiguous: 'best' | 'null',
): void {
  if (pending.length === 0) return;
  const addressesOf = (p: Placed): string[] => T3_COLUMNS.map((column) => `t3.${p.target.path}.${column}`);
  const choose = pending.map(() => 0);
  const apply = (values: Map<CellAddress, number>, indices: readonly number[]): void => {
    pending.forEach((p, r) => {
      const run = p.runs[indices[r] as number] as number[];
      addressesOf(p.placed).forEach((address, c) => {
        values.set(address, run[c] as number);
      });
    });
  };
  const combos = pending.reduce((product, p) => product * p.runs.length, 1);
  let winners: number[][] = [];
  if (combos <= 20_000) {
    let best = -1;
    const indices = pending.map(() => 0);
    for (let n = 0; n < combos; n++) {
      let rest = n;
      for (let r = 0; r < pending.length; r++) {
        const count = (pending[r] as (typeof pending)[number]).runs.length;
        indices[r] = rest % count;
        rest = Math.floor(rest / count);
      }
      const values = new Map(reading.values);
      apply(values, indices);
      const score = t3ColumnScore(values);
      if (score > best) {
        best = score;
        winners = [[...indices]];
      } else if (score === best) winners.push([...indices]);
    }
  } else {
    winners = [choose];
  }
  const unique: string[] = [];
  const uniqueCells: CellAddress[] = [];
  pending.forEach((p, r) => {
    const options = [...new Set(winners.map((w) => w[r] as number))];
    const addresses = addressesOf(p.placed);
    const chosen = p.runs[options[0] as number] as number[];
    if (options.length > 1) {
      const candidates = options.map((o) => p.runs[o] as number[]);
      reading.notes.push(
        importNote(
          'ambiguous-run',
          NOTE_TEXT['ambiguous-run'].t3Row({
            label: p.placed.target.label,
            raw: rawOf(p.placed.record.values),
            count: candidates.length,
            shown: describeCandidates(candidates),
          }),
          addresses,
          { candidates, line: p.placed.record.line },
        ),
      );
      if (ambiguous === 'null') return;
    } else if (p.runs.length > 1) {
      // Several readings close the row; the column identities left one.
      reading.notes.push(
        importNote(
          'run-split',
          NOTE_TEXT['run-split'].t3Chosen({
            label: p.placed.target.label,
            raw: rawOf(p.placed.record.values),
            count: p.runs.length,
            chosen: chosen.join(','),
          }),
          addresses,
          { line: p.placed.record.line, candidates: p.runs },
        ),
      );
    } else {
      unique.push(p.placed.target.label);
      uniqueCells.push(...addresses);
    }
    // A reading that is the only one left is as good as printed; a chosen one among several is inferred.
    addresses.forEach((address, c) => {
      setCell(reading, address, chosen[c] ?? null, options.length > 1 ? 'inferred' : 'read');
    });
  });
  if (unique.length > 0) {
    reading.notes.push(
      importNote('run-split', NOTE_TEXT['run-split'].t3Unique({ rows: unique.length }), uniqueCells),
    );
  }
}
