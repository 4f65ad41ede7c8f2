import { cellLabel, type Finding, type RuleId } from '@nianbao/model';
import { describe, expect, it } from 'vitest';
import {
  countFindings,
  type FormatOptions,
  formatCounts,
  formatFinding,
  formatFindings,
  groupOf,
  MAX_CELLS_SHOWN,
  UNCERTAIN_LISTED,
} from './findings.js';
import { colorStyle, plainStyle, stripAnsi } from './style.js';

const both: FormatOptions = { lang: 'both', style: plainStyle };

const balance: Finding = {
  rule: 't3-balance',
  severity: 'error',
  status: 'fail',
  cells: ['t3.received.total', 't3.carriedOver.total', 't3.results.total.total', 't3.carriedForward.total'],
  expected: 81,
  actual: 80,
  message: { zh: '新收加结转不等于办结加结转下年', en: 'received plus carried over does not balance' },
};

describe('formatFinding', () => {
  it('puts severity, rule, labelled cells, expected vs actual and both messages on one line', () => {
    expect(cellLabel('t3.results.total.total')).toMatch(/^三、本年度办理结果 › （七）总计 · .*总计$/);
    const line = formatFinding(balance, both);
    expect(line).not.toContain('\n');
    expect(line).toBe(
      [
        '✗ 错误 error',
        't3-balance',
        balance.cells.map((cell) => `${cell}「${cellLabel(cell)}」`).join(', '),
        '应为 81，实为 80 / expected 81, actual 80',
        '— 新收加结转不等于办结加结转下年 / received plus carried over does not balance',
      ].join('  '),
    );
  });

  it('prints one language with --lang', () => {
    const zh = formatFinding(balance, { ...both, lang: 'zh' });
    expect(zh).toMatch(/^✗ 错误 {2}t3-balance/);
    expect(zh).toContain('应为 81，实为 80  — 新收加结转不等于办结加结转下年');
    expect(zh).not.toMatch(/[a-z]{3,} [a-z]/);
    const en = formatFinding(balance, { ...both, lang: 'en' });
    expect(en).toMatch(/^✗ error {2}t3-balance/);
    expect(en).toContain('expected 81, actual 80  — received plus carried over does not balance');
  });

  it('abbreviates long cell lists', () => {
    const cells = Array.from({ length: 22 }, (_, i) => `t3.results.disclosed.naturalPerson${i}`);
    const line = formatFinding({ ...balance, cells }, both);
    expect(line).toContain('等共 22 格 / 22 cells in all');
    expect(line.match(/t3\.results\.disclosed/g)).toHaveLength(MAX_CELLS_SHOWN);
  });

  it('marks uncertain findings with ? and words, and omits absent numbers', () => {
    const line = formatFinding(
      { ...balance, status: 'uncertain', expected: undefined, actual: undefined },
      both,
    );
    expect(line).toMatch(/^\? 错误（待定） error \(uncertain\) {2}t3-balance/);
    expect(line).not.toContain('应为');
  });

  it('spells out every severity, so colour is never the only signal', () => {
    const severities = { error: '✗ 错误 error', warning: '⚠ 警告 warning', info: 'ℹ 提示 info' } as const;
    for (const [severity, tag] of Object.entries(severities)) {
      const finding = { ...balance, severity: severity as Finding['severity'] };
      const coloured = formatFinding(finding, { ...both, style: colorStyle });
      expect(coloured).not.toBe(formatFinding(finding, both));
      expect(stripAnsi(coloured)).toBe(formatFinding(finding, both));
      expect(stripAnsi(coloured)).toMatch(new RegExp(`^${tag}`));
    }
  });

  it('prints non-cell addresses bare', () => {
    const line = formatFinding({ ...balance, rule: 'deadline', cells: ['meta.publishedAt'] }, both);
    expect(line).toContain('  meta.publishedAt  ');
  });
});

describe('grouping and counting', () => {
  it('groups by the rule’s scope, tables first', () => {
    expect(groupOf(balance)).toBe('t3');
    const lines = formatFindings(
      [{ ...balance, rule: 'narrative-fee', cells: [] }, balance, { ...balance, rule: 't4-group-total' }],
      both,
    );
    const headings = lines.filter((line) => !line.startsWith(' '));
    expect(headings).toEqual([
      '表三 三、收到和处理政府信息公开申请情况 · Table 3',
      '表四 四、政府信息公开行政复议、行政诉讼情况 · Table 4',
      '叙述 narrative',
    ]);
  });

  it('groups a rule over every table under the table of the cells it names', () => {
    expect(groupOf({ rule: 'cell-type', cells: ['t2.fees.amount'] })).toBe('t2');
    expect(groupOf({ rule: 'cell-blank', cells: ['t4.review.total', 't3.received.total'] })).toBe('t4');
    expect(groupOf({ rule: 'cell-type', cells: [] })).toBe('meta');
  });

  it('counts failing findings by severity and uncertain ones apart', () => {
    const counts = countFindings([
      balance,
      { ...balance, severity: 'warning' },
      { ...balance, severity: 'warning' },
      { ...balance, status: 'uncertain' },
    ]);
    expect(counts).toEqual({ errors: 1, warnings: 2, info: 0, uncertain: 1 });
    expect(formatCounts(counts, 'both', true)).toBe(
      '1 个错误，2 个警告，0 个提示，1 项待定 / 1 error, 2 warnings, 0 info, 1 uncertain',
    );
    expect(formatCounts(counts, 'en', false)).toBe('1 error, 2 warnings, 1 uncertain');
    expect(formatCounts(countFindings([]), 'both', false)).toBe('未发现问题 / no findings');
    const many = countFindings(
      Array.from({ length: 35 }, () => ({ ...balance, status: 'uncertain' as const })),
    );
    expect(formatCounts(many, 'en', false)).toBe('35 uncertain');
  });

  it('lists up to UNCERTAIN_LISTED undecided checks of a table, counts more by rule, and lists all when verbose', () => {
    const undecided = (rule: RuleId): Finding => ({ ...balance, rule, status: 'uncertain' });
    const few = Array.from({ length: UNCERTAIN_LISTED }, () => undecided('t3-balance'));
    expect(formatFindings([balance, ...few], both).filter((l) => l.includes('(uncertain)'))).toHaveLength(
      UNCERTAIN_LISTED,
    );
    const many = [
      ...few,
      undecided('t3-row-total'),
      undecided('t3-row-total'),
      undecided('t3-results-total'),
    ];
    const lines = formatFindings([balance, ...many], both);
    expect(lines.filter((l) => l.includes('(uncertain)'))).toEqual([]);
    expect(lines).toContain(
      `  ? 6 项核对待定（t3-balance ×${UNCERTAIN_LISTED}, t3-row-total ×2, t3-results-total）：所涉单元格空白或无效，无法判定；加 --verbose 逐条列出 / 6 checks undecided (t3-balance ×${UNCERTAIN_LISTED}, t3-row-total ×2, t3-results-total): cells they need are blank or invalid; --verbose lists each`,
    );
    // The failing finding is still listed in full.
    expect(lines.filter((l) => l.startsWith('  ✗'))).toHaveLength(1);
    const verbose = formatFindings([balance, ...many], { ...both, verbose: true });
    expect(verbose.filter((l) => l.includes('(uncertain)'))).toHaveLength(6);
    expect(verbose.join('\n')).not.toContain('项核对待定');
  });
});
