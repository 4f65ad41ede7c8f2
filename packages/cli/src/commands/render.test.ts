import { mkdtemp, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { busyReport, failingFixtures, seedReport } from '@nianbao/model/fixtures';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { run } from '../../test/fake-io.js';

// Real renders on the worker pool: a few seconds each on two cores.
const SLOW = 120_000;
const serifRegular = fileURLToPath(import.meta.resolve('@nianbao/fonts/NotoSerifSC-Regular.ttf'));
const sansBold = fileURLToPath(import.meta.resolve('@nianbao/fonts/NotoSansSC-Bold.ttf'));

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'nianbao-render-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

async function isPdf(path: string): Promise<boolean> {
  const bytes = await readFile(path);
  // A whole file: the header, and the end-of-file marker an interrupted write would lack.
  return (
    bytes.subarray(0, 5).toString('latin1') === '%PDF-' &&
    bytes.subarray(-8).toString('latin1').includes('%%EOF')
  );
}

describe('render', () => {
  it(
    'renders the bundled example to report.pdf when no file is given',
    async () => {
      const result = await run(['render'], { cwd: dir });
      expect(result.code, result.stderr).toBe(0);
      expect(result.stdout).toMatch(/✓ 内置示例 \/ bundled example → .*report\.pdf \(\d+ ms\)/);
      expect(await isPdf(join(dir, 'report.pdf'))).toBe(true);
    },
    SLOW,
  );

  it(
    'renders every file it can, reports the one it cannot with its reason, and exits 1',
    async () => {
      await writeFile(join(dir, 'good.json'), JSON.stringify(busyReport));
      await writeFile(join(dir, 'bad.json'), JSON.stringify({ ...seedReport, meta: { year: '2022年' } }));
      const result = await run(['render', 'good.json', 'bad.json', '--out-dir', 'out'], { cwd: dir });
      expect(result.code).toBe(1);
      expect(result.stdout).toContain(`good.json → ${join(dir, 'out', 'good.pdf')}`);
      expect(await isPdf(join(dir, 'out', 'good.pdf'))).toBe(true);
      expect(result.stderr).toContain('bad.json');
      expect(result.stderr).toContain('meta.year');
      await expect(stat(join(dir, 'out', 'bad.pdf'))).rejects.toThrow();
    },
    SLOW,
  );

  it(
    'takes --font once per role, and also role=FILE,role=FILE, and prints with exactly those fonts',
    async () => {
      await writeFile(join(dir, 'seed.json'), JSON.stringify(seedReport));
      const roles = ['title', 'heading', 'subheading', 'body', 'bodyBold', 'table', 'fallback'];
      const repeated = await run(
        ['render', 'seed.json', '-o', 'a.pdf', ...roles.flatMap((role) => ['--font', `${role}=${sansBold}`])],
        { cwd: dir },
      );
      expect(repeated.code, repeated.stderr).toBe(0);
      const a = await readFile(join(dir, 'a.pdf'), 'latin1');
      expect(a).toMatch(/\/BaseFont \/[A-Z]{6}\+NotoSansSC-Bold/);
      expect(a).not.toContain('NotoSerifSC');

      const listed = await run(
        [
          'render',
          'seed.json',
          '-o',
          'b.pdf',
          '--font',
          roles.map((role) => `${role}=${serifRegular}`).join(','),
        ],
        { cwd: dir },
      );
      expect(listed.code, listed.stderr).toBe(0);
      const b = await readFile(join(dir, 'b.pdf'), 'latin1');
      expect(b).toMatch(/\/BaseFont \/[A-Z]{6}\+NotoSerifSC-Regular/);
      expect(b).not.toContain('NotoSansSC');
      expect(await isPdf(join(dir, 'b.pdf'))).toBe(true);
    },
    SLOW,
  );

  it(
    'warns, naming the failing rules and cells in words, when a report fails its checks; --strict exits 1',
    async () => {
      const failing = failingFixtures.find((fixture) => fixture.rule === 't3-balance');
      if (!failing) throw new Error('fixture t3-balance missing');
      await writeFile(join(dir, 'unbalanced.json'), JSON.stringify(failing.report));
      const lenient = await run(['render', 'unbalanced.json', '-o', 'lenient.pdf'], { cwd: dir });
      expect(lenient.code, lenient.stderr).toBe(0);
      expect(lenient.stdout).toContain('unbalanced.json → ');
      expect(await isPdf(join(dir, 'lenient.pdf'))).toBe(true);
      expect(lenient.stderr).toMatch(/⚠ unbalanced\.json：校核未通过（2 个错误 \/ 2 errors）/);
      expect(lenient.stderr).toContain('the report fails its checks');
      expect(lenient.stderr).toContain('t3-balance');
      expect(lenient.stderr).toContain('「三、本年度办理结果 › （七）总计 · 申请人情况 › 自然人」');

      const strict = await run(['render', 'unbalanced.json', '-o', 'strict.pdf', '--strict'], { cwd: dir });
      expect(strict.code).toBe(1);
      expect(strict.stderr).toContain('t3-balance');
      expect(await isPdf(join(dir, 'strict.pdf'))).toBe(true);

      await writeFile(join(dir, 'clean.json'), JSON.stringify(seedReport));
      const clean = await run(['render', 'clean.json', '-o', 'clean.pdf', '--strict'], { cwd: dir });
      expect(clean.code, clean.stderr).toBe(0);
      expect(clean.stderr).not.toContain('校核未通过');
    },
    SLOW,
  );

  it('rejects a bad --font before rendering anything, saying which part is wrong (exit 2)', async () => {
    const cases: [string[], RegExp][] = [
      [['--font', 'colour=x.ttf'], /--font 应为 角色=字体文件.*"colour=x\.ttf"[\s\S]*role=FILE/],
      [
        ['--font', `body=${serifRegular}`, '--font', `body=${sansBold}`],
        /重复指定了角色 body[\s\S]*role body more than once/,
      ],
      [
        ['--font', 'body=missing.ttf'],
        /字体文件不存在：missing\.ttf[\s\S]*font file not found: missing\.ttf/,
      ],
      [['--font', 'body='], /"body="/],
    ];
    for (const [args, message] of cases) {
      const result = await run(['render', '-o', 'never.pdf', ...args], { cwd: dir });
      expect(result.code, args.join(' ')).toBe(2);
      expect(result.stderr).toMatch(message);
      expect(result.stderr).not.toMatch(/\n\s+at /);
    }
    await expect(stat(join(dir, 'never.pdf'))).rejects.toThrow();
  });

  it('refuses -o with several files, and -o with --out-dir', async () => {
    const several = await run(['render', 'a.json', 'b.json', '-o', 'x.pdf'], { cwd: dir });
    expect(several.code).toBe(2);
    expect(several.stderr).toContain('--out-dir');
    const both = await run(['render', '-o', 'x.pdf', '--out-dir', 'd'], { cwd: dir });
    expect(both.code).toBe(2);
    expect(both.stderr).toContain('-o 与 --out-dir 只能选一个');
  });

  it('lists the font roles and the repeatable --font in its help', async () => {
    const help = await run(['render', '--help']);
    expect(help.code).toBe(0);
    expect(help.stdout).toContain('--font ROLE=FILE');
    expect(help.stdout).toContain('title, heading, subheading, body, bodyBold, table, fallback');
    expect(help.stdout).toMatch(/--strict +校核有错误时退出码为 1/);
  });
});
