// The packages as users get them: every public package packed (pnpm pack, so the published manifest), the
// tarballs installed with plain npm into projects outside the workspace (under the system temporary folder), and
// used the documented ways: Node ESM, require() on Node >= 20.19, tsc with node16 / nodenext / bundler, publint
// and @arethetypeswrong/cli on each tarball, and a Next.js App Router app (a Server Component page with the tables,
// Route Handlers returning the HTML and the PDF) built and requested, and a Vite + React app (client-side data
// entry) built and used in Chromium, and Node scripts bundled by esbuild. Run by .ci/run (pnpm test:consumers) after the build; it needs the npm registry. Sizes measured go to .test-results/consumer-sizes.txt.
import { execFile, spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { publicPackages } from '../package-metadata.mjs';

const run = promisify(execFile);
const repo = new URL('../..', import.meta.url).pathname;
const work = mkdtempSync(join(tmpdir(), 'nianbao-consumers-'));
const tarballDir = join(work, 'tarballs');
const keep = process.env.NIANBAO_KEEP_CONSUMERS === '1';
afterAll(() => {
  if (!keep) rmSync(work, { recursive: true, force: true });
});

const VERSIONS = {
  react: '19.3.1',
  'react-dom': '19.3.1',
  typescript: '5.9.3',
  '@types/react': '19.3.0',
  '@types/react-dom': '19.3.0',
  '@types/node': '20.19.43',
  publint: '0.3.25',
  '@arethetypeswrong/cli': '0.18.5',
  next: '16.4.6',
  vite: '8.3.8',
  '@vitejs/plugin-react': '6.3.0',
  esbuild: '0.28.2',
  'playwright-core': '1.65.1',
};

/** Runs a command in `cwd`; resolves with its output, rejects with both streams in the message. */
async function sh(cwd, command, args, env = {}) {
  try {
    const { stdout, stderr } = await run(command, args, {
      cwd,
      // NODE_PATH cleared: pnpm sets it to the workspace's modules, which would let a consumer outside the workspace
      // resolve our packages from the repository instead of its own node_modules.
      env: { ...process.env, NODE_OPTIONS: '', NODE_PATH: '', npm_config_update_notifier: 'false', ...env },
      maxBuffer: 64 * 1024 * 1024,
      timeout: 600_000,
    });
    return { stdout, stderr };
  } catch (error) {
    throw new Error(
      `${command} ${args.join(' ')} (in ${cwd}) failed:\n${error.stdout ?? ''}\n${error.stderr ?? ''}`,
    );
  }
}

/** Bytes under a folder (files only, links not followed). */
function du(dir) {
  let total = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) total += du(path);
    else if (entry.isFile()) total += statSync(path).size;
  }
  return total;
}
const mb = (bytes) => Math.round((bytes / 1e6) * 10) / 10;

const packages = publicPackages(repo).map(({ dir, manifest }) => ({ dir, name: manifest.name, manifest }));
const tarball = {};

/** A project outside the workspace with `deps` (tarballs of ours by name, else versions), installed with npm. */
async function project(name, deps, files = {}, extra = {}) {
  const dir = join(work, name);
  mkdirSync(dir, { recursive: true });
  // Our packages depend on each other at versions the registry does not have: install the tarball of each one a
  // listed package needs, as npm would fetch it from the registry once published.
  const wanted = new Set(deps);
  for (const name of wanted) {
    const manifest = packages.find((p) => p.name === name)?.manifest;
    for (const dep of Object.keys(manifest?.dependencies ?? {})) if (tarball[dep]) wanted.add(dep);
  }
  const dependencies = {};
  for (const dep of wanted) dependencies[dep] = tarball[dep] ? `file:${tarball[dep]}` : VERSIONS[dep];
  writeFileSync(
    join(dir, 'package.json'),
    JSON.stringify({ name, private: true, type: 'module', dependencies, ...extra }, null, 2),
  );
  for (const [file, text] of Object.entries(files)) {
    mkdirSync(join(dir, file, '..'), { recursive: true });
    writeFileSync(join(dir, file), text);
  }
  await sh(dir, 'npm', ['install', '--no-audit', '--no-fund', '--loglevel=error']);
  return dir;
}

const sizes = {};

beforeAll(async () => {
  mkdirSync(tarballDir, { recursive: true });
  for (const pkg of packages) {
    const before = new Set(readdirSync(tarballDir));
    await sh(join(repo, pkg.dir), 'pnpm', ['pack', '--pack-destination', tarballDir]);
    const made = readdirSync(tarballDir).find((f) => !before.has(f));
    if (!made) throw new Error(`pnpm pack wrote nothing for ${pkg.name}`);
    tarball[pkg.name] = join(tarballDir, made);
  }
}, 300_000);

describe('packed tarballs', () => {
  it('each holds its README, its LICENSE (MIT), no .tsbuildinfo, no TypeScript sources, no test files', async () => {
    for (const pkg of packages) {
      const { stdout } = await sh(work, 'tar', ['-tzf', tarball[pkg.name]]);
      const files = stdout.split('\n').filter(Boolean);
      expect(files, pkg.name).toContain('package/README.md');
      if (pkg.manifest.license === 'MIT') expect(files, pkg.name).toContain('package/LICENSE');
      expect(
        files.filter((f) => /tsbuildinfo|\/src\/|\.test\.|\.d\.ts\.map$/.test(f)),
        pkg.name,
      ).toEqual([]);
    }
  });

  it('the published manifests have no @nianbao/source condition and no workspace: ranges', async () => {
    for (const pkg of packages) {
      const { stdout } = await sh(work, 'tar', ['-xzOf', tarball[pkg.name], 'package/package.json']);
      expect(stdout, pkg.name).not.toContain('@nianbao/source');
      expect(stdout, pkg.name).not.toContain('workspace:');
      const manifest = JSON.parse(stdout);
      expect(manifest.engines?.node, pkg.name).toBe('>=20.19');
      expect(manifest.repository?.url, pkg.name).toMatch(/^git\+https:/);
    }
  });

  it('every source map in a tarball carries the sources it names', async () => {
    for (const pkg of packages) {
      const { stdout } = await sh(work, 'tar', ['-tzf', tarball[pkg.name]]);
      for (const file of stdout.split('\n').filter((f) => f.endsWith('.map'))) {
        const map = JSON.parse((await sh(work, 'tar', ['-xzOf', tarball[pkg.name], file])).stdout);
        expect(map.sourcesContent?.length, `${pkg.name} ${file}`).toBe(map.sources.length);
      }
    }
  });
});

describe('a Node project (npm install of the tarballs)', () => {
  let dir;
  beforeAll(async () => {
    dir = await project(
      'node-app',
      [...packages.map((p) => p.name), 'react', 'react-dom', 'typescript', '@types/react', '@types/node'],
      {
        'esm.mjs': `
import { checkReport, isReportOk, parseReportJson } from '@nianbao/model';
import { seedReport } from '@nianbao/model/fixtures';
import { checkReport as coreCheck } from '@nianbao/model/core';
import { compiledExecArgv } from '@nianbao/workers';
import schema from '@nianbao/model/report.schema.json' with { type: 'json' };
import rulepackSchema from '@nianbao/model/rulepack.schema.json' with { type: 'json' };
import suqian from '@nianbao/model/rulepacks/suqian.json' with { type: 'json' };
import { parseRulepack, scoreReport } from '@nianbao/model';
import { AnnualReport } from '@nianbao/react';
import { renderReportHtml } from '@nianbao/react/server';
import { renderReportPdf } from '@nianbao/pdf';
import { renderReportPdf as renderNode } from '@nianbao/pdf/node';
import { FONT_ROLES } from '@nianbao/pdf/roles';
import { importReport } from '@nianbao/import';
import { COMMANDS } from '@nianbao/cli';
import { createRequire } from 'node:module';
const require = createRequire(import.meta.url);
const out = {
  ok: isReportOk(checkReport(seedReport)) && coreCheck(seedReport).length === checkReport(seedReport).length,
  parsed: parseReportJson(JSON.stringify(seedReport)).ok,
  schema: typeof schema.$schema,
  rulepack: typeof rulepackSchema.$schema === 'string' && parseRulepack(suqian).ok,
  score: scoreReport(seedReport).total > 0,
  flags: Array.isArray(compiledExecArgv(['--max-old-space-size=100'])),
  component: typeof AnnualReport,
  html: renderReportHtml(seedReport).includes('<table'),
  pdf: new TextDecoder().decode((await renderReportPdf(seedReport)).subarray(0, 5)),
  pdfNode: new TextDecoder().decode((await renderNode(seedReport)).subarray(0, 5)),
  roles: FONT_ROLES.length,
  imported: importReport(renderReportHtml(seedReport), { kind: 'html' }).ok,
  commands: Object.keys(COMMANDS).length > 0,
  font: require.resolve('@nianbao/fonts/NotoSerifSC-Regular.ttf').endsWith('.ttf'),
};
console.log(JSON.stringify(out));
`,
        'cjs.cjs': `
// CommonJS: the packages are ESM only; Node >= 20.19 loads them from require() (documented).
const { checkReport, isReportOk } = require('@nianbao/model');
const { seedReport } = require('@nianbao/model/fixtures');
const { renderReportHtml } = require('@nianbao/react/server');
const { importReport } = require('@nianbao/import');
console.log(JSON.stringify({
  ok: isReportOk(checkReport(seedReport)),
  html: renderReportHtml(seedReport).includes('<table'),
  imported: typeof importReport,
}));
`,
        'src/use.tsx': `
import { checkReport, type Finding, type Report } from '@nianbao/model';
import { seedReport } from '@nianbao/model/fixtures';
import { AnnualReport, ApplicationsTable } from '@nianbao/react';
import { renderReportHtml } from '@nianbao/react/server';
import '@nianbao/react/styles.css';
import { renderReportPdf } from '@nianbao/pdf';
import { renderReportPdf as renderNode } from '@nianbao/pdf/node';
import { importReport } from '@nianbao/import';

const report: Report = seedReport;
const findings: Finding[] = checkReport(report);
export const page = <AnnualReport report={report} findings={findings} />;
export const table = <ApplicationsTable t3={report.t3} />;
export const html: string = renderReportHtml(report);
export async function pdfResponse(): Promise<Response> {
  const bytes = await renderReportPdf(report);
  const blob = new Blob([bytes], { type: 'application/pdf' });
  void blob;
  return new Response(await renderNode(report), { headers: { 'content-type': 'application/pdf' } });
}
export const imported: boolean = importReport(html, { kind: 'html' }).ok;
`,
      },
    );
  }, 600_000);

  it('imports every entry point as ES modules and renders HTML and PDF (default fonts found)', async () => {
    const { stdout } = await sh(dir, process.execPath, ['esm.mjs']);
    expect(JSON.parse(stdout.trim().split('\n').at(-1))).toEqual({
      ok: true,
      parsed: true,
      schema: 'string',
      rulepack: true,
      score: true,
      flags: true,
      component: 'function',
      html: true,
      pdf: '%PDF-',
      pdfNode: '%PDF-',
      roles: 7,
      imported: true,
      commands: true,
      font: true,
    });
  });

  it('require() loads the ES modules on Node >= 20.19, as the READMEs say', async () => {
    const { stdout } = await sh(dir, process.execPath, ['cjs.cjs']);
    expect(JSON.parse(stdout.trim())).toEqual({ ok: true, html: true, imported: 'function' });
  });

  it('the CLI runs from its bin', async () => {
    // No file: the bundled example, which passes every check (exit 0).
    const { stdout } = await sh(dir, join(dir, 'node_modules/.bin/nianbao'), ['validate', '--json']);
    expect(() => JSON.parse(stdout)).not.toThrow();
  });

  it.each([
    ['node16', 'node16'],
    ['nodenext', 'nodenext'],
    ['bundler', 'esnext'],
  ])(
    'tsc type-checks a consumer with moduleResolution %s (Response/Blob from the PDF bytes, styles.css)',
    async (resolution, module) => {
      const config = {
        compilerOptions: {
          module,
          moduleResolution: resolution,
          target: 'es2022',
          lib: ['es2023', 'dom'],
          jsx: 'react-jsx',
          strict: true,
          noEmit: true,
          skipLibCheck: false,
          noUncheckedSideEffectImports: true,
          types: ['node'],
        },
        include: ['src'],
      };
      writeFileSync(join(dir, `tsconfig.${resolution}.json`), JSON.stringify(config));
      await sh(dir, join(dir, 'node_modules/.bin/tsc'), ['-p', `tsconfig.${resolution}.json`]);
    },
  );

  it('installed sizes: @nianbao/pdf alone and the CLI alone', async () => {
    const pdfOnly = await project('size-pdf', ['@nianbao/pdf', 'react']);
    const cliOnly = await project('size-cli', ['@nianbao/cli']);
    sizes['@nianbao/pdf + react (MB)'] = mb(du(join(pdfOnly, 'node_modules')));
    sizes['@nianbao/cli (MB)'] = mb(du(join(cliOnly, 'node_modules')));
    sizes['@nianbao/fonts (MB)'] = mb(du(join(pdfOnly, 'node_modules/@nianbao/fonts')));
    mkdirSync(join(repo, '.test-results'), { recursive: true });
    writeFileSync(join(repo, '.test-results/consumer-sizes.txt'), `${JSON.stringify(sizes, null, 2)}\n`);
    console.log('installed sizes', sizes);
    // Measured 95.7 MB (pdf + react) and 206.2 MB (cli) on 6 December 2026; the fonts are 52.7 MB of each. The cli
    // had grown from 134.9 MB to 276–293 MB when import came to read PDFs with pdfjs-dist (41 MB, and its optional
    // dependency @napi-rs/canvas, 34 MB), `nianbao serve` brought the server (fastify, piscina, prom-client: 14 MB)
    // and `audit --xlsx` exceljs; import now reads PDFs with unpdf's pdf.js (2.6 MB, no dependencies) and ships
    // pdf.js's CMaps and standard fonts itself (2.5 MB). Fail if either grows by about a tenth.
    expect(sizes['@nianbao/pdf + react (MB)']).toBeLessThan(104);
    expect(sizes['@nianbao/cli (MB)']).toBeLessThan(227);
  }, 600_000);
});

describe('publint and @arethetypeswrong/cli on each tarball', () => {
  let dir;
  beforeAll(async () => {
    dir = await project('lint', ['publint', '@arethetypeswrong/cli']);
  }, 600_000);

  it.each(packages.map((p) => [p.name]))('publint %s', async (name) => {
    const { stdout } = await sh(dir, join(dir, 'node_modules/.bin/publint'), [
      'run',
      tarball[name],
      '--strict',
    ]);
    expect(stdout).not.toMatch(/error|warning/i);
  });

  it.each(packages.filter((p) => p.name !== '@nianbao/fonts').map((p) => [p.name]))(
    'attw %s (ESM only: node16 ESM and bundler resolutions)',
    async (name) => {
      await sh(dir, join(dir, 'node_modules/.bin/attw'), [
        tarball[name],
        '--profile',
        'esm-only',
        '--format',
        'ascii',
      ]);
    },
  );
});

describe('a Next.js App Router app', () => {
  let dir;
  let server;
  let base;
  beforeAll(async () => {
    dir = await project(
      'next-app',
      [
        '@nianbao/model',
        '@nianbao/react',
        '@nianbao/pdf',
        '@nianbao/fonts',
        'next',
        'react',
        'react-dom',
        'typescript',
        '@types/react',
        '@types/react-dom',
        '@types/node',
      ],
      {
        'app/layout.tsx': `import type { ReactNode } from 'react';
import '@nianbao/react/styles.css';
export default function Layout({ children }: { children: ReactNode }) {
  return <html lang="zh-CN"><body>{children}</body></html>;
}
`,
        // A Server Component (no 'use client'): the tables render on the server with no client JavaScript.
        'app/page.tsx': `import { seedReport } from '@nianbao/model/fixtures';
import { AnnualReport, ApplicationsTable } from '@nianbao/react';
export default function Page() {
  return (
    <main>
      <ApplicationsTable t3={seedReport.t3} label="单独" />
      <AnnualReport report={seedReport} idPrefix="r-" />
    </main>
  );
}
`,
        'app/report.pdf/route.ts': `import { seedReport } from '@nianbao/model/fixtures';
import { renderReportPdf } from '@nianbao/pdf';
export async function GET(): Promise<Response> {
  return new Response(await renderReportPdf(seedReport), { headers: { 'content-type': 'application/pdf' } });
}
`,
        'app/report.html/route.ts': `import { seedReport } from '@nianbao/model/fixtures';
import { renderReportHtml } from '@nianbao/react/server';
export function GET(): Response {
  return new Response(renderReportHtml(seedReport), { headers: { 'content-type': 'text/html; charset=utf-8' } });
}
`,
        'next.config.mjs': 'export default {};\n',
        'tsconfig.json': JSON.stringify({
          compilerOptions: {
            target: 'es2022',
            lib: ['dom', 'es2023'],
            module: 'esnext',
            moduleResolution: 'bundler',
            jsx: 'preserve',
            strict: true,
            noEmit: true,
            esModuleInterop: true,
            isolatedModules: true,
            skipLibCheck: true,
            plugins: [{ name: 'next' }],
          },
          include: ['**/*.ts', '**/*.tsx', 'next-env.d.ts'],
          exclude: ['node_modules'],
        }),
      },
      { scripts: { build: 'next build', start: 'next start' } },
    );
    await sh(dir, join(dir, 'node_modules/.bin/next'), ['build'], { NEXT_TELEMETRY_DISABLED: '1' });
    const port = 3100 + Math.floor(Math.random() * 800);
    base = `http://127.0.0.1:${port}`;
    server = spawn(join(dir, 'node_modules/.bin/next'), ['start', '-p', String(port), '-H', '127.0.0.1'], {
      cwd: dir,
      env: { ...process.env, NEXT_TELEMETRY_DISABLED: '1', NODE_OPTIONS: '', NODE_PATH: '' },
      stdio: 'ignore',
      // Its own process group, so stopping it stops the next-server it starts too.
      detached: true,
    });
    for (let i = 0; i < 120; i++) {
      try {
        if ((await fetch(base)).status) break;
      } catch {
        await new Promise((r) => setTimeout(r, 500));
      }
    }
  }, 900_000);
  afterAll(() => {
    if (server?.pid) process.kill(-server.pid, 'SIGTERM');
  });

  it('the Server Component page has the tables, and no client JavaScript of ours', async () => {
    const response = await fetch(base);
    expect(response.status).toBe(200);
    const html = await response.text();
    expect(html.match(/<table/g)?.length).toBe(4);
    expect(html).toContain('data-cell="t3.results.withheld.stateSecret.naturalPerson"');
    const scripts = [...html.matchAll(/<script[^>]+src="([^"]+)"/g)].map((m) => m[1]);
    for (const src of scripts) {
      const js = await (await fetch(new URL(src, base))).text();
      expect(js.includes('nb-table'), src).toBe(false);
    }
  });

  it('a Route Handler returns the report as HTML (renderReportHtml)', async () => {
    const response = await fetch(`${base}/report.html`);
    expect(response.status).toBe(200);
    expect(await response.text()).toContain('<table');
  });

  it('a Route Handler returns the PDF (renderReportPdf, default fonts found after bundling)', async () => {
    const response = await fetch(`${base}/report.pdf`);
    expect(
      response.status,
      await response
        .clone()
        .text()
        .then((t) => t.slice(0, 500)),
    ).toBe(200);
    const bytes = new Uint8Array(await response.arrayBuffer());
    expect(new TextDecoder().decode(bytes.subarray(0, 5))).toBe('%PDF-');
    expect(bytes.length).toBeGreaterThan(50_000);
  });
});

/** Serves `root` over HTTP on 127.0.0.1 (a random free port); resolves with the server and its base URL. */
async function staticServer(root) {
  const { createServer } = await import('node:http');
  const { readFile } = await import('node:fs/promises');
  const types = { '.html': 'text/html; charset=utf-8', '.js': 'text/javascript', '.css': 'text/css' };
  const server = createServer(async (request, response) => {
    const path = new URL(request.url ?? '/', 'http://x').pathname;
    const file = join(root, path === '/' ? 'index.html' : path);
    try {
      const body = await readFile(file);
      response.writeHead(200, {
        'content-type': types[file.slice(file.lastIndexOf('.'))] ?? 'application/octet-stream',
      });
      response.end(body);
    } catch {
      response.writeHead(404).end();
    }
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { server, base: `http://127.0.0.1:${server.address().port}` };
}

describe('a Vite + React app (client-side data entry, built by vite and used in Chromium)', () => {
  let dir;
  let server;
  let base;
  beforeAll(async () => {
    dir = await project(
      'vite-app',
      [
        '@nianbao/model',
        '@nianbao/react',
        'react',
        'react-dom',
        'vite',
        '@vitejs/plugin-react',
        'playwright-core',
      ],
      {
        'index.html': `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><link rel="icon" href="data:,"><title>nianbao</title></head>
<body><div id="root"></div><script type="module" src="/src/main.jsx"></script></body></html>
`,
        'src/main.jsx': `import { StrictMode, useState } from 'react';
import { createRoot } from 'react-dom/client';
import { statutoryLayout } from '@nianbao/model';
import { seedReport } from '@nianbao/model/fixtures';
import { AnnualReport, StatutoryTable, enterCells, useReportChecks } from '@nianbao/react';
import '@nianbao/react/styles.css';

const t3 = statutoryLayout('t3');
function App() {
  const [report, setReport] = useState(seedReport);
  const checks = useReportChecks(report);
  window.__report = report;
  return (
    <main>
      <StatutoryTable
        layout={t3}
        values={report}
        editable
        evaluations={checks.evaluations}
        derived={checks.derived}
        idPrefix="entry-"
        onChange={(address, value) => setReport((r) => enterCells(r, [{ address, value }]))}
      />
      <AnnualReport report={report} findings={checks.findings} idPrefix="view-" />
    </main>
  );
}
createRoot(document.getElementById('root')).render(<StrictMode><App /></StrictMode>);
`,
        'vite.config.mjs': `import react from '@vitejs/plugin-react';
export default { plugins: [react()], logLevel: 'warn' };
`,
      },
    );
    await sh(dir, join(dir, 'node_modules/.bin/vite'), ['build']);
    ({ server, base } = await staticServer(join(dir, 'dist')));
  }, 900_000);
  afterAll(() => server?.close());

  it('renders the tables, takes typed numbers and recomputes the totals, with no console error', async () => {
    const { chromium } = await import(join(dir, 'node_modules/playwright-core/index.mjs'));
    const browser = await chromium.launch({
      executablePath: '/usr/bin/chromium',
      args: ['--headless', '--no-sandbox'],
    });
    try {
      const page = await browser.newPage();
      const errors = [];
      page.on('pageerror', (error) => errors.push(String(error)));
      page.on('console', (message) => {
        if (message.type() === 'error') errors.push(message.text());
      });
      await page.goto(base);
      await page.waitForFunction(() => window.__report !== undefined);
      // One editable 表三 and the whole report's 表二, 表三, 表四.
      expect(await page.locator('table').count()).toBe(4);
      const before = await page.evaluate(() => window.__report.t3.received.naturalPerson);
      const input = page.locator('td[data-cell="t3.received.naturalPerson"] input').first();
      await input.fill(String((before ?? 0) + 7));
      await input.press('Enter');
      await expect
        .poll(() => page.evaluate(() => window.__report.t3.received.naturalPerson))
        .toBe((before ?? 0) + 7);
      // The row's 总计 follows its parts (enterCells keeps a following total following).
      await expect.poll(() => page.evaluate(() => window.__report.t3.received.total)).toBe((before ?? 0) + 7);
      // The read-only report below shows the new number in its own cell.
      await expect
        .poll(() =>
          page
            .locator('#root main > :not(:first-child) td[data-cell="t3.received.naturalPerson"]')
            .first()
            .textContent(),
        )
        .toContain(String((before ?? 0) + 7));
      expect(errors.join('\n')).toBe('');
    } finally {
      await browser.close();
    }
  });
});

describe('a Node script bundled by esbuild (default fonts found after bundling)', () => {
  let dir;
  let elsewhere;
  beforeAll(async () => {
    dir = await project('esbuild-app', ['@nianbao/model', '@nianbao/pdf', 'react', 'esbuild'], {
      'render.mjs': `import { seedReport } from '@nianbao/model/fixtures';
import { renderReportPdf } from '@nianbao/pdf/node';
const bytes = await renderReportPdf(seedReport);
console.log(JSON.stringify({ head: new TextDecoder().decode(bytes.subarray(0, 5)), size: bytes.length }));
`,
      'main-entry.mjs': `import { seedReport } from '@nianbao/model/fixtures';
import { renderReportPdf } from '@nianbao/pdf';
const bytes = await renderReportPdf(seedReport);
console.log(JSON.stringify({ head: new TextDecoder().decode(bytes.subarray(0, 5)), size: bytes.length }));
`,
    });
    // Everything in one file (our packages and React included): import.meta.url then names the bundle, not a file
    // in node_modules, and import.meta.resolve resolves from wherever the bundle is.
    for (const [entry, ...extra] of [
      ['render.mjs'],
      ['main-entry.mjs'],
      ['main-entry.mjs', '--external:@react-pdf/renderer'],
    ]) {
      const out = `out/${extra.length > 0 ? 'external-' : ''}${entry}`;
      await sh(dir, join(dir, 'node_modules/.bin/esbuild'), [
        entry,
        '--bundle',
        '--platform=node',
        '--format=esm',
        `--outfile=${out}`,
        '--banner:js=import { createRequire as nbCreateRequire } from "node:module"; const require = nbCreateRequire(import.meta.url);',
        '--log-level=error',
        ...extra,
      ]);
    }
    elsewhere = mkdtempSync(join(tmpdir(), 'nianbao-bundle-'));
    writeFileSync(join(elsewhere, 'render.mjs'), readFileSync(join(dir, 'out/render.mjs')));
  }, 600_000);
  afterAll(() => {
    if (elsewhere) rmSync(elsewhere, { recursive: true, force: true });
  });
  const rendered = (stdout) => JSON.parse(stdout.trim().split('\n').at(-1));

  it("@nianbao/pdf/node bundled inside the app, run from any folder, finds its engine and fonts in the app's node_modules", async () => {
    const { stdout } = await sh(elsewhere, process.execPath, [join(dir, 'out/render.mjs')]);
    expect(rendered(stdout).head).toBe('%PDF-');
    expect(rendered(stdout).size).toBeGreaterThan(50_000);
  });

  it("@nianbao/pdf/node bundled and deployed outside the app, run from the app's folder, finds them from there", async () => {
    const { stdout } = await sh(dir, process.execPath, [join(elsewhere, 'render.mjs')]);
    expect(rendered(stdout).head).toBe('%PDF-');
  });

  it('with no fonts anywhere, the error says where it looked and what to install, for a server', async () => {
    const error = await sh(elsewhere, process.execPath, ['render.mjs']).catch((e) => e);
    expect(error).toBeInstanceOf(Error);
    expect(error.message).toContain('cannot find the default font @nianbao/fonts/');
    expect(error.message).toContain('npm install @nianbao/fonts');
    expect(error.message).not.toContain('in a browser');
  });

  // esbuild cannot follow the require pdfkit makes from import.meta.url for its standard fonts' metrics, so the main
  // entry (react-pdf itself) is bundled with react-pdf kept external, as the README says; /node needs nothing.
  it('the main entry bundled with react-pdf kept external renders', async () => {
    const { stdout } = await sh(elsewhere, process.execPath, [join(dir, 'out/external-main-entry.mjs')]);
    expect(rendered(stdout).head).toBe('%PDF-');
  });
});
