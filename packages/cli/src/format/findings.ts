import {
  type CellAddress,
  cellLabel,
  describeCell,
  type Finding,
  type LocalizedText,
  RULES,
  type RuleSpec,
  type Severity,
  STATUTORY_TABLES,
} from '@nianbao/model/core';
import { type Lang, localize } from './lang.js';
import type { Style } from './style.js';

/** How human output is printed. */
export interface FormatOptions {
  /** Which language(s) messages are printed in. */
  lang: Lang;
  /** Colour or plain. */
  style: Style;
  /**
   * List every uncertain finding. Otherwise a group with more than {@link UNCERTAIN_LISTED} of them prints one line
   * that counts them by rule: a report with blank columns has dozens, each naming the same blank cells.
   */
  verbose?: boolean;
}

/** Up to this many uncertain findings of a group are listed one by one even without `verbose`. */
export const UNCERTAIN_LISTED = 3;

/** The groups human output sorts findings into: the three tables, then the parts that are not tables. */
export type FindingGroup = Exclude<RuleSpec['scope'], 'tables'>;

/** Print order of the groups. */
export const GROUP_ORDER: readonly FindingGroup[] = ['t2', 't3', 't4', 'narrative', 'meta', 'cross-year'];

/** How many cells a finding line names before it abbreviates (a column-sum rule reads up to 22 cells). */
export const MAX_CELLS_SHOWN = 4;

const TABLE_NUMBERS = { t2: 2, t3: 3, t4: 4 } as const;

const OTHER_GROUP_TITLES: Record<'narrative' | 'meta' | 'cross-year', LocalizedText> = {
  narrative: { zh: '叙述', en: 'narrative' },
  meta: { zh: '其他', en: 'other (meta)' },
  'cross-year': { zh: '跨年度', en: 'cross-year' },
};

/** The heading of a group: `表三 三、收到和处理政府信息公开申请情况 · Table 3`; statute captions stay Chinese. */
export function groupTitle(group: FindingGroup, lang: Lang): string {
  if (group === 't2' || group === 't3' || group === 't4') {
    const spec = STATUTORY_TABLES.find((table) => table.id === group);
    const caption = spec?.caption ?? group;
    const zh = `表${spec?.part ?? ''} ${caption}`;
    const en = `Table ${TABLE_NUMBERS[group]}`;
    if (lang === 'zh') return zh;
    if (lang === 'en') return `${en} · ${caption}`;
    return `${zh} · ${en}`;
  }
  const title = OTHER_GROUP_TITLES[group];
  return lang === 'both' ? `${title.zh} ${title.en}` : localize(title, lang);
}

/** The group a finding is printed under: its rule's scope, else (rules over every table, or none) the table of its first cell, else meta. */
export function groupOf(finding: Pick<Finding, 'rule' | 'cells'>): FindingGroup {
  const scope = RULES.find((rule) => rule.id === finding.rule)?.scope;
  if (scope && scope !== 'tables') return scope;
  const table = finding.cells[0]?.split('.')[0];
  return table === 't2' || table === 't3' || table === 't4' ? table : 'meta';
}

const SEVERITY_WORDS: Record<Severity, { symbol: string; word: LocalizedText }> = {
  error: { symbol: '✗', word: { zh: '错误', en: 'error' } },
  warning: { symbol: '⚠', word: { zh: '警告', en: 'warning' } },
  info: { symbol: 'ℹ', word: { zh: '提示', en: 'info' } },
};

/**
 * The symbol and words that open a finding line: `✗ 错误 error`, `⚠ 警告 warning`, `ℹ 提示 info`; an
 * uncertain finding (a blank cell was involved) is `? 错误（待定） error (uncertain)`. Never colour alone.
 */
export function severityTag(finding: Pick<Finding, 'severity' | 'status'>, options: FormatOptions): string {
  const { symbol, word } = SEVERITY_WORDS[finding.severity];
  const uncertain = finding.status === 'uncertain';
  const text: LocalizedText = uncertain ? { zh: `${word.zh}（待定）`, en: `${word.en} (uncertain)` } : word;
  const tag = `${uncertain ? '?' : symbol} ${localize(text, options.lang, ' ')}`;
  const { style } = options;
  if (uncertain) return style.yellow(tag);
  if (finding.severity === 'error') return style.red(tag);
  if (finding.severity === 'warning') return style.yellow(tag);
  return style.cyan(tag);
}

/** A cell address with its statutory labels: `t3.received.total「一、本年新收政府信息公开申请数量 · 总计」`. */
export function formatCell(address: CellAddress, style: Style): string {
  // Only statutory cells have labels; other addresses (meta.year, sections.overview) print bare.
  return describeCell(address) ? `${address}${style.dim(`「${cellLabel(address)}」`)}` : address;
}

/** The cells of a finding, at most `MAX_CELLS_SHOWN` with labels, then how many more. */
export function formatCells(cells: readonly CellAddress[], options: FormatOptions): string {
  const shown = cells.slice(0, MAX_CELLS_SHOWN).map((cell) => formatCell(cell, options.style));
  const rest = cells.length - shown.length;
  if (rest > 0) {
    shown.push(localize({ zh: `等共 ${cells.length} 格`, en: `${cells.length} cells in all` }, options.lang));
  }
  return shown.join(', ');
}

/** `应为 81，实为 80 / expected 81, actual 80` for an arithmetic finding; empty otherwise. */
export function formatExpectedActual(finding: Pick<Finding, 'expected' | 'actual'>, lang: Lang): string {
  const { expected, actual } = finding;
  if (expected === undefined && actual === undefined) return '';
  const zh: string[] = [];
  const en: string[] = [];
  if (expected !== undefined) {
    zh.push(`应为 ${expected}`);
    en.push(`expected ${expected}`);
  }
  if (actual !== undefined) {
    zh.push(`实为 ${actual}`);
    en.push(`actual ${actual}`);
  }
  return localize({ zh: zh.join('，'), en: en.join(', ') }, lang);
}

/**
 * One finding as one line (grep-able, like a compiler diagnostic): severity symbol and word, rule id, cells
 * with their labels, expected vs actual, then the message.
 */
export function formatFinding(finding: Finding, options: FormatOptions): string {
  const parts = [severityTag(finding, options), options.style.bold(finding.rule)];
  if (finding.cells.length > 0) parts.push(formatCells(finding.cells, options));
  const numbers = formatExpectedActual(finding, options.lang);
  if (numbers) parts.push(numbers);
  parts.push(`— ${localize(finding.message, options.lang)}`);
  return parts.join('  ');
}

/** Findings sorted into their groups, groups in print order, findings in checker order within a group. */
export function groupFindings(findings: readonly Finding[]): { group: FindingGroup; findings: Finding[] }[] {
  return GROUP_ORDER.map((group) => ({
    group,
    findings: findings.filter((finding) => groupOf(finding) === group),
  })).filter((entry) => entry.findings.length > 0);
}

/** One line for a group's uncertain findings: how many, by rule, and why. */
function uncertainSummary(findings: readonly Finding[], options: FormatOptions): string {
  const byRule = new Map<string, number>();
  for (const finding of findings) byRule.set(finding.rule, (byRule.get(finding.rule) ?? 0) + 1);
  const rules = [...byRule].map(([rule, n]) => (n > 1 ? `${rule} ×${n}` : rule)).join(', ');
  const text = localize(
    {
      zh: `${findings.length} 项核对待定（${rules}）：所涉单元格空白或无效，无法判定；加 --verbose 逐条列出`,
      en: `${findings.length} checks undecided (${rules}): cells they need are blank or invalid; --verbose lists each`,
    },
    options.lang,
  );
  return `${options.style.yellow('?')} ${text}`;
}

/**
 * All findings of one report: a heading per group, one indented line per finding — except that a group's uncertain
 * findings, when there are more than {@link UNCERTAIN_LISTED} and `verbose` is off, share one counting line.
 */
export function formatFindings(findings: readonly Finding[], options: FormatOptions): string[] {
  if (findings.length === 0) {
    return [
      `  ${options.style.green('✓')} ${localize({ zh: '未发现问题', en: 'no findings' }, options.lang)}`,
    ];
  }
  const lines: string[] = [];
  for (const { group, findings: inGroup } of groupFindings(findings)) {
    lines.push(options.style.bold(groupTitle(group, options.lang)));
    const uncertain = inGroup.filter((finding) => finding.status === 'uncertain');
    const summarise = !options.verbose && uncertain.length > UNCERTAIN_LISTED;
    if (summarise) lines.push(`  ${uncertainSummary(uncertain, options)}`);
    for (const finding of inGroup) {
      if (summarise && finding.status === 'uncertain') continue;
      lines.push(`  ${formatFinding(finding, options)}`);
    }
  }
  return lines;
}

/** Failing findings by severity, plus uncertain ones (any severity) counted apart. */
export interface FindingCounts {
  /** Error-severity findings with status fail: these make a report NOT OK. */
  errors: number;
  /** Warning-severity findings with status fail. */
  warnings: number;
  /** Info-severity findings with status fail. */
  info: number;
  /** Findings that could not be decided because a cell is blank; never block. */
  uncertain: number;
}

/** Counts findings for the summary line. */
export function countFindings(findings: readonly Finding[]): FindingCounts {
  const counts: FindingCounts = { errors: 0, warnings: 0, info: 0, uncertain: 0 };
  for (const finding of findings) {
    if (finding.status === 'uncertain') counts.uncertain += 1;
    else if (finding.severity === 'error') counts.errors += 1;
    else if (finding.severity === 'warning') counts.warnings += 1;
    else counts.info += 1;
  }
  return counts;
}

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}

/**
 * The counts as text. `all` prints zeros too (`0 个错误，1 个警告，0 个提示`); otherwise only non-zero
 * counts, or `未发现问题 / no findings`.
 */
export function formatCounts(counts: FindingCounts, lang: Lang, all: boolean): string {
  const zh: string[] = [];
  const en: string[] = [];
  const add = (n: number, zhWord: string, enWord: string, always: boolean): void => {
    if (n === 0 && !always) return;
    zh.push(`${n} ${zhWord}`);
    en.push(enWord === 'info' ? `${n} info` : plural(n, enWord));
  };
  add(counts.errors, '个错误', 'error', all);
  add(counts.warnings, '个警告', 'warning', all);
  add(counts.info, '个提示', 'info', all);
  if (counts.uncertain > 0) {
    zh.push(`${counts.uncertain} 项待定`);
    en.push(`${counts.uncertain} uncertain`);
  }
  if (zh.length === 0) return localize({ zh: '未发现问题', en: 'no findings' }, lang);
  return localize({ zh: zh.join('，'), en: en.join(', ') }, lang);
}

/** `✓ 通过 OK` or `✗ 未通过 NOT OK`, coloured and spelled out. */
export function verdict(ok: boolean, options: FormatOptions): string {
  const text = ok ? { zh: '通过', en: 'OK' } : { zh: '未通过', en: 'NOT OK' };
  const tag = `${ok ? '✓' : '✗'} ${localize(text, options.lang, ' ')}`;
  return ok ? options.style.green(tag) : options.style.red(tag);
}

/** The last line for one report: `0 个错误，2 个警告，0 个提示 / 0 errors, 2 warnings, 0 info — ✓ 通过 OK`. */
export function formatSummary(findings: readonly Finding[], ok: boolean, options: FormatOptions): string {
  return `${formatCounts(countFindings(findings), options.lang, true)} — ${verdict(ok, options)}`;
}
