import type { Evaluation, Finding, RuleId, Severity } from '../checks/rules.js';
import { RULES } from '../checks/rules.js';
import type { Rulepack } from '../score/resolve.js';
import { scoreReport } from '../score/score.js';
import type { IndicatorStatus, Scorecard } from '../score/types.js';
import type { CellAddress, LocalizedText, Report } from '../types.js';
import { type ExpectedCoverage, expectedCoverage } from './coverage.js';
import { type RectificationNotice, rectificationNotice } from './rectification.js';
import { ROLL_UP_AGENCY, type RollUp, rollUpReports } from './rollup.js';
import type { ExpectedUnit } from './units.js';
import { compareYears, normaliseAgencyName, type YearOverYear } from './year-over-year.js';

/*
 * A region's audit as one document: what `nianbao audit --json` writes and `renderAuditHtml` draws. The importer
 * reads the files; this module only assembles what it read (scorecards, the roll-up, the comparison with last
 * year) so that the JSON and the page never disagree.
 */

/** The version tag of the audit document; a new tag is a new, incompatible shape. */
export const AUDIT_FORMAT = 'nianbao-audit/1';

/** A reading note of the importer, as the audit keeps it (the import package's ImportNote, structurally). */
export interface AuditNote {
  /** Stable code of the note, e.g. `format-legacy`, `ambiguous-run`. */
  code: string;
  severity: 'warning' | 'info';
  cells: CellAddress[];
  message: LocalizedText;
  /** 1-based line of the input, when known. */
  line?: number;
}

/** One input of an audit: a report that was read, or a file that could not be. */
export type AuditInput =
  | {
      file: string;
      ok: true;
      report: Report;
      /** `checkReport(report)`, as the importer computed it. */
      findings: Finding[];
      /**
       * `evaluateReport(report)`, or `evaluateReport(report, { passes: SCORED_RULES })`, when the caller evaluated
       * the report (and took `findings` from it with `findingsFrom`): the scorecard reads it instead of running
       * the rules again. Not written to the audit.
       */
      evaluations?: readonly Evaluation[];
      /**
       * With `evaluations` from `evaluateWithCounts(report)` (every instance that did not pass), its `passed`: the
       * scorecard counts these passes instead of reading them. Not written to the audit.
       */
      passed?: Partial<Record<RuleId, number>>;
      notes: AuditNote[];
      /** How many statutory cells were read by their labels, placed by inference, or not given. */
      confidence: { read: number; inferred: number; missing: number };
      /** `2021`, or `2019` when a table was in the 2019 format. */
      format: '2021' | '2019';
      /** The detected layout of each table, as `t2=html t3=html`. */
      layouts: string;
    }
  | { file: string; ok: false; reasons: LocalizedText[] };

/** How a report came out: `error` has failing errors, `warning` only warnings (or reading warnings). */
export type AuditStatus = 'pass' | 'warning' | 'error' | 'unreadable';

/** One audited input. */
export interface AuditReport {
  file: string;
  status: AuditStatus;
  /** The reporting body; empty when unreadable. */
  agency: string;
  year: number | null;
  format: '2021' | '2019' | '';
  layouts: string;
  /** Failing error-severity findings. */
  errors: number;
  /** Failing warning-severity findings plus warning reading notes (as `nianbao audit` counts them). */
  warnings: number;
  /** Findings the checks could not decide (blank cells in a sum, an unknown date…). */
  uncertain: number;
  read: number;
  inferred: number;
  missing: number;
  /** Why the file could not be read; empty when it was. */
  reasons: LocalizedText[];
  /** The scorecard's on-time indicator: pass / fail, or not-applicable without a publication date. */
  onTime: IndicatorStatus | null;
  report?: Report;
  findings: Finding[];
  notes: AuditNote[];
  scorecard?: Scorecard;
  /** Last year's file this report was compared with (`--previous`). */
  previousFile?: string;
  /** The 整改 list (`rectificationNotice`), for a report that is not `pass` or is late by the unit list. */
  notice?: RectificationNotice;
}

/**
 * The office's own figures (本级), kept apart from the region's total: the report identified by `own` (a file or
 * an agency name) or by the unit list's 本级 mark, and the roll-up of every other report read (the region's total
 * is `RegionAudit.rollUp`, own report included).
 */
export interface OwnFigures {
  /** How the own report was named: `--own` (`option`) or the unit list's 本级 column (`units`). */
  identifiedBy: 'option' | 'units';
  /** What named it: the `--own` value, or the unit's name. */
  given: string;
  /** The own report's file; absent when no report read matches `given`. */
  file?: string;
  agency?: string;
  /** The own report's figures. */
  report?: Report;
  /** Every other report summed (下属单位合计), named `本行政区域汇总（不含本级）`. */
  others?: RollUp;
}

/** How often one rule failed across the region. */
export interface RuleCount {
  rule: RuleId;
  severity: Severity;
  title: LocalizedText;
  /** Failing findings of the rule over all reports. */
  findings: number;
  /** Reports with at least one failing finding of the rule. */
  reports: number;
}

/** The totals of an audit. */
export interface AuditSummary {
  files: number;
  imported: number;
  unreadable: number;
  pass: number;
  withWarnings: number;
  withErrors: number;
  errors: number;
  warnings: number;
  uncertain: number;
  /** Failing rules, most reports first. */
  byRule: RuleCount[];
  /** The on-time indicator over the imported reports. */
  deadline: { onTime: number; late: number; unknown: number };
}

/**
 * The whole audit (`nianbao audit --json`), shape `nianbao-audit/1`:
 *
 * ```json
 * { "format": "nianbao-audit/1",
 *   "summary": { "files": 2, "imported": 1, "unreadable": 1, "pass": 1, "withWarnings": 0, "withErrors": 0,
 *                "errors": 0, "warnings": 0, "uncertain": 0, "byRule": [], "deadline": { "onTime": 1, "late": 0, "unknown": 0 } },
 *   "reports": [ { "file": "a.html", "status": "pass", "agency": "某市自然资源和规划局", "year": 2024, "format": "2021",
 *                  "layouts": "t2=html t3=html t4=html", "errors": 0, "warnings": 0, "uncertain": 0, "read": 200,
 *                  "inferred": 0, "missing": 0, "reasons": [], "onTime": "pass", "report": { … Report JSON v1 … },
 *                  "findings": [], "notes": [], "scorecard": { … Scorecard … } },
 *                { "file": "b.pdf", "status": "unreadable", "agency": "", "year": null, "format": "", "layouts": "",
 *                  "errors": 0, "warnings": 0, "uncertain": 0, "read": 0, "inferred": 0, "missing": 200,
 *                  "reasons": [ { "zh": "…", "en": "…" } ], "onTime": null, "findings": [], "notes": [] } ],
 *   "rollUp": { "report": { … }, "findings": [ … ], "members": [ … ], "nullCells": { … }, "unreadable": [ … ] },
 *   "previous": { "rollUp": { … }, "comparison": { "agencies": [ … ], "unmatchedCurrent": [], "unmatchedPrevious": [], "region": { … } } } }
 * ```
 *
 * `previous` is present only when last year's reports were given; `expected` (who has reported) only with a unit
 * list, `own` (本级 apart) only with `own` or a unit marked 本级; a report that does not pass carries its `notice`.
 */
export interface RegionAudit {
  format: typeof AUDIT_FORMAT;
  summary: AuditSummary;
  reports: AuditReport[];
  rollUp: RollUp;
  previous?: { rollUp: RollUp; comparison: YearOverYear };
  /** The unit list against the reports (`--expected`): who is missing, who is late, files matching no unit. */
  expected?: ExpectedCoverage;
  /** The office's own figures apart from the region's (`--own`, or the unit list's 本级 mark). */
  own?: OwnFigures;
}

/** Options of `buildRegionAudit`. */
export interface RegionAuditOptions {
  /** Last year's inputs (`--previous DIR`): enables the comparison and the scorecard's cross-year items. */
  previous?: readonly AuditInput[];
  /** The rulepack to score by; the national defaults when absent. */
  rulepack?: Rulepack;
  /** Today as `YYYY-MM-DD`, passed to `scoreReport` (the audit never reads the clock itself). */
  today?: string;
  /** The bodies the office covers (`parseUnitList`); enables `RegionAudit.expected`. */
  expected?: readonly ExpectedUnit[];
  /**
   * The office's own report (本级): a file as given in the inputs (or its last path segment), or an agency name
   * (matched by `normaliseAgencyName`). Without it, the unit list's unit marked 本级, if any.
   */
  own?: string;
}

type ReadInput = Extract<AuditInput, { ok: true }>;

function failing(findings: readonly Finding[], severity: Severity): number {
  return findings.filter((f) => f.status === 'fail' && f.severity === severity).length;
}

function statusOf(errors: number, warnings: number): AuditStatus {
  return errors > 0 ? 'error' : warnings > 0 ? 'warning' : 'pass';
}

function ruleCounts(reports: readonly AuditReport[]): RuleCount[] {
  const counts = new Map<RuleId, { findings: number; reports: number }>();
  for (const report of reports) {
    const seen = new Set<RuleId>();
    for (const finding of report.findings) {
      if (finding.status !== 'fail' || finding.severity === 'info') continue;
      const count = counts.get(finding.rule) ?? { findings: 0, reports: 0 };
      count.findings += 1;
      if (!seen.has(finding.rule)) count.reports += 1;
      seen.add(finding.rule);
      counts.set(finding.rule, count);
    }
  }
  return RULES.filter((rule) => counts.has(rule.id))
    .map((rule) => ({
      rule: rule.id,
      severity: rule.severity,
      title: { ...rule.title },
      ...(counts.get(rule.id) as { findings: number; reports: number }),
    }))
    .sort((a, b) => b.reports - a.reports || b.findings - a.findings);
}

function rollUpOf(inputs: readonly AuditInput[]): RollUp {
  const read = inputs.filter((input): input is ReadInput => input.ok);
  return rollUpReports(
    read.map(({ report, file }) => ({ report, file })),
    {
      unreadable: inputs.flatMap((input) => (input.ok ? [] : [{ file: input.file, reasons: input.reasons }])),
    },
  );
}

/** The own report by `--own` (a file, its last path segment, or an agency name) or the unit list's 本级 mark. */
function ownFigures(inputs: readonly AuditInput[], options: RegionAuditOptions): OwnFigures | undefined {
  const marked = options.expected?.find((unit) => unit.own);
  const given = options.own ?? marked?.name;
  if (given === undefined) return undefined;
  const identifiedBy = options.own !== undefined ? 'option' : 'units';
  const read = inputs.filter((input): input is ReadInput => input.ok);
  const key = normaliseAgencyName(given);
  const match =
    read.find((input) => input.file === given) ??
    read.find((input) => input.file.split(/[\\/]/).at(-1) === given) ??
    read.find((input) => normaliseAgencyName(input.report.meta.agency) === key);
  if (!match) return { identifiedBy, given };
  const others = read.filter((input) => input !== match);
  return {
    identifiedBy,
    given,
    file: match.file,
    agency: match.report.meta.agency,
    report: match.report,
    others: rollUpReports(
      others.map(({ report, file }) => ({ report, file })),
      {
        agency: `${ROLL_UP_AGENCY}（不含本级）`,
        year: match.report.meta.year,
        unreadable: inputs.flatMap((input) =>
          input.ok ? [] : [{ file: input.file, reasons: input.reasons }],
        ),
      },
    ),
  };
}

/**
 * Assembles a region's audit from what the importer read: one row per input (status, counts, confidence, the
 * scorecard by `scoreReport`, with last year's report of the same body when `previous` is given, and the 整改 list
 * `rectificationNotice` for each report that is not `pass`), the totals and failing rules, the roll-up of every
 * report read (`rollUpReports`, the unreadable ones listed), with `previous` the year-over-year comparison
 * (`compareYears`), with `expected` who has reported (`expectedCoverage`), and with `own` or a unit marked 本级 the
 * office's own figures apart from the rest.
 */
export function buildRegionAudit(
  inputs: readonly AuditInput[],
  options: RegionAuditOptions = {},
): RegionAudit {
  const previousRead = (options.previous ?? []).filter((input): input is ReadInput => input.ok);
  const comparison = options.previous
    ? compareYears(
        inputs.filter((input): input is ReadInput => input.ok).map(({ report, file }) => ({ report, file })),
        previousRead.map(({ report, file }) => ({ report, file })),
      )
    : undefined;
  const previousOf = new Map<string, ReadInput>();
  for (const pair of comparison?.agencies ?? []) {
    const match = previousRead.find((input) => input.file === pair.previousFile);
    if (pair.file !== undefined && match) previousOf.set(pair.file, match);
  }
  const rollUp = rollUpOf(inputs);
  const read = inputs.filter((input): input is ReadInput => input.ok);
  const expected = options.expected
    ? expectedCoverage(options.expected, read, {
        year: rollUp.report.meta.year,
        ...(options.rulepack ? { rulepack: options.rulepack } : {}),
        ...(options.today ? { today: options.today } : {}),
      })
    : undefined;
  // A report late by the unit list's deadline (its kind there may differ from the report's) is told so in its notice.
  const lateOf = new Map<string, { deadline: string; publishedAt: string; daysLate: number }>();
  for (const unit of expected?.units ?? []) {
    if (unit.status !== 'late' || !unit.deadline || !unit.publishedAt || unit.daysLate === undefined)
      continue;
    for (const file of unit.files)
      lateOf.set(file, { deadline: unit.deadline, publishedAt: unit.publishedAt, daysLate: unit.daysLate });
  }
  const reports = inputs.map((input): AuditReport => {
    if (!input.ok) {
      return {
        file: input.file,
        status: 'unreadable',
        agency: '',
        year: null,
        format: '',
        layouts: '',
        errors: 0,
        warnings: 0,
        uncertain: 0,
        read: 0,
        inferred: 0,
        missing: 0,
        reasons: input.reasons.map((reason) => ({ ...reason })),
        onTime: null,
        findings: [],
        notes: [],
        notice: rectificationNotice([], { agency: '', file: input.file, reasons: input.reasons }),
      };
    }
    const previous = previousOf.get(input.file);
    const scorecard = scoreReport(input.report, {
      // Last year's report brings the cross-year rules in, which the caller's evaluation did not run.
      ...(previous
        ? { previous: previous.report }
        : input.evaluations
          ? { evaluations: input.evaluations, ...(input.passed ? { passed: input.passed } : {}) }
          : {}),
      ...(options.rulepack ? { rulepack: options.rulepack } : {}),
      ...(options.today ? { today: options.today } : {}),
    });
    const errors = failing(input.findings, 'error');
    const warnings =
      failing(input.findings, 'warning') + input.notes.filter((note) => note.severity === 'warning').length;
    const status = statusOf(errors, warnings);
    const late = lateOf.get(input.file);
    return {
      file: input.file,
      status,
      agency: input.report.meta.agency,
      year: input.report.meta.year || null,
      format: input.format,
      layouts: input.layouts,
      errors,
      warnings,
      uncertain: input.findings.filter((f) => f.status === 'uncertain').length,
      ...input.confidence,
      reasons: [],
      onTime: scorecard.indicators.find((indicator) => indicator.id === 'on-time')?.status ?? null,
      report: input.report,
      findings: input.findings,
      notes: input.notes,
      scorecard,
      ...(previous ? { previousFile: previous.file } : {}),
      ...(status !== 'pass' || late
        ? {
            notice: rectificationNotice(input.findings, {
              agency: input.report.meta.agency,
              file: input.file,
              notes: input.notes,
              ...(late ? { late } : {}),
            }),
          }
        : {}),
    };
  });
  const imported = reports.filter((report) => report.status !== 'unreadable');
  const own = ownFigures(inputs, options);
  const count = (status: AuditStatus): number => reports.filter((report) => report.status === status).length;
  const sum = (key: 'errors' | 'warnings' | 'uncertain'): number =>
    reports.reduce((total, report) => total + report[key], 0);
  return {
    format: AUDIT_FORMAT,
    summary: {
      files: reports.length,
      imported: imported.length,
      unreadable: count('unreadable'),
      pass: count('pass'),
      withWarnings: count('warning'),
      withErrors: count('error'),
      errors: sum('errors'),
      warnings: sum('warnings'),
      uncertain: sum('uncertain'),
      byRule: ruleCounts(reports),
      deadline: {
        onTime: imported.filter((report) => report.onTime === 'pass').length,
        late: imported.filter((report) => report.onTime === 'fail' || report.onTime === 'partial').length,
        unknown: imported.filter((report) => report.onTime === 'not-applicable' || report.onTime === null)
          .length,
      },
    },
    reports,
    rollUp,
    ...(options.previous && comparison
      ? { previous: { rollUp: rollUpOf(options.previous), comparison } }
      : {}),
    ...(expected ? { expected } : {}),
    ...(own ? { own } : {}),
  };
}
