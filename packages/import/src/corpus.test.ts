import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { checkReport, type Report, readCell, statutoryCells, writeCell } from '@nianbao/model';
import { afterAll, describe, expect, it } from 'vitest';
import { importReport } from './import-report.js';
import { blocksText } from './narrative.js';
import type { ImportNote, ImportResult } from './types.js';

/*
 * Every real report in fixtures/corpus is imported and compared, cell by cell, with the expected JSON written
 * by hand (independently of this code) beside it, and with its narrative anchors. A cell may differ from the
 * expected value only when the importer flagged it `ambiguous-run` and the expected value is one of the
 * readings it listed (the text alone cannot decide; the expected file took the value from another source).
 */

const DIR = join(import.meta.dirname, '..', 'fixtures', 'corpus');
const FILES = readdirSync(DIR)
  .filter((name) => name.endsWith('.txt'))
  .sort();

/** The corpus files start with a provenance header (source, title) ended by a blank line: not report text. */
/** The agency as a caller would state it, for an excerpt whose body does not name it. */
function callerMeta(name: string): { meta?: { agency: string } } {
  const expected = JSON.parse(readFileSync(join(DIR, name.replace(/\.txt$/, '.expected.json')), 'utf8'));
  return body(name).includes(expected.meta.agency) ? {} : { meta: { agency: expected.meta.agency } };
}

function body(name: string): string {
  const raw = readFileSync(join(DIR, name), 'utf8');
  return raw.slice(raw.indexOf('\n\n') + 2);
}

interface Anchor {
  startsWith: string;
  endsWith: string;
  headings?: string[];
}
type NarrativeExpectation = Partial<Record<'preamble' | 'overview' | 'problems' | 'other', Anchor>>;

/** Checks that are known to fail, with why; each is asserted to still fail so a fix removes its entry. */
const KNOWN_GAPS: Record<string, Record<string, string>> = {};

const squash = (text: string): string => text.replace(/\s+/g, '');
const bareHeading = (text: string): string => squash(text).replace(/[。：:.，,]+$/, '');

function flaggedCandidates(notes: readonly ImportNote[], address: string): number[] {
  const values: number[] = [];
  for (const note of notes) {
    if (note.code !== 'ambiguous-run' || !note.candidates) continue;
    const i = note.cells.indexOf(address);
    if (i < 0) continue;
    for (const candidate of note.candidates) {
      const value = candidate[i];
      if (value !== undefined) values.push(value);
    }
  }
  return values;
}

const accuracy: { file: string; layouts: string; exact: number; flagged: number }[] = [];

afterAll(() => {
  // Per-layout accuracy, for the report in the README and the PR: cells equal to the published value / 200.
  const lines = accuracy.map(
    (row) =>
      `${row.file.padEnd(48)} ${row.layouts.padEnd(40)} ${row.exact}/200 exact, ${row.flagged} flagged ambiguous`,
  );
  console.info(`corpus accuracy\n${lines.join('\n')}`);
});

describe('corpus', () => {
  it('has an expected JSON for every text', () => {
    const missing = FILES.filter((name) => !existsSync(join(DIR, name.replace(/\.txt$/, '.expected.json'))));
    expect(missing, `no expected JSON for: ${missing.join(', ')}`).toEqual([]);
    expect(FILES.length).toBeGreaterThanOrEqual(8);
  });

  for (const file of FILES) {
    const base = file.replace(/\.txt$/, '');
    const gaps = KNOWN_GAPS[base] ?? {};
    describe(base, () => {
      const expectedPath = join(DIR, `${base}.expected.json`);
      const narrativePath = join(DIR, `${base}.narrative.json`);
      let result: ImportResult | undefined;
      const imported = (): Extract<ImportResult, { ok: true }> => {
        // An excerpt that names no agency (019's body says only 我局) is imported with the agency stated by
        // the caller, as `nianbao import --agency` does; the year always comes from the text.
        result ??= importReport(body(file), callerMeta(file));
        if (!result.ok) throw new Error(`${file} did not import: ${JSON.stringify(result.notes)}`);
        return result;
      };

      it('imports every statutory cell as published', () => {
        if (!existsSync(expectedPath)) throw new Error(`missing ${expectedPath}`);
        const expected = JSON.parse(readFileSync(expectedPath, 'utf8')) as Report;
        const { report, notes, layouts } = imported();
        let exact = 0;
        let flagged = 0;
        const wrong: string[] = [];
        for (const cell of statutoryCells()) {
          const want = readCell(expected, cell.address);
          const got = readCell(report, cell.address);
          if (got === want) {
            exact++;
            continue;
          }
          if (typeof want === 'number' && flaggedCandidates(notes, cell.address).includes(want)) {
            flagged++;
            continue;
          }
          wrong.push(`${cell.address}: expected ${String(want)}, got ${String(got)}`);
        }
        accuracy.push({ file: base, layouts: JSON.stringify(layouts), exact, flagged });
        expect(wrong).toEqual([]);
      });

      it('reads the meta the text gives', () => {
        const expected = JSON.parse(readFileSync(expectedPath, 'utf8')) as Report;
        const { meta } = imported().report;
        expect(meta.year).toBe(expected.meta.year);
        // The agency is compared where the text names it (007's header names 上海市科学技术委员会; the text
        // says 市科委; 019 never names its body).
        if (body(file).includes(expected.meta.agency)) expect(meta.agency).toBe(expected.meta.agency);
        expect(meta.kind).toBe(expected.meta.kind);
        expect(meta.publishedAt).toBe(expected.meta.publishedAt);
        expect(meta.contact).toEqual(expected.meta.contact);
        expect(meta.title).toBe(expected.meta.title);
      });

      it('finds the narrative parts', () => {
        const expectation = JSON.parse(readFileSync(narrativePath, 'utf8')) as NarrativeExpectation;
        const { report } = imported();
        const failures: Record<string, string> = {};
        for (const part of ['preamble', 'overview', 'problems', 'other'] as const) {
          const want = expectation[part];
          const blocks = part === 'preamble' ? undefined : report.sections?.[part];
          const text =
            part === 'preamble' ? (report.preamble ?? []).join('') : blocksText(blocks).replace(/\n/g, '');
          if (!want) continue;
          if (!squash(text).startsWith(squash(want.startsWith))) {
            failures[`${part}.startsWith`] = `${text.slice(0, 40)}…`;
          }
          if (!squash(text).endsWith(squash(want.endsWith)))
            failures[`${part}.endsWith`] = `…${text.slice(-40)}`;
          if (want.headings) {
            const got = (blocks ?? [])
              .filter((block) => block.type === 'heading' && block.level === 2)
              .map((block) => bareHeading(block.text));
            if (JSON.stringify(got) !== JSON.stringify(want.headings.map(bareHeading))) {
              failures[`${part}.headings`] = got.join(' / ');
            }
          }
        }
        for (const key of Object.keys(gaps)) expect(failures, `known gap fixed? ${key}`).toHaveProperty(key);
        for (const key of Object.keys(gaps)) delete failures[key];
        expect(failures).toEqual({});
      });
    });
  }
});

describe('corpus facts', () => {
  it('flags 012 (平潭 2020) as the 2019 format and finds its published arithmetic error', () => {
    const result = importReport(body('012-pingtan-2020-FORMAT2019.txt'));
    if (!result.ok) throw new Error('012 did not import');
    const codes = result.notes.map((note) => note.code);
    expect(codes).toContain('format-legacy');
    // The one-row （六） cannot be booked to the 2021 sub-rows, so checkReport can only call T3-R2 uncertain…
    const results = result.findings.filter((f) => f.rule === 't3-results-total');
    expect(results.map((f) => f.status)).toContain('uncertain');
    // …the importer checks it with the one-row （六）: 自然人 26 ≠ 20, 总计 27 ≠ 21…
    const legacy = result.notes.filter((note) => note.code === 'legacy-arithmetic');
    expect(legacy.map((note) => [note.cells[0], note.candidates?.[0]])).toEqual([
      ['t3.results.total.naturalPerson', [20, 26]],
      ['t3.results.total.total', [21, 27]],
    ]);
    // …and checkReport fails it as soon as the single row is booked anywhere in （六）.
    let whatIf: Report = result.report;
    for (const cell of statutoryCells()) {
      if (!cell.address.startsWith('t3.results.other.')) continue;
      const column = cell.address.split('.').pop();
      const single = column === 'naturalPerson' || column === 'total' ? 4 : 0;
      whatIf = writeCell(whatIf, cell.address, cell.address.includes('.other.other.') ? single : 0);
    }
    const failed = checkReport(whatIf).filter((f) => f.rule === 't3-results-total' && f.status === 'fail');
    expect(failed.flatMap((f) => [f.expected, f.actual]).sort()).toEqual([20, 21, 26, 27]);
  });

  it('imports what the excerpts contain and invents nothing else', () => {
    for (const file of FILES.filter((name) => name.includes('EXCERPT'))) {
      const expected = JSON.parse(readFileSync(join(DIR, file.replace(/\.txt$/, '.expected.json')), 'utf8'));
      const result = importReport(body(file), callerMeta(file));
      if (!result.ok) throw new Error(`${file} did not import`);
      for (const cell of statutoryCells()) {
        if (readCell(expected, cell.address) === null) {
          expect(readCell(result.report, cell.address), `${file} ${cell.address}`).toBeNull();
        }
      }
      expect(result.confidence.missing.length).toBeGreaterThan(150);
      expect(result.notes.some((note) => note.code === 'missing-table')).toBe(true);
    }
  });

  it('keeps blank cells blank (013 leaves every 法人 cell empty)', () => {
    const result = importReport(body('013-shuyang-fgj-2023-html-tsv.txt'));
    if (!result.ok) throw new Error('013 did not import');
    expect(result.report.t3.received.commercial).toBeNull();
    expect(result.report.t3.results.total.otherOrg).toBeNull();
    expect(result.confidence.missing).toHaveLength(125);
  });
});
