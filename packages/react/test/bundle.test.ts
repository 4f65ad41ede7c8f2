import { gzipSync } from 'node:zlib';
import { build } from 'esbuild';
import { describe, expect, it } from 'vitest';

const root = new URL('..', import.meta.url).pathname;

/** Bundles an import the way a portal's bundler would (ESM, minified, React external) and lists what is in it. */
async function bundle(source: string): Promise<{ gzip: number; modules: string[]; text: string }> {
  const result = await build({
    stdin: { contents: source, resolveDir: root, loader: 'ts' },
    bundle: true,
    write: false,
    minify: true,
    format: 'esm',
    platform: 'browser',
    conditions: ['@nianbao/source'],
    external: ['react', 'react-dom', 'react/jsx-runtime', 'react-dom/*'],
    jsx: 'automatic',
    metafile: true,
    logLevel: 'silent',
  });
  const output = Object.values(result.metafile.outputs)[0];
  const modules = Object.entries(output?.inputs ?? {})
    .filter(([, info]) => info.bytesInOutput > 0)
    .map(([path]) => path);
  const code = result.outputFiles[0]?.contents ?? new Uint8Array();
  return { gzip: gzipSync(code, { level: 9 }).length, modules, text: result.outputFiles[0]?.text ?? '' };
}

describe('bundle', () => {
  // The budget was 12 kB; the model's label-break dictionary (label-breaks.ts, for the PDF's word breaks, reached
  // through the layout) took the table to 13.2 kB and the cell notes and one severity vocabulary to 14.1 kB; the rule
  // registry's titles of the later rules (documents, agency level) to 14.8 kB. The registry is built from the rule
  // families' metadata alone (checks/rules/*.ts: RULE_SPECS apart from their evaluators), so no checker code is in it.
  it('keeps zod and server code out of display-only imports, and ApplicationsTable within 15 kB', async () => {
    const table = await bundle("export { ApplicationsTable } from './src/index.ts';");
    const report = await bundle("export { AnnualReport } from './src/index.ts';");
    for (const { modules } of [table, report]) {
      expect(modules.filter((m) => m.includes('/zod/') || m.includes('/schema/'))).toEqual([]);
      expect(modules.some((m) => m.includes('model/src/tables/'))).toBe(true);
    }
    expect(table.text).not.toMatch(/node:fs|react-dom\/server/);
    expect(table.gzip).toBeLessThanOrEqual(15 * 1024);
  });

  it('tree-shakes: the table alone is smaller than the whole report', async () => {
    const table = await bundle("export { ApplicationsTable } from './src/index.ts';");
    const report = await bundle("export { AnnualReport } from './src/index.ts';");
    expect(table.gzip).toBeLessThan(report.gzip);
    expect(table.modules.some((m) => m.endsWith('annual-report.tsx'))).toBe(false);
  });
});
