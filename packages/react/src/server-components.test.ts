import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { statutoryCells } from '@nianbao/model';
import { build } from 'esbuild';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EDITABLE_NEEDS_CLIENT } from './react-env.js';

/*
 * The package under React's Server Components build (the `react-server` condition, as in a Next.js App Router
 * Server Component): importing it must not call createContext, and the read-only components must render without
 * state, refs or context. test/rsc/entry.ts is bundled with that condition and run in a fresh Node process.
 */
const pkg = fileURLToPath(new URL('..', import.meta.url));
const out = mkdtempSync(join(tmpdir(), 'nianbao-rsc-'));
let result: Record<string, { tables: number; cells: number; inputs: number; scopes: number }> & {
  serverBuild: boolean;
  editable: string;
};

beforeAll(async () => {
  const outfile = join(out, 'rsc.mjs');
  await build({
    entryPoints: [join(pkg, 'test/rsc/entry.ts')],
    bundle: true,
    platform: 'node',
    format: 'esm',
    // React and its Flight server stay CommonJS modules: let them require Node's built-ins.
    banner: {
      js: "import { createRequire } from 'node:module'; const require = createRequire(import.meta.url);",
    },
    outfile,
    conditions: ['react-server', '@nianbao/source'],
    // Resolve react-server-dom-webpack from this package (it is a dev dependency here).
    nodePaths: [join(pkg, 'node_modules')],
    jsx: 'automatic',
    define: { 'process.env.NODE_ENV': '"production"' },
    logLevel: 'silent',
  });
  result = JSON.parse(execFileSync(process.execPath, [outfile], { encoding: 'utf8' }));
}, 60_000);
afterAll(() => rmSync(out, { recursive: true, force: true }));

describe('in React Server Components (react-server build of React)', () => {
  it('runs with the server build: no useState there', () => {
    expect(result.serverBuild).toBe(true);
  });

  it.each([
    ['t2', 't2.'],
    ['t3', 't3.'],
    ['t4', 't4.'],
  ])('the read-only %s table renders every data cell, no input', (table, prefix) => {
    const cells = statutoryCells().filter((c) => c.address.startsWith(prefix)).length;
    expect(result[table]).toEqual({ tables: 1, cells, inputs: 0, scopes: 1 });
  });

  it('the whole report renders its three tables', () => {
    expect(result.report?.tables).toBe(3);
    expect(result.report?.cells).toBe(statutoryCells().length);
    expect(result.report?.inputs).toBe(0);
  });

  it('the findings list renders', () => {
    expect(result.findings?.scopes).toBe(1);
  });

  it('data entry is refused with what to do instead', () => {
    expect(result.editable).toBe(EDITABLE_NEEDS_CLIENT);
  });
});
