// @vitest-environment jsdom
import { checkReport, evaluateReport, RULES, statutoryLayout, writeCell } from '@nianbao/model';
import { busyReport, failingFixtures, seedReport } from '@nianbao/model/fixtures';
import { renderToString } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { AnnualReport } from './annual-report.js';
import { FindingsList } from './findings-list.js';
import { ApplicationsTable, ReviewLitigationTable } from './tables.js';

const balance = failingFixtures.find((f) => f.rule === 't3-balance');
if (!balance) throw new Error('no failing fixture for t3-balance');

const footerCell = (ruleId: string, index: number): HTMLElement | null =>
  document.getElementById(`nb-t3-check-${ruleId}-${index}`);

describe('the footer and the grid', () => {
  it('marks a failing column ✗ with both sides, and the cells it reads as invalid', () => {
    const evaluations = evaluateReport(balance.report);
    document.body.innerHTML = renderToString(
      <ApplicationsTable t3={balance.report.t3} evaluations={evaluations} />,
    );
    const failing = evaluations.find((e) => e.rule === 't3-balance' && e.status === 'fail');
    expect(failing?.sides).toBeDefined();
    const column = failing?.column;
    const index = [
      'naturalPerson',
      'commercial',
      'research',
      'publicInterest',
      'legalService',
      'otherOrg',
      'total',
    ].indexOf(column ?? '');
    const cell = footerCell('t3-balance', index);
    expect(cell?.textContent).toContain(
      `一+二 = ${failing?.sides?.left.value} · （七）+四 = ${failing?.sides?.right.value}`,
    );
    expect(cell?.querySelector('.nb-mark')?.textContent).toBe('✗');
    expect(cell?.textContent).toContain('不通过');
    for (const address of failing?.cells ?? []) {
      const td = document.querySelector(`[data-cell="${address}"]`);
      expect(td?.getAttribute('aria-invalid')).toBe('true');
      expect(td?.querySelector('.nb-flag')?.textContent).toBe('✗');
      const ids = td?.getAttribute('aria-describedby')?.split(' ') ?? [];
      expect(ids).toContain(cell?.id);
      const description = document.getElementById(ids[0] ?? '');
      expect(description?.classList.contains('nb-sr-only')).toBe(true);
      expect(description?.textContent).toContain(failing?.message.zh);
    }
    // A passing column is ✓ and its cells are not marked.
    const passing = evaluations.find((e) => e.rule === 't3-balance' && e.status === 'pass');
    expect(document.querySelector(`[data-cell="${passing?.cells[0]}"]`)?.hasAttribute('aria-invalid')).toBe(
      false,
    );
  });

  it('says "uncertain" where a blank cell makes a check undecidable', () => {
    const report = writeCell(busyReport, 't3.carriedOver.research', null);
    document.body.innerHTML = renderToString(
      <ApplicationsTable t3={report.t3} evaluations={evaluateReport(report)} />,
    );
    const cell = footerCell('t3-balance', 2);
    expect(cell?.textContent).toContain('一+二 = ？');
    expect(cell?.textContent).toContain('无法判断');
    // The blank cell is not invalid (no error failed on it), but it is flagged for a person to look at.
    const td = document.querySelector('[data-cell="t3.carriedOver.research"]');
    expect(td?.hasAttribute('aria-invalid')).toBe(false);
    expect(td?.querySelector('.nb-flag')?.textContent).toMatch(/[？⚠]/);
  });

  it('summarises row-wise checks and links each failing row to its cell', () => {
    const rowTotal = failingFixtures.find((f) => f.rule === 't3-row-total');
    if (!rowTotal) throw new Error('no failing fixture for t3-row-total');
    document.body.innerHTML = renderToString(
      <ApplicationsTable t3={rowTotal.report.t3} evaluations={evaluateReport(rowTotal.report)} />,
    );
    const evaluations = evaluateReport(rowTotal.report).filter((e) => e.rule === 't3-row-total');
    const passed = evaluations.filter((e) => e.status === 'pass').length;
    expect(passed).toBeLessThan(evaluations.length);
    const cell = footerCell('t3-row-total', 0);
    expect(cell?.getAttribute('colspan')).toBe('7');
    expect(cell?.textContent).toContain(`${passed}/${evaluations.length} 行通过`);
    expect(cell?.querySelectorAll('li')).toHaveLength(evaluations.length - passed);
    // A row check names its sides by column: the applicants on one side, 总计 on the other.
    expect(cell?.querySelector('li')?.textContent).toMatch(/：自然人\+…\+其他 = \d+ · 总计 = \d+/);
    const link = cell?.querySelector('a');
    const target = document.getElementById(link?.getAttribute('href')?.slice(1) ?? '');
    expect(target?.getAttribute('data-cell')).toMatch(/^t3\./);
  });

  it('titles 表四’s footer on its own row, since 表四 has no row labels', () => {
    document.body.innerHTML = renderToString(
      <ReviewLitigationTable t4={busyReport.t4} evaluations={evaluateReport(busyReport)} />,
    );
    const rows = document.querySelectorAll('tfoot tr');
    expect(rows).toHaveLength(2);
    const title = rows[0]?.querySelector('th');
    expect(title?.getAttribute('colspan')).toBe('15');
    expect(title?.textContent).toBe(RULES.find((r) => r.id === 't4-group-total')?.title.zh);
    for (const td of rows[1]?.querySelectorAll('td') ?? [])
      expect(td.getAttribute('headers')).toBe(title?.id);
  });
});

describe('FindingsList', () => {
  it('groups findings by table and severity and links every cell', () => {
    const findings = checkReport(balance.report);
    document.body.innerHTML = renderToString(<AnnualReport report={balance.report} findings={findings} />);
    const list = document.querySelector('.nb-findings');
    expect(list).not.toBeNull();
    const t3Group = [...(list?.querySelectorAll('.nb-findings-group') ?? [])].find(
      (g) => g.querySelector('h3')?.textContent === statutoryLayout('t3').caption,
    );
    expect(t3Group?.querySelector('.nb-severity--error h4')?.textContent).toMatch(/错误（\d+）/);
    const links = list?.querySelectorAll('a[href^="#"]') ?? [];
    expect(links.length).toBeGreaterThan(0);
    for (const link of links) {
      expect(
        document.getElementById(link.getAttribute('href')?.slice(1) ?? ''),
        link.outerHTML,
      ).not.toBeNull();
    }
  });

  it('says so when there is nothing to report', () => {
    document.body.innerHTML = renderToString(<FindingsList findings={[]} locale="en" />);
    expect(document.body.textContent).toContain('No findings.');
  });
});

describe('AnnualReport', () => {
  // Publication is the default (the footers are not in the 30号 format); review pages ask for them.
  it('draws no cross-check footers by default, and draws them with checks', () => {
    document.body.innerHTML = renderToString(<AnnualReport report={seedReport} />);
    expect(document.querySelectorAll('tfoot')).toHaveLength(0);
    document.body.innerHTML = renderToString(<AnnualReport report={seedReport} checks />);
    expect(document.querySelectorAll('tfoot')).toHaveLength(2);
    // The old name still works.
    document.body.innerHTML = renderToString(<AnnualReport report={seedReport} crossChecks />);
    expect(document.querySelectorAll('tfoot')).toHaveLength(2);
  });

  it('carries the scoping class once, on the outermost element', () => {
    document.body.innerHTML = renderToString(<AnnualReport report={seedReport} showFindings />);
    expect(document.querySelectorAll('.nb-report')).toHaveLength(1);
    expect(document.body.firstElementChild?.classList.contains('nb-report')).toBe(true);
  });
});
