import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { renderReportDocx } from '@nianbao/docx';
import type { Report } from '@nianbao/model';
import { busyReport, seedReport } from '@nianbao/model/fixtures';
import * as CFB from 'cfb';
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { docToHtml } from './doc.js';
import { importDocument, importReport } from './import-report.js';
import { importFile } from './pool.js';
import { convertDocx } from './test-support/libreoffice.js';
import { cells, narrative, narrativeText, randomReport } from './test-support/random-report.js';

/*
 * Word 97–2003 files made by a word processor: the DOCX @nianbao/docx writes (merged cells as gridSpan/vMerge,
 * as Word lays these tables out) saved as .doc by LibreOffice, then read back from the bytes.
 */

const RANDOM_SEED = Date.now() % 1_000_000;
const randoms: Report[] = fc.sample(randomReport, { numRuns: 6, seed: RANDOM_SEED });
const reports: [string, Report][] = [
  ['seed', seedReport],
  ['busy', busyReport],
  ...randoms.map((r, i): [string, Report] => [`random ${i + 1} (fast-check seed ${RANDOM_SEED})`, r]),
];
let docs: Uint8Array[] = [];
let docxs: Uint8Array[] = [];

beforeAll(async () => {
  docxs = await Promise.all(reports.map(([, r]) => renderReportDocx(r, { onWarning: () => {} })));
  docs = convertDocx(docxs, 'doc');
}, 240_000);

function imported(bytes: Uint8Array): Extract<ReturnType<typeof importReport>, { ok: true }> {
  const result = importReport(bytes);
  if (!result.ok) throw new Error(JSON.stringify(result.notes));
  return result;
}

describe('DOC import: renderReportDocx → LibreOffice "MS Word 97" → importReport', () => {
  it('seed, busy and random reports: every cell identical, narrative text identical after whitespace removal', () => {
    for (const [i, [name, report]] of reports.entries()) {
      const bytes = docs[i] as Uint8Array;
      expect([...bytes.subarray(0, 4)], name).toEqual([0xd0, 0xcf, 0x11, 0xe0]);
      const result = imported(bytes);
      expect(result.layouts, name).toEqual({ t2: 'html', t3: 'html', t4: 'html' });
      expect(result.confidence.inferred, name).toEqual([]);
      expect(cells(result.report), name).toEqual(cells(report));
      expect(narrativeText(result.report), name).toEqual(narrativeText(report));
      // Headings (from Word's heading styles) and bold lead-ins (direct bold) as the DOCX gives them.
      expect(narrative(result.report), name).toEqual(narrative(report));
      expect(result.notes[0]?.code, name).toBe('input-format');
      expect(result.notes[0]?.message.en, name).toMatch(/legacy Word file \(\.doc.*with 3 tables/);
      // The meta is read from the same text as the DOCX's.
      const docx = imported(docxs[i] as Uint8Array);
      expect(result.report.meta, name).toEqual(docx.report.meta);
    }
  });

  it('keeps the tables as tables: merged labels on one grid, empty cells kept, part headings as headings', () => {
    const reading = docToHtml(docs[0] as Uint8Array);
    if (!reading.ok) throw new Error(JSON.stringify(reading.note));
    expect(reading.tables).toBe(3);
    // 表三 on one grid of 10 columns: the corner spans the three label columns and the three header rows,
    // 三、本年度办理结果 its 22 rows, 申请人情况 the seven value columns.
    expect(reading.html).toContain('<td colspan="3" rowspan="3">（本列数据的勾稽关系为');
    expect(reading.html).toContain('<td rowspan="22">三、本年度办理结果</td>');
    expect(reading.html).toContain('<td colspan="7">申请人情况</td>');
    expect(reading.html).toMatch(/<h2>三、收到和处理政府信息公开申请情况<\/h2>/);
    const rows = reading.html.match(/<tr>/g) ?? [];
    expect(rows.length).toBeGreaterThan(40);
  });

  it('importDocument and importFile read it as importReport does', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'nianbao-doc-'));
    try {
      const file = join(dir, 'report.doc');
      await writeFile(file, docs[1] as Uint8Array);
      const direct = imported(docs[1] as Uint8Array);
      for (const result of [await importDocument(docs[1] as Uint8Array), await importFile(file)]) {
        expect(result.ok).toBe(true);
        if (result.ok) expect(cells(result.report)).toEqual(cells(direct.report));
      }
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});

/** A copy of the file with the FIB's flags word (offset 10 of the WordDocument stream) changed. */
function withFibFlags(doc: Uint8Array, change: (flags: number) => number): Uint8Array {
  const container = CFB.read(doc, { type: 'buffer' });
  const word = CFB.find(container, 'WordDocument');
  if (!word) throw new Error('no WordDocument stream');
  const content = Uint8Array.from(word.content);
  const flags = change((content[10] as number) | ((content[11] as number) << 8));
  content[10] = flags & 0xff;
  content[11] = flags >> 8;
  word.content = content;
  return new Uint8Array(CFB.write(container, { type: 'buffer' }) as Uint8Array);
}

function expectNote(bytes: Uint8Array, code: string, zh: RegExp, en: RegExp): void {
  const result = importReport(bytes);
  expect(result.ok).toBe(false);
  expect(result.notes[0]?.code).toBe(code);
  expect(result.notes[0]?.message.zh).toMatch(zh);
  expect(result.notes[0]?.message.en).toMatch(en);
}

describe('DOC import: bad files are a located zh/en note, never a crash', () => {
  it('an encrypted .doc (fEncrypted set in its FIB) is refused, saying to remove the password', () => {
    expectNote(
      withFibFlags(docs[0] as Uint8Array, (f) => f | 0x0100),
      'input-unsupported',
      /已加密/,
      /encrypted/,
    );
  });

  it('the FIB saying the table stream is 0Table when the file has only 1Table: damaged, naming the stream', () => {
    expectNote(
      withFibFlags(docs[0] as Uint8Array, (f) => f & ~0x0200),
      'input-unreadable',
      /已损坏.*0Table/,
      /damaged: no 0Table stream/,
    );
  });

  it('an OLE file that is not Word (an Excel 97–2003 workbook, a bare compound file) is named', () => {
    const xls = CFB.utils.cfb_new();
    // A BIFF8 BOF record, as the Workbook stream of an .xls starts.
    CFB.utils.cfb_add(xls, 'Workbook', Uint8Array.from([0x09, 0x08, 0x10, 0, 0, 6, 0x05, 0]));
    expectNote(
      new Uint8Array(CFB.write(xls, { type: 'buffer' }) as Uint8Array),
      'input-binary',
      /旧版 Excel 工作簿（\.xls）/,
      /legacy Excel workbook \(\.xls\)/,
    );
    const bare = CFB.utils.cfb_new();
    CFB.utils.cfb_add(bare, 'Contents', Uint8Array.from([1, 2, 3]));
    expectNote(
      new Uint8Array(CFB.write(bare, { type: 'buffer' }) as Uint8Array),
      'input-binary',
      /不是 Word 文件/,
      /no WordDocument stream/,
    );
  });

  it('a .doc cut at any length: ok with every note in zh and en, or refused with one; never a throw', () => {
    const doc = docs[1] as Uint8Array;
    fc.assert(
      fc.property(fc.integer({ min: 0, max: doc.length - 1 }), (length) => {
        const result = importReport(doc.subarray(0, length));
        for (const note of result.notes) {
          expect(note.message.zh.length).toBeGreaterThan(0);
          expect(note.message.en.length).toBeGreaterThan(0);
        }
        // Shorter than the 8-byte OLE signature the bytes are not told apart from text (and hold no tables).
        if (!result.ok)
          expect(result.notes[0]?.code).toMatch(
            length < 8
              ? /^(?:input-(?:unreadable|binary|empty)|no-tables)$/
              : /^input-(?:unreadable|binary|empty)$/,
          );
      }),
      { numRuns: 40 },
    );
    expectNote(doc.subarray(0, doc.length >> 1), 'input-unreadable', /OLE|\.doc/, /OLE|\.doc/);
  });

  it('bytes overwritten anywhere in the Word streams: never a throw, every note in zh and en', () => {
    const doc = docs[0] as Uint8Array;
    const container = CFB.read(doc, { type: 'buffer' });
    const word = Uint8Array.from(CFB.find(container, 'WordDocument')?.content ?? []);
    const table = Uint8Array.from(CFB.find(container, '1Table')?.content ?? []);
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.boolean(), fc.nat(), fc.integer({ min: 0, max: 255 })), {
          minLength: 1,
          maxLength: 8,
        }),
        (edits) => {
          const w = word.slice();
          const t = table.slice();
          for (const [inWord, at, value] of edits) {
            const target = inWord ? w : t;
            target[at % target.length] = value;
          }
          const copy = CFB.read(doc, { type: 'buffer' });
          (CFB.find(copy, 'WordDocument') as CFB.CFB$Entry).content = w;
          (CFB.find(copy, '1Table') as CFB.CFB$Entry).content = t;
          const result = importReport(new Uint8Array(CFB.write(copy, { type: 'buffer' }) as Uint8Array));
          for (const note of result.notes) {
            expect(note.message.zh.length).toBeGreaterThan(0);
            expect(note.message.en.length).toBeGreaterThan(0);
          }
        },
      ),
      { numRuns: 60 },
    );
  });
});
