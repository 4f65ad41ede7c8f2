// @vitest-environment jsdom
import { checkReport, evaluateReport } from '@nianbao/model';
import { failingFixtures } from '@nianbao/model/fixtures';
import { renderToString } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { FindingsList } from './findings-list.js';
import { ApplicationsTable, ProactiveDisclosureTable } from './tables.js';

const fixture = (rule: string) => {
  const f = failingFixtures.find((x) => x.rule === rule);
  if (!f) throw new Error(`no fixture ${rule}`);
  return f;
};

describe('marked cells say why', () => {
  it('marks the total that disagrees, not the 21 rows it sums, and explains it in a visible note', () => {
    const { report } = fixture('t3-results-total');
    const evaluations = evaluateReport(report);
    document.body.innerHTML = renderToString(<ApplicationsTable t3={report.t3} evaluations={evaluations} />);
    const failing = evaluations.filter((e) => e.rule === 't3-results-total' && e.status === 'fail');
    expect(failing.length).toBeGreaterThan(0);
    const primary = document.querySelectorAll('td.nb-data--fail');
    // One primary cell per failing instance: its （七）总计 cell.
    expect(Array.from(primary).map((td) => td.getAttribute('data-cell'))).toEqual(
      failing.map((e) => e.sides?.right.cells[0]),
    );
    for (const td of Array.from(primary)) {
      expect(td.getAttribute('aria-invalid')).toBe('true');
      expect(td.querySelector('.nb-flag')?.textContent).toBe('✗');
      const ref = td.querySelector<HTMLAnchorElement>('.nb-note-ref a');
      const note = document.getElementById(ref?.getAttribute('href')?.slice(1) ?? '');
      // The note is visible text (not screen-reader only) under the table, with the finding's message.
      expect(note?.closest('.nb-sr-only')).toBeNull();
      expect(note?.textContent).toContain('错误');
      expect(failing.some((e) => note?.textContent?.includes(e.message.zh))).toBe(true);
      expect(td.getAttribute('aria-describedby')?.split(' ')).toContain(note?.id);
    }
    // The summed cells are outlined lightly, with no glyph and no aria-invalid, and still described.
    const parts = document.querySelectorAll('td.nb-data--part');
    expect(parts.length).toBeGreaterThanOrEqual(21);
    for (const td of Array.from(parts)) {
      expect(td.querySelector('.nb-flag')).toBeNull();
      expect(td.hasAttribute('aria-invalid')).toBe(false);
      const desc = document.getElementById(td.getAttribute('aria-describedby')?.split(' ')[0] ?? '');
      expect(desc?.textContent).toMatch(/^参与核对：/);
    }
  });

  it('gives a bad 表二 amount (no footer there) a visible reason', () => {
    const { report } = fixture('cell-type');
    const evaluations = evaluateReport(report);
    document.body.innerHTML = renderToString(
      <ProactiveDisclosureTable t2={report.t2} evaluations={evaluations} />,
    );
    const td = document.querySelector('td[data-cell="t2.fees.amount"]');
    expect(td?.querySelector('.nb-flag')?.textContent).toBe('✗');
    const notes = document.querySelectorAll('.nb-notes li');
    expect(notes).toHaveLength(1);
    expect(notes[0]?.textContent).toContain('t2.fees.amount');
    expect(td?.querySelector('.nb-note-ref a')?.getAttribute('href')).toBe(`#${notes[0]?.id}`);
  });

  it('uses the model severity everywhere: an info rule is ℹ 提示 in the cell, the note and the list', () => {
    const f = fixture('t2-stock-flow');
    const options = f.previous ? { previous: f.previous } : {};
    const evaluations = evaluateReport(f.report, options);
    const finding = checkReport(f.report, options).find((x) => x.rule === 't2-stock-flow');
    expect(finding?.severity).toBe('info');
    document.body.innerHTML = renderToString(
      <>
        <ProactiveDisclosureTable t2={f.report.t2} evaluations={evaluations} />
        <FindingsList findings={finding ? [finding] : []} />
      </>,
    );
    const cell = document.querySelector('td.nb-data--info');
    expect(cell?.querySelector('.nb-flag')?.textContent).toBe('ℹ');
    expect(document.querySelector('td.nb-data--warning')).toBeNull();
    expect(document.querySelector('.nb-note--info')?.textContent).toMatch(/^ℹ 提示：/);
    expect(document.querySelector('.nb-severity--info h4, .nb-severity--info h3')?.textContent).toMatch(
      /ℹ 提示/,
    );
  });
});
