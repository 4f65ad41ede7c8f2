import { type Block, type Report, statutoryCells, writeCell } from '@nianbao/model';
import { seedReport } from '@nianbao/model/fixtures';

/**
 * The seed report with every statutory cell set to a distinct number (1000 + its index in reading order, and
 * one blank cell per table), so a test can tell any two cells apart and notice a value printed out of order.
 */
export function distinctValuesReport(): { report: Report; blanks: string[] } {
  let report: Report = structuredClone(seedReport) as Report;
  const blanks = ['t2.coercion.decisions', 't3.results.withheld.stateSecret.research', 't4.review.other'];
  statutoryCells().forEach((info, index) => {
    const value = blanks.includes(info.address) ? null : info.value === 'amount' ? 12.5 : 1000 + index;
    report = writeCell(report, info.address, value);
  });
  return { report, blanks };
}

/** The seed narrative repeated `times` times in every part, for pagination tests. */
export function longReport(times: number): Report {
  const base = structuredClone(seedReport) as Report;
  const repeat = (blocks: readonly Block[] | undefined): Block[] => {
    const out: Block[] = [];
    for (let i = 0; i < times; i++) out.push(...structuredClone(blocks ?? []));
    return out;
  };
  return {
    ...distinctValuesReport().report,
    meta: base.meta,
    preamble: base.preamble ?? [],
    sections: {
      overview: repeat(base.sections?.overview),
      problems: repeat(base.sections?.problems),
      other: repeat(base.sections?.other),
    },
  };
}
