import { readdirSync, readFileSync } from 'node:fs';
import { copyFile, mkdir, mkdtemp, rm, truncate, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { importReport, MAX_IMPORT_BYTES } from './import-report.js';
import { type ImportFileResult, importFile, importFiles, importPoolUsesWorkers, runPool } from './pool.js';

const CORPUS = join(import.meta.dirname, '..', 'fixtures', 'corpus');
const TEXTS = readdirSync(CORPUS)
  .filter((name) => name.endsWith('.txt'))
  .sort();
/** Small corpus files (the excerpts), so the many-copies tests stay quick on a loaded machine. */
const SMALL = TEXTS.filter((name) => name.includes('EXCERPT'));

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'nianbao-import-pool-'));
  await mkdir(join(dir, 'a-directory'));
  for (const [i, name] of [...SMALL, ...SMALL, ...SMALL, ...SMALL].entries()) {
    await copyFile(join(CORPUS, name), join(dir, `${String(i).padStart(2, '0')}-${name}`));
  }
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

/** The copies made in beforeAll, in name order. */
const copies = (): string[] => readdirSync(dir).filter((name) => name.endsWith('.txt'));

/** What importing each file in this thread gives, for comparing with what came back from the workers. */
const direct = (file: string): unknown => importReport(readFileSync(join(dir, file)));

describe('importFiles', () => {
  it('has a built worker script to run (turbo builds before testing)', () => {
    // Without dist/pool-worker.js the pool quietly imports in this thread and the worker tests below mean nothing.
    expect(importPoolUsesWorkers(), 'run `pnpm build` (or tsc -p tsconfig.build.json) first').toBe(true);
  });

  it('imports on several worker threads and returns every result in input order, unchanged by the crossing', async () => {
    const files = copies();
    expect(files.length).toBeGreaterThanOrEqual(8);
    const progress: number[] = [];
    const results = await importFiles(files, {
      cwd: dir,
      concurrency: 2,
      onResult: (_result: ImportFileResult, done: number, total: number) => {
        expect(total).toBe(files.length);
        progress.push(done);
      },
    });
    expect(results.map((r) => r.file)).toEqual(files);
    expect(results.map((r) => r.index)).toEqual(files.map((_, i) => i));
    expect(progress).toEqual(files.map((_, i) => i + 1));
    const threads = new Set(results.map((r) => r.threadId));
    expect(threads.has(0), 'nothing ran in the calling thread').toBe(false);
    // Two workers start; which of them takes how many files depends on start-up time (on a loaded machine one
    // may take them all), so the count is a bound, not an exact number.
    expect(threads.size).toBeGreaterThanOrEqual(1);
    expect(threads.size).toBeLessThanOrEqual(2);
    // Structured clone keeps the ImportResult exactly (plain data: no classes, Maps or functions to lose).
    for (const r of results) expect(r.result).toStrictEqual(direct(r.file));
    expect(results.every((r) => r.result.ok)).toBe(true);
  }, 60_000);

  it('fails only the files that cannot be read, with their reason', async () => {
    const [first, second] = copies();
    const results = await importFiles([first as string, 'missing.txt', 'a-directory', second as string], {
      cwd: dir,
      concurrency: 2,
    });
    expect(results.map((r) => r.result.ok)).toEqual([true, false, false, true]);
    const reasons = results.map((r) => (r.result.ok ? '' : r.result.notes[0]?.message.en));
    expect(reasons).toEqual(['', 'file not found', 'is a directory, not a file', '']);
    expect(results.every((r) => r.threadId > 0)).toBe(true);
  }, 60_000);

  it('imports in the calling thread with concurrency 1', async () => {
    const files = copies().slice(0, 3);
    const results = await importFiles(files, { cwd: dir, concurrency: 1 });
    expect(results.map((r) => [r.file, r.threadId])).toEqual(files.map((file) => [file, 0]));
    for (const r of results) expect(r.result).toStrictEqual(direct(r.file));
  });

  it('returns an empty list for no files', async () => {
    expect(await importFiles([], { cwd: dir })).toEqual([]);
  });
});

describe('runPool when workers misbehave', () => {
  it('fails the file whose worker crashes, with the reason, and a fresh worker takes the rest', async () => {
    const files = copies();
    const input = [files[0], 'throw.txt', files[1], 'exit.txt', files[2], files[3]] as string[];
    const results = await runPool(
      input,
      { cwd: dir },
      2,
      new URL('../test/crashing-worker.mjs', import.meta.url),
    );
    expect(results.map((r) => r.file)).toEqual(input);
    expect(results.map((r) => r.result.ok)).toEqual([true, false, true, false, true, true]);
    const reason = (r: ImportFileResult | undefined): string =>
      r && !r.result.ok ? (r.result.notes[0]?.message.en ?? '') : '';
    expect(reason(results[1])).toContain('worker blew up on throw.txt');
    expect(reason(results[3])).toMatch(/crashed \(exit code 3\)/);
  }, 60_000);

  it('imports in the calling thread when the worker script cannot start', async () => {
    const files = copies().slice(0, 3);
    const results = await runPool(
      files,
      { cwd: dir },
      2,
      new URL('../test/broken-worker.mjs', import.meta.url),
    );
    expect(results.map((r) => [r.file, r.result.ok, r.threadId])).toEqual(files.map((f) => [f, true, 0]));
  }, 60_000);
});

describe('importFiles from a parent started with flags a worker refuses', () => {
  it('still starts its workers', async () => {
    // `node --input-type=module -e …` puts flags in execArgv that a worker refuses (the pool drops them), and
    // `--max-old-space-size` makes new Worker throw (the pool retries without flags).
    const { spawnSync } = await import('node:child_process');
    const { pathToFileURL } = await import('node:url');
    const pool = pathToFileURL(join(import.meta.dirname, '..', 'dist', 'pool.js')).href;
    const script = `const { importFiles } = await import(${JSON.stringify(pool)});
      const results = await importFiles(${JSON.stringify(copies().slice(0, 4))}, { cwd: ${JSON.stringify(dir)}, concurrency: 2 });
      console.log(JSON.stringify(results.map((r) => [r.result.ok, r.threadId])));`;
    const child = spawnSync(
      process.execPath,
      ['--max-old-space-size=512', '--input-type=module', '-e', script],
      {
        encoding: 'utf8',
      },
    );
    expect(child.stderr).toBe('');
    const rows = JSON.parse(child.stdout) as [boolean, number][];
    expect(rows.every(([ok]) => ok)).toBe(true);
    expect(new Set(rows.map(([, thread]) => thread))).not.toContain(0);
  }, 60_000);
});

describe('importFile', () => {
  it('refuses a file over the size limit without reading it', async () => {
    const big = join(dir, 'big.bin');
    await writeFile(big, '');
    await truncate(big, MAX_IMPORT_BYTES + 1);
    const result = await importFile('big.bin', { cwd: dir });
    expect(result.ok).toBe(false);
    expect(result.notes[0]?.code).toBe('input-too-large');
    await rm(big);
  });

  it('reads relative to cwd and honours kind', async () => {
    const [file] = copies();
    const result = await importFile(file as string, { cwd: dir, kind: 'text' });
    expect(result).toStrictEqual(importReport(readFileSync(join(dir, file as string)), { kind: 'text' }));
  });
});
