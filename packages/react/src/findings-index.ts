import type { CellAddress, Evaluation, Finding, TableLayout } from '@nianbao/model';
import { type CrossCheckRow, crossCheckRows } from '@nianbao/model';
import { type Locale, localize } from './messages.js';

/**
 * What the grid shows on one cell: the worst of the findings that name it, in the model's severities (`fail`: an
 * error-severity rule failed, the only case marked `aria-invalid`; `warning` and `info`: a rule of that severity
 * failed; `uncertain`: a blank cell left a rule undecided), and their messages.
 */
export interface CellIssue {
  readonly status: 'fail' | 'warning' | 'info' | 'uncertain';
  /**
   * The cell is what a finding is about (the total that disagrees with its parts, or every cell of a check with
   * no single total); `false`: the cell is only one of the parts a failing total sums.
   */
  readonly primary: boolean;
  readonly messages: readonly string[];
  /** Ids of footer cells whose failing or uncertain checks read this cell. */
  readonly footerIds: readonly string[];
  /** Ids of the table's notes (`TableNote`) explaining this cell's findings. */
  readonly noteIds: readonly string[];
  /** The notes' numbers, as shown beside a primary cell. */
  readonly noteNumbers: readonly number[];
}

/** One visible note under a table: a finding that names some of its cells, numbered in table order. */
export interface TableNote {
  readonly id: string;
  readonly number: number;
  readonly status: CellIssue['status'];
  readonly severity: Finding['severity'];
  readonly message: string;
}

/**
 * The cells a finding is about. An arithmetic check whose actual side is one cell (a total: （七）总计, a row's
 * 总计, 表四's 总计, 表二's 现行有效件数) is about that cell; the cells it sums are its parts. Any other finding is
 * about every cell it names. Findings without `sides` are matched to their evaluation when one is given.
 */
export function primaryCells(finding: Finding | Evaluation, evaluation?: Evaluation): readonly CellAddress[] {
  const sides = ('sides' in finding ? finding.sides : undefined) ?? evaluation?.sides;
  if (sides && sides.right.cells.length === 1) return sides.right.cells;
  return finding.cells;
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

/**
 * Indexes findings (and the footer cells that show them) by the cells of this table that they name, and numbers
 * them as the table's notes.
 */
export function indexIssues(
  layout: TableLayout,
  findings: readonly Finding[],
  rows: readonly CrossCheckRow[],
  idPrefix: string,
  locale: Locale,
  evaluations?: readonly Evaluation[],
): { issues: Map<CellAddress, CellIssue>; notes: TableNote[] } {
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
  const byKey = new Map<string, Evaluation>();
  for (const e of evaluations ?? []) byKey.set(key(e.rule, e.cells), e);
  const rank = { uncertain: 0, info: 1, warning: 2, fail: 3 } as const;
  const issues = new Map<
    CellAddress,
    {
      status: CellIssue['status'];
      primary: boolean;
      messages: string[];
      footerIds: string[];
      noteIds: string[];
      noteNumbers: number[];
    }
  >();
  const notes: TableNote[] = [];
  for (const finding of findings) {
    const cells = finding.cells.filter((address) => layout.cellsByAddress.has(address));
    if (cells.length === 0) continue;
    const k = key(finding.rule, finding.cells);
    const footerIds = footerByEvaluation.get(k) ?? [];
    const status: CellIssue['status'] =
      finding.status === 'uncertain' ? 'uncertain' : finding.severity === 'error' ? 'fail' : finding.severity;
    const message = localize(finding.message, locale);
    const note: TableNote = {
      id: `${idPrefix}${layout.id}-note-${notes.length + 1}`,
      number: notes.length + 1,
      status,
      severity: finding.severity,
      message,
    };
    notes.push(note);
    const primary = new Set(primaryCells(finding, byKey.get(k)));
    for (const address of cells) {
      const issue = issues.get(address) ?? {
        status: 'uncertain',
        primary: false,
        messages: [],
        footerIds: [],
        noteIds: [],
        noteNumbers: [],
      };
      if (rank[status] > rank[issue.status]) issue.status = status;
      if (primary.has(address)) {
        issue.primary = true;
        issue.noteNumbers.push(note.number);
      }
      issue.messages.push(message);
      issue.noteIds.push(note.id);
      for (const id of footerIds) if (!issue.footerIds.includes(id)) issue.footerIds.push(id);
      issues.set(address, issue);
    }
  }
  return { issues, notes };
}
