// One measurement for memory.bench.mjs: reads FILE, then imports it — mode `import`: its text with importReport
// (kind text), mode `document`: its bytes with importDocument (PDF, DOCX) — and prints the peak RSS of this
// process in MB as JSON. Mode `read` only reads the file (the baseline).
import { readFileSync } from 'node:fs';
import { importDocument, importReport } from '../dist/index.js';

const [mode, file] = process.argv.slice(2);
const start = performance.now();
const bytes = readFileSync(file);
let outcome = 'read';
let result;
if (mode === 'import') result = importReport(bytes.toString('utf8'), { kind: 'text' });
if (mode === 'document') result = await importDocument(new Uint8Array(bytes));
if (result) {
  outcome = result.ok
    ? `ok, ${result.notes.length} notes, ${result.findings.length} findings`
    : `not ok: ${result.notes[0]?.code}`;
}
const rssMb = Math.round(process.resourceUsage().maxRSS / 1024);
console.log(JSON.stringify({ rssMb, seconds: ((performance.now() - start) / 1000).toFixed(2), outcome }));
