import * as Plot from '@observablehq/plot';
import { parseHTML } from 'linkedom';
import { BLANK_TEXT, CHART_FONT_FAMILY, formatValue } from './text.js';

/** One bar group: its label and one value per series (`null`: the cell was left blank, drawn as 未填报). */
export interface ChartBar {
  label: string;
  /** Full text for the tooltip when the label is shortened. */
  title?: string;
  values: readonly (number | null)[];
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
}

/** The series colours, dark enough for white-background contrast ≥ 4.5:1 with the values beside them. */
export const SERIES_COLOURS: readonly string[] = ['#1d5fa8', '#b3261e', '#4a6b2f', '#8a5a00'];

const BAR_HEIGHT = 18;
const LABEL_WIDTH = 230;
const VALUE_ROOM = 150;

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
  const many = spec.series.length > 1;
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
        text: many ? `${name} ${shown}` : shown,
        title: `${bar.title ?? bar.label}${many ? ` · ${name}` : ''}：${shown}`,
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
    height: rows.length * BAR_HEIGHT + 8 + (spec.series.length > 1 ? spec.bars.length * 6 : 0),
    marginLeft: LABEL_WIDTH,
    marginRight: VALUE_ROOM,
    marginTop: 4,
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
      Plot.text(rows, {
        x: 0,
        y: 'key',
        text: 'label',
        textAnchor: 'end',
        dx: -8,
        fontSize: 12,
        fill: '#222',
        ariaHidden: 'true',
      }),
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
  const { svg, document } = plotBars(spec);
  labelSvg(svg, document, spec);
  return svg.outerHTML;
}
