import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { failingFixtures, seedReport } from '@nianbao/model/fixtures';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { run } from '../../test/fake-io.js';

const SLOW = 120_000;

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'nianbao-import-docx-'));
  await writeFile(join(dir, 'seed.json'), JSON.stringify(seedReport));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('Word documents in and out', () => {
  it(
    'nianbao import report.docx reads back what render --format docx wrote',
    async () => {
      const rendered = await run(['render', 'seed.json', '-o', 'report.docx'], { cwd: dir });
      expect(rendered.code, rendered.stderr).toBe(0);
      const imported = await run(['import', 'report.docx', '-o', 'back.json'], { cwd: dir });
      expect(imported.code, imported.stderr).toBe(0);
      expect(imported.stderr).toContain('200 read, 0 inferred, 0 missing');
      const back = JSON.parse(await readFile(join(dir, 'back.json'), 'utf8'));
      expect([back.t2, back.t3, back.t4]).toEqual([seedReport.t2, seedReport.t3, seedReport.t4]);
    },
    SLOW,
  );

  it(
    'the failed-checks warning names the DOCX when only a DOCX was written',
    async () => {
      const failing = failingFixtures.find((fixture) => fixture.rule === 't3-balance');
      if (!failing) throw new Error('fixture t3-balance missing');
      await writeFile(join(dir, 'unbalanced.json'), JSON.stringify(failing.report));
      const result = await run(['render', 'unbalanced.json', '--format', 'docx'], { cwd: dir });
      expect(result.code, result.stderr).toBe(0);
      expect(result.stderr).toContain('DOCX 仍已生成');
      expect(result.stderr).toContain('the DOCX was written anyway');
      expect(result.stderr).not.toContain('PDF');
    },
    SLOW,
  );
});
