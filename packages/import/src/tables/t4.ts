/*
 * 表四: one row of values, read by header or by position, or a run of digits split so that each group's
 * parts close to its 总计 (T4-R1).
 */

import { T4_SPEC } from '@nianbao/model';
import { importNote, NOTE_TEXT } from '../notes.js';
import type { CutPhrase, Region } from '../records.js';
import { cellNotes, describeCandidates, rawOf, readings, setCell, type TableReading } from './reading.js';
import { byHeaders, columnLabels, headerColumns, T4_COLUMNS } from './spec-walks.js';
import { T4_ROW } from './sums.js';

/** Phrases that cut run-together 表四 text (its headers; the data row is what follows). */
export const T4_PHRASES: readonly CutPhrase[] = [...new Set(columnLabels(T4_SPEC))].map((phrase) => ({
  phrase,
}));

/** Reads 表四: the row of 15 values (or a run that splits into 15 satisfying T4-R1), in statutory order. */
export function readT4(region: Region, reading: TableReading, ambiguous: 'best' | 'null'): boolean {
  const addresses = T4_COLUMNS.map((column) => `t4.${column}`);
  const headers = headerColumns(region.headerRows, T4_SPEC);
  for (const record of [...region.records].reverse()) {
    const tokens = byHeaders(record, headers, T4_COLUMNS) ?? record.values;
    const result = readings(tokens, addresses.length, T4_ROW.accept, T4_ROW.prune, {
      label: record.label,
      cells: addresses,
      line: record.line,
      notes: reading.notes,
    });
    if (!result) continue;
    if ('direct' in result) {
      addresses.forEach((address, c) => {
        setCell(reading, address, result.direct[c] ?? null, 'read');
      });
      cellNotes(reading, addresses, tokens, record.line);
      return true;
    }
    const chosen = result.runs[0] as number[];
    if (result.runs.length > 1) {
      reading.notes.push(
        importNote(
          'ambiguous-run',
          NOTE_TEXT['ambiguous-run'].t4({
            raw: rawOf(record.values),
            count: result.runs.length,
            shown: describeCandidates(result.runs),
          }),
          addresses,
          { candidates: result.runs, line: record.line },
        ),
      );
      if (ambiguous === 'null') return true;
    } else {
      reading.notes.push(
        importNote(
          'run-split',
          NOTE_TEXT['run-split'].t4({ raw: rawOf(record.values), chosen: chosen.join(',') }),
          addresses,
          { line: record.line },
        ),
      );
    }
    addresses.forEach((address, c) => {
      setCell(reading, address, chosen[c] ?? null, result.runs.length > 1 ? 'inferred' : 'read');
    });
    return true;
  }
  return false;
}
