import { cellLabel } from '../../tables/cells.js';
import { NARRATIVE_HEADINGS } from '../../tables/parts.js';
import type { CellAddress, LocalizedText } from '../../types.js';
import { cellIndex, numberAt, same, sumOf } from '../cell-values.js';
import {
  type Ctx,
  emit,
  join,
  kept,
  NO_NOTE,
  type RuleDefinition,
  type RuleMeta,
  type Status,
  uncertainNote,
  unusableCells,
  withEvaluators,
} from '../context.js';
import { fmt } from '../labels.js';
import {
  blocksText,
  type DocumentQuote,
  isBareNone,
  type KeyedQuote,
  mentionsFee,
  periodYears,
  type Quote,
  titleYears,
} from '../narrative.js';
import {
  type NarrativeReading,
  type NarrativeTargets,
  narrativeOf,
  narrativeTargets,
  quoteNote,
} from '../narrative-reading.js';

/*
 * The narrative rules: numbers and claims stated in the text (parts 一 and 六, read by narrative.ts) against
 * the tables, and what the statute requires the parts to say. A report without `sections` (tables only) skips
 * them (`needsSections`).
 */

/** The ids of the narrative rules. */
export type NarrativeRuleId =
  | 'narrative-none-claim'
  | 'narrative-received'
  | 'narrative-carried-over'
  | 'narrative-carried-forward'
  | 'narrative-outcomes'
  | 'narrative-review-litigation'
  | 'narrative-documents'
  | 'narrative-problems-empty'
  | 'narrative-fee'
  | 'narrative-year';

const PART_PROBLEMS = NARRATIVE_HEADINGS.problems;
const PART_OTHER = NARRATIVE_HEADINGS.other;

function noneClaim(ctx: Ctx): void {
  const n = narrativeOf(ctx);
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
        emit(ctx, status, () => ({
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
        emit(ctx, 'fail', () => ({
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
  const { received } = narrativeOf(ctx);
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
    emit(ctx, status, () => {
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
  quotes: readonly Quote[],
  cellsOf: (quote: Quote) => readonly CellAddress[],
  indicesOf: (quote: Quote) => readonly number[],
  nameOf?: (quote: Quote) => LocalizedText,
  phraseOf: (quote: Quote) => LocalizedText = (quote) => quoteNote(ctx, quote),
): void {
  for (const quote of quotes) {
    const value = sumOf(ctx.values, indicesOf(quote));
    const status: Status = value === null ? 'uncertain' : same(value, quote.value) ? 'pass' : 'fail';
    if (!kept(ctx, status)) continue;
    emit(ctx, status, () => {
      const cells = cellsOf(quote);
      const joined = cells.map(cellLabel).join(' + ');
      const names = nameOf?.(quote) ?? { zh: joined, en: joined };
      return {
        cells: [...cells],
        ...(value !== null ? { expected: value, actual: quote.value } : {}),
        message: join(
          join(phraseOf(quote), {
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
  cellOf: (t: NarrativeTargets) => CellAddress,
  quotesOf: (n: NarrativeReading) => readonly Quote[],
): (ctx: Ctx) => void {
  let cells: readonly CellAddress[] | undefined;
  let indices: readonly number[] | undefined;
  return (ctx) => {
    const quotes = quotesOf(narrativeOf(ctx));
    if (quotes.length === 0) return;
    cells ??= [cellOf(narrativeTargets())];
    indices ??= cells.map(cellIndex);
    const c = cells;
    const i = indices;
    compareQuotes(
      ctx,
      quotes,
      () => c,
      () => i,
    );
  };
}

function keyedRule(quotesOf: (n: NarrativeReading) => readonly KeyedQuote[]): (ctx: Ctx) => void {
  return (ctx) => {
    const quotes = quotesOf(narrativeOf(ctx));
    if (quotes.length === 0) return;
    const t = narrativeTargets();
    const key = (quote: Quote): number => (quote as KeyedQuote).key;
    compareQuotes(
      ctx,
      quotes,
      (quote) => t.keyedCells[key(quote)] ?? [],
      (quote) => t.keyedIndices[key(quote)] ?? [],
      (quote) => t.keyedNames[key(quote)] ?? NO_NOTE,
    );
  };
}

/** 表二's document counts stated in the text against 本年制发件数 / 本年废止件数 of their row. */
function documentsRule(ctx: Ctx): void {
  const quotes = narrativeOf(ctx).documents;
  if (quotes.length === 0) return;
  const rows = narrativeTargets().documentRows;
  const cellOf = (quote: Quote): CellAddress => {
    const { key, action } = quote as DocumentQuote;
    const row = rows[key] as (typeof rows)[number];
    return action === 'issued' ? row.issued : row.repealed;
  };
  compareQuotes(
    ctx,
    quotes,
    (quote) => [cellOf(quote)],
    (quote) => [cellIndex(cellOf(quote))],
  );
}

/**
 * A part the report does not have (the key absent from `sections`, as an import writes a part it did not find)
 * is unknown, not empty: the rules reading it are uncertain there. An empty part is `[]`.
 */
function absentPart(ctx: Ctx, part: 'problems' | 'other', heading: string): boolean {
  if (ctx.report.sections?.[part] !== undefined) return false;
  emit(ctx, 'uncertain', () => ({
    cells: [],
    message: {
      zh: `报告中没有 ${heading}（未找到或未录入，不等于为空），无法核对`,
      en: `The report has no ${heading} (not found or not entered, which is not the same as empty); cannot be checked`,
    },
  }));
  return true;
}

function problemsEmpty(ctx: Ctx): void {
  if (absentPart(ctx, 'problems', PART_PROBLEMS)) return;
  const text = blocksText(ctx.report.sections?.problems);
  const status: Status = isBareNone(text) ? 'fail' : 'pass';
  if (!kept(ctx, status)) return;
  emit(ctx, status, () => ({
    cells: [],
    message:
      status === 'fail'
        ? { zh: `${PART_PROBLEMS} 为空或只写“无”`, en: `${PART_PROBLEMS} is empty or a bare “无”` }
        : { zh: `${PART_PROBLEMS} 有内容`, en: `${PART_PROBLEMS} has content` },
  }));
}

function fee(ctx: Ctx): void {
  if (absentPart(ctx, 'other', PART_OTHER)) return;
  const status: Status = mentionsFee(ctx.report.sections?.other) ? 'pass' : 'fail';
  if (!kept(ctx, status)) return;
  emit(ctx, status, () => ({
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
      emit(ctx, status, () => ({
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
        emit(ctx, status, () => ({
          cells: [],
          message: {
            zh: `标题“${title}”中的年份 ${years.join('、')}，报告年度 ${String(year)}`,
            en: `The title “${title}” names ${years.join(', ')}; the report year is ${String(year)}`,
          },
        }));
    }
  }
}

const NO_CELLS = (): readonly CellAddress[] => [];

/**
 * Metadata only (no evaluators, no cells read), which the rule registry `RULES` is built from: code that needs
 * rule titles and order (a findings list) then bundles none of the checks.
 *
 * The narrative rules. Count rules: one instance per number quoted in parts 一 and 六; `narrative-none-claim`:
 * one per claim of none (per kind claimed) and one per quoted N > 0 applications where 一 = 0;
 * `narrative-problems-empty`, `narrative-fee`: one per report; `narrative-year`: one for the preamble's
 * statistics period, one for the title.
 */
export const NARRATIVE_RULE_SPECS: readonly RuleMeta<NarrativeRuleId>[] = [
  {
    id: 'narrative-none-claim',
    rank: 60,
    severity: 'error',
    scope: 'narrative',
    needsPrevious: false,
    needsSections: true,
    title: {
      zh: '正文称未收到申请或未发生复议、诉讼，与表格不符',
      en: 'The text claims no applications, reviews or lawsuits (or some) where the tables disagree',
    },
  },
  {
    id: 'narrative-received',
    rank: 80,
    severity: 'warning',
    scope: 'narrative',
    needsPrevious: false,
    needsSections: true,
    title: {
      zh: '正文所述新收申请数与表三不符',
      en: 'Applications received, as stated in the text, differ from table 三',
    },
  },
  {
    id: 'narrative-carried-over',
    rank: 90,
    severity: 'warning',
    scope: 'narrative',
    needsPrevious: false,
    needsSections: true,
    title: {
      zh: '正文所述上年结转数与表三不符',
      en: 'Applications carried over from last year, as stated in the text, differ from table 三',
    },
  },
  {
    id: 'narrative-carried-forward',
    rank: 100,
    severity: 'warning',
    scope: 'narrative',
    needsPrevious: false,
    needsSections: true,
    title: {
      zh: '正文所述结转下年度数与表三不符',
      en: 'Applications carried forward to next year, as stated in the text, differ from table 三',
    },
  },
  {
    id: 'narrative-outcomes',
    rank: 110,
    severity: 'warning',
    scope: 'narrative',
    needsPrevious: false,
    needsSections: true,
    title: {
      zh: '正文所述办理结果数与表三不符',
      en: 'Outcome totals stated in the text differ from table 三',
    },
  },
  {
    id: 'narrative-review-litigation',
    rank: 120,
    severity: 'warning',
    scope: 'narrative',
    needsPrevious: false,
    needsSections: true,
    title: {
      zh: '正文所述行政复议、行政诉讼数与表四不符',
      en: 'Administrative reviews or lawsuits stated in the text differ from table 四',
    },
  },
  {
    id: 'narrative-documents',
    rank: 125,
    severity: 'warning',
    scope: 'narrative',
    needsPrevious: false,
    needsSections: true,
    title: {
      zh: '正文所述规章、行政规范性文件制发或废止件数与表二不符',
      en: 'Counts of 规章 or 行政规范性文件 issued or repealed, as stated in the text, differ from table 二',
    },
  },
  {
    id: 'narrative-problems-empty',
    rank: 130,
    severity: 'warning',
    scope: 'narrative',
    needsPrevious: false,
    needsSections: true,
    title: {
      zh: `${NARRATIVE_HEADINGS.problems} 为空`,
      en: 'Part 五 (problems and improvements) is empty',
    },
  },
  {
    id: 'narrative-fee',
    rank: 140,
    severity: 'warning',
    scope: 'narrative',
    needsPrevious: false,
    needsSections: true,
    title: {
      zh: `${NARRATIVE_HEADINGS.other} 未说明信息处理费收取情况`,
      en: 'Part 六 does not say whether 信息处理费 was charged',
    },
  },
  {
    id: 'narrative-year',
    rank: 150,
    severity: 'warning',
    scope: 'narrative',
    needsPrevious: false,
    needsSections: true,
    title: {
      zh: '统计期限或标题中的年份与报告年度不符',
      en: 'The statistics period or the title names a year other than the report year',
    },
  },
];

/** The family's rules with the cells they read and their evaluators, for the engine. */
export const NARRATIVE_RULES: readonly RuleDefinition<NarrativeRuleId>[] = /* @__PURE__ */ withEvaluators(
  NARRATIVE_RULE_SPECS,
  () => ({
    'narrative-none-claim': {
      reads: () => {
        const t = narrativeTargets();
        return [...t.claimCells.applications, ...t.claimCells.review, ...t.claimCells.litigation];
      },
      evaluate: noneClaim,
    },
    'narrative-received': {
      reads: () => [narrativeTargets().one, narrativeTargets().two],
      evaluate: receivedRule,
    },
    'narrative-carried-over': {
      reads: () => [narrativeTargets().two],
      evaluate: singleCellRule(
        (t) => t.two,
        (n) => n.carriedOver,
      ),
    },
    'narrative-carried-forward': {
      reads: () => [narrativeTargets().four],
      evaluate: singleCellRule(
        (t) => t.four,
        (n) => n.carriedForward,
      ),
    },
    'narrative-outcomes': {
      reads: () => {
        const t = narrativeTargets();
        return t.keyedCells.slice(0, t.outcomeCount).flat();
      },
      evaluate: keyedRule((n) => n.outcomes),
    },
    'narrative-review-litigation': {
      reads: () => {
        const t = narrativeTargets();
        return t.keyedCells.slice(t.outcomeCount).flat();
      },
      evaluate: keyedRule((n) => n.cases),
    },
    'narrative-documents': {
      reads: () => narrativeTargets().documentRows.flatMap((row) => [row.issued, row.repealed]),
      evaluate: documentsRule,
    },
    'narrative-problems-empty': { reads: NO_CELLS, evaluate: problemsEmpty },
    'narrative-fee': { reads: NO_CELLS, evaluate: fee },
    'narrative-year': { reads: NO_CELLS, evaluate: narrativeYear },
  }),
);
