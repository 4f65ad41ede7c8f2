// One measurement for memory.bench.mjs: reads FILE, then (mode `parse`) parses and checks it; prints the
// peak RSS of this process in MB as JSON.
import { readFileSync } from 'node:fs';
import { checkReport, parseReportJson } from '../dist/index.js';

const [mode, file] = process.argv.slice(2);
const start = performance.now();
const text = readFileSync(file, 'utf8');
let outcome = 'read';
if (mode === 'parse') {
  const result = parseReportJson(text);
  outcome = result.ok
    ? `ok, ${checkReport(result.report).length} findings`
    : `${result.errors.length} issues`;
}
const rssMb = Math.round(process.resourceUsage().maxRSS / 1024);
console.log(JSON.stringify({ rssMb, seconds: ((performance.now() - start) / 1000).toFixed(2), outcome }));
