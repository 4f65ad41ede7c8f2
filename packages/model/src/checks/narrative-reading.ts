import { cellLabel } from '../tables/cells.js';
import type { CellAddress, LocalizedText } from '../types.js';
import { tableStructure } from './arithmetic.js';
import { cellIndex, numberAt, same } from './cell-values.js';
import type { Ctx } from './context.js';
import {
  blocksText,
  DOCUMENT_VARIANTS,
  type DocumentQuote,
  type KeyedQuote,
  type NoneClaim,
  type Quote,
  type ReceivedQuote,
  scanDocuments,
  scanNarrative,
} from './narrative.js';

/*
 * What the narrative rules read: parts 一 and 六 scanned once per report (narrative.ts does the reading), and
 * the cells each quoted number is compared with, derived once from the table structure.
 */

/** A received quote, and which rule judges it (see `narrativeOf`). */
export interface RoutedQuote extends ReceivedQuote {
  readonly route: 'received' | 'none-claim';
}

/** The counts and claims read from parts 一 and 六 of one report. */
export interface NarrativeReading {
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
  /** Counts of 表二's documents issued or repealed; `key` indexes `NarrativeTargets.documentRows`. */
  readonly documents: readonly DocumentQuote[];
}

/** What the narrative rules compare with, derived once from the table structure. */
export interface NarrativeTargets {
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
  /** 表二's document rows (规章, 行政规范性文件): the names the text may use and the cells of each. */
  readonly documentRows: readonly {
    readonly words: readonly string[];
    readonly issued: CellAddress;
    readonly repealed: CellAddress;
  }[];
  /** `documentRows`' words, per row (what the document scanner is given; the same array every time). */
  readonly documentWords: readonly (readonly string[])[];
}

let targets: NarrativeTargets | undefined;

/** The targets of the narrative rules (computed once). */
export function narrativeTargets(): NarrativeTargets {
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
  const documentRows = s.stockRows.map((row) => ({
    words: [row.label, ...(DOCUMENT_VARIANTS[row.label] ?? [])],
    issued: row.issued,
    repealed: row.repealed,
  }));
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
    documentRows,
    documentWords: documentRows.map((row) => row.words),
  };
  return targets;
}

/** Parts 一 and 六 (where counts are stated), scanned once per report and shared by the narrative rules. */
export function narrativeOf(ctx: Ctx): NarrativeReading {
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
    documents: scanDocuments(text, t.documentWords),
  };
  return ctx.narrative;
}

/** How a message opens for a quote: the phrase it was read from. */
export function quoteNote(ctx: Ctx, quote: Quote): LocalizedText {
  const phrase = narrativeOf(ctx).text.slice(quote.at, quote.end);
  return { zh: `正文“${phrase}”`, en: `The text “${phrase}”` };
}
