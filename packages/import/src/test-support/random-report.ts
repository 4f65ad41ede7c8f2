import { type Block, type Report, readCell, statutoryCells, writeCell } from '@nianbao/model';
import { seedReport } from '@nianbao/model/fixtures';
import fc from 'fast-check';

/*
 * What the round-trip tests compare and the reports they generate: random valid reports (realistic magnitudes,
 * nulls included, 收费金额 with cents) with random narrative, written by a renderer and imported back.
 */

/** Every statutory cell of a report, by address. */
export function cells(report: Report): Record<string, unknown> {
  return Object.fromEntries(statutoryCells().map((cell) => [cell.address, readCell(report, cell.address)]));
}

export const squash = (text: string): string => text.replace(/[\s\u00a0\u3000]+/g, '');

/** The narrative as comparable strings: preamble, then each part's blocks, whitespace removed. */
export function narrative(report: Report): unknown {
  const blocks = (list: readonly Block[] | undefined): unknown[] =>
    (list ?? []).map((b) =>
      b.type === 'heading'
        ? { heading: b.level, text: squash(b.text) }
        : { lead: squash(b.lead ?? ''), text: squash(b.text) },
    );
  const sections = report.sections ?? {};
  return {
    preamble: (report.preamble ?? []).map(squash),
    overview: blocks(sections.overview),
    problems: blocks(sections.problems),
    other: blocks(sections.other),
  };
}

const SENTENCES = [
  '本机关坚持以公开为常态、不公开为例外，全面推进政务公开工作。',
  '全年通过门户网站主动公开政府信息，及时回应社会关切。',
  '依申请公开工作规范有序，均在法定期限内答复。',
  '加强政府信息管理，动态调整主动公开基本目录。',
  '部分栏目更新不够及时，解读形式较为单一。',
  '下一步将加强业务培训，提升公开质量。',
  '本年度未收取信息处理费。',
];

const paragraph: fc.Arbitrary<Block> = fc
  .record({
    sentences: fc.array(fc.constantFrom(...SENTENCES), { minLength: 1, maxLength: 4 }),
    lead: fc.option(fc.constantFrom('主动公开方面。', '依申请公开方面：', '政府信息管理。'), {
      nil: undefined,
    }),
  })
  .map(({ sentences, lead }) => ({ type: 'paragraph', text: sentences.join(''), ...(lead ? { lead } : {}) }));

const blocks: fc.Arbitrary<Block[]> = fc
  .array(
    fc.record({
      heading: fc.boolean(),
      paragraphs: fc.array(paragraph, { minLength: 1, maxLength: 3 }),
    }),
    { minLength: 1, maxLength: 3 },
  )
  .map((groups) =>
    groups.flatMap(({ heading, paragraphs }, i): Block[] => [
      ...(heading
        ? [{ type: 'heading' as const, level: 2 as const, text: `（${'一二三'[i]}）工作情况` }]
        : []),
      ...paragraphs,
    ]),
  );

const values: fc.Arbitrary<(number | null)[]> = fc.array(
  fc.oneof(
    { weight: 4, arbitrary: fc.nat(9) },
    { weight: 3, arbitrary: fc.nat(5000) },
    { weight: 1, arbitrary: fc.constant(null) },
  ),
  { minLength: statutoryCells().length, maxLength: statutoryCells().length },
);

/** A valid report shape with random cells (nulls included; 收费金额 with cents) and random narrative. */
export const randomReport: fc.Arbitrary<Report> = fc
  .record({ values, overview: blocks, problems: blocks, other: blocks, cents: fc.nat(999_999) })
  .map(({ values: list, overview, problems, other, cents }) => {
    let report = structuredClone(seedReport) as Report;
    statutoryCells().forEach((info, i) => {
      const value = list[i] ?? null;
      report = writeCell(
        report,
        info.address,
        info.value === 'amount' && value !== null ? cents / 100 : value,
      );
    });
    return { ...report, sections: { overview, problems, other } };
  });

/**
 * The narrative as text, whitespace removed: the preamble, then each part's blocks (a lead-in before its
 * paragraph) joined. What a PDF can be held to: its text, not whether a one-line numbered paragraph was a heading.
 */
export function narrativeText(report: Report): Record<string, string> {
  const part = (list: readonly Block[] | undefined): string =>
    squash((list ?? []).map((b) => (b.type === 'paragraph' && b.lead ? b.lead + b.text : b.text)).join(''));
  const sections = report.sections ?? {};
  return {
    preamble: squash((report.preamble ?? []).join('')),
    overview: part(sections.overview),
    problems: part(sections.problems),
    other: part(sections.other),
  };
}
