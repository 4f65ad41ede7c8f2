// Benchmark: peak memory (RSS) of parseReportJson + checkReport on 20 MB inputs (the size limit), each in a
// fresh child process, against a baseline child that only reads the same text. Plain Node ESM over the built
// package: run `pnpm --filter @nianbao/model build` first. Fails (exit 1) over the ceiling.
// Output: one human line per input and a final JSON line for CI.

import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { seedReport } from '../dist/fixtures/index.js';

/** Peak RSS allowed for reading one 20 MB input, in MB (the text alone is ~40 MB as UTF-16). */
const CEILING_MB = Number(process.env.RSS_CEILING_MB ?? 1024);
const TARGET = 20 * 1024 * 1024 - 64 * 1024;

/** The seed report grown to just under TARGET bytes of UTF-8 JSON; `grow` adds one unit and returns its bytes. */
function build(grow) {
  const report = structuredClone(seedReport);
  let bytes = Buffer.byteLength(JSON.stringify(report));
  for (let i = 0; bytes < TARGET; i++) bytes += grow(report, i);
  return JSON.stringify(report);
}

const paragraph =
  '本年度共收到政府信息公开申请 12 件，办结 12 件，其中予以公开 8 件，部分公开 2 件，不予公开 2 件。';
const inputs = {
  'narrative paragraphs': build((report, i) => {
    const block = { type: 'paragraph', text: `${i}${paragraph}` };
    report.sections.overview.push(block);
    return Buffer.byteLength(JSON.stringify(block)) + 1;
  }),
  'unknown keys in meta': build((report, i) => {
    const key = `extraKey${i}`;
    report.meta[key] = i;
    return key.length + String(i).length + 4;
  }),
};

const child = fileURLToPath(new URL('./memory-child.mjs', import.meta.url));
const dir = mkdtempSync(join(tmpdir(), 'nianbao-rss-'));
const results = [];
try {
  for (const [name, text] of Object.entries(inputs)) {
    const file = join(dir, 'input.json');
    writeFileSync(file, text);
    const run = (mode) =>
      JSON.parse(execFileSync(process.execPath, [child, mode, file], { encoding: 'utf8' }));
    const baseline = run('read');
    const parsed = run('parse');
    const line = {
      input: name,
      bytes: Buffer.byteLength(text),
      baselineRssMb: baseline.rssMb,
      rssMb: parsed.rssMb,
      seconds: parsed.seconds,
      outcome: parsed.outcome,
    };
    results.push(line);
    console.log(
      `${name}: ${(line.bytes / 1048576).toFixed(1)} MB → peak RSS ${line.rssMb} MB (reading the text alone: ${line.baselineRssMb} MB), ${line.seconds} s, ${line.outcome}`,
    );
  }
} finally {
  rmSync(dir, { recursive: true, force: true });
}
const over = results.filter((r) => r.rssMb > CEILING_MB);
console.log(JSON.stringify({ bench: 'memory', ceilingMb: CEILING_MB, results }));
if (over.length > 0) {
  console.error(`peak RSS over the ${CEILING_MB} MB ceiling: ${over.map((r) => r.input).join(', ')}`);
  process.exit(1);
}
