// @vitest-environment jsdom
import { type Report, writeCell } from '@nianbao/model';
import { blankReport } from '@nianbao/model/fixtures';
import { cleanup, fireEvent, render } from '@testing-library/react';
import { Profiler, type ProfilerOnRenderCallback, useState } from 'react';
import { afterEach, describe, expect, it } from 'vitest';
import { useReportChecks } from './report-checks.js';
import { ApplicationsTable } from './tables.js';

afterEach(cleanup);

function Entry({ onRender, checked }: { onRender: ProfilerOnRenderCallback; checked: boolean }) {
  const [report, setReport] = useState<Report>(blankReport);
  const checks = useReportChecks(report);
  return (
    <Profiler id="entry" onRender={onRender}>
      <ApplicationsTable
        t3={report.t3}
        editable
        {...(checked
          ? { evaluations: checks.evaluations, findings: checks.findings, derived: checks.derived }
          : {})}
        onChange={(address, value) => setReport((r) => writeCell(r, address, value))}
      />
    </Profiler>
  );
}

describe('render cost of a keystroke', () => {
  // Timing ratios within one run, not absolute times: robust to a slow machine.
  it.each([
    ['without checks', false, 0.5],
    ['with live cross-checks', true, 0.85],
  ])('re-renders a part of the table, not all 175 inputs (%s)', (_name, checked, ratio) => {
    const updates: { actual: number; base: number }[] = [];
    render(
      <Entry
        checked={checked}
        onRender={(_id, phase, actual, base) => {
          if (phase === 'update') updates.push({ actual, base });
        }}
      />,
    );
    const input = document.querySelector(
      '[data-cell="t3.results.disclosed.research"] input',
    ) as HTMLInputElement;
    for (const text of ['1', '12', '123', '12', '1']) fireEvent.change(input, { target: { value: text } });
    expect(updates.length).toBeGreaterThanOrEqual(5);
    // actualDuration: what this commit rendered; baseDuration: what rendering the whole tree would cost.
    const actual = updates.reduce((sum, u) => sum + u.actual, 0);
    const base = updates.reduce((sum, u) => sum + u.base, 0);
    console.log(`keystroke renders (${_name}): ${actual.toFixed(1)} ms of a full ${base.toFixed(1)} ms`);
    expect(actual).toBeLessThan(base * ratio);
  });
});
