import type { ReactElement } from 'react';

/*
 * Charts drawn on the server as plain SVG from the data: a horizontal bar chart is a few rectangles and texts,
 * and drawing them by hand keeps the page free of a charting library (ECharts' SSR renderer is about 1 MB of
 * code to load for three bar charts) and of any script. Every chart is an image with a title and a description
 * for assistive technology, and the same figures follow it as a table (the text alternative).
 */

/** One bar: its label, its value and the series it belongs to (for its colour and the legend). */
export interface Bar {
  label: string;
  /** Full text for the tooltip and the data table when the label is shortened. */
  title?: string;
  values: readonly (number | null)[];
}

/** Props of `<BarChart>`. */
export interface BarChartProps {
  id: string;
  title: string;
  description: string;
  /** Names of the series, one colour each (at most four). */
  series: readonly string[];
  bars: readonly Bar[];
}

const COLOURS = ['#b3261e', '#8a5a00', '#1d5fa8', '#4a6b2f'];
const LABEL_WIDTH = 260;
const CHART_WIDTH = 720;
const BAR_HEIGHT = 16;
const GAP = 8;

function shortLabel(text: string, max = 18): string {
  return [...text].length > max ? `${[...text].slice(0, max - 1).join('')}…` : text;
}

/** A horizontal bar chart as inline SVG (one group of bars per label), with its data table after it. */
export function BarChart({ id, title, description, series, bars }: BarChartProps): ReactElement {
  const max = Math.max(1, ...bars.flatMap((bar) => bar.values.map((value) => value ?? 0)));
  const group = series.length * BAR_HEIGHT + GAP;
  const legend = series.length > 1 ? 24 : 0;
  const height = legend + bars.length * group + GAP;
  const scale = (CHART_WIDTH - LABEL_WIDTH - 60) / max;
  return (
    <figure className="nb-dash-chart" aria-labelledby={`${id}-caption`}>
      <figcaption id={`${id}-caption`}>{title}</figcaption>
      <svg
        viewBox={`0 0 ${CHART_WIDTH} ${height}`}
        width={CHART_WIDTH}
        height={height}
        role="img"
        aria-labelledby={`${id}-title ${id}-desc`}
      >
        <title id={`${id}-title`}>{title}</title>
        <desc id={`${id}-desc`}>{description}</desc>
        {series.length > 1 &&
          series.map((name, index) => (
            <g key={name} transform={`translate(${LABEL_WIDTH + index * 160} 4)`}>
              <rect width="12" height="12" fill={COLOURS[index % COLOURS.length]} />
              <text x="18" y="11" fontSize="12">
                {name}
              </text>
            </g>
          ))}
        {bars.map((bar, row) => {
          const top = legend + row * group + GAP / 2;
          return (
            <g key={`${bar.label}-${row}`} transform={`translate(0 ${top})`}>
              <text
                x={LABEL_WIDTH - 8}
                y={(series.length * BAR_HEIGHT) / 2 + 4}
                fontSize="12"
                textAnchor="end"
              >
                {bar.title !== undefined && <title>{bar.title}</title>}
                {shortLabel(bar.label)}
              </text>
              {bar.values.map((value, index) => (
                <g key={series[index] ?? index} transform={`translate(${LABEL_WIDTH} ${index * BAR_HEIGHT})`}>
                  <rect
                    width={Math.max(value === null ? 0 : 1, (value ?? 0) * scale)}
                    height={BAR_HEIGHT - 3}
                    fill={COLOURS[index % COLOURS.length]}
                  />
                  <text x={(value ?? 0) * scale + 4} y={BAR_HEIGHT - 5} fontSize="11">
                    {value === null ? '—' : value}
                  </text>
                </g>
              ))}
            </g>
          );
        })}
      </svg>
      <details className="nb-dash-chart-data">
        <summary>数据表 Data table</summary>
        <table>
          <caption className="nb-dash-visually-hidden">{title}</caption>
          <thead>
            <tr>
              <th scope="col">项目 Item</th>
              {series.map((name) => (
                <th key={name} scope="col">
                  {name}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {bars.map((bar, row) => (
              <tr key={`${bar.label}-${row}`}>
                <th scope="row">{bar.title ?? bar.label}</th>
                {bar.values.map((value, index) => (
                  <td key={series[index] ?? index}>{value === null ? '—' : value}</td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </details>
    </figure>
  );
}
