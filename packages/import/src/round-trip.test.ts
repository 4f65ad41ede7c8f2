import { type Report, readCell, statutoryCells } from '@nianbao/model';
import { busyReport, seedReport } from '@nianbao/model/fixtures';
import { renderReportHtml } from '@nianbao/react/server';
import { describe, expect, it } from 'vitest';
import { importReport } from './import-report.js';

/** Every statutory cell of a report, by address. */
function cells(report: Report): Record<string, unknown> {
  return Object.fromEntries(statutoryCells().map((cell) => [cell.address, readCell(report, cell.address)]));
}

describe('round trip through nianbao html', () => {
  for (const [name, report] of [
    ['seed', seedReport],
    ['busy', busyReport],
  ] as const) {
    for (const fragment of [false, true]) {
      it(`${name}${fragment ? ' (fragment)' : ''}: tables, narrative and preamble come back unchanged`, () => {
        const html = renderReportHtml(report, { fragment });
        const result = importReport(html, { kind: 'html' });
        if (!result.ok) throw new Error(JSON.stringify(result.notes));
        expect(result.layouts).toEqual({ t2: 'html', t3: 'html', t4: 'html' });
        expect(cells(result.report)).toEqual(cells(report));
        expect(result.confidence.inferred).toEqual([]);
        expect(result.report.sections).toEqual(report.sections);
        expect(result.report.preamble).toEqual(report.preamble);
        expect(result.report.meta.year).toBe(report.meta.year);
        // Nothing was guessed: no ambiguity, no legacy, no unmatched rows.
        expect(result.notes.filter((note) => note.severity === 'warning')).toEqual([]);
      });
    }
  }

  it('auto-detects the rendered page as HTML', () => {
    const result = importReport(renderReportHtml(seedReport));
    expect(result.ok && result.layouts.t3).toBe('html');
  });
});
