import type { CellAddress } from '../types.js';
import { type CellInfo, describeCell, statutoryCells } from './cells.js';
import { CHINESE_NUMERALS, type Ordinal, parseOrdinal } from './ordinals.js';

/*
 * Short names for the cells on each side of a cross-check, derived from the statute's labels (never restated):
 * a row is named by its ordinal (`一、本年新收…` → `一`, `（七）总计` → `（七）`, `（三）不予公开 › 1.属于国家秘密` →
 * `（三）1`), a column by its leaf label (`结果维持`). Long runs collapse as the statute writes them:
 * `（三）1 + … + （三）8` → `（三）1–8`.
 */

interface RowName {
  prefix: string;
  number?: number;
}

/** A row is named by its ordinal as written, less the enumeration comma: `一`, `（七）`. */
function prefixOf(ordinal: Ordinal): string {
  return ordinal.kind === 'top' ? ordinal.numeral : ordinal.text;
}

function rowName(labels: readonly string[]): RowName | undefined {
  let parent = '';
  for (let i = labels.length - 1; i >= 0; i--) {
    const ordinal = parseOrdinal(labels[i] ?? '');
    if (!ordinal) continue;
    if (ordinal.kind !== 'item') return { prefix: prefixOf(ordinal) };
    // A numbered sub-item is named under its parent category: （三）1.
    for (let j = i - 1; j >= 0 && parent === ''; j--) {
      const up = parseOrdinal(labels[j] ?? '');
      if (up && up.kind !== 'item') parent = prefixOf(up);
    }
    return { prefix: parent, number: ordinal.value };
  }
  return undefined;
}

function sameLabels(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((label, i) => label === b[i]);
}

function joinRows(names: readonly RowName[]): string {
  const parts: string[] = [];
  let i = 0;
  while (i < names.length) {
    const name = names[i] as RowName;
    let j = i;
    while (
      name.number !== undefined &&
      j + 1 < names.length &&
      names[j + 1]?.prefix === name.prefix &&
      names[j + 1]?.number === (names[j]?.number ?? 0) + 1
    ) {
      j++;
    }
    if (j - i >= 2) parts.push(`${name.prefix}${name.number}–${names[j]?.number}`);
    else for (let k = i; k <= j; k++) parts.push(`${names[k]?.prefix}${names[k]?.number ?? ''}`);
    i = j + 1;
  }
  return parts.join('+');
}

/** The label of the category a row belongs to: its innermost label that carries a `（一）`-style ordinal. */
function categoryOf(info: CellInfo): string | undefined {
  for (let i = info.rowLabels.length - 1; i >= 0; i--) {
    if (parseOrdinal(info.rowLabels[i] ?? '')?.kind === 'category') return info.rowLabels[i];
  }
  return undefined;
}

/**
 * `（一）–（六）` when the cells are every row of three or more consecutive categories (in one column): the
 * statute has no subtotal rows for （三）…（六）, so "all of （一） to （六）" is what such a side adds up.
 */
function categoryRange(infos: readonly CellInfo[]): string | undefined {
  const first = infos[0];
  if (!first) return undefined;
  const categories = new Map<string, number>();
  for (const info of infos) {
    const category = categoryOf(info);
    if (!category) return undefined;
    categories.set(category, (categories.get(category) ?? 0) + 1);
  }
  if (categories.size < 3) return undefined;
  const ordinals = [...categories.keys()].map((label) => parseOrdinal(label)?.numeral ?? '');
  const start = CHINESE_NUMERALS.indexOf(ordinals[0] ?? '');
  if (start < 0 || ordinals.some((o, i) => CHINESE_NUMERALS[start + i] !== o)) return undefined;
  // Every statutory row of each category, in this column, must be on the side.
  for (const [category, count] of categories) {
    const all = statutoryCells().filter(
      (cell) =>
        cell.table === first.table &&
        sameLabels(cell.columnLabels, first.columnLabels) &&
        categoryOf(cell) === category,
    ).length;
    if (all !== count) return undefined;
  }
  return `（${ordinals[0]}）–（${ordinals.at(-1)}）`;
}

/**
 * What the cells of one side of a check are called, e.g. `一+二`, `（三）1–8`, `结果维持+结果纠正`. `context` is
 * every cell of the check: when they all sit in one column, rows name them; otherwise columns do.
 */
export function sideName(cells: readonly CellAddress[], context: readonly CellAddress[] = cells): string {
  const infos = cells.map((address) => describeCell(address));
  if (infos.length === 0) return '';
  const first = infos[0];
  if (!first || infos.some((info) => info === undefined)) return cells.join('+');
  const sameColumn = context.every((address) => {
    const info = describeCell(address);
    return info !== undefined && sameLabels(info.columnLabels, first.columnLabels);
  });
  if (sameColumn && first.rowLabels.length > 0) {
    const range = categoryRange(infos as CellInfo[]);
    if (range) return range;
    const names = infos.map((info) => rowName(info?.rowLabels ?? []));
    if (names.every((name) => name !== undefined)) return joinRows(names as RowName[]);
  }
  const leaves = infos.map((info) => info?.columnLabels.at(-1) ?? info?.rowLabels.at(-1) ?? '');
  if (leaves.length > 4) return `${leaves[0]}+…+${leaves.at(-1)}`;
  return leaves.join('+');
}

/** What a row of cells is called, for row-wise checks: `（七）`, `（三）1`, or the row's last label. */
export function rowNameOf(address: CellAddress): string {
  const info = describeCell(address);
  if (!info) return address;
  const name = rowName(info.rowLabels);
  if (name) return `${name.prefix}${name.number ?? ''}`;
  return info.rowLabels.at(-1) ?? info.columnLabels.slice(0, -1).join(' › ');
}
