import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseReportJson } from '@nianbao/model';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { run } from '../../test/fake-io.js';
import { parseYear } from './init.js';

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'nianbao-init-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('init', () => {
  it('writes a blank report that then validates with exit 0', async () => {
    const result = await run(
      ['init', '--agency', '某某县人民政府', '--year', '2025', '--kind', 'government', '-o', 'a.json'],
      { cwd: dir },
    );
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('a.json — 某某县人民政府 2025');
    const parsed = parseReportJson(await readFile(join(dir, 'a.json'), 'utf8'));
    expect(parsed.ok).toBe(true);
    if (!parsed.ok) return;
    expect(parsed.report.meta).toMatchObject({ agency: '某某县人民政府', year: 2025, kind: 'government' });
    expect(parsed.report.t3.received.total).toBe(0);
    const check = await run(['validate', 'a.json'], { cwd: dir });
    expect(check.code, check.stdout).toBe(0);
  });

  it('defaults to report.json in the working directory', async () => {
    const result = await run(['init'], { cwd: dir });
    expect(result.code).toBe(0);
    expect(parseReportJson(await readFile(join(dir, 'report.json'), 'utf8')).ok).toBe(true);
  });

  it('refuses to overwrite without --force, and overwrites with it', async () => {
    await writeFile(join(dir, 'mine.json'), 'precious');
    const refused = await run(['init', '-o', 'mine.json'], { cwd: dir });
    expect(refused.code).toBe(2);
    expect(refused.stderr).toContain(
      'mine.json 已存在；用 --force 覆盖 / mine.json already exists; use --force',
    );
    expect(await readFile(join(dir, 'mine.json'), 'utf8')).toBe('precious');
    const forced = await run(['init', '-o', 'mine.json', '--force', '--year', '2024'], { cwd: dir });
    expect(forced.code).toBe(0);
    expect(await readFile(join(dir, 'mine.json'), 'utf8')).toContain('"year": 2024');
  });

  it.each(['2007', '2101', '2024.5', '-2024', '', 'twenty', '２０２４', '20245'])(
    'rejects --year %j',
    async (year) => {
      const result = await run(['init', '--year', year, '-o', 'never.json'], { cwd: dir });
      expect(result.code).toBe(2);
      expect(result.stderr).toContain('--year');
      await expect(readFile(join(dir, 'never.json'))).rejects.toThrow();
    },
  );

  it('accepts the ends of the year range', () => {
    expect(parseYear('2008')).toBe(2008);
    expect(parseYear('2100')).toBe(2100);
  });

  it('rejects an empty --agency and an unknown --kind', async () => {
    expect((await run(['init', '--agency', ' ', '-o', 'x.json'], { cwd: dir })).code).toBe(2);
    expect((await run(['init', '--kind', 'Government', '-o', 'x.json'], { cwd: dir })).code).toBe(2);
  });
});
