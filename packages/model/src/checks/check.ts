import type { Report } from '../types.js';
import { type CellValues, cellTable, newCellValues, readCellValues } from './cell-values.js';
import type { Ctx } from './context.js';
import { RULE_DEFINITIONS } from './rule-definitions.js';
import { type CheckOptions, type Evaluation, type Finding, RULE_ORDER, RULES, type RuleId } from './rules.js';

/*
 * The checker's engine. Each rule is defined in its family's file (checks/rules/*.ts) with its metadata beside
 * its evaluator; the engine runs them in reporting order, skipping what a rule's metadata says it cannot judge
 * (`needsPrevious`, `needsSections`), sorts the output by rule, then by first cell, then by position in the
 * text, and caps the findings per rule (`boundsItself` rules cap their own). No rule is named here.
 */

/**
 * Sorts evaluations by rule (RULES order), then by their first cell (cell order; cell-less instances
 * first), keeping emission order (text order) for ties. Evaluators already emit nearly in this order.
 */
function sorted(out: Evaluation[]): Evaluation[] {
  if (out.length < 2) return out;
  const { indexOf } = cellTable();
  const keyed = out.map((evaluation, position) => {
    const first = evaluation.cells[0];
    return {
      evaluation,
      rule: RULE_ORDER.get(evaluation.rule) ?? RULES.length,
      cell: first === undefined ? -1 : (indexOf.get(first) ?? -1),
      position,
    };
  });
  keyed.sort((a, b) => a.rule - b.rule || a.cell - b.cell || a.position - b.position);
  return keyed.map((entry) => entry.evaluation);
}

/** Scratch buffers reused across calls; a re-entrant call (from a getter on the report) gets fresh ones. */
let scratch: { mine: CellValues; previous: CellValues } | undefined;
let busy = false;

function run(
  report: Report,
  options: CheckOptions | undefined,
  passes: boolean | ReadonlySet<RuleId>,
  only?: ReadonlySet<RuleId>,
  passed?: Partial<Record<RuleId, number>>,
): Evaluation[] {
  const reuse = !busy;
  if (reuse) scratch ??= { mine: newCellValues(), previous: newCellValues() };
  const buffers = reuse ? scratch : undefined;
  const values = buffers?.mine ?? newCellValues();
  const previous = options?.previous;
  busy = true;
  try {
    readCellValues(report, values);
    let previousValues: CellValues | undefined;
    if (previous !== undefined) {
      previousValues = buffers?.previous ?? newCellValues();
      readCellValues(previous, previousValues);
    }
    const sections: unknown = (report as { sections?: unknown }).sections;
    const hasSections = typeof sections === 'object' && sections !== null;
    const ctx: Ctx = {
      report,
      values,
      previous,
      previousValues,
      passes: false,
      out: [],
      rule: RULE_DEFINITIONS[0] as Ctx['rule'],
      narrative: undefined,
      ...(passed ? { passed } : {}),
    };
    for (const rule of RULE_DEFINITIONS) {
      if (only && !only.has(rule.id)) continue;
      if (rule.needsPrevious && previous === undefined) continue;
      // A report without `sections` (tables only) skips the narrative rules; it does not fail them.
      if (rule.needsSections && !hasSections) continue;
      ctx.rule = rule;
      ctx.passes = typeof passes === 'boolean' ? passes : passes.has(rule.id);
      rule.evaluate(ctx);
    }
    return sorted(ctx.out);
  } finally {
    if (reuse) busy = false;
  }
}

/** Options of `evaluateReport`: those of `checkReport`, and which rules to run. */
export interface EvaluateOptions extends CheckOptions {
  /**
   * Run only these rules (a reader that needs a few, such as the scorecard, skips the cost of the rest); the
   * instances of each are exactly those a full evaluation gives. @default every rule
   */
  rules?: Iterable<RuleId>;
  /**
   * `false`: only the instances that did not pass (as `checkReport` finds them, uncapped and with their
   * `sides`), nothing built for a pass; a list of rules: the passes of those rules only (a reader that needs the
   * findings of every rule and the passes of a few evaluates once, at little more than `checkReport`'s cost).
   * @default true
   */
  passes?: boolean | Iterable<RuleId>;
}

/** Every rule instance on a report, passes included, sorted by rule (RULES order) and then cell order. */
export function evaluateReport(report: Report, options?: EvaluateOptions): Evaluation[] {
  const only = options?.rules === undefined ? undefined : new Set(options.rules);
  const passes = options?.passes ?? true;
  return run(report, options, typeof passes === 'boolean' ? passes : new Set(passes), only);
}

/** `evaluateWithCounts`' result: the instances that did not pass, and how many instances of each rule passed. */
export interface CountedEvaluation {
  /** What `evaluateReport(report, { passes: false })` gives (sorted the same way). */
  evaluations: Evaluation[];
  /** Per rule, how many passes `evaluateReport(report)` would list; a rule without passes is absent. */
  passed: Partial<Record<RuleId, number>>;
}

/**
 * Every rule instance on a report, with the passes counted instead of built: for a reader that needs the findings
 * and only how many of each rule held (the scorecard), at about `checkReport`'s cost, where building the passes of
 * a busy 表三 (hundreds, each with its cells and message) costs as much again.
 */
export function evaluateWithCounts(
  report: Report,
  options?: Omit<EvaluateOptions, 'passes'>,
): CountedEvaluation {
  const only = options?.rules === undefined ? undefined : new Set(options.rules);
  const passed: Partial<Record<RuleId, number>> = {};
  return { evaluations: run(report, options, true, only, passed), passed };
}

/** How many findings of one rule `checkReport` lists; one more finding of that rule counts the rest. */
export const MAX_FINDINGS_PER_RULE = 100;

const BOUNDS_ITSELF: ReadonlySet<RuleId> = new Set(
  RULES.filter((rule) => rule.boundsItself).map((rule) => rule.id),
);

/** The first MAX_FINDINGS_PER_RULE findings of each rule, then one per rule counting the rest (input order kept). */
function capped(findings: Finding[]): Finding[] {
  // A rule that bounds itself (RuleSpec.boundsItself: text-characters) is passed through whole.
  if (findings.length <= MAX_FINDINGS_PER_RULE) return findings;
  const out: Finding[] = [];
  let index = 0;
  while (index < findings.length) {
    const first = findings[index] as Finding;
    let end = index;
    while (end < findings.length && (findings[end] as Finding).rule === first.rule) end += 1;
    const kept = BOUNDS_ITSELF.has(first.rule) ? end - index : Math.min(end - index, MAX_FINDINGS_PER_RULE);
    for (let k = index; k < index + kept; k++) out.push(findings[k] as Finding);
    const rest = end - index - kept;
    if (rest > 0) {
      out.push({
        rule: first.rule,
        severity: first.severity,
        status: findings.slice(index + kept, end).some((f) => f.status === 'fail') ? 'fail' : 'uncertain',
        cells: [],
        message: {
          zh: `另有 ${rest} 处同类问题未列出（每条规则只列出前 ${MAX_FINDINGS_PER_RULE} 处）`,
          en: `${rest} more findings of this rule not listed (only the first ${MAX_FINDINGS_PER_RULE} of a rule are)`,
        },
      });
    }
    index = end;
  }
  return out;
}

/**
 * The findings of every rule on a report (failed and uncertain instances), sorted by rule and then cell
 * order; at most MAX_FINDINGS_PER_RULE per rule, then one finding of that rule counting the rest.
 */
export function checkReport(report: Report, options?: CheckOptions): Finding[] {
  return findingsFrom(run(report, options, false));
}

/**
 * The findings in an evaluation (`evaluateReport`): what `checkReport` gives for the same report and options, for
 * a reader that needs the passes too and evaluates once for both.
 */
export function findingsFrom(evaluations: readonly Evaluation[]): Finding[] {
  const findings: Finding[] = [];
  for (const evaluation of evaluations) {
    if (evaluation.status === 'pass') continue;
    const { rule, severity, status, cells, expected, actual, message } = evaluation;
    findings.push({
      rule,
      severity,
      status,
      cells,
      ...(expected !== undefined ? { expected } : {}),
      ...(actual !== undefined ? { actual } : {}),
      message,
    });
  }
  return capped(findings);
}

/** False iff some finding is an error that failed (uncertain findings never block: a person looks at them). */
export function isReportOk(findings: readonly Finding[]): boolean {
  return !findings.some((finding) => finding.severity === 'error' && finding.status === 'fail');
}
