import {
  type CellAddress,
  type CheckOptions,
  describeCell,
  type Evaluation,
  evaluateReport,
  type Finding,
  type Report,
  type RuleId,
  readCell,
  statutoryCells,
  statutoryLayout,
  type TableId,
  writeCell,
} from '@nianbao/model';
import { busyReport, type FailingFixture, failingFixtures, seedReport } from '@nianbao/model/fixtures';

/*
 * Every report a story shows is a model fixture or an edit of one computed here from the model (never
 * hand-typed numbers): a failing fixture's own edits applied to another fixture, or a fixture's cells blanked.
 */

/**
 * The seed report with characters the default fonts lack at the start of its first preamble paragraph: 𠮷 (CJK
 * Extension B, found in place names) and 𪚥, which no bundled font has.
 */
export function withRareCharacters(): Report {
  const [first = '', ...rest] = seedReport.preamble ?? [];
  return { ...seedReport, preamble: [`𠮷𪚥${first}`, ...rest] };
}

/** The failing fixture of a rule. */
export function failing(rule: RuleId): FailingFixture {
  const fixture = failingFixtures.find((f) => f.rule === rule);
  if (!fixture) throw new Error(`no failing fixture for rule ${rule}`);
  return fixture;
}

/** The options that check a failing fixture as the model means it (with last year's report when it has one). */
export function optionsOf(fixture: FailingFixture): CheckOptions {
  return fixture.previous ? { previous: fixture.previous } : {};
}

/** The statutory cells where two reports differ. */
export function changedCells(from: Report, to: Report): CellAddress[] {
  return statutoryCells()
    .map((cell) => cell.address)
    .filter((address) => readCell(from, address) !== readCell(to, address));
}

/**
 * Several failing fixtures at once: each fixture's edits to busyReport applied together. `t3-balance` and
 * `t3-results-total` both move a unit in the 自然人 column, so together they fail two rules in one column.
 */
export function combinedFailures(rules: readonly RuleId[]): Report {
  let report: Report = busyReport;
  for (const rule of rules) {
    const fixture = failing(rule);
    for (const address of changedCells(busyReport, fixture.report)) {
      report = writeCell(report, address, readCell(fixture.report, address) ?? null);
    }
  }
  return report;
}

/**
 * busyReport with the first `count` non-total data cells of a table blanked (`null`: not known), the cells a
 * sum reads, so the cross-checks over them cannot be decided and show as uncertain.
 */
export function withBlankCells(table: TableId, count: number, from: Report = busyReport): Report {
  let report = from;
  for (const address of blankedCells(table, count)) report = writeCell(report, address, null);
  return report;
}

/** The cells `withBlankCells` blanks. */
export function blankedCells(table: TableId, count: number): CellAddress[] {
  return statutoryLayout(table)
    .dataCells.filter((cell) => !cell.total && cell.address !== undefined)
    .slice(0, count)
    .map((cell) => cell.address as CellAddress);
}

/** The failing fixtures whose findings name a cell of `table`, in the order of RULES. */
export function failingFixturesOf(table: TableId): FailingFixture[] {
  return failingFixtures.filter((fixture) =>
    evaluateReport(fixture.report, optionsOf(fixture)).some(
      (e) => e.status === 'fail' && e.cells.some((address) => describeCell(address)?.table === table),
    ),
  );
}

/** A report's evaluations and the findings among them (what did not pass). */
export interface Checked {
  evaluations: readonly Evaluation[];
  findings: readonly Finding[];
}

/** Evaluates a report once for a story. */
export function checked(report: Report, options: CheckOptions = {}): Checked {
  const evaluations = evaluateReport(report, options);
  const findings = evaluations.filter((e): e is Evaluation & Finding => e.status !== 'pass');
  return { evaluations, findings };
}
