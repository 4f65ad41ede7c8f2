import * as Plot from '@observablehq/plot';
import { parseHTML } from 'linkedom';
import { BLANK_TEXT, CHART_FONT_FAMILY, formatValue } from './text.js';

/** One bar group: its label and one value per series (`null`: the cell was left blank, drawn as 未填报). */
export interface ChartBar {
  label: string;
  /** Full text for the tooltip when the label is shortened. */
  title?: string;
  values: readonly (number | null)[];
  /**
   * A stacked bar's total as the model gives it (e.g. 三's （七）总计), printed at the bar's end; the chart never
   * adds the segments up itself.
   */
  total?: number | null;
}

/**
 * A horizontal bar chart: one group of bars per label, one bar per series. The same shape as the dashboard's
 * `ChartSpec` in @nianbao/react, so `barChartSvg` can be handed to `renderAuditHtml` as its chart renderer.
 */
export interface BarChartSpec {
  /** Prefix of the ids inside the SVG (title, description): unique within the page. */
  id: string;
  title: string;
  /** The figures in words: the SVG's `<desc>`, read by assistive technology. */
  description: string;
  /** Names of the series (one colour each). */
  series: readonly string[];
  bars: readonly ChartBar[];
  /** Width in CSS pixels. @default 720 */
  width?: number;
  /** Unit printed after each value (e.g. 万元). */
  unit?: string;
  /** One bar per label with the series stacked in it (left to right in series order), and a legend. */
  stacked?: boolean;
}

/** The series colours, dark enough for white-background contrast ≥ 4.5:1 with the values beside them. */
export const SERIES_COLOURS: readonly string[] = [
  '#1d5fa8',
  '#b3261e',
  '#4a6b2f',
  '#8a5a00',
  '#5b3f8c',
  '#00696b',
];

const BAR_HEIGHT = 18;
const LABEL_WIDTH = 230;
const VALUE_ROOM = 90;

function shortLabel(text: string, max = 16): string {
  const chars = [...text];
  return chars.length > max ? `${chars.slice(0, max - 1).join('')}…` : text;
}

interface Row {
  key: string;
  group: number;
  series: number;
  value: number | null;
  label: string;
  text: string;
  title: string;
}

function rowsOf(spec: BarChartSpec): Row[] {
  return spec.bars.flatMap((bar, group) =>
    spec.series.map((name, series) => {
      const value = bar.values[series] ?? null;
      const shown = value === null ? BLANK_TEXT : formatValue(value, spec.unit);
      return {
        key: `${group}\u0000${series}`,
        group,
        series,
        value,
        label: series === 0 ? shortLabel(bar.label) : '',
        text: shown,
        title: `${bar.title ?? bar.label}${spec.series.length > 1 ? ` · ${name}` : ''}：${shown}`,
      };
    }),
  );
}

let shared: ReturnType<typeof parseHTML>['document'] | undefined;

/** One linkedom document per process: Plot only creates elements in it, and serialising detaches nothing. */
function domDocument(): ReturnType<typeof parseHTML>['document'] {
  shared ??= parseHTML('<!doctype html><html><body></body></html>').document;
  return shared;
}

/** Each bar's label, right-aligned just left of the common zero. */
function labelMark(data: readonly { key: string; label: string }[]): Plot.Text {
  return Plot.text(data, {
    x: 0,
    y: 'key',
    text: 'label',
    textAnchor: 'end',
    dx: -8,
    fontSize: 12,
    fill: '#222',
    ariaHidden: 'true',
  });
}

interface Segment {
  key: string;
  series: string;
  value: number;
  title: string;
}

const LEGEND_ROW = 20;

/** Room above the bars for the legend of `series` (none for one series). */
function legendHeight(series: readonly string[]): number {
  return series.length > 1 ? Math.ceil(series.length / 4) * LEGEND_ROW + 4 : 4;
}

/** The legend: a swatch and the series name for each colour, four to a row, above the bars. */
function appendLegend(
  svg: Element,
  document: ReturnType<typeof parseHTML>['document'],
  series: readonly string[],
  width: number,
): void {
  if (series.length < 2) return;
  const legend = document.createElementNS('http://www.w3.org/2000/svg', 'g');
  legend.setAttribute('aria-hidden', 'true');
  legend.setAttribute('aria-label', 'legend');
  const column = (width - LABEL_WIDTH) / 4;
  series.forEach((name, n) => {
    const x = LABEL_WIDTH + (n % 4) * column;
    const y = Math.floor(n / 4) * LEGEND_ROW + 4;
    const swatch = document.createElementNS('http://www.w3.org/2000/svg', 'rect');
    for (const [key, value] of Object.entries({ x, y, width: 12, height: 12 }))
      swatch.setAttribute(key, String(value));
    swatch.setAttribute('fill', SERIES_COLOURS[n % SERIES_COLOURS.length] as string);
    const label = document.createElementNS('http://www.w3.org/2000/svg', 'text');
    label.setAttribute('x', String(x + 16));
    label.setAttribute('y', String(y + 10));
    label.setAttribute('font-size', '11');
    label.setAttribute('text-anchor', 'start');
    label.textContent = shortLabel(name, 12);
    legend.append(swatch, label);
  });
  svg.append(legend);
}

/** A stacked chart: Plot's barX stacks the series of each bar (its stackX transform); a legend names them. */
function plotStacked(spec: BarChartSpec): {
  svg: Element;
  document: ReturnType<typeof parseHTML>['document'];
} {
  const document = domDocument();
  const width = spec.width ?? 720;
  const keys = spec.bars.map((_, n) => String(n));
  const segments: Segment[] = spec.bars.flatMap((bar, n) =>
    spec.series.flatMap((series, s) => {
      const value = bar.values[s] ?? null;
      return value === null || value <= 0
        ? []
        : [
            {
              key: String(n),
              series,
              value,
              title: `${bar.title ?? bar.label} · ${series}：${formatValue(value, spec.unit)}`,
            },
          ];
    }),
  );
  const ends = spec.bars.map((bar, n) => {
    const drawn = bar.values.reduce<number>(
      (sum, value) => sum + (value !== null && value > 0 ? value : 0),
      0,
    );
    const blank = bar.values.every((value) => value === null);
    const text = blank ? BLANK_TEXT : bar.total === undefined ? '' : formatValue(bar.total, spec.unit);
    return { key: String(n), at: drawn, text, label: shortLabel(bar.label), blank };
  });
  const top = legendHeight(spec.series);
  const max = Math.max(1, ...ends.map((end) => end.at));
  const svg = Plot.plot({
    document: document as unknown as Document,
    width,
    height: spec.bars.length * (BAR_HEIGHT + 4) + top + 8,
    marginLeft: LABEL_WIDTH,
    marginRight: 80,
    marginTop: top,
    marginBottom: 4,
    x: { domain: [0, max], axis: null },
    y: { domain: keys, axis: null, paddingInner: 0.2, paddingOuter: 0.1 },
    color: { type: 'ordinal', domain: [...spec.series], range: [...SERIES_COLOURS] },
    marks: [
      Plot.barX(segments, { x: 'value', y: 'key', fill: 'series', title: 'title', ariaHidden: 'true' }),
      labelMark(ends),
      Plot.text(ends, {
        x: 'at',
        y: 'key',
        text: 'text',
        textAnchor: 'start',
        dx: 4,
        fontSize: 11,
        fill: (end: { blank: boolean }) => (end.blank ? '#6b3d00' : '#222'),
        ariaHidden: 'true',
      }),
    ],
  }) as unknown as Element;
  // Plot names system-ui, which has no CJK glyphs on many machines: the bundled fonts' names instead.
  svg.setAttribute('font-family', CHART_FONT_FAMILY);
  appendLegend(svg, document, spec.series, width);
  return { svg, document };
}

/** The SVG element Plot draws for `spec`, not yet labelled nor serialised (the infographic nests several). */
export function plotBars(spec: BarChartSpec): {
  svg: Element;
  document: ReturnType<typeof parseHTML>['document'];
} {
  const document = domDocument();
  const rows = rowsOf(spec);
  const width = spec.width ?? 720;
  const max = Math.max(1, ...rows.map((row) => row.value ?? 0));
  const drawn = rows.filter((row) => row.value !== null && row.value > 0);
  const svg = Plot.plot({
    document: document as unknown as Document,
    width,
    height:
      rows.length * BAR_HEIGHT +
      4 +
      legendHeight(spec.series) +
      (spec.series.length > 1 ? spec.bars.length * 6 : 0),
    marginLeft: LABEL_WIDTH,
    marginRight: VALUE_ROOM,
    marginTop: legendHeight(spec.series),
    marginBottom: 4,
    x: { domain: [0, max], axis: null },
    y: { domain: rows.map((row) => row.key), axis: null, paddingInner: 0.2, paddingOuter: 0.1 },
    color: { type: 'ordinal', domain: [...spec.series], range: [...SERIES_COLOURS] },
    marks: [
      Plot.barX(drawn, {
        x1: 0,
        x2: (row: Row) => row.value,
        y: 'key',
        fill: (row: Row) => spec.series[row.series],
        title: 'title',
        ariaHidden: 'true',
      }),
      labelMark(rows),
      Plot.text(rows, {
        x: (row: Row) => row.value ?? 0,
        y: 'key',
        text: 'text',
        textAnchor: 'start',
        dx: 4,
        fontSize: 11,
        fill: (row: Row) => (row.value === null ? '#6b3d00' : '#222'),
        ariaHidden: 'true',
      }),
    ],
  }) as unknown as Element;
  // Plot names system-ui, which has no CJK glyphs on many machines: the bundled fonts' names instead.
  svg.setAttribute('font-family', CHART_FONT_FAMILY);
  appendLegend(svg, document, spec.series, width);
  return { svg, document };
}

/** Gives Plot's SVG the role, title and description of an image with a text alternative, and the bundled font. */
function labelSvg(
  svg: Element,
  document: ReturnType<typeof parseHTML>['document'],
  { id, title, description }: { id: string; title: string; description: string },
): void {
  svg.setAttribute('xmlns', 'http://www.w3.org/2000/svg');
  svg.setAttribute('role', 'img');
  svg.setAttribute('aria-labelledby', `${id}-title ${id}-desc`);
  svg.setAttribute('font-family', CHART_FONT_FAMILY);
  svg.removeAttribute('class');
  // Plot's stylesheet only sizes the chart for a page (max-width, white-space); attributes do the rest.
  for (const style of [...svg.querySelectorAll('style')]) style.remove();
  const titleElement = document.createElement('title');
  titleElement.setAttribute('id', `${id}-title`);
  titleElement.textContent = title;
  const desc = document.createElement('desc');
  desc.setAttribute('id', `${id}-desc`);
  desc.textContent = description;
  svg.insertBefore(desc, svg.firstChild);
  svg.insertBefore(titleElement, svg.firstChild);
}

/**
 * A horizontal bar chart as one standalone SVG string (no script, no external reference): each bar's length is
 * proportional to its value from a common zero, its label sits left of it and its value right of it; a blank
 * value draws no bar and reads 未填报, never 0. The SVG is an image (`role="img"`) named by its `<title>` and
 * `<desc>`; the figures in `description` are its text alternative.
 */
export function barChartSvg(spec: BarChartSpec): string {
  const { svg, document } = spec.stacked === true ? plotStacked(spec) : plotBars(spec);
  labelSvg(svg, document, spec);
  return svg.outerHTML;
}
