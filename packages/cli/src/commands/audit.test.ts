import { readdirSync } from 'node:fs';
import { copyFile, mkdir, mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { run, STACK_LINE } from '../../test/fake-io.js';
import { auditCsv } from './audit.js';

const CORPUS = join(import.meta.dirname, '..', '..', '..', 'import', 'fixtures', 'corpus');
const TEXTS = readdirSync(CORPUS).filter((name) => name.endsWith('.txt'));

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'nianbao-audit-'));
  await mkdir(join(dir, 'reports'));
  for (const name of TEXTS) await copyFile(join(CORPUS, name), join(dir, 'reports', name));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('audit', () => {
  it('prints one line per report and a summary, and writes a CSV', async () => {
    const result = await run(['audit', 'reports', '--csv', 'out.csv', '--lang', 'en'], { cwd: dir });
    const lines = result.stdout.trim().split('\n');
    expect(lines).toHaveLength(TEXTS.length + 1);
    const legacy = lines.find((line) => line.includes('012-pingtan-2020'));
    expect(legacy).toContain('平潭综合实验区');
    expect(legacy).toContain(' 2020 ');
    expect(legacy).toContain(' 2019 ');
    expect(lines.find((line) => line.includes('010-huaian'))).toContain(
      '淮安市人民政府  2024  2021  0 error(s)',
    );
    expect(lines.at(-1)).toContain(`${TEXTS.length} file(s): ${TEXTS.length} imported`);
    expect([0, 1]).toContain(result.code);
    expect(result.stderr).not.toContain('\r');
    const csv = await readFile(join(dir, 'out.csv'), 'utf8');
    const rows = csv
      .replace(/^\uFEFF/, '')
      .trim()
      .split('\r\n');
    expect(rows[0]).toBe('file,ok,agency,year,format,layouts,errors,warnings,read,inferred,missing,reason');
    expect(rows).toHaveLength(TEXTS.length + 1);
  });

  it('shows a progress bar only on a terminal', async () => {
    const { code, stderr } = await run(['audit', join(CORPUS, TEXTS[0] as string)], {
      cwd: dir,
      stderrTty: true,
    });
    expect([0, 1]).toContain(code);
    expect(stderr).toContain('1/1');
    // The bar is erased before the report is printed.
    expect(stderr.endsWith('\r\u001b[K')).toBe(true);
  });

  it('advances the progress bar once per file on a terminal', async () => {
    const { stderr } = await run(['audit', 'reports', '--jobs', '2'], { cwd: dir, stderrTty: true });
    const counts = [...stderr.matchAll(/\] (\d+)\//g)].map((m) => Number(m[1]));
    expect(counts).toEqual(Array.from({ length: TEXTS.length + 1 }, (_, i) => i));
  }, 60_000);

  it('reports a file it cannot import and exits 2', async () => {
    const result = await run(['audit', join(CORPUS, TEXTS[0] as string), 'missing.txt'], { cwd: dir });
    expect(result.code).toBe(2);
    expect(result.stdout).toContain('missing.txt');
    expect(result.stdout).toContain('文件不存在');
    expect(result.all).not.toMatch(STACK_LINE);
  });

  it('keeps the input order and the same lines whatever the number of workers', async () => {
    // Given in reverse with an unreadable file in the middle: workers finish in any order, lines must not.
    const files = [...TEXTS].reverse().map((name) => join('reports', name));
    files.splice(3, 0, 'missing.txt');
    const parallel = await run(['audit', ...files, '--jobs', '2', '--lang', 'en'], { cwd: dir });
    const serial = await run(['audit', ...files, '--jobs', '1', '--lang', 'en'], { cwd: dir });
    const named = parallel.stdout
      .trim()
      .split('\n')
      .slice(0, -1)
      .map((line) => line.split(/\s+/)[1]);
    expect(named).toEqual(files);
    expect(parallel.stdout).toBe(serial.stdout);
    expect(parallel.code).toBe(2);
    expect(serial.code).toBe(2);
  }, 60_000);

  it('refuses a --jobs that is not a positive whole number', async () => {
    for (const jobs of ['0', '-1', '1.5', 'many']) {
      const result = await run(['audit', 'reports', '--jobs', jobs], { cwd: dir });
      expect(result.code).toBe(2);
      expect(result.stderr).toContain('--jobs');
      expect(result.all).not.toMatch(STACK_LINE);
    }
  });

  it('quotes CSV fields and defuses spreadsheet formulas', () => {
    const csv = auditCsv([
      {
        file: '=cmd|"x"',
        ok: false,
        agency: 'a,b',
        year: null,
        format: '',
        layouts: '',
        errors: 0,
        warnings: 0,
        read: 0,
        inferred: 0,
        missing: 200,
        reason: 'line\nbreak',
      },
    ]);
    expect(csv).toContain(`"'=cmd|""x""",false,"a,b",`);
    expect(csv).toContain('"line\nbreak"');
  });
});
