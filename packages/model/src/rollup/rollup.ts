import { checkReport } from '../checks/check.js';
import type { Finding } from '../checks/rules.js';
import { statutoryCells, writeCell } from '../tables/cells.js';
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

/** The value at a split cell path; anything but a number counts as blank (as `readCell` reads it). */
function valueAt(report: Report, path: readonly string[]): CellValue {
  let node: unknown = report;
  for (const key of path)
    node = node !== null && typeof node === 'object' ? (node as Record<string, unknown>)[key] : undefined;
  return typeof node === 'number' ? node : null;
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
  let tables: Pick<Report, TableId> = { t2: {}, t3: {}, t4: {} } as Pick<Report, TableId>;
  const nullCells: Record<CellAddress, number> = {};
  for (const { address } of statutoryCells()) {
    let sum: CellValue = null;
    let blanks = 0;
    // The path is split once per cell, not once per cell and member: a region has thousands of members.
    const path = address.split('.');
    for (const report of reports) {
      const value = valueAt(report, path);
      if (typeof value === 'number') sum = sum === null ? value : add(sum, value);
      else blanks += 1;
    }
    if (blanks > 0) nullCells[address] = blanks;
    tables = writeCell(tables, address, sum);
  }
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
