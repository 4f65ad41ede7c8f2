import { evaluateReport } from '../checks/check.js';
import type { Evaluation } from '../checks/rules.js';
import { describeCell, readCell, statutoryCells } from '../tables/cells.js';
import type { CellAddress, LocalizedText, Report, T3Results } from '../types.js';
import { type RollUpEntry, rollUpReports } from './rollup.js';

/*
 * Year over year: this year's reports matched to last year's by agency name, and per pair (and for the region's
 * roll-ups) what evaluators look at: whether this year's 二、上年结转 continues last year's 四 (the checker's
 * carryover-continuity rule), how applications received and their outcomes changed, and whether parts 一 and 五
 * were copied (the narrative-copied rule). The rules themselves are the checker's; nothing is re-judged here.
 */

/*
 * What a body's name may carry that does not change which body it is: the 人民政府 / 政府 suffix (平潭综合实验区
 * 管理委员会 stays as it is; a 人民政府办公室 is another body and keeps its name, since the suffix must end the name).
 */
const GOVERNMENT_SUFFIX = /(?:人民政府|政府)+$/u;

/**
 * The key agencies are matched by across years: NFKC (full-width letters, digits and brackets to half-width),
 * every kind of whitespace removed, and a trailing 人民政府 or 政府 dropped, so `平潭县 人民政府`, `平潭县政府` and
 * `平潭县人民政府` match, while `平潭县人民政府办公室` stays a body of its own.
 */
export function normaliseAgencyName(name: string): string {
  const compact = name.normalize('NFKC').replace(/\s+/gu, '');
  const stripped = compact.replace(GOVERNMENT_SUFFIX, '');
  // A name that is nothing but the suffix keeps it, so it never matches every other stripped name.
  return stripped === '' ? compact : stripped;
}

/** A figure in two years. `change` is `after − before`, null when either is blank. */
export interface YearChange {
  before: number | null;
  after: number | null;
  change: number | null;
}

/** The outcome categories of 表三 三、本年度办理结果 (（一）…（六）) and （七）总计, as keys of `T3Results`. */
export type OutcomeKey = keyof T3Results;

/** How one outcome category changed; `label` is the statute's row label, e.g. `（三）不予公开`. */
export interface OutcomeChange extends YearChange {
  key: OutcomeKey;
  label: string;
}

/** One column of the carry-over check: this year's 二 against last year's 四. */
export interface CarryoverColumn {
  cell: CellAddress;
  status: 'pass' | 'fail' | 'uncertain';
  /** Last year's 四 in this column. */
  expected?: number;
  /** This year's 二 in this column. */
  actual?: number;
  message: LocalizedText;
}

/** The carry-over continuity of one pair: `fail` when any column fails, `pass` when every column passes. */
export interface Carryover {
  status: 'pass' | 'fail' | 'uncertain';
  columns: CarryoverColumn[];
}

/** The narrative-copied rule on one part (一 or 五). */
export interface CopiedPart {
  status: 'pass' | 'fail' | 'uncertain';
  message: LocalizedText;
}

/** One agency's two years side by side. */
export interface AgencyComparison {
  /** The matching key (`normaliseAgencyName`). */
  key: string;
  agency: string;
  previousAgency: string;
  year: number;
  previousYear: number;
  file?: string;
  previousFile?: string;
  carryover: Carryover;
  /** 一、本年新收政府信息公开申请数量 · 总计. */
  received: YearChange;
  outcomes: OutcomeChange[];
  /** One per part compared (parts a report lacks are not compared). */
  copied: CopiedPart[];
}

/** A report without a counterpart in the other year. */
export interface UnmatchedReport {
  agency: string;
  year: number;
  file?: string;
}

/** The region's roll-ups of both years compared (carry-over, applications, outcomes). */
export interface RegionComparison {
  year: number;
  previousYear: number;
  carryover: Carryover;
  received: YearChange;
  outcomes: OutcomeChange[];
}

/** `compareYears`' result. */
export interface YearOverYear {
  /** Matched pairs, in this year's input order. */
  agencies: AgencyComparison[];
  /** This year's reports with no report last year. */
  unmatchedCurrent: UnmatchedReport[];
  /** Last year's reports with no report this year. */
  unmatchedPrevious: UnmatchedReport[];
  region: RegionComparison;
}

/** The outcome categories in statutory order, then （七）总计. */
export const OUTCOME_KEYS: readonly [OutcomeKey, ...OutcomeKey[]] = [
  'disclosed',
  'partlyDisclosed',
  'withheld',
  'unavailable',
  'notProcessed',
  'other',
  'total',
];

const RECEIVED_TOTAL = 't3.received.total';

let outcomeCells: ReadonlyMap<OutcomeKey, { label: string; cells: readonly CellAddress[] }> | undefined;

/** Each outcome category's 总计 cells (one for （一）（二）（七）, one per leaf row for the others) and its label. */
function outcomes(): NonNullable<typeof outcomeCells> {
  outcomeCells ??= new Map(
    OUTCOME_KEYS.map((key) => {
      const cells = statutoryCells()
        .filter(({ address }) => address.startsWith(`t3.results.${key}.`) && address.endsWith('.total'))
        .map(({ address }) => address);
      const label = describeCell(cells[0] as CellAddress)?.rowLabels[1] ?? key;
      return [key, { label, cells }];
    }),
  );
  return outcomeCells;
}

let splitPaths: Map<CellAddress, readonly string[]> | undefined;

/** A cell's path split once per process: outcomeTotals runs on every report of a region, 25 cells each. */
function pathOf(cell: CellAddress): readonly string[] {
  splitPaths ??= new Map();
  let path = splitPaths.get(cell);
  if (!path) {
    path = cell.split('.');
    splitPaths.set(cell, path);
  }
  return path;
}

function sumCells(report: Report, cells: readonly CellAddress[]): number | null {
  let sum: number | null = null;
  for (const cell of cells) {
    // What readCell reads, along the path split once.
    let node: unknown = report;
    for (const key of pathOf(cell))
      node = node !== null && typeof node === 'object' ? (node as Record<string, unknown>)[key] : undefined;
    if (typeof node === 'number') sum = (sum ?? 0) + node;
  }
  return sum;
}

/** A report's applications by outcome: each category of 三、本年度办理结果 and （七）总计, summed over its rows' 总计. */
export function outcomeTotals(report: Report): { key: OutcomeKey; label: string; value: number | null }[] {
  return [...outcomes()].map(([key, { label, cells }]) => ({ key, label, value: sumCells(report, cells) }));
}

function change(before: number | null, after: number | null): YearChange {
  return { before, after, change: before === null || after === null ? null : after - before };
}

function overall(statuses: readonly string[]): 'pass' | 'fail' | 'uncertain' {
  if (statuses.includes('fail')) return 'fail';
  return statuses.length > 0 && statuses.every((status) => status === 'pass') ? 'pass' : 'uncertain';
}

function asStatus(evaluation: Evaluation): 'pass' | 'fail' | 'uncertain' {
  return evaluation.status === 'pass' || evaluation.status === 'fail' ? evaluation.status : 'uncertain';
}

function compareTables(
  current: Report,
  previous: Report,
): { carryover: Carryover; received: YearChange; outcomes: OutcomeChange[]; copied: CopiedPart[] } {
  const evaluations = evaluateReport(current, { previous });
  const columns = evaluations
    .filter((e) => e.rule === 'carryover-continuity')
    .map((e) => ({
      cell: e.cells[0] as CellAddress,
      status: asStatus(e),
      ...(typeof e.expected === 'number' ? { expected: e.expected } : {}),
      ...(typeof e.actual === 'number' ? { actual: e.actual } : {}),
      message: e.message,
    }));
  return {
    carryover: { status: overall(columns.map((c) => c.status)), columns },
    received: change(readCell(previous, RECEIVED_TOTAL) ?? null, readCell(current, RECEIVED_TOTAL) ?? null),
    outcomes: [...outcomes()].map(([key, { label, cells }]) => ({
      key,
      label,
      ...change(sumCells(previous, cells), sumCells(current, cells)),
    })),
    copied: evaluations
      .filter((e) => e.rule === 'narrative-copied')
      .map((e) => ({ status: asStatus(e), message: e.message })),
  };
}

function entryOf(input: Report | RollUpEntry): RollUpEntry {
  return 'report' in input ? input : { report: input };
}

function unmatched({ report, file }: RollUpEntry): UnmatchedReport {
  return { agency: report.meta.agency, year: report.meta.year, ...(file !== undefined ? { file } : {}) };
}

/**
 * Matches this year's reports to last year's by `normaliseAgencyName` (first to first when a name repeats) and
 * compares each pair, lists the reports without a counterpart on either side, and compares the region's roll-ups
 * of all reports of each year (what the region reported in each year, matched or not).
 */
export function compareYears(
  currentInputs: readonly (Report | RollUpEntry)[],
  previousInputs: readonly (Report | RollUpEntry)[],
): YearOverYear {
  const current = currentInputs.map(entryOf);
  const previous = previousInputs.map(entryOf);
  const waiting = new Map<string, RollUpEntry[]>();
  for (const entry of previous) {
    const key = normaliseAgencyName(entry.report.meta.agency);
    const list = waiting.get(key);
    if (list) list.push(entry);
    else waiting.set(key, [entry]);
  }
  const agencies: AgencyComparison[] = [];
  const unmatchedCurrent: UnmatchedReport[] = [];
  const matched = new Set<RollUpEntry>();
  for (const entry of current) {
    const key = normaliseAgencyName(entry.report.meta.agency);
    const counterpart = waiting.get(key)?.shift();
    if (!counterpart) {
      unmatchedCurrent.push(unmatched(entry));
      continue;
    }
    matched.add(counterpart);
    agencies.push({
      key,
      agency: entry.report.meta.agency,
      previousAgency: counterpart.report.meta.agency,
      year: entry.report.meta.year,
      previousYear: counterpart.report.meta.year,
      ...(entry.file !== undefined ? { file: entry.file } : {}),
      ...(counterpart.file !== undefined ? { previousFile: counterpart.file } : {}),
      ...compareTables(entry.report, counterpart.report),
    });
  }
  const thisYear = rollUpReports(current).report;
  const lastYear = rollUpReports(previous).report;
  const { copied: _none, ...region } = compareTables(thisYear, lastYear);
  return {
    agencies,
    unmatchedCurrent,
    unmatchedPrevious: previous.filter((entry) => !matched.has(entry)).map(unmatched),
    region: { year: thisYear.meta.year, previousYear: lastYear.meta.year, ...region },
  };
}
