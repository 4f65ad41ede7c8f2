import { type Context, createContext, type ReactElement, useContext } from 'react';

/*
 * The dashboard's charts are drawn by a chart renderer handed in (`renderAuditHtml(audit, { chart })`, e.g.
 * `barChartSvg` of @nianbao/charts, which draws with Observable Plot on the server): this package then carries no
 * charting library (Plot and its DOM shim are 16 MB installed, ECharts 67 MB) and the page no chart script. Every
 * chart's figures follow it as a table, its text alternative; without a renderer the table alone is shown, open.
 */

/** One bar group: its label and one value per series (`null`: left blank, shown as 未填报). */
export interface Bar {
  label: string;
  /** Full text for the tooltip and the data table when the label is shortened. */
  title?: string;
  values: readonly (number | null)[];
  /** A stacked bar's total as the model gives it (never added up by the chart). */
  total?: number | null;
}

/** What a chart shows: handed to the chart renderer, which returns one standalone `<svg>` with its title and desc. */
export interface BarChartProps {
  /** Prefix of the ids inside the SVG, unique within the page. */
  id: string;
  title: string;
  /** The figures in words (the SVG's `<desc>`). */
  description: string;
  /** Names of the series, one colour each (at most six). */
  series: readonly string[];
  bars: readonly Bar[];
  /** One bar per label with the series stacked in it, and a legend. */
  stacked?: boolean;
}

/** A blank cell in a chart's data table: the report did not fill it in, which is not 0. */
const BLANK = '未填报';

/** Draws a chart as one standalone SVG string (no script, nothing fetched). */
export type ChartRenderer = (spec: BarChartProps) => string;

/** The chart renderer of the page being rendered; `undefined`: charts are shown as their data tables only. */
export const ChartContext: Context<ChartRenderer | undefined> = createContext<ChartRenderer | undefined>(
  undefined,
);

/** A chart drawn by the page's chart renderer, with its data table after it (the text alternative). */
export function BarChart(props: BarChartProps): ReactElement {
  const { id, title, series, bars } = props;
  const totals = bars.some((bar) => bar.total !== undefined);
  const render = useContext(ChartContext);
  return (
    <figure className="nb-dash-chart" aria-labelledby={`${id}-caption`}>
      <figcaption id={`${id}-caption`}>{title}</figcaption>
      {render && (
        // The renderer's SVG is built from escaped text by the chart library, never from raw report input.
        <div className="nb-dash-chart-svg" dangerouslySetInnerHTML={{ __html: render(props) }} />
      )}
      <details className="nb-dash-chart-data" open={render === undefined}>
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
              {totals && <th scope="col">总计 Total</th>}
            </tr>
          </thead>
          <tbody>
            {bars.map((bar, row) => (
              <tr key={`${bar.label}-${row}`}>
                <th scope="row">{bar.title ?? bar.label}</th>
                {bar.values.map((value, index) => (
                  <td key={series[index] ?? index}>{value === null ? BLANK : value}</td>
                ))}
                {totals && <td>{bar.total === undefined || bar.total === null ? BLANK : bar.total}</td>}
              </tr>
            ))}
          </tbody>
        </table>
      </details>
    </figure>
  );
}
