import { checkReport } from '../checks/check.js';
import type { Finding } from '../checks/rules.js';
import { statutoryCells } from '../tables/cells.js';
import type { CellAddress, CellValue, LocalizedText, Report, TableId } from '../types.js';

/*
 * The roll-up: a region's reports summed cell by cell into one Report-shaped aggregate, so that the region's
 * figures can be shown by the same table components and checked by the same rules as any one report. A blank
 * cell (null) is never read as 0: a cell blank in every member stays null, and every cell says how many members
 * left it blank (`nullCells`), so a reader can tell a sum of all members from a sum of some.
 */

/** An input that could not be read, so it is missing from the sums; the roll-up lists it. */
export interface UnreadableMember {
  /** The input's name as the caller gave it (a path, a file name). */
  file: string;
  /** Why it could not be read, one text per reason. */
  reasons: LocalizedText[];
}

/** A report summed into the roll-up. */
export interface RollUpMember {
  agency: string;
  year: number;
  /** The input's name, when the caller gave one. */
  file?: string;
}

/** A report in the roll-up's input, with the name of the file it came from when there is one. */
export interface RollUpEntry {
  report: Report;
  file?: string;
}

/** Options of `rollUpReports`. */
export interface RollUpOptions {
  /** The aggregate's agency name. @default `本行政区域汇总` */
  agency?: string;
  /** The aggregate's year. @default the year most members report (the latest of a tie) */
  year?: number;
  /** The inputs that could not be read, listed with the roll-up so it says it is incomplete. */
  unreadable?: readonly UnreadableMember[];
}

/** The roll-up of many reports. */
export interface RollUp {
  /** The sum of every member's statutory cells as one report (tables only, no narrative). */
  report: Report;
  /** `checkReport(report)`: the aggregate checked by the same rules as each member. */
  findings: Finding[];
  /** The reports summed, in input order. */
  members: RollUpMember[];
  /**
   * For each statutory cell that at least one member left blank, how many did. A cell missing here is given by
   * every member; a cell whose count equals `members.length` is null in the aggregate.
   */
  nullCells: Record<CellAddress, number>;
  /** Inputs that could not be read and are not in the sums. */
  unreadable: UnreadableMember[];
}

/** The agency name of a roll-up when the caller gives none: 本行政区域汇总 (the statute's word for a region's total). */
export const ROLL_UP_AGENCY = '本行政区域汇总';

/*
 * Sums are kept to six decimals: 表二's 收费金额 is in 万元 with decimals, and binary fractions would otherwise
 * make the sum depend on the order members are added in.
 */
const SCALE = 1e6;

function add(a: number, b: number): number {
  return Math.round((a + b) * SCALE) / SCALE;
}

function commonYear(reports: readonly Report[]): number {
  const counts = new Map<number, number>();
  for (const report of reports) counts.set(report.meta.year, (counts.get(report.meta.year) ?? 0) + 1);
  let best = 0;
  let bestCount = 0;
  for (const [year, count] of counts) {
    if (count > bestCount || (count === bestCount && year > best)) {
      best = year;
      bestCount = count;
    }
  }
  return best;
}

/** The statutory cell paths as a tree: each key once, in cell order, with the cell's position at a leaf. */
interface CellPathNode {
  readonly key: string;
  /** The cell's position in `statutoryCells()`, at a leaf; -1 inside. */
  index: number;
  readonly children: CellPathNode[];
}

let cellTree: readonly CellPathNode[] | undefined;

function cellPathTree(): readonly CellPathNode[] {
  if (cellTree) return cellTree;
  const roots: CellPathNode[] = [];
  statutoryCells().forEach(({ address }, index) => {
    let level = roots;
    let node: CellPathNode | undefined;
    for (const key of address.split('.')) {
      node = level.find((candidate) => candidate.key === key);
      if (!node) {
        node = { key, index: -1, children: [] };
        level.push(node);
      }
      level = node.children;
    }
    if (node) node.index = index;
  });
  cellTree = roots;
  return roots;
}

function collect(node: unknown, level: readonly CellPathNode[], out: CellValue[]): void {
  const object = node !== null && typeof node === 'object' ? (node as Record<string, unknown>) : undefined;
  for (const child of level) {
    const value = object?.[child.key];
    if (child.children.length > 0) collect(value, child.children, out);
    else out[child.index] = typeof value === 'number' ? value : null;
  }
}

/**
 * A report's statutory values in `statutoryCells()` order, anything but a number blank (null, as `readCell` reads
 * it). The report is walked along a tree of the cell paths built once, so each row object is reached once, not
 * once per cell of the row: the roll-up and the audit page run it on every report of a region.
 */
export function statutoryValues(report: Pick<Report, TableId>): CellValue[] {
  const out = new Array<CellValue>(statutoryCells().length).fill(null);
  collect(report, cellPathTree(), out);
  return out;
}

/** The tables of `values` (in cell order), built along the same tree, so keys come in cell order as `writeCell` puts them. */
function tablesOf(level: readonly CellPathNode[], values: readonly CellValue[]): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const child of level)
    out[child.key] =
      child.children.length > 0 ? tablesOf(child.children, values) : (values[child.index] ?? null);
  return out;
}

function entryOf(input: Report | RollUpEntry): RollUpEntry {
  return 'report' in input ? input : { report: input };
}

/**
 * Sums many reports' three tables cell by cell into one Report-shaped aggregate (a cell blank in every member
 * stays null; one blank in some members is the sum of the others, with the blank count in `nullCells`), checks it
 * with `checkReport`, and lists the members and the inputs that could not be read. The aggregate of one report has
 * that report's cells; sums are the same whichever way the members are grouped.
 */
export function rollUpReports(
  inputs: readonly (Report | RollUpEntry)[],
  options: RollUpOptions = {},
): RollUp {
  const entries = inputs.map(entryOf);
  const reports = entries.map((entry) => entry.report);
  const cells = statutoryCells();
  // Member by member, in input order (so each cell's sum is added in the same order whatever the member count).
  const sums: CellValue[] = new Array<CellValue>(cells.length).fill(null);
  const blanks: number[] = new Array<number>(cells.length).fill(0);
  for (const report of reports) {
    const values = statutoryValues(report);
    for (let index = 0; index < values.length; index += 1) {
      const value = values[index] ?? null;
      const sum = sums[index] ?? null;
      if (value === null) blanks[index] = (blanks[index] ?? 0) + 1;
      else sums[index] = sum === null ? value : add(sum, value);
    }
  }
  const nullCells: Record<CellAddress, number> = {};
  cells.forEach(({ address }, index) => {
    const count = blanks[index] ?? 0;
    if (count > 0) nullCells[address] = count;
  });
  const tables = tablesOf(cellPathTree(), sums) as unknown as Pick<Report, TableId>;
  const report: Report = {
    formatVersion: '2021',
    meta: {
      agency: options.agency ?? ROLL_UP_AGENCY,
      year: options.year ?? commonYear(reports),
      kind: 'government',
    },
    t2: tables.t2,
    t3: tables.t3,
    t4: tables.t4,
  };
  return {
    report,
    findings: checkReport(report),
    members: entries.map(({ report: member, file }) => ({
      agency: member.meta.agency,
      year: member.meta.year,
      ...(file !== undefined ? { file } : {}),
    })),
    nullCells,
    unreadable: (options.unreadable ?? []).map((member) => ({
      file: member.file,
      reasons: member.reasons.map((reason) => ({ ...reason })),
    })),
  };
}
