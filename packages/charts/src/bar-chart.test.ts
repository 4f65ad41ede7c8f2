import fc from 'fast-check';
import { parseHTML } from 'linkedom';
import { describe, expect, it } from 'vitest';
import { barChartSvg } from './bar-chart.js';
import { BLANK_TEXT } from './text.js';

interface Placed {
  x: number;
  y: number;
  text: string;
}

/** Sums the translate() of an element and its ancestors: where Plot actually placed it. */
function translation(element: Element): { x: number; y: number } {
  let x = 0;
  let y = 0;
  for (let node: Element | null = element; node; node = node.parentElement) {
    const match = /translate\(([-\d.]+)[ ,]+([-\d.]+)\)/.exec(node.getAttribute('transform') ?? '');
    if (match) {
      x += Number(match[1]);
      y += Number(match[2]);
    }
  }
  return { x, y };
}

function parse(svg: string): { bars: Element[]; texts: Placed[]; root: Element } {
  const { document } = parseHTML(`<!doctype html><html><body>${svg}</body></html>`);
  const root = document.querySelector('svg') as unknown as Element;
  const bars = [...root.querySelectorAll('g[aria-label="bar"] rect')] as unknown as Element[];
  const texts = ([...root.querySelectorAll('text')] as unknown as Element[]).map((text) => {
    const at = translation(text);
    return { x: at.x, y: at.y, text: text.textContent ?? '' };
  });
  return { bars, texts, root };
}

const spec = {
  id: 't',
  title: '一、本年新收政府信息公开申请数量',
  description: '自然人 120；商业企业 30；科研机构 未填报',
  series: ['件数'],
  bars: [
    { label: '自然人', values: [120] },
    { label: '商业企业', values: [30] },
    { label: '科研机构', values: [null] },
    { label: '其他', values: [5] },
  ],
};

describe('barChartSvg', () => {
  it('draws each bar with a length proportional to its value, its label left of it and its value right of it', () => {
    const { bars, texts } = parse(barChartSvg(spec));
    expect(bars).toHaveLength(3);
    const values = [120, 30, 5];
    const widths = bars.map((bar) => Number(bar.getAttribute('width')));
    const x0 = Number(bars[0]?.getAttribute('x'));
    for (const [n, bar] of bars.entries()) {
      expect(Number(bar.getAttribute('x'))).toBeCloseTo(x0, 6);
      expect((widths[n] as number) / (values[n] as number)).toBeCloseTo((widths[0] as number) / 120, 6);
      const top = Number(bar.getAttribute('y'));
      const middle = top + Number(bar.getAttribute('height')) / 2;
      const label = texts.find((t) => t.text === ['自然人', '商业企业', '其他'][n]);
      const shown = texts.find((t) => t.text === String(values[n]));
      expect(label && Math.abs(label.y - middle) < 1 && label.x < x0).toBe(true);
      expect(shown && Math.abs(shown.y - middle) < 1).toBe(true);
      expect(shown?.x).toBeCloseTo(x0 + (widths[n] as number) + 4, 6);
    }
  });

  it('draws no bar for a blank value and writes 未填报 at zero, never 0', () => {
    const svg = barChartSvg(spec);
    const { texts, bars } = parse(svg);
    const blank = texts.find((t) => t.text === BLANK_TEXT);
    const label = texts.find((t) => t.text === '科研机构');
    expect(blank).toBeDefined();
    expect(Math.abs((blank?.y ?? 0) - (label?.y ?? -9))).toBeLessThan(1);
    expect(blank?.x).toBeCloseTo(Number(bars[0]?.getAttribute('x')) + 4, 6);
    expect(texts.some((t) => t.text === '0')).toBe(false);
  });

  it('is an image with a title and a description, no script and no external reference', () => {
    const svg = barChartSvg(spec);
    const { root } = parse(svg);
    expect(root.getAttribute('role')).toBe('img');
    expect(root.getAttribute('aria-labelledby')).toBe('t-title t-desc');
    expect(root.querySelector('title')?.textContent).toBe(spec.title);
    expect(root.querySelector('desc')?.textContent).toBe(spec.description);
    expect(svg).not.toMatch(/<script|href=|url\(/i);
  });

  it('escapes what it is given (an agency named like markup stays text)', () => {
    const svg = barChartSvg({ ...spec, bars: [{ label: '<script>alert(1)</script>', values: [3] }] });
    expect(svg).not.toContain('<script>');
    expect(parse(svg).texts.some((t) => t.text.startsWith('<script>'))).toBe(true);
  });

  it('any values chart without throwing; blanks never draw as a bar or as 0, and widths stay proportional', () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.array(fc.option(fc.integer({ min: 0, max: 1_000_000 }), { nil: null }), {
            minLength: 2,
            maxLength: 2,
          }),
          {
            minLength: 1,
            maxLength: 12,
          },
        ),
        (rows) => {
          const svg = barChartSvg({
            id: 'p',
            title: 'p',
            description: 'p',
            series: ['上年', '本年'],
            bars: rows.map((values, n) => ({ label: `机关${n}`, values })),
          });
          const { bars, texts } = parse(svg);
          const drawn = rows.flat().filter((v): v is number => v !== null && v > 0);
          expect(bars).toHaveLength(drawn.length);
          const blanks = rows.flat().filter((v) => v === null).length;
          expect(texts.filter((t) => t.text.endsWith(BLANK_TEXT))).toHaveLength(blanks);
          const max = Math.max(1, ...drawn);
          const full = Math.max(...bars.map((bar) => Number(bar.getAttribute('width'))), 0);
          for (const [n, bar] of bars.entries()) {
            expect(Number(bar.getAttribute('width')) * max).toBeCloseTo((drawn[n] as number) * full, 3);
          }
        },
      ),
      { numRuns: 60 },
    );
  });
});
