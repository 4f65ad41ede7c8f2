import { copyFile, mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { isRegionAudit, type RegionAudit } from '@nianbao/model';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { run, STACK_LINE } from '../../test/fake-io.js';
import { DATASET_COLUMNS } from './audit-dataset.js';

const CORPUS = join(import.meta.dirname, '..', '..', '..', 'import', 'fixtures', 'corpus');
const FILES = [
  '001-pingtan-2021.txt',
  '007-shanghai-stcsm-2024-pdf-md.txt',
  '010-huaian-city-2024-pdftotext-layout.txt',
  '013-shuyang-fgj-2023-html-tsv.txt',
];

/*
 * 平潭综合实验区 is listed as a 部门 here although its report says 人民政府: the list decides the deadline
 * (31 January), so its report of 8 February is late. 淮安市人民政府 is not in the list; 某县教育局 sent nothing.
 * 上海市科学技术委员会's report calls it 上海市科委: the list gives that as its alias (别名).
 */
const UNITS =
  '单位名称,统一社会信用代码,类型,本级,别名\r\n' +
  '平潭综合实验区,A1,部门,是,\r\n' +
  '沭阳县 发展和改革局,A2,部门,,\r\n' +
  '上海市科学技术委员会,A3,部门,,上海市科委\r\n' +
  '某县教育局,A4,部门,,\r\n';

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'nianbao-audit-expected-'));
  await mkdir(join(dir, 'reports'));
  for (const name of FILES) await copyFile(join(CORPUS, name), join(dir, 'reports', name));
  await writeFile(join(dir, 'units.csv'), `\uFEFF${UNITS}`);
  // The same list as Excel saves it on a Chinese Windows: GBK, no BOM.
  await writeFile(join(dir, 'units-gbk.csv'), gbk(UNITS));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

function gbk(text: string): Uint8Array {
  const decoder = new TextDecoder('gb18030');
  const table = new Map<string, number[]>();
  for (let hi = 0x81; hi <= 0xfe; hi++)
    for (let lo = 0x40; lo <= 0xfe; lo++) {
      const ch = decoder.decode(new Uint8Array([hi, lo]));
      if (!table.has(ch)) table.set(ch, [hi, lo]);
    }
  const out: number[] = [];
  for (const ch of text) {
    const code = ch.charCodeAt(0);
    if (code < 0x80) out.push(code);
    else {
      const bytes = table.get(ch);
      if (!bytes) throw new Error(`not in GBK: ${ch}`);
      out.push(...bytes);
    }
  }
  return new Uint8Array(out);
}

async function audit(
  args: string[],
): Promise<{ code: number; stdout: string; stderr: string; audit: RegionAudit }> {
  const result = await run(['audit', 'reports', '--json', 'audit.json', '--lang', 'en', ...args], {
    cwd: dir,
  });
  const json = JSON.parse(await readFile(join(dir, 'audit.json'), 'utf8')) as RegionAudit;
  return { ...result, audit: json };
}

describe('audit --expected', () => {
  it('says who is missing, who is late and which files match no unit, in the JSON and on stdout', async () => {
    const { stdout, audit: doc } = await audit(['--expected', 'units.csv']);
    expect(isRegionAudit(doc)).toBe(true);
    expect(doc.expected?.units.map((u) => [u.name, u.status])).toEqual([
      ['平潭综合实验区', 'late'],
      ['沭阳县 发展和改革局', 'on-time'],
      ['上海市科学技术委员会', 'no-date'],
      ['某县教育局', 'missing'],
    ]);
    expect(doc.expected?.units[0]).toMatchObject({
      deadline: '2022-01-31',
      publishedAt: '2022-02-08',
      daysLate: 8,
    });
    expect(doc.expected?.unmatched.map((u) => u.agency)).toEqual(['淮安市人民政府']);
    expect(stdout).toContain(
      '4 unit(s) expected: 3 reported, 1 missing, 1 late, 1 without a date; 1 file(s) match no unit',
    );
    expect(stdout).toContain('missing: 某县教育局');
    expect(stdout).toContain('late: 平潭综合实验区');
    expect(stdout).toContain(
      'not in the list: 淮安市人民政府 (reports/010-huaian-city-2024-pdftotext-layout.txt)',
    );
  });

  it('takes the deadlines of --rulepack, and refuses a rulepack that cannot be parsed, located', async () => {
    await writeFile(
      join(dir, 'pack.json'),
      JSON.stringify({ rulepack: 1, name: '宽限', deadlines: { department: '02-15' } }),
    );
    const { audit: doc } = await audit(['--expected', 'units.csv', '--rulepack', 'pack.json']);
    expect(doc.expected?.units[0]).toMatchObject({ status: 'on-time', deadline: '2022-02-15' });
    expect(doc.reports[0]?.scorecard?.rulepack).toBe('宽限');
    await writeFile(
      join(dir, 'bad-pack.json'),
      JSON.stringify({ rulepack: 1, name: 'x', deadlines: { department: '2-15' } }),
    );
    const bad = await run(['audit', 'reports', '--rulepack', 'bad-pack.json', '--lang', 'en'], { cwd: dir });
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('bad-pack.json: deadlines.department');
  });

  it('reads the list saved as GBK the same', async () => {
    const utf8 = (await audit(['--expected', 'units.csv'])).audit.expected;
    const fromGbk = (await audit(['--expected', 'units-gbk.csv'])).audit.expected;
    expect(fromGbk).toEqual(utf8);
  });

  it('keeps the unit marked 本级, or the report named by --own, apart from the others', async () => {
    const marked = (await audit(['--expected', 'units.csv'])).audit;
    expect(marked.own).toMatchObject({
      identifiedBy: 'units',
      agency: '平潭综合实验区',
      file: 'reports/001-pingtan-2021.txt',
    });
    expect(marked.own?.others?.members).toHaveLength(FILES.length - 1);
    const named = (await audit(['--own', '013-shuyang-fgj-2023-html-tsv.txt'])).audit;
    expect(named.own).toMatchObject({ identifiedBy: 'option', agency: '沭阳县发展和改革局' });
    expect(named.rollUp.members).toHaveLength(FILES.length);
  });

  it('refuses a bad list with every problem located, and an --own that matches nothing', async () => {
    await writeFile(join(dir, 'bad.csv'), '名称,类型\n教育局,局\n"财政局\n');
    const bad = await run(['audit', 'reports', '--expected', 'bad.csv', '--lang', 'en'], { cwd: dir });
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain(
      'bad.csv:2:5: line 2, column 5: the kind “局” must be 人民政府/government, 部门/department or 其他/other',
    );
    expect(bad.stderr).toContain('bad.csv:3:1: line 3, column 1: the quoted field is never closed');
    expect(bad.stderr).not.toMatch(STACK_LINE);
    const none = await run(['audit', 'reports', '--own', '无此单位', '--lang', 'zh'], { cwd: dir });
    expect(none.code).toBe(2);
    expect(none.stderr).toContain('--own "无此单位" 与任何已读取的报告');
    const missing = await run(['audit', 'reports', '--expected', 'nope.csv', '--lang', 'en'], { cwd: dir });
    expect(missing.stderr).toContain('cannot read the unit list nope.csv');
  });
});

describe('audit --xlsx from the command line', () => {
  it('writes a workbook with the overview, the units, a sheet per report and the roll-ups', async () => {
    const { default: ExcelJS } = await import('exceljs');
    const { audit: doc } = await audit(['--expected', 'units.csv', '--xlsx', 'audit.xlsx']);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(
      new Uint8Array(await readFile(join(dir, 'audit.xlsx'))).slice().buffer as ArrayBuffer,
    );
    expect(book.worksheets.map((sheet) => sheet.name)).toEqual([
      '总览 overview',
      '应报单位 units',
      ...doc.reports.map((report) => report.agency),
      '本行政区域汇总',
      '本行政区域汇总（不含本级）',
    ]);
    const units = book.getWorksheet('应报单位 units');
    expect(units?.getCell('A5').value).toBe('某县教育局');
    expect(units?.getCell('D5').value).toBe('未报送 missing');
  });
});

describe('audit --dataset and --notices', () => {
  it('writes one dataset row per report read and statutory cell, blanks flagged and empty', async () => {
    const { audit: doc } = await audit(['--dataset', 'data.csv']);
    const text = await readFile(join(dir, 'data.csv'), 'utf8');
    expect(text.startsWith('\uFEFF')).toBe(true);
    const rows = text.slice(1).trimEnd().split('\r\n');
    expect(rows[0]).toBe(DATASET_COLUMNS.join(','));
    const read = doc.reports.filter((r) => r.report);
    expect(rows).toHaveLength(1 + read.length * 200);
    const received = rows.find(
      (row) => row.startsWith('平潭综合实验区,') && row.includes(',t3.received.total,'),
    );
    const report = read.find((r) => r.agency === '平潭综合实验区')?.report;
    expect(received?.split(',').slice(-2)).toEqual([String(report?.t3.received.total), '0']);
    for (const row of rows.slice(1)) {
      const [value, blank] = row.split(',').slice(-2);
      expect(blank === '1' ? value === '' : value !== '' && Number.isFinite(Number(value))).toBe(true);
    }
  });

  it('writes one notice per report that does not pass, with safe names, in the chosen language', async () => {
    const { audit: doc } = await audit(['--notices', 'notices/zh', '--lang', 'zh']);
    const failing = doc.reports.filter((r) => r.status !== 'pass');
    const names = (await readdir(join(dir, 'notices', 'zh'))).sort();
    expect(names).toHaveLength(failing.length);
    for (const name of names) expect(name).toMatch(/^\d{3}-[^/\\:*?"<>|]+\.md$/);
    const first = await readFile(join(dir, 'notices', 'zh', names[0] as string), 'utf8');
    expect(first).toMatch(/^# 整改通知：/);
    expect(first).toContain('1. [');
  });
});
