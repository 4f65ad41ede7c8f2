import type { AuditReport, RegionAudit, Report } from '@nianbao/model';
import { describeCell, outcomeTotals, readCell, rollUpReports } from '@nianbao/model';
import type { ReactElement } from 'react';
import { type Bar, BarChart } from './charts.js';

/*
 * The region's charts: applications by outcome per agency (the busiest agencies, the rest summed as one bar, so
 * the chart's size does not grow with the region) and the region's trend over the years the audit covers. Every
 * figure is the model's: outcomeTotals for the categories and their （七）总计, rollUpReports for a group of reports.
 */

/** How many agencies the per-agency chart draws one by one; the others are one bar. */
export const TOP_AGENCIES = 15;

const RECEIVED_TOTAL = 't3.received.total';
const RESULTS_TOTAL = 't3.results.total.total';

function shortOutcome(label: string): string {
  return label.replace(/^(（[^）]*）[^（]+).*$/u, '$1');
}

type Outcomes = ReturnType<typeof outcomeTotals>;

function totalOf(outcomes: Outcomes): number | null {
  return outcomes.find((outcome) => outcome.key === 'total')?.value ?? null;
}

function total(report: Report): number | null {
  return totalOf(outcomeTotals(report));
}

function outcomeBar(label: string, title: string, outcomes: Outcomes): Bar {
  return {
    label,
    title,
    values: outcomes.filter((o) => o.key !== 'total').map((o) => o.value),
    total: totalOf(outcomes),
  };
}

function AgencyOutcomes({
  read,
}: {
  read: readonly (AuditReport & { report: Report })[];
}): ReactElement | null {
  const first = read[0];
  if (!first) return null;
  // Each report's outcomes once (outcomeTotals reads every 三 cell): the rank's key and the top bars' values.
  const outcomes = new Map(read.map((entry) => [entry, outcomeTotals(entry.report)]));
  const totals = new Map(read.map((entry) => [entry, totalOf(outcomes.get(entry) ?? []) ?? -1]));
  const ranked = [...read].sort((a, b) => (totals.get(b) ?? -1) - (totals.get(a) ?? -1));
  const top = ranked.slice(0, TOP_AGENCIES);
  const rest = ranked.slice(TOP_AGENCIES);
  const bars = top.map((entry) =>
    outcomeBar(entry.agency, `${entry.agency}（${entry.file}）`, outcomes.get(entry) ?? []),
  );
  // The rest are summed by the model and said in words under the chart, not drawn: one bar of many
  // agencies would set the scale and flatten every bar above it.
  const others =
    rest.length > 0
      ? outcomeBar(
          `其余 ${rest.length} 个机关 (${rest.length} others)`,
          '',
          outcomeTotals(rollUpReports(rest.map((entry) => entry.report)).report),
        )
      : undefined;
  const series = outcomeTotals(first.report)
    .filter((o) => o.key !== 'total')
    .map((o) => shortOutcome(o.label));
  const words = (bar: Bar): string =>
    `${bar.title || bar.label}：${bar.values.map((v, n) => `${series[n]} ${v ?? '未填报'}`).join('，')}，总计 ${bar.total ?? '未填报'}`;
  return (
    <>
      <BarChart
        id="nb-dash-chart-agency-outcomes"
        title={`各机关申请办理结果（按总计排序，前 ${TOP_AGENCIES} 个）Applications by outcome per agency (top ${TOP_AGENCIES} by total)`}
        description={bars.map(words).join('；')}
        series={series}
        bars={bars}
        stacked
      />
      {others && <p className="nb-dash-small">{words(others)}</p>}
    </>
  );
}

function RegionTrend({
  audit,
  read,
}: {
  audit: RegionAudit;
  read: readonly (AuditReport & { report: Report })[];
}): ReactElement | null {
  const byYear = new Map<number, Report[]>();
  for (const entry of read) {
    // Pushed, not copied: a copy per report is quadratic in a region's size.
    const reports = byYear.get(entry.report.meta.year);
    if (reports) reports.push(entry.report);
    else byYear.set(entry.report.meta.year, [entry.report]);
  }
  const figures = new Map<number, [number | null, number | null]>();
  for (const [year, reports] of byYear) {
    // One year only: the audit's own roll-up is that year's; several: each year's reports summed by the model.
    const summed = byYear.size === 1 ? audit.rollUp.report : rollUpReports(reports).report;
    const received = readCell(summed, RECEIVED_TOTAL);
    figures.set(year, [typeof received === 'number' ? received : null, total(summed)]);
  }
  const region = audit.previous?.comparison.region;
  if (region && !figures.has(region.previousYear)) {
    const before = region.outcomes.find((o) => o.key === 'total')?.before ?? null;
    figures.set(region.previousYear, [region.received.before, before]);
  }
  if (figures.size < 2) return null;
  const receivedLabel = describeCell(RECEIVED_TOTAL)?.rowLabels[0] ?? RECEIVED_TOTAL;
  const totalLabel = describeCell(RESULTS_TOTAL)?.rowLabels.join(' ') ?? RESULTS_TOTAL;
  const series = [receivedLabel, totalLabel];
  const bars: Bar[] = [...figures.entries()]
    .sort(([a], [b]) => a - b)
    .map(([year, values]) => ({ label: `${year} 年`, values }));
  return (
    <BarChart
      id="nb-dash-chart-trend"
      title="本行政区域历年申请数量 The region's applications by year"
      description={bars
        .map((bar) => `${bar.label}：${bar.values.map((v, n) => `${series[n]} ${v ?? '未填报'}`).join('，')}`)
        .join('；')}
      series={series}
      bars={bars}
    />
  );
}

/** The region's charts section: applications by outcome per agency, and the trend when several years are given. */
export function RegionCharts({ audit }: { audit: RegionAudit }): ReactElement | null {
  const read = audit.reports.filter(
    (entry): entry is AuditReport & { report: Report } => entry.report !== undefined,
  );
  if (read.length === 0) return null;
  return (
    <section id="nb-dash-region-charts" aria-labelledby="nb-dash-region-charts-h">
      <h2 id="nb-dash-region-charts-h">图解 Charts</h2>
      <AgencyOutcomes read={read} />
      <RegionTrend audit={audit} read={read} />
    </section>
  );
}
