import { layoutTable } from '../layout/layout-table.js';
import type { TableLayout } from '../layout/types.js';
import type { CellAddress, CellValue, Report, TableId } from '../types.js';
import { parseOrdinal } from './ordinals.js';
import type { ValueKind } from './spec-types.js';
import { STATUTORY_TABLES } from './statutory-2021.js';

/** Everything the statute says about one data cell: where it is and what its row and column are called. */
export interface CellInfo {
  readonly address: CellAddress;
  readonly table: TableId;
  /** Block title (表二) and row labels, outermost first, verbatim. */
  readonly rowLabels: readonly string[];
  /** Column labels, outermost first, verbatim. */
  readonly columnLabels: readonly string[];
  readonly value: ValueKind;
  readonly unit?: string;
  readonly total?: boolean;
}

let layouts: ReadonlyMap<TableId, TableLayout> | undefined;
let catalog: { list: readonly CellInfo[]; byAddress: ReadonlyMap<CellAddress, CellInfo> } | undefined;

/** The layout of a statutory table, computed once per process and shared (layouts are immutable). */
export function statutoryLayout(id: TableId): TableLayout {
  layouts ??= new Map(STATUTORY_TABLES.map((spec) => [spec.id, layoutTable(spec)]));
  const layout = layouts.get(id);
  if (!layout) throw new Error(`unknown table ${id}`);
  return layout;
}

function buildCatalog(): NonNullable<typeof catalog> {
  const list: CellInfo[] = [];
  for (const spec of STATUTORY_TABLES) {
    const layout = statutoryLayout(spec.id);
    for (const cell of layout.dataCells) {
      const rowLabels: string[] = [];
      const columnLabels: string[] = [];
      for (const id of cell.headers) {
        const header = layout.cellsById.get(id);
        if (!header?.label) continue;
        if (header.kind === 'column-header') columnLabels.push(header.label);
        else rowLabels.push(header.label);
      }
      list.push({
        address: cell.address as CellAddress,
        table: spec.id,
        rowLabels,
        columnLabels,
        value: cell.value ?? 'count',
        ...(cell.unit !== undefined ? { unit: cell.unit } : {}),
        ...(cell.total ? { total: true } : {}),
      });
    }
  }
  return { list, byAddress: new Map(list.map((info) => [info.address, info])) };
}

/** Every statutory data cell (表二 10, 表三 175, 表四 15), in table and reading order. */
export function statutoryCells(): readonly CellInfo[] {
  catalog ??= buildCatalog();
  return catalog.list;
}

/** What the statute calls a cell, or `undefined` for an address that is not a statutory cell. */
export function describeCell(address: CellAddress): CellInfo | undefined {
  catalog ??= buildCatalog();
  return catalog.byAddress.get(address);
}

/** A cell's labels as one Chinese phrase, e.g. `三、本年度办理结果 › （三）不予公开 › 1.属于国家秘密 · 自然人`. */
export function cellLabel(address: CellAddress): string {
  const info = describeCell(address);
  if (!info) return address;
  const rows = info.rowLabels.join(' › ');
  const columns = info.columnLabels.join(' › ');
  return rows && columns ? `${rows} · ${columns}` : rows || columns;
}

let columnSuffixes: ReadonlyMap<CellAddress, string> | undefined;

/*
 * The shortest trailing part of each cell's column path that no other column of its table ends with: 表三's
 * 商业企业 is unique, 表四's 结果维持 is not (行政复议 and both 行政诉讼 groups have one), so it keeps
 * 未经复议直接起诉 › 结果维持.
 */
function buildColumnSuffixes(): ReadonlyMap<CellAddress, string> {
  const out = new Map<CellAddress, string>();
  const cells = statutoryCells();
  for (const info of cells) {
    const paths = new Set(
      cells.filter((other) => other.table === info.table).map((other) => other.columnLabels.join('\u0000')),
    );
    const own = info.columnLabels;
    for (let n = 1; n <= own.length; n += 1) {
      const tail = own.slice(-n);
      const clash = [...paths].some((path) => {
        const labels = path.split('\u0000');
        return (
          labels.join('\u0000') !== own.join('\u0000') &&
          labels.slice(-n).join('\u0000') === tail.join('\u0000')
        );
      });
      if (!clash || n === own.length) {
        out.set(info.address, tail.join(' › '));
        break;
      }
    }
  }
  return out;
}

/**
 * A cell's short name as staff say it, e.g. `三、（七）总计 · 自然人` or `三、（三）1.属于国家秘密 · 商业企业`:
 * outer row labels shortened to their ordinal (三、 （三）), the innermost row label in full, then the shortest
 * unique end of the column path. Labels without an ordinal (第二十条第（一）项) stay whole; every name is unique
 * within its table. The address itself for an address that is not a statutory cell.
 */
export function cellName(address: CellAddress): string {
  // Named once per cell and process (the statute does not change): a region's 整改 lists name cells thousands of times.
  const known = cellNames.get(address);
  if (known !== undefined) return known;
  const info = describeCell(address);
  if (!info) return address;
  const name = nameOf(info, address);
  cellNames.set(address, name);
  return name;
}

const cellNames = new Map<CellAddress, string>();

function nameOf(info: CellInfo, address: CellAddress): string {
  columnSuffixes ??= buildColumnSuffixes();
  const rows = info.rowLabels.map((label, i) => {
    if (i === info.rowLabels.length - 1) return label;
    const ordinal = parseOrdinal(label)?.text;
    return ordinal ?? `${label} `;
  });
  const row = rows.join('');
  const column = columnSuffixes.get(address) ?? info.columnLabels.join(' › ');
  return row && column ? `${row} · ${column}` : row || column;
}

/**
 * Reads a cell by address. Returns `undefined` when the path does not exist in the report (a malformed
 * report), so callers can tell a missing cell from a blank (`null`) one.
 */
export function readCell(report: Pick<Report, TableId>, address: CellAddress): CellValue | undefined {
  let node: unknown = report;
  for (const key of address.split('.')) {
    if (node === null || typeof node !== 'object') return undefined;
    node = (node as Record<string, unknown>)[key];
  }
  return typeof node === 'number' || node === null ? node : undefined;
}

/**
 * Returns a copy of the report with one cell set; the input is not changed. Only the objects on the
 * cell's path are copied.
 * @throws Error when the address is not a statutory cell.
 */
export function writeCell<R extends Pick<Report, TableId>>(
  report: R,
  address: CellAddress,
  value: CellValue,
): R {
  if (!describeCell(address)) throw new Error(`not a statutory cell: ${address}`);
  const keys = address.split('.');
  const write = (node: unknown, depth: number): unknown => {
    const key = keys[depth] as string;
    const source = (node !== null && typeof node === 'object' ? node : {}) as Record<string, unknown>;
    return { ...source, [key]: depth === keys.length - 1 ? value : write(source[key], depth + 1) };
  };
  return write(report, 0) as R;
}
