import { copyFile, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseReport, type Report } from '@nianbao/model';
import { seedReport } from '@nianbao/model/fixtures';
import { renderReportHtml } from '@nianbao/react/server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { run, STACK_LINE } from '../../test/fake-io.js';

const CORPUS = join(import.meta.dirname, '..', '..', '..', 'import', 'fixtures', 'corpus');

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'nianbao-import-'));
  await copyFile(join(CORPUS, '013-shuyang-fgj-2023-html-tsv.txt'), join(dir, '013.txt'));
  await copyFile(join(CORPUS, '012-pingtan-2020-FORMAT2019.txt'), join(dir, '012.txt'));
  await writeFile(join(dir, 'seed.html'), renderReportHtml(seedReport));
  await writeFile(join(dir, 'binary.pdf'), new Uint8Array([0x25, 0x50, 0x44, 0x46, 0, 1, 2, 3]));
  await writeFile(join(dir, 'notice.html'), '<html><body><p>通知：今天停电。</p></body></html>');
  await writeFile(join(dir, 'empty.txt'), '');
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

function parsed(text: string): Report {
  const result = parseReport(JSON.parse(text));
  if (!result.ok) throw new Error(JSON.stringify(result.errors));
  return result.report;
}

describe('import', () => {
  it('prints report JSON on stdout and the reading on stderr', async () => {
    const result = await run(['import', '013.txt'], { cwd: dir });
    expect(result.code).toBe(0);
    const report = parsed(result.stdout);
    expect(report.meta.agency).toBe('沭阳县发展和改革局');
    expect(report.t3.received.total).toBe(26);
    expect(report.t3.received.commercial).toBeNull();
    expect(result.stderr).toContain('013.txt');
    expect(result.stderr).toMatch(/读取 75/);
    expect(result.all).not.toMatch(STACK_LINE);
  });

  it('counts the checks its blank 法人 columns leave undecided in one line; --verbose lists them', async () => {
    const short = await run(['import', '013.txt', '--lang', 'en'], { cwd: dir });
    expect(short.stderr).toMatch(
      /^ {2}\? 35 checks undecided \(t3-balance ×5, t3-results-total ×5, t3-row-total ×25\)/m,
    );
    expect(short.stderr).not.toContain('(uncertain)');
    expect(short.stderr.split('\n').length).toBeLessThan(15);
    const verbose = await run(['import', '013.txt', '--lang', 'en', '--verbose'], { cwd: dir });
    expect(verbose.stderr.match(/\? error \(uncertain\)/g)).toHaveLength(35);
    expect(verbose.stdout).toBe(short.stdout);
  });

  it('writes -o and gives back the tables of a page rendered by nianbao html', async () => {
    const result = await run(['import', 'seed.html', '-o', 'seed.json'], { cwd: dir });
    expect(result.code).toBe(0);
    expect(result.stdout).toBe('');
    const report = parsed(await readFile(join(dir, 'seed.json'), 'utf8'));
    expect({ t2: report.t2, t3: report.t3, t4: report.t4 }).toEqual({
      t2: seedReport.t2,
      t3: seedReport.t3,
      t4: seedReport.t4,
    });
    expect(report.sections).toEqual(seedReport.sections);
  });

  it('says the 2019 format was found', async () => {
    const result = await run(['import', '012.txt', '--lang', 'en'], { cwd: dir });
    expect(result.stderr).toContain('format-legacy');
    expect(result.stderr).toContain('2019 format');
    expect(parsed(result.stdout).t3.results.other.other.total).toBeNull();
  });

  it('refuses binary, empty, missing and table-less input with exit 2 and a clear message', async () => {
    for (const [file, words] of [
      ['binary.pdf', 'NUL'],
      ['empty.txt', '输入为空'],
      ['nope.txt', '文件不存在'],
      ['notice.html', 'no annual-report tables'],
    ] as const) {
      const result = await run(['import', file], { cwd: dir });
      expect(result.code, file).toBe(2);
      expect(result.stdout).toBe('');
      expect(result.stderr).toContain(file);
      expect(result.stderr).toContain(words);
      expect(result.all).not.toMatch(STACK_LINE);
    }
  });

  it('rejects a bad --kind and a missing FILE as usage errors', async () => {
    expect((await run(['import', '013.txt', '--kind', 'pdf'], { cwd: dir })).code).toBe(2);
    expect((await run(['import'], { cwd: dir })).code).toBe(2);
  });
});
