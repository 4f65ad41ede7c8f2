import { type Block, type Report, statutoryCells, writeCell } from '@nianbao/model';
import { seedReport } from '@nianbao/model/fixtures';

/** The seed report with every statutory cell a distinct number (2000 + its reading-order index) and a few blanks. */
export function distinctValuesReport(): { report: Report; blanks: string[] } {
  let report: Report = structuredClone(seedReport) as Report;
  const blanks = ['t2.coercion.decisions', 't3.results.withheld.stateSecret.research', 't4.review.other'];
  statutoryCells().forEach((info, index) => {
    const value = blanks.includes(info.address) ? null : info.value === 'amount' ? 12.25 : 2000 + index;
    report = writeCell(report, info.address, value);
  });
  return { report, blanks };
}

/** The seed narrative repeated `times` times in every part. */
export function longReport(times: number): Report {
  const base = structuredClone(seedReport) as Report;
  const repeat = (blocks: readonly Block[] | undefined): Block[] => {
    const out: Block[] = [];
    for (let i = 0; i < times; i++) out.push(...structuredClone(blocks ?? []));
    return out;
  };
  return {
    ...base,
    sections: {
      overview: repeat(base.sections?.overview),
      problems: repeat(base.sections?.problems),
      other: repeat(base.sections?.other),
    },
  };
}

/** Every narrative string of a report in reading order: title excluded; preamble, headings, lead-ins, paragraphs. */
export function narrativeStrings(report: Report): string[] {
  const out: string[] = [...(report.preamble ?? [])];
  const sections = report.sections ?? {};
  for (const blocks of [sections.overview, sections.problems, sections.other]) {
    for (const block of blocks ?? []) {
      if (block.type === 'heading') out.push(block.text);
      else out.push(`${block.lead ?? ''}${block.text}`);
    }
  }
  return out;
}
