// node bench/audit.bench.mjs: the cost of the audit dashboard for a 2,000-report region.
// 1. Time: an audit to HTML (parse + check every report, then buildRegionAudit and renderAuditHtml) against the
//    baseline "validate" (parse + check every report, what `nianbao validate` does per file), both on the same
//    2,000 Report JSON texts in memory, interleaved round by round so that load from other processes hits both.
//    Reported as the median ratio (target ≤ 1.5×) with each side's median.
// 2. The page's size in bytes (target < 5 MB) and its first contentful paint in Chromium (target < 1 s).
// Needs `pnpm build` of @nianbao/model and @nianbao/react. Prints to stdout.
import { writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';

process.env.NODE_ENV ??= 'production';
const { buildRegionAudit, checkReport, parseReportJson } = await import('@nianbao/model');
const { busyReport, failingFixtures } = await import('@nianbao/model/fixtures');
const { renderAuditHtml } = await import('../dist/server.js');

const COUNT = 2000;
const ROUNDS = 5;
// A region of valid reports: the busy one and every failing fixture Report JSON accepts (one planted problem each).
const sources = [busyReport, ...failingFixtures.filter((f) => !f.previous).map((f) => f.report)].filter(
  (report) => parseReportJson(JSON.stringify(report)).ok,
);
const texts = Array.from({ length: COUNT }, (_, i) => {
  const report = sources[i % sources.length];
  return JSON.stringify({ ...report, meta: { ...report.meta, agency: `第${i}号单位` } });
});

function validate() {
  for (const text of texts) {
    const result = parseReportJson(text);
    if (result.ok) checkReport(result.report);
  }
}

function audit() {
  const inputs = texts.map((text, i) => {
    const result = parseReportJson(text);
    if (!result.ok) throw new Error('a bench report does not parse');
    return {
      file: `r/${i}.json`,
      ok: true,
      report: result.report,
      findings: checkReport(result.report),
      notes: [],
      confidence: { read: 200, inferred: 0, missing: 0 },
      format: '2021',
      layouts: '',
    };
  });
  return renderAuditHtml(buildRegionAudit(inputs));
}

const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
validate();
let html = audit();
const times = { validate: [], audit: [], ratio: [] };
for (let round = 0; round < ROUNDS; round++) {
  let start = performance.now();
  validate();
  const v = performance.now() - start;
  start = performance.now();
  html = audit();
  const a = performance.now() - start;
  times.validate.push(v);
  times.audit.push(a);
  times.ratio.push(a / v);
}
const bytes = Buffer.byteLength(html);
const file = join(tmpdir(), `nianbao-audit-bench-${process.pid}.html`);
writeFileSync(file, html);

const { chromium } = await import('playwright-core');
const browser = await chromium.launch({
  executablePath: '/usr/bin/chromium',
  args: ['--headless', '--no-sandbox'],
});
const page = await browser.newPage();
const paints = [];
for (let k = 0; k < 3; k++) {
  await page.goto(`file://${file}`);
  paints.push(
    await page.evaluate(
      () => performance.getEntriesByName('first-contentful-paint')[0]?.startTime ?? Number.NaN,
    ),
  );
}
await browser.close();

console.log(`audit of ${COUNT} reports to HTML, ${ROUNDS} interleaved rounds (medians):`);
console.log(`  validate (baseline)  ${median(times.validate).toFixed(0)} ms`);
console.log(
  `  audit → HTML         ${median(times.audit).toFixed(0)} ms  (${median(times.ratio).toFixed(2)}× validate; target ≤ 1.5×)`,
);
console.log(`  page                 ${(bytes / 1e6).toFixed(2)} MB (target < 5 MB)`);
console.log(`  first paint          ${median(paints).toFixed(0)} ms in Chromium (target < 1000 ms)`);
