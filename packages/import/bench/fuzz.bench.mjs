// Fuzzing at scale: the fuzz tests of src/fuzz.test.ts with FUZZ_RUNS=100000: 100,000 each of generated texts,
// generated web pages and generated PDF page geometry; 10,000 tiny PDFs; 2,500 generated Word files; 1,000
// each of mutated HTML, mutated pdftotext output, DOCX with mutated XML, damaged DOCX bytes, XLSX with mutated
// XML and damaged XLSX bytes; 250 damaged PDFs (pdf.js takes tens of milliseconds a PDF). Override with
// FUZZ_RUNS. Prints each property's count, duration and outcome, then a JSON line; exits 1 on any failure (a
// failing input is printed by fast-check: keep it in fuzz-regressions/, which the tests replay).
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const runs = process.env.FUZZ_RUNS ?? '100000';
const cwd = fileURLToPath(new URL('..', import.meta.url));
const dir = mkdtempSync(join(tmpdir(), 'nianbao-fuzz-'));
const report = join(dir, 'vitest.json');
const started = performance.now();
const result = spawnSync(
  'npx',
  [
    'vitest',
    'run',
    'src/fuzz.test.ts',
    '--testTimeout=0',
    '--reporter=default',
    '--reporter=json',
    `--outputFile.json=${report}`,
  ],
  { cwd, stdio: 'inherit', env: { ...process.env, FUZZ_RUNS: runs } },
);
const seconds = Math.round((performance.now() - started) / 1000);
let properties = [];
try {
  const json = JSON.parse(readFileSync(report, 'utf8'));
  properties = json.testResults.flatMap((file) =>
    file.assertionResults.map((test) => ({
      property: test.title,
      // The count is in the title, "(1000)"; the regression replay has none.
      inputs: Number(/\((\d+)\)$/.exec(test.title)?.[1] ?? 0) || undefined,
      seconds: Math.round((test.duration ?? 0) / 100) / 10,
      ok: test.status === 'passed',
    })),
  );
} finally {
  rmSync(dir, { recursive: true, force: true });
}
for (const p of properties) {
  console.log(`${p.ok ? 'ok  ' : 'FAIL'} ${p.property}: ${p.seconds} s`);
}
const inputs = properties.reduce((sum, p) => sum + (p.inputs ?? 0), 0);
console.log(
  JSON.stringify({
    bench: 'fuzz',
    parser: 'importReport/importDocument',
    fuzzRuns: Number(runs),
    inputs,
    seconds,
    failures: properties.filter((p) => !p.ok).map((p) => p.property),
    properties,
    ok: result.status === 0,
  }),
);
process.exit(result.status ?? 1);
