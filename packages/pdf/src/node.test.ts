import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { busyReport, seedReport } from '@nianbao/model/fixtures';
import { afterAll, describe, expect, it } from 'vitest';
import { renderReportPdf as renderMain } from './index.js';
import { nodeEngineCache, renderReportPdf, renderReportPdfToFile } from './node.js';
import { loadNodeEngine, nodeEngineFile } from './node-engine.js';

// The bundle is made by `pnpm build` (turbo builds before it tests); without one these tests cannot say anything.
const built = nodeEngineFile() !== undefined;
const creationDate = new Date('2023-01-20T00:00:00Z');
const work = mkdtempSync(join(tmpdir(), 'nianbao-node-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

describe.runIf(built)('@nianbao/pdf/node (bundled renderer)', () => {
  it('loads the bundle, not the sources', () => {
    expect(loadNodeEngine()?.file).toMatch(/dist[\\/]engine\.cjs$/);
    expect(['hit', 'miss', 'rejected', 'off']).toContain(nodeEngineCache());
  });

  it('makes the same bytes as the main entry (seed, busy, draft with its findings page)', async () => {
    for (const [report, options] of [
      [seedReport, { creationDate }],
      [busyReport, { creationDate }],
      [seedReport, { creationDate, draft: true }],
    ] as const) {
      const [bundled, main] = await Promise.all([
        renderReportPdf(report, options),
        renderMain(report, options),
      ]);
      expect(bundled.length).toBeGreaterThan(10_000);
      expect(Buffer.from(bundled).equals(Buffer.from(main))).toBe(true);
    }
  });

  it('gives the same bytes from text layouts kept by earlier renders (same texts, other widths, other texts)', async () => {
    // The bundle keeps each text's layout for the process (scripts/build-engine.mjs): a render that reuses layouts
    // of earlier renders must print exactly what a renderer that lays every text out afresh prints.
    const changed = structuredClone(seedReport);
    changed.preamble = ['另一份报告的前言，长短不同。'];
    changed.t3.received.naturalPerson = 1234;
    for (const [report, options] of [
      [seedReport, { creationDate }],
      [seedReport, { creationDate, tableFontSize: 9 }],
      [seedReport, { creationDate, margins: { left: 45 } }],
      [changed, { creationDate }],
      [seedReport, { creationDate }],
    ] as const) {
      const [bundled, main] = await Promise.all([
        renderReportPdf(report, options),
        renderMain(report, options),
      ]);
      expect(Buffer.from(bundled).equals(Buffer.from(main))).toBe(true);
    }
  });

  it('gives the same bytes wherever the pages break (top margins, table sizes, a long narrative)', async () => {
    // The bundle lays a page out again with the boxes that land on it whole kept from the first pass
    // (scripts/build-engine.mjs): page breaks in other rows of 表三, in the narrative and between the tables must
    // print what react-pdf's own relayout prints.
    const long = structuredClone(busyReport);
    for (const part of ['overview', 'problems', 'other'] as const) {
      long.sections = {
        ...long.sections,
        [part]: [1, 2, 3].flatMap(() => structuredClone(seedReport.sections?.[part] ?? [])),
      };
    }
    for (const [report, options] of [
      [seedReport, { creationDate, margins: { top: 20 } }],
      [seedReport, { creationDate, margins: { top: 47.5 } }],
      [seedReport, { creationDate, margins: { top: 65 } }],
      [busyReport, { creationDate, tableFontSize: 12 }],
      [long, { creationDate }],
      [long, { creationDate, margins: { top: 52 } }],
    ] as const) {
      const [bundled, main] = await Promise.all([
        renderReportPdf(report, options),
        renderMain(report, options),
      ]);
      expect(Buffer.from(bundled).equals(Buffer.from(main))).toBe(true);
    }
  });

  it('writes atomically and reports what the main entry reports (a missing font file)', async () => {
    const out = join(work, 'seed.pdf');
    await renderReportPdfToFile(seedReport, out, { creationDate });
    expect(readFileSync(out).subarray(0, 5).toString()).toBe('%PDF-');
    const missing = { fonts: { body: join(work, 'missing.ttf') } };
    await expect(renderReportPdfToFile(seedReport, join(work, 'x.pdf'), missing)).rejects.toThrow(
      /missing\.ttf/,
    );
    await expect(renderMain(seedReport, missing)).rejects.toThrow(/missing\.ttf/);
    expect(readdirSync(work)).toEqual(['seed.pdf']);
  });
});

describe.runIf(built)('the code cache across processes', () => {
  const cache = join(work, 'cache');
  const out = join(work, 'child.pdf');
  const entry = pathToFileURL(join(__dirname, '../dist/node.js')).href;
  const script = `const m = await import(${JSON.stringify(entry)});
const { seedReport } = await import('@nianbao/model/fixtures');
const before = m.nodeEngineCache();
await m.renderReportPdfToFile(seedReport, ${JSON.stringify(out)});
console.log(JSON.stringify({ before, after: m.nodeEngineCache() }));`;
  const run = (env: Record<string, string>): { before: string } => {
    const child = spawnSync(process.execPath, ['--input-type=module', '-e', script], {
      cwd: join(__dirname, '..'),
      env: { ...process.env, NODE_OPTIONS: '', ...env },
      encoding: 'utf8',
    });
    expect(child.stderr).toBe('');
    expect(child.status).toBe(0);
    return JSON.parse(child.stdout.trim().split('\n').at(-1) ?? '{}');
  };

  it('a first process writes it after its render, the next compiles from it, a damaged one is replaced', () => {
    expect(run({ NIANBAO_COMPILE_CACHE: cache }).before).toBe('miss');
    const files = readdirSync(cache);
    expect(files).toHaveLength(1);
    expect(files[0]).toMatch(/^[0-9a-f]{24}\.v8cache$/);
    expect(readFileSync(join(cache, files[0] ?? '')).length).toBeGreaterThan(100_000);
    expect(run({ NIANBAO_COMPILE_CACHE: cache }).before).toBe('hit');
    writeFileSync(join(cache, files[0] ?? ''), 'damaged');
    expect(run({ NIANBAO_COMPILE_CACHE: cache }).before).toBe('rejected');
    expect(run({ NIANBAO_COMPILE_CACHE: cache }).before).toBe('hit');
    expect(existsSync(out)).toBe(true);
  });

  it('is neither read nor written when switched off', () => {
    // The temporary folder the default cache would go in, empty: it must stay empty.
    const temp = mkdtempSync(join(work, 'tmp-'));
    expect(run({ NIANBAO_COMPILE_CACHE: '0', TMPDIR: temp }).before).toBe('off');
    expect(run({ NODE_DISABLE_COMPILE_CACHE: '1', TMPDIR: temp }).before).toBe('off');
    expect(readdirSync(temp)).toEqual([]);
    expect(run({ TMPDIR: temp }).before).toBe('miss');
    expect(readdirSync(temp)).toEqual([`nianbao-compile-cache-${process.getuid?.() ?? 'user'}`]);
  });
});
