import type { CellAddress, Evaluation, Finding, TableLayout } from '@nianbao/model';
import { type CrossCheckRow, crossCheckRows } from './cross-check.js';
import { type Locale, localize } from './messages.js';

/**
 * What the grid shows on one cell: the worst of the findings that name it (`fail`: an error-severity rule failed,
 * the only case marked `aria-invalid`; `warning`: a warning or info rule failed; `uncertain`: a blank cell left a
 * rule undecided), and their messages.
 */
export interface CellIssue {
  readonly status: 'fail' | 'warning' | 'uncertain';
  readonly messages: readonly string[];
  /** Ids of footer cells whose failing or uncertain checks read this cell. */
  readonly footerIds: readonly string[];
}

/** The findings of a report, or (when only evaluations are given) the evaluations that did not pass. */
export function findingsOf(
  findings: readonly Finding[] | undefined,
  evaluations: readonly Evaluation[] | undefined,
): readonly Finding[] {
  if (findings) return findings;
  if (!evaluations) return [];
  return evaluations.filter((e): e is Evaluation & Finding => e.status !== 'pass');
}

const rowsCache = new WeakMap<readonly Evaluation[], Map<TableLayout, CrossCheckRow[]>>();

/** `crossCheckRows`, memoised per evaluations array and layout (the table and its footer both need them). */
export function cachedCrossCheckRows(
  layout: TableLayout,
  evaluations: readonly Evaluation[],
): CrossCheckRow[] {
  let byLayout = rowsCache.get(evaluations);
  if (!byLayout) {
    byLayout = new Map();
    rowsCache.set(evaluations, byLayout);
  }
  let rows = byLayout.get(layout);
  if (!rows) {
    rows = crossCheckRows(layout, evaluations);
    byLayout.set(layout, rows);
  }
  return rows;
}

/** The DOM id of a footer cell: stable for a table, a rule and the cell's position in its row. */
export function footerCellId(idPrefix: string, layout: TableLayout, ruleId: string, index: number): string {
  return `${idPrefix}${layout.id}-check-${ruleId}-${index}`;
}

/** The DOM id of a data cell or header, from the layout's id and the page prefix. */
export function cellDomId(idPrefix: string, layoutCellId: string): string {
  return `${idPrefix}${layoutCellId}`;
}

/** Indexes findings (and the footer cells that show them) by the cells of this table that they name. */
export function indexIssues(
  layout: TableLayout,
  findings: readonly Finding[],
  rows: readonly CrossCheckRow[],
  idPrefix: string,
  locale: Locale,
): Map<CellAddress, CellIssue> {
  const footerByEvaluation = new Map<string, string[]>();
  const key = (rule: string, cells: readonly string[]): string => `${rule}|${cells.join(',')}`;
  for (const row of rows) {
    row.cells.forEach((cell, index) => {
      for (const item of cell.items) {
        if (item.evaluation.status === 'pass') continue;
        const k = key(item.evaluation.rule, item.evaluation.cells);
        const list = footerByEvaluation.get(k) ?? [];
        list.push(footerCellId(idPrefix, layout, row.rule.id, index));
        footerByEvaluation.set(k, list);
      }
    });
  }
  const rank = { uncertain: 0, warning: 1, fail: 2 } as const;
  const issues = new Map<
    CellAddress,
    { status: CellIssue['status']; messages: string[]; footerIds: string[] }
  >();
  for (const finding of findings) {
    const footerIds = footerByEvaluation.get(key(finding.rule, finding.cells)) ?? [];
    for (const address of finding.cells) {
      if (!layout.cellsByAddress.has(address)) continue;
      const issue = issues.get(address) ?? { status: 'uncertain', messages: [], footerIds: [] };
      const status: CellIssue['status'] =
        finding.status === 'uncertain' ? 'uncertain' : finding.severity === 'error' ? 'fail' : 'warning';
      if (rank[status] > rank[issue.status]) issue.status = status;
      issue.messages.push(localize(finding.message, locale));
      for (const id of footerIds) if (!issue.footerIds.includes(id)) issue.footerIds.push(id);
      issues.set(address, issue);
    }
  }
  return issues;
}
