import { statutoryCells } from '../tables/cells.js';
import {
  type CellAddress,
  T3_COLUMN_KEYS,
  type T3ColumnKey,
  T4_COLUMN_KEYS,
  type T4ColumnKey,
} from '../types.js';

/*
 * The checker reads every statutory cell of a report once, into two flat arrays indexed by the cell's
 * position in `statutoryCells()` (its "cell order"): the number, and a kind telling whether the number can
 * be used. Rules then work on indices, never on address strings. The objects holding the cells are reached
 * through a key tree built once from the addresses; 表三 rows and 表四 groups are read by named property
 * access (monomorphic, far cheaper than keyed access with a variable key); a call allocates nothing.
 */

/** A finite number of the right type: a non-negative integer count or a non-negative amount. */
export const KIND_OK = 0;
/** `null`: a blank cell. Rules that read it are uncertain. */
export const KIND_NULL = 1;
/** A finite number of the wrong type (negative, or a fractional count): usable in arithmetic, but `cell-type` fails. */
export const KIND_BAD = 2;
/** Not a finite number at all (NaN, ±Infinity, a string, a missing key): unusable; `cell-type` fails. */
export const KIND_INVALID = 3;

/** The cells of a report, read once. */
export interface CellValues {
  readonly value: Float64Array;
  readonly kind: Uint8Array;
  /** How many cells have each kind (indexed by KIND_*): lets clean reports skip per-cell work. */
  readonly counts: Uint16Array;
}

/** How the cells of one object are read: a 表三 row, a 表四 group, or any other keys (表二). */
type Leaf =
  | { readonly shape: 't3'; readonly indices: Int32Array }
  | { readonly shape: 't4'; readonly indices: Int32Array }
  | { readonly shape: 'keys'; readonly keys: readonly string[]; readonly indices: Int32Array };

/** A node of the key tree: the key that reaches it from its parent, its children, and its cells. */
interface KeyNode {
  readonly key: string;
  readonly children: KeyNode[];
  leaf?: Leaf;
}

/** Everything about the 200 cells the checker needs, computed once. */
export interface CellTable {
  readonly addresses: readonly CellAddress[];
  readonly indexOf: ReadonlyMap<CellAddress, number>;
  /** 1 where the cell holds a count (non-negative integer), 0 where it holds an amount. */
  readonly isCount: Uint8Array;
  /** 0, 1, 2 for 表二, 表三, 表四. */
  readonly tableOf: Uint8Array;
  readonly root: KeyNode;
}

let table: CellTable | undefined;

function sameKeys(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((key, i) => key === b[i]);
}

function buildTable(): CellTable {
  const cells = statutoryCells();
  const addresses = cells.map((cell) => cell.address);
  const isCount = new Uint8Array(cells.length);
  const tableOf = new Uint8Array(cells.length);
  const root: KeyNode = { key: '', children: [] };
  const rows = new Map<KeyNode, { keys: string[]; indices: number[] }>();
  cells.forEach((cell, index) => {
    isCount[index] = cell.value === 'count' ? 1 : 0;
    tableOf[index] = cell.table === 't2' ? 0 : cell.table === 't3' ? 1 : 2;
    const path = cell.address.split('.');
    let node = root;
    for (const key of path.slice(0, -1)) {
      let child = node.children.find((c) => c.key === key);
      if (!child) {
        child = { key, children: [] };
        node.children.push(child);
      }
      node = child;
    }
    const row = rows.get(node) ?? { keys: [], indices: [] };
    row.keys.push(path.at(-1) as string);
    row.indices.push(index);
    rows.set(node, row);
  });
  for (const [node, { keys, indices }] of rows) {
    const ints = Int32Array.from(indices);
    node.leaf = sameKeys(keys, T3_COLUMN_KEYS)
      ? { shape: 't3', indices: ints }
      : sameKeys(keys, T4_COLUMN_KEYS)
        ? { shape: 't4', indices: ints }
        : { shape: 'keys', keys, indices: ints };
  }
  return { addresses, indexOf: new Map(addresses.map((a, i) => [a, i])), isCount, tableOf, root };
}

/** The cell table, built on first use. */
export function cellTable(): CellTable {
  table ??= buildTable();
  return table;
}

/**
 * The index of a statutory cell.
 * @throws Error for an address that is not a statutory cell (a programming error in a rule definition).
 */
export function cellIndex(address: CellAddress): number {
  const index = cellTable().indexOf.get(address);
  if (index === undefined) throw new Error(`not a statutory cell: ${address}`);
  return index;
}

/** Fresh buffers for one report's cells. */
export function newCellValues(): CellValues {
  const n = cellTable().addresses.length;
  return { value: new Float64Array(n), kind: new Uint8Array(n), counts: new Uint16Array(4) };
}

function put(into: CellValues, i: number, v: unknown, count: boolean): void {
  let kind: number;
  if (typeof v === 'number' && Number.isFinite(v)) {
    into.value[i] = v;
    kind = v < 0 || (count && !Number.isInteger(v)) ? KIND_BAD : KIND_OK;
  } else {
    into.value[i] = 0;
    kind = v === null ? KIND_NULL : KIND_INVALID;
  }
  into.kind[i] = kind;
  (into.counts[kind] as number)++;
}

/** Reads a 表三 row; the property order is T3_COLUMN_KEYS's (cells.test checks every cell lands at its index). */
function readT3Row(row: Partial<Record<T3ColumnKey, unknown>>, ix: Int32Array, into: CellValues): void {
  put(into, ix[0] as number, row.naturalPerson, true);
  put(into, ix[1] as number, row.commercial, true);
  put(into, ix[2] as number, row.research, true);
  put(into, ix[3] as number, row.publicInterest, true);
  put(into, ix[4] as number, row.legalService, true);
  put(into, ix[5] as number, row.otherOrg, true);
  put(into, ix[6] as number, row.total, true);
}

/** Reads a 表四 group in T4_COLUMN_KEYS order. */
function readT4Group(group: Partial<Record<T4ColumnKey, unknown>>, ix: Int32Array, into: CellValues): void {
  put(into, ix[0] as number, group.upheld, true);
  put(into, ix[1] as number, group.corrected, true);
  put(into, ix[2] as number, group.other, true);
  put(into, ix[3] as number, group.pending, true);
  put(into, ix[4] as number, group.total, true);
}

function visit(node: KeyNode, value: unknown, into: CellValues, isCount: Uint8Array): void {
  const object = typeof value === 'object' && value !== null ? (value as Record<string, unknown>) : undefined;
  const leaf = node.leaf;
  if (leaf) {
    const ix = leaf.indices;
    if (object === undefined) {
      for (let j = 0; j < ix.length; j++) put(into, ix[j] as number, undefined, true);
    } else if (leaf.shape === 't3') {
      readT3Row(object, ix, into);
    } else if (leaf.shape === 't4') {
      readT4Group(object, ix, into);
    } else {
      const { keys } = leaf;
      for (let j = 0; j < ix.length; j++) {
        const i = ix[j] as number;
        put(into, i, object[keys[j] as string], isCount[i] === 1);
      }
    }
  }
  const children = node.children;
  for (let c = 0; c < children.length; c++) {
    const child = children[c] as KeyNode;
    visit(child, object === undefined ? undefined : object[child.key], into, isCount);
  }
}

/** Whatever a report holds at a cell's address (for messages about values that are not numbers). */
export function rawCell(report: unknown, address: CellAddress): unknown {
  let node: unknown = report;
  for (const key of address.split('.')) {
    node = typeof node === 'object' && node !== null ? (node as Record<string, unknown>)[key] : undefined;
  }
  return node;
}

/** Reads every statutory cell of `report` into `into`. Never throws, whatever `report` holds. */
export function readCellValues(report: unknown, into: CellValues): void {
  const { root, isCount } = cellTable();
  into.counts.fill(0);
  visit(root, report, into, isCount);
}

/** A cell's value as a number, or `null` when it is blank or not a finite number. */
export function numberAt(values: CellValues, index: number): number | null {
  const k = values.kind[index];
  return k === KIND_OK || k === KIND_BAD ? (values.value[index] as number) : null;
}

/** The sum of some cells, or `null` when any of them is blank or not a finite number. */
export function sumOf(values: CellValues, indices: readonly number[]): number | null {
  const { value, kind } = values;
  let sum = 0;
  for (let j = 0; j < indices.length; j++) {
    const i = indices[j] as number;
    const k = kind[i];
    if (k !== KIND_OK && k !== KIND_BAD) return null;
    sum += value[i] as number;
  }
  return sum;
}

/**
 * Whether two sums agree. Sums of integers are compared exactly in practice; the relative tolerance only
 * absorbs binary rounding when a (wrongly) fractional count is involved, which `cell-type` reports anyway.
 */
export function same(a: number, b: number): boolean {
  return Math.abs(a - b) <= 1e-9 * Math.max(1, Math.abs(a), Math.abs(b));
}
