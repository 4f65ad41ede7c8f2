import { cellLabel } from '../tables/cells.js';
import { NARRATIVE_HEADINGS } from '../tables/parts.js';
import { STATUTORY_TABLES } from '../tables/statutory-2021.js';
import { type CellAddress, type LocalizedText, type Report, T3_COLUMN_KEYS } from '../types.js';
import { type SumInstance, tableStructure } from './arithmetic.js';
import {
  type CellValues,
  cellIndex,
  cellTable,
  KIND_BAD,
  KIND_INVALID,
  KIND_NULL,
  newCellValues,
  numberAt,
  rawCell,
  readCellValues,
  same,
  sumOf,
} from './cell-values.js';
import { oddCharactersMessage, oddFields } from './characters.js';
import { columnLabel, fmt, labelList, showRaw } from './labels.js';
import {
  blocksText,
  isBareNone,
  type KeyedQuote,
  mentionsFee,
  type NoneClaim,
  periodYears,
  type Quote,
  type ReceivedQuote,
  repeatShare,
  scanNarrative,
  titleYears,
} from './narrative.js';
import {
  type CheckOptions,
  type Evaluation,
  type Finding,
  RULE_ORDER,
  RULES,
  type RuleId,
  type Severity,
} from './rules.js';

/*
 * The checker. Each rule is an evaluator below, run in the order of RULES (the table EVALUATORS maps every
 * RuleId to one, so a rule cannot be listed without an implementation). Output is sorted by rule, then by
 * first cell, then by position in the text. In check mode (`passes: false`) a passing instance allocates
 * nothing: messages are built only for what is reported, which keeps checkReport on a clean report fast.
 */

/** The headings of the narrative parts, from the statute's data (tables/parts.ts). */
const PART_OVERVIEW = NARRATIVE_HEADINGS.overview;
const PART_PROBLEMS = NARRATIVE_HEADINGS.problems;
const PART_OTHER = NARRATIVE_HEADINGS.other;

/** Share of this year's 4-grams found in last year's text from which a part counts as copied. */
const COPIED_SHARE = 0.5;

/** A received quote, and which rule judges it (see `narrative`). */
interface RoutedQuote extends ReceivedQuote {
  readonly route: 'received' | 'none-claim';
}

/** The counts and claims read from parts 一 and 六 of one report. */
interface Narrative {
  /** Parts 一 and 六, one line per block: what the quotes' positions refer to. */
  readonly text: string;
  readonly received: readonly RoutedQuote[];
  readonly carriedOver: readonly Quote[];
  readonly carriedForward: readonly Quote[];
  /** Quotes of the six outcome categories; `key` indexes the outcome groups. */
  readonly outcomes: readonly KeyedQuote[];
  /** Quotes of 行政复议 / 行政诉讼; `key` − the outcome count is 0 or 1. */
  readonly cases: readonly KeyedQuote[];
  readonly claims: readonly NoneClaim[];
}

interface Ctx {
  readonly report: Report;
  readonly values: CellValues;
  readonly previous: Report | undefined;
  readonly previousValues: CellValues | undefined;
  readonly hasSections: boolean;
  readonly passes: boolean;
  readonly out: Evaluation[];
  narrative: Narrative | undefined;
}

type Status = Evaluation['status'];

const SEVERITY: ReadonlyMap<RuleId, Severity> = new Map(RULES.map((rule) => [rule.id, rule.severity]));

/** Whether an instance with this status is reported (checked before building anything for it). */
function kept(ctx: Ctx, status: Status): boolean {
  return status !== 'pass' || ctx.passes;
}

/** Builds and appends one evaluation. `build` runs only when the instance is kept. */
function emit(
  ctx: Ctx,
  rule: RuleId,
  status: Status,
  build: () => { cells: CellAddress[]; message: LocalizedText } & Partial<Evaluation>,
): void {
  if (status === 'pass' && !ctx.passes) return;
  const { cells, message, expected, actual, sides, column } = build();
  const evaluation: Evaluation = {
    rule,
    severity: SEVERITY.get(rule) as Severity,
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

function unusableCells(values: CellValues, addresses: readonly CellAddress[]): CellAddress[] {
  return addresses.filter((address) => {
    const kind = values.kind[cellIndex(address)];
    return kind === KIND_NULL || kind === KIND_INVALID;
  });
}

function uncertainNote(blank: readonly CellAddress[]): LocalizedText {
  const list = labelList(blank);
  return {
    zh: `；无法核对，空白或无效的单元格：${list.zh}`,
    en: `; cannot be checked, blank or invalid: ${list.en}`,
  };
}

function join(a: LocalizedText, b: LocalizedText): LocalizedText {
  return { zh: a.zh + b.zh, en: a.en + b.en };
}

// ── arithmetic ──────────────────────────────────────────────────────────────────────────────────────

function evaluateSum(ctx: Ctx, sum: SumInstance): void {
  const left = sumOf(ctx.values, sum.left);
  const right = sumOf(ctx.values, sum.right);
  const status: Status = left === null || right === null ? 'uncertain' : same(left, right) ? 'pass' : 'fail';
  if (!kept(ctx, status)) return;
  emit(ctx, sum.rule, status, () => {
    const formula = sum.formula(fmt(left), fmt(right));
    const computable = left !== null && right !== null;
    return {
      cells: [...sum.cells],
      ...(computable ? { expected: left, actual: right } : {}),
      message: computable ? formula : join(formula, uncertainNote(unusableCells(ctx.values, sum.cells))),
      sides: {
        left: { cells: [...sum.leftCells], value: left },
        right: { cells: [...sum.rightCells], value: right },
      },
      ...(sum.column !== undefined ? { column: sum.column } : {}),
    };
  });
}

/** A rule's sum instances flattened into one index array: instance n reads idx[bounds[3n] … bounds[3n+2]). */
interface FlatSums {
  readonly instances: readonly SumInstance[];
  readonly idx: Int32Array;
  /** Per instance: start of left, start of right, end. */
  readonly bounds: Int32Array;
}

function flatten(instances: readonly SumInstance[]): FlatSums {
  const idx: number[] = [];
  const bounds: number[] = [];
  for (const sum of instances) {
    bounds.push(idx.length);
    idx.push(...sum.left);
    bounds.push(idx.length);
    idx.push(...sum.right);
    bounds.push(idx.length);
  }
  return { instances, idx: Int32Array.from(idx), bounds: Int32Array.from(bounds) };
}

/**
 * An arithmetic rule. The fast path sums both sides of every instance in one tight loop over typed arrays;
 * only an instance that is reported (failed, uncertain, or any in evaluate mode) is built, by evaluateSum.
 */
function sumRule(rule: RuleId): (ctx: Ctx) => void {
  let flat: FlatSums | undefined;
  return (ctx) => {
    flat ??= flatten(tableStructure().sums.filter((sum) => sum.rule === rule));
    const { instances, idx, bounds } = flat;
    const { value, kind, counts } = ctx.values;
    if (counts[KIND_NULL] === 0 && counts[KIND_INVALID] === 0 && !ctx.passes) {
      // Every cell is a number: sum without looking at kinds, and report only what fails.
      for (let n = 0; n < instances.length; n++) {
        const b = n * 3;
        const mid = bounds[b + 1] as number;
        const end = bounds[b + 2] as number;
        let left = 0;
        let right = 0;
        for (let j = bounds[b] as number; j < mid; j++) left += value[idx[j] as number] as number;
        for (let j = mid; j < end; j++) right += value[idx[j] as number] as number;
        if (!same(left, right)) evaluateSum(ctx, instances[n] as SumInstance);
      }
      return;
    }
    for (let n = 0; n < instances.length; n++) {
      const b = n * 3;
      const mid = bounds[b + 1] as number;
      const end = bounds[b + 2] as number;
      let left = 0;
      let right = 0;
      let known = true;
      for (let j = bounds[b] as number; j < end; j++) {
        const i = idx[j] as number;
        const k = kind[i];
        if (k === KIND_NULL || k === KIND_INVALID) {
          known = false;
          break;
        }
        if (j < mid) left += value[i] as number;
        else right += value[i] as number;
      }
      if (known && !ctx.passes && same(left, right)) continue;
      evaluateSum(ctx, instances[n] as SumInstance);
    }
  };
}

// ── cells ───────────────────────────────────────────────────────────────────────────────────────────

const TABLE_CAPTIONS: readonly string[] = STATUTORY_TABLES.map((spec) => spec.caption);

/** Cell indices per table whose kind is one of `kinds`; `undefined` when there are none (no allocation). */
function cellsOfKind(values: CellValues, a: number, b: number): number[][] | undefined {
  const { kind } = values;
  const { tableOf } = cellTable();
  let found: number[][] | undefined;
  for (let i = 0; i < kind.length; i++) {
    const k = kind[i];
    if (k !== a && k !== b) continue;
    found ??= TABLE_CAPTIONS.map(() => []);
    found[tableOf[i] as number]?.push(i);
  }
  return found;
}

function cellType(ctx: Ctx): void {
  const { counts } = ctx.values;
  if (counts[KIND_BAD] === 0 && counts[KIND_INVALID] === 0 && !ctx.passes) return;
  const bad = cellsOfKind(ctx.values, KIND_BAD, KIND_INVALID);
  if (!bad && !ctx.passes) return;
  const { addresses, isCount } = cellTable();
  TABLE_CAPTIONS.forEach((caption, table) => {
    const indices = bad?.[table] ?? [];
    emit(ctx, 'cell-type', indices.length > 0 ? 'fail' : 'pass', () => {
      if (indices.length === 0) {
        return {
          cells: [],
          message: { zh: `${caption}：各单元格类型正确`, en: `${caption}: every cell has the right type` },
        };
      }
      const parts = indices.map((i) => {
        const address = addresses[i] as CellAddress;
        const raw = showRaw(rawCell(ctx.report, address));
        const count = isCount[i] === 1;
        return {
          zh: `${cellLabel(address)}（${address}）应为${count ? '非负整数' : '非负数'}，实为 ${raw.zh}`,
          en: `${cellLabel(address)} (${address}) must be a non-negative ${count ? 'integer' : 'number'}, got ${raw.en}`,
        };
      });
      return {
        cells: indices.map((i) => addresses[i] as CellAddress),
        message: {
          zh: `${caption}：${parts.map((p) => p.zh).join('；')}`,
          en: `${caption}: ${parts.map((p) => p.en).join('; ')}`,
        },
      };
    });
  });
}

/** One instance per table, listing its blank cells (so an all-blank column is one warning, not 25). */
function cellBlank(ctx: Ctx): void {
  if (ctx.values.counts[KIND_NULL] === 0 && !ctx.passes) return;
  const blank = cellsOfKind(ctx.values, KIND_NULL, KIND_NULL);
  if (!blank && !ctx.passes) return;
  const { addresses } = cellTable();
  TABLE_CAPTIONS.forEach((caption, table) => {
    const indices = blank?.[table] ?? [];
    emit(ctx, 'cell-blank', indices.length > 0 ? 'fail' : 'pass', () => {
      const cells = indices.map((i) => addresses[i] as CellAddress);
      if (cells.length === 0) {
        return { cells, message: { zh: `${caption}：没有空白单元格`, en: `${caption}: no blank cells` } };
      }
      const list = labelList(cells);
      return {
        cells,
        message: {
          zh: `${caption}有 ${cells.length} 个空白单元格：${list.zh}`,
          en: `${caption} has ${cells.length} blank cell(s): ${list.en}`,
        },
      };
    });
  });
}

// ── narrative ───────────────────────────────────────────────────────────────────────────────────────

/** What the narrative rules compare with, derived once from the table structure. */
interface NarrativeTargets {
  /** Outcome keywords (予以公开 … 其他处理) then case keywords (行政复议, 行政诉讼): what the scanner looks for. */
  readonly keywords: readonly string[];
  readonly caseKeywords: readonly string[];
  readonly outcomeCount: number;
  /** Per keyword: the cells its number is compared with (summed), and their indices. */
  readonly keyedCells: readonly (readonly CellAddress[])[];
  readonly keyedIndices: readonly (readonly number[])[];
  /** Per keyword: how a message names those cells. */
  readonly keyedNames: readonly LocalizedText[];
  readonly one: CellAddress;
  readonly two: CellAddress;
  readonly four: CellAddress;
  readonly claimCells: Readonly<Record<NoneClaim['kind'], readonly CellAddress[]>>;
}

let targets: NarrativeTargets | undefined;

function narrativeTargets(): NarrativeTargets {
  if (targets) return targets;
  const s = tableStructure();
  const groups = s.outcomeGroups;
  // 行政复议 is the first 表四 group; 行政诉讼 is the outer label of the others (直诉 + 复议后).
  const t4 = s.t4Groups;
  const review = t4[0] as (typeof t4)[number];
  const litigation = t4.slice(1);
  const outer = (address: CellAddress): string => cellLabel(address).split(' › ')[0] as string;
  const caseKeywords = [outer(review.total), outer((litigation[0] as (typeof t4)[number]).total)];
  const caseCells = [[review.total], litigation.map((group) => group.total)];
  const keyedCells = [...groups.map((group) => group.cells), ...caseCells];
  // A category with one row is named by its cell; one with several by its label, summed over its rows.
  const keyedNames = [
    ...groups.map((group): LocalizedText => {
      if (group.cells.length === 1) {
        const name = cellLabel(group.cells[0] as string);
        return { zh: name, en: name };
      }
      return { zh: `${group.label} 各行总计之和`, en: `the sum of the 总计 of the rows of ${group.label}` };
    }),
    ...caseCells.map((cells): LocalizedText => {
      const name = cells.map(cellLabel).join(' + ');
      return { zh: name, en: name };
    }),
  ];
  const one = `${s.received}.${s.t3TotalColumn}`;
  targets = {
    keywords: [...groups.map((group) => group.keyword), ...caseKeywords],
    caseKeywords,
    outcomeCount: groups.length,
    keyedCells,
    keyedIndices: keyedCells.map((cells) => cells.map(cellIndex)),
    keyedNames,
    one,
    two: `${s.carriedOver}.${s.t3TotalColumn}`,
    four: `${s.carriedForward}.${s.t3TotalColumn}`,
    claimCells: { applications: [one], review: [review.total], litigation: caseCells[1] as CellAddress[] },
  };
  return targets;
}

/** Parts 一 and 六 (where counts are stated), scanned once per report and shared by the narrative rules. */
function narrative(ctx: Ctx): Narrative {
  if (ctx.narrative) return ctx.narrative;
  const sections = ctx.report.sections;
  const text = blocksText(sections?.overview) + blocksText(sections?.other);
  const t = narrativeTargets();
  const found = scanNarrative(text, t.keywords, t.caseKeywords);
  const one = numberAt(ctx.values, cellIndex(t.one));
  const two = numberAt(ctx.values, cellIndex(t.two));
  const received: RoutedQuote[] = [];
  for (const { at, end, value, strict } of found.received) {
    // A quote of N > 0 where the table has 一 = 0 (and 一 + 二 is not N either) claims applications the
    // table does not have: the reverse of 「未收到申请」, reported as narrative-none-claim.
    const loose = !strict && two !== null && one !== null && same(value, one + two);
    const route = one === 0 && value > 0 && !loose ? 'none-claim' : 'received';
    received.push({ at, end, value, strict, route });
  }
  ctx.narrative = {
    text,
    received,
    carriedOver: found.carriedOver,
    carriedForward: found.carriedForward,
    outcomes: found.keyed.filter((quote) => quote.key < t.outcomeCount),
    cases: found.keyed.filter((quote) => quote.key >= t.outcomeCount),
    claims: found.claims,
  };
  return ctx.narrative;
}

function quoteNote(ctx: Ctx, quote: Quote): LocalizedText {
  const phrase = narrative(ctx).text.slice(quote.at, quote.end);
  return { zh: `正文“${phrase}”`, en: `The text “${phrase}”` };
}

const NO_NOTE: LocalizedText = { zh: '', en: '' };

function noneClaim(ctx: Ctx): void {
  const n = narrative(ctx);
  const reversed = n.received.filter((quote) => quote.route === 'none-claim');
  if (n.claims.length === 0 && reversed.length === 0) return;
  const t = narrativeTargets();
  const events: { at: number; run: () => void }[] = [];
  for (const claim of n.claims) {
    const cells = t.claimCells[claim.kind];
    const value = sumOf(ctx.values, cells.map(cellIndex));
    const status: Status = value === null ? 'uncertain' : value > 0 ? 'fail' : 'pass';
    const names = cells.map(cellLabel).join(' + ');
    events.push({
      at: claim.at,
      run: () =>
        emit(ctx, 'narrative-none-claim', status, () => ({
          cells: [...cells],
          message: join(
            {
              zh: `正文“${claim.text}”称没有，${names} = ${fmt(value)}`,
              en: `The text “${claim.text}” says there were none; ${names} = ${fmt(value)}`,
            },
            status === 'uncertain' ? uncertainNote(unusableCells(ctx.values, cells)) : NO_NOTE,
          ),
        })),
    });
  }
  for (const quote of reversed) {
    events.push({
      at: quote.at,
      run: () =>
        emit(ctx, 'narrative-none-claim', 'fail', () => ({
          cells: [t.one],
          expected: 0,
          actual: quote.value,
          message: join(quoteNote(ctx, quote), {
            zh: `称收到申请 ${quote.value} 件，而${cellLabel(t.one)} = 0`,
            en: ` says ${quote.value} applications were received, but ${cellLabel(t.one)} = 0`,
          }),
        })),
    });
  }
  events.sort((a, b) => a.at - b.at);
  for (const event of events) event.run();
}

function receivedRule(ctx: Ctx): void {
  const { received } = narrative(ctx);
  if (received.length === 0) return;
  const { one: oneCell, two: twoCell } = narrativeTargets();
  const one = numberAt(ctx.values, cellIndex(oneCell));
  const two = numberAt(ctx.values, cellIndex(twoCell));
  const both = one !== null && two !== null ? one + two : null;
  for (const quote of received) {
    if (quote.route !== 'received') continue;
    const matches =
      one !== null && (same(quote.value, one) || (!quote.strict && both !== null && same(quote.value, both)));
    const status: Status = matches
      ? 'pass'
      : one === null || (!quote.strict && two === null)
        ? 'uncertain'
        : 'fail';
    if (!kept(ctx, status)) continue;
    emit(ctx, 'narrative-received', status, () => {
      const cells = quote.strict ? [oneCell] : [oneCell, twoCell];
      const table = quote.strict
        ? { zh: `${cellLabel(oneCell)} = ${fmt(one)}`, en: `${cellLabel(oneCell)} = ${fmt(one)}` }
        : {
            zh: `${cellLabel(oneCell)} = ${fmt(one)}，一+二 = ${fmt(both)}`,
            en: `${cellLabel(oneCell)} = ${fmt(one)}, 一+二 = ${fmt(both)}`,
          };
      return {
        cells,
        ...(one !== null ? { expected: one, actual: quote.value } : {}),
        message: join(
          join(quoteNote(ctx, quote), {
            zh: `称收到申请 ${quote.value} 件；表三 ${table.zh}`,
            en: ` says ${quote.value} applications were received; table 三 has ${table.en}`,
          }),
          status === 'uncertain' ? uncertainNote(unusableCells(ctx.values, cells)) : NO_NOTE,
        ),
      };
    });
  }
}

/** Compares quoted numbers with table cells (summed): pass when equal, uncertain when a cell is blank. */
function compareQuotes(
  ctx: Ctx,
  rule: RuleId,
  quotes: readonly Quote[],
  cellsOf: (quote: Quote) => readonly CellAddress[],
  indicesOf: (quote: Quote) => readonly number[],
  nameOf?: (quote: Quote) => LocalizedText,
): void {
  for (const quote of quotes) {
    const value = sumOf(ctx.values, indicesOf(quote));
    const status: Status = value === null ? 'uncertain' : same(value, quote.value) ? 'pass' : 'fail';
    if (!kept(ctx, status)) continue;
    emit(ctx, rule, status, () => {
      const cells = cellsOf(quote);
      const joined = cells.map(cellLabel).join(' + ');
      const names = nameOf?.(quote) ?? { zh: joined, en: joined };
      return {
        cells: [...cells],
        ...(value !== null ? { expected: value, actual: quote.value } : {}),
        message: join(
          join(quoteNote(ctx, quote), {
            zh: `称 ${quote.value} 件；表中 ${names.zh} = ${fmt(value)}`,
            en: ` says ${quote.value}; the table has ${names.en} = ${fmt(value)}`,
          }),
          status === 'uncertain' ? uncertainNote(unusableCells(ctx.values, cells)) : NO_NOTE,
        ),
      };
    });
  }
}

function singleCellRule(
  rule: RuleId,
  cellOf: (t: NarrativeTargets) => CellAddress,
  quotesOf: (n: Narrative) => readonly Quote[],
): (ctx: Ctx) => void {
  let cells: readonly CellAddress[] | undefined;
  let indices: readonly number[] | undefined;
  return (ctx) => {
    const quotes = quotesOf(narrative(ctx));
    if (quotes.length === 0) return;
    cells ??= [cellOf(narrativeTargets())];
    indices ??= cells.map(cellIndex);
    const c = cells;
    const i = indices;
    compareQuotes(
      ctx,
      rule,
      quotes,
      () => c,
      () => i,
    );
  };
}

function keyedRule(rule: RuleId, quotesOf: (n: Narrative) => readonly KeyedQuote[]): (ctx: Ctx) => void {
  return (ctx) => {
    const quotes = quotesOf(narrative(ctx));
    if (quotes.length === 0) return;
    const t = narrativeTargets();
    const key = (quote: Quote): number => (quote as KeyedQuote).key;
    compareQuotes(
      ctx,
      rule,
      quotes,
      (quote) => t.keyedCells[key(quote)] ?? [],
      (quote) => t.keyedIndices[key(quote)] ?? [],
      (quote) => t.keyedNames[key(quote)] ?? NO_NOTE,
    );
  };
}

function problemsEmpty(ctx: Ctx): void {
  const text = blocksText(ctx.report.sections?.problems);
  const status: Status = isBareNone(text) ? 'fail' : 'pass';
  if (!kept(ctx, status)) return;
  emit(ctx, 'narrative-problems-empty', status, () => ({
    cells: [],
    message:
      status === 'fail'
        ? { zh: `${PART_PROBLEMS} 为空或只写“无”`, en: `${PART_PROBLEMS} is empty or a bare “无”` }
        : { zh: `${PART_PROBLEMS} 有内容`, en: `${PART_PROBLEMS} has content` },
  }));
}

function fee(ctx: Ctx): void {
  const status: Status = mentionsFee(ctx.report.sections?.other) ? 'pass' : 'fail';
  if (!kept(ctx, status)) return;
  emit(ctx, 'narrative-fee', status, () => ({
    cells: [],
    message:
      status === 'fail'
        ? { zh: `${PART_OTHER} 未说明信息处理费收取情况`, en: `${PART_OTHER} does not mention 信息处理费` }
        : { zh: `${PART_OTHER} 说明了信息处理费`, en: `${PART_OTHER} mentions 信息处理费` },
  }));
}

function narrativeYear(ctx: Ctx): void {
  const year = ctx.report.meta?.year;
  const known = typeof year === 'number' && Number.isInteger(year);
  const period = periodYears(ctx.report.preamble);
  if (period.years.length > 0) {
    const wrong = period.years.filter((y) => y !== year);
    const status: Status = !known ? 'uncertain' : wrong.length > 0 ? 'fail' : 'pass';
    if (kept(ctx, status))
      emit(ctx, 'narrative-year', status, () => ({
        cells: [],
        message: {
          zh: `统计期限“${period.text}”中的年份 ${period.years.join('、')}，报告年度 ${String(year)}`,
          en: `The statistics period “${period.text}” names ${period.years.join(', ')}; the report year is ${String(year)}`,
        },
      }));
  }
  const title = ctx.report.meta?.title;
  if (typeof title === 'string') {
    const years = titleYears(title);
    if (years.length > 0) {
      const status: Status = !known ? 'uncertain' : years.some((y) => y !== year) ? 'fail' : 'pass';
      if (kept(ctx, status))
        emit(ctx, 'narrative-year', status, () => ({
          cells: [],
          message: {
            zh: `标题“${title}”中的年份 ${years.join('、')}，报告年度 ${String(year)}`,
            en: `The title “${title}” names ${years.join(', ')}; the report year is ${String(year)}`,
          },
        }));
    }
  }
}

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** 条例第四十九条: departments publish by 31 January of N+1, a 人民政府's report is due by 31 March. */
function deadline(ctx: Ctx): void {
  const meta = ctx.report.meta;
  const publishedAt: unknown = meta?.publishedAt;
  if (publishedAt === undefined) return;
  const year = meta?.year;
  const government = meta?.kind === 'government';
  const valid = typeof publishedAt === 'string' && ISO_DATE.test(publishedAt) && Number.isInteger(year);
  const due = valid ? `${(year as number) + 1}-${government ? '03-31' : '01-31'}` : '';
  const status: Status = !valid ? 'uncertain' : (publishedAt as string) > due ? 'fail' : 'pass';
  if (!kept(ctx, status)) return;
  emit(ctx, 'deadline', status, () => ({
    cells: [],
    message: valid
      ? {
          zh: `发布日期 ${String(publishedAt)}，法定期限 ${due}（${government ? '人民政府年度报告，3月31日前' : '部门年度报告，1月31日前'}）`,
          en: `Published ${String(publishedAt)}; the deadline is ${due} (${government ? 'a government report: by 31 March' : 'a department report: by 31 January'})`,
        }
      : {
          zh: `发布日期 ${String(publishedAt)} 不是 YYYY-MM-DD 格式的日期，无法核对期限`,
          en: `The publication date ${String(publishedAt)} is not a YYYY-MM-DD date; the deadline cannot be checked`,
        },
  }));
}

/** How many fields `text-characters` names one by one; one more finding counts the rest. */
const MAX_CHARACTER_FINDINGS = 100;

function textCharacters(ctx: Ctx): void {
  const { fields, more } = oddFields(ctx.report, MAX_CHARACTER_FINDINGS);
  if (fields.length === 0) {
    emit(ctx, 'text-characters', 'pass', () => ({
      cells: [],
      message: {
        zh: '文字中没有控制字符、孤立代理码元或双向文字控制符',
        en: 'No text holds control characters, lone surrogates or bidirectional controls',
      },
    }));
    return;
  }
  for (const field of fields) {
    emit(ctx, 'text-characters', 'fail', () => ({
      cells: [],
      message: oddCharactersMessage(field.path, field.found),
    }));
  }
  if (more > 0) {
    emit(ctx, 'text-characters', 'fail', () => ({
      cells: [],
      message: {
        zh: `另有 ${more} 个字段含有此类字符（只列出前 ${MAX_CHARACTER_FINDINGS} 个）`,
        en: `${more} more fields hold such characters (only the first ${MAX_CHARACTER_FINDINGS} are listed)`,
      },
    }));
  }
}

// ── cross-year ──────────────────────────────────────────────────────────────────────────────────────

function carryover(ctx: Ctx): void {
  const prev = ctx.previousValues;
  if (!prev) return;
  const s = tableStructure();
  for (const column of T3_COLUMN_KEYS) {
    const mineCell = `${s.carriedOver}.${column}`;
    const theirsCell = `${s.carriedForward}.${column}`;
    const mine = numberAt(ctx.values, cellIndex(mineCell));
    const theirs = numberAt(prev, cellIndex(theirsCell));
    const status: Status =
      mine === null || theirs === null ? 'uncertain' : same(mine, theirs) ? 'pass' : 'fail';
    emit(ctx, 'carryover-continuity', status, () => ({
      cells: [mineCell],
      ...(mine !== null && theirs !== null ? { expected: theirs, actual: mine } : {}),
      message: {
        zh: `上年报告 ${cellLabel(theirsCell)} = ${fmt(theirs)}，本年 ${cellLabel(mineCell)} = ${fmt(mine)}`,
        en: `Last year’s ${cellLabel(theirsCell)} = ${fmt(theirs)}; this year’s ${cellLabel(mineCell)} = ${fmt(mine)}`,
      },
      // The left side is last year's 四 (its address, read in `previous`).
      sides: {
        left: { cells: [theirsCell], value: theirs },
        right: { cells: [mineCell], value: mine },
      },
      column,
    }));
  }
}

function copied(ctx: Ctx): void {
  const previous = ctx.previous;
  if (!previous || typeof previous.sections !== 'object' || previous.sections === null) return;
  const parts = [
    ['overview', PART_OVERVIEW],
    ['problems', PART_PROBLEMS],
  ] as const;
  for (const [key, name] of parts) {
    const before = blocksText(previous.sections[key]);
    const share = before === '' ? null : repeatShare(blocksText(ctx.report.sections?.[key]), before);
    if (share === null) continue;
    const status: Status = share >= COPIED_SHARE ? 'fail' : 'pass';
    const percent = Math.round(share * 100);
    emit(ctx, 'narrative-copied', status, () => ({
      cells: [],
      message: {
        zh: `${name} 与上年报告重复 ${percent}%（按四字片段计，阈值 ${COPIED_SHARE * 100}%）`,
        en: `${name} repeats ${percent}% of last year’s text (character 4-grams; threshold ${COPIED_SHARE * 100}%)`,
      },
    }));
  }
}

function stockFlow(ctx: Ctx): void {
  const prev = ctx.previousValues;
  if (!prev) return;
  for (const row of tableStructure().stockRows) {
    const issued = numberAt(ctx.values, cellIndex(row.issued));
    const repealed = numberAt(ctx.values, cellIndex(row.repealed));
    const inForce = numberAt(ctx.values, cellIndex(row.inForce));
    const before = numberAt(prev, cellIndex(row.inForce));
    const expected =
      issued !== null && repealed !== null && before !== null ? before + issued - repealed : null;
    const status: Status =
      expected === null || inForce === null ? 'uncertain' : same(expected, inForce) ? 'pass' : 'fail';
    emit(ctx, 't2-stock-flow', status, () => {
      const cells = [row.issued, row.repealed, row.inForce];
      const [issuedName, repealedName, inForceName] = cells.map(columnLabel);
      return {
        cells,
        ...(expected !== null && inForce !== null ? { expected, actual: inForce } : {}),
        message: {
          zh: `${row.label}：上年${inForceName} ${fmt(before)} + ${issuedName} ${fmt(issued)} − ${repealedName} ${fmt(repealed)} = ${fmt(expected)}，本年${inForceName} ${fmt(inForce)}`,
          en: `${row.label}: last year’s ${inForceName} ${fmt(before)} + ${issuedName} ${fmt(issued)} − ${repealedName} ${fmt(repealed)} = ${fmt(expected)}; this year’s ${inForceName} ${fmt(inForce)}`,
        },
        // The left side's first cell is last year's 现行有效 (same address, in `previous`).
        sides: {
          left: { cells: [row.inForce, row.issued, row.repealed], value: expected },
          right: { cells: [row.inForce], value: inForce },
        },
      };
    });
  }
}

// ── the rule table ──────────────────────────────────────────────────────────────────────────────────

const EVALUATORS: Record<RuleId, (ctx: Ctx) => void> = {
  't3-balance': sumRule('t3-balance'),
  't3-results-total': sumRule('t3-results-total'),
  't3-row-total': sumRule('t3-row-total'),
  't4-group-total': sumRule('t4-group-total'),
  'cell-type': cellType,
  'narrative-none-claim': noneClaim,
  'cell-blank': cellBlank,
  'narrative-received': receivedRule,
  'narrative-carried-over': singleCellRule(
    'narrative-carried-over',
    (t) => t.two,
    (n) => n.carriedOver,
  ),
  'narrative-carried-forward': singleCellRule(
    'narrative-carried-forward',
    (t) => t.four,
    (n) => n.carriedForward,
  ),
  'narrative-outcomes': keyedRule('narrative-outcomes', (n) => n.outcomes),
  'narrative-review-litigation': keyedRule('narrative-review-litigation', (n) => n.cases),
  'narrative-problems-empty': problemsEmpty,
  'narrative-fee': fee,
  'narrative-year': narrativeYear,
  deadline,
  'text-characters': textCharacters,
  'carryover-continuity': carryover,
  'narrative-copied': copied,
  't2-stock-flow': stockFlow,
};

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

function run(report: Report, options: CheckOptions | undefined, passes: boolean): Evaluation[] {
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
    const ctx: Ctx = {
      report,
      values,
      previous,
      previousValues,
      hasSections: typeof sections === 'object' && sections !== null,
      passes,
      out: [],
      narrative: undefined,
    };
    for (const rule of RULES) {
      if (rule.needsPrevious && previous === undefined) continue;
      // A report without `sections` (tables only) skips the narrative rules; it does not fail them.
      if ((rule.scope === 'narrative' || rule.id === 'narrative-copied') && !ctx.hasSections) continue;
      EVALUATORS[rule.id](ctx);
    }
    return sorted(ctx.out);
  } finally {
    if (reuse) busy = false;
  }
}

/** Every rule instance on a report, passes included, sorted by rule (RULES order) and then cell order. */
export function evaluateReport(report: Report, options?: CheckOptions): Evaluation[] {
  return run(report, options, true);
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
  const findings = run(report, options, false).map((evaluation) => {
    const { rule, severity, cells, expected, actual, message } = evaluation;
    return {
      rule,
      severity,
      status: evaluation.status as Finding['status'],
      cells,
      ...(expected !== undefined ? { expected } : {}),
      ...(actual !== undefined ? { actual } : {}),
      message,
    };
  });
  return capped(findings);
}

/** False iff some finding is an error that failed (uncertain findings never block: a person looks at them). */
export function isReportOk(findings: readonly Finding[]): boolean {
  return !findings.some((finding) => finding.severity === 'error' && finding.status === 'fail');
}
