/*
 * What every table reader shares: the reading it fills (values, how each was obtained, notes), and turning a
 * row of value tokens into a row of cells (directly, or through the digit splitter when digits ran together).
 */

import type { CellAddress } from '@nianbao/model';
import { importNote, NOTE_TEXT } from '../notes.js';
import type { Token } from '../records.js';
import { type RunReadings, readRun, runCapNote } from '../split-run.js';
import type { ImportNote } from '../types.js';

/** What reading the tables produced: cell values, how each was obtained, and notes. */
export interface TableReading {
  readonly values: Map<CellAddress, number>;
  readonly status: Map<CellAddress, 'read' | 'inferred'>;
  readonly notes: ImportNote[];
}

/** A new, empty reading. */
export function newReading(): TableReading {
  return { values: new Map(), status: new Map(), notes: [] };
}

/** Records a cell's value and how it was obtained; a `null` value leaves the cell blank. */
export function setCell(
  reading: TableReading,
  address: CellAddress,
  value: number | null,
  how: 'read' | 'inferred',
): void {
  if (value === null) return;
  reading.values.set(address, value);
  reading.status.set(address, how);
}

/** Records the parenthesised notes of a row's cells (`22（其中修订16件）`). */
export function cellNotes(
  reading: TableReading,
  addresses: readonly CellAddress[],
  tokens: readonly Token[],
  line: number,
): void {
  tokens.forEach((token, i) => {
    const address = addresses[i];
    if (!token.note || !address) return;
    reading.notes.push(
      importNote(
        'cell-note',
        NOTE_TEXT['cell-note'].cell({ address, value: token.value, note: token.note }),
        [address],
        {
          line,
        },
      ),
    );
  });
}

/** Where a capped digit-splitter search is reported: the row's label and cells, its line, the notes to add to. */
export interface CapReport {
  readonly label: string;
  readonly cells: CellAddress[];
  readonly line?: number;
  readonly notes: ImportNote[];
}

/** Readings of a row of value tokens into `width` numbers: direct, or by splitting runs of digits. */
export function readings(
  tokens: readonly Token[],
  width: number,
  accept: (values: readonly number[]) => boolean,
  prune?: (values: readonly number[]) => boolean,
  cap?: CapReport,
): { direct: (number | null)[] } | { runs: number[][]; total: number } | undefined {
  let cells = [...tokens];
  while (cells.length > width && cells[cells.length - 1]?.value === null) cells.pop();
  if (cells.length === width) return { direct: cells.map((t) => t.value) };
  if (cells.length > width || cells.some((t) => t.value === null || t.digits === undefined)) {
    // Trailing blanks beyond the width were dropped; anything else that does not fit cannot be placed.
    cells = [];
    return undefined;
  }
  const tokenDigits = cells.map((t) => t.digits as string);
  // A search a cap stopped may have missed the right reading: said once, on the search whose answer is used (or,
  // when none is, on the first that was capped), so the reader knows these cells may be wrong or blank.
  const capped = (run: RunReadings): void => {
    if (!cap) return;
    const note = runCapNote(run, {
      label: cap.label,
      raw: cells.map((t) => t.raw).join(' '),
      cells: cap.cells,
      ...(cap.line !== undefined ? { line: cap.line } : {}),
    });
    if (note) cap.notes.push(note);
  };
  const strict = readRun(tokenDigits, width, accept, 1_000_000, prune);
  if (strict.candidates.length > 0) {
    capped(strict);
    return { runs: strict.candidates, total: strict.total };
  }
  const loose = readRun(tokenDigits, width, () => true, 200_000, undefined);
  if (loose.complete && loose.candidates.length > 0 && loose.candidates.length <= 64) {
    capped(strict);
    return { runs: loose.candidates, total: loose.total };
  }
  capped(strict.limit !== undefined ? strict : loose);
  return undefined;
}

/** The first few candidate readings, for a note (`80,1,0 | 8,0,10 …(12)`). */
export function describeCandidates(candidates: readonly number[][]): string {
  const shown = candidates.slice(0, 6).map((c) => c.join(','));
  return shown.join(' | ') + (candidates.length > 6 ? ` …(${candidates.length})` : '');
}

/** The raw text of a row's value tokens, for a note. */
export function rawOf(tokens: readonly Token[]): string {
  return tokens.map((t) => t.raw).join(' ');
}

/** Whether value tokens can be read as a row of `width` cells (exactly, with trailing blanks, or as runs). */
export function couldBeRow(tokens: readonly Token[], width: number): boolean {
  let n = tokens.length;
  while (n > width && tokens[n - 1]?.value === null) n--;
  if (n === width) return true;
  if (n > width) return false;
  const digits = tokens.slice(0, n).map((t) => t.digits);
  if (digits.some((d) => d === undefined)) return false;
  return digits.join('').length >= width;
}
