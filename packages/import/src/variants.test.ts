import { parseReport, type Report, readCell, statutoryCells } from '@nianbao/model';
import { busyReport, seedReport } from '@nianbao/model/fixtures';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { importReport } from './import-report.js';
import { randomReport } from './test-support/random-report.js';
import {
  composedLayout,
  documentBlocks,
  editOne,
  excerpt,
  LAYOUT_VARIANTS,
  tabText,
  typo,
} from './test-support/variants.js';
import type { ImportOptions } from './types.js';

/*
 * Generated variants of the fixtures and random reports in layouts the readers were not written against
 * (test-support/variants.ts). What is measured per class: cells right (equal to the report's, a blank read as
 * blank included) out of 200, and cells wrong — a number that is not the report's. Wrong must be 0 everywhere:
 * a cell the importer cannot read is missing with a note, never guessed. And an import never yields JSON that
 * the model's validator refuses.
 */

// FC_SEED=<n> replays a run (the seed is in the suite's title).
const SEED = Number(process.env.FC_SEED ?? Date.now() % 1_000_000);
const REPORTS: [string, Report][] = [
  ['seed', seedReport],
  ['busy', busyReport],
  ...fc
    .sample(randomReport, { numRuns: 4, seed: SEED })
    .map((r, i): [string, Report] => [`random ${i + 1}`, r]),
];
const ADDRESSES = statutoryCells().map((c) => c.address);

interface Score {
  right: number;
  wrong: string[];
}

function score(
  text: string,
  truth: Report,
  label: string,
  options: ImportOptions = {},
  addresses: readonly string[] = ADDRESSES,
): Score {
  const result = importReport(text, { kind: 'auto', ...options });
  if (!result.ok) return { right: 0, wrong: [] };
  // What import writes must be what validate accepts.
  const parsed = parseReport(JSON.parse(JSON.stringify(result.report)));
  expect(parsed.ok, `${label}: ${JSON.stringify(parsed.ok ? '' : parsed)}`.slice(0, 400)).toBe(true);
  // An agency read from the text is the report's or the part of it the body uses (头闸镇人民政府), never another.
  if (!options.meta?.agency)
    expect(truth.meta.agency, `${label}: agency`).toContain(result.report.meta.agency);
  let right = 0;
  const wrong: string[] = [];
  for (const address of addresses) {
    const got = readCell(result.report, address);
    const want = readCell(truth, address);
    if (got === want) right++;
    else if (got !== null) wrong.push(`${address}: ${got} (is ${want})`);
  }
  return { right, wrong };
}

const measured: string[] = [];

describe(`layout variants (fast-check seed ${SEED})`, () => {
  for (const variant of LAYOUT_VARIANTS) {
    it(`${variant.name}: never a wrong number`, () => {
      let right = 0;
      for (const [name, report] of REPORTS) {
        const s = score(variant.write(documentBlocks(report)), report, `${variant.name} / ${name}`);
        expect(s.wrong, `${variant.name} / ${name}`).toEqual([]);
        right += s.right;
      }
      measured.push(`${variant.name}: ${right}/${REPORTS.length * 200}`);
      // Measured 1200/1200 for every class (six reports); the floor leaves room for a random report's edge case.
      expect(right).toBeGreaterThanOrEqual(REPORTS.length * 200 * 0.99);
    });
  }

  it('a web excerpt holding one table: that table read, never a wrong number, valid JSON or a refusal', () => {
    for (const [part, table] of [
      ['二、', 't2'],
      ['三、', 't3'],
      ['四、', 't4'],
    ] as const) {
      // The excerpt has no title: the year and agency are given, as `nianbao import --year --agency` does.
      const options = { meta: { year: 2023, agency: '某县测试局' } };
      const addresses = ADDRESSES.filter((a) => a.startsWith(`${table}.`));
      let right = 0;
      for (const [name, report] of REPORTS) {
        const text = tabText(excerpt(documentBlocks(report), part));
        const s = score(text, report, `excerpt ${part} / ${name}`, options, addresses);
        expect(s.wrong, `excerpt ${part} / ${name}`).toEqual([]);
        // Without the options the excerpt is refused (no year), never written with a made-up one.
        const bare = importReport(text);
        if (bare.ok) expect(parseReport(JSON.parse(JSON.stringify(bare.report))).ok).toBe(true);
        right += s.right;
      }
      measured.push(`excerpt ${part}: ${right}/${REPORTS.length * addresses.length}`);
      expect(right).toBe(REPORTS.length * addresses.length);
    }
  });

  it('a one-character typo in any row label or part heading: never a wrong number', () => {
    let right = 0;
    let runs = 0;
    fc.assert(
      fc.property(
        fc.constantFrom(...REPORTS),
        fc.nat(),
        fc.nat(40),
        fc.constantFrom('swap' as const, 'drop' as const, 'add' as const),
        ([name, report], pick, at, kind) => {
          const { blocks, edited } = editOne(documentBlocks(report), pick, (t) => typo(t, at, kind));
          const s = score(tabText(blocks), report, `typo ${kind} in ${edited} / ${name}`);
          expect(s.wrong, `typo ${kind}@${at} in ${edited} / ${name}`).toEqual([]);
          right += s.right;
          runs++;
        },
      ),
      { numRuns: 60 },
    );
    measured.push(`typo: ${right}/${runs * 200}`);
    // Measured 11,978–11,991 of 12,000: a typo can make a label too far from every statute label to place.
    expect(right).toBeGreaterThanOrEqual(runs * 200 * 0.98);
    console.log(`cells right per layout class:\n${measured.join('\n')}`);
  });

  it('every axis at once (headings × brackets × characters × table layout × title or none): never a wrong number', () => {
    let right = 0;
    let runs = 0;
    fc.assert(
      fc.property(
        fc.constantFrom(...REPORTS),
        fc.record({
          headings: fc.constantFrom(
            'plain' as const,
            'markdown' as const,
            'bold' as const,
            'arabic' as const,
          ),
          brackets: fc.constantFrom('full' as const, 'half' as const, 'none' as const),
          traditional: fc.boolean(),
          tables: fc.constantFrom(
            'tsv' as const,
            'pipe' as const,
            'cell-per-line' as const,
            'blank-separated' as const,
            'slash' as const,
          ),
          title: fc.boolean(),
        }),
        ([name, report], choice) => {
          const s = score(
            composedLayout(documentBlocks(report), choice),
            report,
            `${JSON.stringify(choice)} / ${name}`,
          );
          expect(s.wrong, `${JSON.stringify(choice)} / ${name}`).toEqual([]);
          right += s.right;
          runs++;
        },
      ),
      { numRuns: 40 },
    );
    console.log(`composed layouts: ${right}/${runs * 200}`);
    expect(right).toBeGreaterThanOrEqual(runs * 200 * 0.99);
  });
});
