// node bench/first-chart.bench.mjs: why this package draws with Observable Plot and not ECharts, measured.
// 1. Time to a first chart in a fresh Node process (import the library, draw one horizontal bar chart of the seven
//    申请人 columns with Chinese labels, serialise the SVG), each library its own SSR way: ECharts
//    `init(null, null, { renderer: 'svg', ssr: true })` + `renderToSVGString()` (then `dispose()`, without which the
//    process does not exit), Plot `plot({ document })` on a linkedom document. Baseline: ECharts. The two alternate
//    run by run so load from other processes hits both; reported as each side's median and the median of the ratios.
// 2. The SVG's size and whether it carries an accessible name (role/aria-label/<title>) straight from the library.
// 3. Installed size: the file bytes of each library's folder and its dependencies here (what a consumer installs).
// Prints a table to stdout with the load average. Needs `pnpm install` only (the libraries, no build).
import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync, realpathSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { loadavg } from 'node:os';
import { dirname, join } from 'node:path';

const RUNS = 9;
const bars = [
  ['自然人', 120],
  ['商业企业', 30],
  ['科研机构', 2],
  ['社会公益组织', 5],
  ['法律服务机构', 8],
  ['其他', 1],
];

const programs = {
  echarts: `
    const t0 = performance.now();
    const echarts = await import('echarts');
    const bars = ${JSON.stringify(bars)};
    const chart = echarts.init(null, null, { renderer: 'svg', ssr: true, width: 640, height: 320 });
    chart.setOption({ animation: false, aria: { enabled: true }, title: { text: '收到申请数' },
      yAxis: { type: 'category', data: bars.map((b) => b[0]) }, xAxis: { type: 'value' },
      series: [{ type: 'bar', data: bars.map((b) => b[1]), label: { show: true, position: 'right' } }] });
    const svg = chart.renderToSVGString();
    chart.dispose();
    console.log(JSON.stringify({ ms: performance.now() - t0, svg }));`,
  plot: `
    const t0 = performance.now();
    const Plot = await import('@observablehq/plot');
    const { parseHTML } = await import('linkedom');
    const bars = ${JSON.stringify(bars)};
    const { document } = parseHTML('<!doctype html><html><body></body></html>');
    const svg = Plot.plot({ document, width: 640, height: 320, marginLeft: 100, ariaLabel: '收到申请数',
      y: { label: null }, marks: [Plot.barX(bars, { x: (d) => d[1], y: (d) => d[0] }),
      Plot.text(bars, { x: (d) => d[1], y: (d) => d[0], text: (d) => String(d[1]), dx: 4, textAnchor: 'start' })] }).outerHTML;
    console.log(JSON.stringify({ ms: performance.now() - t0, svg }));`,
};

function once(name) {
  const out = execFileSync(process.execPath, ['--input-type=module', '-e', programs[name]], {
    cwd: dirname(new URL(import.meta.url).pathname),
    encoding: 'utf8',
    timeout: 120_000,
  });
  return JSON.parse(out);
}

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = Math.floor(s.length / 2);
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
};

function bytes(dir) {
  let total = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) total += bytes(path);
    else if (entry.isFile()) total += statSync(path).size;
  }
  return total;
}

/** The package's folder and those of its dependencies, recursively (pnpm's store layout, each counted once). */
function installed(name, seen = new Map(), from = import.meta.url) {
  const local = createRequire(from);
  let dir;
  try {
    dir = realpathSync(dirname(local.resolve(`${name}/package.json`)));
  } catch {
    // Packages whose exports hide package.json: walk up from the entry.
    dir = dirname(realpathSync(local.resolve(name)));
    while (!readdirSync(dir).includes('package.json')) dir = dirname(dir);
  }
  if (seen.has(dir)) return seen;
  seen.set(dir, bytes(dir));
  const manifest = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8'));
  for (const dep of Object.keys(manifest.dependencies ?? {})) installed(dep, seen, join(dir, 'package.json'));
  return seen;
}
const mb = (map) => ([...map.values()].reduce((a, b) => a + b, 0) / 1e6).toFixed(1);

const times = { echarts: [], plot: [] };
const ratios = [];
let last = {};
for (let run = 0; run < RUNS; run += 1) {
  const e = once('echarts');
  const p = once('plot');
  times.echarts.push(e.ms);
  times.plot.push(p.ms);
  ratios.push(e.ms / p.ms);
  last = { echarts: e.svg, plot: p.svg };
}
const named = (svg) => /<svg[^>]*(role="img"|aria-label=)|<title/.test(svg.slice(0, 2000));
const rows = [
  ['', 'ECharts 6.1.0 (baseline)', 'Plot 0.6.17 + linkedom'],
  ['first chart, median ms', median(times.echarts).toFixed(0), median(times.plot).toFixed(0)],
  ['ECharts / Plot, median of ratios', '1', `${median(ratios).toFixed(2)}× faster`],
  ['SVG bytes', String(last.echarts.length), String(last.plot.length)],
  ['accessible name in the SVG', String(named(last.echarts)), String(named(last.plot))],
  [
    'installed MB (file bytes)',
    mb(installed('echarts')),
    mb(installed('linkedom', installed('@observablehq/plot'))),
  ],
];
for (const row of rows) console.log(`| ${row.join(' | ')} |`);
console.log(
  `\n${RUNS} runs each, interleaved; load average ${loadavg()
    .map((l) => l.toFixed(1))
    .join(' ')}`,
);
