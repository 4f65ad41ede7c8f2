import { cellLabel, describeCell } from '../tables/cells.js';
import { parseOrdinal } from '../tables/ordinals.js';
import type { CellAddress } from '../types.js';

/*
 * Label helpers for messages. Every label comes from the table specs through describeCell/cellLabel;
 * nothing here restates a statute label.
 */

/** A number as printed in messages. */
export function fmt(n: number | null): string {
  return n === null ? '?' : String(n);
}

/** The innermost column label of a cell, e.g. `自然人`, `总计`, `结果维持`. */
export function columnLabel(address: CellAddress): string {
  return describeCell(address)?.columnLabels.at(-1) ?? address;
}

/** The column labels of a cell above its innermost one, e.g. `行政诉讼 › 复议后起诉`. */
export function columnGroupLabel(address: CellAddress): string {
  return describeCell(address)?.columnLabels.slice(0, -1).join(' › ') ?? address;
}

/** The full row label of a cell, e.g. `三、本年度办理结果 › （三）不予公开 › 1.属于国家秘密`. */
export function rowLabel(address: CellAddress): string {
  return describeCell(address)?.rowLabels.join(' › ') ?? address;
}

/** The innermost row label of a cell, e.g. `规章`, `（七）总计`, `四、结转下年度继续办理`. */
export function innerRowLabel(address: CellAddress): string {
  return describeCell(address)?.rowLabels.at(-1) ?? address;
}

/** A row's short name as the corner note uses it: `一、本年新收…` → `一`; `（七）总计` stays. */
export function shortRowLabel(address: CellAddress): string {
  const label = innerRowLabel(address);
  const ordinal = parseOrdinal(label);
  return ordinal?.kind === 'top' ? ordinal.numeral : label;
}

/** Cells named by their Chinese labels, e.g. for the list of blank cells of an uncertain instance. */
export function labelList(addresses: readonly CellAddress[], max = 6): { zh: string; en: string } {
  const shown = addresses.slice(0, max).map((a) => `${cellLabel(a)}（${a}）`);
  const more = addresses.length - shown.length;
  return {
    zh: shown.join('；') + (more > 0 ? `；等 ${more} 处` : ''),
    en: shown.join('; ') + (more > 0 ? `; and ${more} more` : ''),
  };
}

/** How a non-number found in a cell is shown in a message. */
export function showRaw(value: unknown): { zh: string; en: string } {
  if (value === undefined) return { zh: '缺失', en: 'missing' };
  if (typeof value === 'string') return { zh: JSON.stringify(value), en: JSON.stringify(value) };
  if (typeof value === 'number') return { zh: String(value), en: String(value) };
  if (value === null) return { zh: 'null', en: 'null' };
  return { zh: typeof value, en: typeof value };
}
