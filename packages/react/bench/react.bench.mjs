// pnpm bench: the cost of @nianbao/react for a portal.
// 1. Bundle size: minified + gzipped ESM of `import { ApplicationsTable }` (and of `AnnualReport`) with React
//    external, from the package sources, against the named baseline "model-only": what `statutoryLayout` +
//    `readCell` alone cost. The metafile proves zod is not pulled in by display-only imports.
// 2. SSR time of the whole seed report (`renderReportHtml` with `checks: true`), against the named baseline
//    "tables-only": the three tables with no checks, rendered by `renderToStaticMarkup`; and the cost of the
//    checks data entry reruns on every edit (`reportChecks`).
// Results go to stdout and .bench-results/react.json. Needs `pnpm build` (turbo's bench task builds first).
import { mkdirSync, writeFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import { gzipSync } from 'node:zlib';
import { build } from 'esbuild';

// Measure React's production build, as a server would run it (React is imported dynamically below).
process.env.NODE_ENV ??= 'production';
const TARGET_BYTES = 12 * 1024;
const root = new URL('..', import.meta.url);

async function bundleSize(name, source) {
  const result = await build({
    stdin: { contents: source, resolveDir: root.pathname, loader: 'ts' },
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
  const code = result.outputFiles[0].contents;
  // Modules that put bytes into the bundle (the metafile's inputs also list what tree shaking dropped).
  const output = Object.values(result.metafile.outputs)[0];
  const inputs = Object.entries(output.inputs)
    .filter(([, info]) => info.bytesInOutput > 0)
    .map(([path]) => path);
  return {
    name,
    minified: code.length,
    gzip: gzipSync(code, { level: 9 }).length,
    zod: inputs.some((p) => p.includes('/zod/')),
    modules: inputs.length,
  };
}

function time(fn, runs) {
  for (let i = 0; i < 20; i++) fn();
  const samples = [];
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    fn();
    samples.push(performance.now() - start);
  }
  samples.sort((a, b) => a - b);
  const at = (q) => samples[Math.min(samples.length - 1, Math.floor(q * samples.length))];
  return { median: at(0.5), p95: at(0.95), runs };
}

const sizes = [
  await bundleSize('model-only (baseline)', "export { statutoryLayout, readCell } from '@nianbao/model';"),
  await bundleSize('ApplicationsTable', "export { ApplicationsTable } from './src/index.ts';"),
  await bundleSize('AnnualReport', "export { AnnualReport } from './src/index.ts';"),
];

const { seedReport } = await import('@nianbao/model/fixtures');
const { renderReportHtml } = await import('../dist/server.js');
const { ApplicationsTable, ProactiveDisclosureTable, ReviewLitigationTable, reportChecks } = await import(
  '../dist/index.js'
);
const { createElement, Fragment } = await import('react');
const { renderToStaticMarkup } = await import('react-dom/server');
const tablesOnly = () =>
  renderToStaticMarkup(
    createElement(
      Fragment,
      null,
      createElement(ProactiveDisclosureTable, { t2: seedReport.t2 }),
      createElement(ApplicationsTable, { t3: seedReport.t3 }),
      createElement(ReviewLitigationTable, { t4: seedReport.t4 }),
    ),
  );
const ssr = [
  { name: 'tables-only (baseline)', ...time(tablesOnly, 200) },
  {
    name: 'renderReportHtml(seedReport, { checks: true })',
    ...time(() => renderReportHtml(seedReport, { checks: true }), 200),
  },
  // What data entry recomputes per change: every evaluation plus the derived totals.
  { name: 'reportChecks(seedReport) per edit', ...time(() => reportChecks(seedReport), 200) },
];

const kb = (n) => `${(n / 1024).toFixed(2)} kB`;
console.log(`NODE_ENV=${process.env.NODE_ENV}; sizes from the sources, React external; SSR from dist`);
for (const s of sizes) {
  console.log(
    `${s.name.padEnd(24)} min ${kb(s.minified).padStart(9)}  min+gz ${kb(s.gzip).padStart(9)}  modules ${s.modules}  zod ${s.zod ? 'YES' : 'no'}`,
  );
}
for (const s of ssr) {
  console.log(
    `${s.name.padEnd(30)} median ${s.median.toFixed(2)} ms  p95 ${s.p95.toFixed(2)} ms  (${s.runs} runs)`,
  );
}
const table = sizes.find((s) => s.name === 'ApplicationsTable');
const problems = [];
if (table.gzip > TARGET_BYTES)
  problems.push(`ApplicationsTable is ${kb(table.gzip)} min+gz, over ${kb(TARGET_BYTES)}`);
for (const s of sizes) if (s.zod) problems.push(`${s.name} pulls in zod`);
mkdirSync(new URL('.bench-results/', root), { recursive: true });
writeFileSync(
  new URL('.bench-results/react.json', root),
  `${JSON.stringify({ sizes, ssr, problems }, null, 2)}\n`,
);
for (const p of problems) console.error(`FAIL ${p}`);
process.exit(problems.length > 0 ? 1 : 0);
