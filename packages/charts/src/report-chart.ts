import type { CellAddress, CellInfo, Report } from '@nianbao/model/core';
import {
  outcomeTotals,
  readCell,
  reportTitle,
  statutoryCells,
  T2_SPEC,
  T3_SPEC,
  T4_SPEC,
} from '@nianbao/model/core';
import { DOMParser } from 'linkedom';
import { type BarChartSpec, plotBars } from './bar-chart.js';
import { outlineText } from './outline.js';
import { BLANK_TEXT, CHART_FONT_FAMILY, escapeXml, formatValue } from './text.js';

/** Options of `reportChartSvg`. */
export interface ReportChartOptions {
  /** Last year's report: each panel then shows both years and a year-on-year summary is added. */
  previous?: Report;
  /** Width in CSS pixels. @default 760 */
  width?: number;
  /**
   * `outlines`: every text drawn as the bundled fonts' glyph outlines, so the SVG looks the same everywhere (the
   * words stay in `<title>`, `<desc>` and `alt`); `fonts`: `<text>` naming the bundled fonts, smaller and selectable,
   * drawn with whatever font a viewer has where they are not installed. @default 'outlines'
   */
  text?: 'outlines' | 'fonts';
}

/** The infographic (图解): one SVG and its text alternative (the same figures, one line per panel). */
export interface ReportChart {
  svg: string;
  /** Plain text with every figure the chart shows, for `--alt` and for the page next to the image. */
  alt: string;
}

/** One year-on-year line: a figure, its two values and the change computed from them. */
export interface YearOnYear {
  label: string;
  before: number | null;
  after: number | null;
  /** `after − before`, `null` when either year left the cell blank. */
  change: number | null;
  /** The change relative to `before`, in percent; `null` when it cannot be computed (blank or before = 0). */
  percent: number | null;
}

function cellsWhere(test: (info: CellInfo) => boolean): CellInfo[] {
  return statutoryCells().filter(test);
}

function value(report: Report, address: CellAddress): number | null {
  const read = readCell(report, address);
  return typeof read === 'number' ? read : null;
}

const RECEIVED = 't3.received.';

/** 表三 row 一 per applicant column (自然人 … 其他), the 总计 apart. */
function applicantCells(): { parts: CellInfo[]; total: CellInfo } {
  const row = cellsWhere((info) => info.address.startsWith(RECEIVED));
  const total = row.find((info) => info.total === true) ?? (row.at(-1) as CellInfo);
  return { parts: row.filter((info) => info !== total), total };
}

/** 表四's groups (行政复议, 未经复议直接起诉, 复议后起诉): each group's result cells and its 总计. */
function reviewGroups(): { label: string; results: CellInfo[]; total: CellInfo }[] {
  const groups = new Map<string, CellInfo[]>();
  for (const info of cellsWhere((cell) => cell.table === 't4')) {
    const key = info.address.split('.')[1] as string;
    groups.set(key, [...(groups.get(key) ?? []), info]);
  }
  return [...groups.values()].map((cells) => {
    const total = cells.find((info) => info.total === true) ?? (cells.at(-1) as CellInfo);
    return {
      label: total.columnLabels.slice(0, -1).join(' › '),
      results: cells.filter((info) => info !== total),
      total,
    };
  });
}

/** 表二's figures: each row's label (the statute's item) with its column and unit. */
function proactiveCells(): CellInfo[] {
  return cellsWhere((info) => info.table === 't2');
}

function lastLabel(info: CellInfo): string {
  return info.columnLabels.at(-1) ?? info.address;
}

function yearLabel(report: Report): string {
  return `${report.meta.year} 年`;
}

/** Percent change with one decimal, or `null` where it means nothing (a blank year, last year 0). */
function percentChange(before: number | null, after: number | null): number | null {
  if (before === null || after === null || before === 0) return null;
  return Math.round(((after - before) / before) * 1000) / 10;
}

/** A year-on-year change, computed from the two values the model read or summed. */
export function yearOnYear(label: string, before: number | null, after: number | null): YearOnYear {
  return {
    label,
    before,
    after,
    change: before === null || after === null ? null : after - before,
    percent: percentChange(before, after),
  };
}

/** `120 → 150 ▲ 30（+25%）`; a blank side reads 未填报 and no change is claimed. */
export function formatYearOnYear(line: YearOnYear): string {
  const head = `${formatValue(line.before)} → ${formatValue(line.after)}`;
  if (line.change === null) return `${head}（无法比较：有一年未填报）`;
  const arrow = line.change > 0 ? '▲' : line.change < 0 ? '▼' : '＝';
  const percent = line.percent === null ? '' : `（${line.percent > 0 ? '+' : ''}${line.percent}%）`;
  return `${head} ${arrow} ${formatValue(Math.abs(line.change))}${percent}`;
}

interface Panel {
  heading: string;
  spec: BarChartSpec;
  /** The panel's line of the text alternative. */
  alt: string;
}

function panels(report: Report, previous: Report | undefined, width: number): Panel[] {
  const years = previous ? [yearLabel(previous), yearLabel(report)] : [yearLabel(report)];
  const both = (read: (r: Report) => number | null): (number | null)[] =>
    previous ? [read(previous), read(report)] : [read(report)];
  const list = (items: { label: string; values: (number | null)[] }[]): string =>
    items.map((item) => `${item.label} ${item.values.map((v) => formatValue(v)).join(' → ')}`).join('；');

  const applicants = applicantCells();
  const applicantBars = applicants.parts.map((info) => ({
    label: lastLabel(info),
    title: info.columnLabels.join(' › '),
    values: both((r) => value(r, info.address)),
  }));
  const receivedTotal = both((r) => value(r, applicants.total.address));
  const receivedHeading = `${applicants.total.rowLabels[0] ?? ''} · ${lastLabel(applicants.total)} ${receivedTotal.map((v) => formatValue(v)).join(' → ')}`;

  const outcomesNow = outcomeTotals(report);
  const outcomesBefore = previous ? outcomeTotals(previous) : undefined;
  const outcomeBars = outcomesNow
    .filter((outcome) => outcome.key !== 'total')
    .map((outcome) => ({
      label: outcome.label.replace(/^(（[^）]*）[^（]+).*$/u, '$1'),
      title: outcome.label,
      values: previous
        ? [outcomesBefore?.find((o) => o.key === outcome.key)?.value ?? null, outcome.value]
        : [outcome.value],
    }));
  const outcomeTotal = outcomesNow.find((o) => o.key === 'total');
  const outcomeTotalBefore = outcomesBefore?.find((o) => o.key === 'total');
  const resultsRow = statutoryCells().find((info) => info.address.startsWith('t3.results.'));
  const outcomeHeading = `${resultsRow?.rowLabels[0] ?? ''} · ${outcomeTotal?.label ?? ''} ${[
    ...(outcomeTotalBefore ? [outcomeTotalBefore.value] : []),
    outcomeTotal?.value ?? null,
  ]
    .map((v) => formatValue(v))
    .join(' → ')}`;

  const groups = reviewGroups();
  const resultNames = (groups[0]?.results ?? []).map(lastLabel);
  const reviewBars = groups.map((group) => ({
    label: group.label,
    values: group.results.map((info) => value(report, info.address)),
  }));

  return [
    {
      heading: receivedHeading,
      spec: {
        id: 'nb-chart-applicants',
        title: receivedHeading,
        description: list(applicantBars),
        series: years,
        bars: applicantBars,
        width,
      },
      alt: `${receivedHeading}：${list(applicantBars)}`,
    },
    {
      heading: outcomeHeading,
      spec: {
        id: 'nb-chart-outcomes',
        title: outcomeHeading,
        description: list(outcomeBars),
        series: years,
        bars: outcomeBars,
        width,
      },
      alt: `${outcomeHeading}：${list(outcomeBars)}`,
    },
    {
      heading: `${T4_SPEC.caption}（${yearLabel(report)}）`,
      spec: {
        id: 'nb-chart-review',
        title: T4_SPEC.caption,
        description: groups
          .map(
            (group) =>
              `${group.label}：${group.results.map((info) => `${lastLabel(info)} ${formatValue(value(report, info.address))}`).join('，')}`,
          )
          .join('；'),
        series: resultNames,
        bars: reviewBars,
        width,
      },
      alt: `${T4_SPEC.caption}（${yearLabel(report)}）：${groups
        .map(
          (group) =>
            `${group.label}：${group.results.map((info) => `${lastLabel(info)} ${formatValue(value(report, info.address))}`).join('，')}，${lastLabel(group.total)} ${formatValue(value(report, group.total.address))}`,
        )
        .join('；')}`,
    },
  ];
}

/** The year-on-year lines: applications received, each outcome and its total, 复议 and 诉讼 totals. */
export function yearOnYearLines(report: Report, previous: Report): YearOnYear[] {
  const applicants = applicantCells();
  const lines = [
    yearOnYear(
      `${applicants.total.rowLabels[0] ?? ''} ${lastLabel(applicants.total)}`,
      value(previous, applicants.total.address),
      value(report, applicants.total.address),
    ),
  ];
  const before = outcomeTotals(previous);
  for (const outcome of outcomeTotals(report)) {
    lines.push(
      yearOnYear(outcome.label, before.find((o) => o.key === outcome.key)?.value ?? null, outcome.value),
    );
  }
  for (const group of reviewGroups()) {
    lines.push(
      yearOnYear(
        `${group.label} ${lastLabel(group.total)}`,
        value(previous, group.total.address),
        value(report, group.total.address),
      ),
    );
  }
  return lines;
}

const HEADING_SIZE = 15;
const SECTION_GAP = 18;

function textLine(x: number, y: number, text: string, attrs = ''): string {
  return `<text x="${x}" y="${y}" ${attrs}>${escapeXml(text)}</text>`;
}

/** The SVG with its text as glyph outlines (see outline.ts). */
function outlined(svg: string): string {
  const document = new DOMParser().parseFromString(svg, 'image/svg+xml');
  const root = document.documentElement as unknown as Element;
  outlineText(root, document as unknown as Document, 'nb-glyph-');
  return `${root.outerHTML}\n`;
}

/**
 * The year's figures as one infographic (图解) SVG: 表二's figures, 表三's applications by applicant (row 一 by
 * column) and by outcome (三's categories, as the model sums them), 表四's results per kind of case, and with
 * `previous` both years in each bar chart plus a year-on-year list with arrows and percentages. Every label is the
 * statute's (from the model's table specs); a blank cell reads 未填报 and draws no bar. Fonts are named from
 * @nianbao/fonts (`svgToPng` renders with those files). Never throws for a valid report.
 */
export function reportChartSvg(report: Report, options: ReportChartOptions = {}): ReportChart {
  const width = options.width ?? 760;
  const { previous } = options;
  const title = `${reportTitle(report.meta)} 图解`;
  const parts: string[] = [];
  const alt: string[] = [title];
  let y = 34;
  parts.push(textLine(width / 2, 26, title, `font-size="18" font-weight="bold" text-anchor="middle"`));

  // 表二: figures of different kinds and units, so tiles with the numbers rather than bars on one scale.
  y += SECTION_GAP;
  parts.push(textLine(16, y, T2_SPEC.caption, `font-size="${HEADING_SIZE}" font-weight="bold"`));
  const tiles = proactiveCells();
  const perRow = 5;
  const tileWidth = (width - 32) / perRow;
  const t2Alt: string[] = [];
  tiles.forEach((info, n) => {
    const x = 16 + (n % perRow) * tileWidth;
    const top = y + 10 + Math.floor(n / perRow) * 70;
    const item = info.rowLabels.at(-1) ?? '';
    const shown = formatValue(value(report, info.address), info.unit);
    const column = lastLabel(info).replace(/（单位：[^）]*）/u, '');
    parts.push(
      `<g data-cell="${info.address}">`,
      `<rect x="${x}" y="${top}" width="${tileWidth - 8}" height="62" rx="4" fill="#f3f5f9" stroke="#c9d1e0"/>`,
      textLine(x + 8, top + 16, item, `font-size="11" fill="#333"`),
      textLine(x + 8, top + 31, column, `font-size="11" fill="#333"`),
      textLine(
        x + 8,
        top + 54,
        shown,
        `font-size="17" font-weight="bold" fill="${shown === BLANK_TEXT ? '#6b3d00' : '#1d3557'}"`,
      ),
      '</g>',
    );
    t2Alt.push(`${item} ${lastLabel(info)} ${shown}`);
  });
  alt.push(`${T2_SPEC.caption}：${t2Alt.join('；')}`);
  y += 10 + Math.ceil(tiles.length / perRow) * 70;

  // 表三 and 表四 as bar charts drawn by Plot, nested as images of their own.
  y += SECTION_GAP;
  parts.push(textLine(16, y, T3_SPEC.caption, `font-size="${HEADING_SIZE}" font-weight="bold"`));
  for (const panel of panels(report, previous, width - 16)) {
    if (panel.spec.id === 'nb-chart-review') {
      y += SECTION_GAP;
      parts.push(textLine(16, y, panel.heading, `font-size="${HEADING_SIZE}" font-weight="bold"`));
    } else {
      y += SECTION_GAP;
      parts.push(textLine(16, y, panel.heading, `font-size="13" font-weight="bold"`));
    }
    const { svg } = plotBars(panel.spec);
    svg.setAttribute('x', '8');
    svg.setAttribute('y', String(y + 6));
    svg.setAttribute('aria-hidden', 'true');
    svg.removeAttribute('class');
    for (const style of [...svg.querySelectorAll('style')]) style.remove();
    parts.push(svg.outerHTML);
    y += 6 + Number(svg.getAttribute('height'));
    alt.push(panel.alt);
  }

  if (previous) {
    y += SECTION_GAP;
    const heading = `与上年比较（${yearLabel(previous)} → ${yearLabel(report)}）`;
    parts.push(textLine(16, y, heading, `font-size="${HEADING_SIZE}" font-weight="bold"`));
    const lines = yearOnYearLines(report, previous);
    for (const line of lines) {
      y += 20;
      const colour =
        line.change === null ? '#6b3d00' : line.change > 0 ? '#1d5fa8' : line.change < 0 ? '#b3261e' : '#333';
      parts.push(
        textLine(24, y, line.label.replace(/^(（[^）]*）[^（]+).*$/u, '$1'), `font-size="12" fill="#333"`),
        textLine(width - 24, y, formatYearOnYear(line), `font-size="12" text-anchor="end" fill="${colour}"`),
      );
    }
    alt.push(`${heading}：${lines.map((line) => `${line.label} ${formatYearOnYear(line)}`).join('；')}`);
  }
  y += 24;

  const description = alt.slice(1).join('\n');
  const svg = [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${y}" viewBox="0 0 ${width} ${y}" role="img" aria-labelledby="nb-chart-title nb-chart-desc" font-family="${escapeXml(CHART_FONT_FAMILY)}" font-size="12">`,
    `<title id="nb-chart-title">${escapeXml(title)}</title>`,
    `<desc id="nb-chart-desc">${escapeXml(description)}</desc>`,
    `<rect width="${width}" height="${y}" fill="#ffffff"/>`,
    ...parts,
    '</svg>',
    '',
  ].join('\n');
  return { svg: options.text === 'fonts' ? svg : outlined(svg), alt: `${alt.join('\n')}\n` };
}
