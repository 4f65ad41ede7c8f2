import type {
  AgencyComparison,
  AuditReport,
  AuditStatus,
  CellAddress,
  Evaluation,
  Finding,
  RegionAudit,
  Report,
  RollUp,
  Scorecard,
  YearChange,
} from '@nianbao/model';
import {
  cellLabel,
  cellName,
  describeCell,
  evaluateReport,
  outcomeTotals,
  RULES,
  statutoryCells,
  statutoryLayout,
  statutoryValues,
} from '@nianbao/model';
import type { ReactElement } from 'react';
import { cellDomId, indexIssues } from '../findings-index.js';
import { SEVERITY_GLYPH, UI } from '../messages.js';
import { NbScope } from '../scope.js';
import { ApplicationsTable, ProactiveDisclosureTable, ReviewLitigationTable } from '../tables.js';
import { type Bar, BarChart } from './charts.js';
import { HandUpwardSection } from './hand-upward.js';
import { RectificationData, RectificationSlot } from './rectification.js';
import { RegionCharts } from './region-charts.js';

/*
 * The audit dashboard as React elements, rendered once on the server (renderToStaticMarkup). The overview, the
 * agencies table, each drill-down's summary and reading notes, the roll-up's tables and the year-over-year rows are
 * in the HTML and read without the script. A drill-down's findings, scorecard and tables, and the roll-up's findings,
 * are drawn by the inline script (./script.ts) from one data block (DrillData) when opened: as markup they were
 * 5 of the 8.5 MB of a 2,000-report page and most of its rendering time. Every text is still written here; the script
 * only builds elements. UI text is Chinese with the English after it, as the command line prints both.
 */

/** 通过 / 有警告 / 有错误 / 无法读取, with the English. */
export const STATUS_TEXT: Readonly<Record<AuditStatus, string>> = {
  pass: '通过 Pass',
  warning: '有警告 Warnings',
  error: '有错误 Errors',
  unreadable: '无法读取 Unreadable',
};

const GLYPH: Readonly<Record<AuditStatus, string>> = { pass: '✓', warning: '⚠', error: '✗', unreadable: '∅' };

const ON_TIME_TEXT: Readonly<Record<string, string>> = {
  pass: '按时 On time',
  partial: '逾期 Late',
  fail: '逾期 Late',
  'not-applicable': '日期不明 Unknown',
};

const INDICATOR_TEXT: Readonly<Record<string, string>> = {
  pass: '✓ 达标 pass',
  partial: '◐ 部分 partial',
  fail: '✗ 未达标 fail',
  'not-applicable': '— 不适用 n/a',
};

const RULE_TITLE = new Map(RULES.map((rule) => [rule.id, rule.title]));

function show(value: number | null | undefined): string {
  return value === null || value === undefined ? '—' : String(value);
}

function signed(value: number | null): string {
  if (value === null) return '—';
  return value > 0 ? `+${value}` : String(value);
}

/** The drill-down element id of the report at `index`. */
export function drillId(index: number): string {
  return `nb-dash-d${index}`;
}

function tablePrefix(index: number | 'rollup' | 'prev'): string {
  return `nb-a${index}-`;
}

function Status({ status }: { status: AuditStatus }): ReactElement {
  return (
    <span className={`nb-dash-status nb-dash-status--${status}`}>
      <span aria-hidden="true">{GLYPH[status]} </span>
      {STATUS_TEXT[status]}
    </span>
  );
}

function Overview({ audit }: { audit: RegionAudit }): ReactElement {
  const { summary } = audit;
  const bars: Bar[] = summary.byRule.map((count) => ({
    label: count.title.zh,
    title: `${count.title.zh}（${count.rule}）`,
    values: [count.reports, count.findings],
  }));
  const stats: [string, number, string][] = [
    ['报告 Reports', summary.files, 'all'],
    [STATUS_TEXT.pass, summary.pass, 'pass'],
    [STATUS_TEXT.warning, summary.withWarnings, 'warning'],
    [STATUS_TEXT.error, summary.withErrors, 'error'],
    [STATUS_TEXT.unreadable, summary.unreadable, 'unreadable'],
  ];
  const unreadable = audit.reports.filter((report) => report.status === 'unreadable');
  return (
    <section id="nb-dash-overview" aria-labelledby="nb-dash-overview-h">
      <h2 id="nb-dash-overview-h">概况 Overview</h2>
      <dl className="nb-dash-stats">
        {stats.map(([label, value, key]) => (
          <div key={key} className={`nb-dash-stat nb-dash-stat--${key}`}>
            <dt>{label}</dt>
            <dd>{value}</dd>
          </div>
        ))}
      </dl>
      <h3>发布期限 Deadline</h3>
      <dl className="nb-dash-stats">
        <div className="nb-dash-stat">
          <dt>{ON_TIME_TEXT.pass}</dt>
          <dd>{summary.deadline.onTime}</dd>
        </div>
        <div className="nb-dash-stat nb-dash-stat--error">
          <dt>{ON_TIME_TEXT.fail}</dt>
          <dd>{summary.deadline.late}</dd>
        </div>
        <div className="nb-dash-stat">
          <dt>{ON_TIME_TEXT['not-applicable']}</dt>
          <dd>{summary.deadline.unknown}</dd>
        </div>
      </dl>
      <h3>问题按规则 Problems by rule</h3>
      {bars.length === 0 ? (
        <p>没有未通过的规则。No rule failed.</p>
      ) : (
        <BarChart
          id="nb-dash-chart-rules"
          title="各规则未通过的报告数与问题数 Reports and findings failing each rule"
          description={summary.byRule
            .map((count) => `${count.title.zh}：${count.reports} 份报告，${count.findings} 处`)
            .join('；')}
          series={['报告数 Reports', '问题数 Findings']}
          bars={bars}
        />
      )}
      <ScoreLegend audit={audit} />
      {unreadable.length > 0 && (
        <>
          <h3>无法读取的文件 Files that could not be read</h3>
          <ul className="nb-dash-unreadable">
            {unreadable.map((report) => (
              <li key={report.file}>
                <code>{report.file}</code>：{report.reasons.map((r) => `${r.zh}（${r.en}）`).join('；')}
              </li>
            ))}
          </ul>
        </>
      )}
    </section>
  );
}

const COLUMNS: readonly [string, 'text' | 'number'][] = [
  ['机关 Agency', 'text'],
  ['年度 Year', 'number'],
  ['状态 Status', 'text'],
  ['错误 Errors', 'number'],
  ['警告 Warnings', 'number'],
  ['待定 Uncertain', 'number'],
  ['发布日期 Published', 'text'],
  ['期限 Deadline', 'text'],
  ['评分 Score', 'number'],
  ['读取/推断/缺失 Read / inferred / missing', 'number'],
  ['文件 File', 'text'],
];

const STATUS_ORDER: Readonly<Record<AuditStatus, number>> = { error: 0, unreadable: 1, warning: 2, pass: 3 };

function AgencyRow({ report, index }: { report: AuditReport; index: number }): ReactElement {
  const rules = [...new Set(report.findings.filter((f) => f.status === 'fail').map((f) => f.rule))];
  const card = report.scorecard;
  const published = report.report?.meta.publishedAt ?? '';
  return (
    // A cell's sort key is its text unless `data-v` says otherwise; the script searches the name, file and year.
    <tr data-status={report.status} data-rules={rules.join(' ')}>
      <th scope="row">
        <a href={`#${drillId(index)}`}>{report.agency || report.file}</a>
      </th>
      <td data-v={report.year === null ? -1 : undefined}>{show(report.year)}</td>
      <td data-v={STATUS_ORDER[report.status]}>
        <Status status={report.status} />
      </td>
      <td>{report.errors}</td>
      <td>{report.warnings}</td>
      <td>{report.uncertain}</td>
      <td data-v={published ? undefined : ''}>{published || '—'}</td>
      <td data-v={report.onTime ?? ''}>{report.onTime ? ON_TIME_TEXT[report.onTime] : '—'}</td>
      <td data-v={card ? card.total : -1}>{card ? `${card.total} / ${card.maximum}` : '—'}</td>
      <td data-v={report.read}>{`${report.read} / ${report.inferred} / ${report.missing}`}</td>
      <td>
        <code>{report.file}</code>
      </td>
    </tr>
  );
}

function Agencies({ audit }: { audit: RegionAudit }): ReactElement {
  const total = audit.reports.length;
  return (
    <section id="nb-dash-agencies" aria-labelledby="nb-dash-agencies-h">
      <h2 id="nb-dash-agencies-h">各机关 Agencies</h2>
      <search className="nb-dash-controls">
        <label>
          状态 Status{' '}
          <select id="nb-dash-status">
            <option value="">全部 All</option>
            {(Object.keys(STATUS_TEXT) as AuditStatus[]).map((status) => (
              <option key={status} value={status}>
                {STATUS_TEXT[status]}
              </option>
            ))}
          </select>
        </label>
        <label>
          规则 Rule{' '}
          <select id="nb-dash-rule">
            <option value="">全部 All</option>
            {audit.summary.byRule.map((count) => (
              <option key={count.rule} value={count.rule}>
                {`${count.title.zh}（${count.reports}）`}
              </option>
            ))}
          </select>
        </label>
        <label>
          搜索 Search <input id="nb-dash-text" type="search" placeholder="机关、文件 agency, file" />
        </label>
        <output id="nb-dash-count" aria-live="polite">
          {`显示 ${total} / ${total} 份 Showing ${total} of ${total}`}
        </output>
      </search>
      <div>
        <table id="nb-dash-table" data-total={total}>
          <caption>
            各机关审核结果（点击列标题排序）Audit results per agency (sort by a column heading)
          </caption>
          <thead>
            <tr>
              {COLUMNS.map(([label, type], column) => (
                <th key={label} scope="col" aria-sort="none">
                  <button type="button" data-column={column} data-type={type}>
                    {label}
                    <span aria-hidden="true" className="nb-dash-arrow" />
                  </button>
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {audit.reports.map((report, index) => (
              <AgencyRow key={`${report.file}-${index}`} report={report} index={index} />
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}

const FINDINGS_HEAD = [
  '规则 Rule',
  '级别 Severity',
  '说明 Message',
  '应为 Expected',
  '实为 Actual',
  '单元格 Cells',
];
const SCORE_HEAD = ['指标 Indicator', '结果 Result', '得分 Points', '理由 Reason'];

/** How many of a finding's cells its row names; a count says how many more. */
const CELLS_SHOWN = 6;

function severityText(finding: Finding): string {
  const word =
    finding.severity === 'error'
      ? '错误 error'
      : finding.severity === 'warning'
        ? '警告 warning'
        : '提示 info';
  return finding.status === 'uncertain' ? `${word}（无法判定 uncertain）` : word;
}

/**
 * The page's data for what the script draws when a drill-down opens (its findings, scorecard and tables) and for
 * the roll-up's findings: every text once in a string table `s`, each record naming texts by index. The script
 * only builds elements from these texts, so every word on the page is still written here, and a 2,000-report page
 * carries each repeated message, reason and cell name once instead of 2,000 times as markup.
 */
class DrillData {
  readonly s: string[] = [];
  readonly #index = new Map<string, number>();
  readonly #refs = new Map<CellAddress, number>();
  /** Per report (index in `audit.reports`), and `rollup`. */
  readonly r: Record<string, DrillRecord> = {};

  text(value: string): number {
    let index = this.#index.get(value);
    if (index === undefined) {
      index = this.s.push(value) - 1;
      this.#index.set(value, index);
    }
    return index;
  }

  /** A cell a finding names: its link target (the layout cell's id, without the prefix; ids have no space), a space, its short name. */
  cell(address: CellAddress): number {
    let ref = this.#refs.get(address);
    if (ref === undefined) {
      const table = describeCell(address)?.table;
      const cell = table ? statutoryLayout(table).cellsByAddress.get(address) : undefined;
      ref = this.text(`${cell ? cellDomId('', cell.id) : ''} ${cellName(address)}`);
      this.#refs.set(address, ref);
    }
    return ref;
  }

  /** A finding as `[severity, rule title, rule id, severity text, message, expected, actual, cells…]`. */
  finding(finding: Finding): number[] {
    const cells = finding.cells.slice(0, CELLS_SHOWN).map((address) => this.cell(address));
    if (finding.cells.length > CELLS_SHOWN)
      cells.push(this.text(` … 另 ${finding.cells.length - CELLS_SHOWN} 格 more`));
    return [
      this.text(finding.severity),
      this.text(RULE_TITLE.get(finding.rule)?.zh ?? finding.rule),
      this.text(finding.rule),
      this.text(severityText(finding)),
      this.text(finding.message.zh),
      this.text(finding.expected === undefined ? '—' : String(finding.expected)),
      this.text(finding.actual === undefined ? '—' : String(finding.actual)),
      ...cells,
    ];
  }

  /** A drill-down's facts about the file as `[term, description, 1 when the description is a file name]…`. */
  meta(report: AuditReport): number[] {
    const facts: [string, string, 0 | 1][] = [
      ['文件 File', report.file, 1],
      ['格式 Format', report.format || '—', 0],
      ['版式 Layouts', report.layouts || '—', 0],
      ['发布日期 Published', report.report?.meta.publishedAt ?? '—', 0],
      ['读取/推断/缺失 Read/inferred/missing', `${report.read} / ${report.inferred} / ${report.missing}`, 0],
    ];
    if (report.previousFile !== undefined) facts.push(['上年报告 Last year', report.previousFile, 1]);
    return facts.flatMap(([term, description, code]) => [this.text(term), this.text(description), code]);
  }

  /** A scorecard as its caption and rows `[indicator, result, points, reason]` (the rows ScoreTable described). */
  scorecard(scorecard: Scorecard): number[] {
    return [
      this.text(`评分 Scorecard：${scorecard.total} / ${scorecard.maximum}（${scorecard.rulepack}）`),
      ...scoreRows(scorecard).flatMap((row) => row.map((cell) => this.text(cell))),
    ];
  }

  /** The whole data block, as JSON that cannot end the script element it sits in. */
  json(): string {
    const words = { fh: FINDINGS_HEAD, fc: '问题 Findings', sh: SCORE_HEAD, none: '没有问题。No findings.' };
    return JSON.stringify({ s: this.s, w: words, r: this.r }).replace(/</g, '\\u003c');
  }
}

/** What the script draws for one report or the roll-up: findings, scorecard, table values and cell marks. */
interface DrillRecord {
  /** The prefix of the report's table ids. */
  p: string;
  /** The drill-down's facts about the file (`DrillData.meta`); absent for the roll-up. */
  d?: number[];
  f: number[][];
  k?: number[];
  /** The 200 statutory values in cell order, and the marks of its cells; absent for the roll-up (drawn here). */
  v?: (number | null)[];
  m?: Marks;
  /** The name the table captions carry. */
  l?: string;
}

/** What a report's tables are drawn from: the report, its findings, the prefix of its ids, its name for captions. */
interface TablesProps {
  report: Report;
  findings: readonly Finding[];
  prefix: string;
  label: string;
}

/** The three statutory tables of a report, marked with its findings, with the cross-check footers. */
function Tables({ report, findings, prefix, label }: TablesProps): ReactElement {
  const evaluations = evaluateReport(report);
  const common = { findings, evaluations, idPrefix: prefix, label } as const;
  return (
    <div className="nb-report nb-dash-tables" lang="zh-CN">
      <NbScope>
        <ProactiveDisclosureTable t2={report.t2} {...common} />
        <ApplicationsTable t3={report.t3} {...common} />
        <ReviewLitigationTable t4={report.t4} {...common} />
      </NbScope>
    </div>
  );
}

/** The prefix of the ids in the tables template; the script swaps it for each report's own. */
export const TEMPLATE_PREFIX = 'nb-tpl-';

const TEMPLATE_LABEL = '\u2063';

/** What the script writes into a marked cell: the glyph and the word the components use for each status. */
const MARK_WORDS = {
  fail: [SEVERITY_GLYPH.error, UI.error.zh],
  warning: [SEVERITY_GLYPH.warning, UI.warning.zh],
  info: [SEVERITY_GLYPH.info, UI.info.zh],
  uncertain: [SEVERITY_GLYPH.uncertain, UI.uncertain.zh],
  part: ['', UI.partOf.zh],
} as const;

/** A report with every statutory cell blank: the template's values. */
function blankTables(): Pick<Report, 't2' | 't3' | 't4'> {
  return statutoryCells().reduce<Report>((report, { address }) => {
    const keys = address.split('.');
    let node = report as unknown as Record<string, unknown>;
    for (const key of keys.slice(0, -1)) {
      node[key] ??= {};
      node = node[key] as Record<string, unknown>;
    }
    node[keys.at(-1) as string] = null;
    return report;
  }, {} as Report);
}

/*
 * The three tables drawn once, by the same components, with every cell blank and ids under TEMPLATE_PREFIX. A
 * drill-down's record in the data block holds only its report's 200 values and the marks of its cells; the script
 * copies this template into it when it is first opened. Drawing the tables for every report would cost about 80 kB each (the id/headers
 * attributes that make them accessible), 160 MB for a 2,000-report region; this way the page stays a few MB.
 */
export function TablesTemplate(): ReactElement {
  const tables = blankTables() as Report;
  return (
    <template
      id="nb-dash-tables"
      data-cells={JSON.stringify(statutoryCells().map((cell) => cell.address))}
      data-words={JSON.stringify(MARK_WORDS)}
    >
      <div className="nb-report nb-dash-tables" lang="zh-CN">
        <NbScope>
          <ProactiveDisclosureTable t2={tables.t2} idPrefix={TEMPLATE_PREFIX} label={TEMPLATE_LABEL} />
          <ApplicationsTable t3={tables.t3} idPrefix={TEMPLATE_PREFIX} label={TEMPLATE_LABEL} />
          <ReviewLitigationTable t4={tables.t4} idPrefix={TEMPLATE_PREFIX} label={TEMPLATE_LABEL} />
        </NbScope>
      </div>
    </template>
  );
}

/**
 * A report's marked cells, compactly: `m` the distinct messages, `c` one entry per marked cell — its position in
 * cell order, its status class, 1 when the finding is about it (0: one of the parts a failing sum reads), and the
 * indices of its messages. A sum over 21 rows marks 22 cells with one message; it is written once.
 */
interface Marks {
  m: string[];
  c: [number, string, 0 | 1, ...number[]][];
}

let cellOrder: ReadonlyMap<CellAddress, number> | undefined;

/** The marks the components would draw on a report's cells (the same `indexIssues` the tables use). */
function marksOf(report: Report, findings: readonly Finding[], given?: readonly Evaluation[]): Marks {
  const marks: Marks = { m: [], c: [] };
  // A report whose findings name no cell has nothing to mark; skip re-running the checks for it.
  if (!findings.some((finding) => finding.cells.length > 0)) return marks;
  cellOrder ??= new Map(statutoryCells().map(({ address }, index) => [address, index]));
  // Only the sides of what did not pass matter (which cell of a failing sum is its total): the caller's
  // evaluation, or in check mode the rules of the findings that name several cells (a finding about one cell
  // marks that cell whatever its sides say), not every rule with its passes.
  const evaluations =
    given?.filter((evaluation) => evaluation.status !== 'pass') ??
    evaluateReport(report, {
      rules: new Set(findings.filter((finding) => finding.cells.length > 1).map((finding) => finding.rule)),
      passes: false,
    });
  const messageIndex = new Map<string, number>();
  for (const table of ['t2', 't3', 't4'] as const) {
    const { issues } = indexIssues(statutoryLayout(table), findings, [], TEMPLATE_PREFIX, 'zh', evaluations);
    for (const [address, issue] of issues) {
      const indices = issue.messages.map((message) => {
        let index = messageIndex.get(message);
        if (index === undefined) {
          index = marks.m.push(message) - 1;
          messageIndex.set(message, index);
        }
        return index;
      });
      marks.c.push([cellOrder.get(address) ?? -1, issue.status, issue.primary ? 1 : 0, ...indices]);
    }
  }
  return marks;
}

/** Everything the script draws, for every report and the roll-up (see `DrillData`). */
function drillData(audit: RegionAudit, rollUpPrefix: string, evaluations: SharedEvaluations): DrillData {
  const data = new DrillData();
  audit.reports.forEach((report, index) => {
    const meta = data.meta(report);
    if (!report.report) {
      data.r[index] = { p: tablePrefix(index), d: meta, f: [] };
      return;
    }
    data.r[index] = {
      p: tablePrefix(index),
      d: meta,
      l: report.agency || report.file,
      f: report.findings.map((finding) => data.finding(finding)),
      ...(report.scorecard ? { k: data.scorecard(report.scorecard) } : {}),
      v: statutoryValues(report.report),
      m: marksOf(report.report, report.findings, evaluations?.[index]),
    };
  });
  data.r.rollup = { p: rollUpPrefix, f: audit.rollUp.findings.map((finding) => data.finding(finding)) };
  return data;
}

/** An indicator's short name: its description up to the first colon (按期发布, 六部分齐全…); the legend has the rest. */
function shortName(description: string): string {
  const [name] = description.split(/[：:]/u);
  return name ?? description;
}

/**
 * A report's scorecard as table rows: one per indicator that did not pass, with its reason, then one row for those
 * that passed, by short name (the overview's legend describes each once), then the deductions applied: for a
 * 2,000-report region the full scorecards would be half the page.
 */
function scoreRows(scorecard: Scorecard): [string, string, string, string][] {
  const passed = scorecard.indicators.filter((indicator) => indicator.status === 'pass');
  const rows: [string, string, string, string][] = scorecard.indicators
    .filter((indicator) => indicator.status !== 'pass')
    .map((indicator) => [
      shortName(indicator.description.zh),
      INDICATOR_TEXT[indicator.status] ?? indicator.status,
      `${indicator.score} / ${indicator.weight}`,
      indicator.reason.zh,
    ]);
  if (passed.length > 0) {
    rows.push([
      `其余 ${passed.length} 项 ${passed.length} more`,
      INDICATOR_TEXT.pass ?? 'pass',
      `${passed.reduce((sum, indicator) => sum + indicator.score, 0)} / ${passed.reduce((sum, indicator) => sum + indicator.weight, 0)}`,
      passed.map((indicator) => shortName(indicator.description.zh)).join('、'),
    ]);
  }
  for (const deduction of scorecard.deductions) {
    if (deduction.status !== 'applied') continue;
    rows.push([
      shortName(deduction.description.zh),
      '扣分 deducted',
      `−${deduction.points}`,
      deduction.reason.zh,
    ]);
  }
  return rows;
}

/** The indicators once, in full, with their weights: the legend of every report's scorecard. */
function ScoreLegend({ audit }: { audit: RegionAudit }): ReactElement | null {
  const card = audit.reports.find((report) => report.scorecard)?.scorecard;
  if (!card) return null;
  return (
    <details className="nb-dash-legend">
      <summary>{`评分指标（${card.rulepack}）Scorecard indicators`}</summary>
      <table className="nb-dash-score">
        <caption className="nb-dash-visually-hidden">评分指标 Scorecard indicators</caption>
        <thead>
          <tr>
            <th scope="col">指标 Indicator</th>
            <th scope="col">权重 Weight</th>
            <th scope="col">说明 Description</th>
          </tr>
        </thead>
        <tbody>
          {card.indicators.map((indicator) => (
            <tr key={indicator.id}>
              <th scope="row">{shortName(indicator.description.zh)}</th>
              <td>{indicator.weight}</td>
              <td>{`${indicator.description.zh}（${indicator.description.en}）`}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </details>
  );
}

function Drill({ report, index }: { report: AuditReport; index: number }): ReactElement {
  const name = report.agency || report.file;
  return (
    <details id={drillId(index)} className={`nb-dash-agency nb-dash-agency--${report.status}`}>
      <summary>
        <span className="nb-dash-agency-name">{name}</span> {show(report.year)}{' '}
        <Status status={report.status} />
      </summary>
      <div className="nb-dash-agency-body">
        <dl className="nb-dash-meta" />
        {report.status === 'unreadable' && (
          <ul>
            {report.reasons.map((reason, n) => (
              <li key={n}>{`${reason.zh}（${reason.en}）`}</li>
            ))}
          </ul>
        )}
        {report.report && (
          <>
            <h3>问题 Findings</h3>
            <div className="nb-dash-findings-slot" />
          </>
        )}
        {report.notes.length > 0 && (
          <>
            <h3>读取说明 Import notes</h3>
            <ul className="nb-dash-notes">
              {report.notes.map((note, n) => (
                <li key={n}>
                  <code>{note.code}</code> {note.severity === 'warning' ? '⚠ ' : ''}
                  {note.message.zh}
                  {note.line !== undefined ? `（第 ${note.line} 行 line ${note.line}）` : ''}
                  {note.cells.length > 0 ? `：${note.cells.slice(0, 4).map(cellLabel).join('；')}` : ''}
                </li>
              ))}
            </ul>
          </>
        )}
        <RectificationSlot index={index} notice={report.notice} />
        {report.scorecard && <div className="nb-dash-score-slot" />}
        {report.report && <div className="nb-dash-lazy" />}
      </div>
    </details>
  );
}

function RollUpSection({
  rollUp,
  title,
  prefix,
}: {
  rollUp: RollUp;
  title: string;
  prefix: string;
}): ReactElement {
  const blanks = Object.entries(rollUp.nullCells);
  const members = rollUp.members.length;
  return (
    <>
      <p>
        {`${members} 份报告相加（${members} reports summed）`}
        {rollUp.unreadable.length > 0 &&
          `；另有 ${rollUp.unreadable.length} 份无法读取，未计入合计（${rollUp.unreadable.length} unreadable, not in the sums）：${rollUp.unreadable.map((u) => u.file).join('、')}`}
      </p>
      {blanks.length > 0 && (
        <details>
          <summary>{`${blanks.length} 个单元格有成员未填写，合计只含已填写的 (${blanks.length} cells left blank by some members; their sums cover the others)`}</summary>
          <table>
            <caption className="nb-dash-visually-hidden">未填写的单元格 Blank cells</caption>
            <thead>
              <tr>
                <th scope="col">单元格 Cell</th>
                <th scope="col">未填写的成员数 Members blank</th>
              </tr>
            </thead>
            <tbody>
              {blanks.map(([address, count]) => (
                <tr key={address}>
                  <th scope="row">{cellLabel(address)}</th>
                  <td>{`${count} / ${members}`}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </details>
      )}
      <BarChart
        id={`${prefix}chart-outcomes`}
        title={`${title} 申请办理结果 Applications by outcome`}
        description={outcomeTotals(rollUp.report)
          .map((o) => `${o.label}：${show(o.value)}`)
          .join('；')}
        series={['件数 Applications']}
        bars={outcomeTotals(rollUp.report).map((o) => ({
          label: outcomeLabel(o.label),
          title: o.label,
          values: [o.value],
        }))}
      />
      <div className="nb-dash-findings-slot" data-record="rollup" />
      <Tables report={rollUp.report} findings={rollUp.findings} prefix={prefix} label={title} />
    </>
  );
}

/** An outcome's label without the statute's parenthesised gloss (（二）部分公开 without （区分处理的…）). */
function outcomeLabel(label: string): string {
  return label.replace(/^(（[^）]*）[^（]+).*$/u, '$1');
}

function ChangeCells({ change }: { change: YearChange }): ReactElement {
  return (
    <>
      <td>{show(change.before)}</td>
      <td>{show(change.after)}</td>
      <td>{signed(change.change)}</td>
    </>
  );
}

const CARRYOVER_TEXT: Readonly<Record<string, string>> = {
  pass: '✓ 衔接 continuous',
  fail: '✗ 不衔接 broken',
  uncertain: '？ 无法判定 uncertain',
};

function copiedText(pair: AgencyComparison): string {
  if (pair.copied.length === 0) return '—';
  return pair.copied.some((c) => c.status === 'fail') ? '✗ 重复 copied' : '✓ 未重复 not copied';
}

function YearOverYearSection({ audit }: { audit: RegionAudit }): ReactElement | null {
  const previous = audit.previous;
  if (!previous) return null;
  const { comparison } = previous;
  const { region } = comparison;
  const bars: Bar[] = region.outcomes.map((outcome) => ({
    label: outcomeLabel(outcome.label),
    title: outcome.label,
    values: [outcome.before, outcome.after],
  }));
  return (
    <section id="nb-dash-yoy" aria-labelledby="nb-dash-yoy-h">
      <h2 id="nb-dash-yoy-h">{`与上年比较 Year over year（${region.previousYear} → ${region.year}）`}</h2>
      <p>
        {`本行政区域：上年结转 ${CARRYOVER_TEXT[region.carryover.status]}；新收申请 ${show(region.received.before)} → ${show(region.received.after)}（${signed(region.received.change)}）`}
      </p>
      {(comparison.unmatchedCurrent.length > 0 || comparison.unmatchedPrevious.length > 0) && (
        <p className="nb-dash-small">
          {`区域数字为两年全部报告的汇总，含 ${comparison.unmatchedCurrent.length + comparison.unmatchedPrevious.length} 份未配对的报告（见下）。Region figures sum every report of each year, including the unmatched ones listed below.`}
        </p>
      )}
      <BarChart
        id="nb-dash-chart-outcomes"
        title={`本行政区域办理结果 Outcomes in the region, ${region.previousYear} / ${region.year}`}
        description={region.outcomes
          .map((o) => `${o.label}：${show(o.before)} → ${show(o.after)}`)
          .join('；')}
        series={[`${region.previousYear} 年`, `${region.year} 年`]}
        bars={bars}
      />
      <div className="nb-dash-scroll">
        <table className="nb-dash-yoy">
          <caption>各机关与上年比较 Each agency against last year</caption>
          <thead>
            <tr>
              <th scope="col" rowSpan={2}>
                机关 Agency
              </th>
              <th scope="col" rowSpan={2}>
                上年结转 Carry-over
              </th>
              <th scope="colgroup" colSpan={3}>
                新收申请 Applications received
              </th>
              <th scope="colgroup" colSpan={3}>
                办理结果总计 Outcomes (total)
              </th>
              <th scope="col" rowSpan={2}>
                正文重复 Narrative copied
              </th>
            </tr>
            <tr>
              {['上年 Before', '本年 After', '变化 Change', '上年 Before', '本年 After', '变化 Change'].map(
                (label, n) => (
                  <th key={n} scope="col">
                    {label}
                  </th>
                ),
              )}
            </tr>
          </thead>
          <tbody>
            {comparison.agencies.map((pair) => {
              const total = pair.outcomes.find((o) => o.key === 'total') ?? {
                before: null,
                after: null,
                change: null,
              };
              const broken = pair.carryover.columns.filter((c) => c.status === 'fail');
              return (
                <tr key={`${pair.key}-${pair.file ?? ''}`}>
                  <th scope="row">{pair.agency}</th>
                  <td>
                    {CARRYOVER_TEXT[pair.carryover.status]}
                    {broken.map((c) => (
                      <div key={c.cell} className="nb-dash-small">
                        {`${cellLabel(c.cell)}：应为 expected ${show(c.expected)}，实为 actual ${show(c.actual)}`}
                      </div>
                    ))}
                  </td>
                  <ChangeCells change={pair.received} />
                  <ChangeCells change={total} />
                  <td>{copiedText(pair)}</td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
      {(comparison.unmatchedCurrent.length > 0 || comparison.unmatchedPrevious.length > 0) && (
        <>
          <h3>未能配对 Unmatched</h3>
          <ul>
            {comparison.unmatchedCurrent.map((u) => (
              <li
                key={`c-${u.agency}-${u.file ?? ''}`}
              >{`本年有、上年无 only this year：${u.agency}（${u.year}）`}</li>
            ))}
            {comparison.unmatchedPrevious.map((u) => (
              <li
                key={`p-${u.agency}-${u.file ?? ''}`}
              >{`上年有、本年无 only last year：${u.agency}（${u.year}）`}</li>
            ))}
          </ul>
        </>
      )}
    </section>
  );
}

/**
 * Each report's `evaluateReport`, in `audit.reports` order, when the caller has them (`AuditInput.evaluations`):
 * the cell marks read them instead of running the rules of the report's findings again.
 */
type SharedEvaluations = readonly (readonly Evaluation[] | undefined)[] | undefined;

/** The page's body: overview, agencies, per-agency drill-downs, the roll-up and, with last year's, the comparison. */
export function AuditPage({
  audit,
  evaluations,
}: {
  audit: RegionAudit;
  evaluations?: SharedEvaluations;
}): ReactElement {
  const rollUpTitle = `${audit.rollUp.report.meta.agency} ${audit.rollUp.report.meta.year}`;
  const data = drillData(audit, tablePrefix('rollup'), evaluations);
  return (
    <>
      <header className="nb-dash-header">
        <h1>政府信息公开工作年度报告审核 Annual report audit</h1>
        <nav aria-label="目录 Contents">
          <ul>
            <li>
              <a href="#nb-dash-overview">概况 Overview</a>
            </li>
            <li>
              <a href="#nb-dash-agencies">各机关 Agencies</a>
            </li>
            <li>
              <a href="#nb-dash-drill">逐个机关 Per agency</a>
            </li>
            <li>
              <a href="#nb-dash-rollup">汇总 Roll-up</a>
            </li>
            {audit.previous && (
              <li>
                <a href="#nb-dash-yoy">与上年比较 Year over year</a>
              </li>
            )}
          </ul>
        </nav>
      </header>
      <main>
        <HandUpwardSection audit={audit} />
        <Overview audit={audit} />
        <RegionCharts audit={audit} />
        <Agencies audit={audit} />
        <section id="nb-dash-drill" aria-labelledby="nb-dash-drill-h">
          <h2 id="nb-dash-drill-h">逐个机关 Per agency</h2>
          <noscript>
            <p>
              逐个机关的问题、评分和统计表在打开时由页面脚本绘制，需启用脚本。Each agency’s findings,
              scorecard and tables are drawn by the page’s script when opened: enable scripts to see them.
            </p>
          </noscript>
          {audit.reports.map((report, index) => (
            <Drill key={`${report.file}-${index}`} report={report} index={index} />
          ))}
        </section>
        <section id="nb-dash-rollup" aria-labelledby="nb-dash-rollup-h">
          <h2 id="nb-dash-rollup-h">{`汇总 Roll-up：${rollUpTitle}`}</h2>
          <RollUpSection rollUp={audit.rollUp} title={rollUpTitle} prefix={tablePrefix('rollup')} />
        </section>
        <YearOverYearSection audit={audit} />
      </main>
      <TablesTemplate />
      <RectificationData audit={audit} />
      <script
        type="application/json"
        id="nb-dash-data"
        // JSON with every < escaped (DrillData.json), so nothing in it can end the element.
        dangerouslySetInnerHTML={{ __html: data.json() }}
      />
    </>
  );
}
