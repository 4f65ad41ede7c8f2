import { spawnSync } from 'node:child_process';
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { busyReport } from '@nianbao/model/fixtures';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { run } from '../../test/fake-io.js';

const SLOW = 240_000;

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'nianbao-import-doc-'));
  await writeFile(join(dir, 'busy.json'), JSON.stringify(busyReport));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

/** `render --format docx` output saved as Word 97–2003 by headless LibreOffice (a missing soffice fails loudly). */
async function legacyWord(docx: string, outDir: string): Promise<void> {
  const result = spawnSync(
    'soffice',
    [
      `-env:UserInstallation=file://${join(dir, 'profile')}`,
      '--headless',
      '--norestore',
      '--convert-to',
      'doc:MS Word 97',
      '--outdir',
      outDir,
      docx,
    ],
    { encoding: 'utf8', timeout: SLOW, env: { ...process.env, HOME: dir } },
  );
  if ((result.error as NodeJS.ErrnoException | undefined)?.code === 'ENOENT')
    throw new Error('LibreOffice (soffice) is not installed: run `node scripts/setup-test-tools.mjs`');
  if (result.status !== 0) throw new Error(`soffice failed (${result.status}): ${result.stderr}`);
}

describe('Word 97–2003 files in', () => {
  it(
    'nianbao import report.doc reads every cell, validate takes its output, audit reads the .doc in a folder',
    async () => {
      const rendered = await run(['render', 'busy.json', '-o', 'report.docx'], { cwd: dir });
      expect(rendered.code, rendered.stderr).toBe(0);
      await mkdir(join(dir, 'mixed'));
      await legacyWord(join(dir, 'report.docx'), join(dir, 'mixed'));
      const imported = await run(['import', 'mixed/report.doc', '-o', 'back.json'], { cwd: dir });
      expect(imported.code, imported.stderr).toBe(0);
      expect(imported.stderr).toContain('200 read, 0 inferred, 0 missing');
      const back = JSON.parse(await readFile(join(dir, 'back.json'), 'utf8'));
      expect([back.t2, back.t3, back.t4]).toEqual([busyReport.t2, busyReport.t3, busyReport.t4]);
      const validated = await run(['validate', 'back.json'], { cwd: dir });
      expect(validated.code, validated.stderr).not.toBe(2);
      const audited = await run(['audit', 'mixed', '--jobs', '1'], { cwd: dir });
      expect(audited.stdout + audited.stderr).toContain('report.doc');
      expect(audited.stdout + audited.stderr).not.toMatch(/无法读取|unreadable/);
    },
    SLOW,
  );
});
