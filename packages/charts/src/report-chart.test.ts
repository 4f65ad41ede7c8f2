import type { Report } from '@nianbao/model';
import { outcomeTotals, readCell, statutoryCells, writeCell } from '@nianbao/model';
import { blankReport, busyPreviousReport, busyReport, seedReport } from '@nianbao/model/fixtures';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { svgToPng } from './png.js';
import { reportChartSvg, yearOnYear, yearOnYearLines } from './report-chart.js';
import { BLANK_TEXT } from './text.js';

/** The words drawn: each outlined text keeps them in `data-text`. */
function texts(svg: string): string[] {
  return [...svg.matchAll(/data-text="([^"]*)"/g)].map((m) => m[1] as string);
}

describe('reportChartSvg', () => {
  it('shows every figure of the three tables with the statute labels, and lists them in the text alternative', () => {
    const { svg, alt } = reportChartSvg(busyReport);
    for (const info of statutoryCells()) {
      if (info.table === 't3' && !info.address.startsWith('t3.received.')) continue;
      const value = readCell(busyReport, info.address);
      expect(typeof value).toBe('number');
      expect(alt).toContain(`${info.columnLabels.at(-1)} ${value}`);
    }
    for (const outcome of outcomeTotals(busyReport)) expect(alt).toContain(String(outcome.value));
    expect(svg).toContain('<title id="nb-chart-title">');
    expect(svg).toContain('<desc id="nb-chart-desc">');
    expect(texts(svg)).toContain('自然人');
    expect(svg).not.toMatch(/<script|href="(?!#nb-glyph-)/i);
  });

  it('writes 未填报 for blank cells and never 0', () => {
    let report: Report = blankReport();
    for (const info of statutoryCells()) report = writeCell(report, info.address, null);
    const { svg, alt } = reportChartSvg(report);
    expect(alt).toContain(BLANK_TEXT);
    expect(texts(svg).some((t) => /(^|\s)0$/.test(t))).toBe(false);
    expect(svg).not.toContain('<rect fill="rgb');
    // A template of zeros is zeros: drawn as 0, no bar, not as blanks.
    expect(reportChartSvg(blankReport()).alt).not.toContain(BLANK_TEXT);
  });

  it('with last year: both years per bar group, and changes from the two values the model read or summed', () => {
    const { alt } = reportChartSvg(busyReport, { previous: busyPreviousReport });
    const lines = yearOnYearLines(busyReport, busyPreviousReport);
    const received = lines[0];
    expect(received?.before).toBe(readCell(busyPreviousReport, 't3.received.total'));
    expect(received?.after).toBe(readCell(busyReport, 't3.received.total'));
    expect(received?.change).toBe((received?.after as number) - (received?.before as number));
    expect(alt).toMatch(/▲|▼|＝/);
    expect(alt).toContain(`${busyPreviousReport.meta.year} 年`);
  });

  it('claims no change when a year is blank, and no percentage from a zero year', () => {
    expect(yearOnYear('x', null, 5)).toEqual({
      label: 'x',
      before: null,
      after: 5,
      change: null,
      percent: null,
    });
    expect(yearOnYear('x', 0, 5).percent).toBeNull();
    expect(yearOnYear('x', 4, 5).percent).toBe(25);
  });

  it('charts any report with any cells blank without throwing, and a blank is never drawn as 0', () => {
    const addresses = statutoryCells().map((info) => info.address);
    fc.assert(
      fc.property(
        fc.array(
          fc.tuple(
            fc.constantFrom(...addresses),
            fc.option(fc.integer({ min: 0, max: 99_999 }), { nil: null }),
          ),
          {
            maxLength: 60,
          },
        ),
        (edits) => {
          let report: Report = seedReport;
          for (const [address, value] of edits) report = writeCell(report, address, value);
          const { svg, alt } = reportChartSvg(report, { previous: busyReport });
          expect(svg.startsWith('<svg')).toBe(true);
          for (const [address] of edits) {
            if (readCell(report, address) === null && address.startsWith('t2.')) {
              expect(svg).toMatch(
                new RegExp(`data-cell="${address.replace(/\./g, '\\.')}"[^]*?${BLANK_TEXT}`),
              );
            }
          }
          // The cells the chart shows one by one (三's categories are the model's sums over their rows).
          const shown = /^(t2\.|t4\.|t3\.received\.)/;
          const blanks = edits.filter(
            ([address]) => shown.test(address) && readCell(report, address) === null,
          ).length;
          if (blanks > 0) expect(alt).toContain(BLANK_TEXT);
        },
      ),
      { numRuns: 25 },
    );
  });

  it("draws its text as the bundled fonts' outlines (one path per glyph), or as <text> naming the fonts", () => {
    const { svg } = reportChartSvg(seedReport);
    expect(svg).not.toContain('<text');
    const glyphs = [...svg.matchAll(/<path[^>]*\bid="(nb-glyph-[^"]+)"/g)].map((m) => m[1]);
    expect(new Set(glyphs).size).toBe(glyphs.length);
    const uses = [...svg.matchAll(/<use[^>]*\bhref="#(nb-glyph-[^"]+)"/g)].map((m) => m[1]);
    expect(glyphs.length).toBeGreaterThan(50);
    expect(uses.length).toBeGreaterThan(glyphs.length);
    for (const use of new Set(uses)) expect(glyphs).toContain(use);
    const named = reportChartSvg(seedReport, { text: 'fonts' }).svg;
    expect(named).toContain('<text');
    expect(named).not.toContain('<use');
  });

  it('renders to a PNG with the bundled fonts', () => {
    const png = svgToPng(reportChartSvg(seedReport).svg, { width: 400 });
    expect([...png.subarray(0, 8)]).toEqual([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
    // IHDR width, big-endian at byte 16.
    expect(new DataView(png.buffer, png.byteOffset).getUint32(16)).toBe(400);
  });
});
