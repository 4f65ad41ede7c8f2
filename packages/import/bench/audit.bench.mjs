// pnpm bench (after pnpm build): what `nianbao audit` spends importing a batch of reports, with one thread
// against a worker pool sized to the cores, in the same run.
//
// The batch is BENCH_BATCH (default 200) copies of fixtures/corpus/*.txt, cycled, in a temporary directory.
// Each configuration runs BENCH_RUNS times (default 3), alternating, each in a fresh Node process as `nianbao
// audit` runs (cold: module loading and JIT warm-up are paid by the thread or by every worker), and the median
// wall time is reported, so a machine busy with other work skews both sides alike. Two times per run: the whole
// process (what a user waits for) and importFiles alone. Concurrency 1 imports in the calling thread (as audit
// did before the pool); N uses N worker threads, each reading and importing file after file.
import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { availableParallelism, tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const pkg = join(dirname(fileURLToPath(import.meta.url)), '..');
const dist = join(pkg, 'dist/index.js');
if (!existsSync(dist) || !existsSync(join(pkg, 'dist/pool-worker.js'))) {
  console.error('bench: run `pnpm build` first (dist/index.js or dist/pool-worker.js missing)');
  process.exit(1);
}

/** One cold run in a child process: { processMs, importMs, cpuMs (all threads, during importFiles), threads }. */
function coldRun(files, cwd, concurrency) {
  const script = `
    const { importFiles } = await import(${JSON.stringify(pathToFileURL(dist).href)});
    const files = JSON.parse(process.env.BENCH_FILES);
    const started = performance.now();
    const cpu = process.cpuUsage();
    const results = await importFiles(files, { cwd: ${JSON.stringify(cwd)}, concurrency: ${concurrency} });
    const importMs = performance.now() - started;
    const used = process.cpuUsage(cpu);
    const cpuMs = (used.user + used.system) / 1000;
    const failed = results.filter((r) => !r.result.ok).length;
    if (failed > 0) throw new Error(failed + ' file(s) failed to import');
    console.log(JSON.stringify({ importMs, cpuMs, threads: new Set(results.map((r) => r.threadId)).size }));`;
  const started = performance.now();
  const child = spawnSync(process.execPath, ['--input-type=module', '-e', script], {
    cwd: pkg,
    encoding: 'utf8',
    env: { ...process.env, BENCH_FILES: JSON.stringify(files) },
  });
  const processMs = performance.now() - started;
  if (child.status !== 0) throw new Error(child.stderr);
  return { processMs, ...JSON.parse(child.stdout) };
}

const BATCH = Number(process.env.BENCH_BATCH ?? 200);
const RUNS = Number(process.env.BENCH_RUNS ?? 3);
const cores = availableParallelism();
const corpus = join(pkg, 'fixtures/corpus');
const texts = readdirSync(corpus)
  .filter((name) => name.endsWith('.txt'))
  .sort();
const work = mkdtempSync(join(tmpdir(), 'nianbao-audit-bench-'));
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

try {
  const files = Array.from({ length: BATCH }, (_, i) => {
    const name = `${String(i).padStart(4, '0')}-${texts[i % texts.length]}`;
    copyFileSync(join(corpus, texts[i % texts.length]), join(work, name));
    return name;
  });
  const configs = [...new Set([1, cores])];
  const times = new Map(configs.map((c) => [c, { processMs: [], importMs: [], cpuMs: [] }]));
  for (let run = 0; run < RUNS; run++) {
    for (const concurrency of configs) {
      const { processMs, importMs, cpuMs, threads } = coldRun(files, work, concurrency);
      // Concurrency 1 is the calling thread; more must be that many workers, or the figures mean nothing.
      if (threads !== concurrency) throw new Error(`concurrency ${concurrency} ran on ${threads} thread(s)`);
      times.get(concurrency).processMs.push(processMs);
      times.get(concurrency).importMs.push(importMs);
      times.get(concurrency).cpuMs.push(cpuMs);
      console.log(
        `run ${run + 1}: concurrency ${concurrency} (${threads} thread(s)): process ${processMs.toFixed(0)} ms, importFiles ${importMs.toFixed(0)} ms, CPU ${cpuMs.toFixed(0)} ms`,
      );
    }
  }
  const base = times.get(1);
  console.log(`\n${BATCH} files, ${cores} core(s), cold process each run, median of ${RUNS}:`);
  for (const concurrency of configs) {
    const { processMs, importMs, cpuMs } = times.get(concurrency);
    const label = concurrency === 1 ? '1 (in-thread baseline)' : `${concurrency} (workers)`;
    const p = median(processMs);
    const i = median(importMs);
    console.log(
      `  concurrency ${label}: process ${p.toFixed(0)} ms (×${(median(base.processMs) / p).toFixed(2)}), importFiles ${i.toFixed(0)} ms (×${(median(base.importMs) / i).toFixed(2)}), ${(i / BATCH).toFixed(1)} ms/file, CPU ${median(cpuMs).toFixed(0)} ms`,
    );
  }
} finally {
  rmSync(work, { recursive: true, force: true });
}
