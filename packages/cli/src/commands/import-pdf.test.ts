import { copyFile, mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { busyReport, seedReport } from '@nianbao/model/fixtures';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { run } from '../../test/fake-io.js';

const SLOW = 120_000;

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'nianbao-import-pdf-'));
  await writeFile(join(dir, 'seed.json'), JSON.stringify(seedReport));
  await writeFile(join(dir, 'busy.json'), JSON.stringify(busyReport));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('PDFs and mixed folders in', () => {
  it(
    'nianbao import report.pdf reads back what render wrote, every cell',
    async () => {
      const rendered = await run(['render', 'seed.json', '-o', 'report.pdf'], { cwd: dir });
      expect(rendered.code, rendered.stderr).toBe(0);
      const imported = await run(['import', 'report.pdf', '-o', 'back.json'], { cwd: dir });
      expect(imported.code, imported.stderr).toBe(0);
      expect(imported.stderr).toContain('200 read, 0 inferred, 0 missing');
      expect(imported.stderr).toContain('t2=pdf t3=pdf t4=pdf');
      const back = JSON.parse(await readFile(join(dir, 'back.json'), 'utf8'));
      expect([back.t2, back.t3, back.t4]).toEqual([seedReport.t2, seedReport.t3, seedReport.t4]);
    },
    SLOW,
  );

  it(
    'the format is told from the bytes: a PDF named .txt is still read as a PDF',
    async () => {
      await run(['render', 'seed.json', '-o', 'named.pdf'], { cwd: dir });
      await copyFile(join(dir, 'named.pdf'), join(dir, 'misnamed.txt'));
      const imported = await run(['import', 'misnamed.txt'], { cwd: dir });
      expect(imported.code, imported.stderr).toBe(0);
      expect(imported.stderr).toContain('t2=pdf');
    },
    SLOW,
  );

  it(
    'nianbao audit takes a folder mixing PDF, DOCX, HTML and text, and names what it cannot read',
    async () => {
      const mixed = join(dir, 'mixed');
      await mkdir(mixed);
      expect((await run(['render', 'seed.json', '-o', 'mixed/a.pdf'], { cwd: dir })).code).toBe(0);
      expect((await run(['render', 'busy.json', '-o', 'mixed/b.docx'], { cwd: dir })).code).toBe(0);
      expect((await run(['html', 'busy.json', '-o', 'mixed/c.html'], { cwd: dir })).code).toBe(0);
      await writeFile(join(mixed, 'd.xlsx'), 'PK\u0003\u0004 not really a workbook');
      await writeFile(join(mixed, 'notes.json'), '{}');
      const result = await run(['audit', 'mixed'], { cwd: dir });
      for (const name of ['a.pdf', 'b.docx', 'c.html'])
        expect(result.stdout).toMatch(new RegExp(`✓ mixed/${name}`));
      // A damaged zip named .xlsx is listed with the reason, not skipped.
      expect(result.stdout).toMatch(/✗ mixed\/d\.xlsx .*(?:损坏|damaged)/);
      expect(result.stdout).toContain('4 file(s): 3 imported, 1 not imported');
      expect(result.stdout).not.toContain('notes.json');
    },
    SLOW,
  );
});
