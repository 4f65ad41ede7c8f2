// pnpm bench (after pnpm build): @nianbao/docx against @nianbao/pdf rendering the same reports, same run.
//
// For the seed and the busy fixture, both renderers: cold (a fresh Node process, start to file written; median of
// BENCH_COLD runs, the renderers taking turns so a change in the machine's load hits both alike), warm (another
// render in a live process after BENCH_WARMUP untimed ones, median of BENCH_RUNS) and the output size. The PDF side
// is `@nianbao/pdf/node` (what the CLI uses) with its code cache written by an untimed first run. Target: DOCX warm
// ≤ 1/3 of PDF warm (a DOCX has no layout or font subsetting to do).
// Env: BENCH_RUNS (default 5), BENCH_COLD (default 5), BENCH_WARMUP (default 3).
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { availableParallelism, tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

process.env.NODE_ENV ??= 'production';
const here = dirname(fileURLToPath(import.meta.url));
const pkg = join(here, '..');
const pdfPkg = join(pkg, '..', 'pdf');
const docxDist = pathToFileURL(join(pkg, 'dist/node.js')).href;
const pdfNodeDist = pathToFileURL(join(pdfPkg, 'dist/node.js')).href;
const pdfDist = pathToFileURL(join(pdfPkg, 'dist/index.js')).href;
const RUNS = Number(process.env.BENCH_RUNS ?? 5);
const COLD_RUNS = Number(process.env.BENCH_COLD ?? 5);
const WARMUP = Number(process.env.BENCH_WARMUP ?? 3);
const work = mkdtempSync(join(tmpdir(), 'nianbao-docx-bench-'));
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const ms = (x) => `${x.toFixed(0)} ms`;
const kb = (x) => `${(x / 1024).toFixed(0)} KB`;

for (const file of [join(pkg, 'dist/node.js'), join(pdfPkg, 'dist/node.js')]) {
  if (!existsSync(file)) {
    console.error(`bench: run \`pnpm build\` first (${file} missing)`);
    process.exit(1);
  }
}

const { renderReportDocx } = await import(docxDist);
const { renderReportPdf } = await import(pdfDist);
const { seedReport, busyReport } = await import('@nianbao/model/fixtures');
const fixtures = { seed: seedReport, busy: busyReport };
const results = { date: new Date().toISOString(), cores: availableParallelism(), fixtures: {} };
const quiet = { onWarning: () => {} };

// ---- cold: fresh processes, the two renderers in turn
const codeCache = join(work, 'code-cache');
function fresh(script) {
  const started = performance.now();
  const run = spawnSync(process.execPath, ['--input-type=module', '-e', script], {
    cwd: pkg,
    encoding: 'utf8',
    env: { ...process.env, NIANBAO_COMPILE_CACHE: codeCache },
  });
  if (run.status !== 0) throw new Error(run.stderr);
  return performance.now() - started;
}
const script = (entry, fn, name, ext) =>
  `const m=await import(${JSON.stringify(entry)});const f=await import('@nianbao/model/fixtures');await m.${fn}(f.${name}Report, ${JSON.stringify(join(work, `cold-${name}.${ext}`))},{onWarning(){}});`;
fresh(script(pdfNodeDist, 'renderReportPdfToFile', 'seed', 'pdf')); // writes the PDF code cache (untimed)
for (const name of Object.keys(fixtures)) {
  const times = { docx: [], pdf: [] };
  for (let i = 0; i < COLD_RUNS; i++) {
    times.docx.push(fresh(script(docxDist, 'renderReportDocxToFile', name, 'docx')));
    times.pdf.push(fresh(script(pdfNodeDist, 'renderReportPdfToFile', name, 'pdf')));
  }
  results.fixtures[name] = { docx: { coldMs: median(times.docx) }, pdf: { coldMs: median(times.pdf) } };
}

// ---- warm: a live process, after untimed renders
for (const [name, report] of Object.entries(fixtures)) {
  for (const [kind, render] of [
    ['docx', () => renderReportDocx(report, quiet)],
    ['pdf', () => renderReportPdf(report, quiet)],
  ]) {
    for (let i = 0; i < WARMUP; i++) await render();
    const warm = [];
    let bytes;
    for (let i = 0; i < RUNS; i++) {
      const t = performance.now();
      bytes = await render();
      warm.push(performance.now() - t);
    }
    Object.assign(results.fixtures[name][kind], { warmMs: median(warm), bytes: bytes.length });
  }
}
rmSync(work, { recursive: true, force: true });

const lines = [
  `@nianbao/docx vs @nianbao/pdf, same run (${results.cores} cores; cold median of ${COLD_RUNS}, warm median of ${RUNS} after ${WARMUP})`,
  '',
  '| report | DOCX cold | PDF cold | DOCX warm | PDF warm | warm ratio | DOCX size | PDF size |',
  '|---|---|---|---|---|---|---|---|',
];
let met = true;
for (const [name, r] of Object.entries(results.fixtures)) {
  const ratio = r.docx.warmMs / r.pdf.warmMs;
  r.warmRatio = ratio;
  if (ratio > 1 / 3) met = false;
  lines.push(
    `| ${name} | ${ms(r.docx.coldMs)} | ${ms(r.pdf.coldMs)} | ${ms(r.docx.warmMs)} | ${ms(r.pdf.warmMs)} | ${ratio.toFixed(2)} | ${kb(r.docx.bytes)} | ${kb(r.pdf.bytes)} |`,
  );
}
results.targetMet = met;
lines.push('', `target DOCX warm ≤ 1/3 of PDF warm: ${met ? 'met' : 'NOT met'}`);
console.log(lines.join('\n'));
mkdirSync(join(pkg, '.bench-results'), { recursive: true });
writeFileSync(join(pkg, '.bench-results/docx.json'), `${JSON.stringify(results, null, 2)}\n`);
