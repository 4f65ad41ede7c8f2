import type { CellAddress, LocalizedText, Report } from '../types.js';
import { type CellValues, cellIndex, KIND_INVALID, KIND_NULL } from './cell-values.js';
import { labelList } from './labels.js';
import type { NarrativeReading } from './narrative-reading.js';
import type { Evaluation, RuleId, RuleSpec } from './rules.js';

/*
 * What the engine (check.ts) hands each rule's evaluator, and the helpers every rule family uses to report an
 * instance. In check mode (`passes: false`) a passing instance allocates nothing: messages are built only for
 * what is reported, which keeps checkReport on a clean report fast.
 */

/** One rule instance's status. */
export type Status = Evaluation['status'];

/** The state of one `checkReport` / `evaluateReport` call, shared by the evaluators. */
export interface Ctx {
  readonly report: Report;
  readonly values: CellValues;
  readonly previous: Report | undefined;
  readonly previousValues: CellValues | undefined;
  /** Whether the current rule's passes are reported (the engine sets it per rule, as it sets `rule`). */
  passes: boolean;
  readonly out: Evaluation[];
  /** The rule being evaluated: `emit` takes its id and severity from here. */
  rule: RuleSpec;
  /** Parts 一 and 六 scanned once per report (narrative-reading.ts), shared by the narrative rules. */
  narrative: NarrativeReading | undefined;
  /**
   * When set (`evaluateWithCounts`), a reported pass is counted here by rule instead of built: the rules still run
   * every instance as with `passes`, so the count is the number of passes `evaluateReport` would list.
   */
  readonly passed?: Partial<Record<RuleId, number>>;
}

/**
 * A rule as the engine runs it: its metadata (what `RULES` publishes), where it sorts, the statutory cells
 * its instances may name, and its evaluator. Each family file (checks/rules/*.ts) defines its rules with this,
 * metadata beside evaluator.
 */
export interface RuleDefinition<Id extends RuleId = RuleId> extends RuleSpec {
  readonly id: Id;
  /**
   * Where the rule's findings sort among all rules (ascending; ids of other families interleave, so this is
   * a number rather than a position in one file). Unique; leave gaps so a rule can be put in between.
   */
  readonly rank: number;
  /** Every statutory cell an instance of the rule may name in `cells` (derived from the table structure). */
  readonly reads: () => readonly CellAddress[];
  /** Appends the rule's instances to `ctx.out` with `emit`. */
  readonly evaluate: (ctx: Ctx) => void;
}

/** A rule's metadata without its evaluator and the cells it reads: what the rule registry (`RULES`) is built from. */
export type RuleMeta<Id extends RuleId = RuleId> = Omit<RuleDefinition<Id>, 'evaluate' | 'reads'>;

/** What a rule does: the cells it may name and its evaluator (kept apart from its metadata, see `withEvaluators`). */
export type RuleEvaluator = Pick<RuleDefinition, 'reads' | 'evaluate'>;

/**
 * A family's rule metadata joined with its evaluators and read cells, one per id (the record's type makes a missing or extra
 * evaluator a type error). Kept apart so that importing the metadata does not bring the evaluators along: the record
 * comes from a function, so a bundler can drop an unused `withEvaluators(…)` call marked pure, arguments and all.
 */
export function withEvaluators<Id extends RuleId>(
  specs: readonly RuleMeta<Id>[],
  evaluators: () => Readonly<Record<Id, RuleEvaluator>>,
): readonly RuleDefinition<Id>[] {
  const byId = evaluators();
  return specs.map((spec) => ({ ...spec, ...byId[spec.id] }));
}

/** Whether an instance with this status is reported (checked before building anything for it). */
export function kept(ctx: Ctx, status: Status): boolean {
  return status !== 'pass' || ctx.passes;
}

/** Builds and appends one evaluation of the current rule. `build` runs only when the instance is kept. */
export function emit(
  ctx: Ctx,
  status: Status,
  build: () => { cells: CellAddress[]; message: LocalizedText } & Partial<Evaluation>,
): void {
  if (status === 'pass') {
    if (!ctx.passes) return;
    if (ctx.passed) {
      ctx.passed[ctx.rule.id] = (ctx.passed[ctx.rule.id] ?? 0) + 1;
      return;
    }
  }
  const { cells, message, expected, actual, sides, column } = build();
  const evaluation: Evaluation = {
    rule: ctx.rule.id,
    severity: ctx.rule.severity,
    status,
    cells,
    ...(expected !== undefined ? { expected } : {}),
    ...(actual !== undefined ? { actual } : {}),
    message,
  };
  if (sides) evaluation.sides = sides;
  if (column !== undefined) evaluation.column = column;
  ctx.out.push(evaluation);
}

/** The cells among `addresses` that are blank or not a number (what makes an instance uncertain). */
export function unusableCells(values: CellValues, addresses: readonly CellAddress[]): CellAddress[] {
  return addresses.filter((address) => {
    const kind = values.kind[cellIndex(address)];
    return kind === KIND_NULL || kind === KIND_INVALID;
  });
}

/** The tail of an uncertain instance's message: which cells could not be used. */
export function uncertainNote(blank: readonly CellAddress[]): LocalizedText {
  const list = labelList(blank);
  return {
    zh: `；无法核对，空白或无效的单元格：${list.zh}`,
    en: `; cannot be checked, blank or invalid: ${list.en}`,
  };
}

/** Two messages one after the other. */
export function join(a: LocalizedText, b: LocalizedText): LocalizedText {
  return { zh: a.zh + b.zh, en: a.en + b.en };
}

/** An empty message tail. */
export const NO_NOTE: LocalizedText = { zh: '', en: '' };
