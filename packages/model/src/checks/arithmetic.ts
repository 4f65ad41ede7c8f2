import { describeCell, statutoryCells } from '../tables/cells.js';
import {
  type CellAddress,
  type LocalizedText,
  type T2DocumentRow,
  type T3,
  T3_APPLICANT_KEYS,
  T3_COLUMN_KEYS,
  T4_COLUMN_KEYS,
  T4_GROUP_KEYS,
} from '../types.js';
import { cellIndex } from './cell-values.js';
import { columnGroupLabel, columnLabel, innerRowLabel, rowLabel, shortRowLabel } from './labels.js';
import type { RuleId } from './rules.js';

/*
 * The table structure the rules need, derived once from the key lists and the table specs
 * (statutoryCells / describeCell): which rows are 一, 二, 四, the 21 result leaves, （七）总计, which column
 * is 总计. Rows are named by their typed keys (checked against `T3` by `satisfies`), never by labels.
 */

const T3_ID = 't3';
const RECEIVED = 'received' satisfies keyof T3;
const CARRIED_OVER = 'carriedOver' satisfies keyof T3;
const RESULTS = 'results' satisfies keyof T3;
const CARRIED_FORWARD = 'carriedForward' satisfies keyof T3;
const ISSUED = 'issued' satisfies keyof T2DocumentRow;
const REPEALED = 'repealed' satisfies keyof T2DocumentRow;
const IN_FORCE = 'inForce' satisfies keyof T2DocumentRow;

/** One arithmetic rule instance: `sum(left) = sum(right)`, by cell index. */
export interface SumInstance {
  readonly rule: RuleId;
  readonly column?: string;
  readonly left: readonly number[];
  readonly right: readonly number[];
  readonly leftCells: readonly CellAddress[];
  readonly rightCells: readonly CellAddress[];
  /** Left then right cells: what a finding lists. */
  readonly cells: readonly CellAddress[];
  /** The instance's formula with the two sides' values filled in. */
  readonly formula: (left: string, right: string) => LocalizedText;
}

/** One outcome category of 三、本年度办理结果 (（一）…（六）) and the 总计-column cells of its leaf rows. */
export interface OutcomeGroup {
  /** The category's name without its number or note, e.g. `予以公开`, `不予公开` (from the row label). */
  readonly keyword: string;
  /** The full row label, e.g. `（三）不予公开`. */
  readonly label: string;
  readonly cells: readonly CellAddress[];
  readonly indices: readonly number[];
}

/** A 表二 document row (规章, 行政规范性文件) with its three cells. */
export interface StockRow {
  readonly label: string;
  readonly issued: CellAddress;
  readonly repealed: CellAddress;
  readonly inForce: CellAddress;
}

/** The derived structure of the statutory tables, as the rules use it. */
export interface Structure {
  /** 表三 row prefixes (e.g. `t3.results.withheld.stateSecret`), in statutory order. */
  readonly t3Rows: readonly string[];
  readonly t3TotalColumn: string;
  readonly received: string;
  readonly carriedOver: string;
  readonly resultsTotal: string;
  readonly carriedForward: string;
  readonly resultLeaves: readonly string[];
  readonly outcomeGroups: readonly OutcomeGroup[];
  /** 表四 groups: prefix, the four outcome cells and the 总计 cell. */
  readonly t4Groups: readonly { prefix: string; parts: readonly CellAddress[]; total: CellAddress }[];
  readonly stockRows: readonly StockRow[];
  /** Every arithmetic rule instance, in rule order and then cell order. */
  readonly sums: readonly SumInstance[];
}

let structure: Structure | undefined;

function instance(
  rule: RuleId,
  left: readonly CellAddress[],
  right: readonly CellAddress[],
  formula: SumInstance['formula'],
  column?: string,
): SumInstance {
  return {
    rule,
    ...(column !== undefined ? { column } : {}),
    left: left.map(cellIndex),
    right: right.map(cellIndex),
    leftCells: left,
    rightCells: right,
    cells: [...left, ...right],
    formula,
  };
}

function buildStructure(): Structure {
  const cells = statutoryCells();
  const rowsOf = (table: string): string[] => {
    const rows: string[] = [];
    for (const cell of cells) {
      if (cell.table !== table) continue;
      const prefix = cell.address.slice(0, cell.address.lastIndexOf('.'));
      if (rows.at(-1) !== prefix) rows.push(prefix);
    }
    return rows;
  };
  const t3Rows = rowsOf(T3_ID);
  const applicants: readonly string[] = T3_APPLICANT_KEYS;
  const t3TotalColumn = T3_COLUMN_KEYS.find((key) => !applicants.includes(key)) as string;
  const firstApplicant = T3_APPLICANT_KEYS[0];
  const resultsTotal = t3Rows.find(
    (row) => row.startsWith(`${T3_ID}.${RESULTS}.`) && describeCell(`${row}.${firstApplicant}`)?.total,
  );
  if (!resultsTotal) throw new Error('表三 has no total row under results');
  const resultLeaves = t3Rows.filter((row) => row.startsWith(`${T3_ID}.${RESULTS}.`) && row !== resultsTotal);
  const received = `${T3_ID}.${RECEIVED}`;
  const carriedOver = `${T3_ID}.${CARRIED_OVER}`;
  const carriedForward = `${T3_ID}.${CARRIED_FORWARD}`;

  // Outcome categories: the leaf rows grouped by the key right under `results`, in statutory order.
  const groups = new Map<string, string[]>();
  for (const leaf of resultLeaves) {
    const key = leaf.split('.')[2] as string;
    const list = groups.get(key) ?? [];
    list.push(leaf);
    groups.set(key, list);
  }
  const outcomeGroups: OutcomeGroup[] = [...groups.values()].map((rows) => {
    const label = describeCell(`${rows[0]}.${t3TotalColumn}`)?.rowLabels[1] ?? '';
    const keyword = label.replace(/^（[一二三四五六七八九十]）/, '').replace(/（.*$/, '');
    const groupCells = rows.map((row) => `${row}.${t3TotalColumn}`);
    return { keyword, label, cells: groupCells, indices: groupCells.map(cellIndex) };
  });

  const t4Groups = T4_GROUP_KEYS.map((group) => {
    const prefix = `t4.${group}`;
    const columns = T4_COLUMN_KEYS.map((key) => `${prefix}.${key}`);
    const total = columns.find((address) => describeCell(address)?.total);
    if (!total) throw new Error(`表四 group ${group} has no total column`);
    return { prefix, parts: columns.filter((address) => address !== total), total };
  });

  const stockRows: StockRow[] = rowsOf('t2')
    .filter((row) => [ISSUED, REPEALED, IN_FORCE].every((key) => describeCell(`${row}.${key}`)))
    .map((row) => ({
      label: innerRowLabel(`${row}.${ISSUED}`),
      issued: `${row}.${ISSUED}`,
      repealed: `${row}.${REPEALED}`,
      inForce: `${row}.${IN_FORCE}`,
    }));

  const sums: SumInstance[] = [];
  const one = shortRowLabel(`${received}.${t3TotalColumn}`);
  const two = shortRowLabel(`${carriedOver}.${t3TotalColumn}`);
  const seven = shortRowLabel(`${resultsTotal}.${t3TotalColumn}`);
  const four = shortRowLabel(`${carriedForward}.${t3TotalColumn}`);
  for (const column of T3_COLUMN_KEYS) {
    const col = columnLabel(`${received}.${column}`);
    sums.push(
      instance(
        't3-balance',
        [`${received}.${column}`, `${carriedOver}.${column}`],
        [`${resultsTotal}.${column}`, `${carriedForward}.${column}`],
        (l, r) => ({
          zh: `${one}+${two} = ${l}，${seven}+${four} = ${r}（${col}）`,
          en: `${one}+${two} = ${l}, ${seven}+${four} = ${r} (${col})`,
        }),
        column,
      ),
    );
  }
  const resultsLabel = rowLabel(`${resultsTotal}.${t3TotalColumn}`).split(' › ')[0] as string;
  for (const column of T3_COLUMN_KEYS) {
    const col = columnLabel(`${received}.${column}`);
    sums.push(
      instance(
        't3-results-total',
        resultLeaves.map((row) => `${row}.${column}`),
        [`${resultsTotal}.${column}`],
        (l, r) => ({
          zh: `${resultsLabel}各项之和 = ${l}，${seven} = ${r}（${col}）`,
          en: `sum of the ${resultLeaves.length} rows of ${resultsLabel} = ${l}, ${seven} = ${r} (${col})`,
        }),
        column,
      ),
    );
  }
  const applicantLabels = T3_APPLICANT_KEYS.map((key) => columnLabel(`${received}.${key}`)).join('+');
  const totalLabel = columnLabel(`${received}.${t3TotalColumn}`);
  for (const row of t3Rows) {
    const label = rowLabel(`${row}.${t3TotalColumn}`);
    sums.push(
      instance(
        't3-row-total',
        T3_APPLICANT_KEYS.map((key) => `${row}.${key}`),
        [`${row}.${t3TotalColumn}`],
        (l, r) => ({
          zh: `${label}：${applicantLabels} = ${l}，${totalLabel} = ${r}`,
          en: `${label}: ${applicantLabels} = ${l}, ${totalLabel} = ${r}`,
        }),
      ),
    );
  }
  T4_GROUP_KEYS.forEach((group, index) => {
    const { parts, total } = t4Groups[index] as (typeof t4Groups)[number];
    const label = columnGroupLabel(total);
    const partLabels = parts.map(columnLabel).join('+');
    const totalName = columnLabel(total);
    sums.push(
      instance(
        't4-group-total',
        parts,
        [total],
        (l, r) => ({
          zh: `${label}：${partLabels} = ${l}，${totalName} = ${r}`,
          en: `${label}: ${partLabels} = ${l}, ${totalName} = ${r}`,
        }),
        group,
      ),
    );
  });

  return {
    t3Rows,
    t3TotalColumn,
    received,
    carriedOver,
    resultsTotal,
    carriedForward,
    resultLeaves,
    outcomeGroups,
    t4Groups,
    stockRows,
    sums,
  };
}

/** The derived table structure, built on first use. */
export function tableStructure(): Structure {
  structure ??= buildStructure();
  return structure;
}

/** One sum the statutory tables must satisfy, `sum(left) = sum(right)`, with the rule that checks it. */
export interface TableSum {
  readonly rule: RuleId;
  /** The column (表三) or group (表四) the instance is about, when it is one of several alike. */
  readonly column?: string;
  readonly left: readonly CellAddress[];
  readonly right: readonly CellAddress[];
}

let tableSumList: readonly TableSum[] | undefined;

/**
 * Every sum of the statutory tables (一+二 = 七+四 and the results total per 表三 column, each 表三 row's total,
 * each 表四 group's total), as cell lists in rule order: the checker's own sums, for readers that need them outside
 * the checker (the importer's digit splitter chooses among readings by them).
 */
export function tableSums(): readonly TableSum[] {
  tableSumList ??= tableStructure().sums.map(({ rule, column, leftCells, rightCells }) => ({
    rule,
    ...(column !== undefined ? { column } : {}),
    left: leftCells,
    right: rightCells,
  }));
  return tableSumList;
}
