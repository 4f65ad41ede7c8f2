// One measurement for memory.bench.mjs: reads FILE, then (mode `import`) imports it; prints the peak RSS of
// this process in MB as JSON.
import { readFileSync } from 'node:fs';
import { importReport } from '../dist/index.js';

const [mode, file] = process.argv.slice(2);
const start = performance.now();
const text = readFileSync(file, 'utf8');
let outcome = 'read';
if (mode === 'import') {
  const result = importReport(text, { kind: 'text' });
  outcome = result.ok ? `ok, ${result.notes.length} notes, ${result.findings.length} findings` : 'not ok';
}
const rssMb = Math.round(process.resourceUsage().maxRSS / 1024);
console.log(JSON.stringify({ rssMb, seconds: ((performance.now() - start) / 1000).toFixed(2), outcome }));
