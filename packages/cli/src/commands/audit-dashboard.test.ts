import { readdirSync } from 'node:fs';
import { copyFile, mkdir, mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { RegionAudit } from '@nianbao/model';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { run, STACK_LINE } from '../../test/fake-io.js';

const CORPUS = join(import.meta.dirname, '..', '..', '..', 'import', 'fixtures', 'corpus');
const TEXTS = readdirSync(CORPUS).filter((name) => name.endsWith('.txt'));

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'nianbao-audit-dash-'));
  for (const sub of ['reports', '2021', '2020', 'empty']) await mkdir(join(dir, sub));
  for (const name of TEXTS) await copyFile(join(CORPUS, name), join(dir, 'reports', name));
  await copyFile(join(CORPUS, '001-pingtan-2021.txt'), join(dir, '2021', 'pingtan.txt'));
  await copyFile(join(CORPUS, '012-pingtan-2020-FORMAT2019.txt'), join(dir, '2020', 'pingtan.txt'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('audit --json / --html / --previous', () => {
  it('writes the whole audit as JSON and the dashboard, keeping the lines on stdout', async () => {
    const result = await run(
      ['audit', 'reports', '--json', 'audit.json', '--html', 'audit.html', '--lang', 'en'],
      {
        cwd: dir,
      },
    );
    expect([0, 1]).toContain(result.code);
    expect(result.stdout.trim().split('\n')).toHaveLength(TEXTS.length + 1);
    expect(result.stderr).toContain('wrote audit.json');
    expect(result.stderr).toContain('wrote audit.html');
    const audit = JSON.parse(await readFile(join(dir, 'audit.json'), 'utf8')) as RegionAudit;
    expect(audit.format).toBe('nianbao-audit/1');
    expect(audit.reports.map((r) => r.file)).toEqual(TEXTS.map((name) => join('reports', name)));
    expect(audit.summary.files).toBe(TEXTS.length);
    expect(audit.rollUp.members).toHaveLength(audit.summary.imported);
    expect(audit.reports.every((r) => r.status === 'unreadable' || r.scorecard !== undefined)).toBe(true);
    const huaian = audit.reports.find((r) => r.file.includes('010-huaian'));
    expect(huaian).toMatchObject({ agency: '淮安市人民政府', year: 2024, errors: 0 });
    expect(audit.previous).toBeUndefined();
    const html = await readFile(join(dir, 'audit.html'), 'utf8');
    expect(html.startsWith('<!doctype html>')).toBe(true);
    expect(html.match(/<tr data-status=/g)).toHaveLength(TEXTS.length);
    expect(html).toContain('淮安市人民政府');
  });

  it('with --previous, matches the 平潭 reports across years and compares them', async () => {
    const result = await run(
      ['audit', '2021', '--previous', '2020', '--json', 'yoy.json', '--html', 'yoy.html'],
      {
        cwd: dir,
      },
    );
    expect([0, 1]).toContain(result.code);
    const audit = JSON.parse(await readFile(join(dir, 'yoy.json'), 'utf8')) as RegionAudit;
    const comparison = audit.previous?.comparison;
    expect(comparison?.unmatchedCurrent).toEqual([]);
    expect(comparison?.unmatchedPrevious).toEqual([]);
    const [pair] = comparison?.agencies ?? [];
    expect(pair?.year).toBe(2021);
    expect(pair?.previousYear).toBe(2020);
    expect(pair?.previousFile).toBe(join('2020', 'pingtan.txt'));
    expect(pair?.carryover.status).toBe('pass');
    expect(audit.reports[0]?.previousFile).toBe(join('2020', 'pingtan.txt'));
    const html = await readFile(join(dir, 'yoy.html'), 'utf8');
    expect(html).toContain('与上年比较 Year over year（2020 → 2021）');
  });

  it('refuses a --previous that is not a directory, or holds no reports, in both languages and without a stack', async () => {
    for (const previous of ['missing', 'empty']) {
      const result = await run(['audit', '2021', '--previous', previous, '--json', 'x.json'], { cwd: dir });
      expect(result.code).toBe(2);
      expect(result.stderr).toContain('--previous');
      expect(result.stderr).toMatch(/[\u4e00-\u9fff]/);
      expect(result.stderr).not.toMatch(STACK_LINE);
    }
  });

  it('says where it cannot write', async () => {
    const result = await run(['audit', '2021', '--html', 'empty'], { cwd: dir });
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('empty');
    expect(result.stderr).not.toMatch(STACK_LINE);
  });
});
