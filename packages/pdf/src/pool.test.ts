import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { seedReport } from '@nianbao/model/fixtures';
import { afterAll, describe, expect, it } from 'vitest';
import { type RenderJobResult, renderPdfFiles, runRenderJob } from './pool.js';

describe('renderPdfFiles', () => {
  const dir = mkdtempSync(join(tmpdir(), 'nianbao-pool-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('renders every job, reports a failing one with its reason, and returns results in job order', async () => {
    const progress: number[] = [];
    const results = await renderPdfFiles(
      [
        { report: seedReport, path: join(dir, 'a.pdf') },
        {
          report: seedReport,
          path: join(dir, 'b.pdf'),
          options: { fonts: { body: join(dir, 'missing.ttf') } },
        },
        { report: seedReport, path: join(dir, 'c.pdf'), options: { draft: true } },
      ],
      { concurrency: 2, onResult: (_r: RenderJobResult, done: number) => progress.push(done) },
    );
    expect(results.map((r) => (r.ok ? 'ok' : r.error))[0]).toBe('ok');
    expect(results.map((r) => r.ok)).toEqual([true, false, true]);
    expect(results.map((r) => r.index)).toEqual([0, 1, 2]);
    const failed = results[1];
    expect(failed?.ok === false && failed.error).toMatch(/missing\.ttf|ENOENT|no such file/i);
    expect(progress).toEqual([1, 2, 3]);
    expect(existsSync(join(dir, 'a.pdf'))).toBe(true);
    expect(existsSync(join(dir, 'c.pdf'))).toBe(true);
    expect(readdirSync(dir).sort()).toEqual(['a.pdf', 'c.pdf']);
  }, 120_000);
});

describe('runRenderJob (in this thread)', () => {
  const dir = mkdtempSync(join(tmpdir(), 'nianbao-job-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('renders with this thread’s renderer and reports a failure as a result, not a throw', async () => {
    const ok = await runRenderJob({ report: seedReport, path: join(dir, 'one.pdf') }, 7);
    expect(ok).toMatchObject({ index: 7, ok: true, warnings: [] });
    expect(readFileSync(join(dir, 'one.pdf')).subarray(0, 5).toString()).toBe('%PDF-');
    const bad = await runRenderJob({ report: seedReport, path: join(dir, 'no-such-dir', 'two.pdf') }, 8);
    expect(bad).toMatchObject({ index: 8, ok: false });
    expect(bad.ok === false && bad.error).toMatch(/ENOENT|no such file/i);
  });
});
