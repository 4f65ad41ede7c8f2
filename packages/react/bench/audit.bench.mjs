// node bench/audit.bench.mjs: the cost of the audit dashboard for a 2,000-report region.
// 1. Time: an audit to HTML against the baseline "validate" (parse + checkReport every report, what `nianbao
//    validate` does per file), all on the same 2,000 Report JSON texts in memory, interleaved round by round so
//    that load from other processes hits every side. Two audits:
//    - "shared": each text parsed once and evaluated once (evaluateWithCounts: every instance that did not pass,
//      and the passes counted per rule; findings by findingsFrom), the evaluation and the counts handed to
//      buildRegionAudit (scorecards) and the evaluation to renderAuditHtml (cell marks);
//    - "findings only": parse + checkReport, as an importer hands its results over (the cli's audit), so the
//      scorecards evaluate the rules they read and the marks re-run the rules of the findings.
//    Reported as the median of each round's ratio (target ≤ 1.5×) with each side's median.
// 2. The page's size in bytes (target < 5 MB) and its first contentful paint in Chromium (target < 1 s).
// Needs `pnpm build` of @nianbao/model and @nianbao/react. Prints a table to stdout, with the load average.
// With NIANBAO_AUDIT_BENCH_SAVE=<path>, first saves the page (and <path>.json) and later compares it (see below).
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { availableParallelism, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';

process.env.NODE_ENV ??= 'production';
const { buildRegionAudit, checkReport, evaluateWithCounts, findingsFrom, parseReportJson } = await import(
  '@nianbao/model'
);
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

function audit(shared) {
  const evaluations = [];
  const inputs = texts.map((text, i) => {
    const result = parseReportJson(text);
    if (!result.ok) throw new Error('a bench report does not parse');
    // Every rule's failures and how many of each rule passed (what the scorecard counts): one run for both.
    const counted = shared ? evaluateWithCounts(result.report) : undefined;
    evaluations.push(counted?.evaluations);
    return {
      file: `r/${i}.json`,
      ok: true,
      report: result.report,
      findings: counted ? findingsFrom(counted.evaluations) : checkReport(result.report),
      ...(counted ? { evaluations: counted.evaluations, passed: counted.passed } : {}),
      notes: [],
      confidence: { read: 200, inferred: 0, missing: 0 },
      format: '2021',
      layouts: '',
    };
  });
  region = buildRegionAudit(inputs);
  return renderAuditHtml(region, shared ? { evaluations } : {});
}

// The last audit's document, for the comparison below (kept outside the timed work).
let region;

const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
const load = [loadavg()[0]];
validate();
let html = audit(true);
if (audit(false) !== html) throw new Error('the two audits drew different pages');
const times = { validate: [], shared: [], findings: [], sharedRatio: [], findingsRatio: [] };
for (let round = 0; round < ROUNDS; round++) {
  let start = performance.now();
  validate();
  const v = performance.now() - start;
  start = performance.now();
  html = audit(true);
  const a = performance.now() - start;
  start = performance.now();
  audit(false);
  const f = performance.now() - start;
  times.validate.push(v);
  times.shared.push(a);
  times.findings.push(f);
  times.sharedRatio.push(a / v);
  times.findingsRatio.push(f / v);
}
load.push(loadavg()[0]);
// NIANBAO_AUDIT_BENCH_SAVE=<path>: the page and its audit JSON (<path>.json) are written there when absent and
// otherwise compared byte for byte, so a speed change can show it draws the same page as before it.
const saved = process.env.NIANBAO_AUDIT_BENCH_SAVE;
if (saved) {
  for (const [path, text] of [
    [saved, html],
    [`${saved}.json`, JSON.stringify(region)],
  ]) {
    if (!existsSync(path)) writeFileSync(path, text);
    else if (readFileSync(path, 'utf8') !== text)
      throw new Error(`${path}: the audit differs from the saved one`);
  }
  console.log(`compared with ${saved}(.json): the same page and audit JSON, byte for byte`);
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

const seconds = (ms) => (ms / 1000).toFixed(2);
console.log(
  `audit of ${COUNT} reports to HTML, ${ROUNDS} interleaved rounds (medians); load average ${load.map((l) => l.toFixed(2)).join(' → ')} on ${availableParallelism()} cores`,
);
console.log(
  '| audit | validate s | audit → HTML s | ratio (target ≤ 1.5×) | page MB (< 5) | first paint ms (< 1000) |',
);
console.log('|---|---|---|---|---|---|');
const pageCells = `${(bytes / 1e6).toFixed(2)} | ${median(paints).toFixed(0)}`;
console.log(
  `| shared evaluation | ${seconds(median(times.validate))} | ${seconds(median(times.shared))} | ${median(times.sharedRatio).toFixed(2)}× | ${pageCells} |`,
);
console.log(
  `| findings only (cli) | ${seconds(median(times.validate))} | ${seconds(median(times.findings))} | ${median(times.findingsRatio).toFixed(2)}× | ${pageCells} |`,
);
