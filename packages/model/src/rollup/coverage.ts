import { type Rulepack, resolveRulepack } from '../score/resolve.js';
import type { AgencyKind, Report } from '../types.js';
import type { ExpectedUnit } from './units.js';
import { normaliseAgencyName } from './year-over-year.js';

/*
 * Who has reported: the office's unit list matched against the reports read, by the key the year-over-year
 * comparison matches agencies by (`normaliseAgencyName`), so a name written `平潭县 人民政府` in one place and
 * `平潭县政府` in another is one body in both. Lateness is the report's publication date against the statutory
 * deadline for the body's kind (the unit list's kind first, else the report's `meta.kind`, else a department's, as
 * the checker assumes), with the rulepack's deadlines laid over the statute's.
 */

/**
 * Where one expected unit stands: `on-time` / `late` by its publication date, `no-date` when its report gives
 * none, `missing` when no report of it was read.
 */
export type UnitStatus = 'on-time' | 'late' | 'no-date' | 'missing';

/** One expected unit and what was received from it. */
export interface UnitCoverage extends ExpectedUnit {
  status: UnitStatus;
  /** The files read as this unit's report (more than one when it was given twice). */
  files: string[];
  /** The agency as the (first) report names it. */
  agency?: string;
  publishedAt?: string;
  /** The deadline that applies, `YYYY-MM-DD`; null when the year is unknown. */
  deadline: string | null;
  /** Days after the deadline, for a late report. */
  daysLate?: number;
  /** For a missing unit, whether the deadline has passed as of `today`; null without `today`. */
  overdue?: boolean | null;
}

/** A report that matches no unit of the list. */
export interface UnmatchedFile {
  file: string;
  agency: string;
}

/** The unit list against the reports: every unit's status, the files matching none, and the counts. */
export interface ExpectedCoverage {
  units: UnitCoverage[];
  unmatched: UnmatchedFile[];
  summary: {
    expected: number;
    reported: number;
    missing: number;
    onTime: number;
    late: number;
    noDate: number;
    unmatched: number;
  };
}

/** A read report, as the coverage takes it. */
export interface CoverageEntry {
  file: string;
  report: Report;
}

const DAY = 86_400_000;

function days(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / DAY);
}

const isDate = (text: string | undefined): text is string =>
  text !== undefined && /^\d{4}-\d{2}-\d{2}$/.test(text) && !Number.isNaN(Date.parse(`${text}T00:00:00Z`));

/**
 * Matches the unit list to the reports read: each unit's status (missing, on time, late, no date) with its files,
 * deadline and days late, and the reports that match no unit. `year` is the reported year the deadline of a missing
 * unit is counted from (the audit's common year); `today` (`YYYY-MM-DD`) says whether a missing report is overdue.
 */
export function expectedCoverage(
  units: readonly ExpectedUnit[],
  reports: readonly CoverageEntry[],
  options: { year?: number; rulepack?: Rulepack; today?: string } = {},
): ExpectedCoverage {
  const deadlines = resolveRulepack(options.rulepack).deadlines;
  const byKey = new Map<string, CoverageEntry[]>();
  for (const entry of reports) {
    const key = normaliseAgencyName(entry.report.meta.agency);
    byKey.set(key, [...(byKey.get(key) ?? []), entry]);
  }
  const keysOf = (unit: ExpectedUnit): string[] => [
    unit.key,
    ...(unit.aliases ?? []).map((alias) => normaliseAgencyName(alias)),
  ];
  const keys = new Set(units.flatMap(keysOf));
  const rows = units.map((unit): UnitCoverage => {
    // A unit's reports by its name or any alias, in input order.
    const own = new Set(keysOf(unit).flatMap((key) => byKey.get(key) ?? []));
    const matched = reports.filter((entry) => own.has(entry));
    const first = matched[0];
    const kind: AgencyKind = unit.kind ?? first?.report.meta.kind ?? 'department';
    const year = first?.report.meta.year || options.year;
    const deadline = year ? `${year + 1}-${deadlines[kind]}` : null;
    const base = { ...unit, files: matched.map((entry) => entry.file), deadline };
    if (!first) {
      const overdue = deadline !== null && isDate(options.today) ? options.today > deadline : null;
      return { ...base, status: 'missing', overdue };
    }
    const published = first.report.meta.publishedAt;
    const found = { ...base, agency: first.report.meta.agency };
    if (!isDate(published) || deadline === null)
      return { ...found, ...(published ? { publishedAt: published } : {}), status: 'no-date' };
    const late = days(deadline, published);
    return late > 0
      ? { ...found, publishedAt: published, status: 'late', daysLate: late }
      : { ...found, publishedAt: published, status: 'on-time' };
  });
  const unmatched = reports
    .filter((entry) => !keys.has(normaliseAgencyName(entry.report.meta.agency)))
    .map((entry) => ({ file: entry.file, agency: entry.report.meta.agency }));
  const count = (status: UnitStatus): number => rows.filter((row) => row.status === status).length;
  return {
    units: rows,
    unmatched,
    summary: {
      expected: rows.length,
      reported: rows.length - count('missing'),
      missing: count('missing'),
      onTime: count('on-time'),
      late: count('late'),
      noDate: count('no-date'),
      unmatched: unmatched.length,
    },
  };
}
