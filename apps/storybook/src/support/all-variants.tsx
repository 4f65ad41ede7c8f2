import type { CheckOptions, Report, TableId } from '@nianbao/model';
import { blankReport, busyPreviousReport, busyReport, seedReport } from '@nianbao/model/fixtures';
import { ApplicationsTable, ProactiveDisclosureTable, ReviewLitigationTable } from '@nianbao/react';
import type { ReactElement } from 'react';
import { checked, failing, failingFixturesOf, optionsOf, withBlankCells } from './reports.js';

/** One variant of a table: a heading and the report it shows. */
export interface Variant {
  key: string;
  title: string;
  report: Report;
  options: CheckOptions;
}

/** Every state a table is shown in: blank, seed, busy, each failing fixture that touches it, blank cells. */
export function variantsOf(table: TableId): Variant[] {
  const previous: CheckOptions = table === 't2' ? { previous: busyPreviousReport } : {};
  return [
    { key: 'blank', title: '空白模板 Blank template', report: blankReport({ year: 2022 }), options: {} },
    { key: 'seed', title: '样例报告 Seed report', report: seedReport, options: {} },
    { key: 'busy', title: '大型机关 Busy report', report: busyReport, options: previous },
    ...failingFixturesOf(table).map((fixture) => ({
      key: fixture.rule,
      title: `不通过 Fails: ${fixture.rule}`,
      report: failing(fixture.rule).report,
      options: optionsOf(fixture),
    })),
    { key: 'null', title: '空白单元格 Null cells', report: withBlankCells(table, 3), options: previous },
  ];
}

function TableFor({ table, variant }: { table: TableId; variant: Variant }): ReactElement {
  const common = {
    ...checked(variant.report, variant.options),
    idPrefix: `v-${variant.key}-`,
    hideCaption: true,
    // One statutory table repeated: the variant's title makes each scroll region's name unique.
    label: variant.title,
  };
  if (table === 't2') return <ProactiveDisclosureTable t2={variant.report.t2} {...common} />;
  if (table === 't3') return <ApplicationsTable t3={variant.report.t3} {...common} />;
  return <ReviewLitigationTable t4={variant.report.t4} {...common} />;
}

/** Every variant of a table on one page, each under its own heading, for review at a glance. */
export function AllVariants({ table }: { table: TableId }): ReactElement {
  return (
    <div style={{ display: 'grid', gap: '2rem' }}>
      {variantsOf(table).map((variant) => (
        <section key={variant.key} aria-labelledby={`h-${variant.key}`}>
          <h2 id={`h-${variant.key}`} style={{ fontSize: '1.1rem', margin: '0 0 0.5rem' }}>
            {variant.title}
          </h2>
          <TableFor table={table} variant={variant} />
        </section>
      ))}
    </div>
  );
}
